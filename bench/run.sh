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
python3 - "$SHARED" "$OUT" "$MB" <<'PY'
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
        docs.append({"id": os.path.basename(f), "text": open(f, encoding="utf-8").read()})
size, n = 0, 0
with open(out, "w", encoding="utf-8") as w:
    while size < mb * 1_000_000:
        for d in docs:
            e = dict(d, id="%s#%d" % (d.get("id"), n))
            w.write(json.dumps(e, ensure_ascii=False) + "\n")
            size += len(d["text"].encode())
        n += 1
print("bench input: %s, %.1f MB of text, %d copies of %d documents" % (out, size / 1e6, n, len(docs)))
PY
"$BUILD/bench" "$OUT"
rm -f "$OUT"
sh "$(dirname "$0")/ingest.sh" "$BIN"
sh "$(dirname "$0")/html.sh" "$BIN"
