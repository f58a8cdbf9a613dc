/*
 * sources.c - sounds placed in the world or over it: the one-shots of
 * `sound:` cues, the thunder of every lightning strike (the storm's go to
 * the ambience, a `strike:` directive's to the effects) and the loops of
 * vehicles and horses while they move.
 *
 * Each source is panned and attenuated by its distance from the listener
 * (the camera). Thunder arrives distance / 343 m/s after its flash; every
 * other sound starts on the first sample of its cue's frame. A source
 * that moves (a sound that follows an object, a vehicle) is read at its
 * emission time - the time its sound left it to reach the listener now -
 * so its pitch rises as it comes and falls as it goes (Doppler).
 *
 * Positions are evaluated every GRID samples and interpolated between;
 * one-shots are rendered whole once (effects.c) and kept in a small
 * cache. Everything is a pure function of the chunk's index.
 */
#include <stdlib.h>
#include <string.h>

#include "audio.h"

#define FS ((double)OY_SAMPLE_RATE)
#define D OY_AUDIO_CHUNK
#define GRID 480                  /* positions every 10 ms */
#define NG (D / GRID)
#define SPEED_OF_SOUND 343.0
#define REF_DIST 40.0f            /* a placed sound is 6 dB down here, */
#define LOOP_REF 15.0f            /* a vehicle here */
#define LOOP_REACH 400.0f         /* vehicles farther off are not heard */
#define CLIP_REACH 31.0           /* the longest one-shot, seconds, and a margin */
#define THUNDER_REACH 40.0        /* the farthest thunder arrives within this */
#define CACHE 32
#define CACHE_BYTES ((size_t)96 << 20)
#define THUNDER_CACHE 64
#define MAX_STRIKES 128

typedef struct clip {
    uint64_t key;                 /* 0: empty */
    float *buf;
    int64_t len;
    uint64_t used;
} clip;

typedef struct mover { size_t ent; int loop; float gain; uint64_t seed; } mover;

/* A strike's thunder as the listener hears it. */
typedef struct thunder {
    double flash_t;
    float x, z;
    int64_t arrive;               /* sample */
    float dist, gl, gr;
} thunder;

/* The listener and one source over the chunk's grid points. */
typedef struct track {
    float gl[NG + 1], gr[NG + 1];
    double te[NG + 1];            /* emission time, s (a clip's: since its onset) */
    float speed[NG + 1];
} track;

struct oy_sources {
    const oy_model *m;
    const oy_world *w;
    const oy_camera *cam;
    oy_rational fps;
    const oy_cue *cues;
    int ncues;
    int *kind;                    /* per cue: OY_SFX_* of a sound cue, or -1 */
    mover *movers;
    int nmovers;
    oy_entity *ents;
    clip cache[CACHE];
    size_t bytes;
    uint64_t tick;
    thunder tcache[THUNDER_CACHE];
    int tnext;
    /* the chunk's listener: position, right vector, state */
    int64_t grid_chunk;
    double lpos[NG + 1][3];
    oy_v3 lright[NG + 1];
    oy_state lst[NG + 1];
};

/* ---- the listener ---- */

void oy_listener(const oy_camera *cam, const oy_state *st, double t, double pos[3], oy_v3 *right)
{
    oy_view v;
    if (!cam) {
        pos[0] = pos[2] = 0.0;
        pos[1] = 1.7;
        *right = oy_v3_make(1, 0, 0);
        return;
    }
    oy_camera_eval(cam, st, t, &v);
    memcpy(pos, v.pos, sizeof v.pos);
    *right = v.right;
}

float oy_place_pan(const double lp[3], oy_v3 right, double x, double y, double z, float *dist)
{
    double dx = x - lp[0], dy = y - lp[1], dz = z - lp[2];
    double flat = sqrt(dx * dx + dz * dz);
    float rl = sqrtf(right.x * right.x + right.z * right.z);
    *dist = (float)sqrt(flat * flat + dy * dy);
    return flat > 1e-3 && rl > 1e-6f ? (float)((dx * right.x + dz * right.z) / (flat * rl)) : 0.0f;
}

static void listener_at(oy_sources *s, double t, oy_state *st, double pos[3], oy_v3 *right)
{
    t = t < 0.0 ? 0.0 : t;
    oy_model_eval(s->m, t, st, s->ents);
    oy_listener(s->cam, st, t, pos, right);
}

static void listener_grid(oy_sources *s, int64_t c)
{
    if (s->grid_chunk == c)
        return;
    for (int g = 0; g <= NG; g++)
        listener_at(s, (double)(c * D + g * GRID) / FS, &s->lst[g], s->lpos[g], &s->lright[g]);
    s->grid_chunk = c;
}

/* Distance from the listener and pan (-1 left .. 1 right) of a point. */
static float place_of(const double lp[3], oy_v3 right, const float p[3], float *pan)
{
    float d;
    *pan = oy_place_pan(lp, right, p[0], p[1], p[2], &d);
    /* an object put absurdly far off is as far as 10 000 km */
    if (!(d < 1e7f) || !(*pan >= -1.0f && *pan <= 1.0f)) {
        d = 1e7f;
        *pan = 0.0f;
    }
    return d;
}

static void gains(float pan, float dist, float ref, float level, float *gl, float *gr)
{
    float a = level / (1.0f + dist / ref);
    oy_pan_gains(0.85f * pan, gl, gr);
    *gl *= a;
    *gr *= a;
}

/* World position of a point given as height above the ground. */
static void lift(const oy_sources *s, const oy_state *st, const float xz_h[3], float out[3])
{
    float ground = s->w ? oy_world_surface(s->w, st, xz_h[0], xz_h[2]) : 0.0f;
    out[0] = xz_h[0];
    out[1] = ground + xz_h[1];
    out[2] = xz_h[2];
}

/* ---- one-shots ---- */

static const clip *clip_get(oy_sources *s, int kind, const oy_sfx_params *p)
{
    uint64_t key = oy_hash(p->seed, (uint64_t)kind, (uint64_t)(int64_t)floorf(p->distance * 4.0f),
                           (uint64_t)(int64_t)floorf(p->length * 1000.0f), (uint64_t)p->ground) | 1;
    clip *c;
    int64_t len;

    for (int i = 0; i < CACHE; i++)
        if (s->cache[i].key == key) {
            s->cache[i].used = ++s->tick;
            return &s->cache[i];
        }
    len = oy_sfx_length(kind, p);
    /* a free slot, evicting the least recently used until the clip fits */
    for (;;) {
        clip *v = NULL;
        c = NULL;
        for (int i = 0; i < CACHE; i++) {
            if (!s->cache[i].key)
                c = c ? c : &s->cache[i];
            else if (!v || s->cache[i].used < v->used)
                v = &s->cache[i];
        }
        if (!v || (c && s->bytes + sizeof(float) * (size_t)len <= CACHE_BYTES))
            break;
        s->bytes -= sizeof(float) * (size_t)v->len;
        free(v->buf);
        memset(v, 0, sizeof *v);
    }
    if (!c || !(c->buf = oy_calloc((size_t)len + 1, sizeof(float))))
        return NULL;
    oy_sfx_render(kind, p, c->buf);
    c->key = key;
    c->len = len;
    c->used = ++s->tick;
    s->bytes += sizeof(float) * (size_t)len;
    return c;
}

/* Add a clip heard along a track to lr; the clip's sample 0 is its onset. */
static void play_clip(const clip *c, const track *k, float *lr)
{
    for (int g = 0; g < NG; g++) {
        float gl0 = k->gl[g], gr0 = k->gr[g], dgl = (k->gl[g + 1] - gl0) / GRID, dgr = (k->gr[g + 1] - gr0) / GRID;
        double te0 = k->te[g] * FS, dte = (k->te[g + 1] - k->te[g]) * FS / GRID;
        if (te0 + dte * GRID < 0.0 || te0 >= (double)c->len)
            continue;
        for (int i = 0; i < GRID; i++) {
            double x = te0 + dte * i;
            int64_t j = (int64_t)floor(x);
            float f, v;
            if (j < 0 || j + 1 >= c->len)
                continue;
            f = (float)(x - (double)j);
            v = c->buf[j] + (c->buf[j + 1] - c->buf[j]) * f;
            lr[2 * (g * GRID + i)] += (gl0 + dgl * i) * v;
            lr[2 * (g * GRID + i) + 1] += (gr0 + dgr * i) * v;
        }
    }
}

static void sound_cue(oy_sources *s, int i, int64_t c0, float *lr)
{
    const oy_cue *q = &s->cues[i];
    int64_t on = oy_frame_first_sample(q->frame, s->fps);
    float level = oy_powf(10.0f, q->gain_db / 20.0f), at[3], d0 = 0.0f, pan;
    oy_sfx_params p = { q->seed, 0.0f, q->over, OY_GROUND_GRASS };
    oy_state st;
    oy_entity e;
    double lp[3];
    oy_v3 right;
    const clip *c;
    track k;

    if (s->kind[i] < 0 || on >= c0 + D || on + (int64_t)(CLIP_REACH * FS) <= c0)
        return;
    /* what the clip is: its distance and ground at the onset */
    listener_at(s, (double)on / FS, &st, lp, &right);
    if (q->follow) {
        oy_model_entity_at(s->m, q->follow - 1, (double)on / FS, &e);
        lift(s, &st, e.pos, at);
    } else {
        lift(s, &st, q->pos, at);
    }
    if (q->placed)
        d0 = place_of(lp, right, at, &pan);
    p.distance = d0;
    p.ground = q->ground ? q->ground - 1 : (s->w ? oy_ground_at(s->w, &st, at[0], at[2]) : OY_GROUND_GRASS);
    if (on + oy_sfx_length(s->kind[i], &p) + (int64_t)(0.2 * FS) <= c0)
        return;
    if (!(c = clip_get(s, s->kind[i], &p)))
        return;
    listener_grid(s, c0 / D);
    for (int g = 0; g <= NG; g++) {
        double t = (double)(c0 + g * GRID) / FS;
        float d = 0.0f;
        pan = 0.0f;
        if (q->follow) {
            oy_model_entity_at(s->m, q->follow - 1, t, &e);
            lift(s, &s->lst[g], e.pos, at);
        }
        if (q->placed)
            d = place_of(s->lpos[g], s->lright[g], at, &pan);
        gains(pan, q->placed ? d : 0.0f, REF_DIST, level, &k.gl[g], &k.gr[g]);
        /* a moving source's sound left it earlier the farther it is */
        k.te[g] = t - (double)on / FS - (q->follow ? (d - d0) / SPEED_OF_SOUND : 0.0);
    }
    play_clip(c, &k, lr);
}

/* ---- thunder ---- */

static const thunder *thunder_of(oy_sources *s, const oy_strike *sk)
{
    thunder *th;
    oy_state st;
    double lp[3];
    oy_v3 right;
    float pan, at[3], xz[3] = { sk->x, 0.0f, sk->z };

    for (int i = 0; i < THUNDER_CACHE; i++)
        if (s->tcache[i].flash_t == sk->t && s->tcache[i].x == sk->x && s->tcache[i].z == sk->z)
            return &s->tcache[i];
    th = &s->tcache[s->tnext];
    s->tnext = (s->tnext + 1) % THUNDER_CACHE;
    listener_at(s, sk->t, &st, lp, &right);
    lift(s, &st, xz, at);
    at[1] = (float)lp[1];          /* the rumble comes from all along the channel */
    th->flash_t = sk->t;
    th->x = sk->x;
    th->z = sk->z;
    th->dist = fmaxf(place_of(lp, right, at, &pan), 30.0f);
    th->arrive = (int64_t)floor((sk->t + th->dist / SPEED_OF_SOUND) * FS + 0.5);
    oy_pan_gains(0.8f * pan, &th->gl, &th->gr);
    return th;
}

static void thunders(oy_sources *s, int64_t c0, float *fx, float *amb)
{
    oy_strike sk[MAX_STRIKES];
    int ns = oy_model_strikes(s->m, (double)c0 / FS - THUNDER_REACH, (double)(c0 + D) / FS, sk, MAX_STRIKES);

    for (int i = 0; i < ns; i++) {
        const thunder *th = thunder_of(s, &sk[i]);
        oy_sfx_params p = { sk[i].seed, th->dist, 0.0f, OY_GROUND_GRASS };
        float g = (0.35f + 0.65f * oy_clampf(sk[i].energy, 0.0f, 1.0f)) / (1.0f + th->dist / 1200.0f);
        const clip *c;
        track k;
        if (th->arrive >= c0 + D || th->arrive + oy_sfx_length(OY_SFX_THUNDER, &p) <= c0)
            continue;
        if (!(c = clip_get(s, OY_SFX_THUNDER, &p)))
            continue;
        for (int q = 0; q <= NG; q++) {
            k.gl[q] = 1.6f * g * th->gl;
            k.gr[q] = 1.6f * g * th->gr;
            k.te[q] = (double)(c0 + q * GRID - th->arrive) / FS;
        }
        play_clip(c, &k, sk[i].directed ? fx : amb);
    }
}

/* ---- things that move ---- */

static int loop_of(const char *kind, float *gain)
{
    static const struct { const char *kind; int loop; float gain; } loops[] = {
        { "car", OY_LOOP_ENGINE, 1.0f }, { "boat", OY_LOOP_MOTOR, 0.8f },
        { "ship", OY_LOOP_MOTOR, 1.6f }, { "wagon", OY_LOOP_WHEELS, 1.0f },
        { "horse", OY_LOOP_HOOVES, 0.9f }, { "rider", OY_LOOP_HOOVES, 0.9f },
    };
    for (size_t i = 0; i < sizeof loops / sizeof *loops; i++)
        if (!strcmp(kind, loops[i].kind)) {
            *gain = loops[i].gain;
            return loops[i].loop;
        }
    return -1;
}

static void mover_loop(oy_sources *s, const mover *mv, int64_t c0, float *lr)
{
    oy_entity e[2];
    float at[3], pan;
    track k;
    int on0 = oy_model_entity_at(s->m, mv->ent, (double)c0 / FS, &e[0]);
    int on1 = oy_model_entity_at(s->m, mv->ent, (double)(c0 + D) / FS, &e[1]);

    if ((!on0 || e[0].speed <= 0.0f) && (!on1 || e[1].speed <= 0.0f))
        return;
    listener_grid(s, c0 / D);
    lift(s, &s->lst[0], e[0].pos, at);
    if (place_of(s->lpos[0], s->lright[0], at, &pan) > LOOP_REACH + 100.0f)
        return;
    for (int g = 0; g <= NG; g++) {
        double t = (double)(c0 + g * GRID) / FS;
        oy_entity x;
        float d;
        int here = oy_model_entity_at(s->m, mv->ent, t, &x);
        lift(s, &s->lst[g], x.pos, at);
        d = place_of(s->lpos[g], s->lright[g], at, &pan);
        gains(pan, d, LOOP_REF, here && d < LOOP_REACH ? mv->gain * x.fade : 0.0f, &k.gl[g], &k.gr[g]);
        k.speed[g] = here ? x.speed : 0.0f;
        k.te[g] = t - d / SPEED_OF_SOUND;
    }
    for (int g = 0; g < NG; g++)
        for (int i = 0; i < GRID; i++) {
            float u = (float)i / GRID;
            double te = k.te[g] + (k.te[g + 1] - k.te[g]) * u;
            float sp = k.speed[g] + (k.speed[g + 1] - k.speed[g]) * u, v;
            if (sp <= 0.0f)
                continue;
            v = oy_sfx_loop(mv->loop, mv->seed, te, sp);
            lr[2 * (g * GRID + i)] += (k.gl[g] + (k.gl[g + 1] - k.gl[g]) * u) * v;
            lr[2 * (g * GRID + i) + 1] += (k.gr[g] + (k.gr[g + 1] - k.gr[g]) * u) * v;
        }
}

/* ---- the chunk ---- */

int oy_sources_chunk(oy_sources *s, int64_t c, float *fx, float *amb)
{
    int64_t c0 = c * D;
    double t0 = (double)c0 / FS;
    int lo = 0, hi = s->ncues;

    memset(fx, 0, sizeof(float) * 2 * D);
    memset(amb, 0, sizeof(float) * 2 * D);
    if (c < 0)
        return 0;
    /* the first cue that may still sound */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (s->cues[mid].t < t0 - CLIP_REACH)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int i = lo; i < s->ncues && s->cues[i].t < t0 + (double)D / FS + 1.0; i++)
        if (s->cues[i].type == OY_CUE_SOUND)
            sound_cue(s, i, c0, fx);
    thunders(s, c0, fx, amb);
    for (int i = 0; i < s->nmovers; i++)
        mover_loop(s, &s->movers[i], c0, fx);
    return 0;
}

int oy_sources_new(oy_sources **out, const oy_model *m, const oy_world *w, const oy_camera *cam)
{
    oy_sources *s = oy_calloc(1, sizeof *s);
    int n = oy_model_entity_count(m);

    if (!s)
        return OYSTER_E_NOMEM;
    s->m = m;
    s->w = w;
    s->cam = cam;
    s->fps = oy_model_script(m)->output.fps;
    s->grid_chunk = INT64_MIN;
    s->cues = oy_model_cues(m, &s->ncues);
    s->kind = oy_calloc((size_t)s->ncues + 1, sizeof *s->kind);
    s->movers = oy_calloc((size_t)n + 1, sizeof *s->movers);
    s->ents = oy_calloc((size_t)oy_model_max_entities(m), sizeof *s->ents);
    if (!s->kind || !s->movers || !s->ents) {
        oy_sources_free(&s);
        return OYSTER_E_NOMEM;
    }
    for (int i = 0; i < s->ncues; i++)
        s->kind[i] = s->cues[i].type == OY_CUE_SOUND ? oy_sfx_find(s->cues[i].name) : -1;
    for (int i = 0; i < n; i++) {
        oy_entity e;
        mover *mv = &s->movers[s->nmovers];
        oy_model_entity_at(m, (size_t)i, 0.0, &e);
        if ((mv->loop = loop_of(e.kind, &mv->gain)) >= 0) {
            mv->ent = (size_t)i;
            mv->seed = e.seed;
            s->nmovers++;
        }
    }
    for (int i = 0; i < THUNDER_CACHE; i++)
        s->tcache[i].flash_t = -1e300;
    oy_synth_init();
    *out = s;
    return 0;
}

void oy_sources_free(oy_sources **ps)
{
    oy_sources *s = *ps;
    if (!s)
        return;
    for (int i = 0; i < CACHE; i++)
        free(s->cache[i].buf);
    free(s->kind);
    free(s->movers);
    free(s->ents);
    free(s);
    *ps = NULL;
}
