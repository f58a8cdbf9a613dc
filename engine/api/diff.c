/*
 * diff.c - `oyster diff A B`: two videos, two frame-hash files (framemd5),
 * two folders of frames or two folders of renders matched by name,
 * compared frame by frame. Frames are compared as rgb24: the same bytes
 * are the same frame; otherwise PSNR (all channels, peak 255) and SSIM
 * (luma, 11x11 Gaussian windows, sigma 1.5) say by how much. A missing
 * frame, another length, another size or another frame rate is a
 * difference, never an error. The report goes out line by line through
 * the caller's function as frames are compared; the JSON file and the
 * HTML folder are written to temporaries and renamed into place at the end.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../export/export.h"
#include "../media/media.h"
#include "diff.h"
#include "shot.h"

const char *const oy_diff_kind_names[] = {
    "video", "hashes", "frames", "folders", "bytes", "none", NULL };

#define HASH_MAX 128              /* hex digits of the longest hash (SHA-512) */
#define SSIM_BANDS 16             /* fixed, so the sums never depend on -j */
#define SSIM_WIN 11
#define DEFAULT_FPS 24

enum { FK_OTHER, FK_VIDEO, FK_HASHES, FK_IMAGE, FK_DIR, FK_MISSING, FK_SPECIAL };
enum { SRC_VIDEO, SRC_HASHES, SRC_FRAMES };
enum { FOLDER_EMPTY, FOLDER_FRAMES, FOLDER_REELS };

typedef struct diff_ctx {
    const oyster_diff_opts *o;
    oy_log log;
    oy_pool *pool;
    oy_rational fps;           /* --fps; 0/0 when not given */
    double threshold;          /* < 0: none */
    float gauss[SSIM_WIN];
    int warned_threshold;
} diff_ctx;

/* One side of a comparison. */
typedef struct diff_src {
    const char *path;
    int kind;
    oy_rational fps;           /* 0/0: unknown */
    int w, h;                  /* as the header says; 0: unknown */
    oy_video_in *video;
    char *hashes;              /* nhashes x (HASH_MAX + 1) */
    int64_t nhashes;
    int md5;                   /* the hashes are MD5 */
    char **files;              /* frames: image files in order */
    int64_t nfiles;
    uint8_t *img;
    int64_t pos;
    char digest[33];
} diff_src;

/* One frame of a side: pixels, or only a hash. */
typedef struct diff_pic {
    const uint8_t *rgb;
    int w, h;
    const char *hash;
} diff_pic;

/* ---- small helpers ---- */

static int nomem(void) { return OYSTER_E_NOMEM; }
static int cancelled(const diff_ctx *c) { return c->o->cancel && *c->o->cancel; }

static char *vformat(const char *fmt, va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    return oy_strdup(buf);
}

static void say_line(diff_ctx *c, const diff_result *r, const char *text)
{
    char buf[1400];

    if (!c->o->report)
        return;
    if (r && r->name)
        snprintf(buf, sizeof buf, "%s: %s", r->name, text);
    else
        snprintf(buf, sizeof buf, "%s", text);
    c->o->report(c->o->opaque, buf);
}

static void say(diff_ctx *c, const diff_result *r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void say(diff_ctx *c, const diff_result *r, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    say_line(c, r, buf);
}

/* A line that is also kept for the JSON and HTML reports. */
static int note(diff_ctx *c, diff_result *r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int note(diff_ctx *c, diff_result *r, const char *fmt, ...)
{
    char **n, *s;
    va_list ap;

    va_start(ap, fmt);
    s = vformat(fmt, ap);
    va_end(ap);
    if (!s || !(n = oy_realloc_array(r->notes, r->nnotes + 1, sizeof *n))) {
        free(s);
        return nomem();
    }
    r->notes = n;
    r->notes[r->nnotes++] = s;
    say_line(c, r, s);
    return 0;
}

void oy_diff_timecode(char buf[16], int64_t n, oy_rational fps)
{
    oy_timecode_format(buf, n, fps);
}

static void result_free(diff_result *r)
{
    for (size_t i = 0; i < r->nfiles; i++)
        result_free(&r->files[i]);
    free(r->files);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i]);
    free(r->notes);
    free(r->name);
    free(r->html_dir);
    free(r->html_link);
    free(r->psnr);
    free(r->differs);
    free(r->diff);
    free(r->summary);
    memset(r, 0, sizeof *r);
}

static int ext_is(const char *name, const char *const *exts)
{
    const char *dot = strrchr(name, '.');

    if (!dot || dot == name)
        return 0;
    for (int i = 0; exts[i]; i++)
        if (!strcasecmp(dot + 1, exts[i]))
            return 1;
    return 0;
}

static const char *const image_exts[] = {
    "png", "jpg", "jpeg", "bmp", "ppm", "pgm", "tif", "tiff", "webp", NULL };
static const char *const media_exts[] = {
    "mp4", "mov", "mkv", "m4v", "avi", "webm", "mxf", "ts", "md5", "framemd5", NULL };

/* ---- frame-hash files (FFmpeg framemd5) ---- */

static int is_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
              (s[i] >= 'A' && s[i] <= 'F')))
            return 0;
    return n > 0;
}

/* A data line: "stream, dts, pts, duration, size, hash": the stream and
 * duration, and the hash (at most HASH_MAX hex digits) into hash. */
static int parse_hash_line(const char *line, int *stream, int64_t *duration, char *hash)
{
    const char *p = line;
    long long v[5];
    char *end;
    size_t n;

    for (int i = 0; i < 5; i++) {
        while (*p == ' ' || *p == '\t')
            p++;
        errno = 0;
        v[i] = strtoll(p, &end, 10);
        if (end == p || errno)
            return -1;
        p = end;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p++ != ',')
            return -1;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    n = strcspn(p, " \t\r\n,");
    if (n > HASH_MAX || !is_hex(p, n))
        return -1;
    memcpy(hash, p, n);
    hash[n] = 0;
    *stream = (int)v[0];
    *duration = v[3];
    return 0;
}

/* Whether path reads as a frame-hash file: '#' header lines then data
 * lines, or the framemd5 header alone (no frames). */
static int is_hash_file(const char *path)
{
    char buf[4096], hash[HASH_MAX + 1], *line, *next;
    FILE *f = fopen(path, "rb");
    size_t n;
    int stream;
    int64_t dur;

    if (!f)
        return 0;
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    if (n == 0 || memchr(buf, 0, n) || (buf[0] != '#' && (buf[0] < '0' || buf[0] > '9')))
        return 0;
    for (line = buf; line && *line; line = next) {
        next = strchr(line, '\n');
        if (!next && n == sizeof buf - 1)
            break;                     /* a line cut by the buffer */
        if (next)
            *next++ = 0;
        if (line[0] == '#') {
            /* FFmpeg's header: a bad line after it is reported at its line */
            if (strstr(line, "#format: frame checksums"))
                return 1;
            continue;
        }
        if (!line[0] || !strcmp(line, "\r"))
            continue;
        return parse_hash_line(line, &stream, &dur, hash) == 0;
    }
    return 0;
}

static int hashes_load(diff_ctx *c, diff_src *s)
{
    FILE *f = fopen(s->path, "r");
    char *line = NULL, hash[HASH_MAX + 1];
    size_t cap = 0, hcap = 0;
    int video = -1, lineno = 0, stream, err = 0;
    int64_t dur, first_dur = -1;
    long tb[64][2] = { { 0 } };
    char algo[32] = "MD5";

    if (!f) {
        err = -errno;
        oy_error(&c->log, "cannot read '%s': %s", s->path, oyster_strerror(err));
        return err;
    }
    while (getline(&line, &cap, f) > 0) {
        int id, a, b;
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] == '#') {
            char type[32];
            if (sscanf(line, "#tb %d: %d/%d", &id, &a, &b) == 3 && id >= 0 && id < 64) {
                tb[id][0] = a;
                tb[id][1] = b;
            } else if (sscanf(line, "#media_type %d: %31s", &id, type) == 2) {
                if (video < 0 && !strcmp(type, "video"))
                    video = id;
            } else if (sscanf(line, "#dimensions %d: %dx%d", &id, &a, &b) == 3) {
                if ((video < 0 || id == video) && a > 0 && b > 0 && !s->w) {
                    s->w = a;
                    s->h = b;
                }
            } else if (sscanf(line, "#hash: %15s", type) == 1) {
                snprintf(algo, sizeof algo, "%s", type);
            }
            continue;
        }
        if (!line[0])
            continue;
        if (parse_hash_line(line, &stream, &dur, hash) < 0) {
            oy_diag(&c->log, OYSTER_ERROR, s->path, lineno, 1,
                    "a frame-hash file has '#' header lines, then 'stream, dts, pts, duration, size, hash' lines",
                    "not a frame-hash line");
            err = OYSTER_E_INPUT;
            break;
        }
        if (stream != (video < 0 ? 0 : video))
            continue;
        if (first_dur < 0)
            first_dur = dur;
        if ((err = oy_grow(&s->hashes, &hcap, (size_t)(s->nhashes + 1) * (HASH_MAX + 1), 1)))
            break;
        memcpy(s->hashes + s->nhashes * (HASH_MAX + 1), hash, HASH_MAX + 1);
        s->nhashes++;
    }
    if (!err && ferror(f)) {
        err = -EIO;
        oy_error(&c->log, "cannot read '%s': %s", s->path, oyster_strerror(err));
    }
    free(line);
    fclose(f);
    if (err)
        return err;
    s->md5 = !strcasecmp(algo, "MD5");
    /* the frame rate is the time base over a frame's duration */
    {
        int v = video < 0 ? 0 : video;
        int64_t num = tb[v][1], den = (int64_t)tb[v][0] * (first_dur > 0 ? first_dur : 1);
        if (num > 0 && den > 0) {
            int64_t g = (int64_t)oy_gcd((uint64_t)num, (uint64_t)den);
            num /= g;
            den /= g;
            if (num <= INT32_MAX && den <= INT32_MAX) {
                s->fps.num = (int)num;
                s->fps.den = (int)den;
            }
        }
    }
    return 0;
}

/* ---- folders ---- */

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Frame files: numbers by value, so f9.png comes before f10.png. */
static int frame_cmp(const void *a, const void *b)
{
    return strverscmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir (no hidden ones), sorted bytewise. */
static int list_dir(diff_ctx *c, const char *dir, char ***out, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **v = NULL;
    size_t cap = 0;
    int err = 0;

    *out = NULL;
    *n = 0;
    if (!d) {
        err = -errno;
        oy_error(&c->log, "cannot read folder '%s': %s", dir, oyster_strerror(err));
        return err == -ENOENT || err == -ENOTDIR || err == -EACCES ? OYSTER_E_INPUT : err;
    }
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if ((err = oy_grow(&v, &cap, *n + 1, sizeof *v)) || !(v[*n] = oy_strdup(e->d_name))) {
            err = err ? err : nomem();
            break;
        }
        (*n)++;
    }
    closedir(d);
    if (err) {
        for (size_t i = 0; i < *n; i++)
            free(v[i]);
        free(v);
        *n = 0;
        return err;
    }
    if (*n)
        qsort(v, *n, sizeof *v, name_cmp);
    *out = v;
    return 0;
}

static void names_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Frames (image files and nothing a folder of renders holds), renders
 * (videos, hash files or folders) or empty. */
static int folder_class(diff_ctx *c, const char *dir, int *cls)
{
    char **names;
    size_t n;
    int images = 0, reels = 0, others = 0, err;

    if ((err = list_dir(c, dir, &names, &n)))
        return err;
    for (size_t i = 0; i < n; i++) {
        char *p = oy_path_join(dir, names[i]);
        struct stat st;
        if (!p) {
            names_free(names, n);
            return nomem();
        }
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
            reels++;
        else if (ext_is(names[i], image_exts))
            images++;
        else if (ext_is(names[i], media_exts))
            reels++;
        else
            others++;
        free(p);
    }
    names_free(names, n);
    *cls = reels || (others && !images) ? FOLDER_REELS : images ? FOLDER_FRAMES : FOLDER_EMPTY;
    return 0;
}

/* The image files of a frame folder, in name order (numbers by value). */
static int frames_list(diff_ctx *c, diff_src *s)
{
    char **names;
    size_t n, k = 0;
    int err;

    if ((err = list_dir(c, s->path, &names, &n)))
        return err;
    for (size_t i = 0; i < n; i++) {
        if (!ext_is(names[i], image_exts)) {
            free(names[i]);
            continue;
        }
        char *p = oy_path_join(s->path, names[i]);
        free(names[i]);
        if (!p) {
            for (size_t j = i + 1; j < n; j++)
                free(names[j]);
            names_free(names, k);
            return nomem();
        }
        names[k++] = p;
    }
    if (k)
        qsort(names, k, sizeof *names, frame_cmp);
    s->files = names;
    s->nfiles = (int64_t)k;
    return 0;
}

/* ---- sources ---- */

static int file_kind(const char *path)
{
    struct stat st;

    if (stat(path, &st) != 0)
        return FK_MISSING;
    if (S_ISDIR(st.st_mode))
        return FK_DIR;
    if (!S_ISREG(st.st_mode))
        return FK_SPECIAL;   /* never opened: a FIFO would block */
    if (is_hash_file(path))
        return FK_HASHES;
    switch (oy_media_probe(path)) {
    case OY_MEDIA_VIDEO: return FK_VIDEO;
    case OY_MEDIA_IMAGE: return FK_IMAGE;
    default:             return FK_OTHER;
    }
}

static const char *fk_name(int fk)
{
    static const char *const names[] = { "a file of another kind", "a video", "a frame-hash file",
                                         "an image", "a folder", "missing",
                                         "not a regular file" };
    return names[fk];
}

static int src_open(diff_ctx *c, diff_src *s, const char *path, int fk)
{
    int64_t count;

    memset(s, 0, sizeof *s);
    s->path = path;
    switch (fk) {
    case FK_VIDEO:
        s->kind = SRC_VIDEO;
        if (oy_video_in_open(&s->video, path, &c->log) < 0)
            return OYSTER_E_INPUT;
        oy_video_in_info(s->video, &s->w, &s->h, &s->fps, &count);
        return 0;
    case FK_HASHES:
        s->kind = SRC_HASHES;
        return hashes_load(c, s);
    case FK_IMAGE:
        s->kind = SRC_FRAMES;
        if (!(s->files = oy_malloc(sizeof *s->files)) || !(s->files[0] = oy_strdup(path)))
            return nomem();
        s->nfiles = 1;
        return 0;
    default:
        s->kind = SRC_FRAMES;
        return frames_list(c, s);
    }
}

static void src_close(diff_src *s)
{
    oy_video_in_free(&s->video);
    free(s->hashes);
    if (s->files)
        names_free(s->files, (size_t)s->nfiles);
    free(s->img);
    memset(s, 0, sizeof *s);
}

/* The next frame: 1, 0 at the end, < 0 on error. want_hash: also its
 * MD5 when it has pixels. */
static int src_next(diff_ctx *c, diff_src *s, diff_pic *p, int want_hash)
{
    int ret;

    memset(p, 0, sizeof *p);
    switch (s->kind) {
    case SRC_VIDEO:
        if ((ret = oy_video_in_next(s->video, &p->rgb, &p->w, &p->h)) <= 0)
            return ret;
        break;
    case SRC_HASHES:
        if (s->pos >= s->nhashes)
            return 0;
        p->hash = s->hashes + s->pos * (HASH_MAX + 1);
        p->w = s->w;
        p->h = s->h;
        s->pos++;
        return 1;
    default:
        if (s->pos >= s->nfiles)
            return 0;
        oy_freep(&s->img);
        if ((ret = oy_image_load(s->files[s->pos], 0, 0, &s->img, &p->w, &p->h, &c->log)) < 0)
            return ret;
        p->rgb = s->img;
        s->pos++;
        break;
    }
    if (want_hash) {
        oy_md5_hex(p->rgb, (size_t)p->w * p->h * 3, s->digest);
        p->hash = s->digest;
    }
    return 1;
}

/* ---- metrics ---- */

static double psnr_of(const uint8_t *a, const uint8_t *b, size_t n)
{
    uint64_t sse = 0;

    for (size_t i = 0; i < n; i++) {
        int d = (int)a[i] - (int)b[i];
        sse += (uint64_t)(d * d);
    }
    if (!sse)
        return INFINITY;
    return 10.0 * log10(255.0 * 255.0 * (double)n / (double)sse);
}

typedef struct ssim_job {
    const uint8_t *a, *b;
    int w, h;
    const float *g;
    double sum[SSIM_BANDS];
    int failed;
} ssim_job;

#define SSIM_C1 (0.01f * 255 * 0.01f * 255)
#define SSIM_C2 (0.03f * 255 * 0.03f * 255)

static inline float luma(const uint8_t *p)
{
    return 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2];
}

/* out[x] += g * in[x] along a row, four at a time (-O2 leaves such a loop
 * scalar); the same operations per element, so the same sums. */
typedef float v4f __attribute__((vector_size(16)));

static void axpy(float *restrict out, const float *restrict in, float g, int n)
{
    const v4f gv = { g, g, g, g };
    int x = 0;

    for (; x + 4 <= n; x += 4) {
        v4f o, i;
        memcpy(&o, out + x, sizeof o);
        memcpy(&i, in + x, sizeof i);
        o += gv * i;
        memcpy(out + x, &o, sizeof o);
    }
    for (; x < n; x++)
        out[x] += g * in[x];
}

/* Output rows of band `task`: the Gaussian-weighted means, variances and
 * covariance of the windows whose top rows lie in the band, filtered
 * across then down, each loop running along a row. */
static void ssim_task(void *arg, int task, int thread)
{
    ssim_job *j = arg;
    const int w = j->w, ow = w - (SSIM_WIN - 1), oh = j->h - (SSIM_WIN - 1);
    const int y0 = (int)((int64_t)oh * task / SSIM_BANDS);
    const int y1 = (int)((int64_t)oh * (task + 1) / SSIM_BANDS);
    const int rows = y1 - y0 + SSIM_WIN - 1;
    float *buf, *hf[5], *row[5], *acc[5];
    double sum = 0.0;

    j->sum[task] = 0.0;
    if (y1 <= y0)
        return;
    buf = oy_malloc(sizeof(float) * ((size_t)rows * ow * 5 + (size_t)w * 5 + (size_t)ow * 5));
    if (!buf) {
        j->failed = 1;
        return;
    }
    for (int k = 0; k < 5; k++) {
        hf[k] = buf + (size_t)k * rows * ow;
        row[k] = buf + (size_t)rows * ow * 5 + (size_t)k * w;
        acc[k] = buf + (size_t)rows * ow * 5 + (size_t)w * 5 + (size_t)k * ow;
    }
    for (int r = 0; r < rows; r++) {
        const uint8_t *pa = j->a + (size_t)(y0 + r) * w * 3;
        const uint8_t *pb = j->b + (size_t)(y0 + r) * w * 3;
        for (int x = 0; x < w; x++) {
            float la = luma(pa + 3 * x), lb = luma(pb + 3 * x);
            row[0][x] = la;
            row[1][x] = lb;
            row[2][x] = la * la;
            row[3][x] = lb * lb;
            row[4][x] = la * lb;
        }
        for (int k = 0; k < 5; k++) {
            float *out = hf[k] + (size_t)r * ow;
            const float *in = row[k];
            for (int x = 0; x < ow; x++)
                out[x] = 0.0f;
            for (int t = 0; t < SSIM_WIN; t++)
                axpy(out, in + t, j->g[t], ow);
        }
    }
    for (int y = 0; y < y1 - y0; y++) {
        for (int k = 0; k < 5; k++) {
            float *out = acc[k];
            for (int x = 0; x < ow; x++)
                out[x] = 0.0f;
            for (int t = 0; t < SSIM_WIN; t++)
                axpy(out, hf[k] + (size_t)(y + t) * ow, j->g[t], ow);
        }
        for (int x = 0; x < ow; x++) {
            float ma = acc[0][x], mb = acc[1][x];
            float va = acc[2][x] - ma * ma, vb = acc[3][x] - mb * mb, cov = acc[4][x] - ma * mb;
            sum += (double)(((2.0f * ma * mb + SSIM_C1) * (2.0f * cov + SSIM_C2)) /
                            ((ma * ma + mb * mb + SSIM_C1) * (va + vb + SSIM_C2)));
        }
    }
    j->sum[task] = sum;
    free(buf);
}

/* SSIM over the whole picture as one window: for pictures smaller than a
 * Gaussian window. */
static double ssim_global(const uint8_t *a, const uint8_t *b, int w, int h)
{
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = (double)w * h;

    for (size_t i = 0; i < (size_t)w * h; i++) {
        double la = luma(a + 3 * i), lb = luma(b + 3 * i);
        sa += la;
        sb += lb;
        saa += la * la;
        sbb += lb * lb;
        sab += la * lb;
    }
    sa /= n, sb /= n;
    saa = saa / n - sa * sa;
    sbb = sbb / n - sb * sb;
    sab = sab / n - sa * sb;
    return ((2 * sa * sb + SSIM_C1) * (2 * sab + SSIM_C2)) /
           ((sa * sa + sb * sb + SSIM_C1) * (saa + sbb + SSIM_C2));
}

static int ssim_of(diff_ctx *c, const uint8_t *a, const uint8_t *b, int w, int h, double *out)
{
    ssim_job j = { .a = a, .b = b, .w = w, .h = h, .g = c->gauss };
    double sum = 0.0;

    if (w < SSIM_WIN || h < SSIM_WIN) {
        *out = ssim_global(a, b, w, h);
        return 0;
    }
    oy_pool_run(c->pool, SSIM_BANDS, ssim_task, &j);
    if (j.failed)
        return nomem();
    for (int i = 0; i < SSIM_BANDS; i++)
        sum += j.sum[i];
    *out = sum / ((double)(w - SSIM_WIN + 1) * (h - SSIM_WIN + 1));
    return 0;
}

/* ---- one comparison ---- */

static int record(diff_result *r, int64_t i, double psnr, int differs)
{
    int err;

    if (i >= r->cap) {
        size_t cap = (size_t)r->cap, cap2 = (size_t)r->cap;
        if ((err = oy_grow(&r->psnr, &cap, (size_t)i + 1, sizeof *r->psnr)) ||
            (err = oy_grow(&r->differs, &cap2, (size_t)i + 1, 1)))
            return err;
        r->cap = (int64_t)(cap < cap2 ? cap : cap2);
    }
    r->psnr[i] = psnr;
    r->differs[i] = (unsigned char)differs;
    r->nframes = i + 1;
    return 0;
}

static int add_diff(diff_result *r, const diff_frame *f)
{
    int err = oy_grow(&r->diff, &r->capdiff, r->ndiff + 1, sizeof *r->diff);

    if (err)
        return err;
    r->diff[r->ndiff++] = *f;
    return 0;
}

static void say_frame(diff_ctx *c, const diff_result *r, const diff_frame *f)
{
    char tc[16];

    oy_diff_timecode(tc, f->frame, r->fps);
    if (isnan(f->psnr))
        say(c, r, "frame %lld  %s  hash differs", (long long)f->frame, tc);
    else
        say(c, r, "frame %lld  %s  PSNR %.1f dB  SSIM %.3f", (long long)f->frame, tc,
            f->psnr, f->ssim);
}

/* Frame i of both sides. */
static int compare_frame(diff_ctx *c, diff_result *r, int64_t i, const diff_pic *pa,
                         const diff_pic *pb)
{
    diff_frame f = { .frame = i, .psnr = NAN, .ssim = NAN };
    int err;

    if (pa->w && pb->w && (pa->w != pb->w || pa->h != pb->h)) {
        f.size = 1;
    } else if (r->kind == DIFF_HASHES) {
        if (!strcasecmp(pa->hash, pb->hash))
            return record(r, i, NAN, 0);
    } else {
        size_t n = (size_t)pa->w * pa->h * 3;
        double psnr = memcmp(pa->rgb, pb->rgb, n) ? psnr_of(pa->rgb, pb->rgb, n) : INFINITY;
        if (isinf(psnr))
            return record(r, i, psnr, 0);
        if (c->threshold >= 0 && psnr > c->threshold) {
            r->within++;
            return record(r, i, psnr, 0);
        }
        f.psnr = psnr;
        if ((err = ssim_of(c, pa->rgb, pb->rgb, pa->w, pa->h, &f.ssim)))
            return err;
        if (psnr < r->worst) {
            r->worst = psnr;
            r->worst_at = i;
        }
    }
    if (r->html_dir && r->kind != DIFF_HASHES && r->pictures < OYSTER_DIFF_HTML_FRAMES) {
        if ((err = oy_diff_html_pictures(r->html_dir, i, pa->rgb, pa->w, pa->h,
                                         pb->rgb, pb->w, pb->h, c->pool, &c->log)))
            return err;
        f.pictures = 1;
        r->pictures++;
    }
    if ((err = record(r, i, f.psnr, 1)) || (err = add_diff(r, &f)))
        return err;
    if (!f.size)
        say_frame(c, r, &f);
    return 0;
}

static int rate_eq(oy_rational a, oy_rational b)
{
    return (int64_t)a.num * b.den == (int64_t)b.num * a.den;
}

static void fps_text(char *buf, size_t n, oy_rational r)
{
    if (r.den == 1)
        snprintf(buf, n, "%d fps", r.num);
    else
        snprintf(buf, n, "%d/%d (%.3f) fps", r.num, r.den, (double)r.num / r.den);
}

/* The lines after the frames': lengths and sizes. */
static int after_frames(diff_ctx *c, diff_result *r, int64_t size_first, int64_t size_last,
                        int64_t size_count, int sa_w, int sa_h, int sb_w, int sb_h)
{
    int err;

    if (size_count) {
        if ((err = note(c, r, "sizes differ: A is %dx%d, B is %dx%d (%lld frame%s, %lld-%lld)",
                        sa_w, sa_h, sb_w, sb_h, (long long)size_count, size_count == 1 ? "" : "s",
                        (long long)size_first, (long long)size_last)))
            return err;
    }
    if (r->frames_a != r->frames_b) {
        int64_t lo = r->frames_a < r->frames_b ? r->frames_a : r->frames_b;
        int64_t hi = (r->frames_a > r->frames_b ? r->frames_a : r->frames_b) - 1;
        char side = r->frames_a < r->frames_b ? 'A' : 'B';
        if (lo == hi)
            err = note(c, r, "A has %lld frames, B has %lld: frame %lld is missing in %c",
                       (long long)r->frames_a, (long long)r->frames_b, (long long)lo, side);
        else
            err = note(c, r, "A has %lld frames, B has %lld: frames %lld-%lld are missing in %c",
                       (long long)r->frames_a, (long long)r->frames_b, (long long)lo,
                       (long long)hi, side);
        if (err)
            return err;
    }
    return 0;
}

static int summarize(diff_ctx *c, diff_result *r)
{
    char buf[512];
    int64_t m = r->frames_a > r->frames_b ? r->frames_a : r->frames_b;

    if (r->ndiff == 0 && r->status == DIFF_SAME) {
        if (r->within) {
            double worst = INFINITY;
            int64_t at = 0;
            for (int64_t i = 0; i < r->nframes; i++)
                if (r->psnr[i] < worst) {
                    worst = r->psnr[i];
                    at = i;
                }
            snprintf(buf, sizeof buf, "same: %lld frames (%lld not identical but above "
                     "--threshold %g dB; worst PSNR %.1f dB at frame %lld)", (long long)m,
                     (long long)r->within, c->threshold, worst, (long long)at);
        } else {
            snprintf(buf, sizeof buf, "identical: %lld frame%s", (long long)m, m == 1 ? "" : "s");
        }
    } else if (r->ndiff == 0) {
        snprintf(buf, sizeof buf, "different: %lld identical frames, but %s", (long long)m,
                 r->nnotes ? r->notes[r->nnotes - 1] : "the files do");
    } else {
        int n = snprintf(buf, sizeof buf, "%zu of %lld frames differ (first %lld, last %lld)",
                         r->ndiff, (long long)m, (long long)r->diff[0].frame,
                         (long long)r->diff[r->ndiff - 1].frame);
        if (isfinite(r->worst))
            snprintf(buf + n, sizeof buf - (size_t)n, "; worst PSNR %.1f dB at frame %lld",
                     r->worst, (long long)r->worst_at);
    }
    if (!(r->summary = oy_strdup(buf)))
        return nomem();
    say_line(c, r, buf);
    return 0;
}

/* Two media files or frame folders of kinds fa and fb. */
static int compare_media(diff_ctx *c, diff_result *r, const char *pa, const char *pb,
                         int fa, int fb)
{
    diff_src sa, sb;
    diff_pic xa, xb;
    int err, done_a = 0, done_b = 0, want_a, want_b;
    int sa_w = 0, sa_h = 0, sb_w = 0, sb_h = 0;
    int64_t size_first = -1, size_last = -1, size_count = 0;

    memset(&sa, 0, sizeof sa);
    memset(&sb, 0, sizeof sb);
    r->worst = INFINITY;
    if ((err = src_open(c, &sa, pa, fa)) || (err = src_open(c, &sb, pb, fb)))
        goto done;
    r->kind = sa.kind == SRC_HASHES || sb.kind == SRC_HASHES ? DIFF_HASHES
            : sa.kind == SRC_VIDEO ? DIFF_VIDEO : DIFF_FRAMES;
    r->has_pixels = r->kind != DIFF_HASHES;
    if (r->kind == DIFF_HASHES && ((sa.kind == SRC_HASHES && !sa.md5) ||
                                   (sb.kind == SRC_HASHES && !sb.md5)) &&
        (sa.kind != SRC_HASHES || sb.kind != SRC_HASHES)) {
        oy_error(&c->log, "'%s': a video is compared with a frame-hash file by MD5, and this "
                 "file's hashes are not MD5", sa.kind == SRC_HASHES ? pa : pb);
        err = OYSTER_E_INPUT;
        goto done;
    }
    if (r->kind == DIFF_HASHES && c->threshold >= 0 && !c->warned_threshold) {
        oy_warn(&c->log, "--threshold has no effect on frame hashes: there are no pixels to measure");
        c->warned_threshold = 1;
    }
    r->fps = c->fps.num ? c->fps : sa.fps.num ? sa.fps : sb.fps.num ? sb.fps
           : (oy_rational){ DEFAULT_FPS, 1 };
    want_a = r->kind == DIFF_HASHES && sa.kind != SRC_HASHES;
    want_b = r->kind == DIFF_HASHES && sb.kind != SRC_HASHES;
    r->wa = sa.w, r->ha = sa.h, r->wb = sb.w, r->hb = sb.h;
    for (int64_t i = 0;; i++) {
        if (cancelled(c)) {
            err = OYSTER_E_INTERRUPTED;
            goto done;
        }
        int ra = done_a ? 0 : src_next(c, &sa, &xa, want_a);
        int rb = done_b ? 0 : src_next(c, &sb, &xb, want_b);
        if (ra < 0 || rb < 0) {
            err = ra < 0 ? ra : rb;
            goto done;
        }
        done_a |= !ra;
        done_b |= !rb;
        if (done_a && done_b)
            break;
        if (ra) {
            r->frames_a++;
            if (i == 0 && xa.w)
                r->wa = xa.w, r->ha = xa.h;
        }
        if (rb) {
            r->frames_b++;
            if (i == 0 && xb.w)
                r->wb = xb.w, r->hb = xb.h;
        }
        if (!ra || !rb) {
            diff_frame f = { .frame = i, .psnr = NAN, .ssim = NAN, .missing = ra ? 'B' : 'A' };
            if ((err = record(r, i, NAN, 1)) || (err = add_diff(r, &f)))
                goto done;
            continue;
        }
        if ((err = compare_frame(c, r, i, &xa, &xb)))
            goto done;
        if (r->ndiff && r->diff[r->ndiff - 1].frame == i && r->diff[r->ndiff - 1].size) {
            if (!size_count++) {
                size_first = i;
                sa_w = xa.w, sa_h = xa.h, sb_w = xb.w, sb_h = xb.h;
            }
            size_last = i;
        }
    }
    if (r->frames_a || r->frames_b)
        r->status = r->ndiff ? DIFF_DIFFERENT : DIFF_SAME;
    if ((err = after_frames(c, r, size_first, size_last, size_count, sa_w, sa_h, sb_w, sb_h)))
        goto done;
    if (!c->fps.num && sa.fps.num && sb.fps.num && !rate_eq(sa.fps, sb.fps)) {
        char ta[48], tb[48];
        fps_text(ta, sizeof ta, sa.fps);
        fps_text(tb, sizeof tb, sb.fps);
        if ((err = note(c, r, "frame rates differ: A is %s, B is %s", ta, tb)))
            goto done;
        r->status = DIFF_DIFFERENT;
    }
    err = summarize(c, r);
done:
    src_close(&sa);
    src_close(&sb);
    return err;
}

/* Two files byte for byte. */
static int compare_bytes(diff_ctx *c, diff_result *r, const char *pa, const char *pb)
{
    FILE *fa = fopen(pa, "rb"), *fb = fopen(pb, "rb");
    char ba[65536], bb[65536];
    int err = 0, differ = 0;

    r->kind = DIFF_BYTES;
    if (!fa || !fb) {
        err = -errno;
        oy_error(&c->log, "cannot read '%s': %s", fa ? pb : pa, oyster_strerror(err));
        goto done;
    }
    for (;;) {
        size_t na = fread(ba, 1, sizeof ba, fa), nb = fread(bb, 1, sizeof bb, fb);
        if (na != nb || memcmp(ba, bb, na)) {
            differ = 1;
            break;
        }
        if (na < sizeof ba)
            break;
    }
    if (ferror(fa) || ferror(fb)) {
        err = -EIO;
        oy_error(&c->log, "cannot read '%s': %s", ferror(fa) ? pa : pb, oyster_strerror(err));
        goto done;
    }
    r->status = differ ? DIFF_DIFFERENT : DIFF_SAME;
    r->summary = oy_strdup(differ ? "the files differ" : "identical");
    if (!r->summary)
        err = nomem();
    else
        say_line(c, r, r->summary);
done:
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return err;
}

static int media_pair(int fa, int fb)
{
    return (fa == FK_IMAGE && fb == FK_IMAGE) ||
           ((fa == FK_VIDEO || fa == FK_HASHES) && (fb == FK_VIDEO || fb == FK_HASHES));
}

/* One name of two folders. */
static int compare_entry(diff_ctx *c, diff_result *r, const char *pa, const char *pb,
                         const char *html_root, int index)
{
    int fa = file_kind(pa), fb = file_kind(pb), err;
    int frames = fa == FK_DIR && fb == FK_DIR;

    if (html_root && (frames || media_pair(fa, fb))) {
        char sub[32];
        snprintf(sub, sizeof sub, "%03d", index);
        if (!(r->html_dir = oy_path_join(html_root, sub)) || !(r->html_link = oy_path_join(sub, "index.html")))
            return nomem();
        if (mkdir(r->html_dir, 0777) != 0) {
            err = -errno;
            oy_error(&c->log, "cannot create '%s': %s", r->html_dir, oyster_strerror(err));
            return err;
        }
    }
    if (frames || media_pair(fa, fb)) {
        err = compare_media(c, r, pa, pb, fa, fb);
    } else if (fa == FK_OTHER && fb == FK_OTHER) {
        err = compare_bytes(c, r, pa, pb);
    } else {
        r->kind = DIFF_NONE;
        r->status = DIFF_DIFFERENT;
        if ((err = note(c, r, "A is %s, B is %s", fk_name(fa), fk_name(fb))))
            return err;
        err = (r->summary = oy_strdup("kinds differ")) ? 0 : nomem();
    }
    if (!err && r->html_dir && r->status == DIFF_SAME) {
        rmdir(r->html_dir);
        oy_freep(&r->html_dir);
        oy_freep(&r->html_link);
    }
    return err;
}

static int add_name(char ***v, size_t *n, size_t *cap, const char *rel, const char *name)
{
    char *s = rel ? oy_path_join(rel, name) : oy_strdup(name);
    int err;

    if (!s)
        return nomem();
    if ((err = oy_grow(v, cap, *n + 1, sizeof **v))) {
        free(s);
        return err;
    }
    (*v)[(*n)++] = s;
    return 0;
}

/* The names to compare under root: its files, its frame folders, and the
 * files and frame folders of its other folders, one level down. */
static int walk(diff_ctx *c, const char *root, const char *rel, int depth,
                char ***v, size_t *n, size_t *cap)
{
    char *dir = rel ? oy_path_join(root, rel) : oy_strdup(root), **names = NULL;
    size_t nn = 0;
    int err;

    if (!dir)
        return nomem();
    if ((err = list_dir(c, dir, &names, &nn)))
        goto done;
    for (size_t i = 0; i < nn && !err; i++) {
        char *p = oy_path_join(dir, names[i]);
        struct stat st;
        int cls;
        if (!p) {
            err = nomem();
            break;
        }
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!(err = folder_class(c, p, &cls))) {
                if (cls == FOLDER_FRAMES)
                    err = add_name(v, n, cap, rel, names[i]);
                else if (depth == 0) {   /* deeper folders of renders are not compared */
                    char *sub = rel ? oy_path_join(rel, names[i]) : oy_strdup(names[i]);
                    err = sub ? walk(c, root, sub, depth + 1, v, n, cap) : nomem();
                    free(sub);
                }
            }
        } else {
            err = add_name(v, n, cap, rel, names[i]);
        }
        free(p);
    }
done:
    names_free(names, nn);
    free(dir);
    return err;
}

static int compare_folders(diff_ctx *c, diff_result *r, const char *a, const char *b,
                           const char *html_root)
{
    char **na = NULL, **nb = NULL, buf[1024];
    size_t ca = 0, cb = 0, la = 0, lb = 0, ia = 0, ib = 0, differ = 0, n = 0, cap = 0;
    int err, len;

    r->kind = DIFF_FOLDERS;
    if ((err = walk(c, a, NULL, 0, &na, &la, &ca)) || (err = walk(c, b, NULL, 0, &nb, &lb, &cb)))
        goto done;
    if (la)
        qsort(na, la, sizeof *na, name_cmp);
    if (lb)
        qsort(nb, lb, sizeof *nb, name_cmp);
    while (ia < la || ib < lb) {
        int k = ia >= la ? 1 : ib >= lb ? -1 : strcmp(na[ia], nb[ib]);
        diff_result *f;
        if (cancelled(c)) {
            err = OYSTER_E_INTERRUPTED;
            goto done;
        }
        if ((err = oy_grow(&r->files, &cap, n + 1, sizeof *r->files)))
            goto done;
        f = &r->files[n];
        memset(f, 0, sizeof *f);
        r->nfiles = ++n;
        f->kind = DIFF_NONE;
        f->worst = INFINITY;
        if (k == 0) {
            char *pa = oy_path_join(a, na[ia]), *pb = oy_path_join(b, nb[ib]);
            f->name = oy_strdup(na[ia]);
            err = pa && pb && f->name ? compare_entry(c, f, pa, pb, html_root, (int)n) : nomem();
            free(pa);
            free(pb);
            ia++, ib++;
        } else {
            f->status = k < 0 ? DIFF_ONLY_A : DIFF_ONLY_B;
            f->name = oy_strdup(k < 0 ? na[ia++] : nb[ib++]);
            if (!f->name)
                err = nomem();
            else {
                say(c, NULL, "only in %c: %s", k < 0 ? 'A' : 'B', f->name);
                f->summary = oy_strdup(k < 0 ? "only in A" : "only in B");
                err = f->summary ? 0 : nomem();
            }
        }
        if (err)
            goto done;
        differ += f->status != DIFF_SAME;
    }
    r->status = differ ? DIFF_DIFFERENT : DIFF_SAME;
    if (!differ) {
        snprintf(buf, sizeof buf, "identical: %zu file%s", n, n == 1 ? "" : "s");
    } else {
        size_t shown = 0;
        len = snprintf(buf, sizeof buf, "%zu of %zu files differ:", differ, n);
        for (size_t i = 0; i < n && len < (int)sizeof buf - 64; i++) {
            const diff_result *f = &r->files[i];
            if (f->status == DIFF_SAME)
                continue;
            if (shown == 8) {
                len += snprintf(buf + len, sizeof buf - (size_t)len, " and %zu more",
                                differ - shown);
                break;
            }
            len += snprintf(buf + len, sizeof buf - (size_t)len, "%s %s%s", shown ? "," : "",
                            f->name, f->status == DIFF_ONLY_A ? " (only in A)"
                            : f->status == DIFF_ONLY_B ? " (only in B)" : "");
            shown++;
        }
    }
    if (!(r->summary = oy_strdup(buf))) {
        err = nomem();
        goto done;
    }
    say_line(c, NULL, buf);
done:
    names_free(na, la);
    names_free(nb, lb);
    return err;
}

/* ---- JSON ---- */

static void json_size(FILE *f, const char *key, int v, int known)
{
    fprintf(f, ", \"%s\": ", key);
    if (known && v > 0)
        fprintf(f, "%d", v);
    else
        fputs("null", f);
}

static const char *const status_names[] = { "same", "different", "only_a", "only_b" };

static void json_result(FILE *f, const diff_result *r, const char *ind)
{
    int media = r->kind == DIFF_VIDEO || r->kind == DIFF_HASHES || r->kind == DIFF_FRAMES;

    fprintf(f, "\"kind\": ");
    if (r->kind == DIFF_NONE)
        fputs("null", f);
    else
        oy_json_str(f, oy_diff_kind_names[r->kind]);
    fprintf(f, ", \"status\": \"%s\", \"same\": %s", status_names[r->status],
            r->status == DIFF_SAME ? "true" : "false");
    fprintf(f, ",\n%s\"frames_a\": ", ind);
    if (media)
        fprintf(f, "%lld, \"frames_b\": %lld", (long long)r->frames_a, (long long)r->frames_b);
    else
        fputs("null, \"frames_b\": null", f);
    json_size(f, "width", r->wa, media);
    json_size(f, "height", r->ha, media);
    json_size(f, "width_b", r->wb, media);
    json_size(f, "height_b", r->hb, media);
    fputs(", \"fps\": ", f);
    if (media && r->fps.num)
        fprintf(f, "%.6g", (double)r->fps.num / r->fps.den);
    else
        fputs("null", f);
    fprintf(f, ",\n%s\"summary\": ", ind);
    oy_json_str(f, r->summary ? r->summary : "");
    fprintf(f, ",\n%s\"notes\": [", ind);
    for (size_t i = 0; i < r->nnotes; i++) {
        fputs(i ? ", " : "", f);
        oy_json_str(f, r->notes[i]);
    }
    fprintf(f, "],\n%s\"differing\": [", ind);
    for (size_t i = 0; i < r->ndiff; i++) {
        const diff_frame *d = &r->diff[i];
        char tc[16];
        oy_diff_timecode(tc, d->frame, r->fps);
        fprintf(f, "%s\n%s  {\"frame\": %lld, \"timecode\": \"%s\", \"psnr\": ", i ? "," : "",
                ind, (long long)d->frame, tc);
        oy_json_num(f, d->psnr, "%.3f");
        fputs(", \"ssim\": ", f);
        oy_json_num(f, d->ssim, "%.5f");
        fputs(", \"missing\": ", f);
        if (d->missing)
            fprintf(f, "\"%c\"", d->missing == 'A' ? 'a' : 'b');
        else
            fputs("null", f);
        fprintf(f, ", \"size_differs\": %s}", d->size ? "true" : "false");
    }
    if (r->ndiff)
        fprintf(f, "\n%s", ind);
    fputc(']', f);
}

static void json_write(FILE *f, const diff_ctx *c, const diff_result *r)
{
    fputs("{\n  \"a\": ", f);
    oy_json_str(f, c->o->a);
    fputs(", \"b\": ", f);
    oy_json_str(f, c->o->b);
    fputs(",\n  \"threshold\": ", f);
    oy_json_num(f, c->threshold >= 0 ? c->threshold : NAN, "%g");
    fputs(", ", f);
    json_result(f, r, "  ");
    fputs(",\n  \"files\": [", f);
    for (size_t i = 0; i < r->nfiles; i++) {
        const diff_result *x = &r->files[i];
        fprintf(f, "%s\n    {\"name\": ", i ? "," : "");
        oy_json_str(f, x->name);
        fputs(", ", f);
        json_result(f, x, "     ");
        fputs("}", f);
    }
    fprintf(f, "%s]\n}\n", r->nfiles ? "\n  " : "");
}

static int write_json(diff_ctx *c, const diff_result *r)
{
    const char *path = c->o->json;
    char *temp;
    FILE *f;
    int err = 0;

    if (!strcmp(path, "-")) {
        json_write(stdout, c, r);
        return fflush(stdout) ? -errno : 0;
    }
    if (!(temp = oy_temp_path(path)))
        return nomem();
    if (!(f = fopen(temp, "w"))) {
        err = -errno;
        oy_error(&c->log, "cannot write '%s': %s", path, oyster_strerror(err));
        free(temp);
        return err;
    }
    json_write(f, c, r);
    if (ferror(f))
        err = -EIO;
    if (fclose(f) && !err)
        err = -errno;
    if (!err && rename(temp, path) != 0)
        err = -errno;
    if (err) {
        oy_error(&c->log, "cannot write '%s': %s", path, oyster_strerror(err));
        unlink(temp);
    }
    free(temp);
    return err;
}

/* ---- the HTML folder: built as a temporary, renamed into place ---- */

#define REPORT_MARK "<meta name=\"generator\" content=\"oyster diff\">"

/* Remove a report folder this run made, or an old report --force
 * replaces: its .png and .html files and its folders, two levels deep. */
static void remove_report(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (d) {
        while ((e = readdir(d))) {
            char *p;
            struct stat st;
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            if (!(p = oy_path_join(dir, e->d_name)))
                continue;
            if (lstat(p, &st) == 0) {
                if (S_ISDIR(st.st_mode) && depth < 2)
                    remove_report(p, depth + 1);
                else if (S_ISREG(st.st_mode) && (ext_is(p, (const char *const[]){ "png", "html", NULL })))
                    unlink(p);
            }
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* Whether dir holds nothing but an earlier report's files. */
static int is_report(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int ok = 1, index = 0;

    if (!d)
        return 0;
    while (ok && (e = readdir(d))) {
        char *p;
        struct stat st;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (!(p = oy_path_join(dir, e->d_name)))
            return closedir(d), 0;
        if (lstat(p, &st) != 0)
            ok = 0;
        else if (S_ISDIR(st.st_mode))
            ok = depth < 1 && is_report(p, depth + 1);
        else if (!S_ISREG(st.st_mode) || !ext_is(p, (const char *const[]){ "png", "html", NULL }))
            ok = 0;
        else if (!strcmp(e->d_name, "index.html")) {
            FILE *f = fopen(p, "r");
            char head[1024] = "";
            if (f) {
                head[fread(head, 1, sizeof head - 1, f)] = 0;
                fclose(f);
            }
            index = strstr(head, REPORT_MARK) != NULL;
            ok = index;
        }
        free(p);
    }
    closedir(d);
    return ok;
}

static int check_html(diff_ctx *c, const char *dir)
{
    struct stat st;

    if (lstat(dir, &st) != 0)
        return 0;
    if (!c->o->force) {
        oy_diag(&c->log, OYSTER_ERROR, NULL, 0, 0, "use --force to replace it",
                "output '%s' exists", dir);
        return OYSTER_E_EXISTS;
    }
    if (!S_ISDIR(st.st_mode)) {
        oy_error(&c->log, "'%s' exists and is not a folder", dir);
        return OYSTER_E_INPUT;
    }
    if (!is_report(dir, 0)) {
        oy_diag(&c->log, OYSTER_ERROR, NULL, 0, 0,
                "--force replaces only an empty folder or an earlier diff report",
                "'%s' holds files that are not an oyster diff report; not replacing it", dir);
        return OYSTER_E_INPUT;
    }
    return 0;
}

static int commit_html(diff_ctx *c, const char *temp, const char *dir)
{
    struct stat st;
    char *old = NULL;
    int err = 0;

    if (lstat(dir, &st) == 0) {
        size_t n = strlen(temp) + 5;
        if (!(old = oy_malloc(n)))
            return nomem();
        snprintf(old, n, "%s.old", temp);
        if (rename(dir, old) != 0) {
            err = -errno;
            oy_error(&c->log, "cannot move '%s' aside: %s", dir, oyster_strerror(err));
            free(old);
            return err;
        }
    }
    if (rename(temp, dir) != 0) {
        err = -errno;
        oy_error(&c->log, "cannot rename '%s' to '%s': %s", temp, dir, oyster_strerror(err));
        if (old)
            rename(old, dir);
    } else if (old) {
        remove_report(old, 0);
    }
    free(old);
    return err;
}

static int write_html(diff_ctx *c, const char *root, const diff_result *r)
{
    diff_page pg = { c->o->a, c->o->b, c->threshold, OYSTER_DIFF_HTML_FRAMES };
    int err;

    if (r->kind != DIFF_FOLDERS)
        return oy_diff_html_page(root, &pg, r, &c->log);
    for (size_t i = 0; i < r->nfiles; i++)
        if (r->files[i].html_dir && (err = oy_diff_html_page(r->files[i].html_dir, &pg,
                                                             &r->files[i], &c->log)))
            return err;
    return oy_diff_html_page(root, &pg, r, &c->log);
}

/* ---- the command ---- */

static int top_kinds(diff_ctx *c, const char *a, const char *b, int *fa, int *fb, int *folders)
{
    const char *paths[2] = { a, b };
    int fk[2], cls[2] = { 0, 0 }, err;

    for (int i = 0; i < 2; i++) {
        fk[i] = file_kind(paths[i]);
        if (fk[i] == FK_MISSING || fk[i] == FK_SPECIAL) {
            oy_input_file(&c->log, "", paths[i]);
            return OYSTER_E_INPUT;
        }
        if (fk[i] == FK_DIR && (err = folder_class(c, paths[i], &cls[i])))
            return err == OYSTER_E_NOMEM ? err : OYSTER_E_INPUT;
    }
    *fa = fk[0];
    *fb = fk[1];
    *folders = 0;
    if (fk[0] == FK_DIR && fk[1] == FK_DIR) {
        if ((cls[0] == FOLDER_FRAMES && cls[1] == FOLDER_REELS) ||
            (cls[0] == FOLDER_REELS && cls[1] == FOLDER_FRAMES)) {
            oy_diag(&c->log, OYSTER_ERROR, NULL, 0, 0,
                    "both must be folders of frames, or both folders of videos and hash files",
                    "'%s' is a folder of %s, '%s' a folder of %s", a,
                    cls[0] == FOLDER_FRAMES ? "frames" : "videos", b,
                    cls[1] == FOLDER_FRAMES ? "frames" : "videos");
            return OYSTER_E_INPUT;
        }
        *folders = cls[0] == FOLDER_REELS || cls[1] == FOLDER_REELS;
        return 0;
    }
    for (int i = 0; i < 2; i++) {
        if (fk[i] == FK_OTHER) {
            oy_diag(&c->log, OYSTER_ERROR, NULL, 0, 0,
                    "diff compares two videos, two frame-hash files (render --frame-hashes), "
                    "two folders of frames or two folders of renders",
                    "'%s' is not a video, a frame-hash file or an image", paths[i]);
            return OYSTER_E_INPUT;
        }
    }
    if (!media_pair(fk[0], fk[1])) {
        oy_diag(&c->log, OYSTER_ERROR, NULL, 0, 0,
                "both must be of one kind: videos (or a video and a frame-hash file), "
                "frame-hash files, images or folders",
                "'%s' is %s, '%s' is %s", a, fk_name(fk[0]), b, fk_name(fk[1]));
        return OYSTER_E_INPUT;
    }
    return 0;
}

/* A folder path without its trailing slashes. */
static char *trim_slashes(const char *p)
{
    char *s = oy_strdup(p);
    size_t n = s ? strlen(s) : 0;

    while (n > 1 && s[n - 1] == '/')
        s[--n] = 0;
    return s;
}

int oyster_diff(const oyster_diff_opts *o)
{
    diff_ctx c = { .o = o, .threshold = o->threshold };
    diff_result r;
    char *html = NULL, *temp = NULL;
    int err, fa, fb, folders;
    float gsum = 0.0f;

    memset(&r, 0, sizeof r);
    r.worst = INFINITY;
    c.log.fn = o->log;
    c.log.opaque = o->log_opaque;
    if (!o->a || !o->b)
        return OYSTER_E_INPUT;
    if (o->fps && oy_fps_parse(o->fps, &c.fps) < 0) {
        oy_diag(&c.log, OYSTER_ERROR, NULL, 0, 0, "an integer or N/D from 1 to 120, e.g. 24 or 24000/1001",
                "invalid frame rate '%s' for '--fps'", o->fps);
        return OYSTER_E_INPUT;
    }
    if (isnan(c.threshold))
        c.threshold = -1.0;
    for (int i = 0; i < SSIM_WIN; i++) {
        float x = (float)(i - SSIM_WIN / 2);
        c.gauss[i] = oy_expf(-x * x / (2.0f * 1.5f * 1.5f));
        gsum += c.gauss[i];
    }
    for (int i = 0; i < SSIM_WIN; i++)
        c.gauss[i] /= gsum;

    if ((err = top_kinds(&c, o->a, o->b, &fa, &fb, &folders)))
        return err;
    if (o->json && (err = oy_check_output(&c.log, o->json, o->force)))
        return err;
    if (o->html) {
        if (!(html = trim_slashes(o->html)))
            return nomem();
        if ((err = check_html(&c, html)) || !(temp = oy_temp_path(html))) {
            free(html);
            return err ? err : nomem();
        }
        if (mkdir(temp, 0777) != 0) {
            err = -errno;
            oy_error(&c.log, "cannot create '%s': %s", temp, oyster_strerror(err));
            goto done;
        }
    }
    if ((err = oy_pool_new(&c.pool, o->threads)))
        goto done;
    if (folders) {
        err = compare_folders(&c, &r, o->a, o->b, temp);
    } else {
        if (temp && !(r.html_dir = oy_strdup(temp))) {
            err = nomem();
            goto done;
        }
        err = compare_media(&c, &r, o->a, o->b, fa, fb);
    }
    if (err)
        goto done;
    if (o->json && (err = write_json(&c, &r)))
        goto done;
    if (temp) {
        if ((err = write_html(&c, temp, &r)) || (err = commit_html(&c, temp, html)))
            goto done;
        oy_freep(&temp);
    }
    err = r.status == DIFF_SAME ? 0 : 1;
done:
    if (temp)
        remove_report(temp, 0);
    free(temp);
    free(html);
    oy_pool_free(&c.pool);
    result_free(&r);
    return err;
}
