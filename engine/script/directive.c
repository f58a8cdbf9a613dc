/*
 * directive.c - directives: (oyster-shot(5) LIMITS). Each item has 'at' and exactly one
 * action key, plus only the keys that fit that action. They are sorted by
 * the frame they take effect on, file order breaking ties, so that equal
 * times apply in the order they were written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

#define MAX_DIRECTIVES 10000

const char *const oy_action_names[OY_ACT_COUNT] = {
    "say", "beat", "time", "weather", "lighting", "add", "remove", "move", "music",
    "strike", "sound", "flash", "shake", "fade", "mix"
};

static const char *const all_keys[] = {
    "at", "over", "say", "beat", "time", "weather", "lighting", "add", "remove",
    "move", "music", "strike", "sound", "flash", "shake", "fade", "mix", "near",
    "ahead", "count", "id", "yaw", "face", "to", "speed", "distance", "follow",
    "gain", "surface", NULL
};

#define ACT(a) (1u << OY_ACT_##a)
/* Keys that belong to some actions only, and the first of them for hints. */
static const struct { const char *key; unsigned actions; } extra_keys[] = {
    { "near", ACT(ADD) | ACT(STRIKE) | ACT(SOUND) }, { "ahead", ACT(ADD) },
    { "count", ACT(ADD) }, { "id", ACT(ADD) }, { "yaw", ACT(ADD) }, { "face", ACT(ADD) },
    { "to", ACT(MOVE) }, { "speed", ACT(MOVE) }, { "distance", ACT(STRIKE) },
    { "follow", ACT(SOUND) }, { "gain", ACT(SOUND) }, { "surface", ACT(SOUND) },
};

static int find_action(oy_sctx *c, const oy_ynode *n)
{
    int action = -1;
    const oy_ynode *first = NULL;

    for (int i = 0; i < n->n; i++) {
        const char *k = n->keys[i]->scalar;
        for (int a = 0; a < OY_ACT_COUNT; a++) {
            if (strcmp(k, oy_action_names[a]))
                continue;
            /* a beat may take music (a stinger, or its section now) */
            if (a == OY_ACT_MUSIC && oy_ymap_get(n, "beat"))
                continue;
            if (first) {
                oy_script_err(c, n->keys[i], "split it into two directives with the same 'at'",
                              "directive has two actions, '%s' and '%s'",
                              first->scalar, k);
                return -2;
            }
            first = n->keys[i];
            action = a;
        }
    }
    if (!first)
        oy_script_err(c, n, "add one of: say, beat, time, weather, lighting, add, "
                      "remove, move, music, strike, sound, flash, shake, fade, mix",
                      "directive has no action");
    return action;
}

static int check_extras(oy_sctx *c, const oy_ynode *n, int action)
{
    int bad = 0;

    for (size_t i = 0; i < sizeof extra_keys / sizeof *extra_keys; i++) {
        const oy_ynode *v = oy_ymap_get(n, extra_keys[i].key);
        char hint[96];
        size_t len;
        if (!v || (extra_keys[i].actions >> action & 1))
            continue;
        len = (size_t)snprintf(hint, sizeof hint, "'%s' goes with", extra_keys[i].key);
        for (int a = 0, k = 0; a < OY_ACT_COUNT && len < sizeof hint; a++)
            if (extra_keys[i].actions >> a & 1)
                len += (size_t)snprintf(hint + len, sizeof hint - len, "%s '%s'",
                                        k++ ? " or" : "", oy_action_names[a]);
        /* point at the key, which is what is misplaced */
        oy_script_err(c, oy_script_key_node(n, extra_keys[i].key), hint,
                      "'%s' does not go with '%s'", extra_keys[i].key,
                      oy_action_names[action]);
        bad = -1;
    }
    return bad;
}

/* add: which way the new objects face (a heading, a point or an id). */
static int load_facing(oy_sctx *c, const oy_ynode *n, oy_directive *d)
{
    const oy_ynode *yaw = oy_ymap_get(n, "yaw"), *face = oy_ymap_get(n, "face");

    if (yaw && face) {
        oy_script_err(c, oy_script_key_node(n, "face"), "give either 'yaw' or 'face'",
                      "'yaw' and 'face' in the same directive");
        return -1;
    }
    if (yaw) {
        d->has_yaw = oy_script_num(c, yaw, "directives.yaw", -OY_NO_LIMIT, OY_NO_LIMIT,
                                   &d->yaw) == 0;
        return d->has_yaw ? 0 : -1;
    }
    if (!face)
        return 0;
    if (face->type == OY_YSEQ) {
        if (oy_script_vec(c, face, "directives.face", 3, d->face_at) < 0)
            return -1;
        d->face = OY_FACE_POINT;
        return 0;
    }
    if (face->type == OY_YMAP) {
        oy_script_err(c, face, NULL, "'directives.face' must be a point [x, y, z] or an id, not a map");
        return -1;
    }
    if (oy_script_text(c, face, "directives.face", &d->face_id) < 0)
        return -1;
    d->face = OY_FACE_ID;
    return 0;
}

static int load_add(oy_sctx *c, const oy_ynode *n, oy_directive *d)
{
    const oy_ynode *near = oy_ymap_get(n, "near"), *ahead = oy_ymap_get(n, "ahead"), *v;
    int bad = 0;

    if (near && ahead) {
        oy_script_err(c, oy_script_key_node(n, "ahead"), "give either 'near' or 'ahead'",
                      "'near' and 'ahead' in the same directive");
        bad = -1;
    } else if (near) {
        d->has_near = oy_script_vec(c, near, "directives.near", 3, d->near) == 0;
        bad |= d->has_near ? 0 : -1;
    } else if (ahead) {
        d->has_ahead = oy_script_num(c, ahead, "directives.ahead", 0, 100000, &d->ahead) == 0;
        bad |= d->has_ahead ? 0 : -1;
    }
    if ((v = oy_ymap_get(n, "count")))
        bad |= oy_script_int(c, v, "directives.count", 1, 1000, &d->count);
    if ((v = oy_ymap_get(n, "id")))
        bad |= oy_script_text(c, v, "directives.id", &d->id);
    return bad | load_facing(c, n, d);
}

/* move: 'to' a point or a path, over a time or at a speed. */
static int load_move(oy_sctx *c, const oy_ynode *n, const oy_ynode *v, oy_directive *d)
{
    const oy_ynode *to = oy_ymap_get(n, "to"), *speed = oy_ymap_get(n, "speed");
    int bad = oy_script_text(c, v, "directives.move", &d->text);

    if (speed) {
        const char *s = oy_script_scalar(c, speed, "directives.speed", "a number above 0 (m/s)");
        double x;
        if (!s) {
            bad = -1;
        } else if (oy_script_number(s, &x) < 0 || !(x > 0) || x > 100000) {
            oy_script_err(c, speed, "a speed is metres per second along the ground, e.g. 1.4",
                          "'directives.speed' must be a number above 0 and at most 100000, not '%s'", s);
            bad = -1;
        } else if (oy_ymap_get(n, "over")) {
            oy_script_err(c, oy_script_key_node(n, "speed"),
                          "give either 'over' (the whole move) or 'speed' (m/s)",
                          "'over' and 'speed' in the same directive");
            bad = -1;
        } else {
            d->speed = x;
            d->has_speed = 1;
        }
    }
    if (!to) {
        oy_script_err(c, v, "add 'to: [x, y, z]' or a path 'to: [[x, y, z], ...]'",
                      "'move' without 'to'");
        return -1;
    }
    if (oy_script_points(c, to, "directives.to", OY_MOVE_MAXPTS, &d->path, &d->npath) < 0)
        return -1;
    memcpy(d->to, d->path[d->npath - 1], sizeof d->to);
    d->has_to = 1;
    return bad;
}

static int load_action(oy_sctx *c, const oy_ynode *n, const oy_ynode *v, oy_directive *d)
{
    const char *name = oy_action_names[d->action];
    char path[32];

    snprintf(path, sizeof path, "directives.%s", name);
    switch (d->action) {
    case OY_ACT_TIME:     return oy_script_clock(c, v, path, &d->time);
    case OY_ACT_WEATHER:  return oy_script_weather(c, v, path, &d->weather);
    case OY_ACT_LIGHTING: return oy_script_lighting(c, v, path, &d->lighting);
    case OY_ACT_MUSIC:    return oy_script_music(c, v, path, &d->music);
    case OY_ACT_ADD:
        return oy_script_text(c, v, path, &d->text) | load_add(c, n, d);
    case OY_ACT_MOVE:     return load_move(c, n, v, d);
    case OY_ACT_BEAT:
        return oy_script_text(c, v, path, &d->text) | oy_script_beat_music(c, n, d);
    case OY_ACT_STRIKE: case OY_ACT_SOUND: case OY_ACT_FLASH:
    case OY_ACT_SHAKE:  case OY_ACT_FADE:  case OY_ACT_MIX:
        return oy_script_load_cue(c, n, v, d);
    default:              return oy_script_text(c, v, path, &d->text);
    }
}

static int load_one(oy_sctx *c, const oy_ynode *n, oy_directive *d)
{
    const oy_ynode *v;
    int bad;

    if (oy_script_map(c, n, "directives") < 0)
        return -1;
    bad = oy_script_keys(c, n, "directives", all_keys);
    d->mark = n->mark;
    d->count = 1;
    if (!(v = oy_ymap_get(n, "at"))) {
        oy_script_err(c, n, NULL, "directive has no 'at'");
        bad = -1;
    } else {
        bad |= oy_script_time(c, v, "directives.at", &d->at);
    }
    if ((v = oy_ymap_get(n, "over")))
        d->has_over = oy_script_time(c, v, "directives.over", &d->over) == 0;
    if ((d->action = find_action(c, n)) < 0)
        return -1;
    v = oy_ymap_get(n, oy_action_names[d->action]);
    d->value_mark = v->mark;
    bad |= check_extras(c, n, d->action);
    bad |= load_action(c, n, v, d);
    return bad;
}

static int cmp_directive(const void *pa, const void *pb)
{
    const oy_directive *a = pa, *b = pb;

    if (a->frame != b->frame)
        return a->frame < b->frame ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

void oy_script_free_directive(oy_directive *d)
{
    oy_freep(&d->text.s);
    oy_freep(&d->weather.preset.s);
    oy_freep(&d->lighting.preset.s);
    oy_freep(&d->music.text.s);
    oy_freep(&d->music.mood.s);
    oy_freep(&d->id.s);
    oy_freep(&d->face_id.s);
    oy_freep(&d->follow.s);
    free(d->path);
    d->path = NULL;
    d->npath = 0;
}

void oy_script_load_directives(oy_sctx *c, const oy_ynode *n, oy_script *s)
{
    if (n->type != OY_YSEQ) {
        oy_script_err(c, n, NULL, "'directives' must be a list");
        return;
    }
    if (n->n > MAX_DIRECTIVES) {
        oy_script_err(c, n, "split the shot into several shots",
                      "too many directives (%d, the limit is %d)", n->n, MAX_DIRECTIVES);
        return;
    }
    if (!n->n)
        return;
    if (!(s->directives = oy_calloc((size_t)n->n, sizeof *s->directives))) {
        c->nomem = 1;
        return;
    }
    for (int i = 0; i < n->n; i++) {
        oy_directive *d = &s->directives[s->ndirectives];
        if (load_one(c, n->items[i], d) < 0) {
            oy_script_free_directive(d);
            memset(d, 0, sizeof *d);
            continue;
        }
        d->index = i;
        d->frame = oy_time_to_frame(d->at, c->fps);
        s->ndirectives++;
    }
    qsort(s->directives, (size_t)s->ndirectives, sizeof *s->directives, cmp_directive);
}
