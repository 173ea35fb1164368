"""`aplguard policy validate|explain|schema` and `aplguard check` (in process and as a subprocess)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from policy_fakes import make_registry

from aplguard.cli import main

REPO = Path(__file__).resolve().parents[2]

POLICY = """\
apiVersion: aplguard/v1
name: cli-test
version: "3"
detectors:
  - id: names
    type: scripted
    params:
      phrases: [{text: Famous Person, kind: public_figure, canonical: Famous Person, score: 0.9}]
rules:
  - {id: block-famous, when: {findings: {canonical_in: [famous person]}, context: {tenant: [t1]}}, action: block}
  - {id: rewrite, when: {identity_seeking: true}, action: rewrite, flag: true}
default: {action: allow}
"""


@pytest.fixture
def fake_detectors(monkeypatch):
    """Make the CLI (which builds its own engine) use the scripted detectors."""
    import aplguard.policy.engine as engine_mod
    import aplguard.policy.loader as loader_mod

    monkeypatch.setattr(engine_mod, "_default_registry", lambda: make_registry(shipped_types=True))
    monkeypatch.setattr(loader_mod, "default_detector_types", lambda: make_registry(shipped_types=True).names())


@pytest.fixture
def policy_file(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(POLICY)
    return path


def test_validate_ok_and_errors(tmp_path, policy_file, fake_detectors, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("apiVersion: aplguard/v1\nname: b\nname: c\ndefault: {action: nope}\n")
    assert main(["policy", "validate", str(policy_file)]) == 0
    assert "ok (cli-test 3" in capsys.readouterr().out
    assert main(["policy", "validate", str(policy_file), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith(f"{bad}:3:1: name: duplicate key")
    assert main(["policy", "validate", "default", "off"]) == 0


def test_schema(capsys):
    assert main(["policy", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False and "rules" in schema["properties"]
    assert "not" in schema["$defs"]["PromptWhen"]["properties"]
    assert all("description" in v for v in schema["properties"].values())


def test_explain(policy_file, fake_detectors, capsys):
    assert main(["policy", "explain", str(policy_file), "Famous Person on a horse", "--tenant", "t1"]) == 0
    out = capsys.readouterr().out
    assert "decision: block (rule block-famous" in out and "MATCH block-famous" in out and "evidence:" in out


def test_check_json_contract(policy_file, fake_detectors, capsys):
    rc = main(["check", "--policy", str(policy_file), "--json", "a cat", "Famous Person on a horse"])
    assert rc == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [set(d) for d in lines] == [{"prompt_index", "decision", "identity_seeking", "flagged", "rule", "findings",
                                        "rewritten_prompt", "policy", "elapsed_ms"}] * 2
    cat, famous = lines
    assert (cat["prompt_index"], cat["decision"], cat["identity_seeking"], cat["flagged"]) == (0, "allow", False, False)
    assert cat["findings"] == [] and cat["rewritten_prompt"] is None and cat["rule"] == "default"
    assert famous["decision"] == "rewrite" and famous["flagged"] and famous["identity_seeking"]
    assert famous["rewritten_prompt"] == "a person on a horse"
    assert famous["findings"] == [{"kind": "public_figure", "text": "Famous Person", "start": 0, "end": 13,
                                   "canonical": "Famous Person", "score": 0.9, "detector": "names"}]
    assert famous["policy"]["name"] == "cli-test" and famous["policy"]["version"] == "3"
    assert len(famous["policy"]["sha256"]) == 64 and isinstance(famous["elapsed_ms"], float)


def test_check_blocked_exit_code_and_tenant(policy_file, fake_detectors, capsys):
    assert main(["check", "--policy", str(policy_file), "--tenant", "t1", "Famous Person"]) == 3
    assert "block" in capsys.readouterr().out


def test_check_stdin_invalid_utf8(policy_file, fake_detectors, monkeypatch, capsys):
    data = b"a cat\n\xff\xfe broken \xc3\n\nFamous Person\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["check", "--policy", str(policy_file), "--stdin", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["prompt_index"] for d in lines] == [0, 1, 2]
    assert [d["decision"] for d in lines] == ["allow", "allow", "rewrite"]


def test_check_usage_errors(capsys):
    assert main(["check"]) == 2
    assert main(["check", "--policy", "no-such-policy", "x"]) == 2
    assert "not a shipped policy" in capsys.readouterr().err


def test_check_default_policy_subprocess():
    """End to end through the real entry point, with the shipped detector-free policy."""
    proc = subprocess.run([sys.executable, "-m", "aplguard.cli", "check", "--policy", "anonymize-all", "--json",
                           "--stdin"], input=b"a cat\n\xff\n", capture_output=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [d["decision"] for d in lines] == ["anonymize", "anonymize"]


def test_check_with_real_detectors():
    detect = pytest.importorskip("aplguard.detect")
    if not hasattr(detect, "detector_registry"):
        pytest.skip("aplguard.detect has no detector_registry yet")
    assert main(["check", "--policy", "default", "--json", "a bowl of fruit"]) == 0


def test_check_audit_hook(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    rc = main(["check", "--policy", "off", "--audit", url, "--json", "a cat"])
    assert rc == 0
    from aplguard.audit import open_sink

    with open_sink(url) as sink:
        assert len(list(sink.query())) == 1
