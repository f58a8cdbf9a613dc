/*
 * term.h - the terminal as the keyboard of `oyster wander`: /dev/tty (so
 * that standard output can be a pipe) in raw mode, restored at exit, on
 * errors and on signals, and its bytes read as wander keys.
 */
#ifndef CLI_TERM_H
#define CLI_TERM_H

#include "cli.h"

typedef struct cli_term {
    int fd;                  /* /dev/tty, or -1 */
    unsigned char pend[16];  /* an escape sequence cut short by a read */
    int npend;
} cli_term;

/* Open /dev/tty; says why not (no terminal: exit 2) and returns
 * OYSTER_E_INPUT. */
int cli_term_open(const cli_command *cmd, cli_term *t);
/* Raw mode from now on: each key as it is typed, not echoed, Ctrl-C a
 * key like the others; what was typed before is dropped. Restored by
 * cli_term_restore, which also runs at exit. */
int cli_term_raw(cli_term *t);
/* Put the terminal back as it was; async-signal-safe, and harmless when
 * it is not in raw mode. */
void cli_term_restore(void);
void cli_term_close(cli_term *t);

/* Read the keys typed until deadline (CLOCK_MONOTONIC seconds; at least
 * what has arrived already, waiting no longer once a key ends the session
 * or a signal comes): each distinct key set once into keys (OYSTER_KEY_*
 * bits: w a s d, W A S D with shift, the arrows, space), at most max.
 * *quit is set by q, Q or Ctrl-C. Returns how many. */
int cli_term_keys(cli_term *t, double deadline, unsigned *keys, int max, int *quit);

/* The monotonic clock in seconds. */
double cli_term_clock(void);

#endif
