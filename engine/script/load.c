/*
 * load.c - the shot script from file or memory to an oy_script: the top
 * level, output: and world:, command-line overrides, defaults, and the
 * values derived from them (frame and sample counts, resolved paths). The
 * frame rate is settled first so that every TIME in the file, whatever its
 * form, is read at the rate the shot will have.
 */
#include <stdlib.h>
#include <string.h>

#include "schema.h"

#define MAX_SECONDS (24.0 * 3600.0)

static const char *const top_keys[] = {
    "oyster", "title", "seed", "mode", "output", "world", "camera", "directives",
    "wander", NULL
};
static const char *const output_keys[] = {
    "size", "fps", "duration", "quality", "audio", "aspect", "burn_in",
    "timecode_start", NULL
};
static const char *const world_keys[] = {
    "prompt", "image", "time", "weather", "season", "vocabulary", "layout", NULL
};
static const char *const mode_names[] = { "direct", "wander", NULL };
static const char *const quality_names[] = { "final", "draft", NULL };
static const char *const season_names[] = { "spring", "summer", "autumn", "winter", NULL };
/* in OY_BURN_* bit order */
static const char *const burn_names[] = {
    "timecode", "title", "beat", "lens", "seed", "frame", "safe_areas", "thirds", NULL
};

static const char size_hint[] =
    "a size is 480p, 720p, 1080p, 2160p or WxH, even, 16..7680 x 16..4320";
static const char fps_hint[] = "a frame rate is 1 to 120, an integer or N/D like 24000/1001";

/* ---- output: ---- */

static void load_fps(oy_sctx *c, const oy_ynode *out, const oyster_overrides *ov,
                     oy_script *s)
{
    const oy_ynode *v = out ? oy_ymap_get(out, "fps") : NULL;
    const char *t;

    s->output.fps = (oy_rational){ 24, 1 };
    if (v && (t = oy_script_scalar(c, v, "output.fps", "a frame rate")) &&
        oy_fps_parse(t, &s->output.fps) < 0)
        oy_script_err(c, v, fps_hint, "invalid frame rate '%s' for 'output.fps'", t);
    if (ov && ov->fps && oy_fps_parse(ov->fps, &s->output.fps) < 0) {
        oy_diag(c->log, OYSTER_ERROR, NULL, 0, 0, fps_hint, "invalid --fps '%s'", ov->fps);
        c->errors++;
    }
    c->fps = s->output.fps;
}

static void load_burn_in(oy_sctx *c, const oy_ynode *n, unsigned *bits)
{
    int count;
    const oy_ynode *const *items = oy_script_items(&n, &count);

    for (int i = 0; i < count; i++) {
        int b;
        if (oy_script_enum(c, items[i], "output.burn_in", burn_names, &b) == 0)
            *bits |= 1u << b;
    }
}

static void load_output(oy_sctx *c, const oy_ynode *root, const oy_ynode *out,
                        oy_script *s)
{
    oy_output *o = &s->output;
    const oy_ynode *v;
    const char *t;
    int q;

    if (!out) {
        oy_script_err(c, root, "add 'output:' with at least 'duration: TIME'",
                      "missing required section 'output'");
        return;
    }
    oy_script_keys(c, out, "output", output_keys);
    if ((v = oy_ymap_get(out, "size")) &&
        (t = oy_script_scalar(c, v, "output.size", "a frame size")) &&
        oy_size_parse(t, &o->width, &o->height) < 0)
        oy_script_err(c, v, size_hint, "invalid size '%s' for 'output.size'", t);
    if (!(v = oy_ymap_get(out, "duration")))
        oy_script_err(c, out, "add 'duration: TIME', e.g. 'duration: 20s'",
                      "missing required key 'duration' in 'output'");
    else if (oy_script_time(c, v, "output.duration", &o->duration) == 0 &&
             (o->duration <= 0 || o->duration > MAX_SECONDS))
        oy_script_err(c, v, "a shot is longer than 0 and at most 24 hours",
                      "'output.duration' '%s' is out of range", v->scalar);
    if ((v = oy_ymap_get(out, "quality")) &&
        oy_script_enum(c, v, "output.quality", quality_names, &q) == 0)
        o->draft = q;
    if ((v = oy_ymap_get(out, "audio")))
        oy_script_bool(c, v, "output.audio", &o->audio);
    if ((v = oy_ymap_get(out, "aspect")))
        oy_script_num(c, v, "output.aspect", 1, 4, &o->aspect);
    if ((v = oy_ymap_get(out, "burn_in")))
        load_burn_in(c, v, &o->burn_in);
    if ((v = oy_ymap_get(out, "timecode_start")) &&
        (t = oy_script_scalar(c, v, "output.timecode_start", "a timecode")) &&
        oy_timecode_parse(t, c->fps, &o->timecode_start) < 0)
        oy_script_err(c, v, "a timecode is HH:MM:SS:FF at the shot's frame rate",
                      "invalid timecode '%s' for 'output.timecode_start'", t);
}

/* ---- world: ---- */

/* A path relative to the shot file's directory. */
static int resolve_path(oy_sctx *c, const oy_ynode *n, const char *name,
                        const char *dir, oy_text *out)
{
    size_t dl, pl;
    char *p;

    if (oy_script_text(c, n, name, out) < 0)
        return -1;
    if (out->s[0] == '/' || !strcmp(dir, "."))
        return 0;
    dl = strlen(dir);
    pl = strlen(out->s);
    if (!(p = oy_malloc(dl + pl + 2))) {
        c->nomem = 1;
        return -1;
    }
    memcpy(p, dir, dl);
    p[dl] = '/';
    memcpy(p + dl + 1, out->s, pl + 1);
    free(out->s);
    out->s = p;
    return 0;
}

static void load_world(oy_sctx *c, const oy_ynode *n, oy_script *s)
{
    oy_world_desc *w = &s->world;
    const oy_ynode *v;

    if (oy_script_map(c, n, "world") < 0)
        return;
    oy_script_keys(c, n, "world", world_keys);
    if ((v = oy_ymap_get(n, "prompt")))
        oy_script_text(c, v, "world.prompt", &w->prompt);
    if ((v = oy_ymap_get(n, "image")))
        resolve_path(c, v, "world.image", s->dir, &w->image);
    if ((v = oy_ymap_get(n, "time")))
        w->has_time = oy_script_clock(c, v, "world.time", &w->time) == 0;
    if ((v = oy_ymap_get(n, "weather")))
        oy_script_weather(c, v, "world.weather", &w->weather);
    if ((v = oy_ymap_get(n, "season"))) {
        oy_script_enum(c, v, "world.season", season_names, &w->season);
        w->season_mark = v->mark;
    }
    if ((v = oy_ymap_get(n, "vocabulary")))
        resolve_path(c, v, "world.vocabulary", s->dir, &w->vocabulary);
    if ((v = oy_ymap_get(n, "layout")))
        oy_script_load_layout(c, v, w);
}

/* ---- top level ---- */

static void load_version(oy_sctx *c, const oy_ynode *root, oy_script *s)
{
    const oy_ynode *v = oy_ymap_get(root, "oyster");
    const char *t;

    if (!v) {
        oy_script_err(c, root, "add 'oyster: 1' as the first line",
                      "missing required key 'oyster' (the format version)");
        return;
    }
    if (!(t = oy_script_scalar(c, v, "oyster", "the format version")))
        return;
    if (strcmp(t, "1")) {
        oy_script_err(c, v, "this oyster reads version 1 only",
                      "unsupported format version '%s'", t);
        return;
    }
    s->version = 1;
}

static void load_top(oy_sctx *c, const oy_ynode *root, oy_script *s)
{
    const oy_ynode *v, *out = oy_ymap_get(root, "output");
    const char *t;

    oy_script_keys(c, root, NULL, top_keys);
    load_version(c, root, s);
    if ((v = oy_ymap_get(root, "title"))) {
        oy_text title = { NULL, { 0, 0 } };
        if (oy_script_text(c, v, "title", &title) == 0) {
            free(s->title);
            s->title = title.s;
        }
    }
    if ((v = oy_ymap_get(root, "seed")) &&
        (t = oy_script_scalar(c, v, "seed", "a whole number")) &&
        oy_script_uint64(t, &s->seed) < 0)
        oy_script_err(c, v, NULL, "'seed' must be a whole number from 0 to "
                      "18446744073709551615, not '%s'", t);
    if ((v = oy_ymap_get(root, "mode"))) {
        oy_script_enum(c, v, "mode", mode_names, &s->mode);
        s->mode_mark = v->mark;
    }
    if (out && oy_script_map(c, out, "output") < 0)
        out = NULL;
    load_output(c, root, out, s);
    if ((v = oy_ymap_get(root, "world")))
        load_world(c, v, s);
    if ((v = oy_ymap_get(root, "camera")))
        oy_script_load_camera(c, v, &s->camera);
    if ((v = oy_ymap_get(root, "directives")))
        oy_script_load_directives(c, v, s);
    if ((v = oy_ymap_get(root, "wander"))) {
        oy_script_load_wander(c, v, &s->wander);
        if (s->mode != OY_MODE_WANDER)
            oy_script_warn(c, v, "'wander' is ignored in direct mode (add 'mode: wander')");
    }
    if (s->mode == OY_MODE_WANDER && s->camera.nkeys)
        oy_script_warn(c, oy_ymap_get(oy_ymap_get(root, "camera"), "path"),
                       "'camera.path' is ignored in wander mode");
}

static void apply_overrides(oy_sctx *c, const oyster_overrides *ov, oy_script *s)
{
    double d;

    if (!ov)
        return;
    if (ov->seed && oy_script_uint64(ov->seed, &s->seed) < 0) {
        oy_diag(c->log, OYSTER_ERROR, NULL, 0, 0,
                "a seed is a whole number from 0 to 18446744073709551615",
                "invalid --seed '%s'", ov->seed);
        c->errors++;
    }
    if (ov->size && oy_size_parse(ov->size, &s->output.width, &s->output.height) < 0) {
        oy_diag(c->log, OYSTER_ERROR, NULL, 0, 0, size_hint, "invalid --size '%s'", ov->size);
        c->errors++;
    }
    if (ov->duration) {
        if (oy_time_parse(ov->duration, s->output.fps, &d) < 0 || d <= 0 || d > MAX_SECONDS) {
            oy_diag(c->log, OYSTER_ERROR, NULL, 0, 0, oy_script_time_hint,
                    "invalid --duration '%s' (more than 0, at most 24 hours)", ov->duration);
            c->errors++;
        } else {
            s->output.duration = d;
        }
    }
    if (ov->draft)
        s->output.draft = 1;
}

/* Directives past the end never take effect: worth a warning, since the
 * usual cause is a typo in a time or a shortened --duration. */
static void warn_late(oy_sctx *c, const oy_script *s)
{
    for (int i = 0; i < s->ndirectives; i++) {
        const oy_directive *d = &s->directives[i];
        if (d->frame >= s->output.frames)
            oy_diag(c->log, OYSTER_WARNING, c->file, d->mark.line, d->mark.col, NULL,
                    "directive '%s' at %gs is after the end of the shot (%gs)",
                    oy_action_names[d->action], d->at, s->output.duration);
    }
}

static int set_names(oy_script *s, const char *name)
{
    const char *base = strrchr(name, '/');
    const char *dot;

    base = base ? base + 1 : name;
    dot = strrchr(base, '.');
    s->path = oy_strdup(name);
    s->title = oy_strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
    if (base == name)
        s->dir = oy_strdup(".");
    else if (base == name + 1)
        s->dir = oy_strdup("/");
    else
        s->dir = oy_strndup(name, (size_t)(base - name - 1));
    return s->path && s->title && s->dir ? 0 : OYSTER_E_NOMEM;
}

static void set_defaults(oy_script *s)
{
    s->mode = OY_MODE_DIRECT;
    s->output.width = 1280;
    s->output.height = 720;
    s->output.fps = (oy_rational){ 24, 1 };
    s->output.audio = 1;
    s->world.season = OY_SEASON_NONE;
    s->camera.lens = OY_DEFAULT_LENS_MM;
    s->camera.sensor_w = OY_SUPER35_W;
    s->camera.sensor_h = OY_SUPER35_H;
    s->wander.eye = 1.7;
    s->wander.walk = 1.4;
    s->wander.turn = 90;
}

static void drop_log(void *opaque, const oyster_diag *d) { (void)opaque; (void)d; }

int oy_script_load_mem(oy_script **out, const char *name, const char *data,
                       size_t len, const oyster_overrides *ov, oy_log *log)
{
    oy_log quiet = { drop_log, NULL, 0, 0 };
    oy_sctx c = { log ? log : &quiet, name, { 24, 1 }, 0, 0 };
    oy_ydoc *doc = NULL;
    oy_script *s;
    const oy_ynode *root, *out_node;
    int ret;

    if (!(s = oy_calloc(1, sizeof *s)))
        return OYSTER_E_NOMEM;
    set_defaults(s);
    if ((ret = set_names(s, name)) < 0)
        goto fail;
    s->file_hash = oy_hash_bytes(0, data, len);
    if ((ret = oy_ydoc_load(&doc, name, data, len, c.log)) < 0) {
        /* still check the options, so that one run reports both */
        load_fps(&c, NULL, ov, s);
        apply_overrides(&c, ov, s);
        goto fail;
    }
    root = oy_ydoc_root(doc);
    if (root->type != OY_YMAP) {
        oy_script_err(&c, root, "a shot starts with 'oyster: 1' and has keys like "
                      "'output:', 'world:', 'camera:'",
                      "a shot script must be a map of keys, not %s",
                      root->type == OY_YSEQ ? "a list" : "text");
        load_fps(&c, NULL, ov, s);
        apply_overrides(&c, ov, s);
        ret = OYSTER_E_INPUT;
        goto fail;
    }
    out_node = oy_ymap_get(root, "output");
    load_fps(&c, out_node && out_node->type == OY_YMAP ? out_node : NULL, ov, s);
    load_top(&c, root, s);
    apply_overrides(&c, ov, s);
    ret = c.nomem ? OYSTER_E_NOMEM : c.errors ? OYSTER_E_INPUT : 0;
    if (ret < 0)
        goto fail;
    s->output.frames = llround(s->output.duration * s->output.fps.num / s->output.fps.den);
    if (s->output.frames < 1)
        s->output.frames = 1;
    /* the sound covers the frames exactly, however the duration falls */
    s->output.samples = oy_frame_first_sample(s->output.frames, s->output.fps);
    warn_late(&c, s);
    oy_ydoc_free(&doc);
    *out = s;
    return 0;
fail:
    oy_ydoc_free(&doc);
    oy_script_free(&s);
    return ret;
}

int oy_script_load(oy_script **out, const char *path,
                   const oyster_overrides *ov, oy_log *log)
{
    char *data = NULL;
    size_t len;
    int ret = oy_read_file(path, OY_SCRIPT_MAX_BYTES, &data, &len, log);

    if (ret < 0)
        return ret;
    ret = oy_script_load_mem(out, path, data, len, ov, log);
    free(data);
    return ret;
}

void oy_script_free(oy_script **sp)
{
    oy_script *s = *sp;

    if (!s)
        return;
    free(s->path);
    free(s->dir);
    free(s->title);
    free(s->world.prompt.s);
    free(s->world.image.s);
    free(s->world.vocabulary.s);
    free(s->world.weather.preset.s);
    free(s->camera.keys);
    for (int i = 0; i < s->ndirectives; i++)
        oy_script_free_directive(&s->directives[i]);
    free(s->directives);
    free(s->wander.keys);
    free(s->wander.looks);
    free(s);
    *sp = NULL;
}
