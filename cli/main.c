/*
 * main.c - the oyster command: a git-style table of subcommands, each
 * with its option groups and a run function in cmd_<name>.c. Only the
 * options before any command (--help, --version) are handled here.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const cli_group *const render_groups[] = {
    &cli_group_render, &cli_group_chunk, &cli_group_media_out, &cli_group_camera_out, &cli_group_editorial, &cli_group_shot, &cli_group_run, &cli_group_messages, NULL };
static const cli_group *const still_groups[] = {
    &cli_group_still, &cli_group_shot, &cli_group_run, &cli_group_messages, NULL };
static const cli_group *const frames_groups[] = {
    &cli_group_frames, &cli_group_camera_out, &cli_group_shot, &cli_group_run, &cli_group_messages, NULL };
static const cli_group *const map_groups[] = {
    &cli_group_map, &cli_group_messages, NULL };
static const cli_group *const storyboard_groups[] = {
    &cli_group_storyboard, &cli_group_editorial, &cli_group_shot, &cli_group_run, &cli_group_messages, NULL };
static const cli_group *const check_groups[] = {
    &cli_group_shot_list, &cli_group_shot, &cli_group_messages, NULL };
static const cli_group *const concepts_groups[] = { &cli_group_concepts, NULL };
static const cli_group *const diff_groups[] = {
    &cli_group_diff, &cli_group_messages, NULL };
static const cli_group *const camera_groups[] = {
    &cli_group_camera, &cli_group_shot, &cli_group_messages, NULL };
static const cli_group *const export_groups[] = {
    &cli_group_export, &cli_group_messages, NULL };
static const cli_group *const plan_groups[] = {
    &cli_group_plan, &cli_group_chunk, &cli_group_shot, &cli_group_messages, NULL };
static const cli_group *const assemble_groups[] = {
    &cli_group_assemble, &cli_group_media_out, &cli_group_messages, NULL };
static const cli_group *const status_groups[] = { &cli_group_messages, NULL };
static const cli_group *const wander_groups[] = {
    &cli_group_wander, &cli_group_media_out, &cli_group_messages, NULL };
static const cli_group *const no_groups[] = { NULL };

const cli_command cli_commands[] = {
    { "render", "SHOT -o FILE [options]",
      "render video (with audio) to FILE", render_groups, cli_cmd_render },
    { "check", "SHOT... [--shot-list FILE] [options]",
      "validate shot scripts and print their timelines; write a shot list", check_groups, cli_cmd_check },
    { "still", "SHOT --at TIME -o FILE.png [options]",
      "render one frame as PNG", still_groups, cli_cmd_still },
    { "frames", "SHOT -o PATTERN [--frames A-B] [options]",
      "render frames as numbered PNG files, the render's own pixels", frames_groups, cli_cmd_frames },
    { "map", "SHOT -o FILE.png [--at TIME] [--radius M] [options]",
      "top view of the set with objects and the camera path, as PNG",
      map_groups, cli_cmd_map },
    { "storyboard", "SHOT... -o FILE [--every TIME] [--seeds A-B] [options]",
      "captioned panels at each beat and change: a PNG sheet, HTML page, PDF or MP4 reel",
      storyboard_groups, cli_cmd_storyboard },
    { "diff", "A B [--threshold DB] [--json FILE] [--html DIR] [options]",
      "compare two videos, frame-hash files or folders, frame by frame",
      diff_groups, cli_cmd_diff },
    { "camera", "SHOT -o FILE [options]",
      "the camera and lens on every frame, without rendering: JSON, glTF, USD or chan",
      camera_groups, cli_cmd_camera },
    { "export", "SHOT --at TIME -o FILE [--radius M] [options]",
      "the world around the camera as geometry: glTF meshes, PLY points or OBJ",
      export_groups, cli_cmd_export },
    { "plan", "SHOT... (--chunks N | --chunk-frames F) --engine E -o DIR [options]",
      "a farm job that renders shots in chunks: slurm, parallel, k8s, openjd or make",
      plan_groups, cli_cmd_plan },
    { "assemble", "DIR -o FILE [options]",
      "encode the chunks of a shot in DIR into FILE: the bytes of a one-machine render",
      assemble_groups, cli_cmd_assemble },
    { "status", "DIR",
      "the chunks of a shot in DIR: done, running, failed and missing",
      status_groups, cli_cmd_status },
    { "wander", "SHOT [-o FILE] [--record FILE] [options]",
      "walk a wander shot live with the keyboard, streaming to stdout (| ffplay -)",
      wander_groups, cli_cmd_wander },
    { "concepts", "[WORD...] [--prompt TEXT]",
      "list the vocabulary the model understands, what each WORD does, or how TEXT is read",
      concepts_groups, cli_cmd_concepts },
    { "help", "[COMMAND | sounds]",
      "list the commands, or show one command's options", no_groups, cli_cmd_help },
    { NULL, NULL, NULL, NULL, NULL }
};

const cli_command *cli_command_find(const char *name)
{
    for (const cli_command *cmd = cli_commands; cmd->name; cmd++)
        if (!strcmp(cmd->name, name))
            return cmd;
    return NULL;
}

int cli_command_unknown(const char *name)
{
    const char *names[32], *near;
    char hint[96];
    int n = 0;

    for (const cli_command *cmd = cli_commands; cmd->name && n < 32; cmd++)
        names[n++] = cmd->name;
    near = cli_nearest(name, names, n);
    if (near)
        snprintf(hint, sizeof(hint), "did you mean '%s'?", near);
    cli_error(NULL, near ? hint : "see 'oyster help'", "'%s' is not an oyster command", name);
    return CLI_EXIT_INPUT;
}

static int global_option(const char *arg)
{
    for (const cli_option *o = cli_group_global.options; o->id; o++) {
        int match = (arg[1] == '-' && !strcmp(arg + 2, o->name)) ||
                    (o->short_name && arg[1] == o->short_name && !arg[2]);
        if (!match)
            continue;
        if (o->id == OPT_VERSION)
            printf("oyster %s\nvector instructions: %s (this CPU: up to %s)\n", OYSTER_VERSION,
                   oyster_cpu_in_use(), oyster_cpu_best());
        else
            cli_help_overview(stdout);
        return CLI_EXIT_OK;
    }
    cli_error(NULL, "see 'oyster --help'", "unknown option '%s'", arg);
    return CLI_EXIT_INPUT;
}

int main(int argc, char **argv)
{
    const cli_command *cmd;

    cli_signals_init();
    if (argc < 2) {
        cli_help_overview(stderr);
        return CLI_EXIT_INPUT;
    }
    if (argv[1][0] == '-' && argv[1][1])
        return global_option(argv[1]);
    cmd = cli_command_find(argv[1]);
    if (!cmd)
        return cli_command_unknown(argv[1]);
    char msg[128];
    if (oyster_cpu_check(msg, sizeof msg)) {
        cli_error(NULL, "unset it for the widest this CPU runs; every level renders the same bytes", "%s", msg);
        return CLI_EXIT_INPUT;
    }
    return cmd->run(cmd, argc - 1, argv + 1);
}
