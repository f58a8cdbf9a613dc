/*
 * post_simd.c - the post row's kernels, one per vector level
 * (post_lanes.h): 4 lanes of SSE2, 8 of AVX2, 16 of AVX-512, each built
 * for its own instructions, and the dispatch to the level in use.
 */
#include <string.h>

#include "render_impl.h"

#define LANES 4
#define POST_ROW post_row_sse2
#define TARGET
#define GATHER(lut, at) ((vf4){ (lut)[(at)[0]], (lut)[(at)[1]], (lut)[(at)[2]], (lut)[(at)[3]] })
#include "post_lanes.h"
#undef LANES
#undef POST_ROW
#undef TARGET
#undef GATHER

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#define LANES 8
#define POST_ROW post_row_avx2
#define TARGET __attribute__((target("avx2")))
#define GATHER(lut, at) ((vf8)_mm256_i32gather_ps((lut), (__m256i)(at), 4))
#include "post_lanes.h"
#undef LANES
#undef POST_ROW
#undef TARGET
#undef GATHER

#define LANES 16
#define POST_ROW post_row_avx512
#define TARGET __attribute__((target("avx512f")))
#define GATHER(lut, at) ((vf16)_mm512_i32gather_ps((__m512i)(at), (lut), 4))
#include "post_lanes.h"
#undef LANES
#undef POST_ROW
#undef TARGET
#undef GATHER
#else
#define post_row_avx2 post_row_sse2
#define post_row_avx512 post_row_sse2
#endif

void oy_post_row_at(int level, const oy_post *p, const float *in, int x0, int x1, int y, uint8_t *out)
{
    switch (level) {
    case OY_CPU_AVX512: post_row_avx512(p, in, x0, x1, y, out); break;
    case OY_CPU_AVX2: post_row_avx2(p, in, x0, x1, y, out); break;
    default: post_row_sse2(p, in, x0, x1, y, out); break;
    }
}

void oy_post_row(const oy_post *p, const float *in, int x0, int x1, int y, uint8_t *out)
{
    oy_post_row_at(oy_cpu_level(), p, in, x0, x1, y, out);
}
