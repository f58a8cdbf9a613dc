/*
 * view.h - what the renderer tests share: a view from a position, yaw,
 * pitch, roll and focal length, and a state at the channels' defaults.
 */
#ifndef OY_TEST_VIEW_H
#define OY_TEST_VIEW_H

#include <math.h>
#include <string.h>

#include "render/render_impl.h"

static inline void view_make(oy_view *v, double x, double y, double z, float yaw, float pitch,
                             float roll, float focal)
{
    float ya = yaw * (float)(OY_PI / 180), pa = pitch * (float)(OY_PI / 180), ra = roll * (float)(OY_PI / 180);
    memset(v, 0, sizeof *v);
    v->pos[0] = x; v->pos[1] = y; v->pos[2] = z;
    v->fwd = oy_v3_make(sinf(ya) * cosf(pa), sinf(pa), cosf(ya) * cosf(pa));
    oy_v3 r = oy_v3_normalize(oy_v3_cross(oy_v3_make(0, 1, 0), v->fwd));
    oy_v3 u = oy_v3_cross(v->fwd, r);
    v->right = oy_v3_add(oy_v3_scale(r, cosf(ra)), oy_v3_scale(u, sinf(ra)));
    v->up = oy_v3_sub(oy_v3_scale(u, cosf(ra)), oy_v3_scale(r, sinf(ra)));
    v->yaw = yaw; v->pitch = pitch; v->roll = roll;
    v->focal_mm = focal;
    v->sensor_w = 24.89f;
    v->sensor_h = 18.66f;
    v->tan_half_fov_x = v->sensor_w / (2.0f * focal);
}

static inline void state_default(oy_state *st)
{
    memset(st, 0, sizeof *st);
    for (int i = 0; i < OY_CH_COUNT; i++)
        st->ch[i] = oy_channel_default(i);
}

#endif
