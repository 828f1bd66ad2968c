#!/bin/sh
# import_dict.sh.t — tools/import_dict.py turns TABARI and PETRARCH
# dictionaries into lexicons dyad loads, and the imported TABARI demo
# dictionaries code TABARI's own validation records. Reads
# ../shared/reference when it exists; skips cleanly when it does not.
BIN=${BUILD:-build}/dyad
REF=${DYAD_REFERENCE:-../shared/reference}
if [ ! -d "$REF/tabari" ] || [ ! -d "$REF/petrarch2" ]; then
  echo "skip: no TABARI/PETRARCH reference dictionaries"
  echo "0 passed, 0 failed"
  exit 0
fi
T=$(mktemp -d /tmp/dyad-import-test.XXXXXX)
[ -n "$KEEP" ] || trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { if [ "$1" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $2"; fi; }

# a lexicon folder: our tables and function words, the imported dictionaries
mkfolder() {
  mkdir -p "$1/en"
  cp lexicons/cameo.tsv lexicons/plover.tsv "$1/"
  cp lexicons/en/roles.txt "$1/en/"
  : > "$1/places.txt"
}

# ---- TABARI: demo actors, validation agents, demo verbs
mkfolder "$T/tab"
python3 tools/import_dict.py --out "$T/tab" "$REF/tabari/TABARI.Demo.actors" \
  "$REF/tabari/Validate.agents" "$REF/tabari/TABARI.Demo.verbs" 2> "$T/tab.err"
ok $? "the TABARI dictionaries import"
[ "$(grep -c ' n ' "$T/tab/en/actors-imported.txt")" -gt 100 ]; ok $? "TABARI actors are written"
grep -q '^USAGOV  *n  albright\*  @1999-12-01..2001-01-14$' "$T/tab/en/actors-imported.txt"
ok $? "a dated TABARI actor keeps its range"
grep -q '^GOVPRS  *g  president$' "$T/tab/en/actors-imported.txt"; ok $? "a TABARI agent is kind g"
[ "$(grep -c '\.\.\.' "$T/tab/en/events-imported.txt")" -gt 100 ]; ok $? "TABARI patterns become gapped phrases"
grep -q 'lines written' "$T/tab.err" && grep -q 'dropped' "$T/tab.err"; ok $? "counts go to stderr"

echo "Arnor attacked Gondor." | "$BIN" code --lang en --date 1995-01-01 --lexicons "$T/tab" > "$T/out" 2> "$T/err"
ok $? "dyad loads the imported TABARI lexicons"
grep -q '"source":{"code":"ARN".*"target":{"code":"GON".*"cameo":"223"' "$T/out"
ok $? "an imported actor and verb code a sentence"

# the validation records: date, id, text, expected {SRC / TGT / CODE}
python3 - "$REF/tabari/Validate.text" > "$T/val.jsonl" 2> "$T/val.exp" <<'EOF'
import json, re, sys
recs, cur = [], None
for line in open(sys.argv[1], encoding="latin-1"):
    m = re.match(r"^(\d{6})\s+(\S+)\s*$", line)
    if m and (cur is None or cur["done"]):
        cur = {"date": m.group(1), "id": m.group(2), "text": "", "note": "", "done": False, "intext": True}
        recs.append(cur)
        continue
    if cur is None or cur["done"]:
        continue
    if cur["intext"]:
        if "/*" in line:
            cur["text"] += line.split("/*")[0]
            cur["intext"] = False
            line = line.split("/*", 1)[1]
        else:
            cur["text"] += line
            continue
    cur["note"] += line
    if "*/" in line:
        cur["done"] = True
for r in recs:
    if "This is the end of the standard validation records" in r["text"]:
        break
    if "OPTION" in r["note"]:
        continue
    exp = [(a, b, c) for neg, a, b, c in re.findall(
        r"(-?)\{\s*([^{}/]+?)\s*/\s*([^{}/]+?)\s*/\s*(\w+)\s*\}", r["note"]) if not neg]
    if not exp or any("~" in a + b or "-" in a + b for a, b, c in exp):
        continue
    yy = int(r["date"][:2])
    date = "%d-%s-%s" % (2000 + yy if yy < 30 else 1900 + yy, r["date"][2:4], r["date"][4:6])
    print(json.dumps({"id": r["id"], "lang": "en", "date": date, "text": " ".join(r["text"].split())}))
    print(json.dumps({"id": r["id"], "events": sorted(set(exp))}), file=sys.stderr)
EOF
"$BIN" code --lexicons "$T/tab" "$T/val.jsonl" > "$T/val.out" 2> "$T/val.err"
ok $? "dyad codes the validation records"
python3 - "$T/val.exp" "$T/val.out" > "$T/val.score" <<'EOF'
import json, sys
exp = [json.loads(l) for l in open(sys.argv[1])]
got = {}
for l in open(sys.argv[2]):
    e = json.loads(l)
    got.setdefault(e["doc"], set()).add(((e.get("source") or {}).get("code", ""),
                                         (e.get("target") or {}).get("code", ""), e["cameo"]))
exact = some = 0
for r in exp:
    want, have = set(map(tuple, r["events"])), got.get(r["id"], set())
    exact += want == have
    some += bool(want & have)
print(len(exp), exact, some)
EOF
read n exact some < "$T/val.score"
echo "TABARI validation: $n records with plain expected events; $exact coded exactly, $some with at least one expected event"
[ "${n:-0}" -ge 300 ]; ok $? "at least 300 validation records are read"
[ "${exact:-0}" -ge 60 ]; ok $? "at least 60 validation records come out exactly right"
[ "${some:-0}" -ge 130 ]; ok $? "at least 130 validation records get an expected event"

# ---- PETRARCH: CAMEO 2.0 verbs, Phoenix agents and country actors
mkfolder "$T/petr"
python3 tools/import_dict.py --out "$T/petr" "$REF/petrarch2/Phoenix.Countries.actors.txt" \
  "$REF/petrarch2/Phoenix.agents.txt" "$REF/petrarch2/CAMEO.2.0.txt" 2> "$T/petr.err"
ok $? "the PETRARCH dictionaries import"
[ "$(grep -c . "$T/petr/en/events-imported.txt")" -gt 5000 ]; ok $? "PETRARCH verb patterns are written"
echo "Russia attacked Ukraine." | "$BIN" code --lang en --date 2015-06-01 --lexicons "$T/petr" > "$T/out" 2> "$T/err"
ok $? "dyad loads the imported PETRARCH lexicons"
grep -q '"source":{"code":"RUS".*"target":{"code":"UKR".*"cameo":"19' "$T/out"
ok $? "imported PETRARCH actors and verbs code a sentence"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
