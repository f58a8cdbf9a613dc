/*
 * test_walker.c - wander mode's walker: pace, running, turning, looks,
 * jumps and landings, what stops it (a slope too steep, water past the
 * knee, a house), footsteps by ground, checkpoints and state files, and
 * keys that change while it walks.
 */
#include <math.h>
#include <stdlib.h>

#include <unistd.h>

#include "audio_shot.h"
#include "api/shot.h"
#include "camera/walker.h"
#include "check.h"

static char yaml[4096];

/* A wander shot: prompt, start x z yaw, keys and extra lines (directives). */
static const char *wander(const char *prompt, double x, double z, double yaw, const char *keys,
                          const char *more)
{
    snprintf(yaml, sizeof yaml,
             "oyster: 1\nmode: wander\nseed: 11\n"
             "output: {size: 64x36, fps: 24, duration: 30s}\n"
             "world: {prompt: \"%s\", time: \"14:00\"}\n%s"
             "wander:\n  start: {pos: [%.3f, %.3f], yaw: %.3f}\n  keys:%s%s",
             prompt, more ? more : "", x, z, yaw, *keys ? "\n" : " []\n", keys);
    return yaml;
}

static oy_walker *walker_of(shot *p) { return oy_camera_walker(p->cam); }

static double flat_dist(const double a[3], const double b[3])
{
    return hypot(a[0] - b[0], a[2] - b[2]);
}

static void pace(void)
{
    shot p;
    double a[3], b[3], c[3], d[3];
    float ang[3];

    CHECK_GROUP("walker pace");
    if (shot_open(&p, wander("a green meadow", 0, 0, 0,
                             "    - {at: 0s, hold: w, for: 4s}\n"
                             "    - {at: 5s, hold: [w, shift], for: 2s}\n"
                             "    - {at: 8s, hold: right, for: 1s}\n"
                             "    - {at: 9s, hold: d, for: 2s}\n", NULL)) < 0) {
        CHECK(0, "the shot opens");
        return;
    }
    oy_walker_eye(walker_of(&p), 0.0, a, ang);
    oy_walker_eye(walker_of(&p), 4.0, b, ang);
    CHECK(fabs(flat_dist(a, b) - 4 * 1.4) < 0.4, "4 s of w at 1.4 m/s goes %.2f m", flat_dist(a, b));
    CHECK(fabs(b[0] - a[0]) < 0.05 && b[2] > a[2], "yaw 0 walks along +z (dx %.3f)", b[0] - a[0]);
    oy_walker_eye(walker_of(&p), 5.0, c, ang);
    oy_walker_eye(walker_of(&p), 7.0, d, ang);
    CHECK(flat_dist(c, d) > 2 * 1.4 * 2.5, "shift runs: 2 s goes %.2f m (walking: 2.8)", flat_dist(c, d));
    oy_walker_eye(walker_of(&p), 9.0, a, ang);
    CHECK(fabs(ang[0] - 90.0f) < 0.5f, "1 s of the right arrow at 90 deg/s turns to yaw %.2f", ang[0]);
    oy_walker_eye(walker_of(&p), 11.0, b, ang);
    CHECK(b[2] - a[2] < -2.0, "d after turning right strafes toward -z (dz %.2f)", b[2] - a[2]);
    shot_free(&p);
}

/* Looks ease the view round and W follows the view; the head bobs. */
static void looks_and_bob(void)
{
    shot p;
    double a[3], b[3], lo = 1e9, hi = -1e9;
    float ang[3], mid[3];

    CHECK_GROUP("walker looks");
    if (shot_open(&p, wander("a flat green meadow", 0, 0, 0,
                             "    - {at: 0s, hold: w, for: 3s}\n"
                             "    - {at: 6s, hold: w, for: 2s}\n",
                             NULL)) < 0)
        return;
    /* the look is in the wander block: add it by hand */
    shot_free(&p);
    snprintf(yaml + strlen(yaml), sizeof yaml - strlen(yaml),
             "  look:\n    - {at: 3s, yaw: 90, pitch: -20, over: 2s}\n");
    if (shot_open(&p, yaml) < 0) {
        CHECK(0, "the shot with a look opens");
        return;
    }
    oy_walker_eye(walker_of(&p), 4.0, a, mid);
    oy_walker_eye(walker_of(&p), 5.0, a, ang);
    CHECK(fabs(mid[0] - 45.0f) < 0.5f && fabs(ang[0] - 90.0f) < 0.01f && fabs(ang[1] + 20.0f) < 0.01f,
          "a look of 90 and -20 over 2 s is half way at 1 s (%.1f) and there at 2 s (%.2f, %.2f)",
          mid[0], ang[0], ang[1]);
    oy_walker_eye(walker_of(&p), 8.0, b, ang);
    CHECK(b[0] - a[0] > 2.0 && fabs(b[2] - a[2]) < 0.2, "w then walks where the look turned (dx %.2f, dz %.2f)",
          b[0] - a[0], b[2] - a[2]);
    for (double t = 1.0; t < 3.0; t += 1.0 / 120) {
        oy_walker_eye(walker_of(&p), t, a, ang);
        lo = fmin(lo, a[1]);
        hi = fmax(hi, a[1]);
    }
    CHECK(hi - lo > 0.02 && hi - lo < 0.12, "walking, the head bobs %.3f m over flat ground", hi - lo);
    shot_free(&p);
}

/* Things added "ahead" stand ahead of the walker (as the shot places them). */
static void ahead(void)
{
    char path[] = "/tmp/oyster-walker-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    oyster_shot *shot = NULL;
    oy_state st;
    double pos[3];
    float ang[3];

    CHECK_GROUP("walker ahead");
    if (!f) {
        CHECK(0, "a temporary file");
        return;
    }
    fputs(wander("a flat green meadow", 0, 0, 90, "    - {at: 0s, hold: w, for: 5s}\n",
                 "directives:\n  - {at: 5s, add: tent, ahead: 20}\n"), f);
    fclose(f);
    if (oyster_shot_open(&shot, path, NULL, NULL, NULL) < 0) {
        CHECK(0, "the shot opens");
        unlink(path);
        return;
    }
    oy_walker_eye(oy_camera_walker(shot->camera), 5.0, pos, ang);
    oy_model_eval(shot->model, 6.0, &st, shot->ents);
    CHECK(st.nentities == 1 && fabs(st.entities[0].pos[0] - (pos[0] + 20.0)) < 1.5 &&
          fabs(st.entities[0].pos[2] - pos[2]) < 1.5,
          "'add: tent, ahead: 20' at 5 s stands 20 m ahead of the walker (%.1f, %.1f; walker at %.1f, %.1f)",
          st.nentities ? st.entities[0].pos[0] : 0.0f, st.nentities ? st.entities[0].pos[2] : 0.0f,
          pos[0], pos[2]);
    oyster_shot_free(&shot);
    unlink(path);
}

/* Running at 60 m/s over mountains: the eye never goes under the ground. */
static void fast(void)
{
    shot p;
    oy_state st;
    oy_entity *e;
    double lowest = 1e9, pos[3];
    float ang[3];

    CHECK_GROUP("walker fast");
    snprintf(yaml, sizeof yaml,
             "oyster: 1\nmode: wander\nseed: 5\noutput: {size: 64x36, duration: 20s}\n"
             "world: {prompt: \"rugged mountains with deep ravines\"}\n"
             "wander:\n  walk: 20\n  keys:\n    - {at: 0s, hold: [w, shift], for: 20s}\n"
             "    - {at: 2s, hold: right, for: 0.5s}\n    - {at: 5s, press: space}\n");
    if (shot_open(&p, yaml) < 0 || !(e = calloc((size_t)oy_model_max_entities(p.m) + 1, sizeof *e))) {
        CHECK(0, "the shot opens");
        return;
    }
    oy_model_eval(p.m, 0.0, &st, e);
    for (double t = 0.0; t < 20.0; t += 1.0 / 48) {
        oy_walker_eye(walker_of(&p), t, pos, ang);
        lowest = fmin(lowest, pos[1] - oy_world_ground(p.w, &st, pos[0], pos[2]));
    }
    oy_walker_eye(walker_of(&p), 20.0, pos, ang);
    CHECK(lowest > 0.3, "the eye stays %.2f m or more over the ground, %.0f m from the start", lowest,
          hypot(pos[0], pos[2]));
    free(e);
    shot_free(&p);
}

/* The eye at t from a fresh shot: nothing integrated before. */
static void eye_fresh(const char *y, double t, double pos[3], float ang[3])
{
    shot p;
    if (shot_open(&p, y) < 0) {
        pos[0] = pos[1] = pos[2] = NAN;
        return;
    }
    oy_walker_eye(walker_of(&p), t, pos, ang);
    shot_free(&p);
}

static void alone(void)
{
    static const double ts[] = { 0.7, 3.3, 9.125, 2.0, 14.9, 6.0 };
    char y[4096];
    shot p;
    int same = 1, n = 0;

    CHECK_GROUP("walker alone");
    snprintf(y, sizeof y, "%s", wander("rolling hills with woods", 0, 0, 30,
                                        "    - {at: 0s, hold: w, for: 6s}\n"
                                        "    - {at: 2s, press: space}\n"
                                        "    - {at: 3s, hold: [a, left], for: 2s}\n"
                                        "    - {at: 6s, hold: [w, shift], for: 9s}\n", NULL));
    if (shot_open(&p, y) < 0) {
        CHECK(0, "the shot opens");
        return;
    }
    /* in order and out of order, then each from a fresh walker */
    for (int i = 0; i < (int)(sizeof ts / sizeof *ts); i++) {
        double a[3], b[3];
        float aa[3], ba[3];
        oy_walker_eye(walker_of(&p), ts[i], a, aa);
        eye_fresh(y, ts[i], b, ba);
        same &= !memcmp(a, b, sizeof a) && !memcmp(aa, ba, sizeof aa);
        n++;
    }
    CHECK(same, "the eye at %d times asked in any order equals a fresh walker's, to the bit", n);
    shot_free(&p);
}

static void jump(void)
{
    shot p;
    double pos[3], base = 0.0, top = -1e9, after;
    float ang[3];
    oy_audio_hit h[64];
    int n, land = 0;

    CHECK_GROUP("walker jump");
    if (shot_open(&p, wander("a flat green meadow", 0, 0, 0,
                             "    - {at: 1s, press: space}\n", NULL)) < 0) {
        CHECK(0, "the shot opens");
        return;
    }
    oy_walker_eye(walker_of(&p), 0.9, pos, ang);
    base = pos[1];
    for (double t = 1.0; t < 2.0; t += 1.0 / 60)
        oy_walker_eye(walker_of(&p), t, pos, ang), top = fmax(top, pos[1]);
    oy_walker_eye(walker_of(&p), 3.0, pos, ang);
    after = pos[1];
    CHECK(top - base > 0.6 && top - base < 1.0, "a jump lifts the eye %.2f m", top - base);
    CHECK(fabs(after - base) < 0.05, "and it comes down to where it was (%.3f m)", after - base);
    n = oy_walker_hits(walker_of(&p), 0.0, 3.0, h, 64);
    for (int i = 0; i < n; i++)
        if (h[i].kind == OY_HIT_LAND)
            land = i + 1;
    CHECK(land && h[land - 1].t > 1.6 && h[land - 1].t < 2.0, "a landing is heard at %.2f s",
          land ? h[land - 1].t : -1.0);
    shot_free(&p);
}

/* Along +x from the origin, the first place where the ground climbs
 * steeper than `rise` (and not steeper than `most`) over a metre; 0 when
 * none within 600 m. */
static double steep_at(shot *p, double rise, double most)
{
    oy_state st;
    oy_entity *e = calloc((size_t)oy_model_max_entities(p->m) + 1, sizeof *e);
    double found = 0.0;
    if (!e)
        return 0.0;
    oy_model_eval(p->m, 0.0, &st, e);
    for (double x = 0.0; x < 600.0 && !found; x += 0.5) {
        float g0 = oy_world_ground(p->w, &st, x, 0.0), g1 = oy_world_ground(p->w, &st, x + 1.0, 0.0);
        float w0 = oy_world_surface(p->w, &st, x, 0.0);
        if (g1 - g0 > rise && g1 - g0 <= most && w0 <= g0)
            found = x;
    }
    free(e);
    return found;
}

static void stopped(void)
{
    char y[4096];
    shot p;
    double x, pos[3];
    float ang[3];

    CHECK_GROUP("walker stops");
    /* a slope too steep to climb */
    snprintf(y, sizeof y, "%s", wander("a deep canyon with sheer rock walls", 0, 0, 90, "", NULL));
    if (shot_open(&p, y) < 0) {
        CHECK(0, "the canyon opens");
        return;
    }
    x = steep_at(&p, 1.5, 1e9);
    shot_free(&p);
    CHECK(x > 0.0, "a wall steeper than 56 degrees along +x, at x = %.1f", x);
    if (x > 0.0 && shot_open(&p, wander("a deep canyon with sheer rock walls", x - 6.0, 0, 90,
                                        "    - {at: 0s, hold: w, for: 12s}\n", NULL)) == 0) {
        oy_walker_eye(walker_of(&p), 12.0, pos, ang);
        CHECK(pos[0] < x + 1.0, "walking into it stops at x = %.2f (wall at %.1f)", pos[0], x);
        shot_free(&p);
    }

    /* water past the knee: wade in, stop */
    if (shot_open(&p, wander("a wide lake below green hills", 0, 0, 0,
                             "    - {at: 0s, hold: w, for: 25s}\n", NULL)) == 0) {
        oy_state st;
        oy_entity *e = calloc((size_t)oy_model_max_entities(p.m) + 1, sizeof *e);
        double prev[3];
        float g, wl;
        oy_walker_eye(walker_of(&p), 24.0, prev, ang);
        oy_walker_eye(walker_of(&p), 25.0, pos, ang);
        if (e) {
            oy_model_eval(p.m, 25.0, &st, e);
            g = oy_world_ground(p.w, &st, pos[0], pos[2]);
            wl = oy_world_surface(p.w, &st, pos[0], pos[2]);
            CHECK(wl > g && wl - g <= 0.55f, "it wades in and stops %.2f m deep", wl - g);
            CHECK(flat_dist(prev, pos) < 0.05, "and stays at the shore (%.3f m in the last second)",
                  flat_dist(prev, pos));
            free(e);
        }
        shot_free(&p);
    }

    /* a house in the way */
    if (shot_open(&p, wander("a flat green meadow", 0, 0, 0,
                             "    - {at: 0s, hold: w, for: 15s}\n",
                             "directives:\n  - {at: 0s, add: house, near: [0, 0, 14]}\n")) == 0) {
        oy_walker_eye(walker_of(&p), 15.0, pos, ang);
        CHECK(pos[2] > 4.0 && pos[2] < 12.0, "a house 14 m ahead stops it at z = %.2f", pos[2]);
        shot_free(&p);
    }
}

/* The ground of the footsteps of a 4 s walk; -1 when they disagree. */
static int steps_on(const char *prompt, int *count)
{
    shot p;
    oy_audio_hit h[64];
    int n, g = -1;
    if (shot_open(&p, wander(prompt, 0, 0, 0, "    - {at: 0s, hold: w, for: 4s}\n", NULL)) < 0)
        return -2;
    n = oy_walker_hits(walker_of(&p), 0.0, 4.5, h, 64);
    for (int i = 0; i < n; i++)
        g = i == 0 || h[i].ground == g ? h[i].ground : -1;
    *count = n;
    shot_free(&p);
    return g;
}

static void footsteps(void)
{
    static const struct { const char *prompt; int ground; } cases[] = {
        { "a green meadow in summer", OY_GROUND_GRASS },
        { "sand dunes in the desert", OY_GROUND_SAND },
        { "a snowy ridge in winter, deep snow", OY_GROUND_SNOW },
    };
    shot p;
    oy_audio_hit a[64], b[64];
    int na, nb;

    CHECK_GROUP("walker footsteps");
    /* a canyon's wall is rock underfoot (what lands on it, or climbs it) */
    if (shot_open(&p, wander("a deep canyon with sheer rock walls", 0, 0, 0, "", NULL)) == 0) {
        double x = steep_at(&p, 1.5, 1e9);
        oy_state st;
        oy_entity *e = calloc((size_t)oy_model_max_entities(p.m) + 1, sizeof *e);
        if (e) {
            oy_model_eval(p.m, 0.0, &st, e);
            CHECK(x > 0.0 && oy_ground_at(p.w, &st, x + 0.5, 0.0) == OY_GROUND_ROCK,
                  "the canyon wall at x = %.1f is rock", x);
            free(e);
        }
        shot_free(&p);
    }
    for (int i = 0; i < 3; i++) {
        int n = 0, g = steps_on(cases[i].prompt, &n);
        CHECK(g == cases[i].ground, "'%s': steps on %s (got %d)", cases[i].prompt,
              oy_ground_names[cases[i].ground], g);
        /* 4 s at 1.4 m/s, a step about 0.73 m */
        CHECK(n >= 6 && n <= 9, "'%s': %d steps in a 4 s walk", cases[i].prompt, n);
    }
    if (shot_open(&p, wander("a green meadow", 0, 0, 0, "    - {at: 0s, hold: w, for: 6s}\n", NULL)) < 0)
        return;
    na = oy_walker_hits(walker_of(&p), 2.0, 5.0, a, 64);
    nb = oy_walker_hits(walker_of(&p), 2.0, 3.5, b, 64);
    nb += oy_walker_hits(walker_of(&p), 3.5, 5.0, b + nb, 64 - nb);
    CHECK(na == nb && !memcmp(a, b, (size_t)na * sizeof *a),
          "steps asked in pieces are the steps asked at once (%d, %d)", na, nb);
    for (int i = 1; i < na; i++)
        if (a[i].pos[0] * a[i - 1].pos[0] >= 0.0f) {
            CHECK(0, "steps alternate left and right");
            break;
        }
    shot_free(&p);
}

/* Over a river on a bridge: up its ramp, across on planks, down the far side. */
static void bridge(void)
{
    shot p;
    oy_audio_hit h[128];
    double pos[3];
    float ang[3];
    int n, wood = 0, over = 0;

    CHECK_GROUP("walker bridge");
    snprintf(yaml, sizeof yaml,
             "oyster: 1\nmode: wander\nseed: 4\noutput: {size: 64x36, duration: 32s}\n"
             "world:\n  prompt: a river through a green valley\n"
             "  layout: {river: {through: [[-300, 30], [300, 30]], width: 14}}\n"
             "wander:\n  start: {pos: [0, 10], yaw: 0}\n  keys:\n    - {at: 0s, hold: w, for: 32s}\n"
             "directives:\n  - {at: 0s, add: bridge, near: [0, 0, 30]}\n");
    if (shot_open(&p, yaml) < 0) {
        CHECK(0, "the shot opens");
        return;
    }
    oy_walker_eye(walker_of(&p), 32.0, pos, ang);
    CHECK(pos[2] > 50.0, "it crosses the river on the bridge (z %.1f; the river at 30)", pos[2]);
    n = oy_walker_hits(walker_of(&p), 0.0, 32.0, h, 128);
    for (int i = 0; i < n; i++)
        if (h[i].pos[2] > 27.0f && h[i].pos[2] < 33.0f) {
            over++;
            wood += h[i].ground == OY_GROUND_WOOD;
        }
    CHECK(over > 0 && wood == over, "its steps over the water are on planks (%d of %d; %d steps, last at z %.1f)", wood, over, n, n ? h[n - 1].pos[2] : 0.0f);
    shot_free(&p);
}

static void checkpoints(void)
{
    const char *y = wander("rolling hills", 0, 0, 0,
                           "    - {at: 0s, hold: [w, shift], for: 20s}\n"
                           "    - {at: 4s, hold: left, for: 3s}\n", NULL);
    char copy[4096];
    shot p, q;
    oy_walk_state s, r;
    unsigned char bytes[OY_WALK_STATE_BYTES];
    double a[3], b[3];
    float aa[3], ba[3];

    CHECK_GROUP("walker checkpoints");
    snprintf(copy, sizeof copy, "%s", y);
    if (shot_open(&p, copy) < 0 || shot_open(&q, copy) < 0) {
        CHECK(0, "the shots open");
        return;
    }
    oy_walker_checkpoint(walker_of(&p), 12.5, &s);
    CHECK(s.step == 12 * OY_WALK_HZ, "the checkpoint before 12.5 s is at 12 s (step %lld)", (long long)s.step);
    oy_walk_state_encode(&s, bytes);
    oy_walk_state_decode(bytes, &r);
    CHECK(!memcmp(&s, &r, sizeof s) || (r.step == s.step && r.x == s.x && r.z == s.z && r.yaw == s.yaw),
          "a state survives its bytes");
    /* a resumed walker goes on from the file's state */
    r.x += 100.0;
    oy_walker_resume(walker_of(&q), &r);
    oy_walker_eye(walker_of(&p), 13.0, a, aa);
    oy_walker_eye(walker_of(&q), 13.0, b, ba);
    CHECK(fabs(b[0] - a[0] - 100.0) < 1.0, "a resumed walker walks on from the state it was given");
    shot_free(&p);
    shot_free(&q);
}

static void live_keys(void)
{
    shot p;
    oy_wander_key k[2] = { { .at = 0.0, .keys = OY_KEY_W, .hold_for = 3.0 },
                           { .at = 3.0, .keys = OY_KEY_D, .hold_for = 2.0 } };
    double a[3], b[3], c[3];
    float ang[3];

    CHECK_GROUP("walker live keys");
    if (shot_open(&p, wander("a green meadow", 0, 0, 0, "", NULL)) < 0)
        return;
    oy_walker_set_keys(walker_of(&p), k, 1, 0.0);
    oy_walker_eye(walker_of(&p), 2.0, a, ang);
    k[0].hold_for = 5.0;          /* the key is still held at 2 s */
    oy_walker_set_keys(walker_of(&p), k, 2, 2.0);
    oy_walker_eye(walker_of(&p), 2.0, b, ang);
    oy_walker_eye(walker_of(&p), 5.0, c, ang);
    CHECK(!memcmp(a, b, sizeof a), "keys that change after 2 s leave the walk before it alone");
    CHECK(c[2] - b[2] > 3.0 && c[0] - b[0] > 1.5, "and the walk after it follows them (dz %.2f, dx %.2f)",
          c[2] - b[2], c[0] - b[0]);
    shot_free(&p);
}

int main(void)
{
    pace();
    looks_and_bob();
    ahead();
    fast();
    alone();
    jump();
    stopped();
    footsteps();
    bridge();
    checkpoints();
    live_keys();
    return CHECK_DONE();
}
