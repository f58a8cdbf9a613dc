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

    if (oy_world_new(&w, 42, NULL) < 0 || oy_world_new(&w2, 42, NULL) < 0 ||
        oy_world_new(&w3, 43, NULL) < 0) {
        printf("FAIL setup\n");
        return 1;
    }

    CHECK_GROUP("world");
    {
        /* poppies (flower warmth 0.8): red, a few others among them */
        float wt[6], sum = 0.0f;
        oy_flower_weights(0.8f, wt);
        for (int k = 0; k < 6; k++)
            sum += wt[k];
        CHECK(wt[2] > 0.85f * sum, "a field of poppies is red (%.0f%% of its flowers)", 100.0f * wt[2] / sum);
    }
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
        /* valley: the floor runs along +z through the origin, the land
         * rises to the sides */
        float floor_h = oy_world_ground(w, &st, 0.0, 100.0);
        float side = fminf(oy_world_ground(w, &st, -450.0, 100.0), oy_world_ground(w, &st, 450.0, 100.0));
        CHECK(side > floor_h + 30.0f, "valley: floor %.1f m, sides %.1f m", floor_h, side);
        /* past its laid-out course the valley bends away: straight ahead, a
         * few kilometres on, the view meets its far wall, not more floor */
        const oy_plan_line *L = &oy_world_feature(w, OY_FEAT_VALLEY)->line;
        int e = L->real1;
        double ex = L->px[e] - L->px[e - 1], ez = L->pz[e] - L->pz[e - 1], el = hypot(ex, ez);
        double fx = L->px[e] + ex / el * 4500.0, fz = L->pz[e] + ez / el * 4500.0;
        oy_line_near pn;
        oy_world_line_near(L, fx, fz, &pn);
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
        /* a river through marsh on flat land braids: channels beside it
         * over the flats (a delta), held by their banks; a river through
         * meadow runs alone */
        oy_state sd, sm;
        state_with(&sd, OY_CH_RIVER, 1.0f, OY_CH_BIOME_SWAMP, 0.8f);
        sd.ch[OY_CH_RELIEF] = 0.03f;
        sd.ch[OY_CH_HILLS] = 0.05f;
        sm = sd;
        sm.ch[OY_CH_BIOME_SWAMP] = 0.0f;
        int runs_d = 0, runs_m = 0, wet_d = 0, bad;
        for (int k = 0; k < 4; k++)
            for (int pass = 0; pass < 2; pass++) {
                int was = 0, *runs = pass ? &runs_m : &runs_d;
                for (int i = -400; i <= 400; i += 2) {
                    oy_place_info p;
                    oy_world_place(w, pass ? &sm : &sd, i, 100.0 + 150.0 * k, &p);
                    int wet = p.water > p.ground;
                    *runs += wet && !was;
                    was = wet;
                }
            }
        bad = water_walls(w, &sd, -300.0, 0.0, 600.0, 6.0, &wet_d);
        CHECK(runs_d >= runs_m + 3 && runs_m <= 8, "delta: a river through marsh braids (%d runs of water on "
              "four transects, %d through meadow)", runs_d, runs_m);
        CHECK(wet_d > 0 && bad == 0, "delta: the channels' banks hold their water (%d wet samples, %d walls)",
              wet_d, bad);
    }
    {
        /* lake: water ahead of the camera, held by its shore */
        int wet = 0, found = 0;
        for (int i = 0; i < 60 && !found; i++) {
            oy_place_info p;
            oy_world_place(w, &st2, (i % 6 - 3) * 60.0, 150.0 + (i / 6) * 40.0, &p);
            found = p.water > -1e8f && p.water_kind == OY_WATER_LAKE;
        }
        CHECK(found, "lake: water within 550 m ahead of the origin");
        int bad = water_walls(w, &st2, -450.0, 0.0, 900.0, 9.0, &wet);
        CHECK(wet > 100 && bad == 0, "lake shore holds the water (%d wet samples, %d walls)", wet, bad);

    }
    {
        /* coast: the sea ahead and to one side, dry land at the origin */
        oy_state sc;
        state_with(&sc, OY_CH_COAST, 1.0f, OY_CH_BIOME_BEACH, 0.5f);
        oy_place_info a, b, o, ahead;
        oy_world_place(w, &sc, -1500.0, 300.0, &a);
        oy_world_place(w, &sc, 1500.0, 300.0, &b);
        oy_world_place(w, &sc, 0.0, 0.0, &o);
        oy_world_place(w, &sc, 0.0, 700.0, &ahead);
        CHECK((a.water > -1e8f) != (b.water > -1e8f), "coast: sea on exactly one side");
        CHECK(o.water < -1e8f && ahead.water > -1e8f, "coast: dry land at the origin, sea ahead of it");
        int wet;
        int bad = water_walls(w, &sc, a.water > -1e8f ? -400.0 : 0.0, 200.0, 400.0, 8.0, &wet);
        CHECK(wet > 0 && bad == 0, "the sea stays below the shore (%d wet samples, %d walls)", wet, bad);
        /* a cliffed coast keeps a cove by the default camera: it stands
         * low on the beach and sees the sea close by to one side (its
         * view's edge is 19.6 degrees off at 35 mm) */
        oy_state sk;
        state_with(&sk, OY_CH_COAST, 1.0f, OY_CH_RUGGED, 0.9f);
        double side = oy_world_feature(w, OY_FEAT_COAST)->sea;
        oy_place_info beach, near_sea;
        oy_world_place(w, &sk, 0.0, 0.0, &beach);
        oy_world_place(w, &sk, 12.0 * side, 45.0, &near_sea);
        CHECK(!(beach.water > beach.ground) && beach.ground < 3.0f && near_sea.water > near_sea.ground,
              "cliffed coast: the camera's ground %.1f m above the sea, the sea 15 degrees off the view 45 m out",
              beach.ground);
        /* a rocky shore is ledges and stones: near the water its ground
         * steps where a sandy one slopes smoothly */
        double step[2] = { 0.0, 0.0 };
        int near[2] = { 0, 0 };
        for (int r = 0; r < 2; r++) {
            oy_state sr;
            state_with(&sr, OY_CH_COAST, 1.0f, OY_CH_RUGGED, r ? 0.9f : 0.3f);
            for (double z = -60.0; z <= 60.0; z += 1.0)
                for (double x = -60.0; x <= 60.0; x += 3.0) {
                    oy_place_info p0, p1;
                    oy_world_place(w, &sr, x, z, &p0);
                    if (!(p0.water_dist < 12.0f) || p0.water > p0.ground)
                        continue;
                    oy_world_place(w, &sr, x, z + 1.0, &p1);
                    step[r] += fabs(p1.ground - p0.ground) > 0.15;
                    near[r]++;
                }
            step[r] /= near[r] > 0 ? near[r] : 1;
        }
        CHECK(near[0] > 50 && near[1] > 50 && step[1] > 0.06 && step[1] > 4.0 * step[0],
              "a rocky shore steps (%.1f %% of metres by the water rise over 15 cm, %.1f %% on a sandy one)",
              100.0 * step[1], 100.0 * step[0]);
        /* a pond ("a watering hole", lake 0.45) is a pool of some 150 m
         * ahead; a lake (1) runs on half a kilometre */
        int pond_m[2] = { 0, 0 };
        for (int k = 0; k < 2; k++) {
            oy_state sp;
            state_with(&sp, OY_CH_LAKE, k ? 1.0f : 0.45f, OY_CH_RELIEF, 0.3f);
            for (double z = 0.0; z < 1500.0; z += 5.0) {
                oy_place_info pi;
                oy_world_place(w, &sp, 0.0, z, &pi);
                pond_m[k] += pi.water > pi.ground;
            }
        }
        CHECK(pond_m[0] * 5 >= 60 && pond_m[0] * 5 <= 220 && pond_m[1] * 5 >= 400,
              "a pond is small (%d m of water straight ahead), a lake wide (%d m)", pond_m[0] * 5, pond_m[1] * 5);
        /* a thing by the lake (oy_world_lake_aside): the lake lies to
         * the left, the shore leading into the view, dry ground ahead
         * for a thing to stand on; water in the lower left of the frame */
        {
            oy_world *wa = NULL;
            int wet_left = 0, wet_ahead = 0, wet_right = 0;
            if (oy_world_new(&wa, 42, NULL) == 0) {
                oy_world_lake_aside(wa);
                oy_state sa;
                state_with(&sa, OY_CH_LAKE, 1.0f, OY_CH_RELIEF, 0.3f);
                for (double d = 5.0; d <= 60.0; d += 5.0)
                    for (int b = -3; b <= 3; b++) {
                        double a = 0.1 * b;   /* radians: the frame's middle +-17 degrees */
                        oy_place_info pi;
                        oy_world_place(wa, &sa, d * sin(a), d * cos(a), &pi);
                        int wet = pi.water > pi.ground;
                        wet_left += b < 0 && wet;
                        wet_ahead += b == 0 && d <= 25.0 && wet;
                        wet_right += b > 0 && d <= 30.0 && wet;
                    }
                oy_world_free(&wa);
            }
            CHECK(wet_left >= 6 && wet_ahead == 0 && wet_right == 0,
                  "a lake beside a thing: water in the view's left (%d of 36 points), none ahead to 25 m (%d) nor "
                  "right to 30 m (%d)", wet_left, wet_ahead, wet_right);
        }
        /* by a coast a lake is a bay: its water at the sea's level, open
         * to the sea with no rim raised on the sea side */
        state_with(&sk, OY_CH_COAST, 0.8f, OY_CH_LAKE, 0.3f);
        const oy_plan_feature *L = oy_world_feature(w, OY_FEAT_LAKE);
        oy_place_info bay, open_sea;
        oy_world_place(w, &sk, L->x, L->z, &bay);
        int rim = 0;
        for (double u = 0.0; u <= 400.0; u += 5.0) {
            oy_world_place(w, &sk, L->x + side * u, L->z, &open_sea);
            rim += !(open_sea.water > open_sea.ground);
        }
        CHECK(bay.water > bay.ground && fabsf(bay.water - sk.ch[OY_CH_WATER_LEVEL] * 6.0f) < 0.01f && rim == 0,
              "bay: the lake's water at the sea's level (%.2f m), %d dry points between it and the sea",
              bay.water, rim);
    }
    {
        /* out at sea ("the open ocean") the default view is sea to its
         * edges: no dry point in a 40 degree fan 4 km deep ahead, where
         * the same coast without it has land within the fan */
        int dry[2] = { 0, 0 };
        for (int k = 0; k < 2; k++) {
            oy_state so;
            state_with(&so, OY_CH_COAST, 1.0f, OY_CH_OFFSHORE, k ? 1.0f : 0.0f);
            for (double r = 5.0; r < 4000.0; r *= 1.15)
                for (int a = -20; a <= 20; a += 4) {
                    oy_place_info p;
                    double t = a * OY_PI / 180.0;
                    oy_world_place(w, &so, r * sin(t), r * cos(t), &p);
                    dry[k] += !(p.water > p.ground);
                }
        }
        CHECK(dry[1] == 0 && dry[0] > 20, "out at sea: %d dry points in the default view's fan (%d by the shore)",
              dry[1], dry[0]);
    }
    {
        /* the sea as the subject ("crashing waves"): the default view
         * stands on a beach, the sea across its whole 40 degree fan from
         * 20 m out to 4 km, where the default shore runs along the view */
        oy_world *ws = NULL;
        int wet[2] = { 0, 0 }, n = 0, under = 1;
        if (oy_world_new(&ws, 42, NULL) == 0) {
            oy_world_sea_ahead(ws);
            oy_state so;
            state_with(&so, OY_CH_COAST, 1.0f, OY_CH_RELIEF, 0.4f);
            for (int k = 0; k < 2; k++)
                for (double r = 20.0; r < 4000.0; r *= 1.15)
                    for (int a = -20; a <= 20; a += 4, n += !k) {
                        oy_place_info p;
                        double t = a * OY_PI / 180.0;
                        oy_world_place(k ? ws : w, &so, r * sin(t), r * cos(t), &p);
                        wet[k] += p.water > p.ground;
                    }
            oy_place_info p;
            oy_world_place(ws, &so, 0.0, 0.0, &p);
            under = p.water > p.ground;
        }
        CHECK(ws && wet[1] == n && !under && wet[0] < n * 3 / 4,
              "sea ahead: %d of %d points in the view's fan are sea (%d by the default shore), the camera's "
              "ground dry", wet[1], n, wet[0]);
        oy_world_free(&ws);
    }
    {
        /* farmland is a patchwork: along a kilometre of it the ground's
         * colour steps from field to field, where a meadow's drifts */
        int steps[2] = { 0, 0 };
        for (int k = 0; k < 2; k++) {
            oy_state sf;
            state_with(&sf, OY_CH_FIELDS, k ? 1.0f : 0.0f, OY_CH_BIOME_MEADOW, 0.9f);
            sf.ch[OY_CH_BIOME_FOREST] = 0.15f;
            oy_world_shape sh;
            oy_world_shape_init(&sh, w, &sf);
            float prev[3] = { 0, 0, 0 };
            for (double z = 0.0; z <= 1000.0; z += 2.0) {
                oy_world_point pt;
                oy_world_eval(w, &sh, 30.0, z, 1.0f, &pt);
                oy_world_material(w, &sh, 30.0, z, 0.0f, &pt);
                float d = fabsf(pt.rgb[0] - prev[0]) + fabsf(pt.rgb[1] - prev[1]) + fabsf(pt.rgb[2] - prev[2]);
                steps[k] += z > 0.0 && d > 0.05f;
                memcpy(prev, pt.rgb, sizeof prev);
            }
        }
        CHECK(steps[1] >= 5 && steps[0] <= 1, "farmland's ground steps from field to field (%d colour steps in "
              "1 km, %d in a meadow)", steps[1], steps[0]);
    }
    {
        /* a vineyard in autumn ("autumn vineyard on rolling hills"): its
         * vines turn gold and red; in summer they are green */
        float warm[2] = { 0, 0 };
        int vines[2] = { 0, 0 };
        for (int k = 0; k < 2; k++) {
            oy_state sv;
            state_with(&sv, OY_CH_FIELDS, 1.0f, OY_CH_ROWS, 1.0f);
            sv.ch[OY_CH_AUTUMN] = k ? 0.85f : 0.0f;
            oy_world_shape sh;
            oy_world_shape_init(&sh, w, &sv);
            for (double z = 0.0; z <= 2000.0; z += 10.0) {
                oy_field f;
                oy_world_field(w, &sh, 25.0, z, &f);
                if (f.crop != OY_CROP_VINES)
                    continue;
                vines[k]++;
                warm[k] += f.plant[0] > f.plant[1];
            }
        }
        CHECK(vines[0] > 10 && vines[1] > 10 && warm[1] == (float)vines[1] && warm[0] == 0.0f,
              "vines turn in autumn (%.0f of %d points red or gold), green in summer (%.0f of %d)", warm[1], vines[1],
              warm[0], vines[0]);
    }
    {
        /* barren land ("lava flows", "barren", badlands) is bare ground
         * in the ground's own colour, not a meadow's green: over a
         * kilometre of it green leads red nowhere that a meadow's does */
        float green[2] = { 0, 0 }, dark = 0.0f;
        for (int k = 0; k < 2; k++) {
            oy_state sb;
            state_with(&sb, OY_CH_VEGETATION, k ? 0.02f : 0.5f, OY_CH_GROUND_LIGHT, k ? -0.85f : 0.0f);
            oy_world_shape sh;
            oy_world_shape_init(&sh, w, &sb);
            int n = 0;
            for (double z = 0.0; z <= 1000.0; z += 5.0) {
                oy_world_point pt;
                oy_world_eval(w, &sh, 40.0, z, 1.0f, &pt);
                oy_world_material(w, &sh, 40.0, z, 0.0f, &pt);
                if (pt.canopy > 0.0f)
                    continue;
                green[k] += pt.rgb[1] > pt.rgb[0];
                dark += k ? (pt.rgb[0] + pt.rgb[1] + pt.rgb[2]) / 3.0f : 0.0f;
                n++;
            }
            green[k] /= (float)(n > 0 ? n : 1);
            if (k)
                dark /= (float)(n > 0 ? n : 1);
        }
        CHECK(green[1] < 0.05f && green[0] > 0.5f && dark < 0.06f,
              "barren land is bare dark ground (green %.0f %% of points, mean albedo %.3f; a meadow %.0f %% green)",
              100.0f * green[1], dark, 100.0f * green[0]);
    }
    {
        /* a salt flat with distant mountains: the mountains raise the far
         * land, and the flat stays flat (no dunes) where dunes with the
         * same mountains stand in ridges */
        double sd[2];
        for (int k = 0; k < 2; k++) {
            oy_state sf;
            state_with(&sf, OY_CH_BIOME_DESERT, 1.0f, OY_CH_RELIEF, 0.95f);
            sf.ch[OY_CH_BIOME_MEADOW] = sf.ch[OY_CH_BIOME_FOREST] = 0.0f;
            sf.ch[OY_CH_HILLS] = k ? 0.6f : 0.0f;
            double sum = 0.0, sum2 = 0.0;
            int n = 0;
            for (double z = 0.0; z <= 300.0; z += 10.0)
                for (double x = -150.0; x <= 150.0; x += 10.0) {
                    oy_place_info p;
                    oy_world_place(w, &sf, x, z, &p);
                    sum += p.ground;
                    sum2 += (double)p.ground * p.ground;
                    n++;
                }
            sd[k] = sqrt(fmax(sum2 / n - (sum / n) * (sum / n), 0.0));
        }
        CHECK(sd[0] < 1.5 && sd[1] > 2.0 * sd[0],
              "a salt flat under distant mountains is flat (ground std %.2f m), dunes under them are not (%.2f m)",
              sd[0], sd[1]);
    }
    {
        /* dunes in a sand desert, none in a rocky one ("a red rock
         * desert": barren, rugged 0.9) */
        oy_state sd0, sd1;
        oy_world_shape s0, s1;
        state_with(&sd0, OY_CH_BIOME_DESERT, 1.0f, OY_CH_HILLS, 0.6f);
        sd0.ch[OY_CH_BIOME_MEADOW] = sd0.ch[OY_CH_BIOME_FOREST] = 0.0f;
        sd1 = sd0;
        sd1.ch[OY_CH_RUGGED] = 0.9f;
        oy_world_shape_init(&s0, w, &sd0);
        oy_world_shape_init(&s1, w, &sd1);
        CHECK(s0.dunes > 0.5f && s1.dunes < 0.01f, "dunes in a sand desert (%.2f), none in a rocky one (%.2f)",
              s0.dunes, s1.dunes);
    }
    {
        /* island: land ahead surrounded by sea, the origin on the water */
        oy_state si;
        state_with(&si, OY_CH_ISLAND, 1.0f, OY_CH_RELIEF, 0.3f);
        oy_place_info o, isl;
        const oy_plan_feature *I = oy_world_feature(w, OY_FEAT_ISLAND);
        oy_world_place(w, &si, 0.0, 0.0, &o);
        oy_world_place(w, &si, I->x, I->z, &isl);
        CHECK(o.water > -1e8f && isl.water < -1e8f && I->z > 300.0,
              "island: seen from the sea, %.0f m ahead", I->z);
        /* "a tiny island" (0.5): a small one, nearer, land in its middle
         * and sea before it */
        oy_state st2;
        oy_world_shape s2;
        state_with(&st2, OY_CH_ISLAND, 0.5f, OY_CH_RELIEF, 0.3f);
        oy_world_shape_init(&s2, w, &st2);
        oy_place_info mid, before;
        oy_world_place(w, &st2, s2.island_x, s2.island_z, &mid);
        oy_world_place(w, &st2, s2.island_x, 0.5 * s2.island_z, &before);
        CHECK(s2.island_r < 150.0f && s2.island_z < 0.6f * (float)I->z && mid.water < -1e8f &&
                  before.water > before.ground,
              "a tiny island is %.0f m across, %.0f m ahead (an island %.0f m), land in its middle, sea before it",
              2.0f * s2.island_r, s2.island_z, I->z);
    }
    {
        /* a canyon that meets a coast is a fjord: the sea fills its floor
         * between walls that stand above it */
        oy_state sf;
        state_with(&sf, OY_CH_CANYON, 0.6f, OY_CH_COAST, 0.9f);
        sf.ch[OY_CH_RELIEF] = 0.85f;
        oy_place_info fl, wall;
        oy_world_place(w, &sf, 0.0, 300.0, &fl);
        oy_world_place(w, &sf, 150.0, 300.0, &wall);
        CHECK(fl.water > -1e8f && fl.water_kind == OY_WATER_SEA && wall.ground > fl.water + 25.0f,
              "fjord: sea on the canyon floor (%.1f m), walls %.0f m above it", fl.water,
              wall.ground - fl.water);
    }
    {
        /* a crater: its rim under the origin, its floor well below, the
         * far rim standing up again */
        oy_state sc;
        state_with(&sc, OY_CH_CRATER, 1.0f, OY_CH_RELIEF, 0.45f);
        const oy_plan_feature *C = oy_world_feature(w, OY_FEAT_CRATER);
        oy_feature_info fi;
        oy_world_feature_info(w, &sc, OY_FEAT_CRATER, &fi);
        float rim = oy_world_ground(w, &sc, 0.0, 0.0), floor_h = oy_world_ground(w, &sc, fi.x, fi.z);
        float far = oy_world_ground(w, &sc, fi.x, fi.z + 0.5 * fi.size);
        CHECK(!C->at_given && rim > floor_h + 80.0f && far > floor_h + 80.0f,
              "crater: rim %.0f m and far rim %.0f m above a floor %.0f m ahead", rim - floor_h,
              far - floor_h, fi.z);
        /* its rim higher and lower round it, not one level line (the far
         * wall read as a dam); its wall scored by gullies: the ground at
         * the wall's middle rises and falls going round */
        float lo = 1e9f, hi = -1e9f;
        int turns = 0;
        float prev = 0.0f, prev_d = 0.0f;
        for (int i = 0; i < 180; i++) {
            double a = 2.0 * OY_PI * i / 180.0, r = 0.5 * fi.size;
            float g = oy_world_ground(w, &sc, fi.x + r * sin(a), fi.z + r * cos(a));
            lo = fminf(lo, g);
            hi = fmaxf(hi, g);
            float wg = oy_world_ground(w, &sc, fi.x + 0.37 * fi.size * sin(a), fi.z + 0.37 * fi.size * cos(a));
            float dd = wg - prev;
            turns += i > 1 && dd * prev_d < 0.0f;
            prev_d = dd;
            prev = wg;
        }
        CHECK(hi - lo > 25.0f && turns >= 20, "crater: its rim %.0f m higher at its highest than at its lowest, "
              "its wall rising and falling %d times round it", hi - lo, turns);
    }
    {
        /* a mesa: a flat rock top well above the land ahead, sheer walls,
         * open ground at the origin; terraced table land without the
         * rugged rock has none */
        oy_state sm, st;
        state_with(&sm, OY_CH_PLATEAU, 0.9f, OY_CH_RUGGED, 0.6f);
        sm.ch[OY_CH_RELIEF] = 0.5f;
        state_with(&st, OY_CH_PLATEAU, 1.0f, OY_CH_RUGGED, 0.3f);
        oy_feature_info fi, ft;
        oy_world_feature_info(w, &sm, OY_FEAT_BUTTE, &fi);
        oy_world_feature_info(w, &st, OY_FEAT_BUTTE, &ft);
        float top = oy_world_ground(w, &sm, fi.x, fi.z);
        float top2 = oy_world_ground(w, &sm, fi.x + 0.3 * fi.size * 0.5, fi.z);
        float foot = oy_world_ground(w, &sm, fi.x, fi.z - 0.5 * fi.size - 8.0);
        float here = oy_world_ground(w, &sm, 0.0, 0.0);
        CHECK(fi.strength > 0.99f && ft.strength < 0.01f && fi.z > 400.0 && top > here + 50.0f &&
              fabsf(top - top2) < 3.0f && top > foot + 0.5f * fi.height,
              "butte %.0f m ahead: top %.0f m over the origin, flat (%.1f m), %.0f m over its foot",
              fi.z, top - here, top - top2, top - foot);
    }
    {
        /* world.layout moves features: a lake laid out behind the origin,
         * a river through given points */
        oy_layout_item lay[OY_FEAT_COUNT];
        memset(lay, 0, sizeof lay);
        lay[OY_FEAT_LAKE] = (oy_layout_item){ .given = 1, .has_at = 1, .at = { -300, -500 },
                                              .has_size = 1, .size = 200 };
        lay[OY_FEAT_RIVER] = (oy_layout_item){ .given = 1, .npts = 3,
                                               .through = { { -400, 0 }, { 0, 300 }, { 400, 0 } } };
        /* a coast beside them must not fill their beds */
        lay[OY_FEAT_COAST] = (oy_layout_item){ .given = 1, .npts = 2, .sea = 1,
                                               .through = { { 700, -900 }, { 700, 900 } } };
        oy_world *wl = NULL;
        oy_state s0;
        state_with(&s0, OY_CH_RELIEF, 0.4f, OY_CH_HILLS, 0.3f);
        if (oy_world_new(&wl, 42, lay) < 0) {
            CHECK(0, "world with a layout");
        } else {
            oy_place_info c, r, dry;
            oy_world_place(wl, &s0, -300.0, -500.0, &c);
            oy_world_place(wl, &s0, 0.0, 300.0, &r);
            oy_world_place(wl, &s0, 0.0, 0.0, &dry);
            CHECK(c.water > -1e8f && c.water_kind == OY_WATER_LAKE,
                  "layout: the lake stands where it was placed, though the prompt names none");
            CHECK(r.water > -1e8f && r.water_kind == OY_WATER_RIVER,
                  "layout: the river runs through its points");
            CHECK(dry.water < -1e8f, "layout: the ground between is dry");
            oy_place_info sea;
            oy_world_place(wl, &s0, 1000.0, 0.0, &sea);
            CHECK(sea.water > -1e8f && sea.water_kind == OY_WATER_SEA,
                  "layout: the sea lies on the coast's sea side");
            int wet;
            int bad = water_walls(wl, &s0, -420.0, -620.0, 240.0, 6.0, &wet);
            CHECK(wet > 100 && bad == 0, "a placed lake holds its water (%d wet, %d walls)", wet, bad);
        }
        oy_world_free(&wl);
    }
    {
        /* two shots in one process keep their worlds apart: a world made
         * where a freed one stood, with its seed but another layout, is
         * not drawn with the freed one's shape */
        oy_layout_item lay[OY_FEAT_COUNT];
        oy_world *a = NULL, *b = NULL, *fresh = NULL, *other = NULL;
        oy_place_info pa, pb, pf;
        oy_state s0;
        memset(lay, 0, sizeof lay);
        lay[OY_FEAT_LAKE] = (oy_layout_item){ .given = 1, .has_at = 1, .at = { 0, 0 },
                                              .has_size = 1, .size = 300 };
        state_with(&s0, OY_CH_RELIEF, 0.4f, OY_CH_HILLS, 0.3f);
        CHECK(oy_world_new(&a, 9, lay) == 0, "first world");
        oy_world_place(a, &s0, 0.0, 0.0, &pa);
        oy_world_free(&a);
        CHECK(oy_world_new(&b, 9, NULL) == 0, "second world, same seed, no lake");
        oy_world_place(b, &s0, 0.0, 0.0, &pb);
        CHECK(oy_world_new(&other, 10, NULL) == 0 && oy_world_new(&fresh, 9, NULL) == 0, "reference worlds");
        oy_world_place(other, &s0, 0.0, 0.0, &pf);
        oy_world_place(fresh, &s0, 0.0, 0.0, &pf);
        CHECK(pa.water_kind == OY_WATER_LAKE && pb.water == pf.water && pb.ground == pf.ground,
              "a second world at a freed one's place is its own (lake %d, water %g vs %g)",
              pa.water_kind, pb.water, pf.water);
        oy_world_free(&b);
        oy_world_free(&other);
        oy_world_free(&fresh);
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
        /* "a lake fed by a river": the river's valley does not bring the
         * lake's near banks down below its water, nor fill its bed */
        oy_state lr;
        state_with(&lr, OY_CH_LAKE, 1.0f, OY_CH_RIVER, 1.0f);
        int wet = 0, bad = water_walls(w, &lr, -120.0, -20.0, 240.0, 3.0, &wet);
        CHECK(wet > 1000 && bad == 0, "a lake with a river: %d wet samples, %d by dry ground lower than the water",
              wet, bad);
        /* a lake in a swamp lies at the swamp's level: the marsh round it,
         * settled to that level, stood below the lake's water */
        state_with(&lr, OY_CH_LAKE, 1.0f, OY_CH_BIOME_SWAMP, 1.0f);
        wet = 0;
        bad = water_walls(w, &lr, -150.0, -20.0, 300.0, 3.0, &wet);
        CHECK(wet > 1000 && bad == 0, "a lake in a swamp: %d wet samples, %d by dry ground lower than the water",
              wet, bad);
    }
    {
        /* "a small island in a calm sea": the coast's line, which runs by
         * the default view, does not cut the island */
        oy_state si;
        oy_world_shape sh;
        state_with(&si, OY_CH_ISLAND, 0.7f, OY_CH_COAST, 1.0f);
        oy_world_shape_init(&sh, w, &si);
        int wet = 0;
        for (int i = 0; i < 32; i++) {
            double a = i * (2.0 * OY_PI / 32.0);
            oy_world_point p;
            oy_world_eval(w, &sh, sh.island_x + 0.7 * sh.island_r * sin(a),
                          sh.island_z + 0.7 * sh.island_r * cos(a), 0.5f, &p);
            wet += p.water > p.ground;
        }
        CHECK(wet == 0, "an island in the sea is whole (%d of 32 points 70 %% out from its centre are sea)", wet);
    }
    {
        /* rice terraces: flat treads a step apart near the set, some
         * flooded; the same hills without them are not stepped */
        oy_state sp, sn;
        oy_world_shape sh;
        state_with(&sp, OY_CH_PADDIES, 1.0f, OY_CH_HILLS, 0.95f);
        state_with(&sn, OY_CH_PADDIES, 0.0f, OY_CH_HILLS, 0.95f);
        oy_world_shape_init(&sh, w, &sp);
        int on_step[2] = { 0, 0 }, flooded = 0, n = 0;
        for (int i = 0; i < 800; i++, n++) {
            double x = -100.0 + 0.25 * i, z = 60.0;
            for (int k = 0; k < 2; k++) {
                float g = oy_world_ground(w, k ? &sn : &sp, x, z), r = g / OY_PADDY_STEP;
                on_step[k] += fabsf(r - roundf(r)) * OY_PADDY_STEP < 0.02f;
            }
            oy_world_point p;
            float g = oy_world_eval(w, &sh, x, z, 0.25f, &p);
            float slope = fabsf(oy_world_eval(w, &sh, x + 0.5, z, 0.25f, NULL) - g) / 0.5f;
            oy_world_material(w, &sh, x, z, slope, &p);
            flooded += p.flood > 0.5f;
        }
        CHECK(on_step[0] > n / 2 && on_step[1] < n / 10,
              "rice terraces step the hills: %d of %d points on a tread, %d without", on_step[0], n, on_step[1]);
        CHECK(flooded > n / 10 && flooded < n * 9 / 10, "some of the treads are flooded (%d of %d)", flooded, n);
    }
    {
        /* a sea of cloud: the view stands on a summit over it, the land
         * round it below the cloud's top from a few hundred metres out,
         * white and bare where the cloud covers it; without it the same
         * mountains show their land */
        oy_state sc, sm;
        oy_world_shape sh;
        state_with(&sc, OY_CH_CLOUD_SEA, 1.0f, OY_CH_RELIEF, 0.85f);
        state_with(&sm, OY_CH_CLOUD_SEA, 0.0f, OY_CH_RELIEF, 0.85f);
        oy_world_shape_init(&sh, w, &sc);
        float top = oy_world_ground(w, &sc, 0.0, 0.0);
        int cloud = 0, white = 0, n = 0, under[2] = { 0, 0 };
        for (int i = 0; i < 64; i++) {
            double a = i * (2.0 * OY_PI / 64.0), r = 500.0 + 25.0 * i;
            oy_world_point p;
            oy_world_eval(w, &sh, r * sin(a), r * cos(a), 0.5f, &p);
            oy_world_material(w, &sh, r * sin(a), r * cos(a), 0.0f, &p);
            cloud += p.cloud > 0.99f;
            white += p.cloud > 0.99f && p.rgb[1] > 0.6f && p.canopy == 0.0f;
            n++;
            for (int k = 0; k < 2; k++)
                under[k] += oy_world_ground(w, k ? &sm : &sc, r * sin(a), r * cos(a)) < top - 100.0f;
        }
        CHECK(top > sh.deck + 50.0f && cloud > n * 2 / 3 && white == cloud,
              "a sea of cloud: the summit underfoot stands %.0f m over its mean top, which covers %d of %d "
              "points 0.5-2 km out (%d white and treeless)", top - sh.deck, cloud, n, white);
        CHECK(under[0] == 0 && under[1] > n / 2, "nothing lies 100 m below the summit, under the cloud's billows "
              "(%d points; %d without the cloud)", under[0], under[1]);
        /* a valley in the words too ("a mountain pass, fog below") cuts
         * no floor under the summit: the view stood in the cloud */
        sc.ch[OY_CH_VALLEY] = 1.0f;
        oy_world_shape_init(&sh, w, &sc);
        top = oy_world_ground(w, &sc, 0.0, 0.0);
        CHECK(top > sh.deck + 50.0f, "a mountain pass over a sea of cloud: the view stands %.0f m over its top",
              top - sh.deck);
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
