/*
 * fx_impl.h - internal to the sound effects (effects.c and fx_*.c);
 * nothing else includes it. The kit every effect is built from (hashing,
 * envelopes, filters, sweeps, knocks, creaks: fx_kit.c), the pieces a
 * one-shot shares with a loop (an engine's voice, a horse's gait and
 * hooves: fx_loops.c), and the renderers the dispatch in effects.c calls.
 * The public face of the effects is the oy_sfx_* API in audio.h.
 */
#ifndef OY_FX_IMPL_H
#define OY_FX_IMPL_H

#include "audio.h"

#define FS ((double)OY_SAMPLE_RATE)
#define CTL 32                  /* samples between filter cutoff updates */

/* What a hashed value is for: the last key of every oy_hash in the
 * effects, so that no two uses share values (a is an index: a sample, a
 * slot, an event; b a property or layer). */
enum {
    TAG_KIND = 1, TAG_NOISE, TAG_RND, TAG_KNOCK, TAG_SLIP, TAG_GRAIN,
    TAG_CYL, TAG_STRIDE, TAG_HIT, TAG_SLOT, TAG_CREAK, TAG_SYLLABLE
};

/* ---- the kit (fx_kit.c) ---- */

/* oy_hash on the effects' stream; c is a TAG_*. */
uint64_t oy_fx_hash(uint64_t seed, uint64_t a, uint64_t b, uint64_t c);
/* Property `what` of item i, uniform in [lo, hi). */
float oy_fx_rnd(uint64_t seed, uint64_t i, uint64_t what, float lo, float hi);
/* Four independent noise values (oy_noise_lane 0..3) at sample i of a layer. */
uint64_t oy_fx_noise(uint64_t seed, int64_t i, uint64_t layer);
/* x - floor(x) */
float oy_fx_frac(double x);

/* Rise over a seconds, then decay with time constant d. */
float oy_fx_hit_env(float t, float a, float d);
/* A swelling sound still starts on its first sample (the mixer puts
 * sample 0 on the cue): within 3 ms it stands at `from` of its level,
 * then the swell s (0..1) takes it the rest of the way. */
float oy_fx_swell_from(float t, float from, float s);
/* About exp(-x) for x >= 0: (1 + x/4)^-4, a division where the loops,
 * called per sample per moving source, cannot afford an exponential. */
float oy_fx_fast_decay(float x);

/* A state-variable filter at rest, and one sample through it as a low-,
 * band- (unity gain at the centre, whatever the Q) or high-pass. */
void oy_fx_svf_init(oy_svf *f, float hz, float q);
float oy_fx_lowpass(oy_svf *f, float x);
float oy_fx_bandpass(oy_svf *f, float x);
float oy_fx_highpass(oy_svf *f, float x);
/* Low-passed white noise loses level with its bandwidth; this brings a
 * noise low-passed at hz back to about the level of one at 2.5 kHz. */
float oy_fx_lp_gain(float hz);

/* Phase (cycles) at tau of a tone whose pitch glides linearly from f0 to
 * f1 Hz over tg seconds, then holds. */
double oy_fx_sweep_phase(double tau, float f0, float f1, float tg);
/* A decaying gliding tone from sample on: a thump, a plop, a bubble. */
void oy_fx_add_sweep(float *out, int64_t n, int64_t on, float f0, float f1, float tg,
                     float dec, float amp);

/* A small struck thing (debris, a latch, a wheel's clatter, a hoof's
 * clip): a tone at f ringing with time constant dec (its share: tone)
 * and a noise tick three times shorter, the noise keyed by the strike's
 * own hash. A pure function of the time since the strike. */
float oy_fx_knock_at(uint64_t key, double tau, float f, float dec, float tone);
/* Knock number id of a one-shot, from sample on, faded to zero. */
void oy_fx_add_knock(float *out, int64_t n, int64_t on, uint64_t seed, uint64_t id,
                     float f, float dec, float tone, float amp);

/* One period of a pulse train, phase ph in cycles: each cycle starts a
 * resonance of `ratio` cycles per period that dies with about `damp`
 * e-folds per period, reaching zero as the next begins. An engine's
 * firing, a hinge's stick-slip creak. */
float oy_fx_ring_pulse(double ph, float ratio, float damp);
/* A creak: stick-slip of wood or a hinge, slips gliding from f0 up to f1
 * and back over len samples from on, wavering, every slip ringing the
 * wood at res Hz, with uneven slips. */
void oy_fx_add_creak(float *out, int64_t n, uint64_t seed, int64_t on, int64_t len,
                     float f0, float f1, float res, float amp);

/* The ground (OY_GROUND_*) a one-shot lands on: p->ground, dirt when out
 * of range. Its sound is oy_ground_sounds[] (hits.c). */
int oy_fx_ground(const oy_sfx_params *p);

/* ---- shared by one-shots and loops (fx_loops.c) ---- */

/* One sample of a four-cylinder four-stroke engine `fire` firings into
 * its run at hz firings a second (rpm / 30): low harmonics of the firing
 * rate and its half (the engine cycle), the ringing pulse of each
 * exhaust stroke, uneven between cylinders (cyl holds their strengths),
 * and exhaust noise in time with the pulses. Load makes the pulses
 * sharper and brighter and the noise stronger. */
float oy_fx_engine_voice(uint64_t cyl, double fire, float hz, float load, float nz);

/* A horse's gait at a speed (m/s): strides a second and, within a
 * stride, when each hoof lands (fraction) and how hard. */
typedef struct oy_fx_gait {
    float rate;
    int beats;
    float at[4], amp[4];
} oy_fx_gait;

#define HOOF_LEN 0.12           /* seconds a contact sounds */
#define HOOF_LATE 0.008         /* at most this late on its beat */

/* One hoof's landing: when (seconds after its stride's start: always a
 * little late, never early, so a contact belongs to its own stride), how
 * hard, and the pitch of the hoof's clip. */
typedef struct oy_fx_hoof { float at, amp, clip; } oy_fx_hoof;

/* Walk, trot, canter or gallop at speed m/s. */
oy_fx_gait oy_fx_gait_of(float speed);
/* Beat j of a stride whose hash is h, from its 16 bits of h. */
oy_fx_hoof oy_fx_hoof_beat(const oy_fx_gait *g, uint64_t h, int j);
/* One hoof landing, tau seconds after contact: the weight's thump
 * gliding down, and on harder ground (hard 0..1) the hoof's clip. */
float oy_fx_hoof_at(uint64_t key, double tau, float clip, float hard);

/* ---- the renderers, called by effects.c ---- */

/* A one-shot: n samples into out (zeroed), seed already keyed by kind. */
typedef void oy_fx_one_shot(const oy_sfx_params *p, uint64_t seed, int64_t n, float *out);
/* A loop: the sound at t of a source moving at speed (> 0) m/s. */
typedef float oy_fx_loop(uint64_t seed, double t, float speed);

/* fx_impacts.c */
oy_fx_one_shot oy_fx_thunder, oy_fx_explosion, oy_fx_gunshot, oy_fx_door,
               oy_fx_impact, oy_fx_splash;
/* fx_voices.c */
oy_fx_one_shot oy_fx_crowd, oy_fx_shout, oy_fx_bell, oy_fx_horn,
               oy_fx_whoosh, oy_fx_gust;
/* fx_movers.c */
oy_fx_one_shot oy_fx_engine, oy_fx_hoofbeats, oy_fx_footsteps;
/* fx_loops.c */
oy_fx_loop oy_fx_loop_engine, oy_fx_loop_motor, oy_fx_loop_wheels,
           oy_fx_loop_hooves;

#endif
