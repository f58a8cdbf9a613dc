/*
 * diag.c - diagnostics: formatting messages for the log callback, error
 * strings, the edit distance behind "did you mean" hints, a log that
 * locates messages at the script key behind them, and the one
 * place the engine writes to stderr itself: a broken invariant
 * (oy_assert), just before it aborts.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

void oy_diag(oy_log *log, int level, const char *file, int line, int col,
             const char *hint, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    oyster_diag d;

    if (!log)
        return;
    if (level == OYSTER_ERROR && log->errors++ >= OY_MAX_ERRORS)
        return;
    if (level == OYSTER_WARNING)
        log->warnings++;
    if (!log->fn)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d.level = level;
    d.file = file;
    d.line = line;
    d.col = col;
    d.msg = msg;
    d.hint = hint;
    log->fn(log->opaque, &d);
}

static void log_at_fn(void *opaque, const oyster_diag *d)
{
    const oy_log_at *a = opaque;

    if (d->line > 0)
        oy_diag(a->inner, d->level, d->file, d->line, d->col, d->hint, "%s", d->msg);
    else
        oy_diag(a->inner, d->level, a->file, a->line, a->col, d->hint, "%s", d->msg);
}

void oy_log_at_init(oy_log_at *a, oy_log *inner, const char *file, int line, int col)
{
    a->log = (oy_log){ log_at_fn, a, 0, 0 };
    a->inner = inner;
    a->file = file;
    a->line = line;
    a->col = col;
}

const char *oyster_strerror(int err)
{
    switch (err) {
    case 0: return "success";
    case OYSTER_E_INPUT: return "invalid input";
    case OYSTER_E_UNSUPPORTED: return "not supported in this version";
    case OYSTER_E_ENCODER: return "encoder error";
    case OYSTER_E_INTERRUPTED: return "interrupted";
    case OYSTER_E_EXISTS: return "output exists";
    case OYSTER_E_NOMEM: return "out of memory";
    case OYSTER_E_INTERNAL: return "internal error";
    case -EPIPE: return "output closed";    /* the reader of a pipe went away */
    }
    if (err < 0 && err > -4096)
        return strerror(-err);
    return "unknown error";
}

int oyster_error_is_input(int err)
{
    return err == OYSTER_E_INPUT || err == OYSTER_E_UNSUPPORTED ||
           err == OYSTER_E_EXISTS;
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

int oy_edit_distance(const char *a, const char *b, int max)
{
    size_t la = strlen(a), lb = strlen(b);
    int row[65];

    if (la > 64 || lb > 64)
        return max + 1;
    if ((int)(la > lb ? la - lb : lb - la) > max)
        return max + 1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0], best;
        row[0] = (int)i;
        best = row[0];
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int cost = lower((unsigned char)a[i - 1]) != lower((unsigned char)b[j - 1]);
            int v = diag + cost;
            if (up + 1 < v) v = up + 1;
            if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best) best = v;
        }
        if (best > max)
            return max + 1;
    }
    return row[lb] > max ? max + 1 : row[lb];
}

int oyster_edit_distance(const char *a, const char *b, int max)
{
    return oy_edit_distance(a, b, max);
}

_Noreturn void oy_assert_fail(const char *cond, const char *file, int line)
{
    fprintf(stderr, "oyster: %s:%d: internal error: '%s' does not hold\n", file, line, cond);
    abort();
}
