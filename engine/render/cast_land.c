/*
 * cast_land.c - shading what a column's ray hit. The surface fetch reads
 * the baked cells of the finest level there (blended into the next one
 * across its band) and hands water to cast_water.c. Land is lit by sun
 * and moon with terrain and cloud shadows, sky ambient and light thrown
 * back from sunlit ground, under season and weather layers (canopy, snow,
 * wet ground). Detail texture from a periodic noise tile is projected from
 * above near the camera (grass blades, clumps, sand ripples, speckle) or,
 * on steep faces, from the side (rock beds and ledges), each octave fading
 * before a pixel covers it. Haze and fog over the result are cast_air.c's.
 */
#include <math.h>

#include "cast_impl.h"

/* the detail texture's tile: DN x DN hashed lattice values in [-1, 1],
 * read by detail() (cast_impl.h) */
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

/* ---- the surface fetch ---- */

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
        cc->v[F_FLOOD][i] = (float)p[i]->flood * (1.0f / 255.0f);
        /* albedo is stored square-root encoded */
        for (int j = 0; j < 3; j++)
            cc->v[F_R + j][i] = (float)(p[i]->rgb[j] * p[i]->rgb[j]) * (1.0f / 65025.0f);
    }
    cc->q = q;
}

/* The cell of the finest level from k on that covers x, z (the rings
 * nest, so a point past one ring's edge is in a coarser one), with its
 * place inside the cell; NULL past the last ring. */
static inline const oy_tcell *cell_from(const oy_cast *c, int k, float x, float z, float *fx,
                                        float *fz, float *spacing)
{
    for (; k < OY_RLEVELS; k++) {
        int i;
        const oy_tchunk *ch = oy_tlocate(&c->levels[k], x, z, &i, fx, fz);
        if (ch) {
            *spacing = c->levels[k].spacing;
            return ch->c + i;
        }
    }
    return NULL;
}

static void fetch_full(const oy_cast *c, int k, float x, float z, corners *cc, full *o)
{
    float fx, fz, sp;
    const oy_tcell *q = cell_from(c, k, x, z, &fx, &fz, &sp);
    if (q) {
        if (cc->q != q)
            corners_load(cc, q);
        float w[4] = { (1.0f - fx) * (1.0f - fz), fx * (1.0f - fz), (1.0f - fx) * fz, fx * fz };
        float r[NF];
        for (int f = 0; f < NF; f++)
            r[f] = cc->v[f][0] * w[0] + cc->v[f][1] * w[1] + cc->v[f][2] * w[2] + cc->v[f][3] * w[3];
        const float *cv = cc->v[F_CAN];
        float cgx = oy_lerpf(cv[1] - cv[0], cv[3] - cv[2], fz) / sp;
        float cgz = oy_lerpf(cv[2] - cv[0], cv[3] - cv[1], fx) / sp;
        *o = (full){ .g = r[F_G], .wl = r[F_WL], .can = r[F_CAN], .gx = r[F_GX], .gz = r[F_GZ],
                     .snow = r[F_SNOW], .flood = r[F_FLOOD], .cgx = cgx, .cgz = cgz,
                     .rgb = { r[F_R], r[F_GR], r[F_B] } };
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
    a->flood = oy_lerpf(a->flood, b->flood, t);
    a->cgx = oy_lerpf(a->cgx, b->cgx, t);
    a->cgz = oy_lerpf(a->cgz, b->cgz, t);
    for (int i = 0; i < 3; i++)
        a->rgb[i] = oy_lerpf(a->rgb[i], b->rgb[i], t);
}

/* irradiance on a surface with normal n at local point p */
void oy_cast_light(const oy_cast *c, const float n[3], float x, float y, float z, float dist,
                   float E[3])
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
    if (s->flash_rad[1] > 0.0f) {
        /* lightning, from the bolt's side */
        float ndf = oy_rmax(n[0] * s->flash_dir[0] + n[1] * s->flash_dir[1] + n[2] * s->flash_dir[2], 0.0f);
        for (int i = 0; i < 3; i++)
            E[i] += s->flash_rad[i] * ndf;
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
 * grain), and so is straw where the world is a dry meadow, warm bright
 * ground is sand (wind ripples), the rest is dirt or rock (speckle) */
static float ground_top(const oy_cast *c, double wx, double wz, float fa, float foot,
                        float sg, const float d[3], const float alb[3], float green, float *gx, float *gz)
{
    float nx, nz, mx, mz;
    float k = 1.0f + 0.28f * fa * detail(c, wx * (1.0 / 1.3), wz * (1.0 / 1.3), &nx, &nz);
    *gx += nx * 0.08f * fa;
    *gz += nz * 0.08f * fa;
    /* straw (a wheat field, a dry summer meadow) is grass too, though
     * not green */
    float grass = fmaxf(green, c->straw);
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
        k *= 1.0f + 0.1f * sand * f1 * r;
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
    float fx, fz, sp;
    const oy_tcell *q = cell_from(c, k, x, z, &fx, &fz, &sp);
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

/* Flowers in the grass: drifts of them, and in the drifts a clump of one
 * kind to a cell of 0.8 m where the hash says, its heads speckled over a
 * ragged patch half a metre across, its colour drawn from a palette that leans
 * warm (poppies, sunflowers) or cool (bluebells, lavender) as the words
 * say. Where a pixel covers many clumps they blend into the grass as
 * their mean colour, more of it at a grazing view, which sees the heads
 * over the blades. */
static void flowers(const oy_cast *c, double wx, double wz, float foot, float sg, float grass, float alb[3])
{
    const float *wt = c->flower_wt, sum = c->flower_sum;
    float drift = oy_smoothstepf(-0.35f, 0.35f, detail(c, wx * (1.0 / 11.0) - 70.0, wz * (1.0 / 11.0) + 5.0, NULL, NULL));
    float dens = c->flowers * grass * drift;
    if (dens <= 0.0f)
        return;
    float col[3] = { c->flower_mean[0], c->flower_mean[1], c->flower_mean[2] };
    const double cell = 0.8;
    double cx = floor(wx / cell), cz = floor(wz / cell);
    uint64_t h = oy_hash(0xf10e4, OY_STREAM_VEGETATION, (uint64_t)(int64_t)cx, (uint64_t)(int64_t)cz, 0);
    float grazing = 1.0f + 2.0f * (1.0f - oy_rmin(sg * 4.0f, 1.0f));
    float cover = oy_rmin(dens * 0.75f * 0.12f * grazing, 0.5f), seen = resolved(foot, 0.8f), k = cover;
    if (seen > 0.0f) {
        float on = 0.0f;
        if (oy_u01(h) < dens * 0.75f) {
            /* this cell's clump: where, how wide, which flower */
            double fx = (cx + 0.3 + 0.4 * oy_u01(oy_mix64(h ^ 1))) * cell;
            double fz = (cz + 0.3 + 0.4 * oy_u01(oy_mix64(h ^ 2))) * cell;
            float r = 0.2f + 0.18f * oy_u01(oy_mix64(h ^ 3)), pick = oy_u01(oy_mix64(h ^ 4)) * sum;
            /* a ragged edge: the distance bent by the grass's own noise */
            float bend = 1.0f + 0.45f * detail(c, wx * (1.0 / 0.3) + 40.0, wz * (1.0 / 0.3) - 17.0, NULL, NULL);
            float d2 = (float)((wx - fx) * (wx - fx) + (wz - fz) * (wz - fz)) * bend * bend;
            int f = 0;
            while (f < 5 && pick > wt[f])
                pick -= wt[f++];
            for (int i = 0; i < 3; i++)
                col[i] = oy_lerpf(col[i], oy_flower_palette[f][i], seen);
            /* the heads: dense speckle where a pixel sees them one by one */
            float heads = oy_lerpf(0.6f, oy_smoothstepf(-0.25f, 0.3f, detail(c, wx * (1.0 / 0.2) + 3.0,
                                                                            wz * (1.0 / 0.2) - 8.0, NULL, NULL)),
                                   resolved(foot, 0.2f));
            on = oy_smoothstepf(r * r, 0.3f * r * r, d2) * oy_clampf(heads * grazing, 0.0f, 1.0f);
        }
        k = oy_lerpf(cover, on, seen);
    }
    for (int i = 0; i < 3; i++)
        alb[i] = oy_lerpf(alb[i], col[i], k);
}

/* A salt crust: plates a metre or two across, each a jittered cell of a
 * grid, parted by white ridges of pushed-up salt. The ridges are the
 * distance to the nearest cell over the distance to the next nearest
 * (both found among the 3 x 3 cells around); past where a ridge resolves
 * the plates melt into their mean, a little greyer than bare salt. Damp
 * patches grey it in broad strokes. */
static void salt_crust(const oy_cast *c, double wx, double wz, float foot, float alb[3], float *gx,
                       float *gz)
{
    const double cell = 1.6;
    float seen = resolved(foot, 0.5f), k = 0.8f;
    if (seen > 0.0f) {
        double cx = floor(wx / cell), cz = floor(wz / cell);
        float d1 = 1e9f, d2 = 1e9f, ax = 0.0f, az = 0.0f;
        for (int j = -1; j <= 1; j++)
            for (int i = -1; i <= 1; i++) {
                uint64_t h = oy_hash(0x5a17, OY_STREAM_TERRAIN, (uint64_t)(int64_t)(cx + i),
                                     (uint64_t)(int64_t)(cz + j), 0);
                float px = (float)((cx + i + 0.15 + 0.7 * oy_u01(h)) * cell - wx);
                float pz = (float)((cz + j + 0.15 + 0.7 * oy_u01(oy_mix64(h ^ 1))) * cell - wz);
                float d = sqrtf(px * px + pz * pz);
                if (d < d1) {
                    d2 = d1;
                    d1 = d;
                    ax = px;
                    az = pz;
                } else if (d < d2) {
                    d2 = d;
                }
            }
        /* 0 on a ridge, 1 inside a plate */
        float plate = oy_smoothstepf(0.03f, 0.2f, d2 - d1);
        k = oy_lerpf(k, 1.0f - 0.3f * plate, seen);
        /* a plate dishes a little toward its centre: its edges catch a
         * low sun */
        float tilt = 0.06f * seen * plate / oy_rmax(d1, 0.05f);
        *gx -= tilt * ax;
        *gz -= tilt * az;
    }
    /* broad damp patches, greyer, tens of metres across */
    float damp = oy_smoothstepf(-0.3f, 0.5f, detail(c, wx * (1.0 / 23.0) + 7.0, wz * (1.0 / 23.0) - 61.0, NULL, NULL));
    k = oy_lerpf(1.0f, k * (1.0f - 0.45f * damp), c->crust);
    for (int i = 0; i < 3; i++)
        alb[i] *= k;
}

/* A field's rows: bands of plants along the field with soil between,
 * each row rounded so the light catches one side. A row stands as high
 * as its crop, so a view across the rows sees less of the soil between
 * them the lower it looks, and far off only the plants; a view along
 * them sees the soil down every gap. The baked ground holds the field's
 * mean colour from above, so the rows are a ratio to that mean, applied
 * where the ground still has the field's colour (not on a beach or a
 * rock the field's plan runs under). The footprint across the rows is
 * the pixel's, stretched by the grazing view as far as the rows cross
 * it; the rows melt into the colour they make together as it outgrows
 * them. */
/* A row of flowers seen near: heads about 0.4 m across, one to a cell of
 * half a metre where the hash puts it, over their own green leaves, a
 * yellow head (a sunflower) round a dark seed disc; the field's colour as
 * the heads stop resolving. Purple and blue rows (lavender) stay a mass
 * of spikes. top: the row's colour, changed in place. */
static void flower_heads(double wx, double wz, float foot, const float bloom[3], float top[3])
{
    float r = resolved(foot, 0.5f);
    if (r <= 0.0f || bloom[2] > bloom[0])
        return;
    const double cell = 0.5;
    double cx = floor(wx / cell), cz = floor(wz / cell);
    uint64_t h = oy_hash(0xf1a3e5, OY_STREAM_VEGETATION, (uint64_t)(int64_t)cx, (uint64_t)(int64_t)cz, 0);
    float jx = 0.3f + 0.4f * oy_u01(h), jz = 0.3f + 0.4f * oy_u01(oy_mix64(h ^ 1));
    float size = 0.17f + 0.05f * oy_u01(oy_mix64(h ^ 2));
    float ex = (float)(wx / cell - cx) - jx, ez = (float)(wz / cell - cz) - jz;
    float dist = sqrtf(ex * ex + ez * ez) * (float)cell;
    float head = oy_smoothstepf(size, size - 0.03f - foot, dist);
    static const float leaves[3] = { 0.045f, 0.085f, 0.022f }, seeds[3] = { 0.05f, 0.03f, 0.012f };
    int yellow = bloom[0] > 0.35f && bloom[1] > 0.3f && bloom[2] < 0.15f;
    float disc = yellow ? oy_smoothstepf(0.4f * size, 0.4f * size - 0.02f - foot, dist) : 0.0f;
    for (int i = 0; i < 3; i++) {
        float near = oy_lerpf(oy_lerpf(leaves[i], 1.2f * bloom[i], head), seeds[i], disc);
        top[i] = oy_lerpf(top[i], near, r);
    }
}

static void field_rows(const oy_cast *c, double wx, double wz, const float d[3], float foot, float sg,
                       float alb[3], float *gx, float *gz)
{
    oy_field f;
    oy_world_field(c->world, c->shape, wx, wz, &f);
    if (f.share <= 0.0f)
        return;
    float inside = oy_smoothstepf(0.5f, 2.0f, f.edge) * c->fields;
    if (inside <= 0.0f)
        return;
    float mean[3], gap = 0.0f;
    for (int i = 0; i < 3; i++) {
        mean[i] = oy_lerpf(f.soil[i], f.plant[i], f.share);
        gap += fabsf(alb[i] - mean[i]);
    }
    inside *= oy_smoothstepf(0.6f, 0.2f, gap / (mean[0] + mean[1] + mean[2]));
    if (inside <= 0.0f)
        return;
    float hx = d[0], hz = d[2], hl = hx * hx + hz * hz;
    float cs = hl > 1e-8f ? fabsf(hx * f.dir_x + hz * f.dir_z) / sqrtf(hl) : 0.0f;
    /* what of each gap the row before it hides */
    float hidden = f.height * cs * sqrtf(oy_rmax(1.0f - sg * sg, 0.0f)) / sg;
    /* and the soil that shows at a row's foot lies in its shadow; a
     * line of it stays between the rows however low the view */
    float gapw = (1.0f - f.share) * f.spacing;
    float open = oy_rmax(gapw - hidden, 0.12f * gapw) / f.spacing;
    float share = 1.0f - open, shade = oy_lerpf(1.0f, 0.35f, oy_smoothstepf(0.0f, gapw, hidden));
    float fa = foot * sqrtf(cs * cs / (sg * sg) + 1.0f - cs * cs);
    float seen = resolved(fa, f.spacing);
    float plant = share;
    float slope = 0.0f;
    if (seen > 0.0f) {
        /* e: 0 down a row's middle, 1 halfway between rows */
        float t = f.across / f.spacing;
        float fr = t - floorf(t);
        float e = fabsf(fr - 0.5f) * 2.0f;
        plant = oy_lerpf(share, oy_smoothstepf(share + 0.08f, share - 0.08f, e), seen);
        /* a rounded row: its top lit, its flanks turned to and from the sun */
        slope = seen * (e < share ? 1.0f : 0.0f) * (fr < 0.5f ? 1.0f : -1.0f) * e / share *
                oy_rmin(0.5f / f.spacing, 0.7f);
    }
    /* tall rows (vines, lavender) are leafy clumps, lit and dark */
    float leaf = 1.0f;
    if (f.height >= 0.4f && plant > 0.0f) {
        float r = resolved(foot, 0.7f);
        if (r > 0.0f)
            leaf += 0.45f * r * plant * detail(c, wx * (1.0 / 0.35) + 9.0, wz * (1.0 / 0.35) - 21.0, NULL, NULL);
    }
    float top[3] = { f.plant[0] * leaf, f.plant[1] * leaf, f.plant[2] * leaf };
    if (f.crop == OY_CROP_FLOWERS && plant > 0.0f)
        flower_heads(wx, wz, foot, f.plant, top);
    for (int i = 0; i < 3; i++)
        alb[i] *= oy_lerpf(1.0f, oy_lerpf(f.soil[i] * shade, top[i], plant) / oy_rmax(mean[i], 1e-4f), inside);
    *gx += inside * slope * f.dir_x;
    *gz += inside * slope * f.dir_z;
}

/* A stony desert floor: stones a hand or two across, one to a cell of
 * 0.9 m where the hash says, and grey-green clumps of scrub about a metre
 * across, one to a cell of 2 m; each a soft ragged disc, its share
 * melting into the ground's mean as it stops resolving. */
static float scatter(const oy_cast *c, double wx, double wz, double cell, float chance, float r0, float r1,
                     float foot, uint64_t salt)
{
    double cx = floor(wx / cell), cz = floor(wz / cell);
    uint64_t h = oy_hash(salt, OY_STREAM_TERRAIN, (uint64_t)(int64_t)cx, (uint64_t)(int64_t)cz, 0);
    float mean = chance * 3.1416f * 0.5f * (r0 * r0 + r1 * r1) / (float)(cell * cell);
    float seen = resolved(foot, 2.0f * r0);
    if (seen <= 0.0f || oy_u01(h) >= chance)
        return oy_lerpf(mean, 0.0f, seen);
    double px = (cx + 0.2 + 0.6 * oy_u01(oy_mix64(h ^ 1))) * cell - wx;
    double pz = (cz + 0.2 + 0.6 * oy_u01(oy_mix64(h ^ 2))) * cell - wz;
    float r = oy_lerpf(r0, r1, oy_u01(oy_mix64(h ^ 3)));
    /* a ragged edge: the distance bent by the ground's own noise */
    float bend = 1.0f + 0.5f * detail(c, wx * (1.0 / (1.5 * r)) + 40.0, wz * (1.0 / (1.5 * r)) - 17.0, NULL, NULL);
    float on = oy_smoothstepf(r * r, 0.5f * r * r, (float)(px * px + pz * pz) * bend * bend);
    return oy_lerpf(mean, on, seen);
}

static void desert_floor(const oy_cast *c, double wx, double wz, float foot, float alb[3])
{
    static const float sage[3] = { 0.13f, 0.14f, 0.09f };
    float stone = c->scrub * scatter(c, wx, wz, 0.9, 0.5f, 0.08f, 0.2f, foot, 0x570e);
    float scrub = c->scrub * scatter(c, wx + 0.4, wz - 1.1, 2.0, 0.6f, 0.3f, 0.7f, foot, 0x5c4b);
    for (int i = 0; i < 3; i++)
        alb[i] = oy_lerpf(alb[i] * (1.0f - 0.5f * stone), sage[i], 0.85f * scrub);
}

/* Molten lava: glowing veins folded through the flatter ground where the
 * flows have spread, and where they pool a black crust broken into plates
 * with the melt glowing in the cracks; hot yellow where it runs thick,
 * red where it cools. Its own light, added to what the land reflects.
 * Past where the veins and cracks resolve they melt into their mean
 * glow. It is as bright as the exposure lets it be and keep its colour: a
 * few times sunlit rock by day, far brighter than the land by night. */
static float zero_line(const oy_cast *c, double u, double v, float scale, float width)
{
    float gx, gz;
    float n = detail(c, u, v, &gx, &gz);
    return oy_smoothstepf(width, 0.25f * width, fabsf(n) * scale / (sqrtf(gx * gx + gz * gz) + 1e-4f));
}

/* A volcano in eruption: a few streams of lava from its crater's lip
 * down its cone, wandering as they go, widening and cooling toward its
 * foot. A stream is where a noise over the bearing from the summit (the
 * unit vector to the point) crosses zero; its width in metres is its
 * angle from that line times the distance out. */
static float cone_flows(const oy_cast *c, double wx, double wz, float foot, float warp)
{
    const oy_world_shape *sh = c->shape;
    if (!sh || sh->volcano <= 0.0f)
        return 0.0f;
    double dx = wx - sh->volcano_x, dz = wz - sh->volcano_z;
    float r = (float)sqrt(dx * dx + dz * dz), s = r / sh->volcano_r;
    if (s < 0.04f || s > 0.8f)
        return 0.0f;
    float ux = (float)dx / r, uz = (float)dz / r, gx, gz;
    float n = detail(c, ux * 1.8 + 17.0 + 0.5 * s + 0.08 * warp, uz * 1.8 - 23.0 - 0.3 * s, &gx, &gz);
    float width = 6.0f + 40.0f * s;
    float flow = oy_smoothstepf(width, 0.3f * width, fabsf(n) * r / (1.8f * sqrtf(gx * gx + gz * gz) + 1e-4f));
    flow = oy_lerpf(0.1f, flow, resolved(foot, width));
    return flow * oy_smoothstepf(0.04f, 0.07f, s) * oy_smoothstepf(0.8f, 0.45f, s) * sh->volcano;
}

static void lava_glow(const oy_cast *c, double wx, double wz, float slope2, float dist, float out[3])
{
    static const float hot[3] = { 1.0f, 0.42f, 0.06f }, cool[3] = { 0.5f, 0.05f, 0.01f };
    float foot = pixel_foot(c, dist);
    float warp = detail(c, wx * (1.0 / 140.0) + 31.0, wz * (1.0 / 140.0) - 7.0, NULL, NULL);
    /* a vein is where the noise crosses zero: metres from the crossing
     * are its value over its slope, so the veins keep one width */
    float vein = zero_line(c, wx * (1.0 / 45.0) + 0.8 * warp, wz * (1.0 / 45.0) - 0.8 * warp, 45.0f, 4.0f);
    vein = oy_lerpf(0.08f, vein, resolved(foot, 16.0f));
    float pool = oy_smoothstepf(-0.5f, -0.7f, warp);
    float lava = oy_rmax(vein, pool) * oy_smoothstepf(0.6f, 0.12f, slope2);
    float flow = cone_flows(c, wx, wz, foot, warp);
    lava = oy_rmax(lava, flow) * c->lava;
    if (lava <= 0.0f)
        return;
    /* the melt crusts over in dark plates, glowing where they part:
     * more crust out in a pool than down a running vein's core */
    float crack = zero_line(c, wx * (1.0 / 6.0) - 50.0, wz * (1.0 / 6.0) + 11.0, 6.0f, 0.7f);
    float open = oy_lerpf(0.05f + 0.4f * vein * vein, 1.0f, crack);
    open = oy_lerpf(0.3f, open, resolved(foot, 2.0f));
    float heat = lava * oy_rmax(open, 0.8f * flow);   /* a stream down a cone runs too fast to crust */
    for (int i = 0; i < 3; i++)
        out[i] += 0.6f * c->lava_light * heat * oy_lerpf(cool[i], hot[i], heat * heat);
}

void oy_cast_land_glow(oy_cast *c, const oy_state *st)
{
    const oy_sky *s = c->sky;
    c->lava = oy_clampf(st->ch[OY_CH_LAVA], 0.0f, 1.0f);
    c->lava_light = 0.0f;
    if (s) {
        /* without a sky (an export's colours, the walker's ground) lava
         * is its black rock */
        float key = 0.2126f * s->amb_key[0] + 0.7152f * s->amb_key[1] + 0.0722f * s->amb_key[2] +
                    (0.2126f * s->sun_rad[0] + 0.7152f * s->sun_rad[1] + 0.0722f * s->sun_rad[2]) *
                        oy_rmax(s->sun[1], 0.0f) +
                    (0.2126f * s->moon_rad[0] + 0.7152f * s->moon_rad[1] + 0.0722f * s->moon_rad[2]) *
                        oy_rmax(s->moon[1], 0.0f);
        c->lava_light = key * (0.14f + 4.0f * s->night);
    }
    /* by night the melt and the smoke it lights cast a red-orange glow
     * over the land round it, so the dark rock reads */
    static const float glow[3] = { 1.0f, 0.45f, 0.15f };
    float night = s ? s->night : 0.0f, amb = 2.7f * c->lava * night * c->lava_light * (0.14f + 1.2f * night) /
                                             (0.14f + 4.0f * night);
    for (int i = 0; i < 3; i++)
        c->lava_amb[i] = amb * glow[i];
    /* a salt flat: the bright bare crust of a desert */
    c->crust = oy_smoothstepf(0.5f, 0.85f, st->ch[OY_CH_GROUND_LIGHT]) *
               oy_clampf(st->ch[OY_CH_BIOME_DESERT], 0.0f, 1.0f) *
               oy_smoothstepf(0.35f, 0.15f, st->ch[OY_CH_VEGETATION]);
    /* flowers: the palette leans warm or cool with flower_warmth */
    float wt[6];
    oy_flower_weights(oy_clampf(st->ch[OY_CH_FLOWER_WARMTH], -1.0f, 1.0f), wt);
    c->flowers = oy_clampf(st->ch[OY_CH_FLOWERS], 0.0f, 1.0f);
    c->flower_sum = 0.0f;
    for (int k = 0; k < 6; k++) {
        c->flower_wt[k] = wt[k];
        c->flower_sum += wt[k];
    }
    for (int i = 0; i < 3; i++)
        c->flower_mean[i] = 0.0f;
    for (int k = 0; k < 6; k++)
        for (int i = 0; i < 3; i++)
            c->flower_mean[i] += wt[k] * oy_flower_palette[k][i] / c->flower_sum;
}

static int is_water(const full *f, float cf)
{
    return f->wl > f->g + f->can * cf - 0.01f && f->wl > f->g;
}

/* the sky a surface of normal n mirrors to the view along d */
static void mirrored_sky(const oy_sky *s, const float d[3], const float n[3], float sk[3])
{
    float dn = d[0] * n[0] + d[1] * n[1] + d[2] * n[2];
    float rx = d[0] - 2 * dn * n[0], rz = d[2] - 2 * dn * n[2];
    float ry = oy_rmax(d[1] - 2 * dn * n[1], 0.05f);
    oy_sky_lut(s, oy_rturns(rx, rz), ry / sqrtf(rx * rx + ry * ry + rz * rz), sk);
}

/* shade a point of land */
static void shade(const oy_cast *c, full *f, float x, float y, float z, const float d[3],
                  float dist, float cf, float out[3])
{
    const oy_sky *s = c->sky;
    float can = f->can * cf;
    double wx = c->cam_x + x, wz = c->cam_z + z;
    float alb[3] = { f->rgb[0], f->rgb[1], f->rgb[2] };
    float gx = f->gx, gz = f->gz, snowk = f->snow, wet = c->wet, held = 1.0f;
    /* the grass as the material bakes it, green, whatever the words
     * colour it (painted below, after the texture that finds it) */
    float grass = oy_grass_share(alb);
    if (can > 0.4f && y > f->g + 0.3f) {
        /* canopy: crowns as bumps that catch the light, dark gaps
         * between them, and leaf clusters on the crowns while the view
         * is close enough for them not to shimmer */
        float nx, nz, mx = 0.0f, mz = 0.0f, n2 = 0.0f;
        /* where the canopy stands as a wall (a forest's edge over a
         * river or a clearing) the crowns are laid in the wall's own
         * plane: height moves the texture across the wall's foot, so
         * it does not run down the wall in streaks */
        double tx = wx, tz = wz;
        float cx = gx + f->cgx * cf, cz = gz + f->cgz * cf, gl2 = cx * cx + cz * cz;
        if (gl2 > 0.25f) {
            float gl = sqrtf(gl2), k = oy_smoothstepf(0.5f, 2.0f, gl) / gl;
            tx += (double)(y * k * cx);
            tz += (double)(y * k * cz);
        }
        float n1 = detail(c, tx * (1.0 / 3.5), tz * (1.0 / 3.5), &nx, &nz);
        float fh = 1.0f - oy_smoothstepf(250.0f, 900.0f, dist);
        if (fh > 0.0f)
            n2 = detail(c, tx * (1.0 / 1.1) + 17.0, tz * (1.0 / 1.1), &mx, &mz) * fh;
        float k = 0.35f + 0.75f * oy_smoothstepf(-0.55f, 0.45f, n1) + 0.25f * n2;
        for (int i = 0; i < 3; i++)
            alb[i] = c->leaf[i] * k;
        gx += nx * 0.7f + mx * 0.35f * fh;
        gz += nz * 0.7f + mz * 0.35f * fh;
        /* crowns hold snow on their tops only: a snowy forest still
         * reads dark from afar, flecked white */
        held = 0.06f + 0.3f * oy_smoothstepf(0.2f, 0.8f, n1);
        wet *= 0.3f;
    } else if (dist < 70.0f) {
        /* ground texture close to the camera, fading before it aliases */
        float fa = 1.0f - dist / 70.0f, k;
        /* pixel footprint on the ground, stretched along the view by
         * the grazing angle */
        float sg = fabsf(d[1] - d[0] * gx - d[2] * gz) / sqrtf(1.0f + gx * gx + gz * gz);
        float foot = pixel_foot(c, dist) / fmaxf(sg, 0.02f);
        float ts = oy_smoothstepf(1.0f, 0.25f, gx * gx + gz * gz);
        k = ts > 0.0f ? oy_lerpf(1.0f, ground_top(c, wx, wz, fa, foot, sg, d, alb, grass, &gx, &gz), ts) : 1.0f;
        for (int i = 0; i < 3; i++)
            alb[i] *= k;
        oy_world_paint_plants(c->shape, grass, alb);
        if (c->flowers > 0.0f)
            flowers(c, wx, wz, foot, sg, grass, alb);
    } else {
        oy_world_paint_plants(c->shape, grass, alb);
        if (c->flowers > 0.0f && dist < 600.0f) {
            float sg = fabsf(d[1] - d[0] * gx - d[2] * gz) / sqrtf(1.0f + gx * gx + gz * gz);
            flowers(c, wx, wz, pixel_foot(c, dist) / fmaxf(sg, 0.02f), sg, grass, alb);
        }
    }
    if (c->fields > 0.0f && can <= 0.4f && dist < 600.0f) {
        float sg = fabsf(d[1] - d[0] * gx - d[2] * gz) / sqrtf(1.0f + gx * gx + gz * gz);
        field_rows(c, wx, wz, d, pixel_foot(c, dist), fmaxf(sg, 0.02f), alb, &gx, &gz);
    }
    if (c->scrub > 0.0f && can <= 0.4f && dist < 400.0f) {
        float sg = fabsf(d[1] - d[0] * gx - d[2] * gz) / sqrtf(1.0f + gx * gx + gz * gz);
        desert_floor(c, wx, wz, pixel_foot(c, dist) / fmaxf(sg, 0.02f), alb);
    }
    if (c->crust > 0.0f && can <= 0.4f && dist < 400.0f) {
        float sg = fabsf(d[1] - d[0] * gx - d[2] * gz) / sqrtf(1.0f + gx * gx + gz * gz);
        salt_crust(c, wx, wz, pixel_foot(c, dist) / fmaxf(sg, 0.02f), alb, &gx, &gz);
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
    float amt = oy_land_snow(c->snow, snowk) * held;
    float white = oy_smoothstepf(0.55f, 0.75f, oy_rmin(alb[0], oy_rmin(alb[1], alb[2]))) * (1.0f - c->crust);
    float drift = oy_rmax(amt, white);
    if (drift > 0.0f) {
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
            alb[i] = oy_lerpf(alb[i] * k, oy_snow_albedo[i] * k, amt);
        wet *= 1.0f - amt;
    }
    float n[3] = { -gx, 1.0f, -gz };
    float il = 1.0f / sqrtf(gx * gx + 1.0f + gz * gz);
    n[0] *= il; n[1] *= il; n[2] *= il;
    float E[3];
    oy_cast_light(c, n, x, y, z, dist, E);
    for (int i = 0; i < 3; i++)
        E[i] += c->lava_amb[i];
    /* wet soil and rock darken by nearly half; grass and leaves, whose
     * blades shed the water, a little; wet bare ground mirrors a little
     * sky where it is flat, where green ground does not (else a wet
     * meadow under a grey sky reads as water) */
    float green = oy_clampf(4.0f * (alb[1] - oy_rmax(alb[0], alb[2])) / oy_rmax(alb[1], 1e-3f), 0.0f, 1.0f);
    for (int i = 0; i < 3; i++)
        out[i] = alb[i] * (1.0f - 0.45f * wet * (1.0f - 0.7f * green)) * E[i] * (float)(1.0 / OY_PI);
    wet *= 1.0f - green;
    if (wet > 0.05f) {
        float sk[3];
        mirrored_sky(s, d, n, sk);
        float k = wet * 0.05f * n[1] * n[1] * n[1] * n[1];
        for (int i = 0; i < 3; i++)
            out[i] += sk[i] * k;
    }
    /* a flooded rice terrace: a film of still water over the mud, which
     * shows as the view looks down into it and mirrors the sky as the
     * view grazes it (Schlick's Fresnel term) */
    float fl = can <= 0.4f ? f->flood * (1.0f - amt) : 0.0f;
    if (fl > 0.02f) {
        static const float level[3] = { 0.0f, 1.0f, 0.0f };
        float sk[3], m = 1.0f - fabsf(d[1]);
        float fr = 0.02f + 0.98f * m * m * m * m * m;
        mirrored_sky(s, d, level, sk);
        for (int i = 0; i < 3; i++)
            out[i] = oy_lerpf(out[i], 0.5f * (1.0f - fr) * out[i] + fr * sk[i], fl);
    }
    if (c->lava > 0.0f && can <= 0.4f && fw < 0.5f)
        lava_glow(c, wx, wz, f->gx * f->gx + f->gz * f->gz, dist, out);
}

/* shade what a column's ray hit this row; returns 1, shading nothing, for
 * water while it is to be put off (mi NULL), else 0 */
int oy_cast_shade_hit(const oy_cast *c, const ranges *R, const column *q, ray *m, corners *cc,
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
    float cf = oy_canopy_fade(th);
    if (is_water(&f, cf)) {
        m->hit = WATER;
        if (!mi)
            return 1;
        oy_cast_shade_water(c, &f, x, m->y, z, m->d, dist, mi, px);
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
    oy_cast_distance_haze(c, q->haze, dist, px);
    /* a rainbow hangs in the rain in front of the far hills */
    if (c->sky->rainbow > 0.0f)
        oy_sky_rainbow(c->sky, m->d, 0.5f * oy_smoothstepf(1200.0f, 3000.0f, dist), px);
    oy_cast_air(c, m->d, q->haze, dist, px);
    return 0;
}
