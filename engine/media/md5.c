/*
 * md5.c - MD5 digests as hex text, for framemd5 frame hashes (oyster(1))
 * and the chunk files' manifests.
 */
#include <errno.h>

#include <libavutil/mem.h>
#include <libavutil/md5.h>

#include "media.h"

static void to_hex(const uint8_t d[16], char out[33])
{
    static const char hex[] = "0123456789abcdef";

    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[32] = '\0';
}

void oy_md5_hex(const void *p, size_t n, char out[33])
{
    uint8_t d[16];

    av_md5_sum(d, p, n);
    to_hex(d, out);
}

int oy_md5_file(const char *path, char out[33], uint64_t *size)
{
    struct AVMD5 *ctx = av_md5_alloc();
    FILE *f = fopen(path, "rb");
    uint8_t buf[1 << 16], d[16];
    uint64_t total = 0;
    size_t n;
    int err = 0;

    if (!ctx || !f) {
        err = !ctx ? OYSTER_E_NOMEM : -errno;
        goto done;
    }
    av_md5_init(ctx);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        av_md5_update(ctx, buf, n);
        total += n;
    }
    if (ferror(f)) {
        err = -EIO;
        goto done;
    }
    av_md5_final(ctx, d);
    to_hex(d, out);
    *size = total;
done:
    if (f)
        fclose(f);
    av_free(ctx);
    return err;
}
