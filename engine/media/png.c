/*
 * png.c - rgb24 PNG files through libavcodec's PNG encoder, for `still`,
 * `frames` and the storyboard. Bit-exact mode keeps version text out of
 * the file, so the same pixels always give the same bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavutil/opt.h>

#include "media.h"

static int png_encode(const uint8_t *rgb, int w, int h, ptrdiff_t stride,
                      AVPacket *pkt)
{
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    AVCodecContext *c = NULL;
    AVFrame *f = NULL;
    int ret;

    if (!codec)
        return AVERROR_ENCODER_NOT_FOUND;
    c = avcodec_alloc_context3(codec);
    f = av_frame_alloc();
    if (!c || !f) {
        ret = AVERROR(ENOMEM);
        goto fail;
    }
    c->width = w;
    c->height = h;
    c->pix_fmt = AV_PIX_FMT_RGB24;
    c->time_base = (AVRational){ 1, 1 };
    c->flags |= AV_CODEC_FLAG_BITEXACT;
    c->thread_count = 1;
    /* zlib level 3 with the Paeth filter: within a few percent of level 9
     * in size, several times faster, which `frames` at 720p needs. */
    c->compression_level = 3;
    if ((ret = av_opt_set(c->priv_data, "pred", "paeth", 0)) < 0 ||
        (ret = avcodec_open2(c, codec, NULL)) < 0)
        goto fail;
    f->width = w;
    f->height = h;
    f->format = AV_PIX_FMT_RGB24;
    if ((ret = av_frame_get_buffer(f, 0)) < 0)
        goto fail;
    for (int y = 0; y < h; y++)
        memcpy(f->data[0] + (ptrdiff_t)y * f->linesize[0], rgb + y * stride,
               (size_t)w * 3);
    if ((ret = avcodec_send_frame(c, f)) < 0 ||
        (ret = avcodec_send_frame(c, NULL)) < 0)
        goto fail;
    ret = avcodec_receive_packet(c, pkt);
fail:
    av_frame_free(&f);
    avcodec_free_context(&c);
    return ret;
}

int oy_png_encode(const uint8_t *rgb, int w, int h, ptrdiff_t stride,
                  uint8_t **data, size_t *size, oy_log *log)
{
    AVPacket *pkt;
    char msg[64];
    int ret;

    oy_media_init();
    if (!(pkt = av_packet_alloc()))
        return OYSTER_E_NOMEM;
    if ((ret = png_encode(rgb, w, h, stride, pkt)) < 0) {
        oy_error(log, "cannot encode a %dx%d PNG: %s", w, h, oy_media_strerror(ret, msg, sizeof msg));
        ret = oy_media_error(ret, OYSTER_E_ENCODER);
    } else if (!(*data = oy_malloc((size_t)pkt->size))) {
        ret = OYSTER_E_NOMEM;
    } else {
        memcpy(*data, pkt->data, (size_t)pkt->size);
        *size = (size_t)pkt->size;
        ret = 0;
    }
    av_packet_free(&pkt);
    return ret;
}

int oy_png_write(const char *path, const uint8_t *rgb, int w, int h,
                 ptrdiff_t stride, oy_log *log)
{
    uint8_t *data = NULL;
    size_t size = 0;
    FILE *f = NULL;
    int ret;

    if ((ret = oy_png_encode(rgb, w, h, stride, &data, &size, log)) < 0)
        return ret;
    errno = 0;
    if (!(f = fopen(path, "wb")) || fwrite(data, 1, size, f) != size) {
        ret = -(errno ? errno : EIO);
    } else {
        ret = fclose(f) ? -(errno ? errno : EIO) : 0;
        f = NULL;
    }
    if (f)
        fclose(f);
    if (ret)
        oy_error(log, "cannot write '%s': %s", path, strerror(-ret));
    free(data);
    return ret;
}
