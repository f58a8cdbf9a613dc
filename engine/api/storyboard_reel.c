/*
 * storyboard_reel.c - a storyboard as an MP4 animatic: every frame of
 * every shot, in order, shows the shot's panel in effect then (the last
 * one on or before it) over a band with its caption, so the reel cuts
 * where the beats, the changes and the camera's cuts are. Under it runs
 * the shots' own sound: for each frame the samples a render of the shot
 * gives that frame (silence for a shot with output.audio off), so the
 * reel's sound is the renders' sound, joined. The shots share one frame
 * rate; a reel is one row (no --seeds).
 *
 * Band geometry, with s = max(1, panel width / 240): 4 lines of 11s under
 * a 4s margin, rounded up to even for H.264.
 */
#include <stdlib.h>
#include <string.h>

#include "../audio/audio.h"
#include "../media/media.h"
#include "storyboard.h"

static const uint8_t band_bg[3] = { 16, 16, 20 }, ink_title[3] = { 240, 240, 240 },
                     ink_beat[3] = { 150, 190, 255 }, ink_what[3] = { 255, 170, 120 },
                     ink_lens[3] = { 170, 170, 176 };

/* The frame for panel p: its picture on top, its caption under it. */
static void compose(const sb_board *b, const sb_panel *p, uint8_t *rgb, int w, int h, int s)
{
    const int L = 11 * s;
    const ptrdiff_t stride = (ptrdiff_t)w * 3;
    char line[1][SB_TEXT], head[SB_TEXT];
    sb_caption c;
    int y = b->ph + 4 * s;

    for (int r = 0; r < b->ph; r++)
        memcpy(rgb + r * stride, p->rgb + (size_t)r * b->pw * 3, (size_t)b->pw * 3);
    sb_fill(rgb, stride, w, h, 0, b->ph, w, h, band_bg);
    sb_caption_of(b, p, &c);
    snprintf(head, sizeof head, "%s  %s", c.head, c.title);
    if (sb_wrap(head, w - 8 * s, sb_text_measure, &s, line, 1))
        sb_text(rgb, stride, w, h, 4 * s, y, s, ink_title, line[0]);
    if (sb_wrap(c.beat, w - 8 * s, sb_text_measure, &s, line, 1))
        sb_text(rgb, stride, w, h, 4 * s, y + L, s, ink_beat, line[0]);
    if (sb_wrap(c.what, w - 8 * s, sb_text_measure, &s, line, 1))
        sb_text(rgb, stride, w, h, 4 * s, y + 2 * L, s, ink_what, line[0]);
    if (sb_wrap(c.lens, w - 8 * s, sb_text_measure, &s, line, 1))
        sb_text(rgb, stride, w, h, 4 * s, y + 3 * L, s, ink_lens, line[0]);
}

int sb_write_reel(const sb_board *b, const char *path)
{
    const int s = b->pw / 240 > 1 ? b->pw / 240 : 1;
    const oy_output *first = &b->shots[0]->script->output;
    int band = 4 * s + 4 * 11 * s, w = b->pw, h, err = 0, audio = 0, panel = 0;
    oy_writer_opts wo = { 0 };
    oy_writer *wr = NULL;
    oy_audio *au = NULL;
    uint8_t *rgb = NULL;
    float *mix = NULL;
    size_t maxs;

    band += band % 2;
    h = b->ph + band;
    if (b->nrows > 1) {
        oy_error(b->log, "a reel is one sequence: --seeds does not go with .mp4");
        return OYSTER_E_INPUT;
    }
    for (int i = 0; i < b->nshots; i++) {
        const oy_output *o = &b->shots[i]->script->output;
        if (o->fps.num != first->fps.num || o->fps.den != first->fps.den) {
            oy_error(b->log, "'%s' is at %d/%d fps and '%s' at %d/%d: a reel needs one frame rate "
                     "(--fps sets it for all)", b->shots[0]->script->path, first->fps.num, first->fps.den,
                     b->shots[i]->script->path, o->fps.num, o->fps.den);
            return OYSTER_E_INPUT;
        }
        audio |= o->audio;
    }
    maxs = (size_t)(48000LL * first->fps.den / first->fps.num + 2) * 2;
    if (!(rgb = oy_malloc((size_t)w * h * 3)) || !(mix = oy_calloc(maxs, sizeof *mix)))
        goto nomem;
    wo.path = path;
    wo.format = "mp4";
    wo.width = w;
    wo.height = h;
    wo.fps = first->fps;
    wo.audio = audio;
    wo.draft = first->draft;
    if ((err = oy_writer_open(&wr, &wo, b->log)))
        goto done;
    for (int si = 0; si < b->nshots && !err; si++) {
        const oyster_shot *shot = b->shots[si];
        const oy_output *out = &shot->script->output;
        int shown = -1;
        if (audio && out->audio &&
            (err = oy_audio_new(&au, shot->model, shot->world, shot->camera, out->samples, b->log)))
            break;
        for (int64_t n = 0; n < out->frames && !err; n++) {
            int64_t s0 = oy_frame_first_sample(n, out->fps);
            int64_t s1 = n + 1 >= out->frames ? out->samples : oy_frame_first_sample(n + 1, out->fps);
            if (b->o->cancel && *b->o->cancel) {
                err = OYSTER_E_INTERRUPTED;
                break;
            }
            while (panel + 1 < b->npanels && b->panels[panel + 1].shot == si && b->panels[panel + 1].frame <= n)
                panel++;
            if (panel != shown) {
                compose(b, &b->panels[panel], rgb, w, h, s);
                shown = panel;
            }
            if ((err = oy_writer_video(wr, rgb, (ptrdiff_t)w * 3)))
                break;
            if (audio && s1 > s0) {
                if (au)
                    err = oy_audio_render(au, s0, (int)(s1 - s0), mix, NULL);
                else
                    memset(mix, 0, sizeof *mix * (size_t)(s1 - s0) * 2);
                if (!err)
                    err = oy_writer_audio(wr, mix, (int)(s1 - s0));
            }
        }
        oy_audio_free(&au);
        /* the next shot opens on its first panel */
        while (!err && panel < b->npanels && b->panels[panel].shot == si)
            panel++;
    }
    if (!err)
        err = oy_writer_finish(wr);
    goto done;
nomem:
    err = OYSTER_E_NOMEM;
done:
    oy_audio_free(&au);
    oy_writer_free(&wr);
    free(rgb);
    free(mix);
    return err;
}
