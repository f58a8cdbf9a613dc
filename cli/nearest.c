/*
 * nearest.c - "did you mean" hints for mistyped commands, options and
 * values: the candidate at the smallest edit distance, if that distance
 * is small for the word's length.
 */
#include <string.h>

#include "cli.h"

const char *cli_nearest(const char *word, const char *const *candidates, int n)
{
    const char *best = NULL;
    int limit = strlen(word) <= 4 ? 1 : 2, best_d = limit + 1;

    for (int i = 0; i < n; i++) {
        int d = oyster_edit_distance(word, candidates[i], limit);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best_d <= limit ? best : NULL;
}
