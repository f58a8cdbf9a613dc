/*
 * world.c - the world object and its public queries. A query turns the
 * state's channels into a shape (oy_world_shape_init); each thread keeps the
 * last shape it made, keyed by the world and the exact channel values, so a
 * query costs one height evaluation. The cache holds only what would be
 * recomputed, so results never depend on it.
 */
#include <math.h>
#include <string.h>

#include "world.h"

int oy_world_new(oy_world **out, uint64_t seed, const double *path_xz, int npath,
                 const double *view)
{
    oy_world *w = oy_calloc(1, sizeof *w);
    if (!w)
        return OYSTER_E_NOMEM;
    w->seed = seed;
    for (int i = 0; i < OY_WORLD_PERM; i++) {
        w->perm[i] = (uint16_t)i;
        w->val[i] = oy_u01(oy_hash(seed, OY_STREAM_TERRAIN, 1, (uint64_t)i, 0)) * 2.0f - 1.0f;
    }
    for (int i = OY_WORLD_PERM - 1; i > 0; i--) {
        int j = (int)(oy_hash(seed, OY_STREAM_TERRAIN, 2, (uint64_t)i, 0) % (uint64_t)(i + 1));
        uint16_t t = w->perm[i];
        w->perm[i] = w->perm[j];
        w->perm[j] = t;
    }
    for (int i = 0; i < OY_WORLD_PERM; i++)
        w->perm[OY_WORLD_PERM + i] = w->perm[i];
    w->side_coast = (oy_hash(seed, OY_STREAM_WATER, 1, 0, 0) & 1) ? 1.0f : -1.0f;
    w->side_river = (oy_hash(seed, OY_STREAM_WATER, 2, 0, 0) & 1) ? 1.0f : -1.0f;
    oy_world_path_setup(w, path_xz, npath);
    double vl = view ? hypot(view[0], view[1]) : 0.0;
    w->viewx = vl > 1e-9 ? view[0] / vl : w->dirx;
    w->viewz = vl > 1e-9 ? view[1] / vl : w->dirz;
    *out = w;
    return 0;
}

void oy_world_free(oy_world **w)
{
    oy_freep(w);
}

uint64_t oy_world_seed(const oy_world *w) { return w->seed; }

static _Thread_local struct {
    const oy_world *w;
    uint64_t seed;
    oy_world_shape sh;
} cache;

static const oy_world_shape *shape_for(const oy_world *w, const oy_state *st)
{
    oy_world_shape probe;
    oy_world_shape_key(&probe, st);
    if (cache.w != w || cache.seed != w->seed ||
        memcmp(probe.key, cache.sh.key, sizeof probe.key)) {
        oy_world_shape_init(&cache.sh, w, st);
        cache.w = w;
        cache.seed = w->seed;
    }
    return &cache.sh;
}

float oy_world_ground(const oy_world *w, const oy_state *st, double x, double z)
{
    return oy_world_eval(w, shape_for(w, st), x, z, 0.5f, NULL);
}

float oy_world_surface(const oy_world *w, const oy_state *st, double x, double z)
{
    oy_world_point pt;
    float g = oy_world_eval(w, shape_for(w, st), x, z, 0.5f, &pt);
    return pt.water > g ? pt.water : g;
}

void oy_world_place(const oy_world *w, const oy_state *st, double x, double z,
                    oy_place_info *out)
{
    const oy_world_shape *sh = shape_for(w, st);
    oy_world_point pt, px, pz;
    float e = 2.0f;
    oy_world_eval(w, sh, x, z, 0.5f, &pt);
    float gx = oy_world_eval(w, sh, x + e, z, 0.5f, &px);
    float gz = oy_world_eval(w, sh, x, z + e, 0.5f, &pz);
    float slope = sqrtf((gx - pt.ground) * (gx - pt.ground) + (gz - pt.ground) * (gz - pt.ground)) / e;
    oy_world_material(w, sh, x, z, slope, &pt);
    out->ground = pt.ground;
    out->water = pt.water;
    out->water_kind = pt.water_kind;
    out->water_dist = pt.water_dist;
    memcpy(out->biome, pt.biome, sizeof out->biome);
    out->vegetation = oy_clampf(pt.canopy / 14.0f + sh->veg * (1.0f - pt.biome[2] - pt.biome[3]) * 0.5f,
                                0.0f, 1.0f);
}
