/*
 * mesh.c - the world export's triangle meshes: vertices written in the
 * exchange frame as they are added, triangles turned to face out.
 */
#include <stdlib.h>

#include "../core/core.h"
#include "mesh.h"

void oy_mesh_release(oy_mesh *m)
{
    free(m->pos);
    free(m->rgb);
    free(m->tri);
    m->pos = m->rgb = NULL;
    m->tri = NULL;
    m->nv = m->nt = m->vcap = m->tcap = 0;
}

int64_t oy_mesh_vertex(oy_mesh *m, const double p[3], const float rgb[3])
{
    size_t cap = m->vcap;
    if (m->nv >= UINT32_MAX)
        return OYSTER_E_NOMEM;
    if (oy_grow(&m->pos, &cap, m->nv + 1, 3 * sizeof *m->pos))
        return OYSTER_E_NOMEM;
    cap = m->vcap;
    if (oy_grow(&m->rgb, &cap, m->nv + 1, 3 * sizeof *m->rgb))
        return OYSTER_E_NOMEM;
    m->vcap = cap;
    float *q = m->pos + 3 * m->nv, *c = m->rgb + 3 * m->nv;
    q[0] = (float)p[0];
    q[1] = (float)p[1];
    q[2] = (float)-p[2];
    for (int i = 0; i < 3; i++)
        c[i] = oy_clampf(rgb[i], 0.0f, 1.0f);
    return (int64_t)m->nv++;
}

int oy_mesh_tri(oy_mesh *m, uint32_t a, uint32_t b, uint32_t c, const double out[3])
{
    const float *pa = m->pos + 3 * (size_t)a, *pb = m->pos + 3 * (size_t)b, *pc = m->pos + 3 * (size_t)c;
    double u[3], v[3];
    for (int i = 0; i < 3; i++) {
        u[i] = (double)pb[i] - pa[i];
        v[i] = (double)pc[i] - pa[i];
    }
    double n[3] = { u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0] };
    if (n[0] * out[0] + n[1] * out[1] - n[2] * out[2] < 0.0) {
        uint32_t s = b;
        b = c;
        c = s;
    }
    if (oy_grow(&m->tri, &m->tcap, m->nt + 1, 3 * sizeof *m->tri))
        return OYSTER_E_NOMEM;
    uint32_t *t = m->tri + 3 * m->nt++;
    t[0] = a;
    t[1] = b;
    t[2] = c;
    return 0;
}

uint8_t oy_mesh_srgb8(float v)
{
    v = oy_clampf(v, 0.0f, 1.0f);
    float s = v <= 0.0031308f ? 12.92f * v : 1.055f * oy_powf(v, 1.0f / 2.4f) - 0.055f;
    return (uint8_t)(oy_clampf(s, 0.0f, 1.0f) * 255.0f + 0.5f);
}
