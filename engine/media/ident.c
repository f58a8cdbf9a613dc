/*
 * ident.c - the libavformat ident string, which FFmpeg's framemd5 muxer
 * writes in its header; oyster's frame-hash files carry the same line.
 */
#include <libavformat/version.h>

#include "media.h"

const char *oy_media_lavf_ident(void) { return LIBAVFORMAT_IDENT; }
