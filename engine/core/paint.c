/*
 * paint.c - a colour moved by a colour word: the one way rock, ground and
 * drawn objects take the colours the words give them.
 */
#include <math.h>

#include "core.h"

/* A colour moved along the grade's axes by p: warmth (red-orange against
 * blue), tint (magenta against green) and light (toward black or white,
 * losing its own hue on the way). The shifts are in proportion to the
 * new lightness, so a dark rock (or log wall) stays dark in another hue. p all
 * 0 returns c exactly, which keeps the default world's pixels. */
void oy_paint(float c[3], const float p[3])
{
    static const float warm[3] = { 0.9f, 0.25f, -0.9f }, tint[3] = { 0.55f, -0.75f, 0.45f };
    if (p[0] == 0.0f && p[1] == 0.0f && p[2] == 0.0f)
        return;
    float l = (c[0] + c[1] + c[2]) * (1.0f / 3.0f);
    float to = p[2] >= 0.0f ? oy_lerpf(l, 0.85f, p[2]) : oy_lerpf(l, 0.012f, -p[2]);
    float k = to / fmaxf(l, 1e-4f), grey = 0.6f * fabsf(p[2]);
    for (int i = 0; i < 3; i++)
        c[i] = fmaxf(oy_lerpf(c[i] * k, to, grey) + to * (p[0] * warm[i] + p[1] * tint[i]), 0.004f);
}
