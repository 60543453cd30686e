#!/usr/bin/env bash
# Builds the Spark module against the core jar of this checkout and runs the given Maven phases in spark/.
#   spark/build.sh [maven args...]     e.g. spark/build.sh -B verify   or   spark/build.sh -q -B -DskipTests package
# The core (../target/spiqgan.jar, with the root pom so that its dependencies come transitively) is installed into
# the local Maven repository as org.spiqgan:spiqgan:<version>-c<hash of the jar>: each build of the core gets its
# own version, so worktrees or builds running at the same time never replace a jar another JVM is reading.
# Used by the root build (integration-test phase) and by ../spiqgan on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
core="$here/../target/spiqgan.jar"
[ -f "$core" ] || { echo "spark/build.sh: $core is missing; build the core first (mvn -DskipTests package at the root)" >&2; exit 1; }
offline=()
for a in "$@"; do case "$a" in -o|--offline|-Dspiqgan.offline=true) offline=(-o) ;; esac; done
base="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$here/../pom.xml" | head -1)"
hash="$(sha256sum "$core" | cut -c1-12)"
version="$base-c$hash"
repo="${SPIQGAN_M2_REPO:-$HOME/.m2/repository}"
if [ ! -f "$repo/org/spiqgan/spiqgan/$version/spiqgan-$version.jar" ]; then
  mkdir -p "$here/target"
  sed "0,/^  <version>$base<\/version>/s//  <version>$version<\/version>/" "$here/../pom.xml" >"$here/target/core-pom.xml"
  mvn -q -B "${offline[@]}" -f "$here/pom.xml" org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file \
    -Dfile="$core" -DpomFile="$here/target/core-pom.xml" -Dcore.version="$version"
fi
exec mvn "${offline[@]}" -f "$here/pom.xml" -Dcore.version="$version" "$@"
