/*
 * signals.c - SIGINT, SIGTERM, SIGHUP and SIGQUIT during a render. The
 * handler only records the signal; the engine polls the flag between
 * frames, finalizes the frames so far as NAME.partial.EXT and returns,
 * and the tool exits with 128 + the signal number like a shell would
 * report. SA_RESETHAND gives a second signal its usual meaning for a user
 * who does not want to wait (`wander` puts the terminal back first). A
 * SIGHUP ignored from the start (nohup(1)) stays ignored. SIGPIPE is
 * ignored for good: a reader that goes away is a write error (EPIPE),
 * reported as "output closed" with exit 3.
 */
#include <signal.h>
#include <string.h>

#include "cli.h"

static volatile int *cancel_flag;
static void (*last_words)(void);

static void on_signal(int signo)
{
    if (last_words && *cancel_flag) {
        /* a second signal: put right what must be, then die of it */
        last_words();
        signal(signo, SIG_DFL);
        raise(signo);
        return;
    }
    *cancel_flag = signo;
}

void cli_signals_init(void)
{
    signal(SIGPIPE, SIG_IGN);
}

static int catch_signals(volatile int *flag, void (*last)(void))
{
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    struct sigaction sa, old;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sa.sa_flags = last ? 0 : SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    cancel_flag = flag;
    last_words = last;
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
        if (sigaction(signals[i], NULL, &old) < 0)
            return OYSTER_E_INTERNAL;
        if (signals[i] == SIGHUP && old.sa_handler == SIG_IGN)
            continue;
        if (sigaction(signals[i], &sa, NULL) < 0)
            return OYSTER_E_INTERNAL;
    }
    return 0;
}

int cli_signals_catch(volatile int *flag)
{
    return catch_signals(flag, NULL);
}

int cli_signals_catch_then(volatile int *flag, void (*last)(void))
{
    return catch_signals(flag, last);
}

int cli_signals_exit_code(int signo)
{
    return 128 + signo;
}
