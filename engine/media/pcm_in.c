/*
 * pcm_in.c - the float PCM tracks of a chunk file (lossless.c), read in
 * step: each track's samples wait in a queue of their own until asked
 * for, since the file interleaves the tracks packet by packet.
 */
#include <stdlib.h>
#include <string.h>

#include <libavformat/avformat.h>

#include "media.h"

typedef struct track {
    int stream;
    float *q;            /* interleaved stereo, samples [head, n) waiting */
    size_t head, n, cap; /* in samples */
} track;

struct oy_pcm_in {
    char *path;
    oy_log *log;
    AVFormatContext *fc;
    AVPacket *pkt;
    track t[OY_LOSSLESS_MAX_TRACKS];
    int tracks;
};

static int bad(oy_pcm_in *p, const char *what)
{
    oy_error(p->log, "cannot read the audio of '%s': %s", p->path, what);
    return OYSTER_E_INPUT;
}

int oy_pcm_in_open(oy_pcm_in **out, const char *path, int *tracks, oy_log *log)
{
    oy_pcm_in *p;
    int ret;

    oy_media_init();
    if (!(p = oy_calloc(1, sizeof *p)) || !(p->path = oy_strdup(path)) || !(p->pkt = av_packet_alloc())) {
        oy_pcm_in_free(&p);
        return OYSTER_E_NOMEM;
    }
    p->log = log;
    if ((ret = oy_media_open_input(&p->fc, path)) < 0) {
        ret = ret == AVERROR(ENOMEM) ? OYSTER_E_NOMEM : bad(p, "not a chunk file");
        oy_pcm_in_free(&p);
        return ret;
    }
    for (unsigned i = 0; i < p->fc->nb_streams; i++) {
        const AVCodecParameters *c = p->fc->streams[i]->codecpar;
        p->fc->streams[i]->discard = AVDISCARD_ALL;
        if (c->codec_type != AVMEDIA_TYPE_AUDIO)
            continue;
        if (c->codec_id != AV_CODEC_ID_PCM_F32LE || c->ch_layout.nb_channels != 2 ||
            c->sample_rate != 48000 || p->tracks == OY_LOSSLESS_MAX_TRACKS) {
            ret = bad(p, "not the tracks of a chunk file");
            oy_pcm_in_free(&p);
            return ret;
        }
        p->fc->streams[i]->discard = AVDISCARD_DEFAULT;
        p->t[p->tracks++].stream = (int)i;
    }
    *tracks = p->tracks;
    *out = p;
    return 0;
}

/* Append a packet's samples to its track's queue. */
static int queue(oy_pcm_in *p, track *t)
{
    size_t n = (size_t)p->pkt->size / 8;

    if (p->pkt->size % 8)
        return bad(p, "a packet that is not whole samples");
    if (!n)
        return 0;
    if (t->head && t->head == t->n)
        t->head = t->n = 0;
    if (t->n + n > t->cap) {
        /* move what waits to the front before growing */
        if (t->n > t->head)     /* q is NULL before the first packet */
            memmove(t->q, t->q + 2 * t->head, (t->n - t->head) * 8);
        t->n -= t->head;
        t->head = 0;
        if (oy_grow(&t->q, &t->cap, t->n + n, 8) < 0)
            return OYSTER_E_NOMEM;
    }
    memcpy(t->q + 2 * t->n, p->pkt->data, n * 8);
    t->n += n;
    return 0;
}

int oy_pcm_in_read(oy_pcm_in *p, int n, float *const *lr)
{
    int ret;

    for (int k = 0; k < p->tracks; k++) {
        track *t = &p->t[k];
        while (t->n - t->head < (size_t)n) {
            int j;
            if ((ret = av_read_frame(p->fc, p->pkt)) < 0)
                return ret == AVERROR(ENOMEM) ? OYSTER_E_NOMEM : bad(p, "it ends early");
            for (j = 0; j < p->tracks && p->t[j].stream != p->pkt->stream_index; j++)
                ;
            ret = j < p->tracks ? queue(p, &p->t[j]) : 0;
            av_packet_unref(p->pkt);
            if (ret < 0)
                return ret;
        }
        if (lr && lr[k])
            memcpy(lr[k], t->q + 2 * t->head, (size_t)n * 8);
        t->head += (size_t)n;
    }
    return 0;
}

void oy_pcm_in_free(oy_pcm_in **pp)
{
    oy_pcm_in *p = *pp;

    if (!p)
        return;
    for (int k = 0; k < OY_LOSSLESS_MAX_TRACKS; k++)
        free(p->t[k].q);
    av_packet_free(&p->pkt);
    avformat_close_input(&p->fc);
    free(p->path);
    free(p);
    *pp = NULL;
}
