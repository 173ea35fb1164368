"""The README's quick start runs verbatim."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_quickstart_runs_verbatim(tmp_path, monkeypatch, capsys):
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- quickstart:begin.*?```python\n(.*?)```", text, re.S)
    assert block, "README has no quick-start block"
    monkeypatch.chdir(tmp_path)
    exec(compile(block.group(1), "README.md:quickstart", "exec"), {"__name__": "__readme__"})
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("anonymize ") and "Taylor Swift" in out[0]
    assert out[1].startswith("allow ")
    assert (tmp_path / "quickstart-audit.db").exists()
