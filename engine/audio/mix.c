/*
 * mix.c - the audio decoder's mixer: music and ambience synthesized on a
 * fixed chunk grid, the music's reverb and the master limiter run per
 * block of BLOCK samples from a fixed pre-roll before the block, so any
 * range of samples equals the same range of a full render. Recent chunks
 * and blocks are cached so a sequential render synthesizes each chunk
 * once and only the reverb repeats over the pre-roll.
 *
 * Loudness: before the first block, the pre-limiter mix of the shot (all
 * of it, or evenly spaced windows of a long shot) is measured with the
 * R128 meter and one master gain brings it to -15.7 LUFS; the limiter then
 * keeps the true peak under -3.5 dBTP. Both leave room for the AAC track:
 * measured on storm shots, AAC encoding lowered loudness by ~0.6 LU (it
 * drops the top of the rain's spectrum) and raised true peaks of thunder
 * cracks by up to 1.8 dB; the delivered MP4 must read -16 +- 1 LUFS and
 * stay under -1 dBTP, and the WAV stays within -16 +- 1 too.
 */
#include <stdlib.h>
#include <string.h>

#include "audio.h"

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
    oy_reverb *rev;
    int64_t ring_chunk[RING];
    float *ring_mus, *ring_amb;  /* RING chunks of stereo each */
    float *dry, *wet;            /* SPAN chunks of stereo: music before/after reverb */
    float *lim;                  /* the limiter's input */
    int64_t blk[2];
    float *bmix[2], *bmus[2], *bamb[2];
    int measured;
    float gain;
};

static int chunk(oy_audio *a, int64_t c, float **mus, float **amb)
{
    int slot = (int)(((c % RING) + RING) % RING), ret;
    float *bm = a->ring_mus + (size_t)slot * 2 * D, *ba = a->ring_amb + (size_t)slot * 2 * D;

    if (a->ring_chunk[slot] != c) {
        const oy_note *notes;
        int64_t c0 = c * D;
        int n = 0;
        a->ring_chunk[slot] = INT64_MIN;
        memset(bm, 0, sizeof(float) * 2 * D);
        if (c >= 0 && (n = oy_composer_notes(a->comp, c0, c0 + D, &notes)) < 0)
            return n;
        for (int i = 0; i < n; i++)
            oy_voice_render(&notes[i], c0, D, bm);
        if ((ret = oy_ambience_chunk(a->amb, c, ba)) < 0)
            return ret;
        a->ring_chunk[slot] = c;
    }
    *mus = bm;
    *amb = ba;
    return 0;
}

/* Music with reverb for the block's span, into a->wet; the span starts
 * REV_CHUNKS before the block. */
static int block_music(oy_audio *a, int64_t k)
{
    int64_t c0 = k * BLOCK_CHUNKS - REV_CHUNKS;
    float *mus, *amb;
    int ret;

    for (int i = 0; i < SPAN; i++) {
        if ((ret = chunk(a, c0 + i, &mus, &amb)) < 0)
            return ret;
        memcpy(a->dry + (size_t)i * 2 * D, mus, sizeof(float) * 2 * D);
    }
    memcpy(a->wet, a->dry, sizeof(float) * 2 * D * SPAN);
    oy_reverb_reset(a->rev);
    oy_reverb_process(a->rev, a->dry, a->wet, D * SPAN);
    return 0;
}

static int measure(oy_audio *a)
{
    int64_t nb = (a->total + BLOCK - 1) / BLOCK;
    oy_r128 *meter = oy_malloc(sizeof(*meter));
    float *sum = oy_malloc(sizeof(float) * 2 * BLOCK);
    int windows = nb <= FULL_MEASURE_BLOCKS ? 1 : WINDOWS, ret = 0;
    int64_t per = nb <= FULL_MEASURE_BLOCKS ? nb : WINDOW_BLOCKS;
    double lufs;

    if (!meter || !sum) {
        ret = OYSTER_E_NOMEM;
        goto fail;
    }
    oy_r128_init(meter);
    for (int w = 0; w < windows; w++) {
        int64_t k0 = windows == 1 ? 0 : (int64_t)w * (nb - per) / (windows - 1);
        oy_r128_gap(meter);
        for (int64_t k = k0; k < k0 + per; k++) {
            const float *wet = a->wet + (size_t)REV_CHUNKS * 2 * D;
            int64_t valid = a->total - k * BLOCK;
            if ((ret = block_music(a, k)) < 0)
                goto fail;
            for (int c = 0; c < BLOCK_CHUNKS; c++) {
                float *mus, *amb;
                if ((ret = chunk(a, k * BLOCK_CHUNKS + c, &mus, &amb)) < 0)
                    goto fail;
                for (int i = 0; i < 2 * D; i++)
                    sum[c * 2 * D + i] = wet[c * 2 * D + i] + amb[i];
            }
            oy_r128_add(meter, sum, (int)(valid < BLOCK ? valid : BLOCK));
        }
    }
    lufs = oy_r128_integrated(meter);
    a->gain = 1.0f;
    if (lufs > -200.0) {
        /* a 0.01 dB grid keeps last-bit differences out of the samples */
        float db = floorf((TARGET_LUFS - (float)lufs) * 100.0f + 0.5f) / 100.0f;
        a->gain = oy_powf(10.0f, oy_clampf(db, -40.0f, 40.0f) / 20.0f);
    }
    oy_debug(a->log, "audio: measured %.2f LUFS before the master gain, gain %.2f dB",
             lufs, 20.0 * log10(a->gain));
    a->measured = 1;
fail:
    free(meter);
    free(sum);
    return ret;
}

static int block(oy_audio *a, int64_t k, int *slot_out)
{
    int slot = (int)(k & 1), ret;
    const float g = a->gain;
    float *mus, *amb;

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
        if ((ret = chunk(a, k * BLOCK_CHUNKS + c, &mus, &amb)) < 0)
            return ret;
        for (int i = 0; i < len; i++)
            dst[i] = g * (wet[i] + amb[i]);
        if (c >= 0 && c < BLOCK_CHUNKS)
            for (int i = 0; i < 2 * D; i++) {
                a->bmus[slot][c * 2 * D + i] = g * wet[i];
                a->bamb[slot][c * 2 * D + i] = g * amb[i];
            }
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

int oy_audio_render(oy_audio *a, int64_t first, int n, float *mix,
                    float *music, float *ambience)
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
        if (music)
            memcpy(music + at, a->bmus[slot] + from, bytes);
        if (ambience)
            memcpy(ambience + at, a->bamb[slot] + from, bytes);
        pos += cnt;
    }
    return 0;
}

void oy_audio_set_hits(oy_audio *a, oy_audio_hits_fn fn, void *opaque)
{
    oy_ambience_set_hits(a->amb, fn, opaque);
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
        (ret = oy_reverb_new(&a->rev)) < 0)
        goto fail;
    ret = OYSTER_E_NOMEM;
    a->ring_mus = oy_malloc(sizeof(float) * 2 * D * RING);
    a->ring_amb = oy_malloc(sizeof(float) * 2 * D * RING);
    a->dry = oy_malloc(sizeof(float) * 2 * D * SPAN);
    a->wet = oy_malloc(sizeof(float) * 2 * D * SPAN);
    a->lim = oy_malloc(sizeof(float) * 2 * (D + BLOCK + OY_LIMITER_TAIL));
    if (!a->ring_mus || !a->ring_amb || !a->dry || !a->wet || !a->lim)
        goto fail;
    for (int s = 0; s < 2; s++) {
        a->blk[s] = INT64_MIN;
        a->bmix[s] = oy_malloc(sizeof(float) * 2 * BLOCK);
        a->bmus[s] = oy_malloc(sizeof(float) * 2 * BLOCK);
        a->bamb[s] = oy_malloc(sizeof(float) * 2 * BLOCK);
        if (!a->bmix[s] || !a->bmus[s] || !a->bamb[s])
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
    oy_reverb_free(&a->rev);
    free(a->ring_mus);
    free(a->ring_amb);
    free(a->dry);
    free(a->wet);
    free(a->lim);
    for (int s = 0; s < 2; s++) {
        free(a->bmix[s]);
        free(a->bmus[s]);
        free(a->bamb[s]);
    }
    free(a);
    *pa = NULL;
}
