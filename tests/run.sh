#!/bin/sh
# Runs every unit test binary and every script test, then prints the total
# as "N passed, N failed" (the closing line CI reads).
BUILD=${BUILD:-build}
pass=0; fail=0; bad=""
for t in "$BUILD"/tests/test_* tests/*.sh.t; do
  [ -e "$t" ] || continue
  case "$t" in *.sh.t) out=$(BUILD="$BUILD" sh "$t" 2>&1) ;; *) out=$("$t" 2>&1) ;; esac
  rc=$?
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n1)
  p=$(printf '%s' "$line" | sed -E 's/^([0-9]+) passed.*/\1/'); p=${p:-0}
  f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/'); f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  pass=$((pass + p)); fail=$((fail + f))
  if [ "$f" -ne 0 ]; then bad="$bad $t"; printf '%s\n' "$out" | grep -v -E '^[0-9]+ passed' | tail -n 20; fi
  printf '%-40s %s\n' "$(basename "$t")" "${line:-exit $rc}"
done
[ -n "$bad" ] && echo "failing:$bad"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
