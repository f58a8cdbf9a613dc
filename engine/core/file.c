/*
 * file.c - the check every input file passes before it is opened: it must
 * be a regular file. A FIFO would block the open, or the first read,
 * forever; a device or a socket is never a shot, an image or a state.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "core.h"

static const char *kind_of(mode_t m)
{
    return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket"
         : S_ISCHR(m) || S_ISBLK(m) ? "a device" : "not a plain file";
}

int oy_input_file(oy_log *log, const char *what, const char *path)
{
    struct stat st;

    if (stat(path, &st) != 0) {
        oy_error(log, "cannot read %s'%s': %s", what, path, strerror(errno));
        return OYSTER_E_INPUT;
    }
    if (!S_ISREG(st.st_mode)) {
        oy_diag(log, OYSTER_ERROR, NULL, 0, 0, "name a regular file",
                "cannot read %s'%s': it is %s", what, path, kind_of(st.st_mode));
        return OYSTER_E_INPUT;
    }
    return 0;
}
