/*
 * shape.c - the primitives prototypes are built from, and a ray's hit with
 * each: convex hulls of up to eight planes (boxes turned any way, gable
 * roofs, pyramids), upright frusta and axis-aligned ellipsoids.
 */
#include <math.h>
#include <string.h>

#include "scene.h"

static oy_prim *prim_new(oy_build *b, int type, int mat)
{
    if (b->n >= OY_PROTO_PRIMS)
        return NULL;            /* a prototype past its budget drops detail */
    oy_prim *p = &b->p[b->n++];
    memset(p, 0, sizeof *p);
    p->type = (uint8_t)type;
    p->mat = (uint8_t)(mat >= 0 && mat < b->nm ? mat : 0);
    return p;
}

int oy_build_mat(oy_build *b, float r, float g, float bl)
{
    if (b->nm >= OY_PROTO_MATS)
        return b->nm - 1;
    b->m[b->nm] = (oy_mat){ { r, g, bl }, { 0, 0, 0 }, 1.0f, 0, 0.0f };
    return b->nm++;
}

int oy_build_shade(oy_build *b, float k)
{
    const float *a = b->m[0].alb;
    int m = oy_build_mat(b, a[0] * k, a[1] * k, a[2] * k);
    b->m[m].shade = k;
    return m;
}

int oy_build_stone(oy_build *b, float r, float g, float bl)
{
    int m = oy_build_mat(b, r, g, bl);
    b->m[m].flags |= OY_MAT_STONE;
    return m;
}

int oy_build_masonry(oy_build *b, float r, float g, float bl)
{
    int m = oy_build_stone(b, r, g, bl);
    b->m[m].flags |= OY_MAT_MASONRY;
    return m;
}

void oy_build_lie_flat(oy_build *b)
{
    for (int m = 0; m < b->nm; m++)
        b->m[m].flags |= OY_MAT_FLAT;
}

int oy_build_glow(oy_build *b, float r, float g, float bl, float power)
{
    int m = oy_build_mat(b, r * 0.3f, g * 0.3f, bl * 0.3f);
    float k = power / b->look->exposure;
    b->m[m].emit[0] = r * k;
    b->m[m].emit[1] = g * k;
    b->m[m].emit[2] = bl * k;
    b->m[m].flags |= OY_MAT_GLOW;
    return m;
}

int oy_build_white_water(oy_build *b, float r, float g, float bl)
{
    int m = oy_build_mat(b, r, g, bl);
    for (int i = 0; i < 3; i++)
        b->m[m].emit[i] = 0.45f * b->m[m].alb[i];
    return m;
}

int oy_build_soft(oy_build *b, float r, float g, float bl, float alpha, float glow)
{
    int m = oy_build_mat(b, r, g, bl);
    for (int i = 0; i < 3; i++)
        b->m[m].emit[i] = b->m[m].alb[i] * glow;
    b->m[m].alpha = alpha;
    b->m[m].flags |= OY_MAT_SOFT;
    return m;
}

void oy_build_shift(oy_build *b, int from, int light, float dx, float dy, float dz)
{
    float d[3] = { dx, dy, dz };
    for (int i = from; i < b->n; i++) {
        oy_prim *p = &b->p[i];
        for (int k = 0; k < 3; k++)
            p->c[k] += d[k];
        for (int k = 0; k < p->np; k++)
            p->pl[k][3] += p->pl[k][0] * dx + p->pl[k][1] * dy + p->pl[k][2] * dz;
    }
    for (int i = light; i < b->nl; i++)
        for (int k = 0; k < 3; k++)
            b->l[i].p[k] += d[k];
}

void oy_build_light(oy_build *b, float x, float y, float z, float r, float g, float bl,
                    float power)
{
    if (b->nl >= OY_PROTO_LIGHTS)
        return;
    float k = power / b->look->exposure;
    b->l[b->nl++] = (oy_plight){ { x, y, z }, { r * k, g * k, bl * k } };
}

float oy_build_rand(const oy_build *b, int salt, float lo, float hi)
{
    return lo + (hi - lo) * oy_u01(oy_hash(b->seed, OY_STREAM_ENTITY, 0x5ce9e, (uint64_t)salt, 0));
}

static void plane(oy_prim *p, float nx, float ny, float nz, float px, float py, float pz)
{
    float l = sqrtf(nx * nx + ny * ny + nz * nz);
    float *q = p->pl[p->np++];
    q[0] = nx / l;
    q[1] = ny / l;
    q[2] = nz / l;
    q[3] = q[0] * px + q[1] * py + q[2] * pz;
}

void oy_build_box(oy_build *b, int mat, float cx, float cy, float cz, float hx, float hy,
                  float hz, float yaw, float pitch, float roll)
{
    oy_prim *p = prim_new(b, OY_PRIM_HULL, mat);
    if (!p)
        return;
    /* the box's axes: roll about z, then pitch about x, then yaw about y */
    float cy_ = oy_cosf(yaw), sy = oy_sinf(yaw), cp = oy_cosf(pitch), sp = oy_sinf(pitch);
    float cr = oy_cosf(roll), sr = oy_sinf(roll);
    float ax[3][3] = { { cr, sr, 0 }, { -sr, cr, 0 }, { 0, 0, 1 } };
    for (int i = 0; i < 3; i++) {
        float *v = ax[i];
        float y = v[1] * cp - v[2] * sp, z = v[1] * sp + v[2] * cp;
        float x = v[0] * cy_ + z * sy;
        v[2] = -v[0] * sy + z * cy_;
        v[0] = x;
        v[1] = y;
    }
    float h[3] = { hx, hy, hz };
    for (int i = 0; i < 3; i++)
        for (int s = -1; s <= 1; s += 2) {
            float *v = ax[i];
            plane(p, s * v[0], s * v[1], s * v[2], cx + s * v[0] * h[i], cy + s * v[1] * h[i],
                  cz + s * v[2] * h[i]);
        }
    p->c[0] = cx; p->c[1] = cy; p->c[2] = cz;
    p->r[0] = p->r[1] = p->r[2] = sqrtf(hx * hx + hy * hy + hz * hz);
}

void oy_build_roof(oy_build *b, int mat, float cx, float y0, float cz, float hx, float hz,
                   float h, float yaw)
{
    oy_prim *p = prim_new(b, OY_PRIM_HULL, mat);
    if (!p)
        return;
    float c = oy_cosf(yaw), s = oy_sinf(yaw);
    /* local axes of the roof: x along the ridge, z across it */
    float ex[3] = { c, 0, -s }, ez[3] = { s, 0, c };
    plane(p, 0, -1, 0, cx, y0, cz);
    plane(p, ex[0], 0, ex[2], cx + ex[0] * hx, y0, cz + ex[2] * hx);
    plane(p, -ex[0], 0, -ex[2], cx - ex[0] * hx, y0, cz - ex[2] * hx);
    /* the two slopes through the eave on each side and the ridge */
    for (int k = -1; k <= 1; k += 2) {
        float nz = k * h, ny = hz;  /* normal of a slope in (across, up) */
        plane(p, ez[0] * nz, ny, ez[2] * nz, cx + ez[0] * k * hz, y0, cz + ez[2] * k * hz);
    }
    p->c[0] = cx; p->c[1] = y0 + h * 0.5f; p->c[2] = cz;
    p->r[0] = p->r[1] = p->r[2] = sqrtf(hx * hx + hz * hz + h * h);
}

void oy_build_spandrel(oy_build *b, int mat, float hx, float z0, float y0, float z1, float y1, float top)
{
    oy_prim *p = prim_new(b, OY_PRIM_HULL, mat);
    if (!p)
        return;
    plane(p, 1, 0, 0, hx, top, z0);
    plane(p, -1, 0, 0, -hx, top, z0);
    plane(p, 0, 1, 0, 0, top, z0);
    plane(p, 0, 0, -1, 0, top, z0);
    plane(p, 0, 0, 1, 0, top, z1);
    plane(p, 0, -(z1 - z0), y1 - y0, 0, y0, z0);   /* the underside, facing down */
    float lo = fminf(y0, y1), hz = 0.5f * (z1 - z0), hy = 0.5f * (top - lo);
    p->c[0] = 0; p->c[1] = lo + hy; p->c[2] = z0 + hz;
    p->r[0] = p->r[1] = p->r[2] = sqrtf(hx * hx + hy * hy + hz * hz);
}

void oy_build_pyramid(oy_build *b, int mat, float cx, float y0, float cz, float r, float h, int sides,
                      float yaw)
{
    oy_prim *p = prim_new(b, OY_PRIM_HULL, mat);
    if (!p)
        return;
    sides = sides < 3 ? 3 : sides > OY_HULL_PLANES - 1 ? OY_HULL_PLANES - 1 : sides;
    plane(p, 0, -1, 0, cx, y0, cz);
    /* each face through an edge of the base, r out, and the apex: its
     * normal in (out, up) is (h, r) */
    for (int i = 0; i < sides; i++) {
        float a = yaw + 6.2831853f * (float)i / (float)sides, ox = oy_sinf(a), oz = oy_cosf(a);
        plane(p, ox * h, r, oz * h, cx + ox * r, y0, cz + oz * r);
    }
    float corner = r / oy_cosf(3.1415927f / (float)sides);
    p->c[0] = cx; p->c[1] = y0 + h * 0.5f; p->c[2] = cz;
    p->r[0] = p->r[1] = p->r[2] = sqrtf(corner * corner + 0.25f * h * h);
}

/* a primitive given by a centre and three sizes */
static void prim_cr(oy_build *b, int type, int mat, float cx, float cy, float cz, float r0,
                    float r1, float r2)
{
    oy_prim *p = prim_new(b, type, mat);
    if (!p)
        return;
    p->c[0] = cx; p->c[1] = cy; p->c[2] = cz;
    p->r[0] = r0; p->r[1] = r1; p->r[2] = r2;
}

void oy_build_frustum(oy_build *b, int mat, float cx, float y0, float cz, float r0, float r1,
                      float h)
{
    prim_cr(b, OY_PRIM_FRUSTUM, mat, cx, y0, cz, r0, r1, h);
}

void oy_build_ellipsoid(oy_build *b, int mat, float cx, float cy, float cz, float rx, float ry,
                        float rz)
{
    prim_cr(b, OY_PRIM_ELLIPSOID, mat, cx, cy, cz, rx, ry, rz);
}

/* ---- hits ---- */

static float hit_hull(const oy_prim *p, const float o[3], const float d[3], float tmin,
                      float tmax, float n[3])
{
    float t0 = -1e30f, t1 = 1e30f;
    int in = -1;
    for (int i = 0; i < p->np; i++) {
        const float *q = p->pl[i];
        float dn = q[0] * d[0] + q[1] * d[1] + q[2] * d[2];
        float dist = q[3] - (q[0] * o[0] + q[1] * o[1] + q[2] * o[2]);
        if (dn == 0.0f) {
            if (dist < 0.0f)
                return -1.0f;
            continue;
        }
        float t = dist / dn;
        if (dn < 0.0f) {
            if (t > t0) {
                t0 = t;
                in = i;
            }
        } else if (t < t1) {
            t1 = t;
        }
        if (t0 > t1)
            return -1.0f;
    }
    if (in < 0 || t0 <= tmin || t0 >= tmax)
        return -1.0f;
    memcpy(n, p->pl[in], sizeof(float) * 3);
    return t0;
}

static float hit_ellipsoid(const oy_prim *p, const float o[3], const float d[3], float tmin,
                           float tmax, float n[3])
{
    float ir[3] = { 1.0f / p->r[0], 1.0f / p->r[1], 1.0f / p->r[2] };
    float oo[3], dd[3];
    for (int i = 0; i < 3; i++) {
        oo[i] = (o[i] - p->c[i]) * ir[i];
        dd[i] = d[i] * ir[i];
    }
    float a = dd[0] * dd[0] + dd[1] * dd[1] + dd[2] * dd[2];
    float hb = oo[0] * dd[0] + oo[1] * dd[1] + oo[2] * dd[2];
    float cc = oo[0] * oo[0] + oo[1] * oo[1] + oo[2] * oo[2] - 1.0f;
    float disc = hb * hb - a * cc;
    if (disc < 0.0f || a <= 0.0f)
        return -1.0f;
    float t = (-hb - sqrtf(disc)) / a;
    if (t <= tmin || t >= tmax)
        return -1.0f;
    for (int i = 0; i < 3; i++)
        n[i] = (oo[i] + t * dd[i]) * ir[i];
    float l = 1.0f / sqrtf(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    n[0] *= l; n[1] *= l; n[2] *= l;
    return t;
}

static float hit_frustum(const oy_prim *p, const float o[3], const float d[3], float tmin,
                         float tmax, float n[3])
{
    float r0 = p->r[0], r1 = p->r[1], h = p->r[2];
    float ox = o[0] - p->c[0], oy = o[1] - p->c[1], oz = o[2] - p->c[2];
    float k = (r1 - r0) / h;              /* r(y) = r0 + k y */
    float best = tmax;
    int side = 0;
    /* side: x^2 + z^2 = (r0 + k y)^2 */
    float ry = r0 + k * oy;
    float a = d[0] * d[0] + d[2] * d[2] - k * k * d[1] * d[1];
    float hb = ox * d[0] + oz * d[2] - ry * k * d[1];
    float cc = ox * ox + oz * oz - ry * ry;
    if (fabsf(a) > 1e-9f) {
        float disc = hb * hb - a * cc;
        if (disc >= 0.0f) {
            float sq = sqrtf(disc);
            float ts[2] = { (-hb - sq) / a, (-hb + sq) / a };
            if (ts[0] > ts[1]) {
                float tt = ts[0]; ts[0] = ts[1]; ts[1] = tt;
            }
            for (int i = 0; i < 2; i++) {
                float t = ts[i], y = oy + t * d[1];
                if (t > tmin && t < best && y >= 0.0f && y <= h && r0 + k * y >= 0.0f) {
                    best = t;
                    side = 1;
                    break;
                }
            }
        }
    }
    /* caps */
    if (d[1] != 0.0f) {
        float t = -oy / d[1];
        if (t > tmin && t < best) {
            float x = ox + t * d[0], z = oz + t * d[2];
            if (x * x + z * z <= r0 * r0) {
                best = t;
                side = 2;
            }
        }
        t = (h - oy) / d[1];
        if (r1 > 0.0f && t > tmin && t < best) {
            float x = ox + t * d[0], z = oz + t * d[2];
            if (x * x + z * z <= r1 * r1) {
                best = t;
                side = 3;
            }
        }
    }
    if (!side)
        return -1.0f;
    if (side == 2) {
        n[0] = 0; n[1] = -1; n[2] = 0;
    } else if (side == 3) {
        n[0] = 0; n[1] = 1; n[2] = 0;
    } else {
        float x = ox + best * d[0], z = oz + best * d[2], y = oy + best * d[1];
        float rr = r0 + k * y;
        float nx = x, nz = z, ny = -k * rr;
        float l = sqrtf(nx * nx + ny * ny + nz * nz);
        if (l <= 0.0f) {
            n[0] = 0; n[1] = 1; n[2] = 0;
        } else {
            n[0] = nx / l; n[1] = ny / l; n[2] = nz / l;
        }
    }
    return best;
}

float oy_prim_hit(const oy_prim *p, const float o[3], const float d[3], float tmin, float tmax,
                  float n[3])
{
    switch (p->type) {
    case OY_PRIM_HULL: return hit_hull(p, o, d, tmin, tmax, n);
    case OY_PRIM_ELLIPSOID: return hit_ellipsoid(p, o, d, tmin, tmax, n);
    default: return hit_frustum(p, o, d, tmin, tmax, n);
    }
}

/* A plume: n puffs of a soft material rising from y0 to y0 + rise over
 * a cycle of `period` seconds, one after another, growing from r0 by
 * grow as they go, thinning from young to old halfway, and drifting
 * downwind (+x) the stronger the wind, drift metres for each metre a
 * campfire's smoke drifts. */
void oy_build_plume(oy_build *b, int young, int old, int n, float period, float y0, float rise, float r0,
                    float grow, float drift)
{
    float w = b->look->wind;
    for (int i = 0; i < n; i++) {
        float age = b->t / period + (float)i / (float)n;
        age -= (float)(int)age;
        /* each puff its own size and a little off the line, so that the
         * plume billows rather than stacks like discs */
        float r = (r0 + grow * age) * oy_build_rand(b, 40 + i, 0.75f, 1.25f);
        float ox = r * oy_build_rand(b, 80 + i, -0.35f, 0.35f), oz = r * oy_build_rand(b, 120 + i, -0.35f, 0.35f);
        oy_build_ellipsoid(b, age < 0.5f ? young : old, ox + drift * (0.5f + 6.0f * w) * age * age * 3.0f,
                           y0 + rise * age, oz + 0.06f * rise * oy_sinf(age * 6.0f + (float)i), r, r * 0.8f, r);
    }
}
