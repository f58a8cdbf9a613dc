/*
 * map_draw.c - drawing on the map's canvas (map.h): soft-edged lines and
 * shapes from distances to pixel centres, text in the built-in 5x7 font
 * with a dark halo so labels read on water, forest and snow alike.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "../overlay/overlay.h"
#include "map.h"

static void blend(oy_canvas *c, int x, int y, oy_ink ink, double cover)
{
    if (x < 0 || y < 0 || x >= c->w || y >= c->h || cover <= 0.0)
        return;
    int a = (int)(cover * ink.a + 0.5);
    if (a <= 0)
        return;
    if (a > 255)
        a = 255;
    uint8_t *p = c->rgb + y * c->stride + x * 3;
    p[0] = (uint8_t)((p[0] * (255 - a) + ink.r * a + 127) / 255);
    p[1] = (uint8_t)((p[1] * (255 - a) + ink.g * a + 127) / 255);
    p[2] = (uint8_t)((p[2] * (255 - a) + ink.b * a + 127) / 255);
}

/* The pixel box around [x0, x1] x [y0, y1] plus pad, clipped; 0 if empty. */
static int box(const oy_canvas *c, double x0, double y0, double x1, double y1, double pad,
               int *bx0, int *by0, int *bx1, int *by1)
{
    double lx = fmin(x0, x1) - pad, hx = fmax(x0, x1) + pad;
    double ly = fmin(y0, y1) - pad, hy = fmax(y0, y1) + pad;
    if (hx < 0.0 || hy < 0.0 || lx > c->w || ly > c->h)
        return 0;
    *bx0 = lx < 0.0 ? 0 : (int)lx;
    *by0 = ly < 0.0 ? 0 : (int)ly;
    *bx1 = hx >= c->w - 1 ? c->w - 1 : (int)hx + 1;
    *by1 = hy >= c->h - 1 ? c->h - 1 : (int)hy + 1;
    return 1;
}

void oy_canvas_line(oy_canvas *c, double x0, double y0, double x1, double y1,
                    double width, oy_ink ink, double dash, double gap, double *phase)
{
    double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy, len = sqrt(len2);
    double hw = 0.5 * width, ph = phase ? *phase : 0.0, cycle = dash + gap;
    int bx0, by0, bx1, by1;

    if (phase && dash > 0.0)
        *phase = fmod(ph + len, cycle);
    /* keep far-off segments (feature courses run for kilometres) cheap */
    if (len > 1e5 || !box(c, x0, y0, x1, y1, hw + 1.0, &bx0, &by0, &bx1, &by1))
        return;
    for (int y = by0; y <= by1; y++)
        for (int x = bx0; x <= bx1; x++) {
            double px = x + 0.5 - x0, py = y + 0.5 - y0;
            double u = len2 > 0.0 ? (px * dx + py * dy) / len2 : 0.0;
            if (u < 0.0) u = 0.0;
            if (u > 1.0) u = 1.0;
            double ex = px - u * dx, ey = py - u * dy;
            double d = sqrt(ex * ex + ey * ey);
            double cover = hw + 0.5 - d;
            if (cover <= 0.0)
                continue;
            if (dash > 0.0 && fmod(ph + u * len, cycle) >= dash)
                continue;
            blend(c, x, y, ink, cover > 1.0 ? 1.0 : cover);
        }
}

void oy_canvas_triangle(oy_canvas *c, const double x[3], const double y[3], oy_ink ink)
{
    int bx0, by0, bx1, by1;
    double lx = fmin(x[0], fmin(x[1], x[2])), hx = fmax(x[0], fmax(x[1], x[2]));
    double ly = fmin(y[0], fmin(y[1], y[2])), hy = fmax(y[0], fmax(y[1], y[2]));
    double area = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0]);

    if (area == 0.0 || !box(c, lx, ly, hx, hy, 1.0, &bx0, &by0, &bx1, &by1))
        return;
    for (int py = by0; py <= by1; py++)
        for (int px = bx0; px <= bx1; px++) {
            double sx = px + 0.5, sy = py + 0.5;
            int inside = 1;
            for (int i = 0; i < 3 && inside; i++) {
                int j = (i + 1) % 3;
                double e = (x[j] - x[i]) * (sy - y[i]) - (y[j] - y[i]) * (sx - x[i]);
                inside = area > 0.0 ? e >= 0.0 : e <= 0.0;
            }
            if (inside)
                blend(c, px, py, ink, 1.0);
        }
}

void oy_canvas_disc(oy_canvas *c, double x, double y, double r, oy_ink ink)
{
    int bx0, by0, bx1, by1;
    if (!box(c, x, y, x, y, r + 1.0, &bx0, &by0, &bx1, &by1))
        return;
    for (int py = by0; py <= by1; py++)
        for (int px = bx0; px <= bx1; px++) {
            double ex = px + 0.5 - x, ey = py + 0.5 - y;
            double cover = r + 0.5 - sqrt(ex * ex + ey * ey);
            if (cover > 0.0)
                blend(c, px, py, ink, cover > 1.0 ? 1.0 : cover);
        }
}

void oy_canvas_circle(oy_canvas *c, double x, double y, double r, double width,
                      oy_ink ink, double dash, double gap)
{
    int bx0, by0, bx1, by1;
    double hw = 0.5 * width;
    if (r > 1e5 || !box(c, x, y, x, y, r + hw + 1.0, &bx0, &by0, &bx1, &by1))
        return;
    /* a whole number of dashes around the circle, so the pattern closes */
    double circ = 2.0 * OY_PI * r, cycle = dash + gap;
    if (dash > 0.0) {
        double n = floor(circ / cycle + 0.5);
        if (n < 4.0)
            n = 4.0;
        cycle = circ / n;
        dash = cycle * dash / (dash + gap);
    }
    for (int py = by0; py <= by1; py++)
        for (int px = bx0; px <= bx1; px++) {
            double ex = px + 0.5 - x, ey = py + 0.5 - y;
            double cover = hw + 0.5 - fabs(sqrt(ex * ex + ey * ey) - r);
            if (cover <= 0.0)
                continue;
            if (dash > 0.0) {
                double s = ((double)oy_atan2f((float)ey, (float)ex) + OY_PI) * r;
                if (fmod(s, cycle) >= dash)
                    continue;
            }
            blend(c, px, py, ink, cover > 1.0 ? 1.0 : cover);
        }
}

void oy_canvas_rect(oy_canvas *c, int x0, int y0, int x1, int y1, oy_ink ink)
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            blend(c, x, y, ink, 1.0);
}

int oy_canvas_text_width(const char *s, int scale)
{
    int n = (int)strlen(s);
    return n ? (n * (OY_FONT_W + 1) - 1) * scale : 0;
}

int oy_canvas_text_height(int scale) { return OY_FONT_H * scale; }

void oy_canvas_text(oy_canvas *c, int x, int y, int scale, oy_ink ink, const char *s)
{
    static const oy_ink halo = { 16, 18, 22, 200 };
    int pad = scale, tw = oy_canvas_text_width(s, scale), th = OY_FONT_H * scale;
    int mw = tw + 2 * pad, mh = th + 2 * pad;
    uint8_t *mask;

    if (!tw || x + tw + pad < 0 || y + th + pad < 0 || x - pad >= c->w || y - pad >= c->h)
        return;
    /* 2: ink, 1: halo (ink grown by pad), 0: untouched; each pixel blended once */
    mask = calloc((size_t)mw * mh, 1);
    if (!mask)
        return;
    for (int i = 0; s[i]; i++)
        for (int gy = 0; gy < OY_FONT_H; gy++)
            for (int gx = 0; gx < OY_FONT_W; gx++) {
                if (!oy_font_pixel((unsigned char)s[i], gx, gy))
                    continue;
                int x0 = pad + (i * (OY_FONT_W + 1) + gx) * scale, y0 = pad + gy * scale;
                for (int yy = y0 - pad; yy < y0 + scale + pad; yy++)
                    for (int xx = x0 - pad; xx < x0 + scale + pad; xx++)
                        if (!mask[yy * mw + xx])
                            mask[yy * mw + xx] = 1;
                for (int yy = y0; yy < y0 + scale; yy++)
                    memset(mask + yy * mw + x0, 2, (size_t)scale);
            }
    for (int yy = 0; yy < mh; yy++)
        for (int xx = 0; xx < mw; xx++)
            if (mask[yy * mw + xx])
                blend(c, x - pad + xx, y - pad + yy, mask[yy * mw + xx] == 2 ? ink : halo, 1.0);
    free(mask);
}
