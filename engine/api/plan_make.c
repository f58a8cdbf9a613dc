/*
 * plan_make.c - a plan for make(1): each chunk a target, its manifest
 * (written last by the render, so a chunk that stopped halfway is not
 * done), each video a target that depends on its shot's chunks, `all`
 * every video. `make -j` renders chunks side by side; a rerun makes only
 * what is missing.
 */
#include <stdlib.h>

#include "plan.h"

/* "NAME/chunk-I-of-N.json", relative to the plan's folder. */
static void chunk_target(FILE *f, const plan_shot *s, int64_t i)
{
    char manifest[64];

    oyster_chunk_manifest(i, s->chunks, manifest, sizeof manifest);
    plan_make_name(f, s->name);
    fputc('/', f);
    fputs(manifest, f);
}

static void video_target(FILE *f, const plan_shot *s)
{
    plan_make_name(f, s->name);
    fputs(".mp4", f);
}

static int makefile(FILE *f, const plan *p)
{
    fputs("# Makefile - this plan for make(1): each chunk is a target (its manifest,\n"
          "# which the render writes last), each video depends on its shot's chunks.\n"
          "# submit.sh runs make -j\"$(nproc)\" here; `make NAME.mp4` makes one shot.\n"
          "MAKEFLAGS += --no-builtin-rules\n"
          ".SUFFIXES:\n"
          ".PHONY: all\n"
          "all:", f);
    for (int k = 0; k < p->nshots; k++) {
        fputc(' ', f);
        video_target(f, &p->shots[k]);
    }
    fputs("\n", f);
    for (int k = 0; k < p->nshots; k++) {
        const plan_shot *s = &p->shots[k];
        char *cmd = plan_assemble_command(p, s);

        if (!cmd)
            return OYSTER_E_NOMEM;
        fputs("\n", f);
        video_target(f, s);
        fputs(":", f);
        for (int64_t i = 1; i <= s->chunks; i++) {
            fputs(" \\\n\t", f);
            chunk_target(f, s, i);
        }
        fputs("\n\t", f);
        plan_make_recipe(f, cmd);
        fputs("\n", f);
        free(cmd);
        for (int64_t i = 1; i <= s->chunks; i++) {
            char chunk[48];

            snprintf(chunk, sizeof chunk, "%lld/%lld", (long long)i, (long long)s->chunks);
            if (!(cmd = plan_chunk_command(p, s, chunk)))
                return OYSTER_E_NOMEM;
            chunk_target(f, s, i);
            fputs(":\n\t", f);
            plan_make_recipe(f, cmd);
            fputs("\n", f);
            free(cmd);
        }
    }
    return 0;
}

static int submit_sh(FILE *f, const plan *p)
{
    fputs("#!/bin/sh\n"
          "# submit.sh - make this plan here: every chunk, as many at once as there\n"
          "# are cores, then each video once its chunks are done.\n"
          "exec make -j\"$(nproc)\" -C ", f);
    plan_sh(f, p->dir);
    fputs(" \"$@\"\n", f);
    return 0;
}

static int readme(FILE *f, const plan *p)
{
    plan_readme_head(f, p, "make");
    fputs("## Files\n\n"
          "* `Makefile`: a target per chunk (its manifest, `NAME/chunk-I-of-N.json`)\n"
          "  and per video (`NAME.mp4`, after its chunks); `all` makes every video.\n"
          "* `submit.sh`: `make -j\"$(nproc)\"` in this folder; extra arguments go to\n"
          "  make (`sh submit.sh -k`, `sh submit.sh NAME.mp4`).\n\n"
          "## Submitting\n\n    sh ", f);
    plan_sh(f, p->dir);
    fputs("/submit.sh\n\n"
          "`make -n -C` this folder lists what is left to do.\n\n", f);
    plan_readme_tail(f, p);
    return 0;
}

int plan_make(const plan *p)
{
    int err;

    if ((err = plan_write(p, "Makefile", 0, makefile)) || (err = plan_write(p, "submit.sh", 1, submit_sh)))
        return err;
    return plan_write(p, "README.md", 0, readme);
}
