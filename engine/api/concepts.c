/*
 * concepts.c - `oyster concepts`: the vocabulary, or what given words do;
 * and how a text (a prompt, a shot's world prompt) is understood.
 */
#include <stdio.h>

#include "../lang/lang.h"
#include "shot.h"

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

static int explain(const oy_bank *bank, const char *text, oyster_line_fn fn, void *opaque)
{
    oy_parse p;
    int content, unknown, err;

    /* the warnings say again what the explanation says: keep them out */
    if ((err = oy_lang_parse(bank, text, NULL, 0, 0, NULL, &p)))
        return err;
    oy_lang_explain(bank, text, &p, fn, opaque);
    oy_parse_word_stats(&p, &content, &unknown);
    oy_parse_release(&p);
    return unknown;
}

int oyster_explain(const char *text, oyster_line_fn fn, void *opaque)
{
    oy_bank *bank = NULL;
    oy_log log = { 0 };
    int err;

    if ((err = oy_bank_new(&bank, NULL, &log)))
        return err;
    err = explain(bank, text, fn, opaque);
    oy_bank_free(&bank);
    return err;
}

void oyster_shot_explain(const oyster_shot *shot, oyster_line_fn fn, void *opaque)
{
    const char *prompt = shot->script->world.prompt.s;

    if (!prompt)
        return;
    fn(opaque, "world prompt, as understood:");
    if (explain(shot->bank, prompt, fn, opaque) == OYSTER_E_NOMEM)
        fn(opaque, "  (out of memory)");
}
