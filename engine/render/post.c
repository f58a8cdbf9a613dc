/*
 * post.c - from scene light to display pixels: exposure (automatic from the
 * light level, then the latent's stops), white balance (warmth, tint),
 * saturation in linear light, a filmic tone curve with the latent's
 * contrast, the sRGB transfer, a hashed triangular dither so skies do
 * not band, and last the cues' fades and white flashes on display values. The curve is a table indexed by the float's own bits, so a
 * pixel costs three lookups and no transcendental functions.
 */
#include <math.h>
#include <string.h>

#include "render_impl.h"

static float lum(const float c[3]) { return 0.2126f * c[0] + 0.7152f * c[1] + 0.0722f * c[2]; }

/* ACES-like filmic curve (Narkowicz fit), then sRGB */
static float curve(float x, float contrast)
{
    x = 0.18f * oy_powf(fmaxf(x, 1e-9f) / 0.18f, 1.0f + 0.4f * contrast);
    float y = x * (2.51f * x + 0.03f) / (x * (2.43f * x + 0.59f) + 0.14f);
    y = oy_clampf(y, 0.0f, 1.0f);
    y = y <= 0.0031308f ? 12.92f * y : 1.055f * oy_powf(y, 1.0f / 2.4f) - 0.055f;
    return y * 255.0f;
}

static inline uint32_t fbits(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static inline float bitsf(uint32_t u)
{
    float x;
    memcpy(&x, &u, sizeof x);
    return x;
}

void oy_post_setup(oy_post *p, const oy_state *st, const oy_sky *sky, oy_v3 fwd)
{
    /* what a light meter would read off average ground */
    float key = lum(sky->amb_key) + lum(sky->sun_rad) * fmaxf(sky->sun[1], 0.0f) * 0.9f +
                lum(sky->moon_rad) * fmaxf(sky->moon[1], 0.0f) * 0.9f;
    /* and off the sky, which must not burn out; with the sun low it
     * weighs less, and less again once the sun is down, so land under a
     * sunset or a twilight sky still reads instead of going black */
    float sky_w = oy_lerpf(1.2f, 3.0f, oy_smoothstepf(0.06f, 0.35f, sky->sun[1])) -
                  1.05f * oy_smoothstepf(0.02f, -0.1f, sky->sun[1]);
    key += sky_w * (float)OY_PI * lum(sky->horizon) * (1.0f - sky->oc);
    /* bright ground (snow, sand) reads bright, as a camera's meter would;
     * by night sand reads darker, moonlit, not as snow */
    float sand = fmaxf(oy_clampf(st->ch[OY_CH_BIOME_DESERT], 0.0f, 1.0f),
                       oy_clampf(st->ch[OY_CH_BIOME_BEACH], 0.0f, 1.0f));
    float alb = 0.12f + 0.2f * oy_clampf(st->ch[OY_CH_SNOW_COVER], 0.0f, 1.0f) +
                0.12f * oy_clampf(st->ch[OY_CH_BIOME_SNOWFIELD], 0.0f, 1.0f) +
                0.06f * oy_clampf(st->ch[OY_CH_BIOME_DESERT], 0.0f, 1.0f) + 0.1f * sand * sky->night;
    float avg = fminf(alb, 0.4f) / (float)OY_PI * fmaxf(key, 1e-6f);
    /* partial adaptation: nights and storms stay darker than clear days;
     * under twilight and moonlight the land is exposed by the day-for-
     * night convention, about 1.5 stops under a day, not left black */
    float adapt = oy_lerpf(0.75f, 0.8f, oy_smoothstepf(0.03f, 0.001f, avg));
    float ex = 0.18f / oy_powf(avg, adapt);
    /* Exposed for the land, a low sun's sky would burn to white: a
     * graduated filter holds it, bright parts most, toward `hold`, which
     * falls from a sunset's glow to twilight's, so the afterglow and the
     * blue hour read above the land (sky.c grades the sky's table); the
     * night's sky, as dim as its land, needs none */
    float sy = sky->sun[1], fade = oy_smoothstepf(0.2f, 0.0f, sy) * oy_smoothstepf(-0.35f, -0.22f, sy);
    p->sky_ex = ex;
    p->sky_hold = fade > 0.0f ? oy_lerpf(0.25f, 0.9f, oy_smoothstepf(-0.12f, 0.02f, sy)) / fade : 0.0f;
    float storm = oy_clampf(st->ch[OY_CH_CLOUD], 0.0f, 1.0f) * oy_clampf(st->ch[OY_CH_RAIN], 0.0f, 1.0f);
    ex *= oy_powf(2.0f, -0.8f * storm);
    ex *= oy_powf(2.0f, oy_clampf(st->ch[OY_CH_EXPOSURE], -4.0f, 4.0f));
    /* under the aurora the camera is exposed for the aurora, and at an
     * eruption by night for the lava's glow: the land around it goes
     * dark, the sky darker */
    float lava_glow = oy_clampf(st->ch[OY_CH_LAVA], 0.0f, 1.0f);
    ex *= oy_powf(2.0f, (-0.7f * sky->aurora - 0.9f * lava_glow) * sky->night);
    /* a dark sky ("dark clouds") dims the land under it as well, to 1.5
     * stops under at sky_light -1 (the sky goes another stop, sky.c);
     * where the text already lowered the exposure ("a storm") that counts
     * toward it, as both say the one thing: the light is dim */
    float sky_dark = 1.5f * oy_clampf(st->ch[OY_CH_SKY_LIGHT], -1.0f, 0.0f);
    float said = fminf(oy_clampf(st->ch[OY_CH_EXPOSURE], -4.0f, 4.0f), 0.0f);
    if (sky_dark < said)
        ex *= oy_powf(2.0f, sky_dark - said);
    /* a low sun reads golden even where the view is in shade, as film
     * balanced for daylight records it; blue hour leans cool */
    float golden = oy_smoothstepf(0.4f, 0.1f, sy) * oy_smoothstepf(-0.08f, 0.02f, sy);
    /* and with a little fill, as a crew would give it, so land seen
     * against a low sun is not lost in its own long shadows, and more,
     * about a stop, where the view looks into that sun and sees only the
     * land's shaded side; the sky takes none (sky.c) */
    float fh = hypotf(fwd.x, fwd.z), sh = hypotf(sky->sun[0], sky->sun[2]);
    float into = fh > 1e-6f && sh > 1e-6f ? (fwd.x * sky->sun[0] + fwd.z * sky->sun[2]) / (fh * sh) : 0.0f;
    float low = oy_smoothstepf(0.3f, 0.08f, sy) * oy_smoothstepf(-0.1f, 0.0f, sy);
    p->fill = 1.0f + 0.12f * golden + 0.9f * low * oy_smoothstepf(0.3f, 0.9f, into);
    ex *= p->fill;
    float blue = oy_smoothstepf(0.02f, -0.06f, sy) * oy_smoothstepf(-0.3f, -0.12f, sy);
    float warm = oy_clampf(st->ch[OY_CH_WARMTH] + 1.6f * golden - 0.3f * blue - 0.5f * sky->night - 0.15f * sky->oc,
                           -1.5f, 1.5f);
    float tint = oy_clampf(st->ch[OY_CH_TINT], -1.0f, 1.0f);
    p->mul[0] = ex * (1.0f + 0.2f * warm + 0.03f * tint);
    /* golden light also leans magenta, so the warm balance does not turn
     * a pale sky green */
    p->mul[1] = ex * (1.0f + 0.02f * warm - 0.07f * tint) * (1.0f - 0.18f * golden);
    p->mul[2] = ex * (1.0f - 0.25f * warm + 0.03f * tint);
    float sat = oy_clampf(st->ch[OY_CH_SATURATION], -1.0f, 1.0f);
    /* blue hour keeps its blue, but as the day-for-night look does: a
     * cool cast on the land, not snow gone saturated blue */
    float k_sat = (sat < 0.0f ? 1.0f + sat : 1.0f + 0.7f * sat) * (1.0f + 0.25f * golden);
    float k0 = k_sat * (1.0f - 0.4f * blue);
    /* low sun light is rich in colour; by moonlight the eye sees little,
     * unless the aurora burns overhead or lava glows on the ground */
    float lava = oy_clampf(st->ch[OY_CH_LAVA], 0.0f, 1.0f), glow = fmaxf(sky->aurora, lava);
    float k = k0 * (1.0f - 0.8f * sky->night * (1.0f - 0.6f * glow));
    /* the sky keeps its colour through twilight, the blue hour's blue
     * and the afterglow, and loses it only as the night deepens */
    float deep = oy_smoothstepf(-0.1f, -0.22f, sy);
    p->k = k;
    p->k_lit = k0;
    p->sky_k = k_sat * (1.0f - 0.8f * deep * (1.0f - 0.6f * glow));
    /* and what colour it keeps leans blue-grey (the eye's night shift),
     * so moonlit grass reads as land under the moon, not as green; not
     * where lava lights the land, whose dim glow would turn pink */
    float shift = sky->night * (1.0f - lava);
    float nt[3] = { 1.0f - 0.26f * shift, 1.0f - 0.06f * shift, 1.0f + 0.34f * shift };
    static const float w[3] = { 0.2126f, 0.7152f, 0.0722f };
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 3; c++) {
            p->mat[r * 3 + c] = (1.0f - k) * w[c] * nt[r] + (r == c ? k : 0.0f);
            /* what a lamp or a fire lights brightly is seen in colour */
            p->lit[r * 3 + c] = (1.0f - k0) * w[c] + (r == c ? k0 : 0.0f) - p->mat[r * 3 + c];
        }
    p->night = sky->night > 0.0f;
    /* under a full overcast a little more contrast and a cool lean keep
     * the soft light from reading as dead grey */
    float con = oy_clampf(st->ch[OY_CH_CONTRAST] + 0.3f * sky->oc - 0.3f * blue, -1.0f, 1.0f);
    for (int i = 0; i <= OY_POST_LUT; i++)
        p->lut[i] = curve(bitsf(OY_POST_BASE + ((uint32_t)i << 15)), con);
    /* a fade to black scales the picture down; white (a fade or a flash)
     * veils it */
    float white = fmaxf(oy_clampf(st->fade_white, 0.0f, 1.0f), oy_clampf(st->white, 0.0f, 1.0f));
    p->keep = (1.0f - oy_clampf(st->fade_black, 0.0f, 1.0f)) * (1.0f - white);
    p->veil = 255.0f * white * (1.0f - oy_clampf(st->fade_black, 0.0f, 1.0f));
}

static inline float apply(const oy_post *p, float x)
{
    if (!(x > oy_post_base()))
        return p->lut[0] * (x > 0.0f ? x / oy_post_base() : 0.0f);
    uint32_t u = fbits(x) - OY_POST_BASE;
    uint32_t i = u >> 15;
    if (i >= OY_POST_LUT)
        return p->lut[OY_POST_LUT];
    float f = (float)(u & 0x7fff) * (1.0f / 32768.0f);
    return p->lut[i] + (p->lut[i + 1] - p->lut[i]) * f;
}

/* Fill the frame's dither tile: triangular noise of +-1 LSB per channel,
 * from two 10-bit uniforms of a hash of the frame's key and the texel. The
 * tile repeats every OY_POST_DN pixels, which noise of one level cannot
 * show, and is new every frame. */
void oy_post_dither(oy_post *p, uint64_t dither_key)
{
    for (int i = 0; i < OY_POST_DN * OY_POST_DN; i++) {
        uint64_t h = oy_hash(dither_key, OY_STREAM_DITHER, (uint64_t)i, 0, 0);
        for (int c = 0; c < 3; c++)
            p->dither[i * 3 + c] = ((float)((h >> (20 * c)) & 1023) +
                                    (float)((h >> (20 * c + 10)) & 1023)) * (1.0f / 1023.0f) - 1.0f;
    }
}

void oy_post_row_scalar(const oy_post *p, const float *in, int x0, int x1, int y, uint8_t *out)
{
    const float *drow = p->dither + (size_t)(y & (OY_POST_DN - 1)) * OY_POST_DN * 3;
    for (int x = x0; x < x1; x++) {
        const float *d = drow + (x & (OY_POST_DN - 1)) * 3;
        float v[3];
        oy_post_matrix(p, in + (size_t)x * 3, v);
        for (int i = 0; i < 3; i++) {
            float o = apply(p, v[i]) + d[i];
            if (p->keep < 1.0f || p->veil > 0.0f)
                o = o * p->keep + p->veil;
            o = o < 0.0f ? 0.0f : o > 255.0f ? 255.0f : o;
            out[(size_t)x * 3 + i] = (uint8_t)(o + 0.5f);
        }
    }
}
