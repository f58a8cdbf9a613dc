#!/bin/sh
# export-all.sh - every file oyster hands to other tools, for one shot:
#
#   examples/handoff/export-all.sh [SHOT] [DIR] [TIME]
#
# SHOT defaults to examples/lake-blue-hour.yaml, DIR to handoff/, TIME (the
# moment the world is exported) to half the shot. Writes, in DIR:
#   NAME.mp4                     the render
#   NAME-camera.json .glb .gltf .usda .chan   the camera per frame
#   NAME.otio .edl .fcpxml       the edit, beats as markers
#   NAME-board.mp4, NAME-board.otio   the storyboard reel and its edit
#   shots.csv, shots.md          the shot list
#   NAME-world.glb .ply .obj (+ .mtl)         the set at TIME
# then, when Blender is installed, NAME.blend: the world and the camera in
# one scene (examples/handoff/blender_scene.py).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${OYSTER:=$here/../../oyster}"
shot=${1:-$here/../lake-blue-hour.yaml}
dir=${2:-handoff}
name=$(basename "$shot" .yaml)
mkdir -p "$dir"
if [ -n "${3:-}" ]; then
    at=$3
else
    frames=$("$OYSTER" check "$shot" | sed -n 's/.*, \([0-9]*\) frames.*/\1/p' | head -1)
    at="$((frames / 2))f"
fi

"$OYSTER" render "$shot" -f -o "$dir/$name.mp4" --camera-out "$dir/$name-camera.json" \
    --otio "$dir/$name.otio" --edl "$dir/$name.edl" --fcpxml "$dir/$name.fcpxml"
for ext in glb gltf usda chan; do
    "$OYSTER" camera "$shot" -f -o "$dir/$name-camera.$ext"
done
"$OYSTER" storyboard "$shot" -f -o "$dir/$name-board.mp4" --otio "$dir/$name-board.otio"
"$OYSTER" check "$shot" -f --shot-list "$dir/shots.csv" >/dev/null
"$OYSTER" check "$shot" -f --shot-list "$dir/shots.md" >/dev/null
for ext in glb ply obj; do
    "$OYSTER" export "$shot" --at "$at" -f -o "$dir/$name-world.$ext"
done
if command -v blender >/dev/null 2>&1; then
    blender -b --factory-startup --python-exit-code 1 --python "$here/blender_scene.py" -- \
        "$dir/$name-world.glb" "$dir/$name-camera.glb" "$dir/$name.blend" >/dev/null
fi
ls -l "$dir"
