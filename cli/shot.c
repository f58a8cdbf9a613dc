/*
 * shot.c - the start the commands share (options, the positional
 * arguments, opening the scripts with the overrides), their common end
 * (an output written or why not) and TIME values of options, which need
 * the open shot for its fps.
 */
#include <stdlib.h>

#include "options.h"

int cli_start(const cli_command *cmd, int argc, char **argv, cli_args *a, cli_log *log,
              const char *what, int max)
{
    int ret = cli_options_parse(cmd, argc, argv, a);

    if (ret == CLI_PARSE_HELP)
        return CLI_EXIT_OK;
    if (ret < 0)
        return CLI_EXIT_INPUT;
    if (a->npos < 1) {
        cli_usage_error(cmd, "missing %s", what);
        return CLI_EXIT_INPUT;
    }
    if (max && a->npos > max) {
        cli_usage_error(cmd, "unexpected argument '%s'", a->pos[max]);
        return CLI_EXIT_INPUT;
    }
    log->quiet = a->quiet;
    log->verbose = a->verbose;
    return CLI_CONTINUE;
}

int cli_shot_start(const cli_command *cmd, int argc, char **argv, cli_args *a,
                   cli_log *log, oyster_shot **shot)
{
    int ret = cli_start(cmd, argc, argv, a, log, "shot script", 1);

    if (ret != CLI_CONTINUE)
        return ret;
    ret = oyster_shot_open(shot, a->pos[0], &a->ov, cli_log_diag, log);
    if (ret < 0)
        return cli_fail(log, ret, a->pos[0]);
    return CLI_CONTINUE;
}

int cli_shots_open(const cli_args *a, cli_log *log, oyster_shot ***shots, int *n)
{
    int rc = CLI_EXIT_OK;

    *n = 0;
    if (!(*shots = calloc((size_t)a->npos, sizeof **shots)))
        return cli_fail(log, OYSTER_E_NOMEM, NULL);
    for (int i = 0; i < a->npos; i++) {
        int ret;
        log->errors = 0;
        ret = oyster_shot_open(&(*shots)[*n], a->pos[i], &a->ov, cli_log_diag, log);
        if (ret < 0)
            rc = cli_fail(log, ret, a->pos[i]);
        else
            (*n)++;
    }
    return rc;
}

void cli_shots_free(oyster_shot **shots, int n)
{
    for (int i = 0; i < n; i++)
        oyster_shot_free(&shots[i]);
    free(shots);
}

int cli_wrote(cli_log *log, int ret, const char *path)
{
    if (ret < 0)
        return cli_fail(log, ret, path);
    cli_info(log, "wrote '%s'", path);
    return CLI_EXIT_OK;
}

int cli_shot_at(const cli_command *cmd, const oyster_shot *shot, const char *text, double *out)
{
    oyster_info info;

    if (cli_shot_time(cmd, shot, "at", text, out) < 0)
        return OYSTER_E_INPUT;
    oyster_shot_get_info(shot, &info);
    if (oyster_shot_frame_at(shot, *out) >= info.frames) {
        cli_error(cmd->name, NULL, "'--at %s' is past the end of the shot (%g s, %lld frames)",
                  text, info.duration, (long long)info.frames);
        return OYSTER_E_INPUT;
    }
    return 0;
}

int cli_shot_time(const cli_command *cmd, const oyster_shot *shot,
                  const char *name, const char *text, double *out)
{
    if (oyster_shot_parse_time(shot, text, out) < 0) {
        cli_error(cmd->name, "a TIME is seconds (12, 1.5), 12s, 250ms, 2m, m:ss (1:30), "
                  "HH:MM:SS:FF or a frame count (120f)",
                  "invalid time '%s' for '--%s'", text, name);
        return OYSTER_E_INPUT;
    }
    return 0;
}
