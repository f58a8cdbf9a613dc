/*
 * storyboard.h - what the files of `oyster storyboard` share. storyboard.c
 * plans the panels (times, captions) and renders each as `oyster still`
 * would at the panel's size; a writer per format lays them out:
 * storyboard_sheet.c (PNG), storyboard_html.c (HTML), storyboard_pdf.c
 * (PDF), storyboard_reel.c (MP4). Private to engine/api/.
 */
#ifndef OY_STORYBOARD_H
#define OY_STORYBOARD_H

#include <stddef.h>
#include <stdint.h>

#include "shot.h"

#define SB_TEXT 320

typedef struct sb_panel {
    int shot;                  /* index into the board's shots */
    int row;                   /* seed row; 0 without --seeds */
    int number;                /* 1-based within its row */
    int64_t frame;
    double t;                  /* seconds, the frame's time */
    char timecode[24];         /* HH:MM:SS:FF with output.timecode_start */
    const char *beat;          /* beat title in effect (the model's), or NULL */
    char what[SB_TEXT];        /* what changes since the panel before:
                                  directives and cuts, "; "-joined, or "" */
    float focal_mm;
    char move[64];             /* "static", "pan left", "push in, tilt up" */
    uint8_t *rgb;              /* pw x ph x 3 */
} sb_panel;

typedef struct sb_board {
    oyster_shot *const *shots;
    int nshots;
    int nrows, per_row;        /* seed rows; shots per row */
    const oyster_storyboard_opts *o;
    oy_log *log;
    int pw, ph;                /* panel pixels */
    sb_panel *panels;          /* by row, then shot, then time */
    int npanels;
    char title[256];           /* the shots' titles, " / "-joined */
    char summary[256];         /* "2 shots, 5 s, 7 panels[, seeds 1-3]" */
} sb_board;

/* A panel's caption as lines of text (before wrapping). */
typedef struct sb_caption {
    char title[128];           /* the shot's title */
    char head[64];             /* "panel 3  00:00:06:00" */
    char beat[160];            /* "beat: The strike", or "" */
    char what[SB_TEXT];        /* the directives, or "" */
    char lens[96];             /* "28mm, push in" */
} sb_caption;

/* ---- storyboard_text.c ---- */

/* Whether event e makes a panel: a camera cut or a directive that changes
 * the picture (not music, sound or mix). */
int sb_panel_event(const oyster_shot *shot, const oy_event *e);
/* e as the script says it ("strike lightning", "say: ...", "cut"); ""
 * for a beat, which the caption's beat line says. */
void sb_event_text(const oyster_shot *shot, const oy_event *e, char *buf, size_t n);
/* How the camera moves around frame n: "static", "push in, pan left" ... */
void sb_camera_move(const oyster_shot *shot, oy_entity *ents, int64_t n, char *buf, size_t size);
/* Frame n's time in seconds, as the render computes it. */
double sb_frame_time(const oy_output *out, int64_t n);
/* printf to the end of buf, cut at its size. */
void sb_add_text(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

void sb_caption_of(const sb_board *b, const sb_panel *p, sb_caption *c);

/* Lines of panels: each seed row starts a line; a row longer than cols
 * goes on over more lines. */
typedef struct sb_line {
    int first, count;          /* panels */
    int row;
    int label;                 /* the first line of a row with a seed label */
} sb_line;
/* The lines for cols panels a line; *out freed with free(). */
int sb_lines(const sb_board *b, int cols, sb_line **out, int *nlines);
/* The most panels in one seed row. */
int sb_row_max(const sb_board *b);

/* "seed N" of row r into buf. */
void sb_row_label(const sb_board *b, int row, char *buf, size_t n);

/* Breaks text into at most maxlines lines that fit width by the measure
 * fn (width of n bytes), at spaces where it can; the last line ends in
 * "..." when the text does not fit. Returns the number of lines. */
typedef double (*sb_measure_fn)(void *ctx, const char *s, size_t n);
int sb_wrap(const char *text, double width, sb_measure_fn fn, void *ctx,
            char lines[][SB_TEXT], int maxlines);

/* About a shot: "12 s" or "2.5 s"; its lenses ("28mm", "28-50mm"). */
void sb_seconds(double s, char *buf, size_t n);
void sb_shot_lens(const oyster_shot *shot, char *buf, size_t n);

/* The built-in font, as the sheet and the reel draw it (storyboard_sheet.c):
 * text with its top-left corner at x, y, scale pixels per font pixel,
 * anything but printable ASCII as '?'; a filled rectangle [x0, x1) x
 * [y0, y1); and sb_wrap's measure, ctx pointing at the int scale. */
void sb_text(uint8_t *rgb, ptrdiff_t stride, int w, int h, int x, int y, int scale,
             const uint8_t ink[3], const char *s);
void sb_fill(uint8_t *rgb, ptrdiff_t stride, int w, int h, int x0, int y0, int x1, int y1,
             const uint8_t ink[3]);
double sb_text_measure(void *scale, const char *s, size_t n);

int sb_write_sheet(const sb_board *b, const char *path);
int sb_write_html(const sb_board *b, const char *path);
int sb_write_pdf(const sb_board *b, const char *path);
int sb_write_reel(const sb_board *b, const char *path);

#endif
