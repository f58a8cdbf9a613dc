/*
 * map.h - the canvas `oyster map` draws its overlays on: an RGB image with
 * blended lines (solid or dashed), filled triangles, circles and text in
 * the built-in font with a dark halo. Private to engine/api/ (map.c,
 * map_draw.c). Coordinates are pixels as doubles; every operation is
 * plain sequential arithmetic, so the same calls give the same bytes.
 */
#ifndef OY_MAP_H
#define OY_MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct oy_canvas {
    uint8_t *rgb;
    int w, h;
    ptrdiff_t stride;
} oy_canvas;

typedef struct oy_ink {
    uint8_t r, g, b;
    uint8_t a;              /* 255 opaque */
} oy_ink;

/* A line of width px from (x0, y0) to (x1, y1); dash > 0 draws dash px on,
 * gap px off, continuing the pattern from *phase (px along the dash cycle,
 * updated; NULL starts at 0). */
void oy_canvas_line(oy_canvas *c, double x0, double y0, double x1, double y1,
                    double width, oy_ink ink, double dash, double gap, double *phase);
/* Filled triangle (pixel centres inside it). */
void oy_canvas_triangle(oy_canvas *c, const double x[3], const double y[3], oy_ink ink);
/* Filled disc, and a circle outline (dashed when dash > 0). */
void oy_canvas_disc(oy_canvas *c, double x, double y, double r, oy_ink ink);
void oy_canvas_circle(oy_canvas *c, double x, double y, double r, double width,
                      oy_ink ink, double dash, double gap);
/* Filled axis-aligned rectangle [x0, x1) x [y0, y1). */
void oy_canvas_rect(oy_canvas *c, int x0, int y0, int x1, int y1, oy_ink ink);

/* Text at scale font pixels per glyph pixel, top-left at x, y, with a
 * halo of dark pixels around the ink. */
void oy_canvas_text(oy_canvas *c, int x, int y, int scale, oy_ink ink, const char *s);
int oy_canvas_text_width(const char *s, int scale);
int oy_canvas_text_height(int scale);

#endif
