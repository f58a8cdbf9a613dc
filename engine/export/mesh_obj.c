/*
 * mesh_obj.c - the world export as Wavefront OBJ and its material
 * library. OBJ has no standard vertex colour, so both ways are given:
 * each vertex carries its colour in the common "v x y z r g b" extension
 * (sRGB, 0..1), and each face takes one of the library's materials, its
 * colour rounded to 16 steps of sRGB a channel (Kd in linear light, as
 * Blender reads it).
 */
#include <stdlib.h>

#include "../core/core.h"
#include "mesh.h"

#define LEVELS 16
#define BUCKETS (LEVELS * LEVELS * LEVELS)

/* the material of triangle t: its mean colour, rounded */
static int bucket(const oy_mesh *m, size_t t)
{
    const uint32_t *v = m->tri + 3 * t;
    int key = 0;
    for (int c = 0; c < 3; c++) {
        float mean = (m->rgb[3 * v[0] + c] + m->rgb[3 * v[1] + c] + m->rgb[3 * v[2] + c]) * (1.0f / 3.0f);
        key = key * LEVELS + (oy_mesh_srgb8(mean) * (LEVELS - 1) + 127) / 255;
    }
    return key;
}

int oy_mesh_write_obj(const oy_mesh *m, int n, const char *mtl, FILE *f)
{
    size_t base = 1, cap = 0;
    uint32_t *order = NULL;
    size_t *start = oy_calloc(BUCKETS + 1, sizeof *start);
    if (!start)
        return OYSTER_E_NOMEM;
    fprintf(f, "# oyster " OYSTER_VERSION " world export: metres, y up, oyster's (x, y, z) as (x, y, -z)\n"
            "mtllib %s\n", mtl);
    for (int k = 0; k < n; k++) {
        const oy_mesh *q = &m[k];
        if (!q->nt)
            continue;               /* its vertices are not written */
        fprintf(f, "o %s\n", q->name);
        for (size_t i = 0; i < q->nv; i++) {
            const float *p = q->pos + 3 * i, *c = q->rgb + 3 * i;
            fprintf(f, "v %.9g %.9g %.9g %.4f %.4f %.4f\n", p[0], p[1], p[2], oy_mesh_srgb8(c[0]) / 255.0,
                    oy_mesh_srgb8(c[1]) / 255.0, oy_mesh_srgb8(c[2]) / 255.0);
        }
        /* the faces by material, each material's in their own order */
        if (oy_grow(&order, &cap, q->nt, sizeof *order)) {
            free(start);
            return OYSTER_E_NOMEM;
        }
        for (int b = 0; b <= BUCKETS; b++)
            start[b] = 0;
        for (size_t t = 0; t < q->nt; t++)
            start[bucket(q, t) + 1]++;
        for (int b = 0; b < BUCKETS; b++)
            start[b + 1] += start[b];
        for (size_t t = 0; t < q->nt; t++)
            order[start[bucket(q, t)]++] = (uint32_t)t;
        int last = -1;
        for (size_t i = 0; i < q->nt; i++) {
            const uint32_t *v = q->tri + 3 * (size_t)order[i];
            int b = bucket(q, order[i]);
            if (b != last)
                fprintf(f, "usemtl c%03x\n", b);
            last = b;
            fprintf(f, "f %zu %zu %zu\n", base + v[0], base + v[1], base + v[2]);
        }
        base += q->nv;
    }
    free(order);
    free(start);
    return 0;
}

int oy_mesh_write_mtl(const oy_mesh *m, int n, FILE *f)
{
    uint8_t *used = oy_calloc(BUCKETS, 1);
    if (!used)
        return OYSTER_E_NOMEM;
    for (int k = 0; k < n; k++)
        for (size_t t = 0; t < m[k].nt; t++)
            used[bucket(&m[k], t)] = 1;
    fputs("# oyster " OYSTER_VERSION " world export: one material a colour, Kd in linear light\n", f);
    for (int b = 0; b < BUCKETS; b++) {
        if (!used[b])
            continue;
        float kd[3];
        for (int c = 0, key = b; c < 3; c++, key /= LEVELS) {
            float s = (float)(key % LEVELS) / (LEVELS - 1);
            kd[2 - c] = s <= 0.04045f ? s / 12.92f : oy_powf((s + 0.055f) / 1.055f, 2.4f);
        }
        fprintf(f, "\nnewmtl c%03x\nKd %.4f %.4f %.4f\nKs 0 0 0\nillum 1\n", b, kd[0], kd[1], kd[2]);
    }
    free(used);
    return 0;
}
