#!/usr/bin/env bash
# Creates (once) the maximum-entropy peer's virtual environment at bench/peers/.venv-maxent with ConIII 3.0.1
# (Lee and Daniels, "Convenient Interface to Inverse Ising", J. Open Res. Softw. 2019).
# ConIII 3.0.1's setup.py imports the package itself (needs numpy/scipy already installed: --no-build-isolation),
# uses scipy.exp (gone in SciPy 1.12: scipy 1.11.4) and reads $CONDA_PREFIX.
# Usage: source bench/peers/venv-maxent.sh   (sets $MAXENT_PY)
set -euo pipefail
peers_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$peers_dir/.venv-maxent"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import coniii" >/dev/null 2>&1; then
  "$venv/bin/pip" install -q numpy==1.26.4 scipy==1.11.4 numba==0.59.1 multiprocess mpmath dill setuptools wheel
  CONDA_PREFIX="$venv" "$venv/bin/pip" install -q --no-build-isolation coniii==3.0.1
fi
MAXENT_PY="$venv/bin/python"
export MAXENT_PY
