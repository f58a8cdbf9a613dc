/*
 * bank_data.c - data/concepts.yaml compiled into the binary, so the
 * built-in concept bank needs no file at run time. The assembler includes
 * the file (paths are relative to the repository root, where the build
 * runs) and appends a NUL so it can be read as a C string.
 */
#include "lang.h"

__asm__(
    "    .section .rodata\n"
    "    .global oy_bank_builtin\n"
    "    .type oy_bank_builtin, %object\n"
    "    .balign 16\n"
    "oy_bank_builtin:\n"
    "    .incbin \"data/concepts.yaml\"\n"
    "oy_bank_builtin_end:\n"
    "    .byte 0\n"
    "    .size oy_bank_builtin, . - oy_bank_builtin\n"
    "    .global oy_bank_builtin_size\n"
    "    .type oy_bank_builtin_size, %object\n"
    "    .balign 4\n"
    "oy_bank_builtin_size:\n"
    "    .int oy_bank_builtin_end - oy_bank_builtin\n"
    "    .size oy_bank_builtin_size, 4\n"
    "    .previous\n");
