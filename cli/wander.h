/*
 * wander.h - what `oyster wander` decides before its session starts: the
 * size and frame rate this machine draws in real time (wander_size.c).
 */
#ifndef CLI_WANDER_H
#define CLI_WANDER_H

#include "options.h"

#define CLI_WANDER_HEADROOM 1.5   /* a picture's time times this must fit a frame */
#define CLI_WANDER_PROBES 3       /* pictures timed at each size */

typedef struct cli_live_size {
    char size[24];            /* "WxH", for the size override */
    char fps[24];             /* "N/D", for the frame-rate override */
    double frame_s;           /* seconds a frame */
    char why[200];            /* how it was chosen, for the message */
} cli_live_size;

/* The session's size and frame rate for the shot a opens (its info in
 * *info, opened with a's overrides): --size and --fps when given, else,
 * the largest size of the ladder 480p 360p 270p 240p 180p 144p (in the
 * shot's aspect, not above its own size) whose picture, timed here,
 * times CLI_WANDER_HEADROOM fits a frame, at the shot's frame rate, else
 * at 15 and then 12 fps; the smallest at the lowest rate when none does.
 * Returns 0 or a negative error. */
int cli_wander_size(const cli_args *a, const oyster_info *info, cli_live_size *out);

#endif
