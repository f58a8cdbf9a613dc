#!/bin/sh
# stand-in.sh - takes the place of the oyster binary a plan names, for the
# tests that run a plan's files: appends its arguments, each in [], as a
# line to $LOG, and makes what the real commands make: the chunk's
# manifest (render SCRIPT --chunk I/N -o DIR ...) or the video
# (assemble DIR -o OUT ...).
# one write per call: make -j and parallel run several at once
line=$(for a in "$@"; do printf '[%s]' "$a"; done)
printf '%s\n' "$line" >>"$LOG"
case $1 in
render) i=${4%/*} n=${4#*/}
        mkdir -p "$6" && touch "$6/$(printf "chunk-%0${#n}d-of-%d.json" "$i" "$n")" ;;
assemble) touch "$4" ;;
esac
