/*
 * fx_voices.c - the one-shots whose sound is a pitch or a band held and
 * shaped over their length rather than a blow dying away: the human voice
 * (a crowd murmuring, a shout), a bell and a horn, and moving air (a
 * whoosh, a gust). Built from the kit (fx_impl.h); the voice, a glottal
 * source through formant resonators, is here because only these use it.
 */
#include <string.h>

#include "fx_impl.h"

/* ---- the voice: a glottal source through formant resonators ---- */

static const float vowels[][3] = {
    { 800.0f, 1200.0f, 2500.0f },   /* a */
    { 500.0f, 1900.0f, 2550.0f },   /* e */
    { 320.0f, 2300.0f, 3000.0f },   /* i */
    { 500.0f,  900.0f, 2450.0f },   /* o */
    { 350.0f,  800.0f, 2300.0f },   /* u */
};
enum { VOWEL_A, VOWEL_E, VOWEL_I, VOWEL_O, VOWEL_U, VOWELS };
static const float formant_gain[3] = { 1.0f, 0.7f, 0.4f };
static const float formant_q[3] = { 5.0f, 9.0f, 12.0f };

typedef struct voice {
    double phase;               /* glottal cycles */
    oy_svf form[3];
    float fq[3];                /* formant frequencies now */
} voice;

/* Move the formants a share `glide` of the way to vowel target. */
static void voice_tune(voice *v, const float target[3], float glide)
{
    for (int k = 0; k < 3; k++) {
        v->fq[k] += (target[k] - v->fq[k]) * glide;
        oy_svf_set(&v->form[k], v->fq[k], formant_q[k]);
    }
}

static void voice_init(voice *v, const float vowel[3])
{
    memset(v, 0, sizeof(*v));
    memcpy(v->fq, vowel, sizeof(v->fq));
    voice_tune(v, vowel, 0.0f);
}

/* One sample: a sawtooth at f0 (its steps smoothed by a polynomial BLEP
 * so that it does not alias), breath noise mixed in, through the three
 * formants in parallel. */
static float voice_step(voice *v, float f0, float breath, float nz)
{
    float dt = f0 / (float)FS, x, saw, src, out = 0.0f;
    v->phase += dt;
    x = oy_fx_frac(v->phase);
    saw = 2.0f * x - 1.0f;
    if (x < dt) {
        float u = x / dt;
        saw -= u + u - u * u - 1.0f;
    } else if (x > 1.0f - dt) {
        float u = (x - 1.0f) / dt;
        saw -= u * u + u + u + 1.0f;
    }
    src = (1.0f - breath) * saw + breath * 1.7f * nz;
    for (int k = 0; k < 3; k++)
        out += formant_gain[k] * oy_fx_bandpass(&v->form[k], src);
    return out;
}

/* One talker of a crowd: phrases of syllables (each a vowel, some with a
 * breathy consonant onset, an accent on the pitch) and pauses between
 * phrases. Talker 0 starts mid-phrase on sample 0, the others a little
 * later. */
static void add_talker(float *out, int64_t n, uint64_t seed, int k)
{
    uint64_t ks = oy_fx_hash(seed, (uint64_t)k, 0, TAG_SYLLABLE);
    int female = oy_u01(ks) < 0.5f, vowel = VOWEL_A, left = 4, consonant = 0;
    float f0 = female ? oy_fx_rnd(ks, 0, 1, 175.0f, 240.0f) : oy_fx_rnd(ks, 0, 1, 95.0f, 140.0f);
    float gain = oy_fx_rnd(ks, 0, 2, 0.3f, 1.0f), accent = 0.0f;
    int64_t start = 0, dur = 1, syl = 0;
    int64_t next = k ? (int64_t)(oy_fx_rnd(ks, 0, 3, 0.0f, 0.6f) * FS) : 0;
    int silent = 1;
    voice v;

    voice_init(&v, vowels[VOWEL_A]);
    for (int64_t i = 0; i < n; i++) {
        float x, env, pitch, nz = oy_noise_lane(oy_fx_noise(seed, i, 10 + (uint64_t)k), 0);
        if (i >= next) {
            syl++;
            silent = left == 0;
            start = i;
            if (silent) {
                dur = (int64_t)(oy_fx_rnd(ks, (uint64_t)syl, 4, 0.25f, 0.9f) * FS);
                left = 3 + (int)oy_fx_rnd(ks, (uint64_t)syl, 5, 0.0f, 7.0f);
            } else {
                dur = (int64_t)(oy_fx_rnd(ks, (uint64_t)syl, 6, 0.12f, 0.28f) * FS);
                vowel = (int)(oy_fx_hash(ks, (uint64_t)syl, 7, TAG_RND) % VOWELS);
                consonant = oy_fx_rnd(ks, (uint64_t)syl, 8, 0.0f, 1.0f) < 0.4f;
                accent = oy_fx_rnd(ks, (uint64_t)syl, 9, -0.06f, 0.12f) + 0.03f * (float)left;
                left--;
            }
            next = start + dur;
        }
        x = (float)(i - start) / (float)dur;
        if (i % CTL == 0)
            voice_tune(&v, vowels[vowel], 0.3f);
        env = silent ? 0.0f : oy_sine(0.5 * x);
        pitch = f0 * (1.0f + accent * (1.0f - x));
        out[i] += gain * env * voice_step(&v, pitch, consonant && x < 0.2f ? 0.8f : 0.06f, nz);
    }
}

/* A crowd: ten talkers in the foreground (one starting at once, the
 * others soon after) over a bed of distant babble (noise through broad
 * formants of an average vowel, its level moving at syllable rates),
 * swelling in from a murmur and fading out. */
#define TALKERS 10

void oy_fx_crowd(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    static const float babble[3] = { 500.0f, 1500.0f, 2500.0f };
    float len = (float)((double)n / FS), fade = fminf(0.7f, 0.3f * len), rate[3], ph[3];
    oy_svf bed[3];

    for (int k = 0; k < TALKERS; k++)
        add_talker(out, n, seed, k);
    for (int j = 0; j < 3; j++) {
        rate[j] = oy_fx_rnd(seed, (uint64_t)j, 1, 3.0f, 6.0f);
        ph[j] = oy_fx_rnd(seed, (uint64_t)j, 2, 0.0f, 1.0f);
        oy_fx_svf_init(&bed[j], babble[j], 1.5f);
    }
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), mod = 0.0f, b = 0.0f, nz = oy_noise_lane(oy_fx_noise(seed, i, 1), 0);
        for (int j = 0; j < 3; j++) {
            mod += 0.5f + 0.5f * oy_sine(rate[j] * t + ph[j]);
            b += formant_gain[j] * oy_fx_bandpass(&bed[j], nz);
        }
        out[i] += 0.3f * mod * b;
        out[i] *= oy_fx_swell_from(t, 0.3f, oy_smoothstepf(0.0f, fade, t)) *
                  (1.0f - oy_smoothstepf(len - fade, len, t));
    }
}

/* A shout, "hey!": a breathy h, then a bright voice on /a/ gliding to
 * /e/, its pitch rising then falling, with a little vibrato. */
void oy_fx_shout(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    float f0 = oy_fx_rnd(seed, 0, 1, 180.0f, 280.0f), len = (float)((double)n / FS), target[3];
    voice v;

    voice_init(&v, vowels[VOWEL_A]);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), x = t / len, r = (x - 0.35f) / 0.22f;
        float pitch = f0 * (0.86f + 0.3f * oy_expf(-r * r) - 0.08f * x) * (1.0f + 0.012f * oy_sine(5.5 * t));
        float breath = 1.0f - oy_smoothstepf(0.03f, 0.09f, t);
        float amp = oy_smoothstepf(0.0f, 0.002f, t) * (0.45f + 0.55f * oy_smoothstepf(0.03f, 0.1f, t)) *
                    (1.0f - oy_smoothstepf(0.72f, 1.0f, x));
        if (i % CTL == 0) {
            float g = oy_smoothstepf(0.5f, 0.9f, x);
            for (int k = 0; k < 3; k++)
                target[k] = oy_lerpf(vowels[VOWEL_A][k], vowels[VOWEL_E][k], g);
            voice_tune(&v, target, 1.0f);
        }
        out[i] += amp * voice_step(&v, pitch, breath, oy_noise_lane(oy_fx_noise(seed, i, 1), 0));
    }
}

/* ---- a bell and a horn ---- */

/* A church bell: the hum, prime, tierce, quint and nominal partials and
 * two above, each a pair of close frequencies that beat (the warble of a
 * real bell), the higher dying sooner; three short strike partials and
 * the clapper's noise. */
#define PARTIALS 10

static const float bell_ratio[PARTIALS] = { 0.5f, 1.0f, 1.2f, 1.5f, 2.0f, 2.5f, 3.0f, 4.2f, 5.4f, 6.8f };
static const float bell_amp[PARTIALS] = { 0.45f, 0.6f, 0.5f, 0.25f, 1.0f, 0.35f, 0.3f, 0.3f, 0.22f, 0.15f };
static const float bell_tau[PARTIALS] = { 3.2f, 2.4f, 1.9f, 1.3f, 1.6f, 0.9f, 0.7f, 0.3f, 0.2f, 0.12f };

void oy_fx_bell(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    float f = oy_fx_rnd(seed, 0, 1, 300.0f, 500.0f), e[PARTIALS], step[PARTIALS], b[PARTIALS];
    double fa[PARTIALS], fb[PARTIALS], pa[PARTIALS], pb[PARTIALS];
    oy_svf clapper;

    for (int j = 0; j < PARTIALS; j++) {
        float fj = f * bell_ratio[j] * oy_fx_rnd(seed, (uint64_t)j, 2, 0.994f, 1.006f);
        float beat = oy_fx_rnd(seed, (uint64_t)j, 3, 0.3f, 1.6f);
        fa[j] = (fj - 0.5f * beat) / FS;
        fb[j] = (fj + 0.5f * beat) / FS;
        pa[j] = oy_fx_rnd(seed, (uint64_t)j, 4, 0.0f, 1.0f);
        pb[j] = oy_fx_rnd(seed, (uint64_t)j, 5, 0.0f, 1.0f);
        b[j] = oy_fx_rnd(seed, (uint64_t)j, 6, 0.15f, 0.5f);
        e[j] = bell_amp[j];
        step[j] = oy_expf(-1.0f / (bell_tau[j] * (float)FS));
    }
    oy_fx_svf_init(&clapper, 2800.0f, 1.5f);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), v = 0.0f;
        for (int j = 0; j < PARTIALS; j++) {
            v += e[j] * (oy_sine(fa[j] * i + pa[j]) + b[j] * oy_sine(fb[j] * i + pb[j]));
            e[j] *= step[j];
        }
        v *= oy_smoothstepf(0.0f, 0.0008f, t);
        out[i] += v + 1.5f * oy_fx_hit_env(t, 0.0002f, 0.004f) *
                      oy_fx_bandpass(&clapper, oy_noise_lane(oy_fx_noise(seed, i, 1), 0));
    }
}

/* A car horn: two diaphragm horns a third apart, each a buzzy square-ish
 * tone (odd harmonics strong, even ones weaker) with the horn's resonance
 * near 2.5 kHz; the pitch settles as the diaphragms start. */
#define HORN_HARMONICS 16

void oy_fx_horn(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    float f[2], amp[2][HORN_HARMONICS], len = (float)((double)n / FS);
    double ph[2] = { 0.0, 0.0 };
    oy_svf rough;

    f[0] = oy_fx_rnd(seed, 0, 1, 390.0f, 440.0f);
    f[1] = f[0] * oy_fx_rnd(seed, 0, 2, 1.19f, 1.26f);
    for (int a = 0; a < 2; a++)
        for (int k = 1; k <= HORN_HARMONICS; k++) {
            float hz = f[a] * k, r = (hz - 2500.0f) / 900.0f;
            amp[a][k - 1] = hz > 12000.0f ? 0.0f : (k % 2 ? 1.0f : 0.35f) / k * (1.0f + 1.5f * oy_expf(-r * r));
        }
    oy_fx_svf_init(&rough, 60.0f, 0.7f);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), v = 0.0f;
        float env = oy_smoothstepf(0.0f, 0.006f, t) * (1.0f - oy_smoothstepf(len - 0.05f, len, t));
        for (int a = 0; a < 2; a++) {
            ph[a] += f[a] * (1.0f - 0.04f * oy_expf(-t / 0.025f)) / FS;
            for (int k = 0; k < HORN_HARMONICS; k++)
                v += amp[a][k] * oy_sine((k + 1) * ph[a] + 0.1 * k);
        }
        /* the buzz is not quite steady */
        v *= 1.0f + 0.6f * oy_fx_lowpass(&rough, oy_noise_lane(oy_fx_noise(seed, i, 1), 0));
        out[i] += env * v;
    }
}

/* ---- air ---- */

/* A whoosh: band-passed noise whose centre sweeps up and down as the
 * level swells from a faint rush and falls (the pitch peaks a little
 * before the level, as a passing thing's does), over low air noise with
 * a slight flutter. */
void oy_fx_whoosh(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    float len = (float)((double)n / FS);
    float xc = oy_fx_rnd(seed, 0, 1, 0.45f, 0.55f), w = oy_fx_rnd(seed, 0, 2, 0.16f, 0.22f);
    oy_svf band, body;

    oy_fx_svf_init(&band, 300.0f, 1.4f);
    oy_fx_svf_init(&body, 200.0f, 0.7f);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), x = t / len, r = (x - xc) / w, swell;
        uint64_t h = oy_fx_noise(seed, i, 1);
        if (i % CTL == 0) {
            float q = (x - xc + 0.04f) / (1.3f * w), sweep = oy_expf(-q * q);
            oy_svf_set(&band, 300.0f + 2600.0f * sweep, 1.4f);
            oy_svf_set(&body, 150.0f + 700.0f * sweep, 0.7f);
        }
        swell = oy_fx_swell_from(t, 0.15f, oy_expf(-r * r)) * (1.0f - oy_smoothstepf(0.97f, 1.0f, x));
        out[i] += swell * (1.0f + 0.15f * oy_sine(17.0 * t)) *
                  (oy_fx_bandpass(&band, oy_noise_lane(h, 0)) +
                   0.25f * oy_fx_lp_gain(400.0f) * oy_fx_lowpass(&body, oy_noise_lane(h, 1)));
    }
}

/* A gust: a breeze swelling into a gust (peaking 35-50 % of the way
 * through) and dying away: noise in two bands opening as it swells, a
 * low buffeting, and a whistle, a narrow band whose pitch follows the
 * wind. Long gusts flutter. */
void oy_fx_gust(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out)
{
    float len = (float)((double)n / FS), xp = oy_fx_rnd(seed, 0, 1, 0.35f, 0.5f);
    float skew = oy_logf(0.5f) / oy_logf(xp), whistle = oy_fx_rnd(seed, 0, 2, 650.0f, 900.0f), rate[3], ph[3];
    oy_svf b1, b2, wh, low;

    for (int j = 0; j < 3; j++) {
        rate[j] = oy_fx_rnd(seed, (uint64_t)j, 3, 0.3f, 1.2f);
        ph[j] = oy_fx_rnd(seed, (uint64_t)j, 4, 0.0f, 1.0f);
    }
    oy_fx_svf_init(&b1, 220.0f, 0.9f);
    oy_fx_svf_init(&b2, 700.0f, 1.5f);
    oy_fx_svf_init(&wh, whistle, 30.0f);
    oy_fx_svf_init(&low, 140.0f, 0.7f);
    for (int64_t i = 0; i < n; i++) {
        float t = (float)((double)i / FS), x = t / len, s = oy_sine(0.5 * oy_powf(x + 1e-6f, skew));
        float g = oy_fx_swell_from(t, 0.15f, s * s) * (1.0f - oy_smoothstepf(0.9f, 1.0f, x));
        uint64_t h = oy_fx_noise(seed, i, 1);
        for (int j = 0; j < 3; j++)
            g *= 1.0f + 0.12f * oy_sine(rate[j] * t + ph[j]);
        if (i % CTL == 0) {
            oy_svf_set(&b1, 220.0f + 1000.0f * g, 0.9f);
            oy_svf_set(&b2, 700.0f + 1800.0f * g, 1.5f);
            oy_svf_set(&wh, whistle + 700.0f * g, 30.0f);
        }
        out[i] += oy_powf(g + 1e-6f, 1.3f) *
                  (oy_fx_bandpass(&b1, oy_noise_lane(h, 0)) + 0.45f * oy_fx_bandpass(&b2, oy_noise_lane(h, 1)))
                + 0.5f * g * oy_fx_lp_gain(140.0f) * oy_fx_lowpass(&low, oy_noise_lane(h, 2))
                + 4.0f * g * g * oy_fx_bandpass(&wh, oy_noise_lane(h, 3));
    }
}
