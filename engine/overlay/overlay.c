/*
 * overlay.c - drawing burn-ins: text on a darkened box in the frame's
 * corners, sized to the frame (one font pixel per 270 rows), and thin
 * guides for safe areas and thirds inside the active (letterboxed) picture.
 */
#include <stdio.h>
#include <string.h>

#include "overlay.h"

static void darken(uint8_t *rgb, ptrdiff_t stride, int w, int h, int x0, int y0, int x1, int y1)
{
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > w) x1 = w;
    if (y1 > h) y1 = h;
    for (int y = y0; y < y1; y++) {
        uint8_t *p = rgb + y * stride + x0 * 3;
        for (int x = x0; x < x1; x++, p += 3) {
            p[0] = (uint8_t)(p[0] * 2 / 5);
            p[1] = (uint8_t)(p[1] * 2 / 5);
            p[2] = (uint8_t)(p[2] * 2 / 5);
        }
    }
}

static int text_width(const char *s, int scale) { return (int)strlen(s) * (OY_FONT_W + 1) * scale; }

/* Text with its top-left corner at x, y, on a dark box. */
static void text(uint8_t *rgb, ptrdiff_t stride, int w, int h, int x, int y, int scale, const char *s)
{
    int pad = scale * 2;
    darken(rgb, stride, w, h, x - pad, y - pad, x + text_width(s, scale) + pad - scale,
           y + OY_FONT_H * scale + pad);
    for (int i = 0; s[i]; i++)
        for (int gy = 0; gy < OY_FONT_H; gy++)
            for (int gx = 0; gx < OY_FONT_W; gx++) {
                if (!oy_font_pixel((unsigned char)s[i], gx, gy))
                    continue;
                for (int sy = 0; sy < scale; sy++)
                    for (int sx = 0; sx < scale; sx++) {
                        int px = x + (i * (OY_FONT_W + 1) + gx) * scale + sx, py = y + gy * scale + sy;
                        if (px >= 0 && px < w && py >= 0 && py < h)
                            memset(rgb + py * stride + px * 3, 235, 3);
                    }
            }
}

static void hline(uint8_t *rgb, ptrdiff_t stride, int w, int y, int x0, int x1)
{
    (void)w;
    for (int x = x0; x < x1; x++)
        if ((x / 4) % 2 == 0)
            memset(rgb + y * stride + x * 3, 200, 3);
}

static void vline(uint8_t *rgb, ptrdiff_t stride, int x, int y0, int y1)
{
    for (int y = y0; y < y1; y++)
        if ((y / 4) % 2 == 0)
            memset(rgb + y * stride + x * 3, 200, 3);
}

static void rect(uint8_t *rgb, ptrdiff_t stride, int w, int x0, int y0, int x1, int y1)
{
    hline(rgb, stride, w, y0, x0, x1);
    hline(rgb, stride, w, y1 - 1, x0, x1);
    vline(rgb, stride, x0, y0, y1);
    vline(rgb, stride, x1 - 1, y0, y1);
}

void oy_overlay_draw(uint8_t *rgb, ptrdiff_t stride, int w, int h, const oy_overlay *o)
{
    int scale = h / 270 > 1 ? h / 270 : 1;
    int margin = 4 * scale + h / 60;
    int line_h = (OY_FONT_H + 4) * scale;
    int top = 0, bottom = h;            /* the active picture */
    char buf[160];
    int yl = margin, yr = margin, ybl = h - margin - OY_FONT_H * scale, ybr = ybl;

    if (o->aspect > 0 && (double)w / h < o->aspect) {
        int ah = (int)(w / o->aspect + 0.5);
        top = (h - ah) / 2;
        bottom = top + ah;
    }
    if (o->burn_in & OY_BURN_THIRDS) {
        int ah = bottom - top;
        hline(rgb, stride, w, top + ah / 3, 0, w);
        hline(rgb, stride, w, top + 2 * ah / 3, 0, w);
        vline(rgb, stride, w / 3, top, bottom);
        vline(rgb, stride, 2 * w / 3, top, bottom);
    }
    if (o->burn_in & OY_BURN_SAFE_AREAS) {
        int ah = bottom - top;
        /* action safe 93%, title safe 90% (SMPTE ST 2046-1) */
        rect(rgb, stride, w, w * 35 / 1000, top + ah * 35 / 1000, w - w * 35 / 1000, bottom - ah * 35 / 1000);
        rect(rgb, stride, w, w / 20, top + ah / 20, w - w / 20, bottom - ah / 20);
    }
    if (o->burn_in & OY_BURN_TITLE && o->title) {
        snprintf(buf, sizeof buf, "%s", o->title);
        text(rgb, stride, w, h, margin, yl, scale, buf);
        yl += line_h;
    }
    if (o->burn_in & OY_BURN_TIMECODE) {
        oy_timecode_format(buf, o->frame + o->timecode_start, o->fps);
        text(rgb, stride, w, h, w - margin - text_width(buf, scale), yr, scale, buf);
        yr += line_h;
    }
    if (o->burn_in & OY_BURN_FRAME) {
        snprintf(buf, sizeof buf, "F %lld", (long long)o->frame);
        text(rgb, stride, w, h, w - margin - text_width(buf, scale), yr, scale, buf);
    }
    if (o->burn_in & OY_BURN_BEAT && o->beat) {
        snprintf(buf, sizeof buf, "%s", o->beat);
        text(rgb, stride, w, h, margin, ybl, scale, buf);
    }
    if (o->burn_in & OY_BURN_SEED) {
        snprintf(buf, sizeof buf, "SEED %llu", (unsigned long long)o->seed);
        text(rgb, stride, w, h, w - margin - text_width(buf, scale), ybr, scale, buf);
        ybr -= line_h;
    }
    if (o->burn_in & OY_BURN_LENS) {
        snprintf(buf, sizeof buf, "%.0fmm", o->focal_mm);
        text(rgb, stride, w, h, w - margin - text_width(buf, scale), ybr, scale, buf);
    }
}
