/*
 * cmd_concepts.c - `oyster concepts [WORD...] [--prompt TEXT]`: the
 * vocabulary, what each word does, or how a text is understood word by
 * word. Each word is looked up on its own so that what the engine says
 * about an unknown one (its nearest known word) goes to stderr as an
 * error while the known ones stay on stdout. A prompt's ignored words are
 * part of its explanation, on stdout; they are not an error.
 */
#include <stdlib.h>
#include <string.h>

#include "options.h"

static void print_line(void *opaque, const char *line)
{
    fprintf(opaque, "%s\n", line);
}

static int lookup(const cli_command *cmd, const char *word)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    int unknown;

    if (!f)
        return OYSTER_E_NOMEM;
    unknown = oyster_concepts(&word, 1, print_line, f);
    if (fclose(f) != 0) {
        free(text);
        return OYSTER_E_NOMEM;
    }
    if (unknown <= 0) {
        fputs(text, stdout);
    } else if (!*text) {
        cli_error(cmd->name, NULL, "'%s' is not in the vocabulary", word);
    } else {
        for (char *line = text, *end; *line; line = end + 1) {
            end = line + strcspn(line, "\n");
            *end = 0;
            cli_error(cmd->name, NULL, "%s", line);
        }
    }
    free(text);
    return unknown;
}

int cli_cmd_concepts(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int ret = cli_options_parse(cmd, argc, argv, &a), unknown = 0;

    if (ret == CLI_PARSE_HELP)
        return CLI_EXIT_OK;
    if (ret < 0)
        return CLI_EXIT_INPUT;
    if (a.prompt) {
        ret = oyster_explain(a.prompt, print_line, stdout);
        if (ret < 0) {
            cli_error(cmd->name, NULL, "%s", oyster_strerror(ret));
            return CLI_EXIT_FAILED;
        }
        if (a.npos == 0)
            return CLI_EXIT_OK;
    }
    if (a.npos == 0) {
        ret = oyster_concepts(NULL, 0, print_line, stdout);
        return ret < 0 ? CLI_EXIT_FAILED : CLI_EXIT_OK;
    }
    for (int i = 0; i < a.npos; i++) {
        ret = lookup(cmd, a.pos[i]);
        if (ret < 0) {
            cli_error(cmd->name, NULL, "%s", oyster_strerror(ret));
            return CLI_EXIT_FAILED;
        }
        unknown += ret;
    }
    return unknown ? CLI_EXIT_INPUT : CLI_EXIT_OK;
}
