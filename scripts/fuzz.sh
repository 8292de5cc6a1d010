#!/usr/bin/env bash
# Runs every Go fuzz target in the module for FUZZTIME each (default 60s) and
# prints one line per target with the executions it reached.
# Usage: FUZZTIME=10s scripts/fuzz.sh [package-pattern]
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-60s}"
pattern="${1:-./...}"
status=0
summary=()
while read -r dir; do
  pkg="./$dir"
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go | sed 's/^func //' | sort -u); do
    log=$(mktemp)
    echo "== $pkg $target ($fuzztime)"
    if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >"$log" 2>&1; then
      execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | awk '{print $2}')
      summary+=("ok    $pkg $target execs=${execs:-?}")
    else
      cat "$log"
      summary+=("FAIL  $pkg $target (new crasher saved under $dir/testdata/fuzz/$target)")
      status=1
    fi
    rm -f "$log"
  done
done < <(go list -f '{{.Dir}}' "$pattern" | sed "s|^$PWD/||" | while read -r d; do
  if grep -qs '^func Fuzz' "$d"/*_test.go; then echo "$d"; fi
done)
printf '%s\n' "${summary[@]}"
exit $status
