/*
 * test_audio.c - the audio decoder by numbers: the R128 meter and true-peak
 * estimate on known signals, the limiter's ceiling, loudness and true peak
 * of a rendered shot, any range equal to the same range of a full render,
 * a beat changing the music within one bar, a storm louder in the highs
 * than a calm shot, thunder arriving distance / 343 m/s after each flash,
 * birds by day and insects at night. OY_AUDIO_WAV=FILE also writes a
 * 60-second shot as a WAV file for listening and spectrograms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "audio_shot.h"

static char *yaml_of(const char *world, const char *duration, const char *directives)
{
    static char buf[4096];
    snprintf(buf, sizeof(buf),
             "oyster: 1\nseed: 11\noutput: {size: 480p, fps: 24, duration: %s}\n"
             "world:\n%s\n"
             "camera:\n  path:\n    - {at: 0s, pos: [0, 10, 0], look_at: [0, 5, 100]}\n"
             "    - {at: 60s, pos: [30, 10, 60], look_at: [30, 5, 160]}\n"
             "%s\n", duration, world, directives);
    return buf;
}

/* ---- signal measures ---- */

/* Energy in [lo, hi) Hz of the mono sum of lr[0 .. n), by DFT over frames
 * of 2048 samples with a Hann window (hop 2048). */
static void fft(double *re, double *im, int n)
{
    for (int i = 1, j = 0; i < n; i++) {
        int bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j) {
            double t = re[i]; re[i] = re[j]; re[j] = t;
            t = im[i]; im[i] = im[j]; im[j] = t;
        }
    }
    for (int len = 2; len <= n; len <<= 1) {
        double a = -2.0 * OY_PI / len;
        for (int i = 0; i < n; i += len)
            for (int k = 0; k < len / 2; k++) {
                double wr = oy_cos(a * k), wi = oy_sin(a * k);
                double xr = re[i + k + len / 2] * wr - im[i + k + len / 2] * wi;
                double xi = re[i + k + len / 2] * wi + im[i + k + len / 2] * wr;
                re[i + k + len / 2] = re[i + k] - xr;
                im[i + k + len / 2] = im[i + k] - xi;
                re[i + k] += xr;
                im[i + k] += xi;
            }
    }
}

#define NFFT 2048
#define NBANDS 24

/* Power spectrum summed over frames into log-spaced bands 50 Hz .. 20 kHz. */
static void bands(const float *lr, int64_t n, double *band)
{
    static double re[NFFT], im[NFFT];
    memset(band, 0, sizeof(double) * NBANDS);
    for (int64_t f = 0; f + NFFT <= n; f += NFFT) {
        for (int i = 0; i < NFFT; i++) {
            double w = 0.5 - 0.5 * oy_cos(2.0 * OY_PI * i / NFFT);
            re[i] = w * (lr[2 * (f + i)] + lr[2 * (f + i) + 1]);
            im[i] = 0.0;
        }
        fft(re, im, NFFT);
        for (int k = 1; k < NFFT / 2; k++) {
            double hz = (double)k * FS / NFFT;
            int b = (int)(NBANDS * log(hz / 50.0) / log(20000.0 / 50.0));
            if (b >= 0 && b < NBANDS)
                band[b] += re[k] * re[k] + im[k] * im[k];
        }
    }
}

static double band_energy(const float *lr, int64_t n, double lo, double hi)
{
    static double re[NFFT], im[NFFT];
    double e = 0.0;
    for (int64_t f = 0; f + NFFT <= n; f += NFFT) {
        for (int i = 0; i < NFFT; i++) {
            double w = 0.5 - 0.5 * oy_cos(2.0 * OY_PI * i / NFFT);
            re[i] = w * (lr[2 * (f + i)] + lr[2 * (f + i) + 1]);
            im[i] = 0.0;
        }
        fft(re, im, NFFT);
        for (int k = 1; k < NFFT / 2; k++) {
            double hz = (double)k * FS / NFFT;
            if (hz >= lo && hz < hi)
                e += re[k] * re[k] + im[k] * im[k];
        }
    }
    return e;
}

static double total_energy(const float *lr, int64_t n)
{
    double e = 0.0;
    for (int64_t i = 0; i < 2 * n; i++)
        e += (double)lr[i] * lr[i];
    return e;
}

/* Distance between two spectral shapes (band shares, in dB, averaged). */
static double spectral_distance(const double *a, const double *b)
{
    double ta = 0.0, tb = 0.0, d = 0.0;
    int n = 0;
    for (int i = 0; i < NBANDS; i++)
        ta += a[i], tb += b[i];
    for (int i = 0; i < NBANDS; i++) {
        double x = a[i] / ta, y = b[i] / tb;
        if (x < 1e-7 && y < 1e-7)
            continue;
        d += fabs(10.0 * log10((x + 1e-9) / (y + 1e-9)));
        n++;
    }
    return n ? d / n : 0.0;
}

static void write_wav(const char *path, const float *lr, int64_t n)
{
    FILE *f = fopen(path, "wb");
    uint32_t bytes = (uint32_t)(n * 4), v32;
    uint16_t v16;
    if (!f)
        return;
    fwrite("RIFF", 1, 4, f);
    v32 = 36 + bytes; fwrite(&v32, 4, 1, f);
    fwrite("WAVEfmt ", 1, 8, f);
    v32 = 16; fwrite(&v32, 4, 1, f);
    v16 = 1; fwrite(&v16, 2, 1, f);
    v16 = 2; fwrite(&v16, 2, 1, f);
    v32 = FS; fwrite(&v32, 4, 1, f);
    v32 = FS * 4; fwrite(&v32, 4, 1, f);
    v16 = 4; fwrite(&v16, 2, 1, f);
    v16 = 16; fwrite(&v16, 2, 1, f);
    fwrite("data", 1, 4, f);
    fwrite(&bytes, 4, 1, f);
    for (int64_t i = 0; i < 2 * n; i++) {
        float x = oy_clampf(lr[i], -1.0f, 1.0f) * 32767.0f;
        int16_t s = (int16_t)(x < 0 ? x - 0.5f : x + 0.5f);
        fwrite(&s, 2, 1, f);
    }
    fclose(f);
}

/* ---- unit parts ---- */

static void test_meter(void)
{
    int n = FS * 6;
    float *x = calloc((size_t)n * 2, sizeof(float));
    oy_r128 m;
    double l;

    CHECK_GROUP("meter");
    for (int i = 0; i < n; i++)
        x[2 * i] = x[2 * i + 1] = 0.1f * oy_sinf((float)(2.0 * OY_PI * 997.0 * i / FS));
    oy_r128_init(&m);
    oy_r128_add(&m, x, n);
    l = oy_r128_integrated(&m);
    CHECK(fabs(l - -20.0) < 0.15, "997 Hz at -20 dBFS in both channels reads -20 LUFS (%.2f)", l);
    /* silence is gated out */
    memset(x, 0, sizeof(float) * (size_t)n);
    oy_r128_add(&m, x, n / 2);
    /* only the three blocks across the edge count: 10 log10(61.5 / 63) */
    CHECK(fabs(oy_r128_integrated(&m) - (l - 0.105)) < 0.03, "silence does not lower the integrated loudness (%.2f)",
          oy_r128_integrated(&m));
    /* a quiet passage below the relative gate is gated out too */
    for (int i = 0; i < n; i++)
        x[2 * i] = x[2 * i + 1] = 0.01f * oy_sinf((float)(2.0 * OY_PI * 997.0 * i / FS));
    oy_r128_add(&m, x, n);
    CHECK(fabs(oy_r128_integrated(&m) - l) < 0.25, "a passage 20 dB down is gated (%.2f)",
          oy_r128_integrated(&m));

    /* 12 kHz at 45 degrees: samples reach 0.707, the waveform 1.0 */
    for (int i = 0; i < n; i++)
        x[2 * i] = x[2 * i + 1] = oy_sinf((float)(2.0 * OY_PI * (i / 4.0 + 0.125)));
    oy_r128_init(&m);
    oy_r128_add(&m, x, FS);
    CHECK(fabs(oy_r128_true_peak_db(&m)) < 0.3, "true peak of a 12 kHz sine with sample peaks at -3 dB is 0 dBTP (%.2f)",
          oy_r128_true_peak_db(&m));
    free(x);
}

static void test_limiter(void)
{
    int lead = 4800, n = 19200, total = lead + n + OY_LIMITER_TAIL;
    float *x = calloc((size_t)total * 2, sizeof(float)), *y = calloc((size_t)n * 2, sizeof(float));
    oy_r128 m;

    CHECK_GROUP("limiter");
    for (int i = 0; i < total; i++) {
        float burst = (i / 4800) % 4 == 2 ? 3.0f : 0.3f;
        x[2 * i] = burst * oy_sinf((float)(2.0 * OY_PI * 11000.0 * i / FS));
        x[2 * i + 1] = burst * 0.7f * oy_sinf((float)(2.0 * OY_PI * 230.0 * i / FS));
    }
    CHECK(oy_limit(x, lead, n, 0.8414f, y) == 0, "limits");
    oy_r128_init(&m);
    oy_r128_add(&m, y, n);
    CHECK(oy_r128_true_peak_db(&m) <= -1.0, "bursts 10 dB over are held under -1 dBTP (%.2f dBTP)",
          oy_r128_true_peak_db(&m));
    /* quiet parts before the first burst pass unchanged */
    CHECK(fabsf(y[2 * 100] - x[2 * (lead + 100)]) < 1e-6f, "quiet signal passes untouched");
    free(x);
    free(y);
}

static void test_voices(void)
{
    oy_note n = { OY_VOICE_PLUCK, 100, 30000, 440.0f, 0.3f, 0.0f, 0.5f, 7 };
    float *whole = calloc(2 * 48000, sizeof(float)), *parts = calloc(2 * 48000, sizeof(float));
    double at, off;

    CHECK_GROUP("voices");
    oy_synth_init();
    for (int v = 0; v < OY_VOICE_COUNT; v++) {
        n.voice = v;
        memset(whole, 0, 2 * 48000 * sizeof(float));
        memset(parts, 0, 2 * 48000 * sizeof(float));
        oy_voice_render(&n, 0, 48000, whole);
        for (int c = 0; c < 10; c++)
            oy_voice_render(&n, c * 4800, 4800, parts + c * 2 * 4800);
        {
            double d = 0.0;
            for (int i = 0; i < 2 * 48000; i++)
                d = fmax(d, fabs(whole[i] - parts[i]));
            CHECK(d < 5e-4, "voice %d rendered by chunks matches one span (max diff %.2g)", v, d);
        }
    }
    n.voice = OY_VOICE_PLUCK;
    memset(whole, 0, 2 * 48000 * sizeof(float));
    oy_voice_render(&n, 0, 48000, whole);
    at = band_energy(whole, 24000, 420, 460);
    off = band_energy(whole, 24000, 600, 800);
    CHECK(at > 100.0 * off, "a 440 Hz pluck has its energy at 440 Hz (%.3g vs %.3g)", at, off);
    CHECK(whole[2 * 99] == 0.0f && whole[2 * 101] != 0.0f, "a note starts at its onset sample");
    free(whole);
    free(parts);
}

/* ---- shots ---- */

static const char *calm_world = "  time: \"10:00\"\n  weather: {cloud: 0.1, wind: 0.1}";

static void test_ranges(void)
{
    shot p;
    int64_t n = 20 * FS, first = 7 * FS + 12345;
    float *full, *piece, *mus, *amb;
    int same = 1, ok = 1;

    CHECK_GROUP("ranges");
    if (shot_open(&p, yaml_of(calm_world, "20s", "directives:\n  - {at: 5s, beat: Arrival}\n")) < 0) {
        CHECK(0, "shot opens");
        return;
    }
    full = calloc((size_t)n * 2, sizeof(float));
    piece = calloc((size_t)n * 2, sizeof(float));
    mus = calloc((size_t)n * 2, sizeof(float));
    amb = calloc((size_t)n * 2, sizeof(float));
    ok &= oy_audio_render(p.a, 0, (int)n, full, (float *const[OY_BUS_COUNT]){ mus, amb, NULL }) == 0;
    {
        /* music + ambience is the mix before limiting: the limiter only ever
         * lowers the gain, and leaves most of a calm shot untouched */
        int64_t equal = 0, louder = 0;
        for (int64_t i = 0; i < 2 * n; i++) {
            float sum = mus[i] + amb[i];
            if (fabsf(full[i] - sum) < 1e-4f)
                equal++;
            if (fabsf(full[i]) > fabsf(sum) + 1e-4f)
                louder++;
        }
        CHECK(louder == 0, "the mix is never louder than music + ambience (%lld samples)", (long long)louder);
        CHECK(equal > n, "music + ambience equals the mix where nothing is limited (%.1f%% of samples)",
              50.0 * (double)equal / (double)n);
    }
    oy_audio_free(&p.a);

    /* a fresh decoder, odd pieces, starting mid-shot */
    {
        int64_t pos = first;
        static const int sizes[] = { 1, 2000, 4799, 19201, 7, 33333, 2002 };
        int k = 0;
        ok &= oy_audio_new(&p.a, p.m, p.w, p.cam, p.samples, &p.log) == 0;
        while (pos < n && ok) {
            int len = sizes[k++ % 7];
            if (pos + len > n)
                len = (int)(n - pos);
            ok &= oy_audio_render(p.a, pos, len, piece + 2 * pos, NULL) == 0;
            pos += len;
        }
        /* and going back to the start */
        ok &= oy_audio_render(p.a, 0, (int)first, piece, NULL) == 0;
    }
    CHECK(ok, "renders in pieces");
    same = !memcmp(full, piece, sizeof(float) * 2 * (size_t)n);
    CHECK(same, "pieces of odd sizes in any order equal the full render bit for bit");

    /* frame boundaries: no clicks, the largest step between neighbours is
     * small compared with the signal */
    {
        double maxstep = 0.0, rms = sqrt(total_energy(full, n) / (2.0 * n));
        for (int64_t i = 1; i < n; i++)
            maxstep = fmax(maxstep, fabs(full[2 * i] - full[2 * i - 2]));
        CHECK(maxstep < 12.0 * rms, "no sample-to-sample jumps (largest %.3f, rms %.3f)", maxstep, rms);
    }
    free(full);
    free(piece);
    free(mus);
    free(amb);
    shot_free(&p);
}

static void test_loudness(void)
{
    shot p;
    const char *wav = getenv("OY_AUDIO_WAV");
    int64_t n;
    float *x;
    oy_r128 m;
    double l, tp;

    CHECK_GROUP("loudness");
    if (shot_open(&p, yaml_of("  time: \"17:30\"\n  weather: {cloud: 0.6, wind: 0.2}", "60s",
                              "directives:\n  - {at: 20s, beat: The storm arrives}\n"
                              "  - {at: 20s, weather: {cloud: 1, rain: 1, wind: 0.9, lightning: 0.5}, over: 6s}\n"
                              "  - {at: 22s, music: {tempo: 112, intensity: 0.9}, over: 4s}\n"
                              "  - {at: 45s, beat: Calm}\n  - {at: 45s, weather: {cloud: 0.1, rain: 0, wind: 0.1, lightning: 0}, over: 8s}\n"
                              "  - {at: 45s, music: {tempo: 72, intensity: 0.3}, over: 6s}\n")) < 0) {
        CHECK(0, "shot opens");
        return;
    }
    n = p.samples;
    x = calloc((size_t)n * 2, sizeof(float));
    CHECK(oy_audio_render(p.a, 0, (int)n, x, NULL) == 0, "renders %.0f s", (double)n / FS);
    oy_r128_init(&m);
    oy_r128_add(&m, x, (int)n);
    l = oy_r128_integrated(&m);
    tp = oy_r128_true_peak_db(&m);
    CHECK(fabs(l - -16.0) <= 1.0, "integrated loudness %.2f LUFS is -16 +- 1", l);
    CHECK(tp <= -1.0, "true peak %.2f dBTP is at most -1", tp);
    if (wav)
        write_wav(wav, x, n);
    free(x);
    shot_free(&p);
}

/* Music stems of the same shot with and without a beat at 10.3 s. */
static void test_beat(void)
{
    shot a, b;
    int64_t n = 16 * FS;
    float *xa, *xb;
    double start, len, da, dbef, ba[NBANDS], bb[NBANDS];
    int sec;
    oy_composer *c;

    CHECK_GROUP("beat");
    if (shot_open(&a, yaml_of(calm_world, "16s", "directives:\n  - {at: 10.3s, beat: Turn}\n")) < 0 ||
        shot_open(&b, yaml_of(calm_world, "16s", "")) < 0) {
        CHECK(0, "shots open");
        return;
    }
    xa = calloc((size_t)n * 2, sizeof(float));
    xb = calloc((size_t)n * 2, sizeof(float));
    oy_audio_render(a.a, 0, (int)n, NULL, (float *const[OY_BUS_COUNT]){ xa, NULL, NULL });
    oy_audio_render(b.a, 0, (int)n, NULL, (float *const[OY_BUS_COUNT]){ xb, NULL, NULL });
    CHECK(oy_composer_new(&c, a.m, 16.0) == 0, "composer");
    oy_composer_bar(c, 10.3, &start, &len, &sec);
    if (start < 10.3 - 1e-9)
        start += len;
    oy_composer_bar(c, start, &start, &len, &sec);
    CHECK(sec == 1 && start >= 10.3 && start <= 10.3 + len, "the section starts on the next bar (%.3f s, bar %.3f s)",
          start, len);
    oy_composer_free(&c);

    /* before the beat the two scores are the same (up to the master gain) */
    bands(xa + 2 * (int64_t)(6.0 * FS), (int64_t)(3.5 * FS), ba);
    bands(xb + 2 * (int64_t)(6.0 * FS), (int64_t)(3.5 * FS), bb);
    dbef = spectral_distance(ba, bb);
    /* within one bar after the beat they differ */
    bands(xa + 2 * (int64_t)(start * FS), (int64_t)(len * FS), ba);
    bands(xb + 2 * (int64_t)(start * FS), (int64_t)(len * FS), bb);
    da = spectral_distance(ba, bb);
    CHECK(dbef < 0.5, "spectra agree before the beat (%.2f dB)", dbef);
    CHECK(da > 2.0, "the spectrum changes within one bar of the beat (%.2f dB)", da);
    free(xa);
    free(xb);
    shot_free(&a);
    shot_free(&b);
}

static void test_storm(void)
{
    shot a, b;
    int64_t n = 12 * FS;
    float *xa, *xb;
    double ha, hb;

    CHECK_GROUP("storm");
    if (shot_open(&a, yaml_of("  time: \"13:00\"\n  weather: {cloud: 1, rain: 1, wind: 0.9}", "12s", "")) < 0 ||
        shot_open(&b, yaml_of("  time: \"13:00\"\n  weather: {cloud: 0.1, wind: 0.1}", "12s", "")) < 0) {
        CHECK(0, "shots open");
        return;
    }
    xa = calloc((size_t)n * 2, sizeof(float));
    xb = calloc((size_t)n * 2, sizeof(float));
    oy_audio_render(a.a, 0, (int)n, xa, NULL);
    oy_audio_render(b.a, 0, (int)n, xb, NULL);
    /* both are at -16 LUFS: compare the share of energy above 2 kHz */
    ha = band_energy(xa, n, 2000, 16000) / band_energy(xa, n, 20, 24000);
    hb = band_energy(xb, n, 2000, 16000) / band_energy(xb, n, 20, 24000);
    CHECK(ha > 3.0 * hb, "a storm has more broadband energy than a calm shot (%.1f %% vs %.1f %% above 2 kHz)",
          100 * ha, 100 * hb);
    free(xa);
    free(xb);
    shot_free(&a);
    shot_free(&b);
}

/* A wildfire crackles from 80 m off: the ambience's share of energy
 * above 2 kHz is higher with one than in the same forest without (it was
 * heard as a campfire is, 26 dB down at that distance). */
static void test_wildfire(void)
{
    shot a, b;
    int64_t n = 8 * FS;
    double share[2];
    CHECK_GROUP("wildfire");
    if (shot_open(&a, yaml_of("  prompt: \"a burning forest at night\"", "8s", "")) < 0 ||
        shot_open(&b, yaml_of("  prompt: \"a forest at night\"", "8s", "")) < 0) {
        CHECK(0, "shots open");
        return;
    }
    for (int k = 0; k < 2; k++) {
        float *amb = calloc((size_t)n * 2, sizeof(float));
        oy_audio_render(k ? b.a : a.a, 0, (int)n, NULL, (float *const[OY_BUS_COUNT]){ NULL, amb, NULL });
        share[k] = total_energy(amb, n);
        free(amb);
    }
    CHECK(share[0] > 2.0 * share[1], "a wildfire 80 m off crackles (the ambience %.1f dB louder than the same "
          "forest's without it)", 10.0 * log10(share[0] / (share[1] + 1e-30)));
    shot_free(&a);
    shot_free(&b);
}

static void test_thunder(void)
{
    shot p;
    int64_t n = 40 * FS;
    float *amb;
    oy_strike sk[128];
    int ns, tested = 0, good = 0;
    double worst = 0.0;
    oy_entity *ents;

    CHECK_GROUP("thunder");
    if (shot_open(&p, yaml_of("  time: \"13:00\"\n  weather: {cloud: 1, lightning: 0.6}", "40s", "")) < 0) {
        CHECK(0, "shot opens");
        return;
    }
    amb = calloc((size_t)n * 2, sizeof(float));
    oy_audio_render(p.a, 0, (int)n, NULL, (float *const[OY_BUS_COUNT]){ NULL, amb, NULL });
    ents = calloc((size_t)oy_model_max_entities(p.m), sizeof(*ents));
    ns = oy_model_strikes(p.m, 0.0, 40.0, sk, 128);
    double arrive[128];
    for (int i = 0; i < ns; i++) {
        oy_state st;
        oy_view v;
        double dx, dz, dy;
        oy_model_eval(p.m, sk[i].t, &st, ents);
        oy_camera_eval(p.cam, &st, sk[i].t, &v);
        dx = sk[i].x - v.pos[0];
        dz = sk[i].z - v.pos[2];
        dy = v.pos[1] - v.pos[1];
        arrive[i] = sk[i].t + sqrt(dx * dx + dz * dz + dy * dy) / 343.0;
    }
    for (int i = 0; i < ns; i++) {
        int isolated = 1;
        int64_t a0, a1, onset = -1;
        double bg = 0.0;
        if (arrive[i] > 39.0)
            continue;
        for (int j = 0; j < ns; j++)
            if (j != i && arrive[j] > arrive[i] - 7.0 && arrive[j] < arrive[i] + 0.3)
                isolated = 0;
        if (!isolated)
            continue;
        /* background: 5 ms frame energies before the arrival */
        a0 = (int64_t)((arrive[i] - 0.4) * FS);
        a1 = (int64_t)((arrive[i] + 0.3) * FS);
        for (int64_t s = a0; s < a0 + FS / 4; s++)
            bg += (double)amb[2 * s] * amb[2 * s] + (double)amb[2 * s + 1] * amb[2 * s + 1];
        bg /= FS / 4 / 240;
        for (int64_t f = a0; f + 240 <= a1; f += 240) {
            double e = 0.0;
            for (int64_t s = f; s < f + 240; s++)
                e += (double)amb[2 * s] * amb[2 * s] + (double)amb[2 * s + 1] * amb[2 * s + 1];
            if (e > 10.0 * bg + 1e-9) {
                onset = f;
                break;
            }
        }
        tested++;
        if (onset >= 0) {
            double err = fabs((double)onset / FS - arrive[i]);
            worst = fmax(worst, err);
            good += err <= 1.0 / 24.0;
        }
    }
    CHECK(tested >= 1, "isolated thunders to time (%d of %d strikes)", tested, ns);
    CHECK(good == tested, "thunder starts distance / 343 m/s after the flash, within one frame (%d of %d, worst %.1f ms)",
          good, tested, worst * 1000.0);
    free(ents);
    free(amb);
    shot_free(&p);
}

static void test_day_night(void)
{
    shot d, nt;
    int64_t n = 20 * FS;
    float *xd, *xn;
    double bd, cd, bn, cn;

    CHECK_GROUP("day and night");
    if (shot_open(&d, yaml_of("  time: \"09:00\"\n  weather: {cloud: 0.1, wind: 0.05}", "20s", "")) < 0 ||
        shot_open(&nt, yaml_of("  time: \"23:30\"\n  weather: {cloud: 0.1, wind: 0.05}", "20s", "")) < 0) {
        CHECK(0, "shots open");
        return;
    }
    xd = calloc((size_t)n * 2, sizeof(float));
    xn = calloc((size_t)n * 2, sizeof(float));
    oy_audio_render(d.a, 0, (int)n, NULL, (float *const[OY_BUS_COUNT]){ NULL, xd, NULL });
    oy_audio_render(nt.a, 0, (int)n, NULL, (float *const[OY_BUS_COUNT]){ NULL, xn, NULL });
    /* birds: sweeps between 1.5 and 4 kHz; crickets: a narrow band at 4.5-4.75 kHz */
    bd = band_energy(xd, n, 1500, 4000);
    cd = band_energy(xd, n, 4450, 4750);
    bn = band_energy(xn, n, 1500, 4000);
    cn = band_energy(xn, n, 4450, 4750);
    CHECK(bd > 5.0 * bn, "day has birds (1.5-4 kHz: %.3g by day, %.3g by night)", bd, bn);
    CHECK(cn > 5.0 * cd, "night has insects (4.45-4.75 kHz: %.3g by night, %.3g by day)", cn, cd);
    CHECK(cd < bd && cn > bn, "each has its own band stronger");
    free(xd);
    free(xn);
    shot_free(&d);
    shot_free(&nt);
}

int main(void)
{
    test_meter();
    test_limiter();
    test_voices();
    test_ranges();
    test_loudness();
    test_beat();
    test_storm();
    test_wildfire();
    test_thunder();
    test_day_night();
    return CHECK_DONE();
}
