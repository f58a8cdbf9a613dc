/*
 * targets.c - from a parse to channel targets: how intensity, negation and
 * relative effects combine, and the range each channel keeps (the
 * conventions written in model.h), which also bounds vocabulary values.
 */
#include <math.h>
#include <string.h>

#include "lang.h"

void oy_lang_channel_range(int ch, float *lo, float *hi)
{
    switch (ch) {
    case OY_CH_TIME:
        *lo = 0.0f; *hi = 24.0f; break;
    case OY_CH_EXPOSURE:
        *lo = -4.0f; *hi = 4.0f; break;
    case OY_CH_WARMTH: case OY_CH_CONTRAST: case OY_CH_SATURATION:
    case OY_CH_TINT: case OY_CH_WATER_LEVEL: case OY_CH_VALENCE:
    case OY_CH_ROCK_WARMTH: case OY_CH_ROCK_TINT: case OY_CH_ROCK_LIGHT:
    case OY_CH_GROUND_WARMTH: case OY_CH_GROUND_TINT: case OY_CH_GROUND_LIGHT:
    case OY_CH_WATER_WARMTH: case OY_CH_WATER_TINT: case OY_CH_WATER_LIGHT:
        *lo = -1.0f; *hi = 1.0f; break;
    case OY_CH_TEMPO:
        *lo = 40.0f; *hi = 200.0f; break;
    default:
        *lo = 0.0f; *hi = 1.0f; break;
    }
}

static void set_target(int ch, float v, float *target, unsigned char *mask)
{
    float lo, hi;

    /* time is unwrapped hours: model/ moves it forward to the clock time */
    if (ch != OY_CH_TIME) {
        oy_lang_channel_range(ch, &lo, &hi);
        v = oy_clampf(v, lo, hi);
    }
    target[ch] = v;
    mask[ch] = 1;
}

/* The effect a concept is mostly about (rain for "rain", which also
 * brings cloud): the largest change from the defaults for its range. */
static int main_effect(const oy_concept *k)
{
    int best = -1;
    float most = -1.0f;

    for (int e = 0; e < k->neffects; e++) {
        const oy_effect *f = &k->effects[e];
        float lo, hi, d;
        oy_lang_channel_range(f->channel, &lo, &hi);
        d = (f->relative ? fabsf(f->value) : fabsf(f->value - oy_channel_default(f->channel))) /
            (hi - lo);
        if (d > most) {
            most = d;
            best = e;
        }
    }
    return best;
}

/* A colour word on the surface it qualifies: its warmth, tint and light
 * on that surface's channels (the sky's are the grade's: warmth, tint and
 * exposure); an axis the colour leaves at 0 is left alone, so "pale" and
 * "blue" make pale blue. */
static void apply_paint(const oy_phrase_effect *it, float *target, unsigned char *mask)
{
    static const int channels[OY_SURF_COUNT][3] = {
        [OY_SURF_ROCK] = { OY_CH_ROCK_WARMTH, OY_CH_ROCK_TINT, OY_CH_ROCK_LIGHT },
        [OY_SURF_GROUND] = { OY_CH_GROUND_WARMTH, OY_CH_GROUND_TINT, OY_CH_GROUND_LIGHT },
        [OY_SURF_WATER] = { OY_CH_WATER_WARMTH, OY_CH_WATER_TINT, OY_CH_WATER_LIGHT },
        [OY_SURF_SKY] = { OY_CH_WARMTH, OY_CH_TINT, OY_CH_EXPOSURE },
    };
    const oy_concept *k = it->concept;

    for (int a = 0; a < 3; a++) {
        int ch = channels[it->surface][a];
        float v = k->paint[a] * (it->surface == OY_SURF_SKY && a == 2 ? 1.5f : 1.0f);
        if (k->paint[a] == 0.0f)
            continue;
        set_target(ch, it->negated ? oy_channel_default(ch) : v * it->intensity, target, mask);
    }
}

static int paints(const oy_phrase_effect *it)
{
    return it->concept->has_paint && it->surface >= OY_SURF_ROCK && it->surface <= OY_SURF_SKY;
}

void oy_parse_targets(const oy_parse *p, const float *base, float *target,
                      unsigned char *mask)
{
    memset(mask, 0, OY_CH_COUNT);
    for (int i = 0; i < p->nitems; i++) {
        const oy_phrase_effect *it = &p->items[i];
        const oy_concept *k = it->concept;
        int main = main_effect(k);

        /* colours on a drawn object change nothing the world has; colours
         * on a surface come after everything else, so "red granite" is red */
        if (paints(it) || (k->has_paint && it->surface == OY_SURF_OBJECT))
            continue;

        for (int e = 0; e < k->neffects; e++) {
            int ch = k->effects[e].channel;
            float def = oy_channel_default(ch), v = k->effects[e].value;
            float cur = mask[ch] ? target[ch] : base ? base[ch] : def;
            /* a time of day is a point, not an amount */
            float s = ch == OY_CH_TIME ? 1.0f : it->intensity;

            if (k->effects[e].relative) {
                set_target(ch, cur + (it->negated ? -v : v) * s, target, mask);
                continue;
            }
            if (it->negated) {
                set_target(ch, def, target, mask);
                continue;
            }
            /* what comes along with a concept (cloud with rain) neither
             * overrides what the text said before ("wind, and dust") nor
             * takes back what is already there: "light snow" under an
             * overcast sky keeps it overcast */
            if (e != main && (mask[ch] || ((cur - def) * (v - def) > 0.0f &&
                                           fabsf(cur - def) >= fabsf(v - def) * s)))
                continue;
            set_target(ch, def + (v - def) * s, target, mask);
        }
    }
    for (int i = 0; i < p->nitems; i++)
        if (paints(&p->items[i]))
            apply_paint(&p->items[i], target, mask);
    if (p->tempo > 0.0f)
        set_target(OY_CH_TEMPO, p->tempo, target, mask);
}
