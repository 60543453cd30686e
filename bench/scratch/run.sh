#!/usr/bin/env bash
# Scratch timing programs behind single numbers in BENCHMARKS.md (issue 12, sixth part); not JMH, so read them as
# rough ns per element or us per call after the JIT has warmed up (the last lines of each run).
# Usage: bash bench/scratch/run.sh JAR [JAVA_BIN_DIR]
#   With a jar of the old VectorMath.log/exp(DoubleVector) API (before 2026-12-07 afternoon,
#   e.g. one built at 6ad72df) it runs OldVectorMathBench and EvaluatorRunBench; with today's, the others. Extra JVM flags: JVM_FLAGS (e.g. -XX:FreqInlineSize=600).
# RowAdjointBench: the stationary model's adjoint sweep, lane loops against the fused one (ninth part).
# KAcf.java and org/spiqgan/baseline/TauProbe.java (the maximum-entropy sampler, RESULTS.md) run as their usage lines say.
set -euo pipefail
[ $# -ge 1 ] && [ -f "$1" ] || { echo "usage: $0 JAR [JAVA_BIN_DIR]   (no such jar: ${1:-none given})" >&2; exit 2; }
jar="$1"; bin="${2:-$(dirname "$(readlink -f "$(command -v java)")")}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
flags=(--add-modules jdk.incubator.vector)
if "$bin/java" -version 2>&1 | head -1 | grep -Eq '"(2[4-9]|[3-9][0-9])'; then flags+=(--sun-misc-unsafe-memory-access=allow); fi
# the old API: a method of VectorMath from DoubleVector to DoubleVector (its descriptor in the class file)
if unzip -p "$jar" org/spiqgan/quantum/VectorMath.class | grep -aq '(Ljdk/incubator/vector/DoubleVector;)Ljdk/incubator/vector/DoubleVector;'; then
  srcs=("$here/OldVectorMathBench.java" "$here/org/spiqgan/quantum/EvaluatorRunBench.java")
  mains=(OldVectorMathBench org.spiqgan.quantum.EvaluatorRunBench)
else
  srcs=("$here/CosSinBench.java" "$here/VectorMathArrayBench.java" "$here/org/spiqgan/quantum/EvaluatorRunBench.java")
  mains=(CosSinBench VectorMathArrayBench org.spiqgan.quantum.EvaluatorRunBench)
fi
# jars since the fused adjoint sweeps (issue 12, ninth part) also time those against the lane loops
if unzip -l "$jar" org/spiqgan/quantum/VectorRowKernels.class >/dev/null 2>&1; then
  srcs+=("$here/org/spiqgan/quantum/RowAdjointBench.java"); mains+=(org.spiqgan.quantum.RowAdjointBench)
fi
"$bin/javac" --release 17 --add-modules jdk.incubator.vector -cp "$jar" -d "$out" "${srcs[@]}" 2>&1 | grep -v '^warning\|^Note\|incubat' || true
for m in "${mains[@]}"; do
  echo "== $m"
  "$bin/java" "${flags[@]}" ${JVM_FLAGS:-} -cp "$jar:$out" "$m" 2>&1 | grep -v 'WARNING: Using incubator'
done
