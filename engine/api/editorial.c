/*
 * editorial.c - `--otio`, `--edl`, `--fcpxml` of render and storyboard:
 * the shots in order as clips of one edit (engine/export/edit.h), each
 * beat a marker, written through outputs.c: to a temporary, renamed into
 * place with the files written beside it.
 *
 * Media. With opts->media every clip cuts from that one file, the shots
 * following one another in it frame for frame (a render of one shot, a
 * storyboard's reel). Without, each shot cuts from its own render from
 * frame 0: NAME.mp4 after the script NAME.yaml, beside the timeline file.
 * Media paths are made absolute, for the formats that want a file URL.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../export/edit.h"
#include "editorial.h"
#include "storyboard.h"

typedef struct ed_clip {
    char lens[64];
    char *media, *url;
} ed_clip;

typedef struct ed_data {
    oy_edit e;
    oy_edit_clip *clips;
    oy_edit_beat *beats;
    ed_clip *own;
    char *title;
    int (*write)(const oy_edit *e, FILE *f);
} ed_data;

void ed_span(const char *a, const char *b, char *buf, size_t n)
{
    if (strcmp(a, b))
        snprintf(buf, n, "%s \xe2\x86\x92 %s", a, b);
    else
        snprintf(buf, n, "%s", a);
}

void ed_lens_span(oyster_shot *shot, char *buf, size_t n)
{
    const oy_output *out = &shot->script->output;
    char a[32], b[32];
    oy_state st;
    oy_view v;

    oy_shot_eval(shot, 0.0, &st, shot->ents, &v);
    snprintf(a, sizeof a, "%.0fmm", v.focal_mm);
    oy_shot_eval(shot, sb_frame_time(out, out->frames - 1), &st, shot->ents, &v);
    snprintf(b, sizeof b, "%.0fmm", v.focal_mm);
    ed_span(a, b, buf, n);
}

/* path made absolute against the working directory, "./" dropped */
static char *absolute(const char *path)
{
    char cwd[4096];

    if (path[0] == '/')
        return strdup(path);
    if (!getcwd(cwd, sizeof cwd))
        return NULL;
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    return oy_path_join(cwd, path);
}

/* "file://" and the absolute path, percent-encoded but for RFC 3986's
 * unreserved characters and '/' */
static char *file_url(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    char *u = malloc(strlen(path) * 3 + 8), *p = u;

    if (!u)
        return NULL;
    p += sprintf(p, "file://");
    for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
            strchr("-._~/", *s)) {
            *p++ = (char)*s;
        } else {
            *p++ = '%';
            *p++ = hex[*s >> 4];
            *p++ = hex[*s & 15];
        }
    }
    *p = 0;
    return u;
}

/* The render of shot beside out: "DIR/NAME.mp4" for script NAME.yaml. */
static char *own_render(const char *out, const char *script)
{
    const char *slash = strrchr(out, '/'), *base = strrchr(script, '/'), *dot;
    char name[4096], *path, *abs;

    base = base ? base + 1 : script;
    dot = strrchr(base, '.');
    snprintf(name, sizeof name, "%.*s%.*s.mp4", slash && strcmp(out, "-") ? (int)(slash - out + 1) : 0,
             out, dot && dot > base ? (int)(dot - base) : (int)strlen(base), base);
    if (!(path = strdup(name)))
        return NULL;
    abs = absolute(path);
    free(path);
    return abs;
}

static void release(ed_data *d)
{
    for (int i = 0; d->own && i < d->e.nclips; i++) {
        free(d->own[i].media);
        free(d->own[i].url);
    }
    free(d->own);
    free(d->clips);
    free(d->beats);
    free(d->title);
}

/* The beats of shot on its timeline, in time order, into b (NULL: only
 * count them). */
static int shot_beats(const oyster_shot *shot, oy_edit_beat *b)
{
    int nev, n = 0;
    const oy_event *ev = oy_model_events(shot->model, &nev);

    for (int i = 0; i < nev; i++) {
        if (ev[i].type != OY_EV_BEAT || ev[i].frame >= shot->script->output.frames)
            continue;
        if (b) {
            b[n].frame = ev[i].frame;
            b[n].title = ev[i].text ? ev[i].text : "";
        }
        n++;
    }
    return n;
}

static int gather(ed_data *d, oyster_shot *const *shots, int nshots, const oyster_edit_opts *o)
{
    const oy_output *first = &shots[0]->script->output;
    oy_log *log = &shots[0]->log;
    int64_t total = 0, at = 0;
    size_t tlen = 1;
    int nbeats = 0;

    for (int i = 0; i < nshots; i++) {
        const oy_script *s = shots[i]->script;
        if (s->output.fps.num != first->fps.num || s->output.fps.den != first->fps.den) {
            oy_error(log, "'%s' is at %d/%d fps and '%s' at %d/%d: an edit has one frame rate "
                     "(--fps sets it for all)", shots[0]->script->path, first->fps.num,
                     first->fps.den, s->path, s->output.fps.num, s->output.fps.den);
            return OYSTER_E_INPUT;
        }
        total += s->output.frames;
        nbeats += shot_beats(shots[i], NULL);
        tlen += strlen(s->title) + 3;
    }
    if (!(d->clips = oy_calloc((size_t)nshots, sizeof *d->clips)) ||
        !(d->own = oy_calloc((size_t)nshots, sizeof *d->own)) ||
        !(d->beats = oy_calloc((size_t)nbeats + 1, sizeof *d->beats)) ||
        !(d->title = oy_calloc(tlen, 1)))
        return OYSTER_E_NOMEM;
    d->e.nclips = nshots;
    nbeats = 0;
    for (int i = 0; i < nshots; i++) {
        oyster_shot *shot = shots[i];
        const oy_script *s = shot->script;
        oy_edit_clip *c = &d->clips[i];
        ed_clip *own = &d->own[i];

        sb_add_text(d->title, tlen, "%s%s", i ? " / " : "", s->title);
        ed_lens_span(shot, own->lens, sizeof own->lens);
        own->media = o->media ? absolute(o->media) : own_render(o->out, s->path);
        if (!own->media || !(own->url = file_url(own->media)))
            return OYSTER_E_NOMEM;
        c->name = s->title;
        c->script = s->path;
        c->media = own->media;
        c->url = own->url;
        c->media_start = o->media ? at : 0;
        c->media_frames = o->media ? total : s->output.frames;
        c->frames = s->output.frames;
        c->audio = s->output.audio;
        c->seed = s->seed;
        c->lens = own->lens;
        c->prompt = s->world.prompt.s;
        c->beats = d->beats + nbeats;
        c->nbeats = shot_beats(shot, d->beats + nbeats);
        nbeats += c->nbeats;
        at += c->frames;
    }
    d->e.title = d->title;
    d->e.fps_num = first->fps.num;
    d->e.fps_den = first->fps.den;
    d->e.width = first->width;
    d->e.height = first->height;
    d->e.timecode_start = first->timecode_start;
    d->e.clips = d->clips;
    return 0;
}

static int write_edit(FILE *f, void *ctx)
{
    const ed_data *d = ctx;
    return d->write(&d->e, f);
}

int oy_edit_fill(oy_outs *s, int i, void *ctx)
{
    static int (*const writers[])(const oy_edit *, FILE *) = {
        [OYSTER_EDIT_OTIO] = oy_edit_write_otio,
        [OYSTER_EDIT_EDL] = oy_edit_write_edl,
        [OYSTER_EDIT_FCPXML] = oy_edit_write_fcpxml,
    };
    const oy_edit_job *job = ctx;
    ed_data d = { 0 };
    int err;

    if (job->nshots < 1 || job->o->format < 0 || job->o->format > OYSTER_EDIT_FCPXML)
        return OYSTER_E_INPUT;
    d.write = writers[job->o->format];
    if (!(err = gather(&d, job->shots, job->nshots, job->o)))
        err = oy_outs_write(s, i, write_edit, &d);
    release(&d);
    return err;
}

int oyster_edit_export(oyster_shot *const *shots, int nshots, const oyster_edit_opts *o)
{
    oy_edit_job job = { shots, nshots, o };

    if (nshots < 1 || !o->out)
        return OYSTER_E_INPUT;
    return oy_write_alone(&shots[0]->log, o->out, o->force, oy_edit_fill, &job);
}
