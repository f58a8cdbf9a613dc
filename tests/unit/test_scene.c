/*
 * test_scene.c - things in the world: every kind of the registry is drawn
 * where it stands (pixels change inside its projected box; outside it only
 * its shadow darkens the land)
 * and stands on the ground; every object kind of the concept bank has a
 * prototype; objects render the same bytes on 1 and 2 threads and cast a
 * shadow; a campfire lights the ground around it at night; the forest
 * near the view is trees.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "view.h"
#include "lang/lang.h"

enum { W = 320, H = 180 };

static oy_pool *pool;
static oy_world *world;

static void render(const oy_state *st, const oy_view *v, uint8_t *rgb)
{
    oy_renderer *r = NULL;
    oy_render_config cfg = { W, H, 0, 0.0, 11 };
    if (oy_renderer_new(&r, world, &cfg, pool) < 0 || oy_render_frame(r, st, v, rgb, W * 3) < 0)
        memset(rgb, 0, (size_t)W * H * 3);
    oy_renderer_free(&r);
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
        meadow(&st, 14.0f);
        oy_entity e = entity(name, ex, ez);
        float g = oy_world_ground(world, &st, ex, ez), gc = oy_world_ground(world, &st, 0.0, 0.0);
        float lift = (k[i].flags & OY_KIND_LIFTED) ? 25.0f : 0.0f;
        float top = g + lift + fmaxf(h, 1.0f), cam_y = gc + 1.7f + 0.3f * size;
        float pitch = (float)(atan2((g + lift + 0.5 * h) - cam_y, dist) * 180.0 / OY_PI);
        oy_view v;
        view_make(&v, 0.0, cam_y, 0.0, 0.0f, pitch, 0.0f, 24.0f);
        render(&st, &v, a);
        st.entities = &e;
        st.nentities = 1;
        render(&st, &v, b);
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
        if (!strcmp(name, "road"))
            CHECK(in + out > 200, "%s: drawn along the ground (%d pixels changed)", name, in + out);
        else
            CHECK(in >= 12 && out <= in / 2 + 20, "%s (%.0f m): drawn where it stands, %d pixels in its box "
                  "[%.0f..%.0f]x[%.0f..%.0f], %d outside", name, h, in, x0, x1, y0, y1, out);
        /* standing: its prototype reaches the ground and rises above it */
        if (k[i].build && !(k[i].flags & OY_KIND_LIFTED)) {
            oy_look look = { { 0.05f, 0.08f, 0.03f }, 1, 0, 0, 0, 0, 1, 1 };
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
    /* the ground round the fire, below it on screen */
    float fx, fy;
    double lit = 0, dark = 0;
    int cnt = 0;
    if (project(&v, 0.0, oy_world_ground(world, &st, 0.0, 10.0), 10.0, &fx, &fy)) {
        for (int y = (int)fy; y < (int)fy + 6 && y < H; y++)
            for (int x = (int)fx - 10; x <= (int)fx + 10; x++) {
                if (x < 0 || x >= W || y < 0)
                    continue;
                const uint8_t *p = b + ((size_t)y * W + x) * 3, *q = a + ((size_t)y * W + x) * 3;
                lit += p[0] + p[1] + p[2];
                dark += q[0] + q[1] + q[2];
                cnt++;
            }
    }
    CHECK(cnt > 0 && lit > dark * 1.3, "a campfire lights the ground round it at night (%.0f vs %.0f)",
          cnt ? lit / cnt : 0.0, cnt ? dark / cnt : 0.0);

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
    oy_world_free(&world);
    oy_pool_free(&pool);
    oy_pool_free(&p1);
    free(a);
    free(b);
    free(c);
    return CHECK_DONE();
}
