/*
 * flock.c - a flock of birds that flies as a flock: each bird steers by
 * its neighbours (apart from the nearest, toward the middle of those in
 * sight, along their heading) and a whim of its own, and the whole
 * wheels round the flock's place. Stepped at a fixed rate from the flock's seeded start, so the
 * birds at time t are a function of the seed and t alone (any frame
 * alone); the interaction terms are dense matrix products through CBLAS
 * on positions and velocities snapped to a grid of small integers, so
 * every product and sum is exact and no BLAS kernel can change a bit.
 */
#include <math.h>
#include <string.h>

#include <cblas.h>

#include "scene.h"

#define HZ 8                       /* steps a second */
#define GRID 8.0f                  /* positions snap to 1/8 m, speeds to 1/8 m/s */
#define REACH 1000.0f              /* +-125 m in grid units: squares stay exact */
#define SIGHT2 (12.0f * 12.0f * GRID * GRID)
#define CROWD2 (2.0f * 2.0f * GRID * GRID)

typedef struct flock {
    int n;
    float p[OY_FLOCK_MAX][3], v[OY_FLOCK_MAX][3];
} flock;

/* A cache of one state per thread: a frame after the last one steps on
 * from it. The state from the cache is the state stepped from the start,
 * so it changes speed, never bytes. */
static _Thread_local struct {
    uint64_t seed;
    long step;
    flock f;
} memo = { 0, -1, { 0 } };

static float unit(uint64_t seed, int i, int salt)
{
    return oy_u01(oy_hash(seed, OY_STREAM_ENTITY, 0xf10c, (uint64_t)i, (uint64_t)salt));
}

/* Where the flock as a whole is drawn at t: a slow loop round its place,
 * rising and falling. */
static void home(float radius, float t, float out[3])
{
    float a = 0.3f * t;
    out[0] = radius * oy_sinf(a);
    out[1] = 3.0f * oy_sinf(0.21f * t);
    out[2] = 0.6f * radius * oy_cosf(a);
}

static void start(flock *f, uint64_t seed, int n, float radius)
{
    f->n = n;
    for (int i = 0; i < n; i++) {
        float a = 6.2831853f * unit(seed, i, 1), r = 0.35f * radius * sqrtf(unit(seed, i, 2));
        f->p[i][0] = r * oy_sinf(a);
        f->p[i][1] = 4.0f * (unit(seed, i, 3) - 0.5f);
        f->p[i][2] = 0.6f * r * oy_cosf(a);
        f->v[i][0] = 6.0f;
        f->v[i][1] = 0.0f;
        f->v[i][2] = 3.0f * (unit(seed, i, 4) - 0.5f);
    }
}

static float snap(float x)
{
    return fminf(fmaxf(roundf(x * GRID), -REACH), REACH);
}

static void step(flock *f, uint64_t seed, float radius, long k)
{
    const int n = f->n;
    float q[OY_FLOCK_MAX * 6] = { 0 }, g[OY_FLOCK_MAX * OY_FLOCK_MAX];
    float near[OY_FLOCK_MAX * OY_FLOCK_MAX], crowd[OY_FLOCK_MAX * OY_FLOCK_MAX];
    float sum[OY_FLOCK_MAX * 6], push[OY_FLOCK_MAX * 6];
    const float dt = 1.0f / (float)HZ;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 3; j++) {
            q[i * 6 + j] = snap(f->p[i][j]);
            q[i * 6 + 3 + j] = snap(f->v[i][j]);
        }
    /* squared distances from the Gram matrix of the positions */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, n, 3, 1.0f, q, 6, q, 6, 0.0f, g, n);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            float d2 = g[i * n + i] + g[j * n + j] - 2.0f * g[i * n + j];
            near[i * n + j] = i != j && d2 < SIGHT2;
            crowd[i * n + j] = i != j && d2 < CROWD2;
        }
    /* the neighbours' summed places and velocities; the crowding ones' */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, 6, n, 1.0f, near, n, q, 6, 0.0f, sum, 6);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, 6, n, 1.0f, crowd, n, q, 6, 0.0f, push, 6);
    float h[3];
    home(radius, (float)(k + 1) * dt, h);
    for (int i = 0; i < n; i++) {
        float seen = 0.0f, close = 0.0f, acc[3];
        for (int j = 0; j < n; j++) {
            seen += near[i * n + j];
            close += crowd[i * n + j];
        }
        for (int j = 0; j < 3; j++) {
            float p = q[i * 6 + j] / GRID, v = q[i * 6 + 3 + j] / GRID;
            float cohere = seen > 0.0f ? sum[i * 6 + j] / (seen * GRID) - p : 0.0f;
            float align = seen > 0.0f ? sum[i * 6 + 3 + j] / (seen * GRID) - v : 0.0f;
            float apart = (close * q[i * 6 + j] - push[i * 6 + j]) / GRID;
            /* and each bird's own whim, new every step */
            float whim = 3.0f * (oy_u01(oy_hash(seed, OY_STREAM_ENTITY, 0xf10d, (uint64_t)(k * OY_FLOCK_MAX + i),
                                                (uint64_t)j)) - 0.5f);
            acc[j] = 0.4f * cohere + 0.6f * align + 3.0f * apart + 0.25f * (h[j] - p) + whim;
        }
        /* birds climb and dive less than they turn */
        acc[1] = 0.5f * acc[1] - 0.6f * f->v[i][1];
        float sp2 = 0.0f;
        for (int j = 0; j < 3; j++) {
            f->v[i][j] += acc[j] * dt;
            sp2 += f->v[i][j] * f->v[i][j];
        }
        float sp = sqrtf(sp2), lim = sp > 9.0f ? 9.0f / sp : sp < 4.0f && sp > 0.0f ? 4.0f / sp : 1.0f;
        for (int j = 0; j < 3; j++) {
            f->v[i][j] *= lim;
            f->p[i][j] += f->v[i][j] * dt;
        }
    }
}

static void state_at(flock *f, uint64_t seed, int n, float radius, long k)
{
    long from = 0;
    if (memo.step >= 0 && memo.step <= k && memo.seed == seed && memo.f.n == n) {
        *f = memo.f;
        from = memo.step;
    } else {
        start(f, seed, n, radius);
    }
    for (long s = from; s < k; s++)
        step(f, seed, radius, s);
    memo.seed = seed;
    memo.step = k;
    memo.f = *f;
}

int oy_flock_at(uint64_t seed, int n, float radius, float t, float pos[][3], float head[])
{
    flock a, b;
    if (n > OY_FLOCK_MAX)
        n = OY_FLOCK_MAX;
    if (!(t >= 0.0f))
        t = 0.0f;
    if (t > 36000.0f)                        /* ten hours: later birds repeat */
        t = fmodf(t, 36000.0f);
    oy_blas_init();
    double s = (double)t * HZ;
    long k = (long)s;
    float u = (float)(s - (double)k);
    state_at(&a, seed, n, radius, k);
    b = a;
    step(&b, seed, radius, k);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < 3; j++)
            pos[i][j] = oy_lerpf(a.p[i][j], b.p[i][j], u);
        head[i] = oy_atan2f(oy_lerpf(a.v[i][0], b.v[i][0], u), oy_lerpf(a.v[i][2], b.v[i][2], u));
    }
    return n;
}
