/*
 * wander_size.c - the size and frame rate of a live session (wander.h).
 * A stream cannot change its size, so the choice is made once, up front,
 * by timing a few pictures at sizes of a ladder (the shot opened again
 * at that size, quietly) to find the largest that fits a frame with room
 * to spare for the sound, the encoder and views that cost more than the
 * first.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "wander.h"

#define MAX_SIZES 7

static const int ladder[] = { 480, 360, 270, 240, 180, 144 };
static const int slow_rates[] = { 15, 12 };

typedef struct rung {
    int w, h;
    double pic;               /* seconds a picture; < 0 until timed */
} rung;

/* The shot at w x h timed: seconds a picture, or a negative error. */
static int time_size(const cli_args *a, int w, int h, double *pic)
{
    cli_log quiet = { .quiet = 1 };
    oyster_overrides ov = a->ov;
    oyster_shot *shot = NULL;
    char size[24];
    int err;

    snprintf(size, sizeof size, "%dx%d", w, h);
    ov.size = size;
    if ((err = oyster_shot_open(&shot, a->pos[0], &ov, cli_log_diag, &quiet)) == 0)
        err = oyster_frame_time(shot, a->threads, CLI_WANDER_PROBES, pic);
    oyster_shot_free(&shot);
    return err;
}

/* The ladder's sizes in the shot's aspect up to its own height (even,
 * at least 16); its own size alone when it is smaller than all. */
static int sizes(const oyster_info *info, rung *r)
{
    int n = 0;

    for (size_t i = 0; i < sizeof ladder / sizeof *ladder; i++) {
        int h = ladder[i], w = 2 * (int)lround(h * (double)info->width / info->height / 2.0);
        if (h <= info->height && w >= 16 && w <= 7680)
            r[n++] = (rung){ w, h, -1.0 };
    }
    if (!n)
        r[n++] = (rung){ info->width, info->height, -1.0 };
    return n;
}

static void choose(cli_live_size *out, const rung *r, int num, int den)
{
    snprintf(out->size, sizeof out->size, "%dx%d", r->w, r->h);
    snprintf(out->fps, sizeof out->fps, "%d/%d", num, den);
    out->frame_s = (double)den / num;
}

/* The first (largest) rung whose picture fits frame seconds, timing
 * rungs as needed, by halving: larger pictures take no less time. nr
 * when none does. */
static int largest_fit(const cli_args *a, rung *r, int nr, double frame, int *err)
{
    int lo = 0, hi = nr;

    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (r[mid].pic < 0 && (*err = time_size(a, r[mid].w, r[mid].h, &r[mid].pic)) < 0)
            return nr;
        if (r[mid].pic * CLI_WANDER_HEADROOM <= frame)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

int cli_wander_size(const cli_args *a, const oyster_info *info, cli_live_size *out)
{
    rung r[MAX_SIZES];
    int nr = 1, rates[3][2] = { { info->fps_num, info->fps_den } }, nrates = 1, err = 0;

    /* what was given is kept; the rest is chosen */
    if (a->ov.size)
        r[0] = (rung){ info->width, info->height, -1.0 };
    else
        nr = sizes(info, r);
    for (size_t i = 0; !a->ov.fps && i < sizeof slow_rates / sizeof *slow_rates; i++)
        if ((double)slow_rates[i] < (double)info->fps_num / info->fps_den) {
            rates[nrates][0] = slow_rates[i];
            rates[nrates++][1] = 1;
        }
    if (a->ov.size && a->ov.fps) {
        choose(out, &r[0], info->fps_num, info->fps_den);
        snprintf(out->why, sizeof out->why, "as --size and --fps say");
        return 0;
    }
    for (int k = 0; k < nrates; k++) {
        double frame = (double)rates[k][1] / rates[k][0];
        int i = largest_fit(a, r, nr, frame, &err);
        if (err < 0)
            return err;
        if (i < nr) {
            choose(out, &r[i], rates[k][0], rates[k][1]);
            snprintf(out->why, sizeof out->why,
                     "%s: a picture takes %.0f ms here, a frame lasts %.0f ms%s",
                     a->ov.size ? "as --size says" : "the largest size drawn in real time",
                     1e3 * r[i].pic, 1e3 * frame, k ? ", at a lower frame rate than the script's" : "");
            return 0;
        }
    }
    choose(out, &r[nr - 1], rates[nrates - 1][0], rates[nrates - 1][1]);
    snprintf(out->why, sizeof out->why,
             "the least it offers, and still behind: a picture takes %.0f ms here, a frame lasts %.0f ms",
             1e3 * r[nr - 1].pic, 1e3 * out->frame_s);
    return 0;
}
