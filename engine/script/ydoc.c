/*
 * ydoc.c - YAML text to an oy_ynode tree with 1-based marks, built from
 * libyaml's event stream so that every limit (size, nesting, alias
 * expansion) is enforced as the events arrive: a hostile file fails at the
 * first event past a limit instead of after it has been expanded. Aliases
 * share the anchored subtree rather than copying it, so memory stays
 * proportional to the input; their expanded size is what is counted.
 * The text must be UTF-8, and tags other than YAML's plain types are
 * refused: nothing in oyster reads them, so they would be ignored silently.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "ydoc.h"

#define MAX_BYTES    (1u << 20)
#define MAX_DEPTH    64
#define MAX_EXPANDED 10000
#define ANCHOR_BUCKETS 4096

/* All nodes, strings and item arrays of a document live in these blocks
 * and are released together. */
typedef struct yblock {
    struct yblock *next;
    size_t used, size;
    max_align_t data[];
} yblock;

typedef struct anchor {
    struct anchor *next;
    const char *name;
    oy_ynode *node;
    size_t weight;
} anchor;

/* An open sequence or mapping: its children so far, and the number of
 * nodes it stands for once aliases are expanded. */
typedef struct frame {
    oy_ynode *node;
    char *anchor;
    oy_ynode **kids;
    size_t nkids, cap;
    size_t weight;
} frame;

struct oy_ydoc {
    oy_ynode *root;
    yblock *blocks;
};

typedef struct builder {
    oy_ydoc *doc;
    const char *name;
    oy_log *log;
    int errors;
    frame stack[MAX_DEPTH + 1];
    int depth;
    size_t root_weight;
    size_t expanded;          /* nodes added by alias expansion so far */
    anchor *anchors[ANCHOR_BUCKETS];
} builder;

static void *balloc(oy_ydoc *d, size_t n)
{
    const size_t align = sizeof(max_align_t);
    yblock *b = d->blocks;

    n = (n + align - 1) / align * align;
    if (!b || b->size - b->used < n) {
        size_t size = n > 65536 ? n : 65536;
        b = malloc(sizeof *b + size);
        if (!b)
            return NULL;
        b->size = size;
        b->used = 0;
        b->next = d->blocks;
        d->blocks = b;
    }
    b->used += n;
    return (unsigned char *)b->data + b->used - n;
}

static char *bstrdup(oy_ydoc *d, const char *s, size_t n)
{
    char *p = balloc(d, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

static void err_at(builder *b, yaml_mark_t m, const char *hint,
                   const char *msg, const char *arg)
{
    oy_diag(b->log, OYSTER_ERROR, b->name, (int)m.line + 1, (int)m.column + 1,
            hint, msg, arg);
    b->errors++;
}

/* The core tags name what oyster reads anyway ("!!int 5" is 5); the
 * non-specific "!" forces text, which the loaders accept as given. */
#define CORE_TAG "tag:yaml.org,2002:"
#define CORE_TAG_LEN (sizeof CORE_TAG - 1)

static int known_tag(const char *tag)
{
    static const char *const core[] = {
        "str", "int", "float", "bool", "null", "map", "seq", NULL
    };

    if (!tag || !strcmp(tag, "!"))
        return 1;
    if (strncmp(tag, CORE_TAG, CORE_TAG_LEN))
        return 0;
    for (int i = 0; core[i]; i++)
        if (!strcmp(tag + CORE_TAG_LEN, core[i]))
            return 1;
    return 0;
}

static void check_tag(builder *b, const yaml_char_t *tag, yaml_mark_t m)
{
    const char *t = (const char *)tag;
    char shown[128];

    if (known_tag(t))
        return;
    if (!strncmp(t, CORE_TAG, CORE_TAG_LEN))
        snprintf(shown, sizeof shown, "!!%s", t + CORE_TAG_LEN);
    else
        snprintf(shown, sizeof shown, "%s", t);
    err_at(b, m, "remove the tag; only !!str, !!int, !!float, !!bool, !!null, !!seq "
           "and !!map may be written", "unsupported YAML tag '%s'", shown);
}

/* libyaml would decode UTF-16 after its byte order mark. */
static int utf16_bom(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    return len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe));
}

static size_t anchor_bucket(const char *name)
{
    return (size_t)(oy_hash_str(0, name) & (ANCHOR_BUCKETS - 1));
}

static int anchor_add(builder *b, const char *name, oy_ynode *node, size_t weight)
{
    anchor *a = balloc(b->doc, sizeof *a);
    size_t h = anchor_bucket(name);

    if (!a || !(a->name = bstrdup(b->doc, name, strlen(name))))
        return OYSTER_E_NOMEM;
    a->node = node;
    a->weight = weight;
    a->next = b->anchors[h];   /* a redefinition shadows the earlier one */
    b->anchors[h] = a;
    return 0;
}

static const anchor *anchor_find(const builder *b, const char *name)
{
    for (const anchor *a = b->anchors[anchor_bucket(name)]; a; a = a->next)
        if (!strcmp(a->name, name))
            return a;
    return NULL;
}

/* Hand a finished node to its parent (or make it the root). */
static int attach(builder *b, oy_ynode *node, size_t weight)
{
    frame *f;

    if (b->depth == 0) {
        b->doc->root = node;
        b->root_weight = weight;
        return 0;
    }
    f = &b->stack[b->depth - 1];
    if (oy_grow(&f->kids, &f->cap, f->nkids + 1, sizeof *f->kids) < 0)
        return OYSTER_E_NOMEM;
    f->kids[f->nkids++] = node;
    f->weight += weight;
    return 0;
}

static oy_ynode *new_node(builder *b, int type, yaml_mark_t m)
{
    oy_ynode *n = balloc(b->doc, sizeof *n);
    if (n) {
        memset(n, 0, sizeof *n);
        n->type = type;
        n->mark.line = (int)m.line + 1;
        n->mark.col = (int)m.column + 1;
    }
    return n;
}

static int cmp_key(const void *pa, const void *pb)
{
    const oy_ynode *const *a = pa, *const *b = pb;
    int c = strcmp((*a)->scalar, (*b)->scalar);
    if (c)
        return c;
    /* equal keys: the one written later sorts after, and is the duplicate */
    return (*a)->mark.line != (*b)->mark.line ? (*a)->mark.line - (*b)->mark.line
                                              : (*a)->mark.col - (*b)->mark.col;
}

/* Keys must be text and unique; both mistakes are reported at the key. */
static int check_keys(builder *b, oy_ynode *map)
{
    oy_ynode **sorted;
    int n = 0;

    for (int i = 0; i < map->n; i++) {
        if (map->keys[i]->type != OY_YSCALAR) {
            oy_diag(b->log, OYSTER_ERROR, b->name, map->keys[i]->mark.line,
                    map->keys[i]->mark.col, NULL, "a key must be plain text, not a %s",
                    map->keys[i]->type == OY_YMAP ? "map" : "list");
            b->errors++;
            return 0;
        }
    }
    if (map->n < 2)
        return 0;
    sorted = malloc((size_t)map->n * sizeof *sorted);
    if (!sorted)
        return OYSTER_E_NOMEM;
    memcpy(sorted, map->keys, (size_t)map->n * sizeof *sorted);
    qsort(sorted, (size_t)map->n, sizeof *sorted, cmp_key);
    for (int i = 1; i < map->n; i++) {
        if (strcmp(sorted[i - 1]->scalar, sorted[i]->scalar))
            continue;
        if (n++ < OY_MAX_ERRORS) {
            oy_diag(b->log, OYSTER_ERROR, b->name, sorted[i]->mark.line,
                    sorted[i]->mark.col, NULL, "duplicate key '%s'", sorted[i]->scalar);
            b->errors++;
        }
    }
    free(sorted);
    return 0;
}

static int open_collection(builder *b, const yaml_event_t *ev, int type)
{
    const yaml_char_t *anc = type == OY_YMAP ? ev->data.mapping_start.anchor
                                             : ev->data.sequence_start.anchor;
    frame *f;

    check_tag(b, type == OY_YMAP ? ev->data.mapping_start.tag : ev->data.sequence_start.tag,
              ev->start_mark);

    if (b->depth >= MAX_DEPTH) {
        err_at(b, ev->start_mark, "flatten the structure",
               "nesting is deeper than %s levels", "64");
        return OYSTER_E_INPUT;
    }
    f = &b->stack[b->depth];
    f->node = new_node(b, type, ev->start_mark);
    f->anchor = anc ? bstrdup(b->doc, (const char *)anc, strlen((const char *)anc)) : NULL;
    if (!f->node || (anc && !f->anchor))
        return OYSTER_E_NOMEM;
    f->nkids = 0;
    f->weight = 1;
    b->depth++;
    return 0;
}

static int close_collection(builder *b)
{
    frame *f = &b->stack[--b->depth];
    oy_ynode *node = f->node;
    size_t bytes = f->nkids * sizeof *f->kids;
    int ret;

    if (node->type == OY_YSEQ) {
        node->n = (int)f->nkids;
        if (f->nkids && !(node->items = balloc(b->doc, bytes)))
            return OYSTER_E_NOMEM;
        if (f->nkids)
            memcpy(node->items, f->kids, bytes);
    } else {
        node->n = (int)(f->nkids / 2);
        if (node->n) {
            node->keys = balloc(b->doc, bytes / 2);
            node->values = balloc(b->doc, bytes / 2);
            if (!node->keys || !node->values)
                return OYSTER_E_NOMEM;
            for (int i = 0; i < node->n; i++) {
                node->keys[i] = f->kids[2 * i];
                node->values[i] = f->kids[2 * i + 1];
            }
        }
        if ((ret = check_keys(b, node)) < 0)
            return ret;
    }
    if (f->anchor && (ret = anchor_add(b, f->anchor, node, f->weight)) < 0)
        return ret;
    return attach(b, node, f->weight);
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    oy_ynode *node = new_node(b, OY_YSCALAR, ev->start_mark);
    const char *anc = (const char *)ev->data.scalar.anchor;
    int ret;

    if (!node)
        return OYSTER_E_NOMEM;
    check_tag(b, ev->data.scalar.tag, ev->start_mark);
    node->scalar = bstrdup(b->doc, (const char *)ev->data.scalar.value,
                           ev->data.scalar.length);
    if (!node->scalar)
        return OYSTER_E_NOMEM;
    node->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    if (anc && (ret = anchor_add(b, anc, node, 1)) < 0)
        return ret;
    return attach(b, node, 1);
}

static int on_alias(builder *b, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    const anchor *a = anchor_find(b, name);

    /* An anchor is registered when its node is complete, so an alias
     * inside its own anchor is unknown here: no cycles can form. */
    if (!a) {
        err_at(b, ev->start_mark, NULL, "unknown anchor '%s'", name);
        return OYSTER_E_INPUT;
    }
    if (a->weight > MAX_EXPANDED - b->expanded) {
        err_at(b, ev->start_mark, "use fewer or smaller aliases",
               "YAML aliases expand to more than %s nodes", "10000");
        return OYSTER_E_INPUT;
    }
    b->expanded += a->weight;
    return attach(b, a->node, a->weight);
}

static void parser_error(builder *b, const yaml_parser_t *p,
                         const char *data, size_t len)
{
    const char *problem = p->problem ? p->problem : "malformed YAML";

    if (p->error == YAML_MEMORY_ERROR)
        return;
    if (p->error == YAML_READER_ERROR) {
        /* the reader reports a byte offset: turn it into line:col */
        int line = 1, col = 1;
        for (size_t i = 0; i < p->problem_offset && i < len; i++) {
            if (data[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)data[i] & 0xc0) != 0x80) {
                col++;
            }
        }
        oy_diag(b->log, OYSTER_ERROR, b->name, line, col, "the file must be UTF-8 text",
                "%s (byte %zu)", problem, p->problem_offset);
    } else if (p->context) {
        oy_diag(b->log, OYSTER_ERROR, b->name, (int)p->problem_mark.line + 1,
                (int)p->problem_mark.column + 1, NULL, "%s %s (line %d)", problem,
                p->context, (int)p->context_mark.line + 1);
    } else {
        oy_diag(b->log, OYSTER_ERROR, b->name, (int)p->problem_mark.line + 1,
                (int)p->problem_mark.column + 1, NULL, "%s", problem);
    }
    b->errors++;
}

static int handle(builder *b, const yaml_event_t *ev, int *ndocs, int *done)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++*ndocs > 1) {
            err_at(b, ev->start_mark, "split the documents into separate files",
                   "more than one YAML document in '%s'", b->name);
            return OYSTER_E_INPUT;
        }
        return 0;
    case YAML_STREAM_END_EVENT:
        *done = 1;
        return 0;
    case YAML_SCALAR_EVENT:         return on_scalar(b, ev);
    case YAML_ALIAS_EVENT:          return on_alias(b, ev);
    case YAML_SEQUENCE_START_EVENT: return open_collection(b, ev, OY_YSEQ);
    case YAML_MAPPING_START_EVENT:  return open_collection(b, ev, OY_YMAP);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:    return close_collection(b);
    default:                        return 0;
    }
}

int oy_ydoc_load(oy_ydoc **out, const char *name, const char *data,
                 size_t len, oy_log *log)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    builder *b;
    oy_ydoc *doc;
    int ret = 0, ndocs = 0, done = 0;

    if (len > MAX_BYTES) {
        oy_diag(log, OYSTER_ERROR, name, 0, 0, NULL,
                "'%s' is larger than 1 MiB (%zu bytes)", name, len);
        return OYSTER_E_INPUT;
    }
    if (utf16_bom(data, len)) {
        oy_diag(log, OYSTER_ERROR, name, 1, 1, "save it as UTF-8",
                "'%s' is UTF-16 text, not UTF-8", name);
        return OYSTER_E_INPUT;
    }
    doc = calloc(1, sizeof *doc);
    b = calloc(1, sizeof *b);
    if (!doc || !b || !yaml_parser_initialize(&parser)) {
        free(doc);
        free(b);
        return OYSTER_E_NOMEM;
    }
    b->doc = doc;
    b->name = name;
    b->log = log;
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    while (!done) {
        if (!yaml_parser_parse(&parser, &ev)) {
            parser_error(b, &parser, data, len);
            ret = parser.error == YAML_MEMORY_ERROR ? OYSTER_E_NOMEM : OYSTER_E_INPUT;
            break;
        }
        ret = handle(b, &ev, &ndocs, &done);
        yaml_event_delete(&ev);
        if (ret < 0)
            break;
    }
    yaml_parser_delete(&parser);
    for (int i = 0; i <= MAX_DEPTH; i++)
        free(b->stack[i].kids);
    if (ret == 0 && !doc->root) {
        oy_diag(log, OYSTER_ERROR, name, 0, 0, NULL, "'%s' is empty", name);
        b->errors++;
    }
    if (ret == 0 && b->errors)
        ret = OYSTER_E_INPUT;
    free(b);
    if (ret < 0) {
        oy_ydoc_free(&doc);
        return ret;
    }
    *out = doc;
    return 0;
}

const oy_ynode *oy_ydoc_root(const oy_ydoc *d)
{
    return d->root;
}

void oy_ydoc_free(oy_ydoc **d)
{
    yblock *b, *next;

    if (!*d)
        return;
    for (b = (*d)->blocks; b; b = next) {
        next = b->next;
        free(b);
    }
    free(*d);
    *d = NULL;
}

const oy_ynode *oy_ymap_get(const oy_ynode *map, const char *key)
{
    if (!map || map->type != OY_YMAP)
        return NULL;
    for (int i = 0; i < map->n; i++)
        if (map->keys[i]->type == OY_YSCALAR && !strcmp(map->keys[i]->scalar, key))
            return map->values[i];
    return NULL;
}

int oy_read_file(const char *path, size_t max, char **data, size_t *len,
                 oy_log *log)
{
    struct stat st;
    char *buf = NULL;
    size_t n = 0;
    int fd, ret;

    if ((ret = oy_input_file(log, "", path)) < 0)
        return ret;
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot open '%s': %s",
                path, strerror(errno));
        return OYSTER_E_INPUT;
    }
    /* refuse a large file before reading it; one that grows meanwhile is
     * cut off one byte past the limit below */
    if (fstat(fd, &st) == 0 && (uint64_t)st.st_size > max)
        goto too_large;
    if (!(buf = malloc(max + 2))) {
        ret = OYSTER_E_NOMEM;
        goto fail;
    }
    while (n <= max) {
        ssize_t r = read(fd, buf + n, max + 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            ret = -errno;
            oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot read '%s': %s",
                    path, strerror(errno));
            goto fail;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > max)
        goto too_large;
    buf[n] = 0;
    close(fd);
    *data = buf;
    *len = n;
    return 0;
too_large:
    if (max % (1u << 20) == 0)
        oy_diag(log, OYSTER_ERROR, path, 0, 0, NULL, "'%s' is larger than %zu MiB",
                path, max >> 20);
    else
        oy_diag(log, OYSTER_ERROR, path, 0, 0, NULL, "'%s' is larger than %zu bytes",
                path, max);
    ret = OYSTER_E_INPUT;
fail:
    free(buf);
    close(fd);
    return ret;
}
