#!/bin/sh
# store_pg.sh.t — the store on a real PostgreSQL server (started here by
# tests/pg.sh): the unit scenario must give the same answers as on SQLite,
# and, once `dyad ingest` works, the same queries over ingested documents
# must print the same on both. Skips only when no server binaries exist.
BUILD=${BUILD:-build}
pass=0; fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }

t="$BUILD/tests/test_store"
[ -x "$t" ] || { echo "store_pg: $t not built"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d /tmp/dyad-pgt.XXXXXX)
pgdir=$(mktemp -d /tmp/dyad-pg.XXXXXX)   # its own: the server user must reach it
url=$(sh tests/pg.sh start "$pgdir" bulk cli); rc=$?
if [ $rc -eq 77 ]; then
  echo "store_pg: SKIPPED: no PostgreSQL server binaries (apt-get install postgresql)"
  rm -rf "$tmp" "$pgdir"; echo "0 passed, 0 failed"; exit 0
fi
[ $rc -eq 0 ] || { sh tests/pg.sh stop "$pgdir"; rm -rf "$tmp"; echo "store_pg: could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
trap 'sh tests/pg.sh stop "$pgdir"; rm -rf "$tmp"' EXIT
bulk_url=$(printf '%s' "$url" | sed 's|/dyad?|/bulk?|')
cli_url=$(printf '%s' "$url" | sed 's|/dyad?|/cli?|')

# 1. The unit scenario on both backends, transcripts compared inside.
out=$(DYAD_TEST_PG="$url" "$t" 2>&1)
line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n1)
if printf '%s' "$line" | grep -q ' 0 failed'; then ok; else no "test_store on PostgreSQL: $out"; fi

# 2. Bulk load: same counts and event digest on both.
"$t" --bulk "$tmp/bulk.db" 600 && "$t" --bulk "$bulk_url" 600 \
  && a=$("$t" --counts "$tmp/bulk.db") && b=$("$t" --counts "$bulk_url") \
  && [ "$a" = "$b" ] && ok || no "bulk counts differ: sqlite '$a' pg '$b'"
# reloading is a no-op on PostgreSQL too
"$t" --bulk "$bulk_url" 600 && c=$("$t" --counts "$bulk_url") && [ "$b" = "$c" ] && ok \
  || no "bulk reload changed PostgreSQL: '$b' -> '$c'"

# 3. CLI parity over real ingested documents, when the engine is there.
dyad="$BUILD/dyad"
seed=../shared/corpus/seed/dw-2025-08-22-waffenbrueder.jsonl
[ -f "$seed" ] || seed=../shared/corpus/seed/dw-2025-08-22-waffenbrueder.jsonl
if [ -x "$dyad" ] && "$dyad" ingest --help >/dev/null 2>&1 && [ -f "$seed" ]; then
  inputs="$seed"
  for f in ../shared/corpus/de-wikinews/dev.jsonl ../shared/corpus/en-guardian/dev.jsonl; do
    [ -f "$f" ] && inputs="$inputs $f"
  done
  lex=${DYAD_LEXICONS:-lexicons}   # frozen: both ingests must code alike
  cp -r "$lex" "$tmp/lex" 2>/dev/null || lex=""
  set -- ${lex:+--lexicons "$tmp/lex"}
  "$dyad" ingest --quiet "$@" --db "$tmp/cli.db" $inputs 2>"$tmp/err1" || no "ingest sqlite: $(tail -n 3 "$tmp/err1")"
  "$dyad" ingest --quiet "$@" --db "$cli_url" $inputs 2>"$tmp/err2" || no "ingest pg: $(tail -n 3 "$tmp/err2")"
  for q in "" "--source RUS" "--target UKR" "--code 07" "--code 19" "--quad 4" \
           "--since 2024-01 --until 2025-12" "--text Soldaten" "--text Nordkorea*" \
           "--unverified" "--claimant DEU" "--dyad PRK-RUS"; do
    for fmt in jsonl csv; do
      "$dyad" query --db "$tmp/cli.db" --format $fmt $q >"$tmp/q1" 2>&1
      "$dyad" query --db "$cli_url" --format $fmt $q >"$tmp/q2" 2>&1
      if cmp -s "$tmp/q1" "$tmp/q2"; then ok; else no "query $q --format $fmt differs"; diff "$tmp/q1" "$tmp/q2" | head -n 6; fi
    done
  done
  for s in "--by month" "--by week --actor RUS" "--by day --dyad PRK-RUS" "--top 10"; do
    "$dyad" stats --db "$tmp/cli.db" $s >"$tmp/s1" 2>&1
    "$dyad" stats --db "$cli_url" $s >"$tmp/s2" 2>&1
    if cmp -s "$tmp/s1" "$tmp/s2"; then ok; else no "stats $s differs"; diff "$tmp/s1" "$tmp/s2" | head -n 6; fi
  done
  for fmt in gdelt-events gdelt-mentions; do
    "$dyad" export --db "$tmp/cli.db" --format $fmt >"$tmp/e1" 2>&1
    "$dyad" export --db "$cli_url" --format $fmt >"$tmp/e2" 2>&1
    if cmp -s "$tmp/e1" "$tmp/e2"; then ok; else no "export $fmt differs"; fi
  done
else
  echo "store_pg: CLI parity skipped (no $dyad with ingest, or no seed corpus)"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
