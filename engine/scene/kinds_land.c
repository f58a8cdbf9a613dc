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
 * the darker bed the more. */
typedef struct beds {
    int m[2];
    float thick;                  /* m per bed */
} beds;

static beds rock_beds(oy_build *b, int salt, float dark, float moss)
{
    const oy_look *L = b->look;
    float k = dark * oy_build_rand(b, salt, 0.85f, 1.1f), snow = 0.5f * L->snow;
    beds r;
    for (int j = 0; j < 2; j++) {
        float s = k * (j ? 0.78f : 1.0f), c[3];
        for (int i = 0; i < 3; i++)
            c[i] = oy_lerpf(oy_lerpf(L->rock[i] * s, 1.6f * L->leaf[i], j ? moss : 0.6f * moss), 0.8f + 0.03f * (float)i, snow);
        r.m[j] = oy_build_mat(b, c[0], c[1], c[2]);
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
    beds r = rock_beds(b, 1, 1.0f, 0.0f);
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

/* A rock tower: a steep pillar 30-60 m tall, a core under long bulging
 * lumps that narrow to a rounded top; green on top where the land is
 * green, grown over in lush land (karst), bare where it is dry (a sea
 * stack, a hoodoo). */
void oy_kind_rock_tower(oy_build *b)
{
    beds r = rock_beds(b, 1, 1.0f, oy_clampf(2.5f * b->look->green - 1.0f, 0.0f, 0.85f));
    float H = oy_build_rand(b, 3, 30.0f, 60.0f), base = oy_build_rand(b, 4, 0.22f, 0.3f) * H + 4.0f;
    float lean = oy_build_rand(b, 5, -0.06f, 0.06f), top = 0.0f, w = base;
    const int n = 3;
    /* a core, and long lumps over it that bulge a little, lean their own
     * ways and narrow to a round top */
    oy_build_frustum(b, r.m[0], 0.0f, -3.0f, 0.0f, 0.9f * base, 0.6f * base, 0.65f * H + 3.0f);
    for (int i = 0; i < n; i++) {
        float f = (float)i / (float)(n - 1);
        float ry = (0.42f - 0.16f * f) * H, y = (0.2f + 0.6f * f) * H;
        float x = lean * y + oy_build_rand(b, 20 + i, -0.12f, 0.12f) * base;
        w = base * (1.0f - 0.22f * f - 0.3f * f * f) * oy_build_rand(b, 10 + i, 0.9f, 1.05f);
        oy_build_ellipsoid(b, r.m[1], x, y, oy_build_rand(b, 30 + i, -0.12f, 0.12f) * base,
                           w * oy_build_rand(b, 40 + i, 0.85f, 1.1f), ry, w * oy_build_rand(b, 50 + i, 0.85f, 1.1f));
        top = y + ry;
    }
    greenery(b, leafy(b, 59), 60, lean * top, top - 0.1f * H, 0.0f, 0.8f * w, 6);
}

/* A waterfall: white water dropping 22-34 m from the lip of a rock cliff
 * (behind it, along -z) into foam and rising spray at its foot. The
 * water's streaks fall at the speed of the drop. */
void oy_kind_waterfall(oy_build *b)
{
    beds r = rock_beds(b, 1, 0.55f, 0.0f);
    float H = oy_build_rand(b, 3, 22.0f, 34.0f), W = oy_build_rand(b, 4, 40.0f, 56.0f);
    float fall = oy_build_rand(b, 5, 3.0f, 6.0f), t = b->t;
    /* the cliff: columns of rock across its width, highest beside the
     * water's notch and falling away at its ends, its face at z = 0 */
    const int cols = 7, green = leafy(b, 29);
    for (int i = 0; i < cols; i++) {
        float u = ((float)i - 0.5f * (float)(cols - 1)) / (0.5f * (float)(cols - 1));   /* -1..1 */
        float top = H * (i == cols / 2 ? 1.0f : (1.12f - 0.55f * u * u) * oy_build_rand(b, 10 + i, 0.92f, 1.05f));
        float depth = oy_build_rand(b, 20 + i, 8.0f, 11.0f), x = u * 0.42f * W;
        lump(b, &r, x, 0.5f * top - 3.0f, -depth + oy_build_rand(b, 30 + i, -1.0f, 1.0f), 0.1f * W + 3.0f,
             0.5f * top + 3.0f, depth);
        if (i != cols / 2)
            greenery(b, green, 40 + 4 * i, x, top - 1.5f, -depth, 0.1f * W, 3);
    }
    oy_build_box(b, r.m[1], 0.0f, 0.5f * H - 4.0f, -10.0f, fall + 3.0f, 0.5f * H + 4.0f, 9.0f, 0, 0, 0);
    /* the falling sheet, and streaks running down it */
    int sheet = oy_build_soft(b, 0.82f, 0.87f, 0.9f, 0.85f, 0.2f);
    int streak = oy_build_soft(b, 0.95f, 0.97f, 0.98f, 0.9f, 0.3f);
    oy_build_box(b, sheet, 0.0f, 0.5f * H, 1.2f, fall, 0.5f * H, 0.6f, 0, 0.05f, 0);
    for (int i = 0; i < 8; i++) {
        float v = 9.0f + 3.0f * oy_build_rand(b, 50 + i, 0.0f, 1.0f);
        float y = H - fmodf(t * v + oy_build_rand(b, 60 + i, 0.0f, H), H);
        oy_build_box(b, streak, oy_build_rand(b, 70 + i, -0.8f, 0.8f) * fall, y, 1.9f, 0.6f, 2.5f, 0.3f, 0, 0.05f, 0);
    }
    /* foam where it lands, and spray that rises and thins */
    int foam = oy_build_soft(b, 0.85f, 0.88f, 0.9f, 0.8f, 0.1f);
    int spray = oy_build_soft(b, 0.8f, 0.83f, 0.86f, 0.05f, 0.0f);
    for (int i = 0; i < 3; i++) {
        float p = 0.9f + 0.1f * oy_sinf(t * 3.1f + (float)i);
        oy_build_ellipsoid(b, foam, ((float)i - 1.0f) * fall, 0.3f, 3.0f + oy_build_rand(b, 80 + i, -1.0f, 1.0f),
                           1.2f * fall * p, 1.0f * p, 3.0f * p);
    }
    for (int i = 0; i < 3; i++) {
        float age = fmodf(t * 0.25f + (float)i / 3.0f, 1.0f);
        oy_build_ellipsoid(b, spray, oy_build_rand(b, 90 + i, -1.0f, 1.0f) * fall, 1.0f + 8.0f * age,
                           4.0f + 4.0f * age, fall * (1.0f + age), 2.0f + 3.0f * age, 2.0f + 3.0f * age);
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
        float f = (float)i / (float)n, s = 1.0f - 0.55f * f;
        float x = peak * f + oy_build_rand(b, 10 + i, -0.3f, 0.3f) * R * s;
        float z = oy_build_rand(b, 20 + i, -0.25f, 0.25f) * R * s;
        float h = H * oy_build_rand(b, 30 + i, 0.22f, 0.35f);
        float y = H * f + 0.5f * h;
        oy_build_box(b, i & 1 ? blue : white, x, y, z, 0.75f * R * s, h, 0.55f * R * s,
                     yaw + oy_build_rand(b, 40 + i, -0.6f, 0.6f), oy_build_rand(b, 50 + i, -0.45f, 0.45f),
                     oy_build_rand(b, 60 + i, -0.45f, 0.45f));
    }
}
