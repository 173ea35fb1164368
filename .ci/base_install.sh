#!/usr/bin/env bash
# A venv with the base install only (`pip install .`, no extras): prints its python's path.
# tests/core/test_base_install.py runs its checks in it when APLGUARD_BASE_PYTHON points there.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-/tmp/aplguard-base-venv}"
rm -rf "$venv"
python3 -m venv "$venv" >&2
"$venv/bin/pip" install -q --upgrade pip >&2
"$venv/bin/pip" install -q . >&2
echo "$venv/bin/python"
