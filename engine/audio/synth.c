/*
 * synth.c - the small signal-processing kit every audio source shares: a
 * sine wavetable filled from core's deterministic sine (so oscillators cost
 * a lookup, not a polynomial), equal-power panning and a state-variable
 * filter whose coefficients come from core's tangent.
 */
#include <pthread.h>

#include "audio.h"

float oy_sine_table[OY_SINE_N + 1];
static pthread_once_t sine_once = PTHREAD_ONCE_INIT;

static void sine_fill(void)
{
    for (int i = 0; i <= OY_SINE_N; i++)
        oy_sine_table[i] = (float)oy_sin(2.0 * OY_PI * i / OY_SINE_N);
}

void oy_synth_init(void)
{
    pthread_once(&sine_once, sine_fill);
}

void oy_pan_gains(float pan, float *l, float *r)
{
    float a = (oy_clampf(pan, -1.0f, 1.0f) + 1.0f) * (float)(OY_PI / 4.0);
    *l = oy_cosf(a);
    *r = oy_sinf(a);
}

void oy_svf_set(oy_svf *f, float hz, float q)
{
    hz = oy_clampf(hz, 10.0f, 0.45f * OY_SAMPLE_RATE);
    f->g = oy_tanf((float)OY_PI * hz / OY_SAMPLE_RATE);
    f->k = 1.0f / q;
    f->a1 = 1.0f / (1.0f + f->g * (f->g + f->k));
    f->a2 = f->g * f->a1;
    f->a3 = f->g * f->a2;
}
