/*
 * blas.c - OpenBLAS as oyster uses it: single-threaded inside oyster's own
 * threads, so that its results never depend on how it splits the work.
 */
#include <pthread.h>

#include <cblas.h>

#include "core.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void single(void)
{
    openblas_set_num_threads(1);
}

void oy_blas_init(void)
{
    pthread_once(&once, single);
}
