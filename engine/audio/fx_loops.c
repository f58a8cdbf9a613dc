/*
 * fx_loops.c - the loops of things that move (a car's engine, a boat's
 * motor, a wagon's wheels, a horse's hooves) and the pieces the one-shots
 * of the same things share with them: an engine's voice, a horse's gait
 * and a hoof's landing.
 *
 * Loops are read at any time in any order (the mixer reads a moving
 * source at its emission time, for Doppler), so they keep no state: noise
 * is hashed on a grid of the time and interpolated, tones are sines of
 * frequency x time, and events sit on hashed slots.
 */
#include "fx_impl.h"

/* ---- shared with the one-shots (what each does is in fx_impl.h) ---- */

float oy_fx_engine_voice(uint64_t cyl, double fire, float hz, float load, float nz)
{
    int c = (int)((int64_t)floor(fire) & 3);
    float x = oy_fx_frac(fire), a = 0.8f + 0.4f * (float)((cyl >> (16 * c)) & 0xffff) / 65536.0f;
    float pulse = (1.0f - x) * oy_fx_fast_decay((3.0f + 5.0f * load) * x);
    float ring = pulse * oy_sine((140.0f + 260.0f * load) / hz * x);
    float tone = 0.55f * oy_sine(fire) + 0.3f * oy_sine(2.0 * fire + 0.1) + 0.15f * oy_sine(3.0 * fire + 0.3)
               + 0.2f * oy_sine(0.5 * fire + 0.2);
    return a * (0.7f * tone + (0.4f + 0.6f * load) * ring) + (0.15f + 0.3f * load) * (0.3f + pulse) * nz;
}

oy_fx_gait oy_fx_gait_of(float speed)
{
    static const oy_fx_gait walk = { 0.0f, 4, { 0.0f, 0.25f, 0.5f, 0.75f }, { 1.0f, 0.8f, 0.95f, 0.75f } };
    static const oy_fx_gait trot = { 0.0f, 4, { 0.0f, 0.03f, 0.5f, 0.53f }, { 1.0f, 0.6f, 0.95f, 0.55f } };
    static const oy_fx_gait canter = { 0.0f, 3, { 0.0f, 0.22f, 0.38f }, { 0.8f, 1.0f, 0.9f } };
    static const oy_fx_gait gallop = { 0.0f, 4, { 0.0f, 0.1f, 0.27f, 0.37f }, { 0.85f, 0.8f, 1.0f, 0.9f } };
    oy_fx_gait g;
    if (speed <= 2.0f) {
        g = walk;
        g.rate = 0.7f + 0.15f * speed;
    } else if (speed <= 5.0f) {
        g = trot;
        g.rate = 1.25f + 0.06f * (speed - 2.0f);
    } else if (speed <= 9.0f) {
        g = canter;
        g.rate = 1.6f + 0.05f * (speed - 5.0f);
    } else {
        g = gallop;
        g.rate = fminf(2.1f + 0.08f * (speed - 9.0f), 2.7f);
    }
    return g;
}

oy_fx_hoof oy_fx_hoof_beat(const oy_fx_gait *g, uint64_t h, int j)
{
    uint64_t b = h >> (16 * j);
    oy_fx_hoof f;
    f.at = g->at[j] / g->rate + (float)HOOF_LATE * (float)(b & 31) / 31.0f;
    f.amp = g->amp[j] * (0.7f + 0.3f * (float)((b >> 5) & 31) / 31.0f);
    f.clip = 700.0f + 400.0f * (float)((b >> 10) & 63) / 63.0f;
    return f;
}

float oy_fx_hoof_at(uint64_t key, double tau, float clip, float hard)
{
    float end = 1.0f - (float)tau / (float)HOOF_LEN;
    return end * (0.9f * oy_fx_fast_decay((float)tau / 0.03f) *
                  oy_sine(oy_fx_sweep_phase(tau, 170.0f, 95.0f, 0.04f))
                  + (0.2f + 0.8f * hard) * oy_fx_knock_at(key, tau, clip, 0.012f, 0.5f));
}

/* ---- the loops ---- */

/* Noise read at time t from a grid of `rate` hashed points a second,
 * linearly interpolated: two independent lanes. At 48 kHz it is white;
 * a coarser grid low-passes it for free (the interpolation's response
 * has its first zero at the grid rate). */
static void grid_noise(uint64_t seed, uint64_t layer, double t, double rate, float nz[2])
{
    double x = t * rate, i = floor(x);
    float f = (float)(x - i);
    uint64_t a = oy_fx_noise(seed, (int64_t)i, layer), b = oy_fx_noise(seed, (int64_t)i + 1, layer);
    for (int k = 0; k < 2; k++)
        nz[k] = oy_noise_lane(a, k) + (oy_noise_lane(b, k) - oy_noise_lane(a, k)) * f;
}

/* A car: the engine's firing rate rises with speed (a gear held: idle
 * 750 rpm to ~2700 rpm at 30 m/s) and so does its load; tyres roar on
 * the road. */
float oy_fx_loop_engine(uint64_t seed, double t, float speed)
{
    float s = oy_clampf(speed / 30.0f, 0.0f, 1.0f), hz = 25.0f + 65.0f * s, nz[2];
    grid_noise(seed, 1, t, 6000.0, nz);
    float v = oy_fx_engine_voice(oy_fx_hash(seed, 0, 0, TAG_CYL), hz * t, hz, 0.25f + 0.75f * s, 1.5f * nz[0]);
    return 0.13f * (0.5f + 0.5f * s) * (v + 0.5f * s * nz[1]);
}

/* A boat's diesel: slow thumps (8-15 a second with speed) ringing low,
 * a clatter on each firing, and the wash of water along the hull rising
 * with speed, in waves. */
float oy_fx_loop_motor(uint64_t seed, double t, float speed)
{
    float s = oy_clampf(speed / 10.0f, 0.0f, 1.0f), hz = 8.0f + 7.0f * s, nz[2], wave;
    double fire = hz * t;
    float a = 0.85f + 0.3f * oy_u01(oy_fx_hash(seed, (uint64_t)(int64_t)floor(fire) & 3, 1, TAG_CYL));
    grid_noise(seed, 2, t, 1500.0, nz);
    wave = 0.6f + 0.4f * oy_sine(0.23 * t + 0.1) * oy_sine(0.11 * t);
    return 0.18f * (a * (oy_fx_ring_pulse(fire, 60.0f / hz, 4.0f) + 0.25f * oy_fx_ring_pulse(fire, 900.0f / hz, 40.0f)
                         + 0.5f * oy_fx_fast_decay(8.0f * oy_fx_frac(fire)) * nz[1])
                    + (0.15f + 0.85f * s) * wave * 0.8f * nz[0]);
}

/* A wagon: the rumble of wheels on the road, the clatter of iron tyres
 * on stones and joints (on slots at six a wheel turn, every sixth
 * louder), and now and then an axle's creak. */
#define KNOCK_LEN 0.06
#define CREAK_SLOT 0.9

float oy_fx_loop_wheels(uint64_t seed, double t, float speed)
{
    float s = oy_clampf(speed / 6.0f, 0.0f, 1.0f), nz[2], v;
    double rate = fmin(speed / 3.0 * 6.0, 60.0), c = floor(t / CREAK_SLOT);
    uint64_t hc = oy_fx_hash(seed, (uint64_t)(int64_t)c, 0, TAG_CREAK);

    grid_noise(seed, 3, t, 400.0, nz);
    v = (0.3f + 0.7f * s) * 1.2f * nz[0];
    for (int64_t k = (int64_t)floor((t - KNOCK_LEN) * rate); k <= (int64_t)floor(t * rate); k++) {
        uint64_t h = oy_fx_hash(seed, (uint64_t)k, 0, TAG_SLOT);
        double tau = t - (k + 0.35 * oy_u01(h >> 24)) / rate;
        if (oy_u01(h) < 0.6f && tau >= 0.0 && tau < KNOCK_LEN)
            v += (k % 6 ? 0.5f : 1.0f) * (1.0f - (float)(tau / KNOCK_LEN)) *
                 oy_fx_knock_at(h, tau, 250.0f + 500.0f * oy_u01(h >> 40), 0.012f, 0.5f);
    }
    if (oy_u01(hc) < 0.35f * s) {
        double on = (c + 0.4 * oy_u01(hc >> 8)) * CREAK_SLOT, tau = t - on;
        float dur = 0.25f + 0.25f * oy_u01(hc >> 16), f = 60.0f + 80.0f * oy_u01(hc >> 24);
        float res = 500.0f + 400.0f * oy_u01(hc >> 32);
        if (tau >= 0.0 && tau < dur)
            v += 0.6f * oy_sine(0.5 * tau / dur) * oy_fx_ring_pulse(f * tau + 20.0 * tau * tau, res / f, 4.0f);
    }
    return 0.175f * (0.4f + 0.6f * s) * v;
}

/* A horse: walk, trot, canter or gallop by speed, each landing a hoof
 * on a dirt road. A contact lasts less than a stride, so only this
 * stride and the one before can be sounding. */
float oy_fx_loop_hooves(uint64_t seed, double t, float speed)
{
    oy_fx_gait g = oy_fx_gait_of(speed);
    int64_t k = (int64_t)floor(t * g.rate);
    float v = 0.0f;

    /* when the last stride's contacts have all ended, skip its hash */
    double last_end = ((double)(k - 1) + g.at[g.beats - 1]) / g.rate + HOOF_LATE + HOOF_LEN;
    int64_t first = t < last_end ? k - 1 : k;

    for (int64_t s = first; s <= k; s++) {
        uint64_t h = oy_fx_hash(seed, (uint64_t)s, 0, TAG_STRIDE);
        for (int j = 0; j < g.beats; j++) {
            oy_fx_hoof f = oy_fx_hoof_beat(&g, h, j);
            double tau = t - (double)s / g.rate - f.at;
            if (tau >= 0.0 && tau < HOOF_LEN)
                v += f.amp * oy_fx_hoof_at(h + (uint64_t)j, tau, f.clip, 0.4f);
        }
    }
    return 0.25f * (0.5f + 0.5f * oy_clampf(speed / 12.0f, 0.0f, 1.0f)) * v;
}
