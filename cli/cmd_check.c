/*
 * cmd_check.c - `oyster check SHOT`: validate a shot script (all errors,
 * up to 20, in the compiler format) and print its timeline on stdout.
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
    oyster_shot *shot = NULL;
    int rc = cli_shot_start(cmd, argc, argv, &a, &log, &shot);

    if (rc != CLI_CONTINUE)
        return rc;
    oyster_shot_describe(shot, print_line, stdout);
    /* how the world prompt was read: what it did, not only the directives */
    oyster_shot_explain(shot, print_line, stdout);
    oyster_shot_free(&shot);
    if (fflush(stdout) != 0) {
        cli_error(cmd->name, NULL, "cannot write the timeline");
        return CLI_EXIT_FAILED;
    }
    return CLI_EXIT_OK;
}
