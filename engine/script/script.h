/*
 * script - the shot script (oyster-shot(5)) loaded into typed structures.
 *
 * The loader parses YAML with libyaml, checks the whole schema (unknown
 * keys, types, ranges, limits of §3.2) and reports every error (up to 20)
 * with file:line:col. Times are resolved to seconds once the frame rate is
 * known, so SMPTE and frame-count forms work everywhere. Nothing here gives
 * meaning to text or names: that is lang/ and model/.
 */
#ifndef OY_SCRIPT_H
#define OY_SCRIPT_H

/* the default lens and sensor (super35), mm */
#define OY_DEFAULT_LENS_MM 35.0
#define OY_SUPER35_W 24.89
#define OY_SUPER35_H 18.66

#include <stdint.h>

#include "../core/core.h"

typedef struct oy_mark { int line, col; } oy_mark;  /* 1-based; 0 = none */

typedef struct oy_rational { int num, den; } oy_rational;

/* A string from the script with where it was written. */
typedef struct oy_text { char *s; oy_mark mark; } oy_text;

enum oy_mode { OY_MODE_DIRECT, OY_MODE_WANDER };
enum oy_ease { OY_EASE_LINEAR, OY_EASE_IN, OY_EASE_OUT, OY_EASE_IN_OUT, OY_EASE_HOLD };
enum oy_season { OY_SEASON_NONE = -1, OY_SEASON_SPRING, OY_SEASON_SUMMER,
                 OY_SEASON_AUTUMN, OY_SEASON_WINTER };

enum oy_burn_in {
    OY_BURN_TIMECODE = 1 << 0, OY_BURN_TITLE = 1 << 1, OY_BURN_BEAT = 1 << 2,
    OY_BURN_LENS = 1 << 3, OY_BURN_SEED = 1 << 4, OY_BURN_FRAME = 1 << 5,
    OY_BURN_SAFE_AREAS = 1 << 6, OY_BURN_THIRDS = 1 << 7
};

/* Weather: a preset name (clear, cloudy, overcast, fog, rain, storm, snow)
 * or a map of intensities; set[] says which map fields were given. */
enum oy_weather_field { OY_WX_CLOUD, OY_WX_FOG, OY_WX_RAIN, OY_WX_SNOW,
                        OY_WX_WIND, OY_WX_LIGHTNING, OY_WX_COUNT };
/* the map's key of each field, NULL-terminated */
extern const char *const oy_weather_fields[OY_WX_COUNT + 1];
typedef struct oy_weather {
    int given;                 /* 0: not in the script */
    oy_text preset;            /* .s NULL when a map was given */
    float v[OY_WX_COUNT];
    unsigned char set[OY_WX_COUNT];
} oy_weather;

/* Lighting: a preset name (looked up in the concept bank) or a map. */
enum oy_light_field { OY_LT_EXPOSURE, OY_LT_WARMTH, OY_LT_CONTRAST,
                      OY_LT_SATURATION, OY_LT_COUNT };
extern const char *const oy_light_fields[OY_LT_COUNT + 1];
typedef struct oy_lighting {
    oy_text preset;
    float v[OY_LT_COUNT];
    unsigned char set[OY_LT_COUNT];
} oy_lighting;

/* Music: free text, or a map {mood, tempo, intensity, hit, on, from};
 * the words "stop" and "hit" alone stop the music or place a stinger. */
enum oy_music_on { OY_MUSIC_ON_DEFAULT, OY_MUSIC_ON_NOW, OY_MUSIC_ON_BEAT,
                   OY_MUSIC_ON_BAR };
typedef struct oy_music {
    oy_text text;              /* free text form */
    oy_text mood;              /* map form */
    float tempo;     int has_tempo;      /* bpm, 20..300 */
    float intensity; int has_intensity;  /* 0..1 */
    int hit;                   /* a stinger on the directive's frame */
    int on;                    /* OY_MUSIC_ON_*: when a change starts */
    int fresh;                 /* from: 0 - the music starts over */
    int stop;                  /* the music stops (until the next change) */
} oy_music;
extern const char *const oy_music_on_names[];   /* "now", "beat", "bar"; NULL-ended */

typedef struct oy_output {
    int width, height;
    oy_rational fps;
    double duration;           /* seconds */
    int64_t frames;            /* round(duration * fps), at least 1 */
    int64_t samples;           /* the frames' samples: first sample of frame `frames` */
    int draft;                 /* quality: draft */
    int audio;
    double aspect;             /* 0: none */
    unsigned burn_in;          /* OY_BURN_* */
    int64_t timecode_start;    /* frames */
} oy_output;

/* world.layout (oyster-shot(5)): where the set's named features stand. Every
 * feature has a default place (engine/world/plan.c); a layout entry moves
 * it, sizes it, and shows it even when the prompt does not name it. */
enum oy_feature {
    OY_FEAT_VALLEY, OY_FEAT_CANYON, OY_FEAT_RIVER, OY_FEAT_LAKE, OY_FEAT_COAST,
    OY_FEAT_ISLAND, OY_FEAT_PEAKS, OY_FEAT_HILL, OY_FEAT_CRATER, OY_FEAT_CLEARING,
    OY_FEAT_BUTTE,
    OY_FEAT_COUNT
};
extern const char *const oy_feature_names[OY_FEAT_COUNT + 1];  /* NULL-terminated */

#define OY_LAYOUT_MAXPTS 16
typedef struct oy_layout_item {
    int given;                 /* 0: not in the script */
    oy_mark mark;
    int has_at;     double at[2];       /* x, z of an area's centre */
    int npts;       double through[OY_LAYOUT_MAXPTS][2];  /* a line's course */
    int has_size;   double size;        /* m: an area's diameter, a line's width */
    int has_height; double height;      /* m: peaks, hill height; canyon depth */
    int sea;                            /* coast: 1 sea right of the course, -1 left,
                                           0 seeded */
} oy_layout_item;

typedef struct oy_world_desc {
    oy_text prompt;
    oy_text image;             /* resolved path (relative to the shot file) */
    double time;  int has_time;   /* hours 0..24 */
    oy_weather weather;
    int season;                /* OY_SEASON_* */
    oy_mark season_mark;
    oy_text vocabulary;        /* resolved path */
    oy_layout_item layout[OY_FEAT_COUNT];
} oy_world_desc;

typedef struct oy_camkey {
    oy_mark mark;
    double at;
    double pos[3];
    int has_look_at;
    double look_at[3];
    int has_yaw, has_pitch, has_roll;
    double yaw, pitch, roll;   /* degrees */
    int ease;                  /* OY_EASE_*, for the segment into this key */
    int has_lens;
    double lens;               /* mm */
    int cut;
} oy_camkey;

typedef struct oy_camera_desc {
    double lens;               /* mm, default 35 */
    double sensor_w, sensor_h; /* mm, default super35 (OY_SUPER35_W, _H) */
    double shake;              /* 0..1 */
    oy_camkey *keys;
    int nkeys;
} oy_camera_desc;

enum oy_action { OY_ACT_SAY, OY_ACT_BEAT, OY_ACT_TIME, OY_ACT_WEATHER,
                 OY_ACT_LIGHTING, OY_ACT_ADD, OY_ACT_REMOVE, OY_ACT_MOVE,
                 OY_ACT_MUSIC, OY_ACT_STRIKE, OY_ACT_SOUND, OY_ACT_FLASH,
                 OY_ACT_SHAKE, OY_ACT_FADE, OY_ACT_MIX, OY_ACT_COUNT };
extern const char *const oy_action_names[OY_ACT_COUNT];

/* The sound's buses, which `mix:` sets and --stems writes apart. */
enum oy_bus { OY_BUS_MUSIC, OY_BUS_AMBIENCE, OY_BUS_EFFECTS, OY_BUS_COUNT };
extern const char *const oy_bus_names[OY_BUS_COUNT + 1];   /* NULL-ended */

typedef struct oy_directive {
    int index;                 /* position in the file */
    oy_mark mark;              /* the list item */
    oy_mark value_mark;        /* the action's value */
    double at;                 /* seconds */
    int64_t frame;             /* ceil(at * fps) */
    int has_over;
    double over;               /* seconds */
    int action;                /* OY_ACT_* */
    oy_text text;              /* say, beat, add (kind), remove (id or kind),
                                  move (id) */
    double time;               /* time: hours */
    oy_weather weather;
    oy_lighting lighting;
    oy_music music;
    int has_near;  double near[3];
    int has_ahead; double ahead;
    int count;                 /* add: default 1 */
    oy_text id;                /* add: optional id */
    int has_yaw;   double yaw; /* add: heading, degrees (0 = +z, clockwise
                                  seen from above); else seeded */
    int face;                  /* add: OY_FACE_* */
    double face_at[3];         /* OY_FACE_POINT: x, height, z */
    oy_text face_id;           /* OY_FACE_ID: another entity's id */
    int has_to;    double to[3];  /* move: the last point of the path */
    double (*path)[3];         /* move: every point of 'to', in order */
    int npath;                 /* 1..OY_MOVE_MAXPTS when has_to */
    int has_speed; double speed;  /* move: m/s along the ground (not with over) */
    /* events (cue.c); strike and sound take 'near' as [x, z] or [x, y, z] */
    int has_distance; double distance;  /* strike: metres ahead of the camera */
    oy_text follow;            /* sound: the id of the entity it moves with */
    double gain;               /* sound: dB */
    int ground;                /* sound: OY_GROUND_* + 1, or 0 (the ground there) */
    double amount;             /* flash, shake: 0..1 */
    int fade;                  /* fade: OY_FADE_* */
    double mix[OY_BUS_COUNT];  /* mix: dB per bus */
    unsigned char mix_set[OY_BUS_COUNT];
} oy_directive;

/* What a footstep or a hoof lands on, in the order of audio's
 * OY_GROUND_* (grass ... water); NULL-ended. */
extern const char *const oy_ground_names[];
enum oy_fade { OY_FADE_IN, OY_FADE_BLACK, OY_FADE_WHITE };
extern const char *const oy_fade_names[];       /* "in", "black", "white"; NULL-ended */

enum oy_face { OY_FACE_NONE, OY_FACE_POINT, OY_FACE_ID };
#define OY_MOVE_MAXPTS 1000

typedef struct oy_wander_key {
    oy_mark mark;
    double at;
    unsigned keys;             /* OY_KEY_* bits */
    int press;                 /* 1: press (instant), 0: hold */
    double hold_for;           /* seconds */
} oy_wander_key;

enum { OY_KEY_W = 1, OY_KEY_A = 2, OY_KEY_S = 4, OY_KEY_D = 8, OY_KEY_LEFT = 16,
       OY_KEY_RIGHT = 32, OY_KEY_UP = 64, OY_KEY_DOWN = 128, OY_KEY_SHIFT = 256,
       OY_KEY_SPACE = 512 };
/* the keys' names in the script, in OY_KEY_* bit order; NULL-ended */
extern const char *const oy_wander_key_names[];

typedef struct oy_wander_look {
    oy_mark mark;
    double at, yaw, pitch, over;
} oy_wander_look;

typedef struct oy_wander_desc {
    int given;
    oy_mark mark;
    double start[2], start_yaw;
    double eye, walk, turn;
    oy_wander_key *keys;   int nkeys;
    oy_wander_look *looks; int nlooks;
} oy_wander_desc;

typedef struct oy_script {
    char *path;                /* as given */
    char *dir;                 /* directory of the file, for relative paths */
    uint64_t file_hash;        /* hash of the file's bytes */
    int version;
    char *title;
    uint64_t seed;
    int mode;                  /* OY_MODE_* */
    oy_mark mode_mark;
    oy_output output;
    oy_world_desc world;
    oy_camera_desc camera;
    oy_directive *directives;  /* sorted by (frame, index) */
    int ndirectives;
    oy_wander_desc wander;
} oy_script;

#define OY_SCRIPT_MAX_BYTES (1u << 20)   /* the largest script read (oyster-shot(5) LIMITS) */

/* Command-line overrides (oyster_overrides); strings parsed like the script. */
int oy_script_load(oy_script **out, const char *path,
                   const oyster_overrides *ov, oy_log *log);
/* Parse from memory (fuzzing, tests); name is used in messages. */
int oy_script_load_mem(oy_script **out, const char *name, const char *data,
                       size_t len, const oyster_overrides *ov, oy_log *log);
void oy_script_free(oy_script **s);

/* TIME (oyster-shot(5) TIME VALUES) at fps: "12", "1.5", "12s", "250ms", "2m", "1:30",
 * "1:30.5", "01:00:00:00" (SMPTE at fps; drop-frame not supported), "120f".
 * Returns 0 and seconds, or OYSTER_E_INPUT. */
int oy_time_parse(const char *text, oy_rational fps, double *seconds);
/* Frame at which a time takes effect: ceil(t * fps), tolerant of rounding. */
int64_t oy_time_to_frame(double seconds, oy_rational fps);
/* "HH:MM:SS:FF" for frame n (plus start) at fps into buf (>= 16 bytes). */
void oy_timecode_format(char *buf, int64_t frame, oy_rational fps);
/* SMPTE "HH:MM:SS:FF" at fps (nominal integer rate) to a frame count. */
int oy_timecode_parse(const char *text, oy_rational fps, int64_t *frame);
/* Size: 480p, 720p, 1080p, 2160p or WxH (even, 16..7680 x 16..4320). */
int oy_size_parse(const char *text, int *w, int *h);
/* Frame rate: integer or N/D, 1..120 (reduced); also the NTSC decimals
 * 23.976, 29.97, 47.952, 59.94, 119.88 as N/1001. */
int oy_fps_parse(const char *text, oy_rational *fps);
/* Time of day "HH:MM" or hours as a number; 0 <= hours <= 24. */
int oy_clock_parse(const char *text, double *hours);

/* First sample of frame n at 48 kHz: floor(n * 48000 * den / num). */
int64_t oy_frame_first_sample(int64_t n, oy_rational fps);

#endif
