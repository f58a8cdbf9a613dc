/*
 * loudness.c - an EBU R128 / ITU-R BS.1770-4 meter: K-weighting (the
 * standard's two biquads for 48 kHz), 400 ms blocks overlapping by 75 %,
 * an absolute gate at -70 LUFS and a relative gate 10 LU below the
 * ungated mean. Block energies go into 0.1 LU histogram bins so memory does
 * not grow with the length measured. True peak is measured on a 4x
 * oversampled signal (windowed-sinc interpolation), which the limiter
 * shares.
 */
#include <pthread.h>
#include <string.h>

#include "audio.h"

#define SUBBLOCK 4800            /* 100 ms */
#define TAPS 16

static float tp_coef[3][TAPS];
static pthread_once_t tp_once = PTHREAD_ONCE_INIT;

static void tp_init(void)
{
    for (int p = 0; p < 3; p++) {
        double frac = (p + 1) * 0.25;
        for (int k = 0; k < TAPS; k++) {
            double x = (k - 7) - frac;   /* tap offset from the interpolated point */
            double s = x == 0.0 ? 1.0 : oy_sin(OY_PI * x) / (OY_PI * x);
            double u = (x + 8.0) / 16.0; /* Blackman window over 16 samples */
            double w = 0.42 - 0.5 * oy_cos(2.0 * OY_PI * u) + 0.08 * oy_cos(4.0 * OY_PI * u);
            tp_coef[p][k] = (float)(s * w);
        }
    }
}

float oy_true_peak_between(const float *x, int stride)
{
    float m = 0.0f;
    pthread_once(&tp_once, tp_init);
    for (int p = 0; p < 3; p++) {
        float v = 0.0f;
        for (int k = 0; k < TAPS; k++)
            v += tp_coef[p][k] * x[(k - 7) * stride];
        v = fabsf(v);
        m = v > m ? v : m;
    }
    return m;
}

void oy_r128_init(oy_r128 *m)
{
    memset(m, 0, sizeof(*m));
    pthread_once(&tp_once, tp_init);
}

void oy_r128_gap(oy_r128 *m)
{
    m->nsub = 0;
    m->acc = 0.0;
    m->acc_n = 0;
}

/* 10 log10(e) with core's logarithm: the master gain comes from here */
static double db10(double e)
{
    return 10.0 * (double)oy_logf((float)e) / 2.302585092994046;
}

static void add_block(oy_r128 *m, double e)
{
    double l;
    int bin;
    if (e <= 0.0)
        return;
    l = -0.691 + db10(e);
    if (l < -70.0)
        return;
    bin = (int)((l + 70.0) * 10.0);
    if (bin >= OY_R128_BINS)
        bin = OY_R128_BINS - 1;
    m->count[bin]++;
    m->energy[bin] += e;
}

/* K-weighting: high shelf then the RLB high-pass (BS.1770-4, 48 kHz). */
static double kweight(double *z, double x)
{
    static const double b1[3] = { 1.53512485958697, -2.69169618940638, 1.19839281085285 };
    static const double a1[2] = { -1.69065929318241, 0.73248077421585 };
    static const double a2[2] = { -1.99004745483398, 0.99007225036621 };
    double y = b1[0] * x + z[0];
    double w;
    z[0] = b1[1] * x - a1[0] * y + z[1];
    z[1] = b1[2] * x - a1[1] * y;
    w = y + z[2];
    z[2] = -2.0 * y - a2[0] * w + z[3];
    z[3] = y - a2[1] * w;
    return w;
}

void oy_r128_add(oy_r128 *m, const float *lr, int n)
{
    for (int i = 0; i < n; i++) {
        for (int c = 0; c < 2; c++) {
            float x = lr[2 * i + c];
            double y = kweight(m->k[c], x);
            float *h = m->hist[c];
            m->acc += y * y;
            /* each sample is stored twice so the last 16 are contiguous */
            h[m->hpos] = h[m->hpos + 16] = x;
            if (fabsf(x) > m->peak)
                m->peak = fabsf(x);
        }
        m->hpos = (m->hpos + 1) % 16;
        for (int c = 0; c < 2; c++) {
            /* between the samples 8 and 7 back, from the 16 in a row */
            float v = oy_true_peak_between(m->hist[c] + m->hpos + 7, 1);
            if (v > m->peak)
                m->peak = v;
        }
        if (++m->acc_n == SUBBLOCK) {
            double e = m->acc / SUBBLOCK;
            if (m->nsub >= 3)
                add_block(m, (m->sub[0] + m->sub[1] + m->sub[2] + e) / 4.0);
            m->sub[0] = m->sub[1];
            m->sub[1] = m->sub[2];
            m->sub[2] = e;
            m->nsub++;
            m->acc = 0.0;
            m->acc_n = 0;
        }
    }
}

double oy_r128_integrated(const oy_r128 *m)
{
    double sum = 0.0, rel, gated = 0.0;
    uint64_t n = 0, gn = 0;
    int rbin;

    for (int i = 0; i < OY_R128_BINS; i++) {
        sum += m->energy[i];
        n += m->count[i];
    }
    if (!n)
        return -HUGE_VAL;
    rel = -0.691 + db10(sum / (double)n) - 10.0;
    /* bins wholly at or above the relative gate; the bin holding the gate
     * is counted from its lower edge, within 0.1 LU */
    rbin = (int)floor((rel + 70.0) * 10.0);
    for (int i = rbin < 0 ? 0 : rbin; i < OY_R128_BINS; i++) {
        gated += m->energy[i];
        gn += m->count[i];
    }
    if (!gn)
        return -HUGE_VAL;
    return -0.691 + db10(gated / (double)gn);
}

double oy_r128_true_peak_db(const oy_r128 *m)
{
    return m->peak > 0.0 ? 2.0 * db10(m->peak) : -HUGE_VAL;
}
