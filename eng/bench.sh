#!/usr/bin/env bash
# Runs the project's benchmarks and prints RESULT lines (see ../shared/bench/WORKLOADS.md).
# Usage: eng/bench.sh [group ...]      e.g. eng/bench.sh sgemm mlp
# Compare with the PyTorch peer:  ../shared/bench/peer/run.sh ... with PEER_JSON=peer.json,
#   then python3 ../shared/bench/compare.py bench.txt peer.json
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/bench/Microsoft.ML.Benchmarks" -c Release -v quiet -nologo >&2
dotnet "$root/bench/Microsoft.ML.Benchmarks/bin/Release/net10.0/Microsoft.ML.Benchmarks.dll" "$@"
