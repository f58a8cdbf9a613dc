/*
 * post_lanes.h - oy_post_row with its per-value half over LANES values at
 * once, included by post_simd.c once per vector level with LANES,
 * POST_ROW, TARGET (the function attribute of the level's instructions)
 * and GATHER (lut, vi index: the LANES table values) defined.
 * The colour matrix mixes a pixel's channels, so it stays a scalar loop;
 * what follows treats each channel value alone (tone curve, dither, fade,
 * clamp, rounding), so it runs on the interleaved row as it lies, lane by
 * lane the scalar reference's operations in its order (post.c), with
 * selects where that branches. Every level writes the same bytes.
 */
#define L_(name, n) name##n
#define L(name, n) L_(name, n)
#define vf L(vf, LANES)
#define vi L(vi, LANES)
#define vu L(vu, LANES)
#define vb L(vb, LANES)
#define sel L(sel, LANES)
#define curve_lanes L(curve_lanes, LANES)

typedef float vf __attribute__((vector_size(4 * LANES)));
typedef int32_t vi __attribute__((vector_size(4 * LANES)));
typedef uint32_t vu __attribute__((vector_size(4 * LANES)));
typedef uint8_t vb __attribute__((vector_size(LANES)));

TARGET static inline vf sel(vi m, vf a, vf b) { return (vf)(((vi)a & m) | ((vi)b & ~m)); }

/* the tone curve's table, as post.c's apply() reads it */
TARGET static inline vf curve_lanes(const oy_post *p, vf x)
{
    const float base = oy_post_base();
    vi above = x > base;
    vf low = p->lut[0] * sel(x > 0.0f, x / base, (vf){ 0 });
    vu u = (vu)x - OY_POST_BASE, i = u >> 15;
    vi in = above & (i < OY_POST_LUT);
    vi at = (vi)i & in;
    vf f = __builtin_convertvector((vi)(u & 0x7fff), vf) * (1.0f / 32768.0f);
    vf a = GATHER(p->lut, at), b = GATHER(p->lut + 1, at);
    return sel(above, sel(in, a + (b - a) * f, (vf){ 0 } + p->lut[OY_POST_LUT]), low);
}

TARGET static void POST_ROW(const oy_post *p, const float *in, int x0, int x1, int y, uint8_t *out)
{
    const float *drow = p->dither + (size_t)(y & (OY_POST_DN - 1)) * OY_POST_DN * 3;
    int fade = p->keep < 1.0f || p->veil > 0.0f;
    float v[OY_POST_DN * 3] __attribute__((aligned(64)));
    /* runs of whole vectors of pixels within one tile of the dither */
    for (int x = x0; x < x1;) {
        int end = (x | (OY_POST_DN - 1)) + 1, n = (end < x1 ? end : x1) - x;
        n -= n % LANES;
        if (!n) {
            int e = end < x1 ? end : x1;
            oy_post_row_scalar(p, in, x, e, y, out);
            x = e;
            continue;
        }
        for (int k = 0; k < n; k++)
            oy_post_matrix(p, in + (size_t)(x + k) * 3, v + k * 3);
        const float *d = drow + (x & (OY_POST_DN - 1)) * 3;
        uint8_t *o8 = out + (size_t)x * 3;
        for (int j = 0; j < n * 3; j += LANES) {
            vf a, dj;
            memcpy(&a, v + j, sizeof a);
            memcpy(&dj, d + j, sizeof dj);
            vf o = curve_lanes(p, a) + dj;
            if (fade)
                o = o * p->keep + p->veil;
            o = sel(o < 0.0f, (vf){ 0 }, sel(o > 255.0f, (vf){ 0 } + 255.0f, o));
            vb q = __builtin_convertvector(__builtin_convertvector(o + 0.5f, vi), vb);
            memcpy(o8 + j, &q, sizeof q);
        }
        x += n;
    }
}

#undef vf
#undef vi
#undef vu
#undef vb
#undef sel
#undef curve_lanes
#undef L
#undef L_
