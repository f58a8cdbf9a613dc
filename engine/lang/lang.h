/*
 * lang - the concept language (oyster-shot(5), THE CONCEPT LANGUAGE).
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
    OY_GROUP_MUSIC, OY_GROUP_TEMPO, OY_GROUP_COLOUR, OY_GROUP_MATERIAL,
    OY_GROUP_COUNT
};
extern const char *const oy_group_names[OY_GROUP_COUNT];

/* One channel change of a concept. */
typedef struct oy_effect {
    int channel;         /* OY_CH_* */
    float value;
    int relative;        /* 1: add to the current value; 0: set the target */
} oy_effect;

/* What a noun names, for the colour words that qualify it: "red
 * sandstone" paints the rock, "turquoise lake" the water, "pink sky" the
 * grade, "purple grass" the plants (grass and leaves). OY_SURF_OBJECT: a
 * drawn object, whose walls or body it paints. */
enum oy_surface { OY_SURF_NONE, OY_SURF_ROCK, OY_SURF_GROUND, OY_SURF_WATER,
                  OY_SURF_SKY, OY_SURF_PLANTS, OY_SURF_OBJECT, OY_SURF_COUNT };
/* the surfaces a colour word paints through the world's channels */
#define OY_SURF_PAINTED(s) ((s) >= OY_SURF_ROCK && (s) <= OY_SURF_PLANTS)
extern const char *const oy_surface_names[OY_SURF_COUNT];

typedef struct oy_concept {
    const char *name;          /* canonical word */
    int group;                 /* OY_GROUP_* */
    const char *const *synonyms; int nsynonyms;
    const oy_effect *effects;  int neffects;
    double over;               /* default transition, seconds */
    const char *description;
    const char *kind;          /* objects: the entity kind the world draws
                                  (e.g. "bird_flock"); NULL otherwise */
    int surface;               /* OY_SURF_* the word names (a noun) */
    int has_paint;             /* a colour word: paint applies to what it
                                  qualifies, effects when it qualifies no
                                  surface */
    float paint[3];            /* warmth, tint, light, -1..1 each */
    int sun_up;                /* "long shadows": a twilight time of the same
                                  text moves to the nearest low sun */
    float size;                /* objects: the thing scaled from its kind's
                                  size ("a child": 0.62); 0 means 1 */
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
/* The same among the words of one group's concepts (OY_GROUP_*). */
const char *oy_bank_nearest_in(const oy_bank *b, const char *word, int group);
/* For messages about an unknown word: " (nearest: 'x')", or " (no known
 * word is near)" when nothing is. Returns buf. */
const char *oy_bank_nearest_note(const oy_bank *b, const char *word, char *buf, size_t cap);
/* How many distinct words and phrases the bank knows. */
int oy_bank_word_count(const oy_bank *b);

/* What a concept does, for `oyster concepts WORD`: one call of fn per line
 * (group and description, channel effects, transition, synonyms). */
void oy_concept_describe(const oy_concept *c, oyster_line_fn fn, void *opaque);

/* Placement of objects named in text. */
enum oy_place { OY_PLACE_NONE, OY_PLACE_LEFT, OY_PLACE_RIGHT, OY_PLACE_AHEAD,
                OY_PLACE_DISTANCE, OY_PLACE_NEAR_WATER, OY_PLACE_NEAR_ENTITY,
                OY_PLACE_BEHIND, OY_PLACE_ON_HIGH };

/* One thing the text asks for. */
typedef struct oy_phrase_effect {
    const oy_concept *concept;
    float intensity;           /* 1 normal; light 0.35, heavy 1.0 with
                                  scaled effects, etc. */
    int negated;               /* "no rain", "the rain stops" */
    int count;                 /* objects: how many (default 1) */
    float size;                /* objects: their scale as the words size
                                  them ("a tiny cabin": 0.5; default 1) */
    int place;                 /* OY_PLACE_* */
    int gait;                  /* objects: OY_GAIT_* the words set it going at */
    int derelict;              /* objects: "abandoned": no lamp lit, no fire */
    int stone;                 /* objects: "a stone farmhouse": built of stone */
    char near_what[32];        /* OY_PLACE_NEAR_ENTITY: the kind or id */
    int surface;               /* colour words: OY_SURF_* they paint
                                  (NONE: the concept's own effects) */
    int qualifies;             /* colour words: the item they qualify, or -1 */
} oy_phrase_effect;

/* How each word of a parsed text was read, for `oyster concepts --prompt`
 * and `oyster check`, and for measuring what the language misses. */
enum oy_note_how {
    OY_NOTE_GRAMMAR,           /* a word of the language (words.c) */
    OY_NOTE_CONCEPT,           /* a concept: item */
    OY_NOTE_REFERENCE,         /* an object named as a place ("near the
                                  cabin"): concept, no item */
    OY_NOTE_SAME,              /* an object that is one named before: item,
                                  the one it is ("a hamlet of cottages") */
    OY_NOTE_ID,                /* an unknown word taken as an entity id */
    OY_NOTE_MEASURE,           /* part of "over 5 seconds", "96 bpm" or "6pm" */
    OY_NOTE_NUMBER,
    OY_NOTE_SKIPPED,           /* a lone letter */
    OY_NOTE_UNKNOWN            /* not in the vocabulary: ignored */
};
typedef struct oy_word_note {
    size_t off, len;           /* bytes of the text */
    int ntok;                  /* words it spans */
    int how;                   /* OY_NOTE_* */
    int item;                  /* OY_NOTE_CONCEPT: index into items */
    const oy_concept *concept; /* CONCEPT, REFERENCE */
    const struct oy_lang_word *word;   /* GRAMMAR */
    const char *form;          /* how the concept was found: NULL as listed,
                                  else "plural", "-ing", "-ed", "-er",
                                  "-est", "-ly" (static text) */
} oy_word_note;

typedef struct oy_parse {
    oy_phrase_effect *items;
    int nitems;
    double over;               /* pacing: seconds, < 0 when not said */
    int sudden;                /* "suddenly" */
    float tempo;               /* "at 96 bpm": bpm, <= 0 when not said */
    float clock;               /* "at 6pm", "18:30": hours, < 0 when not said */
    oy_word_note *notes;       /* every word, in text order */
    int nnotes;
} oy_parse;

/* Parse free text. Unknown words are reported as warnings at file:mark
 * with the nearest known word; never an error. line/col locate the first
 * character of text (0 when unknown); each warning points at its word.
 * Returns 0 or OYSTER_E_NOMEM. */
int oy_lang_parse(const oy_bank *b, const char *text, const char *file,
                  int line, int col, oy_log *log, oy_parse *out);
void oy_parse_release(oy_parse *p);

/* How text (as parsed into p) was understood, one call of fn per line:
 * each word or phrase with its concept and modifiers, or the grammar it
 * is, or that it was ignored with the nearest known word; then the
 * channel changes from the defaults and a summary. */
void oy_lang_explain(const oy_bank *b, const char *text, const oy_parse *p,
                     oyster_line_fn fn, void *opaque);
/* Words that carry meaning (not words of the language) and how many of
 * them were not understood, counting each word of a phrase. */
void oy_parse_word_stats(const oy_parse *p, int *content, int *unknown);

/* The channel targets a parse implies: mask (OY_CH_COUNT entries) is
 * cleared, then for each channel the text changes mask[ch] is set and
 * target[ch] written; other targets are left alone. Intensity moves an
 * absolute effect from the channel's default toward (or past) its value,
 * negation moves it back to the default; relative effects add to base[ch]
 * (the defaults when base is NULL). Channels a concept only brings along
 * (cloud with rain) never take back what base already has nor override an
 * earlier item. Results stay in the channels' ranges. */
void oy_parse_targets(const oy_parse *p, const float *base, float *target,
                      unsigned char *mask);

/* ---- shared by the files of lang/ ---- */

/* data/concepts.yaml, NUL-terminated, compiled in by bank_data.c. */
extern const char oy_bank_builtin[];
extern const uint32_t oy_bank_builtin_size;   /* bytes, without the NUL */


/* The parser's compiled patterns and function-word table, built once per
 * bank and shared read-only by every parse. */
typedef struct oy_lang_grammar oy_lang_grammar;
int oy_lang_grammar_new(oy_lang_grammar **out);
void oy_lang_grammar_free(oy_lang_grammar **g);
const oy_lang_grammar *oy_bank_grammar(const oy_bank *b);
/* Whether a normalized word or phrase is one of the language's own words
 * (stop words, modifiers), which concepts cannot use. */
int oy_lang_grammar_reserved(const oy_lang_grammar *g, const char *phrase);

/* The language's own words (words.c): what each modifier means. */
enum oy_lang_word_type {
    OY_LW_STOP = 1,    /* carries no meaning: "the", "into", "sinks" */
    OY_LW_CLAUSE,      /* ends a clause: "and", "but", "then" */
    OY_LW_INTENSITY,   /* value: intensity of the next concept */
    OY_LW_VERY,        /* strengthens the next modifier or concept */
    OY_LW_COUNT,       /* value: how many of the next object */
    OY_LW_NEGATE,      /* "no", "without": negates what follows */
    OY_LW_ENDING,      /* "stops", "lifts": negates what came before */
    OY_LW_PLACE,       /* value: OY_PLACE_* of the nearest object */
    OY_LW_NEAR,        /* "near", "behind": place by what follows; value:
                          the OY_PLACE_* when nothing placeable follows */
    OY_LW_PACE,        /* value: transition seconds */
    OY_LW_SUDDEN,      /* value: transition seconds, and sudden */
    OY_LW_SURFACE,     /* value: OY_SURF_* it names ("water", "sky") for
                          colour words; no meaning of its own */
    OY_LW_SIZE,        /* value: the scale of the next object ("a tiny
                          cabin"); above 1 also the intensity of the next
                          other concept ("big waves") */
    OY_LW_GAIT         /* value: OY_GAIT_* of the object it follows or
                          comes right before ("horses galloping", "a
                          running man") */
};
/* How fast a thing the words set going goes: the model turns it into
 * metres per second for the thing's kind. */
enum { OY_GAIT_NONE, OY_GAIT_WALK, OY_GAIT_TROT, OY_GAIT_RUN, OY_GAIT_GALLOP };
typedef struct oy_lang_word {
    const char *text;  /* lowercase words separated by single spaces */
    int type;          /* OY_LW_* */
    float value;
    const char *alt;   /* endings: the concept meant when nothing precedes */
    float size;        /* intensities: also the size of an object they
                          come before ("a little cabin"); 0: none */
} oy_lang_word;
extern const oy_lang_word oy_lang_words[];
extern const int oy_lang_nwords;

#endif
