/*
 * fuzz_script.c - fuzz target for the shot-script loader. Built with
 * -DOY_LIBFUZZER it is a libFuzzer target; otherwise main() replays the
 * files named on the command line (the seed corpus in `make check`), and a
 * file passes when loading it returns at all, accepted or rejected.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "script/script.h"
#include "script/ydoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oy_log log = { NULL, NULL, 0, 0 };
    oy_script *s = NULL;

    if (oy_script_load_mem(&s, "fuzz/shot.yaml", (const char *)data, size, NULL, &log) == 0)
        oy_script_free(&s);
    return 0;
}

#ifndef OY_LIBFUZZER
int main(int argc, char **argv)
{
    oy_log log = { NULL, NULL, 0, 0 };
    int failed = 0;

    for (int i = 1; i < argc; i++) {
        char *data;
        size_t len;
        /* read past the loader's limit so oversized inputs reach it too */
        if (oy_read_file(argv[i], 4u << 20, &data, &len, &log) < 0) {
            printf("FAIL fuzz_script: %s (unreadable)\n", argv[i]);
            failed = 1;
            continue;
        }
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        free(data);
        printf("PASS fuzz_script: %s\n", argv[i]);
    }
    return failed;
}
#endif
