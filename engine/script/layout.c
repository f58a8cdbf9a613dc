/*
 * layout.c - world.layout: where the set's named features stand (oyster-shot(5),
 * oyster-shot(5) "The set"). Areas take `at: [x, z]` and `size` (their
 * diameter); lines take `through: [[x, z], ...]` and `width`; heights and
 * depths are metres. Each feature accepts only the keys that shape it, so
 * a misplaced key is an error at its line:col, not silently ignored.
 */
#include <stdio.h>
#include <string.h>

#include "schema.h"

const char *const oy_feature_names[OY_FEAT_COUNT + 1] = {
    "valley", "canyon", "river", "lake", "coast", "island", "peaks", "hill", "crater",
    "clearing", "butte", NULL
};

/* What each feature takes: its keys and the ranges of size and height. */
enum { K_AT = 1, K_THROUGH = 2, K_SIZE = 4, K_WIDTH = 8, K_HEIGHT = 16, K_DEPTH = 32, K_SEA = 64 };
static const struct {
    unsigned keys;
    double size_lo, size_hi, height_lo, height_hi;
} rules[OY_FEAT_COUNT] = {
    [OY_FEAT_VALLEY]   = { K_THROUGH | K_WIDTH, 40, 2000, 0, 0 },
    [OY_FEAT_CANYON]   = { K_THROUGH | K_WIDTH | K_DEPTH, 20, 1000, 20, 800 },
    [OY_FEAT_RIVER]    = { K_THROUGH | K_WIDTH, 2, 300, 0, 0 },
    [OY_FEAT_LAKE]     = { K_AT | K_SIZE, 20, 8000, 0, 0 },
    [OY_FEAT_COAST]    = { K_THROUGH | K_SEA, 0, 0, 0, 0 },
    [OY_FEAT_ISLAND]   = { K_AT | K_SIZE, 40, 20000, 0, 0 },
    [OY_FEAT_PEAKS]    = { K_AT | K_SIZE | K_HEIGHT, 200, 30000, 100, 5000 },
    [OY_FEAT_HILL]     = { K_AT | K_SIZE | K_HEIGHT, 20, 5000, 2, 600 },
    [OY_FEAT_CRATER]   = { K_AT | K_SIZE | K_DEPTH, 50, 20000, 5, 1500 },
    [OY_FEAT_CLEARING] = { K_AT | K_SIZE, 10, 5000, 0, 0 },
    [OY_FEAT_BUTTE]    = { K_AT | K_SIZE | K_HEIGHT, 20, 10000, 5, 1000 },
};
static const char *const key_names[] = {
    "at", "through", "size", "width", "height", "depth", "sea",
};


static void load_through(oy_sctx *c, const oy_ynode *n, const char *name, oy_layout_item *it)
{
    if (n->type != OY_YSEQ || n->n < 2 || n->n > OY_LAYOUT_MAXPTS) {
        oy_script_err(c, n, "e.g. 'through: [[-200, -100], [0, 300], [150, 900]]'",
                      "'%s' must be a list of 2 to %d points [x, z]", name, OY_LAYOUT_MAXPTS);
        return;
    }
    for (int i = 0; i < n->n; i++) {
        double p[2];
        if (oy_script_place(c, n->items[i], name, 2, p) < 0)
            return;
        if (i > 0 && (p[0] - it->through[i - 1][0]) * (p[0] - it->through[i - 1][0]) +
                     (p[1] - it->through[i - 1][1]) * (p[1] - it->through[i - 1][1]) < 1.0) {
            oy_script_err(c, n->items[i], "consecutive points of a course are at least 1 m apart",
                          "point %d of '%s' repeats the point before it", i + 1, name);
            return;
        }
        memcpy(it->through[i], p, sizeof p);
    }
    it->npts = n->n;
}

static void load_item(oy_sctx *c, int f, const oy_ynode *n, oy_layout_item *it)
{
    static const char *const sea_names[] = { "left", "right", NULL };
    char name[64];
    const char *allowed[8];
    unsigned keys = rules[f].keys;
    const oy_ynode *v;
    int na = 0;

    snprintf(name, sizeof name, "world.layout.%s", oy_feature_names[f]);
    if (oy_script_map(c, n, name) < 0)
        return;
    for (int k = 0; k < 7; k++)
        if (keys & (1u << k))
            allowed[na++] = key_names[k];
    allowed[na] = NULL;
    oy_script_keys(c, n, name, allowed);
    it->given = 1;
    it->mark = n->mark;

    char key[80];
    if ((keys & K_AT) && (v = oy_ymap_get(n, "at"))) {
        snprintf(key, sizeof key, "%s.at", name);
        it->has_at = oy_script_place(c, v, key, 2, it->at) == 0;
    }
    if ((keys & K_THROUGH) && (v = oy_ymap_get(n, "through"))) {
        snprintf(key, sizeof key, "%s.through", name);
        load_through(c, v, key, it);
    }
    const char *size_key = (keys & K_WIDTH) ? "width" : "size";
    if ((keys & (K_SIZE | K_WIDTH)) && (v = oy_ymap_get(n, size_key))) {
        snprintf(key, sizeof key, "%s.%s", name, size_key);
        it->has_size = oy_script_num(c, v, key, rules[f].size_lo, rules[f].size_hi,
                                     &it->size) == 0;
    }
    const char *height_key = (keys & K_DEPTH) ? "depth" : "height";   /* canyon, crater */
    if ((keys & (K_HEIGHT | K_DEPTH)) && (v = oy_ymap_get(n, height_key))) {
        snprintf(key, sizeof key, "%s.%s", name, height_key);
        it->has_height = oy_script_num(c, v, key, rules[f].height_lo, rules[f].height_hi,
                                       &it->height) == 0;
    }
    if ((keys & K_SEA) && (v = oy_ymap_get(n, "sea"))) {
        int side;
        snprintf(key, sizeof key, "%s.sea", name);
        if (oy_script_enum(c, v, key, sea_names, &side) == 0)
            it->sea = side ? 1 : -1;
    }
    if (f == OY_FEAT_COAST && !oy_ymap_get(n, "through"))
        oy_script_err(c, n, "e.g. 'coast: {through: [[-300, 800], [400, -200]], sea: right}'",
                      "'%s' needs 'through': the shoreline's course", name);
}

/* Signed side of point p from the polyline's nearest segment: + right. */
static double side_of(const oy_layout_item *line, const double p[2])
{
    double best = 1e300, side = 0.0;
    for (int i = 0; i + 1 < line->npts; i++) {
        const double *a = line->through[i], *b = line->through[i + 1];
        double ux = b[0] - a[0], uz = b[1] - a[1], ll = ux * ux + uz * uz;
        double t = ((p[0] - a[0]) * ux + (p[1] - a[1]) * uz) / ll;
        t = t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
        double qx = a[0] + ux * t - p[0], qz = a[1] + uz * t - p[1];
        double d2 = qx * qx + qz * qz;
        if (d2 < best) {
            best = d2;
            /* right of travel with y up and yaw clockwise from above */
            side = uz * (p[0] - a[0]) - ux * (p[1] - a[1]);
        }
    }
    return side;
}

/* Plans that cannot stand: a lake, clearing, hill, crater or butte placed
 * in the sea. */
static void check_plan(oy_sctx *c, const oy_ynode *n, const oy_world_desc *w)
{
    const oy_layout_item *coast = &w->layout[OY_FEAT_COAST];
    static const int dry[] = { OY_FEAT_LAKE, OY_FEAT_CLEARING, OY_FEAT_HILL, OY_FEAT_CRATER,
                               OY_FEAT_BUTTE };

    if (!coast->given || coast->npts < 2 || !coast->sea)
        return;
    for (size_t i = 0; i < sizeof dry / sizeof *dry; i++) {
        const oy_layout_item *it = &w->layout[dry[i]];
        if (!it->has_at || side_of(coast, it->at) * coast->sea <= 0.0)
            continue;
        oy_script_err(c, oy_ymap_get(n, oy_feature_names[dry[i]]),
                      "move it to the land side of the coast, or the coast past it",
                      "the %s at [%g, %g] lies in the sea ('coast' has the sea on the %s)",
                      oy_feature_names[dry[i]], it->at[0], it->at[1],
                      coast->sea > 0 ? "right" : "left");
    }
}

void oy_script_load_layout(oy_sctx *c, const oy_ynode *n, oy_world_desc *w)
{
    if (oy_script_map(c, n, "world.layout") < 0)
        return;
    oy_script_keys(c, n, "world.layout", oy_feature_names);
    for (int f = 0; f < OY_FEAT_COUNT; f++) {
        const oy_ynode *v = oy_ymap_get(n, oy_feature_names[f]);
        if (v)
            load_item(c, f, v, &w->layout[f]);
    }
    check_plan(c, n, w);
}
