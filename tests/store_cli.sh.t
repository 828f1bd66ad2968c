#!/bin/sh
# store_cli.sh.t — dyad ingest/query/stats/export end to end on the seed and
# dev corpora (../shared, skipped when absent): ingesting twice leaves the
# same rows as once; every output format has its shape (JSON Lines records,
# CSV header, GDELT 2.0 column counts); filters narrow; errors are clean.
BUILD=${BUILD:-build}
pass=0; fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else no "$2"; fi; }

dyad="$BUILD/dyad"; t="$BUILD/tests/test_store"
if ! [ -x "$dyad" ] || ! "$dyad" ingest --help >/dev/null 2>&1; then
  echo "store_cli: skipped ($dyad has no ingest command yet)"; echo "0 passed, 0 failed"; exit 0
fi
S=../shared/corpus
[ -d "$S" ] || S=../shared/corpus
inputs=""
for f in "$S"/seed/*.jsonl "$S"/de-wikinews/dev.jsonl "$S"/en-guardian/dev.jsonl "$S"/plover-gsr/dev.jsonl; do
  [ -f "$f" ] && inputs="$inputs $f"
done
if [ -z "$inputs" ]; then
  echo "store_cli: skipped (no corpora in ../shared)"; echo "0 passed, 0 failed"; exit 0
fi
tmp=$(mktemp -d /tmp/dyad-cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
lex=${DYAD_LEXICONS:-lexicons}
cp -r "$lex" "$tmp/lex" 2>/dev/null || lex=""
set -- ${lex:+--lexicons "$tmp/lex"}
db="$tmp/d.db"

# ---- twice = once ----
"$dyad" ingest --quiet "$@" --db "$db" $inputs 2>"$tmp/err"
check '[ $? -eq 0 ]' "ingest failed: $(tail -n 3 "$tmp/err")"
"$dyad" export --db "$db" --format jsonl >"$tmp/once.jsonl"
"$dyad" export --db "$db" --format gdelt-mentions >"$tmp/once.men"
once=$("$t" --counts "$db")
"$dyad" ingest "$@" --db "$db" $inputs 2>"$tmp/err2"
check 'grep -q " 0 documents stored" "$tmp/err2"' "second ingest stored something: $(cat "$tmp/err2")"
"$dyad" export --db "$db" --format jsonl >"$tmp/twice.jsonl"
"$dyad" export --db "$db" --format gdelt-mentions >"$tmp/twice.men"
check '[ "$once" = "$("$t" --counts "$db")" ]' "counts changed on re-ingest"
check 'cmp -s "$tmp/once.jsonl" "$tmp/twice.jsonl"' "events changed on re-ingest"
check 'cmp -s "$tmp/once.men" "$tmp/twice.men"' "mentions changed on re-ingest"
nev=$(wc -l <"$tmp/once.jsonl")
echo "store_cli: $once (documents events mentions actors digest); $nev events exported"
check '[ "$nev" -gt 0 ]' "no events stored (engine codes nothing?)"

# ---- formats ----
python3 - "$tmp/once.jsonl" <<'PY'
import json, sys
need = ("doc", "sentence", "source", "target", "cameo", "quad", "goldstein",
        "mentions", "sources", "articles")
bad = 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    r = json.loads(line)
    miss = [k for k in need if k not in r]
    if miss or not isinstance(r["source"], dict) or r["mentions"] < r["articles"] \
       or r["articles"] < r["sources"] or not (1 <= r["quad"] <= 4):
        print("bad record", n, miss, line[:200]); bad += 1
sys.exit(1 if bad else 0)
PY
check '[ $? -eq 0 ]' "JSON Lines records lack fields of spec/events.md"
"$dyad" export --db "$db" --format gdelt-events >"$tmp/ev.tsv"
check '[ "$(awk -F"\t" "{print NF}" "$tmp/ev.tsv" | sort -u)" = 61 ]' "gdelt-events rows are not 61 columns"
check '[ "$(wc -l <"$tmp/ev.tsv")" -eq "$nev" ]' "gdelt-events: one row per event"
check '[ "$(awk -F"\t" "{print NF}" "$tmp/once.men" | sort -u)" = 16 ]' "gdelt-mentions rows are not 16 columns"
nmen=$(echo "$once" | cut -d" " -f3)
check '[ "$(wc -l <"$tmp/once.men")" -eq "$nmen" ]' "gdelt-mentions: one row per mention"
"$dyad" export --db "$db" --format gdelt-events --header | head -n 1 >"$tmp/h"
check 'grep -q "^GLOBALEVENTID	SQLDATE	MonthYear" "$tmp/h" && grep -q "DATEADDED	SOURCEURL$" "$tmp/h"' "gdelt header"
# NumMentions (col 32) sums to the mentions
check '[ "$(awk -F"\t" "{s+=\$32} END {print s}" "$tmp/ev.tsv")" -eq "$nmen" ]' "NumMentions do not add up to the mentions"
"$dyad" query --db "$db" --format csv >"$tmp/q.csv"
check 'head -n 1 "$tmp/q.csv" | grep -q "^id,date,source,source_text,target"' "csv header"
check 'python3 -c "import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding=\"utf-8\"))); sys.exit(0 if len(r)==$nev+1 and len({len(x) for x in r})==1 else 1)" "$tmp/q.csv"' "csv rows"
# piped output defaults to JSON Lines
"$dyad" query --db "$db" --limit 1 | python3 -c "import json,sys; json.loads(sys.stdin.readline())"
check '[ $? -eq 0 ]' "piped query is not JSON Lines"

# ---- filters narrow and agree with each other ----
n_rus=$("$dyad" query --db "$db" --source RUS | wc -l)
n_rus_src=$(grep -c '"source":{"code":"RUS' "$tmp/once.jsonl")
check '[ "$n_rus" -eq "$n_rus_src" ]' "--source RUS: $n_rus, records with RUS source: $n_rus_src"
n07=$("$dyad" query --db "$db" --code 07 | wc -l)
check '[ "$n07" -eq "$(grep -c "\"cameo\":\"07" "$tmp/once.jsonl")" ]' "--code 07"
nq4=$("$dyad" query --db "$db" --quad 4 | wc -l)
check '[ "$nq4" -eq "$(grep -c "\"quad\":4" "$tmp/once.jsonl")" ]' "--quad 4"
nlim=$("$dyad" query --db "$db" --limit 3 | wc -l)
check '[ "$nlim" -eq 3 ] || [ "$nev" -lt 3 ]' "--limit 3"

# ---- stats ----
"$dyad" stats --db "$db" --by month --format csv >"$tmp/st.csv"
check 'head -n 1 "$tmp/st.csv" | grep -q "^period,events,mentions,goldstein_mean$"' "stats csv header"
check '[ "$(awk -F, "NR>1 {s+=\$2} END {print s}" "$tmp/st.csv")" -eq "$nev" ]' "stats by month do not add up to all events"
"$dyad" stats --db "$db" --by week --format csv >"$tmp/sw.csv"
check 'awk -F, "NR>1 && \$1 != \"-\" && \$1 !~ /^[0-9][0-9][0-9][0-9]-W[0-5][0-9]\$/ {exit 1}" "$tmp/sw.csv"' "ISO week labels"
"$dyad" stats --db "$db" --top 5 --format jsonl >"$tmp/top"
check '[ "$(wc -l <"$tmp/top")" -le 5 ] && [ -s "$tmp/top" ]' "stats --top 5"

# ---- errors ----
"$dyad" query --db "$tmp/missing.db" >/dev/null 2>"$tmp/e"; rc=$?
check '[ $rc -eq 2 ] && grep -q "no such database" "$tmp/e" && [ ! -e "$tmp/missing.db" ]' "query on a missing database"
"$dyad" query --db "$db" --quad 9 >/dev/null 2>&1
check '[ $? -eq 2 ]' "--quad 9 accepted"
"$dyad" query --db "$db" --dyad PRK >/dev/null 2>&1
check '[ $? -eq 2 ]' "--dyad without a dash accepted"
"$dyad" export --db "$db" --format xml >/dev/null 2>&1
check '[ $? -eq 2 ]' "unknown export format accepted"
"$dyad" query --db "$db" --source "RUS' OR 1=1 --" | wc -l >"$tmp/inj"
check '[ "$(cat "$tmp/inj")" -eq 0 ]' "quotes in a filter matched something"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
