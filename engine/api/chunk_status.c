/*
 * chunk_status.c - `oyster status DIR` (oyster(1), CHUNKS): each chunk
 * of a folder done (a manifest like the others', its file of the size the
 * manifest gives, its PNG frames there when it has them), running (a temporary of a run still at work), failed
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

static void say(status *s, const oy_chunk_id *id, int state, const char *fmt, const char *arg)
{
    static const char *const names[] = { "done", "running", "failed", "missing" };
    char why[256], line[400], what[64];

    s->st->count[state]++;
    snprintf(why, sizeof why, fmt, arg);
    snprintf(line, sizeof line, "%s: %s%s%s", oy_chunk_what(id, what, sizeof what),
             names[state], why[0] ? ": " : "", why);
    if (s->fn)
        s->fn(s->opaque, line);
}

/* The most telling temporary of the file base in folder dir (NULL: of
 * any PNG file there): 0 none, else as oy_temp_of says (the process id
 * in *pid). */
static int temp_in(const char *dir, const char *base, long *pid)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;

    while (d && (e = readdir(d)) && found < 2) {
        const char *end = strstr(e->d_name, ".png."), *b = base;
        char png[32];
        if (!base) {
            /* ".FFFFFF.png.oyster-HOST-PID.tmp" hides "FFFFFF.png" */
            if (e->d_name[0] != '.' || !end || end + 4 - (e->d_name + 1) >= (long)sizeof png)
                continue;
            memcpy(png, e->d_name + 1, (size_t)(end + 4 - (e->d_name + 1)));
            png[end + 4 - (e->d_name + 1)] = 0;
            b = png;
        }
        int t = oy_temp_of(e->d_name, b, pid);
        found = t > found ? t : found;
    }
    if (d)
        closedir(d);
    return found;
}

/* A chunk without a manifest: a temporary of its file tells, or of its
 * PNG frames' (they stay temporaries until the chunk is whole). */
static void no_manifest(status *s, const oy_chunk_id *k)
{
    char *mkv = oy_chunk_path(s->dir, k, "mkv");
    char *frames = oy_chunk_path(s->dir, k, NULL);
    long pid = 0;
    int found = mkv ? temp_in(s->dir, strrchr(mkv, '/') + 1, &pid) : 0;

    if (!found && frames)
        found = temp_in(frames, NULL, &pid);
    free(mkv);
    free(frames);
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

/* Whether every PNG frame of a chunk is there (not decoded). */
static int frames_there(const char *dir, const oy_manifest *m)
{
    struct stat st;
    int ok = 1;

    for (int64_t n = m->first; n <= m->last && ok; n++) {
        oy_chunk_id id = oy_manifest_id(m);
        char *png = oy_chunk_frame_path(dir, &id, n);
        ok = png && stat(png, &st) == 0 && S_ISREG(st.st_mode);
        free(png);
    }
    return ok;
}

static void one(status *s, const oy_chunk_id *k)
{
    char *json = oy_chunk_path(s->dir, k, "json"), *mkv = NULL;
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
            m.frames != r->frames || m.chunk != k->chunk || m.chunks != k->chunks ||
            (!k->chunks && (m.first != k->first || m.last != k->last)))
            say(s, k, OYSTER_CHUNK_FAILED, "%s", "its manifest is of another shot, seed or build than the others");
        else if (*m.file && (!(mkv = oy_path_join(s->dir, m.file)) || stat(mkv, &st) != 0 ||
                             (uint64_t)st.st_size != m.file_bytes))
            say(s, k, OYSTER_CHUNK_FAILED, "'%s' is missing or of another size than its manifest says",
                m.file);
        else if (m.png && !frames_there(s->dir, &m))
            say(s, k, OYSTER_CHUNK_FAILED, "%s", "a frame's PNG file is missing");
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

/* Frames a..b that no chunk of ranges holds. */
static void gap(status *s, int64_t a, int64_t b)
{
    oy_chunk_id id = { 0, 0, a, b };

    s->st->chunks++;
    say(s, &id, OYSTER_CHUNK_MISSING, "%s", "in no chunk");
}

int oyster_chunk_status(const char *dir, oyster_line_fn fn, void *opaque, oyster_status *st,
                        oyster_log_fn log, void *log_opaque)
{
    oy_log lg = { log, log_opaque, 0, 0 };
    status s = { 0 };
    oy_chunk_id *ids;
    int64_t n, next = 0;
    int err;

    s.dir = dir;
    s.log = &lg;
    s.fn = fn;
    s.opaque = opaque;
    s.st = st;
    memset(st, 0, sizeof *st);
    if ((err = oy_chunk_scan(dir, &ids, &n, &lg)))
        return err;
    st->chunks = n;     /* and the gaps between frame ranges */
    for (int64_t k = 0; k < n; k++) {
        const oy_chunk_id *id = &ids[k];
        if (id->chunks) {
            one(&s, id);
            continue;
        }
        /* frame ranges: in order, each frame once */
        if (id->first > next)
            gap(&s, next, id->first - 1);
        if (id->first < next)
            say(&s, id, OYSTER_CHUNK_FAILED, "%s", "some of its frames are in another chunk too");
        else
            one(&s, id);
        next = id->last + 1 > next ? id->last + 1 : next;
    }
    if (!ids[0].chunks && s.have_ref && next < s.ref.frames)
        gap(&s, next, s.ref.frames - 1);
    free(ids);
    st->span_s = s.t1 - s.t0;
    return 0;
}
