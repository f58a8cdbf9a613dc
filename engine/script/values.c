/*
 * values.c - the compound values that both world: and a directive take:
 * weather (a preset or a map of intensities), lighting (a preset name or a
 * grade) and music (free text or mood/tempo/intensity). Names are kept as
 * text; lang/ gives them meaning.
 */
#include <stdio.h>
#include <string.h>

#include "schema.h"

static const char *const weather_presets[] = {
    "clear", "cloudy", "overcast", "fog", "rain", "storm", "snow", NULL
};
/* one name per OY_WX_* / OY_LT_* field, in the enums' order, then NULL */
const char *const oy_weather_fields[OY_WX_COUNT + 1] = {
    "cloud", "fog", "rain", "snow", "wind", "lightning", NULL
};
const char *const oy_light_fields[OY_LT_COUNT + 1] = {
    "exposure", "warmth", "contrast", "saturation", NULL
};
static const char *const music_fields[] = {
    "mood", "tempo", "intensity", "hit", "on", "from", NULL
};
const char *const oy_music_on_names[] = { "now", "beat", "bar", NULL };

/* Read each key of map that is in fields[] as a number in [lo[i], hi[i]]. */
static int number_fields(oy_sctx *c, const oy_ynode *map, const char *name,
                         const char *const *fields, const double *lo,
                         const double *hi, float *v, unsigned char *set)
{
    char path[96];
    int bad = oy_script_keys(c, map, name, fields);

    for (int i = 0; fields[i]; i++) {
        const oy_ynode *n = oy_ymap_get(map, fields[i]);
        double x;
        if (!n)
            continue;
        snprintf(path, sizeof path, "%s.%s", name, fields[i]);
        if (oy_script_num(c, n, path, lo[i], hi[i], &x) < 0) {
            bad = -1;
            continue;
        }
        v[i] = (float)x;
        set[i] = 1;
    }
    return bad;
}

int oy_script_weather(oy_sctx *c, const oy_ynode *n, const char *name, oy_weather *w)
{
    static const double lo[OY_WX_COUNT] = { 0, 0, 0, 0, 0, 0 };
    static const double hi[OY_WX_COUNT] = { 1, 1, 1, 1, 1, 1 };
    int preset;

    w->given = 1;
    if (n->type == OY_YMAP)
        return number_fields(c, n, name, oy_weather_fields, lo, hi, w->v, w->set);
    if (oy_script_enum(c, n, name, weather_presets, &preset) < 0)
        return -1;
    return oy_script_text(c, n, name, &w->preset);
}

int oy_script_lighting(oy_sctx *c, const oy_ynode *n, const char *name, oy_lighting *l)
{
    static const double lo[OY_LT_COUNT] = { -4, -1, -1, -1 };
    static const double hi[OY_LT_COUNT] = { 4, 1, 1, 1 };

    if (n->type == OY_YMAP)
        return number_fields(c, n, name, oy_light_fields, lo, hi, l->v, l->set);
    return oy_script_text(c, n, name, &l->preset);
}

int oy_script_music(oy_sctx *c, const oy_ynode *n, const char *name, oy_music *m)
{
    const oy_ynode *v;
    char path[96];
    double x;
    int bad;

    if (n->type != OY_YMAP) {
        if (oy_script_text(c, n, name, &m->text) < 0)
            return -1;
        /* the two words that are not a mood */
        m->stop = !strcmp(m->text.s, "stop");
        m->hit = !strcmp(m->text.s, "hit");
        if (m->stop || m->hit)
            oy_freep(&m->text.s);
        return 0;
    }
    bad = oy_script_keys(c, n, name, music_fields);
    if ((v = oy_ymap_get(n, "hit"))) {
        snprintf(path, sizeof path, "%s.hit", name);
        bad |= oy_script_bool(c, v, path, &m->hit);
    }
    if ((v = oy_ymap_get(n, "on"))) {
        snprintf(path, sizeof path, "%s.on", name);
        if (oy_script_enum(c, v, path, oy_music_on_names, &m->on) == 0)
            m->on += OY_MUSIC_ON_NOW;
        else
            bad = -1;
    }
    if ((v = oy_ymap_get(n, "from"))) {
        const char *f;
        snprintf(path, sizeof path, "%s.from", name);
        if (!(f = oy_script_scalar(c, v, path, "0")) || oy_script_number(f, &x) < 0 || x != 0) {
            if (f)
                oy_script_err(c, v, "'from: 0' starts the music over from its first bar",
                              "'%s' must be 0, not '%s'", path, f);
            bad = -1;
        } else {
            m->fresh = 1;
        }
    }
    if ((v = oy_ymap_get(n, "mood"))) {
        snprintf(path, sizeof path, "%s.mood", name);
        bad |= oy_script_text(c, v, path, &m->mood);
    }
    if ((v = oy_ymap_get(n, "tempo"))) {
        snprintf(path, sizeof path, "%s.tempo", name);
        if (oy_script_num(c, v, path, 20, 300, &x) == 0) {
            m->tempo = (float)x;
            m->has_tempo = 1;
        } else {
            bad = -1;
        }
    }
    if ((v = oy_ymap_get(n, "intensity"))) {
        snprintf(path, sizeof path, "%s.intensity", name);
        if (oy_script_num(c, v, path, 0, 1, &x) == 0) {
            m->intensity = (float)x;
            m->has_intensity = 1;
        } else {
            bad = -1;
        }
    }
    return bad ? -1 : 0;
}
