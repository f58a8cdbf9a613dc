/*
 * cmd_assemble.c - `oyster assemble DIR -o FILE`: the chunks a farm
 * rendered with `render --chunk` encoded once into the video a
 * one-machine render writes, byte for byte (oyster(1), CHUNKS); Ctrl-C
 * keeps NAME.partial.EXT as render does.
 */
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "progress.h"

static volatile int cancel;

int cli_cmd_assemble(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    cli_progress prog;
    oyster_assemble_opts o = { 0 };
    int ret = cli_start(cmd, argc, argv, &a, &log, "folder of chunks", 1);

    if (ret != CLI_CONTINUE)
        return ret;
    if (!strcmp(a.out, "-") && isatty(STDOUT_FILENO)) {
        cli_error(cmd->name, "pipe it into a player, e.g. 'oyster assemble DIR -o - | ffplay -'",
                  "refusing to write video to a terminal");
        return CLI_EXIT_INPUT;
    }
    cli_progress_init(&prog, a.progress, a.quiet);
    log.progress = &prog;
    if (cli_signals_catch(&cancel) < 0)
        return CLI_EXIT_FAILED;
    o.dir = a.pos[0];
    o.out = a.out;
    o.force = a.force;
    o.no_audio = a.no_audio;
    o.frame_hashes = a.frame_hashes;
    o.audio_out = a.audio_out;
    o.stems_dir = a.stems;
    o.progress = cli_progress_update;
    o.opaque = &prog;
    o.cancel = &cancel;
    o.log = cli_log_diag;
    o.log_opaque = &log;
    ret = oyster_assemble(&o);
    cli_progress_end(&prog);
    if (ret == OYSTER_E_INTERRUPTED && cancel)
        return cli_signals_exit_code(cancel);
    if (ret < 0)
        return cli_fail(&log, ret, ret == OYSTER_E_EXISTS ? a.out : NULL);
    cli_info(&log, "wrote '%s'", a.out);
    return CLI_EXIT_OK;
}
