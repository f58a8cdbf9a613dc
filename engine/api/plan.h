/*
 * plan.h - what the files of `oyster plan` share: the plan (its shots,
 * their chunks, the absolute paths every command names), the writers of
 * text that must survive sh, YAML and make, and one function per farm
 * engine that writes its files. Private to engine/api/.
 */
#ifndef OY_PLAN_H
#define OY_PLAN_H

#include <stdio.h>

#include "shot.h"

typedef struct plan_shot {
    char *script;             /* absolute path of the shot script */
    char *name;               /* its stem: DIR/NAME/ holds the chunks, DIR/NAME.mp4 the video */
    int64_t frames, chunks;
} plan_shot;

typedef struct plan {
    oy_log *log;
    const oyster_plan_opts *o;
    char *dir;                /* absolute */
    char *job;                /* a name for the farm's queue: "oyster-" and the
                                 folder's name in lower-case letters, digits and '-' */
    plan_shot *shots;
    int nshots;
    int64_t tasks;            /* chunks of every shot: task k is line k of tasks.txt */
} plan;

/* Write DIR/name through fn to a temporary renamed into place; exec makes
 * it executable (mode 0755) before the rename. */
typedef int (*plan_write_fn)(FILE *f, const plan *p);
int plan_write(const plan *p, const char *name, int exec, plan_write_fn fn);

/* ---- text that survives a shell, YAML and make ---- */

/* s as one sh word: as it is when it holds only characters no shell
 * reads specially, else in single quotes (a quote as '\''). */
void plan_sh(FILE *f, const char *s);
/* s as a YAML double-quoted scalar (the plan refuses control characters). */
void plan_yaml(FILE *f, const char *s);
/* DIR/name as a YAML double-quoted scalar. */
void plan_yaml_path(FILE *f, const plan *p, const char *name);
/* s with every '$' doubled: a recipe line of make(1). */
void plan_make_recipe(FILE *f, const char *s);
/* s as a target or prerequisite name of GNU make: ' ', '#' and ':'
 * escaped, '$' doubled. The plan refuses names make cannot take at all
 * (PLAN_MAKE_BAD). */
#define PLAN_MAKE_BAD "%*?[]=;\\|"
void plan_make_name(FILE *f, const char *s);

/* The sh command that renders one chunk of s into DIR/NAME; chunk is
 * the sh word after --chunk ("3/7", or "$2/$3" in double quotes).
 * NULL when out of memory; free() it. */
char *plan_chunk_command(const plan *p, const plan_shot *s, const char *chunk);
/* The sh command that assembles s's chunks into DIR/NAME.mp4, replacing
 * an older one: chunks are idempotent, so a rerun gives the same bytes. */
char *plan_assemble_command(const plan *p, const plan_shot *s);

/* ---- files more than one engine writes ---- */

/* tasks.txt (line k: SHOT I N, the shot's number from 1 and its chunk
 * I of N) and chunk.sh TASK, which runs line TASK: the array engines'. */
int plan_write_tasks(const plan *p);
/* assemble.sh: every shot's assemble command, stopping at a failure. */
int plan_write_assemble(const plan *p);
/* The README's opening: what the plan renders and where the videos land. */
void plan_readme_head(FILE *f, const plan *p, const char *engine);
/* The README's end: watching, rerunning, what to do after a failure. */
void plan_readme_tail(FILE *f, const plan *p);

/* ---- the engines: each writes its files, README.md included ---- */

int plan_slurm(const plan *p);
int plan_parallel(const plan *p);
int plan_k8s(const plan *p);
int plan_openjd(const plan *p);
int plan_make(const plan *p);

#endif
