#!/bin/sh
# bench/html.sh — MB/s of HTML main-text extraction on one core: runs
# `dyad extract` over uncompressed copies of the trafilatura-eval pages
# (or the folder given) and divides the HTML bytes by the wall time.
# usage: sh bench/html.sh [path/to/dyad] [html-folder]
BIN=${1:-build/dyad}
SRC=${2:-$(dirname "$0")/../../shared/corpus/html/trafilatura-eval/html}
[ -d "$SRC" ] || { echo "bench/html.sh: no pages in $SRC (skipped)"; exit 0; }
TMP=$(mktemp -d /tmp/dyad-bench-html.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
i=0
for f in "$SRC"/*; do
  i=$((i + 1))
  case "$f" in *.gz) gzip -dc "$f" > "$TMP/$i.html" ;; *) cp "$f" "$TMP/$i.html" ;; esac
done
bytes=$(cat "$TMP"/*.html | wc -c)
PIN=""; command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
best=""
for run in 1 2 3; do
  t0=$(date +%s.%N)
  $PIN "$BIN" extract --format html "$TMP" > /dev/null 2>&1
  t1=$(date +%s.%N)
  t=$(echo "$t1 - $t0" | bc -l)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
mbs=$(echo "$bytes / 1048576 / $best" | bc -l)
printf 'html extract: %d pages, %.1f MB in %.3f s (best of 3, one core): %.1f MB/s\n' \
  "$i" "$(echo "$bytes / 1048576" | bc -l)" "$best" "$mbs"
