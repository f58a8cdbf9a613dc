/*
 * render_impl.h - what the renderer's stages share: baked terrain chunks
 * and levels, the sky table, shadows, post, weather, the column caster's
 * frame state, bolts, the scene's instances, and the small math they use.
 * Internal to render/, and to api/export_world.c, which exports what the
 * renderer draws with the renderer's own levels, colours and instances.
 * The renderer's interface is render.h.
 */
#ifndef OY_RENDER_IMPL_H
#define OY_RENDER_IMPL_H

#include "render.h"

#define OY_RCHUNK 64              /* cells per baked chunk side */
/* the forest's trees cast their own sun shadows to this far from the
 * camera (objects.c); the shadow sweep leaves the canopy out there */
#define OY_TREE_SHADE 80.0f
#define OY_RLEVELS 11             /* level k has spacing OY_RBASE * 2^k */
#define OY_RBASE 0.25f
#define OY_NO_HIT 1e30f

/* The distance the finest level serves to for a W pixels wide view whose
 * half field has tangent thx (pixels twice as wide in draft): each level
 * is used until its cells shrink to 6 pixels, level k to range0 * 2^k.
 * Finer (4 px) cost ~9 % more per 720p frame with no difference visible
 * in stills. */
static inline float oy_level_range0(float thx, int W, int draft)
{
    float pixang = 2.0f * thx / W * (draft ? 2.0f : 1.0f);
    return oy_clampf(OY_RBASE / (6.0f * pixang), 40.0f, 160.0f);
}

/* How far the heights at t have turned from a level serving to r into
 * the next one: from 0.8 r, over a band of inverse width band_inv
 * (1 / 0.2 r), smoothly. */
static inline float oy_level_blend(float t, float r, float band_inv)
{
    float u = oy_clampf((t - 0.8f * r) * band_inv, 0.0f, 1.0f);
    return u * u * (3.0f - 2.0f * u);
}

/* The canopy grows in with distance t: near the camera trees are
 * objects, not a raised surface. */
static inline float oy_canopy_fade(float t)
{
    float u = oy_clampf((t - 50.0f) * (1.0f / 150.0f), 0.0f, 1.0f);
    return u * u * (3.0f - 2.0f * u);
}

/* One baked terrain sample. Albedo is stored square-root encoded so dark
 * greens keep precision in 8 bits. */
typedef struct oy_tcell {
    float g, wl;                  /* ground; water level (below g when dry) */
    int16_t dx, dz;               /* ground gradient * 2048 */
    uint8_t rgb[3];
    uint8_t canopy;               /* canopy height, 0.1 m */
    uint8_t snow;                 /* snow affinity, /255 */
    uint8_t flood;                /* standing water on a rice terrace, /255 */
    uint8_t pad[2];
} oy_tcell;

#define OY_RSTRIDE (OY_RCHUNK + 1)
#define OY_RBLOCK 8
typedef struct oy_tchunk {
    int level;
    int64_t cx, cz;
    uint64_t key;                 /* seed and shape channels */
    uint64_t used;                /* frame stamp, for eviction */
    /* highest cast surface over the chunk and over blocks of
     * OY_RBLOCK cells (corners included): rays above them skip ahead */
    float hmax;
    float bmax[OY_RCHUNK / OY_RBLOCK][OY_RCHUNK / OY_RBLOCK];
    /* per cell max(ground + canopy, water): what rays far off hit and what
     * casts shadows; apart from the cells so the march, which reads
     * nothing else, touches a fifth of the memory */
    float top[OY_RSTRIDE * OY_RSTRIDE];
    oy_tcell c[OY_RSTRIDE * OY_RSTRIDE];
} oy_tchunk;

/* One level's chunks for this frame, addressed without hashing. Local
 * coordinates are metres relative to the camera's x, z. */
typedef struct oy_tlevel {
    float spacing, inv;
    int64_t cx0, cz0;
    int gw, gh;
    float ox, oz;
    float hmax;                   /* over this level and all coarser ones */
    oy_tchunk **grid;
} oy_tlevel;

typedef struct oy_chunks oy_chunks;
int oy_chunks_new(oy_chunks **out, size_t max_chunks);
void oy_chunks_free(oy_chunks **c);
/* Chunks needed at a level: those touching the cell rectangle; appended. */
typedef struct oy_chunk_req { int level; int64_t x0, z0, x1, z1; } oy_chunk_req;
/* Make sure every requested chunk is baked (in parallel on pool) and fill
 * levels[] for the camera at cam_x, cam_z. */
int oy_chunks_prepare(oy_chunks *c, const oy_world *w, const oy_world_shape *sh,
                      oy_pool *pool, const oy_chunk_req *req, int nreq,
                      double cam_x, double cam_z, oy_tlevel *levels);

/* The ground at x, z as the caster sees it from a camera t metres away
 * (horizontally) whose finest level serves to range0: at the detail of
 * the level that serves t, blended into the next one across its band as
 * the march blends them. pt, when set, is the point in full at the
 * finer of the two. For what stands in for the frame elsewhere (the
 * world export). */
float oy_level_ground(const oy_world *w, const oy_world_shape *sh, float range0, float t,
                      double x, double z, oy_world_point *pt);

/* The chunk holding local x, z and the index of the cell below-left of it
 * with the bilinear fractions; NULL when the place is not baked at this
 * level. The upper bound also keeps (int) away from huge values. */
static inline const oy_tchunk *oy_tlocate(const oy_tlevel *L, float x, float z,
                                          int *idx, float *fx, float *fz)
{
    float gx = (x - L->ox) * L->inv, gz = (z - L->oz) * L->inv;
    if (!(gx >= 0.0f && gz >= 0.0f && gx < (float)(L->gw * OY_RCHUNK) &&
          gz < (float)(L->gh * OY_RCHUNK)))
        return NULL;
    unsigned ix = (unsigned)gx, iz = (unsigned)gz;
    unsigned kx = ix / OY_RCHUNK, kz = iz / OY_RCHUNK;
    const oy_tchunk *ch = L->grid[kz * (unsigned)L->gw + kx];
    if (!ch)
        return NULL;
    *idx = (int)((iz % OY_RCHUNK) * OY_RSTRIDE + ix % OY_RCHUNK);
    *fx = gx - (float)ix;
    *fz = gz - (float)iz;
    return ch;
}

/* bilinear blend of the four corners a, b (x + 1), d (z + 1), e */
static inline float oy_rbilin(float a, float b, float d, float e, float fx, float fz)
{
    float lo = a + (b - a) * fx, hi = d + (e - d) * fx;
    return lo + (hi - lo) * fz;
}

/* max and min without a libm call: fmaxf is not inlined unless NaNs are
 * ruled out, and no NaN reaches these */
static inline float oy_rmax(float a, float b) { return a > b ? a : b; }
static inline float oy_rmin(float a, float b) { return a < b ? a : b; }

/* ---- sky and light ---- */
#define OY_SKY_AZ 48
#define OY_SKY_EL 72
typedef struct oy_sky {
    float sun[3], moon[3];        /* unit directions */
    float sun_rad[3];             /* sun radiance reaching the ground (direct) */
    float moon_rad[3];
    float amb_up[3], amb_hor[3];  /* sky irradiance on up-facing / vertical */
    float hor_toward[2];          /* x, z: how much more of amb_hor a vertical
                                   * face turned to a low sun gets (and less
                                   * turned from it), per unit of its normal */
    float amb_key[3];             /* amb_up without lightning, for exposure */
    float oc;                     /* 0 clear .. 1 full overcast */
    float haze;
    float horizon[3];             /* average horizon radiance, for fog */
    float night;                  /* 0 day .. 1 full night */
    float cloud, cloud_alt, drift_x, drift_z, sun_cloud_k;
    float overcast[3];            /* overcast cloud-base radiance */
    float storm;                  /* 0 .. 1 a storm's dark, heavy cloud */
    float star_k;                 /* star visibility */
    float aurora, aurora_t;       /* the northern lights' strength, and the
                                     shot's time that moves them */
    float rainbow;                /* the rainbow's strength, 0 while the sun
                                     is down or behind the overcast */
    int moons;                    /* great moons in the sky (an alien world's) */
    float flash;
    /* the brightest strike's light: a cold white from its side (no
     * shadows), and the cloud base glowing about its channel */
    float flash_dir[3];           /* unit, toward a point up the channel */
    float flash_rad[3];           /* its radiance reaching the ground */
    float flash_x, flash_z;       /* the channel, metres from the camera */
    float flash_near;             /* cloud glow about the channel */
    float flash_cloud;            /* cloud glow everywhere */
    float flash_side;             /* cloud glow in the channel's bearing */
    float flash_hx, flash_hz;     /* that bearing, unit */
    uint64_t key;
    float raw[OY_SKY_EL][OY_SKY_AZ][3];   /* sun + moon single scattering */
    /* the same, painted (sky colour channels) and graded (oy_sky_grade) */
    float lut[OY_SKY_EL][OY_SKY_AZ][3];
    float paint[9];               /* the sky colour as a 3x3 matrix on linear rgb */
    int painted;                  /* 0: the paint is the identity */
    float gain;                   /* the graduated filter's at the horizon */
    /* the cloud layer's light, painted and graded: sun + moon, ambient,
     * overcast base, horizon */
    float pt_sun[3], pt_amb[3], pt_oc[3], pt_hor[3];
    float trans[32][64][3];       /* transmittance (altitude, cos zenith) */
    uint64_t trans_key;
    const float *clouds;          /* CLOUD_N^2 periodic density tile */
    float t;                      /* seconds, for drift and stars twinkle */
    double cam_x, cam_z;          /* camera, for the cloud layer */
    float cloud_u[2], cloud_v[2]; /* its texel in each cloud octave */
    uint64_t seed;
} oy_sky;

#define OY_CLOUD_N 256
int oy_sky_clouds_make(float **tile, uint64_t seed);
/* Set the sky for a state; the scattering table is rebuilt (over the
 * pool) only when the sun, moon or haze moved. */
void oy_sky_update(oy_sky *sky, const oy_state *st, float floor_y, oy_pool *pool);
struct oy_post;
/* The sky as seen through the post's graduated filter: the table and the
 * cloud layer's light, painted and graded, after oy_post_setup. */
void oy_sky_grade(oy_sky *sky, const struct oy_post *post);
/* Radiance of the sky (clouds, sun, moon, stars) seen along unit d, whose
 * azimuth az is oy_rturns(d[0], d[2]), from camera height cam_y, without
 * fog. */
void oy_sky_radiance(const oy_sky *sky, const float d[3], float az, float cam_y, float out[3]);
/* The rainbow (sky.c) added to out, seen along d, by weight 0..1. */
void oy_sky_rainbow(const oy_sky *sky, const float d[3], float weight, float out[3]);
/* Clear-sky radiance from the table only (for reflections and haze), at
 * azimuth az in turns and height dy of a unit direction. */
void oy_sky_lut(const oy_sky *sky, float az, float dy, float out[3]);
/* How much night it is, 0 day .. 1 full night, for the sun's height
 * (the y of its unit direction). */
float oy_sky_night(float sun_y);
/* Cloud density 0..1 overhead a point x, z metres from the camera. */
float oy_sky_cloud_at(const oy_sky *sky, float x, float z);

/* ---- shadows ---- */
#define OY_SHADOW_N 256
#define OY_SHADOW_GRIDS 4
typedef struct oy_shadow {
    int on;
    int n;                        /* cells per grid side */
    float ux, uz;                 /* horizontal direction toward the sun */
    float tan_e;
    double cam_x, cam_z;
    struct { int level; float spacing, inv, u0, v0; float *occ; } g[OY_SHADOW_GRIDS];
} oy_shadow;
int oy_shadow_init(oy_shadow *s, int draft);
void oy_shadow_release(oy_shadow *s);
/* Chunk rectangles the shadow grids need (appended to req; returns count). */
int oy_shadow_requests(oy_shadow *s, const float sun[3], oy_chunk_req *req, double cam_x, double cam_z);
void oy_shadow_build(oy_shadow *s, const oy_tlevel *levels, oy_pool *pool);
/* 1 lit .. 0 shadowed for a surface point at local x, z with height y. */
float oy_shadow_at(const oy_shadow *s, float x, float z, float y, float dist);

/* ---- post ---- */
#define OY_POST_LO (-16)             /* log2 of the darkest value mapped */
#define OY_POST_LUT (24 * 256)       /* 24 stops, 256 steps each */
#define OY_POST_DN 64                /* dither tile side */
typedef struct oy_post {
    float mul[3];                 /* exposure * white balance */
    float mat[9];                 /* saturation / tint in linear light */
    float lit[9];                 /* added to mat where lamps light brightly */
    int night;                    /* lit applies */
    /* the colour matrix's saturation (k: mat, k_lit: mat + lit) and the
     * sky's own; the exposure before the latent's stops, and the
     * graduated filter's hold on the sky (0: none; sky.c) */
    float k, k_lit, sky_k, sky_ex, sky_hold;
    float fill;                  /* the land's fill light, which the sky undoes */
    float keep, veil;             /* display value * keep + veil: fades, flashes */
    float lut[OY_POST_LUT + 1];   /* indexed by float bits: linear -> 0..255 */
    float dither[OY_POST_DN * OY_POST_DN * 3];
} oy_post;
void oy_post_setup(oy_post *p, const oy_state *st, const oy_sky *sky, oy_v3 fwd);
/* The frame's dither noise, from a key of seed and frame. */
void oy_post_dither(oy_post *p, uint64_t dither_key);
/* Grade and dither pixels [x0, x1) of output row y: in and out point at
 * the row's start (3 floats, 3 bytes per pixel). oy_post_row runs the
 * kernel of the CPU level in use (oy_cpu_level, post_simd.c); each writes
 * the bytes of the scalar reference. */
void oy_post_row(const oy_post *p, const float *in, int x0, int x1, int y, uint8_t *out);
void oy_post_row_scalar(const oy_post *p, const float *in, int x0, int x1, int y, uint8_t *out);
void oy_post_row_at(int level, const oy_post *p, const float *in, int x0, int x1, int y, uint8_t *out);
/* A pixel's linear colour px exposed, balanced and through the colour
 * matrix into v: what the tone curve takes, channel by channel. */
static inline void oy_post_matrix(const oy_post *p, const float px[3], float v[3])
{
    float c[3] = { px[0] * p->mul[0], px[1] * p->mul[1], px[2] * p->mul[2] };
    float m[9];
    const float *mat = p->mat;
    if (p->night) {
        /* at night only what is far brighter than moonlight: a bright
         * channel is enough, so a red glow keeps its red */
        float f = oy_smoothstepf(0.12f, 0.7f, oy_rmax(oy_rmax(c[0], c[1]), c[2]));
        if (f > 0.0f) {
            for (int i = 0; i < 9; i++)
                m[i] = p->mat[i] + f * p->lit[i];
            mat = m;
        }
    }
    for (int i = 0; i < 3; i++)
        v[i] = mat[i * 3] * c[0] + mat[i * 3 + 1] * c[1] + mat[i * 3 + 2] * c[2];
}
/* the float whose bits start the tone curve's table: 2^OY_POST_LO */
#define OY_POST_BASE ((uint32_t)(127 + OY_POST_LO) << 23)
static inline float oy_post_base(void)
{
    union { uint32_t u; float f; } b = { OY_POST_BASE };
    return b.f;
}

/* ---- weather ---- */
typedef struct oy_wview {          /* what the particle splatter needs */
    double pos[3];
    oy_v3 fwd, right, up;
    float fx, fy;                  /* pixels per unit of tan at the centre */
    int width, height;
} oy_wview;
/* A rain streak (x0, y0 to x1, y1) or snow flake (centre x0, y0, radius
 * r) projected on the output, with the rows it may touch. */
typedef struct oy_wpart {
    float x0, y0, x1, y1, r, a, dist, ylo, yhi;
    float col[3];
    int snow;
} oy_wpart;
#define OY_WEATHER_MAX (15 * 15 * 9 * 10)   /* cells around the camera x particles */
/* The frame's particles in front of the camera, into out[OY_WEATHER_MAX];
 * returns their number. */
int oy_weather_prepare(const oy_state *st, const oy_sky *sky, const oy_wview *v,
                       uint64_t seed, oy_wpart *out);
/* Paint them over rows [y0, y1) of the output: hdr and depth hold just
 * those rows, width pixels each. */
void oy_weather_draw(const oy_wpart *p, int n, int width, float *hdr, const float *depth,
                     int y0, int y1);

/* ---- the column caster ----
 * The intermediate image has vertical columns: in the planar projection a
 * column is a = const on the upright image plane (f0, r0, world up); in the
 * equirect one it is an azimuth. Rows go bottom to top in slope. */
#define OY_WAVES 5                   /* wave trains on water */
#define OY_SWELLS 2                  /* long swells of a rough sea */
typedef struct oy_cast {
    int w, h;
    int equirect;
    float a0, da, b0, db;         /* column/row coordinate of pixel centre 0 */
    float f0x, f0z, r0x, r0z;     /* planar: horizontal forward and right */
    float cam_y;
    double cam_x, cam_z;
    float range0;                 /* level k serves distances < range0 * 2^k */
    float tmax;
    const oy_tlevel *levels;
    const oy_sky *sky;
    const oy_shadow *shadow;
    const oy_state *st;
    /* per-frame surface and air parameters */
    float snow, wet, fog_a, fog_b, fog_y0, mie, t;
    float fog_tint[3];            /* the fog's colour: white, or a dust
                                     storm's ochre in the desert */
    /* what glows or blooms on the land, set once a frame (cast_land.c):
     * lava's share and its radiance; flowers' share, the weights of their
     * palette's colours and the colour they make together; the salt
     * crust's share; the stony desert floor's; the straw meadow's */
    float lava, lava_light;
    float lava_amb[3];           /* the glow the lava casts on the land round it */
    float flowers, flower_wt[6], flower_sum, flower_mean[3];
    float crust, scrub, straw;
    float fields;                 /* farmland's share, drawn in rows near by */
    const oy_world *world;        /* the world and its shape this frame */
    const oy_world_shape *shape;  /* (oy_cast_season) */
    float haze_k;                 /* distance haze on terrain, per metre */
    float cloud_shadow;           /* 0 when cloud shadows cannot show */
    float leaf[3];                /* canopy albedo for the season */
    float water_absorb[3];        /* water's absorption per metre and its */
    float water_deep[3];          /* body colour, from the water channels */
    float water_milk;             /* light water's haze of fine silt: how much
                                   * of the bed it hides at any depth */
    const float *detail;          /* OY_DETAIL_N^2 lattice for surface texture */
    float wave_ph[OY_WAVES];      /* each wave train's phase at the camera */
    float swell_ph[OY_SWELLS];    /* each swell's */
    float rough;                  /* 0..1 how rough the sea runs: swells and
                                   * whitecaps from a strong wind */
    float heave;                  /* 0..1 how far a rough sea's swells rise
                                   * in the march, not only in the shading
                                   * (0 on a lake, on ice, in a calm) */
    float heave_top;              /* metres the highest crest stands over
                                   * the water's level */
    float heave_near;             /* 0..1 the swells' share by the camera,
                                   * so that no crest reaches it */
    float *hdr;                   /* w * h * 3, row 0 at the bottom */
    float *depth;                 /* w * h, metres along the ray */
} oy_cast;

#define OY_DETAIL_N 256
int oy_cast_detail_make(float **tile, uint64_t seed);
/* Set the water's wave phases for time t (seconds) and the cast's camera,
 * and how the sea heaves (after oy_cast_season). */
void oy_cast_waves_at(oy_cast *c, double t);
/* The height of a rough sea's swells over the water's level at local x,
 * z (metres, c->heave > 0), the swells the shading tilts the water by. */
float oy_cast_heave(const oy_cast *c, float x, float z);
/* The water's absorption and body colour for the water colour channels
 * (water_warmth, water_tint, water_light); the defaults give exactly the
 * water of a state that says nothing about its colour. */
void oy_cast_water_colour(oy_cast *c, const oy_state *st);
/* The lava's and the flowers' part of the cast for st, under c->sky
 * (NULL: no sky, the lava does not glow). */
void oy_cast_land_glow(oy_cast *c, const oy_state *st);
/* Lying snow on land (cast_land.c): how much of a point of snow
 * affinity k the cast's snow cover (0..1) hides, and the snow's albedo. */
static inline float oy_land_snow(float cover, float k)
{
    return cover > 0.0f ? oy_smoothstepf(0.15f, 0.6f, cover * (0.35f + k)) : 0.0f;
}
static const float oy_snow_albedo[3] = { 0.82f, 0.85f, 0.9f };
/* The season's and the weather's part of a cast (frame.c): lying snow,
 * wet ground, the canopy's leaves and the water's colour. */
void oy_cast_season(oy_cast *c, const oy_world *w, const oy_world_shape *sh, const oy_state *st);
/* Cast columns [c0, c1), OY_CAST_GROUP at a time. Water is shaded once a
 * group's columns are complete, so it can mirror what they show; scratch
 * is oy_cast_scratch_size(c->h) bytes of the caller's, one per thread. */
#define OY_CAST_GROUP 32
size_t oy_cast_scratch_size(int rows);
void oy_cast_columns(const oy_cast *c, int c0, int c1, void *scratch);
/* Fog and aerial perspective over colour col seen along unit d at dist;
 * hz is the horizon sky in d's azimuth. */
void oy_cast_air(const oy_cast *c, const float d[3], const float hz[3], float dist, float col[3]);
/* only the dimming of the air along dist metres of d, for light added to
 * what is seen there (a lamp's glow on the land) */
void oy_cast_air_dim(const oy_cast *c, const float d[3], float dist, float col[3]);

/* ---- lightning bolts (bolt.c) ---- */
typedef struct oy_bolts oy_bolts;
/* For an output of width x height drawn in bands of band rows by up to
 * threads threads at once. */
int oy_bolts_new(oy_bolts **out, int width, int height, int band, int threads);
void oy_bolts_free(oy_bolts **b);
/* The state's strikes as seen through v (c gives the sky and the air),
 * projected and binned by bands; radiance is set for the frame's exposure
 * (the post's gain). Returns the number of segments to draw; nothing is
 * done without strikes. */
int oy_bolts_prepare(oy_bolts *b, const oy_world *w, const oy_state *st, const oy_cast *c,
                     const oy_wview *v, float exposure);
/* Add their light over output rows [y0, y1) (within one band): hdr and
 * depth hold just those rows, width pixels each; thread picks the
 * caller's scratch. */
void oy_bolts_draw(const oy_bolts *b, int thread, float *hdr, const float *depth, int y0, int y1);

/* ---- objects (objects.c): the scene layer over the terrain ---- */
typedef struct oy_objects oy_objects;
int oy_objects_new(oy_objects **out);
void oy_objects_free(oy_objects **o);
/* The frame's instances (the state's entities and the forest near the
 * view), their point lights and shadow casters, binned for the output's
 * W x H pixels seen through v with half-angle tangents thx, thy; glows
 * and lamps are set for the frame's exposure (the post's gain); threads
 * is how many may draw rows at once (oy_objects_row). */
int oy_objects_prepare(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                       const oy_state *st, const oy_cast *c, const oy_view *v, float thx,
                       float thy, int W, int H, float exposure, int threads);
/* For exports: the instances of the state's entities, then those of the
 * forest's trees within far metres of v's place (at most as far as a
 * frame draws them), all round it; c gives the season (oy_cast_season).
 * Returns how many of the instances are the entities' (the trees' follow)
 * or a negative error. */
int oy_objects_gather(oy_objects *o, const oy_world *w, const oy_world_shape *sh,
                      const oy_state *st, const oy_cast *c, const oy_view *v, float far);
/* The instances of the last prepare or gather: their count, and
 * instance i's primitives and materials (its own frame); a mirror is
 * the image of the instance before it in still water. */
typedef struct oy_object_item {
    const oy_prim *prim;
    int np;
    const oy_mat *mat;
    int mirror;
} oy_object_item;
int oy_objects_count(const oy_objects *o);
void oy_objects_item(const oy_objects *o, int i, oy_object_item *out);
/* A point of instance i's own frame in the world, as the frame draws it. */
void oy_objects_to_world(const oy_objects *o, int i, const float local[3], double world[3]);
/* Nearest hit (metres) of a world-space ray from org along unit dir with
 * what is solid in the last gather or prepare (not leaves, smoke or
 * flames; images in water left out), within tmax; or a negative number. */
float oy_objects_ray(const oy_objects *o, const double org[3], const float dir[3], float tmax);
/* Draw them over output row y, pixels [x0, x1), in the pool's thread
 * thread: col holds the row's linear colour (3 floats a pixel) and dep
 * its depth, both updated. */
void oy_objects_row(const oy_objects *o, const oy_cast *c, int thread, int y, int x0, int x1,
                    float *col, float *dep);

/* fast deterministic helpers shared by the shading files */
static inline float oy_rexp2(float x)
{
    /* 2^x by an exponent split and a degree-5 polynomial; x clamped */
    if (x < -60.0f)
        return 0.0f;
    if (x > 60.0f)
        x = 60.0f;
    float fi = (float)(int)x;
    if (fi > x)
        fi -= 1.0f;
    float f = x - fi;
    float p = 1.0f + f * (0.6931472f + f * (0.2402265f + f * (0.05550411f +
              f * (0.009618129f + f * 0.001333355f))));
    /* build 2^fi from its exponent field; unsigned, as shifting a
     * negative value is undefined */
    union { float f; uint32_t i; } u;
    u.i = (uint32_t)((int32_t)fi + 127) << 23;
    return p * u.f;
}
static inline float oy_rexp(float x) { return oy_rexp2(x * 1.4426950f); }
/* cos for |x| < 1e6 by reduction to [-pi, pi] and an even polynomial
 * (error < 2e-6): for wave shading, where oy_cosf's accuracy is not needed */
static inline float oy_rcos(float x)
{
    float q = x * 0.159154943f;
    float k = (float)(int)(q + (q >= 0.0f ? 0.5f : -0.5f));
    float r = x - k * 6.28318531f;
    float s = r * r;
    /* cos(r) = 1 - 2 sin^2(r/2); sin on [-pi/2, pi/2] */
    float h = r * 0.5f, hs = s * 0.25f;
    float sn = h * (1.0f + hs * (-0.166666667f + hs * (0.00833333333f + hs * (-0.000198412698f + hs * 2.75573192e-6f))));
    return 1.0f - 2.0f * sn * sn;
}
/* atan2 in turns [0, 1) from +z toward +x, to about 1e-4 turn: for
 * indexing tables, not for geometry */
static inline float oy_rturns(float x, float z)
{
    float ax = x < 0.0f ? -x : x, az = z < 0.0f ? -z : z;
    float mx = ax > az ? ax : az, mn = ax > az ? az : ax;
    if (mx <= 0.0f)
        return 0.0f;
    float a = mn / mx, s = a * a;
    float r = ((-0.0464964749f * s + 0.15931422f) * s - 0.327622764f) * s * a + a;
    if (ax > az)
        r = 1.57079633f - r;
    if (z < 0.0f)
        r = 3.14159265f - r;
    if (x < 0.0f)
        r = 6.28318531f - r;
    r *= 0.159154943f;
    return r >= 1.0f ? 0.0f : r;
}

#endif
