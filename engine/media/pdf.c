/*
 * pdf.c - a small PDF 1.4 writer for storyboards.
 *
 * The PDF is text plus images. An image is the zlib stream of its PNG
 * (the IDAT chunks as libavcodec's encoder wrote them) in an RGB image
 * XObject with /FlateDecode and PNG predictors, which is how PDF itself
 * reads PNG rows: zlib is reused through libavcodec, not linked again.
 * Text is in the standard Type 1 fonts Helvetica and Helvetica-Bold,
 * which readers supply, so nothing is embedded. There is no creation date
 * and no document ID: the same calls give the same bytes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "media.h"

/* ---- the PDF writer ----------------------------------------------------- */

enum { OBJ_CATALOG = 1, OBJ_PAGES, OBJ_FONT, OBJ_FONT_BOLD, OBJ_INFO, OBJ_FIRST_FREE };

struct oy_pdf {
    FILE *f;
    oy_log *log;
    char *path, *title;
    long pos;                  /* bytes written */
    long *offset;              /* by object number */
    size_t noffset, offcap;
    int *images;               /* object number of each image */
    size_t nimages, imgcap;
    int *pages;                /* object number of each page */
    size_t npages, pagecap;
    char *content;             /* the open page's content stream */
    size_t clen, ccap;
    unsigned char *used;       /* images the open page draws */
    size_t nused;              /* images there were when it began */
    double page_w, page_h;
    int open;                  /* a page is open */
    int err;                   /* the first error; sticky */
};

static void fail(oy_pdf *p, int err)
{
    if (!p->err)
        p->err = err;
}

static void put(oy_pdf *p, const void *data, size_t n)
{
    if (p->err)
        return;
    if (fwrite(data, 1, n, p->f) != n) {
        fail(p, -(errno ? errno : EIO));
        return;
    }
    p->pos += (long)n;
}

static void out(oy_pdf *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out(oy_pdf *p, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf) {
        fail(p, OYSTER_E_INTERNAL);
        return;
    }
    put(p, buf, (size_t)n);
}

/* A new object number. */
static int new_obj(oy_pdf *p)
{
    if (oy_grow(&p->offset, &p->offcap, p->noffset + 1, sizeof *p->offset)) {
        fail(p, OYSTER_E_NOMEM);
        return 0;
    }
    p->offset[p->noffset] = 0;
    return (int)p->noffset++;
}

static void begin_obj(oy_pdf *p, int n)
{
    if (n > 0 && (size_t)n < p->noffset)
        p->offset[n] = p->pos;
    out(p, "%d 0 obj\n", n);
}

/* To the open page's content stream. */
static void cs(oy_pdf *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cs(oy_pdf *p, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int n;

    if (p->err || !p->open)
        return;
    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf) {
        fail(p, OYSTER_E_INTERNAL);
        return;
    }
    if (oy_grow(&p->content, &p->ccap, p->clen + (size_t)n + 1, 1)) {
        fail(p, OYSTER_E_NOMEM);
        return;
    }
    memcpy(p->content + p->clen, buf, (size_t)n + 1);
    p->clen += (size_t)n;
}

/* Next character of UTF-8 text as a WinAnsi byte: printable ASCII as it
 * is, Latin-1 letters and signs (U+00A0..U+00FF, the same codes in
 * WinAnsi), anything else '?'. Advances *s past the character. */
static int next_char(const unsigned char **s, const unsigned char *end)
{
    const unsigned char *q = *s;
    unsigned cp = *q++;
    int more = cp >= 0xf0 ? 3 : cp >= 0xe0 ? 2 : cp >= 0xc0 ? 1 : 0;

    if (cp >= 0x80 && cp < 0xc0) {
        *s = q;
        return '?';
    }
    if (more)
        cp &= 0x3fu >> more;
    for (; more && q < end && (*q & 0xc0) == 0x80; more--)
        cp = cp << 6 | (*q++ & 0x3fu);
    *s = q;
    if (more)
        return '?';
    if ((cp >= 32 && cp <= 126) || (cp >= 0xa0 && cp <= 0xff))
        return (int)cp;
    return '?';
}

/* Advance widths of printable ASCII in 1/1000 em (the Adobe metrics of
 * Helvetica and Helvetica-Bold, WinAnsi: ' is quotesingle, ` is grave). */
static const short helv[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 };
static const short helv_bold[95] = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584 };

double oy_pdf_text_width(const char *s, size_t n, double size, int bold)
{
    const unsigned char *q = (const unsigned char *)s, *end = q + n;
    long units = 0;

    while (q < end) {
        int c = next_char(&q, end);
        if (c >= 32 && c <= 126)
            units += bold ? helv_bold[c - 32] : helv[c - 32];
        else
            units += 556;
    }
    return (double)units * size / 1000.0;
}

int oy_pdf_open(oy_pdf **outp, const char *path, const char *title, oy_log *log)
{
    oy_pdf *p = oy_calloc(1, sizeof *p);
    int err;

    if (!p)
        return OYSTER_E_NOMEM;
    p->log = log;
    if (!(p->path = oy_strdup(path)) || !(p->title = oy_strdup(title ? title : ""))) {
        oy_pdf_free(&p);
        return OYSTER_E_NOMEM;
    }
    if (!(p->f = fopen(path, "wb"))) {
        err = -errno;
        oy_error(log, "cannot write '%s': %s", path, oyster_strerror(err));
        oy_pdf_free(&p);
        return err;
    }
    while (p->noffset < OBJ_FIRST_FREE)
        new_obj(p);
    /* a comment of high bytes marks the file as binary */
    out(p, "%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n");
    *outp = p;
    return 0;
}

int oy_pdf_image(oy_pdf *p, const uint8_t *rgb, int w, int h, ptrdiff_t stride)
{
    uint8_t *png = NULL, *z = NULL;
    size_t size = 0, zlen = 0, at;
    int obj, err;

    if (p->err)
        return p->err;
    if ((err = oy_png_encode(rgb, w, h, stride, &png, &size, p->log)))
        return err;
    /* the zlib stream is the IDAT chunks' data, in order */
    if (!(z = oy_malloc(size))) {
        free(png);
        return OYSTER_E_NOMEM;
    }
    for (at = 8; at + 12 <= size;) {
        size_t len = (size_t)png[at] << 24 | (size_t)png[at + 1] << 16 | (size_t)png[at + 2] << 8 | png[at + 3];
        if (len > size - at - 12)
            break;
        if (!memcmp(png + at + 4, "IDAT", 4)) {
            memcpy(z + zlen, png + at + 8, len);
            zlen += len;
        }
        at += len + 12;
    }
    /* IHDR must say 8-bit RGB, not interlaced, as the predictors assume */
    if (size < 33 || memcmp(png + 12, "IHDR", 4) || png[24] != 8 || png[25] != 2 || png[28] != 0 || !zlen) {
        free(png);
        free(z);
        oy_error(p->log, "unexpected PNG layout from the encoder");
        return OYSTER_E_INTERNAL;
    }
    free(png);
    obj = new_obj(p);
    if (!p->err && oy_grow(&p->images, &p->imgcap, p->nimages + 1, sizeof *p->images))
        fail(p, OYSTER_E_NOMEM);
    if (p->err) {
        free(z);
        return p->err;
    }
    begin_obj(p, obj);
    out(p, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
        "/BitsPerComponent 8 /Filter /FlateDecode\n   /DecodeParms << /Predictor 15 /Colors 3 "
        "/BitsPerComponent 8 /Columns %d >> /Length %zu >>\nstream\n", w, h, w, zlen);
    put(p, z, zlen);
    out(p, "\nendstream\nendobj\n");
    free(z);
    p->images[p->nimages] = obj;
    return p->err ? p->err : (int)p->nimages++;
}

int oy_pdf_page_begin(oy_pdf *p, double width, double height)
{
    if (p->err)
        return p->err;
    if (p->open)
        return OYSTER_E_INTERNAL;
    free(p->used);
    if (!(p->used = oy_calloc(p->nimages + 1, 1)))
        return p->err = OYSTER_E_NOMEM;
    p->nused = p->nimages;
    p->clen = 0;
    p->page_w = width;
    p->page_h = height;
    p->open = 1;
    return 0;
}

void oy_pdf_draw_image(oy_pdf *p, int image, double x, double y, double w, double h)
{
    /* images are made before the page that draws them */
    if (!p->open || image < 0 || (size_t)image >= p->nused) {
        fail(p, OYSTER_E_INTERNAL);
        return;
    }
    p->used[image] = 1;
    cs(p, "q %.3f 0 0 %.3f %.3f %.3f cm /Im%d Do Q\n", w, h, x, y, image);
}

/* s as a PDF string literal into the content stream. */
static void cs_string(oy_pdf *p, const char *s)
{
    const unsigned char *q = (const unsigned char *)s, *end = q + strlen(s);
    char buf[1024];
    size_t n = 0;

    buf[n++] = '(';
    while (q < end && n < sizeof buf - 8) {
        int c = next_char(&q, end);
        if (c == '(' || c == ')' || c == '\\') {
            buf[n++] = '\\';
            buf[n++] = (char)c;
        } else if (c > 126) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, "\\%03o", c);
        } else {
            buf[n++] = (char)c;
        }
    }
    buf[n++] = ')';
    buf[n] = 0;
    cs(p, "%s", buf);
}

void oy_pdf_text(oy_pdf *p, double x, double y, double size, int bold, double gray, const char *s)
{
    cs(p, "BT /F%d %.2f Tf %.3f g %.3f %.3f Td ", bold ? 2 : 1, size, gray, x, y);
    cs_string(p, s);
    cs(p, " Tj ET\n");
}

void oy_pdf_rect(oy_pdf *p, double x, double y, double w, double h, double gray,
                 double line_width, int fill)
{
    if (fill)
        cs(p, "%.3f g %.3f %.3f %.3f %.3f re f\n", gray, x, y, w, h);
    else
        cs(p, "%.3f G %.2f w %.3f %.3f %.3f %.3f re S\n", gray, line_width, x, y, w, h);
}

void oy_pdf_line(oy_pdf *p, double x0, double y0, double x1, double y1, double gray,
                 double line_width)
{
    cs(p, "%.3f G %.2f w %.3f %.3f m %.3f %.3f l S\n", gray, line_width, x0, y0, x1, y1);
}

int oy_pdf_page_end(oy_pdf *p)
{
    int content, page;

    if (!p->open)
        return p->err ? p->err : OYSTER_E_INTERNAL;
    p->open = 0;
    content = new_obj(p);
    page = new_obj(p);
    if (!p->err && oy_grow(&p->pages, &p->pagecap, p->npages + 1, sizeof *p->pages))
        fail(p, OYSTER_E_NOMEM);
    if (p->err)
        return p->err;
    begin_obj(p, content);
    out(p, "<< /Length %zu >>\nstream\n", p->clen);
    put(p, p->content, p->clen);
    out(p, "endstream\nendobj\n");
    begin_obj(p, page);
    out(p, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R\n"
        "   /Resources << /ProcSet [/PDF /Text /ImageC] /Font << /F1 %d 0 R /F2 %d 0 R >>",
        OBJ_PAGES, p->page_w, p->page_h, content, OBJ_FONT, OBJ_FONT_BOLD);
    out(p, " /XObject <<");
    for (size_t i = 0; i < p->nused; i++)
        if (p->used[i])
            out(p, " /Im%zu %d 0 R", i, p->images[i]);
    out(p, " >> >> >>\nendobj\n");
    p->pages[p->npages++] = page;
    return p->err;
}

static void info_string(oy_pdf *p, const char *s)
{
    const unsigned char *q = (const unsigned char *)s, *end = q + strlen(s);
    out(p, "(");
    for (int n = 0; q < end && n < 400; n++) {
        int c = next_char(&q, end);
        if (c == '(' || c == ')' || c == '\\')
            out(p, "\\%c", c);
        else if (c > 126)
            out(p, "\\%03o", c);
        else
            out(p, "%c", c);
    }
    out(p, ")");
}

int oy_pdf_finish(oy_pdf *p)
{
    long xref;
    int err;

    if (p->open)
        fail(p, OYSTER_E_INTERNAL);
    begin_obj(p, OBJ_PAGES);
    out(p, "<< /Type /Pages /Count %zu /Kids [", p->npages);
    for (size_t i = 0; i < p->npages; i++)
        out(p, "%s%d 0 R", i ? " " : "", p->pages[i]);
    out(p, "] >>\nendobj\n");
    begin_obj(p, OBJ_CATALOG);
    out(p, "<< /Type /Catalog /Pages %d 0 R >>\nendobj\n", OBJ_PAGES);
    begin_obj(p, OBJ_FONT);
    out(p, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
    begin_obj(p, OBJ_FONT_BOLD);
    out(p, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>\nendobj\n");
    begin_obj(p, OBJ_INFO);
    out(p, "<< /Title ");
    info_string(p, p->title);
    out(p, " /Creator (oyster storyboard) >>\nendobj\n");
    xref = p->pos;
    out(p, "xref\n0 %zu\n0000000000 65535 f \n", p->noffset);
    for (size_t i = 1; i < p->noffset; i++)
        out(p, "%010ld 00000 n \n", p->offset[i]);
    out(p, "trailer\n<< /Size %zu /Root %d 0 R /Info %d 0 R >>\nstartxref\n%ld\n%%%%EOF\n",
        p->noffset, OBJ_CATALOG, OBJ_INFO, xref);
    if (fclose(p->f) != 0)
        fail(p, -(errno ? errno : EIO));
    p->f = NULL;
    if ((err = p->err) && err != OYSTER_E_NOMEM && err != OYSTER_E_INTERNAL)
        oy_error(p->log, "cannot write '%s': %s", p->path, oyster_strerror(err));
    return err;
}

void oy_pdf_free(oy_pdf **pp)
{
    oy_pdf *p = *pp;
    if (!p)
        return;
    if (p->f)
        fclose(p->f);
    free(p->path);
    free(p->title);
    free(p->offset);
    free(p->images);
    free(p->pages);
    free(p->content);
    free(p->used);
    free(p);
    *pp = NULL;
}
