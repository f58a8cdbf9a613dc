#!/bin/sh
# test_golden.sh - golden frame hashes: each tests/golden/NAME.yaml must
# render to exactly tests/golden/NAME.md5. When a change to the picture is
# intended, regenerate them with `scripts/golden-update` and commit the
# .md5 files with the change that explains them.
. "$(dirname "$0")/lib.sh"
G=$TOP/tests/golden
for y in "$G"/*.yaml; do
    name=$(basename "$y" .yaml)
    if ! "$OYSTER" render "$y" -o "$T/$name.mkv" --no-audio --frame-hashes "$T/$name.md5" -q; then
        fail "$name renders"; continue
    fi
    if [ ! -f "$G/$name.md5" ]; then fail "$name: no golden hashes (run scripts/golden-update)"; continue; fi
    grep '^0, ' "$G/$name.md5" >"$T/want"; grep '^0, ' "$T/$name.md5" >"$T/got"
    cmp -s "$T/want" "$T/got" && pass "$name matches its golden hashes" \
        || { fail "$name differs from its golden hashes"; diff "$T/want" "$T/got" | head -6 | sed 's/^/    /'; }
done
finish
