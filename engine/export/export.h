/*
 * export.h - writers that take a shot into other tools (oyster(1) EXPORT FILES,
 * man oyster(1) "Taking a shot into other tools"): the camera per frame
 * (JSON, glTF, USD, chan), the shared glTF 2.0 container, and the JSON
 * string helpers. Pure writers over plain data: engine/api/ gathers the
 * data from a shot.
 *
 * Exchange coordinates. oyster's world is x east, y up, z north, and a
 * camera at yaw 0 looks along +z: a left-handed frame. glTF, USD, chan and
 * Blender are right-handed with a camera looking down its own -z, so every
 * export writes a point (x, y, z) as (x, y, -z), in metres. A camera at
 * yaw 0, pitch 0, roll 0 then has the identity rotation.
 */
#ifndef OY_EXPORT_H
#define OY_EXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- JSON text ---- */

/* s as a JSON string with quotes; NULL as null. */
void oy_json_str(FILE *f, const char *s);
/* v with fmt, or null when it is not finite. */
void oy_json_num(FILE *f, double v, const char *fmt);

/* ---- the camera track ---- */

typedef struct oy_cam_frame {
    int64_t frame;             /* on the shot's timeline, from 0 */
    double t;                  /* seconds */
    char timecode[16];         /* HH:MM:SS:FF, output.timecode_start added */
    double pos[3];             /* oyster's coordinates (absolute height) */
    double yaw, pitch, roll;   /* degrees, as the shot script gives them */
    double xpos[3];            /* exchange coordinates: (x, y, -z) */
    double quat[4];            /* exchange rotation x, y, z, w (unit) */
    double euler_zxy[3];       /* exchange rotation in degrees about x, y, z,
                                  applied z first, then x, then y */
    double focal_mm;
    double focus_m;            /* to the look_at target, else to the ground
                                  or water at the centre of the frame;
                                  OY_FOCUS_FAR when the centre is sky */
} oy_cam_frame;

#define OY_FOCUS_FAR 10000.0

typedef struct oy_cam_track {
    const char *title;         /* may be "" */
    const char *script;        /* the shot script's path as given */
    uint64_t seed;
    int fps_num, fps_den;
    int width, height;         /* the shot's picture, pixels */
    int64_t timecode_start;    /* frames */
    char timecode_first[16];
    double sensor_w, sensor_h; /* mm, the script's camera.sensor */
    double gate_h;             /* mm: the sensor's height the picture uses;
                                  the picture fits the sensor's width, so
                                  sensor_w * height / width */
    int64_t n;
    oy_cam_frame *f;
} oy_cam_track;

/* Fill the exchange fields (xpos, quat, euler_zxy) of f from pos and the
 * camera's orthonormal basis in oyster's coordinates. */
void oy_cam_exchange(oy_cam_frame *f, const float fwd[3], const float right[3],
                     const float up[3]);

enum oy_cam_format { OY_CAM_JSON, OY_CAM_GLB, OY_CAM_GLTF, OY_CAM_USDA, OY_CAM_CHAN };
/* The format path's extension asks for, or -1. */
int oy_cam_format_of(const char *path);
/* Write the track in format fmt to f. */
int oy_cam_write(const oy_cam_track *c, int fmt, FILE *f);

/* ---- glTF 2.0 ---- */

enum { OY_GLTF_UBYTE = 5121, OY_GLTF_USHORT = 5123, OY_GLTF_UINT = 5125,
       OY_GLTF_FLOAT = 5126 };
enum { OY_GLTF_VERTICES = 34962, OY_GLTF_INDICES = 34963 };

typedef struct oy_gltf oy_gltf;

int oy_gltf_new(oy_gltf **out);
void oy_gltf_free(oy_gltf **g);
/* Append count elements of type ("SCALAR", "VEC3", "VEC4") made of comp
 * components (OY_GLTF_*) as a new bufferView and accessor; target is 0,
 * OY_GLTF_VERTICES or OY_GLTF_INDICES; normalized for colours in bytes.
 * Float accessors get their min and max. Returns the accessor's index or
 * a negative error. */
int oy_gltf_accessor(oy_gltf *g, const void *data, size_t count, int comp,
                     const char *type, int target, int normalized);
/* Write the document: members are the caller's top-level JSON members,
 * comma-separated, without braces ("\"scene\":0,\"scenes\":[...],..."),
 * to which asset, buffers, bufferViews and accessors are added. binary:
 * a GLB file; else a .gltf with the buffer embedded as a base64 data URI. */
int oy_gltf_write(const oy_gltf *g, const char *members, int binary, FILE *f);

#endif
