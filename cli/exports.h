/*
 * exports.h - the camera and edit files beside a render, frames or a
 * storyboard (--camera-out, --otio, --edl, --fcpxml).
 */
#ifndef CLI_EXPORTS_H
#define CLI_EXPORTS_H

#include "options.h"

/* Before any work: each requested file has a format oyster writes. Says
 * what is wrong; returns 0 or a negative error (an input error: exit 2). */
int cli_exports_check(const cli_command *cmd, const cli_args *a);

/* With -v: "wrote 'FILE'" for each requested file. */
void cli_exports_wrote(cli_log *log, const cli_args *a);

#endif
