/*
 * cues.c - the event directives as cues on their frames: lightning
 * strikes (with the storm's own strikes, which go the same way), one-shot
 * sounds, flashes, camera jolts, fades and changes of the mix and the
 * music. A cue starts on the first sample of its frame, and what it does
 * to the picture shows from that frame on, never before: the state at t
 * counts the cues whose frame time is at or before t.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"

#define OVER_FLASH 0.3
#define OVER_SHAKE 0.5
#define OVER_FADE 1.0
#define OVER_MIX 0.5
#define OVER_STOP 1.0
#define STRIKE_SLOT 0.5         /* seconds; at most one storm strike per slot */
#define STRIKE_REACH 0.6        /* seconds a strike lights the scene */

/* ---- compiling ---- */

static oy_cue *new_cue(oy_model *m, int type, const oy_directive *d, int di, double t)
{
    oy_cue *q;
    if (oy_grow(&m->cues, &m->cuecap, m->ncues + 1, sizeof *m->cues))
        return NULL;
    q = &m->cues[m->ncues++];
    memset(q, 0, sizeof *q);
    q->type = type;
    q->frame = d->frame;
    q->t = t;
    q->directive = di;
    q->seed = oy_hash(m->seed, OY_STREAM_EFFECTS, (uint64_t)d->index, 77, 0);
    return q;
}

/* A place within 10 000 km: farther is as far, and stays finite in floats. */
static void place_at(float out[3], const double in[3])
{
    for (int i = 0; i < 3; i++)
        out[i] = (float)(in[i] > 1e7 ? 1e7 : in[i] < -1e7 ? -1e7 : in[i]);
}

static float over_or(const oy_directive *d, double fallback)
{
    return (float)(d->has_over ? d->over : fallback);
}

static int add_strike(oy_model *m, const oy_directive *d, int di, double t)
{
    oy_cue *q = new_cue(m, OY_CUE_STRIKE, d, di, t);
    if (!q)
        return OYSTER_E_NOMEM;
    q->placed = 1;
    if (d->has_near) {
        place_at(q->pos, d->near);
    } else {
        /* in front of the camera, a little to one side, where it is seen */
        float dist = d->has_distance ? (float)d->distance
                                     : 900.0f + 1100.0f * oy_u01(oy_hash(q->seed, 1, 0, 0, 0));
        float a = (float)(OY_PI / 180.0) * (24.0f * oy_u01(oy_hash(q->seed, 2, 0, 0, 0)) - 12.0f);
        q->anchored = 1;
        q->ahead = dist * oy_cosf(a);
        q->lateral = dist * oy_sinf(a);
    }
    return 0;
}

static int add_sound(oy_model *m, const oy_directive *d, int di, double t, oy_log *log)
{
    oy_cue *q = new_cue(m, OY_CUE_SOUND, d, di, t);
    if (!q)
        return OYSTER_E_NOMEM;
    q->name = d->text.s;
    q->gain_db = (float)d->gain;
    q->ground = d->ground;
    q->over = over_or(d, 0.0);
    if (d->has_near) {
        q->placed = 1;
        place_at(q->pos, d->near);
    } else if (d->follow.s) {
        size_t e = oy_model_find_named(m, d->follow.s, t);
        if (e == SIZE_MAX) {
            oy_diag(log, OYSTER_ERROR, m->script->path, d->follow.mark.line, d->follow.mark.col,
                    "'follow' names an object's id or kind added before this time",
                    "no object '%s' is in the shot at %.3gs", d->follow.s, t);
            return OYSTER_E_INPUT;
        }
        q->placed = 1;
        q->follow = e + 1;
    }
    return 0;
}

static int add_music(oy_model *m, const oy_directive *d, int di, double t)
{
    const oy_music *mu = &d->music;
    int change = d->action == OY_ACT_MUSIC && !mu->hit && !mu->stop;
    oy_cue *q;

    if (d->action == OY_ACT_MUSIC && mu->hit && (mu->text.s || mu->mood.s || mu->has_tempo ||
                                                  mu->has_intensity))
        change = 1;
    if (d->action == OY_ACT_BEAT && !mu->hit && mu->on == OY_MUSIC_ON_DEFAULT)
        return 0;
    if (!(q = new_cue(m, OY_CUE_MUSIC, d, di, t)))
        return OYSTER_E_NOMEM;
    q->hit = mu->hit;
    q->stop = mu->stop;
    q->fresh = mu->fresh;
    q->change = change || d->action == OY_ACT_BEAT;
    q->on = mu->fresh || mu->stop ? OY_MUSIC_ON_NOW
          : mu->on != OY_MUSIC_ON_DEFAULT ? mu->on : OY_MUSIC_ON_BAR;
    q->over = mu->stop ? over_or(d, OVER_STOP) : 0.0f;
    return 0;
}

int oy_cues_add(oy_model *m, const oy_directive *d, int di, double t, oy_log *log)
{
    oy_cue *q = NULL;

    switch (d->action) {
    case OY_ACT_STRIKE: return add_strike(m, d, di, t);
    case OY_ACT_SOUND:  return add_sound(m, d, di, t, log);
    case OY_ACT_MUSIC:
    case OY_ACT_BEAT:   return add_music(m, d, di, t);
    case OY_ACT_FLASH:
        if ((q = new_cue(m, OY_CUE_FLASH, d, di, t))) {
            q->amount = (float)d->amount;
            q->over = over_or(d, OVER_FLASH);
        }
        break;
    case OY_ACT_SHAKE:
        if ((q = new_cue(m, OY_CUE_SHAKE, d, di, t))) {
            q->amount = (float)d->amount;
            q->over = over_or(d, OVER_SHAKE);
        }
        break;
    case OY_ACT_FADE:
        if ((q = new_cue(m, OY_CUE_FADE, d, di, t))) {
            q->fade = d->fade;
            q->over = over_or(d, OVER_FADE);
        }
        break;
    case OY_ACT_MIX:
        if ((q = new_cue(m, OY_CUE_MIX, d, di, t))) {
            for (int b = 0; b < OY_BUS_COUNT; b++)
                q->mix[b] = d->mix_set[b] ? (float)d->mix[b] : NAN;
            q->over = over_or(d, OVER_MIX);
        }
        break;
    default:
        return 0;
    }
    return q ? 0 : OYSTER_E_NOMEM;
}

/* The frames of a transition that starts on its cue's frame: the first
 * frame already shows 1/n of it, the n-th all of it. */
static float cue_progress(const oy_model *m, const oy_cue *q, double t)
{
    double fps = (double)m->fps.num / m->fps.den;
    double n = floor(q->over * fps + 0.5);
    if (n < 1.0)
        n = 1.0;
    return oy_clampf((float)(((t - q->t) * fps + 1.0) / n), 0.0f, 1.0f);
}

static void fade_levels(const oy_model *m, const oy_cue *q, double t, float *black, float *white)
{
    float p = cue_progress(m, q, t);
    float tb = q->fade == OY_FADE_BLACK, tw = q->fade == OY_FADE_WHITE;
    *black = q->from_black + (tb - q->from_black) * p;
    *white = q->from_white + (tw - q->from_white) * p;
}

/* A mix change is linear in dB over its length (a step when it is 0). */
static float mix_level(const oy_cue *q, int bus, double t)
{
    float p = q->over > 0.0f ? oy_clampf((float)((t - q->t) / q->over), 0.0f, 1.0f) : 1.0f;
    return q->mix_from[bus] + (q->mix[bus] - q->mix_from[bus]) * p;
}

int oy_cues_settle(oy_model *m)
{
    float black = 0.0f, white = 0.0f, db[OY_BUS_COUNT] = { 0 };
    size_t nf = 0, nm = 0;

    free(m->fades);
    free(m->mixes);
    m->fades = m->mixes = NULL;
    m->nfades = m->nmixes = 0;
    m->cue_reach = STRIKE_REACH;
    for (size_t i = 0; i < m->ncues; i++) {
        nf += m->cues[i].type == OY_CUE_FADE;
        nm += m->cues[i].type == OY_CUE_MIX;
    }
    m->fades = nf ? oy_calloc(nf, sizeof *m->fades) : NULL;
    m->mixes = nm ? oy_calloc(nm, sizeof *m->mixes) : NULL;
    if ((nf && !m->fades) || (nm && !m->mixes))
        return OYSTER_E_NOMEM;
    for (size_t i = 0; i < m->ncues; i++) {
        oy_cue *q = &m->cues[i];
        switch (q->type) {
        case OY_CUE_FADE:
            /* a fade starts from where the one before has got to */
            if (m->nfades)
                fade_levels(m, &m->cues[m->fades[m->nfades - 1]], q->t, &black, &white);
            q->from_black = black;
            q->from_white = white;
            m->fades[m->nfades++] = i;
            break;
        case OY_CUE_MIX:
            for (int b = 0; b < OY_BUS_COUNT; b++) {
                if (m->nmixes)
                    db[b] = mix_level(&m->cues[m->mixes[m->nmixes - 1]], b, q->t);
                q->mix_from[b] = db[b];
                if (isnan(q->mix[b]))
                    q->mix[b] = db[b];
            }
            m->mixes[m->nmixes++] = i;
            break;
        case OY_CUE_FLASH:
        case OY_CUE_SHAKE:
            if (q->over + 1.0 > m->cue_reach)
                m->cue_reach = q->over + 1.0;   /* 1 s: at least a frame */
            break;
        default:
            break;
        }
    }
    return 0;
}

/* ---- lightning ---- */

/* The ground point storm strikes centre on: the camera path, linearly. */
static void path_centre(const oy_model *m, double t, float *x, float *z)
{
    const oy_script *s = m->script;
    const oy_camkey *k = s->camera.keys;
    int n = s->camera.nkeys;

    if (s->mode == OY_MODE_WANDER || n == 0) {
        *x = (float)s->wander.start[0];
        *z = (float)s->wander.start[1];
        return;
    }
    if (t <= k[0].at || n == 1) {
        *x = (float)k[0].pos[0];
        *z = (float)k[0].pos[2];
        return;
    }
    for (int i = 1; i < n; i++)
        if (t < k[i].at) {
            float u = (float)((t - k[i - 1].at) / (k[i].at - k[i - 1].at));
            *x = (float)(k[i - 1].pos[0] + (k[i].pos[0] - k[i - 1].pos[0]) * u);
            *z = (float)(k[i - 1].pos[2] + (k[i].pos[2] - k[i - 1].pos[2]) * u);
            return;
        }
    *x = (float)k[n - 1].pos[0];
    *z = (float)k[n - 1].pos[2];
}

static int storm_strike(const oy_model *m, int64_t k, double t0, double t1, oy_strike *out)
{
    double ts = k * STRIKE_SLOT, when;
    float level = oy_track_value(m, OY_CH_LIGHTNING, ts), d, a, cx, cz;
    uint64_t h = oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 0, 0);

    if (level <= 0.0f || oy_u01(h) >= level * 0.4f)
        return 0;
    when = ts + STRIKE_SLOT * oy_u01d(oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 1, 0));
    if (when < t0 || when >= t1)
        return 0;
    d = oy_u01(oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 2, 0));
    d = 400.0f + 7600.0f * d * d;
    a = (float)(2.0 * OY_PI) * oy_u01(oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 3, 0));
    path_centre(m, when, &cx, &cz);
    memset(out, 0, sizeof *out);
    out->t = when;
    out->x = cx + d * oy_sinf(a);
    out->z = cz + d * oy_cosf(a);
    out->energy = (0.5f + 0.5f * oy_u01(oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 4, 0)))
                  * oy_clampf(1500.0f / d, 0.25f, 1.0f);
    out->seed = oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 5, 0);
    return 1;
}

/* The first cue at or after t (cues are in time order). */
static size_t first_cue_from(const oy_model *m, double t)
{
    size_t lo = 0, hi = m->ncues;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->cues[mid].t < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void directed_strike(const oy_cue *q, oy_strike *o)
{
    memset(o, 0, sizeof *o);
    o->t = q->t;
    o->x = q->pos[0];
    o->z = q->pos[2];
    o->energy = 1.0f;
    o->directed = 1;
    o->seed = q->seed;
}

int oy_model_strikes(const oy_model *m, double t0, double t1, oy_strike *out, int max)
{
    int n = 0;
    int64_t k0 = (int64_t)floor(t0 / STRIKE_SLOT), k1 = (int64_t)floor(t1 / STRIKE_SLOT);

    for (int64_t k = k0 < 0 ? 0 : k0; k <= k1 && n < max; k++)
        n += storm_strike(m, k, t0, t1, &out[n]);
    for (size_t i = first_cue_from(m, t0); i < m->ncues && m->cues[i].t < t1 && n < max; i++)
        if (m->cues[i].type == OY_CUE_STRIKE)
            directed_strike(&m->cues[i], &out[n++]);
    /* in time order (the directed ones were appended) */
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && out[k].t < out[k - 1].t; k--) {
            oy_strike tmp = out[k];
            out[k] = out[k - 1];
            out[k - 1] = tmp;
        }
    return n;
}

/* A flash is a few return strokes down one channel, 30-90 ms apart, each
 * a spike that dies in tens of milliseconds, over a faint glow that lasts
 * until the last one. The first stroke is at dt = 0. */
float oy_strike_glow(const oy_strike *s, double dt)
{
    int strokes = 2 + (int)(s->seed % 3);
    double at = 0.0;
    float g = 0.0f;

    if (dt < 0.0 || dt > STRIKE_REACH)
        return 0.0f;
    for (int k = 0; k < strokes; k++) {
        uint64_t h = oy_hash(s->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 9, 0);
        float peak = k ? 0.45f + 0.5f * oy_u01(h) : 1.0f;
        if (k)
            at += 0.03 + 0.06 * oy_u01d(h >> 1);
        if (dt >= at)
            g = fmaxf(g, peak * oy_expf(-(float)(dt - at) / 0.035f));
    }
    /* the continuing current between strokes, gone 80 ms after the last */
    if (dt <= at + 0.08)
        g = fmaxf(g, 0.22f);
    return g;
}

/* ---- the state ---- */

static void state_strikes(const oy_model *m, double t, oy_state *st)
{
    oy_strike s[16];
    int ns = oy_model_strikes(m, t - STRIKE_REACH, t + 1e-9, s, 16);

    st->flash = 0.0f;
    st->nstrikes = 0;
    for (int i = 0; i < ns; i++) {
        float dt = (float)(t - s[i].t), glow = oy_strike_glow(&s[i], dt);
        int k;
        /* the cloud stays lit a little after the channel has gone */
        st->flash += s[i].energy * (0.75f * glow + 0.25f * oy_expf(-dt * 7.0f));
        if (glow <= 0.0f)
            continue;
        s[i].glow = glow;
        /* keep the brightest few, brightest first */
        k = st->nstrikes < OY_STATE_STRIKES ? st->nstrikes++ : OY_STATE_STRIKES - 1;
        if (k == OY_STATE_STRIKES - 1 && st->nstrikes == OY_STATE_STRIKES &&
            st->strikes[k].glow * st->strikes[k].energy >= glow * s[i].energy && i > k)
            continue;
        st->strikes[k] = s[i];
        for (; k > 0 && st->strikes[k].glow * st->strikes[k].energy >
                        st->strikes[k - 1].glow * st->strikes[k - 1].energy; k--) {
            oy_strike tmp = st->strikes[k];
            st->strikes[k] = st->strikes[k - 1];
            st->strikes[k - 1] = tmp;
        }
    }
    st->flash = oy_clampf(st->flash, 0.0f, 1.0f);
}

/* The last of idx[0..n) (cue indices in time order) at or before t. */
static const oy_cue *last_before(const oy_model *m, const size_t *idx, size_t n, double t)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->cues[idx[mid]].t <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? &m->cues[idx[lo - 1]] : NULL;
}

void oy_cues_state(const oy_model *m, double t, oy_state *st)
{
    const oy_cue *f = last_before(m, m->fades, m->nfades, t + 1e-9);

    state_strikes(m, t, st);
    st->white = 0.0f;
    st->jolt = 0.0f;
    st->jolt_age = 0.0f;
    st->jolt_seed = 0;
    st->fade_black = st->fade_white = 0.0f;
    if (f)
        fade_levels(m, f, t, &st->fade_black, &st->fade_white);
    for (size_t i = first_cue_from(m, t - m->cue_reach - 1e-6); i < m->ncues && m->cues[i].t <= t + 1e-9; i++) {
        const oy_cue *q = &m->cues[i];
        /* at least its own frame; all of it there, none at its end */
        double len = fmax(q->over, (double)m->fps.den / m->fps.num);
        float left;
        if (t - q->t >= len)
            continue;
        left = 1.0f - (float)((t - q->t) / len);
        if (q->type == OY_CUE_FLASH)
            st->white = fmaxf(st->white, q->amount * left);
        else if (q->type == OY_CUE_SHAKE && q->amount * left * left > st->jolt) {
            st->jolt = q->amount * left * left;
            st->jolt_age = (float)(t - q->t);
            st->jolt_seed = q->seed;
        }
    }
}

void oy_model_mix(const oy_model *m, double t, float db[OY_BUS_COUNT])
{
    const oy_cue *q = last_before(m, m->mixes, m->nmixes, t);
    for (int b = 0; b < OY_BUS_COUNT; b++)
        db[b] = q ? mix_level(q, b, t) : 0.0f;
}

const oy_cue *oy_model_cues(const oy_model *m, int *n)
{
    *n = (int)m->ncues;
    return m->cues;
}
