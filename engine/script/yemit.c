/*
 * yemit.c - a tree of ydoc nodes written back as YAML that oy_ydoc_load
 * reads as the same tree: block maps and lists, each scalar plain where
 * that cannot read back as other text (a conservative set of characters),
 * else double-quoted (oy_quote); an unquoted null stays a null.
 * Comments, anchors and the source's layout are not kept.
 */
#include <string.h>

#include "ydoc.h"

static int is_null_word(const char *s)
{
    return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
}

static int alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Text that reads back as itself when written plain, in block context. */
static int plain_ok(const char *s)
{
    size_t n = strlen(s);

    if (!n || s[n - 1] == ' ' || s[n - 1] == ':' || is_null_word(s))
        return 0;
    /* no indicator first, no document marker ("---", "...") */
    if (!(alnum(s[0]) || s[0] == '_' || s[0] == '/' || s[0] == '(' || s[0] == '+' ||
          (s[0] == '.' && s[1] != '.') || (s[0] == '-' && s[1] && s[1] != ' ' && s[1] != '-')))
        return 0;
    for (const char *p = s; *p; p++)
        if (!(alnum(*p) || strchr(" ._/+-:()',%", *p)) || (*p == ':' && p[1] == ' '))
            return 0;
    return 1;
}

static void scalar(FILE *f, const oy_ynode *n)
{
    if (!n->quoted && is_null_word(n->scalar))
        fputs(n->scalar, f);
    else if (plain_ok(n->scalar))
        fputs(n->scalar, f);
    else
        oy_quote(f, n->scalar);
}

static void block(FILE *f, const oy_ynode *n, int indent, int inline_first);

/* The value after "key:" or "-": on this line when it is a scalar or
 * empty, else on the lines below at indent. */
static void value(FILE *f, const oy_ynode *n, int indent)
{
    if (n->type == OY_YSCALAR) {
        if (*n->scalar || n->quoted)
            fputc(' ', f);
        scalar(f, n);
        fputc('\n', f);
    } else if (!n->n) {
        fputs(n->type == OY_YMAP ? " {}\n" : " []\n", f);
    } else {
        fputc('\n', f);
        block(f, n, indent, 0);
    }
}

/* A map or list of at least one entry at indent; with inline_first its
 * first line continues the current one (after "- "). */
static void block(FILE *f, const oy_ynode *n, int indent, int inline_first)
{
    for (int i = 0; i < n->n; i++) {
        if (i || !inline_first)
            fprintf(f, "%*s", indent, "");
        if (n->type == OY_YMAP) {
            scalar(f, n->keys[i]);
            fputc(':', f);
            value(f, n->values[i], indent + 2);
        } else if (n->items[i]->type == OY_YMAP && n->items[i]->n) {
            fputs("- ", f);
            block(f, n->items[i], indent + 2, 1);
        } else {
            fputc('-', f);
            value(f, n->items[i], indent + 2);
        }
    }
}

void oy_yemit(FILE *f, const oy_ynode *root)
{
    if (root->type == OY_YSCALAR || !root->n) {
        value(f, root, 0);
        return;
    }
    block(f, root, 0, 0);
}
