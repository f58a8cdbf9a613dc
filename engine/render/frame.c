/*
 * frame.c - the renderer: one frame from (world, state, view). It picks the
 * intermediate projection (the output itself for level views, an upright
 * lens-shifted plane for tilted ones, azimuth/elevation for steep or rolled
 * views), asks for the terrain chunks that projection can see, builds the
 * sun shadow grids, casts the columns, then in one pass per band of output
 * rows reprojects, adds rain or snow, grades, dithers and letterboxes.
 * A draft renders the frame at half the output's width and height and
 * scales it up. Every pass is a static split of pixels over the pool's
 * tasks.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

#define MAX_CHUNKS 1400
#define MAX_REQ 8192               /* the view's chunk requests; the shadow's follow */
#define REQ_CAP (MAX_REQ + OY_SHADOW_GRIDS)
#define TMAX 40000.0f
#define BAND 16                    /* output rows per task of the last pass */

struct oy_renderer {
    const oy_world *w;
    oy_render_config cfg;          /* the frame rendered: a draft's is half the output */
    int out_w, out_h;              /* the output */
    int bx0, bx1, by0, by1;        /* a draft's: the output's active rectangle */
    uint8_t *small;                /* a draft's frame before it is scaled up */
    struct up_tap { int a, b, f; } *tap_x, *tap_y;  /* its output columns' and rows' (up_taps) */
    oy_pool *pool;
    oy_chunks *chunks;
    oy_tlevel levels[OY_RLEVELS];
    oy_sky sky;
    float *clouds;
    float *detail;
    oy_shadow shadow;
    oy_post post;
    oy_chunk_req *req;
    float *hdr, *depth;            /* intermediate */
    size_t cap;
    unsigned char *scratch;        /* per thread: the caster's, for scratch_rows rows */
    int scratch_rows;
    float *band;                   /* per thread: BAND output rows, linear light and depth */
    int nband;
    oy_wpart *parts;               /* this frame's rain or snow */
    oy_objects *objects;           /* this frame's things in the world */
    oy_bolts *bolts;               /* this frame's lightning */
    int ax0, ax1, ay0, ay1;        /* active (not letterboxed) rectangle */
};

/* atan2 accurate to ~2e-7 rad: for reprojection, where the table helper's
 * 1e-4 turn would misplace pixels */
static float atan2_acc(float y, float x)
{
    float ax = fabsf(x), ay = fabsf(y);
    float mx = fmaxf(ax, ay), mn = fminf(ax, ay);
    if (mx <= 0.0f)
        return 0.0f;
    float a = mn / mx;
    /* reduce to |a| <= tan(pi/12) */
    int shift = a > 0.26794919f;
    if (shift)
        a = (a * 1.7320508f - 1.0f) / (a + 1.7320508f);
    float s = a * a;
    float r = a * (1.0f + s * (-0.33333333f + s * (0.2f + s * (-0.14285714f + s * (0.11111111f - s * 0.09090909f)))));
    if (shift)
        r += 0.52359878f;
    if (ay > ax)
        r = 1.57079633f - r;
    if (x < 0.0f)
        r = 3.14159265f - r;
    return y < 0.0f ? -r : r;
}

/* the active (not letterboxed or pillarboxed) rectangle of a w x h frame
 * for an aspect (0: all of it) */
static void active_rect(int w, int h, double aspect, int *x0, int *x1, int *y0, int *y1)
{
    *x0 = 0; *x1 = w; *y0 = 0; *y1 = h;
    if (aspect <= 0.0)
        return;
    double fa = (double)w / h;
    if (aspect > fa + 1e-9) {
        int ah = (int)(w / aspect + 0.5);
        *y0 = (h - ah) / 2;
        *y1 = *y0 + ah;
    } else if (aspect < fa - 1e-9) {
        int aw = (int)(h * aspect + 0.5);
        *x0 = (w - aw) / 2;
        *x1 = *x0 + aw;
    }
}

/* where each output pixel of n falls among the m of a draft's small
 * frame, in 1/256ths: the pixel at or before it, the one after, and the
 * weight of the one after */
static void up_taps(struct up_tap *t, int n, int m)
{
    for (int i = 0; i < n; i++) {
        int64_t pos = ((int64_t)(2 * i + 1) * m * 256) / (2 * n) - 128;
        if (pos < 0)
            pos = 0;
        t[i].a = (int)(pos >> 8);
        t[i].f = (int)(pos & 255);
        if (t[i].a >= m - 1) {
            t[i].a = m - 1;
            t[i].f = 0;
        }
        t[i].b = t[i].a + 1 < m ? t[i].a + 1 : t[i].a;
    }
}

int oy_renderer_new(oy_renderer **out, const oy_world *w, const oy_render_config *ocfg,
                    oy_pool *pool)
{
    oy_renderer *r = oy_calloc(1, sizeof *r);
    int ret = OYSTER_E_NOMEM;
    if (!r)
        return ret;
    if (ocfg->width < 16 || ocfg->height < 16 || ocfg->width > 7680 || ocfg->height > 4320) {
        ret = OYSTER_E_INPUT;
        goto fail;
    }
    r->w = w;
    r->cfg = *ocfg;
    r->out_w = ocfg->width;
    r->out_h = ocfg->height;
    if (ocfg->draft) {
        r->cfg.width = (ocfg->width + 1) / 2;
        r->cfg.height = (ocfg->height + 1) / 2;
        active_rect(r->out_w, r->out_h, ocfg->aspect, &r->bx0, &r->bx1, &r->by0, &r->by1);
        r->small = oy_malloc((size_t)r->cfg.width * r->cfg.height * 3);
        r->tap_x = oy_malloc(sizeof *r->tap_x * (size_t)r->out_w);
        r->tap_y = oy_malloc(sizeof *r->tap_y * (size_t)r->out_h);
        if (!r->small || !r->tap_x || !r->tap_y)
            goto fail;
        up_taps(r->tap_x, r->out_w, r->cfg.width);
        up_taps(r->tap_y, r->out_h, r->cfg.height);
    }
    const oy_render_config *cfg = &r->cfg;
    r->pool = pool;
    if ((ret = oy_chunks_new(&r->chunks, MAX_CHUNKS)) < 0 ||
        (ret = oy_sky_clouds_make(&r->clouds, cfg->seed)) < 0 ||
        (ret = oy_cast_detail_make(&r->detail, cfg->seed)) < 0 ||
        (ret = oy_shadow_init(&r->shadow, cfg->draft)) < 0 ||
        (ret = oy_objects_new(&r->objects)) < 0)
        goto fail;
    if ((ret = oy_bolts_new(&r->bolts, cfg->width, cfg->height, BAND, oy_pool_threads(pool))) < 0)
        goto fail;
    r->sky.clouds = r->clouds;
    r->sky.seed = cfg->seed;
    r->req = oy_malloc(sizeof *r->req * REQ_CAP);
    r->nband = oy_pool_threads(pool);
    r->band = oy_malloc(sizeof(float) * 4 * BAND * (size_t)cfg->width * (size_t)r->nband);
    r->parts = oy_malloc(sizeof *r->parts * OY_WEATHER_MAX);
    if (!r->req || !r->band || !r->parts) {
        ret = OYSTER_E_NOMEM;
        goto fail;
    }
    /* letterbox (or pillarbox) inside the frame */
    active_rect(cfg->width, cfg->height, cfg->aspect, &r->ax0, &r->ax1, &r->ay0, &r->ay1);
    *out = r;
    return 0;
fail:
    oy_renderer_free(&r);
    return ret;
}

void oy_renderer_free(oy_renderer **pr)
{
    oy_renderer *r = *pr;
    if (!r)
        return;
    oy_chunks_free(&r->chunks);
    oy_shadow_release(&r->shadow);
    oy_objects_free(&r->objects);
    oy_bolts_free(&r->bolts);
    free(r->clouds);
    free(r->detail);
    free(r->req);
    free(r->hdr);
    free(r->depth);
    free(r->scratch);
    free(r->band);
    free(r->parts);
    free(r->small);
    free(r->tap_x);
    free(r->tap_y);
    free(r);
    *pr = NULL;
}

/* ---- projection ---- */

typedef struct proj {
    float thx, thy;
    int direct;                    /* intermediate pixels are the frame's pixels */
} proj;

static void pixel_dir(const oy_view *v, const proj *p, int W, int H, float x, float y, float d[3])
{
    float u = (2.0f * x / W - 1.0f) * p->thx, w = (1.0f - 2.0f * y / H) * p->thy;
    d[0] = v->fwd.x + u * v->right.x + w * v->up.x;
    d[1] = v->fwd.y + u * v->right.y + w * v->up.y;
    d[2] = v->fwd.z + u * v->right.z + w * v->up.z;
}

static int setup_projection(oy_renderer *r, const oy_view *v, oy_cast *c, proj *p)
{
    int W = r->cfg.width, H = r->cfg.height;
    float pix = 2.0f * p->thx / W;          /* intermediate pixel, in tan units */
    float corners[4][3];
    float ex[4] = { (float)r->ax0, (float)r->ax1, (float)r->ax0, (float)r->ax1 };
    float ey[4] = { (float)r->ay0, (float)r->ay0, (float)r->ay1, (float)r->ay1 };
    float hl = sqrtf(v->fwd.x * v->fwd.x + v->fwd.z * v->fwd.z);
    float mincos = 1.0f;

    c->equirect = 0;
    p->direct = 0;
    if (hl > 1e-4f) {
        c->f0x = v->fwd.x / hl;
        c->f0z = v->fwd.z / hl;
        c->r0x = c->f0z;
        c->r0z = -c->f0x;
        for (int i = 0; i < 4; i++) {
            pixel_dir(v, p, W, H, ex[i], ey[i], corners[i]);
            float *d = corners[i];
            float len = sqrtf(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            mincos = fminf(mincos, (d[0] * c->f0x + d[2] * c->f0z) / len);
        }
    } else {
        mincos = 0.0f;
    }
    if (mincos > 0.4f) {
        float amin = 1e9f, amax = -1e9f, bmin = 1e9f, bmax = -1e9f;
        for (int i = 0; i < 4; i++) {
            float *d = corners[i], den = d[0] * c->f0x + d[2] * c->f0z;
            float a = (d[0] * c->r0x + d[2] * c->r0z) / den, b = d[1] / den;
            amin = fminf(amin, a); amax = fmaxf(amax, a);
            bmin = fminf(bmin, b); bmax = fmaxf(bmax, b);
        }
        int level = fabsf(v->fwd.y) < 1e-6f && fabsf(v->right.y) < 1e-6f;
        if (level) {
            /* the frame's own pixel grid: no resampling */
            c->w = r->ax1 - r->ax0;
            c->h = r->ay1 - r->ay0;
            c->da = (amax - amin) / c->w;
            c->db = (bmax - bmin) / c->h;
            c->a0 = amin + 0.5f * c->da;
            c->b0 = bmin + 0.5f * c->db;
            p->direct = 1;
            return 0;
        }
        /* without roll, a grid with the output's pixel pitch at the
         * middle pixel and a node on that pixel's centre: where the tilt
         * is small the reprojection then reads near-whole pixels and
         * stays sharp */
        float da = pix, db = pix, ac = amin, bc = bmin;
        if (fabsf(v->right.y) < 0.02f) {
            float mid[3][2];
            for (int i = 0; i < 3; i++) {
                float d[3];
                float px = (float)((r->ax0 + r->ax1) / 2) + 0.5f + (i == 1 ? 1.0f : 0.0f);
                float py = (float)((r->ay0 + r->ay1) / 2) + 0.5f + (i == 2 ? 1.0f : 0.0f);
                pixel_dir(v, p, W, H, px, py, d);
                float den = d[0] * c->f0x + d[2] * c->f0z;
                mid[i][0] = (d[0] * c->r0x + d[2] * c->r0z) / den;
                mid[i][1] = d[1] / den;
            }
            if (mid[1][0] - mid[0][0] > 0.5f * pix && mid[0][1] - mid[2][1] > 0.5f * pix) {
                da = mid[1][0] - mid[0][0];
                db = mid[0][1] - mid[2][1];
                ac = mid[0][0];
                bc = mid[0][1];
            }
        }
        float area = (amax - amin) * (bmax - bmin) / (da * db);
        float lim = 2.5f * (r->ax1 - r->ax0) * (r->ay1 - r->ay0);
        if (area > lim) {
            da *= sqrtf(area / lim);
            db *= sqrtf(area / lim);
        }
        c->da = da;
        c->db = db;
        c->a0 = ac - (ceilf((ac - amin) / da) + 1.0f) * da;
        c->b0 = bc - (ceilf((bc - bmin) / db) + 1.0f) * db;
        c->w = (int)ceilf((amax - c->a0) / da) + 2;
        c->h = (int)ceilf((bmax - c->b0) / db) + 2;
        return 0;
    }
    /* azimuth / elevation: any pitch and roll */
    c->equirect = 1;
    float azc = atan2_acc(hl > 1e-4f ? v->fwd.x : -v->up.x * (v->fwd.y > 0 ? 1 : -1),
                          hl > 1e-4f ? v->fwd.z : -v->up.z * (v->fwd.y > 0 ? 1 : -1));
    float azmin = 1e9f, azmax = -1e9f, elmin = 1e9f, elmax = -1e9f;
    const int n = 48;
    for (int e = 0; e < 4; e++)
        for (int i = 0; i <= n; i++) {
            float x, y, d[3];
            float f = (float)i / n;
            switch (e) {
            case 0: x = oy_lerpf(r->ax0, r->ax1, f); y = r->ay0; break;
            case 1: x = oy_lerpf(r->ax0, r->ax1, f); y = r->ay1; break;
            case 2: x = r->ax0; y = oy_lerpf(r->ay0, r->ay1, f); break;
            default: x = r->ax1; y = oy_lerpf(r->ay0, r->ay1, f); break;
            }
            pixel_dir(v, p, W, H, x, y, d);
            float az = atan2_acc(d[0], d[2]) - azc;
            az -= floorf(az / (float)(2 * OY_PI) + 0.5f) * (float)(2 * OY_PI);
            float el = atan2_acc(d[1], sqrtf(d[0] * d[0] + d[2] * d[2]));
            azmin = fminf(azmin, az); azmax = fmaxf(azmax, az);
            elmin = fminf(elmin, el); elmax = fmaxf(elmax, el);
        }
    /* a pole inside the view: every azimuth is seen */
    for (int pole = -1; pole <= 1; pole += 2) {
        float cz = v->fwd.y * pole;
        if (cz <= 0.0f)
            continue;
        float u = v->right.y * pole / cz, w = v->up.y * pole / cz;
        float px = (u / p->thx + 1.0f) * 0.5f * W, py = (1.0f - w / p->thy) * 0.5f * H;
        if (px >= r->ax0 && px <= r->ax1 && py >= r->ay0 && py <= r->ay1) {
            azmin = (float)-OY_PI;
            azmax = (float)OY_PI;
            if (pole < 0) elmin = -1.5697f; else elmax = 1.5697f;
        }
    }
    float cmax = elmin > 0.0f ? oy_cosf(elmin) : elmax < 0.0f ? oy_cosf(elmax) : 1.0f;
    float dang = pix * 0.9f, daz = dang / fmaxf(cmax, 0.05f);
    float area = (azmax - azmin) / daz * (elmax - elmin) / dang;
    float lim = 2.5f * (r->ax1 - r->ax0) * (r->ay1 - r->ay0);
    if (area > lim) {
        dang *= sqrtf(area / lim);
        daz *= sqrtf(area / lim);
    }
    c->da = daz;
    c->db = dang;
    c->w = (int)ceilf((azmax - azmin) / daz) + 3;
    c->h = (int)ceilf((elmax - elmin) / dang) + 3;
    c->a0 = azc + azmin - daz;
    c->b0 = elmin - dang;
    return 0;
}

/* ---- chunk requests: the chunks of each level the columns can reach ---- */

static int request_view(oy_renderer *r, const oy_cast *c, int n)
{
    float az0, az1;
    if (c->equirect) {
        az0 = c->a0;
        az1 = c->a0 + c->da * c->w;
    } else {
        float a0 = c->a0, a1 = c->a0 + c->da * c->w;
        az0 = atan2_acc(c->f0x + a0 * c->r0x, c->f0z + a0 * c->r0z);
        az1 = atan2_acc(c->f0x + a1 * c->r0x, c->f0z + a1 * c->r0z);
        if (az1 < az0)
            az1 += (float)(2 * OY_PI);
    }
    float azc = 0.5f * (az0 + az1), half = 0.5f * (az1 - az0);
    for (int k = 0; k < OY_RLEVELS; k++) {
        float size = OY_RBASE * (float)(1 << k) * OY_RCHUNK;
        float tlo = k ? 0.6f * c->range0 * (float)(1 << (k - 1)) : 0.0f;
        float thi = fminf(c->range0 * (float)(1 << k) * 1.08f, TMAX * 1.05f);
        if (tlo > TMAX * 1.05f)
            break;
        int64_t x0 = (int64_t)floor((c->cam_x - thi) / size), x1 = (int64_t)floor((c->cam_x + thi) / size);
        int64_t z0 = (int64_t)floor((c->cam_z - thi) / size), z1 = (int64_t)floor((c->cam_z + thi) / size);
        for (int64_t z = z0; z <= z1; z++)
            for (int64_t x = x0; x <= x1; x++) {
                float cx = (float)((x + 0.5) * size - c->cam_x), cz = (float)((z + 0.5) * size - c->cam_z);
                float rr = sqrtf(cx * cx + cz * cz), rad = size * 0.7072f;
                if (rr + rad < tlo || rr - rad > thi)
                    continue;
                if (rr > rad && half < (float)OY_PI) {
                    float az = atan2_acc(cx, cz) - azc;
                    az -= floorf(az / (float)(2 * OY_PI) + 0.5f) * (float)(2 * OY_PI);
                    if (fabsf(az) > half + oy_asinf(rad / rr) + 0.02f)
                        continue;
                }
                if (n >= MAX_REQ)
                    return n;
                r->req[n++] = (oy_chunk_req){ k, x, z, x, z };
            }
    }
    return n;
}

/* ---- passes ---- */

struct cast_job { const oy_cast *c; oy_renderer *r; };

static void cast_task(void *arg, int task, int thread)
{
    const struct cast_job *j = arg;
    const oy_cast *c = j->c;
    int c0 = task * OY_CAST_GROUP, c1 = c0 + OY_CAST_GROUP < c->w ? c0 + OY_CAST_GROUP : c->w;
    oy_cast_columns(c, c0, c1, j->r->scratch + (size_t)thread * oy_cast_scratch_size(c->h));
}

struct out_job {
    oy_renderer *r;
    const oy_cast *c;
    const oy_state *st;
    const oy_view *v;
    proj p;
    int nparts;
    int nsegs;                     /* lightning segments */
    uint8_t *rgb;
    ptrdiff_t stride;
};


/* bilinear colour and nearest depth at intermediate position (fx, fy) */
static void sample(const oy_cast *c, float fx, float fy, float *col, float *dep)
{
    fx = oy_clampf(fx, 0.0f, c->w - 1.001f);
    fy = oy_clampf(fy, 0.0f, c->h - 1.001f);
    int ix = (int)fx, iy = (int)fy;
    float ax = fx - ix, ay = fy - iy;
    int ix1 = ix + 1 < c->w ? ix + 1 : ix, iy1 = iy + 1 < c->h ? iy + 1 : iy;
    const float *p00 = c->hdr + ((size_t)iy * c->w + ix) * 3, *p01 = c->hdr + ((size_t)iy * c->w + ix1) * 3;
    const float *p10 = c->hdr + ((size_t)iy1 * c->w + ix) * 3, *p11 = c->hdr + ((size_t)iy1 * c->w + ix1) * 3;
    for (int i = 0; i < 3; i++)
        col[i] = oy_lerpf(oy_lerpf(p00[i], p01[i], ax), oy_lerpf(p10[i], p11[i], ax), ay);
    *dep = c->depth[(size_t)(ay < 0.5f ? iy : iy1) * c->w + (ax < 0.5f ? ix : ix1)];
}

/* one output row: the ray direction is linear along it, so the planar
 * projection costs a division per pixel */
static void reproject_row(const struct out_job *j, int y, float *col, float *dep)
{
    const oy_renderer *r = j->r;
    const oy_cast *c = j->c;
    int x0 = r->ax0, x1 = r->ax1;
    if (j->p.direct) {
        const float *src = c->hdr + (size_t)(r->ay1 - 1 - y) * c->w * 3;
        memcpy(col + (size_t)x0 * 3, src, sizeof(float) * 3 * (x1 - x0));
        memcpy(dep + x0, c->depth + (size_t)(r->ay1 - 1 - y) * c->w, sizeof(float) * (x1 - x0));
        return;
    }
    float d0[3], d1[3];
    pixel_dir(j->v, &j->p, r->cfg.width, r->cfg.height, 0.5f, y + 0.5f, d0);
    pixel_dir(j->v, &j->p, r->cfg.width, r->cfg.height, 1.5f, y + 0.5f, d1);
    float sx[3] = { d1[0] - d0[0], d1[1] - d0[1], d1[2] - d0[2] };
    float ida = 1.0f / c->da, idb = 1.0f / c->db;
    for (int x = x0; x < x1; x++) {
        float d[3] = { d0[0] + x * sx[0], d0[1] + x * sx[1], d0[2] + x * sx[2] };
        float fx, fy;
        if (c->equirect) {
            float az = atan2_acc(d[0], d[2]) - c->a0;
            az -= floorf(az / (float)(2 * OY_PI)) * (float)(2 * OY_PI);
            float el = atan2_acc(d[1], sqrtf(d[0] * d[0] + d[2] * d[2]));
            fx = az * ida;
            fy = (el - c->b0) * idb;
        } else {
            float inv = 1.0f / (d[0] * c->f0x + d[2] * c->f0z);
            fx = ((d[0] * c->r0x + d[2] * c->r0z) * inv - c->a0) * ida;
            fy = (d[1] * inv - c->b0) * idb;
        }
        sample(c, fx, fy, col + (size_t)x * 3, dep + x);
    }
}

static void out_task(void *arg, int task, int thread)
{
    struct out_job *j = arg;
    oy_renderer *r = j->r;
    int W = r->cfg.width, y0 = task * BAND, y1 = y0 + BAND < r->cfg.height ? y0 + BAND : r->cfg.height;
    int a0 = y0 > r->ay0 ? y0 : r->ay0, a1 = y1 < r->ay1 ? y1 : r->ay1;
    float *col = r->band + (size_t)thread * 4 * BAND * W, *dep = col + (size_t)3 * BAND * W;
    for (int y = a0; y < a1; y++) {
        float *rc = col + (size_t)(y - a0) * W * 3, *rd = dep + (size_t)(y - a0) * W;
        reproject_row(j, y, rc, rd);
        oy_objects_row(r->objects, j->c, thread, y, r->ax0, r->ax1, rc, rd);
    }
    if (a0 < a1)
        oy_weather_draw(r->parts, j->nparts, W, col, dep, a0, a1);
    if (a0 < a1 && j->nsegs)
        oy_bolts_draw(r->bolts, thread, col, dep, a0, a1);
    for (int y = y0; y < y1; y++) {
        uint8_t *o = j->rgb + (ptrdiff_t)y * j->stride;
        if (y < r->ay0 || y >= r->ay1) {
            memset(o, 0, (size_t)W * 3);
            continue;
        }
        memset(o, 0, (size_t)r->ax0 * 3);
        memset(o + (size_t)r->ax1 * 3, 0, (size_t)(W - r->ax1) * 3);
        oy_post_row(&r->post, col + (size_t)(y - a0) * W * 3, r->ax0, r->ax1, y, o);
    }
}

/* ---- a draft's frame scaled up to the output ---- */

struct up_job { const oy_renderer *r; uint8_t *rgb; ptrdiff_t stride; };

/* BAND output rows of a draft, bilinear from the small frame, black
 * outside the output's active rectangle */
static void up_task(void *arg, int task, int thread)
{
    const struct up_job *u = arg;
    const oy_renderer *r = u->r;
    int w = r->cfg.width, W = r->out_w;
    int y0 = task * BAND, y1 = y0 + BAND < r->out_h ? y0 + BAND : r->out_h;
    for (int y = y0; y < y1; y++) {
        uint8_t *o = u->rgb + (ptrdiff_t)y * u->stride;
        memset(o, 0, (size_t)W * 3);
        if (y < r->by0 || y >= r->by1)
            continue;
        const struct up_tap *ty = &r->tap_y[y];
        const uint8_t *ra = r->small + (size_t)ty->a * w * 3, *rb = r->small + (size_t)ty->b * w * 3;
        int fy = ty->f;
        for (int x = r->bx0; x < r->bx1; x++) {
            const struct up_tap *tx = &r->tap_x[x];
            int xa = tx->a * 3, xb = tx->b * 3, fx = tx->f;
            for (int c = 0; c < 3; c++) {
                int top = ra[xa + c] * (256 - fx) + ra[xb + c] * fx;
                int bot = rb[xa + c] * (256 - fx) + rb[xb + c] * fx;
                o[x * 3 + c] = (uint8_t)((top * (256 - fy) + bot * fy + 32768) >> 16);
            }
        }
    }
}

static int ensure(oy_renderer *r, size_t px, int rows)
{
    if (rows > r->scratch_rows) {
        unsigned char *s = oy_realloc_array(r->scratch, (size_t)r->nband, oy_cast_scratch_size(rows));
        if (!s)
            return OYSTER_E_NOMEM;
        r->scratch = s;
        r->scratch_rows = rows;
    }
    if (px <= r->cap)
        return 0;
    float *h = oy_realloc_array(r->hdr, px * 3, sizeof(float));
    if (!h)
        return OYSTER_E_NOMEM;
    r->hdr = h;
    float *d = oy_realloc_array(r->depth, px, sizeof(float));
    if (!d)
        return OYSTER_E_NOMEM;
    r->depth = d;
    r->cap = px;
    return 0;
}

void oy_cast_season(oy_cast *c, const oy_world *w, const oy_world_shape *sh, const oy_state *st)
{
    c->world = w;
    c->shape = sh;
    float fol = sh->foliage, aut = sh->autumn;
    c->snow = oy_clampf(st->ch[OY_CH_SNOW_COVER], 0.0f, 1.0f);
    c->wet = oy_clampf(fmaxf(st->ch[OY_CH_WETNESS], st->ch[OY_CH_RAIN] * 0.8f), 0.0f, 1.0f);
    c->leaf[0] = oy_lerpf(oy_lerpf(0.06f, 0.026f, fol), 0.18f, aut);
    c->leaf[1] = oy_lerpf(oy_lerpf(0.05f, 0.05f, fol), 0.07f, aut);
    c->leaf[2] = oy_lerpf(oy_lerpf(0.035f, 0.018f, fol), 0.018f, aut);
    /* trees in blossom: the broadleaf canopy pink and white, a spring's
     * (an autumn's turned leaves take its place) */
    static const float bloom[3] = { 0.5f, 0.3f, 0.36f };
    float bl = 0.6f * oy_clampf(st->ch[OY_CH_BLOSSOM], 0.0f, 1.0f) * (1.0f - aut);
    for (int i = 0; i < 3; i++)
        c->leaf[i] = oy_lerpf(c->leaf[i], bloom[i], bl);
    oy_world_paint_plants(sh, 1.0f, c->leaf);
    oy_cast_land_glow(c, st);
    /* stones and scrub over a desert floor that is neither dunes nor
     * salt */
    c->scrub = sh->biome[2] * (1.0f - sh->dunes) * (1.0f - c->crust);
    /* a meadow gone to straw: wheat, a dry summer */
    c->straw = sh->biome[0] * oy_smoothstepf(0.6f, 0.3f, fol) * (1.0f - c->snow);
    c->fields = sh->fields * (1.0f - c->snow);
    oy_cast_water_colour(c, st);
}

int oy_render_frame(oy_renderer *r, const oy_state *st, const oy_view *v,
                    uint8_t *rgb, ptrdiff_t stride)
{
    oy_world_shape sh;
    oy_cast c = { 0 };
    struct out_job j = { 0 };
    int W = r->cfg.width, H = r->cfg.height, ret;

    oy_world_shape_init(&sh, r->w, st);
    r->sky.cam_x = v->pos[0];
    r->sky.cam_z = v->pos[2];
    oy_sky_update(&r->sky, st, sh.floor0, r->pool);
    oy_post_setup(&r->post, st, &r->sky, v->fwd);
    oy_sky_grade(&r->sky, &r->post);

    j.p.thx = v->tan_half_fov_x;
    j.p.thy = v->tan_half_fov_x * H / W;
    c.cam_x = v->pos[0];
    c.cam_z = v->pos[2];
    c.cam_y = (float)v->pos[1];
    setup_projection(r, v, &c, &j.p);
    if ((ret = ensure(r, (size_t)c.w * c.h, c.h)) < 0)
        return ret;
    c.hdr = r->hdr;
    c.depth = r->depth;
    /* a draft's frame is half the output's already: its pixels are a
     * draft's */
    c.range0 = oy_level_range0(j.p.thx, W, 0);
    c.tmax = fminf(TMAX, c.range0 * (float)(1 << (OY_RLEVELS - 1)));
    c.levels = r->levels;
    c.sky = &r->sky;
    c.shadow = &r->shadow;
    c.detail = r->detail;
    c.st = st;
    c.t = (float)st->t;
    oy_cast_season(&c, r->w, &sh, st);
    oy_cast_waves_at(&c, st->t);
    float haze = oy_clampf(st->ch[OY_CH_HAZE], 0.0f, 1.0f);
    float fog = oy_clampf(st->ch[OY_CH_FOG], 0.0f, 1.0f);
    float precip = oy_clampf(st->ch[OY_CH_RAIN], 0.0f, 1.0f) * 0.5f + oy_clampf(st->ch[OY_CH_SNOW], 0.0f, 1.0f);
    c.mie = 2.0e-6f + 6.0e-5f * haze * haze + 1.0e-5f * haze + 4.0e-5f * precip;
    c.haze_k = 4.0e-6f + 3.5e-5f * r->sky.oc;
    c.fog_a = oy_fog_extinction(st->ch);
    c.fog_b = 1.0f / (12.0f + 90.0f * fog);
    c.fog_y0 = sh.floor0;
    /* a sandstorm's fog is the sand's dust, not a white mist */
    static const float dust_tint[3] = { 1.3f, 1.0f, 0.62f };
    float dust = oy_clampf(st->ch[OY_CH_BIOME_DESERT], 0.0f, 1.0f) * oy_smoothstepf(0.6f, 1.0f, haze);
    for (int i = 0; i < 3; i++)
        c.fog_tint[i] = oy_lerpf(1.0f, dust_tint[i], dust);
    c.cloud_shadow = r->sky.cloud > 0.02f ? 0.85f * (1.0f - oy_smoothstepf(0.6f, 1.0f, r->sky.cloud)) : 0.0f;

    int n = request_view(r, &c, 0);
    oy_assert(n <= MAX_REQ);
    n += oy_shadow_requests(&r->shadow, r->sky.sun, r->req + n, c.cam_x, c.cam_z);
    if ((ret = oy_chunks_prepare(r->chunks, r->w, &sh, r->pool, r->req, n, c.cam_x, c.cam_z,
                                 r->levels)) < 0)
        return ret;
    oy_shadow_build(&r->shadow, r->levels, r->pool);
    struct cast_job cj = { &c, r };
    oy_pool_run(r->pool, (c.w + OY_CAST_GROUP - 1) / OY_CAST_GROUP, cast_task, &cj);

    if ((ret = oy_objects_prepare(r->objects, r->w, &sh, st, &c, v, j.p.thx, j.p.thy, W, H,
                                  r->post.mul[1], r->nband)) < 0)
        return ret;
    j.r = r;
    j.c = &c;
    j.st = st;
    j.v = v;
    j.rgb = r->small ? r->small : rgb;
    j.stride = r->small ? (ptrdiff_t)W * 3 : stride;
    oy_post_dither(&r->post, oy_hash(r->cfg.seed, OY_STREAM_DITHER, (uint64_t)st->frame, 0, 0));
    oy_wview wv = { .fwd = v->fwd, .right = v->right, .up = v->up,
                    .fx = W * 0.5f / j.p.thx, .fy = H * 0.5f / j.p.thy, .width = W, .height = H };
    memcpy(wv.pos, v->pos, sizeof wv.pos);
    j.nparts = oy_weather_prepare(st, &r->sky, &wv, r->cfg.seed, r->parts);
    j.nsegs = oy_bolts_prepare(r->bolts, r->w, st, &c, &wv, r->post.mul[1]);
    oy_pool_run(r->pool, (H + BAND - 1) / BAND, out_task, &j);
    if (r->small) {
        struct up_job u = { r, rgb, stride };
        oy_pool_run(r->pool, (r->out_h + BAND - 1) / BAND, up_task, &u);
    }
    return 0;
}
