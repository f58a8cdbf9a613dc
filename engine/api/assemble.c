/*
 * assemble.c - `oyster assemble DIR -o OUT` (oyster(1), CHUNKS): the
 * chunks of a shot checked against each other and this build before any
 * output is made, then read in order, each frame checked against its
 * manifest's hash, and handed to the render loop (job.c) as if rendered.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../media/media.h"
#include "chunk.h"

struct oy_assembly {
    const char *dir;
    oy_log *log;
    oy_chunk_id *ids;          /* the chunks in frame order (oy_chunk_scan) */
    oy_manifest *m;            /* theirs, at the same index */
    int64_t n, at;             /* the open chunk's index; -1: none yet */
    oy_video_in *video;
    oy_pcm_in *pcm;
};

static char *file_of(const oy_assembly *as, int64_t k)
{
    return oy_path_join(as->dir, as->m[k].file);
}

static int open_chunk(oy_assembly *as, int64_t k)
{
    char *path = file_of(as, k);
    int tracks = 0, err;

    oy_video_in_free(&as->video);
    oy_pcm_in_free(&as->pcm);
    as->at = k;
    if (!path)
        return OYSTER_E_NOMEM;
    /* PNG frames: the file holds the sound alone */
    if (!(err = as->m[k].png ? 0 : oy_video_in_open(&as->video, path, as->log)) && as->m[k].audio &&
        !(err = oy_pcm_in_open(&as->pcm, path, &tracks, as->log)) && tracks != OY_CHUNK_TRACKS) {
        oy_error(as->log, "'%s' holds %d audio tracks, not %d", path, tracks, OY_CHUNK_TRACKS);
        err = OYSTER_E_INPUT;
    }
    free(path);
    return err;
}

static int damaged(oy_assembly *as, int64_t n, const char *what)
{
    const oy_manifest *m = &as->m[as->at];
    char *png = m->png ? oy_chunk_frame_path(as->dir, &as->ids[as->at], n) : NULL;
    const char *hint = "render the chunk again (see 'oyster status')";

    if (png)
        oy_diag(as->log, OYSTER_ERROR, NULL, 0, 0, hint, "frame %lld, '%s', %s", (long long)n, png, what);
    else
        oy_diag(as->log, OYSTER_ERROR, NULL, 0, 0, hint, "frame %lld of '%s/%s' %s", (long long)n, as->dir,
                m->file, what);
    free(png);
    return OYSTER_E_INPUT;
}

int oy_assembly_picture(oy_assembly *as, int64_t n, uint8_t *rgb)
{
    const oy_manifest *m;
    const uint8_t *px;
    char md5[33];
    int w, h, ret;

    if ((as->at < 0 || n > as->m[as->at].last) && (ret = open_chunk(as, as->at + 1)) < 0)
        return ret;
    m = &as->m[as->at];
    if (m->png) {
        if ((ret = oy_chunk_frame_read(as->dir, m, n, rgb)) < 0)
            return ret;
        if (!ret)
            return damaged(as, n, "is missing, or is not a PNG file of the chunk's size");
        w = m->width;
        h = m->height;
    } else {
        if ((ret = oy_video_in_next(as->video, &px, &w, &h)) < 0)
            return ret;
        if (!ret)
            return damaged(as, n, "is missing");
        if (w != m->width || h != m->height)
            return damaged(as, n, "is of another size");
        memcpy(rgb, px, (size_t)w * h * 3);
    }
    oy_md5_hex(rgb, (size_t)w * h * 3, md5);
    if (strcmp(md5, m->md5[n - m->first]))
        return damaged(as, n, "does not match its manifest's hash");
    /* the chunk's last frame is the file's last */
    if (!m->png && n == m->last && oy_video_in_next(as->video, &px, &w, &h) != 0)
        return damaged(as, n, "is followed by more frames");
    return 0;
}

int oy_assembly_sound(oy_assembly *as, int count, float *mix, float *const stems[OY_BUS_COUNT])
{
    float *lr[OY_CHUNK_TRACKS] = { mix };

    for (int b = 0; b < OY_BUS_COUNT; b++)
        lr[1 + b] = stems[b];
    return oy_pcm_in_read(as->pcm, count, lr);
}

/* Chunk k against the first and this build: one shot, one render. */
static int check_chunk(oy_assembly *as, int64_t k)
{
    const oy_manifest *m = &as->m[k], *a = &as->m[0];
    const oy_chunk_id *id = &as->ids[k];
    char *path = file_of(as, k), what[64];
    int64_t first = id->first, last = id->last;
    struct stat st;
    const char *why = NULL;

    if (id->chunks)
        oyster_chunk_range(m->frames, id->chunk, id->chunks, &first, &last);
    if (m->build != oy_build_id() || strcmp(m->version, OYSTER_VERSION))
        why = "was rendered by another build of oyster; assemble with the one that rendered it";
    else if (m->shot_hash != a->shot_hash || m->seed != a->seed || m->frames != a->frames ||
             m->samples != a->samples || m->fps.num != a->fps.num || m->fps.den != a->fps.den ||
             m->width != a->width || m->height != a->height || m->draft != a->draft ||
             m->audio != a->audio)
        why = "is of another shot, seed or options than the first chunk";
    else if (m->chunk != id->chunk || m->chunks != id->chunks || m->first != first || m->last != last)
        why = "does not hold the frames its name says";
    else if (*m->file && (!path || stat(path, &st) != 0 || (uint64_t)st.st_size != m->file_bytes))
        why = "has its chunk file missing or of another size";
    free(path);
    if (!why)
        return 0;
    oy_error(as->log, "%s in '%s' %s", oy_chunk_what(id, what, sizeof what), as->dir, why);
    return OYSTER_E_INPUT;
}

/* Frame ranges: each of the shot's frames in one chunk. */
static int check_cover(oy_assembly *as)
{
    const int64_t frames = as->m[0].frames;
    int64_t next = 0;
    char a[64], b[64];

    for (int64_t k = 0; k < as->n; k++) {
        const oy_chunk_id *id = &as->ids[k];
        if (id->first > next) {
            oy_diag(as->log, OYSTER_ERROR, NULL, 0, 0, "render them with '--frames A-B -o DIR'",
                    "frames %lld-%lld are in no chunk in '%s'", (long long)next,
                    (long long)id->first - 1, as->dir);
            return OYSTER_E_INPUT;
        }
        if (id->first < next) {
            oy_diag(as->log, OYSTER_ERROR, NULL, 0, 0, "remove one of them",
                    "%s and %s in '%s' overlap", oy_chunk_what(&as->ids[k - 1], a, sizeof a),
                    oy_chunk_what(id, b, sizeof b), as->dir);
            return OYSTER_E_INPUT;
        }
        next = id->last + 1;
    }
    if (next < frames) {
        oy_diag(as->log, OYSTER_ERROR, NULL, 0, 0, "render them with '--frames A-B -o DIR'",
                "frames %lld-%lld are in no chunk in '%s'", (long long)next, (long long)frames - 1, as->dir);
        return OYSTER_E_INPUT;
    }
    return 0;
}

/* Every manifest read and checked; each problem said. */
static int load(oy_assembly *as)
{
    int err = oy_chunk_scan(as->dir, &as->ids, &as->n, as->log), bad = 0;
    char what[64];

    if (err)
        return err;
    if (!(as->m = oy_calloc((size_t)as->n, sizeof *as->m)))
        return OYSTER_E_NOMEM;
    for (int64_t k = 0; k < as->n; k++) {
        char *path = oy_chunk_path(as->dir, &as->ids[k], "json");
        struct stat st;
        if (!path)
            return OYSTER_E_NOMEM;
        if (stat(path, &st) != 0) {
            oy_diag(as->log, OYSTER_ERROR, NULL, 0, 0, NULL, "%s is missing: no '%s'",
                    oy_chunk_what(&as->ids[k], what, sizeof what), path);
            bad = 1;
        } else if ((err = oy_manifest_read(path, &as->m[k], as->log)) < 0) {
            free(path);
            return err;
        }
        free(path);
    }
    for (int64_t k = 0; k < as->n && !bad; k++)
        bad = check_chunk(as, k) < 0;
    if (!bad && !as->ids[0].chunks)
        bad = check_cover(as) < 0;
    return bad ? OYSTER_E_INPUT : 0;
}

int oyster_assemble(const oyster_assemble_opts *o)
{
    oy_log log = { o->log, o->log_opaque, 0, 0 };
    oy_assembly as = { o->dir, &log, NULL, NULL, 0, -1, NULL, NULL };
    oy_output out = { 0 };
    oyster_render_opts ro = { 0 };
    int err = load(&as);

    if (!err && !as.m[0].audio && (o->audio_out || o->stems_dir)) {
        oy_error(&log, "the chunks in '%s' hold no audio (rendered with --no-audio or output.audio off)",
                 o->dir);
        err = OYSTER_E_INPUT;
    }
    if (!err) {
        const oy_manifest *m = &as.m[0];
        out.width = m->width;
        out.height = m->height;
        out.fps = m->fps;
        out.frames = m->frames;
        out.samples = m->samples;
        out.duration = (double)m->frames * m->fps.den / m->fps.num;
        out.draft = m->draft;
        out.audio = m->audio;
        ro.out = o->out;
        ro.force = o->force;
        ro.no_audio = o->no_audio;
        ro.last = -1;
        ro.frame_hashes = o->frame_hashes;
        ro.audio_out = o->audio_out;
        ro.stems_dir = o->stems_dir;
        ro.state_at = -1;
        ro.progress = o->progress;
        ro.opaque = o->opaque;
        ro.cancel = o->cancel;
        err = oy_assemble_run(&as, &out, &ro, &log);
    }
    for (int64_t k = 0; as.m && k < as.n; k++)
        oy_manifest_release(&as.m[k]);
    free(as.m);
    free(as.ids);
    oy_video_in_free(&as.video);
    oy_pcm_in_free(&as.pcm);
    return err;
}
