/*
 * cmd_wander.c - `oyster wander SHOT`: walk a wander shot live. The keys
 * come from the terminal in raw mode, the video (Matroska with its sound)
 * streams to standard output for a player, or goes to -o FILE; q or
 * Ctrl-C ends the session with every output complete. Frames are paced
 * to the clock: frame n is drawn no sooner than n frames after the first,
 * and the keys typed meanwhile count from its time (the engine stamps
 * them), so the walk is a pure function of the keys that --record keeps.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "progress.h"
#include "term.h"
#include "wander.h"

#define BEHIND 0.25       /* seconds late after which the pace starts from now */
#define STATUS_EVERY 0.25 /* seconds between status lines */

/* static: the handler may still fire after the session has returned */
static volatile int signalled;

typedef struct session {
    cli_term term;
    cli_progress prog;
    const char *look;       /* "640x360 at 24 fps, draft" */
    const char *hello;      /* said as the first frame is due, or NULL */
    double frame_s;         /* seconds a frame */
    double t0;              /* when frame 0 was due, moved on when behind */
    double start;           /* when frame 0 began */
    double back;            /* when the last frame's drawing began */
    double busy;            /* seconds spent drawing */
    double shown;           /* when the status was last drawn */
    int64_t drawn;          /* frames drawn by drawn_at */
    double drawn_at;
} session;

static void status(session *s, int64_t n, double now)
{
    char line[128];
    double t = (double)n * s->frame_s, el = now - s->start;

    if (now - s->shown < STATUS_EVERY)
        return;
    s->shown = now;
    snprintf(line, sizeof line, "wander %d:%04.1f  %.1f fps  %s  (q ends)", (int)(t / 60.0),
             t - 60.0 * (int)(t / 60.0), el > 0 ? (double)n / el : 0.0, s->look);
    cli_progress_text(&s->prog, line);
}

/* oyster_wander_opts.read_keys: wait for frame n's time, reading keys. */
static int read_keys(void *opaque, int64_t n, unsigned *keys, int max)
{
    session *s = opaque;
    double now = cli_term_clock(), due;
    int quit = 0, k;

    if (n == 0 && s->hello)
        fprintf(stderr, "%s\n", s->hello);    /* the keys count from now */
    if (n == 0)
        s->t0 = s->start = now;
    else
        s->busy += now - s->back;
    s->drawn = n;
    s->drawn_at = now;
    due = s->t0 + (double)n * s->frame_s;
    if (now > due + BEHIND) {
        s->t0 += now - due;
        due = now;
    }
    k = cli_term_keys(&s->term, due, keys, max, &quit);
    if (quit || signalled)
        return -1;
    s->back = cli_term_clock();
    status(s, n, s->back);
    return k;
}

static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && !strcasecmp(path + n - e, ext);
}

/* What can be refused before the shot opens. */
static int check_args(const cli_command *cmd, const cli_args *a, const char *out)
{
    int std = !strcmp(out, "-");

    if (a->ov.draft && a->final) {
        cli_usage_error(cmd, "'--draft' and '--final' do not go together");
        return OYSTER_E_INPUT;
    }
    if (!std && !has_ext(out, ".mp4") && !has_ext(out, ".mov") && !has_ext(out, ".mkv")) {
        cli_error(cmd->name, "record to .mp4, .mov or .mkv, or leave out -o to stream to standard output",
                  "unsupported output format '%s'", out);
        return OYSTER_E_INPUT;
    }
    if (std && isatty(STDOUT_FILENO)) {
        cli_error(cmd->name, "pipe it into a player ('oyster wander SHOT | ffplay -') or record it with '-o FILE'",
                  "refusing to write video to a terminal");
        return OYSTER_E_INPUT;
    }
    if (std && ((a->frame_hashes && !strcmp(a->frame_hashes, "-")) ||
                (a->audio_out && !strcmp(a->audio_out, "-")) || (a->record && !strcmp(a->record, "-")))) {
        cli_usage_error(cmd, "standard output carries the video: name a file, or record the video with -o");
        return OYSTER_E_INPUT;
    }
    return 0;
}

/* The shot at the chosen size and rate (the one open when it is that);
 * its warnings were said when it was first opened. */
static int reopen(const cli_args *a, cli_log *log, const cli_live_size *pick, oyster_shot **shot)
{
    oyster_overrides ov = a->ov;
    int ret;

    if (a->ov.size && a->ov.fps)
        return 0;
    ov.size = pick->size;
    ov.fps = pick->fps;
    oyster_shot_free(shot);
    log->quiet = 1;
    ret = oyster_shot_open(shot, a->pos[0], &ov, cli_log_diag, log);
    log->quiet = a->quiet;
    return ret < 0 ? cli_fail(log, ret, a->pos[0]) : 0;
}

/* The session itself, the terminal raw; the exit status. */
static int walk(const cli_command *cmd, const cli_args *a, cli_log *log, oyster_shot *shot,
                session *s, const char *out)
{
    oyster_info info;
    oyster_wander_opts wo;
    int ret;

    oyster_shot_get_info(shot, &info);
    wo = (oyster_wander_opts){
        .render = { .out = out, .force = a->force, .threads = a->threads, .no_audio = a->no_audio,
                    .frame_hashes = a->frame_hashes, .audio_out = a->audio_out, .stems_dir = a->stems },
        .record = a->record, .limit = a->ov.duration ? info.duration : 0.0,
        .read_keys = read_keys, .opaque = s,
    };
    if (cli_signals_catch_then(&signalled, cli_term_restore) < 0 || cli_term_raw(&s->term) < 0) {
        cli_error(cmd->name, NULL, "cannot set the terminal up for keys");
        return CLI_EXIT_FAILED;
    }
    ret = oyster_wander(shot, &wo);
    cli_term_close(&s->term);
    cli_progress_end(&s->prog);
    if (ret < 0)
        return cli_fail(log, ret, ret == OYSTER_E_EXISTS ? out : NULL);
    if (!a->quiet) {
        /* from the first frame's start to the last one's end (then the
         * files were finished) */
        double el = s->drawn_at - s->start;
        fprintf(stderr, "oyster: wander: %d frames (%.1f s) at %s: %.1f fps sustained, drawing took %.0f%% of the time\n",
                ret, ret * s->frame_s, s->look, el > 0 ? s->drawn / el : 0.0, el > 0 ? 100.0 * s->busy / el : 0.0);
        if (a->record)
            fprintf(stderr, "oyster: wander: render it again: oyster render '%s' --size %dx%d --fps %d/%d%s -o FILE\n",
                    a->record, info.width, info.height, info.fps_num, info.fps_den, info.draft ? " --draft" : "");
    }
    if (strcmp(out, "-"))
        cli_info(log, "wrote '%s'", out);
    if (a->record)
        cli_info(log, "wrote '%s'", a->record);
    return signalled ? cli_signals_exit_code(signalled) : CLI_EXIT_OK;
}

int cli_cmd_wander(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    session s = { .term.fd = -1 };
    cli_live_size pick;
    oyster_shot *shot = NULL;
    oyster_info info;
    char look[96], hello[512];
    const char *out;
    int rc = cli_start(cmd, argc, argv, &a, &log, "shot script", 1), ret;

    if (rc != CLI_CONTINUE)
        return rc;
    out = a.out ? a.out : "-";
    rc = CLI_EXIT_INPUT;
    if (check_args(cmd, &a, out) < 0)
        goto done;
    a.ov.draft = !a.final;
    if ((ret = oyster_shot_open(&shot, a.pos[0], &a.ov, cli_log_diag, &log)) < 0) {
        rc = cli_fail(&log, ret, a.pos[0]);
        goto done;
    }
    oyster_shot_get_info(shot, &info);
    if (info.mode != 1) {
        cli_error(cmd->name, "'oyster wander' walks a shot with 'mode: wander' (oyster-shot(5), WANDER)",
                  "'%s' is not a wander script", a.pos[0]);
        goto done;
    }
    if (cli_term_open(cmd, &s.term) < 0)
        goto done;
    if ((ret = cli_wander_size(&a, &info, &pick)) < 0) {
        rc = cli_fail(&log, ret, NULL);
        goto done;
    }
    if ((rc = reopen(&a, &log, &pick, &shot)) != 0)
        goto done;
    oyster_shot_get_info(shot, &info);
    snprintf(look, sizeof look, "%dx%d at %g fps, %s", info.width, info.height,
             (double)info.fps_num / info.fps_den, info.draft ? "draft" : "final");
    s.look = look;
    s.frame_s = pick.frame_s;
    cli_progress_init(&s.prog, CLI_PROGRESS_AUTO, a.quiet);
    log.progress = &s.prog;
    snprintf(hello, sizeof hello, "oyster: wander: %s (%s); keys w a s d, shift runs, arrows turn, "
             "space jumps, q or Ctrl-C ends", look, pick.why);
    s.hello = a.quiet ? NULL : hello;
    rc = walk(cmd, &a, &log, shot, &s, out);
done:
    cli_term_close(&s.term);
    oyster_shot_free(&shot);
    return rc;
}
