/*
 * job.c - `render`, `still` and `frames`: the loop that evaluates the model, renders
 * each frame and its audio block, and hands them to the sinks (video file,
 * frame hashes, WAV, stems, state, camera and edit files). The outputs
 * go through outputs.c: checked before the first frame, written to
 * temporaries, all renamed into place at the end; on cancel the video so
 * far is finalized as NAME.partial.EXT.
 *
 * The same loop serves the farm (oyster(1), CHUNKS): `render --chunk`
 * sends the frames and the mixer's samples to a lossless chunk file and
 * its manifest instead, and `assemble` takes them back from the chunks
 * into the very sinks and calls a render makes, so the bytes agree. And
 * it serves `oyster wander` (live.c), which hands the walker its keys
 * before each frame and ends the loop when the session does, the outputs
 * finished as if the shot ended there.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../audio/audio.h"
#include "../camera/walker.h"
#include "../media/media.h"
#include "../render/render.h"
#include "chunk.h"
#include "editorial.h"
#include "live.h"

typedef struct job {
    oyster_shot *shot;         /* NULL when assembling */
    const oy_output *out;
    const oyster_render_opts *o;
    oy_log *log;
    oy_outs outs;
    oy_pool *pool;
    oy_renderer *renderer;
    oy_audio *audio;
    oy_writer *writer;
    FILE *hashes;              /* stdout for "-" */
    oy_wav *wav, *stem[OY_BUS_COUNT];
    /* each output's index in outs; -1: not asked for */
    int video, hashfile, wavfile, statefile, stemfile[OY_BUS_COUNT], camfile, editfile[3];
    int64_t first, last;       /* frames to render */
    int64_t state_frame;       /* --state-out: the frame whose state is kept */
    uint8_t *rgb;
    float *mix, *stembuf[OY_BUS_COUNT];
    oy_entity *ents;
    int want_audio, mux_audio;
    int sound_apart;           /* the sound may be made while the picture renders */
    const char *chunk_dir;     /* render --chunk: the chunks' folder */
    oy_chunk_id chunk_id;      /* render --chunk: which chunk */
    oy_assembly *from;         /* assemble: where the frames come from */
    oy_live *live;             /* oyster wander: the session */
    int recordfile;            /* oyster wander: the recorded script's index, or -1 */
    oy_lossless *chunk;        /* render --chunk: the chunk file, output `video`;
                                  with PNG frames, the sound alone (or none) */
    int manifest;              /* render --chunk: its manifest's index in outs */
    int frame_png;             /* render --chunk-format png: first's PNG file's
                                  index in outs (the others follow); -1: none */
    oy_manifest man;
    double t_eval, t_render, t_encode, t_audio;   /* seconds, for -v and bench */
} job;

/* path (NULL: not asked for) as one of the job's outputs, its index in *at. */
static int add_out(job *j, const char *path, uint64_t bytes, int *at)
{
    int i;

    *at = -1;
    if (!path)
        return 0;
    if ((i = oy_outs_add(&j->outs, path, bytes)) < 0)
        return i;
    *at = i;
    return 0;
}

static const char *out_path(const job *j, int i) { return j->outs.v[i].path; }

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* seconds of CPU the process has used, all its threads */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A write to the frame-hash file failed: name the file and the cause
 * (errno from the failed write; stdio keeps only that one happened). */
static int hash_fail(job *j)
{
    int err = errno ? -errno : -EIO;

    oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot write '%s': %s",
            j->outs.v[j->hashfile].name, oyster_strerror(err));
    return err;
}

static int write_hash_header(job *j)
{
    const oy_output *out = j->out;
    errno = 0;
    fprintf(j->hashes,
            "#format: frame checksums\n#version: 2\n#hash: MD5\n#software: %s\n"
            "#tb 0: %d/%d\n#media_type 0: video\n#codec_id 0: rawvideo\n"
            "#dimensions 0: %dx%d\n#sar 0: 1/1\n"
            "#stream#, dts,        pts, duration,     size, hash\n",
            oy_media_lavf_ident(), out->fps.den, out->fps.num, out->width, out->height);
    return ferror(j->hashes) ? hash_fail(j) : 0;
}

static int open_sinks(job *j)
{
    const oyster_render_opts *o = j->o;
    const oy_output *out = j->out;
    oy_writer_opts wo = { 0 };
    int err;

    if (j->chunk_dir)
        return j->video < 0 ? 0
             : oy_lossless_open(&j->chunk, out_path(j, j->video), j->frame_png < 0 ? out->width : 0,
                                out->height, out->fps, j->want_audio ? OY_CHUNK_TRACKS : 0, j->log);
    wo.path = out_path(j, j->video);
    wo.format = oy_media_format_for(o->out);
    wo.width = out->width;
    wo.height = out->height;
    wo.fps = out->fps;
    wo.audio = j->mux_audio;
    wo.draft = out->draft;
    if ((err = oy_writer_open(&j->writer, &wo, j->log)))
        return err;
    if (j->hashfile >= 0) {
        const char *p = out_path(j, j->hashfile);
        errno = 0;
        if (!(j->hashes = strcmp(p, "-") ? fopen(p, "w") : stdout))
            return hash_fail(j);
        if ((err = write_hash_header(j)))
            return err;
    }
    if (j->wavfile >= 0 && (err = oy_wav_open(&j->wav, out_path(j, j->wavfile),
                                              j->outs.v[j->wavfile].name, j->log)))
        return err;
    for (int b = 0; b < OY_BUS_COUNT; b++)
        if (j->stemfile[b] >= 0 && (err = oy_wav_open(&j->stem[b], out_path(j, j->stemfile[b]),
                                                      j->outs.v[j->stemfile[b]].name, j->log)))
            return err;
    return 0;
}

/* The chunk file's tracks: the mix, then the stems. */
static int chunk_audio(job *j, int count)
{
    int err = oy_lossless_audio(j->chunk, 0, j->mix, count);

    for (int b = 0; b < OY_BUS_COUNT && !err; b++)
        err = oy_lossless_audio(j->chunk, 1 + b, j->stembuf[b], count);
    return err;
}

/* Frame n's sound into the mix and the stems: its sample count in
 * *count, or an error. */
static int sound_make(job *j, int64_t n, int *count)
{
    const oy_output *out = j->out;
    int64_t s0 = oy_frame_first_sample(n, out->fps);
    int64_t s1 = n + 1 >= out->frames ? out->samples : oy_frame_first_sample(n + 1, out->fps);
    double t0 = now_s();
    int err = 0;

    *count = (int)(s1 - s0);
    if (*count <= 0)
        return 0;
    if (j->from)
        err = oy_assembly_sound(j->from, *count, j->mix, j->stembuf);
    else
        err = oy_audio_render(j->audio, s0, *count, j->mix, j->stem[0] || j->chunk ? j->stembuf : NULL);
    j->t_audio += now_s() - t0;
    return err;
}

/* The sound made, to its sinks. */
static int sound_write(job *j, int count)
{
    int err;

    if (count <= 0)
        return 0;
    if (j->chunk)
        return chunk_audio(j, count);
    if (j->mux_audio && (err = oy_writer_audio(j->writer, j->mix, count)))
        return err;
    if (j->wav && (err = oy_wav_write(j->wav, j->mix, count)))
        return err;
    for (int b = 0; b < OY_BUS_COUNT; b++)
        if (j->stem[b] && (err = oy_wav_write(j->stem[b], j->stembuf[b], count)))
            return err;
    return 0;
}

typedef struct sound_task {
    job *j;
    int64_t n;
    int count, err;
} sound_task;

static void *sound_thread(void *arg)
{
    sound_task *t = arg;
    t->err = sound_make(t->j, t->n, &t->count);
    return NULL;
}

/* Frame n's picture: state, view, render, burn-ins. *t_eval gets the time
 * spent evaluating the model and camera. */
static int picture(oyster_shot *shot, oy_renderer *r, int64_t n, oy_entity *ents,
                   uint8_t *rgb, double *t_eval)
{
    const oy_script *s = shot->script;
    const oy_output *out = &s->output;
    double t = (double)n * out->fps.den / out->fps.num, t0 = now_s();
    oy_state st;
    oy_view view;
    int err;

    oy_shot_eval(shot, t, &st, ents, &view);
    *t_eval += now_s() - t0;
    if ((err = oy_render_frame(r, &st, &view, rgb, (ptrdiff_t)out->width * 3)))
        return err;
    oy_shot_burn_in(shot, &st, &view, n, rgb, out->width, out->height);
    return 0;
}

static int frame_video(job *j, int64_t n)
{
    const oy_output *out = j->out;
    size_t size = (size_t)out->width * out->height * 3;
    ptrdiff_t stride = (ptrdiff_t)out->width * 3;
    double t0 = now_s(), t2, eval = 0.0;
    char md5[33];
    int err;

    if (j->from)
        err = oy_assembly_picture(j->from, n, j->rgb);
    else
        err = picture(j->shot, j->renderer, n, j->ents, j->rgb, &eval);
    if (err)
        return err;
    t2 = now_s();
    j->t_eval += eval;
    j->t_render += t2 - t0 - eval;
    if (j->hashes || j->chunk_dir)
        oy_md5_hex(j->rgb, size, md5);
    if (j->hashes) {
        errno = 0;
        fprintf(j->hashes, "0, %10lld, %10lld, %8d, %8zu, %s\n", (long long)n, (long long)n, 1, size, md5);
        if (ferror(j->hashes))
            return hash_fail(j);
    }
    if (j->chunk_dir) {
        memcpy(j->man.md5[n - j->first], md5, sizeof md5);
        err = j->frame_png >= 0 ? oy_png_write(out_path(j, j->frame_png + (int)(n - j->first)), j->rgb,
                                               out->width, out->height, stride, j->log)
                                : oy_lossless_video(j->chunk, j->rgb, stride);
    } else {
        err = oy_writer_video(j->writer, j->rgb, stride);
    }
    j->t_encode += now_s() - t2;
    return err;
}

/* Frame n: its picture, then its sound. Where they share nothing that
 * keeps state (j->sound_apart), the sound is made in a thread of its own
 * while the picture renders, and both go to the sinks in that order. */
static int frame_step(job *j, int64_t n)
{
    sound_task t = { j, n, 0, 0 };
    pthread_t th;
    int err;

    if (!j->want_audio)
        return frame_video(j, n);
    int apart = j->sound_apart && pthread_create(&th, NULL, sound_thread, &t) == 0;
    err = frame_video(j, n);
    if (apart)
        pthread_join(th, NULL);
    else if (!err)
        t.err = sound_make(j, n, &t.count);
    if (err || (err = t.err))
        return err;
    return sound_write(j, t.count);
}

static int finish_sinks(job *j)
{
    int err = j->chunk_dir ? (j->chunk ? oy_lossless_finish(j->chunk) : 0) : oy_writer_finish(j->writer);
    if (!err && j->hashes) {
        errno = 0;
        err = (j->hashes == stdout ? fflush(j->hashes) : fclose(j->hashes)) ? hash_fail(j) : 0;
        j->hashes = NULL;
    }
    if (!err && j->wav)
        err = oy_wav_finish(j->wav);
    for (int b = 0; b < OY_BUS_COUNT; b++)
        if (!err && j->stem[b])
            err = oy_wav_finish(j->stem[b]);
    return err;
}

static int renderer_for(oyster_shot *shot, oy_pool *pool, oy_renderer **r)
{
    const oy_output *out = &shot->script->output;
    oy_render_config rc = { 0 };

    rc.width = out->width;
    rc.height = out->height;
    rc.draft = out->draft;
    rc.aspect = out->aspect;
    rc.seed = shot->script->seed;
    return oy_renderer_new(r, shot->world, &rc, pool);
}

/* render --chunk-format png: a PNG file a frame, in the chunk's folder. */
static int add_frame_pngs(job *j)
{
    char *folder = oy_chunk_path(j->chunk_dir, &j->chunk_id, NULL);
    int err = folder ? oy_outs_mkdir(&j->outs, folder) : OYSTER_E_NOMEM;

    free(folder);
    for (int64_t n = j->first; n <= j->last && !err; n++) {
        char *png = oy_chunk_frame_path(j->chunk_dir, &j->chunk_id, n);
        int at = -1;
        err = png ? add_out(j, png, 0, &at) : OYSTER_E_NOMEM;
        if (n == j->first)
            j->frame_png = at;
        free(png);
    }
    return err;
}

/* render --chunk: the chunk file (the frames and the sound, or with PNG
 * frames the sound alone, when there is any), then its manifest, which
 * lands last (oy_outs_commit renames in order). A chunk that was not
 * skipped as done is redone: whatever of it is there is replaced,
 * --force or not. */
static int add_chunk_outputs(job *j)
{
    const oyster_render_opts *o = j->o;
    char *mkv = oy_chunk_path(j->chunk_dir, &j->chunk_id, "mkv");
    char *json = oy_chunk_path(j->chunk_dir, &j->chunk_id, "json");
    int err = mkv && json ? 0 : OYSTER_E_NOMEM;

    j->outs.force = 1;
    j->frame_png = -1;
    if (!err && !(err = oy_outs_mkdir(&j->outs, j->chunk_dir)) && !(o->chunk_png && (err = add_frame_pngs(j))) &&
        !(err = add_out(j, !o->chunk_png || j->want_audio ? mkv : NULL, 0, &j->video)) &&
        !(err = add_out(j, json, 0, &j->manifest)))
        err = oy_outs_check(&j->outs);
    free(mkv);
    free(json);
    return err;
}

/* Every output, checked before the first frame: sizes where they are
 * known (the WAV files; the hash file's lines) for the free space. */
static int add_outputs(job *j)
{
    const oyster_render_opts *o = j->o;
    const oy_output *out = j->out;
    int64_t s0 = oy_frame_first_sample(j->first, out->fps);
    int64_t s1 = j->last + 1 >= out->frames ? out->samples : oy_frame_first_sample(j->last + 1, out->fps);
    uint64_t wav = 44 + 4 * (uint64_t)(s1 - s0), hashes = 400 + 80 * (uint64_t)(j->last - j->first + 1);
    int err;

    if (j->live)
        wav = hashes = 0;      /* a session's length is not known */
    /* the stems' folder first: another output may be named inside it */
    if (o->stems_dir && (err = oy_outs_mkdir(&j->outs, o->stems_dir)))
        return err;
    if (j->chunk_dir)
        return add_chunk_outputs(j);
    if ((err = add_out(j, o->out, 0, &j->video)) ||
        (err = add_out(j, o->frame_hashes, hashes, &j->hashfile)) ||
        (err = add_out(j, o->audio_out, wav, &j->wavfile)) ||
        (err = add_out(j, o->state_out, 0, &j->statefile)) ||
        (err = add_out(j, o->camera_out, 0, &j->camfile)) ||
        (err = add_out(j, j->live ? oy_live_record_path(j->live) : NULL, 0, &j->recordfile)))
        return err;
    for (int e = 0; e < 3; e++)
        if ((err = add_out(j, o->edit_out[e], 0, &j->editfile[e])))
            return err;
    /* music.wav, ambience.wav, effects.wav */
    for (int b = 0; b < OY_BUS_COUNT; b++) {
        char name[32], *path = NULL;
        j->stemfile[b] = -1;
        snprintf(name, sizeof name, "%s.wav", oy_bus_names[b]);
        if (o->stems_dir && !(path = oy_path_join(o->stems_dir, name)))
            return OYSTER_E_NOMEM;
        err = add_out(j, path, wav, &j->stemfile[b]);
        free(path);
        if (err)
            return err;
    }
    return oy_outs_check(&j->outs);
}

/* The renderer and the audio decoder of a job that renders. */
static int setup_render(job *j)
{
    oyster_shot *shot = j->shot;
    int err;

    if ((err = oy_pool_new(&j->pool, j->o->threads)) ||
        (err = renderer_for(shot, j->pool, &j->renderer)))
        return err;
    if (j->want_audio) {
        if ((err = oy_audio_new(&j->audio, shot->model, shot->world, shot->camera, j->out->samples, j->log)))
            return err;
        oy_audio_set_cancel(j->audio, j->o->cancel);   /* Ctrl-C while measuring the loudness */
        if ((j->live && (err = oy_live_gain(j->live, j->audio))) ||
            (j->chunk_dir && (err = oy_chunk_gain(shot, j->chunk_dir, j->audio, j->log))) ||
            (!j->chunk_dir && !j->live && (j->first > 0 || j->last + 1 < j->out->frames) &&
             (err = oy_gain_cached(shot, j->audio, j->log))))
            return err;
        /* the walker steps as the sound and the picture ask for it */
        j->sound_apart = !j->live && !oy_camera_walker(shot->camera);
    }
    if (!(j->ents = oy_calloc((size_t)oy_model_max_entities(shot->model), sizeof *j->ents)))
        return OYSTER_E_NOMEM;
    return 0;
}

static int setup(job *j)
{
    const oyster_render_opts *o = j->o;
    const oy_output *out = j->out;
    int err;

    if (!j->chunk_dir && !oy_media_format_for(o->out)) {
        oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, "use .mp4, .mov, .mkv or - for stdout",
                "unsupported output format '%s'", o->out);
        return OYSTER_E_INPUT;
    }
    if (j->first < 0 || j->first >= out->frames || j->last < j->first || j->last >= out->frames) {
        oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                "frame range %lld-%lld is outside the shot's frames 0-%lld",
                (long long)j->first, (long long)j->last, (long long)out->frames - 1);
        return OYSTER_E_INPUT;
    }
    j->mux_audio = out->audio && !o->no_audio;
    j->want_audio = j->mux_audio || o->audio_out || o->stems_dir;
    if (o->state_out) {
        j->state_frame = o->state_at < 0 ? out->frames - 1 : oy_time_to_frame(o->state_at, out->fps);
        if (j->state_frame >= out->frames)
            j->state_frame = out->frames - 1;
    }
    if ((err = add_outputs(j)) || (!j->from && (err = setup_render(j))))
        return err;
    if (j->want_audio) {
        size_t maxs = (size_t)(48000LL * out->fps.den / out->fps.num + 2) * 2;
        if (!(j->mix = oy_calloc(maxs, sizeof(float))))
            return OYSTER_E_NOMEM;
        for (int b = 0; b < OY_BUS_COUNT; b++)
            if (!(j->stembuf[b] = oy_calloc(maxs, sizeof(float))))
                return OYSTER_E_NOMEM;
    }
    if (j->chunk_dir && !(j->man.md5 = oy_calloc((size_t)(j->last - j->first + 1), sizeof *j->man.md5)))
        return OYSTER_E_NOMEM;
    if (!(j->rgb = oy_malloc((size_t)out->width * out->height * 3)))
        return OYSTER_E_NOMEM;
    return open_sinks(j);
}

static void teardown(job *j)
{
    oy_writer_free(&j->writer);
    if (j->hashes && j->hashes != stdout)
        fclose(j->hashes);
    oy_wav_free(&j->wav);
    for (int b = 0; b < OY_BUS_COUNT; b++) {
        oy_wav_free(&j->stem[b]);
        free(j->stembuf[b]);
    }
    oy_outs_release(&j->outs);
    oy_audio_free(&j->audio);
    oy_renderer_free(&j->renderer);
    oy_pool_free(&j->pool);
    free(j->rgb);
    free(j->mix);
    free(j->ents);
    oy_lossless_free(&j->chunk);
    oy_manifest_release(&j->man);
}

/* Cancelled: keep what was rendered as NAME.partial.EXT. */
static int keep_partial(job *j)
{
    char *kept;
    int err = finish_sinks(j);

    if (err || (err = oy_outs_keep(&j->outs, j->video, "partial", &kept)))
        return err;
    if (kept)
        oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, NULL, "interrupted; partial output kept as '%s'", kept);
    free(kept);
    return OYSTER_E_INTERRUPTED;
}

static int write_state(FILE *f, void *ctx)
{
    const job *j = ctx;
    const oy_output *out = j->out;
    oy_walker *wk = oy_camera_walker(j->shot->camera);
    unsigned char walk[OY_WALK_STATE_BYTES];
    oy_walk_state ws;

    if (!wk)
        return oy_snapshot_write(j->shot->model, j->state_frame, NULL, 0, f);
    /* wander mode: the walker's last checkpoint before the frame */
    oy_walker_checkpoint(wk, (double)j->state_frame * out->fps.den / out->fps.num, &ws);
    oy_walk_state_encode(&ws, walk);
    return oy_snapshot_write(j->shot->model, j->state_frame, walk, sizeof walk, f);
}

/* The camera and edit files, once the pictures are done. */
static int write_side_files(job *j)
{
    const oyster_render_opts *o = j->o;
    int err = 0;

    if (j->camfile >= 0 && (err = oy_camera_fill(&j->outs, j->camfile, j->shot)))
        return err;
    if (j->recordfile >= 0 && (err = oy_outs_write(&j->outs, j->recordfile, oy_live_record, j->live)))
        return err;
    for (int e = 0; e < 3 && !err; e++) {
        oyster_edit_opts eo = { o->edit_out[e], e, strcmp(o->out, "-") ? o->out : NULL, o->force };
        oy_edit_job ej = { &j->shot, 1, &eo };
        if (j->editfile[e] >= 0)
            err = oy_edit_fill(&j->outs, j->editfile[e], &ej);
    }
    return err;
}

/* render --chunk: the manifest, once the chunk file is complete. */
static int write_manifest(job *j, double started)
{
    const oy_out *v = j->video >= 0 ? &j->outs.v[j->video] : NULL;
    const char *slash = v ? strrchr(v->dest, '/') : NULL;
    struct timespec ts;
    int err;

    clock_gettime(CLOCK_REALTIME, &ts);
    oy_manifest_init(&j->man, j->shot, &j->chunk_id);
    j->man.audio = j->want_audio;
    j->man.png = j->frame_png >= 0;
    snprintf(j->man.file, sizeof j->man.file, "%s", !v ? "" : slash ? slash + 1 : v->dest);
    j->man.started = started;
    j->man.finished = ts.tv_sec + ts.tv_nsec * 1e-9;
    if (!v)
        oy_md5_hex("", 0, j->man.file_md5);
    else if ((err = oy_md5_file(v->path, j->man.file_md5, &j->man.file_bytes))) {
        oy_error(j->log, "cannot read '%s' back: %s", v->name, oyster_strerror(err));
        return err;
    }
    return oy_outs_write(&j->outs, j->manifest, oy_manifest_write, &j->man);
}

/* Run the job set up in j: shot or from, out, o, log, first, last. */
static int run(job *j)
{
    const oyster_render_opts *o = j->o;
    const oy_output *out = j->out;
    int64_t first = j->first, last = j->last;
    double start = now_s(), cpu_start = cpu_s();
    struct timespec wall;
    int err;

    clock_gettime(CLOCK_REALTIME, &wall);
    oy_outs_init(&j->outs, j->log, o->force);
    if ((err = setup(j)))
        goto done;
    if (o->state_in) {
        int64_t from;
        oy_walker *wk = oy_camera_walker(j->shot->camera);
        unsigned char walk[OY_WALK_STATE_BYTES];
        if ((err = oy_snapshot_check(j->shot->model, o->state_in, &from, walk, wk ? sizeof walk : 0,
                                     j->log)))
            goto done;
        if (wk) {
            oy_walk_state ws;
            oy_walk_state_decode(walk, &ws);
            oy_walker_resume(wk, &ws);
        }
        if (from > first)
            first = from;
        if (first > last) {
            oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                    "state file '%s' is at frame %lld, after the last frame to render (%lld)",
                    o->state_in, (long long)from, (long long)last);
            err = OYSTER_E_INPUT;
            goto done;
        }
    }
    if (j->statefile >= 0 && (err = oy_outs_write(&j->outs, j->statefile, write_state, j)))
        goto done;
    for (int64_t n = first; n <= last; n++) {
        oyster_progress p;
        int stop = 0;
        if (o->cancel && *o->cancel) {
            /* a chunk is whole or not at all: nothing of it is kept */
            err = j->chunk_dir ? OYSTER_E_INTERRUPTED : keep_partial(j);
            goto done;
        }
        if (j->live && (err = oy_live_frame(j->live, n, &stop)))
            goto done;
        if (stop) {
            last = n - 1;      /* the session ended: the shot ends here */
            break;
        }
        if ((err = frame_step(j, n)))
            goto done;
        if (o->progress) {
            double el = now_s() - start;
            p.frame = n - first + 1;
            p.total = last - first + 1;
            p.fps = el > 0 ? p.frame / el : 0;
            p.eta_s = p.fps > 0 ? (p.total - p.frame) / p.fps : 0;
            o->progress(o->opaque, &p);
        }
    }
    if ((err = finish_sinks(j)))
        goto done;
    {
        double n = (double)(last - first + 1), el = now_s() - start, cpu = cpu_s() - cpu_start;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        oy_diag(j->log, OYSTER_INFO, NULL, 0, 0, NULL,
                "timing: %dx%d, %.0f frames, %.2f fps end to end; ms/frame: eval %.2f, render %.2f, "
                "encode %.2f, audio %.2f; peak memory %.1f MB; CPU use %.0f%% of %ld cores",
                out->width, out->height, n, el > 0 ? n / el : 0.0, 1e3 * j->t_eval / n,
                1e3 * j->t_render / n, 1e3 * j->t_encode / n, 1e3 * j->t_audio / n, ru.ru_maxrss / 1024.0,
                el > 0 ? 100.0 * cpu / el : 0.0, sysconf(_SC_NPROCESSORS_ONLN));
    }
    if (j->chunk_dir)
        err = write_manifest(j, wall.tv_sec + wall.tv_nsec * 1e-9);
    else
        err = write_side_files(j);
    if (!err)
        err = oy_outs_commit(&j->outs);
done:
    teardown(j);
    return err;
}

/* A job that renders shot's frames first..last as o says. */
static void job_init(job *j, oyster_shot *shot, const oyster_render_opts *o, int64_t first, int64_t last)
{
    j->shot = shot;
    j->out = &shot->script->output;
    j->o = o;
    j->log = &shot->log;
    j->first = first;
    j->last = last < 0 ? j->out->frames - 1 : last;
}

int oyster_render(oyster_shot *shot, const oyster_render_opts *o)
{
    job j = { 0 };
    int err;

    job_init(&j, shot, o, o->first, o->last);
    if (o->chunks > 0 || o->chunk_range) {
        /* 1: the chunk is there and checks out, nothing to do */
        if ((err = oy_chunk_check(shot, o, &j.chunk_id)))
            return err;
        j.first = j.chunk_id.first;
        j.last = j.chunk_id.last;
        j.chunk_dir = o->out;
    }
    return run(&j);
}

int oy_render_live(oyster_shot *shot, const oyster_render_opts *o, oy_live *lv)
{
    job j = { 0 };

    job_init(&j, shot, o, 0, -1);
    j.live = lv;
    return run(&j);
}

int oy_assemble_run(oy_assembly *from, const oy_output *out, const oyster_render_opts *o, oy_log *log)
{
    job j = { 0 };

    j.from = from;
    j.out = out;
    j.o = o;
    j.log = log;
    j.last = out->frames - 1;
    return run(&j);
}

/* Frames first.. first + count - 1, each handed to done(ctx, i, rgb)
 * once drawn; o gives progress and cancel (may be NULL). */
typedef int (*drawn_fn)(void *ctx, int64_t i, const uint8_t *rgb);
static int cancelled(const oyster_frames_opts *o) { return o && o->cancel && *o->cancel; }
static int draw_frames(oyster_shot *shot, int64_t first, int64_t count, int threads,
                       const oyster_frames_opts *o, drawn_fn done, void *ctx)
{
    const oy_output *out = &shot->script->output;
    double start = now_s(), eval = 0.0;
    oy_pool *pool = NULL;
    oy_renderer *r = NULL;
    uint8_t *rgb = oy_malloc((size_t)out->width * out->height * 3);
    oy_entity *ents = oy_calloc((size_t)oy_model_max_entities(shot->model), sizeof *ents);
    int err = 0;

    if (!rgb || !ents)
        err = OYSTER_E_NOMEM;
    if (err || (err = oy_pool_new(&pool, threads)) || (err = renderer_for(shot, pool, &r)))
        goto done;
    for (int64_t i = 0; i < count; i++) {
        /* asked before each picture and after it, before it is kept */
        if (cancelled(o) || (err = picture(shot, r, first + i, ents, rgb, &eval)) || cancelled(o) ||
            (err = done(ctx, i, rgb))) {
            err = err ? err : OYSTER_E_INTERRUPTED;
            goto done;
        }
        if (o && o->progress) {
            double el = now_s() - start;
            oyster_progress p = { i + 1, count, el > 0 ? (i + 1) / el : 0.0, 0.0 };
            p.eta_s = p.fps > 0 ? (count - i - 1) / p.fps : 0.0;
            o->progress(o->opaque, &p);
        }
    }
done:
    free(rgb);
    free(ents);
    oy_renderer_free(&r);
    oy_pool_free(&pool);
    return err;
}

/* The frames as the outputs 0..count of a set of PNG files (checked
 * already, committed by the caller). */
struct pngs {
    oyster_shot *shot;
    oy_outs *s;
};

static int write_png(void *ctx, int64_t i, const uint8_t *rgb)
{
    const struct pngs *p = ctx;
    const oy_output *out = &p->shot->script->output;

    return oy_png_write(p->s->v[i].path, rgb, out->width, out->height, (ptrdiff_t)out->width * 3,
                        &p->shot->log);
}

static int write_pngs(oyster_shot *shot, int64_t first, oy_outs *s, int64_t count,
                      int threads, const oyster_frames_opts *o)
{
    struct pngs p = { shot, s };
    return draw_frames(shot, first, count, threads, o, write_png, &p);
}

/* oyster_frame_time: the clock starts once the first frame is drawn. */
static int clock_frame(void *ctx, int64_t i, const uint8_t *rgb)
{
    if (i == 0)
        *(double *)ctx = now_s();
    return 0;
}

int oyster_frame_time(oyster_shot *shot, int threads, int frames, double *seconds)
{
    double t0 = 0.0;
    int err;

    if (frames < 1)
        return OYSTER_E_INTERNAL;
    if ((err = draw_frames(shot, 0, (int64_t)frames + 1, threads, NULL, clock_frame, &t0)))
        return err;
    *seconds = (now_s() - t0) / frames;
    return 0;
}

struct still {
    oyster_shot *shot;
    int64_t n;
    int threads;
    oyster_frames_opts o;         /* its cancel only */
};

static int fill_still(oy_outs *s, int i, void *ctx)
{
    const struct still *st = ctx;
    return write_pngs(st->shot, st->n, s, 1, st->threads, &st->o);
}

int oyster_still(oyster_shot *shot, double t, const char *png, int threads, int force,
                 volatile const int *cancel)
{
    const oy_output *out = &shot->script->output;
    struct still st = { shot, oy_time_to_frame(t, out->fps), threads, { .cancel = cancel } };
    int64_t n = st.n;

    if (n >= out->frames) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                "time %.3fs (frame %lld) is past the shot's end (%lld frames)", t,
                (long long)n, (long long)out->frames);
        return OYSTER_E_INPUT;
    }
    if (oy_check_png(&shot->log, png, "a still"))
        return OYSTER_E_INPUT;
    return oy_write_alone(&shot->log, png, force, fill_still, &st);
}

int oyster_frame_name(const char *pattern, int64_t n, char *buf, size_t size)
{
    const char *p = pattern, *hold = NULL, *end = NULL;
    int width = 0, found = 0;

    /* one placeholder: %d or %0Nd, or a run of '#'; %% is a percent sign */
    while (*p) {
        if (p[0] == '%' && p[1] == '%') {
            p += 2;
        } else if (*p == '%') {
            const char *q = p + 1;
            int w = 0;
            if (*q == '0')
                q++;
            while (*q >= '0' && *q <= '9' && w < 100)
                w = w * 10 + (*q++ - '0');
            if (*q != 'd' || w > 18)
                return OYSTER_E_INPUT;
            hold = p;
            end = q + 1;
            width = w;
            found++;
            p = end;
        } else if (*p == '#') {
            const char *q = p;
            while (*q == '#')
                q++;
            hold = p;
            end = q;
            width = (int)(q - p);
            found++;
            p = q;
        } else {
            p++;
        }
    }
    if (found != 1 || width > 18)
        return OYSTER_E_INPUT;
    {
        /* the text around it, %% as %, and the number */
        size_t len = 0;
        for (p = pattern; *p && len + 1 < size;) {
            if (p == hold) {
                int k = snprintf(buf + len, size - len, "%0*lld", width, (long long)n);
                if (k < 0 || (size_t)k >= size - len)
                    return OYSTER_E_INPUT;
                len += (size_t)k;
                p = end;
            } else {
                buf[len++] = *p;
                p += p[0] == '%' && p[1] == '%' ? 2 : 1;
            }
        }
        if (*p)
            return OYSTER_E_INPUT;
        buf[len] = 0;
    }
    return 0;
}

int oyster_frames(oyster_shot *shot, const oyster_frames_opts *o)
{
    const oy_output *out = &shot->script->output;
    int64_t last = o->last < 0 ? out->frames - 1 : o->last, count = last - o->first + 1;
    int64_t number0 = o->start_number < 0 ? o->first : o->start_number;
    oy_outs s;
    char name[4096];
    int err = 0, cam = -1;

    if (o->first < 0 || count < 1 || last >= out->frames) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                "frame range %lld-%lld is outside the shot's frames 0-%lld",
                (long long)o->first, (long long)last, (long long)out->frames - 1);
        return OYSTER_E_INPUT;
    }
    if (oy_check_png(&shot->log, o->pattern, "every frame"))
        return OYSTER_E_INPUT;
    if (oyster_frame_name(o->pattern, number0 + count - 1, name, sizeof name) < 0) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0,
                "e.g. -o 'shot_%05d.png' or -o 'shot_#####.png'",
                "'%s' needs exactly one frame number in it (%%d, %%05d or a run of '#')", o->pattern);
        return OYSTER_E_INPUT;
    }
    /* every name is checked before the first frame is drawn */
    oy_outs_init(&s, &shot->log, o->force);
    for (int64_t i = 0; i < count && err >= 0; i++) {
        oyster_frame_name(o->pattern, number0 + i, name, sizeof name);
        err = oy_outs_add(&s, name, 0);
    }
    if (err >= 0 && o->camera_out)
        err = cam = oy_outs_add(&s, o->camera_out, 0);
    if (err >= 0 && !(err = oy_outs_check(&s)) &&
        !(err = write_pngs(shot, o->first, &s, count, o->threads, o)) &&
        (cam < 0 || !(err = oy_camera_fill(&s, cam, shot))))
        err = oy_outs_commit(&s);
    oy_outs_release(&s);
    return err;
}
