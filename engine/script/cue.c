/*
 * cue.c - the event directives (oyster-shot(5)): a lightning strike, a one-shot
 * sound, a flash, a camera jolt, a fade and a change of the mix, each on
 * the frame of its 'at'. Names of sounds are kept as text: the audio
 * decoder knows which exist, and the shot checks them before rendering.
 */
#include <stdio.h>
#include <string.h>

#include "schema.h"

const char *const oy_ground_names[] = {
    "grass", "dirt", "gravel", "sand", "snow", "rock", "wood", "water", NULL
};
const char *const oy_fade_names[] = { "in", "black", "white", NULL };
const char *const oy_bus_names[OY_BUS_COUNT + 1] = { "music", "ambience", "effects", NULL };

/* A place as [x, z] on the ground or [x, y, z] with y above it. */
static int load_place(oy_sctx *c, const oy_ynode *n, oy_directive *d)
{
    const oy_ynode *near = oy_ymap_get(n, "near");
    double v[3] = { 0, 0, 0 };

    if (!near)
        return 0;
    if (near->type == OY_YSEQ && near->n == 2) {
        if (oy_script_vec(c, near, "directives.near", 2, v) < 0)
            return -1;
        d->near[0] = v[0];
        d->near[1] = 0.0;
        d->near[2] = v[1];
    } else if (near->type == OY_YSEQ && near->n == 3) {
        if (oy_script_vec(c, near, "directives.near", 3, d->near) < 0)
            return -1;
    } else {
        oy_script_err(c, near, "a place is [x, z] on the ground or [x, y, z] with y above it",
                      "'directives.near' must be a list of 2 or 3 numbers");
        return -1;
    }
    d->has_near = 1;
    return 0;
}

static int load_strike(oy_sctx *c, const oy_ynode *n, const oy_ynode *v, oy_directive *d)
{
    static const char *const kinds[] = { "lightning", NULL };
    const oy_ynode *dist = oy_ymap_get(n, "distance");
    int kind, bad = oy_script_enum(c, v, "directives.strike", kinds, &kind);

    bad |= oy_script_text(c, v, "directives.strike", &d->text);
    bad |= load_place(c, n, d);
    if (dist && d->has_near) {
        oy_script_err(c, oy_script_key_node(n, "distance"), "give either 'near' (a place) or "
                      "'distance' (metres ahead of the camera)", "'near' and 'distance' in the same directive");
        return -1;
    }
    if (dist) {
        d->has_distance = oy_script_num(c, dist, "directives.distance", 10, 50000, &d->distance) == 0;
        bad |= d->has_distance ? 0 : -1;
    }
    return bad;
}

static int load_sound(oy_sctx *c, const oy_ynode *n, const oy_ynode *v, oy_directive *d)
{
    const oy_ynode *x;
    int bad = oy_script_text(c, v, "directives.sound", &d->text) | load_place(c, n, d);

    if ((x = oy_ymap_get(n, "follow"))) {
        if (d->has_near) {
            oy_script_err(c, oy_script_key_node(n, "follow"), "give either 'near' (a place) or "
                          "'follow' (an id)", "'near' and 'follow' in the same directive");
            bad = -1;
        } else {
            bad |= oy_script_text(c, x, "directives.follow", &d->follow);
        }
    }
    if ((x = oy_ymap_get(n, "gain")))
        bad |= oy_script_num(c, x, "directives.gain", -60, 24, &d->gain);
    if ((x = oy_ymap_get(n, "surface"))) {
        if (oy_script_enum(c, x, "directives.surface", oy_ground_names, &d->ground) == 0)
            d->ground++;
        else
            bad = -1;
    }
    return bad;
}

/* flash: 0..1 or true; shake: 0..1 */
static int load_amount(oy_sctx *c, const oy_ynode *v, const char *name, int boolean,
                       oy_directive *d)
{
    const char *s = oy_script_scalar(c, v, name, "a number from 0 to 1");
    int on;

    if (!s)
        return -1;
    if (boolean && oy_script_number(s, &d->amount) < 0) {
        if (oy_script_bool(c, v, name, &on) < 0)
            return -1;
        d->amount = on;
        return 0;
    }
    return oy_script_num(c, v, name, 0, 1, &d->amount);
}

static int load_mix(oy_sctx *c, const oy_ynode *v, oy_directive *d)
{
    char path[64];
    int bad, any = 0;

    if (v->type != OY_YMAP) {
        oy_script_err(c, v, "e.g. mix: {music: -6, ambience: 0, effects: 3}",
                      "'directives.mix' must be a map of buses to dB");
        return -1;
    }
    bad = oy_script_keys(c, v, "directives.mix", oy_bus_names);
    for (int b = 0; b < OY_BUS_COUNT; b++) {
        const oy_ynode *x = oy_ymap_get(v, oy_bus_names[b]);
        if (!x)
            continue;
        snprintf(path, sizeof path, "directives.mix.%s", oy_bus_names[b]);
        if (oy_script_num(c, x, path, -60, 24, &d->mix[b]) < 0) {
            bad = -1;
            continue;
        }
        d->mix_set[b] = 1;
        any = 1;
    }
    if (!any && !bad) {
        oy_script_err(c, v, "name a bus: music, ambience or effects", "'directives.mix' sets nothing");
        bad = -1;
    }
    return bad;
}

int oy_script_load_cue(oy_sctx *c, const oy_ynode *n, const oy_ynode *v, oy_directive *d)
{
    switch (d->action) {
    case OY_ACT_STRIKE: return load_strike(c, n, v, d);
    case OY_ACT_SOUND:  return load_sound(c, n, v, d);
    case OY_ACT_FLASH:  return load_amount(c, v, "directives.flash", 1, d);
    case OY_ACT_SHAKE:  return load_amount(c, v, "directives.shake", 0, d);
    case OY_ACT_FADE:   return oy_script_enum(c, v, "directives.fade", oy_fade_names, &d->fade);
    default:            return load_mix(c, v, d);
    }
}

int oy_script_beat_music(oy_sctx *c, const oy_ynode *n, oy_directive *d)
{
    static const char *const forms[] = { "hit", "now", NULL };
    const oy_ynode *v = oy_ymap_get(n, "music");
    int form;

    if (!v)
        return 0;
    if (oy_script_enum(c, v, "directives.music", forms, &form) < 0)
        return -1;
    /* a stinger on the beat; either way its section starts on the frame */
    d->music.hit = form == 0;
    d->music.on = OY_MUSIC_ON_NOW;
    return 0;
}
