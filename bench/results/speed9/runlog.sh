#!/bin/bash
# One steady two-thread (or one-thread) training run of run-patch-train-steady.sh with the JIT's compilation log, to
# see whether VectorSoftmaxKernels.scores was inlined (BENCHMARKS.md, issue 12, eighth part).
# Usage: bash runlog.sh JAR THREADS TAG [extra JVM flags...]; writes TAG.log (the compilation log) in the current directory.
# The runs behind threads-jdk17-noise-inlining.txt added -XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining.
jar=$1; t=$2; tag=$3; shift 3
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
java --add-modules jdk.incubator.vector -Xmx8g -XX:+UseParallelGC "$@" -XX:+PrintCompilation -jar "$jar" train --synthetic \
  --preset paper --neurons first:10 --timesteps 30 --layers 5 --batch 64 --n-critic 5 --pretrain 0 --steps 50 --eval-every 10 \
  --checkpoint-every 100000 --validation-samples 64 --seed 1 --threads "$t" --quiet --out "$d/run" > "$tag.log" 2>&1
per=$(sed -n 's/^{"step":\([0-9]*\),"seconds":\([0-9.Ee+-]*\),.*/\1 \2/p' "$d/run/metrics.jsonl" | awk '$1 == 10 {a = $2} $1 == 50 {b = $2} END {printf "%.3f", (b - a) / 40}')
echo "$tag t=$t $per s/step scores not inlined (too big): $(grep -c 'VectorSoftmaxKernels::scores.*too big' "$tag.log")"
