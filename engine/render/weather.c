/*
 * weather.c - falling rain and snow as particles anchored in the world:
 * a grid of cells around the camera, each holding drops or flakes whose
 * positions are hashes of (seed, cell, index) moved by pure functions of
 * time. Nothing is simulated, so any frame shows the same weather alone.
 * The particles are placed and projected once per frame; each draw call
 * then paints those that touch one band of rows, hiding the ones behind
 * terrain by the band's depth.
 */
#include <math.h>

#include "render_impl.h"

#define CELL 3.0
#define REACH 7                 /* cells each way horizontally */
#define VREACH 4
_Static_assert((2 * REACH + 1) * (2 * REACH + 1) * (2 * VREACH + 1) * 10 <= OY_WEATHER_MAX,
               "the particle list holds every cell's drops and flakes");

typedef struct band {
    int width;
    float *hdr;                  /* rows y0 .. y1 - 1 only */
    const float *depth;
    int y0, y1;
} band;

/* camera-space position; 0 when behind the camera */
static int project(const oy_wview *v, double x, double y, double z, float *sx, float *sy, float *dist)
{
    float px = (float)(x - v->pos[0]), py = (float)(y - v->pos[1]), pz = (float)(z - v->pos[2]);
    float cz = px * v->fwd.x + py * v->fwd.y + pz * v->fwd.z;
    if (cz < 0.3f)
        return 0;
    float cx = px * v->right.x + py * v->right.y + pz * v->right.z;
    float cy = px * v->up.x + py * v->up.y + pz * v->up.z;
    *sx = v->width * 0.5f + cx / cz * v->fx;
    *sy = v->height * 0.5f - cy / cz * v->fy;
    *dist = sqrtf(px * px + py * py + pz * pz);
    return 1;
}

static void blend(const band *b, int x, int y, float a, const float col[3], float dist)
{
    if (x < 0 || x >= b->width || y < b->y0 || y >= b->y1 || a <= 0.0f)
        return;
    size_t i = (size_t)(y - b->y0) * b->width + x;
    if (b->depth[i] < dist)
        return;
    float *p = b->hdr + i * 3;
    for (int c = 0; c < 3; c++)
        p[c] += (col[c] - p[c]) * a;
}

/* a streak from (x0, y0) to (x1, y1), one pixel wide, antialiased across */
static void streak(const band *b, float x0, float y0, float x1, float y1, float a,
                   const float col[3], float dist)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    int n = (int)len + 1;
    if (n > 400)
        return;
    /* only the steps whose row can fall in the band */
    int i0 = 0, i1 = n;
    if (fabsf(dy) > 1e-6f) {
        float ta = (b->y0 - 1.0f - y0) / dy * n, tb = (b->y1 + 1.0f - y0) / dy * n;
        i0 = (int)oy_clampf(floorf(fminf(ta, tb)), 0.0f, (float)n);
        i1 = (int)oy_clampf(ceilf(fmaxf(ta, tb)), 0.0f, (float)n);
    }
    for (int i = i0; i <= i1; i++) {
        float t = (float)i / n, x = x0 + dx * t, y = y0 + dy * t;
        int ix = (int)floorf(x), iy = (int)floorf(y + 0.5f);
        float fx = x - ix;
        blend(b, ix, iy, a * (1.0f - fx), col, dist);
        blend(b, ix + 1, iy, a * fx, col, dist);
    }
}

static void flake(const band *b, float x, float y, float r, float a, const float col[3], float dist)
{
    int x0 = (int)floorf(x - r - 1), x1 = (int)ceilf(x + r + 1);
    int y0 = (int)floorf(y - r - 1), y1 = (int)ceilf(y + r + 1);
    if (y1 < b->y0 || y0 >= b->y1)
        return;
    for (int yy = y0; yy <= y1; yy++)
        for (int xx = x0; xx <= x1; xx++) {
            float ddx = xx + 0.5f - x, ddy = yy + 0.5f - y;
            float d = sqrtf(ddx * ddx + ddy * ddy);
            float k = oy_clampf(r + 0.5f - d, 0.0f, 1.0f);
            blend(b, xx, yy, a * k, col, dist);
        }
}

int oy_weather_prepare(const oy_state *st, const oy_sky *sky, const oy_wview *v,
                       uint64_t seed, oy_wpart *out)
{
    float rain = oy_clampf(st->ch[OY_CH_RAIN], 0.0f, 1.0f);
    float snow = oy_clampf(st->ch[OY_CH_SNOW], 0.0f, 1.0f);
    float wind = oy_clampf(st->ch[OY_CH_WIND], 0.0f, 1.0f);
    double t = st->t;
    int n = 0;
    if (rain <= 0.01f && snow <= 0.01f)
        return 0;
    float light[3];
    for (int c = 0; c < 3; c++)
        light[c] = (sky->amb_up[c] + sky->sun_rad[c] * 0.3f) / (float)OY_PI;
    int64_t cx = (int64_t)floor(v->pos[0] / CELL), cy = (int64_t)floor(v->pos[1] / CELL);
    int64_t cz = (int64_t)floor(v->pos[2] / CELL);
    int nr = (int)(rain * 5.0f + 0.5f), ns = (int)(snow * 5.0f + 0.5f);
    for (int64_t gz = cz - REACH; gz <= cz + REACH; gz++)
        for (int64_t gx = cx - REACH; gx <= cx + REACH; gx++)
            for (int64_t gy = cy - VREACH; gy <= cy + VREACH; gy++) {
                for (int i = 0; i < nr + ns; i++) {
                    int is_snow = i >= nr;
                    uint64_t h = oy_hash(seed, OY_STREAM_WEATHER, (uint64_t)gx * 0x9E3779B1u + (uint64_t)gz,
                                         (uint64_t)gy, (uint64_t)i + (is_snow ? 100u : 0u));
                    float fall = is_snow ? 1.1f : 8.5f;
                    double px = (gx + oy_u01(h)) * CELL, pz = (gz + oy_u01(h << 20)) * CELL;
                    /* fall through the cell's column and wrap: a pure function of t */
                    double ph = oy_u01(h << 40) * CELL - t * fall;
                    double py = gy * CELL + (ph - floor(ph / CELL) * CELL);
                    px += t * (0.3 + 6.0 * wind) * (is_snow ? 0.5 : 1.0);
                    if (is_snow) {
                        px += 0.35 * oy_sin(t * 1.3 + (double)(h % 628) * 0.01);
                        pz += 0.35 * oy_cos(t * 1.1 + (double)(h % 511) * 0.01);
                    }
                    /* drifted particles wrap around the box kept about the camera */
                    double span = (2 * REACH + 1) * CELL;
                    px -= floor((px - v->pos[0]) / span + 0.5) * span;
                    pz -= floor((pz - v->pos[2]) / span + 0.5) * span;
                    oy_wpart *q = &out[n];
                    if (!project(v, px, py, pz, &q->x0, &q->y0, &q->dist) || q->dist < 0.8f)
                        continue;
                    q->snow = is_snow;
                    if (is_snow) {
                        q->r = fmaxf(0.6f, 0.018f * v->fx / q->dist);
                        q->a = 0.85f * oy_clampf(1.6f - q->dist / 14.0f, 0.0f, 1.0f);
                        q->ylo = q->y0 - q->r - 1.0f;
                        q->yhi = q->y0 + q->r + 1.0f;
                        for (int c = 0; c < 3; c++)
                            q->col[c] = light[c] * (c == 2 ? 1.15f : 1.1f);
                    } else {
                        /* motion blur over a 1/48 s shutter, slanted by wind */
                        float ed;
                        double len = fall / 48.0 * 2.2;
                        if (!project(v, px + len * 0.35 * wind, py + len, pz, &q->x1, &q->y1, &ed))
                            continue;
                        q->a = 0.22f * oy_clampf(1.4f - q->dist / 20.0f, 0.0f, 1.0f);
                        q->ylo = fminf(q->y0, q->y1) - 1.0f;
                        q->yhi = fmaxf(q->y0, q->y1) + 1.0f;
                        for (int c = 0; c < 3; c++)
                            q->col[c] = light[c] * (c == 0 ? 1.4f : c == 1 ? 1.45f : 1.5f);
                    }
                    if (q->a > 0.0f && q->yhi >= 0.0f && q->ylo < (float)v->height)
                        n++;
                }
            }
    return n;
}

void oy_weather_draw(const oy_wpart *p, int n, int width, float *hdr, const float *depth,
                     int y0, int y1)
{
    band b = { width, hdr, depth, y0, y1 };
    for (int i = 0; i < n; i++) {
        const oy_wpart *q = &p[i];
        if (q->yhi < (float)y0 || q->ylo >= (float)y1)
            continue;
        if (q->snow)
            flake(&b, q->x0, q->y0, q->r, q->a, q->col, q->dist);
        else
            streak(&b, q->x0, q->y0, q->x1, q->y1, q->a, q->col, q->dist);
    }
}
