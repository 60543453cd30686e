#!/usr/bin/env bash
# Regenerates the PyTorch golden fixtures of the org.spiqgan.nn tests (see nn_fixtures.py).
# Uses bench/peers/.venv, created with the pinned peers (torch included) by venv.sh when missing.
# Note: PyPI's default Linux wheel of torch pulls the CUDA libraries (several GB); the CPU is enough.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/venv.sh"
"$PEER_PY" "$here/nn_fixtures.py" "$here/../../src/test/resources/fixtures/nn"
