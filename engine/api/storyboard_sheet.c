/*
 * storyboard_sheet.c - a storyboard as one PNG sheet: a header (the
 * sequence's titles, shots, duration, panels), then the panels in rows
 * with their captions under them, dark text on white so it prints. Each
 * seed row (--seeds) starts a new line of panels under its label.
 *
 * Geometry, with s = max(1, panel width / 240) pixels per font pixel:
 * margins and gaps G = 8s; the header 2G + 27s high; a caption 6 lines
 * of 11s under a 3s gap; a seed label band 13s over each line when there
 * are seed rows. The sheet is G + columns (pw + G) wide and header +
 * lines (label + ph + caption + G) high.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../media/media.h"
#include "../overlay/overlay.h"
#include "storyboard.h"

#define SHEET_COLUMNS 4            /* default panels per line */
#define CAPTION_LINES 6

typedef struct sheet {
    uint8_t *rgb;
    int w, h;
    ptrdiff_t stride;
    int s;                         /* pixels per font pixel */
} sheet;

typedef struct rgb3 { uint8_t r, g, b; } rgb3;

static const rgb3 ink_title = { 20, 20, 24 }, ink_text = { 50, 50, 56 },
                  ink_beat = { 24, 56, 128 }, ink_what = { 140, 40, 24 },
                  ink_lens = { 80, 80, 88 }, ink_rule = { 170, 170, 176 };

/* Next UTF-8 character as a font character: printable ASCII, else '?'. */
static int next_glyph(const unsigned char **s)
{
    const unsigned char *q = *s;
    int c = *q++;
    if (c >= 0x80) {
        while ((*q & 0xc0) == 0x80)
            q++;
        c = '?';
    }
    *s = q;
    return c;
}

static size_t glyphs(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xc0) != 0x80;
    return count;
}

double sb_text_measure(void *scale, const char *s, size_t n)
{
    size_t g = glyphs(s, n);
    return g ? (double)((int)g * (OY_FONT_W + 1) - 1) * *(const int *)scale : 0.0;
}

static double measure(void *ctx, const char *s, size_t n)
{
    return sb_text_measure(&((sheet *)ctx)->s, s, n);
}

void sb_fill(uint8_t *rgb, ptrdiff_t stride, int w, int h, int x0, int y0, int x1, int y1,
             const uint8_t ink[3])
{
    for (int y = y0 < 0 ? 0 : y0; y < y1 && y < h; y++)
        for (int x = x0 < 0 ? 0 : x0; x < x1 && x < w; x++)
            memcpy(rgb + y * stride + x * 3, ink, 3);
}

void sb_text(uint8_t *rgb, ptrdiff_t stride, int w, int h, int x, int y, int scale,
             const uint8_t ink[3], const char *str)
{
    const unsigned char *q = (const unsigned char *)str;
    for (int i = 0; *q; i++) {
        int ch = next_glyph(&q);
        for (int gy = 0; gy < OY_FONT_H; gy++)
            for (int gx = 0; gx < OY_FONT_W; gx++)
                if (oy_font_pixel(ch, gx, gy)) {
                    int px = x + (i * (OY_FONT_W + 1) + gx) * scale, py = y + gy * scale;
                    sb_fill(rgb, stride, w, h, px, py, px + scale, py + scale, ink);
                }
    }
}

static void fill(sheet *sh, int x0, int y0, int x1, int y1, rgb3 c)
{
    uint8_t ink[3] = { c.r, c.g, c.b };
    sb_fill(sh->rgb, sh->stride, sh->w, sh->h, x0, y0, x1, y1, ink);
}

static void text(sheet *sh, int x, int y, int scale, rgb3 c, const char *str)
{
    uint8_t ink[3] = { c.r, c.g, c.b };
    sb_text(sh->rgb, sh->stride, sh->w, sh->h, x, y, scale, ink, str);
}

/* One line of text cut to width with "..." when it is longer. */
static void text_fit(sheet *sh, int x, int y, int scale, int width, rgb3 c, const char *str)
{
    char line[1][SB_TEXT];
    if (sb_wrap(str, width, sb_text_measure, &scale, line, 1))
        text(sh, x, y, scale, c, line[0]);
}

int sb_write_sheet(const sb_board *b, const char *path)
{
    const int s = b->pw / 240 > 1 ? b->pw / 240 : 1, G = 8 * s, L = 11 * s;
    const int header = 2 * G + 27 * s, caption = 3 * s + CAPTION_LINES * L;
    const int band = b->nrows > 1 ? L + 2 * s : 0;
    int cols = b->o->columns > 0 ? b->o->columns : b->nrows > 1 ? sb_row_max(b) : SHEET_COLUMNS;
    int nlines, err, line_h;
    sb_line *lines = NULL;
    sheet sh = { 0 };

    if (cols > b->npanels && b->nrows == 1)
        cols = b->npanels;
    if (cols > sb_row_max(b))
        cols = sb_row_max(b);
    if ((err = sb_lines(b, cols, &lines, &nlines)))
        return err;
    line_h = band + b->ph + caption + G;
    sh.s = s;
    sh.w = G + cols * (b->pw + G);
    sh.h = header + nlines * line_h;
    sh.stride = (ptrdiff_t)sh.w * 3;
    if ((int64_t)sh.w * sh.h > 400000000 / 3) {
        oy_error(b->log, "a %dx%d sheet is too big; use --columns, a smaller --panel-width or .pdf",
                 sh.w, sh.h);
        free(lines);
        return OYSTER_E_INPUT;
    }
    if (!(sh.rgb = oy_malloc((size_t)sh.stride * sh.h))) {
        free(lines);
        return OYSTER_E_NOMEM;
    }
    memset(sh.rgb, 255, (size_t)sh.stride * sh.h);

    text_fit(&sh, G, G, 2 * s, sh.w - 2 * G, ink_title, b->title);
    text_fit(&sh, G, G + 20 * s, s, sh.w - 2 * G, ink_text, b->summary);
    fill(&sh, G, header - G / 2 - (s + 1) / 2, sh.w - G, header - G / 2 + s / 2, ink_rule);

    for (int li = 0; li < nlines; li++) {
        const sb_line *l = &lines[li];
        int y = header + li * line_h;
        if (l->label) {
            char label[64];
            sb_row_label(b, l->row, label, sizeof label);
            text(&sh, G, y + s, s, ink_title, label);
        }
        y += band;
        for (int k = 0; k < l->count; k++) {
            const sb_panel *p = &b->panels[l->first + k];
            int x = G + k * (b->pw + G), cy = y + b->ph + 3 * s;
            char what[2][SB_TEXT];
            sb_caption c;
            int nw;

            for (int r = 0; r < b->ph; r++)
                memcpy(sh.rgb + (y + r) * sh.stride + x * 3, p->rgb + (size_t)r * b->pw * 3,
                       (size_t)b->pw * 3);
            /* a hairline round the picture, outside it */
            fill(&sh, x - 1, y - 1, x + b->pw + 1, y, ink_rule);
            fill(&sh, x - 1, y + b->ph, x + b->pw + 1, y + b->ph + 1, ink_rule);
            fill(&sh, x - 1, y, x, y + b->ph, ink_rule);
            fill(&sh, x + b->pw, y, x + b->pw + 1, y + b->ph, ink_rule);

            sb_caption_of(b, p, &c);
            text_fit(&sh, x, cy, s, b->pw, ink_title, c.title);
            text_fit(&sh, x, cy + L, s, b->pw, ink_text, c.head);
            text_fit(&sh, x, cy + 2 * L, s, b->pw, ink_beat, c.beat);
            nw = sb_wrap(c.what, b->pw, measure, &sh, what, 2);
            for (int i = 0; i < nw; i++)
                text(&sh, x, cy + (3 + i) * L, s, ink_what, what[i]);
            text_fit(&sh, x, cy + 5 * L, s, b->pw, ink_lens, c.lens);
        }
    }
    err = oy_png_write(path, sh.rgb, sh.w, sh.h, sh.stride, b->log);
    free(sh.rgb);
    free(lines);
    return err;
}
