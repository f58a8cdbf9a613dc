/*
 * mesh_ply.c - the world export as a coloured point cloud (PLY,
 * binary_little_endian): every vertex of the meshes, and points spread
 * over the triangles of the things (about one per spacing^2 of surface),
 * whose few vertices alone would leave them hollow. Colours are sRGB
 * bytes.
 */
#include <math.h>
#include <string.h>

#include "../core/core.h"
#include "mesh.h"

#define FILL_MAX 4096             /* points on one triangle */

/* points on triangle t at about one per spacing^2 of its area */
static int fill_count(const oy_mesh *m, size_t t, float s)
{
    const uint32_t *v = m->tri + 3 * t;
    const float *a = m->pos + 3 * (size_t)v[0], *b = m->pos + 3 * (size_t)v[1], *c = m->pos + 3 * (size_t)v[2];
    double u[3], w[3];
    for (int i = 0; i < 3; i++) {
        u[i] = (double)b[i] - a[i];
        w[i] = (double)c[i] - a[i];
    }
    double x = u[1] * w[2] - u[2] * w[1], y = u[2] * w[0] - u[0] * w[2], z = u[0] * w[1] - u[1] * w[0];
    double n = floor(0.5 * sqrt(x * x + y * y + z * z) / ((double)s * s) + 0.5);
    return n > FILL_MAX ? FILL_MAX : (int)n;
}

static void put_f32(FILE *f, float v)
{
    uint32_t u;
    memcpy(&u, &v, 4);
    for (int i = 0; i < 4; i++)
        fputc((int)(u >> (8 * i) & 0xff), f);
}

static void point(FILE *f, const float p[3], const float rgb[3])
{
    for (int i = 0; i < 3; i++)
        put_f32(f, p[i]);
    for (int i = 0; i < 3; i++)
        fputc(oy_mesh_srgb8(rgb[i]), f);
}

int oy_mesh_write_ply(const oy_mesh *m, int n, int first_fill, float spacing, FILE *f)
{
    size_t count = 0;
    for (int k = 0; k < n; k++) {
        count += m[k].nv;
        for (size_t t = 0; k >= first_fill && t < m[k].nt; t++)
            count += (size_t)fill_count(&m[k], t, spacing);
    }
    fprintf(f, "ply\nformat binary_little_endian 1.0\n"
            "comment oyster " OYSTER_VERSION " world export: metres, y up, oyster's (x, y, z) as (x, y, -z)\n"
            "element vertex %zu\nproperty float x\nproperty float y\nproperty float z\n"
            "property uchar red\nproperty uchar green\nproperty uchar blue\nend_header\n", count);
    for (int k = 0; k < n; k++) {
        for (size_t i = 0; i < m[k].nv; i++)
            point(f, m[k].pos + 3 * i, m[k].rgb + 3 * i);
        for (size_t t = 0; k >= first_fill && t < m[k].nt; t++) {
            const uint32_t *v = m[k].tri + 3 * t;
            int s = fill_count(&m[k], t, spacing);
            for (int i = 0; i < s; i++) {
                /* the R2 sequence over the square, folded onto the triangle */
                double a = 0.5 + 0.7548776662466927 * i, b = 0.5 + 0.5698402909980532 * i;
                float p[3], rgb[3];
                a -= floor(a);
                b -= floor(b);
                if (a + b > 1.0) {
                    a = 1.0 - a;
                    b = 1.0 - b;
                }
                float fa = (float)a, fb = (float)b, fc = 1.0f - fa - fb;
                for (int q = 0; q < 3; q++) {
                    p[q] = fc * m[k].pos[3 * v[0] + q] + fa * m[k].pos[3 * v[1] + q] + fb * m[k].pos[3 * v[2] + q];
                    rgb[q] = fc * m[k].rgb[3 * v[0] + q] + fa * m[k].rgb[3 * v[1] + q] + fb * m[k].rgb[3 * v[2] + q];
                }
                point(f, p, rgb);
            }
        }
    }
    return 0;
}
