"""``aplguard audit ...`` through aplguard.cli.main: exit codes, output, files."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from audit_helpers import KEY, days_ago, make_record

from aplguard.audit import make_thumbnail, open_sink, store_prompt
from aplguard.cli import main


@pytest.fixture
def log(tmp_path, monkeypatch):
    """A signed SQLite log with varied records; the key comes from the environment like in production."""
    monkeypatch.setenv("APLGUARD_AUDIT_HMAC_KEY", KEY)
    from PIL import Image

    thumb = make_thumbnail(Image.new("RGB", (64, 64), (120, 80, 40)))
    url = f"sqlite:///{tmp_path}/audit.db"
    with open_sink(url, checkpoint_every=5) as sink:
        sink.append_many([make_record(i, ts=days_ago(20 - i), match=("p1", 0.3 + i / 20) if i % 3 == 0 else None,
                                      thumbnail=thumb if i == 3 else None) for i in range(12)])
        evil = make_record(12, tenant="<script>alert(1)</script>")
        evil.prompts[0].prompt = store_prompt('=cmd|" <img src=x onerror=alert(2)>', "plain")
        sink.append(evil)
    return url


def test_verify_ok_and_json(log, capsys):
    assert main(["audit", "verify", log]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: 13 records") and "MACs verified" in out
    assert main(["audit", "verify", log, "--json", "--deep"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["records"] == 13 and data["signed"]


def test_verify_tampered_exits_1_and_names_the_record(log, capsys, tmp_path):
    with sqlite3.connect(f"{tmp_path}/audit.db") as c:
        rid = c.execute("SELECT rid FROM audit_entries WHERE seq = 8").fetchone()[0]
        c.execute("UPDATE audit_entries SET body = replace(body, ?, ?) WHERE seq = 8", ('"r7"', '"r8"'))
    assert main(["audit", "verify", log]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"FAILED at seq 8 (record {rid}): hash mismatch")
    bad = json.loads(out[1].removeprefix("first bad entry: "))
    assert bad["seq"] == 8 and bad["rid"] == rid and "body" not in bad


def test_verify_key_file_and_bad_key_file(log, capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("APLGUARD_AUDIT_HMAC_KEY")
    (tmp_path / "key").write_text(KEY + "\n")
    assert main(["audit", "verify", log, "--key-file", str(tmp_path / "key")]) == 0
    (tmp_path / "wrong").write_text("nope\n")
    assert main(["audit", "verify", log, "--key-file", str(tmp_path / "wrong")]) == 1
    capsys.readouterr()
    assert main(["audit", "verify", log, "--key-file", str(tmp_path / "missing")]) == 2
    assert "--key-file" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys, tmp_path):
    assert main(["audit", "verify", "mysql://x/y"]) == 2
    assert "unknown audit sink scheme 'mysql'" in capsys.readouterr().err
    assert main(["audit", "query", f"sqlite:///{tmp_path}/a.db", "--since", "yesterday"]) in (1, 2)
    assert main(["audit", "verify", f"sqlite:///{tmp_path}/missing.db"]) == 1
    assert "no audit log" in capsys.readouterr().out


def test_query_filters_and_json(log, capsys):
    assert main(["audit", "query", log, "--decision", "block", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    recs = [json.loads(x) for x in lines]
    assert recs and all(r["prompts"][0]["decision"] == "block" for r in recs)
    assert main(["audit", "query", log, "--identity", "p1", "--min-match", "0.4"]) == 0
    captured = capsys.readouterr()
    assert captured.err.strip() == "3 record(s)" and "p1:" in captured.out
    assert main(["audit", "query", log, "--tenant", "acme", "--has-faces", "--since", days_ago(15).isoformat()]) == 0
    assert "acme" in capsys.readouterr().out


def test_stats(log, capsys):
    assert main(["audit", "stats", log, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["records"] == 13 and stats["decisions"]["block"] == 3
    assert stats["identities"]["p1"]["matches"] == 4
    assert main(["audit", "stats", log]) == 0
    assert "matched identities: p1=4" in capsys.readouterr().out


def test_export_jsonl_is_itself_a_verifiable_log(log, tmp_path, capsys):
    out = tmp_path / "export.jsonl"
    assert main(["audit", "export", log, "--format", "jsonl", "--out", str(out)]) == 0
    assert main(["audit", "verify", f"jsonl:///{out}"]) == 0


def test_export_csv_one_row_per_prompt_and_formula_safe(log, capsys):
    assert main(["audit", "export", log, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 13 and rows[0]["prompt_mode"] == "hash" and len(rows[0]["prompt"]) == 64
    assert rows[-1]["prompt"].startswith("'=cmd")  # no spreadsheet formula


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.srcs, self.scripts = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.scripts += tag == "script"
        self.srcs += [v for k, v in attrs if k in ("src", "href")]


def test_report_is_self_contained_and_escaped(log, tmp_path, capsys):
    page = tmp_path / "report.html"
    assert main(["audit", "report", log, "--html", str(page)]) == 0
    html = page.read_text()
    p = _Collect()
    p.feed(html)
    assert p.tags.count("svg") == 3 and "table" in p.tags
    assert all(s.startswith("data:image/jpeg;base64,") for s in p.srcs) and len(p.srcs) == 1  # one thumbnail
    assert p.scripts == 1  # only ours: the logged <script> and <img onerror> are text
    assert "&lt;script&gt;alert(1)" in html and "onerror=alert(2)>" not in html
    assert "Integrity:</b> OK: 13 records" in html
    assert not re.search(r"https?://", html)
    assert "default-src 'none'" in html


def test_prune_cli(log, capsys):
    assert main(["audit", "prune", log, "--before", days_ago(14).date().isoformat(), "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    assert main(["audit", "prune", log, "--before", days_ago(14).date().isoformat()]) == 0
    out = capsys.readouterr().out
    assert out.startswith("pruned ")
    assert main(["audit", "verify", log]) == 0
    assert main(["audit", "stats", log, "--json"]) == 0


def test_console_script_help():
    proc = subprocess.run([sys.executable, "-m", "aplguard.cli", "audit", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for action in ("verify", "query", "stats", "export", "report", "prune"):
        assert action in proc.stdout


def test_cli_on_every_backend(log_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("APLGUARD_AUDIT_HMAC_KEY", KEY)
    with open_sink(log_url, checkpoint_every=4) as sink:
        sink.append_many([make_record(i, ts=days_ago(10 - i)) for i in range(10)])
    assert main(["audit", "verify", log_url]) == 0
    capsys.readouterr()
    assert main(["audit", "query", log_url, "--decision", "block", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2  # i % 4 == 2: records 2 and 6
    assert main(["audit", "stats", log_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["records"] == 10
    assert main(["audit", "export", log_url, "--format", "jsonl", "--out", str(tmp_path / "x.jsonl")]) == 0
    assert main(["audit", "verify", f"jsonl:///{tmp_path}/x.jsonl"]) == 0
    assert main(["audit", "prune", log_url, "--before", days_ago(4).isoformat()]) == 0
    assert main(["audit", "verify", log_url]) == 0
    assert main(["audit", "report", log_url, "--html", str(tmp_path / "r.html")]) == 0
