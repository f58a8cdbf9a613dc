/*
 * cmd_still.c - `oyster still SHOT --at TIME -o FILE.png`: one frame of
 * the timeline as PNG, the same pixels a full render gives that frame.
 */
#include "options.h"

int cli_cmd_still(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    oyster_shot *shot = NULL;
    volatile int cancel = 0;
    double t;
    int rc = cli_shot_start(cmd, argc, argv, &a, &log, &shot), ret;

    if (rc != CLI_CONTINUE)
        return rc;
    rc = CLI_EXIT_INPUT;
    if (cli_shot_at(cmd, shot, a.at, &t) < 0)
        goto done;
    if (cli_signals_catch(&cancel) < 0) {
        rc = CLI_EXIT_FAILED;
        goto done;
    }
    ret = oyster_still(shot, t, a.out, a.threads, a.force, &cancel);
    if (ret == OYSTER_E_INTERRUPTED && cancel) {
        rc = cli_signals_exit_code(cancel);
        goto done;
    }
    if (ret < 0) {
        rc = cli_fail(&log, ret, a.out);
        goto done;
    }
    cli_info(&log, "wrote '%s' (frame %lld)", a.out, (long long)oyster_shot_frame_at(shot, t));
    rc = CLI_EXIT_OK;
done:
    oyster_shot_free(&shot);
    return rc;
}
