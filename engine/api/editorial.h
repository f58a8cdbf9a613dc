/*
 * editorial.h - what editorial.c (the timeline exports) and shotlist.c
 * (`check --shot-list`) both say about a shot. Private to engine/api/.
 */
#ifndef OY_EDITORIAL_H
#define OY_EDITORIAL_H

#include <stddef.h>

#include "shot.h"

/* "a", or "a → b" when they differ: how something is at the start and
 * at the end of a shot. */
void ed_span(const char *a, const char *b, char *buf, size_t n);
/* The lens on the first and on the last frame: "35mm", or "35mm → 50mm"
 * when they differ. */
void ed_lens_span(oyster_shot *shot, char *buf, size_t n);

#endif
