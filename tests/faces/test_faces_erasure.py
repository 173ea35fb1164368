"""Erasure without breaking the log (issue 15 §3): keyed pseudonyms and crypto-shredding.

Records name gallery identities by ``pid:`` + HMAC(per-identity key, name); the key lives only
in the gallery folder. ``gallery remove NAME --erase`` deletes embeddings and key: the audit log
still verifies, and no record can be linked to the person any more.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest
from PIL import Image

from aplguard import Guard
from aplguard.audit import open_sink, verify_log
from aplguard.cli import main
from aplguard.faces import FaceAuditor, Gallery


@pytest.fixture
def enrolled(tmp_path, detector, sface, astronaut):
    g = Gallery.create(tmp_path / "gallery")
    assert g.add("Eileen Collins", [astronaut], detector, sface).accepted
    return tmp_path / "gallery"


def _records(url):
    with open_sink(url) as sink:
        return [getattr(r, "record", r) for r in sink.query()]


def test_records_store_a_pseudonym_and_erasure_unlinks_them(enrolled, tmp_path, detector, sface, astronaut, capsys):
    keys_file = enrolled / "identity_keys.json"
    assert stat.S_IMODE(os.stat(keys_file).st_mode) == 0o600
    pid = Gallery.open(enrolled).pseudonym("Eileen Collins")
    assert pid is not None and pid.startswith("pid:") and len(pid) == 36

    photo = Image.fromarray(astronaut)
    url = f"sqlite:///{tmp_path}/audit.db"
    auditor = FaceAuditor(detector, sface, Gallery.open(enrolled))
    guard = Guard(lambda prompts, **kw: [photo.copy() for _ in prompts], policy="default", faces=auditor, audit=url)
    out = guard("an astronaut")
    assert out.matches[0][0].identity == "Eileen Collins"  # the platform, in-process, still sees the id
    (rec,) = _records(url)
    assert [m.identity for m in rec.outputs[0].matches] == [pid]
    dump = "\n".join(sqlite3.connect(f"{tmp_path}/audit.db").iterdump())
    assert "Eileen" not in dump and "Collins" not in dump

    assert main(["gallery", "pseudonym", "--gallery", str(enrolled), "Eileen Collins"]) == 0
    assert capsys.readouterr().out.strip() == pid

    assert main(["gallery", "remove", "--gallery", str(enrolled), "--erase", "Eileen Collins"]) == 0
    assert "Eileen Collins" not in Gallery.open(enrolled)
    assert "Eileen Collins" not in json.loads(keys_file.read_text())
    assert main(["gallery", "pseudonym", "--gallery", str(enrolled), "Eileen Collins"]) != 0
    assert verify_log(url).ok  # the log is untouched and still verifies
    assert [m.identity for m in _records(url)[0].outputs[0].matches] == [pid]  # and nothing maps it back


def test_remove_without_erase_keeps_records_linkable(enrolled):
    pid = Gallery.open(enrolled).pseudonym("Eileen Collins")
    Gallery.open(enrolled).remove("Eileen Collins")
    assert Gallery.open(enrolled).pseudonym("Eileen Collins") == pid


def test_galleries_from_before_keys_get_them_on_open(enrolled):
    (enrolled / "identity_keys.json").unlink()
    assert Gallery.open(enrolled).pseudonym("Eileen Collins").startswith("pid:")


def test_a_damaged_key_file_is_a_named_error(enrolled):
    from aplguard.errors import GalleryError

    (enrolled / "identity_keys.json").write_text('{"Eileen Collins": "not hex"}')
    with pytest.raises(GalleryError, match="identity_keys.json"):
        Gallery.open(enrolled)


def test_protected_names_in_prompt_findings_are_pseudonymised_too(enrolled, tmp_path, detector, sface, astronaut):
    """A person on the policy's protected list *and* in the gallery: the finding's canonical name is
    stored as the same pseudonym, so erasure unlinks prompt evidence as well."""
    policy = tmp_path / "p.yaml"
    policy.write_text("""apiVersion: aplguard/v1
name: p
detectors: [{id: names, type: gazetteer, params: {builtin: false}}]
protected:
  people:
    entries: [{name: eileen collins}]
rules:
  - id: block-protected
    when: {findings: {kind: [protected]}}
    action: block
default: {action: allow}
output: {detect_faces: true, match_gallery: true}
""")
    photo = Image.fromarray(astronaut)
    url = f"sqlite:///{tmp_path}/audit.db"
    auditor = FaceAuditor(detector, sface, Gallery.open(enrolled))
    guard = Guard(lambda prompts, **kw: [photo.copy() for _ in prompts], policy=str(policy), faces=auditor, audit=url)
    out = guard(["a portrait of Eileen Collins", "an astronaut"])
    assert out.decisions[0].blocked
    (rec,) = _records(url)
    pid = Gallery.open(enrolled).pseudonym("Eileen Collins")
    assert [f.canonical for f in rec.prompts[0].findings] == [pid]
    dump = "\n".join(sqlite3.connect(f"{tmp_path}/audit.db").iterdump())
    assert "eileen" not in dump.lower() and "collins" not in dump.lower()
