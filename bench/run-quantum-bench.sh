#!/usr/bin/env bash
# The simulator benchmark of BENCHMARKS.md: ours (JMH) and the peers (qulacs, PennyLane) in one run.
# Usage: bash bench/run-quantum-bench.sh [--ours-only] [OUTDIR]   (default bench/results/<UTC date-time>)
#   --ours-only: JMH only (no Python, no peers).
# Writes OUTDIR/jmh.json, jmh.txt, machine.txt, summary.json (per n: forward GFLOP/s by the counted FLOP
# model, the plain loop's GFLOP/s, both against the measured FMA peak, and peer ratios when peers ran),
# and with peers peers.jsonl and table.md.
# Environment: NS (default 2,4,6,8,10,12), JMH_OPTS (extra JMH options), PEER_BUDGET (s per peer case),
# JAVA (default java on the PATH), KERNELS (the simulator's kernels in the JMH forks: auto, scalar or vector;
# default auto = the Vector API kernels, since the forks get the module jdk.incubator.vector as ./spiqgan's JVM does).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ours_only=0
if [ "${1:-}" = "--ours-only" ]; then ours_only=1; shift; fi
out="${1:-$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}"
java="${JAVA:-java}"
ns="${NS:-2,4,6,8,10,12}"
mkdir -p "$out"
# The forks' JVM options: the Vector API module (the kernels' choice needs it; JDK 17+ all have it) and the choice.
fork_args="--add-modules jdk.incubator.vector -Dspiqgan.kernels=${KERNELS:-auto}"
echo "bench: building the product and the JMH jar" >&2
# package, not install: bench/jmh builds against this checkout's target/spiqgan-all.jar (system scope), and
# install would write the machine's shared ~/.m2.
(cd "$root" && mvn -q -B -DskipTests package)
(cd "$root/bench/jmh" && mvn -q -B package)
if [ "$ours_only" = 0 ]; then source "$root/bench/peers/venv.sh"; fi
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "java: $("$java" -version 2>&1 | head -1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "kernels: ${KERNELS:-auto} (JMH forks: $fork_args)"
} > "$out/machine.txt"
echo "bench: JMH (ours)" >&2
# This worktree's jar first on the class path: the product copy inside benchmarks.jar comes from ~/.m2, which
# other checkouts on the machine may have overwritten.
cp="$root/target/spiqgan-all.jar:$root/bench/jmh/target/benchmarks.jar"
"$java" -cp "$cp" org.openjdk.jmh.Main "SubGeneratorBench|PlainLoopBench|FmaPeakBench" -p n="$ns" \
  -rf json -rff "$out/jmh.json" -jvmArgsAppend "$fork_args" ${JMH_OPTS:-} > "$out/jmh.txt"
if [ "$ours_only" = 1 ]; then
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
  "$java" -cp "$cp" org.spiqgan.bench.BenchSummary "$out/jmh.json" - "$out/summary.json"
  cat "$out/machine.txt" "$out/summary.json"
  echo "bench: results in $out" >&2
  exit 0
fi
# PlainLoopBench runs at every n as well; harmless, and shows the loop's rate across sizes.
echo "bench: peers (qulacs, PennyLane)" >&2
# OpenMP threads that spin-wait collapse on a shared, loaded 2-core machine (seen: lightning.qubit took
# seconds per 4-qubit circuit); passive waiting gives the peers their best showing here.
OMP_WAIT_POLICY=PASSIVE "$PEER_PY" "$root/bench/peers/bench_quantum.py" --n "$ns" --budget "${PEER_BUDGET:-0.5}" > "$out/peers.jsonl"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
"$PEER_PY" "$root/bench/peers/bench_table.py" "$out/jmh.json" "$out/peers.jsonl" > "$out/table.md"
"$java" -cp "$cp" org.spiqgan.bench.BenchSummary "$out/jmh.json" "$out/peers.jsonl" "$out/summary.json"
cat "$out/machine.txt" "$out/table.md"
echo "bench: results in $out" >&2
