/*
 * bank.c - the concept bank: the built-in concepts (data/concepts.yaml,
 * compiled in) plus a shot's own vocabulary file in the same format, read
 * through ydoc with every problem reported at file:line:col, and the
 * lookups on it (exact word or phrase, nearest word for hints). The format
 * is documented at the top of data/concepts.yaml.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "../scene/scene.h"
#include "../script/ydoc.h"

#define BUILTIN_NAME "data/concepts.yaml"
#define MAX_WORD 64               /* bytes of a normalized word or phrase */
#define MAX_PHRASE_WORDS 6        /* as the parser matches */
#define MAX_VOCABULARY (1u << 20)

const char *const oy_group_names[OY_GROUP_COUNT] = {
    "time", "weather", "season", "terrain", "biome", "water", "object",
    "light", "music", "tempo", "colour", "material"
};

const char *const oy_surface_names[OY_SURF_COUNT] = {
    "none", "rock", "ground", "water", "sky", "plants", "object"
};

typedef struct bword {
    const char *key;          /* normalized */
    int concept;
    int seq;                  /* definition order: later wins */
    oy_mark mark;
    const char *file;
} bword;

struct oy_bank {
    oy_concept *concepts;
    size_t n, cap;
    int nbuiltin;             /* concepts from the built-in file */
    bword *words;             /* sorted by key, one per key */
    size_t nwords, wcap;
    int seq;
    void **owned;             /* strings and arrays the concepts point to */
    size_t nowned, ocap;
    oy_lang_grammar *grammar;
};

typedef struct loader {
    oy_bank *b;
    const char *file;
    int builtin;
    oy_log *log;
    int errors;
} loader;

static void *keep(oy_bank *b, void *p)
{
    if (p && oy_grow(&b->owned, &b->ocap, b->nowned + 1, sizeof *b->owned)) {
        free(p);
        return NULL;
    }
    if (p)
        b->owned[b->nowned++] = p;
    return p;
}

/* Words compare after this: ASCII lowercase, ’ as ', a possessive 's
 * dropped, anything but letters, digits, _ and ' (hyphens, &, spaces) as
 * one space. Returns the length, or -1 when longer than cap - 1. */
static int normalize(const char *in, char *out, size_t cap)
{
    size_t k = 0;

    for (const unsigned char *s = (const unsigned char *)in; *s; s++) {
        unsigned char c = *s;
        if (c == 0xE2 && s[1] == 0x80 && s[2] == 0x99) {
            c = '\'';
            s += 2;
        }
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c < 0x80 && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') &&
            c != '_' && c != '\'')
            c = ' ';
        if (c == '\'' && s[1] == 's' && (s[2] < 0x80 && !(s[2] >= 'a' && s[2] <= 'z')))
            s++, c = ' ';          /* "water's" -> "water" */
        if (c == ' ' && (k == 0 || out[k - 1] == ' '))
            continue;
        if (k + 1 >= cap)
            return -1;
        out[k++] = (char)c;
    }
    while (k && out[k - 1] == ' ')
        k--;
    out[k] = 0;
    return (int)k;
}

static int count_words(const char *s)
{
    int n = *s ? 1 : 0;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

static void lerr(loader *L, const oy_ynode *n, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void lerr(loader *L, const oy_ynode *n, const char *hint, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    L->errors++;
    oy_diag(L->log, OYSTER_ERROR, L->file, n ? n->mark.line : 0, n ? n->mark.col : 0,
            hint, "%s", msg);
}

/* "did you mean 'x'?" for the nearest of a list of names, or NULL. */
static const char *hint_for(const char *word, const char *const *names, int n,
                            char *buf, size_t cap)
{
    int best = 3;
    const char *pick = NULL;

    for (int i = 0; i < n; i++) {
        int d = oy_edit_distance(word, names[i], best - 1);
        if (d < best) {
            best = d;
            pick = names[i];
        }
    }
    if (!pick)
        return NULL;
    snprintf(buf, cap, "did you mean '%s'?", pick);
    return buf;
}

/* hint_for over the channels' names */
static const char *channel_hint(const char *word, char *buf, size_t cap)
{
    const char *names[OY_CH_COUNT];

    for (int i = 0; i < OY_CH_COUNT; i++)
        names[i] = oy_channels[i].name;
    return hint_for(word, names, OY_CH_COUNT, buf, cap);
}

static const oy_ynode *scalar(loader *L, const oy_ynode *n, const char *what)
{
    if (n->type != OY_YSCALAR) {
        lerr(L, n, NULL, "'%s' must be a single value", what);
        return NULL;
    }
    return n;
}

static int parse_number(const char *s, double *v)
{
    char *end;
    *v = strtod(s, &end);
    return end != s && !*end && isfinite(*v) ? 0 : -1;
}

/* Hours as a number or "HH:MM". */
static int parse_hours(const char *s, double *v)
{
    int h, m, used = 0;
    if (!strchr(s, ':'))
        return parse_number(s, v);
    if (sscanf(s, "%2d:%2d%n", &h, &m, &used) != 2 || s[used] || m < 0 || m > 59)
        return -1;
    *v = h + m / 60.0;
    return 0;
}

/* Seconds: a number, or a number with s, ms, m or min. */
static int parse_seconds(const char *s, double *v)
{
    static const struct { const char *unit; double scale; } units[] = {
        { "", 1 }, { "s", 1 }, { "ms", 0.001 }, { "m", 60 }, { "min", 60 },
    };
    char *end;
    double x = strtod(s, &end);

    if (end == s || !isfinite(x))
        return -1;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (!strcmp(end, units[i].unit)) {
            *v = x * units[i].scale;
            return 0;
        }
    return -1;
}

/* One map of channel effects (set: absolute, add: relative). */
static void read_effects(loader *L, const oy_ynode *map, int relative, int time_ok,
                         oy_effect *eff, int *neff, unsigned char *seen)
{
    char hint[96];

    if (map->type != OY_YMAP) {
        lerr(L, map, NULL, "'%s' must be a map of channel: value", relative ? "add" : "set");
        return;
    }
    for (int i = 0; i < map->n; i++) {
        const oy_ynode *k = map->keys[i], *v = map->values[i];
        int ch = k->type == OY_YSCALAR ? oy_channel_find(k->scalar) : -1;
        float lo, hi;
        double x;

        if (ch < 0) {
            lerr(L, k, k->type == OY_YSCALAR ?
                 channel_hint(k->scalar, hint, sizeof hint) : NULL,
                 "unknown channel '%s'", k->type == OY_YSCALAR ? k->scalar : "?");
            continue;
        }
        if (seen[ch]) {
            lerr(L, k, NULL, "channel '%s' is changed twice", k->scalar);
            continue;
        }
        seen[ch] = 1;
        if (!scalar(L, v, k->scalar))
            continue;
        if ((ch == OY_CH_TIME && time_ok ? parse_hours(v->scalar, &x)
                                         : parse_number(v->scalar, &x)) < 0) {
            lerr(L, v, NULL, "bad value '%s' for channel '%s'", v->scalar, k->scalar);
            continue;
        }
        oy_channel_range(ch, &lo, &hi);
        if (relative ? fabs(x) > hi - lo : x < lo || x > hi) {
            lerr(L, v, NULL, "value %s for channel '%s' is out of range %s%g..%g",
                 v->scalar, k->scalar, relative ? "+-" : "",
                 relative ? 0.0 : lo, relative ? hi - lo : hi);
            continue;
        }
        eff[*neff].channel = ch;
        eff[*neff].value = (float)x;
        eff[*neff].relative = relative;
        (*neff)++;
    }
}

/* The kind nearest to an unknown one, from the drawable kinds. */
static void kind_hint(const char *kind, char *buf, size_t cap)
{
    int best = 3, n;
    const oy_kind *k = oy_scene_kinds(&n);
    buf[0] = 0;
    for (int i = 0; i < n; i++) {
        int d = oy_edit_distance(kind, k[i].name, best - 1);
        if (d < best) {
            best = d;
            snprintf(buf, cap, "did you mean '%s'?", k[i].name);
        }
    }
}

/* Collect a word or phrase for concept ci; NULL node: the name itself. */
static int add_word(loader *L, const oy_ynode *n, int ci)
{
    oy_bank *b = L->b;
    char norm[MAX_WORD + 1];
    int len = normalize(n->scalar, norm, sizeof norm);
    bword *w;

    if (len <= 0 || count_words(norm) > MAX_PHRASE_WORDS) {
        lerr(L, n, NULL, "'%s' is not a usable word or phrase (1 to %d words, at most %d characters)",
             n->scalar, MAX_PHRASE_WORDS, MAX_WORD);
        return 0;
    }
    if (oy_lang_grammar_reserved(b->grammar, norm)) {
        oy_diag(L->log, OYSTER_WARNING, L->file, n->mark.line, n->mark.col, NULL,
                "'%s' is a word of the concept language itself; not used for '%s'",
                norm, b->concepts[ci].name);
        return 0;
    }
    if (oy_grow(&b->words, &b->wcap, b->nwords + 1, sizeof *b->words))
        return OYSTER_E_NOMEM;
    w = &b->words[b->nwords];
    if (!(w->key = keep(b, oy_strdup(norm))))
        return OYSTER_E_NOMEM;
    w->concept = ci;
    w->seq = b->seq++;
    w->mark = n->mark;
    w->file = L->file;
    b->nwords++;
    return 0;
}

static const char *const concept_keys[] = {
    "name", "group", "synonyms", "set", "add", "over", "kind", "description",
    "surface", "paint", "sun", "size"
};

static const char *const paint_keys[3] = { "warmth", "tint", "light" };

/* paint: {warmth: W, tint: T, light: L}, each -1..1, missing ones 0. */
static void read_paint(loader *L, const oy_ynode *map, oy_concept *c)
{
    char hint[96];

    if (map->type != OY_YMAP) {
        lerr(L, map, NULL, "'paint' must be a map of warmth, tint and light");
        return;
    }
    c->has_paint = 1;
    for (int i = 0; i < map->n; i++) {
        const oy_ynode *k = map->keys[i], *v = map->values[i];
        int which = -1;
        double x;
        for (int j = 0; k->type == OY_YSCALAR && j < 3; j++)
            if (!strcmp(k->scalar, paint_keys[j]))
                which = j;
        if (which < 0) {
            lerr(L, k, k->type == OY_YSCALAR ? hint_for(k->scalar, paint_keys, 3, hint, sizeof hint) : NULL,
                 "unknown paint axis '%s' (warmth, tint or light)",
                 k->type == OY_YSCALAR ? k->scalar : "?");
            continue;
        }
        if (!scalar(L, v, k->scalar))
            continue;
        if (parse_number(v->scalar, &x) < 0 || x < -1.0 || x > 1.0) {
            lerr(L, v, NULL, "bad paint value '%s' for '%s' (-1 to 1)", v->scalar, k->scalar);
            continue;
        }
        c->paint[which] = (float)x;
    }
}

static int read_concept(loader *L, const oy_ynode *n)
{
    oy_bank *b = L->b;
    const oy_ynode *name, *group, *syn, *set, *add, *over, *kind, *desc, *surf, *paint;
    oy_concept c;
    oy_effect eff[OY_CH_COUNT];
    unsigned char seen[OY_CH_COUNT] = { 0 };
    int neff = 0, errors = L->errors, ci, err;
    char hint[96], norm[MAX_WORD + 1];
    const char **syns = NULL;
    int nsyn = 0;

    if (n->type != OY_YMAP) {
        lerr(L, n, NULL, "a concept must be a map with 'name' and 'group'");
        return 0;
    }
    for (int i = 0; i < n->n; i++) {
        const oy_ynode *k = n->keys[i];
        int ok = 0;
        for (size_t j = 0; k->type == OY_YSCALAR && j < sizeof concept_keys / sizeof *concept_keys; j++)
            ok |= !strcmp(k->scalar, concept_keys[j]);
        if (!ok)
            lerr(L, k, k->type == OY_YSCALAR ?
                 hint_for(k->scalar, concept_keys, (int)(sizeof concept_keys / sizeof *concept_keys),
                          hint, sizeof hint) : NULL,
                 "unknown key '%s' in a concept", k->type == OY_YSCALAR ? k->scalar : "?");
    }
    name = oy_ymap_get(n, "name");
    group = oy_ymap_get(n, "group");
    syn = oy_ymap_get(n, "synonyms");
    set = oy_ymap_get(n, "set");
    add = oy_ymap_get(n, "add");
    over = oy_ymap_get(n, "over");
    kind = oy_ymap_get(n, "kind");
    desc = oy_ymap_get(n, "description");
    surf = oy_ymap_get(n, "surface");
    paint = oy_ymap_get(n, "paint");
    const oy_ynode *sun = oy_ymap_get(n, "sun");
    const oy_ynode *size = oy_ymap_get(n, "size");

    memset(&c, 0, sizeof c);
    c.over = 4.0;
    c.group = -1;
    if (!name || !scalar(L, name, "name") || normalize(name->scalar, norm, sizeof norm) <= 0) {
        if (!name)
            lerr(L, n, NULL, "concept without a 'name'");
        else if (name->type == OY_YSCALAR)
            lerr(L, name, NULL, "'%s' is not a usable name", name->scalar);
        return 0;
    }
    if (!group) {
        lerr(L, n, NULL, "concept '%s' has no 'group'", name->scalar);
    } else if (scalar(L, group, "group")) {
        for (int g = 0; g < OY_GROUP_COUNT; g++)
            if (!strcmp(group->scalar, oy_group_names[g]))
                c.group = g;
        if (c.group < 0)
            lerr(L, group, hint_for(group->scalar, oy_group_names, OY_GROUP_COUNT, hint, sizeof hint),
                 "unknown group '%s'", group->scalar);
    }
    if (set)
        read_effects(L, set, 0, 1, eff, &neff, seen);
    if (add)
        read_effects(L, add, 1, 0, eff, &neff, seen);
    if (over && scalar(L, over, "over") &&
        (parse_seconds(over->scalar, &c.over) < 0 || c.over < 0 || c.over > 3600))
        lerr(L, over, NULL, "bad transition '%s' (seconds, 0 to 3600)", over->scalar);
    if (desc && scalar(L, desc, "description"))
        c.description = desc->scalar;
    if (surf && scalar(L, surf, "surface")) {
        for (int s = OY_SURF_ROCK; OY_SURF_PAINTED(s); s++)
            if (!strcmp(surf->scalar, oy_surface_names[s]))
                c.surface = s;
        if (!c.surface)
            lerr(L, surf, hint_for(surf->scalar, oy_surface_names + 1, OY_SURF_PLANTS, hint, sizeof hint),
                 "unknown surface '%s' (rock, ground, water, sky or plants)", surf->scalar);
    }
    if (paint) {
        if (c.group == OY_GROUP_OBJECT || surf)
            lerr(L, paint, NULL, "only a colour word that names no surface has 'paint'");
        else
            read_paint(L, paint, &c);
    }
    if (sun && scalar(L, sun, "sun")) {
        if (strcmp(sun->scalar, "up"))
            lerr(L, sun, NULL, "'sun' takes only 'up', not '%s'", sun->scalar);
        c.sun_up = 1;
    }
    if (size && scalar(L, size, "size")) {
        char *end;
        double v = strtod(size->scalar, &end);
        if (end == size->scalar || *end || !(v >= 0.1 && v <= 10.0))
            lerr(L, size, NULL, "bad size '%s' (a number, 0.1 to 10: how much the thing is scaled)",
                 size->scalar);
        else if (c.group != OY_GROUP_OBJECT)
            lerr(L, size, NULL, "only objects have a 'size'");
        else
            c.size = (float)v;
    }
    if (syn && syn->type == OY_YMAP)
        lerr(L, syn, NULL, "'synonyms' must be a list of words and phrases");
    for (int i = 0; syn && syn->type == OY_YSEQ && i < syn->n; i++)
        scalar(L, syn->items[i], "synonyms");
    if (c.group == OY_GROUP_OBJECT) {
        c.kind = kind && scalar(L, kind, "kind") ? kind->scalar : norm;
        if (strlen(c.kind) >= sizeof ((oy_entity *)0)->kind)
            lerr(L, kind ? kind : name, NULL, "kind '%s' is too long", c.kind);
        else if (!oy_scene_kind_find(c.kind)) {
            kind_hint(c.kind, hint, sizeof hint);
            lerr(L, kind ? kind : name, hint[0] ? hint : NULL,
                 "unknown object kind '%s' (use 'kind:' to draw it as a built-in object)", c.kind);
        }
    } else if (c.group >= 0) {
        if (kind)
            lerr(L, kind, NULL, "only objects have a 'kind'");
        if (!neff && L->errors == errors)
            lerr(L, n, NULL, "concept '%s' changes no channel (give 'set' or 'add')", name->scalar);
    }
    if (L->errors != errors)
        return 0;

    /* a concept of the same name is replaced, keeping its place */
    for (ci = 0; ci < (int)b->n; ci++)
        if (!strcmp(b->concepts[ci].name, norm))
            break;
    if (ci < (int)b->n)
        oy_diag(L->log, OYSTER_WARNING, L->file, name->mark.line, name->mark.col, NULL,
                "concept '%s' redefined", norm);
    else if (oy_grow(&b->concepts, &b->cap, b->n + 1, sizeof *b->concepts))
        return OYSTER_E_NOMEM;
    else
        b->n++;

    if (!(c.name = keep(b, oy_strdup(norm))) ||
        (c.description && !(c.description = keep(b, oy_strdup(c.description)))) ||
        (c.kind && !(c.kind = keep(b, oy_strdup(c.kind)))))
        return OYSTER_E_NOMEM;
    if (neff) {
        oy_effect *e = keep(b, oy_realloc_array(NULL, (size_t)neff, sizeof *e));
        if (!e)
            return OYSTER_E_NOMEM;
        memcpy(e, eff, (size_t)neff * sizeof *e);
        c.effects = e;
    }
    c.neffects = neff;
    if (syn && syn->type == OY_YSEQ && syn->n) {
        if (!(syns = keep(b, oy_realloc_array(NULL, (size_t)syn->n, sizeof *syns))))
            return OYSTER_E_NOMEM;
        for (int i = 0; i < syn->n; i++) {
            if (normalize(syn->items[i]->scalar, norm, sizeof norm) <= 0)
                continue;
            if (!(syns[nsyn++] = keep(b, oy_strdup(norm))))
                return OYSTER_E_NOMEM;
        }
    } else if (syn && syn->type == OY_YSCALAR) {
        if (!(syns = keep(b, oy_malloc(sizeof *syns))))
            return OYSTER_E_NOMEM;
        if (normalize(syn->scalar, norm, sizeof norm) > 0 &&
            !(syns[nsyn++] = keep(b, oy_strdup(norm))))
            return OYSTER_E_NOMEM;
    }
    c.synonyms = syns;
    c.nsynonyms = nsyn;
    b->concepts[ci] = c;

    if ((err = add_word(L, name, ci)))
        return err;
    if (syn && syn->type == OY_YSCALAR)
        return add_word(L, syn, ci);
    for (int i = 0; syn && syn->type == OY_YSEQ && i < syn->n; i++)
        if ((err = add_word(L, syn->items[i], ci)))
            return err;
    return 0;
}

static int word_cmp(const void *pa, const void *pb)
{
    const bword *a = pa, *b = pb;
    int d = strcmp(a->key, b->key);
    return d ? d : (a->seq > b->seq) - (a->seq < b->seq);
}

/* Sort the words and keep the latest meaning of each, warning when a
 * word of this file takes a word from another concept. */
static void settle_words(loader *L, int first_seq)
{
    oy_bank *b = L->b;
    size_t k = 0;

    qsort(b->words, b->nwords, sizeof *b->words, word_cmp);
    for (size_t i = 0; i < b->nwords;) {
        size_t j = i;
        while (j + 1 < b->nwords && !strcmp(b->words[j + 1].key, b->words[i].key))
            j++;
        const bword *win = &b->words[j];
        for (size_t x = i; x < j; x++)
            if (b->words[x].concept != win->concept && win->seq >= first_seq) {
                oy_diag(L->log, OYSTER_WARNING, win->file, win->mark.line, win->mark.col, NULL,
                        "'%s' now means '%s' (it meant '%s')", win->key,
                        b->concepts[win->concept].name, b->concepts[b->words[x].concept].name);
                break;
            }
        b->words[k++] = *win;
        i = j + 1;
    }
    b->nwords = k;
}

static int load(oy_bank *b, const char *file, const char *data, size_t len,
                int builtin, oy_log *log)
{
    loader L = { b, file, builtin, log, 0 };
    oy_ydoc *doc = NULL;
    const oy_ynode *root, *list;
    int err, first_seq = b->seq;

    if ((err = oy_ydoc_load(&doc, file, data, len, log)))
        return err;
    root = oy_ydoc_root(doc);
    list = root && root->type == OY_YMAP ? oy_ymap_get(root, "concepts") : NULL;
    if (!list || list->type != OY_YSEQ) {
        lerr(&L, list ? list : root, NULL, "a vocabulary is a map with a 'concepts' list");
    } else {
        for (int i = 0; i < root->n; i++)
            if (root->keys[i]->type != OY_YSCALAR || strcmp(root->keys[i]->scalar, "concepts"))
                lerr(&L, root->keys[i], NULL, "unknown key '%s' in a vocabulary",
                     root->keys[i]->type == OY_YSCALAR ? root->keys[i]->scalar : "?");
        for (int i = 0; i < list->n; i++)
            if ((err = read_concept(&L, list->items[i])))
                goto fail;
    }
    settle_words(&L, first_seq);
    err = L.errors ? OYSTER_E_INPUT : 0;
fail:
    oy_ydoc_free(&doc);
    return err;
}

int oy_bank_new(oy_bank **out, const char *vocabulary_path, oy_log *log)
{
    oy_bank *b = oy_calloc(1, sizeof *b);
    char *data = NULL;
    size_t len;
    int err = OYSTER_E_NOMEM;

    if (!b)
        return OYSTER_E_NOMEM;
    if ((err = oy_lang_grammar_new(&b->grammar)))
        goto fail;
    err = load(b, BUILTIN_NAME, oy_bank_builtin, oy_bank_builtin_size, 1, log);
    if (err) {
        /* the shipped bank is part of the program, not the user's input */
        err = err == OYSTER_E_NOMEM ? err : OYSTER_E_INTERNAL;
        goto fail;
    }
    b->nbuiltin = (int)b->n;
    if (vocabulary_path) {
        if ((err = oy_read_file(vocabulary_path, MAX_VOCABULARY, &data, &len, log)))
            goto fail;
        /* messages name the file; keep the name as long as the bank */
        const char *name = keep(b, oy_strdup(vocabulary_path));
        if (!name) {
            err = OYSTER_E_NOMEM;
            goto fail;
        }
        if ((err = load(b, name, data, len, 0, log)))
            goto fail;
    }
    free(data);
    *out = b;
    return 0;
fail:
    free(data);
    oy_bank_free(&b);
    return err;
}

void oy_bank_free(oy_bank **pb)
{
    oy_bank *b = *pb;
    if (!b)
        return;
    for (size_t i = 0; i < b->nowned; i++)
        free(b->owned[i]);
    free(b->owned);
    free(b->concepts);
    free(b->words);
    oy_lang_grammar_free(&b->grammar);
    oy_freep(pb);
}

int oy_bank_count(const oy_bank *b) { return (int)b->n; }

int oy_bank_word_count(const oy_bank *b) { return (int)b->nwords; }

const oy_concept *oy_bank_get(const oy_bank *b, int i)
{
    return i >= 0 && i < (int)b->n ? &b->concepts[i] : NULL;
}

const oy_lang_grammar *oy_bank_grammar(const oy_bank *b) { return b->grammar; }

static int key_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const bword *)elem)->key);
}

const oy_concept *oy_bank_find(const oy_bank *b, const char *word)
{
    char norm[MAX_WORD + 1];
    const bword *w;

    if (!word || normalize(word, norm, sizeof norm) <= 0)
        return NULL;
    w = bsearch(norm, b->words, b->nwords, sizeof *b->words, key_cmp);
    return w ? &b->concepts[w->concept] : NULL;
}

const char *oy_bank_nearest(const oy_bank *b, const char *word)
{
    return oy_bank_nearest_in(b, word, -1);
}

const char *oy_bank_nearest_in(const oy_bank *b, const char *word, int group)
{
    char norm[MAX_WORD + 1];
    int len, max, best = 1 << 20;
    const char *pick = NULL;

    if (!word || (len = normalize(word, norm, sizeof norm)) <= 0)
        return NULL;
    /* a typo, not a different word: one edit in short words, up to three;
     * of equally near words, one with the same first letter (typos seldom
     * change it), else the first in alphabetical order */
    max = len <= 3 ? 1 : len <= 8 ? 2 : 3;
    for (size_t i = 0; i < b->nwords; i++) {
        const char *key = b->words[i].key;
        if (group >= 0 && b->concepts[b->words[i].concept].group != group)
            continue;
        int d = oy_edit_distance(norm, key, max);
        int score = 2 * d + (key[0] != norm[0]);
        if (d <= max && score < best) {
            best = score;
            pick = key;
        }
    }
    return pick;
}

const char *oy_bank_nearest_note(const oy_bank *b, const char *word, char *buf, size_t cap)
{
    const char *near = oy_bank_nearest(b, word);

    if (near)
        snprintf(buf, cap, " (nearest: '%s')", near);
    else
        snprintf(buf, cap, " (no known word is near)");
    return buf;
}
