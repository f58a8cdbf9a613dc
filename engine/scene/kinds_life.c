/*
 * kinds_life.c - people, riders, animals and bird flocks. Legs swing with
 * a gait matched to the speed the blocking gives (a walk, a run for
 * people; a walk or trot for animals), heads dip to graze when a grazer
 * stands, and a flock's birds wheel and flap over their place.
 */
#include <math.h>

#include "scene.h"

#define PI 3.14159265f

/* a limb of half thickness w and length l hanging from a joint, swung
 * forward by angle a (radians) */
static void limb(oy_build *b, int mat, float x, float y, float z, float w, float l, float a)
{
    oy_build_box(b, mat, x, y - 0.5f * l * oy_cosf(a), z + 0.5f * l * oy_sinf(a), w, 0.5f * l, w,
                 0, -a, 0);
}

/* the gait's phase and how far limbs swing: one full cycle per cycle_m
 * metres travelled */
static float gait(const oy_build *b, float cycle_m, float *amp)
{
    float run = oy_smoothstepf(0.0f, 1.0f, b->speed);
    *amp = run * (0.45f + 0.25f * oy_smoothstepf(2.0f, 4.0f, b->speed));
    return 2.0f * PI * b->stride / cycle_m;
}

static void person_at(oy_build *b, float seat)
{
    static const float shirts[6][3] = { { 0.3f, 0.05f, 0.04f }, { 0.05f, 0.1f, 0.25f },
                                        { 0.35f, 0.3f, 0.22f }, { 0.1f, 0.18f, 0.08f },
                                        { 0.5f, 0.48f, 0.45f }, { 0.05f, 0.05f, 0.05f } };
    static const float skins[4][3] = { { 0.45f, 0.3f, 0.22f }, { 0.3f, 0.18f, 0.11f },
                                       { 0.15f, 0.09f, 0.06f }, { 0.5f, 0.36f, 0.27f } };
    int si = (int)oy_build_rand(b, 1, 0.0f, 5.999f), ki = (int)oy_build_rand(b, 2, 0.0f, 3.999f);
    float h = oy_build_rand(b, 3, 1.68f, 1.86f), k = h / 1.76f;
    int shirt = oy_build_mat(b, shirts[si][0], shirts[si][1], shirts[si][2]);
    int legs = oy_build_mat(b, 0.06f, 0.06f, 0.08f);
    int skin = oy_build_mat(b, skins[ki][0], skins[ki][1], skins[ki][2]);
    int hair = oy_build_mat(b, 0.04f, 0.03f, 0.02f);
    float amp, ph = gait(b, 1.5f, &amp);
    float sw = amp * oy_sinf(ph), hip = 0.92f * k;
    float bob = seat > 0.0f ? 0.0f : 0.03f * amp * oy_cosf(2.0f * ph);
    float y0 = seat + bob;
    if (seat > 0.0f) {
        /* astride: thighs forward, shins down either side */
        for (int s = -1; s <= 1; s += 2) {
            oy_build_box(b, legs, s * 0.28f, y0 + 0.05f, 0.2f, 0.08f, 0.08f, 0.25f, 0, 0, 0);
            limb(b, legs, s * 0.32f, y0, 0.4f, 0.07f, 0.55f, 0.1f);
        }
        hip = 0.0f;
    } else {
        limb(b, legs, -0.11f * k, y0 + hip, 0, 0.075f * k, hip, sw);
        limb(b, legs, 0.11f * k, y0 + hip, 0, 0.075f * k, hip, -sw);
    }
    float ty = y0 + hip, lean = 0.08f * amp;
    oy_build_box(b, shirt, 0, ty + 0.29f * k, 0.03f * amp, 0.2f * k, 0.31f * k, 0.12f * k, 0, lean, 0);
    limb(b, shirt, -0.26f * k, ty + 0.56f * k, 0, 0.055f * k, 0.6f * k, -0.8f * sw);
    limb(b, shirt, 0.26f * k, ty + 0.56f * k, 0, 0.055f * k, 0.6f * k, 0.8f * sw);
    oy_build_ellipsoid(b, skin, 0, ty + 0.72f * k, 0.05f * amp, 0.1f * k, 0.12f * k, 0.11f * k);
    oy_build_ellipsoid(b, hair, 0, ty + 0.77f * k, 0.03f * amp - 0.015f, 0.105f * k, 0.08f * k, 0.11f * k);
}

void oy_kind_person(oy_build *b) { person_at(b, 0.0f); }

typedef struct quad {
    float shoulder;               /* height at the withers, m */
    float len, girth;             /* body half length, half height */
    float neck, head;             /* neck length, head length */
    float leg;                    /* leg half thickness */
    float col[3], col2[3];        /* coat; legs and head */
    int grazer;
    int tail;
} quad;

/* head, when set, takes the head's centre (y, z), for what it wears */
static void quadruped(oy_build *b, const quad *q, float head[2])
{
    int coat = oy_build_mat(b, q->col[0], q->col[1], q->col[2]);
    int dark = oy_build_mat(b, q->col2[0], q->col2[1], q->col2[2]);
    float amp, ph = gait(b, q->shoulder * 2.6f, &amp);
    float body_y = q->shoulder - q->girth;       /* the body's centre line */
    float leg_l = body_y;
    oy_build_ellipsoid(b, coat, 0, body_y, 0, q->girth * 0.85f, q->girth, q->len);
    /* legs: diagonal pairs together, as in a walk or a trot */
    for (int i = 0; i < 4; i++) {
        float x = (i % 2 ? 1.0f : -1.0f) * q->girth * 0.5f;
        float z = (i < 2 ? 1.0f : -1.0f) * q->len * 0.7f;
        float a = amp * oy_sinf(ph + ((i == 0 || i == 3) ? 0.0f : PI));
        limb(b, dark, x, body_y, z, q->leg, leg_l + 0.05f, a);
    }
    /* neck and head: up and looking about, or down to graze while still */
    float graze = 0.0f;
    if (q->grazer && b->speed < 0.2f) {
        float c = oy_sinf(b->t * 0.23f + oy_build_rand(b, 7, 0.0f, 6.28f));
        graze = oy_smoothstepf(-0.2f, 0.4f, c);
    }
    float na = oy_lerpf(0.95f, -0.8f, graze);  /* neck angle above horizontal */
    float nx = 0.0f, ny = body_y + q->girth * 0.35f, nz = q->len * 0.75f;
    float ex = ny + oy_sinf(na) * q->neck, ez = nz + oy_cosf(na) * q->neck;
    oy_build_box(b, coat, nx, (ny + ex) * 0.5f, (nz + ez) * 0.5f,
                 q->girth * 0.38f, q->girth * 0.55f, q->neck * 0.6f, 0, -na, 0);
    float ha = oy_lerpf(-0.4f, -1.2f, graze);
    float hy = ex + oy_sinf(ha) * q->head * 0.4f, hz = ez + oy_cosf(ha) * q->head * 0.4f;
    oy_build_box(b, dark, 0, hy, hz, q->girth * 0.22f, q->girth * 0.25f, q->head * 0.5f, 0, -ha, 0);
    if (head) {
        head[0] = hy;
        head[1] = hz;
    }
    if (q->tail)
        limb(b, dark, 0, body_y + q->girth * 0.6f, -q->len * 0.97f, q->leg * 0.7f, q->shoulder * 0.45f,
             -0.35f + 0.15f * oy_sinf(b->t * 2.0f + ph));
}

void oy_kind_horse(oy_build *b)
{
    static const float coats[4][3] = { { 0.16f, 0.08f, 0.04f }, { 0.05f, 0.035f, 0.03f },
                                       { 0.35f, 0.3f, 0.25f }, { 0.28f, 0.15f, 0.07f } };
    int i = (int)oy_build_rand(b, 20, 0.0f, 3.999f);
    quad q = { 1.6f, 1.05f, 0.42f, 0.85f, 0.6f, 0.07f,
               { coats[i][0], coats[i][1], coats[i][2] },
               { coats[i][0] * 0.7f, coats[i][1] * 0.7f, coats[i][2] * 0.7f }, 1, 1 };
    quadruped(b, &q, NULL);
}

void oy_kind_rider(oy_build *b)
{
    oy_kind_horse(b);
    int from = b->n, light = b->nl;
    person_at(b, 1.55f);
    oy_build_shift(b, from, light, 0, 0, 0.1f);
}

/* a tube of half thickness w from (y0, z0) to (y1, z1) at x */
static void tube(oy_build *b, int mat, float x, float y0, float z0, float y1, float z1, float w)
{
    float dy = y1 - y0, dz = z1 - z0;
    oy_build_box(b, mat, x, 0.5f * (y0 + y1), 0.5f * (z0 + z1), w, 0.5f * sqrtf(dy * dy + dz * dz), w, 0,
                 oy_atan2f(dz, dy), 0);
}

/* A cyclist: a person astride a bicycle, its frame a diamond of tubes in
 * one of four colours between two dark wheels (discs) 0.68 m across and
 * 1.05 m apart, handlebars forward. */
void oy_kind_cyclist(oy_build *b)
{
    static const float paints[4][3] = { { 0.45f, 0.05f, 0.04f }, { 0.05f, 0.12f, 0.35f },
                                        { 0.08f, 0.08f, 0.08f }, { 0.5f, 0.5f, 0.5f } };
    int pi = (int)oy_build_rand(b, 40, 0.0f, 3.999f);
    int frame = oy_build_mat(b, paints[pi][0], paints[pi][1], paints[pi][2]);
    int tyre = oy_build_mat(b, 0.03f, 0.03f, 0.03f), rim = oy_build_mat(b, 0.3f, 0.3f, 0.31f);
    const float r = 0.34f, wz = 0.52f;
    for (int s = -1; s <= 1; s += 2) {
        oy_build_ellipsoid(b, tyre, 0, r, s * wz, 0.025f, r, r);
        oy_build_ellipsoid(b, rim, 0, r, s * wz, 0.03f, 0.75f * r, 0.75f * r);
    }
    const float seat_y = 0.86f, seat_z = -0.17f, head_y = 0.9f, head_z = 0.38f, bb_y = 0.3f;
    tube(b, frame, 0, seat_y, seat_z, head_y - 0.05f, head_z, 0.018f);     /* top tube */
    tube(b, frame, 0, head_y - 0.05f, head_z, bb_y, 0.0f, 0.02f);          /* down tube */
    tube(b, frame, 0, seat_y, seat_z, bb_y, 0.0f, 0.018f);                 /* seat tube */
    tube(b, frame, 0, bb_y, 0.0f, r, -wz, 0.014f);                         /* chain stay */
    tube(b, frame, 0, seat_y, seat_z, r, -wz, 0.012f);                     /* seat stay */
    tube(b, frame, 0, head_y + 0.1f, head_z, r, wz, 0.016f);               /* fork */
    oy_build_box(b, tyre, 0, head_y + 0.12f, head_z + 0.02f, 0.24f, 0.015f, 0.015f, 0, 0, 0);  /* bars */
    oy_build_box(b, tyre, 0, seat_y + 0.03f, seat_z - 0.02f, 0.06f, 0.025f, 0.12f, 0, 0, 0);  /* saddle */
    int from = b->n, light = b->nl;
    person_at(b, seat_y + 0.05f);
    oy_build_shift(b, from, light, 0, 0, seat_z - 0.05f);
}

void oy_kind_deer(oy_build *b)
{
    quad q = { 1.0f, 0.62f, 0.27f, 0.5f, 0.32f, 0.04f,
               { 0.2f, 0.11f, 0.055f }, { 0.16f, 0.09f, 0.05f }, 1, 0 };
    float head[2];
    quadruped(b, &q, head);
    if (oy_build_rand(b, 30, 0.0f, 1.0f) < 0.5f) {
        /* a stag's antlers, on its head, raised or down to graze */
        int horn = oy_build_mat(b, 0.22f, 0.18f, 0.13f);
        float hy = head[0] + 0.27f, hz = head[1] + 0.076f;
        for (int s = -1; s <= 1; s += 2) {
            oy_build_box(b, horn, s * 0.12f, hy + 0.22f, hz - 0.05f, 0.025f, 0.25f, 0.025f, 0, -0.2f, s * -0.4f);
            oy_build_box(b, horn, s * 0.22f, hy + 0.4f, hz + 0.05f, 0.02f, 0.15f, 0.02f, 0, 0.4f, s * -0.3f);
        }
    }
}

void oy_kind_wolf(oy_build *b)
{
    float k = oy_build_rand(b, 20, 0.8f, 1.2f);
    quad q = { 0.8f, 0.55f, 0.22f, 0.3f, 0.3f, 0.035f,
               { 0.2f * k, 0.19f * k, 0.17f * k }, { 0.13f * k, 0.12f * k, 0.11f * k }, 0, 1 };
    quadruped(b, &q, NULL);
    int dark = oy_build_mat(b, 0.08f, 0.08f, 0.08f);
    for (int s = -1; s <= 1; s += 2)
        oy_build_frustum(b, dark, s * 0.06f, 0.98f, 0.88f, 0.04f, 0.0f, 0.1f);
}

/* A fox: small and low, russet, its legs and face darker, a white
 * throat, pointed ears and a long bushy tail with a white tip held out
 * behind. */
void oy_kind_fox(oy_build *b)
{
    quad q = { 0.42f, 0.32f, 0.12f, 0.16f, 0.2f, 0.02f,
               { 0.5f, 0.18f, 0.05f }, { 0.2f, 0.07f, 0.03f }, 0, 0 };
    quadruped(b, &q, NULL);
    int russet = oy_build_shade(b, 1.0f);
    int white = oy_build_mat(b, 0.75f, 0.72f, 0.68f);
    float sway = 0.06f * oy_sinf(b->t * 1.7f + oy_build_rand(b, 21, 0.0f, 6.0f));
    oy_build_ellipsoid(b, russet, sway, 0.27f, -0.62f, 0.08f, 0.08f, 0.26f);
    oy_build_ellipsoid(b, white, 1.6f * sway, 0.23f, -0.86f, 0.05f, 0.05f, 0.07f);
    oy_build_ellipsoid(b, white, 0, 0.3f, 0.3f, 0.07f, 0.09f, 0.07f);
    for (int s = -1; s <= 1; s += 2)
        oy_build_frustum(b, russet, s * 0.045f, 0.52f, 0.43f, 0.03f, 0.0f, 0.08f);
}

/* A bear: heavy and low-slung on thick legs, a hump of muscle over the
 * shoulders, a broad head with a short muzzle and round ears; brown, or
 * cream-white for a polar bear. */
static void bear(oy_build *b, int polar)
{
    float k = oy_build_rand(b, 20, 0.9f, 1.1f);
    float c[3] = { 0.16f * k, 0.09f * k, 0.05f * k };
    if (polar) {
        c[0] = 0.72f * k;
        c[1] = 0.7f * k;
        c[2] = 0.62f * k;
    }
    quad q = { 1.15f * k, 0.9f * k, 0.48f * k, 0.3f * k, 0.48f * k, 0.13f * k,
               { c[0], c[1], c[2] }, { 0.8f * c[0], 0.8f * c[1], 0.8f * c[2] }, 0, 0 };
    quadruped(b, &q, NULL);
    int coat = oy_build_mat(b, c[0], c[1], c[2]);
    int nose = oy_build_mat(b, 0.03f, 0.025f, 0.02f);
    float body_y = q.shoulder - q.girth;
    oy_build_ellipsoid(b, coat, 0, body_y + 0.55f * q.girth, 0.5f * q.len, 0.75f * q.girth, 0.6f * q.girth,
                       0.45f * q.len);
    /* the head: the quadruped's looks up and out; a broad skull and ears */
    float hy = body_y + 0.35f * q.girth + 0.78f * q.neck, hz = 0.75f * q.len + 0.59f * q.neck;
    oy_build_ellipsoid(b, coat, 0, hy + 0.02f, hz + 0.12f * k, 0.2f * k, 0.18f * k, 0.2f * k);
    for (int s = -1; s <= 1; s += 2)
        oy_build_ellipsoid(b, coat, (float)s * 0.14f * k, hy + 0.18f * k, hz + 0.05f * k, 0.06f * k, 0.06f * k,
                           0.04f * k);
    oy_build_ellipsoid(b, nose, 0, hy - 0.1f * k, hz + 0.5f * k, 0.05f * k, 0.04f * k, 0.04f * k);
}

void oy_kind_bear(oy_build *b) { bear(b, 0); }
void oy_kind_polar_bear(oy_build *b) { bear(b, 1); }

void oy_kind_cow(oy_build *b)
{
    int pied = oy_build_rand(b, 20, 0.0f, 1.0f) < 0.5f;
    quad q = { 1.4f, 1.05f, 0.5f, 0.45f, 0.5f, 0.07f,
               { pied ? 0.55f : 0.18f, pied ? 0.53f : 0.09f, pied ? 0.5f : 0.05f },
               { 0.05f, 0.045f, 0.04f }, 1, 1 };
    quadruped(b, &q, NULL);
    if (pied) {
        int black = oy_build_mat(b, 0.03f, 0.03f, 0.03f);
        for (int i = 0; i < 3; i++)
            oy_build_ellipsoid(b, black, oy_build_rand(b, 40 + i, -0.2f, 0.2f), 1.1f,
                               oy_build_rand(b, 50 + i, -0.6f, 0.6f), 0.44f, 0.3f, 0.3f);
    }
}

/* A bison: dark brown, a great hump over the shoulders, a shaggy front
 * and beard, short horns; it grazes when still. Buffalo, yak and musk ox
 * are drawn so. */
void oy_kind_bison(oy_build *b)
{
    float k = oy_build_rand(b, 20, 0.9f, 1.1f);
    quad q = { 1.75f * k, 1.2f * k, 0.6f * k, 0.4f * k, 0.55f * k, 0.09f * k,
               { 0.13f, 0.08f, 0.05f }, { 0.07f, 0.05f, 0.035f }, 1, 1 };
    quadruped(b, &q, NULL);
    int shag = oy_build_mat(b, 0.09f, 0.06f, 0.04f);
    int horn = oy_build_mat(b, 0.05f, 0.045f, 0.04f);
    float body_y = q.shoulder - q.girth;
    oy_build_ellipsoid(b, shag, 0, body_y + 0.35f * q.girth, 0.45f * q.len, 0.95f * q.girth, 1.15f * q.girth,
                       0.6f * q.len);
    oy_build_ellipsoid(b, shag, 0, body_y - 0.3f * q.girth, 0.75f * q.len, 0.7f * q.girth, 0.6f * q.girth,
                       0.3f * q.len);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, horn, s * 0.22f * k, body_y + 0.55f * q.girth, 1.35f * q.len, 0.03f * k, 0.09f * k,
                     0.03f * k, 0, 0, s * 0.5f);
}

/* An elephant: a grey bulk on four pillar legs, a big head with fanned
 * ears, a trunk that hangs and sways, and tusks on some. */
void oy_kind_elephant(oy_build *b)
{
    float k = oy_build_rand(b, 20, 0.85f, 1.1f), g = oy_build_rand(b, 21, 0.17f, 0.23f);
    int hide = oy_build_mat(b, g, g * 0.95f, g * 0.9f);
    int ivory = oy_build_mat(b, 0.6f, 0.56f, 0.45f);
    float amp, ph = gait(b, 7.0f * k, &amp);
    float sh = 3.0f * k, girth = 0.95f * k, len = 1.6f * k, body_y = sh - girth;
    oy_build_ellipsoid(b, hide, 0, body_y, 0, 0.85f * girth, girth, len);
    for (int i = 0; i < 4; i++) {
        float x = (i % 2 ? 1.0f : -1.0f) * 0.5f * girth, z = (i < 2 ? 1.0f : -1.0f) * 0.62f * len;
        float a = 0.6f * amp * oy_sinf(ph + ((i == 0 || i == 3) ? 0.0f : PI));
        limb(b, hide, x, body_y, z, 0.27f * k, body_y + 0.05f, a);
    }
    float hy = body_y + 0.45f * girth, hz = len + 0.35f * k;
    oy_build_ellipsoid(b, hide, 0, hy, hz, 0.55f * k, 0.62f * k, 0.55f * k);
    float flap = 0.06f * oy_sinf(b->t * 1.3f + oy_build_rand(b, 22, 0.0f, 6.28f));
    for (int s = -1; s <= 1; s += 2)
        oy_build_ellipsoid(b, hide, s * (0.6f + flap) * k, hy - 0.1f * k, hz - 0.2f * k, 0.07f * k, 0.62f * k,
                           0.48f * k);
    /* the trunk: two segments, the lower swinging */
    float sway = 0.12f * oy_sinf(b->t * 0.9f + oy_build_rand(b, 23, 0.0f, 6.28f));
    limb(b, hide, 0, hy - 0.2f * k, hz + 0.45f * k, 0.16f * k, 0.9f * k, 0.25f);
    limb(b, hide, 0, hy - 1.05f * k, hz + 0.67f * k, 0.11f * k, 0.9f * k, 0.05f + sway);
    if (oy_build_rand(b, 24, 0.0f, 1.0f) < 0.7f)
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, ivory, s * 0.22f * k, hy - 0.65f * k, hz + 0.55f * k, 0.05f * k, 0.05f * k,
                         0.4f * k, 0, 0.9f, 0);
    limb(b, hide, 0, body_y + 0.5f * girth, -0.98f * len, 0.05f * k, 1.2f * k,
         -0.2f + 0.1f * oy_sinf(b->t * 1.7f + ph));
}

/* A camel: sandy, on long thin legs, one hump over the middle of its
 * back, the neck reaching forward; it walks in a caravan's line. */
void oy_kind_camel(oy_build *b)
{
    float k = oy_build_rand(b, 20, 0.92f, 1.08f), tone = oy_build_rand(b, 21, 0.8f, 1.1f);
    quad q = { 1.9f * k, 0.85f * k, 0.4f * k, 0.95f * k, 0.5f * k, 0.06f * k,
               { 0.45f * tone, 0.33f * tone, 0.19f * tone }, { 0.36f * tone, 0.26f * tone, 0.15f * tone }, 0, 1 };
    quadruped(b, &q, NULL);
    int coat = oy_build_mat(b, q.col[0], q.col[1], q.col[2]);
    float body_y = q.shoulder - q.girth;
    oy_build_ellipsoid(b, coat, 0, body_y + 0.75f * q.girth, -0.05f * q.len, 0.7f * q.girth, 0.85f * q.girth,
                       0.5f * q.len);
}

/* A giraffe: a short body sloping down from high withers on long legs,
 * a long neck raised steeply, a small head with two ossicones, and brown
 * patches on a tan coat; it browses, the neck dipping, when still. */
void oy_kind_giraffe(oy_build *b)
{
    float k = oy_build_rand(b, 20, 0.85f, 1.08f);
    int tan = oy_build_mat(b, 0.52f, 0.35f, 0.15f);
    int patch = oy_build_mat(b, 0.2f, 0.09f, 0.035f);
    int dark = oy_build_mat(b, 0.1f, 0.07f, 0.05f);
    float amp, ph = gait(b, 6.0f * k, &amp);
    float girth = 0.42f * k, len = 0.9f * k, fy = 2.15f * k, hy = 1.85f * k;
    /* the body: withers high at the front, the rump lower */
    oy_build_ellipsoid(b, tan, 0, fy, 0.35f * len, 0.8f * girth, girth, 0.7f * len);
    oy_build_ellipsoid(b, tan, 0, hy, -0.4f * len, 0.78f * girth, 0.9f * girth, 0.6f * len);
    for (int i = 0; i < 4; i++) {
        int front = i < 2;
        float x = (i % 2 ? 1.0f : -1.0f) * 0.45f * girth, y = front ? fy : hy;
        float a = 0.8f * amp * oy_sinf(ph + ((i == 0 || i == 3) ? 0.0f : PI));
        limb(b, tan, x, y, front ? 0.65f * len : -0.7f * len, 0.07f * k, y + 0.04f, a);
    }
    /* the neck, up at 60 degrees, dipping to browse now and then */
    float browse = 0.0f;
    if (b->speed < 0.2f)
        browse = oy_smoothstepf(0.3f, 0.9f, oy_sinf(b->t * 0.19f + oy_build_rand(b, 21, 0.0f, 6.28f)));
    float na = oy_lerpf(1.05f, 0.6f, browse), nl = 2.0f * k;
    float ny = fy + 0.4f * girth, nz = 0.85f * len;
    float ey = ny + oy_sinf(na) * nl, ez = nz + oy_cosf(na) * nl;
    oy_build_box(b, tan, 0, 0.5f * (ny + ey), 0.5f * (nz + ez), 0.12f * k, 0.2f * k, 0.55f * nl, 0, -na, 0);
    oy_build_box(b, dark, 0, 0.5f * (ny + ey) + 0.2f * k * oy_cosf(na), 0.5f * (nz + ez) - 0.2f * k * oy_sinf(na),
                 0.03f * k, 0.05f * k, 0.5f * nl, 0, -na, 0);
    float ha = -0.35f;
    oy_build_box(b, tan, 0, ey + 0.05f * k, ez + 0.22f * k, 0.1f * k, 0.12f * k, 0.3f * k, 0, -ha, 0);
    for (int s = -1; s <= 1; s += 2)
        oy_build_frustum(b, dark, s * 0.06f * k, ey + 0.12f * k, ez, 0.025f * k, 0.035f * k, 0.18f * k);
    /* the coat's patches, on the flanks and up the neck */
    for (int i = 0; i < 8; i++) {
        float side = i % 2 ? 1.0f : -1.0f;
        if (i < 4) {
            float z = oy_build_rand(b, 30 + i, -0.8f, 0.8f) * len, y = oy_lerpf(hy, fy, z / len * 0.5f + 0.5f);
            oy_build_ellipsoid(b, patch, side * 0.76f * girth, y + oy_build_rand(b, 40 + i, -0.4f, 0.3f) * girth, z,
                               0.06f * k, 0.16f * k, 0.18f * k);
        } else {
            float u = 0.2f + 0.18f * (float)(i - 4);
            oy_build_ellipsoid(b, patch, side * 0.1f * k, ny + oy_sinf(na) * nl * u, nz + oy_cosf(na) * nl * u,
                               0.04f * k, 0.14f * k, 0.12f * k);
        }
    }
    limb(b, dark, 0, hy + 0.3f * girth, -1.0f * len, 0.025f * k, 0.9f * k, -0.15f + 0.1f * oy_sinf(b->t * 1.5f + ph));
}

void oy_kind_sheep(oy_build *b)
{
    quad q = { 0.85f, 0.55f, 0.33f, 0.25f, 0.25f, 0.035f,
               { 0.55f, 0.52f, 0.45f }, { 0.06f, 0.05f, 0.05f }, 1, 0 };
    quadruped(b, &q, NULL);
}

/* A swan afloat: a white body riding low with its tail up, the neck in
 * an S, a small head with an orange bill; it bobs on the water and turns
 * its head now and then. */
void oy_kind_swan(oy_build *b)
{
    int white = oy_build_mat(b, 0.8f, 0.8f, 0.77f);
    int bill = oy_build_mat(b, 0.6f, 0.22f, 0.03f);
    int black = oy_build_mat(b, 0.02f, 0.02f, 0.02f);
    float k = oy_build_rand(b, 1, 0.85f, 1.1f), t = b->t + oy_build_rand(b, 2, 0.0f, 20.0f);
    float bob = 0.02f * oy_sinf(1.7f * t);
    oy_build_ellipsoid(b, white, 0, 0.12f * k + bob, 0, 0.27f * k, 0.2f * k, 0.55f * k);
    oy_build_ellipsoid(b, white, 0, 0.26f * k + bob, -0.45f * k, 0.15f * k, 0.1f * k, 0.18f * k);
    oy_build_box(b, white, 0, 0.38f * k + bob, 0.42f * k, 0.06f * k, 0.05f * k, 0.2f * k, 0, -0.9f, 0);
    oy_build_box(b, white, 0, 0.7f * k + bob, 0.5f * k, 0.055f * k, 0.25f * k, 0.055f * k, 0, -0.15f, 0);
    float turn = 0.5f * oy_smoothstepf(0.6f, 0.9f, oy_sinf(0.3f * t));
    oy_build_ellipsoid(b, white, 0, 0.95f * k + bob, 0.55f * k, 0.06f * k, 0.06f * k, 0.1f * k);
    oy_build_box(b, bill, 0.05f * turn * k, 0.93f * k + bob, 0.7f * k, 0.03f * k, 0.025f * k, 0.07f * k, turn, 0.3f, 0);
    oy_build_box(b, black, 0.04f * turn * k, 0.95f * k + bob, 0.63f * k, 0.032f * k, 0.03f * k, 0.02f * k, turn, 0, 0);
}

/* Water lilies: a patch of round green pads 6 m across lying on the
 * water, some overlapping, a few white or pink flowers open among them. */
void oy_kind_lily_pads(oy_build *b)
{
    int pad = oy_build_mat(b, 0.06f, 0.14f, 0.035f);
    int dark = oy_build_mat(b, 0.04f, 0.1f, 0.025f);
    int bloom = oy_build_rand(b, 1, 0.0f, 1.0f) < 0.5f ? oy_build_mat(b, 0.85f, 0.84f, 0.8f)
                                                        : oy_build_mat(b, 0.85f, 0.45f, 0.6f);
    int heart = oy_build_mat(b, 0.8f, 0.6f, 0.1f);
    for (int i = 0; i < 22; i++) {
        float a = oy_build_rand(b, 10 + i, 0.0f, 6.283f), r = 3.0f * sqrtf(oy_build_rand(b, 40 + i, 0.0f, 1.0f));
        float x = r * oy_cosf(a), z = r * oy_sinf(a), s = oy_build_rand(b, 70 + i, 0.25f, 0.5f);
        oy_build_ellipsoid(b, i & 3 ? pad : dark, x, 0.01f, z, s, 0.02f, s);
        if (i % 6 == 0) {   /* a flower on it, its yellow heart */
            oy_build_ellipsoid(b, bloom, x, 0.08f, z, 0.14f, 0.08f, 0.14f);
            oy_build_ellipsoid(b, heart, x, 0.14f, z, 0.05f, 0.03f, 0.05f);
        }
    }
}

/* A dragon on the wing, heading +z: a scaled body and chest, a long
 * neck curving up to a horned head, a tail tapering 8 m behind and
 * swaying, hind legs tucked under; two great wings of dark membrane,
 * each an arm and a hand swept back, beating slowly, the body rising a
 * little on each stroke. Dark red, green, bronze or black, its belly
 * paler; its eyes glow by night. */
void oy_kind_dragon(oy_build *b)
{
    static const float hides[4][3] = { { 0.3f, 0.05f, 0.035f }, { 0.06f, 0.16f, 0.08f },
                                       { 0.3f, 0.19f, 0.07f }, { 0.045f, 0.04f, 0.045f } };
    const float *c = hides[(int)oy_build_rand(b, 1, 0.0f, 3.999f)];
    int hide = oy_build_mat(b, c[0], c[1], c[2]);   /* first: what a colour word paints */
    int belly = oy_build_mat(b, 0.2f + c[0], 0.16f + c[1], 0.1f + c[2]);
    int wing = oy_build_shade(b, 0.6f);
    int horn = oy_build_mat(b, 0.55f, 0.5f, 0.4f);
    int eye = oy_build_glow(b, 1.0f, 0.6f, 0.1f, 0.2f + 1.8f * b->look->night);
    float t = b->t + oy_build_rand(b, 2, 0.0f, 10.0f), beat = oy_sinf(1.3f * t);
    float lift = 0.8f * oy_sinf(1.3f * t - 1.2f);
    oy_build_ellipsoid(b, hide, 0, lift, 0, 1.3f, 1.3f, 3.6f);
    oy_build_ellipsoid(b, belly, 0, lift - 0.35f, 1.6f, 1.1f, 1.1f, 2.0f);
    static const float neck[3][4] = { { 1.3f, 4.1f, 0.75f, 1.3f }, { 2.3f, 5.3f, 0.58f, 1.1f }, { 3.1f, 6.4f, 0.46f, 0.95f } };
    for (int i = 0; i < 3; i++)
        oy_build_ellipsoid(b, hide, 0, lift + neck[i][0], neck[i][1], neck[i][2], neck[i][2], neck[i][3]);
    float hy = lift + 3.4f;
    oy_build_ellipsoid(b, hide, 0, hy, 7.5f, 0.5f, 0.45f, 0.85f);
    oy_build_box(b, hide, 0, hy - 0.15f, 8.3f, 0.3f, 0.2f, 0.5f, 0, 0.15f, 0);
    for (int s = -1; s <= 1; s += 2) {
        oy_build_box(b, horn, (float)s * 0.25f, hy + 0.45f, 6.95f, 0.06f, 0.06f, 0.5f, (float)s * 0.25f, 0.6f, 0);
        oy_build_ellipsoid(b, eye, (float)s * 0.33f, hy + 0.12f, 7.85f, 0.08f, 0.07f, 0.1f);
        oy_build_ellipsoid(b, hide, (float)s * 0.9f, lift - 1.0f, -1.2f, 0.35f, 0.55f, 0.8f);
    }
    /* the tail, swaying as it goes */
    for (int i = 0; i < 5; i++) {
        float u = (float)(i + 1), r = 0.95f * (1.0f - u / 6.5f);
        float sway = 0.35f * u * oy_sinf(0.9f * t + 0.6f * u);
        oy_build_ellipsoid(b, hide, sway, lift - 0.15f * u, -3.2f - 1.55f * u, r, r, 1.1f);
    }
    /* the wings: four lengths of membrane out from the shoulder, each
     * narrower and swept farther back, its bone along its front edge,
     * turned up by the beat, the outer ones lagging the arm */
    float arm = 0.15f + 0.45f * beat, hand = arm + 0.3f * oy_sinf(1.3f * t - 0.8f);
    for (int s = -1; s <= 1; s += 2) {
        float x = 1.0f, y = lift + 0.9f;
        for (int j = 0; j < 4; j++) {
            float a = arm + (hand - arm) * (float)j / 3.0f, ca = oy_cosf(a), sa = oy_sinf(a);
            float chord = 4.6f * (1.0f - 0.2f * (float)j), front = 2.6f - 1.2f * (float)j;
            float cx = x + 0.95f * ca, cy = y + 0.95f * sa;
            oy_build_box(b, wing, (float)s * cx, cy, front - 0.5f * chord, 1.0f, 0.04f, 0.5f * chord, 0, 0,
                         (float)s * a);
            oy_build_box(b, hide, (float)s * cx, cy + 0.05f, front, 1.0f, 0.1f, 0.1f, 0, 0, (float)s * a);
            x += 1.9f * ca;
            y += 1.9f * sa;
        }
    }
}

void oy_kind_bird_flock(oy_build *b)
{
    int dark = oy_build_mat(b, 0.03f, 0.03f, 0.035f);
    int n = 10 + (int)oy_build_rand(b, 1, 0.0f, 10.0f);
    float R = oy_build_rand(b, 2, 10.0f, 18.0f), pos[OY_FLOCK_MAX][3], head[OY_FLOCK_MAX];
    n = oy_flock_at(b->seed, n, R, b->t, pos, head);
    for (int i = 0; i < n; i++) {
        /* each bird where the flock has taken it, wings beating */
        float x = pos[i][0], y = pos[i][1], z = pos[i][2], heading = head[i];
        float flap = 0.7f * oy_sinf(b->t * 9.0f + (float)i * 2.3f);
        oy_build_ellipsoid(b, dark, x, y, z, 0.12f, 0.09f, 0.2f);
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, dark, x + oy_cosf(heading) * s * 0.5f, y + 0.16f * flap, z - oy_sinf(heading) * s * 0.5f,
                         0.45f, 0.015f, 0.12f, heading, 0, s * flap);
    }
}

/* Fireflies: forty-odd points of cold yellow-green light drifting half a
 * metre to two metres over the ground (the swarm rides 1.25 m up, as
 * what is lifted does) through a patch 14 m across, each glowing for a
 * second or so and dark for a few, as the night comes; by day they are
 * not seen. */
void oy_kind_fireflies(oy_build *b)
{
    float dark = oy_smoothstepf(0.2f, 0.7f, b->look->night);
    if (dark <= 0.0f)
        return;
    int glow = oy_build_glow(b, 0.7f, 1.0f, 0.15f, 0.7f * dark);
    int n = 40 + (int)oy_build_rand(b, 1, 0.0f, 16.0f);
    for (int i = 0; i < n && i < OY_PROTO_PRIMS; i++) {
        int salt = 10 + 8 * i;
        float a = oy_build_rand(b, salt, 0.0f, 6.2831853f), r = 7.0f * sqrtf(oy_build_rand(b, salt + 1, 0.0f, 1.0f));
        float y = oy_build_rand(b, salt + 2, -0.75f, 0.75f), t = b->t + oy_build_rand(b, salt + 3, 0.0f, 60.0f);
        float period = oy_build_rand(b, salt + 4, 2.5f, 5.0f), ph = t / period - floorf(t / period);
        float on = oy_smoothstepf(0.0f, 0.08f, ph) * (1.0f - oy_smoothstepf(0.22f, 0.34f, ph));
        if (on < 0.1f)
            continue;
        float x = r * oy_sinf(a) + 0.5f * oy_sinf(0.31f * t), z = r * oy_cosf(a) + 0.5f * oy_cosf(0.27f * t);
        float s = 0.045f * on;
        oy_build_ellipsoid(b, glow, x, y + 0.3f * oy_sinf(0.53f * t), z, s, s, s);
    }
}
