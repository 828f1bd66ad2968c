#!/bin/sh
# make bench: whole-pipeline throughput on >= 50 MB of news text. The text
# is built from the dev and held-out corpora in ../shared when present (as
# many copies as it takes, each with its own id), else from samples/.
set -e
BIN=${1:-build/dyad}
BUILD=$(dirname "$BIN")
SHARED=$(dirname "$0")/../../shared
OUT=${TMPDIR:-/tmp}/dyad-bench.jsonl
MB=${BENCH_MB:-50}
python3 "$(dirname "$0")/make_corpus.py" "$SHARED" "$OUT" "$MB"
"$BUILD/bench" "$OUT"
rm -f "$OUT"
sh "$(dirname "$0")/ingest.sh" "$BIN"
sh "$(dirname "$0")/html.sh" "$BIN"
