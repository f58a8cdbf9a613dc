/*
 * sky.c - sun and moon positions, a single-scattering atmosphere (Rayleigh,
 * Mie, ozone) tabulated per direction, the cloud layer, stars, and the light
 * the sky sends onto the ground. The scattering tables are rebuilt only
 * when the sun, moon or haze change; they are a pure function of those
 * values, so whether they were rebuilt never shows. The table the eye sees
 * is made from them every frame: held by the post's graduated filter and
 * painted by the prompt's sky colour (oy_sky_grade).
 */
#include <math.h>
#include <string.h>

#include "render_impl.h"

#define RG 6360.0f                 /* km */
#define RT 6420.0f
#define OBS_H 0.3f                 /* observer altitude for the table, km */
#define E_SUN 24.0f
#define E_MOON (E_SUN / 420.0f)
#define TRANS_H 32
#define TRANS_MU 64
/* lightning (flash_light): the flash's level per unit of the metered
 * light ^ 0.8 (as the exposure adapts, post.c), and at most; its shares
 * as ambient, from its side, and on the clouds (everywhere, about the
 * channel, in its bearing); the distance its light halves over; the
 * reach of the cloud glow about the channel */
#define FLASH_REL 9.6f
#define FLASH_ABS 3.0f
#define FLASH_AMB 0.4f
#define FLASH_DIR 1.3f
#define FLASH_CLOUD 0.008f
#define FLASH_NEAR 0.2f
#define FLASH_SIDE 0.04f
#define FLASH_FALL 1200.0f
#define FLASH_SPREAD 1200.0f

static const float beta_r[3] = { 5.8e-3f, 13.5e-3f, 33.1e-3f };      /* per km */
static const float beta_o[3] = { 0.65e-3f, 1.881e-3f, 0.085e-3f };

float oy_sky_night(float sun_y) { return 1.0f - oy_smoothstepf(-0.2f, 0.02f, sun_y); }

void oy_render_sun_dir(const oy_state *st, float sun[3], float moon[3])
{
    double h = fmod(st->ch[OY_CH_TIME], 24.0);
    if (h < 0.0)
        h += 24.0;
    const float lat = 0.733f, dec = 0.21f;   /* 42 deg N, early summer */
    float H = (float)((h - 12.0) / 24.0 * 2.0 * OY_PI);
    for (int body = 0; body < 2; body++) {
        /* the moon: a waning gibbous, rising in the east-north-east late in
         * the evening, so night scenes have it up but not overhead */
        float hh = body ? H + (float)OY_PI - 1.09f : H, dd = body ? 0.25f : dec;
        float se = oy_sinf(lat) * oy_sinf(dd) + oy_cosf(lat) * oy_cosf(dd) * oy_cosf(hh);
        float ce = sqrtf(fmaxf(1.0f - se * se, 0.0f));
        /* azimuth from south, positive toward west */
        float A = oy_atan2f(oy_sinf(hh), oy_cosf(hh) * oy_sinf(lat) - oy_tanf(dd) * oy_cosf(lat));
        /* compass bearing 180 + A; yaw = bearing + 90 (west is +z) */
        float yaw = (float)(1.5 * OY_PI) + A;
        float *o = body ? moon : sun;
        o[0] = oy_sinf(yaw) * ce;
        o[1] = se;
        o[2] = oy_cosf(yaw) * ce;
    }
}

static float haze_mie(float haze) { return 9.0e-3f + 0.045f * haze * haze + 0.02f * haze; }

static void density(float h, float *r, float *m, float *o)
{
    *r = oy_rexp(-h / 8.0f);
    *m = oy_rexp(-h / 1.2f);
    *o = fmaxf(0.0f, 1.0f - fabsf(h - 25.0f) / 15.0f);
}

/* distance to the top of the atmosphere from radius r, cos zenith mu */
static float ray_top(float r, float mu)
{
    float b = r * mu, c = r * r - RT * RT;
    return -b + sqrtf(fmaxf(b * b - c, 0.0f));
}

static void build_trans(oy_sky *s, float bm)
{
    for (int i = 0; i < TRANS_H; i++) {
        float u = i / (float)(TRANS_H - 1), h = u * u * 60.0f, r = RG + h;
        for (int j = 0; j < TRANS_MU; j++) {
            float mu = -0.3f + 1.3f * j / (float)(TRANS_MU - 1);
            float len = ray_top(r, mu), ds = len / 24.0f, od[3] = { 0, 0, 0 };
            for (int k = 0; k < 24; k++) {
                float t = (k + 0.5f) * ds;
                float rr = sqrtf(r * r + t * t + 2.0f * r * t * mu);
                float dr, dm, dz;
                density(rr - RG, &dr, &dm, &dz);
                for (int c = 0; c < 3; c++)
                    od[c] += (beta_r[c] * dr + bm * 1.1f * dm + beta_o[c] * dz) * ds;
            }
            /* below the horizon the planet blocks the light */
            float hor = -sqrtf(fmaxf(1.0f - (RG / r) * (RG / r), 0.0f));
            float vis = oy_smoothstepf(hor - 0.01f, hor + 0.01f, mu);
            for (int c = 0; c < 3; c++)
                s->trans[i][j][c] = oy_expf(-od[c]) * vis;
        }
    }
}

static void trans_at(const oy_sky *s, float h, float mu, float out[3])
{
    float u = sqrtf(oy_clampf(h / 60.0f, 0.0f, 1.0f)) * (TRANS_H - 1);
    float v = oy_clampf((mu + 0.3f) / 1.3f, 0.0f, 1.0f) * (TRANS_MU - 1);
    int i = (int)u, j = (int)v;
    if (i > TRANS_H - 2) i = TRANS_H - 2;
    if (j > TRANS_MU - 2) j = TRANS_MU - 2;
    float fu = u - i, fv = v - j;
    for (int c = 0; c < 3; c++) {
        float a = oy_lerpf(s->trans[i][j][c], s->trans[i][j + 1][c], fv);
        float b = oy_lerpf(s->trans[i + 1][j][c], s->trans[i + 1][j + 1][c], fv);
        out[c] = oy_lerpf(a, b, fu);
    }
}

/* table rows: sin(elevation) = v|v|, more rows near the horizon, and a
 * lookup needs no inverse trigonometry */
static float row_el(int i)
{
    float v = i / (float)(OY_SKY_EL - 1) * 2.0f - 1.0f;
    return oy_asinf(v * fabsf(v));
}

static void scatter(const oy_sky *s, const float d[3], const float *body, float e,
                    float bm, float acc[3])
{
    float r0 = RG + OBS_H, mu = d[1];
    float len = ray_top(r0, mu);
    /* rays into the ground stop at it */
    float b = r0 * mu, c = r0 * r0 - RG * RG, disc = b * b - c;
    if (mu < 0.0f && disc > 0.0f)
        len = fminf(len, -b - sqrtf(disc));
    len = fminf(len, 400.0f);
    float cosv = d[0] * body[0] + d[1] * body[1] + d[2] * body[2];
    float pr = 0.0597f * (1.0f + cosv * cosv);
    const float g = 0.78f;
    float pm = 0.0796f * (1.0f - g * g) / oy_powf(1.0f + g * g - 2.0f * g * cosv, 1.5f);
    float od[3] = { 0, 0, 0 };
    int n = 28;
    /* steps grow with distance: fine near the observer where Mie lives */
    float tot = 0.0f, w[28];
    for (int k = 0; k < n; k++)
        tot += w[k] = 1.0f + k * 0.35f;
    float t = 0.0f;
    for (int k = 0; k < n; k++) {
        float ds = len * w[k] / tot, tm = t + 0.5f * ds;
        float x = d[0] * tm, y = r0 + d[1] * tm, z = d[2] * tm;
        float rr = sqrtf(x * x + y * y + z * z), h = rr - RG;
        float dr, dm, dz, ts[3];
        density(h, &dr, &dm, &dz);
        for (int ch = 0; ch < 3; ch++)
            od[ch] += (beta_r[ch] * dr + bm * 1.1f * dm + beta_o[ch] * dz) * ds;
        float musun = (x * body[0] + y * body[1] + z * body[2]) / rr;
        trans_at(s, h, musun, ts);
        for (int ch = 0; ch < 3; ch++) {
            float tv = oy_rexp(-od[ch]);
            /* a crude multiple-scattering floor keeps twilight skies
             * blue; weaker under a low sun, so it does not veil the
             * afterglow */
            float ms = 0.08f * oy_smoothstepf(-0.2f, 0.3f, musun) * (0.3f + 0.7f * oy_smoothstepf(0.0f, 0.3f, musun));
            acc[ch] += e * tv * ds * ((beta_r[ch] * dr * pr + bm * dm * pm) * ts[ch] +
                                      beta_r[ch] * dr * ms);
        }
        t += ds;
    }
}

struct lut_job { oy_sky *s; float bm; };

/* one row of the table: rows are independent, so they split over the pool */
static void lut_row(void *arg, int i, int thread)
{
    struct lut_job *j = arg;
    oy_sky *s = j->s;
    (void)thread;
    float el = row_el(i), ce = oy_cosf(el), se = oy_sinf(el);
    for (int k = 0; k < OY_SKY_AZ; k++) {
        float az = (float)(2.0 * OY_PI) * k / OY_SKY_AZ;
        float d[3] = { oy_sinf(az) * ce, se, oy_cosf(az) * ce };
        float acc[3] = { 0, 0, 0 };
        if (s->sun[1] > -0.3f)
            scatter(s, d, s->sun, E_SUN, j->bm, acc);
        if (s->moon[1] > -0.2f)
            scatter(s, d, s->moon, E_MOON, j->bm, acc);
        for (int c = 0; c < 3; c++)
            s->raw[i][k][c] = acc[c];
    }
}

/* The sky colour channels (warmth, tint, light) as a matrix on linear rgb
 * at strength k: the sky moves toward the painted colour at its own
 * luminance, so its gradient and its clouds stay; light scales it (a
 * dark sky also dims the exposure, post.c, so its land is dim too). The
 * colour is white moved along the grade's axes, as world/biome.c paints
 * rock and ground. Returns 0, and leaves m alone, for no paint. */
static int paint_matrix(const float p[3], float k, float m[9])
{
    static const float warm[3] = { 0.9f, 0.25f, -0.9f }, tint[3] = { 0.55f, -0.75f, 0.45f };
    static const float wl[3] = { 0.2126f, 0.7152f, 0.0722f };
    if (p[0] == 0.0f && p[1] == 0.0f && p[2] == 0.0f)
        return 0;
    float col[3], cl = 0.0f;
    for (int i = 0; i < 3; i++) {
        col[i] = fmaxf(1.0f + 2.5f * (p[0] * warm[i] + p[1] * tint[i]), 0.15f);
        cl += wl[i] * col[i];
    }
    float hue = fminf(fabsf(p[0]) + fabsf(p[1]), 1.0f);
    float g = k * fminf(1.2f * hue + 0.3f * fabsf(p[2]), 0.8f);
    /* a coloured sky is a deeper one: the colour reads below white */
    float sc = oy_rexp2((p[2] > 0.0f ? 1.5f : 1.0f) * k * p[2]) * (1.0f - 0.3f * k * hue);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 3; c++)
            m[r * 3 + c] = sc * ((r == c ? 1.0f - g : 0.0f) + g * col[r] / cl * wl[c]);
    return 1;
}

static void paint_apply(const float m[9], const float in[3], float out[3])
{
    float x = in[0], y = in[1], z = in[2];
    for (int r = 0; r < 3; r++)
        out[r] = fmaxf(m[r * 3] * x + m[r * 3 + 1] * y + m[r * 3 + 2] * z, 0.0f);
}

void oy_sky_lut(const oy_sky *s, float az, float dy, float out[3])
{
    float v = dy >= 0.0f ? sqrtf(fminf(dy, 1.0f)) : -sqrtf(fminf(-dy, 1.0f));
    float fy = (v * 0.5f + 0.5f) * (OY_SKY_EL - 1), fx = az * OY_SKY_AZ;
    int i = (int)fy, j = (int)fx;
    if (i > OY_SKY_EL - 2) i = OY_SKY_EL - 2;
    float ty = fy - i, tx = fx - j;
    /* az is in [0, 1), so j is at most OY_SKY_AZ: a compare, not a modulo */
    if (j >= OY_SKY_AZ)
        j -= OY_SKY_AZ;
    int j1 = j + 1 < OY_SKY_AZ ? j + 1 : 0;
    for (int c = 0; c < 3; c++) {
        float a = oy_lerpf(s->lut[i][j][c], s->lut[i][j1][c], tx);
        float b = oy_lerpf(s->lut[i + 1][j][c], s->lut[i + 1][j1][c], tx);
        out[c] = oy_lerpf(a, b, ty);
    }
}

/* ---- clouds: a periodic tile, so drifting never runs off its edge ---- */

static float lattice(uint64_t seed, int oct, int x, int z, int period)
{
    x = ((x % period) + period) % period;
    z = ((z % period) + period) % period;
    return oy_u01(oy_hash(seed, OY_STREAM_SKY, (uint64_t)oct, (uint64_t)x, (uint64_t)z));
}

int oy_sky_clouds_make(float **tile, uint64_t seed)
{
    const int n = OY_CLOUD_N;
    float *t = oy_malloc(sizeof *t * n * n), lo = 1e9f, hi = -1e9f;
    if (!t)
        return OYSTER_E_NOMEM;
    for (int z = 0; z < n; z++)
        for (int x = 0; x < n; x++) {
            float sum = 0.0f, amp = 0.5f;
            for (int o = 0; o < 6; o++) {
                int period = 4 << o;
                float fx = x * period / (float)n, fz = z * period / (float)n;
                int ix = (int)fx, iz = (int)fz;
                float u = fx - ix, v = fz - iz;
                u = u * u * (3.0f - 2.0f * u);
                v = v * v * (3.0f - 2.0f * v);
                float a = lattice(seed, o, ix, iz, period), b = lattice(seed, o, ix + 1, iz, period);
                float c = lattice(seed, o, ix, iz + 1, period), d = lattice(seed, o, ix + 1, iz + 1, period);
                sum += amp * oy_lerpf(oy_lerpf(a, b, u), oy_lerpf(c, d, u), v);
                amp *= 0.52f;
            }
            t[z * n + x] = sum;
            lo = fminf(lo, sum);
            hi = fmaxf(hi, sum);
        }
    for (int i = 0; i < n * n; i++)
        t[i] = (t[i] - lo) / (hi - lo);
    *tile = t;
    return 0;
}

/* Bilinear tile lookup at texel (u, v) counted from the frame's origin:
 * the large world offsets are taken off once per frame in double (see
 * cloud_origin), so a pixel works in float with texel coordinates that
 * stay below ~2e4, where a float still resolves 1/500 texel. */
static float tile_at(const float *t, float u, float v)
{
    const int n = OY_CLOUD_N;
    int iu = (int)u, iv = (int)v;
    iu -= u < (float)iu;
    iv -= v < (float)iv;
    float a = u - (float)iu, b = v - (float)iv;
    int i = iu & (n - 1), j = iv & (n - 1);
    int i1 = (i + 1) & (n - 1), j1 = (j + 1) & (n - 1);
    return oy_lerpf(oy_lerpf(t[j * n + i], t[j * n + i1], a),
                    oy_lerpf(t[j1 * n + i], t[j1 * n + i1], a), b);
}

/* the two octaves' texel coordinates of the camera's point of the layer,
 * wrapped into one tile period */
static void cloud_origin(oy_sky *s)
{
    static const double scale[2] = { 45.0, 13.0 }, off[2][2] = { { 0, 0 }, { 71.3, 19.7 } };
    for (int o = 0; o < 2; o++) {
        double u = (s->cam_x + s->drift_x) / scale[o] + off[o][0];
        double v = (s->cam_z + s->drift_z) / scale[o] + off[o][1];
        s->cloud_u[o] = (float)(u - floor(u / OY_CLOUD_N) * OY_CLOUD_N);
        s->cloud_v[o] = (float)(v - floor(v / OY_CLOUD_N) * OY_CLOUD_N);
    }
}

/* octave o of the cloud field at a point of the layer, x, z from the camera */
static float cloud_octave(const oy_sky *s, int o, float x, float z)
{
    static const float inv[2] = { 1.0f / 45.0f, 1.0f / 13.0f };
    return tile_at(s->clouds, s->cloud_u[o] + x * inv[o], s->cloud_v[o] + z * inv[o]);
}

/* raw cloud field 0..1 */
static float cloud_field(const oy_sky *s, float x, float z)
{
    return 0.72f * cloud_octave(s, 0, x, z) + 0.28f * cloud_octave(s, 1, x, z);
}

static float coverage(const oy_sky *s, float n)
{
    float c = s->cloud;
    float lo = 0.78f - 0.75f * c, hi = lo + 0.12f + 0.25f * c;
    return oy_smoothstepf(lo, hi, n);
}

float oy_sky_cloud_at(const oy_sky *s, float x, float z)
{
    /* shadows need only the large shapes */
    return coverage(s, cloud_octave(s, 0, x, z) * 0.72f + 0.14f);
}

static float lum3(const float c[3]) { return 0.2126f * c[0] + 0.7152f * c[1] + 0.0722f * c[2]; }

/* Lightning's light. Its strength is set against the light the exposure
 * adapts to (about as post.c meters it), so a strike reads as a strong
 * flash at dusk or at night without turning the frame white, and is
 * little by day; a far strike lights less. Part of it is the cloud base
 * and the sky glowing (ambient), the most a cold white from the side of
 * the brightest strike, toward a point a few hundred metres up its
 * channel; the clouds glow most about the channel. */
static void flash_light(oy_sky *s, const oy_state *st)
{
    static const float cold[3] = { 0.88f, 0.94f, 1.1f };
    s->flash_dir[0] = s->flash_dir[2] = 0.0f;
    s->flash_dir[1] = 1.0f;
    s->flash_x = s->flash_z = 0.0f;
    s->flash_near = s->flash_cloud = s->flash_side = 0.0f;
    s->flash_hx = s->flash_hz = 0.0f;
    for (int c = 0; c < 3; c++)
        s->flash_rad[c] = 0.0f;
    if (s->flash <= 0.0f)
        return;
    float key = lum3(s->amb_key) + lum3(s->sun_rad) * oy_rmax(s->sun[1], 0.0f) * 0.9f +
                lum3(s->moon_rad) * oy_rmax(s->moon[1], 0.0f) * 0.9f;
    float unit = s->flash * oy_rmin(FLASH_REL * oy_powf(oy_rmax(key, 1e-4f), 0.8f), FLASH_ABS);
    float fall = 0.3f;                 /* a flash without a strike to place it */
    if (st->nstrikes > 0) {
        const oy_strike *k = &st->strikes[0];
        float dx = (float)(k->x - s->cam_x), dz = (float)(k->z - s->cam_z);
        float d2 = dx * dx + dz * dz, up = 400.0f, l = sqrtf(d2 + up * up);
        fall = 1.0f / (1.0f + d2 * (1.0f / (FLASH_FALL * FLASH_FALL)));
        s->flash_dir[0] = dx / l;
        s->flash_dir[1] = up / l;
        s->flash_dir[2] = dz / l;
        s->flash_x = dx;
        s->flash_z = dz;
        s->flash_near = unit * FLASH_NEAR;
        s->flash_side = unit * FLASH_SIDE * fall;
        float hl = sqrtf(d2);
        s->flash_hx = hl > 1e-3f ? dx / hl : 0.0f;
        s->flash_hz = hl > 1e-3f ? dz / hl : 0.0f;
        for (int c = 0; c < 3; c++)
            s->flash_rad[c] = unit * FLASH_DIR * fall * cold[c];
    }
    float amb = unit * FLASH_AMB * (0.25f + 0.75f * fall);
    s->flash_cloud = unit * FLASH_CLOUD * (0.25f + 0.75f * fall);
    for (int c = 0; c < 3; c++) {
        s->amb_up[c] += amb * cold[c];
        s->amb_hor[c] += amb * 0.6f * cold[c];
        s->horizon[c] += amb * 0.08f * cold[c];
    }
}

void oy_sky_update(oy_sky *s, const oy_state *st, float floor_y, oy_pool *pool)
{
    float haze = oy_clampf(st->ch[OY_CH_HAZE], 0.0f, 1.0f);
    float bm = haze_mie(haze);
    uint64_t tk = oy_hash_bytes(77, &bm, sizeof bm);
    oy_render_sun_dir(st, s->sun, s->moon);
    if (tk != s->trans_key) {
        build_trans(s, bm);
        s->trans_key = tk;
    }
    float kv[7] = { s->sun[0], s->sun[1], s->sun[2], s->moon[0], s->moon[1], s->moon[2], bm };
    uint64_t key = oy_hash_bytes(tk, kv, sizeof kv);
    if (key != s->key) {
        struct lut_job j = { s, bm };
        oy_pool_run(pool, OY_SKY_EL, lut_row, &j);
        s->key = key;
    }
    /* the table as the prompt paints it is made in oy_sky_grade */
    float sp[3];
    for (int i = 0; i < 3; i++)
        sp[i] = oy_clampf(st->ch[OY_CH_SKY_WARMTH + i], -1.0f, 1.0f);
    s->painted = paint_matrix(sp, 1.0f, s->paint);
    s->t = (float)st->t;
    s->cloud = oy_clampf(st->ch[OY_CH_CLOUD], 0.0f, 1.0f);
    s->haze = haze;
    s->cloud_alt = floor_y + 1900.0f;
    float wind = oy_clampf(st->ch[OY_CH_WIND], 0.0f, 1.0f);
    s->drift_x = (float)(st->t * (3.0 + 20.0 * wind));
    s->drift_z = (float)(st->t * (1.5 + 8.0 * wind));
    cloud_origin(s);
    s->flash = oy_clampf(st->flash, 0.0f, 1.0f);

    /* direct light at the ground, dimmed by the average cloud cover */
    float ts[3], tm[3];
    trans_at(s, OBS_H, s->sun[1], ts);
    trans_at(s, OBS_H, s->moon[1], tm);
    float dim = 1.0f - 0.9f * s->cloud * s->cloud;
    /* and by fog, which scatters what it takes into a soft light from
     * all round: a mist keeps most of the sun, a fog a quarter of it,
     * and thick fog casts no shadows */
    float fog = oy_clampf(st->ch[OY_CH_FOG], 0.0f, 1.0f), lost = 0.95f * oy_smoothstepf(0.1f, 0.75f, fog);
    float scattered[3];
    for (int c = 0; c < 3; c++) {
        scattered[c] = E_SUN * ts[c] * dim * lost * fmaxf(s->sun[1], 0.0f) * 0.5f;
        s->sun_rad[c] = E_SUN * ts[c] * dim * (1.0f - lost);
        s->moon_rad[c] = E_MOON * tm[c] * dim * (1.0f - lost) * oy_smoothstepf(-0.05f, 0.1f, s->moon[1]);
    }
    /* sky irradiance: integrate the table over the upper hemisphere */
    float up[3] = { 0, 0, 0 }, hor[3] = { 0, 0, 0 }, horl[3] = { 0, 0, 0 };
    for (int i = OY_SKY_EL / 2; i < OY_SKY_EL; i++) {
        float e0 = row_el(i), e1 = i + 1 < OY_SKY_EL ? row_el(i + 1) : e0;
        float dw = (e1 - e0) * (float)(2.0 * OY_PI / OY_SKY_AZ);
        float ce = oy_cosf(e0), se = oy_sinf(e0);
        for (int j = 0; j < OY_SKY_AZ; j++)
            for (int c = 0; c < 3; c++) {
                float L = s->raw[i][j][c] * dw * ce;
                up[c] += L * se;
                hor[c] += L * ce * 0.5f;
                if (i == OY_SKY_EL / 2 + 1)
                    horl[c] += s->raw[i][j][c] / OY_SKY_AZ;
            }
    }
    /* overcast: a grey dome as bright as the light above the clouds */
    float lum_above = 0.2126f * up[0] + 0.7152f * up[1] + 0.0722f * up[2];
    float sunlum = 0.2126f * ts[0] + 0.7152f * ts[1] + 0.0722f * ts[2];
    float base = (lum_above + E_SUN * sunlum * fmaxf(s->sun[1], 0.0f) * 0.35f) / (float)OY_PI * 0.55f;
    float tint[3] = { 1.0f, 1.0f, 1.02f };
    base *= 1.0f - 0.45f * oy_clampf(st->ch[OY_CH_RAIN], 0.0f, 1.0f);
    float oc = oy_smoothstepf(0.3f, 1.0f, s->cloud);
    /* rain (or lightning) under a full cover makes it a storm's deck:
     * its base, which is also the colour of the air under it, is dark
     * slate; the light it lets through (ambient, horizon) is not dimmed
     * as much, so the land under it keeps its detail */
    s->storm = oy_smoothstepf(0.6f, 1.0f, s->cloud) *
               oy_smoothstepf(0.1f, 0.7f, oy_clampf(st->ch[OY_CH_RAIN], 0.0f, 1.0f) +
                                              1.5f * oy_clampf(st->ch[OY_CH_LIGHTNING], 0.0f, 1.0f));
    static const float slate[3] = { 0.42f, 0.47f, 0.56f };
    /* the horizon's light comes mostly from the sun's side while the sun
     * is low, evenly from all round once it is high or down */
    float sun_h = sqrtf(s->sun[0] * s->sun[0] + s->sun[2] * s->sun[2]);
    float lean = sun_h > 1e-3f ? 0.8f * oy_smoothstepf(-0.12f, 0.0f, s->sun[1]) *
                                     (1.0f - oy_smoothstepf(0.15f, 0.45f, s->sun[1])) / sun_h
                               : 0.0f;
    s->hor_toward[0] = lean * s->sun[0];
    s->hor_toward[1] = lean * s->sun[2];
    for (int c = 0; c < 3; c++) {
        s->overcast[c] = base * tint[c] + horl[c] * 0.15f;
        s->amb_up[c] = oy_lerpf(up[c], s->overcast[c] * (float)OY_PI, oc);
        s->amb_hor[c] = oy_lerpf(hor[c], s->overcast[c] * (float)OY_PI * 0.5f, oc);
        s->horizon[c] = oy_lerpf(horl[c], s->overcast[c], oc);
        /* starlight and airglow: night is dark blue, not black */
        float night_floor[3] = { 0.0009f, 0.0015f, 0.0032f };
        s->amb_up[c] += night_floor[c] * 3.0f;
        s->amb_hor[c] += night_floor[c] * 1.5f;
        /* moonlit sky: a faint blue fill, so the land reads by moonlight
         * on the slopes the moon does not reach */
        float mf = s->moon_rad[1] * (c == 2 ? 0.45f : c == 1 ? 0.32f : 0.24f);
        s->amb_up[c] += mf;
        s->amb_hor[c] += mf * 0.6f;
        s->horizon[c] += night_floor[c];
        s->overcast[c] *= oy_lerpf(1.0f, slate[c], s->storm);
        s->amb_up[c] += scattered[c];
        s->amb_hor[c] += scattered[c] * 0.5f;
    }
    /* the land under a painted sky takes a little of its colour */
    float mw[9];
    if (paint_matrix(sp, 0.3f, mw)) {
        paint_apply(mw, s->amb_up, s->amb_up);
        paint_apply(mw, s->amb_hor, s->amb_hor);
    }
    memcpy(s->amb_key, s->amb_up, sizeof s->amb_key);
    s->oc = oc;
    flash_light(s, st);
    s->night = oy_sky_night(s->sun[1]);
    s->star_k = (1.0f - oy_smoothstepf(-0.3f, -0.14f, s->sun[1])) * (1.0f - s->cloud);
    s->aurora = oy_clampf(st->ch[OY_CH_AURORA], 0.0f, 1.0f) * (1.0f - oy_smoothstepf(-0.25f, -0.08f, s->sun[1]));
    s->aurora_t = (float)fmod(st->t, 3600.0);
    s->moons = (int)(oy_clampf(st->ch[OY_CH_MOONS], 0.0f, 3.0f) + 0.5f);
    s->rainbow = oy_clampf(st->ch[OY_CH_RAINBOW], 0.0f, 1.0f) * oy_smoothstepf(0.0f, 0.08f, s->sun[1]) *
                 (1.0f - oy_smoothstepf(0.5f, 1.0f, s->cloud));
    if (s->aurora > 0.0f)
        for (int c = 0; c < 3; c++) {
            /* and a faint green on the land under it */
            static const float glow[3] = { 0.0001f, 0.0007f, 0.0003f };
            s->amb_up[c] += glow[c] * s->aurora;
            s->amb_hor[c] += glow[c] * s->aurora * 0.7f;
        }
}

/* The graduated filter's gain on a sky radiance c: what the exposure
 * would show brighter than the hold is drawn toward it. A sky the prompt
 * paints is not held: its paint sets how deep it reads. The land's fill
 * light does not reach the sky. */
static float hold_gain(const oy_sky *s, const oy_post *p, const float c[3])
{
    if (s->painted || p->sky_hold <= 0.0f)
        return 1.0f / p->fill;
    return 1.0f / (p->fill * (1.0f + p->sky_ex * lum3(c) / p->sky_hold));
}

/* A colour of the sky through the graduated filter, before the prompt's
 * paint: scaled by gain, and unless painted (the paint sets the colour),
 * its chroma spread so that after the post's colour matrix it keeps the
 * sky's saturation rather than the land's. seen: a colour the post takes
 * as it is (the table), whose brightness decides the matrix at night, as
 * oy_post_matrix does; 0: a light. */
static void grade(const oy_post *p, float c[3], float gain, int seen, int painted)
{
    float k = p->k, m[3];
    for (int i = 0; i < 3; i++) {
        c[i] *= gain;
        m[i] = c[i] * p->mul[i];
    }
    if (seen && p->night)
        k += oy_smoothstepf(0.12f, 0.7f, lum3(m)) * (p->k_lit - p->k);
    float spread = painted ? 1.0f : oy_clampf(p->sky_k / fmaxf(k, 1e-3f), 1.0f, 2.0f), l = lum3(c);
    if (spread > 1.0f)
        for (int i = 0; i < 3; i++)
            c[i] = fmaxf(l + (c[i] - l) * spread, 0.0f);
}

void oy_sky_grade(oy_sky *s, const oy_post *p)
{
    for (int i = 0; i < OY_SKY_EL; i++)
        for (int k = 0; k < OY_SKY_AZ; k++) {
            float *c = s->lut[i][k];
            memcpy(c, s->raw[i][k], sizeof s->lut[i][k]);
            grade(p, c, hold_gain(s, p, c), 1, s->painted);
            if (s->painted)
                paint_apply(s->paint, c, c);
        }
    /* the cloud layer's light, as the horizon is graded */
    s->gain = hold_gain(s, p, s->horizon);
    float sm[3];
    for (int c = 0; c < 3; c++)
        sm[c] = s->sun_rad[c] + s->moon_rad[c];
    const float *in[4] = { sm, s->amb_up, s->overcast, s->horizon };
    float *out[4] = { s->pt_sun, s->pt_amb, s->pt_oc, s->pt_hor };
    for (int j = 0; j < 4; j++) {
        memcpy(out[j], in[j], sizeof s->pt_sun);
        grade(p, out[j], s->gain, 0, s->painted);
        if (s->painted)
            paint_apply(s->paint, out[j], out[j]);
    }
}

/* Value noise along a line: smooth, -1..1, from the hash of whole steps. */
static float noise1(uint64_t salt, float x)
{
    float f = floorf(x), u = x - f, w = u * u * (3.0f - 2.0f * u);
    int64_t i = (int64_t)f;
    float a = oy_u01(oy_hash(salt, OY_STREAM_SKY, (uint64_t)i, 0, 0));
    float b = oy_u01(oy_hash(salt, OY_STREAM_SKY, (uint64_t)(i + 1), 0, 0));
    return 2.0f * oy_lerpf(a, b, w) - 1.0f;
}

/* The northern lights along direction d (y up): curtains hanging in the
 * northern sky (+z) from about 100 km up, their lower edges sharp and
 * green, fading upward into red, folded along their length and streaked
 * with rays, drifting and rippling over minutes. A ray meets each curtain
 * where it crosses the curtain's wavy line; the radiance adds. */
static void aurora(const oy_sky *s, float dx, float dy, float dz, float out[3])
{
    static const float green[3] = { 0.04f, 1.0f, 0.22f }, red[3] = { 0.8f, 0.1f, 0.4f };
    float t = s->aurora_t, hl = sqrtf(dx * dx + dz * dz);
    if (dz <= 0.05f * hl || dy <= 0.0f)
        return;
    for (int k = 0; k < 3; k++) {
        float z0 = 600.0f + 250.0f * (float)k;               /* km north */
        float tz = z0 / dz;                                   /* ray length to the line's mean */
        float x = dx * tz;
        float fold = 60.0f * noise1(0xa0 + (uint64_t)k, x / 220.0f + 0.004f * t) +
                     18.0f * noise1(0xb0 + (uint64_t)k, x / 55.0f - 0.02f * t);
        float tk = (z0 + fold) / dz, h = dy * tk;            /* km up where it crosses */
        if (h < 80.0f || h > 420.0f)
            continue;
        float xk = dx * tk;
        float bottom = oy_smoothstepf(92.0f, 108.0f, h);
        float g = bottom * oy_rexp(-(h - 105.0f) / 55.0f), r = oy_rexp(-(h - 240.0f) * (h - 240.0f) / 5000.0f);
        float rays = 0.45f + 0.55f * (0.5f + 0.5f * noise1(0xc0 + (uint64_t)k, xk / 3.0f + 0.05f * t)) *
                             (0.6f + 0.4f * noise1(0xd0 + (uint64_t)k, xk / 0.9f));
        float along = oy_smoothstepf(-0.6f, 0.2f, noise1(0xe0 + (uint64_t)k, xk / 400.0f + 0.002f * t));
        /* seen edge on where the line turns toward the view: brighter */
        float b = s->aurora * rays * along * (k ? 0.55f / (float)k : 1.0f) * 0.1f;
        for (int c = 0; c < 3; c++)
            out[c] += b * (g * green[c] + 0.15f * r * red[c]);
    }
}

/* The Milky Way: a band along a great circle that rises from the horizon
 * a little left of +z, leaning right, brightest toward its core low in
 * the sky, mottled with star clouds and split by a dark rift. Its glow
 * (returned) and how much denser its stars are (*dense, 0..1). */
static float milky_way(const oy_sky *s, float dx, float dy, float dz, float *dense)
{
    static const float n[3] = { -0.886f, 0.4222f, -0.1885f }, h[3] = { -0.208f, 0.0f, 0.978f },
                       v[3] = { 0.413f, 0.906f, 0.0879f };
    float g = dx * n[0] + dy * n[1] + dz * n[2];
    *dense = 0.0f;
    if (fabsf(g) > 0.45f)
        return 0.0f;
    float th = oy_atan2f(dx * v[0] + dy * v[1] + dz * v[2], dx * h[0] + dz * h[2]);
    float clouds = tile_at(s->clouds, th * 110.0f + 300.0f, g * 260.0f + 140.0f);
    float fine = tile_at(s->clouds, th * 420.0f + 71.0f, g * 900.0f + 33.0f);
    float core = 1.0f + 0.8f * oy_rexp(-(th - 0.5f) * (th - 0.5f) * 4.0f);
    float lane = g - 0.015f - 0.02f * (clouds - 0.5f);
    float rift = 1.0f - 0.8f * oy_rexp(-lane * lane * 2500.0f) * oy_smoothstepf(-0.6f, 0.6f, th) * (0.4f + 0.6f * fine);
    float band = oy_rexp(-g * g * 90.0f) * rift * core;
    float mott = oy_smoothstepf(0.2f, 0.75f, 0.6f * clouds + 0.4f * fine);
    *dense = oy_clampf(band * mott, 0.0f, 1.0f);
    return 0.012f * band * mott * mott + 0.0008f * oy_rexp(-g * g * 20.0f);
}

/* stars on a cube map of cells, one jittered star per lucky cell, more
 * cells lucky where the Milky Way is dense */
static float stars(const oy_sky *s, float dx, float dy, float dz, float dense)
{
    float ax = fabsf(dx), ay = fabsf(dy), az = fabsf(dz), m, u, v;
    int face;
    if (ax >= ay && ax >= az) { m = ax; u = dz; v = dy; face = dx > 0 ? 0 : 1; }
    else if (ay >= az) { m = ay; u = dx; v = dz; face = dy > 0 ? 2 : 3; }
    else { m = az; u = dx; v = dy; face = dz > 0 ? 4 : 5; }
    const float cells = 220.0f;
    float fu = (u / m * 0.5f + 0.5f) * cells, fv = (v / m * 0.5f + 0.5f) * cells;
    int iu = (int)fu, iv = (int)fv;
    uint64_t h = oy_hash(s->seed, OY_STREAM_SKY, 1000 + (uint64_t)face, (uint64_t)iu, (uint64_t)iv);
    float p = oy_u01(h), lucky = 0.35f + 0.4f * dense;
    if (p > lucky)
        return 0.0f;
    float cx = iu + 0.2f + 0.6f * oy_u01(h << 8), cy = iv + 0.2f + 0.6f * oy_u01(h << 16);
    float r2 = ((fu - cx) * (fu - cx) + (fv - cy) * (fv - cy)) / (m * m);
    float mag = p / lucky;
    float b = 0.004f + 0.12f * mag * mag * mag * mag * mag * mag;
    return b * oy_rexp(-r2 * 900.0f);
}

/* One band of a rainbow across x, 0 at its violet edge to 1 at its red:
 * the colours of the spectrum, fading out past both edges, added to out
 * by k; returns how strong the band is there, 0..1. */
static float bow_band(float x, float k, float out[3])
{
    if (x < -0.25f || x > 1.25f)
        return 0.0f;
    float r = oy_rexp(-(x - 0.8f) * (x - 0.8f) * 20.0f) + 0.12f * oy_rexp(-(x - 0.05f) * (x - 0.05f) * 150.0f);
    float g = oy_rexp(-(x - 0.5f) * (x - 0.5f) * 22.0f);
    float b = oy_rexp(-(x - 0.15f) * (x - 0.15f) * 35.0f);
    out[0] += k * r;
    out[1] += k * g;
    out[2] += k * b;
    return oy_rmax(r, oy_rmax(g, b));
}

/* The rainbow along direction d: sunlight turned back by the raindrops,
 * an arc 42 degrees round the point opposite the sun, red outside and
 * violet in, the sky inside it brighter, the secondary bow outside at 51
 * degrees, fainter and its colours the other way round, and the darker
 * band between them. Drawn over the sky, in front of the clouds, and by
 * `weight` over the land far off, in the rain in front of it. The eye
 * sees a bow against the dark rain behind it: where its colours are, the
 * sky's own light is dimmed, so they read over a blue sky too. */
void oy_sky_rainbow(const oy_sky *s, const float d[3], float weight, float out[3])
{
    /* the cosine from the point opposite the sun */
    float ca = -(d[0] * s->sun[0] + d[1] * s->sun[1] + d[2] * s->sun[2]);
    if (ca < 0.55f || ca > 0.9f || d[1] < -0.02f)
        return;
    float th = oy_acosf(ca) * (float)(180.0 / OY_PI), w = weight * s->rainbow * oy_smoothstepf(-0.02f, 0.03f, d[1]);
    float l = (0.2126f * s->horizon[0] + 0.7152f * s->horizon[1] + 0.0722f * s->horizon[2]) * s->gain;
    float k = w * l, add[3] = { 0, 0, 0 };
    float env = 0.85f * bow_band((th - 40.5f) / 1.9f, 0.6f * k, add) +
                0.25f * bow_band(1.0f - (th - 50.3f) / 3.2f, 0.22f * k, add);
    float inside = 0.12f * oy_smoothstepf(28.0f, 40.2f, th) * (1.0f - oy_smoothstepf(40.2f, 40.8f, th));
    float band = 0.14f * oy_smoothstepf(41.8f, 43.0f, th) * (1.0f - oy_smoothstepf(49.5f, 50.5f, th));
    for (int c = 0; c < 3; c++)
        out[c] = out[c] * (1.0f - (band + env) * w) + add[c] + inside * k;
}

/* The great moons of an alien sky, fixed over the set's default view
 * (+z): low enough that a level view frames them, the largest first.
 * Each: its direction (unit), the cosine and sine of its angular radius
 * (2.6, 1.1 and 0.6 degrees), and its colour. */
static const struct great_moon {
    float dir[3], cos_r, sin_r, albedo[3];
} great_moons[3] = {
    { { 0.138509f, 0.097583f, 0.985542f }, 0.99897057f, 0.04536299f, { 0.31f, 0.29f, 0.26f } },
    { { -0.206362f, 0.121869f, 0.970857f }, 0.99981571f, 0.01919744f, { 0.25f, 0.28f, 0.33f } },
    { { 0.256424f, 0.135716f, 0.956989f }, 0.99994517f, 0.01047178f, { 0.35f, 0.22f, 0.17f } },
};

/* Great moon i seen along (dx, dy, dz), behind what cover of cloud lets
 * through (vis): a sphere lit from the sun's side, wherever the sun is
 * (a gibbous moon, its dark side faint in the light of the land),
 * its face mottled with dark seas, dimmed and reddened low down by the
 * air, standing out of a blue sky by day, kept from glaring by night.
 * Adds it to out and returns how much of it covers the pixel (0 off its
 * disc). */
static float great_moon(const oy_sky *s, int i, float dx, float dy, float dz, float vis, float out[3])
{
    const struct great_moon *m = &great_moons[i];
    float c = dx * m->dir[0] + dy * m->dir[1] + dz * m->dir[2];
    if (c < m->cos_r)
        return 0.0f;
    float k = 1.0f / m->sin_r;
    float u[3] = { (dx - m->dir[0] * c) * k, (dy - m->dir[1] * c) * k, (dz - m->dir[2] * c) * k };
    float r2 = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
    if (r2 >= 1.0f)
        return 0.0f;
    float depth = sqrtf(1.0f - r2);
    float n[3] = { u[0] - m->dir[0] * depth, u[1] - m->dir[1] * depth, u[2] - m->dir[2] * depth };
    /* lit from the sun's side, but turned toward the view, so that half
     * its face or more is lit (with the sun behind it, as at dusk over
     * the set, it was a new moon, unseen) */
    float l[3] = { s->sun[0] - 1.2f * m->dir[0], s->sun[1] - 1.2f * m->dir[1], s->sun[2] - 1.2f * m->dir[2] };
    float ll = sqrtf(l[0] * l[0] + l[1] * l[1] + l[2] * l[2]);
    float ndl = oy_rmax(n[0] * l[0] + n[1] * l[1] + n[2] * l[2], 0.0f) / ll;
    float seas = oy_sinf(5.3f * n[0] + 1.7f * (float)i) * oy_sinf(4.1f * n[1] + 0.9f) *
                 oy_sinf(3.7f * n[2] + 2.3f * (float)i + 0.4f * n[0]);
    float tone = 1.0f - 0.35f * oy_smoothstepf(0.05f, 0.35f, seas);
    float tr[3];
    trans_at(s, OBS_H, oy_rmax(dy, 0.0f), tr);
    float light = (E_SUN / (float)OY_PI) * oy_lerpf(2.0f, 0.1f, s->night);
    float cover = (1.0f - oy_smoothstepf(0.9f, 1.0f, r2)) * vis;
    for (int ch = 0; ch < 3; ch++)
        out[ch] += cover * m->albedo[ch] * tone * tr[ch] * (ndl + 0.015f) * light;
    return cover;
}

void oy_sky_radiance(const oy_sky *s, const float d[3], float az, float cam_y, float out[3])
{
    float dx = d[0], dy = d[1], dz = d[2];
    oy_sky_lut(s, az, dy, out);
    if (s->haze > 0.05f) {
        /* dust and haze whiten and warm the sky toward the horizon: the
         * veil takes the horizon's brightness but not its blue */
        float e = 1.0f - fminf(fmaxf(dy, 0.0f), 1.0f);
        float k = oy_smoothstepf(0.05f, 0.8f, s->haze) * (0.1f + 0.8f * e * e * e);
        float l = (0.2126f * s->horizon[0] + 0.7152f * s->horizon[1] + 0.0722f * s->horizon[2]) * s->gain;
        static const float veil[3] = { 1.45f, 1.32f, 1.08f };
        for (int c = 0; c < 3; c++)
            out[c] = oy_lerpf(out[c], l * veil[c], k);
    }
    float cs = dx * s->sun[0] + dy * s->sun[1] + dz * s->sun[2];
    float cm = dx * s->moon[0] + dy * s->moon[1] + dz * s->moon[2];
    float vis = 1.0f;                 /* how much of the sun/moon/stars shows */
    float cloudy = 0.0f;
    if (dy > 0.0f && s->cloud > 0.01f) {
        float t = (s->cloud_alt - cam_y) / fmaxf(dy, 0.01f);
        if (t > 0.0f) {
            float wx = dx * t, wz = dz * t;
            float n = cloud_field(s, wx, wz), a = coverage(s, n);
            if (a > 0.0f) {
                /* light through the cloud toward the sun; the path is
                 * long, so the large shapes alone decide it */
                float n2 = oy_sky_cloud_at(s, wx + s->sun[0] * 350.0f, wz + s->sun[2] * 350.0f);
                float shade = oy_rexp(-2.2f * n2 - 1.2f * a);
                float fwd = 1.0f + 2.5f * oy_rexp((cs - 1.0f) * 8.0f);
                float col[3];
                for (int c = 0; c < 3; c++) {
                    float sunlit = s->pt_sun[c] * (0.12f + 0.5f * shade) * fwd *
                                   (1.0f - 0.6f * s->cloud) / (float)OY_PI;
                    float amb = s->pt_amb[c] / (float)OY_PI * (0.55f + 0.3f * shade);
                    col[c] = oy_lerpf(sunlit + amb, s->pt_oc[c] * (0.55f + 0.6f * shade),
                                      oy_smoothstepf(0.4f, 1.0f, s->cloud));
                }
                if (s->storm > 0.0f) {
                    /* a storm's deck: slate bases, darkest where the
                     * cloud is thick, lighter where it thins, toward the
                     * sun and low down, where light comes in under the
                     * deck's far edge */
                    float thin = 1.0f - oy_smoothstepf(0.3f, 0.72f, n);
                    float low = 1.0f - oy_smoothstepf(0.0f, 0.14f, dy);
                    float glow = oy_rexp((cs - 1.0f) * 5.0f);
                    float b = 0.3f + 0.6f * thin * thin + 0.7f * low * low +
                              0.7f * glow * (0.3f + 0.7f * thin);
                    for (int c = 0; c < 3; c++)
                        col[c] = oy_lerpf(col[c], s->pt_oc[c] * b, s->storm);
                }
                if (s->flash > 0.0f) {
                    float ex = wx - s->flash_x, ez = wz - s->flash_z;
                    /* most about the channel, and along the line of
                     * sight past it, where the rain and the deck
                     * scatter its light */
                    float hl = sqrtf(dx * dx + dz * dz), sd = s->flash_hx * dx + s->flash_hz * dz;
                    float fl = s->flash_cloud + s->flash_near *
                               oy_rexp((ex * ex + ez * ez) * (-1.0f / (2.0f * FLASH_SPREAD * FLASH_SPREAD)));
                    if (hl > 1e-4f)
                        fl += s->flash_side * oy_rexp((sd / hl - 1.0f) * 25.0f);
                    fl *= 0.5f + 0.5f * shade;
                    col[0] += fl * 0.88f;
                    col[1] += fl * 0.94f;
                    col[2] += fl * 1.1f;
                }
                /* distant clouds melt into the horizon haze */
                float far = oy_rexp(-t / (45000.0f + 90000.0f * s->storm));
                float aa = a * (0.35f + 0.65f * far) * oy_smoothstepf(0.0f, 0.06f, dy);
                for (int c = 0; c < 3; c++)
                    out[c] = oy_lerpf(out[c], oy_lerpf(s->pt_hor[c], col[c], far), aa);
                cloudy = aa;
            }
        }
        vis = 1.0f - cloudy;
        /* a full overcast dims everything behind it */
        float oc = oy_smoothstepf(0.55f, 1.0f, s->cloud);
        if (oc > 0.0f)
            for (int c = 0; c < 3; c++)
                out[c] = oy_lerpf(out[c], s->pt_oc[c] * oy_lerpf(0.9f + 0.25f * dy, 0.8f, s->storm),
                                  oc * (1.0f - cloudy));
        vis *= 1.0f - oc;
    }
    if (cs > 0.9995f && dy > -0.02f) {
        /* sun disk, 0.27 deg radius, limb darkened */
        float r = (1.0f - cs) / (1.0f - 0.99998890f);
        float k = oy_clampf(1.3f - r, 0.0f, 1.0f) * vis * (1.0f - 0.4f * r);
        for (int c = 0; c < 3; c++)
            out[c] += k * s->sun_rad[c] * 3000.0f;
    }
    if (cm > 0.99f && s->moon[1] > -0.05f) {
        /* the disk drawn twice its true size, as the eye remembers it,
         * in a faint halo of moonlit haze */
        float r = (1.0f - cm) / (4.0f * (1.0f - 0.99998890f));
        float k = oy_clampf(1.5f - r, 0.0f, 1.0f) * vis * s->night;
        float halo = oy_rexp((1.0f - cm) * -900.0f) * (0.35f + 0.65f * vis) * s->night * 0.004f;
        for (int c = 0; c < 3; c++)
            out[c] += k * (c == 2 ? 0.33f : 0.3f) + halo * (c == 2 ? 1.1f : 0.9f);
    }
    /* a great moon hides the stars and the Milky Way behind it */
    float behind = 1.0f;
    for (int i = 0; i < s->moons; i++)
        behind -= great_moon(s, i, dx, dy, dz, vis, out);
    if (s->aurora > 0.0f && vis > 0.0f) {
        float a[3] = { 0, 0, 0 };
        aurora(s, dx, dy, dz, a);
        for (int c = 0; c < 3; c++)
            out[c] += a[c] * vis;
    }
    if (s->star_k > 0.0f && dy > 0.0f) {
        float dense, k = s->star_k * vis * behind * oy_smoothstepf(0.0f, 0.15f, dy);
        /* a moon up washes the Milky Way out, and the thick air low down */
        float glow = milky_way(s, dx, dy, dz, &dense) * k * (1.0f - 0.8f * oy_smoothstepf(-0.05f, 0.2f, s->moon[1])) *
                     oy_smoothstepf(0.03f, 0.35f, dy);
        float b = stars(s, dx, dy, dz, dense) * k;
        out[0] += b * 0.9f + glow * 0.95f;
        out[1] += b * 0.95f + glow * 0.93f;
        out[2] += b + glow * 0.9f;
    }
}
