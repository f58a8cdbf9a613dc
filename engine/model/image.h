/*
 * image - world.image (oyster-shot(5)) read into latent targets: a k-means palette
 * (distances by CBLAS sgemm), brightness, contrast, saturation, colour
 * temperature and the sky colour of the top band. Results that steer the
 * world are rounded to a coarse grid so BLAS kernel differences between
 * CPUs never reach the picture (docs/architecture.md, "Rules every change keeps").
 */
#ifndef OY_IMAGE_H
#define OY_IMAGE_H

#include <stdint.h>

#include "../core/core.h"

#define OY_PALETTE_SIZE 5

typedef struct oy_image_stats {
    float palette[OY_PALETTE_SIZE][3];  /* linear-ish sRGB 0..1, by weight desc */
    float weight[OY_PALETTE_SIZE];      /* share of pixels, sum 1 */
    float brightness;                   /* mean luma 0..1 */
    float contrast;                     /* luma standard deviation 0..~0.5 */
    float saturation;                   /* mean chroma 0..1 */
    float warmth;                       /* -1 blue .. 1 orange */
    float sky[3];                       /* mean colour of the top fifth */
} oy_image_stats;

/* Analyse an rgb24 image (tightly packed). Deterministic for a given
 * image: k-means starts from a fixed seeding and runs a fixed number of
 * iterations. Returns 0 or OYSTER_E_NOMEM. */
int oy_image_analyze(const uint8_t *rgb, int w, int h, oy_image_stats *out);

/* Latent targets an image implies (channels OY_CH_EXPOSURE, WARMTH,
 * CONTRAST, SATURATION, TINT, TIME hints ...): sets target[ch] and mask[ch]. */
void oy_image_targets(const oy_image_stats *s, float *target,
                      unsigned char *mask);

#endif
