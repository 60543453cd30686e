#!/usr/bin/env bash
# One SpiQGAN (patch model) training step of two jars, whole-process runs in alternating order, so that a
# before/after ratio holds on a shared machine: `train --synthetic --preset paper` at N = 10, T = 30, l = 5,
# batch 64, n_critic 5, no pre-training, for LO and HI steps; the per-step cost is (HI run - LO run) / (HI - LO)
# in wall and in CPU (user + sys) time, so start-up, data preparation and the final validation cancel out.
# Usage: bash bench/run-patch-train-ab.sh A.jar B.jar [reps] [LO] [HI]   (JAVA=/path/to/bin/java; THREADS=n;
#   JAVA_OPTS: JVM options for both jars, default what ./spiqgan adds: the Vector API module, which
#   turns on the vector kernels of jars that have them and is ignored by older jars; JAVA_OPTS="" for none,
#   JAVA_OPTS="--add-modules jdk.incubator.vector -Dspiqgan.kernels=scalar" for the scalar kernels with the module)
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 A.jar B.jar [reps] [LO] [HI]" >&2; exit 2; }
for j in "$1" "$2"; do [ -f "$j" ] || { echo "$0: no such jar: $j" >&2; exit 2; }; done
java="${JAVA:-java}"; reps="${3:-2}"; lo="${4:-1}"; hi="${5:-6}"
opts=()
if "$java" -version 2>&1 | head -1 | grep -Eq '"(2[4-9]|[3-9][0-9])'; then opts+=(--sun-misc-unsafe-memory-access=allow); fi
if [ -z "${JAVA_OPTS+set}" ]; then JAVA_OPTS="--add-modules jdk.incubator.vector"; fi
# shellcheck disable=SC2206
opts+=(${JAVA_OPTS:-})
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc); java: $("$java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load: $(cut -d' ' -f1-3 /proc/loadavg); A = $1; B = $2"
echo "jvm options: ${opts[*]:-(none)}; threads: ${THREADS:-default}"
echo "B's --version: $("$java" "${opts[@]}" -jar "$2" --version 2>/dev/null | tr '\n' ';')"
run() {  # jar steps -> "wall cpu"
  local d="$tmp/run-$RANDOM$RANDOM"
  /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$java" "${opts[@]}" -jar "$1" train --synthetic --preset paper \
    --neurons first:10 --timesteps 30 --layers 5 --batch 64 --n-critic 5 --pretrain 0 --steps "$2" \
    --eval-every 100000 --checkpoint-every 100000 --validation-samples 256 --seed 1 ${THREADS:+--threads $THREADS} \
    --quiet --out "$d" > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
  rm -rf "$d"
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp/t"
}
declare -a ra rb
for ((r = 0; r < reps; r++)); do
  for jar in A B; do :; done
  order=("A" "B"); ((r % 2 == 1)) && order=("B" "A")
  declare -A res=()
  for x in "${order[@]}"; do
    j="$1"; [ "$x" = B ] && j="$2"
    res[$x-lo]="$(run "$j" "$lo")"; res[$x-hi]="$(run "$j" "$hi")"
  done
  for x in A B; do
    read -r wl cl <<< "${res[$x-lo]}"; read -r wh ch <<< "${res[$x-hi]}"
    per=$(awk -v a="$wl" -v b="$wh" -v c="$cl" -v d="$ch" -v n=$((hi - lo)) 'BEGIN{printf "%.3f %.3f", (b-a)/n, (d-c)/n}')
    echo "rep $r $x: $lo steps ${res[$x-lo]}, $hi steps ${res[$x-hi]} (wall cpu s) -> per step wall cpu $per; load $(cut -d' ' -f1 /proc/loadavg)"
    [ "$x" = A ] && ra+=("$per") || rb+=("$per")
  done
  read -r wa ca <<< "${ra[$r]}"; read -r wb cb <<< "${rb[$r]}"
  awk -v wa="$wa" -v wb="$wb" -v ca="$ca" -v cb="$cb" -v r="$r" 'BEGIN{printf "rep %d ratio A/B: wall %.2f cpu %.2f\n", r, wa/wb, ca/cb}'
done
