#!/usr/bin/env bash
# One SpiQGAN training iteration (5 critic steps + 1 generator step, batch 64), N = 6, T = 10, l = 5:
# ours (the `train` command) and PennyLane + PyTorch (bench/peers/bench_train_step.py) in one run.
# Ours is timed as the difference between two runs of STEPS_A and STEPS_B steps, so start-up, data
# preparation and the final checkpoint cancel out. Usage: bash bench/run-train-bench.sh [OUTDIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/results/train-$(date -u +%Y%m%dT%H%M%SZ)}"
a="${STEPS_A:-5}"; b="${STEPS_B:-25}"
mkdir -p "$out"
(cd "$root" && mvn -q -B -DskipTests package)
source "$root/bench/peers/venv.sh"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"
run() {  # steps -> wall seconds
  local dir="$out/run-$1"; rm -rf "$dir"
  local t0 t1
  t0=$(date +%s.%N)
  java -jar "$root/target/spiqgan-all.jar" train --synthetic --neurons first:6 --timesteps 10 --layers 5 \
    --batch 64 --n-critic 5 --steps "$1" --eval-every 100000 --checkpoint-every 100000 --quiet --seed 1 \
    --out "$dir" > "$dir.log" 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
ta=$(run "$a"); tb=$(run "$b")
per=$(echo "($tb - $ta) / ($b - $a)" | bc -l)
printf '{"peer": "spiqgan (ours)", "case": "train_iteration", "N": 6, "T": 10, "seconds": %.6f, "runs": "%s steps %.2f s, %s steps %.2f s"}\n' \
  "$per" "$a" "$ta" "$b" "$tb" | tee "$out/results.jsonl"
OMP_WAIT_POLICY=PASSIVE "$PEER_PY" "$root/bench/peers/bench_train_step.py" --iterations "${PEER_ITERATIONS:-3}" \
  | tee -a "$out/results.jsonl"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
cat "$out/machine.txt"
