/*
 * cmd_help.c - `oyster help [COMMAND | sounds]`: the command overview, one
 * command's usage and options, the sound effects a shot can name, and
 * (undocumented, for the test that keeps man/oyster.1 in sync) `oyster
 * help --options-list`.
 */
#include <string.h>

#include "options.h"

static void print_line(void *opaque, const char *line)
{
    fprintf(opaque, "%s\n", line);
}

void cli_help_overview(FILE *f)
{
    fprintf(f, "usage: oyster COMMAND [ARGS] [options]\n"
               "       oyster help [COMMAND] | --help | --version\n\n"
               "Render shot scripts into video with synchronized sound, deterministically\n"
               "from a seed.\n\nCommands:\n");
    for (const cli_command *cmd = cli_commands; cmd->name; cmd++)
        fprintf(f, "  %-10s %s\n", cmd->name, cmd->summary);
    cli_options_print_group(&cli_group_global, f);
    fprintf(f, "\nSee 'oyster help COMMAND' for a command's options, 'oyster help sounds' for the\n"
               "sound effects a shot can name, and oyster(1).\n");
}

int cli_cmd_help(const cli_command *self, int argc, char **argv)
{
    const cli_command *cmd;

    if (argc == 2 && !strcmp(argv[1], "--options-list")) {
        cli_options_list(stdout);
        return CLI_EXIT_OK;
    }
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        cli_options_help(self, stdout);
        return CLI_EXIT_OK;
    }
    if (argc > 2) {
        cli_usage_error(self, "too many arguments");
        return CLI_EXIT_INPUT;
    }
    if (argc < 2) {
        cli_help_overview(stdout);
        return CLI_EXIT_OK;
    }
    if (!strcmp(argv[1], "sounds")) {
        fprintf(stdout, "Sound effects for 'sound: NAME' directives (oyster-shot(5), DIRECTIVES):\n");
        oyster_sounds(print_line, stdout);
        return CLI_EXIT_OK;
    }
    cmd = cli_command_find(argv[1]);
    if (!cmd)
        return cli_command_unknown(argv[1]);
    cli_options_help(cmd, stdout);
    return CLI_EXIT_OK;
}
