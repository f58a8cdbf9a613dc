/*
 * test_scene.c - things in the world: every kind of the registry is drawn
 * where it stands (pixels change inside its projected box; outside it only
 * its shadow darkens the land)
 * and stands on the ground; every object kind of the concept bank has a
 * prototype; objects render the same bytes on 1 and 2 threads and cast a
 * shadow; a campfire lights the ground around it at night; the forest
 * near the view is trees; a forest world stands round a small glade at
 * the origin (a clearing when asked), its species follow the words, and a
 * road runs clear of its trees.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "view.h"
#include "lang/lang.h"
#include "scene/flora.h"
#include "api/shot.h"

enum { W = 320, H = 180 };

static oy_pool *pool;
static oy_world *world;

static void render_in(const oy_world *w, const oy_state *st, const oy_view *v, uint8_t *rgb)
{
    oy_renderer *r = NULL;
    oy_render_config cfg = { W, H, 0, 0.0, 11 };
    if (oy_renderer_new(&r, w, &cfg, pool) < 0 || oy_render_frame(r, st, v, rgb, W * 3) < 0)
        memset(rgb, 0, (size_t)W * H * 3);
    oy_renderer_free(&r);
}

static void render(const oy_state *st, const oy_view *v, uint8_t *rgb) { render_in(world, st, v, rgb); }

/* the view of st without e into a, then with e (st keeps it) into b */
static void render_without_with(oy_state *st, const oy_view *v, const oy_entity *e, uint8_t *a, uint8_t *b)
{
    render(st, v, a);
    st->entities = e;
    st->nentities = 1;
    render(st, v, b);
}

/* an open meadow at 14:00, no forest */
static void meadow(oy_state *st, float hour)
{
    state_default(st);
    st->ch[OY_CH_TIME] = hour;
    st->ch[OY_CH_BIOME_FOREST] = 0.0f;
    st->ch[OY_CH_VEGETATION] = 0.0f;
    st->t = 2.0;
}

static oy_entity entity(const char *kind, double x, double z)
{
    oy_entity e = { 0 };
    e.uid = 1;
    snprintf(e.kind, sizeof e.kind, "%s", kind);
    e.pos[0] = (float)x;
    e.pos[2] = (float)z;
    e.yaw = 30.0f;
    e.scale = 1.0f;
    e.size = 1.0f;
    e.fade = 1.0f;
    e.seed = 77;
    return e;
}

/* where a world point lands on the output, or 0 behind the camera */
static int project(const oy_view *v, double x, double y, double z, float *px, float *py)
{
    oy_v3 d = oy_v3_make((float)(x - v->pos[0]), (float)(y - v->pos[1]), (float)(z - v->pos[2]));
    float zc = oy_v3_dot(d, v->fwd);
    if (zc < 0.1f)
        return 0;
    float thx = v->tan_half_fov_x, thy = thx * H / W;
    *px = (oy_v3_dot(d, v->right) / zc / thx + 1.0f) * 0.5f * W;
    *py = (1.0f - oy_v3_dot(d, v->up) / zc / thy) * 0.5f * H;
    return 1;
}

static int differs(const uint8_t *a, const uint8_t *b, int x, int y)
{
    const uint8_t *p = a + ((size_t)y * W + x) * 3, *q = b + ((size_t)y * W + x) * 3;
    return abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]) > 12;
}

static void each_kind(uint8_t *a, uint8_t *b)
{
    int nk;
    const oy_kind *k = oy_scene_kinds(&nk);
    CHECK_GROUP("scene");
    for (int i = 0; i < nk; i++) {
        const char *name = k[i].name;
        float h = k[i].height, size = fminf(fmaxf(h, k[i].radius), 45.0f);
        double dist = 10.0 + 2.6 * size, ex = 0.0, ez = dist;
        oy_state st;
        /* fireflies are seen only by night */
        int night = !strcmp(name, "fireflies");
        meadow(&st, night ? 22.0f : 14.0f);
        oy_entity e = entity(name, ex, ez);
        float g = oy_world_ground(world, &st, ex, ez), gc = oy_world_ground(world, &st, 0.0, 0.0);
        float lift = (k[i].flags & OY_KIND_LIFTED) ? 0.5f * h : 0.0f;   /* aloft by default (objects.c) */
        float top = g + lift + fmaxf(h, 1.0f), cam_y = gc + 1.7f + 0.3f * size;
        float pitch = (float)(atan2((g + lift + 0.5 * h) - cam_y, dist) * 180.0 / OY_PI);
        oy_view v;
        view_make(&v, 0.0, cam_y, 0.0, 0.0f, pitch, 0.0f, 24.0f);
        render_without_with(&st, &v, &e, a, b);
        /* the box it should fill: its footprint (and spread) up to its top */
        float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f, r = k[i].radius;
        for (int c = 0; c < 8; c++) {
            float px, py;
            if (project(&v, ex + (c & 1 ? r : -r), c & 2 ? top : g + lift - (lift > 0.0f ? 6.0f : 0.5f),
                        ez + (c & 4 ? r : -r), &px, &py)) {
                x0 = fminf(x0, px); x1 = fmaxf(x1, px);
                y0 = fminf(y0, py); y1 = fmaxf(y1, py);
            }
        }
        int in = 0, out = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                if (differs(a, b, x, y)) {
                    const uint8_t *p = a + ((size_t)y * W + x) * 3, *q = b + ((size_t)y * W + x) * 3;
                    if (x >= x0 - 2 && x <= x1 + 2 && y >= y0 - 2 && y <= y1 + 2)
                        in++;
                    else if (q[0] + q[1] + q[2] >= p[0] + p[1] + p[2])
                        out++;          /* not its shadow, which may fall anywhere */
                }
        if (!strcmp(name, "road") || (k[i].flags & OY_KIND_STRAIGHT))
            CHECK(in + out > 200, "%s: drawn along the ground (%d pixels changed)", name, in + out);
        else
            CHECK(in >= 12 && out <= in / 2 + 20, "%s (%.0f m): drawn where it stands, %d pixels in its box "
                  "[%.0f..%.0f]x[%.0f..%.0f], %d outside", name, h, in, x0, x1, y0, y1, out);
        /* standing: its prototype reaches the ground and rises above it */
        if (k[i].build && !(k[i].flags & OY_KIND_LIFTED)) {
            oy_look look = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .dry = 1, .exposure = 1,
                             .night = (float)night };
            oy_build bl = { .seed = 5, .t = 1.0f, .look = &look };
            k[i].build(&bl);
            float lo = 1e9f, hi = -1e9f;
            for (int p = 0; p < bl.n; p++) {
                const oy_prim *q = &bl.p[p];
                float c = q->c[1], rr = q->type == OY_PRIM_HULL ? q->r[0] : q->r[1];
                if (q->type == OY_PRIM_FRUSTUM) {
                    lo = fminf(lo, c);
                    hi = fmaxf(hi, c + q->r[2]);
                } else {
                    lo = fminf(lo, c - rr);
                    hi = fmaxf(hi, c + rr);
                }
            }
            CHECK(lo <= 0.05f && hi > 0.15f, "%s: stands on the ground (from %.2f m to %.2f m)", name, lo, hi);
        }
    }
}

/* Mean brightness of the ground just below world point (x, z) on screen
 * in b (with lights) and a (without); the number of pixels measured. */
static int glow_below(const oy_state *st, const oy_view *v, const uint8_t *a, const uint8_t *b, double x,
                      double z, double *lit, double *dark)
{
    float fx, fy;
    int cnt = 0;
    *lit = *dark = 0.0;
    if (!project(v, x, oy_world_ground(world, st, x, z), z, &fx, &fy))
        return 0;
    for (int y = (int)fy; y < (int)fy + 6 && y < H; y++)
        for (int px = (int)fx - 10; px <= (int)fx + 10; px++) {
            if (px < 0 || px >= W || y < 0)
                continue;
            const uint8_t *p = b + ((size_t)y * W + px) * 3, *q = a + ((size_t)y * W + px) * 3;
            *lit += p[0] + p[1] + p[2];
            *dark += q[0] + q[1] + q[2];
            cnt++;
        }
    if (cnt) {
        *lit /= cnt;
        *dark /= cnt;
    }
    return cnt;
}

/* The forest's trees within r0..r1 m of (x, z): how many, and how many
 * of kind name. */
static int trees_in(oy_flora *f, const oy_world *w, const oy_world_shape *sh, double x, double z, double r0,
                    double r1, const char *name, int *of_kind)
{
    int n = 0;
    *of_kind = 0;
    for (int64_t tz = (int64_t)floor((z - r1) / OY_FLORA_TILE); tz <= (int64_t)floor((z + r1) / OY_FLORA_TILE); tz++)
        for (int64_t tx = (int64_t)floor((x - r1) / OY_FLORA_TILE); tx <= (int64_t)floor((x + r1) / OY_FLORA_TILE); tx++) {
            int k;
            const oy_tree *t = oy_flora_tile(f, w, sh, tx, tz, &k);
            for (int i = 0; i < k; i++) {
                double d = hypot(t[i].x - x, t[i].z - z);
                if (d >= r0 && d < r1) {
                    n++;
                    *of_kind += !strcmp(t[i].kind->name, name);
                }
            }
        }
    return n;
}

static int trees_near(oy_flora *f, const oy_world_shape *sh, double x, double z, double r0,
                      double r1, const char *name, int *of_kind)
{
    return trees_in(f, world, sh, x, z, r0, r1, name, of_kind);
}

static void forest_world(void)
{
    oy_flora *f = NULL;
    oy_state st;
    oy_world_shape sh;
    int pines, birches, n;
    CHECK(oy_flora_new(&f) == 0, "flora");

    state_default(&st);
    oy_world_shape_init(&sh, world, &st);
    n = trees_near(f, &sh, 0.0, 20.0, 0.0, 40.0, "pine", &pines);
    CHECK(n == 0, "the default world's clearing is open ground round the origin (%d trees)", n);

    st.ch[OY_CH_BIOME_FOREST] = 1.0f;
    oy_world_shape_init(&sh, world, &st);
    n = trees_near(f, &sh, 0.0, 6.0, 0.0, 8.0, "pine", &pines);
    int ring = trees_near(f, &sh, 0.0, 6.0, 20.0, 45.0, "pine", &pines);
    CHECK(n == 0 && ring > 25, "a forest world: a glade at the origin (%d trees), trees all round it "
          "(%d within 20-45 m)", n, ring);

    st.ch[OY_CH_CLEARING] = 1.0f;
    oy_world_shape_init(&sh, world, &st);
    n = trees_near(f, &sh, 0.0, 16.0, 0.0, 24.0, "pine", &pines);
    ring = trees_near(f, &sh, 0.0, 16.0, 40.0, 70.0, "pine", &pines);
    CHECK(n == 0 && ring > 25, "a clearing in the woods: open within 24 m (%d trees), trees beyond "
          "(%d within 40-70 m)", n, ring);

    /* forest and mountains named together: a wider glade, the view out
     * of it to the trees on the land below the peaks, trees behind and
     * beside */
    st.ch[OY_CH_CLEARING] = 0.0f;
    st.ch[OY_CH_RELIEF] = 0.95f;
    oy_world_shape_init(&sh, world, &st);
    n = trees_near(f, &sh, 0.0, 25.0, 0.0, 45.0, "pine", &pines);
    ring = trees_near(f, &sh, 0.0, 25.0, 100.0, 160.0, "pine", &pines);
    CHECK(n == 0 && ring > 25, "forest under mountains: open 45 m round the view's glade (%d trees), "
          "trees beyond (%d within 100-160 m)", n, ring);
    st.ch[OY_CH_RELIEF] = 0.35f;
    st.ch[OY_CH_CONIFER] = 1.0f;
    oy_world_shape_init(&sh, world, &st);
    n = trees_near(f, &sh, 0.0, 0.0, 10.0, 140.0, "pine", &pines);
    CHECK(pines > n * 9 / 10, "a conifer forest is pines (%d of %d)", pines, n);
    st.ch[OY_CH_CONIFER] = -0.8f;
    st.ch[OY_CH_BIRCH] = 1.0f;
    oy_world_shape_init(&sh, world, &st);
    n = trees_near(f, &sh, 0.0, 0.0, 10.0, 140.0, "birch", &birches);
    CHECK(birches > n * 7 / 10, "a birch wood is birches (%d of %d)", birches, n);
    int other;
    st.ch[OY_CH_BIRCH] = 0.0f;
    st.ch[OY_CH_BAMBOO] = 0.9f;
    oy_world_shape_init(&sh, world, &st);
    n = trees_near(f, &sh, 0.0, 0.0, 10.0, 140.0, "bamboo", &other);
    CHECK(other > n * 8 / 10, "a bamboo grove is bamboo (%d of %d)", other, n);
    st.ch[OY_CH_BAMBOO] = 0.0f;
    st.ch[OY_CH_ACACIA] = 0.85f;
    oy_world_shape_init(&sh, world, &st);
    n = trees_near(f, &sh, 0.0, 0.0, 10.0, 140.0, "acacia", &other);
    CHECK(other > n * 7 / 10, "acacia country's broadleaf trees are acacias (%d of %d)", other, n);
    st.ch[OY_CH_ACACIA] = 0.0f;
    /* trees by still water carry its level, to be mirrored in it */
    st.ch[OY_CH_LAKE] = 1.0f;
    oy_world_shape_init(&sh, world, &st);
    int by = 0, above = 0, total = 0;
    for (int64_t tz = -2; tz <= 12; tz++)
        for (int64_t tx = -8; tx <= 8; tx++) {
            int k;
            const oy_tree *t = oy_flora_tile(f, world, &sh, tx, tz, &k);
            for (int i = 0; i < k; i++, total++)
                if (t[i].water > -1e8f) {
                    by++;
                    above += t[i].water < t[i].ground;
                }
        }
    CHECK(by > 10 && above == by, "a lake in a forest: %d of %d trees stand by its water, %d above it", by,
          total, above);
    oy_flora_free(&f);
}

/* A forest world at noon, and a thing of a kind at (0, z) turned to yaw
 * (not yet in the state). */
static oy_entity forest_noon(oy_state *st, const char *kind, double z, float yaw)
{
    state_default(st);
    st->ch[OY_CH_BIOME_FOREST] = 1.0f;
    st->ch[OY_CH_TIME] = 12.0f;
    st->t = 2.0;
    oy_entity e = entity(kind, 0.0, z);
    e.yaw = yaw;
    return e;
}

/* Seen from above, a road laid through a forest world runs clear of its
 * trees: the strip along it shows the track, not crowns. */
static void road_through_trees(uint8_t *a, uint8_t *b)
{
    oy_state st;
    oy_view v;
    oy_entity e = forest_noon(&st, "road", 120.0, 0.0f);
    float g = oy_world_ground(world, &st, 0.0, 120.0);
    view_make(&v, 0.0, g + 70.0, 120.0, 0.0f, -89.0f, 0.0f, 24.0f);
    render_without_with(&st, &v, &e, a, b);
    int open_a = 0, open_b = 0;
    for (int y = H / 4; y < 3 * H / 4; y++)
        for (int x = W / 2 - 3; x < W / 2 + 3; x++) {
            const uint8_t *p = a + ((size_t)y * W + x) * 3, *q = b + ((size_t)y * W + x) * 3;
            open_a += p[1] < p[0] || p[1] < p[2];
            open_b += q[1] < q[0] || q[1] < q[2];
        }
    CHECK(open_b > open_a + 150, "a road through a forest runs clear of the trees (%d of %d pixels along it "
          "are not foliage, %d without the road)", open_b, 6 * H / 2, open_a);
}

/* A waterfall 200 m into a forest world, facing the view: the trees
 * leave the line it is seen along open, so its white water shows. */
static void waterfall_through_trees(uint8_t *a)
{
    oy_state st;
    oy_view v;
    oy_entity e = forest_noon(&st, "waterfall", 200.0, 180.0f);
    st.entities = &e;
    st.nentities = 1;
    float g = oy_world_ground(world, &st, 0.0, 0.0);
    view_make(&v, 0.0, g + 2.0, 0.0, 0.0f, 2.0f, 0.0f, 35.0f);
    render(&st, &v, a);
    int white = 0;
    for (size_t i = 0; i < (size_t)W * H; i++) {
        const uint8_t *p = a + i * 3;
        white += p[0] > 150 && p[1] > 150 && p[2] > 150 && p[2] - p[0] < 40 && p[0] - p[2] < 40;
    }
    CHECK(white > 150, "a waterfall 200 m into a forest shows through the trees (%d white pixels)", white);
}

/* A tower 130 m into a forest world, placed by the words for the view
 * at the origin: the trees keep the line it is seen along open, so its
 * grey stone shows; placed anywhere else it stands hidden in the trees. */
static int grey_pixels(const uint8_t *a)
{
    int n = 0;
    for (size_t i = 0; i < (size_t)W * H; i++) {
        const uint8_t *p = a + i * 3;
        n += p[0] > 60 && abs(p[0] - p[1]) < 14 && abs(p[1] - p[2]) < 14;
    }
    return n;
}

static void tower_through_trees(uint8_t *a)
{
    oy_state st;
    oy_view v;
    oy_entity e = forest_noon(&st, "tower", 130.0, 0.0f);
    float g = oy_world_ground(world, &st, 0.0, 0.0);
    view_make(&v, 0.0, g + 2.0, 0.0, 0.0f, -2.0f, 0.0f, 35.0f);
    render(&st, &v, a);
    int none = grey_pixels(a);
    st.entities = &e;
    st.nentities = 1;
    render(&st, &v, a);
    int hidden = grey_pixels(a);
    e.seen = 1;
    render(&st, &v, a);
    int seen = grey_pixels(a);
    CHECK(seen > none + 80 && seen > 2 * hidden - none, "a tower 130 m into a forest, placed for the view, shows "
          "through the trees (%d grey pixels; %d placed for no view, %d without it)", seen, hidden, none);
}

/* Where the words put a thing: shot text, then entity n's place at 1 s;
 * its ground and water from the world, its bearing from the view (degrees
 * off the view's heading). 0 when the shot did not open or has no such
 * entity. */
/* A shot of the world prompt with the plain camera (NULL: it did not open). */
static oyster_shot *prompt_shot(const char *prompt)
{
    char path[] = "/tmp/oyster-place-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        return NULL;
    fprintf(f, "oyster: 1\nseed: 1\noutput: {size: 320x180, duration: 2s}\nworld: {prompt: \"%s\"}\n"
               "camera:\n  path:\n    - {at: 0s, pos: [0, 2, 0], yaw: 0, pitch: -2}\n", prompt);
    fclose(f);
    oyster_shot *shot = NULL;
    int ok = oyster_shot_open(&shot, path, NULL, NULL, NULL) == 0;
    unlink(path);
    return ok ? shot : NULL;
}

/* The prompt's shot with its state at 1 s in st (NULL, a failed check,
 * when it did not open) */
static oyster_shot *prompt_state(const char *prompt, oy_state *st)
{
    oyster_shot *shot = prompt_shot(prompt);
    CHECK(shot != NULL, "'%s' opens", prompt);
    if (shot) {
        oy_view v;
        oy_shot_eval(shot, 1.0, st, shot->ents, &v);
    }
    return shot;
}

/* The prompt's channel ch at 1 s (-1 when it did not open) */
static float prompt_channel(const char *prompt, int ch)
{
    oy_state st;
    oyster_shot *shot = prompt_state(prompt, &st);
    float v = shot ? st.ch[ch] : -1.0f;
    oyster_shot_free(&shot);
    return v;
}

static int placed_nth(const char *prompt, int n, oy_place_info *at, float *rise, float *bearing, oy_entity *out)
{
    oyster_shot *shot = prompt_shot(prompt);
    int ok;
    if (!shot)
        return 0;
    oy_state st;
    oy_view v;
    oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
    ok = st.nentities > n;
    if (ok) {
        const oy_entity *e = &st.entities[n];
        oy_world_place(shot->world, &st, e->pos[0], e->pos[2], at);
        *rise = at->ground - oy_world_ground(shot->world, &st, v.pos[0], v.pos[2]);
        *bearing = oy_atan2f(e->pos[0] - (float)v.pos[0], e->pos[2] - (float)v.pos[2]) * 57.29578f;
        if (out)
            *out = *e;
    }
    oyster_shot_free(&shot);
    return ok;
}

static int placed(const char *prompt, oy_place_info *at, float *rise, float *bearing, oy_entity *out)
{
    return placed_nth(prompt, 0, at, rise, bearing, out);
}

/* A forest under mountains ("a pine forest in the mountains") stands on
 * the land ahead of the view's glade, below the peaks' upper slopes (it
 * stood only far off, the land a bare lawn for 300 m round the view);
 * and a farm's barn and silo, both named by the farmhouse, stand apart
 * (they stood on one spot). */
/* A thing in the distance behind a rise shows over it: "a farmhouse in
 * the distance" stood 180 m off behind a crest of lavender whose ground
 * cleared the line to its middle by centimetres, and the rows on the
 * crest hid all of it. */
static void seen_over_crest(uint8_t *a, uint8_t *b)
{
    oy_state st;
    oy_view v;
    oyster_shot *shot = prompt_shot("a lavender field in provence with a farmhouse in the distance");
    CHECK(shot != NULL, "the lavender field opens");
    if (!shot)
        return;
    oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
    const oy_entity *e = st.entities;
    int n = st.nentities;
    st.nentities = 0;
    render_in(shot->world, &st, &v, a);
    st.entities = e;
    st.nentities = n;
    render_in(shot->world, &st, &v, b);
    int shown = 0;
    for (int i = 0; i < W * H; i++)
        shown += differs(a, b, i % W, i / W);
    CHECK(n == 1 && shown >= 200, "a farmhouse in the distance shows over the rise (%d pixels)", shown);
    oyster_shot_free(&shot);
}

static void woods_and_farm(void)
{
    oy_state st;
    oyster_shot *shot = prompt_state("a misty pine forest in the mountains after rain", &st);
    if (shot) {
        oy_world_shape sh;
        oy_world_shape_init(&sh, shot->world, &st);
        int wooded = 0, n = 0;
        for (double z = 90.0; z <= 160.0; z += 5.0)
            for (double x = -100.0; x <= 100.0; x += 20.0) {
                oy_world_point pt;
                oy_world_eval(shot->world, &sh, x, z, 1.0f, &pt);
                oy_world_material(shot->world, &sh, x, z, 0.0f, &pt);
                wooded += pt.canopy > 3.0f;
                n++;
            }
        CHECK(wooded * 2 > n, "a forest under mountains: %d of %d points 90-160 m ahead wooded", wooded, n);
        oyster_shot_free(&shot);
    }
    shot = prompt_state("a farmhouse with a red barn and a silo in wheat fields", &st);
    if (shot) {
        const oy_entity *barn = NULL, *silo = NULL;
        for (int i = 0; i < st.nentities; i++) {
            if (!strcmp(st.entities[i].kind, "barn"))
                barn = &st.entities[i];
            if (!strcmp(st.entities[i].kind, "silo"))
                silo = &st.entities[i];
        }
        float d = barn && silo ? hypotf(barn->pos[0] - silo->pos[0], barn->pos[2] - silo->pos[2]) : 0.0f;
        float need = oy_scene_kind_find("barn")->radius + oy_scene_kind_find("silo")->radius;
        CHECK(d > need, "a farm's barn and silo stand %.0f m apart (at least %.0f)", d, need);
        oyster_shot_free(&shot);
    }
    /* two of a kind named by the same one: a barn and a stable */
    shot = prompt_state("a farmhouse with a barn and a stable", &st);
    if (shot) {
        float d = st.nentities == 3 ? hypotf(st.entities[1].pos[0] - st.entities[2].pos[0],
                                             st.entities[1].pos[2] - st.entities[2].pos[2])
                                    : 0.0f;
        float need = 2.0f * oy_scene_kind_find("barn")->radius;
        CHECK(d > need, "a farmhouse's barn and stable stand %.0f m apart (at least %.0f)", d, need);
        oyster_shot_free(&shot);
    }
}

/* "A desert oasis": a grove of palms rings its pool, the sand round the
 * origin open; a lake in the desert alone grows none; a japanese
 * garden's trees, not palms, ring its pond. */
static void oasis_grove(void)
{
    static const char *const prompts[] = { "a desert oasis with camels", "a lake in the desert",
                                           "a japanese garden with a pond" };
    int palms[3] = { 0, 0, 0 }, all[3] = { 0, 0, 0 }, near = -1;
    oy_flora *f = NULL;
    CHECK(oy_flora_new(&f) == 0, "flora");
    for (int i = 0; i < 3 && f; i++) {
        oy_state st;
        oyster_shot *shot = prompt_state(prompts[i], &st);
        if (!shot)
            continue;
        oy_world_shape sh;
        oy_world_shape_init(&sh, shot->world, &st);
        all[i] = trees_in(f, shot->world, &sh, 0.0, 0.0, 0.0, 150.0, "palm", &palms[i]);
        if (i == 0) {
            int p;
            near = trees_in(f, shot->world, &sh, 0.0, 0.0, 0.0, 18.0, "palm", &p);
        }
        oyster_shot_free(&shot);
    }
    oy_flora_free(&f);
    CHECK(palms[0] >= 30 && palms[0] == all[0] && near == 0, "an oasis: a grove of %d palms round its pool (%d "
          "trees in all), none within 18 m of the origin (%d)", palms[0], all[0], near);
    CHECK(all[1] < 5, "a lake in the desert grows no grove (%d trees)", all[1]);
    CHECK(all[2] >= 15 && palms[2] == 0, "a japanese garden's trees ring its pond (%d within 150 m, %d palms)",
          all[2], palms[2]);
}

/* What the words set going goes at its pace, away and to one side, in
 * the frame of the plain view for the shot, on dry land; what they do
 * not, stands. */
static void going_words(void)
{
    static const struct { const char *prompt; float speed; } go[] = {
        { "wild horses galloping across a field", 10.0f },
        { "a man walking on the beach at sunset", 1.4f },
        { "deer running through the forest", 8.0f },
        { "a herd of horses grazing in a meadow", 0.0f },
        { "a frozen lake with people ice skating", 2.8f },
    };
    for (size_t i = 0; i < sizeof go / sizeof *go; i++) {
        oyster_shot *shot = prompt_shot(go[i].prompt);
        oy_state s0, s1;
        oy_view v;
        float moved = -1.0f, least = -1.0f, worst = 0.0f;
        int wet = 0, n = 0;
        if (shot) {
            oy_shot_eval(shot, 0.0, &s0, shot->ents, &v);
            oy_entity e0[8];
            n = s0.nentities < 8 ? s0.nentities : 8;
            memcpy(e0, s0.entities, (size_t)n * sizeof *e0);
            oy_shot_eval(shot, 2.0, &s1, shot->ents, &v);
            for (int k = 0; k < n && k < s1.nentities; k++) {
                const float *p = s1.entities[k].pos;
                float d = hypotf(p[0] - e0[k].pos[0], p[2] - e0[k].pos[2]) / 2.0f;
                moved = k ? fmaxf(moved, d) : d;
                least = k ? fminf(least, d) : d;
                worst = fmaxf(worst, fabsf(oy_atan2f(p[0] - (float)v.pos[0], p[2] - (float)v.pos[2])) * 57.29578f);
                oy_place_info at;
                oy_world_place(shot->world, &s1, p[0], p[2], &at);
                wet |= at.water > at.ground;
            }
            oyster_shot_free(&shot);
        }
        CHECK(n > 0 && fabsf(moved - go[i].speed) < 0.05f * go[i].speed + 0.01f &&
              fabsf(least - go[i].speed) < 0.05f * go[i].speed + 0.01f &&
              (worst < 19.6f || go[i].speed == 0.0f) && !wet,
              "'%s': %d things go at %.2f-%.2f m/s (%.1f asked), %.1f degrees off the view at most at 2 s, %s",
              go[i].prompt, n, least, moved, go[i].speed, worst, wet ? "one in water" : "dry");
    }
}

/* A fjord's village stands on the strand flat under its walls: level
 * ground a few metres over the water (it stood on the steep wall, its
 * houses dark on the rock); a waterfall named with a fjord leaves the
 * fjord's water under the view (its river had made the floor land). */
static void fjord_words(void)
{
    oyster_shot *shot = prompt_shot("a small fishing village on a fjord in norway");
    float rise = 99.0f, step = 99.0f;
    if (shot) {
        oy_state st;
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        const oy_entity *e = &st.entities[0];
        oy_place_info at;
        oy_world_place(shot->world, &st, e->pos[0], e->pos[2], &at);
        float g = oy_world_ground(shot->world, &st, e->pos[0], e->pos[2]);
        oy_place_info sea;
        oy_world_place(shot->world, &st, 0.0, e->pos[2], &sea);
        rise = g - sea.water;
        /* landward of it, away from the fjord's middle (x = 0 here) */
        step = 0.0f;
        for (float d = 8.0f; d <= 24.0f; d += 8.0f)
            step = fmaxf(step, fabsf(oy_world_ground(shot->world, &st, e->pos[0] + (e->pos[0] < 0.0f ? -d : d),
                                                     e->pos[2]) - g));
        oyster_shot_free(&shot);
    }
    CHECK(rise > 0.5f && rise < 6.0f && step < 2.5f, "a fjord's village stands on level ground %.1f m over the "
          "water (the ground 8-24 m landward within %.1f m)", rise, step);
    shot = prompt_shot("steep cliffs plunging into a fjord with a waterfall");
    int wet = 0;
    if (shot) {
        oy_state st;
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        oy_place_info at;
        oy_world_place(shot->world, &st, 0.0, 20.0, &at);
        wet = at.water > at.ground;
        oyster_shot_free(&shot);
    }
    CHECK(wet, "with a waterfall named, the fjord's water still lies before the view");
}

/* Metres from (x, z) to the centre line of the road entity r (0-180 m
 * out from its place, the way it leads); *right: 1 when on its right. */
static float off_road(const oy_entity *r, float x, float z, int *right)
{
    float best = 1e9f;
    for (float u = 0.0f; u <= 180.0f; u += 0.5f) {
        float c[2], a, dx, dz, d;
        oy_road_point(r->seed, r->yaw * (float)(OY_PI / 180.0), 0, u, c, &a);
        dx = x - r->pos[0] - c[0];
        dz = z - r->pos[2] - c[1];
        d = hypotf(dx, dz);
        if (d < best) {
            best = d;
            *right = dx * oy_cosf(a) - dz * oy_sinf(a) > 0.0f;
        }
    }
    return best;
}

/* By a road: what the words line it with stands in pairs either side of
 * its centre line as it winds, clear of it; one set going along it keeps
 * to it (they stood on a straight line off its bends, and the trees 74 m
 * out, where a tall thing stands alone). */
static void road_words(void)
{
    oyster_shot *shot = prompt_shot("a country road lined with poplar trees");
    int n = 0, clear = 0, right = 0, near = 0;
    if (shot) {
        oy_state st;
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        for (int k = 1; k < st.nentities; k++) {
            const oy_entity *e = &st.entities[k];
            int on_right;
            float d = off_road(&st.entities[0], e->pos[0], e->pos[2], &on_right);
            n++;
            clear += d > 3.5f && d < 10.0f;
            right += on_right;
            near += hypotf(e->pos[0] - (float)v.pos[0], e->pos[2] - (float)v.pos[2]) < 40.0f;
        }
        oyster_shot_free(&shot);
    }
    CHECK(n == 12 && clear == 12 && right == 6 && near >= 4,
          "a road lined with poplars: %d trees, %d 3.5-10 m off its centre line, %d on its right, %d within 40 m",
          n, clear, right, near);
    shot = prompt_shot("a woman jogging along a country road");
    float worst = 99.0f, went = 0.0f;
    if (shot) {
        oy_state st;
        oy_view v;
        worst = 0.0f;
        for (double t = 0.0; t <= 8.0; t += 2.0) {
            oy_shot_eval(shot, t, &st, shot->ents, &v);
            int on_right;
            worst = fmaxf(worst, off_road(&st.entities[0], st.entities[1].pos[0], st.entities[1].pos[2], &on_right));
            went = st.entities[1].stride;
        }
        oyster_shot_free(&shot);
    }
    CHECK(worst < 2.5f && went > 20.0f, "a woman jogging along a road keeps to it (%.1f m off its centre line at "
          "most over 8 s, %.0f m run)", worst, went);
    /* a power line by a road winds with it: its poles, laid along the
     * line objects.c lays them on, stand beside the road all its length */
    shot = prompt_shot("telephone poles along a dusty desert road");
    int poles = 0, beside = 0, sides = 0;
    if (shot) {
        oy_state st;
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        const oy_entity *road = &st.entities[0], *line = st.nentities > 1 ? &st.entities[1] : NULL;
        for (int i = 0; line && !strcmp(line->kind, "power_line") && i <= 30 / OY_POLE_PIECES; i++) {
            float c[2], a;
            int on_right;
            oy_road_point(line->seed, line->yaw * (float)(OY_PI / 180.0), 0, OY_POLE_PIECES * OY_ROAD_PIECE * (float)i,
                          c, &a);
            float d = off_road(road, line->pos[0] + c[0], line->pos[2] + c[1], &on_right);
            poles++;
            beside += d > 4.5f && d < 10.0f;
            sides += on_right;
        }
        oyster_shot_free(&shot);
    }
    CHECK(poles == 5 && beside == 5 && (sides == 0 || sides == 5),
          "telephone poles along a road stand beside it on one side all its length (%d of %d poles 4.5-10 m off "
          "its centre line, %d on its right)", beside, poles, sides);
}

/* A building by a road stands back from it, far enough up it to be seen
 * whole, on the side nearer the middle of the view (a barn stood on the
 * road 18 m off, filling the frame) */
static void barn_by_road(void)
{
    oyster_shot *shot = prompt_shot("a dirt road through wheat fields with a red barn");
    float off = 0.0f, dist = 0.0f, px = -1.0f, py;
    if (shot) {
        oy_state st;
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        if (st.nentities == 2 && !strcmp(st.entities[1].kind, "barn")) {
            const oy_entity *barn = &st.entities[1];
            int on_right;
            off = off_road(&st.entities[0], barn->pos[0], barn->pos[2], &on_right);
            dist = hypotf(barn->pos[0] - (float)v.pos[0], barn->pos[2] - (float)v.pos[2]);
            oy_place_info at;
            oy_world_place(shot->world, &st, barn->pos[0], barn->pos[2], &at);
            project(&v, barn->pos[0], at.ground + 5.0, barn->pos[2], &px, &py);
        }
        oyster_shot_free(&shot);
    }
    CHECK(off > 13.0f && dist > 50.0f && px > 0.15f * W && px < 0.85f * W,
          "a barn by a road stands %.1f m off its centre line, %.0f m off, its middle at x %.0f of %d", off, dist,
          px, W);
}

/* A bridge over a dry gorge spans it from side to side, its deck high
 * over the floor and in the upper half of the view (it lay on the
 * floor, a ramp to nowhere); one the words give nothing to cross crosses
 * a stream (it stood on the grass). */
static void bridge_words(void)
{
    oy_state st;
    oyster_shot *shot = prompt_state("a wooden rope bridge over a jungle gorge", &st);
    int spans = 0, seen = 0;
    float span = 0.0f, high = 0.0f;
    if (shot) {
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        const oy_entity *e = &st.entities[0];
        oy_world_shape sh;
        oy_world_shape_init(&sh, shot->world, &st);
        oy_world_gap gap;
        spans = st.nentities == 1 && !strcmp(e->kind, "footbridge") &&
                oy_world_gap_at(shot->world, &sh, e->pos[0], e->pos[2], e->yaw * (float)(OY_PI / 180.0), &gap);
        if (spans) {
            float px, py;
            span = gap.span;
            high = gap.top - gap.floor;
            seen = project(&v, gap.mid[0], gap.top + 2.0, gap.mid[1], &px, &py) && px > 0.0f && px < W &&
                   py > 0.0f && py < 0.5f * H;
        }
        oyster_shot_free(&shot);
    }
    CHECK(spans && span > 15.0f && span <= 100.0f && high >= 8.0f && seen,
          "a rope bridge over a gorge spans it (%.0f m long, %.0f m over the floor) in the upper half of the view "
          "(%d)", span, high, seen);
    oy_place_info at;
    float rise, bearing, river[2];
    static const char *const prompts[2] = { "an old bridge in the hills", "an old castle in the hills" };
    for (int i = 0; i < 2; i++)
        river[i] = prompt_channel(prompts[i], OY_CH_RIVER);
    int wet = placed(prompts[0], &at, &rise, &bearing, NULL) && at.water > at.ground;
    CHECK(river[0] >= 0.4f && river[1] < 0.1f && wet,
          "a bridge with nothing named to cross crosses a stream (river %.2f, %.2f for a castle; over water %d)",
          river[0], river[1], wet);
}

/* Houses on stilts stand out on the water in view, each clear of the
 * others (the words drew log cabins on the shore) */
static void stilt_words(void)
{
    int wet = 0, seen = 0, apart = 1;
    oy_state st;
    oyster_shot *shot = prompt_state("overwater bungalows in a turquoise lagoon", &st);
    if (shot) {
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        for (int i = 0; i < st.nentities; i++) {
            const oy_entity *e = &st.entities[i];
            oy_place_info at;
            oy_world_place(shot->world, &st, e->pos[0], e->pos[2], &at);
            float px, py;
            wet += !strcmp(e->kind, "stilt_house") && at.water > at.ground;
            seen += project(&v, e->pos[0], at.water + 3.0, e->pos[2], &px, &py) && px > 0.0f && px < W;
            for (int j = 0; j < i; j++)
                apart &= hypotf(e->pos[0] - st.entities[j].pos[0], e->pos[2] - st.entities[j].pos[2]) > 8.0f;
        }
        oyster_shot_free(&shot);
    }
    CHECK(wet == 3 && seen >= 2 && apart, "overwater bungalows stand on the water (%d of 3), %d in view, apart (%d)",
          wet, seen, apart);
}

/* A plane flies over the land where the view sees it; a crashed one
 * lies on the ground near enough to read (it was an unknown word) */
static void airplane_words(void)
{
    oy_state st;
    float px = -1.0f, py = -1.0f, off = 0.0f;
    int derelict = -1;
    oyster_shot *shot = prompt_state("a plane flying over green hills", &st);
    if (shot) {
        oy_view v;
        oy_shot_eval(shot, 1.5, &st, shot->ents, &v);
        if (st.nentities == 1 && !strcmp(st.entities[0].kind, "airplane")) {
            const oy_entity *e = &st.entities[0];
            float g = oy_world_ground(shot->world, &st, e->pos[0], e->pos[2]);
            project(&v, e->pos[0], g + 25.0, e->pos[2], &px, &py);
        }
        oyster_shot_free(&shot);
    }
    CHECK(px > 0.0f && px < W && py > 0.0f && py < 0.5f * H, "a plane flying over hills is in the sky of the "
          "frame (at %.0f, %.0f of %dx%d)", px, py, W, H);
    shot = prompt_state("a crashed plane in the desert", &st);
    if (shot) {
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        if (st.nentities == 1 && !strcmp(st.entities[0].kind, "airplane")) {
            derelict = st.entities[0].derelict;
            off = hypotf(st.entities[0].pos[0] - (float)v.pos[0], st.entities[0].pos[2] - (float)v.pos[2]);
        }
        oyster_shot_free(&shot);
    }
    CHECK(derelict == 1 && off > 30.0f && off < 120.0f, "a crashed plane is a wreck (%d) %.0f m off", derelict, off);
}

/* In the dunes a house stands on level sand, not sunk in a dune's slope,
 * and no lower than most of a crest */
static void footing_in_dunes(void)
{
    oy_state st;
    float lo = 1e9f, hi = -1e9f;
    oyster_shot *shot = prompt_state("an adobe house in the desert", &st);
    if (shot) {
        oy_view v;
        oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
        const oy_entity *e = st.nentities == 1 ? &st.entities[0] : NULL;
        const oy_kind *k = e ? oy_scene_kind_find(e->kind) : NULL;
        for (int i = 0; k && i < 9; i++) {
            float a = 0.785f * (float)i, r = i == 8 ? 0.0f : 0.9f * k->radius * e->size;
            float g = oy_world_ground(shot->world, &st, e->pos[0] + r * cosf(a), e->pos[2] + r * sinf(a));
            lo = fminf(lo, g);
            hi = fmaxf(hi, g);
        }
        oyster_shot_free(&shot);
    }
    CHECK(hi - lo < 2.0f, "a house in the dunes stands on level sand (%.2f m from its lowest corner to its highest)",
          hi - lo);
}

/* Boats named with a town float on the water the view sees (they
 * stood on the beach by the town) */
static void boats_by_town(void)
{
    int wet = 0, boats = 0;
    oy_state st;
    oyster_shot *shot = prompt_state("a harbour town with fishing boats at dawn", &st);
    if (shot) {
        for (int i = 0; i < st.nentities; i++) {
            const oy_entity *e = &st.entities[i];
            oy_place_info at;
            oy_world_place(shot->world, &st, e->pos[0], e->pos[2], &at);
            boats += !strcmp(e->kind, "boat");
            wet += !strcmp(e->kind, "boat") && at.water > at.ground;
        }
        oyster_shot_free(&shot);
    }
    CHECK(boats == 3 && wet == 3, "'a harbour town with fishing boats': %d of %d boats afloat", wet, boats);
    /* a great floating thing has sea all round it as far as it reaches,
     * its size counted (a huge iceberg lay half on the beach) */
    int round = 0, berg = 0;
    shot = prompt_state("a huge iceberg in the arctic ocean", &st);
    for (int i = 0; shot && i < st.nentities; i++) {
        const oy_entity *e = &st.entities[i];
        if (strcmp(e->kind, "iceberg"))
            continue;
        berg++;
        float r = oy_scene_kind_find("iceberg")->radius * e->size;
        for (int k = 0; k < 8; k++) {
            oy_place_info at;
            oy_world_place(shot->world, &st, e->pos[0] + r * sin(k * OY_PI / 4), e->pos[2] + r * cos(k * OY_PI / 4),
                           &at);
            round += at.water > at.ground;
        }
    }
    oyster_shot_free(&shot);
    CHECK(berg == 1 && round == 8, "'a huge iceberg in the arctic ocean': sea at %d of 8 points round it as far "
          "as it reaches", round);
}

/* Overlooking: the view stands on a bluff's edge over the land ahead,
 * one named with it short of the edge in the frame (a hiker stood 120 m
 * off on the valley floor); a building that overlooks stands where the
 * view sees it, with no bluff under the view; over a canyon the view
 * looks down it from its head. */
static void overlook_words(void)
{
    static const struct { const char *prompt; int bluff; } ov[] = {
        { "a hiker standing on a cliff edge overlooking a valley", 1 },
        { "a woman overlooking the ocean from a cliff", 1 },
        { "a viewpoint over a canyon at sunset", 1 },
        { "a castle overlooking the sea", 0 },
    };
    for (size_t i = 0; i < sizeof ov / sizeof *ov; i++) {
        oyster_shot *shot = prompt_shot(ov[i].prompt);
        float drop = -99.0f, bearing = 0.0f, stands = 0.0f;
        int n = 0;
        if (shot) {
            oy_state st;
            oy_view v;
            oy_shot_eval(shot, 1.0, &st, shot->ents, &v);
            float g0 = oy_world_ground(shot->world, &st, 0.0, 0.0);
            drop = g0 - oy_world_ground(shot->world, &st, 0.0, 80.0);
            n = st.nentities;
            if (n > 0) {
                const oy_entity *e = &st.entities[0];
                bearing = oy_atan2f(e->pos[0] - (float)v.pos[0], e->pos[2] - (float)v.pos[2]) * 57.29578f;
                stands = oy_world_ground(shot->world, &st, e->pos[0], e->pos[2]) - g0;
            }
            oyster_shot_free(&shot);
        }
        if (ov[i].bluff)
            CHECK(drop > 50.0f && (n == 0 || (fabsf(bearing) < 15.0f && fabsf(stands) < 3.0f)),
                  "'%s': the view stands %.0f m over the land 80 m ahead; what it names stands on the bluff "
                  "(%.1f m from the view's ground, %.1f degrees off the view)", ov[i].prompt, drop, stands, bearing);
        else
            CHECK(fabsf(drop) < 25.0f, "'%s': no bluff under the view (%.0f m over the land 80 m ahead)",
                  ov[i].prompt, drop);
    }
}

static void placement_words(void)
{
    oy_place_info at;
    float rise, bearing;
    int ok = placed("a tower on the ridge, autumn", &at, &rise, &bearing, NULL);
    CHECK(ok && rise > 5.0f && fabsf(bearing) < 16.0f, "'a tower on the ridge' stands on high ground in view "
          "(%.1f m above the camera's ground, %.1f degrees off the view)", rise, bearing);
    ok = placed("green hills with a village on the far hill", &at, &rise, &bearing, NULL);
    CHECK(ok && rise > 15.0f && fabsf(bearing) < 20.0f, "'a village on the far hill' stands on the hill in view "
          "(%.1f m above the camera's ground, %.1f degrees off the view)", rise, bearing);
    /* the view stands on a town square's floor, facing into it, and
     * the fountain named with it stands in its middle */
    oy_entity sq, fo;
    ok = placed_nth("a market town square with a fountain at noon", 0, &at, &rise, &bearing, &sq) &&
         placed_nth("a market town square with a fountain at noon", 1, &at, &rise, &bearing, &fo);
    float yaw = ok ? sq.yaw * 0.01745329f : 0.0f, sd = ok ? hypotf(sq.pos[0], sq.pos[2]) : 99.0f;
    float front = ok && sd > 0.0f ? -(oy_sinf(yaw) * sq.pos[0] + oy_cosf(yaw) * sq.pos[2]) / sd : 0.0f;
    float fd = ok ? hypotf(fo.pos[0] - sq.pos[0], fo.pos[2] - sq.pos[2]) : 99.0f;
    CHECK(ok && !strcmp(sq.kind, "town_square") && !strcmp(fo.kind, "fountain") && sd < 15.0f && front > 0.9f &&
          fd < 8.0f, "'a town square with a fountain': the view stands on its floor (%.1f m from its middle, "
          "its open front %.2f toward the view), the fountain %.1f m from its middle", sd, front, fd);
    /* a tree (about 12 m) on a hill stands where a level view has its
     * top in the frame (under 9.3 degrees), still up the hill */
    oy_entity tree;
    ok = placed("a lone tree on a grassy hill at sunset", &at, &rise, &bearing, &tree);
    float off = ok ? sqrtf(tree.pos[0] * tree.pos[0] + tree.pos[2] * tree.pos[2]) : 1.0f;
    CHECK(ok && rise > 10.0f && fabsf(bearing) < 20.0f && (rise + 12.0f) / off < 0.164f,
          "'a lone tree on a grassy hill' stands up the hill with its top in the frame (%.1f m up, %.0f m off, "
          "top %.1f degrees up, %.1f degrees off the view)", rise, off, oy_atan2f(rise + 12.0f, off) * 57.29578f,
          bearing);
    /* the hill a castle or a village stands on is low and far enough for
     * a level view to see it whole on its top, a third of the way in
     * from the frame's edge at most; by the sea the hill is a headland
     * (not levelled to the beach) and a sea cliff stands back beyond the
     * view's cove */
    static const struct { const char *words; float h; } crowned[] = {
        { "a castle on a hill at sunset", 22.0f }, { "a medieval village on a hill", 8.0f },
        { "a small church on a steep hill", 26.0f }, { "a house on a hill overlooking the sea", 9.0f },
        { "a lighthouse on a cliff above a stormy sea", 28.0f }, { "a lighthouse on a hill by the sea", 28.0f },
        { "a castle on a hill by the sea", 22.0f },
        /* (by a river the hill stood on the floor, levelled by the
         * river's valley: the castle stood by the water) */
        { "a medieval castle on a hill above a river valley, autumn colors", 22.0f },
        { "a castle on a hill by a river", 22.0f }, { "a church on a hill in a green valley", 26.0f },
    };
    for (size_t i = 0; i < sizeof crowned / sizeof *crowned; i++) {
        oy_entity thing;
        ok = placed(crowned[i].words, &at, &rise, &bearing, &thing);
        float d = ok ? hypotf(thing.pos[0], thing.pos[2]) : 1.0f, top = rise + crowned[i].h * thing.size;
        CHECK(ok && rise > 12.0f && fabsf(bearing) < 13.0f && top / d < 0.164f,
              "'%s' stands on the hill, whole in the frame (%.1f m up, %.0f m off, top %.1f degrees up, "
              "%.1f degrees off the view)", crowned[i].words, rise, d, oy_atan2f(top, d) * 57.29578f, bearing);
    }
    /* one thing alone on a hill stands on a lower hill, nearer, to read
     * (a lone tree stood 2 degrees tall on a hill 360 m off) */
    static const char *const alone[] = { "a lone tree on a hill under a starry sky", "a white church on a hill",
                                         "a windmill on a hill" };
    for (size_t i = 0; i < sizeof alone / sizeof *alone; i++) {
        oy_entity thing;
        ok = placed(alone[i], &at, &rise, &bearing, &thing);
        const oy_kind *k = ok ? oy_scene_kind_find(thing.kind) : NULL;
        float d = ok ? hypotf(thing.pos[0], thing.pos[2]) : 1.0f, h = k ? k->height * thing.size : 0.0f;
        CHECK(ok && h / d > 0.045f && (rise + h) / d < 0.164f && rise > 8.0f,
              "'%s' stands %.1f degrees tall, %.0f m off, on a hill %.1f m up", alone[i],
              oy_atan2f(h, d) * 57.29578f, d, rise);
    }
    /* a bridge named with a village crosses the river the view sees (it
     * stood behind the camera, off the village's near side) */
    ok = placed_nth("a village by a river with a stone bridge", 1, &at, &rise, &bearing, NULL);
    CHECK(ok && at.water > at.ground && fabsf(bearing) < 20.0f, "'a village by a river with a stone bridge': the "
          "bridge stands over the water, %.1f degrees off the view", bearing);
    /* on a pier: a person out on its deck over the water, a boat moored
     * beside it, both in the frame by the pier's foot (a man on a pier
     * stood on the dry shore out of the frame, or on a pier by no water;
     * a rowboat tied to a dock floated behind its deck) */
    static const char *const piers[] = { "a man standing on a pier at sunset", "a boy fishing from a wooden dock",
                                         "a rowboat tied to a dock on a misty lake" };
    for (size_t i = 0; i < sizeof piers / sizeof *piers; i++) {
        oy_entity pier, thing;
        oy_place_info on;
        ok = placed_nth(piers[i], 0, &at, &rise, &bearing, &pier) &&
             placed_nth(piers[i], 1, &on, &rise, &bearing, &thing);
        float d = ok ? hypotf(thing.pos[0] - pier.pos[0], thing.pos[2] - pier.pos[2]) : 999.0f;
        CHECK(ok && !strcmp(pier.kind, "pier") && on.water > on.ground && d > 6.0f && d < 30.0f &&
              fabsf(bearing) < 18.0f, "'%s': the %s stands over the water %.0f m out from the pier's foot, "
              "%.1f degrees off the view", piers[i], ok ? thing.kind : "?", d, bearing);
    }
    /* in fog, what is named stands where the fog lets it be seen, not on
     * a hill the fog hides (the ruins stood 290 m off in fog that hides
     * all beyond 200 m) */
    static const char *const foggy[] = { "ruins on a hill covered in fog",
                                         "a lighthouse in thick fog", "a lone tree in a foggy field" };
    for (size_t i = 0; i < sizeof foggy / sizeof *foggy; i++) {
        oy_entity thing;
        ok = placed(foggy[i], &at, &rise, &bearing, &thing);
        float d = ok ? hypotf(thing.pos[0], thing.pos[2]) : 999.0f;
        CHECK(ok && d < 90.0f && fabsf(bearing) < 15.0f, "'%s': the thing stands %.0f m off, %.1f degrees off "
              "the view (at most 90 m)", foggy[i], d, bearing);
    }
    /* but a tall thing in a thinner fog stands off a little past where
     * the fog thins it to a third, a shape in it, most of it in the frame
     * (a lighthouse in a foggy harbour stood 20 m off, its door alone in
     * view) */
    oy_entity tall;
    ok = placed("a foggy harbor with a lighthouse at dawn", &at, &rise, &bearing, &tall);
    float tall_d = ok ? hypotf(tall.pos[0], tall.pos[2]) : 0.0f;
    CHECK(ok && tall_d > 100.0f && tall_d < 260.0f && fabsf(bearing) < 15.0f, "'a foggy harbor with a lighthouse': it "
          "stands %.0f m off (100-260 m), %.1f degrees off the view", tall_d, bearing);
    /* a campfire among dunes stands where a view tilted 2 degrees down
     * has it in the frame, not down the slip face below the frame's
     * foot (it stood 32 degrees below the view) */
    oy_entity fire;
    ok = placed("sand dunes with a campfire and camels", &at, &rise, &bearing, &fire);
    float fd2 = ok ? hypotf(fire.pos[0], fire.pos[2]) : 1.0f, below = ok ? (2.0f - rise) / fd2 : 9.0f;
    CHECK(ok && !strcmp(fire.kind, "campfire") && below < 0.2f && fabsf(bearing) < 15.0f,
          "'sand dunes with a campfire': the fire is in the frame (%.1f degrees below the eye, %.0f m off, "
          "%.1f degrees off the view)", oy_atan2f(2.0f - rise, fd2) * 57.29578f, fd2, bearing);
    /* near enough the middle of the view that its span stays in the frame
     * (it stood 15 degrees off, its near end out of the frame) */
    ok = placed("a wooden bridge over a rushing mountain stream", &at, &rise, &bearing, NULL);
    CHECK(ok && at.water > at.ground && fabsf(bearing) < 12.0f, "'a bridge over a stream' stands over the water "
          "in view (%.1f m deep, %.1f degrees off the view)", at.water - at.ground, bearing);
    /* what stands with an island stands on its top, near enough to read
     * (a castle 42 m across, 400 m off, is 6 degrees wide) */
    oy_entity ruin;
    ok = placed("a rocky island with a ruined castle in a grey sea", &at, &rise, &bearing, &ruin);
    float rd = ok ? hypotf(ruin.pos[0], ruin.pos[2]) : 1e9f;
    CHECK(ok && !(at.water > at.ground) && rise > 8.0f && rd < 420.0f && fabsf(bearing) < 20.0f,
          "'an island with a ruined castle': the castle stands on the island's top (%.1f m up, %.0f m off, "
          "%.1f degrees off the view)", rise, rd, bearing);
    /* and things on its shore nearer still (palms stood 430 m off, a
     * few pixels tall) */
    oy_entity palm;
    ok = placed("a tropical island with white sand beaches and turquoise water, palm trees swaying", &at, &rise,
                &bearing, &palm);
    rd = ok ? hypotf(palm.pos[0], palm.pos[2]) : 1e9f;
    CHECK(ok && !(at.water > at.ground) && rd < 200.0f && fabsf(bearing) < 20.0f,
          "'a tropical island with palm trees': a palm stands on the island %.0f m off, %.1f degrees off the view",
          rd, bearing);
    /* a train stands side on to the view, far enough off for the frame's
     * width (40 degrees) to hold its 60 m */
    oy_entity train;
    ok = placed("a steam train on the plains at sunset", &at, &rise, &bearing, &train);
    float td = ok ? hypotf(train.pos[0], train.pos[2]) : 1.0f;
    float side = ok ? fabsf(oy_sinf(train.yaw * 0.01745329f)) : 0.0f;
    CHECK(ok && !strcmp(train.kind, "train") && side > 0.95f && 30.0f / td < 0.3f && fabsf(bearing) < 10.0f,
          "'a steam train on the plains' stands side on (|sin heading| %.2f), %.0f m off, %.1f degrees off the view",
          side, td, bearing);
    /* trees by a road line it ahead, either side, in view */
    int lined = 0;
    for (int i = 1; i <= 3; i++) {
        oy_entity tr;
        ok = placed_nth("a winding mountain road with autumn trees", i, &at, &rise, &bearing, &tr);
        lined += ok && !strcmp(tr.kind, "tree") && tr.pos[2] > 10.0f && fabsf(tr.pos[0]) < 15.0f &&
                 fabsf(bearing) < 25.0f;
    }
    CHECK(lined == 3, "'a road with autumn trees': the trees line the road ahead in view (%d of 3)", lined);
    /* a herd by the water: each on the shore, none on another */
    float herd[6][2], closest = 1e9f;
    int dry = 0;
    for (int i = 0; i < 6; i++) {
        oy_entity el;
        ok = placed_nth("a herd of elephants by a waterhole at dusk", i, &at, &rise, &bearing, &el);
        dry += ok && !(at.water > at.ground);
        herd[i][0] = ok ? el.pos[0] : 0.0f;
        herd[i][1] = ok ? el.pos[2] : 0.0f;
        for (int j = 0; j < i; j++)
            closest = fminf(closest, hypotf(herd[i][0] - herd[j][0], herd[i][1] - herd[j][1]));
    }
    CHECK(dry == 6 && closest > 4.0f, "'a herd of elephants by a waterhole': 6 on dry ground (%d), none on "
          "another (closest two %.1f m apart)", dry, closest);
    /* a tall thing by a low one stands behind it, whole in a level view */
    oy_entity yard, church;
    ok = placed_nth("a moonlit graveyard with an old church", 0, &at, &rise, &bearing, &yard) &&
         placed_nth("a moonlit graveyard with an old church", 1, &at, &rise, &bearing, &church);
    float chd = ok ? hypotf(church.pos[0], church.pos[2]) : 1.0f;
    CHECK(ok && !strcmp(church.kind, "church") && church.pos[2] > yard.pos[2] + 20.0f &&
              (rise + 26.0f) / chd < 0.164f && fabsf(bearing) < 15.0f,
          "'a graveyard with an old church': the church stands behind the graves, its spire in the frame (%.0f m "
          "off, %.1f degrees off the view)", chd, bearing);
    /* and wherever the low one went: a village moved to the water's edge
     * brings its church no nearer than it would stand alone */
    ok = placed_nth("a village with a church by a river at dusk", 1, &at, &rise, &bearing, &church);
    chd = ok ? hypotf(church.pos[0], church.pos[2]) : 1.0f;
    CHECK(ok && !strcmp(church.kind, "church") && (rise + 26.0f) / chd < 0.164f && fabsf(bearing) < 20.0f,
          "'a village with a church by a river': the church's spire is in the frame (%.0f m off, %.1f m up, "
          "%.1f degrees off the view)", chd, rise, bearing);
    /* a building does not stand on what was placed before it */
    oy_entity farm[5];
    int got = 0;
    for (int i = 0; i < 5; i++)
        got += placed_nth("a farm with cows and a red barn", i, &at, &rise, &bearing, &farm[i]);
    float clear = 1e9f;
    for (int i = 0; got == 5 && i < 4; i++)
        if (!strcmp(farm[4].kind, "barn") && strcmp(farm[i].kind, "barn"))
            clear = fminf(clear, hypotf(farm[4].pos[0] - farm[i].pos[0], farm[4].pos[2] - farm[i].pos[2]));
    CHECK(got == 5 && clear > 11.0f && clear < 1e8f, "'a farm with cows and a red barn': the red barn stands clear of "
          "the cows (%.1f m from the nearest)", clear);
    /* a house the words name shows the view its front, door and
     * windows, at three-quarters */
    oy_entity hut;
    ok = placed("a snowy mountain cabin at night with warm lit windows", &at, &rise, &bearing, &hut);
    float toward = ok ? fmodf(hut.yaw - (bearing + 180.0f) + 900.0f, 360.0f) - 180.0f : 0.0f;
    CHECK(ok && fabsf(toward) >= 19.0f && fabsf(toward) <= 41.0f,
          "'a cabin' turns its front to the view at three-quarters (%.0f degrees off facing it)", toward);
    /* balloons aloft: in view, their tops in the frame, spread apart */
    oy_entity bal;
    ok = placed("hot air balloons floating over a valley at sunrise", &at, &rise, &bearing, &bal);
    float bd = sqrtf(bal.pos[0] * bal.pos[0] + bal.pos[2] * bal.pos[2]);
    CHECK(ok && !strcmp(bal.kind, "balloon") && fabsf(bearing) < 15.0f && (rise + 50.0f - 2.0f) / bd < 0.19f,
          "'hot air balloons' float in view, their tops in the frame (%s %.0f m off, %.1f degrees off the view)",
          ok ? bal.kind : "nothing", bd, bearing);
    /* a waterfall where a river runs stands across it, in view */
    ok = placed("a tropical waterfall in the jungle", &at, &rise, &bearing, NULL);
    CHECK(ok && at.water > at.ground && at.water_kind == OY_WATER_RIVER && fabsf(bearing) < 15.0f,
          "'a tropical waterfall in the jungle' stands across the river in view (%.1f m deep, %.1f degrees off "
          "the view)", at.water - at.ground, bearing);
    ok = placed("two tents by the lake at dawn", &at, &rise, &bearing, NULL);
    CHECK(ok && !(at.water > at.ground) && at.water_dist <= 14.0f && fabsf(bearing) < 20.0f,
          "'two tents by the lake' stand on its shore in view (%.1f m from the water, %.1f degrees off the view)",
          at.water_dist, bearing);
    /* a cabin by a lake stands on the shore the view looks along, far
     * enough off to be seen whole, not a few metres ahead on the near
     * shore of a lake across the whole view */
    oy_entity cabin;
    ok = placed("a cabin by a frozen lake in winter", &at, &rise, &bearing, &cabin);
    float cd = sqrtf(cabin.pos[0] * cabin.pos[0] + cabin.pos[2] * cabin.pos[2]);
    CHECK(ok && !(at.water > at.ground) && at.water_dist <= 14.0f && fabsf(bearing) < 15.0f && cd >= 30.0f,
          "'a cabin by a frozen lake' stands on its shore %.0f m off in view (%.1f m from the water, %.1f degrees "
          "off the view)", cd, at.water_dist, bearing);
    /* what the words name only as a place is there ("rain on a lane") */
    oy_entity lane;
    ok = placed("heavy rain on a country lane", &at, &rise, &bearing, &lane);
    CHECK(ok && !strcmp(lane.kind, "road"), "'heavy rain on a country lane' lays the lane (%s)",
          ok ? lane.kind : "nothing placed");
    /* a small thing on a hill stays near enough to read */
    oy_entity graves;
    ok = placed("an old graveyard on a hill at dusk", &at, &rise, &bearing, &graves);
    float gd = sqrtf(graves.pos[0] * graves.pos[0] + graves.pos[2] * graves.pos[2]);
    CHECK(ok && gd < 80.0f && fabsf(bearing) < 16.0f, "'a graveyard on a hill' stands %.0f m off in view (%.1f "
          "degrees off the view)", gd, bearing);
    /* a pier stands at the shore in view, beside the camera rather than
     * under it, to reach out over the water from there */
    ok = placed("a misty lake at sunrise with a wooden dock", &at, &rise, &bearing, NULL);
    CHECK(ok && !(at.water > at.ground) && at.water_dist <= 14.0f && fabsf(bearing) > 5.0f && fabsf(bearing) < 40.0f,
          "'a wooden dock' on a lake stands on its shore beside the view (%.1f m from the water, %.1f degrees off "
          "the view)", at.water_dist, bearing);
    /* the words put boats on the water in view, off the shore, far enough
     * that a level view sees them whole; not ahead on the land */
    oy_entity e;
    ok = placed("a quiet harbour with fishing boats in the early morning mist", &at, &rise, &bearing, &e);
    float dist = sqrtf(e.pos[0] * e.pos[0] + e.pos[2] * e.pos[2]);
    float above = at.ground - rise + 2.0f - at.water;      /* the camera over the water */
    CHECK(ok && at.water > at.ground && fabsf(bearing) < 25.0f && dist >= 8.0f * above,
          "'fishing boats' in a harbour float on the water in view (%.1f m deep, %.1f m off, %.1f degrees off the "
          "view, the camera %.1f m above the water)", at.water - at.ground, dist, bearing, above);
    /* a long ship floats clear of the shore, bow and stern: it does not
     * lie across the water's edge with its stern on the beach */
    {
        oy_state st;
        oyster_shot *shot = prompt_state("a cargo ship on a stormy sea", &st);
        int wet = 0;
        if (shot) {
            const oy_entity *c = st.nentities > 0 ? &st.entities[0] : NULL;
            for (int k = -2; c && k <= 2; k++) {
                float a = c->yaw * 0.01745329f, d = 0.45f * 76.0f * (float)k / 2.0f;
                oy_place_info pi;
                oy_world_place(shot->world, &st, c->pos[0] + d * oy_sinf(a), c->pos[2] + d * oy_cosf(a), &pi);
                wet += pi.water > pi.ground;
            }
            oyster_shot_free(&shot);
        }
        CHECK(wet == 5, "'a cargo ship on a stormy sea' floats from bow to stern (%d of 5 points along it on the "
              "water)", wet);
    }
    /* a train crossing a bridge stands on it, heading the way it
     * crosses the river: the river under its middle, dry banks 50 m
     * either way along it */
    {
        oy_state st;
        oy_entity br = { 0 }, tr = { 0 };
        oy_place_info mid = { 0 }, end;
        oyster_shot *shot = prompt_state("a train crossing a bridge over a river", &st);
        int dry = 0, ok2 = shot && st.nentities == 2;
        if (ok2) {
            br = st.entities[0];
            tr = st.entities[1];
            oy_world_place(shot->world, &st, tr.pos[0], tr.pos[2], &mid);
            float a = tr.yaw * 0.01745329f;
            for (int s = 0; s < 2; s++) {
                float d = s ? -50.0f : 50.0f;
                oy_world_place(shot->world, &st, tr.pos[0] + d * oy_sinf(a), tr.pos[2] + d * oy_cosf(a), &end);
                dry += !(end.water > end.ground);
            }
        }
        if (shot)
            oyster_shot_free(&shot);
        CHECK(ok2 && !strcmp(br.kind, "bridge") && !strcmp(tr.kind, "train") &&
              hypotf(tr.pos[0] - br.pos[0], tr.pos[2] - br.pos[2]) < 1.0f && mid.water > mid.ground && dry == 2,
              "'a train crossing a bridge over a river' stands on the bridge (%.1f m from its middle), across the "
              "river (%s under it, %d of 2 ends dry)", hypotf(tr.pos[0] - br.pos[0], tr.pos[2] - br.pos[2]),
              mid.water > mid.ground ? "water" : "land", dry);
    }
    /* in fog the island a thing stands on comes near enough for the
     * thing to show through it (the island stood 380 m out, unseen) */
    ok = placed("an abandoned lighthouse on a rocky island in the fog", &at, &rise, &bearing, &e);
    float fogged = hypotf(e.pos[0], e.pos[2]);
    CHECK(ok && !(at.water > at.ground) && fogged < 180.0f,
          "'a lighthouse on a rocky island in the fog' stands on the island within the fog's sight (%.0f m off, "
          "%s)", fogged, at.water > at.ground ? "in the water" : "on land");
    /* what cannot stand in water keeps its whole footprint out of it */
    ok = placed("a ferris wheel at a seaside fair at dusk", &at, &rise, &bearing, &e);
    CHECK(ok && !strcmp(e.kind, "ferris_wheel") && !(at.water > at.ground) && at.water_dist >= 12.0f &&
          fabsf(bearing) < 27.0f,
          "'a ferris wheel at the seaside' stands on the shore, its footprint dry (%.1f m from the water, %.1f "
          "degrees off the view)", at.water_dist, bearing);
    /* but a pier stands at the water's edge, to reach out from it */
    ok = placed("a foggy pier stretching into a grey lake", &at, &rise, &bearing, &e);
    dist = sqrtf(e.pos[0] * e.pos[0] + e.pos[2] * e.pos[2]);
    CHECK(ok && !strcmp(e.kind, "pier") && !(at.water > at.ground) && at.water_dist <= 14.0f && dist < 60.0f,
          "'a foggy pier stretching into a lake' stands on the near shore (%.1f m from the water, %.0f m off)",
          at.water_dist, dist);
    ok = placed("an arctic coast with icebergs floating in dark water", &at, &rise, &bearing, &e);
    CHECK(ok && !strcmp(e.kind, "iceberg") && at.water > at.ground && fabsf(bearing) < 20.0f,
          "'icebergs' on an arctic coast float on the sea in view (%.1f m deep, %.1f degrees off the view)",
          at.water - at.ground, bearing);
}

/* Whether a horizontal ray along -z at x, y meets the built prototype. */
static int blocks(const oy_build *bl, float x, float y)
{
    float o[3] = { x, y, 200.0f }, d[3] = { 0, 0, -1 }, n[3];
    for (int i = 0; i < bl->n; i++)
        if (!(bl->m[bl->p[i].mat].flags & OY_MAT_SOFT) && oy_prim_hit(&bl->p[i], o, d, 0.0f, 400.0f, n) > 0.0f)
            return 1;
    return 0;
}

static float top_of(const oy_build *bl)
{
    float hi = -1e9f;
    for (int i = 0; i < bl->n; i++) {
        const oy_prim *q = &bl->p[i];
        hi = fmaxf(hi, q->type == OY_PRIM_FRUSTUM ? q->c[1] + q->r[2] : q->type == OY_PRIM_HULL ? q->c[1] : q->c[1] + q->r[1]);
    }
    return hi;
}

static int leaf_prims(const oy_build *bl)
{
    int n = 0;
    for (int i = 0; i < bl->n; i++)
        n += (bl->m[bl->p[i].mat].flags & OY_MAT_LEAF) != 0;
    return n;
}

/* Ruins in lush growth ("overgrown with vines") have ivy over their
 * walls, ruins in ordinary country none; their stone and a dry-stone
 * wall's and standing stones' are grained rock, not flat colour. */
static void stonework(void)
{
    oy_look lush = { .leaf = { 0.05f, 0.08f, 0.03f }, .green = 1.0f, .foliage = 1, .dry = 1, .exposure = 1 };
    oy_look plain = lush;
    plain.green = 0.5f;
    int ivy = 0, none = 0, grained = 0;
    for (int seed = 1; seed <= 8; seed++) {
        oy_build a = { .seed = (uint64_t)seed, .t = 1.0f, .look = &lush }, b = a;
        b.look = &plain;
        oy_kind_ruins(&a);
        oy_kind_ruins(&b);
        ivy += leaf_prims(&a) >= 2;
        none += leaf_prims(&b) == 0;
        oy_build w = { .seed = (uint64_t)seed, .t = 1.0f, .look = &plain }, s = w;
        oy_kind_wall(&w);
        oy_kind_standing_stones(&s);
        grained += (a.m[a.p[0].mat].flags & OY_MAT_STONE) && (w.m[w.p[0].mat].flags & OY_MAT_STONE) &&
                   (s.m[s.p[0].mat].flags & OY_MAT_STONE);
    }
    CHECK(ivy == 8 && none == 8 && grained == 8, "overgrown ruins wear ivy (%d of 8; %d of 8 bare in ordinary "
          "country); ruins, walls and standing stones are grained stone (%d of 8)", ivy, none, grained);
}

/* Landforms drawn as things: an arch the sky shows through, rock towers
 * of their height, green where the land is, a waterfall whose water
 * falls; placed by words far enough off to be seen whole, facing the view. */
/* A road's wheel ruts are a shade of its body, so paint named for the
 * road ("a stone path") colours them too (objects.c paints the shades
 * with the body). */
static void road_ruts(void)
{
    oy_look look = { .leaf = { 0.05f, 0.08f, 0.03f }, .dry = 1, .exposure = 1 };
    oy_build b = { .seed = 5, .t = 1.0f, .look = &look };
    oy_scene_kind_find("road")->build(&b);
    int shades = 0;
    for (int i = 1; i < b.nm; i++)
        shades += b.m[i].shade > 0.0f && b.m[i].shade < 1.0f &&
                  fabsf(b.m[i].alb[0] - b.m[0].alb[0] * b.m[i].shade) < 1e-6f;
    CHECK(shades == 1 && b.n == 3, "a road: a body and two ruts in a darker shade of it (%d shade, %d pieces)",
          shades, b.n);
}

/* A road's lengths read as one surface: down a road over rolling land
 * in the low sun of late afternoon no thin lines cross it where one
 * length meets the next (the lit or shadowed end of a length standing
 * proud of the next, a length lit at its own slope). */
static void road_one_surface(uint8_t *a, uint8_t *b)
{
    static const char *const kinds[] = { "road", "highway", "footpath", "runway" };
    for (int k = 0; k < 4; k++) {
        oy_state st;
        oy_view v;
        meadow(&st, 17.5f);
        oy_entity e = entity(kinds[k], 0.0, 30.0);
        e.yaw = 0.0f;
        float g = oy_world_ground(world, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.5, 0.0, 0.0f, -12.0f, 0.0f, 24.0f);
        render_without_with(&st, &v, &e, a, b);
        int on = 0, lines = 0, rows = 0;
        double drift = 0.0;
#define LUMA(p) (2 * (p)[0] + 5 * (p)[1] + (p)[2])
#define DRAWN(y, x) (abs(LUMA(a + ((size_t)(y) * W + (x)) * 3) - LUMA(b + ((size_t)(y) * W + (x)) * 3)) > 24)
        for (int y = H / 3; y < H - 1; y++)
            for (int x = 0; x < W; x++) {
                if (!DRAWN(y, x))
                    continue;
                on++;
                const uint8_t *q = b + ((size_t)y * W + x) * 3;
                if (!DRAWN(y - 1, x) || !DRAWN(y + 1, x))
                    continue;
                int d1 = LUMA(q) - LUMA(q - W * 3), d2 = LUMA(q) - LUMA(q + W * 3);
                lines += (d1 > 48 && d2 > 48) || (d1 < -48 && d2 < -48);
            }
        /* where each row of it lies across the frame: a road winds, a
         * runway runs straight on down the view's line */
        for (int y = H / 2; y < H; y++) {
            double sx = 0.0;
            int n = 0;
            for (int x = 0; x < W; x++)
                if (DRAWN(y, x)) {
                    sx += x;
                    n++;
                }
            if (n > 4 && n < W - 4) {
                drift = fmax(drift, fabs(sx / n - 0.5 * (W - 1)));
                rows++;
            }
        }
#undef DRAWN
#undef LUMA
        CHECK(on > W * H / 20 && lines < on / 300, "%s: its lengths read as one surface (%d of its %d pixels "
              "on a thin line across it)", kinds[k], lines, on);
        if (k == 3)   /* (the roads wind 38-95 pixels off it, where a hump of the land hides a runway's edge 11) */
            CHECK(rows > 10 && drift < 16.0, "runway: straight down the view's line (its rows' middles at most "
                  "%.1f pixels off the frame's, %d rows)", drift, rows);
    }
}

/* A volcano in eruption at night: streams of lava run down its cone from
 * the crater, and the crater fountains (the glowing pixels over the
 * middle of the frame, looking up the cone from its foot); the same
 * volcano at rest does not glow. */
static void erupting(uint8_t *a)
{
    int glow[2];
    for (int lava = 0; lava < 2; lava++) {
        oy_state st;
        oy_world_shape sh;
        oy_view v;
        state_default(&st);
        st.ch[OY_CH_TIME] = 22.5f;
        st.ch[OY_CH_VOLCANO] = 1.0f;
        st.ch[OY_CH_RELIEF] = 0.85f;
        st.ch[OY_CH_VEGETATION] = 0.05f;
        st.ch[OY_CH_LAVA] = lava ? 0.7f : 0.0f;
        st.t = 2.0;
        oy_world_shape_init(&sh, world, &st);
        float d = hypotf(sh.volcano_x, sh.volcano_z), k = 1.0f - 0.9f * sh.volcano_r / d;
        double x = k * sh.volcano_x, z = k * sh.volcano_z;
        float yaw = atan2f(sh.volcano_x, sh.volcano_z) * (float)(180.0 / OY_PI);
        view_make(&v, x, oy_world_ground(world, &st, x, z) + 3.0, z, yaw, 9.0f, 0.0f, 24.0f);
        render(&st, &v, a);
        glow[lava] = 0;
        for (int y = 0; y < H / 2; y++)
            for (int i = 0; i < W; i++) {
                const uint8_t *p = a + ((size_t)y * W + i) * 3;
                glow[lava] += p[0] > 100 && p[0] > p[1] + 15 && p[0] > p[2] + 30;
            }
    }
    CHECK(glow[1] > W * H / 90 && glow[0] < W * H / 1000, "an erupting volcano at night glows down its cone (%d "
          "pixels of the upper half; %d at rest)", glow[1], glow[0]);
}

/* A stag's antlers stay on its head, raised or down to graze: never
 * more than 0.75 m above the highest of its other parts' centres. */
static void antlers(void)
{
    oy_look look = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .exposure = 1 };
    float worst = 0.0f;
    int stags = 0, grazing = 0;
    for (uint64_t seed = 1; seed <= 12; seed++)
        for (int i = 0; i < 60; i++) {
            oy_build b = { .seed = seed, .t = 0.5f * (float)i, .look = &look };
            oy_scene_kind_find("deer")->build(&b);
            float horn = -1e9f, body = -1e9f;
            for (int k = 0; k < b.n; k++) {
                const float *a = b.m[b.p[k].mat].alb;
                float y = b.p[k].type == OY_PRIM_FRUSTUM ? b.p[k].c[1] + 0.5f * b.p[k].r[2] : b.p[k].c[1];
                if (a[0] > 0.21f && a[0] < 0.23f && a[2] > 0.12f && a[2] < 0.14f)
                    horn = fmaxf(horn, y);
                else
                    body = fmaxf(body, y);
            }
            if (horn > -1e9f) {
                stags++;
                grazing += body < 1.0f;
                worst = fmaxf(worst, horn - body);
            }
        }
    CHECK(stags > 0 && grazing > 0 && worst < 0.75f, "a stag's antlers stay on its head (%d poses, %d grazing; "
          "at most %.2f m over its other parts)", stags, grazing, worst);
}

/* A cabin's and a house's chimney smokes when the hearth is lit: under
 * snow, by night, or where the words say so ("smoke from the chimney"),
 * not on a summer day. */
static void chimney_smoke(void)
{
    static const char *const kinds[] = { "cabin", "house" };
    for (int k = 0; k < 2; k++) {
        int soft[4];
        for (int when = 0; when < 4; when++) {
            oy_look look = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .exposure = 1,
                             .snow = when == 1 ? 0.9f : 0.0f, .night = when == 2 ? 1.0f : 0.0f,
                             .hearth = when == 3 ? 1.0f : 0.0f };
            oy_build b = { .seed = 5, .t = 1.0f, .look = &look };
            oy_scene_kind_find(kinds[k])->build(&b);
            soft[when] = 0;
            for (int i = 0; i < b.n; i++)
                soft[when] += (b.m[b.p[i].mat].flags & OY_MAT_SOFT) != 0;
        }
        CHECK(soft[0] == 0 && soft[1] >= 8 && soft[2] >= 8 && soft[3] >= 8, "%s: its chimney smokes under snow "
              "(%d puffs), by night (%d) and where the words light the hearth (%d), not on a summer day (%d)",
              kinds[k], soft[1], soft[2], soft[3], soft[0]);
        /* an abandoned one is cold, under snow too */
        oy_look cold = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .exposure = 1, .snow = 0.9f, .hearth = 1.0f,
                         .derelict = 1 };
        oy_build b = { .seed = 5, .t = 1.0f, .look = &cold };
        oy_scene_kind_find(kinds[k])->build(&b);
        int puffs = 0;
        for (int i = 0; i < b.n; i++)
            puffs += (b.m[b.p[i].mat].flags & OY_MAT_SOFT) != 0;
        CHECK(puffs == 0, "%s, abandoned: no smoke under snow (%d puffs)", kinds[k], puffs);
    }
    /* built stone is laid in courses, bare rock is not */
    static const char *const laid[] = { "castle", "ruins", "wall", "church", "tower", "well", "stone_bridge", "boulder" };
    for (size_t i = 0; i < sizeof laid / sizeof *laid; i++) {
        oy_look look = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .exposure = 1 };
        oy_build b = { .seed = 5, .t = 1.0f, .look = &look };
        oy_scene_kind_find(laid[i])->build(&b);
        int courses = 0;
        for (int m = 0; m < b.nm; m++)
            courses += (b.m[m].flags & OY_MAT_MASONRY) != 0;
        int rock = !strcmp(laid[i], "boulder");
        CHECK(rock ? courses == 0 : courses > 0, "%s: %s (%d materials in courses)", laid[i],
              rock ? "bare rock" : "stone laid in courses", courses);
    }
    /* a castle in ruin stands roofless (its second material is the
     * roofs'), a lived-in one under its roofs */
    for (int ruin = 0; ruin < 2; ruin++) {
        oy_look look = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .exposure = 1, .derelict = ruin };
        oy_build b = { .seed = 5, .t = 1.0f, .look = &look };
        oy_scene_kind_find("castle")->build(&b);
        int roofs = 0;
        for (int i = 0; i < b.n; i++)
            roofs += b.p[i].mat == 1;
        CHECK(ruin ? roofs == 0 && b.n >= 20 : roofs >= 5, "castle, %s: %d roofs, %d pieces",
              ruin ? "in ruin" : "lived in", roofs, b.n);
    }
    /* the words: "an abandoned house" is one, "a house" is not; "a
     * crumbling castle" is a castle in ruin */
    static const char *const said[] = { "an abandoned house at night", "a house at night",
                                        "a crumbling castle on a cliff above the sea" };
    for (int i = 0; i < 3; i++) {
        oy_state st;
        oyster_shot *shot = prompt_state(said[i], &st);
        if (!shot)
            continue;
        CHECK(st.nentities == 1 && st.entities[0].derelict == (i != 1), "'%s': it is %s", said[i],
              i == 1 ? "lived in" : "abandoned");
        oyster_shot_free(&shot);
    }
    /* "a stone farmhouse" is built of stone (objects.c lays its walls in
     * courses); "a grey farmhouse" is only painted */
    static const char *const built[] = { "a stone farmhouse in provence", "a grey farmhouse in provence",
                                         "a stone barn and a stone church" };
    for (int i = 0; i < 3; i++) {
        oy_state st;
        oyster_shot *shot = prompt_state(built[i], &st);
        if (!shot)
            continue;
        int stone = 0;
        for (int k = 0; k < st.nentities; k++)
            stone += st.entities[k].stone;
        CHECK(stone == (i == 0 ? 1 : i == 1 ? 0 : 2), "'%s': %d built of stone", built[i], stone);
        oyster_shot_free(&shot);
    }
}

/* Where bamboo grows (East Asia: "a japanese village") a village's
 * houses and its storehouse have white plaster walls, paper screens by
 * day, and no chimney smoking by night. */
static void east_houses(void)
{
    static const char *const kinds[] = { "house", "barn" };
    for (int k = 0; k < 2; k++)
        for (int east = 0; east < 2; east++) {
            oy_look day = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .exposure = 1, .east = east };
            oy_look night = day;
            night.night = 1.0f;
            oy_build b = { .seed = 5, .t = 1.0f, .look = &day };
            oy_scene_kind_find(kinds[k])->build(&b);
            int white = 0, puffs = 0;
            for (int m = 0; m < b.nm; m++)
                white += b.m[m].alb[0] >= 0.6f && b.m[m].alb[1] >= 0.6f && b.m[m].alb[2] >= 0.6f;
            oy_build bn = { .seed = 5, .t = 1.0f, .look = &night };
            oy_scene_kind_find(kinds[k])->build(&bn);
            for (int i = 0; i < bn.n; i++)
                puffs += (bn.m[bn.p[i].mat].flags & OY_MAT_SOFT) != 0;
            if (east)
                CHECK(white >= 2 && puffs == 0, "%s, East Asian: white walls and paper screens (%d pale "
                      "materials), no smoke by night (%d puffs)", kinds[k], white, puffs);
            else
                CHECK(white == 0, "%s, elsewhere: no white walls or paper (%d pale materials)", kinds[k], white);
        }
    float bamboo = prompt_channel("a peaceful japanese village with cherry blossoms in spring", OY_CH_BAMBOO);
    CHECK(bamboo >= 0.1f, "'a japanese village' is East Asian (bamboo %.2f)", bamboo);
}

/* Of 25 rays straight down over the middle 4 m of a prototype, how many
 * meet it at the height most of them meet it (a flat roof: all) */
static int level_top(const oy_build *bl)
{
    float y[25];
    int n = 0, best = 0;
    for (int i = 0; i < 25; i++) {
        float o[3] = { (float)(i % 5) - 2.0f, 100.0f, (float)(i / 5) - 2.0f }, d[3] = { 0, -1, 0 }, nm[3], t = 1e9f;
        for (int k = 0; k < bl->n; k++) {
            float h = oy_prim_hit(&bl->p[k], o, d, 0.0f, 200.0f, nm);
            if (h > 0.0f && !(bl->m[bl->p[k].mat].flags & OY_MAT_SOFT))
                t = fminf(t, h);
        }
        if (t < 1e9f)
            y[n++] = 100.0f - t;
    }
    for (int i = 0; i < n; i++) {
        int same = 0;
        for (int j = 0; j < n; j++)
            same += fabsf(y[j] - y[i]) < 0.05f;
        best = same > best ? same : best;
    }
    return best;
}

/* In the desert ("a village in morocco") houses and barns are flat-roofed
 * blocks of mud brick, no chimney smoking (they were gabled and tiled) */
static void desert_houses(void)
{
    static const char *const kinds[] = { "house", "barn" };
    for (int k = 0; k < 2; k++)
        for (int arid = 0; arid < 2; arid++) {
            int flat = 0, puffs = 0;
            for (uint64_t seed = 1; seed <= 4; seed++) {
                oy_look night = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .exposure = 1, .arid = arid,
                                  .night = 1.0f, .hearth = 1.0f };
                oy_build b = { .seed = seed, .t = 1.0f, .look = &night };
                oy_scene_kind_find(kinds[k])->build(&b);
                flat += level_top(&b) >= 18;
                for (int i = 0; i < b.n; i++)
                    puffs += (b.m[b.p[i].mat].flags & OY_MAT_SOFT) != 0;
            }
            if (arid)
                CHECK(flat >= 3 && puffs == 0, "%s in the desert: flat-roofed (%d of 4), no smoke (%d puffs)",
                      kinds[k], flat, puffs);
            else
                CHECK(flat == 0, "%s elsewhere: a pitched roof (%d of 4 flat)", kinds[k], flat);
        }
    float desert = prompt_channel("a crowded market in marrakech", OY_CH_BIOME_DESERT);
    CHECK(desert >= 0.6f, "'marrakech' is desert land (%.2f)", desert);
}

/* A lamp in the fog at night glows in the air round it: the sky beside
 * and above the lamp brightens with the lamp lit, far more in fog than in
 * clear air. */
static void lamp_halo(uint8_t *a, uint8_t *b)
{
    double gain[2];
    for (int fog = 0; fog < 2; fog++) {
        oy_state st;
        meadow(&st, 23.0f);
        st.ch[OY_CH_FOG] = fog ? 0.6f : 0.0f;
        oy_entity e = entity("lantern", 0.0, 15.0);
        float g = oy_world_ground(world, &st, 0.0, 15.0), gc = oy_world_ground(world, &st, 0.0, 0.0);
        oy_view v;
        view_make(&v, 0.0, gc + 1.7f, 0.0, 0.0f, (float)(atan2(g + 2.45f - gc - 1.7f, 15.0) * 180.0 / OY_PI), 0.0f,
                  24.0f);
        render_without_with(&st, &v, &e, a, b);
        /* a ring round the lamp's head, 0.6-2 m from it, not the lamp */
        float cx, cy, rx, ry;
        project(&v, 0.0, g + 2.45, 15.0, &cx, &cy);
        project(&v, 2.0, g + 2.45, 15.0, &rx, &ry);
        float r = rx - cx;
        double sum = 0.0;
        int n = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                float dd = hypotf((float)x + 0.5f - cx, (float)y + 0.5f - cy);
                if (dd < 0.3f * r || dd > r || (float)y > cy)
                    continue;
                const uint8_t *p = a + ((size_t)y * W + x) * 3, *q = b + ((size_t)y * W + x) * 3;
                sum += (q[0] + q[1] + q[2] - p[0] - p[1] - p[2]) / 3.0;
                n++;
            }
        gain[fog] = n ? sum / n : 0.0;
    }
    CHECK(gain[1] > 6.0 && gain[1] > 3.0 * gain[0] + 2.0, "a lamp in fog at night glows in the air round it "
          "(+%.1f levels; in clear air +%.1f)", gain[1], gain[0]);
}

/* While the sun is low the horizon's light comes from its side: a silo
 * seen from its four sides at 18:00 is far darker from the side turned
 * from the sun than from the sun's side (things stood pale and flat
 * against a sunset, lit by the horizon as much from behind as from
 * before). */
static void low_sun_sides(uint8_t *a, uint8_t *b)
{
    oy_state st;
    meadow(&st, 18.0f);
    oy_entity e = entity("silo", 0.0, 0.0);
    float g = oy_world_ground(world, &st, 0.0, 0.0);
    double lo = 1e9, hi = 0.0;
    for (int side = 0; side < 4; side++) {
        float yaw = 90.0f * (float)side, ya = yaw * (float)(OY_PI / 180.0);
        double cx = -60.0 * sin(ya), cz = -60.0 * cos(ya);
        float gc = oy_world_ground(world, &st, cx, cz);
        oy_view v;
        view_make(&v, cx, gc + 1.7f, cz, yaw, (float)(atan2(g + 9.0f - gc - 1.7f, 60.0) * 180.0 / OY_PI), 0.0f, 24.0f);
        st.entities = NULL;
        st.nentities = 0;
        render_without_with(&st, &v, &e, a, b);
        double sum = 0.0;
        int n = 0;
        for (size_t i = 0; i < (size_t)W * H; i++) {
            const uint8_t *p = a + 3 * i, *q = b + 3 * i;
            if (abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]) < 30)
                continue;
            sum += (q[0] + q[1] + q[2]) / 3.0;
            n++;
        }
        double mean = n > 50 ? sum / n : 0.0;
        lo = fmin(lo, mean);
        hi = fmax(hi, mean);
    }
    /* (lit as evenly from behind as from before, 163 and 55) */
    CHECK(lo > 0.0 && hi > 3.3 * lo, "a silo in a low sun: %.0f levels from the sun's side, %.0f from the side "
          "turned from it", hi, lo);
}

/* A frozen waterfall stands still: ice, no spray, the same at 1 s and
 * 3 s; running, it moves. */
static void frozen_waterfall(void)
{
    const oy_kind *k = oy_scene_kind_find("waterfall");
    int same[2], soft[2], ice = 0, flat_ice = 0, glaze = 0, square = 0;
    for (int frozen = 0; frozen < 2; frozen++) {
        oy_look look = { .leaf = { 0.05f, 0.08f, 0.03f }, .snow = 0.8f, .frozen = frozen, .dry = 1, .exposure = 1 };
        oy_build b1 = { .seed = 5, .t = 1.0f, .look = &look }, b3 = { .seed = 5, .t = 3.0f, .look = &look };
        k->build(&b1);
        k->build(&b3);
        same[frozen] = b1.n == b3.n && !memcmp(b1.p, b3.p, sizeof *b1.p * (size_t)b1.n);
        /* the ice (its material glows a little) hangs in round columns */
        for (int i = 0; frozen && i < b1.n; i++)
            if (b1.m[b1.p[i].mat].emit[2] > 0.0f) {
                ice++;
                flat_ice += b1.p[i].type == OY_PRIM_HULL;
                glaze += fabsf(b1.p[i].c[0]) > 16.0f;   /* past the fall's 6-9 m */
            }
        /* bare rock slabs end under a rounded top, not square */
        for (int i = 0; !frozen && i < b1.n; i++)
            square += b1.p[i].type == OY_PRIM_HULL && (b1.m[b1.p[i].mat].flags & OY_MAT_STONE);
        for (int i = 0; !frozen && i < b1.n; i++)
            square -= b1.p[i].type == OY_PRIM_ELLIPSOID && b1.p[i].c[1] > 15.0f;
        soft[frozen] = 0;
        for (int i = 0; i < b1.nm; i++)
            soft[frozen] += (b1.m[i].flags & OY_MAT_SOFT) != 0;
    }
    CHECK(!same[0] && soft[0] && same[1] && !soft[1], "a waterfall runs and sprays (moves %d, spray %d); frozen "
          "it stands still (still %d), no spray (%d)", !same[0], soft[0], same[1], soft[1]);
    CHECK(ice >= 20 && flat_ice == 0 && glaze >= 4, "a frozen waterfall hangs in round columns of ice (%d "
          "pieces, %d of them flat-sided), drapes of ice glaze the cliff either side (%d)", ice, flat_ice, glaze);
    CHECK(square <= 1, "a bare waterfall's cliff: %d more slabs of rock than rounded tops high up", square);
}

/* No kind reaches a prototype's budget of primitives, where the last it
 * builds would be dropped (a cargo ship's funnel), in summer, winter snow
 * or at night, at any of eight seeds. */
static void within_budget(void)
{
    oy_look looks[3] = { { .leaf = { 0.05f, 0.08f, 0.03f }, .green = 0.8f, .foliage = 1, .exposure = 1 },
                         { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 0, .snow = 1, .exposure = 1 },
                         { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 1, .night = 1, .exposure = 1 } };
    int nk, full = 0;
    const char *which = "";
    const oy_kind *k = oy_scene_kinds(&nk);
    for (int i = 0; i < nk; i++)
        for (int l = 0; l < 3; l++)
            for (int seed = 1; seed <= 8 && k[i].build; seed++) {
                oy_build b = { .seed = (uint64_t)seed, .t = 1.0f, .look = &looks[l] };
                k[i].build(&b);
                if (b.n >= OY_PROTO_PRIMS) {
                    full++;
                    which = k[i].name;
                }
            }
    CHECK(full == 0, "every kind builds within %d primitives (%d builds reach it, e.g. %s)", OY_PROTO_PRIMS, full,
          which);
    /* a colour word paints a kind's first material: every kind draws
     * something in it (a wooden bridge made its stone first, unused, and
     * stayed brown when "red") */
    int unpainted = 0;
    which = "";
    for (int i = 0; i < nk; i++) {
        oy_build b = { .seed = 1, .t = 1.0f, .look = &looks[0], .span = 20.0f };
        if (!k[i].build)
            continue;
        k[i].build(&b);
        int used = 0;
        for (int j = 0; j < b.n; j++)
            used |= b.p[j].mat == 0;
        if (!used && b.n) {
            unpainted++;
            which = k[i].name;
        }
    }
    CHECK(unpainted == 0, "every kind draws in its first material, the one paint colours (%d do not, e.g. %s)",
          unpainted, which);
}

/* A colour on a tree paints its leaves ("pink trees"), not its trunk,
 * the first material a tree builds. */
static void painted_crowns(uint8_t *a, uint8_t *b)
{
    static const char *const kinds[] = { "tree", "birch", "palm" };
    for (int k = 0; k < 3; k++) {
        oy_state st;
        oy_view v;
        meadow(&st, 14.0f);
        oy_entity e = entity(kinds[k], 0.0, 30.0);
        float g = oy_world_ground(world, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, 0.0f, 12.0f, 0.0f, 24.0f);
        st.entities = &e;
        st.nentities = 1;
        render(&st, &v, a);
        e.paint[0] = 0.25f;
        e.paint[1] = 0.5f;
        e.paint[2] = 0.35f;
        render(&st, &v, b);
        int pink0 = 0, pink1 = 0;
        for (int i = 0; i < W * H; i++) {
            const uint8_t *x = a + (size_t)i * 3, *y = b + (size_t)i * 3;
            pink0 += x[0] > x[1] + 20 && x[2] > x[1];
            pink1 += y[0] > y[1] + 20 && y[2] > y[1];
        }
        CHECK(pink1 > 400 && pink0 == 0, "a pink %s has pink leaves (%d pixels, %d unpainted)", kinds[k], pink1,
              pink0);
    }
}

/* A broadleaf in winter is bare limbs that fork twice, so its crown keeps
 * its outline. */
static void winter_trees(void)
{
    oy_look winter = { .leaf = { 0.05f, 0.08f, 0.03f }, .foliage = 0.0f, .exposure = 1 };
    int forked = 0, tall = 0;
    for (int seed = 1; seed <= 8; seed++) {
        oy_build t = { .seed = (uint64_t)seed, .t = 1.0f, .look = &winter };
        oy_kind_oak(&t);
        forked += leaf_prims(&t) == 0 && t.n >= 1 + 7 * 7;
        tall += top_of(&t) >= 10.0f;
    }
    CHECK(forked == 8 && tall == 8, "winter oak: bare limbs forking twice (%d of 8), 10 m or more tall (%d of 8)",
          forked, tall);
}

static void landforms(void)
{
    oy_look green = { .leaf = { 0.05f, 0.08f, 0.03f }, .rock = { 0.3f, 0.3f, 0.28f }, .green = 0.8f,
                      .foliage = 1, .dry = 1, .exposure = 1 };
    oy_look bare = green;
    bare.green = 0.05f;
    int open = 0, spans = 0, legs = 0, tall = 0, caps = 0, baretop = 0, falls = 0;
    for (int seed = 1; seed <= 8; seed++) {
        oy_build a = { .seed = (uint64_t)seed, .t = 1.0f, .look = &bare };
        oy_kind_arch(&a);
        float top = top_of(&a);
        open += !blocks(&a, 0.0f, 3.0f) && !blocks(&a, 0.0f, 0.5f * top);
        spans += blocks(&a, 0.0f, top - 2.0f);
        legs += blocks(&a, -12.0f, 3.0f) || blocks(&a, -16.0f, 3.0f);
        oy_build t = { .seed = (uint64_t)seed, .t = 1.0f, .look = &green }, tb = t;
        tb.look = &bare;
        oy_kind_rock_tower(&t);
        oy_kind_rock_tower(&tb);
        top = top_of(&tb);
        tall += top >= 28.0f && top <= 64.0f && blocks(&tb, 0.0f, 0.5f * top);
        caps += leaf_prims(&t) > 0;
        baretop += leaf_prims(&tb) == 0;
        oy_build w0 = { .seed = (uint64_t)seed, .t = 1.0f, .look = &green }, w1 = w0;
        w1.t = 1.25f;
        oy_kind_waterfall(&w0);
        oy_kind_waterfall(&w1);
        int moved = 0, soft = 0;   /* the water: white water and spray, lit from within */
        for (int i = 0; i < w0.n && i < w1.n; i++)
            if (w0.m[w0.p[i].mat].emit[1] > 0.0f) {
                soft++;
                moved += memcmp(w0.p[i].c, w1.p[i].c, sizeof w0.p[i].c) != 0;
            }
        falls += w0.n == w1.n && soft >= 8 && moved >= 6 && blocks(&w0, 0.0f, 10.0f);
    }
    CHECK(open == 8 && spans == 8 && legs == 8, "arch: the sky shows under its span, which it spans on two legs "
          "(open %d, spanned %d, legs %d of 8)", open, spans, legs);
    CHECK(tall == 8, "rock tower: a solid pillar 30-60 m tall (%d of 8)", tall);
    CHECK(caps == 8 && baretop == 8, "rock tower: green on top in green land (%d of 8), bare in dry (%d of 8)",
          caps, baretop);
    CHECK(falls == 8, "waterfall: a cliff, and water whose streaks fall between frames (%d of 8)", falls);

    oy_place_info at;
    float rise, bearing;
    oy_entity e;
    int ok = placed("a red rock arch in the desert", &at, &rise, &bearing, &e);
    float dist = hypotf(e.pos[0], e.pos[2]), facing = fmodf(e.yaw - (bearing + 180.0f) + 720.0f, 360.0f);
    CHECK(ok && !strcmp(e.kind, "arch") && dist > 150.0f && fabsf(bearing) < 10.0f &&
          (facing < 3.0f || facing > 357.0f),
          "'a rock arch' stands %.0f m off (>150: seen whole), %.1f degrees off the view, its front to the "
          "camera (%.1f degrees out)", dist, bearing, facing);
    ok = placed("a waterfall in the hills", &at, &rise, &bearing, &e);
    dist = hypotf(e.pos[0], e.pos[2]);
    CHECK(ok && !strcmp(e.kind, "waterfall") && dist > 150.0f && fabsf(bearing) < 15.0f,
          "'a waterfall' stands in view %.0f m off (%.1f degrees off the view)", dist, bearing);
    ok = placed("sea stacks off the coast", &at, &rise, &bearing, &e);
    CHECK(ok && !strcmp(e.kind, "rock_tower"), "'sea stacks' are rock towers ('%s')", ok ? e.kind : "none");
}

/* How far a flag's cloth reaches out from its pole, m. */
static float flag_reach(float wind, float t, oy_build *out)
{
    oy_look look = { .leaf = { 0.05f, 0.08f, 0.03f }, .wind = wind, .foliage = 1, .dry = 1, .exposure = 1 };
    oy_build bl = { .seed = 9, .t = t, .look = &look };
    oy_kind_flag(&bl);
    float reach = 0.0f;
    for (int i = 0; i < bl.n; i++)
        if (bl.p[i].type == OY_PRIM_HULL)
            reach = fmaxf(reach, hypotf(bl.p[i].c[0], bl.p[i].c[2]));
    if (out)
        *out = bl;
    return reach;
}

/* A flag streams out in a wind and ripples; in a calm it hangs. */
static void flags(void)
{
    oy_build a, b;
    float calm = flag_reach(0.0f, 1.0f, NULL), windy = flag_reach(0.8f, 1.0f, &a);
    flag_reach(0.8f, 1.3f, &b);
    int moved = 0;
    for (int i = 0; i < a.n; i++)
        moved += memcmp(a.p[i].pl, b.p[i].pl, sizeof a.p[i].pl) != 0;
    CHECK(windy > 1.2f && calm < 0.6f * windy && moved >= 6, "flag: streams out %.1f m in a wind, %.1f m in a calm; "
          "%d strips move in 0.3 s", windy, calm, moved);
}

static const float herd_places[12][2] = { { 0, 0 }, { 3, 1 }, { -2, 2 }, { 1, -3 }, { 5, 4 }, { -4, -1 },
                                          { 2, 6 }, { -1, 5 }, { 6, -2 }, { -5, 3 }, { 0, -6 }, { 4, 2 } };

/* A flock and a herd asked for at t on a thread of their own, whose
 * remembered states are none: stepped from the start. */
typedef struct fresh_at {
    float t;
    float bird[OY_FLOCK_MAX][3], head[OY_FLOCK_MAX], member[2], vel[2];
} fresh_at;

static void *fresh(void *arg)
{
    fresh_at *f = arg;
    oy_flock_at(11, 18, 14.0f, f->t, f->bird, f->head);
    oy_herd_at(7, 12, herd_places, f->t, 3, f->member, f->vel);
    return NULL;
}

/* A flock flies as a flock: together, apart from the nearest, mostly one
 * way; the same birds at t however the frames before were asked for. */
static void flocking(void)
{
    float p[OY_FLOCK_MAX][3], h[OY_FLOCK_MAX];
    float spread = 0.0f, nearest = 1e9f, align = 1.0f;
    for (float t = 5.0f; t <= 120.0f; t += 5.0f) {
        int n = oy_flock_at(11, 18, 14.0f, t, p, h);
        float c[3] = { 0, 0, 0 }, sx = 0.0f, sz = 0.0f;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 3; j++)
                c[j] += p[i][j] / (float)n;
        for (int i = 0; i < n; i++) {
            spread = fmaxf(spread, sqrtf((p[i][0] - c[0]) * (p[i][0] - c[0]) + (p[i][1] - c[1]) * (p[i][1] - c[1]) +
                                         (p[i][2] - c[2]) * (p[i][2] - c[2])));
            for (int k = i + 1; k < n; k++)
                nearest = fminf(nearest, sqrtf((p[i][0] - p[k][0]) * (p[i][0] - p[k][0]) +
                                               (p[i][1] - p[k][1]) * (p[i][1] - p[k][1]) +
                                               (p[i][2] - p[k][2]) * (p[i][2] - p[k][2])));
            sx += sinf(h[i]);
            sz += cosf(h[i]);
        }
        align = fminf(align, sqrtf(sx * sx + sz * sz) / (float)n);
    }
    CHECK(spread < 10.0f && nearest > 0.7f && align > 0.7f, "bird flock: flies together (every bird within "
          "%.1f m of the middle), apart (nearest two %.2f m), one way (headings agree %.2f)", spread, nearest, align);
    oy_flock_at(11, 18, 14.0f, 39.9f, p, h);
    int n = oy_flock_at(11, 18, 14.0f, 40.0f, p, h);     /* stepped on from 39.9 s */
    fresh_at b = { .t = 40.0f };
    pthread_t th;
    pthread_create(&th, NULL, fresh, &b);
    pthread_join(th, NULL);
    CHECK(!memcmp(p, b.bird, sizeof p[0] * (size_t)n) && !memcmp(h, b.head, sizeof h[0] * (size_t)n),
          "bird flock: the birds at 40 s are the same bytes after 39.9 s as from the start");
    /* two herds asked for in turn, each stepped on from its own last state */
    float hp[2][2], hv[2][2];
    for (float t = 0.0f; t <= 40.0f; t += 0.5f) {
        oy_herd_at(7, 12, herd_places, t, 3, hp[0], hv[0]);
        oy_herd_at(8, 12, herd_places, t, 5, hp[1], hv[1]);
    }
    CHECK(!memcmp(hp[0], b.member, sizeof hp[0]) && !memcmp(hv[0], b.vel, sizeof hv[0]),
          "herd: a member at 40 s is the same bytes stepped on, beside another herd, as from the start");
    CHECK(hypotf(hp[0][0] - herd_places[3][0], hp[0][1] - herd_places[3][1]) > 0.2f &&
          hypotf(hp[0][0] - herd_places[3][0], hp[0][1] - herd_places[3][1]) < 6.0f && hypotf(hv[0][0], hv[0][1]) <= 0.81f,
          "herd: a member strays from its place (%.2f m), not far, at a stroll (%.2f m/s)",
          hypotf(hp[0][0] - herd_places[3][0], hp[0][1] - herd_places[3][1]), hypotf(hv[0][0], hv[0][1]));
}

int main(void)
{
    size_t n = (size_t)W * H * 3;
    uint8_t *a = malloc(n), *b = malloc(n), *c = malloc(n);
    oy_pool *p1 = NULL;
    if (oy_pool_new(&pool, 2) < 0 || oy_pool_new(&p1, 1) < 0 || oy_world_new(&world, 5, NULL) < 0 ||
        !a || !b || !c) {
        printf("FAIL setup\n");
        return 1;
    }
    each_kind(a, b);
    frozen_waterfall();
    road_ruts();
    road_one_surface(a, b);
    erupting(a);
    chimney_smoke();
    east_houses();
    desert_houses();
    antlers();
    lamp_halo(a, b);
    low_sun_sides(a, b);
    landforms();
    winter_trees();
    painted_crowns(a, b);
    within_budget();
    stonework();
    flocking();
    flags();

    /* every object kind the concept bank names is drawn */
    CHECK_GROUP("scene");
    oy_bank *bank = NULL;
    if (oy_bank_new(&bank, NULL, NULL) == 0) {
        int nc = oy_bank_count(bank), missing = 0;
        for (int i = 0; i < nc; i++) {
            const oy_concept *cs = oy_bank_get(bank, i);
            if (cs->group == OY_GROUP_OBJECT && !oy_scene_kind_find(cs->kind ? cs->kind : cs->name)) {
                printf("  no prototype for '%s'\n", cs->kind ? cs->kind : cs->name);
                missing++;
            }
        }
        CHECK(nc > 0 && !missing, "each of the bank's object kinds has a prototype (%d missing)", missing);
        oy_bank_free(&bank);
    }

    /* a camp: same bytes on 1 and 2 threads; a shadow; a fire's light */
    oy_state st;
    oy_entity camp[4] = { entity("campfire", 0, 12), entity("tent", 4, 16), entity("person", -2, 12),
                          entity("cabin", -8, 22) };
    meadow(&st, 16.0f);
    float gc = oy_world_ground(world, &st, 0.0, 0.0);
    oy_view v;
    view_make(&v, 0.0, gc + 2.0, 0.0, 0.0f, -5.0f, 0.0f, 28.0f);
    st.entities = camp;
    st.nentities = 4;
    render(&st, &v, a);
    {
        oy_renderer *r = NULL;
        oy_render_config cfg = { W, H, 0, 0.0, 11 };
        if (oy_renderer_new(&r, world, &cfg, p1) == 0)
            oy_render_frame(r, &st, &v, c, W * 3);
        oy_renderer_free(&r);
    }
    CHECK(!memcmp(a, c, n), "objects: 1 and 2 threads give identical bytes");
    meadow(&st, 23.5f);
    st.ch[OY_CH_CLOUD] = 0.0f;
    render(&st, &v, a);
    st.entities = camp;
    st.nentities = 4;
    render(&st, &v, b);
    double lit, dark;
    int cnt = glow_below(&st, &v, a, b, 0.0, 10.0, &lit, &dark);
    CHECK(cnt > 0 && lit > dark * 1.3, "a campfire lights the ground round it at night (%.0f vs %.0f)", lit, dark);
    /* many lamps: the frame keeps those that light the view, not the
     * first in the list (a village's far lanterns listed before the fire) */
    {
        oy_entity many[61];
        for (int i = 0; i < 60; i++)
            many[i] = entity("lantern", -300.0 + 10.0 * i, -400.0);
        many[60] = camp[0];
        st.entities = many;
        st.nentities = 61;
        render(&st, &v, b);
        cnt = glow_below(&st, &v, a, b, 0.0, 10.0, &lit, &dark);
        CHECK(cnt > 0 && lit > dark * 1.3, "the fire still lights the ground with 60 lanterns listed before it "
              "(%.0f vs %.0f)", lit, dark);
    }

    /* the forest near the view is trees: the view into it changes with them */
    meadow(&st, 14.0f);
    st.ch[OY_CH_BIOME_FOREST] = 1.0f;
    st.ch[OY_CH_BIOME_MEADOW] = 0.0f;
    st.ch[OY_CH_VEGETATION] = 1.0f;
    oy_world_shape sh;
    oy_world_shape_init(&sh, world, &st);
    /* find a place with canopy, look along it */
    double fx0 = 0, fz0 = 0;
    float best = 0.0f;
    for (int j = -20; j <= 20 && best < 8.0f; j++)
        for (int i = -20; i <= 20; i++) {
            oy_world_point pt;
            double x = i * 40.0, z = j * 40.0;
            oy_world_eval(world, &sh, x, z, 0.5f, &pt);
            oy_world_material(world, &sh, x, z, 0.0f, &pt);
            if (pt.canopy > best) {
                best = pt.canopy;
                fx0 = x;
                fz0 = z;
            }
        }
    float gf = oy_world_ground(world, &st, fx0, fz0);
    view_make(&v, fx0, gf + 1.7, fz0, 45.0f, 5.0f, 0.0f, 24.0f);
    render(&st, &v, a);
    int sky = 0;
    for (int y = 0; y < H / 3; y++)
        for (int x = 0; x < W; x++) {
            const uint8_t *p = a + ((size_t)y * W + x) * 3;
            sky += p[2] > p[1] + 20 && p[2] > 120;
        }
    CHECK(best > 5.0f && sky < W * H / 6, "inside a forest (canopy %.1f m) the trees hide most of the sky "
          "(%d of %d pixels of the top third are sky)", best, sky, W * H / 3);
    forest_world();
    oasis_grove();
    woods_and_farm();
    seen_over_crest(a, b);
    road_through_trees(a, b);
    waterfall_through_trees(a);
    tower_through_trees(a);
    placement_words();
    going_words();
    fjord_words();
    road_words();
    bridge_words();
    stilt_words();
    boats_by_town();
    airplane_words();
    footing_in_dunes();
    barn_by_road();
    overlook_words();
    oy_world_free(&world);
    oy_pool_free(&pool);
    oy_pool_free(&p1);
    free(a);
    free(b);
    free(c);
    return CHECK_DONE();
}
