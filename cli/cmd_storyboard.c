/*
 * cmd_storyboard.c - `oyster storyboard SHOT... -o FILE`: the shots in
 * order as captioned panels (a PNG sheet, an HTML page, a PDF or an MP4
 * reel), one at each beat and change of the picture or one every
 * --every; with --seeds A-B, a row of the same panels for each seed.
 * Every shot is opened (and checked) before the first panel is drawn.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports.h"
#include "progress.h"

static volatile int cancel;

/* What can be said before a shot is opened: the format, the options
 * that go together. */
static int check_args(const cli_command *cmd, const cli_args *a, int *fmt)
{
    const char *slash = strrchr(a->out, '/'), *dot = strrchr(slash ? slash + 1 : a->out, '.');

    if (a->npos < 1) {
        cli_usage_error(cmd, "missing shot script");
        return OYSTER_E_INPUT;
    }
    if (a->seeds && a->ov.seed) {
        cli_usage_error(cmd, "'--seed' and '--seeds' do not go together");
        return OYSTER_E_INPUT;
    }
    *fmt = oyster_storyboard_format(a->out);
    if (*fmt < 0) {
        cli_error(cmd->name, "use .png (a sheet), .html (a page), .pdf (a document) or .mp4 (a reel)",
                  "unsupported storyboard format '%s'", dot ? dot : a->out);
        return OYSTER_E_INPUT;
    }
    if (*fmt == OYSTER_BOARD_MP4 && a->seeds) {
        cli_usage_error(cmd, "'--seeds' does not go with an .mp4 reel");
        return OYSTER_E_INPUT;
    }
    if (a->seeds && (a->otio || a->edl || a->fcpxml)) {
        cli_usage_error(cmd, "'--seeds' does not go with an edit (--otio, --edl, --fcpxml)");
        return OYSTER_E_INPUT;
    }
    if (cli_exports_check(cmd, a) < 0)
        return OYSTER_E_INPUT;
    if (*fmt != OYSTER_BOARD_PDF && (a->rows || a->paper)) {
        cli_usage_error(cmd, "'%s' is for .pdf storyboards", a->rows ? "--rows" : "--paper");
        return OYSTER_E_INPUT;
    }
    return 0;
}

int cli_cmd_storyboard(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    cli_progress prog;
    oyster_storyboard_opts so;
    oyster_shot **shots = NULL;
    int nseeds = 1, nshots = 0, fmt, rc, ret = cli_options_parse(cmd, argc, argv, &a);
    double every = 0.0;
    char seed[24];

    if (ret == CLI_PARSE_HELP)
        return CLI_EXIT_OK;
    if (ret < 0 || check_args(cmd, &a, &fmt) < 0)
        return CLI_EXIT_INPUT;
    log.quiet = a.quiet;
    log.verbose = a.verbose;
    if (a.seeds)
        nseeds = (int)(a.seed_last - a.seed_first) + 1;
    if (!(shots = calloc((size_t)nseeds * a.npos, sizeof *shots)))
        return cli_fail(&log, OYSTER_E_NOMEM, NULL);
    rc = CLI_EXIT_INPUT;
    for (int s = 0; s < nseeds; s++) {
        if (a.seeds) {
            snprintf(seed, sizeof seed, "%llu", (unsigned long long)(a.seed_first + (uint64_t)s));
            a.ov.seed = seed;
        }
        for (int i = 0; i < a.npos; i++) {
            ret = oyster_shot_open(&shots[nshots], a.pos[i], &a.ov, cli_log_diag, &log);
            if (ret < 0) {
                rc = cli_fail(&log, ret, a.pos[i]);
                goto done;
            }
            nshots++;
        }
    }
    if (a.every) {
        if (cli_shot_time(cmd, shots[0], "every", a.every, &every) < 0)
            goto done;
        if (!(every > 0.0)) {
            cli_usage_error(cmd, "'--every %s' is not a time above 0", a.every);
            goto done;
        }
    }
    cli_progress_init(&prog, a.progress, a.quiet);
    log.progress = &prog;
    so = (oyster_storyboard_opts){
        .out = a.out, .force = a.force, .threads = a.threads, .every = every,
        .columns = a.columns, .rows = a.rows, .panel_width = a.panel_width, .paper = a.paper,
        .seed_rows = nseeds, .progress = cli_progress_update, .opaque = &prog, .cancel = &cancel,
        .edit_out = { a.otio, a.edl, a.fcpxml },
    };
    if (cli_signals_catch(&cancel) < 0) {
        rc = CLI_EXIT_FAILED;
        goto done;
    }
    ret = oyster_storyboard(shots, nshots, &so);
    cli_progress_end(&prog);
    if (ret == OYSTER_E_INTERRUPTED && cancel) {
        rc = cli_signals_exit_code(cancel);
        goto done;
    }
    if (ret < 0) {
        rc = cli_fail(&log, ret, ret == OYSTER_E_EXISTS ? a.out : NULL);
        goto done;
    }
    cli_info(&log, "wrote '%s'", a.out);
    cli_exports_wrote(&log, &a);
    rc = CLI_EXIT_OK;
done:
    for (int i = 0; i < nshots; i++)
        oyster_shot_free(&shots[i]);
    free(shots);
    return rc;
}
