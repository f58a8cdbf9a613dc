/*
 * test_media.c - media/: the muxer checked from outside with ffprobe
 * (codecs, profile, colour tags, frame rate, keyframe spacing, faststart,
 * byte-identical reruns, Matroska on a pipe, errors), PNG round trips,
 * the WAV header and samples, image loading errors, the BT.709 converter.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "media/media.h"

static char dir[64];
static char last_msg[1024];

static void on_log(void *opaque, const oyster_diag *d)
{
    snprintf(last_msg, sizeof last_msg, "%s", d->msg);
}

static oy_log logger = { on_log, NULL, 0, 0 };

static const char *tmp(const char *name)
{
    static char buf[8][256];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *p = NULL;
    long len;

    *n = 0;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    p = malloc(len > 0 ? (size_t)len : 1);
    if (p && fread(p, 1, (size_t)len, f) == (size_t)len)
        *n = (size_t)len;
    fclose(f);
    return p;
}

static int same_files(const char *a, const char *b)
{
    size_t na, nb;
    unsigned char *pa = slurp(a, &na), *pb = slurp(b, &nb);
    int same = pa && pb && na == nb && na > 0 && !memcmp(pa, pb, na);
    free(pa);
    free(pb);
    return same;
}

static long find(const unsigned char *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(p + i, s, k))
            return (long)i;
    return -1;
}

/* Output of a command (up to 64 KiB). */
static char *run(const char *cmd)
{
    static char out[65536];
    FILE *p = popen(cmd, "r");
    size_t n = 0;

    out[0] = '\0';
    if (!p)
        return out;
    n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    pclose(p);
    return out;
}

static char *probe(const char *path)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "ffprobe -v error -show_streams -show_format -of default=nw=1 '%s' 2>&1", path);
    return run(cmd);
}

static void frame_rgb(uint8_t *rgb, int w, int h, int n)
{
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint8_t *p = rgb + 3 * (y * w + x);
            p[0] = (uint8_t)(x * 4 + n * 8);
            p[1] = (uint8_t)(y * 5);
            p[2] = (uint8_t)((x + y + n) * 3);
        }
}

/* Write `frames` frames (with a 440 Hz tone if audio) to path. */
static int write_movie(const char *path, int w, int h, oy_rational fps, int frames,
                       int audio, int draft)
{
    oy_writer_opts o = { path, NULL, w, h, fps, audio, draft };
    oy_writer *wr = NULL;
    uint8_t *rgb = malloc((size_t)w * h * 3);
    float lr[2 * 2100];
    int64_t done = 0;
    int ret;

    if ((ret = oy_writer_open(&wr, &o, &logger)) < 0)
        goto out;
    for (int n = 0; n < frames; n++) {
        /* sample-accurate: frame n covers [n*48000/fps, (n+1)*48000/fps) */
        int64_t end = (int64_t)(n + 1) * 48000 * fps.den / fps.num;
        int k = (int)(end - done);
        frame_rgb(rgb, w, h, n);
        if ((ret = oy_writer_video(wr, rgb, (ptrdiff_t)w * 3)) < 0)
            goto out;
        if (!audio)
            continue;
        for (int i = 0; i < k; i++)
            lr[2 * i] = lr[2 * i + 1] = 0.25f * (float)oy_sin(2 * OY_PI * 440 * (double)(done + i) / 48000);
        if ((ret = oy_writer_audio(wr, lr, k)) < 0)
            goto out;
        done = end;
    }
    ret = oy_writer_finish(wr);
out:
    oy_writer_free(&wr);
    free(rgb);
    return ret;
}

static void test_mp4(void)
{
    oy_rational ntsc = { 24000, 1001 };
    const char *a = tmp("a.mp4"), *b = tmp("b.mp4");
    unsigned char *p;
    size_t n;
    char *out;

    CHECK_GROUP("mp4");
    CHECK(write_movie(a, 64, 48, ntsc, 10, 1, 0) == 0, "write 64x48 10 frames with audio");
    out = probe(a);
    CHECK(strstr(out, "codec_name=h264") != NULL, "video is h264");
    CHECK(strstr(out, "profile=High\n") != NULL, "profile High");
    CHECK(strstr(out, "pix_fmt=yuv420p") != NULL, "yuv420p");
    CHECK(strstr(out, "color_primaries=bt709") && strstr(out, "color_transfer=bt709") &&
          strstr(out, "color_space=bt709") && strstr(out, "color_range=tv"), "tagged bt709 tv range");
    CHECK(strstr(out, "width=64\n") && strstr(out, "height=48\n"), "size 64x48");
    CHECK(strstr(out, "nb_frames=10\n") != NULL, "10 video frames");
    CHECK(strstr(out, "r_frame_rate=24000/1001") != NULL, "frame rate 24000/1001");
    CHECK(strstr(out, "codec_name=aac") && strstr(out, "profile=LC"), "audio is AAC-LC");
    CHECK(strstr(out, "sample_rate=48000") && strstr(out, "channels=2"), "48 kHz stereo");
    CHECK(strstr(out, "format_name=mov,mp4") != NULL, "mp4 container");
    CHECK(strstr(out, "creation_time") == NULL, "no creation_time");

    p = slurp(a, &n);
    CHECK(p && find(p, n, "moov") >= 0 && find(p, n, "moov") < find(p, n, "mdat"),
          "faststart: moov before mdat");
    CHECK(p && find(p, n, "Lavf") < 0 && find(p, n, "Lavc") < 0, "no FFmpeg version strings");
    free(p);

    CHECK(write_movie(b, 64, 48, ntsc, 10, 1, 0) == 0, "write again");
    CHECK(same_files(a, b), "byte-identical reruns");
    CHECK(write_movie(b, 64, 48, ntsc, 10, 1, 1) == 0 && !same_files(a, b),
          "draft writes a different encode");
    out = probe(b);
    CHECK(strstr(out, "profile=High\n") && strstr(out, "nb_frames=10\n"), "draft: High, 10 frames");
}

static void test_keyframes(void)
{
    oy_rational ten = { 10, 1 };
    const char *a = tmp("k.mov");
    char cmd[512];
    char *out, *line;
    int frame = 0, last_key = -1, max_gap = 0, first_key = 0, keys = 0;

    CHECK_GROUP("keyframes");
    CHECK(write_movie(a, 64, 48, ten, 61, 0, 1) == 0, "write 61 frames at 10 fps, no audio");
    snprintf(cmd, sizeof cmd, "ffprobe -v error -select_streams v -show_entries "
             "packet=pts,flags -of csv=p=0 '%s' | sort -n", a);
    out = run(cmd);
    for (line = strtok(out, "\n"); line; line = strtok(NULL, "\n"), frame++) {
        if (!strchr(line, 'K'))
            continue;
        if (frame == 0)
            first_key = 1;
        if (frame - last_key > max_gap)
            max_gap = frame - last_key;
        last_key = frame;
        keys++;
    }
    if (61 - last_key > max_gap)
        max_gap = 61 - last_key;
    CHECK(frame == 61, "61 packets (%d)", frame);
    CHECK(first_key, "frame 0 is a keyframe");
    CHECK(max_gap <= 20, "a keyframe at least every 2 s (largest gap %d frames)", max_gap);
    CHECK(strstr(probe(a), "format_name=mov") != NULL, "mov container");
}

static void test_mkv(void)
{
    oy_rational pal = { 25, 1 };
    const char *a = tmp("a.mkv"), *b = tmp("b.mkv"), *piped = tmp("piped.mkv");
    unsigned char *p;
    size_t n;
    char *out;
    int fd[2];
    pid_t pid;
    FILE *f, *dst;

    CHECK_GROUP("mkv");
    CHECK(write_movie(a, 64, 48, pal, 10, 1, 0) == 0, "write mkv");
    CHECK(write_movie(b, 64, 48, pal, 10, 1, 0) == 0, "write mkv again");
    CHECK(same_files(a, b), "byte-identical reruns");
    out = probe(a);
    CHECK(strstr(out, "format_name=matroska") && strstr(out, "codec_name=h264") &&
          strstr(out, "codec_name=aac"), "matroska with h264 + aac");
    p = slurp(a, &n);
    CHECK(p && find(p, n, "Lavf5") < 0, "no libavformat version");
    free(p);

    /* "-": Matroska to a pipe, which cannot seek */
    fflush(stdout);
    if (pipe(fd))
        return;
    pid = fork();
    if (pid == 0) {
        close(fd[0]);
        dup2(fd[1], 1);
        close(fd[1]);
        _exit(write_movie("-", 64, 48, pal, 10, 1, 0) == 0 ? 0 : 1);
    }
    close(fd[1]);
    f = fdopen(fd[0], "rb");
    dst = fopen(piped, "wb");
    if (f && dst) {
        char buf[4096];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, f)) > 0)
            fwrite(buf, 1, k, dst);
    }
    if (f)
        fclose(f);
    if (dst)
        fclose(dst);
    {
        int status = 1;
        waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "write \"-\" to a pipe");
    }
    out = probe(piped);
    CHECK(strstr(out, "format_name=matroska") && strstr(out, "codec_name=h264") &&
          strstr(out, "codec_name=aac"), "the piped stream probes as matroska h264 + aac");
    snprintf(last_msg, sizeof last_msg, "ffmpeg -v error -i '%s' -f null - 2>&1", piped);
    CHECK(run(last_msg)[0] == '\0', "the piped stream decodes without errors");
}

static void test_writer_errors(void)
{
    oy_rational fps = { 24, 1 };
    oy_writer_opts o = { NULL, NULL, 64, 48, fps, 1, 1 };
    oy_writer *w = NULL;
    uint8_t rgb[64 * 48 * 3] = { 0 };
    int ret;

    CHECK_GROUP("writer errors");
    CHECK(!strcmp(oy_media_format_for("x.mp4"), "mp4") && !strcmp(oy_media_format_for("a/b.MOV"), "mov") &&
          !strcmp(oy_media_format_for("x.mkv"), "matroska") && !strcmp(oy_media_format_for("-"), "matroska"),
          "format by extension");
    CHECK(!oy_media_format_for("x.avi") && !oy_media_format_for("x") && !oy_media_format_for("a.mp4/x"),
          "unsupported extensions");

    o.path = tmp("no/such/dir/x.mp4");
    ret = oy_writer_open(&w, &o, &logger);
    CHECK(ret == -ENOENT && !w, "missing directory: -ENOENT (%d)", ret);
    CHECK(strstr(last_msg, "no/such/dir/x.mp4") != NULL, "message names the file: %s", last_msg);

    o.path = tmp("odd.mp4");
    o.width = 63;
    CHECK(oy_writer_open(&w, &o, &logger) == OYSTER_E_INPUT, "odd width refused");
    o.width = 64;

    o.path = "/dev/full";
    o.format = "matroska";
    ret = oy_writer_open(&w, &o, &logger);
    for (int i = 0; ret == 0 && i < 200; i++)
        ret = oy_writer_video(w, rgb, 64 * 3);
    if (ret == 0)
        ret = oy_writer_finish(w);
    CHECK(ret == -ENOSPC, "full disk: -ENOSPC (%d)", ret);
    CHECK(strstr(last_msg, "/dev/full") != NULL, "message names the file: %s", last_msg);
    oy_writer_free(&w);
    CHECK(w == NULL, "free after a failure");

    {
        oy_rational f = { 24, 1 };
        const char *odd = tmp("x:y%d.mkv");
        struct stat st;
        CHECK(write_movie(odd, 64, 48, f, 2, 0, 1) == 0 && stat(odd, &st) == 0 && st.st_size > 0,
              "':' and '%%' in the name are plain characters");
    }

    o.path = tmp("unfinished.mp4");
    o.format = NULL;
    ret = oy_writer_open(&w, &o, &logger);
    for (int i = 0; ret == 0 && i < 5; i++)
        ret = oy_writer_video(w, rgb, 64 * 3);
    CHECK(ret == 0, "five frames queued");
    oy_writer_free(&w);
    CHECK(w == NULL, "free without finish");
    oy_writer_free(&w);
}

static void test_png(void)
{
    int w = 37, h = 23, ow = 0, oh = 0;
    uint8_t img[23][40 * 3];         /* stride wider than the row */
    uint8_t *back = NULL;
    const char *a = tmp("a.png"), *b = tmp("b.png");
    int same = 1, ret;
    unsigned char *p;
    size_t n;

    CHECK_GROUP("png");
    for (int y = 0; y < h; y++)
        for (int x = 0; x < 40 * 3; x++)
            img[y][x] = (uint8_t)(oy_hash(1, 2, (uint64_t)x, (uint64_t)y, 0) >> 56);
    CHECK(oy_png_write(a, img[0], w, h, sizeof img[0], &logger) == 0, "write 37x23");
    CHECK(oy_png_write(b, img[0], w, h, sizeof img[0], &logger) == 0 && same_files(a, b),
          "same pixels, same bytes");
    p = slurp(a, &n);
    CHECK(p && n > 8 && !memcmp(p, "\x89PNG", 4) && find(p, n, "tEXt") < 0 &&
          find(p, n, "tIME") < 0 && find(p, n, "Lavc") < 0, "PNG without text or time chunks");

    ret = oy_image_load(a, 4096, 4096, &back, &ow, &oh, &logger);
    CHECK(ret == 0 && ow == w && oh == h, "load back at 37x23 (%d, %dx%d)", ret, ow, oh);
    for (int y = 0; ret == 0 && y < h; y++)
        same &= !memcmp(back + y * w * 3, img[y], (size_t)w * 3);
    CHECK(ret == 0 && same, "round trip keeps every pixel");
    free(back);
    back = NULL;

    if (rename(a, tmp("p:q%03d.png")) == 0) {
        ret = oy_image_load(tmp("p:q%03d.png"), 64, 64, &back, &ow, &oh, &logger);
        CHECK(ret == 0 && ow == w, "':' and '%%' in an image name are plain characters");
        free(back);
        back = NULL;
        rename(tmp("p:q%03d.png"), a);
    }

    ret = oy_image_load(a, 10, 10, &back, &ow, &oh, &logger);
    CHECK(ret == 0 && ow == 10 && oh == 6, "fit into 10x10 keeps the aspect (%dx%d)", ow, oh);
    free(back);
    back = NULL;

    /* the 64 Mpixel limit, from a PNG header claiming 10000 x 10000 */
    if (p && n > 33) {
        FILE *f = fopen(b, "wb");
        uint32_t crc;
        p[16] = 0; p[17] = 0; p[18] = 0x27; p[19] = 0x10;
        p[20] = 0; p[21] = 0; p[22] = 0x27; p[23] = 0x10;
        crc = oy_crc32(0, p + 12, 17);
        p[29] = crc >> 24; p[30] = crc >> 16; p[31] = crc >> 8; p[32] = (uint8_t)crc;
        fwrite(p, 1, n, f);
        fclose(f);
        ret = oy_image_load(b, 1024, 1024, &back, &ow, &oh, &logger);
        CHECK(ret == OYSTER_E_INPUT && strstr(last_msg, "64 Mpixel"), "100 Mpixel refused: %s", last_msg);
        free(back);
        back = NULL;
    }

    /* truncated */
    if (p) {
        FILE *f = fopen(b, "wb");
        fwrite(p, 1, n / 2, f);
        fclose(f);
        ret = oy_image_load(b, 1024, 1024, &back, &ow, &oh, &logger);
        CHECK(ret == OYSTER_E_INPUT && back == NULL && strstr(last_msg, b),
              "truncated PNG: input error naming the file: %s", last_msg);
    }
    free(p);
}

static void test_image_errors(void)
{
    uint8_t *rgb = NULL;
    int w, h, ret;
    const char *txt = tmp("notes.png"), *jpg = tmp("x.jpg"), *cut = tmp("cut.jpg");
    char cmd[512];
    FILE *f;

    CHECK_GROUP("image load");
    ret = oy_image_load(tmp("missing.png"), 64, 64, &rgb, &w, &h, &logger);
    CHECK(ret == OYSTER_E_INPUT && strstr(last_msg, "missing.png"), "missing file: %s", last_msg);
    if ((f = fopen(txt, "w"))) {
        fputs("this is not a picture, just some text\n", f);
        fclose(f);
    }
    ret = oy_image_load(txt, 64, 64, &rgb, &w, &h, &logger);
    CHECK(ret == OYSTER_E_INPUT && strstr(last_msg, "notes.png"), "text file: %s", last_msg);
    ret = oy_image_load(tmp("a.mkv"), 64, 64, &rgb, &w, &h, &logger);
    CHECK(ret == OYSTER_E_INPUT && strstr(last_msg, "not an image"), "a video is not an image: %s", last_msg);

    snprintf(cmd, sizeof cmd, "ffmpeg -v error -f lavfi -i testsrc2=s=320x240 -frames:v 1 -y '%s' 2>&1", jpg);
    if (run(cmd)[0] == '\0') {
        ret = oy_image_load(jpg, 160, 160, &rgb, &w, &h, &logger);
        CHECK(ret == 0 && w == 160 && h == 120, "JPEG 320x240 fits 160x160 as 160x120");
        free(rgb);
        rgb = NULL;
        snprintf(cmd, sizeof cmd, "head -c 3000 '%s' > '%s'", jpg, cut);
        run(cmd);
        ret = oy_image_load(cut, 160, 160, &rgb, &w, &h, &logger);
        CHECK(ret == OYSTER_E_INPUT && rgb == NULL, "truncated JPEG: %s", last_msg);
    }
}

static void test_wav(void)
{
    oy_wav *w = NULL;
    float s[2 * 1000];
    const char *path = tmp("a.wav");
    unsigned char *p;
    size_t n;
    int ok;

    CHECK_GROUP("wav");
    for (int i = 0; i < 1000; i++)
        s[2 * i] = s[2 * i + 1] = 0;
    s[0] = 0.5f; s[1] = -1.5f; s[2] = 1.0f; s[3] = -0.5f;
    CHECK(oy_wav_open(&w, path, path, &logger) == 0, "open");
    CHECK(oy_wav_write(w, s, 1000) == 0 && oy_wav_write(w, s, 234) == 0, "write 1234 samples");
    CHECK(oy_wav_finish(w) == 0, "finish");
    oy_wav_free(&w);
    p = slurp(path, &n);
    CHECK(n == 44 + 1234 * 4, "size %zu", n);
    ok = p && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WAVEfmt ", 8) && !memcmp(p + 36, "data", 4);
    CHECK(ok, "RIFF/WAVE/fmt/data");
    if (ok) {
        unsigned riff = p[4] | p[5] << 8 | p[6] << 16 | (unsigned)p[7] << 24;
        unsigned data = p[40] | p[41] << 8 | p[42] << 16 | (unsigned)p[43] << 24;
        unsigned rate = p[24] | p[25] << 8 | p[26] << 16 | (unsigned)p[27] << 24;
        int16_t s0 = (int16_t)(p[44] | p[45] << 8), s1 = (int16_t)(p[46] | p[47] << 8);
        int16_t s2 = (int16_t)(p[48] | p[49] << 8), s3 = (int16_t)(p[50] | p[51] << 8);
        CHECK(data == 1234 * 4 && riff == 36 + data, "sizes in the header");
        CHECK(rate == 48000 && p[22] == 2 && p[34] == 16 && p[20] == 1, "48 kHz, 2 channels, 16-bit PCM");
        CHECK(s0 == 16384 && s1 == -32767 && s2 == 32767 && s3 == -16384,
              "clamped, rounded half away from zero (%d %d %d %d)", s0, s1, s2, s3);
    }
    free(p);
    CHECK(oy_wav_open(&w, tmp("nodir/a.wav"), "a.wav", &logger) == -ENOENT && !w &&
          strstr(last_msg, "'a.wav'"), "open error names the output, not the file opened");
}

static void test_yuv(void)
{
    uint8_t rgb[4][4 * 3], y[4][4], u[2][2], v[2][2];
    uint8_t *planes[3] = { y[0], u[0], v[0] };
    const int strides[3] = { 4, 2, 2 };
    char hex[33];

    CHECK_GROUP("yuv");
    memset(rgb, 255, sizeof rgb);
    oy_media_rgb_to_yuv420(rgb[0], sizeof rgb[0], 4, 4, planes, strides);
    CHECK(y[0][0] == 235 && y[3][3] == 235 && u[0][0] == 128 && v[1][1] == 128, "white");
    memset(rgb, 0, sizeof rgb);
    oy_media_rgb_to_yuv420(rgb[0], sizeof rgb[0], 4, 4, planes, strides);
    CHECK(y[0][0] == 16 && u[0][0] == 128 && v[0][0] == 128, "black");
    for (int i = 0; i < 16; i++)
        rgb[i / 4][3 * (i % 4)] = 255;
    oy_media_rgb_to_yuv420(rgb[0], sizeof rgb[0], 4, 4, planes, strides);
    CHECK(y[1][2] == 63 && u[1][0] == 102 && v[0][1] == 240, "red: %d %d %d", y[1][2], u[1][0], v[0][1]);

    oy_md5_hex("", 0, hex);
    CHECK(!strcmp(hex, "d41d8cd98f00b204e9800998ecf8427e"), "md5 of nothing");
    oy_md5_hex("abc", 3, hex);
    CHECK(!strcmp(hex, "900150983cd24fb0d6963f7d28e17f72"), "md5 of abc");
}

int main(void)
{
    char cmd[128];

    snprintf(dir, sizeof dir, "/tmp/oyster-media-XXXXXX");
    if (!mkdtemp(dir)) {
        printf("FAIL media: cannot create a temporary directory\n");
        return 1;
    }
    test_yuv();
    test_wav();
    test_png();
    test_mp4();
    test_keyframes();
    test_mkv();
    test_writer_errors();
    test_image_errors();
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("FAIL media: cannot remove %s\n", dir);
    return CHECK_DONE();
}
