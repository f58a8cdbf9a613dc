/*
 * world - the infinite procedural world: terrain, biomes, water, materials.
 *
 * Everything here is a pure function of the seed, the latent state's
 * terrain/biome/water channels and a position: the world at a place never
 * depends on the order it was visited or on any cache (DESIGN §3). Macro
 * shape follows the prompt's concepts and is laid along the camera path
 * (a valley has its floor where the camera goes, a river runs through it).
 */
#ifndef OY_WORLD_H
#define OY_WORLD_H

#include "../core/core.h"
#include "../model/model.h"

typedef struct oy_world oy_world;

/* path: the shot's camera positions on the ground (x, z pairs), in order;
 * the world bends its macro shape to them. npath may be 0. */
int oy_world_new(oy_world **out, uint64_t seed, const double *path_xz,
                 int npath);
void oy_world_free(oy_world **w);

enum oy_water_kind { OY_WATER_NONE, OY_WATER_SEA, OY_WATER_LAKE, OY_WATER_RIVER };

/* Ground height (m) at x, z for the state's terrain channels. */
float oy_world_ground(const oy_world *w, const oy_state *st, double x, double z);
/* Height of the surface the camera stands on: ground or water. */
float oy_world_surface(const oy_world *w, const oy_state *st, double x, double z);

/* What is at a place, for the audio decoder and object placement. */
typedef struct oy_place_info {
    float ground;           /* m */
    float water;            /* water surface height, or -1e9 when none */
    int water_kind;         /* OY_WATER_* nearest within 200 m */
    float water_dist;       /* m to the nearest water (capped at 200) */
    float biome[8];         /* weights in OY_CH_BIOME_* order, sum 1 */
    float vegetation;       /* 0..1 local vegetation cover */
} oy_place_info;
void oy_world_place(const oy_world *w, const oy_state *st, double x, double z,
                    oy_place_info *out);

#endif
