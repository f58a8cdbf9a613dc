#!/bin/sh
# test_blender.sh - what oyster exports, imported by Blender as a layout
# artist would (examples/handoff/blender_scene.py): the glTF camera at the
# first, middle and last frames against oyster's JSON (1 mm, 0.01 degrees,
# the focal length), every world format imported with its colours, and the
# exported world seen through the exported camera with Workbench against
# oyster's still of that frame (silhouette intersection over union >= 0.9).
# Needs Debian's blender and python3-numpy (scripts/setup --with-blender,
# which CI runs); without them it says SKIP, and under CI it fails.
. "$(dirname "$0")/lib.sh"

if ! command -v blender >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    if [ -n "${CI:-}" ]; then fail "blender or python3-numpy is not installed (scripts/setup --with-blender)"
    else echo "SKIP $NAME: blender or python3-numpy is not installed (scripts/setup --with-blender)"; fi
    finish
fi
B="$TOP/tests/blender"
run() {   # run DESCRIPTION SCRIPT ARGS...: pass when Blender's check exits 0
    d=$1; shift
    s=$1; shift
    if timeout 600 blender -b --factory-startup --python-exit-code 1 --python "$B/$s" -- "$@" >"$T/blend.out" 2>&1; then
        pass "$d: $(grep -E '^(camera matches|silhouette IoU)|vertices' "$T/blend.out" | tr '\n' ' ')"
    else
        fail "$d"; grep -vE '^(EGL|Read|Warning)' "$T/blend.out" | tail -12 | sed 's/^/    /'
    fi
}

# the camera: a crane up and round a look_at target with handheld shake
shot crane.yaml <<'YAML'
oyster: 1
seed: 4
output: {size: 320x180, fps: 25, duration: 4s}
world: {prompt: a lake under mountains in the morning}
camera:
  lens: 40mm
  sensor: fullframe
  shake: 0.3
  path:
    - {at: 0s, pos: [0, 2, 0], look_at: [30, 1, 120]}
    - {at: 2s, pos: [-40, 25, 30], look_at: [30, 1, 120], ease: in-out}
    - {at: 4s, pos: [-80, 60, 90], yaw: 100, pitch: -20, roll: 8}
YAML
"$OYSTER" camera "$T/crane.yaml" -o "$T/crane.glb" && "$OYSTER" camera "$T/crane.yaml" -o "$T/crane.json"
run "Blender's glTF camera agrees with oyster's JSON" camera.py "$T/crane.glb" "$T/crane.json"

# the world: clear noon hills (no clouds: the still's sky is then a plain
# gradient to tell from the land), and the canyon example mid-chase
shot hills.yaml <<'YAML'
oyster: 1
seed: 11
output: {size: 320x180, fps: 24, duration: 3s}
world: {prompt: rolling green hills with a few oaks and a cabin at noon, weather: {cloud: 0, fog: 0}, time: "12:00"}
camera:
  lens: 28mm
  path:
    - {at: 0s, pos: [0, 3, -40], look_at: [0, 6, 200]}
    - {at: 3s, pos: [20, 5, 0], look_at: [0, 6, 250]}
YAML
cp "$EX/canyon-chase.yaml" "$T/canyon.yaml"
for case in "hills 2s 48 3000" "canyon 3s 72 2000"; do
    set -- $case
    "$OYSTER" still "$T/$1.yaml" --size 320x180 --at "$2" -o "$T/$1.png" &&
        "$OYSTER" camera "$T/$1.yaml" --size 320x180 -o "$T/$1-camera.glb" &&
        "$OYSTER" export "$T/$1.yaml" --at "$2" --radius "$4" -o "$T/$1-world.glb" ||
        fail "$1: the exports"
    run "$1 at $2: Blender's Workbench render of the exports matches the still" \
        world.py "$T/$1-world.glb" "$T/$1-camera.glb" "$T/$1.png" "$3" "$T/$1-masks.png"
done

# every world format imports with Blender's own importers
for ext in glb gltf ply obj; do
    "$OYSTER" export "$EX/ruins-hill.yaml" --at 5s --radius 120 -o "$T/ruins.$ext" || fail "export .$ext"
done
run "Blender imports .glb, .gltf, .ply and .obj" load.py "$T/ruins.glb" "$T/ruins.gltf" "$T/ruins.ply" "$T/ruins.obj"
finish
