/*
 * world.c - the world object and its public queries. A query turns the
 * state's channels into a shape (oy_world_shape_init); each thread keeps the
 * last shape it made, keyed by the world and the exact channel values, so a
 * query costs one height evaluation. The cache holds only what would be
 * recomputed, so results never depend on it.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "world.h"

int oy_world_new(oy_world **out, uint64_t seed, const oy_layout_item *layout)
{
    static _Atomic uint64_t next_id;
    oy_world *w = oy_calloc(1, sizeof *w);
    if (!w)
        return OYSTER_E_NOMEM;
    w->id = ++next_id;
    w->seed = seed;
    for (int i = 0; i < OY_WORLD_PERM; i++) {
        w->perm[i] = (uint16_t)i;
        w->val[i] = oy_u01(oy_hash(seed, OY_STREAM_TERRAIN, 1, (uint64_t)i, 0)) * 2.0f - 1.0f;
    }
    for (int i = OY_WORLD_PERM - 1; i > 0; i--) {
        int j = (int)(oy_hash(seed, OY_STREAM_TERRAIN, 2, (uint64_t)i, 0) % (uint64_t)(i + 1));
        uint16_t t = w->perm[i];
        w->perm[i] = w->perm[j];
        w->perm[j] = t;
    }
    for (int i = 0; i < OY_WORLD_PERM; i++)
        w->perm[OY_WORLD_PERM + i] = w->perm[i];
    oy_world_plan_setup(w, layout);
    *out = w;
    return 0;
}

void oy_world_free(oy_world **w)
{
    oy_freep(w);
}

uint64_t oy_world_seed(const oy_world *w) { return w->seed; }

void oy_world_lake_aside(oy_world *w)
{
    w->lake_aside = 1;
}

void oy_world_island_things(oy_world *w)
{
    w->island_things = 1;
}

void oy_world_hill_crown(oy_world *w, float h, int lone)
{
    w->hill_crown = fmaxf(h, 0.0f);
    w->hill_lone = lone;
}

void oy_world_fog_sight(oy_world *w, float m)
{
    w->fog_sight = fmaxf(m, 0.0f);
}

/* The last shape each thread made, for the world it was made for: keyed
 * by the world's id, not its address, which a later world of another
 * shot (another layout, the same seed) may reuse. */
static _Thread_local struct {
    uint64_t world;
    oy_world_shape sh;
} cache;

static const oy_world_shape *shape_for(const oy_world *w, const oy_state *st)
{
    oy_world_shape probe;
    oy_world_shape_key(&probe, st);
    if (cache.world != w->id || memcmp(probe.key, cache.sh.key, sizeof probe.key)) {
        oy_world_shape_init(&cache.sh, w, st);
        cache.world = w->id;
    }
    return &cache.sh;
}

float oy_world_ground(const oy_world *w, const oy_state *st, double x, double z)
{
    return oy_world_eval(w, shape_for(w, st), x, z, 0.5f, NULL);
}

float oy_world_surface(const oy_world *w, const oy_state *st, double x, double z)
{
    oy_world_point pt;
    float g = oy_world_eval(w, shape_for(w, st), x, z, 0.5f, &pt);
    return pt.water > g ? pt.water : g;
}

void oy_world_place(const oy_world *w, const oy_state *st, double x, double z,
                    oy_place_info *out)
{
    const oy_world_shape *sh = shape_for(w, st);
    oy_world_point pt, px, pz;
    float e = 2.0f;
    oy_world_eval(w, sh, x, z, 0.5f, &pt);
    float gx = oy_world_eval(w, sh, x + e, z, 0.5f, &px);
    float gz = oy_world_eval(w, sh, x, z + e, 0.5f, &pz);
    float slope = sqrtf((gx - pt.ground) * (gx - pt.ground) + (gz - pt.ground) * (gz - pt.ground)) / e;
    oy_world_material(w, sh, x, z, slope, &pt);
    out->ground = pt.ground;
    out->water = pt.water;
    out->water_kind = pt.water_kind;
    out->water_dist = pt.water_dist;
    memcpy(out->biome, pt.biome, sizeof out->biome);
    out->vegetation = oy_clampf(pt.canopy / 14.0f + sh->veg * (1.0f - pt.biome[2] - pt.biome[3]) * 0.5f,
                                0.0f, 1.0f);
    out->canopy = pt.canopy;
    out->slope = slope;
    /* canyon walls, and steep ground that is not a dune's slip face */
    float sand = pt.biome[OY_CH_BIOME_DESERT - OY_CH_BIOME_MEADOW] + pt.biome[OY_CH_BIOME_BEACH - OY_CH_BIOME_MEADOW];
    out->rock = oy_clampf(fmaxf(pt.canyon * (slope - 0.3f) * 4.0f, (slope - 0.45f) * 2.5f * (1.0f - sand)),
                          0.0f, 1.0f);
}

void oy_world_feature_info(const oy_world *w, const oy_state *st, int f, oy_feature_info *out)
{
    const oy_world_shape *sh = shape_for(w, st);
    const oy_plan_feature *F = &w->feat[f];

    memset(out, 0, sizeof *out);
    out->placed = F->placed;
    out->x = F->x;
    out->z = F->z;
    switch (f) {
    case OY_FEAT_VALLEY:   out->strength = sh->valley; out->size = 2.0f * sh->valley_w; break;
    case OY_FEAT_CANYON:
        out->strength = sh->canyon;
        out->size = 2.0f * 70.0f * sh->canyon_w / 54.0f;
        out->height = sh->canyon_depth;
        break;
    case OY_FEAT_RIVER:    out->strength = sh->river; out->size = 2.0f * sh->river_w; break;
    case OY_FEAT_COAST:    out->strength = sh->coast; out->sea = F->sea; break;
    case OY_FEAT_LAKE:
        out->strength = sh->lake;
        out->size = 2.0f * sh->lake_r;
        out->x = sh->lake_x;
        out->z = sh->lake_z;
        break;
    case OY_FEAT_ISLAND:
        out->strength = sh->island;
        out->size = 2.0f * sh->island_r;
        out->z = sh->island_z;
        break;
    case OY_FEAT_PEAKS:
        /* mountains stand there once the relief reads as mountains */
        out->strength = F->placed ? 1.0f : oy_smoothstepf(250.0f, 900.0f, sh->relief_amp);
        out->size = 2.0f * sh->peaks_r;
        out->height = sh->peaks_h > 0.0f ? sh->peaks_h : 1.3f * sh->relief_amp;
        break;
    case OY_FEAT_HILL:
        out->strength = sh->hill;
        out->x = sh->hill_x;
        out->z = sh->hill_z;
        out->size = 2.0f * sh->hill_r;
        out->height = sh->hill_h;
        break;
    case OY_FEAT_CRATER:
        out->strength = sh->crater;
        out->x = sh->crater_x;
        out->z = sh->crater_z;
        out->size = 2.0f * sh->crater_r;
        out->height = sh->crater_depth;
        break;
    case OY_FEAT_BUTTE:
        out->strength = sh->butte;
        out->size = 2.0f * sh->butte_r;
        out->height = sh->butte_h;
        break;
    case OY_FEAT_CLEARING:
        out->strength = 1.0f;
        out->x = sh->clear_x;
        out->z = sh->clear_z;
        out->size = 2.0f * sh->clear_r;
        break;
    default: break;
    }
    if (f == OY_FEAT_VALLEY || f == OY_FEAT_CANYON || f == OY_FEAT_RIVER || f == OY_FEAT_COAST) {
        const oy_plan_line *L = &F->line;
        int mid = (L->real0 + L->real1) / 2;
        out->line = L;
        out->x = L->px[mid];
        out->z = L->pz[mid];
    }
}

void oy_world_describe(const oy_world *w, const oy_state *st, oyster_line_fn fn, void *opaque)
{
    char buf[512];
    for (int f = 0; f < OY_FEAT_COUNT; f++) {
        oy_feature_info fi;
        oy_world_feature_info(w, st, f, &fi);
        if (fi.strength < 0.05f)
            continue;
        int n = snprintf(buf, sizeof buf, "  %-8s %3.0f%% %s", oy_feature_names[f], 100.0f * fi.strength,
                         fi.placed ? "placed" : "default");
        if (fi.line) {
            n += snprintf(buf + n, sizeof buf - (size_t)n, " through");
            for (int i = fi.line->real0; i <= fi.line->real1 && n < (int)sizeof buf - 40; i++)
                n += snprintf(buf + n, sizeof buf - (size_t)n, " [%.0f, %.0f]", fi.line->px[i], fi.line->pz[i]);
        } else {
            n += snprintf(buf + n, sizeof buf - (size_t)n, " at [%.0f, %.0f]", fi.x, fi.z);
        }
        if (fi.size > 0.0f && n < (int)sizeof buf - 40)
            n += snprintf(buf + n, sizeof buf - (size_t)n, "%s %.0f m", fi.line ? ", width" : ", size", fi.size);
        if (fi.height > 0.0f && n < (int)sizeof buf - 40)
            n += snprintf(buf + n, sizeof buf - (size_t)n, ", %s %.0f m",
                          f == OY_FEAT_CANYON || f == OY_FEAT_CRATER ? "depth" : "height", fi.height);
        if (fi.sea && n < (int)sizeof buf - 40)
            n += snprintf(buf + n, sizeof buf - (size_t)n, ", sea on the %s", fi.sea > 0 ? "right" : "left");
        float off = oy_clampf(st->ch[OY_CH_OFFSHORE], 0.0f, 1.0f);
        if (f == OY_FEAT_COAST && !fi.placed && off > 0.0f && n < (int)sizeof buf - 60)
            snprintf(buf + n, sizeof buf - (size_t)n, ", its shore %.0f m inland of that (out at sea)",
                     OY_OFFSHORE_M * off);
        fn(opaque, buf);
    }
    const oy_world_shape *sh = shape_for(w, st);
    if (sh->cloud_sea >= 0.05f) {
        snprintf(buf, sizeof buf, "  %-8s %3.0f%% default: a sea of cloud round the summit at [0, 0], "
                 "its top at %.0f m", "clouds", 100.0f * sh->cloud_sea, sh->deck);
        fn(opaque, buf);
    }
    if (sh->overlook >= 0.05f) {
        snprintf(buf, sizeof buf, "  %-8s %3.0f%% default: the view on a bluff %.0f m high round [0, 0], "
                 "its edge %.0f m ahead", "overlook", 100.0f * sh->overlook, OY_BLUFF_H * sh->overlook,
                 OY_BLUFF_EDGE);
        fn(opaque, buf);
    }
}

float oy_world_pier_heading(const oy_world *w, const oy_world_shape *sh, double x, double z, float yaw,
                            float *first, float *level)
{
    float most = 0.0f, best = yaw;
    *first = 0.0f;
    for (int a = 0; a < 16; a++) {
        float ya = yaw + (float)a * (float)(OY_PI / 8.0), fx = oy_sinf(ya), fz = oy_cosf(ya);
        float wet = 0.0f, at = 0.0f, lv = *level;
        for (float d = 2.0f; d <= 30.0f; d += 2.0f) {
            oy_world_point pt;
            float gd = oy_world_eval(w, sh, x + fx * d, z + fz * d, 0.25f, &pt);
            if (pt.water > gd + 0.3f) {
                wet += 32.0f - d;
                if (at <= 0.0f) {
                    at = d;
                    lv = pt.water;
                }
            }
        }
        if (wet > most) {
            most = wet;
            *first = at;
            *level = lv;
            best = ya;
        }
    }
    return best;
}

float oy_world_span_heading(const oy_world *w, const oy_world_shape *sh, double x, double z, float yaw, int wet,
                            float *span, float *bank0, float *bank1)
{
    *span = 24.0f;
    for (int s = 0; s < 23; s++) {
        float len = 12.0f + 4.0f * (float)s;
        int found = 0;
        for (int a = 0; a < 8 && !found; a++) {
            float ya = yaw + (float)a * (float)(OY_PI / 8.0);
            float fx = oy_sinf(ya) * len * 0.5f, fz = oy_cosf(ya) * len * 0.5f;
            oy_world_point p0, p1;
            float h0 = oy_world_eval(w, sh, x + fx, z + fz, 0.25f, &p0);
            float h1 = oy_world_eval(w, sh, x - fx, z - fz, 0.25f, &p1);
            if (p0.water < h0 && p1.water < h1) {
                found = 1;
                yaw = ya;
                *span = len;
                *bank0 = h0;
                *bank1 = h1;
            }
        }
        if (found || !wet)
            break;
    }
    return yaw;
}

int oy_world_gap_at(const oy_world *w, const oy_world_shape *sh, double x, double z, float yaw, oy_world_gap *g)
{
    enum { STEPS = 38 };
    const float step = 4.0f;
    oy_world_point pt;
    float g0 = oy_world_eval(w, sh, x, z, 0.25f, &pt);
    int found = 0;
    for (int a = 0; a < 8; a++) {
        float ya = yaw + (float)a * (float)(OY_PI / 8.0), ux = oy_sinf(ya), uz = oy_cosf(ya);
        float prof[2][STEPS], rim[2] = { g0, g0 };
        for (int s = 0; s < 2; s++) {
            float sign = s ? -1.0f : 1.0f;
            for (int i = 0; i < STEPS; i++) {
                float d = sign * step * (float)(i + 1);
                prof[s][i] = oy_world_eval(w, sh, x + ux * d, z + uz * d, 0.25f, &pt);
                rim[s] = fmaxf(rim[s], prof[s][i]);
            }
        }
        float top = fminf(fminf(rim[0], rim[1]), g0 + 18.0f);
        if (top < g0 + 8.0f)
            continue;
        float reach[2], low = g0;
        for (int s = 0; s < 2; s++) {
            int i = 0;
            while (prof[s][i] < top)
                low = fminf(low, prof[s][i++]);
            /* where the ground reaches the deck, between two samples */
            float below = i ? prof[s][i - 1] : g0;
            reach[s] = step * ((float)i + (top - below) / fmaxf(prof[s][i] - below, 1e-3f));
        }
        float span = reach[0] + reach[1];
        if (span <= 100.0f && (!found || span < g->span)) {
            found = 1;
            float shift = 0.5f * (reach[0] - reach[1]);
            *g = (oy_world_gap){ ya, span, top, low, { x + ux * shift, z + uz * shift } };
        }
    }
    return found;
}

int oy_world_water_by(const oy_world *w, const oy_world_shape *sh, double x, double z, float reach,
                      float *level)
{
    for (int i = 0; i < 9; i++) {
        float a = 0.7853982f * (float)i, r = i ? reach : 0.0f;
        oy_world_point pt;
        float g = oy_world_eval(w, sh, x + r * oy_sinf(a), z + r * oy_cosf(a), 2.0f, &pt);
        if (pt.water > g) {
            *level = pt.water;
            return 1;
        }
    }
    return 0;
}
