#!/usr/bin/env bash
# Creates (once) the peers' virtual environment at bench/peers/.venv and installs the pinned peers.
# Usage: source bench/peers/venv.sh   (sets $PEER_PY)
set -euo pipefail
peers_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$peers_dir/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
fi
if ! "$venv/bin/python" -c "import pennylane, qulacs, numpy, scipy, torch" >/dev/null 2>&1; then
  "$venv/bin/pip" install -q -r "$peers_dir/requirements.txt"
fi
PEER_PY="$venv/bin/python"
export PEER_PY
