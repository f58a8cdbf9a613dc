/*
 * viewpoint.c - the two ways a shot moves its viewpoint: camera: (lens, sensor,
 * shake and a keyframed path whose keys must be in time order) and
 * wander: (a start pose and a script of key presses and looks).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

static const char *const camera_keys[] = { "lens", "sensor", "shake", "path", NULL };
static const char *const camkey_keys[] = {
    "at", "pos", "look_at", "yaw", "pitch", "roll", "ease", "lens", "cut", NULL
};
static const char *const ease_names[] = { "linear", "in", "out", "in-out", "hold", NULL };

static void load_sensor(oy_sctx *c, const oy_ynode *n, oy_camera_desc *cam)
{
    const char *s = oy_script_scalar(c, n, "camera.sensor", "a sensor name or width");
    char num[64];
    size_t len;
    double w;

    if (!s)
        return;
    if (!strcmp(s, "super35")) {
        cam->sensor_w = OY_SUPER35_W;
        cam->sensor_h = OY_SUPER35_H;
        return;
    }
    if (!strcmp(s, "fullframe")) {
        cam->sensor_w = 36;
        cam->sensor_h = 24;
        return;
    }
    len = strlen(s);
    if (len > 2 && len < sizeof num && !strcmp(s + len - 2, "mm")) {
        memcpy(num, s, len - 2);
        num[len - 2] = 0;
        if (oy_script_number(num, &w) == 0 && w >= 1 && w <= 100) {
            cam->sensor_w = w;
            cam->sensor_h = w / 1.5;   /* a 3:2 gate */
            return;
        }
    }
    oy_script_err(c, n, "a sensor is super35, fullframe or a width from 1mm to 100mm",
                  "invalid sensor '%s' for 'camera.sensor'", s);
}

static int load_camkey(oy_sctx *c, const oy_ynode *n, oy_camkey *k)
{
    const oy_ynode *v, *look;
    static const char *const angles[] = { "yaw", "pitch", "roll" };
    static const double lo[] = { -OY_NO_LIMIT, -90, -180 }, hi[] = { OY_NO_LIMIT, 90, 180 };
    char path[64];
    int bad;

    if (oy_script_map(c, n, "camera.path") < 0)
        return -1;
    bad = oy_script_keys(c, n, "camera.path", camkey_keys);
    k->mark = n->mark;
    k->ease = OY_EASE_LINEAR;
    if (!(v = oy_ymap_get(n, "at"))) {
        oy_script_err(c, n, NULL, "camera key has no 'at'");
        bad = -1;
    } else if (oy_script_time(c, v, "camera.path.at", &k->at) < 0) {
        bad = -1;
    }
    if (!(v = oy_ymap_get(n, "pos"))) {
        oy_script_err(c, n, NULL, "camera key has no 'pos'");
        bad = -1;
    } else if (oy_script_place(c, v, "camera.path.pos", 3, k->pos) < 0) {
        bad = -1;
    } else if (k->pos[1] < 0) {
        oy_script_warn(c, v->items[1], "camera height %g m is under the ground; "
                       "the camera stays just above it", k->pos[1]);
    }
    if ((look = oy_ymap_get(n, "look_at"))) {
        k->has_look_at = oy_script_place(c, look, "camera.path.look_at", 3, k->look_at) == 0;
    }
    for (int i = 0; i < 3; i++) {
        int *has = i == 0 ? &k->has_yaw : i == 1 ? &k->has_pitch : &k->has_roll;
        double *val = i == 0 ? &k->yaw : i == 1 ? &k->pitch : &k->roll;
        if (!(v = oy_ymap_get(n, angles[i])))
            continue;
        if (look) {
            oy_script_err(c, v, "give either look_at or yaw/pitch/roll",
                          "'%s' and 'look_at' in the same camera key", angles[i]);
            bad = -1;
            continue;
        }
        snprintf(path, sizeof path, "camera.path.%s", angles[i]);
        *has = oy_script_num(c, v, path, lo[i], hi[i], val) == 0;
    }
    if ((v = oy_ymap_get(n, "ease")))
        oy_script_enum(c, v, "camera.path.ease", ease_names, &k->ease);
    if ((v = oy_ymap_get(n, "lens")))
        k->has_lens = oy_script_lens(c, v, "camera.path.lens", &k->lens) == 0;
    if ((v = oy_ymap_get(n, "cut")))
        oy_script_bool(c, v, "camera.path.cut", &k->cut);
    return bad;
}

static void load_path(oy_sctx *c, const oy_ynode *n, oy_camera_desc *cam)
{
    const oy_ynode *prev_at = NULL;
    double prev = 0;

    if (n->type != OY_YSEQ) {
        oy_script_err(c, n, NULL, "'camera.path' must be a list of keys");
        return;
    }
    if (!n->n)
        return;
    if (!(cam->keys = oy_calloc((size_t)n->n, sizeof *cam->keys))) {
        c->nomem = 1;
        return;
    }
    for (int i = 0; i < n->n; i++) {
        oy_camkey *k = &cam->keys[cam->nkeys];
        const oy_ynode *at = oy_ymap_get(n->items[i], "at");

        if (load_camkey(c, n->items[i], k) < 0) {
            memset(k, 0, sizeof *k);
            continue;
        }
        if (prev_at && k->at <= prev) {
            oy_script_err(c, at, "keys must be in time order; for a hard cut, give the new "
                                 "set-up one key with 'cut: true': the camera holds the key "
                                 "before until then",
                          "camera key at '%s' is not after the previous key at '%s'",
                          at->scalar, prev_at->scalar);
            memset(k, 0, sizeof *k);
            continue;
        }
        prev_at = at;
        prev = k->at;
        cam->nkeys++;
    }
}

void oy_script_load_camera(oy_sctx *c, const oy_ynode *n, oy_camera_desc *cam)
{
    const oy_ynode *v;

    if (oy_script_map(c, n, "camera") < 0)
        return;
    oy_script_keys(c, n, "camera", camera_keys);
    if ((v = oy_ymap_get(n, "lens")))
        oy_script_lens(c, v, "camera.lens", &cam->lens);
    if ((v = oy_ymap_get(n, "sensor")))
        load_sensor(c, v, cam);
    if ((v = oy_ymap_get(n, "shake")))
        oy_script_num(c, v, "camera.shake", 0, 1, &cam->shake);
    if ((v = oy_ymap_get(n, "path")))
        load_path(c, v, cam);
}

/* ---- wander ---- */

static const char *const wander_keys[] = {
    "start", "eye", "walk", "turn", "keys", "look", NULL
};
static const char *const start_keys[] = { "pos", "yaw", NULL };
static const char *const key_item_keys[] = { "at", "hold", "for", "press", NULL };
static const char *const look_keys[] = { "at", "yaw", "pitch", "over", NULL };
const char *const oy_wander_key_names[] = {
    "w", "a", "s", "d", "left", "right", "up", "down", "shift", "space", NULL
};

/* A key name or a list of them, as OY_KEY_* bits. */
static int key_set(oy_sctx *c, const oy_ynode *n, const char *name, unsigned *bits)
{
    int count, bad = 0;
    const oy_ynode *const *items = oy_script_items(&n, &count);

    *bits = 0;
    if (!count) {
        oy_script_err(c, n, NULL, "'%s' names no key", name);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        int k;
        if (oy_script_enum(c, items[i], name, oy_wander_key_names, &k) < 0)
            bad = -1;
        else
            *bits |= 1u << k;
    }
    return bad;
}

static int load_key(oy_sctx *c, const oy_ynode *n, oy_wander_key *k)
{
    const oy_ynode *at, *hold, *press, *dur;
    int bad;

    if (oy_script_map(c, n, "wander.keys") < 0)
        return -1;
    bad = oy_script_keys(c, n, "wander.keys", key_item_keys);
    k->mark = n->mark;
    at = oy_ymap_get(n, "at");
    hold = oy_ymap_get(n, "hold");
    press = oy_ymap_get(n, "press");
    dur = oy_ymap_get(n, "for");
    if (!at) {
        oy_script_err(c, n, NULL, "wander key has no 'at'");
        bad = -1;
    } else {
        bad |= oy_script_time(c, at, "wander.keys.at", &k->at);
    }
    if (hold && press) {
        oy_script_err(c, oy_script_key_node(n, "press"), "use two entries", "'hold' and 'press' in the same wander key");
        return -1;
    }
    if (!hold && !press) {
        oy_script_err(c, n, "add 'hold: KEY' with 'for: TIME', or 'press: KEY'",
                      "wander key has neither 'hold' nor 'press'");
        return -1;
    }
    if (press) {
        k->press = 1;
        if (dur) {
            oy_script_err(c, dur, "'for' goes with 'hold'", "'for' does not go with 'press'");
            bad = -1;
        }
        return key_set(c, press, "wander.keys.press", &k->keys) | bad;
    }
    bad |= key_set(c, hold, "wander.keys.hold", &k->keys);
    if (!dur) {
        oy_script_err(c, n, "say how long with 'for: TIME'", "'hold' without 'for'");
        return -1;
    }
    return oy_script_time(c, dur, "wander.keys.for", &k->hold_for) | bad;
}

static int load_look(oy_sctx *c, const oy_ynode *n, oy_wander_look *l)
{
    const oy_ynode *v;
    int bad;

    if (oy_script_map(c, n, "wander.look") < 0)
        return -1;
    bad = oy_script_keys(c, n, "wander.look", look_keys);
    l->mark = n->mark;
    if (!(v = oy_ymap_get(n, "at"))) {
        oy_script_err(c, n, NULL, "wander look has no 'at'");
        bad = -1;
    } else {
        bad |= oy_script_time(c, v, "wander.look.at", &l->at);
    }
    if ((v = oy_ymap_get(n, "yaw")))
        bad |= oy_script_num(c, v, "wander.look.yaw", -OY_NO_LIMIT, OY_NO_LIMIT, &l->yaw);
    if ((v = oy_ymap_get(n, "pitch")))
        bad |= oy_script_num(c, v, "wander.look.pitch", -180, 180, &l->pitch);
    if ((v = oy_ymap_get(n, "over")))
        bad |= oy_script_time(c, v, "wander.look.over", &l->over);
    return bad;
}

static void load_start(oy_sctx *c, const oy_ynode *n, oy_wander_desc *w)
{
    const oy_ynode *v;

    if (oy_script_map(c, n, "wander.start") < 0)
        return;
    oy_script_keys(c, n, "wander.start", start_keys);
    if ((v = oy_ymap_get(n, "pos")))
        oy_script_place(c, v, "wander.start.pos", 2, w->start);
    if ((v = oy_ymap_get(n, "yaw")))
        oy_script_num(c, v, "wander.start.yaw", -OY_NO_LIMIT, OY_NO_LIMIT, &w->start_yaw);
}

/* A list of maps, each read by fn into an element of size bytes; the
 * elements that read cleanly are counted in *count. */
static void *load_list(oy_sctx *c, const oy_ynode *n, const char *name,
                       int *count, size_t size,
                       int (*fn)(oy_sctx *, const oy_ynode *, void *))
{
    unsigned char *arr;

    if (n->type != OY_YSEQ) {
        oy_script_err(c, n, NULL, "'%s' must be a list", name);
        return NULL;
    }
    if (!n->n)
        return NULL;
    if (!(arr = oy_calloc((size_t)n->n, size))) {
        c->nomem = 1;
        return NULL;
    }
    for (int i = 0; i < n->n; i++) {
        if (fn(c, n->items[i], arr + (size_t)*count * size) < 0)
            memset(arr + (size_t)*count * size, 0, size);
        else
            ++*count;
    }
    return arr;
}

static int key_fn(oy_sctx *c, const oy_ynode *n, void *p) { return load_key(c, n, p); }
static int look_fn(oy_sctx *c, const oy_ynode *n, void *p) { return load_look(c, n, p); }

void oy_script_load_wander(oy_sctx *c, const oy_ynode *n, oy_wander_desc *w)
{
    const oy_ynode *v;

    w->given = 1;
    w->mark = n->mark;
    if (oy_script_map(c, n, "wander") < 0)
        return;
    oy_script_keys(c, n, "wander", wander_keys);
    if ((v = oy_ymap_get(n, "start")))
        load_start(c, v, w);
    if ((v = oy_ymap_get(n, "eye")))
        oy_script_num(c, v, "wander.eye", 0.1, 1000, &w->eye);
    if ((v = oy_ymap_get(n, "walk")))
        oy_script_num(c, v, "wander.walk", 0, 100, &w->walk);
    if ((v = oy_ymap_get(n, "turn")))
        oy_script_num(c, v, "wander.turn", 0, 3600, &w->turn);
    if ((v = oy_ymap_get(n, "keys")))
        w->keys = load_list(c, v, "wander.keys", &w->nkeys, sizeof *w->keys, key_fn);
    if ((v = oy_ymap_get(n, "look")))
        w->looks = load_list(c, v, "wander.look", &w->nlooks, sizeof *w->looks, look_fn);
}
