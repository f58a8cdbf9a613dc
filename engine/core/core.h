/*
 * core - what every module shares: diagnostics, allocation, an arena,
 * deterministic math, counter-based hashing/RNG and a static thread pool.
 */
#ifndef OY_CORE_H
#define OY_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../oyster.h"

/* ---- diagnostics ---- */

typedef struct oy_log {
    oyster_log_fn fn;
    void *opaque;
    int errors;               /* errors reported so far */
    int warnings;
} oy_log;

#define OY_MAX_ERRORS 20

/* Report a message about file:line:col (file may be NULL, line/col 0).
 * Errors past OY_MAX_ERRORS are counted but not passed on. */
void oy_diag(oy_log *log, int level, const char *file, int line, int col,
             const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Invariants that hold by arithmetic (a buffer's size against what is put
 * in it): checked in debug and sanitizer builds, where OY_CHECKED is
 * defined (./configure --enable-debug, make SANITIZE=1), and free in
 * release builds. A failure names the condition and aborts. */
#ifdef OY_CHECKED
#define oy_assert(cond) ((cond) ? (void)0 : oy_assert_fail(#cond, __FILE__, __LINE__))
#else
#define oy_assert(cond) ((void)0)
#endif
_Noreturn void oy_assert_fail(const char *cond, const char *file, int line);

#define oy_error(log, ...) oy_diag((log), OYSTER_ERROR, NULL, 0, 0, NULL, __VA_ARGS__)
#define oy_warn(log, ...)  oy_diag((log), OYSTER_WARNING, NULL, 0, 0, NULL, __VA_ARGS__)
#define oy_info(log, ...)  oy_diag((log), OYSTER_INFO, NULL, 0, 0, NULL, __VA_ARGS__)
#define oy_debug(log, ...) oy_diag((log), OYSTER_DEBUG, NULL, 0, 0, NULL, __VA_ARGS__)

/* A log that puts messages without a line at file:line:col (the script
 * key that named an input file) and passes them on to inner. */
typedef struct oy_log_at {
    oy_log log;
    oy_log *inner;
    const char *file;
    int line, col;
} oy_log_at;
void oy_log_at_init(oy_log_at *a, oy_log *inner, const char *file, int line, int col);

/* 0 when path names a regular file; otherwise reports "cannot read
 * WHAT'PATH': why" (what: "" or a word and a space, e.g. "image ") and
 * returns OYSTER_E_INPUT. Called before an input is opened: opening a
 * FIFO would block. */
int oy_input_file(oy_log *log, const char *what, const char *path);

/* s between double quotes, escaped so that JSON and YAML both read it
 * back as s (quote.c). */
void oy_quote(FILE *f, const char *s);

/* Edit distance (Levenshtein, ASCII case-insensitive), capped at max+1. */
int oy_edit_distance(const char *a, const char *b, int max);

/* ---- allocation ---- */

void *oy_malloc(size_t n);            /* NULL on failure, like malloc */
void *oy_calloc(size_t n, size_t size);
void *oy_realloc_array(void *p, size_t n, size_t size); /* overflow-checked */
char *oy_strdup(const char *s);
char *oy_strndup(const char *s, size_t n);
void oy_freep(void *pp);              /* free(*pp); *pp = NULL */

/* Growable array of elements; cap doubles. Returns 0 or OYSTER_E_NOMEM. */
int oy_grow(void *pp, size_t *cap, size_t need, size_t elem_size);
/* ---- vector instructions (cpu.c) ---- */
enum { OY_CPU_SSE2, OY_CPU_AVX2, OY_CPU_AVX512, OY_CPU_LEVELS };
int oy_cpu_best(void);                /* the widest level this CPU runs */
/* The level OYSTER_CPU's value want names (NULL or empty: the best), or
 * OYSTER_E_INPUT with the reason in msg: not a level, or one this CPU
 * lacks. */
int oy_cpu_wanted(const char *want, char *msg, size_t n);
/* The level the kernels use: OYSTER_CPU's when valid, else the best. */
int oy_cpu_level(void);
const char *oy_cpu_name(int level);

/* Before any CBLAS call: OpenBLAS single-threaded (blas.c). */
void oy_blas_init(void);

/* Bump allocator for per-frame scratch: reset between frames. */
typedef struct oy_arena {
    unsigned char *base;
    size_t size, used;
} oy_arena;
int oy_arena_init(oy_arena *a, size_t size);
void *oy_arena_alloc(oy_arena *a, size_t n);  /* 32-byte aligned; NULL when full */
void oy_arena_reset(oy_arena *a);
void oy_arena_release(oy_arena *a);

/* ---- deterministic math ----
 * Values that reach pixels or samples must not depend on which libm
 * implementation glibc picks for this CPU, so these are oyster's own
 * polynomial approximations (max relative error around 1e-6 for float). */

#define OY_PI 3.14159265358979323846

float oy_expf(float x);
float oy_logf(float x);
float oy_powf(float x, float y);     /* x > 0 */
float oy_sinf(float x);
float oy_cosf(float x);
float oy_tanf(float x);
float oy_atanf(float x);
float oy_atan2f(float y, float x);
float oy_asinf(float x);
float oy_acosf(float x);
double oy_sin(double x);             /* for audio phases; |err| < 1e-12 */
double oy_cos(double x);
double oy_exp(double x);

/* paint.c: the colour c (linear rgb) moved by a colour word's paint p:
 * warmth (-1 blue .. 1 red-orange), tint (-1 green .. 1 magenta), light
 * (-1 black .. 1 white); p all 0 leaves c exactly as it is. */
void oy_paint(float c[3], const float p[3]);

static inline float oy_clampf(float x, float lo, float hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}
static inline float oy_lerpf(float a, float b, float t) { return a + (b - a) * t; }
/* Greatest common divisor (a when b is 0): reduces rationals. */
static inline uint64_t oy_gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}
static inline float oy_smoothstepf(float e0, float e1, float x)
{
    float t = oy_clampf((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

typedef struct oy_v3 { float x, y, z; } oy_v3;

static inline oy_v3 oy_v3_make(float x, float y, float z) { oy_v3 v = { x, y, z }; return v; }
static inline oy_v3 oy_v3_add(oy_v3 a, oy_v3 b) { return oy_v3_make(a.x + b.x, a.y + b.y, a.z + b.z); }
static inline oy_v3 oy_v3_sub(oy_v3 a, oy_v3 b) { return oy_v3_make(a.x - b.x, a.y - b.y, a.z - b.z); }
static inline oy_v3 oy_v3_scale(oy_v3 a, float s) { return oy_v3_make(a.x * s, a.y * s, a.z * s); }
static inline float oy_v3_dot(oy_v3 a, oy_v3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static inline oy_v3 oy_v3_cross(oy_v3 a, oy_v3 b)
{
    return oy_v3_make(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}
oy_v3 oy_v3_normalize(oy_v3 a);      /* zero stays zero */

/* ---- hashing and randomness ----
 * Counter-based: every random value is a hash of (seed, stream, a, b, c).
 * Never rand(), never time, never thread order. The outputs are pinned by
 * tests/unit/test_core.c so they never change by accident. */

uint64_t oy_mix64(uint64_t x);                       /* a strong 64-bit finalizer */
uint64_t oy_hash(uint64_t seed, uint64_t stream, uint64_t a, uint64_t b, uint64_t c);
uint64_t oy_hash_str(uint64_t h, const char *s);     /* FNV-1a then mix */
uint64_t oy_hash_bytes(uint64_t h, const void *p, size_t n);
static inline float oy_u01(uint64_t h) { return (float)(h >> 40) * (1.0f / 16777216.0f); }  /* [0,1) */
static inline double oy_u01d(uint64_t h) { return (double)(h >> 11) * (1.0 / 9007199254740992.0); }

/* Random streams, so that separate uses never share values. */
enum {
    OY_STREAM_TERRAIN = 1, OY_STREAM_BIOME, OY_STREAM_WATER, OY_STREAM_VEGETATION,
    OY_STREAM_ENTITY, OY_STREAM_WEATHER, OY_STREAM_LIGHTNING, OY_STREAM_CAMERA,
    OY_STREAM_SKY, OY_STREAM_MUSIC, OY_STREAM_AMBIENCE, OY_STREAM_DITHER,
    OY_STREAM_WANDER, OY_STREAM_IMAGE, OY_STREAM_EFFECTS
};

/* CRC-32 (IEEE), for state files. */
uint32_t oy_crc32(uint32_t crc, const void *p, size_t n);

/* ---- threads ----
 * A fixed set of workers running one job at a time. Task i of a job is
 * always the same piece of work, whichever thread runs it, and every task
 * writes only its own outputs: results never depend on scheduling. */

typedef struct oy_pool oy_pool;
typedef void (*oy_task_fn)(void *arg, int task, int thread);

int oy_pool_new(oy_pool **out, int threads);  /* threads <= 0: all cores */
void oy_pool_free(oy_pool **pool);
int oy_pool_threads(const oy_pool *pool);
/* Run fn(arg, i, thread) for i in [0, ntasks); returns when all are done. */
void oy_pool_run(oy_pool *pool, int ntasks, oy_task_fn fn, void *arg);
int oy_cpu_count(void);

#endif
