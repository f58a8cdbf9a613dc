#!/bin/sh
# test_house.sh - the house rules a reader relies on: cli/ reaches the
# engine only through engine/oyster.h; the sources point at what the
# repository holds (man pages, docs/), never at documents it does not.
. "$(dirname "$0")/lib.sh"

bad=$(grep -n '#include "' "$TOP"/cli/*.c "$TOP"/cli/*.h |
      grep -vE '#include "(oyster|cli|options|progress|exports|term|wander)\.h"' | sed "s|$TOP/||")
[ -z "$bad" ] && pass "cli/ includes only engine/oyster.h of the engine" || fail "cli/ reaches into the engine: $bad"

cited=$(grep -rnE '\b(SPEC|DESIGN)\b *§' "$TOP"/engine "$TOP"/cli "$TOP"/tests "$TOP"/scripts "$TOP"/examples \
        "$TOP"/data "$TOP"/docs "$TOP"/README.md 2>/dev/null | sed "s|$TOP/||" | head -5)
[ -z "$cited" ] && pass "no source cites a document the repository does not hold" || fail "cites SPEC/DESIGN: $cited"
finish
