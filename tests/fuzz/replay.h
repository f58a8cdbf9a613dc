/*
 * replay.h - the plain main() of every fuzz target: without libFuzzer,
 * replay the files named on the command line through the target and print
 * one PASS line per file (a file passes when the target returns at all).
 */
#ifndef OY_FUZZ_REPLAY_H
#define OY_FUZZ_REPLAY_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "script/ydoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef OY_LIBFUZZER
static int fuzz_replay(const char *name, int argc, char **argv)
{
    oy_log log = { NULL, NULL, 0, 0 };
    int failed = 0;

    for (int i = 1; i < argc; i++) {
        char *data;
        size_t len;
        /* read past the loaders' limits so oversized inputs reach them too */
        if (oy_read_file(argv[i], 4u << 20, &data, &len, &log) < 0) {
            printf("FAIL %s: %s (unreadable)\n", name, argv[i]);
            failed = 1;
            continue;
        }
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        free(data);
        printf("PASS %s: %s\n", name, argv[i]);
    }
    return failed;
}
#endif

#endif
