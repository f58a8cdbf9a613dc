/*
 * cmd_map.c - `oyster map SHOT -o FILE.png`: the set from above with the
 * camera path and a frustum at every key, the floor plan shots are framed
 * from (oyster(1), map).
 */
#include "options.h"

int cli_cmd_map(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    oyster_shot *shot = NULL;
    oyster_map_opts o = { 0 };
    int rc = cli_shot_start(cmd, argc, argv, &a, &log, &shot);

    if (rc != CLI_CONTINUE)
        return rc;
    rc = CLI_EXIT_INPUT;
    if (a.at && cli_shot_at(cmd, shot, a.at, &o.t) < 0)
        goto done;
    o.out = a.out;
    o.radius = a.radius;
    o.size = a.map_size;
    o.threads = a.threads;
    o.force = a.force;
    rc = cli_wrote(&log, oyster_map(shot, &o), a.out);
done:
    oyster_shot_free(&shot);
    return rc;
}
