/*
 * shot.h - the engine object behind oyster_shot: a loaded script with its
 * concept bank, compiled model, world and camera. Private to engine/api/.
 */
#ifndef OY_SHOT_H
#define OY_SHOT_H


#include "../camera/camera.h"
#include "../lang/lang.h"
#include "../model/model.h"
#include "../script/script.h"
#include "../world/world.h"
#include "outputs.h"

struct oyster_shot {
    oy_log log;
    oy_script *script;
    oy_bank *bank;
    oy_model *model;
    oy_world *world;
    oy_camera *camera;
    oy_entity *ents;           /* scratch for single-threaded evaluation */
};

/* State and view at time t (ents: oy_model_max_entities entries). */
void oy_shot_eval(const oyster_shot *shot, double t, oy_state *st,
                  oy_entity *ents, oy_view *view);

/* A live session's walk: what the words placed by the view from after
 * t0 up to t1 is placed again by the view as it is now (the live walk);
 * returns how many (or an error, below 0), the earliest of their times in
 * *first. */
int oy_shot_place_again(oyster_shot *shot, double t0, double t1, double *first);

/* The script's burn-ins (output.burn_in) over a w x h rgb24 picture of
 * frame n, whose state and view are st and view. */
void oy_shot_burn_in(const oyster_shot *shot, const oy_state *st, const oy_view *view,
                     int64_t n, uint8_t *rgb, int w, int h);
/* The camera file (oyster_camera_export) as output i of set (an
 * oy_fill_fn: ctx is the shot); the format by the output's name. */
int oy_camera_fill(oy_outs *set, int i, void *ctx);
/* "DIR/NAME"; free with free(), NULL when out of memory. */
char *oy_path_join(const char *dir, const char *name);

#endif
