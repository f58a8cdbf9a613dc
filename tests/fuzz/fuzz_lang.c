/*
 * fuzz_lang.c - fuzz target for the concept language's text parser: any
 * bytes as a say: text. Built with -DOY_LIBFUZZER it is a libFuzzer
 * target; otherwise main() replays the files named on the command line,
 * and a file passes when parsing it returns at all.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/lang.h"
#include "script/ydoc.h"
#include "replay.h"

static oy_bank *bank;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oy_log log = { NULL, NULL, 0, 0 };
    oy_parse p = { 0 };
    char *text;

    if (!bank && oy_bank_new(&bank, NULL, &log))
        abort();
    if (!(text = oy_strndup((const char *)data, size)))
        return 0;
    if (oy_lang_parse(bank, text, "fuzz.yaml", 1, 1, &log, &p) == 0) {
        float base[OY_CH_COUNT], target[OY_CH_COUNT];
        unsigned char mask[OY_CH_COUNT] = { 0 };
        for (int i = 0; i < OY_CH_COUNT; i++)
            base[i] = oy_channel_default(i);
        oy_parse_targets(&p, base, target, mask);
        oy_parse_release(&p);
    }
    free(text);
    return 0;
}

#ifndef OY_LIBFUZZER
int main(int argc, char **argv)
{
    int failed = fuzz_replay("fuzz_lang", argc, argv);
    oy_bank_free(&bank);
    return failed;
}
#endif
