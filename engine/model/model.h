/*
 * model - the latent world state and its evolution over time (docs/architecture.md).
 *
 * The state is a fixed vector of named continuous channels plus an entity
 * table and an event list. Directives set channel targets with a transition
 * (start, length, easing); the value at any time is a pure function of the
 * script, the seed and the time, so any frame can be evaluated alone in
 * O(channels * log(directives) + entities). Both decoders (render/, audio/)
 * read the same oy_state: picture and sound come from one state.
 */
#ifndef OY_MODEL_H
#define OY_MODEL_H

#include <stdint.h>
#include <stdio.h>

#include "../core/core.h"
#include "../script/script.h"

/* Channels. Ranges are the conventions every decoder relies on. */
enum oy_channel {
    /* time and sky */
    OY_CH_TIME,          /* hours, unwrapped (may exceed 24 in a time-lapse);
                            decoders use fmod(t, 24) */
    OY_CH_CLOUD,         /* 0..1 cloud cover */
    OY_CH_FOG,           /* 0..1 height fog density */
    OY_CH_HAZE,          /* 0..1 aerial haze / dust */
    OY_CH_RAIN,          /* 0..1 */
    OY_CH_SNOW,          /* 0..1 falling snow */
    OY_CH_WIND,          /* 0..1 (1 = gale) */
    OY_CH_LIGHTNING,     /* 0..1 strike rate */
    OY_CH_AURORA,        /* 0..1 the northern lights, seen in the dark */
    OY_CH_RAINBOW,       /* 0..1 a rainbow opposite the sun, seen while it shines */
    OY_CH_MOONS,         /* 0..3 great moons low in the sky ahead (+z), by day and night */
    OY_CH_HEARTH,        /* 0..1 fires lit indoors: chimneys smoke by day too */
    OY_CH_WETNESS,       /* 0..1 wet ground */
    OY_CH_SNOW_COVER,    /* 0..1 snow lying on the ground */
    /* season and vegetation */
    OY_CH_FOLIAGE,       /* 0 bare/brown .. 1 lush green */
    OY_CH_AUTUMN,        /* 0..1 autumn colours */
    OY_CH_VEGETATION,    /* 0..1 vegetation density */
    OY_CH_CONIFER,       /* -1..1 shift of the forest's share of conifers */
    OY_CH_BIRCH,         /* 0..1 share of birches among its broadleaf trees */
    OY_CH_ACACIA,        /* 0..1 share of flat-topped acacias among them */
    OY_CH_BAMBOO,        /* 0..1 share of the forest in stands of bamboo */
    OY_CH_GROVE,         /* 0..1 trees ringing still water (palms in dry country) */
    /* grade */
    OY_CH_EXPOSURE,      /* stops, -4..4 */
    OY_CH_WARMTH,        /* -1 cold .. 1 warm */
    OY_CH_CONTRAST,      /* -1..1 */
    OY_CH_SATURATION,    /* -1 (monochrome) .. 1 */
    OY_CH_TINT,          /* -1 green .. 1 magenta */
    /* biome weights, 0..1 each (not normalized; decoders normalize) */
    OY_CH_BIOME_MEADOW, OY_CH_BIOME_FOREST, OY_CH_BIOME_DESERT,
    OY_CH_BIOME_SNOWFIELD, OY_CH_BIOME_TUNDRA, OY_CH_BIOME_BEACH,
    OY_CH_BIOME_SWAMP, OY_CH_BIOME_ALPINE,
    /* terrain shape, 0..1 each */
    OY_CH_RELIEF,        /* overall height scale: 0 flat .. 1 high mountains */
    OY_CH_RUGGED,        /* roughness of detail */
    OY_CH_VALLEY,        /* a valley along the set's course */
    OY_CH_CANYON,        /* steep-walled canyon along the set's course */
    OY_CH_PLATEAU,       /* terraced, flat-topped forms */
    OY_CH_HILLS,         /* rolling hills */
    OY_CH_COAST,         /* sea on one side of the set's shoreline */
    OY_CH_ISLAND,        /* land surrounded by sea */
    OY_CH_OFFSHORE,      /* 0..1 out at sea: the default shore moved kilometres away */
    OY_CH_SEAWARD,       /* 0..1 the default shore faces the view, the sea ahead
                            (the world prompt's value: oy_world_sea_ahead) */
    OY_CH_LAKE,          /* a lake in view */
    OY_CH_RIVER,         /* a river through the frame */
    OY_CH_WATER_LEVEL,   /* -1..1 shift of water levels */
    OY_CH_CRATER,        /* a crater: a ringed bowl ahead, its rim underfoot */
    OY_CH_VOLCANO,       /* a volcano: one dark cone at the peaks' place */
    OY_CH_CLEARING,      /* an open glade among the trees of a forest */
    OY_CH_ICE,           /* still water frozen over */
    OY_CH_LAVA,          /* 0..1 molten lava glowing in the low ground */
    OY_CH_FLOWERS,       /* 0..1 flowers in the grass */
    OY_CH_FLOWER_WARMTH, /* -1 blue and purple .. 0 every colour .. 0.8 red .. 1 yellow */
    OY_CH_BLOSSOM,       /* 0..1 broadleaf trees in pink and white blossom */
    OY_CH_FIELDS,        /* 0..1 the open ground farmed in a patchwork of fields */
    OY_CH_ROWS,          /* 0..1 the fields' share planted in rows of vines or flowers */
    OY_CH_PADDIES,       /* 0..1 the open ground and hills cut into flooded rice terraces */
    OY_CH_CLOUD_SEA,     /* 0..1 a sea of cloud filling the land below a summit underfoot */
    OY_CH_OVERLOOK,      /* 0..1 the view on a bluff over the land falling away ahead */
    /* surface colours, -1..1 each, 0 = the world's own colours: warmth
     * -1 blue .. 1 red-orange, tint -1 green .. 1 magenta (the grade's
     * axes), light -1 black .. 1 white; ground is sand, soil and mud */
    OY_CH_ROCK_WARMTH, OY_CH_ROCK_TINT, OY_CH_ROCK_LIGHT,
    OY_CH_GROUND_WARMTH, OY_CH_GROUND_TINT, OY_CH_GROUND_LIGHT,
    OY_CH_WATER_WARMTH, OY_CH_WATER_TINT, OY_CH_WATER_LIGHT,
    /* the sky's colour on the same axes: the clear sky, the clouds and
     * what mirrors them ("a pink sky"); 0 = the sky the sun and weather
     * make */
    OY_CH_SKY_WARMTH, OY_CH_SKY_TINT, OY_CH_SKY_LIGHT,
    /* the grass's and the leaves' colour on the same axes ("purple
     * grass", "a silver forest"); 0 = green as the season makes it */
    OY_CH_PLANT_WARMTH, OY_CH_PLANT_TINT, OY_CH_PLANT_LIGHT,
    /* music */
    OY_CH_VALENCE,       /* -1 sad/dark .. 1 happy/bright */
    OY_CH_AROUSAL,       /* 0 calm .. 1 agitated */
    OY_CH_TEMPO,         /* bpm, 40..200 */
    OY_CH_INTENSITY,     /* 0..1 music loudness/density */
    OY_CH_COUNT
};

/* OY_CH_OVERLOOK's bluff: how high it stands over the land as it would
 * be, and how far ahead of the origin its edge passes (the world shapes
 * it; the model stands what overlooks with the view short of that edge) */
#define OY_BLUFF_H 70.0f
#define OY_BLUFF_EDGE 25.0f

/* The one table of the channels (channels.c): name, default, range. */
typedef struct oy_channel_info {
    const char *name;
    float def;           /* before the world description applies */
    float lo, hi;        /* the range its values keep */
} oy_channel_info;
extern const oy_channel_info oy_channels[OY_CH_COUNT];
/* Index of a channel name, or -1. */
int oy_channel_find(const char *name);
/* Default value of each channel before the world description applies. */
float oy_channel_default(int ch);
/* The range channel ch keeps; it also bounds vocabulary values. */
void oy_channel_range(int ch, float *lo, float *hi);
/* The height fog's extinction at its floor, per metre, for the channels
 * ch: visibility (5 % contrast) is about 3 over it: some 1.4 km in mist
 * (fog 0.3), 200 m in fog (0.6), a few tens of metres in thick fog (0.9) */
float oy_fog_extinction(const float ch[OY_CH_COUNT]);

/* Entities: objects, characters, flocks placed by directives or the prompt. */
typedef struct oy_entity {
    uint32_t uid;        /* stable per entity, for hashing */
    char id[32];         /* user id, or "" */
    char kind[32];       /* concept name: "campfire", "pine", "deer" ... */
    float pos[3];        /* world x, height above ground, z */
    float yaw;           /* heading, degrees in [0, 360): 0 faces +z,
                            clockwise seen from above (90 faces +x), like
                            the camera; while moving, the way it goes */
    float scale;         /* a tree's, a stone's or a building's own
                            variation about 1 */
    float size;          /* as the words size it ("a tiny cabin": 0.5;
                            else 1), for every kind */
    float fade;          /* 0..1 appearance (1 = fully present) */
    float speed;         /* m/s along the ground now; 0 when standing */
    float stride;        /* metres walked along its moves so far (for walk
                            cycles); a function of t like everything here */
    uint64_t seed;
    float paint[3];      /* its colour as the words paint it ("a red
                            barn"): warmth, tint, light as oy_paint takes
                            them; all 0, its own colours */
    int derelict;        /* 1: abandoned ("an abandoned house"): no lamp
                            lit in it, no fire in its hearth */
    int stone;           /* 1: built of stone ("a stone farmhouse"): its
                            walls laid in courses */
    int seen;            /* 1: the words placed it for the view at
                            seen_from (world x, z), and the forest keeps
                            the line from there to it clear */
    float seen_from[2];
} oy_entity;

/* Events both decoders read. */
enum oy_event_type {
    OY_EV_BEAT,          /* text = beat title */
    OY_EV_SAY,           /* text = the say: text */
    OY_EV_ADD, OY_EV_REMOVE, OY_EV_MOVE,
    OY_EV_CHANGE,        /* a time/weather/lighting/music directive */
    OY_EV_CUT,           /* camera cut */
    OY_EV_CUE            /* an event directive: strike, sound, flash, shake,
                            fade, mix (text = its action) */
};
typedef struct oy_event {
    int type;
    int64_t frame;
    double t;            /* seconds */
    const char *text;    /* owned by the model */
    int directive;       /* index into script directives, or -1 */
} oy_event;

/* A lightning strike: the storm's, a pure function of (seed, slot) and
 * the lightning channel, or a `strike:` directive's on its frame. Both
 * are drawn and heard the same way. Thunder reaches the camera
 * distance / 343 m/s later. */
typedef struct oy_strike {
    double t;            /* flash time, seconds */
    float x, z;          /* world position of the bolt */
    float energy;        /* 0..1 */
    float glow;          /* 0..1 the channel's brightness at the state's
                            time (oy_model_eval fills it): return strokes
                            over a few tenths of a second */
    int directed;        /* 1: a strike: directive */
    uint64_t seed;       /* its shape and strokes */
} oy_strike;
#define OY_STATE_STRIKES 4

/* Cues: the event directives on their frames, in time order (cues.c). */
enum oy_cue_type { OY_CUE_STRIKE, OY_CUE_SOUND, OY_CUE_FLASH, OY_CUE_SHAKE,
                   OY_CUE_FADE, OY_CUE_MIX, OY_CUE_MUSIC };
typedef struct oy_cue {
    int type;            /* OY_CUE_* */
    int64_t frame;
    double t;            /* the frame's time: frame * den / num, seconds */
    int directive;       /* index into the script's directives */
    float over;          /* seconds: a flash's or a jolt's decay, a fade's
                            or a mix change's length, a lasting sound's
                            length (0 = its own), a stop's fade-out */
    /* strike, sound */
    const char *name;    /* sound: as written */
    int placed;          /* 1: at pos (or following); 0: not in the world */
    float pos[3];        /* x, height above the ground, z */
    size_t follow;       /* sound: entity index + 1 it moves with, or 0 */
    float gain_db;       /* sound */
    int ground;          /* sound: OY_GROUND_* + 1, or 0 (the ground there) */
    uint64_t seed;
    /* flash, shake */
    float amount;
    /* fade */
    int fade;            /* OY_FADE_* */
    float from_black, from_white;   /* the fade levels it starts from */
    /* mix */
    float mix[OY_BUS_COUNT];        /* dB it goes to */
    float mix_from[OY_BUS_COUNT];   /* dB it starts from */
    /* music */
    int hit;             /* a stinger on the frame */
    int on;              /* OY_MUSIC_ON_* for a change (NOW for a fresh start) */
    int fresh, stop;
    int change;          /* it changes the music (not a hit alone) */
    /* placed relative to the camera until oy_model_place_relative */
    int anchored;
    int by_view;         /* it was: a live session places it again */
    float ahead, lateral;
} oy_cue;

/* The state at one instant. */
typedef struct oy_state {
    int64_t frame;
    double t;                 /* seconds */
    float ch[OY_CH_COUNT];
    const oy_entity *entities;
    int nentities;
    int beat;                 /* index of the current beat (-1 before any) */
    const char *beat_text;    /* NULL before any beat */
    double beat_t;            /* when the current beat began */
    float flash;              /* 0..1 lightning flash brightness now */
    oy_strike strikes[OY_STATE_STRIKES];   /* bolts to draw now, the */
    int nstrikes;                          /* brightest first */
    float white;              /* 0..1 a flash cue's white over the picture */
    float fade_black, fade_white;   /* 0..1 the picture faded out */
    float jolt;               /* 0..1 a shake cue's camera jolt now */
    float jolt_age;           /* seconds since that jolt began */
    uint64_t jolt_seed;
} oy_state;

typedef struct oy_bank oy_bank;   /* lang/ */
typedef struct oy_model oy_model;

/* Compile the script's world description and directives. Text is read by
 * the concept language (warnings for unknown words go to log). */
int oy_model_new(oy_model **out, const oy_script *s, const oy_bank *bank,
                 oy_log *log);
void oy_model_free(oy_model **m);

/* Evaluate at time t (seconds). ents must hold oy_model_max_entities()
 * entries; st->entities points into it. Pure: thread-safe on a const model. */
void oy_model_eval(const oy_model *m, double t, oy_state *st, oy_entity *ents);
int oy_model_max_entities(const oy_model *m);
/* How many entities the script places over the whole shot. */
int oy_model_entity_count(const oy_model *m);
/* Whether the words put a thing by the water from the start ("a cabin by
 * the lake"): oy_world_lake_aside. */
int oy_model_shore_thing(const oy_model *m);
/* The height of the tallest thing the world prompt stands on high ground
 * ("a castle on a hill"), 0 if none, and in *lone whether that is one
 * thing standing alone (a tree, a castle; not a village or a person):
 * oy_world_hill_crown. */
float oy_model_crown_height(const oy_model *m, int *lone);
/* Whether the world prompt names a building of the set, there from the
 * start (a lighthouse, a house): it needs land in view. */
int oy_model_builds(const oy_model *m);
/* Whether it names anything there from the start that stands on land (a
 * palm, a hut, a person; not a boat, a bird, a bridge, a pier or a
 * road): oy_world_island_things. */
int oy_model_on_land(const oy_model *m);
/* Whether entity i stands on a footing of its own from the start, where
 * the set (not the camera) put it: a building, a tent, a landed craft, a
 * wreck; not what moves, floats, flies, spans or runs along. Its place
 * and how far its footing reaches (m) into xzr: oy_world_pad. */
int oy_model_footing(const oy_model *m, size_t i, float xzr[3]);
/* How far one sees through the fog of the world prompt that names a
 * thing on high ground it then stands before, not on ("a lighthouse on a
 * rocky island in the fog"); 0 if none: oy_world_fog_sight. */
float oy_model_fog_sight(const oy_model *m);
/* A channel's value as the world block sets it, before any directive. */
float oy_model_world_channel(const oy_model *m, int ch);
/* Entity i (0 .. oy_model_entity_count - 1) as it is at t, into out (as it
 * was added, before its time); returns 1 when it is in the shot at t. */
int oy_model_entity_at(const oy_model *m, size_t i, double t, oy_entity *out);

/* Lightning strikes with flash time in [t0, t1), in time order, at most max;
 * returns the count. glow is not set. */
int oy_model_strikes(const oy_model *m, double t0, double t1,
                     oy_strike *out, int max);
/* How bright a strike's channel is dt seconds after its flash (0..1). */
float oy_strike_glow(const oy_strike *s, double dt);
/* The cues in time order. */
const oy_cue *oy_model_cues(const oy_model *m, int *n);
/* The mix at t: dB per bus (OY_BUS_*), 0 unless a mix: cue says. */
void oy_model_mix(const oy_model *m, double t, float db[OY_BUS_COUNT]);

/* Entities placed relative to the view ("ahead: 20", "on the left") get
 * their world position from fn once a camera exists: fn gives the ground
 * x, z at `ahead` metres forward and `lateral` metres right of the camera at
 * time t, or, where t is OY_SET_VIEW, of the set's own view (what the
 * world prompt names, the same from any camera); with seek it looks along that line for ground of the kind the
 * words named ("by the lake": the shore; "on the hill": high ground in
 * view; a boat: open water in view) and falls back to the place itself;
 * a tall thing no nearer than stand_off metres, where a level view sees it
 * whole (0 for other things); reach is how far the thing reaches from its
 * place (a castle on high ground keeps all its walls on it). Call once,
 * before evaluating. */
enum oy_seek { OY_SEEK_NONE, OY_SEEK_SHORE, OY_SEEK_HIGH, OY_SEEK_WATER, OY_SEEK_AFLOAT,
               OY_SEEK_REACH,     /* a pier: a shore near the view */
               OY_SEEK_RIVER,     /* a waterfall: across a river in view */
               OY_SEEK_SKY,       /* aloft: its upper half in view */
               OY_SEEK_SPAN,      /* on a bridge's deck whose middle
                                     out_xz holds and whose own heading
                                     reach gives (in degrees): `ahead`
                                     metres along the deck from its
                                     middle, the way it crosses */
               OY_SEEK_PIER };    /* on or by a pier whose foot out_xz
                                     holds and whose own heading reach
                                     gives (in degrees): `ahead` metres
                                     out along its deck past the water's
                                     edge, `lateral` metres to the deck's
                                     side the view sees */
#define OY_SET_VIEW (-1.0)
typedef void (*oy_anchor_fn)(void *ctx, double t, float ahead, float lateral, int seek, float stand_off,
                             float reach, float out_xz[2]);
void oy_model_place_relative(oy_model *m, oy_anchor_fn fn, void *ctx);
/* What oy_model_place_relative placed by the view from after t0 up to t1
 * waits to be placed again (a live session places it by the live walk,
 * not the script's keys): returns how many, and in *first the earliest
 * time among them. */
int oy_model_unplace(oy_model *m, double t0, double t1, double *first);
/* What cannot stand in water (all but boats, ships, bridges, birds and
 * what stands on a pier) stands on dry ground: fn moves xz, where it
 * stands from time t (seen by the view at t, or the set's own at
 * OY_SET_VIEW), to dry
 * ground and returns 1 when it was in water (river_ok: river water is
 * ground enough, for a waterfall across it), no nearer the camera than
 * clear metres where it can (a building is not moved onto the camera).
 * A thing counts as in the water when its footprint (foot metres round
 * its place) reaches it: a ferris wheel by the sea does not stand in
 * the surf. One a directive put there with `near:` is reported at that
 * place. Call after oy_model_place_relative. */
typedef int (*oy_dry_fn)(void *ctx, double t, int river_ok, float clear, float foot, float xz[2]);
void oy_model_keep_dry(oy_model *m, oy_dry_fn fn, void *ctx, oy_log *log);
/* What the words set going ("horses galloping", "a man walking") goes
 * from where it stands when it comes: across the view it was placed by
 * and a little away, at its kind's pace for the gait, toward the view's
 * middle or else the way that keeps it on dry land longer (wet: 1 where
 * water is at or near x, z), for up to two minutes, stopping short of
 * the water. Those of one kind named together go the same way. Call
 * after oy_model_keep_dry. */
typedef int (*oy_wet_fn)(void *ctx, double t, float x, float z);
int oy_model_set_going(oy_model *m, oy_anchor_fn place, oy_wet_fn wet, void *ctx);

const oy_event *oy_model_events(const oy_model *m, int *n);
uint64_t oy_model_seed(const oy_model *m);
const oy_script *oy_model_script(const oy_model *m);

/* State files (oyster(1)): the state at a frame, written to f (the
 * caller says what went wrong), with nextra bytes of what the model does
 * not compute (wander mode's walker); and the check that a state file fits
 * this model (version, checksum, script hash, contents), giving its frame
 * and its extra bytes (exactly nextra of them). Errors are reported;
 * OYSTER_E_INPUT. */
int oy_snapshot_write(const oy_model *m, int64_t frame, const void *extra, size_t nextra, FILE *f);
int oy_snapshot_check(const oy_model *m, const char *path, int64_t *frame, void *extra,
                      size_t nextra, oy_log *log);

/* Easing curve OY_EASE_* applied to x in 0..1. */
float oy_ease(int ease, float x);

/* For `oyster check`: one line per directive on what it changes. */
void oy_model_describe(const oy_model *m, oyster_line_fn fn, void *opaque);

#endif
