/*
 * edit.h - editorial timelines for other tools: the clips of one video
 * track, each cut from its media, with the story beats as markers, written
 * as OpenTimelineIO JSON (otio.c), a CMX 3600 EDL (edl.c) or FCPXML 1.9
 * (fcpxml.c). Pure writers over plain data: engine/api/editorial.c gathers
 * it from the shots.
 *
 * Time. Every count is in frames at the edit's one rate, fps_num/fps_den.
 * The record side (the timeline) starts at timecode_start; the media
 * carry no timecode of their own, so a clip's source side counts from 0
 * in its media. Timecodes are non-drop-frame HH:MM:SS:FF at the nominal
 * integer rate, as everywhere in oyster (oy_timecode_format).
 */
#ifndef OY_EDIT_H
#define OY_EDIT_H

#include <stdint.h>
#include <stdio.h>

typedef struct oy_edit_beat {
    int64_t frame;             /* within the clip, from 0 */
    const char *title;
} oy_edit_beat;

typedef struct oy_edit_clip {
    const char *name;          /* the shot's title */
    const char *script;        /* the shot script's path as given */
    const char *media;         /* the media file's path */
    const char *url;           /* the same as a file:// URL */
    int64_t media_start;       /* the clip's first frame in its media */
    int64_t media_frames;      /* frames the media holds */
    int64_t frames;            /* the clip's length */
    int audio;                 /* the media has a sound track */
    uint64_t seed;
    const char *lens;          /* "35mm" or "35mm → 50mm" */
    const char *prompt;        /* world.prompt, or NULL */
    const oy_edit_beat *beats; /* in time order */
    int nbeats;
} oy_edit_clip;

typedef struct oy_edit {
    const char *title;
    int fps_num, fps_den;
    int width, height;         /* the picture, pixels */
    int64_t timecode_start;    /* frames: the record side's first frame */
    const oy_edit_clip *clips; /* one after another on the track */
    int nclips;
} oy_edit;

/* Write e to f; 0, or a negative error. Text that the format cannot hold
 * (control characters in an EDL line) is replaced, never dropped. */
int oy_edit_write_otio(const oy_edit *e, FILE *f);
int oy_edit_write_edl(const oy_edit *e, FILE *f);
int oy_edit_write_fcpxml(const oy_edit *e, FILE *f);

#endif
