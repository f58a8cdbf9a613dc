/*
 * outputs.c - the files of one run, checked before any work and renamed
 * into place together at the end (see outputs.h). Temporaries carry the
 * host and the process id, so that a later run in the same folder can
 * tell the ones of a run that died (SIGKILL, a power cut) from the ones
 * of a run still at work, here or on another machine sharing the folder.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "shot.h"

#define MAX_LINKS 40         /* symbolic links followed, as the kernel's limit */
#define MAX_FREE_NAMES 9999  /* NAME.partial-N.EXT tried before giving up */

/* ---- names ---- */

/* This host's name as it goes into temporary names: [A-Za-z0-9_-]. */
static const char *host_tag(void)
{
    static char tag[33];

    if (!tag[0]) {
        if (gethostname(tag, sizeof tag - 1) != 0 || !tag[0])
            strcpy(tag, "host");
        for (char *c = tag; *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '-'))
                *c = '_';
    }
    return tag;
}

/* "DIR/.NAME.oyster-HOST-PID<what>.tmp" beside path. */
static char *hidden(const char *path, const char *what)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    size_t n = strlen(path) + strlen(what) + strlen(host_tag()) + 48;
    char *p = oy_malloc(n);

    if (p)
        snprintf(p, n, "%.*s.%s.oyster-%s-%ld%s.tmp", (int)(base - path), path, base,
                 host_tag(), (long)getpid(), what);
    return p;
}

char *oy_temp_path(const char *path) { return hidden(path, ""); }

/* The pid in a temporary's name when it is one of this host's (with
 * ".old" before ".tmp" for a commit's second link); 0 when it is not. */
static long temp_pid(const char *file)
{
    const char *host = host_tag(), *end, *d;
    size_t n = strlen(file), h = strlen(host);

    if (file[0] != '.' || n < 4 || strcmp(file + n - 4, ".tmp"))
        return 0;
    end = file + n - 4;
    if (end - file > 4 && !strncmp(end - 4, ".old", 4))
        end -= 4;
    for (d = end; d > file && d[-1] >= '0' && d[-1] <= '9'; d--)
        ;
    if (d == end || end - d > 9 || (size_t)(d - file) < h + 11 ||
        strncmp(d - h - 9, ".oyster-", 8) || strncmp(d - h - 1, host, h) || d[-1] != '-')
        return 0;
    return strtol(d, NULL, 10);
}

int oy_temp_of(const char *file, const char *base, long *pid)
{
    size_t b = strlen(base), n = strlen(file);
    long p;

    if (file[0] != '.' || n < b + 13 || strncmp(file + 1, base, b) || strncmp(file + 1 + b, ".oyster-", 8) ||
        strcmp(file + n - 4, ".tmp"))
        return 0;
    if ((p = temp_pid(file)) <= 0 || kill((pid_t)p, 0) == 0 || errno != ESRCH)
        return 1;
    *pid = p;
    return 2;
}

/* The folder part of path: "." when it has none. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (!slash)
        return oy_strdup(".");
    if (slash == path)
        return oy_strdup("/");
    return oy_strndup(path, (size_t)(slash - path));
}

/* What a chain of symbolic links starting at name leads to (name itself
 * when it is none); a loop is left for stat() to report. */
static char *follow(const char *name)
{
    char *p = oy_strdup(name), buf[PATH_MAX];

    for (int hops = 0; p && hops < MAX_LINKS; hops++) {
        struct stat st;
        ssize_t k;
        char *dir, *next;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode) ||
            (k = readlink(p, buf, sizeof buf - 1)) < 0)
            break;
        buf[k] = 0;
        dir = dir_of(p);
        next = buf[0] == '/' || !dir ? oy_strdup(buf) : oy_path_join(dir, buf);
        free(dir);
        free(p);
        p = next;
    }
    return p;
}

/* NAME.INFIX.EXT beside path, or NAME.INFIX-K.EXT for k > 1. */
static char *infixed(const char *path, const char *infix, int k)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = strlen(path) + strlen(infix) + 16;
    char *p = oy_malloc(n), num[16] = "";

    if (!p)
        return NULL;
    if (k > 1)
        snprintf(num, sizeof num, "-%d", k);
    if (dot && dot != base)
        snprintf(p, n, "%.*s.%s%s%s", (int)(dot - path), path, infix, num, dot);
    else
        snprintf(p, n, "%s.%s%s", path, infix, num);
    return p;
}

/* rename() that fails with EEXIST rather than replace a file that is
 * there, or that appears meanwhile (renameat2(2)); file systems without
 * RENAME_NOREPLACE get link(2) and unlink(2), which fail the same way. */
static int rename_new(const char *from, const char *to)
{
    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -errno;
    if (link(from, to) != 0)
        return -errno;
    unlink(from);
    return 0;
}

/* ---- the set ---- */

void oy_outs_init(oy_outs *s, oy_log *log, int force)
{
    memset(s, 0, sizeof *s);
    s->log = log;
    s->force = force;
}

int oy_outs_mkdir(oy_outs *s, const char *dir)
{
    if (mkdir(dir, 0777) == 0) {
        free(s->made);
        return (s->made = oy_strdup(dir)) ? 0 : OYSTER_E_NOMEM;
    }
    if (errno == EEXIST)
        return 0;
    oy_error(s->log, "cannot create folder '%s': %s", dir, oyster_strerror(-errno));
    return -errno;
}

static int cannot(oy_outs *s, const char *name, int err)
{
    oy_error(s->log, "cannot write '%s': %s", name, oyster_strerror(err));
    return err;
}

/* dest's folder takes a new file; its file system and resolved name. */
static int check_dir(oy_outs *s, oy_out *o)
{
    char *dir = dir_of(o->dest), *real = NULL;
    const char *slash = strrchr(o->dest, '/');
    struct stat st;
    int err = 0;

    if (!dir)
        return OYSTER_E_NOMEM;
    if (stat(dir, &st) != 0)
        err = -errno;
    else if (!S_ISDIR(st.st_mode))
        err = -ENOTDIR;
    else if (access(dir, W_OK | X_OK) != 0)
        err = -errno;
    else if (!(real = realpath(dir, NULL)))
        err = -errno;
    if (err == -ENOENT)
        oy_error(s->log, "cannot write '%s': folder '%s' does not exist", o->name, dir);
    else if (err)
        cannot(s, o->name, err);
    if (!err) {
        o->dev = st.st_dev;
        if (!(o->key = oy_path_join(real, slash ? slash + 1 : o->dest)))
            err = OYSTER_E_NOMEM;
    }
    free(real);
    free(dir);
    return err;
}

static int classify(oy_outs *s, oy_out *o)
{
    struct stat st;

    if (!strcmp(o->name, "-")) {
        o->through = 1;
        return (o->dest = oy_strdup("-")) && (o->path = oy_strdup("-")) &&
               (o->key = oy_strdup("-")) ? 0 : OYSTER_E_NOMEM;
    }
    if (!(o->dest = follow(o->name)))
        return OYSTER_E_NOMEM;
    if (stat(o->dest, &st) != 0) {
        if (errno != ENOENT)
            return cannot(s, o->name, -errno);
    } else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
        o->through = 1;
        o->chr = S_ISCHR(st.st_mode);
        if (!(o->key = realpath(o->dest, NULL)))
            return cannot(s, o->name, -errno);
        return (o->path = oy_strdup(o->dest)) ? 0 : OYSTER_E_NOMEM;
    } else if (S_ISDIR(st.st_mode)) {
        return cannot(s, o->name, -EISDIR);
    } else if (!S_ISREG(st.st_mode)) {
        oy_error(s->log, "output '%s' is not a file, a device or a FIFO", o->name);
        return OYSTER_E_INPUT;
    } else if (!s->force) {
        oy_diag(s->log, OYSTER_ERROR, NULL, 0, 0, "use --force to overwrite it",
                "output '%s' exists", o->name);
        return OYSTER_E_EXISTS;
    } else {
        o->replace = 1;
    }
    if (!(o->path = oy_temp_path(o->dest)))
        return OYSTER_E_NOMEM;
    return check_dir(s, o);
}

static void out_free(oy_out *o)
{
    free(o->name);
    free(o->dest);
    free(o->path);
    free(o->key);
    free(o->old);
}

int oy_outs_add(oy_outs *s, const char *name, uint64_t bytes)
{
    oy_out o = { 0 };
    int err;

    if (s->n == s->cap) {
        int cap = s->cap ? 2 * s->cap : 8;
        oy_out *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v)
            return OYSTER_E_NOMEM;
        s->v = v;
        s->cap = cap;
    }
    o.bytes = bytes;
    if (!(o.name = oy_strdup(name)))
        return OYSTER_E_NOMEM;
    if ((err = classify(s, &o))) {
        out_free(&o);
        return err;
    }
    s->v[s->n] = o;
    return s->n++;
}

static int by_key(const void *a, const void *b)
{
    return strcmp((*(oy_out *const *)a)->key, (*(oy_out *const *)b)->key);
}

/* Two outputs that are one file (a device like /dev/null may take several). */
static int check_same(oy_outs *s)
{
    oy_out **v = oy_malloc((size_t)(s->n ? s->n : 1) * sizeof *v);
    int err = 0;

    if (!v)
        return OYSTER_E_NOMEM;
    for (int i = 0; i < s->n; i++)
        v[i] = &s->v[i];
    qsort(v, (size_t)s->n, sizeof *v, by_key);
    for (int i = 1; i < s->n && !err; i++) {
        if (strcmp(v[i - 1]->key, v[i]->key) || (v[i]->chr && v[i - 1]->chr))
            continue;
        if (strcmp(v[i - 1]->name, v[i]->name))
            oy_diag(s->log, OYSTER_ERROR, NULL, 0, 0, "give each output a name of its own",
                    "outputs '%s' and '%s' are the same file", v[i - 1]->name, v[i]->name);
        else
            oy_diag(s->log, OYSTER_ERROR, NULL, 0, 0, "give each output a name of its own",
                    "output '%s' is given twice", v[i]->name);
        err = OYSTER_E_INPUT;
    }
    free(v);
    return err;
}

/* Remove what oyster runs of this host that have ended left in the
 * folder of key. */
static void clean_dir(oy_outs *s, const char *key)
{
    char *dir = dir_of(key);
    DIR *d = dir ? opendir(dir) : NULL;
    struct dirent *e;

    while (d && (e = readdir(d))) {
        long pid = temp_pid(e->d_name);
        if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        if (unlinkat(dirfd(d), e->d_name, 0) == 0)
            oy_info(s->log, "removed '%s/%s', left by an oyster run (process %ld) that ended",
                    dir, e->d_name, pid);
    }
    if (d)
        closedir(d);
    free(dir);
}

/* Each folder once (the outputs of a run share a few folders at most). */
static void clean_dirs(oy_outs *s)
{
    for (int i = 0; i < s->n; i++) {
        const oy_out *o = &s->v[i];
        const char *slash = strrchr(o->key, '/');
        int seen = 0;
        if (o->through)
            continue;
        for (int j = 0; j < i && !seen && j < 16; j++) {
            const char *sj = strrchr(s->v[j].key, '/');
            seen = !s->v[j].through && sj - s->v[j].key == slash - o->key &&
                   !strncmp(s->v[j].key, o->key, (size_t)(slash - o->key));
        }
        if (!seen)
            clean_dir(s, o->key);
    }
}

static int check_space(oy_outs *s)
{
    for (int i = 0; i < s->n; i++) {
        const oy_out *o = &s->v[i];
        uint64_t need = 0, avail;
        struct statvfs vfs;
        char *dir;
        int first = 1, err;
        if (o->through || !o->bytes)
            continue;
        for (int j = 0; j < s->n; j++) {
            if (s->v[j].through || s->v[j].dev != o->dev)
                continue;
            first &= j >= i || !s->v[j].bytes;
            need += s->v[j].bytes;
        }
        if (!first || !(dir = dir_of(o->key)))
            continue;
        err = statvfs(dir, &vfs);
        free(dir);
        if (err != 0)
            continue;
        avail = (uint64_t)vfs.f_bavail * vfs.f_frsize;
        if (need > avail) {
            oy_diag(s->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                    "not enough space for '%s': about %.1f MB needed, %.1f MB free",
                    o->name, need / 1e6, avail / 1e6);
            return -ENOSPC;
        }
    }
    return 0;
}

int oy_outs_check(oy_outs *s)
{
    int err = check_same(s);

    if (err)
        return err;
    clean_dirs(s);
    return check_space(s);
}

int oy_outs_write(oy_outs *s, int i, oy_write_fn fn, void *ctx)
{
    const oy_out *o = &s->v[i];
    int std = !strcmp(o->path, "-"), err;
    FILE *f = std ? stdout : fopen(o->path, "wb");

    if (!f)
        return cannot(s, o->name, -errno);
    err = fn(f, ctx);
    if (!err && (fflush(f) || ferror(f)))
        err = errno ? -errno : -EIO;
    if (!std && fclose(f) && !err)
        err = -errno;
    if (err && err != OYSTER_E_NOMEM && err != OYSTER_E_INPUT)
        cannot(s, o->name, err);
    return err;
}

int oy_outs_keep(oy_outs *s, int i, const char *infix, char **kept)
{
    oy_out *o = &s->v[i];
    int err = -EEXIST;

    *kept = NULL;
    if (o->through)
        return 0;
    for (int k = 1; k <= MAX_FREE_NAMES && err == -EEXIST; k++) {
        char *as = infixed(o->dest, infix, k);
        if (!as)
            return OYSTER_E_NOMEM;
        if ((err = rename_new(o->path, as)) == 0)
            *kept = as;
        else
            free(as);
    }
    if (err)
        return cannot(s, o->name, err);
    free(o->path);
    o->path = NULL;
    return 0;
}

/* One output into place; a name taken meanwhile keeps it as NAME.new.EXT
 * (*taken set). */
static int commit_one(oy_outs *s, oy_out *o, int *taken)
{
    char *kept;
    int err;

    if (o->replace) {
        /* a second name for the file replaced, to put it back on failure */
        if ((o->old = hidden(o->dest, ".old")) && link(o->dest, o->old) != 0)
            oy_freep(&o->old);
        if (rename(o->path, o->dest) != 0)
            return cannot(s, o->name, -errno);
    } else if ((err = rename_new(o->path, o->dest)) == -EEXIST) {
        if ((err = oy_outs_keep(s, (int)(o - s->v), "new", &kept)))
            return err;
        oy_diag(s->log, OYSTER_ERROR, NULL, 0, 0, "use --force to replace it",
                "output '%s' appeared during the run; kept the new one as '%s'", o->name, kept);
        free(kept);
        *taken = 1;
        return 0;
    } else if (err) {
        return cannot(s, o->name, err);
    }
    free(o->path);
    o->path = NULL;
    o->done = 1;
    return 0;
}

int oy_outs_commit(oy_outs *s)
{
    int err = 0, taken = 0, i;

    for (i = 0; i < s->n && !err; i++)
        if (!s->v[i].through && s->v[i].path)
            err = commit_one(s, &s->v[i], &taken);
    for (i = s->n - 1; i >= 0; i--) {
        oy_out *o = &s->v[i];
        if (err && o->done && o->old)
            rename(o->old, o->dest);
        else if (err && o->done && !o->replace)
            unlink(o->dest);
        else if (o->old)
            unlink(o->old);
        oy_freep(&o->old);
        o->done &= !err;
    }
    if (!err && s->made)
        oy_freep(&s->made);
    return err ? err : taken ? OYSTER_E_EXISTS : 0;
}

void oy_outs_release(oy_outs *s)
{
    for (int i = 0; i < s->n; i++) {
        if (!s->v[i].through && s->v[i].path)
            unlink(s->v[i].path);
        out_free(&s->v[i]);
    }
    if (s->made)
        rmdir(s->made);
    free(s->made);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* ---- single files ---- */

int oy_write_alone(oy_log *log, const char *path, int force, oy_fill_fn fill, void *ctx)
{
    oy_outs s;
    int i, err;

    oy_outs_init(&s, log, force);
    if ((i = err = oy_outs_add(&s, path, 0)) >= 0 && !(err = oy_outs_check(&s)) &&
        !(err = fill(&s, i, ctx)))
        err = oy_outs_commit(&s);
    oy_outs_release(&s);
    return err;
}

struct via {
    oy_write_fn fn;
    void *ctx;
};

static int fill_via(oy_outs *s, int i, void *ctx)
{
    const struct via *v = ctx;
    return oy_outs_write(s, i, v->fn, v->ctx);
}

int oy_write_atomic(oy_log *log, const char *path, int force, oy_write_fn fn, void *ctx)
{
    struct via v = { fn, ctx };
    return oy_write_alone(log, path, force, fill_via, &v);
}

int oy_check_png(oy_log *log, const char *path, const char *what)
{
    size_t n = strlen(path);
    struct stat st;

    if (!strcmp(path, "-") || (n > 4 && !strcasecmp(path + n - 4, ".png")))
        return 0;
    /* a device or a FIFO is written through whatever its name */
    if (stat(path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
        return 0;
    oy_diag(log, OYSTER_ERROR, NULL, 0, 0, "name it .png",
            "'%s': %s is written as PNG, not in the format its name asks for", path, what);
    return OYSTER_E_INPUT;
}

int oy_check_output(oy_log *log, const char *path, int force)
{
    struct stat st;

    if (!strcmp(path, "-") || force || stat(path, &st) != 0 ||
        S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))    /* written through, not replaced */
        return 0;
    oy_diag(log, OYSTER_ERROR, NULL, 0, 0, "use --force to overwrite it",
            "output '%s' exists", path);
    return OYSTER_E_EXISTS;
}
