/*
 * cmd_check.c - `oyster check SHOT...`: validate each shot script (all
 * errors, up to 20 a script, in the compiler format) and print its
 * timeline on stdout; with --shot-list, also write the scripts' shot list.
 */
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
    int n = 0, rc = cli_start(cmd, argc, argv, &a, &log, "shot script", 0);

    if (rc != CLI_CONTINUE)
        return rc;
    rc = cli_shots_open(&a, &log, &shots, &n);
    for (int i = 0; i < n; i++) {
        oyster_info info;
        oyster_shot_get_info(shots[i], &info);
        if (a.npos > 1)
            printf("%s== %s\n", i ? "\n" : "", info.path);
        oyster_shot_describe(shots[i], print_line, stdout);
        /* how the world prompt was read: what it did, not only the directives */
        oyster_shot_explain(shots[i], print_line, stdout);
    }
    if (fflush(stdout) != 0) {
        cli_error(cmd->name, NULL, "cannot write the timeline");
        rc = CLI_EXIT_FAILED;
    }
    if (rc == CLI_EXIT_OK && a.shot_list) {
        log.errors = 0;
        rc = cli_wrote(&log, oyster_shot_list(shots, n, a.shot_list, a.force), a.shot_list);
    }
    cli_shots_free(shots, n);
    return rc;
}
