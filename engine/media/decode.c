/*
 * decode.c - video frames as rgb24 for `oyster diff`, through libavformat,
 * libavcodec and libswscale, and telling a video from a still image.
 * Conversion is bit-exact (SWS_BITEXACT, accurate rounding, full chroma
 * interpolation) so the same file always gives the same pixels.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

#include "media.h"

struct oy_video_in {
    char *path;
    oy_log *log;
    AVFormatContext *fc;
    AVCodecContext *dec;
    AVPacket *pkt;
    AVFrame *frame;
    int stream;
    int eof_read, eof_dec;
    struct SwsContext *sws;
    int sws_w, sws_h, sws_fmt, sws_cs, sws_range;
    uint8_t *rgb;
    size_t rgb_size;
    int64_t decoded;
};

/* "file:" keeps a ':' in the name from selecting another protocol;
 * pattern_type none keeps a '%' from meaning an image sequence. */
int oy_media_open_input(AVFormatContext **fc, const char *path)
{
    AVDictionary *opt = NULL;
    char *url = oy_malloc(strlen(path) + 6);
    int ret;

    if (!url)
        return AVERROR(ENOMEM);
    strcpy(url, "file:");
    strcat(url, path);
    av_dict_set(&opt, "pattern_type", "none", 0);
    ret = avformat_open_input(fc, url, NULL, &opt);
    av_dict_free(&opt);
    free(url);
    return ret;
}

static int is_image_demuxer(const char *name)
{
    size_t n = strlen(name);

    return !strcmp(name, "image2") || !strcmp(name, "apng") ||
           (n > 5 && !strcmp(name + n - 5, "_pipe"));
}

int oy_media_probe(const char *path)
{
    AVFormatContext *fc = NULL;
    int kind = OY_MEDIA_OTHER;

    oy_media_init();
    if (oy_media_open_input(&fc, path) < 0)
        return OY_MEDIA_OTHER;
    if (is_image_demuxer(fc->iformat->name)) {
        kind = OY_MEDIA_IMAGE;
    } else if (avformat_find_stream_info(fc, NULL) >= 0) {
        for (unsigned i = 0; i < fc->nb_streams; i++) {
            const AVStream *st = fc->streams[i];
            if (st->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
                !(st->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
                kind = OY_MEDIA_VIDEO;
                break;
            }
        }
    }
    avformat_close_input(&fc);
    return kind;
}

static int video_fail(oy_log *log, const char *path, const char *what)
{
    oy_error(log, "cannot read video '%s': %s", path, what);
    return OYSTER_E_INPUT;
}

int oy_video_in_open(oy_video_in **out, const char *path, oy_log *log)
{
    oy_video_in *v;
    const AVCodec *codec = NULL;
    char msg[64];
    int ret;

    oy_media_init();
    if (!(v = oy_calloc(1, sizeof *v)) || !(v->path = oy_strdup(path)) ||
        !(v->pkt = av_packet_alloc()) || !(v->frame = av_frame_alloc())) {
        oy_video_in_free(&v);
        return OYSTER_E_NOMEM;
    }
    v->log = log;
    v->sws_fmt = -1;
    if ((ret = oy_media_open_input(&v->fc, path)) < 0) {
        oy_video_in_free(&v);
        if (ret == AVERROR(ENOMEM))
            return OYSTER_E_NOMEM;
        return video_fail(log, path, ret == AVERROR_INVALIDDATA ? "not a video"
                                     : oy_media_strerror(ret, msg, sizeof msg));
    }
    if ((ret = avformat_find_stream_info(v->fc, NULL)) < 0 ||
        (ret = av_find_best_stream(v->fc, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0)) < 0) {
        oy_video_in_free(&v);
        return video_fail(log, path, ret == AVERROR_DECODER_NOT_FOUND
                          ? "no decoder for its video" : "no video stream");
    }
    v->stream = ret;
    for (unsigned i = 0; i < v->fc->nb_streams; i++)
        v->fc->streams[i]->discard = (int)i == v->stream ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    if (!(v->dec = avcodec_alloc_context3(codec))) {
        oy_video_in_free(&v);
        return OYSTER_E_NOMEM;
    }
    if ((ret = avcodec_parameters_to_context(v->dec, v->fc->streams[v->stream]->codecpar)) < 0 ||
        (ret = avcodec_open2(v->dec, codec, NULL)) < 0) {
        oy_video_in_free(&v);
        return video_fail(log, path, "cannot open the decoder");
    }
    *out = v;
    return 0;
}

void oy_video_in_info(const oy_video_in *v, int *w, int *h, oy_rational *fps,
                      int64_t *frames)
{
    AVStream *st = v->fc->streams[v->stream];
    AVRational r = av_guess_frame_rate(v->fc, st, NULL);

    *w = st->codecpar->width;
    *h = st->codecpar->height;
    if (r.num > 0 && r.den > 0) {
        av_reduce(&r.num, &r.den, r.num, r.den, 1 << 30);
        fps->num = r.num;
        fps->den = r.den;
    } else {
        fps->num = fps->den = 0;
    }
    *frames = st->nb_frames > 0 ? st->nb_frames : -1;
}

/* The next decoded frame into v->frame: 1, 0 at the end, < 0 on error. */
static int decode_next(oy_video_in *v)
{
    char msg[64];
    int ret;

    for (;;) {
        ret = avcodec_receive_frame(v->dec, v->frame);
        if (ret >= 0)
            return 1;
        if (ret == AVERROR_EOF)
            return 0;
        if (ret == AVERROR(ENOMEM))
            return OYSTER_E_NOMEM;
        /* EAGAIN, or a frame the decoder could not make (skipped): feed it */
        if (v->eof_read)
            return 0;
        ret = av_read_frame(v->fc, v->pkt);
        if (ret < 0) {
            if (ret != AVERROR_EOF)
                oy_warn(v->log, "'%s': reading stopped after %lld frames: %s", v->path,
                        (long long)v->decoded, oy_media_strerror(ret, msg, sizeof msg));
            v->eof_read = 1;
            avcodec_send_packet(v->dec, NULL);
            continue;
        }
        if (v->pkt->stream_index == v->stream) {
            ret = avcodec_send_packet(v->dec, v->pkt);
            if (ret == AVERROR(ENOMEM)) {
                av_packet_unref(v->pkt);
                return OYSTER_E_NOMEM;
            }
            /* AVERROR_INVALIDDATA and the like: a damaged packet, skipped */
        }
        av_packet_unref(v->pkt);
    }
}

static int convert(oy_video_in *v)
{
    const AVFrame *f = v->frame;
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(f->format);
    int range = f->color_range == AVCOL_RANGE_JPEG;
    int cs = f->colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT;
    size_t size = (size_t)f->width * f->height * 3;
    uint8_t *dst[4] = { NULL };
    int dst_stride[4] = { 0 };

    if (!v->sws || v->sws_w != f->width || v->sws_h != f->height ||
        v->sws_fmt != f->format || v->sws_cs != cs || v->sws_range != range) {
        sws_freeContext(v->sws);
        v->sws = sws_getContext(f->width, f->height, f->format, f->width, f->height,
                                AV_PIX_FMT_RGB24,
                                SWS_BILINEAR | SWS_ACCURATE_RND | SWS_BITEXACT | SWS_FULL_CHR_H_INT,
                                NULL, NULL, NULL);
        if (!v->sws)
            return video_fail(v->log, v->path, "unsupported pixel format");
        if (desc && !(desc->flags & AV_PIX_FMT_FLAG_RGB)) {
            /* YUV sources: the file's matrix and range */
            sws_setColorspaceDetails(v->sws, sws_getCoefficients(cs), range,
                                     sws_getCoefficients(SWS_CS_DEFAULT), 1, 0,
                                     1 << 16, 1 << 16);
        }
        v->sws_w = f->width;
        v->sws_h = f->height;
        v->sws_fmt = f->format;
        v->sws_cs = cs;
        v->sws_range = range;
    }
    if (size > v->rgb_size) {
        free(v->rgb);
        v->rgb_size = 0;
        if (!(v->rgb = oy_malloc(size)))
            return OYSTER_E_NOMEM;
        v->rgb_size = size;
    }
    dst[0] = v->rgb;
    dst_stride[0] = f->width * 3;
    if (sws_scale(v->sws, (const uint8_t *const *)f->data, f->linesize, 0, f->height,
                  dst, dst_stride) != f->height)
        return video_fail(v->log, v->path, "cannot convert the pixels");
    return 0;
}

int oy_video_in_next(oy_video_in *v, const uint8_t **rgb, int *w, int *h)
{
    int ret;

    if (v->eof_dec)
        return 0;
    ret = decode_next(v);
    if (ret <= 0) {
        v->eof_dec = 1;
        return ret;
    }
    if (v->frame->width <= 0 || v->frame->height <= 0) {
        av_frame_unref(v->frame);
        return video_fail(v->log, v->path, "a frame without a size");
    }
    ret = convert(v);
    if (ret >= 0) {
        *rgb = v->rgb;
        *w = v->frame->width;
        *h = v->frame->height;
        v->decoded++;
        ret = 1;
    }
    av_frame_unref(v->frame);
    return ret;
}

void oy_video_in_free(oy_video_in **pv)
{
    oy_video_in *v = *pv;

    if (!v)
        return;
    sws_freeContext(v->sws);
    av_frame_free(&v->frame);
    av_packet_free(&v->pkt);
    avcodec_free_context(&v->dec);
    avformat_close_input(&v->fc);
    free(v->rgb);
    free(v->path);
    free(v);
    *pv = NULL;
}
