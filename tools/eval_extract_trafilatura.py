#!/usr/bin/env python3
"""Scores `dyad extract --json` on trafilatura's evaluation set the way
trafilatura scores itself: a "with" snippet found in the whitespace-
normalised main text is a true positive, one missed a false negative; a
"without" snippet found is a false positive. Prints P, R, F1.

usage: tools/eval_extract_trafilatura.py [--bin build/dyad]
       [--dir ../shared/corpus/html/trafilatura-eval] [--misses N]"""
import argparse, json, os, re, subprocess, sys

def norm(t):
    return re.sub(r"\s+", " ", t).strip()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/dyad")
    ap.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                  "corpus", "html", "trafilatura-eval"))
    ap.add_argument("--misses", type=int, default=0, help="show N pages with errors")
    a = ap.parse_args()
    data = json.load(open(os.path.join(a.dir, "evaldata.json"), encoding="utf-8"))
    paths, items = [], {}
    for url, item in data.items():
        f = os.path.join(a.dir, "html", item["file"])
        if not os.path.exists(f):
            f += ".gz"
        if not os.path.exists(f):
            print("missing:", item["file"], file=sys.stderr)
            continue
        paths.append(f)
        items[f] = item
    texts = {}
    for i in range(0, len(paths), 200):
        out = subprocess.run([a.bin, "extract", "--json", "--format", "html"] + paths[i:i + 200],
                             capture_output=True, text=True, errors="replace")
        for line in out.stdout.split("\n"):
            if not line.strip():
                continue
            o = json.loads(line)
            texts[o["file"]] = o["text"] or ""
    tp = fp = fn = tn = 0
    bad = []
    for f, item in items.items():
        t = norm(texts.get(f, ""))
        a_tp = sum(1 for w in item["with"] if norm(w) in t)
        a_fp = sum(1 for w in item["without"] if norm(w) in t)
        tp += a_tp; fp += a_fp
        fn += len(item["with"]) - a_tp; tn += len(item["without"]) - a_fp
        if a_fp or a_tp < len(item["with"]):
            bad.append((len(item["with"]) - a_tp + a_fp, f,
                        [w for w in item["with"] if norm(w) not in t],
                        [w for w in item["without"] if norm(w) in t]))
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * p * r / (p + r) if p + r else 0
    bad.sort(reverse=True)
    for n, f, miss, extra in bad[:a.misses]:
        print(os.path.basename(f), "missed:", miss, "extra:", extra)
    print(f"pages {len(items)}  tp {tp} fp {fp} fn {fn} tn {tn}")
    print(f"precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}")

if __name__ == "__main__":
    main()
