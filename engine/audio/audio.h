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

#include <math.h>
#include <stdint.h>

#include "../core/core.h"
#include "../model/model.h"
#include "../world/world.h"
#include "../camera/camera.h"

#define OY_SAMPLE_RATE 48000

typedef struct oy_audio oy_audio;

/* w and cam may be NULL (no world: the state's biome and water channels
 * stand in for the place; no camera: the listener stands at the origin
 * facing +z). The master gain that brings the shot to -16 LUFS is measured
 * on the first render, not here, so that oy_audio_set_hits can come first. */
int oy_audio_new(oy_audio **out, const oy_model *m, const oy_world *w,
                 const oy_camera *cam, int64_t total_samples, oy_log *log);
void oy_audio_free(oy_audio **a);

/* Render samples [first, first + n) of the final mix as interleaved stereo
 * float in -1..1. music and ambience (may be NULL) receive the two stems,
 * interleaved stereo, with the master gain applied but before the limiter,
 * so that music + ambience is the mix before peak limiting. One oy_audio
 * renders on one thread at a time (it caches recent blocks). */
int oy_audio_render(oy_audio *a, int64_t first, int n, float *mix,
                    float *music, float *ambience);

/* The master gain (linear) chosen for the shot; measures it if needed. */
int oy_audio_master_gain(oy_audio *a, float *gain);

/* ---- one-shot sounds placed by other modules ----
 * Wander mode supplies footsteps matched to its walk cycle and the ground
 * under the viewer through this callback; the ambience renders them like
 * its own sources, so nothing in the mixer changes. */
enum oy_hit_kind { OY_HIT_FOOTSTEP, OY_HIT_LAND /* after a jump */ };
enum oy_ground { OY_GROUND_GRASS, OY_GROUND_DIRT, OY_GROUND_GRAVEL,
                 OY_GROUND_SAND, OY_GROUND_SNOW, OY_GROUND_ROCK,
                 OY_GROUND_WOOD, OY_GROUND_WATER, OY_GROUND_COUNT };

typedef struct oy_audio_hit {
    double t;            /* onset, seconds on the shot's timeline */
    int kind;            /* OY_HIT_* */
    int ground;          /* OY_GROUND_* */
    float pos[3];        /* world position (panned relative to the camera) */
    float gain;          /* 0..1 */
    uint64_t seed;       /* varies the sound of each hit */
} oy_audio_hit;

/* Hits with onset in [t0, t1), at most max, in time order; a pure function
 * of its arguments (it is called for overlapping ranges in any order). */
typedef int (*oy_audio_hits_fn)(void *opaque, double t0, double t1,
                                oy_audio_hit *out, int max);
/* Call before the first oy_audio_render. */
void oy_audio_set_hits(oy_audio *a, oy_audio_hits_fn fn, void *opaque);

/* ---- EBU R128 / ITU-R BS.1770 meter (48 kHz stereo) ----
 * Gating with a histogram of 0.1 LU bins, so memory does not grow with the
 * length measured. */
#define OY_R128_BINS 900          /* -70 .. +20 LUFS */
typedef struct oy_r128 {
    double k[2][4];               /* K-weighting biquad states per channel */
    double sub[3];                /* the last three 100 ms energies */
    int nsub;                     /* sub-blocks since the last gap */
    double acc;                   /* energy of the 100 ms block being filled */
    int acc_n;
    uint32_t count[OY_R128_BINS];
    double energy[OY_R128_BINS];
    float hist[2][32];            /* true-peak interpolator history */
    int hpos;
    double peak;                  /* linear, 4x oversampled */
} oy_r128;

void oy_r128_init(oy_r128 *m);
void oy_r128_add(oy_r128 *m, const float *lr, int n);
/* Measure discontiguous windows: the next sample does not continue the
 * previous one. */
void oy_r128_gap(oy_r128 *m);
/* Integrated loudness in LUFS (-HUGE_VAL when everything is gated). */
double oy_r128_integrated(const oy_r128 *m);
double oy_r128_true_peak_db(const oy_r128 *m);

/* Largest magnitude of the three points interpolated (4x, BS.1770 style)
 * between x[0] and x[stride]; x must be readable from -7 to +8 strides. */
float oy_true_peak_between(const float *x, int stride);

/* ======================================================================
 * Internal to audio/: the pieces the mixer assembles.
 * ====================================================================== */

#define OY_AUDIO_CHUNK 4800       /* synthesis grid, samples (100 ms) */

/* synth.c: wavetable sine, hashed noise, filters, panning */
#define OY_SINE_N 4096
extern float oy_sine_table[OY_SINE_N + 1];
void oy_synth_init(void);         /* idempotent, thread-safe */

/* sin(2 pi cycles) */
static inline float oy_sine(double cycles)
{
    double x = (cycles - floor(cycles)) * OY_SINE_N;
    int i = (int)x;
    float f = (float)(x - i);
    return oy_sine_table[i] + (oy_sine_table[i + 1] - oy_sine_table[i]) * f;
}
/* Lane k (0..3) of a hash as noise in [-1, 1). */
static inline float oy_noise_lane(uint64_t h, int k)
{
    return (float)(int16_t)(uint16_t)(h >> (16 * k)) * (1.0f / 32768.0f);
}
/* Equal-power gains for pan -1 (left) .. 1 (right). */
void oy_pan_gains(float pan, float *l, float *r);

/* Topology-preserving state-variable filter: stable under fast cutoff
 * modulation, which wind and surf need. */
typedef struct oy_svf { float g, k, a1, a2, a3, ic1, ic2; } oy_svf;
void oy_svf_set(oy_svf *f, float hz, float q);   /* keeps the state */
static inline void oy_svf_step(oy_svf *f, float x, float *lp, float *bp, float *hp)
{
    float v3 = x - f->ic2;
    float v1 = f->a1 * f->ic1 + f->a2 * v3;
    float v2 = f->ic2 + f->a2 * f->ic1 + f->a3 * v3;
    f->ic1 = 2.0f * v1 - f->ic1;
    f->ic2 = 2.0f * v2 - f->ic2;
    *lp = v2;
    *bp = v1;
    *hp = x - f->k * v1 - v2;
}

/* voices.c: notes as pure functions of time since their onset */
enum oy_voice { OY_VOICE_PAD, OY_VOICE_PLUCK, OY_VOICE_BELL, OY_VOICE_BASS,
                OY_VOICE_KICK, OY_VOICE_HAT, OY_VOICE_COUNT };
typedef struct oy_note {
    int voice;           /* OY_VOICE_* */
    int64_t on;          /* onset sample */
    int64_t len;         /* samples held before the release */
    float freq;          /* Hz */
    float vel;           /* linear amplitude */
    float pan;           /* -1..1 */
    float bright;        /* 0..1 timbre */
    uint64_t seed;
} oy_note;
/* Samples after on + len during which the note still sounds. */
int64_t oy_voice_tail(const oy_note *n);
/* Add the note's samples [s0, s0 + count) to interleaved stereo lr. s0 is
 * on the OY_AUDIO_CHUNK grid or the onset, so per-sample recurrences start
 * at the same places in every render. */
void oy_voice_render(const oy_note *n, int64_t s0, int count, float *lr);

/* music.c: composition (tempo grid, sections at beats, keys, progressions) */
typedef struct oy_composer oy_composer;
int oy_composer_new(oy_composer **out, const oy_model *m, double duration);
void oy_composer_free(oy_composer **c);
/* Notes sounding anywhere in samples [s0, s1); *notes stays valid until the
 * next call. Returns the count or a negative error. */
int oy_composer_notes(oy_composer *c, int64_t s0, int64_t s1,
                      const oy_note **notes);
/* Bar grid, for tests and overlays: start time of the bar holding t,
 * its length and the section (beat index + 1, 0 before any beat). */
void oy_composer_bar(const oy_composer *c, double t, double *start,
                     double *len, int *section);

/* ambience.c: wind, rain, thunder, birds, insects, water, fire, hits */
typedef struct oy_ambience oy_ambience;
int oy_ambience_new(oy_ambience **out, const oy_model *m, const oy_world *w,
                    const oy_camera *cam);
void oy_ambience_free(oy_ambience **a);
void oy_ambience_set_hits(oy_ambience *a, oy_audio_hits_fn fn, void *opaque);
/* Chunk c (samples [c * OY_AUDIO_CHUNK, +OY_AUDIO_CHUNK)) into lr (stereo),
 * overwriting it. */
int oy_ambience_chunk(oy_ambience *a, int64_t c, float *lr);

/* hits.c: one-shot sounds (footsteps by ground material) */
int64_t oy_hit_length(const oy_audio_hit *h);
/* Add samples [s0, s0 + count) of a hit starting at sample on. */
void oy_hit_render(const oy_audio_hit *h, int64_t on, float gl, float gr,
                   int64_t s0, int count, float *lr);

/* reverb.c: Freeverb-style stereo reverb (8 combs + 4 allpasses a side) */
typedef struct oy_reverb oy_reverb;
int oy_reverb_new(oy_reverb **out);
void oy_reverb_free(oy_reverb **r);
void oy_reverb_reset(oy_reverb *r);
/* Add the wet signal of stereo in to out (both n frames). */
void oy_reverb_process(oy_reverb *r, const float *in, float *out, int n);

/* limiter.c: true-peak limiter over one whole region. x holds n + lead +
 * OY_LIMITER_TAIL frames (stereo) starting lead frames before the output;
 * y receives the n limited frames after the lead. */
#define OY_LIMITER_TAIL 64
int oy_limit(const float *x, int lead, int n, float ceiling, float *y);

#endif
