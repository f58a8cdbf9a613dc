/*
 * diff.h - what diff.c (the comparison, the text and JSON reports) shares
 * with diff_html.c (the HTML report). Private to engine/api/.
 */
#ifndef OY_DIFF_H
#define OY_DIFF_H

#include <stdint.h>

#include "../core/core.h"
#include "../script/script.h"

enum diff_kind { DIFF_VIDEO, DIFF_HASHES, DIFF_FRAMES, DIFF_FOLDERS, DIFF_BYTES, DIFF_NONE };
enum diff_status { DIFF_SAME, DIFF_DIFFERENT, DIFF_ONLY_A, DIFF_ONLY_B };

extern const char *const oy_diff_kind_names[];   /* "video", "hashes", ... */

/* One frame that differs. */
typedef struct diff_frame {
    int64_t frame;
    double psnr, ssim;        /* NAN: not measured */
    char missing;             /* 0, or 'A' / 'B': the side that lacks it */
    char size;                /* the sizes differ */
    char pictures;            /* its pictures are in the HTML report */
} diff_frame;

/* One comparison: the whole run, or one file of two folders. */
typedef struct diff_result {
    char *name;               /* folders: the name under both; NULL at the top */
    char *html_dir;           /* its HTML page's folder (the temporary), or NULL */
    char *html_link;          /* folders: the page relative to the top page, or NULL */
    int kind;                 /* enum diff_kind */
    int status;               /* enum diff_status */
    int64_t frames_a, frames_b;
    int wa, ha, wb, hb;       /* of the first frames; 0: unknown */
    oy_rational fps;          /* for timecodes */
    int has_pixels;           /* PSNR measured (not hashes, not bytes) */
    double *psnr;             /* per frame up to max(frames): INFINITY for the same
                                 bytes, NAN when not measured (missing, size, hashes) */
    unsigned char *differs;   /* per frame: 1 when it counts as different */
    int64_t nframes, cap;
    diff_frame *diff;         /* the frames that count as different, in order */
    size_t ndiff, capdiff;
    int64_t pictures;         /* frames with pictures in the HTML report */
    double worst;             /* lowest PSNR measured, INFINITY if none */
    int64_t worst_at;
    int64_t within;           /* frames not bit-identical but above the threshold */
    char **notes;             /* lines besides the frames': lengths, sizes, rates */
    size_t nnotes;
    char *summary;
    struct diff_result *files;  /* folders */
    size_t nfiles;
} diff_result;

/* What every page shows. */
typedef struct diff_page {
    const char *a, *b;        /* as given */
    double threshold;         /* < 0: none */
    int cap;                  /* pictures per page */
} diff_page;

/* A changed frame's pictures in dir: NNNNNN-a.png, NNNNNN-b.png and, when
 * the sizes agree, the difference heat map NNNNNN-d.png. */
int oy_diff_html_pictures(const char *dir, int64_t frame,
                          const uint8_t *a, int wa, int ha,
                          const uint8_t *b, int wb, int hb, oy_pool *pool,
                          oy_log *log);

/* index.html in r->html_dir (or, for folders, the top page in dir). */
int oy_diff_html_page(const char *dir, const diff_page *pg, const diff_result *r,
                      oy_log *log);

/* Frame n as HH:MM:SS:FF. */
void oy_diff_timecode(char buf[16], int64_t n, oy_rational fps);

#endif
