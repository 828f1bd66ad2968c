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
python3 - "$SHARED" "$IN" "$MB" <<'PY'
import json, os, sys, glob
shared, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
for f in sorted(glob.glob(os.path.join(shared, "corpus", "*", "*.jsonl"))):
    for line in open(f, encoding="utf-8"):
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if d.get("text"):
            docs.append(d)
if not docs:
    for f in sorted(glob.glob("samples/*.txt")):
        docs.append({"id": os.path.basename(f), "lang": "de",
                     "text": open(f, encoding="utf-8").read()})
size, n = 0, 0
with open(out, "w", encoding="utf-8") as w:
    while docs and size < mb * 1_000_000:
        for d in docs:
            e = dict(d, id="%s#%d" % (d.get("id"), n),
                     text=d["text"] + "\n\n(%d)" % n)
            line = json.dumps(e, ensure_ascii=False) + "\n"
            w.write(line)
            size += len(line.encode("utf-8"))
        n += 1
PY
bytes=$(wc -c <"$IN")
ndocs=$(wc -l <"$IN")
now() { date +%s.%N; }

t0=$(now); "$BIN" code "$IN" >/dev/null; t1=$(now)
"$BIN" ingest --quiet --db "$TMP/bench.db" "$IN"; t2=$(now)
"$BIN" ingest --quiet --db "$TMP/bench.db" "$IN"; t3=$(now)

awk -v b="$bytes" -v n="$ndocs" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" 'BEGIN {
  c = t1 - t0; i = t2 - t1; r = t3 - t2;
  printf("input: %d documents, %.1f MB\n", n, b / 1e6);
  printf("dyad code:            %6.2f s  %7.0f docs/s  %6.2f MB/s\n", c, n / c, b / 1e6 / c);
  printf("dyad ingest (SQLite): %6.2f s  %7.0f docs/s  %6.2f MB/s\n", i, n / i, b / 1e6 / i);
  printf("re-ingest (all skipped): %6.2f s\n", r);
  ratio = c / i;
  printf("ingest/code throughput: %.0f%% (target >= 80%%): %s\n", 100 * ratio, ratio >= 0.8 ? "PASS" : "FAIL");
  exit ratio >= 0.8 ? 0 : 1 }'
