#!/usr/bin/env bash
# Steady-state seconds per training step of the paper's patch model (N = 10, T = 30, l = 5, batch 64, n_critic 5):
# one `train` run of STEPS steps (default 30) with validations every 10 steps, and (seconds at the last step - seconds at
# step 10) / (STEPS - 10) from its metrics.jsonl: the training clock of the run itself, so start-up, the JIT's first compilations and the
# final write are outside the interval (the whole-process differences of run-patch-train-ab.sh include the JIT's
# warm-up, which varies from run to run). Runs the jars given in turn, REPS times (alternating order).
# Usage: bash bench/run-patch-train-steady.sh [-t THREADS] [-r REPS] [-s STEPS] A.jar [B.jar ...]
#   JAVA=/path/to/bin/java; JAVA_OPTS (default: the launcher's -Xmx8g, its collector for that JDK (G1 from JDK 25 on,
#   the parallel collector before) and the Vector API module)
set -euo pipefail
threads=""; reps=1; steps=30
while getopts "t:r:s:" o; do case "$o" in t) threads="$OPTARG" ;; r) reps="$OPTARG" ;; s) steps="$OPTARG" ;; *) exit 2 ;; esac; done
{ [ "$steps" -ge 20 ] && [ $((steps % 10)) -eq 0 ]; } 2>/dev/null || { echo "$0: -s STEPS must be a multiple of 10, at least 20" >&2; exit 2; }
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-t THREADS] [-r REPS] [-s STEPS] A.jar [B.jar ...]" >&2; exit 2; }
for j in "$@"; do [ -f "$j" ] || { echo "$0: no such jar: $j" >&2; exit 2; }; done
java="${JAVA:-java}"
gc=-XX:+UseParallelGC
if "$java" -version 2>&1 | head -1 | grep -Eq '"(2[5-9]|[3-9][0-9])'; then gc=-XX:+UseG1GC; fi
# shellcheck disable=SC2206
opts=(${JAVA_OPTS:--Xmx8g $gc --add-modules jdk.incubator.vector})
if "$java" -version 2>&1 | head -1 | grep -Eq '"(2[4-9]|[3-9][0-9])'; then opts+=(--sun-misc-unsafe-memory-access=allow); fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc); java: $("$java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load: $(cut -d' ' -f1-3 /proc/loadavg); options: ${opts[*]}; threads: ${threads:-default}"
jars=("$@")
for ((r = 0; r < reps; r++)); do
  order=("${jars[@]}")
  if ((r % 2 == 1)); then order=(); for ((k = ${#jars[@]} - 1; k >= 0; k--)); do order+=("${jars[$k]}"); done; fi
  for j in "${order[@]}"; do
    d="$tmp/run-$RANDOM$RANDOM"
    "$java" "${opts[@]}" -jar "$j" train --synthetic --preset paper --neurons first:10 --timesteps 30 --layers 5 \
      --batch 64 --n-critic 5 --pretrain 0 --steps "$steps" --eval-every 10 --checkpoint-every 100000 \
      --validation-samples 64 --seed 1 ${threads:+--threads $threads} --quiet --out "$d" > "$tmp/log" 2>&1 \
      || { cat "$tmp/log" >&2; exit 1; }
    # metrics.jsonl rows begin {"step":K,"seconds":S,...}
    per=$(sed -n 's/^{"step":\([0-9]*\),"seconds":\([0-9.Ee+-]*\),.*/\1 \2/p' "$d/metrics.jsonl" \
      | awk -v last="$steps" '$1 == 10 {a = $2} $1 == last {b = $2} END {printf "%.3f", (b - a) / (last - 10)}')
    echo "rep $r $(basename "$j"): $per s per step (steps 10-$steps); load $(cut -d' ' -f1 /proc/loadavg)"
    rm -rf "$d"
  done
done
