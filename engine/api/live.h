/*
 * live.h - a live wander session (oyster_wander, live.c) and its parts:
 * the keys as they arrive (live_keys.c), the session written back as a
 * shot script (live_record.c), and what the render loop (job.c) asks of
 * a session. Private to engine/api/.
 */
#ifndef OY_LIVE_H
#define OY_LIVE_H

#include <stdio.h>

#include "../audio/audio.h"
#include "shot.h"

/* ---- live_keys.c: the script's keys, then the merged live holds ---- */

typedef struct oy_keylist {
    oy_wander_key *v;
    size_t n, cap;
    size_t nscript;            /* v[0 .. nscript) are the script's own */
} oy_keylist;

int oy_keylist_init(oy_keylist *k, const oy_wander_desc *w);
/* A read of the key set bits at time t: a press of space, or a hold of
 * the other keys until t + hold, merged into the last hold of the same
 * set when that reaches t. Returns 1 when the list changed, 0 when not,
 * or OYSTER_E_NOMEM. */
int oy_keylist_read(oy_keylist *k, unsigned bits, double t, double hold);
void oy_keylist_release(oy_keylist *k);

/* ---- live_record.c: the session as a shot script ---- */

typedef struct oy_record oy_record;

/* Read the shot's script again now (it must be the text the shot was
 * opened from), for oy_record_write at the end. */
int oy_record_open(oy_record **out, const oyster_shot *shot);
/* The script's text as a tree, with wander.keys = keys, output.duration =
 * seconds, the shot's seed and title, and absolute world.image and
 * world.vocabulary, written to f as YAML. */
int oy_record_write(const oy_record *r, FILE *f, const oy_wander_key *keys, size_t n,
                    double seconds);
void oy_record_free(oy_record **r);

/* ---- live.c: what the render loop asks of a session ---- */

typedef struct oy_live oy_live;

/* Before frame n: take the keys read and hand the walker the new list;
 * *stop when the session ends before frame n (never before frame 1). */
int oy_live_frame(oy_live *lv, int64_t n, int *stop);
/* The master gain for the session's sound, measured once (live.h top). */
int oy_live_gain(oy_live *lv, oy_audio *a);
/* The recorded script's path, or NULL. */
const char *oy_live_record_path(const oy_live *lv);
/* An oy_write_fn: the recorded script of the frames rendered so far. */
int oy_live_record(FILE *f, void *lv);

/* job.c: the render job of shot with o, its frames paced by lv: outputs
 * of unknown size, lv's gain, its keys before each frame, its stop, and
 * its recorded script committed with the video. */
int oy_render_live(oyster_shot *shot, const oyster_render_opts *o, oy_live *lv);

#endif
