/*
 * kinds_built.c - what people built: cabin, house, barn, tower,
 * lighthouse, ruins, church, castle, temple, wall, fence, windmill,
 * standing stones, road, bridge, pier, fountain, pyramid, well, gazebo,
 * a town square's paving and a ferris wheel. Walls go a little way into the ground, so a building on a
 * slope shows no gap under it; windows light up at night.
 */
#include <math.h>

#include "scene.h"

#define PI 3.14159265f

/* dark glass glowing with the light behind it, power as oy_build_glow's */
static int lit_glass(oy_build *b, float r, float g, float bl, float power)
{
    int m = oy_build_glow(b, r, g, bl, power);
    b->m[m].alb[0] = 0.05f; b->m[m].alb[1] = 0.05f; b->m[m].alb[2] = 0.06f;
    return m;
}

int oy_build_window(oy_build *b)
{
    float n = b->look->night;
    if (n > 0.05f)
        return lit_glass(b, 1.0f, 0.6f, 0.26f, 0.6f * n);
    return oy_build_mat(b, 0.03f, 0.035f, 0.045f);
}

/* Smoke from a chimney whose top is at (x, y, z), when a fire is lit
 * in the hearth: under snow, by night, or where the words light it; in
 * an abandoned house never. */
static void chimney_smoke(oy_build *b, float x, float y, float z)
{
    if (b->look->derelict || (b->look->snow < 0.2f && b->look->night < 0.5f && b->look->hearth < 0.5f))
        return;
    int from = b->n;
    int young = oy_build_soft(b, 0.62f, 0.62f, 0.62f, 0.55f, 0.0f);
    int old = oy_build_soft(b, 0.66f, 0.66f, 0.67f, 0.25f, 0.0f);
    oy_build_plume(b, young, old, 10, 6.0f, 0.3f, 8.0f, 0.5f, 2.0f, 1.2f);
    oy_build_shift(b, from, b->nl, x, y, z);
}

/* a roof's material: its own colour, white as snow lies on it */
static int roof_mat(oy_build *b, float r, float g, float bl)
{
    float k = 0.85f * b->look->snow;
    return oy_build_mat(b, oy_lerpf(r, 0.78f, k), oy_lerpf(g, 0.8f, k), oy_lerpf(bl, 0.85f, k));
}

/* windows on the face of a box at z = hz (front) or x = hx (side) */
static void windows(oy_build *b, int mat, float hx, float hz, float y, int nx, int side)
{
    for (int i = 0; i < nx; i++) {
        float u = ((float)i + 0.5f) / (float)nx * 2.0f - 1.0f;
        if (side)
            oy_build_box(b, mat, hx + 0.02f, y, u * hz * 0.75f, 0.06f, 0.55f, 0.45f, 0, 0, 0);
        else
            oy_build_box(b, mat, u * hx * 0.75f, y, hz + 0.02f, 0.45f, 0.55f, 0.06f, 0, 0, 0);
    }
}

static void lamp_light(oy_build *b, float x, float y, float z, float power)
{
    if (b->look->night > 0.05f)
        oy_build_light(b, x, y, z, 1.0f, 0.6f, 0.26f, power * b->look->night);
}

void oy_kind_cabin(oy_build *b)
{
    float hx = oy_build_rand(b, 1, 2.6f, 3.4f), hz = oy_build_rand(b, 2, 2.0f, 2.6f), wall = 2.6f;
    float k = oy_build_rand(b, 3, 0.8f, 1.2f);
    int logs = oy_build_mat(b, 0.14f * k, 0.085f * k, 0.05f * k);
    int roof = roof_mat(b, 0.07f, 0.06f, 0.055f);
    int door = oy_build_mat(b, 0.06f, 0.035f, 0.02f);
    int win = oy_build_window(b);
    oy_build_box(b, logs, 0, (wall - 1.2f) * 0.5f, 0, hx, (wall + 1.2f) * 0.5f, hz, 0, 0, 0);
    oy_build_roof(b, roof, 0, wall, 0, hx + 0.45f, hz + 0.55f, 1.9f, 0);
    oy_build_box(b, door, -hx * 0.35f, 1.0f, hz + 0.03f, 0.45f, 1.0f, 0.05f, 0, 0, 0);
    oy_build_box(b, win, hx * 0.4f, 1.4f, hz + 0.03f, 0.45f, 0.4f, 0.05f, 0, 0, 0);
    windows(b, win, hx, hz, 1.4f, 1, 1);
    oy_build_box(b, roof, hx * 0.55f, wall + 1.6f, -hz * 0.3f, 0.3f, 0.9f, 0.3f, 0, 0, 0);
    chimney_smoke(b, hx * 0.55f, wall + 2.5f, -hz * 0.3f);
    lamp_light(b, hx * 0.4f, 1.4f, hz + 1.0f, 3.0f);
}

/* A cottage: one storey of whitewashed or stone walls under a steep
 * thatched or slate roof, a stone chimney at the gable end, small windows
 * either side of the door and a low garden wall before it. */
void oy_kind_cottage(oy_build *b)
{
    int stone = oy_build_rand(b, 1, 0.0f, 1.0f) < 0.45f;
    int thatch = oy_build_rand(b, 2, 0.0f, 1.0f) < 0.6f;
    float hx = oy_build_rand(b, 3, 3.6f, 4.6f), hz = oy_build_rand(b, 4, 2.4f, 2.9f), wall = 2.7f;
    int w = stone ? oy_build_masonry(b, 0.42f, 0.38f, 0.31f) : oy_build_mat(b, 0.72f, 0.7f, 0.64f);
    int r = thatch ? roof_mat(b, 0.36f, 0.27f, 0.13f) : roof_mat(b, 0.09f, 0.09f, 0.1f);
    int chimney = oy_build_stone(b, 0.36f, 0.33f, 0.28f);
    int door = oy_build_mat(b, 0.12f, 0.16f, 0.1f);
    int win = oy_build_window(b);
    oy_build_box(b, w, 0, (wall - 1.2f) * 0.5f, 0, hx, (wall + 1.2f) * 0.5f, hz, 0, 0, 0);
    /* a thatch is thick and steep, its eaves low over the walls */
    float over = thatch ? 0.6f : 0.35f;
    oy_build_roof(b, r, 0, wall - (thatch ? 0.35f : 0.0f), 0, hx + over, hz + over + 0.2f, 1.25f * hz, 0);
    oy_build_box(b, door, 0, 1.0f, hz + 0.03f, 0.45f, 1.0f, 0.05f, 0, 0, 0);
    for (int i = -1; i <= 1; i += 2)
        oy_build_box(b, win, (float)i * hx * 0.55f, 1.45f, hz + 0.03f, 0.42f, 0.45f, 0.05f, 0, 0, 0);
    windows(b, win, -hx - 0.04f, hz, 1.45f, 1, 1);
    oy_build_box(b, chimney, hx - 0.45f, 0.5f * (wall + 1.25f * hz + 1.2f), 0, 0.45f,
                 0.5f * (wall + 1.25f * hz + 1.2f), 0.55f, 0, 0, 0);
    chimney_smoke(b, hx - 0.45f, wall + 1.25f * hz + 1.3f, 0);
    /* the garden wall, either side of a gap at the path */
    int low = oy_build_stone(b, 0.4f, 0.37f, 0.32f);
    for (int i = -1; i <= 1; i += 2)
        oy_build_box(b, low, (float)i * 0.5f * (hx + 2.2f), 0.4f, hz + 3.5f, 0.5f * (hx - 0.4f), 0.45f, 0.25f, 0, 0,
                     0);
    lamp_light(b, 0, 2.1f, hz + 0.8f, 3.0f);
}

/* A greenhouse: a glass house 12 m long on a low brick wall, a white
 * frame at its corners, eaves and ridge, the glass seen through to rows
 * of green plants on benches inside; the glass takes the frame's colour
 * when the words paint it. */
void oy_kind_greenhouse(oy_build *b)
{
    int frame = oy_build_mat(b, 0.8f, 0.8f, 0.78f);
    int brick = oy_build_mat(b, 0.33f, 0.15f, 0.1f);
    int glass = oy_build_soft(b, 0.72f, 0.8f, 0.8f, 0.3f, 0.0f);
    int plant = oy_build_mat(b, 0.07f, 0.16f, 0.04f);
    int bench = oy_build_mat(b, 0.2f, 0.14f, 0.09f);
    float hx = 3.0f, hz = 6.0f, wall = 2.3f;
    oy_build_box(b, brick, 0, 0.3f, 0, hx + 0.05f, 0.3f, hz + 0.05f, 0, 0, 0);
    oy_build_box(b, glass, 0, 0.6f + 0.5f * (wall - 0.6f), 0, hx, 0.5f * (wall - 0.6f), hz, 0, 0, 0);
    oy_build_roof(b, glass, 0, wall, 0, hz, hx, 1.4f, 0.5f * PI);
    for (int s = -1; s <= 1; s += 2) {
        oy_build_box(b, frame, s * hx, wall, 0, 0.06f, 0.06f, hz, 0, 0, 0);
        for (int e = -1; e <= 1; e += 2)
            oy_build_box(b, frame, s * hx, 0.5f * (wall + 0.6f), e * hz, 0.06f, 0.5f * (wall - 0.6f), 0.06f, 0, 0, 0);
        /* a bench down each side with its plants */
        oy_build_box(b, bench, s * 1.7f, 0.8f, 0, 0.6f, 0.05f, hz - 0.6f, 0, 0, 0);
        for (int i = 0; i < 4; i++)
            oy_build_ellipsoid(b, plant, s * 1.7f, 1.15f, -4.2f + 2.8f * (float)i, 0.55f,
                               oy_build_rand(b, 10 + i + 4 * (s > 0), 0.3f, 0.5f), 1.1f);
    }
    oy_build_box(b, frame, 0, wall + 1.4f, 0, 0.07f, 0.07f, hz + 0.1f, 0, 0, 0);
}

/* A roadside gas station: a flat white canopy with a coloured fascia on
 * two pillars over two pumps on their islands, a concrete forecourt, a
 * small shop behind with a glass front, a price sign on a tall pole; at
 * night the canopy's underside, the shop and the sign are lit. The
 * fascia takes the words' paint. */
void oy_kind_gas_station(oy_build *b)
{
    float n = b->look->night;
    int fascia = oy_build_mat(b, 0.45f, 0.06f, 0.04f);
    int white = oy_build_mat(b, 0.7f, 0.7f, 0.68f);
    int concrete = oy_build_stone(b, 0.36f, 0.35f, 0.33f);
    int wall = oy_build_mat(b, 0.55f, 0.52f, 0.45f);
    int dark = oy_build_mat(b, 0.04f, 0.04f, 0.045f);
    int win = oy_build_window(b);
    int under = n > 0.05f ? oy_build_glow(b, 1.0f, 0.95f, 0.85f, 1.2f * n) : white;
    oy_build_box(b, concrete, 0, 0.02f, 0.5f, 8.0f, 0.08f, 6.5f, 0, 0, 0);
    /* the canopy over the pumps */
    oy_build_box(b, white, 0, 4.75f, 2.5f, 6.0f, 0.3f, 4.0f, 0, 0, 0);
    oy_build_box(b, fascia, 0, 4.75f, 2.5f, 6.05f, 0.22f, 4.05f, 0, 0, 0);
    oy_build_box(b, under, 0, 4.43f, 2.5f, 5.6f, 0.02f, 3.6f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2) {
        float x = 3.0f * (float)s;
        oy_build_box(b, white, x, 2.25f, 2.5f, 0.22f, 2.25f, 0.22f, 0, 0, 0);
        /* an island with a pump either side of the pillar */
        oy_build_box(b, concrete, x, 0.12f, 2.5f, 0.55f, 0.12f, 2.1f, 0, 0, 0);
        for (int e = -1; e <= 1; e += 2) {
            float z = 2.5f + 1.2f * (float)e;
            oy_build_box(b, white, x, 1.0f, z, 0.32f, 0.78f, 0.24f, 0, 0, 0);
            oy_build_box(b, dark, x, 1.3f, z + 0.25f * (float)e, 0.22f, 0.2f, 0.01f, 0, 0, 0);
            oy_build_box(b, fascia, x, 1.72f, z, 0.33f, 0.08f, 0.25f, 0, 0, 0);
        }
    }
    /* the shop: a glass front with its door, a flat roof */
    oy_build_box(b, wall, 0, 1.7f, -5.0f, 5.0f, 1.7f, 2.5f, 0, 0, 0);
    oy_build_box(b, fascia, 0, 3.55f, -5.0f, 5.1f, 0.2f, 2.6f, 0, 0, 0);
    oy_build_box(b, win, -1.2f, 1.5f, -2.48f, 3.0f, 1.0f, 0.04f, 0, 0, 0);
    oy_build_box(b, dark, 2.8f, 1.1f, -2.48f, 0.6f, 1.1f, 0.04f, 0, 0, 0);
    /* the price sign */
    oy_build_box(b, dark, 7.0f, 3.5f, 3.5f, 0.12f, 3.5f, 0.12f, 0, 0, 0);
    int board = n > 0.05f ? oy_build_glow(b, 1.0f, 0.9f, 0.7f, 0.8f * n) : white;
    oy_build_box(b, board, 7.0f, 6.4f, 3.5f, 1.0f, 0.9f, 0.1f, 0, 0, 0);
    oy_build_box(b, fascia, 7.0f, 7.5f, 3.5f, 1.0f, 0.25f, 0.12f, 0, 0, 0);
    oy_build_light(b, 0, 4.2f, 2.5f, 1.0f, 0.95f, 0.85f, 10.0f * n);
}

/* A hobbit hole: a round green door with a brass knob in a turfed stone
 * face out of the front of a grassy mound, a round window either side of
 * it, a chimney of stone on the mound's top; its windows lit at night.
 * The door takes the words' paint. */
void oy_kind_hobbit_hole(oy_build *b)
{
    int door = oy_build_mat(b, 0.06f, 0.2f, 0.08f);
    float k = 0.85f * b->look->snow;
    int grass = oy_build_mat(b, oy_lerpf(0.09f, 0.78f, k), oy_lerpf(0.17f, 0.8f, k), oy_lerpf(0.05f, 0.85f, k));
    int stone = oy_build_stone(b, 0.42f, 0.4f, 0.36f);
    int brass = oy_build_mat(b, 0.6f, 0.45f, 0.12f);
    int win = oy_build_window(b);
    float rx = oy_build_rand(b, 1, 8.0f, 11.0f), ry = oy_build_rand(b, 2, 3.8f, 4.6f);
    oy_build_ellipsoid(b, grass, 0, 0.0f, -1.0f, rx, ry, 7.5f);
    /* the stone face out of the mound's front, turfed on top, the door
     * and its frame in it */
    oy_build_box(b, stone, 0, 1.3f, 6.3f, 2.9f, 1.3f, 1.0f, 0, 0, 0);
    oy_build_box(b, grass, 0, 2.7f, 6.25f, 3.0f, 0.15f, 1.1f, 0, 0, 0);
    oy_build_ellipsoid(b, stone, 0, 1.15f, 7.3f, 1.2f, 1.2f, 0.1f);
    oy_build_ellipsoid(b, door, 0, 1.15f, 7.36f, 1.0f, 1.0f, 0.1f);
    oy_build_ellipsoid(b, brass, 0, 1.15f, 7.48f, 0.09f, 0.09f, 0.05f);
    for (int s = -1; s <= 1; s += 2) {
        oy_build_ellipsoid(b, stone, s * 2.1f, 1.45f, 7.3f, 0.55f, 0.55f, 0.08f);
        oy_build_ellipsoid(b, win, s * 2.1f, 1.45f, 7.35f, 0.42f, 0.42f, 0.08f);
    }
    oy_build_frustum(b, stone, -0.35f * rx, 0.8f * ry, -1.5f, 0.35f, 0.3f, 1.6f);
    lamp_light(b, 0, 1.4f, 8.4f, 2.0f);
}

/* A house of East Asia (a village's storehouse too): white plaster
 * walls on a dark timber frame, posts at the corners and a dark wooden
 * sill band; paper screens that glow by night; a broad hipped roof of
 * grey tile with deep eaves; a low veranda along the front; no chimney. */
static void east_house(oy_build *b)
{
    float hx = oy_build_rand(b, 3, 3.8f, 5.0f), hz = oy_build_rand(b, 4, 3.2f, 4.2f);
    int floors = oy_build_rand(b, 5, 0.0f, 1.0f) < 0.3f ? 2 : 1;
    float wall = 2.7f * (float)floors + 0.5f;
    int plaster = oy_build_mat(b, 0.72f, 0.7f, 0.64f);
    int timber = oy_build_mat(b, 0.1f, 0.065f, 0.04f);
    int r = roof_mat(b, 0.075f, 0.08f, 0.085f);
    /* paper by day, lit from within by night */
    int screen = b->look->night > 0.3f ? oy_build_window(b) : oy_build_mat(b, 0.8f, 0.77f, 0.66f);
    oy_build_box(b, plaster, 0, (wall - 1.0f) * 0.5f, 0, hx, (wall + 1.0f) * 0.5f, hz, 0, 0, 0);
    oy_build_box(b, timber, 0, 0.45f, 0, hx + 0.05f, 0.45f, hz + 0.05f, 0, 0, 0);
    for (int i = 0; i < 4; i++)
        oy_build_box(b, timber, (i & 1 ? 1.0f : -1.0f) * hx, (wall - 1.0f) * 0.5f, (i & 2 ? 1.0f : -1.0f) * hz,
                     0.15f, (wall + 1.0f) * 0.5f, 0.15f, 0, 0, 0);
    /* a beam under the eaves, each floor's */
    for (int f = 0; f < floors; f++)
        oy_build_box(b, timber, 0, 2.7f * (float)(f + 1) + 0.2f, 0, hx + 0.08f, 0.12f, hz + 0.08f, 0, 0, 0);
    /* screens across the front, one on each side */
    for (int f = 0; f < floors; f++) {
        float y = 1.55f + 2.7f * (float)f;
        oy_build_box(b, screen, 0, y, hz + 0.03f, 0.7f * hx, 0.75f, 0.05f, 0, 0, 0);
        windows(b, screen, hx, hz, y, 1, 1);
        windows(b, screen, -hx - 0.04f, hz, y, 1, 1);
    }
    /* the veranda */
    oy_build_box(b, timber, 0, 0.35f, hz + 0.7f, hx, 0.1f, 0.7f, 0, 0, 0);
    /* the roof: broad, low, its eaves far out */
    float R = fmaxf(hx, hz) + 1.3f;
    oy_build_pyramid(b, r, 0, wall, 0, R, 0.55f * R, 4, 0);
    lamp_light(b, 0, 2.0f, hz + 1.0f, 4.0f);
}

/* A house of the desert lands (a village's storehouse too): a flat-roofed
 * block of mud brick, ochre, sand or whitewashed, a low parapet round
 * its roof; a lower block stepped beside it, its roof a terrace; small
 * deep windows, a dark wooden door, the ends of the roof beams out of
 * the wall over it, and a little dome on some; no chimney. */
static void desert_house(oy_build *b)
{
    static const float walls[3][3] = { { 0.52f, 0.37f, 0.24f }, { 0.6f, 0.5f, 0.36f }, { 0.74f, 0.71f, 0.65f } };
    const float *c = walls[(int)oy_build_rand(b, 1, 0.0f, 2.999f)];
    float k = oy_build_rand(b, 2, 0.88f, 1.08f);
    float hx = oy_build_rand(b, 3, 3.2f, 4.6f), hz = oy_build_rand(b, 4, 3.0f, 4.0f);
    int floors = oy_build_rand(b, 5, 0.0f, 1.0f) < 0.5f ? 2 : 1;
    float wall = 3.1f * (float)floors;
    int mud = oy_build_stone(b, c[0] * k, c[1] * k, c[2] * k);
    int dark = oy_build_mat(b, 0.03f, 0.025f, 0.02f);
    int door = oy_build_mat(b, 0.16f, 0.09f, 0.05f);
    int beam = oy_build_mat(b, 0.14f, 0.1f, 0.065f);
    int win = b->look->night > 0.3f ? oy_build_window(b) : dark;
    oy_build_box(b, mud, 0, 0.5f * (wall - 1.0f), 0, hx, 0.5f * (wall + 1.0f), hz, 0, 0, 0);
    /* the parapet round the flat roof */
    for (int s = -1; s <= 1; s += 2) {
        oy_build_box(b, mud, 0, wall + 0.3f, (float)s * (hz - 0.12f), hx, 0.3f, 0.12f, 0, 0, 0);
        oy_build_box(b, mud, (float)s * (hx - 0.12f), wall + 0.3f, 0, 0.12f, 0.3f, hz, 0, 0, 0);
    }
    /* the lower block beside it, to one side or the other */
    float side = oy_build_rand(b, 6, 0.0f, 1.0f) < 0.5f ? -1.0f : 1.0f;
    float lx = oy_build_rand(b, 7, 1.8f, 2.6f), lz = 0.75f * hz, low = 2.8f;
    oy_build_box(b, mud, side * (hx + lx - 0.05f), 0.5f * (low - 1.0f), -0.2f * hz, lx, 0.5f * (low + 1.0f), lz, 0, 0,
                 0);
    oy_build_box(b, mud, side * (hx + lx - 0.05f), low + 0.25f, -0.2f * hz + lz - 0.1f, lx, 0.25f, 0.1f, 0, 0, 0);
    /* the door, the beam ends over it, the windows small and deep */
    oy_build_box(b, door, -0.3f * hx, 1.05f, hz + 0.03f, 0.5f, 1.05f, 0.05f, 0, 0, 0);
    for (int i = 0; i < 5; i++)
        oy_build_box(b, beam, ((float)i / 4.0f * 1.6f - 0.8f) * hx, wall - 0.35f, hz + 0.2f, 0.09f, 0.09f, 0.2f, 0, 0,
                     0);
    for (int f = 0; f < floors; f++) {
        float y = 1.7f + 3.1f * (float)f;
        oy_build_box(b, win, 0.45f * hx, y, hz + 0.02f, 0.32f, 0.4f, 0.05f, 0, 0, 0);
        if (f)
            oy_build_box(b, win, -0.35f * hx, y, hz + 0.02f, 0.32f, 0.4f, 0.05f, 0, 0, 0);
        oy_build_box(b, win, -hx - 0.02f, y, 0.2f * hz, 0.05f, 0.4f, 0.32f, 0, 0, 0);
    }
    if (oy_build_rand(b, 8, 0.0f, 1.0f) < 0.25f) {
        float r = 0.45f * fminf(hx, hz);
        oy_build_ellipsoid(b, mud, 0.3f * hx, wall, -0.2f * hz, r, 0.8f * r, r);
    }
    lamp_light(b, -0.3f * hx, 2.4f, hz + 0.8f, 4.0f);
}

void oy_kind_house(oy_build *b)
{
    if (b->look->east) {
        east_house(b);
        return;
    }
    if (b->look->arid) {
        desert_house(b);
        return;
    }
    static const float walls[4][3] = { { 0.55f, 0.52f, 0.46f }, { 0.3f, 0.28f, 0.25f },
                                       { 0.32f, 0.12f, 0.08f }, { 0.5f, 0.45f, 0.34f } };
    static const float roofs[3][3] = { { 0.09f, 0.05f, 0.04f }, { 0.05f, 0.05f, 0.06f },
                                       { 0.22f, 0.08f, 0.04f } };
    int wi = (int)oy_build_rand(b, 1, 0.0f, 3.999f), ri = (int)oy_build_rand(b, 2, 0.0f, 2.999f);
    float hx = oy_build_rand(b, 3, 3.8f, 5.2f), hz = oy_build_rand(b, 4, 3.0f, 3.8f);
    int floors = oy_build_rand(b, 5, 0.0f, 1.0f) < 0.6f ? 2 : 1;
    float wall = 2.8f * (float)floors + 0.3f;
    int w = oy_build_mat(b, walls[wi][0], walls[wi][1], walls[wi][2]);
    int r = roof_mat(b, roofs[ri][0], roofs[ri][1], roofs[ri][2]);
    int door = oy_build_mat(b, 0.08f, 0.045f, 0.03f);
    int win = oy_build_window(b);
    oy_build_box(b, w, 0, (wall - 1.5f) * 0.5f, 0, hx, (wall + 1.5f) * 0.5f, hz, 0, 0, 0);
    oy_build_roof(b, r, 0, wall, 0, hx + 0.4f, hz + 0.45f, hz * 0.9f, 0);
    oy_build_box(b, door, 0, 1.05f, hz + 0.03f, 0.5f, 1.05f, 0.05f, 0, 0, 0);
    for (int f = 0; f < floors; f++) {
        float y = 1.5f + 2.8f * (float)f;
        for (int i = 0; i < 2; i++)
            oy_build_box(b, win, (i ? 1.0f : -1.0f) * hx * 0.55f, y, hz + 0.03f, 0.5f, 0.6f, 0.05f, 0, 0, 0);
        windows(b, win, hx, hz, y, 2, 1);
        windows(b, win, -hx - 0.04f, hz, y, 2, 1);
    }
    oy_build_box(b, r, -hx * 0.5f, wall + hz * 0.7f, 0, 0.4f, 1.0f, 0.4f, 0, 0, 0);
    chimney_smoke(b, -hx * 0.5f, wall + hz * 0.7f + 1.0f, 0);
    lamp_light(b, 0, 2.3f, hz + 0.8f, 4.0f);
}

/* A house on stilts over the water ("overwater bungalows"): its base is
 * the water's surface (it floats as a boat does, but stands): six posts
 * from 4 m under the water to a deck 1.3 m over it, a hut of pale woven
 * walls on the deck under a steep four-sided roof of thatch, a veranda
 * on its front with a rail, and steps down to the water. */
void oy_kind_stilt_house(oy_build *b)
{
    float hx = oy_build_rand(b, 1, 2.6f, 3.4f), hz = oy_build_rand(b, 2, 2.4f, 3.0f), deck = 1.3f, wall = 2.6f;
    float k = oy_build_rand(b, 3, 0.85f, 1.1f);
    int weave = oy_build_mat(b, 0.5f * k, 0.4f * k, 0.27f * k);
    int thatch = roof_mat(b, 0.36f * k, 0.28f * k, 0.15f * k);
    int timber = oy_build_mat(b, 0.2f, 0.14f, 0.09f);
    int dark = oy_build_mat(b, 0.04f, 0.03f, 0.025f);
    int win = b->look->night > 0.3f ? oy_build_window(b) : dark;
    for (int i = 0; i < 6; i++)
        oy_build_box(b, timber, (i & 1 ? 1.0f : -1.0f) * (hx - 0.2f), 0.5f * (deck - 4.0f),
                     ((float)(i / 2) - 1.0f) * (hz + 0.6f), 0.12f, 0.5f * (deck + 4.0f), 0.12f, 0, 0, 0);
    /* the deck, reaching out to the veranda on the front */
    oy_build_box(b, timber, 0, deck, 0.6f, hx + 0.3f, 0.1f, hz + 1.3f, 0, 0, 0);
    oy_build_box(b, weave, 0, deck + 0.5f * wall, -0.2f, hx - 0.3f, 0.5f * wall, hz - 0.4f, 0, 0, 0);
    oy_build_pyramid(b, thatch, 0, deck + wall, -0.2f, 1.45f * fmaxf(hx, hz), 2.4f, 4, 0.7853982f);
    oy_build_box(b, dark, 0, deck + 1.05f, hz - 0.55f, 0.45f, 1.0f, 0.05f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, win, (float)s * 0.6f * hx, deck + 1.5f, hz - 0.55f, 0.4f, 0.4f, 0.05f, 0, 0, 0);
    /* the veranda's rail, and the steps down from it */
    oy_build_box(b, timber, 0, deck + 0.95f, hz + 1.85f, hx + 0.3f, 0.04f, 0.04f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, timber, (float)s * (hx + 0.25f), deck + 0.5f, hz + 1.85f, 0.05f, 0.45f, 0.05f, 0, 0, 0);
    for (int i = 0; i < 3; i++)
        oy_build_box(b, timber, hx + 0.7f, deck - 0.45f * (float)(i + 1), hz + 0.6f - 0.35f * (float)i, 0.4f, 0.04f,
                     0.18f, 0, 0, 0);
    lamp_light(b, 0, deck + 2.0f, hz + 1.2f, 3.0f);
}

void oy_kind_barn(oy_build *b)
{
    if (b->look->east) {   /* a village's storehouse, as its houses */
        east_house(b);
        return;
    }
    if (b->look->arid) {
        desert_house(b);
        return;
    }
    float k = oy_build_rand(b, 1, 0.85f, 1.15f);
    int red = oy_build_rand(b, 2, 0.0f, 1.0f) < 0.7f;
    int w = red ? oy_build_mat(b, 0.2f * k, 0.055f * k, 0.04f * k) : oy_build_mat(b, 0.16f * k, 0.11f * k, 0.07f * k);
    int r = roof_mat(b, 0.08f, 0.08f, 0.085f);
    int trim = oy_build_mat(b, 0.6f, 0.58f, 0.55f);
    int dark = oy_build_mat(b, 0.04f, 0.03f, 0.025f);
    float hx = 6.0f, hz = 9.0f, wall = 5.0f;
    oy_build_box(b, w, 0, (wall - 1.2f) * 0.5f, 0, hx, (wall + 1.2f) * 0.5f, hz, 0, 0, 0);
    oy_build_roof(b, r, 0, wall, 0, hz + 0.4f, hx + 0.5f, 4.2f, PI * 0.5f);
    oy_build_box(b, dark, 0, 1.8f, hz + 0.03f, 1.8f, 1.8f, 0.05f, 0, 0, 0);
    oy_build_box(b, trim, 0, 1.8f, hz + 0.06f, 1.9f, 0.1f, 0.03f, 0, 0, 0.75f);
    oy_build_box(b, trim, 0, 1.8f, hz + 0.06f, 1.9f, 0.1f, 0.03f, 0, 0, -0.75f);
    oy_build_box(b, dark, 0, wall + 1.4f, hz + 0.03f, 0.7f, 0.6f, 0.05f, 0, 0, 0);
}

/* A factory of red brick, its long side to the view: a hall 24 m by 18 m
 * and 9 m to the eaves under a sawtooth of four gabled roofs, a row of
 * tall windows and two loading doors along its front, a three-storey
 * office at one end, and two brick chimneys 30 m tall smoking grey. */
void oy_kind_factory(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.85f, 1.1f);
    int brick = oy_build_masonry(b, 0.3f * k, 0.12f * k, 0.08f * k);   /* first: what a colour word paints */
    int roof = roof_mat(b, 0.12f, 0.12f, 0.13f);
    int dark = oy_build_mat(b, 0.035f, 0.035f, 0.04f);
    int win = oy_build_window(b);
    float hx = 12.0f, hz = 9.0f, wall = 9.0f;
    oy_build_box(b, brick, 0, 0.5f * wall - 0.6f, 0, hx, 0.5f * wall + 0.6f, hz, 0, 0, 0);
    for (int i = 0; i < 4; i++)
        oy_build_roof(b, roof, -hx + 3.0f + 6.0f * (float)i, wall, 0, hz + 0.3f, 3.0f, 2.4f, PI * 0.5f);
    for (int i = 0; i < 6; i++)
        oy_build_box(b, win, -hx + 2.0f + 4.0f * (float)i, 5.5f, hz + 0.03f, 1.1f, 1.8f, 0.05f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, dark, (float)s * 5.0f, 1.8f, hz + 0.03f, 1.8f, 1.8f, 0.05f, 0, 0, 0);
    /* the office at the near end, taller, with windows on each floor */
    oy_build_box(b, brick, hx + 4.0f, 5.5f, 3.0f, 4.0f, 6.1f, 6.0f, 0, 0, 0);
    for (int f = 0; f < 3; f++)
        oy_build_box(b, win, hx + 4.0f, 2.0f + 3.2f * (float)f, 9.03f, 3.0f, 0.7f, 0.05f, 0, 0, 0);
    /* the chimneys, a band near the top, smoke from each */
    int young = oy_build_soft(b, 0.36f, 0.36f, 0.37f, 0.7f, 0.0f);
    int old = oy_build_soft(b, 0.55f, 0.55f, 0.56f, 0.4f, 0.0f);
    for (int c = 0; c < 2; c++) {
        float x = -7.0f + 6.0f * (float)c, z = -4.0f - 2.0f * (float)c, h = 30.0f - 3.0f * (float)c;
        oy_build_frustum(b, brick, x, 0.0f, z, 1.4f, 0.9f, h);
        oy_build_frustum(b, dark, x, h - 1.5f, z, 1.05f, 1.05f, 0.6f);
        int from = b->n;
        oy_build_plume(b, young, old, 9, 9.0f, 0.5f, 20.0f, 1.0f, 5.0f, 2.0f);
        oy_build_shift(b, from, b->nl, x, h, z);
    }
}

/* a farm silo: a tall cylinder of galvanised steel or pale concrete
 * staves under a domed cap, hoops round it, a caged ladder up one side
 * and, on some farms, a shorter second silo beside it */
void oy_kind_silo(oy_build *b)
{
    float h = oy_build_rand(b, 1, 14.0f, 20.0f), r = oy_build_rand(b, 2, 2.6f, 3.4f);
    int steel = oy_build_rand(b, 3, 0.0f, 1.0f) < 0.6f;
    int body = steel ? oy_build_mat(b, 0.44f, 0.46f, 0.47f) : oy_build_mat(b, 0.5f, 0.48f, 0.43f);
    int cap = steel ? oy_build_mat(b, 0.52f, 0.54f, 0.55f) : oy_build_mat(b, 0.08f, 0.14f, 0.26f);
    int hoop = oy_build_shade(b, 0.7f);
    int rail = oy_build_mat(b, 0.25f, 0.25f, 0.24f);
    int pair = oy_build_rand(b, 4, 0.0f, 1.0f) < 0.5f;
    for (int s = 0; s <= pair; s++) {
        float x = s ? -2.0f * r - 0.6f : 0.0f, hs = s ? 0.75f * h : h, rs = s ? 0.85f * r : r;
        oy_build_frustum(b, body, x, -1.0f, 0, rs, rs, hs + 1.0f);
        for (int i = 1; i < 5; i++)
            oy_build_frustum(b, hoop, x, hs * (float)i / 5.0f, 0, rs + 0.04f, rs + 0.04f, 0.12f);
        oy_build_ellipsoid(b, cap, x, hs, 0, rs + 0.1f, 0.55f * rs, rs + 0.1f);
    }
    /* the ladder up the side facing the view, in its cage */
    oy_build_box(b, rail, -0.25f, 0.5f * h, r + 0.1f, 0.04f, 0.5f * h, 0.04f, 0, 0, 0);
    oy_build_box(b, rail, 0.25f, 0.5f * h, r + 0.1f, 0.04f, 0.5f * h, 0.04f, 0, 0, 0);
    for (int i = 0; i < 6; i++)
        oy_build_frustum(b, rail, 0, 3.0f + (h - 3.0f) * (float)i / 5.0f, r + 0.45f, 0.45f, 0.45f, 0.06f);
    if (pair)   /* the pair stands about its middle */
        oy_build_shift(b, 0, b->nl, r + 0.3f, 0, 0);
}

void oy_kind_tower(oy_build *b)
{
    float h = oy_build_rand(b, 1, 16.0f, 24.0f), r = oy_build_rand(b, 2, 2.6f, 3.4f);
    float k = oy_build_rand(b, 3, 0.85f, 1.15f);
    int stone = oy_build_masonry(b, 0.28f * k, 0.26f * k, 0.23f * k);
    int roof = roof_mat(b, 0.07f, 0.06f, 0.07f);
    int win = oy_build_window(b);
    oy_build_frustum(b, stone, 0, -1.5f, 0, r * 1.05f, r * 0.95f, h + 1.5f);
    oy_build_frustum(b, stone, 0, h, 0, r * 1.15f, r * 1.15f, 0.8f);
    if (oy_build_rand(b, 4, 0.0f, 1.0f) < 0.5f) {
        oy_build_frustum(b, roof, 0, h + 0.8f, 0, r * 1.25f, 0.0f, r * 2.2f);
    } else {
        for (int i = 0; i < 8; i++) {
            float a = 2.0f * PI * (float)i / 8.0f;
            oy_build_box(b, stone, oy_sinf(a) * r, h + 1.3f, oy_cosf(a) * r, 0.5f, 0.5f, 0.35f, a, 0, 0);
        }
    }
    for (int i = 0; i < 3; i++)
        oy_build_box(b, win, 0, h * (0.35f + 0.22f * (float)i), r * 0.98f, 0.35f, 0.6f, 0.1f, 0, 0, 0);
}

void oy_kind_lighthouse(oy_build *b)
{
    float h = oy_build_rand(b, 1, 22.0f, 32.0f);
    int white = oy_build_mat(b, 0.7f, 0.68f, 0.64f);
    int red = oy_build_mat(b, 0.4f, 0.05f, 0.04f);
    int dark = oy_build_mat(b, 0.05f, 0.05f, 0.055f);
    float r0 = 3.2f, r1 = 2.1f;
    int bands = 4;
    for (int i = 0; i < bands; i++) {
        float f0 = (float)i / (float)bands, f1 = (float)(i + 1) / (float)bands;
        oy_build_frustum(b, i % 2 ? red : white, 0, i ? h * f0 : -1.5f, 0, oy_lerpf(r0, r1, f0),
                         oy_lerpf(r0, r1, f1), i ? h * (f1 - f0) : h * f1 + 1.5f);
    }
    oy_build_frustum(b, dark, 0, h, 0, r1 + 0.7f, r1 + 0.7f, 0.3f);
    float n = b->look->night;
    int lamp = n > 0.05f ? oy_build_glow(b, 1.0f, 0.9f, 0.7f, 3.0f * n) : oy_build_mat(b, 0.3f, 0.32f, 0.3f);
    oy_build_frustum(b, lamp, 0, h + 0.3f, 0, 1.4f, 1.4f, 2.2f);
    oy_build_frustum(b, red, 0, h + 2.5f, 0, 1.7f, 0.0f, 1.6f);
    oy_build_box(b, dark, 0, 1.1f, r0 - 0.05f, 0.5f, 1.1f, 0.12f, 0, 0, 0);
    if (n > 0.05f) {
        oy_build_light(b, 0, h + 1.4f, 0, 1.0f, 0.9f, 0.7f, 200.0f * n);
        /* the beam: a long soft blade that turns once in ten seconds */
        float a = b->t * 0.6283185f;
        int beam = oy_build_soft(b, 0.0f, 0.0f, 0.0f, 0.5f * n, 0.0f);
        for (int i = 0; i < 3; i++)
            b->m[beam].emit[i] = 0.35f * (i ? 0.92f - 0.14f * (float)(i - 1) : 1.0f) / b->look->exposure;
        oy_build_box(b, beam, oy_sinf(a) * 60.0f, h + 1.4f, oy_cosf(a) * 60.0f, 0.9f, 0.9f, 58.0f, a, 0, 0);
    }
}

void oy_kind_ruins(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.85f, 1.1f);
    int stone = oy_build_masonry(b, 0.25f * k, 0.24f * k, 0.21f * k);
    int moss = oy_build_mat(b, 0.09f * k, 0.11f * k, 0.06f * k);
    /* in lush growth ("overgrown", "vines") ivy drapes the walls */
    float ivy = oy_smoothstepf(0.75f, 0.95f, b->look->green);
    int leaf = ivy > 0.0f ? oy_build_mat(b, 0.05f, 0.09f, 0.025f) : moss;
    b->m[leaf].flags |= ivy > 0.0f ? OY_MAT_LEAF : 0;
    float hx = 7.0f, hz = 5.0f;
    /* four walls, each broken into stretches of different height */
    for (int s = 0; s < 4; s++) {
        int along = s < 2;
        float len = along ? hx : hz, off = (s % 2 ? 1.0f : -1.0f) * (along ? hz : hx);
        int parts = 3;
        for (int i = 0; i < parts; i++) {
            if (oy_build_rand(b, 10 + s * 4 + i, 0.0f, 1.0f) < 0.25f)
                continue;
            float u = (((float)i + 0.5f) / (float)parts * 2.0f - 1.0f) * len;
            float h = oy_build_rand(b, 30 + s * 4 + i, 1.0f, 5.5f);
            float hl = len / (float)parts * oy_build_rand(b, 50 + s * 4 + i, 0.6f, 1.0f);
            if (along)
                oy_build_box(b, stone, u, h * 0.5f - 0.5f, off, hl, h * 0.5f + 0.5f, 0.45f, 0, 0, 0);
            else
                oy_build_box(b, stone, off, h * 0.5f - 0.5f, u, 0.45f, h * 0.5f + 0.5f, hl, 0, 0, 0);
            /* ivy over the stretch's top and down both faces, ragged:
             * a share of its length, hanging part of the way down */
            if (ivy > 0.0f && oy_build_rand(b, 130 + s * 4 + i, 0.0f, 1.0f) < 0.3f + 0.6f * ivy) {
                float il = hl * oy_build_rand(b, 150 + s * 4 + i, 0.5f, 0.95f);
                float drop = h * oy_build_rand(b, 170 + s * 4 + i, 0.35f, 0.85f);
                float iu = u + (hl - il) * oy_build_rand(b, 190 + s * 4 + i, -1.0f, 1.0f);
                float y = h - 0.5f * drop + 0.08f;
                if (along)
                    oy_build_box(b, leaf, iu, y, off, il, 0.5f * drop + 0.12f, 0.55f, 0, 0, 0);
                else
                    oy_build_box(b, leaf, off, y, iu, 0.55f, 0.5f * drop + 0.12f, il, 0, 0, 0);
            }
        }
    }
    /* an arch still standing, and fallen blocks */
    oy_build_box(b, stone, -1.6f, 2.5f, hz, 0.5f, 3.0f, 0.55f, 0, 0, 0);
    oy_build_box(b, stone, 1.6f, 2.5f, hz, 0.5f, 3.0f, 0.55f, 0, 0, 0);
    oy_build_box(b, stone, 0, 5.7f, hz, 2.2f, 0.35f, 0.55f, 0, 0, 0);
    for (int i = 0; i < 6; i++) {
        float x = oy_build_rand(b, 70 + i, -hx, hx), z = oy_build_rand(b, 80 + i, -hz - 3.0f, hz + 3.0f);
        float s = oy_build_rand(b, 90 + i, 0.3f, 0.7f);
        oy_build_box(b, i % 3 ? stone : moss, x, s * 0.6f, z, s * 1.2f, s, s * 0.8f,
                     oy_build_rand(b, 100 + i, 0.0f, PI), oy_build_rand(b, 110 + i, -0.3f, 0.3f), 0);
    }
}

/* A church: a stone nave 18 m long with tall windows down its sides,
 * and at its front (+z) a square tower with the door, a round window
 * over it and a spire, 24-28 m to the tip. */
void oy_kind_church(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.85f, 1.15f), warm = oy_build_rand(b, 2, 0.0f, 0.06f);
    int stone = oy_build_masonry(b, (0.36f + warm) * k, (0.34f + 0.5f * warm) * k, 0.31f * k);
    int roof = roof_mat(b, 0.07f, 0.07f, 0.08f);
    int door = oy_build_mat(b, 0.07f, 0.04f, 0.025f);
    int win = oy_build_window(b);
    float hx = 4.5f, hz = 9.0f, wall = 7.0f, nz = -2.0f;
    float tall = oy_build_rand(b, 3, 15.0f, 18.0f), spire = oy_build_rand(b, 4, 8.0f, 10.0f);
    /* the nave, its roof ridge along it */
    oy_build_box(b, stone, 0, 0.5f * wall - 0.75f, nz, hx, 0.5f * wall + 0.75f, hz, 0, 0, 0);
    oy_build_roof(b, roof, 0, wall, nz, hz + 0.4f, hx + 0.45f, 3.8f, 0.5f * PI);
    for (int i = 0; i < 4; i++) {
        float z = nz - 0.75f * hz + 0.5f * hz * (float)i;
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, win, (float)s * (hx + 0.03f), 3.9f, z, 0.06f, 1.5f, 0.45f, 0, 0, 0);
    }
    /* the tower and its spire */
    float tz = nz + hz + 2.4f;
    oy_build_box(b, stone, 0, 0.5f * tall - 0.75f, tz, 2.8f, 0.5f * tall + 0.75f, 2.8f, 0, 0, 0);
    oy_build_frustum(b, roof, 0, tall, tz, 2.7f, 0.0f, spire);
    oy_build_box(b, door, 0, 1.5f, tz + 2.83f, 0.85f, 1.5f, 0.06f, 0, 0, 0);
    oy_build_box(b, win, 0, 5.5f, tz + 2.83f, 0.7f, 0.7f, 0.06f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, win, (float)s * 2.83f, tall - 2.5f, tz, 0.06f, 1.0f, 0.5f, 0, 0, 0);
    lamp_light(b, 0, 4.0f, tz + 4.0f, 4.0f);
}

/* a castle in ruin ("a crumbling castle", "a ruined castle"): the keep
 * roofless, its top broken off unevenly, each curtain wall breached, the
 * towers standing to different heights, no roofs, rubble at their feet,
 * empty windows */
static void ruined_castle(oy_build *b, int stone, int dark, float s, float wall)
{
    float kh = oy_build_rand(b, 2, 12.0f, 15.0f);
    oy_build_box(b, stone, 0, 0.5f * kh - 2.0f, 0, 6.0f, 0.5f * kh + 2.0f, 6.0f, 0, 0, 0);
    oy_build_box(b, stone, -3.5f, kh + 2.0f, 3.5f, 2.5f, 2.0f, 2.5f, 0, 0, 0);
    oy_build_box(b, stone, 4.0f, kh + 0.8f, -4.0f, 2.0f, 0.8f, 2.0f, 0, 0, 0);
    windows(b, dark, 6.0f, 6.0f, 0.6f * kh, 2, 0);
    for (int i = 0; i < 4; i++) {
        float a = PI * 0.5f * (float)i, ca = oy_cosf(a), sa = oy_sinf(a);
        float cx = sa * s, cz = ca * s;
        /* the wall in two stretches either side of a breach */
        float g0 = oy_build_rand(b, 10 + i, -0.5f, 0.3f) * s, g1 = g0 + oy_build_rand(b, 20 + i, 3.0f, 6.0f);
        float h0 = oy_build_rand(b, 30 + i, 0.55f, 1.0f) * wall, h1 = oy_build_rand(b, 40 + i, 0.4f, 0.9f) * wall;
        float m0 = 0.5f * (-s + g0), l0 = 0.5f * (g0 + s), m1 = 0.5f * (g1 + s), l1 = 0.5f * (s - g1);
        oy_build_box(b, stone, cx + ca * m0, 0.5f * h0 - 1.0f, cz - sa * m0, l0, 0.5f * h0 + 1.0f, 0.9f, a + PI * 0.5f,
                     0, 0);
        oy_build_box(b, stone, cx + ca * m1, 0.5f * h1 - 1.0f, cz - sa * m1, l1, 0.5f * h1 + 1.0f, 0.9f, a + PI * 0.5f,
                     0, 0);
        /* what is left of the battlements on the higher stretch */
        for (int j = 0; j < 3; j++) {
            float u = m0 + (float)(j - 1) * 0.55f * l0;
            oy_build_box(b, stone, cx + ca * u, h0 + 0.45f, cz - sa * u, 0.6f, 0.45f, 0.9f, a + PI * 0.5f, 0, 0);
        }
        /* the fallen stones in the breach, spilling out */
        float gm = 0.5f * (g0 + g1);
        oy_build_box(b, stone, cx + ca * gm + 1.2f * sa, 0.3f, cz - sa * gm + 1.2f * ca, 1.8f, 0.9f, 1.4f,
                     oy_build_rand(b, 50 + i, 0.0f, 3.0f), 0.2f, 0.15f);
        float tx = oy_sinf(a + PI * 0.25f) * s * 1.414f, tz = oy_cosf(a + PI * 0.25f) * s * 1.414f;
        oy_build_frustum(b, stone, tx, -2.0f, tz, 3.2f, 3.0f, oy_build_rand(b, 60 + i, 0.45f, 1.0f) * (wall + 6.0f));
    }
    oy_build_box(b, dark, 0, 1.8f, s + 0.5f, 1.6f, 1.8f, 0.5f, 0, 0, 0);
}

void oy_kind_castle(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.85f, 1.1f);
    int stone = oy_build_masonry(b, 0.3f * k, 0.28f * k, 0.25f * k);
    int roof = roof_mat(b, 0.06f, 0.06f, 0.08f);
    int dark = oy_build_mat(b, 0.03f, 0.025f, 0.02f);
    float s = 14.0f, wall = 9.0f;
    if (b->look->derelict) {
        ruined_castle(b, stone, dark, s, wall);
        return;
    }
    int win = oy_build_window(b);
    /* keep */
    oy_build_box(b, stone, 0, 8.0f, 0, 6.0f, 10.0f, 6.0f, 0, 0, 0);
    oy_build_roof(b, roof, 0, 18.0f, 0, 6.3f, 6.3f, 5.0f, 0);
    windows(b, win, 6.0f, 6.0f, 12.0f, 2, 0);
    /* curtain walls and corner towers */
    for (int i = 0; i < 4; i++) {
        float a = PI * 0.5f * (float)i;
        float cx = oy_sinf(a) * s, cz = oy_cosf(a) * s;
        oy_build_box(b, stone, cx, wall * 0.5f - 1.0f, cz, s, wall * 0.5f + 1.0f, 0.9f, a + PI * 0.5f, 0, 0);
        float tx = oy_sinf(a + PI * 0.25f) * s * 1.414f, tz = oy_cosf(a + PI * 0.25f) * s * 1.414f;
        oy_build_frustum(b, stone, tx, -2.0f, tz, 3.2f, 3.0f, wall + 6.0f);
        oy_build_frustum(b, roof, tx, wall + 4.0f, tz, 3.6f, 0.0f, 5.0f);
        /* battlements along each wall */
        for (int j = -3; j <= 3; j++) {
            float u = (float)j * s / 3.5f;
            oy_build_box(b, stone, cx + oy_cosf(a) * u, wall + 0.45f, cz - oy_sinf(a) * u, 0.6f, 0.45f, 0.9f,
                         a + PI * 0.5f, 0, 0);
        }
    }
    oy_build_box(b, dark, 0, 1.8f, s + 0.5f, 1.6f, 1.8f, 0.5f, 0, 0, 0);
    lamp_light(b, 0, 3.0f, s + 2.0f, 5.0f);
}

/* a pagoda: five storeys of vermilion posts under wide dark eaves on a
 * stone plinth, each narrower than the one below, a spire of rings on
 * top */
void oy_kind_temple(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.85f, 1.1f);
    int red = oy_build_mat(b, 0.42f * k, 0.09f * k, 0.05f * k);   /* first: what a colour word paints */
    int stone = oy_build_mat(b, 0.36f * k, 0.34f * k, 0.3f * k);
    int plaster = oy_build_mat(b, 0.62f, 0.58f, 0.5f);
    int roof = roof_mat(b, 0.06f, 0.07f, 0.07f);
    int bronze = oy_build_mat(b, 0.2f, 0.15f, 0.07f);
    int win = oy_build_window(b);
    oy_build_box(b, stone, 0, -0.5f, 0, 6.2f, 1.5f, 6.2f, 0, 0, 0);
    float y = 1.0f;
    for (int i = 0; i < 5; i++) {
        float w = 4.2f - 0.5f * (float)i, h = i ? 2.5f : 3.4f, e = w + 1.7f;
        oy_build_box(b, plaster, 0, y + 0.5f * h, 0, w - 0.15f, 0.5f * h, w - 0.15f, 0, 0, 0);
        for (int c = 0; c < 4; c++) {
            float cx = (c & 1 ? 1.0f : -1.0f) * w, cz = (c & 2 ? 1.0f : -1.0f) * w;
            oy_build_box(b, red, cx, y + 0.5f * h, cz, 0.25f, 0.5f * h, 0.25f, 0, 0, 0);
        }
        oy_build_box(b, red, 0, y + h - 0.2f, 0, w + 0.05f, 0.2f, w + 0.05f, 0, 0, 0);
        if (!i)
            oy_build_box(b, win, 0, y + 1.2f, w - 0.1f, 0.9f, 1.2f, 0.08f, 0, 0, 0);
        /* the eave: a thin wide slab, and a low hipped cap over it */
        oy_build_box(b, roof, 0, y + h + 0.1f, 0, e, 0.12f, e, 0, 0, 0);
        oy_build_roof(b, roof, 0, y + h + 0.2f, 0, e - 0.3f, e - 0.3f, 0.9f, 0);
        oy_build_roof(b, roof, 0, y + h + 0.2f, 0, e - 0.3f, e - 0.3f, 0.9f, 0.5f * PI);
        y += h + 0.6f;
    }
    oy_build_frustum(b, bronze, 0, y, 0, 0.2f, 0.12f, 4.5f);
    for (int r = 0; r < 5; r++)
        oy_build_frustum(b, bronze, 0, y + 0.6f + 0.55f * (float)r, 0, 0.55f, 0.5f, 0.12f);
    lamp_light(b, 0, 2.4f, 5.0f, 4.0f);
}

void oy_kind_wall(oy_build *b)
{
    float len = oy_build_rand(b, 1, 16.0f, 24.0f), h = oy_build_rand(b, 2, 1.1f, 1.6f);
    float k = oy_build_rand(b, 3, 0.85f, 1.15f);
    int stone = oy_build_masonry(b, 0.3f * k, 0.29f * k, 0.26f * k);
    int cope = oy_build_stone(b, 0.24f * k, 0.235f * k, 0.21f * k);
    /* a dry-stone wall: a battered body, its top a row of coping stones
     * set on edge, each its own size and tilt */
    oy_build_box(b, stone, 0, h * 0.5f - 0.6f, 0, len * 0.5f, h * 0.5f + 0.6f, 0.38f, 0, 0, 0);
    int n = (int)(len / 0.9f);
    for (int i = 0; i < n; i++) {
        float x = ((float)i + 0.5f) / (float)n * len - 0.5f * len;
        float s = oy_build_rand(b, 10 + i, 0.16f, 0.26f);
        oy_build_box(b, cope, x, h + s, 0, 0.5f * len / (float)n * oy_build_rand(b, 200 + i, 0.8f, 1.0f), s, 0.3f,
                     oy_build_rand(b, 400 + i, -0.08f, 0.08f), 0, oy_build_rand(b, 600 + i, -0.25f, 0.25f));
    }
}

void oy_kind_fence(oy_build *b)
{
    float len = 20.0f;
    int wood = oy_build_mat(b, 0.2f, 0.15f, 0.1f);
    int posts = 9;
    for (int i = 0; i < posts; i++) {
        float x = ((float)i / (float)(posts - 1) - 0.5f) * len;
        oy_build_box(b, wood, x, 0.35f, 0, 0.07f, 0.85f, 0.07f, oy_build_rand(b, 10 + i, -0.1f, 0.1f), 0,
                     oy_build_rand(b, 20 + i, -0.05f, 0.05f));
    }
    oy_build_box(b, wood, 0, 1.0f, 0.09f, len * 0.5f, 0.05f, 0.025f, 0, 0, 0);
    oy_build_box(b, wood, 0, 0.55f, 0.09f, len * 0.5f, 0.05f, 0.025f, 0, 0, 0);
}

void oy_kind_windmill(oy_build *b)
{
    int body = oy_build_mat(b, 0.5f, 0.47f, 0.42f);
    int cap = oy_build_mat(b, 0.12f, 0.07f, 0.05f);
    int sail = oy_build_mat(b, 0.55f, 0.52f, 0.46f);
    int wood = oy_build_mat(b, 0.12f, 0.09f, 0.06f);
    int dark = oy_build_mat(b, 0.05f, 0.04f, 0.03f);
    float h = 12.0f;
    oy_build_frustum(b, body, 0, -1.0f, 0, 3.2f, 2.2f, h + 1.0f);
    oy_build_frustum(b, cap, 0, h, 0, 2.5f, 0.0f, 2.6f);
    oy_build_box(b, dark, 0, 1.0f, 3.05f, 0.6f, 1.0f, 0.15f, 0, 0, 0);
    /* four sails on a hub facing +z, turning with the wind */
    float turn = b->t * (0.6f + 1.2f * b->look->wind) + oy_build_rand(b, 1, 0.0f, 6.28f);
    float hy = h + 0.8f, hz = 2.9f;
    oy_build_box(b, wood, 0, hy, hz - 0.3f, 0.3f, 0.3f, 0.6f, 0, 0, 0);
    for (int i = 0; i < 4; i++) {
        float a = turn + PI * 0.5f * (float)i;
        float ux = -oy_sinf(a), uy = oy_cosf(a);
        oy_build_box(b, sail, ux * 4.2f, hy + uy * 4.2f, hz, 0.9f, 3.4f, 0.04f, 0, 0, a);
        oy_build_box(b, wood, ux * 3.9f, hy + uy * 3.9f, hz + 0.08f, 0.08f, 3.9f, 0.06f, 0, 0, a);
    }
}

/* A dry garden of the Zen temples, 32 m by 28 m, open on its front
 * (+z): a bed of pale gravel raked in straight lines across, three
 * groups of rocks each on its island of moss, an ochre clay wall with a
 * dark tiled cap round its back and sides and a pine pruned into pads
 * over the back wall. */
void oy_kind_zen_garden(oy_build *b)
{
    const float X = 16.0f, Z = 14.0f;
    int gravel = oy_build_stone(b, 0.3f, 0.295f, 0.275f);
    int raked = oy_build_stone(b, 0.34f, 0.335f, 0.31f);
    int rock = oy_build_stone(b, 0.2f, 0.19f, 0.18f);
    int moss = oy_build_mat(b, 0.05f, 0.1f, 0.03f);
    int clay = oy_build_mat(b, 0.6f, 0.47f, 0.3f);
    int tile = oy_build_mat(b, 0.08f, 0.08f, 0.09f);
    int bark = oy_build_mat(b, 0.12f, 0.08f, 0.06f);
    int needles = oy_build_mat(b, 0.05f, 0.12f, 0.05f);
    b->m[needles].flags |= OY_MAT_LEAF;
    /* the bed, sunk deep enough to stay whole on a gentle slope, and its
     * raked ridges */
    oy_build_box(b, gravel, 0, -0.5f, 0, X, 0.62f, Z, 0, 0, 0);
    for (int i = 0; i < 26; i++)
        oy_build_box(b, raked, 0, 0.13f, -Z + 0.55f + 1.07f * (float)i, X - 0.2f, 0.025f, 0.12f, 0, 0, 0);
    /* three groups of rocks, a tall one and a low one on moss */
    for (int g = 0; g < 3; g++) {
        static const float at[3][2] = { { -0.3f, -0.5f }, { 0.05f, -0.05f }, { 0.32f, -0.7f } };
        float x = at[g][0] * X + oy_build_rand(b, 10 + g, -1.0f, 1.0f);
        float z = at[g][1] * Z + oy_build_rand(b, 20 + g, -1.5f, 1.5f);
        float s = oy_build_rand(b, 30 + g, 0.6f, 1.0f), lean = oy_build_rand(b, 35 + g, -0.35f, 0.35f);
        oy_build_ellipsoid(b, moss, x, 0.1f, z, 2.2f * s, 0.25f, 1.8f * s);
        /* a tall stone of two lumps leaning together, a low flat one by it */
        oy_build_ellipsoid(b, rock, x, 0.35f * s, z, 0.85f * s, 0.8f * s, 0.7f * s);
        oy_build_ellipsoid(b, rock, x + lean * s, 0.9f * s, z - 0.1f * s, 0.5f * s, 0.9f * s, 0.45f * s);
        oy_build_ellipsoid(b, rock, x + 1.2f * s, 0.12f * s, z + 0.5f * s, 0.7f * s, 0.3f * s, 0.55f * s);
    }
    /* the wall and its cap: the back, then the two sides */
    oy_build_box(b, clay, 0, 0.6f, -Z - 0.3f, X + 0.3f, 1.0f, 0.25f, 0, 0, 0);
    oy_build_box(b, tile, 0, 1.7f, -Z - 0.3f, X + 0.55f, 0.12f, 0.5f, 0, 0, 0);
    for (int sd = -1; sd <= 1; sd += 2) {
        float x = (float)sd * (X + 0.3f);
        oy_build_box(b, clay, x, 0.6f, 0, 0.25f, 1.0f, Z + 0.3f, 0, 0, 0);
        oy_build_box(b, tile, x, 1.7f, 0, 0.5f, 0.12f, Z + 0.55f, 0, 0, 0);
    }
    /* the pine: a leaning trunk and flat pads of needles */
    float px = oy_build_rand(b, 40, 0.3f, 0.7f) * X;
    oy_build_box(b, bark, px, 2.6f, -Z - 2.0f, 0.25f, 2.8f, 0.25f, 0, 0, 0.2f);
    for (int i = 0; i < 4; i++)
        oy_build_ellipsoid(b, needles, px - 0.4f + oy_build_rand(b, 50 + i, -2.0f, 2.0f), 3.2f + 0.9f * (float)i,
                           -Z - 2.0f + oy_build_rand(b, 60 + i, -0.8f, 0.8f), 1.8f - 0.25f * (float)i, 0.45f,
                           1.4f - 0.2f * (float)i);
}

/* A wind turbine: a white tapering tower 50 m to its hub, the nacelle
 * on top and three long blades on a hub facing +z, turning with the
 * wind; a red lamp on the nacelle blinks at night. */
void oy_kind_wind_turbine(oy_build *b)
{
    int white = oy_build_mat(b, 0.72f, 0.73f, 0.74f);
    int grey = oy_build_mat(b, 0.55f, 0.56f, 0.57f);
    float H = oy_build_rand(b, 1, 46.0f, 54.0f), L = 0.44f * H;
    oy_build_frustum(b, white, 0, -1.0f, 0, 2.1f, 1.2f, H + 1.0f);
    oy_build_box(b, white, 0, H + 0.3f, -0.8f, 1.3f, 1.4f, 3.6f, 0, 0, 0);
    oy_build_ellipsoid(b, grey, 0, H + 0.3f, 3.2f, 1.1f, 1.1f, 1.5f);
    float turn = b->t * (1.0f + 1.2f * b->look->wind) + oy_build_rand(b, 2, 0.0f, 6.28f);
    for (int i = 0; i < 3; i++) {
        float a = turn + 2.0f * PI * (float)i / 3.0f, ux = -oy_sinf(a), uy = oy_cosf(a);
        /* broad by the hub, narrow at the tip */
        oy_build_box(b, white, ux * 0.3f * L, H + 0.3f + uy * 0.3f * L, 3.4f, 0.95f, 0.3f * L, 0.15f, 0, 0, a);
        oy_build_box(b, white, ux * 0.75f * L, H + 0.3f + uy * 0.75f * L, 3.4f, 0.5f, 0.25f * L, 0.1f, 0, 0, a);
    }
    float n = b->look->night;
    if (n > 0.05f && oy_sinf(b->t * 3.1f) > 0.0f) {
        int lamp = oy_build_glow(b, 1.0f, 0.08f, 0.04f, 4.0f * n);
        oy_build_ellipsoid(b, lamp, 0, H + 1.9f, -3.8f, 0.3f, 0.3f, 0.3f);
    }
}

void oy_kind_standing_stones(oy_build *b)
{
    int n = 9 + (int)oy_build_rand(b, 1, 0.0f, 4.0f);
    float rr = oy_build_rand(b, 2, 7.0f, 10.0f);
    for (int i = 0; i < n; i++) {
        /* weathered grey, some greener with lichen */
        float k = oy_build_rand(b, 3 + i, 0.75f, 1.15f), moss = oy_build_rand(b, 80 + i, 0.0f, 0.04f);
        int stone = oy_build_stone(b, 0.2f * k, (0.2f + moss) * k, 0.18f * k);
        float a = 2.0f * PI * (float)i / (float)n, yaw = a + oy_build_rand(b, 40 + i, -0.2f, 0.2f);
        float lean = oy_build_rand(b, 60 + i, -0.08f, 0.08f), h = oy_build_rand(b, 20 + i, 1.8f, 3.8f);
        float w = oy_build_rand(b, 100 + i, 0.45f, 0.65f), t = oy_build_rand(b, 120 + i, 0.25f, 0.4f);
        float x = oy_sinf(a) * rr, z = oy_cosf(a) * rr, top = 0.7f * h;
        /* a slab narrowing upward to a broken, slanting head */
        float slant = oy_build_rand(b, 140 + i, -0.18f, 0.18f);
        oy_build_box(b, stone, x, top * 0.5f - 0.4f, z, w, top * 0.5f + 0.4f, t, yaw, lean, 0);
        oy_build_box(b, stone, x + oy_sinf(lean) * top, top + 0.06f * h, z, 0.72f * w, 0.13f * h, 0.85f * t, yaw,
                     lean, slant);
    }
}

/* a graveyard: rows of weathered headstones, some leaning, round-headed
 * or square, a few stone crosses among them */
void oy_kind_graves(oy_build *b)
{
    for (int r = 0; r < 4; r++)
        for (int i = 0; i < 5; i++) {
            int s = r * 5 + i;
            if (oy_build_rand(b, 200 + s, 0.0f, 1.0f) < 0.15f)
                continue;   /* a gap in the row */
            float k = oy_build_rand(b, 3 + s, 0.7f, 1.2f), moss = oy_build_rand(b, 80 + s, 0.0f, 0.03f);
            int stone = oy_build_stone(b, 0.24f * k, (0.235f + moss) * k, 0.22f * k);
            float x = -8.0f + 4.0f * (float)i + oy_build_rand(b, 20 + s, -0.5f, 0.5f);
            float z = -6.0f + 4.0f * (float)r + oy_build_rand(b, 40 + s, -0.3f, 0.3f);
            float yaw = oy_build_rand(b, 60 + s, -0.12f, 0.12f), lean = oy_build_rand(b, 100 + s, -0.12f, 0.12f);
            float h = oy_build_rand(b, 120 + s, 0.6f, 1.1f), w = oy_build_rand(b, 140 + s, 0.28f, 0.4f);
            if (oy_build_rand(b, 160 + s, 0.0f, 1.0f) < 0.2f) {
                /* a cross: a shaft and its arms */
                oy_build_box(b, stone, x, 0.5f * h + 0.2f, z, 0.07f, 0.5f * h + 0.5f, 0.07f, yaw, lean, 0);
                oy_build_box(b, stone, x, 0.8f * h + 0.2f, z, 0.3f, 0.07f, 0.07f, yaw, lean, 0);
                continue;
            }
            oy_build_box(b, stone, x, 0.5f * h - 0.3f, z, w, 0.5f * h + 0.3f, 0.08f, yaw, lean, 0);
            if (oy_build_rand(b, 180 + s, 0.0f, 1.0f) < 0.6f)   /* a rounded head */
                oy_build_ellipsoid(b, stone, x, h - 0.3f, z, w, 0.25f * w, 0.08f);
        }
}

/* Round bales of hay left about a mown field, 1.5 m across and 1.2 m
 * tall, standing on end in loose rows, some in pairs, their tops a
 * little darker where the roll ends. */
void oy_kind_hay_bales(oy_build *b)
{
    int hay = oy_build_mat(b, 0.42f, 0.33f, 0.15f);
    int end = oy_build_mat(b, 0.34f, 0.26f, 0.11f);
    for (int r = 0; r < 3; r++)
        for (int i = 0; i < 4; i++) {
            int s = r * 4 + i;
            if (oy_build_rand(b, 200 + s, 0.0f, 1.0f) < 0.25f)
                continue;   /* none here */
            float x = -10.5f + 7.0f * (float)i + oy_build_rand(b, 20 + s, -2.0f, 2.0f);
            float z = -8.0f + 8.0f * (float)r + oy_build_rand(b, 40 + s, -2.0f, 2.0f);
            float rad = oy_build_rand(b, 60 + s, 0.68f, 0.8f), h = oy_build_rand(b, 80 + s, 1.1f, 1.3f);
            oy_build_frustum(b, hay, x, -0.2f, z, rad, rad, h + 0.2f);
            oy_build_frustum(b, end, x, h - 0.02f, z, 0.92f * rad, 0.85f * rad, 0.06f);
            if (oy_build_rand(b, 100 + s, 0.0f, 1.0f) < 0.3f)   /* a second beside it */
                oy_build_frustum(b, hay, x + 1.6f, -0.2f, z + 0.3f, rad, rad, h + 0.2f);
        }
}

/* A classical temple of pale marble, its gable end toward the view: three
 * steps up to a floor 14 m by 30 m, a row of columns 9 m tall round it (six
 * across each end, eight down each side), the walls of its inner hall
 * within, a beam over the columns and a low gabled roof, its pediment
 * facing the view. */
void oy_kind_greek_temple(oy_build *b)
{
    int marble = oy_build_stone(b, 0.72f, 0.69f, 0.62f);
    int shade = oy_build_shade(b, 0.8f);
    const float hx = 7.0f, hz = 15.0f, step = 0.45f, col = 9.0f, r = 0.75f;
    for (int i = 0; i < 3; i++)
        oy_build_box(b, marble, 0, step * ((float)i + 0.5f) - (i == 0 ? 0.5f : 0.0f), 0, hx + 1.2f - 0.5f * (float)i,
                     0.5f * step + (i == 0 ? 0.5f : 0.0f), hz + 1.2f - 0.5f * (float)i, 0, 0, 0);
    float floor = 3.0f * step;
    /* six columns across each end, eight down each side (the corners
     * counted once) */
    for (int i = 0; i < 6; i++) {
        float x = -hx + 2.0f * hx * (float)i / 5.0f;
        for (int s = -1; s <= 1; s += 2)
            oy_build_frustum(b, marble, x, floor, (float)s * hz, r, 0.85f * r, col);
    }
    for (int i = 1; i < 7; i++) {
        float z = -hz + 2.0f * hz * (float)i / 7.0f;
        for (int s = -1; s <= 1; s += 2)
            oy_build_frustum(b, marble, (float)s * hx, floor, z, r, 0.85f * r, col);
    }
    /* the inner hall, in the columns' shade */
    oy_build_box(b, shade, 0, floor + 0.5f * col, -1.0f, hx - 2.6f, 0.5f * col, hz - 4.5f, 0, 0, 0);
    /* the beam over the columns, then the roof */
    float top = floor + col;
    oy_build_box(b, marble, 0, top + 0.8f, 0, hx + 0.9f, 0.8f, hz + 0.9f, 0, 0, 0);
    oy_build_roof(b, marble, 0, top + 1.6f, 0, hz + 1.0f, hx + 1.0f, 2.6f, 1.5707963f);
}

/* A tower block: a shaft of concrete, stone or glass 35-160 m high (most
 * of them lower) on a footprint 14-30 m a side, its floors banded with
 * rows of dark glass; a setback crown on top, a mast with a red light on
 * the taller ones. By night about half its floors are lit, warm. */
void oy_kind_skyscraper(oy_build *b)
{
    static const float walls[][3] = { { 0.36f, 0.37f, 0.39f }, { 0.16f, 0.2f, 0.25f }, { 0.5f, 0.48f, 0.44f },
                                      { 0.11f, 0.14f, 0.19f }, { 0.42f, 0.38f, 0.33f }, { 0.6f, 0.6f, 0.58f } };
    const float *c = walls[(int)oy_build_rand(b, 1, 0.0f, 5.999f)];
    /* by night a dark shaft against the sky, its lit floors bright: the
     * eye adapted to the lights sees the walls the moon lights as dim */
    float n = b->look->night, k = 1.0f - 0.7f * n;
    int wall = oy_build_mat(b, k * c[0], k * c[1], k * c[2]);
    int glass = oy_build_mat(b, 0.035f, 0.045f, 0.06f);
    int lit = n > 0.05f ? lit_glass(b, 1.0f, 0.62f, 0.3f, 0.9f * n) : glass;
    float u = oy_build_rand(b, 2, 0.0f, 1.0f), h = 35.0f + 125.0f * u * u;
    float hx = oy_build_rand(b, 3, 7.0f, 15.0f), hz = oy_build_rand(b, 4, 7.0f, 15.0f);
    oy_build_box(b, wall, 0, 0.5f * h - 1.0f, 0, hx, 0.5f * h + 1.0f, hz, 0, 0, 0);
    /* a band of windows for each floor, or for a few where they are
     * many, within the prototype's budget */
    int floors = (int)(h / 3.6f), per = 1 + floors / 44;
    for (int f = 0; f * per < floors - 1; f++) {
        float y = 3.6f * (float)(f * per) + 2.0f;
        int on = oy_build_rand(b, 100 + f, 0.0f, 1.0f) < 0.5f;
        oy_build_box(b, on ? lit : glass, 0, y, 0, hx + 0.06f, 0.55f * (float)per, hz + 0.06f, 0, 0, 0);
    }
    float top = h + oy_build_rand(b, 5, 3.0f, 8.0f);
    oy_build_box(b, wall, 0, 0.5f * (h + top), 0, 0.7f * hx, 0.5f * (top - h), 0.7f * hz, 0, 0, 0);
    if (h > 90.0f) {
        float mast = oy_build_rand(b, 6, 10.0f, 25.0f);
        oy_build_frustum(b, wall, 0, top, 0, 0.5f, 0.15f, mast);
        if (n > 0.05f)
            oy_build_ellipsoid(b, oy_build_glow(b, 1.0f, 0.05f, 0.02f, 2.0f), 0, top + mast, 0, 0.6f, 0.6f, 0.6f);
    }
}

/* One of the boxes a road's length is laid in, across (x) from its
 * middle, its top lift above the body's, along the ground's rise
 * (b->pitch). The lengths meet top edge to top edge, each a hand longer
 * than its piece to close the wedge a bend opens; more would stand one
 * length's end proud of the next where the slope changes. Each is lit as
 * level ground (oy_build_lie_flat), so the ends that do stand proud do
 * not show. hz: the share of the length it runs. */
static void lay_box(oy_build *b, int mat, float x, float lift, float hx, float hz)
{
    float len = 0.5f * (b->span > 0.0f ? b->span : 6.0f) + 0.12f;
    oy_build_box(b, mat, x, -0.45f + lift, 0, hx, 0.6f, hz * len, 0, -b->pitch, 0);
}

float oy_road_heading(uint64_t seed, float yaw, int straight, float s)
{
    if (straight)
        return yaw;
    float phase = 6.2831853f * oy_u01(seed), bend = 0.2f + 0.25f * oy_u01(oy_mix64(seed));
    return yaw + bend * (oy_sinf(0.12f * s + phase) - oy_sinf(phase));
}

void oy_road_point(uint64_t seed, float yaw, int straight, float along, float out[2], float *heading)
{
    float dir = along < 0.0f ? -1.0f : 1.0f, left = fabsf(along), a = yaw;
    out[0] = out[1] = 0.0f;
    for (int i = 0; left > 0.0f && i < 1000; i++) {
        float step = fminf(left, OY_ROAD_PIECE);
        a = oy_road_heading(seed, yaw, straight, dir * ((float)i + 0.5f));
        out[0] += dir * oy_sinf(a) * step;
        out[1] += dir * oy_cosf(a) * step;
        left -= step;
    }
    *heading = a;
}

/* one stretch of road: the scene lays them end to end along the ground;
 * packed earth the renderer blotches and grains like bare ground, two
 * darker wheel ruts worn into it */
void oy_kind_road(oy_build *b)
{
    float d = b->look->dry;
    int dirt = oy_build_stone(b, oy_lerpf(0.1f, 0.2f, d), oy_lerpf(0.08f, 0.16f, d), oy_lerpf(0.06f, 0.11f, d));
    int rut = oy_build_shade(b, 0.7f);
    lay_box(b, dirt, 0, 0, 2.0f, 1.0f);
    for (int s = -1; s <= 1; s += 2)
        lay_box(b, rut, s * 0.8f, 0.012f, 0.16f, 1.0f);
    oy_build_lie_flat(b);
}

/* A paved road: grey asphalt 7.6 m wide, a white line along each edge
 * and a yellow dash down its middle in every length */
void oy_kind_highway(oy_build *b)
{
    int tar = oy_build_stone(b, 0.062f, 0.058f, 0.054f);
    int white = oy_build_mat(b, 0.62f, 0.62f, 0.6f);
    int yellow = oy_build_mat(b, 0.6f, 0.42f, 0.06f);
    lay_box(b, tar, 0, 0, 3.8f, 1.0f);
    for (int s = -1; s <= 1; s += 2)
        lay_box(b, white, s * 3.5f, 0.012f, 0.09f, 1.0f);
    lay_box(b, yellow, 0, 0.012f, 0.08f, 0.5f);
    oy_build_lie_flat(b);
}

/* A runway: dark asphalt 45 m wide, laid straight over the highest
 * ground across it; a white line along each edge, white dashes down its
 * middle, and edge lamps that glow after dusk */
void oy_kind_runway(oy_build *b)
{
    int tar = oy_build_stone(b, 0.055f, 0.053f, 0.05f);
    int white = oy_build_mat(b, 0.66f, 0.66f, 0.64f);
    /* deep, so that where it rides over a dip its side reaches the ground */
    float len = 0.5f * (b->span > 0.0f ? b->span : 6.0f) + 0.12f;
    oy_build_box(b, tar, 0, -2.85f, 0, 22.5f, 3.0f, len, 0, -b->pitch, 0);
    for (int s = -1; s <= 1; s += 2)
        lay_box(b, white, s * 21.0f, 0.012f, 0.45f, 1.0f);
    lay_box(b, white, 0, 0.012f, 0.45f, 0.5f);
    oy_build_lie_flat(b);
    if (b->look->night > 0.0f) {
        int lamp = oy_build_glow(b, 1.0f, 0.85f, 0.55f, 6.0f * b->look->night);
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, lamp, s * 23.0f, 0.35f, 0, 0.15f, 0.15f, 0.15f, 0, 0, 0);
    }
}

/* A footpath: a strip of trodden earth a person wide */
void oy_kind_footpath(oy_build *b)
{
    float d = b->look->dry;
    int earth = oy_build_stone(b, oy_lerpf(0.13f, 0.24f, d), oy_lerpf(0.1f, 0.19f, d), oy_lerpf(0.07f, 0.13f, d));
    lay_box(b, earth, 0, -0.02f, 0.7f, 1.0f);
    oy_build_lie_flat(b);
}

/* One pole of a power line and its span: a weathered wooden pole 9-10 m
 * tall with a crossarm, two wires on the crossarm and one on the pole's
 * top, a telephone cable lower down, and on some poles a transformer
 * drum. The wires sag to the next pole, b->span along +z and
 * b->span * tan(b->pitch) higher (a span of 0: the line's last pole). */
static void wire(oy_build *b, int mat, float x, float y, float rise, float sag)
{
    const int n = 4;
    float len = b->span, z0 = 0.0f, y0 = y;
    for (int j = 1; j <= n; j++) {
        float u = (float)j / (float)n, z1 = len * u, y1 = y + rise * u - 4.0f * sag * u * (1.0f - u);
        float dz = z1 - z0, dy = y1 - y0, half = 0.5f * sqrtf(dz * dz + dy * dy) + 0.02f;
        oy_build_box(b, mat, x, 0.5f * (y0 + y1), 0.5f * (z0 + z1), 0.022f, 0.022f, half, 0,
                     -oy_atanf(dy / dz), 0);
        z0 = z1;
        y0 = y1;
    }
}

void oy_kind_power_line(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.8f, 1.15f), h = oy_build_rand(b, 2, 9.0f, 10.0f);
    int wood = oy_build_mat(b, 0.19f * k, 0.15f * k, 0.11f * k);
    int cable = oy_build_mat(b, 0.03f, 0.03f, 0.03f);
    int steel = oy_build_mat(b, 0.34f, 0.35f, 0.35f);
    int porcelain = oy_build_mat(b, 0.55f, 0.55f, 0.52f);
    oy_build_frustum(b, wood, 0, -0.8f, 0, 0.15f, 0.11f, h + 0.8f);
    oy_build_box(b, wood, 0, h - 0.55f, 0, 1.05f, 0.06f, 0.06f, 0, 0, 0);
    static const float at[3][2] = { { -0.9f, 0.0f }, { 0.9f, 0.0f }, { 0.0f, 0.6f } };
    for (int i = 0; i < 3; i++)
        oy_build_frustum(b, porcelain, at[i][0], h - 0.49f + at[i][1], 0, 0.045f, 0.03f, 0.14f);
    if (oy_build_rand(b, 3, 0.0f, 1.0f) < 0.3f)
        oy_build_frustum(b, steel, 0.0f, h - 2.7f, -0.32f, 0.26f, 0.26f, 0.9f);
    if (b->span <= 0.0f)
        return;
    float rise = b->span * oy_tanf(b->pitch), sag = 0.025f * b->span;
    for (int i = 0; i < 3; i++)
        wire(b, cable, at[i][0], h - 0.33f + at[i][1], rise, sag);
    wire(b, cable, 0.0f, h - 2.9f, rise, 1.4f * sag);
}

float oy_pier_deck(float water) { return fmaxf(water + 1.0f, 0.35f); }

/* Along +z from its foot on the shore: the deck a metre over the water
 * (b->water, below the base when the shore stands higher) or just over
 * the ground, on pairs of posts down into the bed every 4 m, with a
 * bollard or two at the far end. */
void oy_kind_pier(oy_build *b)
{
    float len = b->span > 0.0f ? b->span : 24.0f;
    int wood = oy_build_mat(b, 0.2f, 0.16f, 0.12f);
    int post = oy_build_mat(b, 0.1f, 0.08f, 0.06f);
    float deck = oy_pier_deck(b->water), bed = fminf(b->water, 0.0f) - 2.5f;
    oy_build_box(b, wood, 0, deck, 0.5f * len - 2.0f, 1.3f, 0.12f, 0.5f * len + 2.0f, 0, 0, 0);
    int n = (int)(len / 4.0f);
    for (int i = 0; i <= n; i++) {
        float z = (float)i / (float)n * len;
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, post, s * 1.15f, 0.5f * (deck + bed), z, 0.12f, 0.5f * (deck - bed), 0.12f,
                         oy_build_rand(b, 10 + i, -0.03f, 0.03f), 0, 0);
    }
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, post, s * 1.1f, deck + 0.35f, len - 0.4f, 0.14f, 0.35f, 0.14f, 0, 0, 0);
}

float oy_bridge_deck(float water, int arched) { return fmaxf(water, 0.0f) + (arched ? 3.2f : 1.5f); }

/* A rope bridge over a gorge (b->water the floor, metres below its
 * base): a deck of planks sagging from side to side in eight lengths, a
 * hand rope either side sagging with it, hung from it at each joint, a
 * pair of posts at each end and the ropes running down to stakes behind
 * them. */
static void rope_bridge(oy_build *b, float len)
{
    int wood = oy_build_mat(b, 0.2f, 0.14f, 0.085f);
    int rope = oy_build_mat(b, 0.27f, 0.22f, 0.15f);
    const int n = 8;
    float sag = 0.06f * len, deck = 1.0f, rail = 1.05f;
    for (int j = 0; j < n; j++) {
        float u0 = (float)j / (float)n, u1 = (float)(j + 1) / (float)n;
        float z0 = (u0 - 0.5f) * len, z1 = (u1 - 0.5f) * len;
        float y0 = deck - 4.0f * sag * u0 * (1.0f - u0), y1 = deck - 4.0f * sag * u1 * (1.0f - u1);
        float a = -oy_atanf((y1 - y0) / (z1 - z0)), half = 0.5f * sqrtf((z1 - z0) * (z1 - z0) + (y1 - y0) * (y1 - y0));
        oy_build_box(b, wood, 0, 0.5f * (y0 + y1), 0.5f * (z0 + z1), 0.75f, 0.08f, half + 0.03f, 0, a, 0);
        for (int s = -1; s <= 1; s += 2) {
            oy_build_box(b, rope, s * 0.8f, 0.5f * (y0 + y1) + rail, 0.5f * (z0 + z1), 0.03f, 0.03f, half + 0.03f, 0,
                         a, 0);
            if (j)   /* a hanger from the hand rope down to the planks */
                oy_build_box(b, rope, s * 0.8f, y0 + 0.5f * rail, z0, 0.02f, 0.5f * rail, 0.02f, 0, 0, 0);
        }
    }
    for (int e = -1; e <= 1; e += 2)
        for (int s = -1; s <= 1; s += 2) {
            oy_build_box(b, wood, s * 0.85f, deck + 0.4f, e * (0.5f * len + 0.3f), 0.1f, 1.6f, 0.1f, 0, 0, 0);
            oy_build_box(b, rope, s * 0.85f, deck + 0.6f, e * (0.5f * len + 1.6f), 0.03f, 0.03f, 1.5f, 0,
                         (float)e * 0.55f, 0);
        }
}

/* A bridge: stone arches under parapets, or a wooden deck with rails on
 * piers; over a dry gorge (b->water more than 6 m below its base, the
 * gorge's floor) a rope bridge or stone arches on piers down to the
 * floor */
static void bridge(oy_build *b, int arched)
{
    float len = b->span > 0.0f ? b->span : 24.0f;
    if (!arched && b->water < -6.0f) {
        rope_bridge(b, len);
        return;
    }
    /* its one material first: what a colour word paints ("a red bridge") */
    int mat = arched ? oy_build_masonry(b, 0.3f, 0.28f, 0.25f) : oy_build_mat(b, 0.16f, 0.11f, 0.07f);
    float surface = b->water, deck = oy_bridge_deck(b->water, arched);   /* water, or a gorge's floor */
    oy_build_box(b, mat, 0, deck, 0, 1.8f, 0.25f, len * 0.5f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2) {
        if (arched)   /* parapets */
            oy_build_box(b, mat, s * 1.65f, deck + 0.6f, 0, 0.18f, 0.45f, len * 0.5f, 0, 0, 0);
        else          /* rails */
            oy_build_box(b, mat, s * 1.7f, deck + 0.6f, 0, 0.08f, 0.4f, len * 0.5f, 0, 0, 0);
    }
    int piers = len < 10.0f ? 1 : (int)(len / 10.0f);
    float foot = fminf(b->water, 0.0f) - 3.0f;
    for (int i = 1; i < piers; i++) {
        float z = ((float)i / (float)piers - 0.5f) * len;
        oy_build_box(b, mat, 0, 0.5f * (deck + foot), z, 1.7f, 0.5f * (deck - foot), 0.5f, 0, 0, 0);
    }
    if (arched) {
        /* a stone arch over each span between the piers: the spandrel
         * down to the curve of the arch, in up to eight courses whose
         * undersides are chords of it, as many as the prototype's
         * budget leaves after the deck, parapets, piers and ramps */
        int courses = (OY_PROTO_PRIMS - 4 - piers) / piers;
        courses = courses > 8 ? 8 : courses & ~1;
        float span = len / (float)piers, w = 0.5f * span - 0.5f, top = deck - 0.25f;
        float rise = fminf(w, top - 0.6f - surface);
        float spring = top - 0.6f - rise;
        for (int i = 0; i < piers; i++) {
            float zc = ((float)i + 0.5f) / (float)piers * len - 0.5f * len;
            for (int j = 0; j < courses; j++) {
                float du = 2.0f / (float)courses, u0 = (float)j * du - 1.0f, u1 = u0 + du;
                float y0 = spring + rise * sqrtf(fmaxf(0.0f, 1.0f - u0 * u0));
                float y1 = spring + rise * sqrtf(fmaxf(0.0f, 1.0f - u1 * u1));
                oy_build_spandrel(b, mat, 1.75f, zc + u0 * w, y0, zc + u1 * w, y1, top);
            }
        }
    }
    /* a ramp down to the bank at each end, so that one can walk onto it:
     * pitch is the rise of the +z bank over the -z one across the span */
    float rise = oy_tanf(b->pitch) * len;
    for (int s = -1; s <= 1; s += 2) {
        float bank = (s > 0) == (rise > 0.0f) ? 0.0f : -(rise > 0.0f ? rise : -rise);
        float drop = deck + 0.25f - bank, run = drop * 2.5f > 3.0f ? drop * 2.5f : 3.0f;
        float a = oy_atanf(drop / run), half = 0.5f * sqrtf(run * run + drop * drop);
        oy_build_box(b, mat, 0, bank + 0.5f * drop - 0.2f * oy_cosf(a), s * (len * 0.5f + 0.5f * run),
                     1.8f, 0.2f, half, 0, (float)s * a, 0);
    }
}

/* over narrow water a wooden bridge, over water 30 m wide or more a stone
 * one */
void oy_kind_bridge(oy_build *b) { bridge(b, oy_bridge_arched(0, b->span)); }
int oy_bridge_arched(int stone, float span) { return stone || span > 30.0f; }
void oy_kind_footbridge(oy_build *b) { bridge(b, 0); }

/* A covered bridge: the wooden bridge with board walls along its deck,
 * red or weathered (what a colour word paints), a dark band of windows
 * along each, and a gable roof over it open at both ends; over a gorge,
 * the rope bridge alone */
void oy_kind_covered_bridge(oy_build *b)
{
    float len = b->span > 0.0f ? b->span : 24.0f, k = oy_build_rand(b, 1, 0.85f, 1.1f);
    int red = oy_build_rand(b, 2, 0.0f, 1.0f) < 0.6f;
    int boards = red ? oy_build_mat(b, 0.34f * k, 0.075f * k, 0.05f * k) : oy_build_mat(b, 0.2f * k, 0.16f * k, 0.11f * k);
    int roof = roof_mat(b, 0.09f, 0.09f, 0.095f);
    int dark = oy_build_mat(b, 0.03f, 0.025f, 0.02f);
    bridge(b, 0);
    if (b->water < -6.0f)
        return;
    float deck = oy_bridge_deck(b->water, 0) + 0.25f;
    for (int s = -1; s <= 1; s += 2) {
        oy_build_box(b, boards, (float)s * 1.95f, deck + 1.4f, 0, 0.08f, 1.4f, 0.5f * len, 0, 0, 0);
        oy_build_box(b, dark, (float)s * 2.04f, deck + 1.9f, 0, 0.02f, 0.22f, 0.4f * len, 0, 0, 0);
    }
    oy_build_roof(b, roof, 0, deck + 2.8f, 0, 0.5f * len + 0.3f, 2.35f, 1.5f, 0.5f * PI);
}
void oy_kind_stone_bridge(oy_build *b) { bridge(b, 1); }

/* A town fountain: a round stone basin brimming with water, a pedestal
 * with a bowl, a jet rising from it and a thin curtain falling round it. */
void oy_kind_fountain(oy_build *b)
{
    float g = oy_build_rand(b, 1, 0.42f, 0.55f);
    int stone = oy_build_stone(b, g, g * 0.95f, g * 0.88f);
    int pool = oy_build_mat(b, 0.05f, 0.09f, 0.1f);
    int jet = oy_build_white_water(b, 0.9f, 0.93f, 0.95f);
    int fall = oy_build_soft(b, 0.85f, 0.88f, 0.92f, 0.35f, 0.3f);
    oy_build_frustum(b, stone, 0, 0.0f, 0, 2.7f, 2.6f, 0.55f);
    oy_build_frustum(b, pool, 0, 0.55f, 0, 2.35f, 2.35f, 0.02f);
    oy_build_frustum(b, stone, 0, 0.55f, 0, 0.38f, 0.26f, 1.35f);
    oy_build_frustum(b, stone, 0, 1.9f, 0, 0.3f, 1.0f, 0.3f);
    oy_build_frustum(b, pool, 0, 2.2f, 0, 0.92f, 0.92f, 0.02f);
    oy_build_frustum(b, stone, 0, 2.2f, 0, 0.12f, 0.09f, 0.35f);
    float pulse = 0.08f * oy_sinf(b->t * 3.1f + oy_build_rand(b, 2, 0.0f, 6.28f));
    oy_build_frustum(b, jet, 0, 2.55f, 0, 0.07f, 0.02f, 0.75f + pulse);
    oy_build_frustum(b, fall, 0, 0.57f, 0, 1.12f, 0.98f, 1.63f);
}

/* A pyramid of limestone blocks: four faces rising at about 52 degrees,
 * 70-130 m to the point (the renderer beds the stone into courses), the
 * last of a paler casing at the top and fallen blocks round its foot. */
void oy_kind_pyramid(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.85f, 1.15f);
    int stone = oy_build_stone(b, 0.5f * k, 0.41f * k, 0.27f * k);
    int casing = oy_build_stone(b, 0.66f * k, 0.58f * k, 0.43f * k);
    float h = 100.0f * oy_build_rand(b, 2, 0.7f, 1.3f), r = 0.785f * h;
    oy_build_pyramid(b, stone, 0, -1.0f, 0, r, h + 1.0f, 4, 0);
    /* the casing: the same faces, a hand proud of them, on the top fifth */
    float top = 0.8f * h, rc = r * (h - top) / h;
    oy_build_pyramid(b, casing, 0, top, 0, rc + 0.3f, h - top + 0.4f, 4, 0);
    for (int i = 0; i < 10; i++) {
        float a = oy_build_rand(b, 10 + i, 0.0f, 2.0f * PI), d = r * oy_build_rand(b, 30 + i, 1.02f, 1.15f);
        float s = oy_build_rand(b, 50 + i, 0.6f, 1.3f);
        oy_build_box(b, stone, d * oy_sinf(a), 0.4f * s, d * oy_cosf(a), 1.1f * s, 0.6f * s, 0.8f * s,
                     oy_build_rand(b, 70 + i, 0.0f, PI), oy_build_rand(b, 90 + i, -0.2f, 0.2f), 0);
    }
}

/* A stepped pyramid of the Maya: seven tiers of grey stone, moss in the
 * joints where the land is green, narrowing to a platform 25-35 m up; a
 * steep stair up the middle of its front, and on top a shrine with a
 * dark doorway under a tall roof comb. */
void oy_kind_step_pyramid(oy_build *b)
{
    float k = oy_build_rand(b, 1, 0.85f, 1.1f), moss = 0.4f * b->look->green;
    int stone = oy_build_stone(b, 0.42f * k, (0.41f + 0.05f * moss) * k, 0.36f * k);
    int dark = oy_build_mat(b, 0.03f, 0.03f, 0.025f);
    float h = oy_build_rand(b, 2, 25.0f, 35.0f), r0 = 0.75f * h, r1 = 0.22f * h;
    const int tiers = 7;
    float th = h / (float)tiers;
    for (int i = 0; i < tiers; i++) {
        float r = r0 + (r1 - r0) * (float)i / (float)(tiers - 1);
        oy_build_box(b, stone, 0, th * ((float)i + 0.5f) - 0.5f, 0, r, 0.5f * th + 0.5f, r, 0, 0, 0);
    }
    /* the stair: a ramp from the foot of the front to the platform's edge */
    float run = r0 - r1, len = sqrtf(run * run + h * h), a = oy_atanf(h / run);
    oy_build_box(b, stone, 0, 0.5f * h - 0.2f, r1 + 0.5f * run + 0.3f, 0.13f * h, 0.4f, 0.5f * len, 0, a, 0);
    /* the shrine, its doorway, its roof comb */
    float sw = 0.8f * r1, sh = 0.22f * h;
    oy_build_box(b, stone, 0, h + 0.5f * sh, 0, sw, 0.5f * sh, 0.7f * sw, 0, 0, 0);
    oy_build_box(b, dark, 0, h + 0.35f * sh, 0.7f * sw + 0.02f, 0.22f * sw, 0.35f * sh, 0.05f, 0, 0, 0);
    oy_build_box(b, stone, 0, h + sh + 0.3f * sh, -0.2f * sw, 0.7f * sw, 0.3f * sh, 0.15f * sw, 0, 0, 0);
}

/* A village well: a ring of stone knee-high round dark water, two posts
 * carrying a windlass and a little gable roof, a bucket on the rim. */
void oy_kind_well(oy_build *b)
{
    float g = oy_build_rand(b, 1, 0.34f, 0.46f);
    int stone = oy_build_masonry(b, g, g * 0.96f, g * 0.9f);
    int water = oy_build_mat(b, 0.01f, 0.015f, 0.02f);
    int wood = oy_build_mat(b, 0.17f, 0.11f, 0.06f);
    int roof = oy_build_mat(b, 0.2f, 0.1f, 0.07f);
    oy_build_frustum(b, stone, 0, -0.2f, 0, 0.95f, 0.9f, 1.05f);
    oy_build_frustum(b, water, 0, 0.85f, 0, 0.68f, 0.68f, 0.01f);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, wood, s * 0.82f, 1.15f, 0, 0.07f, 1.15f, 0.07f, 0, 0, 0);
    oy_build_frustum(b, wood, 0, 1.55f, 0, 0.09f, 0.09f, 0.01f);
    oy_build_box(b, wood, 0, 1.6f, 0, 0.78f, 0.06f, 0.06f, 0, 0, 0);
    oy_build_box(b, wood, 0, 1.2f, 0, 0.012f, 0.4f, 0.012f, 0, 0, 0);
    oy_build_roof(b, roof, 0, 2.2f, 0, 1.05f, 0.85f, 0.55f, 0);
    oy_build_frustum(b, wood, 0.55f, 0.85f, 0.55f, 0.14f, 0.17f, 0.26f);
}

/* A swimming pool: a basin of bright blue water 10-14 m by 5-6 m, its
 * surface a hand below a pale stone coping and deck round it, steps down
 * at one end and a steel ladder at the other; lit from under the water
 * by night. */
void oy_kind_swimming_pool(oy_build *b)
{
    float hx = oy_build_rand(b, 1, 5.0f, 7.0f), hz = oy_build_rand(b, 2, 2.5f, 3.0f), rim = 1.6f;
    int deck = oy_build_mat(b, 0.62f, 0.6f, 0.55f), coping = oy_build_shade(b, 1.15f);
    int water = b->look->night > 0.05f ? oy_build_glow(b, 0.25f, 0.8f, 0.95f, 0.35f * b->look->night)
                                       : oy_build_mat(b, 0.06f, 0.42f, 0.52f);
    int steel = oy_build_mat(b, 0.55f, 0.56f, 0.58f);
    /* the deck: four slabs round the basin, the coping a lip on them */
    for (int s = -1; s <= 1; s += 2) {
        oy_build_box(b, deck, 0, -0.65f, (float)s * (hz + 0.5f * rim), hx + rim, 0.75f, 0.5f * rim, 0, 0, 0);
        oy_build_box(b, deck, (float)s * (hx + 0.5f * rim), -0.65f, 0, 0.5f * rim, 0.75f, hz, 0, 0, 0);
        oy_build_box(b, coping, 0, 0.13f, (float)s * (hz + 0.2f), hx + 0.4f, 0.03f, 0.2f, 0, 0, 0);
        oy_build_box(b, coping, (float)s * (hx + 0.2f), 0.13f, 0, 0.2f, 0.03f, hz, 0, 0, 0);
    }
    oy_build_box(b, water, 0, -0.5f, 0, hx, 0.48f, hz, 0, 0, 0);
    /* steps down at one end, under the water; a ladder at the other */
    for (int i = 0; i < 3; i++)
        oy_build_box(b, coping, -hx + 0.3f + 0.6f * (float)i, -0.3f - 0.3f * (float)i, 0, 0.3f, 0.05f, 0.8f * hz,
                     0, 0, 0);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, steel, hx - 0.15f, 0.45f, (float)s * 0.3f, 0.025f, 0.45f, 0.025f, 0, 0, 0);
    oy_build_box(b, steel, hx - 0.15f, 0.85f, 0, 0.025f, 0.025f, 0.3f, 0, 0, 0);
}

/* A garden gazebo: a round white platform, six slender posts with a
 * low rail between them (open at the front), a six-sided tented roof
 * with a finial. */
void oy_kind_gazebo(oy_build *b)
{
    int paint = oy_build_mat(b, 0.62f, 0.61f, 0.57f);
    float tone = oy_build_rand(b, 1, 0.0f, 1.0f);
    int roof = tone < 0.5f ? oy_build_mat(b, 0.08f, 0.16f, 0.12f) : oy_build_mat(b, 0.28f, 0.12f, 0.08f);
    int floor = oy_build_stone(b, 0.4f, 0.38f, 0.35f);
    float r = 2.3f;
    oy_build_frustum(b, floor, 0, -0.3f, 0, r + 0.35f, r + 0.3f, 0.7f);
    for (int i = 0; i < 6; i++) {
        float a = PI / 6.0f + PI / 3.0f * (float)i, b2 = a + PI / 3.0f;
        float x = r * oy_sinf(a), z = r * oy_cosf(a);
        oy_build_box(b, paint, x, 1.8f, z, 0.08f, 1.4f, 0.08f, a, 0, 0);
        if (i == 5)
            continue;   /* the way in, at the front */
        float mx = 0.5f * (x + r * oy_sinf(b2)), mz = 0.5f * (z + r * oy_cosf(b2));
        oy_build_box(b, paint, mx, 1.3f, mz, 0.5f * r, 0.05f, 0.04f, a + PI / 6.0f, 0, 0);
    }
    oy_build_frustum(b, paint, 0, 3.1f, 0, r + 0.1f, r + 0.1f, 0.2f);
    oy_build_pyramid(b, roof, 0, 3.3f, 0, r + 0.55f, 1.7f, 6, 0);
    oy_build_ellipsoid(b, paint, 0, 5.05f, 0, 0.12f, 0.2f, 0.12f);
}

/* A town square's paving: a round floor of stone setts 32 m across, laid
 * in rings of lighter and darker stone round the middle, a darker kerb
 * at the edge, deep enough to stay level on a gentle slope. */
void oy_kind_paving(oy_build *b)
{
    float g = oy_build_rand(b, 1, 0.2f, 0.26f);
    int setts = oy_build_mat(b, g, g * 0.94f, g * 0.86f);
    int dark = oy_build_shade(b, 0.78f), kerb = oy_build_shade(b, 0.6f);
    oy_build_frustum(b, kerb, 0, -1.5f, 0, 16.6f, 16.6f, 1.6f);
    oy_build_frustum(b, setts, 0, -1.5f, 0, 16.0f, 16.0f, 1.62f);
    /* each ring a disc a hair above the one round it */
    for (int i = 0; i < 10; i++)
        oy_build_frustum(b, i % 2 ? setts : dark, 0, -1.5f, 0, 14.5f - 1.4f * (float)i, 14.5f - 1.4f * (float)i,
                         1.625f + 0.004f * (float)i);
}

/* A ferris wheel facing +z: a rim of sixteen steel lengths on eight
 * spokes, turning slowly on a hub held up by two A-frames, and twelve
 * gondolas hanging level from the rim; the rim is lit at night. */
void oy_kind_ferris_wheel(oy_build *b)
{
    static const float cols[3][3] = { { 0.45f, 0.06f, 0.05f }, { 0.06f, 0.18f, 0.42f },
                                      { 0.55f, 0.42f, 0.06f } };
    float n = b->look->night, R = 12.0f, hub = R + 3.0f;
    int steel = oy_build_mat(b, 0.5f, 0.5f, 0.52f);
    int rim = n > 0.05f ? oy_build_glow(b, 1.0f, 0.75f, 0.45f, 0.9f * n) : steel;
    int car[3];
    for (int i = 0; i < 3; i++)
        car[i] = oy_build_mat(b, cols[i][0], cols[i][1], cols[i][2]);
    int base = oy_build_stone(b, 0.3f, 0.29f, 0.27f);
    oy_build_box(b, base, 0, 0.2f, 0, 8.0f, 0.5f, 2.5f, 0, 0, 0);
    /* the A-frames, a pair of legs either side of the wheel */
    float leg = sqrtf(49.0f + hub * hub), lean = oy_atanf(7.0f / hub);
    for (int z = -1; z <= 1; z += 2)
        for (int s = -1; s <= 1; s += 2)
            oy_build_box(b, steel, s * 3.5f, 0.5f * hub, (float)z * 1.3f, 0.18f, 0.5f * leg, 0.18f, 0, 0,
                         (float)s * lean);
    oy_build_box(b, steel, 0, hub, 0, 0.5f, 0.5f, 1.5f, 0, 0, 0);
    float turn = b->t * 0.08f + oy_build_rand(b, 1, 0.0f, 6.28f);
    for (int i = 0; i < 16; i++) {
        float a = turn + PI / 8.0f * (float)i, ux = -oy_sinf(a), uy = oy_cosf(a);
        oy_build_box(b, rim, ux * R, hub + uy * R, 0, R * PI / 16.0f * 1.04f, 0.16f, 0.16f, 0, 0, a);
        if (i % 2 == 0)
            oy_build_box(b, steel, ux * 0.5f * R, hub + uy * 0.5f * R, 0, 0.06f, 0.5f * R, 0.06f, 0, 0, a);
    }
    for (int i = 0; i < 12; i++) {
        float a = turn + PI / 6.0f * (float)i, ux = -oy_sinf(a), uy = oy_cosf(a);
        oy_build_box(b, car[i % 3], ux * R, hub + uy * R - 1.1f, 0, 0.75f, 0.6f, 0.7f, 0, 0, 0);
    }
}
