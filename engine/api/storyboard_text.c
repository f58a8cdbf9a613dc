/*
 * storyboard_text.c - what a storyboard panel says: which directives make
 * a panel, each directive as the script says it, how the camera moves
 * around a panel's time, the caption's lines and their wrapping to a
 * width, durations and lenses for the headers and the shot list.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "storyboard.h"

/* ---- what a panel says ---------------------------------------------------- */

static int changes_picture(int action)
{
    switch (action) {
    case OY_ACT_SAY: case OY_ACT_BEAT: case OY_ACT_TIME: case OY_ACT_WEATHER:
    case OY_ACT_LIGHTING: case OY_ACT_ADD: case OY_ACT_REMOVE: case OY_ACT_MOVE:
    case OY_ACT_STRIKE: case OY_ACT_FLASH: case OY_ACT_SHAKE: case OY_ACT_FADE:
        return 1;
    default:
        return 0;
    }
}

/* An event a panel falls on: a cut or a picture-changing directive. */
int sb_panel_event(const oyster_shot *shot, const oy_event *e)
{
    if (e->type == OY_EV_CUT)
        return 1;
    return e->directive >= 0 && changes_picture(shot->script->directives[e->directive].action);
}

void sb_add_text(char *buf, size_t n, const char *fmt, ...)
{
    size_t len = strlen(buf);
    va_list ap;
    if (len + 1 >= n)
        return;
    va_start(ap, fmt);
    vsnprintf(buf + len, n - len, fmt, ap);
    va_end(ap);
}

/* The directive of event e as the script says it: "strike lightning",
 * "say: the sun sets", "add 3 deer", "fade black over 2s". Beats are in
 * the beat line, not here. */
void sb_event_text(const oyster_shot *shot, const oy_event *e, char *buf, size_t n)
{
    const oy_directive *d;

    buf[0] = 0;
    if (e->type == OY_EV_CUT) {
        snprintf(buf, n, "cut");
        return;
    }
    d = &shot->script->directives[e->directive];
    switch (d->action) {
    case OY_ACT_SAY:    snprintf(buf, n, "say: %s", d->text.s); break;
    case OY_ACT_TIME: {
        int m = (int)(d->time * 60.0 + 0.5);
        snprintf(buf, n, "time %02d:%02d", m / 60, m % 60);
        break;
    }
    case OY_ACT_WEATHER:
        snprintf(buf, n, "weather");
        if (d->weather.preset.s)
            sb_add_text(buf, n, " %s", d->weather.preset.s);
        for (int i = 0; !d->weather.preset.s && i < OY_WX_COUNT; i++)
            if (d->weather.set[i])
                sb_add_text(buf, n, " %s %g", oy_weather_fields[i], d->weather.v[i]);
        break;
    case OY_ACT_LIGHTING:
        snprintf(buf, n, "lighting");
        if (d->lighting.preset.s)
            sb_add_text(buf, n, " %s", d->lighting.preset.s);
        for (int i = 0; !d->lighting.preset.s && i < OY_LT_COUNT; i++)
            if (d->lighting.set[i])
                sb_add_text(buf, n, " %s %g", oy_light_fields[i], d->lighting.v[i]);
        break;
    case OY_ACT_ADD:
        if (d->count > 1)
            snprintf(buf, n, "add %d %s", d->count, d->text.s);
        else
            snprintf(buf, n, "add %s", d->text.s);
        if (d->id.s)
            sb_add_text(buf, n, " (%s)", d->id.s);
        break;
    case OY_ACT_REMOVE: snprintf(buf, n, "remove %s", d->text.s); break;
    case OY_ACT_MOVE:   snprintf(buf, n, "move %s", d->text.s); break;
    case OY_ACT_STRIKE: snprintf(buf, n, "strike lightning"); break;
    case OY_ACT_FLASH:  snprintf(buf, n, "flash %g", d->amount); break;
    case OY_ACT_SHAKE:  snprintf(buf, n, "shake %g", d->amount); break;
    case OY_ACT_FADE:   snprintf(buf, n, "fade %s", oy_fade_names[d->fade]); break;
    default:            return;
    }
    if (d->has_over && d->action != OY_ACT_SAY)
        sb_add_text(buf, n, " over %gs", d->over);
}

double sb_frame_time(const oy_output *out, int64_t n)
{
    return (double)n * out->fps.den / out->fps.num;
}

/* How the camera moves around frame n: the view half a second before and
 * after (not across a cut), the change in position seen from the camera
 * (push in / pull out, truck, crane), in yaw (pan), pitch (tilt) and focal
 * length (zoom); "static" when nothing passes its threshold. */
void sb_camera_move(const oyster_shot *shot, oy_entity *ents, int64_t n, char *buf, size_t size)
{
    const oy_script *s = shot->script;
    const oy_output *out = &s->output;
    int64_t half = oy_time_to_frame(0.5, out->fps), f0 = n - half, f1 = n + half;
    oy_state st;
    oy_view v0, v1;
    double dt, d[3], fx, fz, l, comp[3], mag = 0.0, dyaw, dpitch, zoom;
    static const char *const words[3][2] = {
        { "pull out", "push in" }, { "truck left", "truck right" }, { "crane down", "crane up" } };
    int nw = 0, order[3] = { 0, 1, 2 };

    if (half < 1)
        half = 1;
    if (f0 < 0)
        f0 = 0;
    if (f1 > out->frames - 1)
        f1 = out->frames - 1;
    for (int i = 1; i < s->camera.nkeys; i++) {
        int64_t cf = oy_time_to_frame(s->camera.keys[i].at, out->fps);
        if (!s->camera.keys[i].cut)
            continue;
        if (cf <= n && cf > f0)
            f0 = cf;
        if (cf > n && cf - 1 < f1)
            f1 = cf - 1;
    }
    snprintf(buf, size, "static");
    if (f1 <= f0)
        return;
    oy_shot_eval(shot, sb_frame_time(out, f0), &st, ents, &v0);
    oy_shot_eval(shot, sb_frame_time(out, f1), &st, ents, &v1);
    dt = sb_frame_time(out, f1) - sb_frame_time(out, f0);
    for (int k = 0; k < 3; k++)
        d[k] = v1.pos[k] - v0.pos[k];
    /* along the ground ahead and to the right, and up */
    fx = v0.fwd.x;
    fz = v0.fwd.z;
    l = fx * fx + fz * fz;
    if (l < 1e-8) {
        fx = v0.up.x;
        fz = v0.up.z;
        l = fx * fx + fz * fz;
    }
    l = l > 0.0 ? 1.0 / sqrt(l) : 0.0;   /* sqrt is exact in IEEE */
    fx *= l;
    fz *= l;
    comp[0] = (d[0] * fx + d[2] * fz) / dt;
    comp[1] = (d[0] * fz - d[2] * fx) / dt;
    comp[2] = d[1] / dt;
    for (int k = 0; k < 3; k++)
        if (comp[k] * comp[k] > mag * mag)
            mag = comp[k] < 0 ? -comp[k] : comp[k];
    for (int i = 0; i < 2; i++)      /* the biggest first */
        for (int j = 0; j < 2 - i; j++) {
            double a = comp[order[j]] < 0 ? -comp[order[j]] : comp[order[j]];
            double b2 = comp[order[j + 1]] < 0 ? -comp[order[j + 1]] : comp[order[j + 1]];
            if (b2 > a) {
                int t = order[j];
                order[j] = order[j + 1];
                order[j + 1] = t;
            }
        }
    buf[0] = 0;
    for (int i = 0; i < 3; i++) {
        double c = comp[order[i]], a = c < 0 ? -c : c;
        if (a > 0.3 && a >= 0.3 * mag) {
            sb_add_text(buf, size, "%s%s", nw++ ? ", " : "", words[order[i]][c > 0]);
        }
    }
    dyaw = (double)v1.yaw - v0.yaw;
    while (dyaw > 180.0)
        dyaw -= 360.0;
    while (dyaw < -180.0)
        dyaw += 360.0;
    dyaw /= dt;
    dpitch = ((double)v1.pitch - v0.pitch) / dt;
    if ((dyaw > 2.5 || dyaw < -2.5) && nw < 3)
        sb_add_text(buf, size, "%s%s", nw++ ? ", " : "", dyaw > 0 ? "pan right" : "pan left");
    if ((dpitch > 2.5 || dpitch < -2.5) && nw < 3)
        sb_add_text(buf, size, "%s%s", nw++ ? ", " : "", dpitch > 0 ? "tilt up" : "tilt down");
    zoom = v0.focal_mm > 0 ? (double)v1.focal_mm / v0.focal_mm : 1.0;
    if ((zoom > 1.03 || zoom < 1.0 / 1.03) && nw < 3)
        sb_add_text(buf, size, "%s%s", nw++ ? ", " : "", zoom > 1 ? "zoom in" : "zoom out");
    if (!nw)
        snprintf(buf, size, "static");
}

/* ---- captions ------------------------------------------------------------- */

void sb_caption_of(const sb_board *b, const sb_panel *p, sb_caption *c)
{
    snprintf(c->title, sizeof c->title, "%s", b->shots[p->shot]->script->title);
    snprintf(c->head, sizeof c->head, "panel %d  %s", p->number, p->timecode);
    if (p->beat)
        snprintf(c->beat, sizeof c->beat, "beat: %s", p->beat);
    else
        c->beat[0] = 0;
    snprintf(c->what, sizeof c->what, "%s", p->what);
    snprintf(c->lens, sizeof c->lens, "%.0fmm, %s", p->focal_mm, p->move);
}

int sb_wrap(const char *text, double width, sb_measure_fn fn, void *ctx,
            char lines[][SB_TEXT], int maxlines)
{
    const char *s = text;
    int n = 0;

    while (*s == ' ')
        s++;
    while (*s && n < maxlines) {
        size_t len = strlen(s), take = len;
        if (fn(ctx, s, len) > width) {
            size_t fit = 0, sp;
            while (fit < len) {
                size_t nx = fit + 1;
                while (nx < len && ((unsigned char)s[nx] & 0xc0) == 0x80)
                    nx++;
                if (fn(ctx, s, nx) > width)
                    break;
                fit = nx;
            }
            for (sp = fit; sp > 0 && s[sp] != ' '; sp--)
                ;
            take = sp > 0 ? sp : fit > 0 ? fit : 1;
        }
        if (n == maxlines - 1 && s[take]) {
            /* the last line: what fits with "..." after it */
            double dots = fn(ctx, "...", 3);
            take = len < SB_TEXT - 4 ? len : SB_TEXT - 4;
            while (take > 0 && (fn(ctx, s, take) + dots > width ||
                                ((unsigned char)s[take] & 0xc0) == 0x80))
                take--;
            while (take > 0 && s[take - 1] == ' ')
                take--;
            snprintf(lines[n++], SB_TEXT, "%.*s...", (int)take, s);
            return n;
        }
        if (take > SB_TEXT - 1)
            take = SB_TEXT - 1;
        snprintf(lines[n++], SB_TEXT, "%.*s", (int)take, s);
        s += take;
        while (*s == ' ')
            s++;
    }
    return n;
}

void sb_seconds(double s, char *buf, size_t n)
{
    long ms = (long)(s * 1000.0 + 0.5);
    if (ms % 1000 == 0)
        snprintf(buf, n, "%ld s", ms / 1000);
    else
        snprintf(buf, n, "%.*f s", ms % 100 == 0 ? 1 : ms % 10 == 0 ? 2 : 3, ms / 1000.0);
}

void sb_shot_lens(const oyster_shot *shot, char *buf, size_t n)
{
    const oy_camera_desc *c = &shot->script->camera;
    double lo = c->lens, hi = c->lens;
    for (int i = 0; i < c->nkeys; i++)
        if (c->keys[i].has_lens) {
            lo = c->keys[i].lens < lo ? c->keys[i].lens : lo;
            hi = c->keys[i].lens > hi ? c->keys[i].lens : hi;
        }
    if (hi - lo < 0.5)
        snprintf(buf, n, "%.0fmm", lo);
    else
        snprintf(buf, n, "%.0f-%.0fmm", lo, hi);
}
