#!/bin/sh
# test_world.sh - the world model end to end: image input steers the
# picture (a dark blue image makes a darker, colder world than a bright
# orange one), bad images are refused, unknown words warn with line:col,
# and `check` says what each directive changes.
. "$(dirname "$0")/lib.sh"

ffmpeg -v error -f lavfi -i color=c=0x101830:s=64x48 -frames:v 1 "$T/blue.png"
ffmpeg -v error -f lavfi -i color=c=0xffa040:s=64x48 -frames:v 1 "$T/orange.jpg"
printf 'not an image' >"$T/text.png"
head -c 60 "$T/blue.png" >"$T/trunc.png"

img_shot() {   # img_shot NAME IMAGE
    shot "$1.yaml" <<YAML
oyster: 1
output: {size: 96x54, duration: 1s}
world: {prompt: a meadow, image: $2, time: "14:00"}
camera:
  path:
    - {at: 0s, pos: [0, 3, 0], yaw: 30, pitch: 5}
YAML
}
mean() {   # mean PNG CHANNEL(r|g|b): mean of one channel, 0..255
    ffmpeg -v error -i "$1" -f rawvideo -pix_fmt rgb24 - | od -An -v -tu1 -w3 |
        awk -v c="$2" '{ s += (c == "r" ? $1 : c == "g" ? $2 : $3); n++ } END { printf "%d", s / n }'
}
img_shot blue blue.png
img_shot orange orange.jpg
expect_rc 0 "still with a dark blue image" "$OYSTER" still "$T/blue.yaml" --at 0 -o "$T/b.png"
expect_rc 0 "still with a bright orange image" "$OYSTER" still "$T/orange.yaml" --at 0 -o "$T/o.png"
lb=$(( $(mean "$T/b.png" r) + $(mean "$T/b.png" g) + $(mean "$T/b.png" b) ))
lo=$(( $(mean "$T/o.png" r) + $(mean "$T/o.png" g) + $(mean "$T/o.png" b) ))
wb=$(( $(mean "$T/b.png" r) - $(mean "$T/b.png" b) ))
wo=$(( $(mean "$T/o.png" r) - $(mean "$T/o.png" b) ))
[ "$lb" -lt "$lo" ] && pass "dark blue image gives a darker world ($lb < $lo)" || fail "brightness $lb vs $lo"
[ "$wb" -lt "$wo" ] && pass "dark blue image gives a colder world (r-b $wb < $wo)" || fail "warmth $wb vs $wo"

img_shot text text.png
expect_rc 2 "a text file as image is refused" "$OYSTER" check "$T/text.yaml"
grep -q "text.png" "$T/.err" && pass "the message names the file" || fail "message: $(cat "$T/.err")"
img_shot trunc trunc.png
expect_rc 2 "a truncated image is refused" "$OYSTER" check "$T/trunc.yaml"
img_shot missing nothere.png
expect_rc 2 "a missing image is refused" "$OYSTER" check "$T/missing.yaml"

shot words.yaml <<'YAML'
oyster: 1
output: {duration: 2s}
world: {prompt: a valley with a kraken}
directives:
  - at: 1s
    say: heavy rain begins suddenly
YAML
expect_rc 0 "unknown words never fail" "$OYSTER" check "$T/words.yaml"
grep -q "words.yaml:3:.*warning: 'kraken' is not in the vocabulary" "$T/.err" \
    && pass "unknown word warned with file:line:col" || fail "warning: $(cat "$T/.err")"
grep "say" "$T/.out" | grep -q "rain 0.00->1.00.* over 0.5s" && pass "check says what a directive changes" \
    || fail "check output: $(grep say "$T/.out")"
# a house put in the lake stands on its shore, with a warning at its place
shot wet.yaml <<'YAML'
oyster: 1
output: {size: 96x54, duration: 1s}
world:
  prompt: a meadow by a lake, summer
  layout:
    lake: {at: [0, 400], size: 300}
camera:
  path:
    - {at: 0s, pos: [0, 3, 0], yaw: 0}
directives:
  - at: 0s
    add: house
    near: [0, 0, 400]
YAML
"$OYSTER" check "$T/wet.yaml" >"$T/wet.out" 2>&1
grep -q "wet.yaml:12:10: warning: a house cannot stand in the water at \[0, 400\]; it stands on the shore at" "$T/wet.out" &&
    pass "a house in the lake: warned at its place and moved to the shore" || fail "$(cat "$T/wet.out" | head -3)"

# objects at hostile places (beyond any float, headings past 1e40, paths
# to 1e38) render without a crash
shot far.yaml <<'YAML'
oyster: 1
output: {size: 96x54, duration: 1s}
camera:
  path:
    - {at: 0s, pos: [0, 3, 0], yaw: 0}
directives:
  - {at: 0s, add: person, near: [1e39, 0, -1e39], yaw: 1e40}
  - {at: 0s, add: village, near: [-1e300, 0, 0]}
  - {at: 0s, add: pine, near: [0, 0, 10], yaw: -1e300}
  - {at: 0.2s, move: pine, to: [[1e38, 0, 1e38], [-1e38, 0, 0]], speed: 99999}
YAML
expect_rc 0 "objects at hostile places render" "$OYSTER" render "$T/far.yaml" -o "$T/far.mp4" --progress none
# hostile places for the new kinds too: a karst and a waterfall far off, a
# rock tower in deep water
cat >>"$T/far.yaml" <<'YAML'
  - {at: 0s, add: karst, near: [1e30, 0, 1e30]}
  - {at: 0.1s, add: waterfall, near: [-1e20, 0, 5]}
  - {at: 0.1s, add: rock_tower, near: [0, -1e9, 40]}
YAML
expect_rc 0 "landforms at hostile places render" "$OYSTER" render "$T/far.yaml" -o "$T/far2.mp4" --progress none

# placed NAME PROMPT: `oyster check` of a shot of PROMPT seen by a level
# camera at the origin, into $T/NAME.out
placed() {
    printf 'oyster: 1\noutput: {size: 96x54, duration: 1s}\nworld: {prompt: "%s"}\ncamera:\n  path:\n    - {at: 0s, pos: [0, 2, 0], yaw: 0}\n' \
        "$2" >"$T/$1.yaml"
    "$OYSTER" check "$T/$1.yaml" >"$T/$1.out" 2>&1
}

# check lists the objects words placed, where and facing which way: an
# arch turns its front to the first view, far enough off to be seen whole
placed arch "a red rock arch in the desert, sea stacks and a waterfall"
has_line "$T/arch.out" '^objects \(5\), where each is placed:$' "check counts the objects the prompt placed"
has_line "$T/arch.out" '^  arch +at \[0, 1[5-9][0-9]\], heading 180$' "the arch stands 150-199 m ahead, facing the camera"
has_line "$T/arch.out" '^  waterfall +at \[-?[0-9]+, [0-9]+\], heading ' "the waterfall is listed with its place"
[ "$(grep -c '^  rock_tower ' "$T/arch.out")" = 3 ] && pass "sea stacks are three rock towers" \
    || fail "sea stacks: $(grep rock_tower "$T/arch.out")"

# things named with no place of their own do not hide each other: the
# first on the view's axis, the next beside it; a campfire stands off for
# its fire, not for its smoke (out to where a level view sees it over
# a clearing that falls away)
placed camp "a clearing in the woods with a campfire and a tent at night"
has_line "$T/camp.out" '^  campfire +at \[0, [12][0-9]\], heading ' "the campfire stands 10-29 m ahead on the axis"
has_line "$T/camp.out" '^  tent +at \[[1-9][0-9.]*, [0-9]+\], heading ' "the tent stands to the right of it"

# apart A B FILE: metres between the (last listed) A and B that check
# placed, rounded; -1 when either is missing
apart() {
    awk -v a="$1" -v b="$2" '$2 == "at" && ($1 == a || $1 == b) { gsub(/[\[\],]/, " "); x[$1] = $3; z[$1] = $4 }
         END { if ((a in x) && (b in x)) printf "%.0f", sqrt((x[a] - x[b])^2 + (z[a] - z[b])^2)
               else print -1 }' "$3"
}

# "with" puts a thing by the one named before it, wherever that one went:
# the bell tower stands in the village on the hill, not where the words
# first put the village
placed church "the village on the hillside with a bell tower"
d=$(apart village tower "$T/church.out")
[ "$d" -ge 0 ] && [ "$d" -le 40 ] && pass "the bell tower stands in the village ($d m from its middle)" \
    || fail "bell tower $d m from the village: $(grep -E '^  (village|tower)' "$T/church.out")"

# what the world prompt names only as another thing's place is in the
# world too, and the other stands by it; a thing named by its own words
# is not drawn twice
placed temple "cherry blossom trees by a temple pond"
d=$(apart temple tree "$T/temple.out")
[ "$d" -ge 0 ] && [ "$d" -le 40 ] && pass "a temple named as the trees' place stands, the trees by it ($d m)" \
    || fail "temple and trees: $(grep -E '^  (temple|tree)' "$T/temple.out")"
n=$(grep -Ec '^  village +at' "$T/church.out")
[ "$n" = 1 ] && pass "a village named and then named as a place is one village" || fail "$n villages"

# a lighthouse with no water named stands on a coast
placed lighthouse "a lonely lighthouse on a rocky cliff during a storm"
has_line "$T/lighthouse.out" '^  coast ' "a lighthouse and no water named: the set has a coast"

# a tall thing the land hides, or puts below the frame, stands farther out
# where the view sees it: steam rising from a crater's floor, seen from
# its rim, stands on the far side of the floor, not under the rim
placed crater "a volcanic crater with steam rising"
has_line "$T/crater.out" '^  steam_vent +at \[-?[0-9]+, [4-9][0-9][0-9]\], heading ' \
    "the steam vent stands 400-999 m out, where the view from the rim sees it"

# still water mirrors far mountains whole at a small frame's rows too: its
# image is no more than 4.5 times as busy across as the mountains are (at
# 480 pixels wide one pixel in two of it was sky, 6.8 times as busy)
cat >"$T/mirror.yaml" <<'YAML'
oyster: 1
seed: 1
output: {size: 480x270, duration: 1s}
world: {prompt: "a mountain lake with a red canoe, autumn colors"}
camera:
  path:
    - {at: 0s, pos: [0, 2, 0], yaw: 0, pitch: -2}
YAML
expect_rc 0 "still of a mountain lake" "$OYSTER" still "$T/mirror.yaml" --at 0.5 -o "$T/mirror.png"
busy=$(ffmpeg -v error -i "$T/mirror.png" -f rawvideo -pix_fmt gray - | od -An -v -tu1 -w480 | awk '
    NR > 50 && NR <= 90 || NR > 125 && NR <= 160 {
        k = NR > 100
        for (x = 181; x <= 430; x++) { d = $x - $(x - 1); s[k] += d < 0 ? -d : d; n[k]++ }
    }
    END { printf "%d %d", 10 * s[0] / n[0], 10 * s[1] / n[1] }')
set -- $busy
[ "$2" -le $(( $1 * 45 / 10 )) ] && pass "the lake mirrors the mountains whole ($2 vs $1, tenths a pixel)" \
    || fail "the mountains' image is speckled: $2 vs $1 tenths a pixel across"

finish
