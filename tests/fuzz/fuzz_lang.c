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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    oy_log log = { NULL, NULL, 0, 0 };
    int failed = 0;

    for (int i = 1; i < argc; i++) {
        char *data;
        size_t len;
        if (oy_read_file(argv[i], 4u << 20, &data, &len, &log) < 0) {
            printf("FAIL fuzz_lang: %s (unreadable)\n", argv[i]);
            failed = 1;
            continue;
        }
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        free(data);
        printf("PASS fuzz_lang: %s\n", argv[i]);
    }
    oy_bank_free(&bank);
    return failed;
}
#endif
