/*
 * yuv.c - rgb24 to yuv420p for the H.264 encoder, BT.709 limited range
 * (what the stream is tagged as). Integer fixed point rather than
 * libswscale, so the encoder input is identical on every CPU and build.
 */
#include "media.h"

/* BT.709: Kr 0.2126, Kb 0.0722. Luma 16..235, chroma 16..240 around 128. */
#define KR 0.2126
#define KB 0.0722
#define KG (1.0 - KR - KB)
#define YS (219.0 / 255.0)
#define CS (224.0 / 255.0)
#define FIX(x) ((int)((x) * 65536.0 + ((x) < 0 ? -0.5 : 0.5)))

static const int y_r = FIX(YS * KR), y_g = FIX(YS * KG), y_b = FIX(YS * KB);
static const int u_r = FIX(-CS * KR / (2 * (1 - KB))), u_g = FIX(-CS * KG / (2 * (1 - KB))),
                 u_b = FIX(CS * 0.5);
static const int v_r = FIX(CS * 0.5), v_g = FIX(-CS * KG / (2 * (1 - KR))),
                 v_b = FIX(-CS * KB / (2 * (1 - KR)));

static void luma_row(const uint8_t *p, int w, uint8_t *y)
{
    for (int x = 0; x < w; x++, p += 3)
        y[x] = (uint8_t)(((16 << 16) + (1 << 15) + y_r * p[0] + y_g * p[1] +
                          y_b * p[2]) >> 16);
}

/* Chroma of one output row from rows a and b: taps 1 2 1 across each,
 * weights summing to 8, hence the shift by 16 + 3. The sums stay
 * positive, so >> rounds like floor. */
static void chroma_row(const uint8_t *a, const uint8_t *b, int w,
                       uint8_t *u, uint8_t *v)
{
    for (int x = 0, cx = 0; x < w; x += 2, cx++) {
        int l = x > 0 ? x - 1 : 0, r = x + 1 < w ? x + 1 : w - 1;
        int s[3];
        for (int c = 0; c < 3; c++)
            s[c] = a[3 * l + c] + 2 * a[3 * x + c] + a[3 * r + c] +
                   b[3 * l + c] + 2 * b[3 * x + c] + b[3 * r + c];
        u[cx] = (uint8_t)(((128 << 19) + (1 << 18) + u_r * s[0] + u_g * s[1] +
                           u_b * s[2]) >> 19);
        v[cx] = (uint8_t)(((128 << 19) + (1 << 18) + v_r * s[0] + v_g * s[1] +
                           v_b * s[2]) >> 19);
    }
}

void oy_media_rgb_to_yuv420(const uint8_t *rgb, ptrdiff_t stride, int w, int h,
                            uint8_t *const yuv[3], const int yuv_stride[3])
{
    for (int y = 0; y < h; y++)
        luma_row(rgb + y * stride, w, yuv[0] + (ptrdiff_t)y * yuv_stride[0]);
    for (int y = 0; y < h; y += 2) {
        const uint8_t *a = rgb + y * stride;
        const uint8_t *b = y + 1 < h ? a + stride : a;
        chroma_row(a, b, w, yuv[1] + (ptrdiff_t)(y / 2) * yuv_stride[1],
                   yuv[2] + (ptrdiff_t)(y / 2) * yuv_stride[2]);
    }
}
