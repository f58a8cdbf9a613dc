/*
 * solid.c - the scene's primitives as triangles for the world export:
 * ellipsoids as UV spheres, upright frusta as prisms and cones, convex
 * hulls as their faces (a large square on each plane clipped by the
 * others). Each face is turned out of the solid by its own outward
 * direction, so mirrored frames and any instance transform keep them
 * facing out.
 */
#include <math.h>
#include <string.h>

#include "../core/core.h"
#include "mesh.h"

#define STACKS 8
#define SLICES 12
#define SIDES 12
#define POLY_MAX (4 + 2 * OY_HULL_PLANES)

/* local point l through the instance transform */
static void apply(const double xf[4][3], const double l[3], double w[3])
{
    for (int i = 0; i < 3; i++)
        w[i] = xf[0][i] + l[0] * xf[1][i] + l[1] * xf[2][i] + l[2] * xf[3][i];
}

static void apply_dir(const double xf[4][3], const double l[3], double w[3])
{
    for (int i = 0; i < 3; i++)
        w[i] = l[0] * xf[1][i] + l[1] * xf[2][i] + l[2] * xf[3][i];
}

/* the vertices of local points l[0..n) into idx */
static int vertices(oy_mesh *m, const double xf[4][3], const double (*l)[3], int n,
                    const float rgb[3], uint32_t *idx)
{
    for (int i = 0; i < n; i++) {
        double w[3];
        apply(xf, l[i], w);
        int64_t v = oy_mesh_vertex(m, w, rgb);
        if (v < 0)
            return (int)v;
        idx[i] = (uint32_t)v;
    }
    return 0;
}

/* triangle a, b, c of local points pts (indices into idx) facing away
 * from local point in */
static int tri_from(oy_mesh *m, const double xf[4][3], const double (*pts)[3], const uint32_t *idx,
                    int a, int b, int c, const double in[3])
{
    double out[3], w[3];
    for (int i = 0; i < 3; i++)
        out[i] = (pts[a][i] + pts[b][i] + pts[c][i]) / 3.0 - in[i];
    apply_dir(xf, out, w);
    return oy_mesh_tri(m, idx[a], idx[b], idx[c], w);
}

static int ellipsoid(oy_mesh *m, const oy_prim *p, const double xf[4][3], const float rgb[3])
{
    enum { N = 2 + (STACKS - 1) * SLICES };
    double l[N][3], c[3] = { p->c[0], p->c[1], p->c[2] };
    uint32_t idx[N];
    int err;
    l[0][0] = c[0]; l[0][1] = c[1] + p->r[1]; l[0][2] = c[2];
    l[1][0] = c[0]; l[1][1] = c[1] - p->r[1]; l[1][2] = c[2];
    for (int i = 1; i < STACKS; i++) {
        float th = (float)OY_PI * (float)i / STACKS, s = oy_sinf(th), y = oy_cosf(th);
        for (int j = 0; j < SLICES; j++) {
            float ph = 2.0f * (float)OY_PI * (float)j / SLICES;
            double *q = l[2 + (i - 1) * SLICES + j];
            q[0] = c[0] + (double)(s * oy_cosf(ph) * p->r[0]);
            q[1] = c[1] + (double)(y * p->r[1]);
            q[2] = c[2] + (double)(s * oy_sinf(ph) * p->r[2]);
        }
    }
    if ((err = vertices(m, xf, (const double (*)[3])l, N, rgb, idx)))
        return err;
    for (int j = 0; j < SLICES && !err; j++) {
        int j1 = (j + 1) % SLICES, top = 2, bot = 2 + (STACKS - 2) * SLICES;
        err = tri_from(m, xf, (const double (*)[3])l, idx, 0, top + j, top + j1, c);
        if (!err)
            err = tri_from(m, xf, (const double (*)[3])l, idx, 1, bot + j1, bot + j, c);
        for (int i = 0; i + 1 < STACKS - 1 && !err; i++) {
            int a = 2 + i * SLICES + j, b = 2 + i * SLICES + j1, d = a + SLICES, e = b + SLICES;
            err = tri_from(m, xf, (const double (*)[3])l, idx, a, d, e, c);
            if (!err)
                err = tri_from(m, xf, (const double (*)[3])l, idx, a, e, b, c);
        }
    }
    return err;
}

/* rings at the base (radius r0) and top (r1), a point where a radius is
 * zero, and the caps' centres */
static int frustum(oy_mesh *m, const oy_prim *p, const double xf[4][3], const float rgb[3])
{
    enum { N = 2 * SIDES + 2 };
    double l[N][3], y0 = p->c[1], y1 = p->c[1] + p->r[2];
    double mid[3] = { p->c[0], 0.5 * (y0 + y1), p->c[2] };
    uint32_t idx[N];
    int err, nb = p->r[0] > 0.0f ? SIDES : 1, nt = p->r[1] > 0.0f ? SIDES : 1;
    for (int j = 0; j < SIDES; j++) {
        float ph = 2.0f * (float)OY_PI * (float)j / SIDES, cs = oy_cosf(ph), sn = oy_sinf(ph);
        for (int k = 0; k < 2; k++) {
            double *q = l[k * SIDES + j];
            float r = p->r[k];
            q[0] = p->c[0] + (double)(cs * r);
            q[1] = k ? y1 : y0;
            q[2] = p->c[2] + (double)(sn * r);
        }
    }
    memcpy(l[2 * SIDES], (double[3]){ p->c[0], y0, p->c[2] }, sizeof l[0]);
    memcpy(l[2 * SIDES + 1], (double[3]){ p->c[0], y1, p->c[2] }, sizeof l[0]);
    if ((err = vertices(m, xf, (const double (*)[3])l, N, rgb, idx)))
        return err;
    /* a ring of radius zero is its first point */
    for (int j = 0; j < SIDES && !err; j++) {
        int j1 = (j + 1) % SIDES;
        int b0 = nb > 1 ? j : 0, b1 = nb > 1 ? j1 : 0, t0 = SIDES + (nt > 1 ? j : 0), t1 = SIDES + (nt > 1 ? j1 : 0);
        if (nb > 1)
            err = tri_from(m, xf, (const double (*)[3])l, idx, b0, b1, t0, mid);
        if (!err && nt > 1)
            err = tri_from(m, xf, (const double (*)[3])l, idx, t0, b1, t1, mid);
        if (!err && nb > 1)
            err = tri_from(m, xf, (const double (*)[3])l, idx, 2 * SIDES, b0, b1, mid);
        if (!err && nt > 1)
            err = tri_from(m, xf, (const double (*)[3])l, idx, 2 * SIDES + 1, t0, t1, mid);
    }
    return err;
}

/* polygon poly (n points) clipped to n . p <= d */
static int clip(double (*poly)[3], int n, const float pl[4])
{
    double out[POLY_MAX][3], prev_d;
    int k = 0;
    if (n < 1)
        return 0;
    const double *prev = poly[n - 1];
    prev_d = pl[0] * prev[0] + pl[1] * prev[1] + pl[2] * prev[2] - pl[3];
    for (int i = 0; i < n; i++) {
        const double *cur = poly[i];
        double cur_d = pl[0] * cur[0] + pl[1] * cur[1] + pl[2] * cur[2] - pl[3];
        if ((cur_d <= 0.0) != (prev_d <= 0.0) && k < POLY_MAX) {
            double t = prev_d / (prev_d - cur_d);
            for (int j = 0; j < 3; j++)
                out[k][j] = prev[j] + (cur[j] - prev[j]) * t;
            k++;
        }
        if (cur_d <= 0.0 && k < POLY_MAX) {
            memcpy(out[k], cur, sizeof out[k]);
            k++;
        }
        prev = cur;
        prev_d = cur_d;
    }
    memcpy(poly, out, sizeof out[0] * (size_t)k);
    return k;
}

static int same_plane(const float a[4], const float b[4])
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] > 0.99999f && fabsf(a[3] - b[3]) < 1e-5f;
}

static int hull(oy_mesh *m, const oy_prim *p, const double xf[4][3], const float rgb[3])
{
    double R = 2.0 * p->r[0] + 1.0;
    for (int k = 0; k < p->np; k++) {
        const float *pl = p->pl[k];
        int dup = 0;
        for (int j = 0; j < k; j++)
            dup |= same_plane(p->pl[j], pl);
        if (dup)
            continue;
        /* a square on the plane round the hull's centre */
        double n[3] = { pl[0], pl[1], pl[2] };
        double off = n[0] * p->c[0] + n[1] * p->c[1] + n[2] * p->c[2] - pl[3];
        double q[3] = { p->c[0] - off * n[0], p->c[1] - off * n[1], p->c[2] - off * n[2] };
        double a[3] = { 0, 0, 0 }, t1[3], t2[3];
        a[fabs(n[0]) < 0.6 ? 0 : fabs(n[1]) < 0.6 ? 1 : 2] = 1.0;
        t1[0] = n[1] * a[2] - n[2] * a[1];
        t1[1] = n[2] * a[0] - n[0] * a[2];
        t1[2] = n[0] * a[1] - n[1] * a[0];
        double l1 = sqrt(t1[0] * t1[0] + t1[1] * t1[1] + t1[2] * t1[2]);
        for (int i = 0; i < 3; i++)
            t1[i] /= l1;
        t2[0] = n[1] * t1[2] - n[2] * t1[1];
        t2[1] = n[2] * t1[0] - n[0] * t1[2];
        t2[2] = n[0] * t1[1] - n[1] * t1[0];
        double poly[POLY_MAX][3];
        static const int sq[4][2] = { { -1, -1 }, { 1, -1 }, { 1, 1 }, { -1, 1 } };
        for (int c = 0; c < 4; c++)
            for (int i = 0; i < 3; i++)
                poly[c][i] = q[i] + R * (sq[c][0] * t1[i] + sq[c][1] * t2[i]);
        int np = 4;
        for (int j = 0; j < p->np && np >= 3; j++)
            if (j != k && !same_plane(p->pl[j], pl))
                np = clip(poly, np, p->pl[j]);
        if (np < 3)
            continue;
        uint32_t idx[POLY_MAX];
        int err = vertices(m, xf, (const double (*)[3])poly, np, rgb, idx);
        double out[3];
        apply_dir(xf, n, out);
        for (int i = 1; i + 1 < np && !err; i++)
            err = oy_mesh_tri(m, idx[0], idx[i], idx[i + 1], out);
        if (err)
            return err;
    }
    return 0;
}

int oy_mesh_prim(oy_mesh *m, const oy_prim *p, const double xf[4][3], const float rgb[3])
{
    switch (p->type) {
    case OY_PRIM_ELLIPSOID: return ellipsoid(m, p, xf, rgb);
    case OY_PRIM_FRUSTUM: return frustum(m, p, xf, rgb);
    default: return hull(m, p, xf, rgb);
    }
}
