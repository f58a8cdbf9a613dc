/*
 * music.c - the composer: turns the latent music channels and the story
 * beats into notes. Everything is a pure function of the bar index:
 *
 *  - the bar grid integrates the tempo channel bar by bar (each bar keeps
 *    the whole-number tempo at its start), stored as runs of equal bars so
 *    its size depends on the script, not on the duration;
 *  - a beat starts a new section on the next bar: new key (a related
 *    one), new instrumentation and new themes;
 *  - music cues (the model's) break the grid: a change `on: now` starts a
 *    new bar on its frame, `on: beat` on the next beat of the bar it falls
 *    in, `on: bar` (the default) waits for the next bar; `from: 0` and a
 *    change after `music: stop` start a new section there; a stop fades
 *    the music out over its `over` and leaves the bars after it silent;
 *    a hit places a stinger on its frame's first sample;
 *  - bars group into 4-bar phrases paired as antecedent (ends open, on V
 *    or IV) and consequent (ends on I), periods group into 32-bar cycles
 *    (A A B A) and the themes are re-drawn every two cycles, so the music
 *    resolves its phrases and varies over minutes without looping;
 *  - valence picks the mode at each phrase start, arousal the rhythmic
 *    density, intensity the loudness and which voices play.
 */
#include <stdlib.h>
#include <string.h>

#include "audio.h"

#define FS ((double)OY_SAMPLE_RATE)
#define BAR_NOTES 160
#define BAR_CACHE 16

enum { FLAVOR_PLUCK = 1, FLAVOR_BELL = 2, FLAVOR_PERC = 4, FLAVOR_HIGH = 8 };

typedef struct run { int64_t bar0; double t0, len; } run;
typedef struct section { int64_t bar; int root; unsigned flavor; } section;
typedef struct silence { double fade0, t0, t1; } silence;   /* fade from fade0, silent [t0, t1) */
typedef struct bar_notes { int64_t bar; int n; oy_note v[BAR_NOTES]; } bar_notes;

struct oy_composer {
    const oy_model *m;
    uint64_t seed;
    run *runs;
    int nruns;
    section *secs;
    int nsecs;
    silence *sil;
    int nsil;
    oy_cue *cues;                /* the model's music cues */
    int ncues;
    int64_t *hits;               /* stinger onsets, samples, in order */
    int nhits;
    oy_entity *ents;
    bar_notes *cache;
    oy_note *out;
    size_t nout, outcap;
};

/* ---- the bar grid ---- */

static const run *run_of_bar(const oy_composer *c, int64_t bar)
{
    int lo = 0, hi = c->nruns - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (c->runs[mid].bar0 <= bar) lo = mid; else hi = mid - 1;
    }
    return &c->runs[lo];
}

static double bar_time(const oy_composer *c, int64_t bar)
{
    const run *r = run_of_bar(c, bar);
    return r->t0 + (double)(bar - r->bar0) * r->len;
}

static int64_t bar_at(const oy_composer *c, double t)
{
    int lo = 0, hi = c->nruns - 1;
    int64_t bar;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (c->runs[mid].t0 <= t) lo = mid; else hi = mid - 1;
    }
    bar = c->runs[lo].bar0 + (int64_t)floor((t - c->runs[lo].t0) / c->runs[lo].len);
    /* the division may land one bar off where t is a bar start */
    while (bar_time(c, bar + 1) <= t)
        bar++;
    while (bar_time(c, bar) > t)
        bar--;
    return bar;
}

static int eval_state(oy_composer *c, double t, oy_state *st)
{
    oy_model_eval(c->m, t < 0.0 ? 0.0 : t, st, c->ents);
    return 0;
}

/* Where a music change breaks the bar [t, t + len) it falls in: on its
 * frame (on: now, from: 0) or on the bar's next beat (on: beat); HUGE_VAL
 * when it waits for the next bar. */
static double cue_break(const oy_cue *q, double t, double len)
{
    double beat = len / 4.0;
    if (!q->change || q->stop)
        return HUGE_VAL;
    if (q->on == OY_MUSIC_ON_BEAT)
        return t + ceil((q->t - t) / beat - 1e-9) * beat;
    return q->on == OY_MUSIC_ON_NOW ? q->t : HUGE_VAL;
}

/* The end of the bar that starts at t with length len, where a cue or a
 * stop cuts it short; ci and si move forward through the cues and the
 * silences as t does. */
static double bar_end(const oy_composer *c, double t, double len, int *ci, int *si)
{
    double brk = t + len;
    while (*ci < c->ncues && c->cues[*ci].t < t - 1e-6)
        (*ci)++;
    for (int k = *ci; k < c->ncues && c->cues[k].t < t + len; k++) {
        double b = cue_break(&c->cues[k], t, len);
        if (b > t + 1e-6 && b < brk)
            brk = b;
    }
    /* a silence starts where a stop's fade ends and ends on the change
     * that starts the music again */
    while (*si < c->nsil && c->sil[*si].t1 <= t + 1e-6)
        (*si)++;
    for (int k = *si; k < c->nsil && c->sil[k].t0 < brk; k++) {
        if (c->sil[k].t0 > t + 1e-6 && c->sil[k].t0 < brk)
            brk = c->sil[k].t0;
        if (c->sil[k].t1 > t + 1e-6 && c->sil[k].t1 < brk)
            brk = c->sil[k].t1;
    }
    return brk < t + len - 1e-6 ? brk : t + len;
}

static int build_grid(oy_composer *c, double duration)
{
    size_t cap = 0;
    int64_t bar = 0;
    double t = 0.0;
    oy_state st;
    int cut = 1, ci = 0, si = 0;

    for (;;) {
        float bpm;
        double len, end;
        eval_state(c, t, &st);
        bpm = floorf(oy_clampf(st.ch[OY_CH_TEMPO], 40.0f, 200.0f) + 0.5f);
        len = 4.0 * 60.0 / bpm;
        end = bar_end(c, t, len, &ci, &si);
        /* a bar cut short is a run of its own, and so is the one after it */
        if (cut || end - t != len || c->runs[c->nruns - 1].len != len) {
            if (oy_grow(&c->runs, &cap, (size_t)c->nruns + 1, sizeof(*c->runs)) < 0)
                return OYSTER_E_NOMEM;
            c->runs[c->nruns].bar0 = bar;
            c->runs[c->nruns].t0 = t;
            c->runs[c->nruns].len = end - t;
            c->nruns++;
        }
        cut = end - t != len;
        if (t >= duration)
            break;
        bar++;
        t = bar_time(c, bar);
    }
    return 0;
}

/* The stops: each fades the music out over its `over` and silences it
 * until the next change. */
static int build_silences(oy_composer *c)
{
    c->sil = oy_calloc((size_t)c->ncues + 1, sizeof(*c->sil));
    if (!c->sil)
        return OYSTER_E_NOMEM;
    for (int i = 0; i < c->ncues; i++) {
        const oy_cue *q = &c->cues[i];
        silence *z;
        if (q->type != OY_CUE_MUSIC || !q->stop)
            continue;
        if (c->nsil && c->sil[c->nsil - 1].t1 == HUGE_VAL)
            continue;          /* stopped already */
        z = &c->sil[c->nsil++];
        z->fade0 = q->t;
        z->t0 = q->t + q->over;
        z->t1 = HUGE_VAL;
        for (int k = i + 1; k < c->ncues; k++)
            if (c->cues[k].type == OY_CUE_MUSIC && c->cues[k].change && !c->cues[k].stop) {
                /* a change during the fade takes the music back at once */
                z->t1 = c->cues[k].t;
                if (z->t0 > z->t1)
                    z->t0 = z->t1;
                break;
            }
    }
    return 0;
}

static int silent_at(const oy_composer *c, double t)
{
    for (int i = 0; i < c->nsil; i++)
        if (t >= c->sil[i].t0 - 1e-9 && t < c->sil[i].t1 - 1e-9)
            return 1;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sections start at beats, at `from: 0` and where the music starts again
 * after a stop: on the first bar that begins at or after that time (a
 * cue that starts now has cut the grid there). */
static int build_sections(oy_composer *c)
{
    static const int steps[6] = { 5, 7, 3, 9, 2, 10 };   /* related keys */
    int nev, n = 0;
    const oy_event *ev = oy_model_events(c->m, &nev);
    double *at = oy_calloc((size_t)(nev + c->ncues + c->nsil) + 1, sizeof(*at));

    c->secs = oy_calloc((size_t)(nev + c->ncues + c->nsil) + 1, sizeof(*c->secs));
    if (!c->secs || !at) {
        free(at);
        return OYSTER_E_NOMEM;
    }
    for (int i = 0; i < nev; i++)
        if (ev[i].type == OY_EV_BEAT)
            at[n++] = ev[i].t;
    for (int i = 0; i < c->ncues; i++)
        if (c->cues[i].fresh)
            at[n++] = c->cues[i].t;
    for (int i = 0; i < c->nsil; i++)
        if (c->sil[i].t1 < HUGE_VAL)
            at[n++] = c->sil[i].t1;
    qsort(at, (size_t)n, sizeof(*at), cmp_double);
    c->secs[0].root = (int)(oy_hash(c->seed, OY_STREAM_MUSIC, 0, 0, 0) % 12);
    c->secs[0].flavor = (unsigned)(oy_hash(c->seed, OY_STREAM_MUSIC, 0, 0, 1) & 15);
    c->nsecs = 1;
    for (int i = 0; i < n; i++) {
        section *s = &c->secs[c->nsecs];
        uint64_t h = oy_hash(c->seed, OY_STREAM_MUSIC, (uint64_t)c->nsecs, 0, 0);
        int64_t bar = bar_at(c, at[i]);
        if (bar_time(c, bar) < at[i] - 1e-9)
            bar++;
        s->bar = bar;
        s->root = (c->secs[c->nsecs - 1].root + steps[h % 6]) % 12;
        /* a new section always changes its instrumentation */
        s->flavor = (unsigned)((h >> 8) & 15);
        if (s->flavor == c->secs[c->nsecs - 1].flavor)
            s->flavor ^= FLAVOR_BELL | FLAVOR_HIGH;
        c->nsecs++;
    }
    free(at);
    return 0;
}

static int section_of(const oy_composer *c, int64_t bar)
{
    int k = 0;
    /* beats are few; later sections win when two beats share a bar */
    for (int i = 1; i < c->nsecs; i++)
        if (c->secs[i].bar <= bar)
            k = i;
    return k;
}

/* ---- harmony ---- */

static const int scales[4][7] = {
    { 0, 2, 4, 5, 7, 9, 11 },   /* ionian */
    { 0, 2, 4, 5, 7, 9, 10 },   /* mixolydian */
    { 0, 2, 3, 5, 7, 9, 10 },   /* dorian */
    { 0, 2, 3, 5, 7, 8, 10 },   /* aeolian */
};

/* 4-bar progressions as scale degrees; antecedents end open, consequents
 * end on the tonic. Index 0 of each family is used by the major modes,
 * 1 by the minor ones. */
static const int antecedents[2][6][4] = {
    { {0,4,5,3}, {0,5,3,4}, {0,3,1,4}, {5,3,0,4}, {0,2,3,4}, {3,0,3,4} },
    { {0,5,2,6}, {0,3,6,2}, {0,5,3,4}, {0,6,5,4}, {0,3,5,4}, {5,6,0,4} },
};
static const int consequents[2][6][4] = {
    { {5,3,4,0}, {1,4,0,0}, {3,4,0,0}, {5,1,4,0}, {3,0,4,0}, {0,3,4,0} },
    { {5,6,0,0}, {3,4,0,0}, {5,3,4,0}, {2,5,4,0}, {5,4,0,0}, {3,6,0,0} },
};

static int mode_of(float valence)
{
    if (valence >= 0.2f) return 0;
    if (valence >= 0.02f) return 1;
    if (valence >= -0.15f) return 2;
    return 3;
}

static int note_of(const int *scale, int deg)
{
    int o = deg >= 0 ? deg / 7 : -((6 - deg) / 7);
    return scale[deg - 7 * o] + 12 * o;
}

/* The chord on degree deg as semitones above the tonic (root, third,
 * fifth, colour tone). Diminished triads are replaced by the chord a third
 * below; in minor modes V takes the leading tone so cadences pull home. */
static void chord_of(int mode, int deg, int ch[4])
{
    const int *sc = scales[mode];
    if ((note_of(sc, deg + 4) - note_of(sc, deg)) == 6)
        deg = (deg + 5) % 7;
    ch[0] = note_of(sc, deg);
    ch[1] = note_of(sc, deg + 2);
    ch[2] = note_of(sc, deg + 4);
    ch[3] = mode >= 2 ? note_of(sc, deg + 6) : note_of(sc, deg + 8);
    if (mode >= 2 && deg == 4)
        ch[1] = ch[0] + 4;
}

static int voiced(int pc, int lo)
{
    return lo + (((pc - lo) % 12) + 12) % 12;
}

static float midi_hz(int midi)
{
    return 440.0f * oy_powf(2.0f, (float)(midi - 69) / 12.0f);
}

static int euclid(int step, int pulses, int steps, int rot)
{
    int i = (step + rot) % steps;
    return (i * pulses) % steps < pulses;
}

/* ---- one bar ---- */

typedef struct bar_ctx {
    oy_composer *c;
    int64_t bar;
    double t, len;              /* start and length, seconds */
    bar_notes *out;
} bar_ctx;

static void add_note(bar_ctx *b, int voice, double at, double len, float freq,
                     float vel, float pan, float bright, uint64_t salt)
{
    oy_note *n;
    if (b->out->n >= BAR_NOTES || vel <= 0.0f)
        return;
    n = &b->out->v[b->out->n++];
    n->voice = voice;
    n->on = (int64_t)floor((b->t + at) * FS + 0.5);
    n->len = (int64_t)floor(len * FS + 0.5);
    n->freq = freq;
    n->vel = vel;
    n->pan = pan;
    n->bright = oy_clampf(bright, 0.0f, 1.0f);
    n->seed = oy_hash(b->c->seed, OY_STREAM_MUSIC, (uint64_t)b->bar, (uint64_t)voice, salt);
}

static const unsigned char rhythms[3][4] = {   /* eighth positions as bits */
    { 0x11, 0x01, 0x41, 0x14 },
    { 0x59, 0x15, 0x51, 0x5d },
    { 0x77, 0xdd, 0x5f, 0x57 },
};

/* The bell melody of one bar: a walk through the scale, chord tones on
 * strong beats, ending the phrase on a chord tone of its last chord (the
 * tonic in a consequent). The walk state comes from replaying the phrase
 * from its first bar, so each bar stays a pure function of its index. */
static void melody(bar_ctx *b, uint64_t pseed, int mode, const int *prog, int pos,
                   int consequent, int density, int tonic, float vel, float bright)
{
    const int *sc = scales[mode];
    int deg = 7 + (int)(oy_hash(pseed, 1, 0, 0, 0) % 3) * 2;   /* a chord tone of I */

    for (int bar = 0; bar <= pos; bar++) {
        int cdeg = prog[bar], last = bar == 3;
        unsigned bits = rhythms[density][oy_hash(pseed, 2, (uint64_t)bar, 0, 0) % 4];
        int pts[8], np = 0;
        if (last)
            bits = consequent ? 0x01 : 0x11;
        for (int i = 0; i < 8; i++)
            if (bits >> i & 1)
                pts[np++] = i;
        for (int j = 0; j < np; j++) {
            int strong = pts[j] == 0 || pts[j] == 4;
            uint64_t h = oy_hash(pseed, 3, (uint64_t)bar, (uint64_t)j, 0);
            if (strong || mode >= 2) {
                /* nearest tone of the chord (in degrees) */
                int best = deg, bd = 99;
                for (int k = 0; k < 3; k++)
                    for (int o = 0; o < 3; o++) {
                        int d = cdeg + 2 * k + 7 * o;
                        if (abs(d - deg) < bd) { bd = abs(d - deg); best = d; }
                    }
                deg = best;
            } else {
                static const int moves[6] = { -1, 1, -2, 2, -1, 1 };
                deg += moves[h % 6];
            }
            if (last && j == np - 1 && consequent)
                deg = deg >= 10 ? 14 : 7;
            deg = deg < 4 ? deg + 2 : deg > 15 ? deg - 2 : deg;
            if (bar == pos) {
                double eighth = b->len / 8.0;
                double at = pts[j] * eighth;
                double until = j + 1 < np ? pts[j + 1] * eighth : b->len;
                int semi = note_of(sc, deg);
                int ch[4];
                chord_of(mode, cdeg, ch);
                /* the raised leading tone over V in minor */
                if (mode >= 2 && cdeg == 4 && ((semi % 12) == (ch[0] + 3) % 12))
                    semi++;
                add_note(b, OY_VOICE_BELL, at, fmin(until - at + 0.6, 2.8),
                         midi_hz(tonic + semi), vel * (strong ? 1.0f : 0.8f),
                         -0.2f + 0.4f * oy_u01(h), bright, 100 + (uint64_t)j);
            }
        }
    }
}

static void compose_bar(oy_composer *c, int64_t bar, bar_notes *out)
{
    bar_ctx b = { c, bar, 0, 0, out };
    oy_state st, ph;
    int k, mode, fam, ch[4], prog[4], tonic, reg;
    int64_t bis, phrase, pos, period, cycle, pin;
    uint64_t theme, pseed;
    float A, I, V, p_pluck, p_bell, p_perc, p_bass;
    const section *sec;

    out->bar = bar;
    out->n = 0;
    if (bar < 0 || silent_at(c, bar_time(c, bar)))
        return;
    b.t = bar_time(c, bar);
    b.len = bar_time(c, bar + 1) - b.t;
    k = section_of(c, bar);
    sec = &c->secs[k];
    bis = bar - sec->bar;
    phrase = bis / 4;
    pos = bis % 4;
    period = phrase / 2;
    cycle = period / 4;
    pin = period % 4;

    eval_state(c, b.t, &st);
    eval_state(c, bar_time(c, bar - pos), &ph);
    A = oy_clampf(st.ch[OY_CH_AROUSAL], 0.0f, 1.0f);
    I = oy_clampf(st.ch[OY_CH_INTENSITY], 0.0f, 1.0f);
    V = oy_clampf(ph.ch[OY_CH_VALENCE], -1.0f, 1.0f);
    mode = mode_of(V);
    fam = mode >= 2;
    theme = pin == 2 ? oy_hash(c->seed, OY_STREAM_MUSIC, (uint64_t)k, (uint64_t)cycle, 2)
                     : oy_hash(c->seed, OY_STREAM_MUSIC, (uint64_t)k, (uint64_t)(cycle / 2), 1);
    for (int i = 0; i < 4; i++)
        prog[i] = phrase % 2 ? consequents[fam][(theme >> 8) % 6][i]
                             : antecedents[fam][theme % 6][i];
    chord_of(mode, prog[pos], ch);
    reg = V > 0.3f ? 2 : V < -0.4f ? -2 : 0;
    if (sec->flavor & FLAVOR_HIGH)
        reg += 3;
    tonic = 60 + sec->root;
    if (tonic > 66)
        tonic -= 12;

    p_bass = oy_smoothstepf(0.08f, 0.3f, I);
    p_pluck = (sec->flavor & FLAVOR_PLUCK) ? 1.0f : oy_smoothstepf(0.35f, 0.6f, I);
    p_bell = (sec->flavor & FLAVOR_BELL) ? 0.8f : oy_smoothstepf(0.55f, 0.8f, I);
    if (!(sec->flavor & (FLAVOR_PLUCK | FLAVOR_BELL)))
        p_pluck = fmaxf(p_pluck, 0.7f);
    p_perc = oy_smoothstepf(0.4f, 0.7f, I) * ((sec->flavor & FLAVOR_PERC) ? 1.0f : 0.6f);

    /* pad: the chord in close position around the register, 4 notes */
    for (int i = 0; i < 4; i++) {
        int midi = voiced(tonic + ch[i], 52 + reg);
        add_note(&b, OY_VOICE_PAD, 0.0, b.len + 0.05, midi_hz(midi),
                 0.030f * (0.55f + 0.6f * I) * (i == 3 ? 0.6f : 1.0f),
                 -0.45f + 0.3f * (float)i, 0.25f + 0.5f * I, (uint64_t)i);
    }

    /* bass */
    if (p_bass > 0.0f) {
        int root = voiced(tonic + ch[0], 36), fifth = voiced(tonic + ch[2], 36);
        float v = 0.20f * p_bass * (0.7f + 0.3f * I);
        double beat = b.len / 4.0;
        if (A < 0.3f || (phrase % 2 && pos == 3)) {
            add_note(&b, OY_VOICE_BASS, 0.0, b.len * 0.95, midi_hz(root), v, 0, 0.3f * I, 0);
        } else if (A < 0.6f) {
            add_note(&b, OY_VOICE_BASS, 0.0, beat * 1.8, midi_hz(root), v, 0, 0.4f * I, 0);
            add_note(&b, OY_VOICE_BASS, 2 * beat, beat * 1.8,
                     midi_hz(oy_hash(c->seed, OY_STREAM_MUSIC, (uint64_t)bar, 7, 0) & 1 ? fifth : root),
                     v * 0.85f, 0, 0.4f * I, 1);
        } else {
            int pulses = 5 + (int)(A * 3.0f);
            for (int s = 0; s < 8; s++)
                if (euclid(s, pulses, 8, 0))
                    add_note(&b, OY_VOICE_BASS, s * beat / 2, beat * 0.4,
                             midi_hz(s == 4 && pulses > 5 ? root + 12 : root),
                             v * (s == 0 ? 1.0f : 0.8f), 0, 0.5f * I, (uint64_t)s);
        }
    }

    /* plucked arpeggio on a Euclidean rhythm of 16 steps */
    if (p_pluck > 0.0f) {
        int tones[5], pulses = 2 + (int)floorf(A * 10.0f + 0.5f);
        int rot = (int)(oy_hash(c->seed, OY_STREAM_MUSIC, (uint64_t)k, 3, 0) % 4);
        int pattern = (int)(oy_hash(c->seed, OY_STREAM_MUSIC, (uint64_t)k, 4, 0) % 3);
        int lastbar = phrase % 2 && pos == 3, j = 0;
        double step = b.len / 16.0;
        for (int i = 0; i < 4; i++)
            tones[i] = voiced(tonic + ch[i < 3 ? i : 0], 57 + reg) + (i == 3 ? 12 : 0);
        for (int i = 1; i < 4; i++)   /* ascending order */
            for (int q = i; q > 0 && tones[q] < tones[q - 1]; q--) {
                int tmp = tones[q]; tones[q] = tones[q - 1]; tones[q - 1] = tmp;
            }
        tones[4] = tones[1] + 12;
        for (int s = 0; s < 16; s++) {
            int idx;
            if (!euclid(s, pulses, 16, s ? rot : 0) && s)
                continue;
            if (lastbar && s > 8)
                break;
            idx = pattern == 0 ? j % 5 : pattern == 1 ? 4 - j % 5 : (j % 8 < 5 ? j % 8 : 8 - j % 8);
            add_note(&b, OY_VOICE_PLUCK, s * step, fmin(step * 3.0, 1.5),
                     midi_hz(tones[idx]), 0.12f * p_pluck * (0.55f + 0.45f * I) * (s == 0 ? 1.15f : 1.0f),
                     j % 2 ? 0.3f : -0.3f, 0.3f + 0.5f * I, 20 + (uint64_t)s);
            j++;
        }
    }

    /* bell melody */
    if (p_bell > 0.0f) {
        pseed = oy_hash(theme, (uint64_t)k, (uint64_t)phrase, (uint64_t)(phrase % 2), 5);
        melody(&b, pseed, mode, prog, (int)pos, (int)(phrase % 2), A < 0.35f ? 0 : A < 0.7f ? 1 : 2,
               tonic + (reg > 0 ? 12 : 0), 0.07f * p_bell * (0.6f + 0.4f * I), 0.3f + 0.4f * I);
    }

    /* percussion, which comes in with intensity */
    if (p_perc > 0.0f) {
        int hp = 4 + (int)floorf(A * 8.0f + 0.5f);
        double step = b.len / 16.0;
        for (int s = 0; s < 16; s++) {
            if (euclid(s, hp, 16, 2))
                add_note(&b, OY_VOICE_HAT, s * step, 0.0, 0.0f,
                         0.05f * p_perc * (s % 4 == 2 ? 1.3f : 0.8f), 0.25f, 0.5f, 40 + (uint64_t)s);
        }
        for (int s = 0; s < 16; s += 4) {
            if (s == 0 || (s == 8 && A > 0.35f) || (A > 0.7f && euclid(s / 4, 3, 4, 1)))
                add_note(&b, OY_VOICE_KICK, s * step, 0.0, 0.0f,
                         0.42f * p_perc * oy_smoothstepf(0.5f, 0.8f, I + 0.1f), 0, 0.5f, 60 + (uint64_t)s);
        }
    }

    /* a new section opens with a low hit and a bell on the new tonic */
    if (bis == 0 && k > 0) {
        add_note(&b, OY_VOICE_KICK, 0.0, 0.0, 0.0f, 0.35f, 0, 0.5f, 80);
        add_note(&b, OY_VOICE_BELL, 0.0, 2.5, midi_hz(tonic + 12), 0.08f, 0.0f, 0.6f, 81);
    }
}

/* ---- stingers ---- */

#define STING_NOTES 8
#define STING_LEN 2.6            /* seconds a stinger sounds, tails included */

static void sting_note(oy_note *q, int voice, int64_t on, float freq, float len, float vel,
                       float pan, uint64_t seed)
{
    q->voice = voice;
    q->on = on;
    q->len = (int64_t)(len * FS);
    q->freq = freq;
    q->vel = vel;
    q->pan = pan;
    q->bright = 0.7f;
    q->seed = seed;
}

/* A stinger in the key and mode of the music at its onset: a low hit, a
 * crash, a brass stab of the tonic chord over the bass, a bell on top. */
static int stinger(oy_composer *c, int64_t on, oy_note *out)
{
    double t = (double)on / FS;
    int64_t bar = bar_at(c, t);
    const section *sec = &c->secs[section_of(c, bar < 0 ? 0 : bar)];
    oy_state st;
    int ch[4], n = 0, tonic = 60 + sec->root - (sec->root > 6 ? 12 : 0);
    float I;
    uint64_t seed = oy_hash(c->seed, OY_STREAM_MUSIC, (uint64_t)on, 90, 0);

    eval_state(c, t, &st);
    I = oy_clampf(st.ch[OY_CH_INTENSITY], 0.0f, 1.0f);
    chord_of(mode_of(oy_clampf(st.ch[OY_CH_VALENCE], -1.0f, 1.0f)), 0, ch);
    sting_note(&out[n++], OY_VOICE_KICK, on, 0.0f, 0.0f, 0.35f, 0.0f, seed + 1);
    sting_note(&out[n++], OY_VOICE_CRASH, on, 430.0f, 0.0f, 0.18f, 0.3f, seed + 2);
    sting_note(&out[n++], OY_VOICE_BASS, on, midi_hz(voiced(tonic + ch[0], 36)), 1.1f, 0.20f, 0.0f, seed + 3);
    for (int i = 0; i < 3; i++)
        sting_note(&out[n++], OY_VOICE_STAB, on, midi_hz(voiced(tonic + ch[i], 55)), 0.45f,
                   0.07f * (0.8f + 0.4f * I), -0.3f + 0.3f * (float)i, seed + 4 + (uint64_t)i);
    sting_note(&out[n++], OY_VOICE_BELL, on, midi_hz(voiced(tonic + ch[0], 72)), 1.2f, 0.07f, 0.1f, seed + 7);
    return n;
}

int oy_composer_stingers(oy_composer *c, int64_t s0, int64_t s1, const oy_note **notes)
{
    int64_t reach = (int64_t)(STING_LEN * FS);

    c->nout = 0;
    for (int i = 0; i < c->nhits; i++) {
        oy_note v[STING_NOTES];
        int n;
        if (c->hits[i] >= s1 || c->hits[i] + reach <= s0)
            continue;
        n = stinger(c, c->hits[i], v);
        if (oy_grow(&c->out, &c->outcap, c->nout + (size_t)n, sizeof(*c->out)) < 0)
            return OYSTER_E_NOMEM;
        memcpy(c->out + c->nout, v, sizeof(*v) * (size_t)n);
        c->nout += (size_t)n;
    }
    *notes = c->out;
    return (int)c->nout;
}

float oy_composer_level(const oy_composer *c, double t)
{
    for (int i = 0; i < c->nsil; i++) {
        const silence *z = &c->sil[i];
        if (t < z->fade0 || t >= z->t1)
            continue;
        if (t >= z->t0)
            return 0.0f;
        return 1.0f - (float)((t - z->fade0) / (z->t0 - z->fade0));
    }
    return 1.0f;
}

/* ---- queries ---- */

static const bar_notes *notes_of_bar(oy_composer *c, int64_t bar)
{
    bar_notes *e = &c->cache[((bar % BAR_CACHE) + BAR_CACHE) % BAR_CACHE];
    if (e->bar != bar)
        compose_bar(c, bar, e);
    return e;
}

int oy_composer_notes(oy_composer *c, int64_t s0, int64_t s1, const oy_note **notes)
{
    double t0 = (double)s0 / FS, t1 = (double)s1 / FS;
    int64_t b0 = bar_at(c, t0) - 2, b1 = bar_at(c, t1);
    int64_t lb = bar_at(c, t0 - 4.5);

    if (lb < b0)
        b0 = lb;
    c->nout = 0;
    for (int64_t bar = b0 < 0 ? 0 : b0; bar <= b1; bar++) {
        const bar_notes *bn = notes_of_bar(c, bar);
        for (int i = 0; i < bn->n; i++) {
            const oy_note *n = &bn->v[i];
            if (n->on >= s1 || n->on + n->len + oy_voice_tail(n) <= s0)
                continue;
            if (oy_grow(&c->out, &c->outcap, c->nout + 1, sizeof(*c->out)) < 0)
                return OYSTER_E_NOMEM;
            c->out[c->nout++] = *n;
        }
    }
    *notes = c->out;
    return (int)c->nout;
}

void oy_composer_bar(const oy_composer *c, double t, double *start, double *len,
                     int *section)
{
    int64_t bar = bar_at(c, t);
    *start = bar_time(c, bar);
    *len = bar_time(c, bar + 1) - *start;
    *section = bar < 0 ? 0 : section_of(c, bar);
}

/* The model's music cues, and the stingers' onsets on their frames. */
static int take_cues(oy_composer *c)
{
    int n;
    const oy_cue *q = oy_model_cues(c->m, &n);
    oy_rational fps = oy_model_script(c->m)->output.fps;

    c->cues = oy_calloc((size_t)n + 1, sizeof(*c->cues));
    c->hits = oy_calloc((size_t)n + 1, sizeof(*c->hits));
    if (!c->cues || !c->hits)
        return OYSTER_E_NOMEM;
    for (int i = 0; i < n; i++) {
        if (q[i].type != OY_CUE_MUSIC)
            continue;
        c->cues[c->ncues++] = q[i];
        if (q[i].hit)
            c->hits[c->nhits++] = oy_frame_first_sample(q[i].frame, fps);
    }
    return 0;
}

int oy_composer_new(oy_composer **out, const oy_model *m, double duration)
{
    oy_composer *c = oy_calloc(1, sizeof(*c));
    int ret = OYSTER_E_NOMEM;

    if (!c)
        return OYSTER_E_NOMEM;
    c->m = m;
    c->seed = oy_model_seed(m);
    c->ents = oy_calloc((size_t)oy_model_max_entities(m), sizeof(*c->ents));
    c->cache = oy_calloc(BAR_CACHE, sizeof(*c->cache));
    if (!c->ents || !c->cache)
        goto fail;
    for (int i = 0; i < BAR_CACHE; i++)
        c->cache[i].bar = INT64_MIN;
    if ((ret = take_cues(c)) < 0 || (ret = build_silences(c)) < 0 ||
        (ret = build_grid(c, duration)) < 0 || (ret = build_sections(c)) < 0)
        goto fail;
    oy_synth_init();
    *out = c;
    return 0;
fail:
    oy_composer_free(&c);
    return ret;
}

void oy_composer_free(oy_composer **pc)
{
    oy_composer *c = *pc;
    if (!c)
        return;
    free(c->runs);
    free(c->secs);
    free(c->sil);
    free(c->cues);
    free(c->hits);
    free(c->ents);
    free(c->cache);
    free(c->out);
    free(c);
    *pc = NULL;
}
