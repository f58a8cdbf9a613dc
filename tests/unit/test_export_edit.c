/*
 * test_export_edit.c - the editorial exports: a fixed edit of two clips
 * with beats, at 24 fps from two renders and at 24000/1001 from one reel,
 * written as OTIO, EDL and FCPXML and compared byte for byte with the
 * checked files in tests/data/edit/ (so a change of format shows as a
 * diff there); then through the API on an example shot: the beats as
 * markers, the shot list as CSV and Markdown, and the refusals (another
 * extension, an existing file, a missing directory) leaving nothing
 * behind. Run from the repository root.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "export/edit.h"
#include "oyster.h"

#define REF "tests/data/edit/"

static const oy_edit_beat dusk_beats[] = {
    { 48, "Arrival" }, { 96, "The \"strike\" & <flash>" },
};
static const oy_edit_beat night_beats[] = { { 0, "Fire" } };

/* Two renders, each cut whole, at 24 fps from 01:00:00:00. */
static const oy_edit_clip renders[] = {
    { "Dusk", "shots/dusk.yaml", "/work/renders/dusk.mp4", "file:///work/renders/dusk.mp4",
      0, 120, 120, 1, 7, "35mm", "a quiet lake at dusk", dusk_beats, 2 },
    { "Night | camp", "shots/night camp.yaml", "/work/renders/night camp.mp4",
      "file:///work/renders/night%20camp.mp4", 0, 60, 60, 0, UINT64_MAX,
      "28mm \xe2\x86\x92 50mm", NULL, night_beats, 1 },
};
/* The same shots one after another in a storyboard's reel at 23.976. */
static const oy_edit_clip reel[] = {
    { "Dusk", "shots/dusk.yaml", "/work/board/reel.mp4", "file:///work/board/reel.mp4",
      0, 180, 120, 1, 7, "35mm", "a quiet lake at dusk", dusk_beats, 2 },
    { "Night | camp", "shots/night camp.yaml", "/work/board/reel.mp4",
      "file:///work/board/reel.mp4", 120, 180, 60, 1, UINT64_MAX,
      "28mm \xe2\x86\x92 50mm", NULL, night_beats, 1 },
};

static const oy_edit edits[] = {
    { "Dusk / Night | camp", 24, 1, 1280, 720, 86400, renders, 2 },
    { "Reel", 24000, 1001, 1920, 1080, 86400, reel, 2 },
};
static const char *const edit_names[] = { "reference-24", "reference" };

/* The bytes of path (NUL-terminated), or NULL. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *b = NULL;
    long len;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && (b = malloc((size_t)len + 1))) {
        rewind(f);
        *n = fread(b, 1, (size_t)len, f);
        b[*n] = 0;
    }
    fclose(f);
    return b;
}

static int count(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* Write e with fn and compare with the reference file; OYSTER_UPDATE_REF=1
 * in the environment rewrites the reference instead (check the diff). */
static void reference(const oy_edit *e, int (*fn)(const oy_edit *, FILE *), const char *name)
{
    char path[256], *want, *got = NULL;
    size_t nw = 0, ng = 0;
    FILE *f = tmpfile();

    snprintf(path, sizeof path, REF "%s", name);
    CHECK(f && fn(e, f) == 0, "%s: written", name);
    if (!f)
        return;
    fflush(f);
    if (getenv("OYSTER_UPDATE_REF")) {
        FILE *o = fopen(path, "wb");
        char buf[4096];
        size_t k;
        rewind(f);
        while (o && (k = fread(buf, 1, sizeof buf, f)) > 0)
            fwrite(buf, 1, k, o);
        if (o)
            fclose(o);
    }
    if ((ng = (size_t)ftell(f)) > 0 && (got = malloc(ng + 1))) {
        rewind(f);
        ng = fread(got, 1, ng, f);
        got[ng] = 0;
    }
    fclose(f);
    want = slurp(path, &nw);
    CHECK(want && got && nw == ng && !memcmp(want, got, nw), "%s: the same bytes as %s (%zu, %zu)",
          name, path, ng, nw);
    free(want);
    free(got);
}

static void references(void)
{
    static const char *const ext[] = { "otio", "edl", "fcpxml" };
    int (*const fn[])(const oy_edit *, FILE *) = {
        oy_edit_write_otio, oy_edit_write_edl, oy_edit_write_fcpxml };

    CHECK_GROUP("reference");
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 3; k++) {
            char name[64];
            snprintf(name, sizeof name, "%s.%s", edit_names[i], ext[k]);
            reference(&edits[i], fn[k], name);
        }
}

/* Whether dir holds nothing but the names in keep (NULL-ended). */
static int only(const char *dir, const char *const *keep)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int ok = d != NULL;

    while (ok && (de = readdir(d))) {
        int known = de->d_name[0] == '.' && (!de->d_name[1] || !strcmp(de->d_name, ".."));
        for (int i = 0; keep[i] && !known; i++)
            known = !strcmp(de->d_name, keep[i]);
        ok = known;
    }
    if (d)
        closedir(d);
    return ok;
}

static void through_api(void)
{
    char dir[] = "/tmp/oyster-edit.XXXXXX", path[256], *b;
    static const char *const exts[] = { "otio", "edl", "fcpxml" };
    static const char *const kept[] = { "s.otio", "s.edl", "s.fcpxml", "s.csv", "s.md", NULL };
    static const char csv_head[] = "shot,title,duration,frames,lens,camera move,beats,objects,"
                                   "time of day,weather,seed\r\n1,Storm on the beat,12 s,288,28mm,";
    oyster_shot *shot = NULL;
    size_t n;

    CHECK_GROUP("api");
    if (!mkdtemp(dir) ||
        oyster_shot_open(&shot, "examples/storm-on-the-beat.yaml", NULL, NULL, NULL) != 0) {
        CHECK(0, "a scratch directory and the example shot");
        return;
    }
    for (int k = 0; k < 3; k++) {
        oyster_edit_opts o = { path, k, NULL, 0 };
        snprintf(path, sizeof path, "%s/s.%s", dir, exts[k]);
        CHECK(oyster_edit_export(&shot, 1, &o) == 0, "%s written", exts[k]);
        CHECK(oyster_edit_export(&shot, 1, &o) == OYSTER_E_EXISTS, "%s: an existing file is refused", exts[k]);
        o.force = 1;
        CHECK(oyster_edit_export(&shot, 1, &o) == 0, "%s: overwritten with force", exts[k]);
    }
    snprintf(path, sizeof path, "%s/s.otio", dir);
    b = slurp(path, &n);
    CHECK(b && count(b, "\"Marker.2\"") == 2 && strstr(b, "\"name\": \"The storm gathers\"") &&
          strstr(b, "\"name\": \"The strike\"") && count(b, "\"Clip.2\"") == 1 &&
          strstr(b, "\"lens\": \"28mm\"") && strstr(b, "\"seed\": 21,") &&
          strstr(b, "/storm-on-the-beat.mp4\"") && strstr(b, dir) && strstr(b, "\"rate\": 24.0,"),
          "OTIO: one clip, a marker per beat, the lens and seed, the render beside it");
    free(b);
    snprintf(path, sizeof path, "%s/s.edl", dir);
    b = slurp(path, &n);
    CHECK(b && strstr(b, "TITLE: Storm on the beat\n") &&
          strstr(b, "001  AX       V     C        00:00:00:00 00:00:12:00 00:00:00:00 00:00:12:00\n") &&
          strstr(b, "* LOC: 00:00:03:00 YELLOW  The storm gathers\n") &&
          strstr(b, "* LOC: 00:00:06:00 YELLOW  The strike\n"), "EDL: the event and a locator per beat");
    free(b);

    snprintf(path, sizeof path, "%s/s.csv", dir);
    CHECK(oyster_shot_list(&shot, 1, path, 0) == 0, "a CSV shot list");
    b = slurp(path, &n);
    CHECK(b && !strncmp(b, csv_head, strlen(csv_head)) &&
          strstr(b, ",The storm gathers; The strike,") && strstr(b, ",21\r\n"),
          "CSV: the header and the shot's row");
    free(b);
    snprintf(path, sizeof path, "%s/s.md", dir);
    CHECK(oyster_shot_list(&shot, 1, path, 0) == 0, "a Markdown shot list");
    b = slurp(path, &n);
    CHECK(b && !strncmp(b, "| shot | title | duration |", 27) && strstr(b, "\n|---|---|") &&
          strstr(b, "\n| 1 | Storm on the beat | 12 s | 288 | 28mm | "), "Markdown: a table");
    free(b);
    snprintf(path, sizeof path, "%s/s.txt", dir);
    CHECK(oyster_shot_list(&shot, 1, path, 0) == OYSTER_E_INPUT, "another extension is refused");
    CHECK(oyster_shot_list(&shot, 1, "s", 0) == OYSTER_E_INPUT, "no extension is refused");
    snprintf(path, sizeof path, "%s/no/dir/s.csv", dir);
    CHECK(oyster_shot_list(&shot, 1, path, 0) == -ENOENT, "a missing directory: ENOENT");
    {
        oyster_edit_opts o = { path, OYSTER_EDIT_OTIO, NULL, 0 };
        snprintf(path, sizeof path, "%s/no/dir/s.otio", dir);
        CHECK(oyster_edit_export(&shot, 1, &o) == -ENOENT, "an edit in a missing directory: ENOENT");
    }
    CHECK(only(dir, kept), "nothing else left in the directory (no temporaries)");
    for (int i = 0; kept[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, kept[i]);
        unlink(path);
    }
    rmdir(dir);
    oyster_shot_free(&shot);
}

int main(void)
{
    references();
    through_api();
    return CHECK_DONE();
}
