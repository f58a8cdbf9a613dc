/*
 * shot.c - opening a shot: script, concept bank, model, world and camera,
 * in that order, and what `oyster check` prints about it.
 */
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shot.h"
#include "../camera/walker.h"
#include "../audio/audio.h"
#include "../overlay/overlay.h"

/* The shore along the ray (ux, uz) from (x, z): the last dry ground wmin
 * to 12 m from the water before the first water d0 to d1 out; 0 if none. */
static int seek_shore(const oyster_shot *shot, const oy_state *st, double x, double z, float ux, float uz,
                      float d0, float d1, float wmin, float out[2])
{
    int found = 0;
    for (float d = d0; d <= d1; d += 4.0f) {
        double px = x + ux * d, pz = z + uz * d;
        oy_place_info pi;
        oy_world_place(shot->world, st, px, pz, &pi);
        if (pi.water > pi.ground)
            break;
        if (pi.water_dist <= 12.0f && pi.water_dist > wmin) {
            out[0] = (float)px;
            out[1] = (float)pz;
            found = 1;
        } else if (found) {
            break;
        }
    }
    return found;
}

/* A pier's foot: moved along the shore at (out) across the view (ground
 * forward fx, fz) 6-16 m to one side, the side first, so that the view
 * sees the pier reach out over the water from beside it rather than
 * along it from under the camera; kept where no shore is there. */
static void pier_aside(const oyster_shot *shot, const oy_state *st, float fx, float fz, float side, float out[2])
{
    for (int pass = 0; pass < 2; pass++) {
        float s = (side < 0.0f) == (pass == 0) ? -1.0f : 1.0f;
        for (float off = 6.0f; off <= 16.0f; off += 2.0f) {
            double x = out[0] + fz * s * off, z = out[1] - fx * s * off;
            oy_place_info pi;
            oy_world_place(shot->world, st, x, z, &pi);
            if (!(pi.water > pi.ground) && pi.water_dist > 2.0f && pi.water_dist <= 12.0f) {
                out[0] = (float)x;
                out[1] = (float)z;
                return;
            }
        }
    }
}

/* A place on or by the pier whose foot is at out (its own heading yaw,
 * degrees): along m out along the deck the renderer lays from there, past
 * the water's edge, and side m to the side of the deck the view v sees. */
static void on_pier(const oyster_shot *shot, const oy_state *st, const oy_view *v, float along, float side,
                    float yaw, float out[2])
{
    oy_world_shape sh;
    oy_world_shape_init(&sh, shot->world, st);
    float first, level = 0.0f;
    float h = oy_world_pier_heading(shot->world, &sh, out[0], out[1], yaw * (float)(OY_PI / 180.0), &first, &level);
    float fx = oy_sinf(h), fz = oy_cosf(h), d = first + along;
    /* the deck's side toward the camera */
    float s = fz * (float)(v->pos[0] - out[0]) - fx * (float)(v->pos[2] - out[1]) >= 0.0f ? 1.0f : -1.0f;
    out[0] += fx * d + fz * s * side;
    out[1] += fz * d - fx * s * side;
}

/* `along` metres along the deck of the bridge whose middle out holds
 * and whose own heading is yaw (degrees), the way it crosses the water
 * (as objects.c lays it) */
static void on_span(const oyster_shot *shot, const oy_state *st, float along, float yaw, float out[2])
{
    oy_world_shape sh;
    oy_world_shape_init(&sh, shot->world, st);
    oy_world_point pt;
    float g = oy_world_eval(shot->world, &sh, out[0], out[1], 0.25f, &pt), span, g0, g1;
    float h = yaw * (float)(OY_PI / 180.0);
    oy_world_gap gap;
    if (!(pt.water > g) && oy_world_gap_at(shot->world, &sh, out[0], out[1], h, &gap)) {
        h = gap.yaw;
        out[0] = (float)gap.mid[0];
        out[1] = (float)gap.mid[1];
    } else {
        h = oy_world_span_heading(shot->world, &sh, out[0], out[1], h, pt.water > g, &span, &g0, &g1);
    }
    out[0] += oy_sinf(h) * along;
    out[1] += oy_cosf(h) * along;
}

/* The ground under a thing reaching r m from x, z keeps near its
 * middle's height g, so a building (which stands on the lowest ground
 * under its walls) is not sunk into a cliff's edge */
static int level_under(const oyster_shot *shot, const oy_state *st, double x, double z, float g, float r)
{
    if (r < 3.0f)
        return 1;
    for (int i = 0; i < 8; i++) {
        float a = 0.7853982f * (float)i;
        if (oy_world_ground(shot->world, st, x + 0.8f * r * oy_sinf(a), z + 0.8f * r * oy_cosf(a)) <
            g - fmaxf(3.0f, 0.25f * r))
            return 0;
    }
    return 1;
}

/* High ground in view within 15 degrees of the ray (ux, uz) from the
 * camera at (x, y, z): the dry point dmin-600 m out, seen from the
 * camera, that rises most above the camera's ground (nearer and nearer
 * the middle win a tie, and the smaller the thing the more nearer
 * counts, so a graveyard on a hill stays big enough to read), its foot
 * no higher in the view than 7 degrees.
 * Of those, and of the points on to 1 km out, where a thing h m tall
 * stands whole in a level view's frame (its top under 8 degrees), if
 * that ground still rises a third as high (a castle on a sea cliff the
 * view stands under is seen from farther along the cliff), or else a
 * hill seen whole farther off; 0 if none. */
static int seek_high(const oyster_shot *shot, const oy_state *st, double x, double y, double z, float ux,
                     float uz, float dmin, float h, float reach, float out[2])
{
    /* the best of: any (0), seen whole (1), seen whole with its foot
     * hidden or beyond 600 m (2) */
    float best[3] = { -1e30f, -1e30f, -1e30f }, rise[3] = { 0.0f, 0.0f, 0.0f }, at[3][2] = { { 0 } };
    /* and the nearest ground seen whole that rises 10 m, whatever the
     * distance counts against it */
    float hill_d = 1e30f, hill_at[2] = { 0.0f, 0.0f }, hill_top = 0.0f;
    float g0 = oy_world_ground(shot->world, st, x, z), per_m = 0.08f + 0.3f * oy_smoothstepf(6.0f, 1.5f, h);
    for (int k = -3; k <= 3; k++) {
        float a = 0.0873f * (float)k, c = oy_cosf(a), s = oy_sinf(a);
        float vx = ux * c + uz * s, vz = uz * c - ux * s, seen = -1e30f;
        for (float d = 10.0f; d <= 1000.0f; d += d < 400.0f ? 10.0f : 20.0f) {
            double px = x + vx * d, pz = z + vz * d;
            oy_place_info pi;
            oy_world_place(shot->world, st, px, pz, &pi);
            float slope = (pi.ground - (float)y) / d;
            int visible = slope >= seen && d <= 600.0f, top_seen = slope + 0.5f * h / d >= seen;
            /* a forest's crowns hide what stands behind them */
            seen = fmaxf(seen, slope + pi.canopy / d);
            float score = pi.ground - g0 - per_m * d - (float)abs(k);
            if (!top_seen || d < dmin || slope >= 0.12f || pi.water > pi.ground ||
                !level_under(shot, st, px, pz, pi.ground, reach))
                continue;
            int whole = slope + h / d < 0.14f;
            /* (on up that hill's slope to its top, 150 m on at most) */
            if (whole && pi.ground - g0 >= 10.0f && (d < hill_d || (d < hill_d + 150.0f && pi.ground > hill_top))) {
                hill_d = fminf(hill_d, d);
                hill_top = pi.ground;
                hill_at[0] = (float)px;
                hill_at[1] = (float)pz;
            }
            for (int cat = visible ? 0 : 2; cat < 3; cat++)
                if ((cat == 0 || (whole && cat == 1 + !visible)) && score > best[cat]) {
                    best[cat] = score;
                    rise[cat] = pi.ground - g0;
                    at[cat][0] = (float)px;
                    at[cat][1] = (float)pz;
                }
        }
    }
    int pick = best[1] > -1e30f && rise[1] >= rise[0] / 3.0f       ? 1
               : best[2] > -1e30f && rise[2] >= 0.6f * rise[0]      ? 2
                                                                    : 0;
    /* ground that hardly rises (a beach before the hill) is not high
     * ground while a hill seen whole farther off rises 10 m or more */
    if (pick < 2 && rise[pick] < 3.0f && best[2] > -1e30f && rise[2] >= 10.0f)
        pick = 2;
    if (best[pick] <= -1e30f)
        return 0;
    out[0] = at[pick][0];
    out[1] = at[pick][1];
    /* a tall thing on a valley's floor, which the distance counts
     * against less than the hill beyond it, stands on that hill: "a
     * church on a hill in a green valley" */
    if (rise[pick] < 3.0f && h >= 6.0f && hill_d < 1e30f) {
        out[0] = hill_at[0];
        out[1] = hill_at[1];
    }
    return 1;
}

/* The run of water across the ray (vx, vz) through x, z, each way to
 * 40 m at most */
static float wet_across(const oyster_shot *shot, const oy_state *st, double x, double z, float vx, float vz)
{
    float run = 0.0f;
    for (int side = -1; side <= 1; side += 2)
        for (float d = 2.5f; d <= 40.0f; d += 2.5f) {
            oy_place_info pi;
            oy_world_place(shot->world, st, x - side * vz * d, z + side * vx * d, &pi);
            if (!(pi.water > pi.ground))
                break;
            run += 2.5f;
        }
    return run;
}

/* Water the camera at (x, z) sees within 15 degrees of the ray (ux, uz),
 * 10-300 m out: the middle of the run of water along a ray nearest to d0
 * out and to the middle of the view, where a bridge the words name
 * crosses it; 0 if none. A bridge spans the shorter way over the water,
 * along the ray or across it; one whose span would reach past 16 degrees
 * off the view's heading (fx, fz), out of the frame, counts against its
 * place. */
static int seek_water(const oyster_shot *shot, const oy_state *st, double x, double z, float ux, float uz,
                      float fx, float fz, float d0, float out[2])
{
    float best = -1e30f;
    int found = 0;
    for (int k = -3; k <= 3; k++) {
        float a = 0.0873f * (float)k, c = oy_cosf(a), s = oy_sinf(a);
        float vx = ux * c + uz * s, vz = uz * c - ux * s, wet0 = -1.0f;
        float off = fabsf(oy_atan2f(vx * fz - vz * fx, vx * fx + vz * fz)) * 57.29578f;
        for (float d = 10.0f; d <= 305.0f; d += 2.5f) {
            oy_place_info pi;
            oy_world_place(shot->world, st, x + vx * d, z + vz * d, &pi);
            int wet = pi.water > pi.ground && d <= 300.0f;
            if (wet && wet0 < 0.0f)
                wet0 = d;
            if (wet || wet0 < 0.0f)
                continue;
            /* a run of water along the ray ends: its middle */
            float mid = 0.5f * (wet0 + d - 2.5f), score = -fabsf(mid - d0) - 15.0f * (float)abs(k);
            if (score > best) {
                double mx = x + vx * mid, mz = z + vz * mid;
                float span = fminf(d - wet0, wet_across(shot, st, mx, mz, vx, vz));
                float over = off + oy_atan2f(0.5f * span, mid) * 57.29578f - 16.0f;
                score -= over > 0.0f ? 8.0f * over : 0.0f;
            }
            if (score > best) {
                best = score;
                out[0] = (float)(x + vx * mid);
                out[1] = (float)(z + vz * mid);
                found = 1;
            }
            wet0 = -1.0f;
        }
    }
    return found;
}

/* A bridge where no water is: over the first dry gap (a gorge) along
 * the ray (ux, uz) from the camera at (x, y, z), d0-300 m out, far
 * enough that its deck and rails stand in the upper part of a level
 * view (thy: the tangent of half its height); 0 if none. */
static int seek_gap(const oyster_shot *shot, const oy_state *st, double x, double y, double z, float ux, float uz,
                    float d0, float thy, float out[2])
{
    oy_world_shape sh;
    oy_world_shape_init(&sh, shot->world, st);
    for (float d = d0; d <= 300.0f; d += 5.0f) {
        oy_world_gap gap;
        if (oy_world_gap_at(shot->world, &sh, x + ux * d, z + uz * d, oy_atan2f(uz, -ux), &gap) &&
            gap.top + 3.0f < (float)y + 0.7f * d * thy) {
            out[0] = (float)gap.mid[0];
            out[1] = (float)gap.mid[1];
            return 1;
        }
    }
    return 0;
}

/* Water all round x, z out to r metres (eight bearings, at r and r/2) */
static int afloat_round(const oyster_shot *shot, const oy_state *st, double x, double z, float r)
{
    for (int i = 0; i < 16; i++) {
        float a = 0.7853982f * (float)(i & 7), d = i < 8 ? r : 0.5f * r;
        oy_place_info pi;
        oy_world_place(shot->world, st, x + d * oy_sinf(a), z + d * oy_cosf(a), &pi);
        if (!(pi.water > pi.ground))
            return 0;
    }
    return 1;
}

/* Open water the camera at (x, y, z) sees within 15 degrees of the ray
 * (ux, uz), 8-300 m out, with 6 m of water before and after it along
 * the ray, water all round it out to reach metres (a ship's
 * length does not run aground), and far enough that the water line is
 * in the upper part of a level view's lower half (8 times the camera's
 * height above the water): the point nearest to d0 out and to the
 * middle of the view, where a boat the words name floats; 0 if none. */
static int seek_afloat(const oyster_shot *shot, const oy_state *st, double x, double y, double z, float ux,
                       float uz, float d0, float reach, float out[2])
{
    enum { STEP = 2, FROM = 4, STEPS = 150, CLEAR = 3 };   /* 8-300 m, 6 m clear */
    float best = -1e30f;
    int found = 0;
    for (int k = -3; k <= 3; k++) {
        float a = 0.0873f * (float)k, c = oy_cosf(a), s = oy_sinf(a);
        float vx = ux * c + uz * s, vz = uz * c - ux * s;
        int run = 0;               /* wet samples in a row up to i */
        for (int i = FROM; i <= STEPS; i++) {
            float d = (float)(STEP * i);
            oy_place_info pi;
            oy_world_place(shot->world, st, x + vx * d, z + vz * d, &pi);
            run = pi.water > pi.ground ? run + 1 : 0;
            /* the sample CLEAR steps back has CLEAR wet ones on each side */
            float dm = d - (float)(STEP * CLEAR), score = -fabsf(dm - d0) - 15.0f * (float)abs(k);
            /* out 8 times the camera's height over the water, where a
             * level view sees it well inside the frame; 5 times (near its
             * foot) where the words want it nearer (in a fog) */
            float above = (float)y - pi.water, low = (d0 < 8.0f * above ? 5.0f : 8.0f) * above;
            if (run > 2 * CLEAR && dm >= low && score > best &&
                afloat_round(shot, st, x + vx * dm, z + vz * dm, reach)) {
                best = score;
                out[0] = (float)(x + vx * dm);
                out[1] = (float)(z + vz * dm);
                found = 1;
            }
        }
    }
    return found;
}

/* A river the camera at (x, z) sees within 15 degrees of the ray (ux,
 * uz), d0 to 1.8 d0 out, the nearer and the nearer the middle of the view
 * the better: the middle of its water across the view there, where a
 * waterfall the words name stands across its course; 0 if none. */
static int seek_river(const oyster_shot *shot, const oy_state *st, double x, double z, float ux, float uz,
                      float d0, float out[2])
{
    float best = -1e30f, at[2] = { 0.0f, 0.0f };
    for (int k = -3; k <= 3; k++) {
        float a = 0.0873f * (float)k, c = oy_cosf(a), s = oy_sinf(a);
        float vx = ux * c + uz * s, vz = uz * c - ux * s;
        for (float d = d0; d <= 1.8f * d0; d += 5.0f) {
            oy_place_info pi;
            oy_world_place(shot->world, st, x + vx * d, z + vz * d, &pi);
            float score = -(d - d0) - 15.0f * (float)abs(k);
            if (pi.water > pi.ground && pi.water_kind == OY_WATER_RIVER) {
                if (score > best) {
                    best = score;
                    at[0] = (float)(x + vx * d);
                    at[1] = (float)(z + vz * d);
                }
                break;
            }
        }
    }
    if (best <= -1e30f)
        return 0;
    /* across the view from there, the run of river water it lies in */
    float lo = 0.0f, hi = 0.0f;
    for (int side = -1; side <= 1; side += 2)
        for (float u = 2.0f; u <= 120.0f; u += 2.0f) {
            oy_place_info pi;
            oy_world_place(shot->world, st, at[0] + uz * u * (float)side, at[1] - ux * u * (float)side, &pi);
            if (!(pi.water > pi.ground && pi.water_kind == OY_WATER_RIVER))
                break;
            if (side < 0)
                lo = u;
            else
                hi = u;
        }
    float m = 0.5f * (hi - lo);
    out[0] = at[0] + uz * m;
    out[1] = at[1] - ux * m;
    return 1;
}

/* Whether the view v (thy the tangent of half its frame's height),
 * tilted no more than it is, sees the middle of a
 * thing h tall standing on the ground at (x, z) (of one aloft, the
 * middle of its upper half): in the frame's height, its top too, and the
 * land between not in the way. */
static int seen_whole(const oyster_shot *shot, const oy_state *st, const oy_view *v, float thy, double x, double z,
                      float h, int aloft)
{
    double g = oy_world_ground(shot->world, st, x, z), gx = g + (aloft ? 0.85 : 0.5) * h;
    double dx = x - v->pos[0], dy = gx - v->pos[1], dz = z - v->pos[2];
    double l = sqrt(dx * dx + dy * dy + dz * dz);
    if (l < 1e-3)
        return 1;
    /* how far below the middle of the frame it stands, as a tangent, and
     * how far above it its top */
    double f = (dx * v->fwd.x + dy * v->fwd.y + dz * v->fwd.z) / l;
    double u = (dx * v->up.x + dy * v->up.y + dz * v->up.z) / l;
    double ty = g + h - v->pos[1];
    double ft = dx * v->fwd.x + ty * v->fwd.y + dz * v->fwd.z, ut = dx * v->up.x + ty * v->up.y + dz * v->up.z;
    if (f <= 0.0 || u / f < -0.85 * thy || ft <= 0.0 || ut / ft > 0.95 * thy)
        return 0;
    /* the land along the line, closely near the eye, where a rise a few
     * metres off hides most, and with a metre to spare beyond 40 m, for
     * the crops and grass on a crest (a farmhouse behind a rise of
     * lavender) */
    double hl = sqrt(dx * dx + dz * dz);
    for (double r = 2.0; r < 0.97 * hl; r *= 1.12) {
        double s = r / hl, spare = oy_smoothstepf(10.0f, 40.0f, (float)r);
        if (oy_world_ground(shot->world, st, v->pos[0] + dx * s, v->pos[2] + dz * s) + spare > v->pos[1] + dy * s)
            return 0;
    }
    return 1;
}

/* The view things are placed by at time t: the camera's, or at
 * OY_SET_VIEW the set's own (the world prompt's things), framed 16:9
 * whatever the output, so the set is the same from any camera and size.
 * Returns the tangent of half the frame's height. */
static float anchor_view(const oyster_shot *shot, double t, oy_state *st, oy_view *v)
{
    if (t == OY_SET_VIEW) {
        oy_model_eval(shot->model, 0.0, st, shot->ents);
        oy_camera_set_view(shot->camera, st, v);
        return v->tan_half_fov_x * 9.0f / 16.0f;
    }
    oy_shot_eval(shot, t, st, shot->ents, v);
    return v->tan_half_fov_x * (float)shot->script->output.height / (float)shot->script->output.width;
}

static void place_anchor(void *ctx, double t, float ahead, float lateral, int seek, float stand_off,
                         float reach, float out[2])
{
    oyster_shot *shot = ctx;
    oy_state st;
    oy_view v;
    float fx, fz, l;

    float thy = anchor_view(shot, t, &st, &v);
    if (seek == OY_SEEK_PIER) {
        on_pier(shot, &st, &v, ahead, lateral, reach, out);
        return;
    }
    if (seek == OY_SEEK_SPAN) {
        on_span(shot, &st, ahead, reach, out);
        return;
    }
    /* forward along the ground, whatever the pitch */
    fx = v.fwd.x;
    fz = v.fwd.z;
    l = sqrtf(fx * fx + fz * fz);
    if (l < 1e-4f) {
        fx = v.up.x;
        fz = v.up.z;
        l = sqrtf(fx * fx + fz * fz);
    }
    fx /= l;
    fz /= l;
    out[0] = (float)v.pos[0] + fx * ahead + fz * lateral;
    out[1] = (float)v.pos[2] + fz * ahead - fx * lateral;
    if (seek == OY_SEEK_RIVER) {
        /* a waterfall: across a river the view sees, no nearer than it
         * sees it whole; else where any landform stands */
        float d = sqrtf((float)((out[0] - v.pos[0]) * (out[0] - v.pos[0]) + (out[1] - v.pos[2]) * (out[1] - v.pos[2])));
        if (d > 1e-3f && seek_river(shot, &st, v.pos[0], v.pos[2], (out[0] - (float)v.pos[0]) / d,
                                    (out[1] - (float)v.pos[2]) / d, fmaxf(d, stand_off), out))
            return;
        seek = OY_SEEK_NONE;
    }
    int aloft = seek == OY_SEEK_SKY;
    if (aloft)
        seek = OY_SEEK_NONE;
    if (seek == OY_SEEK_NONE && ahead > 0.0f && stand_off > 0.0f) {
        /* a tall thing or a landform the land hides from the view, or
         * puts below its frame (a steam vent on a crater's floor seen
         * from the rim) or above it (a balloon over a hill), stands
         * farther out along the same line where the view sees it; one
         * aloft may rise from behind the land */
        float h = stand_off / 6.3f;
        int seen = 0;
        for (int k = 0; k <= 25 && !seen; k++) {
            float m = 1.0f + 0.2f * (float)k;
            double x = v.pos[0] + (fx * ahead + fz * lateral) * m, z = v.pos[2] + (fz * ahead - fx * lateral) * m;
            if ((seen = seen_whole(shot, &st, &v, thy, x, z, h, aloft)) && k > 0) {
                out[0] = (float)x;
                out[1] = (float)z;
            }
        }
        /* where a rise hides the whole line (a farmhouse in the distance
         * behind a hill of lavender), nearer on it, then a little to
         * either side, near and far, no nearer than it stands off */
        static const float turns[] = { 0.0f, 0.1f, -0.1f, 0.2f, -0.2f, 0.3f, -0.3f };
        static const float dists[] = { 0.8f, 0.65f, 0.5f, 1.0f, 1.5f, 2.0f };
        double l0 = sqrt((double)ahead * ahead + (double)lateral * lateral);
        float il = 1.0f / (float)fmax(l0, 1e-3);
        float ux = (fx * ahead + fz * lateral) * il, uz = (fz * ahead - fx * lateral) * il;
        for (int a = 0; a < 7 && !seen && l0 > 1e-3; a++) {
            float c = oy_cosf(turns[a]), s = oy_sinf(turns[a]);
            float rx = ux * c + uz * s, rz = uz * c - ux * s;
            for (int k = 0; k < 6 && !seen; k++) {
                double d = l0 * dists[k];
                if ((a == 0 && dists[k] >= 1.0f) || d < stand_off)
                    continue;
                double x = v.pos[0] + rx * d, z = v.pos[2] + rz * d;
                if ((seen = seen_whole(shot, &st, &v, thy, x, z, h, aloft))) {
                    out[0] = (float)x;
                    out[1] = (float)z;
                }
            }
        }
    }
    if (seek != OY_SEEK_NONE) {
        /* look along the line from the camera through the place; a
         * thing by the water stands on the shore to one side of the view,
         * framing the water rather than hiding it */
        float dx = out[0] - (float)v.pos[0], dz = out[1] - (float)v.pos[2], d = sqrtf(dx * dx + dz * dz);
        if (d > 1e-3f && (seek == OY_SEEK_SHORE || seek == OY_SEEK_REACH)) {
            /* a shore 30 m off or more (a small thing's as far off as
             * a level view sees it whole, 12 m or more), turning toward
             * the frame's edge for it; else the near one, turned less,
             * the whole thing in the frame. A wide thing (a village)
             * tries the other side too, no farther than twice as far as
             * the words put it, and stands a quarter as far or more; a
             * small one (a bench, a tent) tries it too, no farther than
             * 50 m, where it reads. A tall thing (model.c put it
             * farther) stands no nearer than that, turning either way,
             * and stays where the words put it when no shore is (kept
             * dry later). A pier stands on a shore 25-150 m off, into
             * the view, its foot at the water's edge if need be, or else
             * on the nearest shore. None stands nearer than its
             * stand-off (a small one half of it): a house is not built
             * over the camera, an elephant does not fill the frame. */
            int reach = seek == OY_SEEK_REACH;
            int found = 0, tall = stand_off > 60.0f, wide = !tall && !reach && d > 60.0f;
            int small = !reach && !wide && stand_off < 20.0f;
            float a0 = oy_clampf(oy_atan2f(lateral, fabsf(ahead) + 1.0f), -0.1f, 0.1f);
            float side = lateral < 0.0f ? -0.07f : 0.07f;
            float near = tall ? 0.95f * stand_off : reach ? 25.0f : oy_clampf(stand_off, 12.0f, 30.0f);
            float far = wide ? 2.0f * d : reach ? 150.0f : small ? 50.0f : 800.0f;
            for (int k = 1; k <= 7 - tall && !found; k++) {
                if (k > 3 && k < 7 && !tall && !wide && !small)
                    continue;
                float a = a0 + (k <= 3 ? side * (float)k : k <= 6 ? -side * (float)(k - 3) : side);
                float c = oy_cosf(a), s = oy_sinf(a);
                float ux = fx * c + fz * s, uz = fz * c - fx * s;
                float d0 = k < 7 ? near : reach ? 4.0f : fmaxf(fmaxf(4.0f, 0.25f * d), small ? 0.5f * stand_off : stand_off);
                found = seek_shore(shot, &st, v.pos[0], v.pos[2], ux, uz, d0, k < 7 || reach ? far : 800.0f,
                                   reach && k < 7 ? 0.5f : 4.0f, out);
            }
            if (found && reach)
                pier_aside(shot, &st, fx, fz, side, out);
        } else if (d > 1e-3f && seek == OY_SEEK_WATER) {
            if (!seek_water(shot, &st, v.pos[0], v.pos[2], dx / d, dz / d, fx, fz, d, out))
                seek_gap(shot, &st, v.pos[0], v.pos[1], v.pos[2], dx / d, dz / d, d, thy, out);
        } else if (d > 1e-3f && seek == OY_SEEK_AFLOAT) {
            /* afloat in the view: the line turned to within 12 degrees
             * of its middle (several spread wide still show) */
            float a = oy_clampf(oy_atan2f(dx * fz - dz * fx, dx * fx + dz * fz), -0.21f, 0.21f);
            float c = oy_cosf(a), s = oy_sinf(a);
            float ux = fx * c + fz * s, uz = fz * c - fx * s;
            /* a ship or a huge iceberg (reaching 16 m and more, its
             * size counted) wants sea all round it */
            float hull = reach >= 16.0f ? reach : 0.0f;
            if (!hull || !seek_afloat(shot, &st, v.pos[0], v.pos[1], v.pos[2], ux, uz, d, hull, out))
                seek_afloat(shot, &st, v.pos[0], v.pos[1], v.pos[2], ux, uz, d, 0.0f, out);
        } else if (d > 1e-3f) {
            /* no nearer than the words put it: a tall thing stands off
             * until a level view sees it whole (model.c) */
            seek_high(shot, &st, v.pos[0], v.pos[1], v.pos[2], dx / d, dz / d, fmaxf(40.0f, 0.95f * stand_off),
                      stand_off / 6.3f, reach, out);
        }
    }
}

/* dry ground a few metres in from the water's edge */
static int dry_at(const oyster_shot *shot, const oy_state *st, double x, double z, float foot)
{
    oy_place_info pi;
    oy_world_place(shot->world, st, x, z, &pi);
    return !(pi.water > pi.ground) && pi.water_dist > fmaxf(foot, 6.0f);
}

/* Water at x, z or within a few metres, for what the words set going: a
 * frozen lake is ground to skate on */
static int wet_at(void *ctx, double t, float x, float z)
{
    oyster_shot *shot = ctx;
    oy_state st;
    oy_view v;
    anchor_view(shot, t, &st, &v);
    if (st.ch[OY_CH_ICE] >= 0.5f) {
        oy_place_info pi;
        oy_world_place(shot->world, &st, x, z, &pi);
        if (pi.water_kind == OY_WATER_LAKE)
            return 0;
    }
    return !dry_at(shot, &st, x, z, 0.0f);
}

/* In water at x, z, or within foot metres of it: move to dry ground
 * that far from the water. The view at time t looks across
 * the water at it, so the far shore beyond it (up to 800 m on) comes
 * first, then the near one while that keeps it at least 60 % as far from
 * the camera (a tall thing stands off to be seen whole), then rings round
 * the place. A river is ground enough for what stands across one
 * (river_ok: a waterfall). */
static int keep_dry(void *ctx, double t, int river_ok, float clear, float foot, float xz[2])
{
    oyster_shot *shot = ctx;
    oy_state st;
    oy_view v;
    anchor_view(shot, t, &st, &v);
    oy_place_info pi;
    oy_world_place(shot->world, &st, xz[0], xz[1], &pi);
    if (river_ok && pi.water_kind == OY_WATER_RIVER)
        return 0;
    if (!(pi.water > pi.ground) && pi.water_dist >= foot)
        return 0;
    float dx = xz[0] - (float)v.pos[0], dz = xz[1] - (float)v.pos[2], l = sqrtf(dx * dx + dz * dz);
    if (l > 1.0f) {
        for (int side = 1; side >= -1; side -= 2)
            for (int s = 1; s <= 100; s++) {
                double x = xz[0] + side * dx / l * 8.0f * (float)s, z = xz[1] + side * dz / l * 8.0f * (float)s;
                if (side < 0 && 8.0f * (float)s > 0.4f * l)
                    break;
                if (dry_at(shot, &st, x, z, foot)) {
                    xz[0] = (float)x;
                    xz[1] = (float)z;
                    return 1;
                }
            }
    }
    /* the rings: first only where the view sees it (within 15 degrees
     * of the line to it, no nearer than half as far), then anywhere
     * clear of the camera, then anywhere */
    for (int pass = 0; pass < 3; pass++)
        for (int ring = 1; ring <= 60; ring++) {
            float r = 8.0f * (float)ring;
            int n = 8 + 4 * ring;
            for (int i = 0; i < n; i++) {
                float a = 6.2831853f * (float)i / (float)n;
                double x = xz[0] + r * oy_sinf(a), z = xz[1] + r * oy_cosf(a);
                float vx = (float)(x - v.pos[0]), vz = (float)(z - v.pos[2]), vl = sqrtf(vx * vx + vz * vz);
                int seen = l > 1.0f && vl >= 0.5f * l && (vx * dx + vz * dz) >= 0.966f * vl * l;
                if ((pass == 2 || (pass == 1 && vl >= clear) || seen) && dry_at(shot, &st, x, z, foot)) {
                    xz[0] = (float)x;
                    xz[1] = (float)z;
                    return 1;
                }
            }
        }
    return 0;
}

/* Every sound: cue names an effect the audio decoder makes (it knows
 * them; the script and the model keep the names as text). */
static int check_sounds(oyster_shot *shot)
{
    int n, bad = 0;
    const oy_cue *q = oy_model_cues(shot->model, &n);

    for (int i = 0; i < n; i++) {
        const oy_directive *d = &shot->script->directives[q[i].directive];
        const char *best = NULL;
        char hint[96];
        int bd = 3;
        if (q[i].type != OY_CUE_SOUND || oy_sfx_find(q[i].name) >= 0)
            continue;
        for (int k = 0; k < OY_SFX_COUNT; k++) {
            int e = oy_edit_distance(q[i].name, oy_sfx_table[k].name, 2);
            if (e < bd) {
                bd = e;
                best = oy_sfx_table[k].name;
            }
        }
        if (best)
            snprintf(hint, sizeof hint, "did you mean '%s'? ('oyster help sounds' lists them)", best);
        oy_diag(&shot->log, OYSTER_ERROR, shot->script->path, d->value_mark.line, d->value_mark.col,
                best ? hint : "'oyster help sounds' lists them", "unknown sound '%s'", q[i].name);
        bad = 1;
    }
    return bad ? OYSTER_E_INPUT : 0;
}

/* A walk that starts in deep water stands on the bottom: say so. */
static void warn_wet_start(oyster_shot *shot)
{
    const oy_wander_desc *wd = &shot->script->wander;
    oy_state st;
    float g, top;

    oy_model_eval(shot->model, 0.0, &st, shot->ents);
    g = oy_world_ground(shot->world, &st, wd->start[0], wd->start[1]);
    top = oy_world_surface(shot->world, &st, wd->start[0], wd->start[1]);
    if (top - g > 0.5f)
        oy_diag(&shot->log, OYSTER_WARNING, shot->script->path, wd->mark.line, wd->mark.col,
                "'oyster map' shows where the shore is",
                "the walk starts in water %.1f m deep, on the bottom, until it wades out", top - g);
}

int oyster_shot_open(oyster_shot **out, const char *path, const oyster_overrides *ov,
                     oyster_log_fn fn, void *opaque)
{
    oyster_shot *shot = oy_calloc(1, sizeof *shot);
    const oy_text *voc;
    oy_log_at at;
    int err;

    if (!shot)
        return OYSTER_E_NOMEM;
    shot->log.fn = fn;
    shot->log.opaque = opaque;
    if ((err = oy_script_load(&shot->script, path, ov, &shot->log)))
        goto fail;
    /* a vocabulary file's unlocated messages point at world.vocabulary */
    voc = &shot->script->world.vocabulary;
    oy_log_at_init(&at, &shot->log, path, voc->mark.line, voc->mark.col);
    if ((err = oy_bank_new(&shot->bank, voc->s, &at.log)))
        goto fail;
    if ((err = oy_model_new(&shot->model, shot->script, shot->bank, &shot->log)) ||
        (err = check_sounds(shot)))
        goto fail;
    if ((err = oy_world_new(&shot->world, shot->script->seed, shot->script->world.layout)))
        goto fail;
    int shore = oy_model_shore_thing(shot->model);
    if (shore)
        oy_world_lake_aside(shot->world);
    int lone;
    float crown = oy_model_crown_height(shot->model, &lone);
    oy_world_hill_crown(shot->world, crown, lone);
    if (oy_model_on_land(shot->model))
        oy_world_island_things(shot->world);
    oy_world_fog_sight(shot->world, oy_model_fog_sight(shot->model));
    /* the sea ahead, unless the set has a building or a thing on a hill
     * or a shore (a lighthouse): the default shore along the view frames
     * it by the sea */
    if (oy_model_world_channel(shot->model, OY_CH_SEAWARD) >= 0.5f && crown <= 0.0f && !shore &&
        !oy_model_builds(shot->model))
        oy_world_sea_ahead(shot->world);
    if ((err = oy_camera_new(&shot->camera, shot->script, shot->model, shot->world)))
        goto fail;
    shot->ents = oy_calloc((size_t)oy_model_max_entities(shot->model), sizeof *shot->ents);
    if (!shot->ents) {
        err = OYSTER_E_NOMEM;
        goto fail;
    }
    oy_model_place_relative(shot->model, place_anchor, shot);
    oy_model_keep_dry(shot->model, keep_dry, shot, &shot->log);
    /* what the set stands on a footing has level ground under it */
    for (int i = 0; i < oy_model_entity_count(shot->model); i++) {
        float xzr[3];
        if (oy_model_footing(shot->model, (size_t)i, xzr))
            oy_world_pad(shot->world, xzr[0], xzr[1], xzr[2] + 4.0f);
    }
    if ((err = oy_model_set_going(shot->model, place_anchor, wet_at, shot)))
        goto fail;
    if (oy_camera_walker(shot->camera)) {
        oy_walker_forget(oy_camera_walker(shot->camera));
        warn_wet_start(shot);
    }
    *out = shot;
    return 0;
fail:
    oyster_shot_free(&shot);
    return err;
}

int oy_shot_place_again(oyster_shot *shot, double t0, double t1, double *first)
{
    int n = oy_model_unplace(shot->model, t0, t1, first);
    if (n) {
        oy_model_place_relative(shot->model, place_anchor, shot);
        oy_model_keep_dry(shot->model, keep_dry, shot, &shot->log);
        if (oy_model_set_going(shot->model, place_anchor, wet_at, shot))
            return OYSTER_E_NOMEM;
    }
    return n;
}

void oyster_shot_free(oyster_shot **pshot)
{
    oyster_shot *shot = *pshot;
    if (!shot)
        return;
    oy_camera_free(&shot->camera);
    oy_world_free(&shot->world);
    oy_model_free(&shot->model);
    oy_bank_free(&shot->bank);
    oy_script_free(&shot->script);
    free(shot->ents);
    free(shot);
    *pshot = NULL;
}

void oy_shot_eval(const oyster_shot *shot, double t, oy_state *st, oy_entity *ents,
                  oy_view *view)
{
    oy_model_eval(shot->model, t, st, ents);
    oy_camera_eval(shot->camera, st, t, view);
}

void oyster_shot_get_info(const oyster_shot *shot, oyster_info *info)
{
    const oy_script *s = shot->script;
    info->path = s->path;
    info->title = s->title;
    info->seed = s->seed;
    info->mode = s->mode;
    info->width = s->output.width;
    info->height = s->output.height;
    info->fps_num = s->output.fps.num;
    info->fps_den = s->output.fps.den;
    info->duration = s->output.duration;
    info->frames = s->output.frames;
    info->samples = s->output.samples;
    info->sample_rate = 48000;
    info->audio = s->output.audio;
    info->draft = s->output.draft;
}

int oyster_shot_parse_time(const oyster_shot *shot, const char *text, double *out)
{
    return oy_time_parse(text, shot->script->output.fps, out);
}

int64_t oyster_shot_frame_at(const oyster_shot *shot, double t)
{
    return oy_time_to_frame(t, shot->script->output.fps);
}

static void line(oyster_line_fn fn, void *opaque, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void line(oyster_line_fn fn, void *opaque, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fn(opaque, buf);
}

static const char *const ease_names[] = { "linear", "in", "out", "in-out", "hold" };

void oyster_shot_describe(const oyster_shot *shot, oyster_line_fn fn, void *opaque)
{
    const oy_script *s = shot->script;
    const oy_output *o = &s->output;
    const oy_world_desc *w = &s->world;
    char tc[32];

    line(fn, opaque, "shot '%s' (%s)", s->title, s->path);
    line(fn, opaque, "  mode %s, seed %llu", s->mode == OY_MODE_WANDER ? "wander" : "direct",
         (unsigned long long)s->seed);
    oy_timecode_format(tc, o->frames, o->fps);
    line(fn, opaque, "  output %dx%d at %d/%d fps, %.3f s = %lld frames (%s), %s quality, audio %s",
         o->width, o->height, o->fps.num, o->fps.den, o->duration, (long long)o->frames, tc,
         o->draft ? "draft" : "final", o->audio ? "on" : "off");
    if (w->prompt.s)
        line(fn, opaque, "  world '%s'", w->prompt.s);
    if (w->image.s)
        line(fn, opaque, "  image %s", w->image.s);
    {
        oy_state st;
        oy_model_eval(shot->model, 0.0, &st, shot->ents);
        line(fn, opaque, "set plan (x, z in metres; +z is yaw 0):");
        oy_world_describe(shot->world, &st, fn, opaque);
    }
    int nobj = oy_model_entity_count(shot->model);
    if (nobj)
        line(fn, opaque, "objects (%d), where each is placed:", nobj);
    for (int i = 0; i < nobj; i++) {
        oy_entity e;
        oy_model_entity_at(shot->model, (size_t)i, 0.0, &e);
        char going[48] = "";
        if (e.speed > 0.0f)
            snprintf(going, sizeof going, ", going at %.3g m/s", e.speed);
        line(fn, opaque, "  %-14s%s%s%s at [%.0f, %.0f], heading %.0f%s", e.kind, e.id[0] ? " '" : "", e.id,
             e.id[0] ? "'" : "", e.pos[0], e.pos[2], e.yaw, going);
    }
    line(fn, opaque, "camera: lens %gmm, sensor %gx%gmm, shake %g, %d key(s)",
         s->camera.lens, s->camera.sensor_w, s->camera.sensor_h, s->camera.shake, s->camera.nkeys);
    for (int i = 0; i < s->camera.nkeys; i++) {
        const oy_camkey *k = &s->camera.keys[i];
        char look[128];
        if (k->has_look_at)
            snprintf(look, sizeof look, "look_at [%g, %g, %g]", k->look_at[0], k->look_at[1], k->look_at[2]);
        else
            snprintf(look, sizeof look, "yaw %g pitch %g roll %g", k->yaw, k->pitch, k->roll);
        oy_timecode_format(tc, oy_time_to_frame(k->at, o->fps), o->fps);
        line(fn, opaque, "  %6lld  %s  pos [%g, %g, %g] %s%s%s%s%s", (long long)oy_time_to_frame(k->at, o->fps),
             tc, k->pos[0], k->pos[1], k->pos[2], look, i ? " ease " : "", i ? ease_names[k->ease] : "",
             k->cut ? " cut" : "", k->has_lens ? " zoom" : "");
    }
    line(fn, opaque, "directives: %d", s->ndirectives);
    oy_model_describe(shot->model, fn, opaque);
}

void oy_shot_burn_in(const oyster_shot *shot, const oy_state *st, const oy_view *view,
                     int64_t n, uint8_t *rgb, int w, int h)
{
    const oy_script *s = shot->script;
    oy_overlay o = { 0 };

    if (!s->output.burn_in)
        return;
    o.burn_in = s->output.burn_in;
    o.title = s->title;
    o.beat = st->beat_text;
    o.frame = n;
    o.fps = s->output.fps;
    o.timecode_start = s->output.timecode_start;
    o.focal_mm = view->focal_mm;
    o.seed = s->seed;
    o.aspect = s->output.aspect;
    oy_overlay_draw(rgb, (ptrdiff_t)w * 3, w, h, &o);
}

char *oy_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = oy_malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}
