/*
 * overlay - burn-ins drawn over a finished frame (output.burn_in): timecode,
 * title, beat, lens, seed, frame number, safe areas and a rule-of-thirds
 * grid, in oyster's built-in bitmap font. Part of the picture, so frame
 * hashes include it.
 */
#ifndef OY_OVERLAY_H
#define OY_OVERLAY_H

#include <stddef.h>
#include <stdint.h>

#include "../script/script.h"

#define OY_FONT_W 5
#define OY_FONT_H 7

/* 1 where glyph c has ink at column x, row y (unknown characters as '?'). */
int oy_font_pixel(int c, int x, int y);

typedef struct oy_overlay {
    unsigned burn_in;          /* OY_BURN_* */
    const char *title;
    const char *beat;          /* NULL before the first beat */
    int64_t frame;
    oy_rational fps;
    int64_t timecode_start;    /* frames */
    float focal_mm;
    uint64_t seed;
    double aspect;             /* letterbox aspect, 0 none: guides follow the picture */
} oy_overlay;

void oy_overlay_draw(uint8_t *rgb, ptrdiff_t stride, int w, int h, const oy_overlay *o);

#endif
