#!/bin/sh
# bench/ingest.sh — ingest throughput into SQLite against `dyad code` on the
# same input (target: ingest >= 80% of code). The input is the corpora in
# ../shared (else samples/), copied until it reaches BENCH_MB megabytes;
# every copy gets its own id AND its own text, since ingest skips a text it
# has already stored.
#   sh bench/ingest.sh [build/dyad]
set -e
BIN=${1:-build/dyad}
MB=${BENCH_MB:-20}
SHARED=$(dirname "$0")/../../shared
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dyad-bench-ingest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
IN=$TMP/input.jsonl
python3 "$(dirname "$0")/make_corpus.py" "$SHARED" "$IN" "$MB" --distinct >/dev/null
bytes=$(wc -c <"$IN")
ndocs=$(wc -l <"$IN")
now() { date +%s.%N; }
RUNS=${BENCH_RUNS:-3}

# Best of RUNS for each (the machine may be shared: the best run is the
# one least disturbed). Ingest starts from an empty database every time.
# `ingest` codes in one thread per processor, as a bulk load should; the
# --jobs 1 line (one coder, like `dyad code`) shows what storing costs.
best_code=""; best_ingest=""; best_one=""
mn() { awk -v x="$1" -v y="${2:-$1}" 'BEGIN { print (x < y ? x : y) }'; }
dt() { awk -v a="$1" -v b="$2" 'BEGIN { printf("%.3f", b - a) }'; }
i=0
while [ $i -lt "$RUNS" ]; do
  t0=$(now); "$BIN" code "$IN" >/dev/null; t1=$(now)
  rm -f "$TMP"/bench.db*
  "$BIN" ingest --quiet --db "$TMP/bench.db" "$IN"; t2=$(now)
  rm -f "$TMP"/one.db*
  "$BIN" ingest --quiet --jobs 1 --db "$TMP/one.db" "$IN"; t3=$(now)
  best_code=$(mn "$(dt "$t0" "$t1")" "$best_code")
  best_ingest=$(mn "$(dt "$t1" "$t2")" "$best_ingest")
  best_one=$(mn "$(dt "$t2" "$t3")" "$best_one")
  i=$((i + 1))
done
t2=$(now); "$BIN" ingest --quiet --db "$TMP/bench.db" "$IN"; t3=$(now)
mentions=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from mentions').fetchone()[0])" "$TMP/bench.db" 2>/dev/null || echo "?")

awk -v b="$bytes" -v n="$ndocs" -v c="$best_code" -v i="$best_ingest" -v o="$best_one" -v r="$(dt "$t2" "$t3")" -v m="$mentions" -v runs="$RUNS" 'BEGIN {
  printf("input: %d documents, %.1f MB, %s mentions stored; best of %d runs\n", n, b / 1e6, m, runs);
  printf("dyad code:                      %6.2f s  %7.0f docs/s  %6.2f MB/s\n", c, n / c, b / 1e6 / c);
  printf("dyad ingest (SQLite):           %6.2f s  %7.0f docs/s  %6.2f MB/s\n", i, n / i, b / 1e6 / i);
  printf("dyad ingest --jobs 1 (SQLite):  %6.2f s  %7.0f docs/s  %6.2f MB/s  (%.0f%% of code)\n", o, n / o, b / 1e6 / o, 100 * c / o);
  printf("re-ingest (all skipped):        %6.2f s\n", r);
  ratio = c / i;
  printf("ingest/code throughput: %.0f%% (target >= 80%%): %s\n", 100 * ratio, ratio >= 0.8 ? "PASS" : "FAIL");
  exit ratio >= 0.8 ? 0 : 1 }'
