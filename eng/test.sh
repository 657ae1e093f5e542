#!/usr/bin/env bash
# Builds and runs every test project in BpSom.sln, then prints "N passed, N failed" from the
# TRX results. Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Som").
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
results="$root/TestResults"
rm -rf "$results"
dotnet test "$root/BpSom.sln" -c Release --logger trx --results-directory "$results" "$@"
status=$?
passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
# A build failure produces no TRX at all: count it as a failure so CI cannot go green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
