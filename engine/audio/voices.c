/*
 * voices.c - the synthesized instruments of the score: a detuned additive
 * pad, a modal plucked string, an FM bell, a bass, light percussion (kick
 * and hat), and for stingers a brass-like stab and a crash cymbal. Every note is a pure function of the time since its
 * onset, so any sample of a note can be computed without the samples
 * before it. Decays use per-sample recurrences that restart from an exact
 * value at the start of each rendered span; spans start on the chunk grid
 * or at the onset, so every render performs the same arithmetic.
 */
#include "audio.h"

#define FS ((double)OY_SAMPLE_RATE)

/* Release shape after the held part: (1 - x)^2 reaches zero with zero
 * slope, so notes end without a click. */
static float release_gain(int64_t tau, int64_t len, int64_t tail)
{
    float x;
    if (tau < len)
        return 1.0f;
    x = (float)(tau - len) / (float)tail;
    if (x >= 1.0f)
        return 0.0f;
    return (1.0f - x) * (1.0f - x);
}

static float attack_gain(int64_t tau, int64_t att)
{
    float x;
    if (tau >= att)
        return 1.0f;
    x = (float)tau / (float)att;
    return x * x * (3.0f - 2.0f * x);
}

static const int64_t tails[OY_VOICE_COUNT] = {
    [OY_VOICE_PAD] = 76800,    /* 1.6 s */
    [OY_VOICE_PLUCK] = 5760,   /* 0.12 s */
    [OY_VOICE_BELL] = 14400,   /* 0.3 s */
    [OY_VOICE_BASS] = 5760,
    [OY_VOICE_KICK] = 43200,   /* 0.9 s: the kick has no held part */
    [OY_VOICE_HAT] = 12000,
    [OY_VOICE_STAB] = 14400,   /* 0.3 s */
    [OY_VOICE_CRASH] = 115200, /* 2.4 s: no held part */
};

int64_t oy_voice_tail(const oy_note *n)
{
    return tails[n->voice];
}

#define PAD_PARTIALS 6

static void render_pad(const oy_note *n, int64_t b, int64_t e, float *lr)
{
    float amp[PAD_PARTIALS], gl, gr;
    double fl = n->freq * (1.0 - 0.0025) / FS, fr = n->freq * (1.0 + 0.0025) / FS;
    int64_t att = (int64_t)(fminf(0.8f, (float)n->len / (float)FS * 0.5f) * FS) + 1;
    float w = 1.0f;

    oy_pan_gains(n->pan, &gl, &gr);
    for (int h = 0; h < PAD_PARTIALS; h++) {
        amp[h] = n->vel * w / (float)(h + 1);
        w *= 0.25f + 0.6f * n->bright;
    }
    for (int64_t s = b; s < e; s++) {
        int64_t tau = s - n->on;
        float env = attack_gain(tau, att) * release_gain(tau, n->len, tails[OY_VOICE_PAD]);
        float l = 0.0f, r = 0.0f;
        for (int h = 0; h < PAD_PARTIALS; h++) {
            /* partials start at different phases so chords do not beat
             * in unison at the onset */
            double ph = 0.13 * h;
            l += amp[h] * oy_sine(fl * (h + 1) * tau + ph);
            r += amp[h] * oy_sine(fr * (h + 1) * tau + ph + 0.25);
        }
        lr[2 * (s - b)] += env * gl * l;
        lr[2 * (s - b) + 1] += env * gr * r;
    }
}

/* A sum of decaying partials: partial h at f[h] cycles a sample (phase
 * 0.07 h when spread), starting at env[h] and stepping down by step[h]
 * each sample, with a burst of noise over the first `burst` samples (a
 * pick, a breath), under the note's attack and release. */
typedef struct partials {
    int n;
    double f[10];
    float env[10], step[10];
    int spread;
    int64_t attack, burst;
    float burst_amp;
    uint64_t salt;
} partials;

static void render_partials(const oy_note *n, partials *p, int64_t b, int64_t e, float *lr)
{
    float gl, gr;

    oy_pan_gains(n->pan, &gl, &gr);
    for (int64_t s = b; s < e; s++) {
        int64_t tau = s - n->on;
        float g = attack_gain(tau, p->attack) * release_gain(tau, n->len, tails[n->voice]);
        float v = 0.0f;
        for (int h = 0; h < p->n; h++) {
            v += p->env[h] * oy_sine(p->f[h] * tau + (p->spread ? 0.07 * h : 0.0));
            p->env[h] *= p->step[h];
        }
        if (tau < p->burst)
            v += n->vel * p->burst_amp * (1.0f - (float)tau / (float)p->burst) *
                 oy_noise_lane(oy_hash(n->seed, OY_STREAM_MUSIC, (uint64_t)tau, p->salt, 0), 0);
        v *= g;
        lr[2 * (s - b)] += gl * v;
        lr[2 * (s - b) + 1] += gr * v;
    }
}

#define PLUCK_PARTIALS 8

static void render_pluck(const oy_note *n, int64_t b, int64_t e, float *lr)
{
    partials p = { .n = PLUCK_PARTIALS, .attack = 96, .burst = 192, .burst_amp = 0.25f, .salt = 1 };
    float d0 = 1.1f + n->freq / 350.0f;   /* higher strings die sooner */
    int64_t tau0 = b - n->on;

    for (int h = 0; h < PLUCK_PARTIALS; h++) {
        int k = h + 1;
        float d = d0 * (1.0f + (0.25f + 0.5f * (1.0f - n->bright)) * (float)(k - 1) * (float)(k - 1));
        p.f[h] = n->freq * k * (1.0 + 0.0002 * k * k) / FS;  /* slight stiffness */
        p.env[h] = n->vel * fabsf(oy_sinf((float)OY_PI * k * 0.18f)) / (float)k *
                   oy_expf(-d * (float)tau0 / (float)FS);
        p.step[h] = oy_expf(-d / (float)FS);
    }
    render_partials(n, &p, b, e, lr);
}

static void render_bell(const oy_note *n, int64_t b, int64_t e, float *lr)
{
    double fc = n->freq / FS, fm = n->freq * 3.5 / FS, f2 = n->freq * 2.0 / FS;
    float tau0 = (float)(b - n->on) / (float)FS, gl, gr;
    float ea = oy_expf(-tau0 / 1.6f), sa = oy_expf(-1.0f / (1.6f * (float)FS));
    float ei = oy_expf(-tau0 / 0.35f), si = oy_expf(-1.0f / (0.35f * (float)FS));
    float i0 = (0.6f + 2.2f * n->bright) / (2.0f * (float)OY_PI);

    oy_pan_gains(n->pan, &gl, &gr);
    for (int64_t s = b; s < e; s++) {
        int64_t tau = s - n->on;
        float g = n->vel * attack_gain(tau, 144) * release_gain(tau, n->len, tails[OY_VOICE_BELL]);
        float v = oy_sine(fc * tau + i0 * ei * oy_sine(fm * tau)) + 0.2f * ei * oy_sine(f2 * tau);
        v *= g * ea;
        ea *= sa;
        ei *= si;
        lr[2 * (s - b)] += gl * v;
        lr[2 * (s - b) + 1] += gr * v;
    }
}

static void render_bass(const oy_note *n, int64_t b, int64_t e, float *lr)
{
    double f = n->freq / FS;
    float tau0 = (float)(b - n->on) / (float)FS;
    float ed = oy_expf(-tau0 / 0.18f), sd = oy_expf(-1.0f / (0.18f * (float)FS));
    float h2 = 0.15f + 0.3f * n->bright;

    for (int64_t s = b; s < e; s++) {
        int64_t tau = s - n->on;
        float g = n->vel * attack_gain(tau, 480) * release_gain(tau, n->len, tails[OY_VOICE_BASS]);
        float v = oy_sine(f * tau) + h2 * oy_sine(2.0 * f * tau + 0.1) + 0.08f * oy_sine(3.0 * f * tau);
        v *= g * (0.7f + 0.3f * ed);
        ed *= sd;
        lr[2 * (s - b)] += 0.707f * v;
        lr[2 * (s - b) + 1] += 0.707f * v;
    }
}

static void render_kick(const oy_note *n, int64_t b, int64_t e, float *lr)
{
    const float kp = 0.035f, ka = 0.22f;
    float tau0 = (float)(b - n->on) / (float)FS;
    float ep = oy_expf(-tau0 / kp), sp = oy_expf(-1.0f / (kp * (float)FS));
    float ea = oy_expf(-tau0 / ka), sa = oy_expf(-1.0f / (ka * (float)FS));

    for (int64_t s = b; s < e; s++) {
        int64_t tau = s - n->on;
        /* the phase of a sweep from 158 Hz down to 48 Hz, integrated in closed form */
        double ph = 48.0 * tau / FS + 110.0 * kp * (1.0 - ep);
        float v = n->vel * attack_gain(tau, 48) * ea * oy_sine(ph);
        v *= release_gain(tau, 0, tails[OY_VOICE_KICK]);
        ep *= sp;
        ea *= sa;
        lr[2 * (s - b)] += 0.707f * v;
        lr[2 * (s - b) + 1] += 0.707f * v;
    }
}

static void render_hat(const oy_note *n, int64_t b, int64_t e, float *lr)
{
    float tau0 = (float)(b - n->on) / (float)FS, gl, gr;
    float ea = oy_expf(-tau0 / 0.03f), sa = oy_expf(-1.0f / (0.03f * (float)FS));
    float prev = oy_noise_lane(oy_hash(n->seed, OY_STREAM_MUSIC, (uint64_t)(b - n->on - 1), 2, 0), 0);

    oy_pan_gains(n->pan, &gl, &gr);
    for (int64_t s = b; s < e; s++) {
        int64_t tau = s - n->on;
        float x = oy_noise_lane(oy_hash(n->seed, OY_STREAM_MUSIC, (uint64_t)tau, 2, 0), 0);
        /* a first difference tilts white noise towards the highs */
        float v = n->vel * ea * (x - prev) * release_gain(tau, 0, tails[OY_VOICE_HAT]);
        v *= attack_gain(tau, 24);
        prev = x;
        ea *= sa;
        lr[2 * (s - b)] += gl * v;
        lr[2 * (s - b) + 1] += gr * v;
    }
}

#define STAB_PARTIALS 10

/* A brass-like stab: a sawtooth's partials whose upper ones die first,
 * as a closing filter would leave them, with a little breath at the
 * start. */
static void render_stab(const oy_note *n, int64_t b, int64_t e, float *lr)
{
    partials p = { .spread = 1, .attack = 240, .burst = 1440, .burst_amp = 0.08f, .salt = 3 };
    int64_t tau0 = b - n->on;

    for (int h = 0; h < STAB_PARTIALS && n->freq * (h + 1) < 9000.0f; h++, p.n++) {
        float d = 1.5f + (3.0f - 2.0f * n->bright) * (float)h;
        p.f[h] = n->freq * (h + 1) / FS;
        p.env[h] = n->vel / (float)(h + 1) * oy_expf(-d * (float)tau0 / (float)FS);
        p.step[h] = oy_expf(-d / (float)FS);
    }
    render_partials(n, &p, b, e, lr);
}

/* A crash cymbal: bright noise (a second difference of white noise) with a
 * few inharmonic metal partials, ringing down over two seconds. */
static void render_crash(const oy_note *n, int64_t b, int64_t e, float *lr)
{
    static const float ratio[4] = { 1.0f, 1.47f, 2.09f, 2.83f };
    float tau0 = (float)(b - n->on) / (float)FS, gl, gr;
    float ea = oy_expf(-tau0 / 0.55f), sa = oy_expf(-1.0f / (0.55f * (float)FS));
    uint64_t h1 = oy_hash(n->seed, OY_STREAM_MUSIC, (uint64_t)(b - n->on - 1), 4, 0);
    uint64_t h2 = oy_hash(n->seed, OY_STREAM_MUSIC, (uint64_t)(b - n->on - 2), 4, 0);
    float p1 = oy_noise_lane(h1, 0), p2 = oy_noise_lane(h2, 0);

    oy_pan_gains(n->pan, &gl, &gr);
    for (int64_t s = b; s < e; s++) {
        int64_t tau = s - n->on;
        float x = oy_noise_lane(oy_hash(n->seed, OY_STREAM_MUSIC, (uint64_t)tau, 4, 0), 0);
        float v = 0.5f * (x - 2.0f * p1 + p2), m = 0.0f;
        for (int k = 0; k < 4; k++)
            m += oy_sine(n->freq * ratio[k] / FS * tau + 0.3 * k);
        v = n->vel * ea * (v + 0.08f * m) * attack_gain(tau, 24) *
            release_gain(tau, 0, tails[OY_VOICE_CRASH]);
        p2 = p1;
        p1 = x;
        ea *= sa;
        lr[2 * (s - b)] += gl * v;
        lr[2 * (s - b) + 1] += gr * v;
    }
}

void oy_voice_render(const oy_note *n, int64_t s0, int count, float *lr)
{
    int64_t b = s0 > n->on ? s0 : n->on;
    int64_t e = s0 + count, end = n->on + n->len + tails[n->voice];
    static void (*const fns[OY_VOICE_COUNT])(const oy_note *, int64_t, int64_t, float *) = {
        render_pad, render_pluck, render_bell, render_bass, render_kick, render_hat,
        render_stab, render_crash
    };

    if (e > end)
        e = end;
    if (b >= e || n->voice < 0 || n->voice >= OY_VOICE_COUNT)
        return;
    fns[n->voice](n, b, e, lr + 2 * (b - s0));
}
