/*
 * cast_impl.h - internal to the column caster (cast_march.c, cast_land.c,
 * cast_water.c, cast_air.c); nothing outside engine/render/cast_*.c
 * includes it. The records the stages pass between them (a column's
 * march, a row's ray, a shading sample, a water pixel's mirror), the
 * small hot helpers more than one stage calls, kept static inline so each
 * file's inner loops can inline them, and the functions one stage calls
 * in another. What the caster shows the other stages is in render_impl.h.
 */
#ifndef OY_CAST_IMPL_H
#define OY_CAST_IMPL_H

#include <stdint.h>

#include "render_impl.h"

/* ---- records ---- */

/* the shading inputs at a point, interpolated from the baked cells */
typedef struct full {
    float g, wl, can, gx, gz, snow;
    float flood;                  /* standing water on a rice terrace */
    float cgx, cgz;               /* the canopy height's gradient */
    float rgb[3];
    float face;                   /* 0..1 how much a steep face it is */
} full;

/* A cell's four corners as shading inputs, converted once: neighbouring
 * columns of a group shade the same row one after the other, and at the
 * distances a level serves a cell spans several of them. */
enum { F_G, F_WL, F_CAN, F_GX, F_GZ, F_SNOW, F_FLOOD, F_R, F_GR, F_B, NF };
typedef struct corners {
    const oy_tcell *q;
    float v[NF][4];
} corners;

/* a column's ray march, carried from each row to the next */
typedef struct column {
    float hx, hz, inv_l;          /* horizontal direction; planar row scale */
    float az;                     /* azimuth in turns, for the sky table */
    float haze[3];                /* horizon sky in this azimuth */
    float t, tlo, slo;            /* march position; last point above */
    float S;                      /* the surface at t when have_s */
    int k, have_s, band, cell;
    const oy_tchunk *own;
} column;

enum { SKY_RAY, SKY, HIT, LAND, WATER };   /* SKY_RAY and HIT: not yet shaded */

/* One row's ray of a column: what it hit (and whether that is shaded),
 * the level it hit at, the hit's horizontal distance, height and distance
 * along the ray, and the ray's direction. */
typedef struct ray { int hit, k; float th, y, dist, d[3]; } ray;

/* the distance each level serves up to, and the inverse width of its
 * blend band into the next */
typedef struct ranges { float r[OY_RLEVELS], band_inv[OY_RLEVELS]; } ranges;

/* the column a water pixel lies in, whose finished rows it may mirror */
typedef struct mirror {
    const struct column *q;
    int col, row;
    const int *up;              /* per row of the column: the first one up not water */
    const float *t;             /* per row of the column: horizontal distance of the hit */
} mirror;

/* ---- helpers shared by the stages ---- */

/* ---- surface detail: value noise over a periodic table of hashed
 * lattice values; cheaper than the world's noise (no libm floor, no
 * permutation chase) and periodic far beyond what one view can compare */

#define DN OY_DETAIL_N

static inline int64_t ifloor(double x)
{
    int64_t i = (int64_t)x;
    return i - (x < (double)i);
}

/* noise in [-1, 1] with its gradient (per unit of x, z) when dx is set */
static inline float detail(const oy_cast *c, double x, double z, float *dx, float *dz)
{
    int64_t ix = ifloor(x), iz = ifloor(z);
    float u = (float)(x - (double)ix), v = (float)(z - (double)iz);
    int i0 = (int)(ix & (DN - 1)), j0 = (int)(iz & (DN - 1));
    int i1 = (i0 + 1) & (DN - 1), j1 = (j0 + 1) & (DN - 1);
    const float *t = c->detail;
    float a = t[j0 * DN + i0], b = t[j0 * DN + i1], cc = t[j1 * DN + i0], d = t[j1 * DN + i1];
    /* quintic fade: continuous curvature, so lit bumps show no creases */
    float su = u * u * u * (u * (u * 6.0f - 15.0f) + 10.0f);
    float sv = v * v * v * (v * (v * 6.0f - 15.0f) + 10.0f);
    float k1 = b - a, k2 = cc - a, k4 = a - b - cc + d;
    if (dx) {
        float du = 30.0f * u * u * (u * (u - 2.0f) + 1.0f);
        float dv = 30.0f * v * v * (v * (v - 2.0f) + 1.0f);
        *dx = du * (k1 + k4 * sv);
        *dz = dv * (k2 + k4 * su);
    }
    return a + k1 * su + k2 * sv + k4 * su * sv;
}

/* ---- calls between the stages ---- */

/* cast_land.c: shade what a column's ray hit this row (water through
 * oy_cast_shade_water); returns 1, shading nothing, for water while it is
 * to be put off (mi NULL), else 0 */
int oy_cast_shade_hit(const oy_cast *c, const ranges *R, const column *q, ray *m, corners *cc,
                      int col, int row, const mirror *mi);
/* cast_land.c: irradiance on a surface with normal n at local point p */
void oy_cast_light(const oy_cast *c, const float n[3], float x, float y, float z, float dist,
                   float E[3]);

/* cast_water.c: shade a point of water; mi, when set, is the column whose
 * finished rows it may mirror */
void oy_cast_shade_water(const oy_cast *c, const full *f, float x, float y, float z,
                         const float d[3], float dist, const mirror *mi, float out[3]);

/* cast_air.c: the veil of distance over terrain at dist, under horizon
 * sky hz */
void oy_cast_distance_haze(const oy_cast *c, const float hz[3], float dist, float col[3]);
/* cast_air.c: a pixel of sky seen along d (azimuth az, in turns), with
 * fog over it */
void oy_cast_sky_pixel(const oy_cast *c, const float d[3], float az, const float hz[3], float *px);

#endif
