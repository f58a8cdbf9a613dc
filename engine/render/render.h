/*
 * render - the video decoder: turns the latent state and a view into an
 * RGB frame (sky and atmosphere, terrain, water, weather, post).
 *
 * A frame depends only on (world, state, view, size, quality): no history
 * between frames, one writer per pixel, a static partition of work over the
 * pool's threads. Caches (baked terrain, sky tables) may speed things up but
 * never change a pixel.
 */
#ifndef OY_RENDER_H
#define OY_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "../core/core.h"
#include "../model/model.h"
#include "../world/world.h"
#include "../camera/camera.h"
#include "../scene/scene.h"

typedef struct oy_renderer oy_renderer;

typedef struct oy_render_config {
    int width, height;
    int draft;                 /* cheaper settings, same framing */
    double aspect;             /* letterbox to this aspect; 0 none */
    uint64_t seed;
} oy_render_config;

int oy_renderer_new(oy_renderer **out, const oy_world *w,
                    const oy_render_config *cfg, oy_pool *pool);
void oy_renderer_free(oy_renderer **r);

/* Render one frame into rgb (width * 3 bytes per row at stride). */
int oy_render_frame(oy_renderer *r, const oy_state *st, const oy_view *view,
                    uint8_t *rgb, ptrdiff_t stride);

/* Where the sun is for a state: unit vector toward it (y up), and the same
 * for the moon. +z is west, +x north: a yaw-0 camera faces the sunset. */
void oy_render_sun_dir(const oy_state *st, float sun[3], float moon[3]);

#endif
