"""PolicyEngine: rule order, conditions, actions, rewrite, shadow mode, on_error, outputs, tenants."""

from __future__ import annotations

import logging
import textwrap

import pytest
from policy_fakes import ScriptedDetector

from aplguard.errors import PolicyError
from aplguard.policy import Policy, PolicyEngine
from aplguard.types import Decision, Face, FaceMatch, Finding, RequestContext

POLICY = textwrap.dedent("""\
    apiVersion: aplguard/v1
    name: engine-test
    version: "7"
    detectors:
      - id: names
        type: scripted
        protected: [vip]
        params:
          phrases:
            - {text: Famous Person, kind: public_figure, canonical: Famous Person, score: 0.9}
            - {text: sks, kind: personalization, score: 0.6}
            - {text: maybe name, kind: private_person, score: 0.3, identity_seeking: false}
    protected:
      vip:
        entries:
          - {name: Jane Doe, aliases: [JD], description: a woman with short grey hair}
          - {name: Bob Roe}
    rewrite:
      neutral: a person
      descriptions: {Famous Person: a tall man in a suit}
    rules:
      - id: block-vip
        when: {findings: {kind: [protected], in_list: [vip]}, context: {tenant: [strict]}}
        action: block
        message: no VIPs
        flag: true
      - id: rewrite-editors
        when: {identity_seeking: true, context: {user_role: [editor]}}
        action: rewrite
      - id: two-people
        when: {findings: {kind: [protected, public_figure], min_count: 2}}
        action: block
      - id: weak
        when: {findings: {min_score: 0.5, detector: [names]}, not: {identity_seeking: true}}
        action: allow
        flag: true
      - id: anon
        when:
          any:
            - {identity_seeking: true}
            - {context: {labels: {nsfw: ["yes"]}}}
        action: anonymize
    default: {action: allow}
    output:
      rules:
        - id: block-vip-match
          when: {matches: {min_score: 0.5, in_list: [vip]}}
          action: block
        - id: regen-crowd
          when: {faces: {min: 3}, prompt: {action: [allow]}}
          action: regenerate
        - id: blur-any-match
          when: {matches: {min_score: 0.4}}
          action: blur
      default: {action: none}
    prefixes:
      sd1: prefixes/sd1.safetensors
      "*": generic-prefix
    privacy: {prompt_storage: redacted, thumbnails: true}
    tenants:
      shadowy:
        mode: shadow
      failing-block:
        on_error: block
        detectors: [{id: broken, type: failing}]
      failing-anon:
        detectors: [{id: broken, type: failing}]
      failing-allow:
        on_error: allow
        detectors: [{id: broken, type: failing}]
      sdxl-shop:
        prefixes: {sdxl: xl.safetensors}
        output: {detect_faces: false, match_gallery: false, rules: []}
    """)


@pytest.fixture
def engine(registry):
    return PolicyEngine(Policy.from_yaml(POLICY, detector_types=registry), registry=registry)


def ctx(**kw) -> RequestContext:
    return RequestContext(**kw)


def test_allow_default_with_trace(engine):
    d = engine.decide_prompt("a cat on a mat", ctx())
    assert isinstance(d, Decision)
    assert (d.action, d.rule, d.flagged, d.findings) == ("allow", "default", False, ())
    assert [t.rule for t in d.trace] == ["block-vip", "rewrite-editors", "two-people", "weak", "anon", "default"]
    assert [t.matched for t in d.trace] == [False] * 5 + [True]
    assert not d.identity_seeking


def test_identity_prompt_is_anonymized(engine):
    d = engine.decide_prompt("a photo of Famous Person", ctx())
    assert d.action == "anonymize" and d.anonymize and d.rule == "anon" and d.identity_seeking
    assert d.findings[0].canonical == "Famous Person" and d.findings[0].detector == "names"
    assert "MATCH anon" in d.explain()


def test_protected_list_is_passed_to_gazetteer_and_blocks_for_tenant(engine):
    d = engine.decide_prompt("portrait of jd", ctx(tenant="strict"))
    # "strict" is not a tenant overlay: the base policy's context condition decides.
    assert d.action == "block" and d.blocked and d.message == "no VIPs" and d.flagged and d.rule == "block-vip"
    assert "evidence: protected@0.95 by names [12:14]" in d.trace[-1].reason
    assert engine.decide_prompt("portrait of jd", ctx(tenant="other")).action == "anonymize"


def test_first_match_wins(engine):
    d = engine.decide_prompt("Famous Person with Jane Doe", ctx())
    assert d.rule == "two-people" and d.action == "block" and d.message  # default block message
    d = engine.decide_prompt("Famous Person with Jane Doe", ctx(user_role="editor"))
    assert d.rule == "rewrite-editors"


def test_not_and_weak_findings(engine):
    d = engine.decide_prompt("sks maybe name", ctx())
    # sks is identity-seeking personalization -> not(...) fails -> falls through to anon
    assert d.rule == "anon"
    d = engine.decide_prompt("just a maybe name here", ctx())
    assert d.rule == "default"  # 0.3 < min_score 0.5
    assert not d.identity_seeking


def test_labels_in_any(engine):
    assert engine.decide_prompt("a cat", ctx(labels={"nsfw": "yes"})).action == "anonymize"
    assert engine.decide_prompt("a cat", ctx(labels={"nsfw": "no"})).action == "allow"


def test_rewrite_uses_descriptions_else_neutral(engine):
    ed = ctx(user_role="editor")
    d = engine.decide_prompt("Jane Doe meets Bob Roe", ed)
    assert d.action == "rewrite"
    assert d.rewritten_prompt == "a woman with short grey hair meets a person"
    d = engine.decide_prompt("Famous Person, oil painting", ed)
    assert d.rewritten_prompt == "a tall man in a suit, oil painting"


def test_rewrite_merges_overlapping_spans():
    from aplguard.policy.engine import _rewrite

    f1 = Finding("public_figure", 0.9, 4, 12, "xxxxxxxx", "a", "X")
    f2 = Finding("private_person", 0.5, 8, 16, "xxxxxxxx", "b")
    assert _rewrite("the xxxxxxxxxxxx end", [f2, f1], {"x": "Mr X"}, "someone") == "the Mr X end"


def test_shadow_mode(engine):
    d = engine.decide_prompt("Famous Person", ctx(tenant="shadowy"))
    assert d.action == "allow" and d.intended_action == "anonymize" and d.rule == "anon"
    assert "shadow mode" in d.explain()
    out = engine.decide_output(faces=[Face((0, 0, 1, 1), 0.9)], matches=[FaceMatch(0, "Jane Doe", 0.8, 0.36)],
                               ctx=ctx(tenant="shadowy"), prompt_decision=d)
    assert out.action == "none" and out.intended_action == "block"
    assert engine.settings(ctx(tenant="shadowy")).mode == "shadow"


@pytest.mark.parametrize("tenant,action,rule", [
    ("failing-block", "block", "on_error"),
    ("failing-anon", "anonymize", "on_error"),
    ("failing-allow", "allow", "default"),
])
def test_detector_failure_follows_on_error(engine, tenant, action, rule, caplog):
    secret = "a secret prompt text"
    with caplog.at_level(logging.DEBUG, logger="aplguard"):
        d = engine.decide_prompt(secret, ctx(tenant=tenant))
    assert (d.action, d.rule) == (action, rule)
    assert d.errors == ("detector 'broken' failed: RuntimeError",)
    assert all(secret not in e for e in d.errors) and secret not in caplog.text
    assert secret not in d.explain()


def test_detector_failure_never_weakens_a_stronger_decision(engine):
    d = engine.decide_prompt("Famous Person and Jane Doe", ctx(tenant="failing-anon"))
    assert d.action == "block" and d.rule == "two-people" and d.errors


def test_output_rules(engine):
    face = Face((0, 0, 10, 10), 0.9)
    allow = Decision(action="allow")
    od = engine.decide_output(faces=[face], matches=[FaceMatch(0, "jane doe", 0.6, 0.36)], ctx=ctx(),
                              prompt_decision=allow)
    assert od.action == "block" and od.rule == "block-vip-match"
    od = engine.decide_output(faces=[face] * 3, matches=[], ctx=ctx(), prompt_decision=allow)
    assert od.action == "regenerate"
    od = engine.decide_output(faces=[face] * 3, matches=[], ctx=ctx(), prompt_decision=Decision(action="anonymize"))
    assert od.action == "none" and od.rule == "default"
    od = engine.decide_output(faces=[face], matches=[FaceMatch(0, "stranger", 0.45, 0.36)], ctx=ctx(),
                              prompt_decision=allow)
    assert od.action == "blur" and "face 0~stranger@0.45" in od.trace[-1].reason


def test_output_errors_follow_on_error(engine):
    od = engine.decide_output(faces=[], matches=[], ctx=ctx(), prompt_decision=Decision(action="allow"),
                              errors=["face detector failed: RuntimeError"])
    assert od.action == "regenerate" and od.rule == "on_error"
    od = engine.decide_output(faces=[], matches=[], ctx=ctx(tenant="failing-block"),
                              prompt_decision=Decision(action="allow"), errors=["x"])
    assert od.action == "block"


def test_settings(engine):
    s = engine.settings(ctx())
    assert (s.name, s.version, s.mode, s.on_error) == ("engine-test", "7", "enforce", "anonymize")
    assert s.sha256 == engine.policy.sha256 and len(s.sha256) == 64
    assert s.privacy.prompt_storage == "redacted" and s.privacy.thumbnails
    assert s.audit_required and s.detect_faces and s.match_gallery and s.output_checks
    t = engine.settings(ctx(tenant="sdxl-shop"))
    assert t.tenant == "sdxl-shop" and not t.output_checks and not t.match_gallery
    assert engine.settings(ctx(tenant="failing-block")).on_error == "block"


def test_prefix_for(engine, tmp_path, registry):
    assert engine.prefix_for("sd1", ctx()) == "prefixes/sd1.safetensors"
    assert engine.prefix_for("sd2", ctx()) == "generic-prefix"
    assert engine.prefix_for("sdxl", ctx(tenant="sdxl-shop")) == "xl.safetensors"
    (tmp_path / "prefixes").mkdir()
    (tmp_path / "prefixes" / "sd1.safetensors").write_bytes(b"x")
    (tmp_path / "p.yaml").write_text(POLICY)
    e2 = PolicyEngine(Policy.from_path(tmp_path / "p.yaml", detector_types=registry), registry=registry)
    assert e2.prefix_for("sd1", ctx()) == str((tmp_path / "prefixes" / "sd1.safetensors").resolve())
    none = PolicyEngine({"apiVersion": "aplguard/v1", "name": "n", "default": {"action": "allow"}}, registry=registry)
    assert none.prefix_for("sd1", ctx()) is None


def test_injected_detectors_and_detector_ids(registry):
    class Mine:
        id = "something-else"

        def detect(self, text):
            return [Finding("public_figure", 0.8, 0, 3, text[:3], "something-else", "X")]

    policy = Policy.from_yaml(POLICY, detector_types=registry)
    e = PolicyEngine(policy, detectors={"names": Mine()}, registry=registry)
    d = e.decide_prompt("abc", ctx())
    assert d.action == "anonymize" and d.findings[0].detector == "names"  # re-labelled to the policy's id


def test_detector_build_failure_is_policy_error(registry):
    text = POLICY.replace("    params:\n", "    params:\n      bogus: 1\n")
    e = PolicyEngine(Policy.from_yaml(text, detector_types=registry), registry=registry)
    with pytest.raises(PolicyError, match=r"detectors\[0\].*bogus"):
        e.prepare()


def test_tenants_are_compiled_once_and_detectors_shared(engine):
    engine.prepare()
    a = engine._for("failing-anon")
    assert engine._for("failing-anon") is a
    assert engine._for("nope") is engine._for(None)
    base_names = engine._for(None).detectors[0][1]
    assert a.detectors[0][1] is base_names  # same config -> one instance


def test_decide_findings_without_detectors(engine):
    f = Finding("protected", 0.99, 0, 8, "Jane Doe", "names", "Jane Doe")
    d = engine.decide_findings("Jane Doe", [f], ctx(tenant="strict"))
    assert d.rule == "block-vip"


def test_anonymize_all_needs_no_detectors():
    e = PolicyEngine("anonymize-all")
    assert e.decide_prompt("a cat", RequestContext()).action == "anonymize"
    assert not e.settings(RequestContext()).output_checks


def test_off_policy():
    e = PolicyEngine("off")
    d = e.decide_prompt("anything at all", RequestContext())
    assert d.action == "allow" and e.prefix_for("sd1", RequestContext()) is None
    assert not e.settings(RequestContext()).audit_required


@pytest.mark.parametrize("name", ["default", "strict", "audit-only", "tenants-example"])
def test_shipped_policies_decide(name, shipped_registry):
    phrases = [{"text": "Famous Person", "kind": "public_figure", "canonical": "Famous Person"}]
    dets = {}
    engine = PolicyEngine(name, registry=shipped_registry)
    for spec in engine.policy.detectors:
        dets[spec.id] = ScriptedDetector(phrases=phrases if spec.id == "names" else [],
                                         protected=[e.model_dump() for e in engine.policy.protected_entries()]
                                         if spec.id == "names" else None, id=spec.id)
    engine = PolicyEngine(name, detectors=dets, registry=shipped_registry)
    c = RequestContext()
    cat, famous = engine.decide_prompt("a cat", c), engine.decide_prompt("Famous Person", c)
    protected = engine.decide_prompt("Alex Example at the beach", c)
    assert cat.action == "allow"
    expected = {"default": ("anonymize", "anonymize"), "strict": ("anonymize", "block"),
                "audit-only": ("allow", "allow"), "tenants-example": ("anonymize", "anonymize")}[name]
    assert (famous.action, protected.action) == expected
    if name == "audit-only":
        assert famous.intended_action == "anonymize"
    match = engine.decide_output(faces=[Face((0, 0, 1, 1), 0.9)], matches=[FaceMatch(0, "Alexandra Example", 0.7, 0.36)],
                                 ctx=c, prompt_decision=famous)
    assert match.action == {"default": "flag", "strict": "block", "audit-only": "none",
                            "tenants-example": "flag"}[name]
    assert match.flagged


def test_prepare_loads_detectors_and_passes_policy_ids():
    from aplguard.registry import Registry

    loaded = []

    class Loadable:
        def __init__(self, id: str = "x", fail: bool = False):
            self.id, self.fail = id, fail

        def load(self):
            if self.fail:
                raise FileNotFoundError("model.bin")
            loaded.append(self.id)
            return self

        def detect(self, text):
            return []

    reg = Registry("detector")
    reg.register("loadable", Loadable)
    spec = {"apiVersion": "aplguard/v1", "name": "l", "default": {"action": "allow"},
            "detectors": [{"id": "mine", "type": "loadable"}]}
    PolicyEngine(spec, registry=reg).prepare(load=True)
    assert loaded == ["mine"]
    spec["detectors"][0]["params"] = {"fail": True}
    engine = PolicyEngine(spec, registry=reg)
    engine.prepare()  # building alone is fine
    with pytest.raises(PolicyError, match="'mine' cannot load: FileNotFoundError"):
        engine.prepare(load=True)


def test_odd_label_values_do_not_crash(engine):
    d = engine.decide_prompt("a cat", RequestContext(labels={"nsfw": ["yes"], 1: "x"}))  # type: ignore[dict-item]
    assert d.action == "allow"
