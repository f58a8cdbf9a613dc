/*
 * shot.h - the engine object behind oyster_shot: a loaded script with its
 * concept bank, compiled model, world and camera. Private to engine/api/.
 */
#ifndef OY_SHOT_H
#define OY_SHOT_H

#include <stdio.h>

#include "../camera/camera.h"
#include "../lang/lang.h"
#include "../model/model.h"
#include "../script/script.h"
#include "../world/world.h"

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

/* Output files: refuse an existing one without force (OYSTER_E_EXISTS). */
int oy_check_output(oy_log *log, const char *path, int force);
/* Write a file through fn(f, ctx) to a temporary beside path, renamed
 * into place when fn returns 0 and every write succeeded; on failure the
 * temporary is removed and path is untouched. "-" writes to standard
 * output. An existing path is refused without force (OYSTER_E_EXISTS).
 * Problems are reported through log, naming path. */
typedef int (*oy_write_fn)(FILE *f, void *ctx);
int oy_write_atomic(oy_log *log, const char *path, int force, oy_write_fn fn, void *ctx);
/* The script's burn-ins (output.burn_in) over a w x h rgb24 picture of
 * frame n, whose state and view are st and view. */
void oy_shot_burn_in(const oyster_shot *shot, const oy_state *st, const oy_view *view,
                     int64_t n, uint8_t *rgb, int w, int h);
/* "DIR/NAME"; free with free(), NULL when out of memory. */
char *oy_path_join(const char *dir, const char *name);
/* "DIR/.NAME.PID.tmp" beside path; free with free(). */
char *oy_temp_path(const char *path);
/* NAME.partial.EXT beside path. */
char *oy_partial_path(const char *path);

#endif
