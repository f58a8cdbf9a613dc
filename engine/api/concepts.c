/*
 * concepts.c - `oyster concepts`: the vocabulary, or what given words do;
 * how a text (a prompt, a shot's world prompt) is understood; and the
 * sound effects a `sound:` directive names.
 */
#include <stdio.h>
#include <string.h>

#include "../audio/audio.h"
#include "../lang/lang.h"
#include "shot.h"

/* "bell         a church bell ... (also: ...)" */
static void sound_line(int k, oyster_line_fn fn, void *opaque)
{
    const oy_sfx_info *x = &oy_sfx_table[k];
    char line[512];
    int n = snprintf(line, sizeof line, "%-12s %s", x->name, x->about);
    if (x->lasting && n > 0 && (size_t)n < sizeof line)
        n += snprintf(line + n, sizeof line - (size_t)n, "; 'over' sets its length (default %gs)",
                      x->length);
    if (x->aliases[0] && n > 0 && (size_t)n < sizeof line)
        snprintf(line + n, sizeof line - (size_t)n, " (also: %s)", x->aliases);
    fn(opaque, line);
}

void oyster_sounds(oyster_line_fn fn, void *opaque)
{
    for (int k = 0; k < OY_SFX_COUNT; k++)
        sound_line(k, fn, opaque);
}

/* Every sound's name and alias, as `oyster concepts` lists words. */
static void list_sounds(oyster_line_fn fn, void *opaque)
{
    char line[512];
    for (int k = 0; k < OY_SFX_COUNT; k++) {
        const char *a = oy_sfx_table[k].aliases;
        snprintf(line, sizeof line, "%-24s sound", oy_sfx_table[k].name);
        fn(opaque, line);
        while (*a) {
            size_t len = strcspn(a, " ");
            snprintf(line, sizeof line, "%-24.*s sound (= %s)", (int)len, a, oy_sfx_table[k].name);
            fn(opaque, line);
            a += len;
            a += strspn(a, " ");
        }
    }
}

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
        list_sounds(fn, opaque);
    }
    for (int i = 0; i < nwords; i++) {
        const oy_concept *c = oy_bank_find(bank, words[i]);
        int sound = oy_sfx_find(words[i]);
        if (sound >= 0) {
            fn(opaque, "sound (as 'sound: NAME' in a directive):");
            sound_line(sound, fn, opaque);
            if (!c)
                continue;
        }
        if (!c) {
            char note[96];
            snprintf(line, sizeof line, "'%s' is not in the vocabulary%s", words[i],
                     oy_bank_nearest_note(bank, words[i], note, sizeof note));
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
