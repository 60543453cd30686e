#!/usr/bin/env bash
# Regenerates the PennyLane golden fixtures for the simulator tests (see quantum_fixtures.py).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/venv.sh"
"$PEER_PY" "$here/quantum_fixtures.py" "$here/../../src/test/resources/fixtures/quantum/pennylane_circuits.json"
