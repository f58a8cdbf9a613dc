/*
 * storyboard.c - `oyster storyboard`: the panels of a sequence of shots.
 *
 * A shot's panels fall on frame 0, each beat, each directive that changes
 * the picture (time, weather, lighting, say, add, remove, move, strike,
 * flash, shake, fade; not music, sound or mix) and each camera cut, panels
 * on one frame merged; or, with `every`, on 0, every, 2 every ... Each is
 * drawn as `oyster still` draws its frame, with a renderer at the panel's
 * size, which is what `oyster still --size WxH` gives: one still's work
 * per panel. The caption says what changed since the panel before, the
 * beat in effect, the lens and how the camera moves around the panel's
 * time. The writers of each format (storyboard_*.c: sheet PNG, HTML, PDF,
 * reel MP4) lay them out; the board and its edit files (--otio, --edl,
 * --fcpxml) go through one output set (outputs.h), committed together.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../media/media.h"
#include "../render/render.h"
#include "editorial.h"
#include "storyboard.h"

int oyster_storyboard_format(const char *path)
{
    static const char *const ext[] = { ".png", ".html", ".pdf", ".mp4" };
    const char *slash = strrchr(path, '/'), *dot = strrchr(slash ? slash + 1 : path, '.');

    for (int i = 0; dot && i < 4; i++)
        if (!strcasecmp(dot, ext[i]))
            return i;
    if (dot && !strcasecmp(dot, ".htm"))
        return OYSTER_BOARD_HTML;
    return -1;
}


/* ---- planning --------------------------------------------------------------- */

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* The frames of shot's panels, sorted and distinct, into *out. */
static int panel_frames(const oyster_shot *shot, double every, int64_t **out, int *count)
{
    const oy_output *o = &shot->script->output;
    int nev, n = 0;
    const oy_event *ev = oy_model_events(shot->model, &nev);
    size_t cap = 0;
    int64_t *f = NULL;

    if (every > 0.0) {
        for (int64_t k = 0; n <= OYSTER_STORYBOARD_MAX_PANELS; k++) {
            int64_t fr = oy_time_to_frame((double)k * every, o->fps);
            if (fr >= o->frames)
                break;
            if (oy_grow(&f, &cap, (size_t)n + 1, sizeof *f))
                return OYSTER_E_NOMEM;
            f[n++] = fr;
        }
    } else {
        if (oy_grow(&f, &cap, (size_t)nev + 1, sizeof *f))
            return OYSTER_E_NOMEM;
        f[n++] = 0;
        for (int i = 0; i < nev; i++)
            if (ev[i].frame < o->frames && sb_panel_event(shot, &ev[i]))
                f[n++] = ev[i].frame;
    }
    qsort(f, (size_t)n, sizeof *f, cmp_i64);
    {
        int m = 0;
        for (int i = 0; i < n; i++)
            if (!m || f[i] != f[m - 1])
                f[m++] = f[i];
        n = m;
    }
    *out = f;
    *count = n;
    return 0;
}

/* Panels of every shot, with their captions' facts; no pictures yet. */
static int plan(sb_board *b, oy_entity *ents)
{
    size_t cap = 0;
    int err = 0, number = 0;

    for (int si = 0; si < b->nshots && !err; si++) {
        const oyster_shot *shot = b->shots[si];
        const oy_output *out = &shot->script->output;
        int nev, nf, row = si / b->per_row;
        const oy_event *ev = oy_model_events(shot->model, &nev);
        int64_t *frames = NULL, prev = -1;

        if (si % b->per_row == 0)
            number = 0;          /* each seed row counts from 1 */
        if ((err = panel_frames(shot, b->o->every, &frames, &nf)))
            break;
        if (b->npanels + nf > OYSTER_STORYBOARD_MAX_PANELS) {
            oy_error(b->log, "more than %d panels; try a longer --every or fewer seeds",
                     OYSTER_STORYBOARD_MAX_PANELS);
            free(frames);
            return OYSTER_E_INPUT;
        }
        if (oy_grow(&b->panels, &cap, (size_t)(b->npanels + nf), sizeof *b->panels)) {
            free(frames);
            return OYSTER_E_NOMEM;
        }
        for (int i = 0; i < nf; i++) {
            sb_panel *p = &b->panels[b->npanels++];
            oy_state st;
            oy_view view;
            memset(p, 0, sizeof *p);
            p->shot = si;
            p->row = row;
            p->number = ++number;
            p->frame = frames[i];
            p->t = sb_frame_time(out, p->frame);
            oy_timecode_format(p->timecode, p->frame + out->timecode_start, out->fps);
            oy_shot_eval(shot, p->t, &st, ents, &view);
            p->beat = st.beat_text;
            p->focal_mm = view.focal_mm;
            sb_camera_move(shot, ents, p->frame, p->move, sizeof p->move);
            /* what took effect after the panel before, up to this frame */
            for (int e = 0; e < nev; e++) {
                char t[SB_TEXT];
                if (ev[e].frame <= prev || ev[e].frame > p->frame || !sb_panel_event(shot, &ev[e]))
                    continue;
                sb_event_text(shot, &ev[e], t, sizeof t);
                if (t[0])
                    sb_add_text(p->what, sizeof p->what, "%s%s", p->what[0] ? "; " : "", t);
            }
            prev = p->frame;
        }
        free(frames);
    }
    return err;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- pictures --------------------------------------------------------------- */

/* Panel p's picture as `oyster still` draws its frame, at b's panel size:
 * the renderer is made for that size and the burn-ins sized to it. */
static int draw_panel(const sb_board *b, oy_renderer *r, oy_entity *ents, sb_panel *p)
{
    const oyster_shot *shot = b->shots[p->shot];
    oy_state st;
    oy_view view;
    int err;

    if (!(p->rgb = oy_malloc((size_t)b->pw * b->ph * 3)))
        return OYSTER_E_NOMEM;
    oy_shot_eval(shot, p->t, &st, ents, &view);
    if ((err = oy_render_frame(r, &st, &view, p->rgb, (ptrdiff_t)b->pw * 3)))
        return err;
    oy_shot_burn_in(shot, &st, &view, p->frame, p->rgb, b->pw, b->ph);
    return 0;
}

static int draw_panels(sb_board *b, oy_entity *ents)
{
    const oyster_storyboard_opts *o = b->o;
    oy_pool *pool = NULL;
    oy_renderer *r = NULL;
    int err, shot = -1;

    if ((err = oy_pool_new(&pool, o->threads)))
        return err;
    for (int i = 0; i < b->npanels && !err; i++) {
        sb_panel *p = &b->panels[i];
        if (o->cancel && *o->cancel) {
            err = OYSTER_E_INTERRUPTED;
            break;
        }
        if (p->shot != shot) {
            const oyster_shot *s = b->shots[p->shot];
            oy_render_config rc = { 0 };
            oy_renderer_free(&r);
            rc.width = b->pw;
            rc.height = b->ph;
            rc.draft = s->script->output.draft;
            rc.aspect = s->script->output.aspect;
            rc.seed = s->script->seed;
            if ((err = oy_renderer_new(&r, s->world, &rc, pool)))
                break;
            shot = p->shot;
        }
        err = draw_panel(b, r, ents, p);
        if (!err && o->progress) {
            oyster_progress pr = { i + 1, b->npanels, 0.0, 0.0 };
            o->progress(o->opaque, &pr);
        }
    }
    oy_renderer_free(&r);
    oy_pool_free(&pool);
    return err;
}

/* ---- shared by the writers ---------------------------------------------------- */

int sb_row_max(const sb_board *b)
{
    int best = 0;
    for (int i = 0, n = 0; i < b->npanels; i++) {
        n = i && b->panels[i].row == b->panels[i - 1].row ? n + 1 : 1;
        if (n > best)
            best = n;
    }
    return best;
}

int sb_lines(const sb_board *b, int cols, sb_line **out, int *nlines)
{
    sb_line *l = oy_calloc((size_t)b->npanels + 1, sizeof *l);
    int n = 0;

    if (!l)
        return OYSTER_E_NOMEM;
    for (int i = 0; i < b->npanels;) {
        int row = b->panels[i].row, k = 0;
        while (i < b->npanels && b->panels[i].row == row) {
            if (k % cols == 0) {
                l[n].first = i;
                l[n].row = row;
                l[n].label = b->nrows > 1 && k == 0;
                n++;
            }
            l[n - 1].count++;
            k++;
            i++;
        }
    }
    *out = l;
    *nlines = n;
    return 0;
}

void sb_row_label(const sb_board *b, int row, char *buf, size_t n)
{
    snprintf(buf, n, "seed %llu", (unsigned long long)b->shots[row * b->per_row]->script->seed);
}

/* ---- the command ---------------------------------------------------------------- */

/* The output's directory exists and can be written: checked before any
 * panel is drawn, so a wrong -o costs nothing. */
static int check_dir(oy_log *log, const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[4096];
    struct stat sb;

    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot write '%s': no directory '%s'", path, dir);
        return OYSTER_E_INPUT;
    }
    if (access(dir, W_OK) != 0) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, NULL, "cannot write '%s': directory '%s' is not writable",
                path, dir);
        return OYSTER_E_INPUT;
    }
    return 0;
}

static void describe(sb_board *b)
{
    double total = 0.0;
    char secs[32];

    b->title[0] = 0;
    for (int i = 0; i < b->per_row; i++) {
        total += b->shots[i]->script->output.duration;
        sb_add_text(b->title, sizeof b->title, "%s%s", i ? " / " : "", b->shots[i]->script->title);
    }
    sb_seconds(total, secs, sizeof secs);
    snprintf(b->summary, sizeof b->summary, "%d shot%s, %s, %d panel%s", b->per_row,
             b->per_row > 1 ? "s" : "", secs, b->npanels / b->nrows, b->npanels / b->nrows > 1 ? "s" : "");
    if (b->nrows > 1)
        sb_add_text(b->summary, sizeof b->summary, " a row, seeds %llu-%llu",
                 (unsigned long long)b->shots[0]->script->seed,
                 (unsigned long long)b->shots[(b->nrows - 1) * b->per_row]->script->seed);
    if (b->o->every > 0.0) {
        sb_seconds(b->o->every, secs, sizeof secs);
        sb_add_text(b->summary, sizeof b->summary, ", one every %s", secs);
    }
}

int oyster_storyboard(oyster_shot *const *shots, int nshots, const oyster_storyboard_opts *o)
{
    sb_board b = { 0 };
    oy_entity *ents = NULL;
    oy_outs outs;
    int fmt = oyster_storyboard_format(o->out), err, w, h, maxents = 1, board, edit[3];
    double start = now_s(), drawn = start;

    if (nshots < 1)
        return OYSTER_E_INPUT;
    b.shots = shots;
    b.nshots = nshots;
    b.o = o;
    b.log = &shots[0]->log;
    b.nrows = o->seed_rows > 1 ? o->seed_rows : 1;
    b.per_row = nshots / b.nrows;
    b.pw = o->panel_width > 0 ? o->panel_width : OYSTER_PANEL_WIDTH;
    if (fmt < 0) {
        const char *dot = strrchr(o->out, '.');
        oy_diag(b.log, OYSTER_ERROR, NULL, 0, 0, "use .png, .html, .pdf or .mp4",
                "unsupported storyboard format '%s'", dot ? dot : o->out);
        return OYSTER_E_INPUT;
    }
    if (b.per_row * b.nrows != nshots || b.pw < OYSTER_PANEL_WIDTH_MIN ||
        b.pw > OYSTER_PANEL_WIDTH_MAX || b.pw % 2 || o->columns < 0 || o->rows < 0 || !(o->every >= 0.0)) {
        oy_error(b.log, "invalid storyboard options");
        return OYSTER_E_INPUT;
    }
    /* the first shot's aspect sets every panel's: as `still --size WxH` */
    w = shots[0]->script->output.width;
    h = shots[0]->script->output.height;
    b.ph = (int)(((int64_t)b.pw * h + w / 2) / w);
    b.ph += b.ph % 2;
    if (b.ph < 16)
        b.ph = 16;
    if ((err = check_dir(b.log, o->out)))
        return err;
    /* the board and its edits: checked now, committed together */
    oy_outs_init(&outs, b.log, o->force);
    err = board = oy_outs_add(&outs, o->out, 0);
    for (int e = 0; e < 3; e++) {
        edit[e] = -1;
        if (err >= 0 && o->edit_out[e])
            err = edit[e] = oy_outs_add(&outs, o->edit_out[e], 0);
    }
    if (err < 0 || (err = oy_outs_check(&outs)))
        goto done;
    for (int i = 0; i < nshots; i++)
        if (oy_model_max_entities(shots[i]->model) > maxents)
            maxents = oy_model_max_entities(shots[i]->model);
    if (!(ents = oy_calloc((size_t)maxents, sizeof *ents))) {
        err = OYSTER_E_NOMEM;
        goto done;
    }
    if ((err = plan(&b, ents)))
        goto done;
    describe(&b);
    if ((err = draw_panels(&b, ents)))
        goto done;
    drawn = now_s();
    {
        const char *path = outs.v[board].path;
        err = fmt == OYSTER_BOARD_PNG ? sb_write_sheet(&b, path) :
              fmt == OYSTER_BOARD_HTML ? sb_write_html(&b, path) :
              fmt == OYSTER_BOARD_PDF ? sb_write_pdf(&b, path) : sb_write_reel(&b, path);
    }
    for (int e = 0; e < 3 && !err; e++) {
        oyster_edit_opts eo = { o->edit_out[e], e, fmt == OYSTER_BOARD_MP4 ? o->out : NULL, o->force };
        oy_edit_job ej = { shots, nshots, &eo };
        if (edit[e] >= 0)
            err = oy_edit_fill(&outs, edit[e], &ej);
    }
    if (err || (err = oy_outs_commit(&outs)))
        goto done;
    oy_info(b.log, "timing: %d panel(s) of %dx%d, %.3f s a panel; %.3f s in all",
            b.npanels, b.pw, b.ph, (drawn - start) / b.npanels, now_s() - start);
done:
    oy_outs_release(&outs);
    free(ents);
    for (int i = 0; i < b.npanels; i++)
        free(b.panels[i].rgb);
    free(b.panels);
    return err;
}
