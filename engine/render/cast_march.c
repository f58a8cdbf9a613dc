/*
 * cast_march.c - the column-coherent terrain caster: the march and its
 * scheduling. Every intermediate column is a vertical plane through the
 * camera, so as rows rise the hit distance can only grow: each ray starts
 * where the ray below stopped, about 1.3 height samples per pixel. Rays
 * above the highest point of a level, a chunk or a block of cells jump
 * past it. Heights come from the baked chunk levels, blended across level
 * boundaries so rings never show a seam. Columns go in groups, row by
 * row; far land between shaded neighbours takes their mean, and water
 * waits for the end of its group so it can mirror the finished rows.
 * Shading is cast_land.c's and cast_water.c's, the sky and the air
 * cast_air.c's.
 */
#include <math.h>
#include <string.h>

#include "cast_impl.h"

/* the surface s of the cell q (r the row after) at fx, fz with a rough
 * sea's swells on its water, where the water is deep enough to heave */
static float heaved(const oy_cast *c, const oy_tcell *q, const oy_tcell *r, float fx, float fz,
                    float x, float z, float s)
{
    float g = oy_rbilin(q[0].g, q[1].g, r[0].g, r[1].g, fx, fz);
    float wl = oy_rbilin(q[0].wl, q[1].wl, r[0].wl, r[1].wl, fx, fz);
    if (wl - g <= 0.5f)
        return s;
    return oy_rmax(g, wl + oy_cast_heave(c, x, z) * oy_smoothstepf(0.5f, 6.0f, wl - g));
}

/* cast surface at a level (or the first coarser one baked there); *own
 * and *cell are the chunk and cell sampled when they are level k's own,
 * *own is NULL after a fallback */
static inline float surface(const oy_cast *c, int k, float x, float z, float cf,
                            const oy_tchunk **own, int *cell)
{
    for (int j = k; j < OY_RLEVELS; j++) {
        int i;
        float fx, fz;
        const oy_tchunk *ch = oy_tlocate(&c->levels[j], x, z, &i, &fx, &fz);
        if (!ch)
            continue;
        *own = j == k ? ch : NULL;
        *cell = i;
        const oy_tcell *q = ch->c + i;
        float lo = 0.0f, hi = 0.0f;
        const oy_tcell *r = q + OY_RSTRIDE;
        if (cf < 1.0f)
            lo = oy_rbilin(oy_rmax(q[0].g, q[0].wl), oy_rmax(q[1].g, q[1].wl),
                           oy_rmax(r[0].g, r[0].wl), oy_rmax(r[1].g, r[1].wl), fx, fz);
        if (cf > 0.0f) {
            const float *h = ch->top + i;
            hi = oy_rbilin(h[0], h[1], h[OY_RSTRIDE], h[OY_RSTRIDE + 1], fx, fz);
        }
        float s = cf <= 0.0f ? lo : cf >= 1.0f ? hi : lo + (hi - lo) * cf;
        return c->heave > 0.0f ? heaved(c, q, r, fx, fz, x, z, s) : s;
    }
    *own = NULL;
    return -1e9f;
}

/* Where a ray above the square [bx, bx + size] x [bz, bz + size] whose
 * surface stays below top may go on to: the square's far edge, the point
 * where it sinks to top, or the start of the level's blend band, whichever
 * comes first. Nothing in between can be hit, so skipping there changes
 * no pixel. */
static float skip_box(const oy_cast *c, float bx, float bz, float size, float top,
                      float hx, float hz, float s, float t, float band)
{
    float x = hx * t, z = hz * t, e = band;
    top += c->heave_top;
    if (hx > 1e-6f)
        e = oy_rmin(e, t + (bx + size - x) / hx);
    else if (hx < -1e-6f)
        e = oy_rmin(e, t + (bx - x) / hx);
    if (hz > 1e-6f)
        e = oy_rmin(e, t + (bz + size - z) / hz);
    else if (hz < -1e-6f)
        e = oy_rmin(e, t + (bz - z) / hz);
    if (s < 0.0f)
        e = oy_rmin(e, (top - c->cam_y) / s);
    return e;
}

/* the farthest a ray at t, height y, over cell i of chunk ch may skip */
static float skip(const oy_cast *c, const oy_tlevel *L, const oy_tchunk *ch, int i,
                  float y, float hx, float hz, float s, float t, float band)
{
    float size = OY_RCHUNK * L->spacing;
    float bx = L->ox + (float)(ch->cx - L->cx0) * size, bz = L->oz + (float)(ch->cz - L->cz0) * size;
    if (y > ch->hmax + c->heave_top)
        return skip_box(c, bx, bz, size, ch->hmax, hx, hz, s, t, band);
    int ci = i % OY_RSTRIDE / OY_RBLOCK, cj = i / OY_RSTRIDE / OY_RBLOCK;
    float top = ch->bmax[cj][ci];
    if (y <= top + c->heave_top)
        return t;
    float bs = OY_RBLOCK * L->spacing;
    return skip_box(c, bx + (float)ci * bs, bz + (float)cj * bs, bs, top, hx, hz, s, t, band);
}

/* A water pixel put off to the end of its group. */
typedef struct water_px { int i, row; ray r; } water_px;

/* The per-thread scratch of oy_cast_columns, carved from one block: a
 * group's water pixels; per row of each column, the first row from it up
 * that is not water; and each hit's horizontal distance, column by
 * column. */
typedef struct scratch { water_px *water; int *up; float *t; } scratch;

size_t oy_cast_scratch_size(int rows)
{
    return (size_t)OY_CAST_GROUP * (size_t)rows * (sizeof(water_px) + sizeof(int) + sizeof(float));
}

static scratch scratch_of(void *block, int rows)
{
    size_t n = (size_t)OY_CAST_GROUP * (size_t)rows;
    water_px *w = block;
    int *up = (int *)(w + n);
    return (scratch){ w, up, (float *)(up + n) };
}

static void column_start(const oy_cast *c, int col, column *q)
{
    float a = c->a0 + col * c->da;
    q->inv_l = 1.0f;
    if (c->equirect) {
        q->hx = oy_sinf(a);
        q->hz = oy_cosf(a);
    } else {
        float l = sqrtf(1.0f + a * a);
        q->inv_l = 1.0f / l;
        q->hx = (c->f0x + a * c->r0x) * q->inv_l;
        q->hz = (c->f0z + a * c->r0z) * q->inv_l;
    }
    /* the haze colour depends on azimuth only: once per column */
    q->az = oy_rturns(q->hx, q->hz);
    oy_sky_lut(c->sky, q->az, 0.05f, q->haze);
    for (int i = 0; i < 3; i++)
        q->haze[i] = oy_lerpf(q->haze[i], c->sky->overcast[i], c->sky->oc);
    q->t = q->tlo = 0.05f;
    q->k = 0;
    q->slo = surface(c, 0, q->hx * q->t, q->hz * q->t, 0.0f, &q->own, &q->cell);
    /* the surface at t, kept from the ray below: the next ray starts
     * where that one hit, so it needs no new lookup there */
    q->S = 0.0f;
    q->have_s = q->band = 0;
}

/* march one row's ray on from where the column's last one stopped */
static void march(const oy_cast *c, const ranges *R, column *q, int col, int row, ray *m)
{
    const float *range = R->r;
    float hx = q->hx, hz = q->hz, t = q->t, S = q->S;
    int k = q->k;
    float b = c->b0 + row * c->db;
    float s = c->equirect ? oy_tanf(oy_clampf(b, -1.56f, 1.56f)) : b * q->inv_l;
    float il = 1.0f / sqrtf(1.0f + s * s);
    float *d = m->d;
    d[0] = hx * il;
    d[1] = s * il;
    d[2] = hz * il;
    float y = 0.0f, relax = 0.7f / (fabsf(s) + 1.0f);
    for (;;) {
        if (t > c->tmax)
            break;
        while (k < OY_RLEVELS - 1 && t > range[k])
            k++;
        const oy_tlevel *L = &c->levels[k];
        y = c->cam_y + s * t;
        if (y > L->hmax + c->heave_top) {
            /* above everything this level and the coarser ones hold: a
             * rising ray is sky, a falling one can drop straight to that
             * height */
            if (s >= 0.0f) {
                t = 2.0f * c->tmax;
                break;
            }
            float tn = (L->hmax + c->heave_top - c->cam_y) / s;
            if (tn > t) {
                t = tn;
                q->have_s = 0;
                continue;
            }
        }
        if (!q->have_s) {
            float x = hx * t, z = hz * t, cf = oy_canopy_fade(t);
            const oy_tchunk *o2;
            int i2;
            S = surface(c, k, x, z, cf, &q->own, &q->cell);
            q->band = t > 0.8f * range[k] && k < OY_RLEVELS - 1;
            if (q->band) {
                S = oy_lerpf(S, surface(c, k + 1, x, z, cf, &o2, &i2),
                             oy_level_blend(t, range[k], R->band_inv[k]));
            }
        }
        q->have_s = 0;
        if (y <= S) {
            q->have_s = 1;
            break;
        }
        q->tlo = t;
        q->slo = S;
        float nt = t + oy_rmax(oy_rmax(L->spacing, t * 0.0035f), (y - S) * relax);
        if (q->own && !q->band)
            nt = oy_rmax(nt, skip(c, L, q->own, q->cell, y, hx, hz, s, t, 0.8f * range[k]));
        t = nt;
    }
    q->t = t;
    q->S = S;
    q->k = k;
    m->k = k;
    if (t > c->tmax) {
        c->depth[(size_t)row * c->w + col] = 1e30f;
        m->hit = SKY_RAY;
        m->th = m->dist = 1e30f;
        return;
    }
    /* secant between the last point above and the first below */
    float flo = c->cam_y + s * q->tlo - q->slo, fhi = y - S;
    m->th = q->tlo + (t - q->tlo) * flo / oy_rmax(flo - fhi, 1e-6f);
    m->y = c->cam_y + s * m->th;
    m->dist = m->th / il;
    m->hit = HIT;
    c->depth[(size_t)row * c->w + col] = m->dist;
}

/* Far land between two shaded neighbours (left and right in its row, or
 * below and above in its column) at about its depth takes their mean:
 * there its shading inputs are cells six or more pixels wide, so nothing
 * narrower than two pixels is lost, and most far ground is shaded for the
 * price of a march. Water (glitter), edges and the textured near ground
 * are always shaded. So is sky between sky, unless stars (a pixel wide)
 * may show. */
static int between(const oy_cast *c, const ray *l, const ray *m, const ray *r)
{
    if (m->hit == SKY_RAY)
        return l->hit == SKY && r->hit == SKY && c->sky->star_k <= 0.0f;
    float tol = 0.02f * m->dist;
    return l->hit == LAND && r->hit == LAND && m->dist > 75.0f &&
           fabsf(l->dist - r->dist) < tol && fabsf(m->dist - 0.5f * (l->dist + r->dist)) < tol;
}

/* shade the water a group put off, top row first: a reflection is read
 * from rows above, which are then final */
static void shade_deferred(const oy_cast *c, const ranges *R, const column *q, corners *cc, int g0, int n,
                           const scratch *sc, int nw)
{
    if (!nw)
        return;
    for (int i = 0; i < n; i++) {
        int *up = sc->up + (size_t)i * c->h, next = c->h;
        for (int r = c->h - 1; r >= 0; r--)
            next = up[r] = up[r] < 0 ? next : r;
    }
    for (int j = nw - 1; j >= 0; j--) {
        water_px *w = &sc->water[j];
        size_t at = (size_t)w->i * c->h;
        mirror mi = { &q[w->i], g0 + w->i, w->row, sc->up + at, sc->t + at };
        oy_cast_shade_hit(c, R, &q[w->i], &w->r, cc, g0 + w->i, w->row, &mi);
    }
}

/* Shade a row of the group's rays: even columns first, so an odd one may
 * take the mean of its left and right; with below and above (the rows
 * either side, final), any may take the mean of those. Water is put off
 * onto the scratch list. */
static void shade_row(const oy_cast *c, const ranges *R, const column *q, corners *cc, int g0,
                      int n, int row, ray *cur, const ray *below, const ray *above,
                      const scratch *sc, int *nw)
{
    for (int k = 0; k < n; k++) {
        int i = k < (n + 1) / 2 ? 2 * k : 2 * (k - (n + 1) / 2) + 1;
        ray *m = &cur[i];
        float *px = c->hdr + ((size_t)row * c->w + g0 + i) * 3;
        if (m->hit != HIT && m->hit != SKY_RAY)
            continue;
        const float *a = NULL, *b = NULL;
        if (below && between(c, &below[i], m, &above[i])) {
            a = px - (size_t)c->w * 3;
            b = px + (size_t)c->w * 3;
        } else if (i % 2 && i + 1 < n && between(c, &cur[i - 1], m, &cur[i + 1])) {
            a = px - 3;
            b = px + 3;
        }
        if (a) {
            for (int j = 0; j < 3; j++)
                px[j] = 0.5f * (a[j] + b[j]);
            m->hit = m->hit == SKY_RAY ? SKY : LAND;
        } else if (m->hit == SKY_RAY) {
            oy_cast_sky_pixel(c, m->d, q[i].az, q[i].haze, px);
            m->hit = SKY;
        } else if (oy_cast_shade_hit(c, R, &q[i], m, cc, g0 + i, row, NULL)) {
            sc->water[(*nw)++] = (water_px){ i, row, *m };
            sc->up[(size_t)i * c->h + row] = -1;
        }
    }
}

void oy_cast_columns(const oy_cast *c, int c0, int c1, void *scratch_block)
{
    scratch sc = scratch_of(scratch_block, c->h);
    ranges R;
    column q[OY_CAST_GROUP];
    ray rows[3][OY_CAST_GROUP];            /* the last final row, one waiting, this one */
    corners cc[2] = { { .q = NULL }, { .q = NULL } };
    for (int k = 0; k < OY_RLEVELS; k++) {
        R.r[k] = c->range0 * (float)(1 << k);
        R.band_inv[k] = 1.0f / (0.2f * R.r[k]);
    }
    /* a few columns side by side, row by row: their marches do not depend
     * on each other, so the processor overlaps them, and neighbours reuse
     * the terrain cells and output lines just touched. Odd rows wait for
     * the row above them, so they can take the mean of the two. */
    for (int g0 = c0; g0 < c1; g0 += OY_CAST_GROUP) {
        int n = c1 - g0 < OY_CAST_GROUP ? c1 - g0 : OY_CAST_GROUP, nw = 0;
        ray *last = rows[0], *wait = rows[1], *cur = rows[2];
        memset(sc.up, 0, sizeof *sc.up * (size_t)n * c->h);
        for (int i = 0; i < n; i++)
            column_start(c, g0 + i, &q[i]);
        for (int row = 0; row < c->h; row++) {
            for (int i = 0; i < n; i++) {
                march(c, &R, &q[i], g0 + i, row, &cur[i]);
                sc.t[(size_t)i * c->h + row] = cur[i].th;
            }
            if (row % 2 && row + 1 < c->h) {
                ray *t = wait;
                wait = cur;
                cur = t;
                continue;
            }
            shade_row(c, &R, q, cc, g0, n, row, cur, NULL, NULL, &sc, &nw);
            if (row % 2 == 0 && row >= 2)
                shade_row(c, &R, q, cc, g0, n, row - 1, wait, last, cur, &sc, &nw);
            ray *t = last;
            last = cur;
            cur = t;
        }
        shade_deferred(c, &R, q, cc, g0, n, &sc, nw);
    }
}
