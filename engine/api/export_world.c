/*
 * export_world.c - `oyster export`: the world around the camera at a time
 * as meshes. The terrain is a grid round the camera, 1 m apart near it
 * and coarser with distance (a step of a 32nd of the distance), at the
 * heights the renderer's baked levels give at each point's distance from
 * the camera (oy_level_ground, for the shot's own frame size), coloured
 * with the renderer's ground albedo under the state's snow; the water is
 * the same grid at the water level where water covers the ground; the
 * canopy is the forest's crowns as the renderer raises them over the
 * ground with distance, where the trees give way to it; the placed things
 * and the forest's near trees are the instances the renderer gathers,
 * their primitives as triangles in their materials' albedo.
 * Single-threaded: the bytes depend only on the shot, its seed and the
 * time.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "outputs.h"
#include "shot.h"
#include "../export/mesh.h"
#include "../render/render_impl.h"

#define NEAR_STEP 1.0             /* m between grid lines at the camera */
#define STEP_GROWTH (1.0 / 32.0)  /* and a 32nd of the distance farther out */
#define FILL_SPACING 0.5f         /* m between a .ply's points on things */
#define CANOPY_MIN 0.4f           /* m: lower crowns the renderer shades as ground */
#define CANOPY_SINK 0.5f          /* m under the ground where the canopy ends */
#define LEAF_SHADE 0.72f          /* the mean of the renderer's crown bumps */
#define UNSET (-1e9f)

enum { FMT_GLB, FMT_GLTF, FMT_PLY, FMT_OBJ };
enum { M_TERRAIN, M_WATER, M_CANOPY, M_OBJECTS, M_TREES, M_COUNT };
static const char *const mesh_names[M_COUNT] = { "terrain", "water", "canopy", "objects", "trees" };

static int format_of(const char *path)
{
    static const char *const ext[] = { ".glb", ".gltf", ".ply", ".obj" };
    const char *dot = strrchr(path, '.');
    for (int i = 0; dot && !strchr(dot, '/') && i < 4; i++)
        if (!strcasecmp(dot, ext[i]))
            return i;
    return -1;
}

/* grid line offsets from the camera, -radius .. radius; *n of them */
static double *grid_lines(double radius, int *n)
{
    int half = 0;
    for (double o = 0.0; o < radius; o += fmax(NEAR_STEP, o * STEP_GROWTH))
        half++;
    double *g = oy_calloc((size_t)(2 * half + 1), sizeof *g);
    if (!g)
        return NULL;
    double o = 0.0;
    for (int i = 1; i <= half; i++) {
        o += fmax(NEAR_STEP, o * STEP_GROWTH);
        g[half + i] = fmin(o, radius);
        g[half - i] = -g[half + i];
    }
    *n = 2 * half + 1;
    return g;
}

typedef struct grid {
    int n;
    double *line, cx, cz;
    float range0;                 /* the renderer's finest level's reach */
    double *x, *z;                /* the lines' places, as the files hold them */
    float *h, *wl;                /* ground; water level, or UNSET when dry */
    float *can;                   /* canopy over the ground as the renderer fades it in */
    float *rgb, *leaf;            /* ground and crown colours */
} grid;

static void grid_release(grid *g)
{
    free(g->line);
    free(g->x);
    free(g->z);
    free(g->h);
    free(g->wl);
    free(g->can);
    free(g->rgb);
    free(g->leaf);
}

/* a grid point's distance from the camera across the ground */
static float reach(const grid *g, int i, int j)
{
    return (float)hypot(g->x[i] - g->cx, g->z[j] - g->cz);
}

/* heights, water, canopy and colours at every grid point */
static int grid_eval(grid *g, const oy_world *w, const oy_world_shape *sh, const oy_cast *c)
{
    int n = g->n;
    size_t nn = (size_t)n * n;
    oy_world_point *pts = oy_calloc(nn, sizeof *pts);
    g->x = oy_calloc((size_t)n, sizeof *g->x);
    g->z = oy_calloc((size_t)n, sizeof *g->z);
    g->h = oy_calloc(nn, sizeof *g->h);
    g->wl = oy_calloc(nn, sizeof *g->wl);
    g->can = oy_calloc(nn, sizeof *g->can);
    g->rgb = oy_calloc(nn * 3, sizeof *g->rgb);
    g->leaf = oy_calloc(nn * 3, sizeof *g->leaf);
    if (!pts || !g->x || !g->z || !g->h || !g->wl || !g->can || !g->rgb || !g->leaf) {
        free(pts);
        return OYSTER_E_NOMEM;
    }
    /* in single precision, so a vertex's height is the ground's at the
     * very place its file gives */
    for (int i = 0; i < n; i++) {
        g->x[i] = (float)(g->cx + g->line[i]);
        g->z[i] = (float)(g->cz + g->line[i]);
    }
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            size_t k = (size_t)j * n + i;
            g->h[k] = oy_level_ground(w, sh, g->range0, reach(g, i, j), g->x[i], g->z[j], &pts[k]);
        }
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            size_t k = (size_t)j * n + i;
            int i0 = i > 0 ? i - 1 : i, i1 = i + 1 < n ? i + 1 : i;
            int j0 = j > 0 ? j - 1 : j, j1 = j + 1 < n ? j + 1 : j;
            double gx = (g->h[(size_t)j * n + i1] - g->h[(size_t)j * n + i0]) / (g->line[i1] - g->line[i0]);
            double gz = (g->h[(size_t)j1 * n + i] - g->h[(size_t)j0 * n + i]) / (g->line[j1] - g->line[j0]);
            oy_world_point *pt = &pts[k];
            oy_world_material(w, sh, g->x[i], g->z[j], (float)sqrt(gx * gx + gz * gz), pt);
            oy_world_paint_plants(sh, oy_grass_share(pt->rgb), pt->rgb);
            float snow = oy_land_snow(c->snow, pt->snow_aff);
            /* crowns hold less snow than the ground under them */
            float crown_snow = oy_land_snow(c->snow, 0.4f * pt->snow_aff);
            for (int q = 0; q < 3; q++) {
                g->rgb[3 * k + q] = oy_lerpf(pt->rgb[q], oy_snow_albedo[q], snow);
                g->leaf[3 * k + q] = oy_lerpf(LEAF_SHADE * c->leaf[q], oy_snow_albedo[q], crown_snow);
            }
            g->wl[k] = pt->water > g->h[k] ? pt->water : UNSET;
            g->can[k] = pt->canopy * oy_canopy_fade(reach(g, i, j));
        }
    free(pts);
    return 0;
}

/* A sheet over the grid: the cells with a corner where y is set, each
 * corner at its y or, where that is UNSET, at fill; coloured from rgb, 3
 * floats a point, or all in rgb's first three when one_rgb. */
static int add_sheet(const grid *g, const float *y, const float *fill, const float *rgb, int one_rgb,
                     oy_mesh *m)
{
    static const double up[3] = { 0, 1, 0 };
    int n = g->n, err = 0;
    size_t nn = (size_t)n * n;
    int64_t *vi = oy_malloc(nn * sizeof *vi);
    if (!vi)
        return OYSTER_E_NOMEM;
    for (size_t k = 0; k < nn; k++)
        vi[k] = -1;
    for (int j = 0; j + 1 < n && !err; j++)
        for (int i = 0; i + 1 < n && !err; i++) {
            size_t c[4] = { (size_t)j * n + i, (size_t)j * n + i + 1, (size_t)(j + 1) * n + i + 1,
                            (size_t)(j + 1) * n + i };
            if (y[c[0]] == UNSET && y[c[1]] == UNSET && y[c[2]] == UNSET && y[c[3]] == UNSET)
                continue;
            for (int q = 0; q < 4 && !err; q++) {
                size_t k = c[q];
                if (vi[k] >= 0)
                    continue;
                double p[3] = { g->x[k % (size_t)n], y[k] == UNSET ? fill[k] : y[k], g->z[k / (size_t)n] };
                vi[k] = oy_mesh_vertex(m, p, one_rgb ? rgb : rgb + 3 * k);
                if (vi[k] < 0)
                    err = (int)vi[k];
            }
            if (!err)
                err = oy_mesh_tri(m, (uint32_t)vi[c[0]], (uint32_t)vi[c[1]], (uint32_t)vi[c[2]], up);
            if (!err)
                err = oy_mesh_tri(m, (uint32_t)vi[c[0]], (uint32_t)vi[c[2]], (uint32_t)vi[c[3]], up);
        }
    free(vi);
    return err;
}

/* The water: the grid's cells with water at a corner, at the water's
 * level; a dry corner takes its wettest neighbour's level, so the sheet
 * runs a little under the shore. The canopy: the cells with crowns at
 * a corner the renderer shades as leaves, a corner without them sunk
 * under the ground, so the crowns rise out of it where the forest ends. */
static int add_water_canopy(const grid *g, const float water_rgb[3], oy_mesh *water, oy_mesh *canopy)
{
    int n = g->n, err;
    size_t nn = (size_t)n * n;
    float *y = oy_malloc(nn * sizeof *y), *fill = oy_malloc(nn * sizeof *fill);
    if (!y || !fill) {
        free(y);
        free(fill);
        return OYSTER_E_NOMEM;
    }
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            float level = UNSET;
            for (int dj = -1; dj <= 1; dj++)
                for (int di = -1; di <= 1; di++) {
                    int x = i + di, z = j + dj;
                    if (x >= 0 && z >= 0 && x < n && z < n && g->wl[(size_t)z * n + x] > level)
                        level = g->wl[(size_t)z * n + x];
                }
            fill[(size_t)j * n + i] = level;
        }
    err = add_sheet(g, g->wl, fill, water_rgb, 1, water);
    for (size_t k = 0; k < nn; k++) {
        y[k] = g->can[k] >= CANOPY_MIN ? g->h[k] + g->can[k] : UNSET;
        fill[k] = g->h[k] - CANOPY_SINK;
    }
    if (!err)
        err = add_sheet(g, y, fill, g->leaf, 0, canopy);
    free(y);
    free(fill);
    return err;
}

/* the things the renderer would stand in the world, within radius */
static int add_things(const oy_world *w, const oy_world_shape *sh, const oy_state *st,
                      const oy_cast *c, const oy_view *v, double radius, oy_mesh *placed, oy_mesh *trees)
{
    oy_objects *o = NULL;
    int err = oy_objects_new(&o), first_tree = 0;
    if (!err)
        err = first_tree = oy_objects_gather(o, w, sh, st, c, v, (float)radius);
    for (int i = 0; err >= 0 && o && i < oy_objects_count(o); i++) {
        oy_object_item it;
        static const float axes[4][3] = { { 0, 0, 0 }, { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        double xf[4][3];
        oy_objects_item(o, i, &it);
        if (it.mirror)
            continue;
        for (int a = 0; a < 4; a++)
            oy_objects_to_world(o, i, axes[a], xf[a]);
        if (fabs(xf[0][0] - v->pos[0]) > radius || fabs(xf[0][2] - v->pos[2]) > radius)
            continue;
        for (int a = 1; a < 4; a++)
            for (int q = 0; q < 3; q++)
                xf[a][q] -= xf[0][q];
        for (int p = 0; p < it.np && err >= 0; p++) {
            const oy_mat *mat = &it.mat[it.prim[p].mat];
            if (!(mat->flags & OY_MAT_SOFT))
                err = oy_mesh_prim(i < first_tree ? placed : trees, &it.prim[p], xf, mat->alb);
        }
    }
    oy_objects_free(&o);
    return err < 0 ? err : 0;
}

typedef struct world_out {
    int fmt;
    const oy_mesh *m;
    const char *mtl_name;
} world_out;

static int write_world(FILE *f, void *ctx)
{
    const world_out *w = ctx;
    switch (w->fmt) {
    case FMT_GLB: return oy_mesh_write_gltf(w->m, M_COUNT, 1, f);
    case FMT_GLTF: return oy_mesh_write_gltf(w->m, M_COUNT, 0, f);
    case FMT_PLY: return oy_mesh_write_ply(w->m, M_COUNT, M_OBJECTS, FILL_SPACING, f);
    default: return oy_mesh_write_obj(w->m, M_COUNT, w->mtl_name, f);
    }
}

static int write_mtl(FILE *f, void *ctx)
{
    const world_out *w = ctx;
    return oy_mesh_write_mtl(w->m, M_COUNT, f);
}

/* NAME.obj -> NAME.mtl */
static char *mtl_path(const char *obj)
{
    size_t n = strlen(obj);
    char *p = oy_malloc(n + 1);
    if (p) {
        memcpy(p, obj, n - 4);
        memcpy(p + n - 4, ".mtl", 5);
    }
    return p;
}

/* The file, and for .obj its .mtl beside it: checked, written and
 * committed together (outputs.h). */
static int write_files(oyster_shot *shot, const oyster_export_opts *o, int fmt, const oy_mesh *m)
{
    world_out w = { fmt, m, NULL };
    oy_outs outs;
    char *mtl = NULL;
    int err, i_mtl = -1, i_world;

    if (fmt == FMT_OBJ) {
        if (!(mtl = mtl_path(o->out)))
            return OYSTER_E_NOMEM;
        w.mtl_name = strrchr(mtl, '/') ? strrchr(mtl, '/') + 1 : mtl;
    }
    oy_outs_init(&outs, &shot->log, o->force);
    err = i_world = oy_outs_add(&outs, o->out, 0);
    if (err >= 0 && mtl)
        err = i_mtl = oy_outs_add(&outs, mtl, 0);
    if (err >= 0)
        err = oy_outs_check(&outs);
    if (err >= 0 && mtl)
        err = oy_outs_write(&outs, i_mtl, write_mtl, &w);
    if (err >= 0)
        err = oy_outs_write(&outs, i_world, write_world, &w);
    if (err >= 0)
        err = oy_outs_commit(&outs);
    oy_outs_release(&outs);
    free(mtl);
    return err < 0 ? err : 0;
}

int oyster_export(oyster_shot *shot, const oyster_export_opts *o)
{
    const oy_output *out = &shot->script->output;
    double radius = o->radius == 0.0 ? OYSTER_EXPORT_RADIUS : o->radius;
    int fmt = o->out ? format_of(o->out) : -1, err;
    oy_mesh m[M_COUNT] = { { 0 } };
    grid g = { 0 };
    oy_world_shape sh;
    oy_cast c = { 0 };
    oy_state st;
    oy_view v;

    if (fmt < 0) {
        oy_error(&shot->log, "cannot export the world to '%s': use .glb, .gltf, .ply or .obj",
                 o->out ? o->out : "");
        return OYSTER_E_INPUT;
    }
    if (!(radius >= OYSTER_EXPORT_RADIUS_MIN && radius <= OYSTER_EXPORT_RADIUS_MAX)) {
        oy_error(&shot->log, "export radius %g m is outside %g to %g m", radius,
                 OYSTER_EXPORT_RADIUS_MIN, OYSTER_EXPORT_RADIUS_MAX);
        return OYSTER_E_INPUT;
    }
    int64_t frame = isfinite(o->t) && o->t >= 0.0 ? oy_time_to_frame(o->t, out->fps) : -1;
    if (frame < 0 || frame >= out->frames) {
        oy_error(&shot->log, "time %gs is outside the shot (0 to %gs, %lld frames)", o->t,
                 out->duration, (long long)out->frames);
        return OYSTER_E_INPUT;
    }
    /* the frame the time falls in, as `oyster still` draws it */
    oy_shot_eval(shot, (double)frame * out->fps.den / out->fps.num, &st, shot->ents, &v);
    oy_world_shape_init(&sh, shot->world, &st);
    oy_cast_season(&c, shot->world, &sh, &st);
    for (int i = 0; i < M_COUNT; i++)
        m[i].name = mesh_names[i];
    g.cx = v.pos[0];
    g.cz = v.pos[2];
    g.range0 = oy_level_range0(v.tan_half_fov_x, out->width, out->draft);
    float water[3];
    for (int i = 0; i < 3; i++)
        water[i] = (float)OY_PI * c.water_deep[i];
    err = (g.line = grid_lines(radius, &g.n)) ? 0 : OYSTER_E_NOMEM;
    if (!err)
        err = grid_eval(&g, shot->world, &sh, &c);
    if (!err)
        err = add_sheet(&g, g.h, NULL, g.rgb, 0, &m[M_TERRAIN]);
    if (!err)
        err = add_water_canopy(&g, water, &m[M_WATER], &m[M_CANOPY]);
    if (!err)
        err = add_things(shot->world, &sh, &st, &c, &v, radius, &m[M_OBJECTS], &m[M_TREES]);
    if (!err)
        err = write_files(shot, o, fmt, m);
    if (err == OYSTER_E_NOMEM)
        oy_error(&shot->log, "out of memory exporting the world to '%s'", o->out);
    grid_release(&g);
    for (int i = 0; i < M_COUNT; i++)
        oy_mesh_release(&m[i]);
    return err;
}
