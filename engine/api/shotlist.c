/*
 * shotlist.c - `oyster check --shot-list FILE`: one row per shot, as CSV
 * (RFC 4180: CRLF lines, fields with a comma, quote or line break
 * quoted; "-" writes it to standard output) or as a Markdown table (.md;
 * '|' escaped, line breaks as spaces).
 *
 * What the columns say is worked out from the compiled shot, not only
 * from the script's words: the lens and time of day on the first and last
 * frame, the weather every second as the script's weather presets name
 * it, the camera's moves as the storyboard names them (sampled every half
 * second, each move once, in the order they first happen), the objects
 * placed over the shot by kind.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "editorial.h"
#include "storyboard.h"

#define CELL 1024

enum { COL_SHOT, COL_TITLE, COL_DURATION, COL_FRAMES, COL_LENS, COL_MOVE, COL_BEATS,
       COL_OBJECTS, COL_TIME, COL_WEATHER, COL_SEED, NCOLS };

static const char *const heads[NCOLS] = {
    "shot", "title", "duration", "frames", "lens", "camera move", "beats", "objects",
    "time of day", "weather", "seed"
};

typedef struct sl_list {
    oyster_shot *const *shots;
    int nshots;
    int markdown;
} sl_list;

/* The script's weather preset nearest a state. */
static const char *weather_word(const oy_state *st)
{
    const float *ch = st->ch;
    if (ch[OY_CH_SNOW] >= 0.2f)
        return "snow";
    if (ch[OY_CH_LIGHTNING] >= 0.3f)
        return "storm";
    if (ch[OY_CH_RAIN] >= 0.2f)
        return "rain";
    if (ch[OY_CH_FOG] >= 0.3f)
        return "fog";
    if (ch[OY_CH_CLOUD] >= 0.9f)
        return "overcast";
    if (ch[OY_CH_CLOUD] >= 0.6f)
        return "cloudy";
    return "clear";
}

/* The frames sampled every `every` seconds from 0, and the last: the one
 * after f, or -1 after the last. */
static int64_t next_sample(const oy_output *out, double every, int64_t f)
{
    int64_t step = oy_time_to_frame(every, out->fps), last = out->frames - 1;

    if (f >= last)
        return -1;
    f += step > 0 ? step : 1;
    return f < last ? f : last;
}

/* The weather words over the shot, sampled every second and on the last
 * frame, each change once: "clear", "clear → storm → clear". */
static void weather(oyster_shot *shot, char *buf, size_t n)
{
    const oy_output *out = &shot->script->output;
    const char *prev = NULL;
    oy_state st;
    oy_view v;

    buf[0] = 0;
    for (int64_t f = 0; f >= 0; f = next_sample(out, 1.0, f)) {
        const char *w;
        oy_shot_eval(shot, sb_frame_time(out, f), &st, shot->ents, &v);
        w = weather_word(&st);
        if (w != prev)
            sb_add_text(buf, n, "%s%s", prev ? " \xe2\x86\x92 " : "", w);
        prev = w;
    }
}

static void clock_text(const oy_state *st, char *buf, size_t n)
{
    int m = (int)fmod(floor(st->ch[OY_CH_TIME] * 60.0 + 0.5), 24 * 60);
    snprintf(buf, n, "%02d:%02d", m / 60, m % 60);
}

/* Each move sb_camera_move names around the sampled frames, once. */
static void camera_moves(oyster_shot *shot, char *buf, size_t n)
{
    const oy_output *out = &shot->script->output;

    buf[0] = 0;
    for (int64_t f = 0; f >= 0; f = next_sample(out, 0.5, f)) {
        char moves[64], *save = NULL;
        sb_camera_move(shot, shot->ents, f, moves, sizeof moves);
        for (char *m = strtok_r(moves, ",", &save); m; m = strtok_r(NULL, ",", &save)) {
            char had[CELL + 4], probe[72];
            while (*m == ' ')
                m++;
            snprintf(had, sizeof had, ", %s,", buf);
            snprintf(probe, sizeof probe, ", %s,", m);
            if (strcmp(m, "static") && !strstr(had, probe))
                sb_add_text(buf, n, "%s%s", buf[0] ? ", " : "", m);
        }
    }
    if (!buf[0])
        snprintf(buf, n, "static");
}

/* The kinds of the objects placed over the shot, in the order they were
 * placed, with a count above one: "campfire, deer ×3". */
static int objects(const oyster_shot *shot, char *buf, size_t n)
{
    int count = oy_model_entity_count(shot->model);
    oy_entity *e = oy_calloc((size_t)count + 1, sizeof *e);

    if (!e)
        return OYSTER_E_NOMEM;
    buf[0] = 0;
    for (int i = 0; i < count; i++)
        oy_model_entity_at(shot->model, (size_t)i, 0.0, &e[i]);
    for (int i = 0; i < count; i++) {
        int seen = 0, same = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = !strcmp(e[j].kind, e[i].kind);
        if (seen)
            continue;
        for (int j = i; j < count; j++)
            same += !strcmp(e[j].kind, e[i].kind);
        sb_add_text(buf, n, "%s", buf[0] ? ", " : "");
        for (const char *k = e[i].kind; *k; k++)
            sb_add_text(buf, n, "%c", *k == '_' ? ' ' : *k);
        if (same > 1)
            sb_add_text(buf, n, " \xc3\x97%d", same);
    }
    free(e);
    return 0;
}

static int row(oyster_shot *shot, int number, char cell[NCOLS][CELL])
{
    const oy_script *s = shot->script;
    const oy_output *out = &s->output;
    oy_state a, b;
    oy_view v;
    char x[32], y[32];
    int nev;
    const oy_event *ev = oy_model_events(shot->model, &nev);

    snprintf(cell[COL_SHOT], CELL, "%d", number);
    snprintf(cell[COL_TITLE], CELL, "%s", s->title);
    sb_seconds(out->duration, cell[COL_DURATION], CELL);
    snprintf(cell[COL_FRAMES], CELL, "%lld", (long long)out->frames);
    ed_lens_span(shot, cell[COL_LENS], CELL);
    camera_moves(shot, cell[COL_MOVE], CELL);
    cell[COL_BEATS][0] = 0;
    for (int i = 0; i < nev; i++)
        if (ev[i].type == OY_EV_BEAT && ev[i].frame < out->frames)
            sb_add_text(cell[COL_BEATS], CELL, "%s%s", cell[COL_BEATS][0] ? "; " : "",
                        ev[i].text ? ev[i].text : "");
    oy_shot_eval(shot, 0.0, &a, shot->ents, &v);
    oy_shot_eval(shot, sb_frame_time(out, out->frames - 1), &b, shot->ents, &v);
    clock_text(&a, x, sizeof x);
    clock_text(&b, y, sizeof y);
    ed_span(x, y, cell[COL_TIME], CELL);
    weather(shot, cell[COL_WEATHER], CELL);
    snprintf(cell[COL_SEED], CELL, "%llu", (unsigned long long)s->seed);
    return objects(shot, cell[COL_OBJECTS], CELL);
}

static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void md_field(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '\\')
            fputc('\\', f);
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
    }
}

static void line(FILE *f, const sl_list *l, const char *const *cells)
{
    for (int c = 0; c < NCOLS; c++) {
        if (l->markdown) {
            fputs(c ? " | " : "| ", f);
            md_field(f, cells[c]);
        } else {
            if (c)
                fputc(',', f);
            csv_field(f, cells[c]);
        }
    }
    fputs(l->markdown ? " |\n" : "\r\n", f);
}

static int write_list(FILE *f, void *ctx)
{
    const sl_list *l = ctx;
    char (*cell)[CELL] = malloc(sizeof(char[NCOLS][CELL]));
    const char *cells[NCOLS];
    int err = 0;

    if (!cell)
        return OYSTER_E_NOMEM;
    line(f, l, heads);
    if (l->markdown) {
        for (int c = 0; c < NCOLS; c++)
            fputs(c ? "---|" : "|---|", f);
        fputc('\n', f);
    }
    for (int c = 0; c < NCOLS; c++)
        cells[c] = cell[c];
    for (int i = 0; i < l->nshots && !err; i++)
        if (!(err = row(l->shots[i], i + 1, cell)))
            line(f, l, cells);
    free(cell);
    return err;
}

int oyster_shot_list(oyster_shot *const *shots, int nshots, const char *path, int force)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(slash ? slash + 1 : path, '.');
    sl_list l = { shots, nshots, 0 };

    if (nshots < 1)
        return OYSTER_E_INPUT;
    if (dot && (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown")))
        l.markdown = 1;
    else if (strcmp(path, "-") && (!dot || strcasecmp(dot, ".csv"))) {
        oy_diag(&shots[0]->log, OYSTER_ERROR, NULL, 0, 0, "use .csv or .md",
                "unsupported shot list format '%s'", dot ? dot : path);
        return OYSTER_E_INPUT;
    }
    return oy_write_atomic(&shots[0]->log, path, force, write_list, &l);
}
