/*
 * flora.c - the forest as trees: where the world grows a canopy, one tree
 * stands on a jittered grid of OY_FLORA_STEP metres with a chance that
 * follows the canopy's height, its species from the biome there (conifers
 * in cold and high country and on wet ground, palms on warm sandy shores
 * and round a desert's pool, broadleaf, oak and birch elsewhere), with the level
 * of still water beside it to mirror it. A tile's trees are a pure function
 * of the seed, the world's shape and the tile, kept in a small cache that
 * changes no result.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flora.h"

#define CACHE 1024
#define SIDE ((int)(OY_FLORA_TILE / OY_FLORA_STEP))

enum { MEADOW, FOREST, DESERT, SNOWFIELD, TUNDRA, BEACH, SWAMP, ALPINE };

typedef struct tile {
    int64_t tx, tz;
    uint64_t key;
    uint64_t used;
    int n, valid;
    oy_tree t[OY_FLORA_PER_TILE];
} tile;

struct oy_flora {
    tile *tiles;
    uint64_t stamp;
};

int oy_flora_new(oy_flora **out)
{
    oy_flora *f = oy_calloc(1, sizeof *f);
    if (f && !(f->tiles = oy_calloc(CACHE, sizeof *f->tiles)))
        oy_freep(&f);
    if (!f)
        return OYSTER_E_NOMEM;
    *out = f;
    return 0;
}

void oy_flora_free(oy_flora **pf)
{
    oy_flora *f = *pf;
    if (!f)
        return;
    free(f->tiles);
    free(f);
    *pf = NULL;
}

static uint64_t shape_key(const oy_world *w, const oy_world_shape *sh)
{
    uint64_t h = oy_world_seed(w);
    for (size_t i = 0; i < sizeof sh->key / sizeof sh->key[0]; i++) {
        uint32_t u;
        memcpy(&u, &sh->key[i], sizeof u);
        h = oy_mix64(h ^ u);
    }
    return h;
}

static const oy_kind *species(const oy_world_shape *sh, const oy_world_point *pt, uint64_t h)
{
    const float *b = pt->biome;
    float cold = b[SNOWFIELD] + b[TUNDRA] + b[ALPINE] + 0.5f * b[SWAMP];
    float warm_shore = b[BEACH] * (1.0f - oy_smoothstepf(30.0f, 120.0f, pt->water_dist)) *
                       (1.0f - b[SNOWFIELD] - b[TUNDRA]);
    float u = oy_u01(h);
    float oasis = sh->grove * b[DESERT] * (1.0f - oy_smoothstepf(50.0f, 80.0f, pt->water_dist));   /* palms */
    if ((warm_shore > 0.4f && u < warm_shore) || oasis > 0.3f)
        return oy_scene_kind_find("palm");
    /* the words lean the mix: "bamboo grove", "pine forest", "birch
     * wood", "acacia savanna", "maple" */
    if (oy_u01(oy_mix64(h ^ 0xba4b)) < sh->bamboo)
        return oy_scene_kind_find("bamboo");
    float pine = oy_clampf(0.3f + 1.2f * cold - 0.25f * b[MEADOW] + sh->conifer, 0.02f, 0.98f);
    float v = oy_u01(oy_mix64(h));
    if (v < pine)
        return oy_scene_kind_find("pine");
    if (oy_u01(oy_mix64(h ^ 0xac1a)) < sh->acacia)
        return oy_scene_kind_find("acacia");
    float k = oy_u01(oy_mix64(h ^ 0xb1c4)), birch = 0.2f + 0.75f * sh->birch;
    if (k >= 1.0f - birch)
        return oy_scene_kind_find("birch");
    return oy_scene_kind_find(k < 0.625f * (1.0f - birch) ? "tree" : "oak");
}

static void fill(tile *T, const oy_world *w, const oy_world_shape *sh)
{
    uint64_t seed = oy_world_seed(w);
    T->n = 0;
    for (int j = 0; j < SIDE; j++)
        for (int i = 0; i < SIDE; i++) {
            int64_t gx = T->tx * SIDE + i, gz = T->tz * SIDE + j;
            uint64_t h = oy_hash(seed, OY_STREAM_VEGETATION, (uint64_t)gx, (uint64_t)gz, 0x7aee);
            double x = ((double)gx + 0.15 + 0.7 * oy_u01d(h)) * OY_FLORA_STEP;
            double z = ((double)gz + 0.15 + 0.7 * oy_u01d(oy_mix64(h))) * OY_FLORA_STEP;
            oy_world_point pt, px, pz;
            float g = oy_world_eval(w, sh, x, z, 0.5f, &pt);
            if (pt.water > g - 0.2f)
                continue;
            float e = 2.0f;
            float gx1 = oy_world_eval(w, sh, x + e, z, 2.0f, &px);
            float gz1 = oy_world_eval(w, sh, x, z + e, 2.0f, &pz);
            float slope = sqrtf((gx1 - g) * (gx1 - g) + (gz1 - g) * (gz1 - g)) / e;
            oy_world_material(w, sh, x, z, slope, &pt);
            float chance = 0.9f * oy_smoothstepf(1.0f, 8.0f, pt.canopy);
            /* a grove (an oasis's palms, a garden's trees round its pond)
             * ringing still water a few metres back, thinning out away
             * from it, but for the ground round the origin, where the
             * default camera stands; trees alone, with no far canopy,
             * which would read as a jungle's wall */
            float grove = sh->grove * oy_smoothstepf(2.0f, 5.0f, pt.water_dist) *
                          oy_smoothstepf(45.0f, 12.0f, pt.water_dist) *
                          oy_smoothstepf(20.0f, 40.0f, (float)hypot(x, z));
            /* a savanna's lone trees: a few to the hectare out in the
             * open, on dry, gentle ground */
            float lone = 0.03f * sh->acacia * (1.0f - oy_smoothstepf(0.3f, 0.6f, slope)) *
                         (1.0f - pt.biome[SNOWFIELD] - pt.biome[BEACH]) * oy_smoothstepf(4.0f, 12.0f, pt.water_dist);
            uint64_t h2 = oy_hash(seed, OY_STREAM_VEGETATION, (uint64_t)gx, (uint64_t)gz, 0x5eed);
            if (oy_u01(h2) >= fmaxf(fmaxf(chance, lone), 0.7f * grove))
                continue;
            oy_tree *t = &T->t[T->n++];
            t->x = x;
            t->z = z;
            t->ground = g;
            t->kind = species(sh, &pt, oy_mix64(h2));
            t->seed = oy_mix64(h2 ^ 0x9e3779b97f4a7c15ull);
            /* crowns about as high as the canopy the far view draws */
            t->size = chance > fmaxf(lone, 0.7f * grove) ? oy_clampf((pt.canopy + 3.0f) / t->kind->height, 0.45f, 1.3f)
                                                       : 0.75f + 0.4f * oy_u01(oy_mix64(h2 ^ 0x51e));
            float level;
            t->water = pt.water_dist < 25.0f && oy_world_water_by(w, sh, x, z, 25.0f, &level) && level < g
                       ? level : -1e9f;
        }
}

const oy_tree *oy_flora_tile(oy_flora *f, const oy_world *w, const oy_world_shape *sh,
                             int64_t tx, int64_t tz, int *n)
{
    uint64_t key = shape_key(w, sh);
    uint64_t slot = oy_mix64((uint64_t)tx * 0x9e3779b97f4a7c15ull ^ (uint64_t)tz) % CACHE;
    f->stamp++;
    /* a short probe: the tile where it is, or the stalest slot of the run */
    tile *best = NULL;
    for (int k = 0; k < 8; k++) {
        tile *T = &f->tiles[(slot + (uint64_t)k) % CACHE];
        if (T->valid && T->tx == tx && T->tz == tz && T->key == key) {
            T->used = f->stamp;
            *n = T->n;
            return T->t;
        }
        if (!best || !T->valid || (best->valid && T->used < best->used))
            best = T;
    }
    best->tx = tx;
    best->tz = tz;
    best->key = key;
    best->valid = 1;
    best->used = f->stamp;
    fill(best, w, sh);
    *n = best->n;
    return best->t;
}
