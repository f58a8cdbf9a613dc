/*
 * cmd_diff.c - `oyster diff A B`: two videos, two frame-hash files, two
 * folders of frames or two folders of renders, compared frame by frame.
 * The report goes to stdout (a line per differing frame, then a summary);
 * the exit status is diff(1)'s: 0 the same, 1 different, 2 trouble (a
 * missing or unreadable input, an unknown kind, a bad option value, an
 * output that exists without --force, or any failure while working).
 */
#include <string.h>

#include "options.h"

enum { DIFF_EXIT_DIFFERENT = 1, DIFF_EXIT_TROUBLE = 2 };

static void print_line(void *opaque, const char *line)
{
    fprintf(opaque, "%s\n", line);
}

int cli_cmd_diff(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    oyster_diff_opts o = { 0 };
    volatile int cancel = 0;
    int ret = cli_options_parse(cmd, argc, argv, &a);

    if (ret == CLI_PARSE_HELP)
        return CLI_EXIT_OK;
    if (ret < 0)
        return DIFF_EXIT_TROUBLE;
    if (a.npos < 2) {
        cli_usage_error(cmd, "%s", a.npos ? "missing B: diff compares two inputs"
                                          : "missing A and B: diff compares two inputs");
        return DIFF_EXIT_TROUBLE;
    }
    if (a.npos > 2) {
        cli_usage_error(cmd, "unexpected argument '%s'", a.pos[2]);
        return DIFF_EXIT_TROUBLE;
    }
    log.quiet = a.quiet;
    log.verbose = a.verbose;
    o.a = a.pos[0];
    o.b = a.pos[1];
    o.threshold = a.threshold_set ? a.threshold : -1.0;
    o.fps = a.ov.fps;
    o.json = a.json;
    o.html = a.html;
    o.force = a.force;
    o.threads = a.threads;
    /* -q, or the JSON on stdout: no text report */
    if (!a.quiet && !(a.json && !strcmp(a.json, "-"))) {
        o.report = print_line;
        o.opaque = stdout;
    }
    o.log = cli_log_diag;
    o.log_opaque = &log;
    o.cancel = &cancel;
    if (cli_signals_catch(&cancel) < 0)
        return DIFF_EXIT_TROUBLE;
    ret = oyster_diff(&o);
    fflush(stdout);
    if (ret == OYSTER_E_INTERRUPTED && cancel)
        return cli_signals_exit_code(cancel);
    if (ret < 0) {
        cli_fail(&log, ret, NULL);
        return DIFF_EXIT_TROUBLE;
    }
    if (a.json && strcmp(a.json, "-"))
        cli_info(&log, "wrote '%s'", a.json);
    if (a.html)
        cli_info(&log, "wrote '%s/index.html'", a.html);
    return ret ? DIFF_EXIT_DIFFERENT : CLI_EXIT_OK;
}
