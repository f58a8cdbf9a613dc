/*
 * schema.c - typed readers over ydoc nodes. Each one checks the node's
 * shape, type and range and, when it is wrong, reports one error at the
 * node's line:col that names the key and says what was expected. Every
 * scalar is read as text and parsed here, so YAML 1.1's implicit typing
 * (1:30 as sexagesimal, "no" as false) never gets in the way.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

static const char *const type_names[] = { "text", "list", "map" };

const char oy_script_time_hint[] =
    "a time is seconds (12, 1.5, 12s), 250ms, 2m, 1:30, SMPTE HH:MM:SS:FF or frames (120f)";

void oy_script_err(oy_sctx *c, const oy_ynode *at, const char *hint,
                   const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    oy_diag(c->log, OYSTER_ERROR, c->file, at ? at->mark.line : 0,
            at ? at->mark.col : 0, hint, "%s", msg);
    c->errors++;
}

void oy_script_warn(oy_sctx *c, const oy_ynode *at, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    oy_diag(c->log, OYSTER_WARNING, c->file, at ? at->mark.line : 0,
            at ? at->mark.col : 0, NULL, "%s", msg);
}

const char *oy_script_suggest(char *buf, size_t size, const char *word,
                              const char *const *names)
{
    const char *best = NULL;
    int best_d = 3;

    for (; *names; names++) {
        int d = oy_edit_distance(word, *names, 2);
        if (d < best_d) {
            best_d = d;
            best = *names;
        }
    }
    if (!best)
        return NULL;
    snprintf(buf, size, "did you mean '%s'?", best);
    return buf;
}

char *oy_script_strdup(oy_sctx *c, const char *s)
{
    char *d = oy_strdup(s);
    if (!d)
        c->nomem = 1;
    return d;
}

const oy_ynode *oy_script_key_node(const oy_ynode *map, const char *key)
{
    for (int i = 0; i < map->n; i++)
        if (!strcmp(map->keys[i]->scalar, key))
            return map->keys[i];
    return NULL;
}

int oy_script_map(oy_sctx *c, const oy_ynode *n, const char *name)
{
    if (n->type == OY_YMAP)
        return 0;
    oy_script_err(c, n, NULL, "'%s' must be a map of keys, not %s", name,
                  n->type == OY_YSEQ ? "a list" : "text");
    return -1;
}

int oy_script_keys(oy_sctx *c, const oy_ynode *map, const char *section,
                   const char *const *allowed)
{
    int bad = 0;

    for (int i = 0; i < map->n; i++) {
        const char *k = map->keys[i]->scalar;
        const char *const *a;
        char hint[96];

        for (a = allowed; *a && strcmp(*a, k); a++)
            ;
        if (*a)
            continue;
        if (section)
            oy_script_err(c, map->keys[i], oy_script_suggest(hint, sizeof hint, k, allowed),
                          "unknown key '%s' in '%s'", k, section);
        else
            oy_script_err(c, map->keys[i], oy_script_suggest(hint, sizeof hint, k, allowed),
                          "unknown top-level key '%s'", k);
        bad = -1;
    }
    return bad;
}

static int is_null(const oy_ynode *n)
{
    return n->type == OY_YSCALAR && !n->quoted &&
           (!n->scalar[0] || !strcmp(n->scalar, "~") || !strcmp(n->scalar, "null") ||
            !strcmp(n->scalar, "Null") || !strcmp(n->scalar, "NULL"));
}

const char *oy_script_scalar(oy_sctx *c, const oy_ynode *n, const char *name,
                             const char *what)
{
    if (is_null(n)) {
        oy_script_err(c, n, NULL, "'%s' has no value (expected %s)", name, what);
        return NULL;
    }
    if (n->type != OY_YSCALAR) {
        oy_script_err(c, n, NULL, "'%s' must be %s, not a %s", name, what,
                      type_names[n->type]);
        return NULL;
    }
    return n->scalar;
}

const oy_ynode *const *oy_script_items(const oy_ynode *const *n, int *count)
{
    if ((*n)->type == OY_YSEQ) {
        *count = (*n)->n;
        return (const oy_ynode *const *)(*n)->items;
    }
    *count = 1;
    return n;
}

int oy_script_text(oy_sctx *c, const oy_ynode *n, const char *name, oy_text *out)
{
    const char *s = oy_script_scalar(c, n, name, "text");

    if (!s)
        return -1;
    free(out->s);
    out->s = oy_script_strdup(c, s);
    out->mark = n->mark;
    return out->s ? 0 : -1;
}

/* "a number from 1 to 4", "a number >= 0" or "a number". */
static void range_text(char *buf, size_t size, const char *what, double lo, double hi)
{
    if (lo > -OY_NO_LIMIT && hi < OY_NO_LIMIT)
        snprintf(buf, size, "%s from %g to %g", what, lo, hi);
    else if (lo > -OY_NO_LIMIT)
        snprintf(buf, size, "%s >= %g", what, lo);
    else if (hi < OY_NO_LIMIT)
        snprintf(buf, size, "%s <= %g", what, hi);
    else
        snprintf(buf, size, "%s", what);
}

int oy_script_num(oy_sctx *c, const oy_ynode *n, const char *name,
                  double lo, double hi, double *out)
{
    char want[96];
    const char *s;
    double v;

    range_text(want, sizeof want, "a number", lo, hi);
    if (!(s = oy_script_scalar(c, n, name, want)))
        return -1;
    if (oy_script_number(s, &v) < 0 || v < lo || v > hi) {
        oy_script_err(c, n, NULL, "'%s' must be %s, not '%s'", name, want, s);
        return -1;
    }
    *out = v;
    return 0;
}

int oy_script_int(oy_sctx *c, const oy_ynode *n, const char *name,
                  int lo, int hi, int *out)
{
    char want[96];
    const char *s;
    double v;

    range_text(want, sizeof want, "a whole number", lo, hi);
    if (!(s = oy_script_scalar(c, n, name, want)))
        return -1;
    if (oy_script_number(s, &v) < 0 || v != floor(v) || v < lo || v > hi) {
        oy_script_err(c, n, NULL, "'%s' must be %s, not '%s'", name, want, s);
        return -1;
    }
    *out = (int)v;
    return 0;
}

int oy_script_bool(oy_sctx *c, const oy_ynode *n, const char *name, int *out)
{
    static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes", "YES",
                                       "on", "On", "ON", NULL };
    static const char *const no[] = { "false", "False", "FALSE", "no", "No", "NO",
                                      "off", "Off", "OFF", NULL };
    const char *s = oy_script_scalar(c, n, name, "true or false");

    if (!s)
        return -1;
    for (int i = 0; yes[i]; i++) {
        if (!strcmp(s, yes[i])) {
            *out = 1;
            return 0;
        }
        if (!strcmp(s, no[i])) {
            *out = 0;
            return 0;
        }
    }
    oy_script_err(c, n, NULL, "'%s' must be true or false, not '%s'", name, s);
    return -1;
}

int oy_script_enum(oy_sctx *c, const oy_ynode *n, const char *name,
                   const char *const *names, int *out)
{
    char list[256] = "", hint[96];
    const char *s;
    size_t len = 0;

    for (int i = 0; names[i]; i++)
        len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0,
                                "%s%s", i ? ", " : "", names[i]);
    if (!(s = oy_script_scalar(c, n, name, "one of the names")))
        return -1;
    for (int i = 0; names[i]; i++) {
        if (!strcmp(s, names[i])) {
            *out = i;
            return 0;
        }
    }
    oy_script_err(c, n, oy_script_suggest(hint, sizeof hint, s, names),
                  "'%s' must be one of %s, not '%s'", name, list, s);
    return -1;
}

int oy_script_vec(oy_sctx *c, const oy_ynode *n, const char *name,
                  int count, double *out)
{
    static const char *const forms[] = { "", "[x]", "[x, z]", "[x, y, z]" };
    double v[3];
    int bad = 0;

    if (n->type != OY_YSEQ || n->n != count) {
        oy_script_err(c, n, NULL, "'%s' must be a list of %d numbers %s", name,
                      count, forms[count]);
        return -1;
    }
    for (int i = 0; i < count; i++)
        if (oy_script_num(c, n->items[i], name, -OY_NO_LIMIT, OY_NO_LIMIT, &v[i]) < 0)
            bad = -1;
    if (!bad)
        memcpy(out, v, (size_t)count * sizeof *v);
    return bad;
}

int oy_script_place(oy_sctx *c, const oy_ynode *n, const char *name,
                    int count, double *out)
{
    double v[3];
    char shown[96];
    int len = 0, far = 0;

    if (oy_script_vec(c, n, name, count, v) < 0)
        return -1;
    for (int i = 0; i < count; i++)
        far |= fabs(v[i]) > OY_MAX_COORD;
    if (!far) {
        memcpy(out, v, (size_t)count * sizeof *v);
        return 0;
    }
    for (int i = 0; i < count; i++)
        len += snprintf(shown + len, sizeof shown - (size_t)len, "%s%g", i ? ", " : "[", v[i]);
    oy_script_err(c, n, "places are in metres within 1000 km of the origin",
                  "'%s' %s] is out of range", name, shown);
    return -1;
}

int oy_script_points(oy_sctx *c, const oy_ynode *n, const char *name, int max,
                      double (**out)[3], int *count)
{
    double (*p)[3];
    int bad = 0, np;

    if (n->type == OY_YSEQ && n->n == 0) {
        oy_script_err(c, n, "give a point [x, y, z] or a list of points [[x, y, z], ...]",
                      "'%s' is an empty list", name);
        return -1;
    }
    /* one point [x, y, z]: its first item is a number, not a list */
    np = n->type == OY_YSEQ && n->items[0]->type == OY_YSEQ ? n->n : 1;
    if (np > max) {
        oy_script_err(c, n, "split the path over several directives",
                      "too many points in '%s' (%d, the limit is %d)", name, np, max);
        return -1;
    }
    if (!(p = oy_calloc((size_t)np, sizeof *p))) {
        c->nomem = 1;
        return -1;
    }
    if (np == 1 && !(n->type == OY_YSEQ && n->items[0]->type == OY_YSEQ)) {
        bad = oy_script_vec(c, n, name, 3, p[0]);
    } else {
        for (int i = 0; i < np; i++) {
            const oy_ynode *q = n->items[i];
            if (q->type != OY_YSEQ || q->n != 3) {
                oy_script_err(c, q, NULL, "point %d of '%s' must be a list of 3 numbers [x, y, z]",
                              i + 1, name);
                bad = -1;
                continue;
            }
            if (oy_script_vec(c, q, name, 3, p[i]) < 0)
                bad = -1;
        }
    }
    if (bad) {
        free(p);
        return -1;
    }
    *out = p;
    *count = np;
    return 0;
}

int oy_script_time(oy_sctx *c, const oy_ynode *n, const char *name, double *out)
{
    const char *s = oy_script_scalar(c, n, name, "a time");

    if (!s)
        return -1;
    if (oy_time_parse(s, c->fps, out) < 0) {
        oy_script_err(c, n, oy_script_time_hint, "invalid time '%s' for '%s'", s, name);
        return -1;
    }
    return 0;
}

int oy_script_clock(oy_sctx *c, const oy_ynode *n, const char *name, double *hours)
{
    const char *s = oy_script_scalar(c, n, name, "a time of day");

    if (!s)
        return -1;
    if (oy_clock_parse(s, hours) < 0) {
        oy_script_err(c, n, "a time of day is \"HH:MM\" (00:00 to 24:00) or hours (0 to 24)",
                      "invalid time of day '%s' for '%s'", s, name);
        return -1;
    }
    return 0;
}

int oy_script_lens(oy_sctx *c, const oy_ynode *n, const char *name, double *mm)
{
    const char *s = oy_script_scalar(c, n, name, "a focal length");
    char num[64];
    size_t len;
    double v;

    if (!s)
        return -1;
    len = strlen(s);
    if (len > 2 && len < sizeof num && !strcmp(s + len - 2, "mm")) {
        memcpy(num, s, len - 2);
        num[len - 2] = 0;
        s = num;
    }
    if (oy_script_number(s, &v) < 0 || v < 1 || v > 2000) {
        oy_script_err(c, n, "a focal length is 1 to 2000 mm, e.g. 35mm or 35",
                      "invalid lens '%s' for '%s'", n->scalar, name);
        return -1;
    }
    *mm = v;
    return 0;
}
