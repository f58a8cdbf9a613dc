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
 * the world bends its macro shape to them. npath may be 0. view: the
 * horizontal direction the shot first looks along (x, z), where a lake
 * goes; NULL for the path's own direction. */
int oy_world_new(oy_world **out, uint64_t seed, const double *path_xz,
                 int npath, const double *view);
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

/* ---- for the renderer's terrain bake (internal to world/ and render/) ----
 * A shape is the state's terrain and biome channels turned into the numbers
 * the height function needs; preparing one costs a few microseconds, so the
 * public queries keep one per thread keyed by the channel values. */
typedef struct oy_world_shape {
    float key[24];          /* the channel values this shape was made from */
    float relief_amp, hills_amp, detail_amp, cliff_h, plateau, valley, canyon;
    float coast, island, lake, river;
    float sea_level, floor0, low0;   /* floor at the path start */
    float lake_x, lake_z, lake_r, lake_level;
    float biome[8];         /* prompt biome weights, normalized */
    float veg, foliage, autumn;  /* vegetation and season channels */
} oy_world_shape;

/* Everything the renderer bakes for one ground point. */
typedef struct oy_world_point {
    float ground, water;    /* water surface, or -1e9 when dry */
    int water_kind;
    float water_dist;       /* m to the nearest water body edge (capped 200) */
    float biome[8];
    float canopy;           /* forest canopy height above ground, m */
    float rgb[3];           /* dry, snow-free linear albedo */
    float snow_aff;         /* 0..1 how readily snow lies here */
} oy_world_point;

void oy_world_shape_init(oy_world_shape *sh, const oy_world *w,
                         const oy_state *st);
/* Only the key: enough to tell whether a kept shape still applies. */
void oy_world_shape_key(oy_world_shape *sh, const oy_state *st);
/* Height (and with pt, everything else) at x, z; detail finer than
 * min_wl metres is left out so coarse bakes do not alias. */
float oy_world_eval(const oy_world *w, const oy_world_shape *sh, double x,
                    double z, float min_wl, oy_world_point *pt);
/* Material of a point already evaluated: albedo, canopy, snow affinity
 * from its biome, slope (|grad h|) and altitude. */
void oy_world_material(const oy_world *w, const oy_world_shape *sh, double x,
                       double z, float slope, oy_world_point *pt);
uint64_t oy_world_seed(const oy_world *w);

/* The world object, shared by the files of world/ only. */
#define OY_WORLD_PERM 1024
#define OY_WORLD_MAXPATH 72
struct oy_world {
    uint64_t seed;
    uint16_t perm[2 * OY_WORLD_PERM];
    float val[OY_WORLD_PERM];
    int np;                           /* path polyline, extended at both ends */
    int real0, real1;                 /* its first and last real point */
    double px[OY_WORLD_MAXPATH], pz[OY_WORLD_MAXPATH];
    double cx, cz, extent;            /* path centroid and radius */
    double dirx, dirz;                /* overall path direction */
    double viewx, viewz;              /* the first view's heading */
    float side_coast, side_river;     /* +-1: which side of the path */
};

/* Nearest point of the path: distance, signed distance (+ on the right)
 * and the point itself; dr is the distance to the part the camera really
 * travels, without the extensions. */
typedef struct oy_path_near {
    double d, sd, x, z, dr;
} oy_path_near;
void oy_world_path_setup(oy_world *w, const double *path_xz, int npath);
void oy_world_path_near(const oy_world *w, double x, double z, oy_path_near *n);

/* Value noise in [-1, 1] with its gradient, and sums of octaves. */
float oy_world_noise(const oy_world *w, double x, double z, float *dx, float *dz);
/* octaves of wavelength wl, wl/2, ... while above 2 * min_wl, fading out
 * the last one; returns roughly [-1, 1] */
float oy_world_fbm(const oy_world *w, double x, double z, double wl,
                   float min_wl, int max_oct);
/* the same with gradient damping: eroded-looking ridges and valleys */
float oy_world_fbm_eroded(const oy_world *w, double x, double z, double wl,
                          float min_wl, int max_oct);

#endif
