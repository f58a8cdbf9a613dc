/*
 * camera - the shot's camera: keyframe curves (Catmull-Rom with per-segment
 * easing), look_at or yaw/pitch/roll, lens and sensor, zooms, cuts and
 * handheld shake, heights above the ground. A pure function of time;
 * in wander mode, the walker's eye (walker.h).
 */
#ifndef OY_CAMERA_H
#define OY_CAMERA_H

#include "../core/core.h"
#include "../script/script.h"
#include "../world/world.h"

/* The camera at one instant, in world space (y up, absolute heights). */
typedef struct oy_view {
    double pos[3];
    oy_v3 fwd, right, up;      /* orthonormal; right-handed, fwd = +z at yaw 0 */
    float yaw, pitch, roll;    /* degrees, for readouts */
    float focal_mm;
    float sensor_w, sensor_h;  /* mm */
    float tan_half_fov_x;      /* sensor_w / (2 * focal) */
    int has_target;            /* the camera aims with look_at now: */
    double target[3];          /* the point it looks at (absolute height) */
} oy_view;

typedef struct oy_camera oy_camera;
typedef struct oy_walker oy_walker;   /* walker.h */

/* In wander mode the camera is the walker's eye (walker.h), which reads
 * the model m for the ground under it. */
int oy_camera_new(oy_camera **out, const oy_script *s, const oy_model *m,
                  const oy_world *w);
void oy_camera_free(oy_camera **c);
/* The walker in wander mode, else NULL. */
oy_walker *oy_camera_walker(const oy_camera *c);
/* The view at time t; st supplies the terrain channels for heights. */
void oy_camera_eval(const oy_camera *c, const oy_state *st, double t,
                    oy_view *out);
/* The set's own view, whatever the camera does: from 2 m over the ground
 * at the origin, level, looking along +z through the default 35 mm lens.
 * The world prompt's things are placed by it, so the set is the same
 * from any camera (oyster-shot(5), OBJECTS). */
void oy_camera_set_view(const oy_camera *c, const oy_state *st, oy_view *out);

#endif
