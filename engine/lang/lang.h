/*
 * lang - the concept language (SPEC §4).
 *
 * A concept bank (data/concepts.yaml compiled into the binary, extendable
 * per shot) maps words and phrases to sparse changes of the latent state;
 * the text parser (PCRE2) reads free text into those changes with the
 * modifiers intensity, negation/ending, count, placement and pacing.
 */
#ifndef OY_LANG_H
#define OY_LANG_H

#include "../core/core.h"
#include "../model/model.h"

enum oy_concept_group {
    OY_GROUP_TIME, OY_GROUP_WEATHER, OY_GROUP_SEASON, OY_GROUP_TERRAIN,
    OY_GROUP_BIOME, OY_GROUP_WATER, OY_GROUP_OBJECT, OY_GROUP_LIGHT,
    OY_GROUP_MUSIC, OY_GROUP_TEMPO, OY_GROUP_COUNT
};
extern const char *const oy_group_names[OY_GROUP_COUNT];

/* One channel change of a concept. */
typedef struct oy_effect {
    int channel;         /* OY_CH_* */
    float value;
    int relative;        /* 1: add to the current value; 0: set the target */
} oy_effect;

typedef struct oy_concept {
    const char *name;          /* canonical word */
    int group;                 /* OY_GROUP_* */
    const char *const *synonyms; int nsynonyms;
    const oy_effect *effects;  int neffects;
    double over;               /* default transition, seconds */
    const char *description;
} oy_concept;

/* The bank: built-in concepts plus an optional per-shot vocabulary file
 * in the same YAML format (errors reported with file:line:col). */
int oy_bank_new(oy_bank **out, const char *vocabulary_path, oy_log *log);
void oy_bank_free(oy_bank **b);
int oy_bank_count(const oy_bank *b);
const oy_concept *oy_bank_get(const oy_bank *b, int i);
/* Exact lookup of a word or phrase (any synonym, case-insensitive). */
const oy_concept *oy_bank_find(const oy_bank *b, const char *word);
/* The known word or phrase nearest to word (edit distance), or NULL. */
const char *oy_bank_nearest(const oy_bank *b, const char *word);

/* Placement of objects named in text. */
enum oy_place { OY_PLACE_NONE, OY_PLACE_LEFT, OY_PLACE_RIGHT, OY_PLACE_AHEAD,
                OY_PLACE_DISTANCE, OY_PLACE_NEAR_WATER, OY_PLACE_NEAR_ENTITY,
                OY_PLACE_BEHIND };

/* One thing the text asks for. */
typedef struct oy_phrase_effect {
    const oy_concept *concept;
    float intensity;           /* 1 normal; light 0.35, heavy 1.0 with
                                  scaled effects, etc. */
    int negated;               /* "no rain", "the rain stops" */
    int count;                 /* objects: how many (default 1) */
    int place;                 /* OY_PLACE_* */
    char near_what[32];        /* OY_PLACE_NEAR_ENTITY: the kind or id */
} oy_phrase_effect;

typedef struct oy_parse {
    oy_phrase_effect *items;
    int nitems;
    double over;               /* pacing: seconds, < 0 when not said */
    int sudden;                /* "suddenly" */
} oy_parse;

/* Parse free text. Unknown words are reported as warnings at file:mark
 * with the nearest known word; never an error. Returns 0 or
 * OYSTER_E_NOMEM. */
int oy_lang_parse(const oy_bank *b, const char *text, const char *file,
                  int line, int col, oy_log *log, oy_parse *out);
void oy_parse_release(oy_parse *p);

/* The channel targets a parse implies: for each channel set in mask,
 * target[ch] (relative effects are applied to base[ch]). */
void oy_parse_targets(const oy_parse *p, const float *base, float *target,
                      unsigned char *mask);

#endif
