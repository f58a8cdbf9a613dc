/*
 * describe.c - a concept in words, for `oyster concepts WORD`: its group
 * and description, what it does to each channel, its default transition
 * and the other words that mean it.
 */
#include <stdio.h>
#include <string.h>

#include "lang.h"

#define WIDTH 76

static void effect_line(const oy_effect *e, char *buf, size_t cap)
{
    const char *name = oy_channels[e->channel].name;

    if (e->relative)
        snprintf(buf, cap, "  %-12s %+g", name, e->value);
    else if (e->channel == OY_CH_TIME) {
        int minutes = (int)(e->value * 60.0f + 0.5f);
        snprintf(buf, cap, "  %-12s -> %02d:%02d", name, minutes / 60 % 24, minutes % 60);
    } else
        snprintf(buf, cap, "  %-12s -> %g", name, e->value);
}

void oy_concept_describe(const oy_concept *c, oyster_line_fn fn, void *opaque)
{
    char line[256];
    size_t n;

    snprintf(line, sizeof line, "%s (%s)%s%s", c->name, oy_group_names[c->group],
             c->description ? ": " : "", c->description ? c->description : "");
    fn(opaque, line);
    if (c->group == OY_GROUP_OBJECT) {
        snprintf(line, sizeof line, "  places an object of kind '%s'", c->kind ? c->kind : c->name);
        fn(opaque, line);
    }
    for (int i = 0; i < c->neffects; i++) {
        effect_line(&c->effects[i], line, sizeof line);
        fn(opaque, line);
    }
    snprintf(line, sizeof line, "  transition   %gs", c->over);
    fn(opaque, line);
    /* synonyms, wrapped */
    n = (size_t)snprintf(line, sizeof line, "  also:");
    for (int i = 0; i < c->nsynonyms; i++) {
        size_t w = strlen(c->synonyms[i]) + 2;
        if (n > 8 && n + w > WIDTH) {
            fn(opaque, line);
            n = (size_t)snprintf(line, sizeof line, "       ");
        }
        if (n + w < sizeof line)
            n += (size_t)snprintf(line + n, sizeof line - n, " %s%s", c->synonyms[i],
                                  i + 1 < c->nsynonyms ? "," : "");
    }
    if (c->nsynonyms)
        fn(opaque, line);
}
