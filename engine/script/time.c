/*
 * time.c - the value forms of the shot script that are more than a number:
 * TIME (oyster-shot(5) TIME VALUES), frame sizes, frame rates, times of day and SMPTE
 * timecode, plus the exact frame/sample arithmetic that keeps audio and
 * video aligned. Numbers are parsed here by hand (long ones with strtod in
 * the C locale) so that a locale set by the program cannot change how
 * "1.5" reads.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Digits only, no sign, value <= max. Returns characters read, 0 on error. */
static size_t parse_uint(const char *s, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    size_t i = 0;

    for (; is_digit((unsigned char)s[i]); i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (max - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    if (i)
        *out = v;
    return i;
}

static double pow10i(int e)
{
    double r = 1.0, b = 10.0;
    unsigned n = (unsigned)(e < 0 ? -e : e);

    for (; n; n >>= 1, b *= b)
        if (n & 1)
            r *= b;
    return e < 0 ? 1.0 / r : r;
}

/* A C-locale strtod of the n validated characters at s: correctly
 * rounded for any number of digits, whatever locale the program set; NAN
 * when there is no C locale (or no memory). */
static double c_strtod(const char *s, size_t n)
{
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    char *t = c ? oy_strndup(s, n) : NULL;
    double v = t ? strtod_l(t, NULL, c) : NAN;

    free(t);
    if (c)
        freelocale(c);
    return v;
}

/* [+-]digits[.digits][e[+-]digits], whole string. The digits are collected
 * as an integer; one of at most 2^53 with a power of ten up to 10^22 is
 * scaled once, a single correct rounding; others (such as the 17
 * significant digits of %.17g, which must read back as the double that
 * was written) go to c_strtod. */
static int parse_decimal(const char *s, size_t *used, double *out)
{
    const char *p = s;
    uint64_t mant = 0;
    int exp10 = 0, ndig = 0, neg = *s == '-', signed_ = neg || *s == '+', dropped = 0;
    double v;

    p += signed_;
    for (; is_digit((unsigned char)*p); p++, ndig++) {
        if (mant < 100000000000000000ull)
            mant = mant * 10 + (uint64_t)(*p - '0');
        else
            exp10++, dropped = 1;
    }
    if (*p == '.') {
        if (!is_digit((unsigned char)p[1]))
            return OYSTER_E_INPUT;   /* "1." is a typo more often than a number */
        p++;
        for (; is_digit((unsigned char)*p); p++, ndig++) {
            if (mant < 100000000000000000ull) {
                mant = mant * 10 + (uint64_t)(*p - '0');
                exp10--;
            } else {
                dropped = 1;
            }
        }
    }
    if (!ndig)
        return OYSTER_E_INPUT;
    if (*p == 'e' || *p == 'E') {
        int eneg = 0, e = 0, nd = 0;
        p++;
        if (*p == '+' || *p == '-')
            eneg = *p++ == '-';
        for (; is_digit((unsigned char)*p); p++, nd++)
            if (e < 10000)
                e = e * 10 + (*p - '0');
        if (!nd)
            return OYSTER_E_INPUT;
        exp10 += eneg ? -e : e;
    }
    if (exp10 > 300 || exp10 < -300)
        return OYSTER_E_INPUT;
    /* a mantissa and a power of ten that are both exact doubles: one
     * rounding, the correct one */
    if (!dropped && mant <= (1ull << 53) && exp10 >= -22 && exp10 <= 22)
        v = exp10 < 0 ? (double)mant / pow10i(-exp10) : (double)mant * pow10i(exp10);
    else if (isnan(v = c_strtod(s + signed_, (size_t)(p - s) - signed_)))
        return OYSTER_E_NOMEM;
    *out = neg ? -v : v;
    *used = (size_t)(p - s);
    return 0;
}

int oy_script_number(const char *text, double *out)
{
    size_t used;
    double v;

    if (parse_decimal(text, &used, &v) < 0 || text[used] || !isfinite(v))
        return OYSTER_E_INPUT;
    *out = v;
    return 0;
}

int oy_script_uint64(const char *text, uint64_t *out)
{
    uint64_t v;
    size_t n = parse_uint(text, UINT64_MAX, &v);

    if (!n || text[n])
        return OYSTER_E_INPUT;
    *out = v;
    return 0;
}

/* An unsigned decimal number with nothing after it, or OYSTER_E_INPUT. */
static int parse_unsigned(const char *text, size_t len, double *out)
{
    size_t used;
    double v;

    if (!len || text[0] == '+' || text[0] == '-' ||
        parse_decimal(text, &used, &v) < 0 || used != len)
        return OYSTER_E_INPUT;
    *out = v;
    return 0;
}

/* "SS(.fff)": two digits below 60 and an optional fraction. */
static int parse_seconds_field(const char *s, double *out)
{
    double v;

    if (!is_digit((unsigned char)s[0]) || !is_digit((unsigned char)s[1]) ||
        (s[2] && s[2] != '.') || (s[2] == '.' && !is_digit((unsigned char)s[3])))
        return OYSTER_E_INPUT;
    if (parse_unsigned(s, strlen(s), &v) < 0 || v >= 60.0)
        return OYSTER_E_INPUT;
    *out = v;
    return 0;
}

/* Colon-separated fields: "m:ss(.fff)", "h:mm:ss(.fff)" or SMPTE. */
static int parse_clock_form(const char *text, oy_rational fps, double *seconds)
{
    uint64_t f[4];
    const char *p = text;
    int n = 0;

    for (;;) {
        size_t k = parse_uint(p, 1000000000, &f[n]);
        if (!k || (n > 0 && k != 2))
            return OYSTER_E_INPUT;
        p += k;
        n++;
        if (*p != ':' || n == 4)
            break;
        p++;
    }
    if (n == 4) {   /* HH:MM:SS:FF at the nominal (integer) rate */
        uint64_t nominal = (uint64_t)((fps.num + fps.den - 1) / fps.den);
        if (*p || f[1] > 59 || f[2] > 59 || f[3] >= nominal)
            return OYSTER_E_INPUT;
        *seconds = (double)(((f[0] * 60 + f[1]) * 60 + f[2]) * nominal + f[3]) *
                   fps.den / fps.num;
        return 0;
    }
    if (n < 2)
        return OYSTER_E_INPUT;
    /* the last field read was minutes (n == 2) or seconds (n == 3) */
    {
        const char *sec = p - 2;
        double s;
        if (parse_seconds_field(sec, &s) < 0)
            return OYSTER_E_INPUT;
        if (n == 2)
            *seconds = (double)f[0] * 60.0 + s;
        else if (f[1] > 59)
            return OYSTER_E_INPUT;
        else
            *seconds = ((double)f[0] * 60.0 + (double)f[1]) * 60.0 + s;
    }
    return 0;
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len > n && !memcmp(s + len - n, suffix, n);
}

int oy_time_parse(const char *text, oy_rational fps, double *seconds)
{
    size_t len = strlen(text);
    double v;
    uint64_t frames;

    if (fps.num <= 0 || fps.den <= 0)
        return OYSTER_E_INPUT;
    if (strchr(text, ':'))
        return parse_clock_form(text, fps, seconds);
    if (ends_with(text, len, "ms")) {
        if (parse_unsigned(text, len - 2, &v) < 0)
            return OYSTER_E_INPUT;
        v /= 1000.0;
    } else if (ends_with(text, len, "s")) {
        if (parse_unsigned(text, len - 1, &v) < 0)
            return OYSTER_E_INPUT;
    } else if (ends_with(text, len, "m")) {
        if (parse_unsigned(text, len - 1, &v) < 0)
            return OYSTER_E_INPUT;
        v *= 60.0;
    } else if (ends_with(text, len, "f")) {
        if (parse_uint(text, (uint64_t)1 << 40, &frames) != len - 1)
            return OYSTER_E_INPUT;
        v = (double)frames * fps.den / fps.num;
    } else if (parse_unsigned(text, len, &v) < 0) {
        return OYSTER_E_INPUT;
    }
    if (!isfinite(v) || v > 1e12)
        return OYSTER_E_INPUT;
    *seconds = v;
    return 0;
}

int64_t oy_time_to_frame(double seconds, oy_rational fps)
{
    double x = seconds * fps.num / fps.den;
    double r = nearbyint(x);

    /* 0.1 s at 30 fps is 3.0000000000000004 frames: that is frame 3 */
    if (fabs(x - r) < 1e-6)
        return (int64_t)r;
    return (int64_t)ceil(x);
}

void oy_timecode_format(char *buf, int64_t frame, oy_rational fps)
{
    int64_t nominal = ((int64_t)fps.num + fps.den - 1) / fps.den;
    int64_t day = nominal * 86400, f;

    if (nominal < 1)
        nominal = 1, day = 86400;
    f = ((frame % day) + day) % day;   /* timecode wraps at 24 h */
    snprintf(buf, 16, "%02d:%02d:%02d:%02d", (int)(f / (nominal * 3600)),
             (int)(f / (nominal * 60) % 60), (int)(f / nominal % 60),
             (int)(f % nominal));
}

int oy_size_parse(const char *text, int *w, int *h)
{
    static const struct { const char *name; int w, h; } presets[] = {
        { "480p", 854, 480 }, { "720p", 1280, 720 },
        { "1080p", 1920, 1080 }, { "2160p", 3840, 2160 },
    };
    uint64_t a, b;
    size_t n, m;

    for (size_t i = 0; i < sizeof presets / sizeof *presets; i++) {
        if (!strcmp(text, presets[i].name)) {
            *w = presets[i].w;
            *h = presets[i].h;
            return 0;
        }
    }
    n = parse_uint(text, 100000, &a);
    if (!n || (text[n] != 'x' && text[n] != 'X'))
        return OYSTER_E_INPUT;
    m = parse_uint(text + n + 1, 100000, &b);
    if (!m || text[n + 1 + m])
        return OYSTER_E_INPUT;
    if (a < 16 || a > 7680 || b < 16 || b > 4320 || (a & 1) || (b & 1))
        return OYSTER_E_INPUT;
    *w = (int)a;
    *h = (int)b;
    return 0;
}

int oy_fps_parse(const char *text, oy_rational *fps)
{
    /* the NTSC rates people write as decimals */
    static const struct { const char *name; int num; } ntsc[] = {
        { "23.976", 24000 }, { "29.97", 30000 }, { "47.952", 48000 },
        { "59.94", 60000 }, { "119.88", 120000 },
    };
    uint64_t num, den = 1, g;
    size_t n;

    for (size_t i = 0; i < sizeof ntsc / sizeof *ntsc; i++) {
        if (!strcmp(text, ntsc[i].name)) {
            fps->num = ntsc[i].num;
            fps->den = 1001;
            return 0;
        }
    }
    n = parse_uint(text, INT32_MAX, &num);
    if (!n)
        return OYSTER_E_INPUT;
    if (text[n] == '/') {
        size_t m = parse_uint(text + n + 1, INT32_MAX, &den);
        if (!m || text[n + 1 + m])
            return OYSTER_E_INPUT;
    } else if (text[n]) {
        return OYSTER_E_INPUT;
    }
    if (!den || num < den || num > 120 * den)
        return OYSTER_E_INPUT;
    g = oy_gcd(num, den);
    fps->num = (int)(num / g);
    fps->den = (int)(den / g);
    return 0;
}

int oy_clock_parse(const char *text, double *hours)
{
    uint64_t h, m, s = 0;
    size_t n;
    double v;

    if (!strchr(text, ':')) {
        if (parse_unsigned(text, strlen(text), &v) < 0 || v > 24.0)
            return OYSTER_E_INPUT;
        *hours = v;
        return 0;
    }
    n = parse_uint(text, 99, &h);
    if (!n || n > 2 || text[n] != ':')
        return OYSTER_E_INPUT;
    text += n + 1;
    if (parse_uint(text, 99, &m) != 2 || m > 59)
        return OYSTER_E_INPUT;
    text += 2;
    if (*text == ':') {
        if (parse_uint(text + 1, 99, &s) != 2 || s > 59 || text[3])
            return OYSTER_E_INPUT;
    } else if (*text) {
        return OYSTER_E_INPUT;
    }
    v = (double)h + (double)m / 60.0 + (double)s / 3600.0;
    if (v > 24.0)
        return OYSTER_E_INPUT;
    *hours = v;
    return 0;
}

int oy_timecode_parse(const char *text, oy_rational fps, int64_t *frame)
{
    int colons = 0;
    double seconds;

    for (const char *p = text; *p; p++)
        colons += *p == ':';
    if (colons != 3 || oy_time_parse(text, fps, &seconds) < 0)
        return OYSTER_E_INPUT;
    *frame = llround(seconds * fps.num / fps.den);
    return 0;
}

int64_t oy_frame_first_sample(int64_t n, oy_rational fps)
{
    /* n * 48000 * den overflows 64 bits for long shots at odd rates */
    __int128 p = (__int128)n * 48000 * fps.den;
    __int128 q = p / fps.num;

    if (p % fps.num && p < 0)
        q--;   /* floor, not truncation */
    return (int64_t)q;
}
