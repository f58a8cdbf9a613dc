/*
 * wav.c - streaming WAV writer for --audio-out and --stems: 48 kHz stereo
 * s16 little-endian. The header is written with zero sizes at open and
 * fixed at finish, so memory does not grow with duration.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media.h"

#define WAV_RATE 48000
#define WAV_CHANNELS 2
#define WAV_HEADER 44

struct oy_wav {
    FILE *f;             /* stdout for "-" */
    char *path;          /* the name for messages */
    oy_log *log;
    uint64_t bytes;      /* sample data written so far */
};

static void put16(uint8_t *p, unsigned v) { p[0] = v & 255; p[1] = (v >> 8) & 255; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v & 0xffff); put16(p + 2, v >> 16); }

static void wav_header(uint8_t h[WAV_HEADER], uint32_t data_bytes)
{
    memcpy(h, "RIFF", 4);
    put32(h + 4, 36 + data_bytes);
    memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, 16);                                 /* fmt chunk size */
    put16(h + 20, 1);                                  /* PCM */
    put16(h + 22, WAV_CHANNELS);
    put32(h + 24, WAV_RATE);
    put32(h + 28, WAV_RATE * WAV_CHANNELS * 2);        /* bytes per second */
    put16(h + 32, WAV_CHANNELS * 2);                   /* block align */
    put16(h + 34, 16);
    memcpy(h + 36, "data", 4);
    put32(h + 40, data_bytes);
}

static int wav_fail(oy_wav *w, int err)
{
    oy_error(w->log, "cannot write '%s': %s", w->path, strerror(err));
    return -err;
}

int oy_wav_open(oy_wav **out, const char *path, const char *name, oy_log *log)
{
    uint8_t h[WAV_HEADER];
    oy_wav *w = oy_calloc(1, sizeof *w);
    int ret = OYSTER_E_NOMEM;

    if (!w || !(w->path = oy_strdup(name)))
        goto fail;
    w->log = log;
    if (!(w->f = strcmp(path, "-") ? fopen(path, "wb") : stdout)) {
        ret = wav_fail(w, errno);
        goto fail;
    }
    wav_header(h, 0);
    errno = 0;
    if (fwrite(h, 1, sizeof h, w->f) != sizeof h) {
        ret = wav_fail(w, errno ? errno : EIO);
        goto fail;
    }
    *out = w;
    return 0;
fail:
    oy_wav_free(&w);
    return ret;
}

/* Clamp to [-1, 1], then round half away from zero: the same integer on
 * every machine, whatever the FPU rounding mode. */
static int16_t to_s16(float x)
{
    float v = oy_clampf(x != x ? 0.0f : x, -1.0f, 1.0f) * 32767.0f;   /* NaN: 0 */

    return (int16_t)(v < 0 ? -floorf(-v + 0.5f) : floorf(v + 0.5f));
}

int oy_wav_write(oy_wav *w, const float *lr, int nsamples)
{
    uint8_t buf[4096];
    size_t n = (size_t)nsamples * WAV_CHANNELS;

    while (n > 0) {
        size_t k = n < sizeof buf / 2 ? n : sizeof buf / 2;
        for (size_t i = 0; i < k; i++)
            put16(buf + 2 * i, (uint16_t)to_s16(lr[i]));
        errno = 0;
        if (fwrite(buf, 2, k, w->f) != k)
            return wav_fail(w, errno ? errno : EIO);
        lr += k;
        n -= k;
        w->bytes += 2 * k;
    }
    return 0;
}

int oy_wav_finish(oy_wav *w)
{
    uint8_t h[WAV_HEADER];
    FILE *f = w->f;

    if (w->bytes > UINT32_MAX - 36)
        return wav_fail(w, EFBIG);
    wav_header(h, (uint32_t)w->bytes);
    w->f = NULL;
    errno = 0;
    /* a pipe or a FIFO keeps the header of oy_wav_open: nothing seeks back */
    if (fflush(f) || (fseek(f, 0, SEEK_SET) ? errno != ESPIPE : fwrite(h, 1, sizeof h, f) != sizeof h)) {
        int err = errno ? errno : EIO;
        if (f != stdout)
            fclose(f);
        return wav_fail(w, err);
    }
    if (f == stdout ? fflush(f) : fclose(f))
        return wav_fail(w, errno ? errno : EIO);
    return 0;
}

void oy_wav_free(oy_wav **pw)
{
    oy_wav *w = *pw;

    if (!w)
        return;
    if (w->f && w->f != stdout)
        fclose(w->f);
    free(w->path);
    free(w);
    *pw = NULL;
}
