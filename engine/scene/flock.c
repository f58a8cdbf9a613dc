/*
 * flock.c - a flock that moves as a flock: birds wheeling in the air and
 * the members of a herd on the ground. Each steers by its neighbours
 * (apart from the nearest, toward the middle of those in sight, along
 * their heading), toward its place (the point a bird flock wheels round,
 * a herd member's place in the herd) and by a whim of its own. Stepped at
 * a fixed rate from a seeded start, so a flock at time t is a function
 * of its seed and t alone (any frame alone); the interaction terms are
 * dense matrix products through CBLAS on positions and velocities
 * snapped to a grid of small integers, so every product and sum is exact
 * and no BLAS kernel can change a bit.
 */
#include <math.h>
#include <string.h>

#include <cblas.h>

#include "scene.h"

#define HZ 8                       /* steps a second */
#define GRID 8.0f                  /* positions snap to 1/8 m, speeds to 1/8 m/s */
#define REACH 1000.0f              /* +-125 m in grid units: squares stay exact */
#define MAXN (OY_FLOCK_MAX > OY_HERD_MAX ? OY_FLOCK_MAX : OY_HERD_MAX)
#define MEMOS 4                    /* flocks remembered per thread */

/* How a kind of flock steers: reaches in metres, weights of each pull
 * (per second squared), vertical freedom and speeds. */
typedef struct rules {
    float sight, crowd;
    float cohere, align, apart, home, whim, drag;
    float climb, level;            /* vertical pull kept; vertical speed damped */
    float vmin, vmax;
    uint64_t salt;
    int span;                      /* members numbered per step in the whims' hash */
} rules;

static const rules birds = { 12.0f, 2.0f, 0.4f, 0.6f, 3.0f, 0.25f, 3.0f, 0.0f, 0.5f, 0.6f, 4.0f, 9.0f, 0xf10d, OY_FLOCK_MAX };
/* a herd drifts about its places, no faster than a stroll, never up */
static const rules herd = { 10.0f, 2.2f, 0.3f, 0.8f, 2.0f, 0.12f, 1.2f, 0.6f, 0.0f, 0.0f, 0.0f, 0.8f, 0x4e2d, OY_HERD_MAX };

typedef struct flock {
    int n;
    float p[MAXN][3], v[MAXN][3];
} flock;

/* What a flock is: its rules, seed and size; birds wheel round a loop of
 * radius metres, a herd's members keep near their places (x, z). */
typedef struct job {
    const rules *r;
    uint64_t seed, key;
    int n;
    float radius;
    const float (*place)[2];
} job;

/* A cache of a few states per thread: a frame after the last one steps
 * on from it. A state from the cache is the state stepped from the
 * start, so it changes speed, never bytes. */
static _Thread_local struct {
    uint64_t key;
    long step;
    flock f;
} memo[MEMOS];
static _Thread_local int memo_next;

static float unit(uint64_t seed, int i, int salt)
{
    return oy_u01(oy_hash(seed, OY_STREAM_ENTITY, 0xf10c, (uint64_t)i, (uint64_t)salt));
}

/* Where a bird flock as a whole is drawn at t: a slow loop round its
 * place, rising and falling. */
static void home(float radius, float t, float out[3])
{
    float a = 0.3f * t;
    out[0] = radius * oy_sinf(a);
    out[1] = 3.0f * oy_sinf(0.21f * t);
    out[2] = 0.6f * radius * oy_cosf(a);
}

static void start(flock *f, const job *jb)
{
    f->n = jb->n;
    for (int i = 0; i < jb->n; i++) {
        if (jb->place) {
            /* a herd starts standing in its places */
            f->p[i][0] = jb->place[i][0];
            f->p[i][1] = 0.0f;
            f->p[i][2] = jb->place[i][1];
            memset(f->v[i], 0, sizeof f->v[i]);
            continue;
        }
        float a = 6.2831853f * unit(jb->seed, i, 1), r = 0.35f * jb->radius * sqrtf(unit(jb->seed, i, 2));
        f->p[i][0] = r * oy_sinf(a);
        f->p[i][1] = 4.0f * (unit(jb->seed, i, 3) - 0.5f);
        f->p[i][2] = 0.6f * r * oy_cosf(a);
        f->v[i][0] = 6.0f;
        f->v[i][1] = 0.0f;
        f->v[i][2] = 3.0f * (unit(jb->seed, i, 4) - 0.5f);
    }
}

static float snap(float x)
{
    return fminf(fmaxf(roundf(x * GRID), -REACH), REACH);
}

static void step(flock *f, const job *jb, long k)
{
    const rules *r = jb->r;
    const int n = f->n;
    const float sight2 = r->sight * r->sight * GRID * GRID, crowd2 = r->crowd * r->crowd * GRID * GRID;
    float q[MAXN * 6] = { 0 }, g[MAXN * MAXN];
    float near[MAXN * MAXN], crowd[MAXN * MAXN];
    float sum[MAXN * 6], push[MAXN * 6];
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
            near[i * n + j] = i != j && d2 < sight2;
            crowd[i * n + j] = i != j && d2 < crowd2;
        }
    /* the neighbours' summed places and velocities; the crowding ones' */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, 6, n, 1.0f, near, n, q, 6, 0.0f, sum, 6);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, 6, n, 1.0f, crowd, n, q, 6, 0.0f, push, 6);
    float h[3] = { 0 };
    if (!jb->place)
        home(jb->radius, (float)(k + 1) * dt, h);
    for (int i = 0; i < n; i++) {
        float seen = 0.0f, close = 0.0f, acc[3];
        for (int j = 0; j < n; j++) {
            seen += near[i * n + j];
            close += crowd[i * n + j];
        }
        if (jb->place) {
            h[0] = jb->place[i][0];
            h[2] = jb->place[i][1];
        }
        for (int j = 0; j < 3; j++) {
            float p = q[i * 6 + j] / GRID, v = q[i * 6 + 3 + j] / GRID;
            float cohere = seen > 0.0f ? sum[i * 6 + j] / (seen * GRID) - p : 0.0f;
            float align = seen > 0.0f ? sum[i * 6 + 3 + j] / (seen * GRID) - v : 0.0f;
            float apart = (close * q[i * 6 + j] - push[i * 6 + j]) / GRID;
            /* and each one's own whim, new every step */
            float whim = r->whim * (oy_u01(oy_hash(jb->seed, OY_STREAM_ENTITY, r->salt,
                                                   (uint64_t)(k * r->span + i), (uint64_t)j)) - 0.5f);
            acc[j] = r->cohere * cohere + r->align * align + r->apart * apart + r->home * (h[j] - p) + whim;
            if (r->drag > 0.0f)
                acc[j] -= r->drag * v;
        }
        /* climbing and diving are less than turning, or none */
        acc[1] = r->climb * acc[1] - r->level * f->v[i][1];
        float sp2 = 0.0f;
        for (int j = 0; j < 3; j++) {
            f->v[i][j] += acc[j] * dt;
            sp2 += f->v[i][j] * f->v[i][j];
        }
        float sp = sqrtf(sp2), lim = sp > r->vmax ? r->vmax / sp : sp < r->vmin && sp > 0.0f ? r->vmin / sp : 1.0f;
        for (int j = 0; j < 3; j++) {
            f->v[i][j] *= lim;
            f->p[i][j] += f->v[i][j] * dt;
        }
    }
}

static void state_at(flock *f, const job *jb, long k)
{
    long from = 0;
    int slot = -1;
    for (int s = 0; s < MEMOS; s++)
        if (memo[s].step >= 0 && memo[s].step <= k && memo[s].key == jb->key && memo[s].f.n == jb->n &&
            (slot < 0 || memo[s].step > memo[slot].step))
            slot = s;
    if (slot >= 0) {
        *f = memo[slot].f;
        from = memo[slot].step;
    } else {
        start(f, jb);
        slot = memo_next;
        memo_next = (memo_next + 1) % MEMOS;
    }
    for (long s = from; s < k; s++)
        step(f, jb, s);
    memo[slot].key = jb->key;
    memo[slot].step = k;
    memo[slot].f = *f;
}

/* The flock at t (clamped to [0, limit)): each one's place and velocity
 * between the two steps round t. */
static void flock_at(const job *jb, float t, float pos[][3], float vel[][3])
{
    flock a, b;
    oy_blas_init();
    double s = (double)t * HZ;
    long k = (long)s;
    float u = (float)(s - (double)k);
    state_at(&a, jb, k);
    b = a;
    step(&b, jb, k);
    for (int i = 0; i < jb->n; i++)
        for (int j = 0; j < 3; j++) {
            pos[i][j] = oy_lerpf(a.p[i][j], b.p[i][j], u);
            vel[i][j] = oy_lerpf(a.v[i][j], b.v[i][j], u);
        }
}

int oy_flock_at(uint64_t seed, int n, float radius, float t, float pos[][3], float head[])
{
    float vel[OY_FLOCK_MAX][3];
    if (n > OY_FLOCK_MAX)
        n = OY_FLOCK_MAX;
    if (!(t >= 0.0f))
        t = 0.0f;
    if (t > 36000.0f)                        /* ten hours: later birds repeat */
        t = fmodf(t, 36000.0f);
    job jb = { &birds, seed, seed, n, radius, NULL };
    flock_at(&jb, t, pos, vel);
    for (int i = 0; i < n; i++)
        head[i] = oy_atan2f(vel[i][0], vel[i][2]);
    return n;
}

void oy_herd_at(uint64_t seed, int n, const float place[][2], float t, int i, float pos[2], float vel[2])
{
    float p[OY_HERD_MAX][3], v[OY_HERD_MAX][3];
    if (n > OY_HERD_MAX || i < 0 || i >= n || !(t >= 0.0f)) {
        pos[0] = i >= 0 && i < n ? place[i][0] : 0.0f;
        pos[1] = i >= 0 && i < n ? place[i][1] : 0.0f;
        vel[0] = vel[1] = 0.0f;
        return;
    }
    if (t > 36000.0f)
        t = fmodf(t, 36000.0f);
    job jb = { &herd, seed, oy_hash_bytes(seed, place, (size_t)n * sizeof *place), n, 0.0f, place };
    flock_at(&jb, t, p, v);
    pos[0] = p[i][0];
    pos[1] = p[i][2];
    vel[0] = v[i][0];
    vel[1] = v[i][2];
}
