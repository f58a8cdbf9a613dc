/*
 * cmd_plan.c - `oyster plan SHOT... --engine E -o DIR`: a farm job that
 * renders the shots in chunks and assembles them (oyster(1), FARM
 * PLANS). The job's commands run this very binary, by the absolute path
 * the kernel gives for it (proc(5), /proc/self/exe).
 */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "options.h"

int cli_cmd_plan(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    oyster_shot **shots = NULL;
    oyster_plan_opts o = { 0 };
    char self[PATH_MAX];
    ssize_t len;
    int n = 0, rc = cli_start(cmd, argc, argv, &a, &log, "shot script", 0), ret;

    if (rc != CLI_CONTINUE)
        return rc;
    if (!a.chunks == !a.chunk_frames) {
        cli_usage_error(cmd, a.chunks ? "'--chunks' and '--chunk-frames' exclude each other"
                                      : "missing option '--chunks N' or '--chunk-frames F'");
        return CLI_EXIT_INPUT;
    }
    if ((len = readlink("/proc/self/exe", self, sizeof self - 1)) < 0) {
        cli_error(cmd->name, NULL, "cannot find the oyster binary through /proc/self/exe");
        return CLI_EXIT_FAILED;
    }
    self[len] = 0;
    if ((rc = cli_shots_open(&a, &log, &shots, &n)) == CLI_EXIT_OK) {
        o.dir = a.out;
        o.farm = a.engine;
        o.chunks = a.chunks;
        o.chunk_frames = a.chunk_frames;
        o.chunk_png = a.chunk_format == CLI_CHUNK_PNG;
        o.oyster = self;
        o.ov = &a.ov;
        o.force = a.force;
        log.errors = 0;
        ret = oyster_plan(shots, n, &o);
        if (ret < 0)
            rc = cli_fail(&log, ret, a.out);
        else if (!a.quiet)
            fprintf(stderr, "oyster: plan: %d chunk%s of %d shot%s for %s in '%s'; run 'sh %s/submit.sh'\n",
                    ret, ret == 1 ? "" : "s", n, n == 1 ? "" : "s", oyster_farm_name(a.engine), a.out, a.out);
    }
    cli_shots_free(shots, n);
    return rc;
}
