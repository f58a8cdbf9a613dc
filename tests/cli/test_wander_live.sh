#!/bin/sh
# test_wander_live.sh - `oyster wander`, live in a terminal (tmux): w held
# by repeats, a space, an arrow, then q; the terminal's settings come back
# as they were; the video has picture and sound; the recorded script
# checks and renders the very frames of the session (frame hashes); the
# live keys moved the walker; what a directive puts ahead after 0 s stands
# ahead of the live walk (the recording renders the same frames); a
# terminal on standard output and a script
# not in wander mode are refused; Ctrl-C ends with a complete file. Needs
# tmux: without it it says SKIP, and under CI it fails.
. "$(dirname "$0")/lib.sh"

small_shot direct.yaml
shot walk.yaml <<'YAML'
oyster: 1
mode: wander
seed: 21
output: {size: 96x54, fps: 24, duration: 2s}
world: {prompt: "rolling green hills with scattered oaks", time: "10:00"}
wander:
  start: {pos: [0, 0], yaw: 0}
  keys:
    - {at: 0s, hold: [w, shift], for: 0.5s}
directives:
  - {at: 1s, add: campfire, ahead: 6, id: fire}
  - {at: 1.5s, add: boulder, ahead: 3}
YAML
LIVE="--size 64x36 --fps 24"

# ---- what is refused before the terminal is touched
expect_rc 2 "a direct-mode script is refused" "$OYSTER" wander "$T/direct.yaml" -o "$T/d.mkv"
has_line "$T/.err" "is not a wander script" "says the script is not a wander script"
expect_rc 2 "--draft with --final" "$OYSTER" wander "$T/walk.yaml" -o "$T/d.mkv" --draft --final
expect_rc 2 "an unknown video format" "$OYSTER" wander "$T/walk.yaml" -o "$T/d.avi"

if ! command -v tmux >/dev/null 2>&1; then
    if [ -n "${CI:-}" ]; then fail "tmux is not installed (apt-get install tmux)"
    else echo "SKIP $NAME: tmux is not installed (apt-get install tmux)"; fi
    finish
fi
TM="tmux -S $T/tmux.sock"
trap '$TM kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

session() {   # session NAME ARGS...: oyster wander ARGS in a tmux window of its own
    name=$1; shift
    cat >"$T/$name.sh" <<EOF
cd "$T"
stty -g >$name.before
"$OYSTER" wander $* 2>$name.err
echo \$? >$name.rc
stty -g >$name.after
EOF
    $TM new-session -d -s "$name" -x 120 -y 30 "sh $T/$name.sh"
}
wait_for() {   # wait_for FILE REGEX SECONDS: until a line of FILE matches
    i=0
    while [ "$i" -lt $(($3 * 10)) ]; do
        grep -Eq -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
started() {   # started NAME: the session reads keys
    wait_for "$T/$1.err" 'q or Ctrl-C ends' 60 && return 0
    fail "$1: the session did not start"; sed 's/^/    /' "$T/$1.err" 2>/dev/null | head -5
    return 1
}
ended() {   # ended NAME CODE: it exited with CODE, the terminal as it was
    if ! wait_for "$T/$1.rc" '^[0-9]+$' 60; then fail "$1: still running"; return 1; fi
    [ "$(cat "$T/$1.rc")" = "$2" ] && pass "$1: exit $2" \
        || { fail "$1: exit $(cat "$T/$1.rc"), wanted $2"; tr '\r' '\n' <"$T/$1.err" | sed 's/^/    /' | head -8; }
    cmp -s "$T/$1.before" "$T/$1.after" && pass "$1: the terminal's settings are restored (stty -g)" \
        || fail "$1: the terminal was left changed: $(cat "$T/$1.before") -> $(cat "$T/$1.after")"
}
hashes() { grep -v '^#' "$1" | awk -F, '{ print $2 + 0, $6 }'; }

# ---- a walk: w held (a repeat every 0.1 s), a jump, a turn, q
session live walk.yaml $LIVE -o live.mkv --record keys.yaml --frame-hashes live.md5
if started live; then
    for i in 1 2 3 4 5 6 7 8 9 10; do $TM send-keys -t live w; sleep 0.1; done
    $TM send-keys -t live Space; sleep 0.3
    $TM send-keys -t live Left; sleep 0.4
    $TM send-keys -t live q
fi
ended live 0
has_line "$T/live.err" 'sustained' "says the frame rate it sustained"
expect_rc 0 "the recorded script checks" "$OYSTER" check "$T/keys.yaml"
# one line a key: -at:TIMEshold:KEYSfor:TIME or -at:TIMEspress:KEYS
tr -d ' \n' <"$T/keys.yaml" | sed 's/-at:/\n-at:/g' >"$T/keys.flat"
has_line "$T/keys.flat" '^-at:[0-9.e-]+shold:wfor:' "it holds the live w"
has_line "$T/keys.flat" '^-at:[0-9.e-]+spress:space' "it has the jump"
has_line "$T/keys.flat" '^-at:[0-9.e-]+shold:leftfor:' "it has the turn"
has_line "$T/keys.flat" '^-at:0shold:-w-shiftfor:0.5s' "it keeps the script's own key"
[ "$(grep -c 'hold:wfor:' "$T/keys.flat")" = 1 ] && pass "ten reads of w are one hold" \
    || fail "the repeats of w are not one hold: $(grep -c 'hold:wfor:' "$T/keys.flat") holds"
n=$(hashes "$T/live.md5" | wc -l)
v=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 "$T/live.mkv" 2>/dev/null)
a=$(ffprobe -v error -select_streams a -show_entries stream=codec_name -of csv=p=0 "$T/live.mkv" 2>/dev/null)
[ "$n" -gt 24 ] && [ "$v" = "$n" ] && [ "$a" = aac ] && pass "the video plays: $v frames and AAC sound" \
    || fail "the video: $v frames of $n hashed, sound '$a'"

# the recording renders the session's frames; the live keys moved the walker
expect_rc 0 "render the recorded script" "$OYSTER" render "$T/keys.yaml" $LIVE --draft -o "$T/re.mkv" \
    --frame-hashes "$T/re.md5"
hashes "$T/live.md5" >"$T/live.h"; hashes "$T/re.md5" >"$T/re.h"
[ -s "$T/re.h" ] && cmp -s "$T/re.h" "$T/live.h" \
    && pass "the recorded script renders the live frames ($n frame hashes equal)" \
    || { fail "the recorded script renders other frames:"; diff "$T/live.h" "$T/re.h" | head -4 | sed 's/^/    /'; }
expect_rc 0 "render the script alone as long" "$OYSTER" render "$T/walk.yaml" $LIVE --draft --duration "${n}f" \
    --no-audio -o "$T/alone.mkv" --frame-hashes "$T/alone.md5"
[ "$(hashes "$T/alone.md5")" != "$(hashes "$T/live.md5")" ] && pass "the live keys changed the walk" \
    || fail "the session is the script's own walk: the live keys did nothing"

# ---- a terminal on standard output is refused
session tty walk.yaml $LIVE
ended tty 2
has_line "$T/tty.err" 'refusing to write video to a terminal' "says why, with a hint"

# ---- Ctrl-C ends the session cleanly, like q
session cc walk.yaml $LIVE -o cc.mp4 --frame-hashes cc.md5
if started cc; then
    $TM send-keys -t cc w; sleep 0.5
    $TM send-keys -t cc C-c
fi
ended cc 0
n=$(hashes "$T/cc.md5" | wc -l)
v=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 "$T/cc.mp4" 2>/dev/null)
[ "$n" -gt 0 ] && [ "$v" = "$n" ] && [ -z "$(ls -A "$T" | grep -E '\.tmp$|partial')" ] \
    && pass "after Ctrl-C cc.mp4 is complete: $v frames, no temporary or partial file" \
    || fail "after Ctrl-C: $v frames of $n, files: $(ls -A "$T" | tr '\n' ' ')"
finish
