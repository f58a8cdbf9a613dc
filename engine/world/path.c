/*
 * path.c - the camera path as the world sees it: a polyline of at most
 * OY_WORLD_MAXPATH points, resampled by arc length and extended far past
 * both ends, so valleys, rivers and coasts laid along it continue beyond
 * the shot. Distances to it are exact, not cached, so they are pure.
 */
#include <math.h>

#include "world.h"

#define EXTEND 20000.0
#define BENDS 3

/* The path's continuation from (x, z) heading (dx, dz), as BENDS points:
 * a straight reach, then a turn to a side the seed picks, then a second
 * smaller one and a long run. Valleys and rivers laid along it bend away
 * out of sight, so a view down them ends on their far walls and not on a
 * flat line to the horizon. */
static void extend(const oy_world *w, double x, double z, double dx, double dz, int end,
                   double *ox, double *oz)
{
    static const double len[BENDS] = { 1800.0, 1500.0, EXTEND }, turn[BENDS] = { 0.0, 0.4, 0.3 };
    uint64_t h = oy_hash(w->seed, OY_STREAM_TERRAIN, 7, (uint64_t)end, 0);
    double side = (h & 1) ? 1.0 : -1.0, a = 0.0;
    for (int i = 0; i < BENDS; i++) {
        a += side * turn[i] * (0.8 + 0.4 * oy_u01(h >> (8 + 8 * i)));
        double c = oy_cos(a), s = oy_sin(a);
        double ux = dx * c + dz * s, uz = dz * c - dx * s;
        x += ux * len[i];
        z += uz * len[i];
        ox[i] = x;
        oz[i] = z;
    }
}

/* Keep at most max points, evenly spaced by arc length. */
static int resample(const double *xz, int n, double *ox, double *oz, int max)
{
    double total = 0.0;
    for (int i = 1; i < n; i++)
        total += hypot(xz[2 * i] - xz[2 * i - 2], xz[2 * i + 1] - xz[2 * i - 1]);
    if (n <= max) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            /* drop points closer than 1 m to the previous one */
            if (m && hypot(xz[2 * i] - ox[m - 1], xz[2 * i + 1] - oz[m - 1]) < 1.0)
                continue;
            ox[m] = xz[2 * i];
            oz[m] = xz[2 * i + 1];
            m++;
        }
        return m;
    }
    int seg = 1;
    double acc = 0.0, seglen = hypot(xz[2] - xz[0], xz[3] - xz[1]);
    for (int k = 0; k < max; k++) {
        double target = total * k / (max - 1);
        while (seg < n - 1 && acc + seglen < target) {
            acc += seglen;
            seg++;
            seglen = hypot(xz[2 * seg] - xz[2 * seg - 2], xz[2 * seg + 1] - xz[2 * seg - 1]);
        }
        double t = seglen > 0.0 ? (target - acc) / seglen : 0.0;
        t = t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
        ox[k] = xz[2 * seg - 2] + (xz[2 * seg] - xz[2 * seg - 2]) * t;
        oz[k] = xz[2 * seg - 1] + (xz[2 * seg + 1] - xz[2 * seg - 1]) * t;
    }
    return max;
}

void oy_world_path_setup(oy_world *w, const double *xz, int n)
{
    static const double origin[2] = { 0.0, 0.0 };
    double x[OY_WORLD_MAXPATH], z[OY_WORLD_MAXPATH];
    int m;

    if (n <= 0) {
        xz = origin;
        n = 1;
    }
    m = resample(xz, n, x, z, OY_WORLD_MAXPATH - 2 * BENDS);
    w->cx = w->cz = 0.0;
    for (int i = 0; i < m; i++) {
        w->cx += x[i] / m;
        w->cz += z[i] / m;
    }
    w->extent = 0.0;
    for (int i = 0; i < m; i++)
        w->extent = fmax(w->extent, hypot(x[i] - w->cx, z[i] - w->cz));
    /* direction of travel; a still camera gets +z (yaw 0) */
    double dx = x[m - 1] - x[0], dz = z[m - 1] - z[0], len = hypot(dx, dz);
    if (len < 1.0) {
        dx = 0.0;
        dz = 1.0;
    } else {
        dx /= len;
        dz /= len;
    }
    w->dirx = dx;
    w->dirz = dz;
    /* extend along the end segments (or the travel direction) */
    double sx = dx, sz = dz, ex = dx, ez = dz;
    if (m >= 2) {
        double l0 = hypot(x[1] - x[0], z[1] - z[0]);
        double l1 = hypot(x[m - 1] - x[m - 2], z[m - 1] - z[m - 2]);
        sx = (x[1] - x[0]) / l0;
        sz = (z[1] - z[0]) / l0;
        ex = (x[m - 1] - x[m - 2]) / l1;
        ez = (z[m - 1] - z[m - 2]) / l1;
    }
    double bx[BENDS], bz[BENDS];
    extend(w, x[0], z[0], -sx, -sz, 0, bx, bz);
    int np = 0;
    for (int i = BENDS - 1; i >= 0; i--, np++) {
        w->px[np] = bx[i];
        w->pz[np] = bz[i];
    }
    w->real0 = np;
    for (int i = 0; i < m; i++, np++) {
        w->px[np] = x[i];
        w->pz[np] = z[i];
    }
    w->real1 = np - 1;
    extend(w, x[m - 1], z[m - 1], ex, ez, 1, bx, bz);
    for (int i = 0; i < BENDS; i++, np++) {
        w->px[np] = bx[i];
        w->pz[np] = bz[i];
    }
    w->np = np;
}

void oy_world_path_near(const oy_world *w, double x, double z, oy_path_near *n)
{
    double best = 1e300;
    double real = fmin(hypot(x - w->px[w->real0], z - w->pz[w->real0]),
                       hypot(x - w->px[w->real1], z - w->pz[w->real1]));
    n->d = n->sd = 0.0;
    n->x = w->px[0];
    n->z = w->pz[0];
    for (int i = 0; i + 1 < w->np; i++) {
        double ax = w->px[i], az = w->pz[i];
        double ux = w->px[i + 1] - ax, uz = w->pz[i + 1] - az;
        double ll = ux * ux + uz * uz;
        double t = ll > 0.0 ? ((x - ax) * ux + (z - az) * uz) / ll : 0.0;
        t = t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
        double qx = ax + ux * t, qz = az + uz * t;
        double d2 = (x - qx) * (x - qx) + (z - qz) * (z - qz);
        if (i >= w->real0 && i + 1 <= w->real1)
            real = fmin(real, sqrt(d2));
        if (d2 < best) {
            best = d2;
            n->x = qx;
            n->z = qz;
            /* right of travel is +; y up, so right = (dz, -dx) */
            double cr = uz * (x - ax) - ux * (z - az);
            n->sd = cr >= 0.0 ? 1.0 : -1.0;
        }
    }
    n->d = sqrt(best);
    n->sd *= n->d;
    n->dr = real;
}
