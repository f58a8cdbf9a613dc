/*
 * quote.c - a string between double quotes that JSON (RFC 8259) and
 * YAML (1.2, double-quoted scalars) both read back as the same text:
 * quotes and backslashes escaped, control characters, DEL, the C1 block
 * (NEL among them), the line and paragraph separators and the byte order
 * mark as \uXXXX, everything else (UTF-8 included) as it is.
 */
#include <stdio.h>

#include "core.h"

void oy_quote(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '\t')
            fputs("\\t", f);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\u%04x", *p);
        else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
            fprintf(f, "\\u%04x", p[1]), p++;
        else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
            fprintf(f, "\\u%04x", 0x2000 + p[2] - 0x80), p += 2;
        else if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
            fputs("\\ufeff", f), p += 2;
        else
            fputc(*p, f);
    }
    fputc('"', f);
}
