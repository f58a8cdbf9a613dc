/*
 * plan.c - the set plan: where the world's named features stand
 * (docs/architecture.md, "The set does not depend on the camera"). Each feature has a default place around the origin, facing
 * +z where the default camera looks, varied by the seed; world.layout
 * moves or sizes any of them. Nothing here reads the camera, so every shot
 * with the same world: block and seed stands on the same set. Lines (a
 * valley's axis, a river, a coast) are polylines extended far past both
 * ends with seeded bends, so they continue beyond any shot; distances to
 * them are exact, not cached, so they are pure.
 */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "world.h"

#define EXTEND 20000.0
#define BENDS 3

/* The course's continuation from (x, z) heading (dx, dz), as BENDS points:
 * a straight reach, then a turn to a side the seed picks, then a second
 * smaller one and a long run. Valleys and rivers laid along it bend away
 * out of sight, so a view down them ends on their far walls and not on a
 * flat line to the horizon. */
static void extend(uint64_t seed, int line, int end, double x, double z, double dx,
                   double dz, double *ox, double *oz)
{
    static const double len[BENDS] = { 1800.0, 1500.0, EXTEND }, turn[BENDS] = { 0.0, 0.4, 0.3 };
    uint64_t h = oy_hash(seed, OY_STREAM_TERRAIN, 7, (uint64_t)end, (uint64_t)line);
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

/* A line through n points (x, z pairs), extended at both ends. */
static void line_setup(oy_plan_line *L, uint64_t seed, int id, const double (*p)[2], int n)
{
    double bx[BENDS], bz[BENDS];
    assert(n >= 2 && n + 2 * BENDS <= OY_PLAN_MAXPTS);
    double l0 = hypot(p[1][0] - p[0][0], p[1][1] - p[0][1]);
    double l1 = hypot(p[n - 1][0] - p[n - 2][0], p[n - 1][1] - p[n - 2][1]);
    int np = 0;

    extend(seed, id, 0, p[0][0], p[0][1], (p[0][0] - p[1][0]) / l0,
           (p[0][1] - p[1][1]) / l0, bx, bz);
    for (int i = BENDS - 1; i >= 0; i--, np++) {
        L->px[np] = bx[i];
        L->pz[np] = bz[i];
    }
    L->real0 = np;
    for (int i = 0; i < n; i++, np++) {
        L->px[np] = p[i][0];
        L->pz[np] = p[i][1];
    }
    L->real1 = np - 1;
    extend(seed, id, 1, p[n - 1][0], p[n - 1][1], (p[n - 1][0] - p[n - 2][0]) / l1,
           (p[n - 1][1] - p[n - 2][1]) / l1, bx, bz);
    for (int i = 0; i < BENDS; i++, np++) {
        L->px[np] = bx[i];
        L->pz[np] = bz[i];
    }
    L->np = np;
}

void oy_world_line_near(const oy_plan_line *L, double x, double z, oy_line_near *n)
{
    double best = 1e300;
    n->sd = 0.0;
    n->x = L->px[0];
    n->z = L->pz[0];
    for (int i = 0; i + 1 < L->np; i++) {
        double ax = L->px[i], az = L->pz[i];
        double ux = L->px[i + 1] - ax, uz = L->pz[i + 1] - az;
        double ll = ux * ux + uz * uz;
        double t = ll > 0.0 ? ((x - ax) * ux + (z - az) * uz) / ll : 0.0;
        t = t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
        double qx = ax + ux * t, qz = az + uz * t;
        double d2 = (x - qx) * (x - qx) + (z - qz) * (z - qz);
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
}

/* A seeded number in [lo, hi) for the default layout. */
static double pick(uint64_t seed, int what, double lo, double hi)
{
    return lo + (hi - lo) * oy_u01(oy_hash(seed, OY_STREAM_TERRAIN, 11, (uint64_t)what, 0));
}

static int line_given(const oy_layout_item *it) { return it->given && it->npts >= 2; }

void oy_world_plan_setup(oy_world *w, const oy_layout_item *layout)
{
    static const oy_layout_item none[OY_FEAT_COUNT];
    uint64_t seed = w->seed;
    double s = (oy_hash(seed, OY_STREAM_WATER, 1, 0, 0) & 1) ? 1.0 : -1.0;
    double axis[5][2] = {
        { pick(seed, 1, -250.0, 250.0), -1500.0 }, { pick(seed, 4, -80.0, 80.0), -450.0 },
        { 0.0, 0.0 }, { pick(seed, 5, -90.0, 90.0), 500.0 }, { pick(seed, 2, -300.0, 300.0), 1500.0 },
    };
    /* the shore crosses the default view: land under the camera, the
     * water 6 m to one side and ahead from about 60 m, the coastline
     * receding on the other side (terrain.c keeps a cove with a beach
     * there, so that cliffs do not hide the sea) */
    double shore[2][2] = { { 26.0 * s, -200.0 }, { -94.0 * s, 1000.0 } };

    if (!layout)
        layout = none;
    memset(w->feat, 0, sizeof w->feat);
    for (int f = 0; f < OY_FEAT_COUNT; f++) {
        w->feat[f].placed = layout[f].given;
        w->feat[f].size = layout[f].has_size ? layout[f].size : 0.0;
        w->feat[f].height = layout[f].has_height ? layout[f].height : 0.0;
    }
    w->side_river = (oy_hash(seed, OY_STREAM_WATER, 2, 0, 0) & 1) ? 1.0f : -1.0f;
    double wind = pick(seed, 3, 0.0, 2.0 * OY_PI);
    w->wind_x = oy_cos(wind);
    w->wind_z = oy_sin(wind);

    /* valley, canyon and river share one course unless told otherwise:
     * the canyon follows the valley, the river the canyon */
    const oy_layout_item *course = NULL;
    static const int along[] = { OY_FEAT_VALLEY, OY_FEAT_CANYON, OY_FEAT_RIVER };
    for (int i = 0; i < 3; i++) {
        int f = along[i];
        if (line_given(&layout[f]))
            course = &layout[f];
        if (course)
            line_setup(&w->feat[f].line, seed, f, (const double (*)[2])course->through, course->npts);
        else
            line_setup(&w->feat[f].line, seed, f, (const double (*)[2])axis, 5);
        w->feat[f].own_course = line_given(&layout[f]);
    }
    if (line_given(&layout[OY_FEAT_COAST]))
        line_setup(&w->feat[OY_FEAT_COAST].line, seed, OY_FEAT_COAST,
                   (const double (*)[2])layout[OY_FEAT_COAST].through, layout[OY_FEAT_COAST].npts);
    else
        line_setup(&w->feat[OY_FEAT_COAST].line, seed, OY_FEAT_COAST,
                   (const double (*)[2])shore, 2);
    w->feat[OY_FEAT_COAST].sea = layout[OY_FEAT_COAST].sea ? layout[OY_FEAT_COAST].sea
                                 : line_given(&layout[OY_FEAT_COAST]) ? (int)-w->side_river : (int)s;

    /* areas: where they stand by default */
    static const struct { int f; double x, z0, z1; } areas[] = {
        { OY_FEAT_LAKE, 60.0, 0.0, 0.0 },   /* z: its near shore ahead (terrain.c) */
        { OY_FEAT_ISLAND, 0.0, 650.0, 800.0 },
        { OY_FEAT_PEAKS, 400.0, 2400.0, 3000.0 },
        { OY_FEAT_HILL, 110.0, 300.0, 400.0 },
        { OY_FEAT_CRATER, 0.0, 0.0, 0.0 },     /* z: its rim underfoot (terrain.c) */
        { OY_FEAT_CLEARING, 0.0, 100.0, 140.0 },
        { OY_FEAT_BUTTE, 110.0, 520.0, 650.0 },
    };
    for (size_t i = 0; i < sizeof areas / sizeof *areas; i++) {
        oy_plan_feature *F = &w->feat[areas[i].f];
        const oy_layout_item *it = &layout[areas[i].f];
        F->at_given = it->has_at;
        if (it->has_at) {
            F->x = it->at[0];
            F->z = it->at[1];
        } else {
            /* the hill and the peaks stand on the default coast's land
             * side, the lake and the butte across the view from them */
            int land = areas[i].f == OY_FEAT_HILL || areas[i].f == OY_FEAT_PEAKS;
            F->x = areas[i].x * s * (land ? -1.0 : 1.0) * pick(seed, 20 + areas[i].f, 0.5, 1.0);
            F->z = pick(seed, 40 + areas[i].f, areas[i].z0, areas[i].z1);
        }
    }
}

void oy_world_sea_ahead(oy_world *w)
{
    /* west to east, so the sea (+z) lies on its left */
    static const double bay[5][2] = { { -1400.0, 700.0 }, { -400.0, 120.0 }, { 0.0, 12.0 },
                                      { 400.0, 120.0 }, { 1400.0, 700.0 } };
    oy_plan_feature *C = &w->feat[OY_FEAT_COAST];
    if (C->placed)
        return;
    line_setup(&C->line, w->seed, OY_FEAT_COAST, bay, 5);
    C->sea = -1;
}

const oy_plan_feature *oy_world_feature(const oy_world *w, int f)
{
    assert(f >= 0 && f < OY_FEAT_COUNT);
    return &w->feat[f];
}
