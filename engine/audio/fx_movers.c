/*
 * fx_movers.c - the one-shots of things moving under their own power: a
 * car's engine starting, a horse's hoofbeats, footsteps. An engine and a
 * horse sound as their loops do (fx_loops.c); hooves and feet land with
 * the ground's own sound, the footsteps of hits.c.
 */
#include <string.h>

#include "fx_impl.h"

/* Hits from hits.c (stereo, pure functions of time) added to a mono
 * buffer, one block at a time. */
#define HIT_BLOCK 256

static void add_hit(float *out, int64_t n, const oy_audio_hit *h, int64_t on)
{
    float lr[2 * HIT_BLOCK];
    int64_t end = on + oy_hit_length(h);
    if (end > n)
        end = n;
    for (int64_t s0 = on; s0 < end; s0 += HIT_BLOCK) {
        int count = (int)(end - s0 < HIT_BLOCK ? end - s0 : HIT_BLOCK);
        memset(lr, 0, sizeof(float) * 2 * (size_t)count);
        oy_hit_render(h, on, 1.0f, 0.0f, s0, count, lr);
        for (int i = 0; i < count; i++)
            out[s0 + i] += lr[2 * i];
    }
}

/* The engine one-shot: the starter cranks, the engine catches and revs
 * up, holds, then settles back to a slightly hunting idle. */
void oy_fx_engine(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    float len = (float)((double)n / FS), crank = fminf(0.45f, 0.12f * len);
    float rev = crank + fminf(0.8f, 0.18f * len), hold = fmaxf(rev, 0.55f * len);
    float idle = hold + fminf(1.0f, 0.2f * len), top = oy_fx_rnd(seed, 0, 1, 80.0f, 95.0f);
    uint64_t cyl = oy_fx_hash(seed, 0, 0, TAG_CYL);
    double fire = 0.0;
    oy_svf hiss;

    oy_fx_svf_init(&hiss, 2500.0f, 0.7f);
    oy_fx_add_knock(out, n, 0, seed, 1, 1800.0f, 0.004f, 0.5f, 0.6f);   /* the solenoid */
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), hz, load, v, nz;
        uint64_t h = oy_fx_noise(seed, i, 1);
        if (t < crank) {
            /* the starter: a geared whine, slowed at every compression */
            float chug = oy_sine(4.5 * t) * oy_sine(4.5 * t);
            float whine = oy_sine(190.0 * t - 0.8 * chug) + 0.4f * oy_sine(380.0 * t) + 0.2f * oy_sine(570.0 * t);
            out[i] += 0.2f * (0.5f + 0.5f * chug) * (whine + 0.4f * oy_noise_lane(h, 0)) *
                      (1.0f - oy_smoothstepf(crank - 0.05f, crank, t));
            continue;
        }
        if (t < rev) {
            float u = oy_smoothstepf(crank, rev, t);
            hz = 25.0f + (top - 25.0f) * u;
            load = 1.0f;
        } else if (t < hold) {
            hz = top * (1.0f - 0.04f * oy_sine(0.7 * t));
            load = 0.6f;
        } else if (t < idle) {
            /* off the throttle: the revs fall, the load drops */
            float u = oy_smoothstepf(hold, idle, t);
            hz = top + (25.0f - top) * u;
            load = 0.6f - 0.35f * u;
        } else {
            hz = 25.0f * (1.0f + 0.03f * oy_sine(0.9 * t));
            load = 0.25f;
        }
        fire += hz / FS;
        nz = oy_fx_lowpass(&hiss, oy_noise_lane(h, 1));
        v = (0.55f + 0.45f * load) * oy_fx_engine_voice(cyl, fire, hz, load, 2.0f * nz);
        out[i] += 0.5f * oy_smoothstepf(crank, crank + 0.06f, t) * (1.0f - oy_smoothstepf(len - 0.25f, len, t)) * v;
    }
}

/* Hoofbeats: a gallop, each contact a hoof landing and the ground's own
 * sound from hits.c. */
void oy_fx_hoofbeats(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    int ground = oy_fx_ground(p);
    oy_fx_gait g = oy_fx_gait_of(oy_fx_rnd(seed, 0, 1, 13.0f, 15.0f));
    /* the first hoof lands on sample 0 */
    double lead = oy_fx_hoof_beat(&g, oy_fx_hash(seed, 0, 0, TAG_STRIDE), 0).at;

    for (int64_t k = 0;; k++) {
        uint64_t h = oy_fx_hash(seed, (uint64_t)k, 0, TAG_STRIDE);
        for (int j = 0; j < g.beats; j++) {
            oy_fx_hoof f = oy_fx_hoof_beat(&g, h, j);
            double at = (double)k / g.rate + f.at - lead;
            int64_t on = (int64_t)(at * FS + 0.5), end = on + (int64_t)(HOOF_LEN * FS);
            oy_audio_hit hit = { at, OY_HIT_LAND, ground, { 0, 0, 0 }, 0.8f * f.amp,
                                 oy_fx_hash(seed, (uint64_t)k, (uint64_t)j, TAG_HIT) };
            if (on >= n || (k + j > 0 && end > n))
                return;
            for (int64_t s = on; s < end && s < n; s++)
                out[s] += f.amp * oy_fx_hoof_at(h + (uint64_t)j, (double)(s - on) / FS, f.clip,
                                                oy_ground_sounds[ground].hard);
            add_hit(out, n, &hit, on);
        }
    }
}

/* Footsteps: a walk at ~1.8 steps a second on the ground, steps from
 * hits.c, each a little early or late, left and right feet unequal. */
void oy_fx_footsteps(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    double pace = oy_fx_rnd(seed, 0, 1, 1.7f, 1.9f);
    for (int64_t k = 0;; k++) {
        double at = (double)k / pace + (k ? oy_fx_rnd(seed, (uint64_t)k, 2, -0.02f, 0.02f) : 0.0f);
        float gain = (k & 1 ? 0.85f : 1.0f) * oy_fx_rnd(seed, (uint64_t)k, 3, 0.8f, 1.0f);
        oy_audio_hit hit = { at, OY_HIT_FOOTSTEP, oy_fx_ground(p), { 0, 0, 0 }, gain,
                             oy_fx_hash(seed, (uint64_t)k, 0, TAG_HIT) };
        int64_t on = (int64_t)(at * FS + 0.5);
        if (on >= n || (k > 0 && on + oy_hit_length(&hit) > n))
            return;
        add_hit(out, n, &hit, on);
    }
}
