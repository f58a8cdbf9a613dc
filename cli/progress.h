/*
 * progress.h - render progress on stderr: a bar redrawn in place on a
 * terminal, or one JSON object per line for programs that drive oyster.
 */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H

#include "oyster.h"

typedef struct cli_progress {
    int mode;               /* enum cli_progress_mode, never AUTO */
    int shown;              /* a bar is on the current line of stderr */
    char last[128];         /* the bar as last drawn */
} cli_progress;

/* Resolve mode (AUTO becomes BAR on a terminal, else NONE; quiet turns a
 * bar off) and start with nothing shown. */
void cli_progress_init(cli_progress *p, int mode, int quiet);

/* For oyster_render_opts.progress: opaque is the cli_progress. */
void cli_progress_update(void *opaque, const oyster_progress *pr);

/* A line of the caller's own in place of the bar (`wander`'s status),
 * drawn as the bar is: only in bar mode, only when it changed. */
void cli_progress_text(cli_progress *p, const char *line);

/* Clear the bar off its line so a message can be printed there; the next
 * update draws it again. */
void cli_progress_clear(cli_progress *p);

/* Leave the last bar on screen and move past it. */
void cli_progress_end(cli_progress *p);

#endif
