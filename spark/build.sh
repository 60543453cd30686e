#!/usr/bin/env bash
# Builds the Spark module against the core jar of this checkout: installs ../target/spiqgan.jar (with the
# root pom, so the core's dependencies come transitively) into the local Maven repository, then runs the
# given Maven phases here. Used by the root build (integration-test phase) and by ../spiqgan on first use.
#   spark/build.sh [maven args...]     e.g. spark/build.sh -B verify   or   spark/build.sh -q -B -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
core="$here/../target/spiqgan.jar"
[ -f "$core" ] || { echo "spark/build.sh: $core is missing; build the core first (mvn -DskipTests package at the root)" >&2; exit 1; }
offline=()
for a in "$@"; do case "$a" in -o|--offline|-Dspiqgan.offline=true) offline=(-o) ;; esac; done
mvn -q -B "${offline[@]}" -f "$here/pom.xml" org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file \
  -Dfile="$core" -DpomFile="$here/../pom.xml"
exec mvn "${offline[@]}" -f "$here/pom.xml" "$@"
