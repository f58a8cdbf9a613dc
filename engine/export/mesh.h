/*
 * mesh.h - the world export's geometry (engine/export): indexed triangle
 * meshes with a colour per vertex, the solids of engine/scene as
 * triangles, and the writers of the .glb/.gltf, .ply and .obj files.
 * Coordinates are the exchange ones of export.h: a world point (x, y, z)
 * is stored as (x, y, -z), and triangles run counter-clockwise seen from
 * outside in that right-handed frame.
 */
#ifndef OY_MESH_H
#define OY_MESH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../scene/scene.h"

typedef struct oy_mesh {
    const char *name;          /* "terrain", "water", "canopy", "objects", "trees" */
    float *pos;                /* 3 a vertex: exchange coordinates, m */
    float *rgb;                /* 3 a vertex: linear albedo, 0..1 */
    uint32_t *tri;             /* 3 a triangle */
    size_t nv, nt, vcap, tcap;
} oy_mesh;

void oy_mesh_release(oy_mesh *m);
/* Append a vertex at world point p with colour rgb: its index, or a
 * negative error. */
int64_t oy_mesh_vertex(oy_mesh *m, const double p[3], const float rgb[3]);
/* Append the triangle a, b, c turned to face along out, a direction in
 * world coordinates pointing out of the surface. */
int oy_mesh_tri(oy_mesh *m, uint32_t a, uint32_t b, uint32_t c, const double out[3]);

/* Append primitive p of a thing, in colour rgb: an ellipsoid as a UV
 * sphere, a frustum as a prism or cone, a hull as its clipped faces. xf
 * takes the thing's own frame to the world: xf[0] is its origin's place,
 * xf[1..3] the images of its unit axes. */
int oy_mesh_prim(oy_mesh *m, const oy_prim *p, const double xf[4][3], const float rgb[3]);

/* A colour channel of linear light as an sRGB byte. */
uint8_t oy_mesh_srgb8(float v);

/* The writers, over n meshes (empty ones are left out). */
int oy_mesh_write_gltf(const oy_mesh *m, int n, int binary, FILE *f);
/* binary_little_endian points: every vertex, and points spread over the
 * triangles of meshes from index first_fill on, about spacing m apart */
int oy_mesh_write_ply(const oy_mesh *m, int n, int first_fill, float spacing, FILE *f);
/* mtl: the library's file name as the .obj names it */
int oy_mesh_write_obj(const oy_mesh *m, int n, const char *mtl, FILE *f);
int oy_mesh_write_mtl(const oy_mesh *m, int n, FILE *f);

#endif
