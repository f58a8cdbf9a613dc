/*
 * objects.c - the scene layer: the frame's objects (the state's entities
 * and the forest's trees near the view) built from their prototypes,
 * binned by screen tile, and traced per output pixel against the terrain's
 * depth. A hit is lit like the land (sun with the terrain's shadow and the
 * placed objects' own, sky, moon) plus the frame's point lights, then
 * takes the same air; the land gets the objects' sun shadows and the
 * point lights' glow. Soft things (smoke, a lighthouse beam) are seen
 * through. A placed object by still water has an image: its primitives
 * turned over about the water's plane, traced only where the view meets
 * that water and blended by Fresnel.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"
#include "../scene/flora.h"

#define TILE 8

typedef float v4 __attribute__((vector_size(16)));
#define MAX_LIGHTS 48
#define FLORA_FAR 150.0f          /* trees drawn to here; the canopy beyond */
#define FLORA_FADE 110.0f         /* and fade out from here */
#define SHADOW_CELLS 128
#define MAX_INSTANCES 10000       /* drawn in one frame (oyster-shot(5) LIMITS) */

typedef struct inst {
    float p[3];                   /* base, camera-relative */
    float cs, sn, s, is;          /* yaw cos and sin; scale and 1/scale */
    float fade;
    float bc[3], br;              /* bounding sphere, camera-relative */
    float lo[3], hi[3];           /* bounding box in its own frame (unscaled) */
    float cf, cu, cr, K;          /* its sphere's centre along the view's
                                     forward, up and right; |c|^2 - r^2 */
    float dnear;
    int p0, np, m0;
    int b0;                       /* its primitives' spheres: o->balls + b0 */
    int caster;                   /* it casts object shadows and takes them */
    int flat;                     /* it lies on the ground (a road): it takes
                                   * them but casts none */
    int soft;                     /* it has soft primitives (smoke, a beam) */
    int mirror;                   /* the image of the one before it in water */
    float wl;                     /* mirror: the water's height, camera-relative */
    float sx0, sy0, sx1, sy1;     /* the pixels it may cover */
} inst;

typedef struct rlight {
    float p[3], rgb[3];
} rlight;

/* ground a placed thing keeps clear of the forest's trees: world x, z and
 * a radius */
typedef struct footprint {
    double x, z;
    float r;
} footprint;

struct oy_objects {
    oy_flora *flora;
    inst *in;
    size_t ni, icap;
    oy_prim *prim;
    size_t np, pcap;
    /* each instance's primitives' spheres, packed four to a group for the
     * search (a primitive itself spans several cache lines): a group is
     * four x, four y, four z of centres and four squared radii, r2 < 0
     * for a soft one or a spare lane */
    float *balls;
    size_t bcap;
    oy_mat *mat;
    size_t nm, mcap;
    int *order;
    size_t ocap;
    int nmirror;                  /* instances that are images in water */
    footprint *foot;              /* what stays put, clear of trees */
    size_t nfoot, fcap;
    int *near;                    /* scratch: the footprints near a tile */
    size_t ncap;
    rlight lights[MAX_LIGHTS];    /* the frame's: those that light the view most */
    int nl;
    rlight *cand;                 /* every lamp and fire of the frame */
    size_t ncand, candcap;
    struct lamp_rank *rank;
    size_t rankcap;
    /* screen tiles: tile k lists tl[ts[k] .. ts[k + 1]); tile row r lists
     * rl[rs[r] .. rs[r + 1]), each instance once */
    int tw, th;
    int *ts, *tl, *cursor;
    size_t tscap, tlcap, ccursor;
    int *rs, *rl;
    size_t rscap, rlcap;
    struct onscreen {             /* what the search of a tile's list reads */
        float sx0, sx1, dnear;    /* (inst's own, side by side) */
        int mirror;
    } *scr;
    size_t scrcap;
    float *span;                  /* per thread: each instance's span on its row */
    size_t spancap;
    int threads;
    /* the placed objects that cast sun shadows, binned across the sun */
    int shadow_on;
    float e1[3], e2[3], sun[3];
    float u0, v0, cell;
    int gn;
    int *gs, *gl;
    size_t gscap, glcap;
    int *casters;
    size_t ncasters, ccap;
    /* the frame's piers' and bridges' decks, that what walks or drives
     * stands on */
    struct deck {
        double x, z, top;         /* its foot, world; the deck's top */
        float sn, cs, len, half;  /* its heading; its length; half its width */
    } decks[8];
    int ndecks;
    /* the view */
    oy_view v;
    float thx, thy;
    int W, H;
    oy_look look;
    oy_look abandoned;            /* the look of an abandoned building: dark */
    int derelict;                 /* the entity being added is abandoned */
    int stone;                    /* and built of stone */
    float sand;                   /* 0..1 desert sand under the frame's
                                   * objects: their bounce light, warm */
    oy_build build;
};

int oy_objects_new(oy_objects **out)
{
    oy_objects *o = oy_calloc(1, sizeof *o);
    if (!o)
        return OYSTER_E_NOMEM;
    if (oy_flora_new(&o->flora) < 0) {
        free(o);
        return OYSTER_E_NOMEM;
    }
    *out = o;
    return 0;
}

void oy_objects_free(oy_objects **po)
{
    oy_objects *o = *po;
    if (!o)
        return;
    oy_flora_free(&o->flora);
    free(o->in);
    free(o->foot);
    free(o->near);
    free(o->cand);
    free(o->rank);
    free(o->prim);
    free(o->balls);
    free(o->mat);
    free(o->order);
    free(o->ts);
    free(o->tl);
    free(o->cursor);
    free(o->rs);
    free(o->rl);
    free(o->span);
    free(o->scr);
    free(o->gs);
    free(o->gl);
    free(o->casters);
    free(o);
    *po = NULL;
}

/* ---- building the frame's instances ---- */

static int tile_rect(const oy_objects *o, inst *I, int r[4]);

static void to_local(const inst *I, const float w[3], float l[3])
{
    l[0] = (w[0] * I->cs - w[2] * I->sn) * I->is;
    l[1] = w[1] * I->is;
    l[2] = (w[0] * I->sn + w[2] * I->cs) * I->is;
}

static void to_world(const inst *I, const float l[3], float w[3])
{
    w[0] = l[0] * I->cs + l[2] * I->sn;
    w[1] = l[1];
    w[2] = -l[0] * I->sn + l[2] * I->cs;
}

static void prim_bounds(const oy_prim *p, float c[3], float *r)
{
    memcpy(c, p->c, sizeof(float) * 3);
    if (p->type == OY_PRIM_HULL) {
        *r = p->r[0];
    } else if (p->type == OY_PRIM_ELLIPSOID) {
        *r = oy_rmax(p->r[0], oy_rmax(p->r[1], p->r[2]));
    } else {
        float rr = oy_rmax(p->r[0], p->r[1]), hh = 0.5f * p->r[2];
        c[1] += hh;
        *r = sqrtf(rr * rr + hh * hh);
    }
}

/* The box round an instance's primitives' spheres, in its own frame, a
 * hair larger so that a ray that grazes a sphere never misses the box. */
static void inst_box(inst *I, const oy_prim *p, int n)
{
    for (int j = 0; j < 3; j++) {
        I->lo[j] = 1e30f;
        I->hi[j] = -1e30f;
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 3; j++) {
            I->lo[j] = oy_rmin(I->lo[j], p[i].bc[j] - p[i].br);
            I->hi[j] = oy_rmax(I->hi[j], p[i].bc[j] + p[i].br);
        }
    for (int j = 0; j < 3; j++) {
        float pad = 1e-3f * (I->hi[j] - I->lo[j] + fabsf(I->lo[j]) + fabsf(I->hi[j])) + 1e-3f;
        I->lo[j] -= pad;
        I->hi[j] += pad;
    }
}

/* Add an instance of kind k with its base at world (x, y, z); paint,
 * when not NULL, colours its first material, its walls or body. */
static int add_inst(oy_objects *o, const oy_kind *k, double x, double y, double z, float yaw,
                    float scale, float fade, uint64_t seed, float t, float speed, float stride,
                    float water, float span, float pitch, int caster, const float *paint)
{
    oy_build *b = &o->build;
    b->n = b->nm = b->nl = 0;
    b->seed = seed;
    b->t = t;
    b->speed = speed;
    b->stride = stride;
    b->water = water;
    b->span = span;
    b->pitch = pitch;
    b->look = o->derelict ? &o->abandoned : &o->look;
    /* nothing farther than the caster reaches can be seen; a hostile
     * place (1e39, inf) must not reach the binning's integer maths */
    double rx = x - o->v.pos[0], ry = y - o->v.pos[1], rz = z - o->v.pos[2];
    if (!(fabs(rx) < 1e5 && fabs(ry) < 1e5 && fabs(rz) < 1e5) || !(scale > 0.0f && scale < 1e3f) ||
        o->ni >= MAX_INSTANCES)
        return 0;
    k->build(b);
    if (b->n == 0 || b->nm == 0)
        return 0;
    if (paint && (k->flags & OY_KIND_LEAFY) && (paint[0] != 0.0f || paint[1] != 0.0f || paint[2] != 0.0f)) {
        /* a tree's colour is its leaves' ("pink trees"): each crown's
         * grey, a little lifted for the hue to show, painted */
        for (int i = 0; i < b->nm; i++) {
            float *a = b->m[i].alb, l = fmaxf((a[0] + a[1] + a[2]) * (1.0f / 3.0f), 0.1f);
            if (!(b->m[i].flags & OY_MAT_LEAF))
                continue;
            a[0] = a[1] = a[2] = l;
            oy_paint(a, paint);
        }
    } else if (paint && !(b->m[0].flags & OY_MAT_SOFT) && (paint[0] != 0.0f || paint[1] != 0.0f || paint[2] != 0.0f)) {
        /* the colour named, not the body's own hue shifted: its grey,
         * painted, light enough for a hue to show on dark logs */
        float *a = b->m[0].alb, l = (a[0] + a[1] + a[2]) * (1.0f / 3.0f);
        if (paint[0] != 0.0f || paint[1] != 0.0f)
            l = fmaxf(l, 0.2f);
        a[0] = a[1] = a[2] = l;
        oy_paint(a, paint);
        for (int i = 1; i < b->nm; i++)
            if (b->m[i].shade > 0.0f)
                for (int c = 0; c < 3; c++)
                    b->m[i].alb[c] = a[c] * b->m[i].shade;
    }
    /* "a stone farmhouse": what paint colours, its walls, laid in courses */
    if (o->stone && !(b->m[0].flags & (OY_MAT_SOFT | OY_MAT_LEAF | OY_MAT_GLOW)))
        b->m[0].flags |= OY_MAT_STONE | OY_MAT_MASONRY;
    if (oy_grow(&o->in, &o->icap, o->ni + 1, sizeof *o->in) ||
        oy_grow(&o->prim, &o->pcap, o->np + (size_t)b->n, sizeof *o->prim) ||
        oy_grow(&o->mat, &o->mcap, o->nm + (size_t)b->nm, sizeof *o->mat))
        return OYSTER_E_NOMEM;
    inst *I = &o->in[o->ni];
    I->p[0] = (float)(x - o->v.pos[0]);
    I->p[1] = (float)(y - o->v.pos[1]);
    I->p[2] = (float)(z - o->v.pos[2]);
    I->cs = oy_cosf(yaw);
    I->sn = oy_sinf(yaw);
    I->s = scale;
    I->is = 1.0f / scale;
    I->fade = fade;
    I->p0 = (int)o->np;
    I->np = b->n;
    I->m0 = (int)o->nm;
    I->caster = caster;
    I->flat = (b->m[0].flags & OY_MAT_FLAT) != 0;
    I->mirror = 0;
    I->wl = 0.0f;
    I->soft = 0;
    for (int i = 0; i < b->n; i++)
        I->soft |= (b->m[b->p[i].mat].flags & OY_MAT_SOFT) != 0;
    /* a sphere round the primitives' spheres */
    float lo[3] = { 1e30f, 1e30f, 1e30f }, hi[3] = { -1e30f, -1e30f, -1e30f };
    for (int i = 0; i < b->n; i++) {
        float c[3], r;
        prim_bounds(&b->p[i], c, &r);
        for (int j = 0; j < 3; j++) {
            lo[j] = oy_rmin(lo[j], c[j] - r);
            hi[j] = oy_rmax(hi[j], c[j] + r);
        }
    }
    float lc[3], wc[3], rr = 0.0f;
    for (int j = 0; j < 3; j++)
        lc[j] = 0.5f * (lo[j] + hi[j]);
    for (int i = 0; i < b->n; i++) {
        float c[3], r;
        prim_bounds(&b->p[i], c, &r);
        float dx = c[0] - lc[0], dy = c[1] - lc[1], dz = c[2] - lc[2];
        rr = oy_rmax(rr, sqrtf(dx * dx + dy * dy + dz * dz) + r);
    }
    for (int j = 0; j < 3; j++)
        lc[j] *= scale;
    to_world(I, lc, wc);
    for (int j = 0; j < 3; j++)
        I->bc[j] = I->p[j] + wc[j];
    I->br = rr * scale;
    I->dnear = sqrtf(I->bc[0] * I->bc[0] + I->bc[1] * I->bc[1] + I->bc[2] * I->bc[2]) - I->br;
    for (int i = 0; i < b->n; i++)
        prim_bounds(&b->p[i], b->p[i].bc, &b->p[i].br);
    inst_box(I, b->p, b->n);
    memcpy(o->prim + o->np, b->p, sizeof *b->p * (size_t)b->n);
    memcpy(o->mat + o->nm, b->m, sizeof *b->m * (size_t)b->nm);
    o->np += (size_t)b->n;
    o->nm += (size_t)b->nm;
    o->ni++;
    /* its lights, camera-relative */
    if (b->nl && oy_grow(&o->cand, &o->candcap, o->ncand + (size_t)b->nl, sizeof *o->cand))
        return OYSTER_E_NOMEM;
    for (int i = 0; i < b->nl; i++) {
        float l[3] = { b->l[i].p[0] * scale, b->l[i].p[1] * scale, b->l[i].p[2] * scale }, wp[3];
        to_world(I, l, wp);
        rlight *L = &o->cand[o->ncand++];
        for (int j = 0; j < 3; j++) {
            L->p[j] = I->p[j] + wp[j];
            L->rgb[j] = b->l[i].rgb[j] * fade;
        }
    }
    return 0;
}

/* The last instance's image in still water at world height level: its
 * primitives turned upside down about the water's plane. Drawn only
 * where the view meets that water. */
static int add_mirror(oy_objects *o, double level)
{
    /* its size before the list grows: growing may move it */
    size_t np = (size_t)o->in[o->ni - 1].np;
    if (oy_grow(&o->in, &o->icap, o->ni + 1, sizeof *o->in) ||
        oy_grow(&o->prim, &o->pcap, o->np + np, sizeof *o->prim))
        return OYSTER_E_NOMEM;
    const inst *I = &o->in[o->ni - 1];
    inst *M = &o->in[o->ni];
    *M = *I;
    float wl = (float)(level - o->v.pos[1]);
    M->mirror = 1;
    M->wl = wl;
    M->caster = 0;
    M->soft = 0;
    M->p[1] = 2.0f * wl - I->p[1];
    M->bc[1] = 2.0f * wl - I->bc[1];
    M->dnear = sqrtf(M->bc[0] * M->bc[0] + M->bc[1] * M->bc[1] + M->bc[2] * M->bc[2]) - M->br;
    M->p0 = (int)o->np;
    for (int i = 0; i < I->np; i++) {
        oy_prim q = o->prim[I->p0 + i];
        if (q.type == OY_PRIM_FRUSTUM) {
            float r0 = q.r[0];
            q.c[1] = -(q.c[1] + q.r[2]);
            q.r[0] = q.r[1];
            q.r[1] = r0;
        } else {
            q.c[1] = -q.c[1];
        }
        for (int k = 0; k < q.np; k++)
            q.pl[k][1] = -q.pl[k][1];
        prim_bounds(&q, q.bc, &q.br);
        o->prim[o->np++] = q;
    }
    inst_box(M, o->prim + M->p0, M->np);
    o->ni++;
    o->nmirror++;
    return 0;
}

/* The last instance's image, when still water stands within reach of
 * its place no higher than half a metre above its base. */
static int mirror_by(oy_objects *o, const oy_world *w, const oy_world_shape *sh, double x, double z,
                     float reach, double base)
{
    float level;
    if (o->look.frozen || !oy_world_water_by(w, sh, x, z, reach, &level) || level >= base + 0.5)
        return 0;
    return add_mirror(o, level);
}

/* the height of water standing by a place, if any is within reach */
static float ground_at(const oy_world *w, const oy_world_shape *sh, double x, double z, float *water)
{
    oy_world_point pt;
    float g = oy_world_eval(w, sh, x, z, 0.25f, &pt);
    *water = pt.water;
    return g;
}

/* The ground a building stands on at x, z: the lowest under its walls
 * (its middle and eight points round it, r out), so that on a slope it
 * is dug into the rise and never stands proud of the fall; the water is
 * the water at its middle. Other kinds stand on the ground at their
 * middle. */
static float footing(const oy_world *w, const oy_world_shape *sh, const oy_kind *k, double x, double z,
                     float r, float *water)
{
    float g = ground_at(w, sh, x, z, water);
    if (!(k->flags & OY_KIND_BUILDING))
        return g;
    /* a building's walls go down to the lowest ground round it; a flat
     * one (a pool in its deck) lies on the highest, not under the grass */
    int floor = k->height < 1.0f;
    for (int i = 0; i < 8; i++) {
        float a = 0.7853982f * (float)i, wet;
        float h = ground_at(w, sh, x + r * oy_sinf(a), z + r * oy_cosf(a), &wet);
        g = floor ? fmaxf(g, h) : fminf(g, h);
    }
    return g;
}

/* Kinds that are groups of others, each member on its own ground round
 * the group's place, facing its middle: a village's houses round a green
 * (a barn last, none in the water), a town square's round its paving,
 * karst's towers (water or not), a city's tower blocks. */
static const struct group {
    const char *name, *member, *last;
    const char *middle;           /* drawn at the group's place, or NULL */
    int n, more;                  /* members: n + up to more - 1 */
    float r0, dr;                 /* ring radius, m: r0 + up to dr */
    float clear;                  /* each keeps the forest this far off, m */
} groups[] = {
    { "village", "house", "barn", NULL, 6, 4, 16.0f, 18.0f, 8.0f },
    { "town_square", "house", "house", "paving", 9, 4, 21.0f, 7.0f, 8.0f },
    { "karst", "rock_tower", "rock_tower", NULL, 5, 4, 40.0f, 110.0f, 12.0f },
    { "city", "skyscraper", "skyscraper", NULL, 16, 10, 15.0f, 150.0f, 20.0f },
};

static const struct group *group_of(const oy_kind *k)
{
    for (size_t i = 0; i < sizeof groups / sizeof *groups; i++)
        if (!strcmp(k->name, groups[i].name))
            return &groups[i];
    return NULL;
}

static int add_group(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                     const oy_entity *e, const struct group *gr, float t)
{
    const oy_kind *member = oy_scene_kind_find(gr->member), *last = oy_scene_kind_find(gr->last);
    int n = gr->n + (int)(oy_u01(e->seed) * (float)gr->more);
    int open = (oy_scene_kind_find(e->kind)->flags & OY_KIND_OPEN) != 0;
    if (gr->middle) {
        /* level with the highest ground under its edge, but a hand
         * over its middle at most, where what stands in the square
         * stands: the grass breaks through it only on a slope */
        const oy_kind *k = oy_scene_kind_find(gr->middle);
        float water, wet, g = ground_at(w, sh, e->pos[0], e->pos[2], &water), top = g;
        for (int i = 0; i < 8; i++) {
            float a = 0.7853982f * (float)i, r = 0.9f * k->radius;
            top = fmaxf(top, ground_at(w, sh, e->pos[0] + r * oy_sinf(a), e->pos[2] + r * oy_cosf(a), &wet));
        }
        g = fminf(top, g + 0.25f);
        int err = water > g ? 0 : add_inst(o, k, e->pos[0], g, e->pos[2], 0, 1.0f, e->fade, e->seed, t, 0, 0, 0,
                                           0, 0, 0, NULL);
        if (err)
            return err;
    }
    for (int i = 0; i < n; i++) {
        uint64_t h = oy_hash(e->seed, OY_STREAM_ENTITY, 0x7111, (uint64_t)i, 0);
        float a = 6.2831853f * ((float)i + 0.6f * oy_u01(h)) / (float)n;
        float r = gr->r0 + gr->dr * oy_u01(oy_mix64(h));
        double x = e->pos[0] + oy_sinf(a) * r, z = e->pos[2] + oy_cosf(a) * r;
        const oy_kind *k = i == n - 1 ? last : member;
        /* an open group stands none in the third of the ring on its front */
        float off = a - e->yaw * (float)(OY_PI / 180.0);
        off -= 6.2831853f * floorf((off + 3.14159265f) / 6.2831853f);
        if (open && fabsf(off) < 1.05f)
            continue;
        float water, g = footing(w, sh, k, x, z, 0.8f * k->radius, &water);
        if (water > g && !(k->flags & OY_KIND_WADES))
            continue;
        float yaw = a + 3.14159265f + 0.3f * (oy_u01(h ^ 0x55) - 0.5f);
        size_t before = o->ni;
        int err = add_inst(o, k, x, g, z, yaw, 1.0f, e->fade, h, t, 0, 0, 0, 0, 0, 1, e->paint);
        if (!err && (k->flags & OY_KIND_WADES) && o->ni > before)
            err = mirror_by(o, w, sh, x, z, k->radius + 6.0f, water > g ? water : g);
        if (err)
            return err;
    }
    return 0;
}

/* The ground under a road's line at x, z where the road runs along a;
 * a runway's, 45 m wide, the highest across it, so that no low hump of
 * the land shows through it, but no more than 1.2 m over its middle (a
 * view 2 m over the ground stands over it; sand drifts over it in dunes) */
static float road_ground(const oy_world *w, const oy_world_shape *sh, const oy_kind *k, double x, double z,
                         float a, float *water)
{
    float g = ground_at(w, sh, x, z, water), wet, top = g;
    if (!(k->flags & OY_KIND_STRAIGHT))
        return g;
    for (int s = -2; s <= 2; s++)
        if (s)
            top = fmaxf(top, ground_at(w, sh, x + 10.0 * s * oy_cosf(a), z - 10.0 * s * oy_sinf(a), &wet));
    return fminf(top, g + 1.2f);
}

/* a road: pieces laid end to end from its place both ways, winding in
 * gentle seeded bends about its heading, following the ground */
static int add_road(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                    const oy_entity *e, const oy_kind *k, float yaw, float t)
{
    const float piece = OY_ROAD_PIECE;
    const int n = 30;
    for (int dir = 1; dir >= -1; dir -= 2) {
        double x0 = e->pos[0], z0 = e->pos[2];
        for (int i = 0; i < n; i++) {
            float a = oy_road_heading(e->seed, yaw, (k->flags & OY_KIND_STRAIGHT) != 0, (float)dir * ((float)i + 0.5f));
            double x1 = x0 + (float)dir * oy_sinf(a) * piece, z1 = z0 + (float)dir * oy_cosf(a) * piece;
            float w0, w1, g0 = road_ground(w, sh, k, x0, z0, a, &w0), g1 = road_ground(w, sh, k, x1, z1, a, &w1);
            int err = 0;
            if (w0 <= g0 && w1 <= g1)
                err = add_inst(o, k, 0.5 * (x0 + x1), 0.5f * (g0 + g1) + 0.15f, 0.5 * (z0 + z1), a, 1.0f,
                               e->fade, e->seed, t, 0, 0, 0, piece, (float)dir * oy_atanf((g1 - g0) / piece), 1,
                               e->paint);
            if (err)
                return err;
            x0 = x1;
            z0 = z1;
        }
    }
    return 0;
}

/* A power line: a pole every OY_POLE_PIECES pieces of a road's winding
 * line, each with its wires to the next; none stands in water. It casts
 * no shadow: a wire's, as sharp as a pixel, drew cracks in the ground. */
static int add_poles(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                     const oy_entity *e, const oy_kind *k, float yaw, float t)
{
    const int n = 30 / OY_POLE_PIECES;
    const float gap = OY_POLE_PIECES * OY_ROAD_PIECE;
    float p[2], a, wet;
    int straight = (k->flags & OY_KIND_STRAIGHT) != 0;
    oy_road_point(e->seed, yaw, straight, -gap * (float)n, p, &a);
    double x0 = e->pos[0] + p[0], z0 = e->pos[2] + p[1];
    float g0 = ground_at(w, sh, x0, z0, &wet);
    int dry0 = !(wet > g0);
    for (int i = -n; i <= n; i++) {
        /* this pole and the next, whose ground the next pole keeps */
        oy_road_point(e->seed, yaw, straight, gap * (float)(i + 1), p, &a);
        double x1 = e->pos[0] + p[0], z1 = e->pos[2] + p[1];
        float g1 = ground_at(w, sh, x1, z1, &wet);
        int dry1 = !(wet > g1);
        float dx = (float)(x1 - x0), dz = (float)(z1 - z0), span = sqrtf(dx * dx + dz * dz);
        int wired = i < n && dry1;
        int err = dry0 ? add_inst(o, k, x0, g0, z0, oy_atan2f(dx, dz), 1.0f, e->fade, e->seed ^ (uint64_t)(i + n), t,
                                  0, 0, 0, wired ? span : 0.0f, wired ? oy_atanf((g1 - g0) / span) : 0.0f, 0, e->paint)
                       : 0;
        if (err)
            return err;
        x0 = x1;
        z0 = z1;
        g0 = g1;
        dry0 = dry1;
    }
    return 0;
}

static int add_foot(oy_objects *o, double x, double z, float r)
{
    if (oy_grow(&o->foot, &o->fcap, o->nfoot + 1, sizeof *o->foot))
        return OYSTER_E_NOMEM;
    o->foot[o->nfoot++] = (footprint) { x, z, r };
    return 0;
}

/* Footprints from (x, z) along the unit heading (ux, uz), len m of
 * them: an avenue r0 wide at its start narrowing to r1 */
static int avenue(oy_objects *o, double x, double z, float ux, float uz, float len, float r0, float r1)
{
    for (float d = 0.0f; d < len;) {
        float r = oy_lerpf(r0, r1, d / len);
        int err = add_foot(o, x + ux * d, z + uz * d, r);
        if (err)
            return err;
        d += 0.7f * r;
    }
    return 0;
}

/* A placed thing that stays where it is keeps its ground clear of the
 * forest's trees: a tent in a wood stands in its own small clearing, a
 * road runs through the trees; people, animals and vehicles, which come
 * and go, do not (the trees would come and go with them). One the words
 * placed for a view keeps the line it is seen along clear too, to 12 m
 * short of the view, wide enough that the crowns beside it do not hide
 * it: an avenue narrowing toward the view ("a temple in the jungle", "a
 * watchtower in a pine forest"). */
static int keep_clear(oy_objects *o, const oy_entity *e, const oy_kind *k, size_t first)
{
    if ((k->flags & (OY_KIND_MOVER | OY_KIND_LIFTED)) || e->speed > 0.0f || e->stride > 0.0f)
        return 0;
    float reach = oy_rmin(k->radius * e->scale * e->size, 30.0f);   /* its own ground's */
    if ((k->flags & (OY_KIND_FACES | OY_KIND_LANDFORM)) == (OY_KIND_FACES | OY_KIND_LANDFORM)) {
        /* a landform that faces a view (a waterfall, an arch) keeps the
         * trees off the line it is seen along, as far out as a level view
         * stands to see it whole: an avenue narrowing toward the view */
        float s = e->scale * e->size, len = s * (6.3f * k->height + k->radius);
        float yaw = e->yaw * (float)(OY_PI / 180.0);
        int err = avenue(o, e->pos[0], e->pos[2], oy_sinf(yaw), oy_cosf(yaw), len, 0.35f * k->radius * s, 6.0f);
        if (err)
            return err;
    } else if (e->seen && !(k->flags & OY_KIND_CLUSTER)) {
        float dx = e->seen_from[0] - e->pos[0], dz = e->seen_from[1] - e->pos[2], d = sqrtf(dx * dx + dz * dz);
        int err = d > 27.0f ? avenue(o, e->pos[0], e->pos[2], dx / d, dz / d, d - 12.0f, reach + 4.0f, 7.0f) : 0;
        if (err)
            return err;
    }
    if (!(k->flags & OY_KIND_CLUSTER))
        return add_foot(o, e->pos[0], e->pos[2], reach + 1.5f);
    /* a road's pieces, the trees 2.5 m past its edge, and a group's
     * members, each where it was laid */
    const struct group *gr = group_of(k);
    for (size_t i = first; i < o->ni; i++) {
        const inst *I = &o->in[i];
        int err = I->mirror ? 0 : add_foot(o, I->p[0] + o->v.pos[0], I->p[2] + o->v.pos[2],
                                           gr ? gr->clear : I->hi[0] + 2.5f);
        if (err)
            return err;
    }
    return 0;
}

static int add_thing(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                     const oy_entity *e, float t)
{
    const oy_kind *k = oy_scene_kind_find(e->kind);
    if (!k || e->fade <= 0.0f)
        return 0;
    const struct group *gr = group_of(k);
    if (gr)
        return add_group(o, w, sh, e, gr, t);
    float yaw = e->yaw * (float)(OY_PI / 180.0);
    if (k->build == oy_kind_power_line)
        return add_poles(o, w, sh, e, k, yaw, t);
    if (k->flags & OY_KIND_ALONG)
        return add_road(o, w, sh, e, k, yaw, t);
    /* people, animals and props keep their own size; trees, stones and
     * buildings vary about it; all take the size the words give */
    int vary = k->build == oy_kind_rock || k->build == oy_kind_boulder || k->height > 5.0f;
    float scale = (vary ? e->scale : 1.0f) * e->size;
    float water, g = footing(w, sh, k, e->pos[0], e->pos[2], 0.8f * k->radius * scale, &water);
    double y = g + e->pos[1];
    float wl = 0.0f, span = 0.0f, rise = 0.0f;
    if ((k->flags & OY_KIND_FLOATS) && water > g)
        y = water + e->pos[1];
    /* one that walks or drives stands on a pier's or a bridge's deck
     * where it stands over it */
    for (int i = 0; i < o->ndecks && (k->flags & OY_KIND_MOVER); i++) {
        const struct deck *D = &o->decks[i];
        float dx = (float)(e->pos[0] - D->x), dz = (float)(e->pos[2] - D->z);
        float along = dx * D->sn + dz * D->cs, across = dx * D->cs - dz * D->sn;
        if (along >= 0.0f && along <= D->len && fabsf(across) < D->half)
            y = oy_rmax(y, D->top + e->pos[1]);
    }
    /* aloft, but a wreck ("a crashed plane") lies on the ground */
    if ((k->flags & OY_KIND_LIFTED) && !e->derelict)
        y = g + (e->pos[1] > 0.0f ? e->pos[1] : 0.5f * k->height);
    double x = e->pos[0], z = e->pos[2];
    oy_world_gap gap;
    if ((k->flags & OY_KIND_SPANS) && !(water > g) && oy_world_gap_at(w, sh, x, z, yaw, &gap)) {
        /* over a dry gorge, from side to side: its deck level with the
         * lower rim (18 m up at most), the floor wl below its base */
        yaw = gap.yaw;
        span = gap.span;
        x = gap.mid[0];
        z = gap.mid[1];
        y = gap.top;
        wl = gap.floor - gap.top;
    } else if (k->flags & OY_KIND_SPANS) {
        /* from bank to bank; the higher end sets the deck */
        float g0 = g, g1 = g;
        yaw = oy_world_span_heading(w, sh, e->pos[0], e->pos[2], yaw, water > g, &span, &g0, &g1);
        y = oy_rmax(g0, g1);
        rise = oy_atanf((g0 - g1) / span);    /* the ramps reach down to both banks */
        if (water > g)
            wl = oy_rmax(water - (float)y, 0.0f) + 0.01f;
    }
    if ((k->build == oy_kind_bridge || k->build == oy_kind_stone_bridge || k->build == oy_kind_covered_bridge) &&
        o->ndecks < (int)(sizeof o->decks / sizeof *o->decks)) {
        float sn = oy_sinf(yaw), cs = oy_cosf(yaw);
        float deck = oy_bridge_deck(wl, oy_bridge_arched(k->build == oy_kind_stone_bridge, span));
        o->decks[o->ndecks++] = (struct deck){ x - 0.5f * span * sn, z - 0.5f * span * cs, y + deck + 0.25, sn, cs,
                                               span, 1.8f };
    }
    if (k->flags & OY_KIND_REACHES) {
        /* out over open water, long enough to reach 14 m past the water's
         * edge */
        float reach, level = water;
        yaw = oy_world_pier_heading(w, sh, e->pos[0], e->pos[2], yaw, &reach, &level);
        span = reach > 0.0f ? oy_clampf(reach + 14.0f, 16.0f, 40.0f) : 16.0f;
        wl = reach > 0.0f ? level - (float)y : 0.0f;
        if (o->ndecks < (int)(sizeof o->decks / sizeof *o->decks))
            o->decks[o->ndecks++] = (struct deck){ e->pos[0], e->pos[2], y + oy_pier_deck(wl) + 0.12,
                                                   oy_sinf(yaw), oy_cosf(yaw), span, 1.3f };
    }
    size_t before = o->ni;
    int err = add_inst(o, k, x, y, z, yaw, scale, e->fade, e->seed, t, e->speed, e->stride, wl, span, rise, 1,
                       e->paint);
    /* one that wades, or a waterfall across a river, is mirrored from
     * the water line up */
    double base = (k->flags & (OY_KIND_WADES | OY_KIND_HEADS)) && water > y ? water : y;
    return err || o->ni == before ? err : mirror_by(o, w, sh, x, z, k->radius + 6.0f, base);
}

static int add_entity(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                      const oy_entity *e, float t)
{
    size_t first = o->ni;
    int err = add_thing(o, w, sh, e, t);
    const oy_kind *k = oy_scene_kind_find(e->kind);
    return err || !k || e->fade <= 0.0f ? err : keep_clear(o, e, k, first);
}

/* The MAX_LIGHTS lamps that light the view most (brightest for their
 * distance from the camera), in the order they were added; a village at
 * night keeps the lamps near the camera, not the first in its list. */
struct lamp_rank {
    float w;
    int i;
};
static int by_weight(const void *a, const void *b)
{
    const struct lamp_rank *x = a, *y = b;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return x->i - y->i;
}
static int by_index(const void *a, const void *b)
{
    return ((const struct lamp_rank *)a)->i - ((const struct lamp_rank *)b)->i;
}

static int pick_lights(oy_objects *o)
{
    size_t n = o->ncand;
    if (n <= MAX_LIGHTS) {
        if (n)      /* no candidates: cand may still be NULL */
            memcpy(o->lights, o->cand, n * sizeof *o->cand);
        o->nl = (int)n;
        return 0;
    }
    if (oy_grow(&o->rank, &o->rankcap, n, sizeof *o->rank))
        return OYSTER_E_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const rlight *L = &o->cand[i];
        float d2 = L->p[0] * L->p[0] + L->p[1] * L->p[1] + L->p[2] * L->p[2];
        o->rank[i] = (struct lamp_rank) { (L->rgb[0] + L->rgb[1] + L->rgb[2]) / (d2 + 100.0f), (int)i };
    }
    qsort(o->rank, n, sizeof *o->rank, by_weight);
    qsort(o->rank, MAX_LIGHTS, sizeof *o->rank, by_index);
    for (int i = 0; i < MAX_LIGHTS; i++)
        o->lights[i] = o->cand[o->rank[i].i];
    o->nl = MAX_LIGHTS;
    return 0;
}

/* a sphere (camera-relative centre) the view may see */
static int in_view(const oy_objects *o, float x, float y, float z, float r)
{
    inst probe = { .bc = { x, y, z }, .br = r };
    int rect[4];
    return tile_rect(o, &probe, rect);
}

static int on_footprint(const oy_objects *o, const int *near, int n, double x, double z)
{
    for (int j = 0; j < n; j++) {
        const footprint *f = &o->foot[near[j]];
        if ((x - f->x) * (x - f->x) + (z - f->z) * (z - f->z) < (double)f->r * f->r)
            return 1;
    }
    return 0;
}

/* the forest's trees within far metres of the view's place; all_round:
 * behind the view and out of it too (exports) */
static int add_flora(oy_objects *o, const oy_world *w, const oy_world_shape *sh, float t, float far,
                     int all_round)
{
    double cx = o->v.pos[0], cz = o->v.pos[2];
    int64_t t0x = (int64_t)floor((cx - far) / OY_FLORA_TILE);
    int64_t t1x = (int64_t)floor((cx + far) / OY_FLORA_TILE);
    int64_t t0z = (int64_t)floor((cz - far) / OY_FLORA_TILE);
    int64_t t1z = (int64_t)floor((cz + far) / OY_FLORA_TILE);
    float fx = o->v.fwd.x, fz = o->v.fwd.z, fl = sqrtf(fx * fx + fz * fz);
    float half = (float)OY_FLORA_TILE * 0.7072f;
    for (int64_t tz = t0z; tz <= t1z; tz++)
        for (int64_t tx = t0x; tx <= t1x; tx++) {
            float mx = (float)(((double)tx + 0.5) * OY_FLORA_TILE - cx);
            float mz = (float)(((double)tz + 0.5) * OY_FLORA_TILE - cz);
            float r = sqrtf(mx * mx + mz * mz);
            if (r - half > far)
                continue;
            /* behind a level-ish view: not seen, and too far to shade it */
            if (!all_round && fl > 0.5f && (mx * fx + mz * fz) / fl < -half - 30.0f &&
                r - half > OY_TREE_SHADE)
                continue;
            int n, nn = 0;
            const oy_tree *tr = oy_flora_tile(o->flora, w, sh, tx, tz, &n);
            if (oy_grow(&o->near, &o->ncap, o->nfoot, sizeof *o->near))
                return OYSTER_E_NOMEM;
            for (size_t f = 0; f < o->nfoot; f++) {
                double ex = fabs(o->foot[f].x - (cx + mx)), ez = fabs(o->foot[f].z - (cz + mz));
                if (ex < 0.5 * OY_FLORA_TILE + o->foot[f].r && ez < 0.5 * OY_FLORA_TILE + o->foot[f].r)
                    o->near[nn++] = (int)f;
            }
            for (int i = 0; i < n; i++) {
                float dx = (float)(tr[i].x - cx), dz = (float)(tr[i].z - cz);
                float d = sqrtf(dx * dx + dz * dz);
                if (d > far || on_footprint(o, o->near, nn, tr[i].x, tr[i].z))
                    continue;
                float fade = 1.0f - oy_smoothstepf(FLORA_FADE, FLORA_FAR, d);
                /* a sphere round its kind's size, doubled: crowns vary */
                const oy_kind *k = tr[i].kind;
                float hh = k->height * tr[i].size, r = 2.0f * tr[i].size * sqrtf(0.25f * k->height * k->height +
                                                                                 k->radius * k->radius);
                /* near ones shade the view even from outside it (the shadow
                 * sweep leaves the canopy out there: render/shadow.c) */
                if (fade < 0.01f || (d >= OY_TREE_SHADE && !all_round &&
                                     !in_view(o, dx, tr[i].ground - (float)o->v.pos[1] + 0.5f * hh, dz, r)))
                    continue;
                float yaw = 6.2831853f * oy_u01(tr[i].seed);
                size_t before = o->ni;
                int err = add_inst(o, tr[i].kind, tr[i].x, tr[i].ground, tr[i].z, yaw, tr[i].size, fade,
                                   tr[i].seed, t, 0, 0, 0, 0, 0, d < OY_TREE_SHADE, NULL);
                if (!err && o->ni > before && tr[i].water > -1e8f && !o->look.frozen)
                    err = add_mirror(o, tr[i].water);
                if (err)
                    return err;
            }
        }
    return 0;
}

/* the primitives' spheres in groups of four lanes (o->balls) */
static int pack_spheres(oy_objects *o)
{
    size_t n = 0;
    for (size_t k = 0; k < o->ni; k++)
        n += 4 * ((size_t)(o->in[k].np + 3) & ~(size_t)3);
    if (oy_grow(&o->balls, &o->bcap, n + 1, sizeof *o->balls))
        return OYSTER_E_NOMEM;
    n = 0;
    for (size_t k = 0; k < o->ni; k++) {
        inst *I = &o->in[k];
        I->b0 = (int)n;
        for (int g = 0; g < I->np; g += 4, n += 16)
            for (int j = 0; j < 4; j++) {
                const oy_prim *p = g + j < I->np ? &o->prim[I->p0 + g + j] : NULL;
                int solid = p && !(o->mat[I->m0 + p->mat].flags & OY_MAT_SOFT);
                for (int c = 0; c < 3; c++)
                    o->balls[n + 4 * c + j] = p ? p->bc[c] : 0.0f;
                o->balls[n + 12 + j] = solid ? p->br * p->br : -1.0f;
            }
    }
    return 0;
}

/* ---- binning ---- */

typedef struct near_key { float d; int i; } near_key;
static int by_near(const void *a, const void *b)
{
    const near_key *x = a, *y = b;
    if (x->d != y->d)
        return x->d < y->d ? -1 : 1;
    return x->i - y->i;
}

/* the screen rectangle (tiles) an instance may cover; 0 when off screen */
static int tile_rect(const oy_objects *o, inst *I, int r[4])
{
    const oy_view *v = &o->v;
    oy_v3 c = oy_v3_make(I->bc[0], I->bc[1], I->bc[2]);
    float zc = oy_v3_dot(c, v->fwd), xc = oy_v3_dot(c, v->right), yc = oy_v3_dot(c, v->up);
    I->cf = zc;
    I->cu = yc;
    I->cr = xc;
    I->K = oy_v3_dot(c, c) - I->br * I->br;
    if (zc < -I->br)
        return 0;
    float W = (float)o->W, H = (float)o->H;
    if (zc - I->br < 0.05f * I->br + 0.01f) {
        I->sx0 = I->sy0 = -1e30f;
        I->sx1 = I->sy1 = 1e30f;
        r[0] = 0; r[1] = 0; r[2] = o->tw - 1; r[3] = o->th - 1;
        return 1;
    }
    /* the sphere's box in view space, projected: the extremes of x / z
     * and y / z are at its corners */
    float zn = zc - I->br, zf = zc + I->br;
    float xl = xc - I->br, xr = xc + I->br, yl = yc - I->br, yh = yc + I->br;
    float u0 = oy_rmin(xl / zn, xl / zf), u1 = oy_rmax(xr / zn, xr / zf);
    float w0 = oy_rmin(yl / zn, yl / zf), w1 = oy_rmax(yh / zn, yh / zf);
    /* and the instance's own box, projected, when all of it is ahead: a
     * tall tree covers far less of the screen than its sphere */
    float bu0 = 1e30f, bu1 = -1e30f, bw0 = 1e30f, bw1 = -1e30f;
    int ahead = 1;
    for (int k = 0; k < 8 && ahead; k++) {
        float l[3] = { (k & 1 ? I->hi[0] : I->lo[0]) * I->s, (k & 2 ? I->hi[1] : I->lo[1]) * I->s,
                       (k & 4 ? I->hi[2] : I->lo[2]) * I->s }, wv[3];
        to_world(I, l, wv);
        oy_v3 q = oy_v3_make(I->p[0] + wv[0], I->p[1] + wv[1], I->p[2] + wv[2]);
        float z = oy_v3_dot(q, v->fwd);
        ahead = z > 0.01f;
        if (ahead) {
            float u = oy_v3_dot(q, v->right) / z, w = oy_v3_dot(q, v->up) / z;
            bu0 = oy_rmin(bu0, u); bu1 = oy_rmax(bu1, u);
            bw0 = oy_rmin(bw0, w); bw1 = oy_rmax(bw1, w);
        }
    }
    if (ahead) {
        u0 = oy_rmax(u0, bu0); u1 = oy_rmin(u1, bu1);
        w0 = oy_rmax(w0, bw0); w1 = oy_rmin(w1, bw1);
    }
    float px0 = (u0 / o->thx + 1.0f) * 0.5f * W, px1 = (u1 / o->thx + 1.0f) * 0.5f * W;
    float py0 = (1.0f - w1 / o->thy) * 0.5f * H, py1 = (1.0f - w0 / o->thy) * 0.5f * H;
    if (px1 < 0.0f || py1 < 0.0f || px0 >= W || py0 >= H)
        return 0;
    I->sx0 = px0 - 1.0f; I->sx1 = px1 + 1.0f;
    I->sy0 = py0 - 1.0f; I->sy1 = py1 + 1.0f;
    r[0] = (int)oy_clampf(px0, 0.0f, W - 1.0f) / TILE;
    r[1] = (int)oy_clampf(py0, 0.0f, H - 1.0f) / TILE;
    r[2] = (int)oy_clampf(px1, 0.0f, W - 1.0f) / TILE;
    r[3] = (int)oy_clampf(py1, 0.0f, H - 1.0f) / TILE;
    return 1;
}

static int bin(oy_objects *o)
{
    size_t nt = (size_t)o->tw * o->th;
    if (oy_grow(&o->ts, &o->tscap, nt + 1, sizeof *o->ts) ||
        oy_grow(&o->rs, &o->rscap, (size_t)o->th + 1, sizeof *o->rs) ||
        oy_grow(&o->span, &o->spancap, (size_t)o->threads * 2 * (o->ni + 1), sizeof *o->span) ||
        oy_grow(&o->scr, &o->scrcap, o->ni + 1, sizeof *o->scr) ||
        oy_grow(&o->order, &o->ocap, o->ni + 1, sizeof *o->order))
        return OYSTER_E_NOMEM;
    near_key *keys = oy_malloc(sizeof *keys * (o->ni + 1));
    if (!keys)
        return OYSTER_E_NOMEM;
    for (size_t i = 0; i < o->ni; i++)
        keys[i] = (near_key){ o->in[i].dnear, (int)i };
    qsort(keys, o->ni, sizeof *keys, by_near);
    for (size_t i = 0; i < o->ni; i++)
        o->order[i] = keys[i].i;
    free(keys);
    memset(o->ts, 0, sizeof *o->ts * (nt + 1));
    memset(o->rs, 0, sizeof *o->rs * ((size_t)o->th + 1));
    /* a counting sort: count each tile's instances, then fill the lists
     * in near-to-far order */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < o->ni; k++) {
            int r[4];
            inst *I = &o->in[o->order[k]];
            if (!tile_rect(o, I, r))
                continue;
            if (pass == 0)
                o->scr[o->order[k]] = (struct onscreen){ I->sx0, I->sx1, I->dnear, I->mirror };
            for (int y = r[1]; y <= r[3]; y++) {
                if (pass == 0)
                    o->rs[y + 1]++;
                else
                    o->rl[o->cursor[nt + y]++] = o->order[k];
                for (int x = r[0]; x <= r[2]; x++) {
                    if (pass == 0)
                        o->ts[y * o->tw + x + 1]++;
                    else
                        o->tl[o->cursor[y * o->tw + x]++] = o->order[k];
                }
            }
        }
        if (pass == 0) {
            for (size_t i = 0; i < nt; i++)
                o->ts[i + 1] += o->ts[i];
            for (int i = 0; i < o->th; i++)
                o->rs[i + 1] += o->rs[i];
            if (oy_grow(&o->tl, &o->tlcap, (size_t)o->ts[nt] + 1, sizeof *o->tl) ||
                oy_grow(&o->rl, &o->rlcap, (size_t)o->rs[o->th] + 1, sizeof *o->rl) ||
                oy_grow(&o->cursor, &o->ccursor, nt + (size_t)o->th, sizeof *o->cursor))
                return OYSTER_E_NOMEM;
            memcpy(o->cursor, o->ts, sizeof *o->cursor * nt);
            memcpy(o->cursor + nt, o->rs, sizeof *o->cursor * (size_t)o->th);
        }
    }
    return 0;
}

/* ---- sun shadows of the placed objects ---- */

static int shadow_grid(oy_objects *o, const float sun[3])
{
    o->shadow_on = 0;
    o->ncasters = 0;
    if (sun[1] < 0.02f)
        return 0;
    for (size_t i = 0; i < o->ni; i++)
        if (o->in[i].caster && !o->in[i].flat && o->in[i].fade > 0.5f) {
            if (oy_grow(&o->casters, &o->ccap, o->ncasters + 1, sizeof *o->casters))
                return OYSTER_E_NOMEM;
            o->casters[o->ncasters++] = (int)i;
        }
    if (!o->ncasters)
        return 0;
    memcpy(o->sun, sun, sizeof o->sun);
    /* two axes across the sun's direction */
    oy_v3 s = oy_v3_make(sun[0], sun[1], sun[2]);
    oy_v3 a = oy_v3_normalize(oy_v3_cross(s, oy_v3_make(0, 1, 0)));
    if (oy_v3_dot(a, a) < 0.5f)
        a = oy_v3_make(1, 0, 0);
    oy_v3 b = oy_v3_cross(a, s);
    o->e1[0] = a.x; o->e1[1] = a.y; o->e1[2] = a.z;
    o->e2[0] = b.x; o->e2[1] = b.y; o->e2[2] = b.z;
    float u0 = 1e30f, u1 = -1e30f, v0 = 1e30f, v1 = -1e30f;
    for (size_t k = 0; k < o->ncasters; k++) {
        const inst *I = &o->in[o->casters[k]];
        float u = I->bc[0] * a.x + I->bc[1] * a.y + I->bc[2] * a.z;
        float v = I->bc[0] * b.x + I->bc[1] * b.y + I->bc[2] * b.z;
        u0 = oy_rmin(u0, u - I->br); u1 = oy_rmax(u1, u + I->br);
        v0 = oy_rmin(v0, v - I->br); v1 = oy_rmax(v1, v + I->br);
    }
    o->gn = SHADOW_CELLS;
    o->cell = oy_rmax(oy_rmax(u1 - u0, v1 - v0) / (float)SHADOW_CELLS, 1.0f);
    o->u0 = u0;
    o->v0 = v0;
    size_t nc = (size_t)SHADOW_CELLS * SHADOW_CELLS;
    if (oy_grow(&o->gs, &o->gscap, nc + 1, sizeof *o->gs))
        return OYSTER_E_NOMEM;
    memset(o->gs, 0, sizeof *o->gs * (nc + 1));
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < o->ncasters; k++) {
            const inst *I = &o->in[o->casters[k]];
            float u = I->bc[0] * a.x + I->bc[1] * a.y + I->bc[2] * a.z - u0;
            float v = I->bc[0] * b.x + I->bc[1] * b.y + I->bc[2] * b.z - v0;
            int i0 = (int)oy_clampf((u - I->br) / o->cell, 0, SHADOW_CELLS - 1);
            int i1 = (int)oy_clampf((u + I->br) / o->cell, 0, SHADOW_CELLS - 1);
            int j0 = (int)oy_clampf((v - I->br) / o->cell, 0, SHADOW_CELLS - 1);
            int j1 = (int)oy_clampf((v + I->br) / o->cell, 0, SHADOW_CELLS - 1);
            for (int j = j0; j <= j1; j++)
                for (int i = i0; i <= i1; i++) {
                    if (pass == 0)
                        o->gs[j * SHADOW_CELLS + i + 1]++;
                    else
                        o->gl[o->cursor[j * SHADOW_CELLS + i]++] = o->casters[k];
                }
        }
        if (pass == 0) {
            for (size_t i = 0; i < nc; i++)
                o->gs[i + 1] += o->gs[i];
            if (oy_grow(&o->gl, &o->glcap, (size_t)o->gs[nc] + 1, sizeof *o->gl) ||
                oy_grow(&o->cursor, &o->ccursor, nc, sizeof *o->cursor))
                return OYSTER_E_NOMEM;
            memcpy(o->cursor, o->gs, sizeof *o->cursor * nc);
        }
    }
    o->shadow_on = 1;
    return 0;
}

/* the nearest solid hit of a ray in instance I, or with any set the first
 * found (enough for a shadow): t, or -1 */
static float inst_hit(const oy_objects *o, const inst *I, const float ow[3], const float d[3],
                      float tmin, float tmax, int any, int *prim, float nl[3])
{
    /* the bounding sphere first */
    float oc[3] = { I->bc[0] - ow[0], I->bc[1] - ow[1], I->bc[2] - ow[2] };
    float bq = oc[0] * d[0] + oc[1] * d[1] + oc[2] * d[2];
    float cq = oc[0] * oc[0] + oc[1] * oc[1] + oc[2] * oc[2] - I->br * I->br;
    if (cq > 0.0f && (bq < 0.0f || bq * bq < cq))
        return -1.0f;
    float rel[3] = { ow[0] - I->p[0], ow[1] - I->p[1], ow[2] - I->p[2] }, lo[3], ld[3];
    to_local(I, rel, lo);
    to_local(I, d, ld);
    /* then its box: where the ray is inside it on every axis at once */
    float t0 = tmin, t1 = tmax;
    for (int j = 0; j < 3; j++) {
        if (ld[j] == 0.0f) {
            if (lo[j] < I->lo[j] || lo[j] > I->hi[j])
                return -1.0f;
            continue;
        }
        float inv = 1.0f / ld[j], ta = (I->lo[j] - lo[j]) * inv, tb = (I->hi[j] - lo[j]) * inv;
        t0 = oy_rmax(t0, oy_rmin(ta, tb));
        t1 = oy_rmin(t1, oy_rmax(ta, tb));
    }
    if (t0 > t1)
        return -1.0f;
    float best = tmax, n[3], a = ld[0] * ld[0] + ld[1] * ld[1] + ld[2] * ld[2];
    int hit = -1;
    /* each primitive's sphere, four at a time: missed, behind, or (one by
     * one, as the nearest hit draws in) farther than the nearest hit */
    for (int g = 0; g < I->np; g += 4) {
        const float *B = o->balls + I->b0 + 4 * g;
        v4 cx, cy, cz, r2;
        memcpy(&cx, B, sizeof cx);
        memcpy(&cy, B + 4, sizeof cy);
        memcpy(&cz, B + 8, sizeof cz);
        memcpy(&r2, B + 12, sizeof r2);
        v4 qx = cx - lo[0], qy = cy - lo[1], qz = cz - lo[2];
        v4 bb = qx * ld[0] + qy * ld[1] + qz * ld[2];
        v4 cc = qx * qx + qy * qy + qz * qz - r2;
        v4 disc = bb * bb - a * cc;
        for (int j = 0; j < 4 && g + j < I->np; j++) {
            if (r2[j] < 0.0f || disc[j] < 0.0f || (cc[j] > 0.0f && bb[j] < 0.0f) || bb[j] - sqrtf(disc[j]) > best * a)
                continue;
            float t = oy_prim_hit(&o->prim[I->p0 + g + j], lo, ld, tmin, best, n);
            if (t > 0.0f) {
                best = t;
                hit = g + j;
                memcpy(nl, n, sizeof n);
                if (any)
                    break;
            }
        }
        if (any && hit >= 0)
            break;
    }
    *prim = hit;
    return hit < 0 ? -1.0f : best;
}

/* 1 lit .. 0 in a placed object's shadow, for a point p (camera-relative;
 * the terrain's shadow takes world heights) */
static float object_shadow(const oy_objects *o, const float p[3])
{
    if (!o->shadow_on)
        return 1.0f;
    float u = p[0] * o->e1[0] + p[1] * o->e1[1] + p[2] * o->e1[2] - o->u0;
    float v = p[0] * o->e2[0] + p[1] * o->e2[1] + p[2] * o->e2[2] - o->v0;
    int i = (int)(u / o->cell), j = (int)(v / o->cell);
    if (u < 0.0f || v < 0.0f || i >= o->gn || j >= o->gn)
        return 1.0f;
    int k = j * o->gn + i;
    for (int q = o->gs[k]; q < o->gs[k + 1]; q++) {
        const inst *I = &o->in[o->gl[q]];
        int prim;
        float n[3];
        if (inst_hit(o, I, p, o->sun, 0.02f, 1e5f, 1, &prim, n) > 0.0f)
            return 0.0f;
    }
    return 1.0f;
}

/* the frame's point lights on a surface point p with normal n */
static void point_lights(const oy_objects *o, const float p[3], const float n[3], float E[3])
{
    for (int i = 0; i < o->nl; i++) {
        const rlight *L = &o->lights[i];
        float l[3] = { L->p[0] - p[0], L->p[1] - p[1], L->p[2] - p[2] };
        float d2 = l[0] * l[0] + l[1] * l[1] + l[2] * l[2];
        float il = 1.0f / sqrtf(d2 + 1e-6f);
        float ndl = (n[0] * l[0] + n[1] * l[1] + n[2] * l[2]) * il;
        if (ndl <= 0.0f)
            continue;
        float k = ndl / (d2 + 0.5f);
        for (int c = 0; c < 3; c++)
            E[c] += L->rgb[c] * k;
    }
}

/* The glow of the lamps in the air between the camera and depth T along
 * d, where fog or rain scatters their light (sigma per metre): each
 * lamp's light scattered along the ray, integrated in closed form (fog
 * scatters mostly forward, about 12 times the even share toward a view
 * that looks past the lamp) and dimmed by the air between, fading out over its last metres to nothing
 * 9 m from the lamp (the far tail of the true glow would veil the whole
 * frame in an even grey). */
static void halos(const oy_objects *o, float sigma, const float d[3], float T, float px[3])
{
    for (int i = 0; i < o->nl; i++) {
        const rlight *L = &o->lights[i];
        float t0 = L->p[0] * d[0] + L->p[1] * d[1] + L->p[2] * d[2];
        float h2 = L->p[0] * L->p[0] + L->p[1] * L->p[1] + L->p[2] * L->p[2] - t0 * t0;
        if (t0 < -2.0f || h2 > 81.0f)
            continue;
        float h = sqrtf(oy_rmax(h2, 0.04f)), fade = oy_smoothstepf(9.0f, 2.0f, h);
        float k = (oy_atan2f(oy_rmin(T, 3000.0f) - t0, h) + oy_atan2f(t0, h)) / h * sigma *
                  (float)(12.0 * 0.25 / OY_PI) * oy_rexp(-sigma * oy_rmax(t0, 0.0f)) * fade;
        for (int c = 0; c < 3; c++)
            px[c] += L->rgb[c] * k;
    }
}

/* the horizon sky in the direction of d, for the air */
static void horizon(const oy_cast *c, const float d[3], float hz[3])
{
    oy_sky_lut(c->sky, oy_rturns(d[0], d[2]), 0.05f, hz);
    for (int i = 0; i < 3; i++)
        hz[i] = oy_lerpf(hz[i], c->sky->overcast[i], c->sky->oc);
}

/* Bare rock is not one flat colour: blotches some metres across, beds in
 * its height and, near, a grain that roughens its faces; each fades out
 * with distance before it could shimmer. Returns the factor on the
 * albedo and may bend the normal n. */
static float stone_grain(const oy_cast *c, const float pt[3], float t, float n[3])
{
    float x = (float)fmod(c->cam_x + pt[0], 2048.0), z = (float)fmod(c->cam_z + pt[2], 2048.0);
    float y = c->cam_y + pt[1];
    float far = oy_clampf(1.0f - t * (1.0f / 1500.0f), 0.0f, 1.0f);
    float near = oy_clampf(1.0f - t * (1.0f / 120.0f), 0.0f, 1.0f);
    float g = far * (0.14f * oy_rcos(0.23f * x + 0.17f * z + 0.31f * y + 1.3f * oy_rcos(0.11f * z - 0.07f * x)) +
                     0.1f * oy_rcos(1.7f * y + 0.8f * oy_rcos(0.21f * x + 0.13f * z)));
    if (near > 0.0f) {
        g += 0.1f * near * oy_rcos(2.9f * x + 1.1f * y + 2.3f * z) * oy_rcos(3.7f * z - 2.1f * y + 0.9f * x);
        float k = 0.2f * near;
        n[0] += k * oy_rcos(1.9f * y + 2.7f * z);
        n[1] += k * oy_rcos(2.3f * x + 1.7f * z + 1.0f);
        n[2] += k * oy_rcos(2.1f * x + 1.3f * y + 2.0f);
        float il = 1.0f / sqrtf(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        n[0] *= il; n[1] *= il; n[2] *= il;
    }
    return 1.0f + g;
}

/* Stone laid in courses (OY_MAT_MASONRY): the brightness at a point of
 * a wall, 1 on average. Courses 0.32 m high, stones 0.55 m long, each
 * course shifted; every stone its own tone, the joints between them dark
 * within 30 m of the view, the whole pattern gone past 80 m. A level
 * face (a wall's top) is laid the same way in plan. */
#define COURSE 0.32
#define STONE_LEN 0.55
static float masonry(const oy_cast *c, const float pt[3], const float n[3], float t)
{
    float near = oy_clampf(1.0f - t * (1.0f / 80.0f), 0.0f, 1.0f);
    if (near <= 0.0f)
        return 1.0f;
    double x = c->cam_x + pt[0], y = c->cam_y + pt[1], z = c->cam_z + pt[2];
    float ax = fabsf(n[0]), ay = fabsf(n[1]), az = fabsf(n[2]);
    double u = ax > az ? z : x, v = ay > ax && ay > az ? (ax > az ? x : z) : y;
    double cv = floor(v / COURSE);
    int64_t row = (int64_t)cv;
    double su = u / STONE_LEN + (row & 1 ? 0.5 : 0.0) + 0.3 * oy_u01(oy_mix64((uint64_t)row * 0x9e37u + 17u));
    double cu = floor(su);
    float fu = (float)(su - cu), fv = (float)(v / COURSE - cv);
    float tone = 0.8f + 0.4f * oy_u01(oy_mix64((uint64_t)(int64_t)cu * 0x51edu ^ (uint64_t)row << 32));
    float edge = fminf(fminf(fu, 1.0f - fu) * (float)STONE_LEN, fminf(fv, 1.0f - fv) * (float)COURSE);
    float joint = oy_clampf(1.0f - t * (1.0f / 30.0f), 0.0f, 1.0f) * (1.0f - oy_smoothstepf(0.012f, 0.035f, edge));
    return oy_lerpf(1.0f, tone * (1.0f - 0.55f * joint), near);
}

/* Shade the hit of the ray along d at t. In a mirror instance the hit is
 * the water's image: the point, normal and ray are turned back above the
 * water, so the object is lit as it stands. */
static void shade_hit(const oy_objects *o, const oy_cast *c, const inst *I, int prim,
                      const float nl[3], const float d0[3], float t, float out[3])
{
    const oy_prim *p = &o->prim[I->p0 + prim];
    const oy_mat *m = &o->mat[I->m0 + p->mat];
    const oy_sky *s = c->sky;
    float n[3], pt[3] = { d0[0] * t, d0[1] * t, d0[2] * t }, d[3] = { d0[0], d0[1], d0[2] };
    to_world(I, nl, n);
    if (I->mirror) {
        pt[1] = 2.0f * I->wl - pt[1];
        n[1] = -n[1];
        d[1] = -d[1];
    }
    if (n[0] * d[0] + n[1] * d[1] + n[2] * d[2] > 0.0f) {
        n[0] = -n[0]; n[1] = -n[1]; n[2] = -n[2];
    }
    float ng[3] = { n[0], n[1], n[2] };   /* the face's own, off which its shadow ray starts */
    if (m->flags & OY_MAT_FLAT) {
        n[0] = n[2] = 0.0f;
        n[1] = 1.0f;
    }
    int leaf = m->flags & OY_MAT_LEAF;
    float grain = m->flags & OY_MAT_STONE ? stone_grain(c, pt, t, n) : 1.0f;
    if (m->flags & OY_MAT_MASONRY)
        grain *= masonry(c, pt, ng, t);
    if (leaf && t < 150.0f) {
        /* a crown is clumps of leaves: its normal wanders over a metre or
         * so, less with distance, before it could shimmer */
        float k = 0.5f * (1.0f - t * (1.0f / 150.0f));
        float ax = (float)fmod(c->cam_x + pt[0], 512.0), az = (float)fmod(c->cam_z + pt[2], 512.0);
        float ay = c->cam_y + pt[1];
        n[0] += k * oy_rcos(ax * 4.1f + ay * 2.3f);
        n[1] += k * oy_rcos(ay * 3.7f + az * 2.9f + 1.0f);
        n[2] += k * oy_rcos(az * 4.3f + ax * 1.7f + 2.0f);
        float il = 1.0f / sqrtf(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        n[0] *= il; n[1] *= il; n[2] *= il;
    }
    float E[3] = { 0, 0, 0 };
    float ndl = n[0] * s->sun[0] + n[1] * s->sun[1] + n[2] * s->sun[2];
    if (m->flags & OY_MAT_LEAF)
        ndl = (ndl + 0.35f) * (1.0f / 1.35f);     /* light round leaves */
    else if (m->flags & OY_MAT_SOFT)
        ndl = 0.5f * (ndl + 1.0f);                /* and through smoke and steam */
    if (ndl > 0.0f && s->sun[1] > 0.0f) {
        /* a crown is itself the canopy the shadow sweep sees: look a
         * little above it, so only what stands higher shades it */
        float lit = oy_shadow_at(c->shadow, pt[0], pt[2], c->cam_y + pt[1] + (leaf ? 3.0f : 0.3f), t);
        /* smoke takes no shadow from the things round it: a ray from
         * every puff a pixel sees costs much and shows little */
        if (lit > 0.0f && I->caster && !(m->flags & OY_MAT_SOFT)) {
            float q[3] = { pt[0] + ng[0] * 0.03f, pt[1] + ng[1] * 0.03f, pt[2] + ng[2] * 0.03f };
            lit *= object_shadow(o, q);
        }
        for (int i = 0; i < 3; i++)
            E[i] += s->sun_rad[i] * ndl * lit;
    }
    float ndm = s->moon_rad[1] > 0.0f ? oy_rmax(n[0] * s->moon[0] + n[1] * s->moon[1] + n[2] * s->moon[2], 0.0f) : 0.0f;
    float up = 0.5f + 0.5f * n[1], sv = up * up;
    /* what a face turned down or sideways sees of the land: the ground
     * lit by the sun, the moon and the sky throws back about a fifth of
     * it, lying snow most of it, desert sand nearly half and warm (a
     * wall in shade in the desert glows ochre, not sky blue) */
    float down = 0.5f - 0.5f * n[1], sun_y = oy_rmax(s->sun[1], 0.0f), moon_y = oy_rmax(s->moon[1], 0.0f);
    float sand = o->sand;
    float bounce = down * (0.2f + 0.55f * c->snow + 0.25f * sand);
    const float warm[3] = { 1.0f + 0.2f * sand, 1.0f, 1.0f - 0.28f * sand };
    /* the horizon's light, more from a low sun's side (a thing with its
     * back to a sunset stands dark against it: sky.c) */
    float hor = 0.25f * (1.0f - n[1]) * (1.0f + n[0] * s->hor_toward[0] + n[2] * s->hor_toward[1]);
    for (int i = 0; i < 3; i++)
        E[i] += s->moon_rad[i] * ndm + s->amb_up[i] * sv + s->amb_hor[i] * hor +
                bounce * warm[i] * (s->sun_rad[i] * sun_y + s->moon_rad[i] * moon_y + s->amb_up[i]) +
                (leaf ? 0.3f * s->amb_up[i] + 0.12f * s->sun_rad[i] * sun_y : 0.0f);
    if (s->flash_rad[1] > 0.0f) {
        /* lightning, from the bolt's side */
        float ndf = oy_rmax(n[0] * s->flash_dir[0] + n[1] * s->flash_dir[1] + n[2] * s->flash_dir[2], 0.0f);
        for (int i = 0; i < 3; i++)
            E[i] += s->flash_rad[i] * ndf;
    }
    point_lights(o, pt, n, E);
    for (int i = 0; i < 3; i++)
        out[i] = grain * m->alb[i] * E[i] * (float)(1.0 / OY_PI) + m->emit[i];
    float hz[3];
    horizon(c, d0, hz);
    oy_cast_air(c, d0, hz, t, out);
}

/* the land seen at depth t along d: the objects' shadows and the point
 * lights' glow on it */
static void relight_land(const oy_objects *o, const oy_cast *c, const float d[3], float t, float col[3])
{
    float p[3] = { d[0] * t, d[1] * t, d[2] * t };
    const oy_sky *s = c->sky;
    if (o->shadow_on && t < 3000.0f && object_shadow(o, p) == 0.0f) {
        float lit = oy_shadow_at(c->shadow, p[0], p[2], c->cam_y + p[1], t);
        for (int i = 0; i < 3; i++) {
            float sun = s->sun_rad[i] * s->sun[1] * lit, amb = s->amb_up[i] + 1e-6f;
            col[i] *= amb / (amb + sun);
        }
    }
    if (o->nl) {
        static const float up[3] = { 0, 1, 0 };
        float E[3] = { 0, 0, 0 };
        p[1] += 0.05f;
        point_lights(o, p, up, E);
        float add[3];
        for (int i = 0; i < 3; i++)
            add[i] = 0.22f * E[i] * (float)(1.0 / OY_PI);
        /* the glow dims through the air as the land does */
        oy_cast_air_dim(c, d, t, add);
        for (int i = 0; i < 3; i++)
            col[i] += add[i];
    }
}

/* The spans of a row's instances, in pixels: where the row's rays pass
 * each instance's bounding sphere. With d(u) = A + u R the ray of the
 * pixel at u and K = |c|^2 - r^2, the line through the camera meets the
 * sphere where (c.d)^2 >= K |d|^2, a quadratic in u; between its roots,
 * or outside them for a sphere the line along the row runs through (one
 * beside the camera), two pixels wider either side than the sums make
 * it (inst_hit tests the sphere itself); every pixel when the camera is
 * in the sphere. Instance i's span goes to span[2 i], span[2 i + 1]; an
 * instance of the tile row that the row misses gets an empty one. The
 * span does not depend on the tile, so each is solved once a row. */
static void row_spans(const oy_objects *o, int y, float w, float fy, float *span)
{
    const oy_view *v = &o->v;
    float A[3] = { v->fwd.x + w * v->up.x, v->fwd.y + w * v->up.y, v->fwd.z + w * v->up.z };
    float AA = A[0] * A[0] + A[1] * A[1] + A[2] * A[2];
    float AR = A[0] * v->right.x + A[1] * v->right.y + A[2] * v->right.z;
    float RR = oy_v3_dot(v->right, v->right);
    float k = 0.5f * (float)o->W / o->thx;
    int r = y / TILE;
    for (int q = o->rs[r]; q < o->rs[r + 1]; q++) {
        const inst *I = &o->in[o->rl[q]];
        float *sp = span + 2 * (size_t)o->rl[q];
        sp[0] = 1e30f;
        sp[1] = -1e30f;
        if (fy < I->sy0 || fy > I->sy1)
            continue;
        float K = I->K, a0 = I->cf + w * I->cu, a1 = I->cr;
        float qa = a1 * a1 - K * RR, qb = a0 * a1 - K * AR, qc = a0 * a0 - K * AA;
        float xa = -1e30f, xb = 1e30f;
        if (K > 0.0f && fabsf(qa) > 1e-6f * (a1 * a1 + K * RR)) {
            float disc = qb * qb - qa * qc;
            if (disc < 0.0f) {
                /* no root: a miss everywhere (qa < 0) unless only
                 * rounding says so, or a hit everywhere (qa > 0) */
                if (qa < 0.0f && disc < -1e-4f * (qb * qb + fabsf(qa * qc)))
                    continue;
            } else {
                float sq = sqrtf(disc), iq = 1.0f / qa;
                float pl = ((-qb + sq) * iq + o->thx) * k, ph = ((-qb - sq) * iq + o->thx) * k;
                if (pl > ph) {
                    float t = pl;
                    pl = ph;
                    ph = t;
                }
                if (qa < 0.0f) {
                    xa = pl - 2.0f;      /* between the roots */
                    xb = ph + 2.0f;
                } else if (pl + 2.0f < 0.0f) {
                    xa = ph - 2.0f;      /* outside them, one side on screen */
                } else if (ph - 2.0f > (float)o->W) {
                    xb = pl + 2.0f;
                }
            }
        }
        sp[0] = xa;
        sp[1] = xb;
    }
}

/* A tile's candidates on one row: of the first CANDS instances of its
 * list (near to far), those whose span on the row (row_spans) meets the
 * tile, with the span, in out and the images in water in mout (*nm of
 * them); the rest of a longer list follows untried. Returns the count in
 * out. */
#define CANDS 512
#define SOFT_MAX 6   /* soft primitives (puffs of smoke) blended at a pixel */
typedef struct cand {
    int q;              /* its place in the tile's list */
    float xa, xb;       /* its span, pixels, within its screen box */
    float dnear;
} cand;

static int tile_cands(const oy_objects *o, const int *list, int n, const float *span, int tile, cand *out,
                      int *nm, cand *mout)
{
    float t0 = (float)(tile * TILE), t1 = t0 + (float)TILE;
    int m = 0;
    *nm = 0;
    for (int i = 0; i < n && i < CANDS; i++) {
        const struct onscreen *I = &o->scr[list[i]];
        const float *sp = span + 2 * (size_t)list[i];
        if (t1 < I->sx0 || t0 > I->sx1 || sp[1] < t0 || sp[0] > t1)
            continue;
        cand c = { i, oy_rmax(sp[0], I->sx0), oy_rmin(sp[1], I->sx1), I->dnear };
        if (I->mirror)
            mout[(*nm)++] = c;
        else
            out[m++] = c;
    }
    return m;
}

void oy_objects_row(const oy_objects *o, const oy_cast *c, int thread, int y, int x0, int x1,
                    float *col, float *dep)
{
    if (!o->ni && !o->nl)
        return;
    const oy_view *v = &o->v;
    int W = o->W, H = o->H;
    float fy = (float)y + 0.5f, w = (1.0f - 2.0f * fy / (float)H) * o->thy;
    const int *ts = o->ts + (size_t)(y / TILE) * o->tw;
    static const float zero[3] = { 0, 0, 0 };
    int last = -1, relight = o->shadow_on || o->nl, cands_of = -1, nc = 0, nmc = 0, nrest = 0;
    /* the air's scattering at the camera, for the lamps' glow in it */
    float sigma = o->nl && c->fog_a > 0.0f ? c->fog_a * oy_rexp(-c->fog_b * (c->cam_y - c->fog_y0)) : 0.0f;
    cand cs[CANDS], ms[CANDS];
    float *span = o->span + (size_t)thread * 2 * (o->ni + 1);
    row_spans(o, y, w, fy, span);
    for (int x = x0; x < x1; x++) {
        int tile = x / TILE;
        if (ts[tile] == ts[tile + 1] && !relight) {
            x = (tile + 1) * TILE - 1;     /* nothing in this tile */
            last = -1;
            continue;
        }
        if (tile != cands_of) {
            int n = ts[tile + 1] - ts[tile];
            nc = tile_cands(o, o->tl + ts[tile], n, span, tile, cs, &nmc, ms);
            nrest = n > CANDS ? n - CANDS : 0;
            cands_of = tile;
        }
        float u = (2.0f * ((float)x + 0.5f) / (float)W - 1.0f) * o->thx;
        float d[3] = { v->fwd.x + u * v->right.x + w * v->up.x, v->fwd.y + u * v->right.y + w * v->up.y,
                       v->fwd.z + u * v->right.z + w * v->up.z };
        float il = 1.0f / sqrtf(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        d[0] *= il; d[1] *= il; d[2] *= il;
        float *px = col + (size_t)x * 3;
        float best = dep[x], fx = (float)x + 0.5f;
        int hit = -1, hprim = -1, nsoft = 0, sinst[SOFT_MAX], sprim[SOFT_MAX];
        float hn[3], tsoft[SOFT_MAX], snl[SOFT_MAX][3];
        /* the instance the pixel before hit first: a near hit then ends
         * the search through the rest early */
        if (last >= 0) {
            const inst *I = &o->in[last];
            int prim;
            float t = inst_hit(o, I, zero, d, 0.0f, best, 0, &prim, hn);
            if (t > 0.0f) {
                best = t;
                hit = last;
                hprim = prim;
            }
        }
        for (int j = 0; j < nc + nrest; j++) {
            int q = ts[tile] + (j < nc ? cs[j].q : CANDS + j - nc);
            float dnear = j < nc ? cs[j].dnear : o->in[o->tl[q]].dnear;
            if (dnear >= best)
                break;
            if (j < nc ? fx < cs[j].xa || fx > cs[j].xb : o->scr[o->tl[q]].mirror)
                continue;
            const inst *I = &o->in[o->tl[q]];
            if (j >= nc && (fx < I->sx0 || fx > I->sx1 || fy < I->sy0 || fy > I->sy1))
                continue;
            int prim;
            float n[3];
            float t = dnear < best && o->tl[q] != last ? inst_hit(o, I, zero, d, 0.0f, best, 0, &prim, n)
                                                          : -1.0f;
            if (t > 0.0f) {
                best = t;
                hit = o->tl[q];
                hprim = prim;
                memcpy(hn, n, sizeof n);
            }
            /* soft primitives in front of what the ray meets so far:
             * each puff of a plume, the first SOFT_MAX */
            float lo[3], ld[3];
            if (I->soft) {
                float rel[3] = { -I->p[0], -I->p[1], -I->p[2] };
                to_local(I, rel, lo);
                to_local(I, d, ld);
            }
            for (int i = 0; I->soft && i < I->np; i++) {
                const oy_prim *p = &o->prim[I->p0 + i];
                if (!(o->mat[I->m0 + p->mat].flags & OY_MAT_SOFT))
                    continue;
                float ts_ = nsoft < SOFT_MAX ? oy_prim_hit(p, lo, ld, 0.0f, best, n) : -1.0f;
                if (ts_ > 0.0f) {
                    tsoft[nsoft] = ts_;
                    sinst[nsoft] = o->tl[q];
                    sprim[nsoft] = i;
                    memcpy(snl[nsoft++], n, sizeof n);
                }
            }
        }
        last = hit;
        /* still water where the view meets the land: the images of the
         * things standing by it */
        int mhit = -1, mprim = -1;
        float mt = 1e30f, mn[3];
        if (o->nmirror && hit < 0 && dep[x] < 1e29f) {
            float land = dep[x], py = d[1] * land;
            for (int j = 0; j < nmc + nrest; j++) {
                int q = ts[tile] + (j < nmc ? ms[j].q : CANDS + j - nmc);
                const inst *I = &o->in[o->tl[q]];
                if (j < nmc ? fx < ms[j].xa || fx > ms[j].xb : !I->mirror || fy < I->sy0 || fy > I->sy1)
                    continue;
                if (fabsf(py - I->wl) > 0.05f + 0.002f * land || fx < I->sx0 || fx > I->sx1)
                    continue;
                int prim;
                float n[3];
                float t = inst_hit(o, I, zero, d, land, mt, 0, &prim, n);
                if (t > 0.0f) {
                    mt = t;
                    mhit = o->tl[q];
                    mprim = prim;
                    memcpy(mn, n, sizeof n);
                }
            }
        }
        if (hit >= 0) {
            const inst *I = &o->in[hit];
            float oc[3];
            shade_hit(o, c, I, hprim, hn, d, best, oc);
            if (I->fade < 1.0f) {
                relight_land(o, c, d, dep[x], px);
                for (int i = 0; i < 3; i++)
                    px[i] = oy_lerpf(px[i], oc[i], I->fade);
            } else {
                memcpy(px, oc, sizeof oc);
            }
            if (I->fade >= 0.5f)
                dep[x] = best;
        } else if (dep[x] < 1e29f) {
            relight_land(o, c, d, dep[x], px);
        }
        if (mhit >= 0) {
            /* the water mirrors more at a grazing view (Fresnel) */
            const inst *I = &o->in[mhit];
            float rc[3], g = 1.0f - fabsf(d[1]), g2 = g * g;
            float R = (0.02f + 0.98f * g2 * g2 * g) * 0.85f * I->fade;
            shade_hit(o, c, I, mprim, mn, d, mt, rc);
            for (int i = 0; i < 3; i++)
                px[i] = oy_lerpf(px[i], rc[i], R);
        }
        /* the soft ones in front of it all, blended together whatever
         * their order: each puff thickest seen face on, fading to nothing
         * at its edge, their colours weighted by how thick each is */
        float sum[3] = { 0, 0, 0 }, weight = 0.0f, through = 1.0f;
        for (int k = 0; k < nsoft; k++) {
            if (!(tsoft[k] < best))
                continue;
            const inst *I = &o->in[sinst[k]];
            const oy_mat *m = &o->mat[I->m0 + o->prim[I->p0 + sprim[k]].mat];
            float sc[3], n[3];
            to_world(I, snl[k], n);
            float nd = fabsf(n[0] * d[0] + n[1] * d[1] + n[2] * d[2]);
            float a = m->alpha * I->fade * nd * nd * nd;
            shade_hit(o, c, I, sprim[k], snl[k], d, tsoft[k], sc);
            for (int i = 0; i < 3; i++)
                sum[i] += a * sc[i];
            weight += a;
            through *= 1.0f - a;
        }
        if (weight > 0.0f)
            for (int i = 0; i < 3; i++)
                px[i] = px[i] * through + sum[i] / weight * (1.0f - through);
        if (sigma > 0.0f)
            halos(o, sigma, d, oy_rmin(best, dep[x]), px);
    }
}

/* ---- the frame ---- */

/* The state's entities, then the forest's trees within far metres, built
 * in the look of the frame; returns the entities' instance count or a
 * negative error. */
static int gather(oy_objects *o, const oy_world *w, const oy_world_shape *sh, const oy_state *st,
                  const oy_cast *c, float sun_y, float exposure, float far, int all_round)
{
    oy_look *L = &o->look;
    memcpy(L->leaf, c->leaf, sizeof L->leaf);
    oy_world_rock(sh, L->rock);
    L->green = oy_clampf(sh->veg, 0.0f, 1.0f);
    L->foliage = sh->foliage;
    L->autumn = sh->autumn;
    L->blossom = oy_clampf(st->ch[OY_CH_BLOSSOM], 0.0f, 1.0f) * (1.0f - sh->autumn);
    L->snow = c->snow;
    L->frozen = st->ch[OY_CH_ICE] >= 0.5f;
    L->wind = oy_clampf(st->ch[OY_CH_WIND], 0.0f, 1.0f);
    L->night = oy_rmax(oy_sky_night(sun_y), oy_smoothstepf(0.12f, -0.04f, sun_y));
    L->hearth = oy_clampf(st->ch[OY_CH_HEARTH], 0.0f, 1.0f);
    L->east = st->ch[OY_CH_BAMBOO] >= 0.1f;
    L->arid = st->ch[OY_CH_BIOME_DESERT] >= 0.6f;
    o->sand = oy_clampf(st->ch[OY_CH_BIOME_DESERT], 0.0f, 1.0f) * (1.0f - c->snow);
    L->dry = 1.0f - c->wet;
    L->lava = c->lava;
    L->exposure = oy_rmax(exposure, 1e-6f);
    float t = (float)st->t;
    int err = 0;
    o->abandoned = *L;
    o->abandoned.night = 0.0f;
    o->abandoned.hearth = 0.0f;
    o->abandoned.derelict = 1;
    for (int i = 0; i < st->nentities && !err; i++) {
        o->derelict = st->entities[i].derelict;
        o->stone = st->entities[i].stone;
        err = add_entity(o, w, sh, &st->entities[i], t);
    }
    o->derelict = o->stone = 0;
    int placed = (int)o->ni;
    /* a volcano smokes: an ash plume from its crater */
    if (!err && sh->volcano >= 0.5f) {
        float water, g = ground_at(w, sh, sh->volcano_x, sh->volcano_z, &water);
        err = add_inst(o, oy_scene_kind_find("ash_plume"), sh->volcano_x, g, sh->volcano_z, 0.0f, 1.0f,
                       oy_smoothstepf(0.5f, 0.8f, sh->volcano), oy_hash(w->seed, OY_STREAM_TERRAIN, 13, 0, 0),
                       t, 0, 0, 0, 0, 0, 0, NULL);
    }
    if (!err)
        err = add_flora(o, w, sh, t, far, all_round);
    return err ? err : placed;
}

static void reset(oy_objects *o, const oy_view *v)
{
    o->ni = o->np = o->nm = 0;
    o->nfoot = 0;
    o->ndecks = 0;
    o->nl = o->nmirror = 0;
    o->ncand = 0;
    o->v = *v;
}

int oy_objects_gather(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                      const oy_state *st, const oy_cast *c, const oy_view *v, float far)
{
    float sun[3], moon[3];
    reset(o, v);
    oy_render_sun_dir(st, sun, moon);
    return gather(o, w, sh, st, c, sun[1], 1.0f, oy_rmin(far, FLORA_FAR), 1);
}

int oy_objects_count(const oy_objects *o) { return (int)o->ni; }

void oy_objects_item(const oy_objects *o, int i, oy_object_item *out)
{
    const inst *I = &o->in[i];
    out->prim = o->prim + I->p0;
    out->np = I->np;
    out->mat = o->mat + I->m0;
    out->mirror = I->mirror;
}

void oy_objects_to_world(const oy_objects *o, int i, const float local[3], double world[3])
{
    const inst *I = &o->in[i];
    float l[3] = { local[0] * I->s, local[1] * I->s, local[2] * I->s }, w[3];
    to_world(I, l, w);
    for (int j = 0; j < 3; j++)
        world[j] = o->v.pos[j] + (double)(I->p[j] + w[j]);
}

float oy_objects_ray(const oy_objects *o, const double org[3], const float dir[3], float tmax)
{
    float best = -1.0f;
    float ro[3] = { (float)(org[0] - o->v.pos[0]), (float)(org[1] - o->v.pos[1]),
                    (float)(org[2] - o->v.pos[2]) };
    for (size_t i = 0; i < o->ni; i++) {
        const inst *I = &o->in[i];
        float oc[3] = { ro[0] - I->bc[0], ro[1] - I->bc[1], ro[2] - I->bc[2] };
        float b = oc[0] * dir[0] + oc[1] * dir[1] + oc[2] * dir[2];
        float cc = oc[0] * oc[0] + oc[1] * oc[1] + oc[2] * oc[2] - I->br * I->br;
        if (I->mirror || (cc > 0.0f && (b > 0.0f || b * b < cc)))
            continue;
        float rel[3] = { ro[0] - I->p[0], ro[1] - I->p[1], ro[2] - I->p[2] }, lo[3], ld[3], n[3];
        to_local(I, rel, lo);
        to_local(I, dir, ld);
        float lmax = best >= 0.0f ? best : tmax;   /* local and world t agree */
        for (int k = 0; k < I->np; k++) {
            const oy_prim *p = &o->prim[I->p0 + k];
            if (o->mat[I->m0 + p->mat].flags & (OY_MAT_LEAF | OY_MAT_SOFT | OY_MAT_GLOW))
                continue;
            float h = oy_prim_hit(p, lo, ld, 0.0f, lmax, n);
            if (h >= 0.0f && h < lmax) {
                lmax = h;
                best = h;
            }
        }
    }
    return best;
}

int oy_objects_prepare(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                       const oy_state *st, const oy_cast *c, const oy_view *v, float thx,
                       float thy, int W, int H, float exposure, int threads)
{
    reset(o, v);
    o->threads = threads;
    o->thx = thx;
    o->thy = thy;
    o->W = W;
    o->H = H;
    o->tw = (W + TILE - 1) / TILE;
    o->th = (H + TILE - 1) / TILE;
    const oy_sky *s = c->sky;
    int err = gather(o, w, sh, st, c, s->sun[1], exposure, FLORA_FAR, 0);
    err = err < 0 ? err : pick_lights(o);
    if (!err)
        err = pack_spheres(o);
    if (!err)
        err = bin(o);
    if (!err)
        err = shadow_grid(o, s->sun);
    return err;
}
