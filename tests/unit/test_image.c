/*
 * test_image.c - image analysis (engine/model/image_stats.c): a dark blue
 * image against a bright orange one, golden-hour and night hints from the
 * sky band, determinism, and the palette of a two-colour image.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/image.h"
#include "model/model.h"

static uint8_t *fill(int w, int h, const uint8_t top[3], const uint8_t bottom[3], int noise)
{
    uint8_t *p = malloc((size_t)w * h * 3);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int c = 0; c < 3; c++) {
                int v = (y < h / 4 ? top : bottom)[c];
                if (noise)
                    v += (int)(oy_hash(7, 0, (uint64_t)x, (uint64_t)y, (uint64_t)c) % 21) - 10;
                p[3 * ((size_t)y * w + x) + c] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
            }
    return p;
}

static int near(const float *a, const uint8_t *b)
{
    for (int c = 0; c < 3; c++)
        if (fabsf(a[c] - b[c] / 255.0f) > 1.0f / 64)
            return 0;
    return 1;
}

int main(void)
{
    static const uint8_t night_sky[3] = { 10, 20, 70 }, night_land[3] = { 15, 25, 60 };
    static const uint8_t dusk_sky[3] = { 250, 150, 60 }, dusk_land[3] = { 230, 140, 50 };
    static const uint8_t red[3] = { 200, 30, 30 }, teal[3] = { 20, 160, 150 };
    int w = 160, h = 90;
    uint8_t *blue = fill(w, h, night_sky, night_land, 1);
    uint8_t *orange = fill(w, h, dusk_sky, dusk_land, 1);
    uint8_t *two = malloc((size_t)w * h * 3);
    oy_image_stats sb, so, s2, again;
    float tb[OY_CH_COUNT] = { 0 }, to[OY_CH_COUNT] = { 0 };
    unsigned char mb[OY_CH_COUNT] = { 0 }, mo[OY_CH_COUNT] = { 0 };
    float wsum = 0;

    CHECK_GROUP("image");
    CHECK(oy_image_analyze(blue, w, h, &sb) == 0, "analyse dark blue");
    CHECK(oy_image_analyze(orange, w, h, &so) == 0, "analyse bright orange");
    CHECK(sb.brightness < 0.15f && so.brightness > 0.5f, "brightness %.3f vs %.3f",
          sb.brightness, so.brightness);
    CHECK(sb.warmth < -0.3f && so.warmth > 0.3f, "warmth %.3f vs %.3f", sb.warmth, so.warmth);
    CHECK(so.saturation > 0.5f, "orange is saturated (%.3f)", so.saturation);
    CHECK(sb.contrast < 0.1f, "flat image, low contrast (%.3f)", sb.contrast);
    CHECK(near(sb.sky, night_sky), "sky colour from the top band");

    oy_image_targets(&sb, tb, mb);
    oy_image_targets(&so, to, mo);
    CHECK(mb[OY_CH_EXPOSURE] && mb[OY_CH_WARMTH] && mb[OY_CH_SATURATION] && mb[OY_CH_CONTRAST],
          "grade channels masked");
    CHECK(tb[OY_CH_EXPOSURE] < to[OY_CH_EXPOSURE] && tb[OY_CH_EXPOSURE] <= -1.5f &&
          to[OY_CH_EXPOSURE] <= 1.0f, "exposure %.2f vs %.2f stops", tb[OY_CH_EXPOSURE], to[OY_CH_EXPOSURE]);
    CHECK(tb[OY_CH_WARMTH] < 0 && to[OY_CH_WARMTH] > 0, "warmth target %.2f vs %.2f",
          tb[OY_CH_WARMTH], to[OY_CH_WARMTH]);
    CHECK(to[OY_CH_SATURATION] > tb[OY_CH_SATURATION], "saturation target follows the image");
    CHECK(mb[OY_CH_TIME] && tb[OY_CH_TIME] >= 21.0f && tb[OY_CH_TIME] <= 22.0f, "dark blue hints night");
    CHECK(mo[OY_CH_TIME] && fabsf(to[OY_CH_TIME] - 18.5f) < 0.01f, "orange sky hints golden hour");
    CHECK(!mb[OY_CH_FOG] && !mo[OY_CH_RAIN], "unrelated channels untouched");

    CHECK(oy_image_analyze(blue, w, h, &again) == 0 && !memcmp(&again, &sb, sizeof sb),
          "same image, same result");

    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            memcpy(two + 3 * ((size_t)y * w + x), x < w / 3 ? red : teal, 3);
    CHECK(oy_image_analyze(two, w, h, &s2) == 0, "analyse a two-colour image");
    for (int j = 0; j < OY_PALETTE_SIZE; j++)
        wsum += s2.weight[j];
    CHECK(fabsf(wsum - 1) < 1e-6f, "weights sum to 1");
    CHECK(near(s2.palette[0], teal) && near(s2.palette[1], red),
          "palette finds teal then red (%.3f %.3f %.3f / %.3f %.3f %.3f)",
          s2.palette[0][0], s2.palette[0][1], s2.palette[0][2],
          s2.palette[1][0], s2.palette[1][1], s2.palette[1][2]);
    CHECK(fabsf(s2.weight[0] - 2.0f / 3) < 0.05f && fabsf(s2.weight[1] - 1.0f / 3) < 0.05f &&
          s2.weight[2] == 0, "weights about 2/3 and 1/3 (%.3f %.3f %.3f)",
          s2.weight[0], s2.weight[1], s2.weight[2]);
    {
        int on_grid = 1;
        for (int j = 0; j < OY_PALETTE_SIZE; j++)
            for (int c = 0; c < 3; c++)
                on_grid &= s2.palette[j][c] * 64 == floorf(s2.palette[j][c] * 64);
        CHECK(on_grid, "palette on the 1/64 grid");
    }

    /* a big image goes through the subsample, a 1x1 one through no grid */
    {
        int bw = 1920, bh = 1080;
        uint8_t *big = fill(bw, bh, dusk_sky, night_land, 1);
        oy_image_stats sbig, s1;
        CHECK(oy_image_analyze(big, bw, bh, &sbig) == 0 && near(sbig.sky, dusk_sky),
              "1920x1080 sky (%.3f %.3f %.3f)", sbig.sky[0], sbig.sky[1], sbig.sky[2]);
        CHECK(oy_image_analyze(red, 1, 1, &s1) == 0 && near(s1.palette[0], red) &&
              s1.weight[0] == 1, "1x1 image");
        free(big);
    }
    free(blue);
    free(orange);
    free(two);
    return CHECK_DONE();
}
