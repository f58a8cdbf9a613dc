/*
 * nearest.c - "did you mean" hints for mistyped commands, options and
 * values: the candidate at the smallest edit distance, if that distance
 * is small for the word's length.
 */
#include <string.h>

#include "cli.h"

#define MAX_WORD 64

/* Levenshtein distance over two rows; words longer than MAX_WORD are
 * never typos of a command or option name. */
static int distance(const char *a, const char *b)
{
    int row[2][MAX_WORD + 1];
    size_t la = strlen(a), lb = strlen(b);

    if (la > MAX_WORD || lb > MAX_WORD)
        return MAX_WORD;
    for (size_t j = 0; j <= lb; j++)
        row[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int *prev = row[(i - 1) & 1], *cur = row[i & 1];
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
    }
    return row[la & 1][lb];
}

const char *cli_nearest(const char *word, const char *const *candidates, int n)
{
    const char *best = NULL;
    int best_d = MAX_WORD, limit = strlen(word) <= 4 ? 1 : 2;

    for (int i = 0; i < n; i++) {
        int d = distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best_d <= limit ? best : NULL;
}
