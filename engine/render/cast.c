/*
 * cast.c - the column-coherent terrain caster and surface shading. Every
 * intermediate column is a vertical plane through the camera, so as rows
 * rise the hit distance can only grow: each ray starts where the ray below
 * stopped, about 1.3 height samples per pixel. Heights come from the baked
 * chunk levels, blended across level boundaries so rings never show a seam.
 * Shading: sun and moon with terrain and cloud shadows, sky ambient, season
 * and weather layers (canopy, snow, wet ground), water with waves, Fresnel
 * sky reflection and shore foam; then fog and aerial perspective.
 */
#include <math.h>

#include "render.h"

typedef struct full {
    float g, wl, can, gx, gz, snow;
    float rgb[3];
} full;

/* cast surface at a level (or the first coarser one baked there) */
static inline float surface(const oy_cast *c, int k, float x, float z, float cf)
{
    for (; k < OY_RLEVELS; k++) {
        const oy_tcell *a;
        float fx, fz;
        if (!oy_tfetch(&c->levels[k], x, z, &a, &fx, &fz))
            continue;
        const oy_tcell *b = a + 1, *d = a + OY_RSTRIDE, *e = d + 1;
        float g = oy_lerpf(oy_lerpf(a->g, b->g, fx), oy_lerpf(d->g, e->g, fx), fz);
        float w = oy_lerpf(oy_lerpf(a->wl, b->wl, fx), oy_lerpf(d->wl, e->wl, fx), fz);
        float cn = 0.0f;
        if (cf > 0.0f && (a->canopy | b->canopy | d->canopy | e->canopy))
            cn = oy_lerpf(oy_lerpf(a->canopy, b->canopy, fx), oy_lerpf(d->canopy, e->canopy, fx), fz) * 0.1f * cf;
        g += cn;
        return g > w ? g : w;
    }
    return -1e9f;
}

static void fetch_full(const oy_cast *c, int k, float x, float z, full *o)
{
    for (; k < OY_RLEVELS; k++) {
        const oy_tcell *q[4];
        float fx, fz;
        if (!oy_tfetch(&c->levels[k], x, z, &q[0], &fx, &fz))
            continue;
        q[1] = q[0] + 1;
        q[2] = q[0] + OY_RSTRIDE;
        q[3] = q[2] + 1;
        float w[4] = { (1 - fx) * (1 - fz), fx * (1 - fz), (1 - fx) * fz, fx * fz };
        *o = (full){ 0 };
        for (int i = 0; i < 4; i++) {
            o->g += w[i] * q[i]->g;
            o->wl += w[i] * q[i]->wl;
            o->can += w[i] * q[i]->canopy * 0.1f;
            o->gx += w[i] * q[i]->dx * (1.0f / 2048.0f);
            o->gz += w[i] * q[i]->dz * (1.0f / 2048.0f);
            o->snow += w[i] * q[i]->snow * (1.0f / 255.0f);
            for (int ch = 0; ch < 3; ch++) {
                float v = q[i]->rgb[ch] * (1.0f / 255.0f);
                o->rgb[ch] += w[i] * v * v;
            }
        }
        return;
    }
    *o = (full){ .g = -1e9f, .wl = -1e9f, .rgb = { 0.1f, 0.1f, 0.1f } };
}

static void mix_full(full *a, const full *b, float t)
{
    a->g = oy_lerpf(a->g, b->g, t);
    a->wl = oy_lerpf(a->wl, b->wl, t);
    a->can = oy_lerpf(a->can, b->can, t);
    a->gx = oy_lerpf(a->gx, b->gx, t);
    a->gz = oy_lerpf(a->gz, b->gz, t);
    a->snow = oy_lerpf(a->snow, b->snow, t);
    for (int i = 0; i < 3; i++)
        a->rgb[i] = oy_lerpf(a->rgb[i], b->rgb[i], t);
}

/* canopy grows in with distance: near the camera trees are objects, not
 * a raised surface */
static inline float canopy_fade(float t) { return oy_smoothstepf(50.0f, 200.0f, t); }

/* irradiance on a surface with normal n at local point p */
static void light(const oy_cast *c, const float n[3], float x, float y, float z,
                  float dist, float E[3])
{
    const oy_sky *s = c->sky;
    float ndl = n[0] * s->sun[0] + n[1] * s->sun[1] + n[2] * s->sun[2];
    float sun = 0.0f;
    if (ndl > 0.0f && s->sun[1] > 0.0f) {
        sun = ndl * oy_shadow_at(c->shadow, x, z, y, dist);
        if (sun > 0.0f && c->cloud_shadow > 0.0f) {
            float k = (s->cloud_alt - y) / fmaxf(s->sun[1], 0.05f);
            float a = oy_sky_cloud_at(s, c->cam_x + x + s->sun[0] * k, c->cam_z + z + s->sun[2] * k);
            sun *= 1.0f - c->cloud_shadow * a;
        }
    }
    float ndm = s->moon_rad[1] > 0.0f ? fmaxf(n[0] * s->moon[0] + n[1] * s->moon[1] + n[2] * s->moon[2], 0.0f) : 0.0f;
    float up = 0.5f + 0.5f * n[1];
    for (int i = 0; i < 3; i++)
        E[i] = s->sun_rad[i] * sun + s->moon_rad[i] * ndm +
               s->amb_up[i] * up * up + s->amb_hor[i] * 0.25f * (1.0f - n[1]);
}

/* sum of travelling waves: slope of the water surface */
static void waves(const oy_cast *c, double wx, double wz, float dist, float *sx, float *sz)
{
    static const float dir[5][2] = { { 0.8f, 0.6f }, { -0.38f, 0.925f }, { 0.97f, -0.24f },
                                     { -0.6f, -0.8f }, { 0.28f, -0.96f } };
    static const float len[5] = { 11.3f, 6.7f, 3.9f, 2.3f, 1.37f };
    float wind = oy_clampf(c->st->ch[OY_CH_WIND], 0.0f, 1.0f);
    float amp = (0.012f + 0.07f * wind) / (1.0f + dist * 0.01f);
    *sx = *sz = 0.0f;
    for (int i = 0; i < 5; i++) {
        float k = (float)(2.0 * OY_PI) / len[i];
        float w = sqrtf(9.81f * k);
        /* phase in double: world coordinates can be large */
        double ph = (wx * dir[i][0] + wz * dir[i][1]) * k - c->t * w;
        ph -= floor(ph / (2.0 * OY_PI)) * (2.0 * OY_PI);
        float fade = oy_clampf(len[i] * 300.0f / (dist + 1.0f) - 1.0f, 0.0f, 1.0f);
        float sl = amp * oy_rcos((float)ph) * fade;
        *sx += sl * dir[i][0];
        *sz += sl * dir[i][1];
    }
    /* choppy noise breaks the regular pattern of the wave trains */
    if (dist < 400.0f) {
        float nx, nz;
        oy_world_noise(c->world, wx * 0.45 + c->t * 0.25, wz * 0.45 - c->t * 0.2, &nx, &nz);
        float f = (1.0f - dist / 400.0f) * 0.05f * (0.4f + wind);
        *sx += nx * f;
        *sz += nz * f;
    }
}

static void shade_water(const oy_cast *c, const full *f, float x, float y, float z,
                        const float d[3], float dist, float out[3])
{
    const oy_sky *s = c->sky;
    double wx = c->cam_x + x, wz = c->cam_z + z;
    float sx, sz;
    waves(c, wx, wz, dist, &sx, &sz);
    float n[3] = { -sx, 1.0f, -sz };
    float il = 1.0f / sqrtf(n[0] * n[0] + 1.0f + n[2] * n[2]);
    n[0] *= il; n[1] *= il; n[2] *= il;
    float dn = d[0] * n[0] + d[1] * n[1] + d[2] * n[2];
    float r[3] = { d[0] - 2 * dn * n[0], d[1] - 2 * dn * n[1], d[2] - 2 * dn * n[2] };
    if (r[1] < 0.02f)
        r[1] = 0.02f;
    float rl = 1.0f / sqrtf(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
    r[0] *= rl; r[1] *= rl; r[2] *= rl;
    float refl[3];
    oy_sky_radiance(s, r[0], r[1], r[2], y, refl);
    float cosi = fminf(fmaxf(-dn, 0.0f), 1.0f), m = 1.0f - cosi;
    float F = 0.02f + 0.98f * m * m * m * m * m;
    float depth = fmaxf(f->wl - f->g, 0.0f);
    float E[3], up[3] = { 0, 1, 0 };
    light(c, up, x, y, z, dist, E);
    float sh = s->sun[1] > 0.0f ? oy_shadow_at(c->shadow, x, z, y, dist) : 0.0f;
    static const float absorb[3] = { 0.45f, 0.09f, 0.06f };
    static const float deep[3] = { 0.004f, 0.014f, 0.016f };
    for (int i = 0; i < 3; i++) {
        float tr = oy_rexp(-depth * absorb[i] * 2.0f);
        float bed = f->rgb[i] * 0.6f * E[i] / (float)OY_PI * tr;
        float body = deep[i] * E[i] * (1.0f - tr);
        out[i] = (bed + body) * (1.0f - F) + refl[i] * F;
    }
    /* glitter: a broad highlight, the sky table's sun is too small for it */
    float rs = r[0] * s->sun[0] + r[1] * s->sun[1] + r[2] * s->sun[2];
    if (rs > 0.9f) {
        float g = oy_rexp((rs - 1.0f) * 900.0f) * 40.0f + oy_rexp((rs - 1.0f) * 60.0f) * 0.4f;
        for (int i = 0; i < 3; i++)
            out[i] += s->sun_rad[i] * g * F * sh;
    }
    /* foam where the water thins at the shore */
    if (depth < 0.35f) {
        float n1 = oy_world_noise(c->world, wx * 0.9 + c->t * 0.3, wz * 0.9, NULL, NULL);
        float foam = oy_clampf((0.35f - depth) / 0.35f * (0.6f + 0.6f * n1), 0.0f, 1.0f) * 0.7f;
        for (int i = 0; i < 3; i++)
            out[i] = oy_lerpf(out[i], 0.8f * E[i] / (float)OY_PI, foam);
    }
}

static void shade(const oy_cast *c, full *f, float x, float y, float z, const float d[3],
                  float dist, float cf, float out[3])
{
    const oy_sky *s = c->sky;
    float can = f->can * cf;
    if (f->wl > f->g + can - 0.01f && f->wl > f->g) {
        shade_water(c, f, x, y, z, d, dist, out);
        return;
    }
    double wx = c->cam_x + x, wz = c->cam_z + z;
    float alb[3] = { f->rgb[0], f->rgb[1], f->rgb[2] };
    float gx = f->gx, gz = f->gz, snowk = f->snow, wet = c->wet;
    if (can > 0.4f && y > f->g + 0.3f) {
        /* canopy: crowns as bumps that catch the light */
        float nx, nz;
        float n1 = oy_world_noise(c->world, wx / 3.5, wz / 3.5, &nx, &nz);
        float k = 0.75f + 0.35f * n1;
        for (int i = 0; i < 3; i++)
            alb[i] = c->leaf[i] * k;
        gx += nx * 0.5f;
        gz += nz * 0.5f;
        snowk *= 0.4f;
        wet *= 0.3f;
    } else if (dist < 70.0f) {
        /* ground texture close to the camera, fading before it aliases */
        float nx, nz, mx, mz;
        float fa = 1.0f - dist / 70.0f;
        float n1 = oy_world_noise(c->world, wx / 1.3, wz / 1.3, &nx, &nz);
        float k = 1.0f + 0.28f * n1 * fa;
        gx += nx * 0.08f * fa;
        gz += nz * 0.08f * fa;
        if (dist < 10.0f) {
            float fb = 1.0f - dist / 10.0f;
            float n2 = oy_world_noise(c->world, wx / 0.27 + 50.0, wz / 0.27, &mx, &mz);
            k *= 1.0f + 0.2f * n2 * fb;
            gx += mx * 0.05f * fb;
            gz += mz * 0.05f * fb;
        }
        for (int i = 0; i < 3; i++)
            alb[i] *= k;
    }
    float steep = gx * gx + gz * gz;
    if (steep > 0.4f && dist < 3000.0f) {
        /* steep faces: horizontal strata instead of a stretched top view */
        float sn = oy_world_noise(c->world, y / 2.3 + wx * 0.013, wz * 0.013 + 300.0, NULL, NULL);
        float k = 0.4f * oy_smoothstepf(0.4f, 2.0f, steep) * (1.0f - oy_smoothstepf(800.0f, 3000.0f, dist));
        for (int i = 0; i < 3; i++)
            alb[i] *= 1.0f + k * sn;
    }
    if (c->snow > 0.0f) {
        float amt = oy_smoothstepf(0.15f, 0.6f, c->snow * (0.35f + snowk));
        static const float sn[3] = { 0.82f, 0.85f, 0.9f };
        for (int i = 0; i < 3; i++)
            alb[i] = oy_lerpf(alb[i], sn[i], amt);
        wet *= 1.0f - amt;
    }
    float n[3] = { -gx, 1.0f, -gz };
    float il = 1.0f / sqrtf(gx * gx + 1.0f + gz * gz);
    n[0] *= il; n[1] *= il; n[2] *= il;
    float E[3];
    light(c, n, x, y, z, dist, E);
    for (int i = 0; i < 3; i++)
        out[i] = alb[i] * (1.0f - 0.45f * wet) * E[i] * (float)(1.0 / OY_PI);
    if (wet > 0.05f) {
        /* wet ground mirrors a little sky where it is flat */
        float sk[3], dn = d[0] * n[0] + d[1] * n[1] + d[2] * n[2];
        float ry = fmaxf(d[1] - 2 * dn * n[1], 0.05f);
        oy_sky_lut(s, d[0] - 2 * dn * n[0], ry, d[2] - 2 * dn * n[2], sk);
        float k = wet * 0.05f * n[1] * n[1] * n[1] * n[1];
        for (int i = 0; i < 3; i++)
            out[i] += sk[i] * k;
    }
}

void oy_cast_air(const oy_cast *c, const float d[3], const float hz[3], float dist, float col[3])
{
    const oy_sky *s = c->sky;
    static const float br[3] = { 5.8e-6f, 13.5e-6f, 33.1e-6f };
    float cosv = d[0] * s->sun[0] + d[1] * s->sun[1] + d[2] * s->sun[2];
    for (int i = 0; i < 3; i++) {
        float T = oy_rexp(-(br[i] * 1.3f + c->mie) * dist);
        col[i] = col[i] * T + hz[i] * (1.0f - T);
    }
    if (c->fog_a <= 0.0f)
        return;
    /* exponential height fog, integrated analytically along the ray */
    float h0 = c->cam_y - c->fog_y0, dy = d[1] * dist * c->fog_b;
    float k = fabsf(dy) < 1e-3f ? 1.0f : (1.0f - oy_rexp(-dy)) / dy;
    float I = c->fog_a * oy_rexp(-c->fog_b * h0) * dist * k;
    float T = oy_rexp(-I);
    float glow = 0.2f + 1.2f * oy_rexp((cosv - 1.0f) * 5.0f);
    for (int i = 0; i < 3; i++) {
        float fc = (s->amb_up[i] * 0.8f + s->sun_rad[i] * glow * 0.35f + s->moon_rad[i] * 0.3f) /
                   (float)OY_PI;
        col[i] = col[i] * T + fc * (1.0f - T);
    }
}

static void sky_pixel(const oy_cast *c, const float d[3], const float hz[3], float *px)
{
    oy_sky_radiance(c->sky, d[0], d[1], d[2], c->cam_y, px);
    if (c->fog_a > 0.0f) {
        float dist = d[1] > 0.0f ? fminf(30000.0f, 3000.0f / fmaxf(d[1], 0.1f)) : 30000.0f;
        oy_cast_air(c, d, hz, dist, px);
    }
}

void oy_cast_columns(const oy_cast *c, int c0, int c1)
{
    float range[OY_RLEVELS];
    for (int k = 0; k < OY_RLEVELS; k++)
        range[k] = c->range0 * (float)(1 << k);
    for (int col = c0; col < c1; col++) {
        float hx, hz, inv_l = 1.0f;
        float a = c->a0 + col * c->da;
        if (c->equirect) {
            hx = oy_sinf(a);
            hz = oy_cosf(a);
        } else {
            float l = sqrtf(1.0f + a * a);
            inv_l = 1.0f / l;
            hx = (c->f0x + a * c->r0x) * inv_l;
            hz = (c->f0z + a * c->r0z) * inv_l;
        }
        /* the haze colour depends on azimuth only: once per column */
        float haze[3];
        oy_sky_lut(c->sky, hx * 0.9987f, 0.05f, hz * 0.9987f, haze);
        for (int i = 0; i < 3; i++)
            haze[i] = oy_lerpf(haze[i], c->sky->overcast[i], c->sky->oc);
        float t = 0.05f, tlo = t, slo;
        int k = 0;
        slo = surface(c, 0, hx * t, hz * t, 0.0f);
        for (int row = 0; row < c->h; row++) {
            float b = c->b0 + row * c->db;
            float s = c->equirect ? oy_tanf(oy_clampf(b, -1.56f, 1.56f)) : b * inv_l;
            float *px = c->hdr + ((size_t)row * c->w + col) * 3;
            float *dp = c->depth + (size_t)row * c->w + col;
            float il = 1.0f / sqrtf(1.0f + s * s);
            float d[3] = { hx * il, s * il, hz * il };
            float S = 0.0f, y = 0.0f;
            for (;;) {
                if (t > c->tmax)
                    break;
                while (k < OY_RLEVELS - 1 && t > range[k])
                    k++;
                float x = hx * t, z = hz * t, cf = canopy_fade(t);
                S = surface(c, k, x, z, cf);
                if (t > 0.8f * range[k] && k < OY_RLEVELS - 1)
                    S = oy_lerpf(S, surface(c, k + 1, x, z, cf), oy_smoothstepf(0.8f * range[k], range[k], t));
                y = c->cam_y + s * t;
                if (y <= S)
                    break;
                tlo = t;
                slo = S;
                float sp = c->levels[k].spacing;
                t += fmaxf(fmaxf(sp, t * 0.0035f), 0.7f * (y - S) / (fabsf(s) + 1.0f));
            }
            if (t > c->tmax) {
                sky_pixel(c, d, haze, px);
                *dp = 1e30f;
                continue;
            }
            /* secant between the last point above and the first below */
            float flo = c->cam_y + s * tlo - slo, fhi = y - S;
            float th = tlo + (t - tlo) * flo / fmaxf(flo - fhi, 1e-6f);
            float x = hx * th, z = hz * th, yh = c->cam_y + s * th;
            int kk = k;
            while (kk > 0 && th <= range[kk - 1])
                kk--;
            full f;
            fetch_full(c, kk, x, z, &f);
            float bw = oy_smoothstepf(0.8f * range[kk], range[kk], th);
            if (bw > 0.0f && kk < OY_RLEVELS - 1) {
                full f2;
                fetch_full(c, kk + 1, x, z, &f2);
                mix_full(&f, &f2, bw);
            }
            float dist = th / il;
            shade(c, &f, x, yh, z, d, dist, canopy_fade(th), px);
            oy_cast_air(c, d, haze, dist, px);
            *dp = dist;
        }
    }
}
