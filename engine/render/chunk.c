/*
 * chunk.c - the baked terrain: square chunks of OY_RCHUNK cells at
 * OY_RLEVELS spacings (fine near the camera, coarse far away), each a pure
 * function of (seed, shape, level, chunk x, z), with the highest point of
 * the chunk and of its blocks for the caster. A bounded cache keeps recent
 * chunks; missing ones are baked in parallel before a frame is cast, one
 * chunk per task. Eviction only drops work, never changes a value, so the
 * cache can only make frames faster.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

/* Chunks evicted as the camera moves on are kept for the next ones
 * rather than freed and allocated again, which would leave the heap in
 * holes that grow with the distance travelled. */
#define SPARE 256

struct oy_chunks {
    oy_tchunk **all;              /* every cached chunk */
    size_t n, cap, max;
    oy_tchunk **table;            /* open addressing over all[] */
    size_t tcap;
    uint64_t stamp;
    oy_tchunk **grids;            /* per-frame level grids */
    size_t grids_cap;
    oy_tchunk *spare[SPARE];      /* evicted chunks, reused before allocating */
    size_t nspare;
};

static uint64_t chunk_hash(int level, int64_t cx, int64_t cz, uint64_t key)
{
    return oy_hash(key, 0x7c, (uint64_t)level, (uint64_t)cx, (uint64_t)cz);
}

static int table_rebuild(oy_chunks *c, size_t want)
{
    size_t cap = 1024;
    while (cap < want * 2)
        cap <<= 1;
    if (cap != c->tcap) {
        oy_tchunk **t = oy_calloc(cap, sizeof *t);
        if (!t)
            return OYSTER_E_NOMEM;
        free(c->table);
        c->table = t;
        c->tcap = cap;
    } else {
        memset(c->table, 0, cap * sizeof *c->table);
    }
    for (size_t i = 0; i < c->n; i++) {
        oy_tchunk *ch = c->all[i];
        size_t h = chunk_hash(ch->level, ch->cx, ch->cz, ch->key) & (c->tcap - 1);
        while (c->table[h])
            h = (h + 1) & (c->tcap - 1);
        c->table[h] = ch;
    }
    return 0;
}

static oy_tchunk *lookup(const oy_chunks *c, int level, int64_t cx, int64_t cz, uint64_t key)
{
    size_t h = chunk_hash(level, cx, cz, key) & (c->tcap - 1);
    for (oy_tchunk *ch; (ch = c->table[h]); h = (h + 1) & (c->tcap - 1))
        if (ch->level == level && ch->cx == cx && ch->cz == cz && ch->key == key)
            return ch;
    return NULL;
}

int oy_chunks_new(oy_chunks **out, size_t max_chunks)
{
    oy_chunks *c = oy_calloc(1, sizeof *c);
    if (!c)
        return OYSTER_E_NOMEM;
    c->max = max_chunks;
    if (table_rebuild(c, max_chunks) < 0) {
        oy_chunks_free(&c);
        return OYSTER_E_NOMEM;
    }
    *out = c;
    return 0;
}

void oy_chunks_free(oy_chunks **pc)
{
    oy_chunks *c = *pc;
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        free(c->all[i]);
    for (size_t i = 0; i < c->nspare; i++)
        free(c->spare[i]);
    free(c->all);
    free(c->table);
    free(c->grids);
    free(c);
    *pc = NULL;
}

static int cmp_used(const void *a, const void *b)
{
    const oy_tchunk *x = *(oy_tchunk *const *)a, *y = *(oy_tchunk *const *)b;
    if (x->used != y->used)
        return x->used > y->used ? -1 : 1;
    /* a total order, so eviction is the same on every run */
    if (x->level != y->level)
        return x->level - y->level;
    if (x->cx != y->cx)
        return x->cx < y->cx ? -1 : 1;
    return x->cz < y->cz ? -1 : x->cz > y->cz;
}

/* Drop the chunks no frame has used for STALE frames (the land a moving
 * camera left behind: memory does not grow with the distance travelled),
 * then the least recently used beyond max that this frame does not need. */
#define STALE 120
static void drop(oy_chunks *c, oy_tchunk *ch)
{
    if (c->nspare < SPARE)
        c->spare[c->nspare++] = ch;
    else
        free(ch);
}

static int evict(oy_chunks *c)
{
    size_t kept = 0, had = c->n;
    for (size_t i = 0; i < c->n; i++) {
        if (c->stamp - c->all[i]->used > STALE)
            drop(c, c->all[i]);
        else
            c->all[kept++] = c->all[i];
    }
    c->n = kept;
    if (c->n > c->max) {
        qsort(c->all, c->n, sizeof *c->all, cmp_used);
        while (c->n > c->max && c->all[c->n - 1]->used != c->stamp)
            drop(c, c->all[--c->n]);
    }
    return c->n == had ? 0 : table_rebuild(c, c->n > c->max ? c->n : c->max);
}

struct bake_job {
    const oy_world *w;
    const oy_world_shape *sh;
    oy_tchunk **list;
};

#define B (OY_RCHUNK + 3)

/* heights of bake row jz (-1 .. OY_RCHUNK + 1, with the border); the
 * cells the chunk keeps are evaluated in full into pts at the same time,
 * so no point is evaluated twice */
static void bake_row(const struct bake_job *j, double x0, double z0, float s, int jz,
                     float *h, oy_world_point *pts)
{
    int inner = jz >= 0 && jz < OY_RSTRIDE;
    for (int ix = 0; ix < B; ix++) {
        int keep = inner && ix >= 1 && ix <= OY_RSTRIDE;
        h[ix] = oy_world_eval(j->w, j->sh, x0 + (ix - 1) * (double)s, z0 + jz * (double)s, s,
                              keep ? &pts[ix - 1] : NULL);
    }
}

static void bake_task(void *arg, int task, int thread)
{
    struct bake_job *j = arg;
    oy_tchunk *ch = j->list[task];
    float s = OY_RBASE * (float)(1 << ch->level);
    double x0 = (double)ch->cx * OY_RCHUNK * s, z0 = (double)ch->cz * OY_RCHUNK * s;
    float h[B * B], hmax = -1e9f;
    oy_world_point pts[2][OY_RSTRIDE];

    /* heights with a one-cell border, for central-difference gradients;
     * a row's material needs the row after it */
    bake_row(j, x0, z0, s, -1, h, NULL);
    bake_row(j, x0, z0, s, 0, h + B, pts[0]);
    for (int jz = 0; jz < OY_RSTRIDE; jz++) {
        bake_row(j, x0, z0, s, jz + 1, h + (jz + 2) * B, pts[(jz + 1) & 1]);
        for (int ix = 0; ix < OY_RSTRIDE; ix++) {
            oy_world_point *pt = &pts[jz & 1][ix];
            double x = x0 + ix * (double)s, z = z0 + jz * (double)s;
            const float *hc = &h[(jz + 1) * B + ix + 1];
            float gx = (hc[1] - hc[-1]) / (2.0f * s), gz = (hc[B] - hc[-B]) / (2.0f * s);
            oy_world_material(j->w, j->sh, x, z, sqrtf(gx * gx + gz * gz), pt);
            oy_tcell *c = &ch->c[jz * OY_RSTRIDE + ix];
            c->g = hc[0];
            c->wl = pt->water > -1e8f ? pt->water : hc[0] - 0.5f;
            c->dx = (int16_t)oy_clampf(gx * 2048.0f, -32000.0f, 32000.0f);
            c->dz = (int16_t)oy_clampf(gz * 2048.0f, -32000.0f, 32000.0f);
            for (int k = 0; k < 3; k++)
                c->rgb[k] = (uint8_t)(sqrtf(oy_clampf(pt->rgb[k], 0.0f, 1.0f)) * 255.0f + 0.5f);
            c->canopy = (uint8_t)oy_clampf(pt->canopy * 10.0f + 0.5f, 0.0f, 255.0f);
            c->snow = (uint8_t)(pt->snow_aff * 255.0f + 0.5f);
            c->flood = (uint8_t)(oy_clampf(pt->flood, 0.0f, 1.0f) * 255.0f + 0.5f);
            memset(c->pad, 0, sizeof c->pad);
            float *top = &ch->top[jz * OY_RSTRIDE + ix];
            *top = oy_rmax(c->g + c->canopy * 0.1f, c->wl);
            hmax = oy_rmax(hmax, *top);
        }
    }
    ch->hmax = hmax;
    for (int bz = 0; bz < OY_RCHUNK / OY_RBLOCK; bz++)
        for (int bx = 0; bx < OY_RCHUNK / OY_RBLOCK; bx++) {
            float m = -1e9f;
            for (int jz = bz * OY_RBLOCK; jz <= (bz + 1) * OY_RBLOCK; jz++)
                for (int ix = bx * OY_RBLOCK; ix <= (bx + 1) * OY_RBLOCK; ix++)
                    m = oy_rmax(m, ch->top[jz * OY_RSTRIDE + ix]);
            ch->bmax[bz][bx] = m;
        }
}

float oy_level_ground(const oy_world *w, const oy_world_shape *sh, float range0, float t,
                      double x, double z, oy_world_point *pt)
{
    int k = 0;
    while (k < OY_RLEVELS - 1 && t > range0 * (float)(1 << k))
        k++;
    float r = range0 * (float)(1 << k), s = OY_RBASE * (float)(1 << k);
    float h = oy_world_eval(w, sh, x, z, s, pt);
    if (k < OY_RLEVELS - 1 && t > 0.8f * r)
        h = oy_lerpf(h, oy_world_eval(w, sh, x, z, 2.0f * s, NULL),
                     oy_level_blend(t, r, 1.0f / (0.2f * r)));
    return h;
}

static uint64_t shape_key(const oy_world *w, const oy_world_shape *sh)
{
    return oy_hash_bytes(oy_world_seed(w), sh->key, sizeof sh->key);
}

int oy_chunks_prepare(oy_chunks *c, const oy_world *w, const oy_world_shape *sh,
                      oy_pool *pool, const oy_chunk_req *req, int nreq,
                      double cam_x, double cam_z, oy_tlevel *levels)
{
    uint64_t key = shape_key(w, sh);
    oy_tchunk **fresh = NULL;
    size_t nfresh = 0, capfresh = 0, gneed = 0;
    int64_t bx0[OY_RLEVELS], bz0[OY_RLEVELS], bx1[OY_RLEVELS], bz1[OY_RLEVELS];
    int ret;

    c->stamp++;
    for (int k = 0; k < OY_RLEVELS; k++) {
        bx0[k] = bz0[k] = INT64_MAX;
        bx1[k] = bz1[k] = INT64_MIN;
    }
    /* mark what this frame uses; collect what is missing */
    for (int r = 0; r < nreq; r++) {
        const oy_chunk_req *q = &req[r];
        int k = q->level;
        bx0[k] = q->x0 < bx0[k] ? q->x0 : bx0[k];
        bz0[k] = q->z0 < bz0[k] ? q->z0 : bz0[k];
        bx1[k] = q->x1 > bx1[k] ? q->x1 : bx1[k];
        bz1[k] = q->z1 > bz1[k] ? q->z1 : bz1[k];
        for (int64_t z = q->z0; z <= q->z1; z++)
            for (int64_t x = q->x0; x <= q->x1; x++) {
                oy_tchunk *ch = lookup(c, k, x, z, key);
                if (ch) {
                    ch->used = c->stamp;
                    continue;
                }
                if ((ret = oy_grow(&fresh, &capfresh, nfresh + 1, sizeof *fresh)) < 0)
                    goto fail;
                if (!(ch = c->nspare ? c->spare[--c->nspare] : oy_malloc(sizeof *ch))) {
                    ret = OYSTER_E_NOMEM;
                    goto fail;
                }
                ch->level = k;
                ch->cx = x;
                ch->cz = z;
                ch->key = key;
                ch->used = c->stamp;
                fresh[nfresh++] = ch;
                /* in the table at once, so a second request finds it */
                if (c->n + nfresh > c->cap) {
                    size_t cap = c->cap;
                    if ((ret = oy_grow(&c->all, &cap, c->n + nfresh, sizeof *c->all)) < 0)
                        goto fail;
                    c->cap = cap;
                }
                c->all[c->n + nfresh - 1] = ch;
                if ((c->n + nfresh) * 2 > c->tcap) {
                    c->n += nfresh;
                    ret = table_rebuild(c, c->n);
                    c->n -= nfresh;
                    if (ret < 0)
                        goto fail;
                } else {
                    size_t h = chunk_hash(k, x, z, key) & (c->tcap - 1);
                    while (c->table[h])
                        h = (h + 1) & (c->tcap - 1);
                    c->table[h] = ch;
                }
            }
    }
    c->n += nfresh;
    if (nfresh) {
        struct bake_job job = { w, sh, fresh };
        oy_pool_run(pool, (int)nfresh, bake_task, &job);
    }
    free(fresh);
    fresh = NULL;
    if ((ret = evict(c)) < 0)
        return ret;

    for (int k = 0; k < OY_RLEVELS; k++)
        if (bx1[k] >= bx0[k])
            gneed += (size_t)((bx1[k] - bx0[k] + 1) * (bz1[k] - bz0[k] + 1));
    if (gneed > c->grids_cap) {
        oy_tchunk **g = oy_realloc_array(c->grids, gneed, sizeof *g);
        if (!g)
            return OYSTER_E_NOMEM;
        c->grids = g;
        c->grids_cap = gneed;
    }
    gneed = 0;
    for (int k = 0; k < OY_RLEVELS; k++) {
        oy_tlevel *L = &levels[k];
        L->spacing = OY_RBASE * (float)(1 << k);
        L->inv = 1.0f / L->spacing;
        if (bx1[k] < bx0[k]) {
            L->gw = L->gh = 0;
            L->grid = NULL;
            L->ox = L->oz = 0.0f;
            L->hmax = -1e9f;
            continue;
        }
        L->cx0 = bx0[k];
        L->cz0 = bz0[k];
        L->gw = (int)(bx1[k] - bx0[k] + 1);
        L->gh = (int)(bz1[k] - bz0[k] + 1);
        L->grid = c->grids + gneed;
        gneed += (size_t)L->gw * L->gh;
        double size = (double)OY_RCHUNK * L->spacing;
        L->ox = (float)(bx0[k] * size - cam_x);
        L->oz = (float)(bz0[k] * size - cam_z);
        L->hmax = -1e9f;
        for (int z = 0; z < L->gh; z++)
            for (int x = 0; x < L->gw; x++) {
                oy_tchunk *ch = lookup(c, k, bx0[k] + x, bz0[k] + z, key);
                if (ch && ch->used != c->stamp)
                    ch = NULL;
                L->grid[z * L->gw + x] = ch;
                if (ch)
                    L->hmax = oy_rmax(L->hmax, ch->hmax);
            }
    }
    /* a ray at level k may fall back to any coarser level */
    for (int k = OY_RLEVELS - 2; k >= 0; k--)
        levels[k].hmax = oy_rmax(levels[k].hmax, levels[k + 1].hmax);
    return 0;
fail:
    for (size_t i = 0; i < nfresh; i++)
        free(fresh[i]);
    free(fresh);
    table_rebuild(c, c->n);
    return ret;
}
