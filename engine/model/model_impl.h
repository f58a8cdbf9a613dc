/*
 * model_impl.h - the model's private structures, shared by the files of
 * model/ only: per-channel transition tracks and entity records.
 */
#ifndef OY_MODEL_IMPL_H
#define OY_MODEL_IMPL_H

#include "model.h"

/* One channel moving from `from` to `to` over [t0, t0 + dur). */
typedef struct oy_transition {
    double t0, dur;
    float from, to;
    int ease;                  /* OY_EASE_* */
} oy_transition;

typedef struct oy_track {
    oy_transition *v;
    size_t n, cap;
} oy_track;

/* One point of a move's path, shared by every entity the move moves:
 * cum is the distance along the ground from the path's first point, head
 * the heading (degrees) of the leg that ends here, carried over legs with
 * no length along the ground; hvalid 0 while no leg from the path's first
 * point has had one. */
typedef struct oy_pathpt {
    float p[3];
    float cum;
    float head;
    int hvalid;
} oy_pathpt;

/* A move: from where the entity is at t0 through npts points of the
 * model's path pool (legs: from -> pts[0], pts[0] -> pts[1], ...).
 * One point with a time is eased in and out (as it always was); a path
 * or a speed goes at a constant speed along the ground. */
typedef struct oy_move {
    double t0, dur;            /* dur is set by chain_moves when speed > 0 */
    double speed;              /* m/s given, or 0 */
    size_t p0;                 /* first point in m->pts */
    int npts;
    int eased;
    /* set by chain_moves once every position is known */
    float from[3];             /* where the entity is at t0 */
    float len0;                /* ground distance from -> pts[0] */
    float len;                 /* whole ground length; 0: a vertical move,
                                  paced by legs, that turns nothing */
    float head0;               /* heading of the first leg (or yaw0) */
    float yaw0;                /* heading at t0 */
    float stride0;             /* metres walked before t0 */
    float window;              /* half a corner's turn, metres */
    /* a herd: a move given to several entities at once keeps each where
     * it stood in the group, offset from the path the group's middle takes */
    int group;                 /* the directive's index, or -1 when alone */
    float off[2];              /* x, z from the group's middle at t0 */
    int member, herd_n;        /* which of how many the group moves */
    size_t place0;             /* the group's first place in m->places */
} oy_move;

/* Where an entity was put: absolute, or relative to the camera at its
 * time (resolved by oy_model_place_relative once a camera exists). */
enum { OY_ANCHOR_WORLD, OY_ANCHOR_CAMERA };
enum { OY_TURN_NONE, OY_TURN_ALONG, OY_TURN_FACING, OY_TURN_QUARTER, OY_TURN_ACROSS };

typedef struct oy_entrec {
    oy_entity e;               /* pos = where it was added, yaw its heading then */
    double t_add, t_remove, remove_over;
    int anchor;
    float ahead, lateral;      /* OY_ANCHOR_CAMERA: metres forward, right */
    float yaw_base;            /* given or seeded heading */
    int face;                  /* OY_FACE_*: POINT faces face_at, ID the
                                  entity face_ent where it is at t_add */
    float face_at[3];
    size_t face_ent;
    oy_move *moves;
    size_t nmoves, cap;
    oy_mark near_mark;         /* add: near: put it there (0: placed for it) */
    int turn;                  /* OY_TURN_*: how the words turn it to the
                                  view at its time: a road leads away from
                                  the camera, an arch faces it, a house
                                  shows its front at three-quarters, a
                                  caravan heads across it */
    float face_turn;           /* degrees added to the heading toward
                                  face_at (OY_TURN_QUARTER) */
    int seek;                  /* OY_SEEK_*: ground the words put it on */
    float fog_sight;           /* m: the words put it on high ground, but
                                  a fog hides all past this (0: no fog) */
    float stand_off;           /* m: a tall thing no nearer (0: any);
                                  6.3 times the height it is seen whole at */
    int by_view;               /* placed relative to the camera, once */
    int of_set;                /* named by the world prompt: placed by the
                                  set's own view, not the camera's */
    size_t beside;             /* the words put it by this entity (index +
                                  1; 0: none), placed relative to the
                                  camera first: it stands offset (right,
                                  ahead in the view) from where that one
                                  ends up */
    float beside_off[2];
    int gait;                  /* OY_GAIT_* the words set it going at */
    int going;                 /* its first move is the one the words set
                                  it going on, once it is placed */
} oy_entrec;

struct oy_model {
    const oy_script *script;
    uint64_t seed;
    oy_rational fps;
    float init[OY_CH_COUNT];
    oy_track tracks[OY_CH_COUNT];
    oy_entrec *ents;
    size_t nents, entcap;
    oy_pathpt *pts;            /* the points of every move's path */
    size_t npts, ptscap;
    float (*places)[2];        /* each herd member's offset (x, z) from its
                                  herd's middle, by herd: what it strays from */
    size_t nplaces, placecap;
    oy_event *events;
    size_t nevents, evcap;
    oy_cue *cues;              /* sorted by (frame, directive) */
    size_t ncues, cuecap;
    size_t *fades, nfades;     /* indices of the fade cues, in order */
    size_t *mixes, nmixes;     /* and of the mix cues */
    double cue_reach;          /* the longest a flash, jolt or bolt lasts */
    char **describe;           /* per directive (script order after sort) */
    char **texts;              /* strings the events point to */
    size_t ntexts, textcap;
};

/* cues.c: the cue a directive makes (0, or an error reported to log);
 * t is its frame's time. After every directive: oy_cues_settle (0 or
 * OYSTER_E_NOMEM). */
int oy_cues_add(oy_model *m, const oy_directive *d, int di, double t, oy_log *log);
int oy_cues_settle(oy_model *m);
/* The cues' part of the state at t: strikes and flash, white, fades, jolt. */
void oy_cues_state(const oy_model *m, double t, oy_state *st);
/* The first entity named `what` (id or kind) in the shot at t, or SIZE_MAX. */
size_t oy_model_find_named(const oy_model *m, const char *what, double t);

/* Value of one channel at t. */
float oy_track_value(const oy_model *m, int ch, double t);
void oy_model_channels(const oy_model *m, double t, float *ch);
/* A leg shorter than this squared along the ground has no heading. */
#define OY_LEG_MIN2 1e-8f

/* An entity as it is at t (fade included). */
void oy_entrec_at(const oy_model *m, const oy_entrec *r, double t, oy_entity *out);
/* Where a move has an entity at t >= mv->t0: position, heading, speed
 * along the ground and metres walked. */
void oy_move_at(const oy_model *m, const oy_move *mv, double t, float pos[3],
                float *yaw, float *speed, float *stride);
/* The heading from a to b (degrees, 0 = +z, clockwise seen from above,
 * in [0, 360)), or fallback when b is straight above or below a. */
float oy_heading(const float a[3], const float b[3], float fallback);

#endif
