/*
 * world - the infinite procedural world: terrain, biomes, water, materials.
 *
 * Everything here is a pure function of the seed, the latent state's
 * terrain/biome/water channels and a position: the world at a place never
 * depends on the order it was visited or on any cache (docs/architecture.md), nor on
 * the camera. Macro shape follows the prompt's concepts, laid out by the
 * set plan (plan.c): named features around the origin, facing +z, moved
 * by world.layout.
 */
#ifndef OY_WORLD_H
#define OY_WORLD_H

#include "../core/core.h"
#include "../model/model.h"

typedef struct oy_world oy_world;

/* layout: the script's world.layout (OY_FEAT_COUNT entries), or NULL for
 * the default plan. */
int oy_world_new(oy_world **out, uint64_t seed, const oy_layout_item *layout);
void oy_world_free(oy_world **w);
/* The words put a thing by the water ("a cabin by a frozen lake"): the
 * default lake lies off to one side of the view, its near shore leading
 * into it, instead of across the whole view a few metres ahead, so the
 * thing can stand on a shore the view sees. Call before the first
 * evaluation; a lake world.layout places keeps its place. */
void oy_world_lake_aside(oy_world *w);
/* Something h m tall stands on the high ground from the start ("a castle
 * on a hill"): the default hill stands far enough out, and low enough,
 * for a level view from the origin to see it and its crown whole; one
 * thing alone (lone: a tree, a castle) on a lower hill, nearer. */
void oy_world_hill_crown(oy_world *w, float h, int lone);
/* Things of the set stand on land ("a tropical island with palm trees"):
 * a default island is small and near, its near shore some 110 m out,
 * where they read (its middle stood over 400 m off). */
void oy_world_island_things(oy_world *w);
/* Something of the set stands on a footing r metres round x, z: the dunes
 * there lie level at the height they have at x, z, or on a trough's floor
 * two thirds of the way up a crest (a house stood sunk in a dune's slope,
 * a landed craft hid in a trough), easing back to their own shape over
 * 30 m round it. The first OY_WORLD_PADS are kept. Call
 * before the first frame. */
void oy_world_pad(oy_world *w, double x, double z, float r);
/* Something stands on the high ground from the start in a fog that hides
 * all past m metres: the default island is small, its near shore at
 * half that, so the thing on it shows through the fog. */
void oy_world_fog_sight(oy_world *w, float m);
/* The world prompt makes the sea its subject ("crashing waves"): the
 * default shore runs across the view, a beach underfoot and the open sea
 * ahead from about 12 m, curving away out of the frame on either side.
 * Call before the first evaluation; a coast world.layout places keeps
 * its course. */
void oy_world_sea_ahead(oy_world *w);

enum oy_water_kind { OY_WATER_NONE, OY_WATER_SEA, OY_WATER_LAKE, OY_WATER_RIVER };

/* Ground height (m) at x, z for the state's terrain channels. */
float oy_world_ground(const oy_world *w, const oy_state *st, double x, double z);
/* Height of the surface the camera stands on: ground or water. */
float oy_world_surface(const oy_world *w, const oy_state *st, double x, double z);

/* What is at a place, for the audio decoder and object placement. */
typedef struct oy_place_info {
    float ground;           /* m */
    float water;            /* water surface height, or -1e9 when none */
    int water_kind;         /* OY_WATER_* nearest within 200 m */
    float water_dist;       /* m to the nearest water (capped at 200) */
    float biome[8];         /* weights in OY_CH_BIOME_* order, sum 1 */
    float vegetation;       /* 0..1 local vegetation cover */
    float canopy;           /* forest canopy height above ground, m (0: none) */
    float slope;            /* |grad ground| over 2 m */
    float rock;             /* 0..1 bare rock: canyon walls, crags, steep ground */
} oy_place_info;
void oy_world_place(const oy_world *w, const oy_state *st, double x, double z,
                    oy_place_info *out);

/* A named feature of the set plan (OY_FEAT_*) as the state shows it, for
 * `oyster check` and `oyster map`. Lines have their laid-out course in
 * line (points real0..real1; the rest is the extension past the set). */
typedef struct oy_feature_info {
    float strength;         /* 0: not in this world; 1: in full */
    int placed;             /* world.layout placed it */
    double x, z;            /* areas: centre; lines: the course's middle point */
    float size;             /* areas: diameter; lines: width, m */
    float height;           /* peaks, hill, butte: height; canyon: depth; m (0: none) */
    int sea;                /* coast: +1 sea right of the course, -1 left */
    const struct oy_plan_line *line;   /* valley, canyon, river, coast; else NULL */
} oy_feature_info;
void oy_world_feature_info(const oy_world *w, const oy_state *st, int f, oy_feature_info *out);
/* The plan as text, one line per feature the state shows. */
void oy_world_describe(const oy_world *w, const oy_state *st, oyster_line_fn fn, void *opaque);

/* ---- for the renderer's terrain bake (internal to world/ and render/) ----
 * A shape is the state's terrain and biome channels turned into the numbers
 * the height function needs; preparing one costs a few microseconds, so the
 * public queries keep one per thread keyed by the channel values. */
/* how far inland of its course the default shore lies out at sea, m */
#define OY_OFFSHORE_M 8000.0f

typedef struct oy_world_shape {
    float key[45];          /* the channel values this shape was made from */
    float relief_amp, hills_amp, detail_amp, cliff_h, plateau, valley, canyon;
    float cliffs_more;               /* how much more of a shore is cliff than cove */
    float cove_r;                    /* m: the default camera's cove ends this far out */
    float stony;                     /* 0..1 a rocky shore: ledges and stones, not sand */
    float offshore;                  /* 0..1 the default shore moved OY_OFFSHORE_M inland */
    float fields;                    /* 0..1 farmed fields on open ground */
    float rows;                      /* 0..1 the fields' share in rows of vines or flowers */
    float paddies;                   /* 0..1 open ground and hills in rice terraces */
    float cloud_sea, deck;           /* 0..1 a sea of cloud; its top's level, m */
    float overlook;                  /* 0..1 the view on a bluff OY_BLUFF_H high, its
                                        edge OY_BLUFF_EDGE ahead of the origin */
#define OY_PADDY_STEP 2.5f           /* m from one rice terrace's tread to the next */
    float field_ca, field_sa;        /* the fields' bearing: cos and sin */
    float flowers, flower_wt[6];     /* flowers' share and their palette's weights */
    float coast, island, lake, river;
    float sea_level, floor0, low0;   /* floor at the clearing */
    float lake_x, lake_z, lake_r, lake_level;
    float clear_x, clear_z, clear_r; /* the clearing: open ground, m */
    float woods;                     /* 0..1 a forest all round the clearing */
    float woods_below;               /* 0..1 a forest world under mountains: the lower land wooded */
    float conifer, birch, acacia, bamboo; /* the forest's species (flora.c) */
    float grove;                  /* trees ringing still water: an oasis, a garden */
    float valley_w, canyon_w, canyon_depth, river_w;   /* half-widths, m */
    float island_x, island_z, island_r;
    float peaks_x, peaks_z, peaks_r, peaks_h;   /* peaks_h 0: from relief */
    float hill, hill_x, hill_z, hill_r, hill_h;
    float dunes;                     /* 0..1 a dune field over desert */
    float crater, crater_x, crater_z, crater_r, crater_depth, crater_base;
    float volcano, volcano_x, volcano_z, volcano_r, volcano_h;   /* the cone, on the peaks' bearing */
    float butte, butte_x, butte_z, butte_r, butte_h, butte_base;
    float biome[8];         /* prompt biome weights, normalized */
    float veg, foliage, autumn;  /* vegetation and season channels */
    /* surface colour shifts (oy_world_palette_init): warmth, tint, light;
     * all 0 leaves the world's own colours exactly as they are */
    float rock_paint[3], ground_paint[3], plant_paint[3];
} oy_world_shape;

/* Everything the renderer bakes for one ground point. */
typedef struct oy_world_point {
    float ground, water;    /* water surface, or -1e9 when dry */
    int water_kind;
    float water_dist;       /* m to the nearest water body edge (capped 200) */
    float open_dist;        /* m from the set's open ground (clearing or floor) */
    float canyon;           /* 0..1 inside a canyon (floor and walls) */
    float crater;           /* 0..1 inside a crater or on its rim */
    float cone;             /* 0..1 up a volcano's bare upper cone */
    float paddy;            /* 0..1 how far rice terraces step the land here */
    float flood;            /* 0..1 standing water over a terrace's tread */
    float cloud;            /* 0..1 the top of a sea of cloud, not land */
    float biome[8];
    float canopy;           /* forest canopy height above ground, m */
    float rgb[3];           /* dry, snow-free linear albedo */
    float snow_aff;         /* 0..1 how readily snow lies here */
} oy_world_point;

void oy_world_shape_init(oy_world_shape *sh, const oy_world *w,
                         const oy_state *st);
/* The surface colour part of a shape, from the state's rock, ground and
 * plant colour channels (biome.c; called by oy_world_shape_init). */
void oy_world_palette_init(oy_world_shape *sh, const oy_state *st);
/* How much an albedo is grass: green above its red and blue. */
static inline float oy_grass_share(const float rgb[3])
{
    return oy_clampf((rgb[1] - (rgb[0] > rgb[2] ? rgb[0] : rgb[2])) * 14.0f, 0.0f, 1.0f);
}
/* rgb, share of it grass or leaves, as the words colour plants ("purple
 * grass"): their own hue given up for the paint's, their lightness kept
 * (the material bakes green; the renderer, map and exports paint it). */
void oy_world_paint_plants(const oy_world_shape *sh, float share, float rgb[3]);
/* The albedo of the world's bare rock faces (linear), as the prompt paints
 * it: what landforms drawn as objects (arches, towers, a waterfall's cliff)
 * are made of. */
void oy_world_rock(const oy_world_shape *sh, float rgb[3]);
/* The flowers' colours (linear albedo): white, yellow, red, pink, purple,
 * blue; and their weights for a flower_warmth channel value (biome.c). */
extern const float oy_flower_palette[6][3];
void oy_flower_weights(float warmth, float wt[6]);

/* The farmland field a point lies in (oy_world_field). A field is sown
 * with one crop; some crops stand in rows along the field's length:
 * plant bands share of every spacing metres, soil between them. */
enum { OY_CROP_PASTURE, OY_CROP_YOUNG, OY_CROP_RIPE, OY_CROP_STUBBLE, OY_CROP_PLOUGHED,
       OY_CROP_RAPESEED, OY_CROP_VINES, OY_CROP_FLOWERS };
typedef struct oy_field {
    int crop;
    float plant[3], soil[3];   /* linear albedo; the same without rows */
    float spacing, share;      /* rows: metres apart, the plants' part (0: none) */
    float height;              /* the rows' height, m */
    float across;              /* metres across the rows from the field's side */
    float dir_x, dir_z;        /* the unit direction across the rows */
    float edge;                /* metres in from the field's nearest edge */
} oy_field;
void oy_world_field(const oy_world *w, const oy_world_shape *sh, double x, double z, oy_field *f);

/* Only the key: enough to tell whether a kept shape still applies. */
void oy_world_shape_key(oy_world_shape *sh, const oy_state *st);
/* Height (and with pt, everything else) at x, z; detail finer than
 * min_wl metres is left out so coarse bakes do not alias. */
float oy_world_eval(const oy_world *w, const oy_world_shape *sh, double x,
                    double z, float min_wl, oy_world_point *pt);
/* Material of a point already evaluated: albedo, canopy, snow affinity
 * from its biome, slope (|grad h|) and altitude. */
void oy_world_material(const oy_world *w, const oy_world_shape *sh, double x,
                       double z, float slope, oy_world_point *pt);
uint64_t oy_world_seed(const oy_world *w);
/* The way a pier reaches out from its foot at x, z: of sixteen headings
 * from yaw (radians, clockwise from +z), the one with the most water
 * along 30 m, the sooner the better; *first is how far along it the water
 * begins (0: no heading has water, and yaw comes back) and *level that
 * water's height (else level is left as it was). */
float oy_world_pier_heading(const oy_world *w, const oy_world_shape *sh, double x, double z, float yaw,
                            float *first, float *level);
/* The way a bridge at x, z crosses the water it stands over (wet): the
 * shortest span, 12-100 m in steps of 4, turned from yaw (radians) by
 * steps of 22.5 degrees, whose two ends stand on dry ground, so it
 * crosses the water, not along it; *span its length and *bank0, *bank1
 * the ground at its +yaw and -yaw ends. Over dry ground, or where no
 * span reaches across, yaw comes back, *span is 24 and the banks are
 * left as they were. */
float oy_world_span_heading(const oy_world *w, const oy_world_shape *sh, double x, double z, float yaw, int wet,
                            float *span, float *bank0, float *bank1);
/* A dry gap a bridge crosses at x, z (a gorge, a ravine): of eight
 * headings from yaw, the one with the shortest span at a deck as high as
 * the lower side's rim within 150 m rises, but no more than 18 m over the
 * ground at x, z; 0 where no side rises 8 m (flat land) or no span of
 * 100 m or less reaches across (a wide valley). *top: the
 * deck's ground; *floor: the lowest ground under it; *mid: the span's
 * middle (x, z), which the two sides may put off x, z. */
typedef struct oy_world_gap {
    float yaw, span, top, floor;
    double mid[2];
} oy_world_gap;
int oy_world_gap_at(const oy_world *w, const oy_world_shape *sh, double x, double z, float yaw, oy_world_gap *g);
/* Still water at x, z or within reach m of it (eight points round it):
 * 1 and its level, else 0. */
int oy_world_water_by(const oy_world *w, const oy_world_shape *sh, double x, double z, float reach,
                      float *level);

/* ---- the set plan (plan.c) ---- */

/* A course through the set, extended far past both ends. */
#define OY_PLAN_MAXPTS (OY_LAYOUT_MAXPTS + 6)
typedef struct oy_plan_line {
    int np;
    int real0, real1;                 /* its first and last laid-out point */
    double px[OY_PLAN_MAXPTS], pz[OY_PLAN_MAXPTS];
} oy_plan_line;

/* One named feature (OY_FEAT_*) where the plan puts it. */
typedef struct oy_plan_feature {
    int placed;                       /* world.layout gave it: shown in full */
    double x, z;                      /* areas: the centre */
    int at_given;                     /* world.layout gave x, z */
    double size, height;              /* from world.layout, 0: from the prompt */
    oy_plan_line line;                /* valley, canyon, river, coast */
    int own_course;                   /* the line was laid out for it */
    int sea;                          /* coast: +1 sea on the right, -1 left */
} oy_plan_feature;

void oy_world_plan_setup(oy_world *w, const oy_layout_item *layout);
const oy_plan_feature *oy_world_feature(const oy_world *w, int f);

/* Nearest point of a line: distance, signed distance (+ right of the
 * line's direction) and the point itself. */
typedef struct oy_line_near {
    double d, sd, x, z;
} oy_line_near;
void oy_world_line_near(const oy_plan_line *L, double x, double z, oy_line_near *n);

/* The world object, shared by the files of world/ only. */
#define OY_WORLD_PERM 1024
#define OY_WORLD_PADS 32
struct oy_world {
    uint64_t id;                      /* unique in the process: what caches key on */
    uint64_t seed;
    uint16_t perm[2 * OY_WORLD_PERM];
    float val[OY_WORLD_PERM];
    oy_plan_feature feat[OY_FEAT_COUNT];
    float side_river;                 /* +-1: which side of its course */
    int lake_aside;                   /* oy_world_lake_aside was called */
    float hill_crown;                 /* m: oy_world_hill_crown's height */
    int hill_lone;                    /* and whether one thing stands alone */
    int island_things;                /* oy_world_island_things was called */
    float fog_sight;                  /* m: oy_world_fog_sight's (0: none) */
    float pads[OY_WORLD_PADS][4];     /* oy_world_pad's: x, z, radius and
                                         the dunes' height held there */
    int npads;
    double wind_x, wind_z;            /* the prevailing wind dunes face */
};

/* Value noise in [-1, 1] with its gradient, and sums of octaves. */
float oy_world_noise(const oy_world *w, double x, double z, float *dx, float *dz);
/* octaves of wavelength wl, wl/2, ... while above 2 * min_wl, fading out
 * the last one; returns roughly [-1, 1] */
float oy_world_fbm(const oy_world *w, double x, double z, double wl,
                   float min_wl, int max_oct);
/* the same with gradient damping: eroded-looking ridges and valleys */
float oy_world_fbm_eroded(const oy_world *w, double x, double z, double wl,
                          float min_wl, int max_oct);

#endif
