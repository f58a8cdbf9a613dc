/*
 * eval.c - evaluating the model at a time: channel tracks by binary search,
 * entities by their add/move/remove records, then the cues (cues.c).
 * Nothing here depends on earlier calls.
 */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "../scene/scene.h"
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

static float minf(float a, float b) { return a < b ? a : b; }

static float wrap360(float a)
{
    a -= 360.0f * floorf(a / 360.0f);
    return a >= 360.0f || a < 0.0f ? 0.0f : a;
}

float oy_heading(const float a[3], const float b[3], float fallback)
{
    float dx = b[0] - a[0], dz = b[2] - a[2];
    if (dx * dx + dz * dz < OY_LEG_MIN2)
        return fallback;
    return wrap360(oy_atan2f(dx, dz) * (float)(180.0 / OY_PI));
}

/* From heading a towards b the short way round, by x in 0..1. */
static float turn(float a, float b, float x)
{
    float d = wrap360(b - a + 180.0f) - 180.0f;
    return wrap360(a + d * x);
}

/* Legs of a move: 0 is from -> pts[0], i is pts[i-1] -> pts[i]. */
static float leg_len(const oy_move *mv, const oy_pathpt *pp, int i)
{
    return i == 0 ? mv->len0 : pp[i].cum - pp[i - 1].cum;
}

static float leg_head(const oy_move *mv, const oy_pathpt *pp, int i)
{
    return i > 0 && pp[i].hvalid ? pp[i].head : mv->head0;
}

/* The heading at ground distance a into leg i: the leg's own, turning
 * smoothly through each corner over up to `window` metres either side
 * (never more than half a leg, so turns do not overlap), and from the
 * heading the entity had when the move began over the first leg. */
static float path_yaw(const oy_move *mv, const oy_pathpt *pp, int i, float a)
{
    float li = leg_len(mv, pp, i), hi = leg_head(mv, pp, i), w = mv->window;
    float wr = minf(w, 0.5f * li);
    if (a < wr) {
        float wl = i > 0 ? minf(w, 0.5f * leg_len(mv, pp, i - 1)) : 0.0f;
        float h0 = i > 0 ? leg_head(mv, pp, i - 1) : mv->yaw0;
        return turn(h0, hi, oy_ease(OY_EASE_IN_OUT, (wl + a) / (wl + wr)));
    }
    if (i + 1 < mv->npts) {
        float wl = minf(w, 0.5f * li), wn = minf(w, 0.5f * leg_len(mv, pp, i + 1));
        if (a > li - wl && wl + wn > 0.0f)
            return turn(hi, leg_head(mv, pp, i + 1),
                        oy_ease(OY_EASE_IN_OUT, (a - (li - wl)) / (wl + wn)));
    }
    return hi;
}

static void along(const oy_model *m, const oy_move *mv, double t, float pos[3], float *yaw, float *speed,
                  float *stride);

#define STRAY_EASE 3.0 /* seconds a herd takes to loosen and to close up */

/* A herd goes as a herd: each member strays about its place in it as the
 * herd flocks (flock.c), from none as the herd sets off to none as it
 * arrives; its heading and pace are the herd's with its straying. A herd
 * of more than OY_HERD_MAX flocks in bands of that many. */
static void stray(const oy_model *m, const oy_move *mv, double t, float pos[3], float *yaw, float *speed)
{
    double since = t - mv->t0, left = mv->t0 + mv->dur - t;
    int band = mv->member / OY_HERD_MAX, i = mv->member % OY_HERD_MAX;
    int n = mv->herd_n - band * OY_HERD_MAX < OY_HERD_MAX ? mv->herd_n - band * OY_HERD_MAX : OY_HERD_MAX;
    const float(*place)[2] = m->places + mv->place0 + (size_t)band * OY_HERD_MAX;
    float p[2], v[2], w, vx, vz;

    if (since <= 0.0 || left <= 0.0 || n < 2)
        return;
    w = oy_ease(OY_EASE_IN_OUT, (float)((since < left ? since : left) / STRAY_EASE));
    oy_herd_at(oy_hash(m->seed, OY_STREAM_ENTITY, 0x4e2e, (uint64_t)mv->group, (uint64_t)band), n, place,
               (float)since, i, p, v);
    pos[0] += w * (p[0] - place[i][0]);
    pos[2] += w * (p[1] - place[i][1]);
    vx = *speed * oy_sinf(*yaw * (float)(OY_PI / 180.0)) + w * v[0];
    vz = *speed * oy_cosf(*yaw * (float)(OY_PI / 180.0)) + w * v[1];
    if (vx * vx + vz * vz > OY_LEG_MIN2)
        *yaw = wrap360(oy_atan2f(vx, vz) * (float)(180.0 / OY_PI));
    *speed = sqrtf(vx * vx + vz * vz);
}

void oy_move_at(const oy_model *m, const oy_move *mv, double t, float pos[3],
                float *yaw, float *speed, float *stride)
{
    along(m, mv, t, pos, yaw, speed, stride);
    pos[0] += mv->off[0];
    pos[2] += mv->off[1];
    if (mv->group >= 0 && mv->len > 0.0f)
        stray(m, mv, t, pos, yaw, speed);
}

/* Along the path the move's group takes (its own when alone). */
static void along(const oy_model *m, const oy_move *mv, double t, float pos[3], float *yaw, float *speed,
                  float *stride)
{
    const oy_pathpt *pp = m->pts + mv->p0;
    int n = mv->npts, i;
    double u = mv->dur > 0 ? (t - mv->t0) / mv->dur : 1.0;
    float k, rate, s, a;
    const float *from;

    if (u >= 1.0) {
        memcpy(pos, pp[n - 1].p, 3 * sizeof *pos);
        *yaw = mv->len > 0.0f ? leg_head(mv, pp, n - 1) : mv->yaw0;
        *speed = 0.0f;
        *stride = mv->stride0 + mv->len;
        return;
    }
    if (u < 0.0)
        u = 0.0;
    /* k: the fraction of the way; rate: dk/dt */
    if (mv->eased) {
        k = oy_ease(OY_EASE_IN_OUT, (float)u);
        rate = (float)(6.0 * u * (1.0 - u) / mv->dur);
    } else {
        k = (float)u;
        rate = (float)(1.0 / mv->dur);
    }
    if (mv->len <= 0.0f) {
        /* straight up or down (or nowhere): legs take equal shares */
        float x = k * (float)n;
        i = (int)x < n - 1 ? (int)x : n - 1;
        a = oy_clampf(x - (float)i, 0.0f, 1.0f);
        from = i ? pp[i - 1].p : mv->from;
        for (int j = 0; j < 3; j++)
            pos[j] = from[j] + (pp[i].p[j] - from[j]) * a;
        *yaw = mv->yaw0;
        *speed = 0.0f;
        *stride = mv->stride0;
        return;
    }
    s = mv->len * k;
    /* the last leg that starts at or before s (legs with no length along
     * the ground start and end at the same s: skip past them) */
    {
        int lo = 1, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (mv->len0 + pp[mid - 1].cum <= s)
                lo = mid + 1;
            else
                hi = mid;
        }
        i = lo - 1;
    }
    a = i ? s - (mv->len0 + pp[i - 1].cum) : s;
    if (n == 1) {
        /* one leg: exactly as moves have always gone */
        for (int j = 0; j < 3; j++)
            pos[j] = mv->from[j] + (pp[0].p[j] - mv->from[j]) * k;
    } else {
        float l = leg_len(mv, pp, i), f = l > 0.0f ? oy_clampf(a / l, 0.0f, 1.0f) : 1.0f;
        from = i ? pp[i - 1].p : mv->from;
        for (int j = 0; j < 3; j++)
            pos[j] = from[j] + (pp[i].p[j] - from[j]) * f;
    }
    *yaw = path_yaw(mv, pp, i, a);
    *speed = mv->len * rate;
    *stride = mv->stride0 + s;
}

void oy_entrec_at(const oy_model *m, const oy_entrec *r, double t, oy_entity *out)
{
    size_t lo = 0, hi = r->nmoves;

    *out = r->e;
    out->speed = 0.0f;
    out->stride = 0.0f;
    /* the last move begun by t: it starts where the earlier ones left off */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->moves[mid].t0 <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0)
        oy_move_at(m, &r->moves[lo - 1], t, out->pos, &out->yaw, &out->speed, &out->stride);
    /* what the shot opens on is there from its first frame; what comes
     * later appears over half a second */
    out->fade = r->t_add <= 0.0 ? 1.0f : oy_clampf((float)((t - r->t_add) / 0.5), 0.0f, 1.0f);
    if (t >= r->t_remove)
        out->fade *= r->remove_over > 0
            ? 1.0f - oy_clampf((float)((t - r->t_remove) / r->remove_over), 0.0f, 1.0f)
            : 0.0f;
}

void oy_model_eval(const oy_model *m, double t, oy_state *st, oy_entity *ents)
{
    int n = 0;

    st->t = t;
    st->frame = (int64_t)floor(t * m->fps.num / m->fps.den + 1e-6);
    oy_model_channels(m, t, st->ch);
    for (size_t i = 0; i < m->nents; i++) {
        const oy_entrec *r = &m->ents[i];
        if (t < r->t_add || t >= r->t_remove + r->remove_over)
            continue;
        oy_entrec_at(m, r, t, &ents[n]);
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
    oy_cues_state(m, t, st);
}

int oy_model_entity_at(const oy_model *m, size_t i, double t, oy_entity *out)
{
    const oy_entrec *r = &m->ents[i];
    oy_entrec_at(m, r, t < r->t_add ? r->t_add : t, out);
    return t >= r->t_add && t < r->t_remove + r->remove_over && out->fade > 0.0f;
}

int oy_model_max_entities(const oy_model *m) { return m->nents ? (int)m->nents : 1; }
int oy_model_entity_count(const oy_model *m) { return (int)m->nents; }

int oy_model_shore_thing(const oy_model *m)
{
    for (size_t i = 0; i < m->nents; i++)
        if (m->ents[i].t_add <= 0.0 && m->ents[i].seek == OY_SEEK_SHORE)
            return 1;
    return 0;
}

/* Whether the world prompt names a thing there from the start whose kind
 * has a flag of want and none of skip. */
static int set_has(const oy_model *m, int want, int skip)
{
    for (size_t i = 0; i < m->nents; i++) {
        const oy_kind *kd = oy_scene_kind_find(m->ents[i].e.kind);
        if (m->ents[i].t_add <= 0.0 && m->ents[i].of_set && kd && (!want || (kd->flags & want)) &&
            !(kd->flags & skip))
            return 1;
    }
    return 0;
}

int oy_model_builds(const oy_model *m) { return set_has(m, OY_KIND_BUILDING, 0); }

int oy_model_on_land(const oy_model *m)
{
    return set_has(m, 0, OY_KIND_FLOATS | OY_KIND_LIFTED | OY_KIND_SPANS | OY_KIND_REACHES | OY_KIND_ALONG);
}

int oy_model_footing(const oy_model *m, size_t i, float xzr[3])
{
    const oy_entrec *r = &m->ents[i];
    const oy_kind *kd = oy_scene_kind_find(r->e.kind);
    int loose = OY_KIND_MOVER | OY_KIND_FLOATS | OY_KIND_ALONG | OY_KIND_SPANS | OY_KIND_LANDFORM | OY_KIND_PLUME |
                OY_KIND_HEADS | OY_KIND_REACHES | (r->e.derelict ? 0 : OY_KIND_LIFTED);
    if (!kd || (kd->flags & loose) || r->t_add > 0.0 || (r->by_view && !r->of_set) || r->anchor != OY_ANCHOR_WORLD)
        return 0;
    xzr[0] = r->e.pos[0];
    xzr[1] = r->e.pos[2];
    xzr[2] = kd->radius * (r->e.size > 0.0f ? r->e.size : 1.0f);
    return 1;
}

float oy_model_crown_height(const oy_model *m, int *lone)
{
    float h = 0.0f;
    *lone = 0;
    for (size_t i = 0; i < m->nents; i++) {
        const oy_entrec *r = &m->ents[i];
        const oy_kind *kd = oy_scene_kind_find(r->e.kind);
        if (r->t_add <= 0.0 && r->of_set && r->seek == OY_SEEK_HIGH && kd && kd->height * r->e.size > h) {
            h = kd->height * r->e.size;
            *lone = !(kd->flags & (OY_KIND_CLUSTER | OY_KIND_MOVER));
        }
    }
    return h;
}

float oy_model_world_channel(const oy_model *m, int ch)
{
    assert(ch >= 0 && ch < OY_CH_COUNT);
    return m->init[ch];
}

float oy_model_fog_sight(const oy_model *m)
{
    float s = 0.0f;
    for (size_t i = 0; i < m->nents; i++) {
        const oy_entrec *r = &m->ents[i];
        if (r->t_add <= 0.0 && r->of_set && r->fog_sight > 0.0f)
            s = s > 0.0f ? fminf(s, r->fog_sight) : r->fog_sight;
    }
    return s;
}

const oy_event *oy_model_events(const oy_model *m, int *n)
{
    *n = (int)m->nevents;
    return m->events;
}

uint64_t oy_model_seed(const oy_model *m) { return m->seed; }
const oy_script *oy_model_script(const oy_model *m) { return m->script; }
