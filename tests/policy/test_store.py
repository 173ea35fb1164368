"""PolicyStore: atomic live reload; a broken new version never replaces the last good one."""

from __future__ import annotations

import logging
import os

import pytest

from aplguard.errors import PolicyError
from aplguard.policy import PolicyStore
from aplguard.types import RequestContext

GOOD = """\
apiVersion: aplguard/v1
name: live
version: "{version}"
detectors:
  - {{id: names, type: scripted, params: {{phrases: [{{text: Famous Person}}]}}}}
protected:
  vip: {{file: vip.txt}}
rules:
  - {{id: r, when: {{identity_seeking: true}}, action: {action}}}
default: {{action: allow}}
"""


def write(path, text, bump=1):
    path.write_text(text)
    st = path.stat()
    # Make the change visible even on filesystems with coarse mtimes.
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump * 1_000_000_000))


@pytest.fixture
def policy_file(tmp_path):
    (tmp_path / "vip.txt").write_text("Jane Doe\n")
    path = tmp_path / "policy.yaml"
    write(path, GOOD.format(version=1, action="anonymize"))
    return path


def test_reload_swaps_on_change(policy_file, registry):
    store = PolicyStore(policy_file, registry=registry)
    engine = store.engine
    assert store.current.version == "1" and not store.reload_if_changed()
    write(policy_file, GOOD.format(version=2, action="block"), bump=2)
    assert store.reload_if_changed()
    assert store.current.version == "2" and store.engine is not engine
    assert store.engine.decide_prompt("Famous Person", RequestContext()).action == "block"
    assert engine.decide_prompt("Famous Person", RequestContext()).action == "anonymize"  # old one untouched


def test_touch_without_change_keeps_engine(policy_file, registry):
    store = PolicyStore(policy_file, registry=registry)
    engine = store.engine
    write(policy_file, policy_file.read_text(), bump=3)
    assert not store.reload_if_changed() and store.engine is engine


def test_broken_version_is_rejected(policy_file, registry):
    seen = []
    store = PolicyStore(policy_file, registry=registry, on_error=seen.append)
    write(policy_file, GOOD.format(version=2, action="explode"), bump=2)
    assert not store.reload_if_changed()
    assert store.current.version == "1" and isinstance(seen[0], PolicyError)
    assert "rules[0].action" in seen[0].errors[0] and store.last_error is seen[0]
    assert not store.reload_if_changed() and len(seen) == 1  # reported once


def test_default_on_error_logs(policy_file, registry, caplog):
    store = PolicyStore(policy_file, registry=registry)
    write(policy_file, "apiVersion: aplguard/v1\nname: [\n", bump=2)
    with caplog.at_level(logging.ERROR, logger="aplguard.policy"):
        assert not store.reload_if_changed()
    assert "keeping the last good policy" in caplog.text and "policy.yaml:" in caplog.text
    assert store.current.version == "1"


def test_detector_construction_is_validated_before_swap(policy_file, registry):
    store = PolicyStore(policy_file, registry=registry, on_error=lambda e: None)
    write(policy_file, GOOD.format(version=2, action="block").replace("phrases:", "nonsense: 1, phrases:"), bump=2)
    assert not store.reload_if_changed() and store.current.version == "1"
    assert "cannot build detector" in str(store.last_error)


def test_list_file_change_triggers_reload(policy_file, registry):
    store = PolicyStore(policy_file, registry=registry)
    assert [e.name for e in store.current.protected_entries()] == ["Jane Doe"]
    write(policy_file.parent / "vip.txt", "Jane Doe\nBob Roe\n", bump=2)
    assert store.reload_if_changed()
    assert [e.name for e in store.current.protected_entries()] == ["Jane Doe", "Bob Roe"]
    (policy_file.parent / "vip.txt").unlink()
    assert not store.reload_if_changed() and store.last_error is not None
    assert len(store.current.protected_entries()) == 2


def test_initial_broken_file_raises(tmp_path, registry):
    path = tmp_path / "p.yaml"
    path.write_text("name: x\n")
    with pytest.raises(PolicyError):
        PolicyStore(path, registry=registry)


def test_store_is_an_engine_with_auto_reload(policy_file, registry):
    from aplguard.types import Decision

    store = PolicyStore(policy_file, registry=registry, check_interval_s=0.0)
    ctx = RequestContext()
    assert store.decide_prompt("Famous Person", ctx).action == "anonymize"
    assert store.settings(ctx).version == "1" and store.prefix_for("sd1", ctx) is None
    assert store.decide_output(faces=[], matches=[], ctx=ctx, prompt_decision=Decision("allow")).action == "none"
    write(policy_file, GOOD.format(version=2, action="block"), bump=2)
    assert store.decide_prompt("Famous Person", ctx).action == "block"  # picked up without an explicit reload
    assert store.policy.version == "2"
