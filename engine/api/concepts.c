/*
 * concepts.c - `oyster concepts`: the vocabulary, or what given words do.
 */
#include <stdio.h>

#include "../lang/lang.h"

int oyster_concepts(const char *const *words, int nwords, oyster_line_fn fn, void *opaque)
{
    oy_bank *bank = NULL;
    oy_log log = { 0 };
    char line[512];
    int unknown = 0, err;

    if ((err = oy_bank_new(&bank, NULL, &log)))
        return err;
    if (nwords == 0) {
        for (int i = 0; i < oy_bank_count(bank); i++) {
            const oy_concept *c = oy_bank_get(bank, i);
            snprintf(line, sizeof line, "%-24s %s", c->name, oy_group_names[c->group]);
            fn(opaque, line);
            for (int k = 0; k < c->nsynonyms; k++) {
                snprintf(line, sizeof line, "%-24s %s (= %s)", c->synonyms[k],
                         oy_group_names[c->group], c->name);
                fn(opaque, line);
            }
        }
    }
    for (int i = 0; i < nwords; i++) {
        const oy_concept *c = oy_bank_find(bank, words[i]);
        if (!c) {
            const char *near = oy_bank_nearest(bank, words[i]);
            snprintf(line, sizeof line, "'%s' is not in the vocabulary (nearest: '%s')",
                     words[i], near ? near : "");
            fn(opaque, line);
            unknown++;
            continue;
        }
        oy_concept_describe(c, fn, opaque);
    }
    oy_bank_free(&bank);
    return unknown;
}
