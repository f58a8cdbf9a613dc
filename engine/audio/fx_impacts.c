/*
 * fx_impacts.c - the one-shots that begin with a blow and die away:
 * thunder, an explosion, a gunshot, a door swung shut, a body hitting the
 * ground, a splash. Each layers the kit's pieces (fx_impl.h) over the
 * sound's first instants: a snap or tick of noise, a thump gliding down,
 * bursts of filtered noise, then what settles (debris, bits, bubbles).
 */
#include "fx_impl.h"

/* Thunder: the crack of a near strike (a snap, then the tearing of the
 * channel's nearest segments), a low boom, and a rumble of noise under a
 * cascade of low-passes whose corner falls with distance, swelling in
 * rolls as sound arrives from farther parts of the channel. */
#define ROLLS 12

typedef struct rolls {
    int n;
    float len, far;
    float at[ROLLS], amp[ROLLS], rise[ROLLS], fall[ROLLS];
} rolls;

/* Far strikes roll more, slower and longer; the first roll is the main
 * clap, the bulk of the channel's first arrivals. */
static void rolls_init(rolls *r, uint64_t seed, float len, float far)
{
    r->n = 5 + (int)(7.0f * far);
    r->len = len;
    r->far = far;
    for (int j = 0; j < r->n; j++) {
        float u = oy_fx_rnd(seed, (uint64_t)j, 1, 0.0f, 1.0f);
        r->at[j] = j ? 0.15f + 0.7f * len * u * sqrtf(u) : oy_fx_rnd(seed, 0, 5, 0.08f, 0.25f);
        r->amp[j] = j ? oy_fx_rnd(seed, (uint64_t)j, 2, 0.4f, 1.0f) * (1.0f - 0.6f * r->at[j] / len) : 1.0f;
        r->rise[j] = oy_fx_rnd(seed, (uint64_t)j, 3, 0.04f, 0.2f) * (1.0f + far);
        r->fall[j] = oy_fx_rnd(seed, (uint64_t)j, 4, 0.25f, 0.8f) * (1.0f + 0.8f * far);
    }
}

/* The rumble's level at t: the first arrival (its attack within 1.5 ms),
 * then the rolls, faded out over the last part. */
static float rolls_env(const rolls *r, float t)
{
    float env = oy_smoothstepf(0.0f, 0.0015f, t) * (0.25f + 0.75f * oy_expf(-t / (0.5f + 0.9f * r->far)));
    for (int j = 0; j < r->n; j++)
        if (t > r->at[j])
            env += r->amp[j] * oy_smoothstepf(r->at[j], r->at[j] + r->rise[j], t) *
                   oy_expf(-(t - r->at[j]) / r->fall[j]);
    return env * (1.0f - oy_smoothstepf(0.55f, 1.0f, t / r->len));
}

void oy_fx_thunder(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    float d = fmaxf(p->distance, 30.0f), len = (float)((double)n / FS);
    float near = oy_expf(-d / 700.0f), far = oy_clampf(d / 6000.0f, 0.0f, 1.0f);
    float cutoff = 90.0f + 2500.0f * oy_expf(-d / 1500.0f), gain = oy_fx_lp_gain(cutoff), e0 = 0.0f, e1;
    oy_svf lp1, lp2, sub, crack;
    rolls r;

    rolls_init(&r, seed, len, far);
    e1 = rolls_env(&r, 0.0f);
    oy_fx_svf_init(&lp1, cutoff, 0.6f);
    oy_fx_svf_init(&lp2, cutoff, 0.8f);
    oy_fx_svf_init(&sub, 60.0f, 0.7f);
    oy_fx_svf_init(&crack, 1200.0f, 0.7f);
    /* the boom under the first arrival */
    oy_fx_add_sweep(out, n, 0, 75.0f, 45.0f, 0.25f, 0.2f + 0.2f * far, 0.25f + 0.35f * far);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), env, v;
        uint64_t h = oy_fx_noise(seed, i, 1);
        if (i % CTL == 0) {
            /* later arrivals come from farther up the channel: darker;
             * each roll opens the filter a little */
            float fc = cutoff * (0.45f + 0.55f * oy_expf(-t / 1.2f)) * (0.8f + 0.3f * e1);
            e0 = e1;
            e1 = rolls_env(&r, (float)((double)(i + CTL) / FS));
            oy_svf_set(&lp1, fc, 0.6f);
            oy_svf_set(&lp2, fc, 0.8f);
        }
        env = oy_lerpf(e0, e1, (float)(i % CTL) / CTL);
        v = 1.4f * env * (gain * oy_fx_lowpass(&lp2, oy_fx_lowpass(&lp1, oy_noise_lane(h, 0)))
                   + 0.35f * oy_fx_lp_gain(60.0f) * oy_fx_lowpass(&sub, oy_noise_lane(h, 1)));
        if (t < 0.6f && near > 0.01f) {
            /* the snap, then crackles thinning out: the tearing sound */
            uint64_t g = oy_fx_hash(seed, (uint64_t)(i / 72), 0, TAG_GRAIN);
            float hp = oy_fx_highpass(&crack, oy_noise_lane(h, 2));
            v += near * 2.5f * oy_fx_hit_env(t, 0.0003f, 0.015f) * hp;
            if (oy_u01(g) < 0.5f * oy_expf(-t / 0.15f))
                v += near * 0.9f * oy_u01(g >> 24) * (1.0f - (float)(i % 72) / 72.0f) * oy_noise_lane(h, 3);
        }
        out[i] += v;
    }
}

/* An explosion: a blast of bright noise, a deep thump gliding down to
 * ~32 Hz, a roar of low noise, and debris: a falling noise tail with
 * stones and fragments landing. */
void oy_fx_explosion(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    oy_svf blast, roar1, roar2, tail;
    int debris = 30 + (int)oy_fx_rnd(seed, 0, 9, 0.0f, 15.0f);

    oy_fx_svf_init(&blast, 7000.0f, 0.7f);
    oy_fx_svf_init(&roar1, 150.0f, 0.6f);
    oy_fx_svf_init(&roar2, 150.0f, 0.8f);
    oy_fx_svf_init(&tail, 3000.0f, 0.6f);
    oy_fx_add_sweep(out, n, 0, oy_fx_rnd(seed, 0, 1, 85.0f, 110.0f), oy_fx_rnd(seed, 0, 2, 30.0f, 36.0f),
                    0.35f, 0.3f, 1.2f);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS);
        uint64_t h = oy_fx_noise(seed, i, 1);
        if (i % CTL == 0)
            oy_svf_set(&tail, 350.0f + 2600.0f * oy_expf(-t / 0.5f), 0.6f);
        out[i] += 0.9f * oy_fx_hit_env(t, 0.0004f, 0.03f) * oy_fx_lowpass(&blast, oy_noise_lane(h, 0))
                + 1.1f * oy_fx_lp_gain(150.0f) * oy_fx_hit_env(t, 0.004f, 0.6f) *
                  oy_fx_lowpass(&roar2, oy_fx_lowpass(&roar1, oy_noise_lane(h, 1)))
                + 0.3f * oy_fx_lp_gain(1000.0f) * oy_fx_hit_env(t, 0.08f, 0.8f) *
                  oy_fx_lowpass(&tail, oy_noise_lane(h, 2));
    }
    /* debris lands thinning out, mostly crunch (little tone) */
    for (int k = 0; k < debris; k++) {
        float u = oy_fx_rnd(seed, (uint64_t)k, 3, 0.0f, 1.0f), at = 0.2f + 2.3f * u * u;
        float amp = oy_fx_rnd(seed, (uint64_t)k, 6, 0.05f, 0.25f) * oy_expf(-at / 1.2f);
        oy_fx_add_knock(out, n, (int64_t)(at * FS), seed, (uint64_t)k + 100,
                        oy_fx_rnd(seed, (uint64_t)k, 4, 400.0f, 3500.0f),
                        oy_fx_rnd(seed, (uint64_t)k, 5, 0.004f, 0.02f), 0.15f, amp);
    }
}

/* The muzzle blast of a gunshot: a snap of noise, a low body and a mid
 * ring, from sample i (0 = the shot). */
static float gun_crack(uint64_t seed, int64_t i)
{
    float t = (float)((double)i / FS);
    if (i < 0 || t > 0.12f)
        return 0.0f;
    return oy_noise_lane(oy_fx_noise(seed, i, 1), 0) * oy_fx_hit_env(t, 0.0002f, 0.0025f)
         + 0.7f * oy_sine(170.0 * t) * oy_fx_hit_env(t, 0.0005f, 0.02f)
         + 0.3f * oy_sine(1150.0 * t) * oy_expf(-t / 0.006f);
}

/* A gunshot: the crack, two reflections of it and a reverberant tail. */
void oy_fx_gunshot(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    int64_t e1 = (int64_t)(oy_fx_rnd(seed, 0, 1, 0.035f, 0.08f) * FS);
    int64_t e2 = (int64_t)(oy_fx_rnd(seed, 0, 2, 0.09f, 0.18f) * FS);
    oy_svf room, boom;

    oy_fx_svf_init(&room, 1600.0f, 0.6f);
    oy_fx_svf_init(&boom, 400.0f, 0.7f);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), grow = 1.0f - oy_expf(-t / 0.01f);
        uint64_t h = oy_fx_noise(seed, i, 2);
        out[i] += gun_crack(seed, i) + 0.35f * gun_crack(seed, i - e1) + 0.2f * gun_crack(seed, i - e2)
                + grow * (0.3f * oy_expf(-t / 0.12f) * oy_fx_bandpass(&room, oy_noise_lane(h, 0))
                          + 0.12f * oy_fx_lp_gain(400.0f) * oy_expf(-t / 0.18f) *
                            oy_fx_lowpass(&boom, oy_noise_lane(h, 1)));
    }
}

/* A door: the latch clicks, the hinge creaks as it swings, and it shuts
 * with a wooden thud, the latch catching and the frame rattling. */
void oy_fx_door(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    int64_t shut = (int64_t)(0.6 * (double)n), creak = (int64_t)(0.06 * FS);

    oy_fx_add_knock(out, n, 0, seed, 1, oy_fx_rnd(seed, 0, 1, 2600.0f, 3400.0f), 0.004f, 0.5f, 0.5f);
    oy_fx_add_knock(out, n, (int64_t)(0.018 * FS), seed, 2, oy_fx_rnd(seed, 0, 2, 1800.0f, 2400.0f),
                    0.006f, 0.5f, 0.35f);
    oy_fx_add_creak(out, n, seed, creak, shut - creak - (int64_t)(0.12 * FS),
                    oy_fx_rnd(seed, 0, 3, 110.0f, 160.0f), oy_fx_rnd(seed, 0, 4, 320.0f, 450.0f),
                    oy_fx_rnd(seed, 0, 5, 1000.0f, 1500.0f), 0.6f);
    oy_fx_add_sweep(out, n, shut, 150.0f, oy_fx_rnd(seed, 0, 6, 75.0f, 95.0f), 0.08f, 0.08f, 0.7f);
    oy_fx_add_knock(out, n, shut, seed, 3, 220.0f, 0.03f, 0.4f, 1.0f);
    oy_fx_add_knock(out, n, shut + (int64_t)(0.006 * FS), seed, 4, 2900.0f, 0.005f, 0.5f, 0.35f);
    oy_fx_add_knock(out, n, shut + (int64_t)(0.05 * FS), seed, 5, 180.0f, 0.02f, 0.5f, 0.2f);
}

/* An impact: a tick, a thump gliding down to the ground's pitch, a
 * crunch of band-passed noise in grains, a body of low noise, and bits
 * settling; hard grounds ring and scatter more. */
void oy_fx_impact(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    const oy_ground_sound *g = &oy_ground_sounds[oy_fx_ground(p)];
    oy_svf crunch, body;
    int bits = 2 + (int)(6.0f * g->hard);

    oy_fx_svf_init(&crunch, g->crunch_hz, 0.8f);
    oy_fx_svf_init(&body, 350.0f, 0.7f);
    oy_fx_add_sweep(out, n, 0, 2.2f * g->thump, g->thump, 0.07f, 0.12f, 1.2f);
    if (g->hard > 0.5f)
        oy_fx_add_knock(out, n, 0, seed, 1, 3.4f * g->thump, 0.06f, 0.7f, 0.5f * g->hard);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS);
        uint64_t h = oy_fx_noise(seed, i, 1), q = oy_fx_hash(seed, (uint64_t)(i / 48), 0, TAG_GRAIN);
        float grain = oy_u01(q) < 0.5f ? 1.0f : 0.25f;
        out[i] += (0.3f + 0.5f * g->hard) * oy_fx_hit_env(t, 0.0002f, 0.003f) * oy_noise_lane(h, 0)
                + 1.6f * g->crunch * grain * oy_fx_hit_env(t, 0.001f, 0.07f) *
                  oy_fx_bandpass(&crunch, oy_noise_lane(h, 1))
                + 0.5f * oy_fx_lp_gain(350.0f) * oy_fx_hit_env(t, 0.002f, 0.15f) *
                  oy_fx_lowpass(&body, oy_noise_lane(h, 2));
    }
    for (int k = 0; k < bits; k++) {
        float at = oy_fx_rnd(seed, (uint64_t)k, 2, 0.08f, 0.5f);
        oy_fx_add_knock(out, n, (int64_t)(at * FS), seed, (uint64_t)k + 10,
                        oy_fx_rnd(seed, (uint64_t)k, 3, 500.0f, 3000.0f), 0.006f, 0.3f,
                        oy_fx_rnd(seed, (uint64_t)k, 4, 0.05f, 0.15f) * (0.3f + g->hard));
    }
}

/* A splash: the slap of the surface, the plop (a cavity ringing down
 * from ~1 kHz to 300 Hz), the whump of displaced water, spray in grains,
 * a wash, then bubbles (short rising chirps) and drops falling back. */
void oy_fx_splash(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    float pitch = oy_fx_rnd(seed, 0, 1, 0.85f, 1.15f);
    int bubbles = 8 + (int)oy_fx_rnd(seed, 0, 2, 0.0f, 7.0f);
    int drops = 10 + (int)oy_fx_rnd(seed, 0, 3, 0.0f, 8.0f);
    oy_svf spray, wash;

    oy_fx_svf_init(&spray, 2500.0f, 0.7f);
    oy_fx_svf_init(&wash, 900.0f, 0.7f);
    oy_fx_add_sweep(out, n, 0, 1000.0f * pitch, 300.0f * pitch, 0.07f, 0.06f, 0.8f);
    oy_fx_add_sweep(out, n, 0, 120.0f, 60.0f, 0.08f, 0.07f, 0.25f);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS);
        uint64_t h = oy_fx_noise(seed, i, 1), q = oy_fx_hash(seed, (uint64_t)(i / 96), 0, TAG_GRAIN);
        out[i] += 0.6f * oy_fx_hit_env(t, 0.0002f, 0.004f) * oy_noise_lane(h, 0)
                + 0.5f * (0.3f + 0.7f * oy_u01(q)) * oy_fx_hit_env(t, 0.015f, 0.22f) *
                  oy_fx_highpass(&spray, oy_noise_lane(h, 1))
                + 0.3f * oy_fx_hit_env(t, 0.02f, 0.35f) * oy_fx_bandpass(&wash, oy_noise_lane(h, 2));
    }
    for (int k = 0; k < bubbles; k++) {
        float u = oy_fx_rnd(seed, (uint64_t)k, 4, 0.0f, 1.0f), at = 0.03f + 0.9f * u * sqrtf(u);
        float f = oy_fx_rnd(seed, (uint64_t)k, 5, 450.0f, 1600.0f);
        float dec = oy_fx_rnd(seed, (uint64_t)k, 6, 0.012f, 0.035f);
        oy_fx_add_sweep(out, n, (int64_t)(at * FS), f, f * oy_fx_rnd(seed, (uint64_t)k, 7, 1.4f, 1.8f), 2.0f * dec, dec,
                        oy_fx_rnd(seed, (uint64_t)k, 8, 0.15f, 0.4f) * (1.0f - 0.6f * at));
    }
    for (int k = 0; k < drops; k++) {
        float at = oy_fx_rnd(seed, (uint64_t)k, 9, 0.15f, 1.0f), f = oy_fx_rnd(seed, (uint64_t)k, 10, 2200.0f, 4500.0f);
        oy_fx_add_sweep(out, n, (int64_t)(at * FS), f, 1.3f * f, 0.012f, 0.005f,
                        oy_fx_rnd(seed, (uint64_t)k, 11, 0.04f, 0.12f));
    }
}
