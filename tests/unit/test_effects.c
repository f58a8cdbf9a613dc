/*
 * test_effects.c - the sound effects by numbers: names and aliases, the
 * lengths of lasting kinds and of thunder, every kind a finite, audible
 * sound peaking at 0.5 that starts on its first sample, the same for the
 * same parameters and different for another seed, written only within
 * its length; near thunder brighter and shorter than far, a bell's
 * partials in its ratios, an explosion's weight in the lows, grounds and
 * distance colouring the sound; loops silent at rest, pure functions of
 * time, an engine's pitch and a horse's cadence rising with speed.
 */
#include <complex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio/audio.h"
#include "check.h"

#define FS OY_SAMPLE_RATE

/* ---- signal measures ---- */

/* Radix-2 FFT by recursive halving: out[0 .. n) is the DFT of x[0],
 * x[s], x[2s], ... (n a power of two). */
static void dft(const double complex *x, double complex *out, int n, int s)
{
    if (n == 1) {
        out[0] = x[0];
        return;
    }
    dft(x, out, n / 2, 2 * s);
    dft(x + s, out + n / 2, n / 2, 2 * s);
    for (int k = 0; k < n / 2; k++) {
        double a = -2.0 * OY_PI * k / n;
        double complex e = out[k], o = out[k + n / 2] * (oy_cos(a) + I * oy_sin(a));
        out[k] = e + o;
        out[k + n / 2] = e - o;
    }
}

/* Power spectrum of x[0 .. n) summed over Hann-windowed frames of N
 * samples (no overlap; a short signal is one zero-padded frame) into
 * p[0 .. N/2). */
static void power(const float *x, int64_t n, int N, double *p)
{
    double complex *in = malloc(sizeof(*in) * (size_t)N), *out = malloc(sizeof(*out) * (size_t)N);
    memset(p, 0, sizeof(double) * (size_t)(N / 2));
    for (int64_t f = 0; f == 0 || f + N <= n; f += N) {
        for (int i = 0; i < N; i++)
            in[i] = f + i < n ? x[f + i] * (0.5 - 0.5 * oy_cos(2.0 * OY_PI * i / N)) : 0.0;
        dft(in, out, N, 1);
        for (int k = 0; k < N / 2; k++)
            p[k] += creal(out[k]) * creal(out[k]) + cimag(out[k]) * cimag(out[k]);
    }
    free(in);
    free(out);
}

static double band(const double *p, int N, double lo, double hi)
{
    double e = 0.0;
    for (int k = 1; k < N / 2; k++) {
        double hz = (double)k * FS / N;
        if (hz >= lo && hz < hi)
            e += p[k];
    }
    return e;
}

/* Geometric over arithmetic mean of the power in [lo, hi): near 0 for a
 * few tones, about 0.56 for white noise. */
static double flatness(const double *p, int N, double lo, double hi)
{
    double lg = 0.0, ar = 0.0;
    int m = 0;
    for (int k = 1; k < N / 2; k++) {
        double hz = (double)k * FS / N;
        if (hz >= lo && hz < hi) {
            lg += log(p[k] + 1e-30);
            ar += p[k];
            m++;
        }
    }
    return m ? exp(lg / m) / (ar / m) : 1.0;
}

/* Energy above hz over energy below it, from frames of 4096. */
static double brightness(const float *x, int64_t n, double hz)
{
    static double p[2048];
    power(x, n, 4096, p);
    return band(p, 4096, hz, FS / 2.0) / band(p, 4096, 0.0, hz);
}

static float peak_of(const float *x, int64_t n)
{
    float m = 0.0f;
    for (int64_t i = 0; i < n; i++)
        m = fmaxf(m, fabsf(x[i]));
    return m;
}

static double rms_of(const float *x, int64_t n)
{
    double e = 0.0;
    for (int64_t i = 0; i < n; i++)
        e += (double)x[i] * x[i];
    return n ? sqrt(e / (double)n) : 0.0;
}

/* The first sample above a share of the peak. */
static int64_t onset_of(const float *x, int64_t n, float share)
{
    float th = share * peak_of(x, n);
    for (int64_t i = 0; i < n; i++)
        if (fabsf(x[i]) > th)
            return i;
    return n;
}

/* Rising edges of the 5 ms envelope through 35 % of its peak (re-armed
 * under 15 %): how many separate hits a signal has. */
static int hits_of(const float *x, int64_t n)
{
    float pk = peak_of(x, n);
    int count = 0, armed = 1;
    for (int64_t f = 0; f + 240 <= n; f += 240) {
        float e = peak_of(x + f, 240);
        if (armed && e > 0.35f * pk) {
            count++;
            armed = 0;
        } else if (e < 0.15f * pk) {
            armed = 1;
        }
    }
    return count;
}

/* The level of x as it moves (|x| smoothed over ~5 ms, less its mean),
 * in place: what a thumping or galloping rhythm shows in. */
static void envelope(float *x, int n)
{
    double e = 0.0, mean = 0.0;
    for (int i = 0; i < n; i++) {
        e += (fabs(x[i]) - e) * (1.0 / 240.0);
        x[i] = (float)e;
        mean += e;
    }
    for (int i = 0; i < n; i++)
        x[i] -= (float)(mean / n);
}

/* The frequency in [lo, hi) Hz (0.5 Hz steps) with the most power, by
 * Goertzel over x[0 .. n). */
static double dominant(const float *x, int n, double lo, double hi)
{
    double best = lo, bestp = -1.0;
    for (double f = lo; f < hi; f += 0.5) {
        double c = 2.0 * oy_cos(2.0 * OY_PI * f / FS), s1 = 0.0, s2 = 0.0, pw;
        for (int i = 0; i < n; i++) {
            double s0 = x[i] + c * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        pw = s1 * s1 + s2 * s2 - c * s1 * s2;
        if (pw > bestp) {
            bestp = pw;
            best = f;
        }
    }
    return best;
}

/* Render a kind into a fresh buffer with guard values after its end;
 * *guard_ok tells whether they survived. */
#define GUARD 64
static float *render(int kind, const oy_sfx_params *p, int64_t *n, int *guard_ok)
{
    float *x;
    *n = oy_sfx_length(kind, p);
    x = malloc(sizeof(float) * (size_t)(*n + GUARD));
    for (int64_t i = 0; i < *n + GUARD; i++)
        x[i] = 12345.0f;
    oy_sfx_render(kind, p, x);
    if (guard_ok) {
        *guard_ok = 1;
        for (int64_t i = *n; i < *n + GUARD; i++)
            *guard_ok &= x[i] == 12345.0f;
    }
    return x;
}

/* ---- tests ---- */

static void test_find(void)
{
    static const struct { const char *name; int kind; } cases[] = {
        { "thunder", OY_SFX_THUNDER }, { "Thunder", OY_SFX_THUNDER }, { "blast", OY_SFX_EXPLOSION },
        { "BOOM", OY_SFX_EXPLOSION }, { "gun", OY_SFX_GUNSHOT }, { "shot", OY_SFX_GUNSHOT },
        { "pass-by", OY_SFX_WHOOSH }, { "Passby", OY_SFX_WHOOSH }, { "pass by", OY_SFX_WHOOSH },
        { "swoosh", OY_SFX_WHOOSH }, { "crash", OY_SFX_IMPACT }, { "thud", OY_SFX_IMPACT },
        { "hooves", OY_SFX_HOOFBEATS }, { "gallop", OY_SFX_HOOFBEATS }, { "crowd murmur", OY_SFX_CROWD },
        { "chatter", OY_SFX_CROWD }, { "wind gust", OY_SFX_GUST }, { "car horn", OY_SFX_HORN },
        { "steps", OY_SFX_FOOTSTEPS }, { "footstep", OY_SFX_FOOTSTEPS }, { "Yell", OY_SFX_SHOUT },
        { "cry", OY_SFX_SHOUT }, { "church bell", OY_SFX_BELL },
        { "kazoo", -1 }, { "", -1 }, { "-", -1 }, { "thunde", -1 }, { "thunders", -1 }, { "gun shot", OY_SFX_GUNSHOT },
    };
    int ok = 1;

    CHECK_GROUP("find");
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        CHECK(oy_sfx_find(cases[i].name) == cases[i].kind, "\"%s\" is kind %d (%d)", cases[i].name,
              cases[i].kind, oy_sfx_find(cases[i].name));
    CHECK(oy_sfx_find(NULL) == -1, "no name is no kind");
    /* every name and alias of the table finds its own kind */
    for (int k = 0; k < OY_SFX_COUNT; k++) {
        char words[256], *w, *save = NULL;
        ok &= oy_sfx_find(oy_sfx_table[k].name) == k;
        snprintf(words, sizeof(words), "%s", oy_sfx_table[k].aliases);
        for (w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save))
            ok &= oy_sfx_find(w) == k;
    }
    CHECK(ok, "every name and alias in the table finds its kind");
}

static void test_table(void)
{
    static const int lasting[] = { OY_SFX_ENGINE, OY_SFX_HOOFBEATS, OY_SFX_CROWD, OY_SFX_GUST, OY_SFX_FOOTSTEPS };
    int ok = 1, nlast = 0;

    CHECK_GROUP("table");
    for (int k = 0; k < OY_SFX_COUNT; k++) {
        const oy_sfx_info *s = &oy_sfx_table[k];
        ok &= s->name && *s->name && s->aliases && s->about && strlen(s->about) > 10;
        ok &= s->length > 0.0f && s->length <= 30.0f;
        nlast += s->lasting;
    }
    CHECK(ok, "every kind has a name, a line about it and a default length");
    for (size_t i = 0; i < sizeof(lasting) / sizeof(lasting[0]); i++)
        ok &= oy_sfx_table[lasting[i]].lasting;
    CHECK(ok && nlast == 5, "engine, hoofbeats, crowd, gust and footsteps are lasting, no others (%d)", nlast);
}

static void test_lengths(void)
{
    oy_sfx_params p = { 1, 0.0f, 2.5f, OY_GROUND_DIRT };
    int64_t near, far;

    CHECK_GROUP("lengths");
    CHECK(oy_sfx_length(OY_SFX_CROWD, &p) == (int64_t)(2.5 * FS), "a lasting kind lasts `over:` (%lld)",
          (long long)oy_sfx_length(OY_SFX_CROWD, &p));
    CHECK(oy_sfx_length(OY_SFX_BELL, &p) == (int64_t)(oy_sfx_table[OY_SFX_BELL].length * FS),
          "a one-shot ignores it");
    p.length = 100.0f;
    CHECK(oy_sfx_length(OY_SFX_FOOTSTEPS, &p) == 30 * FS, "at most 30 s");
    p.length = 0.001f;
    CHECK(oy_sfx_length(OY_SFX_GUST, &p) == FS / 10, "at least 0.1 s");
    p.length = 0.0f;
    CHECK(oy_sfx_length(OY_SFX_ENGINE, &p) == (int64_t)(oy_sfx_table[OY_SFX_ENGINE].length * FS),
          "0 is the default");
    CHECK(oy_sfx_length(OY_SFX_ENGINE, NULL) == oy_sfx_length(OY_SFX_ENGINE, &p), "no parameters are the defaults");
    CHECK(oy_sfx_length(-1, &p) == 0 && oy_sfx_length(OY_SFX_COUNT, &p) == 0, "no kind, no samples");
    p.distance = 200.0f;
    near = oy_sfx_length(OY_SFX_THUNDER, &p);
    p.distance = 5000.0f;
    far = oy_sfx_length(OY_SFX_THUNDER, &p);
    p.distance = 1e9f;
    CHECK(near >= 3 * FS && near <= 4 * FS && far > near + FS && oy_sfx_length(OY_SFX_THUNDER, &p) <= 30 * FS,
          "thunder rolls 3-4 s near, longer far (%.2f s, %.2f s)", (double)near / FS, (double)far / FS);
}

/* Every kind: finite, audible, peaking near 0.5, written only within its
 * length, the same twice, different with another seed. */
static void test_render(void)
{
    CHECK_GROUP("render");
    oy_synth_init();
    for (int k = 0; k < OY_SFX_COUNT; k++) {
        oy_sfx_params p = { 1, 0.0f, 0.0f, OY_GROUND_GRAVEL }, q = p;
        int64_t n, n2, n3, bad = 0;
        int guard, guard2;
        float *x = render(k, &p, &n, &guard), *y = render(k, &p, &n2, &guard2), *z, pk;
        double rms;

        q.seed = 2;
        z = render(k, &q, &n3, NULL);
        for (int64_t i = 0; i < n; i++)
            bad += !isfinite(x[i]);
        pk = peak_of(x, n);
        rms = rms_of(x, n);
        CHECK(bad == 0, "%s: every sample finite", oy_sfx_table[k].name);
        CHECK(pk >= 0.1f && pk <= 1.0f && fabsf(pk - 0.5f) < 0.05f, "%s: peaks at %.3f", oy_sfx_table[k].name, pk);
        CHECK(rms > 0.01, "%s: audible (rms %.4f)", oy_sfx_table[k].name, rms);
        CHECK(guard && guard2, "%s: writes its %lld samples and no more", oy_sfx_table[k].name, (long long)n);
        CHECK(n == n2 && !memcmp(x, y, sizeof(float) * (size_t)n), "%s: the same parameters give the same samples",
              oy_sfx_table[k].name);
        CHECK(n3 == n && memcmp(x, z, sizeof(float) * (size_t)n), "%s: another seed gives another sound",
              oy_sfx_table[k].name);
        free(x);
        free(y);
        free(z);
    }
}

/* The mixer places sample 0 at the sound's arrival, so a sound must start
 * there: within 5 ms it passes 10 % of its peak; the whoosh, the crowd
 * and the gust swell, but are heard (1 % of the peak) as soon. */
static void test_onset(void)
{
    static const float distances[] = { 0.0f, 200.0f, 1500.0f, 5000.0f, 12000.0f };
    CHECK_GROUP("onset");
    for (int k = 0; k < OY_SFX_COUNT; k++) {
        int swells = k == OY_SFX_WHOOSH || k == OY_SFX_CROWD || k == OY_SFX_GUST;
        int64_t worst = 0;
        for (int s = 0; s < 5; s++) {
            oy_sfx_params p = { (uint64_t)s + 10, k == OY_SFX_THUNDER ? distances[s] : 0.0f, 0.0f,
                                s % OY_GROUND_COUNT };
            int64_t n, at;
            float *x = render(k, &p, &n, NULL);
            at = onset_of(x, n, swells ? 0.01f : 0.1f);
            worst = at > worst ? at : worst;
            free(x);
        }
        CHECK(worst <= 240, "%s: starts on its first sample (%d%% of the peak by sample %lld)",
              oy_sfx_table[k].name, swells ? 1 : 10, (long long)worst);
    }
}

static void test_thunder(void)
{
    oy_sfx_params p = { 3, 200.0f, 0.0f, 0 };
    static double pw[2048];
    int64_t nn, nf;
    float *xn = render(OY_SFX_THUNDER, &p, &nn, NULL), *xf;
    double rn, rf;

    CHECK_GROUP("thunder");
    p.distance = 5000.0f;
    xf = render(OY_SFX_THUNDER, &p, &nf, NULL);
    power(xn, nn, 4096, pw);
    rn = band(pw, 4096, 2000.0, 24000.0) / band(pw, 4096, 0.0, 200.0);
    power(xf, nf, 4096, pw);
    rf = band(pw, 4096, 2000.0, 24000.0) / band(pw, 4096, 0.0, 200.0);
    CHECK(rn > 100.0 * rf, "a near strike is brighter than a far one (highs/lows %.3g vs %.3g)", rn, rf);
    CHECK(rf < 1e-3, "a far strike is a dull rumble (highs/lows %.3g)", rf);
    CHECK(nf > nn, "a far strike rolls longer (%.2f s vs %.2f s)", (double)nf / FS, (double)nn / FS);
    {
        /* the crack: the first 40 ms of the near strike are brighter than
         * the rest of it */
        double first = brightness(xn, FS / 25, 2000.0), rest = brightness(xn + FS / 2, nn - FS / 2, 2000.0);
        CHECK(first > 2.0 * rest, "a near strike cracks first (highs/lows %.2f then %.2f)", first, rest);
    }
    {
        /* it rolls: the level in 100 ms frames rises again after falling */
        int rises = 0;
        double prev = rms_of(xf, FS / 10);
        for (int64_t f = FS / 10; f + FS / 10 <= nf; f += FS / 10) {
            double r = rms_of(xf + f, FS / 10);
            rises += r > 1.4 * prev;
            prev = r;
        }
        CHECK(rises >= 2, "far thunder rolls (%d swells)", rises);
    }
    free(xn);
    free(xf);
}

/* A bell: its five strongest partials stand in the ratios of a church
 * bell (0.5, 1, 1.2, 1.5, 2, 2.5, 3 times a fundamental in 300-500 Hz),
 * its spectrum is tonal, and it still rings seconds later. */
static void test_bell(void)
{
    static const double ratios[] = { 0.5, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0 };
    static double pw[32768];
    oy_sfx_params p = { 5, 0.0f, 0.0f, 0 };
    int64_t n;
    float *x = render(OY_SFX_BELL, &p, &n, NULL), *noise = malloc(sizeof(float) * FS);
    double peaks[5], found = 0.0, fb, fn;

    CHECK_GROUP("bell");
    power(x, n, 65536, pw);
    for (int q = 0; q < 5; q++) {
        int best = 1;
        for (int k = 2; k < 32768; k++)
            if (pw[k] > pw[best])
                best = k;
        peaks[q] = (double)best * FS / 65536;
        for (int k = best - 12; k <= best + 12; k++)
            if (k > 0 && k < 32768)
                pw[k] = 0.0;
    }
    for (double f = 300.0; f <= 500.0 && found == 0.0; f += 0.1) {
        int all = 1;
        for (int q = 0; q < 5; q++) {
            int any = 0;
            for (size_t r = 0; r < sizeof(ratios) / sizeof(ratios[0]); r++)
                any |= fabs(peaks[q] - ratios[r] * f) < 0.01 * ratios[r] * f;
            all &= any;
        }
        if (all)
            found = f;
    }
    CHECK(found > 0.0, "the strongest partials (%.0f %.0f %.0f %.0f %.0f Hz) are a bell's over %.1f Hz",
          peaks[0], peaks[1], peaks[2], peaks[3], peaks[4], found);

    power(x + FS / 2, FS, 32768, pw);
    fb = flatness(pw, 32768, 100.0, 4000.0);
    for (int i = 0; i < FS; i++)
        noise[i] = oy_noise_lane(oy_hash(1, 2, (uint64_t)i, 3, 4), 0);
    power(noise, FS, 32768, pw);
    fn = flatness(pw, 32768, 100.0, 4000.0);
    CHECK(fb < 0.05 && fb < fn / 10.0, "tonal: spectral flatness %.4f (white noise %.3f)", fb, fn);
    {
        double start = rms_of(x, FS), later = rms_of(x + 4 * FS, FS);
        CHECK(later > 0.03 * start, "still ringing after 4 s (%.1f dB)", 20.0 * log10(later / start));
    }
    free(x);
    free(noise);
}

static void test_colour(void)
{
    static double pw[2048];
    oy_sfx_params p = { 4, 0.0f, 0.0f, OY_GROUND_GRAVEL };
    int64_t n;
    float *x = render(OY_SFX_EXPLOSION, &p, &n, NULL);
    double lo, hi, a, b;

    CHECK_GROUP("colour");
    power(x, n, 4096, pw);
    lo = band(pw, 4096, 0.0, 150.0);
    hi = band(pw, 4096, 3000.0, 24000.0);
    CHECK(lo > 3.0 * hi, "an explosion's energy is in the lows (below 150 Hz %.3g, above 3 kHz %.3g)", lo, hi);
    free(x);

    x = render(OY_SFX_FOOTSTEPS, &p, &n, NULL);
    a = brightness(x, n, 2000.0);
    free(x);
    p.ground = OY_GROUND_DIRT;
    x = render(OY_SFX_FOOTSTEPS, &p, &n, NULL);
    b = brightness(x, n, 2000.0);
    free(x);
    CHECK(a > 2.0 * b, "steps on gravel are brighter than on dirt (highs/lows at 2 kHz %.2f vs %.2f)", a, b);

    x = render(OY_SFX_GUNSHOT, &p, &n, NULL);
    a = brightness(x, n, 4000.0);
    free(x);
    p.distance = 3000.0f;
    x = render(OY_SFX_GUNSHOT, &p, &n, NULL);
    b = brightness(x, n, 4000.0);
    free(x);
    CHECK(b < 0.1 * a, "far away a gunshot loses its highs (highs/lows at 4 kHz %.4f vs %.4f)", b, a);

    p.distance = 0.0f;
    x = render(OY_SFX_GUNSHOT, &p, &n, NULL);
    CHECK(onset_of(x, n, 0.5f) < 240 && rms_of(x + FS / 4, FS / 4) < 0.1 * rms_of(x, FS / 20),
          "a gunshot is a crack with a short tail");
    free(x);
}

/* ---- loops ---- */

static const float full_speed[OY_LOOP_COUNT] = { 30.0f, 10.0f, 6.0f, 14.0f };

static void loop_into(int kind, uint64_t seed, double t0, float speed, float *x, int n)
{
    for (int i = 0; i < n; i++)
        x[i] = oy_sfx_loop(kind, seed, t0 + (double)i / FS, speed);
}

static void test_loops(void)
{
    int n = 2 * FS;
    float *a = malloc(sizeof(float) * (size_t)n), *b = malloc(sizeof(float) * (size_t)n);

    CHECK_GROUP("loops");
    for (int k = 0; k < OY_LOOP_COUNT; k++) {
        int still = 1, same = 1, bad = 0;
        float pk;
        for (int i = 0; i < 1000; i++) {
            double t = i * 0.0137;
            still &= oy_sfx_loop(k, 3, t, 0.0f) == 0.0f && oy_sfx_loop(k, 3, t, -2.0f) == 0.0f &&
                     oy_sfx_loop(k, 3, t, NAN) == 0.0f;
        }
        CHECK(still, "loop %d: silent at rest", k);
        /* any order: backwards, at fractional times, with other loops read in between */
        for (int i = 0; i < n; i++)
            a[i] = oy_sfx_loop(k, 3, 7.25 + i * 0.731 / FS, full_speed[k]);
        for (int i = n - 1; i >= 0; i--) {
            b[i] = oy_sfx_loop(k, 3, 7.25 + i * 0.731 / FS, full_speed[k]);
            (void)oy_sfx_loop((k + 1) % OY_LOOP_COUNT, 9, 100.0 - i * 0.001, 3.0f);
            same &= oy_sfx_loop(k, 3, 7.25 + i * 0.731 / FS, full_speed[k]) == b[i];
        }
        CHECK(same && !memcmp(a, b, sizeof(float) * (size_t)n),
              "loop %d: a pure function of time, read in any order", k);
        loop_into(k, 3, 40.0, full_speed[k], a, n);
        for (int i = 0; i < n; i++)
            bad += !isfinite(a[i]);
        pk = peak_of(a, n);
        CHECK(bad == 0 && pk > 0.15f && pk < 0.5f, "loop %d: about 0.3 peak at full speed (%.3f)", k, pk);
        loop_into(k, 4, 40.0, full_speed[k], b, n);
        CHECK(memcmp(a, b, sizeof(float) * (size_t)n), "loop %d: another seed, another sound", k);
        CHECK(oy_sfx_loop(k, 3, 1e300, 5.0f) == 0.0f && oy_sfx_loop(k, 3, -1e12, 5.0f) == 0.0f &&
              isfinite(oy_sfx_loop(k, 3, -3.5, 5.0f)), "loop %d: times out of range are silent", k);
    }
    CHECK(oy_sfx_loop(OY_LOOP_COUNT, 3, 1.0, 5.0f) == 0.0f && oy_sfx_loop(-1, 3, 1.0, 5.0f) == 0.0f,
          "no loop kind, no sound");

    {
        double slow, fast;
        loop_into(OY_LOOP_ENGINE, 3, 2.0, 5.0f, a, FS);
        slow = dominant(a, FS, 10.0, 200.0);
        loop_into(OY_LOOP_ENGINE, 3, 2.0, 25.0f, a, FS);
        fast = dominant(a, FS, 10.0, 200.0);
        CHECK(slow >= 20.0 && slow < 60.0 && fast > 1.4 * slow,
              "an engine revs with speed (%.1f Hz at 5 m/s, %.1f Hz at 25 m/s)", slow, fast);
        loop_into(OY_LOOP_MOTOR, 3, 2.0, 2.0f, a, FS);
        envelope(a, FS);
        slow = dominant(a, FS, 4.0, 30.0);
        loop_into(OY_LOOP_MOTOR, 3, 2.0, 10.0f, a, FS);
        envelope(a, FS);
        fast = dominant(a, FS, 4.0, 30.0);
        CHECK(slow >= 8.0 && fast <= 15.5 && fast > slow,
              "a boat's diesel thumps faster with speed (%.1f, %.1f a second)", slow, fast);
    }
    {
        float *x = malloc(sizeof(float) * 10 * FS);
        int walk, gallop;
        loop_into(OY_LOOP_HOOVES, 3, 0.0, 1.5f, x, 10 * FS);
        walk = hits_of(x, 10 * FS);
        loop_into(OY_LOOP_HOOVES, 3, 0.0, 12.0f, x, 10 * FS);
        gallop = hits_of(x, 10 * FS);
        CHECK(walk >= 25 && walk <= 45 && gallop > 1.5 * walk, "hooves: a walk lands %d hoofs in 10 s, a gallop %d",
              walk, gallop);
        free(x);
    }
    free(a);
    free(b);
}

int main(void)
{
    test_find();
    test_table();
    test_lengths();
    test_render();
    test_onset();
    test_thunder();
    test_bell();
    test_colour();
    test_loops();
    return CHECK_DONE();
}
