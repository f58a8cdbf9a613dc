/*
 * terrain.c - the height function: natural relief (eroded mountains, rolling
 * hills, terraces) reshaped by the set plan's features as the prompt's
 * concepts call for them (valley, canyon, river, lake, coast, island, peaks,
 * a hill, the open clearing). Water is a flat level per body and is kept
 * only where a carved basin holds it: banks are lifted above the level, so
 * water never climbs a slope.
 */
#include <math.h>

#include "world.h"

#define SWAMP_BIOME 6        /* oy_world_shape.biome: meadow forest desert snowfield tundra beach swamp alpine */

#define MACRO_WL 2600.0
#define HILLS_WL 520.0
#define DETAIL_WL 48.0
#define NO_WATER (-1e9f)

static float macro_low(const oy_world *w, double x, double z)
{
    return oy_world_fbm_eroded(w, x, z, MACRO_WL, (float)(MACRO_WL / 8.0), 3);
}

/* How far a place is from the set's open ground: the clearing, or the
 * whole floor of a valley or canyon (vd: distance to its course). */
static float open_dist(const oy_world *w, const oy_world_shape *sh, double x, double z, float vd)
{
    float dr = fmaxf((float)hypot(x - sh->clear_x, z - sh->clear_z) - sh->clear_r, 0.0f);
    return oy_lerpf(dr, vd, fmaxf(sh->valley, sh->canyon));
}

/* How far up the natural relief stands at a place, 0..1: the open ground
 * stays open and walkable, and mountains rise beyond it, where distance
 * lets them read as scale; the edge wanders with the noise. */
static float reach(const oy_world *w, const oy_world_shape *sh, double x,
                   double z, float open)
{
    float v = oy_world_fbm(w, x + 2.0e4, z - 7.0e3, 1800.0, 400.0f, 2);
    float r0 = 100.0f + 70.0f * v + 0.45f * sh->relief_amp;
    float r1 = r0 + 300.0f + sh->relief_amp * (1.1f + 0.4f * v);
    return oy_smoothstepf(r0, r1, open);
}

/* the plan's hill: how much it raises the land at x, z */
static float hill_bump(const oy_world_shape *sh, double x, double z)
{
    if (sh->hill <= 0.0f)
        return 0.0f;
    float r = (float)hypot(x - sh->hill_x, z - sh->hill_z);
    return sh->hill * sh->hill_h * oy_smoothstepf(sh->hill_r, 0.0f, r);
}

/* Above a sea of cloud the default view stands on a summit: the land
 * rises to SUMMIT_H at the origin, falling away on every side, and the
 * cloud's top lies DECK_BELOW under it, so the land round it is drowned
 * in cloud and only the high peaks beyond stand out of it. */
#define SUMMIT_H 420.0f
#define SUMMIT_R 600.0f
#define DECK_BELOW 70.0f
static float summit(const oy_world_shape *sh, double x, double z)
{
    if (sh->cloud_sea <= 0.0f)
        return 0.0f;
    float r = (float)hypot(x, z), u = oy_smoothstepf(SUMMIT_R, 0.0f, r);
    return sh->cloud_sea * SUMMIT_H * u * u * (3.0f - 2.0f * u) * 0.5f * (1.0f + u);
}

/* Overlooking the land ahead, the default view stands on a bluff: the
 * ground within a round BLUFF_R across whose edge passes OY_BLUFF_EDGE
 * ahead of the origin stands OY_BLUFF_H higher, its edge a ragged cliff
 * down to the land as it would be, which lies ahead and below. */
#define BLUFF_R 260.0f
static float bluff(const oy_world *w, const oy_world_shape *sh, double x, double z, float min_wl, float h)
{
    if (sh->overlook <= 0.0f)
        return h;
    float r = (float)hypot(x, z + (BLUFF_R - OY_BLUFF_EDGE));
    if (r > BLUFF_R + 40.0f)
        return h;
    r += 8.0f * oy_world_fbm(w, x + 1234.5, z - 987.0, 90.0, fmaxf(min_wl, 4.0f), 3);
    float m = sh->overlook * oy_smoothstepf(BLUFF_R + 14.0f, BLUFF_R - 2.0f, r);
    /* a canyon's length within it is filled above its rim: the view
     * looks down the canyon from its head */
    float rim = sh->floor0 + sh->canyon * sh->canyon_depth + 0.4f * OY_BLUFF_H;
    return fmaxf(h + OY_BLUFF_H * m, sh->canyon > 0.0f ? oy_lerpf(h, rim, m) : h);
}

/* The sea of cloud's top at x, z: rounded billows some 300 m across and
 * 25 m high, smaller ones on them, on a long swell */
static float deck_at(const oy_world *w, const oy_world_shape *sh, double x, double z, float min_wl)
{
    float swell = oy_world_fbm(w, x + 3111.5, z - 1717.0, 1500.0, fmaxf(min_wl, 100.0f), 2);
    float billow = oy_world_fbm(w, x - 4242.0, z + 2929.5, 300.0, min_wl, 5);
    return sh->deck + 20.0f * swell + 25.0f * sqrtf(fmaxf(0.5f + billow, 0.0f));
}

/* the natural land before the plan's lines reshape it; far is reach() and
 * open the distance from the open ground */
static float natural(const oy_world *w, const oy_world_shape *sh, double x,
                     double z, float min_wl, float far, float open)
{
    float m = oy_world_fbm_eroded(w, x, z, MACRO_WL, fmaxf(min_wl, 20.0f), 8);
    float mm = oy_clampf(0.45f + 0.6f * m, 0.0f, 1.3f);
    /* the highest ground gathers around the plan's peaks */
    float pk = oy_smoothstepf(sh->peaks_r, 0.0f, (float)hypot(x - sh->peaks_x, z - sh->peaks_z));
    float amp = sh->peaks_h > 0.0f ? oy_lerpf(0.55f * sh->relief_amp, sh->peaks_h, pk)
                                   : sh->relief_amp * (0.55f + 0.75f * pk);
    amp *= 1.0f - 0.5f * sh->volcano;   /* a volcano stands above foothills */
    if (sh->peaks_h > 0.0f)
        far = fmaxf(far, pk);
    float mtn = far * amp * mm * mm * (0.6f + 0.4f * mm);
    /* seen from the open ground no peak rises much above 15 degrees: near
     * ranges are scaled down whole, so they keep their ridges and summits
     * instead of being squashed into domes */
    float lim = 40.0f + 0.27f * open, top = 0.9f * amp;
    float h = 6.0f + mtn * lim / sqrtf(lim * lim + top * top);
    h += (0.5f + 0.5f * far) * sh->hills_amp *
         (0.5f + 0.5f * oy_world_fbm(w, x + 5000.0, z - 3000.0, HILLS_WL, fmaxf(min_wl, 20.0f), 5));
    h += hill_bump(sh, x, z) + summit(sh, x, z);
    if (sh->plateau > 0.0f) {
        /* terraces: flat treads, steep risers */
        float step = 30.0f + 0.06f * sh->relief_amp;
        float f = h / step, i = floorf(f), r = f - i;
        float t = (i + oy_smoothstepf(0.55f, 0.8f, r)) * step;
        h = oy_lerpf(h, t + 0.2f * sh->relief_amp * sh->plateau * far, sh->plateau);
    }
    /* rice terraces: the land below the mountains rolls in knolls some
     * 160 m apart, on whose slopes the treads (terraced() cuts) are a
     * few metres wide */
    if (sh->paddies > 0.0f)
        h += 0.2f * sh->paddies * sh->hills_amp * (1.0f - far) *
             oy_world_fbm(w, x - 810.0, z + 1290.0, 160.0, fmaxf(min_wl, 20.0f), 2);
    return h;
}

/* Rice terraces cut the land below the mountains (far: reach()) into flat
 * treads a step apart, each held up by a steep bank; where a sample spans
 * more than half a step they melt back into the slope they follow. */
static float terraced(const oy_world_shape *sh, float h, float min_wl, float far)
{
    float k = sh->paddies * (1.0f - far) * oy_smoothstepf(4.0f, 1.0f, min_wl);
    if (k <= 0.0f)
        return h;
    float f = h / OY_PADDY_STEP, i = floorf(f);
    return oy_lerpf(h, (i + oy_smoothstepf(0.72f, 0.95f, f - i)) * OY_PADDY_STEP, k);
}

static float natural_at(const oy_world *w, const oy_world_shape *sh, double x,
                        double z, float min_wl)
{
    oy_line_near vn;
    oy_world_line_near(&w->feat[OY_FEAT_VALLEY].line, x, z, &vn);
    float open = open_dist(w, sh, x, z, (float)vn.d);
    return natural(w, sh, x, z, min_wl, reach(w, sh, x, z, open), open);
}

/* The lake's shore at offset (dx, dz) from its centre: a circle whose
 * radius wanders by a quarter with the noise. */
static float lake_radius(const oy_world *w, const oy_world_shape *sh, double dx, double dz)
{
    return sh->lake_r * (1.0f + 0.25f * oy_world_fbm(w, dx * 0.004, dz * 0.004, 1.0, 0.3f, 2));
}

/* The floor of a valley, canyon or river course at a point of it: it
 * follows the land's low ground gently (a few degrees at most, as a
 * river's floor does) and eases onto a bank above the sea instead of
 * meeting it at a crease. */
static float floor_at(const oy_world *w, const oy_world_shape *sh, double px, double pz)
{
    float f = sh->floor0 + 0.06f * (macro_low(w, px, pz) - sh->low0) * sh->relief_amp;
    float lo = sh->sea_level + 2.5f, k = 4.0f;
    float t = oy_clampf(0.5f + 0.5f * (f - lo) / k, 0.0f, 1.0f);
    return oy_lerpf(lo, f, t) + k * t * (1.0f - t);
}

static const int shape_channels[] = {
    OY_CH_RELIEF, OY_CH_RUGGED, OY_CH_VALLEY, OY_CH_CANYON, OY_CH_PLATEAU,
    OY_CH_HILLS, OY_CH_COAST, OY_CH_ISLAND, OY_CH_LAKE, OY_CH_RIVER,
    OY_CH_WATER_LEVEL, OY_CH_CRATER, OY_CH_VOLCANO, OY_CH_CLEARING, OY_CH_ICE,
    OY_CH_VEGETATION, OY_CH_FOLIAGE, OY_CH_AUTUMN, OY_CH_CONIFER, OY_CH_BIRCH,
    OY_CH_ACACIA, OY_CH_BAMBOO, OY_CH_GROVE,
    OY_CH_BIOME_MEADOW, OY_CH_BIOME_FOREST, OY_CH_BIOME_DESERT,
    OY_CH_BIOME_SNOWFIELD, OY_CH_BIOME_TUNDRA, OY_CH_BIOME_BEACH,
    OY_CH_BIOME_SWAMP, OY_CH_BIOME_ALPINE,
    OY_CH_ROCK_WARMTH, OY_CH_ROCK_TINT, OY_CH_ROCK_LIGHT,
    OY_CH_GROUND_WARMTH, OY_CH_GROUND_TINT, OY_CH_GROUND_LIGHT, OY_CH_FIELDS,
    OY_CH_ROWS, OY_CH_FLOWERS, OY_CH_FLOWER_WARMTH, OY_CH_OFFSHORE, OY_CH_PADDIES,
    OY_CH_CLOUD_SEA, OY_CH_OVERLOOK,
};
#define NKEYS ((int)(sizeof shape_channels / sizeof *shape_channels))

void oy_world_shape_key(oy_world_shape *sh, const oy_state *st)
{
    _Static_assert(NKEYS <= (int)(sizeof sh->key / sizeof *sh->key), "shape key holds every channel");
    for (int i = 0; i < (int)(sizeof sh->key / sizeof *sh->key); i++)
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
    /* rugged land ("cliffs", "rocky"): cliffs along nearly all the shore */
    sh->cliffs_more = 1.5f * fmaxf(oy_clampf(c[OY_CH_RUGGED], 0.0f, 1.0f) - 0.5f, 0.0f);
    sh->plateau = oy_clampf(c[OY_CH_PLATEAU], 0.0f, 1.0f);
    /* above a sea of cloud the valleys are the cloud's: the summit
     * underfoot ("a mountain pass, fog below") stands in none */
    sh->valley = oy_clampf(c[OY_CH_VALLEY], 0.0f, 1.0f) * (1.0f - oy_clampf(c[OY_CH_CLOUD_SEA], 0.0f, 1.0f));
    sh->canyon = oy_clampf(c[OY_CH_CANYON], 0.0f, 1.0f);
    sh->coast = oy_clampf(c[OY_CH_COAST], 0.0f, 1.0f);
    sh->offshore = oy_clampf(c[OY_CH_OFFSHORE], 0.0f, 1.0f);
    sh->island = oy_clampf(c[OY_CH_ISLAND], 0.0f, 1.0f);
    sh->lake = oy_clampf(c[OY_CH_LAKE], 0.0f, 1.0f);
    sh->river = oy_clampf(c[OY_CH_RIVER], 0.0f, 1.0f);
    sh->veg = oy_clampf(c[OY_CH_VEGETATION], 0.0f, 1.0f);
    sh->foliage = oy_clampf(c[OY_CH_FOLIAGE], 0.0f, 1.0f);
    sh->autumn = oy_clampf(c[OY_CH_AUTUMN], 0.0f, 1.0f);
    sh->conifer = oy_clampf(c[OY_CH_CONIFER], -1.0f, 1.0f);
    sh->birch = oy_clampf(c[OY_CH_BIRCH], 0.0f, 1.0f);
    sh->acacia = oy_clampf(c[OY_CH_ACACIA], 0.0f, 1.0f);
    sh->bamboo = oy_clampf(c[OY_CH_BAMBOO], 0.0f, 1.0f);
    sh->grove = oy_clampf(c[OY_CH_GROVE], 0.0f, 1.0f);
    /* a forest world (forest named, no meadow): the trees stand all round
     * the set's small glade, not beyond a wide lawn; where the words name
     * mountains too ("misty mountains with pine forests") the view looks
     * out of a wider glade to the forest on the land below them
     * (woods_below) */
    float forest_world = oy_smoothstepf(0.7f, 1.0f, c[OY_CH_BIOME_FOREST]) *
                         (1.0f - oy_smoothstepf(0.6f, 1.0f, c[OY_CH_BIOME_MEADOW])) *
                         (1.0f - oy_smoothstepf(0.3f, 0.7f, c[OY_CH_BIOME_DESERT] + c[OY_CH_BIOME_SNOWFIELD]));
    float outlook = forest_world * oy_smoothstepf(0.75f, 0.9f, relief);
    sh->woods = forest_world - outlook;
    sh->woods_below = outlook;
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
    oy_world_palette_init(sh, st);

    /* a feature world.layout places shows in full whatever the prompt says */
    float *strength[OY_FEAT_COUNT] = {
        [OY_FEAT_VALLEY] = &sh->valley, [OY_FEAT_CANYON] = &sh->canyon,
        [OY_FEAT_RIVER] = &sh->river, [OY_FEAT_LAKE] = &sh->lake,
        [OY_FEAT_COAST] = &sh->coast, [OY_FEAT_ISLAND] = &sh->island,
        [OY_FEAT_HILL] = &sh->hill, [OY_FEAT_CRATER] = &sh->crater,
        [OY_FEAT_BUTTE] = &sh->butte,
    };
    const oy_plan_feature *F = w->feat;
    sh->hill = oy_smoothstepf(0.5f, 0.9f, oy_clampf(c[OY_CH_HILLS], 0.0f, 1.0f));
    sh->crater = oy_clampf(c[OY_CH_CRATER], 0.0f, 1.0f);
    sh->volcano = oy_clampf(c[OY_CH_VOLCANO], 0.0f, 1.0f);
    /* a mesa or butte in the words (table land that is rugged, not
     * terraced fields) stands ahead */
    sh->butte = oy_smoothstepf(0.6f, 0.75f, sh->plateau) *
                oy_smoothstepf(0.45f, 0.6f, oy_clampf(c[OY_CH_RUGGED], 0.0f, 1.0f));
    sh->fields = oy_clampf(c[OY_CH_FIELDS], 0.0f, 1.0f);
    sh->rows = oy_clampf(c[OY_CH_ROWS], 0.0f, 1.0f);
    sh->paddies = oy_clampf(c[OY_CH_PADDIES], 0.0f, 1.0f);
    sh->cloud_sea = oy_clampf(c[OY_CH_CLOUD_SEA], 0.0f, 1.0f);
    sh->overlook = oy_clampf(c[OY_CH_OVERLOOK], 0.0f, 1.0f);
    sh->flowers = oy_clampf(c[OY_CH_FLOWERS], 0.0f, 1.0f);
    oy_flower_weights(oy_clampf(c[OY_CH_FLOWER_WARMTH], -1.0f, 1.0f), sh->flower_wt);
    /* the fields run within 20 degrees of the default view (+z), so
     * their rows lead into it */
    float bearing = (float)((0.5 + (oy_u01(oy_hash(w->seed, OY_STREAM_BIOME, 71, 0, 0)) - 0.5) / 4.5) * OY_PI);
    sh->field_ca = oy_cosf(bearing);
    sh->field_sa = oy_sinf(bearing);
    /* a shore in rugged land ("a rocky coast") is rock and stones where
     * no beach is named */
    sh->stony = oy_smoothstepf(0.6f, 0.85f, oy_clampf(c[OY_CH_RUGGED], 0.0f, 1.0f)) *
                (1.0f - oy_smoothstepf(0.15f, 0.4f, sh->biome[5]));
    /* dunes over a desert, unless the words flatten it ("flat", "a salt
     * flat", whose hills stay flat under distant mountains) or make it
     * rock ("a rocky desert", "barren", "badlands") */
    sh->dunes = oy_smoothstepf(0.4f, 0.8f, sh->biome[2]) * (1.0f - sh->plateau) * (1.0f - sh->canyon) *
                (1.0f - oy_smoothstepf(0.78f, 0.88f, oy_clampf(c[OY_CH_RUGGED], 0.0f, 1.0f))) *
                oy_smoothstepf(0.04f, 0.1f, relief) *
                oy_smoothstepf(0.03f, 0.09f, oy_clampf(c[OY_CH_HILLS], 0.0f, 1.0f));
    for (int f = 0; f < OY_FEAT_COUNT; f++)
        if (strength[f] && F[f].placed)
            *strength[f] = 1.0f;

    /* sizes: from the layout, else from the prompt's strengths */
#define SIZE_OR(f, dflt) (F[f].size > 0.0 ? (float)(0.5 * F[f].size) : (dflt))
    /* in a forest world the glade is a few trees' spacing wide, wider
     * where the words ask for a clearing, and the default view stands in
     * its near part, looking across it into the trees */
    float glade = 11.0f + 19.0f * oy_clampf(c[OY_CH_CLEARING], 0.0f, 1.0f);
    float open_r = oy_lerpf(250.0f * (1.0f - 0.6f * sh->biome[1]), 45.0f, outlook);
    sh->clear_r = SIZE_OR(OY_FEAT_CLEARING, oy_lerpf(open_r, glade, sh->woods));
    sh->clear_x = (float)F[OY_FEAT_CLEARING].x;
    sh->clear_z = (float)F[OY_FEAT_CLEARING].z;
    if (!F[OY_FEAT_CLEARING].at_given) {
        float near = fmaxf(sh->woods, outlook);
        sh->clear_x = oy_lerpf(sh->clear_x, 0.0f, near);
        sh->clear_z = oy_lerpf(sh->clear_z, 0.55f * sh->clear_r, near);
    }
    sh->valley_w = SIZE_OR(OY_FEAT_VALLEY, 90.0f);
    sh->canyon_w = SIZE_OR(OY_FEAT_CANYON, 54.0f);
    sh->canyon_depth = F[OY_FEAT_CANYON].height > 0.0 ? (float)F[OY_FEAT_CANYON].height
                                                      : 70.0f + 120.0f * sh->canyon;
    sh->river_w = SIZE_OR(OY_FEAT_RIVER, 5.0f + 13.0f * sh->river);
    /* a lake's size grows with the square of its weight, so a pond
     * (0.45) is some 140 m across and a lake (1) half a kilometre; an
     * inlet of the sea (a bay, a cove, by a coast) is wide at any weight */
    float inland = 20.0f + 240.0f * sh->lake * sh->lake, inlet = 90.0f + 170.0f * sh->lake;
    sh->lake_r = SIZE_OR(OY_FEAT_LAKE, oy_lerpf(inland, inlet, oy_smoothstepf(0.0f, 0.5f, sh->coast)));
    /* an island's size grows with the square of its weight: "a tiny
     * island" (0.5) is some 260 m across, an island (1) 800 m */
    sh->island_r = SIZE_OR(OY_FEAT_ISLAND, 40.0f + 360.0f * sh->island * sh->island);
    sh->peaks_r = SIZE_OR(OY_FEAT_PEAKS, 2600.0f);
    sh->peaks_h = (float)F[OY_FEAT_PEAKS].height;
    /* a volcano stands at the peaks' place, by default farther off on
     * the same bearing (4.5 km), where it rises about 6 degrees: a lone
     * cone whose flanks spread three and a half times its height */
    sh->volcano_h = sh->peaks_h > 0.0f ? sh->peaks_h
                                       : oy_clampf(0.4f * sh->relief_amp, 300.0f, 550.0f);
    sh->volcano_r = F[OY_FEAT_PEAKS].size > 0.0 ? (float)(0.5 * F[OY_FEAT_PEAKS].size)
                                                : 3.5f * sh->volcano_h;
    sh->hill_r = SIZE_OR(OY_FEAT_HILL, 160.0f);
    sh->hill_h = F[OY_FEAT_HILL].height > 0.0 ? (float)F[OY_FEAT_HILL].height
                                              : 20.0f + 40.0f * oy_clampf(c[OY_CH_HILLS], 0.0f, 1.0f);
    sh->crater_r = SIZE_OR(OY_FEAT_CRATER, 250.0f + 200.0f * sh->crater);
    sh->crater_depth = F[OY_FEAT_CRATER].height > 0.0 ? (float)F[OY_FEAT_CRATER].height
                                                      : 45.0f + 55.0f * sh->crater;
    sh->butte_r = SIZE_OR(OY_FEAT_BUTTE, 100.0f);
    sh->butte_h = F[OY_FEAT_BUTTE].height > 0.0 ? (float)F[OY_FEAT_BUTTE].height
                                                : 45.0f + 0.04f * sh->relief_amp;
#undef SIZE_OR
    /* by default the lake's near shore lies a few tens of metres ahead,
     * so it fills the lower part of the default view */
    sh->lake_x = (float)F[OY_FEAT_LAKE].x;
    sh->lake_z = (float)F[OY_FEAT_LAKE].z;
    if (!F[OY_FEAT_LAKE].at_given && w->lake_aside) {
        /* a thing by the lake: the lake lies to the left, its centre 70
         * degrees off the view (a pond's, smaller, 55), its shore 10 m
         * off that way and some 30 m straight ahead, so the water fills
         * the lower left of the frame and the shore leads away into it
         * on the right, where the thing stands (seeking a shore it turns
         * right: api/shot.c) */
        float a = oy_lerpf(-0.96f, -1.22f, oy_smoothstepf(70.0f, 150.0f, sh->lake_r));
        float ux = oy_sinf(a), uz = oy_cosf(a);
        float d = 0.75f * sh->lake_r + 10.0f;   /* its shore wanders +-25 % */
        for (int k = 0; k < 40; k++, d += 0.05f * sh->lake_r) {
            float cx = ux * d, cz = uz * d;
            int wet = lake_radius(w, sh, -cx, -cz) > d - 10.0f;
            for (float z = 0.0f; z <= 25.0f && !wet; z += 5.0f)
                wet = hypotf(cx, z - cz) < lake_radius(w, sh, -cx, z - cz);
            if (!wet)
                break;
        }
        sh->lake_x = ux * d;
        sh->lake_z = uz * d;
    } else if (!F[OY_FEAT_LAKE].at_given) {
        float zc = sh->lake_r + 15.0f;
        sh->lake_z = lake_radius(w, sh, -sh->lake_x, -zc) + 15.0f;
    }
    sh->island_x = (float)F[OY_FEAT_ISLAND].x;
    sh->island_z = (float)F[OY_FEAT_ISLAND].z;
    if (!F[OY_FEAT_ISLAND].at_given)   /* a small island stands nearer */
        sh->island_z *= oy_lerpf(0.4f, 1.0f, oy_smoothstepf(0.4f, 1.0f, sh->island));
    if (!F[OY_FEAT_ISLAND].at_given && F[OY_FEAT_ISLAND].size <= 0.0 && (w->hill_crown > 0.0f || w->island_things)) {
        /* a thing on the island's top ("an island with a ruined castle"):
         * a smaller island, its near shore some 200 m out, so the thing
         * on its top reads; things on its shore ("palm trees") nearer */
        sh->island_r = fminf(sh->island_r, 250.0f);
        sh->island_z = fminf(sh->island_z, (w->hill_crown > 0.0f ? 200.0f : 110.0f) + sh->island_r);
    }
    if (!F[OY_FEAT_ISLAND].at_given && F[OY_FEAT_ISLAND].size <= 0.0 && w->fog_sight > 0.0f) {
        /* the same in fog ("a lighthouse on a rocky island in the fog"):
         * a small island, its near shore half as far as the fog lets
         * the view see, where the thing stands on it */
        sh->island_r = fminf(sh->island_r, 120.0f);
        sh->island_z = fminf(sh->island_z, 0.5f * w->fog_sight + sh->island_r);
    }
    sh->peaks_x = (float)F[OY_FEAT_PEAKS].x;
    sh->peaks_z = (float)F[OY_FEAT_PEAKS].z;
    float vk = F[OY_FEAT_PEAKS].at_given ? 1.0f : 4500.0f / sqrtf(sh->peaks_x * sh->peaks_x + sh->peaks_z * sh->peaks_z);
    sh->volcano_x = vk * sh->peaks_x;
    sh->volcano_z = vk * sh->peaks_z;
    sh->hill_x = (float)F[OY_FEAT_HILL].x;
    sh->hill_z = (float)F[OY_FEAT_HILL].z;
    if (!F[OY_FEAT_HILL].at_given && w->hill_crown > 0.0f) {
        /* a thing on the hill: the hill's top and the thing on it rise
         * under 6 degrees from the origin (a level view's frame reaches
         * about 9): the hill lower (no taller than the thing, to 0.3 of
         * its height at most), then nearer or farther out (150-600 m,
         * the view off its foot), and half as far off the view's axis,
         * so the thing stands a third of the way in from the frame's
         * edge, not on it; a lone tree on a low rise stands near enough
         * to read (it stood 2 degrees tall on a hill 360 m off) */
        sh->hill_x *= 0.5f;
        float d = hypotf(sh->hill_x, sh->hill_z);
        /* (a person, a graveyard, a village: the hill half its height at
         * most, and no nearer, where a small thing stands out on its near
         * side and a village stands up on it) */
        int small = !w->hill_lone || w->hill_crown < 5.0f;
        if (F[OY_FEAT_HILL].height <= 0.0)
            sh->hill_h = fmaxf(fminf(fminf(sh->hill_h, 0.105f * d - w->hill_crown), small ? 1e9f : w->hill_crown),
                               (small ? 0.5f : 0.3f) * sh->hill_h);
        float want = oy_clampf((sh->hill_h + w->hill_crown) / 0.105f, small ? d : fmaxf(150.0f, 1.2f * sh->hill_r),
                               600.0f);
        sh->hill_x *= want / d;
        sh->hill_z *= want / d;
        /* by a river or in a valley it stands off the water's line, its
         * top clear of the floor the valley flattens and the banks the
         * river cuts (a castle on a bluff over the river), on the side
         * nearer the view's axis, farther on until it stands within 12
         * degrees of it */
        const oy_plan_line *L = sh->river > 0.0f    ? &F[OY_FEAT_RIVER].line
                                : sh->valley > 0.0f ? &F[OY_FEAT_VALLEY].line
                                                    : NULL;
        float off = fmaxf(sh->valley_w, 0.5f * sh->hill_r);
        for (int k = 0; L && k < 16; k++) {
            oy_line_near hn;
            oy_world_line_near(L, sh->hill_x, sh->hill_z + 40.0 * k, &hn);
            double nx = 1.0, nz = 0.0, l = hypot(sh->hill_x - hn.x, sh->hill_z + 40.0 * k - hn.z);
            if (l > 1.0) {
                nx = (sh->hill_x - hn.x) / l;
                nz = (sh->hill_z + 40.0 * k - hn.z) / l;
            }
            double x = hn.x + nx * off, z = hn.z + nz * off;
            if (fabs(hn.x - nx * off) < fabs(x)) {
                x = hn.x - nx * off;
                z = hn.z - nz * off;
            }
            if (k == 15 || (z > 0.0 && fabs(x) < 0.21 * z)) {
                sh->hill_x = (float)x;
                sh->hill_z = (float)z;
                break;
            }
        }
    }
    /* a thing on a sea cliff: the cliff lower (to half its height at
     * most) and the cove the default view stands in wider (to 600 m),
     * so the cliff top beyond the cove and the thing on it rise under 6
     * degrees, as a hill's do */
    sh->cove_r = 300.0f;
    if (w->hill_crown > 0.0f && !w->feat[OY_FEAT_COAST].placed) {
        sh->cliff_h = fmaxf(fminf(sh->cliff_h, 0.105f * sh->cove_r - w->hill_crown), 0.5f * sh->cliff_h);
        sh->cove_r = oy_clampf((sh->cliff_h + w->hill_crown) / 0.105f, sh->cove_r, 600.0f);
    }
    /* by default a crater's rim runs under the origin, so the default
     * view looks from the rim into the bowl */
    sh->crater_x = (float)F[OY_FEAT_CRATER].x;
    sh->crater_z = F[OY_FEAT_CRATER].at_given ? (float)F[OY_FEAT_CRATER].z : sh->crater_r;
    sh->butte_x = (float)F[OY_FEAT_BUTTE].x;
    sh->butte_z = (float)F[OY_FEAT_BUTTE].z;

    /* reference heights at the clearing: the valley floor sits a little
     * above the natural land's low point there */
    double x0 = sh->clear_x, z0 = sh->clear_z;
    sh->low0 = macro_low(w, x0, z0);
    sh->floor0 = 0.0f;
    float nat0 = natural_at(w, sh, x0, z0, 50.0f);
    sh->floor0 = fmaxf(8.0f + 0.15f * (nat0 - 6.0f), sh->sea_level + 3.0f);
    sh->deck = natural_at(w, sh, 0.0, 0.0, 50.0f) - DECK_BELOW;
    sh->crater_base = natural_at(w, sh, sh->crater_x, sh->crater_z, 50.0f);
    sh->butte_base = natural_at(w, sh, sh->butte_x, sh->butte_z, 50.0f);

    /* the lake's level: near the valley floor where a valley shapes the
     * land, a little below the natural ground elsewhere */
    oy_line_near vn;
    oy_world_line_near(&F[OY_FEAT_VALLEY].line, sh->lake_x, sh->lake_z, &vn);
    float flake = floor_at(w, sh, vn.x, vn.z);
    float nlake = natural_at(w, sh, sh->lake_x, sh->lake_z, 50.0f);
    float shaped = fmaxf(sh->valley, sh->canyon);
    sh->lake_level = oy_lerpf(fminf(nlake - 2.0f, flake + 0.35f * (nlake - flake)),
                              flake - 0.5f, shaped);
    /* a river in the set runs into the lake: the lake lies no higher than
     * the river beside its near shore and its middle, or the river's own
     * valley would bring the lake's banks down below its water, a wall of
     * water seen edge on */
    if (sh->river > 0.0f) {
        oy_line_near rn, rs;
        oy_world_line_near(&F[OY_FEAT_RIVER].line, sh->lake_x, sh->lake_z, &rn);
        oy_world_line_near(&F[OY_FEAT_RIVER].line, sh->lake_x, sh->lake_z - sh->lake_r, &rs);
        sh->lake_level = fminf(sh->lake_level, fminf(floor_at(w, sh, rn.x, rn.z), floor_at(w, sh, rs.x, rs.z)) - 1.0f);
    }
    sh->lake_level = fmaxf(sh->lake_level, sh->sea_level + 1.5f);
    /* by a coast the lake's basin is an inlet of the sea: a bay, a cove */
    if (sh->coast > 0.0f)
        sh->lake_level = oy_lerpf(sh->lake_level, sh->sea_level, oy_smoothstepf(0.0f, 0.5f, sh->coast));
}

/* The land around a water body whose bank height is L at distance r:
 * higher ground is brought down to L by r = r1 (a shore flat enough to
 * stand on), lower ground lifted to L up to r = r2 (banks that hold the
 * water) and left alone beyond r3, so a lake set high in the land lifts
 * only its own surroundings and not every low place in the world. */
static float settle(float h, float L, float r0, float r1, float r2, float r3, float r)
{
    if (h > L)
        return L + (h - L) * oy_smoothstepf(r0, r1, r);
    return h + (L - h) * (1.0f - oy_smoothstepf(r2, r3, r));
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
 * away beyond; the beach runs into the water without a step (a step
 * shows as a dark staircase along the waterline) */
static float shore(float h, float sea, float u, float cliff)
{
    if (u > 0.0f)
        return sea - 0.4f * oy_smoothstepf(0.0f, 8.0f, u) - fminf(u * 0.035f, 40.0f);
    float beach = sea + 0.4f * oy_smoothstepf(0.0f, 8.0f, -u) + (-u) * 0.02f;
    beach += cliff * oy_smoothstepf(3.0f, 9.0f + 0.5f * cliff, -u);
    float k = oy_smoothstepf(0.0f, 1400.0f, -u);
    return oy_lerpf(beach, fmaxf(h, beach), k * k);
}

/* A dune field: ridges across the prevailing wind, each a long gentle
 * windward slope up to a sharp crest and a steep slip face behind it
 * (about 30 degrees, sand's angle of repose), the crest lines bent and
 * their heights varied by noise, a lower cross set on top. */
static float dune_ridge(float f)
{
    return f < 0.72f ? oy_smoothstepf(0.0f, 0.72f, f) * (0.6f + 0.4f * f / 0.72f)
                     : 1.0f - oy_smoothstepf(0.72f, 1.0f, f);
}

#define DUNE_WL 90.0f
#define PAD_EASE 30.0f   /* m over which a footing's level eases into the dunes */

/* The dunes' own height at x, z, before any footing levels them. */
static float dune_field(const oy_world *w, double x, double z)
{
    static const float wl = DUNE_WL;
    double u = x * w->wind_x + z * w->wind_z, v = z * w->wind_x - x * w->wind_z;
    float bendu = 28.0f * oy_world_fbm(w, x + 3100.0, z - 1700.0, 420.0, 60.0f, 3);
    float amp = 0.6f + 0.4f * oy_world_fbm(w, x - 6100.0, z + 900.0, 300.0, 60.0f, 2);
    double p = (u + bendu) / wl;
    double q = (0.6 * u + 0.8 * v + 0.7 * bendu) / (0.55 * wl);
    return 14.0f * amp * dune_ridge((float)(p - floor(p))) + 4.0f * dune_ridge((float)(q - floor(q)));
}

void oy_world_pad(oy_world *w, double x, double z, float r)
{
    if (w->npads >= OY_WORLD_PADS)
        return;
    float *p = w->pads[w->npads++];
    p[0] = (float)x;
    p[1] = (float)z;
    p[2] = r;
    p[3] = fmaxf(dune_field(w, x, z), 12.0f);   /* never down in a trough */
}

/* The dunes at x, z, faded out where the land is seen coarser than
 * their wavelength, level on the set's footings */
static float dunes(const oy_world *w, double x, double z, float min_wl)
{
    float fade = oy_smoothstepf(0.6f * DUNE_WL, 0.2f * DUNE_WL, min_wl);
    if (fade <= 0.0f)
        return 0.0f;
    float h = dune_field(w, x, z);
    for (int i = 0; i < w->npads; i++) {
        const float *p = w->pads[i];
        float dx = (float)x - p[0], dz = (float)z - p[1], d2 = dx * dx + dz * dz, out = p[2] + PAD_EASE;
        if (d2 < out * out)
            h = oy_lerpf(h, p[3], oy_smoothstepf(out, p[2], sqrtf(d2)));
    }
    return fade * h;
}

/* A crater: a flat floor sunk depth below the land, steep inner walls
 * scored by gullies, a raised rim at radius R, higher and lower round
 * it, and an outer flank falling away to the land. */
static float crater(const oy_world *w, const oy_world_shape *sh, float h, double x, double z,
                    float *inside)
{
    double dx = x - sh->crater_x, dz = z - sh->crater_z;
    float R = sh->crater_r * (1.0f + 0.08f * oy_world_fbm(w, dx * 0.003, dz * 0.003, 1.0, 0.3f, 2));
    float s = (float)sqrt(dx * dx + dz * dz) / R;
    *inside = 1.0f - oy_smoothstepf(1.05f, 1.5f, s);
    if (s > 2.6f)
        return h;
    /* the rim's height and the gullies change round the crater, not
     * along a line out from its middle: noise over the bearing */
    double d = sqrt(dx * dx + dz * dz), ux = dx / fmax(d, 1.0), uz = dz / fmax(d, 1.0);
    float crest = oy_world_fbm(w, 500.0 + 2.0 * ux, -300.0 + 2.0 * uz, 1.0, 0.2f, 3);
    float rim = 0.3f * sh->crater_depth * fmaxf(1.0f + 1.6f * crest, 0.2f);
    float ring = s < 1.0f ? oy_smoothstepf(0.7f, 1.0f, s) : 1.0f - oy_smoothstepf(1.0f, 2.5f, s);
    float bowl = -sh->crater_depth * (1.0f - oy_smoothstepf(0.35f, 1.0f, s));
    float wall = oy_smoothstepf(0.4f, 0.6f, s) * (1.0f - oy_smoothstepf(0.92f, 1.02f, s));
    float gully = wall > 0.0f ? oy_world_fbm(w, 900.0 + 25.0 * ux, 200.0 + 25.0 * uz, 1.0, 0.3f, 2) : 0.0f;
    /* the land inside and on the flank settles to one level first */
    float base = oy_lerpf(sh->crater_base, h, oy_smoothstepf(0.9f, 2.5f, s));
    return base + bowl + rim * ring + 0.15f * sh->crater_depth * gully * wall;
}

/* A volcano: one cone at the peaks' place, its flanks concave and scored
 * by gullies, a crater sunk in its flattened top; the ranges round it
 * sink to foothills. It rises from whatever the land and the coast made
 * of its place (out of the sea, as a headland, on a coast). *cone is 1
 * on the bare upper cone. */
static float volcano(const oy_world *w, const oy_world_shape *sh, float h, double x, double z,
                     float *cone)
{
    double dx = x - sh->volcano_x, dz = z - sh->volcano_z;
    float s = (float)sqrt(dx * dx + dz * dz) / sh->volcano_r;
    if (s > 1.6f) {
        *cone = 0.0f;
        return h;
    }
    float t = fmaxf(1.0f - s, 0.0f), top = 0.93f;
    float p = fminf(t, top);
    p = p * p * (0.55f + 0.45f * p) / (top * top);
    /* the crater: a bowl a tenth of the height deep inside the summit */
    float bowl = 0.1f * (1.0f - oy_smoothstepf(0.02f, 0.065f, s));
    float gully = oy_world_fbm(w, dx * 0.012 + 300.0, dz * 0.012 - 70.0, 1.0, 0.2f, 3);
    /* ribs and gullies running down the flanks: noise over the bearing
     * from the summit only (the unit vector to the point), ridged */
    float r = fmaxf(s * sh->volcano_r, 1.0f), ux = (float)dx / r, uz = (float)dz / r;
    float rib = 1.0f - 2.0f * fabsf(oy_world_fbm(w, ux * 7.0 + 50.5, uz * 7.0 - 20.5 + 0.6 * s, 1.0, 0.05f, 3));
    float flank = oy_smoothstepf(0.04f, 0.2f, s) * (1.0f - oy_smoothstepf(0.5f, 0.95f, s));
    float low = h * (1.0f - 0.75f * oy_smoothstepf(1.6f, 0.7f, s));
    *cone = oy_smoothstepf(0.75f, 0.5f, s);
    return low + sh->volcano_h * ((p - bowl) * (1.0f + 0.05f * gully * oy_smoothstepf(0.05f, 0.3f, s)) +
                                  0.035f * rib * flank);
}

/* A butte: a flat rock top height above the land, sheer walls under a
 * caprock ledge, and a talus apron spreading from their foot. */
static float butte(const oy_world *w, const oy_world_shape *sh, float h, double x, double z,
                   float det)
{
    double dx = x - sh->butte_x, dz = z - sh->butte_z;
    /* a ragged outline: bays and buttresses on the broad wobble */
    float R = sh->butte_r * (1.0f + 0.14f * oy_world_fbm(w, dx * 0.006, dz * 0.006, 1.0, 0.2f, 2) +
                             0.07f * oy_world_fbm(w, dx * 0.03 + 41.0, dz * 0.03, 1.0, 0.2f, 2));
    float s = (float)sqrt(dx * dx + dz * dz) / R;
    if (s > 1.8f)
        return h;
    /* the wall: a thin overhanging cap, then the sheer face down to the
     * apron at a quarter of the height */
    float wall = 0.25f + 0.06f * oy_smoothstepf(1.0f, 0.985f, s) + 0.69f * oy_smoothstepf(0.995f, 0.955f, s);
    float apron = 0.25f * (1.0f - oy_smoothstepf(1.0f, 1.8f, s));
    float top = sh->butte_base + sh->butte_h * (s < 1.0f ? wall : apron * apron * 4.0f) + 0.5f * det;
    return fmaxf(h, top);
}

/* The nearest point of feature f's course: its own, or (same) the one it
 * shares with the feature before it. */
static const oy_line_near *course_near(const oy_world *w, int f, double x, double z,
                                       const oy_line_near *same, oy_line_near *buf)
{
    if (!w->feat[f].own_course)
        return same;
    oy_world_line_near(&w->feat[f].line, x, z, buf);
    return buf;
}

float oy_world_eval(const oy_world *w, const oy_world_shape *sh, double x,
                    double z, float min_wl, oy_world_point *pt)
{
    oy_line_near vn, cbuf, rbuf;
    const oy_line_near *cn = &vn, *rn = &vn;
    float h, water = NO_WATER, wdist = 200.0f, in_canyon = 0.0f, drowned = 0.0f;
    int wkind = OY_WATER_NONE;

    oy_world_line_near(&w->feat[OY_FEAT_VALLEY].line, x, z, &vn);
    if (sh->canyon > 0.0f || sh->river > 0.0f)
        cn = course_near(w, OY_FEAT_CANYON, x, z, &vn, &cbuf);
    if (sh->river > 0.0f)
        rn = course_near(w, OY_FEAT_RIVER, x, z, cn, &rbuf);
    float open = open_dist(w, sh, x, z, (float)vn.d), far = reach(w, sh, x, z, open);
    h = natural(w, sh, x, z, min_wl, far, open);
    /* what varies along a course (valley width, river meanders, cliffs and
     * coves) is noise over the ground, not over arc length: inside a bend
     * the nearest point, and with it the arc length, jumps across the
     * bisector, which showed as a seam up the valley walls */
    float wob = oy_world_fbm(w, x + 900.5, z - 310.0, 400.0, 50.0f, 3);

    /* fine detail first, so carving and banks apply to the final ground */
    float det = oy_world_fbm(w, x - 777.0, z + 333.0, DETAIL_WL, min_wl, 8);
    float calm = 1.0f - 0.7f * fmaxf(sh->valley, sh->canyon) *
                 (1.0f - oy_smoothstepf(20.0f, 120.0f, (float)fmin(vn.d, cn->d)));
    h += sh->detail_amp * det * calm;
    if (sh->dunes > 0.0f)
        h += sh->dunes * dunes(w, x, z, min_wl);
    h = terraced(sh, h, min_wl, far);
    float in_crater = 0.0f;
    if (sh->crater > 0.0f) {
        h = oy_lerpf(h, crater(w, sh, h, x, z, &in_crater), sh->crater);
        in_crater *= sh->crater;
    }
    if (sh->butte > 0.0f)
        h = oy_lerpf(h, butte(w, sh, h, x, z, det), sh->butte);

    /* the hill a thing stands on, which the valley's floor and a river's
     * banks leave standing */
    float crown_hill = w->hill_crown > 0.0f ? hill_bump(sh, x, z) : 0.0f;
    if (sh->valley > 0.0f) {
        float d = (float)vn.d, fl = floor_at(w, sh, vn.x, vn.z);
        float W = sh->valley_w * (1.0f + 0.28f * wob);
        float p = oy_smoothstepf(W * 0.4f, W * 5.0f, d);
        /* sides rise at 20-35 degrees to hills a few hundred metres out */
        float A = 40.0f + 0.3f * sh->relief_amp;
        float walls = A * oy_smoothstepf(W * 1.5f, W * 1.5f + 3.0f * A, d);
        /* (a hill a thing stands on, "a castle on a hill above a river
         * valley", rises from the floor: the floor flattened it) */
        float hv = fl + fmaxf(h - fl, 0.0f) * p + walls + 0.4f * det + (1.0f - p) * crown_hill;
        h = oy_lerpf(h, hv, sh->valley);
    }
    /* a canyon that meets a coast is a fjord: the sea runs up its floor */
    float fjord = fminf(sh->canyon, sh->coast);
    if (sh->canyon > 0.0f) {
        float d = (float)cn->d, fl = floor_at(w, sh, cn->x, cn->z);
        float k = sh->canyon_w / 54.0f;
        /* a fjord's walls stand back from a strand flat, a shelf of level
         * ground 20-45 m wide a few metres over the water, where its
         * farms and villages stand */
        float shelf = 0.0f;
        if (fjord > 0.0f) {
            float e0 = 40.0f * k + 6.0f * wob, bw = (32.0f + 13.0f * wob) * oy_smoothstepf(0.0f, 0.4f, fjord);
            shelf = oy_smoothstepf(e0 - 4.0f, e0, d) * (1.0f - oy_smoothstepf(e0 + bw - 2.0f, e0 + bw + 8.0f, d));
            d = d < e0 ? d : fmaxf(e0, d - bw);
        }
        float q = oy_smoothstepf(38.0f * k, 70.0f * k, d + 14.0f * k * wob);
        /* stepped walls: ledges of harder rock */
        float f = q * 4.0f, i = floorf(f), r = f - i;
        float qs = (i + oy_smoothstepf(0.25f, 0.6f, r)) * 0.25f;
        float hc = fl + sh->canyon_depth * qs + fmaxf(h - fl, 0.0f) * 0.35f * q + 0.3f * det;
        h = oy_lerpf(h, hc, sh->canyon);
        in_canyon = sh->canyon * (1.0f - oy_smoothstepf(70.0f * k, 70.0f * k + 60.0f, d));
        drowned = oy_smoothstepf(0.0f, 0.4f, fjord) * (1.0f - oy_smoothstepf(38.0f * k, 70.0f * k, d));
        h = oy_lerpf(h, fminf(h, sh->sea_level - 6.0f), drowned);
        h = oy_lerpf(h, fmaxf(h, sh->sea_level + 2.5f + 0.4f * det), shelf);
        if (fjord > 0.0f && sh->sea_level > h) {
            water = sh->sea_level;
            wkind = OY_WATER_SEA;
        }
    }
    /* the coast shapes the land before rivers and lakes cut into it */
    float sea_u = -1e9f;
    if (sh->coast > 0.0f || sh->island > 0.0f) {
        /* a default shore's cove by the default camera: 1 within 100 m
         * of the origin, 0 beyond 300 m (a shore in world.layout has none);
         * its cliffs stand back as far as the cove reaches */
        int placed = w->feat[OY_FEAT_COAST].placed;
        float r0 = (float)sqrt(x * x + z * z);
        float cove = placed ? 0.0f : 1.0f - oy_smoothstepf(100.0f, 300.0f, r0);
        float cliff_cove = placed ? 0.0f : 1.0f - oy_smoothstepf(sh->cove_r - 200.0f, sh->cove_r, r0);
        float uc = -1e9f, ui = -1e9f;
        if (sh->coast > 0.0f) {
            /* u: metres out to sea from the shoreline */
            const oy_plan_feature *C = &w->feat[OY_FEAT_COAST];
            oy_line_near sn;
            oy_world_line_near(&C->line, x, z, &sn);
            /* the default shore keeps its course by the default camera;
             * out at sea ("the open ocean") it lies kilometres inland of
             * that course, past the edge of the default view */
            uc = (float)sn.sd * (float)C->sea - 40.0f * wob * (1.0f - cove) +
                 (placed ? 0.0f : OY_OFFSHORE_M * sh->offshore);
        }
        if (sh->island > 0.0f) {
            double dx = x - sh->island_x, dz = z - sh->island_z;
            float r = (float)sqrt(dx * dx + dz * dz);
            float ang = oy_world_fbm(w, dx * 0.0015, dz * 0.0015, 1.0, 0.3f, 3);
            ui = r - sh->island_r * (1.0f + 0.3f * ang);
        }
        /* a coast of some strength is a coast (a weaker one would only
         * move the water line out by hundreds of metres), but a fjord's
         * walls stand in the sea; a fjord's drowned floor keeps its depth:
         * no beach is raised there */
        float kc = oy_lerpf(oy_smoothstepf(0.0f, 0.5f, sh->coast), sh->coast, oy_smoothstepf(0.0f, 0.4f, fjord));
        float k = (uc > ui ? kc : oy_smoothstepf(0.0f, 0.3f, sh->island)) * (1.0f - drowned);
        /* the sea is wherever either says so, but an island is whole
         * where the coast's line would cut it: within 60 m of its shore
         * its own line takes over */
        sea_u = sh->island > 0.0f ? oy_lerpf(ui, fmaxf(uc, ui), oy_smoothstepf(0.0f, 60.0f, ui)) : uc;
        /* cliffs along most of the shore (nearly all of a default shore
         * in rugged land), broken by coves with beaches, one of them where
         * the default camera stands by a default shore */
        float more = placed ? 0.0f : sh->cliffs_more;
        float cf = oy_smoothstepf(-0.6f - more, -more, oy_world_fbm(w, x - 2100.5, z + 770.0, 500.0, 60.0f, 3)) *
                   (1.0f - cliff_cove);
        /* a hill by the shore stands over it as a headland, not
         * levelled to a beach with the land round it */
        float hb = hill_bump(sh, x, z);
        float land = shore(h - hb, sh->sea_level, sea_u, sh->cliff_h * cf) + hb * oy_smoothstepf(30.0f, 0.0f, sea_u);
        h = oy_lerpf(h, land, k);
        /* a rocky shore: ledges of rock from the land's foot down to the
         * water's edge */
        float band = sh->stony * k * oy_smoothstepf(-30.0f, -6.0f, sea_u) * oy_smoothstepf(3.0f, -1.0f, sea_u);
        if (band > 0.0f) {
            float r = oy_world_fbm(w, x + 313.0, z - 171.0, 6.0, min_wl, 4);
            h += band * 0.7f * oy_smoothstepf(0.1f, 0.3f, r) * (0.7f + 0.3f * det);
        }
    }
    float on_cone = 0.0f;
    if (sh->volcano > 0.0f) {
        h = oy_lerpf(h, volcano(w, sh, h, x, z, &on_cone), sh->volcano);
        on_cone *= sh->volcano;
    }
    /* a swamp (below) settles the land round the set to one level: a
     * lake in it lies at that level, its banks no higher than the
     * swamp's hummocks ("a boardwalk in a swamp" stood its lake 1.3 m
     * over the marsh round it, a wall of water) */
    float marsh = oy_smoothstepf(0.15f, 0.4f, sh->biome[SWAMP_BIOME]) * (1.0f - oy_smoothstepf(150.0f, 600.0f, open));
    float marsh_level = sh->floor0 + 0.8f;
    /* the lake before the river, so the banks it lifts do not fill the
     * river's bed */
    if (sh->lake > 0.0f) {
        double dx = x - sh->lake_x, dz = z - sh->lake_z;
        float r = (float)sqrt(dx * dx + dz * dz);
        float W = lake_radius(w, sh, dx, dz);
        float level = oy_lerpf(sh->lake_level, fminf(sh->lake_level, marsh_level), marsh);
        float flat = settle(h, level + 0.6f, W, W * 2.4f, W * 1.4f, W * 3.5f, r);
        /* no banks or rim raised on a coast's sea side: the bay opens to
         * the sea */
        float open = oy_smoothstepf(-20.0f, 20.0f, sea_u);
        h = oy_lerpf(h, flat, sh->lake * (1.0f - open));
        float carved = carve(h, level, r, W, 8.0f);
        h = oy_lerpf(carved, fminf(h, carved), open);
        if (r < W + 8.0f && level > h && level > water)
            water = level, wkind = OY_WATER_LAKE;
        if (r - W < wdist) {
            wdist = fmaxf(r - W, 0.0f);
            wkind = OY_WATER_LAKE;
        }
    }
    /* a swamp: the open ground and a few hundred metres round it settle
     * to one level, hummocks of sedge a little above it and dark pools
     * between them, still water at one height */
    if (marsh > 0.0f) {
        float hum = oy_world_fbm(w, x + 812.5, z - 433.0, 40.0, min_wl, 4) +
                    0.3f * oy_world_fbm(w, x - 61.5, z + 95.0, 9.0, min_wl, 3);
        h = oy_lerpf(h, marsh_level + 0.05f + 1.3f * hum, marsh);
    }
    if (sh->river > 0.0f) {
        /* meanders: a long swing and a shorter bend on top of it; a course
         * laid out in world.layout is followed closely */
        float bend = oy_world_fbm(w, x - 4400.5, z + 1230.0, 170.0, 30.0f, 2);
        float W = sh->river_w;
        /* beside the course, never over it where the default camera
         * stands, and swinging in toward it a hundred metres or two ahead
         * and behind, so that it runs into the middle of the default view */
        float from0 = (float)hypot(rn->x, rn->z);
        float swing = oy_smoothstepf(20.0f, 100.0f, from0) * (1.0f - oy_smoothstepf(280.0f, 650.0f, from0));
        float off = w->feat[OY_FEAT_RIVER].own_course
                    ? 10.0f * bend
                    : w->side_river * fmaxf(W + 10.0f, 32.0f + 15.0f * wob + 22.0f * bend) *
                      (1.0f - 0.4f * sh->canyon) * (1.0f - 0.85f * swing);
        float u = fabsf((float)rn->sd - off);
        float level = floor_at(w, sh, rn->x, rn->z) - 1.0f;
        /* where it runs into a lake it falls to the lake's level, and its
         * valley lifts no ground there: that would fill the lake's bed */
        float inlake = 0.0f;
        if (sh->lake > 0.0f) {
            double dx = x - sh->lake_x, dz = z - sh->lake_z;
            float Wl = lake_radius(w, sh, dx, dz);
            inlake = sh->lake * (1.0f - oy_smoothstepf(Wl, Wl + 60.0f, (float)sqrt(dx * dx + dz * dz)));
            level = oy_lerpf(level, fminf(level, sh->lake_level), inlake);
        }
        /* the river runs in its own shallow valley; a hill a thing stands
         * on rises from its bank as a bluff */
        float rv = settle(h - crown_hill, level + 0.6f, W, W + 160.0f, W + 60.0f, W + 400.0f, u) +
                   crown_hill * oy_smoothstepf(W + 4.0f, W + 40.0f, u);
        if (rv > h)
            rv = oy_lerpf(rv, h, inlake);
        h = oy_lerpf(h, rv, sh->river);
        h = carve(h, level, u, W, 6.0f);
        if (u < W + 6.0f && level > h && level > water)
            water = level, wkind = OY_WATER_RIVER;
        /* the nearest water names the place, unless it lies in a lake */
        if (fmaxf(u - W, 0.0f) < wdist) {
            wdist = fmaxf(u - W, 0.0f);
            if (water == NO_WATER || wkind == OY_WATER_RIVER)
                wkind = OY_WATER_RIVER;
        }
        /* through marsh a river braids into channels over the flats (a
         * delta): thin channels along the lines where a noise field
         * crosses zero, a few hundred metres either side of the river (not
         * in it: their banks would dam it), cut only where the land lies
         * near the river's level */
        float braid = sh->river * oy_smoothstepf(0.2f, 0.45f, sh->biome[SWAMP_BIOME]) *
                      oy_smoothstepf(W - 1.0f, W + 8.0f, u) * (1.0f - oy_smoothstepf(150.0f, 450.0f, u));
        if (braid > 0.01f) {
            /* metres to the zero line: the field over its slope */
            float n0 = oy_world_fbm(w, x + 5150.5, z - 2270.0, 220.0, 30.0f, 2);
            float gx = oy_world_fbm(w, x + 5152.5, z - 2270.0, 220.0, 30.0f, 2) - n0;
            float gz = oy_world_fbm(w, x + 5150.5, z - 2268.0, 220.0, 30.0f, 2) - n0;
            float ub = fminf(fabsf(n0) * 2.0f / fmaxf(sqrtf(gx * gx + gz * gz), 0.004f), 400.0f);
            float Wb = 2.0f + 4.0f * braid, low = 1.0f - oy_smoothstepf(level + 1.5f, level + 5.0f, h);
            h = oy_lerpf(h, carve(h, level, ub, Wb, 3.0f), braid * low);
            if (ub < Wb + 3.0f && level > h && level > water)
                water = level, wkind = OY_WATER_RIVER;
            if (braid * low > 0.5f && fmaxf(ub - Wb, 0.0f) < wdist) {
                wdist = fmaxf(ub - Wb, 0.0f);
                if (water == NO_WATER || wkind == OY_WATER_RIVER)
                    wkind = OY_WATER_RIVER;
            }
        }
    }
    /* the swamp's pools stand in whatever lies below their level once
     * the rivers have cut through it */
    if (marsh > 0.0f && marsh_level > h && marsh_level > water) {
        water = marsh_level;
        wkind = OY_WATER_LAKE;
    }
    /* the bluff the view overlooks it all from, over what lies below */
    h = bluff(w, sh, x, z, min_wl, h);
    if (sea_u > -1e8f) {
        /* the sea last, over what rivers and lakes made of the shore */
        if (sea_u > -900.0f && sh->sea_level > h && sh->sea_level > water)
            water = sh->sea_level, wkind = OY_WATER_SEA;
        if (sea_u < 200.0f && -sea_u < wdist) {
            wdist = fmaxf(-sea_u, 0.0f);
            wkind = OY_WATER_SEA;
        }
    }
    /* the sea of cloud over all the land and water below its top */
    float cloud = 0.0f;
    if (sh->cloud_sea > 0.0f) {
        float top = deck_at(w, sh, x, z, min_wl);
        if (top > h && top > water) {
            cloud = sh->cloud_sea;
            h = oy_lerpf(h, top, cloud);
            water = NO_WATER;
            wdist = 200.0f;
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
        pt->open_dist = open;
        pt->canyon = in_canyon;
        pt->crater = in_crater;
        pt->cone = on_cone;
        pt->paddy = sh->paddies * (1.0f - far);
        pt->flood = 0.0f;
        pt->cloud = cloud;
    }
    return h;
}
