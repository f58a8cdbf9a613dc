/*
 * mix.c - the audio decoder's mixer: music, ambience and effects (the
 * three buses `mix:` sets and --stems writes) synthesized on a
 * fixed chunk grid, the music's reverb and the master limiter run per
 * block of BLOCK samples from a fixed pre-roll before the block, so any
 * range of samples equals the same range of a full render. Recent chunks
 * and blocks are cached so a sequential render synthesizes each chunk
 * once and only the reverb repeats over the pre-roll.
 *
 * Loudness: before the first block, the pre-limiter mix of the shot (all
 * of it, or evenly spaced windows of a long shot) is measured with the
 * R128 meter and one master gain brings it to -15.7 LUFS; the limiter then
 * keeps the true peak under -3.5 dBTP, and a second measure of the limited
 * mix corrects the gain for what the limiter took off loud hits. Both leave room for the AAC track:
 * measured on storm shots, AAC encoding lowered loudness by ~0.6 LU (it
 * drops the top of the rain's spectrum) and raised true peaks of thunder
 * cracks by up to 1.8 dB; the delivered MP4 must read -16 +- 1 LUFS and
 * stay under -1 dBTP, and the WAV stays within -16 +- 1 too.
 */
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "../camera/walker.h"

#define D OY_AUDIO_CHUNK
#define BLOCK_CHUNKS 4
#define BLOCK (BLOCK_CHUNKS * D)
#define REV_CHUNKS 16            /* reverb pre-roll: 1.6 s */
#define SPAN (REV_CHUNKS + BLOCK_CHUNKS + 1)   /* + 1 chunk for the limiter's lookahead */
#define RING 24
#define TARGET_LUFS -15.7f
#define CEILING 0.6683f          /* -3.5 dBTP */
#define FULL_MEASURE_BLOCKS 300  /* up to 120 s measured whole */
#define WINDOWS 30
#define WINDOW_BLOCKS 8

struct oy_audio {
    const oy_model *m;
    int64_t total;
    oy_log *log;
    oy_composer *comp;
    oy_ambience *amb;
    oy_sources *src;
    oy_reverb *rev;
    int64_t ring_chunk[RING];
    float *ring_mus, *ring_amb, *ring_fx;   /* RING chunks of stereo each */
    float *thunder;              /* one chunk: the storm's thunder */
    float *dry, *wet;            /* SPAN chunks of stereo: music before/after reverb */
    float *lim;                  /* the limiter's input */
    int64_t blk[2];
    float *bmix[2], *bstem[2][OY_BUS_COUNT];
    int measured;
    volatile const int *cancel;   /* polled each block while measuring */
    float gain;
};

/* Music notes into lr: the score faded by a stop, then the stingers. */
static int chunk_music(oy_audio *a, int64_t c0, float *lr)
{
    const oy_note *notes;
    int n;
    float l0 = oy_composer_level(a->comp, (double)c0 / OY_SAMPLE_RATE);
    float l1 = oy_composer_level(a->comp, (double)(c0 + D) / OY_SAMPLE_RATE);

    if ((n = oy_composer_notes(a->comp, c0, c0 + D, &notes)) < 0)
        return n;
    for (int i = 0; i < n; i++)
        oy_voice_render(&notes[i], c0, D, lr);
    if (l0 < 1.0f || l1 < 1.0f)
        for (int i = 0; i < D; i++) {
            float g = oy_composer_level(a->comp, (double)(c0 + i) / OY_SAMPLE_RATE);
            lr[2 * i] *= g;
            lr[2 * i + 1] *= g;
        }
    if ((n = oy_composer_stingers(a->comp, c0, c0 + D, &notes)) < 0)
        return n;
    for (int i = 0; i < n; i++)
        oy_voice_render(&notes[i], c0, D, lr);
    return 0;
}

static int chunk(oy_audio *a, int64_t c, float **mus, float **amb, float **fx)
{
    int slot = (int)(((c % RING) + RING) % RING), ret;
    size_t off = (size_t)slot * 2 * D;
    float *bm = a->ring_mus + off, *ba = a->ring_amb + off, *bf = a->ring_fx + off;

    if (a->ring_chunk[slot] != c) {
        a->ring_chunk[slot] = INT64_MIN;
        memset(bm, 0, sizeof(float) * 2 * D);
        if (c >= 0 && (ret = chunk_music(a, c * D, bm)) < 0)
            return ret;
        if ((ret = oy_ambience_chunk(a->amb, c, ba)) < 0 ||
            (ret = oy_sources_chunk(a->src, c, bf, a->thunder)) < 0)
            return ret;
        for (int i = 0; i < 2 * D; i++)
            ba[i] += a->thunder[i];
        a->ring_chunk[slot] = c;
    }
    *mus = bm;
    *amb = ba;
    *fx = bf;
    return 0;
}

/* The buses' gains (mix: cues, linear) at the start and end of chunk c. */
static void bus_gains(const oy_audio *a, int64_t c, float g[2][OY_BUS_COUNT])
{
    for (int e = 0; e < 2; e++) {
        float db[OY_BUS_COUNT];
        oy_model_mix(a->m, (double)((c + e) * D) / OY_SAMPLE_RATE, db);
        for (int b = 0; b < OY_BUS_COUNT; b++)
            g[e][b] = db[b] == 0.0f ? 1.0f : oy_powf(10.0f, db[b] / 20.0f);
    }
}

/* len samples (stereo floats) of chunk c's pre-limiter mix times master
 * gain m into dst, the music taken from wet (after the reverb); the stems
 * (may be NULL) get their parts, which sum to dst. */
static int mix_chunk(oy_audio *a, int64_t c, const float *wet, float m, int len, float *dst,
                     float *const stems[OY_BUS_COUNT])
{
    float *mus, *amb, *fx, g[2][OY_BUS_COUNT];
    int ret;

    if ((ret = chunk(a, c, &mus, &amb, &fx)) < 0)
        return ret;
    bus_gains(a, c, g);
    for (int i = 0; i < len; i++) {
        float u = (float)(i / 2) / D, part[OY_BUS_COUNT];
        part[OY_BUS_MUSIC] = m * (g[0][0] + (g[1][0] - g[0][0]) * u) * wet[i];
        part[OY_BUS_AMBIENCE] = m * (g[0][1] + (g[1][1] - g[0][1]) * u) * amb[i];
        part[OY_BUS_EFFECTS] = m * (g[0][2] + (g[1][2] - g[0][2]) * u) * fx[i];
        dst[i] = part[0] + part[1] + part[2];
        if (stems)
            for (int b = 0; b < OY_BUS_COUNT; b++)
                stems[b][i] = part[b];
    }
    return 0;
}

/* Music with reverb for the block's span, into a->wet; the span starts
 * REV_CHUNKS before the block. */
static int block_music(oy_audio *a, int64_t k)
{
    int64_t c0 = k * BLOCK_CHUNKS - REV_CHUNKS;
    float *mus, *amb, *fx;
    int ret;

    for (int i = 0; i < SPAN; i++) {
        if ((ret = chunk(a, c0 + i, &mus, &amb, &fx)) < 0)
            return ret;
        memcpy(a->dry + (size_t)i * 2 * D, mus, sizeof(float) * 2 * D);
    }
    memcpy(a->wet, a->dry, sizeof(float) * 2 * D * SPAN);
    oy_reverb_reset(a->rev);
    oy_reverb_process(a->rev, a->dry, a->wet, D * SPAN);
    return 0;
}

static int block(oy_audio *a, int64_t k, int *slot_out);

/* Loudness of the shot (all of it, or evenly spaced windows of a long
 * one): before the limiter, or as delivered, limited with a->gain. */
static int measure_pass(oy_audio *a, int limited, oy_r128 *meter, float *sum, double *lufs)
{
    int64_t nb = (a->total + BLOCK - 1) / BLOCK;
    int windows = nb <= FULL_MEASURE_BLOCKS ? 1 : WINDOWS, ret, slot;
    int64_t per = nb <= FULL_MEASURE_BLOCKS ? nb : WINDOW_BLOCKS;

    oy_r128_init(meter);
    for (int w = 0; w < windows; w++) {
        int64_t k0 = windows == 1 ? 0 : (int64_t)w * (nb - per) / (windows - 1);
        oy_r128_gap(meter);
        for (int64_t k = k0; k < k0 + per; k++) {
            const float *wet = a->wet + (size_t)REV_CHUNKS * 2 * D, *x = sum;
            int64_t valid = a->total - k * BLOCK;
            if (a->cancel && *a->cancel)
                return OYSTER_E_INTERRUPTED;
            if (limited) {
                if ((ret = block(a, k, &slot)) < 0)
                    return ret;
                x = a->bmix[slot];
            } else {
                if ((ret = block_music(a, k)) < 0)
                    return ret;
                for (int c = 0; c < BLOCK_CHUNKS; c++)
                    if ((ret = mix_chunk(a, k * BLOCK_CHUNKS + c, wet + (size_t)c * 2 * D, 1.0f, 2 * D,
                                         sum + (size_t)c * 2 * D, NULL)) < 0)
                        return ret;
            }
            oy_r128_add(meter, x, (int)(valid < BLOCK ? valid : BLOCK));
        }
    }
    *lufs = oy_r128_integrated(meter);
    return 0;
}

/* The gain that moves loudness lufs to the target, on a 0.01 dB grid
 * that keeps last-bit differences out of the samples. */
static float gain_to_target(double lufs)
{
    float db = floorf((TARGET_LUFS - (float)lufs) * 100.0f + 0.5f) / 100.0f;
    return oy_powf(10.0f, oy_clampf(db, -40.0f, 40.0f) / 20.0f);
}

/* The master gain: measured before the limiter, then once more as
 * delivered, since a loud hit (a stinger, an explosion) that the limiter
 * holds down leaves the shot quieter than its unlimited measure. */
static int measure(oy_audio *a)
{
    oy_r128 *meter = oy_malloc(sizeof(*meter));
    float *sum = oy_malloc(sizeof(float) * 2 * BLOCK);
    double raw, limited = -HUGE_VAL;
    int ret = OYSTER_E_NOMEM;

    a->gain = 1.0f;
    if (!meter || !sum || (ret = measure_pass(a, 0, meter, sum, &raw)) < 0)
        goto fail;
    if (raw > -200.0) {
        a->gain = gain_to_target(raw);
        if ((ret = measure_pass(a, 1, meter, sum, &limited)) < 0)
            goto fail;
        if (limited > -200.0)
            a->gain *= gain_to_target(limited);
        a->blk[0] = a->blk[1] = INT64_MIN;
    }
    oy_debug(a->log, "audio: measured %.2f LUFS before the master gain, %.2f LUFS limited; gain %.2f dB",
             raw, limited, 20.0 * log10(a->gain));
    a->measured = 1;
fail:
    free(meter);
    free(sum);
    return ret;
}

static int block(oy_audio *a, int64_t k, int *slot_out)
{
    int slot = (int)(k & 1), ret;

    *slot_out = slot;
    if (a->blk[slot] == k)
        return 0;
    a->blk[slot] = INT64_MIN;
    if ((ret = block_music(a, k)) < 0)
        return ret;
    /* limiter input: one chunk of lead, the block, the lookahead tail */
    for (int c = -1; c <= BLOCK_CHUNKS; c++) {
        const float *wet = a->wet + (size_t)(REV_CHUNKS + c) * 2 * D;
        float *dst = a->lim + (size_t)(c + 1) * 2 * D;
        int len = c == BLOCK_CHUNKS ? 2 * OY_LIMITER_TAIL : 2 * D;
        float *stems[OY_BUS_COUNT];
        for (int b = 0; b < OY_BUS_COUNT; b++)
            stems[b] = a->bstem[slot][b] + (size_t)c * 2 * D;
        if ((ret = mix_chunk(a, k * BLOCK_CHUNKS + c, wet, a->gain, len, dst,
                             c >= 0 && c < BLOCK_CHUNKS ? stems : NULL)) < 0)
            return ret;
    }
    if ((ret = oy_limit(a->lim, D, BLOCK, CEILING, a->bmix[slot])) < 0)
        return ret;
    a->blk[slot] = k;
    return 0;
}

int oy_audio_master_gain(oy_audio *a, float *gain)
{
    int ret;
    if (!a->measured && (ret = measure(a)) < 0)
        return ret;
    *gain = a->gain;
    return 0;
}

void oy_audio_set_cancel(oy_audio *a, volatile const int *cancel)
{
    a->cancel = cancel;
}

void oy_audio_set_master_gain(oy_audio *a, float gain)
{
    a->gain = gain;
    a->measured = 1;
}

int oy_audio_render(oy_audio *a, int64_t first, int n, float *mix,
                    float *const stems[OY_BUS_COUNT])
{
    int64_t pos = first, end = first + n;
    int ret;

    if (first < 0 || n < 0)
        return OYSTER_E_INTERNAL;
    if (!a->measured && (ret = measure(a)) < 0)
        return ret;
    while (pos < end) {
        int64_t k = pos / BLOCK, off = pos - k * BLOCK;
        int64_t cnt = BLOCK - off < end - pos ? BLOCK - off : end - pos;
        size_t at = (size_t)(pos - first) * 2, from = (size_t)off * 2, bytes = sizeof(float) * 2 * (size_t)cnt;
        int slot;
        if ((ret = block(a, k, &slot)) < 0)
            return ret;
        if (mix)
            memcpy(mix + at, a->bmix[slot] + from, bytes);
        for (int b = 0; stems && b < OY_BUS_COUNT; b++)
            if (stems[b])
                memcpy(stems[b] + at, a->bstem[slot][b] + from, bytes);
        pos += cnt;
    }
    return 0;
}

int oy_audio_new(oy_audio **out, const oy_model *m, const oy_world *w,
                 const oy_camera *cam, int64_t total_samples, oy_log *log)
{
    oy_audio *a = oy_calloc(1, sizeof(*a));
    int ret = OYSTER_E_NOMEM;

    if (!a)
        return OYSTER_E_NOMEM;
    a->m = m;
    a->total = total_samples > 0 ? total_samples : 1;
    a->log = log;
    a->gain = 1.0f;
    if ((ret = oy_composer_new(&a->comp, m, (double)a->total / OY_SAMPLE_RATE)) < 0 ||
        (ret = oy_ambience_new(&a->amb, m, w, cam)) < 0 ||
        (ret = oy_sources_new(&a->src, m, w, cam)) < 0 ||
        (ret = oy_reverb_new(&a->rev)) < 0)
        goto fail;
    if (cam && oy_camera_walker(cam))     /* wander mode: the walker's footsteps */
        oy_ambience_set_hits(a->amb, oy_walker_hits, oy_camera_walker(cam));
    ret = OYSTER_E_NOMEM;
    a->ring_mus = oy_malloc(sizeof(float) * 2 * D * RING);
    a->ring_amb = oy_malloc(sizeof(float) * 2 * D * RING);
    a->ring_fx = oy_malloc(sizeof(float) * 2 * D * RING);
    a->thunder = oy_malloc(sizeof(float) * 2 * D);
    a->dry = oy_malloc(sizeof(float) * 2 * D * SPAN);
    a->wet = oy_malloc(sizeof(float) * 2 * D * SPAN);
    a->lim = oy_malloc(sizeof(float) * 2 * (D + BLOCK + OY_LIMITER_TAIL));
    if (!a->ring_mus || !a->ring_amb || !a->ring_fx || !a->thunder || !a->dry || !a->wet || !a->lim)
        goto fail;
    for (int s = 0; s < 2; s++) {
        a->blk[s] = INT64_MIN;
        if (!(a->bmix[s] = oy_malloc(sizeof(float) * 2 * BLOCK)))
            goto fail;
        for (int b = 0; b < OY_BUS_COUNT; b++)
            if (!(a->bstem[s][b] = oy_malloc(sizeof(float) * 2 * BLOCK)))
                goto fail;
    }
    for (int i = 0; i < RING; i++)
        a->ring_chunk[i] = INT64_MIN;
    *out = a;
    return 0;
fail:
    oy_error(log, "cannot set up the audio decoder: %s", oyster_strerror(ret));
    oy_audio_free(&a);
    return ret;
}

void oy_audio_free(oy_audio **pa)
{
    oy_audio *a = *pa;
    if (!a)
        return;
    oy_composer_free(&a->comp);
    oy_ambience_free(&a->amb);
    oy_sources_free(&a->src);
    oy_reverb_free(&a->rev);
    free(a->ring_mus);
    free(a->ring_amb);
    free(a->ring_fx);
    free(a->thunder);
    free(a->dry);
    free(a->wet);
    free(a->lim);
    for (int s = 0; s < 2; s++) {
        free(a->bmix[s]);
        for (int b = 0; b < OY_BUS_COUNT; b++)
            free(a->bstem[s][b]);
    }
    free(a);
    *pa = NULL;
}
