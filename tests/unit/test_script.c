/*
 * test_script.c - the shot-script loader: oyster-shot(5)'s full example loads with
 * the exact values, defaults and overrides apply, and every kind of bad
 * input (schema errors, limits, hostile YAML) is reported with its message
 * and exact line:col, several per run.
 */
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "script/ydoc.h"

typedef struct rec {
    int level, line, col, has_file;
    char msg[512], hint[256];
} rec;

static rec recs[64];
static int nrecs;

static void record(void *opaque, const oyster_diag *d)
{
    rec *r;

    (void)opaque;
    if (nrecs == 64)
        return;
    r = &recs[nrecs++];
    r->level = d->level;
    r->line = d->line;
    r->col = d->col;
    r->has_file = d->file != NULL;
    snprintf(r->msg, sizeof r->msg, "%s", d->msg);
    snprintf(r->hint, sizeof r->hint, "%s", d->hint ? d->hint : "");
}

static oy_log log_rec = { record, NULL, 0, 0 };

static int load(oy_script **s, const char *text, const oyster_overrides *ov)
{
    nrecs = 0;
    log_rec.errors = log_rec.warnings = 0;
    *s = NULL;
    return oy_script_load_mem(s, "shots/test.yaml", text, strlen(text), ov, &log_rec);
}

/* An error at exactly line:col whose message contains msg (and hint). */
static int has_error(int line, int col, const char *msg, const char *hint)
{
    for (int i = 0; i < nrecs; i++)
        if (recs[i].level == OYSTER_ERROR && recs[i].line == line && recs[i].col == col &&
            strstr(recs[i].msg, msg) && (!hint || strstr(recs[i].hint, hint)))
            return 1;
    return 0;
}

static int count_errors(void)
{
    int n = 0;
    for (int i = 0; i < nrecs; i++)
        n += recs[i].level == OYSTER_ERROR;
    return n;
}

static void dump(void)
{
    for (int i = 0; i < nrecs; i++)
        printf("  # %d:%d: %s%s%s\n", recs[i].line, recs[i].col, recs[i].msg,
               recs[i].hint[0] ? " / hint: " : "", recs[i].hint);
}

/* Load text expecting failure and one error at line:col with msg. */
static void expect_error(const char *what, const char *text, int line, int col,
                         const char *msg, const char *hint)
{
    oy_script *s;
    int ret = load(&s, text, NULL);
    int ok = ret == OYSTER_E_INPUT && !s && has_error(line, col, msg, hint);

    CHECK(ok, "%s: error at %d:%d '%s'", what, line, col, msg);
    if (!ok)
        dump();
}

static const char spec_example[] =
    "oyster: 1                     # format version (required)\n"
    "title: Valley at dusk         # default: file name without extension\n"
    "seed: 7                       # default 0\n"
    "mode: direct                  # direct | wander (default direct)\n"
    "\n"
    "output:\n"
    "  size: 720p\n"
    "  fps: 24\n"
    "  duration: 20s               # required\n"
    "  quality: final              # draft | final\n"
    "  audio: true\n"
    "  aspect: 2.39\n"
    "  burn_in: [timecode, title, beat]\n"
    "  timecode_start: \"01:00:00:00\"\n"
    "\n"
    "world:\n"
    "  prompt: a misty pine valley with a river, late afternoon, autumn\n"
    "  image: refs/mood.jpg        # optional image input (palette, light, mood)\n"
    "  time: \"16:30\"               # time of day, overrides the prompt\n"
    "  weather: fog\n"
    "  season: autumn              # spring | summer | autumn | winter\n"
    "  vocabulary: my-concepts.yaml  # optional extra concepts (§4)\n"
    "\n"
    "camera:\n"
    "  lens: 35mm\n"
    "  sensor: super35\n"
    "  shake: 0.1\n"
    "  path:\n"
    "    - at: 0s\n"
    "      pos: [0, 12, 0]\n"
    "      look_at: [80, 2, 150]\n"
    "    - at: 8s\n"
    "      pos: [40, 18, 90]\n"
    "      ease: in-out\n"
    "      lens: 50mm\n"
    "    - at: 14s\n"
    "      pos: [90, 6, 160]\n"
    "      yaw: 30\n"
    "      pitch: -5\n"
    "      cut: true\n"
    "\n"
    "directives:\n"
    "  - at: 3s\n"
    "    say: the sun sinks into golden hour\n"
    "    over: 5s\n"
    "  - at: 9s\n"
    "    beat: The storm arrives\n"
    "  - at: 9s\n"
    "    weather: storm\n"
    "    over: 4s\n"
    "  - at: 12s\n"
    "    add: campfire\n"
    "    near: [60, 0, 120]        # or  ahead: 20\n"
    "    count: 1\n"
    "    id: fire1\n"
    "  - at: 15s\n"
    "    remove: fire1\n"
    "  - at: 16s\n"
    "    move: fire1\n"
    "    to: [70, 0, 130]\n"
    "    over: 2s\n"
    "  - at: 16s\n"
    "    lighting: {exposure: -0.5, warmth: 0.3, contrast: 0.1, saturation: -0.2}\n"
    "  - at: 18s\n"
    "    music: {mood: tense, tempo: 96, intensity: 0.8}\n"
    "  - at: 19s\n"
    "    time: \"21:00\"\n"
    "    over: 1s\n"
    "\n"
    "wander:                       # mode: wander only\n"
    "  start: {pos: [0, 0], yaw: 0}   # x, z on the ground\n"
    "  eye: 1.7\n"
    "  walk: 1.4\n"
    "  keys:\n"
    "    - {at: 0s, hold: w, for: 4s}\n"
    "    - {at: 4s, hold: [w, d], for: 2s}\n"
    "    - {at: 6s, press: space}             # jump\n"
    "    - {at: 7s, hold: right, for: 1s}     # arrows: left/right turn, up/down pitch\n"
    "  turn: 90\n"
    "  look:\n"
    "    - {at: 9s, yaw: 180, pitch: -10, over: 2s}\n";

static int near(double a, double b) { return fabs(a - b) < 1e-6; }

static void test_spec_example(void)
{
    oy_script *s;
    int ret;

    CHECK_GROUP("spec_example");
    ret = load(&s, spec_example, NULL);
    CHECK(ret == 0 && s, "the full example loads (ret %d)", ret);
    if (!s) {
        dump();
        return;
    }
    CHECK(count_errors() == 0, "no errors");
    CHECK(s->version == 1 && !strcmp(s->title, "Valley at dusk") && s->seed == 7 &&
          s->mode == OY_MODE_DIRECT, "top level");
    CHECK(!strcmp(s->path, "shots/test.yaml") && !strcmp(s->dir, "shots"), "path and dir");
    CHECK(s->file_hash == oy_hash_bytes(0, spec_example, strlen(spec_example)), "file hash");
    CHECK(s->output.width == 1280 && s->output.height == 720, "size 720p");
    CHECK(s->output.fps.num == 24 && s->output.fps.den == 1, "fps 24");
    CHECK(s->output.duration == 20 && s->output.frames == 480 &&
          s->output.samples == 960000, "duration 20 s = 480 frames, 960000 samples");
    CHECK(!s->output.draft && s->output.audio && near(s->output.aspect, 2.39), "quality, audio, aspect");
    CHECK(s->output.burn_in == (OY_BURN_TIMECODE | OY_BURN_TITLE | OY_BURN_BEAT), "burn_in");
    CHECK(s->output.timecode_start == 86400, "timecode_start 01:00:00:00 = frame 86400");

    CHECK(s->world.prompt.s && !strcmp(s->world.prompt.s,
          "a misty pine valley with a river, late afternoon, autumn") &&
          s->world.prompt.mark.line == 17 && s->world.prompt.mark.col == 11, "world.prompt with mark");
    CHECK(s->world.image.s && !strcmp(s->world.image.s, "shots/refs/mood.jpg"), "image relative to the shot");
    CHECK(s->world.vocabulary.s && !strcmp(s->world.vocabulary.s, "shots/my-concepts.yaml"),
          "vocabulary relative to the shot");
    CHECK(s->world.has_time && s->world.time == 16.5, "time 16:30");
    CHECK(s->world.weather.given && s->world.weather.preset.s &&
          !strcmp(s->world.weather.preset.s, "fog"), "weather fog");
    CHECK(s->world.season == OY_SEASON_AUTUMN && s->world.season_mark.line == 21, "season");

    CHECK(s->camera.lens == 35 && near(s->camera.sensor_w, 24.89) &&
          near(s->camera.sensor_h, 18.66) && near(s->camera.shake, 0.1), "camera settings");
    CHECK(s->camera.nkeys == 3, "three camera keys");
    if (s->camera.nkeys == 3) {
        const oy_camkey *k = s->camera.keys;
        CHECK(k[0].at == 0 && k[0].pos[1] == 12 && k[0].has_look_at &&
              k[0].look_at[0] == 80 && k[0].look_at[2] == 150 && k[0].mark.line == 29,
              "key 0");
        CHECK(k[1].at == 8 && k[1].pos[0] == 40 && k[1].ease == OY_EASE_IN_OUT &&
              k[1].has_lens && k[1].lens == 50 && !k[1].has_look_at, "key 1");
        CHECK(k[2].at == 14 && k[2].has_yaw && k[2].yaw == 30 && k[2].has_pitch &&
              k[2].pitch == -5 && !k[2].has_roll && k[2].cut && k[2].ease == OY_EASE_LINEAR,
              "key 2");
    }

    CHECK(s->ndirectives == 9, "nine directives");
    if (s->ndirectives == 9) {
        const oy_directive *d = s->directives;
        static const int actions[] = { OY_ACT_SAY, OY_ACT_BEAT, OY_ACT_WEATHER, OY_ACT_ADD,
                                       OY_ACT_REMOVE, OY_ACT_MOVE, OY_ACT_LIGHTING,
                                       OY_ACT_MUSIC, OY_ACT_TIME };
        static const int64_t frames[] = { 72, 216, 216, 288, 360, 384, 384, 432, 456 };
        int order = 1;
        for (int i = 0; i < 9; i++)
            order &= d[i].action == actions[i] && d[i].frame == frames[i] && d[i].index == i;
        CHECK(order, "directives in order with frames");
        CHECK(!strcmp(d[0].text.s, "the sun sinks into golden hour") && d[0].has_over &&
              d[0].over == 5 && d[0].mark.line == 43 && d[0].mark.col == 5 &&
              d[0].value_mark.line == 44 && d[0].value_mark.col == 10, "say with marks");
        CHECK(!strcmp(d[1].text.s, "The storm arrives") && !d[1].has_over, "beat");
        CHECK(!strcmp(d[2].weather.preset.s, "storm") && d[2].over == 4, "weather storm");
        CHECK(!strcmp(d[3].text.s, "campfire") && d[3].has_near && d[3].near[0] == 60 &&
              d[3].near[2] == 120 && d[3].count == 1 && !strcmp(d[3].id.s, "fire1"), "add");
        CHECK(!strcmp(d[4].text.s, "fire1"), "remove");
        CHECK(!strcmp(d[5].text.s, "fire1") && d[5].has_to && d[5].to[0] == 70 &&
              d[5].to[2] == 130 && d[5].over == 2, "move");
        CHECK(d[6].lighting.set[OY_LT_EXPOSURE] && d[6].lighting.v[OY_LT_EXPOSURE] == -0.5f &&
              d[6].lighting.v[OY_LT_WARMTH] == 0.3f && d[6].lighting.v[OY_LT_CONTRAST] == 0.1f &&
              d[6].lighting.v[OY_LT_SATURATION] == -0.2f && !d[6].lighting.preset.s, "lighting map");
        CHECK(!strcmp(d[7].music.mood.s, "tense") && d[7].music.has_tempo &&
              d[7].music.tempo == 96 && d[7].music.intensity == 0.8f && !d[7].music.text.s,
              "music map");
        CHECK(d[8].time == 21 && d[8].over == 1, "time 21:00");
    }

    CHECK(s->wander.given && s->wander.start[0] == 0 && s->wander.start_yaw == 0 &&
          near(s->wander.eye, 1.7) && near(s->wander.walk, 1.4) && s->wander.turn == 90,
          "wander settings");
    CHECK(s->wander.nkeys == 4, "four wander keys");
    if (s->wander.nkeys == 4) {
        const oy_wander_key *k = s->wander.keys;
        CHECK(k[0].keys == OY_KEY_W && !k[0].press && k[0].hold_for == 4, "hold w");
        CHECK(k[1].keys == (OY_KEY_W | OY_KEY_D) && k[1].at == 4 && k[1].hold_for == 2, "hold w+d");
        CHECK(k[2].keys == OY_KEY_SPACE && k[2].press && k[2].at == 6, "press space");
        CHECK(k[3].keys == OY_KEY_RIGHT && k[3].hold_for == 1, "hold right");
    }
    CHECK(s->wander.nlooks == 1 && s->wander.looks[0].yaw == 180 &&
          s->wander.looks[0].pitch == -10 && s->wander.looks[0].over == 2, "look");
    oy_script_free(&s);
    CHECK(s == NULL, "free nulls the pointer");
}

static void test_defaults_and_overrides(void)
{
    oy_script *s;
    oyster_overrides ov = { 0 };

    CHECK_GROUP("defaults");
    CHECK(load(&s, "oyster: 1\noutput:\n  duration: 2s\n", NULL) == 0 && s, "minimal shot loads");
    if (s) {
        CHECK(!strcmp(s->title, "test") && s->seed == 0 && s->mode == OY_MODE_DIRECT,
              "title from the file name, seed 0, direct");
        CHECK(s->output.width == 1280 && s->output.height == 720 && s->output.fps.num == 24 &&
              s->output.fps.den == 1 && !s->output.draft && s->output.audio &&
              s->output.aspect == 0 && s->output.burn_in == 0, "output defaults");
        CHECK(s->output.frames == 48 && s->output.samples == 96000, "2 s = 48 frames");
        CHECK(s->camera.lens == 35 && near(s->camera.sensor_w, 24.89) && s->camera.nkeys == 0,
              "camera defaults");
        CHECK(s->world.season == OY_SEASON_NONE && !s->world.weather.given &&
              !s->world.prompt.s, "world defaults");
        CHECK(near(s->wander.eye, 1.7) && near(s->wander.walk, 1.4) && s->wander.turn == 90 &&
              !s->wander.given, "wander defaults");
        oy_script_free(&s);
    }

    CHECK_GROUP("overrides");
    ov.seed = "18446744073709551615";
    ov.size = "1080p";
    ov.fps = "30";
    ov.duration = "00:00:02:15";
    ov.draft = 1;
    CHECK(load(&s, "oyster: 1\nseed: 3\noutput:\n  duration: 2s\n  fps: 24\n"
               "directives:\n  - {at: 1f, beat: x}\n", &ov) == 0 && s, "overrides load");
    if (s) {
        CHECK(s->seed == UINT64_MAX, "full 64-bit seed");
        CHECK(s->output.width == 1920 && s->output.fps.num == 30 && s->output.draft,
              "size, fps, draft");
        CHECK(near(s->output.duration, 2.5) && s->output.frames == 75,
              "--duration read at the overridden fps");
        CHECK(s->ndirectives == 1 && near(s->directives[0].at, 1.0 / 30) &&
              s->directives[0].frame == 1, "script times read at the overridden fps");
        oy_script_free(&s);
    }

    oyster_overrides bad = { "18446744073709551616", "99x", "0", "-1s", 0 };
    CHECK(load(&s, "oyster: 1\noutput:\n  duration: 2s\n", &bad) == OYSTER_E_INPUT && !s,
          "bad overrides fail");
    int named = 0;
    for (int i = 0; i < nrecs; i++)
        named += !recs[i].has_file && recs[i].line == 0 &&
                 (strstr(recs[i].msg, "invalid --seed '18446744073709551616'") ||
                  strstr(recs[i].msg, "invalid --size '99x'") ||
                  strstr(recs[i].msg, "invalid --fps '0'") ||
                  strstr(recs[i].msg, "invalid --duration '-1s'"));
    CHECK(named == 4, "each bad option reported by name without a file (%d)", named);

    CHECK_GROUP("times");
    CHECK(load(&s, "oyster: 1\noutput:\n  duration: 1:30\n  fps: 24000/1001\n"
               "directives:\n  - {at: 00:00:01:00, say: a}\n  - {at: 0.1, say: b}\n"
               "  - {at: 250ms, say: c}\n  - {at: 2m, say: d}\n  - {at: 0, say: e}\n", NULL) == 0 && s,
          "unquoted 1:30 and SMPTE are read as times");
    if (s) {
        CHECK(s->output.duration == 90 && s->output.frames == 2158, "1:30 at 23.976 = 2158 frames");
        CHECK(s->ndirectives == 5 && s->directives[0].frame == 0 && s->directives[1].frame == 3 &&
              s->directives[2].frame == 6 && s->directives[3].frame == 24 &&
              s->directives[4].frame == 2878, "directive frames sorted");
        CHECK(near(s->directives[3].at, 1.001), "SMPTE 1 s at 23.976 = 1.001 s");
        oy_script_free(&s);
    }
    CHECK(load(&s, "oyster: 1\noutput: {duration: 1s}\ndirectives:\n  - {at: 0.5, say: a}\n"
               "  - {at: 0.5, beat: b}\n  - {at: 0.2, say: c}\n  - {at: 0.5, say: d}\n", NULL) == 0 && s,
          "equal times load");
    if (s) {
        CHECK(s->ndirectives == 4 && s->directives[0].index == 2 && s->directives[1].index == 0 &&
              s->directives[2].index == 1 && s->directives[3].index == 3,
              "equal times keep file order");
        oy_script_free(&s);
    }
}

static void test_schema_errors(void)
{
    CHECK_GROUP("errors");
    expect_error("unknown key", "oyster: 1\noutput:\n  duraton: 2s\n", 3, 3,
                 "unknown key 'duraton' in 'output'", "did you mean 'duration'?");
    expect_error("unknown top-level key", "oyster: 1\ncamra: {}\noutput: {duration: 1}\n", 2, 1,
                 "unknown top-level key 'camra'", "did you mean 'camera'?");
    expect_error("missing duration", "oyster: 1\noutput:\n  fps: 24\n", 3, 3,
                 "missing required key 'duration' in 'output'", NULL);
    expect_error("missing output", "oyster: 1\nseed: 1\n", 1, 1,
                 "missing required section 'output'", NULL);
    expect_error("missing version", "output: {duration: 2s}\n", 1, 1,
                 "missing required key 'oyster'", NULL);
    expect_error("other version", "oyster: 2\noutput: {duration: 2s}\n", 1, 9,
                 "unsupported format version '2'", "version 1");
    expect_error("wrong type", "oyster: 1\noutput:\n  duration: 2s\n  fps: [24]\n", 4, 8,
                 "'output.fps' must be a frame rate, not a list", NULL);
    expect_error("wrong type map", "oyster: 1\noutput: {duration: 2s}\nworld: fog\n", 3, 8,
                 "'world' must be a map of keys", NULL);
    /* world.layout: the set plan's keys, ranges and impossible plans */
#define LAYOUT(y) "oyster: 1\noutput: {duration: 2s}\nworld:\n  layout:\n" y
    expect_error("layout: unknown feature", LAYOUT("    lak: {at: [0, 400]}\n"), 5, 5,
                 "unknown key 'lak' in 'world.layout'", "did you mean 'lake'?");
    expect_error("layout: a key the feature does not take", LAYOUT("    lake: {through: [[0, 0], [1, 2]]}\n"),
                 5, 12, "unknown key 'through' in 'world.layout.lake'", NULL);
    expect_error("layout: size out of range", LAYOUT("    lake: {at: [0, 400], size: 5}\n"), 5, 32,
                 "'world.layout.lake.size' must be a number from 20 to 8000, not '5'", NULL);
    expect_error("layout: one point is no course", LAYOUT("    river: {through: [[0, 0]]}\n"), 5, 22,
                 "'world.layout.river.through' must be a list of 2 to 16 points [x, z]",
                 "e.g. 'through: [[-200, -100], [0, 300], [150, 900]]'");
    expect_error("layout: a repeated point", LAYOUT("    valley: {through: [[0, 0], [0, 0.5]]}\n"), 5, 32,
                 "point 2 of 'world.layout.valley.through' repeats the point before it", NULL);
    expect_error("layout: coast without a course", LAYOUT("    coast: {sea: left}\n"), 5, 12,
                 "'world.layout.coast' needs 'through': the shoreline's course", NULL);
    expect_error("layout: far out", LAYOUT("    hill: {at: [0, 2e6]}\n"), 5, 16,
                 "'world.layout.hill.at' [0, 2e+06] is out of range", NULL);
    expect_error("layout: a lake in the sea",
                 LAYOUT("    coast: {through: [[0, -500], [0, 500]], sea: right}\n    lake: {at: [300, 0]}\n"),
                 6, 11, "the lake at [300, 0] lies in the sea ('coast' has the sea on the right)", NULL);
    {
        oy_script *s;
        int ret = load(&s, LAYOUT("    lake: {at: [-50, 300], size: 250}\n"
                                  "    river: {through: [[-200, -100], [0, 300], [150, 900]], width: 30}\n"
                                  "    coast: {through: [[0, -500], [0, 500]], sea: right}\n"
                                  "    peaks: {at: [0, 3000], size: 4000, height: 1500}\n"), NULL);
        CHECK(ret == 0 && s && s->world.layout[OY_FEAT_LAKE].has_at &&
              s->world.layout[OY_FEAT_LAKE].at[1] == 300 && s->world.layout[OY_FEAT_LAKE].size == 250 &&
              s->world.layout[OY_FEAT_RIVER].npts == 3 && s->world.layout[OY_FEAT_RIVER].size == 30 &&
              s->world.layout[OY_FEAT_COAST].sea == 1 && s->world.layout[OY_FEAT_PEAKS].height == 1500 &&
              !s->world.layout[OY_FEAT_VALLEY].given,
              "layout: a valid plan loads into the script");
        oy_script_free(&s);
    }
#undef LAYOUT
    expect_error("bool", "oyster: 1\noutput: {duration: 2s, audio: maybe}\n", 2, 31,
                 "'output.audio' must be true or false, not 'maybe'", NULL);
    expect_error("out of range", "oyster: 1\noutput: {duration: 2s, aspect: 5}\n", 2, 32,
                 "'output.aspect' must be a number from 1 to 4, not '5'", NULL);
    expect_error("negative", "oyster: 1\noutput: {duration: 2s}\ncamera:\n  shake: -0.5\n", 4, 10,
                 "'camera.shake' must be a number from 0 to 1, not '-0.5'", NULL);
    expect_error("nan", "oyster: 1\noutput: {duration: 2s, aspect: .nan}\n", 2, 32,
                 "'output.aspect' must be a number from 1 to 4, not '.nan'", NULL);
    expect_error("inf", "oyster: 1\noutput: {duration: 2s}\ncamera: {shake: inf}\n", 3, 17,
                 "'camera.shake' must be a number", NULL);
    expect_error("negative lens", "oyster: 1\noutput: {duration: 2s}\ncamera: {lens: -35mm}\n", 3, 16,
                 "invalid lens '-35mm' for 'camera.lens'", NULL);
    expect_error("negative time", "oyster: 1\noutput: {duration: -2s}\n", 2, 20,
                 "invalid time '-2s' for 'output.duration'", NULL);
    expect_error("too long", "oyster: 1\noutput: {duration: 25:00:00:00}\n", 2, 20,
                 "'output.duration' '25:00:00:00' is out of range", "24 hours");
    expect_error("huge size", "oyster: 1\noutput:\n  duration: 2s\n  size: 99999x99999\n", 4, 9,
                 "invalid size '99999x99999' for 'output.size'", "7680");
    expect_error("bad fps", "oyster: 1\noutput: {duration: 2s, fps: 0}\n", 2, 29,
                 "invalid frame rate '0' for 'output.fps'", NULL);
    expect_error("seed range", "oyster: 1\nseed: -1\noutput: {duration: 2s}\n", 2, 7,
                 "'seed' must be a whole number from 0 to 18446744073709551615", NULL);
    expect_error("seed overflow", "oyster: 1\nseed: 18446744073709551616\noutput: {duration: 2s}\n",
                 2, 7, "not '18446744073709551616'", NULL);
    expect_error("enum with hint", "oyster: 1\noutput: {duration: 2s}\nworld: {season: autum}\n",
                 3, 17, "'world.season' must be one of spring, summer, autumn, winter, not 'autum'",
                 "did you mean 'autumn'?");
    expect_error("weather preset", "oyster: 1\noutput: {duration: 2s}\nworld: {weather: sunny}\n",
                 3, 18, "'world.weather' must be one of clear, cloudy", NULL);
    expect_error("weather map range", "oyster: 1\noutput: {duration: 2s}\n"
                 "world: {weather: {fog: 1.5}}\n", 3, 24,
                 "'world.weather.fog' must be a number from 0 to 1, not '1.5'", NULL);
    expect_error("lighting range", "oyster: 1\noutput: {duration: 2s}\ndirectives:\n"
                 "  - {at: 1, lighting: {exposure: 5}}\n", 4, 34,
                 "'directives.lighting.exposure' must be a number from -4 to 4", NULL);
    expect_error("music tempo", "oyster: 1\noutput: {duration: 2s}\ndirectives:\n"
                 "  - {at: 1, music: {tempo: 400}}\n", 4, 28,
                 "'directives.music.tempo' must be a number from 20 to 300", NULL);
    expect_error("burn_in item", "oyster: 1\noutput: {duration: 2s, burn_in: [title, tc]}\n", 2, 41,
                 "'output.burn_in' must be one of timecode, title", NULL);
    expect_error("timecode_start", "oyster: 1\noutput: {duration: 2s, timecode_start: 10s}\n", 2, 40,
                 "invalid timecode '10s'", NULL);
    expect_error("null value", "oyster: 1\ntitle:\noutput: {duration: 2s}\n", 2, 7,
                 "'title' has no value", NULL);
    expect_error("not a map", "- oyster: 1\n- output: {}\n", 1, 1,
                 "a shot script must be a map of keys, not a list", NULL);
    expect_error("scalar root", "just text\n", 1, 1,
                 "a shot script must be a map of keys, not text", NULL);
}

static void test_directive_errors(void)
{
    static const char head[] = "oyster: 1\noutput: {duration: 20s}\ndirectives:\n";
    char buf[512];

#define DIR(text) (snprintf(buf, sizeof buf, "%s%s", head, text), buf)
    CHECK_GROUP("directive_errors");
    expect_error("two actions", DIR("  - at: 1s\n    say: hello\n    beat: Act two\n"), 6, 5,
                 "directive has two actions, 'say' and 'beat'", "two directives");
    expect_error("no action", DIR("  - at: 1s\n    over: 2s\n"), 4, 5,
                 "directive has no action", "say, beat");
    expect_error("no at", DIR("  - say: hello\n"), 4, 5, "directive has no 'at'", NULL);
    expect_error("unknown key", DIR("  - {at: 1s, add: tree, nera: [1, 2, 3]}\n"), 4, 25,
                 "unknown key 'nera' in 'directives'", "did you mean 'near'?");
    expect_error("misplaced key", DIR("  - {at: 1s, add: tree, to: [1, 2, 3]}\n"), 4, 25,
                 "'to' does not go with 'add'", "'to' goes with 'move'");
    expect_error("near and ahead", DIR("  - {at: 1s, add: tree, near: [1, 2, 3], ahead: 5}\n"),
                 4, 42, "'near' and 'ahead' in the same directive", NULL);
    expect_error("count range", DIR("  - {at: 1s, add: tree, count: 0}\n"), 4, 32,
                 "'directives.count' must be a whole number from 1 to 1000, not '0'", NULL);
    expect_error("count fraction", DIR("  - {at: 1s, add: tree, count: 2.5}\n"), 4, 32,
                 "'directives.count' must be a whole number", NULL);
    expect_error("move without to", DIR("  - {at: 1s, move: fire1}\n"), 4, 20,
                 "'move' without 'to'", NULL);
    expect_error("vector", DIR("  - {at: 1s, add: tree, near: [1, 2]}\n"), 4, 31,
                 "'directives.near' must be a list of 3 numbers", NULL);
    expect_error("bad time", DIR("  - {at: 1:75, say: x}\n"), 4, 10,
                 "invalid time '1:75' for 'directives.at'", "SMPTE");
    expect_error("bad clock", DIR("  - {at: 1, time: \"25:00\"}\n"), 4, 19,
                 "invalid time of day '25:00' for 'directives.time'", NULL);
    expect_error("not a list", DIR("  say: x\n"), 4, 3, "'directives' must be a list", NULL);
    expect_error("speed zero", DIR("  - {at: 1s, move: p, to: [1, 2, 3], speed: 0}\n"), 4, 45,
                 "'directives.speed' must be a number above 0", "metres per second");
    expect_error("speed negative", DIR("  - {at: 1s, move: p, to: [1, 2, 3], speed: -1}\n"), 4, 45,
                 "'directives.speed' must be a number above 0 and at most 100000, not '-1'", NULL);
    expect_error("speed text", DIR("  - {at: 1s, move: p, to: [1, 2, 3], speed: fast}\n"), 4, 45,
                 "'directives.speed' must be a number above 0", NULL);
    expect_error("over and speed", DIR("  - {at: 1s, move: p, to: [1, 2, 3], over: 2s, speed: 1}\n"),
                 4, 48, "'over' and 'speed' in the same directive", "either 'over'");
    expect_error("empty path", DIR("  - {at: 1s, move: p, to: []}\n"), 4, 27,
                 "'directives.to' is an empty list", "a list of points");
    expect_error("short point", DIR("  - {at: 1s, move: p, to: [[1, 2, 3], [4, 5]]}\n"), 4, 39,
                 "point 2 of 'directives.to' must be a list of 3 numbers [x, y, z]", NULL);
    expect_error("number in a path", DIR("  - {at: 1s, move: p, to: [[1, 2, 3], 4]}\n"), 4, 39,
                 "point 2 of 'directives.to' must be a list of 3 numbers", NULL);
    expect_error("text in a point", DIR("  - {at: 1s, move: p, to: [[1, 2, 3], [4, x, 6]]}\n"), 4, 43,
                 "'directives.to' must be a number, not 'x'", NULL);
    expect_error("short single point", DIR("  - {at: 1s, move: p, to: [1, 2]}\n"), 4, 27,
                 "'directives.to' must be a list of 3 numbers [x, y, z]", NULL);
    expect_error("yaw and face", DIR("  - {at: 1s, add: tree, yaw: 10, face: [1, 2, 3]}\n"), 4, 34,
                 "'yaw' and 'face' in the same directive", "either 'yaw' or 'face'");
    expect_error("face map", DIR("  - {at: 1s, add: tree, face: {x: 1}}\n"), 4, 31,
                 "'directives.face' must be a point [x, y, z] or an id, not a map", NULL);
    expect_error("face short", DIR("  - {at: 1s, add: tree, face: [1, 2]}\n"), 4, 31,
                 "'directives.face' must be a list of 3 numbers", NULL);
    expect_error("yaw text", DIR("  - {at: 1s, add: tree, yaw: north}\n"), 4, 30,
                 "'directives.yaw' must be a number, not 'north'", NULL);
    expect_error("yaw with move", DIR("  - {at: 1s, move: p, to: [1, 2, 3], yaw: 10}\n"), 4, 38,
                 "'yaw' does not go with 'move'", "'yaw' goes with 'add'");
    expect_error("speed with add", DIR("  - {at: 1s, add: tree, speed: 3}\n"), 4, 25,
                 "'speed' does not go with 'add'", "'speed' goes with 'move'");
#undef DIR
    {
        /* a path of 1001 points: one error at 'to', not 1001 */
        size_t cap = 1001 * 16 + 256, n = 0;
        char *y = malloc(cap);
        n += (size_t)snprintf(y + n, cap - n, "%s  - {at: 1s, move: p, to: [", head);
        for (int i = 0; i < 1001; i++)
            n += (size_t)snprintf(y + n, cap - n, "%s[%d, 0, 0]", i ? ", " : "", i);
        snprintf(y + n, cap - n, "]}\n");
        expect_error("1001 points", y, 4, 27,
                     "too many points in 'directives.to' (1001, the limit is 1000)", NULL);
        CHECK(count_errors() == 1, "one error for a long path (%d)", count_errors());
        free(y);
    }
}

/* add: yaw and face; move: a path and a speed. */
static void test_headings_and_paths(void)
{
    oy_script *s;
    int ret;

    CHECK_GROUP("paths");
    ret = load(&s, "oyster: 1\noutput: {duration: 20s}\ndirectives:\n"
               "  - {at: 1s, add: person, near: [0, 0, 0], yaw: 30, id: a}\n"
               "  - {at: 1s, add: person, near: [0, 0, 0], face: [5, 1, -5], id: b}\n"
               "  - {at: 1s, add: person, near: [0, 0, 0], face: a, id: c}\n"
               "  - {at: 2s, move: a, to: [[0, 0, 10], [10, 0.5, 10], [10, 0, 20]], speed: 1.4}\n"
               "  - {at: 3s, move: b, to: [1, 2, 3], over: 2s}\n"
               "  - {at: 4s, move: c, to: [[7, 8, 9]]}\n", NULL);
    CHECK(ret == 0 && s && s->ndirectives == 6, "yaw, face, paths and speeds load");
    if (ret == 0 && s && s->ndirectives == 6) {
        const oy_directive *d = s->directives;
        CHECK(d[0].has_yaw && d[0].yaw == 30 && d[0].face == OY_FACE_NONE, "yaw: 30");
        CHECK(!d[1].has_yaw && d[1].face == OY_FACE_POINT && d[1].face_at[0] == 5 &&
              d[1].face_at[1] == 1 && d[1].face_at[2] == -5, "face: a point");
        CHECK(d[2].face == OY_FACE_ID && !strcmp(d[2].face_id.s, "a") && d[2].face_id.mark.line == 6 &&
              d[2].face_id.mark.col == 50, "face: an id, with its place (%d:%d)",
              d[2].face_id.mark.line, d[2].face_id.mark.col);
        CHECK(d[3].has_to && d[3].npath == 3 && d[3].path[1][0] == 10 && d[3].path[1][1] == 0.5 &&
              d[3].path[2][2] == 20 && d[3].to[0] == 10 && d[3].to[2] == 20 && d[3].has_speed &&
              d[3].speed == 1.4 && !d[3].has_over, "a path of three points at 1.4 m/s; 'to' is its end");
        CHECK(d[4].has_to && d[4].npath == 1 && d[4].path[0][2] == 3 && d[4].to[1] == 2 &&
              !d[4].has_speed && d[4].has_over && d[4].over == 2, "one point over 2 s, as before");
        CHECK(d[5].npath == 1 && d[5].to[0] == 7 && d[5].to[2] == 9, "a path of one point");
    }
    oy_script_free(&s);
}

static void test_camera_wander_errors(void)
{
    CHECK_GROUP("camera_errors");
    expect_error("keys out of order", "oyster: 1\noutput: {duration: 20s}\ncamera:\n  path:\n"
                 "    - {at: 8s, pos: [0, 1, 0]}\n    - {at: 4s, pos: [0, 1, 0]}\n", 6, 12,
                 "camera key at '4s' is not after the previous key at '8s'", "time order");
    expect_error("equal keys", "oyster: 1\noutput: {duration: 20s}\ncamera:\n  path:\n"
                 "    - {at: 2s, pos: [0, 1, 0]}\n    - {at: 48f, pos: [0, 1, 0]}\n", 6, 12,
                 "camera key at '48f' is not after the previous key at '2s'", NULL);
    expect_error("look_at and yaw", "oyster: 1\noutput: {duration: 20s}\ncamera:\n  path:\n"
                 "    - {at: 0, pos: [0, 1, 0], look_at: [1, 1, 1], yaw: 3}\n", 5, 56,
                 "'yaw' and 'look_at' in the same camera key", NULL);
    expect_error("no pos", "oyster: 1\noutput: {duration: 20s}\ncamera:\n  path:\n"
                 "    - {at: 0}\n", 5, 7, "camera key has no 'pos'", NULL);
    expect_error("ease", "oyster: 1\noutput: {duration: 20s}\ncamera:\n  path:\n"
                 "    - {at: 0, pos: [0, 1, 0], ease: inout}\n", 5, 37,
                 "'camera.path.ease' must be one of linear, in, out, in-out, hold", "in-out");
    expect_error("sensor", "oyster: 1\noutput: {duration: 20s}\ncamera: {sensor: imax}\n", 3, 18,
                 "invalid sensor 'imax'", NULL);
    expect_error("lens range", "oyster: 1\noutput: {duration: 20s}\ncamera: {lens: 5000mm}\n", 3, 16,
                 "invalid lens '5000mm'", NULL);

    CHECK_GROUP("wander_errors");
    expect_error("key name", "oyster: 1\nmode: wander\noutput: {duration: 20s}\nwander:\n  keys:\n"
                 "    - {at: 0, hold: [w, q], for: 1s}\n", 6, 25,
                 "'wander.keys.hold' must be one of w, a, s, d", NULL);
    expect_error("hold without for", "oyster: 1\nmode: wander\noutput: {duration: 20s}\nwander:\n"
                 "  keys:\n    - {at: 0, hold: w}\n", 6, 7, "'hold' without 'for'", NULL);
    expect_error("hold and press", "oyster: 1\nmode: wander\noutput: {duration: 20s}\nwander:\n"
                 "  keys:\n    - {at: 0, hold: w, press: space, for: 1}\n", 6, 24,
                 "'hold' and 'press' in the same wander key", NULL);
    expect_error("negative walk", "oyster: 1\nmode: wander\noutput: {duration: 20s}\nwander:\n"
                 "  walk: -1\n", 5, 9, "'wander.walk' must be a number from 0 to 100", NULL);
    expect_error("start pos", "oyster: 1\nmode: wander\noutput: {duration: 20s}\nwander:\n"
                 "  start: {pos: [1, 2, 3]}\n", 5, 16,
                 "'wander.start.pos' must be a list of 2 numbers [x, z]", NULL);
}

static void test_many_errors(void)
{
    oy_script *s;

    CHECK_GROUP("many_errors");
    CHECK(load(&s, "oyster: 1\noutput:\n  duraton: 2s\n  fps: 500\n  size: 99999x99999\n"
               "camera: {shake: 2}\ndirectives:\n  - {at: 1, say: a, beat: b}\n", NULL) ==
          OYSTER_E_INPUT, "a broken shot fails");
    CHECK(count_errors() >= 5 && has_error(3, 3, "unknown key 'duraton'", NULL) &&
          has_error(4, 8, "invalid frame rate '500'", NULL) &&
          has_error(5, 9, "invalid size", NULL) && has_error(6, 17, "'camera.shake'", NULL) &&
          has_error(8, 21, "two actions", NULL), "all errors reported in one run (%d)",
          count_errors());

    char big[4096] = "oyster: 1\noutput: {duration: 2s}\ndirectives:\n";
    for (int i = 0; i < 30; i++)
        strcat(big, "  - {at: -1, say: x}\n");
    CHECK(load(&s, big, NULL) == OYSTER_E_INPUT && log_rec.errors == 30 && nrecs == OY_MAX_ERRORS,
          "30 errors counted, %d passed on", OY_MAX_ERRORS);
}

static void test_limits(void)
{
    oy_script *s;
    char *text, path[] = "/tmp/oyster_test_scriptXXXXXX";
    size_t n;
    int fd;

    CHECK_GROUP("limits");
    /* billion laughs: nine levels of nine aliases each */
    char bomb[4096] = "oyster: 1\noutput: {duration: 2s}\na: &a [x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; i++) {
        char line[128];
        snprintf(line, sizeof line, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
                 'a' + i, 'a' + i, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
                 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1);
        strcat(bomb, line);
    }
    expect_error("alias bomb", bomb, 7, 8, "YAML aliases expand to more than 10000 nodes", NULL);
    expect_error("alias loop", "a: &a [*a]\n", 1, 8, "unknown anchor 'a'", NULL);
    CHECK(load(&s, "oyster: 1\nbase: &o {duration: 2s}\noutput: *o\n", NULL) == OYSTER_E_INPUT &&
          has_error(2, 1, "unknown top-level key 'base'", NULL), "aliases resolve (then base is unknown)");
    CHECK(load(&s, "oyster: &v 1\noutput: {duration: *v}\n", NULL) == 0 && s &&
          s->output.duration == 1, "a scalar alias is usable");
    oy_script_free(&s);

    text = malloc(20001);
    memset(text, '[', 10000);
    memset(text + 10000, ']', 10000);
    text[20000] = 0;
    expect_error("deep nesting", text, 1, 65, "nesting is deeper than 64 levels", NULL);
    free(text);

    /* the 1 MiB limit, from memory and from a file that is never read whole */
    n = 2u << 20;
    text = malloc(n + 1);
    memset(text, ' ', n);
    memcpy(text, "oyster: 1\n#", 11);
    text[n] = 0;
    CHECK(load(&s, text, NULL) == OYSTER_E_INPUT && nrecs == 1 &&
          strstr(recs[0].msg, "larger than 1 MiB"), "2 MiB in memory refused");
    fd = mkstemp(path);
    CHECK(fd >= 0 && write(fd, text, n) == (ssize_t)n, "temp file written");
    close(fd);
    nrecs = 0;
    CHECK(oy_script_load(&s, path, NULL, &log_rec) == OYSTER_E_INPUT && nrecs == 1 &&
          strstr(recs[0].msg, "larger than 1 MiB") && recs[0].line == 0, "2 MiB file refused");
    unlink(path);
    free(text);

    nrecs = 0;
    CHECK(oy_script_load(&s, "/nonexistent/shot.yaml", NULL, &log_rec) == OYSTER_E_INPUT &&
          nrecs == 1 && strstr(recs[0].msg, "cannot read '/nonexistent/shot.yaml'"),
          "missing file");

    {
        char garbage[256];
        for (int i = 0; i < 256; i++)
            garbage[i] = (char)(i * 37 + 11);
        nrecs = 0;
        CHECK(oy_script_load_mem(&s, "g.yaml", garbage, sizeof garbage, NULL, &log_rec) ==
              OYSTER_E_INPUT && nrecs == 1 && recs[0].line == 1 &&
              strstr(recs[0].hint, "UTF-8"), "binary garbage: %s", nrecs ? recs[0].msg : "");
    }
    expect_error("invalid UTF-8", "oyster: 1\ntitle: \"caf\xe9\"\n", 2, 13,
                 "invalid", "UTF-8");
    expect_error("empty file", "", 0, 0, "'shots/test.yaml' is empty", NULL);
    expect_error("only a comment", "# nothing\n", 0, 0, "is empty", NULL);
    expect_error("two documents", "oyster: 1\n---\noyster: 1\n", 2, 1,
                 "more than one YAML document", NULL);
    expect_error("syntax", "oyster: 1\noutput: {duration: 2s\n", 3, 1,
                 "did not find expected ',' or '}'", NULL);
    expect_error("duplicate key", "oyster: 1\noutput: {duration: 2s}\noyster: 1\n", 3, 1,
                 "duplicate key 'oyster'", NULL);

    text = malloc(10002 * 24 + 128);
    strcpy(text, "oyster: 1\noutput: {duration: 2s}\ndirectives:\n");
    n = strlen(text);
    for (int i = 0; i < 10001; i++)
        n += (size_t)sprintf(text + n, "  - {at: 1, say: x}\n");
    expect_error("too many directives", text, 4, 3, "too many directives (10001", NULL);
    free(text);
}

/* Input that is not what it claims: text in another encoding, YAML
 * tags nothing reads, places no set reaches, files that are not files. */
static void test_hostile(void)
{
    static const char base[] = "oyster: 1\noutput: {duration: 2s}\n";
    char text[512], dir[] = "/tmp/oyster_test_fifoXXXXXX", fifo[64];
    oy_script *s;
    int warned = 0;

    CHECK_GROUP("hostile");
    {
        /* "oyster: 1" in UTF-16LE after its byte order mark */
        static const char u16[] = "\xff\xfeo\0y\0s\0t\0e\0r\0:\0 \0001\0\n\0";
        nrecs = 0;
        CHECK(oy_script_load_mem(&s, "u.yaml", u16, sizeof u16 - 1, NULL, &log_rec) ==
              OYSTER_E_INPUT && nrecs == 1 && recs[0].line == 1 && recs[0].col == 1 &&
              strstr(recs[0].msg, "UTF-16") && strstr(recs[0].hint, "UTF-8"),
              "UTF-16 refused at 1:1: %s", nrecs ? recs[0].msg : "");
    }
    CHECK(load(&s, "\xef\xbb\xbfoyster: 1\noutput: {duration: 2s}\n", NULL) == 0 && s,
          "a UTF-8 byte order mark is fine");
    if (!s)
        dump();
    oy_script_free(&s);
    {
        static const char nul[] = "oyster: 1\ntitle: a\0b\n";
        nrecs = 0;
        CHECK(oy_script_load_mem(&s, "n.yaml", nul, sizeof nul - 1, NULL, &log_rec) ==
              OYSTER_E_INPUT && nrecs == 1 && recs[0].line == 2 && recs[0].col == 9 &&
              strstr(recs[0].hint, "UTF-8"), "a NUL byte refused at 2:9");
    }

    expect_error("unknown tag", "oyster: 1\noutput: {duration: 2s}\ntitle: !foo x\n", 3, 8,
                 "unsupported YAML tag '!foo'", "!!str");
    expect_error("binary tag", "oyster: 1\noutput: {duration: !!binary 2s}\n", 2, 20,
                 "unsupported YAML tag '!!binary'", NULL);
    expect_error("tag on a map", "oyster: 1\noutput: !set {duration: 2s}\n", 2, 9,
                 "unsupported YAML tag '!set'", NULL);
    CHECK(load(&s, "oyster: !!int 1\ntitle: !!str 12\nseed: ! 4\n"
                   "output: !!map {duration: !!str 2s, audio: !!bool false, aspect: !!float 2}\n"
                   "world: {time: !!null , season: autumn}\n"
                   "camera: {path: !!seq [{at: 0, pos: [0, 1, 0]}]}\n", NULL) == OYSTER_E_INPUT &&
          count_errors() == 1 && has_error(5, 15, "'world.time'", NULL),
          "the core tags are read as plain YAML (only the null time is wrong)");
    if (count_errors() != 1)
        dump();

    snprintf(text, sizeof text, "%scamera: {path: [{at: 0, pos: [1e30, 6, 0]}]}\n", base);
    expect_error("camera beyond 1000 km", text, 3, 30,
                 "'camera.path.pos' [1e+30, 6, 0] is out of range", "within 1000 km");
    snprintf(text, sizeof text, "%scamera: {path: [{at: 0, pos: [0, 6, 0], look_at: [0, -2e6, 9]}]}\n",
             base);
    expect_error("look_at beyond 1000 km", text, 3, 50,
                 "'camera.path.look_at' [0, -2e+06, 9] is out of range", NULL);
    snprintf(text, sizeof text, "%scamera: {path: [{at: 0, pos: [0, -1000, 0]}]}\n", base);
    CHECK(load(&s, text, NULL) == 0 && s, "a camera under the ground loads");
    for (int i = 0; i < nrecs; i++)
        warned |= recs[i].level == OYSTER_WARNING && recs[i].line == 3 && recs[i].col == 34 &&
                  strstr(recs[i].msg, "camera height -1000 m is under the ground") != NULL;
    CHECK(warned, "... with a warning at its height");
    if (!warned)
        dump();
    oy_script_free(&s);

    /* a FIFO is refused before it is opened: opening it would block */
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    snprintf(fifo, sizeof fifo, "%s/shot.yaml", dir);
    CHECK(mkfifo(fifo, 0600) == 0, "fifo made");
    nrecs = 0;
    CHECK(oy_script_load(&s, fifo, NULL, &log_rec) == OYSTER_E_INPUT && nrecs == 1 &&
          strstr(recs[0].msg, "it is a FIFO") && strstr(recs[0].msg, fifo),
          "a FIFO as the shot: %s", nrecs ? recs[0].msg : "");
    nrecs = 0;
    CHECK(oy_script_load(&s, dir, NULL, &log_rec) == OYSTER_E_INPUT && nrecs == 1 &&
          strstr(recs[0].msg, "it is a directory"), "a directory as the shot");
    unlink(fifo);
    rmdir(dir);
}

static void test_ydoc(void)
{
    oy_ydoc *d = NULL;
    const oy_ynode *r, *v;
    const char *text = "k: [a, 'b']\nm: {x: 1}\n";

    CHECK_GROUP("ydoc");
    nrecs = 0;
    CHECK(oy_ydoc_load(&d, "t", text, strlen(text), &log_rec) == 0 && d, "loads");
    if (!d)
        return;
    r = oy_ydoc_root(d);
    v = oy_ymap_get(r, "k");
    CHECK(r->type == OY_YMAP && r->n == 2 && v && v->type == OY_YSEQ && v->n == 2 &&
          !v->items[0]->quoted && v->items[1]->quoted && !strcmp(v->items[1]->scalar, "b") &&
          v->items[1]->mark.line == 1 && v->items[1]->mark.col == 8, "tree with marks and quoting");
    v = oy_ymap_get(oy_ymap_get(r, "m"), "x");
    CHECK(v && !strcmp(v->scalar, "1") && !oy_ymap_get(r, "nope"), "lookup");
    oy_ydoc_free(&d);
    CHECK(!d, "free nulls the pointer");
}

int main(void)
{
    test_spec_example();
    test_defaults_and_overrides();
    test_schema_errors();
    test_directive_errors();
    test_headings_and_paths();
    test_camera_wander_errors();
    test_many_errors();
    test_limits();
    test_hostile();
    test_ydoc();
    return CHECK_DONE();
}
