/*
 * media - everything that touches FFmpeg's libraries: the video/audio
 * muxer (H.264 + AAC in MP4/MOV/MKV, or Matroska on stdout), PNG files,
 * WAV files, image decoding, and MD5 for frame hashes.
 *
 * Output is bit-exact: no creation time, no version strings, a fixed x264
 * thread count whatever oyster's own thread count is.
 */
#ifndef OY_MEDIA_H
#define OY_MEDIA_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/core.h"
#include "../script/script.h"

typedef struct oy_writer oy_writer;

typedef struct oy_writer_opts {
    const char *path;          /* file to write, or "-" for stdout */
    const char *format;        /* "mp4", "mov", "matroska"; NULL: from path */
    int width, height;
    oy_rational fps;
    int audio;                 /* add an AAC track */
    int draft;                 /* faster encoder preset */
} oy_writer_opts;

int oy_writer_open(oy_writer **out, const oy_writer_opts *o, oy_log *log);
/* Frames in order, pts from 0 in frame units; rgb24. */
int oy_writer_video(oy_writer *w, const uint8_t *rgb, ptrdiff_t stride);
/* Interleaved stereo float samples, any count per call. */
int oy_writer_audio(oy_writer *w, const float *lr, int nsamples);
/* Flush encoders and write the trailer. */
int oy_writer_finish(oy_writer *w);
void oy_writer_free(oy_writer **w);

/* Container name for an output path by extension, or NULL if unsupported. */
const char *oy_media_format_for(const char *path);

int oy_png_write(const char *path, const uint8_t *rgb, int w, int h,
                 ptrdiff_t stride, oy_log *log);

typedef struct oy_wav oy_wav;
int oy_wav_open(oy_wav **out, const char *path, oy_log *log);  /* 48 kHz s16 stereo */
int oy_wav_write(oy_wav *w, const float *lr, int nsamples);
int oy_wav_finish(oy_wav *w);                                  /* fixes the header */
void oy_wav_free(oy_wav **w);

/* Decode a still image (anything FFmpeg reads), scaled to fit max_w x max_h
 * keeping its aspect, as rgb24 (tightly packed). Errors name the file:
 * unreadable, not an image, > 64 Mpixel, truncated -> OYSTER_E_INPUT. */
int oy_image_load(const char *path, int max_w, int max_h, uint8_t **rgb,
                  int *w, int *h, oy_log *log);

/* MD5 of a buffer as 32 lowercase hex digits plus NUL. */
void oy_md5_hex(const void *p, size_t n, char out[33]);

#endif
