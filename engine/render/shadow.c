/*
 * shadow.c - terrain self-shadowing by sweeping toward the sun. Each grid
 * is aligned with the sun's horizontal direction and snapped to world
 * multiples of its spacing (so shadows do not crawl as the camera moves);
 * a row is swept from the sun side keeping the highest sight line seen so
 * far, which gives exact heightfield shadows in O(cells). Four nested grids
 * (1, 4, 16, 64 m; twice as coarse in drafts) cover 256 m to 16 km; long
 * sunset shadows come for free.
 */
#include <math.h>

#include "render_impl.h"

int oy_shadow_init(oy_shadow *s, int draft)
{
    /* a draft covers the same ground with cells twice as wide: a quarter
     * of the sweeps and of the chunks to bake */
    s->n = draft ? OY_SHADOW_N / 2 : OY_SHADOW_N;
    for (int j = 0; j < OY_SHADOW_GRIDS; j++) {
        s->g[j].level = 2 + 2 * j + (draft != 0);
        s->g[j].spacing = OY_RBASE * (float)(1 << s->g[j].level);
        s->g[j].inv = 1.0f / s->g[j].spacing;
        if (!(s->g[j].occ = oy_malloc(sizeof(float) * s->n * s->n))) {
            oy_shadow_release(s);
            return OYSTER_E_NOMEM;
        }
    }
    return 0;
}

void oy_shadow_release(oy_shadow *s)
{
    for (int j = 0; j < OY_SHADOW_GRIDS; j++)
        oy_freep(&s->g[j].occ);
}

static void axes(oy_shadow *s, const float sun[3], double cam_x, double cam_z)
{
    float hl = sqrtf(sun[0] * sun[0] + sun[2] * sun[2]);
    s->on = sun[1] > 0.0f;
    s->ux = hl > 1e-6f ? sun[0] / hl : 1.0f;
    s->uz = hl > 1e-6f ? sun[2] / hl : 0.0f;
    s->tan_e = oy_clampf(sun[1] / fmaxf(hl, 1e-6f), 0.01f, 50.0f);
    s->cam_x = cam_x;
    s->cam_z = cam_z;
    for (int j = 0; j < OY_SHADOW_GRIDS; j++) {
        double sp = s->g[j].spacing;
        double cu = cam_x * s->ux + cam_z * s->uz, cv = cam_x * s->uz - cam_z * s->ux;
        s->g[j].u0 = (float)(floor(cu / sp) * sp - cu - sp * (s->n / 2));
        s->g[j].v0 = (float)(floor(cv / sp) * sp - cv - sp * (s->n / 2));
    }
}

int oy_shadow_requests(oy_shadow *s, const float sun[3], oy_chunk_req *req,
                       double cam_x, double cam_z)
{
    axes(s, sun, cam_x, cam_z);
    if (!s->on)
        return 0;
    for (int j = 0; j < OY_SHADOW_GRIDS; j++) {
        double r = s->g[j].spacing * s->n * 0.75, size = s->g[j].spacing * OY_RCHUNK;
        oy_chunk_req *q = &req[j];
        q->level = s->g[j].level;
        q->x0 = (int64_t)floor((cam_x - r) / size);
        q->x1 = (int64_t)floor((cam_x + r) / size);
        q->z0 = (int64_t)floor((cam_z - r) / size);
        q->z1 = (int64_t)floor((cam_z + r) / size);
    }
    return OY_SHADOW_GRIDS;
}

struct sweep { oy_shadow *s; const oy_tlevel *levels; };

static float cell_top(const oy_tcell *c, float canopy)
{
    return oy_rmax(c->g + (float)c->canopy * 0.1f * canopy, c->wl);
}

/* the cast surface: ground plus canopy, trees shade the ground too; near
 * the camera, where the forest is trees that cast their own shadows
 * (objects.c), the ground alone, so light falls between their crowns */
static float height_at(const oy_tlevel *levels, int lv, float x, float z)
{
    for (int k = lv; k < OY_RLEVELS; k++) {
        int i;
        float fx, fz;
        const oy_tchunk *ch = oy_tlocate(&levels[k], x, z, &i, &fx, &fz);
        if (!ch)
            continue;
        float d2 = x * x + z * z;
        if (d2 < OY_TREE_SHADE * OY_TREE_SHADE) {
            float cf = oy_smoothstepf(0.75f * OY_TREE_SHADE, OY_TREE_SHADE, sqrtf(d2));
            const oy_tcell *c = ch->c + i;
            return oy_rbilin(cell_top(c, cf), cell_top(c + 1, cf), cell_top(c + OY_RSTRIDE, cf),
                             cell_top(c + OY_RSTRIDE + 1, cf), fx, fz);
        }
        const float *q = ch->top + i;
        return oy_rbilin(q[0], q[1], q[OY_RSTRIDE], q[OY_RSTRIDE + 1], fx, fz);
    }
    return -1e9f;
}

static void sweep_task(void *arg, int task, int thread)
{
    struct sweep *sw = arg;
    oy_shadow *s = sw->s;
    int N = s->n, j = task / 8, r0 = (task % 8) * (N / 8);
    float sp = s->g[j].spacing, drop = sp * s->tan_e;
    float vx = s->uz, vz = -s->ux;
    for (int r = r0; r < r0 + N / 8; r++) {
        float *occ = s->g[j].occ + (size_t)r * N;
        float v = s->g[j].v0 + r * sp;
        float best = -1e9f;
        for (int i = N - 1; i >= 0; i--) {
            float u = s->g[j].u0 + i * sp;
            occ[i] = best;
            float h = height_at(sw->levels, s->g[j].level, u * s->ux + v * vx, u * s->uz + v * vz);
            best = oy_rmax(best, h) - drop;
        }
    }
}

void oy_shadow_build(oy_shadow *s, const oy_tlevel *levels, oy_pool *pool)
{
    struct sweep sw = { s, levels };
    if (!s->on)
        return;
    oy_pool_run(pool, OY_SHADOW_GRIDS * 8, sweep_task, &sw);
}

float oy_shadow_at(const oy_shadow *s, float x, float z, float y, float dist)
{
    if (!s->on)
        return 1.0f;
    int N = s->n;
    float u = x * s->ux + z * s->uz, v = x * s->uz - z * s->ux;
    for (int j = 0; j < OY_SHADOW_GRIDS; j++) {
        float fu = (u - s->g[j].u0) * s->g[j].inv, fv = (v - s->g[j].v0) * s->g[j].inv;
        if (fu < 2.0f || fv < 2.0f || fu > N - 3.0f || fv > N - 3.0f)
            continue;
        int iu = (int)fu, iv = (int)fv;
        float a = fu - iu, b = fv - iv;
        const float *o = s->g[j].occ + (size_t)iv * N + iu;
        float occ = oy_lerpf(oy_lerpf(o[0], o[1], a), oy_lerpf(o[N], o[N + 1], a), b);
        float soft = s->g[j].spacing * 0.6f + dist * 0.004f;
        return oy_smoothstepf(-soft, soft, y - occ + s->g[j].spacing * 0.3f);
    }
    return 1.0f;
}
