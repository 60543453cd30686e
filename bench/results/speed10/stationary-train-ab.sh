#!/usr/bin/env bash
# The default model's whole training (`train --synthetic`, 1,800 steps) with two jars in turn, as the launcher runs
# them (issue 12, ninth part). Usage: stationary-train-ab.sh A.jar B.jar [pairs]   (JAVA: the java binary, default
# JDK 25 at its Temurin path; GC: the collector option, default the launcher's for that JDK). Jars from 2026-12-08 on
# refine with 1024 windows per step by default, older ones with 256: to time the same work across that change,
# pass it explicitly, e.g. TRAIN_OPTS="--moment-samples 256".
set -euo pipefail
a="$1"; b="$2"; pairs="${3:-2}"
java="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
opts=(--add-modules jdk.incubator.vector -Xmx8g)
if "$java" -version 2>&1 | head -1 | grep -Eq '"(2[5-9]|[3-9][0-9])'; then opts+=(--sun-misc-unsafe-memory-access=allow "${GC:--XX:+UseG1GC}"); else opts+=("${GC:--XX:+UseParallelGC}"); fi
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc); java: $("$java" -version 2>&1 | head -1); options: ${opts[*]}; $(date -u +%FT%TZ)"
for p in $(seq "$pairs"); do
  for j in "$a" "$b"; do
    rm -rf "$out/r"
    /usr/bin/time -f "$(basename "$j"): %e s wall, %U s user" "$java" "${opts[@]}" -jar "$j" train --synthetic ${TRAIN_OPTS:-} --out "$out/r" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }
    tail -1 "$out/err"
  done
done
