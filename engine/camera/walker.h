/*
 * walker - the viewer of wander mode (oyster-shot(5) WANDER): a body that
 * walks, runs, jumps, turns and looks as its key script says, on the
 * ground of the world, stopped by slopes too steep to climb, water deeper
 * than the knee and solid things (rocks, buildings, trunks).
 *
 * Physics integrates at a fixed step (OY_WALK_HZ) from the start, so the
 * same keys give the same path at any frame rate. The walker at a time is
 * recomputed from the keys, starting from the last of the checkpoints it
 * keeps every second (a state file can supply one): any frame alone equals
 * the full render. Every call is thread-safe.
 */
#ifndef OY_WALKER_H
#define OY_WALKER_H

#include "../audio/audio.h"
#include "../model/model.h"
#include "../script/script.h"
#include "../world/world.h"

#define OY_WALK_HZ 240              /* physics steps per second */
#define OY_WALK_CHECKPOINT 240      /* steps between checkpoints */

/* The integrated state: everything the next step needs. */
typedef struct oy_walk_state {
    int64_t step;                   /* steps since the start */
    double x, y, z;                 /* the feet, world metres */
    double vx, vy, vz;              /* m/s */
    double yaw, pitch;              /* degrees the arrows turned (looks add) */
    double phase;                   /* steps taken; a foot lands at each integer */
    double eye_y;                   /* the height the eye rides on (smoothed feet) */
    double dip, dip_v;              /* a landing's give in the knees, m, m/s */
    double gait;                    /* bob amplitude now, m */
    int on_ground, on_deck;         /* standing; on a solid thing (a bridge) */
} oy_walk_state;

/* The state as a state file holds it (little-endian, exact). */
#define OY_WALK_STATE_BYTES (8 + 13 * 8 + 2)
void oy_walk_state_encode(const oy_walk_state *s, unsigned char out[OY_WALK_STATE_BYTES]);
void oy_walk_state_decode(const unsigned char in[OY_WALK_STATE_BYTES], oy_walk_state *s);

typedef struct oy_walker oy_walker;

int oy_walker_new(oy_walker **out, const oy_script *s, const oy_model *m,
                  const oy_world *w);
void oy_walker_free(oy_walker **wk);

/* The eye at time t: world position and yaw, pitch, roll in degrees
 * (conventions of camera.c). */
void oy_walker_eye(oy_walker *wk, double t, double pos[3], float ang[3]);
/* Footsteps and landings with onset in [t0, t1): an oy_audio_hits_fn
 * (opaque is the walker). */
int oy_walker_hits(void *wk, double t0, double t1, oy_audio_hit *out, int max);
/* The walker's state at the last checkpoint at or before t. */
void oy_walker_checkpoint(oy_walker *wk, double t, oy_walk_state *out);
/* Continue from a checkpoint (a state file's): it replaces what the
 * walker would compute at its step. */
void oy_walker_resume(oy_walker *wk, const oy_walk_state *st);
/* Forget every path computed so far (after the model's entities placed
 * relative to the walker found their places: they may stand in its way). */
void oy_walker_forget(oy_walker *wk);
/* Replace the keys (live wandering: keys arrive and holds grow while the
 * walker runs). The new keys must act as the old ones did before time
 * since (seconds); what was computed after it is computed again. */
int oy_walker_set_keys(oy_walker *wk, const oy_wander_key *keys, int n, double since);

#endif
