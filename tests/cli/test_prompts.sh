#!/bin/sh
# test_prompts.sh - the prompt suite (tests/prompts/): every line of
# prompts.txt rendered with one plain camera at 320x180 final and checked
# against what its words ask (luma rules, water, sand, red rock, fog, snow,
# forest, night, colours; see tests/prompts/suite.py). Failures listed in
# tests/prompts/known-failures.txt print as XFAIL (not counted); listed ones
# that pass print XPASS so the list can be pruned.
. "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
    fail "python3 is needed for the prompt suite (scripts/setup installs it)"; finish
fi
prompts=${PROMPTS:-$TOP/tests/prompts/prompts.txt}
if [ ! -f "$prompts" ]; then
    echo "SKIP $NAME: no $prompts (the suite's prompts)"; finish
fi
python3 "$TOP/tests/prompts/suite.py" --oyster "$OYSTER" --prompts "$prompts" \
    --size 320x180 --jobs 2 --dir "$T/prompts"
