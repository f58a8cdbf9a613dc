/*
 * image.c - decoding a still image (world.image, oyster-shot(5)) into rgb24 that
 * fits a given box. Only FFmpeg's image demuxers are accepted, so a text
 * or video file is "not an image" rather than something decoded by
 * accident; the size limit is checked before any pixel buffer exists.
 */
#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

#include "media.h"

#define IMAGE_MAX_PIXELS 64000000LL    /* oyster-shot(5) LIMITS: 64 Mpixel */

typedef struct image_load {
    const char *path;
    oy_log *log;
    AVFormatContext *fc;
    AVCodecContext *dec;
    AVPacket *pkt;
    AVFrame *frame;
    int too_large;
} image_load;

static int image_fail(image_load *s, const char *what)
{
    oy_error(s->log, "cannot read image '%s': %s", s->path, what);
    return OYSTER_E_INPUT;
}

/* image2 reads a file by extension; the *_pipe demuxers by content; GIF
 * and APNG, animated or not, give their first picture. */
static int is_image_demuxer(const char *name)
{
    size_t n = strlen(name);

    return !strcmp(name, "image2") || !strcmp(name, "gif") ||
           !strcmp(name, "apng") || (n > 5 && !strcmp(name + n - 5, "_pipe"));
}

static int too_large(int w, int h)
{
    return (int64_t)w * h > IMAGE_MAX_PIXELS;
}

/* Decoders ask for the picture buffer once they know the size and before
 * they decode into it: the place to refuse a huge image cheaply. */
static int image_get_buffer(AVCodecContext *c, AVFrame *f, int flags)
{
    image_load *s = c->opaque;

    if (too_large(f->width, f->height)) {
        s->too_large = 1;
        return AVERROR(EINVAL);
    }
    return avcodec_default_get_buffer2(c, f, flags);
}

static int image_open(image_load *s)
{
    AVDictionary *opt = NULL;
    const AVCodec *codec;
    AVCodecParameters *par;
    char *url;
    int ret;

    /* "file:" keeps a ':' in the name from selecting another protocol;
     * pattern_type none keeps a '%' from meaning an image sequence. */
    if (!(url = oy_malloc(strlen(s->path) + 6)))
        return OYSTER_E_NOMEM;
    strcpy(url, "file:");
    strcat(url, s->path);
    av_dict_set(&opt, "pattern_type", "none", 0);
    ret = avformat_open_input(&s->fc, url, NULL, &opt);
    av_dict_free(&opt);
    free(url);
    if (ret == AVERROR(ENOMEM))
        return OYSTER_E_NOMEM;
    if (ret < 0) {
        char msg[64];
        if (ret == AVERROR_INVALIDDATA)
            return image_fail(s, "not an image");
        return image_fail(s, oy_media_strerror(ret, msg, sizeof msg));
    }
    if (!is_image_demuxer(s->fc->iformat->name) || s->fc->nb_streams != 1 ||
        s->fc->streams[0]->codecpar->codec_type != AVMEDIA_TYPE_VIDEO)
        return image_fail(s, "not an image");
    par = s->fc->streams[0]->codecpar;
    if (too_large(par->width, par->height))
        return image_fail(s, "larger than 64 Mpixel");
    if (!(codec = avcodec_find_decoder(par->codec_id)))
        return image_fail(s, "no decoder for this image format");
    if (!(s->dec = avcodec_alloc_context3(codec)))
        return OYSTER_E_NOMEM;
    if ((ret = avcodec_parameters_to_context(s->dec, par)) < 0)
        return oy_media_error(ret, OYSTER_E_INPUT);
    s->dec->opaque = s;
    s->dec->get_buffer2 = image_get_buffer;
    s->dec->thread_count = 1;
    s->dec->thread_type = 0;
    /* A damaged file is an error, not a half-grey picture. The TIFF
     * decoder would also explode on harmless unknown tags. */
    s->dec->err_recognition = AV_EF_CRCCHECK | AV_EF_BITSTREAM;
    if (par->codec_id != AV_CODEC_ID_TIFF)
        s->dec->err_recognition |= AV_EF_EXPLODE;
    if ((ret = avcodec_open2(s->dec, codec, NULL)) < 0)
        return image_fail(s, "cannot open the decoder");
    return 0;
}

/* The first picture of the file, complete or not at all. */
static int image_decode(image_load *s)
{
    int ret, eof = 0;

    for (;;) {
        ret = avcodec_receive_frame(s->dec, s->frame);
        if (ret >= 0)
            break;
        if (ret != AVERROR(EAGAIN) || eof)
            goto fail;
        ret = av_read_frame(s->fc, s->pkt);
        if (ret == AVERROR_EOF) {
            eof = 1;
            ret = avcodec_send_packet(s->dec, NULL);
        } else if (ret >= 0) {
            ret = avcodec_send_packet(s->dec, s->pkt);
            av_packet_unref(s->pkt);
        }
        if (ret < 0 && ret != AVERROR(EAGAIN))
            goto fail;
    }
    if (s->frame->decode_error_flags || (s->frame->flags & AV_FRAME_FLAG_CORRUPT))
        return image_fail(s, "truncated or corrupt");
    return 0;
fail:
    if (s->too_large)
        return image_fail(s, "larger than 64 Mpixel");
    if (ret == AVERROR(ENOMEM))
        return OYSTER_E_NOMEM;
    return image_fail(s, ret == AVERROR_EOF ? "no picture in the file"
                                            : "truncated or corrupt");
}

/* Fit w x h into max_w x max_h keeping the aspect; never enlarge. */
static void fit_box(int w, int h, int max_w, int max_h, int *ow, int *oh)
{
    *ow = w;
    *oh = h;
    if (max_w > 0 && max_h > 0 && (w > max_w || h > max_h)) {
        if ((int64_t)w * max_h > (int64_t)h * max_w) {
            *ow = max_w;
            *oh = (int)(((int64_t)h * max_w + w / 2) / w);
        } else {
            *oh = max_h;
            *ow = (int)(((int64_t)w * max_h + h / 2) / h);
        }
        if (*ow < 1)
            *ow = 1;
        if (*oh < 1)
            *oh = 1;
    }
}

static int image_convert(image_load *s, int max_w, int max_h, uint8_t **out,
                         int *ow, int *oh)
{
    const AVFrame *f = s->frame;
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(f->format);
    struct SwsContext *sws;
    uint8_t *rgb = NULL;
    uint8_t *dst[4] = { NULL };
    int dst_stride[4] = { 0 };
    int w, h, ret;

    fit_box(f->width, f->height, max_w, max_h, &w, &h);
    sws = sws_getContext(f->width, f->height, f->format, w, h, AV_PIX_FMT_RGB24,
                         SWS_AREA | SWS_ACCURATE_RND | SWS_BITEXACT,
                         NULL, NULL, NULL);
    if (!sws)
        return image_fail(s, "unsupported pixel format");
    if (desc && !(desc->flags & AV_PIX_FMT_FLAG_RGB)) {
        /* YUV sources: honour the file's matrix and range */
        const int *rgb_coef = sws_getCoefficients(SWS_CS_DEFAULT);
        int cs = f->colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT;
        sws_setColorspaceDetails(sws, sws_getCoefficients(cs),
                                 f->color_range == AVCOL_RANGE_JPEG,
                                 rgb_coef, 1, 0, 1 << 16, 1 << 16);
    }
    if (!(rgb = oy_malloc((size_t)w * h * 3))) {
        sws_freeContext(sws);
        return OYSTER_E_NOMEM;
    }
    dst[0] = rgb;
    dst_stride[0] = w * 3;
    ret = sws_scale(sws, (const uint8_t *const *)f->data, f->linesize, 0,
                    f->height, dst, dst_stride);
    sws_freeContext(sws);
    if (ret != h) {
        free(rgb);
        return image_fail(s, "cannot convert the pixels");
    }
    *out = rgb;
    *ow = w;
    *oh = h;
    return 0;
}

int oy_image_load(const char *path, int max_w, int max_h, uint8_t **rgb,
                  int *w, int *h, oy_log *log)
{
    image_load s = { .path = path, .log = log };
    int ret = OYSTER_E_NOMEM;

    if ((ret = oy_input_file(log, "image ", path)) < 0)
        return ret;
    oy_media_init();
    if (!(s.pkt = av_packet_alloc()) || !(s.frame = av_frame_alloc()))
        goto fail;
    if ((ret = image_open(&s)) < 0 || (ret = image_decode(&s)) < 0)
        goto fail;
    ret = image_convert(&s, max_w, max_h, rgb, w, h);
fail:
    av_frame_free(&s.frame);
    av_packet_free(&s.pkt);
    avcodec_free_context(&s.dec);
    avformat_close_input(&s.fc);
    return ret;
}
