/*
 * live_record.c - a live wander session written back as a shot script:
 * the script's own text, read again as a tree when the session starts,
 * with what the session decided put in (oyster_wander in oyster.h). The
 * tree is written in block style (script/yemit.c): comments and the
 * source's layout are not kept, everything the loader reads is.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../script/ydoc.h"
#include "live.h"

struct oy_record {
    oy_ydoc *doc;
    char *title;
    uint64_t seed;
    char *image, *vocabulary;   /* absolute; NULL when the script names none */
};

/* path made absolute (the resolved path of a file the script names is
 * relative to the working folder); NULL when out of memory. */
static char *absolute(const char *path)
{
    char *real = realpath(path, NULL), cwd[PATH_MAX];

    if (real || path[0] == '/')
        return real ? real : oy_strdup(path);
    if (!getcwd(cwd, sizeof cwd))
        return oy_strdup(path);
    return oy_path_join(cwd, path);
}

int oy_record_open(oy_record **out, const oyster_shot *shot)
{
    const oy_script *s = shot->script;
    oy_log *log = (oy_log *)&shot->log;
    oy_record *r = oy_calloc(1, sizeof *r);
    char *data = NULL;
    size_t len;
    int err;

    if (!r)
        return OYSTER_E_NOMEM;
    if ((err = oy_read_file(s->path, OY_SCRIPT_MAX_BYTES, &data, &len, log)))
        goto fail;
    if (oy_hash_bytes(0, data, len) != s->file_hash) {
        oy_diag(log, OYSTER_ERROR, s->path, 0, 0, "run it again", "changed while it was opened");
        err = OYSTER_E_INPUT;
        goto fail;
    }
    if ((err = oy_ydoc_load(&r->doc, s->path, data, len, log)))
        goto fail;
    r->seed = s->seed;
    err = OYSTER_E_NOMEM;
    if (!(r->title = oy_strdup(s->title)) ||
        (s->world.image.s && !(r->image = absolute(s->world.image.s))) ||
        (s->world.vocabulary.s && !(r->vocabulary = absolute(s->world.vocabulary.s))))
        goto fail;
    free(data);
    *out = r;
    return 0;
fail:
    free(data);
    oy_record_free(&r);
    return err;
}

void oy_record_free(oy_record **pr)
{
    oy_record *r = *pr;

    if (!r)
        return;
    oy_ydoc_free(&r->doc);
    free(r->title);
    free(r->image);
    free(r->vocabulary);
    free(r);
    *pr = NULL;
}

/* ---- the tree, built in an arena over the loaded document ---- */

typedef struct tree {
    oy_arena a;
    int full;
} tree;

static void *take(tree *t, size_t n)
{
    void *p = oy_arena_alloc(&t->a, n ? n : 1);

    if (!p)
        t->full = 1;
    else
        memset(p, 0, n ? n : 1);
    return p;
}

static oy_ynode *text(tree *t, const char *s)
{
    oy_ynode *n = take(t, sizeof *n);
    char *c = take(t, strlen(s) + 1);

    if (!n || !c)
        return NULL;
    memcpy(c, s, strlen(s) + 1);
    n->type = OY_YSCALAR;
    n->scalar = c;
    n->quoted = 1;             /* text, never a null */
    return n;
}

static oy_ynode *seconds_text(tree *t, double s)
{
    char buf[48];

    /* 17 significant digits read back as the same double (script/time.c) */
    snprintf(buf, sizeof buf, "%.17gs", s);
    return text(t, buf);
}

/* A copy of map (none: an empty map) with room for extra more pairs. */
static oy_ynode *map_copy(tree *t, const oy_ynode *map, int extra)
{
    int n = map && map->type == OY_YMAP ? map->n : 0;
    oy_ynode *m = take(t, sizeof *m);

    if (!m || !(m->keys = take(t, (size_t)(n + extra) * sizeof *m->keys)) ||
        !(m->values = take(t, (size_t)(n + extra) * sizeof *m->values)))
        return NULL;
    m->type = OY_YMAP;
    m->n = n;
    for (int i = 0; i < n; i++) {
        m->keys[i] = map->keys[i];
        m->values[i] = map->values[i];
    }
    return m;
}

/* key's value in m (from map_copy) becomes value; a new key goes in at
 * index at (< 0: last). */
static void map_set(tree *t, oy_ynode *m, const char *key, oy_ynode *value, int at)
{
    int i = 0;

    if (!m || !value)
        return;
    while (i < m->n && strcmp(m->keys[i]->scalar, key))
        i++;
    if (i == m->n) {
        oy_ynode *k = text(t, key);
        if (!k)
            return;
        i = at < 0 || at > m->n ? m->n : at;
        memmove(m->keys + i + 1, m->keys + i, (size_t)(m->n - i) * sizeof *m->keys);
        memmove(m->values + i + 1, m->values + i, (size_t)(m->n - i) * sizeof *m->values);
        m->keys[i] = k;
        m->n++;
    }
    m->values[i] = value;
}

/* A key set: one name, or a list of them. */
static oy_ynode *key_set(tree *t, unsigned bits)
{
    oy_ynode *seq, *one = NULL;
    int count = 0;

    for (int b = 0; oy_wander_key_names[b]; b++)
        if (bits & (1u << b) && count++ == 0)
            one = text(t, oy_wander_key_names[b]);
    if (count == 1)
        return one;
    if (!(seq = take(t, sizeof *seq)) || !(seq->items = take(t, (size_t)count * sizeof *seq->items)))
        return NULL;
    seq->type = OY_YSEQ;
    for (int b = 0; oy_wander_key_names[b]; b++)
        if (bits & (1u << b))
            seq->items[seq->n++] = text(t, oy_wander_key_names[b]);
    return seq;
}

static oy_ynode *key_list(tree *t, const oy_wander_key *keys, size_t n)
{
    oy_ynode *seq = take(t, sizeof *seq);

    if (!seq || (n && !(seq->items = take(t, n * sizeof *seq->items))))
        return NULL;
    seq->type = OY_YSEQ;
    for (size_t i = 0; i < n; i++) {
        const oy_wander_key *k = &keys[i];
        oy_ynode *m = map_copy(t, NULL, 3);
        map_set(t, m, "at", seconds_text(t, k->at), -1);
        map_set(t, m, k->press ? "press" : "hold", key_set(t, k->keys), -1);
        if (!k->press)
            map_set(t, m, "for", seconds_text(t, k->hold_for), -1);
        seq->items[seq->n++] = m;
    }
    return seq;
}

int oy_record_write(const oy_record *r, FILE *f, const oy_wander_key *keys, size_t n,
                    double seconds)
{
    const oy_ynode *root = oy_ydoc_root(r->doc), *world = oy_ymap_get(root, "world");
    tree t = { 0 };
    oy_ynode *top, *sub;
    char seed[24];

    if (oy_arena_init(&t.a, ((size_t)root->n + 64) * 1024 + n * 2048))
        return OYSTER_E_NOMEM;
    top = map_copy(&t, root, 3);
    /* what the file name or the command line gave, written out */
    map_set(&t, top, "title", text(&t, r->title), 1);
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)r->seed);
    map_set(&t, top, "seed", text(&t, seed), 2);
    sub = map_copy(&t, oy_ymap_get(root, "output"), 1);
    map_set(&t, sub, "duration", seconds_text(&t, seconds), -1);
    map_set(&t, top, "output", sub, -1);
    if (r->image || r->vocabulary) {
        sub = map_copy(&t, world, 0);
        if (r->image)
            map_set(&t, sub, "image", text(&t, r->image), -1);
        if (r->vocabulary)
            map_set(&t, sub, "vocabulary", text(&t, r->vocabulary), -1);
        map_set(&t, top, "world", sub, -1);
    }
    sub = map_copy(&t, oy_ymap_get(root, "wander"), 1);
    map_set(&t, sub, "keys", key_list(&t, keys, n), -1);
    map_set(&t, top, "wander", sub, -1);
    if (!t.full)
        oy_yemit(f, top);
    oy_arena_release(&t.a);
    return t.full ? OYSTER_E_NOMEM : 0;
}
