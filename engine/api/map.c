/*
 * map.c - `oyster map`: the set from above, the floor plan a previz artist
 * frames shots from. North (+z, yaw 0) is up and +x is right. The ground is
 * the world at --at: shaded relief lit from the north-west over the world's
 * own colours, contour lines, water with its shore, forest stippled; over
 * it the set plan's named features, the objects present, the camera path
 * with a frustum at every key (cuts in their own colour), a scale bar and
 * a north arrow.
 *
 * The relief is two passes over bands of rows on the thread pool (task i
 * is always the same band and writes only its own rows), the overlays one
 * sequential pass: the bytes never depend on the thread count.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../media/media.h"
#include "map.h"
#include "shot.h"

#define MAP_BAND 16                /* rows per relief task */
#define MAP_MAX_SAMPLES 4000       /* camera path samples */
#define MAP_MAX_LABELS 256

/* Where the map stands: pixel (i, j) has its centre at
 * x = cx + (i + 0.5 - n/2) * mpp, z = cz - (j + 0.5 - n/2) * mpp. */
typedef struct map_frame {
    double cx, cz, radius, mpp;
    int n;
} map_frame;

static double map_x(const map_frame *f, double x) { return 0.5 * f->n + (x - f->cx) / f->mpp; }
static double map_y(const map_frame *f, double z) { return 0.5 * f->n - (z - f->cz) / f->mpp; }

/* ---- relief ---------------------------------------------------------------- */

typedef struct relief {
    const oy_world *w;
    const oy_world_shape *sh;
    map_frame f;
    float *hgt;                    /* (n + 2)^2: heights with a one-pixel border */
    float *wat, *can;              /* n^2: water surface (-1e9 dry), canopy m */
    uint8_t *alb;                  /* n^2 x 3: sqrt of the albedo, as the renderer bakes it */
    float *rows;                   /* per thread: 3 rolling height rows */
    oy_world_point *pts;           /* per thread: 2 rows of points */
    float hmin, hmax;              /* dry ground in view */
    float contour;                 /* m between contour lines */
    uint8_t *rgb;
} relief;

/* heights of image row r (-1 .. n) with the border column each side;
 * the inner points are kept in full when pts is given */
static void relief_row(const relief *R, int r, float *h, oy_world_point *pts)
{
    const map_frame *f = &R->f;
    double z = f->cz - (r + 0.5 - 0.5 * f->n) * f->mpp;
    for (int i = -1; i <= f->n; i++) {
        double x = f->cx + (i + 0.5 - 0.5 * f->n) * f->mpp;
        int keep = pts && i >= 0 && i < f->n;
        h[i + 1] = oy_world_eval(R->w, R->sh, x, z, (float)f->mpp, keep ? &pts[i] : NULL);
    }
}

static void relief_sample(void *arg, int task, int thread)
{
    relief *R = arg;
    int n = R->f.n, W = n + 2, r0 = task * MAP_BAND, r1 = r0 + MAP_BAND < n ? r0 + MAP_BAND : n;
    float *rows = R->rows + (size_t)thread * 3 * W;
    oy_world_point *pts = R->pts + (size_t)thread * 2 * n;
#define HROW(r) (rows + (size_t)(((r) + 3) % 3) * W)
#define PROW(r) (pts + (size_t)((r) & 1) * n)

    relief_row(R, r0 - 1, HROW(r0 - 1), NULL);
    if (r0 == 0)
        memcpy(R->hgt, HROW(-1), sizeof(float) * W);
    relief_row(R, r0, HROW(r0), PROW(r0));
    for (int r = r0; r < r1; r++) {
        relief_row(R, r + 1, HROW(r + 1), r + 1 < n ? PROW(r + 1) : NULL);
        const float *hu = HROW(r - 1), *hc = HROW(r), *hd = HROW(r + 1);
        double z = R->f.cz - (r + 0.5 - 0.5 * n) * R->f.mpp;
        for (int i = 0; i < n; i++) {
            oy_world_point *pt = &PROW(r)[i];
            double x = R->f.cx + (i + 0.5 - 0.5 * n) * R->f.mpp;
            float gx = (hc[i + 2] - hc[i]) / (float)(2.0 * R->f.mpp);
            float gz = (hu[i + 1] - hd[i + 1]) / (float)(2.0 * R->f.mpp);
            size_t k = (size_t)r * n + i;
            oy_world_material(R->w, R->sh, x, z, sqrtf(gx * gx + gz * gz), pt);
            oy_world_paint_plants(R->sh, oy_grass_share(pt->rgb), pt->rgb);
            R->wat[k] = pt->water > hc[i + 1] ? pt->water : -1e9f;
            R->can[k] = pt->canopy;
            for (int c = 0; c < 3; c++)
                R->alb[3 * k + c] = (uint8_t)(sqrtf(oy_clampf(pt->rgb[c], 0.0f, 1.0f)) * 255.0f + 0.5f);
        }
        memcpy(R->hgt + (size_t)(r + 1) * W, hc, sizeof(float) * W);
    }
    if (r1 == n)
        memcpy(R->hgt + (size_t)(n + 1) * W, HROW(n), sizeof(float) * W);
#undef HROW
#undef PROW
}

static void mixc(float *c, float r, float g, float b, float t)
{
    c[0] += (r - c[0]) * t;
    c[1] += (g - c[1]) * t;
    c[2] += (b - c[2]) * t;
}

static int is_water(const relief *R, int i, int j)
{
    int n = R->f.n;
    if (i < 0 || j < 0 || i >= n || j >= n)
        return 1;   /* off the map: no shore line along the edge */
    return R->wat[(size_t)j * n + i] > -1e8f;
}

static void relief_shade(void *arg, int task, int thread)
{
    relief *R = arg;
    int n = R->f.n, W = n + 2, r0 = task * MAP_BAND, r1 = r0 + MAP_BAND < n ? r0 + MAP_BAND : n;
    float mpp = (float)R->f.mpp, I = R->contour;
    /* towards the light: north-west, 45 degrees up (x right, z north, y up) */
    const float lx = -0.5f, ly = 0.70710678f, lz = 0.5f;
    /* broad views flatten slopes; exaggerate them a little so relief reads */
    float ex = oy_clampf(0.8f + 0.25f * mpp, 1.0f, 3.0f);
    float span = R->hmax - R->hmin > 1.0f ? R->hmax - R->hmin : 1.0f;

    for (int j = r0; j < r1; j++)
        for (int i = 0; i < n; i++) {
            size_t k = (size_t)j * n + i;
            const float *h = R->hgt + (size_t)(j + 1) * W + i + 1;
            float gx = (h[1] - h[-1]) / (2.0f * mpp), gz = (h[-W] - h[W]) / (2.0f * mpp);
            float c[3];
            uint8_t *o = R->rgb + 3 * k;

            if (R->wat[k] > -1e8f) {
                float d = R->wat[k] - h[0];
                c[0] = 0.56f; c[1] = 0.76f; c[2] = 0.90f;
                mixc(c, 0.14f, 0.34f, 0.60f, oy_smoothstepf(0.0f, 18.0f, d));
                if (!is_water(R, i - 1, j) || !is_water(R, i + 1, j) ||
                    !is_water(R, i, j - 1) || !is_water(R, i, j + 1)) {
                    c[0] = 0.08f; c[1] = 0.20f; c[2] = 0.40f;
                }
            } else {
                /* the world's colours lifted to map brightness, over a
                 * hypsometric tint from low green to high pale stone */
                float a = (h[0] - R->hmin) / span, hyp[3];
                hyp[0] = oy_lerpf(0.70f, 0.90f, a);
                hyp[1] = oy_lerpf(0.78f, 0.86f, a);
                hyp[2] = oy_lerpf(0.58f, 0.80f, a);
                for (int q = 0; q < 3; q++) {
                    float alb = R->alb[3 * k + q] * (1.0f / 255.0f);
                    c[q] = oy_lerpf(oy_clampf(alb * 1.9f + 0.06f, 0.0f, 1.0f), hyp[q], 0.35f);
                }
                float fo = oy_smoothstepf(2.0f, 9.0f, R->can[k]);
                if (fo > 0.0f) {
                    mixc(c, 0.15f, 0.33f, 0.14f, 0.55f * fo);
                    /* a stipple of tree dots on a staggered 4-pixel grid */
                    if (fo > 0.3f && (i & 3) == ((j & 4) >> 1) && (j & 3) == 0)
                        mixc(c, 0.04f, 0.12f, 0.04f, 0.7f);
                }
                float nx = -gx * ex, nz = -gz * ex, len = sqrtf(nx * nx + 1.0f + nz * nz);
                float shade = (nx * lx + ly + nz * lz) / (len * ly);
                float lit = oy_clampf(0.30f + 0.70f * shade, 0.15f, 1.35f);
                for (int q = 0; q < 3; q++)
                    c[q] *= lit;
                /* contours: where the level changes towards the right or below;
                 * where they would crowd closer than ~2.5 px only every fifth */
                float g = sqrtf(gx * gx + gz * gz), gap = g > 0.0f ? I / (g * mpp) : 1e9f;
                float l0 = floorf(h[0] / I), lr = floorf(h[1] / I), ld = floorf(h[W] / I);
                if (l0 != lr || l0 != ld) {
                    float top = fmaxf(l0, fmaxf(lr, ld));
                    int index = fmodf(top, 5.0f) == 0.0f;
                    if (index && gap > 1.2f)
                        mixc(c, 0.30f, 0.20f, 0.10f, 0.55f);
                    else if (gap > 2.5f)
                        mixc(c, 0.35f, 0.25f, 0.14f, 0.28f);
                }
            }
            for (int q = 0; q < 3; q++)
                o[q] = (uint8_t)(oy_clampf(c[q], 0.0f, 1.0f) * 255.0f + 0.5f);
        }
}

/* A round interval from a list, the smallest at least min. */
static double nice_at_least(double min)
{
    static const double steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000 };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (steps[i] >= min)
            return steps[i];
    return 5000;
}

static int relief_draw(oyster_shot *shot, oy_pool *pool, const oy_state *st, const map_frame *f,
                       uint8_t *rgb, float *contour)
{
    int n = f->n, W = n + 2, threads = oy_pool_threads(pool), bands = (n + MAP_BAND - 1) / MAP_BAND;
    oy_world_shape sh;
    relief R = { 0 };
    int err = 0;

    oy_world_shape_init(&sh, shot->world, st);
    R.w = shot->world;
    R.sh = &sh;
    R.f = *f;
    R.rgb = rgb;
    R.hgt = oy_malloc(sizeof(float) * W * W);
    R.wat = oy_malloc(sizeof(float) * n * n);
    R.can = oy_malloc(sizeof(float) * n * n);
    R.alb = oy_malloc((size_t)3 * n * n);
    R.rows = oy_malloc(sizeof(float) * 3 * W * threads);
    R.pts = oy_malloc(sizeof(oy_world_point) * 2 * n * threads);
    if (!R.hgt || !R.wat || !R.can || !R.alb || !R.rows || !R.pts) {
        err = OYSTER_E_NOMEM;
        goto done;
    }
    oy_pool_run(pool, bands, relief_sample, &R);

    /* the dry ground's range sets the tint and the contour interval */
    R.hmin = 1e9f;
    R.hmax = -1e9f;
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            float h = R.hgt[(size_t)(j + 1) * W + i + 1];
            if (R.wat[(size_t)j * n + i] > -1e8f)
                continue;
            R.hmin = fminf(R.hmin, h);
            R.hmax = fmaxf(R.hmax, h);
        }
    if (R.hmin > R.hmax)
        R.hmin = R.hmax = 0.0f;
    R.contour = (float)nice_at_least(fmax(f->radius / 60.0, (R.hmax - R.hmin) / 40.0));
    oy_pool_run(pool, bands, relief_shade, &R);
    *contour = R.contour;
done:
    free(R.hgt);
    free(R.wat);
    free(R.can);
    free(R.alb);
    free(R.rows);
    free(R.pts);
    return err;
}

/* ---- labels ---------------------------------------------------------------- */

/* Labels placed so far, so that a new one steps aside instead of covering one. */
typedef struct labels {
    int n;
    int box[MAP_MAX_LABELS][4];
} labels;

static int overlaps(const labels *L, const int *b)
{
    for (int i = 0; i < L->n; i++)
        if (b[0] < L->box[i][2] && L->box[i][0] < b[2] && b[1] < L->box[i][3] && L->box[i][1] < b[3])
            return 1;
    return 0;
}

/* Keep a box free of labels (the map's furniture). */
static void reserve(labels *L, int x0, int y0, int x1, int y1)
{
    if (L->n < MAP_MAX_LABELS) {
        int b[4] = { x0, y0, x1, y1 };
        memcpy(L->box[L->n++], b, sizeof b);
    }
}

/* Text centred on (x, y), or the nearest free place below or above it. */
static void label(oy_canvas *c, labels *L, int scale, double x, double y, oy_ink ink, const char *s)
{
    int w = oy_canvas_text_width(s, scale), h = oy_canvas_text_height(scale), pad = 2 * scale;
    int x0 = (int)floor(x - 0.5 * w), y0 = (int)floor(y - 0.5 * h);
    int b[4];

    x0 = x0 < pad ? pad : x0 + w + pad > c->w ? c->w - w - pad : x0;
    for (int tries = 0; tries < 9; tries++) {
        int step = (tries + 1) / 2 * (h + pad) * (tries & 1 ? 1 : -1);
        int yy = y0 + step;
        yy = yy < pad ? pad : yy + h + pad > c->h ? c->h - h - pad : yy;
        b[0] = x0 - scale;
        b[1] = yy - scale;
        b[2] = x0 + w + scale;
        b[3] = yy + h + scale;
        if (!overlaps(L, b) || tries == 8) {
            y0 = yy;
            break;
        }
    }
    if (L->n < MAP_MAX_LABELS)
        memcpy(L->box[L->n++], b, sizeof b);
    oy_canvas_text(c, x0, y0, scale, ink, s);
}

/* ---- overlays -------------------------------------------------------------- */

static const oy_ink ink_dark   = { 18, 20, 24, 255 };
static const oy_ink ink_white  = { 250, 250, 245, 255 };
static const oy_ink ink_path   = { 255, 96, 40, 255 };
static const oy_ink ink_key    = { 255, 214, 64, 255 };
static const oy_ink ink_cut    = { 236, 64, 208, 255 };
static const oy_ink ink_water  = { 170, 224, 255, 255 };
static const oy_ink ink_land   = { 255, 232, 176, 255 };
static const oy_ink ink_open   = { 222, 255, 196, 255 };

static oy_ink alpha(oy_ink k, int a) { k.a = (uint8_t)a; return k; }

/* The camera's horizontal heading on the ground (x, z), unit length. */
static void heading(const oy_view *v, double *hx, double *hz)
{
    double x = v->fwd.x, z = v->fwd.z, l = sqrt(x * x + z * z);
    if (l < 1e-4) {         /* looking straight down: the top of the picture */
        x = v->up.x;
        z = v->up.z;
        l = sqrt(x * x + z * z);
    }
    *hx = l > 0.0 ? x / l : 0.0;
    *hz = l > 0.0 ? z / l : 1.0;
}

/* A wedge from the camera along its heading, opening by the horizontal
 * field of view; returns the pixel direction of the heading. */
static void frustum(oy_canvas *c, const map_frame *f, const oy_view *v, double len, oy_ink ink,
                    double *dx, double *dy)
{
    double hx, hz, px = map_x(f, v->pos[0]), py = map_y(f, v->pos[2]);
    double t = v->tan_half_fov_x, tx[3], ty[3];
    heading(v, &hx, &hz);
    /* on the map a world (x, z) step is (+x, -z) in pixels; right of the
     * heading is (hz, -hx) on the ground */
    double ux = hx, uy = -hz, rx = hz, ry = hx;
    double l = len / sqrt(1.0 + t * t);
    tx[0] = px;
    ty[0] = py;
    tx[1] = px + (ux - rx * t) * l;
    ty[1] = py + (uy - ry * t) * l;
    tx[2] = px + (ux + rx * t) * l;
    ty[2] = py + (uy + ry * t) * l;
    oy_canvas_triangle(c, tx, ty, alpha(ink, 80));
    for (int s = 1; s <= 2; s++) {
        oy_canvas_line(c, px, py, tx[s], ty[s], 3.5, ink_dark, 0, 0, NULL);
        oy_canvas_line(c, px, py, tx[s], ty[s], 1.6, ink, 0, 0, NULL);
    }
    oy_canvas_line(c, tx[1], ty[1], tx[2], ty[2], 1.2, alpha(ink, 160), 4, 3, NULL);
    oy_canvas_disc(c, px, py, 4.5, ink_dark);
    oy_canvas_disc(c, px, py, 3.0, ink);
    *dx = ux;
    *dy = uy;
}

static void fmt_time(char *buf, size_t n, double t)
{
    if (t == floor(t) && t < 60.0)
        snprintf(buf, n, "%.0fs", t);
    else if (t < 60.0)
        snprintf(buf, n, "%.2fs", t);
    else
        snprintf(buf, n, "%d:%05.2f", (int)(t / 60.0), fmod(t, 60.0));
}

static const char *compass(double dx, double dz)
{
    static const char *const names[8] = { "N", "NE", "E", "SE", "S", "SW", "W", "NW" };
    double a = (double)oy_atan2f((float)dx, (float)dz) * (180.0 / OY_PI);   /* 0 = +z, clockwise */
    int k = (int)floor((a + 360.0 + 22.5) / 45.0) % 8;
    return names[k];
}

static void fmt_dist(char *buf, size_t n, double m)
{
    if (m >= 1000.0)
        snprintf(buf, n, "%.1f km", m / 1000.0);
    else
        snprintf(buf, n, "%.0f m", m);
}

static void draw_features(oy_canvas *c, labels *L, int scale, const map_frame *f,
                          const oyster_shot *shot, const oy_state *st)
{
    for (int k = 0; k < OY_FEAT_COUNT; k++) {
        oy_feature_info fi;
        oy_world_feature_info(shot->world, st, k, &fi);
        if (fi.strength < 0.05f)
            continue;
        int wet = k == OY_FEAT_RIVER || k == OY_FEAT_LAKE || k == OY_FEAT_COAST;
        oy_ink ink = wet ? ink_water : k == OY_FEAT_CLEARING ? ink_open : ink_land;
        const char *name = oy_feature_names[k];
        double lx, ly;
        char text[96];

        if (fi.line) {
            const oy_plan_line *ln = fi.line;
            double phase = 0.0, phase2 = 0.0;
            for (int i = ln->real0; i < ln->real1; i++) {
                double x0 = map_x(f, ln->px[i]), y0 = map_y(f, ln->pz[i]);
                double x1 = map_x(f, ln->px[i + 1]), y1 = map_y(f, ln->pz[i + 1]);
                oy_canvas_line(c, x0, y0, x1, y1, 3.6, alpha(ink_dark, 150), 12, 6, &phase);
                oy_canvas_line(c, x0, y0, x1, y1, 1.8, ink, 12, 6, &phase2);
            }
            /* the label where the course crosses the map nearest its middle */
            int best = -1;
            double bd = 1e300, mx = map_x(f, fi.x), my = map_y(f, fi.z);
            for (int i = ln->real0; i < ln->real1; i++)
                for (int s = 0; s < 8; s++) {
                    double u = s / 8.0;
                    double x = map_x(f, ln->px[i] + (ln->px[i + 1] - ln->px[i]) * u);
                    double y = map_y(f, ln->pz[i] + (ln->pz[i + 1] - ln->pz[i]) * u);
                    double d = (x - mx) * (x - mx) + (y - my) * (y - my);
                    if (x < 0.08 * f->n || y < 0.08 * f->n || x > 0.92 * f->n || y > 0.92 * f->n || d >= bd)
                        continue;
                    bd = d;
                    best = i * 8 + s;
                    lx = x;
                    ly = y;
                }
            if (best < 0)
                continue;
            if (k == OY_FEAT_COAST)
                snprintf(text, sizeof text, "coast (sea %s)", fi.sea > 0 ? "right" : "left");
            else
                snprintf(text, sizeof text, "%s", name);
            label(c, L, scale, lx, ly - 3 * scale - oy_canvas_text_height(scale), ink, text);
            continue;
        }
        lx = map_x(f, fi.x);
        ly = map_y(f, fi.z);
        double r = 0.5 * fi.size / f->mpp, m = 0.06 * f->n;
        int off = lx < m || ly < m || lx > f->n - m || ly > f->n - m;
        /* an area around a centre off the map (mountains kilometres away)
         * would only cut across it as a stray arc */
        if (r > 2.0 && !off) {
            oy_canvas_circle(c, lx, ly, r, 3.6, alpha(ink_dark, 150), 12, 6);
            oy_canvas_circle(c, lx, ly, r, 1.8, ink, 12, 6);
        }
        if (fi.height > 0.0f && k != OY_FEAT_CANYON)
            snprintf(text, sizeof text, k == OY_FEAT_CRATER ? "%s %.0f m deep" : "%s %.0f m", name,
                     fi.height);
        else
            snprintf(text, sizeof text, "%s", name);
        if (off) {
            /* off the map: at its edge, with how far and which way */
            char d[32];
            double dx = fi.x - f->cx, dz = fi.z - f->cz;
            fmt_dist(d, sizeof d, sqrt(dx * dx + dz * dz));
            snprintf(text + strlen(text), sizeof text - strlen(text), " (%s %s)", d, compass(dx, dz));
            lx = fmin(fmax(lx, m), f->n - m);
            ly = fmin(fmax(ly, m), f->n - m);
        }
        label(c, L, scale, lx, ly, ink, text);
    }
}

static void draw_entities(oy_canvas *c, labels *L, int scale, const map_frame *f, const oy_state *st)
{
    for (int i = 0; i < st->nentities; i++) {
        const oy_entity *e = &st->entities[i];
        if (e->fade <= 0.0f)
            continue;
        double x = map_x(f, e->pos[0]), y = map_y(f, e->pos[2]);
        int s = 3 + scale, xi = (int)floor(x), yi = (int)floor(y);
        oy_canvas_rect(c, xi - s - 1, yi - s - 1, xi + s + 2, yi + s + 2, ink_dark);
        oy_canvas_rect(c, xi - s + 1, yi - s + 1, xi + s, yi + s, ink_white);
        label(c, L, scale, x + s + 4 + 0.5 * oy_canvas_text_width(e->id[0] ? e->id : e->kind, scale), y,
              ink_white, e->id[0] ? e->id : e->kind);
    }
}

/* Camera positions over the timeline, for the frame and the path. */
typedef struct path {
    int n;
    double t[MAP_MAX_SAMPLES], x[MAP_MAX_SAMPLES], z[MAP_MAX_SAMPLES];
} path;

static void path_sample(oyster_shot *shot, oy_entity *ents, path *p)
{
    const oy_script *s = shot->script;
    int64_t frames = s->output.frames > 0 ? s->output.frames : 1;
    int64_t step = (frames + MAP_MAX_SAMPLES - 2) / (MAP_MAX_SAMPLES - 1);
    oy_state st;
    oy_view v;

    p->n = 0;
    if (step < 1)
        step = 1;
    for (int64_t fr = 0; fr < frames && p->n < MAP_MAX_SAMPLES - 1; fr += step) {
        double t = (double)fr * s->output.fps.den / s->output.fps.num;
        oy_shot_eval(shot, t, &st, ents, &v);
        p->t[p->n] = t;
        p->x[p->n] = v.pos[0];
        p->z[p->n] = v.pos[2];
        p->n++;
    }
    /* and the last frame */
    double t = (double)(frames - 1) * s->output.fps.den / s->output.fps.num;
    if (p->n && p->t[p->n - 1] < t) {
        oy_shot_eval(shot, t, &st, ents, &v);
        p->t[p->n] = t;
        p->x[p->n] = v.pos[0];
        p->z[p->n] = v.pos[2];
        p->n++;
    }
}

static void draw_path(oy_canvas *c, const map_frame *f, const oyster_shot *shot, const path *p)
{
    const oy_camera_desc *cd = &shot->script->camera;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i + 1 < p->n; i++) {
            /* a cut is a jump, not a move: no line across it */
            int cut = 0;
            for (int k = 1; k < cd->nkeys; k++)
                if (cd->keys[k].cut && cd->keys[k].at > p->t[i] && cd->keys[k].at <= p->t[i + 1])
                    cut = 1;
            if (cut)
                continue;
            oy_canvas_line(c, map_x(f, p->x[i]), map_y(f, p->z[i]), map_x(f, p->x[i + 1]),
                           map_y(f, p->z[i + 1]), pass ? 2.4 : 5.0, pass ? ink_path : alpha(ink_dark, 200),
                           0, 0, NULL);
        }
}

static void draw_keys(oy_canvas *c, labels *L, int scale, const map_frame *f, oyster_shot *shot,
                      oy_entity *ents)
{
    const oy_script *s = shot->script;
    double len = 0.075 * f->n;
    oy_state st;
    oy_view v;
    char text[64], tb[32];

    if (s->mode == OY_MODE_WANDER) {
        oy_shot_eval(shot, 0.0, &st, ents, &v);
        v.pos[0] = s->wander.start[0];
        v.pos[2] = s->wander.start[1];
        v.fwd = oy_v3_make(oy_sinf((float)(s->wander.start_yaw * OY_PI / 180.0)), 0.0f,
                           oy_cosf((float)(s->wander.start_yaw * OY_PI / 180.0)));
        double dx, dy;
        frustum(c, f, &v, len, ink_key, &dx, &dy);
        label(c, L, scale, map_x(f, v.pos[0]) - dx * 16.0, map_y(f, v.pos[2]) - dy * 16.0 + 2 * scale,
              ink_key, "start");
        return;
    }
    for (int i = 0; i < s->camera.nkeys; i++) {
        const oy_camkey *k = &s->camera.keys[i];
        double dx, dy;
        oy_shot_eval(shot, k->at, &st, ents, &v);
        frustum(c, f, &v, len, k->cut ? ink_cut : ink_key, &dx, &dy);
        fmt_time(tb, sizeof tb, k->at);
        snprintf(text, sizeof text, "%d %s%s", i + 1, tb, k->cut ? " cut" : "");
        /* beside the camera, clear of its wedge and of the path through it:
         * to its right, or its left near the map's right edge */
        double w2 = 0.5 * oy_canvas_text_width(text, scale), h2 = 0.5 * oy_canvas_text_height(scale);
        double rx = -dy, ry = dx, off = 10.0 + w2 * fabs(rx) + h2 * fabs(ry);
        double px = map_x(f, v.pos[0]), py = map_y(f, v.pos[2]);
        if (px + rx * off + w2 > f->n - 4 || px + rx * off - w2 < 4) {
            rx = -rx;
            ry = -ry;
        }
        label(c, L, scale, px + rx * off, py + ry * off, k->cut ? ink_cut : ink_key, text);
    }
}

static void draw_furniture(oy_canvas *c, labels *L, int scale, const map_frame *f,
                           const oyster_shot *shot, double t, float contour)
{
    int n = f->n, m = 8 * scale + 4, th = oy_canvas_text_height(scale);
    char text[160], tb[32], d[32];

    /* title and what the map shows, top left */
    snprintf(text, sizeof text, "%s", shot->script->title);
    oy_canvas_text(c, m, m, scale + 1, ink_white, text);
    fmt_time(tb, sizeof tb, t);
    snprintf(text, sizeof text, "top view at %s, seed %llu, north up, 1 px = %.2f m, contours %.0f m",
             tb, (unsigned long long)shot->script->seed, f->mpp, contour);
    oy_canvas_text(c, m, m + oy_canvas_text_height(scale + 1) + 2 * scale + 2, scale, ink_white, text);
    reserve(L, 0, 0, m + oy_canvas_text_width(text, scale) + 2 * scale, m + 3 * th + 6 * scale);

    /* scale bar, bottom left: four alternating quarters of a round length */
    double len_m = nice_at_least(0.18 * 2.0 * f->radius);
    if (len_m * 0.5 / f->mpp >= 0.12 * n)
        len_m = nice_at_least(0.5 * len_m);
    double px = len_m / f->mpp;
    int x0 = m, y0 = n - m - 6 * scale, bh = 3 * scale;
    oy_canvas_rect(c, x0 - 2, y0 - 2, x0 + (int)px + 2, y0 + bh + 2, ink_dark);
    for (int q = 0; q < 4; q++)
        oy_canvas_rect(c, x0 + (int)(q * px / 4), y0, x0 + (int)((q + 1) * px / 4), y0 + bh,
                       q & 1 ? ink_dark : ink_white);
    fmt_dist(d, sizeof d, len_m);
    oy_canvas_text(c, x0, y0 - th - 3 * scale, scale, ink_white, "0");
    oy_canvas_text(c, x0 + (int)px - oy_canvas_text_width(d, scale), y0 - th - 3 * scale, scale, ink_white, d);
    reserve(L, 0, y0 - th - 5 * scale, x0 + (int)px + 4, n);

    /* north arrow, top right */
    double ax = n - m - 6 * scale, ay = m + th + 4 * scale, ah = 14.0 * scale;
    double tx[3] = { ax, ax - 5.0 * scale, ax }, ty[3] = { ay, ay + ah, ay + ah * 0.72 };
    double ux[3] = { ax, ax, ax + 5.0 * scale }, uy[3] = { ay, ay + ah * 0.72, ay + ah };
    oy_canvas_line(c, tx[0], ty[0], tx[1], ty[1], 3.0, ink_dark, 0, 0, NULL);
    oy_canvas_line(c, ux[0], uy[0], ux[2], uy[2], 3.0, ink_dark, 0, 0, NULL);
    oy_canvas_line(c, tx[1], ty[1], tx[2], ty[2], 3.0, ink_dark, 0, 0, NULL);
    oy_canvas_line(c, ux[1], uy[1], ux[2], uy[2], 3.0, ink_dark, 0, 0, NULL);
    oy_canvas_triangle(c, tx, ty, ink_white);
    oy_canvas_triangle(c, ux, uy, alpha(ink_dark, 230));
    oy_canvas_text(c, (int)ax - oy_canvas_text_width("N", scale + 1) / 2, m - 2 * scale, scale + 1,
                   ink_white, "N");
    reserve(L, (int)ax - 8 * scale, 0, n, (int)(ay + ah) + 2 * scale);

    /* legend, bottom right */
    static const char *const names[4] = { "camera path", "camera key", "cut", "object" };
    const oy_ink *inks[4] = { &ink_path, &ink_key, &ink_cut, &ink_white };
    int lw = oy_canvas_text_width("camera path", scale), lh = th + 3 * scale;
    int lx = n - m - lw - 4 * scale - 14, ly = n - m - 4 * lh;
    reserve(L, lx - 4, ly - 4, n, n);
    for (int i = 0; i < 4; i++) {
        int y = ly + i * lh;
        if (i == 0) {
            oy_canvas_line(c, lx, y + 0.5 * th, lx + 12, y + 0.5 * th, 5.0, ink_dark, 0, 0, NULL);
            oy_canvas_line(c, lx, y + 0.5 * th, lx + 12, y + 0.5 * th, 2.4, ink_path, 0, 0, NULL);
        } else if (i < 3) {
            oy_canvas_disc(c, lx + 6, y + 0.5 * th, 4.5, ink_dark);
            oy_canvas_disc(c, lx + 6, y + 0.5 * th, 3.0, *inks[i]);
        } else {
            oy_canvas_rect(c, lx + 1, y + th / 2 - 5, lx + 12, y + th / 2 + 6, ink_dark);
            oy_canvas_rect(c, lx + 3, y + th / 2 - 3, lx + 10, y + th / 2 + 4, ink_white);
        }
        oy_canvas_text(c, lx + 18, y, scale, *inks[i], names[i]);
    }
}

/* ---- framing and the command ----------------------------------------------- */

static void frame_set(map_frame *f, const path *p, double radius, int n)
{
    double x0 = 0.0, x1 = 0.0, z0 = 0.0, z1 = 0.0;   /* the set's origin is always in view */
    for (int i = 0; i < p->n; i++) {
        x0 = fmin(x0, p->x[i]);
        x1 = fmax(x1, p->x[i]);
        z0 = fmin(z0, p->z[i]);
        z1 = fmax(z1, p->z[i]);
    }
    f->cx = 0.5 * (x0 + x1);
    f->cz = 0.5 * (z0 + z1);
    if (radius <= 0.0) {
        double half = 0.5 * fmax(x1 - x0, z1 - z0);
        radius = half + fmax(150.0, 0.2 * half);
        radius = radius < 600.0 ? 600.0 : 50.0 * ceil(radius / 50.0);
    }
    f->radius = radius;
    f->n = n;
    f->mpp = 2.0 * radius / n;
}

struct map_png {
    const uint8_t *rgb;
    int n;
    oy_log *log;
};

/* oy_fill_fn: the map as PNG into output i (outputs.h) */
static int fill_png(oy_outs *s, int i, void *ctx)
{
    const struct map_png *m = ctx;
    return oy_png_write(s->v[i].path, m->rgb, m->n, m->n, (ptrdiff_t)m->n * 3, m->log);
}

int oyster_map(oyster_shot *shot, const oyster_map_opts *o)
{
    const oy_output *out = &shot->script->output;
    int n = o->size > 0 ? o->size : OYSTER_MAP_SIZE;
    oy_pool *pool = NULL;
    uint8_t *rgb = NULL;
    oy_entity *ents = NULL, *scratch = NULL;
    path *p = NULL;
    map_frame f;
    oy_state st, est;
    float contour = 0.0f;
    int err;

    if (oy_check_png(&shot->log, o->out, "a map"))
        return OYSTER_E_INPUT;
    if (n < OYSTER_MAP_SIZE_MIN || n > OYSTER_MAP_SIZE_MAX ||
        (o->radius != 0.0 && !(o->radius >= OYSTER_MAP_RADIUS_MIN && o->radius <= OYSTER_MAP_RADIUS_MAX))) {
        oy_error(&shot->log, "map size %d px or radius %g m out of range", n, o->radius);
        return OYSTER_E_INPUT;
    }
    if (!(o->t >= 0.0) || oy_time_to_frame(o->t, out->fps) >= out->frames) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                "time %.3fs is outside the shot (%lld frames)", o->t, (long long)out->frames);
        return OYSTER_E_INPUT;
    }
    if ((err = oy_check_output(&shot->log, o->out, o->force)))
        return err;
    if (!(p = oy_malloc(sizeof *p)) ||
        !(rgb = oy_malloc((size_t)n * n * 3)) ||
        !(ents = oy_calloc((size_t)oy_model_max_entities(shot->model), sizeof *ents)) ||
        !(scratch = oy_calloc((size_t)oy_model_max_entities(shot->model), sizeof *scratch))) {
        err = OYSTER_E_NOMEM;
        goto done;
    }
    if ((err = oy_pool_new(&pool, o->threads)))
        goto done;

    path_sample(shot, scratch, p);
    frame_set(&f, p, o->radius, n);
    oy_model_eval(shot->model, o->t, &st, ents);
    if ((err = relief_draw(shot, pool, &st, &f, rgb, &contour)))
        goto done;
    /* objects fade in from their frame: one frame on, the ones added on
     * the frame of t are there too (and a map at 0 shows the opening set) */
    oy_model_eval(shot->model, o->t + (double)out->fps.den / out->fps.num, &est, ents);

    {
        oy_canvas c = { rgb, n, n, (ptrdiff_t)n * 3 };
        labels *L = oy_calloc(1, sizeof *L);
        int scale = n >= 1536 ? 3 : n >= 640 ? 2 : 1;
        if (!L) {
            err = OYSTER_E_NOMEM;
            goto done;
        }
        draw_furniture(&c, L, scale, &f, shot, o->t, contour);
        draw_features(&c, L, scale, &f, shot, &st);
        draw_path(&c, &f, shot, p);
        draw_entities(&c, L, scale, &f, &est);
        draw_keys(&c, L, scale, &f, shot, scratch);
        free(L);
    }
    oy_info(&shot->log, "map centre [%.0f, %.0f], radius %.0f m, %d px (%.2f m per px), contours every %.0f m",
            f.cx, f.cz, f.radius, n, f.mpp, contour);
    {
        struct map_png m = { rgb, n, &shot->log };
        err = oy_write_alone(&shot->log, o->out, o->force, fill_png, &m);
    }
done:
    free(p);
    free(rgb);
    free(ents);
    free(scratch);
    oy_pool_free(&pool);
    return err;
}
