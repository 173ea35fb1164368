"""Loading policies: shipped names, files, dicts, lists, tenants and every bad-input case located."""

from __future__ import annotations

import re
import textwrap

import pytest

from aplguard.errors import ConfigError, PolicyError
from aplguard.policy import SHIPPED_POLICIES, Policy, load_policy

BASE = """\
apiVersion: aplguard/v1
name: t
detectors:
  - id: names
    type: scripted
rules:
  - id: anon
    when: {identity_seeking: true}
    action: anonymize
default: {action: allow}
"""

LOCATED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<path>\S+): (?P<msg>.+)$", re.S)


def errors_of(text: str, registry, **kw) -> list[str]:
    with pytest.raises(PolicyError) as info:
        Policy.from_yaml(text, source="p.yaml", detector_types=registry, **kw)
    assert info.value.errors, "PolicyError.errors must not be empty"
    return info.value.errors


def loc(error: str) -> tuple[int, int, str, str]:
    m = LOCATED.match(error)
    assert m, f"not a located error: {error!r}"
    return int(m["line"]), int(m["col"]), m["path"], m["msg"]


@pytest.mark.parametrize("name", SHIPPED_POLICIES)
def test_shipped_policies_load_by_name(name, shipped_registry):
    policy = load_policy(name, detector_types=shipped_registry)
    assert policy.name == name
    assert len(policy.sha256) == 64
    assert policy.source.endswith(f"{name}.yaml")


def test_shipped_protected_example_list_is_loaded(shipped_registry):
    policy = load_policy("default", detector_types=shipped_registry)
    names = [e.name for e in policy.protected_entries()]
    assert "Alexandra Example" in names and policy.list_files


def test_from_path_and_sha(tmp_path, registry):
    path = tmp_path / "p.yaml"
    path.write_text(BASE)
    a = Policy.from_path(path, detector_types=registry)
    b = Policy.from_yaml(BASE, detector_types=registry)
    assert a.sha256 == b.sha256 and a.source == str(path) and b.source == "<string>"
    assert load_policy(str(path), detector_types=registry).rules[0].id == "anon"


def test_model_validate_dict_raises_policy_error_not_validation_error(registry):
    good = {"apiVersion": "aplguard/v1", "name": "d", "default": {"action": "block"}}
    assert Policy.model_validate(good).default.action == "block"
    with pytest.raises(PolicyError) as info:
        Policy.model_validate({"apiVersion": "aplguard/v1", "name": "d", "default": {"action": "nope"}})
    assert "<dict>" in info.value.errors[0] and "default.action" in info.value.errors[0]


def test_unknown_policy_name():
    with pytest.raises(PolicyError, match="not a shipped policy"):
        load_policy("no-such-policy")
    assert issubclass(PolicyError, ConfigError)


def test_missing_file():
    with pytest.raises(PolicyError, match="not found"):
        Policy.from_path("/nonexistent/p.yaml")


# ------------------------------------------------------------ bad input, located

def test_malformed_yaml(registry):
    (err,) = errors_of("apiVersion: aplguard/v1\nrules: [a, b\n", registry)
    line, col, path, msg = loc(err)
    assert line == 3 and "invalid YAML" in msg


def test_tabs(registry):
    errs = errors_of("apiVersion: aplguard/v1\nname: t\ndefault:\n\taction: allow\n", registry)
    line, col, path, msg = loc(errs[0])
    assert line == 4 and col == 1 and "tab" in msg


def test_duplicate_keys(registry):
    errs = errors_of(BASE + "name: again\n", registry)
    line, col, path, msg = loc(errs[0])
    assert (line, col, path) == (11, 1, "name") and "duplicate key" in msg and "line 2" in msg


def test_wrong_types_and_unknown_keys_all_reported(registry):
    text = BASE.replace("action: anonymize", "action: [anonymize]").replace("name: t\n", "name: t\nrulez: []\n")
    errs = errors_of(text, registry)
    assert len(errs) == 2
    by_path = {loc(e)[2]: loc(e) for e in errs}
    assert by_path["rulez"][0] == 3 and "did you mean 'rules'" in by_path["rulez"][3]
    assert by_path["rules[0].action"][0] == 10


def test_nested_unknown_key_lists_allowed_keys(registry):
    errs = errors_of(BASE.replace("{identity_seeking: true}", "{identity_seeking: true, findngs: {}}"), registry)
    line, col, path, msg = loc(errs[0])
    assert path == "rules[0].when.findngs" and "did you mean 'findings'" in msg and "allowed:" in msg


def test_unknown_detector_type_names_known_types(registry):
    errs = errors_of(BASE.replace("type: scripted", "type: gazeteer"), registry)
    line, col, path, msg = loc(errs[0])
    assert (line, path) == (5, "detectors[0].type") and "known: failing, scripted" in msg


def test_duplicate_rule_ids(registry):
    text = BASE.replace("default:", "  - id: anon\n    action: block\ndefault:")
    line, col, path, msg = loc(errors_of(text, registry)[0])
    assert path == "rules[1].id" and line == 10 and "duplicate rule id 'anon'" in msg


def test_reference_to_undefined_detector_and_list(registry):
    text = BASE.replace("{identity_seeking: true}", "{findings: {detector: [nope], in_list: [vip]}}")
    errs = errors_of(text, registry)
    paths = sorted(loc(e)[2] for e in errs)
    assert paths == ["rules[0].when.findings.detector[0]", "rules[0].when.findings.in_list[0]"]


def test_missing_list_file(tmp_path, registry):
    text = BASE + "protected:\n  vip:\n    file: lists/vip.yaml\n"
    errs = errors_of(text, registry, base_dir=tmp_path)
    line, col, path, msg = loc(errs[0])
    assert (line, path) == (13, "protected.vip.file") and "not found" in msg and "vip.yaml" in msg


def test_bad_list_file_is_located_in_both_files(tmp_path, registry):
    (tmp_path / "vip.yaml").write_text("- name: A\n- {name: B, alias: [x]}\n")
    errs = errors_of(BASE + "protected:\n  vip:\n    file: vip.yaml\n", registry, base_dir=tmp_path)
    assert "protected.vip.file" in errs[0] and "vip.yaml:2:" in errs[0]


def test_empty_policy(registry):
    for text in ("", "# only a comment\n", "---\n"):
        line, col, path, msg = loc(errors_of(text, registry)[0])
        assert "empty" in msg


def test_not_a_mapping(registry):
    assert "must be a mapping" in errors_of("- a\n- b\n", registry)[0]


def test_missing_required_keys(registry):
    errs = errors_of("apiVersion: aplguard/v1\nname: x\n", registry)
    assert any(loc(e)[2] == "default" and "required" in loc(e)[3] for e in errs)


def test_unsupported_api_version(registry):
    assert "unsupported apiVersion" in errors_of(BASE.replace("aplguard/v1", "aplguard/v9"), registry)[0]


def test_unsafe_tags_rejected(registry):
    errs = errors_of(BASE.replace("name: t", "name: !!python/object/apply:os.system [echo]"), registry)
    assert "name" in errs[0]


def test_alias_bomb_rejected(registry):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 9)]
    with pytest.raises(PolicyError, match="alias bomb"):
        Policy.from_yaml("\n".join(lines) + "\n", detector_types=registry)


def test_replacement_only_for_rewrite(registry):
    text = BASE.replace("action: anonymize", "action: anonymize\n    replacement: someone")
    assert "replacement" in errors_of(text, registry)[0]


def test_output_condition_needs_enabled_check(registry):
    text = BASE + textwrap.dedent("""\
        output:
          match_gallery: false
          rules:
            - id: m
              when: {matches: {min_score: 0.5}}
              action: flag
        """)
    line, col, path, msg = loc(errors_of(text, registry)[0])
    assert path == "output.rules[0].when.matches" and "match_gallery" in msg


# ------------------------------------------------------------ lists

def test_list_formats(tmp_path, registry):
    (tmp_path / "a.csv").write_text("name,aliases,description\nJane Roe,J. Roe|Janie,a woman\nJohn Poe,,\n")
    (tmp_path / "b.txt").write_text("# comment\nMax Mustermann\n\nErika Musterfrau\n")
    (tmp_path / "c.yml").write_text("identities:\n  - Solo Name\n  - {name: Full Entry, aliases: [FE]}\n")
    text = BASE + "protected:\n  a: {file: a.csv}\n  b: {file: b.txt}\n  c:\n    file: c.yml\n    entries: [{name: Inline}]\n"
    policy = Policy.from_yaml(text, base_dir=tmp_path, detector_types=registry)
    a = policy.list_members("a")
    assert [e.name for e in a] == ["Jane Roe", "John Poe"] and a[0].aliases == ["J. Roe", "Janie"]
    assert a[0].description == "a woman" and a[1].description is None
    assert [e.name for e in policy.list_members("b")] == ["Max Mustermann", "Erika Musterfrau"]
    assert [e.name for e in policy.list_members("c")] == ["Inline", "Solo Name", "Full Entry"]
    assert len(policy.list_files) == 3


def test_bad_list_suffix(tmp_path, registry):
    (tmp_path / "x.json").write_text("[]")
    assert "unsupported list format" in errors_of(BASE + "protected:\n  a: {file: x.json}\n", registry,
                                                  base_dir=tmp_path)[0]


# ------------------------------------------------------------ tenants

TENANTS = BASE + textwrap.dedent("""\
    tenants:
      a:
        mode: shadow
        prepend_rules:
          - {id: a-block, when: {findings: {kind: [protected]}}, action: block}
      b:
        extends: a
        remove_rules: [anon]
        privacy: {prompt_storage: plain}
    """)


def test_tenant_resolution(registry):
    policy = Policy.from_yaml(TENANTS, detector_types=registry)
    assert policy.tenant_names == ["a", "b"]
    a, b = policy.for_tenant("a"), policy.for_tenant("b")
    assert [r.id for r in a.rules] == ["a-block", "anon"] and a.mode == "shadow" and a.tenant == "a"
    assert [r.id for r in b.rules] == ["a-block"] and b.mode == "shadow" and b.privacy.prompt_storage == "plain"
    assert policy.for_tenant("unknown") is policy and policy.for_tenant(None) is policy
    assert policy.mode == "enforce"


def test_circular_tenant_inheritance(registry):
    text = TENANTS.replace("  a:\n    mode: shadow", "  a:\n    extends: b\n    mode: shadow")
    assert text != TENANTS
    errs = errors_of(text, registry)
    assert len(errs) == 1
    line, col, path, msg = loc(errs[0])
    assert path.startswith("tenants.") and path.endswith(".extends") and "circular tenant inheritance" in msg


def test_self_inheritance_and_unknown_parent(registry):
    errs = errors_of(TENANTS.replace("extends: a", "extends: b"), registry)
    assert "circular" in errs[0]
    errs = errors_of(TENANTS.replace("extends: a", "extends: zz"), registry)
    assert "unknown tenant 'zz'" in errs[0] and loc(errs[0])[2] == "tenants.b.extends"


def test_tenant_remove_unknown_rule_and_resolved_duplicates(registry):
    errs = errors_of(TENANTS.replace("remove_rules: [anon]", "remove_rules: [nope]"), registry)
    assert loc(errs[0])[2] == "tenants.b.remove_rules[0]"
    dup = TENANTS.replace("id: a-block", "id: anon")
    assert any("duplicate rule id 'anon'" in e and "tenants.a" in e for e in errors_of(dup, registry))


@pytest.mark.parametrize("text,expected", [
    ("[" * 5000, "nested too deeply|nesting depth"),  # PyYAML's pure-Python / libyaml parser
    ("".join(f"{' ' * i}a:\n" for i in range(300)), "nesting deeper"),
    ("a: 1\n---\nb: 2\n", "single document"),
    ("x: !!binary AAA\n", "base64"),
    ("\x00", "unacceptable character"),
])
def test_hostile_yaml_is_a_policy_error(text, expected, registry):
    assert re.search(expected, errors_of(text, registry)[0])


def test_model_validate_json_loads_lists(registry):
    policy = Policy.model_validate_json(
        '{"apiVersion": "aplguard/v1", "name": "j", "default": {"action": "allow"},'
        ' "protected": {"vip": {"entries": [{"name": "A"}]}}}')
    assert [e.name for e in policy.protected_entries()] == ["A"]
    with pytest.raises(PolicyError, match="invalid JSON"):
        Policy.model_validate_json("{")
