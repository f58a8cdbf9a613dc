/*
 * live_keys.c - the keys of a live wander session as the walker takes
 * them: the script's own, then what the terminal gave. A terminal sends
 * no key-up, only a key and its repeats, so each read holds its key set
 * for a grace period, and a read that comes while the last hold of the
 * same set still runs (or as it ends) stretches that hold: a key kept
 * down is one hold, however many repeats made it. Holds only grow at
 * their end, from the time of the frame about to be drawn, so the new
 * list acts as the old one before that time (oy_walker_set_keys).
 */
#include <string.h>

#include "live.h"

int oy_keylist_init(oy_keylist *k, const oy_wander_desc *w)
{
    memset(k, 0, sizeof *k);
    if (w->nkeys && oy_grow(&k->v, &k->cap, (size_t)w->nkeys, sizeof *k->v))
        return OYSTER_E_NOMEM;
    if (w->nkeys)
        memcpy(k->v, w->keys, (size_t)w->nkeys * sizeof *k->v);
    k->n = k->nscript = (size_t)w->nkeys;
    return 0;
}

static int append(oy_keylist *k, unsigned bits, int press, double t, double hold)
{
    if (oy_grow(&k->v, &k->cap, k->n + 1, sizeof *k->v))
        return OYSTER_E_NOMEM;
    k->v[k->n++] = (oy_wander_key){ .at = t, .keys = bits, .press = press, .hold_for = hold };
    return 1;
}

int oy_keylist_read(oy_keylist *k, unsigned bits, double t, double hold)
{
    unsigned rest = bits & ~(unsigned)OY_KEY_SPACE;
    int changed = 0, err;

    if (bits & OY_KEY_SPACE) {
        /* one jump a frame: two reads of space on one frame are one press
         * (live keys are in time order, so those of time t are last) */
        size_t i = k->n;
        while (i > k->nscript && k->v[i - 1].at == t && !k->v[i - 1].press)
            i--;
        if (!(i > k->nscript && k->v[i - 1].at == t) && (changed = append(k, OY_KEY_SPACE, 1, t, 0.0)) < 0)
            return changed;
    }
    if (!rest)
        return changed;
    for (size_t i = k->n; i > k->nscript; i--) {
        oy_wander_key *h = &k->v[i - 1];
        if (h->press || h->keys != rest)
            continue;
        /* the walker's own sum: a hold runs while at <= tau < at + for */
        if (h->at + h->hold_for >= t) {
            double want = (t + hold) - h->at;
            if (want <= h->hold_for)
                return changed;
            h->hold_for = want;
            return 1;
        }
        break;
    }
    err = append(k, rest, 0, t, hold);
    return err < 0 ? err : 1;
}

void oy_keylist_release(oy_keylist *k)
{
    oy_freep(&k->v);
    k->n = k->cap = k->nscript = 0;
}
