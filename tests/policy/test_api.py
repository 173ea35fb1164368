"""The public names and call signatures Guard and users rely on."""

from __future__ import annotations

import inspect

import aplguard.policy as policy_pkg
from aplguard.policy import Policy, PolicyEngine, PolicyStore, load_policy


def test_public_names():
    for name in ("Policy", "PolicyEngine", "PolicyStore", "load_policy", "PolicySettings", "SHIPPED_POLICIES"):
        assert name in policy_pkg.__all__ and hasattr(policy_pkg, name)
    assert set(policy_pkg.SHIPPED_POLICIES) >= {"default", "strict", "audit-only", "anonymize-all", "off"}


def test_signatures():
    assert list(inspect.signature(PolicyEngine).parameters)[:2] == ["policy", "detectors"]
    assert list(inspect.signature(PolicyEngine.decide_prompt).parameters) == ["self", "prompt", "ctx"]
    out = inspect.signature(PolicyEngine.decide_output).parameters
    assert all(out[n].kind is inspect.Parameter.KEYWORD_ONLY for n in ("faces", "matches", "ctx", "prompt_decision"))
    assert list(inspect.signature(PolicyEngine.prefix_for).parameters) == ["self", "model_family", "ctx"]
    assert list(inspect.signature(PolicyEngine.settings).parameters) == ["self", "ctx"]
    assert list(inspect.signature(Policy.from_yaml).parameters)[:2] == ["text", "source"]
    assert inspect.signature(Policy.from_yaml).parameters["source"].default == "<string>"
    assert list(inspect.signature(Policy.from_path).parameters)[0] == "path"
    assert list(inspect.signature(load_policy).parameters)[0] == "policy"
    assert list(inspect.signature(PolicyStore).parameters)[:2] == ["path", "on_error"]
