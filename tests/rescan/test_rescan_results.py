"""The results file: one line per write, resume keys, torn last lines dropped."""

from __future__ import annotations

import json

import pytest

from aplguard.errors import ConfigError
from aplguard.rescan import ResultsWriter


def _result(path, error=None, size=10, mtime_ns=5):
    return {"path": path, "size": size, "mtime_ns": mtime_ns, "sha256": None, "faces": 0, "matches": [],
            "error": error}


def test_resume_remembers_written_items_and_drops_a_torn_last_line(tmp_path):
    out = tmp_path / "r.jsonl"
    with ResultsWriter(out) as w:
        w.write(_result("a.png"))
        w.write(_result("b.png", error="b.png: corrupt"))
    with out.open("ab") as fh:  # a run killed inside its write
        fh.write(b'{"path": "c.png", "si')
    w = ResultsWriter(out)
    try:
        assert w.dropped_torn
        assert w.is_done("a.png", 10, 5) and w.is_done("b.png", 10, 5) and not w.is_done("c.png", 10, 5)
        assert not w.is_done("a.png", 11, 5) and not w.is_done("a.png", 10, 6)  # changed file: scan again
        w.write(_result("c.png"))
    finally:
        w.close()
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["path"] for r in lines] == ["a.png", "b.png", "c.png"]


def test_retry_errors_forgets_failed_items(tmp_path):
    out = tmp_path / "r.jsonl"
    with ResultsWriter(out) as w:
        w.write(_result("a.png"))
        w.write(_result("b.png", error="boom"))
    with ResultsWriter(out, retry_errors=True) as w:
        assert w.is_done("a.png", 10, 5) and not w.is_done("b.png", 10, 5)


def test_a_file_that_is_not_a_results_file_is_refused(tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_text("hello\n")
    with pytest.raises(ConfigError, match="r.jsonl:1: not a rescan result line"):
        ResultsWriter(out)
