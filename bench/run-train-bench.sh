#!/usr/bin/env bash
# One SpiQGAN training iteration of the paper's patch model (5 critic steps + 1 generator step, batch 64, l = 5),
# N neurons (one group of N qubits) and T patches (env N, T; default 10 and 30, issue 12's size): ours (the
# `train --preset paper` command) and PennyLane + PyTorch (bench/peers/bench_train_step.py) in one run.
# Ours is timed as the difference between two runs of STEPS_A and STEPS_B steps, so start-up, data
# preparation and the final checkpoint cancel out. JAVA (default: java) and JAVA_OPTS choose our JVM;
# PEER_DEVICES (default: default) the PennyLane devices, PEER_ITERATIONS the peer's timed iterations.
# Usage: bash bench/run-train-bench.sh [OUTDIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/results/train-$(date -u +%Y%m%dT%H%M%SZ)}"
a="${STEPS_A:-2}"; b="${STEPS_B:-8}"; n="${N:-10}"; t="${T:-30}"; java="${JAVA:-java}"
mkdir -p "$out"
(cd "$root" && mvn -q -B -DskipTests package)
source "$root/bench/peers/venv.sh"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "java: $("$java" -version 2>&1 | head -1) ${JAVA_OPTS:-}"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"
run() {  # steps -> wall seconds
  local dir="$out/run-$1"; rm -rf "$dir"
  local t0 t1
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$java" ${JAVA_OPTS:-} -jar "$root/target/spiqgan-all.jar" train --synthetic --preset paper --neurons first:"$n" \
    --timesteps "$t" --layers 5 --batch 64 --n-critic 5 --pretrain 0 --steps "$1" --eval-every 100000 \
    --checkpoint-every 100000 --validation-samples 256 --quiet --seed 1 --out "$dir" > "$dir.log" 2>&1
  t1=$(date +%s.%N)
  rm -rf "$dir" # the timing is what is kept (and the log beside it); a run directory at N = 10, T = 30 is 6 MB
  echo "$t1 - $t0" | bc -l
}
ta=$(run "$a"); tb=$(run "$b")
per=$(echo "($tb - $ta) / ($b - $a)" | bc -l)
printf '{"peer": "spiqgan (ours)", "case": "train_iteration", "N": %d, "T": %d, "seconds": %.6f, "runs": "%s steps %.2f s, %s steps %.2f s"}\n' \
  "$n" "$t" "$per" "$a" "$ta" "$b" "$tb" | tee "$out/results.jsonl"
OMP_WAIT_POLICY=PASSIVE "$PEER_PY" "$root/bench/peers/bench_train_step.py" --iterations "${PEER_ITERATIONS:-1}" \
  --devices "${PEER_DEVICES:-default}" --neurons "$n" --timesteps "$t" \
  | tee -a "$out/results.jsonl"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
cat "$out/machine.txt"
