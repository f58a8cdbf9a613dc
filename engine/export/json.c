/*
 * json.c - JSON text for the exports and the diff report: strings with
 * their escapes, numbers that are never NaN or infinite.
 */
#include <math.h>

#include "../core/core.h"
#include "export.h"

void oy_json_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    oy_quote(f, s);
}

void oy_json_num(FILE *f, double v, const char *fmt)
{
    if (isfinite(v))
        fprintf(f, fmt, v);
    else
        fputs("null", f);
}
