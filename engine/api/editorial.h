/*
 * editorial.h - what editorial.c (the timeline exports) and shotlist.c
 * (`check --shot-list`) both say about a shot, and the timeline file for
 * a render's own outputs (job.c). Private to engine/api/.
 */
#ifndef OY_EDITORIAL_H
#define OY_EDITORIAL_H

#include <stddef.h>

#include "shot.h"

/* "a", or "a → b" when they differ: how something is at the start and
 * at the end of a shot. */
void ed_span(const char *a, const char *b, char *buf, size_t n);
/* The lens on the first and on the last frame: "35mm", or "35mm → 50mm"
 * when they differ. */
void ed_lens_span(oyster_shot *shot, char *buf, size_t n);

/* The timeline file of job->o (oyster_edit_export) as output i of s, an
 * oy_fill_fn; job->o->out names the file the clips' own renders are
 * found beside. */
typedef struct oy_edit_job {
    oyster_shot *const *shots;
    int nshots;
    const oyster_edit_opts *o;
} oy_edit_job;
int oy_edit_fill(oy_outs *s, int i, void *ctx);

#endif
