/*
 * plan_job.c - `oyster plan`: checks a farm job before any file is written
 * (one name per shot, no more chunks than frames, paths the engine's
 * files can hold, a folder that is new, empty or forced), then makes the
 * folder and a chunk folder per shot and lets the engine's writer fill
 * it. The chunk arithmetic lives here too: `render --chunk` and
 * `assemble` read the same functions.
 */
#include <errno.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "plan.h"

#define MAX_TASKS 1000000
/* An Indexed Job with backoffLimitPerIndex takes at most 10^5
 * completions unless maxFailedIndexes is set (the Job API reference). */
#define K8S_MAX_TASKS 100000

static const char *const farm_names[OYSTER_FARM_COUNT] = {
    "slurm", "parallel", "k8s", "openjd", "make"
};

/* What any engine writes into DIR; a shot of one of these names would
 * put its chunk folder where a file of the plan goes. */
static const char *const plan_files[] = {
    "README.md", "submit.sh", "render.sbatch", "assemble.sbatch", "logs", "tasks.txt",
    "chunk.sh", "assemble.sh", "parallel.log", "hosts", "job.yaml", "assemble-job.yaml",
    "template.yaml", "Makefile", NULL
};

static int (*const writers[OYSTER_FARM_COUNT])(const plan *p) = {
    plan_slurm, plan_parallel, plan_k8s, plan_openjd, plan_make
};

const char *oyster_farm_name(int farm)
{
    return farm >= 0 && farm < OYSTER_FARM_COUNT ? farm_names[farm] : NULL;
}

int oyster_farm_find(const char *name)
{
    for (int i = 0; i < OYSTER_FARM_COUNT; i++)
        if (!strcmp(name, farm_names[i]))
            return i;
    return -1;
}

/* Exact while (i - 1) * frames fits in 63 bits: a shot of a billion
 * frames still has room for a billion chunks. */
void oyster_chunk_range(int64_t frames, int64_t i, int64_t n, int64_t *first, int64_t *last)
{
    *first = (i - 1) * frames / n;
    *last = i * frames / n - 1;
}

int oyster_chunk_manifest(int64_t i, int64_t n, char *buf, size_t size)
{
    int digits = snprintf(NULL, 0, "%lld", (long long)n);
    int len = snprintf(buf, size, "chunk-%0*lld-of-%lld.json", digits, (long long)i, (long long)n);

    return len >= 0 && (size_t)len < size ? len : OYSTER_E_INPUT;
}

/* The script's file name without its extension: dusk.yaml -> dusk. */
static char *stem(const char *path)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *s = oy_malloc(n + 1);

    if (s) {
        memcpy(s, base, n);
        s[n] = 0;
    }
    return s;
}

/* The absolute path of dir, which may not exist yet (its parent must). */
static char *absolute_dir(const char *dir)
{
    char *copy = oy_strdup(dir), *slash, *parent, *out = NULL;
    size_t n;

    if (!copy)
        return NULL;
    for (n = strlen(copy); n > 1 && copy[n - 1] == '/'; n--)
        copy[n - 1] = 0;
    if ((out = realpath(copy, NULL)) || errno != ENOENT) {
        free(copy);
        return out;
    }
    slash = strrchr(copy, '/');
    if (slash)
        *slash = 0;
    parent = realpath(slash ? (slash == copy ? "/" : copy) : ".", NULL);
    if (parent) {
        out = oy_path_join(strcmp(parent, "/") ? parent : "", slash ? slash + 1 : copy);
        free(parent);
    }
    free(copy);
    return out;
}

/* Control characters cannot live in a YAML scalar, a line of tasks.txt
 * or an Open Job Description string (its Cc category). */
static int plain(const plan *p, const char *what, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c < 0x20 || *c == 0x7f) {
            oy_diag(p->log, OYSTER_ERROR, NULL, 0, 0, "rename it without tabs or line breaks",
                    "%s '%s' holds a control character, which a farm's files cannot hold", what, s);
            return OYSTER_E_INPUT;
        }
    }
    return 0;
}

/* The folder is the one path in an Open Job Description template, whose
 * format strings have no escape for "{{". */
static int openjd_dir(const plan *p)
{
    if (p->o->farm != OYSTER_FARM_OPENJD || !strstr(p->dir, "{{"))
        return 0;
    oy_diag(p->log, OYSTER_ERROR, NULL, 0, 0, "rename it, or plan for another engine",
            "folder '%s' holds '{{', which Open Job Description reads as a value", p->dir);
    return OYSTER_E_INPUT;
}

static int check_name(const plan *p, int k)
{
    const plan_shot *s = &p->shots[k];

    if (!s->name[0] || !strcmp(s->name, ".") || !strcmp(s->name, "..")) {
        oy_error(p->log, "'%s' has no name to give its chunk folder", s->script);
        return OYSTER_E_INPUT;
    }
    if (p->o->farm == OYSTER_FARM_MAKE && strpbrk(s->name, PLAN_MAKE_BAD)) {
        oy_diag(p->log, OYSTER_ERROR, NULL, 0, 0, "rename the script, or plan for another engine",
                "make cannot name a target after shot '%s' (no %s in a name)", s->name, PLAN_MAKE_BAD);
        return OYSTER_E_INPUT;
    }
    for (int i = 0; plan_files[i]; i++) {
        if (!strcmp(s->name, plan_files[i])) {
            oy_diag(p->log, OYSTER_ERROR, NULL, 0, 0, "rename the script",
                    "shot '%s' would put its chunks in '%s', a file of the plan", s->script, s->name);
            return OYSTER_E_INPUT;
        }
    }
    for (int j = 0; j < k; j++) {
        if (!strcmp(s->name, p->shots[j].name)) {
            oy_diag(p->log, OYSTER_ERROR, NULL, 0, 0, "rename one of the scripts",
                    "shots '%s' and '%s' are both named '%s': their chunks would share a folder",
                    p->shots[j].script, s->script, s->name);
            return OYSTER_E_INPUT;
        }
    }
    return 0;
}

static int64_t chunks_of(const plan *p, int64_t frames)
{
    const oyster_plan_opts *o = p->o;
    return o->chunks > 0 ? o->chunks : (frames + o->chunk_frames - 1) / o->chunk_frames;
}

static int plan_shots(plan *p, oyster_shot *const *shots, int nshots)
{
    const oyster_overrides *ov = p->o->ov;
    const char *texts[4] = { ov ? ov->seed : NULL, ov ? ov->size : NULL,
                             ov ? ov->fps : NULL, ov ? ov->duration : NULL };
    int err;

    if (!(p->shots = oy_calloc((size_t)nshots, sizeof *p->shots)))
        return OYSTER_E_NOMEM;
    p->nshots = nshots;
    for (int k = 0; k < nshots; k++) {
        plan_shot *s = &p->shots[k];

        if (!(s->script = realpath(shots[k]->script->path, NULL))) {
            err = -errno;
            oy_error(p->log, "cannot find '%s': %s", shots[k]->script->path, oyster_strerror(err));
            return err;
        }
        if (!(s->name = stem(s->script)))
            return OYSTER_E_NOMEM;
        if ((err = plain(p, "script", s->script)) || (err = check_name(p, k)))
            return err;
        s->frames = shots[k]->script->output.frames;
        s->chunks = chunks_of(p, s->frames);
        if (s->chunks > s->frames) {
            oy_diag(p->log, OYSTER_ERROR, NULL, 0, 0, "ask for at most one chunk a frame",
                    "'%s' has %lld frames: it cannot make %lld chunks", s->script,
                    (long long)s->frames, (long long)s->chunks);
            return OYSTER_E_INPUT;
        }
        p->tasks += s->chunks;
    }
    if (p->tasks > (p->o->farm == OYSTER_FARM_K8S ? K8S_MAX_TASKS : MAX_TASKS)) {
        oy_error(p->log, "%lld chunks in all: a plan for %s holds at most %d", (long long)p->tasks,
                 farm_names[p->o->farm], p->o->farm == OYSTER_FARM_K8S ? K8S_MAX_TASKS : MAX_TASKS);
        return OYSTER_E_INPUT;
    }
    for (int i = 0; i < 4; i++)
        if (texts[i] && (err = plain(p, "override", texts[i])))
            return err;
    return plain(p, "oyster binary", p->o->oyster);
}

/* "oyster-" and the folder's name as a Kubernetes object name allows:
 * lower-case letters, digits and single '-', short enough for a suffix. */
static char *job_name(const char *dir)
{
    const char *base = strrchr(dir, '/') + 1;
    char *s = oy_malloc(48), *q;

    if (!s)
        return NULL;
    q = s + sprintf(s, "oyster-");
    for (const char *c = base; *c && q < s + 40; c++) {
        char ch = *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
            *q++ = ch;
        else if (q[-1] != '-')
            *q++ = '-';
    }
    while (q[-1] == '-')
        q--;
    *q = 0;
    return s;
}

/* DIR must be new, empty or forced; it is made now, with a chunk folder
 * per shot. */
static int make_dirs(const plan *p)
{
    struct stat st;
    DIR *d;
    struct dirent *e;
    int used = 0;

    if (stat(p->dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode)) {
            oy_error(p->log, "output '%s' exists and is not a folder", p->o->dir);
            return OYSTER_E_INPUT;
        }
        if (!(d = opendir(p->dir)))
            goto fail;
        while (!used && (e = readdir(d)))
            used = strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
        closedir(d);
        if (used && !p->o->force) {
            oy_diag(p->log, OYSTER_ERROR, NULL, 0, 0, "use --force to write the plan into it",
                    "output '%s' exists and is not empty", p->o->dir);
            return OYSTER_E_EXISTS;
        }
    } else if (mkdir(p->dir, 0777) != 0) {
        goto fail;
    }
    for (int k = 0; k < p->nshots; k++) {
        char *sub = oy_path_join(p->dir, p->shots[k].name);
        int bad;

        if (!sub)
            return OYSTER_E_NOMEM;
        bad = mkdir(sub, 0777) != 0 && (errno != EEXIST || stat(sub, &st) != 0 || !S_ISDIR(st.st_mode));
        free(sub);
        if (bad)
            goto fail;
    }
    return 0;
fail:
    {
        int err = errno ? -errno : OYSTER_E_INTERNAL;
        oy_error(p->log, "cannot make the folders of '%s': %s", p->o->dir, oyster_strerror(err));
        return err;
    }
}

int oyster_plan(oyster_shot *const *shots, int nshots, const oyster_plan_opts *o)
{
    plan p = { .o = o };
    int err;

    if (nshots < 1 || !oyster_farm_name(o->farm) || !o->oyster || (o->chunks < 1 && o->chunk_frames < 1))
        return OYSTER_E_INPUT;
    p.log = &shots[0]->log;
    if ((err = plan_shots(&p, shots, nshots)))
        goto done;
    if (!(p.dir = absolute_dir(o->dir))) {
        err = errno == ENOMEM ? OYSTER_E_NOMEM : -errno;
        oy_error(p.log, "cannot make '%s': %s", o->dir, oyster_strerror(err));
        goto done;
    }
    if (!(p.job = job_name(p.dir))) {
        err = OYSTER_E_NOMEM;
        goto done;
    }
    if ((err = plain(&p, "folder", p.dir)) || (err = openjd_dir(&p)) || (err = make_dirs(&p)))
        goto done;
    if ((err = writers[o->farm](&p)))
        goto done;
    /* the whole shot's loudness, measured once here rather than by every
     * chunk that starts before another has written it */
    for (int k = 0; k < p.nshots && !err; k++) {
        char *dir = oy_path_join(p.dir, p.shots[k].name);
        err = dir ? oyster_chunk_audio(shots[k], dir) : OYSTER_E_NOMEM;
        free(dir);
    }
done:
    for (int k = 0; k < p.nshots; k++) {
        free(p.shots[k].script);
        free(p.shots[k].name);
    }
    free(p.shots);
    free(p.dir);
    free(p.job);
    return err ? err : (int)p.tasks;
}
