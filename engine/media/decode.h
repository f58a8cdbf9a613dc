/*
 * decode.h - reading what others wrote, for `oyster diff`: telling a
 * video from a still image, and a video's frames one by one as rgb24.
 * Part of media/ (the module that owns FFmpeg); kept beside media.h so
 * the writers' header stays as it is.
 */
#ifndef OY_MEDIA_DECODE_H
#define OY_MEDIA_DECODE_H

#include "media.h"

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
