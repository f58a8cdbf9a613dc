/*
 * schema.h - internal to script/: the typed readers that turn ydoc nodes
 * into values, each reporting its own error at the node's line:col, and the
 * section loaders that use them. A reader that fails has already said why;
 * loading goes on so that one run reports every error.
 */
#ifndef OY_SCRIPT_SCHEMA_H
#define OY_SCRIPT_SCHEMA_H

#include <math.h>

#include "script.h"
#include "ydoc.h"

typedef struct oy_sctx {
    oy_log *log;
    const char *file;
    oy_rational fps;          /* known before any TIME is read */
    int errors;
    int nomem;                /* an allocation failed: give up at the end */
} oy_sctx;

#define OY_NO_LIMIT HUGE_VAL
/* The reach of a place, metres: 1000 km from the origin is far past any
 * set, and float positions lose the detail of the ground beyond it. */
#define OY_MAX_COORD 1e6

/* The hint for a malformed TIME, in the script or on the command line. */
extern const char oy_script_time_hint[];

/* Plain decimal number, finite, whole string ("nan", "inf" are not). */
int oy_script_number(const char *text, double *out);
/* Unsigned 64-bit integer, digits only. */
int oy_script_uint64(const char *text, uint64_t *out);

void oy_script_err(oy_sctx *c, const oy_ynode *at, const char *hint,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void oy_script_warn(oy_sctx *c, const oy_ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "did you mean 'x'?" for the nearest of names[] (NULL-terminated) into
 * buf, or NULL when nothing is close. */
const char *oy_script_suggest(char *buf, size_t size, const char *word,
                              const char *const *names);

/* Each reader returns 0, or -1 after reporting. name is the key's dotted
 * path for messages, e.g. "output.fps". */
/* The key node (not the value) of key in map, for errors about the key. */
const oy_ynode *oy_script_key_node(const oy_ynode *map, const char *key);
int oy_script_map(oy_sctx *c, const oy_ynode *n, const char *name);
int oy_script_keys(oy_sctx *c, const oy_ynode *map, const char *section,
                   const char *const *allowed);
const char *oy_script_scalar(oy_sctx *c, const oy_ynode *n, const char *name,
                             const char *what);
/* The items of a list, or the node itself as a list of one (for keys that
 * take "x" or "[x, y]"); *n points at the node. */
const oy_ynode *const *oy_script_items(const oy_ynode *const *n, int *count);
int oy_script_text(oy_sctx *c, const oy_ynode *n, const char *name, oy_text *out);
char *oy_script_strdup(oy_sctx *c, const char *s);
int oy_script_num(oy_sctx *c, const oy_ynode *n, const char *name,
                  double lo, double hi, double *out);
int oy_script_int(oy_sctx *c, const oy_ynode *n, const char *name,
                  int lo, int hi, int *out);
int oy_script_bool(oy_sctx *c, const oy_ynode *n, const char *name, int *out);
int oy_script_enum(oy_sctx *c, const oy_ynode *n, const char *name,
                   const char *const *names, int *out);
int oy_script_vec(oy_sctx *c, const oy_ynode *n, const char *name,
                  int count, double *out);
/* oy_script_vec for what the set is built around (camera, layout): each
 * number within OY_MAX_COORD. Objects may stand anywhere. */
int oy_script_place(oy_sctx *c, const oy_ynode *n, const char *name,
                    int count, double *out);
/* A point [x, y, z] or a list of 1..max points [[x, y, z], ...]; *out is
 * allocated (the caller frees it). */
int oy_script_points(oy_sctx *c, const oy_ynode *n, const char *name, int max,
                     double (**out)[3], int *count);
int oy_script_time(oy_sctx *c, const oy_ynode *n, const char *name, double *out);
int oy_script_clock(oy_sctx *c, const oy_ynode *n, const char *name, double *hours);
int oy_script_lens(oy_sctx *c, const oy_ynode *n, const char *name, double *mm);

/* Value types shared by world: and directives:. */
int oy_script_weather(oy_sctx *c, const oy_ynode *n, const char *name, oy_weather *w);
int oy_script_lighting(oy_sctx *c, const oy_ynode *n, const char *name, oy_lighting *l);
int oy_script_music(oy_sctx *c, const oy_ynode *n, const char *name, oy_music *m);

/* Sections. */
void oy_script_load_camera(oy_sctx *c, const oy_ynode *n, oy_camera_desc *cam);
void oy_script_load_layout(oy_sctx *c, const oy_ynode *n, oy_world_desc *w);
void oy_script_load_wander(oy_sctx *c, const oy_ynode *n, oy_wander_desc *w);
void oy_script_load_directives(oy_sctx *c, const oy_ynode *n, oy_script *s);
void oy_script_free_directive(oy_directive *d);
/* cue.c: the event directives (strike, sound, flash, shake, fade, mix),
 * and the music a beat may take; n is the directive, v its action's value. */
int oy_script_load_cue(oy_sctx *c, const oy_ynode *n, const oy_ynode *v, oy_directive *d);
int oy_script_beat_music(oy_sctx *c, const oy_ynode *n, oy_directive *d);

#endif
