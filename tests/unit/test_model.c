/*
 * test_model.c - the latent model: initial state from the world
 * description, transitions (timing, easing, time moving forward), pure
 * evaluation in any order, entities, events, lightning, and the cost of
 * evaluating one frame of a long script.
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

static float at(const oy_model *m, double t, int ch)
{
    static oy_entity ents[64];
    oy_state st;
    oy_model_eval(m, t, &st, ents);
    return st.ch[ch];
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
        oy_model_eval(m, 5.5, &st, e);
        CHECK(st.nentities == 1 && e[0].pos[0] == 20.0f, "arrived");
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
    oy_bank_free(&bank);
    return CHECK_DONE();
}
