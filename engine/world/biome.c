/*
 * biome.c - biomes and ground materials. Temperature and moisture fields
 * (low-frequency noise, colder with altitude, wetter near water) decide
 * where each of the prompt's biomes shows; slope, altitude and small-scale
 * noise then pick the material mix (grass, rock, sand, snow, dirt, mud) and
 * the far-forest canopy. Colours are linear-light albedos; the prompt's
 * rock and ground colour channels shift them (oy_world_palette_init).
 */
#include <math.h>

#include "world.h"

enum { MEADOW, FOREST, DESERT, SNOWFIELD, TUNDRA, BEACH, SWAMP, ALPINE };

static void biome_weights(const oy_world *w, const oy_world_shape *sh, double x,
                          double z, float slope, oy_world_point *pt)
{
    float alt = pt->ground - sh->floor0;
    float temp = 0.55f + 0.3f * oy_world_fbm(w, x + 1.0e4, z, 4000.0, 400.0f, 3)
                 - alt / fmaxf(2.0f * sh->relief_amp, 600.0f);
    float wet = 0.5f + 0.4f * oy_world_fbm(w, x, z - 2.0e4, 2500.0, 200.0f, 4)
                + 0.3f * (1.0f - oy_smoothstepf(0.0f, 120.0f, pt->water_dist));
    /* a beach the words name is wide enough to stand on */
    float bb = sh->biome[BEACH];
    float low = 1.0f - oy_smoothstepf(1.0f, 8.0f + 12.0f * bb, pt->ground - sh->sea_level);
    float aff[8];
    aff[MEADOW] = 1.0f - fabsf(temp - 0.55f) * 1.5f - fabsf(wet - 0.45f);
    aff[FOREST] = oy_smoothstepf(0.3f, 0.65f, wet) * (1.0f - oy_smoothstepf(0.8f, 1.0f, temp))
                  * (1.0f - oy_smoothstepf(0.5f, 1.0f, slope));
    aff[DESERT] = oy_smoothstepf(0.45f, 0.8f, temp) * (1.0f - oy_smoothstepf(0.35f, 0.65f, wet));
    aff[SNOWFIELD] = 1.0f - oy_smoothstepf(0.15f, 0.5f, temp);
    aff[TUNDRA] = (1.0f - oy_smoothstepf(0.25f, 0.55f, temp)) * (1.0f - oy_smoothstepf(0.4f, 0.8f, wet));
    aff[BEACH] = (pt->water_kind == OY_WATER_SEA || pt->water_kind == OY_WATER_LAKE)
                 ? low * (1.0f - oy_smoothstepf(5.0f, 60.0f + 140.0f * bb, pt->water_dist)) : 0.0f;
    aff[SWAMP] = oy_smoothstepf(0.5f, 0.85f, wet) * (1.0f - oy_smoothstepf(0.1f, 0.3f, slope));
    aff[ALPINE] = oy_smoothstepf(0.3f, 0.7f, alt / fmaxf(sh->relief_amp, 100.0f)) + slope * 0.4f;

    float sum = 0.0f;
    for (int i = 0; i < 8; i++) {
        pt->biome[i] = sh->biome[i] * (0.12f + oy_clampf(aff[i], 0.0f, 1.5f));
        sum += pt->biome[i];
    }
    /* sea shores are sandy whatever the prompt says (stony where it says
     * rocky), all sand where it names a beach */
    float shore = (0.8f + 3.0f * bb + 2.0f * sh->stony) * aff[BEACH] * (1.0f - sh->biome[SNOWFIELD]);
    pt->biome[BEACH] += shore;
    sum += shore;
    /* and where sand holds the shore, the grass thins out of it */
    float bare = oy_smoothstepf(0.5f, 0.85f, pt->biome[BEACH] / sum);
    sum -= bare * (pt->biome[MEADOW] + pt->biome[FOREST]);
    pt->biome[MEADOW] *= 1.0f - bare;
    pt->biome[FOREST] *= 1.0f - bare;
    for (int i = 0; i < 8; i++)
        pt->biome[i] /= sum;
}

void oy_world_palette_init(oy_world_shape *sh, const oy_state *st)
{
    for (int i = 0; i < 3; i++) {
        sh->rock_paint[i] = oy_clampf(st->ch[OY_CH_ROCK_WARMTH + i], -1.0f, 1.0f);
        sh->ground_paint[i] = oy_clampf(st->ch[OY_CH_GROUND_WARMTH + i], -1.0f, 1.0f);
        sh->plant_paint[i] = oy_clampf(st->ch[OY_CH_PLANT_WARMTH + i], -1.0f, 1.0f);
    }
}

void oy_world_paint_plants(const oy_world_shape *sh, float share, float rgb[3])
{
    const float *p = sh->plant_paint;
    if (share <= 0.0f || (p[0] == 0.0f && p[1] == 0.0f && p[2] == 0.0f))
        return;
    /* (the share is found from how green the albedo is: a blade with a
     * little straw or soil in it is grass all the same) */
    float l = (rgb[0] + rgb[1] + rgb[2]) * (1.0f / 3.0f), c[3], k = oy_clampf(3.0f * share, 0.0f, 1.0f);
    for (int i = 0; i < 3; i++)
        c[i] = oy_lerpf(rgb[i], l, 0.85f);
    oy_paint(c, p);
    for (int i = 0; i < 3; i++)
        rgb[i] = oy_lerpf(rgb[i], c[i], k);
}

static void mix3(float *acc, const float *c, float k)
{
    acc[0] += c[0] * k;
    acc[1] += c[1] * k;
    acc[2] += c[2] * k;
}

/* The bare rock of cliffs and faces, as the prompt paints it: the warm
 * red-brown of desert and canyon country, else grey. */
static void rock_colour(const oy_world_shape *sh, int desert, float rgb[3])
{
    static const float grey[3] = { 0.16f, 0.145f, 0.13f }, warm[3] = { 0.42f, 0.27f, 0.16f };
    for (int i = 0; i < 3; i++)
        rgb[i] = desert ? warm[i] : grey[i];
    oy_paint(rgb, sh->rock_paint);
}

void oy_world_rock(const oy_world_shape *sh, float rgb[3])
{
    rock_colour(sh, sh->biome[DESERT] > 0.5f || sh->canyon * (1.0f - sh->coast) > 0.5f, rgb);
}

const float oy_flower_palette[6][3] = {
    { 0.8f, 0.8f, 0.74f }, { 0.86f, 0.7f, 0.08f }, { 0.72f, 0.05f, 0.04f },
    { 0.85f, 0.38f, 0.6f }, { 0.42f, 0.18f, 0.7f }, { 0.22f, 0.33f, 0.82f },
};

void oy_flower_weights(float warmth, float wt[6])
{
    float w = warmth;
    /* at the ends of the scale one kind of flower alone: sunflowers all
     * yellow, lavender only purple and blue; poppies, red, at 0.8 */
    float warm_end = oy_smoothstepf(0.85f, 1.0f, w), cool_end = oy_smoothstepf(-0.85f, -1.0f, w);
    float red = oy_smoothstepf(0.6f, 0.8f, w) * (1.0f - warm_end);
    /* (a field of poppies is red, a few of other colours among them) */
    float few = 1.0f - 0.8f * red;
    const float k[6] = { (1.0f - fabsf(w)) * few, (1.0f + w) * (1.0f - red), (1.0f + w) * (1.0f - warm_end),
                         (1.0f - 0.5f * fabsf(w)) * (1.0f - warm_end - cool_end) * (1.0f - 0.7f * red) * few,
                         (1.0f - w) * few, (1.0f - w) * few };
    for (int i = 0; i < 6; i++)
        wt[i] = k[i];
}

/* Each crop's plants and the soil between its rows (the same colour
 * where it stands in no rows), row spacing and the plants' share. */
static const struct crop {
    float plant[3], soil[3], spacing, share, height;
} crops[] = {
    [OY_CROP_PASTURE]  = { { 0.07f, 0.13f, 0.03f }, { 0.07f, 0.13f, 0.03f }, 0.0f, 0.0f, 0.0f },
    [OY_CROP_YOUNG]    = { { 0.09f, 0.19f, 0.03f }, { 0.13f, 0.10f, 0.065f }, 0.75f, 0.7f, 0.15f },
    [OY_CROP_RIPE]     = { { 0.30f, 0.23f, 0.08f }, { 0.30f, 0.23f, 0.08f }, 0.0f, 0.0f, 0.0f },
    [OY_CROP_STUBBLE]  = { { 0.32f, 0.28f, 0.17f }, { 0.20f, 0.18f, 0.12f }, 0.3f, 0.6f, 0.03f },
    [OY_CROP_PLOUGHED] = { { 0.14f, 0.105f, 0.07f }, { 0.075f, 0.058f, 0.04f }, 0.8f, 0.6f, 0.1f },
    [OY_CROP_RAPESEED] = { { 0.36f, 0.31f, 0.03f }, { 0.36f, 0.31f, 0.03f }, 0.0f, 0.0f, 0.0f },
    [OY_CROP_VINES]    = { { 0.045f, 0.09f, 0.022f }, { 0.17f, 0.13f, 0.085f }, 2.5f, 0.4f, 1.4f },
    [OY_CROP_FLOWERS]  = { { 0.0f, 0.0f, 0.0f }, { 0.15f, 0.12f, 0.08f }, 1.6f, 0.55f, 0.5f },
};

/* The field a point of farmland lies in: bands 130 m wide across the
 * shape's bearing, each split into two strips, each strip cut into fields
 * 50-200 m long sown with one crop. Pasture, young green, ripe gold, pale
 * stubble, ploughed earth and flowering yellow, the greens fewer and the
 * golds more as the foliage dries; where the words plant rows, rows of
 * vines or, where they name flowers, of flowers one colour to a field,
 * drawn from the flowers' palette. */
void oy_world_field(const oy_world *w, const oy_world_shape *sh, double x, double z, oy_field *f)
{
    float green = oy_clampf(sh->foliage, 0.1f, 1.0f), gold = 1.2f - green;
    float weight[7] = { 0.3f * green, 0.22f * green, 0.35f * gold, 0.1f * gold, 0.12f, 0.06f, 0.0f };
    float sum = 0.0f;
    for (int c = 0; c < 6; c++)
        sum += weight[c];
    weight[6] = 4.0f * sum * sh->rows;
    sum += weight[6];
    double ca = sh->field_ca, sa = sh->field_sa;
    /* the origin (the default camera) stands 35 m inside a strip, not
     * on a hedge */
    double u = x * ca + z * sa, v = z * ca - x * sa + 35.0;
    double band = floor(v / 130.0), fv = v - band * 130.0;
    double split = 60.0 + 70.0 * oy_u01(oy_hash(w->seed, OY_STREAM_BIOME, 72, (uint64_t)(int64_t)band, 0));
    int second = fv > split;
    double width = second ? 130.0 - split : split;
    if (second)
        fv -= split;
    uint64_t hs = oy_hash(w->seed, OY_STREAM_BIOME, 73, (uint64_t)(int64_t)band, (uint64_t)second);
    double len = 50.0 + 150.0 * oy_u01(hs), off = len * oy_u01(oy_mix64(hs ^ 9));
    double iu = floor((u + off) / len), fu = u + off - iu * len;
    uint64_t hf = oy_hash(hs, OY_STREAM_BIOME, 74, (uint64_t)(int64_t)iu, 0);
    float pick = oy_u01(hf) * sum;
    int c = 0;
    while (c < 6 && pick > weight[c])
        pick -= weight[c++];
    if (c == 6)
        c = sh->flowers > 0.3f ? OY_CROP_FLOWERS : OY_CROP_VINES;
    const struct crop *k = &crops[c];
    f->crop = c;
    for (int i = 0; i < 3; i++) {
        f->plant[i] = k->plant[i];
        f->soil[i] = k->soil[i];
    }
    if (c == OY_CROP_VINES && sh->autumn > 0.0f) {
        /* vines turn in autumn, field by field, gold to wine red */
        float red = oy_u01(oy_mix64(hf ^ 9));
        float turned[3] = { 0.2f + 0.08f * red, 0.15f - 0.1f * red, 0.02f };
        for (int i = 0; i < 3; i++)
            f->plant[i] = oy_lerpf(f->plant[i], turned[i], 0.75f * sh->autumn);
    }
    if (c == OY_CROP_FLOWERS) {
        float fsum = 0.0f;
        for (int i = 0; i < 6; i++)
            fsum += sh->flower_wt[i];
        float p = oy_u01(oy_mix64(hf ^ 5)) * fsum;
        int fl = 0;
        while (fl < 5 && p > sh->flower_wt[fl])
            p -= sh->flower_wt[fl++];
        /* a flower crop's heads among their own leaves */
        for (int i = 0; i < 3; i++)
            f->plant[i] = 0.6f * oy_flower_palette[fl][i] + 0.02f;
    }
    f->spacing = k->spacing;
    f->share = k->share;
    f->height = k->height;
    f->across = (float)fv;
    f->dir_x = (float)-sa;
    f->dir_z = (float)ca;
    f->edge = (float)fmin(fmin(fu, len - fu), fmin(fv, width - fv));
}

/* A field's colour as it reads from afar: its plants and soil mixed,
 * a hedge of darker green along the last two metres inside its edge. */
static void field_colour(const oy_world *w, const oy_world_shape *sh, double x, double z, float rgb[3])
{
    static const float hedge[3] = { 0.035f, 0.06f, 0.02f };
    oy_field f;
    oy_world_field(w, sh, x, z, &f);
    float in = oy_smoothstepf(0.5f, 2.0f, f.edge);
    for (int i = 0; i < 3; i++)
        rgb[i] = oy_lerpf(hedge[i], oy_lerpf(f.soil[i], f.plant[i], f.share), in);
}

void oy_world_material(const oy_world *w, const oy_world_shape *sh, double x,
                       double z, float slope, oy_world_point *pt)
{
    /* the world's own colours, then as the prompt paints rock and ground */
    float rock[3], rock_pale[3] = { 0.30f, 0.28f, 0.25f }, rock_desert[3];
    float sand[3] = { 0.50f, 0.38f, 0.24f }, beach[3] = { 0.55f, 0.49f, 0.38f };
    float dirt[3] = { 0.14f, 0.10f, 0.07f }, mud[3] = { 0.07f, 0.065f, 0.04f };
    static const float snow[3] = { 0.80f, 0.83f, 0.88f };
    static const float tundra[3] = { 0.15f, 0.14f, 0.08f };
    const float *c = NULL;
    float col[3] = { 0, 0, 0 };

    rock_colour(sh, 0, rock);
    rock_colour(sh, 1, rock_desert);
    oy_paint(rock_pale, sh->rock_paint);
    oy_paint(sand, sh->ground_paint);
    oy_paint(beach, sh->ground_paint);
    oy_paint(dirt, sh->ground_paint);
    oy_paint(mud, sh->ground_paint);

    biome_weights(w, sh, x, z, slope, pt);
    float fol = sh->foliage, aut = sh->autumn;
    float patch = oy_world_fbm(w, x + 300.0, z + 800.0, 60.0, 2.0f, 4);
    float fine = oy_world_fbm(w, x - 90.0, z + 40.0, 9.0, 1.0f, 3);
    /* grass: lush green to dry straw with foliage, autumn browns */
    float lush[3] = { 0.065f, 0.12f, 0.025f }, dry[3] = { 0.22f, 0.19f, 0.085f };
    float grass[3], leaf[3], autumn[3] = { 0.26f, 0.10f, 0.025f };
    float g = oy_clampf(fol + 0.25f * patch, 0.0f, 1.0f);
    for (int i = 0; i < 3; i++) {
        grass[i] = oy_lerpf(dry[i], lush[i], g) * (0.85f + 0.25f * fine);
        leaf[i] = oy_lerpf(0.04f + 0.02f * (i == 0), (i == 1) ? 0.075f : 0.03f, fol);
        leaf[i] = oy_lerpf(leaf[i], autumn[i], aut * (0.6f + 0.4f * patch));
    }
    if (aut > 0.0f)
        mix3(grass, (float[3]) { 0.10f * aut, 0.03f * aut, -0.01f * aut }, 1.0f);
    /* barren land (lava fields, badlands, "barren", "gravel") is the
     * bare ground the words paint, grass left only in patches */
    float barren = oy_clampf(oy_smoothstepf(0.3f, 0.05f, sh->veg) * (1.4f - 0.4f * oy_smoothstepf(-0.2f, 0.3f, patch)),
                             0.0f, 1.0f);
    for (int i = 0; i < 3; i++)
        grass[i] = oy_lerpf(grass[i], dirt[i] * (0.9f + 0.4f * fine) + 0.01f, barren);

    /* farmland: the meadow's grass farmed in a patchwork of fields */
    if (sh->fields > 0.0f) {
        float crop[3], k = sh->fields * oy_smoothstepf(0.45f, 0.25f, slope);
        field_colour(w, sh, x, z, crop);
        for (int i = 0; i < 3; i++)
            grass[i] = oy_lerpf(grass[i], crop[i] * (0.9f + 0.2f * fine), k);
    }
    /* a rocky shore's stones: pale and dark rock in cobbles */
    for (int i = 0; i < 3; i++)
        beach[i] = oy_lerpf(beach[i], oy_lerpf(rock_pale[i], rock[i] * 0.55f, oy_smoothstepf(-0.3f, 0.4f, fine)),
                            sh->stony);
    float b[8];
    for (int i = 0; i < 8; i++)
        b[i] = pt->biome[i];
    mix3(col, grass, b[MEADOW]);
    mix3(col, grass, b[FOREST]);
    mix3(col, sand, b[DESERT] * (1.0f + 0.2f * patch));
    mix3(col, snow, b[SNOWFIELD]);
    mix3(col, tundra, b[TUNDRA] * (1.0f + 0.3f * fine));
    mix3(col, beach, b[BEACH]);
    mix3(col, mud, b[SWAMP] * 0.5f);
    mix3(col, grass, b[SWAMP] * 0.5f);
    mix3(col, rock_pale, b[ALPINE] * 0.6f);
    mix3(col, tundra, b[ALPINE] * 0.4f);

    /* bare dirt where the grass thins (less of it in lush growth), rock
     * on steep slopes and ridges */
    float d = oy_smoothstepf(0.35f, 0.7f, patch * 0.6f + fine * 0.4f) * (0.5f - 0.3f * fol) *
              (b[MEADOW] + b[FOREST]);
    for (int i = 0; i < 3; i++)
        col[i] = oy_lerpf(col[i], dirt[i], d);
    float alt = pt->ground - sh->floor0;
    /* rock on steep slopes, and on the shoulders and ridges of high ground,
     * where wind and sun keep even a snowfield's mountains patched with it */
    float rh = oy_smoothstepf(0.22f, 0.5f, slope + 0.2f * fine + 0.15f * patch) *
               oy_smoothstepf(60.0f, 250.0f, alt);
    float rk = fmaxf(oy_smoothstepf(0.55f, 1.0f, slope + 0.15f * fine), rh);
    /* rice terraces: young rice on each tread, one shade of green to a
     * plot, and a bank of grass and earth at each step, not rock; some
     * plots are still flooded, water the renderer mirrors the sky in */
    float pw = pt->paddy * (b[MEADOW] + b[FOREST] + b[SWAMP]);
    if (pw > 0.0f) {
        /* plots 40 by 25 m on a skew grid, each tread cut by it, parted
         * by low bunds of earth */
        double u = (0.8 * x + 0.6 * z) / 40.0, v = (0.8 * z - 0.6 * x) / 25.0;
        double pu = floor(u), pv = floor(v), tread_no = floor(pt->ground / OY_PADDY_STEP);
        float bund = oy_smoothstepf(0.5f, 0.25f, (float)fmin(fmin(u - pu, pu + 1.0 - u) * 40.0,
                                                             fmin(v - pv, pv + 1.0 - v) * 25.0));
        uint64_t hp = oy_hash(w->seed, OY_STREAM_BIOME, 75, (uint64_t)(int64_t)tread_no, (uint64_t)(int64_t)pu);
        float tone = oy_u01(oy_mix64(hp ^ (uint64_t)(int64_t)pv));
        float rice[3] = { 0.07f + 0.07f * tone, 0.16f + 0.06f * tone, 0.03f };
        static const float bank[3] = { 0.05f, 0.085f, 0.025f };
        float tread = oy_smoothstepf(0.3f, 0.12f, slope) * (1.0f - bund);
        for (int i = 0; i < 3; i++)
            col[i] = oy_lerpf(col[i], oy_lerpf(bank[i], rice[i] * (0.9f + 0.2f * fine), tread), pw);
        rk *= 1.0f - pw;
        pt->flood = 0.85f * pw * tread * oy_smoothstepf(0.45f, 0.35f, tone);
    }
    /* a crater is bare rock and ash, its rim too: dark ash where the
     * ground lies flat, paler rock up its walls */
    float ash = 1.0f - oy_smoothstepf(0.12f, 0.45f, slope);
    for (int i = 0; i < 3; i++)
        col[i] = oy_lerpf(col[i], oy_lerpf(rock_pale[i], rock[i] * 0.45f, ash) * (0.75f + 0.35f * patch),
                          0.85f * pt->crater);
    /* a volcano's upper cone is bare ash and cinders, darker than any
     * rock round it, rusty in patches */
    for (int i = 0; i < 3; i++)
        col[i] = oy_lerpf(col[i], rock[i] * (0.3f + 0.25f * patch) * (i == 0 ? 1.0f + 0.25f * fine : 1.0f),
                          0.9f * pt->cone);
    /* a canyon's floor is sand and gravel, never lawn */
    float dry_canyon = pt->canyon * (1.0f - sh->coast);   /* not a fjord */
    float cfl = dry_canyon * (1.0f - oy_smoothstepf(0.6f, 1.2f, slope));
    for (int i = 0; i < 3; i++)
        col[i] = oy_lerpf(col[i], oy_lerpf(sand[i], rock_desert[i], 0.35f + 0.3f * fine), cfl);
    /* canyon and desert rock is layered: bands of harder and softer beds,
     * lighter and darker, that bend a little with the ground */
    /* on steep faces a baked cell spans more height than a bed, so the
     * beds would alias into streaks down the wall: there the renderer
     * draws them in the face's own plane instead */
    float strata = fmaxf(dry_canyon, fmaxf(b[DESERT], sh->plateau)) *
                   (1.0f - oy_smoothstepf(0.4f, 1.0f, slope));
    float bed = 1.0f + 0.22f * strata * (float)oy_sin(alt * 0.42 + 2.5 * patch);
    c = b[DESERT] > 0.5f || dry_canyon > 0.5f ? rock_desert : rock;
    for (int i = 0; i < 3; i++)
        col[i] = oy_lerpf(col[i], c[i] * (0.8f + 0.3f * patch) * bed, rk);
    /* permanent snow on high peaks */
    float line = 650.0f + 250.0f * patch - 500.0f * (b[SNOWFIELD] + b[TUNDRA] + b[ALPINE] * 0.5f) +
                 600.0f * pt->cone;
    float perm = oy_smoothstepf(line, line + 120.0f, alt) * (1.0f - oy_smoothstepf(0.9f, 1.4f, slope))
                 * (1.0f - b[DESERT]) * (1.0f - 0.6f * rh);
    for (int i = 0; i < 3; i++) {
        col[i] = oy_lerpf(col[i], snow[i], perm);
        pt->rgb[i] = oy_clampf(col[i], 0.01f, 0.95f);
    }
    pt->snow_aff = oy_clampf((1.0f - oy_smoothstepf(0.5f, 1.1f, slope)) * (0.85f + 0.15f * fine), 0.0f, 1.0f);
    /* far forest canopy: clumps where forest and vegetation allow */
    /* (a forest world is forest wherever the ground allows, dry or wet) */
    /* (under mountains, on the land below the peaks' upper slopes) */
    float below = sh->woods_below * (1.0f - oy_smoothstepf(0.3f, 0.55f, alt / fmaxf(sh->relief_amp, 100.0f)));
    float forest = fmaxf(b[FOREST] + 0.5f * b[SWAMP] + 0.3f * b[MEADOW] * sh->veg, 0.7f * fmaxf(sh->woods, below));
    float clump = oy_world_fbm(w, x + 55.0, z - 66.0, 140.0, 6.0f, 4);
    float dense = 0.5f + fmaxf(sh->veg, 0.4f * sh->woods);
    float cover = oy_smoothstepf(0.6f, 0.15f, 1.0f - forest * dense - 0.35f * clump);
    /* a forest world's trees come down to the water's edge */
    float wk = sh->woods;
    cover *= (1.0f - rk) * (1.0f - perm) * (1.0f - pw) *
             (1.0f - oy_smoothstepf(0.0f, 0.5f, b[DESERT] + b[SNOWFIELD] + b[BEACH] * (1.0f - wk)));
    cover *= oy_smoothstepf(oy_lerpf(3.0f, 2.0f, wk), oy_lerpf(25.0f, 9.0f, wk), pt->water_dist) * (1.0f - pt->crater) * (1.0f - pt->cone);
    /* a savanna's thorn trees: small clumps scattered over the grass */
    if (sh->acacia > 0.05f) {
        float dot = oy_world_fbm(w, x - 410.0, z + 230.0, 45.0, 8.0f, 2);
        cover = fmaxf(cover, sh->acacia * oy_smoothstepf(0.45f, 0.7f, dot) * (1.0f - rk) * (1.0f - perm) *
                                 (1.0f - pt->cone) * oy_smoothstepf(3.0f, 25.0f, pt->water_dist));
    }
    /* the set's open ground stays open: a meadow floor along a valley, a
     * clearing elsewhere, its forest edge wandering in and out; in a
     * forest world the trees close in a few metres past the glade */
    float shaped = fmaxf(sh->valley, sh->canyon), k = fmaxf(sh->woods, 0.85f * below);
    float edge = oy_world_fbm(w, x - 1300.0, z + 2100.0, 350.0, 40.0f, 2);
    float open = pt->open_dist - oy_lerpf(30.0f + 90.0f * shaped, 3.0f + 20.0f * shaped, k) -
                 oy_lerpf(25.0f, 5.0f, k) * patch - oy_lerpf(55.0f, 6.0f, k) * edge;
    cover *= oy_smoothstepf(0.0f, oy_lerpf(80.0f, 14.0f, k), open);
    /* crowns thin out toward the forest edge instead of ending in a wall */
    pt->canopy = cover * cover * (3.0f - 2.0f * cover) * (10.0f + 5.0f * fine);
    /* the top of a sea of cloud: white billows, nothing growing, no snow
     * lying on them */
    if (pt->cloud > 0.0f) {
        static const float cloud[3] = { 0.86f, 0.87f, 0.9f };
        /* greyer down between the billows, where less light reaches */
        float up = oy_smoothstepf(sh->deck - 10.0f, sh->deck + 30.0f, pt->ground);
        for (int i = 0; i < 3; i++)
            pt->rgb[i] = oy_lerpf(pt->rgb[i], cloud[i] * (0.72f + 0.24f * up + 0.04f * fine), pt->cloud);
        for (int i = 0; i < 8; i++)
            pt->biome[i] = oy_lerpf(pt->biome[i], i == SNOWFIELD, pt->cloud);
        pt->canopy *= 1.0f - pt->cloud;
        pt->snow_aff *= 1.0f - pt->cloud;
    }
}
