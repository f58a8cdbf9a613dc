/*
 * model.c - compiling a script into the model: the world description sets
 * the initial channels, each directive (in time order) adds transitions,
 * entity records and events. Values a transition starts from are computed
 * here once, so evaluation later is a pure lookup (eval.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lang/lang.h"
#include "../media/media.h"
#include "image.h"
#include "model_impl.h"
#include "../scene/scene.h"

/* Default transition lengths, seconds, when neither `over` nor a concept says. */
#define OVER_TIME 3.0
#define OVER_WEATHER 4.0
#define OVER_LIGHTING 2.0
#define OVER_MUSIC 2.0
#define OVER_SAY 3.0
#define OVER_MOVE 2.0
#define OVER_REMOVE 1.0
#define OVER_SUDDEN 0.5
#define WALK_SPEED 1.4         /* m/s, a path given neither over nor speed */
#define MAX_ENTITIES 100000

typedef struct compile {
    oy_model *m;
    const oy_script *s;
    const oy_bank *bank;
    oy_log *log;
    char line[1024];           /* what the current directive changes */
    oy_mark at;                /* the prompt or directive being compiled */
    int full;                  /* the object limit was reported */
    int overlook;              /* the world prompt stands the view on a bluff */
} compile;

static void describe_add(compile *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void describe_add(compile *c, const char *fmt, ...)
{
    size_t len = strlen(c->line);
    va_list ap;
    if (len >= sizeof c->line - 1)
        return;
    va_start(ap, fmt);
    vsnprintf(c->line + len, sizeof c->line - len, fmt, ap);
    va_end(ap);
}

static char *keep_text(oy_model *m, const char *s)
{
    char *d = oy_strdup(s ? s : "");
    if (!d || oy_grow(&m->texts, &m->textcap, m->ntexts + 1, sizeof *m->texts)) {
        free(d);
        return NULL;
    }
    m->texts[m->ntexts++] = d;
    return d;
}

static int add_event(compile *c, int type, double t, const char *text, int directive)
{
    oy_model *m = c->m;
    oy_event *e;
    if (oy_grow(&m->events, &m->evcap, m->nevents + 1, sizeof *m->events))
        return OYSTER_E_NOMEM;
    e = &m->events[m->nevents++];
    e->type = type;
    e->t = t;
    e->frame = oy_time_to_frame(t, m->fps);
    e->text = text ? keep_text(m, text) : NULL;
    e->directive = directive;
    return text && !e->text ? OYSTER_E_NOMEM : 0;
}

/* Time moves forward: the next time the clock shows `hour` after `from`. */
static float time_forward(float from, float hour)
{
    float cur = from - 24.0f * floorf(from / 24.0f);
    float d = hour - 24.0f * floorf(hour / 24.0f) - cur;
    if (d < 0.0f)
        d += 24.0f;
    return from + d;
}

/* Rain wets the ground, falling snow covers it; stopping leaves both. */
static void couple(const float *base, float *target, unsigned char *mask)
{
    if (mask[OY_CH_RAIN] && !mask[OY_CH_WETNESS] && target[OY_CH_RAIN] > base[OY_CH_WETNESS]) {
        target[OY_CH_WETNESS] = target[OY_CH_RAIN];
        mask[OY_CH_WETNESS] = 1;
    }
    if (mask[OY_CH_SNOW] && !mask[OY_CH_SNOW_COVER] && target[OY_CH_SNOW] > base[OY_CH_SNOW_COVER]) {
        target[OY_CH_SNOW_COVER] = target[OY_CH_SNOW];
        mask[OY_CH_SNOW_COVER] = 1;
    }
    if (mask[OY_CH_TIME])
        target[OY_CH_TIME] = time_forward(base[OY_CH_TIME], target[OY_CH_TIME]);
}

static int add_transition(compile *c, int ch, double t0, double dur, float from, float to)
{
    oy_track *tr = &c->m->tracks[ch];
    oy_transition *x;
    if (oy_grow(&tr->v, &tr->cap, tr->n + 1, sizeof *tr->v))
        return OYSTER_E_NOMEM;
    x = &tr->v[tr->n++];
    x->t0 = t0;
    x->dur = dur;
    x->from = from;
    x->to = to;
    x->ease = OY_EASE_IN_OUT;
    return 0;
}

/* Targets of a named concept (weather, lighting or music preset). */
static int concept_targets(compile *c, const oy_text *name, int group,
                           const float *base, float *target, unsigned char *mask,
                           double *over)
{
    const oy_concept *k = oy_bank_find(c->bank, name->s);
    if (!k || k->group != group) {
        const char *near = oy_bank_nearest_in(c->bank, name->s, group);
        char hint[160];
        if (near)
            snprintf(hint, sizeof hint, "did you mean '%s'?", near);
        else
            snprintf(hint, sizeof hint, "%s%s%s'oyster concepts' lists the %s concepts",
                     k ? "it is a " : "", k ? oy_group_names[k->group] : "", k ? " word; " : "",
                     oy_group_names[group]);
        oy_diag(c->log, OYSTER_ERROR, c->s->path, name->mark.line, name->mark.col,
                hint, "'%s' is not a %s concept", name->s, oy_group_names[group]);
        return OYSTER_E_INPUT;
    }
    for (int i = 0; i < k->neffects; i++) {
        const oy_effect *e = &k->effects[i];
        target[e->channel] = e->relative ? base[e->channel] + e->value : e->value;
        mask[e->channel] = 1;
    }
    if (over && *over < 0)
        *over = k->over;
    return 0;
}

static int add_entity(compile *c, const char *kind, const char *id, double t,
                      const float pos[3], int anchor, float ahead, float lateral,
                      int serial)
{
    oy_model *m = c->m;
    oy_entrec *r;
    if (m->nents >= MAX_ENTITIES) {
        /* once, at the directive that crosses the limit: every later
         * object fails the same way */
        if (!c->full++)
            oy_diag(c->log, OYSTER_ERROR, c->s->path, c->at.line, c->at.col,
                    "use smaller counts or fewer objects",
                    "more than %d objects in one shot", MAX_ENTITIES);
        return OYSTER_E_INPUT;
    }
    if (oy_grow(&m->ents, &m->entcap, m->nents + 1, sizeof *m->ents))
        return OYSTER_E_NOMEM;
    r = &m->ents[m->nents];
    memset(r, 0, sizeof *r);
    r->e.uid = (uint32_t)m->nents + 1;
    snprintf(r->e.kind, sizeof r->e.kind, "%s", kind);
    if (id && *id)
        snprintf(r->e.id, sizeof r->e.id, "%s", id);
    memcpy(r->e.pos, pos, sizeof r->e.pos);
    r->e.seed = oy_hash(m->seed, OY_STREAM_ENTITY, r->e.uid, (uint64_t)serial, 0);
    r->e.yaw = 360.0f * oy_u01(r->e.seed);
    r->yaw_base = r->e.yaw;
    r->face_ent = SIZE_MAX;
    r->e.scale = 0.85f + 0.3f * oy_u01(oy_mix64(r->e.seed));
    r->e.size = 1.0f;
    r->e.fade = 1.0f;
    r->t_add = t;
    r->t_remove = INFINITY;
    r->anchor = anchor;
    r->ahead = ahead;
    r->lateral = lateral;
    m->nents++;
    return 0;
}

/* A heading in degrees, any number, as 0..360. */
static float wrap_degrees(double a)
{
    a = fmod(a, 360.0);
    if (a < 0)
        a += 360.0;
    return a >= 360.0 ? 0.0f : (float)a;
}

/* add: a heading given, or what to face once positions are known. */
static void set_facing(oy_entrec *r, const oy_directive *d, size_t face_ent)
{
    if (d->has_yaw) {
        r->e.yaw = r->yaw_base = wrap_degrees(d->yaw);
    } else if (d->face == OY_FACE_POINT) {
        r->face = OY_FACE_POINT;
        for (int j = 0; j < 3; j++)
            r->face_at[j] = (float)d->face_at[j];
    } else if (d->face == OY_FACE_ID && face_ent != SIZE_MAX) {
        r->face = OY_FACE_ID;
        r->face_ent = face_ent;
    }
}

/* Each point's distance along the path and the heading of its leg. */
static void path_measure(oy_pathpt *pts, int n)
{
    for (int j = 0; j < n; j++) {
        oy_pathpt *q = &pts[j];
        if (j == 0) {
            q->cum = 0.0f;
            q->head = 0.0f;
            q->hvalid = 0;
        } else {
            const oy_pathpt *b = q - 1;
            float dx = q->p[0] - b->p[0], dz = q->p[2] - b->p[2];
            int flat = dx * dx + dz * dz < OY_LEG_MIN2;
            q->cum = b->cum + sqrtf(dx * dx + dz * dz);
            q->head = oy_heading(b->p, q->p, b->head);
            q->hvalid = b->hvalid || !flat;
        }
    }
}

/* move: the path's points into the pool, with distances along the ground
 * and headings of the legs between them (the first leg, from wherever the
 * entity is, is each move's own). */
static int add_path(oy_model *m, const oy_directive *d)
{
    if (oy_grow(&m->pts, &m->ptscap, m->npts + (size_t)d->npath, sizeof *m->pts))
        return OYSTER_E_NOMEM;
    for (int j = 0; j < d->npath; j++)
        for (int k = 0; k < 3; k++)
            m->pts[m->npts + (size_t)j].p[k] = (float)d->path[j][k];
    path_measure(m->pts + m->npts, d->npath);
    m->npts += (size_t)d->npath;
    return 0;
}

/* The places of a herd of n the move directive di gives at t0 (set by
 * chain_moves). */
static int add_herd(oy_model *m, int di, double t0, int n)
{
    if (oy_grow(&m->places, &m->placecap, m->nplaces + (size_t)n, sizeof *m->places))
        return OYSTER_E_NOMEM;
    memset(m->places + m->nplaces, 0, (size_t)n * sizeof *m->places);
    for (size_t i = 0; i < m->nents; i++) {
        oy_entrec *r = &m->ents[i];
        oy_move *mv = r->nmoves ? &r->moves[r->nmoves - 1] : NULL;
        if (mv && mv->group == di && mv->t0 == t0) {
            mv->herd_n = n;
            mv->place0 = m->nplaces;
        }
    }
    m->nplaces += (size_t)n;
    return 0;
}

/* Scatter count objects around a point: deterministic jitter in a disc. */
static void scatter(uint64_t seed, int i, int count, float radius, float *dx, float *dz)
{
    float r, a;
    if (count <= 1) {
        *dx = *dz = 0.0f;
        return;
    }
    r = radius * sqrtf(oy_u01(oy_hash(seed, OY_STREAM_ENTITY, (uint64_t)i, 7, 0)));
    a = (float)(2.0 * OY_PI) * oy_u01(oy_hash(seed, OY_STREAM_ENTITY, (uint64_t)i, 8, 0));
    *dx = r * oy_cosf(a);
    *dz = r * oy_sinf(a);
}

/* Whether an entity is in the shot at t and named `what` (id or kind). */
static int named(const oy_entrec *r, const char *what, double t)
{
    return t >= r->t_add && t < r->t_remove &&
           (!strcmp(r->e.id, what) || !strcmp(r->e.kind, what));
}

size_t oy_model_find_named(const oy_model *m, const char *what, double t)
{
    for (size_t i = 0; i < m->nents; i++)
        if (named(&m->ents[i], what, t))
            return i;
    return SIZE_MAX;
}

/* Remove every entity named `what` at t, however many; returns the count. */
static int remove_named(oy_model *m, const char *what, double t, double over)
{
    int n = 0;
    for (size_t i = 0; i < m->nents; i++)
        if (named(&m->ents[i], what, t)) {
            m->ents[i].t_remove = t;
            m->ents[i].remove_over = over;
            n++;
        }
    return n;
}

/* The entity kind the world draws for an object concept. */
static const char *object_kind(const oy_concept *k) { return k->kind ? k->kind : k->name; }

/* How words turn a thing to the view: a road leads away along it, an
 * arch or a waterfall faces it, a building (not a group of them) shows
 * its front, door and windows, at three-quarters. */
static int turn_for(const oy_kind *kd)
{
    if (!kd)
        return OY_TURN_NONE;
    if ((kd->flags & (OY_KIND_BUILDING | OY_KIND_CLUSTER)) == OY_KIND_BUILDING)
        return OY_TURN_QUARTER;
    return (kd->flags & OY_KIND_ALONG) ? OY_TURN_ALONG : (kd->flags & OY_KIND_FACES) ? OY_TURN_FACING : OY_TURN_NONE;
}

/* The ground the words' placement seeks: a bridge crosses the water the
 * view sees and a boat floats on it; what is "by the water" stands on
 * its shore, except the landforms, which keep their distance (they stand
 * in water as on land); what is "on the hill" stands on high ground; a
 * waterfall stands across a river the view sees; a balloon aloft where
 * the view sees at least its upper half. */
static int seek_for(const oy_kind *kd, int place)
{
    int flags = kd ? kd->flags : 0;
    if ((flags & OY_KIND_SPANS) && place != OY_PLACE_ON_HIGH)
        return OY_SEEK_WATER;
    if (flags & OY_KIND_FLOATS)
        return OY_SEEK_AFLOAT;
    if (flags & OY_KIND_REACHES)
        return OY_SEEK_REACH;
    if ((flags & OY_KIND_HEADS) && place != OY_PLACE_ON_HIGH && place != OY_PLACE_BEHIND)
        return OY_SEEK_RIVER;
    if (flags & OY_KIND_LIFTED)
        return OY_SEEK_SKY;
    if (place == OY_PLACE_NEAR_WATER && !(flags & OY_KIND_LANDFORM))
        return OY_SEEK_SHORE;
    return place == OY_PLACE_ON_HIGH ? OY_SEEK_HIGH : OY_SEEK_NONE;
}

static int text_objects(compile *c, const oy_parse *p, double t, int directive, float clear);

/* The colour the words give the object of item i ("a red barn"): the
 * first colour word that qualifies it, as oy_paint takes it; else 0. */
static void object_paint(const oy_parse *p, int i, float out[3])
{
    out[0] = out[1] = out[2] = 0.0f;
    for (int k = 0; k < p->nitems; k++) {
        const oy_phrase_effect *it = &p->items[k];
        if (it->qualifies == i && it->surface == OY_SURF_OBJECT && it->concept->has_paint && !it->negated) {
            for (int a = 0; a < 3; a++)
                out[a] = it->concept->paint[a] * it->intensity;
            return;
        }
    }
}

/* Whether the text names a thing of this kind itself. */
static int named_in(const oy_parse *p, const char *kind)
{
    for (int i = 0; i < p->nitems; i++)
        if (p->items[i].concept->group == OY_GROUP_OBJECT && !p->items[i].negated &&
            !strcmp(object_kind(p->items[i].concept), kind))
            return 1;
    return 0;
}

/* What the world prompt names only as the place of another thing ("deer
 * by a cabin", "trees round a temple") or of nothing ("rain on a country
 * lane") is in the world too: each such thing not in it yet, placed as a
 * thing named on its own. */
static int things_named_as_places(compile *c, const oy_parse *p, float clear)
{
    for (int i = 0; i < p->nitems + p->nnotes; i++) {
        const oy_concept *k;
        if (i < p->nitems) {
            const oy_phrase_effect *it = &p->items[i];
            if (it->concept->group != OY_GROUP_OBJECT || it->place != OY_PLACE_NEAR_ENTITY)
                continue;
            k = oy_bank_find(c->bank, it->near_what);
        } else {
            const oy_word_note *nt = &p->notes[i - p->nitems];
            if (nt->how != OY_NOTE_REFERENCE)
                continue;
            k = nt->concept;
        }
        if (!k || k->group != OY_GROUP_OBJECT || named_in(p, object_kind(k)) ||
            oy_model_find_named(c->m, object_kind(k), 0.0) != SIZE_MAX)
            continue;
        oy_phrase_effect one = { .concept = k, .intensity = 1.0f, .count = 1, .size = 1.0f, .qualifies = -1 };
        oy_parse alone = { .items = &one, .nitems = 1 };
        int err = text_objects(c, &alone, 0.0, -1, clear);
        if (err)
            return err;
    }
    return 0;
}

/* How far off a thing stands out clearly from the fog of the channels
 * ch (seen through a third of the fog or more), or, with no fog, as far
 * as any place puts it */
static float fog_clear(const float ch[OY_CH_COUNT])
{
    float k = oy_fog_extinction(ch);
    return k > 1e-6f ? fmaxf(1.1f / k, 30.0f) : 1e9f;
}

/* Objects named in free text: placed relative to the camera, and where
 * the fog hides what stands farther than clear metres, no farther. */
static int text_objects(compile *c, const oy_parse *p, double t, int directive, float clear)
{
    int unplaced = 0;   /* things named so far with no place of their own */
    for (int i = 0; i < p->nitems; i++) {
        const oy_phrase_effect *it = &p->items[i];
        float ahead = 25.0f, lateral = 0.0f, radius = 4.0f, stand_off = 0.0f;
        if (it->concept->group != OY_GROUP_OBJECT)
            continue;
        if (it->negated) {
            int n = remove_named(c->m, object_kind(it->concept), t, OVER_REMOVE);
            describe_add(c, " remove %d %s;", n, it->concept->name);
            continue;
        }
        float paint[3];
        object_paint(p, i, paint);
        /* where the first view sees it whole: a person a dozen metres
         * off, a lighthouse or a castle farther, a village farther still */
        const oy_kind *kd = oy_scene_kind_find(object_kind(it->concept));
        /* "a tiny cabin" stands where a cabin would, and looks small
         * there; a huge thing stands off farther, to be seen whole and
         * not to hide the view */
        float sz = it->size > 0.0f ? it->size : 1.0f, grow = fmaxf(sz, 1.0f);
        float size = kd ? oy_clampf(fmaxf(kd->radius, 0.5f * kd->height), 0.5f, 45.0f) : 5.0f;
        float k = (2.2f * size + 12.0f) / 25.0f;
        ahead *= k;
        /* over the land from a bluff, a person or an animal stands on
         * it short of its edge, seen against what it overlooks */
        int on_bluff = c->overlook && kd && (kd->flags & OY_KIND_MOVER) &&
                       (it->place == OY_PLACE_NONE || it->place == OY_PLACE_ON_HIGH || it->place == OY_PLACE_AHEAD);
        switch (on_bluff ? OY_PLACE_NONE : it->place) {
        case OY_PLACE_LEFT: ahead = 18.0f * k; lateral = -10.0f * k; break;
        case OY_PLACE_RIGHT: ahead = 18.0f * k; lateral = 10.0f * k; break;
        case OY_PLACE_DISTANCE:
            /* off the axis when a thing named before stands on it, so
             * that it does not hide behind that ("a farmhouse with a barn
             * in the distance") */
            ahead = fmaxf(180.0f, 60.0f * k);
            lateral = unplaced > 0 ? -0.14f * ahead : 0.0f;
            radius = 25.0f;
            break;
        case OY_PLACE_BEHIND: ahead = -15.0f * k; break;
        case OY_PLACE_NEAR_WATER: ahead = 40.0f * k; break;
        case OY_PLACE_ON_HIGH: ahead = fmaxf(60.0f, 40.0f * k); radius = 10.0f; break;
        default: break;
        }
        radius *= fmaxf(1.0f, 0.5f * k);
        /* several tall things spread wide enough not to overlap (a wind
         * farm's turbines stood in one knot), things aloft (balloons)
         * wider */
        if (kd && (kd->flags & OY_KIND_LIFTED))
            radius = fmaxf(radius, 3.0f * kd->radius);
        else if (kd && it->count > 1 && kd->height >= 20.0f && !(kd->flags & OY_KIND_CLUSTER))
            radius = fmaxf(radius, 2.0f * kd->radius);
        ahead *= grow;
        lateral *= grow;
        radius *= grow;
        /* tall things stand off until their top is in the frame of a
         * view level or tilted a few degrees down (6.3 times their
         * height: 9 degrees up): landforms (a group's nearest members
         * too), a windmill, a barn or a tower from its near side, a
         * village from its nearest houses */
        if (kd && (kd->flags & OY_KIND_LANDFORM) && it->place != OY_PLACE_BEHIND) {
            float tall = 6.3f * kd->height + ((kd->flags & OY_KIND_CLUSTER) ? 0.8f * kd->radius : 0.0f);
            float whole = grow * tall / ahead;
            ahead *= fmaxf(whole, 1.0f);
            lateral *= fmaxf(whole, 1.0f);
            radius = fmaxf(radius, 3.0f * kd->radius);
        } else if (kd && !(kd->flags & (OY_KIND_PLUME | OY_KIND_OPEN)) && it->place != OY_PLACE_BEHIND &&
                   (!(kd->flags & OY_KIND_CLUSTER) || (kd->flags & OY_KIND_BUILDING))) {
            /* a wreck of a thing aloft ("a crashed plane") lies on the
             * ground, as tall as its broken hull */
            float tall = it->derelict && (kd->flags & OY_KIND_LIFTED) ? OY_WRECK_HEIGHT : kd->height;
            stand_off = grow * (6.3f * tall + kd->radius);
            float whole = stand_off / ahead;
            ahead *= fmaxf(whole, 1.0f);
            lateral *= fmaxf(whole, 1.0f);
        } else if (kd && (kd->flags & OY_KIND_PLUME) && kd->radius < 20.0f && it->place != OY_PLACE_BEHIND) {
            /* a campfire: its smoke does not count, its flames and the
             * first two metres of smoke do; a fire the land puts below
             * the frame (down a dune's slip face, a clearing that falls
             * away) stands out where the view sees it */
            stand_off = grow * 12.6f;
        }
        /* a road starts by the camera and leads away along the view; the
         * view stands on a town square's floor, near its front edge */
        if (kd && (kd->flags & OY_KIND_ALONG) && it->place == OY_PLACE_NONE) {
            ahead = 6.0f;
            radius = 2.0f;
            /* a power line's poles beside the view's line, not on it */
            lateral = kd->height > 1.0f ? 8.0f : 0.0f;
        } else if (kd && (kd->flags & OY_KIND_OPEN) && it->place == OY_PLACE_NONE) {
            ahead = 0.45f * grow * kd->radius;
            radius = 0.0f;
            unplaced++;
        } else if (it->place == OY_PLACE_NONE || on_bluff) {
            /* the first thing named stands ahead, the next ones right and
             * left of the view's axis in turn (about 14 degrees off), so
             * a tent does not hide the campfire behind it */
            if (on_bluff) {
                ahead = OY_BLUFF_EDGE - 14.0f;
                radius = 1.5f;
            }
            int j = unplaced++;
            lateral = (j & 1 ? 0.25f : -0.25f) * (float)((j + 1) / 2) * ahead;
        }
        /* a bridge with a thing ("a village by a river with a stone
         * bridge") crosses the water the view sees, wherever that is */
        if (it->place == OY_PLACE_NEAR_ENTITY && !(kd && (kd->flags & OY_KIND_SPANS))) {
            size_t at = oy_model_find_named(c->m, it->near_what, t);
            const oy_kind *kt = at != SIZE_MAX ? oy_scene_kind_find(c->m->ents[at].e.kind) : NULL;
            /* a boat by anything but a pier ("a harbour town with
             * fishing boats") floats on the water the view sees, as one
             * named alone would: beside a village it stood on the shore */
            int afloat_alone = kd && (kd->flags & OY_KIND_FLOATS) && !(kt && (kt->flags & OY_KIND_REACHES));
            if (at != SIZE_MAX && !afloat_alone) {
                /* beside it, clear of it: off its middle by half its
                 * size and a few metres more */
                float reach = 5.0f + (kt ? 0.5f * kt->radius : 0.0f);
                /* things named before by the same one ("a farmhouse with
                 * a barn and a silo") take the first places round it */
                int prior = 0;
                for (int j = 0; j < i; j++)
                    if (p->items[j].place == OY_PLACE_NEAR_ENTITY && !p->items[j].negated &&
                        p->items[j].concept->group == OY_GROUP_OBJECT &&
                        !strcmp(p->items[j].near_what, it->near_what))
                        prior += p->items[j].count;
                for (int k = 0; k < it->count; k++) {
                    /* looked up each time: add_entity may move the table */
                    const oy_entrec *r = &c->m->ents[at];
                    float pos[3], dx, dz;
                    scatter(c->m->seed ^ (uint64_t)directive, prior + k, prior + it->count + 1, 6.0f, &dx, &dz);
                    int along = kt && (kt->flags & OY_KIND_ALONG);
                    if (along && kd && (kd->flags & OY_KIND_ALONG)) {
                        /* a power line by a road runs beside it all its
                         * length, one side then the other */
                        dz = 0.0f;
                        dx = (k & 1 ? -1.0f : 1.0f) * 8.0f;
                    } else if (along) {
                        /* by a road: along it ahead, in pairs either
                         * side ("a road lined with poplars") */
                        dz = 14.0f + 12.0f * (float)(k / 2) + 0.3f * dz;
                        dx = (k & 1 ? -1.0f : 1.0f) * (6.0f + 0.3f * fabsf(dx));
                        /* what walks or drives keeps to the road */
                        if (kd && (kd->flags & OY_KIND_MOVER))
                            dx = (k & 1 ? -1.0f : 1.0f) * 1.4f;
                        /* a building stands back from its edge, as far
                         * up it as a level view sees it whole (a barn
                         * stood on the road, filling the frame) */
                        if (kd && (kd->flags & (OY_KIND_BUILDING | OY_KIND_CLUSTER)) == OY_KIND_BUILDING) {
                            dz += stand_off;
                            dx = (k & 1 ? -1.0f : 1.0f) * (6.0f + kd->radius);
                        }
                    } else {
                        /* the second on its other side, the third on
                         * the first's, and so on */
                        dx += ((prior + k) & 1 ? -0.8f : 0.8f) * reach;
                        dz += 0.6f * reach;
                    }
                    pos[0] = r->e.pos[0] + dx;
                    pos[1] = 0.0f;
                    pos[2] = r->e.pos[2] + dz;
                    int err = add_entity(c, object_kind(it->concept), NULL, t, pos, r->anchor,
                                         r->ahead + dz, r->lateral + dx, k);
                    if (err)
                        return err;
                    oy_entrec *e = &c->m->ents[c->m->nents - 1];
                    e->of_set = directive < 0;
                    memcpy(e->e.paint, paint, sizeof paint);
                    e->e.size = sz;
                    e->e.derelict = it->derelict;
                    e->e.stone = it->stone;
                    e->gait = it->gait;
                    if (e->anchor == OY_ANCHOR_CAMERA) {
                        /* to its side and on the view's side of it, where
                         * it does not hide behind it */
                        e->beside = at + 1;
                        /* by a road, a tall thing lines it, near or not */
                        e->stand_off = along ? 0.0f : stand_off;
                        e->beside_off[0] = dx;
                        e->beside_off[1] = along ? dz : dz - 1.2f * reach;
                        /* a tall thing by a low one ("a graveyard with a
                         * church") stands behind it, as far out as a
                         * level view sees it whole */
                        if (kt && (kt->flags & OY_KIND_REACHES) && kd &&
                            (kd->flags & (OY_KIND_MOVER | OY_KIND_FLOATS))) {
                            /* on a pier: out on its deck over the water
                             * (objects.c stands it on the deck); a boat
                             * moored at it beside the deck */
                            int afloat = (kd->flags & OY_KIND_FLOATS) != 0;
                            e->seek = OY_SEEK_PIER;
                            e->stand_off = 0.0f;
                            e->beside_off[0] = afloat ? 2.8f : 0.0f;
                            e->beside_off[1] = (afloat ? 4.0f : 2.0f) + 3.0f * (float)k;
                        } else if (kt && (kt->flags & OY_KIND_SPANS) && kd && (kd->flags & OY_KIND_MOVER)) {
                            /* on a bridge ("a train crossing a viaduct"):
                             * on its deck, heading the way it crosses,
                             * several one behind another (objects.c
                             * stands them on the deck) */
                            e->seek = OY_SEEK_SPAN;
                            e->stand_off = 0.0f;
                            e->beside_off[0] = 0.0f;
                            float gap = 2.0f * kd->radius + 2.0f;
                            e->beside_off[1] = (float)((k + 1) / 2) * gap * (k & 1 ? -1.0f : 1.0f);
                            /* under a long thing (a train) the bridge
                             * stands across the view, as far out as the
                             * long thing would alone */
                            oy_entrec *bridge = &c->m->ents[at];
                            if (kd->flags & OY_KIND_ACROSS) {
                                bridge->turn = OY_TURN_ACROSS;
                                bridge->ahead = fmaxf(bridge->ahead, 3.6f * kd->radius);
                            }
                        } else if (kt && (kt->flags & OY_KIND_OPEN)) {
                            /* in a town square: in its middle, a few
                             * metres apart, where the view stands near */
                            e->stand_off = 0.0f;
                            e->beside_off[0] = 0.5f * (dx - 0.8f * reach);
                            e->beside_off[1] = 0.5f * (dz - 0.6f * reach);
                        } else if (!along && stand_off > r->ahead + e->beside_off[1]) {
                            /* behind it, the later ones clear of the first */
                            int n = prior + k;
                            e->beside_off[0] = 0.5f * dx + (n & 1 ? -2.2f : 2.2f) * (float)((n + 1) / 2) *
                                                             (kd ? kd->radius : 5.0f);
                            e->beside_off[1] = stand_off - r->ahead;
                        } else if (kt && (kt->flags & OY_KIND_CLUSTER) && !along &&
                                   ahead < r->ahead - reach) {
                            /* a small thing in a village ("a town square
                             * with a fountain") stands at its near edge,
                             * as near the view as it would alone */
                            e->beside_off[0] = dx * ahead / r->ahead;
                            e->beside_off[1] = ahead - r->ahead;
                        }
                    }
                }
                describe_add(c, " add %d %s near '%s';", it->count, it->concept->name, it->near_what);
                continue;
            }
            if (at == SIZE_MAX)
                oy_diag(c->log, OYSTER_WARNING, c->s->path, c->at.line, c->at.col, NULL,
                        "nothing named '%s' is in the shot at %.3gs; '%s' placed ahead",
                        it->near_what, t, it->concept->name);
        }
        /* a file, and a long thing side on, stand where the view's width
         * holds them */
        int files = kd && (kd->flags & OY_KIND_FILES) && it->count > 1;
        int across = files || (kd && (kd->flags & OY_KIND_ACROSS));
        if (files)
            ahead = fmaxf(ahead, 8.0f * (float)(it->count - 1));
        if (across)
            ahead = fmaxf(ahead, 3.6f * kd->radius);
        for (int k = 0; k < it->count; k++) {
            float pos[3] = { 0, 0, 0 }, dx, dz;
            int err;
            scatter(c->m->seed ^ ((uint64_t)directive << 20), k, it->count,
                    files ? 1.5f : radius * sqrtf((float)it->count), &dx, &dz);
            if (files)   /* in file across the view, 4-5 m apart */
                dx += 4.5f * ((float)k - 0.5f * (float)(it->count - 1));
            /* landforms spread wide, none nearer than a level view sees
             * whole, and none outside the view's width (20 degrees off
             * its axis at most) */
            if (kd && (kd->flags & OY_KIND_LANDFORM) && it->place != OY_PLACE_BEHIND) {
                dz = fmaxf(dz, -0.2f * ahead);
                float wide = 0.36f * (ahead + dz);
                dx = fminf(fmaxf(lateral + dx, -wide), wide) - lateral;
            }
            /* in fog, near enough to be seen, whole or not (a town or a
             * village by its nearest houses), and where the words put it,
             * not on a hill the fog hides */
            float a = ahead + dz, l = lateral + dx;
            float seen = clear + (kd && (kd->flags & OY_KIND_CLUSTER) ? kd->radius : 0.0f);
            /* a small thing (a rowing boat, a person) nearer still, where
             * it is more than a shape in the fog */
            if (kd && !(kd->flags & OY_KIND_CLUSTER) && stand_off < 15.0f)
                seen *= 0.55f;
            /* a tall thing a little farther, its lower part a shape in
             * the fog (a lighthouse 20 m off showed its door alone) */
            float misty = fminf(stand_off, 1.6f * clear);
            seen = fmaxf(seen, misty);
            float in_fog = a > seen ? seen / a : 1.0f;
            err = add_entity(c, object_kind(it->concept), NULL, t, pos, OY_ANCHOR_CAMERA, a * in_fog, l * in_fog,
                             k);
            if (err)
                return err;
            oy_entrec *r = &c->m->ents[c->m->nents - 1];
            r->of_set = directive < 0;
            memcpy(r->e.paint, paint, sizeof paint);
            r->e.size = sz;
            r->e.derelict = it->derelict;
            r->e.stone = it->stone;
            r->gait = it->gait;
            r->turn = across ? OY_TURN_ACROSS : turn_for(kd);
            r->seek = on_bluff || (it->derelict && kd && (kd->flags & OY_KIND_LIFTED)) ? OY_SEEK_NONE
                                                                                        : seek_for(kd, it->place);
            r->stand_off = in_fog < 1.0f ? misty : stand_off;
            if (clear < 250.0f && r->seek == OY_SEEK_HIGH) {
                r->seek = OY_SEEK_NONE;   /* the high ground would be hundreds of metres off */
                r->fog_sight = clear;
            }
            /* a landform stood off already (ahead); the placing still
             * needs its height to see that the land does not hide it */
            if (kd && (kd->flags & OY_KIND_LANDFORM) && (r->seek == OY_SEEK_NONE || r->seek == OY_SEEK_RIVER))
                r->stand_off = grow * (6.3f * kd->height + kd->radius);
        }
        describe_add(c, " add %d %s;", it->count, it->concept->name);
    }
    return 0;
}

static int parse_text(compile *c, const oy_text *text, oy_parse *p)
{
    return oy_lang_parse(c->bank, text->s, c->s->path, text->mark.line,
                         text->mark.col, c->log, p);
}

static double parse_over(const oy_parse *p)
{
    double over = p->over;
    if (p->sudden)
        return OVER_SUDDEN;
    for (int i = 0; over < 0 && i < p->nitems; i++)
        if (p->items[i].concept->over > over)
            over = p->items[i].concept->over;
    return over;
}

static void weather_map(const oy_weather *w, float *target, unsigned char *mask)
{
    static const int ch[OY_WX_COUNT] = { OY_CH_CLOUD, OY_CH_FOG, OY_CH_RAIN,
                                         OY_CH_SNOW, OY_CH_WIND, OY_CH_LIGHTNING };
    for (int i = 0; i < OY_WX_COUNT; i++)
        if (w->set[i]) {
            target[ch[i]] = w->v[i];
            mask[ch[i]] = 1;
        }
}

static void lighting_map(const oy_lighting *l, float *target, unsigned char *mask)
{
    static const int ch[OY_LT_COUNT] = { OY_CH_EXPOSURE, OY_CH_WARMTH,
                                         OY_CH_CONTRAST, OY_CH_SATURATION };
    for (int i = 0; i < OY_LT_COUNT; i++)
        if (l->set[i]) {
            target[ch[i]] = l->v[i];
            mask[ch[i]] = 1;
        }
}

static void describe_changes(compile *c, const float *base, const float *target,
                             const unsigned char *mask, double over)
{
    int any = 0;
    for (int i = 0; i < OY_CH_COUNT; i++)
        if (mask[i]) {
            if (i == OY_CH_TIME) {
                float a = fmodf(base[i], 24.0f), b = fmodf(target[i], 24.0f);
                describe_add(c, " time %02d:%02d->%02d:%02d", (int)a, (int)(fmodf(a, 1.0f) * 60.0f + 0.5f) % 60,
                             (int)b, (int)(fmodf(b, 1.0f) * 60.0f + 0.5f) % 60);
            } else {
                describe_add(c, " %s %.2f->%.2f", oy_channels[i].name, base[i], target[i]);
            }
            any = 1;
        }
    if (over >= 0 && any)
        describe_add(c, " over %.3gs", over);
}

/* When a music directive's change starts, and what else it does. */
static void describe_music(compile *c, const oy_music *mu, const oy_cue *q)
{
    if (mu->on == OY_MUSIC_ON_NOW && !mu->fresh)
        describe_add(c, ", from this frame");
    else if (mu->on == OY_MUSIC_ON_BEAT)
        describe_add(c, ", from the next beat");
    if (mu->stop)
        describe_add(c, " the music stops, fading out over %.3gs", q->over);
    if (mu->hit)
        describe_add(c, " a stinger on this frame");
    if (mu->fresh)
        describe_add(c, ", the music starts over from this frame");
}

/* What an event directive does, for `oyster check`. */
static void describe_cue(compile *c, const oy_directive *d, const oy_cue *q)
{
    static const char *const fades[] = { "fade in", "fade to black", "fade to white" };
    switch (q->type) {
    case OY_CUE_STRIKE:
        describe_add(c, " lightning");
        if (d->has_distance)
            describe_add(c, " %gm ahead", d->distance);
        else if (!q->anchored)
            describe_add(c, " at [%g, %g]", q->pos[0], q->pos[2]);
        describe_add(c, "; thunder after the distance / 343 m/s");
        break;
    case OY_CUE_SOUND:
        describe_add(c, " sound %s", q->name);
        if (d->follow.s)
            describe_add(c, " following %s", d->follow.s);
        else if (q->placed)
            describe_add(c, " at [%g, %g]", q->pos[0], q->pos[2]);
        if (q->gain_db != 0.0f)
            describe_add(c, " %+g dB", q->gain_db);
        if (q->over > 0.0f)
            describe_add(c, " for %gs", q->over);
        break;
    case OY_CUE_FLASH:
        describe_add(c, " flash %g over %gs", q->amount, q->over);
        break;
    case OY_CUE_SHAKE:
        describe_add(c, " camera jolt %g over %gs", q->amount, q->over);
        break;
    case OY_CUE_FADE:
        describe_add(c, " %s over %gs", fades[q->fade], q->over);
        break;
    default:
        describe_add(c, " mix");
        for (int b = 0; b < OY_BUS_COUNT; b++)
            if (d->mix_set[b])
                describe_add(c, " %s %+g dB", oy_bus_names[b], d->mix[b]);
        describe_add(c, " over %gs", q->over);
        break;
    }
}

static int apply_directive(compile *c, int di)
{
    const oy_directive *d = &c->s->directives[di];
    oy_model *m = c->m;
    double t0 = (double)d->frame * m->fps.den / m->fps.num;
    float base[OY_CH_COUNT], target[OY_CH_COUNT];
    unsigned char mask[OY_CH_COUNT] = { 0 };
    double over = -1.0;
    int err = 0;
    oy_parse p = { 0 };

    c->line[0] = 0;
    c->at = d->mark;
    oy_model_channels(m, t0, base);
    memcpy(target, base, sizeof target);

    switch (d->action) {
    case OY_ACT_SAY:
        if ((err = parse_text(c, &d->text, &p)))
            break;
        oy_parse_targets(&p, base, target, mask);
        over = parse_over(&p);
        if (over < 0)
            over = OVER_SAY;
        err = text_objects(c, &p, t0, di, fog_clear(target));
        if (!err)
            err = add_event(c, OY_EV_SAY, t0, d->text.s, di);
        break;
    case OY_ACT_BEAT:
        err = add_event(c, OY_EV_BEAT, t0, d->text.s, di);
        if (!err)
            err = oy_cues_add(m, d, di, t0, c->log);
        describe_add(c, " new section%s; caption '%s'",
                     d->music.hit ? " now, with a stinger" : d->music.on ? " now" : "", d->text.s);
        break;
    case OY_ACT_TIME:
        target[OY_CH_TIME] = (float)d->time;
        mask[OY_CH_TIME] = 1;
        over = OVER_TIME;
        break;
    case OY_ACT_WEATHER:
        if (d->weather.preset.s)
            err = concept_targets(c, &d->weather.preset, OY_GROUP_WEATHER, base,
                                  target, mask, NULL);
        else
            weather_map(&d->weather, target, mask);
        over = OVER_WEATHER;
        break;
    case OY_ACT_LIGHTING:
        if (d->lighting.preset.s)
            err = concept_targets(c, &d->lighting.preset, OY_GROUP_LIGHT, base,
                                  target, mask, NULL);
        else
            lighting_map(&d->lighting, target, mask);
        over = OVER_LIGHTING;
        break;
    case OY_ACT_MUSIC:
        if (d->music.text.s) {
            if (!(err = parse_text(c, &d->music.text, &p)))
                oy_parse_targets(&p, base, target, mask);
        } else {
            if (d->music.mood.s)
                err = concept_targets(c, &d->music.mood, OY_GROUP_MUSIC, base,
                                      target, mask, NULL);
            if (d->music.has_tempo) {
                target[OY_CH_TEMPO] = d->music.tempo;
                mask[OY_CH_TEMPO] = 1;
            }
            if (d->music.has_intensity) {
                target[OY_CH_INTENSITY] = d->music.intensity;
                mask[OY_CH_INTENSITY] = 1;
            }
        }
        /* a change that starts now or on the beat is there when it starts */
        over = d->music.on == OY_MUSIC_ON_NOW || d->music.on == OY_MUSIC_ON_BEAT ||
               d->music.fresh ? 0.0 : OVER_MUSIC;
        if (!err)
            err = oy_cues_add(m, d, di, t0, c->log);
        break;
    case OY_ACT_STRIKE: case OY_ACT_SOUND: case OY_ACT_FLASH:
    case OY_ACT_SHAKE:  case OY_ACT_FADE:  case OY_ACT_MIX:
        err = oy_cues_add(m, d, di, t0, c->log);
        if (!err)
            err = add_event(c, OY_EV_CUE, t0, oy_action_names[d->action], di);
        if (!err)
            describe_cue(c, d, &m->cues[m->ncues - 1]);
        break;
    case OY_ACT_ADD: {
        const oy_concept *k = oy_bank_find(c->bank, d->text.s);
        size_t face_ent = SIZE_MAX;
        if (!k || k->group != OY_GROUP_OBJECT) {
            char note[96];
            if (k)
                oy_diag(c->log, OYSTER_WARNING, c->s->path, d->value_mark.line,
                        d->value_mark.col, "'add' places objects; 'say' sets the others",
                        "'%s' is a %s concept, not an object; ignored", d->text.s,
                        oy_group_names[k->group]);
            else
                oy_diag(c->log, OYSTER_WARNING, c->s->path, d->value_mark.line,
                        d->value_mark.col, NULL, "'%s' is not an object in the vocabulary%s; ignored",
                        d->text.s, oy_bank_nearest_note(c->bank, d->text.s, note, sizeof note));
            break;
        }
        if (d->face == OY_FACE_ID && (face_ent = oy_model_find_named(m, d->face_id.s, t0)) == SIZE_MAX)
            oy_diag(c->log, OYSTER_WARNING, c->s->path, d->face_id.mark.line,
                    d->face_id.mark.col, NULL,
                    "nothing named '%s' is in the shot at %.3gs to face; '%s' faces its own way",
                    d->face_id.s, t0, d->text.s);
        for (int i = 0; i < d->count && !err; i++) {
            float pos[3] = { 0, 0, 0 }, dx, dz;
            char id[32] = "";
            scatter(m->seed ^ ((uint64_t)di << 20), i, d->count, 3.0f * sqrtf((float)d->count), &dx, &dz);
            if (d->id.s)
                snprintf(id, sizeof id, d->count > 1 ? "%s.%d" : "%s", d->id.s, i + 1);
            if (d->has_near) {
                pos[0] = (float)d->near[0] + dx;
                pos[1] = (float)d->near[1];
                pos[2] = (float)d->near[2] + dz;
                err = add_entity(c, object_kind(k), id, t0, pos, OY_ANCHOR_WORLD, 0, 0, i);
                if (!err)
                    m->ents[m->nents - 1].near_mark = d->value_mark;
            } else {
                err = add_entity(c, object_kind(k), id, t0, pos, OY_ANCHOR_CAMERA,
                                 (float)(d->has_ahead ? d->ahead : 20.0) + dz, dx, i);
            }
            if (!err)
                set_facing(&m->ents[m->nents - 1], d, face_ent);
        }
        describe_add(c, " add %d %s", d->count, k->name);
        if (d->has_yaw)
            describe_add(c, " facing %g", (double)wrap_degrees(d->yaw));
        else if (d->face == OY_FACE_POINT)
            describe_add(c, " facing [%g, %g, %g]", d->face_at[0], d->face_at[1], d->face_at[2]);
        else if (face_ent != SIZE_MAX)
            describe_add(c, " facing '%s'", d->face_id.s);
        if (!err)
            err = add_event(c, OY_EV_ADD, t0, k->name, di);
        break;
    }
    case OY_ACT_REMOVE: {
        double ro = d->has_over ? d->over : OVER_REMOVE;
        int n = remove_named(m, d->text.s, t0, ro);
        if (n == 0)
            oy_diag(c->log, OYSTER_WARNING, c->s->path, d->value_mark.line,
                    d->value_mark.col, NULL, "nothing named '%s' is in the shot at %.3gs", d->text.s, t0);
        describe_add(c, " remove %d object(s) '%s' over %.3gs", n, d->text.s, ro);
        err = add_event(c, OY_EV_REMOVE, t0, d->text.s, di);
        break;
    }
    case OY_ACT_MOVE: {
        /* one point in a time: eased as always; a path walks at a speed */
        double speed = d->has_speed ? d->speed : d->npath > 1 && !d->has_over ? WALK_SPEED : 0.0;
        double mo = d->has_over ? d->over : OVER_MOVE;
        size_t p0 = m->npts, one = 0;
        int n = 0;
        if ((err = add_path(m, d)))
            break;
        for (size_t i = 0; i < m->nents && !err; i++) {
            oy_entrec *r = &m->ents[i];
            oy_move *mv;
            if (!named(r, d->text.s, t0))
                continue;
            if (oy_grow(&r->moves, &r->cap, r->nmoves + 1, sizeof *r->moves)) {
                err = OYSTER_E_NOMEM;
                break;
            }
            mv = &r->moves[r->nmoves++];
            memset(mv, 0, sizeof *mv);
            mv->t0 = t0;
            mv->dur = speed > 0 ? 0.0 : mo;   /* by speed: set by chain_moves */
            mv->speed = speed;
            mv->p0 = p0;
            mv->npts = d->npath;
            mv->eased = d->npath == 1 && speed <= 0;
            mv->group = di;
            mv->member = n;
            one = i;
            n++;
        }
        /* one entity alone goes exactly along the path */
        if (n == 1)
            m->ents[one].moves[m->ents[one].nmoves - 1].group = -1;
        if (n > 1 && !err)
            err = add_herd(m, di, t0, n);
        if (n == 0)
            oy_diag(c->log, OYSTER_WARNING, c->s->path, d->value_mark.line,
                    d->value_mark.col, NULL, "nothing named '%s' is in the shot at %.3gs", d->text.s, t0);
        describe_add(c, " move %d object(s) '%s'", n, d->text.s);
        if (d->npath > 1)
            describe_add(c, " along %d points", d->npath);
        describe_add(c, " to [%g, %g, %g]", d->to[0], d->to[1], d->to[2]);
        if (speed > 0)
            describe_add(c, " at %.3g m/s", speed);
        else
            describe_add(c, " over %.3gs", mo);
        if (!err)
            err = add_event(c, OY_EV_MOVE, t0, d->text.s, di);
        break;
    }
    }
    if (!err && d->action <= OY_ACT_MUSIC && d->action != OY_ACT_ADD &&
        d->action != OY_ACT_REMOVE && d->action != OY_ACT_MOVE && d->action != OY_ACT_BEAT) {
        if (d->has_over)
            over = d->over;
        couple(base, target, mask);
        describe_changes(c, base, target, mask, over);
        if (d->action == OY_ACT_MUSIC)
            describe_music(c, &d->music, &m->cues[m->ncues - 1]);
        for (int ch = 0; ch < OY_CH_COUNT && !err; ch++)
            if (mask[ch])
                err = add_transition(c, ch, t0, over, base[ch], target[ch]);
        if (!err && d->action != OY_ACT_SAY)
            err = add_event(c, OY_EV_CHANGE, t0, oy_action_names[d->action], di);
    }
    oy_parse_release(&p);
    if (!err && !(m->describe[di] = oy_strdup(c->line)))
        err = OYSTER_E_NOMEM;
    return err;
}

/* Each herd member's place in the herd: its offset from the middle. */
static void herd_places(oy_model *m)
{
    for (size_t i = 0; i < m->nents; i++)
        for (size_t k = 0; k < m->ents[i].nmoves; k++) {
            const oy_move *mv = &m->ents[i].moves[k];
            if (mv->group >= 0)
                memcpy(m->places[mv->place0 + (size_t)mv->member], mv->off, sizeof mv->off);
        }
}

/* Each move starts where the one before has the entity at its t0 (where
 * it arrived, or on its way if it had not): position, heading and metres
 * walked; its length and, by speed, its time follow from there. */
static void chain_pass(oy_model *m)
{
    herd_places(m);
    for (size_t i = 0; i < m->nents; i++) {
        oy_entrec *r = &m->ents[i];
        float cur[3], yaw = r->e.yaw, speed, stride = 0.0f;
        memcpy(cur, r->e.pos, sizeof cur);
        for (size_t k = 0; k < r->nmoves; k++) {
            oy_move *mv = &r->moves[k];
            const oy_pathpt *pp = m->pts + mv->p0;
            float dx, dz;
            if (k > 0)
                oy_move_at(m, &r->moves[k - 1], mv->t0, cur, &yaw, &speed, &stride);
            /* a herd member's path is its group's, from the group's middle */
            memcpy(mv->from, cur, sizeof cur);
            mv->from[0] -= mv->off[0];
            mv->from[2] -= mv->off[1];
            mv->yaw0 = yaw;
            mv->stride0 = stride;
            dx = pp[0].p[0] - mv->from[0];
            dz = pp[0].p[2] - mv->from[2];
            mv->len0 = sqrtf(dx * dx + dz * dz);
            mv->head0 = oy_heading(mv->from, pp[0].p, yaw);
            mv->len = mv->len0 + pp[mv->npts - 1].cum;
            if (mv->speed > 0)
                mv->dur = mv->len / mv->speed;
            /* turn through a corner over about half a second of travel */
            mv->window = 0.5f + (mv->dur > 0 ? 0.3f * (float)(mv->len / mv->dur) : 0.0f);
        }
    }
}

/* Each herd member's offset from its group's middle where they stood at
 * the move's start; returns whether any offset changed (-1: no memory). */
static int herd_offsets(oy_model *m)
{
    int ng = m->script->ndirectives, changed = 0;
    double *sum = ng ? oy_calloc((size_t)ng * 3, sizeof *sum) : NULL;
    if (ng && !sum)
        return -1;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < m->nents; i++)
            for (size_t k = 0; k < m->ents[i].nmoves; k++) {
                oy_move *mv = &m->ents[i].moves[k];
                float at[2] = { mv->from[0] + mv->off[0], mv->from[2] + mv->off[1] };
                if (mv->group < 0 || mv->group >= ng)
                    continue;
                double *g = sum + 3 * mv->group;
                if (pass == 0) {
                    g[0] += at[0];
                    g[1] += at[1];
                    g[2] += 1.0;
                    continue;
                }
                float off[2] = { at[0] - (float)(g[0] / g[2]), at[1] - (float)(g[1] / g[2]) };
                changed |= off[0] != mv->off[0] || off[1] != mv->off[1];
                mv->off[0] = off[0];
                mv->off[1] = off[1];
            }
    free(sum);
    return changed;
}

/* Moves chained: each starts where the last left its entity; a herd's
 * offsets depend on where its members stand, which earlier herd moves
 * decide, so chained again until they hold (a pass per level of herd
 * moves that follow one another, at most a few). */
static void chain_moves(oy_model *m)
{
    chain_pass(m);
    for (int pass = 0; pass < 4 && herd_offsets(m) > 0; pass++)
        chain_pass(m);
    herd_places(m);
}

/* Headings that depend on where things are: set once positions are known
 * (again after oy_model_place_relative), then moves are chained again so
 * that each starts from the heading its entity really has. */
static void settle(oy_model *m)
{
    chain_moves(m);
    for (size_t i = 0; i < m->nents; i++) {
        oy_entrec *r = &m->ents[i];
        oy_entity other;
        if (r->face == OY_FACE_POINT) {
            r->e.yaw = wrap_degrees(oy_heading(r->e.pos, r->face_at, r->yaw_base) + r->face_turn);
        } else if (r->face == OY_FACE_ID && r->face_ent != i) {
            oy_entrec_at(m, &m->ents[r->face_ent], r->t_add, &other);
            r->e.yaw = oy_heading(r->e.pos, other.pos, r->yaw_base);
        }
    }
    chain_moves(m);
}

/* The water a thing the world prompt names stands by, when the prompt
 * names no water of its own: a lighthouse, a ship of any kind or a fishing village
 * by the sea, a boat or a pier on a lake (by its kind or its concept's name),
 * a bridge over a stream ("an old bridge in the hills"), unless a canyon
 * gives it a gorge to cross. */
static void water_of_things(const oy_parse *p, float *target, unsigned char *mask)
{
    static const struct {
        const char *kind;
        int channel;
        float value;
    } by[] = { { "lighthouse", OY_CH_COAST, 0.8f }, { "ship", OY_CH_COAST, 0.8f }, { "cargo_ship", OY_CH_COAST, 0.8f },
               { "cruise_ship", OY_CH_COAST, 0.8f }, { "boat", OY_CH_LAKE, 0.6f }, { "rowboat", OY_CH_LAKE, 0.6f },
               { "sailboat", OY_CH_LAKE, 0.6f }, { "pier", OY_CH_LAKE, 0.6f },
               { "fishing village", OY_CH_COAST, 0.8f } };
    static const int water[] = { OY_CH_COAST, OY_CH_ISLAND, OY_CH_LAKE, OY_CH_RIVER };
    for (size_t i = 0; i < sizeof water / sizeof *water; i++)
        if (mask[water[i]])
            return;
    /* the things named, and those named only as the place of another
     * ("a man on a pier") */
    for (int i = 0; i < p->nitems + p->nnotes; i++) {
        const oy_concept *k;
        if (i < p->nitems) {
            k = p->items[i].negated ? NULL : p->items[i].concept;
        } else {
            const oy_word_note *nt = &p->notes[i - p->nitems];
            k = nt->how == OY_NOTE_REFERENCE ? nt->concept : NULL;
        }
        const oy_kind *kd = k && k->group == OY_GROUP_OBJECT ? oy_scene_kind_find(object_kind(k)) : NULL;
        if (!kd || ((kd->flags & OY_KIND_SPANS) && mask[OY_CH_CANYON]))
            continue;
        if (kd->flags & OY_KIND_SPANS) {
            target[OY_CH_RIVER] = 0.45f;
            mask[OY_CH_RIVER] = 1;
            return;
        }
        for (size_t j = 0; j < sizeof by / sizeof *by; j++)
            if (!strcmp(object_kind(k), by[j].kind) || !strcmp(k->name, by[j].kind)) {
                target[by[j].channel] = by[j].value;
                mask[by[j].channel] = 1;
                return;
            }
    }
}

/* The world description: prompt, image, then explicit time/weather/season,
 * applied at once (no transition) on top of the channel defaults. */
static int apply_world(compile *c)
{
    const oy_world_desc *w = &c->s->world;
    oy_model *m = c->m;
    float target[OY_CH_COUNT];
    unsigned char mask[OY_CH_COUNT] = { 0 };
    int err = 0;

    memcpy(target, m->init, sizeof target);
    if (w->prompt.s) {
        oy_parse p = { 0 };
        if ((err = parse_text(c, &w->prompt, &p)))
            return err;
        oy_parse_targets(&p, m->init, target, mask);
        water_of_things(&p, target, mask);
        /* what overlooks the land from a bluff is the view, or a person
         * in it ("a hiker overlooking a valley"); a building or a thing of
         * the land that overlooks it ("a castle overlooking the sea")
         * stands on high ground where the view sees it */
        for (int i = 0; i < p.nitems && target[OY_CH_OVERLOOK] > 0.0f; i++) {
            const oy_kind *kd = p.items[i].concept->group == OY_GROUP_OBJECT
                                    ? oy_scene_kind_find(object_kind(p.items[i].concept)) : NULL;
            if (kd && !(kd->flags & OY_KIND_MOVER))
                target[OY_CH_OVERLOOK] = 0.0f;
        }
        /* a fjord is the canyon's course drowned by the sea: a river
         * along it (a waterfall's, "rapids") would lift its floor to land */
        if (target[OY_CH_CANYON] > 0.0f && target[OY_CH_COAST] >= 0.5f && target[OY_CH_RIVER] > 0.0f) {
            target[OY_CH_RIVER] = 0.0f;
            mask[OY_CH_RIVER] = 1;
        }
        c->line[0] = 0;
        c->at = w->prompt.mark;
        c->overlook = target[OY_CH_OVERLOOK] > 0.0f;
        float clear = fog_clear(target);
        err = things_named_as_places(c, &p, clear);
        if (!err)
            err = text_objects(c, &p, 0.0, -1, clear);
        oy_parse_release(&p);
        if (err)
            return err;
    }
    if (w->image.s) {
        uint8_t *rgb = NULL;
        int iw, ih;
        oy_image_stats st;
        oy_log_at at;
        /* the image's own messages, placed at the world.image that named it */
        oy_log_at_init(&at, c->log, c->s->path, w->image.mark.line, w->image.mark.col);
        if ((err = oy_image_load(w->image.s, 256, 256, &rgb, &iw, &ih, &at.log)))
            return err;
        err = oy_image_analyze(rgb, iw, ih, &st);
        free(rgb);
        if (err)
            return err;
        oy_image_targets(&st, target, mask);
    }
    if (w->has_time) {
        target[OY_CH_TIME] = (float)w->time;
        mask[OY_CH_TIME] = 1;
    }
    if (w->weather.given) {
        if (w->weather.preset.s)
            err = concept_targets(c, &w->weather.preset, OY_GROUP_WEATHER, m->init,
                                  target, mask, NULL);
        else
            weather_map(&w->weather, target, mask);
    }
    if (!err && w->season != OY_SEASON_NONE) {
        static const char *const names[] = { "spring", "summer", "autumn", "winter" };
        oy_text t = { (char *)names[w->season], w->season_mark };
        err = concept_targets(c, &t, OY_GROUP_SEASON, m->init, target, mask, NULL);
    }
    if (err)
        return err;
    /* the world starts as it is: wet if raining, white if snowing */
    if (target[OY_CH_RAIN] > target[OY_CH_WETNESS])
        target[OY_CH_WETNESS] = target[OY_CH_RAIN];
    if (target[OY_CH_SNOW] > target[OY_CH_SNOW_COVER])
        target[OY_CH_SNOW_COVER] = target[OY_CH_SNOW];
    target[OY_CH_TIME] -= 24.0f * floorf(target[OY_CH_TIME] / 24.0f);
    memcpy(m->init, target, sizeof target);
    return 0;
}

static int event_cmp(const void *a, const void *b)
{
    const oy_event *x = a, *y = b;
    if (x->frame != y->frame)
        return x->frame < y->frame ? -1 : 1;
    if (x->directive != y->directive)
        return x->directive < y->directive ? -1 : 1;
    return x->type - y->type;
}

int oy_model_new(oy_model **out, const oy_script *s, const oy_bank *bank, oy_log *log)
{
    oy_model *m = oy_calloc(1, sizeof *m);
    compile c = { 0 };
    int err = 0;
    int errors_before = log ? log->errors : 0;

    if (!m)
        return OYSTER_E_NOMEM;
    m->script = s;
    m->seed = s->seed;
    m->fps = s->output.fps;
    for (int i = 0; i < OY_CH_COUNT; i++)
        m->init[i] = oy_channel_default(i);
    m->describe = oy_calloc((size_t)s->ndirectives + 1, sizeof *m->describe);
    if (!m->describe) {
        err = OYSTER_E_NOMEM;
        goto fail;
    }
    c.m = m;
    c.s = s;
    c.bank = bank;
    c.log = log;
    if ((err = apply_world(&c)))
        goto fail;
    /* every directive is checked, so one run reports all problems */
    for (int i = 0; i < s->ndirectives; i++) {
        int e = apply_directive(&c, i);
        if (e == OYSTER_E_NOMEM) {
            err = e;
            goto fail;
        }
        if (e && !err)
            err = e;
    }
    if (err)
        goto fail;
    for (int i = 1; i < s->camera.nkeys; i++)
        if (s->camera.keys[i].cut &&
            (err = add_event(&c, OY_EV_CUT, s->camera.keys[i].at, NULL, -1)))
            goto fail;
    if (m->nevents)
        qsort(m->events, m->nevents, sizeof *m->events, event_cmp);
    settle(m);
    if ((err = oy_cues_settle(m)))
        goto fail;
    if (log && log->errors > errors_before) {
        err = OYSTER_E_INPUT;
        goto fail;
    }
    *out = m;
    return 0;
fail:
    oy_model_free(&m);
    return err;
}

/* another thing placed before the i-th stands within gap of xz */
static int crowded(const oy_model *m, size_t i, const float xz[2], float gap)
{
    for (size_t j = 0; j < i; j++) {
        float dx = m->ents[j].e.pos[0] - xz[0], dz = m->ents[j].e.pos[2] - xz[1];
        if (dx * dx + dz * dz < gap * gap)
            return 1;
    }
    return 0;
}

/* a building placed by the view would stand on or in a thing placed
 * before it (a barn on the cows), or a thing in a building */
static int overlaps(const oy_model *m, size_t i, const float xz[2], const oy_kind *k)
{
    for (size_t j = 0; k && !(k->flags & OY_KIND_CLUSTER) && j < i; j++) {
        const oy_kind *kj = oy_scene_kind_find(m->ents[j].e.kind);
        if (!kj || (kj->flags & OY_KIND_CLUSTER) || !((k->flags | kj->flags) & OY_KIND_BUILDING))
            continue;
        float dx = m->ents[j].e.pos[0] - xz[0], dz = m->ents[j].e.pos[2] - xz[1], g = k->radius + kj->radius + 1.0f;
        if (dx * dx + dz * dz < g * g)
            return 1;
    }
    return 0;
}

/* Whether what r stands by is a road (laid along its heading). */
static int beside_road(const oy_model *m, const oy_entrec *r)
{
    const oy_kind *k = r->beside ? oy_scene_kind_find(m->ents[r->beside - 1].e.kind) : NULL;
    return k && (k->flags & OY_KIND_ALONG);
}

/* The place `along` metres up the road r stands by, side metres to the
 * right of its centre line as it winds (world x, z). */
static void road_side(const oy_model *m, const oy_entrec *r, float along, float side, float xz[2])
{
    const oy_entrec *o = &m->ents[r->beside - 1];
    const oy_kind *k = oy_scene_kind_find(o->e.kind);
    float c[2], a;
    oy_road_point(o->e.seed, o->e.yaw * (float)(OY_PI / 180.0), k && (k->flags & OY_KIND_STRAIGHT), along, c, &a);
    xz[0] = o->e.pos[0] + c[0] + oy_cosf(a) * side;
    xz[1] = o->e.pos[2] + c[1] - oy_sinf(a) * side;
}

/* Where the view at tv stands (c0) and a metre ahead of it along the
 * ground (c1), world x, z. */
static void view_line(oy_anchor_fn fn, void *ctx, double tv, float c0[2], float c1[2])
{
    fn(ctx, tv, 0.0f, 0.0f, OY_SEEK_NONE, 0.0f, 0.0f, c0);
    fn(ctx, tv, 1.0f, 0.0f, OY_SEEK_NONE, 0.0f, 0.0f, c1);
}

/* A building by a winding road stands on the side of it nearer the
 * middle of the view at tv (a barn on the bend's outer side stood half
 * out of the frame): r's offset to the side turns over if need be. */
static void road_side_in_view(const oy_model *m, oy_entrec *r, oy_anchor_fn fn, void *ctx, double tv, float xz[2])
{
    float c0[2], c1[2], other[2];
    view_line(fn, ctx, tv, c0, c1);
    road_side(m, r, r->beside_off[1], -r->beside_off[0], other);
    float fx = c1[0] - c0[0], fz = c1[1] - c0[1];
    float off_a = fabsf((xz[0] - c0[0]) * fz - (xz[1] - c0[1]) * fx);
    float off_b = fabsf((other[0] - c0[0]) * fz - (other[1] - c0[1]) * fx);
    if (off_b < off_a) {
        xz[0] = other[0];
        xz[1] = other[1];
        r->beside_off[0] = -r->beside_off[0];
    }
}

void oy_model_place_relative(oy_model *m, oy_anchor_fn fn, void *ctx)
{
    for (size_t i = 0; i < m->nents; i++) {
        oy_entrec *r = &m->ents[i];
        float xz[2];
        if (r->anchor != OY_ANCHOR_CAMERA)
            continue;
        double tv = r->of_set ? OY_SET_VIEW : r->t_add;
        if (r->beside && r->seek == OY_SEEK_PIER) {
            /* on or by the pier the words put it by, as its deck reaches
             * out from where its foot went */
            const oy_entrec *o = &m->ents[r->beside - 1];
            xz[0] = o->e.pos[0];
            xz[1] = o->e.pos[2];
            fn(ctx, tv, r->beside_off[1], r->beside_off[0], OY_SEEK_PIER, 0.0f, o->e.yaw, xz);
        } else if (r->beside && r->seek == OY_SEEK_SPAN) {
            /* on the bridge's deck, heading the way it crosses */
            const oy_entrec *o = &m->ents[r->beside - 1];
            float on[2] = { o->e.pos[0], o->e.pos[2] };
            xz[0] = o->e.pos[0];
            xz[1] = o->e.pos[2];
            fn(ctx, tv, r->beside_off[1], 0.0f, OY_SEEK_SPAN, 0.0f, o->e.yaw, xz);
            fn(ctx, tv, r->beside_off[1] + 10.0f, 0.0f, OY_SEEK_SPAN, 0.0f, o->e.yaw, on);
            r->turn = OY_TURN_NONE;
            r->e.yaw = r->yaw_base = wrap_degrees(oy_atan2f(on[0] - xz[0], on[1] - xz[1]) * (180.0 / OY_PI));
        } else if (r->beside && beside_road(m, r)) {
            /* by a road: beside its centre line as it winds; a power line
             * winds with it, its line the road's moved to the side */
            road_side(m, r, r->beside_off[1], r->beside_off[0], xz);
            const oy_kind *k = oy_scene_kind_find(r->e.kind);
            if (k && (k->flags & (OY_KIND_BUILDING | OY_KIND_CLUSTER)) == OY_KIND_BUILDING)
                road_side_in_view(m, r, fn, ctx, tv, xz);
            if (k && (k->flags & OY_KIND_ALONG)) {
                const oy_entrec *o = &m->ents[r->beside - 1];
                r->turn = OY_TURN_NONE;
                r->e.yaw = r->yaw_base = o->e.yaw;
                r->e.seed = o->e.seed;
            }
        } else if (r->beside) {
            /* by the thing the words put it by, wherever that went (it
             * comes first in the table, so it is placed already) */
            const oy_entrec *o = &m->ents[r->beside - 1];
            float c0[2], c1[2];
            view_line(fn, ctx, tv, c0, c1);
            float fx = c1[0] - c0[0], fz = c1[1] - c0[1];
            xz[0] = o->e.pos[0] + fx * r->beside_off[1] + fz * r->beside_off[0];
            xz[1] = o->e.pos[2] + fz * r->beside_off[1] - fx * r->beside_off[0];
            /* a tall thing stands off from the view as far as it would
             * alone, wherever what it stands by went (a village moved to
             * the water's edge brings its church no nearer) */
            float vx = xz[0] - c0[0], vz = xz[1] - c0[1], vd = sqrtf(vx * vx + vz * vz);
            if (r->stand_off > vd && vd > 1.0f) {
                xz[0] = c0[0] + vx * r->stand_off / vd;
                xz[1] = c0[1] + vz * r->stand_off / vd;
            }
        } else {
            const oy_kind *k = oy_scene_kind_find(r->e.kind);
            /* a cluster's houses each find their own footing */
            float reach = k && !(k->flags & OY_KIND_CLUSTER) ? k->radius * (r->e.size > 0.0f ? r->e.size : 1.0f) : 0.0f;
            fn(ctx, tv, r->ahead, r->lateral, r->seek, r->stand_off, reach, xz);
            /* several sought along near lines (a herd by the water) find
             * the same spot: each later one steps aside across the view,
             * either side in turn, until it stands clear */
            float gap = k ? 2.2f * k->radius + 1.0f : 0.0f, c0[2], c1[2];
            int sought = r->seek != OY_SEEK_NONE && crowded(m, i, xz, gap);
            if (sought || overlaps(m, i, xz, k)) {
                view_line(fn, ctx, tv, c0, c1);
                float x0 = xz[0], z0 = xz[1];
                for (int step = 1; step <= 16 && sought && crowded(m, i, xz, gap); step++) {
                    float d = gap * (float)((step + 1) / 2) * (step & 1 ? 1.0f : -1.0f);
                    xz[0] = x0 + (c1[1] - c0[1]) * d;
                    xz[1] = z0 - (c1[0] - c0[0]) * d;
                }
                /* a building that would stand on what stands before it (a
                 * barn on the cows) steps back along the line the view
                 * sees it on, so it stays in view */
                x0 = xz[0] - c0[0];
                z0 = xz[1] - c0[1];
                float d0 = sqrtf(x0 * x0 + z0 * z0);
                for (int step = 1; step <= 16 && d0 > 1.0f && overlaps(m, i, xz, k); step++) {
                    xz[0] = c0[0] + x0 * (1.0f + 0.5f * gap * (float)step / d0);
                    xz[1] = c0[1] + z0 * (1.0f + 0.5f * gap * (float)step / d0);
                }
            }
        }
        if (r->turn == OY_TURN_ALONG) {
            float on[2];
            fn(ctx, tv, r->ahead + 10.0f, r->lateral, OY_SEEK_NONE, 0.0f, 0.0f, on);
            r->e.yaw = r->yaw_base = wrap_degrees(oy_atan2f(on[0] - xz[0], on[1] - xz[1]) * (180.0 / OY_PI));
        } else if (r->turn == OY_TURN_ACROSS) {
            float from[2], on[2];
            fn(ctx, tv, r->ahead, 0.0f, OY_SEEK_NONE, 0.0f, 0.0f, from);
            fn(ctx, tv, r->ahead, 10.0f, OY_SEEK_NONE, 0.0f, 0.0f, on);
            r->e.yaw = r->yaw_base = wrap_degrees(oy_atan2f(on[0] - from[0], on[1] - from[1]) * (180.0 / OY_PI));
        } else if (r->turn == OY_TURN_FACING || r->turn == OY_TURN_QUARTER) {
            float cam[2];
            fn(ctx, tv, 0.0f, 0.0f, OY_SEEK_NONE, 0.0f, 0.0f, cam);
            if (r->turn == OY_TURN_QUARTER) {
                float u = oy_u01(oy_mix64(r->e.seed ^ 0x71a3));
                r->face_turn = (u < 0.5f ? -1.0f : 1.0f) * (20.0f + 40.0f * fabsf(u - 0.5f));
            }
            r->face = OY_FACE_POINT;
            r->face_at[0] = cam[0];
            r->face_at[1] = 0.0f;
            r->face_at[2] = cam[1];
        }
        r->e.pos[0] = xz[0];
        r->e.pos[2] = xz[1];
        r->anchor = OY_ANCHOR_WORLD;
        r->by_view = 1;
        fn(ctx, tv, 0.0f, 0.0f, OY_SEEK_NONE, 0.0f, 0.0f, r->e.seen_from);
        r->e.seen = 1;
    }
    for (size_t i = 0; i < m->ncues; i++) {
        oy_cue *q = &m->cues[i];
        float xz[2];
        if (!q->anchored)
            continue;
        fn(ctx, q->t, q->ahead, q->lateral, OY_SEEK_NONE, 0.0f, 0.0f, xz);
        q->pos[0] = xz[0];
        q->pos[2] = xz[1];
        q->anchored = 0;
        q->by_view = 1;
    }
    settle(m);
}

int oy_model_unplace(oy_model *m, double t0, double t1, double *first)
{
    int n = 0;
    *first = INFINITY;
    for (size_t i = 0; i < m->nents; i++) {
        oy_entrec *r = &m->ents[i];
        if (r->by_view && r->t_add > t0 && r->t_add <= t1) {
            r->anchor = OY_ANCHOR_CAMERA;
            *first = fmin(*first, r->t_add);
            n++;
        }
    }
    for (size_t i = 0; i < m->ncues; i++) {
        oy_cue *q = &m->cues[i];
        if (q->by_view && q->t > t0 && q->t <= t1) {
            q->anchored = 1;
            *first = fmin(*first, q->t);
            n++;
        }
    }
    return n;
}

void oy_model_keep_dry(oy_model *m, oy_dry_fn fn, void *ctx, oy_log *log)
{
    for (size_t i = 0; i < m->nents; i++) {
        oy_entrec *r = &m->ents[i];
        const oy_kind *k = oy_scene_kind_find(r->e.kind);
        float xz[2] = { r->e.pos[0], r->e.pos[2] };
        double tv = r->of_set ? OY_SET_VIEW : r->t_add;
        if (!k || (k->flags & (OY_KIND_FLOATS | OY_KIND_LIFTED | OY_KIND_SPANS | OY_KIND_WADES)) ||
            r->seek == OY_SEEK_PIER || r->seek == OY_SEEK_SPAN)
            continue;
        /* a big thing keeps its whole footprint dry (a ferris wheel by the
         * sea); a small one (a person, a car by a bridge, a house) only
         * its place, as does what reaches out from the water's edge (a
         * pier) or lies along the ground (a road) */
        float foot = k->radius * r->e.size;
        if (foot <= 6.0f || (k->flags & (OY_KIND_REACHES | OY_KIND_ALONG | OY_KIND_CLUSTER)))
            foot = 0.0f;
        if (!fn(ctx, tv, (k->flags & OY_KIND_HEADS) != 0, 0.5f * r->stand_off, foot, xz))
            continue;
        /* several moved out of the same water find the same dry spot:
         * each later one steps aside along the shore until it stands
         * clear of those already there */
        float gap = 2.2f * k->radius + 1.0f;
        for (int step = 1; step <= 12 && crowded(m, i, xz, gap); step++) {
            float a = 2.3999632f * (float)step, d = gap * sqrtf((float)step);
            xz[0] += d * oy_sinf(a);
            xz[1] += d * oy_cosf(a);
            fn(ctx, tv, (k->flags & OY_KIND_HEADS) != 0, 0.5f * r->stand_off, foot, xz);
        }
        if (r->near_mark.line)
            oy_diag(log, OYSTER_WARNING, m->script->path, r->near_mark.line, r->near_mark.col, NULL,
                    "a %s cannot stand in the water at [%.0f, %.0f]; it stands on the shore at "
                    "[%.0f, %.0f]", r->e.kind, r->e.pos[0], r->e.pos[2], xz[0], xz[1]);
        r->e.pos[0] = xz[0];
        r->e.pos[2] = xz[1];
    }
    settle(m);
}

/* Metres per second of a gait for a kind with legs (0: none, or a
 * vehicle): a person, a small animal (a fox, a sheep), a large one, a
 * cyclist (a walk is riding along). */
static float gait_speed(const oy_kind *k, int gait)
{
    static const float pace[4][4] = { { 1.4f, 2.8f, 4.5f, 5.5f },
                                      { 1.2f, 3.0f, 7.0f, 8.0f },
                                      { 1.6f, 3.5f, 8.0f, 10.0f },
                                      { 4.5f, 5.5f, 7.0f, 9.0f } };
    static const char *const wheels[] = { "car", "tractor", "wagon", "train" };
    if (!k || !(k->flags & OY_KIND_MOVER) || gait <= OY_GAIT_NONE || gait > OY_GAIT_GALLOP)
        return 0.0f;
    for (size_t i = 0; i < sizeof wheels / sizeof *wheels; i++)
        if (!strcmp(k->name, wheels[i]))
            return 0.0f;
    int build = !strcmp(k->name, "cyclist") ? 3 : k->radius < 0.8f ? 0 : k->height < 1.2f ? 1 : 2;
    return pace[build][gait - 1];
}

#define GOING_S 120.0f     /* how long a thing set going goes */
#define GOING_STEP 10.0f   /* metres between the looks for water ahead */
#define GOING_PTS 32       /* points of its path (beside a road; else one) */
#define GOING_SIN 0.309f   /* the sine and cosine of the angle (18 degrees) */
#define GOING_COS 0.951f   /* it goes off the view's axis, away from it */

/* Metres from (x, z) along (dx, dz) before water or `most`. */
static float dry_run(oy_wet_fn wet, void *ctx, double t, float x, float z, float dx, float dz, float most)
{
    float d = 0.0f;
    while (d + GOING_STEP <= most && !wet(ctx, t, x + dx * (d + GOING_STEP), z + dz * (d + GOING_STEP)))
        d += GOING_STEP;
    return d;
}

int oy_model_set_going(oy_model *m, oy_anchor_fn place, oy_wet_fn wet, void *ctx)
{
    int side = 0;                /* the way the last group went: +1 right */
    size_t lead = SIZE_MAX;      /* and its first member */
    for (size_t i = 0; i < m->nents; i++) {
        oy_entrec *r = &m->ents[i];
        float speed = gait_speed(oy_scene_kind_find(r->e.kind), r->gait);
        if (speed <= 0.0f || !r->by_view)
            continue;
        double tv = r->of_set ? OY_SET_VIEW : r->t_add;
        float c0[2], c1[2];
        view_line(place, ctx, tv, c0, c1);
        float fx = c1[0] - c0[0], fz = c1[1] - c0[1];
        float most = speed * GOING_S, x = r->e.pos[0], z = r->e.pos[2];
        /* away and to the right (+1) or the left, so that it stays in a
         * level view that does not turn; along a road it goes by, away */
        float ax[2] = { GOING_COS * fx + GOING_SIN * fz, GOING_COS * fx - GOING_SIN * fz };
        float az[2] = { GOING_COS * fz - GOING_SIN * fx, GOING_COS * fz + GOING_SIN * fx };
        int road = beside_road(m, r);
        const oy_entrec *l = lead != SIZE_MAX ? &m->ents[lead] : NULL;
        if (!road && (!l || strcmp(l->e.kind, r->e.kind) || l->t_add != r->t_add || l->gait != r->gait)) {
            /* toward the middle of the view, or where it stays dry longer */
            float lat = (x - c0[0]) * fz - (z - c0[1]) * fx;
            float run_r = dry_run(wet, ctx, tv, x, z, ax[0], az[0], most);
            float run_l = dry_run(wet, ctx, tv, x, z, ax[1], az[1], most);
            side = run_r > run_l || (run_r == run_l && lat <= 0.0f) ? 1 : -1;
            if (fabsf(lat) > 4.0f && fminf(run_r, run_l) >= 0.5f * most)
                side = lat < 0.0f ? 1 : -1;
            lead = i;
        }
        int s = side > 0 ? 0 : 1;
        /* a road is laid 30 pieces each way from its place */
        float len = road ? fminf(most, 30.0f * OY_ROAD_PIECE - 6.0f - r->beside_off[1])
                         : dry_run(wet, ctx, tv, x, z, ax[s], az[s], most);
        if (len < GOING_STEP)
            continue;
        if (!r->going) {
            if (oy_grow(&m->pts, &m->ptscap, m->npts + GOING_PTS, sizeof *m->pts) ||
                oy_grow(&r->moves, &r->cap, r->nmoves + 1, sizeof *r->moves))
                return OYSTER_E_NOMEM;
            /* before any move a directive gives it, which then starts
             * from wherever it has got to */
            memmove(r->moves + 1, r->moves, r->nmoves * sizeof *r->moves);
            oy_move *mv = &r->moves[0];
            r->nmoves++;
            memset(mv, 0, sizeof *mv);
            mv->t0 = r->t_add;
            mv->speed = speed;
            mv->group = -1;
            mv->p0 = m->npts;
            m->npts += GOING_PTS;
            r->going = 1;
        }
        /* a straight line, or beside a road's centre line as it winds */
        oy_pathpt *q = &m->pts[r->moves[0].p0];
        int n = road ? GOING_PTS : 1;
        float head = oy_atan2f(ax[s], az[s]);
        memset(q, 0, GOING_PTS * sizeof *q);
        for (int j = 0; j < n; j++) {
            float u = len * (float)(j + 1) / (float)n;
            if (road) {
                float xz[2];
                road_side(m, r, r->beside_off[1] + u, r->beside_off[0], xz);
                q[j].p[0] = xz[0];
                q[j].p[2] = xz[1];
                if (j == 0)
                    head = oy_atan2f(q[0].p[0] - x, q[0].p[2] - z);
            } else {
                q[j].p[0] = x + ax[s] * u;
                q[j].p[2] = z + az[s] * u;
            }
        }
        path_measure(q, n);
        r->moves[0].npts = n;
        r->e.yaw = r->yaw_base = wrap_degrees(head * (180.0 / OY_PI));
        r->face = OY_FACE_NONE;
    }
    settle(m);
    return 0;
}

void oy_model_describe(const oy_model *m, oyster_line_fn fn, void *opaque)
{
    const oy_script *s = m->script;
    char line[1400], tc[32];
    for (int i = 0; i < s->ndirectives; i++) {
        const oy_directive *d = &s->directives[i];
        const char *what = d->text.s ? d->text.s : d->music.text.s;
        oy_timecode_format(tc, d->frame, s->output.fps);
        snprintf(line, sizeof line, "  %6lld  %s  %-8s%s%s%s ->%s",
                 (long long)d->frame, tc, oy_action_names[d->action],
                 what ? " '" : "", what ? what : "", what ? "'" : "",
                 m->describe[i] && *m->describe[i] ? m->describe[i] : " (nothing)");
        fn(opaque, line);
    }
}

void oy_model_free(oy_model **pm)
{
    oy_model *m = *pm;
    if (!m)
        return;
    for (int i = 0; i < OY_CH_COUNT; i++)
        free(m->tracks[i].v);
    for (size_t i = 0; i < m->nents; i++)
        free(m->ents[i].moves);
    free(m->ents);
    free(m->pts);
    free(m->places);
    free(m->events);
    free(m->cues);
    free(m->fades);
    free(m->mixes);
    if (m->describe)
        for (int i = 0; i < m->script->ndirectives; i++)
            free(m->describe[i]);
    free(m->describe);
    for (size_t i = 0; i < m->ntexts; i++)
        free(m->texts[i]);
    free(m->texts);
    free(m);
    *pm = NULL;
}
