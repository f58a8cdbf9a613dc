/*
 * plan_files.c - the files of a plan that more than one engine writes:
 * the task table and chunk.sh that turn an array task's number into a
 * chunk (Slurm, Kubernetes and Open Job Description run arrays),
 * assemble.sh, and the opening and end of README.md.
 */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

static int tasks_txt(FILE *f, const plan *p)
{
    for (int k = 0; k < p->nshots; k++)
        for (int64_t i = 1; i <= p->shots[k].chunks; i++)
            fprintf(f, "%d %lld %lld\n", k + 1, (long long)i, (long long)p->shots[k].chunks);
    return 0;
}

static int chunk_sh(FILE *f, const plan *p)
{
    char *tasks = oy_path_join(p->dir, "tasks.txt");

    if (!tasks)
        return OYSTER_E_NOMEM;
    fprintf(f, "#!/bin/sh\n"
               "# chunk.sh TASK - render task TASK (1 to %lld) of this plan: line TASK of\n"
               "# tasks.txt holds the shot's number below and the chunk I of N.\n"
               "set -eu\n"
               "case ${1-} in\n"
               "''|*[!0-9]*) echo \"chunk.sh: expected a task from 1 to %lld, not '${1-}'\" >&2; exit 2 ;;\n"
               "esac\n"
               "set -- $(sed -n \"$1p\" ", (long long)p->tasks, (long long)p->tasks);
    plan_sh(f, tasks);
    fprintf(f, ")\n"
               "if [ $# -ne 3 ]; then echo \"chunk.sh: no such task\" >&2; exit 2; fi\n"
               "case $1 in\n");
    free(tasks);
    for (int k = 0; k < p->nshots; k++) {
        char *cmd = plan_chunk_command(p, &p->shots[k], "\"$2/$3\"");
        if (!cmd)
            return OYSTER_E_NOMEM;
        fprintf(f, "%d) exec %s ;;\n", k + 1, cmd);
        free(cmd);
    }
    fprintf(f, "*) echo \"chunk.sh: no shot $1\" >&2; exit 2 ;;\nesac\n");
    return 0;
}

int plan_write_tasks(const plan *p)
{
    int err = plan_write(p, "tasks.txt", 0, tasks_txt);
    return err ? err : plan_write(p, "chunk.sh", 1, chunk_sh);
}

static int assemble_sh(FILE *f, const plan *p)
{
    fprintf(f, "#!/bin/sh\n"
               "# assemble.sh - encode each shot's chunks into its video once all are\n"
               "# done; the same bytes one render gives, and again on a rerun.\n"
               "set -eu\n");
    for (int k = 0; k < p->nshots; k++) {
        char *cmd = plan_assemble_command(p, &p->shots[k]);
        if (!cmd)
            return OYSTER_E_NOMEM;
        fprintf(f, "%s\n", cmd);
        free(cmd);
    }
    return 0;
}

int plan_write_assemble(const plan *p)
{
    return plan_write(p, "assemble.sh", 1, assemble_sh);
}

/* A Markdown table cell: '|' would end it. */
static void cell(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputc('\\', f);
        fputc(*s, f);
    }
}

void plan_readme_head(FILE *f, const plan *p, const char *engine)
{
    fprintf(f, "# oyster plan for %s\n\n"
               "This folder is a render job written by `oyster plan`: %d shot%s in %lld chunk%s.\n\n"
               "| shot | frames | chunks | script |\n|---|---|---|---|\n",
            engine, p->nshots, p->nshots == 1 ? "" : "s", (long long)p->tasks, p->tasks == 1 ? "" : "s");
    for (int k = 0; k < p->nshots; k++) {
        const plan_shot *s = &p->shots[k];
        fputs("| ", f);
        cell(f, s->name);
        fprintf(f, " | %lld | %lld | ", (long long)s->frames, (long long)s->chunks);
        cell(f, s->script);
        fputs(" |\n", f);
    }
    fprintf(f, "\nEach chunk is `oyster render SCRIPT --chunk I/N -o NAME`: a lossless piece\n"
               "of the shot, with a manifest, in the shot's folder NAME here. Once a shot's\n"
               "chunks are all done, `oyster assemble NAME -o NAME.mp4` encodes them into\n"
               "the video, byte for byte what one `oyster render` gives. The videos land\n"
               "in this folder as NAME.mp4.\n\n"
               "Every machine that runs a chunk must see the oyster binary, the scripts and\n"
               "this folder at the paths they have here (a shared file system):\n\n    ");
    plan_sh(f, p->o->oyster);
    fputs("\n    ", f);
    plan_sh(f, p->dir);
    fputs("\n", f);
    for (int k = 0; k < p->nshots; k++) {
        fputs("    ", f);
        plan_sh(f, p->shots[k].script);
        fputs("\n", f);
    }
    fputs("\n", f);
}

void plan_readme_tail(FILE *f, const plan *p)
{
    fprintf(f, "## Watching\n\n"
               "`oyster status NAME` lists the chunks of a shot that are done, missing or\n"
               "failed:\n\n");
    for (int k = 0; k < p->nshots; k++) {
        char *dir = oy_path_join(p->dir, p->shots[k].name);
        fputs("    ", f);
        plan_sh(f, p->o->oyster);
        fputs(" status ", f);
        plan_sh(f, dir ? dir : "");
        fputs("\n", f);
        free(dir);
    }
    fprintf(f, "\n## Running again\n\n"
               "A chunk whose manifest checks out is skipped, so submitting again renders\n"
               "only the chunks that are missing or failed, and assembling again gives the\n"
               "same bytes. To change the shots, the number of chunks or the overrides,\n"
               "plan again into a new folder, or remove the chunk folders first: `--force`\n"
               "rewrites the files above and leaves the chunk folders as they are.\n");
}
