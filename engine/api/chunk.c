/*
 * chunk.c - what ties a chunk to its shot and build (oyster(1), CHUNKS):
 * the shot hash, the build's identity, the chunk's names, the check that
 * lets `render --chunk` skip a chunk that is done, and the shot's master
 * gain kept beside the chunks, so that a chunk costs its own frames
 * rather than a loudness measure over the whole shot.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../media/media.h"
#include "chunk.h"

#define GAIN_FILE "shot-audio.json"
#define MAX_PLAN (1 << 24)      /* chunks in a folder: a plan's listing stays small */

uint64_t oy_shot_hash(const oyster_shot *shot)
{
    const oy_script *s = shot->script;
    const oy_output *o = &s->output;
    int64_t v[] = { (int64_t)s->file_hash, (int64_t)s->seed, o->width, o->height, o->fps.num,
                    o->fps.den, o->frames, o->samples, o->draft, o->audio, (int64_t)o->burn_in,
                    o->timecode_start };
    uint64_t h = oy_hash_bytes(0x0c4a2b5ULL, v, sizeof v);

    return oy_hash_bytes(h, &o->aspect, sizeof o->aspect);
}

static uint64_t build_id;
static pthread_once_t build_once = PTHREAD_ONCE_INIT;

/* The program's own file (proc(5), /proc/self/exe); where there is none
 * to read, the version and the muxer's ident stand in. */
static void build_init(void)
{
    FILE *f = fopen("/proc/self/exe", "rb");
    uint64_t h = oy_hash_str(oy_hash_str(0, OYSTER_VERSION), oy_media_lavf_ident());
    unsigned char buf[1 << 16];
    size_t n;

    while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
        h = oy_hash_bytes(h, buf, n);
    if (f)
        fclose(f);
    build_id = h;
}

uint64_t oy_build_id(void)
{
    pthread_once(&build_once, build_init);
    return build_id;
}

int oy_chunk_name(const oy_chunk_id *id, char *buf, size_t size)
{
    int len;

    if (id->chunks <= 0) {
        len = snprintf(buf, size, "frames-%06lld-%06lld", (long long)id->first, (long long)id->last);
        return len >= 0 && (size_t)len < size ? len : OYSTER_E_INPUT;
    }
    /* the manifest's name without its extension */
    len = oyster_chunk_manifest(id->chunk, id->chunks, buf, size);
    if (len < 5)
        return OYSTER_E_INPUT;
    buf[len - 5] = 0;
    return len - 5;
}

char *oy_chunk_path(const char *dir, const oy_chunk_id *id, const char *ext)
{
    char name[96];
    int len = oy_chunk_name(id, name, sizeof name - 10);

    if (len < 0 || (ext && strlen(ext) > 8))
        return NULL;
    if (ext)
        snprintf(name + len, sizeof name - (size_t)len, ".%s", ext);
    return oy_path_join(dir, name);
}

char *oy_chunk_frame_path(const char *dir, const oy_chunk_id *id, int64_t frame)
{
    char *folder = oy_chunk_path(dir, id, NULL), name[32], *path;

    snprintf(name, sizeof name, "%06lld.png", (long long)frame);
    path = folder ? oy_path_join(folder, name) : NULL;
    free(folder);
    return path;
}

int oy_chunk_frame_read(const char *dir, const oy_manifest *m, int64_t n, uint8_t *rgb)
{
    oy_chunk_id id = oy_manifest_id(m);
    char *path = oy_chunk_frame_path(dir, &id, n);
    oy_log quiet = { 0 };
    uint8_t *px = NULL;
    int w = 0, h = 0, ret;

    if (!path)
        return OYSTER_E_NOMEM;
    ret = oy_image_load(path, m->width, m->height, &px, &w, &h, &quiet);
    free(path);
    if (ret == OYSTER_E_NOMEM)
        return ret;
    ret = ret == 0 && w == m->width && h == m->height;
    if (ret)
        memcpy(rgb, px, (size_t)w * h * 3);
    free(px);
    return ret;
}

/* Whether the PNG files of a chunk's frames hold the pictures its
 * manifest m hashes. */
static int frames_match(const char *dir, const oy_manifest *m)
{
    uint8_t *rgb = oy_malloc((size_t)m->width * m->height * 3);
    int ok = rgb != NULL;
    char md5[33];

    for (int64_t k = m->first; k <= m->last && ok; k++) {
        ok = oy_chunk_frame_read(dir, m, k, rgb) == 1;
        if (ok) {
            oy_md5_hex(rgb, (size_t)m->width * m->height * 3, md5);
            ok = !strcmp(md5, m->md5[k - m->first]);
        }
    }
    free(rgb);
    return ok;
}

oy_chunk_id oy_manifest_id(const oy_manifest *m)
{
    return (oy_chunk_id){ m->chunk, m->chunks, m->first, m->last };
}

void oy_manifest_init(oy_manifest *m, const oyster_shot *shot, const oy_chunk_id *id)
{
    const oy_output *o = &shot->script->output;

    snprintf(m->version, sizeof m->version, "%s", OYSTER_VERSION);
    m->build = oy_build_id();
    m->shot_hash = oy_shot_hash(shot);
    m->seed = shot->script->seed;
    m->chunk = id->chunk;
    m->chunks = id->chunks;
    m->first = id->first;
    m->last = id->last;
    m->frames = o->frames;
    m->samples = o->samples;
    m->fps = o->fps;
    m->width = o->width;
    m->height = o->height;
    m->draft = o->draft;
    if (gethostname(m->host, sizeof m->host - 1) != 0)
        strcpy(m->host, "?");
    /* the reader takes the host as a plain string */
    for (char *c = m->host; *c; c++)
        if (*c == '"' || *c == '\\' || (unsigned char)*c < 0x20)
            *c = '_';
}

const char *oy_chunk_what(const oy_chunk_id *id, char *buf, size_t size)
{
    if (id->chunks > 0)
        snprintf(buf, size, "chunk %lld of %lld", (long long)id->chunk, (long long)id->chunks);
    else
        snprintf(buf, size, "frames %lld-%lld", (long long)id->first, (long long)id->last);
    return buf;
}

/* Side outputs belong to assemble, which sees the whole shot. */
static int check_request(oyster_shot *shot, const oyster_render_opts *o)
{
    const char *what = o->frame_hashes ? "--frame-hashes" : o->audio_out ? "--audio-out"
                     : o->stems_dir ? "--stems" : o->state_out ? "--state-out"
                     : o->state_in ? "--state-in" : o->camera_out ? "--camera-out"
                     : o->edit_out[0] ? "--otio" : o->edit_out[1] ? "--edl"
                     : o->edit_out[2] ? "--fcpxml"
                     : !o->chunk_range && (o->first > 0 || o->last >= 0) ? "--frames" : NULL;
    int64_t frames = shot->script->output.frames;

    if (what) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0,
                "render the chunks alone; 'oyster assemble' writes the side outputs",
                "'%s' cannot go with %s", what, o->chunk_range ? "a chunk ('--frames' into a folder)"
                                                               : "'--chunk'");
        return OYSTER_E_INPUT;
    }
    if (o->chunk_range && (o->first < 0 || o->last < o->first || o->last >= frames)) {
        oy_error(&shot->log, "frames %lld-%lld do not fit a shot of %lld frames",
                 (long long)o->first, (long long)o->last, (long long)frames);
        return OYSTER_E_INPUT;
    }
    if (!o->chunk_range && (o->chunk < 1 || o->chunk > o->chunks || o->chunks > frames)) {
        oy_error(&shot->log, "chunk %lld of %lld does not fit a shot of %lld frames",
                 (long long)o->chunk, (long long)o->chunks, (long long)frames);
        return OYSTER_E_INPUT;
    }
    return 0;
}

/* Whether the chunk's files in dir are those this render would write. */
static int is_done(oyster_shot *shot, const oyster_render_opts *o, const oy_chunk_id *id)
{
    char *json = oy_chunk_path(o->out, id, "json");
    char *mkv = oy_chunk_path(o->out, id, "mkv");
    oy_manifest m, want = { 0 };
    oy_log quiet = { 0 };
    char md5[33], what[64];
    uint64_t size;
    struct stat st;
    const char *why = NULL;
    int done = 0;

    if (!json || !mkv || stat(json, &st) != 0 || oy_manifest_read(json, &m, &quiet) < 0) {
        why = json && stat(json, &st) == 0 ? "its manifest cannot be read" : NULL;
        goto out;
    }
    oy_manifest_init(&want, shot, id);
    if (m.build != want.build || strcmp(m.version, want.version))
        why = "it was rendered by another build of oyster";
    else if (m.shot_hash != want.shot_hash || m.seed != want.seed || m.chunk != want.chunk ||
             m.chunks != want.chunks || m.first != want.first || m.last != want.last ||
             m.frames != want.frames || m.audio != (shot->script->output.audio && !o->no_audio) ||
             m.png != !!o->chunk_png)
        why = "it was rendered from another shot or with other options";
    else if (*m.file && (strcmp(m.file, strrchr(mkv, '/') + 1) || stat(mkv, &st) != 0 ||
                         (uint64_t)st.st_size != m.file_bytes))
        why = "its file is missing or of another size";
    else if (*m.file && (oy_md5_file(mkv, md5, &size) < 0 || strcmp(md5, m.file_md5)))
        why = "its file does not match its manifest";
    else if (m.png && !frames_match(o->out, &m))
        why = "a frame's PNG file is missing or does not match its manifest";
    else
        done = 1;
    oy_manifest_release(&m);
out:
    oy_chunk_what(id, what, sizeof what);
    if (done)
        oy_info(&shot->log, "%s in '%s' is done already; skipped", what, o->out);
    else if (why)
        oy_warn(&shot->log, "%s in '%s' is rendered again: %s", what, o->out, why);
    free(json);
    free(mkv);
    return done;
}

int oy_chunk_check(oyster_shot *shot, const oyster_render_opts *o, oy_chunk_id *id)
{
    int err = check_request(shot, o);

    if (err)
        return err;
    if (o->chunk_range) {
        *id = (oy_chunk_id){ 0, 0, o->first, o->last };
    } else {
        *id = (oy_chunk_id){ o->chunk, o->chunks, 0, 0 };
        oyster_chunk_range(shot->script->output.frames, o->chunk, o->chunks, &id->first, &id->last);
    }
    return !o->force && is_done(shot, o, id);
}

/* ---- the shot's master gain ---- */

static int read_gain(const char *path, uint64_t shot, uint64_t build, float *gain)
{
    FILE *f = fopen(path, "rb");
    uint64_t s = 0, b = 0;
    uint32_t bits = 0;
    int n = f ? fscanf(f, "{\n  \"format\": \"oyster-shot-audio 1\",\n  \"shot_hash\": \"%" SCNx64 "\",\n"
                          "  \"build\": \"%" SCNx64 "\",\n  \"gain_bits\": \"%" SCNx32 "\",", &s, &b, &bits) : 0;

    if (f)
        fclose(f);
    if (n != 3 || s != shot || b != build)
        return -1;
    memcpy(gain, &bits, sizeof bits);
    return 0;
}

/* The gain from path when it is this shot's and build's, else measured
 * and written there; path is freed. */
static int gain_file(oyster_shot *shot, char *path, oy_audio *a, oy_log *log)
{
    char *tmp = path ? oy_temp_path(path) : NULL;
    uint64_t sh = oy_shot_hash(shot), build = oy_build_id();
    float gain;
    uint32_t bits;
    FILE *f;
    int err = 0;

    if (!tmp) {
        err = OYSTER_E_NOMEM;
        goto done;
    }
    if (read_gain(path, sh, build, &gain) == 0) {
        oy_audio_set_master_gain(a, gain);
        goto done;
    }
    if ((err = oy_audio_master_gain(a, &gain)) < 0)
        goto done;
    memcpy(&bits, &gain, sizeof bits);
    /* every chunk writes the same bytes: whichever rename lands last is right */
    if (!(f = fopen(tmp, "wb"))) {
        oy_warn(log, "cannot write '%s': %s", tmp, oyster_strerror(-errno));
        goto done;
    }
    fprintf(f, "{\n  \"format\": \"oyster-shot-audio 1\",\n  \"shot_hash\": \"%016" PRIx64 "\",\n"
               "  \"build\": \"%016" PRIx64 "\",\n  \"gain_bits\": \"%08" PRIx32 "\",\n"
               "  \"gain_db\": %.2f\n}\n", sh, build, bits, 20.0 * log10(gain));
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        oy_warn(log, "cannot write '%s': %s", path, oyster_strerror(-errno));
        unlink(tmp);
    }
done:
    free(path);
    free(tmp);
    return err;
}

int oy_chunk_gain(oyster_shot *shot, const char *dir, oy_audio *a, oy_log *log)
{
    return gain_file(shot, oy_path_join(dir, GAIN_FILE), a, log);
}

int oy_gain_cached(oyster_shot *shot, oy_audio *a, oy_log *log)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char dir[4096], name[64];
    int n;

    if (xdg && *xdg == '/')
        n = snprintf(dir, sizeof dir, "%s/oyster", xdg);
    else if (home && *home == '/')
        n = snprintf(dir, sizeof dir, "%s/.cache/oyster", home);
    else
        return 0;
    if (n <= 0 || (size_t)n >= sizeof dir)
        return 0;
    /* the cache's folders, made as needed; without them the gain is
     * measured as if there were no cache */
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        mkdir(dir, 0755);
        *p = '/';
    }
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
        return 0;
    snprintf(name, sizeof name, "loudness-%016" PRIx64 ".json", oy_shot_hash(shot));
    return gain_file(shot, oy_path_join(dir, name), a, log);
}

/* ---- a folder of chunks ---- */

/* The chunk a file of a chunk folder belongs to: its manifest
 * "NAME.json", the temporary of its chunk file being written (outputs.c)
 * or the folder "NAME" of its PNG frames, NAME as oy_chunk_name writes it. */
static int chunk_name(const char *name, oy_chunk_id *id)
{
    long long a, b;
    char back[96];
    long pid;
    int temp = name[0] == '.', len;

    if (sscanf(name + temp, "chunk-%lld-of-%lld", &a, &b) == 2 && a >= 1 && b >= a)
        *id = (oy_chunk_id){ a, b, -1, -1 };
    else if (sscanf(name + temp, "frames-%lld-%lld", &a, &b) == 2 && a >= 0 && b >= a)
        *id = (oy_chunk_id){ 0, 0, a, b };
    else
        return -1;
    if ((len = oy_chunk_name(id, back, sizeof back - 8)) < 0)
        return -1;
    if (temp) {
        strcpy(back + len, ".mkv");
        return oy_temp_of(name, back, &pid) ? 0 : -1;
    }
    if (strchr(name, '.'))
        strcpy(back + len, ".json");
    return strcmp(back, name) ? -1 : 0;
}

static int by_range(const void *pa, const void *pb)
{
    const oy_chunk_id *a = pa, *b = pb;

    return a->first != b->first ? (a->first > b->first) - (a->first < b->first)
                                : (a->last > b->last) - (a->last < b->last);
}

/* A plan's chunks 1..n in place of the names found. */
static int plan_ids(oy_chunk_id **ids, int64_t n)
{
    oy_chunk_id *v = oy_realloc_array(*ids, (size_t)n, sizeof *v);

    if (!v)
        return OYSTER_E_NOMEM;
    for (int64_t k = 0; k < n; k++)
        v[k] = (oy_chunk_id){ k + 1, n, -1, -1 };
    *ids = v;
    return 0;
}

int oy_chunk_scan(const char *dir, oy_chunk_id **ids, int64_t *count, oy_log *log)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    oy_chunk_id id, *v = NULL;
    int64_t n = 0, cap = 0, plan = 0, other = 0, ranges = 0, kept = 0;
    int err = 0;

    *ids = NULL;
    *count = 0;
    if (!d) {
        err = -errno;
        oy_error(log, "cannot read folder '%s': %s", dir, oyster_strerror(err));
        return err == -ENOENT || err == -ENOTDIR ? OYSTER_E_INPUT : err;
    }
    while ((e = readdir(d)) && !err) {
        if (chunk_name(e->d_name, &id) < 0)
            continue;
        if (id.chunks > 0) {
            if (!plan || id.chunks == plan)
                plan = id.chunks;
            else
                other = id.chunks;
            continue;
        }
        ranges++;
        if (n == cap) {
            oy_chunk_id *w = oy_realloc_array(v, (size_t)(cap = cap ? 2 * cap : 16), sizeof *v);
            if (!w) {
                err = OYSTER_E_NOMEM;
                break;
            }
            v = w;
        }
        v[n++] = id;
    }
    closedir(d);
    if (!err && !plan && !ranges) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0,
                "render them with 'oyster render SHOT --chunk I/N -o DIR' or '--frames A-B -o DIR'",
                "'%s' holds no chunks", dir);
        err = OYSTER_E_INPUT;
    } else if (!err && (other || (plan && ranges))) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, "keep one plan's chunks in a folder",
                other ? "'%s' holds chunks of two plans: of %lld and of %lld"
                      : "'%s' holds chunks of a plan (of %lld) and frame ranges", dir, (long long)plan,
                (long long)other);
        err = OYSTER_E_INPUT;
    } else if (!err && plan > MAX_PLAN) {
        oy_error(log, "'%s' holds a chunk of a plan of %lld chunks, more than oyster plans (%d)", dir,
                 (long long)plan, MAX_PLAN);
        err = OYSTER_E_INPUT;
    } else if (!err && plan) {
        err = plan_ids(&v, n = plan);
    } else if (!err) {
        /* a range's manifest and the folder of its frames name it twice */
        qsort(v, (size_t)n, sizeof *v, by_range);
        for (int64_t k = 0; k < n; k++)
            if (!kept || by_range(&v[kept - 1], &v[k]))
                v[kept++] = v[k];
        n = kept;
    }
    if (err) {
        free(v);
        return err;
    }
    *ids = v;
    *count = n;
    return 0;
}

int oyster_chunk_audio(oyster_shot *shot, const char *dir)
{
    oy_audio *a = NULL;
    int err;

    if (!shot->script->output.audio)
        return 0;          /* no sound, no loudness to measure */
    err = oy_audio_new(&a, shot->model, shot->world, shot->camera, shot->script->output.samples,
                       &shot->log);
    if (!err)
        err = oy_chunk_gain(shot, dir, a, &shot->log);
    oy_audio_free(&a);
    return err;
}
