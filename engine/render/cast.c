/*
 * cast.c - the column-coherent terrain caster and surface shading. Every
 * intermediate column is a vertical plane through the camera, so as rows
 * rise the hit distance can only grow: each ray starts where the ray below
 * stopped, about 1.3 height samples per pixel. Rays above the highest
 * point of a level, a chunk or a block of cells jump past it. Heights come
 * from the baked chunk levels, blended across level boundaries so rings
 * never show a seam. Shading: sun and moon with terrain and cloud shadows,
 * sky ambient, season and weather layers (canopy, snow, wet ground), detail
 * texture projected from above or, on steep faces, from the side, water
 * with waves, Fresnel sky reflection and shore foam; then fog and aerial
 * perspective.
 */
#include <math.h>
#include <string.h>

#include "render.h"

typedef struct full {
    float g, wl, can, gx, gz, snow;
    float rgb[3];
    float face;                   /* 0..1 how much a steep face it is */
} full;

/* ---- surface detail: value noise over a periodic table of hashed
 * lattice values; cheaper than the world's noise (no libm floor, no
 * permutation chase) and periodic far beyond what one view can compare */

#define DN OY_DETAIL_N

int oy_cast_detail_make(float **tile, uint64_t seed)
{
    float *t = oy_malloc(sizeof *t * DN * DN);
    if (!t)
        return OYSTER_E_NOMEM;
    for (int z = 0; z < DN; z++)
        for (int x = 0; x < DN; x++)
            t[z * DN + x] = 2.0f * oy_u01(oy_hash(seed, OY_STREAM_TERRAIN, 0xde7a11, (uint64_t)x,
                                                  (uint64_t)z)) - 1.0f;
    *tile = t;
    return 0;
}

static inline int64_t ifloor(double x)
{
    int64_t i = (int64_t)x;
    return i - (x < (double)i);
}

/* noise in [-1, 1] with its gradient (per unit of x, z) when dx is set */
static float detail(const oy_cast *c, double x, double z, float *dx, float *dz)
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

/* cast surface at a level (or the first coarser one baked there); *own
 * and *cell are the chunk and cell sampled when they are level k's own,
 * *own is NULL after a fallback */
static inline float surface(const oy_cast *c, int k, float x, float z, float cf,
                            const oy_tchunk **own, int *cell)
{
    for (int j = k; j < OY_RLEVELS; j++) {
        int i;
        float fx, fz;
        const oy_tchunk *ch = oy_tlocate(&c->levels[j], x, z, &i, &fx, &fz);
        if (!ch)
            continue;
        *own = j == k ? ch : NULL;
        *cell = i;
        const oy_tcell *q = ch->c + i;
        float lo = 0.0f, hi = 0.0f;
        const oy_tcell *r = q + OY_RSTRIDE;
        if (cf < 1.0f)
            lo = oy_rbilin(oy_rmax(q[0].g, q[0].wl), oy_rmax(q[1].g, q[1].wl),
                           oy_rmax(r[0].g, r[0].wl), oy_rmax(r[1].g, r[1].wl), fx, fz);
        if (cf <= 0.0f)
            return lo;
        const float *h = ch->top + i;
        hi = oy_rbilin(h[0], h[1], h[OY_RSTRIDE], h[OY_RSTRIDE + 1], fx, fz);
        return cf >= 1.0f ? hi : lo + (hi - lo) * cf;
    }
    *own = NULL;
    return -1e9f;
}

/* A cell's four corners as shading inputs, converted once: neighbouring
 * columns of a group shade the same row one after the other, and at the
 * distances a level serves a cell spans several of them. */
enum { F_G, F_WL, F_CAN, F_GX, F_GZ, F_SNOW, F_R, F_GR, F_B, NF };
typedef struct corners {
    const oy_tcell *q;
    float v[NF][4];
} corners;

static void corners_load(corners *cc, const oy_tcell *q)
{
    const oy_tcell *p[4] = { q, q + 1, q + OY_RSTRIDE, q + OY_RSTRIDE + 1 };
    for (int i = 0; i < 4; i++) {
        cc->v[F_G][i] = p[i]->g;
        cc->v[F_WL][i] = p[i]->wl;
        cc->v[F_CAN][i] = (float)p[i]->canopy * 0.1f;
        cc->v[F_GX][i] = (float)p[i]->dx * (1.0f / 2048.0f);
        cc->v[F_GZ][i] = (float)p[i]->dz * (1.0f / 2048.0f);
        cc->v[F_SNOW][i] = (float)p[i]->snow * (1.0f / 255.0f);
        /* albedo is stored square-root encoded */
        for (int j = 0; j < 3; j++)
            cc->v[F_R + j][i] = (float)(p[i]->rgb[j] * p[i]->rgb[j]) * (1.0f / 65025.0f);
    }
    cc->q = q;
}

/* The cell of the finest level from k on that covers x, z (the rings
 * nest, so a point past one ring's edge is in a coarser one), with its
 * place inside the cell; NULL past the last ring. */
static const oy_tcell *cell_from(const oy_cast *c, int k, float x, float z, float *fx, float *fz)
{
    for (; k < OY_RLEVELS; k++) {
        int i;
        const oy_tchunk *ch = oy_tlocate(&c->levels[k], x, z, &i, fx, fz);
        if (ch)
            return ch->c + i;
    }
    return NULL;
}

static void fetch_full(const oy_cast *c, int k, float x, float z, corners *cc, full *o)
{
    float fx, fz;
    const oy_tcell *q = cell_from(c, k, x, z, &fx, &fz);
    if (q) {
        if (cc->q != q)
            corners_load(cc, q);
        float w[4] = { (1.0f - fx) * (1.0f - fz), fx * (1.0f - fz), (1.0f - fx) * fz, fx * fz };
        float r[NF];
        for (int f = 0; f < NF; f++)
            r[f] = cc->v[f][0] * w[0] + cc->v[f][1] * w[1] + cc->v[f][2] * w[2] + cc->v[f][3] * w[3];
        *o = (full){ .g = r[F_G], .wl = r[F_WL], .can = r[F_CAN], .gx = r[F_GX], .gz = r[F_GZ],
                     .snow = r[F_SNOW], .rgb = { r[F_R], r[F_GR], r[F_B] } };
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
static inline float canopy_fade(float t)
{
    float u = oy_clampf((t - 50.0f) * (1.0f / 150.0f), 0.0f, 1.0f);
    return u * u * (3.0f - 2.0f * u);
}

/* irradiance on a surface with normal n at local point p */
static void light(const oy_cast *c, const float n[3], float x, float y, float z,
                  float dist, float E[3])
{
    const oy_sky *s = c->sky;
    float ndl = n[0] * s->sun[0] + n[1] * s->sun[1] + n[2] * s->sun[2];
    float sun = 0.0f;
    if (ndl > 0.0f && s->sun[1] > 0.0f) {
        /* A face turned to the sun is not shaded by the cells it rises
         * through: the sweep samples it a grid cell apart, and on a steep
         * face that is metres of height, so its own cells would cast
         * stair-stepped teeth up it. Look the sight line up a little way
         * toward the sun, where the ray from here has climbed; nothing
         * nearer can shade a lit face but bumps finer than the grid.
         * There, too, the edge of a shadow cast on the face comes from a
         * rim the sweep found a cell early or late row by row: filter it
         * across the sun's direction, so it runs smooth, not in steps. */
        const oy_shadow *sw = c->shadow;
        float a = n[0] * sw->ux + n[2] * sw->uz;
        if (a > 0.3f && sw->on) {
            float fa = oy_smoothstepf(0.3f, 0.7f, a), sp = sw->g[0].spacing;
            float off = fa * oy_rmax(1.5f * sp, 0.05f * dist), r = fa * oy_rmax(2.0f * sp, 0.05f * dist);
            float xo = x + sw->ux * off, zo = z + sw->uz * off, yo = y + off * sw->tan_e;
            float vx = sw->uz * r, vz = -sw->ux * r;
            sun = ndl * 0.25f * (2.0f * oy_shadow_at(sw, xo, zo, yo, dist) +
                                 oy_shadow_at(sw, xo + vx, zo + vz, yo, dist) +
                                 oy_shadow_at(sw, xo - vx, zo - vz, yo, dist));
        } else {
            sun = ndl * oy_shadow_at(sw, x, z, y, dist);
        }
        if (sun > 0.0f && c->cloud_shadow > 0.0f) {
            float k = (s->cloud_alt - y) / oy_rmax(s->sun[1], 0.05f);
            float a = oy_sky_cloud_at(s, x + s->sun[0] * k, z + s->sun[2] * k);
            sun *= 1.0f - c->cloud_shadow * a;
        }
    }
    float ndm = s->moon_rad[1] > 0.0f ? oy_rmax(n[0] * s->moon[0] + n[1] * s->moon[1] + n[2] * s->moon[2], 0.0f) : 0.0f;
    float up = 0.5f + 0.5f * n[1], sv = up * up;
    /* an overcast is a bright dome: how much of it a slope sees is the
     * only shading there is, so let it model the relief more */
    sv = oy_lerpf(sv, sv * sv, 0.6f * s->oc);
    /* what the sunlit land around throws back into the shade: where the
     * sun is hidden (by a canyon wall, a cliff, the slope's own turn) the
     * shadow comes from terrain close by that is lit, so a canyon floor
     * glows with its walls' light instead of going flat and blue */
    float lit = ndl > 0.0f ? sun / ndl : 0.0f;
    float bounce = 0.15f * oy_rmax(s->sun[1], 0.0f) * (1.0f - lit);
    static const float warm[3] = { 1.0f, 0.88f, 0.72f };
    for (int i = 0; i < 3; i++)
        E[i] = s->sun_rad[i] * (sun + bounce * warm[i]) + s->moon_rad[i] * ndm +
               s->amb_up[i] * sv + s->amb_hor[i] * 0.25f * (1.0f - n[1]);
}

/* the wave trains: direction, wavelength (m) */
static const float wave_dir[OY_WAVES][2] = { { 0.8f, 0.6f }, { -0.38f, 0.925f }, { 0.97f, -0.24f },
                                             { -0.6f, -0.8f }, { 0.28f, -0.96f } };
static const float wave_len[OY_WAVES] = { 11.3f, 6.7f, 3.9f, 2.3f, 1.37f };

void oy_cast_waves_at(oy_cast *c, double t)
{
    for (int i = 0; i < OY_WAVES; i++) {
        double k = 2.0 * OY_PI / wave_len[i], w = sqrt(9.81 * k);
        double ph = (c->cam_x * wave_dir[i][0] + c->cam_z * wave_dir[i][1]) * k - t * w;
        c->wave_ph[i] = (float)(ph - floor(ph / (2.0 * OY_PI)) * (2.0 * OY_PI));
    }
}

/* sum of travelling waves: slope of the water surface at local x, z */
static void waves(const oy_cast *c, float x, float z, double wx, double wz, float dist, float *sx,
                  float *sz)
{
    float wind = oy_clampf(c->st->ch[OY_CH_WIND], 0.0f, 1.0f);
    float amp = (0.012f + 0.07f * wind) / (1.0f + dist * 0.01f);
    *sx = *sz = 0.0f;
    for (int i = 0; i < OY_WAVES; i++) {
        /* a train fades out before its crests shrink under a pixel */
        float fade = oy_clampf(wave_len[i] * 300.0f / (dist + 1.0f) - 1.0f, 0.0f, 1.0f);
        if (fade <= 0.0f)
            continue;
        float k = (float)(2.0 * OY_PI) / wave_len[i];
        float ph = c->wave_ph[i] + (x * wave_dir[i][0] + z * wave_dir[i][1]) * k;
        float sl = amp * oy_rcos(ph) * fade;
        *sx += sl * wave_dir[i][0];
        *sz += sl * wave_dir[i][1];
    }
    /* choppy noise breaks the regular pattern of the wave trains */
    if (dist < 400.0f) {
        float nx, nz;
        detail(c, wx * 0.45 + c->t * 0.25, wz * 0.45 - c->t * 0.2, &nx, &nz);
        float f = (1.0f - dist / 400.0f) * 0.05f * (0.4f + wind);
        *sx += nx * f;
        *sz += nz * f;
    }
}

/* the column a water pixel lies in, whose finished rows it may mirror */
typedef struct mirror {
    const struct column *q;
    int col, row;
    const int *up;              /* per row of the column: the first one up not water */
    const float *t;             /* per row of the column: horizontal distance of the hit */
} mirror;
static int mirror_lookup(const oy_cast *c, const mirror *m, float th, float wy, float rs,
                         float out[3]);

void oy_cast_water_colour(oy_cast *c, const oy_state *st)
{
    static const float absorb[3] = { 0.45f, 0.09f, 0.06f };
    static const float deep[3] = { 0.004f, 0.014f, 0.016f };
    /* the grade's axes, as rock and ground are painted (world/biome.c) */
    static const float warm[3] = { 0.9f, 0.25f, -0.9f }, tint[3] = { 0.55f, -0.75f, 0.45f };
    float p[3];
    for (int i = 0; i < 3; i++)
        p[i] = oy_clampf(st->ch[OY_CH_WATER_WARMTH + i], -1.0f, 1.0f);
    for (int i = 0; i < 3; i++) {
        c->water_absorb[i] = absorb[i];
        c->water_deep[i] = deep[i];
    }
    if (p[0] == 0.0f && p[1] == 0.0f && p[2] == 0.0f)
        return;
    /* light water is clear and bright (turquoise over sand), dark water
     * murky and black; its hue is what the body scatters back */
    float l = (deep[0] + deep[1] + deep[2]) * (1.0f / 3.0f);
    float to = l * oy_rexp2(2.5f * p[2]);
    float clear = oy_rexp2(-1.5f * p[2]);
    for (int i = 0; i < 3; i++) {
        float hue = p[0] * warm[i] + p[1] * tint[i];
        c->water_deep[i] = oy_rmax(deep[i] * to / l + 2.0f * to * hue, 0.0005f);
        c->water_absorb[i] = absorb[i] * clear * oy_rexp2(-1.2f * hue);
    }
}

static void shade_water(const oy_cast *c, const full *f, float x, float y, float z,
                        const float d[3], float dist, const mirror *mi, float out[3])
{
    const oy_sky *s = c->sky;
    double wx = c->cam_x + x, wz = c->cam_z + z;
    float sx, sz;
    waves(c, x, z, wx, wz, dist, &sx, &sz);
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
    /* land the reflected ray meets, as this column shows it; else sky.
     * The column holds only what lies in its own plane, so the ripples
     * tilt the mirror there far less than they tilt the sky's reflection */
    float rh = sqrtf(r[0] * r[0] + r[2] * r[2]), dh = sqrtf(d[0] * d[0] + d[2] * d[2]);
    float flat = -d[1] / oy_rmax(dh, 1e-4f), rs = r[1] / oy_rmax(rh, 1e-4f);
    if (!mi || !mirror_lookup(c, mi, sqrtf(x * x + z * z), y, flat + 0.1f * (rs - flat), refl))
        oy_sky_radiance(s, r, oy_rturns(r[0], r[2]), y, refl);
    float cosi = oy_rmin(oy_rmax(-dn, 0.0f), 1.0f), m = 1.0f - cosi;
    float F = 0.02f + 0.98f * m * m * m * m * m;
    float depth = oy_rmax(f->wl - f->g, 0.0f);
    float E[3], up[3] = { 0, 1, 0 };
    light(c, up, x, y, z, dist, E);
    float sh = s->sun[1] > 0.0f ? oy_shadow_at(c->shadow, x, z, y, dist) : 0.0f;
    for (int i = 0; i < 3; i++) {
        float tr = oy_rexp(-depth * c->water_absorb[i] * 2.0f);
        float bed = f->rgb[i] * 0.6f * E[i] / (float)OY_PI * tr;
        float body = c->water_deep[i] * E[i] * (1.0f - tr);
        out[i] = (bed + body) * (1.0f - F) + refl[i] * F;
    }
    /* glitter: a broad highlight, the sky table's sun is too small for it */
    float rsun = r[0] * s->sun[0] + r[1] * s->sun[1] + r[2] * s->sun[2];
    if (rsun > 0.9f) {
        float g = oy_rexp((rsun - 1.0f) * 900.0f) * 40.0f + oy_rexp((rsun - 1.0f) * 60.0f) * 0.4f;
        for (int i = 0; i < 3; i++)
            out[i] += s->sun_rad[i] * g * F * sh;
    }
    /* foam where the water thins at the shore */
    if (depth < 0.35f) {
        float n1 = detail(c, wx * 0.9 + c->t * 0.3, wz * 0.9, NULL, NULL);
        float foam = oy_clampf((0.35f - depth) / 0.35f * (0.6f + 0.6f * n1), 0.0f, 1.0f) * 0.7f;
        for (int i = 0; i < 3; i++)
            out[i] = oy_lerpf(out[i], 0.8f * E[i] / (float)OY_PI, foam);
    }
}

/* metres a pixel spans across the view at distance dist (the level
 * ranges are set so a level-0 cell covers 6 pixels at range0) */
static inline float pixel_foot(const oy_cast *c, float dist)
{
    return dist * (OY_RBASE / 6.0f) / c->range0;
}

/* share of an octave of wavelength wl that a pixel of footprint foot
 * (metres on the ground) still resolves: it is gone before a pixel
 * spans half a wavelength, so fine grain fades out instead of
 * shimmering when the camera moves */
static inline float resolved(float foot, float wl)
{
    return 1.0f - oy_smoothstepf(0.15f * wl, 0.4f * wl, foot);
}

/* Grass blades: value noise squeezed across the view and stretched along
 * it, so on screen it reads as upright strokes. Two world-anchored copies,
 * one stretched along x and one along z, are blended by the ray's heading:
 * turning the camera changes their weights, never moves the pattern. fx
 * is the pixel's footprint across the view, fl along it. */
static float blades(const oy_cast *c, double wx, double wz, const float d[3], float fx, float fl)
{
    static const float across[3] = { 0.3f, 0.12f, 0.05f }, along[3] = { 1.5f, 0.6f, 0.25f };
    static const float amp[3] = { 0.25f, 0.35f, 0.3f };
    float ax = d[0] * d[0], az = d[2] * d[2];
    /* the weight of the copy stretched along z; one copy alone within
     * about 18 degrees of an axis */
    float wzk = oy_smoothstepf(0.1f, 0.9f, az / oy_rmax(ax + az, 1e-6f));
    float k = 1.0f;
    for (int o = 0; o < 3; o++) {
        /* strokes are smooth across, so they may go a little finer
         * than the isotropic octaves before they flicker */
        float f = 1.0f - oy_smoothstepf(0.15f, 0.7f, oy_rmax(fx / across[o], fl / along[o]));
        if (f <= 0.0f)
            break;
        double ia = 1.0 / across[o], il = 1.0 / along[o];
        float n = 0.0f;
        if (wzk > 0.0f)
            n += wzk * detail(c, wx * ia + 11.0 * o, wz * il + 23.0, NULL, NULL);
        if (wzk < 1.0f)
            n += (1.0f - wzk) * detail(c, wx * il + 37.0, wz * ia + 51.0 * o, NULL, NULL);
        /* blend of two noises is flatter than either: restore contrast */
        n *= 1.0f / sqrtf(wzk * wzk + (1.0f - wzk) * (1.0f - wzk));
        k *= 1.0f + amp[o] * f * n;
    }
    return k;
}

/* albedo factor of the near ground texture seen from above, with its
 * bumps added to the gradient so the grain catches the light; the
 * material is read from the albedo: green is grass (clumps and blade
 * grain), warm bright ground is sand (wind ripples), the rest is dirt
 * or rock (speckle) */
static float ground_top(const oy_cast *c, double wx, double wz, float fa, float foot,
                        float sg, const float d[3], const float alb[3], float *gx, float *gz)
{
    float nx, nz, mx, mz;
    float k = 1.0f + 0.28f * fa * detail(c, wx * (1.0 / 1.3), wz * (1.0 / 1.3), &nx, &nz);
    *gx += nx * 0.08f * fa;
    *gz += nz * 0.08f * fa;
    float grass = oy_clampf((alb[1] - fmaxf(alb[0], alb[2])) * 14.0f, 0.0f, 1.0f);
    if (grass > 0.0f)
        k *= oy_lerpf(1.0f, blades(c, wx, wz, d, foot * sg, foot), grass);
    float f1 = resolved(foot, 0.45f);
    if (f1 <= 0.0f)
        return k;
    float m1 = detail(c, wx * (1.0 / 0.45) + 50.0, wz * (1.0 / 0.45), &mx, &mz);
    float sand = (1.0f - grass) * oy_clampf((alb[0] - alb[2]) * 4.0f, 0.0f, 1.0f) *
                 oy_smoothstepf(0.12f, 0.3f, alb[0]);
    float rock = 1.0f - grass - sand;
    /* clumps: grass tufts with darker gaps, looser patches elsewhere */
    float clump = oy_smoothstepf(-0.5f, 0.5f, m1) - 0.5f;
    k *= 1.0f + f1 * (0.4f * grass + 0.08f * sand + 0.2f * rock) * clump;
    *gx += mx * f1 * (0.05f * grass + 0.06f * rock);
    *gz += mz * f1 * (0.05f * grass + 0.06f * rock);
    if (sand > 0.0f) {
        /* ripples across the wind, bent by the clump noise; shading
         * them through the gradient gives a lit and a shaded flank */
        float ph = (float)((wx * 0.8 + wz * 0.6) * (2.0 * OY_PI / 0.45)) + 2.5f * m1;
        float r = oy_sinf(ph), dr = oy_cosf(ph) * 0.35f * sand * f1;
        k *= 1.0f + 0.06f * sand * f1 * r;
        *gx += 0.8f * dr;
        *gz += 0.6f * dr;
    }
    float f2 = resolved(foot, 0.12f);
    if (f2 <= 0.0f || grass + rock <= 0.0f)
        return k;
    float px, pz, qx = 0.0f, qz = 0.0f, n3 = 0.0f;
    float n2 = detail(c, wx * (1.0 / 0.12) + 90.0, wz * (1.0 / 0.12) + 30.0, &px, &pz);
    float f3 = resolved(foot, 0.045f);
    if (f3 > 0.0f)
        n3 = detail(c, wx * (1.0 / 0.045) + 130.0, wz * (1.0 / 0.045) + 70.0, &qx, &qz);
    /* blade grain on grass, speckle on dirt and rock: small octaves
     * keep strong contrast so they read against the coarse mottle */
    float a2 = f2 * (0.3f * grass + 0.22f * rock), a3 = f3 * (0.35f * grass + 0.3f * rock);
    k *= (1.0f + a2 * n2) * (1.0f + a3 * n3);
    *gx += 0.25f * (a2 * px + a3 * qx);
    *gz += 0.25f * (a2 * pz + a3 * qz);
    return k;
}

/* Albedo and gradient at level k (or the first coarser one baked there),
 * for steep faces: a cell of a wall spans metres of height, and the
 * bake's changes from one cell to the next (colour of beds laid down by
 * altitude, noise; the tilt of each cell) are drawn straight down the
 * face as streaks. A coarser level gives the face its colour and lie
 * in broad strokes instead. o: r, g, b, gx, gz. */
static int face_at(const oy_cast *c, int k, float x, float z, float o[5])
{
    float fx, fz;
    const oy_tcell *q = cell_from(c, k, x, z, &fx, &fz);
    if (q) {
        const oy_tcell *r = q + OY_RSTRIDE;
        for (int j = 0; j < 3; j++) {
            float a = (float)(q[0].rgb[j] * q[0].rgb[j]), b = (float)(q[1].rgb[j] * q[1].rgb[j]);
            float d = (float)(r[0].rgb[j] * r[0].rgb[j]), e = (float)(r[1].rgb[j] * r[1].rgb[j]);
            o[j] = oy_rbilin(a, b, d, e, fx, fz) * (1.0f / 65025.0f);
        }
        o[3] = oy_rbilin(q[0].dx, q[1].dx, r[0].dx, r[1].dx, fx, fz) * (1.0f / 2048.0f);
        o[4] = oy_rbilin(q[0].dz, q[1].dz, r[0].dz, r[1].dz, fx, fz) * (1.0f / 2048.0f);
        return 1;
    }
    return 0;
}

/* The level a face at level k takes its colour and lie from: two steps
 * coarser near the camera, where a cell's streak would be widest on
 * screen, one step further off, where a coarser cell's colour would
 * bleed metres from the floor below up the foot of the wall. */
static inline int face_level(int k) { return k < 2 ? k + 2 : k + 1; }

/* how much of a surface of gradient squared g2 is a face: texture in the
 * vertical planes, colour from the coarse albedo */
static inline float face_weight(float g2) { return oy_smoothstepf(0.5f, 1.5f, g2); }

/* Rock on steep faces, projected on the two vertical planes x = const
 * and z = const (weighted by how squarely the face looks along x or z),
 * each with the horizontal coordinate along it and the height y: nothing
 * is drawn down the fall line. The noise is stretched 5:1 along the
 * face, and its lower octaves stepped in height, so beds, ledges and
 * overhangs run level; beds of lighter and darker stone band the albedo
 * by height. Each octave fades before a pixel covers a third of it.
 * Returns the albedo factor; the bumps tilt the unit normal n. */
static float face_tex(const oy_cast *c, double wx, double wz, float y, float fw, float foot,
                      float n[3])
{
    static const float wl[5] = { 40.0f, 11.0f, 3.2f, 0.9f, 0.25f };
    static const float bump[5] = { 0.3f, 0.3f, 0.25f, 0.2f, 0.18f };
    static const float tone[5] = { 0.12f, 0.14f, 0.14f, 0.16f, 0.18f };
    float ax = n[0] * n[0], az = n[2] * n[2];
    float wX = oy_smoothstepf(0.2f, 0.8f, ax / oy_rmax(ax + az, 1e-6f)), wZ = 1.0f - wX;
    float k = 1.0f, pu[2] = { 0.0f, 0.0f }, py = 0.0f;
    /* beds: bands of height, bent a little along the face */
    float fb = resolved(foot, 2.3f) * fw;
    if (fb > 0.0f) {
        float sn = detail(c, y * (1.0 / 2.3) + wx * 0.013, wz * 0.013 + 300.0, NULL, NULL);
        float sb = detail(c, y * (1.0 / 7.5) - wz * 0.006, wx * 0.006 - 120.0, NULL, NULL);
        k *= (1.0f + 0.3f * fb * sn) * (1.0f + 0.18f * fw * sb);
    }
    for (int o = 0; o < 5; o++) {
        float f = resolved(foot, wl[o]) * fw;
        if (f <= 0.0f)
            break;
        float st = o < 3 ? 5.0f : 2.5f;
        double iu = 1.0 / (st * wl[o]);
        float v = y * (1.0f / wl[o]), sv = 1.0f;
        if (o < 3) {
            /* steps: a steep riser between gentler treads */
            float fl = (float)ifloor(v), t = v - fl;
            float e = t * t * (3.0f - 2.0f * t);
            v = fl + 0.3f * t + 0.7f * e;
            sv = 0.3f + 4.2f * t * (1.0f - t);
        }
        float m = 0.0f;
        for (int p = 0; p < 2; p++) {
            float w = p ? wZ : wX;
            if (w < 0.01f)
                continue;
            /* plane x = const runs along z, plane z = const along x */
            double u = p ? wx : wz;
            float du, dv;
            float nn = detail(c, u * iu + 37.0 * o + 100.0 * p, (double)v + 13.0 * o, &du, &dv);
            m += w * nn;
            pu[p] += w * f * bump[o] * du / st;
            py += w * f * bump[o] * dv * sv;
        }
        k *= 1.0f + tone[o] * f * m;
    }
    /* tilt the normal against the bumps' slope, in the face's plane */
    float p[3] = { pu[1], py, pu[0] };
    float pn = p[0] * n[0] + p[1] * n[1] + p[2] * n[2];
    float t[3];
    for (int i = 0; i < 3; i++)
        t[i] = n[i] - (p[i] - pn * n[i]);
    float il = 1.0f / sqrtf(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
    for (int i = 0; i < 3; i++)
        n[i] = t[i] * il;
    return k;
}

static int is_water(const full *f, float cf)
{
    return f->wl > f->g + f->can * cf - 0.01f && f->wl > f->g;
}

/* shade a point of land */
static void shade(const oy_cast *c, full *f, float x, float y, float z, const float d[3],
                  float dist, float cf, float out[3])
{
    const oy_sky *s = c->sky;
    float can = f->can * cf;
    double wx = c->cam_x + x, wz = c->cam_z + z;
    float alb[3] = { f->rgb[0], f->rgb[1], f->rgb[2] };
    float gx = f->gx, gz = f->gz, snowk = f->snow, wet = c->wet;
    if (can > 0.4f && y > f->g + 0.3f) {
        /* canopy: crowns as bumps that catch the light, dark gaps
         * between them, and leaf clusters on the crowns while the view
         * is close enough for them not to shimmer */
        float nx, nz, mx = 0.0f, mz = 0.0f, n2 = 0.0f;
        float n1 = detail(c, wx * (1.0 / 3.5), wz * (1.0 / 3.5), &nx, &nz);
        float fh = 1.0f - oy_smoothstepf(250.0f, 900.0f, dist);
        if (fh > 0.0f)
            n2 = detail(c, wx * (1.0 / 1.1) + 17.0, wz * (1.0 / 1.1), &mx, &mz) * fh;
        float k = 0.35f + 0.75f * oy_smoothstepf(-0.55f, 0.45f, n1) + 0.25f * n2;
        for (int i = 0; i < 3; i++)
            alb[i] = c->leaf[i] * k;
        gx += nx * 0.7f + mx * 0.35f * fh;
        gz += nz * 0.7f + mz * 0.35f * fh;
        snowk *= 0.4f;
        wet *= 0.3f;
    } else if (dist < 70.0f) {
        /* ground texture close to the camera, fading before it aliases */
        float fa = 1.0f - dist / 70.0f, k;
        /* pixel footprint on the ground, stretched along the view by
         * the grazing angle */
        float sg = fabsf(d[1] - d[0] * gx - d[2] * gz) / sqrtf(1.0f + gx * gx + gz * gz);
        float foot = pixel_foot(c, dist) / fmaxf(sg, 0.02f);
        float ts = oy_smoothstepf(1.0f, 0.25f, gx * gx + gz * gz);
        k = ts > 0.0f ? oy_lerpf(1.0f, ground_top(c, wx, wz, fa, foot, sg, d, alb, &gx, &gz), ts) : 1.0f;
        for (int i = 0; i < 3; i++)
            alb[i] *= k;
    }
    float fw = f->face;
    if (fw > 0.0f && (can <= 0.4f || y <= f->g + 0.3f)) {
        /* steep faces: rock in the face's own plane; the footprint is
         * stretched by the angle the view meets the face at */
        float n[3] = { -gx, 1.0f, -gz };
        float il = 1.0f / sqrtf(gx * gx + 1.0f + gz * gz);
        n[0] *= il; n[1] *= il; n[2] *= il;
        float dn = fabsf(d[0] * n[0] + d[1] * n[1] + d[2] * n[2]);
        float k = face_tex(c, wx, wz, y, fw, pixel_foot(c, dist) / oy_rmax(dn, 0.05f), n);
        for (int i = 0; i < 3; i++)
            alb[i] *= k;
        /* back to a gradient; a bump may not tip the face over */
        float ny = oy_rmax(n[1], 0.03f);
        gx = -n[0] / ny;
        gz = -n[2] / ny;
    }
    /* lying snow: fallen snow (the snow cover) or the white ground of a
     * snowfield or glacier */
    float amt = c->snow > 0.0f ? oy_smoothstepf(0.15f, 0.6f, c->snow * (0.35f + snowk)) : 0.0f;
    float white = oy_smoothstepf(0.55f, 0.75f, oy_rmin(alb[0], oy_rmin(alb[1], alb[2])));
    float drift = oy_rmax(amt, white);
    if (drift > 0.0f) {
        static const float sn[3] = { 0.82f, 0.85f, 0.9f };
        /* wind-packed drifts: long low ridges across the wind and a finer
         * crust, in the albedo (so flat light still shows them) and on
         * the normal (so a low sun rakes them) */
        float foot = pixel_foot(c, dist), k = 1.0f;
        float f1 = resolved(foot, 6.0f) * drift, f2 = resolved(foot, 0.8f) * drift;
        if (f1 > 0.0f) {
            float nx, nz, mx = 0.0f, mz = 0.0f, m2 = 0.0f;
            float m1 = detail(c, wx * (1.0 / 9.0) + 410.0, wz * (1.0 / 3.0) - 90.0, &nx, &nz);
            if (f2 > 0.0f)
                m2 = detail(c, wx * (1.0 / 0.8) - 60.0, wz * (1.0 / 0.8) + 260.0, &mx, &mz);
            k = 1.0f + 0.14f * f1 * m1 + 0.08f * f2 * m2;
            gx += 0.12f * f1 * nx + 0.05f * f2 * mx;
            gz += 0.12f * f1 * nz + 0.05f * f2 * mz;
        }
        for (int i = 0; i < 3; i++)
            alb[i] = oy_lerpf(alb[i] * k, sn[i] * k, amt);
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
        float rx = d[0] - 2 * dn * n[0], rz = d[2] - 2 * dn * n[2];
        float ry = oy_rmax(d[1] - 2 * dn * n[1], 0.05f);
        oy_sky_lut(s, oy_rturns(rx, rz), ry / sqrtf(rx * rx + ry * ry + rz * rz), sk);
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

/* aerial perspective on terrain: distant relief takes a veil a little
 * darker and bluer than the horizon sky, more under an overcast, so far
 * white ridges part from the plain before them and from the sky behind */
static void distance_haze(const oy_cast *c, const float hz[3], float dist, float col[3])
{
    static const float veil[3] = { 0.8f, 0.86f, 0.97f };
    float T = oy_rexp(-c->haze_k * dist);
    for (int i = 0; i < 3; i++)
        col[i] = col[i] * T + hz[i] * veil[i] * (1.0f - T);
}

static void sky_pixel(const oy_cast *c, const float d[3], float az, const float hz[3], float *px)
{
    oy_sky_radiance(c->sky, d, az, c->cam_y, px);
    if (c->fog_a > 0.0f) {
        float dist = d[1] > 0.0f ? oy_rmin(30000.0f, 3000.0f / oy_rmax(d[1], 0.1f)) : 30000.0f;
        oy_cast_air(c, d, hz, dist, px);
    }
}

/* Where a ray above the square [bx, bx + size] x [bz, bz + size] whose
 * surface stays below top may go on to: the square's far edge, the point
 * where it sinks to top, or the start of the level's blend band, whichever
 * comes first. Nothing in between can be hit, so skipping there changes
 * no pixel. */
static float skip_box(const oy_cast *c, float bx, float bz, float size, float top,
                      float hx, float hz, float s, float t, float band)
{
    float x = hx * t, z = hz * t, e = band;
    if (hx > 1e-6f)
        e = oy_rmin(e, t + (bx + size - x) / hx);
    else if (hx < -1e-6f)
        e = oy_rmin(e, t + (bx - x) / hx);
    if (hz > 1e-6f)
        e = oy_rmin(e, t + (bz + size - z) / hz);
    else if (hz < -1e-6f)
        e = oy_rmin(e, t + (bz - z) / hz);
    if (s < 0.0f)
        e = oy_rmin(e, (top - c->cam_y) / s);
    return e;
}

/* the farthest a ray at t, height y, over cell i of chunk ch may skip */
static float skip(const oy_cast *c, const oy_tlevel *L, const oy_tchunk *ch, int i,
                  float y, float hx, float hz, float s, float t, float band)
{
    float size = OY_RCHUNK * L->spacing;
    float bx = L->ox + (float)(ch->cx - L->cx0) * size, bz = L->oz + (float)(ch->cz - L->cz0) * size;
    if (y > ch->hmax)
        return skip_box(c, bx, bz, size, ch->hmax, hx, hz, s, t, band);
    int ci = i % OY_RSTRIDE / OY_RBLOCK, cj = i / OY_RSTRIDE / OY_RBLOCK;
    float top = ch->bmax[cj][ci];
    if (y <= top)
        return t;
    float bs = OY_RBLOCK * L->spacing;
    return skip_box(c, bx + (float)ci * bs, bz + (float)cj * bs, bs, top, hx, hz, s, t, band);
}

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

/* A water pixel put off to the end of its group. */
typedef struct water_px { int i, row; ray r; } water_px;

/* The per-thread scratch of oy_cast_columns, carved from one block: a
 * group's water pixels; per row of each column, the first row from it up
 * that is not water; and each hit's horizontal distance, column by
 * column. */
typedef struct scratch { water_px *water; int *up; float *t; } scratch;

size_t oy_cast_scratch_size(int rows)
{
    return (size_t)OY_CAST_GROUP * (size_t)rows * (sizeof(water_px) + sizeof(int) + sizeof(float));
}

static scratch scratch_of(void *block, int rows)
{
    size_t n = (size_t)OY_CAST_GROUP * (size_t)rows;
    water_px *w = block;
    int *up = (int *)(w + n);
    return (scratch){ w, up, (float *)(up + n) };
}

typedef struct ranges { float r[OY_RLEVELS], band_inv[OY_RLEVELS]; } ranges;

static void column_start(const oy_cast *c, int col, column *q)
{
    float a = c->a0 + col * c->da;
    q->inv_l = 1.0f;
    if (c->equirect) {
        q->hx = oy_sinf(a);
        q->hz = oy_cosf(a);
    } else {
        float l = sqrtf(1.0f + a * a);
        q->inv_l = 1.0f / l;
        q->hx = (c->f0x + a * c->r0x) * q->inv_l;
        q->hz = (c->f0z + a * c->r0z) * q->inv_l;
    }
    /* the haze colour depends on azimuth only: once per column */
    q->az = oy_rturns(q->hx, q->hz);
    oy_sky_lut(c->sky, q->az, 0.05f, q->haze);
    for (int i = 0; i < 3; i++)
        q->haze[i] = oy_lerpf(q->haze[i], c->sky->overcast[i], c->sky->oc);
    q->t = q->tlo = 0.05f;
    q->k = 0;
    q->slo = surface(c, 0, q->hx * q->t, q->hz * q->t, 0.0f, &q->own, &q->cell);
    /* the surface at t, kept from the ray below: the next ray starts
     * where that one hit, so it needs no new lookup there */
    q->S = 0.0f;
    q->have_s = q->band = 0;
}

/* march one row's ray on from where the column's last one stopped */
static void march(const oy_cast *c, const ranges *R, column *q, int col, int row, ray *m)
{
    const float *range = R->r;
    float hx = q->hx, hz = q->hz, t = q->t, S = q->S;
    int k = q->k;
    float b = c->b0 + row * c->db;
    float s = c->equirect ? oy_tanf(oy_clampf(b, -1.56f, 1.56f)) : b * q->inv_l;
    float il = 1.0f / sqrtf(1.0f + s * s);
    float *d = m->d;
    d[0] = hx * il;
    d[1] = s * il;
    d[2] = hz * il;
    float y = 0.0f, relax = 0.7f / (fabsf(s) + 1.0f);
    for (;;) {
        if (t > c->tmax)
            break;
        while (k < OY_RLEVELS - 1 && t > range[k])
            k++;
        const oy_tlevel *L = &c->levels[k];
        y = c->cam_y + s * t;
        if (y > L->hmax) {
            /* above everything this level and the coarser ones hold: a
             * rising ray is sky, a falling one can drop straight to that
             * height */
            if (s >= 0.0f) {
                t = 2.0f * c->tmax;
                break;
            }
            float tn = (L->hmax - c->cam_y) / s;
            if (tn > t) {
                t = tn;
                q->have_s = 0;
                continue;
            }
        }
        if (!q->have_s) {
            float x = hx * t, z = hz * t, cf = canopy_fade(t);
            const oy_tchunk *o2;
            int i2;
            S = surface(c, k, x, z, cf, &q->own, &q->cell);
            q->band = t > 0.8f * range[k] && k < OY_RLEVELS - 1;
            if (q->band) {
                float u = oy_rmin((t - 0.8f * range[k]) * R->band_inv[k], 1.0f);
                S = oy_lerpf(S, surface(c, k + 1, x, z, cf, &o2, &i2), u * u * (3.0f - 2.0f * u));
            }
        }
        q->have_s = 0;
        if (y <= S) {
            q->have_s = 1;
            break;
        }
        q->tlo = t;
        q->slo = S;
        float nt = t + oy_rmax(oy_rmax(L->spacing, t * 0.0035f), (y - S) * relax);
        if (q->own && !q->band)
            nt = oy_rmax(nt, skip(c, L, q->own, q->cell, y, hx, hz, s, t, 0.8f * range[k]));
        t = nt;
    }
    q->t = t;
    q->S = S;
    q->k = k;
    m->k = k;
    if (t > c->tmax) {
        c->depth[(size_t)row * c->w + col] = 1e30f;
        m->hit = SKY_RAY;
        m->th = m->dist = 1e30f;
        return;
    }
    /* secant between the last point above and the first below */
    float flo = c->cam_y + s * q->tlo - q->slo, fhi = y - S;
    m->th = q->tlo + (t - q->tlo) * flo / oy_rmax(flo - fhi, 1e-6f);
    m->y = c->cam_y + s * m->th;
    m->dist = m->th / il;
    m->hit = HIT;
    c->depth[(size_t)row * c->w + col] = m->dist;
}

/* shade what a column's ray hit this row; returns 1, shading nothing, for
 * water while it is to be put off (mi NULL), else 0 */
static int shade_hit(const oy_cast *c, const ranges *R, const column *q, ray *m, corners *cc,
                     int col, int row, const mirror *mi)
{
    const float *range = R->r;
    float th = m->th, x = q->hx * th, z = q->hz * th, dist = m->dist;
    float *px = c->hdr + ((size_t)row * c->w + col) * 3;
    int kk = m->k;
    while (kk > 0 && th <= range[kk - 1])
        kk--;
    full f;
    fetch_full(c, kk, x, z, &cc[0], &f);
    /* the shading inputs of neighbouring levels differ less than their
     * heights do: a narrower band than the march's hides the change and
     * halves the pixels that fetch twice */
    float bw = oy_smoothstepf(0.9f * range[kk], range[kk], th);
    if (bw > 0.0f && kk < OY_RLEVELS - 1) {
        full f2;
        fetch_full(c, kk + 1, x, z, &cc[1], &f2);
        mix_full(&f, &f2, bw);
    }
    float cf = canopy_fade(th);
    if (is_water(&f, cf)) {
        m->hit = WATER;
        if (!mi)
            return 1;
        shade_water(c, &f, x, m->y, z, m->d, dist, mi, px);
    } else {
        m->hit = LAND;
        /* how much of a face it is comes from the coarse lie too: the
         * fine cells' gradient along the top edge of a wall turns steep
         * and flat from one cell to the next, in teeth */
        float a[5], a2[5];
        f.face = 0.0f;
        int k1 = face_level(kk), k2 = face_level(kk + 1);
        if (f.gx * f.gx + f.gz * f.gz > 0.2f && k1 < OY_RLEVELS && face_at(c, k1, x, z, a)) {
            if (bw > 0.0f && k2 != k1 && k2 < OY_RLEVELS && face_at(c, k2, x, z, a2))
                for (int i = 0; i < 5; i++)
                    a[i] = oy_lerpf(a[i], a2[i], bw);
            float fw = f.face = face_weight(a[3] * a[3] + a[4] * a[4]);
            for (int i = 0; i < 3; i++)
                f.rgb[i] = oy_lerpf(f.rgb[i], a[i], fw);
            f.gx = oy_lerpf(f.gx, a[3], 0.6f * fw);
            f.gz = oy_lerpf(f.gz, a[4], 0.6f * fw);
        }
        shade(c, &f, x, m->y, z, m->d, dist, cf, px);
    }
    distance_haze(c, q->haze, dist, px);
    oy_cast_air(c, m->d, q->haze, dist, px);
    return 0;
}

/* slope of row r's ray in column q */
static float row_slope(const oy_cast *c, const column *q, int r)
{
    float b = c->b0 + r * c->db;
    return c->equirect ? oy_tanf(oy_clampf(b, -1.56f, 1.56f)) : b * q->inv_l;
}

/* Is the point seen at row r of the mirror's column in front of the
 * reflected ray? The ray, leaving the water at horizontal distance th
 * with slope rs, is seen from the camera at row r's slope sr at distance
 * a / (sr - rs), sr < rs; land there at most that far (and behind the
 * water) hides it. Returns -1 for sky, which ends the search. */
static int mirror_hit(const oy_cast *c, const mirror *m, int r, float a, float rs, float th)
{
    float ts = m->t[r];
    if (ts > 1e29f)
        return -1;
    if (m->up[r] != r)
        return 0;
    float ds = row_slope(c, m->q, r) - rs;
    return ds < 0.0f && ts >= th && ts * ds >= a;
}

/* What a ray leaving the water at horizontal distance th and height wy
 * with slope rs meets, read from the finished rows of the same column:
 * a march up the rows from the water pixel's, in strides that grow to 16
 * rows and over water in one jump, then back to the first row after the
 * last one looked at that hides the ray. 0 when it meets sky or leaves
 * the image. */
static int mirror_lookup(const oy_cast *c, const mirror *m, float th, float wy, float rs,
                         float out[3])
{
    float a = wy - c->cam_y - rs * th;
    int prev = m->row, r = m->row + 1 < c->h ? m->up[m->row + 1] : c->h, found = 0, stride = 2;
    while (r < c->h && row_slope(c, m->q, r) < rs) {
        int h = mirror_hit(c, m, r, a, rs, th);
        if (h) {
            found = h > 0;
            break;
        }
        prev = r;
        r = r + stride < c->h ? m->up[r + stride] : c->h;
        stride = stride < 16 ? stride + stride / 2 : 16;
    }
    /* the stride may have passed over the land that hides the ray: look
     * back over the rows it skipped before taking a hit or the sky */
    for (int b = prev + 1; b < r && b < c->h; b++) {
        int h = mirror_hit(c, m, b, a, rs, th);
        if (h) {
            found = h > 0;
            r = b;
            break;
        }
    }
    if (!found)
        return 0;
    const float *p = c->hdr + ((size_t)r * c->w + m->col) * 3;
    out[0] = p[0];
    out[1] = p[1];
    out[2] = p[2];
    return 1;
}

/* Far land between two shaded neighbours (left and right in its row, or
 * below and above in its column) at about its depth takes their mean:
 * there its shading inputs are cells six or more pixels wide, so nothing
 * narrower than two pixels is lost, and most far ground is shaded for the
 * price of a march. Water (glitter), edges and the textured near ground
 * are always shaded. So is sky between sky, unless stars (a pixel wide)
 * may show. */
static int between(const oy_cast *c, const ray *l, const ray *m, const ray *r)
{
    if (m->hit == SKY_RAY)
        return l->hit == SKY && r->hit == SKY && c->sky->star_k <= 0.0f;
    float tol = 0.02f * m->dist;
    return l->hit == LAND && r->hit == LAND && m->dist > 75.0f &&
           fabsf(l->dist - r->dist) < tol && fabsf(m->dist - 0.5f * (l->dist + r->dist)) < tol;
}

/* shade the water a group put off, top row first: a reflection is read
 * from rows above, which are then final */
static void shade_deferred(const oy_cast *c, const ranges *R, const column *q, corners *cc, int g0, int n,
                           const scratch *sc, int nw)
{
    if (!nw)
        return;
    for (int i = 0; i < n; i++) {
        int *up = sc->up + (size_t)i * c->h, next = c->h;
        for (int r = c->h - 1; r >= 0; r--)
            next = up[r] = up[r] < 0 ? next : r;
    }
    for (int j = nw - 1; j >= 0; j--) {
        water_px *w = &sc->water[j];
        size_t at = (size_t)w->i * c->h;
        mirror mi = { &q[w->i], g0 + w->i, w->row, sc->up + at, sc->t + at };
        shade_hit(c, R, &q[w->i], &w->r, cc, g0 + w->i, w->row, &mi);
    }
}

/* Shade a row of the group's rays: even columns first, so an odd one may
 * take the mean of its left and right; with below and above (the rows
 * either side, final), any may take the mean of those. Water is put off
 * onto the scratch list. */
static void shade_row(const oy_cast *c, const ranges *R, const column *q, corners *cc, int g0,
                      int n, int row, ray *cur, const ray *below, const ray *above,
                      const scratch *sc, int *nw)
{
    for (int k = 0; k < n; k++) {
        int i = k < (n + 1) / 2 ? 2 * k : 2 * (k - (n + 1) / 2) + 1;
        ray *m = &cur[i];
        float *px = c->hdr + ((size_t)row * c->w + g0 + i) * 3;
        if (m->hit != HIT && m->hit != SKY_RAY)
            continue;
        const float *a = NULL, *b = NULL;
        if (below && between(c, &below[i], m, &above[i])) {
            a = px - (size_t)c->w * 3;
            b = px + (size_t)c->w * 3;
        } else if (i % 2 && i + 1 < n && between(c, &cur[i - 1], m, &cur[i + 1])) {
            a = px - 3;
            b = px + 3;
        }
        if (a) {
            for (int j = 0; j < 3; j++)
                px[j] = 0.5f * (a[j] + b[j]);
            m->hit = m->hit == SKY_RAY ? SKY : LAND;
        } else if (m->hit == SKY_RAY) {
            sky_pixel(c, m->d, q[i].az, q[i].haze, px);
            m->hit = SKY;
        } else if (shade_hit(c, R, &q[i], m, cc, g0 + i, row, NULL)) {
            sc->water[(*nw)++] = (water_px){ i, row, *m };
            sc->up[(size_t)i * c->h + row] = -1;
        }
    }
}

void oy_cast_columns(const oy_cast *c, int c0, int c1, void *scratch_block)
{
    scratch sc = scratch_of(scratch_block, c->h);
    ranges R;
    column q[OY_CAST_GROUP];
    ray rows[3][OY_CAST_GROUP];            /* the last final row, one waiting, this one */
    corners cc[2] = { { .q = NULL }, { .q = NULL } };
    for (int k = 0; k < OY_RLEVELS; k++) {
        R.r[k] = c->range0 * (float)(1 << k);
        R.band_inv[k] = 1.0f / (0.2f * R.r[k]);
    }
    /* a few columns side by side, row by row: their marches do not depend
     * on each other, so the processor overlaps them, and neighbours reuse
     * the terrain cells and output lines just touched. Odd rows wait for
     * the row above them, so they can take the mean of the two. */
    for (int g0 = c0; g0 < c1; g0 += OY_CAST_GROUP) {
        int n = c1 - g0 < OY_CAST_GROUP ? c1 - g0 : OY_CAST_GROUP, nw = 0;
        ray *last = rows[0], *wait = rows[1], *cur = rows[2];
        memset(sc.up, 0, sizeof *sc.up * (size_t)n * c->h);
        for (int i = 0; i < n; i++)
            column_start(c, g0 + i, &q[i]);
        for (int row = 0; row < c->h; row++) {
            for (int i = 0; i < n; i++) {
                march(c, &R, &q[i], g0 + i, row, &cur[i]);
                sc.t[(size_t)i * c->h + row] = cur[i].th;
            }
            if (row % 2 && row + 1 < c->h) {
                ray *t = wait;
                wait = cur;
                cur = t;
                continue;
            }
            shade_row(c, &R, q, cc, g0, n, row, cur, NULL, NULL, &sc, &nw);
            if (row % 2 == 0 && row >= 2)
                shade_row(c, &R, q, cc, g0, n, row - 1, wait, last, cur, &sc, &nw);
            ray *t = last;
            last = cur;
            cur = t;
        }
        shade_deferred(c, &R, q, cc, g0, n, &sc, nw);
    }
}
