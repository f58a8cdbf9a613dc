/*
 * ambience.c - the sound of the world around the camera: wind, rain (bed
 * and drops), birds by day where things grow, insects at night, surf or a
 * brook when water is near, crackling fires, and one-shot hits from other
 * modules. The storm's thunder joins it from sources.c, which places
 * every strike's thunder the same way.
 *
 * Work is done per chunk of OY_AUDIO_CHUNK samples. Control values (the
 * latent channels, the camera, the place under it) are evaluated at chunk
 * boundaries and interpolated. Noise beds run through filters that start
 * from zero a fixed pre-roll before the chunk, so a chunk's samples depend
 * only on its index. Discrete events (drops, calls, pops) sit on hashed
 * time slots and are pure functions of time.
 */
#include <stdlib.h>
#include <string.h>

#include "audio.h"

#define FS ((double)OY_SAMPLE_RATE)
#define D OY_AUDIO_CHUNK
#define PRE 1280                /* filter pre-roll, samples (a multiple of SUB) */
#define SUB 32                  /* control update interval, samples */
#define MAX_FIRES 4
#define MAX_HITS 64
#define CTL_CACHE 64

typedef struct fire { uint32_t uid; float gl, gr; } fire;

typedef struct ctl {
    int64_t j;
    float wind, rain, birds, insects, surf, brook;
    double cam[3];
    oy_v3 right;
    int nfires;
    fire fires[MAX_FIRES];
} ctl;

struct oy_ambience {
    const oy_model *m;
    const oy_world *w;
    const oy_camera *cam;
    uint64_t seed;
    oy_entity *ents;
    ctl ctl[CTL_CACHE];
    oy_audio_hits_fn hits;
    void *hits_opaque;
    oy_audio_hit hitbuf[MAX_HITS];
};

/* ---- control values ---- */

static void ctl_compute(oy_ambience *a, int64_t j, ctl *k)
{
    double t = (double)j * D / FS;
    oy_state st;
    oy_place_info pl;
    float h, day, night, veg, wet;

    if (t < 0.0)
        t = 0.0;
    oy_model_eval(a->m, t, &st, a->ents);
    oy_listener(a->cam, &st, t, k->cam, &k->right);
    if (a->w) {
        oy_world_place(a->w, &st, k->cam[0], k->cam[2], &pl);
    } else {
        float sum = 0.0f, coast = st.ch[OY_CH_COAST] + st.ch[OY_CH_ISLAND];
        for (int i = 0; i < 8; i++)
            sum += fmaxf(st.ch[OY_CH_BIOME_MEADOW + i], 0.0f);
        for (int i = 0; i < 8; i++)
            pl.biome[i] = sum > 0.0f ? fmaxf(st.ch[OY_CH_BIOME_MEADOW + i], 0.0f) / sum : (i == 0);
        pl.vegetation = oy_clampf(st.ch[OY_CH_VEGETATION], 0.0f, 1.0f);
        pl.water_kind = OY_WATER_NONE;
        pl.water_dist = 200.0f;
        if (coast > 0.3f) {
            pl.water_kind = OY_WATER_SEA;
            pl.water_dist = 200.0f * (1.0f - oy_clampf(coast, 0.0f, 1.0f)) + 20.0f;
        } else if (st.ch[OY_CH_RIVER] > 0.3f) {
            pl.water_kind = OY_WATER_RIVER;
            pl.water_dist = 200.0f * (1.0f - oy_clampf(st.ch[OY_CH_RIVER], 0.0f, 1.0f)) + 10.0f;
        } else if (st.ch[OY_CH_LAKE] > 0.3f) {
            pl.water_kind = OY_WATER_LAKE;
            pl.water_dist = 200.0f * (1.0f - oy_clampf(st.ch[OY_CH_LAKE], 0.0f, 1.0f)) + 20.0f;
        }
    }
    k->j = j;
    k->wind = oy_clampf(st.ch[OY_CH_WIND], 0.0f, 1.0f);
    k->rain = oy_clampf(st.ch[OY_CH_RAIN], 0.0f, 1.0f);
    h = (float)fmod(fmod((double)st.ch[OY_CH_TIME], 24.0) + 24.0, 24.0);
    day = oy_smoothstepf(4.5f, 6.5f, h) * (1.0f - oy_smoothstepf(19.0f, 21.0f, h));
    night = 1.0f - oy_smoothstepf(4.0f, 6.0f, h) * (1.0f - oy_smoothstepf(19.5f, 21.5f, h));
    veg = pl.vegetation * 0.6f + pl.biome[1] * 0.6f + pl.biome[0] * 0.5f + pl.biome[6] * 0.5f
        - pl.biome[3] - 0.7f * pl.biome[2] - 0.4f * pl.biome[4] - 0.3f * pl.biome[7];
    veg = oy_clampf(veg, 0.0f, 1.0f);
    wet = 1.0f - 0.9f * k->rain;
    k->birds = day * veg * wet * (1.0f - 0.6f * k->wind) * (1.0f - 0.5f * oy_clampf(st.ch[OY_CH_SNOW_COVER], 0, 1));
    k->insects = night * veg * wet * (1.0f - 0.7f * k->wind) * (1.0f - oy_clampf(st.ch[OY_CH_SNOW_COVER], 0, 1));
    k->surf = k->brook = 0.0f;
    if (pl.water_kind == OY_WATER_SEA || pl.water_kind == OY_WATER_LAKE)
        k->surf = (pl.water_kind == OY_WATER_SEA ? 1.0f : 0.35f) / (1.0f + pl.water_dist / 40.0f);
    else if (pl.water_kind == OY_WATER_RIVER)
        k->brook = 1.0f / (1.0f + pl.water_dist / 15.0f);
    /* frozen water is silent */
    float thaw = 1.0f - oy_clampf(st.ch[OY_CH_ICE], 0.0f, 1.0f);
    k->surf *= thaw;
    k->brook *= thaw;

    k->nfires = 0;
    for (int i = 0; i < st.nentities && k->nfires < MAX_FIRES; i++) {
        const oy_entity *e = &st.entities[i];
        float dist, pan, g;
        if (!strstr(e->kind, "fire") || e->fade <= 0.0f)
            continue;
        pan = oy_place_pan(k->cam, k->right, e->pos[0], (float)k->cam[1] - 1.5f, e->pos[2], &dist);
        /* a campfire is heard a few metres off, a wildfire's roar ten
         * times as far */
        g = e->fade / (1.0f + dist / (strcmp(e->kind, "wildfire") ? 4.0f : 40.0f));
        if (g < 0.02f)
            continue;
        k->fires[k->nfires].uid = e->uid;
        oy_pan_gains(pan, &k->fires[k->nfires].gl, &k->fires[k->nfires].gr);
        k->fires[k->nfires].gl *= g;
        k->fires[k->nfires].gr *= g;
        k->nfires++;
    }
}

static const ctl *ctl_get(oy_ambience *a, int64_t j)
{
    ctl *k = &a->ctl[((j % CTL_CACHE) + CTL_CACHE) % CTL_CACHE];
    if (k->j != j)
        ctl_compute(a, j, k);
    return k;
}

/* ---- discrete events on hashed slots ---- */

static void render_drops(oy_ambience *a, int64_t c0, float amount, float *lr)
{
    const int64_t slot = 96, maxlen = 960;
    if (amount <= 0.0f)
        return;
    for (int64_t n = (c0 - maxlen) / slot; n * slot < c0 + D; n++) {
        uint64_t h = oy_hash(a->seed, OY_STREAM_AMBIENCE, (uint64_t)n, 10, 0);
        int64_t on = n * slot + (int64_t)(oy_u01(h >> 3) * slot), b, e;
        float f, dec, amp, gl, gr, env, step;
        if (oy_u01(h) >= amount * 0.45f || on < 0)
            continue;
        f = 1800.0f + 3800.0f * oy_u01(h >> 13);
        dec = 0.002f + 0.006f * oy_u01(h >> 23);
        amp = 0.05f * oy_u01(h >> 33) * oy_u01(h >> 33) + 0.005f;
        oy_pan_gains(2.0f * oy_u01(h >> 43) - 1.0f, &gl, &gr);
        b = on > c0 ? on : c0;
        e = on + maxlen < c0 + D ? on + maxlen : c0 + D;
        if (b >= e)
            continue;
        env = amp * oy_expf(-(float)(b - on) / (dec * (float)FS));
        step = oy_expf(-1.0f / (dec * (float)FS));
        for (int64_t s = b; s < e; s++) {
            double tau = (double)(s - on) / FS;
            float v = env * oy_sine(f * tau * (1.0 - 4.0 * tau));
            env *= step;
            lr[2 * (s - c0)] += gl * v;
            lr[2 * (s - c0) + 1] += gr * v;
        }
    }
}

/* Bird calls: phrases of chirps with a rising or falling sweep, from a
 * slot grid; each slot's call depends on the bird amount at its start. */
static void render_birds(oy_ambience *a, int64_t c0, float *lr)
{
    const int64_t slot = 16800, maxlen = 72000;
    for (int64_t n = (c0 - maxlen) / slot - 1; n * slot < c0 + D; n++) {
        for (int lane = 0; lane < 2; lane++) {
            uint64_t h = oy_hash(a->seed, OY_STREAM_AMBIENCE, (uint64_t)n, 20, (uint64_t)lane);
            int64_t on = n * slot + (int64_t)(oy_u01(h >> 4) * slot);
            int species = (int)(oy_hash(a->seed, OY_STREAM_AMBIENCE, (uint64_t)(n / 40), 21, (uint64_t)lane) % 4);
            int chirps = 2 + (int)(oy_u01(h >> 14) * 5.0f);
            float f0 = 1900.0f + 250.0f * species + 500.0f * oy_u01(h >> 24);
            float clen = 0.05f + 0.025f * species, gap = clen * (0.5f + oy_u01(h >> 34));
            float sweep = species % 2 ? 0.25f : -0.2f, amp, gl, gr;
            int64_t total = (int64_t)(chirps * (clen + gap) * FS);
            if (on < 0 || on + total <= c0 || on >= c0 + D)
                continue;
            amp = ctl_get(a, on / D)->birds;
            if (amp <= 0.01f || oy_u01(h) >= amp * 0.7f)
                continue;
            amp *= 0.06f * (0.4f + 0.6f * oy_u01(h >> 44));
            oy_pan_gains(1.6f * oy_u01(h >> 54) - 0.8f, &gl, &gr);
            for (int64_t s = on > c0 ? on : c0; s < on + total && s < c0 + D; s++) {
                double tau = (double)(s - on) / FS;
                int m = (int)(tau / (clen + gap));
                double tc = tau - m * (clen + gap);
                float x, v;
                if (tc >= clen || m >= chirps)
                    continue;
                x = (float)(tc / clen);
                /* phase of a linear sweep, with a 28 Hz warble for odd species */
                v = oy_sine(f0 * (tc + sweep * tc * tc / (2.0 * clen)) +
                            (species % 2 ? 0.0 : f0 * 0.04 * (1.0 - oy_sine(28.0 * tc + 0.25)) / (2.0 * OY_PI * 28.0)));
                v += 0.06f * oy_sine(2.0 * f0 * tc);
                v *= amp * oy_sine(0.5 * x) * oy_sine(0.5 * x) * (1.0f - 0.3f * (float)m / (float)chirps);
                lr[2 * (s - c0)] += gl * v;
                lr[2 * (s - c0) + 1] += gr * v;
            }
        }
    }
}

/* Crickets: a narrow carrier near 4.6 kHz, pulsed at ~30 Hz in chirps. */
static void render_insects(oy_ambience *a, int64_t c0, float i0, float i1, float *lr)
{
    if (i0 <= 0.0f && i1 <= 0.0f)
        return;
    for (int k = 0; k < 5; k++) {
        uint64_t h = oy_hash(a->seed, OY_STREAM_AMBIENCE, (uint64_t)k, 30, 0);
        double fc = 4480.0 + 220.0 * oy_u01(h), rate = 1.4 + 1.6 * oy_u01(h >> 10);
        double ph0 = oy_u01(h >> 20), pulse = 26.0 + 10.0 * oy_u01(h >> 30);
        int pulses = 2 + (int)(oy_u01(h >> 40) * 3.0f);
        float gl, gr;
        oy_pan_gains(1.8f * oy_u01(h >> 50) - 0.9f, &gl, &gr);
        for (int i = 0; i < D; i++) {
            double t = (double)(c0 + i) / FS, c = t * rate + ph0;
            double tc = (c - floor(c)) / rate;   /* seconds into this chirp period */
            double pp = tc * pulse;
            float amp, v;
            if (pp >= pulses)
                continue;
            amp = oy_lerpf(i0, i1, (float)i / D) * 0.03f * (0.6f + 0.4f * (float)k / 5.0f);
            v = oy_sine(0.5 * (pp - floor(pp)));
            v = amp * v * v * oy_sine(fc * t);
            lr[2 * i] += gl * v;
            lr[2 * i + 1] += gr * v;
        }
    }
}

/* Fire pops: short noise bursts on 4 ms slots, mostly small. */
static void render_pops(oy_ambience *a, int64_t c0, uint32_t uid, float gl0, float gr0,
                        float gl1, float gr1, float *lr)
{
    const int64_t slot = 192, maxlen = 480;
    for (int64_t n = (c0 - maxlen) / slot; n * slot < c0 + D; n++) {
        uint64_t h = oy_hash(a->seed, OY_STREAM_AMBIENCE, (uint64_t)n, 40, uid);
        int64_t on = n * slot + (int64_t)(oy_u01(h >> 4) * slot), len;
        float amp, u;
        if (oy_u01(h) >= 0.14f || on < 0)
            continue;
        u = oy_u01(h >> 14);
        amp = 0.45f * u * u * u + 0.02f;
        len = 48 + (int64_t)(oy_u01(h >> 24) * (maxlen - 48));
        for (int64_t s = on > c0 ? on : c0; s < on + len && s < c0 + D; s++) {
            float x = (float)(s - on) / (float)len, f = (float)(s - c0) / D;
            float v = amp * (1.0f - x) * (1.0f - x) * (1.0f - x) *
                      oy_noise_lane(oy_hash(h, OY_STREAM_AMBIENCE, (uint64_t)(s - on), 41, 0), 0);
            lr[2 * (s - c0)] += oy_lerpf(gl0, gl1, f) * v;
            lr[2 * (s - c0) + 1] += oy_lerpf(gr0, gr1, f) * v;
        }
    }
}

static void render_hits(oy_ambience *a, int64_t c0, const ctl *k, float *lr)
{
    double t0 = (double)c0 / FS - 1.0, t1 = (double)(c0 + D) / FS;
    int n;
    if (!a->hits)
        return;
    n = a->hits(a->hits_opaque, t0, t1, a->hitbuf, MAX_HITS);
    for (int i = 0; i < n && i < MAX_HITS; i++) {
        const oy_audio_hit *h = &a->hitbuf[i];
        int64_t on = (int64_t)floor(h->t * FS + 0.5);
        float dist, pan = oy_place_pan(k->cam, k->right, h->pos[0], h->pos[1], h->pos[2], &dist), gl, gr;
        oy_pan_gains(pan, &gl, &gr);
        gl /= 1.0f + dist / 3.0f;
        gr /= 1.0f + dist / 3.0f;
        oy_hit_render(h, on, gl, gr, c0, D, lr);
    }
}

/* ---- noise beds ---- */

typedef struct beds {
    oy_svf wind[2], rumble, rain[2], water[2], fire[MAX_FIRES];
} beds;

/* gusts: a sum of slow sines with per-seed phases, 0..1 */
static float gust(uint64_t seed, double t)
{
    uint64_t h = oy_hash(seed, OY_STREAM_AMBIENCE, 60, 0, 0);
    float g = 0.5f + 0.22f * oy_sine(0.071 * t + oy_u01(h)) + 0.16f * oy_sine(0.13 * t + oy_u01(h >> 20))
            + 0.12f * oy_sine(0.37 * t + oy_u01(h >> 40));
    return oy_clampf(g, 0.0f, 1.0f);
}

static void render_beds(oy_ambience *a, int64_t c0, const ctl *k0, const ctl *k1, float *lr)
{
    beds f;
    float fg0[MAX_FIRES][2], fg1[MAX_FIRES][2];
    uint32_t fuid[MAX_FIRES * 2];
    int nf = 0;

    memset(&f, 0, sizeof(f));
    /* fires present at either end, matched by uid, fade in or out */
    for (int side = 0; side < 2; side++) {
        const ctl *k = side ? k1 : k0;
        for (int i = 0; i < k->nfires; i++) {
            int q = 0;
            while (q < nf && fuid[q] != k->fires[i].uid)
                q++;
            if (q == nf) {
                if (nf == MAX_FIRES)
                    continue;
                fuid[nf] = k->fires[i].uid;
                fg0[nf][0] = fg0[nf][1] = fg1[nf][0] = fg1[nf][1] = 0.0f;
                nf++;
            }
            (side ? fg1 : fg0)[q][0] = k->fires[i].gl;
            (side ? fg1 : fg0)[q][1] = k->fires[i].gr;
        }
    }
    for (int i = 0; i < nf; i++)
        oy_svf_set(&f.fire[i], 380.0f, 0.7f);
    oy_svf_set(&f.rumble, 110.0f, 0.7f);
    oy_svf_set(&f.rain[0], 2600.0f, 0.5f);
    oy_svf_set(&f.rain[1], 3100.0f, 0.5f);

    for (int64_t g = c0 - PRE; g < c0 + D; g += SUB) {
        float u = g < c0 ? 0.0f : (float)(g - c0 + SUB / 2) / D;
        float wind = oy_lerpf(k0->wind, k1->wind, u), rain = oy_lerpf(k0->rain, k1->rain, u);
        float surf = oy_lerpf(k0->surf, k1->surf, u), brook = oy_lerpf(k0->brook, k1->brook, u);
        double t = (double)g / FS;
        float gu = gust(a->seed, t), wamp, ramp, samp = 0.0f, bamp = 0.0f;
        int active = wind > 0.0f || rain > 0.0f || surf > 0.0f || brook > 0.0f || nf;

        if (!active)
            continue;
        oy_svf_set(&f.wind[0], 220.0f + 900.0f * wind * gu, 1.4f);
        oy_svf_set(&f.wind[1], 250.0f + 950.0f * wind * gu, 1.4f);
        wamp = 0.5f * oy_powf(wind + 1e-6f, 1.4f) * (0.35f + 0.65f * gu);
        ramp = 0.22f * oy_powf(rain + 1e-6f, 0.8f);
        if (surf > 0.0f) {
            /* a swell every 8-11 s: the cutoff opens as a wave breaks */
            float sw = 0.5f + 0.5f * oy_sine(t / 9.3 + 0.1) * (0.7f + 0.3f * oy_sine(t / 23.0));
            sw = sw * sw;
            samp = 0.55f * surf * (0.25f + 0.75f * sw);
            oy_svf_set(&f.water[0], 300.0f + 1500.0f * sw, 0.6f);
            oy_svf_set(&f.water[1], 340.0f + 1500.0f * sw, 0.6f);
        } else if (brook > 0.0f) {
            float bab = 0.6f + 0.25f * oy_sine(3.1 * t) + 0.15f * oy_sine(7.3 * t + 0.3);
            bamp = 0.35f * brook * bab;
            oy_svf_set(&f.water[0], 1100.0f + 500.0f * bab, 1.2f);
            oy_svf_set(&f.water[1], 1300.0f + 500.0f * bab, 1.2f);
        }
        for (int64_t s = g; s < g + SUB; s++) {
            uint64_t h1 = oy_hash(a->seed, OY_STREAM_AMBIENCE, (uint64_t)s, 1, 0);
            uint64_t h2 = oy_hash(a->seed, OY_STREAM_AMBIENCE, (uint64_t)s, 2, 0);
            float out[2] = { 0.0f, 0.0f }, lp, bp, hp;
            for (int c = 0; c < 2; c++) {
                float nz = oy_noise_lane(h1, c);
                if (wamp > 1e-5f) {
                    oy_svf_step(&f.wind[c], nz, &lp, &bp, &hp);
                    out[c] += wamp * bp;
                }
                if (ramp > 1e-5f) {
                    oy_svf_step(&f.rain[c], oy_noise_lane(h1, 2 + c), &lp, &bp, &hp);
                    out[c] += ramp * (hp + 0.5f * bp);
                }
                if (samp > 0.0f || bamp > 0.0f) {
                    oy_svf_step(&f.water[c], oy_noise_lane(h2, c), &lp, &bp, &hp);
                    out[c] += samp * lp + bamp * bp;
                }
            }
            if (wamp > 1e-5f) {
                oy_svf_step(&f.rumble, oy_noise_lane(h2, 2), &lp, &bp, &hp);
                out[0] += 1.2f * wamp * wind * lp;
                out[1] += 1.2f * wamp * wind * lp;
            }
            for (int i = 0; i < nf; i++) {
                float fu = s < c0 ? 0.0f : (float)(s - c0) / D;
                oy_svf_step(&f.fire[i], oy_noise_lane(h2, 3), &lp, &bp, &hp);
                out[0] += 0.12f * oy_lerpf(fg0[i][0], fg1[i][0], fu) * lp;
                out[1] += 0.12f * oy_lerpf(fg0[i][1], fg1[i][1], fu) * lp;
            }
            if (s >= c0) {
                lr[2 * (s - c0)] += out[0];
                lr[2 * (s - c0) + 1] += out[1];
            }
        }
    }
}

int oy_ambience_chunk(oy_ambience *a, int64_t c, float *lr)
{
    int64_t c0 = c * D;
    const ctl *k0, *k1;
    ctl c0v, c1v;

    memset(lr, 0, sizeof(float) * 2 * D);
    if (c < 0)
        return 0;
    /* copies: the slot renderers below may evict cache entries */
    c0v = *ctl_get(a, c);
    c1v = *ctl_get(a, c + 1);
    k0 = &c0v;
    k1 = &c1v;

    render_beds(a, c0, k0, k1, lr);
    render_drops(a, c0, fmaxf(k0->rain, k1->rain), lr);
    render_birds(a, c0, lr);
    render_insects(a, c0, k0->insects, k1->insects, lr);
    for (int i = 0; i < k0->nfires; i++) {
        float gl1 = 0.0f, gr1 = 0.0f;
        for (int q = 0; q < k1->nfires; q++)
            if (k1->fires[q].uid == k0->fires[i].uid) {
                gl1 = k1->fires[q].gl;
                gr1 = k1->fires[q].gr;
            }
        render_pops(a, c0, k0->fires[i].uid, k0->fires[i].gl, k0->fires[i].gr, gl1, gr1, lr);
    }
    for (int q = 0; q < k1->nfires; q++) {
        int found = 0;
        for (int i = 0; i < k0->nfires; i++)
            found |= k0->fires[i].uid == k1->fires[q].uid;
        if (!found)
            render_pops(a, c0, k1->fires[q].uid, 0.0f, 0.0f, k1->fires[q].gl, k1->fires[q].gr, lr);
    }
    render_hits(a, c0, k0, lr);
    return 0;
}

void oy_ambience_set_hits(oy_ambience *a, oy_audio_hits_fn fn, void *opaque)
{
    a->hits = fn;
    a->hits_opaque = opaque;
}

int oy_ambience_new(oy_ambience **out, const oy_model *m, const oy_world *w,
                    const oy_camera *cam)
{
    oy_ambience *a = oy_calloc(1, sizeof(*a));
    if (!a)
        return OYSTER_E_NOMEM;
    a->m = m;
    a->w = w;
    a->cam = cam;
    a->seed = oy_model_seed(m);
    a->ents = oy_calloc((size_t)oy_model_max_entities(m), sizeof(*a->ents));
    if (!a->ents) {
        oy_ambience_free(&a);
        return OYSTER_E_NOMEM;
    }
    for (int i = 0; i < CTL_CACHE; i++)
        a->ctl[i].j = INT64_MIN;
    oy_synth_init();
    *out = a;
    return 0;
}

void oy_ambience_free(oy_ambience **pa)
{
    oy_ambience *a = *pa;
    if (!a)
        return;
    free(a->ents);
    free(a);
    *pa = NULL;
}
