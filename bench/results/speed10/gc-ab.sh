#!/usr/bin/env bash
# The parallel collector against G1, whole processes in turn (issue 12, ninth part). Usage:
#   gc-ab.sh JAR PATCH_RUN STATIONARY_RUN [rounds]   (JAVA: the java binary, default JDK 25 at its Temurin path;
#   GCS: the collector options to compare, default "-XX:+UseParallelGC -XX:+UseG1GC")
set -euo pipefail
jar="$1"; prun="$2"; srun="$3"; rounds="${4:-2}"
java="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
base=(--add-modules jdk.incubator.vector -Xmx8g)
if "$java" -version 2>&1 | head -1 | grep -Eq '"(2[4-9]|[3-9][0-9])'; then base+=(--sun-misc-unsafe-memory-access=allow); fi
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc); java: $("$java" -version 2>&1 | head -1); $(date -u +%FT%TZ)"
run() { # label gc args...
  local label="$1" gc="$2"; shift 2
  rm -rf "$out/x" "$out/x.npy" "$out/x.npy.json"
  /usr/bin/time -f "$label $gc: %e s wall, %U s user, %M KB" "$java" "${base[@]}" "$gc" -jar "$jar" "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }
  tail -1 "$out/err"
}
for r in $(seq "$rounds"); do
  for gc in ${GCS:--XX:+UseParallelGC -XX:+UseG1GC}; do
    run "patch generate 30000" "$gc" generate "$prun" --samples 30000 --out "$out/x.npy"
    run "stationary generate 100000" "$gc" generate "$srun" --samples 100000 --out "$out/x.npy"
    run "patch train 8 steps" "$gc" train --synthetic --preset paper --neurons first:10 --timesteps 30 --steps 8 --pretrain 5 --seed 1 --out "$out/x"
    run "stationary train" "$gc" train --synthetic --likelihood-steps 40 --refine-steps 20 --eval-every 1000 --out "$out/x"
  done
done
