"""Fixtures for the policy tests: registries of scripted (fake) detectors (see policy_fakes.py)."""

from __future__ import annotations

import pytest
from policy_fakes import ScriptedDetector, make_registry

from aplguard.registry import Registry


@pytest.fixture
def registry() -> Registry:
    return make_registry()


@pytest.fixture
def shipped_registry() -> Registry:
    """The detector types the shipped policies name, all scripted."""
    reg = Registry("detector")
    for name in ("gazetteer", "name_shape", "personalization", "ner"):
        reg.register(name, ScriptedDetector)
    return reg
