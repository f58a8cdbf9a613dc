/*
 * test_render.c - the renderer: identical bytes for 1 and 2 threads and in
 * any frame order, light that follows the time of day, fog that flattens
 * distance, a storm's dark deck, a painted sky, black letterbox bars, and
 * steep or rolled views that still show sky above ground. With OY_STILLS_DIR set it also writes PPM stills of a
 * set of canned scenes and prints timings and peak memory.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "check.h"
#include "view.h"
#include "render/render_impl.h"

typedef struct scene {
    const char *name;
    float time;
    struct { int ch; float v; } set[10];
    float yaw, pitch, roll, height, focal;
    double z;                       /* camera position along the path */
    float flash;
} scene;

static const scene scenes[] = {
    { "valley_noon", 12.5f, { { OY_CH_VALLEY, 1 }, { OY_CH_RIVER, 0.7f }, { OY_CH_RELIEF, 0.7f } }, 0, -2, 0, 3, 28, 0, 0 },
    { "mountains_golden", 18.2f, { { OY_CH_RELIEF, 1 }, { OY_CH_RUGGED, 0.7f }, { OY_CH_BIOME_ALPINE, 0.6f }, { OY_CH_HILLS, 0.3f } }, 60, -4, 0, 400, 35, 0, 0 },
    { "lake_blue_hour", 19.75f, { { OY_CH_LAKE, 1 }, { OY_CH_BIOME_FOREST, 0.8f }, { OY_CH_RELIEF, 0.5f }, { OY_CH_CLOUD, 0.3f } }, 0, -3, 0, 6, 28, 0, 0 },
    { "desert_haze", 13.0f, { { OY_CH_BIOME_DESERT, 1 }, { OY_CH_BIOME_MEADOW, 0 }, { OY_CH_BIOME_FOREST, 0 }, { OY_CH_HAZE, 0.7f }, { OY_CH_PLATEAU, 0.6f }, { OY_CH_VEGETATION, 0 }, { OY_CH_WARMTH, 0.2f } }, 30, 0, 0, 4, 35, 0, 0 },
    { "snowfield_overcast", 11.0f, { { OY_CH_BIOME_SNOWFIELD, 1 }, { OY_CH_BIOME_MEADOW, 0 }, { OY_CH_SNOW_COVER, 1 }, { OY_CH_CLOUD, 0.95f }, { OY_CH_RELIEF, 0.7f }, { OY_CH_BIOME_FOREST, 0.3f } }, 20, 0, 0, 5, 35, 0, 0 },
    { "coast_sunset", 18.75f, { { OY_CH_COAST, 1 }, { OY_CH_BIOME_BEACH, 0.5f }, { OY_CH_RELIEF, 0.4f }, { OY_CH_CLOUD, 0.35f } }, 999, -1, 0, 12, 24, 0, 0 },
    { "night_moon", 23.5f, { { OY_CH_RELIEF, 0.6f }, { OY_CH_LAKE, 0.8f }, { OY_CH_CLOUD, 0.15f } }, 200, 6, 0, 8, 24, 0, 0 },
    { "fog_morning", 8.0f, { { OY_CH_FOG, 0.8f }, { OY_CH_VALLEY, 0.8f }, { OY_CH_BIOME_FOREST, 0.8f }, { OY_CH_RELIEF, 0.6f } }, 0, 0, 0, 4, 35, 0, 0 },
    { "rain", 15.0f, { { OY_CH_RAIN, 0.8f }, { OY_CH_CLOUD, 0.9f }, { OY_CH_WETNESS, 0.9f }, { OY_CH_RIVER, 0.8f }, { OY_CH_WIND, 0.4f } }, 0, 0, 0, 2, 28, 0, 0 },
    { "storm", 17.0f, { { OY_CH_RAIN, 1 }, { OY_CH_CLOUD, 1 }, { OY_CH_LIGHTNING, 1 }, { OY_CH_WIND, 1 }, { OY_CH_WETNESS, 1 }, { OY_CH_RELIEF, 0.6f }, { OY_CH_COAST, 1 } }, 40, 2, 0, 6, 24, 0, 0.7f },
    { "snowfall_forest", 10.0f, { { OY_CH_SNOW, 0.8f }, { OY_CH_SNOW_COVER, 0.8f }, { OY_CH_CLOUD, 0.8f }, { OY_CH_BIOME_FOREST, 1 }, { OY_CH_FOLIAGE, 0.6f } }, 0, 0, 0, 2, 28, 0, 0 },
    { "canyon_tilt_roll", 16.0f, { { OY_CH_CANYON, 1 }, { OY_CH_BIOME_DESERT, 1 }, { OY_CH_BIOME_MEADOW, 0 }, { OY_CH_BIOME_FOREST, 0 }, { OY_CH_RELIEF, 0.5f } }, 10, -30, 15, 60, 24, 0, 0 },
    { "look_down", 14.0f, { { OY_CH_RIVER, 1 }, { OY_CH_BIOME_FOREST, 0.6f } }, 0, -85, 0, 120, 24, 0, 0 },
    { "autumn_hills", 16.5f, { { OY_CH_AUTUMN, 1 }, { OY_CH_FOLIAGE, 0.5f }, { OY_CH_BIOME_FOREST, 0.8f }, { OY_CH_HILLS, 1 }, { OY_CH_VEGETATION, 0.8f } }, -20, -1, 0, 3, 35, 0, 0 },
};

static void scene_state(const scene *sc, oy_state *st)
{
    state_default(st);
    st->ch[OY_CH_TIME] = sc->time;
    for (int i = 0; i < 10; i++)
        if (sc->set[i].ch || sc->set[i].v)
            st->ch[sc->set[i].ch] = sc->set[i].v;
    st->flash = sc->flash;
    st->t = 3.0;
}

/* yaw 999: face the sea, whichever side of the set the seed put it */
static void scene_view(const oy_world *w, const oy_state *st, const scene *sc, oy_view *v)
{
    double z = sc->z;
    float g = oy_world_surface(w, st, 0.0, z), yaw = sc->yaw;
    if (yaw == 999) {
        oy_place_info pi;
        oy_world_place(w, st, 500.0, z + 300.0, &pi);
        yaw = pi.water > -1e8f ? 40.0f : -40.0f;
    }
    view_make(v, 0.0, g + sc->height, z, yaw, sc->pitch, sc->roll, sc->focal);
}

static int write_ppm(const char *dir, const char *name, const uint8_t *rgb, int w, int h)
{
    char path_[512];
    snprintf(path_, sizeof path_, "%s/%s.ppm", dir, name);
    FILE *f = fopen(path_, "wb");
    if (!f)
        return -1;
    fprintf(f, "P6\n%d %d\n255\n", w, h);
    fwrite(rgb, 1, (size_t)w * h * 3, f);
    return fclose(f);
}

static int render_one(const oy_world *w, oy_pool *pool, const oy_render_config *cfg,
                      const oy_state *st, const oy_view *v, uint8_t *rgb)
{
    oy_renderer *r = NULL;
    int ret = oy_renderer_new(&r, w, cfg, pool);
    if (ret < 0)
        return ret;
    ret = oy_render_frame(r, st, v, rgb, cfg->width * 3);
    oy_renderer_free(&r);
    return ret;
}

/* The view v of st into a, and of st with channel ch at value into b. */
static void render_pair(const oy_world *w, oy_pool *pool, const oy_render_config *cfg, const oy_state *st,
                        const oy_view *v, int ch, float value, uint8_t *a, uint8_t *b)
{
    oy_state with = *st;
    with.ch[ch] = value;
    render_one(w, pool, cfg, st, v, a);
    render_one(w, pool, cfg, &with, v, b);
}

/* Pixels from index i0 on where r exceeds g by more than rg and (warm) g
 * exceeds b, or (not warm) b exceeds g by more than rg too. */
static int count_hue(const uint8_t *rgb, int i0, int i1, int rg, int warm)
{
    int n = 0;
    for (int i = i0; i < i1; i++) {
        const uint8_t *p = rgb + (size_t)i * 3;
        n += warm ? p[0] > p[1] + rg && p[1] > p[2] : p[0] > p[1] + rg || p[2] > p[1] + rg;
    }
    return n;
}

static double mean_lum(const uint8_t *rgb, int w, int y0, int y1)
{
    double s = 0;
    for (int y = y0; y < y1; y++)
        for (int x = 0; x < w; x++) {
            const uint8_t *p = rgb + ((size_t)y * w + x) * 3;
            s += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
        }
    return s / ((double)(y1 - y0) * w);
}

static double mean_ch(const uint8_t *rgb, int n, int ch)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += rgb[i * 3 + ch];
    return s / n;
}

/* standard deviation of luminance over a band of rows */
static double band_std(const uint8_t *rgb, int w, int y0, int y1)
{
    double m = mean_lum(rgb, w, y0, y1), s = 0;
    for (int y = y0; y < y1; y++)
        for (int x = 0; x < w; x++) {
            const uint8_t *p = rgb + ((size_t)y * w + x) * 3;
            double l = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2] - m;
            s += l * l;
        }
    return sqrt(s / ((double)(y1 - y0) * w));
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void stills(const char *dir, const oy_world *w, oy_pool *pool)
{
    oy_render_config cfg = { 1280, 720, 0, 0.0, 7 };
    uint8_t *rgb = malloc((size_t)1920 * 1080 * 3);
    oy_renderer *r = NULL;
    oy_state st;
    oy_view v;

    for (size_t i = 0; i < sizeof scenes / sizeof *scenes; i++) {
        scene_state(&scenes[i], &st);
        scene_view(w, &st, &scenes[i], &v);
        double t0 = now();
        render_one(w, pool, &cfg, &st, &v, rgb);
        printf("still %-20s %.0f ms (cold cache)\n", scenes[i].name, (now() - t0) * 1e3);
        write_ppm(dir, scenes[i].name, rgb, cfg.width, cfg.height);
    }
    /* a moving camera: consecutive frames to look at, and the timings */
    const int sizes[2][3] = { { 1280, 720, 0 }, { 854, 480, 1 } };
    for (int s = 0; s < 2; s++) {
        oy_render_config c2 = { sizes[s][0], sizes[s][1], sizes[s][2], 0.0, 7 };
        oy_renderer_new(&r, w, &c2, pool);
        scene_state(&scenes[0], &st);
        double total = 0;
        int frames = 48;
        for (int f = 0; f < frames; f++) {
            st.frame = f;
            st.t = f / 24.0;
            float z = 2.0f * f, g = oy_world_surface(w, &st, 0.0, z);
            view_make(&v, 0.0, g + 3.0, z, 5.0f + 0.3f * f, -2.0f, 0.0f, 28.0f);
            double t0 = now();
            oy_render_frame(r, &st, &v, rgb, c2.width * 3);
            double dt = now() - t0;
            if (f >= 4)
                total += dt;
            if (s == 0 && (f == 20 || f == 21)) {
                char name[32];
                snprintf(name, sizeof name, "move_%02d", f);
                write_ppm(dir, name, rgb, c2.width, c2.height);
            }
        }
        printf("timing %dx%d %s: %.1f ms/frame (2 threads, frames 4..%d of a moving camera)\n",
               c2.width, c2.height, c2.draft ? "draft" : "final", total * 1e3 / (frames - 4), frames - 1);
        oy_renderer_free(&r);
    }
    {
        oy_render_config c3 = { 1920, 1080, 0, 0.0, 7 };
        scene_state(&scenes[1], &st);
        oy_renderer_new(&r, w, &c3, pool);
        for (int f = 0; f < 24; f++) {
            float g = oy_world_surface(w, &st, 0.0, 10.0 * f);
            view_make(&v, 0.0, g + 40.0, 10.0 * f, -10.0f + 5.0f * f, 3.0f, 0.0f, 35.0f);
            oy_render_frame(r, &st, &v, rgb, c3.width * 3);
        }
        oy_renderer_free(&r);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        printf("peak RSS after 1920x1080 frames: %ld MB\n", ru.ru_maxrss / 1024);
    }
    free(rgb);
}

/* The meter reads sand brighter than grass, and by night brighter still,
 * so a moonlit desert is exposed darker than a snowfield would be, not
 * lifted to the white of snow: a stop under a meadow's night, not half
 * a stop as by day. */
static void sand_meter(void)
{
    static oy_sky s;
    oy_state st;
    static const float gain[2] = { 0.02f, 1.0f };
    double ratio[2];
    CHECK_GROUP("post");
    for (int night = 0; night < 2; night++) {
        oy_post p;
        float g = gain[night];
        for (int i = 0; i < 3; i++) {
            s.amb_key[i] = 0.3f * g;
            s.sun_rad[i] = 3.0f * g;
            s.horizon[i] = 0.1f * g;
        }
        s.sun[1] = night ? -0.3f : 0.6f;
        s.sun[2] = 0.8f;
        s.night = (float)night;
        state_default(&st);
        oy_post_setup(&p, &st, &s, oy_v3_make(0, 0, 1));
        double meadow = p.mul[1];
        st.ch[OY_CH_BIOME_DESERT] = 1.0f;
        oy_post_setup(&p, &st, &s, oy_v3_make(0, 0, 1));
        ratio[night] = p.mul[1] / meadow;
    }
    CHECK(ratio[0] > 0.65 && ratio[1] < 0.6, "the meter reads sand brighter by night (a desert's exposure %.2f of "
          "a meadow's by day, %.2f by night)", ratio[0], ratio[1]);
}

/* Every vector level's post row writes the scalar reference's bytes: on
 * rows of every length and start, with values from black through the
 * table's ends to infinity and NaN, by day and night, with a fade. */
static void post_levels(void)
{
    static oy_post p;
    enum { W = 203 };
    float row[W * 3];
    uint8_t ref[W * 3], got[W * 3];
    uint64_t h = 7;
    CHECK_GROUP("post");
    for (int i = 0; i <= OY_POST_LUT; i++)
        p.lut[i] = 255.0f * (float)i / OY_POST_LUT + 0.001f * (float)(i % 7);
    oy_post_dither(&p, 99);
    for (int i = 0; i < 3; i++)
        p.mul[i] = 0.8f + 0.1f * (float)i;
    for (int i = 0; i < 9; i++) {
        p.mat[i] = i % 4 == 0 ? 0.9f : 0.05f;
        p.lit[i] = i % 4 == 0 ? 0.1f : -0.05f;
    }
    int best = oy_cpu_best(), bad = 0, runs = 0;
    for (int night = 0; night < 2; night++)
        for (int fade = 0; fade < 2; fade++) {
            p.night = night;
            p.keep = fade ? 0.6f : 1.0f;
            p.veil = fade ? 40.0f : 0.0f;
            for (int i = 0; i < W * 3; i++) {
                h = h * 6364136223846793005ULL + 1442695040888963407ULL;
                int k = (int)(h >> 59);
                float u = (float)(h >> 40 & 0xffffff) / 16777216.0f;
                row[i] = k == 0 ? 0.0f : k == 1 ? -u : k == 2 ? 1e-7f * u : k == 3 ? 1e9f * u
                       : k == 4 ? INFINITY : k == 5 ? NAN : k < 12 ? 4.0f * u : 0.05f * u;
            }
            for (int x0 = 0; x0 < 40; x0 += 13)
                for (int x1 = W; x1 > x0; x1 -= 29) {
                    memset(ref, 0, sizeof ref);
                    oy_post_row_scalar(&p, row, x0, x1, 7 + x0, ref);
                    for (int l = 0; l <= best; l++) {
                        memset(got, 0, sizeof got);
                        oy_post_row_at(l, &p, row, x0, x1, 7 + x0, got);
                        bad += memcmp(ref, got, sizeof ref) != 0;
                        runs++;
                    }
                }
        }
    CHECK(!bad, "each of the %d levels this CPU runs (up to %s) writes the scalar bytes (%d of %d rows differ)",
          best + 1, oy_cpu_name(best), bad, runs);
}

int main(void)
{
    const int W = 320, H = 180;
    oy_pool *p1 = NULL, *p2 = NULL;
    oy_world *w = NULL;
    oy_render_config cfg = { W, H, 0, 0.0, 11 };
    size_t n = (size_t)W * H * 3;
    uint8_t *a = malloc(n), *b = malloc(n), *c = malloc(n);
    oy_state st, st2;
    oy_view v, v2;

    if (oy_pool_new(&p1, 1) < 0 || oy_pool_new(&p2, 2) < 0 ||
        oy_world_new(&w, 5, NULL) < 0 || !a || !b || !c) {
        printf("FAIL setup\n");
        return 1;
    }
    const char *dir = getenv("OY_STILLS_DIR");
    if (dir) {
        stills(dir, w, p2);
        return 0;
    }

    post_levels();
    sand_meter();
    CHECK_GROUP("render");
    for (size_t i = 0; i < sizeof scenes / sizeof *scenes; i++) {
        if (i != 0 && i != 9 && i != 11 && i != 12)
            continue;
        scene_state(&scenes[i], &st);
        scene_view(w, &st, &scenes[i], &v);
        render_one(w, p1, &cfg, &st, &v, a);
        render_one(w, p2, &cfg, &st, &v, b);
        CHECK(!memcmp(a, b, n), "%s: 1 and 2 threads give identical bytes", scenes[i].name);
    }

    /* order independence: B then A on one renderer equals A alone */
    {
        oy_renderer *r = NULL;
        scene_state(&scenes[0], &st);
        scene_view(w, &st, &scenes[0], &v);
        st2 = st;
        st2.ch[OY_CH_TIME] = 17.0f;
        st2.t = 9.0;
        st2.frame = 200;
        view_make(&v2, 300.0, oy_world_surface(w, &st2, 300.0, 900.0) + 20.0, 900.0, 120, -5, 0, 35);
        oy_renderer_new(&r, w, &cfg, p2);
        oy_render_frame(r, &st2, &v2, c, W * 3);
        oy_render_frame(r, &st, &v, b, W * 3);
        oy_renderer_free(&r);
        render_one(w, p2, &cfg, &st, &v, a);
        CHECK(!memcmp(a, b, n), "rendering frame B then A gives the same bytes as A alone");
        CHECK(memcmp(a, c, n), "frames A and B differ");
    }

    /* light follows the time of day */
    {
        scene_state(&scenes[0], &st);
        scene_view(w, &st, &scenes[0], &v);
        render_one(w, p2, &cfg, &st, &v, a);
        st2 = st;
        st2.ch[OY_CH_TIME] = 1.0f;
        render_one(w, p2, &cfg, &st2, &v, b);
        double ln = mean_lum(a, W, 0, H), lm = mean_lum(b, W, 0, H);
        CHECK(ln > lm + 30.0, "noon (%.1f) is brighter than night (%.1f)", ln, lm);
        st2.ch[OY_CH_TIME] = 18.4f;
        render_one(w, p2, &cfg, &st2, &v, b);
        double wn = mean_ch(a, W * H, 0) - mean_ch(a, W * H, 2);
        double wg = mean_ch(b, W * H, 0) - mean_ch(b, W * H, 2);
        CHECK(wg > wn + 5.0, "golden hour is warmer than noon (R-B %.1f vs %.1f)", wg, wn);
    }

    /* the northern lights: green curtains low in the northern sky at
     * night, none by day and none to the south */
    {
        scene_state(&scenes[6], &st);
        st.ch[OY_CH_CLOUD] = 0.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, 0, 10, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_AURORA, 1.0f, a, b);
        double ga = mean_ch(a, W * H / 2, 1), gb = mean_ch(b, W * H / 2, 1);
        double rb = mean_ch(b, W * H / 2, 0) - mean_ch(a, W * H / 2, 0);
        CHECK(gb > ga + 10.0 && gb - ga > 1.3 * rb, "the aurora greens the northern sky at night (G %.1f -> %.1f, "
              "R up %.1f)", ga, gb, rb);
        view_make(&v, 0.0, g + 2.0, 0.0, 180, 10, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_AURORA, 1.0f, a, b);
        double south = mean_ch(b, W * H / 2, 1) - mean_ch(a, W * H / 2, 1);
        st.ch[OY_CH_TIME] = 13.0f;
        view_make(&v, 0.0, g + 2.0, 0.0, 0, 10, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_AURORA, 1.0f, a, b);
        CHECK(south < 4.0 && !memcmp(a, b, n), "and not the southern sky (G up %.1f), nor the sky by day", south);
    }

    /* a sandstorm: in the desert, the fog of a thick haze is ochre dust,
     * elsewhere the same fog is a white mist */
    {
        scene_state(&scenes[3], &st);
        st.ch[OY_CH_HAZE] = 1.0f;
        st.ch[OY_CH_FOG] = 0.45f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, 0, 0, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_BIOME_DESERT, 0.0f, a, b);
        double dust = mean_ch(a, W * H, 0) - mean_ch(a, W * H, 2), mist = mean_ch(b, W * H, 0) - mean_ch(b, W * H, 2);
        CHECK(dust > mist + 15.0, "a sandstorm's fog is ochre (R-B %.1f), a mist elsewhere is not (%.1f)", dust, mist);
    }

    /* great moons: discs low in the sky ahead (+z), by night and by day;
     * none behind */
    {
        scene_state(&scenes[6], &st);
        st.ch[OY_CH_CLOUD] = 0.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        int lit[3] = { 0, 0, 0 };
        for (int k = 0; k < 3; k++) {
            st.ch[OY_CH_TIME] = k == 1 ? 12.0f : 23.5f;
            view_make(&v, 0.0, g + 30.0, 0.0, k == 2 ? 180 : 0, 7, 0, 28);
            render_pair(w, p2, &cfg, &st, &v, OY_CH_MOONS, 2.0f, a, b);
            for (int i = 0; i < W * H; i++)
                lit[k] += b[i * 3] + b[i * 3 + 1] + b[i * 3 + 2] > a[i * 3] + a[i * 3 + 1] + a[i * 3 + 2] + 45;
        }
        CHECK(lit[0] > 60 && lit[1] > 60 && lit[2] == 0, "two great moons show ahead by night (%d pixels brighter) "
              "and by day (%d), and not behind (%d)", lit[0], lit[1], lit[2]);
    }

    /* the rainbow: an arc 42 degrees from the point opposite the sun, red
     * on its outer edge and violet on its inner; none at night */
    {
        scene_state(&scenes[0], &st);
        st.ch[OY_CH_TIME] = 8.5f;
        st.ch[OY_CH_CLOUD] = 0.0f;
        float sun[3], moon[3];
        oy_render_sun_dir(&st, sun, moon);
        float yaw = atan2f(-sun[0], -sun[2]) * (float)(180.0 / OY_PI);
        float apex = 42.0f - asinf(sun[1]) * (float)(180.0 / OY_PI);
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, yaw, apex, 0, 35);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_RAINBOW, 1.0f, a, b);
        double up[3], down[3];
        for (int ch = 0; ch < 3; ch++) {
            /* 8.2 rows to the degree: 42.2 degrees out (red), 41 (violet) */
            up[ch] = down[ch] = 0.0;
            for (int y = 0; y < 6; y++)
                for (int x = W / 2 - 20; x < W / 2 + 20; x++) {
                    size_t iu = ((size_t)(H / 2 - 4 + y) * W + x) * 3 + ch, id = iu + (size_t)10 * W * 3;
                    up[ch] += (b[iu] - a[iu]) / 240.0;
                    down[ch] += (b[id] - a[id]) / 240.0;
                }
        }
        CHECK(up[0] > up[2] + 4.0 && down[2] > down[0] + 4.0,
              "the rainbow's arc is red outside (R up %.1f, B up %.1f) and violet inside (R up %.1f, B up %.1f)",
              up[0], up[2], down[0], down[2]);
        st.ch[OY_CH_TIME] = 23.0f;
        render_pair(w, p2, &cfg, &st, &v, OY_CH_RAINBOW, 1.0f, a, b);
        CHECK(!memcmp(a, b, n), "and there is no rainbow at night");
    }

    /* the Milky Way: a band of light across a clear night sky, along the
     * great circle normal to (-0.886, 0.422, -0.189) (sky.c) */
    {
        scene_state(&scenes[6], &st);
        st.ch[OY_CH_CLOUD] = 0.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, 0, 35, 0, 20);
        render_one(w, p2, &cfg, &st, &v, a);
        double in = 0.0, off = 0.0;
        int nin = 0, noff = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                float u = (2.0f * (x + 0.5f) / W - 1.0f) * v.tan_half_fov_x;
                float t = (1.0f - 2.0f * (y + 0.5f) / H) * v.tan_half_fov_x * H / W;
                oy_v3 d = oy_v3_add(v.fwd, oy_v3_add(oy_v3_scale(v.right, u), oy_v3_scale(v.up, t)));
                float k = (-0.886f * d.x + 0.4222f * d.y - 0.1885f * d.z) / sqrtf(oy_v3_dot(d, d));
                const uint8_t *px = a + ((size_t)y * W + x) * 3;
                double l = 0.2126 * px[0] + 0.7152 * px[1] + 0.0722 * px[2];
                if (fabsf(k) < 0.06f) {
                    in += l;
                    nin++;
                } else if (fabsf(k) > 0.3f) {
                    off += l;
                    noff++;
                }
            }
        in /= nin > 0 ? nin : 1;
        off /= noff > 0 ? noff : 1;
        CHECK(nin > 500 && noff > 500 && in > off + 4.0, "the Milky Way brightens its band of a clear night sky "
              "(luma %.1f in the band, %.1f off it)", in, off);
    }

    /* molten lava glows red-orange in the flatter ground, by day too */
    {
        scene_state(&scenes[0], &st);
        st.ch[OY_CH_GROUND_LIGHT] = st.ch[OY_CH_ROCK_LIGHT] = -0.85f;
        st.ch[OY_CH_VEGETATION] = 0.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 30.0, 0.0, 0, -20, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_LAVA, 1.0f, a, b);
        int glow_a = count_hue(a, 0, W * H, 50, 1), glow_b = count_hue(b, 0, W * H, 50, 1);
        CHECK(glow_b > W * H / 400 && glow_a < W * H / 2000, "lava glows red-orange on the ground (%d pixels, "
              "%d without it)", glow_b, glow_a);
        /* by night the veins burn bright and their glow lights the black
         * rock round them, so the land reads (the luma floor) */
        st.ch[OY_CH_TIME] = 23.0f;
        view_make(&v, 0.0, g + 2.0, 0.0, 0, -2, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_LAVA, 0.85f, a, b);
        double la = mean_lum(a, W, H / 2, H), lb = mean_lum(b, W, H / 2, H);
        glow_b = count_hue(b, 0, W * H, 50, 1);
        CHECK(lb >= 25.0 && lb > la + 8.0 && glow_b > W * H / 400,
              "lava at night lights the land (lower half %.1f, %.1f without) and glows (%d pixels)", lb, la, glow_b);
    }

    /* flowers colour the grass near the camera; blossom pinks the woods */
    {
        scene_state(&scenes[0], &st);
        st.ch[OY_CH_BIOME_MEADOW] = 1.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 1.7, 0.0, 0, -15, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_FLOWERS, 1.0f, a, b);
        int fa = count_hue(a, W * H / 2, W * H, 20, 0), fb = count_hue(b, W * H / 2, W * H, 20, 0);
        CHECK(fb > W * H / 100 && fa < W * H / 2000, "flowers in the grass: %d red, yellow-white or blue pixels "
              "in the lower half (%d without)", fb, fa);
        st.ch[OY_CH_BIOME_FOREST] = 1.0f;
        st.ch[OY_CH_BIOME_MEADOW] = 0.0f;
        view_make(&v, 0.0, g + 60.0, 0.0, 0, -10, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_BLOSSOM, 1.0f, a, b);
        double pa = mean_ch(a, W * H, 0) - mean_ch(a, W * H, 1), pb = mean_ch(b, W * H, 0) - mean_ch(b, W * H, 1);
        CHECK(pb > pa + 5.0, "blossom pinks the broadleaf woods (R-G %.1f -> %.1f)", pa, pb);
        /* in autumn the turned leaves take its place: blossom changes
         * nothing ("a japanese garden in autumn") */
        st.ch[OY_CH_AUTUMN] = 1.0f;
        st.ch[OY_CH_FOLIAGE] = 0.55f;
        render_pair(w, p2, &cfg, &st, &v, OY_CH_BLOSSOM, 1.0f, a, b);
        CHECK(!memcmp(a, b, (size_t)W * H * 3), "in autumn blossom does not pink the turned woods");
    }

    /* fields in rows ("lavender fields"): from eye height the rows lead
     * away as stripes, plants and the shadowed soil between, that a
     * line across the lower frame crosses many times; blue and purple
     * where the rows are lavender */
    {
        scene_state(&scenes[0], &st);
        st.ch[OY_CH_BIOME_MEADOW] = 1.0f;
        st.ch[OY_CH_FIELDS] = 1.0f;
        st.ch[OY_CH_FLOWERS] = 0.7f;
        st.ch[OY_CH_FLOWER_WARMTH] = -1.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, 0, -12, 0, 28);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_ROWS, 1.0f, a, b);
        int cross = 0, lav[2] = { 0, 0 };
        for (int y = H * 3 / 4; y < H * 3 / 4 + 8; y++) {
            const uint8_t *row = b + (size_t)y * W * 3;
            double m = 0.0;
            for (int x = 0; x < W; x++)
                m += row[x * 3 + 1];
            m /= W;
            int side = 0;
            for (int x = 0; x < W; x++) {
                int s = row[x * 3 + 1] > m + 4.0 ? 1 : row[x * 3 + 1] < m - 4.0 ? -1 : side;
                cross += side && s != side;
                side = s;
            }
        }
        for (int k = 0; k < 2; k++)
            for (int i = W * H / 2; i < W * H; i++) {
                const uint8_t *p = (k ? b : a) + (size_t)i * 3;
                lav[k] += p[2] > p[1] + 15;
            }
        CHECK(cross >= 8 * 8 && lav[1] > W * H / 4 && lav[0] < W * H / 50,
              "fields in rows: %d stripe edges on 8 lines across the lower frame, %d %% of the lower half blue "
              "or purple (%d %% without rows)", cross, 200 * lav[1] / (W * H), 200 * lav[0] / (W * H));
        /* rows of sunflowers near the view are heads, yellow round dark
         * seeds, over green leaves, not a yellow mass */
        st.ch[OY_CH_FLOWER_WARMTH] = 1.0f;
        st.ch[OY_CH_ROWS] = 1.0f;
        view_make(&v, 0.0, g + 2.0, 0.0, 0, -30, 0, 28);
        render_one(w, p2, &cfg, &st, &v, b);
        int yellow = 0, green = 0, seeds = 0;
        for (int i = W * H / 2; i < W * H; i++) {
            const uint8_t *p = b + (size_t)i * 3;
            yellow += p[0] > 120 && p[1] > 100 && p[2] < p[1] / 2;
            green += p[1] > p[0] + 10 && p[1] > p[2] + 10;
            seeds += p[0] < 60 && p[1] < 45 && p[2] < 30 && p[0] > p[2];
        }
        int half = W * H / 2;
        CHECK(yellow > half / 6 && green > half / 10 && seeds > half / 100,
              "rows of sunflowers: heads %d %%, leaves %d %%, seed discs %d %% of the lower half",
              100 * yellow / half, 100 * green / half, 100 * seeds / half);
    }

    /* a strong wind breaks the open sea's crests in whitecaps; a light
     * one leaves it dark */
    {
        scene_state(&scenes[5], &st);
        st.ch[OY_CH_TIME] = 12.0f;
        st.ch[OY_CH_OFFSHORE] = 1.0f;
        st.ch[OY_CH_WIND] = 0.2f;
        oy_place_info here;
        oy_world_place(w, &st, 0.0, 0.0, &here);
        view_make(&v, 0.0, here.water + 3.0f, 0.0, 0, -10, 0, 35);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_WIND, 0.95f, a, b);
        int white[2] = { 0, 0 };
        for (int k = 0; k < 2; k++)
            for (int i = W * H / 2; i < W * H; i++) {
                const uint8_t *p = (k ? b : a) + (size_t)i * 3;
                white[k] += p[0] > 170 && p[1] > 170 && p[2] > 170;
            }
        CHECK(white[1] > W * H / 100 && white[0] < W * H / 400, "whitecaps in a strong wind: %d white pixels in "
              "the lower half (%d in a light one)", white[1], white[0]);
        /* and heaves in long swells: seen from 80 m up, the light varies
         * from one 32x30-pixel block to the next (some 15 m of sea) far
         * more than a calm sea's, whose ripples and chop average out
         * within a block (7.7 without the swells) */
        view_make(&v, 0.0, here.water + 80.0f, 0.0, 0, -40, 0, 35);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_WIND, 0.95f, a, b);
        double sd[2];
        for (int k = 0; k < 2; k++) {
            double s1 = 0.0, s2 = 0.0;
            int n = 0;
            for (int by = 0; by + 30 <= H; by += 30)
                for (int bx = 0; bx + 32 <= W; bx += 32) {
                    double m = 0.0;
                    for (int y = by; y < by + 30; y++)
                        for (int x = bx; x < bx + 32; x++)
                            m += (k ? b : a)[((size_t)y * W + x) * 3 + 1];
                    m /= 960.0;
                    s1 += m;
                    s2 += m * m;
                    n++;
                }
            sd[k] = sqrt(fmax(s2 / n - (s1 / n) * (s1 / n), 0.0));
        }
        CHECK(sd[1] > 11.0 && sd[1] > 4.0 * sd[0], "a rough sea's swells: block means vary by %.1f (a calm sea's "
              "%.1f)", sd[1], sd[0]);
        /* the swells rise, not only tilt the light: seen level from 2.5 m
         * over a clear sky's sea, their crests stand over the calm sea's
         * horizon, so a band of rows just over it turns from sky (alike
         * from column to column) to crests and the troughs between */
        st.ch[OY_CH_CLOUD] = 0.0f;
        view_make(&v, 0.0, here.water + 2.5f, 0.0, 0, 0, 0, 35);
        render_pair(w, p2, &cfg, &st, &v, OY_CH_WIND, 0.95f, a, b);
        double band[2];
        for (int k = 0; k < 2; k++) {
            band[k] = 0.0;
            for (int y = H / 2 - 8; y < H / 2 - 1; y++) {
                double s1 = 0.0, s2 = 0.0;
                for (int x = 0; x < W; x++) {
                    double g = (k ? b : a)[((size_t)y * W + x) * 3 + 1];
                    s1 += g;
                    s2 += g * g;
                }
                band[k] += sqrt(fmax(s2 / W - (s1 / W) * (s1 / W), 0.0)) / 7.0;
            }
        }
        CHECK(band[1] > 4.0 * band[0] + 3.0, "a rough sea's crests over the horizon: the rows just above it vary "
              "by %.1f along the row (%.1f over a calm sea)", band[1], band[0]);
    }

    /* fog flattens the far distance */
    {
        scene_state(&scenes[1], &st);
        st.ch[OY_CH_CLOUD] = 0.0f;
        view_make(&v, 0.0, oy_world_surface(w, &st, 0.0, 0.0) + 40.0, 0.0, 35, 3, 0, 35);
        render_one(w, p2, &cfg, &st, &v, a);
        st.ch[OY_CH_FOG] = 0.8f;
        render_one(w, p2, &cfg, &st, &v, b);
        double s0 = band_std(a, W, H / 3, H / 2), s1 = band_std(b, W, H / 3, H / 2);
        CHECK(s1 < s0 * 0.7, "fog lowers far contrast (std %.1f -> %.1f)", s0, s1);
    }

    /* a storm's deck is darker than an overcast and has structure; the
     * land under it keeps its detail */
    {
        scene_state(&scenes[0], &st);
        st.ch[OY_CH_TIME] = 14.0f;
        st.ch[OY_CH_CLOUD] = 1.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, 0, 10, 0, 35);
        render_one(w, p2, &cfg, &st, &v, a);
        st2 = st;
        st2.ch[OY_CH_RAIN] = 0.8f;
        st2.ch[OY_CH_LIGHTNING] = 0.4f;
        st2.ch[OY_CH_WIND] = 0.8f;
        render_one(w, p2, &cfg, &st2, &v, b);
        double lo = mean_lum(a, W, 0, H / 3), ls = mean_lum(b, W, 0, H / 3);
        double so = band_std(a, W, 0, H / 3), ss = band_std(b, W, 0, H / 3);
        CHECK(ls < lo - 30.0 && ss > so + 3.0,
              "a storm's sky is darker than an overcast (%.1f vs %.1f) with more structure (std %.1f vs %.1f)",
              ls, lo, ss, so);
        CHECK(mean_ch(b, W * H / 3, 2) > mean_ch(b, W * H / 3, 0) + 5.0, "and slate blue (B %.1f, R %.1f)",
              mean_ch(b, W * H / 3, 2), mean_ch(b, W * H / 3, 0));
        view_make(&v, 0.0, g + 2.0, 0.0, 0, -2, 0, 35);
        render_one(w, p2, &cfg, &st2, &v, b);
        double ll = mean_lum(b, W, H / 2, H), lsd = band_std(b, W, H / 2, H);
        CHECK(ll >= 25.0 && lsd >= 6.0, "the land under a storm keeps its detail (lower half %.1f, std %.1f)",
              ll, lsd);
    }

    /* after sunset the sky is held by the graduated filter: toward the
     * sun it reads, not burnt white, over land still exposed to read;
     * warm at 19:00, blue in the blue hour */
    {
        static const float hours[2] = { 19.0f, 19.5f };
        double warm[2];
        for (int k = 0; k < 2; k++) {
            scene_state(&scenes[0], &st);
            st.ch[OY_CH_TIME] = hours[k];
            float g = oy_world_surface(w, &st, 0.0, 0.0), sun[3], moon[3];
            oy_render_sun_dir(&st, sun, moon);
            float yaw = atan2f(sun[0], sun[2]) * (float)(180.0 / OY_PI);
            view_make(&v, 0.0, g + 2.0, 0.0, yaw, 6, 0, 35);
            render_one(w, p2, &cfg, &st, &v, a);
            double l = mean_lum(a, W, 0, H / 3), r = mean_ch(a, W * H / 3, 0), bl = mean_ch(a, W * H / 3, 2);
            warm[k] = r - bl;
            view_make(&v, 0.0, g + 2.0, 0.0, yaw, -2, 0, 35);
            render_one(w, p2, &cfg, &st, &v, b);
            double land = mean_lum(b, W, H / 2, H);
            CHECK(l < (k ? 180.0 : 215.0) && land >= 25.0,
                  "the sky at %.1f h is not burnt white (luma %.1f) over land that reads (lower half %.1f)",
                  hours[k], l, land);
        }
        CHECK(warm[1] < -25.0 && warm[0] > warm[1] + 20.0,
              "the blue hour's sky is blue (R - B %.1f), the afterglow's before it warmer (%.1f)", warm[1], warm[0]);
    }

    /* the sky colour channels paint the sky, and all 0 is the sky as it was */
    {
        scene_state(&scenes[0], &st);
        st.ch[OY_CH_TIME] = 19.3f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, 0, 10, 0, 35);
        render_one(w, p2, &cfg, &st, &v, a);
        st2 = st;
        st2.ch[OY_CH_SKY_WARMTH] = 0.25f;
        st2.ch[OY_CH_SKY_TINT] = 0.5f;
        st2.ch[OY_CH_SKY_LIGHT] = 0.35f;
        render_one(w, p2, &cfg, &st2, &v, b);
        int pink0 = 0, pink1 = 0;
        for (int i = 0; i < W * H / 2; i++) {
            const uint8_t *x = a + i * 3, *y = b + i * 3;
            pink0 += x[0] > x[1] + 20 && x[2] > x[1];
            pink1 += y[0] > y[1] + 20 && y[2] > y[1];
        }
        CHECK(pink1 > W * H / 8 && pink0 < pink1 / 4, "a pink sky is pink (%d of %d pixels above, %d unpainted)",
              pink1, W * H / 2, pink0);
        st2.ch[OY_CH_SKY_WARMTH] = 0.5f;
        st2.ch[OY_CH_SKY_TINT] = 0.45f;
        st2.ch[OY_CH_SKY_LIGHT] = -0.05f;
        st2.ch[OY_CH_TIME] = st.ch[OY_CH_TIME] = 14.0f;
        render_one(w, p2, &cfg, &st2, &v, b);
        double r = mean_ch(b, W * H / 3, 0), bl = mean_ch(b, W * H / 3, 2);
        CHECK(r > bl + 40.0, "a red sky at noon is red (R %.1f, B %.1f)", r, bl);
        render_one(w, p2, &cfg, &st, &v, a);
        st2 = st;
        st2.ch[OY_CH_SKY_TINT] = -0.0f;
        render_one(w, p2, &cfg, &st2, &v, b);
        CHECK(!memcmp(a, b, n), "sky colour channels at 0 leave the sky as it was");
    }

    /* the plant colour channels paint the grass underfoot ("purple
     * grass"), its texture kept */
    {
        scene_state(&scenes[12], &st);
        st.ch[OY_CH_TIME] = 14.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 2.0, 0.0, 0, -25, 0, 35);
        render_one(w, p2, &cfg, &st, &v, a);
        st2 = st;
        st2.ch[OY_CH_PLANT_WARMTH] = -0.2f;
        st2.ch[OY_CH_PLANT_TINT] = 0.6f;
        st2.ch[OY_CH_PLANT_LIGHT] = -0.15f;
        render_one(w, p2, &cfg, &st2, &v, b);
        int purple0 = 0, purple1 = 0, i0 = W * H / 2;
        double spread = 0.0, mean = mean_ch(b + (size_t)i0 * 3, W * H - i0, 2);
        for (int i = i0; i < W * H; i++) {
            const uint8_t *x = a + i * 3, *y = b + i * 3;
            purple0 += x[2] > x[1] + 8 && x[0] > x[1] + 4;
            purple1 += y[2] > y[1] + 8 && y[0] > y[1] + 4;
            spread += fabs(y[2] - mean);
        }
        spread /= W * H - i0;
        CHECK(purple1 > (W * H - i0) * 3 / 4 && purple0 == 0 && spread > 4.0,
              "purple grass is purple (%d of %d pixels below, %d unpainted), its blades still shaded (%.1f)",
              purple1, W * H - i0, purple0, spread);
    }

    /* letterbox */
    {
        oy_render_config lb = cfg;
        lb.aspect = 2.39;
        scene_state(&scenes[0], &st);
        scene_view(w, &st, &scenes[0], &v);
        render_one(w, p2, &lb, &st, &v, a);
        int bar = (H - (int)(W / 2.39 + 0.5)) / 2, black = 1, inside = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W * 3; x++) {
                uint8_t px = a[(size_t)y * W * 3 + x];
                if (y < bar || y >= H - bar)
                    black &= px == 0;
                else
                    inside |= px != 0;
            }
        CHECK(bar > 0 && black, "letterbox rows (%d top and bottom) are black", bar);
        CHECK(inside, "the picture between the bars is not black");
    }

    /* steep and rolled views: sky on the up side, ground on the down side */
    {
        static const float poses[][2] = { { -60, 0 }, { 0, 90 }, { 45, 30 }, { -89, 0 } };
        for (int i = 0; i < 4; i++) {
            scene_state(&scenes[0], &st);
            st.ch[OY_CH_CLOUD] = 0.0f;
            float g = oy_world_surface(w, &st, 0.0, 0.0);
            view_make(&v, 0.0, g + 30.0, 0.0, 0, poses[i][0], poses[i][1], 24);
            render_one(w, p2, &cfg, &st, &v, a);
            /* the brightest blue-ish pixel should be sky: find where it is */
            double top = mean_lum(a, W, 0, H / 8), bot = mean_lum(a, W, H - H / 8, H);
            double var = band_std(a, W, 0, H);
            if (poses[i][1] == 90) {
                /* rolled 90 degrees: the horizon runs vertically */
                double left = 0, right = 0;
                for (int y = 0; y < H; y++)
                    for (int x = 0; x < W / 8; x++) {
                        left += a[((size_t)y * W + x) * 3 + 2];
                        right += a[((size_t)y * W + W - 1 - x) * 3 + 2];
                    }
                CHECK(fabs(left - right) / (H * W / 8) > 10.0, "roll 90: sky on one side, ground on the other (%.1f vs %.1f)", left / (H * W / 8), right / (H * W / 8));
            } else if (poses[i][0] > -80) {
                CHECK(var > 4.0, "pitch %.0f roll %.0f renders a picture (std %.1f)", poses[i][0], poses[i][1], var);
            } else {
                CHECK(var > 2.0 && fabs(top - bot) < 120.0, "looking straight down shows ground (std %.1f)", var);
            }
        }
    }

    /* lightning: a strike's bolt is drawn where it stands, hidden by what
     * is in front of it, and a state without strikes (or with one behind
     * the camera) renders as it did; one renderer draws these frames, as
     * no frame depends on another */
    oy_renderer *lr = NULL;
    CHECK(oy_renderer_new(&lr, w, &cfg, p2) == 0, "a renderer for the lightning frames");
    {
        scene_state(&scenes[0], &st);
        st.ch[OY_CH_TIME] = 19.2f;
        st.ch[OY_CH_CLOUD] = 1.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0);
        view_make(&v, 0.0, g + 3.0, 0.0, 0, 6, 0, 28);
        oy_render_frame(lr, &st, &v, a, W * 3);
        /* the channel's light alone: no flash over the scene */
        st2 = st;
        st2.strikes[0] = (oy_strike){ .t = st.t, .x = 60.0f, .z = 1500.0f, .energy = 1.0f,
                                      .glow = 1.0f, .directed = 1, .seed = 0x5eed };
        st2.nstrikes = 0;
        oy_render_frame(lr, &st2, &v, b, W * 3);
        CHECK(!memcmp(a, b, n), "a strike not in nstrikes draws nothing");
        st2.nstrikes = 1;
        oy_render_frame(lr, &st2, &v, b, W * 3);
        render_one(w, p1, &cfg, &st2, &v, c);
        CHECK(!memcmp(b, c, n), "a strike frame: 1 and 2 threads give identical bytes");
        /* where the channel's ground point projects: the channel is near
         * from there up */
        float gs = oy_world_surface(w, &st2, 60.0, 1500.0);
        float fx = W * 0.5f / v.tan_half_fov_x, fy = H * 0.5f / (v.tan_half_fov_x * H / W);
        oy_v3 rel = oy_v3_make(60.0f, gs - (float)v.pos[1], 1500.0f);
        float cz = oy_v3_dot(rel, v.fwd);
        int px0 = (int)(W * 0.5f + oy_v3_dot(rel, v.right) / cz * fx);
        int py0 = (int)(H * 0.5f - oy_v3_dot(rel, v.up) / cz * fy);
        int lit = 0, far_lit = 0, dark = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                const uint8_t *p = a + ((size_t)y * W + x) * 3, *q = b + ((size_t)y * W + x) * 3;
                double la = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
                double lb = 0.2126 * q[0] + 0.7152 * q[1] + 0.0722 * q[2];
                int near_bolt = x > px0 - W / 6 && x < px0 + W / 6 && y < py0 + 3;
                if (lb > la + 80.0 && lb > 200.0)
                    lit += near_bolt, far_lit += !near_bolt;
                dark += lb < la - 0.5;
            }
        CHECK(lit >= 15 && far_lit < lit && !dark,
              "a bolt lights pixels near where it stands (%d there, %d elsewhere, %d darker; ground at %d,%d)",
              lit, far_lit, dark, px0, py0);
        /* behind the camera: nothing, and no crash */
        st2.strikes[0].z = -900.0f;
        oy_render_frame(lr, &st2, &v, b, W * 3);
        CHECK(!memcmp(a, b, n), "a strike behind the camera draws nothing");
        /* right by the camera: draws, and no crash */
        st2.strikes[0].x = 3.0f;
        st2.strikes[0].z = 4.0f;
        oy_render_frame(lr, &st2, &v, b, W * 3);
        CHECK(memcmp(a, b, n), "a strike at the camera's feet draws");
    }

    /* a bolt behind a wall of terrain is hidden: look for a slope near
     * the camera that fills the frame's width above its top edge */
    {
        scene_state(&scenes[11], &st);   /* a canyon */
        st.ch[OY_CH_TIME] = 19.2f;
        st.ch[OY_CH_CLOUD] = 1.0f;
        float g = oy_world_surface(w, &st, 0.0, 0.0), top = 4.0f, focal = 50.0f;
        int found = -1;
        for (int yaw = 0; yaw < 360 && found < 0; yaw += 10) {
            float ya = yaw * (float)(OY_PI / 180), thx = 24.89f / (2.0f * focal), wall = 90.0f;
            for (int k = 0; k <= 16; k++) {
                /* the steepest rise of the terrain within 700 m in this column */
                float a0 = ya + atanf(thx * (k / 8.0f - 1.0f)) * 1.1f, hi = -90.0f;
                for (float d = 10.0f; d < 700.0f; d += 4.0f) {
                    float h = oy_world_surface(w, &st, sinf(a0) * d, cosf(a0) * d) - (g + 2.0f);
                    float e = atanf(h / d) * (float)(180.0 / OY_PI);
                    hi = e > hi ? e : hi;
                }
                wall = hi < wall ? hi : wall;
            }
            /* the frame's top edge is 'top' degrees up; leave room for the glow */
            if (wall > top + 5.0f)
                found = yaw;
        }
        CHECK(found >= 0, "the test world has a wall of terrain to hide a bolt behind (yaw %d)", found);
        if (found >= 0) {
            float ya = found * (float)(OY_PI / 180);
            view_make(&v, 0.0, g + 2.0, 0.0, (float)found, top - 6.0f, 0, focal);
            oy_render_frame(lr, &st, &v, a, W * 3);
            st2 = st;
            st2.nstrikes = 1;
            st2.strikes[0] = (oy_strike){ .t = st.t, .x = sinf(ya) * 2500.0f, .z = cosf(ya) * 2500.0f,
                                          .energy = 1.0f, .glow = 1.0f, .seed = 77 };
            oy_render_frame(lr, &st2, &v, b, W * 3);
            CHECK(!memcmp(a, b, n), "a bolt behind a wall of terrain is not drawn");
            /* the same bolt with the camera raised above the wall shows */
            view_make(&v, 0.0, g + 1200.0, 0.0, (float)found, 10.0f, 0, 24.0f);
            oy_render_frame(lr, &st, &v, a, W * 3);
            oy_render_frame(lr, &st2, &v, b, W * 3);
            CHECK(memcmp(a, b, n), "and seen from above the wall it is");
        }
    }
    oy_renderer_free(&lr);

    oy_world_free(&w);
    oy_pool_free(&p1);
    oy_pool_free(&p2);
    free(a);
    free(b);
    free(c);
    return CHECK_DONE();
}
