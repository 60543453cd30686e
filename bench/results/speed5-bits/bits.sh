#!/bin/bash
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
cd /tmp/s5 && rm -rf bits && mkdir bits
run() { # name jar opts...
  local n=$1 jar=$2; shift 2
  /usr/bin/time -f "$n %e s wall %U+%S cpu" nice -n 19 $J --sun-misc-unsafe-memory-access=allow "$@" -jar $jar train --synthetic --preset paper --neurons first:10 --timesteps 30 --steps 3 --pretrain 5 --seed 1 --out bits/$n > bits/$n.log 2>&1
}
echo "start $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
run main /work/jars/main-d0f1d11.jar
run scalar /tmp/s5/v3.jar --add-modules jdk.incubator.vector -Dspiqgan.kernels=scalar
run vector /tmp/s5/v3.jar --add-modules jdk.incubator.vector
echo "end $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
