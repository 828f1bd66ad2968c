#!/usr/bin/env python3
"""bench/make_corpus.py — the benchmarks' input: the corpora in SHARED (else
samples/) as JSON Lines, copied until MB megabytes of text, every copy with
its own id. --distinct (bench/ingest.sh): every copy also gets its own text,
since ingest skips a text it has already stored, and MB counts the bytes
written rather than the text.
usage: python3 bench/make_corpus.py SHARED OUT MB [--distinct]"""
import glob
import json
import os
import sys

shared, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
distinct = "--distinct" in sys.argv[4:]
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
            e = dict(d, id="%s#%d" % (d.get("id"), n))
            if distinct:
                e["text"] = d["text"] + "\n\n(%d)" % n
            line = json.dumps(e, ensure_ascii=False) + "\n"
            w.write(line)
            size += len((line if distinct else d["text"]).encode("utf-8"))
        n += 1
print("bench input: %s, %.1f MB of %s, %d copies of %d documents"
      % (out, size / 1e6, "input" if distinct else "text", n, len(docs)))
