/*
 * pool.c - a static thread pool. A job is ntasks numbered tasks; workers
 * take task numbers from a shared counter, but since every task writes only
 * its own outputs the result is the same whoever runs it (docs/architecture.md, "Rules every change keeps").
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include "core.h"

struct oy_pool {
    int nthreads;
    pthread_t *threads;
    pthread_mutex_t lock;
    pthread_cond_t wake, done;
    uint64_t generation;       /* bumps once per job */
    int quit;
    oy_task_fn fn;
    void *arg;
    int ntasks, next, finished;
};

/* The cores this process may run on: a farm's scheduler (Slurm's task
 * affinity, a container's cpuset, taskset) allots fewer than the machine
 * has, and threads beyond them only take turns. */
int oy_cpu_count(void)
{
    cpu_set_t set;
    long n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set)
                                                         : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

/* Run tasks of the current job until none is left. Called with lock held. */
static void drain(oy_pool *p, int thread)
{
    while (p->next < p->ntasks) {
        int task = p->next++;
        pthread_mutex_unlock(&p->lock);
        p->fn(p->arg, task, thread);
        pthread_mutex_lock(&p->lock);
        if (++p->finished == p->ntasks)
            pthread_cond_broadcast(&p->done);
    }
}

struct worker_arg { oy_pool *pool; int index; };

static void *worker(void *v)
{
    struct worker_arg *wa = v;
    oy_pool *p = wa->pool;
    int index = wa->index;
    uint64_t seen = 0;

    free(wa);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->quit && p->generation == seen)
            pthread_cond_wait(&p->wake, &p->lock);
        if (p->quit)
            break;
        seen = p->generation;
        drain(p, index);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

int oy_pool_new(oy_pool **out, int threads)
{
    oy_pool *p = oy_calloc(1, sizeof *p);
    if (!p)
        return OYSTER_E_NOMEM;
    if (threads <= 0)
        threads = oy_cpu_count();
    p->nthreads = threads;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    pthread_cond_init(&p->done, NULL);
    /* the caller's thread is worker 0; start the others */
    p->threads = oy_calloc((size_t)threads, sizeof *p->threads);
    if (!p->threads)
        goto fail;
    for (int i = 1; i < threads; i++) {
        struct worker_arg *wa = oy_malloc(sizeof *wa);
        if (!wa)
            goto fail;
        wa->pool = p;
        wa->index = i;
        if (pthread_create(&p->threads[i], NULL, worker, wa)) {
            free(wa);
            p->nthreads = i;
            goto fail;
        }
    }
    *out = p;
    return 0;
fail:
    oy_pool_free(&p);
    return OYSTER_E_NOMEM;
}

void oy_pool_free(oy_pool **pp)
{
    oy_pool *p = *pp;
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->quit = 1;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    for (int i = 1; i < p->nthreads && p->threads; i++)
        if (p->threads[i])
            pthread_join(p->threads[i], NULL);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->wake);
    pthread_cond_destroy(&p->done);
    free(p->threads);
    free(p);
    *pp = NULL;
}

int oy_pool_threads(const oy_pool *p) { return p->nthreads; }

void oy_pool_run(oy_pool *p, int ntasks, oy_task_fn fn, void *arg)
{
    if (ntasks <= 0)
        return;
    if (p->nthreads == 1) {
        for (int i = 0; i < ntasks; i++)
            fn(arg, i, 0);
        return;
    }
    pthread_mutex_lock(&p->lock);
    p->fn = fn;
    p->arg = arg;
    p->ntasks = ntasks;
    p->next = 0;
    p->finished = 0;
    p->generation++;
    pthread_cond_broadcast(&p->wake);
    drain(p, 0);
    while (p->finished < p->ntasks)
        pthread_cond_wait(&p->done, &p->lock);
    pthread_mutex_unlock(&p->lock);
}
