"""Shipped policies with the real prompt detectors of aplguard.detect (skipped where absent)."""

from __future__ import annotations

import pytest

from aplguard.policy import PolicyEngine
from aplguard.types import Face, FaceMatch, RequestContext

detect = pytest.importorskip("aplguard.detect")
if not hasattr(detect, "detector_registry"):
    pytest.skip("aplguard.detect has no detector_registry", allow_module_level=True)


@pytest.fixture(scope="module")
def engines():
    return {name: PolicyEngine(name).prepare(load=True)
            for name in ("default", "strict", "audit-only", "anonymize-all", "off", "tenants-example")}


@pytest.mark.parametrize("name,prompt,action", [
    ("default", "a photo of Barack Obama at the beach", "anonymize"),
    ("default", "a bowl of fruit on a table", "allow"),
    ("default", "Alex Example as a knight", "anonymize"),
    ("strict", "Alex Example as a knight", "block"),
    ("strict", "a photo of Barack Obama at the beach", "anonymize"),
    ("audit-only", "a photo of Barack Obama at the beach", "allow"),
    ("anonymize-all", "a bowl of fruit on a table", "anonymize"),
    ("off", "a photo of Barack Obama at the beach", "allow"),
])
def test_shipped_prompt_decisions(engines, name, prompt, action):
    d = engines[name].decide_prompt(prompt, RequestContext())
    assert d.action == action, d.explain()
    assert not d.errors


def test_audit_only_records_intent(engines):
    d = engines["audit-only"].decide_prompt("a photo of Barack Obama", RequestContext())
    assert d.intended_action == "anonymize" and d.identity_seeking


def test_tenants_example(engines):
    e = engines["tenants-example"]
    editor = e.decide_prompt("Barack Obama giving a speech", RequestContext(tenant="newsroom", user_role="editor"))
    assert editor.action == "rewrite" and "Barack Obama" not in editor.rewritten_prompt
    assert e.decide_prompt("Alex Example", RequestContext(tenant="newsroom")).action == "block"
    kids = e.decide_prompt("Barack Obama", RequestContext(tenant="kids"))
    assert kids.action == "block" and kids.message == "Pictures of real people are not available here."
    pilot = e.decide_prompt("Barack Obama", RequestContext(tenant="kids-pilot"))
    assert pilot.action == "allow" and pilot.intended_action == "block"
    od = e.decide_output(faces=[Face((0, 0, 9, 9), 0.9)], matches=[FaceMatch(0, "Alexandra Example", 0.8, 0.36)],
                         ctx=RequestContext(tenant="kids"), prompt_decision=kids)
    assert od.action == "blur" and od.flagged
