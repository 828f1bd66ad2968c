#!/bin/sh
# store_crash.sh.t — idempotency and crash safety of ingesting: a load
# killed with kill -9 half-way and run again must end with exactly the rows
# of an uninterrupted load; loading twice must equal loading once. First on
# the store alone (test_store --bulk: 5,000 synthetic documents with hand-
# made events), then through `dyad ingest` on 5,000 synthetic JSON Lines
# documents once the dyad binary has the command.
BUILD=${BUILD:-build}
pass=0; fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
N=5000
t="$BUILD/tests/test_store"
[ -x "$t" ] || { echo "store_crash: $t not built"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d /tmp/dyad-crash.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

docs() { [ -f "$1" ] && "$t" --docs "$1" 2>/dev/null; }

# Starts "$@" in the background, kills it with -9 as soon as the database
# at $db holds some documents (ingest commits in batches, so the kill
# lands inside an open transaction). Prints how many it had.
kill_midway() {
  db=$1; shift
  "$@" >/dev/null 2>&1 &
  pid=$!
  i=0; n=0
  while [ $i -lt 400 ]; do
    n=$(docs "$db"); n=${n:-0}
    [ "$n" -ge 1 ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.01; i=$((i + 1))
  done
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  docs "$db"
}

# ---- the store alone ----
"$t" --bulk "$tmp/ref.db" $N || no "bulk load failed"
ref=$("$t" --counts "$tmp/ref.db")
[ "$(echo "$ref" | cut -d' ' -f1)" = "$N" ] && ok || no "uninterrupted load: $ref"
"$t" --bulk "$tmp/ref.db" $N
[ "$("$t" --counts "$tmp/ref.db")" = "$ref" ] && ok || no "second load changed rows"

# (on a busy machine the poll may come too late: up to three tries)
for try in 1 2 3; do
  rm -f "$tmp/crash.db" "$tmp/crash.db-wal" "$tmp/crash.db-shm"
  got=$(kill_midway "$tmp/crash.db" "$t" --bulk "$tmp/crash.db" $N)
  [ "${got:-0}" -gt 0 ] && [ "${got:-0}" -lt $N ] && break
done
echo "store_crash: store killed with $got of $N documents stored"
if [ "${got:-0}" -gt 0 ] && [ "${got:-0}" -lt $N ]; then ok; else no "kill did not land mid-way ($got)"; fi
"$t" --bulk "$tmp/crash.db" $N || no "re-run after kill failed"
after=$("$t" --counts "$tmp/crash.db")
[ "$after" = "$ref" ] && ok || no "after kill -9 and re-run: '$after', uninterrupted: '$ref'"

# ---- through dyad ingest ----
dyad="$BUILD/dyad"
if [ -x "$dyad" ] && "$dyad" ingest --help >/dev/null 2>&1; then
  # synthetic articles of our own, several sentences each
  awk -v n=$N 'BEGIN {
    split("Russland Nordkorea Ukraine China Deutschland Frankreich", c, " ");
    split("lieferte Waffen an|verurteilte|traf sich mit|griff an|drohte", v, "|");
    for (i = 0; i < n; i++) {
      a = c[i % 6 + 1]; b = c[int(i / 6) % 6 + 1]; w = v[i % 5 + 1];
      printf("{\"id\": \"syn-%05d\", \"lang\": \"de\", \"date\": \"2024-%02d-%02d\", \"publisher\": \"Pub%d\", \"title\": \"Meldung %d\", \"text\": \"%s %s %s am %d. Mai. Die Regierung von %s äußerte sich nicht. Meldung Nummer %d.\"}\n", i, i % 12 + 1, i % 28 + 1, i % 7, i, a, w, b, i % 28 + 1, b, i);
    } }' > "$tmp/syn.jsonl"
  # a frozen copy of the lexicons: both runs must code alike
  lex=${DYAD_LEXICONS:-lexicons}
  cp -r "$lex" "$tmp/lex" 2>/dev/null || lex=""
  set -- ${lex:+--lexicons "$tmp/lex"}
  "$dyad" ingest --quiet "$@" --db "$tmp/ci-ref.db" "$tmp/syn.jsonl" || no "dyad ingest failed"
  cref=$("$t" --counts "$tmp/ci-ref.db")
  [ "$(echo "$cref" | cut -d' ' -f1)" = "$N" ] && ok || no "dyad ingest stored: $cref"
  "$dyad" ingest --quiet "$@" --db "$tmp/ci-ref.db" "$tmp/syn.jsonl"
  [ "$("$t" --counts "$tmp/ci-ref.db")" = "$cref" ] && ok || no "dyad ingest twice changed rows"
  for try in 1 2 3; do
    rm -f "$tmp/ci-crash.db" "$tmp/ci-crash.db-wal" "$tmp/ci-crash.db-shm"
    got=$(kill_midway "$tmp/ci-crash.db" "$dyad" ingest --quiet "$@" --db "$tmp/ci-crash.db" "$tmp/syn.jsonl")
    [ "${got:-0}" -gt 0 ] && [ "${got:-0}" -lt $N ] && break
  done
  echo "store_crash: dyad ingest killed with $got of $N documents stored"
  if [ "${got:-0}" -gt 0 ] && [ "${got:-0}" -lt $N ]; then ok; else no "ingest kill did not land mid-way ($got)"; fi
  "$dyad" ingest --quiet "$@" --db "$tmp/ci-crash.db" "$tmp/syn.jsonl" || no "re-run failed"
  cafter=$("$t" --counts "$tmp/ci-crash.db")
  [ "$cafter" = "$cref" ] && ok || no "dyad ingest after kill -9: '$cafter', uninterrupted: '$cref'"
  echo "store_crash: documents events mentions actors digest: $cref"
else
  echo "store_crash: dyad ingest part skipped ($dyad has no ingest command yet)"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
