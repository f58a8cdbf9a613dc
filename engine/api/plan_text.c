/*
 * plan_text.c - the words of a plan's files: paths quoted for sh(1)
 * (the POSIX "Quoting" section: nothing is special inside single
 * quotes), YAML double-quoted scalars (YAML 1.2, 7.3.1), make(1) recipe
 * lines and target names, the chunk and assemble commands every engine
 * runs, and the write of one file to a temporary renamed into place.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "plan.h"

/* Characters no shell treats specially anywhere in a word. */
static int sh_plain(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+,./:-", *s))
            return 0;
    return 1;
}

void plan_sh(FILE *f, const char *s)
{
    if (sh_plain(s)) {
        fputs(s, f);
        return;
    }
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", f);
        else
            fputc(*s, f);
    }
    fputc('\'', f);
}

void plan_yaml(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void plan_yaml_path(FILE *f, const plan *p, const char *name)
{
    char *path = oy_path_join(p->dir, name);

    plan_yaml(f, path ? path : "");
    free(path);
}

void plan_make_recipe(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '$')
            fputc('$', f);
        fputc(*s, f);
    }
}

void plan_make_name(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '$')
            fputc('$', f);
        else if (strchr(" #:", *s))
            fputc('\\', f);
        fputc(*s, f);
    }
}

/* What the shot overrides given to plan say again to each render. */
static void overrides(FILE *f, const oyster_overrides *ov)
{
    const char *const names[4] = { "--seed", "--size", "--fps", "--duration" };
    const char *const values[4] = { ov ? ov->seed : NULL, ov ? ov->size : NULL,
                                    ov ? ov->fps : NULL, ov ? ov->duration : NULL };

    for (int i = 0; i < 4; i++) {
        if (values[i]) {
            fprintf(f, " %s ", names[i]);
            plan_sh(f, values[i]);
        }
    }
    if (ov && ov->draft)
        fputs(" --draft", f);
}

/* A command built in memory; NULL when out of memory. */
static char *finish(FILE *f, char **buf)
{
    int bad = ferror(f);

    if (fclose(f) != 0 || bad) {
        free(*buf);
        return NULL;
    }
    return *buf;
}

char *plan_chunk_command(const plan *p, const plan_shot *s, const char *chunk)
{
    char *buf = NULL, *out = oy_path_join(p->dir, s->name);
    size_t n;
    FILE *f = out ? open_memstream(&buf, &n) : NULL;

    if (!f) {
        free(out);
        return NULL;
    }
    plan_sh(f, p->o->oyster);
    fputs(" render ", f);
    plan_sh(f, s->script);
    fprintf(f, " --chunk %s -o ", chunk);
    plan_sh(f, out);
    overrides(f, p->o->ov);
    if (p->o->chunk_png)
        fputs(" --chunk-format png", f);
    free(out);
    return finish(f, &buf);
}

char *plan_assemble_command(const plan *p, const plan_shot *s)
{
    char *buf = NULL, *in = oy_path_join(p->dir, s->name), *out = NULL;
    size_t n;
    FILE *f = NULL;

    if (in && (out = oy_malloc(strlen(in) + 5)))
        sprintf(out, "%s.mp4", in);
    if (out)
        f = open_memstream(&buf, &n);
    if (f) {
        plan_sh(f, p->o->oyster);
        fputs(" assemble ", f);
        plan_sh(f, in);
        fputs(" -o ", f);
        plan_sh(f, out);
        fputs(" --force", f);
    }
    free(in);
    free(out);
    return f ? finish(f, &buf) : NULL;
}

typedef struct plan_file {
    const plan *p;
    plan_write_fn fn;
    int exec;
} plan_file;

static int write_file(FILE *f, void *ctx)
{
    plan_file *pf = ctx;

    if (pf->exec && fchmod(fileno(f), 0755) != 0)
        return -errno;
    return pf->fn(f, pf->p);
}

int plan_write(const plan *p, const char *name, int exec, plan_write_fn fn)
{
    plan_file pf = { p, fn, exec };
    char *path = oy_path_join(p->dir, name);
    int err;

    if (!path)
        return OYSTER_E_NOMEM;
    err = oy_write_atomic(p->log, path, 1, write_file, &pf);
    free(path);
    return err;
}
