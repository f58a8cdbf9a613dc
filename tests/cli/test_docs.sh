#!/bin/sh
# test_docs.sh - the man pages are lint-clean and name every sound effect,
# install puts binary and man pages under DESTDIR/PREFIX, and every example
# in examples/ validates.
. "$(dirname "$0")/lib.sh"
for m in "$TOP"/man/oyster.1 "$TOP"/man/oyster-shot.5; do
    out=$(groff -man -ww -z "$m" 2>&1)
    [ -f "$m" ] && [ -z "$out" ] && pass "$(basename "$m") is lint-clean" || { fail "$(basename "$m"): $out"; }
done
missing=""
for s in $("$OYSTER" help sounds | tail -n +2 | awk '{print $1}'); do
    grep -qE "^\.BR? $s( |$)" "$TOP/man/oyster-shot.5" || missing="$missing $s"
done
[ -z "$missing" ] && pass "every sound of 'oyster help sounds' is in oyster-shot(5)" \
    || fail "sounds missing from oyster-shot(5):$missing"
missing=""
for k in $(sed -n 's/^    { "\([a-z_]*\)", .*/\1/p' "$TOP/engine/scene/kinds.c" | tr _ ' ' | tr ' ' '~'); do
    grep -qx "\.B $(echo "$k" | tr '~' ' ')" "$TOP/man/oyster-shot.5" || missing="$missing $k"
done
[ -z "$missing" ] && pass "every object kind is described in oyster-shot(5)" \
    || fail "object kinds missing from oyster-shot(5):$missing"
for y in "$EX"/*.yaml; do
    "$OYSTER" check "$y" >"$T/check.out" 2>"$T/check.err" && ! grep -q 'warning' "$T/check.err" \
        && pass "example $(basename "$y") checks without warnings" \
        || { fail "example $(basename "$y")"; sed 's/^/    /' "$T/check.err" | head -5; }
done
make -s -C "$TOP" install DESTDIR="$T/root" PREFIX=/usr B="$(basename "$BUILD")" >/dev/null 2>&1
[ -x "$T/root/usr/bin/oyster" ] && [ -f "$T/root/usr/share/man/man1/oyster.1" ] && [ -f "$T/root/usr/share/man/man5/oyster-shot.5" ] \
    && pass "make install honours DESTDIR and PREFIX" || fail "make install"
finish
