/*
 * alloc.c - allocation helpers with overflow checks, and the bump arena
 * used for per-frame scratch memory.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

void *oy_malloc(size_t n) { return malloc(n ? n : 1); }
void *oy_calloc(size_t n, size_t size) { return calloc(n ? n : 1, size ? size : 1); }

void *oy_realloc_array(void *p, size_t n, size_t size)
{
    size_t bytes;
    if (size && n > SIZE_MAX / size)
        return NULL;
    bytes = n * size;
    return realloc(p, bytes ? bytes : 1);
}

char *oy_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *oy_strdup(const char *s) { return s ? oy_strndup(s, strlen(s)) : NULL; }

void oy_freep(void *pp)
{
    void **p = pp;
    free(*p);
    *p = NULL;
}

int oy_grow(void *pp, size_t *cap, size_t need, size_t elem_size)
{
    void **p = pp;
    size_t c = *cap ? *cap : 8;
    void *q;

    if (need <= *cap)
        return 0;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return OYSTER_E_NOMEM;
        c *= 2;
    }
    q = oy_realloc_array(*p, c, elem_size);
    if (!q)
        return OYSTER_E_NOMEM;
    *p = q;
    *cap = c;
    return 0;
}

int oy_arena_init(oy_arena *a, size_t size)
{
    a->base = aligned_alloc(32, (size + 31) & ~(size_t)31);
    a->size = a->base ? size : 0;
    a->used = 0;
    return a->base ? 0 : OYSTER_E_NOMEM;
}

void *oy_arena_alloc(oy_arena *a, size_t n)
{
    size_t at = (a->used + 31) & ~(size_t)31;
    if (at > a->size || n > a->size - at)
        return NULL;
    a->used = at + n;
    return a->base + at;
}

void oy_arena_reset(oy_arena *a) { a->used = 0; }

void oy_arena_release(oy_arena *a)
{
    free(a->base);
    a->base = NULL;
    a->size = a->used = 0;
}
