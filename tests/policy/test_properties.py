"""Property tests: the loader raises only PolicyError; evaluation is deterministic."""

from __future__ import annotations

import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from policy_fakes import make_registry

from aplguard.errors import PolicyError
from aplguard.policy import Policy, PolicyEngine
from aplguard.types import Finding, RequestContext

REGISTRY = make_registry()

KEYS = ["apiVersion", "name", "version", "mode", "on_error", "detectors", "rules", "default", "output", "tenants",
        "id", "type", "when", "action", "findings", "kind", "min_score", "identity_seeking", "context", "extends",
        "any", "not", "matches", "faces", "protected", "file", "entries", "prefixes", "privacy", "params"]
VALUES = ["aplguard/v1", "allow", "block", "anonymize", "rewrite", "shadow", "scripted", "x", "lists/none.yaml"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True), st.sampled_from(VALUES),
                    st.text(max_size=8))
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=5)), inner, max_size=5)), max_leaves=25)


def _load(text: str) -> None:
    try:
        Policy.from_yaml(text, source="h.yaml", detector_types=REGISTRY)
    except PolicyError as exc:
        assert exc.errors and all(isinstance(e, str) and e for e in exc.errors)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text_raises_only_policy_error(text):
    _load(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_yaml_structures_raise_only_policy_error(doc):
    _load(yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["key: [", "\t", "&a x", "*a", "!!binary xx", "? [a]\n", "- ", ": ", "{", "}", "'",
                                 "\"", "\n", "2020-13-45", "<<: *a", "a: b", "  "]), max_size=30))
def test_yaml_fragments_raise_only_policy_error(parts):
    _load("".join(parts))


POLICY = """\
apiVersion: aplguard/v1
name: prop
detectors: [{id: names, type: scripted}]
protected: {vip: {entries: [{name: Jane Doe}]}}
rules:
  - {id: a, when: {findings: {kind: [protected], in_list: [vip], min_score: 0.7}}, action: block}
  - {id: b, when: {findings: {kind: [public_figure, private_person], min_count: 2}}, action: rewrite}
  - {id: c, when: {any: [{identity_seeking: true}, {context: {user_role: [x]}}]}, action: anonymize, flag: true}
  - {id: d, when: {not: {no_findings: true}}, action: allow, flag: true}
default: {action: allow}
"""
ENGINE = PolicyEngine(Policy.from_yaml(POLICY, detector_types=REGISTRY), registry=REGISTRY)

findings = st.builds(
    lambda kind, score, start, length, canon, seeking: Finding(kind, score, start, start + length, "x" * length,
                                                               "names", canon, "", seeking),
    st.sampled_from(["protected", "public_figure", "private_person", "personalization", "likeness", "other"]),
    st.floats(0, 1), st.integers(0, 30), st.integers(0, 10), st.sampled_from([None, "Jane Doe", "jane doe", "X"]),
    st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.lists(findings, max_size=8), st.sampled_from([None, "x", "y"]))
def test_evaluation_is_deterministic(prompt, found, role):
    ctx = RequestContext(user_role=role)
    a = ENGINE.decide_findings(prompt, found, ctx)
    b = ENGINE.decide_findings(prompt, list(found), RequestContext(user_role=role))
    fresh = PolicyEngine(ENGINE.policy, registry=REGISTRY).decide_findings(prompt, found, ctx)
    assert a == b == fresh
    assert a.action in ("allow", "anonymize", "rewrite", "block")
    assert a.trace[-1].matched and sum(t.matched for t in a.trace) == 1
    if a.action == "rewrite":
        assert a.rewritten_prompt is not None


# ---------------------------------------------------------------- compiled == reference semantics

KIND_CHOICES = ["protected", "public_figure", "private_person", "personalization", "likeness"]
NAME_CHOICES = ["Jane Doe", "Rob Roe", "X"]

finding_conds = st.fixed_dictionaries({}, optional={
    "kind": st.lists(st.sampled_from(KIND_CHOICES), min_size=1, max_size=3, unique=True),
    "detector": st.lists(st.sampled_from(["names", "other"]), min_size=1, max_size=2, unique=True),
    "min_score": st.sampled_from([0.0, 0.3, 0.5, 0.8, 0.95]),
    "canonical_in": st.lists(st.sampled_from(NAME_CHOICES + ["jane doe"]), min_size=1, max_size=2),
    "in_list": st.just(["vip"]),
    "identity_seeking": st.booleans(),
    "min_count": st.integers(1, 3),
})
context_conds = st.fixed_dictionaries({}, optional={
    "user_role": st.lists(st.sampled_from(["a", "b"]), min_size=1, max_size=2, unique=True),
    "labels": st.dictionaries(st.just("plan"), st.sampled_from(["p1", "p2", ["p1", "p2"]]), max_size=1),
})
whens = st.recursive(
    st.fixed_dictionaries({}, optional={"identity_seeking": st.booleans(), "findings": finding_conds,
                                        "no_findings": st.booleans(), "context": context_conds}),
    lambda inner: st.one_of(st.fixed_dictionaries({"any": st.lists(inner, min_size=1, max_size=3)}),
                            st.fixed_dictionaries({"not": inner})),
    max_leaves=4)
rule_lists = st.lists(st.tuples(whens, st.sampled_from(["allow", "anonymize", "rewrite", "block"])), max_size=8)


def _ref_findings(fc, found, lists):
    hits = []
    for f in found:
        name = f.canonical.lower() if f.canonical else None
        if "kind" in fc and f.kind not in fc["kind"]:
            continue
        if "detector" in fc and f.detector not in fc["detector"]:
            continue
        if f.score < fc.get("min_score", 0.0):
            continue
        if "canonical_in" in fc and name not in [c.lower() for c in fc["canonical_in"]]:
            continue
        if "in_list" in fc and name not in lists:
            continue
        if "identity_seeking" in fc and f.identity_seeking != fc["identity_seeking"]:
            continue
        hits.append(f)
    return len(hits) >= fc.get("min_count", 1)


def _ref_when(w, found, ctx, lists):
    seeking = any(f.identity_seeking and f.kind in KIND_CHOICES for f in found)
    if "identity_seeking" in w and seeking != w["identity_seeking"]:
        return False
    if "no_findings" in w and (not found) != w["no_findings"]:
        return False
    if "findings" in w and not _ref_findings(w["findings"], found, lists):
        return False
    c = w.get("context", {})
    if "user_role" in c and ctx.user_role not in c["user_role"]:
        return False
    for key, val in c.get("labels", {}).items():
        if ctx.labels.get(key) not in ([val] if isinstance(val, str) else val):
            return False
    if "any" in w and not any(_ref_when(sub, found, ctx, lists) for sub in w["any"]):
        return False
    return not ("not" in w and _ref_when(w["not"], found, ctx, lists))


ref_findings = st.builds(
    lambda kind, det, score, canon, seeking: Finding(kind, score, 0, 1, "x", det, canon, "", seeking),
    st.sampled_from(KIND_CHOICES), st.sampled_from(["names", "other"]), st.sampled_from([0.2, 0.5, 0.9, 1.0]),
    st.sampled_from([None] + NAME_CHOICES), st.booleans())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule_lists, st.lists(ref_findings, max_size=5), st.sampled_from([None, "a", "b"]),
       st.sampled_from([{}, {"plan": "p1"}, {"plan": "p2"}]))
def test_compiled_rules_match_reference_semantics(rules, found, role, labels):
    spec = {"apiVersion": "aplguard/v1", "name": "ref", "default": {"action": "allow"},
            "detectors": [{"id": "names", "type": "scripted"}, {"id": "other", "type": "scripted"}],
            "protected": {"vip": {"entries": [{"name": "Jane Doe", "aliases": ["JD"]}]}},
            "rules": [{"id": f"r{i}", "when": w, "action": a} for i, (w, a) in enumerate(rules)]}
    engine = PolicyEngine(Policy.model_validate(spec, context={"detector_types": ["scripted"]}), registry=REGISTRY)
    ctx = RequestContext(user_role=role, labels=labels)
    expected = next((f"r{i}" for i, (w, _) in enumerate(rules) if _ref_when(w, found, ctx, {"jane doe", "jd"})),
                    "default")
    got = engine.decide_findings("x", found, ctx)
    assert got.rule == expected
    assert [t.rule for t in got.trace] == [f"r{i}" for i in range(len(rules))][:len(got.trace) - 1] + [expected]


BASE_DOC = yaml.safe_load(POLICY)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


ALL_PATHS = list(_paths(BASE_DOC))[1:]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ALL_PATHS), documents, st.booleans())
def test_mutated_valid_policy_raises_only_located_policy_errors(path, value, as_key):
    import copy

    doc = copy.deepcopy(BASE_DOC)
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    if as_key and isinstance(parent, dict):
        parent[str(value)[:10] or "k"] = parent.pop(path[-1])  # rename a key
    else:
        parent[path[-1]] = value
    try:
        Policy.from_yaml(yaml.safe_dump(doc), source="m.yaml", detector_types=REGISTRY)
    except PolicyError as exc:
        assert all(re.match(r"m\.yaml:\d+:\d+: .+: .", e) for e in exc.errors), exc.errors
