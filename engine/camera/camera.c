/*
 * camera.c - the keyframed camera of oyster-shot(5): Catmull-Rom curves through the
 * keys with per-segment easing, look_at or yaw/pitch/roll, zooms, cuts,
 * handheld shake, heights above the ground. A pure function of time.
 *
 * Conventions: y up; yaw 0 looks along +z and grows clockwise seen from
 * above (yaw 90 looks along +x); pitch up is positive; right = up x fwd.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/model.h"
#include "camera.h"
#include "walker.h"

#define MIN_CLEARANCE 0.4   /* metres above the surface, always */

struct oy_camera {
    const oy_script *s;
    const oy_world *w;
    oy_walker *walker;         /* wander mode */
};

int oy_camera_new(oy_camera **out, const oy_script *s, const oy_model *m, const oy_world *w)
{
    oy_camera *c = oy_calloc(1, sizeof *c);
    int err;
    if (!c)
        return OYSTER_E_NOMEM;
    c->s = s;
    c->w = w;
    if (s->mode == OY_MODE_WANDER && (err = oy_walker_new(&c->walker, s, m, w))) {
        free(c);
        return err;
    }
    *out = c;
    return 0;
}

void oy_camera_free(oy_camera **pc)
{
    if (*pc)
        oy_walker_free(&(*pc)->walker);
    oy_freep(pc);
}

oy_walker *oy_camera_walker(const oy_camera *c) { return c->walker; }

static double catmull(double p0, double p1, double p2, double p3, double u)
{
    double u2 = u * u, u3 = u2 * u;
    return 0.5 * (2.0 * p1 + (p2 - p0) * u + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * u2
                  + (3.0 * p1 - p0 - 3.0 * p2 + p3) * u3);
}

/* Segment into key i (1..n-1) at local eased parameter u; neighbours are
 * clamped at the ends of the path and at cuts (a cut starts a new curve). */
static void segment_keys(const oy_camkey *k, int n, int i, int idx[4])
{
    idx[1] = i - 1;
    idx[2] = i;
    idx[0] = (i - 2 >= 0 && !k[i - 1].cut) ? i - 2 : i - 1;
    idx[3] = (i + 1 < n && !k[i + 1].cut) ? i + 1 : i;
}

static float wrap180(float a)
{
    a = fmodf(a + 180.0f, 360.0f);
    if (a < 0.0f)
        a += 360.0f;
    return a - 180.0f;
}

static void angles_of(const double *from, const double *to, float *yaw, float *pitch)
{
    double dx = to[0] - from[0], dy = to[1] - from[1], dz = to[2] - from[2];
    double h = sqrt(dx * dx + dz * dz);
    *yaw = oy_atan2f((float)dx, (float)dz) * (float)(180.0 / OY_PI);
    *pitch = oy_atan2f((float)dy, (float)h) * (float)(180.0 / OY_PI);
}

/* Absolute point from (x, height above ground, z). */
static void absolute(const oy_camera *c, const oy_state *st, const double *p, double *out)
{
    out[0] = p[0];
    out[2] = p[2];
    out[1] = oy_world_surface(c->w, st, p[0], p[2]) + p[1];
}

/* The orientation stored in a key: its yaw/pitch/roll, or derived from
 * look_at at its own position; then the absolute look_at point goes to
 * target (when not NULL). */
static void key_angles(const oy_camera *c, const oy_state *st, const oy_camkey *k, float a[3],
                       double *target)
{
    if (k->has_look_at) {
        double p[3], t[3];
        absolute(c, st, k->pos, p);
        absolute(c, st, k->look_at, t);
        angles_of(p, t, &a[0], &a[1]);
        if (target)
            memcpy(target, t, sizeof t);
        a[2] = (float)(k->has_roll ? k->roll : 0.0);
    } else {
        a[0] = (float)k->yaw;
        a[1] = (float)k->pitch;
        a[2] = (float)k->roll;
    }
}

/* Handheld shake: a few incommensurate sines with hashed phases. */
static void shake(const oy_camera *c, double t, float amount, float rot[3], float pos[3])
{
    static const double freq[3] = { 0.37, 0.91, 1.73 };
    for (int axis = 0; axis < 3; axis++) {
        double r = 0.0, q = 0.0;
        for (int k = 0; k < 3; k++) {
            double ph = 2.0 * OY_PI * oy_u01d(oy_hash(c->s->seed, OY_STREAM_CAMERA, (uint64_t)axis, (uint64_t)k, 0));
            double ph2 = 2.0 * OY_PI * oy_u01d(oy_hash(c->s->seed, OY_STREAM_CAMERA, (uint64_t)axis, (uint64_t)k, 1));
            r += oy_sin(2.0 * OY_PI * freq[k] * t + ph) / (k + 1);
            q += oy_sin(2.0 * OY_PI * freq[k] * 0.8 * t + ph2) / (k + 1);
        }
        rot[axis] = amount * (float)r * (axis == 2 ? 0.6f : 1.2f);   /* degrees */
        pos[axis] = amount * (float)q * 0.05f;                       /* metres */
    }
}

/* A shake cue's jolt: a knock that rings down at 7-13 Hz, at its fullest
 * on the cue's first frame (every axis starts at a peak), added to the
 * handheld shake. The state says how strong it is now and how old. */
static void jolt(const oy_state *st, float rot[3], float pos[3])
{
    if (!st || st->jolt <= 0.0f)
        return;
    for (int axis = 0; axis < 3; axis++) {
        uint64_t h = oy_hash(st->jolt_seed, OY_STREAM_CAMERA, (uint64_t)axis, 2, 0);
        double f = 7.0 + 6.0 * oy_u01d(h);
        float sign = (h >> 63) ? -1.0f : 1.0f;
        float w = sign * st->jolt * (float)oy_cos(2.0 * OY_PI * f * st->jolt_age);
        rot[axis] += w * (axis == 2 ? 2.0f : 3.0f);    /* degrees */
        pos[axis] += w * 0.12f;                         /* metres */
    }
}

static void basis(float yaw, float pitch, float roll, oy_view *v)
{
    const float d2r = (float)(OY_PI / 180.0);
    float cy = oy_cosf(yaw * d2r), sy = oy_sinf(yaw * d2r);
    float cp = oy_cosf(pitch * d2r), sp = oy_sinf(pitch * d2r);
    float cr = oy_cosf(roll * d2r), sr = oy_sinf(roll * d2r);
    oy_v3 fwd = oy_v3_make(sy * cp, sp, cy * cp);
    oy_v3 right = oy_v3_make(cy, 0.0f, -sy);           /* up_world x fwd, normalized */
    oy_v3 up = oy_v3_cross(fwd, right);
    /* roll turns the picture clockwise for positive angles */
    v->fwd = fwd;
    v->right = oy_v3_add(oy_v3_scale(right, cr), oy_v3_scale(up, -sr));
    v->up = oy_v3_add(oy_v3_scale(up, cr), oy_v3_scale(right, sr));
    v->yaw = yaw;
    v->pitch = pitch;
    v->roll = roll;
}

void oy_camera_set_view(const oy_camera *c, const oy_state *st, oy_view *v)
{
    v->has_target = 0;
    v->pos[0] = v->pos[2] = 0.0;
    v->pos[1] = oy_world_surface(c->w, st, 0.0, 0.0) + 2.0;
    basis(0.0f, 0.0f, 0.0f, v);
    v->focal_mm = (float)OY_DEFAULT_LENS_MM;
    v->sensor_w = (float)OY_SUPER35_W;
    v->sensor_h = (float)OY_SUPER35_H;
    v->tan_half_fov_x = v->sensor_w / (2.0f * v->focal_mm);
}

void oy_camera_eval(const oy_camera *c, const oy_state *st, double t, oy_view *v)
{
    const oy_camera_desc *cd = &c->s->camera;
    const oy_camkey *k = cd->keys;
    int n = cd->nkeys;
    double rel[3] = { 0.0, 2.0, 0.0 };     /* x, height above ground, z */
    float ang[3] = { 0.0f, 0.0f, 0.0f };
    double lens = cd->lens;
    float srot[3], spos[3];

    v->has_target = 0;
    if (c->walker) {
        double eye[3];
        oy_walker_eye(c->walker, t, eye, ang);
        srot[0] = srot[1] = srot[2] = spos[0] = spos[1] = spos[2] = 0.0f;
        jolt(st, srot, spos);
        for (int j = 0; j < 3; j++)
            v->pos[j] = eye[j] + spos[j];
        /* the eye never dips into the ground or the water */
        v->pos[1] = fmax(v->pos[1], oy_world_surface(c->w, st, v->pos[0], v->pos[2]) + MIN_CLEARANCE);
        basis(ang[0] + srot[0], oy_clampf(ang[1] + srot[1], -89.9f, 89.9f), ang[2] + srot[2], v);
        v->focal_mm = (float)lens;
        v->sensor_w = (float)cd->sensor_w;
        v->sensor_h = (float)cd->sensor_h;
        v->tan_half_fov_x = v->sensor_w / (2.0f * v->focal_mm);
        return;
    }
    if (n == 1 || (n > 1 && t <= k[0].at)) {
        memcpy(rel, k[0].pos, sizeof rel);
        key_angles(c, st, &k[0], ang, v->target);
        v->has_target = k[0].has_look_at;
        if (k[0].has_lens)
            lens = k[0].lens;
    } else if (n > 1) {
        int i = 1;
        while (i < n - 1 && t >= k[i].at)
            i++;
        if (t >= k[n - 1].at)
            i = n - 1;
        if (t >= k[i].at || (k[i].cut && t < k[i].at)) {
            /* past the end, or holding before a cut */
            const oy_camkey *h = t >= k[i].at ? &k[i] : &k[i - 1];
            memcpy(rel, h->pos, sizeof rel);
            key_angles(c, st, h, ang, v->target);
            v->has_target = h->has_look_at;
            for (int j = (int)(h - k); j >= 0; j--)
                if (k[j].has_lens) { lens = k[j].lens; break; }
        } else {
            int idx[4];
            double u = (t - k[i - 1].at) / (k[i].at - k[i - 1].at);
            float a0[3], a1[3], lens0 = (float)cd->lens, lens1;
            u = oy_ease(k[i].ease, (float)u);
            segment_keys(k, n, i, idx);
            for (int j = 0; j < 3; j++)
                rel[j] = catmull(k[idx[0]].pos[j], k[idx[1]].pos[j], k[idx[2]].pos[j],
                                 k[idx[3]].pos[j], u);
            if (rel[1] < 0.0)
                rel[1] = 0.0;
            for (int j = i - 1; j >= 0; j--)
                if (k[j].has_lens) { lens0 = (float)k[j].lens; break; }
            lens1 = k[i].has_lens ? (float)k[i].lens : lens0;
            lens = lens0 + (lens1 - lens0) * u;
            if (k[i - 1].has_look_at && k[i].has_look_at) {
                double tgt[3], p[3], q[3];
                for (int j = 0; j < 3; j++)
                    tgt[j] = catmull(k[idx[0]].has_look_at ? k[idx[0]].look_at[j] : k[idx[1]].look_at[j],
                                     k[idx[1]].look_at[j], k[idx[2]].look_at[j],
                                     k[idx[3]].has_look_at ? k[idx[3]].look_at[j] : k[idx[2]].look_at[j], u);
                absolute(c, st, rel, p);
                absolute(c, st, tgt, q);
                angles_of(p, q, &ang[0], &ang[1]);
                memcpy(v->target, q, sizeof q);
                v->has_target = 1;
                ang[2] = (float)((k[i - 1].has_roll ? k[i - 1].roll : 0.0) * (1.0 - u)
                                 + (k[i].has_roll ? k[i].roll : 0.0) * u);
            } else {
                key_angles(c, st, &k[i - 1], a0, NULL);
                key_angles(c, st, &k[i], a1, NULL);
                for (int j = 0; j < 3; j++)
                    ang[j] = a0[j] + wrap180(a1[j] - a0[j]) * (float)u;
            }
        }
    }
    shake(c, t, (float)cd->shake, srot, spos);
    jolt(st, srot, spos);
    v->pos[0] = rel[0] + spos[0];
    v->pos[2] = rel[2] + spos[2];
    {
        float ground = oy_world_surface(c->w, st, v->pos[0], v->pos[2]);
        double h = rel[1] + spos[1];
        v->pos[1] = ground + (h < MIN_CLEARANCE ? MIN_CLEARANCE : h);
    }
    basis(ang[0] + srot[0], oy_clampf(ang[1] + srot[1], -89.9f, 89.9f), ang[2] + srot[2], v);
    v->focal_mm = (float)lens;
    v->sensor_w = (float)cd->sensor_w;
    v->sensor_h = (float)cd->sensor_h;
    v->tan_half_fov_x = v->sensor_w / (2.0f * v->focal_mm);
}
