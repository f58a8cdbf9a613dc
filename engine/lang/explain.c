/*
 * explain.c - how a text was understood, for `oyster concepts --prompt`
 * and `oyster check`: each word or phrase with the concept it found (and
 * the ending it undid to find it), its modifiers and, for colour words,
 * what they paint; the language's own words with their role; the words
 * ignored with the nearest known word; then the channel changes and a
 * count of what was understood.
 */
#include <stdio.h>
#include <string.h>

#include "lang.h"

#define COLUMN 18

static const char *const place_names[] = {
    [OY_PLACE_NONE] = "", [OY_PLACE_LEFT] = "on the left", [OY_PLACE_RIGHT] = "on the right",
    [OY_PLACE_AHEAD] = "ahead", [OY_PLACE_DISTANCE] = "in the distance",
    [OY_PLACE_NEAR_WATER] = "by the water", [OY_PLACE_NEAR_ENTITY] = "near",
    [OY_PLACE_BEHIND] = "behind", [OY_PLACE_ON_HIGH] = "on the high ground",
};

static const char *const gait_names[] = {
    [OY_GAIT_NONE] = "", [OY_GAIT_WALK] = "a walk", [OY_GAIT_TROT] = "a trot",
    [OY_GAIT_RUN] = "a run", [OY_GAIT_GALLOP] = "a gallop",
};

/* What a word of the language does. */
static void grammar_role(const oy_lang_word *w, char *buf, size_t cap)
{
    switch (w ? w->type : OY_LW_STOP) {
    case OY_LW_CLAUSE: snprintf(buf, cap, "(ends a clause)"); break;
    case OY_LW_INTENSITY: snprintf(buf, cap, "intensity x%.2g of what follows", w->value); break;
    case OY_LW_VERY: snprintf(buf, cap, "strengthens what follows"); break;
    case OY_LW_COUNT: snprintf(buf, cap, "count %d", (int)w->value); break;
    case OY_LW_SIZE: snprintf(buf, cap, "size x%.2g of the object that follows", w->value); break;
    case OY_LW_NEGATE: snprintf(buf, cap, "negates what follows"); break;
    case OY_LW_ENDING: snprintf(buf, cap, "ends what came before"); break;
    case OY_LW_PLACE: snprintf(buf, cap, "places the object %s", place_names[(int)w->value]); break;
    case OY_LW_NEAR: snprintf(buf, cap, "places the object by what follows"); break;
    case OY_LW_PACE: snprintf(buf, cap, "pacing: over %gs", w->value); break;
    case OY_LW_GAIT: snprintf(buf, cap, "sets the object going (%s)", gait_names[(int)w->value]); break;
    case OY_LW_SUDDEN: snprintf(buf, cap, "sudden: over %gs", w->value); break;
    case OY_LW_SURFACE:
        snprintf(buf, cap, "names the %s (for colour words)", oy_surface_names[(int)w->value]);
        break;
    default: snprintf(buf, cap, "(no meaning of its own)"); break;
    }
}

/* The modifiers an item took. */
static size_t modifiers(const oy_phrase_effect *it, char *buf, size_t cap)
{
    size_t n = 0;

#define PUT(...) do { if (n < cap) n += (size_t)snprintf(buf + n, cap - n, __VA_ARGS__); } while (0)
    if (it->intensity != 1.0f)
        PUT(", intensity x%.2g", it->intensity);
    if (it->negated)
        PUT(", negated");
    if (it->concept->group == OY_GROUP_OBJECT) {
        PUT(", %d of kind '%s'", it->count, it->concept->kind);
        if (it->size != 1.0f && it->size > 0.0f)
            PUT(", size x%.2g", it->size);
        if (it->place == OY_PLACE_NEAR_ENTITY)
            PUT(", near '%s'", it->near_what);
        else if (it->place != OY_PLACE_NONE)
            PUT(", %s", place_names[it->place]);
        if (it->gait != OY_GAIT_NONE)
            PUT(", going at %s", gait_names[it->gait]);
        if (it->derelict)
            PUT(", abandoned (dark, no fire)");
        if (it->stone)
            PUT(", built of stone");
    }
#undef PUT
    return n < cap ? n : cap - 1;
}

static void concept_line(const oy_parse *p, const oy_word_note *nt, char *buf, size_t cap)
{
    const oy_phrase_effect *it = nt->item >= 0 && nt->item < p->nitems ? &p->items[nt->item] : NULL;
    const oy_concept *k = nt->concept;
    size_t n = (size_t)snprintf(buf, cap, "%s '%s'", oy_group_names[k->group], k->name);

    if (nt->form && n < cap)
        n += (size_t)snprintf(buf + n, cap - n, " (%s form)", nt->form);
    if (nt->how == OY_NOTE_REFERENCE) {
        if (n < cap)
            snprintf(buf + n, cap - n, ", named as the place of an object");
        return;
    }
    if (nt->how == OY_NOTE_SAME) {
        if (n < cap && it)
            snprintf(buf + n, cap - n, ", the '%s' named before: not another", it->concept->name);
        return;
    }
    if (!it || n >= cap)
        return;
    n += modifiers(it, buf + n, cap - n);
    if (!k->has_paint || n >= cap)
        return;
    const char *of = it->qualifies >= 0 && it->qualifies < p->nitems ?
                     p->items[it->qualifies].concept->name : NULL;
    if (OY_SURF_PAINTED(it->surface))
        snprintf(buf + n, cap - n, ": colours the %s%s%s%s", oy_surface_names[it->surface],
                 of ? " ('" : "", of ? of : "", of ? "')" : "");
    else if (it->surface == OY_SURF_OBJECT)
        snprintf(buf + n, cap - n, ": paints %s%s%s (its walls or body; a tree's leaves)", of ? "'" : "",
                 of ? of : "an object", of ? "'" : "");
    else
        snprintf(buf + n, cap - n, ": qualifies %s%s%s, so its own effects apply",
                 of ? "'" : "no surface", of ? of : "", of ? "'" : "");
}

void oy_lang_explain(const oy_bank *b, const char *text, const oy_parse *p,
                     oyster_line_fn fn, void *opaque)
{
    char line[512], what[384], word[96];
    float target[OY_CH_COUNT];
    unsigned char mask[OY_CH_COUNT];
    int content, unknown, nign = 0;
    size_t n;

    for (int i = 0; i < p->nnotes; i++) {
        const oy_word_note *nt = &p->notes[i];
        int wl = nt->len < sizeof word - 1 ? (int)nt->len : (int)sizeof word - 1;
        char note[96];

        snprintf(word, sizeof word, "%.*s", wl, text + nt->off);
        switch (nt->how) {
        case OY_NOTE_CONCEPT: case OY_NOTE_REFERENCE: case OY_NOTE_SAME:
            concept_line(p, nt, what, sizeof what);
            break;
        case OY_NOTE_GRAMMAR:
            grammar_role(nt->word, what, sizeof what);
            if (nt->form) {
                n = strlen(what);
                snprintf(what + n, sizeof what - n, " (%s form)", nt->form);
            }
            break;
        case OY_NOTE_ID:
            snprintf(what, sizeof what, "not a known word: taken as the id of an object");
            break;
        case OY_NOTE_MEASURE:
            snprintf(what, sizeof what, "(part of a duration, tempo or clock time)");
            break;
        case OY_NOTE_NUMBER:
            snprintf(what, sizeof what, "number");
            break;
        case OY_NOTE_SKIPPED:
            snprintf(what, sizeof what, "(a single letter; skipped)");
            break;
        default:
            snprintf(what, sizeof what, "IGNORED: not in the vocabulary%s",
                     oy_bank_nearest_note(b, word, note, sizeof note));
            break;
        }
        snprintf(line, sizeof line, "  %-*s %s", COLUMN, word, what);
        fn(opaque, line);
    }

    oy_parse_targets(p, NULL, target, mask);
    n = (size_t)snprintf(line, sizeof line, "  changes:");
    size_t start = n;
    int any = 0;
    for (int ch = 0; ch < OY_CH_COUNT; ch++) {
        if (!mask[ch])
            continue;
        any = 1;
        if (ch == OY_CH_TIME) {
            int m = (int)(target[ch] * 60.0f + 0.5f);
            n += (size_t)snprintf(line + n, sizeof line - n, " time %02d:%02d", m / 60 % 24, m % 60);
        } else {
            n += (size_t)snprintf(line + n, sizeof line - n, " %s %g->%.2g", oy_channels[ch].name,
                                  oy_channel_default(ch), target[ch]);
        }
        if (n > 70) {           /* long lists wrap */
            fn(opaque, line);
            n = start = (size_t)snprintf(line, sizeof line, "          ");
        }
    }
    if (!any)
        fn(opaque, "  changes: none");
    else if (n > start)
        fn(opaque, line);

    oy_parse_word_stats(p, &content, &unknown);
    n = (size_t)snprintf(line, sizeof line, "  understood %d of %d words that carry meaning",
                         content - unknown, content);
    for (int i = 0; i < p->nnotes; i++) {
        const oy_word_note *nt = &p->notes[i];
        if (nt->how != OY_NOTE_UNKNOWN && nt->how != OY_NOTE_ID)
            continue;
        if (n + nt->len + 8 < sizeof line)
            n += (size_t)snprintf(line + n, sizeof line - n, "%s'%.*s'", nign ? ", " : "; ignored: ",
                                  (int)nt->len, text + nt->off);
        nign++;
    }
    fn(opaque, line);
}
