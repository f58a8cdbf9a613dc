/*
 * cmd_export.c - `oyster export SHOT --at TIME -o FILE [--radius M]`: the
 * world around the camera at TIME as geometry in the camera files'
 * coordinates: terrain, water, objects and trees as glTF meshes (.glb),
 * a coloured point cloud (.ply) or OBJ with its .mtl.
 */
#include "options.h"

int cli_cmd_export(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    oyster_shot *shot = NULL;
    oyster_export_opts o = { 0 };
    int rc = cli_shot_start(cmd, argc, argv, &a, &log, &shot);

    if (rc != CLI_CONTINUE)
        return rc;
    rc = CLI_EXIT_INPUT;
    if (cli_shot_at(cmd, shot, a.at, &o.t) < 0)
        goto done;
    o.out = a.out;
    o.radius = a.radius;
    o.force = a.force;
    rc = cli_wrote(&log, oyster_export(shot, &o), a.out);
done:
    oyster_shot_free(&shot);
    return rc;
}
