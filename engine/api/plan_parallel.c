/*
 * plan_parallel.c - a plan for GNU parallel (parallel(1)): every chunk
 * command on standard input, a job log that --resume-failed reads on the
 * next run, a halt at the first failure, and the assembly here once all
 * chunks succeeded. --sshloginfile spreads the chunks over machines.
 */
#include <stdlib.h>

#include "plan.h"

static int submit_sh(FILE *f, const plan *p)
{
    fputs("#!/bin/sh\n"
          "# submit.sh - render every chunk of this plan with GNU parallel, here or on\n"
          "# the machines listed in hosts, then assemble the videos here. Run it again\n"
          "# after a failure: --resume-failed reruns only what failed or never ran.\n"
          "set -eu\n"
          "plan=", f);
    plan_sh(f, p->dir);
    fputs("\nset -- --joblog \"$plan/parallel.log\" --resume-failed --halt soon,fail=1\n"
          "# to render on other machines too (same paths there), list them in\n"
          "# hosts, one [user@]host a line (':' for this one), and uncomment:\n"
          "# set -- \"$@\" --sshloginfile \"$plan/hosts\"\n"
          "parallel \"$@\" <<'EOF'\n", f);
    for (int k = 0; k < p->nshots; k++) {
        for (int64_t i = 1; i <= p->shots[k].chunks; i++) {
            char chunk[48], *cmd;

            snprintf(chunk, sizeof chunk, "%lld/%lld", (long long)i, (long long)p->shots[k].chunks);
            if (!(cmd = plan_chunk_command(p, &p->shots[k], chunk)))
                return OYSTER_E_NOMEM;
            fprintf(f, "%s\n", cmd);
            free(cmd);
        }
    }
    fputs("EOF\n"
          "exec /bin/sh \"$plan/assemble.sh\"\n", f);
    return 0;
}

static int readme(FILE *f, const plan *p)
{
    plan_readme_head(f, p, "GNU parallel");
    fputs("## Files\n\n"
          "* `submit.sh`: runs every chunk command through GNU parallel, then\n"
          "  `assemble.sh` here.\n"
          "* `assemble.sh`: the videos from the chunks.\n"
          "* `parallel.log`: parallel's job log, one line per chunk with its exit\n"
          "  status; the next run reads it to rerun only the failed chunks.\n"
          "* `hosts` (yours to write): the machines to render on, for the\n"
          "  `--sshloginfile` line in submit.sh.\n\n"
          "## Submitting\n\n    sh ", f);
    plan_sh(f, p->dir);
    fputs("/submit.sh\n\n"
          "parallel runs as many chunks at once as this machine has cores; with\n"
          "`--sshloginfile`, as many as each host has.\n\n", f);
    plan_readme_tail(f, p);
    return 0;
}

int plan_parallel(const plan *p)
{
    int err;

    if ((err = plan_write_assemble(p)) || (err = plan_write(p, "submit.sh", 1, submit_sh)))
        return err;
    return plan_write(p, "README.md", 0, readme);
}
