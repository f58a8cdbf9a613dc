/*
 * test_cues.c - events on cue: the event directives read with their
 * errors; what they do to the picture starts on their frame and never
 * before (lightning, flash, jolt, fade) at several frame rates; every
 * sound starts on its frame's first sample (the difference against the
 * shot without it, and an energy onset detector within 5 ms), thunder
 * distance / 343 m/s later; a stinger lands on its frame; a change on:
 * now starts a bar there; a stop silences the music; the stems sum to the
 * mix; a range that starts on an event's sample equals the whole render.
 */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "audio_shot.h"

static const char *world = "  prompt: a meadow at noon\n  time: \"12:00\"\n"
                           "  weather: {cloud: 0.2, wind: 0.1}";

static char *shot_yaml(const char *fps, const char *duration, const char *directives)
{
    static char buf[4096];
    snprintf(buf, sizeof buf,
             "oyster: 1\nseed: 5\noutput: {size: 320x180, fps: %s, duration: %s}\n"
             "world:\n%s\n"
             "camera:\n  path:\n    - {at: 0s, pos: [0, 2, 0], yaw: 0}\n"
             "directives:\n%s\n", fps, duration, world, directives);
    return buf;
}

/* ---- the script ---- */

static int loads(const char *directives)
{
    oy_script *s = NULL;
    oy_log log = { 0 };
    const char *y = shot_yaml("24", "10s", directives);
    int ok = oy_script_load_mem(&s, "t.yaml", y, strlen(y), NULL, &log) == 0;
    oy_script_free(&s);
    return ok;
}

static void test_script(void)
{
    static const char *good[] = {
        "  - {at: 1s, strike: lightning}",
        "  - {at: 1s, strike: lightning, distance: 800}",
        "  - {at: 1s, strike: lightning, near: [100, 900]}",
        "  - {at: 1s, sound: door}",
        "  - {at: 1s, sound: bell, near: [10, 5, 20], gain: -6}",
        "  - {at: 1s, sound: footsteps, surface: gravel, over: 3s}",
        "  - {at: 1s, flash: true}",
        "  - {at: 1s, flash: 0.5, over: 0.2s}",
        "  - {at: 1s, shake: 0.8, over: 0.5s}",
        "  - {at: 1s, fade: black, over: 1s}",
        "  - {at: 1s, fade: in}",
        "  - {at: 1s, mix: {music: -6, ambience: 0, effects: 3}, over: 2s}",
        "  - {at: 1s, music: {hit: true}}",
        "  - {at: 1s, music: hit}",
        "  - {at: 1s, music: stop}",
        "  - {at: 1s, music: {mood: tense, on: now}}",
        "  - {at: 1s, music: {mood: calm, from: 0}}",
        "  - {at: 1s, music: {tempo: 120, on: beat}}",
        "  - {at: 1s, beat: The storm, music: hit}",
        "  - {at: 1s, beat: The storm, music: now}",
    };
    static const char *bad[] = {
        "  - {at: 1s, strike: meteor}",
        "  - {at: 1s, strike: lightning, distance: 800, near: [1, 2]}",
        "  - {at: 1s, strike: lightning, distance: -5}",
        "  - {at: 1s, strike: lightning, near: [1]}",
        "  - {at: 1s, sound: bell, near: [1, 2], follow: car1}",
        "  - {at: 1s, sound: steps, surface: lava}",
        "  - {at: 1s, sound: bell, gain: 90}",
        "  - {at: 1s, flash: 2}",
        "  - {at: 1s, flash: bright}",
        "  - {at: 1s, shake: true}",
        "  - {at: 1s, fade: grey}",
        "  - {at: 1s, mix: {}}",
        "  - {at: 1s, mix: {voices: -3}}",
        "  - {at: 1s, mix: -6}",
        "  - {at: 1s, music: {from: 4}}",
        "  - {at: 1s, music: {on: later}}",
        "  - {at: 1s, beat: x, music: loud}",
        "  - {at: 1s, say: rain, music: hit}",
        "  - {at: 1s, sound: bell, distance: 40}",
        "  - {at: 1s, add: tent, gain: 3}",
    };
    CHECK_GROUP("script");
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        CHECK(loads(good[i]), "reads %s", good[i] + 4);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(!loads(bad[i]), "refuses %s", bad[i] + 4);
}

/* ---- the picture: on the frame, never before ---- */

typedef float (*state_measure)(const oy_state *st);
static float m_flash(const oy_state *st) { return st->flash + (float)st->nstrikes; }
static float m_white(const oy_state *st) { return st->white; }
static float m_jolt(const oy_state *st) { return st->jolt; }
static float m_fade(const oy_state *st) { return st->fade_black + st->fade_white; }

/* The measure is 0 on the frame before the cue's and above 0 on its own. */
static int on_its_frame(const char *fps, const char *at, const char *directive, state_measure f,
                        int64_t *frame)
{
    char dir[256];
    shot p;
    oy_entity *ents;
    oy_state a, b;
    int ok;

    snprintf(dir, sizeof dir, "  - {at: %s, %s}", at, directive);
    if (shot_open(&p, shot_yaml(fps, "6s", dir)) < 0)
        return 0;
    ents = calloc((size_t)oy_model_max_entities(p.m), sizeof *ents);
    *frame = p.s->directives[0].frame;
    oy_rational r = p.s->output.fps;
    oy_model_eval(p.m, (double)(*frame - 1) * r.den / r.num, &a, ents);
    oy_model_eval(p.m, (double)*frame * r.den / r.num, &b, ents);
    ok = f(&a) == 0.0f && f(&b) > 0.0f;
    free(ents);
    shot_free(&p);
    return ok;
}

static void test_picture(void)
{
    static const char *fps[] = { "24", "25", "30000/1001", "60" };
    static const char *at[] = { "2s", "2.01s", "1.999s", "49f" };
    static const struct { const char *d; state_measure f; } cue[] = {
        { "strike: lightning, near: [100, 900]", m_flash },
        { "flash: 0.8", m_white },
        { "shake: 0.8, over: 0.5s", m_jolt },
        { "fade: black, over: 1s", m_fade },
        { "fade: white, over: 0s", m_fade },
    };
    CHECK_GROUP("picture on its frame");
    for (size_t c = 0; c < sizeof cue / sizeof *cue; c++) {
        int good = 0, tried = 0;
        int64_t frame = 0;
        for (size_t r = 0; r < sizeof fps / sizeof *fps; r++)
            for (size_t t = 0; t < sizeof at / sizeof *at; t++) {
                tried++;
                good += on_its_frame(fps[r], at[t], cue[c].d, cue[c].f, &frame);
            }
        CHECK(good == tried, "%s: first on its frame, not before (%d of %d rates and times)",
              cue[c].d, good, tried);
    }
    {
        /* a fade to black ends black and stays; fade: in brings it back */
        shot p;
        oy_entity *ents;
        oy_state st;
        CHECK(shot_open(&p, shot_yaml("24", "6s", "  - {at: 1s, fade: black, over: 1s}\n"
                                                 "  - {at: 4s, fade: in, over: 0.5s}")) == 0,
              "fade shot opens");
        ents = calloc((size_t)oy_model_max_entities(p.m), sizeof *ents);
        oy_model_eval(p.m, 1.5, &st, ents);
        CHECK(st.fade_black > 0.4f && st.fade_black < 0.65f, "half way through the fade (%.2f)", st.fade_black);
        oy_model_eval(p.m, 3.0, &st, ents);
        CHECK(st.fade_black == 1.0f, "black after it (%.2f)", st.fade_black);
        oy_model_eval(p.m, 5.0, &st, ents);
        CHECK(st.fade_black == 0.0f, "back after fade: in (%.2f)", st.fade_black);
        free(ents);
        shot_free(&p);
    }
}

/* ---- sound ---- */

/* The effects (or music) stem of a shot, n samples from 0. */
static float *stem_of(const char *yaml, int bus, int64_t *n)
{
    shot p;
    float *x, *st[OY_BUS_COUNT] = { NULL, NULL, NULL };
    if (shot_open(&p, yaml) < 0)
        return NULL;
    *n = p.samples;
    x = calloc((size_t)*n * 2, sizeof *x);
    st[bus] = x;
    if (oy_audio_render(p.a, 0, (int)*n, NULL, st) < 0) {
        free(x);
        x = NULL;
    }
    shot_free(&p);
    return x;
}

/* First sample where b differs from a, or -1; b may be a times a master
 * gain (a cue changes the shot's loudness, so its master gain), taken from
 * the loudest of their first samples. */
static int64_t first_difference(const float *a, const float *b, int64_t n)
{
    double r = 1.0, peak = 0.0;
    for (int64_t i = 0; i < 2 * n && i < 2 * FS / 2; i++)
        if (fabsf(a[i]) > peak) {
            peak = fabsf(a[i]);
            r = b[i] / a[i];
        }
    for (int64_t i = 0; i < n; i++)
        if (fabs(b[2 * i] - r * a[2 * i]) > 1e-5 * (peak * r + 1e-3) ||
            fabs(b[2 * i + 1] - r * a[2 * i + 1]) > 1e-5 * (peak * r + 1e-3))
            return i;
    return -1;
}

static double frame_energy(const float *x, int64_t f)
{
    double e = 0.0;
    for (int64_t s = f; s < f + 48; s++)
        e += (double)x[2 * s] * x[2 * s] + (double)x[2 * s + 1] * x[2 * s + 1];
    return e;
}

/* Energy onset near `from`: the first 1 ms frame, from 10 ms before it,
 * 20 dB over the 50 ms before that and no more than 40 dB under the
 * loudest frame of the second after it; -1 when there is none. */
static int64_t onset(const float *x, int64_t n, int64_t from)
{
    double bg = 0.0, top = 0.0;
    int64_t a = from - 480 - FS / 20 < 0 ? 0 : from - 480 - FS / 20;
    for (int64_t f = a; f + 48 <= from - 480; f += 48)
        bg = fmax(bg, frame_energy(x, f));
    for (int64_t f = from; f + 48 <= n && f < from + FS; f += 48)
        top = fmax(top, frame_energy(x, f));
    for (int64_t f = from - 480; f + 48 <= n && f < from + FS; f += 48) {
        double e = frame_energy(x, f);
        if (e > 100.0 * bg && e > 1e-4 * top && e > 0.0)
            return f;
    }
    return -1;
}

static void test_sounds(void)
{
    int64_t n, n0;
    float *quiet = stem_of(shot_yaml("24", "6s", "  - {at: 0s, say: calm}"), OY_BUS_EFFECTS, &n0);
    int good = 0, near = 0;

    CHECK_GROUP("sounds on their frame");
    CHECK(quiet != NULL, "a shot with no sounds renders");
    for (int k = 0; k < OY_SFX_COUNT && quiet; k++) {
        char d[160];
        float *x;
        int64_t on = (int64_t)(2.5 * FS), first, det;
        snprintf(d, sizeof d, "  - {at: 2.5s, sound: %s, near: [8, 12]}", oy_sfx_table[k].name);
        if (!(x = stem_of(shot_yaml("24", "6s", d), OY_BUS_EFFECTS, &n)))
            continue;
        first = first_difference(quiet, x, n < n0 ? n : n0);
        det = onset(x, n, on);
        good += first >= on && first < on + 48;
        near += det >= 0 && llabs(det - on) <= 240;
        if (first < on || first >= on + 48 || det < 0 || llabs(det - on) > 240)
            fprintf(stderr, "  %s: first sample %lld, onset %lld (asked %lld)\n", oy_sfx_table[k].name,
                    (long long)first, (long long)det, (long long)on);
        free(x);
    }
    CHECK(good == OY_SFX_COUNT, "every sound starts within 1 ms of its frame's first sample, "
          "nothing before (%d of %d)", good, OY_SFX_COUNT);
    CHECK(near == OY_SFX_COUNT, "an onset detector finds each within 5 ms (%d of %d)", near, OY_SFX_COUNT);
    free(quiet);
}

static void test_thunder_cue(void)
{
    int64_t n;
    /* 686 m straight ahead of a camera 2 m up: thunder 2 s after the flash */
    float *x = stem_of(shot_yaml("24", "6s", "  - {at: 1s, strike: lightning, near: [0, 686]}"),
                       OY_BUS_EFFECTS, &n);
    int64_t det;

    CHECK_GROUP("thunder on cue");
    if (!x) {
        CHECK(0, "shot renders");
        return;
    }
    det = onset(x, n, (int64_t)(2.9 * FS));
    CHECK(det >= 0 && fabs((double)det / FS - (1.0 + 686.0 / 343.0)) <= 0.005,
          "thunder of a strike 686 m off starts 2 s after the flash (%.4f s)", (double)det / FS);
    CHECK(first_difference(x, (float[2 * 48]){ 0 }, 48) < 0, "nothing before it");
    free(x);
}

static void test_stinger(void)
{
    int64_t n, n0, first;
    float *a = stem_of(shot_yaml("25", "8s", "  - {at: 0s, say: calm}"), OY_BUS_MUSIC, &n0);
    float *b = stem_of(shot_yaml("25", "8s", "  - {at: 0s, say: calm}\n  - {at: 3.3s, music: hit}"),
                       OY_BUS_MUSIC, &n);
    int64_t on = oy_frame_first_sample(oy_time_to_frame(3.3, (oy_rational){ 25, 1 }), (oy_rational){ 25, 1 });

    CHECK_GROUP("stinger");
    if (!a || !b) {
        CHECK(0, "shots render");
        free(a);
        free(b);
        return;
    }
    first = first_difference(a, b, n < n0 ? n : n0);
    CHECK(first >= on && first < on + 48, "the stinger starts within 1 ms of its frame's first sample, "
          "nothing before (%lld, frame at %lld)",
          (long long)first, (long long)on);
    {
        /* the stinger alone: what the hit added to the music */
        double r = 0.0, peak = 0.0;
        int64_t m = n < n0 ? n : n0, det;
        for (int64_t i = 0; i < 2 * FS; i++)
            if (fabsf(a[i]) > peak) {
                peak = fabsf(a[i]);
                r = b[i] / a[i];
            }
        for (int64_t i = 0; i < 2 * m; i++)
            b[i] -= (float)(r * a[i]);
        det = onset(b, m, on);
        CHECK(det >= 0 && llabs(det - on) <= 240, "an onset detector finds it within 5 ms (%.1f ms)",
              (double)(det - on) / FS * 1000.0);
    }
    free(a);
    free(b);
}

static void test_music_cues(void)
{
    shot p;
    oy_composer *c = NULL;
    double start, len;
    int sec;
    int64_t n;
    float *x;

    CHECK_GROUP("music on cue");
    CHECK(shot_open(&p, shot_yaml("24", "12s", "  - {at: 2.3s, music: {mood: tense, on: now}}\n"
                                               "  - {at: 6.1s, beat: Turn, music: now}")) == 0,
          "shot opens");
    CHECK(oy_composer_new(&c, p.m, 12.0) == 0, "composer");
    /* 2.3 s and 6.1 s take effect on frames 56 and 147 */
    oy_composer_bar(c, 56 / 24.0, &start, &len, &sec);
    CHECK(fabs(start - 56 / 24.0) < 1e-9, "on: now starts a bar on the cue's frame (%.4f)", start);
    oy_composer_bar(c, 147 / 24.0, &start, &len, &sec);
    CHECK(fabs(start - 147 / 24.0) < 1e-9 && sec == 1,
          "a beat with music: now starts its section on its frame (%.4f, %d)", start, sec);
    oy_composer_free(&c);
    shot_free(&p);

    x = stem_of(shot_yaml("24", "10s", "  - {at: 3s, music: stop, over: 1s}\n"
                                       "  - {at: 7s, music: {mood: calm}}"), OY_BUS_MUSIC, &n);
    if (x) {
        double before = 0.0, stopped = 0.0, after = 0.0;
        for (int64_t s = 1 * FS; s < 2 * FS; s++)
            before += fabs(x[2 * s]);
        for (int64_t s = (int64_t)(5.9 * FS); s < (int64_t)(6.9 * FS); s++)
            stopped += fabs(x[2 * s]);
        for (int64_t s = 7 * FS; s < 8 * FS; s++)
            after += fabs(x[2 * s]);
        /* what is left is the reverb dying away */
        CHECK(before > 0.0 && stopped < 1e-3 * before,
              "music: stop fades out and leaves silence (%.1f dB)", 20.0 * log10(stopped / before + 1e-12));
        CHECK(after > 0.0, "the next change starts it again");
        free(x);
    }
}

/* RMS frequency of a window: sqrt of the energy of the first difference
 * over the energy, which a Doppler shift scales like every frequency. */
static double rms_freq(const float *x, double t0, double t1)
{
    double e = 0.0, d = 0.0;
    for (int64_t s = (int64_t)(t0 * FS) + 1; s < (int64_t)(t1 * FS); s++) {
        double m = x[2 * s] + x[2 * s + 1], m1 = x[2 * s - 2] + x[2 * s - 1];
        e += m * m;
        d += (m - m1) * (m - m1);
    }
    return sqrt(d / (e + 1e-30)) * FS / (2.0 * OY_PI);
}

static void test_doppler(void)
{
    /* a car at 30 m/s passes 6 m in front of the camera at 6.77 s */
    int64_t n;
    float *x = stem_of(shot_yaml("24", "10s", "  - {at: 0s, add: car, id: car, near: [-200, 0, 6]}\n"
                                              "  - {at: 0.1s, move: car, to: [200, 0, 6], speed: 30}"),
                       OY_BUS_EFFECTS, &n);
    double pass = 0.1 + 200.0 / 30.0, come, go, l, r;

    CHECK_GROUP("doppler");
    if (!x) {
        CHECK(0, "shot renders");
        return;
    }
    come = rms_freq(x, pass - 1.1, pass - 0.5);
    go = rms_freq(x, pass + 0.5, pass + 1.1);
    /* at +-0.8 s the car is 24 m off along the road: v_r about 29 m/s */
    CHECK(come / go > 1.12 && come / go < 1.26,
          "its engine is higher coming than going, by (343 + v) / (343 - v) (%.3f)", come / go);
    l = r = 0.0;
    for (int64_t s = (int64_t)((pass - 1.0) * FS); s < (int64_t)((pass - 0.5) * FS); s++) {
        l += fabsf(x[2 * s]);
        r += fabsf(x[2 * s + 1]);
    }
    CHECK(l > 1.5 * r, "it comes from the left (L/R %.2f)", l / (r + 1e-30));
    free(x);
}

static void test_mix_and_ranges(void)
{
    const char *d = "  - {at: 1s, sound: bell, near: [5, 10]}\n"
                    "  - {at: 2s, mix: {effects: -60, music: -6}, over: 0s}\n"
                    "  - {at: 3s, music: hit}\n"
                    "  - {at: 4s, strike: lightning, near: [0, 343]}";
    shot p;
    int64_t n, cut = (int64_t)(3 * FS), same = 1, sums = 0, quiet = 1;
    float *mix, *part, *st[OY_BUS_COUNT];

    CHECK_GROUP("mix, stems and ranges");
    if (shot_open(&p, shot_yaml("24", "8s", d)) < 0) {
        CHECK(0, "shot opens");
        return;
    }
    n = p.samples;
    mix = calloc((size_t)n * 2, sizeof *mix);
    part = calloc((size_t)n * 2, sizeof *part);
    for (int b = 0; b < OY_BUS_COUNT; b++)
        st[b] = calloc((size_t)n * 2, sizeof(float));
    oy_audio_render(p.a, 0, (int)n, mix, st);
    for (int64_t i = 0; i < 2 * n; i++) {
        float sum = st[0][i] + st[1][i] + st[2][i];
        sums += fabsf(mix[i] - sum) < 1e-4f || fabsf(mix[i]) < fabsf(sum);
    }
    CHECK(sums == 2 * n, "the stems sum to the mix, which the limiter only lowers");
    for (int64_t i = (int64_t)(2.05 * FS); i < (int64_t)(3.9 * FS); i++)
        quiet &= fabsf(st[OY_BUS_EFFECTS][2 * i]) < 2e-3f;
    CHECK(quiet, "mix: effects -60 silences the bell");
    shot_free(&p);
    /* a render that starts on the stinger's sample equals the whole one */
    if (shot_open(&p, shot_yaml("24", "8s", d)) == 0) {
        oy_audio_render(p.a, cut, (int)(n - cut), part + 2 * cut, NULL);
        for (int64_t i = 2 * cut; i < 2 * n; i++)
            same &= part[i] == mix[i];
        CHECK(same, "a range starting on an event's sample equals the whole render");
        shot_free(&p);
    }
    free(mix);
    free(part);
    for (int b = 0; b < OY_BUS_COUNT; b++)
        free(st[b]);
}

int main(void)
{
    test_script();
    test_picture();
    test_sounds();
    test_thunder_cue();
    test_stinger();
    test_doppler();
    test_music_cues();
    test_mix_and_ranges();
    return CHECK_DONE();
}
