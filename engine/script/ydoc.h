/*
 * ydoc - a YAML document as a plain tree with source marks, loaded with
 * libyaml under oyster's limits (oyster-shot(5) LIMITS: file <= 1 MiB, nesting <= 64,
 * aliases expanding to <= 10 000 nodes). Both the shot loader and the
 * concept bank (lang/) read YAML through this, so libyaml stays in script/.
 */
#ifndef OY_YDOC_H
#define OY_YDOC_H

#include <stddef.h>
#include <stdio.h>

#include "script.h"

enum oy_ynode_type { OY_YSCALAR, OY_YSEQ, OY_YMAP };

typedef struct oy_ynode oy_ynode;
struct oy_ynode {
    int type;
    oy_mark mark;              /* 1-based line:col of the node; an alias
                                  shares its anchor's node and mark */
    const char *scalar;        /* OY_YSCALAR: the text (never NULL) */
    int quoted;                /* scalar was quoted in the source */
    int n;                     /* OY_YSEQ: items; OY_YMAP: pairs */
    oy_ynode **items;          /* OY_YSEQ: n items */
    oy_ynode **keys, **values; /* OY_YMAP: n pairs, in file order */
};

typedef struct oy_ydoc oy_ydoc;

/* Load one document. name is used in messages. Errors (syntax, limits,
 * empty input) are reported through log; returns OYSTER_E_INPUT. */
int oy_ydoc_load(oy_ydoc **out, const char *name, const char *data,
                 size_t len, oy_log *log);
const oy_ynode *oy_ydoc_root(const oy_ydoc *d);
void oy_ydoc_free(oy_ydoc **d);

/* Read a whole regular file of at most max bytes (errors reported, named). */
int oy_read_file(const char *path, size_t max, char **data, size_t *len,
                 oy_log *log);

/* Value of key in a map, or NULL. */
const oy_ynode *oy_ymap_get(const oy_ynode *map, const char *key);

/* Write the tree at root as YAML that loads as the same tree (yemit.c):
 * block style, scalars plain where safe, else double-quoted. */
void oy_yemit(FILE *f, const oy_ynode *root);

#endif
