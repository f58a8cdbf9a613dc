/*
 * cmd_frames.c - `oyster frames SHOT -o PATTERN [--frames A-B]`: frames as
 * numbered PNG files with the render's own pixels, so that
 * `ffmpeg -i PATTERN -pix_fmt rgb24 -f framemd5 -` over them gives the
 * hashes `render --frame-hashes` writes. Progress and Ctrl-C as render.
 */
#include "exports.h"
#include "progress.h"

static volatile int cancel;

int cli_cmd_frames(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    cli_progress prog;
    oyster_shot *shot = NULL;
    oyster_info info;
    oyster_frames_opts fo;
    char name[4096];
    int rc = cli_shot_start(cmd, argc, argv, &a, &log, &shot), ret;

    if (rc != CLI_CONTINUE)
        return rc;
    rc = CLI_EXIT_INPUT;
    if (oyster_frame_name(a.out, 0, name, sizeof name) < 0) {
        cli_error(cmd->name, "e.g. -o 'shot_%05d.png' or -o 'shot_#####.png'",
                  "'%s' needs exactly one frame number in it (%%d, %%05d or a run of '#')", a.out);
        goto done;
    }
    oyster_shot_get_info(shot, &info);
    if (a.frames && a.last >= info.frames) {
        cli_error(cmd->name, NULL, "'--frames %s' is outside the timeline (frames 0-%lld)",
                  a.frames, (long long)info.frames - 1);
        goto done;
    }
    if (cli_exports_check(cmd, &a) < 0)
        goto done;
    cli_progress_init(&prog, a.progress, a.quiet);
    log.progress = &prog;
    fo = (oyster_frames_opts){
        .pattern = a.out, .first = a.first, .last = a.last, .start_number = a.start_number,
        .force = a.force, .threads = a.threads, .progress = cli_progress_update, .opaque = &prog,
        .cancel = &cancel, .camera_out = a.camera_out,
    };
    if (cli_signals_catch(&cancel) < 0) {
        rc = CLI_EXIT_FAILED;
        goto done;
    }
    ret = oyster_frames(shot, &fo);
    cli_progress_end(&prog);
    if (ret == OYSTER_E_INTERRUPTED && cancel) {
        rc = cli_signals_exit_code(cancel);
        goto done;
    }
    if (ret < 0) {
        rc = cli_fail(&log, ret, NULL);
        goto done;
    }
    cli_info(&log, "wrote %lld frames as '%s'",
             (long long)((a.last < 0 ? info.frames - 1 : a.last) - a.first + 1), a.out);
    cli_exports_wrote(&log, &a);
    rc = CLI_EXIT_OK;
done:
    oyster_shot_free(&shot);
    return rc;
}
