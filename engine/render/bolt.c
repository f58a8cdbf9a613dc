/*
 * bolt.c - lightning bolts: the channels of the strikes the state carries,
 * drawn as hot white-violet lines with a soft glow into the linear colour
 * of the output rows, before the post.
 *
 * A bolt's shape is a pure function of its strike's seed and ground point:
 * a main channel from the cloud base to the ground by midpoint
 * displacement, finer toward the ground, and a few branches (some with
 * branches of their own) forking off its upper two thirds, going down and
 * out. Every frame of a strike builds the same shape, so the bolt flickers
 * with its glow but never changes. Once per frame the segments are
 * projected, clipped and binned by bands of output rows; each band then
 * paints only the segments that touch it. Within a band each pixel takes
 * the brightest segment's light (so joints and forks do not add up into
 * beads), tested against the band's depth, then adds it to the colour.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

#define BOLT_SEG 400                     /* segments per bolt at most */
#define MAX_SEG (OY_STATE_STRIKES * BOLT_SEG)
#define MAIN_SEG 260                     /* of which the main channel */
#define NEAR 1.0f                        /* near plane, metres */

/* a segment of a bolt's shape, metres from its ground point */
typedef struct gseg {
    float a[3], b[3];
    float ia, ib;                         /* brightness at a and b, 0..1 */
    float w;                              /* channel width, metres */
} gseg;

/* a segment as drawn this frame */
typedef struct pseg {
    float x0, y0, x1, y1;                 /* output pixels */
    float d0, d1;                         /* distance from the camera at the ends */
    float hw;                             /* core half width, pixels */
    float r1, r2;                         /* inner and outer glow radii, pixels */
    float core, h1, h2;                   /* their radiance */
    float ylo, yhi;
} pseg;

struct oy_bolts {
    int width, height, band, nbands, threads;
    gseg geo[BOLT_SEG];
    pseg *seg;                            /* MAX_SEG */
    int nseg;
    int *bin0;                            /* nbands + 1 starts into bin */
    int *bin;                             /* segment indices, band by band */
    int *cur;                             /* nbands fill cursors */
    float *scratch;                       /* per thread: band rows x width x (core, glow) */
    int *span;                            /* per thread: band rows x (x0, x1) touched */
};

int oy_bolts_new(oy_bolts **out, int width, int height, int band, int threads)
{
    oy_bolts *b = oy_calloc(1, sizeof *b);
    if (!b)
        return OYSTER_E_NOMEM;
    b->width = width;
    b->height = height;
    b->band = band;
    b->nbands = (height + band - 1) / band;
    b->threads = threads;
    b->seg = oy_malloc(sizeof *b->seg * MAX_SEG);
    b->bin0 = oy_malloc(sizeof *b->bin0 * ((size_t)b->nbands + 1));
    b->cur = oy_malloc(sizeof *b->cur * (size_t)b->nbands);
    /* a segment may touch every band (one crossing the view near the
     * camera); the list is sized for the worst case, once */
    b->bin = oy_realloc_array(NULL, (size_t)MAX_SEG * (size_t)b->nbands, sizeof *b->bin);
    b->scratch = oy_calloc((size_t)threads * band * (size_t)width * 2, sizeof(float));
    b->span = oy_malloc(sizeof *b->span * 2 * (size_t)threads * band);
    if (!b->seg || !b->bin0 || !b->cur || !b->bin || !b->scratch || !b->span) {
        oy_bolts_free(&b);
        return OYSTER_E_NOMEM;
    }
    *out = b;
    return 0;
}

void oy_bolts_free(oy_bolts **pb)
{
    oy_bolts *b = *pb;
    if (!b)
        return;
    free(b->seg);
    free(b->bin0);
    free(b->cur);
    free(b->bin);
    free(b->scratch);
    free(b->span);
    free(b);
    *pb = NULL;
}

/* ---- shape ---- */

typedef struct gen {
    gseg *out;
    int n, max;
    uint64_t seed;
    float top;                            /* cloud base above the ground */
    int depth;                            /* splits of a segment at most */
    float base, slope;                    /* a piece splits no more when it is
                                           * shorter than base + slope * height */
    float amp;                            /* sideways kick, per unit length */
    int descend;                          /* every piece goes down (the main
                                           * channel: it does not run along
                                           * the ground near its foot) */
} gen;

/* four uniforms in [0, 1) from one hash */
static void u4(uint64_t h, float u[4])
{
    for (int k = 0; k < 4; k++)
        u[k] = (float)((h >> (16 * k)) & 0xffff) * (1.0f / 65536.0f);
}

/* two unit vectors across direction d (unit) */
static void across(const float d[3], float e1[3], float e2[3])
{
    /* e1 = d x up, or d x x for a nearly vertical d */
    float ax = fabsf(d[1]) < 0.9f ? 0.0f : 1.0f, ay = 1.0f - ax;
    float c[3] = { d[1] * 0.0f - d[2] * ay, d[2] * ax - d[0] * 0.0f, d[0] * ay - d[1] * ax };
    float l = sqrtf(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
    for (int i = 0; i < 3; i++)
        e1[i] = c[i] / l;
    e2[0] = d[1] * e1[2] - d[2] * e1[1];
    e2[1] = d[2] * e1[0] - d[0] * e1[2];
    e2[2] = d[0] * e1[1] - d[1] * e1[0];
}

/* Split p0-p1 at a displaced midpoint until the pieces are short enough
 * for their height; emit the pieces from p0 to p1 in order. The kick at
 * each split is a hash of (branch, depth, path), so the shape does not
 * depend on what else was built. */
static void subdiv(gen *g, const float p0[3], const float p1[3], float i0, float i1, float w,
                   uint64_t branch, int depth, uint64_t path)
{
    if (g->n >= g->max)
        return;
    float d[3] = { p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2] };
    float len = sqrtf(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    float lo = oy_rmax(oy_rmin(p0[1], p1[1]), 0.0f);
    if (depth >= g->depth || len <= g->base + g->slope * lo || len < 0.5f) {
        if (!g->out) {                    /* counting */
            g->n++;
            return;
        }
        gseg *s = &g->out[g->n++];
        memcpy(s->a, p0, sizeof s->a);
        memcpy(s->b, p1, sizeof s->b);
        /* the channel fades into the cloud at its top */
        float fa = oy_smoothstepf(g->top, g->top * 0.86f, p0[1]);
        float fb = oy_smoothstepf(g->top, g->top * 0.86f, p1[1]);
        s->ia = i0 * fa;
        s->ib = i1 * fb;
        s->w = w;
        return;
    }
    for (int i = 0; i < 3; i++)
        d[i] /= len;
    float e1[3], e2[3], u[4], m[3];
    across(d, e1, e2);
    u4(oy_hash(g->seed, OY_STREAM_LIGHTNING, 1000 + branch, (uint64_t)depth, path), u);
    /* triangular kicks across, the biggest bends milder; the split falls
     * anywhere in the middle, so the steps are uneven and never a
     * regular zigzag */
    float amp = g->amp * (depth < 2 ? 0.6f : len < 25.0f ? 1.4f : 1.0f);
    float k1 = (u[0] + u[1] - 1.0f) * amp * len, k2 = (u[2] + u[3] - 1.0f) * amp * len;
    float f = 0.3f + 0.4f * oy_u01(oy_hash(g->seed, OY_STREAM_LIGHTNING, 1000 + branch, 64 + (uint64_t)depth, path));
    for (int i = 0; i < 3; i++)
        m[i] = p0[i] + (p1[i] - p0[i]) * f + k1 * e1[i] + k2 * e2[i];
    m[1] = oy_rmax(m[1], 0.3f * lo);
    if (g->descend) {
        float hi = oy_rmax(p0[1], p1[1]), lo2 = oy_rmin(p0[1], p1[1]), dy = hi - lo2;
        m[1] = oy_clampf(m[1], lo2 + 0.15f * dy, hi - 0.15f * dy);
    }
    float im = i0 + (i1 - i0) * f;
    subdiv(g, p0, m, i0, im, w, branch, depth + 1, path * 2);
    subdiv(g, m, p1, im, i1, w, branch, depth + 1, path * 2 + 1);
}

/* a forked branch from point p, azimuth az, length L */
static int branch(gen *g, const float p[3], float az, float L, float drop, float i0, float w,
                  uint64_t id, int depth, int budget)
{
    g->depth = depth;
    float e[3] = { p[0] + oy_sinf(az) * L, oy_rmax(p[1] - drop * L, 20.0f), p[2] + oy_cosf(az) * L };
    int n0 = g->n, keep = g->max;
    if (g->max - g->n > budget)
        g->max = g->n + budget;
    subdiv(g, p, e, i0, i0 * 0.08f, w, id, 0, 1);
    g->max = keep;
    return g->n - n0;
}

/* The bolt's shape for strike seed, in metres from its ground point at
 * height gy; cloud_alt is the cloud base's height, or 0 for none.
 * Returns the segment count (at most BOLT_SEG). */
static int build(gseg *out, uint64_t seed, float gy, float cloud_alt)
{
    gen g = { out, 0, MAIN_SEG, seed, 0, 12, 2.5f, 0.02f, 0.34f, 1 };
    float u[4], v[4];
    u4(oy_hash(seed, OY_STREAM_LIGHTNING, 900, 0, 0), u);
    u4(oy_hash(seed, OY_STREAM_LIGHTNING, 900, 1, 0), v);
    float top = 1500.0f + 500.0f * u[0];
    /* under a cloud deck the channel comes out of it */
    if (cloud_alt > 0.0f)
        top = oy_clampf(cloud_alt - gy + 40.0f + 100.0f * u[0], 500.0f, 2600.0f);
    g.top = top;
    float lean = top * 0.22f * u[1], la = (float)(2.0 * OY_PI) * u[2];
    float p0[3] = { oy_sinf(la) * lean, top, oy_cosf(la) * lean }, p1[3] = { 0, 0, 0 };
    /* the main channel in pieces of 3 m at the ground to some 25 m at
     * the cloud base; coarser where a crooked channel would need more
     * than its share (counted first: the count depends on the seed alone) */
    for (int k = 0; k < 16; k++) {
        g.out = NULL;
        g.n = 0;
        g.max = 1 << 30;
        subdiv(&g, p0, p1, 1.0f, 1.0f, 1.0f, 0, 0, 1);
        if (g.n <= MAIN_SEG)
            break;
        g.base *= 1.25f;
        g.slope *= 1.25f;
    }
    g.out = out;
    g.n = 0;
    g.max = MAIN_SEG;
    subdiv(&g, p0, p1, 1.0f, 1.0f, 1.0f, 0, 0, 1);
    int nmain = g.n;

    /* branches off the upper two thirds, down and out; a few fork again */
    int nb = 3 + (int)(v[0] * 5.0f);
    g.max = BOLT_SEG;
    g.base = 1.0f;
    g.slope = 0.0f;
    g.amp = 0.38f;
    g.descend = 0;
    for (int k = 0; k < nb && g.n < BOLT_SEG - 8; k++) {
        float b[4], c[4];
        u4(oy_hash(seed, OY_STREAM_LIGHTNING, 910 + k, 0, 0), b);
        u4(oy_hash(seed, OY_STREAM_LIGHTNING, 910 + k, 1, 0), c);
        float y = top * (0.96f - 0.62f * b[0]);
        int at = 0;
        while (at < nmain - 1 && out[at].b[1] > y)
            at++;
        const gseg *s = &out[at];
        float L = top * (0.1f + 0.2f * b[1]) * (0.6f + 0.4f * y / top);
        float az = (float)(2.0 * OY_PI) * b[2];
        float i0 = 0.3f + 0.3f * b[3];
        int left = nb - k;
        int first = g.n;
        int n = branch(&g, s->b, az, L, 0.5f + 0.5f * c[0], i0, 0.7f, 100 + (uint64_t)k,
                       L > 300.0f ? 5 : 4, (BOLT_SEG - g.n) / left);
        /* its own branches */
        int ns = (int)(c[1] * 3.0f);
        for (int j = 0; j < ns && n > 4; j++) {
            float e[4];
            u4(oy_hash(seed, OY_STREAM_LIGHTNING, 910 + k, 2 + j, 0), e);
            const gseg *q = &out[first + (int)(e[0] * 0.6f * n)];
            float side = e[1] < 0.5f ? -1.0f : 1.0f;
            branch(&g, q->b, az + side * (0.4f + 0.7f * e[2]), L * (0.3f + 0.25f * e[3]),
                   0.6f + 0.4f * e[1], q->ib * 0.55f, 0.5f, 200 + (uint64_t)k * 4 + j, 3,
                   (int)oy_clampf((BOLT_SEG - g.n) / (float)left, 0.0f, 16.0f));
        }
    }
    return g.n;
}

/* ---- per frame ---- */

/* clip a 2D segment (with its distances) to a rectangle; 0 when outside */
static int clip2(float *x0, float *y0, float *x1, float *y1, float *d0, float *d1,
                 float xl, float yl, float xh, float yh)
{
    float dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0.0f, t1 = 1.0f;
    float p[4] = { -dx, dx, -dy, dy }, q[4] = { *x0 - xl, xh - *x0, *y0 - yl, yh - *y0 };
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0f) {
            if (q[i] < 0.0f)
                return 0;
            continue;
        }
        float r = q[i] / p[i];
        if (p[i] < 0.0f) {
            if (r > t1)
                return 0;
            if (r > t0)
                t0 = r;
        } else {
            if (r < t0)
                return 0;
            if (r < t1)
                t1 = r;
        }
    }
    float ax = *x0, ay = *y0, ad = *d0, dd = *d1 - *d0;
    *x0 = ax + dx * t0; *y0 = ay + dy * t0; *d0 = ad + dd * t0;
    *x1 = ax + dx * t1; *y1 = ay + dy * t1; *d1 = ad + dd * t1;
    return 1;
}

int oy_bolts_prepare(oy_bolts *b, const oy_world *w, const oy_state *st, const oy_cast *c,
                     const oy_wview *v, float exposure)
{
    b->nseg = 0;
    if (st->nstrikes <= 0)
        return 0;
    const oy_sky *sky = c->sky;
    float W = (float)b->width, H = (float)b->height;
    /* pixel sizes scale with the output, so every size looks alike */
    float s = W / 1280.0f;
    float minw = oy_rmax(1.0f, W / 700.0f);
    float inv_ex = 1.0f / oy_rmax(exposure, 1e-6f);
    for (int k = 0; k < st->nstrikes && k < OY_STATE_STRIKES; k++) {
        const oy_strike *sk = &st->strikes[k];
        float glow = oy_clampf(sk->glow, 0.0f, 1.0f) * oy_clampf(sk->energy, 0.0f, 1.0f);
        if (glow < 0.01f)
            continue;
        float gy = oy_world_surface(w, st, sk->x, sk->z);
        float rel[3] = { (float)(sk->x - v->pos[0]), (float)(gy - v->pos[1]),
                         (float)(sk->z - v->pos[2]) };
        float dist = sqrtf(rel[0] * rel[0] + rel[1] * rel[1] + rel[2] * rel[2]);
        /* far strikes and thick air dim it, a little */
        float dim = glow / (1.0f + dist * dist * (1.0f / (7000.0f * 7000.0f))) *
                    oy_rexp(-0.5f * c->fog_a * dist);
        if (dim < 0.003f)
            continue;
        int ng = build(b->geo, sk->seed, gy, sky->cloud > 0.3f ? sky->cloud_alt : 0.0f);
        for (int i = 0; i < ng && b->nseg < MAX_SEG; i++) {
            const gseg *g = &b->geo[i];
            float bright = 0.5f * (g->ia + g->ib);
            if (bright <= 0.002f)
                continue;
            float P[2][3], cam[2][3];
            for (int e = 0; e < 2; e++) {
                const float *q = e ? g->b : g->a;
                for (int j = 0; j < 3; j++)
                    P[e][j] = rel[j] + q[j];
                cam[e][0] = P[e][0] * v->right.x + P[e][1] * v->right.y + P[e][2] * v->right.z;
                cam[e][1] = P[e][0] * v->up.x + P[e][1] * v->up.y + P[e][2] * v->up.z;
                cam[e][2] = P[e][0] * v->fwd.x + P[e][1] * v->fwd.y + P[e][2] * v->fwd.z;
            }
            if (cam[0][2] < NEAR && cam[1][2] < NEAR)
                continue;
            /* clip to the near plane */
            float ta = 0.0f, tb = 1.0f;
            float dz = cam[1][2] - cam[0][2];
            if (cam[0][2] < NEAR)
                ta = (NEAR - cam[0][2]) / dz;
            if (cam[1][2] < NEAR)
                tb = (NEAR - cam[0][2]) / dz;
            float q0[3], q1[3], w0[3], w1[3];
            for (int j = 0; j < 3; j++) {
                q0[j] = cam[0][j] + (cam[1][j] - cam[0][j]) * ta;
                q1[j] = cam[0][j] + (cam[1][j] - cam[0][j]) * tb;
                w0[j] = P[0][j] + (P[1][j] - P[0][j]) * ta;
                w1[j] = P[0][j] + (P[1][j] - P[0][j]) * tb;
            }
            oy_assert(b->nseg < MAX_SEG);
            pseg *o = &b->seg[b->nseg];
            o->x0 = W * 0.5f + q0[0] / q0[2] * v->fx;
            o->y0 = H * 0.5f - q0[1] / q0[2] * v->fy;
            o->x1 = W * 0.5f + q1[0] / q1[2] * v->fx;
            o->y1 = H * 0.5f - q1[1] / q1[2] * v->fy;
            o->d0 = sqrtf(w0[0] * w0[0] + w0[1] * w0[1] + w0[2] * w0[2]);
            o->d1 = sqrtf(w1[0] * w1[0] + w1[1] * w1[1] + w1[2] * w1[2]);
            float zm = oy_rmin(q0[2], q1[2]);
            float wpx = g->w * v->fx / zm;
            o->hw = 0.5f * oy_rmin(oy_rmax(minw, wpx), 0.25f * W);
            /* a dim branch's wide glow is faint: draw less of it */
            float reach = oy_clampf(sqrtf(bright * dim), 0.4f, 1.0f);
            o->r1 = oy_rmax(oy_rmax(3.0f * s, 1.5f), o->hw * 2.5f);
            o->r2 = oy_rmax(oy_rmax(24.0f * s * reach, 5.0f), o->hw * 9.0f);
            float k = bright * dim * inv_ex;
            o->core = 30.0f * k;
            o->h1 = 3.0f * k;
            o->h2 = 0.35f * k;
            float m = o->r2 + 1.0f;
            if (!clip2(&o->x0, &o->y0, &o->x1, &o->y1, &o->d0, &o->d1, -m, -m, W + m, H + m))
                continue;
            o->ylo = oy_rmin(o->y0, o->y1) - m;
            o->yhi = oy_rmax(o->y0, o->y1) + m;
            b->nseg++;
        }
    }
    if (!b->nseg)
        return 0;
    /* bin by bands of rows: count, then place */
    int nb = b->nbands, bh = b->band;
    memset(b->bin0, 0, sizeof *b->bin0 * ((size_t)nb + 1));
    for (int i = 0; i < b->nseg; i++) {
        const pseg *o = &b->seg[i];
        int k0 = (int)oy_clampf(floorf(o->ylo / bh), 0.0f, (float)nb - 1);
        int k1 = (int)oy_clampf(floorf(o->yhi / bh), 0.0f, (float)nb - 1);
        for (int k = k0; k <= k1; k++)
            b->bin0[k + 1]++;
    }
    for (int k = 0; k < nb; k++)
        b->bin0[k + 1] += b->bin0[k];
    int *cur = b->cur;
    memcpy(cur, b->bin0, sizeof *cur * (size_t)nb);
    for (int i = 0; i < b->nseg; i++) {
        const pseg *o = &b->seg[i];
        int k0 = (int)oy_clampf(floorf(o->ylo / bh), 0.0f, (float)nb - 1);
        int k1 = (int)oy_clampf(floorf(o->yhi / bh), 0.0f, (float)nb - 1);
        for (int k = k0; k <= k1; k++)
            b->bin[cur[k]++] = i;
    }
    return b->nseg;
}

/* one segment's light over rows [ra, rb) of the band that starts at row
 * y0: the brightest core and glow per pixel are kept in sc */
static void paint(const pseg *o, int W, int ra, int rb, int y0, float *sc, const float *depth,
                  int *span)
{
    float dx = o->x1 - o->x0, dy = o->y1 - o->y0, len2 = dx * dx + dy * dy;
    float inv = len2 > 1e-8f ? 1.0f / len2 : 0.0f;
    float R = o->r2, R2 = R * R, ir1 = 1.0f / (o->r1 * o->r1), ir2 = 1.0f / R2;
    int ya = (int)oy_rmax((float)ra, floorf(o->ylo)), yb = (int)oy_rmin((float)rb, ceilf(o->yhi));
    for (int y = ya; y < yb; y++) {
        float yc = y + 0.5f, ta = 0.0f, tb = 1.0f;
        if (fabsf(dy) > 1e-4f) {
            ta = (yc - R - o->y0) / dy;
            tb = (yc + R - o->y0) / dy;
            if (ta > tb) {
                float t = ta; ta = tb; tb = t;
            }
            ta = oy_clampf(ta, 0.0f, 1.0f);
            tb = oy_clampf(tb, 0.0f, 1.0f);
        } else if (fabsf(yc - o->y0) > R) {
            continue;
        }
        float xa = o->x0 + dx * ta, xb = o->x0 + dx * tb;
        if (xa > xb) {
            float t = xa; xa = xb; xb = t;
        }
        int ix0 = (int)oy_rmax(0.0f, floorf(xa - R)), ix1 = (int)oy_rmin((float)W - 1.0f, floorf(xb + R));
        if (ix0 > ix1)
            continue;
        int r = y - y0;
        float *row = sc + (size_t)r * W * 2;
        const float *dr = depth + (size_t)r * W;
        int lit0 = W, lit1 = -1;
        for (int x = ix0; x <= ix1; x++) {
            float px = x + 0.5f;
            float t = oy_clampf(((px - o->x0) * dx + (yc - o->y0) * dy) * inv, 0.0f, 1.0f);
            float ex = o->x0 + dx * t - px, ey = o->y0 + dy * t - yc, d2 = ex * ex + ey * ey;
            if (d2 >= R2)
                continue;
            /* hidden by what is nearer (with a little slack where the
             * channel meets the ground) */
            float dist = o->d0 + (o->d1 - o->d0) * t;
            if (dr[x] < dist * 0.985f - 2.0f)
                continue;
            float d = sqrtf(d2);
            float core = o->core * oy_clampf(o->hw + 0.5f - d, 0.0f, 1.0f);
            float q1 = 1.0f - d2 * ir1, q2 = 1.0f - d2 * ir2;
            float g = o->h2 * q2 * q2 * q2 + (q1 > 0.0f ? o->h1 * q1 * q1 * q1 : 0.0f);
            float *p = row + (size_t)x * 2;
            if (core > p[0])
                p[0] = core;
            if (g > p[1])
                p[1] = g;
            if (x < lit0)
                lit0 = x;
            lit1 = x;
        }
        if (lit0 < span[2 * r])
            span[2 * r] = lit0;
        if (lit1 > span[2 * r + 1])
            span[2 * r + 1] = lit1;
    }
}

void oy_bolts_draw(const oy_bolts *b, int thread, float *hdr, const float *depth, int y0, int y1)
{
    if (!b->nseg)
        return;
    static const float white[3] = { 0.96f, 0.95f, 1.0f }, violet[3] = { 0.7f, 0.62f, 1.0f };
    int W = b->width, bh = b->band;
    float *sc = b->scratch + (size_t)thread * bh * W * 2;
    int *span = b->span + (size_t)thread * bh * 2;
    /* a band at a time (out_task hands one band at most) */
    for (int ys = y0; ys < y1; ys += bh) {
        int ye = ys + bh < y1 ? ys + bh : y1;
        float *hb = hdr + (size_t)(ys - y0) * W * 3;
        const float *db = depth + (size_t)(ys - y0) * W;
        for (int r = 0; r < ye - ys; r++) {
            span[2 * r] = W;
            span[2 * r + 1] = -1;
        }
        int any = 0;
        for (int k = ys / bh; k <= (ye - 1) / bh && k < b->nbands; k++) {
            int ra = ys > k * bh ? ys : k * bh, rb = ye < (k + 1) * bh ? ye : (k + 1) * bh;
            for (int e = b->bin0[k]; e < b->bin0[k + 1]; e++) {
                paint(&b->seg[b->bin[e]], W, ra, rb, ys, sc, db, span);
                any = 1;
            }
        }
        if (!any)
            continue;
        for (int r = 0; r < ye - ys; r++) {
            float *row = sc + (size_t)r * W * 2, *out = hb + (size_t)r * W * 3;
            for (int x = span[2 * r]; x <= span[2 * r + 1]; x++) {
                float *p = row + (size_t)x * 2;
                for (int c = 0; c < 3; c++)
                    out[(size_t)x * 3 + c] += p[0] * white[c] + p[1] * violet[c];
                p[0] = p[1] = 0.0f;
            }
        }
    }
}
