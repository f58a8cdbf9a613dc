/*
 * camera.c - the camera track in the formats other tools read: oyster's
 * own JSON, a glTF 2.0 camera node with animation (.glb, .gltf), a USD
 * Camera prim with time samples (.usda) and channel text (.chan). Layouts
 * are documented in man oyster(1), "CAMERA FILES".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../oyster.h"
#include "export.h"

#define DEG (180.0 / 3.14159265358979323846)
#define NEAR_M 0.1     /* clipping range written where a format wants one */
#define FAR_M 20000.0

void oy_cam_exchange(oy_cam_frame *f, const float fwd[3], const float right[3], const float up[3])
{
    /* the rotation's columns: the camera's x (right), y (up) and z (back),
     * each in exchange coordinates */
    double m[3][3], tr;
    for (int i = 0; i < 3; i++) {
        double s = i == 2 ? -1.0 : 1.0;
        m[i][0] = s * right[i];
        m[i][1] = s * up[i];
        m[i][2] = -s * fwd[i];
    }
    f->xpos[0] = f->pos[0];
    f->xpos[1] = f->pos[1];
    f->xpos[2] = 0.0 - f->pos[2];   /* never -0 */
    tr = m[0][0] + m[1][1] + m[2][2];
    if (tr > 0.0) {
        double s = 2.0 * sqrt(tr + 1.0);
        f->quat[3] = 0.25 * s;
        f->quat[0] = (m[2][1] - m[1][2]) / s;
        f->quat[1] = (m[0][2] - m[2][0]) / s;
        f->quat[2] = (m[1][0] - m[0][1]) / s;
    } else if (m[0][0] > m[1][1] && m[0][0] > m[2][2]) {
        double s = 2.0 * sqrt(1.0 + m[0][0] - m[1][1] - m[2][2]);
        f->quat[3] = (m[2][1] - m[1][2]) / s;
        f->quat[0] = 0.25 * s;
        f->quat[1] = (m[0][1] + m[1][0]) / s;
        f->quat[2] = (m[0][2] + m[2][0]) / s;
    } else if (m[1][1] > m[2][2]) {
        double s = 2.0 * sqrt(1.0 + m[1][1] - m[0][0] - m[2][2]);
        f->quat[3] = (m[0][2] - m[2][0]) / s;
        f->quat[0] = (m[0][1] + m[1][0]) / s;
        f->quat[1] = 0.25 * s;
        f->quat[2] = (m[1][2] + m[2][1]) / s;
    } else {
        double s = 2.0 * sqrt(1.0 + m[2][2] - m[0][0] - m[1][1]);
        f->quat[3] = (m[1][0] - m[0][1]) / s;
        f->quat[0] = (m[0][2] + m[2][0]) / s;
        f->quat[1] = (m[1][2] + m[2][1]) / s;
        f->quat[2] = 0.25 * s;
    }
    {
        double n = sqrt(f->quat[0] * f->quat[0] + f->quat[1] * f->quat[1] +
                        f->quat[2] * f->quat[2] + f->quat[3] * f->quat[3]);
        double sign = f->quat[3] < 0.0 ? -1.0 : 1.0;   /* one of the two: w >= 0 */
        for (int i = 0; i < 4; i++)
            f->quat[i] *= sign / n;
    }
    /* R = Ry(a) Rx(b) Rz(c): z applied first, then x, then y */
    {
        double sb = -m[1][2];
        sb = sb > 1.0 ? 1.0 : sb < -1.0 ? -1.0 : sb;
        f->euler_zxy[0] = asin(sb) * DEG;
        if (fabs(sb) < 0.9999999) {
            f->euler_zxy[1] = atan2(m[0][2], m[2][2]) * DEG;
            f->euler_zxy[2] = atan2(m[1][0], m[1][1]) * DEG;
        } else {
            f->euler_zxy[1] = atan2(-m[2][0], m[0][0]) * DEG;
            f->euler_zxy[2] = 0.0;
        }
    }
}

int oy_cam_format_of(const char *path)
{
    static const struct { const char *ext; int fmt; } ext[] = {
        { ".json", OY_CAM_JSON }, { ".glb", OY_CAM_GLB }, { ".gltf", OY_CAM_GLTF },
        { ".usda", OY_CAM_USDA }, { ".chan", OY_CAM_CHAN },
    };
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return -1;
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
        if (!strcasecmp(dot, ext[i].ext))
            return ext[i].fmt;
    return -1;
}

static double fps_of(const oy_cam_track *c)
{
    return (double)c->fps_num / c->fps_den;
}

static double fov_deg(double aperture_mm, double focal_mm)
{
    return 2.0 * atan(aperture_mm / (2.0 * focal_mm)) * DEG;
}

static void json_vec(FILE *f, const double *v, int n, const char *fmt)
{
    fputc('[', f);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        oy_json_num(f, v[i], fmt);
    }
    fputc(']', f);
}

static int write_json(const oy_cam_track *c, FILE *f)
{
    fprintf(f, "{\n  \"oyster_camera\": 1,\n  \"generator\": \"oyster %s\",\n  \"title\": ",
            OYSTER_VERSION);
    oy_json_str(f, c->title);
    fputs(",\n  \"script\": ", f);
    oy_json_str(f, c->script);
    fprintf(f, ",\n  \"seed\": %llu,\n  \"frame_rate\": [%d, %d],\n  \"frame_count\": %lld,\n"
               "  \"timecode_start\": \"%s\",\n  \"resolution\": [%d, %d],\n",
            (unsigned long long)c->seed, c->fps_num, c->fps_den, (long long)c->n,
            c->timecode_first, c->width, c->height);
    fprintf(f, "  \"sensor_mm\": [%.4f, %.4f],\n  \"filmback_mm\": [%.4f, %.4f],\n",
            c->sensor_w, c->sensor_h, c->sensor_w, c->gate_h);
    fputs("  \"coordinates\": \"position, yaw, pitch, roll: oyster's (x east, y up, z north; "
          "yaw 0 looks along +z). translation, rotation: metres, y up, right-handed, "
          "(x, y, -z) of oyster's; the camera looks down its own -z, rotation is a "
          "quaternion x, y, z, w\",\n  \"frames\": [", f);
    for (int64_t i = 0; i < c->n; i++) {
        const oy_cam_frame *p = &c->f[i];
        fprintf(f, "%s\n    {\"frame\": %lld, \"time\": ", i ? "," : "", (long long)p->frame);
        oy_json_num(f, p->t, "%.9g");
        fprintf(f, ", \"timecode\": \"%s\", \"position\": ", p->timecode);
        json_vec(f, p->pos, 3, "%.6f");
        fputs(", \"yaw\": ", f);
        oy_json_num(f, p->yaw, "%.6f");
        fputs(", \"pitch\": ", f);
        oy_json_num(f, p->pitch, "%.6f");
        fputs(", \"roll\": ", f);
        oy_json_num(f, p->roll, "%.6f");
        fputs(", \"translation\": ", f);
        json_vec(f, p->xpos, 3, "%.6f");
        fputs(", \"rotation\": ", f);
        json_vec(f, p->quat, 4, "%.9f");
        fputs(", \"focal_length_mm\": ", f);
        oy_json_num(f, p->focal_mm, "%.6g");
        fputs(", \"focus_distance_m\": ", f);
        oy_json_num(f, p->focus_m, "%.3f");
        fputs(", \"horizontal_fov_deg\": ", f);
        oy_json_num(f, fov_deg(c->sensor_w, p->focal_mm), "%.6f");
        fputs(", \"vertical_fov_deg\": ", f);
        oy_json_num(f, fov_deg(c->gate_h, p->focal_mm), "%.6f");
        fputc('}', f);
    }
    fputs("\n  ]\n}\n", f);
    return 0;
}

static int write_chan(const oy_cam_track *c, FILE *f)
{
    for (int64_t i = 0; i < c->n; i++) {
        const oy_cam_frame *p = &c->f[i];
        fprintf(f, "%lld\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\n", (long long)p->frame,
                p->xpos[0], p->xpos[1], p->xpos[2], p->euler_zxy[0], p->euler_zxy[1],
                p->euler_zxy[2], fov_deg(c->gate_h, p->focal_mm));
    }
    return 0;
}

/* USD writes lens and filmback in tenths of a scene unit: with metres,
 * a 35 mm lens is 0.35. */
#define USD_TENTHS(mm) ((mm) / 100.0)

static void usd_samples(FILE *f, const oy_cam_track *c, const char *decl, int what)
{
    fprintf(f, "        %s.timeSamples = {\n", decl);
    for (int64_t i = 0; i < c->n; i++) {
        const oy_cam_frame *p = &c->f[i];
        fprintf(f, "            %lld: ", (long long)p->frame);
        switch (what) {
        case 0: fprintf(f, "%.9g", USD_TENTHS(p->focal_mm)); break;
        case 1: fprintf(f, "%.3f", p->focus_m); break;
        case 2: fprintf(f, "(%.6f, %.6f, %.6f)", p->xpos[0], p->xpos[1], p->xpos[2]); break;
        default:
            fprintf(f, "(%.9f, %.9f, %.9f, %.9f)", p->quat[3], p->quat[0], p->quat[1], p->quat[2]);
        }
        fputs(i + 1 < c->n ? ",\n" : "\n", f);
    }
    fputs("        }\n", f);
}

static void usd_str(FILE *f, const char *s)
{
    /* a USD string is JSON-like: the same escapes */
    oy_json_str(f, s ? s : "");
}

static int write_usda(const oy_cam_track *c, FILE *f)
{
    fprintf(f, "#usda 1.0\n(\n    doc = \"oyster %s camera: ", OYSTER_VERSION);
    for (const char *s = c->title; s && *s; s++)
        fputc(*s == '"' || *s == '\\' || (unsigned char)*s < 0x20 ? ' ' : *s, f);
    fprintf(f, "\"\n    defaultPrim = \"shot\"\n    metersPerUnit = 1\n    upAxis = \"Y\"\n"
               "    startTimeCode = 0\n    endTimeCode = %lld\n"
               "    framesPerSecond = %.9g\n    timeCodesPerSecond = %.9g\n)\n\n",
            (long long)(c->n > 0 ? c->n - 1 : 0), fps_of(c), fps_of(c));
    fputs("def Xform \"shot\" (\n    customData = {\n        string script = ", f);
    usd_str(f, c->script);
    fprintf(f, "\n        string seed = \"%llu\"\n        string timecodeStart = \"%s\"\n    }\n)\n{\n",
            (unsigned long long)c->seed, c->timecode_first);
    fputs("    def Camera \"camera\"\n    {\n", f);
    fprintf(f, "        float2 clippingRange = (%g, %g)\n", NEAR_M, FAR_M);
    usd_samples(f, c, "float focalLength", 0);
    usd_samples(f, c, "float focusDistance", 1);
    fprintf(f, "        float horizontalAperture = %.9g\n", USD_TENTHS(c->sensor_w));
    fprintf(f, "        float verticalAperture = %.9g\n", USD_TENTHS(c->gate_h));
    fputs("        token projection = \"perspective\"\n", f);
    usd_samples(f, c, "double3 xformOp:translate", 2);
    usd_samples(f, c, "quatd xformOp:orient", 3);
    fputs("        uniform token[] xformOpOrder = [\"xformOp:translate\", \"xformOp:orient\"]\n"
          "    }\n}\n", f);
    return 0;
}

/* The glTF camera: one node with a perspective camera whose vertical
 * field of view is the picture's, translation and rotation sampled on
 * every frame (LINEAR; the frames' own values). A zoom animates the
 * field of view through KHR_animation_pointer, which tools that do not
 * know it ignore. The camera's extras carry the first frame's focal
 * length and the filmback, so a tool can set its sensor to match. */
static int write_gltf(const oy_cam_track *c, int binary, FILE *f)
{
    oy_gltf *g = NULL;
    float *buf = NULL;
    size_t n = (size_t)c->n, members_size = 4096;
    char *members = NULL;
    int err, a_time, a_pos, a_rot, a_fov = -1, zoom = 0;
    double aspect = (double)c->width / c->height;

    if (n == 0)
        return OYSTER_E_INPUT;
    for (size_t i = 1; i < n; i++)
        zoom |= c->f[i].focal_mm != c->f[0].focal_mm;
    if ((err = oy_gltf_new(&g)))
        return err;
    err = OYSTER_E_NOMEM;
    if (!(buf = malloc(n * 4 * sizeof *buf)) || !(members = malloc(members_size)))
        goto done;
    for (size_t i = 0; i < n; i++)
        buf[i] = (float)c->f[i].t;
    if ((a_time = oy_gltf_accessor(g, buf, n, OY_GLTF_FLOAT, "SCALAR", 0, 0)) < 0)
        goto fail;
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 3; k++)
            buf[i * 3 + k] = (float)c->f[i].xpos[k];
    if ((a_pos = oy_gltf_accessor(g, buf, n, OY_GLTF_FLOAT, "VEC3", 0, 0)) < 0)
        goto fail;
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 4; k++)
            buf[i * 4 + k] = (float)c->f[i].quat[k];
    if ((a_rot = oy_gltf_accessor(g, buf, n, OY_GLTF_FLOAT, "VEC4", 0, 0)) < 0)
        goto fail;
    if (zoom) {
        for (size_t i = 0; i < n; i++)
            buf[i] = (float)(fov_deg(c->gate_h, c->f[i].focal_mm) / DEG);
        if ((a_fov = oy_gltf_accessor(g, buf, n, OY_GLTF_FLOAT, "SCALAR", 0, 0)) < 0)
            goto fail;
    }
    {
        const oy_cam_frame *p = &c->f[0];
        int len = snprintf(members, members_size,
            "%s\"scene\":0,\"scenes\":[{\"name\":\"shot\",\"nodes\":[0]}],"
            "\"nodes\":[{\"name\":\"camera\",\"camera\":0,"
            "\"translation\":[%.9g,%.9g,%.9g],\"rotation\":[%.9g,%.9g,%.9g,%.9g]}],"
            "\"cameras\":[{\"name\":\"camera\",\"type\":\"perspective\","
            "\"extras\":{\"focal_length_mm\":%.9g,\"sensor_mm\":[%.4f,%.4f],\"filmback_mm\":[%.4f,%.4f],"
            "\"resolution\":[%d,%d],\"frame_rate\":[%d,%d],\"timecode_start\":\"%s\","
            "\"seed\":\"%llu\"},\"perspective\":"
            "{\"aspectRatio\":%.9g,\"yfov\":%.9g,\"znear\":%g,\"zfar\":%g}}],"
            "\"animations\":[{\"name\":\"camera\",\"samplers\":["
            "{\"input\":%d,\"output\":%d,\"interpolation\":\"LINEAR\"},"
            "{\"input\":%d,\"output\":%d,\"interpolation\":\"LINEAR\"}",
            zoom ? "\"extensionsUsed\":[\"KHR_animation_pointer\"]," : "",
            (float)p->xpos[0], (float)p->xpos[1], (float)p->xpos[2], (float)p->quat[0],
            (float)p->quat[1], (float)p->quat[2], (float)p->quat[3], p->focal_mm, c->sensor_w, c->sensor_h,
            c->sensor_w, c->gate_h, c->width, c->height, c->fps_num, c->fps_den, c->timecode_first,
            (unsigned long long)c->seed, aspect, (float)(fov_deg(c->gate_h, p->focal_mm) / DEG),
            NEAR_M, FAR_M, a_time, a_pos, a_time, a_rot);
        if (zoom)
            len += snprintf(members + len, members_size - (size_t)len,
                            ",{\"input\":%d,\"output\":%d,\"interpolation\":\"LINEAR\"}",
                            a_time, a_fov);
        len += snprintf(members + len, members_size - (size_t)len,
                        "],\"channels\":[{\"sampler\":0,\"target\":{\"node\":0,\"path\":\"translation\"}},"
                        "{\"sampler\":1,\"target\":{\"node\":0,\"path\":\"rotation\"}}");
        if (zoom)
            len += snprintf(members + len, members_size - (size_t)len,
                            ",{\"sampler\":2,\"target\":{\"path\":\"pointer\",\"extensions\":"
                            "{\"KHR_animation_pointer\":{\"pointer\":\"/cameras/0/perspective/yfov\"}}}}");
        len += snprintf(members + len, members_size - (size_t)len, "]}]");
        if (len <= 0 || (size_t)len >= members_size) {
            err = OYSTER_E_INTERNAL;
            goto done;
        }
    }
    err = oy_gltf_write(g, members, binary, f);
    goto done;
fail:
    err = OYSTER_E_NOMEM;
done:
    free(members);
    free(buf);
    oy_gltf_free(&g);
    return err;
}

int oy_cam_write(const oy_cam_track *c, int fmt, FILE *f)
{
    switch (fmt) {
    case OY_CAM_JSON: return write_json(c, f);
    case OY_CAM_GLB: return write_gltf(c, 1, f);
    case OY_CAM_GLTF: return write_gltf(c, 0, f);
    case OY_CAM_USDA: return write_usda(c, f);
    case OY_CAM_CHAN: return write_chan(c, f);
    }
    return OYSTER_E_INPUT;
}
