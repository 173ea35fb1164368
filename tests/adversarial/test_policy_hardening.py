"""Policy hardening (issues 11 and 12): rewrite coverage, reload races, bounds, located errors.

Each test fails on the code before the fix. Everything runs offline with scripted
detectors (no aplguard.detect models) and stays well under two seconds.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from aplguard.cli import main
from aplguard.errors import PolicyError
from aplguard.policy import Policy, PolicyEngine, PolicyStore
from aplguard.policy.limits import MAX_POLICY_BYTES, MAX_RULES
from aplguard.registry import Registry
from aplguard.types import Decision, Finding, RequestContext


class Phrases:
    """Finds each listed phrase (case-insensitively); ``first_only`` misses repeated mentions."""

    def __init__(self, phrases: list[dict] | None = None, protected: list[dict] | None = None,
                 first_only: bool = False, id: str = "names") -> None:
        self.id = id
        self.phrases = [dict(p) for p in phrases or []]
        self.first_only = first_only

    kinds = frozenset({"protected", "public_figure"})

    def load(self) -> Phrases:
        return self

    def detect(self, text: str) -> list[Finding]:
        out = []
        low = text.lower()
        for p in self.phrases:
            needle = p["text"].lower()
            start = low.find(needle)
            while start >= 0:
                out.append(Finding(kind=p.get("kind", "protected"), score=0.9, start=start, end=start + len(needle),
                                   text=text[start:start + len(needle)], detector=self.id,
                                   canonical=p.get("canonical")))
                if self.first_only:
                    break
                start = low.find(needle, start + 1)
        return out


def registry(**hooks: object) -> Registry:
    reg = Registry("detector")
    reg.register("phrases", hooks.get("phrases", Phrases))
    return reg


REWRITE_POLICY = """\
apiVersion: aplguard/v1
name: rw
detectors:
  - {id: names, type: phrases}
protected:
  vip:
    entries: [{name: Jane Doe, aliases: [Janey Quux]}]
rules:
  - {id: rw, when: {identity_seeking: true}, action: rewrite}
default: {action: allow}
"""


def rewrite_engine(**detector_kwargs: object) -> PolicyEngine:
    det = Phrases([{"text": "Jane Doe", "canonical": "Jane Doe"}], **detector_kwargs)  # type: ignore[arg-type]
    return PolicyEngine(Policy.from_yaml(REWRITE_POLICY, detector_types=["phrases"]), detectors={"names": det})


# ------------------------------------------------------------------ rewrite coverage

def test_rewrite_with_missed_second_mention_gets_the_prefix():
    d = rewrite_engine(first_only=True).decide_prompt("Jane Doe shaking hands with Jane Doe")
    assert d.action == "rewrite" and d.rewritten_prompt == "a person shaking hands with Jane Doe"
    assert d.prefix_rewrite and d.anonymize
    assert any(t.rule == "rewrite" and "prefix" in t.reason and "Jane" not in t.reason for t in d.trace)


def test_rewrite_leaving_an_alias_or_the_surname_gets_the_prefix():
    engine = rewrite_engine()
    assert engine.decide_prompt("Jane Doe, also known as Janey").prefix_rewrite  # alias word
    assert engine.decide_prompt("Jane Doe next to Mrs Doe").prefix_rewrite  # surname alone
    assert engine.decide_prompt("Jane Doe next to D.O.E").prefix_rewrite is False  # 3 letters: words only
    assert engine.decide_prompt("Jane Doe with j\u200bane").prefix_rewrite  # zero-width split


def test_rewrite_that_covers_every_mention_needs_no_prefix():
    d = rewrite_engine().decide_prompt("Jane Doe shaking hands with Jane Doe at the beach")
    assert d.rewritten_prompt == "a person shaking hands with a person at the beach"
    assert not d.prefix_rewrite and not d.anonymize


def test_rewrite_recheck_runs_the_detectors_on_the_rewritten_prompt():
    det = Phrases([{"text": "Jane Doe", "canonical": "Jane Doe"}, {"text": "a person", "kind": "likeness"}])
    engine = PolicyEngine(Policy.from_yaml(REWRITE_POLICY, detector_types=["phrases"]), detectors={"names": det})
    d = engine.decide_prompt("Jane Doe on a bike")
    assert d.rewritten_prompt == "a person on a bike" and d.prefix_rewrite


def test_rewrite_with_detector_failure_gets_the_prefix():
    engine = rewrite_engine()
    f = Finding(kind="protected", score=0.9, start=0, end=8, text="Jane Doe", detector="names", canonical="Jane Doe")
    d = engine.decide_findings("Jane Doe", [f], errors=["detector 'x' failed: RuntimeError"])
    assert d.action == "rewrite" and d.prefix_rewrite and d.rewritten_prompt == "a person"


def test_rewrite_always_carries_a_non_empty_prompt():
    engine = rewrite_engine()
    d = engine.decide_prompt("Jane Doe")
    assert d.rewritten_prompt == "a person"
    pol = Policy.from_yaml(REWRITE_POLICY.replace("default: {action: allow}", "default: {action: rewrite}"),
                           detector_types=["phrases"])
    d = PolicyEngine(pol, detectors={"names": Phrases()}).decide_prompt("")
    assert d.action == "rewrite" and d.rewritten_prompt == "a person"


@pytest.mark.parametrize(("fragment", "where"), [
    ("rewrite: {neutral: '  '}\n", "rewrite.neutral"),
    ("rewrite: {neutral: ''}\n", "rewrite.neutral"),
    ("rewrite: {descriptions: {Jane Doe: ''}}\n", "rewrite.descriptions['Jane Doe']"),
])
def test_empty_replacements_are_located_errors(tmp_path, fragment, where):
    path = tmp_path / "p.yaml"
    path.write_text(REWRITE_POLICY + fragment)
    with pytest.raises(PolicyError) as err:
        Policy.from_path(path, detector_types=["phrases"])
    line = len(REWRITE_POLICY.splitlines()) + 1
    assert err.value.errors[0].startswith(f"{path}:{line}:")
    assert f": {where}: must not be empty or whitespace" in err.value.errors[0]


def test_empty_rule_replacement_and_description_are_located(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(REWRITE_POLICY.replace("action: rewrite}", "action: rewrite, replacement: ' '}")
                    .replace("aliases: [Janey Quux]}", "aliases: [Janey Quux], description: ''}"))
    with pytest.raises(PolicyError) as err:
        Policy.from_path(path, detector_types=["phrases"])
    assert any(e.startswith(f"{path}:7:68:") and "protected.vip.entries[0].description: must not be empty" in e
               for e in err.value.errors)
    assert any(e.startswith(f"{path}:9:76:") and "rules[0].replacement: must not be empty" in e for e in err.value.errors)


# ------------------------------------------------------------------ live reload

STORE_POLICY = """\
apiVersion: aplguard/v1
name: live
version: "{version}"
detectors:
  - {{id: names, type: phrases, params: {{phrases: [{{text: Famous Person}}]}}}}
protected:
  vip: {{file: vip.txt}}
rules:
  - {{id: r, when: {{identity_seeking: true}}, action: {action}}}
default: {{action: allow}}
"""


def _store_files(tmp_path: Path, version: int = 1, action: str = "anonymize") -> Path:
    (tmp_path / "vip.txt").write_text("Jane Doe\n")
    path = tmp_path / "policy.yaml"
    path.write_text(STORE_POLICY.format(version=version, action=action))
    return path


def test_store_half_written_policy_is_replaced_by_the_complete_file(tmp_path):
    """A non-atomic writer finishes while the store builds the half file: the complete one must load next."""
    path = tmp_path / "policy.yaml"
    (tmp_path / "vip.txt").write_text("Jane Doe\n")
    full = STORE_POLICY.format(version=2, action="block")
    half = full[: full.index("rules:")] + "default: {action: allow}\n"  # a valid prefix of the write
    path.write_text(half)
    writes = iter([full])

    def finishing_writer(**kwargs: object) -> Phrases:
        for text in writes:  # the writer completes the file while the engine is being built
            path.write_text(text)
        return Phrases(**kwargs)  # type: ignore[arg-type]

    store = PolicyStore(path, registry=registry(phrases=finishing_writer))
    assert store.current.version == "2" and store.current.rules == []  # the half file, as read
    assert store.reload_if_changed()
    assert store.current.version == "2" and store.current.rules[0].action == "block"
    assert store.decide_prompt("Famous Person").action == "block"


def test_store_sees_a_rewrite_with_the_same_size_and_mtime(tmp_path):
    path = _store_files(tmp_path, 1, "anonymize")
    store = PolicyStore(path, registry=registry())
    st = path.stat()
    text = path.read_text().replace("action: anonymize}", "action: rewrite  }")
    assert len(text) == st.st_size
    path.write_text(text)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # a coarse-mtime file system: stat looks the same
    assert store.reload_if_changed() and store.decide_prompt("Famous Person").action == "rewrite"


def test_store_last_error_clears_when_the_file_is_fixed(tmp_path):
    path = _store_files(tmp_path)
    seen: list[PolicyError] = []
    store = PolicyStore(path, registry=registry(), on_error=seen.append)
    good = path.read_text()
    path.write_text(good.replace("action: anonymize", "action: explode"))
    assert not store.reload_if_changed() and store.last_error is not None and len(seen) == 1
    assert not store.reload_if_changed() and len(seen) == 1  # reported once
    path.write_text(good)  # back to the active content: nothing to rebuild, but the error is gone
    assert not store.reload_if_changed() and store.last_error is None
    path.write_text(good.replace("action: anonymize", "action: explode"))
    assert not store.reload_if_changed() and store.last_error is not None
    path.write_text(STORE_POLICY.format(version=3, action="block"))
    assert store.reload_if_changed() and store.last_error is None and store.current.version == "3"


def test_store_unreadable_list_at_reload_keeps_the_last_good_policy(tmp_path):
    path = _store_files(tmp_path)
    store = PolicyStore(path, registry=registry(), on_error=lambda e: None)
    vip = tmp_path / "vip.txt"
    vip.unlink()
    vip.symlink_to("/dev/zero")
    t0 = time.monotonic()
    assert not store.reload_if_changed()
    assert time.monotonic() - t0 < 2
    assert "not a regular file" in str(store.last_error) and "protected.vip.file" in str(store.last_error)
    assert store.current.version == "1" and store.decide_prompt("Famous Person").action == "anonymize"
    vip.unlink()
    vip.mkdir()
    assert not store.reload_if_changed() and store.current.version == "1"
    vip.rmdir()
    vip.write_text("Jane Doe\nBob Roe\n")
    assert store.reload_if_changed() and store.last_error is None
    assert [e.name for e in store.current.protected_entries()] == ["Jane Doe", "Bob Roe"]


def test_store_with_auto_reload_never_raises_on_a_bad_list(tmp_path):
    path = _store_files(tmp_path)
    store = PolicyStore(path, registry=registry(), on_error=lambda e: None, check_interval_s=0.0)
    vip = tmp_path / "vip.txt"
    vip.unlink()
    vip.symlink_to("/dev/zero")
    for _ in range(3):
        assert store.decide_prompt("Famous Person", RequestContext()).action == "anonymize"


# ------------------------------------------------------------------ bounds

def _quick(fn, limit_s: float = 2.0):
    """Run fn in a thread; fail (instead of hanging the suite) when it takes too long."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(limit_s)
    assert not t.is_alive(), f"did not finish within {limit_s} s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


def test_policy_from_dev_zero_and_fifo_is_a_clear_error(tmp_path):
    with pytest.raises(PolicyError, match="not a regular file"):
        _quick(lambda: Policy.from_path("/dev/zero"))
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    with pytest.raises(PolicyError, match="a FIFO, not a regular file"):
        _quick(lambda: Policy.from_path(fifo))


def test_policy_validate_dev_zero_is_one_line_exit_2(capsys):
    assert _quick(lambda: main(["policy", "validate", "/dev/zero"])) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("/dev/zero: ") and "Traceback" not in err[0]


def test_list_pointing_at_dev_zero_is_located(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    path = tmp_path / "p.yaml"
    path.write_text("apiVersion: aplguard/v1\nname: z\nprotected:\n  vip: {file: zero.txt}\ndefault: {action: allow}\n")
    with pytest.raises(PolicyError) as err:
        _quick(lambda: Policy.from_path(path, detector_types=None))
    assert err.value.errors[0].startswith(f"{path}:4:") and "protected.vip.file: bad list file" in err.value.errors[0]


def test_oversized_policy_file_is_rejected(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"apiVersion: aplguard/v1\nname: big\nversion: '" + b"9" * MAX_POLICY_BYTES + b"'\n")
    with pytest.raises(PolicyError, match="too large"):
        _quick(lambda: Policy.from_path(path))


def test_too_many_rules_rejected_quickly(tmp_path):
    rules = "".join(f"  - {{id: r{i}, action: allow}}\n" for i in range(MAX_RULES + 1))
    path = tmp_path / "many.yaml"
    path.write_text(f"apiVersion: aplguard/v1\nname: many\nrules:\n{rules}default: {{action: allow}}\n")
    t0 = time.monotonic()
    with pytest.raises(PolicyError) as err:
        Policy.from_path(path, detector_types=None)
    assert time.monotonic() - t0 < 2
    assert err.value.errors[0].startswith(f"{path}:3:1: rules: too many entries ({MAX_RULES + 1}")


def test_long_strings_are_located_errors():
    with pytest.raises(PolicyError) as err:
        Policy.from_yaml("apiVersion: aplguard/v1\nname: n\nversion: '" + "v" * 100_000 + "'\n"
                         "default: {action: block, message: '" + "m" * 100_000 + "'}\n", detector_types=None)
    assert err.value.errors[0].startswith("<string>:3:10: version: String should have at most 256 characters")
    assert err.value.errors[1].startswith("<string>:4:")
    assert "default.message: String should have at most 4096 characters" in err.value.errors[1]


def test_list_file_entry_bounds_are_located(tmp_path):
    lst = tmp_path / "vip.csv"
    lst.write_text("name,aliases\nJane Doe,JD\n" + "x" * 300 + ",\n")
    path = tmp_path / "p.yaml"
    path.write_text("apiVersion: aplguard/v1\nname: z\nprotected:\n  vip: {file: vip.csv}\ndefault: {action: allow}\n")
    with pytest.raises(PolicyError) as err:
        Policy.from_path(path, detector_types=None)
    assert f"{lst}:3:1: name: String should have at most 256 characters" in err.value.errors[0]


# ------------------------------------------------------------------ policy UX

def test_yaml_merge_key_override_is_accepted_and_real_duplicates_are_not():
    text = """\
apiVersion: aplguard/v1
name: merge
x-base: &base {action: anonymize, flag: true}
rules:
  - {<<: *base, id: a}
  - <<: *base
    id: b
    action: block
default: {action: allow}
"""
    with pytest.raises(PolicyError, match="unknown key 'x-base'"):  # merging works; x-base itself is not a key
        Policy.from_yaml(text, detector_types=None)
    text = text.replace("x-base: &base {action: anonymize, flag: true}\nrules:\n",
                        "rules:\n  - &base {id: z, action: anonymize, flag: true}\n")
    pol = Policy.from_yaml(text.replace("{<<: *base, id: a}", "{<<: *base, id: a, flag: false}"), detector_types=None)
    assert [(r.id, r.action, r.flag) for r in pol.rules] == [("z", "anonymize", True), ("a", "anonymize", False),
                                                             ("b", "block", True)]
    with pytest.raises(PolicyError) as err:
        Policy.from_yaml(text.replace("    action: block\n", "    action: block\n    action: allow\n"),
                         detector_types=None)
    assert err.value.errors[0].startswith("<string>:9:5: rules[2].action: duplicate key 'action' (first defined at "
                                          "line 8)")


def test_non_utf8_policy_error_is_located(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"apiVersion: aplguard/v1\nname: caf\xe9s\ndefault: {action: allow}\n")
    with pytest.raises(PolicyError) as err:
        Policy.from_path(path)
    assert err.value.errors[0].startswith(f"{path}:2:10: (root): not UTF-8 text")


def test_non_utf8_list_error_is_located(tmp_path):
    (tmp_path / "vip.txt").write_bytes(b"Jane Doe\n\xffBob\n")
    path = tmp_path / "p.yaml"
    path.write_text("apiVersion: aplguard/v1\nname: z\nprotected:\n  vip: {file: vip.txt}\ndefault: {action: allow}\n")
    with pytest.raises(PolicyError) as err:
        Policy.from_path(path, detector_types=None)
    assert f"{tmp_path / 'vip.txt'}:2:1: (root): not UTF-8 text" in err.value.errors[0]


def test_detector_parameter_error_is_located(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("apiVersion: aplguard/v1\nname: d\ndetectors:\n  - id: names\n    type: phrases\n"
                    "    params: {nonsense: 1}\ntenants:\n  t:\n    detectors:\n      - {id: more, type: phrases, "
                    "params: {bad: 2}}\ndefault: {action: allow}\n")
    engine = PolicyEngine(path, registry=registry())
    with pytest.raises(PolicyError) as err:
        engine.prepare()
    assert str(err.value).startswith(f"{path}:6:13: detectors[0].params: cannot build detector 'names' of type "
                                     "'phrases': TypeError")
    engine = PolicyEngine(Policy.from_path(path, detector_types=["phrases"]),
                          detectors={"names": Phrases()}, registry=registry())
    with pytest.raises(PolicyError) as err:
        engine.prepare()
    assert str(err.value).startswith(f"{path}:10:43: tenants.t.detectors[0].params: cannot build detector 'more'")


@pytest.mark.parametrize(("where", "bad", "guess"), [
    ("prefixes", "sd15", "sd1"), ("prefixes", "sd21", "sd2"), ("prefixes", "SDXL", "sdxl"),
    ("context", "sd15", "sd1"), ("context", "sd-xl", "sdxl"),
])
def test_unknown_model_family_suggests_the_backend_name(where, bad, guess):
    base = "apiVersion: aplguard/v1\nname: f\ndefault: {action: allow}\n"
    text = base + (f"prefixes: {{{bad}: p.safetensors, sdxl2: x}}\n" if where == "prefixes" else
                   f"rules:\n  - {{id: r, when: {{context: {{model_family: [sd1, {bad}]}}}}, action: block}}\n")
    with pytest.raises(PolicyError) as err:
        Policy.from_yaml(text, detector_types=None)
    assert f"unknown model family {bad!r} (did you mean {guess!r}?)" in err.value.errors[0]
    assert err.value.errors[0].startswith("<string>:4:" if where == "prefixes" else "<string>:5:")


def test_known_model_families_are_accepted():
    pol = Policy.from_yaml("apiVersion: aplguard/v1\nname: f\ndefault: {action: allow}\n"
                           "prefixes: {sd1: a, sd2: b, sdxl: c, callable: d, '*': e}\n"
                           "rules:\n  - {id: r, when: {context: {model_family: [sd1, sdxl]}}, action: anonymize}\n",
                           detector_types=None)
    engine = PolicyEngine(pol)
    assert engine.prefix_for("sd2") == "b" and engine.prefix_for("flux") == "e"
    assert engine.decide_findings("x", [], RequestContext(model_family="sdxl")).action == "anonymize"


# ------------------------------------------------------------------ output check failures

OUTPUT_POLICY = """\
apiVersion: aplguard/v1
name: out
on_error: {on_error}
default: {{action: allow}}
output:
  rules:
    - {{id: kids-block, when: {{context: {{tenant: [kids]}}}}, action: block}}
  default: {{action: none}}
"""


@pytest.mark.parametrize(("on_error", "prompt_action", "prefix_rewrite", "expected"), [
    ("block", "allow", False, "block"),
    ("block", "anonymize", False, "block"),
    ("anonymize", "allow", False, "regenerate"),
    ("anonymize", "rewrite", False, "regenerate"),  # rewritten without the prefix: regenerate with it
    ("anonymize", "anonymize", False, "flag"),  # already anonymized: kept, flagged
    ("anonymize", "rewrite", True, "flag"),
    ("allow", "allow", False, "flag"),
])
def test_failed_output_check_follows_on_error(on_error, prompt_action, prefix_rewrite, expected):
    engine = PolicyEngine(Policy.from_yaml(OUTPUT_POLICY.format(on_error=on_error), detector_types=None))
    decision = Decision(prompt_action, prefix_rewrite=prefix_rewrite)
    od = engine.decide_output(faces=[], matches=[], ctx=RequestContext(), prompt_decision=decision,
                              errors=["output[0]: RuntimeError"])
    assert od.action == expected and od.flagged and "output[0]: RuntimeError" in od.errors
    assert od.trace[-1].rule == "on_error"
    assert engine.decide_output(faces=[], matches=[], ctx=RequestContext(), prompt_decision=decision).action == "none"


def test_failed_output_check_keeps_a_stronger_rule_action():
    engine = PolicyEngine(Policy.from_yaml(OUTPUT_POLICY.format(on_error="allow"), detector_types=None))
    od = engine.decide_output(faces=[], matches=[], ctx=RequestContext(tenant="kids"),
                              prompt_decision=Decision("allow"), errors=["output[0]: RuntimeError"])
    assert od.action == "block" and od.rule == "kids-block" and od.flagged


def test_failed_output_check_in_shadow_mode_changes_nothing():
    text = OUTPUT_POLICY.format(on_error="block").replace("name: out\n", "name: out\nmode: shadow\n")
    engine = PolicyEngine(Policy.from_yaml(text, detector_types=None))
    od = engine.decide_output(faces=[], matches=[], prompt_decision=Decision("allow"), errors=["x"])
    assert od.action == "none" and od.intended_action == "block" and od.flagged
