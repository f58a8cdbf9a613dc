/*
 * audio - the audio decoder: music and ambience generated from the same
 * latent state and event list as the picture (docs/architecture.md).
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
 * float in -1..1. stems (may be NULL, and each of its OY_BUS_* entries)
 * receive the buses, interleaved stereo, with the mix: gains and the master
 * gain applied but before the limiter, so that they sum to the mix before
 * peak limiting. One oy_audio renders on one thread at a time (it caches
 * recent blocks). */
int oy_audio_render(oy_audio *a, int64_t first, int n, float *mix,
                    float *const stems[OY_BUS_COUNT]);

/* The master gain (linear) chosen for the shot; measures it if needed. */
int oy_audio_master_gain(oy_audio *a, float *gain);
/* Take gain, what oy_audio_master_gain gave for the same shot in this
 * build, instead of measuring: the measure reads the whole shot, so a
 * render of a few frames costs the shot's length without it. Call before
 * the first render. */
void oy_audio_set_master_gain(oy_audio *a, float gain);
/* Measuring polls *cancel (may be NULL) before each block, a few hundred
 * milliseconds of sound, and returns OYSTER_E_INTERRUPTED when it is set. */
void oy_audio_set_cancel(oy_audio *a, volatile const int *cancel);

/* ---- one-shot sounds placed by other modules ----
 * In wander mode the walker (camera/walker.h) supplies footsteps matched to
 * its walk cycle and the ground under the viewer through this callback,
 * which oy_audio_new sets from the camera; the ambience renders them like
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
                OY_VOICE_KICK, OY_VOICE_HAT, OY_VOICE_STAB, OY_VOICE_CRASH,
                OY_VOICE_COUNT };
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
/* The stingers (music: hit) sounding anywhere in samples [s0, s1), each
 * starting on its frame's first sample; like oy_composer_notes. */
int oy_composer_stingers(oy_composer *c, int64_t s0, int64_t s1,
                         const oy_note **notes);
/* The music's level at t, 0..1: 1 but where a stop fades it out or
 * leaves it silent (stingers are not faded). */
float oy_composer_level(const oy_composer *c, double t);
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
/* How a ground sounds: a footstep's contact on it, and what it does to
 * things landing on it (the effects' impact and hoofbeats). */
typedef struct oy_ground_sound {
    float len;       /* seconds of one footstep contact */
    float lp;        /* its brightness: 0 dull .. 1 bright */
    float grit;      /* probability of a grain click per sample group */
    float low;       /* weight of the footstep's low thump */
    float thump;     /* Hz of a landing body's thump */
    float crunch_hz; /* centre of the crunch noise */
    float crunch;    /* its weight */
    float hard;      /* 0 soft (grass, snow) .. 1 hard (rock, planks): clicks, ring */
} oy_ground_sound;
extern const oy_ground_sound oy_ground_sounds[OY_GROUND_COUNT];
int64_t oy_hit_length(const oy_audio_hit *h);
/* The ground (OY_GROUND_*) a footstep or a hoof lands on at a place, from
 * its biome, its bare rock (steep ground, canyon walls) and the snow lying. */
int oy_ground_at(const oy_world *w, const oy_state *st, double x, double z);
/* Add samples [s0, s0 + count) of a hit starting at sample on. */
void oy_hit_render(const oy_audio_hit *h, int64_t on, float gl, float gr,
                   int64_t s0, int count, float *lr);

/* effects.c: the one-shot sound effects a `sound:` directive names, the
 * thunder of lightning strikes, and the loops of moving vehicles and
 * animals. A one-shot is rendered whole into a mono buffer (a pure function
 * of its kind and parameters) that the mixer places in space; a loop is a
 * pure function of time, so the mixer can read it at a moving source's
 * emission time (Doppler). Levels: a one-shot at distance 0 and gain 1
 * peaks near 0.5; the mixer attenuates by distance. */
enum oy_sfx_kind {
    OY_SFX_THUNDER, OY_SFX_EXPLOSION, OY_SFX_GUNSHOT, OY_SFX_DOOR,
    OY_SFX_BELL, OY_SFX_HORN, OY_SFX_WHOOSH, OY_SFX_IMPACT, OY_SFX_ENGINE,
    OY_SFX_HOOFBEATS, OY_SFX_CROWD, OY_SFX_GUST, OY_SFX_SPLASH,
    OY_SFX_FOOTSTEPS, OY_SFX_SHOUT, OY_SFX_COUNT
};
typedef struct oy_sfx_info {
    const char *name;          /* as a `sound:` directive writes it */
    const char *aliases;       /* other accepted names, space separated, or "" */
    const char *about;         /* one line for `oyster help sounds` */
    float length;              /* default length, seconds */
    int lasting;               /* 1: `over:` sets its length (crowd, engine,
                                  hoofbeats, footsteps, gust) */
} oy_sfx_info;
extern const oy_sfx_info oy_sfx_table[OY_SFX_COUNT];
/* Kind of a name or alias (case-insensitive), or -1. */
int oy_sfx_find(const char *name);

typedef struct oy_sfx_params {
    uint64_t seed;             /* varies each instance */
    float distance;            /* m from the listener (shapes thunder's crack
                                  and rumble, dulls far sounds); 0 = close */
    float length;              /* seconds for lasting kinds; 0 = the default */
    int ground;                /* OY_GROUND_*: footsteps, hoofbeats, impact */
} oy_sfx_params;
/* Samples the one-shot lasts (its tail included), at most 30 s. */
int64_t oy_sfx_length(int kind, const oy_sfx_params *p);
/* Render the whole one-shot, oy_sfx_length samples, into mono out. */
void oy_sfx_render(int kind, const oy_sfx_params *p, float *out);

/* Loops of things that move: the sound at time t (seconds, any real, may be
 * fractional between samples) of a source moving at speed m/s, a pure
 * function of its arguments; about 0.3 peak at full speed. */
enum oy_loop_kind { OY_LOOP_ENGINE,   /* car: firing harmonics rising with speed */
                    OY_LOOP_MOTOR,    /* boat, ship: slow diesel thump, wash */
                    OY_LOOP_WHEELS,   /* wagon: wooden wheels rumbling, creaks */
                    OY_LOOP_HOOVES,   /* horse, rider: walk/trot/gallop by speed */
                    OY_LOOP_COUNT };
float oy_sfx_loop(int kind, uint64_t seed, double t, float speed);

/* sources.c: sounds placed around the listener - sound: cues, every
 * strike's thunder and moving vehicles' loops, with distance, pan and
 * Doppler. Chunk c of the effects bus into fx and of the storm's thunder
 * (which belongs to the ambience) into amb, both overwritten. */
typedef struct oy_sources oy_sources;
/* The listener (the camera; the origin facing +z without one) at t. */
void oy_listener(const oy_camera *cam, const oy_state *st, double t, double pos[3], oy_v3 *right);
/* Pan (-1 left .. 1 right) of a point seen from the listener at lp with
 * right vector right, and its distance. */
float oy_place_pan(const double lp[3], oy_v3 right, double x, double y, double z, float *dist);
int oy_sources_new(oy_sources **out, const oy_model *m, const oy_world *w,
                   const oy_camera *cam);
void oy_sources_free(oy_sources **s);
int oy_sources_chunk(oy_sources *s, int64_t c, float *fx, float *amb);

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
