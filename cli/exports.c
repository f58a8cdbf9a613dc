/*
 * exports.c - the side files render, frames and storyboard write beside
 * their pictures: the camera (--camera-out) and the edit (--otio, --edl,
 * --fcpxml). Their formats are checked before the shot opens; the engine
 * refuses an existing file without --force before any frame is drawn,
 * then writes them and commits them together with the pictures.
 */
#include <string.h>
#include <strings.h>

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

int cli_exports_check(const cli_command *cmd, const cli_args *a)
{
    if (a->camera_out) {
        if (!oyster_camera_format_ok(a->camera_out)) {
            cli_error(cmd->name, "use .json, .glb, .gltf, .usda or .chan",
                      "unsupported camera file '%s' for '--camera-out'", a->camera_out);
            return OYSTER_E_INPUT;
        }
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
