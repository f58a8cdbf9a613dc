/*
 * progress.c - the progress bar and JSON progress lines. The bar is only
 * redrawn when its text changes, so a fast render does not flood a slow
 * terminal.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "progress.h"

#define BAR_WIDTH 24

void cli_progress_init(cli_progress *p, int mode, int quiet)
{
    memset(p, 0, sizeof(*p));
    if (mode == CLI_PROGRESS_AUTO)
        mode = isatty(STDERR_FILENO) ? CLI_PROGRESS_BAR : CLI_PROGRESS_NONE;
    if (mode == CLI_PROGRESS_BAR && quiet)
        mode = CLI_PROGRESS_NONE;
    p->mode = mode;
}

/* JSON has no NaN or infinity; the engine's first reports may have no
 * meaningful rate yet. */
static double finite_or_zero(double x)
{
    return isfinite(x) && x >= 0 ? x : 0;
}

static void format_eta(char *buf, size_t size, double eta, int known)
{
    long s;

    if (!known) {
        snprintf(buf, size, "-:--");
        return;
    }
    s = (long)(eta + 0.5);
    if (s >= 3600)
        snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

static void draw_bar(cli_progress *p, const oyster_progress *pr)
{
    char bar[BAR_WIDTH + 1], eta[32], line[sizeof(p->last)];
    double frac = pr->total > 0 ? (double)pr->frame / (double)pr->total : 0;
    int fill, i;

    frac = frac < 0 ? 0 : frac > 1 ? 1 : frac;
    fill = (int)(frac * BAR_WIDTH);
    for (i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < fill ? '=' : i == fill ? '>' : ' ';
    bar[BAR_WIDTH] = 0;
    format_eta(eta, sizeof(eta), finite_or_zero(pr->eta_s),
               pr->frame > 0 && isfinite(pr->eta_s) && pr->eta_s >= 0);
    snprintf(line, sizeof(line), "frame %lld/%lld [%s] %3d%%  %.1f fps  ETA %s",
             (long long)pr->frame, (long long)pr->total, bar, (int)(frac * 100),
             finite_or_zero(pr->fps), eta);
    cli_progress_text(p, line);
}

void cli_progress_text(cli_progress *p, const char *line)
{
    if (p->mode != CLI_PROGRESS_BAR || (p->shown && !strcmp(line, p->last)))
        return;
    /* \033[K clears what a longer previous line left behind */
    fprintf(stderr, "\r%s\033[K", line);
    fflush(stderr);
    snprintf(p->last, sizeof p->last, "%s", line);
    p->shown = 1;
}

void cli_progress_update(void *opaque, const oyster_progress *pr)
{
    cli_progress *p = opaque;

    if (p->mode == CLI_PROGRESS_BAR) {
        draw_bar(p, pr);
    } else if (p->mode == CLI_PROGRESS_JSON) {
        fprintf(stderr, "{\"frame\":%lld,\"total\":%lld,\"fps\":%.2f,\"eta_s\":%.2f}\n",
                (long long)pr->frame, (long long)pr->total,
                finite_or_zero(pr->fps), finite_or_zero(pr->eta_s));
        fflush(stderr);
    }
}

void cli_progress_clear(cli_progress *p)
{
    if (!p || !p->shown)
        return;
    fprintf(stderr, "\r\033[K");
    p->shown = 0;
}

void cli_progress_end(cli_progress *p)
{
    if (!p->shown)
        return;
    fprintf(stderr, "\n");
    p->shown = 0;
}
