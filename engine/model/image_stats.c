/*
 * image_stats.c - world.image read into numbers (engine/model/image.h): a
 * 5-colour k-means palette whose point-to-centre distances come from one
 * CBLAS sgemm per iteration, plus brightness, contrast, saturation,
 * warmth and the sky colour, and the latent targets they imply.
 *
 * Determinism: pixels are sampled on a jittered grid hashed from their
 * cell, k-means starts from farthest-point seeding and runs a fixed
 * number of iterations, sums run in a fixed order, OpenBLAS runs on one
 * thread, and every result is rounded to 1/64 so a BLAS kernel that
 * differs in the last bits on another CPU cannot move the world.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cblas.h>

#include "image.h"
#include "model.h"

#define SAMPLES 4096          /* about this many pixels are analysed */
#define ITERATIONS 12
#define GRID 64.0f            /* results are multiples of 1/GRID */

static float snap(float x)
{
    return floorf(x * GRID + 0.5f) / GRID;
}

/* Jittered grid: one sample per step x step cell, its place hashed from
 * the cell, so the samples never alias with regular patterns. */
static int sample_pixels(const uint8_t *rgb, int w, int h, float *xs, int *top)
{
    int step = (int)ceilf(sqrtf((float)w * h / SAMPLES));
    int n = 0, top_rows = h / 5 > 0 ? h / 5 : 1;

    if (step < 1)
        step = 1;
    *top = 0;
    for (int gy = 0; gy < h; gy += step)
        for (int gx = 0; gx < w; gx += step) {
            uint64_t r = oy_hash(0, OY_STREAM_IMAGE, (uint64_t)gx, (uint64_t)gy, 0);
            int x = gx + (int)((r & 0xffff) % (uint64_t)step);
            int y = gy + (int)((r >> 16 & 0xffff) % (uint64_t)step);
            const uint8_t *p;
            if (x >= w)
                x = w - 1;
            if (y >= h)
                y = h - 1;
            p = rgb + 3 * ((size_t)y * w + x);
            for (int c = 0; c < 3; c++)
                xs[3 * n + c] = p[c] * (1.0f / 255.0f);
            /* samples are in row order: cells starting in the top fifth
             * come first and are the sky band (never empty) */
            if (gy < top_rows)
                *top = n + 1;
            n++;
        }
    return n;
}

static int max_cells(int w, int h)
{
    int step = (int)ceilf(sqrtf((float)w * h / SAMPLES));
    if (step < 1)
        step = 1;
    return ((w + step - 1) / step) * ((h + step - 1) / step);
}

static float dist2(const float *a, const float *b)
{
    float d0 = a[0] - b[0], d1 = a[1] - b[1], d2 = a[2] - b[2];
    return d0 * d0 + d1 * d1 + d2 * d2;
}

/* Farthest-point seeding: the mean colour, then repeatedly the sample
 * farthest from every centre so far (lowest index on ties). */
static void seed_centres(const float *xs, int n, float c[OY_PALETTE_SIZE][3])
{
    double sum[3] = { 0, 0, 0 };

    for (int i = 0; i < n; i++)
        for (int k = 0; k < 3; k++)
            sum[k] += xs[3 * i + k];
    for (int k = 0; k < 3; k++)
        c[0][k] = (float)(sum[k] / n);
    for (int j = 1; j < OY_PALETTE_SIZE; j++) {
        int best = 0;
        float best_d = -1.0f;
        for (int i = 0; i < n; i++) {
            float d = dist2(xs + 3 * i, c[0]);
            for (int m = 1; m < j; m++) {
                float e = dist2(xs + 3 * i, c[m]);
                d = e < d ? e : d;
            }
            if (d > best_d) {
                best_d = d;
                best = i;
            }
        }
        memcpy(c[j], xs + 3 * best, sizeof c[j]);
    }
}

/* Lloyd iterations. |x - c|^2 = |x|^2 - 2 x.c + |c|^2; the x.c matrix
 * (n x K) is one sgemm, and |x|^2 is the same for every centre, so the
 * nearest centre minimises |c|^2 - 2 x.c. */
static void kmeans(const float *xs, int n, float *dot, int *count,
                   float c[OY_PALETTE_SIZE][3])
{
    const int K = OY_PALETTE_SIZE;

    seed_centres(xs, n, c);
    for (int it = 0; it < ITERATIONS; it++) {
        double sum[OY_PALETTE_SIZE][3] = { { 0 } };
        float cc[OY_PALETTE_SIZE];

        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, K, 3, 1.0f,
                    xs, 3, &c[0][0], 3, 0.0f, dot, K);
        for (int j = 0; j < K; j++) {
            cc[j] = c[j][0] * c[j][0] + c[j][1] * c[j][1] + c[j][2] * c[j][2];
            count[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            int best = 0;
            float best_d = cc[0] - 2.0f * dot[i * K];
            for (int j = 1; j < K; j++) {
                float d = cc[j] - 2.0f * dot[i * K + j];
                if (d < best_d) {
                    best_d = d;
                    best = j;
                }
            }
            count[best]++;
            for (int k = 0; k < 3; k++)
                sum[best][k] += xs[3 * i + k];
        }
        /* an empty cluster keeps its centre */
        for (int j = 0; j < K; j++)
            for (int k = 0; count[j] && k < 3; k++)
                c[j][k] = (float)(sum[j][k] / count[j]);
    }
}

/* Palette by weight, heaviest first (lower index first on equal counts). */
static void store_palette(oy_image_stats *s, float c[OY_PALETTE_SIZE][3],
                          const int *count, int n)
{
    int order[OY_PALETTE_SIZE];
    float rest = 0.0f;

    for (int j = 0; j < OY_PALETTE_SIZE; j++)
        order[j] = j;
    for (int a = 1; a < OY_PALETTE_SIZE; a++)
        for (int b = a; b > 0 && count[order[b]] > count[order[b - 1]]; b--) {
            int t = order[b];
            order[b] = order[b - 1];
            order[b - 1] = t;
        }
    for (int j = 0; j < OY_PALETTE_SIZE; j++) {
        for (int k = 0; k < 3; k++)
            s->palette[j][k] = snap(oy_clampf(c[order[j]][k], 0.0f, 1.0f));
        s->weight[j] = snap((float)count[order[j]] / n);
        if (j > 0)
            rest += s->weight[j];
    }
    s->weight[0] = 1.0f - rest;   /* the weights sum to exactly 1 */
}

static float luma(const float *p)
{
    return 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2];
}

static void store_light(oy_image_stats *s, const float *xs, int n, int top)
{
    double l = 0, l2 = 0, chroma = 0, r = 0, b = 0, sky[3] = { 0, 0, 0 };
    float mean, var;

    for (int i = 0; i < n; i++) {
        const float *p = xs + 3 * i;
        float y = luma(p);
        float hi = fmaxf(p[0], fmaxf(p[1], p[2])), lo = fminf(p[0], fminf(p[1], p[2]));
        l += y;
        l2 += (double)y * y;
        chroma += hi - lo;
        r += p[0];
        b += p[2];
        for (int k = 0; i < top && k < 3; k++)
            sky[k] += p[k];
    }
    mean = (float)(l / n);
    var = (float)(l2 / n) - mean * mean;
    s->brightness = snap(mean);
    s->contrast = snap(sqrtf(var > 0 ? var : 0));
    s->saturation = snap((float)(chroma / n));
    /* red against blue, relative to how bright they are: a dim blue
     * night is as cold as a bright blue noon */
    s->warmth = snap(oy_clampf((float)((r - b) / (r + b + 0.1 * n)), -1.0f, 1.0f));
    for (int k = 0; k < 3; k++)
        s->sky[k] = snap((float)(sky[k] / (top > 0 ? top : 1)));
}

int oy_image_analyze(const uint8_t *rgb, int w, int h, oy_image_stats *out)
{
    int cells = max_cells(w, h), n, top;
    float *xs = oy_malloc((size_t)cells * 3 * sizeof *xs);
    float *dot = oy_malloc((size_t)cells * OY_PALETTE_SIZE * sizeof *dot);
    float c[OY_PALETTE_SIZE][3];
    int count[OY_PALETTE_SIZE];
    oy_image_stats s;
    int ret = OYSTER_E_NOMEM;

    if (!xs || !dot)
        goto fail;
    oy_blas_init();
    memset(&s, 0, sizeof s);
    n = sample_pixels(rgb, w, h, xs, &top);
    kmeans(xs, n, dot, count, c);
    store_palette(&s, c, count, n);
    store_light(&s, xs, n, top);
    *out = s;
    ret = 0;
fail:
    free(xs);
    free(dot);
    return ret;
}

/*
 * The mapping (each clamped to its channel's range):
 *   EXPOSURE   1.1 * log2(brightness / 0.45) stops, -2..+1: mean luma 0.45
 *              is a normal exposure; 0.1 gives -2, 0.8 about +0.9
 *   WARMTH     0.8 * warmth: blue images cold, orange ones warm
 *   SATURATION 3 * (saturation - 0.25): 0.25 mean chroma is neutral,
 *              grey images -0.75, vivid ones +1
 *   CONTRAST   4 * (contrast - 0.2): luma deviation 0.2 is neutral
 *   TINT       (magenta - green) of the palette's mean colour, halved
 *   TIME       only with a clear hint from the top band: a dark image
 *              (brightness < 0.2) under a sky bluer than red -> 21.5 (night);
 *              an orange sky (red over blue by 0.15, red > 0.35, green
 *              between) -> 18.5 (golden hour)
 */
void oy_image_targets(const oy_image_stats *s, float *target, unsigned char *mask)
{
    float mean[3] = { 0, 0, 0 };
    float b = s->brightness > 0.02f ? s->brightness : 0.02f;
    const float *sky = s->sky;

    for (int j = 0; j < OY_PALETTE_SIZE; j++)
        for (int k = 0; k < 3; k++)
            mean[k] += s->weight[j] * s->palette[j][k];

    target[OY_CH_EXPOSURE] = oy_clampf(1.1f * oy_logf(b / 0.45f) / 0.6931472f, -2.0f, 1.0f);
    target[OY_CH_WARMTH] = oy_clampf(0.8f * s->warmth, -1.0f, 1.0f);
    target[OY_CH_SATURATION] = oy_clampf(3.0f * (s->saturation - 0.25f), -1.0f, 1.0f);
    target[OY_CH_CONTRAST] = oy_clampf(4.0f * (s->contrast - 0.2f), -1.0f, 1.0f);
    target[OY_CH_TINT] = oy_clampf((mean[0] + mean[2]) * 0.5f - mean[1], -1.0f, 1.0f) * 0.5f;
    mask[OY_CH_EXPOSURE] = mask[OY_CH_WARMTH] = mask[OY_CH_SATURATION] = 1;
    mask[OY_CH_CONTRAST] = mask[OY_CH_TINT] = 1;

    if (s->brightness < 0.2f && sky[2] > sky[0]) {
        target[OY_CH_TIME] = 21.5f;
        mask[OY_CH_TIME] = 1;
    } else if (sky[0] > sky[2] + 0.15f && sky[0] > 0.35f &&
               sky[1] < sky[0] && sky[1] > sky[2]) {
        target[OY_CH_TIME] = 18.5f;
        mask[OY_CH_TIME] = 1;
    }
}
