/*
 * mesh_gltf.c - the world export as glTF 2.0: a node and a mesh for each
 * kind of thing (terrain, water, objects, trees), positions, vertex
 * colours (linear, normalized 16-bit) and 32-bit indices, under one
 * material that shows the vertex colours: white, not metallic, rough.
 */
#include <stdlib.h>

#include "../core/core.h"
#include "export.h"
#include "mesh.h"

static int colours(oy_gltf *g, const oy_mesh *m)
{
    uint16_t *c = oy_calloc(m->nv * 4, sizeof *c);
    if (!c)
        return OYSTER_E_NOMEM;
    for (size_t i = 0; i < m->nv; i++) {
        for (int k = 0; k < 3; k++)
            c[4 * i + k] = (uint16_t)(m->rgb[3 * i + k] * 65535.0f + 0.5f);
        c[4 * i + 3] = 65535;
    }
    int a = oy_gltf_accessor(g, c, m->nv, OY_GLTF_USHORT, "VEC4", OY_GLTF_VERTICES, 1);
    free(c);
    return a;
}

static int members(oy_gltf *g, const oy_mesh *m, int n, FILE *f)
{
    int first = 1, k = 0;
    fputs("\"scene\":0,\"scenes\":[{\"name\":\"world\",\"nodes\":[", f);
    for (int i = 0; i < n; i++)
        if (m[i].nt) {
            fprintf(f, "%s%d", k ? "," : "", k);
            k++;
        }
    fputs("]}],\"nodes\":[", f);
    k = 0;
    for (int i = 0; i < n; i++)
        if (m[i].nt) {
            fprintf(f, "%s{\"name\":", k ? "," : "");
            oy_json_str(f, m[i].name);
            fprintf(f, ",\"mesh\":%d}", k++);
        }
    fputs("],\"meshes\":[", f);
    for (int i = 0; i < n; i++) {
        if (!m[i].nt)
            continue;
        int pos = oy_gltf_accessor(g, m[i].pos, m[i].nv, OY_GLTF_FLOAT, "VEC3", OY_GLTF_VERTICES, 0);
        int col = pos < 0 ? pos : colours(g, &m[i]);
        int idx = col < 0 ? col : oy_gltf_accessor(g, m[i].tri, m[i].nt * 3, OY_GLTF_UINT, "SCALAR",
                                                    OY_GLTF_INDICES, 0);
        if (idx < 0)
            return idx;
        fprintf(f, "%s{\"name\":", first ? "" : ",");
        oy_json_str(f, m[i].name);
        fprintf(f, ",\"primitives\":[{\"attributes\":{\"POSITION\":%d,\"COLOR_0\":%d},"
                "\"indices\":%d,\"material\":0,\"mode\":4}]}", pos, col, idx);
        first = 0;
    }
    fputs("],\"materials\":[{\"name\":\"vertex colour\",\"pbrMetallicRoughness\":"
          "{\"baseColorFactor\":[1,1,1,1],\"metallicFactor\":0,\"roughnessFactor\":1}}]", f);
    return 0;
}

int oy_mesh_write_gltf(const oy_mesh *m, int n, int binary, FILE *f)
{
    oy_gltf *g = NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *mf;
    int err;

    if ((err = oy_gltf_new(&g)))
        return err;
    if (!(mf = open_memstream(&text, &len))) {
        oy_gltf_free(&g);
        return OYSTER_E_NOMEM;
    }
    err = members(g, m, n, mf);
    if (fclose(mf) && !err)
        err = OYSTER_E_NOMEM;
    if (!err)
        err = oy_gltf_write(g, text, binary, f);
    free(text);
    oy_gltf_free(&g);
    return err;
}
