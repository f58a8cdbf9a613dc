/*
 * cpu.c - the vector instructions the pixel kernels use: the widest this
 * CPU has (SSE2, AVX2, AVX-512), or a narrower one that the environment
 * variable OYSTER_CPU names (oyster(1) ENVIRONMENT). Every level computes
 * the same bytes, lane by lane the scalar reference's operations in the
 * scalar order, so the choice is one of speed alone.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

static const char *const level_names[OY_CPU_LEVELS] = { "sse2", "avx2", "avx512" };
static pthread_once_t level_once = PTHREAD_ONCE_INIT;
static int level_in_use;

const char *oy_cpu_name(int level)
{
    return level >= 0 && level < OY_CPU_LEVELS ? level_names[level] : "?";
}

int oy_cpu_best(void)
{
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        return OY_CPU_AVX512;
    if (__builtin_cpu_supports("avx2"))
        return OY_CPU_AVX2;
#endif
    return OY_CPU_SSE2;
}

int oy_cpu_wanted(const char *want, char *msg, size_t n)
{
    int best = oy_cpu_best();

    if (!want || !*want)
        return best;
    for (int l = 0; l < OY_CPU_LEVELS; l++) {
        if (strcmp(want, level_names[l]))
            continue;
        if (l <= best)
            return l;
        snprintf(msg, n, "OYSTER_CPU=%s, but this CPU has %s at most", want, level_names[best]);
        return OYSTER_E_INPUT;
    }
    snprintf(msg, n, "OYSTER_CPU=%s is not a level; use sse2, avx2 or avx512", want);
    return OYSTER_E_INPUT;
}

static void choose(void)
{
    char msg[128];
    int l = oy_cpu_wanted(getenv("OYSTER_CPU"), msg, sizeof msg);
    level_in_use = l < 0 ? oy_cpu_best() : l;
}

int oy_cpu_level(void)
{
    pthread_once(&level_once, choose);
    return level_in_use;
}

int oyster_cpu_check(char *msg, size_t n)
{
    int l = oy_cpu_wanted(getenv("OYSTER_CPU"), msg, n);
    return l < 0 ? l : 0;
}

const char *oyster_cpu_in_use(void) { return oy_cpu_name(oy_cpu_level()); }

const char *oyster_cpu_best(void) { return oy_cpu_name(oy_cpu_best()); }
