/*
 * hash.c - counter-based randomness and checksums. Every random value in
 * oyster is oy_hash(seed, stream, a, b, c): the same key gives the same
 * value on every machine, in any order, on any thread.
 */
#include <pthread.h>
#include <string.h>

#include "core.h"

uint64_t oy_mix64(uint64_t x)
{
    /* the splitmix64 finalizer: a bijection with full avalanche */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

uint64_t oy_hash(uint64_t seed, uint64_t stream, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = oy_mix64(seed ^ 0x9e3779b97f4a7c15ULL);
    h = oy_mix64(h ^ (stream * 0xd1b54a32d192ed03ULL));
    h = oy_mix64(h ^ (a + 0x8cb92ba72f3d8dd7ULL));
    h = oy_mix64(h ^ (b + 0x2545f4914f6cdd1dULL));
    h = oy_mix64(h ^ (c + 0x9e6c63d0676a9a99ULL));
    return h;
}

uint64_t oy_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t f = 0xcbf29ce484222325ULL ^ h;
    for (size_t i = 0; i < n; i++) {
        f ^= s[i];
        f *= 0x100000001b3ULL;
    }
    return oy_mix64(f ^ n);
}

uint64_t oy_hash_str(uint64_t h, const char *s)
{
    return oy_hash_bytes(h, s, s ? strlen(s) : 0);
}

static uint32_t crc_table[256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

uint32_t oy_crc32(uint32_t crc, const void *p, size_t n)
{
    const unsigned char *s = p;

    pthread_once(&crc_once, crc_init);
    crc = ~crc;
    for (size_t i = 0; i < n; i++)
        crc = crc_table[(crc ^ s[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}
