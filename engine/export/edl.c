/*
 * edl.c - an edit as a CMX 3600 edit decision list: one cut event per
 * clip on reel AX (a file, not a tape), its name and media in comments
 * as Avid writes them, and each beat a locator at its record timecode.
 * oyster's timecodes are non-drop-frame at every rate, so is the list.
 */
#include "../script/script.h"
#include "edit.h"

/* s on one line: control characters as spaces. */
static void line_text(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, f);
}

static const char *tc(char buf[16], const oy_edit *e, int64_t frame)
{
    oy_timecode_format(buf, frame, (oy_rational){ e->fps_num, e->fps_den });
    return buf;
}

int oy_edit_write_edl(const oy_edit *e, FILE *f)
{
    int64_t rec = e->timecode_start;
    char a[16], b[16], c[16], d[16];

    fputs("TITLE: ", f);
    line_text(f, e->title);
    fputs("\nFCM: NON-DROP FRAME\n", f);
    for (int i = 0; i < e->nclips; i++) {
        const oy_edit_clip *k = &e->clips[i];
        fprintf(f, "\n%03d  %-8s %-5s C        %s %s %s %s\n", i + 1, "AX", "V",
                tc(a, e, k->media_start), tc(b, e, k->media_start + k->frames),
                tc(c, e, rec), tc(d, e, rec + k->frames));
        fputs("* FROM CLIP NAME:  ", f);
        line_text(f, k->name);
        fputs("\n* FROM CLIP: ", f);
        line_text(f, k->media);
        fputc('\n', f);
        for (int j = 0; j < k->nbeats; j++) {
            fprintf(f, "* LOC: %s %-7s ", tc(a, e, rec + k->beats[j].frame), "YELLOW");
            line_text(f, k->beats[j].title);
            fputc('\n', f);
        }
        rec += k->frames;
    }
    return 0;
}
