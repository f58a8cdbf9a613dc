/*
 * effects.c - the sound effects a `sound:` directive names (thunder, an
 * explosion, a gunshot, a door, a bell, ...), rendered whole as mono
 * one-shots, and the loops of things that move (a car's engine, a boat's
 * motor, a wagon's wheels, hooves), which are pure functions of time.
 *
 * This file is their face: the table of kinds and names, name lookup,
 * lengths, and the dispatch to the renderers, grouped by family in
 * fx_impacts.c (blows: thunder, explosion, gunshot, door, impact,
 * splash), fx_voices.c (voices, a bell, a horn, air), fx_movers.c
 * (engine, hoofbeats, footsteps) and fx_loops.c, all built from the kit
 * in fx_kit.c (fx_impl.h).
 *
 * One-shots are built the way a foley designer layers them: hashed noise
 * through state-variable filters, gliding sines, ringing partials and
 * short "knocks", each with its own envelope. They run from sample 0, so
 * filters may keep state. Here the finished sound is dulled by distance
 * (air absorbs the highs) and scaled to a 0.5 peak, so every kind reaches
 * the mixer at the same level; the mixer attenuates by distance.
 *
 * All randomness is oy_hash(seed, OY_STREAM_EFFECTS, ...), all math that
 * reaches samples is core's, so every sample is the same on every machine.
 */
#include <string.h>

#include "fx_impl.h"

#define MAX_SECONDS 30.0f
#define PEAK 0.5f               /* one-shots are scaled to this peak */

/* ---- the table ---- */

const oy_sfx_info oy_sfx_table[OY_SFX_COUNT] = {
    [OY_SFX_THUNDER] = { "thunder", "",
        "thunder: a crack when near, then a rolling rumble that dulls and lengthens with distance", 3.5f, 0 },
    [OY_SFX_EXPLOSION] = { "explosion", "blast boom",
        "an explosion: a blast, a deep thump and a tail of falling debris, ~3 s", 3.0f, 0 },
    [OY_SFX_GUNSHOT] = { "gunshot", "gun shot",
        "a gunshot: a sharp crack and a short echoing tail", 0.5f, 0 },
    [OY_SFX_DOOR] = { "door", "",
        "a door: the latch clicks, the hinge creaks, it shuts with a wooden thud, ~1.6 s", 1.6f, 0 },
    [OY_SFX_BELL] = { "bell", "church-bell",
        "a church bell struck once, ringing ~5 s", 6.0f, 0 },
    [OY_SFX_HORN] = { "horn", "car-horn",
        "a car horn: two buzzing tones at once, ~0.8 s", 0.8f, 0 },
    [OY_SFX_WHOOSH] = { "whoosh", "pass-by swoosh",
        "a whoosh of something rushing past, ~1.2 s", 1.2f, 0 },
    [OY_SFX_IMPACT] = { "impact", "hit crash thud",
        "a heavy body hitting the ground: a thump and a crunch, ~0.8 s", 0.8f, 0 },
    [OY_SFX_ENGINE] = { "engine", "",
        "a car engine starting, revving, then settling to idle", 5.0f, 1 },
    [OY_SFX_HOOFBEATS] = { "hoofbeats", "hooves gallop",
        "a horse galloping on the ground", 4.0f, 1 },
    [OY_SFX_CROWD] = { "crowd", "crowd-murmur murmur chatter",
        "a crowd murmuring: many voices talking at once", 6.0f, 1 },
    [OY_SFX_GUST] = { "gust", "wind-gust",
        "a gust of wind swelling, whistling and dying away", 3.0f, 1 },
    [OY_SFX_SPLASH] = { "splash", "",
        "something falling into water: a plop, spray and bubbles, ~1.2 s", 1.3f, 0 },
    [OY_SFX_FOOTSTEPS] = { "footsteps", "steps footstep",
        "footsteps walking on the ground", 4.0f, 1 },
    [OY_SFX_SHOUT] = { "shout", "yell cry",
        "a voice shouting \"hey!\", ~0.7 s", 0.7f, 0 },
};

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int separator(char c)
{
    return c == '-' || c == '_' || c == ' ';
}

/* Names compare case-insensitively and ignoring '-', '_' and spaces, so
 * "Pass-by", "passby" and "pass by" are one name; a is [a, ae). */
static int same_name(const char *a, const char *ae, const char *b)
{
    int chars = 0;
    for (;; a++, b++, chars++) {
        while (a < ae && separator(*a))
            a++;
        while (separator(*b))
            b++;
        if (a == ae || !*b)
            return a == ae && !*b && chars > 0;
        if (lower(*a) != lower(*b))
            return 0;
    }
}

int oy_sfx_find(const char *name)
{
    if (!name)
        return -1;
    for (int k = 0; k < OY_SFX_COUNT; k++) {
        const char *w = oy_sfx_table[k].aliases;
        if (same_name(oy_sfx_table[k].name, oy_sfx_table[k].name + strlen(oy_sfx_table[k].name), name))
            return k;
        while (*w) {
            const char *e = strchr(w, ' ');
            if (!e)
                e = w + strlen(w);
            if (same_name(w, e, name))
                return k;
            w = *e ? e + 1 : e;
        }
    }
    return -1;
}

/* ---- rendering ---- */

static oy_fx_one_shot *const renderers[OY_SFX_COUNT] = {
    [OY_SFX_THUNDER] = oy_fx_thunder, [OY_SFX_EXPLOSION] = oy_fx_explosion,
    [OY_SFX_GUNSHOT] = oy_fx_gunshot, [OY_SFX_DOOR] = oy_fx_door,
    [OY_SFX_BELL] = oy_fx_bell, [OY_SFX_HORN] = oy_fx_horn,
    [OY_SFX_WHOOSH] = oy_fx_whoosh, [OY_SFX_IMPACT] = oy_fx_impact,
    [OY_SFX_ENGINE] = oy_fx_engine, [OY_SFX_HOOFBEATS] = oy_fx_hoofbeats,
    [OY_SFX_CROWD] = oy_fx_crowd, [OY_SFX_GUST] = oy_fx_gust,
    [OY_SFX_SPLASH] = oy_fx_splash, [OY_SFX_FOOTSTEPS] = oy_fx_footsteps,
    [OY_SFX_SHOUT] = oy_fx_shout,
};

static const oy_sfx_params no_params;

int64_t oy_sfx_length(int kind, const oy_sfx_params *p)
{
    float len;
    if (kind < 0 || kind >= OY_SFX_COUNT)
        return 0;
    if (!p)
        p = &no_params;
    len = oy_sfx_table[kind].length;
    if (kind == OY_SFX_THUNDER)
        /* far thunder rolls longer: its sound comes from a longer stretch
         * of the channel, spread over more arrival times */
        len = 3.5f + 3.5f * oy_clampf((fmaxf(p->distance, 0.0f) - 300.0f) / 5700.0f, 0.0f, 1.0f);
    else if (oy_sfx_table[kind].lasting && p->length > 0.0f)
        len = oy_clampf(p->length, 0.1f, MAX_SECONDS);
    return (int64_t)(len * (float)FS + 0.5f);
}

/* Air absorbs the highs of far sounds: a low-pass whose corner falls from
 * about 14 kHz at 100 m to 4 kHz at 1 km and 500 Hz at 10 km. */
static void dull(float *out, int64_t n, float distance)
{
    oy_svf f;
    if (!(distance > 20.0f))
        return;
    oy_fx_svf_init(&f, 20000.0f / (1.0f + distance / 250.0f), 0.7071f);
    for (int64_t i = 0; i < n; i++)
        out[i] = oy_fx_lowpass(&f, out[i]);
}

/* End every one-shot at zero, then scale it to the common peak. */
static void finish(float *out, int64_t n)
{
    int64_t tail = n < 480 ? n : 480;
    float peak = 0.0f;
    for (int64_t i = 0; i < tail; i++)
        out[n - 1 - i] *= oy_smoothstepf(0.0f, (float)tail, (float)i);
    for (int64_t i = 0; i < n; i++)
        peak = fmaxf(peak, fabsf(out[i]));
    if (!(peak > 1e-12f))
        return;
    for (int64_t i = 0; i < n; i++)
        out[i] *= PEAK / peak;
}

void oy_sfx_render(int kind, const oy_sfx_params *p, float *out)
{
    int64_t n = oy_sfx_length(kind, p);
    if (n <= 0)
        return;
    if (!p)
        p = &no_params;
    oy_synth_init();
    memset(out, 0, sizeof(float) * (size_t)n);
    renderers[kind](p, oy_fx_hash(p->seed, (uint64_t)kind, 0, TAG_KIND), n, out);
    if (kind != OY_SFX_THUNDER)   /* thunder's rumble is shaped by distance itself */
        dull(out, n, p->distance);
    finish(out, n);
}

/* ---- loops ---- */

static oy_fx_loop *const loops[OY_LOOP_COUNT] = {
    [OY_LOOP_ENGINE] = oy_fx_loop_engine, [OY_LOOP_MOTOR] = oy_fx_loop_motor,
    [OY_LOOP_WHEELS] = oy_fx_loop_wheels, [OY_LOOP_HOOVES] = oy_fx_loop_hooves,
};

float oy_sfx_loop(int kind, uint64_t seed, double t, float speed)
{
    /* at rest (under 1 mm/s: slower would divide by denormals), or at
     * times whose sample index would not fit an int64 */
    if (kind < 0 || kind >= OY_LOOP_COUNT || !(speed >= 1e-3f) || !isfinite(speed) || !(fabs(t) < 1e9))
        return 0.0f;
    oy_synth_init();
    return loops[kind](seed, t, speed);
}
