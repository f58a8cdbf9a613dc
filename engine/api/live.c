/*
 * live.c - `oyster wander`: a wander shot rendered while its keys arrive
 * (oyster_wander in oyster.h). The render job (job.c) runs as for
 * `render`; the session stretches the shot's timeline to its longest,
 * asks for the keys before each frame, stamps them with that frame's
 * time and hands the walker the grown list, so what was drawn before
 * stays what the list gives; it ends the job when the caller says, and
 * shrinks the timeline to what was drawn.
 */
#include <math.h>
#include <stdio.h>

#include "../camera/walker.h"
#include "live.h"

#define READS 64                /* key reads taken before one frame */
#define ALL_KEYS ((unsigned)OYSTER_KEY_SPACE * 2 - 1)

#define SAME(k) ((int)OYSTER_KEY_##k == (int)OY_KEY_##k)
_Static_assert(SAME(W) && SAME(A) && SAME(S) && SAME(D) && SAME(LEFT) && SAME(RIGHT) && SAME(UP) &&
               SAME(DOWN) && SAME(SHIFT) && SAME(SPACE), "oyster.h's key bits are the script's");
#undef SAME

struct oy_live {
    oyster_shot *shot;
    const oyster_wander_opts *o;
    oy_walker *wk;
    oy_keylist keys;
    oy_record *rec;
    double gain_span;          /* seconds of the script its gain is measured on */
    int64_t frames;            /* frames drawn, and the one being drawn */
    int ending;                /* asked to end before the first frame */
};

/* The timeline of seconds, as the loader sets it. */
static void set_length(oy_output *out, double seconds)
{
    out->duration = seconds;
    out->frames = llround(seconds * out->fps.num / out->fps.den);
    if (out->frames < 1)
        out->frames = 1;
    out->samples = oy_frame_first_sample(out->frames, out->fps);
}

int oy_live_frame(oy_live *lv, int64_t n, int *stop)
{
    const oy_output *out = &lv->shot->script->output;
    /* the time of the frame as the job computes it */
    double t = (double)n * out->fps.den / out->fps.num;
    unsigned reads[READS];
    int k, changed = 0;

    *stop = lv->ending && n > 0;
    if (*stop)
        return 0;
    k = lv->o->read_keys(lv->o->opaque, n, reads, READS);
    if (k < 0 && n > 0) {
        *stop = 1;
        return 0;
    }
    lv->ending = k < 0;
    for (int i = 0; i < k && i < READS; i++) {
        int r = oy_keylist_read(&lv->keys, reads[i] & ALL_KEYS, t, OYSTER_WANDER_HOLD);
        if (r < 0)
            return r;
        changed |= r;
    }
    lv->frames = n + 1;
    if (changed && (k = oy_walker_set_keys(lv->wk, lv->keys.v, (int)lv->keys.n, t)) < 0)
        return k;
    /* what the script places ahead of the walker from now on stands ahead
     * of the live walk; the walk after that meets it there */
    double first;
    int again = n > 0 ? oy_shot_place_again(lv->shot, (double)(n - 1) * out->fps.den / out->fps.num, t, &first) : 0;
    if (again < 0)
        return again;
    if (again)
        return oy_walker_set_keys(lv->wk, lv->keys.v, (int)lv->keys.n, first);
    return 0;
}

int oy_live_gain(oy_live *lv, oy_audio *a)
{
    oyster_shot *shot = lv->shot;
    oy_rational fps = shot->script->output.fps;
    int64_t frames = llround(lv->gain_span * fps.num / fps.den);
    oy_audio *m = NULL;
    float gain;
    int err;

    /* the script's start with its own keys: the live keys are not known */
    err = oy_audio_new(&m, shot->model, shot->world, shot->camera,
                       oy_frame_first_sample(frames > 0 ? frames : 1, fps), &shot->log);
    if (!err && !(err = oy_audio_master_gain(m, &gain)))
        oy_audio_set_master_gain(a, gain);
    oy_audio_free(&m);
    return err;
}

const char *oy_live_record_path(const oy_live *lv)
{
    return lv->rec ? lv->o->record : NULL;
}

int oy_live_record(FILE *f, void *ctx)
{
    oy_live *lv = ctx;
    const oy_output *out = &lv->shot->script->output;
    int err = oy_record_write(lv->rec, f, lv->keys.v, lv->keys.n,
                              (double)lv->frames * out->fps.den / out->fps.num);

    if (!err && ftell(f) > (long)OY_SCRIPT_MAX_BYTES)
        oy_warn(&lv->shot->log, "'%s' is larger than a shot script may be (1 MiB): oyster cannot read it back",
                lv->o->record);
    return err;
}

int oyster_wander(oyster_shot *shot, const oyster_wander_opts *o)
{
    oy_script *s = shot->script;
    const oyster_render_opts *r = &o->render;
    oyster_render_opts ro = {
        .out = r->out, .force = r->force, .threads = r->threads, .no_audio = r->no_audio,
        .first = 0, .last = -1, .frame_hashes = r->frame_hashes, .audio_out = r->audio_out,
        .stems_dir = r->stems_dir, .state_at = -1, .progress = r->progress, .opaque = r->opaque,
    };
    oy_live lv = { .shot = shot, .o = o, .wk = oy_camera_walker(shot->camera) };
    int err;

    if (s->mode != OY_MODE_WANDER || !lv.wk) {
        oy_diag(&shot->log, OYSTER_ERROR, s->path, s->mode_mark.line, s->mode_mark.col,
                "'oyster wander' walks a shot with 'mode: wander' (oyster-shot(5), WANDER)",
                "not a wander script");
        return OYSTER_E_INPUT;
    }
    if (!o->read_keys)
        return OYSTER_E_INTERNAL;
    lv.gain_span = fmin(s->output.duration, OYSTER_WANDER_GAIN_SPAN);
    if (!(err = oy_keylist_init(&lv.keys, &s->wander)) &&
        !(o->record && (err = oy_record_open(&lv.rec, shot)))) {
        set_length(&s->output, o->limit > 0 && o->limit < OYSTER_WANDER_MAX ? o->limit : OYSTER_WANDER_MAX);
        err = oy_render_live(shot, &ro, &lv);
        set_length(&s->output, (double)(lv.frames > 0 ? lv.frames : 1) * s->output.fps.den / s->output.fps.num);
    }
    oy_record_free(&lv.rec);
    oy_keylist_release(&lv.keys);
    return err < 0 ? err : (int)lv.frames;
}
