/*
 * hits.c - one-shot sounds that other modules place in time and space,
 * first of all footsteps in wander mode: a heel and a toe contact whose
 * noise colour, length and grit depend on the ground material. Pure
 * functions of the time since the onset, like the music voices. The
 * table of how each ground sounds also serves the sound effects, whose
 * hooves and bodies land on the same grounds.
 */
#include "audio.h"

/* a footstep: len, lp, grit, low; a landing: thump, crunch_hz, crunch, hard */
const oy_ground_sound oy_ground_sounds[OY_GROUND_COUNT] = {
    [OY_GROUND_GRASS]  = { 0.09f, 0.45f, 0.30f, 0.3f,  70.0f,  700.0f, 0.4f, 0.15f },
    [OY_GROUND_DIRT]   = { 0.07f, 0.30f, 0.10f, 0.6f,  75.0f,  900.0f, 0.6f, 0.35f },
    [OY_GROUND_GRAVEL] = { 0.12f, 0.80f, 0.85f, 0.3f,  80.0f, 2200.0f, 1.0f, 0.55f },
    [OY_GROUND_SAND]   = { 0.11f, 0.35f, 0.50f, 0.2f,  65.0f,  600.0f, 0.4f, 0.10f },
    [OY_GROUND_SNOW]   = { 0.14f, 0.55f, 0.70f, 0.2f,  65.0f, 1200.0f, 0.5f, 0.05f },
    [OY_GROUND_ROCK]   = { 0.05f, 0.70f, 0.05f, 0.7f,  95.0f, 2600.0f, 0.8f, 0.90f },
    [OY_GROUND_WOOD]   = { 0.08f, 0.50f, 0.02f, 1.0f, 110.0f, 1500.0f, 0.6f, 1.00f },
    [OY_GROUND_WATER]  = { 0.20f, 0.60f, 0.40f, 0.3f,  60.0f,  800.0f, 0.5f, 0.05f },
};

int64_t oy_hit_length(const oy_audio_hit *h)
{
    int g = h->ground >= 0 && h->ground < OY_GROUND_COUNT ? h->ground : 0;
    /* heel, then toe 60 ms later; a landing is longer */
    return (int64_t)((oy_ground_sounds[g].len * (h->kind == OY_HIT_LAND ? 1.8f : 1.0f) + 0.07f) * OY_SAMPLE_RATE);
}

void oy_hit_render(const oy_audio_hit *h, int64_t on, float gl, float gr,
                   int64_t s0, int count, float *lr)
{
    int g = h->ground >= 0 && h->ground < OY_GROUND_COUNT ? h->ground : 0;
    const oy_ground_sound *gs = &oy_ground_sounds[g];
    float len = gs->len * (h->kind == OY_HIT_LAND ? 1.8f : 1.0f) * OY_SAMPLE_RATE;
    int64_t end = on + oy_hit_length(h), b = s0 > on ? s0 : on, e = s0 + count;
    int64_t toe = (int64_t)(0.06 * OY_SAMPLE_RATE);

    if (e > end)
        e = end;
    for (int64_t s = b; s < e; s++) {
        int64_t tau = s - on;
        float v = 0.0f;
        for (int part = 0; part < 2; part++) {
            int64_t tp = tau - part * toe;
            float x, env, n0, n1;
            uint64_t q;
            if (tp < 0 || tp >= (int64_t)len)
                continue;
            x = (float)tp / len;
            env = (1.0f - x) * (1.0f - x) * oy_smoothstepf(0.0f, 0.02f, x);
            q = oy_hash(h->seed, OY_STREAM_AMBIENCE, (uint64_t)tp, (uint64_t)part, 7);
            n0 = oy_noise_lane(q, 0);
            n1 = oy_noise_lane(q, 1);
            /* a blend of white and summed (darker) noise sets the colour */
            v += env * (gs->lp * n0 + (1.0f - gs->lp) * 0.5f * (n0 + n1));
            if (oy_u01(oy_hash(h->seed, OY_STREAM_AMBIENCE, (uint64_t)(tp / 64), (uint64_t)part, 8)) < gs->grit * 0.3f)
                v += env * 1.5f * n1;
            v += gs->low * env * oy_sine(70.0 * (double)tp / OY_SAMPLE_RATE) * (part ? 0.4f : 1.0f);
        }
        v *= h->gain * 0.3f;
        lr[2 * (s - s0)] += gl * v;
        lr[2 * (s - s0) + 1] += gr * v;
    }
}

int oy_ground_at(const oy_world *w, const oy_state *st, double x, double z)
{
    oy_place_info pl;
    oy_world_place(w, st, x, z, &pl);
    if (st->ch[OY_CH_SNOW_COVER] > 0.4f || pl.biome[OY_CH_BIOME_SNOWFIELD - OY_CH_BIOME_MEADOW] > 0.4f)
        return OY_GROUND_SNOW;
    if (pl.rock > 0.5f)
        return OY_GROUND_ROCK;
    if (pl.biome[OY_CH_BIOME_DESERT - OY_CH_BIOME_MEADOW] + pl.biome[OY_CH_BIOME_BEACH - OY_CH_BIOME_MEADOW] > 0.5f)
        return OY_GROUND_SAND;
    if (pl.biome[OY_CH_BIOME_ALPINE - OY_CH_BIOME_MEADOW] + pl.biome[OY_CH_BIOME_TUNDRA - OY_CH_BIOME_MEADOW] > 0.5f)
        return OY_GROUND_GRAVEL;
    if (pl.biome[OY_CH_BIOME_FOREST - OY_CH_BIOME_MEADOW] > 0.5f)
        return OY_GROUND_DIRT;
    return OY_GROUND_GRASS;
}
