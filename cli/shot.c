/*
 * shot.c - the start every SHOT-taking command shares (options, the one
 * positional argument, opening the script with the overrides) and TIME
 * values of options, which need the open shot for its fps.
 */
#include "options.h"

int cli_shot_start(const cli_command *cmd, int argc, char **argv, cli_args *a,
                   cli_log *log, oyster_shot **shot)
{
    int ret = cli_options_parse(cmd, argc, argv, a);

    if (ret == CLI_PARSE_HELP)
        return CLI_EXIT_OK;
    if (ret < 0)
        return CLI_EXIT_INPUT;
    if (a->npos < 1) {
        cli_usage_error(cmd, "missing shot script");
        return CLI_EXIT_INPUT;
    }
    if (a->npos > 1) {
        cli_usage_error(cmd, "unexpected argument '%s'", a->pos[1]);
        return CLI_EXIT_INPUT;
    }
    log->quiet = a->quiet;
    log->verbose = a->verbose;
    ret = oyster_shot_open(shot, a->pos[0], &a->ov, cli_log_diag, log);
    if (ret < 0)
        return cli_fail(log, ret, a->pos[0]);
    return CLI_CONTINUE;
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
