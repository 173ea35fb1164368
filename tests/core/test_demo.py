"""`aplguard demo` (the README's main job) on the committed toy model."""

from __future__ import annotations

import pytest
from PIL import Image

from aplguard.cli import main


def test_demo_writes_grid_and_verifiable_audit_log(tmp_path, capsys):
    pytest.importorskip("diffusers")
    assert main(["demo", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "'a photo of alice'" in out and "-> anonymize" in out and "-> allow" in out
    assert "audit log verifies: True" in out
    grid = Image.open(tmp_path / "grid.png")
    assert grid.size[0] > 300 and grid.size[1] > 6 * 128
    assert (tmp_path / "audit.db").stat().st_size > 0
