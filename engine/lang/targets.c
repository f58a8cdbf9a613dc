/*
 * targets.c - from a parse to channel targets: how intensity, negation and
 * relative effects combine, each kept in its channel's range.
 */
#include <math.h>
#include <string.h>

#include "lang.h"

static void set_target(int ch, float v, float *target, unsigned char *mask)
{
    float lo, hi;

    /* time is unwrapped hours: model/ moves it forward to the clock time */
    if (ch != OY_CH_TIME) {
        oy_channel_range(ch, &lo, &hi);
        v = oy_clampf(v, lo, hi);
    }
    target[ch] = v;
    mask[ch] = 1;
}

/* The effect a concept is mostly about (rain for "rain", which also
 * brings cloud): the largest change from the defaults for its range; for
 * a time of day ("sunset", which also warms), its hour. A thing's are all
 * what comes along with it (the night fireflies glow in): none. */
static int main_effect(const oy_concept *k)
{
    int best = -1;
    float most = -1.0f;

    if (k->group == OY_GROUP_OBJECT)
        return -1;

    for (int e = 0; e < k->neffects; e++) {
        const oy_effect *f = &k->effects[e];
        if (k->group == OY_GROUP_TIME && f->channel == OY_CH_TIME)
            return e;
        float lo, hi, d;
        oy_channel_range(f->channel, &lo, &hi);
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
 * on that surface's channels (the sky's paint the sky and its clouds, not
 * the grade); an axis the colour leaves at 0 is left alone, so "pale" and
 * "blue" make pale blue. A later colour wins on rock, ground and water;
 * the sky, which shows every colour named for it at once ("a pink and
 * purple sky"), takes their mean: sky_n counts them per axis. */
static void apply_paint(const oy_parse *p, const oy_phrase_effect *it, const float *base, float *target,
                        unsigned char *mask, int sky_n[3])
{
    static const int channels[OY_SURF_COUNT][3] = {
        [OY_SURF_ROCK] = { OY_CH_ROCK_WARMTH, OY_CH_ROCK_TINT, OY_CH_ROCK_LIGHT },
        [OY_SURF_GROUND] = { OY_CH_GROUND_WARMTH, OY_CH_GROUND_TINT, OY_CH_GROUND_LIGHT },
        [OY_SURF_WATER] = { OY_CH_WATER_WARMTH, OY_CH_WATER_TINT, OY_CH_WATER_LIGHT },
        [OY_SURF_SKY] = { OY_CH_SKY_WARMTH, OY_CH_SKY_TINT, OY_CH_SKY_LIGHT },
        [OY_SURF_PLANTS] = { OY_CH_PLANT_WARMTH, OY_CH_PLANT_TINT, OY_CH_PLANT_LIGHT },
    };
    const oy_concept *k = it->concept;
    /* clouds are white already: "dramatic white clouds" leave the sky
     * blue, where "a white sky" is pale */
    int clouds = it->qualifies >= 0 && p->items[it->qualifies].concept->group == OY_GROUP_WEATHER;

    for (int a = 0; a < 3; a++) {
        int ch = channels[it->surface][a];
        float v = k->paint[a] * it->intensity;
        if (k->paint[a] == 0.0f || (clouds && a == 2 && k->paint[a] > 0.0f))
            continue;
        if (it->surface == OY_SURF_SKY) {
            sky_n[a] = it->negated ? 0 : sky_n[a] + 1;
            if (sky_n[a] > 1)
                v = target[ch] + (v - target[ch]) / (float)sky_n[a];
        }
        set_target(ch, it->negated ? oy_channel_default(ch) : v, target, mask);
    }
    /* plants a colour is said of grow there, whatever else the words
     * say ("an alien planet with purple grass": its desert is grassland) */
    if (it->surface == OY_SURF_PLANTS && !it->negated) {
        static const struct { int ch; float lo, hi; } grow[] = {
            { OY_CH_VEGETATION, 0.6f, 1.0f }, { OY_CH_FOLIAGE, 0.75f, 1.0f }, { OY_CH_BIOME_DESERT, 0.0f, 0.2f } };
        for (int g = 0; g < 3; g++) {
            int ch = grow[g].ch;
            float cur = mask[ch] ? target[ch] : base ? base[ch] : oy_channel_default(ch);
            if (cur < grow[g].lo || cur > grow[g].hi)
                set_target(ch, oy_clampf(cur, grow[g].lo, grow[g].hi), target, mask);
        }
    }
}

static int paints(const oy_phrase_effect *it)
{
    return it->concept->has_paint && OY_SURF_PAINTED(it->surface);
}

/* "dusk with long shadows", "a warm dawn": a word that asks for the sun
 * moves a twilight time of the same text to the nearest hour with a low
 * sun still up (the bank's golden hour and a little after sunrise); the
 * hours of night are left as they are. */
#define SUN_LOW_EVENING 18.33f
#define SUN_LOW_MORNING 6.6f
static void keep_sun_up(const oy_parse *p, float *target, unsigned char *mask)
{
    int up = 0;
    for (int i = 0; i < p->nitems; i++)
        up |= p->items[i].concept->sun_up && !p->items[i].negated;
    if (!up || !mask[OY_CH_TIME])
        return;
    float t = target[OY_CH_TIME], day = floorf(t / 24.0f) * 24.0f, h = t - day;
    if (h > SUN_LOW_EVENING && h < 20.5f)
        target[OY_CH_TIME] = day + SUN_LOW_EVENING;
    else if (h > 3.5f && h < SUN_LOW_MORNING)
        target[OY_CH_TIME] = day + SUN_LOW_MORNING;
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
    int sky_n[3] = { 0, 0, 0 };
    for (int i = 0; i < p->nitems; i++)
        if (paints(&p->items[i]))
            apply_paint(p, &p->items[i], base, target, mask, sky_n);
    keep_sun_up(p, target, mask);
    /* a clock time is the time asked for, whatever else the words say */
    if (p->clock >= 0.0f)
        set_target(OY_CH_TIME, p->clock, target, mask);
    if (p->tempo > 0.0f)
        set_target(OY_CH_TEMPO, p->tempo, target, mask);
}
