/*
 * cast_air.c - the air between the camera and what the column caster
 * hit: extinction toward the horizon sky, analytic exponential height
 * fog and its glow toward the sun, the veil of distance (aerial
 * perspective) over terrain, and the sky seen where a ray hit nothing.
 */
#include <math.h>

#include "cast_impl.h"

static const float rayleigh[3] = { 5.8e-6f, 13.5e-6f, 33.1e-6f };

/* what the height fog lets through along dist metres of d */
static float fog_through(const oy_cast *c, const float d[3], float dist)
{
    /* exponential height fog, integrated analytically along the ray */
    float h0 = c->cam_y - c->fog_y0, dy = d[1] * dist * c->fog_b;
    float k = fabsf(dy) < 1e-3f ? 1.0f : (1.0f - oy_rexp(-dy)) / dy;
    return oy_rexp(-c->fog_a * oy_rexp(-c->fog_b * h0) * dist * k);
}

void oy_cast_air(const oy_cast *c, const float d[3], const float hz[3], float dist, float col[3])
{
    const oy_sky *s = c->sky;
    float cosv = d[0] * s->sun[0] + d[1] * s->sun[1] + d[2] * s->sun[2];
    for (int i = 0; i < 3; i++) {
        float T = oy_rexp(-(rayleigh[i] * 1.3f + c->mie) * dist);
        col[i] = col[i] * T + hz[i] * (1.0f - T);
    }
    if (c->fog_a <= 0.0f)
        return;
    float T = fog_through(c, d, dist);
    float glow = 0.2f + 1.2f * oy_rexp((cosv - 1.0f) * 5.0f);
    /* fog lit by the whole sky is as bright as a white wall, far
     * brighter than the land; by day that is the look, but a foggy night
     * is dark grey, by the day-for-night convention */
    float dim = (1.0f - 0.6f * s->night) / (float)OY_PI;
    for (int i = 0; i < 3; i++) {
        float fc = (s->amb_up[i] * 0.8f + s->sun_rad[i] * glow * 0.35f + s->moon_rad[i] * 0.3f) * dim * c->fog_tint[i];
        col[i] = col[i] * T + fc * (1.0f - T);
    }
}

void oy_cast_air_dim(const oy_cast *c, const float d[3], float dist, float col[3])
{
    float T = c->fog_a > 0.0f ? fog_through(c, d, dist) : 1.0f;
    for (int i = 0; i < 3; i++)
        col[i] *= T * oy_rexp(-(rayleigh[i] * 1.3f + c->mie) * dist);
}

/* aerial perspective on terrain: distant relief takes a veil a little
 * darker and bluer than the horizon sky, more under an overcast, so far
 * white ridges part from the plain before them and from the sky behind */
void oy_cast_distance_haze(const oy_cast *c, const float hz[3], float dist, float col[3])
{
    static const float veil[3] = { 0.8f, 0.86f, 0.97f };
    float T = oy_rexp(-c->haze_k * dist);
    for (int i = 0; i < 3; i++)
        col[i] = col[i] * T + hz[i] * veil[i] * (1.0f - T);
}

/* a ray that hit nothing: the sky, and with fog on, the fog along the
 * ray until it has climbed 3 km (30 km at most) */
void oy_cast_sky_pixel(const oy_cast *c, const float d[3], float az, const float hz[3], float *px)
{
    oy_sky_radiance(c->sky, d, az, c->cam_y, px);
    /* not in what the water mirrors: its ripples would break it in specks */
    if (c->sky->rainbow > 0.0f)
        oy_sky_rainbow(c->sky, d, 1.0f, px);
    if (c->fog_a > 0.0f) {
        float dist = d[1] > 0.0f ? oy_rmin(30000.0f, 3000.0f / oy_rmax(d[1], 0.1f)) : 30000.0f;
        oy_cast_air(c, d, hz, dist, px);
    }
}
