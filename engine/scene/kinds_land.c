/*
 * kinds_land.c - landforms the heightfield cannot make, drawn as things:
 * a natural rock arch, a rock tower (a karst tower, a sea stack, a
 * hoodoo), a waterfall falling from its cliff and an iceberg afloat. The
 * rock ones are made of the world's own rock (oy_look.rock), in beds of
 * lighter and darker stone; where the land is green, plants hold to the
 * tops of towers and cliffs.
 */
#include <math.h>

#include "scene.h"

#define PI 3.14159265f

/* Rock in beds: two shades of the world's rock (times dark: wet rock is
 * darker), picked by height; grown over with plants by moss (0..1),
 * the darker bed the more; whitened by frost times the snow cover
 * (upright faces hold little). */
typedef struct beds {
    int m[2];
    float thick;                  /* m per bed */
} beds;

static beds rock_beds(oy_build *b, int salt, float dark, float moss, float frost)
{
    const oy_look *L = b->look;
    float k = dark * oy_build_rand(b, salt, 0.85f, 1.1f), snow = frost * L->snow;
    beds r;
    for (int j = 0; j < 2; j++) {
        float s = k * (j ? 0.78f : 1.0f), c[3];
        for (int i = 0; i < 3; i++)
            c[i] = oy_lerpf(oy_lerpf(L->rock[i] * s, 1.6f * L->leaf[i], j ? moss : 0.6f * moss), 0.8f + 0.03f * (float)i, snow);
        r.m[j] = oy_build_stone(b, c[0], c[1], c[2]);
    }
    r.thick = oy_build_rand(b, salt + 1, 2.5f, 4.5f);
    return r;
}

static int bed_at(const beds *r, float y)
{
    return r->m[(int)floorf(y / r->thick) & 1];
}

/* a lump of rock in the bed of its centre */
static void lump(oy_build *b, const beds *r, float x, float y, float z, float rx, float ry, float rz)
{
    oy_build_ellipsoid(b, bed_at(r, y), x, y, z, rx, ry, rz);
}

/* The material of plants on rock (-1 where the land is not green). */
static int leafy(oy_build *b, int salt)
{
    const oy_look *L = b->look;
    if (L->green < 0.3f)
        return -1;
    float v = oy_build_rand(b, salt, 0.8f, 1.2f);
    int m = oy_build_mat(b, L->leaf[0] * v, L->leaf[1] * v, L->leaf[2] * v);
    b->m[m].flags |= OY_MAT_LEAF;
    return m;
}

/* n green clumps (grass, shrubs, trees seen from afar) in material m
 * over a top of radius r round x, y, z */
static void greenery(oy_build *b, int m, int salt, float x, float y, float z, float r, int n)
{
    for (int i = 0; m >= 0 && i < n; i++) {
        float a = 2.0f * PI * ((float)i + oy_build_rand(b, salt + 1 + i, 0.0f, 0.8f)) / (float)n;
        float d = r * oy_build_rand(b, salt + 20 + i, 0.1f, 0.7f);
        float s = r * oy_build_rand(b, salt + 40 + i, 0.3f, 0.45f);
        oy_build_ellipsoid(b, m, x + oy_sinf(a) * d, y + 0.3f * s, z + oy_cosf(a) * d, s, 0.6f * s, s);
    }
}

/* A natural arch: two legs and a span of rock across its x axis, the sky
 * showing through; 20-35 m across and about as high. */
void oy_kind_arch(oy_build *b)
{
    beds r = rock_beds(b, 1, 1.0f, 0.0f, 0.5f);
    float span = oy_build_rand(b, 3, 18.0f, 28.0f);       /* inner width */
    float T = oy_build_rand(b, 4, 8.0f, 12.0f);           /* the rock's thickness */
    float D = oy_build_rand(b, 5, 10.0f, 15.0f);          /* front to back */
    float R = 0.5f * (span + T), rise = oy_build_rand(b, 6, 0.75f, 1.0f);
    float legs = oy_build_rand(b, 7, 4.0f, 9.0f);         /* height where it springs */
    /* the legs: stacked lumps on a wide foot sunk into the ground */
    for (int s = -1; s <= 1; s += 2) {
        float x = (float)s * R;
        lump(b, &r, x, -1.0f, 0.0f, 1.1f * T, 0.5f * T, 0.7f * D);
        for (int i = 0; i < 3; i++)
            lump(b, &r, x + oy_build_rand(b, 10 + i + 3 * (s > 0), -0.5f, 0.5f), legs * (float)i / 3.0f + 1.0f,
                 0.0f, 0.62f * T, 0.5f * legs / 3.0f + 0.35f * T, 0.5f * D);
    }
    /* the span: lumps along a flattened half circle, long along it and
     * overlapping, thinning toward its crown */
    const int n = 17;
    for (int i = 0; i < n; i++) {
        float a = PI * (float)i / (float)(n - 1), sa = oy_sinf(a), ca = oy_cosf(a);
        float x = R * ca, y = legs + rise * R * sa;
        float seg = PI * R / (float)(n - 1), thin = 1.0f - 0.3f * sa;
        float rx = 0.5f * T * thin + 0.8f * seg * sa, ry = 0.5f * T * thin + 0.8f * seg * fabsf(ca);
        lump(b, &r, x, y, oy_build_rand(b, 30 + i, -0.3f, 0.3f), rx, ry, 0.5f * D * thin);
    }
    /* fallen blocks at its feet */
    for (int i = 0; i < 3; i++) {
        float s = oy_build_rand(b, 50 + i, 0.8f, 2.2f);
        lump(b, &r, oy_build_rand(b, 53 + i, -1.3f, 1.3f) * R, 0.4f * s, oy_build_rand(b, 56 + i, 0.6f, 1.4f) * D,
             s, 0.7f * s, s);
    }
}

/* A rock tower: a steep pillar 30-60 m tall, a tapering core ringed by
 * upright slabs of its rock that lean in and stop at their own
 * heights, so its sides are fluted and its top stepped and rounded;
 * grown over on its ledges and top where the land is green (karst),
 * bare where it is dry (a sea stack, a hoodoo). */
void oy_kind_rock_tower(oy_build *b)
{
    float moss = oy_clampf(2.5f * b->look->green - 1.0f, 0.0f, 0.85f);
    beds r = rock_beds(b, 1, 1.3f, 0.5f * moss, 0.5f);
    float H = oy_build_rand(b, 3, 30.0f, 60.0f), R = oy_build_rand(b, 4, 0.16f, 0.22f) * H + 3.0f;
    float lean = oy_build_rand(b, 5, -0.05f, 0.05f);
    int green = leafy(b, 59);
    oy_build_frustum(b, r.m[0], 0.0f, -3.0f, 0.0f, R, 0.6f * R, 0.8f * H + 3.0f);
    const int n = 6;
    float a0 = oy_build_rand(b, 6, 0.0f, 2.0f * PI);
    for (int i = 0; i < n; i++) {
        float a = a0 + 2.0f * PI * ((float)i + oy_build_rand(b, 10 + i, -0.2f, 0.2f)) / (float)n;
        float h = H * oy_build_rand(b, 20 + i, 0.55f, 0.92f), d = 0.6f * R;
        float x = oy_sinf(a) * d + lean * 0.5f * h, z = oy_cosf(a) * d;
        oy_build_box(b, r.m[i & 1], x, 0.5f * h - 3.0f, z, 0.45f * R, 0.5f * h + 3.0f, 0.35f * R,
                     a + oy_build_rand(b, 30 + i, -0.3f, 0.3f), -0.12f * oy_cosf(a), 0.12f * oy_sinf(a));
        /* a ledge of green where the slab stops */
        greenery(b, green, 40 + 2 * i, 0.8f * x, h - 3.5f, 0.8f * z, 0.7f * R, 2);
    }
    float top = 0.78f * H;
    oy_build_ellipsoid(b, r.m[1], lean * top, top, 0.0f, 0.8f * R, 0.22f * H, 0.8f * R);
    greenery(b, green, 60, lean * top, top + 0.12f * H, 0.0f, 0.95f * R, 7);
}

/* ice: light caught in it keeps it a little bright in shade */
static int ice_mat(oy_build *b, float r, float g, float bl)
{
    int m = oy_build_mat(b, r, g, bl);
    for (int i = 0; i < 3; i++)
        b->m[m].emit[i] = 0.12f * b->m[m].alb[i];
    return m;
}

/* A waterfall frozen still: a curtain of blue-white ice bulging down the
 * face, round fluted columns hanging from the lip, each narrowing as far
 * down as it reached and ending in an icicle's point, and a mound of ice
 * where it lands; nothing moves. */
static void frozen_fall(oy_build *b, float H, float fall, float Wf)
{
    int ice = ice_mat(b, 0.66f, 0.8f, 0.9f), clear = ice_mat(b, 0.5f, 0.68f, 0.82f);
    int rime = ice_mat(b, 0.85f, 0.9f, 0.94f);
    /* seeps frozen down the rest of the face in drapes of ice, long and
     * short, so the cliff reads as rock glazed over and not as a wall */
    for (int i = 0; i < 6; i++) {
        float s = i & 1 ? 1.0f : -1.0f, u = oy_build_rand(b, 110 + i, 0.12f, 0.42f);
        float len = H * oy_build_rand(b, 120 + i, 0.25f, 0.7f), w = oy_build_rand(b, 130 + i, 0.8f, 2.2f);
        oy_build_frustum(b, i % 3 ? clear : rime, s * (fall + u * Wf), 0.8f * H - len, 0.5f, 0.3f * w, w, len);
    }
    oy_build_ellipsoid(b, clear, 0.0f, 0.5f * H, 1.0f, 1.1f * fall, 0.55f * H, 1.0f);
    for (int i = 0; i < 11; i++) {
        float x = ((float)i / 5.0f - 1.0f) * 1.05f * fall, len = H * oy_build_rand(b, 70 + i, 0.3f, 1.0f);
        float w = oy_build_rand(b, 80 + i, 0.45f, 1.0f), z = 1.6f + 0.8f * (len / H);
        int m = i & 1 ? ice : rime;
        oy_build_frustum(b, m, x, H - 0.75f * len, z, 0.7f * w, w, 0.75f * len + 0.5f);
        oy_build_frustum(b, m, x, H - len, z, 0.04f, 0.7f * w, 0.25f * len);
    }
    for (int i = 0; i < 3; i++)
        oy_build_ellipsoid(b, rime, ((float)i - 1.0f) * 1.2f * fall, 0.0f, 3.5f + oy_build_rand(b, 100 + i, -1.0f, 1.0f),
                           1.5f * fall, 2.5f + 1.5f * oy_build_rand(b, 105 + i, 0.0f, 1.0f), 4.0f);
}

/* A waterfall: white water dropping 30-46 m over the lip of a cliff
 * (behind it, along -z) into foam and rising spray at its foot. The
 * fall cuts a notch in the face of a hill: either side of it upright
 * slabs of rock (columns of basalt, buttresses of limestone) stand
 * highest beside the notch and lower outward, one end of the face
 * higher than the other, a wooded brow along its top in green land.
 * Behind the face the hill rises to the lip; either side its rounded
 * shoulders fall away to the sides and back, wooded in green land,
 * bare rock in dry land, broad low drifts under deep snow (high ones
 * stood as white domes). The sheet leaves the lip a
 * little out from the face, bright where it turns over the brink; its
 * streaks fall at the speed of the drop. */
void oy_kind_waterfall(oy_build *b)
{
    beds r = rock_beds(b, 1, 1.5f, 0.0f, 0.15f);
    float H = oy_build_rand(b, 3, 30.0f, 46.0f), fall = oy_build_rand(b, 5, 6.0f, 9.0f), t = b->t;
    float Wf = oy_build_rand(b, 7, 90.0f, 130.0f);   /* the face's width */
    /* under deep snow no green shows */
    int snowy = b->look->snow > 0.4f, green = snowy ? -1 : leafy(b, 29);
    int hill = snowy ? oy_build_mat(b, 0.8f, 0.82f, 0.86f) : green >= 0 ? green : r.m[1];
    /* the hill: a mass behind the lip, and a shoulder either side of
     * the face, high by it and low beyond, sunk to half their height */
    oy_build_ellipsoid(b, hill, 0.0f, 0.0f, -47.0f, 0.5f * Wf, 1.2f * H, 42.0f);
    for (int s = -1; s <= 1; s += 2)
        for (int j = 0; j < 2; j++) {
            float Ws = oy_build_rand(b, 90 + 2 * j + (s > 0), 26.0f, 38.0f) * (snowy ? 1.6f : 1.0f);
            float x = (float)s * (0.5f * Wf + (j ? 1.2f : 0.2f) * Ws);
            float h = (j ? 0.5f : 0.8f) * H * (snowy ? 0.7f : 1.0f);
            float z = -36.0f - 10.0f * (float)j + oy_build_rand(b, 94 + 2 * j + (s > 0), -4.0f, 4.0f);
            oy_build_ellipsoid(b, hill, x, 0.0f, z, Ws, h, 30.0f + 8.0f * (float)j);
            /* trees standing out of the wooded shoulder */
            for (int k = 0; green >= 0 && k < 3; k++) {
                float u = oy_build_rand(b, 120 + 12 * j + 6 * (s > 0) + k, -0.7f, 0.7f), v = 0.6f;
                float cr = oy_build_rand(b, 130 + 12 * j + 6 * (s > 0) + k, 4.0f, 7.0f);
                oy_build_ellipsoid(b, green, x + u * Ws, h * sqrtf(fmaxf(1.0f - u * u - v * v, 0.0f)),
                                   z + v * (30.0f + 8.0f * (float)j), cr, 0.8f * cr, cr);
            }
        }
    /* the face: a band of slabs either side of the notch, highest near
     * it and lower toward its ends, one end higher than the other, each
     * leaning back a little under a brow of green in green land or a
     * cap of snow */
    const int cols = 9;
    float skew = oy_build_rand(b, 9, -0.35f, 0.35f), hw = 0.55f * Wf / (float)cols;
    for (int i = 0; i < cols; i++) {
        float u = ((float)i - 0.5f * (float)(cols - 1)) / (0.5f * (float)(cols - 1));   /* -1..1 */
        float jag = oy_build_rand(b, 10 + i, 0.76f, 1.08f);
        float top = H * (i == cols / 2 ? 1.0f : (1.08f - 0.3f * (u - skew) * (u - skew)) * jag);
        float depth = oy_build_rand(b, 20 + i, 6.0f, 9.0f), x = u * (0.5f * Wf - hw);
        float z = -depth - (i == cols / 2 ? 1.5f : oy_build_rand(b, 30 + i, -1.5f, 1.5f) + 4.0f * u * u);
        float wide = i == cols / 2 ? 1.3f : oy_build_rand(b, 140 + i, 0.8f, 1.35f);
        float yaw = oy_build_rand(b, 40 + i, -0.3f, 0.3f);
        oy_build_box(b, r.m[i & 1], x, 0.5f * top - 3.0f, z, hw * wide, 0.5f * top + 3.0f, depth, yaw, 0.08f,
                     oy_build_rand(b, 50 + i, -0.1f, 0.1f));
        if (i == cols / 2)
            continue;
        if (green >= 0) {
            greenery(b, green, 60 + 4 * i, x, top - 0.5f, z - 0.3f * depth, 2.2f * hw, 2);
            continue;
        }
        /* bare rock weathers round at its top, under a drift of snow
         * where snow lies: no slab ends square, as masonry would */
        float cap = oy_build_rand(b, 150 + i, 0.45f, 0.7f) * hw * wide;
        oy_build_ellipsoid(b, snowy ? hill : r.m[(i + 1) & 1], x + oy_build_rand(b, 160 + i, -0.3f, 0.3f) * hw,
                           top - 0.4f * cap, z + 0.2f * depth, 1.15f * hw * wide, snowy ? 0.6f * cap : cap,
                           0.9f * depth);
    }
    if (b->look->frozen) {
        frozen_fall(b, H, fall, Wf);
        return;
    }
    /* the falling sheet, out from the face at the lip and farther at the
     * foot, and the streaks running down it */
    int sheet = oy_build_white_water(b, 0.86f, 0.9f, 0.93f);
    int streak = oy_build_white_water(b, 0.97f, 0.98f, 0.99f);
    float lean = 1.5f / H;
    oy_build_box(b, sheet, 0.0f, 0.5f * H, 1.2f, fall, 0.5f * H, 0.7f, 0, -lean, 0);
    /* the brink, bright where the water turns over the lip */
    oy_build_box(b, streak, 0.0f, H - 1.0f, 1.4f, fall, 1.2f, 0.8f, 0, 0, 0);
    for (int i = 0; i < 10; i++) {
        float v = 9.0f + 4.0f * oy_build_rand(b, 70 + i, 0.0f, 1.0f);
        float y = H - 3.0f - fmodf(t * v + oy_build_rand(b, 80 + i, 0.0f, H), H - 6.0f);
        oy_build_box(b, streak, oy_build_rand(b, 90 + i, -0.9f, 0.9f) * fall, y, 2.0f + 1.0f * (1.0f - y / H),
                     0.5f, 3.0f, 0.3f, 0, -lean, 0);
    }
    /* foam where it lands, and spray that rises and thins */
    int foam = oy_build_white_water(b, 0.88f, 0.9f, 0.92f);
    int spray = oy_build_soft(b, 0.85f, 0.87f, 0.9f, 0.12f, 0.5f);
    for (int i = 0; i < 3; i++) {
        float p = 0.9f + 0.1f * oy_sinf(t * 3.1f + (float)i);
        oy_build_ellipsoid(b, foam, ((float)i - 1.0f) * 1.2f * fall, 0.3f, 4.0f + oy_build_rand(b, 100 + i, -1.0f, 1.0f),
                           1.4f * fall * p, 1.2f * p, 4.0f * p);
    }
    for (int i = 0; i < 4; i++) {
        float age = fmodf(t * 0.2f + (float)i / 4.0f, 1.0f);
        oy_build_ellipsoid(b, spray, oy_build_rand(b, 110 + i, -1.0f, 1.0f) * fall, 2.0f + 0.25f * H * age,
                           5.0f + 5.0f * age, 1.5f * fall * (1.0f + age), 3.0f + 5.0f * age, 3.0f + 4.0f * age);
    }
}

/* An iceberg: a mass of ice afloat, 5-13 m above the water and 14-24 m
 * across (more below): a broad foot awash, blocks of ice piled and tilted
 * on it to one or two peaks, their faces snow-white on top and blue-white
 * where the ice is clear. */
void oy_kind_iceberg(oy_build *b)
{
    int white = oy_build_mat(b, 0.95f, 0.97f, 0.99f);
    int blue = oy_build_mat(b, 0.72f, 0.86f, 0.95f);
    float R = oy_build_rand(b, 1, 7.0f, 12.0f), H = oy_build_rand(b, 2, 5.0f, 12.0f);
    float yaw = oy_build_rand(b, 3, 0.0f, PI);
    /* the foot: a flat slab just above the water, and a blue bench */
    oy_build_box(b, white, 0.0f, -1.0f, 0.0f, R, 2.0f, 0.7f * R, yaw, 0.0f, 0.0f);
    oy_build_box(b, blue, 0.2f * R, -0.6f, -0.15f * R, 0.85f * R, 1.8f, 0.6f * R, yaw + 0.4f, 0.0f, 0.0f);
    /* broad blocks piled low, smaller toward a peak, tilted as they broke */
    int n = 3 + (int)oy_build_rand(b, 4, 0.0f, 3.0f);
    float peak = oy_build_rand(b, 5, -0.4f, 0.4f) * R;
    for (int i = 0; i < n; i++) {
        float f = (float)i / (float)n, s = 1.0f - 0.7f * f;
        float x = peak * f + oy_build_rand(b, 10 + i, -0.3f, 0.3f) * R * s;
        float z = oy_build_rand(b, 20 + i, -0.25f, 0.25f) * R * s;
        float h = H * oy_build_rand(b, 30 + i, 0.22f, 0.35f);
        float y = H * f + 0.5f * h;
        oy_build_box(b, i & 1 ? blue : white, x, y, z, 0.75f * R * s, h, 0.55f * R * s,
                     yaw + oy_build_rand(b, 40 + i, -0.6f, 0.6f), oy_build_rand(b, 50 + i, -0.25f, 0.25f),
                     oy_build_rand(b, 60 + i, -0.25f, 0.25f));
    }
    /* faceted spires of ice over the pile, the taller by its peak, so
     * its skyline breaks in points and not in the edges of blocks */
    for (int i = 0; i < 2; i++) {
        float r = R * (i ? 0.22f : 0.32f), h = H * (i ? 0.6f : 0.95f);
        float x = peak * (i ? -0.8f : 1.0f) + oy_build_rand(b, 70 + i, -0.15f, 0.15f) * R;
        oy_build_pyramid(b, i ? blue : white, x, 0.45f * H, oy_build_rand(b, 72 + i, -0.15f, 0.15f) * R, r, h,
                         5 + i, oy_build_rand(b, 74 + i, 0.0f, PI));
    }
}
