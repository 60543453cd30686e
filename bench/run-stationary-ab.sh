#!/usr/bin/env bash
# The stationary model's operations (bench/jmh StationaryBench: likelihoodStep, refineStep, generate of 1024
# windows) of two jars of the product in one JVM, timed pair by pair in alternating order (StationaryAB), so a
# before/after ratio holds on a shared machine. Compiles the two bench classes with javac against jar A (their
# code compiles against both; bench/jmh's Maven build is not needed) and needs JMH's jars in ~/.m2.
# Usage: bash bench/run-stationary-ab.sh A.jar B.jar [reps] [warm-up] [threads,...] [ops,...]
#   JAVA=/path/to/bin/java to choose the JVM (default: java on the PATH); JAVA_OPTS for its options (e.g. -XX:+UseParallelGC).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 A.jar B.jar [reps] [warm-up] [threads,...] [ops,...]" >&2; exit 2; }
for j in "$1" "$2"; do [ -f "$j" ] || { echo "$0: no such jar: $j" >&2; exit 2; }; done
java="${JAVA:-java}"
jmh="$HOME/.m2/repository/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar"
[ -f "$jmh" ] || { echo "$0: JMH not found at $jmh (build bench/jmh once to fetch it)" >&2; exit 2; }
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
src="$root/bench/jmh/src/main/java/org/spiqgan/bench"
javac --release 17 -proc:none -cp "$1:$jmh" -d "$classes" "$src/StationaryBench.java" "$src/StationaryAB.java"
opts=()
if "$java" -version 2>&1 | head -1 | grep -Eq '"(2[4-9]|[3-9][0-9])'; then opts+=(--sun-misc-unsafe-memory-access=allow); fi
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc); date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
exec "$java" ${JAVA_OPTS:-} "${opts[@]}" -cp "$classes" org.spiqgan.bench.StationaryAB "$@"
