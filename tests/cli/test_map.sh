#!/bin/sh
# test_map.sh - `oyster map`: a PNG of the asked size, the same bytes for
# any thread count and on every run, water blue where world.layout puts a
# lake, the frustum of a camera at yaw 90 pointing right (+x), bad options
# and an existing output refused with exit 2, an unwritable one exit 3.
. "$(dirname "$0")/lib.sh"

px() {   # px PNG X Y: "R G B" of one pixel
    ffmpeg -v error -i "$1" -vf "crop=1:1:$2:$3" -f rawvideo -pix_fmt rgb24 - | od -An -tu1 | tr -s ' ' | sed 's/^ //; s/ $//'
}
dims() { ffprobe -v error -show_entries stream=codec_name,width,height -of csv=p=0 "$1"; }

expect_rc 0 "map of an example" "$OYSTER" map "$EX/valley-noon.yaml" -o "$T/v.png"
[ "$(dims "$T/v.png")" = "png,1024,1024" ] && pass "a 1024x1024 PNG by default" || fail "dims: $(dims "$T/v.png")"
expect_rc 0 "--size 320" "$OYSTER" map "$EX/coast-sunset.yaml" --size 320 -o "$T/c.png"
[ "$(dims "$T/c.png")" = "png,320,320" ] && pass "--size 320 gives 320x320" || fail "dims: $(dims "$T/c.png")"
ls -a "$T" | grep -q '\.tmp$' && fail "a temporary file was left" || pass "no temporary file left"

# the same bytes for any thread count and on every run
"$OYSTER" map "$EX/timelapse-dawn-to-night.yaml" --size 384 -j1 -o "$T/j1.png"
"$OYSTER" map "$EX/timelapse-dawn-to-night.yaml" --size 384 -j2 -o "$T/j2.png"
"$OYSTER" map "$EX/timelapse-dawn-to-night.yaml" --size 384 -j2 -o "$T/j2b.png"
cmp -s "$T/j1.png" "$T/j2.png" && pass "-j1 and -j2 give the same bytes" || fail "-j1 and -j2 differ"
cmp -s "$T/j2.png" "$T/j2b.png" && pass "two runs give the same bytes" || fail "reruns differ"
"$OYSTER" map "$EX/timelapse-dawn-to-night.yaml" --size 384 -s 5 -o "$T/s5.png"
cmp -s "$T/j1.png" "$T/s5.png" && fail "--seed 5 draws the same map" || pass "--seed gives another set"

# a lake laid out at [0, 400], 300 m across. The camera stands at the
# origin, so the map is centred there: 512 px over 2 x 600 m puts world
# (x, z) at pixel (256 + x / 2.34375, 256 - z / 2.34375). Its centre
# carries the label, so look 80 m east of it: (290, 85).
lake_shot() {   # lake_shot NAME YAW
    shot "$1.yaml" <<YAML
oyster: 1
output: {size: 96x54, duration: 1s}
world:
  prompt: a meadow by a lake, summer
  layout:
    lake: {at: [0, 400], size: 300}
camera:
  path:
    - {at: 0s, pos: [0, 3, 0], yaw: $2}
YAML
}
lake_shot east 90
lake_shot west 270
expect_rc 0 "map of a laid-out lake" "$OYSTER" map "$T/east.yaml" --size 512 -o "$T/east.png"
set -- $(px "$T/east.png" 290 85)
if [ "$#" = 3 ] && [ "$3" -gt $(($1 + 40)) ] && [ "$3" -gt "$2" ]; then pass "the lake is blue ($*)"
else fail "the lake's pixel is not blue: $*"; fi
set -- $(px "$T/east.png" 256 400)
if [ "$#" = 3 ] && [ "$3" -lt "$2" ]; then pass "dry ground south of the camera is not blue ($*)"
else fail "ground pixel: $*"; fi

# yaw 90 looks along +x: its frustum covers the ground right of the
# camera (yellow over it), the one at yaw 270 does not
"$OYSTER" map "$T/west.yaml" --size 512 -o "$T/west.png"
e=$(px "$T/east.png" 276 256) w=$(px "$T/west.png" 276 256)
er=${e%% *} wr=${w%% *}
if [ -n "$er" ] && [ -n "$wr" ] && [ "$er" -gt $((wr + 10)) ]; then pass "yaw 90 draws its frustum to the right (+x): $e vs $w"
else fail "right of the camera: yaw 90 $e, yaw 270 $w"; fi
e=$(px "$T/east.png" 236 256) w=$(px "$T/west.png" 236 256)
er=${e%% *} wr=${w%% *}
if [ -n "$er" ] && [ -n "$wr" ] && [ "$wr" -gt $((er + 10)) ]; then pass "yaw 270 draws its frustum to the left (-x): $w vs $e"
else fail "left of the camera: yaw 90 $e, yaw 270 $w"; fi

# refusals: exit 2 with the compiler-format message, nothing written
expect_rc 2 "--radius 5 (below 20 m)" "$OYSTER" map "$T/east.yaml" --radius 5 -o "$T/r.png"
grep -q "^oyster: map: invalid value '5' for '--radius'" "$T/.err" && pass "the message names --radius" || fail "message: $(cat "$T/.err")"
expect_rc 2 "--radius 1e9" "$OYSTER" map "$T/east.yaml" --radius 1e9 -o "$T/r.png"
expect_rc 2 "--radius abc" "$OYSTER" map "$T/east.yaml" --radius abc -o "$T/r.png"
expect_rc 2 "--size 10" "$OYSTER" map "$T/east.yaml" --size 10 -o "$T/r.png"
expect_rc 2 "--at soon" "$OYSTER" map "$T/east.yaml" --at soon -o "$T/r.png"
expect_rc 2 "--at past the end" "$OYSTER" map "$T/east.yaml" --at 5s -o "$T/r.png"
[ -e "$T/r.png" ] && fail "a refused map wrote its output" || pass "refused maps write nothing"
expect_rc 2 "missing -o" "$OYSTER" map "$T/east.yaml"
expect_rc 2 "missing shot" "$OYSTER" map -o "$T/r.png"
cp "$T/west.png" "$T/keep.png"
expect_rc 2 "existing output without --force" "$OYSTER" map "$T/east.yaml" --size 512 -o "$T/keep.png"
cmp -s "$T/west.png" "$T/keep.png" && pass "the existing output is untouched" || fail "the existing output changed"
expect_rc 0 "existing output with --force" "$OYSTER" map "$T/east.yaml" --size 512 -f -o "$T/keep.png"
cmp -s "$T/east.png" "$T/keep.png" && pass "--force replaces it" || fail "--force did not replace it"
expect_rc 3 "an output in a missing directory" "$OYSTER" map "$T/east.yaml" --size 64 -o "$T/no/such/dir/m.png"
expect_rc 0 "--at inside the shot" "$OYSTER" map "$T/east.yaml" --size 64 --at 0.5 -o "$T/at.png"

expect_rc 0 "oyster help map" "$OYSTER" help map
"$OYSTER" help map | grep -q -- "--radius M" && pass "help map lists --radius" || fail "help map"
finish
