#!/usr/bin/env bash
# Spark's overhead in a sweep against the runs' own time (BENCHMARKS.md "Sweeps on Spark").
#   bash bench/sweep/overhead.sh [OUTDIR]      (OUTDIR must not exist; default: a new temporary folder)
# Prints: Spark start-up, the job's wall time, the runs' summed wall time, the task slots, and
# per-task overhead = (job wall x slots - summed run wall) / runs, plus the whole command's wall time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$(mktemp -d)/sweep}"
[ ! -e "$out" ] || { echo "overhead.sh: $out exists; give a new folder" >&2; exit 2; }
"$here/spiqgan" sweep --help >/dev/null   # build first, outside the timing
t0=$(date +%s.%N)
"$here/spiqgan" sweep "$here/bench/sweep/overhead-grid.json" --out "$out" 2>"$out.log"
t1=$(date +%s.%N)
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
jq -r --arg total "$(echo "$t1 - $t0" | bc)" '
  ([.runs[].wallSeconds] | add) as $runs | (.runs | length) as $n |
  "runs: \($n), all ok: \([.runs[].status] | all(. == "ok"))",
  "whole command (JVM, checks, Spark start and stop, results): \($total) s",
  "Spark start-up: \(.sweep.sparkStartupSeconds) s; job wall: \(.sweep.sparkJobSeconds) s on \(.sweep.taskSlots) slots; Spark stop: \(.sweep.sparkStopSeconds) s",
  "runs own wall time, summed: \($runs) s (mean \($runs / $n) s)",
  "per-task overhead: \((.sweep.sparkJobSeconds * .sweep.taskSlots - $runs) / $n) s"' "$out/results.json"
