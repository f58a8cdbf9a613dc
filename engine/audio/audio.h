/*
 * audio - the audio decoder: music and ambience generated from the same
 * latent state and event list as the picture (DESIGN §6).
 *
 * Any range of samples is a pure function of the shot and the range's
 * position: rendering samples [a, b) alone gives exactly those samples of a
 * full render (stateful parts such as reverb and the limiter are run over a
 * fixed pre-roll on a fixed block grid).
 */
#ifndef OY_AUDIO_H
#define OY_AUDIO_H

#include <stdint.h>

#include "../core/core.h"
#include "../model/model.h"
#include "../world/world.h"
#include "../camera/camera.h"

#define OY_SAMPLE_RATE 48000

typedef struct oy_audio oy_audio;

int oy_audio_new(oy_audio **out, const oy_model *m, const oy_world *w,
                 const oy_camera *cam, int64_t total_samples, oy_log *log);
void oy_audio_free(oy_audio **a);

/* Render samples [first, first + n) of the final mix as interleaved stereo
 * float in -1..1. music and ambience (may be NULL) receive the two stems,
 * interleaved stereo, with the master gain applied but before the limiter,
 * so that music + ambience is the mix before peak limiting. */
int oy_audio_render(oy_audio *a, int64_t first, int n, float *mix,
                    float *music, float *ambience);

#endif
