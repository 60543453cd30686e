#!/usr/bin/env bash
# Scratch timing programs behind the kernel numbers of BENCHMARKS.md, issue 12's ninth part (not JMH: read the last
# lines of each run, after the JIT has warmed up). They need no jar except LoopBench (a run directory of the patch model).
# Usage: bash bench/scratch/kernels/run.sh [JAVA_BIN_DIR] [GC_OPTION]          (e.g. -XX:+UseParallelGC)
#        bash bench/scratch/kernels/run.sh JAVA_BIN_DIR GC_OPTION loop JAR RUN   (LoopBench: us per forward run of RUN's circuits)
set -euo pipefail
bin="${1:-$(dirname "$(readlink -f "$(command -v java)")")}"; gc="${2:--XX:+UseG1GC}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
flags=(--add-modules jdk.incubator.vector "$gc" -Xmx8g)
if "$bin/java" -version 2>&1 | head -1 | grep -Eq '"(2[4-9]|[3-9][0-9])'; then flags+=(--sun-misc-unsafe-memory-access=allow); fi
if [ "${3:-}" = loop ]; then
  "$bin/javac" --release 17 --add-modules jdk.incubator.vector -cp "$4" -d "$out" "$here/LoopBench.java" 2>&1 | grep -v '^warning\|^Note\|incubat' || true
  "$bin/java" "${flags[@]}" -cp "$4:$out" LoopBench "$5" 2>&1 | grep -v 'WARNING: Using incubator'
  exit 0
fi
"$bin/javac" --release 17 --add-modules jdk.incubator.vector -d "$out" "$here/ScratchKernels.java" "$here/AlignBench.java" "$here/BwBench.java" "$here/RotBench.java" "$here/LayoutBench.java" "$here/PermBench.java" 2>&1 | grep -v '^warning\|warnings$\|^Note\|incubat\|Unsafe\|^ ' || true
for m in AlignBench BwBench RotBench PermBench; do
  echo "== $m ($gc)"
  "$bin/java" "${flags[@]}" -cp "$out" "$m" 2>&1 | grep -v 'WARNING: Using incubator'
done
echo "== LayoutBench ($gc)"; "$bin/java" "${flags[@]}" -cp "$out" LayoutBench 0 0 0 2>&1 | grep -v 'WARNING: Using incubator'
