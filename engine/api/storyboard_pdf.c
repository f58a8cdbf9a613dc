/*
 * storyboard_pdf.c - a storyboard as a PDF: landscape pages (A4 or
 * Letter) of panels in a grid of columns x rows, each page headed by the
 * sequence's titles, its shots and duration, and numbered at the foot.
 * Captions are text in Helvetica; pictures are the panels' own pixels.
 * Each seed row starts a new line of the grid under its label. Written by
 * media/pdf.c: no dates, so the same inputs give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../media/media.h"
#include "storyboard.h"

#define MARGIN 28.0               /* points */
#define HEADER 58.0
#define GAP_X 12.0
#define GAP_Y 10.0
#define CAP_SIZE 7.5
#define CAP_LEAD 9.0
#define CAP_LINES 6
#define BAND 12.0                 /* a seed row's label */
#define PDF_COLUMNS 3

typedef struct font { double size; int bold; } font;

static double measure(void *ctx, const char *s, size_t n)
{
    const font *f = ctx;
    return oy_pdf_text_width(s, n, f->size, f->bold);
}

/* One line cut to width, with "..." when it is longer. */
static void text_fit(oy_pdf *pdf, double x, double y, double size, int bold, double gray,
                     double width, const char *s)
{
    char line[1][SB_TEXT];
    font f = { size, bold };
    if (sb_wrap(s, width, measure, &f, line, 1))
        oy_pdf_text(pdf, x, y, size, bold, gray, line[0]);
}

static void header(oy_pdf *pdf, const sb_board *b, double W, double H, int page, int pages)
{
    char list[1024] = "", lines[2][SB_TEXT], num[32];
    double top = H - MARGIN;
    font f = { 7.5, 0 };
    int n;

    snprintf(num, sizeof num, "page %d of %d", page, pages);
    text_fit(pdf, MARGIN, top - 13.0, 14.0, 1, 0.08, W - 2 * MARGIN - 80.0, b->title);
    oy_pdf_text(pdf, W - MARGIN - oy_pdf_text_width(num, strlen(num), 8.0, 0), top - 13.0, 8.0, 0, 0.3, num);
    text_fit(pdf, MARGIN, top - 26.0, 8.5, 0, 0.25, W - 2 * MARGIN, b->summary);
    for (int i = 0; i < b->per_row; i++) {
        const oyster_shot *s = b->shots[i];
        char secs[32], lens[32];
        size_t len = strlen(list);
        sb_seconds(s->script->output.duration, secs, sizeof secs);
        sb_shot_lens(s, lens, sizeof lens);
        snprintf(list + len, sizeof list - len, "%s%d. %s (%s, %s)", i ? ";  " : "", i + 1,
                 s->script->title, secs, lens);
    }
    n = sb_wrap(list, W - 2 * MARGIN, measure, &f, lines, 2);
    for (int i = 0; i < n; i++)
        oy_pdf_text(pdf, MARGIN, top - 37.0 - 9.0 * i, 7.5, 0, 0.25, lines[i]);
    oy_pdf_line(pdf, MARGIN, top - HEADER + 4.0, W - MARGIN, top - HEADER + 4.0, 0.6, 0.5);
}

static void caption(oy_pdf *pdf, const sb_board *b, const sb_panel *p, double x, double y, double w)
{
    char what[2][SB_TEXT];
    font f = { CAP_SIZE, 0 };
    sb_caption c;
    int n;

    sb_caption_of(b, p, &c);
    y -= CAP_SIZE + 3.0;
    text_fit(pdf, x, y, CAP_SIZE, 1, 0.08, w, c.title);
    text_fit(pdf, x, y - CAP_LEAD, CAP_SIZE, 0, 0.2, w, c.head);
    text_fit(pdf, x, y - 2 * CAP_LEAD, CAP_SIZE, 0, 0.2, w, c.beat);
    n = sb_wrap(c.what, w, measure, &f, what, 2);
    for (int i = 0; i < n; i++)
        oy_pdf_text(pdf, x, y - (3 + i) * CAP_LEAD, CAP_SIZE, 0, 0.35, what[i]);
    text_fit(pdf, x, y - 5 * CAP_LEAD, CAP_SIZE, 0, 0.4, w, c.lens);
}

int sb_write_pdf(const sb_board *b, const char *path)
{
    const double W = b->o->paper == OYSTER_PAPER_LETTER ? 792.0 : 841.89;
    const double H = b->o->paper == OYSTER_PAPER_LETTER ? 612.0 : 595.28;
    const double area_w = W - 2 * MARGIN, area_h = H - 2 * MARGIN - HEADER;
    const double cap_h = 3.0 + CAP_LINES * CAP_LEAD, band = b->nrows > 1 ? BAND : 0.0;
    int cols = b->o->columns > 0 ? b->o->columns : b->nrows > 1 ? 5 : PDF_COLUMNS;
    int rows = b->o->rows, nlines, pages, err;
    double cw, ih, line_h, x0;
    sb_line *lines = NULL;
    oy_pdf *pdf = NULL;

    if (cols > sb_row_max(b))
        cols = sb_row_max(b);
    cw = (area_w - (cols - 1) * GAP_X) / cols;
    ih = cw * b->ph / b->pw;
    line_h = band + ih + cap_h;
    if (rows > 0 && rows * line_h + (rows - 1) * GAP_Y > area_h) {
        ih = (area_h - (rows - 1) * GAP_Y) / rows - band - cap_h;
        cw = ih * b->pw / b->ph;
    } else if (rows <= 0) {
        rows = (int)((area_h + GAP_Y) / (line_h + GAP_Y));
        if (rows < 1) {
            rows = 1;
            ih = area_h - band - cap_h;
            cw = ih * b->pw / b->ph;
        }
    }
    if (ih < 24.0 || cw < 24.0) {
        oy_error(b->log, "%d rows of %d panels do not fit on a page; use fewer --rows or --columns",
                 rows, cols);
        return OYSTER_E_INPUT;
    }
    line_h = band + ih + cap_h;
    x0 = MARGIN + (area_w - (cols * cw + (cols - 1) * GAP_X)) / 2;
    if ((err = sb_lines(b, cols, &lines, &nlines)))
        return err;
    pages = (nlines + rows - 1) / rows;
    if ((err = oy_pdf_open(&pdf, path, b->title, b->log)))
        goto done;
    for (int pg = 0; pg < pages && !err; pg++) {
        int l0 = pg * rows, l1 = l0 + rows < nlines ? l0 + rows : nlines;
        int first = lines[l0].first, last = lines[l1 - 1].first + lines[l1 - 1].count;
        /* the page's pictures first: image i is panel first + i */
        for (int i = first; i < last && !err; i++) {
            int img = oy_pdf_image(pdf, b->panels[i].rgb, b->pw, b->ph, (ptrdiff_t)b->pw * 3);
            if (img < 0)
                err = img;
        }
        if (err || (err = oy_pdf_page_begin(pdf, W, H)))
            break;
        header(pdf, b, W, H, pg + 1, pages);
        for (int li = l0; li < l1; li++) {
            const sb_line *l = &lines[li];
            double y = H - MARGIN - HEADER - (li - l0) * (line_h + GAP_Y);
            if (l->label) {
                char label[64];
                sb_row_label(b, l->row, label, sizeof label);
                oy_pdf_text(pdf, x0, y - 9.0, 8.5, 1, 0.08, label);
            }
            y -= band;
            for (int k = 0; k < l->count; k++) {
                int pi = l->first + k;
                double x = x0 + k * (cw + GAP_X);
                oy_pdf_draw_image(pdf, pi, x, y - ih, cw, ih);
                oy_pdf_rect(pdf, x, y - ih, cw, ih, 0.6, 0.5, 0);
                caption(pdf, b, &b->panels[pi], x, y - ih, cw);
            }
        }
        err = oy_pdf_page_end(pdf);
    }
    if (!err)
        err = oy_pdf_finish(pdf);
done:
    oy_pdf_free(&pdf);
    free(lines);
    return err;
}
