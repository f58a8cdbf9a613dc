/*
 * job.c - `render`, `still` and `frames`: the loop that evaluates the model, renders
 * each frame and its audio block, and hands them to the sinks (video file,
 * frame hashes, WAV, stems). Every output is written to a temporary file
 * beside its final name and renamed into place only on success; on cancel
 * the video so far is finalized as NAME.partial.EXT.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../audio/audio.h"
#include "../media/media.h"
#include "../render/render.h"
#include "shot.h"

/* One output file: its final name and the temporary it is written as. */
typedef struct sink_file {
    char *final;
    char *temp;
} sink_file;

typedef struct job {
    oyster_shot *shot;
    const oyster_render_opts *o;
    oy_log *log;
    oy_pool *pool;
    oy_renderer *renderer;
    oy_audio *audio;
    oy_writer *writer;
    FILE *hashes;
    oy_wav *wav, *stem[OY_BUS_COUNT];
    sink_file video, hashfile, wavfile, stemfile[OY_BUS_COUNT], statefile;
    int64_t state_frame;       /* --state-out: the frame whose state is kept */
    uint8_t *rgb;
    float *mix, *stembuf[OY_BUS_COUNT];
    oy_entity *ents;
    int want_audio, mux_audio;
    double t_eval, t_render, t_encode, t_audio;   /* seconds, for -v and bench */
} job;

static int sink_init(oy_log *log, sink_file *f, const char *path, int force)
{
    int err;
    if (!path)
        return 0;
    if ((err = oy_check_output(log, path, force)))
        return err;
    f->final = oy_strdup(path);
    f->temp = strcmp(path, "-") ? oy_temp_path(path) : oy_strdup("-");
    return f->final && f->temp ? 0 : OYSTER_E_NOMEM;
}

static int sink_commit(oy_log *log, sink_file *f, const char *as)
{
    if (!f->temp || !strcmp(f->temp, "-"))
        return 0;
    if (rename(f->temp, as) != 0) {
        int err = -errno;
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot rename '%s' to '%s': %s",
                f->temp, as, oyster_strerror(err));
        return err;
    }
    oy_freep(&f->temp);
    return 0;
}

static void sink_release(sink_file *f)
{
    if (f->temp && strcmp(f->temp, "-"))
        unlink(f->temp);
    oy_freep(&f->temp);
    oy_freep(&f->final);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int write_hash_header(job *j)
{
    const oy_output *out = &j->shot->script->output;
    fprintf(j->hashes,
            "#format: frame checksums\n#version: 2\n#hash: MD5\n#software: %s\n"
            "#tb 0: %d/%d\n#media_type 0: video\n#codec_id 0: rawvideo\n"
            "#dimensions 0: %dx%d\n#sar 0: 1/1\n"
            "#stream#, dts,        pts, duration,     size, hash\n",
            oy_media_lavf_ident(), out->fps.den, out->fps.num, out->width, out->height);
    return ferror(j->hashes) ? -EIO : 0;
}

static int open_sinks(job *j)
{
    const oyster_render_opts *o = j->o;
    const oy_output *out = &j->shot->script->output;
    oy_writer_opts wo = { 0 };
    int err;

    wo.path = j->video.temp;
    wo.format = oy_media_format_for(o->out);
    wo.width = out->width;
    wo.height = out->height;
    wo.fps = out->fps;
    wo.audio = j->mux_audio;
    wo.draft = out->draft;
    if ((err = oy_writer_open(&j->writer, &wo, j->log)))
        return err;
    if (j->hashfile.temp) {
        if (!(j->hashes = fopen(j->hashfile.temp, "w"))) {
            err = -errno;
            oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot write '%s': %s",
                    j->hashfile.final, oyster_strerror(err));
            return err;
        }
        if ((err = write_hash_header(j)))
            return err;
    }
    if (j->wavfile.temp && (err = oy_wav_open(&j->wav, j->wavfile.temp, j->log)))
        return err;
    for (int b = 0; b < OY_BUS_COUNT; b++)
        if (j->stemfile[b].temp && (err = oy_wav_open(&j->stem[b], j->stemfile[b].temp, j->log)))
            return err;
    return 0;
}

static int frame_audio(job *j, int64_t n)
{
    const oy_output *out = &j->shot->script->output;
    int64_t s0 = oy_frame_first_sample(n, out->fps);
    int64_t s1 = n + 1 >= out->frames ? out->samples : oy_frame_first_sample(n + 1, out->fps);
    int count = (int)(s1 - s0), err;
    double t0 = now_s();

    if (count <= 0)
        return 0;
    err = oy_audio_render(j->audio, s0, count, j->mix, j->stem[0] ? j->stembuf : NULL);
    j->t_audio += now_s() - t0;
    if (err)
        return err;
    if (j->mux_audio && (err = oy_writer_audio(j->writer, j->mix, count)))
        return err;
    if (j->wav && (err = oy_wav_write(j->wav, j->mix, count)))
        return err;
    for (int b = 0; b < OY_BUS_COUNT; b++)
        if (j->stem[b] && (err = oy_wav_write(j->stem[b], j->stembuf[b], count)))
            return err;
    return 0;
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
    const oy_output *out = &j->shot->script->output;
    size_t size = (size_t)out->width * out->height * 3;
    double t0 = now_s(), t2, eval = 0.0;
    int err;

    if ((err = picture(j->shot, j->renderer, n, j->ents, j->rgb, &eval)))
        return err;
    t2 = now_s();
    j->t_eval += eval;
    j->t_render += t2 - t0 - eval;
    if (j->hashes) {
        char md5[33];
        oy_md5_hex(j->rgb, size, md5);
        fprintf(j->hashes, "0, %10lld, %10lld, %8d, %8zu, %s\n", (long long)n, (long long)n, 1, size, md5);
        if (ferror(j->hashes))
            return -EIO;
    }
    err = oy_writer_video(j->writer, j->rgb, (ptrdiff_t)out->width * 3);
    j->t_encode += now_s() - t2;
    return err;
}

static int finish_sinks(job *j)
{
    int err = oy_writer_finish(j->writer);
    if (!err && j->hashes) {
        err = fclose(j->hashes) ? -errno : 0;
        j->hashes = NULL;
    }
    if (!err && j->wav)
        err = oy_wav_finish(j->wav);
    for (int b = 0; b < OY_BUS_COUNT; b++)
        if (!err && j->stem[b])
            err = oy_wav_finish(j->stem[b]);
    return err;
}

static int unsupported(oy_log *log, const char *what)
{
    oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "%s is not available in this version", what);
    return OYSTER_E_UNSUPPORTED;
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

static int setup(job *j)
{
    const oyster_render_opts *o = j->o;
    oyster_shot *shot = j->shot;
    const oy_output *out = &shot->script->output;
    int err;

    if (shot->script->mode == OY_MODE_WANDER)
        return unsupported(j->log, "mode 'wander'");
    if (!oy_media_format_for(o->out)) {
        oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, "use .mp4, .mov, .mkv or - for stdout",
                "unsupported output format '%s'", o->out);
        return OYSTER_E_INPUT;
    }
    if (o->first < 0 || o->first >= out->frames || (o->last >= 0 && (o->last < o->first || o->last >= out->frames))) {
        oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                "frame range %lld-%lld is outside the shot's frames 0-%lld",
                (long long)o->first, (long long)o->last, (long long)out->frames - 1);
        return OYSTER_E_INPUT;
    }
    j->mux_audio = out->audio && !o->no_audio;
    j->want_audio = j->mux_audio || o->audio_out || o->stems_dir;
    if ((err = sink_init(j->log, &j->video, o->out, o->force)) ||
        (err = sink_init(j->log, &j->hashfile, o->frame_hashes, o->force)) ||
        (err = sink_init(j->log, &j->wavfile, o->audio_out, o->force)) ||
        (err = sink_init(j->log, &j->statefile, o->state_out, o->force)))
        return err;
    if (o->state_out) {
        j->state_frame = o->state_at < 0 ? out->frames - 1 : oy_time_to_frame(o->state_at, out->fps);
        if (j->state_frame >= out->frames)
            j->state_frame = out->frames - 1;
    }
    if (o->stems_dir) {
        if (mkdir(o->stems_dir, 0777) != 0 && errno != EEXIST) {
            err = -errno;
            oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot create stems directory '%s': %s",
                    o->stems_dir, oyster_strerror(err));
            return err;
        }
        /* music.wav, ambience.wav, effects.wav */
        for (int b = 0; b < OY_BUS_COUNT; b++) {
            char name[32], *path;
            snprintf(name, sizeof name, "%s.wav", oy_bus_names[b]);
            path = oy_path_join(o->stems_dir, name);
            err = path ? sink_init(j->log, &j->stemfile[b], path, o->force) : OYSTER_E_NOMEM;
            free(path);
            if (err)
                return err;
        }
    }
    if ((err = oy_pool_new(&j->pool, o->threads)) ||
        (err = renderer_for(shot, j->pool, &j->renderer)))
        return err;
    if (j->want_audio) {
        size_t maxs = (size_t)(48000LL * out->fps.den / out->fps.num + 2) * 2;
        if ((err = oy_audio_new(&j->audio, shot->model, shot->world, shot->camera,
                                out->samples, j->log)))
            return err;
        j->mix = oy_calloc(maxs, sizeof(float));
        if (!j->mix)
            return OYSTER_E_NOMEM;
        for (int b = 0; b < OY_BUS_COUNT; b++)
            if (!(j->stembuf[b] = oy_calloc(maxs, sizeof(float))))
                return OYSTER_E_NOMEM;
    }
    j->rgb = oy_malloc((size_t)out->width * out->height * 3);
    j->ents = oy_calloc((size_t)oy_model_max_entities(shot->model), sizeof *j->ents);
    if (!j->rgb || !j->ents)
        return OYSTER_E_NOMEM;
    return open_sinks(j);
}

static void teardown(job *j)
{
    oy_writer_free(&j->writer);
    if (j->hashes)
        fclose(j->hashes);
    oy_wav_free(&j->wav);
    for (int b = 0; b < OY_BUS_COUNT; b++) {
        oy_wav_free(&j->stem[b]);
        sink_release(&j->stemfile[b]);
        free(j->stembuf[b]);
    }
    sink_release(&j->video);
    sink_release(&j->hashfile);
    sink_release(&j->wavfile);
    sink_release(&j->statefile);
    oy_audio_free(&j->audio);
    oy_renderer_free(&j->renderer);
    oy_pool_free(&j->pool);
    free(j->rgb);
    free(j->mix);
    free(j->ents);
}

/* Cancelled: keep what was rendered as NAME.partial.EXT. */
static int keep_partial(job *j)
{
    char *partial;
    int err = finish_sinks(j);
    if (err || !strcmp(j->video.final, "-"))
        return err ? err : OYSTER_E_INTERRUPTED;
    if (!(partial = oy_partial_path(j->video.final)))
        return OYSTER_E_NOMEM;
    err = sink_commit(j->log, &j->video, partial);
    if (!err)
        oy_diag(j->log, OYSTER_ERROR, NULL, 0, 0, NULL, "interrupted; partial output kept as '%s'", partial);
    free(partial);
    return err ? err : OYSTER_E_INTERRUPTED;
}

int oyster_render(oyster_shot *shot, const oyster_render_opts *o)
{
    job j = { 0 };
    const oy_output *out = &shot->script->output;
    int64_t first = o->first, last = o->last < 0 ? out->frames - 1 : o->last;
    double start = now_s();
    int err;

    j.shot = shot;
    j.o = o;
    j.log = &shot->log;
    if ((err = setup(&j)))
        goto done;
    if (o->state_in) {
        int64_t from;
        if ((err = oy_snapshot_check(shot->model, o->state_in, &from, j.log)))
            goto done;
        if (from > first)
            first = from;
        if (first > last) {
            oy_diag(j.log, OYSTER_ERROR, NULL, 0, 0, NULL,
                    "state file '%s' is at frame %lld, after the last frame to render (%lld)",
                    o->state_in, (long long)from, (long long)last);
            err = OYSTER_E_INPUT;
            goto done;
        }
    }
    if (o->state_out && (err = oy_snapshot_write(shot->model, j.state_frame, j.statefile.temp, j.log)))
        goto done;
    for (int64_t n = first; n <= last; n++) {
        oyster_progress p;
        if (o->cancel && *o->cancel) {
            err = keep_partial(&j);
            goto done;
        }
        if ((err = frame_video(&j, n)) || (j.want_audio && (err = frame_audio(&j, n))))
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
    if ((err = finish_sinks(&j)))
        goto done;
    {
        double n = (double)(last - first + 1), el = now_s() - start;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        oy_diag(j.log, OYSTER_INFO, NULL, 0, 0, NULL,
                "timing: %dx%d, %.0f frames, %.2f fps end to end; ms/frame: eval %.2f, render %.2f, "
                "encode %.2f, audio %.2f; peak memory %.1f MB",
                out->width, out->height, n, el > 0 ? n / el : 0.0, 1e3 * j.t_eval / n,
                1e3 * j.t_render / n, 1e3 * j.t_encode / n, 1e3 * j.t_audio / n, ru.ru_maxrss / 1024.0);
    }
    if ((err = sink_commit(j.log, &j.video, j.video.final)) ||
        (j.hashfile.temp && (err = sink_commit(j.log, &j.hashfile, j.hashfile.final))) ||
        (j.wavfile.temp && (err = sink_commit(j.log, &j.wavfile, j.wavfile.final))) ||
        (j.statefile.temp && (err = sink_commit(j.log, &j.statefile, j.statefile.final))))
        goto done;
    for (int b = 0; b < OY_BUS_COUNT; b++)
        if (j.stemfile[b].temp && (err = sink_commit(j.log, &j.stemfile[b], j.stemfile[b].final)))
            goto done;
done:
    teardown(&j);
    return err;
}

/* Frames first.. as the PNG files files[0..count) (their names checked
 * already), all renamed into place at the end; o gives progress and cancel
 * (may be NULL). */
static int write_pngs(oyster_shot *shot, int64_t first, sink_file *files, int64_t count,
                      int threads, const oyster_frames_opts *o)
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
        if (o && o->cancel && *o->cancel) {
            err = OYSTER_E_INTERRUPTED;
            goto done;
        }
        if ((err = picture(shot, r, first + i, ents, rgb, &eval)) ||
            (err = oy_png_write(files[i].temp, rgb, out->width, out->height, (ptrdiff_t)out->width * 3,
                                &shot->log)))
            goto done;
        if (o && o->progress) {
            double el = now_s() - start;
            oyster_progress p = { i + 1, count, el > 0 ? (i + 1) / el : 0.0, 0.0 };
            p.eta_s = p.fps > 0 ? (count - i - 1) / p.fps : 0.0;
            o->progress(o->opaque, &p);
        }
    }
    for (int64_t i = 0; i < count && !err; i++)
        err = sink_commit(&shot->log, &files[i], files[i].final);
done:
    free(rgb);
    free(ents);
    oy_renderer_free(&r);
    oy_pool_free(&pool);
    return err;
}

int oyster_still(oyster_shot *shot, double t, const char *png, int threads, int force)
{
    const oy_output *out = &shot->script->output;
    int64_t n = oy_time_to_frame(t, out->fps);
    sink_file f = { 0 };
    int err;

    if (n >= out->frames) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                "time %.3fs (frame %lld) is past the shot's end (%lld frames)", t,
                (long long)n, (long long)out->frames);
        return OYSTER_E_INPUT;
    }
    if (!(err = sink_init(&shot->log, &f, png, force)))
        err = write_pngs(shot, n, &f, 1, threads, NULL);
    sink_release(&f);
    return err;
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
    sink_file *files = NULL;
    char name[4096];
    int err = 0;

    if (o->first < 0 || count < 1 || last >= out->frames) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0, NULL,
                "frame range %lld-%lld is outside the shot's frames 0-%lld",
                (long long)o->first, (long long)last, (long long)out->frames - 1);
        return OYSTER_E_INPUT;
    }
    if (oyster_frame_name(o->pattern, number0 + count - 1, name, sizeof name) < 0) {
        oy_diag(&shot->log, OYSTER_ERROR, NULL, 0, 0,
                "e.g. -o 'shot_%05d.png' or -o 'shot_#####.png'",
                "'%s' needs exactly one frame number in it (%%d, %%05d or a run of '#')", o->pattern);
        return OYSTER_E_INPUT;
    }
    if (!(files = oy_calloc((size_t)count, sizeof *files)))
        return OYSTER_E_NOMEM;
    /* every name is checked before the first frame is drawn */
    for (int64_t i = 0; i < count && !err; i++) {
        oyster_frame_name(o->pattern, number0 + i, name, sizeof name);
        err = sink_init(&shot->log, &files[i], name, o->force);
    }
    if (!err)
        err = write_pngs(shot, o->first, files, count, o->threads, o);
    for (int64_t i = 0; i < count; i++)
        sink_release(&files[i]);
    free(files);
    return err;
}
