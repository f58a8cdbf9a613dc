/*
 * test_model.c - the latent model: initial state from the world
 * description, transitions (timing, easing, time moving forward), pure
 * evaluation in any order, entities (how many a remove takes, which way
 * they face, walking a path at a speed), events, lightning, and the cost
 * of evaluating one frame of a long script.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang/lang.h"
#include "model/model.h"
#include "script/script.h"
#include "check.h"

static oy_bank *bank;

static oy_model *compile(const char *yaml, oy_script **sp)
{
    oy_log log = { 0 };
    oy_model *m = NULL;
    if (oy_script_load_mem(sp, "test.yaml", yaml, strlen(yaml), NULL, &log))
        return NULL;
    if (oy_model_new(&m, *sp, bank, &log))
        return NULL;
    return m;
}

/* compile() that also says how many warnings the model gave. */
static oy_model *compile_warn(const char *yaml, oy_script **sp, int *warnings)
{
    oy_log log = { 0 };
    oy_model *m = NULL;
    *warnings = -1;
    if (oy_script_load_mem(sp, "test.yaml", yaml, strlen(yaml), NULL, &log))
        return NULL;
    log.warnings = 0;
    if (oy_model_new(&m, *sp, bank, &log))
        return NULL;
    *warnings = log.warnings;
    return m;
}

/* The entity with id at t (NULL if not in the shot); e holds 8. */
static const oy_entity *ent(const oy_model *m, double t, const char *id, oy_entity *e)
{
    oy_state st;
    oy_model_eval(m, t, &st, e);
    for (int i = 0; i < st.nentities; i++)
        if (!strcmp(e[i].id, id))
            return &e[i];
    return NULL;
}

static int near(float a, float b, float eps) { return fabsf(a - b) <= eps; }

/* Difference of two headings the short way round, degrees. */
static float yaw_diff(float a, float b)
{
    float d = fmodf(fabsf(a - b), 360.0f);
    return d > 180.0f ? 360.0f - d : d;
}

static void test_remove_many(void)
{
    oy_script *s = NULL;
    oy_model *m;
    const char *yaml =
        "oyster: 1\noutput: {duration: 10s}\ndirectives:\n"
        "  - {at: 1s, add: rock, count: 1000, near: [0, 0, 60]}\n"
        "  - {at: 1s, add: rock, count: 1000, near: [100, 0, 60]}\n"
        "  - {at: 1s, add: rock, count: 1000, near: [-100, 0, 60]}\n"
        "  - {at: 1s, add: tree, near: [0, 0, 20], id: t}\n"
        "  - {at: 4s, remove: rock, over: 1s}\n";

    CHECK_GROUP("entities");
    m = compile(yaml, &s);
    CHECK(m != NULL, "3000 rocks and a tree compile");
    if (m) {
        oy_entity *e = calloc((size_t)oy_model_max_entities(m), sizeof *e);
        oy_state st;
        oy_model_eval(m, 3.0, &st, e);
        CHECK(st.nentities == 3001, "3001 objects in the shot (%d)", st.nentities);
        oy_model_eval(m, 4.5, &st, e);
        CHECK(st.nentities == 3001 && e[0].fade < 1.0f, "the rocks are fading (%.2f)", e[0].fade);
        oy_model_eval(m, 5.5, &st, e);
        CHECK(st.nentities == 1 && !strcmp(e[0].id, "t"),
              "one remove takes all 3000 rocks, not the first 1024 (%d left)", st.nentities);
        free(e);
        oy_model_free(&m);
    }
    oy_script_free(&s);

    /* the same through text: "no rocks" */
    m = compile("oyster: 1\noutput: {duration: 10s}\ndirectives:\n"
                "  - {at: 1s, add: rock, count: 1000, near: [0, 0, 60]}\n"
                "  - {at: 1s, add: rock, count: 1000, near: [100, 0, 60]}\n"
                "  - {at: 4s, say: no rocks}\n", &s);
    CHECK(m != NULL, "2000 rocks and 'no rocks' compile");
    if (m) {
        oy_entity *e = calloc((size_t)oy_model_max_entities(m), sizeof *e);
        oy_state st;
        oy_model_eval(m, 3.0, &st, e);
        CHECK(st.nentities == 2000, "2000 rocks (%d)", st.nentities);
        oy_model_eval(m, 8.0, &st, e);
        CHECK(st.nentities == 0, "'no rocks' takes all 2000, not the first 256 (%d left)", st.nentities);
        free(e);
        oy_model_free(&m);
    }
    oy_script_free(&s);
}

static void test_facing(void)
{
    oy_script *s = NULL, *s2 = NULL;
    oy_model *m, *m2;
    oy_entity e[8];
    const oy_entity *p;
    int warnings;

    CHECK_GROUP("facing");
    m = compile_warn("oyster: 1\noutput: {duration: 10s}\ndirectives:\n"
                     "  - {at: 1s, add: campfire, near: [10, 0, 0], id: fire}\n"
                     "  - {at: 1s, add: person, near: [0, 0, 0], yaw: 450, id: a}\n"
                     "  - {at: 1s, add: person, near: [0, 0, 0], yaw: -90, id: b}\n"
                     "  - {at: 1s, add: person, near: [0, 0, 0], face: [10, 5, 10], id: c}\n"
                     "  - {at: 1s, add: person, near: [0, 0, 0], face: [-10, 0, 0], id: d}\n"
                     "  - {at: 2s, add: person, near: [0, 0, -5], face: fire, id: e}\n"
                     "  - {at: 2s, add: person, near: [0, 0, 0], face: ghost, id: f}\n", &s, &warnings);
    m2 = compile("oyster: 1\noutput: {duration: 10s}\ndirectives:\n"
                 "  - {at: 1s, add: campfire, near: [10, 0, 0], id: fire}\n"
                 "  - {at: 1s, add: person, near: [0, 0, 0], yaw: 450, id: a}\n"
                 "  - {at: 1s, add: person, near: [0, 0, 0], yaw: -90, id: b}\n"
                 "  - {at: 1s, add: person, near: [0, 0, 0], face: [10, 5, 10], id: c}\n"
                 "  - {at: 1s, add: person, near: [0, 0, 0], face: [-10, 0, 0], id: d}\n"
                 "  - {at: 2s, add: person, near: [0, 0, -5], id: e}\n"
                 "  - {at: 2s, add: person, near: [0, 0, 0], id: f}\n", &s2);
    CHECK(m && m2, "yaw and face compile");
    if (m && m2) {
        oy_entity e2[8];
        const oy_entity *q;
        CHECK((p = ent(m, 3, "a", e)) && near(p->yaw, 90.0f, 1e-4f), "yaw: 450 faces +x (%.3f)", p ? p->yaw : -1);
        CHECK((p = ent(m, 3, "b", e)) && near(p->yaw, 270.0f, 1e-4f), "yaw: -90 faces -x (%.3f)", p ? p->yaw : -1);
        CHECK((p = ent(m, 3, "c", e)) && near(p->yaw, 45.0f, 0.01f), "face: a point (%.3f)", p ? p->yaw : -1);
        CHECK((p = ent(m, 3, "d", e)) && near(p->yaw, 270.0f, 0.01f), "face: a point on -x (%.3f)", p ? p->yaw : -1);
        CHECK((p = ent(m, 3, "e", e)) && near(p->yaw, 63.435f, 0.01f),
              "face: an id faces where it stands (%.3f)", p ? p->yaw : -1);
        p = ent(m, 3, "f", e);
        q = ent(m2, 3, "f", e2);
        CHECK(p && q && p->yaw == q->yaw, "face: an id that is not there keeps the seeded heading");
        CHECK(warnings == 1, "and says so (%d warnings)", warnings);
        p = ent(m, 3, "a", e);
        q = ent(m2, 3, "a", e2);
        CHECK(p && q && p->speed == 0 && p->stride == 0 && p->scale == q->scale &&
              p->seed == q->seed, "standing still: speed 0, stride 0");
    }
    oy_model_free(&m);
    oy_model_free(&m2);
    oy_script_free(&s);
    oy_script_free(&s2);

    /* without yaw or face the heading is seeded, as it always was */
    m = compile("oyster: 1\noutput: {duration: 10s}\nseed: 3\ndirectives:\n"
                "  - {at: 1s, add: person, near: [0, 0, 0], id: a}\n", &s);
    m2 = compile("oyster: 1\noutput: {duration: 10s}\nseed: 4\ndirectives:\n"
                 "  - {at: 1s, add: person, near: [0, 0, 0], id: a}\n", &s2);
    if (m && m2) {
        oy_entity e2[8];
        const oy_entity *q;
        p = ent(m, 2, "a", e);
        q = ent(m2, 2, "a", e2);
        CHECK(p && q && p->yaw != q->yaw && p->yaw >= 0 && p->yaw < 360, "the seed picks the heading");
    }
    oy_model_free(&m);
    oy_model_free(&m2);
    oy_script_free(&s);
    oy_script_free(&s2);
}

static void test_paths(void)
{
    oy_script *s = NULL, *s2 = NULL;
    oy_model *m, *m2;
    oy_entity e[8];
    const oy_entity *p;

    CHECK_GROUP("paths");
    /* 10 m north then 10 m east at 2 m/s: 10 s from 1 s; then back */
    m = compile("oyster: 1\noutput: {duration: 40s, fps: 24}\ndirectives:\n"
                "  - {at: 0s, add: person, near: [0, 0, 0], yaw: 270, id: p}\n"
                "  - {at: 1s, move: p, to: [[0, 0, 10], [10, 2, 10]], speed: 2}\n"
                "  - {at: 15s, move: p, to: [0, 0, 10], speed: 5}\n"
                "  - {at: 20s, move: p, to: [[0, 0, 20], [0, 0, 30]]}\n", &s);
    CHECK(m != NULL, "a path at a speed compiles");
    if (m) {
        p = ent(m, 0.5, "p", e);
        CHECK(p && p->yaw == 270.0f && p->speed == 0 && p->stride == 0, "standing before the move");
        p = ent(m, 3.5, "p", e);
        CHECK(p && near(p->pos[0], 0, 1e-4f) && near(p->pos[2], 5, 1e-4f) && near(p->pos[1], 0, 1e-6f),
              "2.5 s in: 5 m along the first leg (%.3f, %.3f)", p ? p->pos[0] : 0, p ? p->pos[2] : 0);
        CHECK(p && near(p->yaw, 0, 1e-3f), "facing the way it goes, +z (%.3f)", p ? p->yaw : -1);
        CHECK(p && near(p->speed, 2, 1e-4f) && near(p->stride, 5, 1e-4f),
              "speed 2 m/s, stride 5 m (%.3f, %.3f)", p ? p->speed : 0, p ? p->stride : 0);
        p = ent(m, 8.5, "p", e);
        CHECK(p && near(p->pos[0], 5, 1e-4f) && near(p->pos[2], 10, 1e-4f) && near(p->pos[1], 1, 1e-4f),
              "7.5 s in: half way along the second leg, half way up (%.3f, %.3f, %.3f)",
              p ? p->pos[0] : 0, p ? p->pos[1] : 0, p ? p->pos[2] : 0);
        CHECK(p && near(p->yaw, 90, 1e-3f) && near(p->stride, 15, 1e-4f),
              "facing +x, 15 m walked (%.3f, %.3f)", p ? p->yaw : -1, p ? p->stride : 0);
        p = ent(m, 6.0, "p", e);
        CHECK(p && near(p->yaw, 45, 0.01f), "turning through the corner (%.3f)", p ? p->yaw : -1);
        p = ent(m, 12.0, "p", e);
        CHECK(p && p->pos[0] == 10 && p->pos[1] == 2 && p->pos[2] == 10 && p->speed == 0 &&
              near(p->stride, 20, 1e-4f) && near(p->yaw, 90, 1e-3f),
              "arrived at 11 s: stands, keeps its heading, 20 m walked (%.3f)", p ? p->stride : 0);
        /* yaw continuous from frame to frame, speed 0 or 2, stride never back */
        {
            float prev_yaw = 270.0f, prev_stride = 0.0f, worst = 0.0f;
            int speed_ok = 1, stride_ok = 1;
            int frames = 0;
            for (int f = 1; f <= 24 * 14; f++) {
                double t = f / 24.0;
                if (!(p = ent(m, t, "p", e)))
                    continue;
                frames++;
                if (yaw_diff(p->yaw, prev_yaw) > worst)
                    worst = yaw_diff(p->yaw, prev_yaw);
                speed_ok &= (t < 1.0 || t >= 11.0) ? p->speed == 0 : near(p->speed, 2, 1e-3f);
                stride_ok &= p->stride >= prev_stride;
                prev_yaw = p->yaw;
                prev_stride = p->stride;
            }
            CHECK(frames == 24 * 14 && worst < 12.0f && worst > 1.0f,
                  "no heading jumps between frames (largest %.2f degrees)", worst);
            CHECK(speed_ok && stride_ok, "speed is 2 m/s while walking, stride only grows");
        }
        p = ent(m, 16.0, "p", e);
        CHECK(p && near(p->pos[0], 5, 1e-3f) && near(p->yaw, 270, 0.5f) && near(p->speed, 5, 1e-3f) &&
              near(p->stride, 25, 1e-3f), "a second move goes back west, stride goes on (%.3f, %.3f)",
              p ? p->yaw : -1, p ? p->stride : 0);
        p = ent(m, 25.0, "p", e);
        CHECK(p && near(p->speed, 1.4f, 1e-4f) && near(p->pos[2], 17, 1e-3f),
              "a path without over or speed walks at 1.4 m/s (%.3f)", p ? p->pos[2] : 0);
        {
            /* any frame alone: the same state in any order */
            oy_entity a[8], b[8];
            const oy_entity *pa = ent(m, 7.25, "p", a);
            ent(m, 30, "p", e);
            const oy_entity *pb = ent(m, 7.25, "p", b);
            CHECK(pa && pb && !memcmp(pa, pb, sizeof *pa), "evaluation of a walk is pure");
        }
    }
    oy_model_free(&m);
    oy_script_free(&s);

    /* over: the same path in the same time goes at the same constant speed */
    m = compile("oyster: 1\noutput: {duration: 40s, fps: 24}\ndirectives:\n"
                "  - {at: 0s, add: person, near: [0, 0, 0], yaw: 270, id: p}\n"
                "  - {at: 1s, move: p, to: [[0, 0, 10], [10, 2, 10]], over: 10s}\n", &s);
    CHECK(m != NULL, "a path over a time compiles");
    if (m) {
        p = ent(m, 3.5, "p", e);
        CHECK(p && near(p->pos[2], 5, 1e-4f) && near(p->speed, 2, 1e-4f), "over: 10s walks 20 m at 2 m/s");
    }
    oy_model_free(&m);
    oy_script_free(&s);

    /* a move begun before the last one arrived starts where the entity is */
    m = compile("oyster: 1\noutput: {duration: 40s, fps: 24}\ndirectives:\n"
                "  - {at: 0s, add: deer, near: [0, 0, 0], id: d}\n"
                "  - {at: 1s, move: d, to: [0, 0, 100], over: 10s}\n"
                "  - {at: 4s, move: d, to: [[50, 0, 50]], speed: 3}\n", &s);
    m2 = compile("oyster: 1\noutput: {duration: 40s, fps: 24}\ndirectives:\n"
                 "  - {at: 0s, add: deer, near: [0, 0, 0], id: d}\n"
                 "  - {at: 1s, move: d, to: [0, 0, 100], over: 10s}\n", &s2);
    CHECK(m && m2, "an interrupted move compiles");
    if (m && m2) {
        oy_entity e2[8];
        const oy_entity *q;
        p = ent(m, 4.0, "d", e);
        q = ent(m2, 4.0, "d", e2);
        CHECK(p && q && near(p->pos[2], q->pos[2], 1e-4f) && near(p->stride, q->stride, 1e-3f),
              "no jump when the second move begins (z %.3f vs %.3f)", p ? p->pos[2] : 0, q ? q->pos[2] : 0);
        p = ent(m, 3.0, "d", e);
        CHECK(p && p->speed > 0 && near(p->yaw, 0, 1e-3f) && near(p->speed, 10 * 6 * 0.2f * 0.8f, 1e-3f),
              "an eased move: speed from its easing (%.3f), facing +z", p ? p->speed : 0);
    }
    oy_model_free(&m);
    oy_model_free(&m2);
    oy_script_free(&s);
    oy_script_free(&s2);
}

/* The middle of five places, along x (0) or z (1). */
static float p0c(float p[5][2], int k)
{
    return (p[0][k] + p[1][k] + p[2][k] + p[3][k] + p[4][k]) / 5.0f;
}

/* A move given to a herd keeps each member where it stood in the group:
 * the middle goes along the path, no two end on one spot; on the way the
 * herd flocks. */
static void test_herd(void)
{
    oy_script *s = NULL;
    oy_entity e[16];
    oy_state st;
    oy_model *m = compile("oyster: 1\noutput: {duration: 30s, fps: 24}\ndirectives:\n"
                          "  - {at: 0s, add: deer, near: [0, 0, 40], count: 5}\n"
                          "  - {at: 1s, move: deer, to: [[20, 0, 60], [40, 0, 100]], speed: 4}\n"
                          "  - {at: 20s, move: deer, to: [0, 0, 100], over: 4s}\n", &s);
    CHECK(m != NULL, "a herd's moves compile");
    if (m) {
        float p0[5][2], p1[5][2], p2[5][2], c1[2] = { 0, 0 }, c2[2] = { 0, 0 }, worst = 0.0f, closest = 1e9f;
        oy_model_eval(m, 0.5, &st, e);
        int n = st.nentities;
        for (int i = 0; i < n && i < 5; i++)
            p0[i][0] = e[i].pos[0], p0[i][1] = e[i].pos[2];
        oy_model_eval(m, 19.9, &st, e);
        for (int i = 0; i < n && i < 5; i++) {
            p1[i][0] = e[i].pos[0], p1[i][1] = e[i].pos[2];
            c1[0] += p1[i][0] / 5.0f, c1[1] += p1[i][1] / 5.0f;
        }
        oy_model_eval(m, 25.0, &st, e);
        for (int i = 0; i < n && i < 5; i++) {
            p2[i][0] = e[i].pos[0], p2[i][1] = e[i].pos[2];
            c2[0] += p2[i][0] / 5.0f, c2[1] += p2[i][1] / 5.0f;
        }
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) {
                float d0 = hypotf(p0[i][0] - p0[j][0], p0[i][1] - p0[j][1]);
                float d2 = hypotf(p2[i][0] - p2[j][0], p2[i][1] - p2[j][1]);
                worst = fmaxf(worst, fabsf(d2 - d0));
                closest = fminf(closest, d2);
            }
        CHECK(n == 5 && near(c1[0], 40, 1e-3f) && near(c1[1], 100, 1e-3f) && near(c2[0], 0, 1e-3f) &&
              near(c2[1], 100, 1e-3f), "a herd's middle goes where it is sent, twice (%.2f, %.2f) then (%.2f, %.2f)",
              c1[0], c1[1], c2[0], c2[1]);
        CHECK(worst < 1e-3f && closest > 0.5f, "its members keep their places in it once arrived (spacing "
              "changed at most %.4f m; nearest two %.2f m apart)", worst, closest);
        /* on the way it goes as a herd: each member strays from its place,
         * never far, never faster than a stroll beyond the herd's pace,
         * with no jump from one frame to the next */
        float loosest = 0.0f, farthest = 0.0f, fastest = 0.0f, step = 0.0f, yaws[2] = { 1e9f, -1e9f };
        for (double t = 4.0; t < 14.0; t += 0.5) {
            float a[5][3], b[5][3], c[2] = { 0, 0 };
            oy_model_eval(m, t, &st, e);
            for (int i = 0; i < 5; i++) {
                memcpy(a[i], e[i].pos, sizeof a[i]);
                c[0] += a[i][0] / 5.0f, c[1] += a[i][2] / 5.0f;
                fastest = fmaxf(fastest, e[i].speed);
                yaws[0] = fminf(yaws[0], e[i].yaw), yaws[1] = fmaxf(yaws[1], e[i].yaw);
            }
            oy_model_eval(m, t + 1.0 / 24, &st, e);
            for (int i = 0; i < 5; i++) {
                memcpy(b[i], e[i].pos, sizeof b[i]);
                step = fmaxf(step, hypotf(b[i][0] - a[i][0], b[i][2] - a[i][2]));
                farthest = fmaxf(farthest, hypotf(a[i][0] - c[0] - (p0[i][0] - p0c(p0, 0)),
                                                  a[i][2] - c[1] - (p0[i][1] - p0c(p0, 1))));
                for (int j = 0; j < i; j++)
                    loosest = fmaxf(loosest, fabsf(hypotf(a[i][0] - a[j][0], a[i][2] - a[j][2]) -
                                                   hypotf(p0[i][0] - p0[j][0], p0[i][1] - p0[j][1])));
            }
        }
        CHECK(loosest > 0.3f && farthest < 6.0f, "on its way a herd loosens and closes (spacing changed up to "
              "%.2f m, each within %.2f m of its place)", loosest, farthest);
        CHECK(fastest < 4.0f + 0.9f && step < (4.0f + 0.9f) / 24.0f && yaws[1] - yaws[0] > 1.0f,
              "its members keep pace with no jump (fastest %.2f m/s, %.3f m in a frame, headings over %.1f deg)",
              fastest, step, yaws[1] - yaws[0]);
    }
    oy_model_free(&m);
    oy_script_free(&s);
}

static float at(const oy_model *m, double t, int ch)
{
    static oy_entity ents[64];
    oy_state st;
    oy_model_eval(m, t, &st, ents);
    return st.ch[ch];
}

/* The entities a world prompt adds, at 0 s, in e (at most 8): their
 * count, or -1 when the script does not compile. */
static int prompt_entities(const char *prompt, oy_entity e[8])
{
    char yaml[256];
    oy_script *s = NULL;
    snprintf(yaml, sizeof yaml, "oyster: 1\noutput: {duration: 1s}\nworld: {prompt: %s}\n", prompt);
    oy_model *m = compile(yaml, &s);
    CHECK(m != NULL, "'%s' compiles", prompt);
    if (!m)
        return -1;
    oy_state st;
    oy_model_eval(m, 0.0, &st, e);
    oy_model_free(&m);
    oy_script_free(&s);
    return st.nentities;
}

/* A colour word on a drawn object paints that object and no other. */
static void test_paint(void)
{
    CHECK_GROUP("paint");
    oy_entity e[8];
    int n = prompt_entities("a red barn and a tent", e), barn = 0, tent = 0;
    for (int i = 0; i < n; i++) {
        if (!strcmp(e[i].kind, "barn"))
            barn = e[i].paint[0] > 0.3f && e[i].paint[1] > 0.3f;
        if (!strcmp(e[i].kind, "tent"))
            tent = e[i].paint[0] == 0.0f && e[i].paint[1] == 0.0f && e[i].paint[2] == 0.0f;
    }
    CHECK(barn, "'a red barn' is painted red");
    CHECK(tent, "the tent named after it keeps its own colours");
}

/* size words size the object they come before, and only it */
static void test_size(void)
{
    CHECK_GROUP("size");
    oy_entity e[8];
    int n = prompt_entities("a tiny red cabin and a tent and a huge oak", e);
    float cabin = 0, tent = 0, oak = 0;
    for (int i = 0; i < n; i++) {
        if (!strcmp(e[i].kind, "cabin"))
            cabin = e[i].size;
        if (!strcmp(e[i].kind, "tent"))
            tent = e[i].size;
        if (!strcmp(e[i].kind, "oak"))
            oak = e[i].size;
    }
    CHECK(cabin == 0.5f, "'a tiny red cabin' is half size, the colour between (%g)", cabin);
    CHECK(tent == 1.0f, "the tent after it keeps its own size (%g)", tent);
    CHECK(oak == 1.5f, "'a huge oak' is half again as big (%g)", oak);
    n = prompt_entities("a large herd of cows", e);
    int big = 0;
    for (int i = 0; i < n; i++)
        big += e[i].size != 1.0f;
    CHECK(n >= 3 && !big, "'a large herd of cows' sizes the herd, not the cows (%d cows, %d sized)", n, big);
}

int main(void)
{
    oy_log log = { 0 };
    oy_script *s = NULL;
    oy_model *m;

    CHECK_GROUP("model");
    CHECK(oy_bank_new(&bank, NULL, &log) == 0, "built-in concept bank loads");

    m = compile("oyster: 1\noutput: {duration: 20s, fps: 10}\n"
                "world: {prompt: a valley, time: \"16:30\", weather: clear}\n"
                "directives:\n"
                "  - {at: 2s, weather: {rain: 0.8}, over: 4s}\n"
                "  - {at: 10s, time: \"06:00\", over: 2s}\n"
                "  - {at: 3s, beat: Rain}\n"
                "  - {at: 12s, lighting: {warmth: 0.5}}\n", &s);
    CHECK(m != NULL, "script compiles");
    if (m) {
        CHECK(fabsf(at(m, 0, OY_CH_TIME) - 16.5f) < 1e-4f, "world.time sets the clock (%.3f)", at(m, 0, OY_CH_TIME));
        CHECK(at(m, 1.99, OY_CH_RAIN) == at(m, 0, OY_CH_RAIN), "nothing changes before a directive");
        CHECK(fabsf(at(m, 4.0, OY_CH_RAIN) - 0.4f) < 0.01f, "half way through an in-out transition (%.3f)", at(m, 4.0, OY_CH_RAIN));
        CHECK(fabsf(at(m, 6.0, OY_CH_RAIN) - 0.8f) < 1e-6f, "transition arrives at its target");
        CHECK(at(m, 6.0, OY_CH_WETNESS) >= 0.79f, "rain wets the ground (%.2f)", at(m, 6.0, OY_CH_WETNESS));
        CHECK(fabsf(at(m, 12.0, OY_CH_TIME) - 30.0f) < 1e-4f, "time moves forward through midnight to 06:00 (%.2f)", at(m, 12.0, OY_CH_TIME));
        CHECK(at(m, 11.0, OY_CH_TIME) > 16.5f && at(m, 11.0, OY_CH_TIME) < 30.0f, "and passes the evening on the way");
        CHECK(fabsf(at(m, 15.0, OY_CH_WARMTH) - 0.5f) < 1e-6f, "lighting map sets warmth");
        {
            float a = at(m, 13.3, OY_CH_WARMTH), b = at(m, 4.2, OY_CH_RAIN);
            float c = at(m, 4.2, OY_CH_RAIN), d = at(m, 13.3, OY_CH_WARMTH);
            CHECK(a == d && b == c, "evaluation is pure: order does not matter");
        }
        {
            int n;
            const oy_event *ev = oy_model_events(m, &n);
            int beats = 0;
            for (int i = 0; i < n; i++)
                if (ev[i].type == OY_EV_BEAT) {
                    beats++;
                    CHECK(ev[i].frame == 30 && !strcmp(ev[i].text, "Rain"), "beat event at frame 30");
                }
            CHECK(beats == 1, "one beat event");
            for (int i = 1; i < n; i++)
                CHECK(ev[i - 1].frame <= ev[i].frame, "events sorted by frame (%d)", i);
        }
        oy_model_free(&m);
        CHECK(m == NULL, "free nulls the pointer");
    }
    oy_script_free(&s);

    m = compile("oyster: 1\noutput: {duration: 60s}\nworld: {weather: storm}\n", &s);
    CHECK(m != NULL, "storm script compiles");
    if (m) {
        oy_strike a[64], b[64];
        int na = oy_model_strikes(m, 0, 60, a, 64), nb = 0;
        for (int k = 0; k < 60; k++)
            nb += oy_model_strikes(m, k, k + 1, b + nb, 64 - nb);
        CHECK(na >= 5, "a storm has lightning (%d strikes a minute)", na);
        {
            int same = na == nb;
            for (int i = 0; same && i < na; i++)
                same = a[i].t == b[i].t && a[i].x == b[i].x && a[i].z == b[i].z && a[i].energy == b[i].energy;
            CHECK(same, "strikes are the same in any windows (%d vs %d)", na, nb);
        }
        CHECK(at(m, a[0].t + 0.05, OY_CH_LIGHTNING) > 0, "lightning channel on");
        {
            oy_entity e[1];
            oy_state st;
            oy_model_eval(m, a[0].t + 0.02, &st, e);
            CHECK(st.flash > 0.05f, "a flash lights the frame after a strike (%.2f)", st.flash);
        }
        oy_model_free(&m);
    }
    oy_script_free(&s);

    m = compile("oyster: 1\noutput: {duration: 10s}\ndirectives:\n"
                "  - {at: 1s, add: campfire, near: [10, 0, 20], id: fire}\n"
                "  - {at: 3s, move: fire, to: [20, 0, 20], over: 2s}\n"
                "  - {at: 6s, remove: fire, over: 1s}\n", &s);
    CHECK(m != NULL, "entity script compiles");
    if (m) {
        oy_entity e[8];
        oy_state st;
        oy_model_eval(m, 0.5, &st, e);
        CHECK(st.nentities == 0, "no entity before it is added");
        oy_model_eval(m, 2.0, &st, e);
        CHECK(st.nentities == 1 && !strcmp(e[0].id, "fire") && !strcmp(e[0].kind, "campfire") && e[0].pos[0] == 10.0f,
              "campfire added at its place");
        oy_model_eval(m, 4.0, &st, e);
        CHECK(st.nentities == 1 && e[0].pos[0] > 10.0f && e[0].pos[0] < 20.0f, "moving (x %.2f)", e[0].pos[0]);
        CHECK(st.nentities == 1 && fabsf(e[0].yaw - 90.0f) < 1e-3f && fabsf(e[0].speed - 7.5f) < 1e-3f &&
              fabsf(e[0].stride - 5.0f) < 1e-3f, "facing +x, 7.5 m/s at the middle of an eased 10 m in 2 s");
        oy_model_eval(m, 5.5, &st, e);
        CHECK(st.nentities == 1 && e[0].pos[0] == 20.0f && e[0].speed == 0.0f && e[0].stride == 10.0f, "arrived");
        oy_model_eval(m, 6.5, &st, e);
        CHECK(st.nentities == 1 && e[0].fade < 1.0f && e[0].fade > 0.0f, "fading out (%.2f)", e[0].fade);
        oy_model_eval(m, 7.5, &st, e);
        CHECK(st.nentities == 0, "removed");
        oy_model_free(&m);
    }
    oy_script_free(&s);

    /* seek cost: one frame of a 1-hour script with 5000 directives */
    {
        size_t cap = 5000 * 80 + 256, n = 0;
        char *y = malloc(cap);
        n += (size_t)snprintf(y + n, cap - n, "oyster: 1\noutput: {duration: 3600s}\ndirectives:\n");
        for (int i = 0; i < 5000; i++)
            n += (size_t)snprintf(y + n, cap - n, "  - {at: %ds, weather: {rain: %.2f, wind: %.2f}, over: 3s}\n",
                                  (i * 3600) / 5000, (i % 7) / 7.0, (i % 5) / 5.0);
        m = compile(y, &s);
        CHECK(m != NULL, "1-hour script with 5000 directives compiles");
        if (m) {
            struct timespec a, b;
            oy_entity e[1];
            oy_state st;
            float sum = 0;
            clock_gettime(CLOCK_MONOTONIC, &a);
            for (int i = 0; i < 1000; i++) {
                oy_model_eval(m, (double)(oy_hash(1, 2, (uint64_t)i, 0, 0) % 3600000) / 1000.0, &st, e);
                sum += st.ch[OY_CH_RAIN];
            }
            clock_gettime(CLOCK_MONOTONIC, &b);
            printf("INFO model: state of a random frame of a 1-hour, 5000-directive script: %.2f us (sum %.1f)\n",
                   ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 1000.0 / 1000.0, sum);
            oy_model_free(&m);
        }
        oy_script_free(&s);
        free(y);
    }
    test_remove_many();
    test_facing();
    test_paths();
    test_herd();
    test_paint();
    test_size();
    oy_bank_free(&bank);
    return CHECK_DONE();
}
