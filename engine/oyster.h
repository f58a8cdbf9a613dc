/*
 * oyster.h - the one public header of the oyster engine.
 *
 * The command-line tool (cli/) includes only this file. Every type here is
 * opaque or plain data; no third-party type appears. Functions return 0 or a
 * positive count on success and a negative OYSTER_E* code (or a negated errno
 * value) on failure; out parameters are set only on success.
 */
#ifndef OYSTER_H
#define OYSTER_H

#include <stddef.h>
#include <stdint.h>

#define OYSTER_VERSION "0.1.0"

/* Error codes. Negated errno values are used as well (e.g. -ENOSPC). */
#define OYSTER_E_INPUT       (-10001) /* invalid input: script, option, input file */
#define OYSTER_E_UNSUPPORTED (-10002) /* a feature this build does not offer yet */
#define OYSTER_E_ENCODER     (-10003) /* encoder or muxer failure */
#define OYSTER_E_INTERRUPTED (-10004) /* cancelled; a partial output was kept */
#define OYSTER_E_EXISTS      (-10005) /* output exists and force was not given */
#define OYSTER_E_NOMEM       (-10006)
#define OYSTER_E_INTERNAL    (-10007)

/* Text for an error code, errno values included. */
const char *oyster_strerror(int err);

/* Whether err means "the user's input is wrong" (exit 2) rather than a
 * failure while working (exit 3). */
int oyster_error_is_input(int err);

/* Edit distance between two words (case-insensitive), capped at max + 1:
 * for "did you mean" hints. */
int oyster_edit_distance(const char *a, const char *b, int max);

/* ---- vector instructions ------------------------------------------------ */

/* The environment's OYSTER_CPU (oyster(1) ENVIRONMENT): 0 when unset or
 * a level this CPU runs, else OYSTER_E_INPUT with the reason in msg. */
int oyster_cpu_check(char *msg, size_t n);
/* The level the pixel kernels use, and the widest this CPU runs: "sse2",
 * "avx2" or "avx512". Every level renders the same bytes. */
const char *oyster_cpu_in_use(void);
const char *oyster_cpu_best(void);

/* ---- diagnostics ---------------------------------------------------------- */

enum oyster_level { OYSTER_ERROR, OYSTER_WARNING, OYSTER_INFO, OYSTER_DEBUG };

/* One message. file is NULL for messages not about a file; line/col are
 * 1-based, 0 when unknown; hint may be NULL. */
typedef struct oyster_diag {
    int level;
    const char *file;
    int line, col;
    const char *msg;
    const char *hint;
} oyster_diag;

typedef void (*oyster_log_fn)(void *opaque, const oyster_diag *d);

/* ---- shots ---------------------------------------------------------------- */

typedef struct oyster_shot oyster_shot;

/* Command-line overrides of the script; NULL fields are not overridden.
 * Values are parsed with the script's own rules (oyster(1), oyster-shot(5) TIME VALUES). */
typedef struct oyster_overrides {
    const char *seed;
    const char *size;
    const char *fps;
    const char *duration;
    int draft;
} oyster_overrides;

/* Load and validate a shot script. All problems (up to 20) are reported
 * through log before OYSTER_E_INPUT is returned. log may be NULL. */
int oyster_shot_open(oyster_shot **out, const char *path,
                     const oyster_overrides *ov,
                     oyster_log_fn log, void *opaque);
void oyster_shot_free(oyster_shot **shot);

typedef struct oyster_info {
    const char *path;         /* the script's, as given */
    const char *title;
    uint64_t seed;
    int mode;                 /* 0 direct, 1 wander */
    int width, height;
    int fps_num, fps_den;
    double duration;          /* seconds */
    int64_t frames;           /* frames on the timeline */
    int64_t samples;          /* audio samples on the timeline (48 kHz) */
    int sample_rate;
    int audio;                /* output.audio */
    int draft;
} oyster_info;

void oyster_shot_get_info(const oyster_shot *shot, oyster_info *info);

/* The timeline, for `oyster check`: one call of fn per line of text, in
 * order (settings, camera keys, directives by frame with what they change). */
typedef void (*oyster_line_fn)(void *opaque, const char *line);
void oyster_shot_describe(const oyster_shot *shot, oyster_line_fn fn, void *opaque);

/* Parse a TIME value (oyster-shot(5) TIME VALUES) at the shot's fps; seconds in *out. */
int oyster_shot_parse_time(const oyster_shot *shot, const char *text, double *out);

/* Frame index at which a time takes effect: ceil(t * fps). */
int64_t oyster_shot_frame_at(const oyster_shot *shot, double t);

/* ---- rendering ------------------------------------------------------------ */

typedef struct oyster_progress {
    int64_t frame;            /* frames done */
    int64_t total;
    double fps;               /* frames per second so far */
    double eta_s;
} oyster_progress;

typedef struct oyster_render_opts {
    const char *out;          /* .mp4 .mov .mkv, or "-" for Matroska on stdout */
    int force;
    int threads;              /* 0: all cores; never changes the output */
    int no_audio;
    int64_t first, last;      /* frame range, inclusive; last < 0: to the end */
    const char *frame_hashes; /* framemd5 file, or NULL */
    const char *audio_out;    /* WAV, or NULL */
    const char *stems_dir;    /* music.wav, ambience.wav, effects.wav, or NULL */
    const char *state_out;    /* state file, or NULL */
    double state_at;          /* seconds; < 0: the end */
    const char *state_in;     /* resume from this state, or NULL */
    const char *camera_out;   /* the camera file (oyster_camera_export), or NULL */
    const char *edit_out[3];  /* by OYSTER_EDIT_*: the clip cut from out as a
                                 timeline file (oyster_edit_export), or NULL */
    int64_t chunk, chunks;    /* chunks > 0: chunk `chunk` (1 to chunks) of the
                                 shot into the folder out (see below) */
    int chunk_range;          /* the frames first..last as a chunk into the
                                 folder out, named by its range */
    int chunk_png;            /* with chunks or chunk_range: the frames as PNG files */
    /* called after each frame is handed to the encoder */
    void (*progress)(void *opaque, const oyster_progress *p);
    void *opaque;
    /* polled between frames; nonzero finalizes a partial output and
     * returns OYSTER_E_INTERRUPTED */
    volatile const int *cancel;
} oyster_render_opts;

/* Render to video (and side outputs).
 *
 * With o->chunks > 0 (`render --chunk I/N`, a farm's task; man oyster(1),
 * CHUNKS), the frames oyster_chunk_range gives go into the folder out,
 * made when missing, as a lossless chunk file (FFV1 and float PCM in
 * Matroska, "chunk-I-of-N.mkv"; with chunk_png the frames as PNG files in
 * "chunk-I-of-N/" and the PCM alone in the file) and then its manifest
 * (oyster_chunk_manifest); no side outputs, no --frames. With
 * o->chunk_range the frames first..last are such a chunk, named
 * "frames-AAAAAA-BBBBBB" (the frames zero-padded to 6 digits); assemble
 * takes a folder of them when they cover the shot once. A chunk whose
 * manifest and file check out for this shot and build is not rendered
 * again (unless force) and 1 is returned; one that does not is replaced.
 * On cancel nothing of the chunk is kept. The shot's master gain is read
 * from, or measured once into, out/shot-audio.json.
 * Every output is checked before the
 * first frame (an existing file without force, two outputs that are one
 * file, a missing folder, the free space), written to a temporary beside
 * it, and all are renamed into place together once all are complete; a
 * failure leaves none. Standard output ("-"), devices and FIFOs are
 * written through; symbolic links are followed. On cancel the video so
 * far is finalized as NAME.partial.EXT, or NAME.partial-2.EXT... when
 * that is taken (reported through the log). */
int oyster_render(oyster_shot *shot, const oyster_render_opts *opts);

/* The mean seconds one picture of shot takes at its size and quality:
 * frames pictures at 0, 1/fps, 2/fps... after one more that is not timed
 * (caches warm up), neither encoded nor kept. For choosing a size the
 * machine draws in real time (`oyster wander`). */
int oyster_frame_time(oyster_shot *shot, int threads, int frames, double *seconds);

/* One frame as PNG. cancel (may be NULL) is asked before the frame is
 * drawn and after: set, nothing is written and the result is
 * OYSTER_E_INTERRUPTED. */
int oyster_still(oyster_shot *shot, double t, const char *png_path,
                 int threads, int force, volatile const int *cancel);

/* `oyster frames`: frames first..last (last < 0: to the end) as PNG files
 * named by pattern, which holds one printf integer conversion (%d, %05d)
 * or one run of '#' (as many digits); the first file is numbered
 * start_number (< 0: its frame's number), the next one more. Every file is
 * written to a temporary beside its name and all are renamed into place
 * at the end, so a failure or a cancel leaves no new file. */
typedef struct oyster_frames_opts {
    const char *pattern;
    int64_t first, last, start_number;
    int force, threads;
    void (*progress)(void *opaque, const oyster_progress *p);   /* may be NULL */
    void *opaque;
    volatile const int *cancel;    /* polled between frames; may be NULL */
    const char *camera_out;        /* the camera file, committed with the frames; or NULL */
} oyster_frames_opts;
int oyster_frames(oyster_shot *shot, const oyster_frames_opts *opts);
/* The file name of frame number n under pattern into buf; OYSTER_E_INPUT
 * when pattern does not hold exactly one number placeholder. */
int oyster_frame_name(const char *pattern, int64_t n, char *buf, size_t size);

/* ---- wander, live --------------------------------------------------------- */

/* The keys of wander mode (oyster-shot(5) WANDER), as bits. */
enum { OYSTER_KEY_W = 1 << 0, OYSTER_KEY_A = 1 << 1, OYSTER_KEY_S = 1 << 2,
       OYSTER_KEY_D = 1 << 3, OYSTER_KEY_LEFT = 1 << 4, OYSTER_KEY_RIGHT = 1 << 5,
       OYSTER_KEY_UP = 1 << 6, OYSTER_KEY_DOWN = 1 << 7, OYSTER_KEY_SHIFT = 1 << 8,
       OYSTER_KEY_SPACE = 1 << 9 };

#define OYSTER_WANDER_HOLD 0.55       /* seconds a key read counts as held */
#define OYSTER_WANDER_MAX  86400.0    /* seconds: the longest session */
#define OYSTER_WANDER_GAIN_SPAN 10.0  /* seconds of the script the sound's level is measured on */

typedef struct oyster_wander_opts {
    /* the video and what goes beside it: out ("-": Matroska on standard
     * output, streamed as it is made), force, threads, no_audio,
     * frame_hashes, audio_out, stems_dir, progress and opaque; the rest is
     * not used */
    oyster_render_opts render;
    const char *record;       /* the session as a shot script, or NULL */
    double limit;             /* seconds: the session ends there at the
                                 latest; 0: OYSTER_WANDER_MAX */
    /* Called before frame n (from 0) is drawn: put the keys read since the
     * last call into keys, each a set of OYSTER_KEY_* bits (SPACE alone is
     * a jump), at most max of them, and return how many; or return -1 to
     * end the session after the frames so far (at least one). */
    int (*read_keys)(void *opaque, int64_t n, unsigned *keys, int max);
    void *opaque;
} oyster_wander_opts;

/* `oyster wander`: a `mode: wander` shot rendered while its keys arrive.
 * The script's own keys play; each key read before frame n counts from
 * frame n's time and is held for OYSTER_WANDER_HOLD seconds after its
 * last read; keys of one set held in overlapping or touching spans merge
 * into one hold. The shot's timeline becomes the session: it runs until
 * read_keys ends it or o->limit, and every output is then complete and
 * committed together as oyster_render's are. The picture is a pure
 * function of the keys: the script written to o->record (the script's
 * text with its wander.keys the keys of the session, times to 17
 * significant digits, output.duration its length, its seed and title
 * written out, world.image and world.vocabulary made absolute) renders
 * the same frames at the session's size, frame rate and quality. The
 * sound's master gain is measured on the script's first
 * OYSTER_WANDER_GAIN_SPAN seconds with its own keys, so the recording's
 * render (measured whole) may sound louder or softer. OYSTER_E_INPUT for a
 * script that is not in wander mode. Returns the frames rendered. */
int oyster_wander(oyster_shot *shot, const oyster_wander_opts *o);

/* ---- map ------------------------------------------------------------------ */

#define OYSTER_MAP_SIZE      1024     /* pixels per side by default */
#define OYSTER_MAP_SIZE_MIN  64
#define OYSTER_MAP_SIZE_MAX  4096
#define OYSTER_MAP_RADIUS_MIN 20.0    /* metres */
#define OYSTER_MAP_RADIUS_MAX 50000.0

typedef struct oyster_map_opts {
    const char *out;          /* PNG */
    double t;                 /* seconds: the set and the objects as they are then */
    double radius;            /* metres from the centre to each edge;
                                 0: the camera path and the origin with a margin,
                                 at least 600 */
    int size;                 /* pixels per side (square); 0: OYSTER_MAP_SIZE */
    int threads;              /* 0: all cores; never changes the output */
    int force;
} oyster_map_opts;

/* `oyster map`: the set from above (north, +z, up; +x right), centred on
 * the camera path and the origin: shaded relief, contours, water, forest,
 * the plan's named features, the objects present at t, the camera path
 * with a frustum at each key and cut, a scale bar and a north arrow.
 * Written as PNG to a temporary file beside out and renamed into place. */
int oyster_map(oyster_shot *shot, const oyster_map_opts *opts);

/* ---- diff ----------------------------------------------------------------- */

#define OYSTER_DIFF_HTML_FRAMES 200   /* changed frames pictured per HTML page */

typedef struct oyster_diff_opts {
    const char *a, *b;        /* two videos, two frame-hash files (framemd5), two
                                 folders of frames, or two folders of renders */
    double threshold;         /* dB: a frame whose PSNR is above it counts as
                                 the same; < 0: off (only the same bytes are) */
    const char *fps;          /* frame rate for timecodes, integer or N/D; NULL:
                                 the video's, the hash file's time base, else 24 */
    const char *json;         /* JSON report file ("-": standard output), or NULL */
    const char *html;         /* HTML report folder, or NULL */
    int force;                /* replace an existing JSON file or report folder */
    int threads;              /* 0: all cores; never changes the result */
    oyster_line_fn report;    /* the text report, a line per call; may be NULL */
    void *opaque;
    oyster_log_fn log;        /* problems, naming the file; may be NULL */
    void *log_opaque;
    volatile const int *cancel;   /* asked between frames and files: set, the
                                     result is OYSTER_E_INTERRUPTED and no
                                     report is written; may be NULL */
} oyster_diff_opts;

/* `oyster diff`: compare A and B frame by frame in rgb24 (PSNR over all
 * channels, SSIM on luma); folders of renders are matched by file name.
 * A missing frame or file, another length, size or frame rate is a
 * difference. Returns 0 when they are the same, 1 when they differ, or a
 * negative error (OYSTER_E_INPUT for an unreadable or unknown input). */
int oyster_diff(const oyster_diff_opts *opts);

/* ---- storyboard ----------------------------------------------------------- */

#define OYSTER_PANEL_WIDTH      480   /* pixels by default */
#define OYSTER_PANEL_WIDTH_MIN  64
#define OYSTER_PANEL_WIDTH_MAX  3840
#define OYSTER_STORYBOARD_MAX_PANELS 2000

enum oyster_storyboard_format { OYSTER_BOARD_PNG, OYSTER_BOARD_HTML, OYSTER_BOARD_PDF,
                                OYSTER_BOARD_MP4 };
enum oyster_paper { OYSTER_PAPER_A4, OYSTER_PAPER_LETTER };

/* The format an output path asks for by its extension (OYSTER_BOARD_*),
 * or -1 when it is none of them. */
int oyster_storyboard_format(const char *path);

typedef struct oyster_storyboard_opts {
    const char *out;          /* .png sheet, .html page, .pdf document, .mp4 reel */
    int force;
    int threads;              /* 0: all cores; never changes the output */
    double every;             /* > 0: panels at 0, every, 2 every ... seconds;
                                 0: at frame 0, each beat, each directive that
                                 changes the picture and each camera cut */
    int columns;              /* panels per row; 0: the format's default */
    int rows;                 /* pdf: rows of panels per page; 0: as many as fit */
    int panel_width;          /* pixels (even); 0: OYSTER_PANEL_WIDTH; the
                                 height follows the shot's aspect */
    int paper;                /* pdf: OYSTER_PAPER_*, always landscape */
    int seed_rows;            /* > 1: shots holds seed_rows runs of the same
                                 shots, each opened with another seed; each
                                 run is a row labelled with its seed */
    const char *edit_out[3];  /* by OYSTER_EDIT_*: the shots as a timeline
                                 file (oyster_edit_export), cut from the reel
                                 when out is one, else from each shot's own
                                 render; committed with the board; or NULL */
    /* called after each panel is rendered; may be NULL */
    void (*progress)(void *opaque, const oyster_progress *p);
    void *opaque;
    volatile const int *cancel;    /* polled between panels; may be NULL */
} oyster_storyboard_opts;

/* `oyster storyboard`: the shots in order as a sequence of panels, each
 * the picture `oyster still` gives at its time at the panel's size,
 * captioned with the shot's title, the panel's number, timecode, beat,
 * directives, lens and camera move; or, as .mp4, a reel of the panels each
 * held until the next over the shots' own sound. Written to a temporary
 * file beside opts->out and renamed into place. */
int oyster_storyboard(oyster_shot *const *shots, int nshots,
                      const oyster_storyboard_opts *opts);

/* ---- exports --------------------------------------------------------------- */

/* `oyster camera`, `render --camera-out`, `frames --camera-out`: the
 * camera and lens on every frame of the shot's timeline, written by the
 * extension of path: .json, .glb, .gltf, .usda or .chan (man oyster(1)
 * "CAMERA FILES"). Written to a temporary beside path and renamed into
 * place; OYSTER_E_INPUT for another extension. */
int oyster_camera_export(oyster_shot *shot, const char *path, int force);
/* Whether path's extension is one oyster_camera_export writes. */
int oyster_camera_format_ok(const char *path);

enum oyster_edit_format { OYSTER_EDIT_OTIO, OYSTER_EDIT_EDL, OYSTER_EDIT_FCPXML };

typedef struct oyster_edit_opts {
    const char *out;          /* the timeline file */
    int format;               /* OYSTER_EDIT_* */
    const char *media;        /* the picture the clips cut from: a render's
                                 output or a storyboard's .mp4 reel, where
                                 the shots follow one another; NULL: each
                                 shot's own render, named after its script
                                 (dusk.yaml -> dusk.mp4) */
    int force;
} oyster_edit_opts;

/* `--otio`, `--edl`, `--fcpxml` of render and storyboard: the shots in
 * order as clips on one video track, each beat a marker, with oyster's
 * seed, lens and prompt in the clip's metadata where the format has it. */
int oyster_edit_export(oyster_shot *const *shots, int nshots, const oyster_edit_opts *o);

/* `oyster check --shot-list FILE`: one row per shot (.csv or .md): shot,
 * title, duration, frames, lens, camera move, beats, objects, time of day,
 * weather, seed. */
int oyster_shot_list(oyster_shot *const *shots, int nshots, const char *path, int force);

#define OYSTER_EXPORT_RADIUS      300.0     /* metres by default */
#define OYSTER_EXPORT_RADIUS_MIN  10.0
#define OYSTER_EXPORT_RADIUS_MAX  20000.0

typedef struct oyster_export_opts {
    const char *out;          /* .glb, .ply (coloured points) or .obj (+ .mtl) */
    double t;                 /* seconds: the world as it is then */
    double radius;            /* metres around the camera; 0: the default */
    int force;
} oyster_export_opts;

/* `oyster export`: the world around the camera at t as geometry in the
 * camera export's coordinates: terrain with the renderer's colours, the
 * water surface, the far forest's canopy, the objects and trees as meshes. */
int oyster_export(oyster_shot *shot, const oyster_export_opts *o);

/* ---- farm plans ----------------------------------------------------------- */

enum oyster_farm { OYSTER_FARM_SLURM, OYSTER_FARM_PARALLEL, OYSTER_FARM_K8S,
                   OYSTER_FARM_OPENJD, OYSTER_FARM_MAKE, OYSTER_FARM_COUNT };

/* The name of farm engine farm ("slurm", "parallel", "k8s", "openjd",
 * "make"), NULL for another number; and the engine a name names, or -1. */
const char *oyster_farm_name(int farm);
int oyster_farm_find(const char *name);

typedef struct oyster_plan_opts {
    const char *dir;          /* the job's folder; created when missing */
    int farm;                 /* OYSTER_FARM_* */
    int64_t chunks;           /* chunks per shot, at most its frames; 0: by chunk_frames */
    int64_t chunk_frames;     /* when chunks is 0: the fewest chunks of at most
                                 this many frames each */
    const char *oyster;       /* absolute path of the binary the commands run */
    const oyster_overrides *ov;   /* passed on to each chunk's render; may be NULL */
    int chunk_png;            /* each chunk's frames as PNG files (--chunk-format png) */
    int force;                /* write into a folder that is not empty */
} oyster_plan_opts;

/* `oyster plan`: a ready job for a farm in o->dir. Each shot renders as
 * chunks (`render SHOT --chunk I/N -o DIR/NAME`, NAME the script's name
 * without its extension) that `assemble DIR/NAME -o DIR/NAME.mp4` joins;
 * the engine's files run them (oyster(1), FARM PLANS). Every file is
 * written to a temporary and renamed into place. OYSTER_E_INPUT for two
 * shots of one name, more chunks than frames or a path the engine's
 * files cannot hold; OYSTER_E_EXISTS for a folder that is not empty
 * without force. Returns the number of chunks of all shots. */
int oyster_plan(oyster_shot *const *shots, int nshots, const oyster_plan_opts *o);

/* The frames of chunk i (1 to n) of n over frames frames:
 * floor((i-1)*frames/n) to floor(i*frames/n) - 1, inclusive. */
void oyster_chunk_range(int64_t frames, int64_t i, int64_t n, int64_t *first, int64_t *last);

/* The shot's master gain measured once into dir/shot-audio.json (dir
 * must exist), where every `render --chunk` into dir reads it instead of
 * measuring the whole shot's loudness itself: for a plan, before its
 * chunks start side by side. The file is kept when it is of this shot
 * and build already. */
int oyster_chunk_audio(oyster_shot *shot, const char *dir);

/* `oyster assemble DIR -o OUT`: the chunks of one shot in dir, checked
 * (all of one shot, seed, version and build, none missing) and encoded
 * once into out and the side outputs as oyster_render would write them
 * for the whole shot: the same bytes. Every frame is checked against its
 * manifest's hash on the way. OYSTER_E_INPUT (said through log) for a
 * missing, foreign or damaged chunk. */
typedef struct oyster_assemble_opts {
    const char *dir;
    const char *out;          /* .mp4 .mov .mkv, or "-" */
    int force, no_audio;
    const char *frame_hashes, *audio_out, *stems_dir;   /* or NULL */
    void (*progress)(void *opaque, const oyster_progress *p);   /* may be NULL */
    void *opaque;
    volatile const int *cancel;    /* may be NULL */
    oyster_log_fn log;
    void *log_opaque;
} oyster_assemble_opts;
int oyster_assemble(const oyster_assemble_opts *o);

/* `oyster status DIR`: each chunk's state, from the names in dir and
 * the manifests (a done chunk's file is checked for its size, not read). */
enum oyster_chunk_state { OYSTER_CHUNK_DONE, OYSTER_CHUNK_RUNNING, OYSTER_CHUNK_FAILED,
                          OYSTER_CHUNK_MISSING };
typedef struct oyster_status {
    int64_t chunks;           /* N */
    int64_t count[4];         /* chunks by OYSTER_CHUNK_* */
    int64_t frames, frames_done;
    double render_s;          /* the done chunks' render time, added up */
    double span_s;            /* first start to last finish of the done chunks */
} oyster_status;
/* fn gets one line per chunk that is not done, saying why; the summary
 * lands in *st. OYSTER_E_INPUT when dir holds no chunk manifest or
 * manifests of more than one shot. */
int oyster_chunk_status(const char *dir, oyster_line_fn fn, void *opaque, oyster_status *st,
                        oyster_log_fn log, void *log_opaque);

/* The file name, in its shot's chunk folder, of chunk i of n's manifest:
 * "chunk-I-of-N.json", I zero-padded to N's digits. `render --chunk`
 * writes it last, so a plan takes it for the chunk being done. Returns
 * its length, or OYSTER_E_INPUT when it does not fit size. */
int oyster_chunk_manifest(int64_t i, int64_t n, char *buf, size_t size);

/* ---- concepts ------------------------------------------------------------- */

/* `oyster concepts`: with no words, every word and phrase with its group;
 * with words, what each changes. Returns the number of unknown words. */
int oyster_concepts(const char *const *words, int nwords,
                    oyster_line_fn fn, void *opaque);

/* `oyster help sounds`: one line per sound effect a `sound:` directive
 * names: its name, what it is, its length, its other names. */
void oyster_sounds(oyster_line_fn fn, void *opaque);

/* `oyster concepts --prompt TEXT`: how the concept language reads text,
 * word by word (concept and modifiers, or ignored with the nearest known
 * word), then the channel changes. Returns the number of ignored words,
 * or a negative error. */
int oyster_explain(const char *text, oyster_line_fn fn, void *opaque);

/* The same for a shot's world prompt, read with the shot's vocabulary;
 * nothing when the shot has no prompt. */
void oyster_shot_explain(const oyster_shot *shot, oyster_line_fn fn, void *opaque);

#endif
