/*
 * parse.c - the concept language's text parser (oyster-shot(5), THE
 * CONCEPT LANGUAGE). PCRE2 splits the text into words, numbers and
 * punctuation and finds spelled-out durations ("over 5 seconds"), tempos
 * ("96 bpm") and clock times ("at 6pm"); then one pass over the words
 * matches the longest phrase at each position against the language's own
 * words (words.c) and the concept bank, and applies the modifiers it meets
 * (intensity, count, negation and endings, placement, pacing) to the
 * concepts around them. Words it does not know become warnings, never
 * errors. The compiled patterns live in the bank and are shared read-only,
 * so parses may run on any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "lang.h"

enum { PAT_TOKEN, PAT_DURATION, PAT_TEMPO, PAT_CLOCK, PAT_COUNT };

/* Numbers in durations may be digits or words (group 1), then a unit. */
#define NUMBER_WORDS "an?|one|two|three|four|five|six|seven|eight|nine|ten|" \
    "eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|" \
    "a\\s+few|several|half\\s+an?"

static const char *const patterns[PAT_COUNT] = {
    [PAT_TOKEN] = "(\\d+(?:\\.\\d+)?)"
                  "|([\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}_]*(?:['\\x{2019}][\\p{L}\\p{M}]+)*)"
                  "|([,;.!?:()\\x{2013}\\x{2014}])",
    [PAT_DURATION] = "\\b(?:over|for|in|within|during|across)\\s+"
                     "(?:the\\s+(?:next|following)\\s+)?"
                     "(\\d+(?:\\.\\d+)?|" NUMBER_WORDS ")\\s*"
                     "(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\\b",
    [PAT_TEMPO] = "\\b(\\d{2,3}(?:\\.\\d+)?)\\s*(?:bpm|beats\\s+per\\s+minute)\\b",
    /* a clock time: "6pm", "6:30 a.m.", "18:45" (hour, minutes, a or p) */
    [PAT_CLOCK] = "\\b(1[0-2]|0?[1-9])(?::([0-5]\\d))?\\s*([ap])\\.?m\\b\\.?"
                  "|\\b(2[0-3]|[01]?\\d):([0-5]\\d)\\b",
};

#define MAX_PHRASE_WORDS 6
#define MAX_WORD_WARNINGS 20

struct oy_lang_grammar {
    pcre2_code *pat[PAT_COUNT];
    const oy_lang_word **words;   /* sorted by text */
    int nwords;
};

static int word_cmp(const void *a, const void *b)
{
    return strcmp((*(const oy_lang_word *const *)a)->text,
                  (*(const oy_lang_word *const *)b)->text);
}

int oy_lang_grammar_new(oy_lang_grammar **out)
{
    oy_lang_grammar *g = oy_calloc(1, sizeof *g);
    int err = OYSTER_E_NOMEM;

    if (!g)
        return OYSTER_E_NOMEM;
    for (int i = 0; i < PAT_COUNT; i++) {
        int code;
        PCRE2_SIZE where;
        g->pat[i] = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED,
                                  PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP,
                                  &code, &where, NULL);
        if (!g->pat[i]) {
            err = code == PCRE2_ERROR_NOMEMORY ? OYSTER_E_NOMEM : OYSTER_E_INTERNAL;
            goto fail;
        }
    }
    g->words = oy_realloc_array(NULL, (size_t)oy_lang_nwords, sizeof *g->words);
    if (!g->words)
        goto fail;
    for (int i = 0; i < oy_lang_nwords; i++)
        g->words[i] = &oy_lang_words[i];
    g->nwords = oy_lang_nwords;
    qsort(g->words, (size_t)g->nwords, sizeof *g->words, word_cmp);
    /* a word with two meanings would make the table order matter */
    for (int i = 1; i < g->nwords; i++)
        if (!strcmp(g->words[i - 1]->text, g->words[i]->text)) {
            err = OYSTER_E_INTERNAL;
            goto fail;
        }
    *out = g;
    return 0;
fail:
    oy_lang_grammar_free(&g);
    return err;
}

void oy_lang_grammar_free(oy_lang_grammar **pg)
{
    oy_lang_grammar *g = *pg;
    if (!g)
        return;
    for (int i = 0; i < PAT_COUNT; i++)
        pcre2_code_free(g->pat[i]);
    free(g->words);
    oy_freep(pg);
}

static const oy_lang_word *grammar_word(const oy_lang_grammar *g, const char *phrase)
{
    oy_lang_word key = { .text = phrase };
    const oy_lang_word *pk = &key, **hit;

    hit = bsearch(&pk, g->words, (size_t)g->nwords, sizeof *g->words, word_cmp);
    return hit ? *hit : NULL;
}

int oy_lang_grammar_reserved(const oy_lang_grammar *g, const char *phrase)
{
    return grammar_word(g, phrase) != NULL;
}

/* ---- tokens ---- */

enum { TK_NUMBER = 1, TK_WORD, TK_PUNCT };

typedef struct token {
    size_t off, len;        /* bytes of the original text */
    int kind;
    const char *low;        /* TK_WORD: lowercase, ’ as ', "'s" dropped */
    double num;             /* TK_NUMBER */
    int consumed;           /* part of a duration, tempo or clock time */
} token;

typedef struct span { size_t a, b; } span;

typedef struct parser {
    const oy_bank *bank;
    const oy_lang_grammar *g;
    char *text;             /* the text, broken UTF-8 as spaces */
    size_t len;
    pcre2_match_data *md;
    token *tok;
    size_t ntok, tokcap;
    span *spans;            /* sorted by start once scanned */
    size_t nspans, spancap, spanat;
    char *pool;             /* lowercase words */
    size_t poolused;
    oy_parse *out;
    size_t itemcap, notecap;
    /* diagnostics */
    oy_log *log;
    const char *file;
    int line, col;
    size_t cur_off;         /* position cursor for columns */
    int cur_line, cur_col;
    int warned, unwarned;
} parser;

static double number_value(const char *s, size_t n)
{
    static const struct { const char *w; double v; } words[] = {
        { "a", 1 }, { "an", 1 }, { "one", 1 }, { "two", 2 }, { "three", 3 },
        { "four", 4 }, { "five", 5 }, { "six", 6 }, { "seven", 7 },
        { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
        { "twelve", 12 }, { "fifteen", 15 }, { "twenty", 20 },
        { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
        { "ninety", 90 }, { "several", 4 },
    };
    char buf[32];
    size_t k = 0;

    if (s[0] >= '0' && s[0] <= '9')
        return strtod(s, NULL);
    /* squeeze the word to lowercase with single spaces: "half  An" */
    for (size_t i = 0; i < n && k + 1 < sizeof buf; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (k && buf[k - 1] != ' ')
                buf[k++] = ' ';
            continue;
        }
        buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[k] = 0;
    if (!strncmp(buf, "half", 4))
        return 0.5;
    if (!strcmp(buf, "a few"))
        return 3;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(buf, words[i].w))
            return words[i].v;
    return 0;
}

static double unit_seconds(const char *u)
{
    int c0 = u[0] | 32, c1 = u[1] ? u[1] | 32 : 0;
    if (c0 == 'h')
        return 3600.0;
    if (c0 == 'm' && c1 == 's')
        return 0.001;
    if (c0 == 'm' && (c1 == 'i' && (u[2] | 32) == 'l'))
        return 0.001;
    if (c0 == 'm')
        return 60.0;
    return 1.0;
}

/* Bytes in the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0], cp, min;
    size_t len;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (n < len)
        return 0;
    cp = c & (0x7Fu >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3Fu);
    }
    return cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : len;
}

/* A copy of text with each byte of broken UTF-8 as a space: offsets stay
 * the same, and PCRE2 can skip its own check, which it would otherwise
 * repeat from every start offset. */
static char *valid_copy(const char *text, size_t len)
{
    char *d = oy_malloc(len + 1);
    const unsigned char *s = (const unsigned char *)text;

    if (!d)
        return NULL;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_len(s + i, len - i);
        if (!n) {
            d[i++] = ' ';
            continue;
        }
        memcpy(d + i, s + i, n);
        i += n;
    }
    d[len] = 0;
    return d;
}

static int add_span(parser *p, size_t a, size_t b)
{
    if (oy_grow(&p->spans, &p->spancap, p->nspans + 1, sizeof *p->spans))
        return OYSTER_E_NOMEM;
    p->spans[p->nspans].a = a;
    p->spans[p->nspans].b = b;
    p->nspans++;
    return 0;
}

static int span_cmp(const void *pa, const void *pb)
{
    const span *a = pa, *b = pb;
    return (a->a > b->a) - (a->a < b->a);
}

/* Whether bytes [a, b) lie in a span; calls come in text order, so one
 * cursor walks the sorted spans. */
static int in_span(parser *p, size_t a, size_t b)
{
    while (p->spanat < p->nspans && p->spans[p->spanat].b <= a)
        p->spanat++;
    return p->spanat < p->nspans && a >= p->spans[p->spanat].a &&
           b <= p->spans[p->spanat].b;
}

/* The hour of a clock time matched by PAT_CLOCK: "6:30pm" is 18.5,
 * "12am" midnight, "18:45" 18.75. */
static float clock_hours(const char *text, const PCRE2_SIZE *ov)
{
    if (ov[2] == PCRE2_UNSET)   /* the 24-hour form */
        return (float)(strtod(text + ov[8], NULL) + strtod(text + ov[10], NULL) / 60.0);
    double h = strtod(text + ov[2], NULL), m = ov[4] == PCRE2_UNSET ? 0.0 : strtod(text + ov[4], NULL);
    if (h == 12.0)
        h = 0.0;
    if ((text[ov[6]] | 32) == 'p')
        h += 12.0;
    return (float)(h + m / 60.0);
}

/* Durations, tempos and clock times, found in the raw text so that
 * "over 5 seconds" is read as one thing; their words are then skipped. */
static int scan_measures(parser *p)
{
    int seen_duration = 0;

    for (int which = PAT_DURATION; which <= PAT_CLOCK; which++) {
        size_t start = 0;
        while (pcre2_match(p->g->pat[which], (PCRE2_SPTR)p->text, p->len,
                           start, PCRE2_NO_UTF_CHECK, p->md, NULL) > 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
            const char *num = p->text + ov[2];
            if (which == PAT_DURATION) {
                double v = number_value(num, ov[3] - ov[2]) * unit_seconds(p->text + ov[4]);
                p->out->over = v > 86400.0 ? 86400.0 : v;
                seen_duration = 1;
            } else if (which == PAT_TEMPO) {
                p->out->tempo = (float)strtod(num, NULL);
            } else {
                p->out->clock = clock_hours(p->text, ov);
            }
            if (add_span(p, ov[0], ov[1]))
                return OYSTER_E_NOMEM;
            start = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
        }
    }
    if (p->nspans > 1)
        qsort(p->spans, p->nspans, sizeof *p->spans, span_cmp);
    return seen_duration;
}

static const char *lower_word(parser *p, const char *s, size_t n)
{
    char *d = p->pool + p->poolused, *start = d;

    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {       /* ’ */
            *d++ = '\'';
            i += 2;
            continue;
        }
        *d++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    /* possessive: "the water's edge" is about the water */
    if (d - start > 2 && d[-2] == '\'' && d[-1] == 's')
        d -= 2;
    *d++ = 0;
    p->poolused += (size_t)(d - start);
    return start;
}

static int tokenize(parser *p)
{
    size_t start = 0;

    while (pcre2_match(p->g->pat[PAT_TOKEN], (PCRE2_SPTR)p->text, p->len,
                       start, PCRE2_NO_UTF_CHECK, p->md, NULL) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
        token *t;

        if (oy_grow(&p->tok, &p->tokcap, p->ntok + 1, sizeof *p->tok))
            return OYSTER_E_NOMEM;
        t = &p->tok[p->ntok++];
        memset(t, 0, sizeof *t);
        t->off = ov[0];
        t->len = ov[1] - ov[0];
        t->consumed = in_span(p, ov[0], ov[1]);
        if (ov[2] != PCRE2_UNSET) {
            t->kind = TK_NUMBER;
            t->num = strtod(p->text + ov[0], NULL);
        } else if (ov[4] != PCRE2_UNSET) {
            t->kind = TK_WORD;
            t->low = lower_word(p, p->text + ov[0], t->len);
        } else {
            t->kind = TK_PUNCT;
        }
        start = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    }
    return 0;
}

/* ---- matching ---- */

typedef struct match {
    int n;                        /* tokens matched; 0: nothing */
    const oy_lang_word *word;
    const oy_concept *concept;
    int plural;                   /* found by dropping a plural ending */
    const char *form;             /* the ending dropped, or NULL */
} match;

static int usable_word(const parser *p, size_t i)
{
    return i < p->ntok && p->tok[i].kind == TK_WORD && !p->tok[i].consumed;
}

/* The concept for key with its last word made singular, or NULL. */
static const oy_concept *singular(const parser *p, char *key, size_t len)
{
    static const struct { const char *end, *repl; } rules[] = {
        { "ies", "y" }, { "s", "" }, { "es", "" },
    };
    char saved[4];

    if (len < 4 || key[len - 1] != 's' || key[len - 2] == 's')
        return NULL;
    memcpy(saved, key + len - 3, 4);
    for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
        size_t el = strlen(rules[r].end);
        const oy_concept *c;
        if (strcmp(key + len - el, rules[r].end))
            continue;
        strcpy(key + len - el, rules[r].repl);
        c = oy_bank_find(p->bank, key);
        memcpy(key + len - 3, saved, 4);
        if (c)
            return c;
    }
    return NULL;
}

/* Endings of inflected words, found by rule instead of listed: what the
 * last word ends with, what replaces it, and the form it is. Doubled
 * consonants ("hotter", "fogged") are undone after dropping the ending;
 * a final e may come back ("hazed", "blazing"). The stem keeps at least
 * three letters, so "red" is never "r". */
static const struct inflection { const char *end, *repl, *form; } inflections[] = {
    { "iest", "y", "-est" }, { "ier", "y", "-er" }, { "ied", "y", "-ed" },
    { "ily", "y", "-ly" }, { "ying", "ie", "-ing" },
    { "est", "", "-est" }, { "est", "e", "-est" },
    { "er", "", "-er" }, { "er", "e", "-er" },
    { "ed", "", "-ed" }, { "ed", "e", "-ed" },
    { "ing", "", "-ing" }, { "ing", "e", "-ing" },
    { "ly", "", "-ly" }, { "ly", "le", "-ly" },
};

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The concept (or, for -ly, the intensity word) key names once the last
 * word's ending is undone; key is restored. */
static void inflected(const parser *p, char *key, size_t len, match *m)
{
    size_t start = len;
    char saved[8];

    while (start && key[start - 1] != ' ')
        start--;
    if (len - start < 5 || len - start > 40)
        return;
    for (size_t r = 0; r < sizeof inflections / sizeof inflections[0]; r++) {
        const struct inflection *in = &inflections[r];
        size_t el = strlen(in->end), rl = strlen(in->repl), stem = len - el;
        if (strcmp(key + stem, in->end) || stem - start + rl < 3)
            continue;
        memcpy(saved, key + stem, el + 1);
        for (int undouble = 0; undouble < 2; undouble++) {
            size_t sl = stem;
            if (undouble) {
                /* "hott" -> "hot", but never "ss" or a vowel pair */
                if (rl || sl - start < 4 || key[sl - 1] != key[sl - 2] ||
                    is_vowel(key[sl - 1]) || key[sl - 1] == 's' || key[sl - 1] == 'l')
                    break;
                sl--;
            }
            memcpy(key + sl, in->repl, rl + 1);
            m->concept = oy_bank_find(p->bank, key);
            if (!m->concept && !strcmp(in->form, "-ly")) {
                const oy_lang_word *w = grammar_word(p->g, key);
                if (w && (w->type == OY_LW_INTENSITY || w->type == OY_LW_VERY))
                    m->word = w;
            }
            memcpy(key + stem, saved, el + 1);
            if (m->concept || m->word) {
                m->form = in->form;
                return;
            }
        }
    }
}

/* The longest phrase at token i: the language's own words first, then
 * concepts, then concepts in the plural, then other inflections. */
static void match_at(const parser *p, size_t i, match *m)
{
    char key[MAX_PHRASE_WORDS * 65];
    size_t ends[MAX_PHRASE_WORDS], len = 0;
    int avail = 0;

    memset(m, 0, sizeof *m);
    while (avail < MAX_PHRASE_WORDS && usable_word(p, i + (size_t)avail)) {
        const char *w = p->tok[i + (size_t)avail].low;
        size_t wl = strlen(w);
        if (wl > 64)
            break;
        if (avail)
            key[len++] = ' ';
        memcpy(key + len, w, wl);
        len += wl;
        ends[avail++] = len;
    }
    for (int n = avail; n >= 1; n--) {
        size_t kl = ends[n - 1];
        char save = key[kl];
        key[kl] = 0;
        m->word = grammar_word(p->g, key);
        if (!m->word)
            m->concept = oy_bank_find(p->bank, key);
        if (!m->word && !m->concept && (m->plural = (m->concept = singular(p, key, kl)) != NULL))
            m->form = "plural";
        if (!m->word && !m->concept)
            inflected(p, key, kl, m);
        key[kl] = save;
        if (m->word || m->concept) {
            m->n = n;
            return;
        }
    }
}

/* ---- building the parse ---- */

typedef struct clause {
    int negate;
    int count;                /* 0: not said */
    float intensity;
    size_t intensity_at;      /* token the intensity belongs to */
    size_t very_at;
    float size;               /* a size word's value, waiting for its
                                 noun across colour words; 0: none */
    size_t size_at;           /* the token after the size word */
    int gait;                 /* a gait word's OY_GAIT_*, for the object
                                 right after it ("a running man") */
    size_t gait_at;           /* the token after the gait word */
    int derelict;             /* "abandoned": for the clause's next object */
    int stone;                /* "stone" built of: for the next object */
    int place;                /* waiting for the next object */
    char near_what[32];
    int first_item, last_item, last_object;   /* items of this clause */
    size_t last_object_end;   /* the token after the last object's words */
    size_t last_land_end;     /* the token after the words of the land,
                                 water or weather named last on its own
                                 ("with mountains"), not as a place */
    int of_object;            /* "of" came right after that object */
    int pending[8];           /* colour items waiting for what they qualify */
    int npending;
    int last_surface;         /* OY_SURF_* the clause named last */
    int last_surface_item;
    int with;                 /* "with" after an object: the next object
                                 the clause names stands by it */
    int list_place;           /* "a lake with swans and a boathouse": the
                                 place "with" gave, kept for the first
                                 object of each clause the list goes on to
                                 after "and" or a comma */
    char list_what[32];
    int listed;               /* the object of this clause that took it */
} clause;

/* The colour words waiting in the clause qualify item `what` (-1: none)
 * of surface surf: they paint it, or with no surface to paint (a meadow,
 * a sunset) do what they do alone; a drawn object keeps its colours. */
static void resolve_colours(parser *p, clause *c, int surf, int what)
{
    for (int k = 0; k < c->npending; k++) {
        oy_phrase_effect *it = &p->out->items[c->pending[k]];
        it->surface = surf;
        it->qualifies = what;
        /* a green of plants ("green grass", "lime leaves") is what the
         * season makes them: its own effects make them lush */
        for (int e = 0; surf == OY_SURF_PLANTS && e < it->concept->neffects; e++)
            if (it->concept->effects[e].channel == OY_CH_FOLIAGE)
                it->surface = OY_SURF_NONE;
    }
    c->npending = 0;
}

/* At the end of a clause a colour with nothing after it is said of the
 * surface named before it: "the sea is turquoise". */
static void end_colours(parser *p, clause *c)
{
    if (c->npending)
        resolve_colours(p, c, c->last_surface, c->last_surface ? c->last_surface_item : -1);
}

static void clause_reset(clause *c, int sentence, int list)
{
    if (!list)
        c->list_place = OY_PLACE_NONE;
    c->listed = -1;
    c->negate = 0;
    c->count = 0;
    c->size = 0.0f;
    c->gait = OY_GAIT_NONE;
    c->intensity_at = (size_t)-1;
    c->very_at = (size_t)-1;
    c->first_item = c->last_item = c->last_object = -1;
    c->last_object_end = (size_t)-1;
    c->last_land_end = (size_t)-1;
    c->of_object = 0;
    c->npending = 0;
    c->last_surface = OY_SURF_NONE;
    c->last_surface_item = -1;
    if (c->with) {
        c->place = OY_PLACE_NONE;
        c->near_what[0] = 0;
        c->with = 0;
    }
    if (sentence) {
        c->place = OY_PLACE_NONE;
        c->near_what[0] = 0;
    }
}

static void set_place(oy_phrase_effect *it, int place, const char *what)
{
    it->place = place;
    snprintf(it->near_what, sizeof it->near_what, "%s", what ? what : "");
}

/* Whether w is one of the n words of list. */
static int one_of(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(w, list[i]))
            return 1;
    return 0;
}
#define ONE_OF(w, list) one_of(w, list, sizeof list / sizeof *list)

/* The water the clause named last, not negated ("a lake at dusk"), or
 * NULL. */
static const oy_concept *water_named(const parser *p, const clause *c)
{
    for (int i = c->last_item; i >= 0 && i >= c->first_item; i--)
        if (p->out->items[i].concept->group == OY_GROUP_WATER)
            return p->out->items[i].negated ? NULL : p->out->items[i].concept;
    return NULL;
}

/* An island is the high ground of the water round it: what stands on it
 * or with it ("an island with a ruined castle") stands on its top. */
static int is_island(const oy_concept *k) { return !strcmp(k->name, "island"); }

/* Land an object may stand on top of: "ruins on the hill", "a tower on
 * the ridge", "a cabin up on the cliffs". */
static int is_high_ground(const oy_concept *k)
{
    static const char *const high[] = { "hills", "outcrop", "ridge", "cliffs", "cliff top", "highlands", "foothills",
                                         "mesa", "butte", "mountains", "plateau" };
    return k->group == OY_GROUP_TERRAIN && ONE_OF(k->name, high);
}

static const char *kind_of(const oy_concept *k) { return k->kind ? k->kind : k->name; }

/* Whether the object named last (placed nowhere yet) rides the horse k
 * it is said to be on ("a cowboy on a horse", "a woman on horseback"): a
 * rider, with its own horse; a person named so becomes one. */
static int rides(parser *p, const clause *c, const oy_concept *k)
{
    if (c->last_object < 0 || k->group != OY_GROUP_OBJECT ||
        (strcmp(kind_of(k), "horse") && strcmp(kind_of(k), "rider")))
        return 0;
    oy_phrase_effect *it = &p->out->items[c->last_object];
    if (it->place != OY_PLACE_NONE)
        return 0;
    if (!strcmp(kind_of(it->concept), "person")) {
        const oy_concept *r = oy_bank_find(p->bank, "rider");
        if (!r)
            return 0;
        it->concept = r;
        return 1;
    }
    return !strcmp(kind_of(it->concept), "rider");
}

/* Whether the person named last (placed nowhere yet) is said to be in
 * or on the boat k named at token i ("a fisherman in a small boat", "a
 * man rowing a boat"), or on or riding the bicycle ("a kid riding a
 * bike"): the boat, which carries its rower or sailor, or the cyclist,
 * stands for both. */
static int aboard(parser *p, const clause *c, size_t i, const oy_concept *k)
{
    size_t at = c->last_object_end;
    const char *boat = kind_of(k);
    int bike = !strcmp(boat, "cyclist");
    if (c->last_object < 0 || at >= i ||
        (strcmp(boat, "boat") && strcmp(boat, "rowboat") && strcmp(boat, "sailboat") && !bike))
        return 0;
    const char *w = p->tok[at].low;
    oy_phrase_effect *it = &p->out->items[c->last_object];
    if (it->place != OY_PLACE_NONE || strcmp(kind_of(it->concept), "person") ||
        (strcmp(w, "on") && (bike ? strcmp(w, "riding") && strcmp(w, "rides")
                                  : strcmp(w, "in") && strcmp(w, "aboard") && strcmp(w, "rowing") &&
                                        strcmp(w, "sailing"))))
        return 0;
    it->concept = k;
    it->count = 1;
    return 1;
}

/* Place the object just named, or the next one. What stands by a thing
 * named before it ("a camp with tents by a lake") goes where that goes:
 * the place is that thing's, if it has none yet. */

static void place_object(parser *p, clause *c, int place, const char *what)
{
    /* a place said of a thing the with-list placed is its own: "a
     * village with a church and a castle on the hill" */
    if (c->last_object >= 0 && c->last_object == c->listed) {
        set_place(&p->out->items[c->last_object], place, what);
        c->listed = -1;
        return;
    }
    /* but what stands "in the distance" is far from what it was said to
     * be with: "kids on a beach with a lighthouse in the distance" */
    oy_phrase_effect *last = c->last_object >= 0 ? &p->out->items[c->last_object] : NULL;
    if (last && last->place == OY_PLACE_NEAR_ENTITY && place == OY_PLACE_DISTANCE) {
        set_place(last, place, what);
        return;
    }
    /* and what is with another thing "behind" stands by it, behind it
     * as the view sees them, not behind the camera: "a cabin with a lone
     * tree behind" */
    if (last && last->place == OY_PLACE_NEAR_ENTITY && place == OY_PLACE_BEHIND)
        return;
    if (c->last_object >= 0 && p->out->items[c->last_object].place == OY_PLACE_NEAR_ENTITY &&
        place != OY_PLACE_NEAR_ENTITY) {
        const char *anchor = p->out->items[c->last_object].near_what;
        for (int i = c->last_object - 1; i >= 0; i--) {
            oy_phrase_effect *it = &p->out->items[i];
            const oy_concept *k = it->concept;
            if (k->group == OY_GROUP_OBJECT && !strcmp(kind_of(k), anchor)) {
                if (it->place == OY_PLACE_NONE) {
                    set_place(it, place, what);
                    return;
                }
                break;
            }
        }
    }
    if (c->last_object >= 0 && p->out->items[c->last_object].place == OY_PLACE_NONE) {
        set_place(&p->out->items[c->last_object], place, what);
        return;
    }
    c->place = place;
    snprintf(c->near_what, sizeof c->near_what, "%s", what ? what : "");
}

/* "a slot canyon with glowing orange walls": walls in rock country named
 * before them are its rock (the concept that named it), not built walls */
static const oy_concept *rock_walls(const parser *p, const oy_concept *k)
{
    if (k->group != OY_GROUP_OBJECT || !k->kind || strcmp(k->kind, "wall"))
        return NULL;
    for (int i = 0; i < p->out->nitems; i++) {
        const oy_concept *t = p->out->items[i].concept;
        if (t->group == OY_GROUP_TERRAIN && t->surface == OY_SURF_ROCK)
            return t;
    }
    return NULL;
}

/* "A stone church", "a stone barn": stone right before another thing is
 * what that is built of, its grey paint and its walls laid in courses,
 * not a stone of its own. */
static const oy_concept *built_of_stone(const parser *p, size_t i, const match *m)
{
    if (m->n != 1 || m->plural || strcmp(p->tok[i].low, "stone") || i + 1 >= p->ntok)
        return NULL;
    match next;
    match_at(p, i + 1, &next);
    if (next.word || !next.concept || next.concept->group != OY_GROUP_OBJECT || next.concept == m->concept)
        return NULL;
    return oy_bank_find(p->bank, "stone grey");
}

/* add_item's plural: one thing, several, or a group named by its group
 * noun ("a camel caravan", "a wolf pack"), which "a" does not make one */
enum { ONE, MANY, GROUP };

static int add_item(parser *p, clause *c, const oy_concept *k, size_t at, int plural)
{
    oy_phrase_effect *it;
    int idx = p->out->nitems;

    if (oy_grow(&p->out->items, &p->itemcap, (size_t)idx + 1, sizeof *it))
        return OYSTER_E_NOMEM;
    it = &p->out->items[idx];
    memset(it, 0, sizeof *it);
    it->concept = k;
    /* a word that also sizes ("a little") sizes the thing after a
     * colour, not the colour: "a little red fox" is small and red */
    it->intensity = c->intensity_at == at && !(k->has_paint && c->size_at == at) ? c->intensity : 1.0f;
    it->negated = c->negate;
    it->count = 1;
    it->size = k->size > 0.0f ? k->size : 1.0f;
    /* a size word sizes the object it comes before, colours between
     * ("a tiny red cabin"); right before another concept a big one is
     * that one's intensity ("big waves"), and a small one leaves it as
     * it is ("a small stream" is a stream), but for an island or a lake,
     * which it makes smaller ("a tiny island", "a small lake") */
    static const char *const sized[] = { "island", "lake", "mountain lake" };
    if (c->size > 0.0f && !k->has_paint) {
        if (k->group == OY_GROUP_OBJECT) {
            it->size *= c->size;
            it->intensity = 1.0f;   /* "a little" sized it */
        } else if (c->size_at == at && c->intensity_at != at && (c->size > 1.0f || ONE_OF(k->name, sized))) {
            it->intensity = c->size;
        }
        c->size = 0.0f;
    }
    if (c->gait != OY_GAIT_NONE && c->gait_at == at && k->group == OY_GROUP_OBJECT)
        it->gait = c->gait;
    c->gait = OY_GAIT_NONE;
    /* "an abandoned farmhouse": no lamp lit in it, no fire in its hearth */
    if (k->group == OY_GROUP_OBJECT) {
        it->derelict = c->derelict;
        c->derelict = 0;
        it->stone = c->stone;
        c->stone = 0;
    } else if (!strcmp(k->name, "abandoned")) {
        c->derelict = 1;
    }
    it->qualifies = -1;
    if (k->has_paint) {
        /* a colour: what it paints is known once its noun comes */
        if (c->npending < (int)(sizeof c->pending / sizeof *c->pending))
            c->pending[c->npending++] = idx;
    } else {
        int surf = k->surface ? k->surface : k->group == OY_GROUP_OBJECT ? OY_SURF_OBJECT
                                                                          : OY_SURF_NONE;
        resolve_colours(p, c, surf, idx);
        if (k->surface) {
            c->last_surface = k->surface;
            c->last_surface_item = idx;
        }
    }
    if (k->group == OY_GROUP_OBJECT) {
        it->count = plural == GROUP && c->count <= 1 ? 5 : c->count ? c->count : plural ? 3 : 1;
        /* a thing of the kind the list stands by is not by itself: "a
         * farm with cows and a red barn" */
        int listed = c->place == OY_PLACE_NONE && c->last_object < 0 && c->list_place != OY_PLACE_NONE &&
                     strcmp(kind_of(k), c->list_what);
        if (listed) {
            set_place(it, c->list_place, c->list_what);
            c->listed = idx;
        } else {
            set_place(it, c->place, c->near_what);
        }
        if (c->with) {
            c->list_place = c->place;
            snprintf(c->list_what, sizeof c->list_what, "%s", c->near_what);
        } else if (!listed) {
            c->list_place = OY_PLACE_NONE;
        }
        c->place = OY_PLACE_NONE;
        c->near_what[0] = 0;
        c->with = 0;
        c->last_object = idx;
    }
    if (c->first_item < 0)
        c->first_item = idx;
    c->last_item = idx;
    /* a count waits for its object across a colour or a season that
     * qualifies it ("two red barns", "lined with autumn trees") */
    if (!k->has_paint && k->group != OY_GROUP_SEASON)
        c->count = 0;
    c->intensity_at = (size_t)-1;
    p->out->nitems++;
    return 0;
}

/* Record how tokens [i, i + ntok) were read. */
static int add_note(parser *p, size_t i, int ntok, int how, int item,
                    const oy_concept *k, const oy_lang_word *w, const char *form)
{
    oy_word_note *nt;
    const token *last = &p->tok[i + (size_t)ntok - 1];

    if (oy_grow(&p->out->notes, &p->notecap, (size_t)p->out->nnotes + 1, sizeof *nt))
        return OYSTER_E_NOMEM;
    nt = &p->out->notes[p->out->nnotes++];
    nt->off = p->tok[i].off;
    nt->len = last->off + last->len - nt->off;
    nt->ntok = ntok;
    nt->how = how;
    nt->item = item;
    nt->concept = k;
    nt->word = w;
    nt->form = form;
    return 0;
}

static int is_determiner(const char *w)
{
    static const char *const det[] = { "the", "a", "an", "this", "that", "these",
        "those", "its", "their", "our", "his", "her", "my", "your" };
    return ONE_OF(w, det);
}

static int is_far(const char *w)
{
    static const char *const far[] = { "far", "distant", "faraway", "remote", "farthest", "furthest" };
    return ONE_OF(w, far);
}

/* A noun whose plural is itself ("sheep grazing", "deer at the edge") or
 * that is plural as it stands ("people on a beach", "children playing"):
 * many unless "a", "an", "one", "this" or "that" says one. */
static int many_unsaid(const parser *p, size_t i)
{
    static const char *const same[] = { "sheep", "deer", "cattle", "bison", "moose", "elk", "reindeer",
                                        "livestock", "swine", "caribou", "people", "persons", "men", "women",
                                        "children", "fishermen", "oxen" };
    static const char *const one[] = { "a", "an", "one", "this", "that", "single", "lone", "lonely" };
    return ONE_OF(p->tok[i].low, same) &&
           !(i > 0 && p->tok[i - 1].kind == TK_WORD && ONE_OF(p->tok[i - 1].low, one));
}

/* How many the n words at i name together, a word for people ("a
 * family": 4, "a crowded market": 12), for a field of machines ("a wind
 * farm": 8) or for a gathering of them ("a balloon festival": 10), or 0 */
static int collective(const parser *p, size_t i, int n)
{
    static const struct { const char *word; int n; } many[] = {
        { "family", 4 }, { "couple", 2 }, { "lovers", 2 }, { "crowd", 12 }, { "crowded", 12 }, { "twins", 2 },
        { "wind farm", 8 }, { "wind farms", 8 }, { "windfarm", 8 }, { "wind park", 8 },
        { "balloon festival", 10 }, { "hot air balloon festival", 10 }, { "balloon fiesta", 10 },
        { "hot air balloon fiesta", 10 }, { "research station", 4 }, { "research base", 4 },
        { "polar station", 4 }, { "polar base", 4 },
    };
    char said[64];
    size_t len = 0;
    for (int k = 0; k < n; k++) {
        size_t w = strlen(p->tok[i + (size_t)k].low);
        if (p->tok[i + (size_t)k].kind != TK_WORD || len + w + 2 > sizeof said)
            return 0;
        if (k)
            said[len++] = ' ';
        memcpy(said + len, p->tok[i + (size_t)k].low, w);
        len += w;
    }
    said[len] = '\0';
    for (size_t k = 0; k < sizeof many / sizeof *many; k++)
        if (!strcmp(said, many[k].word))
            return many[k].n;
    return 0;
}

/* A plural listed as a synonym of its own singular ("cows"): many, as
 * one found by the plural rule is; not the concept's own name ("ruins"). */
static int listed_plural(const parser *p, size_t i, const oy_concept *k)
{
    char key[64];
    size_t len = strlen(p->tok[i].low);
    if (len >= sizeof key)
        return 0;
    memcpy(key, p->tok[i].low, len + 1);
    return strcmp(key, k->name) && singular(p, key, len) == k;
}

/* A thing named with its group noun, after it or before it: "a camel
 * caravan", "a wolf pack", "a bison herd", "a flock of sheep" (but "a
 * flock of birds" is one bird flock). */
static int group_named(const parser *p, size_t i, const match *m)
{
    static const char *const groups[] = { "caravan", "herd", "pack", "flock", "troop", "pride" };
    const token *last = &p->tok[i + (size_t)m->n - 1], *first = &p->tok[i];
    return m->n > 1 && ((last->kind == TK_WORD && ONE_OF(last->low, groups)) ||
                        (m->n > 2 && first->kind == TK_WORD && ONE_OF(first->low, groups) &&
                         !strcmp(p->tok[i + 1].low, "of") && !strstr(m->concept->name, first->low)));
}

/* A building's part named alone: its windows, chimney or roof. */
static int is_part(const char *w)
{
    static const char *const parts[] = { "window", "windows", "chimney", "chimneys", "roof", "roofs",
                                         "rooftop", "rooftops", "smokestack", "smokestacks" };
    return ONE_OF(w, parts);
}

/* Whether the one word at i, right after the object last named, is the
 * head noun that object's name ends with: the words before it name the
 * object by themselves ("an old oak tree", "palm trees"), since the last
 * of them and this word name it together ("oak tree", "palm tree") */
static int head_noun_of_last(const parser *p, const clause *c, size_t i, const match *m)
{
    if (m->n != 1 || c->last_object < 0 || c->last_object_end != i || i == 0 || p->tok[i - 1].kind != TK_WORD)
        return 0;
    const char *w = p->tok[i].low;
    size_t n = strlen(w);
    char key[128];
    for (int singular = 0; singular < 2; singular++) {
        if (singular && !(n > 1 && w[n - 1] == 's'))
            break;
        int len = snprintf(key, sizeof key, "%s %.*s", p->tok[i - 1].low, (int)n - singular, w);
        if (len > 0 && (size_t)len < sizeof key &&
            oy_bank_find(p->bank, key) == p->out->items[c->last_object].concept)
            return 1;
    }
    return 0;
}

/* The object named before that the words at i name again, or -1: what
 * an object is made of or was, after "of" ("a hamlet of stone cottages",
 * "the ruins of a castle", "the windows of a farm house"), the place of
 * the thing just named when it names the same ("a ferris wheel at a
 * funfair"), and a building's part once any object is named ("smoke from
 * the chimneys"). */
static const char *const articles[] = { "a", "an", "the" };
static const char *const venues[] = { "at", "in" };

static int named_already(const parser *p, const clause *c, size_t i, const match *m)
{
    if (m->concept->group != OY_GROUP_OBJECT)
        return -1;
    if (c->of_object && c->last_object >= 0)
        return c->last_object;
    if (c->last_object >= 0 && p->out->items[c->last_object].concept == m->concept) {
        size_t j = i;
        const token *t;
        while (j > c->last_object_end && (t = &p->tok[j - 1])->kind == TK_WORD && ONE_OF(t->low, articles))
            j--;
        t = j > 0 ? &p->tok[j - 1] : NULL;
        if (t && j == c->last_object_end + 1 && t->kind == TK_WORD && ONE_OF(t->low, venues))
            return c->last_object;
    }
    if (head_noun_of_last(p, c, i, m))
        return c->last_object;
    if (m->n == 1 && is_part(p->tok[i].low))
        for (int k = p->out->nitems - 1; k >= 0; k--)
            if (p->out->items[k].concept->group == OY_GROUP_OBJECT && !p->out->items[k].negated)
                return k;
    return -1;
}

/* Whether a word says what a place is like ("jungle", "frozen", "green",
 * "sandy", "cold", "quiet", "rocky") rather than naming it. */
static int describes_place(const match *m)
{
    if (!m->concept || m->word)
        return 0;
    switch (m->concept->group) {
    case OY_GROUP_TERRAIN:
        return !is_high_ground(m->concept);
    case OY_GROUP_BIOME: case OY_GROUP_COLOUR: case OY_GROUP_MATERIAL: case OY_GROUP_SEASON:
    case OY_GROUP_WEATHER: case OY_GROUP_LIGHT: case OY_GROUP_MUSIC:
        return 1;
    default:
        return 0;
    }
}

/* "on top of a hill", "on the top of the hill": a place's top is where
 * a thing stands on it, so "top of" goes with the place named, unless
 * the words name the top itself ("top of a cliff", a cliff top) */
static int top_of(const parser *p, size_t j)
{
    if (!strcmp(p->tok[j].low, "of"))
        return j > 0 && !strcmp(p->tok[j - 1].low, "top");
    match m;
    if (strcmp(p->tok[j].low, "top") || !usable_word(p, j + 1) || strcmp(p->tok[j + 1].low, "of"))
        return 0;
    match_at(p, j, &m);
    return !m.concept;
}

/* "near the cabin", "by the river", "behind fire1": returns the tokens
 * used after i, or 0 when nothing placeable follows. */
static int place_near(parser *p, clause *c, size_t i, const match *m)
{
    size_t j = i + (size_t)m->n;
    match m2;
    int err;

    /* "on the far hill", "by a distant lake": the distance goes with the
     * place named, and "on a still lake" is on the lake; "on a jungle
     * hill", "by a frozen lake", "on a small island": so do the words that
     * say what the place is like or how big, up to two of them */
    size_t adj = 0;
    int nadj = 0;
    for (;;) {
        while (usable_word(p, j) && (is_determiner(p->tok[j].low) || is_far(p->tok[j].low) ||
                                     !strcmp(p->tok[j].low, "still") || top_of(p, j)))
            j++;
        if (!usable_word(p, j))
            return 0;
        match_at(p, j, &m2);
        if (nadj == 2 || !(describes_place(&m2) || (m2.word && m2.word->type == OY_LW_SIZE)))
            break;
        if (!nadj)
            adj = j;
        nadj++;
        j += (size_t)m2.n;
    }
    int high = m2.concept && is_high_ground(m2.concept);
    if (!(m2.concept && (m2.concept->group == OY_GROUP_WATER ||
                         m2.concept->group == OY_GROUP_OBJECT || high)) &&
        (m2.word || m2.concept))
        return 0;
    if ((err = add_note(p, i, m->n, OY_NOTE_GRAMMAR, -1, NULL, m->word, NULL)))
        return err;
    for (size_t d = i + (size_t)m->n; d < j;) {
        match md;
        if (nadj && d >= adj && (match_at(p, d, &md), describes_place(&md))) {
            /* the place's own words keep their meaning */
            if ((err = add_note(p, d, md.n, OY_NOTE_CONCEPT, p->out->nitems, md.concept, NULL, md.form)) ||
                (err = add_item(p, c, md.concept, d, md.plural)))
                return err;
            d += (size_t)md.n;
            continue;
        }
        if (nadj && d >= adj && md.word && md.word->type == OY_LW_SIZE) {
            /* it sizes the place ("a small island") */
            c->size = md.word->value;
            c->size_at = d + (size_t)md.n;
        }
        if ((err = add_note(p, d, 1, OY_NOTE_GRAMMAR, -1, NULL, grammar_word(p->g, p->tok[d].low), NULL)))
            return err;
        d++;
    }
    if (m2.concept && (m2.concept->group == OY_GROUP_WATER || high)) {
        /* naming the water or the hill says it is there */
        place_object(p, c, high || is_island(m2.concept) ? OY_PLACE_ON_HIGH : OY_PLACE_NEAR_WATER, NULL);
        if ((err = add_note(p, j, m2.n, OY_NOTE_CONCEPT, p->out->nitems, m2.concept, NULL, m2.form)) ||
            (err = add_item(p, c, m2.concept, j, 0)))
            return err;
        return (int)(j - i) + m2.n;
    }
    if (m2.concept && (rides(p, c, m2.concept) || aboard(p, c, j, m2.concept))) {
        /* "a cowboy on a horse": the rider's own horse, not another; "a
         * man on a boat": the boat and its rower */
        if ((err = add_note(p, j, m2.n, OY_NOTE_SAME, c->last_object, m2.concept, NULL, m2.form)))
            return err;
        return (int)(j - i) + m2.n;
    }
    if (m2.concept) {
        place_object(p, c, OY_PLACE_NEAR_ENTITY, m2.concept->kind);
        if ((err = add_note(p, j, m2.n, OY_NOTE_REFERENCE, -1, m2.concept, NULL, m2.form)))
            return err;
        return (int)(j - i) + m2.n;
    }
    /* not a word of the language: an entity id such as "fire1" */
    char id[32];
    size_t n = p->tok[j].len < sizeof id - 1 ? p->tok[j].len : sizeof id - 1;
    memcpy(id, p->text + p->tok[j].off, n);
    id[n] = 0;
    place_object(p, c, OY_PLACE_NEAR_ENTITY, id);
    if ((err = add_note(p, j, 1, OY_NOTE_ID, -1, NULL, NULL, NULL)))
        return err;
    return (int)(j - i) + 1;
}

/* Move the line:col cursor to byte offset off (tokens come in order). */
static void locate(parser *p, size_t off)
{
    for (; p->cur_off < off; p->cur_off++) {
        unsigned char ch = (unsigned char)p->text[p->cur_off];
        if (ch == '\n') {
            p->cur_line++;
            p->cur_col = p->col;
        } else if ((ch & 0xC0) != 0x80) {
            p->cur_col++;
        }
    }
}

static void warn_unknown(parser *p, const token *t)
{
    char word[128];
    size_t n = t->len < sizeof word - 1 ? t->len : sizeof word - 1;
    char note[96];
    int line = 0, col = 0;

    if (p->warned >= MAX_WORD_WARNINGS) {
        p->unwarned++;
        return;
    }
    p->warned++;
    memcpy(word, p->text + t->off, n);
    word[n] = 0;
    if (p->line > 0) {
        locate(p, t->off);
        line = p->cur_line;
        col = p->col > 0 ? p->cur_col : 0;
    }
    oy_diag(p->log, OYSTER_WARNING, p->file, line, col, NULL,
            "'%s' is not in the vocabulary%s; ignored", word,
            oy_bank_nearest_note(p->bank, t->low, note, sizeof note));
}

/* "with": "a village with a church tower", "a farm with cows": the thing
 * named next stands by the one named before; "a mountain lake with a
 * cabin", "a river at dusk with a mill": by that water, on an island's
 * top */
static void with_places(parser *p, clause *c)
{
    if (c->place != OY_PLACE_NONE)
        return;
    if (c->last_object >= 0 && !p->out->items[c->last_object].negated) {
        const oy_concept *k = p->out->items[c->last_object].concept;
        c->place = OY_PLACE_NEAR_ENTITY;
        snprintf(c->near_what, sizeof c->near_what, "%s", k->kind ? k->kind : k->name);
        c->with = 1;
    } else if (c->last_object < 0 && water_named(p, c)) {
        c->place = is_island(water_named(p, c)) ? OY_PLACE_ON_HIGH : OY_PLACE_NEAR_WATER;
        c->near_what[0] = 0;
        c->with = 1;
    }
}

static int apply_word(parser *p, clause *c, size_t i, const match *m, int timed,
                      size_t *next)
{
    const oy_lang_word *w = m->word;
    int used;

    *next = i + (size_t)m->n;
    if (w->type != OY_LW_NEAR) {
        int err = add_note(p, i, m->n, OY_NOTE_GRAMMAR, -1, NULL, w, m->form);
        if (err)
            return err;
    }
    switch (w->type) {
    case OY_LW_CLAUSE:
        /* "pink and purple clouds": colours joined wait for one noun */
        if (c->npending && c->pending[c->npending - 1] == p->out->nitems - 1) {
            match m2;
            match_at(p, *next, &m2);
            if (m2.concept && m2.concept->has_paint)
                break;
        }
        end_colours(p, c);
        clause_reset(c, 0, !strcmp(w->text, "and"));
        break;
    case OY_LW_SURFACE:
        /* "turquoise water", "a pink sky": a colour's noun with no
         * concept of its own */
        resolve_colours(p, c, (int)w->value, -1);
        c->last_surface = (int)w->value;
        c->last_surface_item = -1;
        break;
    case OY_LW_INTENSITY:
        c->intensity = c->very_at == i ? oy_powf(w->value, 1.5f) : w->value;
        c->intensity_at = *next;
        if (w->size > 0.0f) {
            c->size = w->size;    /* "a little cabin" is a small one */
            c->size_at = *next;
        }
        break;
    case OY_LW_VERY:
        c->intensity = 1.5f;
        c->intensity_at = c->very_at = *next;
        break;
    case OY_LW_COUNT:
        c->count = (int)w->value;
        c->size = 0.0f;       /* "a large herd of cows": it sized the herd */
        /* "a road lined with trees", "a farm dotted with cows" */
        if (strlen(w->text) > 5 && !strcmp(w->text + strlen(w->text) - 5, " with"))
            with_places(p, c);
        break;
    case OY_LW_SIZE:
        c->size = w->value;
        c->size_at = *next;
        break;
    case OY_LW_GAIT:
        /* of the thing named last, when nothing was named since ("deer
         * running through the forest", not "a river running past a
         * barn"), else of a thing named right after ("galloping horses") */
        if (c->last_object >= 0 && c->last_item == c->last_object) {
            p->out->items[c->last_object].gait = (int)w->value;
        } else {
            c->gait = (int)w->value;
            c->gait_at = *next;
        }
        break;
    case OY_LW_NEGATE:
        c->negate = 1;
        break;
    case OY_LW_ENDING:
        if (c->last_item >= 0) {
            p->out->items[c->last_item].negated = 1;
        } else if (w->alt) {
            const oy_concept *k = oy_bank_find(p->bank, w->alt);
            if (k)
                return add_item(p, c, k, i, 0);
        } else {
            c->negate = 1;    /* "stop the rain" */
        }
        break;
    case OY_LW_PLACE:
        /* right after land named on its own since the last object, it
         * says where that land is: "a road through the desert with
         * mountains in the distance" */
        if (c->last_land_end == i && c->last_object >= 0 && c->last_land_end > c->last_object_end)
            break;
        place_object(p, c, (int)w->value, NULL);
        break;
    case OY_LW_NEAR:
        used = place_near(p, c, i, m);
        if (used < 0)
            return used;
        if (used > 0) {
            *next = i + (size_t)used;
            break;
        }
        if ((used = add_note(p, i, m->n, OY_NOTE_GRAMMAR, -1, NULL, w, m->form)))
            return used;
        /* with nothing after it, it places the object it follows ("a
         * cabin behind") or the next one ("behind, a castle"), not one
         * named before other words ("a cabin with snowy peaks behind":
         * the peaks are behind the cabin) */
        if ((int)w->value != OY_PLACE_NONE && (c->last_object < 0 || i == c->last_object_end))
            place_object(p, c, (int)w->value, NULL);
        break;
    case OY_LW_STOP:
        if (!strcmp(w->text, "with"))
            with_places(p, c);
        break;
    case OY_LW_SUDDEN:
        p->out->sudden = 1;
        /* fall through */
    case OY_LW_PACE:
        if (!timed)           /* "over 5 seconds" says more than "slowly" */
            p->out->over = w->value;
        break;
    default:
        break;
    }
    return 0;
}

static int run(parser *p, int timed)
{
    clause c;

    memset(&c, 0, sizeof c);
    clause_reset(&c, 1, 0);
    for (size_t i = 0; i < p->ntok;) {
        const token *t = &p->tok[i];
        match m;
        int err;

        if (t->consumed) {
            if (t->kind != TK_PUNCT && (err = add_note(p, i, 1, OY_NOTE_MEASURE, -1, NULL, NULL, NULL)))
                return err;
            i++;
            continue;
        }
        if (t->kind == TK_PUNCT) {
            char ch = p->text[t->off];
            end_colours(p, &c);
            clause_reset(&c, ch != ',' && ch != '(' && ch != ')', ch == ',');
            i++;
            continue;
        }
        if (t->kind == TK_NUMBER) {
            if (usable_word(p, i + 1) && t->num >= 1.0)
                c.count = t->num > 1000.0 ? 1000 : (int)t->num;
            if ((err = add_note(p, i, 1, OY_NOTE_NUMBER, -1, NULL, NULL, NULL)))
                return err;
            i++;
            continue;
        }
        /* "of" right after an object: what follows may be what it is made of */
        c.of_object = i == c.last_object_end && !strcmp(t->low, "of") ? 1 : c.of_object;
        match_at(p, i, &m);
        if (m.word) {
            size_t next;
            if ((err = apply_word(p, &c, i, &m, timed, &next)))
                return err;
            i = next;
        } else if (m.concept) {
            const oy_concept *built = m.plural ? NULL : built_of_stone(p, i, &m);
            const oy_concept *rock = built ? built : m.plural ? rock_walls(p, m.concept) : NULL;
            if (rock) {
                m.concept = rock;
                m.plural = 0;
            }
            c.stone |= built != NULL;
            int same = named_already(p, &c, i, &m);
            const char *after = c.last_object_end < i ? p->tok[c.last_object_end].low : "";
            if (same < 0 && i <= c.last_object_end + 3 && (!strcmp(after, "riding") || !strcmp(after, "rides")) &&
                rides(p, &c, m.concept))
                same = c.last_object;   /* "a cowboy riding a horse" */
            if (same < 0 && c.last_object_end == i && !strcmp(t->low, "on") && rides(p, &c, m.concept))
                same = c.last_object;   /* "a knight on horseback" */
            if (same < 0 && aboard(p, &c, i, m.concept)) {
                same = c.last_object;   /* "a fisherman in a boat" */
                c.size = 0.0f;
            }
            if (same >= 0) {
                if ((err = add_note(p, i, m.n, OY_NOTE_SAME, same, m.concept, NULL, m.form)))
                    return err;
                /* "a village of white houses": the colour paints the village */
                resolve_colours(p, &c, OY_SURF_OBJECT, same);
                c.of_object = 0;
                i += (size_t)m.n;
                continue;
            }
            /* a building named by its windows is one building; sheep
             * with no "a" are a flock */
            if (m.n == 1 && is_part(t->low))
                m.plural = ONE;
            else if (m.concept->group == OY_GROUP_OBJECT && group_named(p, i, &m))
                m.plural = GROUP;
            else if (m.n == 1 && !m.plural && m.concept->group == OY_GROUP_OBJECT &&
                     (many_unsaid(p, i) || listed_plural(p, i, m.concept)))
                m.plural = MANY;
            int together = m.concept->group == OY_GROUP_OBJECT ? collective(p, i, m.n) : 0;
            if (together && c.count <= 1)
                c.count = together;
            if ((err = add_note(p, i, m.n, OY_NOTE_CONCEPT, p->out->nitems, m.concept, NULL, m.form)) ||
                (err = add_item(p, &c, m.concept, i, m.plural)))
                return err;
            i += (size_t)m.n;
            if (m.concept->group == OY_GROUP_OBJECT) {
                c.last_object_end = i;
                c.of_object = 0;
            } else {
                c.last_land_end = i;
            }
        } else {
            int quiet = strlen(t->low) <= 1;
            if (!quiet)
                warn_unknown(p, t);
            if ((err = add_note(p, i, 1, quiet ? OY_NOTE_SKIPPED : OY_NOTE_UNKNOWN, -1, NULL, NULL, NULL)))
                return err;
            c.intensity_at = (size_t)-1;
            i++;
        }
    }
    end_colours(p, &c);
    if (p->unwarned)
        oy_diag(p->log, OYSTER_WARNING, p->file, p->line, p->col, NULL,
                "%d more words are not in the vocabulary; ignored", p->unwarned);
    return 0;
}

int oy_lang_parse(const oy_bank *b, const char *text, const char *file,
                  int line, int col, oy_log *log, oy_parse *out)
{
    parser p;
    size_t len = text ? strlen(text) : 0;
    int err = OYSTER_E_NOMEM, timed;

    memset(out, 0, sizeof *out);
    out->over = -1.0;
    out->clock = -1.0f;
    memset(&p, 0, sizeof p);
    p.bank = b;
    p.g = oy_bank_grammar(b);
    p.len = len;
    p.out = out;
    p.log = log;
    p.file = file;
    p.line = p.cur_line = line;
    p.col = p.cur_col = col;
    /* every word's lowercase copy fits: at most its bytes plus a NUL */
    if (!(p.pool = oy_malloc(2 * len + 1)) || !(p.text = valid_copy(text ? text : "", len)))
        goto fail;
    if (!(p.md = pcre2_match_data_create(8, NULL)))
        goto fail;
    if ((timed = scan_measures(&p)) < 0)
        goto fail;
    if ((err = tokenize(&p)) || (err = run(&p, timed)))
        goto fail;
    err = 0;
fail:
    if (err)
        oy_parse_release(out);
    pcre2_match_data_free(p.md);
    free(p.pool);
    free(p.text);
    free(p.tok);
    free(p.spans);
    return err;
}

void oy_parse_release(oy_parse *p)
{
    oy_freep(&p->items);
    p->nitems = 0;
    oy_freep(&p->notes);
    p->nnotes = 0;
}

void oy_parse_word_stats(const oy_parse *p, int *content, int *unknown)
{
    *content = *unknown = 0;
    for (int i = 0; i < p->nnotes; i++) {
        const oy_word_note *n = &p->notes[i];
        if (n->how == OY_NOTE_CONCEPT || n->how == OY_NOTE_REFERENCE || n->how == OY_NOTE_SAME)
            *content += n->ntok;
        else if (n->how == OY_NOTE_UNKNOWN || n->how == OY_NOTE_ID)
            *content += n->ntok, *unknown += n->ntok;
    }
}
