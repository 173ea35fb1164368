"""The hand-written API-format workflows in tests/hosts/workflows/."""

from __future__ import annotations

import json
from pathlib import Path

WORKFLOWS = Path(__file__).parent / "workflows"


def load_workflow(name: str) -> dict:
    return json.loads((WORKFLOWS / f"{name}.json").read_text())
