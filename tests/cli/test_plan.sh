#!/bin/sh
# test_plan.sh - `oyster plan`: for every engine the files are there,
# executable where they run, parse (sh -n, YAML, make -n), and name the
# chunks so that they cover every frame exactly once, for awkward counts
# too; the commands survive paths with spaces, quotes and '$' (run
# through a stand-in oyster that records its arguments), pass the shot
# overrides on, and bad input is refused with exit 2 before anything is
# written. Rendering real chunks needs `render --chunk`: tests/farm/.
. "$(dirname "$0")/lib.sh"

# 100 frames: 4 s at 25 fps
shot s.yaml <<'YAML'
oyster: 1
output: {size: 64x36, fps: 25, duration: 4s}
world:
  prompt: a green valley with a river
camera:
  path:
    - {at: 0s, pos: [0, 6, 0], yaw: 0}
YAML
cp "$T/s.yaml" "$T/t.yaml"
has_yaml=no
python3 -c 'import yaml' 2>/dev/null && has_yaml=yes

# chunk_lines FILE...: "I N" for every --chunk I/N in the files
chunk_lines() { grep -ho -- '--chunk [0-9]*/[0-9]*' "$@" | sed 's|--chunk ||; s|/| |'; }
# covers FRAMES: stdin holds "I N" lines of one shot; every frame exactly once
covers() {
    awk -v F="$1" '{ a = int(($1 - 1) * F / $2); b = int($1 * F / $2) - 1
                     for (f = a; f <= b; f++) seen[f]++ }
                   END { for (f = 0; f < F; f++) if (seen[f] != 1) { print "frame " f ": " seen[f] + 0; bad = 1 }
                         for (f in seen) if (f + 0 < 0 || f + 0 >= F) { print "frame " f " out of range"; bad = 1 }
                         exit bad }'
}
# the tasks of tasks.txt as "I N" lines of shot K
tasks_of() { awk -v k="$2" '$1 == k { print $2, $3 }' "$1/tasks.txt"; }

# ---- every engine ----
for e in slurm parallel k8s openjd make; do
    D=$T/$e
    expect_rc 0 "$e: plan of two shots, 7 chunks each" "$OYSTER" plan "$T/s.yaml" "$T/t.yaml" --chunks 7 --engine "$e" -o "$D"
    case $e in
        slurm)    files="render.sbatch assemble.sbatch submit.sh tasks.txt chunk.sh assemble.sh" ;;
        parallel) files="submit.sh assemble.sh" ;;
        k8s)      files="job.yaml assemble-job.yaml submit.sh tasks.txt chunk.sh assemble.sh" ;;
        openjd)   files="template.yaml submit.sh tasks.txt chunk.sh assemble.sh" ;;
        make)     files="Makefile submit.sh" ;;
    esac
    missing=
    for f in README.md $files; do [ -s "$D/$f" ] || missing="$missing $f"; done
    [ -d "$D/s" ] && [ -d "$D/t" ] || missing="$missing chunk-folders"
    [ -z "$missing" ] && pass "$e: the files and a folder per shot" || fail "$e: missing$missing"
    bad=
    for f in "$D"/*.sh "$D"/*.sbatch; do
        [ -f "$f" ] || continue
        [ -x "$f" ] || bad="$bad $(basename "$f"):not-executable"
        sh -n "$f" 2>/dev/null || bad="$bad $(basename "$f"):sh"
        ! command -v bash >/dev/null || bash -n "$f" 2>/dev/null || bad="$bad $(basename "$f"):bash"
    done
    [ -z "$bad" ] && pass "$e: scripts parse and are executable" || fail "$e:$bad"
    ls -a "$D" | grep -q '\.tmp$' && fail "$e: a temporary file was left" || pass "$e: no temporary file left"
    grep -q "status $D/s" "$D/README.md" && pass "$e: README says how to watch" || fail "$e: README has no status line"
done

# array engines: one task per chunk, each shot's chunks cover its frames once
for e in slurm k8s openjd; do
    D=$T/$e
    [ "$(wc -l <"$D/tasks.txt")" = 14 ] && pass "$e: 14 tasks" || fail "$e: tasks.txt: $(wc -l <"$D/tasks.txt") lines"
    if tasks_of "$D" 1 | covers 100 >"$T/.cov" && tasks_of "$D" 2 | covers 100 >>"$T/.cov"; then
        pass "$e: the tasks cover each shot's 100 frames once"
    else fail "$e: coverage: $(head -3 "$T/.cov")"; fi
done
grep -qx '#SBATCH --array=1-14' "$T/slurm/render.sbatch" && grep -q 'SLURM_ARRAY_TASK_ID' "$T/slurm/render.sbatch" &&
    pass "slurm: an array 1-14 over SLURM_ARRAY_TASK_ID" || fail "slurm: render.sbatch: $(grep SBATCH "$T/slurm/render.sbatch")"
grep -q 'sbatch --parsable' "$T/slurm/submit.sh" && grep -q -- '--dependency=afterok:"$render"' "$T/slurm/submit.sh" &&
    pass "slurm: submit.sh chains the assembly with afterok" || fail "slurm: submit.sh"

# parallel: the flags, and the chunk commands it reads
P=$T/parallel/submit.sh
ok=yes
for flag in '--joblog "$plan/parallel.log"' '--resume-failed' '--halt soon,fail=1'; do
    grep -q -- "$flag" "$P" || { ok=no; fail "parallel: no $flag"; }
done
grep -q '^# .*--sshloginfile' "$P" || { ok=no; fail "parallel: no commented --sshloginfile"; }
[ $ok = yes ] && pass "parallel: joblog, resume-failed, halt and a commented sshloginfile"
[ "$(chunk_lines "$P" | wc -l)" = 14 ] && pass "parallel: 14 chunk commands" || fail "parallel: $(chunk_lines "$P" | wc -l) chunk commands"

# make: -n lists one render per chunk and an assembly per shot
if make -n -C "$T/make" >"$T/make.n" 2>&1; then
    r=$(grep -c ' render .* --chunk ' "$T/make.n") a=$(grep -c ' assemble ' "$T/make.n")
    [ "$r" = 14 ] && [ "$a" = 2 ] && pass "make -n: 14 chunks, 2 assemblies" || fail "make -n: $r chunks, $a assemblies"
    chunk_lines "$T/make.n" | covers 100 >"$T/.cov" 2>&1 || true
else fail "make -n: $(head -3 "$T/make.n")"; fi

# the YAML files
yaml_check() {   # yaml_check DIR ENGINE: structure of its YAML files
    if [ $has_yaml = yes ]; then
        python3 - "$1" "$2" <<'PY'
import sys, yaml
d, e = sys.argv[1], sys.argv[2]
if e == "k8s":
    j = yaml.safe_load(open(d + "/job.yaml"))
    s = j["spec"]; c = s["template"]["spec"]["containers"][0]
    assert j["kind"] == "Job" and s["completionMode"] == "Indexed", "indexed"
    assert s["completions"] == 14 and s["parallelism"] >= 1, "completions"
    assert s["backoffLimitPerIndex"] == 2, "backoffLimitPerIndex"
    assert s["template"]["spec"]["restartPolicy"] == "Never", "restartPolicy"
    assert "JOB_COMPLETION_INDEX + 1" in " ".join(c["command"]), "index"
    assert c["command"][-1] == d + "/chunk.sh", c["command"]
    assert c["volumeMounts"][0]["mountPath"] == d, "mount"
    a = yaml.safe_load(open(d + "/assemble-job.yaml"))
    assert a["spec"]["template"]["spec"]["containers"][0]["command"][-1] == d + "/assemble.sh"
else:
    t = yaml.safe_load(open(d + "/template.yaml"))
    assert t["specificationVersion"] == "jobtemplate-2023-09"
    r, a = t["steps"]
    p = r["parameterSpace"]["taskParameterDefinitions"][0]
    assert r["name"] == "render" and p["type"] == "INT" and p["range"] == "1-14", p
    assert r["script"]["actions"]["onRun"]["args"] == [d + "/chunk.sh", "{{Task.Param.Chunk}}"]
    assert a["name"] == "assemble" and a["dependencies"] == [{"dependsOn": "render"}]
PY
    elif [ "$2" = k8s ]; then
        grep -qx '  completionMode: Indexed' "$1/job.yaml" && grep -q '^  completions: 14$' "$1/job.yaml" &&
            grep -q '^  backoffLimitPerIndex: 2' "$1/job.yaml" && grep -q 'JOB_COMPLETION_INDEX + 1' "$1/job.yaml"
    else
        grep -qx 'specificationVersion: jobtemplate-2023-09' "$1/template.yaml" &&
            grep -qx '      range: "1-14"' "$1/template.yaml" && grep -qx '  - dependsOn: render' "$1/template.yaml"
    fi
}
for e in k8s openjd; do
    yaml_check "$T/$e" $e >"$T/.out" 2>&1 && pass "$e: the YAML has the structure (PyYAML: $has_yaml)" ||
        { fail "$e: YAML"; sed 's/^/    /' "$T/.out" | tail -5; }
done

# ---- awkward counts ----
for n in 1 3 7 13 99 100; do
    "$OYSTER" plan "$T/s.yaml" --chunks $n --engine make -o "$T/n$n" 2>"$T/.err"
    if chunk_lines "$T/n$n/Makefile" | covers 100 >"$T/.cov"; then pass "--chunks $n covers 100 frames once"
    else fail "--chunks $n: $(head -3 "$T/.cov") $(cat "$T/.err")"; fi
done
expect_rc 0 "--chunk-frames 30" "$OYSTER" plan "$T/s.yaml" --chunk-frames 30 --engine parallel -o "$T/cf"
chunk_lines "$T/cf/submit.sh" >"$T/cf.lines"
if [ "$(wc -l <"$T/cf.lines")" = 4 ] && covers 100 <"$T/cf.lines" >/dev/null &&
   awk '{ if (int($1 * 100 / $2) - int(($1 - 1) * 100 / $2) > 30) exit 1 }' "$T/cf.lines"; then
    pass "--chunk-frames 30: 4 chunks of at most 30 frames"
else fail "--chunk-frames 30: $(tr '\n' ' ' <"$T/cf.lines")"; fi

# ---- overrides pass through, and count: --fps 24 --duration 2s is 48 frames ----
expect_rc 0 "overrides" "$OYSTER" plan "$T/s.yaml" --chunks 48 -s 42 --size 96x54 --fps 24 --duration 2s --draft --engine parallel -o "$T/ov"
grep -q -- '--chunk 48/48 -o .* --seed 42 --size 96x54 --fps 24 --duration 2s --draft$' "$T/ov/submit.sh" &&
    pass "the shot overrides reach every render" || fail "overrides: $(grep -m1 -- --chunk "$T/ov/submit.sh")"
expect_rc 2 "49 chunks of 48 frames" "$OYSTER" plan "$T/s.yaml" --chunks 49 --fps 24 --duration 2s --engine make -o "$T/ov49"

# ---- paths with spaces, quotes and '$', run by a stand-in oyster ----
# The commands name the binary that wrote the plan: plan with a copy,
# then put tests/farm/stand-in.sh there, which records its arguments.
W="$T/it's a \"dir\" \$HOME"
mkdir -p "$W/bin dir"
cp "$OYSTER" "$W/bin dir/oyster"
cp "$T/s.yaml" "$W/my shot's.yaml"
for e in make parallel slurm; do
    expect_rc 0 "$e: plan in a folder with quotes and spaces" "$W/bin dir/oyster" plan "$W/my shot's.yaml" --chunks 3 --seed 9 --engine $e -o "$W/out $e"
done
cp "$TOP/tests/farm/stand-in.sh" "$W/bin dir/oyster"
export LOG="$T/calls"
want_chunk() {   # the arguments a chunk I/3 render must get
    printf '[render][%s][--chunk][%s][-o][%s][--seed][9]\n' "$W/my shot's.yaml" "$1/3" "$W/out $2/my shot's"
}
: >"$LOG"
sh "$W/out make/submit.sh" >"$T/.out" 2>&1
{ want_chunk 1 make; want_chunk 2 make; want_chunk 3 make
  printf '[assemble][%s][-o][%s][--force]\n' "$W/out make/my shot's" "$W/out make/my shot's.mp4"; } >"$T/want"
sort "$LOG" >"$T/got"; sort "$T/want" >"$T/want.s"
cmp -s "$T/got" "$T/want.s" && pass "make: submit.sh runs each chunk and the assembly with the exact paths" ||
    { fail "make: submit.sh ran:"; sed 's/^/    /' "$LOG" "$T/.out" | head -8; }
: >"$LOG"
make -C "$W/out make" >/dev/null 2>&1
[ ! -s "$LOG" ] && pass "make: a second run has nothing left to do" || fail "make: a rerun ran $(wc -l <"$LOG") commands"
if command -v parallel >/dev/null 2>&1; then
    : >"$LOG"
    sh "$W/out parallel/submit.sh" >"$T/.out" 2>&1
    sed "s|out make|out parallel|g" "$T/want.s" | sort >"$T/want.p"
    sort "$LOG" | cmp -s - "$T/want.p" && pass "parallel: submit.sh runs each chunk and the assembly with the exact paths" ||
        { fail "parallel: submit.sh ran:"; sed 's/^/    /' "$LOG" "$T/.out" | head -8; }
    [ "$(awk 'NR > 1 && $7 == 0' "$W/out parallel/parallel.log" | wc -l)" = 3 ] &&
        pass "parallel: the job log has 3 successful chunks" || fail "parallel: job log: $(cat "$W/out parallel/parallel.log")"
fi
: >"$LOG"
for k in 1 2 3; do sh "$W/out slurm/chunk.sh" $k; done
sh "$W/out slurm/assemble.sh"
sed "s|out make|out slurm|g" "$T/want" >"$T/want.a"
cmp -s "$LOG" "$T/want.a" && pass "slurm: chunk.sh 1..3 and assemble.sh run with the exact paths" ||
    { fail "slurm: chunk.sh ran:"; sed 's/^/    /' "$LOG" | head -5; }
expect_rc 2 "chunk.sh refuses a task that is not a number" sh "$W/out slurm/chunk.sh" x
expect_rc 2 "chunk.sh refuses a task past the last" sh "$W/out slurm/chunk.sh" 4

# ---- refusals: exit 2, nothing written ----
expect_rc 2 "unknown engine" "$OYSTER" plan "$T/s.yaml" --chunks 2 --engine condor -o "$T/r"
grep -q "slurm, parallel, k8s, openjd or make" "$T/.err" && pass "the message lists the engines" || fail "message: $(cat "$T/.err")"
expect_rc 2 "--chunks with --chunk-frames" "$OYSTER" plan "$T/s.yaml" --chunks 2 --chunk-frames 10 --engine make -o "$T/r"
expect_rc 2 "neither --chunks nor --chunk-frames" "$OYSTER" plan "$T/s.yaml" --engine make -o "$T/r"
expect_rc 2 "--chunks 0" "$OYSTER" plan "$T/s.yaml" --chunks 0 --engine make -o "$T/r"
expect_rc 2 "--chunk-frames x" "$OYSTER" plan "$T/s.yaml" --chunk-frames x --engine make -o "$T/r"
expect_rc 2 "101 chunks of 100 frames" "$OYSTER" plan "$T/s.yaml" --chunks 101 --engine slurm -o "$T/r"
grep -q "100 frames" "$T/.err" && pass "the message gives the frames" || fail "message: $(cat "$T/.err")"
mkdir -p "$T/a" "$T/b"; cp "$T/s.yaml" "$T/a/x.yaml"; cp "$T/s.yaml" "$T/b/x.yaml"
expect_rc 2 "two shots named x" "$OYSTER" plan "$T/a/x.yaml" "$T/b/x.yaml" --chunks 2 --engine make -o "$T/r"
cp "$T/s.yaml" "$T/Makefile.yaml"
expect_rc 2 "a shot named like a file of the plan" "$OYSTER" plan "$T/Makefile.yaml" --chunks 2 --engine make -o "$T/r"
cp "$T/s.yaml" "$T/50%.yaml"
expect_rc 2 "make: a shot name make cannot take" "$OYSTER" plan "$T/50%.yaml" --chunks 2 --engine make -o "$T/r"
mkdir "$T/x{{y}}"
expect_rc 2 "openjd: a folder with '{{'" "$OYSTER" plan "$T/s.yaml" --chunks 2 --engine openjd -o "$T/x{{y}}/r"
cp "$T/s.yaml" "$T/tab	name.yaml"
expect_rc 2 "a script name with a tab" "$OYSTER" plan "$T/tab	name.yaml" --chunks 2 --engine parallel -o "$T/r"
expect_rc 0 "parallel takes that name" "$OYSTER" plan "$T/50%.yaml" --chunks 2 --engine parallel -o "$T/pct"
shot bad.yaml <<'YAML'
oyster: 1
output: {duraton: 2s}
YAML
expect_rc 2 "an invalid script" "$OYSTER" plan "$T/bad.yaml" --chunks 2 --engine make -o "$T/r"
expect_rc 2 "missing --engine" "$OYSTER" plan "$T/s.yaml" --chunks 2 -o "$T/r"
expect_rc 2 "missing -o" "$OYSTER" plan "$T/s.yaml" --chunks 2 --engine make
expect_rc 2 "missing shot" "$OYSTER" plan --chunks 2 --engine make -o "$T/r"
[ -e "$T/r" ] && fail "a refused plan wrote its folder" || pass "refused plans write nothing"
expect_rc 2 "a folder that is not empty" "$OYSTER" plan "$T/s.yaml" --chunks 2 --engine parallel -o "$T/make"
cmp -s "$T/make/submit.sh" "$T/n1/submit.sh" 2>/dev/null; grep -q 'make -j' "$T/make/submit.sh" &&
    pass "the folder is untouched" || fail "the folder changed"
expect_rc 0 "--force writes into it" "$OYSTER" plan "$T/s.yaml" --chunks 2 --engine parallel -o "$T/make" -f
grep -q 'parallel "$@"' "$T/make/submit.sh" && pass "--force rewrote submit.sh" || fail "--force: $(head -3 "$T/make/submit.sh")"
: >"$T/afile"
expect_rc 2 "-o names a file" "$OYSTER" plan "$T/s.yaml" --chunks 2 --engine make -o "$T/afile" -f
mkdir "$T/empty"
expect_rc 0 "an empty folder needs no --force" "$OYSTER" plan "$T/s.yaml" --chunks 2 --engine k8s -o "$T/empty"
finish
