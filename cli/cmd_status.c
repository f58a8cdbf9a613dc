/*
 * cmd_status.c - `oyster status DIR`: how far the chunks of a shot are
 * (oyster(1), CHUNKS). A line per chunk that is not done, then a summary;
 * exit 0 when every chunk is done, 1 when some are not (like diff's "the
 * inputs differ": a state, not an error), 2 when DIR holds no chunks.
 */
#include <stdio.h>

#include "options.h"

static void print_line(void *opaque, const char *line)
{
    (void)opaque;
    printf("%s\n", line);
}

int cli_cmd_status(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    cli_log log = { 0 };
    oyster_status st;
    int ret = cli_start(cmd, argc, argv, &a, &log, "folder of chunks", 1);

    if (ret != CLI_CONTINUE)
        return ret;
    if ((ret = oyster_chunk_status(a.pos[0], a.quiet ? NULL : print_line, NULL, &st,
                                   cli_log_diag, &log)) < 0)
        return cli_fail(&log, ret, a.pos[0]);
    printf("%lld of %lld chunks done, %lld running, %lld failed, %lld missing; "
           "%lld of %lld frames",
           (long long)st.count[OYSTER_CHUNK_DONE], (long long)st.chunks,
           (long long)st.count[OYSTER_CHUNK_RUNNING], (long long)st.count[OYSTER_CHUNK_FAILED],
           (long long)st.count[OYSTER_CHUNK_MISSING], (long long)st.frames_done, (long long)st.frames);
    if (st.span_s > 0 && st.render_s > 0)
        printf("; %.2f fps (%.2f per chunk at work)", st.frames_done / st.span_s,
               st.frames_done / st.render_s);
    printf("\n");
    return st.count[OYSTER_CHUNK_DONE] == st.chunks ? CLI_EXIT_OK : 1;
}
