/*
 * otio.c - an edit as OpenTimelineIO JSON: a Timeline.1 whose Stack.1
 * holds one video Track.1 of Clip.2 items, each with an
 * ExternalReference.1 to its media and a Marker.2 per beat. Members come
 * in the order OTIO's own writer gives them, indented by 4 like it.
 *
 * Marker.2 (colour as a name) is what released OTIO (0.17, 0.18) writes;
 * newer OTIO reads it as Marker.3 through its upgrade function. A
 * marker's range is in its clip's media time.
 */
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "export.h"

#define MAX_DEPTH 16

/* A pretty-printing JSON writer: n[d] counts the members written so far
 * at depth d, for the commas. */
typedef struct jw {
    FILE *f;
    int depth;
    int n[MAX_DEPTH];
} jw;

/* A new member (key, or an array item when key is NULL) at this depth. */
static void member(jw *w, const char *key)
{
    fputs(w->n[w->depth]++ ? ",\n" : "\n", w->f);
    fprintf(w->f, "%*s", 4 * w->depth, "");
    if (key) {
        oy_json_str(w->f, key);
        fputs(": ", w->f);
    }
}

static void begin(jw *w, const char *key, char c)
{
    member(w, key);
    fputc(c, w->f);
    w->n[++w->depth] = 0;
}

static void end(jw *w, char c)
{
    if (w->n[w->depth--])
        fprintf(w->f, "\n%*s", 4 * w->depth, "");
    fputc(c, w->f);
}

static void str(jw *w, const char *key, const char *s)
{
    member(w, key);
    oy_json_str(w->f, s);
}

static void lit(jw *w, const char *key, const char *text)
{
    member(w, key);
    fputs(text, w->f);
}

/* A double as OTIO (and Python) print it: the shortest text that reads
 * back as the same value, with ".0" on a whole number. */
static void dbl(jw *w, const char *key, double v)
{
    char buf[40];
    for (int p = 15; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    if (!strpbrk(buf, ".en"))
        strcat(buf, ".0");
    member(w, key);
    fputs(buf, w->f);
}

static void schema(jw *w, const char *name)
{
    str(w, "OTIO_SCHEMA", name);
}

static void rational_time(jw *w, const char *key, const oy_edit *e, int64_t frames)
{
    begin(w, key, '{');
    schema(w, "RationalTime.1");
    dbl(w, "rate", (double)e->fps_num / e->fps_den);
    dbl(w, "value", (double)frames);
    end(w, '}');
}

static void time_range(jw *w, const char *key, const oy_edit *e, int64_t start, int64_t frames)
{
    begin(w, key, '{');
    schema(w, "TimeRange.1");
    rational_time(w, "duration", e, frames);
    rational_time(w, "start_time", e, start);
    end(w, '}');
}

/* The members every Item has, after metadata and name. */
static void item(jw *w, const oy_edit *e, int has_range, int64_t start, int64_t frames)
{
    if (has_range)
        time_range(w, "source_range", e, start, frames);
    else
        lit(w, "source_range", "null");
    begin(w, "effects", '[');
    end(w, ']');
}

static void marker(jw *w, const oy_edit *e, const oy_edit_clip *c, const oy_edit_beat *b)
{
    begin(w, NULL, '{');
    schema(w, "Marker.2");
    begin(w, "metadata", '{');
    end(w, '}');
    str(w, "name", b->title);
    str(w, "color", "YELLOW");
    time_range(w, "marked_range", e, c->media_start + b->frame, 0);
    str(w, "comment", "");
    end(w, '}');
}

static void clip(jw *w, const oy_edit *e, const oy_edit_clip *c)
{
    const char *base = strrchr(c->media, '/');
    char seed[24];

    begin(w, NULL, '{');
    schema(w, "Clip.2");
    begin(w, "metadata", '{');
    begin(w, "oyster", '{');
    str(w, "script", c->script);
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)c->seed);
    lit(w, "seed", seed);
    str(w, "lens", c->lens);
    str(w, "prompt", c->prompt);
    end(w, '}');
    end(w, '}');
    str(w, "name", c->name);
    item(w, e, 1, c->media_start, c->frames);
    begin(w, "markers", '[');
    for (int i = 0; i < c->nbeats; i++)
        marker(w, e, c, &c->beats[i]);
    end(w, ']');
    lit(w, "enabled", "true");
    begin(w, "media_references", '{');
    begin(w, "DEFAULT_MEDIA", '{');
    schema(w, "ExternalReference.1");
    begin(w, "metadata", '{');
    end(w, '}');
    str(w, "name", base ? base + 1 : c->media);
    time_range(w, "available_range", e, 0, c->media_frames);
    lit(w, "available_image_bounds", "null");
    str(w, "target_url", c->url);
    end(w, '}');
    end(w, '}');
    str(w, "active_media_reference_key", "DEFAULT_MEDIA");
    end(w, '}');
}

/* A Stack or a Track: an unnamed-range composition of children. */
static void composition(jw *w, const char *key, const char *schema_name, const char *name)
{
    begin(w, key, '{');
    schema(w, schema_name);
    begin(w, "metadata", '{');
    end(w, '}');
    str(w, "name", name);
    item(w, NULL, 0, 0, 0);
    begin(w, "markers", '[');
    end(w, ']');
    lit(w, "enabled", "true");
    begin(w, "children", '[');
}

int oy_edit_write_otio(const oy_edit *e, FILE *f)
{
    jw w = { f, 0, { 0 } };

    fputc('{', f);
    w.depth = 1;
    schema(&w, "Timeline.1");
    begin(&w, "metadata", '{');
    end(&w, '}');
    str(&w, "name", e->title);
    rational_time(&w, "global_start_time", e, e->timecode_start);
    composition(&w, "tracks", "Stack.1", "tracks");
    composition(&w, NULL, "Track.1", "V1");
    for (int i = 0; i < e->nclips; i++)
        clip(&w, e, &e->clips[i]);
    end(&w, ']');
    str(&w, "kind", "Video");
    end(&w, '}');
    end(&w, ']');
    end(&w, '}');
    fputs("\n}\n", f);
    return 0;
}
