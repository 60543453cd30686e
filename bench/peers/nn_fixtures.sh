#!/usr/bin/env bash
# Regenerates the PyTorch golden fixtures of the org.spiqgan.nn tests (see nn_fixtures.py).
# Uses bench/peers/.venv (created if missing) and installs PyTorch there if it is not importable.
# Note: PyPI's default Linux wheel of torch pulls the CUDA libraries (several GB); the CPU is enough.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
fi
if ! "$venv/bin/python" -c "import torch, numpy" >/dev/null 2>&1; then
  "$venv/bin/pip" install -q "torch==2.15.0" numpy
fi
"$venv/bin/python" "$here/nn_fixtures.py" "$here/../../src/test/resources/fixtures/nn"
