/*
 * options.h - the option tables. Each option is described once, in a
 * group; a command lists the groups it accepts. The same tables drive
 * getopt_long, `oyster CMD --help` and `oyster help --options-list`,
 * which tests/cli/test_options.sh checks against man/oyster.1.
 */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stdint.h>
#include <stdio.h>

#include "cli.h"

enum cli_opt_id {
    OPT_HELP = 1, OPT_VERSION,
    OPT_SEED, OPT_SIZE, OPT_FPS, OPT_DURATION, OPT_DRAFT,
    OPT_THREADS, OPT_FORCE, OPT_PROGRESS,
    OPT_QUIET, OPT_VERBOSE,
    OPT_OUTPUT, OPT_FRAMES, OPT_FRAME_HASHES, OPT_NO_AUDIO, OPT_AUDIO_OUT,
    OPT_STEMS, OPT_STATE_OUT, OPT_STATE_AT, OPT_STATE_IN,
    OPT_AT, OPT_STILL_OUTPUT,
    OPT_MAP_AT, OPT_MAP_OUTPUT, OPT_RADIUS, OPT_MAP_SIZE, OPT_PROMPT,
    OPT_FRAMES_OUTPUT, OPT_START_NUMBER,
    OPT_THRESHOLD, OPT_JSON, OPT_HTML,
    OPT_BOARD_OUTPUT, OPT_EVERY, OPT_COLUMNS, OPT_ROWS, OPT_PANEL_WIDTH, OPT_PAPER,
    OPT_SEEDS,
    OPT_CAMERA_OUT, OPT_OTIO, OPT_EDL, OPT_FCPXML, OPT_SHOT_LIST,
    OPT_CAMERA_OUTPUT, OPT_EXPORT_OUTPUT, OPT_EXPORT_AT, OPT_EXPORT_RADIUS,
    OPT_PLAN_OUTPUT, OPT_ENGINE, OPT_CHUNKS, OPT_CHUNK_FRAMES,
    OPT_CHUNK, OPT_CHUNK_FORMAT,
    OPT_WANDER_OUTPUT, OPT_RECORD, OPT_FINAL,
};

typedef struct cli_option {
    int id;                 /* enum cli_opt_id */
    char short_name;        /* 0: long form only */
    const char *name;       /* long name without the dashes */
    const char *arg;        /* metavariable, NULL for a flag */
    const char *help;
    int required;           /* the command fails without it */
} cli_option;

typedef struct cli_group {
    const char *title;
    const cli_option *options;  /* terminated by id 0 */
} cli_group;

enum cli_progress_mode { CLI_PROGRESS_AUTO, CLI_PROGRESS_BAR,
                         CLI_PROGRESS_JSON, CLI_PROGRESS_NONE };

/* Every value any command's options can set; a command's groups decide
 * which of them it accepts. */
typedef struct cli_args {
    oyster_overrides ov;
    int threads;            /* 0: all cores */
    int force;
    int progress;           /* enum cli_progress_mode */
    int quiet, verbose;
    const char *out;
    const char *frames;     /* as given, for messages */
    int64_t first, last;    /* --frames; last < 0: to the end */
    const char *frame_hashes, *audio_out, *stems, *state_out, *state_in;
    const char *state_at, *at;  /* TIME values, parsed once the shot is open */
    int no_audio;
    double radius;          /* map: metres, 0 to fit; export: 0 for the default */
    int map_size;           /* map: pixels per side, 0 for the default */
    const char *prompt;     /* concepts --prompt */
    int64_t start_number;   /* frames: number of the first file; -1: its frame */
    double threshold;       /* diff: dB, when threshold_set */
    int threshold_set;
    const char *json, *html;  /* diff: report file and folder */
    const char *every;      /* storyboard: TIME between panels, parsed with the shot */
    int columns, rows;      /* storyboard: panels per row, PDF rows per page; 0 default */
    int panel_width;        /* storyboard: pixels, 0 for the default */
    int paper;              /* storyboard: enum oyster_paper */
    const char *seeds;      /* storyboard: --seeds as given */
    uint64_t seed_first, seed_last;
    const char *camera_out; /* render, frames: the camera file */
    const char *otio, *edl, *fcpxml;  /* render, storyboard: timelines */
    const char *shot_list;  /* check: the shot list */
    int engine;             /* plan: OYSTER_FARM_*, -1 when not given */
    int64_t chunks, chunk_frames;   /* plan: 0 when not given; render --chunk I/N: N */
    int64_t chunk;          /* render --chunk I/N: I; 0 when not given */
    int chunk_format;       /* --chunk-format: 0 not given, CLI_CHUNK_FFV1 or CLI_CHUNK_PNG */
    const char *record;     /* wander: the session as a shot script */
    int final;              /* wander: the script's quality, not draft */
    char **pos;             /* positional arguments */
    int npos;
} cli_args;

/* The options before any command (--help, --version), and the group
 * every command has (-h/--help). */
extern const cli_group cli_group_global, cli_group_help;

extern const cli_group cli_group_frames;
extern const cli_group cli_group_diff;
extern const cli_group cli_group_storyboard;
extern const cli_group cli_group_camera_out, cli_group_editorial, cli_group_shot_list;
extern const cli_group cli_group_camera, cli_group_export, cli_group_plan, cli_group_chunk;
extern const cli_group cli_group_assemble, cli_group_media_out, cli_group_wander;
extern const cli_group cli_group_render, cli_group_still, cli_group_map,
                       cli_group_shot, cli_group_run, cli_group_messages,
                       cli_group_concepts;

enum { CLI_PARSE_OK = 0, CLI_PARSE_HELP = 1 };
enum { CLI_CHUNK_FFV1 = 1, CLI_CHUNK_PNG };

/* Parse argv (argv[0] is the command name) against cmd's groups.
 * Returns CLI_PARSE_OK, CLI_PARSE_HELP after printing cmd's help to
 * stdout, or OYSTER_E_INPUT after printing what is wrong. */
int cli_options_parse(const cli_command *cmd, int argc, char **argv, cli_args *a);

/* What the commands that take one SHOT do first: parse argv, require the
 * SHOT, set up log from -q/-v and open the shot with the overrides.
 * Returns CLI_CONTINUE with *shot open, or the exit status to end with
 * (0 after --help). */
enum { CLI_CONTINUE = -1 };
int cli_shot_start(const cli_command *cmd, int argc, char **argv, cli_args *a,
                   cli_log *log, oyster_shot **shot);
/* The same without opening: parse argv, require 1 to max positional
 * arguments (max 0: any number; what names one when it is missing, e.g.
 * "shot script") and set log up from -q/-v. */
int cli_start(const cli_command *cmd, int argc, char **argv, cli_args *a, cli_log *log,
              const char *what, int max);
/* Open every positional argument as a shot, each one's errors said:
 * *shots (free with cli_shots_free) holds the *n that opened. Returns
 * CLI_EXIT_OK when all did, else the exit status of a failure. */
int cli_shots_open(const cli_args *a, cli_log *log, oyster_shot ***shots, int *n);
void cli_shots_free(oyster_shot **shots, int n);
/* The end of a command that wrote path: why not when ret < 0, else "wrote
 * 'path'" with -v; the exit status. */
int cli_wrote(cli_log *log, int ret, const char *path);

/* Parse the TIME value of option --name with the shot's rules; says what
 * is wrong and returns OYSTER_E_INPUT when it is not a time. */
int cli_shot_time(const cli_command *cmd, const oyster_shot *shot,
                  const char *name, const char *text, double *out);

/* The TIME of --at: a time on the shot's timeline, before its end;
 * says what is wrong and returns OYSTER_E_INPUT otherwise. */
int cli_shot_at(const cli_command *cmd, const oyster_shot *shot, const char *text, double *out);

/* A group's title and its options, as in --help. */
void cli_options_print_group(const cli_group *g, FILE *f);

/* Usage line, summary and every option of cmd. */
void cli_options_help(const cli_command *cmd, FILE *f);

/* One line per option per command: `CMD -s --seed N`, `-` standing for
 * a missing short name or metavariable; the options before any command
 * are listed under CMD `oyster`. */
void cli_options_list(FILE *f);

/* `oyster: CMD: MSG` plus a hint pointing at `oyster CMD --help`. */
void cli_usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
