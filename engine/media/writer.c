/*
 * writer.c - the video file: H.264 (libx264) and AAC-LC muxed into MP4,
 * MOV or Matroska (oyster(1)). Encoding and muxing run in a thread of their
 * own fed by a small bounded queue, so the encoder works while the next
 * frame renders; the queue keeps the caller's order, and x264 runs with a
 * fixed thread count in deterministic mode, so the bytes never depend on
 * timing. Bit-exact flags keep dates and FFmpeg version strings out of the
 * file; x264's own SEI (its version and options) stays, constant for a
 * given build.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>

#include "media.h"

#define AUDIO_RATE 48000
/* Frames in flight to the encoder thread. The thread is a modest win:
 * with a 2-thread render load on 2 cores, 720p final took ~38 ms per
 * frame against ~40 ms encoding in the caller's thread, since x264's own
 * frame threads already overlap most of the encode. Two slots keep that
 * overlap; each slot holds a frame, so at 1080p more cost memory (the
 * whole render stays under 400 MB, README.md "Speed"). */
#define QUEUE_SLOTS 2
#define X264_THREADS 2   /* fixed: the bytes must not follow --threads */

enum { JOB_VIDEO, JOB_AUDIO, JOB_END };

typedef struct job {
    int kind;
    int n;               /* audio: samples (per channel) */
    void *data;
    size_t cap;          /* bytes allocated at data */
} job;

struct oy_writer {
    oy_log *log;
    char *path;
    char *url;           /* what libavformat opens: "file:PATH" or "pipe:1" */
    char msg[512];       /* the first failure, reported from the caller's thread */
    int reported;
    int width, height;
    AVFormatContext *fc;
    AVCodecContext *venc, *aenc;
    AVStream *vst, *ast;
    AVFrame *vframe, *aframe;
    AVPacket *pkt;
    int64_t vpts, apts;
    float *abuf;         /* interleaved samples short of one AAC frame */
    int abuf_n;

    /* queue: jobs [head, head + count) wait for the worker */
    pthread_t thread;
    int thread_started;
    pthread_mutex_t lock;
    pthread_cond_t job_ready, slot_free;
    job slots[QUEUE_SLOTS];
    int head, count;
    int err;             /* first error of the worker, sticky */
};

const char *oy_media_format_for(const char *path)
{
    const char *dot;

    if (!strcmp(path, "-"))
        return "matroska";
    if (!(dot = strrchr(path, '.')) || strchr(dot, '/'))
        return NULL;
    if (!strcasecmp(dot, ".mp4"))
        return "mp4";
    if (!strcasecmp(dot, ".mov"))
        return "mov";
    if (!strcasecmp(dot, ".mkv"))
        return "matroska";
    return NULL;
}

/* Failures inside the encoder thread must not call the log from there:
 * the message waits in w->msg until report() runs in the caller's. */
static int writer_fail(oy_writer *w, int averr, const char *what)
{
    char e[64];

    /* errno values in the engine's words ("output closed" for EPIPE) */
    if (!w->msg[0])
        snprintf(w->msg, sizeof w->msg, "cannot %s '%s': %s", what, w->path,
                 averr < 0 && averr > -4096 ? oyster_strerror(averr) : oy_media_strerror(averr, e, sizeof e));
    return oy_media_error(averr, OYSTER_E_ENCODER);
}

static int report(oy_writer *w, int ret)
{
    if (ret < 0 && w->msg[0] && !w->reported) {
        oy_error(w->log, "%s", w->msg);
        w->reported = 1;
    }
    return ret;
}

/* ---- encoding and muxing (worker thread, or the caller once it ends) ---- */

/* Hand every packet the encoder has ready to the interleaving muxer. */
static int drain(oy_writer *w, AVCodecContext *enc, AVStream *st)
{
    int ret;

    while ((ret = avcodec_receive_packet(enc, w->pkt)) >= 0) {
        /* CFR video: every picture lasts one tick of the codec time base */
        if (enc == w->venc && w->pkt->duration <= 0)
            w->pkt->duration = 1;
        av_packet_rescale_ts(w->pkt, enc->time_base, st->time_base);
        w->pkt->stream_index = st->index;
        if ((ret = av_interleaved_write_frame(w->fc, w->pkt)) < 0)
            return writer_fail(w, ret, "write");
    }
    if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
        return 0;
    return writer_fail(w, ret, "encode");
}

static int encode_video(oy_writer *w, const uint8_t *rgb)
{
    AVFrame *f = w->vframe;
    int ret;

    /* the encoder may still hold a reference to the last picture */
    if ((ret = av_frame_make_writable(f)) < 0)
        return writer_fail(w, ret, "encode");
    oy_media_rgb_to_yuv420(rgb, (ptrdiff_t)w->width * 3, w->width, w->height,
                           f->data, f->linesize);
    f->pts = w->vpts++;
    if ((ret = avcodec_send_frame(w->venc, f)) < 0)
        return writer_fail(w, ret, "encode");
    return drain(w, w->venc, w->vst);
}

/* One AAC frame from the first n samples of abuf (n <= frame_size). */
static int encode_audio_frame(oy_writer *w, int n)
{
    AVFrame *f = w->aframe;
    float *l, *r;
    int ret;

    if ((ret = av_frame_make_writable(f)) < 0)
        return writer_fail(w, ret, "encode");
    /* the AAC encoder accepts a short last frame; pad only if it did not */
    if (!(w->aenc->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME))
        n = w->aenc->frame_size;
    f->nb_samples = n;
    l = (float *)f->data[0];
    r = (float *)f->data[1];
    for (int i = 0; i < n; i++) {
        l[i] = i < w->abuf_n ? w->abuf[2 * i] : 0.0f;
        r[i] = i < w->abuf_n ? w->abuf[2 * i + 1] : 0.0f;
    }
    f->pts = w->apts;
    w->apts += n;
    if ((ret = avcodec_send_frame(w->aenc, f)) < 0)
        return writer_fail(w, ret, "encode");
    return drain(w, w->aenc, w->ast);
}

static int encode_audio(oy_writer *w, const float *lr, int n)
{
    int fs = w->aenc->frame_size, ret;

    while (n > 0) {
        int k = fs - w->abuf_n < n ? fs - w->abuf_n : n;
        memcpy(w->abuf + 2 * w->abuf_n, lr, (size_t)k * 2 * sizeof *lr);
        w->abuf_n += k;
        lr += 2 * k;
        n -= k;
        if (w->abuf_n == fs) {
            if ((ret = encode_audio_frame(w, fs)) < 0)
                return ret;
            w->abuf_n = 0;
        }
    }
    return 0;
}

static int run_job(oy_writer *w, const job *j)
{
    if (j->kind == JOB_VIDEO)
        return encode_video(w, j->data);
    return encode_audio(w, j->data, j->n);
}

static void *worker(void *arg)
{
    oy_writer *w = arg;

    pthread_mutex_lock(&w->lock);
    for (;;) {
        job *j;
        int ret = 0;

        while (!w->count)
            pthread_cond_wait(&w->job_ready, &w->lock);
        j = &w->slots[w->head];
        if (j->kind == JOB_END)
            break;
        if (!w->err) {
            /* the slot stays taken while it is read, outside the lock */
            pthread_mutex_unlock(&w->lock);
            ret = run_job(w, j);
            pthread_mutex_lock(&w->lock);
        }
        if (ret < 0)
            w->err = ret;
        w->head = (w->head + 1) % QUEUE_SLOTS;
        w->count--;
        pthread_cond_signal(&w->slot_free);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* Copy a job into the next free slot; blocks while the queue is full.
 * Only the caller's thread fills slots and the worker never looks past
 * head + count, so the copy runs outside the lock. */
static int enqueue(oy_writer *w, int kind, const uint8_t *src, ptrdiff_t stride,
                   size_t row_bytes, int rows, int n)
{
    size_t bytes = row_bytes * rows;
    job *j;
    int ret;

    pthread_mutex_lock(&w->lock);
    while (w->count == QUEUE_SLOTS && !w->err)
        pthread_cond_wait(&w->slot_free, &w->lock);
    ret = w->err;
    j = &w->slots[(w->head + w->count) % QUEUE_SLOTS];
    pthread_mutex_unlock(&w->lock);
    if (ret < 0)
        return report(w, ret);
    if (j->cap < bytes) {
        void *p = realloc(j->data, bytes);
        if (!p)
            return OYSTER_E_NOMEM;
        j->data = p;
        j->cap = bytes;
    }
    for (int y = 0; y < rows; y++)
        memcpy((uint8_t *)j->data + y * row_bytes, src + y * stride, row_bytes);
    j->kind = kind;
    j->n = n;
    pthread_mutex_lock(&w->lock);
    w->count++;
    pthread_cond_signal(&w->job_ready);
    pthread_mutex_unlock(&w->lock);
    return 0;
}

/* Ask the worker to stop after what is queued, and wait for it. */
static int stop_worker(oy_writer *w)
{
    if (!w->thread_started)
        return 0;
    pthread_mutex_lock(&w->lock);
    while (w->count == QUEUE_SLOTS)
        pthread_cond_wait(&w->slot_free, &w->lock);
    w->slots[(w->head + w->count) % QUEUE_SLOTS].kind = JOB_END;
    w->count++;
    pthread_cond_signal(&w->job_ready);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    w->thread_started = 0;
    return w->err;
}

/* ---- setup ---- */

static int open_video(oy_writer *w, const oy_writer_opts *o)
{
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    AVDictionary *opt = NULL;
    int ret, keyint;

    if (!codec)
        return writer_fail(w, AVERROR_ENCODER_NOT_FOUND, "encode");
    if (!(w->venc = avcodec_alloc_context3(codec)) ||
        !(w->vst = avformat_new_stream(w->fc, NULL)))
        return OYSTER_E_NOMEM;
    w->venc->width = o->width;
    w->venc->height = o->height;
    w->venc->pix_fmt = AV_PIX_FMT_YUV420P;
    w->venc->time_base = (AVRational){ o->fps.den, o->fps.num };
    w->venc->framerate = (AVRational){ o->fps.num, o->fps.den };
    /* a keyframe at least every 2 s (oyster(1)) */
    keyint = (int)(2 * (int64_t)o->fps.num / o->fps.den);
    w->venc->gop_size = keyint > 0 ? keyint : 1;
    w->venc->color_primaries = AVCOL_PRI_BT709;
    w->venc->color_trc = AVCOL_TRC_BT709;
    w->venc->colorspace = AVCOL_SPC_BT709;
    w->venc->color_range = AVCOL_RANGE_MPEG;
    w->venc->chroma_sample_location = AVCHROMA_LOC_LEFT;
    w->venc->thread_count = X264_THREADS;
    w->venc->thread_type = FF_THREAD_FRAME;
    w->venc->flags |= AV_CODEC_FLAG_BITEXACT;
    if (w->fc->oformat->flags & AVFMT_GLOBALHEADER)
        w->venc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    /* Measured on 2 cores with a 720p/480p panning test: veryfast crf 18
     * costs ~17 ms CPU per 720p frame, the next preset (faster) ~27 ms;
     * ultrafast ~3 ms per 480p frame. Ultrafast alone would drop to
     * Constrained Baseline; the 8x8 transform keeps it High (oyster(1)).
     * A 5-frame rate-control lookahead (veryfast uses 10) took peak memory
     * at 1080p from ~406 to ~359 MB at no measurable speed cost. */
    av_dict_set(&opt, "profile", "high", 0);
    av_dict_set(&opt, "preset", o->draft ? "ultrafast" : "veryfast", 0);
    av_dict_set(&opt, "crf", o->draft ? "23" : "18", 0);
    av_dict_set(&opt, "x264-params", o->draft ?
                "non-deterministic=0:cpu-independent=1:sliced-threads=0:8x8dct=1" :
                "non-deterministic=0:cpu-independent=1:sliced-threads=0:rc-lookahead=5", 0);
    ret = avcodec_open2(w->venc, codec, &opt);
    av_dict_free(&opt);
    if (ret < 0)
        return writer_fail(w, ret, "open the video encoder for");
    if ((ret = avcodec_parameters_from_context(w->vst->codecpar, w->venc)) < 0)
        return writer_fail(w, ret, "open");
    w->vst->time_base = w->venc->time_base;
    w->vst->avg_frame_rate = w->venc->framerate;
    w->vst->r_frame_rate = w->venc->framerate;
    if (!(w->vframe = av_frame_alloc()))
        return OYSTER_E_NOMEM;
    w->vframe->width = o->width;
    w->vframe->height = o->height;
    w->vframe->format = AV_PIX_FMT_YUV420P;
    if ((ret = av_frame_get_buffer(w->vframe, 0)) < 0)
        return oy_media_error(ret, OYSTER_E_ENCODER);
    return 0;
}

static int open_audio(oy_writer *w, int draft)
{
    const AVCodec *codec = avcodec_find_encoder_by_name("aac");
    AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
    AVDictionary *opt = NULL;
    int ret;

    if (!codec)
        return writer_fail(w, AVERROR_ENCODER_NOT_FOUND, "encode");
    if (!(w->aenc = avcodec_alloc_context3(codec)) ||
        !(w->ast = avformat_new_stream(w->fc, NULL)))
        return OYSTER_E_NOMEM;
    w->aenc->sample_fmt = AV_SAMPLE_FMT_FLTP;
    w->aenc->sample_rate = AUDIO_RATE;
    if ((ret = av_channel_layout_copy(&w->aenc->ch_layout, &stereo)) < 0)
        return OYSTER_E_NOMEM;
    w->aenc->bit_rate = 192000;
    w->aenc->profile = FF_PROFILE_AAC_LOW;
    w->aenc->time_base = (AVRational){ 1, AUDIO_RATE };
    w->aenc->flags |= AV_CODEC_FLAG_BITEXACT;
    if (w->fc->oformat->flags & AVFMT_GLOBALHEADER)
        w->aenc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    /* the default two-loop search costs ~3 ms per 24 fps frame, the fast
     * coder ~1 ms: worth it for drafts only */
    av_dict_set(&opt, "aac_coder", draft ? "fast" : "twoloop", 0);
    ret = avcodec_open2(w->aenc, codec, &opt);
    av_dict_free(&opt);
    if (ret < 0)
        return writer_fail(w, ret, "open the audio encoder for");
    if ((ret = avcodec_parameters_from_context(w->ast->codecpar, w->aenc)) < 0)
        return writer_fail(w, ret, "open");
    w->ast->time_base = w->aenc->time_base;
    if (!(w->abuf = oy_malloc((size_t)w->aenc->frame_size * 2 * sizeof *w->abuf)) ||
        !(w->aframe = av_frame_alloc()))
        return OYSTER_E_NOMEM;
    w->aframe->format = AV_SAMPLE_FMT_FLTP;
    w->aframe->sample_rate = AUDIO_RATE;
    w->aframe->nb_samples = w->aenc->frame_size;
    if ((ret = av_channel_layout_copy(&w->aframe->ch_layout, &stereo)) < 0 ||
        (ret = av_frame_get_buffer(w->aframe, 0)) < 0)
        return OYSTER_E_NOMEM;
    return 0;
}

static int open_output(oy_writer *w, const char *format)
{
    AVDictionary *opt = NULL;
    int ret;

    ret = avio_open(&w->fc->pb, w->url, AVIO_FLAG_WRITE);
    if (ret < 0)
        return writer_fail(w, ret, "create");
    if (!strcmp(format, "mp4") || !strcmp(format, "mov"))
        av_dict_set(&opt, "movflags", "+faststart", 0);
    /* a player behind a pipe sees each frame as it is made, not a
     * cluster of seconds later */
    if (!strcmp(w->path, "-")) {
        if (!strcmp(format, "matroska"))
            av_dict_set(&opt, "cluster_time_limit", "100", 0);
        w->fc->flags |= AVFMT_FLAG_FLUSH_PACKETS;
    }
    ret = avformat_write_header(w->fc, &opt);
    av_dict_free(&opt);
    if (ret < 0)
        return writer_fail(w, ret, "write");
    return 0;
}

int oy_writer_open(oy_writer **out, const oy_writer_opts *o, oy_log *log)
{
    const char *format = o->format ? o->format : oy_media_format_for(o->path);
    oy_writer *w;
    int ret;

    oy_media_init();
    if (!(w = oy_calloc(1, sizeof *w)))
        return OYSTER_E_NOMEM;
    w->log = log;
    w->width = o->width;
    w->height = o->height;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->job_ready, NULL);
    pthread_cond_init(&w->slot_free, NULL);
    ret = OYSTER_E_NOMEM;
    if (!(w->path = oy_strdup(o->path)) || !(w->pkt = av_packet_alloc()) ||
        !(w->url = oy_malloc(strlen(o->path) + 6)))
        goto fail;
    /* "file:" so that a ':' in the name never selects another protocol;
     * on stdout nothing can seek back, hence a format that streams */
    strcpy(w->url, strcmp(o->path, "-") ? "file:" : "pipe:1");
    if (strcmp(o->path, "-"))
        strcat(w->url, o->path);
    ret = OYSTER_E_INPUT;
    if (!format) {
        oy_error(log, "unsupported output '%s'", o->path);
        goto fail;
    }
    if (o->width <= 0 || o->height <= 0 || (o->width | o->height) & 1 ||
        o->fps.num <= 0 || o->fps.den <= 0) {
        oy_error(log, "cannot encode '%s': %dx%d at %d/%d fps", o->path,
                 o->width, o->height, o->fps.num, o->fps.den);
        goto fail;
    }
    if ((ret = avformat_alloc_output_context2(&w->fc, NULL, format, w->url)) < 0) {
        ret = writer_fail(w, ret, "open");
        goto fail;
    }
    w->fc->flags |= AVFMT_FLAG_BITEXACT;
    if ((ret = open_video(w, o)) < 0 || (o->audio && (ret = open_audio(w, o->draft)) < 0) ||
        (ret = open_output(w, format)) < 0)
        goto fail;
    if ((ret = pthread_create(&w->thread, NULL, worker, w))) {
        ret = -ret;
        oy_error(log, "cannot start the encoder for '%s': %s", o->path, strerror(-ret));
        goto fail;
    }
    w->thread_started = 1;
    *out = w;
    return 0;
fail:
    report(w, ret);
    oy_writer_free(&w);
    return ret;
}

int oy_writer_video(oy_writer *w, const uint8_t *rgb, ptrdiff_t stride)
{
    return enqueue(w, JOB_VIDEO, rgb, stride, (size_t)w->width * 3, w->height, 0);
}

int oy_writer_audio(oy_writer *w, const float *lr, int nsamples)
{
    size_t bytes = (size_t)nsamples * 2 * sizeof *lr;

    if (!w->aenc)
        return OYSTER_E_INTERNAL;
    if (nsamples <= 0)
        return 0;
    return enqueue(w, JOB_AUDIO, (const uint8_t *)lr, (ptrdiff_t)bytes, bytes, 1,
                   nsamples);
}

/* Empty an encoder at the end of the stream. */
static int flush(oy_writer *w, AVCodecContext *enc, AVStream *st)
{
    int ret = avcodec_send_frame(enc, NULL);

    if (ret < 0)
        return writer_fail(w, ret, "encode");
    return drain(w, enc, st);
}

static int finish(oy_writer *w)
{
    int ret;

    if ((ret = stop_worker(w)) < 0)
        return ret;
    if (w->aenc && w->abuf_n > 0 && (ret = encode_audio_frame(w, w->abuf_n)) < 0)
        return ret;
    w->abuf_n = 0;
    if ((ret = flush(w, w->venc, w->vst)) < 0 ||
        (w->aenc && (ret = flush(w, w->aenc, w->ast)) < 0))
        return ret;
    if ((ret = av_write_trailer(w->fc)) < 0)
        return writer_fail(w, ret, "write");
    if ((ret = avio_closep(&w->fc->pb)) < 0)
        return writer_fail(w, ret, "write");
    return 0;
}

int oy_writer_finish(oy_writer *w)
{
    return report(w, finish(w));
}

void oy_writer_free(oy_writer **pw)
{
    oy_writer *w = *pw;

    if (!w)
        return;
    stop_worker(w);
    if (w->fc) {
        /* an unfinished file stays as it is; freeing the context also
         * releases the muxer's state and queued packets */
        avio_closep(&w->fc->pb);
        avformat_free_context(w->fc);
    }
    avcodec_free_context(&w->venc);
    avcodec_free_context(&w->aenc);
    av_frame_free(&w->vframe);
    av_frame_free(&w->aframe);
    av_packet_free(&w->pkt);
    for (int i = 0; i < QUEUE_SLOTS; i++)
        free(w->slots[i].data);
    free(w->abuf);
    free(w->path);
    free(w->url);
    pthread_cond_destroy(&w->job_ready);
    pthread_cond_destroy(&w->slot_free);
    pthread_mutex_destroy(&w->lock);
    free(w);
    *pw = NULL;
}
