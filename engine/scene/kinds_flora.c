/*
 * kinds_flora.c - trees and bushes: broadleaf, oak (and a tree house in
 * one), birch, pine, poplar,
 * cypress, palm, acacia, bamboo, bush, cactus and dead tree. Leaves take
 * the season's colour (autumn turns a share of each crown, winter leaves
 * broadleaf trees bare), snow lies on crowns, and crowns sway with the
 * wind.
 */
#include <math.h>

#include "scene.h"

static int bark(oy_build *b, float light)
{
    float k = oy_build_rand(b, 90, 0.8f, 1.2f) * light;
    return oy_build_mat(b, 0.12f * k, 0.095f * k, 0.075f * k);
}

/* the crown's colour: the season's leaf with a little of each tree's own,
 * more turned in autumn, pink or white in blossom, whitened by snow */
static int leaves(oy_build *b, float warm)
{
    const oy_look *L = b->look;
    float v = oy_build_rand(b, 91, 0.8f, 1.25f);
    float turn = L->autumn * oy_build_rand(b, 92, 0.3f, 1.0f);
    /* autumn: from yellow through orange to red, each tree its own */
    float hue = oy_clampf(warm + oy_build_rand(b, 95, -0.4f, 0.4f), 0.0f, 1.0f);
    float fall[3] = { 0.2f, oy_lerpf(0.15f, 0.04f, hue), 0.02f };
    /* blossom: cherry pink, a few apple white, each tree its own */
    float white = oy_build_rand(b, 96, 0.0f, 1.0f), blossom = L->blossom * oy_build_rand(b, 97, 0.6f, 1.0f);
    white *= white * white;
    float bloom[3] = { 0.55f, oy_lerpf(0.24f, 0.5f, white), oy_lerpf(0.33f, 0.5f, white) };
    float c[3];
    for (int i = 0; i < 3; i++) {
        c[i] = oy_lerpf(L->leaf[i], fall[i], turn) * v;
        c[i] = oy_lerpf(c[i], bloom[i] * v, blossom);
        c[i] = oy_lerpf(c[i], 0.75f, 0.55f * L->snow);
    }
    int m = oy_build_mat(b, c[0], c[1], c[2]);
    b->m[m].flags |= OY_MAT_LEAF;
    return m;
}

/* how far a crown at height h has leaned with the wind now */
static float sway(const oy_build *b, float h)
{
    float w = b->look->wind;
    float ph = oy_build_rand(b, 93, 0.0f, 6.2831853f);
    float f = 0.9f + 0.4f * oy_build_rand(b, 94, 0.0f, 1.0f);
    return (0.04f + 0.5f * w * w) * h * 0.03f *
           (oy_sinf(b->t * f + ph) + 0.4f * oy_sinf(b->t * f * 2.3f + ph * 1.7f));
}

/* a limb from (x, y, z) at bearing a, up radians above level, l long
 * and th thick; its far end in end */
static void branch(oy_build *b, int mat, float x, float y, float z, float a, float up, float l, float th,
                   float end[3])
{
    float dx = oy_sinf(a) * oy_cosf(up), dy = oy_sinf(up), dz = oy_cosf(a) * oy_cosf(up);
    oy_build_box(b, mat, x + dx * l * 0.5f, y + dy * l * 0.5f, z + dz * l * 0.5f, th, l * 0.5f, th, a,
                 1.5707963f - up, 0.0f);
    end[0] = x + dx * l;
    end[1] = y + dy * l;
    end[2] = z + dz * l;
}

/* bare limbs: a winter broadleaf. Each limb forks two-thirds of the way
 * out into two thinner ones, more upright, and each of those into two
 * twigs, so the crown keeps its outline without its leaves. */
static void limbs(oy_build *b, int mat, float y0, float len, int n, float s)
{
    float th = 0.04f + 0.012f * len;
    for (int i = 0; i < n; i++) {
        float a = 6.2831853f * ((float)i + oy_build_rand(b, 40 + i, 0.0f, 0.7f)) / (float)n;
        float up = oy_build_rand(b, 50 + i, 0.5f, 0.9f);
        float l = len * oy_build_rand(b, 60 + i, 0.7f, 1.1f);
        float y = y0 + oy_build_rand(b, 70 + i, 0.0f, 0.25f) * len, joint[3], fork[3], tip[3];
        branch(b, mat, s, y, 0, a, up, 0.6f * l, th, joint);
        for (int f = -1; f <= 1; f += 2) {
            float turn = (float)f * oy_build_rand(b, 100 + 2 * i + (f > 0), 0.35f, 0.7f);
            float up2 = fminf(up + 0.3f, 1.4f);
            branch(b, mat, joint[0], joint[1], joint[2], a + turn, up2, 0.35f * l, 0.6f * th, fork);
            for (int g = -1; g <= 1; g += 2)
                branch(b, mat, fork[0], fork[1], fork[2], a + turn + 0.45f * (float)g, up2 - 0.15f * (float)g,
                       0.25f * l, 0.35f * th, tip);
        }
    }
}

/* leaf clumps round a crown's middle: n of them at a distance in [d0,
 * d1) x cr, radius [r0, r1) x cr, height y + [y0, y1) x ys, each as tall
 * as squash x its radius or, at squash 0, ry */
typedef struct clumps {
    int n;
    float d0, d1, r0, r1, y0, y1, squash;
} clumps;

static void crown_clumps(oy_build *b, int leaf, const clumps *c, float s, float cr, float y, float ys, float ry)
{
    for (int i = 0; i < c->n; i++) {
        float a = 6.2831853f * ((float)i + oy_build_rand(b, 10 + i, 0.0f, 0.6f)) / (float)c->n;
        float d = cr * oy_build_rand(b, 20 + i, c->d0, c->d1);
        float r = cr * oy_build_rand(b, 30 + i, c->r0, c->r1);
        oy_build_ellipsoid(b, leaf, s + oy_sinf(a) * d, y + ys * oy_build_rand(b, 35 + i, c->y0, c->y1),
                           oy_cosf(a) * d, r, c->squash > 0.0f ? r * c->squash : ry, r);
    }
}

void oy_kind_tree(oy_build *b)
{
    float h = oy_build_rand(b, 1, 9.0f, 14.0f), tr = h * 0.024f, tk = h * 0.38f;
    int wood = bark(b, 1.0f);
    oy_build_frustum(b, wood, 0, -0.3f, 0, tr, tr * 0.6f, tk + 1.5f);
    float s = sway(b, h);
    if (b->look->foliage < 0.25f) {
        limbs(b, wood, tk, h * 0.5f, 6, s);
        return;
    }
    int leaf = leaves(b, 0.6f);
    float cr = h * 0.3f;
    oy_build_ellipsoid(b, leaf, s, tk + cr * 0.95f, 0, cr, cr * 0.85f, cr);
    static const clumps round = { 4, 0.45f, 0.7f, 0.5f, 0.7f, 0.7f, 1.4f, 0.85f };
    crown_clumps(b, leaf, &round, s, cr, tk, cr, 0.0f);
}

/* an oak's spreading crown over a trunk tk high, h the whole tree's
 * height; bare in winter, n limbs */
static void oak_crown(oy_build *b, int wood, float h, float tk, int n)
{
    float s = sway(b, h) * 0.7f;
    if (b->look->foliage < 0.25f) {
        limbs(b, wood, tk, h * 0.6f, n, s);
        return;
    }
    int leaf = leaves(b, 0.8f);
    float cr = h * 0.26f;
    oy_build_ellipsoid(b, leaf, s, tk + cr * 1.1f, 0, cr * 1.5f, cr, cr * 1.5f);
    static const clumps spread = { 6, 0.9f, 1.3f, 0.55f, 0.75f, 0.8f, 1.6f, 0.8f };
    crown_clumps(b, leaf, &spread, s, cr, tk, cr, 0.0f);
}

void oy_kind_oak(oy_build *b)
{
    float h = oy_build_rand(b, 1, 13.0f, 18.0f), tr = h * 0.04f, tk = h * 0.3f;
    int wood = bark(b, 0.9f);
    oy_build_frustum(b, wood, 0, -0.3f, 0, tr, tr * 0.7f, tk + 1.0f);
    oak_crown(b, wood, h, tk, 7);
}

/* A tree house: a plank hut with a gable roof and a window on a
 * platform round an oak's trunk, below its spreading crown, a rail along
 * the platform's front and a ladder down to the ground; its window lit
 * by night. */
void oy_kind_tree_house(oy_build *b)
{
    float h = oy_build_rand(b, 1, 14.0f, 17.0f), tr = h * 0.045f, tk = h * 0.34f;
    int wood = bark(b, 0.9f);
    oy_build_frustum(b, wood, 0, -0.3f, 0, tr, tr * 0.7f, tk + 1.0f);
    int plank = oy_build_mat(b, 0.3f, 0.2f, 0.12f), roof = oy_build_mat(b, 0.15f, 0.09f, 0.06f);
    int win = oy_build_window(b);
    float py = tk * 0.6f, front = 2.0f;
    oy_build_box(b, plank, 0, py, 0.4f, 1.8f, 0.08f, 1.6f, 0, 0, 0);
    oy_build_box(b, plank, 0, py + 0.85f, 0.2f, 1.2f, 0.8f, 1.0f, 0, 0, 0);
    oy_build_roof(b, roof, 0, py + 1.65f, 0.2f, 1.45f, 1.25f, 0.8f, 0);
    oy_build_box(b, win, 0.55f, py + 0.95f, 1.22f, 0.25f, 0.22f, 0.03f, 0, 0, 0);
    oy_build_box(b, plank, 0, py + 0.55f, front - 0.04f, 1.8f, 0.04f, 0.03f, 0, 0, 0);
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, plank, (float)s * 1.75f, py + 0.3f, front - 0.04f, 0.04f, 0.28f, 0.04f, 0, 0, 0);
    /* the ladder: two rails and a rung every 0.4 m */
    for (int s = -1; s <= 1; s += 2)
        oy_build_box(b, plank, -0.9f + (float)s * 0.22f, 0.5f * py, front + 0.15f, 0.03f, 0.5f * py, 0.03f, 0, 0, 0);
    int rungs = (int)fminf(py / 0.4f, 9.0f);
    for (int i = 1; i < rungs; i++)
        oy_build_box(b, plank, -0.9f, 0.4f * (float)i, front + 0.15f, 0.22f, 0.02f, 0.02f, 0, 0, 0);
    oak_crown(b, wood, h, tk, 5);
}

void oy_kind_birch(oy_build *b)
{
    float h = oy_build_rand(b, 1, 11.0f, 17.0f), tr = h * 0.014f;
    int wood = oy_build_mat(b, 0.55f, 0.53f, 0.48f);
    oy_build_frustum(b, wood, 0, -0.3f, 0, tr, tr * 0.5f, h * 0.8f);
    int dark = oy_build_mat(b, 0.05f, 0.045f, 0.04f);
    for (int i = 0; i < 3; i++)
        oy_build_frustum(b, dark, 0, h * (0.12f + 0.13f * (float)i), 0, tr * 1.04f, tr * 1.02f, h * 0.015f);
    float s = sway(b, h) * 1.3f;
    if (b->look->foliage < 0.25f) {
        limbs(b, wood, h * 0.45f, h * 0.35f, 5, s);
        return;
    }
    int leaf = leaves(b, 0.2f);
    float cr = h * 0.17f;
    oy_build_ellipsoid(b, leaf, s, h * 0.66f, 0, cr, h * 0.3f, cr);
    oy_build_ellipsoid(b, leaf, s + cr * 0.4f, h * 0.5f, cr * 0.2f, cr * 0.8f, h * 0.17f, cr * 0.8f);
}

void oy_kind_pine(oy_build *b)
{
    float h = oy_build_rand(b, 1, 15.0f, 28.0f), tr = h * 0.018f;
    int wood = bark(b, 0.9f);
    oy_build_frustum(b, wood, 0, -0.3f, 0, tr, tr * 0.3f, h * 0.9f);
    const oy_look *L = b->look;
    float v = oy_build_rand(b, 91, 0.75f, 1.15f);
    /* needles stay green through the year, darker than leaves, frosted
     * grey-green where snow has dusted them */
    float c[3] = { 0.022f * v, 0.045f * v, 0.028f * v };
    for (int i = 0; i < 3; i++)
        c[i] = oy_lerpf(c[i], 0.2f * v, 0.35f * L->snow);
    int needle = oy_build_mat(b, c[0], c[1], c[2]);
    b->m[needle].flags |= OY_MAT_LEAF;
    int snow = L->snow > 0.05f ? oy_build_mat(b, oy_lerpf(c[0], 0.8f, L->snow),
                                               oy_lerpf(c[1], 0.8f, L->snow),
                                               oy_lerpf(c[2], 0.85f, L->snow)) : needle;
    float s = sway(b, h);
    int tiers = 5;
    float base = h * oy_build_rand(b, 2, 0.25f, 0.4f), rmax = h * oy_build_rand(b, 3, 0.16f, 0.22f);
    for (int i = 0; i < tiers; i++) {
        float f = (float)i / (float)tiers;
        float y0 = base + (h - base) * f * 0.82f, r = rmax * (1.0f - 0.75f * f);
        float th = (h - base) * 0.36f;
        float lean = s * (y0 / h);
        oy_build_frustum(b, needle, lean, y0, 0, r, 0.0f, th);
        /* snow lies on the tier's upper slope, a little proud of the
         * needles, down toward the dark skirt as more of it lies (the
         * next tier hides the upper half) */
        if (snow != needle) {
            float f0 = 0.08f + 0.3f * (1.0f - L->snow);
            oy_build_frustum(b, snow, lean, y0 + th * f0, 0, r * (1.0f - f0) * 1.08f, 0.0f, th * (1.0f - f0) * 1.04f);
        }
    }
}

/* a column tree: a trunk hidden by a narrow spindle crown from low down
 * to a point, in clumps so the outline is not a smooth egg */
static void column(oy_build *b, int leaf, float h, float cr, float s)
{
    oy_build_ellipsoid(b, leaf, s * 0.55f, h * 0.52f, 0, cr, h * 0.47f, cr);
    for (int i = 0; i < 6; i++) {
        float a = 6.2831853f * ((float)i + oy_build_rand(b, 10 + i, 0.0f, 0.6f)) / 6.0f;
        float y = h * oy_build_rand(b, 20 + i, 0.2f, 0.75f), k = 1.0f - 0.8f * fabsf(y / h - 0.45f);
        float r = cr * 0.55f * k;
        oy_build_ellipsoid(b, leaf, s * (y / h) + oy_sinf(a) * cr * 0.6f * k, y, oy_cosf(a) * cr * 0.6f * k,
                           r, r * 2.2f, r);
    }
}

void oy_kind_poplar(oy_build *b)
{
    float h = oy_build_rand(b, 1, 20.0f, 28.0f), tr = h * 0.016f;
    int wood = bark(b, 1.1f);
    oy_build_frustum(b, wood, 0, -0.3f, 0, tr, tr * 0.4f, h * 0.85f);
    float s = sway(b, h) * 1.2f;
    if (b->look->foliage < 0.25f) {
        /* bare: the upswept limbs keep the column's shape */
        limbs(b, wood, h * 0.2f, h * 0.45f, 7, s);
        return;
    }
    column(b, leaves(b, 0.1f), h, h * oy_build_rand(b, 2, 0.09f, 0.12f), s);
}

void oy_kind_cypress(oy_build *b)
{
    float h = oy_build_rand(b, 1, 12.0f, 19.0f), tr = h * 0.02f;
    oy_build_frustum(b, bark(b, 0.8f), 0, -0.3f, 0, tr, tr * 0.5f, h * 0.3f);
    /* evergreen, nearly black-green, frosted where snow lies */
    float v = oy_build_rand(b, 91, 0.8f, 1.15f), snow = 0.3f * b->look->snow;
    int needle = oy_build_mat(b, oy_lerpf(0.018f * v, 0.2f, snow), oy_lerpf(0.036f * v, 0.2f, snow),
                              oy_lerpf(0.02f * v, 0.2f, snow));
    b->m[needle].flags |= OY_MAT_LEAF;
    column(b, needle, h, h * oy_build_rand(b, 2, 0.08f, 0.1f), sway(b, h) * 0.6f);
}

void oy_kind_palm(oy_build *b)
{
    float h = oy_build_rand(b, 1, 8.0f, 14.0f);
    float lean = oy_build_rand(b, 2, 0.05f, 0.3f), dir = oy_build_rand(b, 3, 0.0f, 6.2831853f);
    int wood = oy_build_mat(b, 0.17f, 0.13f, 0.09f);
    int seg = 5;
    float x = 0.0f, y = -0.3f, z = 0.0f, l = (h + 0.3f) / (float)seg;
    for (int i = 0; i < seg; i++) {
        float tilt = lean * (0.4f + 0.6f * (float)i / (float)seg);
        float dx = oy_sinf(dir) * oy_sinf(tilt) * l, dy = oy_cosf(tilt) * l, dz = oy_cosf(dir) * oy_sinf(tilt) * l;
        oy_build_box(b, wood, x + dx * 0.5f, y + dy * 0.5f, z + dz * 0.5f, 0.17f - 0.015f * (float)i,
                     l * 0.55f, 0.17f - 0.015f * (float)i, dir, tilt, 0.0f);
        x += dx; y += dy; z += dz;
    }
    float s = sway(b, h) * 1.5f;
    const oy_look *L = b->look;
    int frond = oy_build_mat(b, L->leaf[0] * 1.1f + 0.01f, L->leaf[1] * 1.2f + 0.01f, L->leaf[2]);
    b->m[frond].flags |= OY_MAT_LEAF;
    for (int i = 0; i < 8; i++) {
        float a = 6.2831853f * ((float)i + oy_build_rand(b, 10 + i, 0.0f, 0.5f)) / 8.0f;
        float fl = oy_build_rand(b, 20 + i, 3.0f, 4.5f), droop = oy_build_rand(b, 30 + i, 0.25f, 0.6f);
        float cx = x + s + oy_sinf(a) * fl * 0.45f, cz = z + oy_cosf(a) * fl * 0.45f;
        oy_build_box(b, frond, cx, y - fl * 0.45f * oy_sinf(droop), cz, 0.45f, 0.04f, fl * 0.5f, a,
                     droop, 0.0f);
    }
    oy_build_ellipsoid(b, wood, x + s, y - 0.2f, z, 0.45f, 0.4f, 0.45f);
}

/* the dry country's thorn tree: a short trunk forking into two or three
 * limbs under a wide, flat-topped crown */
void oy_kind_acacia(oy_build *b)
{
    float h = oy_build_rand(b, 1, 6.0f, 9.0f), tr = h * 0.03f, tk = h * 0.35f;
    int wood = bark(b, 0.8f);
    oy_build_frustum(b, wood, 0, -0.3f, 0, tr, tr * 0.8f, tk + 0.3f);
    float s = sway(b, h) * 0.6f;
    float top = h * 0.82f, cr = h * oy_build_rand(b, 2, 0.5f, 0.7f);
    int n = 2 + (oy_build_rand(b, 3, 0.0f, 1.0f) < 0.5f);
    for (int i = 0; i < n; i++) {
        float a = 6.2831853f * ((float)i + oy_build_rand(b, 40 + i, 0.0f, 0.5f)) / (float)n;
        float d = cr * 0.45f, rise = top - tk, l = sqrtf(d * d + rise * rise);
        oy_build_box(b, wood, oy_sinf(a) * d * 0.5f, tk + rise * 0.5f, oy_cosf(a) * d * 0.5f,
                     tr * 0.6f, l * 0.5f, tr * 0.6f, a, oy_atan2f(d, rise), 0.0f);
    }
    if (b->look->foliage < 0.25f)
        return;
    int leaf = leaves(b, 0.7f);
    float th = h * 0.09f;
    oy_build_ellipsoid(b, leaf, s, top + th, 0, cr, th, cr * 0.9f);
    static const clumps flat = { 3, 0.35f, 0.55f, 0.45f, 0.6f, 0.3f, 1.2f, 0.0f };
    crown_clumps(b, leaf, &flat, s, cr, top, th, th * 1.2f);
}

/* a stand of bamboo: tall jointed canes leaning out from a clump, feathery
 * leaves along their upper half; green the year round */
void oy_kind_bamboo(oy_build *b)
{
    float h = oy_build_rand(b, 1, 9.0f, 15.0f);
    const oy_look *L = b->look;
    float v = oy_build_rand(b, 91, 0.85f, 1.15f);
    int cane = oy_build_mat(b, 0.2f * v, 0.26f * v, 0.05f * v);
    int joint = oy_build_mat(b, 0.09f * v, 0.11f * v, 0.04f * v);
    float c[3] = { 0.05f * v, 0.12f * v, 0.03f * v };
    for (int i = 0; i < 3; i++)
        c[i] = oy_lerpf(c[i], 0.7f, 0.5f * L->snow);
    int leaf = oy_build_mat(b, c[0], c[1], c[2]);
    b->m[leaf].flags |= OY_MAT_LEAF;
    float s = sway(b, h) * 1.6f;
    for (int i = 0; i < 7; i++) {
        float a = 6.2831853f * ((float)i + oy_build_rand(b, 10 + i, 0.0f, 0.8f)) / 7.0f;
        float foot = oy_build_rand(b, 20 + i, 0.2f, 0.9f), tilt = oy_build_rand(b, 30 + i, 0.03f, 0.12f);
        float l = h * oy_build_rand(b, 40 + i, 0.7f, 1.0f), r = 0.05f + 0.004f * h;
        float ux = oy_sinf(a), uz = oy_cosf(a), st = oy_sinf(tilt), ct = oy_cosf(tilt);
        float x0 = ux * foot, z0 = uz * foot;
        oy_build_box(b, cane, x0 + ux * st * l * 0.5f, -0.3f + ct * l * 0.5f, z0 + uz * st * l * 0.5f,
                     r, l * 0.5f, r, a, tilt, 0.0f);
        float jy = l * oy_build_rand(b, 50 + i, 0.25f, 0.4f);
        oy_build_box(b, joint, x0 + ux * st * jy, -0.3f + ct * jy, z0 + uz * st * jy,
                     r * 1.25f, 0.04f, r * 1.25f, a, tilt, 0.0f);
        for (int k = 0; k < 2; k++) {
            float ly = l * (0.68f + 0.2f * (float)k), out = 0.35f + 0.2f * (float)k;
            float lx = x0 + ux * (st * ly + out) + s * ly / h, lz = z0 + uz * (st * ly + out);
            oy_build_ellipsoid(b, leaf, lx, ly, lz, 0.75f - 0.25f * (float)k, l * (0.16f - 0.05f * (float)k),
                               0.75f - 0.25f * (float)k);
        }
    }
}

void oy_kind_bush(oy_build *b)
{
    int leaf = leaves(b, 0.5f);
    float r = oy_build_rand(b, 1, 0.7f, 1.3f);
    float s = sway(b, r * 2.0f);
    oy_build_ellipsoid(b, leaf, s, r * 0.6f, 0, r, r * 0.75f, r);
    oy_build_ellipsoid(b, leaf, s + r * 0.7f, r * 0.45f, r * 0.3f, r * 0.7f, r * 0.55f, r * 0.7f);
    oy_build_ellipsoid(b, leaf, s - r * 0.5f, r * 0.4f, -r * 0.4f, r * 0.65f, r * 0.5f, r * 0.65f);
}

/* A reed bed: eight clumps over some 10 m of wet ground or shallows,
 * each of tall thin blades 1.5-2.6 m high leaning every way and swaying
 * in the wind, green in summer, straw in autumn and winter, a few
 * cattails' brown heads among them. */
void oy_kind_reeds(oy_build *b)
{
    const oy_look *L = b->look;
    float g = oy_clampf(L->foliage * (1.0f - L->autumn), 0.0f, 1.0f);
    int blade = oy_build_mat(b, oy_lerpf(0.2f, 0.1f, g), oy_lerpf(0.17f, 0.16f, g), oy_lerpf(0.08f, 0.045f, g));
    int pale = oy_build_shade(b, 1.35f);
    int head = oy_build_mat(b, 0.12f, 0.06f, 0.03f);
    float lean = (0.03f + 0.25f * L->wind * L->wind) * oy_sinf(b->t * 1.3f + oy_build_rand(b, 1, 0.0f, 6.28f));
    for (int c = 0; c < 8; c++) {
        float cx = oy_build_rand(b, 10 + c, -5.0f, 5.0f), cz = oy_build_rand(b, 20 + c, -2.5f, 2.5f);
        for (int i = 0; i < 7; i++) {
            int salt = 100 + c * 16 + i;
            float h = oy_build_rand(b, salt, 1.5f, 2.6f), a = oy_build_rand(b, salt + 500, 0.0f, 3.14f);
            float tilt = oy_build_rand(b, salt + 1000, -0.22f, 0.22f) + lean;
            float x = cx + oy_build_rand(b, salt + 1500, -0.5f, 0.5f), z = cz + oy_build_rand(b, salt + 2000, -0.5f, 0.5f);
            oy_build_box(b, i & 1 ? pale : blade, x + 0.5f * h * oy_sinf(tilt), 0.5f * h - 0.1f, z, 0.05f, 0.5f * h,
                         0.012f, a, 0, tilt);
        }
        if (c < 5) {
            float h = oy_build_rand(b, 40 + c, 1.6f, 2.2f);
            oy_build_frustum(b, head, cx + h * oy_sinf(lean), h, cz, 0.05f, 0.05f, 0.28f);
        }
    }
}

/* A giant toadstool of a fairy-tale wood: a pale stalk 2-6 m tall,
 * swelling at its foot, under a domed cap twice as wide; the cap red with
 * white flecks, or brown, or tawny orange. */
void oy_kind_mushroom(oy_build *b)
{
    static const float caps[][3] = { { 0.55f, 0.05f, 0.03f }, { 0.3f, 0.17f, 0.08f }, { 0.6f, 0.3f, 0.06f } };
    int kind = (int)oy_build_rand(b, 1, 0.0f, 2.999f);
    float h = oy_build_rand(b, 2, 2.0f, 6.0f), r = 0.11f * h;
    int cap = oy_build_mat(b, caps[kind][0], caps[kind][1], caps[kind][2]);   /* the body a colour paints */
    int stalk = oy_build_mat(b, 0.62f, 0.6f, 0.52f);
    int gill = oy_build_mat(b, 0.4f, 0.36f, 0.3f);
    oy_build_frustum(b, stalk, 0, -0.2f, 0, 1.4f * r, r, h + 0.2f);
    oy_build_ellipsoid(b, stalk, 0, 0.1f, 0, 1.6f * r, 0.35f * r + 0.1f, 1.6f * r);
    float w = oy_build_rand(b, 3, 2.0f, 2.6f) * 2.0f * r + 0.4f;
    oy_build_ellipsoid(b, gill, 0, h - 0.05f * w, 0, 0.96f * w, 0.12f * w, 0.96f * w);
    oy_build_ellipsoid(b, cap, 0, h, 0, w, 0.55f * w, w);
    if (kind == 0) {
        /* the fly agaric's white flecks, on the cap's upper half */
        int fleck = oy_build_mat(b, 0.75f, 0.74f, 0.7f);
        for (int i = 0; i < 9; i++) {
            float a = oy_build_rand(b, 10 + i, 0.0f, 6.2831853f), u = oy_build_rand(b, 20 + i, 0.15f, 0.8f);
            float x = u * w * oy_sinf(a), z = u * w * oy_cosf(a);
            float y = h + 0.55f * w * sqrtf(1.0f - u * u);
            float f = 0.08f * w;
            oy_build_ellipsoid(b, fleck, x, y, z, f, 0.5f * f, f);
        }
    }
}

/* A saguaro: a ribbed column 5-9 m tall with a rounded crown, and up to
 * three arms that leave it level, bend and rise beside it; a dusty
 * blue-green, the ribs a shade darker. */
void oy_kind_cactus(oy_build *b)
{
    float h = oy_build_rand(b, 1, 5.0f, 9.0f), r = 0.22f + 0.03f * h;
    float k = oy_build_rand(b, 2, 0.85f, 1.1f);
    int skin = oy_build_mat(b, 0.11f * k, 0.18f * k, 0.1f * k);
    int rib = oy_build_mat(b, 0.07f * k, 0.12f * k, 0.07f * k);
    oy_build_frustum(b, skin, 0, -0.3f, 0, r, 0.92f * r, h - 0.6f * r + 0.3f);
    oy_build_ellipsoid(b, skin, 0, h - 0.6f * r, 0, 0.92f * r, 0.8f * r, 0.92f * r);
    for (int i = 0; i < 8; i++) {
        float a = 6.2831853f * (float)i / 8.0f;
        oy_build_box(b, rib, oy_sinf(a) * 0.93f * r, 0.5f * h - 0.4f, oy_cosf(a) * 0.93f * r, 0.07f * r,
                     0.5f * h - 0.3f, 0.14f * r, a, 0, 0);
    }
    int arms = (int)oy_build_rand(b, 3, 0.0f, 3.999f);
    float a0 = oy_build_rand(b, 4, 0.0f, 6.2831853f);
    for (int i = 0; i < arms; i++) {
        float a = a0 + 3.1415927f * (float)i + oy_build_rand(b, 10 + i, -0.5f, 0.5f) + (i == 2 ? 1.5707963f : 0.0f);
        float y = h * oy_build_rand(b, 20 + i, 0.35f, 0.6f), out = oy_build_rand(b, 30 + i, 0.6f, 1.0f);
        float up = h * oy_build_rand(b, 40 + i, 0.25f, 0.4f), ar = 0.75f * r;
        float dx = oy_sinf(a), dz = oy_cosf(a);
        /* out level from the column, the elbow, then up to a round tip */
        oy_build_box(b, skin, dx * 0.5f * (out + r), y, dz * 0.5f * (out + r), ar, ar, 0.5f * (out + r), a, 0, 0);
        oy_build_ellipsoid(b, skin, dx * (out + r), y + 0.2f * ar, dz * (out + r), ar, 1.2f * ar, ar);
        oy_build_frustum(b, skin, dx * (out + r), y, dz * (out + r), ar, 0.9f * ar, up);
        oy_build_ellipsoid(b, skin, dx * (out + r), y + up, dz * (out + r), 0.9f * ar, 0.8f * ar, 0.9f * ar);
    }
}

/* A branch of length l from (x, y, z) on bearing a, rising at angle up;
 * its far end goes to end[3]. */

/* A snag: a weathered silver-grey trunk, often snapped short, with
 * crooked limbs up it on a spiral, the low ones long and spreading, the
 * high ones short and steep, each bending at a joint where a twig
 * forks off; some are broken to stubs. */
void oy_kind_dead_tree(oy_build *b)
{
    float h = oy_build_rand(b, 1, 7.0f, 12.0f), tr = h * 0.035f;
    int wood = oy_build_mat(b, 0.2f, 0.19f, 0.17f);
    float top = h * oy_build_rand(b, 2, 0.7f, 1.0f);
    oy_build_frustum(b, wood, 0, -0.3f, 0, tr, tr * 0.3f, top + 0.3f);
    for (int i = 0; i < 7; i++) {
        float f = 0.3f + 0.6f * ((float)i + oy_build_rand(b, 10 + i, 0.0f, 0.8f)) / 7.0f;
        float a = 2.4f * (float)i + oy_build_rand(b, 20 + i, -0.4f, 0.4f);
        float up = oy_build_rand(b, 30 + i, 0.1f, 0.6f) + 0.35f * f;
        float l = h * (0.75f - 0.45f * f) * oy_build_rand(b, 40 + i, 0.6f, 1.1f);
        float th = tr * (0.55f - 0.3f * f), joint[3], tip[3];
        if (oy_build_rand(b, 50 + i, 0.0f, 1.0f) < 0.25f) {
            branch(b, wood, 0, top * f, 0, a, up, 0.25f * l, th, tip);
            continue;
        }
        branch(b, wood, 0, top * f, 0, a, up, 0.55f * l, th, joint);
        float turn = oy_build_rand(b, 60 + i, -0.7f, 0.7f);
        branch(b, wood, joint[0], joint[1], joint[2], a + turn, up + oy_build_rand(b, 70 + i, 0.1f, 0.5f),
               0.45f * l, 0.7f * th, tip);
        branch(b, wood, joint[0], joint[1], joint[2], a - turn, 0.5f * up, 0.3f * l, 0.5f * th, tip);
    }
}
