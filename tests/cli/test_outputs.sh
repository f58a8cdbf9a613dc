#!/bin/sh
# test_outputs.sh - every output of a render is written in full or not at
# all, and all of them together: devices, FIFOs and symbolic links are
# written through, never replaced; two outputs with one name are refused;
# a late failure or a name taken during the render leaves nothing new;
# signals (INT, TERM, HUP, QUIT) keep a partial under a free name; a
# closed pipe is an error; temporaries of dead runs are removed.
. "$(dirname "$0")/lib.sh"

small_shot ok.yaml
sed 's/duration: 0.5s/duration: 10m/' "$T/ok.yaml" >"$T/long.yaml"
sed 's/duration: 0.5s/duration: 2s/' "$T/ok.yaml" >"$T/mid.yaml"

no_temps() {   # no_temps DIR DESCRIPTION
    left=$(ls -A "$1" | grep '\.tmp$')
    [ -z "$left" ] && pass "$2: no temporary left" || fail "$2: left $left"
}
# start_long NAME ARGS...: a long render in the background ($pid), back
# once it has drawn a frame
start_long() {
    err=$T/$1.err; shift
    : >"$err"
    "$OYSTER" render "$T/long.yaml" --progress json "$@" 2>"$err" &
    pid=$!
    n=0
    while ! grep -q '"frame":' "$err" && kill -0 $pid 2>/dev/null && [ $n -lt 600 ]; do
        sleep 0.1; n=$((n + 1))
    done
}

# ---- devices, FIFOs and links are written through, never replaced
expect_rc 0 "--frame-hashes /dev/null without --force" \
    "$OYSTER" render "$T/ok.yaml" -o "$T/a.mp4" --frame-hashes /dev/null
[ -c /dev/null ] && pass "/dev/null is still a device" || fail "/dev/null was replaced"
ln -s /dev/null "$T/null.wav"
expect_rc 0 "--audio-out LINK-TO-/dev/null -f" \
    "$OYSTER" render "$T/ok.yaml" -o "$T/b.mp4" --audio-out "$T/null.wav" -f
[ -L "$T/null.wav" ] && pass "a link to a device stays a link" || fail "the link to /dev/null was replaced"
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/fifo.out" &
cat_pid=$!
expect_rc 0 "--frame-hashes FIFO -f" "$OYSTER" render "$T/ok.yaml" -o "$T/c.mp4" --frame-hashes "$T/fifo" -f
[ -p "$T/fifo" ] && pass "the FIFO stays a FIFO" || { fail "the FIFO was replaced"; kill $cat_pid 2>/dev/null; }
wait $cat_pid
[ "$(grep -c '^0, ' "$T/fifo.out")" = 12 ] && pass "the hashes went through the FIFO" || fail "FIFO reader got: $(head -c 200 "$T/fifo.out")"
echo old >"$T/real.md5"
ln -s real.md5 "$T/link.md5"
expect_rc 0 "--frame-hashes LINK -f" "$OYSTER" render "$T/ok.yaml" -o "$T/d.mp4" --frame-hashes "$T/link.md5" -f
[ -L "$T/link.md5" ] && [ "$(grep -c '^0, ' "$T/real.md5")" = 12 ] \
    && pass "a link is followed: its target gets the hashes" || fail "the link was replaced"
expect_rc 2 "a link to an existing file without --force" \
    "$OYSTER" render "$T/ok.yaml" -o "$T/e.mp4" --frame-hashes "$T/link.md5"
ln -s nowhere.md5 "$T/dangling.md5"
expect_rc 0 "--frame-hashes DANGLING-LINK" "$OYSTER" render "$T/ok.yaml" -o "$T/f.mp4" --frame-hashes "$T/dangling.md5"
[ -L "$T/dangling.md5" ] && [ -s "$T/nowhere.md5" ] \
    && pass "a dangling link is followed, its target created" || fail "the dangling link was replaced"
expect_rc 3 "a directory as output" "$OYSTER" render "$T/ok.yaml" -o "$T/g.mp4" --audio-out "$T" -f
has_line "$T/.err" "[Ii]s a directory" "a directory as output: said so"
no_temps "$T" "devices and links"

# ---- two outputs with one name
expect_rc 2 "-o X --audio-out X" "$OYSTER" render "$T/ok.yaml" -o "$T/same.mp4" --audio-out "$T/same.mp4"
has_line "$T/.err" "same\.mp4" "the shared name is given"
[ ! -e "$T/same.mp4" ] && pass "nothing written for the same name twice" || fail "same.mp4 written"
mkdir "$T/stems"
expect_rc 2 "--audio-out stems/music.wav --stems stems" \
    "$OYSTER" render "$T/ok.yaml" -o "$T/h.mp4" --audio-out "$T/stems/music.wav" --stems "$T/stems"
expect_rc 2 "--audio-out NEWDIR/effects.wav --stems NEWDIR" \
    "$OYSTER" render "$T/ok.yaml" -o "$T/h.mp4" --audio-out "$T/newstems/effects.wav" --stems "$T/newstems"
[ ! -e "$T/newstems" ] && pass "a refused run leaves no stems folder" || fail "newstems was left"
ln -s i.mp4 "$T/alias.mp4"
expect_rc 2 "an output and a link to it" \
    "$OYSTER" render "$T/ok.yaml" -o "$T/i.mp4" --frame-hashes "$T/alias.mp4"
expect_rc 2 "-o - --frame-hashes -" sh -c '"$0" render "$1" -o - --frame-hashes - >/dev/null' "$OYSTER" "$T/ok.yaml"
[ ! -e "$T/h.mp4" ] && [ ! -e "$T/i.mp4" ] && pass "no video for refused names" || fail "a video was written"
no_temps "$T" "same names"

# ---- all outputs together: a late failure leaves nothing new
expect_rc 3 "--camera-out in a missing folder" \
    "$OYSTER" render "$T/ok.yaml" -o "$T/j.mp4" --camera-out "$T/nodir/cam.json"
[ ! -e "$T/j.mp4" ] && pass "missing folder for the camera: no video" || fail "j.mp4 left behind"
ln -s /dev/full "$T/full.edl"
expect_rc 3 "--edl on a full device" "$OYSTER" render "$T/ok.yaml" -o "$T/k.mp4" --audio-out "$T/k.wav" --edl "$T/full.edl"
[ ! -e "$T/k.mp4" ] && [ ! -e "$T/k.wav" ] && pass "a failed edit file: no video, no WAV" || fail "k.mp4 or k.wav left behind"
"$OYSTER" render "$T/ok.yaml" -o "$T/l.mp4" -s 1 -q && cp "$T/l.mp4" "$T/l.before"
expect_rc 3 "--force, then --state-out fails" \
    "$OYSTER" render "$T/ok.yaml" -o "$T/l.mp4" -f --state-out "$T/full.edl"
cmp -s "$T/l.mp4" "$T/l.before" && pass "the replaced video stays as it was" || fail "l.mp4 was replaced by a failed run"
[ -L "$T/full.edl" ] && pass "the link to /dev/full is still a link" || fail "full.edl was replaced"
ln -s /dev/full "$T/full.json"
expect_rc 3 "--camera-out on a full device" "$OYSTER" frames "$T/ok.yaml" -o "$T/fr_%02d.png" --camera-out "$T/full.json"
[ -z "$(ls "$T" | grep '^fr_')" ] && pass "frames: a failed camera file leaves no frame" || fail "frames left"
no_temps "$T" "late failures"
if mkdir "$T/small" && mount -t tmpfs -o size=256k tmpfs "$T/small" 2>/dev/null; then
    expect_rc 3 "a WAV larger than the free space" "$OYSTER" render "$T/mid.yaml" -o "$T/small/m.mp4" \
        --audio-out "$T/small/m.wav"
    has_line "$T/.err" "not enough space for .*m\.wav" "not enough space: said before rendering"
    [ -z "$(ls -A "$T/small")" ] && pass "not enough space: nothing written" || fail "left: $(ls -A "$T/small")"
    umount "$T/small"
fi

# ---- a name taken during the render is not overwritten
"$OYSTER" render "$T/long.yaml" -o "$T/n.mp4" --frames 0-23 --progress json 2>"$T/n.err" &
pid=$!
n=0
while ! grep -q '"frame":' "$T/n.err" && kill -0 $pid 2>/dev/null && [ $n -lt 600 ]; do sleep 0.05; n=$((n + 1)); done
echo mine >"$T/n.mp4"
wait $pid
rc=$?
[ $rc = 2 ] && pass "a name taken during the render: exit 2" || fail "a name taken during the render: exit $rc"
[ "$(cat "$T/n.mp4")" = mine ] && pass "the file made during the render is kept" || fail "n.mp4 was overwritten"
has_line "$T/n.err" "n\.new\.mp4" "the new render is kept under another name, given on stderr"
[ -s "$T/n.new.mp4" ] && pass "n.new.mp4 holds the render" || fail "no n.new.mp4"

# ---- signals: a free name for the partial; HUP and QUIT like TERM
echo old >"$T/p.partial.mp4"
start_long p -o "$T/p.mp4" --no-audio
kill -s INT $pid; wait $pid; rc=$?
[ $rc = 130 ] && pass "SIGINT exits 130" || fail "SIGINT: exit $rc"
[ "$(cat "$T/p.partial.mp4")" = old ] && pass "an existing p.partial.mp4 is kept" || fail "p.partial.mp4 overwritten"
[ -s "$T/p.partial-2.mp4" ] && pass "the partial goes to p.partial-2.mp4" || fail "no p.partial-2.mp4"
has_line "$T/p.err" "p\.partial-2\.mp4" "the partial's name is on stderr"
for sig in HUP:129 QUIT:131; do
    s=${sig%:*} want=${sig#*:}
    start_long "q$s" -o "$T/q$s.mp4" --no-audio
    kill -s "$s" $pid; wait $pid; rc=$?
    [ $rc = "$want" ] && pass "SIG$s exits $want" || fail "SIG$s: exit $rc, wanted $want"
    [ -s "$T/q$s.partial.mp4" ] && pass "SIG$s keeps a partial" || fail "SIG$s: no partial"
done
# Ctrl-C while the loudness of an hour's sound is measured, before the
# first frame: answered at once, nothing left behind. Measuring takes
# some 9 s on a 2-core machine; the answer comes in milliseconds, and
# the limit leaves room for a loaded machine (the sanitizer build runs a
# few times slower and checks for leaks as it exits: 4 s there)
sed 's/^  duration: .*/  duration: 3600s/' "$T/long.yaml" >"$T/hour.yaml"
"$OYSTER" render "$T/hour.yaml" --size 64x36 -o "$T/h.mp4" 2>"$T/h.err" &
pid=$!
sleep 1
t0=$(date +%s%N)
kill -s INT $pid; wait $pid; rc=$?
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
limit=1500
[ "${SANITIZED:-}" = 1 ] && limit=4000
[ $rc = 130 ] && [ $ms -lt $limit ] && pass "SIGINT while measuring the loudness: exit 130 in $ms ms" \
    || fail "SIGINT while measuring the loudness: exit $rc after $ms ms"
[ ! -e "$T/h.mp4" ] && [ ! -e "$T/h.partial.mp4" ] && pass "stopped before its first frame: no h.mp4, no partial" \
    || fail "h.mp4 or a partial left: the render was past measuring"
no_temps "$T" "signals"
# a still and a diff stop on a signal too, writing nothing
mkdir "$T/sd"
"$OYSTER" still "$T/long.yaml" --at 1s --size 3840x2160 -o "$T/sd/s.png" 2>"$T/sd.err" &
pid=$!
sleep 0.5
kill -s INT $pid; wait $pid; rc=$?
[ $rc = 130 ] && [ ! -e "$T/sd/s.png" ] && pass "SIGINT during a still: exit 130, no PNG" \
    || fail "SIGINT during a still: exit $rc, $(ls "$T/sd")"
ffmpeg -v error -f lavfi -i testsrc=size=1280x720:rate=24 -t 40 -c:v libx264 -preset ultrafast "$T/sd-a.mp4"
ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=24 -t 40 -c:v libx264 -preset ultrafast "$T/sd-b.mp4"
"$OYSTER" diff "$T/sd-a.mp4" "$T/sd-b.mp4" --json "$T/sd/d.json" --html "$T/sd/report" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -s TERM $pid; wait $pid; rc=$?
[ $rc = 143 ] && [ -z "$(ls -A "$T/sd")" ] && pass "SIGTERM during a diff: exit 143, no report" \
    || fail "SIGTERM during a diff: exit $rc, $(ls -A "$T/sd")"

# ---- temporaries of runs that died are removed by the next run here
mkdir "$T/k9"
start_long k9 -o "$T/k9/a.mp4" --audio-out "$T/k9/a.wav"
kill -s KILL $pid; wait $pid 2>/dev/null
[ -n "$(ls -A "$T/k9" | grep '\.tmp$')" ] && pass "SIGKILL leaves temporaries" || fail "SIGKILL left none (test broken)"
sleep 30 & live=$!
live_tmp=".x.mp4.oyster-$(uname -n)-$live.tmp"
touch "$T/k9/$live_tmp" "$T/k9/.notes.123.tmp"
expect_rc 0 "the next run" "$OYSTER" render "$T/ok.yaml" -o "$T/k9/b.mp4" -v
left=$(ls -A "$T/k9" | grep '\.tmp$' | sort | tr '\n' ' ')
[ "$left" = "$(printf '%s\n' .notes.123.tmp "$live_tmp" | sort | tr '\n' ' ')" ] \
    && pass "the dead run's temporaries are gone, others kept" || fail "left: $left"
has_line "$T/.err" "removed .*a\.mp4.*tmp" "-v says what was removed"
kill $live

# ---- a pipe closed early
{ "$OYSTER" render "$T/long.yaml" -o - --no-audio 2>"$T/pipe.err"; echo $? >"$T/pipe.rc"; } | head -c 1000 >/dev/null
[ "$(cat "$T/pipe.rc")" = 3 ] && pass "a closed pipe: exit 3" || fail "a closed pipe: exit $(cat "$T/pipe.rc")"
has_line "$T/pipe.err" "output closed" "a closed pipe: 'output closed'"
{ "$OYSTER" render "$T/long.yaml" -o "$T/r.mp4" --frame-hashes - 2>"$T/pipe.err"; echo $? >"$T/pipe.rc"; } | head -1 >/dev/null
[ "$(cat "$T/pipe.rc")" = 3 ] && pass "--frame-hashes - into a closed pipe: exit 3" || fail "closed hash pipe: exit $(cat "$T/pipe.rc")"
[ ! -e "$T/r.mp4" ] && pass "a closed pipe: no video" || fail "r.mp4 left"
no_temps "$T" "pipes"

# map follows the same rules: a device written through, a link followed
expect_rc 0 "map -o /dev/null without --force" "$OYSTER" map "$T/ok.yaml" --size 64 -o /dev/null
[ -c /dev/null ] && pass "map: /dev/null is still a device" || fail "map replaced /dev/null"
ln -s "$T/map-target.png" "$T/map-link.png"
expect_rc 0 "map through a dangling link" "$OYSTER" map "$T/ok.yaml" --size 64 -o "$T/map-link.png"
[ -L "$T/map-link.png" ] && [ -s "$T/map-target.png" ] && pass "map: the link kept, its target written" ||
    fail "map replaced the link"

# a storyboard and its edit are committed together
expect_rc 3 "storyboard whose --otio cannot be written" \
    "$OYSTER" storyboard "$T/ok.yaml" -o "$T/board.png" --otio "$T/no/such/b.otio"
[ ! -e "$T/board.png" ] && pass "storyboard: no board without its edit" || fail "the board was left"
expect_rc 0 "storyboard with its --otio" "$OYSTER" storyboard "$T/ok.yaml" -o "$T/board.png" --otio "$T/b.otio"
[ -s "$T/board.png" ] && [ -s "$T/b.otio" ] && pass "storyboard: board and edit both written" || fail "board or edit missing"
no_temps "$T" "storyboard"
finish
