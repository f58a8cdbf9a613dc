/*
 * terrain.c - the height function: natural relief (eroded mountains, rolling
 * hills, terraces) reshaped along the camera path by the prompt's concepts
 * (valley, canyon, river, lake, coast, island), then the water surfaces.
 * Water is a flat level per body and is kept only where a carved basin holds
 * it: banks are lifted above the level, so water never climbs a slope.
 */
#include <math.h>

#include "world.h"

#define MACRO_WL 2600.0
#define HILLS_WL 520.0
#define DETAIL_WL 48.0
#define NO_WATER (-1e9f)

static float macro_low(const oy_world *w, double x, double z)
{
    return oy_world_fbm_eroded(w, x, z, MACRO_WL, (float)(MACRO_WL / 8.0), 3);
}

/* How far up the natural relief stands at a place, 0..1: the ground the
 * camera travels stays open and walkable, and mountains rise beyond it,
 * where distance lets them read as scale. A valley or canyon keeps its
 * open floor along the whole extended path; elsewhere the open ground is
 * a rough disc around the real path, its edge wandering with the noise. */
static float reach(const oy_world *w, const oy_world_shape *sh, double x,
                   double z, const oy_path_near *pn)
{
    float dist = oy_lerpf((float)pn->dr, (float)pn->d, fmaxf(sh->valley, sh->canyon));
    float v = oy_world_fbm(w, x + 2.0e4, z - 7.0e3, 1800.0, 400.0f, 2);
    float r0 = 150.0f + 70.0f * v + 0.45f * sh->relief_amp;
    float r1 = r0 + 300.0f + sh->relief_amp * (1.1f + 0.4f * v);
    return oy_smoothstepf(r0, r1, dist);
}

/* the natural land before the path reshapes it; far is reach() and dist
 * the distance to the real path */
static float natural(const oy_world *w, const oy_world_shape *sh, double x,
                     double z, float min_wl, float far, float dist)
{
    float m = oy_world_fbm_eroded(w, x, z, MACRO_WL, fmaxf(min_wl, 20.0f), 8);
    float mm = oy_clampf(0.45f + 0.6f * m, 0.0f, 1.3f);
    float mtn = far * sh->relief_amp * mm * mm * (0.6f + 0.4f * mm);
    /* seen from the path no peak rises much above 15 degrees: near ranges
     * are scaled down whole, so they keep their ridges and summits instead
     * of being squashed into domes */
    float lim = 40.0f + 0.27f * dist, top = 0.9f * sh->relief_amp;
    float h = 6.0f + mtn * lim / sqrtf(lim * lim + top * top);
    h += (0.5f + 0.5f * far) * sh->hills_amp *
         (0.5f + 0.5f * oy_world_fbm(w, x + 5000.0, z - 3000.0, HILLS_WL, fmaxf(min_wl, 20.0f), 5));
    if (sh->plateau > 0.0f) {
        /* terraces: flat treads, steep risers */
        float step = 30.0f + 0.06f * sh->relief_amp;
        float f = h / step, i = floorf(f), r = f - i;
        float t = (i + oy_smoothstepf(0.55f, 0.8f, r)) * step;
        h = oy_lerpf(h, t + 0.2f * sh->relief_amp * sh->plateau * far, sh->plateau);
    }
    return h;
}

static float natural_at(const oy_world *w, const oy_world_shape *sh, double x,
                        double z, float min_wl)
{
    oy_path_near pn;
    oy_world_path_near(w, x, z, &pn);
    return natural(w, sh, x, z, min_wl, reach(w, sh, x, z, &pn), (float)pn.dr);
}

static float floor_at(const oy_world *w, const oy_world_shape *sh, double px, double pz)
{
    return fmaxf(sh->floor0 + 0.25f * (macro_low(w, px, pz) - sh->low0) * sh->relief_amp,
                 sh->sea_level + 2.5f);
}

static const int shape_channels[] = {
    OY_CH_RELIEF, OY_CH_RUGGED, OY_CH_VALLEY, OY_CH_CANYON, OY_CH_PLATEAU,
    OY_CH_HILLS, OY_CH_COAST, OY_CH_ISLAND, OY_CH_LAKE, OY_CH_RIVER,
    OY_CH_WATER_LEVEL, OY_CH_VEGETATION, OY_CH_FOLIAGE, OY_CH_AUTUMN,
    OY_CH_BIOME_MEADOW, OY_CH_BIOME_FOREST, OY_CH_BIOME_DESERT,
    OY_CH_BIOME_SNOWFIELD, OY_CH_BIOME_TUNDRA, OY_CH_BIOME_BEACH,
    OY_CH_BIOME_SWAMP, OY_CH_BIOME_ALPINE,
};
#define NKEYS ((int)(sizeof shape_channels / sizeof *shape_channels))

void oy_world_shape_key(oy_world_shape *sh, const oy_state *st)
{
    for (int i = 0; i < 24; i++)
        sh->key[i] = i < NKEYS ? st->ch[shape_channels[i]] : 0.0f;
}

void oy_world_shape_init(oy_world_shape *sh, const oy_world *w, const oy_state *st)
{
    const float *c = st->ch;
    float sum = 0.0f;

    oy_world_shape_key(sh, st);
    float relief = oy_clampf(c[OY_CH_RELIEF], 0.0f, 1.0f);
    sh->relief_amp = 25.0f + 1700.0f * relief * relief;
    sh->hills_amp = 8.0f + 70.0f * oy_clampf(c[OY_CH_HILLS], 0.0f, 1.0f);
    sh->detail_amp = 0.5f + 5.0f * oy_clampf(c[OY_CH_RUGGED], 0.0f, 1.0f);
    sh->cliff_h = 8.0f + 32.0f * oy_clampf(c[OY_CH_RUGGED], 0.0f, 1.0f);
    sh->plateau = oy_clampf(c[OY_CH_PLATEAU], 0.0f, 1.0f);
    sh->valley = oy_clampf(c[OY_CH_VALLEY], 0.0f, 1.0f);
    sh->canyon = oy_clampf(c[OY_CH_CANYON], 0.0f, 1.0f);
    sh->coast = oy_clampf(c[OY_CH_COAST], 0.0f, 1.0f);
    sh->island = oy_clampf(c[OY_CH_ISLAND], 0.0f, 1.0f);
    sh->lake = oy_clampf(c[OY_CH_LAKE], 0.0f, 1.0f);
    sh->river = oy_clampf(c[OY_CH_RIVER], 0.0f, 1.0f);
    sh->veg = oy_clampf(c[OY_CH_VEGETATION], 0.0f, 1.0f);
    sh->foliage = oy_clampf(c[OY_CH_FOLIAGE], 0.0f, 1.0f);
    sh->autumn = oy_clampf(c[OY_CH_AUTUMN], 0.0f, 1.0f);
    sh->sea_level = 6.0f * oy_clampf(c[OY_CH_WATER_LEVEL], -1.0f, 1.0f);
    for (int i = 0; i < 8; i++) {
        sh->biome[i] = fmaxf(c[OY_CH_BIOME_MEADOW + i], 0.0f);
        sum += sh->biome[i];
    }
    if (sum < 1e-3f) {
        sh->biome[0] = 1.0f;
        sum = 1.0f;
    }
    for (int i = 0; i < 8; i++)
        sh->biome[i] /= sum;

    /* reference heights at the start of the path: the valley floor sits a
     * little above the natural land's low point there */
    double x0 = w->px[w->real0], z0 = w->pz[w->real0];
    sh->low0 = macro_low(w, x0, z0);
    sh->floor0 = 0.0f;
    float nat0 = natural_at(w, sh, x0, z0, 50.0f);
    sh->floor0 = fmaxf(8.0f + 0.15f * (nat0 - 6.0f), sh->sea_level + 3.0f);

    /* the lake lies where the camera first looks, a little to the side */
    double lx = x0 + w->viewx * 300.0 + w->viewz * 60.0 * w->side_river;
    double lz = z0 + w->viewz * 300.0 - w->viewx * 60.0 * w->side_river;
    oy_path_near pn;
    oy_world_path_near(w, lx, lz, &pn);
    sh->lake_x = (float)lx;
    sh->lake_z = (float)lz;
    sh->lake_r = 90.0f + 170.0f * sh->lake;
    float flake = floor_at(w, sh, pn.x, pn.z);
    float nlake = natural_at(w, sh, lx, lz, 50.0f);
    float shaped = fmaxf(sh->valley, sh->canyon);
    sh->lake_level = oy_lerpf(fminf(nlake - 2.0f, flake + 0.35f * (nlake - flake)),
                              flake - 0.5f, shaped);
    sh->lake_level = fmaxf(sh->lake_level, sh->sea_level + 1.5f);
}

/* Basin for a water body of half-width W around u = 0: the bed below the
 * level inside, banks rising above it outside, blended back to the land. */
static float carve(float h, float level, float u, float W, float F)
{
    float depth = 1.0f + 0.06f * W;
    float target = u < W ? level - depth * (1.0f - (u / W) * (u / W)) - 0.05f
                         : level + 0.05f + (u - W) * 0.12f;
    float k = 1.0f - oy_smoothstepf(W, W + 4.0f * F, u);
    h = oy_lerpf(h, target, k);
    if (u >= W) {
        /* a continuous rim: water never touches dry ground lower than it */
        float lb = level + 0.25f - fmaxf(0.0f, u - (W + F)) * 0.25f;
        h = fmaxf(h, lb);
    }
    return h;
}

/* the land meets the shoreline at u = 0 with a beach, or with a cliff of
 * height cliff a few metres back from the water, and the sea bed falls
 * away beyond */
static float shore(float h, float sea, float u, float cliff)
{
    if (u > 0.0f)
        return sea - 0.4f - fminf(u * 0.035f, 40.0f);
    float beach = sea + 0.4f + (-u) * 0.02f;
    beach += cliff * oy_smoothstepf(3.0f, 9.0f + 0.5f * cliff, -u);
    float k = oy_smoothstepf(0.0f, 1400.0f, -u);
    return oy_lerpf(beach, fmaxf(h, beach), k * k);
}

float oy_world_eval(const oy_world *w, const oy_world_shape *sh, double x,
                    double z, float min_wl, oy_world_point *pt)
{
    oy_path_near pn;
    float h, fl, water = NO_WATER, wdist = 200.0f;
    int wkind = OY_WATER_NONE;

    oy_world_path_near(w, x, z, &pn);
    h = natural(w, sh, x, z, min_wl, reach(w, sh, x, z, &pn), (float)pn.dr);
    fl = floor_at(w, sh, pn.x, pn.z);
    /* what varies along the path (valley width, river meanders, cliffs and
     * coves) is noise over the ground, not over arc length: inside a bend
     * of the path the nearest point, and with it the arc length, jumps
     * across the bisector, which showed as a seam up the valley walls */
    float d = (float)pn.d, sd = (float)pn.sd;
    float wob = oy_world_fbm(w, x + 900.5, z - 310.0, 400.0, 50.0f, 3);

    /* fine detail first, so carving and banks apply to the final ground */
    float det = oy_world_fbm(w, x - 777.0, z + 333.0, DETAIL_WL, min_wl, 8);
    float calm = 1.0f - 0.7f * fmaxf(sh->valley, sh->canyon) * (1.0f - oy_smoothstepf(20.0f, 120.0f, d));
    h += sh->detail_amp * det * calm;

    if (sh->valley > 0.0f) {
        float W = 90.0f + 25.0f * wob;
        float p = oy_smoothstepf(W * 0.4f, W * 5.0f, d);
        /* sides rise at 20-35 degrees to hills a few hundred metres out */
        float A = 40.0f + 0.3f * sh->relief_amp;
        float walls = A * oy_smoothstepf(W * 1.5f, W * 1.5f + 3.0f * A, d);
        float hv = fl + fmaxf(h - fl, 0.0f) * p + walls + 0.4f * det;
        h = oy_lerpf(h, hv, sh->valley);
    }
    if (sh->canyon > 0.0f) {
        float depth = 70.0f + 120.0f * sh->canyon;
        float q = oy_smoothstepf(38.0f, 70.0f, d + 14.0f * wob);
        /* stepped walls: ledges of harder rock */
        float f = q * 4.0f, i = floorf(f), r = f - i;
        float qs = (i + oy_smoothstepf(0.25f, 0.6f, r)) * 0.25f;
        float hc = fl + depth * qs + fmaxf(h - fl, 0.0f) * 0.35f * q + 0.3f * det;
        h = oy_lerpf(h, hc, sh->canyon);
    }
    if (sh->river > 0.0f) {
        /* meanders: a long swing and a shorter bend on top of it */
        float bend = oy_world_fbm(w, x - 4400.5, z + 1230.0, 170.0, 30.0f, 2);
        float off = w->side_river * (55.0f + 20.0f * wob + 12.0f * bend) *
                    (1.0f - 0.5f * sh->canyon);
        float u = fabsf(sd - off);
        float W = 5.0f + 13.0f * sh->river;
        float level = fl - 1.0f;
        /* the river runs in its own shallow valley */
        float rv = level + 0.6f + fmaxf(h - level - 0.6f, 0.0f) * oy_smoothstepf(W, W + 160.0f, u);
        h = oy_lerpf(h, rv, sh->river);
        h = carve(h, level, u, W, 6.0f);
        if (u < W + 6.0f && level > h)
            water = level, wkind = OY_WATER_RIVER;
        wdist = fminf(wdist, fmaxf(u - W, 0.0f));
        if (u - W < 200.0f && wkind == OY_WATER_NONE)
            wkind = OY_WATER_RIVER;
    }
    if (sh->lake > 0.0f) {
        double dx = x - sh->lake_x, dz = z - sh->lake_z;
        float r = (float)sqrt(dx * dx + dz * dz);
        float ang = oy_world_fbm(w, dx * 0.004, dz * 0.004, 1.0, 0.3f, 2);
        float W = sh->lake_r * (1.0f + 0.25f * ang);
        float level = sh->lake_level;
        float flat = level + 0.6f + fmaxf(h - level - 0.6f, 0.0f) * oy_smoothstepf(W, W * 2.4f, r);
        h = oy_lerpf(h, flat, sh->lake);
        h = carve(h, level, r, W, 8.0f);
        if (r < W + 8.0f && level > h && level > water)
            water = level, wkind = OY_WATER_LAKE;
        if (r - W < wdist) {
            wdist = fmaxf(r - W, 0.0f);
            if (wkind != OY_WATER_RIVER || water == NO_WATER)
                wkind = OY_WATER_LAKE;
        }
    }
    if (sh->coast > 0.0f || sh->island > 0.0f) {
        float uc = -1e9f, ui = -1e9f;
        if (sh->coast > 0.0f)
            uc = sd * w->side_coast - (110.0f + 60.0f * wob);
        if (sh->island > 0.0f) {
            double dx = x - w->cx, dz = z - w->cz;
            float r = (float)sqrt(dx * dx + dz * dz);
            float ang = oy_world_fbm(w, dx * 0.0015, dz * 0.0015, 1.0, 0.3f, 3);
            ui = r - ((float)w->extent + 260.0f) * (1.0f + 0.3f * ang);
        }
        float k = uc > ui ? sh->coast : sh->island;
        float u = fmaxf(uc, ui);
        /* cliffs along most of the shore, broken by coves with beaches */
        float cf = oy_smoothstepf(-0.6f, 0.0f, oy_world_fbm(w, x - 2100.5, z + 770.0, 500.0, 60.0f, 3));
        h = oy_lerpf(h, shore(h, sh->sea_level, u, sh->cliff_h * cf), k);
        if (u > -900.0f && sh->sea_level > h && sh->sea_level > water)
            water = sh->sea_level, wkind = OY_WATER_SEA;
        if (u < 200.0f && -u < wdist) {
            wdist = fmaxf(-u, 0.0f);
            wkind = OY_WATER_SEA;
        }
    }
    if (water != NO_WATER && water <= h)
        water = NO_WATER;
    if (water != NO_WATER)
        wdist = 0.0f;
    if (pt) {
        pt->ground = h;
        pt->water = water;
        pt->water_kind = wdist < 200.0f ? wkind : OY_WATER_NONE;
        pt->water_dist = fminf(wdist, 200.0f);
    }
    return h;
}
