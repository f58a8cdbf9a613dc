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
#include "replay.h"

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
    return fuzz_replay("fuzz_script", argc, argv);
}
#endif
