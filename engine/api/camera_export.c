/*
 * camera_export.c - `oyster camera`, `render --camera-out` and `frames
 * --camera-out`: the camera and lens on every frame of the shot's
 * timeline, sampled as the render samples it, written by
 * engine/export/camera.c in the format the file's extension asks for.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../export/export.h"
#include "shot.h"

/* Metres from the camera along its centre ray to the ground or water:
 * steps that grow with distance, then halving onto the crossing. */
static double focus_on_surface(const oyster_shot *shot, const oy_state *st, const oy_view *v)
{
    const double d[3] = { v->fwd.x, v->fwd.y, v->fwd.z };
    double lo = 0.0, hi = 0.0, step = 0.5;
    int hit = 0;

    while (hi < OY_FOCUS_FAR) {
        double p[3];
        hi = lo + step;
        for (int k = 0; k < 3; k++)
            p[k] = v->pos[k] + d[k] * hi;
        if (p[1] <= oy_world_surface(shot->world, st, p[0], p[2])) {
            hit = 1;
            break;
        }
        lo = hi;
        step = 0.5 + hi * 0.02;
    }
    if (!hit)
        return OY_FOCUS_FAR;
    for (int i = 0; i < 24; i++) {
        double mid = 0.5 * (lo + hi), p[3];
        for (int k = 0; k < 3; k++)
            p[k] = v->pos[k] + d[k] * mid;
        if (p[1] <= oy_world_surface(shot->world, st, p[0], p[2]))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

static double focus_distance(const oyster_shot *shot, const oy_state *st, const oy_view *v)
{
    if (v->has_target) {
        double s = 0.0;
        for (int k = 0; k < 3; k++)
            s += (v->target[k] - v->pos[k]) * (v->target[k] - v->pos[k]);
        return sqrt(s);
    }
    return focus_on_surface(shot, st, v);
}

static void sample(const oyster_shot *shot, int64_t n, oy_cam_frame *f)
{
    const oy_output *out = &shot->script->output;
    oy_state st;
    oy_view v;
    float fwd[3], right[3], up[3];

    memset(f, 0, sizeof *f);
    f->frame = n;
    f->t = (double)n * out->fps.den / out->fps.num;
    oy_shot_eval(shot, f->t, &st, shot->ents, &v);
    oy_timecode_format(f->timecode, n + out->timecode_start, out->fps);
    memcpy(f->pos, v.pos, sizeof f->pos);
    f->yaw = v.yaw;
    f->pitch = v.pitch;
    f->roll = v.roll;
    f->focal_mm = v.focal_mm;
    f->focus_m = focus_distance(shot, &st, &v);
    fwd[0] = v.fwd.x, fwd[1] = v.fwd.y, fwd[2] = v.fwd.z;
    right[0] = v.right.x, right[1] = v.right.y, right[2] = v.right.z;
    up[0] = v.up.x, up[1] = v.up.y, up[2] = v.up.z;
    oy_cam_exchange(f, fwd, right, up);
}

struct cam_write {
    const oy_cam_track *track;
    int fmt;
};

static int write_track(FILE *f, void *ctx)
{
    const struct cam_write *w = ctx;
    return oy_cam_write(w->track, w->fmt, f);
}

int oyster_camera_format_ok(const char *path)
{
    return oy_cam_format_of(path) >= 0;
}

/* A file oyster writes the camera of this shot to. */
static int check(oyster_shot *shot, const char *path)
{
    if (oy_cam_format_of(path) < 0) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0, "use .json, .glb, .gltf, .usda or .chan",
                "unsupported camera file '%s'", path);
        return OYSTER_E_INPUT;
    }
    return 0;
}

int oy_camera_fill(oy_outs *set, int i, void *ctx)
{
    oyster_shot *shot = ctx;
    const oy_script *s = shot->script;
    const oy_output *out = &s->output;
    const char *path = set->v[i].name;
    oy_cam_track c = { 0 };
    struct cam_write w = { &c, oy_cam_format_of(path) };
    int err;

    if ((err = check(shot, path)))
        return err;
    c.title = s->title ? s->title : "";
    c.script = s->path;
    c.seed = s->seed;
    c.fps_num = out->fps.num;
    c.fps_den = out->fps.den;
    c.width = out->width;
    c.height = out->height;
    c.timecode_start = out->timecode_start;
    oy_timecode_format(c.timecode_first, out->timecode_start, out->fps);
    c.sensor_w = s->camera.sensor_w;
    c.sensor_h = s->camera.sensor_h;
    c.gate_h = s->camera.sensor_w * out->height / out->width;
    c.n = out->frames;
    if (!(c.f = oy_calloc((size_t)c.n, sizeof *c.f)))
        return OYSTER_E_NOMEM;
    for (int64_t n = 0; n < c.n; n++)
        sample(shot, n, &c.f[n]);
    err = oy_outs_write(set, i, write_track, &w);
    free(c.f);
    return err;
}

int oyster_camera_export(oyster_shot *shot, const char *path, int force)
{
    int err = check(shot, path);
    return err ? err : oy_write_alone(&shot->log, path, force, oy_camera_fill, shot);
}
