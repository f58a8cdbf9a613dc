/*
 * fcpxml.c - an edit as FCPXML 1.9: one format for the edit's picture and
 * rate, one asset per media file (with its media-rep), and a project
 * whose sequence spine holds an asset-clip per clip, each beat a marker
 * one frame long. Times are rational seconds in frames of the rate
 * ("1001/24000s", "2s"); the sequence starts at the edit's timecode.
 */
#include <string.h>

#include "edit.h"

/* s as XML text or attribute value. XML 1.0 has no other control
 * characters than tab, newline and return: the rest become spaces. */
static void esc(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '&':  fputs("&amp;", f); break;
        case '<':  fputs("&lt;", f); break;
        case '>':  fputs("&gt;", f); break;
        case '"':  fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        case '\t': case '\n': case '\r': fprintf(f, "&#%d;", *p); break;
        default:   fputc(*p < 0x20 ? ' ' : *p, f); break;
        }
    }
}

/* frames as rational seconds: "0s", "2s", "50/24s", "120120/24000s" */
static void tm(FILE *f, const oy_edit *e, int64_t frames)
{
    long long v = (long long)frames * e->fps_den;
    if (v % e->fps_num == 0)
        fprintf(f, "%llds", v / e->fps_num);
    else
        fprintf(f, "%lld/%ds", v, e->fps_num);
}

/* Whether clip i is the first to cut from its media. */
static int first_use(const oy_edit *e, int i)
{
    for (int j = 0; j < i; j++)
        if (!strcmp(e->clips[j].url, e->clips[i].url))
            return 0;
    return 1;
}

/* The id (r2, r3 ...) of the asset clip i cuts from: assets come in the
 * order of their media's first use. */
static int asset_of(const oy_edit *e, int i)
{
    int first = 0, id = 2;
    while (strcmp(e->clips[first].url, e->clips[i].url))
        first++;
    for (int j = 0; j < first; j++)
        id += first_use(e, j);
    return id;
}

static void asset(FILE *f, const oy_edit *e, const oy_edit_clip *c, int id)
{
    const char *base = strrchr(c->media, '/'), *dot;
    char name[256];

    base = base ? base + 1 : c->media;
    dot = strrchr(base, '.');
    snprintf(name, sizeof name, "%.*s", dot && dot > base ? (int)(dot - base) : (int)strlen(base), base);
    fprintf(f, "        <asset id=\"r%d\" name=\"", id);
    esc(f, name);
    fputs("\" start=\"0s\" duration=\"", f);
    tm(f, e, c->media_frames);
    fputs("\" hasVideo=\"1\" format=\"r1\" videoSources=\"1\"", f);
    if (c->audio)
        fputs(" hasAudio=\"1\" audioSources=\"1\" audioChannels=\"2\" audioRate=\"48000\"", f);
    fputs(">\n            <media-rep kind=\"original-media\" src=\"", f);
    esc(f, c->url);
    fputs("\"/>\n        </asset>\n", f);
}

static void clip(FILE *f, const oy_edit *e, const oy_edit_clip *c, int64_t rec)
{
    fprintf(f, "                        <asset-clip ref=\"r%d\" offset=\"", asset_of(e, (int)(c - e->clips)));
    tm(f, e, rec);
    fputs("\" name=\"", f);
    esc(f, c->name);
    fputs("\" start=\"", f);
    tm(f, e, c->media_start);
    fputs("\" duration=\"", f);
    tm(f, e, c->frames);
    fputs("\" format=\"r1\" tcFormat=\"NDF\">\n                            <note>", f);
    fprintf(f, "seed %llu, ", (unsigned long long)c->seed);
    esc(f, c->lens);
    fputs(", ", f);
    esc(f, c->script);
    if (c->prompt) {
        fputs(": ", f);
        esc(f, c->prompt);
    }
    fputs("</note>\n", f);
    for (int i = 0; i < c->nbeats; i++) {
        fputs("                            <marker start=\"", f);
        tm(f, e, c->media_start + c->beats[i].frame);
        fputs("\" duration=\"", f);
        tm(f, e, 1);
        fputs("\" value=\"", f);
        esc(f, c->beats[i].title);
        fputs("\"/>\n", f);
    }
    fputs("                        </asset-clip>\n", f);
}

int oy_edit_write_fcpxml(const oy_edit *e, FILE *f)
{
    int64_t total = 0, rec = e->timecode_start;

    for (int i = 0; i < e->nclips; i++)
        total += e->clips[i].frames;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE fcpxml>\n\n"
          "<fcpxml version=\"1.9\">\n    <resources>\n", f);
    fputs("        <format id=\"r1\" frameDuration=\"", f);
    tm(f, e, 1);
    fprintf(f, "\" width=\"%d\" height=\"%d\"/>\n", e->width, e->height);
    for (int i = 0; i < e->nclips; i++)
        if (first_use(e, i))
            asset(f, e, &e->clips[i], asset_of(e, i));
    fputs("    </resources>\n    <library>\n        <event name=\"", f);
    esc(f, e->title);
    fputs("\">\n            <project name=\"", f);
    esc(f, e->title);
    fputs("\">\n                <sequence format=\"r1\" duration=\"", f);
    tm(f, e, total);
    fputs("\" tcStart=\"", f);
    tm(f, e, e->timecode_start);
    fputs("\" tcFormat=\"NDF\" audioLayout=\"stereo\" audioRate=\"48k\">\n"
          "                    <spine>\n", f);
    for (int i = 0; i < e->nclips; i++) {
        clip(f, e, &e->clips[i], rec);
        rec += e->clips[i].frames;
    }
    fputs("                    </spine>\n                </sequence>\n            </project>\n"
          "        </event>\n    </library>\n</fcpxml>\n", f);
    return 0;
}
