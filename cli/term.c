/*
 * term.c - the terminal as a keyboard (term.h). Raw mode turns off line
 * editing, echo and the signal keys (Ctrl-C arrives as byte 3 and ends a
 * session like q) but keeps output processing, so the status line on
 * standard error still starts its lines where it should. The saved
 * settings live in statics for the exit handler and the signal handler.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "term.h"

static struct termios saved;
static volatile sig_atomic_t raw_fd = -1;   /* the terminal while it is raw */

double cli_term_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int cli_term_open(const cli_command *cmd, cli_term *t)
{
    memset(t, 0, sizeof *t);
    t->fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (t->fd < 0 || !isatty(t->fd)) {
        cli_error(cmd->name, "run it in a terminal: it reads its keys from the terminal",
                  "no terminal to read keys from (/dev/tty: %s)", strerror(t->fd < 0 ? errno : ENOTTY));
        if (t->fd >= 0)
            close(t->fd);
        t->fd = -1;
        return OYSTER_E_INPUT;
    }
    return 0;
}

void cli_term_restore(void)
{
    int fd = raw_fd;

    if (fd >= 0) {
        tcsetattr(fd, TCSANOW, &saved);
        raw_fd = -1;
    }
}

int cli_term_raw(cli_term *t)
{
    static int registered;
    struct termios raw;

    if (tcgetattr(t->fd, &saved) < 0)
        return -errno;
    raw = saved;
    raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR | IGNCR | ISTRIP | BRKINT);
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    if (!registered && atexit(cli_term_restore) == 0)
        registered = 1;
    raw_fd = t->fd;
    if (tcsetattr(t->fd, TCSANOW, &raw) < 0) {
        raw_fd = -1;
        return -errno;
    }
    tcflush(t->fd, TCIFLUSH);
    return 0;
}

void cli_term_close(cli_term *t)
{
    cli_term_restore();
    if (t->fd >= 0)
        close(t->fd);
    t->fd = -1;
}

/* ---- bytes to keys ---- */

/* The key set of one plain byte; 0 for none. */
static unsigned key_of(int c)
{
    switch (c) {
    case 'w': return OYSTER_KEY_W;
    case 'a': return OYSTER_KEY_A;
    case 's': return OYSTER_KEY_S;
    case 'd': return OYSTER_KEY_D;
    case 'W': return OYSTER_KEY_W | OYSTER_KEY_SHIFT;
    case 'A': return OYSTER_KEY_A | OYSTER_KEY_SHIFT;
    case 'S': return OYSTER_KEY_S | OYSTER_KEY_SHIFT;
    case 'D': return OYSTER_KEY_D | OYSTER_KEY_SHIFT;
    case ' ': return OYSTER_KEY_SPACE;
    default:  return 0;
    }
}

static unsigned arrow_of(int c)
{
    return c == 'A' ? OYSTER_KEY_UP : c == 'B' ? OYSTER_KEY_DOWN :
           c == 'C' ? OYSTER_KEY_RIGHT : c == 'D' ? OYSTER_KEY_LEFT : 0;
}

/* The length of the escape sequence at b (n bytes): ESC [ params final
 * or ESC O final, with its arrow in *key (0: another key); 0 when it is
 * cut short. A lone ESC is 1. */
static int escape(const unsigned char *b, int n, unsigned *key)
{
    int i = 2;

    *key = 0;
    if (n < 2)
        return 0;
    if (b[1] == 'O') {
        if (n < 3)
            return 0;
        *key = arrow_of(b[2]);
        return 3;
    }
    if (b[1] != '[')
        return 1;
    while (i < n && b[i] >= 0x30 && b[i] <= 0x3f)     /* parameters: 1;2 */
        i++;
    while (i < n && b[i] >= 0x20 && b[i] <= 0x2f)     /* intermediates */
        i++;
    if (i == n)
        return 0;
    *key = arrow_of(b[i]);
    return i + 1;
}

static void add(unsigned *keys, int *n, int max, unsigned k)
{
    for (int i = 0; i < *n; i++)
        if (keys[i] == k)
            return;
    if (*n < max)
        keys[(*n)++] = k;
}

/* Decode buf (len bytes); an escape sequence cut short waits in t->pend
 * unless final (nothing more came: a lone ESC). */
static void decode(cli_term *t, const unsigned char *buf, int len, int final,
                   unsigned *keys, int *n, int max, int *quit)
{
    for (int i = 0; i < len;) {
        unsigned k = 0;
        int used = 1;
        if (buf[i] == 'q' || buf[i] == 'Q' || buf[i] == 3) {
            *quit = 1;
        } else if (buf[i] == 27) {
            used = escape(buf + i, len - i, &k);
            if (!used && !final && len - i <= (int)sizeof t->pend) {
                memcpy(t->pend, buf + i, (size_t)(len - i));
                t->npend = len - i;
                return;
            }
            used = used ? used : 1;
        } else {
            k = key_of(buf[i]);
        }
        if (k)
            add(keys, n, max, k);
        i += used;
    }
}

int cli_term_keys(cli_term *t, double deadline, unsigned *keys, int max, int *quit)
{
    unsigned char buf[256];
    int n = 0;

    *quit = 0;
    for (;;) {
        double left = deadline - cli_term_clock();
        struct pollfd p = { t->fd, POLLIN, 0 };
        int len = t->npend, r = poll(&p, 1, left > 0 ? (int)(left * 1000.0 + 0.5) : 0);

        memcpy(buf, t->pend, (size_t)len);
        t->npend = 0;
        if (r > 0 && (p.revents & POLLIN)) {
            ssize_t k = read(t->fd, buf + len, sizeof buf - (size_t)len);
            if (k > 0)
                len += (int)k;
            else if (k < 0 && errno != EAGAIN && errno != EINTR)
                *quit = 1;
        } else if (r > 0) {
            *quit = 1;             /* the terminal went away */
        }
        decode(t, buf, len, r == 0, keys, &n, max, quit);
        if (*quit || (r < 0 && errno == EINTR) || cli_term_clock() >= deadline)
            return n;
    }
}
