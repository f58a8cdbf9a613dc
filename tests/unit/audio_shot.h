/*
 * audio_shot.h - what the audio tests share: a shot compiled from YAML
 * with its model, world, camera and audio decoder.
 */
#ifndef OY_TEST_AUDIO_SHOT_H
#define OY_TEST_AUDIO_SHOT_H

#include <stdio.h>
#include <string.h>

#include "audio/audio.h"
#include "camera/camera.h"
#include "lang/lang.h"
#include "model/model.h"
#include "script/script.h"
#include "world/world.h"

#define FS OY_SAMPLE_RATE

typedef struct shot {
    oy_script *s;
    oy_bank *bank;
    oy_model *m;
    oy_world *w;
    oy_camera *cam;
    oy_audio *a;
    int64_t samples;
    oy_log log;                /* the decoder keeps a pointer to it */
} shot;

static inline void print_diag(void *opaque, const oyster_diag *d)
{
    if (d->level <= OYSTER_WARNING)
        fprintf(stderr, "%s:%d:%d: %s\n", d->file ? d->file : "", d->line, d->col, d->msg);
}

static inline void shot_free(shot *p)
{
    oy_audio_free(&p->a);
    oy_camera_free(&p->cam);
    oy_world_free(&p->w);
    oy_model_free(&p->m);
    oy_bank_free(&p->bank);
    oy_script_free(&p->s);
}

static inline int shot_open(shot *p, const char *yaml)
{
    oy_log *log = &p->log;

    memset(p, 0, sizeof(*p));
    log->fn = print_diag;
    if (oy_script_load_mem(&p->s, "test.yaml", yaml, strlen(yaml), NULL, log) < 0 ||
        oy_bank_new(&p->bank, NULL, log) < 0 ||
        oy_model_new(&p->m, p->s, p->bank, log) < 0)
        goto fail;
    if (oy_world_new(&p->w, p->s->seed, p->s->world.layout) < 0)
        goto fail;
    if (oy_camera_new(&p->cam, p->s, p->m, p->w) < 0)
        goto fail;
    p->samples = p->s->output.samples;
    if (oy_audio_new(&p->a, p->m, p->w, p->cam, p->samples, log) < 0)
        goto fail;
    return 0;
fail:
    shot_free(p);
    return -1;
}

#endif
