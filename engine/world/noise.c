/*
 * noise.c - seeded lattice value noise and its fractal sums, the raw
 * material of terrain, biome fields and texture detail. Lattice values come
 * from a permutation built from the seed, so every field is a pure function
 * of (seed, position). Coordinates stay in double until the lattice cell is
 * found, so the world is as detailed 100 km from the origin as at it.
 */
#include <math.h>

#include "world.h"

#define MASK (OY_WORLD_PERM - 1)

static inline float lattice(const oy_world *w, int64_t x, int64_t z)
{
    return w->val[w->perm[w->perm[(uint64_t)x & MASK] + ((uint64_t)z & MASK)]];
}

float oy_world_noise(const oy_world *w, double x, double z, float *dx, float *dz)
{
    double fx = floor(x), fz = floor(z);
    int64_t ix = (int64_t)fx, iz = (int64_t)fz;
    float u = (float)(x - fx), v = (float)(z - fz);
    /* quintic fade: continuous second derivative, so normals have no creases */
    float su = u * u * u * (u * (u * 6.0f - 15.0f) + 10.0f);
    float sv = v * v * v * (v * (v * 6.0f - 15.0f) + 10.0f);
    float a = lattice(w, ix, iz), b = lattice(w, ix + 1, iz);
    float c = lattice(w, ix, iz + 1), d = lattice(w, ix + 1, iz + 1);
    float k1 = b - a, k2 = c - a, k4 = a - b - c + d;
    if (dx) {
        float du = 30.0f * u * u * (u * (u - 2.0f) + 1.0f);
        float dv = 30.0f * v * v * (v * (v - 2.0f) + 1.0f);
        *dx = du * (k1 + k4 * sv);
        *dz = dv * (k2 + k4 * su);
    }
    return a + k1 * su + k2 * sv + k4 * su * sv;
}

/* weight of an octave of wavelength wl when detail below min_wl is unwanted */
static inline float octave_weight(double wl, float min_wl)
{
    return oy_clampf((float)(wl / min_wl) * 0.5f - 1.0f, 0.0f, 1.0f);
}

/* each octave is rotated and offset so lattice rows never line up */
#define ROT_C 0.8
#define ROT_S 0.6

float oy_world_fbm(const oy_world *w, double x, double z, double wl,
                   float min_wl, int max_oct)
{
    double f = 1.0 / wl;
    float sum = 0.0f, amp = 0.5f;
    double px = x, pz = z;
    for (int i = 0; i < max_oct; i++) {
        float k = octave_weight(wl, min_wl);
        if (k <= 0.0f)
            break;
        sum += k * amp * oy_world_noise(w, px * f + 31.7 * i, pz * f - 17.3 * i, NULL, NULL);
        double rx = ROT_C * px - ROT_S * pz, rz = ROT_S * px + ROT_C * pz;
        px = rx;
        pz = rz;
        f *= 2.0;
        wl *= 0.5;
        amp *= 0.5f;
    }
    return sum * 1.9f;
}

float oy_world_fbm_eroded(const oy_world *w, double x, double z, double wl,
                          float min_wl, int max_oct)
{
    double f = 1.0 / wl;
    float sum = 0.0f, amp = 0.5f, gx = 0.0f, gz = 0.0f;
    double px = x, pz = z;
    for (int i = 0; i < max_oct; i++) {
        float k = octave_weight(wl, min_wl), dx, dz;
        if (k <= 0.0f)
            break;
        float n = oy_world_noise(w, px * f + 13.1 * i, pz * f + 7.9 * i, &dx, &dz);
        gx += dx;
        gz += dz;
        /* steep places get less fine detail: reads as erosion */
        sum += k * amp * n / (1.0f + gx * gx + gz * gz);
        double rx = ROT_C * px - ROT_S * pz, rz = ROT_S * px + ROT_C * pz;
        px = rx;
        pz = rz;
        f *= 2.0;
        wl *= 0.5;
        amp *= 0.5f;
    }
    return sum * 1.9f;
}
