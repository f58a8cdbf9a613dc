/*
 * chunk.h - farm chunks (oyster(1), CHUNKS): a chunk's files and manifest,
 * what ties a chunk to its shot and build, and the shot's audio gain kept
 * beside the chunks. Private to engine/api/.
 */
#ifndef OY_CHUNK_H
#define OY_CHUNK_H

#include <stdio.h>

#include "../audio/audio.h"
#include "shot.h"

#define OY_CHUNK_TRACKS (1 + OY_BUS_COUNT)  /* the mix, then the buses' stems */

/* A chunk as its files are named: chunk I of N of a plan, "chunk-I-of-N"
 * (chunks > 0), or the frames first..last rendered alone, "frames-A-B"
 * (chunks 0: `render --frames A-B -o DIR`). A folder holds chunks of one
 * kind. */
typedef struct oy_chunk_id {
    int64_t chunk, chunks, first, last;
} oy_chunk_id;

/* What a manifest holds. Everything but the timing fields (started,
 * finished, host) is the same for the same chunk of the same shot and
 * build. */
typedef struct oy_manifest {
    char version[32];
    uint64_t build, shot_hash, seed;
    int64_t chunk, chunks, first, last, frames, samples;
    oy_rational fps;
    int width, height, draft, audio;     /* audio: the file holds OY_CHUNK_TRACKS tracks */
    int png;                             /* the frames are PNG files (oy_chunk_frame_path),
                                            not in the file, which is "" without audio */
    char file[96];                       /* the chunk file's name in its folder */
    uint64_t file_bytes;
    char file_md5[33];
    double started, finished;            /* seconds since the epoch */
    char host[64];
    char (*md5)[33];                     /* last - first + 1 frame hashes */
} oy_manifest;

/* The fields of chunk id of shot that say what it is (all but audio,
 * the file, the timing and the frame hashes). */
void oy_manifest_init(oy_manifest *m, const oyster_shot *shot, const oy_chunk_id *id);
/* The chunk a manifest describes. */
oy_chunk_id oy_manifest_id(const oy_manifest *m);
/* The manifest as JSON (an oy_write_fn: ctx is the oy_manifest). */
int oy_manifest_write(FILE *f, void *ctx);
/* Read a manifest; OYSTER_E_INPUT (said through log) when it is not one. */
int oy_manifest_read(const char *path, oy_manifest *m, oy_log *log);
void oy_manifest_release(oy_manifest *m);

/* The shot as rendered: its script file's bytes and everything the
 * overrides can change. */
uint64_t oy_shot_hash(const oyster_shot *shot);
/* This build: a hash of the running program's file, so that chunks of
 * two builds are never joined. */
uint64_t oy_build_id(void);
/* "chunk-I-of-N" (I padded as oyster_chunk_manifest pads it) or
 * "frames-AAAAAA-BBBBBB": its length, OYSTER_E_INPUT when it does not fit. */
int oy_chunk_name(const oy_chunk_id *id, char *buf, size_t size);
/* "chunk I of N" or "frames A-B", in buf, for messages. */
const char *oy_chunk_what(const oy_chunk_id *id, char *buf, size_t size);
/* "DIR/NAME.EXT", "DIR/NAME" for ext NULL (the folder of its PNG
 * frames); free with free(). */
char *oy_chunk_path(const char *dir, const oy_chunk_id *id, const char *ext);
/* "DIR/NAME/FFFFFF.png": frame F of a chunk rendered as PNG files. */
char *oy_chunk_frame_path(const char *dir, const oy_chunk_id *id, int64_t frame);
/* Frame n of the PNG chunk manifest m describes in dir into rgb: 1 when
 * read, 0 when its file is missing or is not a PNG of the chunk's size,
 * OYSTER_E_NOMEM. */
int oy_chunk_frame_read(const char *dir, const oy_manifest *m, int64_t n, uint8_t *rgb);

/* The chunks of dir, known by their manifests, the temporaries of chunk
 * files being written and the folders of PNG frames: of a plan, chunks 1
 * to N whether there or not (first and last -1: the shot's length is not
 * known yet); of frame ranges, those there by first frame. *ids is freed
 * with free(). OYSTER_E_INPUT (said) when there are none, or chunks of
 * two plans or of a plan and frame ranges. */
int oy_chunk_scan(const char *dir, oy_chunk_id **ids, int64_t *count, oy_log *log);

/* The shot's master gain for a: read from DIR/shot-audio.json when that
 * file is of this shot and build, else measured and written there (to a
 * temporary renamed into place: concurrent chunks write the same bytes). */
int oy_chunk_gain(oyster_shot *shot, const char *dir, oy_audio *a, oy_log *log);
/* The same in the user's cache ($XDG_CACHE_HOME/oyster, else
 * ~/.cache/oyster, as loudness-SHOTHASH.json), for renders of part of a
 * shot: a frame range costs its own frames, not the shot's length. No
 * cache folder: measured as usual. */
int oy_gain_cached(oyster_shot *shot, oy_audio *a, oy_log *log);

/* render --chunk, or --frames into a folder (oyster_render with
 * o->chunks > 0 or o->chunk_range): check the request and give the
 * chunk; 1 when the chunk is done already (its manifest is of this shot
 * and build, its file of the size and MD5 the manifest gives), 0 when it
 * is to be rendered. */
int oy_chunk_check(oyster_shot *shot, const oyster_render_opts *o, oy_chunk_id *id);

/* ---- assemble ---- */

/* The frames and samples of a folder of chunks, in order (assemble.c). */
typedef struct oy_assembly oy_assembly;
/* Frame n's pixels (rgb24), checked against its manifest's hash. */
int oy_assembly_picture(oy_assembly *as, int64_t n, uint8_t *rgb);
/* The next count samples: the mix and the stems (OY_BUS_* order). */
int oy_assembly_sound(oy_assembly *as, int count, float *mix, float *const stems[OY_BUS_COUNT]);

/* job.c: encode the frames of from into o's outputs, as a render of the
 * shot out describes would. */
int oy_assemble_run(oy_assembly *from, const oy_output *out, const oyster_render_opts *o, oy_log *log);

#endif
