/*
 * test_time.c - the value forms of the shot script: every TIME form of
 * oyster-shot(5) TIME VALUES (and the malformed ones), frame and sample arithmetic, SMPTE
 * timecode, sizes, frame rates and times of day.
 */
#include <math.h>

#include "check.h"
#include "script/script.h"

static const oy_rational fps24 = { 24, 1 }, fps30 = { 30, 1 },
                         fps2398 = { 24000, 1001 }, fps2997 = { 30000, 1001 };

static int time_is(const char *text, oy_rational fps, double want)
{
    double t = -1;
    return oy_time_parse(text, fps, &t) == 0 && fabs(t - want) < 1e-9;
}

static int time_bad(const char *text, oy_rational fps)
{
    double t = -1;
    return oy_time_parse(text, fps, &t) == OYSTER_E_INPUT && t == -1;
}

static void test_time_forms(void)
{
    CHECK_GROUP("time_parse");
    CHECK(time_is("12", fps24, 12), "plain seconds");
    CHECK(time_is("1.5", fps24, 1.5), "decimal seconds");
    CHECK(time_is("0", fps24, 0), "zero");
    CHECK(time_is("12s", fps24, 12), "12s");
    CHECK(time_is("0.5s", fps24, 0.5), "0.5s");
    CHECK(time_is("250ms", fps24, 0.25), "250ms");
    CHECK(time_is("2m", fps24, 120), "2m");
    CHECK(time_is("1.5m", fps24, 90), "1.5m");
    CHECK(time_is("1:30", fps24, 90), "m:ss");
    CHECK(time_is("1:30.5", fps24, 90.5), "m:ss.fff");
    CHECK(time_is("0:05.250", fps24, 5.25), "m:ss.fff with trailing zero");
    CHECK(time_is("90:00", fps24, 5400), "minutes above 59 in m:ss");
    CHECK(time_is("1:02:03", fps24, 3723), "h:mm:ss");
    CHECK(time_is("120f", fps24, 5), "frames at 24");
    CHECK(time_is("1f", fps2398, 1001.0 / 24000.0), "one frame at 24000/1001");
    CHECK(time_is("00:00:01:00", fps24, 1), "SMPTE one second at 24");
    CHECK(time_is("00:00:00:23", fps24, 23.0 / 24.0), "SMPTE last frame at 24");
    CHECK(time_is("01:00:00:00", fps24, 3600), "SMPTE one hour");
    CHECK(time_is("00:00:01:00", fps2398, 1001.0 / 24000.0 * 24), "SMPTE at 24000/1001");
    CHECK(time_is("00:00:00:23", fps2398, 1001.0 / 24000.0 * 23),
          "SMPTE frame 23 at 24000/1001 (nominal 24)");
    CHECK(time_is("00:01:00:29", fps2997, 1001.0 / 30000.0 * (60 * 30 + 29)),
          "SMPTE at 30000/1001");
    CHECK(time_bad("00:00:00:24", fps24), "SMPTE FF must be below 24 at 24 fps");
    CHECK(time_bad("00:00:00:24", fps2398), "SMPTE FF must be below 24 at 23.976");
    CHECK(time_bad("00:00:00:30", fps2997), "SMPTE FF must be below 30 at 29.97");
    CHECK(time_bad("00:60:00:00", fps24), "SMPTE minutes below 60");
    CHECK(time_bad("00:00:60:00", fps24), "SMPTE seconds below 60");
    CHECK(time_bad("00:00:01:00.5", fps24), "SMPTE with a fraction");
    CHECK(time_bad("1:2:3:4:5", fps24), "five fields");

    static const char *const bad[] = {
        "", "-1", "-1s", "+1", "nan", "inf", "NaN", "infinity", "1:3", "1:60",
        "1:30:", ":30", "1::30", "12x", "s", "ms", "m", "f", "1.5f", "-5f", "1..5",
        "1.", "1e", " 1", "1 ", "1 s", "0x10", "1:30s", "1:60:00", "abc", "12ss",
        "1;30",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(time_bad(bad[i], fps24), "'%s' is not a time", bad[i]);
}

static void test_frames(void)
{
    CHECK_GROUP("time_to_frame");
    CHECK(oy_time_to_frame(0.1, fps30) == 3, "0.1 s at 30 fps is frame 3");
    CHECK(oy_time_to_frame(0.7, fps30) == 21, "0.7 s at 30 fps is frame 21");
    CHECK(oy_time_to_frame(0, fps24) == 0, "0 s is frame 0");
    CHECK(oy_time_to_frame(0.05, fps24) == 2, "1.2 frames rounds up to 2");
    CHECK(oy_time_to_frame(1.0 / 3.0, fps24) == 8, "1/3 s at 24 is frame 8");
    CHECK(oy_time_to_frame(1001.0 / 24000.0 * 24, fps2398) == 24,
          "SMPTE 1 s at 23.976 is frame 24");
    CHECK(oy_time_to_frame(86400, (oy_rational){ 120, 1 }) == 10368000, "24 h at 120 fps");

    CHECK_GROUP("first_sample");
    CHECK(oy_frame_first_sample(0, fps24) == 0, "frame 0 starts at sample 0");
    CHECK(oy_frame_first_sample(1, fps24) == 2000, "2000 samples per frame at 24");
    CHECK(oy_frame_first_sample(1, fps2398) == 2002, "frame 1 at 24000/1001 is 2002");
    CHECK(oy_frame_first_sample(3, fps2997) == 4804, "frame 3 at 30000/1001 is 4804");
    CHECK(oy_frame_first_sample(10368000, (oy_rational){ 120000, 1001 }) == 4151347200LL,
          "24 h at 120000/1001, exact");
    CHECK(oy_frame_first_sample(86400, (oy_rational){ 2147483647, 2147483646 }) ==
          4147199998LL, "odd rate with a huge denominator does not overflow");

    CHECK_GROUP("timecode");
    char buf[16];
    int64_t f = -1;
    oy_timecode_format(buf, 86401, fps24);
    CHECK(!strcmp(buf, "01:00:00:01"), "frame 86401 at 24 is 01:00:00:01 (%s)", buf);
    oy_timecode_format(buf, 47, fps2398);
    CHECK(!strcmp(buf, "00:00:01:23"), "nominal 24 at 23.976 (%s)", buf);
    oy_timecode_format(buf, 24 * 86400 + 5, fps24);
    CHECK(!strcmp(buf, "00:00:00:05"), "wraps at 24 h (%s)", buf);
    CHECK(oy_timecode_parse("01:00:00:00", fps2398, &f) == 0 && f == 86400,
          "01:00:00:00 at 23.976 is frame 86400");
    CHECK(oy_timecode_parse("00:00:10:12", fps24, &f) == 0 && f == 252, "frame 252");
    CHECK(oy_timecode_parse("10s", fps24, &f) < 0, "a plain time is not a timecode");
}

static void test_size_fps_clock(void)
{
    int w = 0, h = 0;
    oy_rational r = { 0, 0 };
    double hours = -1;

    CHECK_GROUP("size_parse");
    CHECK(oy_size_parse("480p", &w, &h) == 0 && w == 854 && h == 480, "480p");
    CHECK(oy_size_parse("720p", &w, &h) == 0 && w == 1280 && h == 720, "720p");
    CHECK(oy_size_parse("1080p", &w, &h) == 0 && w == 1920 && h == 1080, "1080p");
    CHECK(oy_size_parse("2160p", &w, &h) == 0 && w == 3840 && h == 2160, "2160p");
    CHECK(oy_size_parse("640x360", &w, &h) == 0 && w == 640 && h == 360, "WxH");
    CHECK(oy_size_parse("16x16", &w, &h) == 0 && w == 16 && h == 16, "smallest");
    CHECK(oy_size_parse("7680x4320", &w, &h) == 0 && w == 7680 && h == 4320, "largest");
    static const char *const bad_sizes[] = {
        "99999x99999", "99x", "x99", "15x16", "18x15", "17x16", "16x17", "7682x4320",
        "7680x4322", "0x0", "-16x16", "1920x1080 ", "1080", "4k", "1920*1080", "",
        "99999999999999999999x16",
    };
    for (size_t i = 0; i < sizeof bad_sizes / sizeof *bad_sizes; i++) {
        w = h = 7;
        CHECK(oy_size_parse(bad_sizes[i], &w, &h) == OYSTER_E_INPUT && w == 7 && h == 7,
              "size '%s' rejected", bad_sizes[i]);
    }

    CHECK_GROUP("fps_parse");
    CHECK(oy_fps_parse("24", &r) == 0 && r.num == 24 && r.den == 1, "24");
    CHECK(oy_fps_parse("24000/1001", &r) == 0 && r.num == 24000 && r.den == 1001, "N/D");
    CHECK(oy_fps_parse("48/2", &r) == 0 && r.num == 24 && r.den == 1, "reduced");
    CHECK(oy_fps_parse("29.97", &r) == 0 && r.num == 30000 && r.den == 1001, "29.97");
    CHECK(oy_fps_parse("1", &r) == 0 && r.num == 1, "1 fps");
    CHECK(oy_fps_parse("120", &r) == 0 && r.num == 120, "120 fps");
    static const char *const bad_fps[] = {
        "0", "121", "121/1", "1/0", "1/2", "24.5", "abc", "-24", "24/", "/24",
        "24/1/1", "", "nan", "99999999999/1",
    };
    for (size_t i = 0; i < sizeof bad_fps / sizeof *bad_fps; i++)
        CHECK(oy_fps_parse(bad_fps[i], &r) == OYSTER_E_INPUT, "fps '%s' rejected", bad_fps[i]);

    CHECK_GROUP("clock_parse");
    CHECK(oy_clock_parse("16:30", &hours) == 0 && hours == 16.5, "16:30");
    CHECK(oy_clock_parse("0:00", &hours) == 0 && hours == 0, "0:00");
    CHECK(oy_clock_parse("24:00", &hours) == 0 && hours == 24, "24:00");
    CHECK(oy_clock_parse("06:15:36", &hours) == 0 && fabs(hours - 6.26) < 1e-12, "HH:MM:SS");
    CHECK(oy_clock_parse("6.5", &hours) == 0 && hours == 6.5, "hours as a number");
    static const char *const bad_clock[] = {
        "24:01", "25", "16:3", "16:60", "-1", "123:00", "16:30:5", "noon", "", "nan",
    };
    for (size_t i = 0; i < sizeof bad_clock / sizeof *bad_clock; i++)
        CHECK(oy_clock_parse(bad_clock[i], &hours) == OYSTER_E_INPUT,
              "clock '%s' rejected", bad_clock[i]);
}

int main(void)
{
    test_time_forms();
    test_frames();
    test_size_fps_clock();
    return CHECK_DONE();
}
