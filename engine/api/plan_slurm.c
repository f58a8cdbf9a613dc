/*
 * plan_slurm.c - a plan for Slurm (sbatch(1)): one job array over every
 * chunk of every shot, task K running line K of tasks.txt through
 * chunk.sh, and an assembly job that waits for the whole array to
 * succeed (--dependency=afterok on the array's job id).
 */
#include <stdlib.h>

#include "plan.h"

/* Slurm's MaxArraySize when slurm.conf does not set it (slurm.conf(5)). */
#define SLURM_ARRAY_DEFAULT 1001

/* "exec /bin/sh DIR/name": the plan's sh files need no execute bit on
 * the cluster's file system. */
static int exec_sh(FILE *f, const plan *p, const char *name, const char *args)
{
    char *path = oy_path_join(p->dir, name);

    if (!path)
        return OYSTER_E_NOMEM;
    fputs("exec /bin/sh ", f);
    plan_sh(f, path);
    fprintf(f, "%s\n", args);
    free(path);
    return 0;
}

static int render_sbatch(FILE *f, const plan *p)
{
    fprintf(f, "#!/bin/sh\n"
               "# render.sbatch - every chunk of this plan as one Slurm job array: task K\n"
               "# renders line K of tasks.txt. submit.sh submits it; add sbatch options\n"
               "# (partition, time, --cpus-per-task) as #SBATCH lines here.\n"
               "#SBATCH --job-name=%s-render\n"
               "#SBATCH --array=1-%lld\n", p->job, (long long)p->tasks);
    return exec_sh(f, p, "chunk.sh", " \"$SLURM_ARRAY_TASK_ID\"");
}

static int assemble_sbatch(FILE *f, const plan *p)
{
    fprintf(f, "#!/bin/sh\n"
               "# assemble.sbatch - the videos from the chunks; submit.sh makes it wait\n"
               "# until every task of render.sbatch succeeded.\n"
               "#SBATCH --job-name=%s-assemble\n", p->job);
    return exec_sh(f, p, "assemble.sh", "");
}

static int submit_sh(FILE *f, const plan *p)
{
    fputs("#!/bin/sh\n"
          "# submit.sh - submit this plan to Slurm: the chunks as one job array,\n"
          "# then the assembly, which starts once every chunk succeeded.\n"
          "set -eu\n"
          "plan=", f);
    plan_sh(f, p->dir);
    fprintf(f, "\nmkdir -p \"$plan/logs\"\n"
               "render=$(sbatch --parsable --chdir=\"$plan\" --output=logs/render-%%A_%%a.log \"$plan/render.sbatch\")\n"
               "render=${render%%%%;*}   # --parsable prints JOBID[;CLUSTER]\n"
               "assemble=$(sbatch --parsable --chdir=\"$plan\" --output=logs/assemble-%%j.log \\\n"
               "    --dependency=afterok:\"$render\" \"$plan/assemble.sbatch\")\n"
               "assemble=${assemble%%%%;*}\n"
               "echo \"submitted job array $render (%lld chunks) and assemble job $assemble\"\n"
               "echo \"watch them with: squeue -j $render,$assemble\"\n", (long long)p->tasks);
    return 0;
}

static int readme(FILE *f, const plan *p)
{
    plan_readme_head(f, p, "Slurm");
    fprintf(f, "## Files\n\n"
               "* `render.sbatch`: the job array, one task per chunk (%lld); task K runs\n"
               "  `chunk.sh K`.\n"
               "* `tasks.txt`: line K is task K: the shot's number, the chunk I and N.\n"
               "* `chunk.sh TASK`: renders one task; try one by hand with `sh chunk.sh 1`.\n"
               "* `assemble.sbatch`, `assemble.sh`: the videos from the chunks.\n"
               "* `submit.sh`: submits the array, then the assembly with\n"
               "  `--dependency=afterok` on the array.\n"
               "* `logs/`: what each task printed (`render-JOB_TASK.log`).\n\n"
               "## Submitting\n\n    sh ", (long long)p->tasks);
    plan_sh(f, p->dir);
    fprintf(f, "/submit.sh\n\n"
               "Slurm refuses array indices of MaxArraySize or more (%d unless slurm.conf\n"
               "says otherwise: `scontrol show config | grep MaxArraySize`); plan fewer\n"
               "chunks if it does. Partition, time limit and cores per task go on\n"
               "`#SBATCH` lines in render.sbatch.\n\n", SLURM_ARRAY_DEFAULT);
    plan_readme_tail(f, p);
    return 0;
}

int plan_slurm(const plan *p)
{
    int err;

    if (p->tasks >= SLURM_ARRAY_DEFAULT)
        oy_warn(p->log, "%lld chunks: Slurm takes arrays of up to %d tasks unless slurm.conf "
                "raises MaxArraySize", (long long)p->tasks, SLURM_ARRAY_DEFAULT - 1);
    if ((err = plan_write_tasks(p)) || (err = plan_write_assemble(p)) ||
        (err = plan_write(p, "render.sbatch", 1, render_sbatch)) ||
        (err = plan_write(p, "assemble.sbatch", 1, assemble_sbatch)) ||
        (err = plan_write(p, "submit.sh", 1, submit_sh)))
        return err;
    return plan_write(p, "README.md", 0, readme);
}
