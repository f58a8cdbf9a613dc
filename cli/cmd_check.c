/*
 * cmd_check.c - `oyster check SHOT...`: validate each shot script (all
 * errors, up to 20 a script, in the compiler format) and print its
 * timeline on stdout; with --shot-list, also write the scripts' shot list.
 */
#include <stdlib.h>
#include <string.h>

#include "options.h"

static void print_line(void *opaque, const char *line)
{
    fprintf(opaque, "%s\n", line);
}

int cli_cmd_check(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    oyster_shot **shots = NULL;
    int n = 0, rc = CLI_EXIT_OK, ret = cli_options_parse(cmd, argc, argv, &a);

    if (ret == CLI_PARSE_HELP)
        return CLI_EXIT_OK;
    if (ret < 0)
        return CLI_EXIT_INPUT;
    if (a.npos < 1) {
        cli_usage_error(cmd, "missing shot script");
        return CLI_EXIT_INPUT;
    }
    log.quiet = a.quiet;
    log.verbose = a.verbose;
    if (!(shots = calloc((size_t)a.npos, sizeof *shots)))
        return cli_fail(&log, OYSTER_E_NOMEM, NULL);
    for (int i = 0; i < a.npos; i++) {
        log.errors = 0;
        ret = oyster_shot_open(&shots[n], a.pos[i], &a.ov, cli_log_diag, &log);
        if (ret < 0) {
            rc = cli_fail(&log, ret, a.pos[i]);
            continue;
        }
        if (a.npos > 1)
            printf("%s== %s\n", i ? "\n" : "", a.pos[i]);
        oyster_shot_describe(shots[n], print_line, stdout);
        /* how the world prompt was read: what it did, not only the directives */
        oyster_shot_explain(shots[n], print_line, stdout);
        n++;
    }
    if (fflush(stdout) != 0) {
        cli_error(cmd->name, NULL, "cannot write the timeline");
        rc = CLI_EXIT_FAILED;
    }
    if (rc == CLI_EXIT_OK && a.shot_list) {
        log.errors = 0;
        ret = oyster_shot_list(shots, n, a.shot_list, a.force);
        if (ret < 0)
            rc = cli_fail(&log, ret, a.shot_list);
        else
            cli_info(&log, "wrote '%s'", a.shot_list);
    }
    for (int i = 0; i < n; i++)
        oyster_shot_free(&shots[i]);
    free(shots);
    return rc;
}
