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

typedef struct oy_move {
    double t0, dur;
    float from[3], to[3];
} oy_move;

/* Where an entity was put: absolute, or relative to the camera at its
 * time (resolved by oy_model_place_relative once a camera exists). */
enum { OY_ANCHOR_WORLD, OY_ANCHOR_CAMERA };

typedef struct oy_entrec {
    oy_entity e;               /* pos = where it was added */
    double t_add, t_remove, remove_over;
    int anchor;
    float ahead, lateral;      /* OY_ANCHOR_CAMERA: metres forward, right */
    oy_move *moves;
    size_t nmoves, cap;
} oy_entrec;

struct oy_model {
    const oy_script *script;
    uint64_t seed;
    oy_rational fps;
    float init[OY_CH_COUNT];
    oy_track tracks[OY_CH_COUNT];
    oy_entrec *ents;
    size_t nents, entcap;
    oy_event *events;
    size_t nevents, evcap;
    char **describe;           /* per directive (script order after sort) */
    char **texts;              /* strings the events point to */
    size_t ntexts, textcap;
};

/* Value of one channel at t. */
float oy_track_value(const oy_model *m, int ch, double t);
void oy_model_channels(const oy_model *m, double t, float *ch);

#endif
