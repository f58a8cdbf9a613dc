/*
 * cast_water.c - water for the column caster: travelling wave trains and
 * choppy noise tilt the surface; the body's colour comes from the water
 * channels (absorption with depth over the bed, scattered body colour);
 * Fresnel reflection of the land the same column shows above the water,
 * else of the sky; sun glitter; foam where the water thins at the shore.
 * Frozen water (the ice channel) lies still: snow-dusted white ice in
 * drifts over patches of dark clear ice that mirror dimly.
 */
#include <math.h>

#include "cast_impl.h"

/* the wave trains: direction, wavelength (m) */
static const float wave_dir[OY_WAVES][2] = { { 0.8f, 0.6f }, { -0.38f, 0.925f }, { 0.97f, -0.24f },
                                             { -0.6f, -0.8f }, { 0.28f, -0.96f } };
static const float wave_len[OY_WAVES] = { 11.3f, 6.7f, 3.9f, 2.3f, 1.37f };
/* a rough sea's long swells, rolling in from the open water together */
static const float swell_dir[OY_SWELLS][2] = { { 0.6f, -0.8f }, { 0.85f, -0.53f } };
static const float swell_len[OY_SWELLS] = { 43.0f, 27.0f };

/* a wave train's phase at the camera at time t, 0..2 pi */
static float train_phase(const oy_cast *c, double t, const float dir[2], float len)
{
    double k = 2.0 * OY_PI / len, w = sqrt(9.81 * k);
    double ph = (c->cam_x * dir[0] + c->cam_z * dir[1]) * k - t * w;
    return (float)(ph - floor(ph / (2.0 * OY_PI)) * (2.0 * OY_PI));
}

/* a swell's height for a slope of SWELL_SLOPE at full roughness: its
 * crest stands 1.3 times that over the water's level, its trough 0.7
 * below */
#define SWELL_SLOPE 0.4f

void oy_cast_waves_at(oy_cast *c, double t)
{
    for (int i = 0; i < OY_WAVES; i++)
        c->wave_ph[i] = train_phase(c, t, wave_dir[i], wave_len[i]);
    for (int i = 0; i < OY_SWELLS; i++)
        c->swell_ph[i] = train_phase(c, t, swell_dir[i], swell_len[i]);
    c->rough = oy_smoothstepf(0.45f, 1.0f, oy_clampf(c->st->ch[OY_CH_WIND], 0.0f, 1.0f));
    /* the sea's swells rise and fall in the march, so near crests hide
     * the troughs and the horizon behind them; a lake's chop and ice do
     * not heave */
    const oy_world_shape *sh = c->shape;
    float ice = oy_clampf(c->st->ch[OY_CH_ICE], 0.0f, 1.0f);
    c->heave = sh ? c->rough * oy_smoothstepf(0.3f, 0.7f, sh->coast) * (1.0f - ice) : 0.0f;
    c->heave_top = 0.0f;
    for (int i = 0; i < OY_SWELLS; i++)
        c->heave_top += 1.3f * c->heave * SWELL_SLOPE * swell_len[i] / (float)(2.0 * OY_PI);
    /* by the camera no crest rises past half its height over the sea,
     * so a crest never fills the view */
    c->heave_near = sh && c->heave_top > 0.0f
                        ? oy_clampf(0.5f * (c->cam_y - sh->sea_level - 0.5f) / c->heave_top, 0.0f, 1.0f)
                        : 1.0f;
}

/* swell i's phase at local x, z and its wavenumber *k: the shading
 * tilts the water by its slope, the march lifts it by its height */
static float swell_phase(const oy_cast *c, int i, float x, float z, float *k)
{
    *k = (float)(2.0 * OY_PI) / swell_len[i];
    return c->swell_ph[i] + (x * swell_dir[i][0] + z * swell_dir[i][1]) * *k;
}

float oy_cast_heave(const oy_cast *c, float x, float z)
{
    float r2 = x * x + z * z;
    if (r2 > 1800.0f * 1800.0f)
        return 0.0f;
    float h = 0.0f;
    for (int i = 0; i < OY_SWELLS; i++) {
        float k, sn = oy_rcos(swell_phase(c, i, x, z, &k) - 1.5707963f);
        h += SWELL_SLOPE / k * (sn + 0.3f * sn * sn);
    }
    /* a crest under a pixel far out is the shading's; by the camera the
     * swells sink as far as it needs */
    float r = sqrtf(r2);
    float near = oy_lerpf(c->heave_near, 1.0f, oy_smoothstepf(30.0f, 150.0f, r));
    return h * c->heave * near * (1.0f - oy_smoothstepf(900.0f, 1800.0f, r));
}

/* sum of travelling waves: slope of the water surface at local x, z;
 * *crest is how near a swell's crest it lies, 0..1 (0 on a calm sea) */
static void waves(const oy_cast *c, float x, float z, double wx, double wz, float dist, float *sx,
                  float *sz, float *crest)
{
    float wind = oy_clampf(c->st->ch[OY_CH_WIND], 0.0f, 1.0f);
    /* a strong wind raises a rough sea, steeper than its strength alone */
    float amp = (0.012f + 0.07f * wind + 0.12f * wind * wind * wind) / (1.0f + dist * 0.01f);
    /* pixels as wide as a 720p frame's see the trains to 300 wavelengths
     * off; wider ones (a smaller frame, draft) not as far, or ripples
     * finer than a pixel break a mirrored mountain into speckle */
    float res = c->range0 * (1.0f / 75.0f);
    *sx = *sz = 0.0f;
    for (int i = 0; i < OY_WAVES; i++) {
        /* a train fades out before its crests shrink under a pixel */
        float fade = oy_clampf(wave_len[i] * 300.0f * res / (dist + 1.0f) - 1.0f, 0.0f, 1.0f);
        if (fade <= 0.0f)
            continue;
        float k = (float)(2.0 * OY_PI) / wave_len[i];
        float ph = c->wave_ph[i] + (x * wave_dir[i][0] + z * wave_dir[i][1]) * k;
        float sl = amp * oy_rcos(ph) * fade;
        *sx += sl * wave_dir[i][0];
        *sz += sl * wave_dir[i][1];
    }
    /* choppy noise breaks the regular pattern of the wave trains */
    if (dist < 400.0f * res) {
        float nx, nz;
        detail(c, wx * 0.45 + c->t * 0.25, wz * 0.45 - c->t * 0.2, &nx, &nz);
        float f = (1.0f - dist / (400.0f * res)) * 0.05f * (0.4f + wind);
        *sx += nx * f;
        *sz += nz * f;
    }
    /* a rough sea heaves in long swells, steep-fronted, seen far out */
    float rough = c->rough, h = 0.0f;
    *crest = 0.0f;
    if (rough <= 0.0f)
        return;
    for (int i = 0; i < OY_SWELLS; i++) {
        float k, ph = swell_phase(c, i, x, z, &k);
        float sn = oy_rcos(ph - 1.5707963f), cs = oy_rcos(ph);
        /* a trochoid's sharp crest and broad trough: the slope steepens
         * toward the crest (sin near 1) */
        float sl = SWELL_SLOPE * rough * cs * (1.0f + 0.6f * sn) / (1.0f + dist * 0.002f);
        *sx += sl * swell_dir[i][0];
        *sz += sl * swell_dir[i][1];
        h += sn;
    }
    *crest = oy_smoothstepf(0.8f, 1.8f, h);
}

void oy_cast_water_colour(oy_cast *c, const oy_state *st)
{
    static const float absorb[3] = { 0.45f, 0.09f, 0.06f };
    static const float deep[3] = { 0.004f, 0.014f, 0.016f };
    /* the grade's axes, as rock and ground are painted (world/biome.c) */
    static const float warm[3] = { 0.9f, 0.25f, -0.9f }, tint[3] = { 0.55f, -0.75f, 0.45f };
    float p[3];
    for (int i = 0; i < 3; i++)
        p[i] = oy_clampf(st->ch[OY_CH_WATER_WARMTH + i], -1.0f, 1.0f);
    for (int i = 0; i < 3; i++) {
        c->water_absorb[i] = absorb[i];
        c->water_deep[i] = deep[i];
    }
    c->water_milk = 0.0f;
    if (p[0] == 0.0f && p[1] == 0.0f && p[2] == 0.0f)
        return;
    /* light water (turquoise, milky glacial green) holds silt that
     * scatters its colour back even where it is shallow */
    c->water_milk = 0.6f * oy_clampf(p[2], 0.0f, 1.0f);
    /* light water is clear and bright (turquoise over sand), dark water
     * murky and black; its hue is what the body scatters back */
    float l = (deep[0] + deep[1] + deep[2]) * (1.0f / 3.0f);
    float to = l * oy_rexp2(2.5f * p[2]);
    float clear = oy_rexp2(-1.5f * p[2]);
    for (int i = 0; i < 3; i++) {
        float hue = p[0] * warm[i] + p[1] * tint[i];
        c->water_deep[i] = oy_rmax(deep[i] * to / l + 2.0f * to * hue, 0.0005f);
        c->water_absorb[i] = absorb[i] * clear * oy_rexp2(-1.2f * hue);
    }
}

/* slope of row r's ray in column q */
static float row_slope(const oy_cast *c, const column *q, int r)
{
    float b = c->b0 + r * c->db;
    return c->equirect ? oy_tanf(oy_clampf(b, -1.56f, 1.56f)) : b * q->inv_l;
}

/* Is the point seen at row r of the mirror's column in front of the
 * reflected ray? The ray, leaving the water at horizontal distance th
 * with slope rs, is seen from the camera at row r's slope sr at distance
 * a / (sr - rs), sr < rs; land there at most that far (and behind the
 * water) hides it. Returns -1 for sky, which ends the search. */
static int mirror_hit(const oy_cast *c, const mirror *m, int r, float a, float rs, float th)
{
    float ts = m->t[r];
    if (ts > 1e29f)
        return -1;
    if (m->up[r] != r)
        return 0;
    float ds = row_slope(c, m->q, r) - rs;
    return ds < 0.0f && ts >= th && ts * ds >= a;
}

/* What a ray leaving the water at horizontal distance th and height wy
 * with slope rs meets, read from the finished rows of the same column:
 * a march up the rows from the water pixel's, in strides that grow to 16
 * rows and over water in one jump, then back to the first row after the
 * last one looked at that hides the ray. 0 when it meets sky or leaves
 * the image. */
static int mirror_lookup(const oy_cast *c, const mirror *m, float th, float wy, float rs,
                         float out[3])
{
    float a = wy - c->cam_y - rs * th;
    int prev = m->row, r = m->row + 1 < c->h ? m->up[m->row + 1] : c->h, found = 0, stride = 2;
    while (r < c->h && row_slope(c, m->q, r) < rs) {
        int h = mirror_hit(c, m, r, a, rs, th);
        if (h) {
            found = h > 0;
            break;
        }
        prev = r;
        r = r + stride < c->h ? m->up[r + stride] : c->h;
        stride = stride < 16 ? stride + stride / 2 : 16;
    }
    /* the stride may have passed over the land that hides the ray: look
     * back over the rows it skipped before taking a hit or the sky */
    for (int b = prev + 1; b < r && b < c->h; b++) {
        int h = mirror_hit(c, m, b, a, rs, th);
        if (h) {
            found = h > 0;
            r = b;
            break;
        }
    }
    /* the first row the ray climbs past, land behind the water, stands
     * over it: the ray meets it or what that row hides. A far mountain
     * is met within a fraction of a row, which the rows below it miss
     * (at 480 pixels wide one pixel in two of its image was sky) */
    if (!found && r < c->h && m->up[r] == r && m->t[r] < 1e29f && m->t[r] >= th)
        found = 1;
    if (!found) {
        /* far off (150 m and more), where the terrain's coarse levels
         * round a steep shore into the water, the shore in the first row
         * above mirrors itself rather than the sky beyond it */
        r = m->row + 1 < c->h ? m->up[m->row + 1] : c->h;
        if (th < 150.0f || r >= c->h || m->t[r] > 1e29f || fabsf(m->t[r] - th) > 0.15f * th)
            return 0;
    }
    const float *p = c->hdr + ((size_t)r * c->w + m->col) * 3;
    out[0] = p[0];
    out[1] = p[1];
    out[2] = p[2];
    return 1;
}

void oy_cast_shade_water(const oy_cast *c, const full *f, float x, float y, float z,
                         const float d[3], float dist, const mirror *mi, float out[3])
{
    const oy_sky *s = c->sky;
    double wx = c->cam_x + x, wz = c->cam_z + z;
    float sx, sz, crest, ice = oy_clampf(c->st->ch[OY_CH_ICE], 0.0f, 1.0f);
    waves(c, x, z, wx, wz, dist, &sx, &sz, &crest);
    sx *= 1.0f - ice;
    sz *= 1.0f - ice;
    float n[3] = { -sx, 1.0f, -sz };
    float il = 1.0f / sqrtf(n[0] * n[0] + 1.0f + n[2] * n[2]);
    n[0] *= il; n[1] *= il; n[2] *= il;
    float dn = d[0] * n[0] + d[1] * n[1] + d[2] * n[2];
    float r[3] = { d[0] - 2 * dn * n[0], d[1] - 2 * dn * n[1], d[2] - 2 * dn * n[2] };
    if (r[1] < 0.02f)
        r[1] = 0.02f;
    float rl = 1.0f / sqrtf(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
    r[0] *= rl; r[1] *= rl; r[2] *= rl;
    float refl[3];
    /* land the reflected ray meets, as this column shows it; else sky.
     * The column holds only what lies in its own plane, so the ripples
     * tilt the mirror there far less than they tilt the sky's reflection */
    float rh = sqrtf(r[0] * r[0] + r[2] * r[2]), dh = sqrtf(d[0] * d[0] + d[2] * d[2]);
    float flat = -d[1] / oy_rmax(dh, 1e-4f), rs = r[1] / oy_rmax(rh, 1e-4f);
    if (!mi || !mirror_lookup(c, mi, sqrtf(x * x + z * z), y, flat + 0.1f * (rs - flat), refl))
        oy_sky_radiance(s, r, oy_rturns(r[0], r[2]), y, refl);
    float cosi = oy_rmin(oy_rmax(-dn, 0.0f), 1.0f), m = 1.0f - cosi;
    float F = 0.02f + 0.98f * m * m * m * m * m;
    float depth = oy_rmax(f->wl - f->g, 0.0f);
    float E[3], up[3] = { 0, 1, 0 };
    oy_cast_light(c, up, x, y, z, dist, E);
    float sh = s->sun[1] > 0.0f ? oy_shadow_at(c->shadow, x, z, y, dist) : 0.0f;
    for (int i = 0; i < 3; i++) {
        float tr = oy_rexp(-depth * c->water_absorb[i] * 2.0f) * (1.0f - c->water_milk);
        float bed = f->rgb[i] * 0.6f * E[i] / (float)OY_PI * tr;
        float body = c->water_deep[i] * E[i] * (1.0f - tr);
        out[i] = (bed + body) * (1.0f - F) + refl[i] * F;
    }
    /* glitter: a broad highlight, the sky table's sun is too small for it */
    float rsun = r[0] * s->sun[0] + r[1] * s->sun[1] + r[2] * s->sun[2];
    if (rsun > 0.9f) {
        float g = oy_rexp((rsun - 1.0f) * 900.0f) * 40.0f + oy_rexp((rsun - 1.0f) * 60.0f) * 0.4f;
        for (int i = 0; i < 3; i++)
            out[i] += s->sun_rad[i] * g * F * sh;
    }
    if (ice > 0.0f) {
        /* white where snow has drifted on it, the dark clear ice between */
        float n1 = detail(c, wx * 0.07, wz * 0.07, NULL, NULL), n2 = detail(c, wx * 0.6 + 19.0, wz * 0.6, NULL, NULL);
        float snow = oy_clampf(c->st->ch[OY_CH_SNOW_COVER], 0.0f, 1.0f);
        float drift = oy_smoothstepf(-0.5f, 0.3f, n1 + 0.25f * n2 + 0.6f * snow - 0.3f);
        static const float white[3] = { 0.62f, 0.68f, 0.74f }, clear[3] = { 0.05f, 0.08f, 0.1f };
        for (int i = 0; i < 3; i++) {
            float alb = oy_lerpf(clear[i], white[i], drift) * (0.92f + 0.08f * n2);
            float frozen = alb * E[i] / (float)OY_PI + refl[i] * F * (1.0f - drift);
            out[i] = oy_lerpf(out[i], frozen, ice);
        }
        return;
    }
    /* whitecaps: in a strong wind ("rough seas", "big waves") the crests
     * break white in patches that drift downwind and break up, more of
     * them the stronger it blows; past where a patch resolves they are
     * a pale sheen of their mean cover */
    float rough = c->rough;
    if (rough > 0.0f && depth > 0.35f) {
        /* most of them on the swells' crests */
        float th = oy_lerpf(0.85f, 0.5f, rough) + 0.3f * rough * (0.5f - crest);
        float cover = 0.02f + 0.1f * rough;
        float near = 1.0f - oy_smoothstepf(150.0f, 600.0f, dist);
        float cap = 0.0f;
        if (near > 0.0f) {
            /* crests long across the wind (x), short along it; lace
             * within each, finer where the pixel still sees it */
            float n1 = detail(c, wx * (1.0 / 7.0) - c->t * 0.1, wz * (1.0 / 2.5) + 13.0 - c->t * 0.9, NULL, NULL);
            float n2 = detail(c, (wx + wz) * (1.0 / 1.6) + 5.0, (wz - wx) * (1.0 / 1.6) - c->t * 0.6, NULL, NULL);
            float n3 = detail(c, (wx - 0.6 * wz) * (1.0 / 0.4) - 31.0, (wz + 0.6 * wx) * (1.0 / 0.4) + 7.0, NULL, NULL);
            float lace = oy_lerpf(0.6f, 0.35f + 0.65f * oy_smoothstepf(-0.6f, 0.6f, n3 + 0.4f * n2), 1.0f - oy_smoothstepf(15.0f, 60.0f, dist));
            cap = oy_smoothstepf(th, th + 0.3f, n1 + 0.3f * n2) * lace;
        }
        cap = oy_lerpf(0.5f * cover, cap, near) * 0.7f;
        for (int i = 0; i < 3; i++)
            out[i] = oy_lerpf(out[i], 0.8f * E[i] / (float)OY_PI, cap);
    }
    /* foam where the water thins at the shore, a band too thin to see
     * from a couple of hundred metres */
    if (depth < 0.35f && dist < 200.0f) {
        float n1 = detail(c, wx * 0.9 + c->t * 0.3, wz * 0.9, NULL, NULL);
        float foam = oy_clampf((0.35f - depth) / 0.35f * (0.6f + 0.6f * n1), 0.0f, 1.0f) * 0.7f *
                     (1.0f - oy_smoothstepf(60.0f, 200.0f, dist));
        for (int i = 0; i < 3; i++)
            out[i] = oy_lerpf(out[i], 0.8f * E[i] / (float)OY_PI, foam);
    }
}
