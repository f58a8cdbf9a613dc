/*
 * gltf.c - the glTF 2.0 container shared by the camera and world exports:
 * one binary buffer of tightly packed bufferViews (4-byte aligned) with
 * an accessor each, written as GLB or as .gltf with a base64 data URI.
 * The buffer is little-endian whatever the host, byte by byte.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "export.h"

typedef struct gltf_view {
    size_t offset, length;
    int target;
} gltf_view;

typedef struct gltf_accessor {
    int comp, ncomp, normalized;
    size_t count;
    const char *type;          /* one of the static names in types[] */
    double min[16], max[16];   /* FLOAT only */
} gltf_accessor;

struct oy_gltf {
    uint8_t *buf;
    size_t len, cap;
    gltf_view *views;
    gltf_accessor *acc;
    size_t n, cap_views, cap_acc;
};

static const struct { const char *name; int n; } types[] = {
    { "SCALAR", 1 }, { "VEC2", 2 }, { "VEC3", 3 }, { "VEC4", 4 }, { "MAT4", 16 },
};

int oy_gltf_new(oy_gltf **out)
{
    oy_gltf *g = oy_calloc(1, sizeof *g);
    if (!g)
        return OYSTER_E_NOMEM;
    *out = g;
    return 0;
}

void oy_gltf_free(oy_gltf **g)
{
    if (!*g)
        return;
    free((*g)->buf);
    free((*g)->views);
    free((*g)->acc);
    oy_freep(g);
}

static int comp_size(int comp)
{
    switch (comp) {
    case OY_GLTF_UBYTE: return 1;
    case OY_GLTF_USHORT: return 2;
    case OY_GLTF_UINT: case OY_GLTF_FLOAT: return 4;
    default: return 0;
    }
}

/* One component from host memory into the buffer, little-endian. */
static void put_le(uint8_t *dst, const uint8_t *src, int size)
{
    uint32_t v = 0;
    if (size == 1)
        v = src[0];
    else if (size == 2) {
        uint16_t s;
        memcpy(&s, src, 2);
        v = s;
    } else
        memcpy(&v, src, 4);
    for (int i = 0; i < size; i++)
        dst[i] = (uint8_t)(v >> (8 * i));
}

int oy_gltf_accessor(oy_gltf *g, const void *data, size_t count, int comp,
                     const char *type, int target, int normalized)
{
    int size = comp_size(comp), ncomp = 0, err;
    size_t bytes, start, total;
    gltf_accessor *a;
    const char *tname = NULL;

    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(type, types[i].name)) {
            ncomp = types[i].n;
            tname = types[i].name;
        }
    if (!size || !ncomp || !count || count > SIZE_MAX / 16 / (size_t)ncomp)
        return OYSTER_E_INTERNAL;
    total = count * (size_t)ncomp;
    bytes = total * (size_t)size;
    start = (g->len + 3) & ~(size_t)3;
    if ((err = oy_grow(&g->buf, &g->cap, start + bytes, 1)) ||
        (err = oy_grow(&g->views, &g->cap_views, g->n + 1, sizeof *g->views)) ||
        (err = oy_grow(&g->acc, &g->cap_acc, g->n + 1, sizeof *g->acc)))
        return err;
    memset(g->buf + g->len, 0, start - g->len);
    for (size_t i = 0; i < total; i++)
        put_le(g->buf + start + i * (size_t)size, (const uint8_t *)data + i * (size_t)size, size);
    g->len = start + bytes;

    g->views[g->n] = (gltf_view){ start, bytes, target };
    a = &g->acc[g->n];
    *a = (gltf_accessor){ comp, ncomp, normalized, count, tname, { 0 }, { 0 } };
    if (comp == OY_GLTF_FLOAT) {
        const float *v = data;
        for (int c = 0; c < ncomp; c++)
            a->min[c] = a->max[c] = v[c];
        for (size_t i = 1; i < count; i++)
            for (int c = 0; c < ncomp; c++) {
                double x = v[i * (size_t)ncomp + (size_t)c];
                if (x < a->min[c])
                    a->min[c] = x;
                if (x > a->max[c])
                    a->max[c] = x;
            }
    }
    return (int)g->n++;
}

static void num_array(FILE *f, const double *v, int n)
{
    fputc('[', f);
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        oy_json_num(f, v[i], "%.9g");
    }
    fputc(']', f);
}

static void base64(FILE *f, const uint8_t *p, size_t n)
{
    static const char abc[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        fputc(abc[v >> 18 & 63], f);
        fputc(abc[v >> 12 & 63], f);
        fputc(i + 1 < n ? abc[v >> 6 & 63] : '=', f);
        fputc(i + 2 < n ? abc[v & 63] : '=', f);
    }
}

/* The padded length of the binary buffer. */
static size_t buffer_length(const oy_gltf *g) { return (g->len + 3) & ~(size_t)3; }

static void write_json(const oy_gltf *g, const char *members, int binary, FILE *f)
{
    fputs("{\"asset\":{\"version\":\"2.0\",\"generator\":\"oyster " OYSTER_VERSION "\"}", f);
    if (members && *members)
        fprintf(f, ",%s", members);
    if (!g->n) {
        fputc('}', f);
        return;
    }
    fprintf(f, ",\"buffers\":[{\"byteLength\":%zu", buffer_length(g));
    if (!binary) {
        fputs(",\"uri\":\"data:application/octet-stream;base64,", f);
        base64(f, g->buf, g->len);
        fputc('"', f);
    }
    fputs("}],\"bufferViews\":[", f);
    for (size_t i = 0; i < g->n; i++) {
        const gltf_view *v = &g->views[i];
        fprintf(f, "%s{\"buffer\":0,\"byteOffset\":%zu,\"byteLength\":%zu",
                i ? "," : "", v->offset, v->length);
        if (v->target)
            fprintf(f, ",\"target\":%d", v->target);
        fputc('}', f);
    }
    fputs("],\"accessors\":[", f);
    for (size_t i = 0; i < g->n; i++) {
        const gltf_accessor *a = &g->acc[i];
        fprintf(f, "%s{\"bufferView\":%zu,\"componentType\":%d,\"count\":%zu,\"type\":\"%s\"",
                i ? "," : "", i, a->comp, a->count, a->type);
        if (a->normalized)
            fputs(",\"normalized\":true", f);
        if (a->comp == OY_GLTF_FLOAT) {
            fputs(",\"min\":", f);
            num_array(f, a->min, a->ncomp);
            fputs(",\"max\":", f);
            num_array(f, a->max, a->ncomp);
        }
        fputc('}', f);
    }
    fputs("]}", f);
}

static void put_u32(FILE *f, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        fputc((int)(v >> (8 * i) & 0xff), f);
}

int oy_gltf_write(const oy_gltf *g, const char *members, int binary, FILE *f)
{
    char *json = NULL;
    size_t jlen = 0, jpad, bpad;
    FILE *m;

    if (!binary) {
        write_json(g, members, 0, f);
        return ferror(f) ? -EIO : 0;
    }
    if (!(m = open_memstream(&json, &jlen)))
        return OYSTER_E_NOMEM;
    write_json(g, members, 1, m);
    if (fclose(m)) {
        free(json);
        return OYSTER_E_NOMEM;
    }
    jpad = (jlen + 3) & ~(size_t)3;
    bpad = g->n ? buffer_length(g) : 0;
    if (12 + 8 + jpad + (bpad ? 8 + bpad : 0) > UINT32_MAX) {
        free(json);
        return OYSTER_E_INPUT;
    }
    fwrite("glTF", 1, 4, f);
    put_u32(f, 2);
    put_u32(f, (uint32_t)(12 + 8 + jpad + (bpad ? 8 + bpad : 0)));
    put_u32(f, (uint32_t)jpad);
    fwrite("JSON", 1, 4, f);
    fwrite(json, 1, jlen, f);
    for (size_t i = jlen; i < jpad; i++)
        fputc(' ', f);
    free(json);
    if (bpad) {
        put_u32(f, (uint32_t)bpad);
        fwrite("BIN\0", 1, 4, f);
        fwrite(g->buf, 1, g->len, f);
        for (size_t i = g->len; i < bpad; i++)
            fputc(0, f);
    }
    return ferror(f) ? -EIO : 0;
}
