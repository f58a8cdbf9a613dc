/*
 * scene - things in the world: trees, buildings, props, animals and
 * people, drawn over the terrain the caster made.
 *
 * Every kind is a procedural prototype built in code (kinds_*.c) from a few
 * solid primitives: convex hulls (boxes, roofs, planks), upright frusta
 * (trunks, towers, cones) and ellipsoids (crowns, bodies, rocks). A frame's
 * instances are the state's entities plus the trees of the forest near the
 * view, each a pure function of the seed, the state and its place; the
 * renderer traces each output pixel's ray against the instances binned in
 * its screen tile, depth-tested against the terrain, and lights the hit
 * with the sun, sky, moon and the frame's point lights (fires, lanterns,
 * lit windows). Placed objects also cast sun shadows on the ground and on
 * one another.
 */
#ifndef OY_SCENE_H
#define OY_SCENE_H

#include <stdint.h>

#include "../core/core.h"
#include "../model/model.h"

/* ---- primitives, in an instance's own frame: metres, y up from the
 * ground under it, +z its front ---- */
enum { OY_PRIM_HULL, OY_PRIM_ELLIPSOID, OY_PRIM_FRUSTUM };
#define OY_HULL_PLANES 8
typedef struct oy_prim {
    uint8_t type, mat, np;
    float c[3];                   /* ellipsoid centre; frustum base centre */
    float r[3];                   /* ellipsoid radii; frustum r0, r1, height */
    float pl[OY_HULL_PLANES][4];  /* hull: inside where n . p <= d */
    float bc[3], br;              /* a sphere round it (set by the renderer) */
} oy_prim;

/* A material: albedo (linear), emission (radiance, as the sky's), and
 * how it answers light. */
enum { OY_MAT_LEAF = 1, OY_MAT_GLOW = 2, OY_MAT_SOFT = 4,
       OY_MAT_STONE = 8,           /* bare rock: blotched, bedded, grained */
       OY_MAT_FLAT = 16,           /* lies on the ground (a road): lit as
                                    * level ground whatever face is hit, so
                                    * lengths laid end to end read as one */
       OY_MAT_MASONRY = 32 };      /* stone laid in courses (OY_MAT_STONE
                                    * too): each stone its own tone, the
                                    * joints dark near the view */
typedef struct oy_mat {
    float alb[3], emit[3];
    float alpha;                  /* OY_MAT_SOFT (smoke, a beam): coverage */
    int flags;
    float shade;                  /* >0: a shade of the body (material 0),
                                     its albedo times this, painted with it */
} oy_mat;

/* A point light an instance carries, in its own frame. */
typedef struct oy_plight {
    float p[3];
    float rgb[3];                 /* radiant intensity, sky units * m^2 */
} oy_plight;

/* What a prototype is built from: the instance, the time and the look of
 * the world it stands in. */
typedef struct oy_look {
    float leaf[3];                /* foliage albedo for the season */
    float rock[3];                /* the world's bare rock (oy_world_rock) */
    float green;                  /* 0..1 how green the land is (vegetation) */
    float foliage;                /* 0 bare .. 1 in full leaf */
    float autumn;                 /* 0..1 */
    float blossom;                /* 0..1 broadleaf crowns in blossom */
    float snow;                   /* 0..1 snow lying on things */
    float wind;                   /* 0..1 */
    float night;                  /* 0 day .. 1 night: windows and lamps lit */
    float hearth;                 /* 0..1 fires lit indoors, by day too */
    int derelict;                 /* an abandoned building's: no lamp, no fire */
    int east;                     /* the land is East Asia's (bamboo grows
                                   * in it): houses are built in its manner */
    int arid;                     /* the land is desert: houses are built
                                   * of mud brick with flat roofs */
    float dry;                    /* 0..1 dusty ground for vehicles */
    float lava;                   /* 0..1 molten lava in the land: a
                                   * volcano's crater is in eruption */
    int frozen;                   /* still water is ice: it mirrors nothing */
    float exposure;               /* the frame's exposure: glows and lamps
                                   * are given as what they show on screen */
} oy_look;

#define OY_PROTO_PRIMS 64
#define OY_PROTO_MATS 8
#define OY_PROTO_LIGHTS 4
typedef struct oy_build {
    oy_prim p[OY_PROTO_PRIMS];
    int n;
    oy_mat m[OY_PROTO_MATS];
    int nm;
    oy_plight l[OY_PROTO_LIGHTS];
    int nl;
    /* inputs */
    uint64_t seed;                /* the instance's own variation */
    float t;                      /* seconds */
    float speed, stride;          /* m/s now; metres travelled (gait) */
    float water;                  /* water surface above the base, m (0 dry) */
    float span;                   /* bridges, piers and road pieces: length, m */
    float pitch;                  /* road pieces: the ground's rise, radians */
    const oy_look *look;
} oy_build;

typedef void (*oy_proto_fn)(oy_build *b);

/* Flags of a kind. */
enum {
    OY_KIND_FLOATS = 1,           /* sits on water where there is water */
    OY_KIND_LIFTED = 2,           /* rides above the ground (birds) */
    OY_KIND_CLUSTER = 4,          /* expands into several instances */
    OY_KIND_BUILDING = 8,         /* not on water: placing it there is an error */
    OY_KIND_SPANS = 16,           /* a bridge: spans the water it crosses */
    OY_KIND_MOVER = 32,           /* walks or drives: people, animals, vehicles */
    OY_KIND_ALONG = 64,           /* laid along its heading: a road */
    OY_KIND_FACES = 128,          /* placed by words, it turns its front to the
                                   * view: an arch, a waterfall */
    OY_KIND_WADES = 256,          /* stands in water as on land, its foot on
                                   * the bottom: a rock tower, karst */
    OY_KIND_LANDFORM = 512,       /* part of the land, or as great a thing of
                                   * nature (a tornado): the words put it far
                                   * enough off for the first view to see it
                                   * whole, and spread several well apart */
    OY_KIND_PLUME = 1024,         /* most of its height is the smoke rising
                                   * off it: the words need not stand it off
                                   * for the view to see its top */
    OY_KIND_REACHES = 2048,       /* a pier: from its foot on the shore out
                                   * over the water */
    OY_KIND_HEADS = 4096,         /* a waterfall: where a river runs in view
                                   * the words stand it across the river's
                                   * course, the river falling from it */
    OY_KIND_OPEN = 8192,          /* a town square: a group open on its
                                   * front, which faces the view; the words
                                   * stand the view on its floor, and what
                                   * is named with it in its middle */
    OY_KIND_FILES = 16384,        /* several named together stand in file
                                   * across the view, heading one way: a
                                   * camel caravan */
    OY_KIND_ACROSS = 32768,       /* long: the words stand it side on to
                                   * the view, where the view's width holds
                                   * it: a train */
    OY_KIND_STRAIGHT = 65536,     /* laid along its heading as a road is,
                                   * but straight: a runway */
    OY_KIND_LEAFY = 131072        /* a colour said of it paints its leaves,
                                   * not its first material: "pink trees" */
};
typedef struct oy_kind {
    const char *name;
    oy_proto_fn build;
    int flags;
    float height;                 /* typical height, m (for tests and docs) */
    float radius;                 /* how far it reaches from its place, m */
    const char *what;             /* one line: what it looks like */
} oy_kind;

/* The registry: the kind of a name, or NULL; and all of them. */
const oy_kind *oy_scene_kind_find(const char *name);
const oy_kind *oy_scene_kinds(int *n);

/* ---- builders (shape.c) for the prototypes ---- */
int oy_build_mat(oy_build *b, float r, float g, float bl);
/* a shade of the body's material (material 0): its albedo times k, and
 * when the words paint the body ("a stone path") painted with it */
int oy_build_shade(oy_build *b, float k);
/* bare rock: the renderer blotches, beds and grains it */
int oy_build_stone(oy_build *b, float r, float g, float bl);
int oy_build_masonry(oy_build *b, float r, float g, float bl);
/* every material built so far lies flat (OY_MAT_FLAT) */
void oy_build_lie_flat(oy_build *b);
/* a glowing material (a flame, a lit window): power is the brightness it
 * shows at the frame's exposure, 1 about white */
int oy_build_glow(oy_build *b, float r, float g, float bl, float power);
/* a box with centre c and half sizes h, turned by yaw, pitch (about its
 * x axis) and roll (about z), in radians */
void oy_build_box(oy_build *b, int mat, float cx, float cy, float cz, float hx, float hy,
                  float hz, float yaw, float pitch, float roll);
/* a gable roof: ridge along x at height h over the rectangle
 * [-hx, hx] x [-hz, hz] at y0, turned by yaw */
void oy_build_roof(oy_build *b, int mat, float cx, float y0, float cz, float hx, float hz,
                   float h, float yaw);
/* a slab across x (half width hx) from z0 to z1 > z0, up to top,
 * its underside the straight line from (z0, y0) to (z1, y1): a course of
 * an arch's spandrel */
void oy_build_spandrel(oy_build *b, int mat, float hx, float z0, float y0, float z1, float y1, float top);
/* a pyramid of h over a regular base of 3 to 7 sides, r from its centre
 * to the middle of each side (a face toward yaw first): a pyramid of
 * stone, a hipped or tented roof */
void oy_build_pyramid(oy_build *b, int mat, float cx, float y0, float cz, float r, float h, int sides,
                      float yaw);
/* an upright frustum (cylinder when r0 = r1, cone when r1 = 0) */
void oy_build_frustum(oy_build *b, int mat, float cx, float y0, float cz, float r0, float r1,
                      float h);
void oy_build_ellipsoid(oy_build *b, int mat, float cx, float cy, float cz, float rx, float ry,
                        float rz);
/* a point light: power is what it shows on a pale surface at 1 m, at the
 * frame's exposure (about 20 for a campfire) */
void oy_build_light(oy_build *b, float x, float y, float z, float r, float g, float bl,
                    float power);
/* white water (a falling sheet, foam, a fountain's jet): solid to the
 * eye, and bright in shade too, for the light it churns through it (not
 * soft: the renderer shows only the nearest soft thing, and spray is
 * nearer) */
int oy_build_white_water(oy_build *b, float r, float g, float bl);
/* a soft material (smoke, a light's beam): seen through, coverage alpha */
int oy_build_soft(oy_build *b, float r, float g, float bl, float alpha, float glow);
/* move primitives [from, n) and the lights from light by dx, dy, dz: a
 * prototype made of others (a rider, a wagon and its horse) */
void oy_build_shift(oy_build *b, int from, int light, float dx, float dy, float dz);
/* a plume: n puffs of soft material young, then old, rising from y0 by
 * rise over each period seconds, growing from r0 by grow, drifting
 * downwind (+x) by drift times a campfire's smoke */
void oy_build_plume(oy_build *b, int young, int old, int n, float period, float y0, float rise, float r0,
                    float grow, float drift);
/* window glass: dark by day, lamp-lit at night (kinds_built.c) */
int oy_build_window(oy_build *b);
/* a number in [lo, hi) from the instance's seed and a salt */
float oy_build_rand(const oy_build *b, int salt, float lo, float hi);

/* Nearest hit of a ray (origin o, direction d, both in the primitive's
 * frame) with t in (tmin, tmax): returns t or a negative number, and the
 * outward normal in n. */
float oy_prim_hit(const oy_prim *p, const float o[3], const float d[3], float tmin,
                  float tmax, float n[3]);

/* ---- flocks of birds and herds (flock.c) ---- */
#define OY_FLOCK_MAX 24
#define OY_HERD_MAX 48
/* The n birds (at most OY_FLOCK_MAX) of the flock seeded seed, wheeling
 * round its place within about radius metres, at t seconds: places in
 * metres from the place, headings in radians (0 along +z); returns n. */
int oy_flock_at(uint64_t seed, int n, float radius, float t, float pos[][3], float head[]);
/* Member i of the herd of n (at most OY_HERD_MAX) seeded seed whose
 * members keep near their places (x, z in metres), t seconds after it
 * set off from them: where it is (x, z) and how fast it goes (m/s). */
void oy_herd_at(uint64_t seed, int n, const float place[][2], float t, int i, float pos[2], float vel[2]);

/* ---- prototypes, by family ---- */
void oy_kind_tree(oy_build *b);
void oy_kind_pine(oy_build *b);
void oy_kind_oak(oy_build *b);
void oy_kind_birch(oy_build *b);
void oy_kind_poplar(oy_build *b);
void oy_kind_cypress(oy_build *b);
void oy_kind_palm(oy_build *b);
void oy_kind_acacia(oy_build *b);
void oy_kind_bamboo(oy_build *b);
void oy_kind_bush(oy_build *b);
void oy_kind_reeds(oy_build *b);
void oy_kind_cactus(oy_build *b);
void oy_kind_mushroom(oy_build *b);
void oy_kind_dead_tree(oy_build *b);
void oy_kind_rock(oy_build *b);
void oy_kind_boulder(oy_build *b);
void oy_kind_cabin(oy_build *b);
void oy_kind_house(oy_build *b);
void oy_kind_barn(oy_build *b);
void oy_kind_tower(oy_build *b);
void oy_kind_lighthouse(oy_build *b);
void oy_kind_ruins(oy_build *b);
void oy_kind_castle(oy_build *b);
void oy_kind_temple(oy_build *b);
void oy_kind_wall(oy_build *b);
void oy_kind_fence(oy_build *b);
void oy_kind_windmill(oy_build *b);
void oy_kind_silo(oy_build *b);
void oy_kind_stilt_house(oy_build *b);
void oy_kind_wind_turbine(oy_build *b);
void oy_kind_zen_garden(oy_build *b);
void oy_kind_church(oy_build *b);
void oy_kind_standing_stones(oy_build *b);
void oy_kind_graves(oy_build *b);
void oy_kind_skyscraper(oy_build *b);
void oy_kind_greek_temple(oy_build *b);
void oy_kind_road(oy_build *b);
/* A road is laid in pieces this long, end to end both ways from its
 * place, winding in gentle seeded bends about its heading yaw (radians)
 * unless straight (OY_KIND_STRAIGHT): the heading of the piece s pieces
 * from the place (s + 0.5 for the first one way, -0.5 the other), and
 * the point of its centre line `along` metres from the place (either
 * way) with the heading there. */
#define OY_ROAD_PIECE 6.0f
float oy_road_heading(uint64_t seed, float yaw, int straight, float s);
void oy_road_point(uint64_t seed, float yaw, int straight, float along, float out[2], float *heading);
void oy_kind_highway(oy_build *b);
void oy_kind_runway(oy_build *b);
/* A power line is laid as a road is, a pole every OY_POLE_PIECES pieces */
#define OY_POLE_PIECES 7
void oy_kind_power_line(oy_build *b);
void oy_kind_footpath(oy_build *b);
void oy_kind_bridge(oy_build *b);
void oy_kind_footbridge(oy_build *b);
void oy_kind_covered_bridge(oy_build *b);
void oy_kind_stone_bridge(oy_build *b);
void oy_kind_step_pyramid(oy_build *b);
/* the middle of a pier's deck over its foot, for water at that height
 * over the foot (the deck is 0.24 m thick) */
float oy_pier_deck(float water);
/* a bridge's: stone arches (a stone bridge, or one spanning over 30 m)
 * or a wooden deck; the middle of its deck over its base, for water at
 * that height over the base (the deck is 0.5 m thick, 3.6 m wide) */
int oy_bridge_arched(int stone, float span);
float oy_bridge_deck(float water, int arched);
void oy_kind_cottage(oy_build *b);
void oy_kind_greenhouse(oy_build *b);
void oy_kind_cargo_ship(oy_build *b);
void oy_kind_cruise_ship(oy_build *b);
void oy_kind_gas_station(oy_build *b);
void oy_kind_hobbit_hole(oy_build *b);
void oy_kind_pier(oy_build *b);
void oy_kind_campfire(oy_build *b);
void oy_kind_wildfire(oy_build *b);
void oy_kind_steam_vent(oy_build *b);
void oy_kind_ash_plume(oy_build *b);
void oy_kind_tornado(oy_build *b);
void oy_kind_lantern(oy_build *b);
void oy_kind_flag(oy_build *b);
void oy_kind_tent(oy_build *b);
void oy_kind_parasol(oy_build *b);
void oy_kind_fountain(oy_build *b);
void oy_kind_pyramid(oy_build *b);
void oy_kind_well(oy_build *b);
void oy_kind_swimming_pool(oy_build *b);
void oy_kind_tree_house(oy_build *b);
void oy_kind_gazebo(oy_build *b);
void oy_kind_paving(oy_build *b);
void oy_kind_ferris_wheel(oy_build *b);
void oy_kind_statue(oy_build *b);
void oy_kind_scarecrow(oy_build *b);
void oy_kind_bench(oy_build *b);
void oy_kind_boat(oy_build *b);
void oy_kind_canoe(oy_build *b);
void oy_kind_rowboat(oy_build *b);
void oy_kind_sailboat(oy_build *b);
void oy_kind_ship(oy_build *b);
void oy_kind_wagon(oy_build *b);
void oy_kind_car(oy_build *b);
void oy_kind_train(oy_build *b);
void oy_kind_tractor(oy_build *b);
void oy_kind_person(oy_build *b);
void oy_kind_rider(oy_build *b);
void oy_kind_deer(oy_build *b);
void oy_kind_wolf(oy_build *b);
void oy_kind_fox(oy_build *b);
void oy_kind_bear(oy_build *b);
void oy_kind_polar_bear(oy_build *b);
void oy_kind_horse(oy_build *b);
void oy_kind_cow(oy_build *b);
void oy_kind_elephant(oy_build *b);
void oy_kind_bison(oy_build *b);
void oy_kind_swan(oy_build *b);
void oy_kind_spaceship(oy_build *b);
void oy_kind_airplane(oy_build *b);
void oy_kind_hay_bales(oy_build *b);
void oy_kind_factory(oy_build *b);
void oy_kind_lily_pads(oy_build *b);
#define OY_WRECK_HEIGHT 5.0f   /* m: how tall an airplane's wreck lies */
void oy_kind_dragon(oy_build *b);
void oy_kind_giraffe(oy_build *b);
void oy_kind_camel(oy_build *b);
void oy_kind_sheep(oy_build *b);
void oy_kind_bird_flock(oy_build *b);
void oy_kind_fireflies(oy_build *b);
void oy_kind_cyclist(oy_build *b);
void oy_kind_balloon(oy_build *b);
void oy_kind_kite(oy_build *b);
void oy_kind_arch(oy_build *b);
void oy_kind_rock_tower(oy_build *b);
void oy_kind_waterfall(oy_build *b);
void oy_kind_iceberg(oy_build *b);

#endif
