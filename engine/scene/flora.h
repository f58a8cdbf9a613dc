/*
 * flora.h - the forest's trees near the view (flora.c), for the renderer.
 */
#ifndef OY_FLORA_H
#define OY_FLORA_H

#include "../world/world.h"
#include "scene.h"

#define OY_FLORA_TILE 48.0       /* metres per tile side */
#define OY_FLORA_STEP 6.0        /* one tree place per step x step */
#define OY_FLORA_PER_TILE 64     /* (TILE / STEP)^2 */

typedef struct oy_tree {
    double x, z;                 /* world */
    float ground;
    float size;                  /* scale of its kind's prototype */
    float water;                 /* still water it stands by (and may be
                                    mirrored in), or -1e9 */
    const oy_kind *kind;
    uint64_t seed;
} oy_tree;

typedef struct oy_flora oy_flora;
int oy_flora_new(oy_flora **out);
void oy_flora_free(oy_flora **f);
/* The trees of tile (tx, tz) for a world shape; *n of them. The pointer
 * holds until the next call. */
const oy_tree *oy_flora_tile(oy_flora *f, const oy_world *w, const oy_world_shape *sh,
                             int64_t tx, int64_t tz, int *n);

#endif
