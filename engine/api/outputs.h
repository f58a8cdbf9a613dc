/*
 * outputs.h - the files one run writes, committed together: each is
 * written to a hidden temporary beside where it lands, and all of them
 * are renamed into place only once every one is complete (man oyster(1),
 * "Outputs are never half-written"). Private to engine/api/.
 */
#ifndef OY_OUTPUTS_H
#define OY_OUTPUTS_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "../core/core.h"

/* One output. Standard output ("-"), a character device and a FIFO are
 * written through: there is nothing to rename, and nothing is replaced. */
typedef struct oy_out {
    char *name;        /* as given, for messages */
    char *dest;        /* where it lands: name, or what its symbolic links lead to */
    char *path;        /* what the writer opens: the temporary, or dest when written through */
    char *key;         /* the resolved name: two outputs with one key are one file */
    char *old;         /* while committing: a second link to the file being replaced */
    dev_t dev;         /* the file system of dest's folder */
    uint64_t bytes;    /* expected size; 0: unknown */
    int through, chr;  /* written in place / and that place is a character device */
    int replace;       /* dest is an existing file (force) */
    int done;          /* renamed into place */
} oy_out;

typedef struct oy_outs {
    oy_log *log;
    int force;
    oy_out *v;
    int n, cap;
    char *made;        /* a folder made for this run: removed again unless committed */
} oy_outs;

void oy_outs_init(oy_outs *s, oy_log *log, int force);
/* The folder dir, made now when missing (and removed by oy_outs_release
 * when nothing is committed into it). */
int oy_outs_mkdir(oy_outs *s, const char *dir);
/* Add an output of about bytes (0: unknown); returns its index, or a
 * negative error said through the log: an existing file without force
 * (OYSTER_E_EXISTS), a name that is neither a file nor a device nor a
 * FIFO (OYSTER_E_INPUT), a folder, a missing or read-only folder
 * (errno). Symbolic links are followed to the file they name. */
int oy_outs_add(oy_outs *s, const char *name, uint64_t bytes);
/* Once all are added: refuse two outputs that are one file
 * (OYSTER_E_INPUT); remove the temporaries that oyster runs that have
 * ended left in the outputs' folders; refuse an expected size over the
 * space left on a file system (-ENOSPC). */
int oy_outs_check(oy_outs *s);
/* Write output i through fn (oy_write_fn) to its path. */
typedef int (*oy_write_fn)(FILE *f, void *ctx);
int oy_outs_write(oy_outs *s, int i, oy_write_fn fn, void *ctx);
/* Rename every output into place, all or none: a failure puts the files
 * replaced so far back and removes the new ones. An output whose name was
 * taken during the run (by another program) is not overwritten: it is
 * kept as NAME.new.EXT, said through the log, and the result is
 * OYSTER_E_EXISTS once the others are in place. */
int oy_outs_commit(oy_outs *s);
/* Keep output i, unfinished, under the first free name of NAME.INFIX.EXT,
 * NAME.INFIX-2.EXT, ... beside it; that name in *kept (free() it), NULL
 * when it was written through. */
int oy_outs_keep(oy_outs *s, int i, const char *infix, char **kept);
/* Remove the temporaries of what was not committed; free everything. */
void oy_outs_release(oy_outs *s);

/* One file on its own, with the rules above: fill(s, i, ctx) writes it as
 * output i of a set of one, which is committed when fill returns 0. */
typedef int (*oy_fill_fn)(oy_outs *s, int i, void *ctx);
int oy_write_alone(oy_log *log, const char *path, int force, oy_fill_fn fill, void *ctx);
/* The same for a file written by fn. */
int oy_write_atomic(oy_log *log, const char *path, int force, oy_write_fn fn, void *ctx);
/* Refuse a name that does not end in .png (case aside), said through log
 * for what ("a still"): PNG is what is written, whatever the name says.
 * Standard output ("-"), devices and FIFOs pass. */
int oy_check_png(oy_log *log, const char *path, const char *what);
/* Refuse an existing file without force (OYSTER_E_EXISTS), before the
 * work starts; devices and FIFOs, written through, pass. */
int oy_check_output(oy_log *log, const char *path, int force);
/* "DIR/.NAME.oyster-HOST-PID.tmp" beside path; free with free(). */
char *oy_temp_path(const char *path);
/* Whether file, a name in a folder, is a temporary of the output named
 * base in that folder: 0 no; 1 yes, of a run that may still be at work
 * (on this host, or another's); 2 yes, of a run of this host that ended,
 * whose process id is put in *pid. */
int oy_temp_of(const char *file, const char *base, long *pid);

#endif
