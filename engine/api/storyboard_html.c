/*
 * storyboard_html.c - a storyboard as one self-contained HTML page: the
 * shot list (shot, duration, lens, beats) as a table, then the panels,
 * each the exact panel picture as a PNG data URI with its caption as
 * text. Nothing outside the file is referenced; no dates.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../media/media.h"
#include "storyboard.h"

#define HTML_COLUMNS 4

/* text with &, <, >, " and ' escaped */
static void esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':  fputs("&amp;", f); break;
        case '<':  fputs("&lt;", f); break;
        case '>':  fputs("&gt;", f); break;
        case '"':  fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default:   fputc(*s, f); break;
        }
    }
}

static void base64(FILE *f, const uint8_t *d, size_t n)
{
    static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char buf[4096];
    size_t k = 0;

    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (i + 1 < n ? (uint32_t)d[i + 1] << 8 : 0) |
                     (i + 2 < n ? d[i + 2] : 0);
        buf[k++] = t[v >> 18 & 63];
        buf[k++] = t[v >> 12 & 63];
        buf[k++] = i + 1 < n ? t[v >> 6 & 63] : '=';
        buf[k++] = i + 2 < n ? t[v & 63] : '=';
        if (k + 4 > sizeof buf) {
            fwrite(buf, 1, k, f);
            k = 0;
        }
    }
    fwrite(buf, 1, k, f);
}

static const char style[] =
    "body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#18181c;background:#fff}\n"
    "h1{font-size:22px;margin:0 0 4px}\n"
    "p.summary{color:#555;margin:0 0 16px}\n"
    "table.shots{border-collapse:collapse;margin:0 0 24px;font-size:14px}\n"
    "table.shots th,table.shots td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}\n"
    "table.shots th{background:#eee}\n"
    "h2{font-size:16px;margin:16px 0 8px}\n"
    ".board{display:grid;gap:16px}\n"
    "figure{margin:0;break-inside:avoid}\n"
    "figure img{display:block;width:100%;height:auto;border:1px solid #aab;box-sizing:border-box}\n"
    "figcaption{font-size:12px;line-height:1.35;margin-top:4px}\n"
    ".t{font-weight:bold}.tc{font-family:monospace}.beat{color:#1a3a80}.what{color:#8c2818}.lens{color:#555}\n";

static void shot_row(FILE *f, const sb_board *b, int si)
{
    const oyster_shot *shot = b->shots[si];
    const oy_script *s = shot->script;
    const oy_output *o = &s->output;
    const char *base = strrchr(s->path, '/');
    char secs[32], lens[32], tc[24];
    const oy_event *ev;
    int nev, beats = 0;

    sb_seconds(o->duration, secs, sizeof secs);
    sb_shot_lens(shot, lens, sizeof lens);
    fprintf(f, "<tr><td>%d</td><td>", si + 1);
    esc(f, s->title);
    fputs("<br><small>", f);
    esc(f, base ? base + 1 : s->path);
    fprintf(f, "</small></td><td>%s<br><small>%lld frames at %d", secs, (long long)o->frames, o->fps.num);
    if (o->fps.den != 1)
        fprintf(f, "/%d", o->fps.den);
    fprintf(f, " fps</small></td><td>%s</td><td>", lens);
    ev = oy_model_events(shot->model, &nev);
    for (int i = 0; i < nev; i++) {
        if (ev[i].type != OY_EV_BEAT || ev[i].frame >= o->frames)
            continue;
        oy_timecode_format(tc, ev[i].frame + o->timecode_start, o->fps);
        fprintf(f, "%s<span class=\"tc\">%s</span> ", beats++ ? "<br>" : "", tc);
        esc(f, ev[i].text ? ev[i].text : "");
    }
    if (!beats)
        fputs("&mdash;", f);
    fputs("</td></tr>\n", f);
}

static int panel(FILE *f, const sb_board *b, const sb_panel *p)
{
    uint8_t *png = NULL;
    size_t size = 0;
    sb_caption c;
    int err;

    if ((err = oy_png_encode(p->rgb, b->pw, b->ph, (ptrdiff_t)b->pw * 3, &png, &size, b->log)))
        return err;
    sb_caption_of(b, p, &c);
    fprintf(f, "<figure class=\"panel\" id=\"r%dp%d\"><img src=\"data:image/png;base64,", p->row + 1, p->number);
    base64(f, png, size);
    free(png);
    fprintf(f, "\" width=\"%d\" height=\"%d\" alt=\"panel %d\">\n<figcaption><span class=\"t\">",
            b->pw, b->ph, p->number);
    esc(f, c.title);
    fprintf(f, "</span><br>panel %d <span class=\"tc\">%s</span>", p->number, p->timecode);
    if (c.beat[0]) {
        fputs("<br><span class=\"beat\">", f);
        esc(f, c.beat);
        fputs("</span>", f);
    }
    if (c.what[0]) {
        fputs("<br><span class=\"what\">", f);
        esc(f, c.what);
        fputs("</span>", f);
    }
    fputs("<br><span class=\"lens\">", f);
    esc(f, c.lens);
    fputs("</span></figcaption></figure>\n", f);
    return 0;
}

int sb_write_html(const sb_board *b, const char *path)
{
    int cols = b->o->columns > 0 ? b->o->columns : b->nrows > 1 ? sb_row_max(b) : HTML_COLUMNS;
    FILE *f;
    int err = 0, io = 0;

    if (cols > sb_row_max(b))
        cols = sb_row_max(b);
    if (!(f = fopen(path, "w"))) {
        err = -errno;
        oy_error(b->log, "cannot write '%s': %s", path, oyster_strerror(err));
        return err;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"generator\" content=\"oyster storyboard\">\n<title>Storyboard: ", f);
    esc(f, b->title);
    fprintf(f, "</title>\n<style>\n%s.board{grid-template-columns:repeat(%d,minmax(0,%dpx))}\n"
            "</style>\n</head>\n<body>\n<h1>", style, cols, b->pw);
    esc(f, b->title);
    fputs("</h1>\n<p class=\"summary\">", f);
    esc(f, b->summary);
    fputs("</p>\n<table class=\"shots\">\n<thead><tr><th>#</th><th>shot</th><th>duration</th>"
          "<th>lens</th><th>beats</th></tr></thead>\n<tbody>\n", f);
    for (int i = 0; i < b->per_row; i++)
        shot_row(f, b, i);
    fputs("</tbody>\n</table>\n", f);
    for (int i = 0; i < b->npanels && !err; i++) {
        const sb_panel *p = &b->panels[i];
        if (i == 0 || p->row != b->panels[i - 1].row) {
            if (i)
                fputs("</div>\n", f);
            if (b->nrows > 1) {
                char label[64];
                sb_row_label(b, p->row, label, sizeof label);
                fprintf(f, "<h2>%s</h2>\n", label);
            }
            fputs("<div class=\"board\">\n", f);
        }
        err = panel(f, b, p);
    }
    fputs("</div>\n</body>\n</html>\n", f);
    if (ferror(f) && !err)
        err = io = -EIO;
    if (fclose(f) != 0 && !err)
        err = io = -(errno ? errno : EIO);
    if (io)
        oy_error(b->log, "cannot write '%s': %s", path, oyster_strerror(err));
    return err;
}
