#!/bin/sh
# cli_code.sh.t — `dyad code` on bad input: every document gets a clear
# message naming it, the others are still coded, the exit status tells
# whether all were read. Fixtures are made here, in a temp folder.
BIN=${BUILD:-build}/dyad
T=$(mktemp -d /tmp/dyad-cli-test.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { if [ "$1" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $2"; fi; }

printf 'Russland griff die Ukraine an.\377\376 Die Ukraine wehrte sich.' > "$T/bad.txt"
printf '{"id":"a","text":"Russland griff die Ukraine an.","lang":"de"}\n{"id":"b","text": broken\n{"id":"c","text":"Russia attacked Ukraine.","lang":"en"}\n' > "$T/mixed.jsonl"
: > "$T/empty.txt"
python3 -c "print('{\"id\":\"big\",\"lang\":\"en\",\"text\":\"' + 'Russia attacked Ukraine. ' * 420000 + '\"}')" > "$T/big.jsonl"

"$BIN" code --lang de "$T/bad.txt" > "$T/out" 2> "$T/err"; rc=$?
ok $rc "invalid UTF-8 is repaired, not an error"
grep -q 'bad.txt: 2 invalid UTF-8 sequences replaced' "$T/err"; ok $? "invalid UTF-8 is counted by name"
grep -q '"cameo":"19' "$T/out"; ok $? "the repaired document is still coded"

"$BIN" code "$T/mixed.jsonl" > "$T/out" 2> "$T/err"; rc=$?
[ $rc = 1 ]; ok $? "a malformed JSON line makes the exit status 1"
grep -q 'mixed.jsonl:2: not JSON' "$T/err"; ok $? "the malformed line is named by file and line"
[ "$(grep -c '"doc":"a"' "$T/out")" = 1 ] && [ "$(grep -c '"doc":"c"' "$T/out")" = 1 ]
ok $? "the lines around it are coded"

"$BIN" code "$T/empty.txt" > "$T/out" 2> "$T/err"; rc=$?
ok $rc "an empty document is no error"
grep -q 'empty.txt: no text' "$T/err"; ok $? "an empty document is named"

printf 'Putin hatte nach offiziellen nordkoreanischen Verlautbarungen mit Kim telefoniert.\n' > "$T/claim.txt"
"$BIN" code --lang de --date 2025-08-22 "$T/claim.txt" > "$T/out" 2> "$T/err"
grep -q '"claimant":{"code":"PRK","text":"official North Korean statements","written":"offiziellen nordkoreanischen Verlautbarungen"}' "$T/out"
ok $? "a claimant that names no one is given in English, and as written"

printf 'El gobierno de la capital dijo que las tropas del norte avanzaron por la noche para una ofensiva con los aliados que llegaron desde el sur de la región, según los portavoces del ministerio.\n' > "$T/es.txt"
"$BIN" code "$T/es.txt" > "$T/out" 2> "$T/err"; rc=$?
ok $rc "a page in another language is no error"
grep -q 'es.txt: neither German nor English; not coded' "$T/err" && [ ! -s "$T/out" ]
ok $? "a page in another language is named and not coded"

"$BIN" code "$T/big.jsonl" > "$T/out" 2> "$T/err"; rc=$?
ok $rc "a 10 MB line is read"
[ "$(wc -l < "$T/out")" -gt 1000 ]; ok $? "a 10 MB line is coded"

"$BIN" code "$T/missing.txt" > "$T/out" 2> "$T/err"; rc=$?
[ $rc != 0 ] && grep -q 'missing.txt' "$T/err"; ok $? "a missing file is named and fails"

"$BIN" code --help | grep -q 'usage: dyad code'; ok $? "dyad code --help"
"$BIN" code --frobnicate > /dev/null 2>&1; [ $? = 2 ]; ok $? "an unknown option is a usage error"
[ -f docs/dyad.1 ]; ok $? "the man page exists"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
