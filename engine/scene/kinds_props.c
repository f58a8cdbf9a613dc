/*
 * kinds_props.c - things at human scale: rocks and boulders, a campfire
 * with flames and smoke, a lantern, a tent, boats and ships (their base
 * is the water line), a wagon and a car, which raise dust on dry ground
 * as they drive, a hot air balloon aloft, a flag that flies in the wind,
 * a volcano's ash plume, a statue, a scarecrow and a bench. Fires and
 * lamps carry the point light that lights the ground and things around
 * them.
 */
#include <math.h>

#include "scene.h"

#define PI 3.14159265f

/* A stone: a rounded core with tilted slabs breaking through it, so its
 * outline has corners and its faces catch the light one by one, in two
 * tones of the world's rock ("black basalt rocks" are black). */
static void stone_lump(oy_build *b, int salt, float size)
{
    const float *r0 = b->look->rock;
    float k = oy_build_rand(b, salt, 0.8f, 1.2f);
    int m = oy_build_stone(b, r0[0] * k, r0[1] * k, r0[2] * k);
    int m2 = oy_build_stone(b, 0.75f * r0[0] * k, 0.75f * r0[1] * k, 0.75f * r0[2] * k);
    float r = size * oy_build_rand(b, salt + 1, 0.6f, 0.8f);
    oy_build_ellipsoid(b, m, 0, r * 0.25f, 0, 0.8f * r * oy_build_rand(b, salt + 2, 0.9f, 1.2f), r * 0.55f, 0.8f * r);
    for (int i = 0; i < 4; i++) {
        float a = 1.5708f * ((float)i + oy_build_rand(b, salt + 5 + i, 0.0f, 0.6f));
        float q = size * oy_build_rand(b, salt + 9 + i, 0.35f, 0.55f), d = 0.45f * r;
        oy_build_box(b, i & 1 ? m2 : m, oy_sinf(a) * d, q * 0.55f, oy_cosf(a) * d,
                     q, q * oy_build_rand(b, salt + 13 + i, 0.6f, 0.9f), q * 0.8f,
                     a + oy_build_rand(b, salt + 17 + i, -0.5f, 0.5f), oy_build_rand(b, salt + 21 + i, -0.5f, 0.5f),
                     oy_build_rand(b, salt + 25 + i, -0.5f, 0.5f));
    }
}

void oy_kind_rock(oy_build *b) { stone_lump(b, 1, 0.7f); }
void oy_kind_boulder(oy_build *b) { stone_lump(b, 1, 2.2f); }

void oy_kind_campfire(oy_build *b)
{
    int stone = oy_build_mat(b, 0.15f, 0.14f, 0.13f);
    int wood = oy_build_mat(b, 0.06f, 0.04f, 0.03f);
    for (int i = 0; i < 8; i++) {
        float a = 2.0f * PI * (float)i / 8.0f;
        oy_build_ellipsoid(b, stone, oy_sinf(a) * 0.65f, 0.08f, oy_cosf(a) * 0.65f, 0.16f, 0.12f, 0.16f);
    }
    for (int i = 0; i < 3; i++) {
        float a = 2.0f * PI * (float)i / 3.0f;
        oy_build_box(b, wood, oy_sinf(a) * 0.2f, 0.22f, oy_cosf(a) * 0.2f, 0.06f, 0.06f, 0.42f, a, -0.5f, 0);
    }
    /* flames: cones whose height and brightness flicker */
    float t = b->t;
    float fl = 0.8f + 0.2f * oy_sinf(t * 11.0f) * oy_sinf(t * 7.3f + 1.0f) + 0.1f * oy_sinf(t * 23.0f);
    float n = b->look->night, glow = 1.6f * fl;
    int flame = oy_build_glow(b, 1.0f, 0.4f, 0.08f, glow);
    int core = oy_build_glow(b, 1.0f, 0.7f, 0.3f, 2.0f * glow);
    for (int i = 0; i < 3; i++) {
        float a = 2.0f * PI * (float)i / 3.0f + t * 0.7f;
        float h = 0.55f * (0.8f + 0.3f * oy_sinf(t * (9.0f + (float)i * 2.7f) + (float)i));
        oy_build_frustum(b, flame, oy_sinf(a) * 0.12f, 0.15f, oy_cosf(a) * 0.12f, 0.16f, 0.0f, h);
    }
    oy_build_frustum(b, core, 0, 0.15f, 0, 0.12f, 0.0f, 0.75f * fl);
    oy_build_light(b, 0, 0.7f, 0, 1.0f, 0.42f, 0.12f, 20.0f * fl * (0.15f + 1.85f * n));
    /* smoke: puffs that rise, grow and drift downwind, one after another */
    int young = oy_build_soft(b, 0.45f, 0.44f, 0.43f, 0.45f, 0.0f);
    int old = oy_build_soft(b, 0.5f, 0.5f, 0.5f, 0.15f, 0.0f);
    oy_build_plume(b, young, old, 10, 4.0f, 1.0f, 5.0f, 0.2f, 0.8f, 1.0f);
}

/* a soft, see-through glow (smoke lit from below), its light as bright
 * whatever the frame's exposure */
static int soft_glow(oy_build *b, float r, float g, float bl, float power, float alpha)
{
    int m = oy_build_soft(b, 0.05f * r, 0.05f * g, 0.05f * bl, alpha, 0.0f);
    float k = power / b->look->exposure;
    b->m[m].emit[0] = r * k;
    b->m[m].emit[1] = g * k;
    b->m[m].emit[2] = bl * k;
    return m;
}

/* A wildfire: a front of fire some 30 m wide through a stand of trees,
 * the trunks charred black, flames climbing their crowns and running low
 * over the ground between them, embers glowing in the ash behind, a
 * broad plume of brown-grey smoke leaning downwind and an orange light
 * over everything round it that flickers with the flames. */
void oy_kind_wildfire(oy_build *b)
{
    int charred = oy_build_mat(b, 0.03f, 0.025f, 0.02f);
    float t = b->t, n = b->look->night;
    float fl = 0.85f + 0.15f * oy_sinf(t * 5.0f) * oy_sinf(t * 3.1f + 1.0f);
    int flame = oy_build_glow(b, 1.0f, 0.22f, 0.03f, 0.65f * fl);
    int tip = oy_build_glow(b, 1.0f, 0.45f, 0.1f, 0.9f * fl);
    int ember = oy_build_glow(b, 0.9f, 0.2f, 0.03f, 0.55f);
    /* burning trees: a charred trunk, tongues of flame licking up its
     * crown, each flickering on its own */
    for (int i = 0; i < 6; i++) {
        float x = -14.0f + 5.6f * (float)i + oy_build_rand(b, 10 + i, -1.5f, 1.5f);
        float z = oy_build_rand(b, 20 + i, -4.0f, 4.0f), h = oy_build_rand(b, 30 + i, 9.0f, 15.0f);
        oy_build_frustum(b, charred, x, -0.5f, z, 0.35f, 0.12f, h + 0.5f);
        for (int j = 0; j < 3; j++) {
            float ph = (float)(i * 3 + j), f = 0.75f + 0.3f * oy_sinf(t * (7.0f + 1.3f * ph) + ph);
            float dx = 1.1f * (float)(j - 1) + 0.3f * oy_sinf(t * 3.0f + ph);
            oy_build_frustum(b, j == 1 ? tip : flame, x + dx, h * (0.4f + 0.1f * (float)(j & 1)), z + 0.4f * (float)(j - 1),
                             0.9f - 0.2f * (float)(j & 1), 0.0f, (5.5f + 2.5f * (float)(j == 1)) * f);
        }
    }
    /* the ground fire along the front, low and ragged */
    for (int i = 0; i < 9; i++) {
        float x = -16.0f + 4.0f * (float)i + oy_build_rand(b, 40 + i, -1.0f, 1.0f);
        float f = 0.7f + 0.35f * oy_sinf(t * (9.0f + (float)i * 1.7f) + (float)i);
        oy_build_frustum(b, i & 1 ? tip : flame, x, 0.0f, oy_build_rand(b, 50 + i, -1.0f, 3.0f), 0.8f, 0.0f,
                         oy_build_rand(b, 60 + i, 1.5f, 3.0f) * f);
    }
    /* embers in the burnt ground behind it */
    for (int i = 0; i < 6; i++)
        oy_build_box(b, ember, oy_build_rand(b, 80 + i, -15.0f, 15.0f), 0.02f, oy_build_rand(b, 90 + i, -14.0f, -4.0f),
                     oy_build_rand(b, 100 + i, 0.8f, 2.5f), 0.05f, oy_build_rand(b, 110 + i, 0.5f, 1.5f),
                     oy_build_rand(b, 120 + i, 0.0f, 3.0f), 0, 0);
    oy_build_light(b, -7.0f, 6.0f, 3.0f, 1.0f, 0.4f, 0.1f, 450.0f * fl);
    oy_build_light(b, 8.0f, 6.0f, 3.0f, 1.0f, 0.4f, 0.1f, 450.0f * fl);
    /* the smoke: a wide plume rising 60 m, darker low, paler high; by
     * night lit orange from below */
    int young = n > 0.05f ? soft_glow(b, 0.6f, 0.22f, 0.07f, 0.45f * n, 0.5f)
                          : oy_build_soft(b, 0.22f, 0.18f, 0.15f, 0.5f, 0.0f);
    int old = oy_build_soft(b, 0.4f, 0.37f, 0.33f, 0.25f, 0.0f);
    oy_build_plume(b, young, old, 10, 9.0f, 14.0f, 55.0f, 7.0f, 16.0f, 4.0f);
}

/* A steam vent (a fumarole, a geyser's breath): a crusted mound of pale
 * rock with white steam billowing up from it, broad and slow. */
void oy_kind_steam_vent(oy_build *b)
{
    int crust = oy_build_mat(b, 0.42f, 0.4f, 0.3f);
    float r = oy_build_rand(b, 1, 1.2f, 2.2f);
    oy_build_ellipsoid(b, crust, 0, -0.2f, 0, r, 0.5f, r);
    int young = oy_build_soft(b, 0.85f, 0.85f, 0.86f, 0.5f, 0.0f);
    int old = oy_build_soft(b, 0.88f, 0.88f, 0.9f, 0.25f, 0.0f);
    oy_build_plume(b, young, old, 12, 8.0f + oy_build_rand(b, 2, 0.0f, 3.0f), 0.5f, 16.0f, 0.8f, 4.5f, 1.0f);
}

/* A tornado: a dark funnel 450 m from the cloud base down to the ground,
 * flared wide where it hangs from the cloud and a rope 20 m across at its
 * foot, bending and writhing as it turns, a skirt of dust and debris
 * churning round its foot. */
static float funnel_radius(float u)   /* u: 0 at the foot, 1 at the cloud */
{
    return 10.0f + 30.0f * u + 160.0f * u * u * u * u;
}

void oy_kind_tornado(oy_build *b)
{
    int funnel = oy_build_soft(b, 0.14f, 0.14f, 0.15f, 0.9f, 0.0f);
    int dust = oy_build_soft(b, 0.24f, 0.2f, 0.16f, 0.55f, 0.0f);
    const int n = 18;
    const float h = 450.0f;
    float t = b->t, phase = oy_build_rand(b, 1, 0.0f, 6.2831853f);
    for (int i = 0; i < n; i++) {
        float u0 = (float)i / (float)n, u1 = (float)(i + 1) / (float)n, um = 0.5f * (u0 + u1);
        float r0 = funnel_radius(u0), r1 = funnel_radius(u1);
        /* the rope's sway: most in its middle, the top held by the cloud,
         * the foot dragged along the ground */
        float sway = 60.0f * um * (1.0f - um) * 4.0f;
        float x = sway * oy_sinf(2.2f * um + 0.35f * t + phase), z = 0.4f * sway * oy_sinf(3.1f * um + 0.27f * t);
        oy_build_frustum(b, funnel, x, u0 * h - 2.0f, z, r0, r1, h / (float)n + 4.0f);
    }
    for (int i = 0; i < 5; i++) {
        float a = 1.2566371f * (float)i + 1.7f * t, r = oy_build_rand(b, 10 + i, 18.0f, 32.0f);
        oy_build_ellipsoid(b, dust, r * oy_sinf(a), 10.0f + 3.0f * (float)i, r * oy_cosf(a), 24.0f, 14.0f, 24.0f);
    }
}

/* A volcano's ash plume: grey smoke billowing from its crater, dark and
 * thick as it leaves, spreading and paling as it climbs 500-800 m, bent
 * over downwind. It stands on the crater's floor. */
void oy_kind_ash_plume(oy_build *b)
{
    float rise = oy_build_rand(b, 1, 500.0f, 800.0f), erupt = b->look->lava;
    /* in eruption the melt lights the plume's foot from below, orange
     * against the night, and fountains from the crater: a spray of
     * incandescent lava 150-250 m high and bombs flung out of it */
    float lit = erupt * b->look->night * 0.35f / (0.25f * b->look->exposure + 1e-6f);
    int young = erupt > 0.0f ? oy_build_soft(b, 0.25f, 0.12f, 0.06f, 0.8f, lit)
                             : oy_build_soft(b, 0.2f, 0.19f, 0.18f, 0.8f, 0.0f);
    int old = oy_build_soft(b, 0.42f, 0.41f, 0.4f, 0.5f, 0.0f);
    oy_build_plume(b, young, old, 24, 120.0f + oy_build_rand(b, 2, 0.0f, 40.0f), 10.0f, rise, 60.0f, 0.5f * rise,
                   0.25f * rise);
    if (erupt <= 0.0f)
        return;
    float t = b->t, pulse = 0.8f + 0.2f * oy_sinf(t * 2.3f) * oy_sinf(t * 1.7f + 1.0f);
    float h = erupt * pulse * oy_build_rand(b, 3, 150.0f, 250.0f);
    int melt = oy_build_glow(b, 1.0f, 0.45f, 0.08f, 1.2f + 1.2f * b->look->night);
    int core = oy_build_glow(b, 1.0f, 0.75f, 0.3f, 1.6f + 1.6f * b->look->night);
    oy_build_frustum(b, melt, 0, 0.0f, 0, 30.0f, 8.0f, h);
    oy_build_frustum(b, core, 0, 0.0f, 0, 14.0f, 2.0f, 0.8f * h);
    for (int i = 0; i < 8; i++) {
        /* bombs: each flung on its own arc, over in some seconds */
        float period = oy_build_rand(b, 10 + i, 3.0f, 6.0f), age = t / period + oy_build_rand(b, 20 + i, 0.0f, 1.0f);
        age -= (float)(int)age;
        float a = oy_build_rand(b, 30 + i, 0.0f, 2.0f * PI), out = oy_build_rand(b, 40 + i, 40.0f, 140.0f) * age;
        float up = h * (0.6f + 0.8f * oy_build_rand(b, 50 + i, 0.0f, 1.0f));
        float y = 4.0f * up * age * (1.0f - age), r = 6.0f + 4.0f * (1.0f - age);
        oy_build_ellipsoid(b, melt, oy_sinf(a) * out, y, oy_cosf(a) * out, r, r, r);
    }
}

/* A flag on a pole: a cloth of hinged strips in bands of two or three
 * colours that streams out and ripples with the wind and hangs against
 * the pole in a calm. Its cloth flies along the instance's +x. */
void oy_kind_flag(oy_build *b)
{
    static const float colours[][3] = { { 0.5f, 0.04f, 0.04f }, { 0.05f, 0.1f, 0.4f }, { 0.75f, 0.75f, 0.72f },
                                        { 0.7f, 0.5f, 0.05f }, { 0.04f, 0.25f, 0.08f }, { 0.03f, 0.03f, 0.03f } };
    const int nc = (int)(sizeof colours / sizeof *colours), segs = 9;
    int pole = oy_build_mat(b, 0.45f, 0.45f, 0.44f), band[3];
    int first = (int)oy_build_rand(b, 1, 0.0f, (float)nc), step = 1 + (int)oy_build_rand(b, 2, 0.0f, (float)(nc - 1));
    int bands = 2 + (oy_build_rand(b, 3, 0.0f, 1.0f) < 0.6f);
    for (int i = 0; i < bands; i++) {
        const float *c = colours[(first + (i & 1) * step + (i >> 1) * (step + 1)) % nc];
        band[i] = oy_build_mat(b, c[0], c[1], c[2]);
    }
    float h = oy_build_rand(b, 4, 6.0f, 9.0f), len = oy_build_rand(b, 5, 1.6f, 2.4f), tall = 0.65f * len;
    oy_build_frustum(b, pole, 0, -0.5f, 0, 0.06f, 0.04f, h + 0.6f);
    oy_build_ellipsoid(b, pole, 0, h + 0.15f, 0, 0.08f, 0.08f, 0.08f);
    /* the cloth: a chain of strips from the pole; each strip's heading
     * follows a wave running out along it, its droop the calm */
    float w = b->look->wind, seg = len / (float)segs, t = b->t + oy_build_rand(b, 6, 0.0f, 10.0f);
    float amp = 0.12f + 0.45f * w, speed = 3.0f + 9.0f * w;
    float droop = 1.35f * (1.0f - oy_smoothstepf(0.05f, 0.5f, w));
    float x = 0.05f, y = h - 0.5f * tall, z = 0.0f;
    for (int i = 0; i < segs; i++) {
        float u = (float)i / (float)segs;
        float yaw = amp * u * oy_sinf(7.0f * u - speed * t) + 0.1f * w * oy_sinf(1.3f * t);
        float dn = droop * (0.6f + 0.4f * u);
        float dx = seg * oy_cosf(dn) * oy_cosf(yaw), dy = -seg * oy_sinf(dn), dz = -seg * oy_cosf(dn) * oy_sinf(yaw);
        int m = band[bands == 3 ? i * 3 / segs : 0];
        if (bands == 2) {
            /* two horizontal bands: upper and lower halves of each strip */
            for (int k = 0; k < 2; k++)
                oy_build_box(b, band[k], x + 0.5f * dx, y + 0.5f * dy + (0.25f - 0.5f * (float)k) * tall * oy_cosf(dn),
                             z + 0.5f * dz, 0.5f * seg + 0.01f, 0.25f * tall, 0.012f, yaw, 0, -dn);
        } else {
            oy_build_box(b, m, x + 0.5f * dx, y + 0.5f * dy, z + 0.5f * dz, 0.5f * seg + 0.01f, 0.5f * tall, 0.012f,
                         yaw, 0, -dn);
        }
        x += dx;
        y += dy;
        z += dz;
    }
}

void oy_kind_lantern(oy_build *b)
{
    int iron = oy_build_mat(b, 0.04f, 0.04f, 0.04f);
    float n = b->look->night;
    int lamp = oy_build_glow(b, 1.0f, 0.7f, 0.35f, oy_lerpf(0.6f, 1.6f, n));
    oy_build_box(b, iron, 0, 0.8f, 0, 0.05f, 1.5f, 0.05f, 0, 0, 0);
    oy_build_box(b, lamp, 0, 2.45f, 0, 0.14f, 0.18f, 0.14f, 0, 0, 0);
    oy_build_frustum(b, iron, 0, 2.62f, 0, 0.22f, 0.0f, 0.18f);
    oy_build_light(b, 0, 2.45f, 0, 1.0f, 0.6f, 0.25f, 6.0f * n);
}

void oy_kind_tent(oy_build *b)
{
    static const float cols[4][3] = { { 0.45f, 0.16f, 0.04f }, { 0.12f, 0.2f, 0.08f },
                                      { 0.38f, 0.33f, 0.2f }, { 0.08f, 0.13f, 0.3f } };
    int ci = (int)oy_build_rand(b, 1, 0.0f, 3.999f);
    float n = b->look->night;
    int canvas = oy_build_mat(b, cols[ci][0], cols[ci][1], cols[ci][2]);
    if (n > 0.05f) {
        /* lit from inside: the canvas glows */
        for (int i = 0; i < 3; i++)
            b->m[canvas].emit[i] = cols[ci][i] * 0.15f * n / b->look->exposure;
    }
    int dark = oy_build_mat(b, 0.02f, 0.02f, 0.02f);
    oy_build_roof(b, canvas, 0, -0.05f, 0, 1.6f, 1.2f, 1.5f, PI * 0.5f);
    oy_build_roof(b, dark, 0, -0.05f, 1.55f, 0.1f, 0.5f, 0.9f, PI * 0.5f);
    if (n > 0.05f)
        oy_build_light(b, 0, 0.8f, 1.7f, 1.0f, 0.6f, 0.25f, 1.5f * n);
}

/* A beach umbrella: a pole, a low cone of bright
 * canvas with a pale rim, and a towel spread in its shade. */
void oy_kind_parasol(oy_build *b)
{
    static const float cols[5][3] = { { 0.6f, 0.06f, 0.04f }, { 0.05f, 0.2f, 0.55f }, { 0.75f, 0.55f, 0.05f },
                                      { 0.05f, 0.4f, 0.35f }, { 0.6f, 0.2f, 0.3f } };
    int ci = (int)oy_build_rand(b, 1, 0.0f, 4.999f), ti = (ci + 1 + (int)oy_build_rand(b, 2, 0.0f, 3.999f)) % 5;
    int canvas = oy_build_mat(b, cols[ci][0], cols[ci][1], cols[ci][2]);
    int rim = oy_build_mat(b, 0.75f, 0.73f, 0.68f);
    int towel = oy_build_mat(b, cols[ti][0], cols[ti][1], cols[ti][2]);
    int pole = oy_build_mat(b, 0.6f, 0.58f, 0.55f);
    oy_build_box(b, pole, 0, 1.1f, 0, 0.025f, 1.15f, 0.025f, 0, 0, 0);
    oy_build_frustum(b, rim, 0, 1.98f, 0, 1.25f, 1.15f, 0.06f);
    oy_build_frustum(b, canvas, 0, 2.03f, 0, 1.18f, 0.0f, 0.5f);
    float yaw = oy_build_rand(b, 3, 0.0f, PI);
    oy_build_box(b, towel, 0.4f * oy_cosf(yaw), 0.02f, 0.4f * oy_sinf(yaw), 0.45f, 0.02f, 0.9f, yaw, 0, 0);
}

static int paint(oy_build *b, int salt)
{
    static const float cols[5][3] = { { 0.5f, 0.48f, 0.44f }, { 0.35f, 0.06f, 0.04f },
                                      { 0.05f, 0.12f, 0.25f }, { 0.12f, 0.22f, 0.12f },
                                      { 0.15f, 0.1f, 0.06f } };
    int i = (int)oy_build_rand(b, salt, 0.0f, 4.999f);
    return oy_build_mat(b, cols[i][0], cols[i][1], cols[i][2]);
}

/* a boat's rower's coat: red, navy, olive or yellow oilskin */
static int rower_coat(oy_build *b)
{
    static const float coats[4][3] = { { 0.35f, 0.08f, 0.05f }, { 0.08f, 0.14f, 0.3f },
                                       { 0.25f, 0.27f, 0.12f }, { 0.6f, 0.45f, 0.08f } };
    const float *coat = coats[(int)oy_build_rand(b, 5, 0.0f, 3.999f)];
    return oy_build_mat(b, coat[0], coat[1], coat[2]);
}

void oy_kind_boat(oy_build *b)
{
    int hull = paint(b, 1);
    int wood = oy_build_mat(b, 0.17f, 0.12f, 0.07f);
    float len = oy_build_rand(b, 2, 3.5f, 5.0f);
    /* a hull that narrows to the bow and stern and rocks on the water */
    float rock = 0.04f * oy_sinf(b->t * 1.3f + oy_build_rand(b, 3, 0.0f, 6.0f));
    oy_build_box(b, hull, 0, 0.1f, 0, 0.7f, 0.32f, len * 0.32f, 0, 0, rock);
    oy_build_box(b, hull, 0, 0.1f, len * 0.33f, 0.5f, 0.32f, 0.5f, 0.785f, 0, rock);
    oy_build_box(b, hull, 0, 0.1f, -len * 0.33f, 0.45f, 0.32f, 0.45f, 0.785f, 0, rock);
    oy_build_box(b, wood, 0, 0.3f, 0, 0.62f, 0.05f, 0.18f, 0, 0, rock);
    /* its rower, seated on the thwart: a coat, a head, a cap */
    int cloth = rower_coat(b);
    int skin = oy_build_mat(b, 0.45f, 0.3f, 0.22f);
    oy_build_box(b, cloth, 0, 0.72f, -0.05f, 0.24f, 0.33f, 0.16f, 0, 0, rock);
    oy_build_ellipsoid(b, skin, 0, 1.18f, -0.05f, 0.11f, 0.13f, 0.11f);
    oy_build_ellipsoid(b, cloth, 0, 1.28f, -0.05f, 0.13f, 0.05f, 0.13f);
    if (oy_build_rand(b, 4, 0.0f, 1.0f) < 0.4f) {
        int sail = oy_build_mat(b, 0.6f, 0.57f, 0.5f);
        oy_build_frustum(b, wood, 0, 0.3f, len * 0.1f, 0.05f, 0.04f, 5.0f);
        oy_build_roof(b, sail, 0.02f, 0.9f, -len * 0.15f, 0.02f, len * 0.25f, 3.8f, 0);
    }
}

/* A rowing boat: a hull that narrows to bow and stern, two thwarts, and
 * its rower seated facing the stern, pulling a pair of oars whose blades
 * dip and lift through the stroke. */
void oy_kind_rowboat(oy_build *b)
{
    int hull = paint(b, 1);
    int wood = oy_build_mat(b, 0.2f, 0.15f, 0.09f);
    float len = oy_build_rand(b, 2, 3.2f, 4.2f);
    float rock = 0.04f * oy_sinf(b->t * 1.3f + oy_build_rand(b, 3, 0.0f, 6.0f));
    oy_build_box(b, hull, 0, 0.1f, 0, 0.68f, 0.3f, len * 0.32f, 0, 0, rock);
    oy_build_box(b, hull, 0, 0.1f, len * 0.33f, 0.48f, 0.3f, 0.48f, 0.785f, 0, rock);
    oy_build_box(b, hull, 0, 0.12f, -len * 0.3f, 0.6f, 0.28f, 0.16f, 0, 0, rock);   /* a square stern */
    for (int i = -1; i <= 1; i += 2)
        oy_build_box(b, wood, 0, 0.3f, (float)i * 0.22f * len, 0.62f, 0.04f, 0.15f, 0, 0, rock);
    int cloth = rower_coat(b);
    int skin = oy_build_mat(b, 0.45f, 0.3f, 0.22f);
    float seat = 0.22f * len, ph = b->t * 1.4f + oy_build_rand(b, 6, 0.0f, 6.0f), stroke = oy_sinf(ph);
    oy_build_box(b, cloth, 0, 0.72f, seat, 0.24f, 0.33f, 0.16f, 0, 0.25f * stroke, rock);
    oy_build_ellipsoid(b, skin, 0, 1.17f, seat + 0.1f * stroke, 0.11f, 0.13f, 0.11f);
    /* the oars, 2.6 m: from the rowlocks out and down to the water, swept
     * fore and aft with the stroke, the blades lifted on the return */
    float sweep = 0.45f * stroke, dip = 0.2f + 0.08f * oy_cosf(ph);
    for (int s = -1; s <= 1; s += 2) {
        float yaw = (float)s * (1.5708f + sweep);
        float dx = oy_cosf(dip) * oy_sinf(yaw), dy = -oy_sinf(dip), dz = oy_cosf(dip) * oy_cosf(yaw);
        oy_build_box(b, wood, (float)s * 0.6f + 0.5f * dx, 0.45f + 0.5f * dy, seat - 0.15f + 0.5f * dz, 0.03f,
                     0.03f, 1.3f, yaw, dip, 0);
    }
}

/* A sailing boat: a white or painted hull 6-9 m long with a low cabin, a
 * mast, a mainsail on its boom and a jib forward, heeled a little by the
 * wind; a sailor at the tiller. */
void oy_kind_sailboat(oy_build *b)
{
    static const float hulls[4][3] = { { 0.75f, 0.75f, 0.72f }, { 0.7f, 0.7f, 0.68f },
                                       { 0.05f, 0.1f, 0.25f }, { 0.45f, 0.07f, 0.05f } };
    const float *hc = hulls[(int)oy_build_rand(b, 1, 0.0f, 3.999f)];
    int hull = oy_build_mat(b, hc[0], hc[1], hc[2]);
    int deck = oy_build_mat(b, 0.45f, 0.35f, 0.22f);
    int sail = oy_build_mat(b, 0.8f, 0.78f, 0.72f);
    int spar = oy_build_mat(b, 0.5f, 0.5f, 0.5f);
    float len = oy_build_rand(b, 2, 6.0f, 9.0f), mast = 1.3f * len;
    float heel = 0.05f + 0.08f * b->look->wind + 0.02f * oy_sinf(b->t * 0.9f + oy_build_rand(b, 3, 0.0f, 6.0f));
    float hw = 0.14f * len;
    oy_build_box(b, hull, 0, 0.25f, -0.05f * len, hw, 0.5f, 0.33f * len, 0, 0, heel);
    oy_build_box(b, hull, 0, 0.25f, 0.3f * len, 0.72f * hw, 0.5f, 0.72f * hw, 0.785f, 0, heel);
    oy_build_box(b, deck, 0, 0.76f, -0.05f * len, 0.92f * hw, 0.02f, 0.32f * len, 0, 0, heel);
    oy_build_box(b, hull, 0, 1.0f, 0.02f * len, 0.6f * hw, 0.25f, 0.14f * len, 0, 0, heel);   /* cabin */
    float lean = -oy_sinf(heel);   /* the mast leans with the hull */
    oy_build_box(b, spar, lean * 0.5f * mast, 0.75f + 0.5f * mast, 0.1f * len, 0.05f, 0.5f * mast, 0.05f, 0,
                 0, heel);
    oy_build_box(b, spar, lean * 2.2f, 2.0f, -0.12f * len, 0.04f, 0.04f, 0.22f * len, 0, 0, heel);   /* boom */
    /* the sails: thin triangles, the main aft of the mast, the jib to the bow */
    oy_build_roof(b, sail, lean * (0.5f * mast + 1.0f), 1.5f, -0.12f * len + 0.02f, 0.02f, 0.21f * len,
                  mast - 1.5f, 0);
    oy_build_roof(b, sail, lean * 0.4f * mast, 1.1f, 0.25f * len, 0.02f, 0.14f * len, 0.8f * mast, 0);
    int skin = oy_build_mat(b, 0.45f, 0.3f, 0.22f);
    int coat = oy_build_mat(b, 0.12f, 0.16f, 0.3f);
    oy_build_box(b, coat, 0, 1.1f, -0.33f * len, 0.2f, 0.3f, 0.15f, 0, 0, heel);
    oy_build_ellipsoid(b, skin, 0, 1.52f, -0.33f * len, 0.1f, 0.12f, 0.1f);
}

/* A canoe: a long narrow hull pointed at both ends, riding low, a
 * paddler kneeling amidships whose paddle dips on one side and then the
 * other. */
void oy_kind_canoe(oy_build *b)
{
    static const float cols[4][3] = { { 0.4f, 0.07f, 0.04f }, { 0.1f, 0.22f, 0.1f },
                                      { 0.55f, 0.4f, 0.08f }, { 0.25f, 0.15f, 0.08f } };
    const float *c = cols[(int)oy_build_rand(b, 1, 0.0f, 3.999f)];
    int hull = oy_build_mat(b, c[0], c[1], c[2]);
    int wood = oy_build_mat(b, 0.2f, 0.14f, 0.08f);
    float len = oy_build_rand(b, 2, 4.2f, 5.2f);
    float rock = 0.03f * oy_sinf(b->t * 1.1f + oy_build_rand(b, 3, 0.0f, 6.0f));
    oy_build_ellipsoid(b, hull, 0, 0.05f, 0, 0.42f, 0.3f, 0.5f * len);
    oy_build_ellipsoid(b, wood, 0, 0.33f, 0, 0.36f, 0.03f, 0.46f * len);
    static const float coats[3][3] = { { 0.5f, 0.12f, 0.05f }, { 0.08f, 0.14f, 0.3f }, { 0.2f, 0.24f, 0.1f } };
    const float *w = coats[(int)oy_build_rand(b, 5, 0.0f, 2.999f)];
    int cloth = oy_build_mat(b, w[0], w[1], w[2]);
    int skin = oy_build_mat(b, 0.45f, 0.3f, 0.22f);
    oy_build_box(b, cloth, 0, 0.62f, -0.1f * len, 0.2f, 0.3f, 0.14f, 0, 0, rock);
    oy_build_ellipsoid(b, skin, 0, 1.03f, -0.1f * len, 0.1f, 0.12f, 0.1f);
    float stroke = oy_sinf(b->t * 1.6f + oy_build_rand(b, 6, 0.0f, 6.0f));
    float side = stroke > 0.0f ? 1.0f : -1.0f;
    oy_build_box(b, wood, side * 0.45f, 0.55f, -0.1f * len + 0.3f * stroke, 0.025f, 0.7f, 0.025f, 0,
                 0.4f * stroke, -side * 0.5f);
}

void oy_kind_ship(oy_build *b)
{
    int hull = oy_build_mat(b, 0.08f, 0.05f, 0.035f);
    int deck = oy_build_mat(b, 0.2f, 0.15f, 0.1f);
    int sail = oy_build_mat(b, 0.6f, 0.57f, 0.5f);
    int win = oy_build_window(b);
    float len = oy_build_rand(b, 2, 26.0f, 38.0f), hw = len * 0.13f;
    oy_build_box(b, hull, 0, 0.8f, 0, hw, 2.2f, len * 0.36f, 0, 0, 0);
    oy_build_box(b, hull, 0, 0.8f, len * 0.36f, hw * 0.72f, 2.2f, hw * 0.72f, 0.785f, 0, 0);
    oy_build_box(b, hull, 0, 1.6f, -len * 0.38f, hw * 0.95f, 2.6f, len * 0.08f, 0, 0, 0);
    oy_build_box(b, deck, 0, 3.05f, 0, hw * 0.9f, 0.06f, len * 0.36f, 0, 0, 0);
    for (int i = 0; i < 4; i++)
        oy_build_box(b, win, hw * 0.96f, 1.9f, -len * 0.25f + (float)i * len * 0.12f, 0.05f, 0.25f, 0.3f, 0, 0, 0);
    int masts = len > 30.0f ? 3 : 2;
    for (int i = 0; i < masts; i++) {
        float z = (((float)i + 0.5f) / (float)masts - 0.5f) * len * 0.6f;
        float mh = len * (0.75f - 0.1f * (float)((i + 1) % 2));
        oy_build_frustum(b, deck, 0, 3.0f, z, 0.3f, 0.18f, mh);
        for (int s = 0; s < 3; s++) {
            float y = 3.0f + mh * (0.3f + 0.22f * (float)s), w = hw * (2.0f - 0.45f * (float)s);
            oy_build_box(b, sail, 0, y, z + 0.3f, w, mh * 0.1f, 0.08f, 0, 0.12f, 0);
        }
    }
}

/* A motor ship's hull, bow forward (+z): a long box with a pointed bow
 * and a squared stern, freeboard fb over the water; returns its half
 * length. */
static float motor_hull(oy_build *b, int mat, float len, float hw, float fb)
{
    oy_build_box(b, mat, 0, 0.5f * fb - 1.5f, -0.06f * len, hw, 0.5f * fb + 1.5f, 0.4f * len, 0, 0, 0);
    oy_build_box(b, mat, 0, 0.5f * fb - 1.5f, 0.34f * len, hw * 0.7f, 0.5f * fb + 1.5f, hw * 0.7f, 0.785f, 0, 0);
    return 0.5f * len;
}

/* A cargo ship: a long dark hull (the words' colour), four rows of
 * containers in four colours stacked two and three high on its deck (at
 * most 48 boxes, within a prototype's primitives), a white bridge house
 * aft with a row of windows (lit at night) under its roof, a funnel
 * behind it, a mast at the bow. */
void oy_kind_cargo_ship(oy_build *b)
{
    int hull = oy_build_mat(b, 0.22f, 0.05f, 0.04f);
    int white = oy_build_mat(b, 0.7f, 0.7f, 0.68f);
    int win = oy_build_window(b);
    static const float box[4][3] = { { 0.3f, 0.08f, 0.05f }, { 0.06f, 0.14f, 0.3f },
                                     { 0.08f, 0.2f, 0.1f }, { 0.45f, 0.25f, 0.05f } };
    int cont[4];
    for (int i = 0; i < 4; i++)
        cont[i] = oy_build_mat(b, box[i][0], box[i][1], box[i][2]);
    float len = oy_build_rand(b, 2, 60.0f, 76.0f), hw = 6.0f, fb = 4.0f;
    float half = motor_hull(b, hull, len, hw, fb);
    /* the containers: six-metre boxes, four abreast */
    for (int row = 0; row < 4; row++) {
        float z = -0.1f * len + 6.4f * (float)row;
        for (int col = -2; col < 2; col++) {
            int h = 2 + (oy_build_rand(b, 10 + row * 4 + col + 2, 0.0f, 1.0f) < 0.5f);
            for (int k = 0; k < h; k++) {
                int c = (int)oy_build_rand(b, 40 + row * 16 + (col + 2) * 4 + k, 0.0f, 3.999f);
                oy_build_box(b, cont[c], 2.5f * (float)col + 1.25f, fb + 1.3f + 2.6f * (float)k, z, 1.2f, 1.25f,
                             3.0f, 0, 0, 0);
            }
        }
    }
    /* the bridge house aft, its windows, the funnel and a bow mast */
    float zb = -half + 7.0f;
    oy_build_box(b, white, 0, fb + 5.5f, zb, hw - 0.5f, 5.5f, 3.5f, 0, 0, 0);
    oy_build_box(b, white, 0, fb + 11.2f, zb, hw + 1.0f, 0.2f, 3.8f, 0, 0, 0);
    oy_build_box(b, win, 0, fb + 10.0f, zb + 3.52f, hw - 1.0f, 0.55f, 0.04f, 0, 0, 0);
    oy_build_frustum(b, hull, 0, fb + 11.0f, zb - 4.5f, 1.6f, 1.3f, 5.0f);
    oy_build_frustum(b, white, 0, fb, half - 6.0f, 0.25f, 0.15f, 12.0f);
}

/* A cruise ship: a white hull with a dark band at the water (the words'
 * colour), five decks stepping back toward the stern, each with its row
 * of windows along both sides (lit at night), a funnel with a coloured
 * top aft. */
void oy_kind_cruise_ship(oy_build *b)
{
    int band = oy_build_mat(b, 0.04f, 0.07f, 0.2f);
    int white = oy_build_mat(b, 0.78f, 0.78f, 0.76f);
    int win = oy_build_window(b);
    int top = oy_build_mat(b, 0.45f, 0.06f, 0.04f);
    float len = oy_build_rand(b, 2, 70.0f, 84.0f), hw = 7.0f, fb = 6.0f;
    float half = motor_hull(b, white, len, hw, fb);
    oy_build_box(b, band, 0, 0.3f, -0.06f * len, hw + 0.03f, 0.6f, 0.4f * len + 0.03f, 0, 0, 0);
    for (int d = 0; d < 5; d++) {
        float y = fb + 1.4f + 2.8f * (float)d, dl = 0.4f * len - 5.0f * (float)d, dz = -0.06f * len - 3.0f * (float)d;
        float dw = hw - 0.4f - 0.25f * (float)d;
        oy_build_box(b, white, 0, y, dz, dw, 1.4f, dl, 0, 0, 0);
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, win, (float)s * (dw + 0.02f), y + 0.3f, dz, 0.03f, 0.45f, dl - 1.5f, 0, 0, 0);
    }
    oy_build_box(b, win, 0, fb - 1.5f, -0.06f * len, hw + 0.04f, 0.4f, 0.4f * len - 4.0f, 0, 0, 0);
    oy_build_frustum(b, white, 0, fb + 14.0f, -0.25f * half, 2.2f, 1.8f, 6.0f);
    oy_build_frustum(b, top, 0, fb + 20.0f, -0.25f * half, 1.8f, 1.7f, 1.8f);
}

/* dust a vehicle raises on dry ground: puffs left behind where it passed
 * (fixed in the world as it drives on), growing and thinning with age */
static void dust(oy_build *b, float rear, float width)
{
    float k = oy_smoothstepf(0.5f, 4.0f, b->speed) * oy_smoothstepf(0.3f, 0.8f, b->look->dry);
    if (k <= 0.0f)
        return;
    const float spacing = 2.5f, trail = 15.0f;
    int thick = oy_build_soft(b, 0.45f, 0.38f, 0.3f, 0.4f * k, 0.0f);
    int thin = oy_build_soft(b, 0.45f, 0.38f, 0.3f, 0.15f * k, 0.0f);
    float off = b->stride - spacing * (float)(int)(b->stride / spacing);
    for (int i = 0; i < (int)(trail / spacing); i++) {
        float back = off + spacing * (float)i, age = back / trail;
        float r = 0.5f + 1.6f * age;
        oy_build_ellipsoid(b, age < 0.4f ? thick : thin, width * 0.3f * (float)((i & 1) * 2 - 1),
                           0.3f + 0.8f * r, -rear - back, r * 1.2f, r, r * 1.4f);
    }
}

static void wheels(oy_build *b, int mat, float hx, float hz, float r)
{
    for (int i = 0; i < 4; i++)
        oy_build_ellipsoid(b, mat, i % 2 ? hx : -hx, r, i < 2 ? hz : -hz, 0.08f, r, r);
}

void oy_kind_wagon(oy_build *b)
{
    int wood = oy_build_mat(b, 0.18f, 0.12f, 0.07f);
    int canvas = oy_build_mat(b, 0.5f, 0.47f, 0.38f);
    wheels(b, wood, 0.85f, 1.4f, 0.55f);
    oy_build_box(b, wood, 0, 0.9f, 0, 0.8f, 0.2f, 1.9f, 0, 0, 0);
    oy_build_ellipsoid(b, canvas, 0, 1.1f, 0, 0.95f, 1.1f, 1.75f);
    dust(b, 2.0f, 1.8f);
    /* the horse that pulls it */
    int from = b->n, light = b->nl;
    oy_kind_horse(b);
    oy_build_shift(b, from, light, 0, 0, 3.4f);
}

void oy_kind_car(oy_build *b)
{
    int body = paint(b, 1);
    int tyre = oy_build_mat(b, 0.02f, 0.02f, 0.02f);
    int glass_ = oy_build_mat(b, 0.02f, 0.025f, 0.03f);
    wheels(b, tyre, 0.8f, 1.35f, 0.33f);
    oy_build_box(b, body, 0, 0.68f, 0, 0.88f, 0.32f, 2.2f, 0, 0, 0);
    oy_build_box(b, glass_, 0, 1.18f, -0.2f, 0.8f, 0.2f, 1.1f, 0, 0, 0);
    oy_build_box(b, body, 0, 1.41f, -0.25f, 0.8f, 0.04f, 0.95f, 0, 0, 0);
    dust(b, 2.3f, 1.8f);
    float n = b->look->night;
    if (n > 0.05f) {
        int lamp = oy_build_glow(b, 1.0f, 0.95f, 0.85f, 3.0f * n);
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, lamp, s * 0.62f, 0.78f, 2.21f, 0.14f, 0.06f, 0.02f, 0, 0, 0);
        oy_build_light(b, 0, 0.8f, 4.0f, 1.0f, 0.95f, 0.85f, 12.0f * n);
    }
}

/* A farm tractor along +z, 4 m long: big ribbed rear wheels under
 * mudguards, small front ones, a long bonnet with its grille and
 * exhaust stack, a glazed cab on four posts over the rear axle; its body
 * tractor red, green, blue or orange (material 0); headlamps at night,
 * dust behind it when it drives on dry ground. */
void oy_kind_tractor(oy_build *b)
{
    static const float cols[4][3] = { { 0.42f, 0.05f, 0.03f }, { 0.06f, 0.22f, 0.05f },
                                      { 0.04f, 0.1f, 0.3f }, { 0.55f, 0.2f, 0.02f } };
    int c = (int)oy_build_rand(b, 1, 0.0f, 3.999f);
    int body = oy_build_mat(b, cols[c][0], cols[c][1], cols[c][2]);
    int tyre = oy_build_mat(b, 0.025f, 0.025f, 0.025f);
    int hub = oy_build_mat(b, 0.5f, 0.42f, 0.1f);
    int iron = oy_build_mat(b, 0.05f, 0.05f, 0.05f);
    int glass = oy_build_window(b);
    /* the wheels: tyres with treads, and a painted hub in each */
    for (int s = -1; s <= 1; s += 2) {
        float x = (float)s;
        oy_build_ellipsoid(b, tyre, 0.88f * x, 0.82f, -0.7f, 0.24f, 0.82f, 0.82f);
        oy_build_ellipsoid(b, hub, 1.0f * x, 0.82f, -0.7f, 0.14f, 0.42f, 0.42f);
        for (int i = 0; i < 8; i++) {
            float a = 2.0f * PI * (float)i / 8.0f;
            oy_build_box(b, tyre, 0.88f * x, 0.82f + 0.78f * oy_cosf(a), -0.7f + 0.78f * oy_sinf(a), 0.25f, 0.07f,
                         0.12f, 0, a, 0);
        }
        oy_build_ellipsoid(b, tyre, 0.72f * x, 0.46f, 1.55f, 0.16f, 0.46f, 0.46f);
        oy_build_ellipsoid(b, hub, 0.8f * x, 0.46f, 1.55f, 0.1f, 0.22f, 0.22f);
        /* the mudguard over the rear wheel */
        oy_build_box(b, body, 0.88f * x, 1.7f, -0.7f, 0.3f, 0.05f, 0.75f, 0, 0, 0);
    }
    /* the frame, the bonnet with its grille, the exhaust stack */
    oy_build_box(b, iron, 0, 0.7f, 0.4f, 0.35f, 0.22f, 1.5f, 0, 0, 0);
    oy_build_box(b, body, 0, 1.2f, 0.95f, 0.42f, 0.34f, 1.0f, 0, 0, 0);
    oy_build_box(b, iron, 0, 1.15f, 1.96f, 0.36f, 0.28f, 0.03f, 0, 0, 0);
    oy_build_frustum(b, iron, 0.25f, 1.5f, 1.4f, 0.06f, 0.05f, 1.0f);
    /* the cab: its floor and seat box, glass all round, four posts and a
     * roof */
    oy_build_box(b, body, 0, 1.35f, -0.65f, 0.6f, 0.3f, 0.62f, 0, 0, 0);
    oy_build_box(b, glass, 0, 2.15f, -0.65f, 0.56f, 0.5f, 0.58f, 0, 0, 0);
    for (int i = 0; i < 4; i++)
        oy_build_box(b, iron, i & 1 ? 0.6f : -0.6f, 2.15f, i < 2 ? -0.05f : -1.25f, 0.04f, 0.52f, 0.04f, 0, 0, 0);
    oy_build_box(b, body, 0, 2.7f, -0.65f, 0.68f, 0.05f, 0.7f, 0, 0, 0);
    dust(b, 1.6f, 2.0f);
    float n = b->look->night;
    if (n > 0.05f) {
        int lamp = oy_build_glow(b, 1.0f, 0.95f, 0.85f, 3.0f * n);
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, lamp, (float)s * 0.3f, 1.3f, 1.97f, 0.08f, 0.06f, 0.02f, 0, 0, 0);
        oy_build_light(b, 0, 1.2f, 4.0f, 1.0f, 0.95f, 0.85f, 12.0f * n);
    }
}

/* A steam train along +z, 60 m from the locomotive's buffer beam at
 * +30 to the last carriage's end: the locomotive (a black boiler on a
 * running board, its chimney, dome and cab, three driving wheels a
 * side), its tender and three carriages (the body's colour, material 0;
 * a rounded roof, a band of windows lit at night), on a pair of rails
 * and a bed of ballast that run on 10 m past either end, the bed a low
 * bank 1.7 m deep where the ground dips; steam from the chimney drifts
 * back over it. */
void oy_kind_train(oy_build *b)
{
    int body = oy_build_mat(b, 0.33f, 0.07f, 0.05f);
    int black = oy_build_mat(b, 0.035f, 0.035f, 0.04f);
    int iron = oy_build_mat(b, 0.09f, 0.085f, 0.08f);
    int red = oy_build_mat(b, 0.45f, 0.05f, 0.03f);
    int roof = oy_build_mat(b, 0.22f, 0.22f, 0.21f);
    int ballast = oy_build_stone(b, 0.3f, 0.27f, 0.23f);
    int glass = oy_build_window(b);
    int steam = oy_build_soft(b, 0.88f, 0.88f, 0.9f, 0.45f, 0.0f);
    /* the track */
    oy_build_box(b, ballast, 0, -0.55f, 0, 1.8f, 0.85f, 40.0f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, iron, s * 0.72f, 0.38f, 0, 0.04f, 0.08f, 40.0f, 0, 0, 0);
    /* the locomotive */
    oy_build_box(b, black, 0, 1.5f, 24.5f, 1.3f, 0.12f, 5.5f, 0, 0, 0);
    oy_build_ellipsoid(b, black, 0, 2.55f, 25.2f, 1.1f, 1.1f, 4.4f);
    oy_build_ellipsoid(b, iron, 0, 2.55f, 29.1f, 1.12f, 1.12f, 0.6f);
    oy_build_frustum(b, black, 0, 3.3f, 28.2f, 0.32f, 0.42f, 1.3f);
    oy_build_ellipsoid(b, black, 0, 3.55f, 25.5f, 0.5f, 0.45f, 0.6f);
    oy_build_box(b, black, 0, 2.95f, 20.3f, 1.35f, 1.45f, 1.3f, 0, 0, 0);
    oy_build_box(b, black, 0, 4.45f, 20.3f, 1.5f, 0.08f, 1.6f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2) {
        oy_build_box(b, glass, s * 1.36f, 3.45f, 20.4f, 0.02f, 0.4f, 0.55f, 0, 0, 0);
        for (int i = 0; i < 3; i++)
            oy_build_ellipsoid(b, red, s * 0.95f, 1.15f, 22.0f + 2.0f * (float)i, 0.1f, 0.85f, 0.85f);
    }
    oy_build_box(b, red, 0, 1.35f, 30.1f, 1.4f, 0.3f, 0.15f, 0, 0, 0);
    /* the tender */
    oy_build_box(b, black, 0, 2.15f, 15.0f, 1.35f, 1.2f, 3.0f, 0, 0, 0);
    oy_build_box(b, iron, 0, 0.8f, 15.0f, 1.0f, 0.42f, 2.8f, 0, 0, 0);
    /* the carriages */
    for (int i = 0; i < 3; i++) {
        float zc = 4.5f - 14.0f * (float)i;
        oy_build_box(b, body, 0, 2.4f, zc, 1.4f, 1.25f, 6.4f, 0, 0, 0);
        oy_build_ellipsoid(b, roof, 0, 3.62f, zc, 1.38f, 0.38f, 6.45f);
        oy_build_box(b, iron, 0, 0.82f, zc, 1.0f, 0.42f, 5.2f, 0, 0, 0);
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, glass, s * 1.41f, 2.85f, zc, 0.02f, 0.42f, 5.6f, 0, 0, 0);
    }
    /* steam, thinning as it drifts back */
    for (int i = 0; i < 4; i++) {
        float k = (float)i, bob = 0.3f * oy_sinf(1.3f * b->t + k);
        oy_build_ellipsoid(b, steam, 0.2f * k, 5.0f + 0.7f * k + bob, 28.0f - 2.6f * k, 0.8f + 0.5f * k,
                           0.7f + 0.35f * k, 1.0f + 0.7f * k);
    }
    float n = b->look->night;
    if (n > 0.05f) {
        int lamp = oy_build_glow(b, 1.0f, 0.9f, 0.7f, 3.0f * n);
        oy_build_ellipsoid(b, lamp, 0, 3.0f, 29.75f, 0.22f, 0.22f, 0.08f);
        oy_build_light(b, 0, 3.0f, 31.5f, 1.0f, 0.9f, 0.7f, 14.0f * n);
    }
}

/* A hot air balloon: an envelope of two colours in upright gores, 19 m
 * tall and 16 m across, tapering to its mouth over a wicker basket; its
 * basket rides 13-33 m over the ground (12 m below to 8 m above where
 * the world lifts it), bobbing a little, and its burner flares now and
 * then. */
/* A spaceship landed, nose +z: a long pale hull 30 m from its nose to
 * its engines with a dark band along it, a glass canopy over the nose,
 * swept wings with fins at their tips, a tall tail fin, two engines
 * glowing blue at the back, and three landing legs on pads; lights
 * blink at its wing tips, and by night it lights the ground under it. */
void oy_kind_spaceship(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.9f, 1.1f);
    int hull = oy_build_mat(b, 0.55f * k, 0.56f * k, 0.58f * k);   /* first: what a colour word paints */
    int dark = oy_build_mat(b, 0.08f, 0.085f, 0.1f);
    int glass = oy_build_mat(b, 0.03f, 0.05f, 0.08f);
    int engine = oy_build_glow(b, 0.45f, 0.75f, 1.0f, 1.2f + 1.0f * b->look->night);
    float blink = oy_sinf(b->t * 3.0f + oy_build_rand(b, 2, 0.0f, 6.0f)) > 0.3f ? 1.0f : 0.0f;
    int lamp = oy_build_glow(b, 1.0f, 0.25f, 0.15f, 0.3f + 2.5f * blink);
    float y = 4.2f;
    oy_build_ellipsoid(b, hull, 0, y, -1.0f, 4.2f, 2.1f, 13.0f);
    oy_build_ellipsoid(b, dark, 0, y - 0.1f, -1.0f, 4.3f, 0.35f, 12.6f);
    oy_build_ellipsoid(b, hull, 0, y - 0.2f, 9.5f, 2.4f, 1.4f, 5.5f);
    oy_build_ellipsoid(b, glass, 0, y + 1.3f, 7.5f, 1.5f, 0.9f, 3.0f);
    for (int s = -1; s <= 1; s += 2) {
        /* a wing swept back from the hull's side, a fin at its tip */
        oy_build_box(b, hull, (float)s * 7.5f, y - 0.6f, -4.0f, 5.5f, 0.28f, 3.2f, (float)s * 0.45f, 0,
                     (float)s * 0.08f);
        oy_build_box(b, dark, (float)s * 12.3f, y + 0.6f, -7.6f, 0.22f, 1.8f, 1.8f, 0, 0.3f, 0);
        oy_build_ellipsoid(b, lamp, (float)s * 12.3f, y + 2.5f, -8.2f, 0.25f, 0.25f, 0.25f);
        /* an engine either side of the tail, glowing at its mouth */
        oy_build_ellipsoid(b, dark, (float)s * 2.3f, y - 0.2f, -12.0f, 1.4f, 1.4f, 3.0f);
        oy_build_ellipsoid(b, engine, (float)s * 2.3f, y - 0.2f, -14.8f, 1.05f, 1.05f, 0.45f);
        /* the rear legs, splayed, on pads */
        oy_build_box(b, dark, (float)s * 3.6f, 0.5f * y - 0.6f, -5.0f, 0.22f, 0.5f * y, 0.22f, 0, 0, (float)s * 0.35f);
        oy_build_box(b, dark, (float)s * 4.3f, 0.1f, -5.0f, 0.7f, 0.12f, 0.7f, 0, 0, 0);
    }
    oy_build_box(b, hull, 0, y + 3.4f, -10.5f, 0.25f, 3.0f, 1.6f, 0, 0.6f, 0);
    oy_build_box(b, dark, 0, 0.5f * y - 0.6f, 8.0f, 0.22f, 0.5f * y, 0.22f, 0, -0.25f, 0);
    oy_build_box(b, dark, 0, 0.1f, 8.5f, 0.7f, 0.12f, 0.7f, 0, 0, 0);
    if (b->look->night > 0.05f)
        oy_build_light(b, 0, 1.0f, -3.0f, 0.5f, 0.75f, 1.0f, 12.0f * b->look->night);
}

/* An airliner 34 m long, side on, flying 17-37 m over the land and
 * crossing the view at 30 m/s (its nose along +z), over its place 1.5 s
 * into the shot: a white hull with a
 * band of windows, swept wings with an engine under each, a tail in a
 * colour, lamps blinking at the wing tips. Crashed ("a crashed plane"),
 * it lies on the ground broken in two, scorched, a wing torn off, black
 * smoke rising from it. */
void oy_kind_airplane(oy_build *b)
{
    static const float tails[4][3] = {
        { 0.6f, 0.06f, 0.05f }, { 0.05f, 0.15f, 0.45f }, { 0.9f, 0.55f, 0.05f }, { 0.1f, 0.35f, 0.2f },
    };
    int wreck = b->look->derelict;
    float k = wreck ? 0.45f : 1.0f;
    int hull = oy_build_mat(b, 0.82f * k, 0.83f * k, 0.85f * k);   /* first: what a colour word paints */
    int dark = oy_build_mat(b, 0.05f, 0.055f, 0.06f);
    const float *tc = tails[(int)oy_build_rand(b, 1, 0.0f, 3.999f)];
    int tail = oy_build_mat(b, tc[0] * k, tc[1] * k, tc[2] * k);
    int metal = oy_build_mat(b, 0.45f * k, 0.46f * k, 0.48f * k);
    if (wreck) {
        /* the front half on its belly, the rear broken off and turned,
         * the tail leaning; one wing still on, the other apart */
        oy_build_ellipsoid(b, hull, 0, 1.5f, 7.0f, 2.0f, 2.1f, 10.0f);
        oy_build_box(b, dark, 0, 2.1f, 7.0f, 2.05f, 0.18f, 6.5f, 0, 0, 0);
        oy_build_ellipsoid(b, dark, 0, 1.5f, -1.6f, 1.7f, 1.8f, 0.5f);
        oy_build_ellipsoid(b, hull, 2.5f, 1.4f, -9.0f, 1.9f, 2.0f, 7.5f);
        oy_build_ellipsoid(b, dark, 2.5f, 1.4f, -2.0f, 1.6f, 1.7f, 0.5f);
        oy_build_box(b, tail, 3.4f, 5.8f, -13.5f, 0.22f, 3.0f, 2.0f, 0, 0.5f, -0.35f);
        oy_build_box(b, metal, -8.0f, 0.45f, 5.0f, 7.0f, 0.25f, 2.2f, -0.35f, 0, 0.05f);
        oy_build_box(b, metal, 13.0f, 0.1f, 12.0f, 6.0f, 0.22f, 2.0f, 0.9f, 0, -0.1f);
        oy_build_ellipsoid(b, dark, -6.0f, 0.9f, 7.5f, 0.9f, 0.9f, 2.1f);
        int young = oy_build_soft(b, 0.08f, 0.08f, 0.08f, 0.6f, 0.0f);
        int old = oy_build_soft(b, 0.2f, 0.2f, 0.21f, 0.3f, 0.0f);
        int from = b->n;
        oy_build_plume(b, young, old, 12, 7.0f, 1.0f, 22.0f, 1.2f, 5.0f, 2.0f);
        oy_build_shift(b, from, b->nl, 0.0f, 1.5f, -1.0f);
        return;
    }
    int glass = oy_build_mat(b, 0.02f, 0.03f, 0.05f);
    float blink = oy_sinf(b->t * 4.0f + oy_build_rand(b, 2, 0.0f, 6.0f)) > 0.5f ? 1.0f : 0.0f;
    int red = oy_build_glow(b, 1.0f, 0.12f, 0.08f, 0.4f + 2.0f * blink);
    int green = oy_build_glow(b, 0.15f, 1.0f, 0.3f, 0.4f + 2.0f * blink);
    float y = oy_build_rand(b, 3, -8.0f, 12.0f), z = 30.0f * (b->t - 1.5f);
    /* the hull: a long body, rounded at the nose, narrowing to the tail */
    oy_build_ellipsoid(b, hull, 0, y, z, 2.0f, 2.1f, 17.0f);
    oy_build_ellipsoid(b, hull, 0, y, z + 1.0f, 2.05f, 2.15f, 12.5f);
    oy_build_box(b, glass, 0, y + 0.55f, z + 1.5f, 2.08f, 0.16f, 10.5f, 0, 0, 0);
    oy_build_ellipsoid(b, glass, 0, y + 0.8f, z + 14.6f, 1.35f, 0.5f, 1.3f);
    for (int s = -1; s <= 1; s += 2) {
        /* a wing swept back, with a little dihedral, an engine under it */
        oy_build_box(b, metal, (float)s * 8.8f, y - 0.9f, z - 1.5f, 8.0f, 0.22f, 2.0f, (float)s * 0.5f, 0,
                     (float)s * 0.08f);
        oy_build_ellipsoid(b, hull, (float)s * 5.8f, y - 2.0f, z + 1.6f, 0.95f, 0.95f, 2.3f);
        oy_build_ellipsoid(b, dark, (float)s * 5.8f, y - 2.0f, z + 3.8f, 0.8f, 0.8f, 0.2f);
        oy_build_ellipsoid(b, s < 0 ? red : green, (float)s * 15.9f, y - 0.25f, z - 6.0f, 0.25f, 0.25f, 0.25f);
        /* a tailplane each side */
        oy_build_box(b, tail, (float)s * 3.5f, y + 0.6f, z - 15.0f, 3.4f, 0.15f, 1.2f, (float)s * 0.5f, 0, 0);
    }
    /* the fin, swept back, in the airline's colour */
    oy_build_box(b, tail, 0, y + 3.8f, z - 14.5f, 0.2f, 3.0f, 2.0f, 0, 0.55f, 0);
}

void oy_kind_balloon(oy_build *b)
{
    static const float colours[6][2][3] = {
        { { 0.75f, 0.08f, 0.05f }, { 0.9f, 0.75f, 0.1f } }, { { 0.08f, 0.2f, 0.65f }, { 0.9f, 0.9f, 0.88f } },
        { { 0.9f, 0.4f, 0.05f }, { 0.35f, 0.1f, 0.45f } }, { { 0.1f, 0.45f, 0.15f }, { 0.92f, 0.8f, 0.15f } },
        { { 0.85f, 0.85f, 0.82f }, { 0.7f, 0.06f, 0.1f } }, { { 0.05f, 0.5f, 0.6f }, { 0.95f, 0.55f, 0.1f } },
    };
    const float (*c)[3] = colours[(int)oy_build_rand(b, 1, 0.0f, 5.999f)];
    int main_ = oy_build_mat(b, c[0][0], c[0][1], c[0][2]);
    int band = oy_build_mat(b, c[1][0], c[1][1], c[1][2]);
    int wicker = oy_build_mat(b, 0.3f, 0.19f, 0.09f);
    int rope = oy_build_mat(b, 0.12f, 0.1f, 0.08f);
    float t = b->t, y0 = oy_build_rand(b, 2, -12.0f, 8.0f) + 0.6f * oy_sinf(0.35f * t + oy_build_rand(b, 3, 0.0f, 6.0f));
    /* the basket and the ropes from its corners up to the mouth */
    oy_build_box(b, wicker, 0, y0 + 0.55f, 0, 0.7f, 0.55f, 0.7f, 0, 0, 0);
    for (int i = 0; i < 4; i++) {
        float sx = i & 1 ? 0.62f : -0.62f, sz = i & 2 ? 0.62f : -0.62f;
        oy_build_frustum(b, rope, sx, y0 + 1.1f, sz, 0.035f, 0.035f, 3.0f);
    }
    /* the envelope: an upturned teardrop, its lower cone into the mouth */
    oy_build_frustum(b, main_, 0, y0 + 4.0f, 0, 1.1f, 6.8f, 8.0f);
    oy_build_ellipsoid(b, main_, 0, y0 + 14.0f, 0, 8.0f, 9.0f, 8.0f);
    /* gores: two panels of the second colour, one along x and one along
     * z, each a little wider than the envelope that way, show as four
     * upright stripes round it, 40 degrees wide */
    oy_build_ellipsoid(b, band, 0, y0 + 14.0f, 0, 8.3f, 9.1f, 6.5f);
    oy_build_ellipsoid(b, band, 0, y0 + 14.0f, 0, 6.5f, 9.1f, 8.3f);
    /* the burner flares for a second or two in every seven */
    float cycle = fmodf(t + oy_build_rand(b, 4, 0.0f, 7.0f), 7.0f);
    if (cycle < 1.5f) {
        int flame = oy_build_glow(b, 1.0f, 0.55f, 0.15f, 2.5f);
        oy_build_frustum(b, flame, 0, y0 + 3.3f, 0, 0.3f, 0.0f, 1.6f);
        oy_build_light(b, 0, y0 + 4.0f, 0, 1.0f, 0.55f, 0.2f, 40.0f * (0.2f + 0.8f * b->look->night));
    }
}

/* A kite on the wind: a diamond of one colour round a smaller one of
 * another, leaning back into the wind, a tail of bows streaming below it
 * and its line slanting down to the ground before it, where its flyer
 * stands. It rides 12-20 m over the ground, swaying and bobbing, more in
 * a stronger wind. Its front faces the view. */
void oy_kind_kite(oy_build *b)
{
    static const float colours[][3] = { { 0.75f, 0.06f, 0.05f }, { 0.9f, 0.75f, 0.08f }, { 0.06f, 0.18f, 0.7f },
                                        { 0.1f, 0.5f, 0.15f }, { 0.9f, 0.4f, 0.05f }, { 0.6f, 0.08f, 0.45f },
                                        { 0.9f, 0.9f, 0.88f } };
    const int nc = (int)(sizeof colours / sizeof *colours);
    int first = (int)oy_build_rand(b, 1, 0.0f, (float)nc - 0.001f);
    int second = (first + 1 + (int)oy_build_rand(b, 2, 0.0f, (float)nc - 1.001f)) % nc;
    int outer = oy_build_mat(b, colours[first][0], colours[first][1], colours[first][2]);
    int inner = oy_build_mat(b, colours[second][0], colours[second][1], colours[second][2]);
    int line = oy_build_mat(b, 0.6f, 0.6f, 0.58f);
    float w = b->look->wind, t = b->t + oy_build_rand(b, 3, 0.0f, 20.0f), play = 0.4f + w;
    float x = play * 1.5f * oy_sinf(0.6f * t), y = oy_build_rand(b, 4, 2.0f, 10.0f) + play * 0.7f * oy_sinf(1.1f * t);
    float lean = -0.35f, roll = 0.7854f + 0.25f * play * oy_sinf(0.8f * t + 1.0f);
    oy_build_box(b, outer, x, y, 0, 0.55f, 0.55f, 0.015f, 0, lean, roll);
    oy_build_box(b, inner, x, y, 0.03f, 0.28f, 0.28f, 0.015f, 0, lean, roll);
    /* the tail: bows hanging from its lower point in a wave the wind
     * runs down it */
    for (int i = 0; i < 6; i++) {
        float k = (float)(i + 1);
        oy_build_ellipsoid(b, i & 1 ? inner : outer, x + 0.12f * k * play * oy_sinf(3.0f * t - 0.9f * k),
                           y - 0.75f - 0.42f * k, -0.05f * k, 0.13f, 0.06f, 0.06f);
    }
    /* the line: from it down to the ground 14 m before it */
    float dy = y + 10.0f, dz = 14.0f, len = sqrtf(dy * dy + dz * dz);
    oy_build_box(b, line, 0.5f * x, 0.5f * (y - 10.0f), 0.5f * dz, 0.012f, 0.012f, 0.5f * len, 0,
                 oy_atanf(dy / dz), 0);
}

/* A statue on a plinth: a draped figure, one arm raised, in pale marble
 * (the body: "a bronze statue" paints it), on a stepped block of darker
 * stone. Its front faces the view. */
void oy_kind_statue(oy_build *b)
{
    float g = oy_build_rand(b, 1, 0.56f, 0.66f);
    int fig = oy_build_stone(b, g, g * 0.97f, g * 0.91f);
    int plinth = oy_build_stone(b, 0.3f, 0.29f, 0.27f);
    oy_build_box(b, plinth, 0, 0.1f, 0, 0.95f, 0.3f, 0.95f, 0, 0, 0);
    oy_build_box(b, plinth, 0, 1.1f, 0, 0.7f, 0.8f, 0.7f, 0, 0, 0);
    oy_build_box(b, plinth, 0, 1.95f, 0, 0.8f, 0.08f, 0.8f, 0, 0, 0);
    float y = 2.03f, turn = oy_build_rand(b, 2, -0.4f, 0.4f);
    oy_build_frustum(b, fig, 0, y, 0, 0.42f, 0.27f, 1.15f);
    oy_build_box(b, fig, 0, y + 1.45f, 0, 0.26f, 0.36f, 0.15f, turn, 0, 0);
    oy_build_ellipsoid(b, fig, 0, y + 2.0f, 0.02f, 0.12f, 0.15f, 0.13f);
    float c = oy_cosf(turn), s = oy_sinf(turn);
    /* the raised arm, up and forward from the right shoulder */
    oy_build_box(b, fig, 0.3f * c + 0.12f * s, y + 2.05f, -0.3f * s + 0.12f * c, 0.06f, 0.38f, 0.06f, turn,
                 0.35f, -0.25f);
    oy_build_box(b, fig, -0.31f * c, y + 1.4f, 0.31f * s, 0.065f, 0.35f, 0.065f, turn, 0, 0.08f);
}

/* A scarecrow: a post and a cross-spar dressed in an old shirt and a hat
 * over a sacking head, straw at the cuffs; it sways in the wind. */
void oy_kind_scarecrow(oy_build *b)
{
    static const float shirts[3][3] = { { 0.32f, 0.06f, 0.04f }, { 0.08f, 0.12f, 0.26f },
                                        { 0.2f, 0.22f, 0.1f } };
    int si = (int)oy_build_rand(b, 1, 0.0f, 2.999f);
    int shirt = oy_build_mat(b, shirts[si][0], shirts[si][1], shirts[si][2]);
    int wood = oy_build_mat(b, 0.16f, 0.11f, 0.07f);
    int sack = oy_build_mat(b, 0.42f, 0.34f, 0.21f);
    int hat = oy_build_mat(b, 0.09f, 0.07f, 0.05f);
    int straw = oy_build_mat(b, 0.6f, 0.5f, 0.22f);
    float sway = (0.02f + 0.08f * b->look->wind) * oy_sinf(b->t * 1.7f + oy_build_rand(b, 2, 0.0f, 6.28f));
    /* it leans about its foot: a part at height y stands y sin(sway) aside */
    float lean = oy_sinf(sway), c = oy_cosf(sway);
    oy_build_box(b, wood, -1.0f * lean, 1.0f, 0, 0.05f, 1.05f, 0.05f, 0, 0, sway);
    oy_build_box(b, shirt, -1.45f * lean, 1.45f, 0, 0.24f, 0.32f, 0.13f, 0, 0, sway);
    oy_build_box(b, shirt, -1.62f * lean, 1.62f, 0, 0.78f, 0.08f, 0.08f, 0, 0, sway);
    for (int s = -1; s <= 1; s += 2)
        oy_build_ellipsoid(b, straw, s * 0.88f * c - 1.62f * lean, 1.62f + s * 0.88f * lean, 0, 0.1f, 0.09f, 0.09f);
    oy_build_ellipsoid(b, sack, -2.0f * lean, 2.0f, 0, 0.16f, 0.19f, 0.16f);
    oy_build_frustum(b, hat, -2.13f * lean, 2.13f, 0, 0.34f, 0.32f, 0.03f);
    oy_build_frustum(b, hat, -2.15f * lean, 2.15f, 0, 0.16f, 0.13f, 0.2f);
}

/* A park bench: slats for a seat and a back on two cast-iron ends. Its
 * front faces the view. */
void oy_kind_bench(oy_build *b)
{
    int wood = oy_build_mat(b, 0.2f, 0.12f, 0.06f);
    int iron = oy_build_mat(b, 0.03f, 0.035f, 0.03f);
    for (int s = -1; s <= 1; s += 2) {
        oy_build_box(b, iron, s * 0.78f, 0.3f, 0, 0.03f, 0.3f, 0.24f, 0, 0, 0);
        oy_build_box(b, iron, s * 0.78f, 0.64f, -0.02f, 0.03f, 0.03f, 0.24f, 0, 0, 0);
    }
    for (int i = 0; i < 3; i++)
        oy_build_box(b, wood, 0, 0.46f, -0.15f + 0.13f * (float)i, 0.88f, 0.02f, 0.05f, 0, 0, 0);
    for (int i = 0; i < 2; i++)
        oy_build_box(b, wood, 0, 0.66f + 0.16f * (float)i, -0.25f - 0.03f * (float)i, 0.88f, 0.05f, 0.02f, 0,
                     -0.2f, 0);
}
