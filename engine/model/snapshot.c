/*
 * snapshot.c - state files (oyster(1)): the whole world state at a time,
 * versioned and checksummed, with a hash of the parts of the script that
 * produced it. Everything is little-endian; the file ends with a CRC-32 of
 * all bytes before it.
 *
 * In direct mode the state at a frame is a pure function of the script,
 * so resuming checks that the file agrees with the model to the bit
 * (channels, transitions in flight, entities) and then continues from its
 * frame; a file that does not fit the script is refused. Wander mode adds
 * the walker's integrated state (camera/walker.h), which the file supplies
 * rather than the check recomputes: it is what saves integrating the walk
 * from the start.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"

#define MAGIC "OYSTATE"
#define VERSION 21u            /* 2: the surface colour channels; 3: the sky's;
                                  4: crater; 5: entity speed and stride;
                                  6: the cues' flash, fades, jolt and mix;
                                  7: conifer, birch, clearing and ice;
                                  8: wander mode's keys and walker;
                                  9: volcano; 10: entity paint;
                                  11: entity size; 12: fields;
                                  13: rows and offshore;
                                  14: acacia and bamboo;
                                  15: where an entity is seen from;
                                  16: paddies;
                                  17: rainbow, hearth and grove;
                                      entity derelict;
                                  18: entity built of stone;
                                  19: moons; 20: seaward;
                                  21: the plants' colour */

typedef struct buf {
    unsigned char *p;
    size_t n, cap;
    int err;
} buf;

static void put(buf *b, const void *v, size_t n)
{
    if (b->err || oy_grow(&b->p, &b->cap, b->n + n, 1)) {
        b->err = OYSTER_E_NOMEM;
        return;
    }
    memcpy(b->p + b->n, v, n);
    b->n += n;
}
static void put_u32(buf *b, uint32_t v)
{
    unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
    put(b, x, 4);
}
static void put_u64(buf *b, uint64_t v)
{
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}
static void put_f32(buf *b, float f) { uint32_t u; memcpy(&u, &f, 4); put_u32(b, u); }
static void put_f64(buf *b, double f) { uint64_t u; memcpy(&u, &f, 8); put_u64(b, u); }

static uint64_t hash_text(uint64_t h, const oy_text *t) { return oy_hash_str(h, t->s ? t->s : "\001"); }
static uint64_t hash_f(uint64_t h, double v) { return oy_hash_bytes(h, &v, sizeof v); }

/* The script as far as it shapes the state at frame f: seed, frame rate,
 * the world description, the camera path, and directives up to f. */
static uint64_t script_hash(const oy_script *s, int64_t f)
{
    const oy_world_desc *w = &s->world;
    uint64_t h = oy_mix64(s->seed ^ 0x5ca1ab1eULL);
    h = hash_f(h, s->output.fps.num);
    h = hash_f(h, s->output.fps.den);
    h = hash_f(h, s->mode);
    h = hash_text(h, &w->prompt);
    h = hash_text(h, &w->image);
    h = hash_text(h, &w->vocabulary);
    h = hash_f(h, w->has_time ? w->time : -1.0);
    h = hash_text(h, &w->weather.preset);
    for (int i = 0; i < OY_WX_COUNT; i++)
        h = hash_f(h, w->weather.set[i] ? w->weather.v[i] : -1.0);
    h = hash_f(h, w->season);
    for (int i = 0; i < s->camera.nkeys; i++) {
        const oy_camkey *k = &s->camera.keys[i];
        h = oy_hash_bytes(h, k->pos, sizeof k->pos);
        h = hash_f(h, k->at);
    }
    if (s->mode == OY_MODE_WANDER) {
        const oy_wander_desc *w = &s->wander;
        double t = (double)f * s->output.fps.den / s->output.fps.num;
        h = oy_hash_bytes(h, w->start, sizeof w->start);
        h = hash_f(h, w->start_yaw);
        h = hash_f(h, w->eye);
        h = hash_f(h, w->walk);
        h = hash_f(h, w->turn);
        for (int i = 0; i < w->nkeys; i++)
            if (w->keys[i].at <= t) {
                h = hash_f(h, w->keys[i].at);
                h = hash_f(h, w->keys[i].keys);
                h = hash_f(h, w->keys[i].press);
                h = hash_f(h, w->keys[i].hold_for);
            }
        for (int i = 0; i < w->nlooks; i++)
            if (w->looks[i].at <= t)
                h = oy_hash_bytes(h, &w->looks[i].at, 4 * sizeof(double));
    }
    for (int i = 0; i < s->ndirectives && s->directives[i].frame <= f; i++) {
        const oy_directive *d = &s->directives[i];
        h = hash_f(h, (double)d->frame);
        h = hash_f(h, d->action);
        h = hash_f(h, d->has_over ? d->over : -1.0);
        h = hash_text(h, &d->text);
        h = hash_f(h, d->time);
        h = hash_text(h, &d->weather.preset);
        h = oy_hash_bytes(h, d->weather.v, sizeof d->weather.v);
        h = oy_hash_bytes(h, d->weather.set, sizeof d->weather.set);
        h = hash_text(h, &d->lighting.preset);
        h = oy_hash_bytes(h, d->lighting.v, sizeof d->lighting.v);
        h = oy_hash_bytes(h, d->lighting.set, sizeof d->lighting.set);
        h = hash_text(h, &d->music.text);
        h = hash_text(h, &d->music.mood);
        h = hash_f(h, d->music.has_tempo ? d->music.tempo : -1.0);
        h = hash_f(h, d->music.has_intensity ? d->music.intensity : -1.0);
        h = oy_hash_bytes(h, d->near, sizeof d->near);
        h = hash_f(h, d->has_ahead ? d->ahead : -1.0);
        h = hash_f(h, d->count);
        h = hash_text(h, &d->id);
        h = oy_hash_bytes(h, d->to, sizeof d->to);
        h = hash_f(h, d->has_yaw ? d->yaw : -1e30);
        h = hash_f(h, d->face);
        h = oy_hash_bytes(h, d->face_at, sizeof d->face_at);
        h = hash_text(h, &d->face_id);
        h = hash_f(h, d->npath);
        if (d->npath)
            h = oy_hash_bytes(h, d->path, (size_t)d->npath * sizeof *d->path);
        h = hash_f(h, d->has_speed ? d->speed : -1.0);
    }
    return h;
}

/* Serialize the state at frame f (everything but the checksum). */
static void encode(const oy_model *m, int64_t f, buf *b)
{
    double t = (double)f * m->fps.den / m->fps.num;
    oy_entity *ents = oy_calloc((size_t)oy_model_max_entities(m), sizeof *ents);
    oy_state st;
    uint32_t inflight = 0;

    if (!ents) {
        b->err = OYSTER_E_NOMEM;
        return;
    }
    oy_model_eval(m, t, &st, ents);
    put(b, MAGIC, 8);
    put_u32(b, VERSION);
    put_u64(b, script_hash(m->script, f));
    put_u64(b, m->seed);
    put_u64(b, (uint64_t)f);
    put_f64(b, t);
    put_u32(b, OY_CH_COUNT);
    for (int i = 0; i < OY_CH_COUNT; i++)
        put_f32(b, st.ch[i]);
    /* transitions still moving at t: where they go and when they arrive */
    for (int i = 0; i < OY_CH_COUNT; i++)
        for (size_t k = 0; k < m->tracks[i].n; k++) {
            const oy_transition *x = &m->tracks[i].v[k];
            if (x->t0 <= t && t < x->t0 + x->dur)
                inflight++;
        }
    put_u32(b, inflight);
    for (int i = 0; i < OY_CH_COUNT; i++)
        for (size_t k = 0; k < m->tracks[i].n; k++) {
            const oy_transition *x = &m->tracks[i].v[k];
            if (!(x->t0 <= t && t < x->t0 + x->dur))
                continue;
            put_u32(b, (uint32_t)i);
            put_f64(b, x->t0);
            put_f64(b, x->dur);
            put_f32(b, x->from);
            put_f32(b, x->to);
        }
    put_u32(b, (uint32_t)st.nentities);
    for (int i = 0; i < st.nentities; i++) {
        const oy_entity *e = &st.entities[i];
        put_u32(b, e->uid);
        put(b, e->id, sizeof e->id);
        put(b, e->kind, sizeof e->kind);
        for (int k = 0; k < 3; k++)
            put_f32(b, e->pos[k]);
        put_f32(b, e->yaw);
        put_f32(b, e->scale);
        put_f32(b, e->size);
        put_f32(b, e->fade);
        put_f32(b, e->speed);
        put_f32(b, e->stride);
        for (int k = 0; k < 3; k++)
            put_f32(b, e->paint[k]);
        put_u32(b, (uint32_t)e->derelict);
        put_u32(b, (uint32_t)e->stone);
        put_u32(b, (uint32_t)e->seen);
        put_f32(b, e->seen_from[0]);
        put_f32(b, e->seen_from[1]);
        put_u64(b, e->seed);
    }
    put_u32(b, (uint32_t)(st.beat + 1));
    {
        float db[OY_BUS_COUNT];
        oy_model_mix(m, t, db);
        put_f32(b, st.flash);
        put_f32(b, st.white);
        put_f32(b, st.fade_black);
        put_f32(b, st.fade_white);
        put_f32(b, st.jolt);
        for (int i = 0; i < OY_BUS_COUNT; i++)
            put_f32(b, db[i]);
    }
    /* the counter-based generator's only counter is the frame itself */
    put_u64(b, (uint64_t)f);
    free(ents);
}

int oy_snapshot_write(const oy_model *m, int64_t frame, const void *extra, size_t nextra, FILE *f)
{
    buf b = { 0 };
    int err;

    encode(m, frame, &b);
    put_u32(&b, (uint32_t)nextra);
    if (nextra)
        put(&b, extra, nextra);
    put_u32(&b, oy_crc32(0, b.p, b.n));
    err = b.err;
    if (!err && fwrite(b.p, 1, b.n, f) != b.n)
        err = errno ? -errno : -EIO;
    free(b.p);
    return err;
}

static uint32_t get_u32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t get_u64(const unsigned char *p) { return get_u32(p) | (uint64_t)get_u32(p + 4) << 32; }

int oy_snapshot_check(const oy_model *m, const char *path, int64_t *frame, void *extra,
                      size_t nextra, oy_log *log)
{
    FILE *f;
    unsigned char *data = NULL;
    size_t n = 0, cap = 0;
    buf mine = { 0 };
    int err = OYSTER_E_INPUT;
    int64_t fr;

    if (oy_input_file(log, "state file ", path) < 0)
        return OYSTER_E_INPUT;
    if (!(f = fopen(path, "rb"))) {
        err = -errno;
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot read state file '%s': %s", path, oyster_strerror(err));
        return OYSTER_E_INPUT;
    }
    for (;;) {
        size_t got;
        if (n > (64u << 20)) {
            oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "state file '%s' is too large", path);
            goto done;
        }
        if (oy_grow(&data, &cap, n + 65536, 1)) {
            err = OYSTER_E_NOMEM;
            goto done;
        }
        got = fread(data + n, 1, 65536, f);
        n += got;
        if (got < 65536)
            break;
    }
    if (n < 8 + 4 + 8 + 8 + 8 + 4 || memcmp(data, MAGIC, 8)) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "'%s' is not an oyster state file", path);
        goto done;
    }
    if (get_u32(data + 8) > VERSION) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, "render it with a newer oyster",
                "state file '%s' has format version %u; this oyster reads up to %u",
                path, get_u32(data + 8), VERSION);
        goto done;
    }
    if (get_u32(data + 8) < VERSION) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, "render the state again with this oyster",
                "state file '%s' has format version %u, from an older oyster (this one writes %u)",
                path, get_u32(data + 8), VERSION);
        goto done;
    }
    if (oy_crc32(0, data, n - 4) != get_u32(data + n - 4)) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "state file '%s' is truncated or corrupt (checksum mismatch)", path);
        goto done;
    }
    fr = (int64_t)get_u64(data + 28);
    if (fr < 0 || fr >= m->script->output.frames) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "state file '%s' is at frame %lld, outside this shot",
                path, (long long)fr);
        goto done;
    }
    if (get_u64(data + 12) != script_hash(m->script, fr) || get_u64(data + 20) != m->seed) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, "render the state again from this script",
                "state file '%s' does not fit this script and seed", path);
        goto done;
    }
    encode(m, fr, &mine);
    if (mine.err) {
        err = mine.err;
        goto done;
    }
    if (mine.n + 4 + nextra != n - 4 || memcmp(mine.p, data, mine.n) ||
        get_u32(data + mine.n) != nextra) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL,
                "state file '%s' does not match the world this script makes at frame %lld", path, (long long)fr);
        goto done;
    }
    if (nextra)
        memcpy(extra, data + mine.n + 4, nextra);
    *frame = fr;
    err = 0;
done:
    fclose(f);
    free(data);
    free(mine.p);
    return err;
}
