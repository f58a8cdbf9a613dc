/*
 * chunk_manifest.c - a chunk's manifest (oyster(1), CHUNKS): JSON with one
 * field a line in a fixed order, so that the reader here, which reads
 * only what the writer writes, stays a few lines of sscanf.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../export/export.h"
#include "chunk.h"

#define FORMAT "oyster-chunk 2"

int oy_manifest_write(FILE *f, void *ctx)
{
    const oy_manifest *m = ctx;

    fprintf(f, "{\n  \"format\": \"%s\",\n  \"version\": ", FORMAT);
    oy_json_str(f, m->version);
    fprintf(f, ",\n  \"build\": \"%016" PRIx64 "\",\n  \"shot_hash\": \"%016" PRIx64 "\",\n"
               "  \"seed\": \"%" PRIu64 "\",\n",
            m->build, m->shot_hash, m->seed);
    fprintf(f, "  \"chunk\": %" PRId64 ",\n  \"chunks\": %" PRId64 ",\n  \"first\": %" PRId64 ",\n"
               "  \"last\": %" PRId64 ",\n  \"frames\": %" PRId64 ",\n  \"samples\": %" PRId64 ",\n",
            m->chunk, m->chunks, m->first, m->last, m->frames, m->samples);
    fprintf(f, "  \"fps\": \"%d/%d\",\n  \"width\": %d,\n  \"height\": %d,\n  \"draft\": %d,\n"
               "  \"audio\": %d,\n  \"pictures\": \"%s\",\n  \"file\": ",
            m->fps.num, m->fps.den, m->width, m->height, m->draft, m->audio, m->png ? "png" : "ffv1");
    oy_json_str(f, m->file);
    fprintf(f, ",\n  \"file_bytes\": %" PRIu64 ",\n  \"file_md5\": \"%s\",\n", m->file_bytes, m->file_md5);
    fprintf(f, "  \"started\": %.3f,\n  \"finished\": %.3f,\n  \"host\": ", m->started, m->finished);
    oy_json_str(f, m->host);
    fprintf(f, ",\n  \"frame_hashes\": [");
    for (int64_t i = 0; i <= m->last - m->first; i++)
        fprintf(f, "%s\n    \"%s\"", i ? "," : "", m->md5[i]);
    fprintf(f, "\n  ]\n}\n");
    return ferror(f) ? -EIO : 0;
}

/* The text after `"key": ` on its line, or NULL. */
static const char *field(const char *text, const char *key)
{
    char pat[48];
    const char *p;

    snprintf(pat, sizeof pat, "\n  \"%s\": ", key);
    p = strstr(text, pat);
    return p ? p + strlen(pat) : NULL;
}

static int get_i64(const char *text, const char *key, int64_t *v)
{
    const char *p = field(text, key);
    return p && sscanf(p, "%" SCNd64, v) == 1 ? 0 : -1;
}

static int get_int(const char *text, const char *key, int *v)
{
    const char *p = field(text, key);
    return p && sscanf(p, "%d", v) == 1 ? 0 : -1;
}

/* A string without escapes (the names oyster writes have none to read). */
static int get_str(const char *text, const char *key, char *buf, size_t size)
{
    const char *p = field(text, key), *end;

    if (!p || *p != '"' || !(end = strchr(p + 1, '"')) || memchr(p + 1, '\n', (size_t)(end - p - 1)) ||
        (size_t)(end - p - 1) >= size)
        return -1;
    memcpy(buf, p + 1, (size_t)(end - p - 1));
    buf[end - p - 1] = 0;
    return 0;
}

static int get_hex(const char *text, const char *key, uint64_t *v)
{
    char s[24];
    return get_str(text, key, s, sizeof s) || sscanf(s, "%" SCNx64, v) != 1 ? -1 : 0;
}

static int is_md5(const char *s)
{
    return strlen(s) == 32 && strspn(s, "0123456789abcdef") == 32;
}

static int parse(const char *t, oy_manifest *m)
{
    char s[32], pics[8];
    const char *p;
    int64_t n;

    if (get_str(t, "format", s, sizeof s) || strcmp(s, FORMAT) ||
        get_str(t, "version", m->version, sizeof m->version) ||
        get_hex(t, "build", &m->build) || get_hex(t, "shot_hash", &m->shot_hash) ||
        get_str(t, "seed", s, sizeof s) || sscanf(s, "%" SCNu64, &m->seed) != 1 ||
        get_i64(t, "chunk", &m->chunk) || get_i64(t, "chunks", &m->chunks) ||
        get_i64(t, "first", &m->first) || get_i64(t, "last", &m->last) ||
        get_i64(t, "frames", &m->frames) || get_i64(t, "samples", &m->samples) ||
        get_str(t, "fps", s, sizeof s) || sscanf(s, "%d/%d", &m->fps.num, &m->fps.den) != 2 ||
        get_int(t, "width", &m->width) || get_int(t, "height", &m->height) ||
        get_int(t, "draft", &m->draft) || get_int(t, "audio", &m->audio) ||
        get_str(t, "pictures", pics, sizeof pics) || (strcmp(pics, "ffv1") && strcmp(pics, "png")) ||
        get_str(t, "file", m->file, sizeof m->file) || strchr(m->file, '/') ||
        get_i64(t, "file_bytes", &n) || n < 0 ||
        get_str(t, "file_md5", m->file_md5, sizeof m->file_md5) || !is_md5(m->file_md5) ||
        !(p = field(t, "started")) || sscanf(p, "%lf", &m->started) != 1 ||
        !(p = field(t, "finished")) || sscanf(p, "%lf", &m->finished) != 1 ||
        get_str(t, "host", m->host, sizeof m->host))
        return -1;
    m->file_bytes = (uint64_t)n;
    m->png = !strcmp(pics, "png");
    /* the frames or the sound are in the file, or there is none */
    if (!*m->file != (m->png && !m->audio))
        return -1;
    /* chunk I of N, or a frame range (0 of 0) */
    if ((m->chunks || m->chunk) && (m->chunks < 1 || m->chunk < 1 || m->chunk > m->chunks))
        return -1;
    if (m->first < 0 ||
        m->last < m->first || m->last >= m->frames || m->fps.num <= 0 || m->fps.den <= 0 ||
        m->width <= 0 || m->height <= 0 || !(p = field(t, "frame_hashes")) || *p != '[')
        return -1;
    if (!(m->md5 = oy_calloc((size_t)(m->last - m->first + 1), sizeof *m->md5)))
        return OYSTER_E_NOMEM;
    for (int64_t i = 0; i <= m->last - m->first; i++) {
        if (!(p = strchr(p, '"')) || sscanf(p, "\"%32[0-9a-f]\"", m->md5[i]) != 1 || !is_md5(m->md5[i]))
            return -1;
        p += 34;
    }
    return strchr(p, '"') ? -1 : 0;
}

int oy_manifest_read(const char *path, oy_manifest *m, oy_log *log)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t n = 0, cap = 0, k;
    int err = 0;

    memset(m, 0, sizeof *m);
    if (!f) {
        err = -errno;
        oy_error(log, "cannot read '%s': %s", path, oyster_strerror(err));
        return err;
    }
    do {
        if (oy_grow(&text, &cap, n + 65536 + 1, 1) < 0) {
            err = OYSTER_E_NOMEM;
            break;
        }
        k = fread(text + n, 1, 65536, f);
        n += k;
    } while (k == 65536 && n < (size_t)1 << 30);
    if (!err && ferror(f))
        err = -EIO;
    fclose(f);
    if (!err) {
        text[n] = 0;
        err = parse(text, m);
    }
    free(text);
    if (err) {
        oy_manifest_release(m);
        if (err == -1)
            oy_error(log, "'%s' is not a chunk manifest", path);
        else
            oy_error(log, "cannot read '%s': %s", path, oyster_strerror(err));
        return err == -1 ? OYSTER_E_INPUT : err;
    }
    return 0;
}

void oy_manifest_release(oy_manifest *m)
{
    oy_freep(&m->md5);
}
