/*
 * lossless.c - the chunk file of `render --chunk` (oyster(1), CHUNKS):
 * Matroska holding the frames as FFV1 (bgr0, so rgb24 comes back to the
 * bit) and stereo tracks of 32-bit float PCM, the samples as the mixer
 * made them, so that `assemble` feeds the encoders exactly what a
 * one-machine render feeds them. The PCM needs no encoder: each call's
 * samples go into the file as one packet.
 */
#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>

#include "media.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the chunk file's PCM is the mixer's floats as they lie in memory: little-endian only"
#endif

#define AUDIO_RATE 48000
#define FFV1_THREADS 2       /* fixed, like the H.264 encoder's */

struct oy_lossless {
    oy_log *log;
    char *path;
    int width, height, tracks;
    AVFormatContext *fc;
    AVCodecContext *venc;
    AVStream *vst, *ast[OY_LOSSLESS_MAX_TRACKS];
    AVFrame *frame;
    AVPacket *pkt;
    int64_t vpts, apts[OY_LOSSLESS_MAX_TRACKS];
};

static int fail(oy_lossless *l, int averr, const char *what)
{
    char e[64];

    oy_error(l->log, "cannot %s '%s': %s", what, l->path, oy_media_strerror(averr, e, sizeof e));
    return oy_media_error(averr, OYSTER_E_ENCODER);
}

static int write_packets(oy_lossless *l)
{
    int ret;

    while ((ret = avcodec_receive_packet(l->venc, l->pkt)) >= 0) {
        l->pkt->duration = 1;
        av_packet_rescale_ts(l->pkt, l->venc->time_base, l->vst->time_base);
        l->pkt->stream_index = l->vst->index;
        if ((ret = av_interleaved_write_frame(l->fc, l->pkt)) < 0)
            return fail(l, ret, "write");
    }
    return ret == AVERROR(EAGAIN) || ret == AVERROR_EOF ? 0 : fail(l, ret, "encode");
}

static int open_video(oy_lossless *l, oy_rational fps)
{
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_FFV1);
    AVDictionary *opt = NULL;
    int ret;

    if (!codec)
        return fail(l, AVERROR_ENCODER_NOT_FOUND, "encode");
    if (!(l->venc = avcodec_alloc_context3(codec)) || !(l->vst = avformat_new_stream(l->fc, NULL)))
        return OYSTER_E_NOMEM;
    l->venc->width = l->width;
    l->venc->height = l->height;
    l->venc->pix_fmt = AV_PIX_FMT_BGR0;
    l->venc->time_base = (AVRational){ fps.den, fps.num };
    l->venc->framerate = (AVRational){ fps.num, fps.den };
    l->venc->thread_count = FFV1_THREADS;
    l->venc->flags |= AV_CODEC_FLAG_BITEXACT;
    if (l->fc->oformat->flags & AVFMT_GLOBALHEADER)
        l->venc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    /* version 3: slices, so its threads share a frame, and a CRC per slice */
    av_dict_set(&opt, "level", "3", 0);
    av_dict_set(&opt, "slices", "4", 0);
    ret = avcodec_open2(l->venc, codec, &opt);
    av_dict_free(&opt);
    if (ret < 0)
        return fail(l, ret, "open the video encoder for");
    if ((ret = avcodec_parameters_from_context(l->vst->codecpar, l->venc)) < 0)
        return fail(l, ret, "open");
    l->vst->time_base = l->venc->time_base;
    l->vst->avg_frame_rate = l->venc->framerate;
    if (!(l->frame = av_frame_alloc()))
        return OYSTER_E_NOMEM;
    l->frame->width = l->width;
    l->frame->height = l->height;
    l->frame->format = AV_PIX_FMT_BGR0;
    if ((ret = av_frame_get_buffer(l->frame, 0)) < 0)
        return oy_media_error(ret, OYSTER_E_ENCODER);
    return 0;
}

static int open_track(oy_lossless *l, int t)
{
    AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
    AVStream *st = avformat_new_stream(l->fc, NULL);

    if (!st)
        return OYSTER_E_NOMEM;
    st->codecpar->codec_type = AVMEDIA_TYPE_AUDIO;
    st->codecpar->codec_id = AV_CODEC_ID_PCM_F32LE;
    st->codecpar->sample_rate = AUDIO_RATE;
    st->codecpar->bits_per_coded_sample = 32;
    st->codecpar->block_align = 8;
    st->time_base = (AVRational){ 1, AUDIO_RATE };
    l->ast[t] = st;
    return av_channel_layout_copy(&st->codecpar->ch_layout, &stereo) < 0 ? OYSTER_E_NOMEM : 0;
}

int oy_lossless_open(oy_lossless **out, const char *path, int width, int height,
                     oy_rational fps, int tracks, oy_log *log)
{
    oy_lossless *l;
    char *url = NULL;
    int ret = OYSTER_E_NOMEM;

    oy_media_init();
    if (tracks < 0 || tracks > OY_LOSSLESS_MAX_TRACKS)
        return OYSTER_E_INTERNAL;
    if (!(l = oy_calloc(1, sizeof *l)))
        return OYSTER_E_NOMEM;
    l->log = log;
    l->width = width;
    l->height = height;
    l->tracks = tracks;
    if (!(l->path = oy_strdup(path)) || !(l->pkt = av_packet_alloc()) ||
        !(url = oy_malloc(strlen(path) + 6)))
        goto fail;
    /* "file:": a ':' in the name never selects another protocol */
    strcat(strcpy(url, "file:"), path);
    if ((ret = avformat_alloc_output_context2(&l->fc, NULL, "matroska", url)) < 0) {
        ret = fail(l, ret, "open");
        goto fail;
    }
    l->fc->flags |= AVFMT_FLAG_BITEXACT;
    if (width > 0 && (ret = open_video(l, fps)) < 0)
        goto fail;
    for (int t = 0; t < tracks; t++)
        if ((ret = open_track(l, t)) < 0)
            goto fail;
    if ((ret = avio_open(&l->fc->pb, url, AVIO_FLAG_WRITE)) < 0 ||
        (ret = avformat_write_header(l->fc, NULL)) < 0) {
        ret = fail(l, ret, "write");
        goto fail;
    }
    free(url);
    *out = l;
    return 0;
fail:
    free(url);
    oy_lossless_free(&l);
    return ret;
}

int oy_lossless_video(oy_lossless *l, const uint8_t *rgb, ptrdiff_t stride)
{
    AVFrame *f = l->frame;
    int ret;

    if (!l->venc)
        return OYSTER_E_INTERNAL;
    if ((ret = av_frame_make_writable(f)) < 0)
        return fail(l, ret, "encode");
    for (int y = 0; y < l->height; y++) {
        const uint8_t *s = rgb + y * stride;
        uint8_t *d = f->data[0] + (ptrdiff_t)y * f->linesize[0];
        for (int x = 0; x < l->width; x++, s += 3, d += 4) {
            d[0] = s[2];
            d[1] = s[1];
            d[2] = s[0];
            d[3] = 0;
        }
    }
    f->pts = l->vpts++;
    if ((ret = avcodec_send_frame(l->venc, f)) < 0)
        return fail(l, ret, "encode");
    return write_packets(l);
}

int oy_lossless_audio(oy_lossless *l, int track, const float *lr, int nsamples)
{
    AVPacket *p = l->pkt;
    size_t bytes = (size_t)nsamples * 8;
    int ret;

    if (track < 0 || track >= l->tracks)
        return OYSTER_E_INTERNAL;
    if (nsamples <= 0)
        return 0;
    if ((ret = av_new_packet(p, (int)bytes)) < 0)
        return OYSTER_E_NOMEM;
    memcpy(p->data, lr, bytes);
    p->pts = p->dts = l->apts[track];
    p->duration = nsamples;
    p->stream_index = l->ast[track]->index;
    p->flags |= AV_PKT_FLAG_KEY;
    av_packet_rescale_ts(p, (AVRational){ 1, AUDIO_RATE }, l->ast[track]->time_base);
    l->apts[track] += nsamples;
    if ((ret = av_interleaved_write_frame(l->fc, p)) < 0)
        return fail(l, ret, "write");
    return 0;
}

int oy_lossless_finish(oy_lossless *l)
{
    int ret = l->venc ? avcodec_send_frame(l->venc, NULL) : 0;

    if (ret < 0)
        return fail(l, ret, "encode");
    if (l->venc && (ret = write_packets(l)) < 0)
        return ret;
    if ((ret = av_write_trailer(l->fc)) < 0 || (ret = avio_closep(&l->fc->pb)) < 0)
        return fail(l, ret, "write");
    return 0;
}

void oy_lossless_free(oy_lossless **pl)
{
    oy_lossless *l = *pl;

    if (!l)
        return;
    if (l->fc) {
        avio_closep(&l->fc->pb);
        avformat_free_context(l->fc);
    }
    avcodec_free_context(&l->venc);
    av_frame_free(&l->frame);
    av_packet_free(&l->pkt);
    free(l->path);
    free(l);
    *pl = NULL;
}
