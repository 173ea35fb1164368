"""Policies and workflows shared by the host tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aplguard.policy.engine import PolicyEngine

POLICIES = Path(__file__).resolve().parents[2] / "policies"


@pytest.fixture(scope="session")
def default_engine() -> PolicyEngine:
    return PolicyEngine("default")


@pytest.fixture(scope="session")
def strict_engine() -> PolicyEngine:
    return PolicyEngine("strict")


@pytest.fixture(scope="session")
def rewrite_engine() -> PolicyEngine:
    """strict, but a protected name is rewritten to the list's neutral description."""
    p = yaml.safe_load((POLICIES / "strict.yaml").read_text())
    p["name"] = "rewrite-protected"
    p["rules"] = [{"id": "rewrite-protected", "when": {"findings": {"kind": ["protected"]}}, "action": "rewrite"},
                  p["rules"][-1]]
    p["protected"] = {"protected": {"file": str(POLICIES / "lists" / "protected.example.yaml")}}
    return PolicyEngine(p)
