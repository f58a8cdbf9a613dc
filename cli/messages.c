/*
 * messages.c - everything the tool says on stderr, in the compiler
 * format of oyster(1) (`oyster: FILE:LINE:COL: error: MSG`) so editors can
 * jump to it: the engine's diagnostics, the tool's own errors and the
 * fallback text for failures the engine did not describe.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"
#include "progress.h"

static const char *const level_names[] = { "error", "warning", "info", "debug" };

void cli_log_diag(void *opaque, const oyster_diag *d)
{
    cli_log *log = opaque;
    int level = d->level;

    if (level < OYSTER_ERROR || level > OYSTER_DEBUG)
        level = OYSTER_ERROR;
    if (level == OYSTER_ERROR)
        log->errors++;
    else if (log->quiet || (level == OYSTER_INFO && log->verbose < 1) ||
             (level == OYSTER_DEBUG && log->verbose < 2))
        return;
    cli_progress_clear(log->progress);
    fprintf(stderr, "oyster: ");
    if (d->file && d->line > 0 && d->col > 0)
        fprintf(stderr, "%s:%d:%d: ", d->file, d->line, d->col);
    else if (d->file && d->line > 0)
        fprintf(stderr, "%s:%d: ", d->file, d->line);
    else if (d->file)
        fprintf(stderr, "%s: ", d->file);
    fprintf(stderr, "%s: %s\n", level_names[level], d->msg ? d->msg : "");
    if (d->hint)
        fprintf(stderr, "  hint: %s\n", d->hint);
}

void cli_error(const char *cmd, const char *hint, const char *fmt, ...)
{
    va_list ap;

    if (cmd)
        fprintf(stderr, "oyster: %s: ", cmd);
    else
        fprintf(stderr, "oyster: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    if (hint)
        fprintf(stderr, "  hint: %s\n", hint);
}

int cli_fail(cli_log *log, int err, const char *path)
{
    if (log->errors == 0) {
        cli_progress_clear(log->progress);
        if (path)
            cli_error(NULL, err == OYSTER_E_EXISTS ? "use --force to overwrite it" : NULL,
                      "error: '%s': %s", path, oyster_strerror(err));
        else
            cli_error(NULL, NULL, "error: %s", oyster_strerror(err));
    }
    return oyster_error_is_input(err) ? CLI_EXIT_INPUT : CLI_EXIT_FAILED;
}

void cli_info(cli_log *log, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    cli_log_diag(log, &(oyster_diag){ .level = OYSTER_INFO, .msg = msg });
}
