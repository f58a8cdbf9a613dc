/*
 * math.c - oyster's own elementary functions. glibc chooses libm code paths
 * by CPU at load time, so values that reach pixels or samples are computed
 * here with fixed polynomials in double precision: the same bits on every
 * x86-64 machine (docs/architecture.md, "Rules every change keeps"). Accuracy is ~1e-7 relative in float, ~1e-13
 * for the double versions over the ranges oyster uses.
 */
#include <math.h>

#include "core.h"

#define LN2 0.69314718055994530942
#define PI_2 1.57079632679489661923

/* e^r for |r| <= ln2/2, Taylor to degree 13 (error < 1e-16) */
static double exp_small(double r)
{
    double p = 1.0 / 6227020800.0;
    static const double inv_fact[] = {
        1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
        1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0,
        1.0 / 6.0, 0.5, 1.0, 1.0
    };
    for (int i = 0; i < 13; i++)
        p = p * r + inv_fact[i];
    return p;
}

double oy_exp(double x)
{
    double k, r;
    if (x != x)
        return x;
    if (x > 709.0)
        return HUGE_VAL;
    if (x < -745.0)
        return 0.0;
    k = floor(x / LN2 + 0.5);
    /* Cody-Waite: ln2 split so k*LN2_HI is exact */
    r = (x - k * 0.693145751953125) - k * 1.42860682030941723212e-6;
    return ldexp(exp_small(r), (int)k);
}

float oy_expf(float x) { return (float)oy_exp(x); }

static double log_d(double x)
{
    int e;
    double m, s, s2, p;
    if (!(x > 0.0))
        return x == 0.0 ? -HUGE_VAL : NAN;
    if (isinf(x))
        return x;
    m = frexp(x, &e);            /* x = m * 2^e, m in [0.5, 1) */
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e--;
    }
    s = (m - 1.0) / (m + 1.0);   /* |s| <= 0.1716 */
    s2 = s * s;
    p = 1.0 / 19.0;
    for (int k = 17; k >= 1; k -= 2)
        p = p * s2 + 1.0 / k;
    return 2.0 * s * p + e * LN2;
}

float oy_logf(float x) { return (float)log_d(x); }

float oy_powf(float x, float y)
{
    if (x <= 0.0f)
        return x == 0.0f ? (y > 0.0f ? 0.0f : HUGE_VALF) : NAN;
    return (float)oy_exp((double)y * log_d(x));
}

/* sin and cos on |r| <= pi/4 */
static double sin_small(double r)
{
    double r2 = r * r, p = -1.0 / 1307674368000.0;
    static const double c[] = { 1.0 / 6227020800.0, -1.0 / 39916800.0,
        1.0 / 362880.0, -1.0 / 5040.0, 1.0 / 120.0, -1.0 / 6.0, 1.0 };
    for (int i = 0; i < 7; i++)
        p = p * r2 + c[i];
    return p * r;
}

static double cos_small(double r)
{
    double r2 = r * r, p = 1.0 / 20922789888000.0;
    static const double c[] = { -1.0 / 87178291200.0, 1.0 / 479001600.0,
        -1.0 / 3628800.0, 1.0 / 40320.0, -1.0 / 720.0, 1.0 / 24.0, -0.5, 1.0 };
    for (int i = 0; i < 8; i++)
        p = p * r2 + c[i];
    return p;
}

/* x = q*pi/2 + r with |r| <= pi/4; three-part pi/2 for large |x| */
static double reduce(double x, long *q)
{
    double k = floor(x / PI_2 + 0.5);
    *q = (long)fmod(k, 4.0);
    if (*q < 0)
        *q += 4;
    return ((x - k * 1.5707963267341256) - k * 6.077100506506192e-11)
           - k * 2.0222662487959506e-21;
}

double oy_sin(double x)
{
    long q;
    double r = reduce(x, &q);
    switch (q) {
    case 0: return sin_small(r);
    case 1: return cos_small(r);
    case 2: return -sin_small(r);
    default: return -cos_small(r);
    }
}

double oy_cos(double x)
{
    long q;
    double r = reduce(x, &q);
    switch (q) {
    case 0: return cos_small(r);
    case 1: return -sin_small(r);
    case 2: return -cos_small(r);
    default: return sin_small(r);
    }
}

float oy_sinf(float x) { return (float)oy_sin(x); }
float oy_cosf(float x) { return (float)oy_cos(x); }
float oy_tanf(float x) { return (float)(oy_sin(x) / oy_cos(x)); }

static double atan_d(double x)
{
    int neg = x < 0, inv = 0, shift = 0;
    double a, x2, p;
    if (neg)
        x = -x;
    if (x > 1.0) {
        x = 1.0 / x;
        inv = 1;
    }
    if (x > 0.26794919243112270) {            /* tan(pi/12) */
        x = (x * 1.73205080756887729 - 1.0) / (x + 1.73205080756887729);
        shift = 1;
    }
    x2 = x * x;                               /* |x| <= 0.268: series converges fast */
    p = 1.0 / 25.0;
    for (int k = 23; k >= 1; k -= 2)
        p = p * -x2 + 1.0 / k;                /* alternating */
    a = x * p;
    if (shift)
        a += 0.52359877559829887308;          /* pi/6 */
    if (inv)
        a = PI_2 - a;
    return neg ? -a : a;
}

float oy_atanf(float x) { return (float)atan_d(x); }

float oy_atan2f(float y, float x)
{
    double a;
    if (x == 0.0f)
        return y > 0 ? (float)PI_2 : y < 0 ? (float)-PI_2 : 0.0f;
    a = atan_d((double)y / x);
    if (x < 0)
        a += y >= 0 ? OY_PI : -OY_PI;
    return (float)a;
}

float oy_asinf(float x)
{
    x = oy_clampf(x, -1.0f, 1.0f);
    return oy_atan2f(x, sqrtf(1.0f - x * x));
}

float oy_acosf(float x)
{
    x = oy_clampf(x, -1.0f, 1.0f);
    return oy_atan2f(sqrtf(1.0f - x * x), x);
}

oy_v3 oy_v3_normalize(oy_v3 a)
{
    float l = sqrtf(oy_v3_dot(a, a));
    return l > 0.0f ? oy_v3_scale(a, 1.0f / l) : a;
}
