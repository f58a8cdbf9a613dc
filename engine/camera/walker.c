/*
 * walker.c - the viewer of wander mode: keys to motion at a fixed step,
 * ground following, what stops a body (steep slopes, deep water, solid
 * things), jumps under gravity, the walk cycle (head bob, sway, footsteps)
 * and checkpoints. See walker.h.
 *
 * The world is read a quarter second at a time: at the start of each
 * segment of SEG steps the walker evaluates the model there, the world's
 * shape for that state, and gathers the solid things within reach; the
 * steps of the segment use them. A segment's inputs depend only on the
 * state at its start, so integrating from any checkpoint gives the same
 * path as integrating from the beginning.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../render/render_impl.h"
#include "walker.h"

#define DT (1.0 / OY_WALK_HZ)
#define SEG 60                 /* steps a segment: the world is read this often */
#define GRAVITY 9.81
#define JUMP_V 4.0             /* m/s up: a 0.8 m jump */
#define KNEE 0.5               /* deepest water waded, m */
#define STEP_UP 0.45           /* tallest thing stepped onto, m */
#define MAX_RISE 0.84          /* steepest slope climbed: tan 40 degrees */
#define LOOK_AHEAD 0.4         /* m: where the slope ahead is measured */
#define BODY_R 0.3             /* m: how close the body comes to solid things */
#define TAP 0.2                /* s: a pressed key (not space) is held this long */
#define RUN 3.0                /* shift: this many times the walking speed */
#define MAX_PITCH 85.0

typedef struct segment {
    int64_t first;             /* its first step, or -1 when none is loaded */
    oy_state st;
    oy_world_shape sh;
    oy_objects *solid;
} segment;

struct oy_walker {
    const oy_script *s;
    const oy_model *m;
    const oy_world *w;
    double eye, walk, turn;
    oy_wander_key *keys;       /* sorted by at */
    int nkeys;
    double longest;            /* the longest hold, s */
    pthread_mutex_t lock;
    oy_walk_state *ck;         /* ck[i]: the state at step i * OY_WALK_CHECKPOINT, */
    size_t nck, ckcap;         /* or step -1 while it is not known */
    oy_walk_state cur;         /* the last state integrated, in segment seg */
    segment seg;
    oy_audio_hit *log;         /* the hits of the steps since log_from, */
    size_t nlog, logcap;       /* at most LOG_KEEP steps behind cur */
    int64_t log_from;
    int64_t log_need;          /* the first step whose hits a query wants */
    int err;                   /* out of memory while integrating */
    oy_entity *ents;
};

#define LOG_KEEP (2 * OY_WALK_HZ)

/* ---- keys ---- */

static int by_time(const void *a, const void *b)
{
    const oy_wander_key *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->mark.line != y->mark.line ? x->mark.line - y->mark.line : x->mark.col - y->mark.col;
}

static double hold_length(const oy_wander_key *k)
{
    if (!k->press)
        return k->hold_for;
    return k->keys == OY_KEY_SPACE ? 0.0 : TAP;
}

/* The keys held during the step starting at tau; *jump when space is
 * pressed within it. */
static unsigned held(const oy_walker *wk, double tau, int *jump)
{
    int lo = 0, hi = wk->nkeys;
    unsigned bits = 0;

    while (lo < hi) {          /* hi: the first key after the step */
        int mid = (lo + hi) / 2;
        if (wk->keys[mid].at < tau + DT)
            lo = mid + 1;
        else
            hi = mid;
    }
    *jump = 0;
    for (int i = hi - 1; i >= 0 && wk->keys[i].at >= tau - wk->longest; i--) {
        const oy_wander_key *k = &wk->keys[i];
        if (k->press && (k->keys & OY_KEY_SPACE) && k->at >= tau)
            *jump = 1;
        if (k->at <= tau && tau < k->at + hold_length(k))
            bits |= k->keys & ~(k->press ? (unsigned)OY_KEY_SPACE : 0u);
    }
    return bits;
}

/* The looks' turn at t, degrees: each eases in over its `over`. */
static void looks(const oy_walker *wk, double t, double *yaw, double *pitch)
{
    *yaw = *pitch = 0.0;
    for (int i = 0; i < wk->s->wander.nlooks; i++) {
        const oy_wander_look *l = &wk->s->wander.looks[i];
        double u;
        if (t < l->at)
            continue;
        u = l->over > 0.0 ? (t - l->at) / l->over : 1.0;
        u = u >= 1.0 ? 1.0 : oy_ease(OY_EASE_IN_OUT, (float)u);
        *yaw += l->yaw * u;
        *pitch += l->pitch * u;
    }
}

/* ---- the world where the walker is ---- */

static int load_segment(oy_walker *wk, const oy_walk_state *s)
{
    segment *g = &wk->seg;
    oy_cast c = { 0 };
    oy_view v = { 0 };
    double t = (double)s->step * DT;
    float reach = 6.0f + (float)(wk->walk * RUN * SEG * DT) * 1.5f;

    oy_model_eval(wk->m, t, &g->st, wk->ents);
    oy_world_shape_init(&g->sh, wk->w, &g->st);
    oy_cast_season(&c, wk->w, &g->sh, &g->st);
    v.pos[0] = s->x;
    v.pos[1] = s->y;
    v.pos[2] = s->z;
    v.fwd = oy_v3_make(0.0f, 0.0f, 1.0f);
    g->first = s->step;
    int err = oy_objects_gather(g->solid, wk->w, &g->sh, &g->st, &c, &v, reach);
    if (err < 0) {
        g->first = -1;
        return err;
    }
    return 0;
}

static float terrain(const oy_walker *wk, double x, double z, float *water)
{
    oy_world_point pt;
    float g = oy_world_eval(wk->w, &wk->seg.sh, x, z, 0.5f, &pt);
    *water = pt.water;
    return g;
}

/* The top of a solid thing under the feet, within STEP_UP above them and
 * a metre below; or -1e9. */
static double deck(const oy_walker *wk, double x, double y, double z)
{
    static const float down[3] = { 0.0f, -1.0f, 0.0f };
    double org[3] = { x, y + STEP_UP, z };
    float h = oy_objects_ray(wk->seg.solid, org, down, (float)STEP_UP + 1.0f);
    return h >= 0.0f ? org[1] - h : -1e9;
}

/* Can the body go from (x, z) to (nx, nz)? */
static int passable(const oy_walker *wk, const oy_walk_state *s, double nx, double nz)
{
    double dx = nx - s->x, dz = nz - s->z, d = sqrt(dx * dx + dz * dz);
    float water, g1, wa;

    if (d <= 0.0)
        return 1;
    dx /= d;
    dz /= d;
    /* solid things at the knee and at the chest */
    for (int i = 0; i < 2; i++) {
        double org[3] = { s->x, s->y + (i ? 1.2 : STEP_UP + 0.05), s->z };
        float dir[3] = { (float)dx, 0.0f, (float)dz };
        if (oy_objects_ray(wk->seg.solid, org, dir, (float)(BODY_R + d)) >= 0.0f)
            return 0;
    }
    if (deck(wk, nx, s->y, nz) > -1e8)
        return 1;              /* on a bridge: the water under it does not matter */
    g1 = terrain(wk, nx, nz, &water);
    if (water - g1 > KNEE) {
        float w0, g0 = terrain(wk, s->x, s->z, &w0);
        if (water - g1 >= w0 - g0)
            return 0;          /* deeper than the knee, and no shallower than here */
    }
    if (s->on_ground && !s->on_deck) {
        float ga = terrain(wk, s->x + dx * LOOK_AHEAD, s->z + dz * LOOK_AHEAD, &wa);
        float gh = terrain(wk, s->x, s->z, &wa);
        if ((ga - gh) / LOOK_AHEAD > MAX_RISE)
            return 0;
    }
    return 1;
}

/* ---- one step ---- */

static void emit(oy_walker *wk, const oy_walk_state *s, double t, int kind, float gain, int side)
{
    oy_audio_hit *o;
    float water, g;
    double yaw = s->yaw * (OY_PI / 180.0);

    if (oy_grow(&wk->log, &wk->logcap, wk->nlog + 1, sizeof *wk->log)) {
        wk->err = OYSTER_E_NOMEM;
        return;
    }
    o = &wk->log[wk->nlog++];
    o->t = t;
    o->kind = kind;
    o->gain = gain;
    o->seed = oy_hash(wk->s->seed, OY_STREAM_WANDER, (uint64_t)s->step, (uint64_t)kind, 0);
    g = terrain(wk, s->x, s->z, &water);
    if (s->on_deck)
        o->ground = OY_GROUND_WOOD;
    else if (water - g > 0.05f)
        o->ground = OY_GROUND_WATER;
    else
        o->ground = oy_ground_at(wk->w, &wk->seg.st, s->x, s->z);
    /* the foot that lands: a hand's width left or right of the body */
    o->pos[0] = (float)(s->x + side * 0.12 * cos(yaw));
    o->pos[1] = (float)s->y;
    o->pos[2] = (float)(s->z - side * 0.12 * sin(yaw));
}

static void step(oy_walker *wk, oy_walk_state *s)
{
    const double tau = (double)s->step * DT;
    int jump;
    unsigned k = held(wk, tau, &jump);
    double lyaw, lpitch, speed, fw, side, len, wx = 0.0, wz = 0.0, rate;
    double x0 = s->x, z0 = s->z;

    /* arrows turn and pitch */
    s->yaw += wk->turn * DT * ((k & OY_KEY_RIGHT ? 1 : 0) - (k & OY_KEY_LEFT ? 1 : 0));
    s->pitch += wk->turn * DT * ((k & OY_KEY_UP ? 1 : 0) - (k & OY_KEY_DOWN ? 1 : 0));
    s->pitch = fmin(fmax(s->pitch, -MAX_PITCH), MAX_PITCH);
    looks(wk, tau, &lyaw, &lpitch);

    /* W/A/S/D relative to the view; shift runs */
    fw = (k & OY_KEY_W ? 1 : 0) - (k & OY_KEY_S ? 1 : 0);
    side = (k & OY_KEY_D ? 1 : 0) - (k & OY_KEY_A ? 1 : 0);
    len = sqrt(fw * fw + side * side);
    speed = wk->walk * (k & OY_KEY_SHIFT ? RUN : 1.0);
    if (len > 0.0) {
        double a = (s->yaw + lyaw) * (OY_PI / 180.0), sy = sin(a), cy = cos(a);
        wx = (fw * sy + side * cy) / len * speed;
        wz = (fw * cy - side * sy) / len * speed;
    }
    rate = fmin(1.0, DT * (s->on_ground ? 8.0 : 1.0));
    s->vx += (wx - s->vx) * rate;
    s->vz += (wz - s->vz) * rate;

    /* move, or slide along what stops the body, or stop */
    {
        double nx = s->x + s->vx * DT, nz = s->z + s->vz * DT;
        if (passable(wk, s, nx, nz)) {
            s->x = nx;
            s->z = nz;
        } else if (fabs(s->vx) > 1e-9 && passable(wk, s, nx, s->z)) {
            s->x = nx;
            s->vz = 0.0;
        } else if (fabs(s->vz) > 1e-9 && passable(wk, s, s->x, nz)) {
            s->z = nz;
            s->vx = 0.0;
        } else {
            s->vx = s->vz = 0.0;
        }
    }

    /* up and down: the ground, or a deck, or the air */
    {
        float water, g = terrain(wk, s->x, s->z, &water);
        double top = deck(wk, s->x, s->y, s->z), floor_y = fmax(g, top);
        if (s->on_ground && jump) {
            s->vy = JUMP_V;
            s->on_ground = 0;
        } else if (s->on_ground && floor_y < s->y - STEP_UP) {
            s->on_ground = 0;              /* walked off an edge */
            s->vy = 0.0;
        }
        if (s->on_ground) {
            s->y = floor_y;
        } else {
            s->vy -= GRAVITY * DT;
            s->y += s->vy * DT;
            if (s->y <= floor_y) {
                double impact = -s->vy;
                s->y = floor_y;
                s->on_ground = 1;
                s->vy = 0.0;
                if (impact > 1.0) {
                    s->dip_v += fmin(impact, 12.0) * 0.25;
                    emit(wk, s, tau + DT, OY_HIT_LAND, (float)fmin(1.0, 0.4 + impact * 0.12), 0);
                }
            }
        }
        s->on_deck = s->on_ground && top > g && top >= s->y - 1e-6;
        if (s->y < g)
            s->y = g;                      /* never under the ground */
    }

    /* the walk cycle: a foot lands at each whole phase */
    {
        double moved = hypot(s->x - x0, s->z - z0), v = moved / DT;
        double target = s->on_ground ? fmin(0.06, 0.022 * v) : 0.0;
        s->gait += (target - s->gait) * fmin(1.0, DT * 6.0);
        if (s->on_ground && moved > 0.0) {
            double before = s->phase;
            s->phase += moved / (0.45 + 0.2 * v);
            if (floor(s->phase) > floor(before)) {
                int foot = ((int64_t)floor(s->phase) & 1) ? 1 : -1;
                emit(wk, s, tau + DT, OY_HIT_FOOTSTEP, (float)fmin(1.0, 0.35 + 0.12 * v), foot);
            }
        }
    }
    /* the eye rides the feet, smoothing the ground's small bumps; the knees
     * give on landing and spring back */
    s->eye_y = s->on_ground ? s->eye_y + (s->y - s->eye_y) * fmin(1.0, DT * 14.0) : s->y;
    s->dip_v += (-120.0 * s->dip - 17.0 * s->dip_v) * DT;
    s->dip += s->dip_v * DT;
    s->step++;
}

/* ---- checkpoints and integration ---- */

static int known(const oy_walker *wk, size_t i) { return wk->ck[i].step >= 0; }

/* Checkpoints from..nck are not known. */
static void unknown_from(oy_walker *wk, size_t from)
{
    for (size_t i = from; i < wk->nck; i++)
        wk->ck[i].step = -1;
}

/* Room for checkpoint i. */
static int ck_room(oy_walker *wk, size_t i)
{
    size_t had = wk->nck;
    if (i < had)
        return 0;
    if (oy_grow(&wk->ck, &wk->ckcap, i + 1, sizeof *wk->ck))
        return OYSTER_E_NOMEM;
    wk->nck = i + 1;
    unknown_from(wk, had);
    return 0;
}

/* A state on the checkpoint grid becomes a checkpoint unless one is there. */
static void keep(oy_walker *wk, const oy_walk_state *s)
{
    size_t i = (size_t)(s->step / OY_WALK_CHECKPOINT);
    if (s->step % OY_WALK_CHECKPOINT)
        return;
    if (ck_room(wk, i)) {
        wk->err = OYSTER_E_NOMEM;
        return;
    }
    if (!known(wk, i))
        wk->ck[i] = *s;
}

/* Start again from the last checkpoint at or before step n. */
static size_t last_known(const oy_walker *wk, int64_t n)
{
    size_t i = (size_t)(n / OY_WALK_CHECKPOINT);
    if (i >= wk->nck)
        i = wk->nck - 1;
    while (i > 0 && !known(wk, i))
        i--;
    return i;
}

static void restart(oy_walker *wk, int64_t n)
{
    wk->cur = wk->ck[last_known(wk, n)];
    wk->seg.first = -1;
    wk->nlog = 0;
    wk->log_from = wk->cur.step;
}

/* Bring cur to step n: on from where it is, when that is not past n and
 * its segment is loaded (and, with skip, no checkpoint lies between),
 * else from a checkpoint. Called with the lock. */
static void reach(oy_walker *wk, int64_t n, int skip)
{
    oy_walk_state *s = &wk->cur;
    int loaded = wk->seg.first >= 0 && s->step >= wk->seg.first && s->step <= wk->seg.first + SEG;
    /* a checkpoint nearer n than cur (a state file's) is where to go on from */
    if (s->step > n || (!loaded && s->step % SEG) || (skip && wk->ck[last_known(wk, n)].step > s->step))
        restart(wk, n);
    while (!wk->err && s->step < n) {
        if (s->step % SEG == 0 || !loaded) {
            int err = load_segment(wk, s);
            if (err) {
                wk->err = err;
                break;
            }
        }
        loaded = 1;
        step(wk, s);
        keep(wk, s);
        /* the hits of the last LOG_KEEP steps are kept for the sound, and
         * those of the query being answered */
        if (s->step - wk->log_from > 2 * LOG_KEEP && s->step - LOG_KEEP <= wk->log_need) {
            double keep_t = (double)(s->step - LOG_KEEP) / OY_WALK_HZ;
            size_t k = 0;
            while (k < wk->nlog && wk->log[k].t < keep_t)
                k++;
            memmove(wk->log, wk->log + k, (wk->nlog - k) * sizeof *wk->log);
            wk->nlog -= k;
            wk->log_from = s->step - LOG_KEEP;
        }
    }
}

/* ---- the interface ---- */

int oy_walker_new(oy_walker **out, const oy_script *s, const oy_model *m, const oy_world *w)
{
    oy_walker *wk = oy_calloc(1, sizeof *wk);
    oy_walk_state s0 = { 0 };
    oy_state st;
    int err;

    if (!wk)
        return OYSTER_E_NOMEM;
    pthread_mutex_init(&wk->lock, NULL);
    wk->s = s;
    wk->m = m;
    wk->w = w;
    wk->eye = s->wander.eye;
    wk->walk = s->wander.walk;
    wk->turn = s->wander.turn;
    wk->seg.first = -1;
    wk->log_need = INT64_MAX;
    if ((err = oy_objects_new(&wk->seg.solid)))
        goto fail;
    if (!(wk->ents = oy_calloc((size_t)oy_model_max_entities(m) + 1, sizeof *wk->ents))) {
        err = OYSTER_E_NOMEM;
        goto fail;
    }
    if ((err = oy_walker_set_keys(wk, s->wander.keys, s->wander.nkeys, 0.0)))
        goto fail;
    /* the start: standing on the ground (or on a deck) where the script says */
    s0.x = s->wander.start[0];
    s0.z = s->wander.start[1];
    s0.yaw = s->wander.start_yaw;
    s0.on_ground = 1;
    oy_model_eval(m, 0.0, &st, wk->ents);
    s0.y = oy_world_ground(w, &st, s0.x, s0.z);
    if ((err = load_segment(wk, &s0)))
        goto fail;
    {
        double top = deck(wk, s0.x, s0.y + 20.0 - STEP_UP, s0.z);
        if (top > s0.y && top < s0.y + 20.0)
            s0.y = top;
    }
    s0.eye_y = s0.y;
    keep(wk, &s0);
    if ((err = wk->err))
        goto fail;
    restart(wk, 0);
    *out = wk;
    return 0;
fail:
    oy_walker_free(&wk);
    return err;
}

void oy_walker_free(oy_walker **pwk)
{
    oy_walker *wk = *pwk;
    if (!wk)
        return;
    oy_objects_free(&wk->seg.solid);
    pthread_mutex_destroy(&wk->lock);
    free(wk->keys);
    free(wk->ck);
    free(wk->log);
    free(wk->ents);
    free(wk);
    *pwk = NULL;
}

int oy_walker_set_keys(oy_walker *wk, const oy_wander_key *keys, int n, double since)
{
    oy_wander_key *k = n ? oy_calloc((size_t)n, sizeof *k) : NULL;
    int64_t keep_to = since <= 0.0 ? 0 : (int64_t)floor(since * OY_WALK_HZ);

    if (n && !k)
        return OYSTER_E_NOMEM;
    if (n) {
        memcpy(k, keys, (size_t)n * sizeof *k);
        qsort(k, (size_t)n, sizeof *k, by_time);
    }
    pthread_mutex_lock(&wk->lock);
    free(wk->keys);
    wk->keys = k;
    wk->nkeys = n;
    wk->longest = 0.0;
    for (int i = 0; i < n; i++)
        wk->longest = fmax(wk->longest, hold_length(&k[i]));
    /* what was computed past since may have changed */
    unknown_from(wk, (size_t)(keep_to / OY_WALK_CHECKPOINT) + 1);
    if (wk->cur.step > keep_to)
        restart(wk, keep_to);
    pthread_mutex_unlock(&wk->lock);
    return 0;
}

static void lerp_state(const oy_walk_state *a, const oy_walk_state *b, double u, oy_walk_state *o)
{
    *o = *a;
#define L(f) o->f = a->f + (b->f - a->f) * u
    L(x); L(y); L(z); L(yaw); L(pitch); L(phase); L(eye_y); L(dip); L(gait);
#undef L
}

void oy_walker_eye(oy_walker *wk, double t, double pos[3], float ang[3])
{
    oy_walk_state a, b, s;
    double lyaw, lpitch, u, sway, bob, yaw;
    int64_t n = (int64_t)floor(t * OY_WALK_HZ);

    if (n < 0)
        n = 0;
    u = t * OY_WALK_HZ - (double)n;
    pthread_mutex_lock(&wk->lock);
    reach(wk, n, 1);
    a = b = wk->cur;
    if (u > 0.0) {
        reach(wk, n + 1, 1);
        b = wk->cur;
    }
    pthread_mutex_unlock(&wk->lock);
    lerp_state(&a, &b, u < 0.0 ? 0.0 : u, &s);
    looks(wk, t, &lyaw, &lpitch);
    yaw = (s.yaw + lyaw) * (OY_PI / 180.0);
    /* the head is lowest as a foot lands and sways over the standing foot */
    bob = s.gait * (0.5 - 0.5 * cos(2.0 * OY_PI * s.phase)) - s.gait;
    sway = s.gait * 0.35 * sin(OY_PI * s.phase);
    pos[0] = s.x + sway * cos(yaw);
    pos[1] = s.eye_y + wk->eye + bob - s.dip;
    pos[2] = s.z - sway * sin(yaw);
    ang[0] = (float)(s.yaw + lyaw);
    ang[1] = (float)fmin(fmax(s.pitch + lpitch, -MAX_PITCH), MAX_PITCH);
    ang[2] = (float)(s.gait * 8.0 * sin(OY_PI * s.phase));
}

int oy_walker_hits(void *opaque, double t0, double t1, oy_audio_hit *out, int max)
{
    oy_walker *wk = opaque;
    /* a hit at t comes from the step that ends at t */
    int64_t first = (int64_t)ceil(t0 * OY_WALK_HZ) - 1, last = (int64_t)ceil(t1 * OY_WALK_HZ);
    int n = 0;

    if (t1 <= t0 || last <= 0)
        return 0;
    if (first < 0)
        first = 0;
    pthread_mutex_lock(&wk->lock);
    if (wk->log_from > first)
        restart(wk, first);
    wk->log_need = first;
    if (wk->cur.step < last)
        reach(wk, last, 0);      /* every step from first on: their hits */
    wk->log_need = INT64_MAX;
    for (size_t i = 0; i < wk->nlog && n < max; i++)
        if (wk->log[i].t >= t0 && wk->log[i].t < t1)
            out[n++] = wk->log[i];
    pthread_mutex_unlock(&wk->lock);
    return n;
}

void oy_walker_checkpoint(oy_walker *wk, double t, oy_walk_state *out)
{
    int64_t n = (int64_t)floor(t * OY_WALK_HZ);
    n = n < 0 ? 0 : n - n % OY_WALK_CHECKPOINT;
    pthread_mutex_lock(&wk->lock);
    reach(wk, n, 1);
    *out = wk->cur;
    pthread_mutex_unlock(&wk->lock);
}

void oy_walker_forget(oy_walker *wk)
{
    pthread_mutex_lock(&wk->lock);
    unknown_from(wk, 1);
    restart(wk, 0);
    pthread_mutex_unlock(&wk->lock);
}

void oy_walker_resume(oy_walker *wk, const oy_walk_state *st)
{
    size_t i = (size_t)(st->step / OY_WALK_CHECKPOINT);
    pthread_mutex_lock(&wk->lock);
    if (st->step >= 0 && st->step % OY_WALK_CHECKPOINT == 0 && !ck_room(wk, i)) {
        wk->ck[i] = *st;                   /* the file's state, not a computed one */
        wk->seg.first = -1;
    }
    pthread_mutex_unlock(&wk->lock);
}

/* ---- the state as bytes, for state files: little-endian ---- */

static void put64(unsigned char **p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        *(*p)++ = (unsigned char)(v >> (8 * i));
}
static uint64_t get64(const unsigned char **p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)*(*p)++ << (8 * i);
    return v;
}

#define WALK_DOUBLES(X) X(x) X(y) X(z) X(vx) X(vy) X(vz) X(yaw) X(pitch) X(phase) \
                        X(eye_y) X(dip) X(dip_v) X(gait)

void oy_walk_state_encode(const oy_walk_state *s, unsigned char out[OY_WALK_STATE_BYTES])
{
    unsigned char *p = out;
    uint64_t u;
    put64(&p, (uint64_t)s->step);
#define PUT(f) memcpy(&u, &s->f, 8); put64(&p, u);
    WALK_DOUBLES(PUT)
#undef PUT
    *p++ = (unsigned char)s->on_ground;
    *p++ = (unsigned char)s->on_deck;
}

void oy_walk_state_decode(const unsigned char in[OY_WALK_STATE_BYTES], oy_walk_state *s)
{
    const unsigned char *p = in;
    uint64_t u;
    s->step = (int64_t)get64(&p);
#define GET(f) u = get64(&p); memcpy(&s->f, &u, 8);
    WALK_DOUBLES(GET)
#undef GET
    s->on_ground = *p++ != 0;
    s->on_deck = *p++ != 0;
}
