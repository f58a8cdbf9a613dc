/*
 * md5.c - MD5 digests as hex text, for framemd5 frame hashes (SPEC §5).
 */
#include <libavutil/md5.h>

#include "media.h"

void oy_md5_hex(const void *p, size_t n, char out[33])
{
    static const char hex[] = "0123456789abcdef";
    uint8_t d[16];

    av_md5_sum(d, p, n);
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[32] = '\0';
}
