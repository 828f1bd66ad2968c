#!/usr/bin/env python3
"""Scores `dyad extract --json` on the readability test pages: each page's
expected.html (the reference article) against dyad's main text, as
token-level precision, recall and F1 over multisets of lower-cased word
tokens. Prints the mean over pages (macro) and the pooled counts (micro).

usage: tools/eval_extract_readability.py [--bin build/dyad]
       [--dir ../shared/corpus/html/readability-pages] [--worst N]"""
import argparse, collections, gzip, html.parser, json, os, re, subprocess, sys, tempfile

TOKEN = re.compile(r"\w+", re.UNICODE)

class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript") and self.skip:
            self.skip -= 1
    def handle_data(self, d):
        if not self.skip:
            self.parts.append(d)

def tokens(text):
    return collections.Counter(t.lower() for t in TOKEN.findall(text))

def read(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rb") as f:
        return f.read()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/dyad")
    ap.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                  "corpus", "html", "readability-pages"))
    ap.add_argument("--worst", type=int, default=0)
    a = ap.parse_args()
    pages = []
    for name in sorted(os.listdir(a.dir)):
        d = os.path.join(a.dir, name)
        src = [f for f in ("source.html.gz", "source.html") if os.path.exists(os.path.join(d, f))]
        exp = [f for f in ("expected.html.gz", "expected.html") if os.path.exists(os.path.join(d, f))]
        if os.path.isdir(d) and src and exp:
            pages.append((name, os.path.join(d, src[0]), os.path.join(d, exp[0])))
    out = subprocess.run([a.bin, "extract", "--json", "--format", "html"] + [p[1] for p in pages],
                         capture_output=True, text=True, errors="replace")
    got = {}
    for line in out.stdout.split("\n"):
        if line.strip():
            o = json.loads(line)
            got[o["file"]] = o["text"] or ""
    rows, TP, NP, NR = [], 0, 0, 0
    for name, src, exp in pages:
        p = Text()
        p.feed(read(exp).decode("utf-8", "replace"))
        ref = tokens(" ".join(p.parts))
        hyp = tokens(got.get(src, ""))
        tp = sum((ref & hyp).values())
        np_, nr = sum(hyp.values()), sum(ref.values())
        pr = tp / np_ if np_ else 0.0
        rc = tp / nr if nr else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        rows.append((f1, pr, rc, name))
        TP += tp; NP += np_; NR += nr
    n = len(rows)
    mp = sum(r[1] for r in rows) / n
    mr = sum(r[2] for r in rows) / n
    mf = sum(r[0] for r in rows) / n
    for f1, pr, rc, name in sorted(rows)[:a.worst]:
        print(f"{name:45s} P {pr:.3f} R {rc:.3f} F1 {f1:.3f}")
    up, ur = TP / NP if NP else 0, TP / NR if NR else 0
    uf = 2 * up * ur / (up + ur) if up + ur else 0
    print(f"pages {n}")
    print(f"macro precision {mp:.4f}  recall {mr:.4f}  F1 {mf:.4f}")
    print(f"micro precision {up:.4f}  recall {ur:.4f}  F1 {uf:.4f}")

if __name__ == "__main__":
    main()
