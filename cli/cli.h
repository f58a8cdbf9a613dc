/*
 * cli.h - what the command-line tool's files share: the subcommand table,
 * exit codes, stderr messages in the compiler format of oyster(1), signal
 * handling and nearest-word hints. The tool sees the engine only through
 * oyster.h.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "oyster.h"

/* Exit status (oyster(1), EXIT STATUS). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_INPUT = 2,     /* bad option, invalid script, output exists */
    CLI_EXIT_FAILED = 3,    /* failure while working */
};

struct cli_group;
struct cli_progress;

typedef struct cli_command {
    const char *name;
    const char *synopsis;   /* arguments after the command name */
    const char *summary;    /* one line for `oyster help` */
    const struct cli_group *const *groups; /* option groups, NULL-terminated */
    int (*run)(const struct cli_command *cmd, int argc, char **argv);
} cli_command;

/* The commands in `oyster help` order, NULL-name terminated. */
extern const cli_command cli_commands[];
const cli_command *cli_command_find(const char *name);
/* Say that name is not a command (with a hint); returns the exit status. */
int cli_command_unknown(const char *name);

int cli_cmd_render(const cli_command *cmd, int argc, char **argv);
int cli_cmd_still(const cli_command *cmd, int argc, char **argv);
int cli_cmd_frames(const cli_command *cmd, int argc, char **argv);
int cli_cmd_map(const cli_command *cmd, int argc, char **argv);
int cli_cmd_storyboard(const cli_command *cmd, int argc, char **argv);
int cli_cmd_diff(const cli_command *cmd, int argc, char **argv);
int cli_cmd_check(const cli_command *cmd, int argc, char **argv);
int cli_cmd_camera(const cli_command *cmd, int argc, char **argv);
int cli_cmd_export(const cli_command *cmd, int argc, char **argv);
int cli_cmd_plan(const cli_command *cmd, int argc, char **argv);
int cli_cmd_assemble(const cli_command *cmd, int argc, char **argv);
int cli_cmd_status(const cli_command *cmd, int argc, char **argv);
int cli_cmd_concepts(const cli_command *cmd, int argc, char **argv);
int cli_cmd_wander(const cli_command *cmd, int argc, char **argv);
int cli_cmd_help(const cli_command *cmd, int argc, char **argv);

/* The command overview of `oyster help` and `oyster --help`. */
void cli_help_overview(FILE *f);

/* ---- messages ---- */

/* What the engine's log callback needs: which messages to show, and a
 * progress bar to clear before a message lands on its line. */
typedef struct cli_log {
    int quiet, verbose;
    int errors;              /* errors printed so far */
    struct cli_progress *progress;
} cli_log;

/* oyster_log_fn: prints one diagnostic in the format of oyster(1). */
void cli_log_diag(void *opaque, const oyster_diag *d);

/* `oyster: CMD: MSG` (CMD may be NULL) and, when hint is not NULL,
 * `  hint: HINT` on the next line. */
void cli_error(const char *cmd, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* After an engine call failed: say why unless the engine already did
 * through the log, and give the exit status for err. */
int cli_fail(cli_log *log, int err, const char *path);

/* An info line of the tool's own, shown with -v like the engine's. */
void cli_info(cli_log *log, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- signals ---- */

/* At start: SIGPIPE ignored, so a closed pipe is a write error (EPIPE). */
void cli_signals_init(void);
/* Route SIGINT, SIGTERM, SIGHUP (unless ignored, as under nohup) and
 * SIGQUIT into *flag (set to the signal number) so the render can
 * finalize a partial output; a second signal kills as usual. */
int cli_signals_catch(volatile int *flag);
/* The same, but a second signal first calls last (async-signal-safe:
 * what must not be left behind, such as a terminal in raw mode), then
 * ends the process as it would have. */
int cli_signals_catch_then(volatile int *flag, void (*last)(void));
/* Exit status for an interrupted run: 128 + the signal number. */
int cli_signals_exit_code(int signo);

/* ---- hints ---- */

/* The candidate closest to word by edit distance if it is close enough
 * to be a likely typo, else NULL. */
const char *cli_nearest(const char *word, const char *const *candidates, int n);

#endif
