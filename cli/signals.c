/*
 * signals.c - SIGINT/SIGTERM during a render. The handler only records
 * the signal; the engine polls the flag between frames, finalizes the
 * frames so far as NAME.partial.EXT and returns, and the tool exits with
 * 128 + the signal number like a shell would report. SA_RESETHAND gives a
 * second Ctrl-C its usual meaning for a user who does not want to wait.
 */
#include <signal.h>
#include <string.h>

#include "cli.h"

static volatile int *cancel_flag;

static void on_signal(int signo)
{
    *cancel_flag = signo;
}

int cli_signals_catch(volatile int *flag)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    cancel_flag = flag;
    if (sigaction(SIGINT, &sa, NULL) < 0 || sigaction(SIGTERM, &sa, NULL) < 0)
        return OYSTER_E_INTERNAL;
    return 0;
}

int cli_signals_exit_code(int signo)
{
    return 128 + signo;
}
