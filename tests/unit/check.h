/*
 * check.h - the unit-test harness: each CHECK prints one PASS/FAIL line
 * that tests/run counts; a test program exits 1 if any check failed.
 */
#ifndef OY_CHECK_H
#define OY_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failed;
static const char *check_group = "";

#define CHECK_GROUP(name) (check_group = (name))

#define CHECK(cond, ...) do { \
        if (cond) { \
            printf("PASS %s: ", check_group); printf(__VA_ARGS__); printf("\n"); \
        } else { \
            check_failed = 1; \
            printf("FAIL %s: ", check_group); printf(__VA_ARGS__); \
            printf("  (%s:%d: %s)\n", __FILE__, __LINE__, #cond); \
        } \
    } while (0)

#define CHECK_DONE() (check_failed ? 1 : 0)

#endif
