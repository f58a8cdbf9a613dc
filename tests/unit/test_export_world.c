/*
 * test_export_world.c - the glTF container (a triangle as GLB and .gltf:
 * header, chunk lengths and alignment, min/max, little-endian bytes), and
 * `oyster export` of a lake with a cabin among pines: GLB structure, the
 * same bytes twice, PLY points as its header counts them, OBJ faces in
 * range and facing out, terrain vertices on the ground at the detail the
 * renderer gives it there, the far forest's canopy over the ground where
 * the near trees give way to it, the widest radius, and the refusals
 * (radius, time, format, an existing file).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "export/export.h"
#include "api/shot.h"
#include "render/render_impl.h"

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* the bytes f holds, NUL-terminated; *n their count */
static uint8_t *slurp(FILE *f, size_t *n)
{
    long len;
    uint8_t *b;
    fflush(f);
    len = ftell(f);
    if (len < 0 || !(b = malloc((size_t)len + 1)))
        return NULL;
    rewind(f);
    *n = fread(b, 1, (size_t)len, f);
    b[*n] = 0;
    return b;
}

static void gltf_triangle(void)
{
    static const float pos[9] = { 0, 0, 0, 1, 0, -0.5f, 0, 2.25f, 0 };
    static const uint8_t col[12] = { 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255 };
    static const uint16_t idx[3] = { 0, 1, 2 };
    const char *members = "\"scene\":0,\"scenes\":[{\"nodes\":[0]}],\"nodes\":[{\"mesh\":0}],"
        "\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":1,\"COLOR_0\":2},\"indices\":0}]}]";
    oy_gltf *g = NULL;
    size_t n = 0;
    uint8_t *b = NULL;

    CHECK_GROUP("gltf");
    CHECK(oy_gltf_new(&g) == 0, "new");
    if (!g)
        return;
    int a0 = oy_gltf_accessor(g, idx, 3, OY_GLTF_USHORT, "SCALAR", OY_GLTF_INDICES, 0);
    int a1 = oy_gltf_accessor(g, pos, 3, OY_GLTF_FLOAT, "VEC3", OY_GLTF_VERTICES, 0);
    int a2 = oy_gltf_accessor(g, col, 3, OY_GLTF_UBYTE, "VEC4", OY_GLTF_VERTICES, 1);
    CHECK(a0 == 0 && a1 == 1 && a2 == 2, "accessors numbered in order (%d %d %d)", a0, a1, a2);
    CHECK(oy_gltf_accessor(g, pos, 0, OY_GLTF_FLOAT, "VEC3", 0, 0) < 0, "an empty accessor is refused");
    CHECK(oy_gltf_accessor(g, pos, 3, OY_GLTF_FLOAT, "VEC7", 0, 0) < 0, "an unknown type is refused");

    FILE *f = tmpfile();
    if (f && oy_gltf_write(g, members, 1, f) == 0)
        b = slurp(f, &n);
    if (f)
        fclose(f);
    CHECK(b && n >= 28 && !memcmp(b, "glTF", 4) && le32(b + 4) == 2 && le32(b + 8) == n,
          "GLB header: magic, version 2, total length %zu", n);
    if (b && n >= 28) {
        uint32_t jl = le32(b + 12), bl;
        CHECK(jl % 4 == 0 && !memcmp(b + 16, "JSON", 4) && 20 + jl + 8 <= n, "JSON chunk of %u bytes, aligned", jl);
        char *json = (char *)b + 20;
        bl = 20 + jl + 8 <= n ? le32(b + 20 + jl) : 0;
        CHECK(bl % 4 == 0 && !memcmp(b + 24 + jl, "BIN\0", 4) && 28 + jl + bl == n,
              "BIN chunk of %u bytes closes the file", bl);
        /* views at 0 (6 bytes), 8 (36), 44 (12): 56 in all */
        CHECK(bl == 56, "buffer: views aligned to 4 bytes (%u bytes)", bl);
        const uint8_t *bin = b + 28 + jl;
        CHECK(bin[0] == 0 && bin[1] == 0 && bin[2] == 1 && bin[3] == 0 && bin[6] == 0 && bin[7] == 0,
              "indices little-endian, padding zero");
        CHECK(le32(bin + 8 + 12) == 0x3f800000u && bin[44] == 255 && bin[55] == 255,
              "floats and colours in place");
        CHECK(json[jl - 1] == ' ' || json[jl - 1] == '}', "JSON padded with spaces");
        CHECK(strstr(json, "\"asset\":{\"version\":\"2.0\",\"generator\":\"oyster ") == json + 1,
              "asset first, with the generator");
        CHECK(strstr(json, "\"min\":[0,0,-0.5],\"max\":[1,2.25,0]") != NULL, "POSITION has min and max");
        CHECK(strstr(json, "\"byteOffset\":8,\"byteLength\":36,\"target\":34962") != NULL,
              "vertex view offset, length and target");
        CHECK(strstr(json, "\"componentType\":5121,\"count\":3,\"type\":\"VEC4\",\"normalized\":true}") != NULL,
              "colours normalized, without min/max");
        CHECK(strstr(json, "\"scene\":0,\"scenes\"") != NULL && !strstr(json, "\"uri\""),
              "the caller's members, no URI in GLB");
    }
    free(b);
    b = NULL;

    f = tmpfile();
    if (f && oy_gltf_write(g, members, 0, f) == 0)
        b = slurp(f, &n);
    if (f)
        fclose(f);
    CHECK(b && b[0] == '{' && b[n - 1] == '}' &&
          strstr((char *)b, "\"byteLength\":56,\"uri\":\"data:application/octet-stream;base64,AAABAAIAAAAAAAAA"),
          ".gltf embeds the buffer as base64");
    free(b);
    oy_gltf_free(&g);
    oy_gltf_free(&g);
    CHECK(g == NULL, "free nulls the pointer and accepts NULL");
}

static long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) ? -1 : (long)sb.st_size;
}

static uint8_t *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    uint8_t *b = NULL;
    if (f) {
        fseek(f, 0, SEEK_END);
        b = slurp(f, n);
        fclose(f);
    }
    return b;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int export_to(oyster_shot *shot, const char *out, double t, double radius, int force)
{
    oyster_export_opts o = { out, t, radius, force };
    return oyster_export(shot, &o);
}

static void check_glb(const char *path)
{
    size_t n = 0;
    uint8_t *b = read_all(path, &n);
    CHECK(b && n > 28 && !memcmp(b, "glTF", 4) && le32(b + 4) == 2 && le32(b + 8) == n,
          "GLB header (%zu bytes)", n);
    if (b && n > 28) {
        uint32_t jl = le32(b + 12), bl = 20 + jl + 8 <= n ? le32(b + 20 + jl) : 0;
        CHECK(!memcmp(b + 16, "JSON", 4) && jl % 4 == 0 && 28 + jl + bl == n && !memcmp(b + 24 + jl, "BIN\0", 4),
              "GLB chunks: JSON %u and BIN %u bytes fill the file", jl, bl);
        char *json = (char *)b + 20, *bytes = NULL;
        char save = json[jl];
        json[jl] = 0;
        CHECK(strstr(json, "\"name\":\"terrain\"") && strstr(json, "\"name\":\"water\"") &&
              strstr(json, "\"name\":\"canopy\"") && strstr(json, "\"name\":\"objects\"") &&
              strstr(json, "\"name\":\"trees\""),
              "nodes for the terrain, the water, the canopy, the objects and the trees");
        CHECK(strstr(json, "\"COLOR_0\"") && strstr(json, "\"metallicFactor\":0,\"roughnessFactor\":1"),
              "vertex colours under a rough white material");
        const char *key = "\"buffers\":[{\"byteLength\":";
        bytes = strstr(json, key);
        CHECK(bytes && strtoul(bytes + strlen(key), NULL, 10) == bl, "the buffer is the BIN chunk");
        json[jl] = save;
    }
    free(b);
}

/* vertex count of a PLY; 0 when the file is not one the header fits */
static long check_ply(const char *path)
{
    size_t n = 0;
    uint8_t *b = read_all(path, &n);
    char *end = b ? strstr((char *)b, "end_header\n") : NULL, *ev = b ? strstr((char *)b, "element vertex ") : NULL;
    long count = ev ? strtol(ev + 15, NULL, 10) : 0;
    size_t head = end ? (size_t)(end - (char *)b) + 11 : 0;
    int ok = end && !strncmp((char *)b, "ply\nformat binary_little_endian 1.0\n", 36) && count > 0 &&
             head + (size_t)count * 15 == n;
    CHECK(ok, "PLY: %ld points, 15 bytes each after the header (%zu bytes)", count, n);
    free(b);
    return ok ? count : 0;
}

enum { O_TERRAIN, O_WATER, O_CANOPY, O_OBJECTS, O_TREES, O_COUNT };

typedef struct obj_stats {
    long nv, nf, bad_index, down_terrain, on_ground, ground_checked, mtl_uses;
    long canopy_near, canopy_far;  /* crowns raised within 50 m; past the near trees' 150 m */
    long faces[O_COUNT];
    double volume[O_COUNT];        /* signed volume of each object's faces */
} obj_stats;

/* the ground as the renderer sees it from the camera of a frame */
typedef struct ground_at {
    const oy_world *w;
    oy_world_shape sh;
    double cx, cz;
    float range0;
} ground_at;

static float ground(const ground_at *g, float x, float z, float *t)
{
    *t = (float)hypot(x - g->cx, z - g->cz);
    return oy_level_ground(g->w, &g->sh, g->range0, *t, x, z, NULL);
}

static void read_obj(const char *path, const ground_at *gr, obj_stats *s)
{
    FILE *f = fopen(path, "r");
    char line[256];
    float (*v)[3] = NULL;
    size_t cap = 0;
    int obj = -1;
    static const char *const names[O_COUNT] = { "terrain", "water", "canopy", "objects", "trees" };
    memset(s, 0, sizeof *s);
    while (f && fgets(line, sizeof line, f)) {
        if (!strncmp(line, "o ", 2)) {
            for (int i = 0; i < O_COUNT; i++)
                if (!strncmp(line + 2, names[i], strlen(names[i])))
                    obj = i;
        } else if (!strncmp(line, "v ", 2)) {
            if ((size_t)s->nv >= cap) {
                cap = cap ? 2 * cap : 4096;
                v = realloc(v, cap * sizeof *v);
            }
            float *p = v[s->nv++], t;
            sscanf(line + 2, "%f %f %f", &p[0], &p[1], &p[2]);
            if (obj == O_TERRAIN && s->nv % 997 == 1) {
                s->ground_checked++;
                s->on_ground += ground(gr, p[0], -p[2], &t) == p[1];
            } else if (obj == O_CANOPY && p[1] > ground(gr, p[0], -p[2], &t) + 0.39f) {
                s->canopy_near += t < 50.0f;
                s->canopy_far += t > 150.0f;
            }
        } else if (!strncmp(line, "usemtl ", 7)) {
            s->mtl_uses++;
        } else if (!strncmp(line, "f ", 2)) {
            long a, b, c;
            s->nf++;
            if (obj >= 0)
                s->faces[obj]++;
            if (sscanf(line + 2, "%ld %ld %ld", &a, &b, &c) != 3 || a < 1 || b < 1 || c < 1 ||
                a > s->nv || b > s->nv || c > s->nv) {
                s->bad_index++;
                continue;
            }
            const float *p = v[a - 1], *q = v[b - 1], *r = v[c - 1];
            double u[3], w[3];
            for (int i = 0; i < 3; i++) {
                u[i] = (double)q[i] - p[i];
                w[i] = (double)r[i] - p[i];
            }
            double ny = u[2] * w[0] - u[0] * w[2];
            if (obj == O_TERRAIN && ny <= 0.0)
                s->down_terrain++;
            /* p . (q x r) / 6, relative to the first vertex of the file */
            double a0[3], b0[3], c0[3];
            for (int i = 0; i < 3; i++) {
                a0[i] = (double)p[i] - v[0][i];
                b0[i] = (double)q[i] - v[0][i];
                c0[i] = (double)r[i] - v[0][i];
            }
            if (obj >= 0)
                s->volume[obj] += (a0[0] * (b0[1] * c0[2] - b0[2] * c0[1]) + a0[1] * (b0[2] * c0[0] - b0[0] * c0[2]) +
                                   a0[2] * (b0[0] * c0[1] - b0[1] * c0[0])) / 6.0;
        }
    }
    if (f)
        fclose(f);
    free(v);
}

static void world_export(void)
{
    const char *script = "examples/lake-blue-hour.yaml";
    oyster_shot *shot = NULL;
    char dir[] = "/tmp/oyster-export-XXXXXX", glb[128], glb2[128], ply[128], obj[128], mtl[128], bad[128];
    oyster_info info;

    CHECK_GROUP("export");
    if (!mkdtemp(dir) || oyster_shot_open(&shot, script, NULL, NULL, NULL) < 0) {
        CHECK(0, "open '%s' and a temporary folder", script);
        return;
    }
    oyster_shot_get_info(shot, &info);
    snprintf(glb, sizeof glb, "%s/world.glb", dir);
    snprintf(glb2, sizeof glb2, "%s/again.glb", dir);
    snprintf(ply, sizeof ply, "%s/world.ply", dir);
    snprintf(obj, sizeof obj, "%s/world.obj", dir);
    snprintf(mtl, sizeof mtl, "%s/world.mtl", dir);
    snprintf(bad, sizeof bad, "%s/bad.glb", dir);
    double t = 5.0, t0 = now_s();
    int err = export_to(shot, glb, t, 0, 0);
    double took = now_s() - t0;
    CHECK(err == 0 && file_size(glb) > 1000, "default radius to .glb: %ld bytes in %.2f s", file_size(glb), took);
    check_glb(glb);
    {
        size_t n1 = 0, n2 = 0;
        oyster_export_opts o = { glb2, t, 0, 0 };
        uint8_t *a = read_all(glb, &n1), *b = NULL;
        if (oyster_export(shot, &o) == 0)
            b = read_all(glb2, &n2);
        CHECK(a && b && n1 == n2 && !memcmp(a, b, n1), "the same bytes again");
        free(a);
        free(b);
    }
    CHECK(export_to(shot, glb, t, 0, 0) == OYSTER_E_EXISTS, "an existing file is refused without force");
    CHECK(export_to(shot, glb, t, 0, 1) == 0, "and replaced with force");

    t0 = now_s();
    err = export_to(shot, ply, t, 0, 0);
    took = now_s() - t0;
    CHECK(err == 0, ".ply in %.2f s", took);
    long points = check_ply(ply);

    t0 = now_s();
    err = export_to(shot, obj, t, 0, 0);
    took = now_s() - t0;
    CHECK(err == 0 && file_size(mtl) > 0, ".obj (%ld bytes) and .mtl (%ld bytes) in %.2f s", file_size(obj),
          file_size(mtl), took);
    oy_state st;
    oy_view view;
    oy_shot_eval(shot, (double)oyster_shot_frame_at(shot, t) * info.fps_den / info.fps_num, &st, shot->ents, &view);
    ground_at gr = { .w = shot->world, .cx = view.pos[0], .cz = view.pos[2],
                     .range0 = oy_level_range0(view.tan_half_fov_x, info.width, info.draft) };
    oy_world_shape_init(&gr.sh, shot->world, &st);
    obj_stats s;
    read_obj(obj, &gr, &s);
    CHECK(s.nv > 1000 && s.nf > 1000 && !s.bad_index, "OBJ: %ld vertices, %ld faces (terrain %ld, water %ld, "
          "canopy %ld, objects %ld, trees %ld), every index in range", s.nv, s.nf, s.faces[O_TERRAIN],
          s.faces[O_WATER], s.faces[O_CANOPY], s.faces[O_OBJECTS], s.faces[O_TREES]);
    CHECK(s.faces[O_TERRAIN] > 0 && s.faces[O_WATER] > 0 && s.faces[O_OBJECTS] > 0 && s.faces[O_TREES] > 0,
          "the lake, the cabin and the pines");
    CHECK(s.nv <= points, "the PLY holds every vertex (%ld <= %ld)", s.nv, points);
    CHECK(s.ground_checked > 10 && s.on_ground == s.ground_checked,
          "terrain vertices on oy_level_ground at (x, -z) seen from the camera: %ld of %ld", s.on_ground,
          s.ground_checked);
    CHECK(!s.down_terrain, "terrain faces turn up, counter-clockwise from above (%ld not)", s.down_terrain);
    CHECK(s.faces[O_CANOPY] > 0 && s.canopy_far > 100 && !s.canopy_near,
          "the forest past the near trees is a canopy over the ground (%ld faces, %ld crowns past 150 m, "
          "%ld within 50 m)", s.faces[O_CANOPY], s.canopy_far, s.canopy_near);
    CHECK(s.volume[O_OBJECTS] > 1.0 && s.volume[O_TREES] > 1.0, "the cabin and the pines are closed solids "
          "facing out (volumes %.0f and %.0f m^3)", s.volume[O_OBJECTS], s.volume[O_TREES]);
    CHECK(s.mtl_uses > 0, "faces by material (%ld usemtl)", s.mtl_uses);
    CHECK(export_to(shot, obj, t, 0, 0) == OYSTER_E_EXISTS, ".obj: an existing file is refused");
    unlink(obj);
    CHECK(export_to(shot, obj, t, 0, 0) == OYSTER_E_EXISTS && file_size(obj) < 0,
          "an existing .mtl too, and the .obj is not written");
    CHECK(export_to(shot, obj, t, 0, 1) == 0 && file_size(obj) > 0, "force replaces both");

    CHECK(export_to(shot, bad, t, 5.0, 0) == OYSTER_E_INPUT && file_size(bad) < 0, "radius 5 m is refused");
    CHECK(export_to(shot, bad, t, 25000.0, 0) == OYSTER_E_INPUT && file_size(bad) < 0, "radius 25 km is refused");
    CHECK(export_to(shot, bad, info.duration + 1.0, 0, 0) == OYSTER_E_INPUT && file_size(bad) < 0,
          "a time past the end is refused");
    CHECK(export_to(shot, bad, -1.0, 0, 0) == OYSTER_E_INPUT, "a negative time is refused");
    snprintf(bad, sizeof bad, "%s/world.stl", dir);
    CHECK(export_to(shot, bad, t, 0, 0) == OYSTER_E_INPUT && file_size(bad) < 0, "an unknown format is refused");
    snprintf(bad, sizeof bad, "%s/small.glb", dir);
    CHECK(export_to(shot, bad, t, 10.0, 0) == 0 && file_size(bad) < file_size(glb), "radius 10 m (%ld bytes)",
          file_size(bad));
    t0 = now_s();
    err = export_to(shot, bad, t, OYSTER_EXPORT_RADIUS_MAX, 1);
    took = now_s() - t0;
    CHECK(err == 0 && file_size(bad) > file_size(glb) && file_size(bad) < 60000000,
          "radius %g m: %ld bytes in %.2f s", OYSTER_EXPORT_RADIUS_MAX, file_size(bad), took);

    const char *files[] = { glb, glb2, ply, obj, mtl, bad };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        unlink(files[i]);
    rmdir(dir);
    oyster_shot_free(&shot);
}

int main(void)
{
    gltf_triangle();
    world_export();
    return CHECK_DONE();
}
