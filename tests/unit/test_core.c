/*
 * test_core.c - core: pinned hash outputs (randomness must never change by
 * accident), accuracy of the deterministic math, edit distance, arena and
 * the thread pool's coverage of tasks.
 */
#include <math.h>
#include <stdio.h>

#include "core/core.h"
#include "check.h"

static int hits[1000];
static void mark(void *arg, int task, int thread) { (void)arg; (void)thread; hits[task]++; }

int main(void)
{
    CHECK_GROUP("hash");
    CHECK(oy_mix64(0) == 0, "mix64(0) is 0");
    CHECK(oy_mix64(1) == 0x5692161d100b05e5ULL, "mix64(1) pinned (%016llx)",
          (unsigned long long)oy_mix64(1));
    CHECK(oy_hash(7, 1, 2, 3, 4) == oy_hash(7, 1, 2, 3, 4), "hash is a function");
    CHECK(oy_hash(7, 1, 2, 3, 4) != oy_hash(8, 1, 2, 3, 4), "seed changes hash");
    CHECK(oy_hash(0, 0, 0, 0, 0) == 0xe2ef66c24ae2ca36ULL, "hash(0,0,0,0,0) pinned (%016llx)",
          (unsigned long long)oy_hash(0, 0, 0, 0, 0));
    CHECK(oy_hash(42, OY_STREAM_TERRAIN, 10, 20, 30) == 0x3d669b94e2d36754ULL,
          "hash(42,terrain,10,20,30) pinned (%016llx)",
          (unsigned long long)oy_hash(42, OY_STREAM_TERRAIN, 10, 20, 30));
    CHECK(oy_crc32(0, "123456789", 9) == 0xcbf43926u, "crc32 check value");
    {
        double sum = 0;
        for (int i = 0; i < 10000; i++)
            sum += oy_u01(oy_hash(1, 2, (uint64_t)i, 0, 0));
        CHECK(fabs(sum / 10000 - 0.5) < 0.01, "u01 mean %.4f", sum / 10000);
    }

    CHECK_GROUP("math");
    {
        double e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0;
        for (int i = -2000; i <= 2000; i++) {
            double x = i * 0.01;
            double ax = fabs(sin(x) - oy_sin(x));
            if (ax > e1) e1 = ax;
            ax = fabs(cos(x) - oy_cos(x));
            if (ax > e1) e1 = ax;
            ax = fabs(exp(x / 2) - oy_exp(x / 2)) / exp(x / 2);
            if (ax > e2) e2 = ax;
            ax = fabs(atan(x) - oy_atanf((float)x));
            if (ax > e3) e3 = ax;
            if (x > 0) {
                ax = fabs(log(x) - oy_logf((float)x));
                if (ax > e4) e4 = ax;
                ax = fabs(pow(x, 2.2) - oy_powf((float)x, 2.2f)) / pow(x, 2.2);
                if (ax > e5) e5 = ax;
            }
        }
        CHECK(e1 < 1e-12, "sin/cos error %.3g", e1);
        CHECK(e2 < 1e-14, "exp relative error %.3g", e2);
        CHECK(e3 < 1e-6, "atan error %.3g", e3);
        CHECK(e4 < 1e-6, "log error %.3g", e4);
        CHECK(e5 < 2e-6, "pow relative error %.3g", e5);
        CHECK(fabs(oy_atan2f(-1, -1) + 3 * OY_PI / 4) < 1e-6, "atan2 third quadrant");
        CHECK(fabs(oy_acosf(0.5f) - OY_PI / 3) < 1e-6, "acos(0.5)");
        CHECK(fabs(oy_sin(1000.0) - sin(1000.0)) < 1e-12, "sin large argument");
    }

    CHECK_GROUP("text");
    CHECK(oy_edit_distance("duraton", "duration", 3) == 1, "edit distance 1");
    CHECK(oy_edit_distance("dragon", "wagon", 3) == 2, "edit distance 2");
    CHECK(oy_edit_distance("abc", "xyzxyz", 2) == 3, "edit distance capped");

    CHECK_GROUP("arena");
    {
        oy_arena a;
        CHECK(oy_arena_init(&a, 1000) == 0, "arena init");
        void *p1 = oy_arena_alloc(&a, 10), *p2 = oy_arena_alloc(&a, 10);
        CHECK(p1 && p2 && ((uintptr_t)p2 & 31) == 0, "aligned allocations");
        CHECK(oy_arena_alloc(&a, 2000) == NULL, "overflow refused");
        oy_arena_reset(&a);
        CHECK(oy_arena_alloc(&a, 10) == p1, "reset reuses");
        oy_arena_release(&a);
    }

    CHECK_GROUP("pool");
    for (int t = 1; t <= 4; t++) {
        oy_pool *p;
        int ok = 1;
        CHECK(oy_pool_new(&p, t) == 0, "pool of %d", t);
        for (int rep = 0; rep < 50; rep++) {
            for (int i = 0; i < 1000; i++) hits[i] = 0;
            oy_pool_run(p, 1000, mark, NULL);
            for (int i = 0; i < 1000; i++) if (hits[i] != 1) ok = 0;
        }
        CHECK(ok, "every task runs exactly once with %d threads", t);
        oy_pool_free(&p);
        CHECK(p == NULL, "free nulls the pointer");
    }
    return CHECK_DONE();
}
