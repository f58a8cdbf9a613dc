/*
 * exports.c - the side files render, frames and storyboard write beside
 * their pictures: the camera (--camera-out) and the edit (--otio, --edl,
 * --fcpxml). Each is checked before any frame is drawn (its format, an
 * existing file without --force); the engine then writes them and
 * commits them together with the pictures.
 */
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "exports.h"

/* by OYSTER_EDIT_* */
static const struct {
    const char *option, *ext, *hint;
} edits[] = {
    [OYSTER_EDIT_OTIO] = { "otio", ".otio", "an OpenTimelineIO file ends in .otio" },
    [OYSTER_EDIT_EDL] = { "edl", ".edl", "an EDL ends in .edl" },
    [OYSTER_EDIT_FCPXML] = { "fcpxml", ".fcpxml", "an FCPXML file ends in .fcpxml" },
};

static const char *edit_path(const cli_args *a, int i)
{
    return i == 0 ? a->otio : i == 1 ? a->edl : a->fcpxml;
}

static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && !strcasecmp(path + n - e, ext);
}

/* An existing file (after symbolic links) is only replaced with --force;
 * a device or a FIFO is written through. */
static int exists(const cli_command *cmd, const cli_args *a, const char *option, const char *path)
{
    struct stat st;

    if (a->force || !strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    cli_error(cmd->name, "use --force to overwrite it", "'--%s': output '%s' exists", option, path);
    return OYSTER_E_EXISTS;
}

int cli_exports_check(const cli_command *cmd, const cli_args *a)
{
    if (a->camera_out) {
        if (!oyster_camera_format_ok(a->camera_out)) {
            cli_error(cmd->name, "use .json, .glb, .gltf, .usda or .chan",
                      "unsupported camera file '%s' for '--camera-out'", a->camera_out);
            return OYSTER_E_INPUT;
        }
        if (exists(cmd, a, "camera-out", a->camera_out) < 0)
            return OYSTER_E_EXISTS;
    }
    for (int i = 0; i < 3; i++) {
        const char *path = edit_path(a, i);
        if (!path)
            continue;
        if (strcmp(path, "-") && !has_ext(path, edits[i].ext)) {
            cli_error(cmd->name, edits[i].hint, "unsupported file '%s' for '--%s'", path,
                      edits[i].option);
            return OYSTER_E_INPUT;
        }
        if (exists(cmd, a, edits[i].option, path) < 0)
            return OYSTER_E_EXISTS;
    }
    return 0;
}

void cli_exports_wrote(cli_log *log, const cli_args *a)
{
    if (a->camera_out)
        cli_info(log, "wrote '%s'", a->camera_out);
    for (int i = 0; i < 3; i++)
        if (edit_path(a, i))
            cli_info(log, "wrote '%s'", edit_path(a, i));
}
