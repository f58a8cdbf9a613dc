/*
 * test_world.c - the world's queries: pure (same answer in any call order
 * and whatever was asked before), seeded, shaped by the prompt along the
 * camera path (a valley floor under the path, a lake ahead, a river beside
 * it), and water that never stands against lower dry ground.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "world/world.h"

static const double path[] = { 0, 0, 0, 200, 30, 400, 0, 600 };

static void state_with(oy_state *st, int ch, float v, int ch2, float v2)
{
    memset(st, 0, sizeof *st);
    for (int i = 0; i < OY_CH_COUNT; i++)
        st->ch[i] = oy_channel_default(i);
    st->ch[ch] = v;
    st->ch[ch2] = v2;
}

/* No wet point may touch dry ground lower than its water: scan a window,
 * compare each wet sample with its neighbours 1.5 m away. Returns the
 * number of violations; *wet counts the wet samples seen. */
static int water_walls(const oy_world *w, const oy_state *st, double x0, double z0,
                       double size, double step, int *wet)
{
    int bad = 0;
    *wet = 0;
    for (double z = z0; z < z0 + size; z += step)
        for (double x = x0; x < x0 + size; x += step) {
            oy_place_info p;
            oy_world_place(w, st, x, z, &p);
            if (p.water < -1e8f)
                continue;
            ++*wet;
            static const double d[4][2] = { { 1.5, 0 }, { -1.5, 0 }, { 0, 1.5 }, { 0, -1.5 } };
            for (int k = 0; k < 4; k++) {
                oy_place_info q;
                oy_world_place(w, st, x + d[k][0], z + d[k][1], &q);
                if (q.water < -1e8f && q.ground < p.water - 0.05f)
                    bad++;
            }
        }
    return bad;
}

int main(void)
{
    oy_world *w = NULL, *w2 = NULL, *w3 = NULL;
    oy_state st, st2;

    if (oy_world_new(&w, 42, path, 4, NULL) < 0 || oy_world_new(&w2, 42, path, 4, NULL) < 0 ||
        oy_world_new(&w3, 43, path, 4, NULL) < 0) {
        printf("FAIL setup\n");
        return 1;
    }

    CHECK_GROUP("world");
    state_with(&st, OY_CH_VALLEY, 1.0f, OY_CH_RIVER, 0.8f);
    state_with(&st2, OY_CH_LAKE, 1.0f, OY_CH_RELIEF, 0.8f);
    {
        /* the same point, asked before and after other points and states */
        float a = oy_world_ground(w, &st, 123.4, 567.8);
        oy_world_ground(w, &st2, -900.0, 30.0);
        oy_world_ground(w, &st, 5000.0, -7000.0);
        float b = oy_world_ground(w, &st, 123.4, 567.8);
        float c = oy_world_ground(w2, &st, 123.4, 567.8);
        CHECK(a == b && a == c, "ground is pure: %.4f %.4f %.4f", a, b, c);
        int same = 1, differs = 0;
        for (int i = 0; i < 200; i++) {
            double x = i * 37.3 - 3000, z = i * 11.9 - 500;
            float g1 = oy_world_ground(w, &st, x, z), g2 = oy_world_ground(w2, &st, x, z);
            same &= g1 == g2;
            differs += fabsf(g1 - oy_world_ground(w3, &st, x, z)) > 0.5f;
        }
        CHECK(same, "two worlds from one seed agree everywhere");
        CHECK(differs > 150, "another seed gives another world (%d of 200 points differ)", differs);
    }
    {
        /* valley: the path runs on the floor, the land rises to the sides */
        float floor_h = oy_world_ground(w, &st, 0.0, 100.0);
        float side = fminf(oy_world_ground(w, &st, -450.0, 100.0), oy_world_ground(w, &st, 450.0, 100.0));
        CHECK(side > floor_h + 30.0f, "valley: floor %.1f m, sides %.1f m", floor_h, side);
        /* past the path's end the valley bends away: straight ahead, a few
         * kilometres on, the view meets its far wall, not more floor */
        oy_path_near pn;
        double ex = -30.0 / hypot(30.0, 200.0), ez = 200.0 / hypot(30.0, 200.0);   /* last leg */
        double fx = 0.0 + ex * 4500.0, fz = 600.0 + ez * 4500.0;
        oy_world_path_near(w, fx, fz, &pn);
        float beyond = oy_world_ground(w, &st, fx, fz);
        float floor_there = oy_world_ground(w, &st, pn.x, pn.z);
        CHECK(pn.d > 500.0 && beyond > floor_there + 30.0f,
              "valley: bends out of the straight view (4.5 km past the end: %.0f m off its line, "
              "%.0f m above its floor)", pn.d, beyond - floor_there);
        oy_place_info p;
        int river = 0, wet = 0;
        for (int i = -100; i <= 100; i++) {
            oy_world_place(w, &st, i * 1.0, 150.0, &p);
            river += p.water > -1e8f && p.water_kind == OY_WATER_RIVER;
        }
        CHECK(river >= 5 && river < 60, "a river crosses a transect beside the path (%d m wet)", river);
        int bad = water_walls(w, &st, -100.0, 100.0, 200.0, 3.0, &wet);
        CHECK(wet > 0 && bad == 0, "river banks hold the water (%d wet samples, %d walls)", wet, bad);
        float s = oy_world_surface(w, &st, 0.0, 150.0);
        CHECK(s >= oy_world_ground(w, &st, 0.0, 150.0), "surface is never below ground");
    }
    {
        /* lake: water ahead of the camera, held by its shore */
        int wet = 0, found = 0;
        for (int i = 0; i < 60 && !found; i++) {
            oy_place_info p;
            oy_world_place(w, &st2, (i % 6 - 3) * 60.0, 150.0 + (i / 6) * 40.0, &p);
            found = p.water > -1e8f && p.water_kind == OY_WATER_LAKE;
        }
        CHECK(found, "lake: water within 550 m ahead of the path start");
        int bad = water_walls(w, &st2, -450.0, 0.0, 900.0, 9.0, &wet);
        CHECK(wet > 100 && bad == 0, "lake shore holds the water (%d wet samples, %d walls)", wet, bad);

        /* a camera that first looks across its path finds the lake there */
        static const double east[2] = { 1.0, 0.0 };
        oy_world *we = NULL;
        int ahead = 0, along = 0;
        if (oy_world_new(&we, 42, path, 4, east) == 0) {
            for (int i = 0; i < 40; i++) {
                oy_place_info p, q;
                double u = 150.0 + (i / 5) * 40.0, v = (i % 5 - 2) * 60.0;
                oy_world_place(we, &st2, u, v, &p);
                oy_world_place(we, &st2, v, u, &q);
                ahead += p.water > -1e8f && p.water_kind == OY_WATER_LAKE;
                along += q.water > -1e8f && q.water_kind == OY_WATER_LAKE;
            }
        }
        CHECK(ahead > 5 && along == 0, "lake: placed where the first view looks (%d wet there, %d along the path)",
              ahead, along);
        oy_world_free(&we);
    }
    {
        /* coast: sea on one side, dry land on the path */
        oy_state sc;
        state_with(&sc, OY_CH_COAST, 1.0f, OY_CH_BIOME_BEACH, 0.5f);
        oy_place_info a, b, o;
        oy_world_place(w, &sc, -1500.0, 300.0, &a);
        oy_world_place(w, &sc, 1500.0, 300.0, &b);
        oy_world_place(w, &sc, 0.0, 300.0, &o);
        CHECK((a.water > -1e8f) != (b.water > -1e8f), "coast: sea on exactly one side");
        CHECK(o.water < -1e8f, "coast: the path itself is dry land");
        int wet;
        int bad = water_walls(w, &sc, a.water > -1e8f ? -400.0 : 0.0, 200.0, 400.0, 8.0, &wet);
        CHECK(wet > 0 && bad == 0, "the sea stays below the shore (%d wet samples, %d walls)", wet, bad);
    }
    {
        /* biome weights follow the prompt and sum to one */
        oy_state sd;
        state_with(&sd, OY_CH_BIOME_DESERT, 1.0f, OY_CH_BIOME_MEADOW, 0.0f);
        sd.ch[OY_CH_BIOME_FOREST] = 0.0f;
        oy_place_info p;
        oy_world_place(w, &sd, 77.0, 88.0, &p);
        float sum = 0;
        for (int i = 0; i < 8; i++)
            sum += p.biome[i];
        CHECK(fabsf(sum - 1.0f) < 1e-4f, "biome weights sum to 1 (%.5f)", sum);
        CHECK(p.biome[2] > 0.9f, "a desert prompt makes desert (%.2f)", p.biome[2]);
    }
    {
        /* cost per query, for the record (not asserted) */
        struct timespec t0, t1;
        float acc = 0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (int i = 0; i < 20000; i++)
            acc += oy_world_ground(w, &st, i * 0.7, i * 0.3);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ns = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 20000.0;
        printf("info: oy_world_ground %.0f ns per call (%g)\n", ns, acc * 0.0);
    }
    oy_world_free(&w);
    oy_world_free(&w2);
    oy_world_free(&w3);
    CHECK(w == NULL, "free clears the pointer");
    return CHECK_DONE();
}
