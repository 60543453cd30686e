#!/bin/bash
# Whole-process generation of the patch model, jars in turn: bash patch-generate-ab.sh ROUNDS RUN SAMPLES THREADS A.jar [B.jar ...]
# Environment: JAVA (default: the newest Temurin 25 here), JAVA_OPTS (default: the launcher's choice on JDK 25, G1).
# Prints one line per process: jar, round, wall and user seconds (GNU time). Output files go to a temporary directory.
set -euo pipefail
rounds=$1 run=$2 samples=$3 threads=$4
shift 4
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
opts=${JAVA_OPTS:---sun-misc-unsafe-memory-access=allow --add-modules jdk.incubator.vector -Xmx8g -XX:+UseG1GC}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for r in $(seq 1 "$rounds"); do
  for jar in "$@"; do
    rm -f "$tmp/g.npy" "$tmp/g.npy.json"
    # shellcheck disable=SC2086
    /usr/bin/time -f "$(basename "$jar") round $r: %e s wall %U s user" "$java" $opts -jar "$jar" generate "$run" \
      --samples "$samples" --threads "$threads" --out "$tmp/g.npy" 2>&1 | grep -v WARNING | tail -1
  done
done
