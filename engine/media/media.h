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

/* Standard output ("-") is watched as it is made (`render -o - | ffplay
 * -`, `oyster wander`): each packet is written out at once, in clusters
 * of a tenth of a second. */
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

/* ---- pdf.c: PNG in memory and a small PDF writer (storyboards) ---- */

/* rgb24 as PNG bytes in memory, encoded as oy_png_write encodes files
 * (the same bytes); *data is freed with free(). */
int oy_png_encode(const uint8_t *rgb, int w, int h, ptrdiff_t stride,
                  uint8_t **data, size_t *size, oy_log *log);

/* A PDF 1.4 document written in order: images (RGB, Flate-compressed
 * with PNG predictors), then pages of text in the standard Helvetica
 * fonts (no embedding), rules, boxes and image placements. Points from
 * the page's lower-left corner. No dates and no IDs: the same calls give
 * the same bytes. Text is Latin-1 printable ASCII; anything else is '?'. */
typedef struct oy_pdf oy_pdf;
int oy_pdf_open(oy_pdf **out, const char *path, const char *title, oy_log *log);
/* An image XObject; returns its number (>= 0) for oy_pdf_draw_image. */
int oy_pdf_image(oy_pdf *p, const uint8_t *rgb, int w, int h, ptrdiff_t stride);
int oy_pdf_page_begin(oy_pdf *p, double width, double height);
void oy_pdf_draw_image(oy_pdf *p, int image, double x, double y, double w, double h);
/* Text with its baseline starting at x, y; bold: Helvetica-Bold; gray
 * 0 (black) to 1 (white). */
void oy_pdf_text(oy_pdf *p, double x, double y, double size, int bold, double gray,
                 const char *s);
/* Width of text in points at size. */
double oy_pdf_text_width(const char *s, size_t n, double size, int bold);
/* Outline (fill 0) or filled rectangle, and a line. */
void oy_pdf_rect(oy_pdf *p, double x, double y, double w, double h, double gray,
                 double line_width, int fill);
void oy_pdf_line(oy_pdf *p, double x0, double y0, double x1, double y1, double gray,
                 double line_width);
int oy_pdf_page_end(oy_pdf *p);
/* Pages tree, catalog, cross-reference table; closes the file. */
int oy_pdf_finish(oy_pdf *p);
void oy_pdf_free(oy_pdf **p);

typedef struct oy_wav oy_wav;
/* 48 kHz s16 stereo to path ("-": standard output); messages name name */
int oy_wav_open(oy_wav **out, const char *path, const char *name, oy_log *log);
int oy_wav_write(oy_wav *w, const float *lr, int nsamples);
int oy_wav_finish(oy_wav *w);                                  /* fixes the header */
void oy_wav_free(oy_wav **w);

/* Decode a still image (anything FFmpeg reads), scaled to fit max_w x max_h
 * keeping its aspect, as rgb24 (tightly packed). Errors name the file:
 * unreadable, not an image, > 64 Mpixel, truncated -> OYSTER_E_INPUT. */
int oy_image_load(const char *path, int max_w, int max_h, uint8_t **rgb,
                  int *w, int *h, oy_log *log);

/* The muxer library's ident ("Lavf59.27.100"), for framemd5 headers. */
const char *oy_media_lavf_ident(void);

/* MD5 of a buffer as 32 lowercase hex digits plus NUL. */
void oy_md5_hex(const void *p, size_t n, char out[33]);
/* The same over a whole file, with its size; a negated errno when it
 * cannot be read (said through nothing: the caller names the file). */
int oy_md5_file(const char *path, char out[33], uint64_t *size);

/* ---- lossless.c, pcm_in.c: the chunk file of `render --chunk` ----
 * Matroska with the frames as FFV1 and up to OY_LOSSLESS_MAX_TRACKS
 * stereo 48 kHz tracks of float PCM, read back bit for bit: the video
 * through oy_video_in, the tracks through oy_pcm_in. A width of 0: the
 * tracks alone (the frames go elsewhere, as PNG files). */
#define OY_LOSSLESS_MAX_TRACKS 4
typedef struct oy_lossless oy_lossless;
int oy_lossless_open(oy_lossless **out, const char *path, int width, int height,
                     oy_rational fps, int tracks, oy_log *log);
int oy_lossless_video(oy_lossless *l, const uint8_t *rgb, ptrdiff_t stride);
/* Interleaved stereo float samples of one track, any count per call. */
int oy_lossless_audio(oy_lossless *l, int track, const float *lr, int nsamples);
int oy_lossless_finish(oy_lossless *l);
void oy_lossless_free(oy_lossless **l);

typedef struct oy_pcm_in oy_pcm_in;
/* The float PCM tracks of path, in order; their number in *tracks. */
int oy_pcm_in_open(oy_pcm_in **out, const char *path, int *tracks, oy_log *log);
/* The next n samples of every track into lr[t] (interleaved stereo; an
 * entry may be NULL to skip). OYSTER_E_INPUT when the file ends first. */
int oy_pcm_in_read(oy_pcm_in *p, int n, float *const *lr);
void oy_pcm_in_free(oy_pcm_in **p);

/* ---- shared by the files of media/ ---- */

/* Open path for reading with libavformat (decode.c): a "file:" URL and
 * no image-sequence patterns, whatever the name holds. */
struct AVFormatContext;
int oy_media_open_input(struct AVFormatContext **fc, const char *path);

/* Once per process: FFmpeg's own logging off, since the engine never
 * prints; problems reach the caller through oy_log instead. */
void oy_media_init(void);

/* An FFmpeg error code as an oyster one: errno values stay (negated),
 * ENOMEM becomes OYSTER_E_NOMEM, anything else `fallback`. */
int oy_media_error(int averr, int fallback);

/* FFmpeg's text for an error code into buf (>= 64 bytes); returns buf. */
const char *oy_media_strerror(int averr, char *buf, size_t size);

/* rgb24 -> yuv420p, BT.709 limited range, in integer arithmetic so the
 * result is the same on every CPU. Chroma is sited left (H.264's default):
 * a [1 2 1] filter across, a mean of the two rows down. Odd sizes repeat
 * the last column/row. */
void oy_media_rgb_to_yuv420(const uint8_t *rgb, ptrdiff_t stride, int w, int h,
                            uint8_t *const yuv[3], const int yuv_stride[3]);

/* ---- reading what others wrote, for `oyster diff` (decode.c): telling a
 * video from a still image, and a video's frames one by one as rgb24 ---- */

enum oy_media_kind { OY_MEDIA_OTHER = 0, OY_MEDIA_VIDEO, OY_MEDIA_IMAGE };

/* What libavformat makes of path: a video (a file with a video stream
 * that is not an image demuxer's), a still image, or neither. Reports
 * nothing; an unreadable file is OY_MEDIA_OTHER. */
int oy_media_probe(const char *path);

typedef struct oy_video_in oy_video_in;

/* Open the best video stream of path. Errors name the file and return
 * OYSTER_E_INPUT (not a video, no decoder) or a negated errno. */
int oy_video_in_open(oy_video_in **out, const char *path, oy_log *log);

/* The stream's size (of its first frame as the header says), frame rate
 * (0/0 when unknown) and frame count as the container says (-1 unknown). */
void oy_video_in_info(const oy_video_in *v, int *w, int *h, oy_rational *fps,
                      int64_t *frames);

/* The next frame in presentation order as rgb24, tightly packed, valid
 * until the next call; the file's matrix and range are honoured. Returns
 * 1 with a frame, 0 at the end. A damaged packet is skipped and a read
 * error ends the stream early (with a warning), so a truncated file gives
 * fewer frames rather than an error. */
int oy_video_in_next(oy_video_in *v, const uint8_t **rgb, int *w, int *h);

void oy_video_in_free(oy_video_in **v);

#endif
