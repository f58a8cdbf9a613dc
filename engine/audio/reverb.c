/*
 * reverb.c - a Freeverb-style stereo reverb (Schroeder: eight damped
 * feedback combs in parallel, then four allpasses in series, per side; the
 * right side's delays are offset for width). Delays are Jezar's tunings
 * scaled to 48 kHz. The decay is kept near 1.3 s so that the mixer's
 * 1.6 s pre-roll leaves less than -70 dB of tail unaccounted for.
 */
#include <stdlib.h>
#include <string.h>

#include "audio.h"

#define NCOMB 8
#define NALL 4
#define SPREAD 25

static const int comb_len[NCOMB] = { 1215, 1293, 1390, 1476, 1548, 1623, 1695, 1760 };
static const int all_len[NALL] = { 605, 480, 371, 245 };

typedef struct line { float *buf; int len, pos; float store; } line;

struct oy_reverb {
    line comb[2][NCOMB], all[2][NALL];
    float *mem;
    size_t memlen;
    float feedback, damp, gain, wet;
};

int oy_reverb_new(oy_reverb **out)
{
    oy_reverb *r = oy_calloc(1, sizeof(*r));
    size_t total = 0, at = 0;

    if (!r)
        return OYSTER_E_NOMEM;
    for (int s = 0; s < 2; s++) {
        for (int i = 0; i < NCOMB; i++)
            total += (size_t)(comb_len[i] + s * SPREAD);
        for (int i = 0; i < NALL; i++)
            total += (size_t)(all_len[i] + s * SPREAD);
    }
    r->mem = oy_calloc(total, sizeof(float));
    if (!r->mem) {
        free(r);
        return OYSTER_E_NOMEM;
    }
    r->memlen = total;
    for (int s = 0; s < 2; s++) {
        for (int i = 0; i < NCOMB; i++) {
            r->comb[s][i].buf = r->mem + at;
            r->comb[s][i].len = comb_len[i] + s * SPREAD;
            at += (size_t)r->comb[s][i].len;
        }
        for (int i = 0; i < NALL; i++) {
            r->all[s][i].buf = r->mem + at;
            r->all[s][i].len = all_len[i] + s * SPREAD;
            at += (size_t)r->all[s][i].len;
        }
    }
    r->feedback = 0.85f;
    r->damp = 0.3f;
    r->gain = 0.015f;
    r->wet = 1.0f;
    *out = r;
    return 0;
}

void oy_reverb_free(oy_reverb **pr)
{
    if (!*pr)
        return;
    free((*pr)->mem);
    free(*pr);
    *pr = NULL;
}

void oy_reverb_reset(oy_reverb *r)
{
    memset(r->mem, 0, r->memlen * sizeof(float));
    for (int s = 0; s < 2; s++) {
        for (int i = 0; i < NCOMB; i++)
            r->comb[s][i].pos = 0, r->comb[s][i].store = 0.0f;
        for (int i = 0; i < NALL; i++)
            r->all[s][i].pos = 0;
    }
}

void oy_reverb_process(oy_reverb *r, const float *in, float *out, int n)
{
    const float fb = r->feedback, d1 = r->damp, d2 = 1.0f - r->damp;

    for (int i = 0; i < n; i++) {
        float x = (in[2 * i] + in[2 * i + 1]) * r->gain;
        for (int s = 0; s < 2; s++) {
            float acc = 0.0f;
            for (int c = 0; c < NCOMB; c++) {
                line *l = &r->comb[s][c];
                float y = l->buf[l->pos];
                l->store = y * d2 + l->store * d1;
                l->buf[l->pos] = x + l->store * fb;
                if (++l->pos == l->len)
                    l->pos = 0;
                acc += y;
            }
            for (int c = 0; c < NALL; c++) {
                line *l = &r->all[s][c];
                float b = l->buf[l->pos];
                l->buf[l->pos] = acc + b * 0.5f;
                if (++l->pos == l->len)
                    l->pos = 0;
                acc = b - acc;
            }
            out[2 * i + s] += r->wet * acc;
        }
    }
}
