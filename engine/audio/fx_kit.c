/*
 * fx_kit.c - the pieces every sound effect is built from: hashed values
 * and noise on the effects' stream, envelopes, state-variable filters,
 * gliding tones, knocks, ringing pulses and creaks (what each does is in
 * fx_impl.h). A one-shot layers them the way a foley designer layers
 * sounds; the loops use those that are pure functions of time.
 *
 * All randomness is oy_hash(seed, OY_STREAM_EFFECTS, ...), all math that
 * reaches samples is core's, so every sample is the same on every machine.
 */
#include <string.h>

#include "fx_impl.h"

uint64_t oy_fx_hash(uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
    return oy_hash(seed, OY_STREAM_EFFECTS, a, b, c);
}

float oy_fx_rnd(uint64_t seed, uint64_t i, uint64_t what, float lo, float hi)
{
    return lo + (hi - lo) * oy_u01(oy_fx_hash(seed, i, what, TAG_RND));
}

uint64_t oy_fx_noise(uint64_t seed, int64_t i, uint64_t layer)
{
    return oy_fx_hash(seed, (uint64_t)i, layer, TAG_NOISE);
}

float oy_fx_hit_env(float t, float a, float d)
{
    return t < 0.0f ? 0.0f : oy_smoothstepf(0.0f, a, t) * oy_expf(-t / d);
}

float oy_fx_swell_from(float t, float from, float s)
{
    return oy_smoothstepf(0.0f, 0.003f, t) * (from + (1.0f - from) * s);
}

float oy_fx_frac(double x)
{
    return (float)(x - floor(x));
}

void oy_fx_svf_init(oy_svf *f, float hz, float q)
{
    memset(f, 0, sizeof(*f));
    oy_svf_set(f, hz, q);
}

float oy_fx_lowpass(oy_svf *f, float x)
{
    float lp, bp, hp;
    oy_svf_step(f, x, &lp, &bp, &hp);
    return lp;
}

float oy_fx_bandpass(oy_svf *f, float x)
{
    float lp, bp, hp;
    oy_svf_step(f, x, &lp, &bp, &hp);
    return f->k * bp;
}

float oy_fx_highpass(oy_svf *f, float x)
{
    float lp, bp, hp;
    oy_svf_step(f, x, &lp, &bp, &hp);
    return hp;
}

float oy_fx_lp_gain(float hz)
{
    return sqrtf(2500.0f / hz);
}

float oy_fx_fast_decay(float x)
{
    float q = 1.0f / (1.0f + 0.25f * x);
    q *= q;
    return q * q;
}

double oy_fx_sweep_phase(double tau, float f0, float f1, float tg)
{
    if (tau < tg)
        return tau * (f0 + 0.5 * (f1 - f0) * tau / tg);
    return 0.5 * (f0 + f1) * tg + f1 * (tau - tg);
}

void oy_fx_add_sweep(float *out, int64_t n, int64_t on, float f0, float f1, float tg,
                     float dec, float amp)
{
    int64_t end = on + (int64_t)(8.0f * dec * (float)FS);
    for (int64_t s = on > 0 ? on : 0; s < end && s < n; s++) {
        double tau = (double)(s - on) / FS;
        out[s] += amp * oy_expf(-(float)tau / dec) * oy_sine(oy_fx_sweep_phase(tau, f0, f1, tg));
    }
}

float oy_fx_knock_at(uint64_t key, double tau, float f, float dec, float tone)
{
    float e = oy_fx_fast_decay((float)tau / dec);
    float nz = oy_noise_lane(oy_fx_hash(key, (uint64_t)(int64_t)(tau * FS), 0, TAG_KNOCK), 0);
    return e * (tone * oy_sine(f * tau) + (1.0f - tone) * 1.4f * e * e * nz);
}

void oy_fx_add_knock(float *out, int64_t n, int64_t on, uint64_t seed, uint64_t id,
                     float f, float dec, float tone, float amp)
{
    int64_t len = (int64_t)(12.0f * dec * (float)FS);
    uint64_t key = oy_fx_hash(seed, id, 0, TAG_KNOCK);
    for (int64_t s = on > 0 ? on : 0; s < on + len && s < n; s++) {
        float x = (float)(s - on) / (float)len;
        out[s] += amp * (1.0f - x) * oy_fx_knock_at(key, (double)(s - on) / FS, f, dec, tone);
    }
}

float oy_fx_ring_pulse(double ph, float ratio, float damp)
{
    float x = oy_fx_frac(ph);
    return (1.0f - x) * oy_fx_fast_decay(damp * x) * oy_sine(ratio * x);
}

void oy_fx_add_creak(float *out, int64_t n, uint64_t seed, int64_t on, int64_t len,
                     float f0, float f1, float res, float amp)
{
    double slips = 0.0;
    double w1 = oy_fx_rnd(seed, 1, TAG_CREAK, 0.0f, 1.0f), w2 = oy_fx_rnd(seed, 2, TAG_CREAK, 0.0f, 1.0f);
    for (int64_t s = on > 0 ? on : 0; s < on + len && s < n; s++) {
        float x = (float)(s - on) / (float)len, rate, grip, v;
        rate = f0 + (f1 - f0) * oy_sine(0.5 * x);
        rate *= 1.0f + 0.1f * oy_sine(4.3 * x + w1) + 0.06f * oy_sine(11.7 * x + w2);
        slips += rate / FS;
        grip = oy_u01(oy_fx_hash(seed, (uint64_t)(int64_t)slips, 0, TAG_SLIP));
        v = oy_fx_ring_pulse(slips, res / rate, 4.0f) + 0.5f * oy_fx_ring_pulse(slips, 2.3f * res / rate, 6.0f);
        /* the creak swells and fades, catching unevenly */
        out[s] += amp * (0.55f + 0.45f * grip) * oy_sine(0.5 * x) * oy_smoothstepf(0.0f, 0.15f, x) * v;
    }
}

int oy_fx_ground(const oy_sfx_params *p)
{
    return p->ground >= 0 && p->ground < OY_GROUND_COUNT ? p->ground : OY_GROUND_DIRT;
}
