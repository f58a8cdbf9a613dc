/*
 * diff_html.c - the HTML report of `oyster diff`: index.html and PNG files
 * in one folder. Each changed frame (up to OYSTER_DIFF_HTML_FRAMES) shows
 * A and B side by side and a heat map of |A - B|; a per-frame PSNR plot is
 * inline SVG. Everything written is text or PNG, nothing is fetched.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../media/media.h"
#include "diff.h"

/* ---- pictures ---- */

/* Differences of 8-bit levels (the largest of R, G and B) as colour: a
 * square-root ramp from blue (1) through magenta and red to yellow (32 and
 * more); pixels that agree show A in dim grey so the picture stays legible. */
static const unsigned char ramp[4][3] = {
    { 30, 60, 220 }, { 170, 40, 200 }, { 255, 60, 40 }, { 255, 255, 80 } };
#define HEAT_FULL 32

static void heat(const uint8_t *a, const uint8_t *b, uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++, a += 3, b += 3, out += 3) {
        int d = 0;
        for (int k = 0; k < 3; k++) {
            int e = a[k] > b[k] ? a[k] - b[k] : b[k] - a[k];
            d = e > d ? e : d;
        }
        if (!d) {
            int y = (54 * a[0] + 183 * a[1] + 19 * a[2]) >> 8;
            out[0] = out[1] = out[2] = (uint8_t)(y * 56 / 255);
            continue;
        }
        float v = sqrtf((float)(d < HEAT_FULL ? d : HEAT_FULL) / HEAT_FULL) * 3.0f;
        int s = v >= 3.0f ? 2 : (int)v;
        float t = v - (float)s;
        for (int k = 0; k < 3; k++)
            out[k] = (uint8_t)(ramp[s][k] + (ramp[s + 1][k] - ramp[s][k]) * t + 0.5f);
    }
}

static int picture(const char *dir, int64_t frame, const char *tag, const uint8_t *rgb,
                   int w, int h, oy_log *log)
{
    char path[4096];

    snprintf(path, sizeof path, "%s/%06lld-%s.png", dir, (long long)frame, tag);
    return oy_png_write(path, rgb, w, h, (ptrdiff_t)w * 3, log);
}

typedef struct pictures_job {
    const char *dir;
    int64_t frame;
    const uint8_t *rgb[3];
    int w[3], h[3];
    int err[3];
    oy_log *log;
} pictures_job;

static void pictures_task(void *arg, int task, int thread)
{
    static const char *const tags[3] = { "a", "b", "d" };
    pictures_job *j = arg;

    (void)thread;
    if (j->rgb[task])
        j->err[task] = picture(j->dir, j->frame, tags[task], j->rgb[task], j->w[task],
                               j->h[task], j->log);
}

int oy_diff_html_pictures(const char *dir, int64_t frame,
                          const uint8_t *a, int wa, int ha,
                          const uint8_t *b, int wb, int hb, oy_pool *pool, oy_log *log)
{
    pictures_job j = { dir, frame, { a, b, NULL }, { wa, wb, wa }, { ha, hb, ha },
                       { 0, 0, 0 }, log };
    uint8_t *d = NULL;

    if (wa == wb && ha == hb) {
        if (!(d = oy_malloc((size_t)wa * ha * 3)))
            return OYSTER_E_NOMEM;
        heat(a, b, d, (size_t)wa * ha);
        j.rgb[2] = d;
    }
    /* three PNG files at once: encoding them is most of a report's time */
    oy_pool_run(pool, 3, pictures_task, &j);
    free(d);
    return j.err[0] ? j.err[0] : j.err[1] ? j.err[1] : j.err[2];
}

/* ---- the page ---- */

static void esc(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default:  fputc(*s, f);
        }
    }
}

static void head(FILE *f, const diff_page *pg, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"generator\" content=\"oyster diff\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", f);
    esc(f, title);
    fputs("</title>\n<style>\n"
          "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;"
          "max-width:1280px;padding:0 16px;background:#f6f6f4;color:#1d1d1f}\n"
          "h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 8px}"
          "h3{font-size:14px;margin:0 0 6px;font-weight:600}\n"
          "code{font:13px ui-monospace,Menlo,Consolas,monospace;background:#e8e8e4;padding:1px 5px;"
          "border-radius:3px}\n"
          "table{border-collapse:collapse}td,th{padding:3px 10px 3px 0;text-align:left;"
          "vertical-align:top}th{font-weight:600}\n"
          ".files td,.files th{border-bottom:1px solid #ddd;padding:4px 12px 4px 0}\n"
          ".summary{font-size:16px;font-weight:600;padding:8px 12px;border-radius:4px;display:inline-block}\n"
          ".same{background:#e3f3e3;color:#1d5e1d}.different{background:#fbe4e1;color:#8a1c12}\n"
          ".notes li{color:#8a1c12}\n"
          "svg.plot{background:#fff;border:1px solid #d4d4d0;width:100%;height:auto}\n"
          "svg text{font:11px system-ui,sans-serif;fill:#555}\n"
          "section.frame{background:#fff;border:1px solid #d4d4d0;border-radius:4px;"
          "padding:10px;margin:12px 0}\n"
          ".row{display:flex;gap:8px}figure{margin:0;flex:1;min-width:0}\n"
          "figure img{display:block;width:100%;height:auto;image-rendering:pixelated;"
          "background:#000}\n"
          "figcaption{font-size:12px;color:#555;margin-top:2px}\n"
          ".ramp{display:inline-block;width:220px;height:12px;vertical-align:middle;"
          "border:1px solid #aaa;background:linear-gradient(to right,rgb(30,60,220),"
          "rgb(170,40,200) 33%,rgb(255,60,40) 67%,rgb(255,255,80))}\n"
          ".legend{font-size:12px;color:#555}.muted{color:#777}\n"
          "</style>\n</head>\n<body>\n", f);
    (void)pg;
}

static const char *kind_word(int kind)
{
    return kind == DIFF_VIDEO ? "videos" : kind == DIFF_HASHES ? "frame hashes"
         : kind == DIFF_FRAMES ? "frames" : kind == DIFF_FOLDERS ? "folders" : "files";
}

static void side_row(FILE *f, const char *tag, const char *path, int64_t frames, int w, int h)
{
    fprintf(f, "<tr><th>%s</th><td><code>", tag);
    esc(f, path);
    fputs("</code></td><td class=\"muted\">", f);
    fprintf(f, "%lld frame%s", (long long)frames, frames == 1 ? "" : "s");
    if (w > 0)
        fprintf(f, ", %d&times;%d", w, h);
    fputs("</td></tr>\n", f);
}

static void notes(FILE *f, const diff_result *r)
{
    if (!r->nnotes)
        return;
    fputs("<ul class=\"notes\">\n", f);
    for (size_t i = 0; i < r->nnotes; i++) {
        fputs("<li>", f);
        esc(f, r->notes[i]);
        fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);
}

/* ---- the PSNR plot ---- */

#define PW 960                  /* plot area */
#define PH 200
#define PL 52                   /* margins */
#define PR 12
#define PT 14
#define PB 30

static double nice_step(double range, int ticks)
{
    double raw = range / ticks, mag = pow(10.0, floor(log10(raw))), n = raw / mag;

    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

/* Bucket k of nb over n frames: the frames [k*n/nb, (k+1)*n/nb). */
static void bucket(int64_t n, int nb, int k, int64_t *lo, int64_t *hi)
{
    *lo = n * k / nb;
    *hi = n * (k + 1) / nb;
    if (*hi <= *lo)
        *hi = *lo + 1;
}

static void plot(FILE *f, const diff_page *pg, const diff_result *r)
{
    int64_t n = r->nframes;
    int nb = n > PW ? PW : (int)n, W = PL + PW + PR, H = PT + PH + PB;
    double lo = INFINITY, hi = -INFINITY, top, bottom, step;
    int drawing = 0;

    if (n <= 0)
        return;
    for (int64_t i = 0; i < n; i++)
        if (isfinite(r->psnr[i])) {
            lo = r->psnr[i] < lo ? r->psnr[i] : lo;
            hi = r->psnr[i] > hi ? r->psnr[i] : hi;
        }
    if (pg->threshold >= 0) {
        lo = pg->threshold < lo ? pg->threshold : lo;
        hi = pg->threshold > hi ? pg->threshold : hi;
    }
    if (!isfinite(lo))
        lo = 30, hi = 50;
    bottom = floor((lo - 2) / 10) * 10;
    bottom = bottom < 0 ? 0 : bottom;
    top = ceil((hi + 2) / 10) * 10;
    if (top - bottom < 20)
        top = bottom + 20;
    step = nice_step(top - bottom, 5);

#define X(i) (PL + ((double)(i) + 0.5) * PW / (double)n)
#define Y(v) (PT + 22 + (top - (v)) * (PH - 22) / (top - bottom))

    fprintf(f, "<svg class=\"plot\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
            "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" shape-rendering=\"crispEdges\">\n",
            W, H, W, H);
    fprintf(f, "<title>%s</title>\n", r->has_pixels ? "PSNR per frame" : "frames that differ");
    /* the band of identical frames at the top, the grid, the axes */
    for (double v = bottom; r->has_pixels && v <= top + 1e-9; v += step) {
        fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n",
                PL, PL + PW, Y(v), Y(v), PL - 6, Y(v) + 4, v);
    }
    if (r->has_pixels) {
        fprintf(f, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                "text-anchor=\"middle\">PSNR (dB)</text>\n", PT + PH / 2, PT + PH / 2);
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"10\" fill=\"#e3f3e3\"/>\n",
                PL, PT, PW);
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">same</text>\n", PL - 6, PT + 9);
    }
    {
        double xs = nice_step((double)(n > 1 ? n - 1 : 1), 8);
        if (xs < 1)
            xs = 1;
        for (double i = 0; i < (double)n; i += xs)
            fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>\n",
                    X(i), X(i), PT + PH, PT + PH + 4, X(i), PT + PH + 16, i);
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">frame</text>\n",
                PL + PW, PT + PH + 28);
    }
    fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
            PL, PL + PW, PT + PH, PT + PH);
    if (pg->threshold >= 0 && r->has_pixels)
        fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c80\" "
                "stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" "
                "style=\"fill:#c80\">threshold %g dB</text>\n", PL, PL + PW, Y(pg->threshold),
                Y(pg->threshold), PL + PW - 4, Y(pg->threshold) - 4, pg->threshold);

    /* frames that count as different: a red band under the axis; frames
     * with no PSNR (missing, another size, a hash) a full-height stripe */
    for (int k = 0; k < nb; k++) {
        int64_t a, b;
        int differs = 0, unmeasured = 0;
        bucket(n, nb, k, &a, &b);
        for (int64_t i = a; i < b; i++) {
            differs |= r->differs[i];
            unmeasured |= r->differs[i] && isnan(r->psnr[i]);
        }
        if (unmeasured)
            fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.2f\" height=\"%d\" "
                    "fill=\"#f4c7c0\"/>\n", X(a) - 0.5 * PW / (double)n, PT + 12,
                    (double)(b - a) * PW / (double)n, PH - 12);
        if (differs)
            fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.2f\" height=\"4\" fill=\"#c0392b\"/>\n",
                    X(a) - 0.5 * PW / (double)n, PT + PH - 4, (double)(b - a) * PW / (double)n);
    }
    /* the PSNR line, broken where there is none; the same bytes on top */
    if (r->has_pixels) {
        for (int k = 0; k < nb; k++) {
            int64_t a, b;
            double v = NAN;
            bucket(n, nb, k, &a, &b);
            for (int64_t i = a; i < b; i++)
                if (!isnan(r->psnr[i]) && (isnan(v) || r->psnr[i] < v))
                    v = r->psnr[i];
            if (isnan(v)) {
                if (drawing)
                    fputs("\"/>\n", f);
                drawing = 0;
                continue;
            }
            if (!drawing)
                fputs("<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.5\" "
                      "stroke-linejoin=\"round\" points=\"", f);
            fprintf(f, "%s%.1f,%.1f", drawing ? " " : "", PL + (k + 0.5) * PW / (double)nb,
                    isinf(v) ? (double)PT + 5 : Y(v));
            drawing = 1;
        }
        if (drawing)
            fputs("\"/>\n", f);
        /* a dot at each changed frame that has a PSNR, linked to its pictures */
        if (n <= 400) {
            for (size_t i = 0; i < r->ndiff; i++) {
                const diff_frame *d = &r->diff[i];
                if (isnan(d->psnr))
                    continue;
                if (d->pictures)
                    fprintf(f, "<a href=\"#f%lld\">", (long long)d->frame);
                fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c0392b\">"
                        "<title>frame %lld: %.1f dB</title></circle>", X(d->frame), Y(d->psnr),
                        (long long)d->frame, d->psnr);
                fputs(d->pictures ? "</a>\n" : "\n", f);
            }
        }
    }
    fputs("</svg>\n", f);
    fprintf(f, "<p class=\"legend\">%s</p>\n", r->has_pixels
            ? "Blue line: PSNR of each frame (the green band on top: the same bytes). "
              "Red marks under the axis: frames that differ; pink stripes: frames with "
              "no PSNR (missing, or another size)."
            : "Red marks under the axis and pink stripes: frames whose hash differs or "
              "that are missing. Frame hashes say only same or different, so there is "
              "no PSNR to plot.");
#undef X
#undef Y
}

/* ---- frames ---- */

static void frame_title(FILE *f, const diff_result *r, const diff_frame *d)
{
    char tc[16];

    oy_diff_timecode(tc, d->frame, r->fps);
    fprintf(f, "frame %lld &middot; %s", (long long)d->frame, tc);
    if (d->missing)
        fprintf(f, " &middot; missing in %c", d->missing);
    else if (d->size)
        fputs(" &middot; sizes differ", f);
    else if (isnan(d->psnr))
        fputs(" &middot; hash differs", f);
    else
        fprintf(f, " &middot; PSNR %.1f dB &middot; SSIM %.3f", d->psnr, d->ssim);
}

static void frames(FILE *f, const diff_page *pg, const diff_result *r)
{
    size_t listed = 0;

    if (!r->ndiff)
        return;
    fprintf(f, "<h2>Frames that differ</h2>\n");
    if (r->pictures) {
        fprintf(f, "<p class=\"legend\">Each changed frame: A, B, and where they differ "
                "(<span class=\"ramp\"></span> the largest difference of R, G and B: 1, 4, "
                "14, 32 or more levels of 255; dim grey where they agree).</p>\n");
        if (r->pictures >= pg->cap && (int64_t)r->ndiff > r->pictures)
            fprintf(f, "<p><strong>Pictures of the first %lld of the %zu frames that differ "
                    "only</strong> (a report shows at most %d); the list below has them all.</p>\n",
                    (long long)r->pictures, r->ndiff, pg->cap);
    }
    for (size_t i = 0; i < r->ndiff; i++) {
        const diff_frame *d = &r->diff[i];
        char base[32];
        if (!d->pictures)
            continue;
        snprintf(base, sizeof base, "%06lld", (long long)d->frame);
        fprintf(f, "<section class=\"frame\" id=\"f%lld\">\n<h3>", (long long)d->frame);
        frame_title(f, r, d);
        fprintf(f, "</h3>\n<div class=\"row\">\n"
                "<figure><img src=\"%s-a.png\" alt=\"A, frame %lld\" loading=\"lazy\">"
                "<figcaption>A</figcaption></figure>\n"
                "<figure><img src=\"%s-b.png\" alt=\"B, frame %lld\" loading=\"lazy\">"
                "<figcaption>B</figcaption></figure>\n", base, (long long)d->frame,
                base, (long long)d->frame);
        if (!d->size)
            fprintf(f, "<figure><img src=\"%s-d.png\" alt=\"difference, frame %lld\" "
                    "loading=\"lazy\"><figcaption>difference</figcaption></figure>\n",
                    base, (long long)d->frame);
        fputs("</div>\n</section>\n", f);
    }
    fprintf(f, "<details%s><summary>All %zu frames that differ</summary>\n<table>\n"
            "<tr><th>frame</th><th>timecode</th><th>PSNR (dB)</th><th>SSIM</th><th></th></tr>\n",
            r->pictures ? "" : " open", r->ndiff);
    for (size_t i = 0; i < r->ndiff && listed < 20000; i++, listed++) {
        const diff_frame *d = &r->diff[i];
        char tc[16];
        oy_diff_timecode(tc, d->frame, r->fps);
        fprintf(f, "<tr><td>");
        if (d->pictures)
            fprintf(f, "<a href=\"#f%lld\">%lld</a>", (long long)d->frame, (long long)d->frame);
        else
            fprintf(f, "%lld", (long long)d->frame);
        fprintf(f, "</td><td>%s</td>", tc);
        if (isnan(d->psnr))
            fputs("<td></td><td></td>", f);
        else
            fprintf(f, "<td>%.2f</td><td>%.4f</td>", d->psnr, d->ssim);
        fprintf(f, "<td>%s</td></tr>\n", d->missing == 'A' ? "missing in A"
                : d->missing == 'B' ? "missing in B" : d->size ? "sizes differ"
                : isnan(d->psnr) ? "hash differs" : "");
    }
    if (listed < r->ndiff)
        fprintf(f, "<tr><td colspan=\"5\">&hellip; and %zu more (see the JSON report)</td></tr>\n",
                r->ndiff - listed);
    fputs("</table>\n</details>\n", f);
}

static void pair_body(FILE *f, const diff_page *pg, const diff_result *r, const char *a,
                      const char *b)
{
    fputs("<table>\n", f);
    side_row(f, "A", a, r->frames_a, r->wa, r->ha);
    side_row(f, "B", b, r->frames_b, r->wb, r->hb);
    fprintf(f, "<tr><th>kind</th><td colspan=\"2\">%s, timecodes at %g fps%s</td></tr>\n",
            kind_word(r->kind), (double)r->fps.num / r->fps.den,
            r->kind == DIFF_HASHES ? " (same or different only: no pixels)" : "");
    if (pg->threshold >= 0)
        fprintf(f, "<tr><th>threshold</th><td colspan=\"2\">frames above %g dB PSNR count "
                "as the same</td></tr>\n", pg->threshold);
    fputs("</table>\n<p class=\"summary ", f);
    fputs(r->status == DIFF_SAME ? "same" : "different", f);
    fputs("\">", f);
    esc(f, r->summary);
    fputs("</p>\n", f);
    notes(f, r);
    if (r->nframes) {
        fprintf(f, "<h2>%s</h2>\n", r->has_pixels ? "PSNR per frame" : "Per frame");
        plot(f, pg, r);
    }
    frames(f, pg, r);
}

static void folders_body(FILE *f, const diff_page *pg, const diff_result *r)
{
    static const char *const status[] = { "same", "different", "only in A", "only in B" };

    fputs("<table>\n<tr><th>A</th><td><code>", f);
    esc(f, pg->a);
    fputs("</code></td></tr>\n<tr><th>B</th><td><code>", f);
    esc(f, pg->b);
    fputs("</code></td></tr>\n</table>\n<p class=\"summary ", f);
    fputs(r->status == DIFF_SAME ? "same" : "different", f);
    fputs("\">", f);
    esc(f, r->summary);
    fputs("</p>\n<h2>Files</h2>\n<table class=\"files\">\n"
          "<tr><th>name</th><th>kind</th><th>status</th><th>summary</th><th></th></tr>\n", f);
    for (size_t i = 0; i < r->nfiles; i++) {
        const diff_result *x = &r->files[i];
        fputs("<tr><td><code>", f);
        esc(f, x->name);
        fprintf(f, "</code></td><td>%s</td><td class=\"%s\">%s</td><td>",
                x->kind == DIFF_NONE ? "" : oy_diff_kind_names[x->kind],
                x->status == DIFF_SAME ? "same" : "different", status[x->status]);
        for (size_t k = 0; k < x->nnotes; k++) {
            esc(f, x->notes[k]);
            fputs("<br>", f);
        }
        esc(f, x->summary);
        fputs("</td><td>", f);
        if (x->html_link) {
            fputs("<a href=\"", f);
            esc(f, x->html_link);
            fputs("\">report</a>", f);
        }
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

int oy_diff_html_page(const char *dir, const diff_page *pg, const diff_result *r,
                      oy_log *log)
{
    char path[4096], title[600];
    FILE *f;
    int err = 0;

    snprintf(path, sizeof path, "%s/index.html", dir);
    if (!(f = fopen(path, "w"))) {
        err = -errno;
        oy_error(log, "cannot write '%s': %s", path, oyster_strerror(err));
        return err;
    }
    if (r->name)
        snprintf(title, sizeof title, "oyster diff: %s", r->name);
    else
        snprintf(title, sizeof title, "oyster diff: %s vs %s", pg->a, pg->b);
    head(f, pg, title);
    if (r->name) {
        fputs("<p><a href=\"../index.html\">&larr; all files</a></p>\n<h1>", f);
        esc(f, r->name);
        fputs("</h1>\n", f);
    } else {
        fputs("<h1>oyster diff</h1>\n", f);
    }
    if (r->kind == DIFF_FOLDERS) {
        folders_body(f, pg, r);
    } else if (r->name) {
        char a[4200], b[4200];
        snprintf(a, sizeof a, "%s/%s", pg->a, r->name);
        snprintf(b, sizeof b, "%s/%s", pg->b, r->name);
        pair_body(f, pg, r, a, b);
    } else {
        pair_body(f, pg, r, pg->a, pg->b);
    }
    fputs("</body>\n</html>\n", f);
    if (ferror(f))
        err = -EIO;
    if (fclose(f) && !err)
        err = -errno;
    if (err)
        oy_error(log, "cannot write '%s': %s", path, oyster_strerror(err));
    return err;
}
