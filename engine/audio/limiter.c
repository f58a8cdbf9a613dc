/*
 * limiter.c - the true-peak limiter at the end of the mix. For each sample
 * the gain needed to keep the 4x-oversampled peak under the ceiling is
 * taken; a forward sliding minimum over the lookahead window, an
 * exponential release and a moving average of the window's length give a
 * smooth gain that is at or under the needed gain at every peak (each
 * averaged value is a minimum over a window holding the peak). It works on
 * a whole region from a fixed pre-roll, so its output depends only on
 * where the region is.
 */
#include <stdlib.h>

#include "audio.h"

#define WIN 48                    /* lookahead, 1 ms */
#define RELEASE_S 0.08

int oy_limit(const float *x, int lead, int n, float ceiling, float *y)
{
    int total = lead + n + OY_LIMITER_TAIL, head = 0, tail = 0;
    float *greq = oy_malloc(sizeof(float) * (size_t)total * 2);
    float *env = greq + total;
    int dq[WIN + 1];
    double sum = 0.0;
    float e = 1.0f, rel = 1.0f - oy_expf(-1.0f / (float)(RELEASE_S * OY_SAMPLE_RATE));

    if (!greq)
        return OYSTER_E_NOMEM;
    for (int i = 0; i < total; i++) {
        float p = 0.0f;
        if (i >= 8 && i < total - 8)
            for (int c = 0; c < 2; c++) {
                float v = fmaxf(fabsf(x[2 * i + c]), oy_true_peak_between(x + 2 * i + c, 2));
                p = v > p ? v : p;
            }
        greq[i] = p > ceiling ? ceiling / p : 1.0f;
    }
    /* env[i] = min(greq[i .. i + WIN - 1]) with release, via a monotone deque */
    for (int j = 0; j < total; j++) {
        while (tail > head && greq[dq[(tail - 1) % (WIN + 1)]] >= greq[j])
            tail--;
        dq[tail % (WIN + 1)] = j;
        tail++;
        if (j >= WIN - 1) {
            int i = j - WIN + 1;
            float h;
            while (dq[head % (WIN + 1)] < i)
                head++;
            h = greq[dq[head % (WIN + 1)]];
            e = e + (1.0f - e) * rel;
            e = h < e ? h : e;
            env[i] = e;
        }
    }
    for (int i = 0; i < lead + n; i++) {
        sum += env[i] - (i >= WIN ? env[i - WIN] : 1.0f);
        if (i >= lead) {
            float g = (float)((sum + WIN) / WIN);
            y[2 * (i - lead)] = x[2 * i] * g;
            y[2 * (i - lead) + 1] = x[2 * i + 1] * g;
        }
    }
    free(greq);
    return 0;
}
