/*
 * cmd_render.c - `oyster render SHOT -o FILE`: the shot to video with its
 * side outputs, progress on stderr, and Ctrl-C turning into a playable
 * NAME.partial.EXT and exit 130 (143 for SIGTERM) instead of a torn file.
 * With --chunk I/N, one chunk of a farm job into the folder FILE; with
 * --frames A-B and a folder for FILE, those frames as a chunk.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exports.h"
#include "progress.h"

/* static: the handler may still fire after the render has returned */
static volatile int cancel;

/* -o names a folder: one there, or a name ending in '/'. */
static int is_folder(const char *out)
{
    size_t n = strlen(out);
    struct stat st;

    return (n && out[n - 1] == '/') || (stat(out, &st) == 0 && S_ISDIR(st.st_mode));
}

/* Checks that need the shot's timeline; fills the engine's options. */
static int prepare(const cli_command *cmd, const cli_args *a, int range, oyster_shot *shot,
                   cli_progress *prog, oyster_render_opts *ro)
{
    oyster_info info;

    oyster_shot_get_info(shot, &info);
    if (a->frames && a->last >= info.frames) {
        cli_error(cmd->name, NULL, "'--frames %s' is outside the timeline (frames 0-%lld)",
                  a->frames, (long long)info.frames - 1);
        return OYSTER_E_INPUT;
    }
    *ro = (oyster_render_opts){
        .out = a->out, .force = a->force, .threads = a->threads,
        .no_audio = a->no_audio, .first = a->first, .last = a->last,
        .frame_hashes = a->frame_hashes, .audio_out = a->audio_out,
        .stems_dir = a->stems, .state_out = a->state_out, .state_at = -1,
        .state_in = a->state_in, .camera_out = a->camera_out,
        .edit_out = { [OYSTER_EDIT_OTIO] = a->otio, [OYSTER_EDIT_EDL] = a->edl,
                      [OYSTER_EDIT_FCPXML] = a->fcpxml },
        .chunk = a->chunk, .chunks = a->chunk ? a->chunks : 0, .chunk_range = range,
        .chunk_png = a->chunk_format == CLI_CHUNK_PNG,
        .progress = cli_progress_update, .opaque = prog,
        .cancel = &cancel,
    };
    if (a->state_at && cli_shot_time(cmd, shot, "state-at", a->state_at, &ro->state_at) < 0)
        return OYSTER_E_INPUT;
    return 0;
}

int cli_cmd_render(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    cli_progress prog;
    oyster_shot *shot = NULL;
    oyster_render_opts ro;
    int rc = cli_shot_start(cmd, argc, argv, &a, &log, &shot), ret, range;

    if (rc != CLI_CONTINUE)
        return rc;
    rc = CLI_EXIT_INPUT;
    range = a.frames && !a.chunk && is_folder(a.out);
    if (a.chunk_format && !a.chunk && !range) {
        cli_usage_error(cmd, "'--chunk-format' goes with '--chunk I/N', or '--frames A-B' into a folder");
        goto done;
    }
    if (a.chunk && !strcmp(a.out, "-")) {
        cli_usage_error(cmd, "'--chunk' writes into a folder, not to standard output");
        goto done;
    }
    if (!strcmp(a.out, "-") && isatty(STDOUT_FILENO)) {
        cli_error(cmd->name, "pipe it into a player, e.g. 'oyster render SHOT -o - | ffplay -'",
                  "refusing to write video to a terminal");
        goto done;
    }
    if (a.state_at && !a.state_out) {
        cli_usage_error(cmd, "'--state-at' needs '--state-out'");
        goto done;
    }
    if (cli_exports_check(cmd, &a) < 0)
        goto done;
    cli_progress_init(&prog, a.progress, a.quiet);
    log.progress = &prog;
    if (prepare(cmd, &a, range, shot, &prog, &ro) < 0)
        goto done;
    if (cli_signals_catch(&cancel) < 0) {
        rc = CLI_EXIT_FAILED;
        goto done;
    }
    ret = oyster_render(shot, &ro);
    cli_progress_end(&prog);
    if (ret == OYSTER_E_INTERRUPTED && cancel) {
        rc = cli_signals_exit_code(cancel);
        goto done;
    }
    if (ret < 0) {
        rc = cli_fail(&log, ret, ret == OYSTER_E_EXISTS ? a.out : NULL);
        goto done;
    }
    if (ret == 0 && a.chunk)
        cli_info(&log, "wrote chunk %lld of %lld into '%s'", (long long)a.chunk, (long long)a.chunks, a.out);
    else if (ret == 0 && range)
        cli_info(&log, "wrote frames %s as a chunk into '%s'", a.frames, a.out);
    else if (ret == 0)
        cli_info(&log, "wrote '%s'", a.out);
    cli_exports_wrote(&log, &a);
    rc = CLI_EXIT_OK;
done:
    oyster_shot_free(&shot);
    return rc;
}
