#!/bin/sh
# test_options.sh - the option tables in cli/options.c, each command's
# --help and man/oyster.1 agree: every option (short name, long name,
# metavariable) is documented, the man page documents nothing the tool
# does not accept, and the man page is lint-clean.
. "$(dirname "$0")/lib.sh"
MAN=$TOP/man/oyster.1

# the tag line of an option in the man page: \fB\-s\fR, \fB\-\-seed\fR \fIN\fR
tag() {   # tag SHORT LONG ARG  (- for none)
    t=""
    [ "$1" = - ] || t="\\fB\\$1\\fR, "
    t="$t\\fB\\-\\-$(printf '%s' "${2#--}" | sed 's/-/\\-/g')\\fR"
    [ "$3" = - ] || t="$t \\fI$(printf '%s' "$3" | sed 's/-/\\-/g')\\fR"
    printf '%s\n' "$t"
}

if "$OYSTER" help --options-list >"$T/list" 2>"$T/err" && [ -s "$T/list" ]; then
    pass "help --options-list lists $(wc -l <"$T/list") options"
else
    fail "help --options-list"; cat "$T/err"
fi

# every option of every command is in the man page and in the command's --help
for cmd in $(cut -d' ' -f1 "$T/list" | uniq); do
    missing=""
    [ "$cmd" = oyster ] && "$OYSTER" --help >"$T/help" || "$OYSTER" "$cmd" --help >"$T/help"
    grep "^$cmd " "$T/list" >"$T/cmd"
    while read -r c short long arg; do
        grep -qxF "$(tag "$short" "$long" "$arg")" "$MAN" || missing="$missing man:$long"
        [ "$cmd" = oyster ] || grep -qE -- " $long( |\$)" "$T/help" || missing="$missing help:$long"
    done <"$T/cmd"
    if [ -z "$missing" ]; then pass "$cmd: $(wc -l <"$T/cmd") options documented"
    else fail "$cmd: not documented:$missing"; fi
done

# nothing in the man page's OPTIONS section that the tool does not accept
while read -r c short long arg; do tag "$short" "$long" "$arg"; done <"$T/list" | sort -u >"$T/tags"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$MAN" | grep '^\\fB\\-' | sort -u >"$T/mantags"
# (as plain text: lib.sh's echo would read the backslashes as escapes)
stale=$(comm -13 "$T/tags" "$T/mantags" | sed 's/\\f[BIR]//g; s/\\-/-/g' | tr '\n' ' ')
if [ -z "$stale" ]; then pass "man page documents only options the tool accepts"
else fail "man page documents unknown options: $stale"; fi

# every command in `oyster help` has an entry in COMMANDS
"$OYSTER" help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p' >"$T/cmds"
missing=""
for cmd in $(cat "$T/cmds"); do
    sed -n '/^\.SH COMMANDS/,/^\.SH /p' "$MAN" | grep -q "^\.B[IR]* \"*$cmd[ \"]" || missing="$missing $cmd"
done
if [ -s "$T/cmds" ] && [ -z "$missing" ]; then pass "$(wc -l <"$T/cmds") commands in COMMANDS"
else fail "commands missing from COMMANDS:$missing"; fi

# the man page names the version the tool reports
v=$("$OYSTER" --version | sed 's/^oyster //')
if grep -q "^\.TH OYSTER 1 .*\"oyster $v\"" "$MAN"; then pass "man page version $v"
else fail "man page .TH does not say oyster $v"; fi

if command -v groff >/dev/null 2>&1; then
    groff -man -ww -z "$MAN" >"$T/lint" 2>&1
    if [ ! -s "$T/lint" ]; then pass "groff -man -ww -z is clean"
    else fail "groff warnings:"; sed 's/^/    /' "$T/lint"; fi
fi
finish
