/*
 * eval.c - evaluating the model at a time: channel tracks by binary search,
 * entities by their add/move/remove records, lightning strikes as a pure
 * function of (seed, time slot). Nothing here depends on earlier calls.
 */
#include <math.h>

#include "model_impl.h"

float oy_ease(int ease, float x)
{
    x = oy_clampf(x, 0.0f, 1.0f);
    switch (ease) {
    case OY_EASE_IN: return x * x;
    case OY_EASE_OUT: return 1.0f - (1.0f - x) * (1.0f - x);
    case OY_EASE_IN_OUT: return x * x * (3.0f - 2.0f * x);
    case OY_EASE_HOLD: return x >= 1.0f ? 1.0f : 0.0f;
    default: return x;
    }
}

float oy_track_value(const oy_model *m, int ch, double t)
{
    const oy_track *tr = &m->tracks[ch];
    size_t lo = 0, hi = tr->n;
    const oy_transition *x;

    /* last transition with t0 <= t */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tr->v[mid].t0 <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return m->init[ch];
    x = &tr->v[lo - 1];
    if (x->dur <= 0.0 || t >= x->t0 + x->dur)
        return x->to;
    return x->from + (x->to - x->from) * oy_ease(x->ease, (float)((t - x->t0) / x->dur));
}

void oy_model_channels(const oy_model *m, double t, float *ch)
{
    for (int i = 0; i < OY_CH_COUNT; i++)
        ch[i] = oy_track_value(m, i, t);
}

static void entity_at(const oy_entrec *r, double t, oy_entity *out)
{
    *out = r->e;
    for (size_t i = 0; i < r->nmoves; i++) {
        const oy_move *mv = &r->moves[i];
        float k;
        if (t < mv->t0)
            break;
        k = mv->dur > 0 ? oy_ease(OY_EASE_IN_OUT, (float)((t - mv->t0) / mv->dur)) : 1.0f;
        for (int j = 0; j < 3; j++)
            out->pos[j] = mv->from[j] + (mv->to[j] - mv->from[j]) * k;
    }
    out->fade = oy_clampf((float)((t - r->t_add) / 0.5), 0.0f, 1.0f);
    if (t >= r->t_remove)
        out->fade *= r->remove_over > 0
            ? 1.0f - oy_clampf((float)((t - r->t_remove) / r->remove_over), 0.0f, 1.0f)
            : 0.0f;
}

void oy_model_eval(const oy_model *m, double t, oy_state *st, oy_entity *ents)
{
    int n = 0;
    oy_strike s[16];
    int ns;

    st->t = t;
    st->frame = (int64_t)floor(t * m->fps.num / m->fps.den + 1e-6);
    oy_model_channels(m, t, st->ch);
    for (size_t i = 0; i < m->nents; i++) {
        const oy_entrec *r = &m->ents[i];
        if (t < r->t_add || t >= r->t_remove + r->remove_over)
            continue;
        entity_at(r, t, &ents[n]);
        if (ents[n].fade > 0.0f)
            n++;
    }
    st->entities = ents;
    st->nentities = n;
    st->beat = -1;
    st->beat_text = NULL;
    st->beat_t = 0;
    for (size_t i = 0; i < m->nevents && m->events[i].t <= t; i++)
        if (m->events[i].type == OY_EV_BEAT) {
            st->beat++;
            st->beat_text = m->events[i].text;
            st->beat_t = m->events[i].t;
        }
    /* lightning: a bright flicker decaying over ~0.4 s after each flash */
    st->flash = 0.0f;
    ns = oy_model_strikes(m, t - 0.6, t + 1e-9, s, 16);
    for (int i = 0; i < ns; i++) {
        float dt = (float)(t - s[i].t);
        float flicker = 0.65f + 0.35f * oy_cosf(dt * 55.0f);
        st->flash += s[i].energy * oy_expf(-dt * 7.0f) * flicker;
    }
    st->flash = oy_clampf(st->flash, 0.0f, 1.0f);
}

int oy_model_max_entities(const oy_model *m) { return m->nents ? (int)m->nents : 1; }
int oy_model_entity_count(const oy_model *m) { return (int)m->nents; }

/* The ground point strikes centre on: the camera path, linearly. */
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

#define STRIKE_SLOT 0.5   /* seconds; at most one strike per slot */

int oy_model_strikes(const oy_model *m, double t0, double t1,
                     oy_strike *out, int max)
{
    int n = 0;
    int64_t k0 = (int64_t)floor(t0 / STRIKE_SLOT), k1 = (int64_t)floor(t1 / STRIKE_SLOT);

    for (int64_t k = k0 < 0 ? 0 : k0; k <= k1 && n < max; k++) {
        double ts = k * STRIKE_SLOT;
        float level = oy_track_value(m, OY_CH_LIGHTNING, ts);
        uint64_t h = oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 0, 0);
        double when;
        float d, a, cx, cz;

        if (level <= 0.0f || oy_u01(h) >= level * 0.4f)
            continue;
        when = ts + STRIKE_SLOT * oy_u01d(oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 1, 0));
        if (when < t0 || when >= t1)
            continue;
        d = oy_u01(oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 2, 0));
        d = 400.0f + 7600.0f * d * d;
        a = (float)(2.0 * OY_PI) * oy_u01(oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 3, 0));
        path_centre(m, when, &cx, &cz);
        out[n].t = when;
        out[n].x = cx + d * oy_sinf(a);
        out[n].z = cz + d * oy_cosf(a);
        out[n].energy = (0.5f + 0.5f * oy_u01(oy_hash(m->seed, OY_STREAM_LIGHTNING, (uint64_t)k, 4, 0)))
                        * oy_clampf(1500.0f / d, 0.25f, 1.0f);
        n++;
    }
    return n;
}

const oy_event *oy_model_events(const oy_model *m, int *n)
{
    *n = (int)m->nevents;
    return m->events;
}

uint64_t oy_model_seed(const oy_model *m) { return m->seed; }
const oy_script *oy_model_script(const oy_model *m) { return m->script; }
