/*
 * chunk_status.c - `oyster status DIR` (oyster(1), CHUNKS): each chunk
 * of a folder done (a manifest like the others', its file of the size the
 * manifest gives), running (a temporary of a run still at work), failed
 * (a temporary of a run that ended, a manifest that does not fit, a file
 * missing or of another size) or missing. Nothing is decoded: assemble
 * checks every frame.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chunk.h"

typedef struct status {
    const char *dir;
    oy_log *log;
    oyster_line_fn fn;
    void *opaque;
    oyster_status *st;
    oy_manifest ref;           /* the first manifest read: what the others must fit */
    int have_ref;
    double t0, t1;
} status;

static void say(status *s, int64_t k, int state, const char *fmt, const char *arg)
{
    static const char *const names[] = { "done", "running", "failed", "missing" };
    char why[256], line[400];

    s->st->count[state]++;
    snprintf(why, sizeof why, fmt, arg);
    snprintf(line, sizeof line, "chunk %lld of %lld: %s%s%s", (long long)k, (long long)s->st->chunks,
             names[state], why[0] ? ": " : "", why);
    if (s->fn)
        s->fn(s->opaque, line);
}

/* A chunk without a manifest: a temporary of its file tells. */
static void no_manifest(status *s, int64_t k)
{
    char *mkv = oy_chunk_path(s->dir, k, s->st->chunks, "mkv");
    const char *base = mkv ? strrchr(mkv, '/') + 1 : "";
    DIR *d = opendir(s->dir);
    struct dirent *e;
    long pid = 0;
    int found = 0;

    while (d && (e = readdir(d)) && found < 2) {
        int t = oy_temp_of(e->d_name, base, &pid);
        found = t > found ? t : found;
    }
    if (d)
        closedir(d);
    free(mkv);
    if (found == 1) {
        say(s, k, OYSTER_CHUNK_RUNNING, "%s", "being rendered");
    } else if (found == 2) {
        char why[96];
        snprintf(why, sizeof why, "its render (process %ld on this host) ended unfinished", pid);
        say(s, k, OYSTER_CHUNK_FAILED, "%s", why);
    } else {
        say(s, k, OYSTER_CHUNK_MISSING, "%s", "");
    }
}

static void one(status *s, int64_t k)
{
    char *json = oy_chunk_path(s->dir, k, s->st->chunks, "json"), *mkv = NULL;
    oy_log quiet = { 0 };
    oy_manifest m;
    struct stat st;

    if (!json || stat(json, &st) != 0) {
        no_manifest(s, k);
    } else if (oy_manifest_read(json, &m, &quiet) < 0) {
        say(s, k, OYSTER_CHUNK_FAILED, "'%s' is not a chunk manifest", json);
    } else {
        const oy_manifest *r = s->have_ref ? &s->ref : &m;
        if (m.shot_hash != r->shot_hash || m.seed != r->seed || m.build != r->build ||
            m.frames != r->frames || m.chunk != k)
            say(s, k, OYSTER_CHUNK_FAILED, "%s", "its manifest is of another shot, seed or build than the others");
        else if (!(mkv = oy_path_join(s->dir, m.file)) || stat(mkv, &st) != 0 ||
                 (uint64_t)st.st_size != m.file_bytes)
            say(s, k, OYSTER_CHUNK_FAILED, "'%s' is missing or of another size than its manifest says",
                m.file);
        else {
            s->st->count[OYSTER_CHUNK_DONE]++;
            s->st->frames_done += m.last - m.first + 1;
            s->st->render_s += m.finished - m.started;
            if (!s->t0 || m.started < s->t0)
                s->t0 = m.started;
            if (m.finished > s->t1)
                s->t1 = m.finished;
        }
        if (!s->have_ref) {
            s->ref = m;
            s->ref.md5 = NULL;
            s->have_ref = 1;
            s->st->frames = m.frames;
        }
        oy_manifest_release(&m);
    }
    free(json);
    free(mkv);
}

int oyster_chunk_status(const char *dir, oyster_line_fn fn, void *opaque, oyster_status *st,
                        oyster_log_fn log, void *log_opaque)
{
    oy_log lg = { log, log_opaque, 0, 0 };
    status s = { 0 };
    int err;

    s.dir = dir;
    s.log = &lg;
    s.fn = fn;
    s.opaque = opaque;
    s.st = st;
    memset(st, 0, sizeof *st);
    if ((err = oy_chunk_scan(dir, &st->chunks, &lg)))
        return err;
    for (int64_t k = 1; k <= st->chunks; k++)
        one(&s, k);
    st->span_s = s.t1 - s.t0;
    return 0;
}
