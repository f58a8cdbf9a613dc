#!/bin/sh
# test_slurm.sh - plans run on a real one-node Slurm cluster
# (slurm-up.sh): a job array with an afterok dependency on it runs in
# order; a plan's submit.sh runs every chunk and then the assembly, with
# paths that hold spaces and quotes (tests/farm/stand-in.sh records what
# would run); and a planned render gives the bytes of a one-machine
# render. Skips without root or Slurm.
. "$(dirname "$0")/../cli/lib.sh"
PATH=$PATH:/usr/sbin

if [ "$(id -u)" != 0 ] || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    echo "SKIP $NAME: needs root and Slurm (scripts/setup --farm)"
    exit 0
fi
C=$T/cluster
trap 'sh "$HERE/slurm-up.sh" --down "$C"; rm -rf "$T"' EXIT
if sh "$HERE/slurm-up.sh" "$C" >"$T/.up" 2>&1; then pass "a one-node cluster is up"
else fail "slurm-up.sh: $(cat "$T/.up")"; finish; fi
export SLURM_CONF="$C/slurm.conf"

wait_jobs() {   # wait_jobs ID...: until none is queued (at most 3 minutes)
    ids=$(echo "$@" | tr ' ' ,)
    i=0
    while [ -n "$(squeue -h -j "$ids" 2>/dev/null)" ] && [ $i -lt 180 ]; do sleep 1; i=$((i + 1)); done
}
state() { scontrol show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | tr '\n' ' '; }

# an array of echo jobs and a job that waits for all of them
mkdir "$T/e"
printf '#!/bin/sh\necho "$SLURM_ARRAY_TASK_ID" >"%s/task.$SLURM_ARRAY_TASK_ID"\n' "$T/e" >"$T/e/a.sh"
printf '#!/bin/sh\nls "%s" | grep -c "^task\\." >"%s/after"\n' "$T/e" "$T/e" >"$T/e/b.sh"
a=$(sbatch --parsable --array=1-5 --output=/dev/null "$T/e/a.sh")
b=$(sbatch --parsable --dependency=afterok:"$a" --output=/dev/null "$T/e/b.sh")
wait_jobs "$a" "$b"
[ "$(cat "$T/e/after" 2>/dev/null)" = 5 ] && pass "afterok on an array waits for its 5 tasks" ||
    fail "the dependent job saw $(cat "$T/e/after" 2>/dev/null || echo nothing); $(state "$b")"

# a plan's submit.sh, with the stand-in in place of oyster
W="$T/a 'farm' dir"
mkdir -p "$W/bin"
cp "$OYSTER" "$W/bin/oyster"
cat >"$W/dusk shot.yaml" <<'YAML'
oyster: 1
output: {size: 64x36, fps: 24, duration: 1s}
world:
  prompt: a green valley with a river
camera:
  path:
    - {at: 0s, pos: [0, 6, 0], yaw: 0}
YAML
cp "$W/dusk shot.yaml" "$W/night.yaml"
expect_rc 0 "plan two shots for slurm" "$W/bin/oyster" plan "$W/dusk shot.yaml" "$W/night.yaml" --chunks 4 --engine slurm -o "$W/job"
cp "$HERE/stand-in.sh" "$W/bin/oyster"
export LOG="$T/calls"
: >"$LOG"
if sh "$W/job/submit.sh" >"$T/submit.out" 2>&1; then pass "submit.sh submits: $(head -1 "$T/submit.out")"
else fail "submit.sh: $(cat "$T/submit.out")"; fi
ids=$(sed -n 's/^submitted job array \([0-9]*\) .* assemble job \([0-9]*\)$/\1 \2/p' "$T/submit.out")
wait_jobs $ids
r=$(grep -c '^\[render\]' "$LOG") s=$(grep -c '^\[assemble\]' "$LOG")
[ "$r" = 8 ] && [ "$s" = 2 ] && [ "$(tail -2 "$LOG" | grep -c '^\[assemble\]')" = 2 ] &&
    pass "8 chunks ran, then 2 assemblies" || { fail "ran $r chunks, $s assemblies:"; sed 's/^/    /' "$LOG" | head; }
[ -e "$W/job/dusk shot.mp4" ] && [ -e "$W/job/night.mp4" ] && pass "the videos are where the plan says" ||
    fail "no videos: $(ls "$W/job")"
[ "$(ls "$W/job/logs" | grep -c '^render-')" = 8 ] && pass "a log per task in logs/" || fail "logs: $(ls "$W/job/logs")"

# the real thing
R=$T/real
mkdir "$R"
cp "$W/dusk shot.yaml" "$R/dusk.yaml"
"$OYSTER" render "$R/dusk.yaml" --draft -o "$R/one.mp4"
expect_rc 0 "plan a real render" "$OYSTER" plan "$R/dusk.yaml" --chunks 3 --draft --engine slurm -o "$R/job"
sh "$R/job/submit.sh" >"$T/submit.out" 2>&1
wait_jobs $(sed -n 's/^submitted job array \([0-9]*\) .* assemble job \([0-9]*\)$/\1 \2/p' "$T/submit.out")
cmp -s "$R/one.mp4" "$R/job/dusk.mp4" && pass "3 chunks on Slurm give the bytes of one render" ||
    fail "the assembled video differs from one render: $(ls -l "$R/job"; tail -3 "$R/job/logs/"*)"
finish
