/*
 * av.c - glue every media/ file shares with FFmpeg: silencing its log
 * output (the engine reports only through oy_log) and turning its error
 * codes into oyster's.
 */
#include <errno.h>
#include <pthread.h>

#include <libavutil/error.h>
#include <libavutil/log.h>

#include "media.h"

static pthread_once_t av_once = PTHREAD_ONCE_INIT;

static void av_quiet(void)
{
    av_log_set_level(AV_LOG_QUIET);
}

void oy_media_init(void)
{
    pthread_once(&av_once, av_quiet);
}

int oy_media_error(int averr, int fallback)
{
    /* AVERROR(e) is -e; FFmpeg's own tags are far below -4096. */
    if (averr == AVERROR(ENOMEM))
        return OYSTER_E_NOMEM;
    if (averr < 0 && averr > -4096)
        return averr;
    return fallback;
}

const char *oy_media_strerror(int averr, char *buf, size_t size)
{
    if (av_strerror(averr, buf, size) < 0)
        snprintf(buf, size, "error %d", averr);
    return buf;
}
