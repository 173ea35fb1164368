"""Golden policy cases: tests/policy/golden/<case>/policy.yaml + cases.jsonl (expected decisions).

Each line of cases.jsonl is a prompt case (``prompt``) or an output case
(``output: {faces: n, matches: [[identity, score], ...]}``, optionally with
``prompt_findings`` for the prompt decision), with optional ``tenant``,
``role``, ``model_family``, ``labels``; ``expect`` lists the fields of the
Decision/OutputDecision that must match (``identity_seeking`` included).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from policy_fakes import make_registry

from aplguard.policy import Policy, PolicyEngine
from aplguard.types import Face, FaceMatch, Finding, RequestContext

GOLDEN = Path(__file__).parent / "golden"


def _cases():
    for folder in sorted(p for p in GOLDEN.iterdir() if p.is_dir()):
        lines = (folder / "cases.jsonl").read_text().splitlines()
        for n, line in enumerate(lines, start=1):
            if line.strip():
                yield pytest.param(folder, json.loads(line), id=f"{folder.name}:{n}")


_ENGINES: dict[Path, PolicyEngine] = {}


def _engine(folder: Path) -> PolicyEngine:
    if folder not in _ENGINES:
        registry = make_registry()
        _ENGINES[folder] = PolicyEngine(Policy.from_path(folder / "policy.yaml", detector_types=registry),
                                        registry=registry)
    return _ENGINES[folder]


@pytest.mark.parametrize("folder,case", list(_cases()))
def test_golden(folder, case):
    engine = _engine(folder)
    ctx = RequestContext(tenant=case.get("tenant"), user_role=case.get("role"),
                         model_family=case.get("model_family"), labels=case.get("labels", {}))
    if "prompt" in case:
        got = engine.decide_prompt(case["prompt"], ctx)
    else:
        out = case["output"]
        found = tuple(Finding(kind, score, 0, 1, "x", "names") for kind, score in case.get("prompt_findings", []))
        prompt_decision = engine.decide_findings("x", found, ctx)
        got = engine.decide_output(faces=[Face((0, 0, 8, 8), 0.9)] * out["faces"],
                                   matches=[FaceMatch(i, ident, score, 0.36) for i, (ident, score)
                                            in enumerate(out["matches"])], ctx=ctx, prompt_decision=prompt_decision)
    for key, want in case["expect"].items():
        assert getattr(got, key) == want, f"{key}: expected {want!r}, got {getattr(got, key)!r}\n{got}"
