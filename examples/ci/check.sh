#!/bin/sh
# check.sh - compare every shot's frames with its golden: exit 0 when no
# picture changed, 1 when one did (with `oyster diff`'s report: the frames,
# their timecodes), 2 when something could not be rendered or compared.
# Run by `make check`; the hashes it compares are the ones `make` renders.
set -u
: "${OYSTER:=oyster}" "${OUT:=out}"
status=0
for shot in shots/*.yaml; do
    n=$(basename "$shot" .yaml)
    if [ ! -f "golden/$n.md5" ]; then
        echo "$n: no golden (run 'make golden')"; status=2; continue
    fi
    "$OYSTER" diff "golden/$n.md5" "$OUT/$n.md5" >"$OUT/$n.diff.txt" 2>&1
    case $? in
        0) echo "$n: unchanged" ;;
        1) echo "$n: CHANGED"; sed 's/^/    /' "$OUT/$n.diff.txt"; [ $status = 2 ] || status=1 ;;
        *) echo "$n: cannot compare"; sed 's/^/    /' "$OUT/$n.diff.txt"; status=2 ;;
    esac
done
exit $status
