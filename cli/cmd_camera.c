/*
 * cmd_camera.c - `oyster camera SHOT -o FILE`: the camera and lens on
 * every frame of the shot, without rendering, as JSON, glTF (.glb,
 * .gltf), USD (.usda) or channel text (.chan) by FILE's extension; man
 * oyster(1), "CAMERA FILES".
 */
#include "options.h"

int cli_cmd_camera(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    oyster_shot *shot = NULL;
    int rc = cli_shot_start(cmd, argc, argv, &a, &log, &shot);

    if (rc != CLI_CONTINUE)
        return rc;
    rc = cli_wrote(&log, oyster_camera_export(shot, a.out, a.force), a.out);
    oyster_shot_free(&shot);
    return rc;
}
