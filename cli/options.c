/*
 * options.c - the option tables and what is generated from them: the
 * getopt_long arrays, each command's --help text and the machine-readable
 * list that keeps man/oyster.1 honest. Values the engine owns the rules
 * for (seed, size, fps, duration, TIME) pass through as text; values only
 * the tool understands (threads, frame range, progress mode) are checked
 * here so a bad one fails before any work starts.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

#define MAX_OPTIONS 48
#define HELP_COLUMN 27

static const cli_option global_options[] = {
    { OPT_HELP,    'h', "help",    NULL, "list the commands", 0 },
    { OPT_VERSION,  0,  "version", NULL, "print the version", 0 },
    { 0 }
};
const cli_group cli_group_global = { "Options", global_options };

static const cli_option help_options[] = {
    { OPT_HELP, 'h', "help", NULL, "show this help", 0 },
    { 0 }
};
const cli_group cli_group_help = { "Help", help_options };

static const cli_option shot_options[] = {
    { OPT_SEED,     's', "seed",     "N",    "override the seed (0 to 2^64-1)", 0 },
    { OPT_SIZE,      0,  "size",     "WxH",  "override output.size (720p, 1080p, ... or WxH)", 0 },
    { OPT_FPS,       0,  "fps",      "R",    "override output.fps (integer or N/D)", 0 },
    { OPT_DURATION,  0,  "duration", "TIME", "override output.duration", 0 },
    { OPT_DRAFT,     0,  "draft",    NULL,   "fast preview quality; same framing and timing", 0 },
    { 0 }
};
const cli_group cli_group_shot = { "Shot overrides", shot_options };

static const cli_option run_options[] = {
    { OPT_THREADS,  'j', "threads",  "N",    "worker threads (0: all cores); same output", 0 },
    { OPT_FORCE,    'f', "force",    NULL,   "overwrite an existing output", 0 },
    { OPT_PROGRESS,  0,  "progress", "MODE", "auto (bar on a terminal), bar, json or none", 0 },
    { 0 }
};
const cli_group cli_group_run = { "Running", run_options };

static const cli_option message_options[] = {
    { OPT_QUIET,   'q', "quiet",   NULL, "print nothing but errors", 0 },
    { OPT_VERBOSE, 'v', "verbose", NULL, "print more on stderr (twice: debugging detail)", 0 },
    { 0 }
};
const cli_group cli_group_messages = { "Messages", message_options };

static const cli_option render_options[] = {
    { OPT_OUTPUT,       'o', "output",       "FILE",  "video: .mp4, .mov, .mkv, - for stdout; a folder for a chunk", 1 },
    { OPT_FRAMES,        0,  "frames",       "A-B",   "only frames A to B (0-based, inclusive); into a folder -o, as a chunk", 0 },
    { OPT_STATE_OUT,     0,  "state-out",    "FILE",  "write the world state to FILE", 0 },
    { OPT_STATE_AT,      0,  "state-at",     "TIME",  "time of the --state-out state (default: the end)", 0 },
    { OPT_STATE_IN,      0,  "state-in",     "FILE",  "resume from a state file written by --state-out", 0 },
    { OPT_CHUNK,         0,  "chunk",        "I/N",   "render chunk I of N into the folder -o for 'oyster assemble'", 0 },
    { 0 }
};
const cli_group cli_group_render = { "Render options", render_options };

static const cli_option still_options[] = {
    { OPT_AT,           0,  "at",     "TIME", "the time of the frame", 1 },
    { OPT_STILL_OUTPUT, 'o', "output", "FILE", "write the frame to FILE as PNG", 1 },
    { 0 }
};
const cli_group cli_group_still = { "Still options", still_options };

static const cli_option frames_options[] = {
    { OPT_FRAMES_OUTPUT, 'o', "output",       "PATTERN", "PNG files: a name with %05d or ##### for the number", 1 },
    { OPT_FRAMES,         0,  "frames",       "A-B",     "only frames A to B (0-based, inclusive)", 0 },
    { OPT_START_NUMBER,   0,  "start-number", "N",       "number the first file N (default: its frame)", 0 },
    { 0 }
};
const cli_group cli_group_frames = { "Frames options", frames_options };

/* diff reads two inputs and writes only reports: no shot, no progress. */
static const cli_option diff_options[] = {
    { OPT_THRESHOLD, 0,  "threshold", "DB",   "frames whose PSNR is above DB count as the same", 0 },
    { OPT_FPS,       0,  "fps",       "R",    "frame rate of the timecodes (default: the video's, else 24)", 0 },
    { OPT_JSON,      0,  "json",      "FILE", "also write the report as JSON (- for stdout)", 0 },
    { OPT_HTML,      0,  "html",      "DIR",  "also write an HTML report with pictures of the changed frames", 0 },
    { OPT_THREADS,  'j', "threads",   "N",    "worker threads (0: all cores); same result", 0 },
    { OPT_FORCE,    'f', "force",     NULL,   "replace an existing --json file or --html report", 0 },
    { 0 }
};
const cli_group cli_group_diff = { "Diff options", diff_options };

static const cli_option storyboard_options[] = {
    { OPT_BOARD_OUTPUT, 'o', "output",      "FILE", "a sheet (.png), a page (.html), a document (.pdf) or a reel (.mp4)", 1 },
    { OPT_EVERY,         0,  "every",       "TIME", "a panel every TIME instead of at each change", 0 },
    { OPT_COLUMNS,       0,  "columns",     "N",    "panels per row (default: png and html 4, pdf 3)", 0 },
    { OPT_ROWS,          0,  "rows",        "N",    "pdf: rows of panels per page (default: as many as fit)", 0 },
    { OPT_PANEL_WIDTH,   0,  "panel-width", "PX",   "pixels across a panel, even (default 480)", 0 },
    { OPT_PAPER,         0,  "paper",       "SIZE", "pdf: a4 (default) or letter, landscape", 0 },
    { OPT_SEEDS,         0,  "seeds",       "A-B",  "a row of panels for each seed A to B", 0 },
    { 0 }
};
const cli_group cli_group_storyboard = { "Storyboard options", storyboard_options };

/* A map is one picture of the set, not of the output: no size, fps or
 * progress of the shot's, but the seed (another seed, another set), the
 * threads and --force like every writing command. */
static const cli_option map_options[] = {
    { OPT_MAP_OUTPUT, 'o', "output", "FILE", "write the map to FILE as PNG", 1 },
    { OPT_MAP_AT,      0,  "at",     "TIME", "the set and its objects at TIME (default 0)", 0 },
    { OPT_RADIUS,      0,  "radius", "M",    "metres from the centre to each edge (default: fit the path)", 0 },
    { OPT_MAP_SIZE,    0,  "size",   "PX",   "pixels per side of the square map (default 1024)", 0 },
    { OPT_SEED,       's', "seed",   "N",    "override the seed (0 to 2^64-1)", 0 },
    { OPT_THREADS,    'j', "threads", "N",   "worker threads (0: all cores); same output", 0 },
    { OPT_FORCE,      'f', "force",  NULL,   "overwrite an existing output", 0 },
    { 0 }
};
const cli_group cli_group_map = { "Map options", map_options };

static const cli_option camera_out_options[] = {
    { OPT_CAMERA_OUT, 0, "camera-out", "FILE", "also write the camera per frame: .json, .glb, .gltf, .usda or .chan", 0 },
    { 0 }
};
const cli_group cli_group_camera_out = { "Camera export", camera_out_options };

static const cli_option editorial_options[] = {
    { OPT_OTIO,   0, "otio",   "FILE", "also write the edit as OpenTimelineIO, beats as markers", 0 },
    { OPT_EDL,    0, "edl",    "FILE", "also write the edit as a CMX 3600 EDL, beats as locators", 0 },
    { OPT_FCPXML, 0, "fcpxml", "FILE", "also write the edit as FCPXML 1.9, beats as markers", 0 },
    { 0 }
};
const cli_group cli_group_editorial = { "Editorial export", editorial_options };

static const cli_option shot_list_options[] = {
    { OPT_SHOT_LIST, 0, "shot-list", "FILE", "also write a shot list: .csv or .md", 0 },
    { OPT_FORCE,   'f', "force",     NULL,   "overwrite an existing shot list", 0 },
    { 0 }
};
const cli_group cli_group_shot_list = { "Shot list", shot_list_options };

static const cli_option camera_options[] = {
    { OPT_CAMERA_OUTPUT, 'o', "output", "FILE", "the camera per frame: .json, .glb, .gltf, .usda or .chan", 1 },
    { OPT_FORCE,         'f', "force",  NULL,   "overwrite an existing output", 0 },
    { 0 }
};
const cli_group cli_group_camera = { "Camera options", camera_options };

/* The world's geometry at one time: like a map, no size, fps or
 * progress of the shot's. */
static const cli_option export_options[] = {
    { OPT_EXPORT_OUTPUT, 'o', "output",  "FILE", "the world as .glb or .gltf (meshes), .ply (coloured points) or .obj (+ .mtl)", 1 },
    { OPT_EXPORT_AT,      0,  "at",      "TIME", "the world and the camera at TIME", 1 },
    { OPT_EXPORT_RADIUS,  0,  "radius",  "M",    "metres around the camera (10 to 20000, default 300)", 0 },
    { OPT_SEED,          's', "seed",    "N",    "override the seed (0 to 2^64-1)", 0 },
    { OPT_FORCE,         'f', "force",   NULL,   "overwrite an existing output", 0 },
    { 0 }
};
const cli_group cli_group_export = { "Export options", export_options };

/* A farm job: the shot overrides and messages come from their groups. */
static const cli_option plan_options[] = {
    { OPT_PLAN_OUTPUT,  'o', "output",       "DIR", "the job's folder: the farm's files, the chunks and the videos", 1 },
    { OPT_ENGINE,        0,  "engine",       "E",   "slurm, parallel, k8s, openjd or make", 1 },
    { OPT_CHUNKS,        0,  "chunks",       "N",   "cut each shot into N chunks", 0 },
    { OPT_CHUNK_FRAMES,  0,  "chunk-frames", "F",   "cut each shot into chunks of at most F frames", 0 },
    { OPT_FORCE,        'f', "force",        NULL,  "write the plan into a folder that is not empty", 0 },
    { 0 }
};
const cli_group cli_group_plan = { "Plan options", plan_options };

/* How a chunk keeps its frames: render --chunk, and plan for its renders. */
static const cli_option chunk_options[] = {
    { OPT_CHUNK_FORMAT,  0,  "chunk-format", "F",   "a chunk's frames: ffv1 (in its Matroska file, the default) or png (a file each)", 0 },
    { 0 }
};
const cli_group cli_group_chunk = { "Chunk options", chunk_options };

/* What render and assemble both write beside the video. */
static const cli_option media_out_options[] = {
    { OPT_FRAME_HASHES,  0,  "frame-hashes", "FILE", "write per-frame hashes (framemd5 format)", 0 },
    { OPT_NO_AUDIO,      0,  "no-audio",     NULL,   "video only", 0 },
    { OPT_AUDIO_OUT,     0,  "audio-out",    "FILE", "also write the audio as WAV (48 kHz stereo)", 0 },
    { OPT_STEMS,         0,  "stems",        "DIR",  "also write DIR/music.wav, DIR/ambience.wav and DIR/effects.wav", 0 },
    { 0 }
};
const cli_group cli_group_media_out = { "Sound and hashes", media_out_options };

static const cli_option assemble_options[] = {
    { OPT_OUTPUT,       'o', "output",       "FILE", "video: .mp4, .mov, .mkv, or - for stdout", 1 },
    { OPT_FORCE,        'f', "force",        NULL,   "overwrite an existing output", 0 },
    { OPT_PROGRESS,      0,  "progress",     "MODE", "auto (bar on a terminal), bar, json or none", 0 },
    { 0 }
};
const cli_group cli_group_assemble = { "Assemble options", assemble_options };

/* A live session: its output is optional (standard output), its size
 * and frame rate are chosen unless given, and it is a draft unless
 * --final; -s, -j and -f as everywhere. */
static const cli_option wander_options[] = {
    { OPT_WANDER_OUTPUT, 'o', "output",   "FILE", "record the video to FILE (.mp4, .mov, .mkv) instead of streaming to stdout", 0 },
    { OPT_RECORD,         0,  "record",   "FILE", "write the session as a shot script that renders it again", 0 },
    { OPT_SIZE,           0,  "size",     "WxH",  "the size (default: the largest drawn in real time, 480p at most)", 0 },
    { OPT_FPS,            0,  "fps",      "R",    "the frame rate (default: the script's, or 15 or 12 to keep up)", 0 },
    { OPT_DRAFT,          0,  "draft",    NULL,   "draft quality (the default)", 0 },
    { OPT_FINAL,          0,  "final",    NULL,   "the script's own quality instead of draft", 0 },
    { OPT_DURATION,       0,  "duration", "TIME", "end the session after TIME (default: at q or Ctrl-C)", 0 },
    { OPT_SEED,          's', "seed",     "N",    "override the seed (0 to 2^64-1)", 0 },
    { OPT_THREADS,       'j', "threads",  "N",    "worker threads (0: all cores); same frames", 0 },
    { OPT_FORCE,         'f', "force",    NULL,   "overwrite existing outputs", 0 },
    { 0 }
};
const cli_group cli_group_wander = { "Wander options", wander_options };

static const cli_option concepts_options[] = {
    { OPT_PROMPT, 'p', "prompt", "TEXT", "show how TEXT is understood, word by word", 0 },
    { 0 }
};
const cli_group cli_group_concepts = { "Concepts options", concepts_options };

static const char *const progress_names[] = { "auto", "bar", "json", "none" };

void cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    char msg[512], hint[128];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    snprintf(hint, sizeof(hint), "see 'oyster %s --help'", cmd->name);
    cli_error(cmd->name, hint, "%s", msg);
}

/* A plain decimal number with an optional fraction: no sign, no exponent. */
static int parse_metres(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v;

    if (*s < '0' || *s > '9')
        return -1;
    for (const char *q = s; *q; q++)
        if ((*q < '0' || *q > '9') && *q != '.')
            return -1;
    v = strtod(s, &end);
    if (*end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

/* A plain decimal number: no sign, no spaces, no trailing text. */
static int parse_count(const char *s, int64_t max, int64_t *out)
{
    int64_t v = 0;

    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (max - (*s - '0')) / 10)
            return -1;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return 0;
}

static int parse_frames(const char *s, int64_t *first, int64_t *last)
{
    char a[32];
    const char *dash = strchr(s, '-');
    size_t n;

    if (!dash)
        return -1;
    n = (size_t)(dash - s);
    if (n >= sizeof(a))
        return -1;
    memcpy(a, s, n);
    a[n] = 0;
    if (parse_count(a, INT64_MAX, first) < 0 ||
        parse_count(dash + 1, INT64_MAX, last) < 0 || *first > *last)
        return -1;
    return 0;
}

/* render --chunk I/N: 1 <= I <= N */
static int parse_chunk(const char *s, int64_t *i, int64_t *n)
{
    char a[32];
    const char *slash = strchr(s, '/');

    if (!slash || (size_t)(slash - s) >= sizeof a)
        return -1;
    memcpy(a, s, (size_t)(slash - s));
    a[slash - s] = 0;
    if (parse_count(a, INT32_MAX, i) < 0 || parse_count(slash + 1, INT32_MAX, n) < 0 ||
        *i < 1 || *i > *n)
        return -1;
    return 0;
}

/* storyboard --seeds A-B: seeds 0 to 2^64-1, A <= B, at most 64 of them */
static int parse_seeds(const char *s, uint64_t *first, uint64_t *last)
{
    uint64_t v[2] = { 0, 0 };
    int k = 0, digits = 0;

    for (const char *q = s;; q++) {
        if (*q >= '0' && *q <= '9') {
            if (v[k] > (UINT64_MAX - (uint64_t)(*q - '0')) / 10)
                return -1;
            v[k] = v[k] * 10 + (uint64_t)(*q - '0');
            digits++;
        } else if (*q == '-' && k == 0 && digits) {
            k = 1;
            digits = 0;
        } else if (!*q && k == 1 && digits) {
            break;
        } else {
            return -1;
        }
    }
    if (v[0] > v[1] || v[1] - v[0] >= 64)
        return -1;
    *first = v[0];
    *last = v[1];
    return 0;
}

static int bad_value(const cli_command *cmd, const cli_option *o, const char *v,
                     const char *hint)
{
    cli_error(cmd->name, hint, "invalid value '%s' for '--%s'", v, o->name);
    return OYSTER_E_INPUT;
}

static int set_option(const cli_command *cmd, cli_args *a, const cli_option *o,
                      const char *v)
{
    int64_t n;
    int i;

    switch (o->id) {
    case OPT_SEED:         a->ov.seed = v; break;
    case OPT_SIZE:         a->ov.size = v; break;
    case OPT_FPS:          a->ov.fps = v; break;
    case OPT_DURATION:     a->ov.duration = v; break;
    case OPT_DRAFT:        a->ov.draft = 1; break;
    case OPT_FORCE:        a->force = 1; break;
    case OPT_QUIET:        a->quiet = 1; break;
    case OPT_VERBOSE:      a->verbose++; break;
    case OPT_OUTPUT:
    case OPT_FRAMES_OUTPUT:
    case OPT_MAP_OUTPUT:
    case OPT_STILL_OUTPUT:
    case OPT_CAMERA_OUTPUT:
    case OPT_EXPORT_OUTPUT:
    case OPT_PLAN_OUTPUT:
    case OPT_WANDER_OUTPUT: a->out = v; break;
    case OPT_RECORD:       a->record = v; break;
    case OPT_FINAL:        a->final = 1; break;
    case OPT_ENGINE:
        if ((a->engine = oyster_farm_find(v)) < 0)
            return bad_value(cmd, o, v, "expected slurm, parallel, k8s, openjd or make");
        break;
    case OPT_CHUNKS:
    case OPT_CHUNK_FRAMES:
        if (parse_count(v, INT32_MAX, &n) < 0 || n < 1)
            return bad_value(cmd, o, v, o->id == OPT_CHUNKS ? "expected a number of chunks, 1 or more"
                                                            : "expected a number of frames, 1 or more");
        *(o->id == OPT_CHUNKS ? &a->chunks : &a->chunk_frames) = n;
        break;
    case OPT_CHUNK:
        if (parse_chunk(v, &a->chunk, &a->chunks) < 0)
            return bad_value(cmd, o, v, "expected I/N with 1 <= I <= N, e.g. 3/8");
        break;
    case OPT_CHUNK_FORMAT:
        if (strcmp(v, "ffv1") && strcmp(v, "png"))
            return bad_value(cmd, o, v, "expected ffv1 or png");
        a->chunk_format = strcmp(v, "png") ? CLI_CHUNK_FFV1 : CLI_CHUNK_PNG;
        break;
    case OPT_CAMERA_OUT:   a->camera_out = v; break;
    case OPT_OTIO:         a->otio = v; break;
    case OPT_EDL:          a->edl = v; break;
    case OPT_FCPXML:       a->fcpxml = v; break;
    case OPT_SHOT_LIST:    a->shot_list = v; break;
    case OPT_EXPORT_AT:    a->at = v; break;
    case OPT_EXPORT_RADIUS:
        if (parse_metres(v, OYSTER_EXPORT_RADIUS_MIN, OYSTER_EXPORT_RADIUS_MAX, &a->radius) < 0)
            return bad_value(cmd, o, v, "expected metres from 10 to 20000, e.g. 300");
        break;
    case OPT_FRAME_HASHES: a->frame_hashes = v; break;
    case OPT_NO_AUDIO:     a->no_audio = 1; break;
    case OPT_AUDIO_OUT:    a->audio_out = v; break;
    case OPT_STEMS:        a->stems = v; break;
    case OPT_STATE_OUT:    a->state_out = v; break;
    case OPT_STATE_AT:     a->state_at = v; break;
    case OPT_STATE_IN:     a->state_in = v; break;
    case OPT_AT:
    case OPT_MAP_AT:       a->at = v; break;
    case OPT_RADIUS:
        if (parse_metres(v, OYSTER_MAP_RADIUS_MIN, OYSTER_MAP_RADIUS_MAX, &a->radius) < 0)
            return bad_value(cmd, o, v, "expected metres from 20 to 50000, e.g. 800");
        break;
    case OPT_MAP_SIZE:
        if (parse_count(v, OYSTER_MAP_SIZE_MAX, &n) < 0 || n < OYSTER_MAP_SIZE_MIN)
            return bad_value(cmd, o, v, "expected pixels from 64 to 4096, e.g. 2048");
        a->map_size = (int)n;
        break;
    case OPT_PROMPT:       a->prompt = v; break;
    case OPT_JSON:         a->json = v; break;
    case OPT_HTML:         a->html = v; break;
    case OPT_THRESHOLD:
        if (parse_metres(v, 0.0, 1000.0, &a->threshold) < 0)
            return bad_value(cmd, o, v, "expected decibels from 0 to 1000, e.g. 40");
        a->threshold_set = 1;
        break;
    case OPT_BOARD_OUTPUT: a->out = v; break;
    case OPT_EVERY:        a->every = v; break;
    case OPT_COLUMNS:
    case OPT_ROWS:
        if (parse_count(v, 1000, &n) < 0 || n < 1)
            return bad_value(cmd, o, v, "expected a number of panels from 1 to 1000");
        *(o->id == OPT_COLUMNS ? &a->columns : &a->rows) = (int)n;
        break;
    case OPT_PANEL_WIDTH:
        if (parse_count(v, OYSTER_PANEL_WIDTH_MAX, &n) < 0 || n < OYSTER_PANEL_WIDTH_MIN || n % 2)
            return bad_value(cmd, o, v, "expected an even number of pixels from 64 to 3840, e.g. 320");
        a->panel_width = (int)n;
        break;
    case OPT_PAPER:
        if (strcmp(v, "a4") && strcmp(v, "A4") && strcmp(v, "letter"))
            return bad_value(cmd, o, v, "expected a4 or letter");
        a->paper = strcmp(v, "letter") ? OYSTER_PAPER_A4 : OYSTER_PAPER_LETTER;
        break;
    case OPT_SEEDS:
        if (parse_seeds(v, &a->seed_first, &a->seed_last) < 0)
            return bad_value(cmd, o, v, "expected A-B with A <= B and at most 64 seeds, e.g. 1-8");
        a->seeds = v;
        break;
    case OPT_START_NUMBER:
        if (parse_count(v, 999999999, &n) < 0)
            return bad_value(cmd, o, v, "expected a file number from 0 to 999999999");
        a->start_number = n;
        break;
    case OPT_THREADS:
        if (parse_count(v, 1024, &n) < 0)
            return bad_value(cmd, o, v, "expected a number of threads from 0 (all cores) to 1024");
        a->threads = (int)n;
        break;
    case OPT_FRAMES:
        if (parse_frames(v, &a->first, &a->last) < 0)
            return bad_value(cmd, o, v, "expected A-B with 0 <= A <= B, e.g. 0-47");
        a->frames = v;
        break;
    case OPT_PROGRESS:
        for (i = 0; i < 4; i++)
            if (!strcmp(v, progress_names[i]))
                break;
        if (i == 4)
            return bad_value(cmd, o, v, "expected auto, bar, json or none");
        a->progress = i;
        break;
    default:
        return OYSTER_E_INTERNAL;
    }
    return 0;
}

/* The options of cmd: its groups, then -h/--help. */
static int collect(const cli_command *cmd, const cli_option **out)
{
    int n = 0;

    for (const cli_group *const *g = cmd->groups; *g; g++)
        for (const cli_option *o = (*g)->options; o->id && n < MAX_OPTIONS - 1; o++)
            out[n++] = o;
    out[n++] = help_options;
    return n;
}

/* getopt_long only returns short names from the table, so one is found */
static int find_short(const cli_option *const *opts, int n, int c)
{
    int i = 0;

    while (i < n - 1 && opts[i]->short_name != c)
        i++;
    return i;
}

/* An unknown long option: ambiguous abbreviation, typo or unknown. */
static void unknown_long(const cli_command *cmd, const cli_option *const *opts,
                         int n, const char *arg)
{
    const char *names[MAX_OPTIONS], *near;
    char word[64], hint[160];
    size_t len = strcspn(arg + 2, "=");
    int matches = 0;

    snprintf(word, sizeof(word), "%.*s", (int)len, arg + 2);
    for (int i = 0; i < n; i++) {
        names[i] = opts[i]->name;
        if (len && !strncmp(opts[i]->name, word, len))
            matches++;
    }
    if (matches > 1) {
        cli_usage_error(cmd, "ambiguous option '--%s'", word);
        return;
    }
    near = cli_nearest(word, names, n);
    if (near) {
        snprintf(hint, sizeof(hint), "did you mean '--%s'?", near);
        cli_error(cmd->name, hint, "unknown option '--%s'", word);
    } else {
        cli_usage_error(cmd, "unknown option '--%s'", word);
    }
}

int cli_options_parse(const cli_command *cmd, int argc, char **argv, cli_args *a)
{
    const cli_option *opts[MAX_OPTIONS], *o;
    struct option longopts[MAX_OPTIONS + 1];
    char shorts[2 * MAX_OPTIONS + 2];
    unsigned char seen[MAX_OPTIONS] = { 0 };
    int n = collect(cmd, opts), ns = 0, c, i, ret;

    /* leading ':' makes a missing value distinguishable from an unknown option */
    shorts[ns++] = ':';
    for (i = 0; i < n; i++) {
        longopts[i] = (struct option){ opts[i]->name,
                                       opts[i]->arg ? required_argument : no_argument,
                                       NULL, 256 + i };
        if (opts[i]->short_name) {
            shorts[ns++] = opts[i]->short_name;
            if (opts[i]->arg)
                shorts[ns++] = ':';
        }
    }
    longopts[n] = (struct option){ 0 };
    shorts[ns] = 0;

    memset(a, 0, sizeof(*a));
    a->last = -1;
    a->start_number = -1;
    a->engine = -1;
    opterr = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, shorts, longopts, NULL)) != -1) {
        if (c == '?' || c == ':') {
            o = optopt >= 256 ? opts[optopt - 256] : NULL;
            if (c == ':' && o)
                cli_usage_error(cmd, "option '--%s' needs a value (%s)", o->name, o->arg);
            else if (o)
                cli_usage_error(cmd, "option '--%s' takes no value", o->name);
            else if (c == ':')
                cli_usage_error(cmd, "option '-%c' needs a value (%s)", optopt,
                                opts[find_short(opts, n, optopt)]->arg);
            else if (optopt)
                cli_usage_error(cmd, "unknown option '-%c'", optopt);
            else
                unknown_long(cmd, opts, n, argv[optind - 1]);
            return OYSTER_E_INPUT;
        }
        i = c >= 256 ? c - 256 : find_short(opts, n, c);
        o = opts[i];
        seen[i] = 1;
        if (o->id == OPT_HELP) {
            cli_options_help(cmd, stdout);
            return CLI_PARSE_HELP;
        }
        if ((ret = set_option(cmd, a, o, optarg)) < 0)
            return ret;
    }
    for (i = 0; i < n; i++) {
        if (opts[i]->required && !seen[i]) {
            if (opts[i]->short_name)
                cli_usage_error(cmd, "missing option '-%c %s'", opts[i]->short_name, opts[i]->arg);
            else
                cli_usage_error(cmd, "missing option '--%s %s'", opts[i]->name, opts[i]->arg);
            return OYSTER_E_INPUT;
        }
    }
    a->pos = argv + optind;
    a->npos = argc - optind;
    return CLI_PARSE_OK;
}

static void print_option(const cli_option *o, FILE *f)
{
    char left[64];
    int len;

    if (o->short_name)
        len = snprintf(left, sizeof(left), "  -%c, --%s%s%s", o->short_name,
                       o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    else
        len = snprintf(left, sizeof(left), "      --%s%s%s",
                       o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    if (len <= HELP_COLUMN - 2)
        fprintf(f, "%-*s%s%s\n", HELP_COLUMN, left, o->help, o->required ? " (required)" : "");
    else
        fprintf(f, "%s\n%*s%s%s\n", left, HELP_COLUMN, "", o->help, o->required ? " (required)" : "");
}

void cli_options_print_group(const cli_group *g, FILE *f)
{
    fprintf(f, "\n%s:\n", g->title);
    for (const cli_option *o = g->options; o->id; o++)
        print_option(o, f);
}

void cli_options_help(const cli_command *cmd, FILE *f)
{
    fprintf(f, "usage: oyster %s %s\n\n%s\n", cmd->name, cmd->synopsis, cmd->summary);
    for (const cli_group *const *g = cmd->groups; *g; g++)
        cli_options_print_group(*g, f);
    fprintf(f, "\n");
    print_option(help_options, f);
}

static void list_group(const char *cmd, const cli_group *g, FILE *f)
{
    for (const cli_option *o = g->options; o->id; o++) {
        char s[3] = { '-', o->short_name, 0 };
        fprintf(f, "%s %s --%s %s\n", cmd, o->short_name ? s : "-", o->name,
                o->arg ? o->arg : "-");
    }
}

void cli_options_list(FILE *f)
{
    list_group("oyster", &cli_group_global, f);
    for (const cli_command *cmd = cli_commands; cmd->name; cmd++) {
        for (const cli_group *const *g = cmd->groups; *g; g++)
            list_group(cmd->name, *g, f);
        list_group(cmd->name, &cli_group_help, f);
    }
}
