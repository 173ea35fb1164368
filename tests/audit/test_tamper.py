"""Tamper evidence: every edit an attacker with write access can make, on every backend.

The attacker edits storage directly (``RawStore``), bypassing the sink. Without
the key they can also recompute hashes (``rechain``); only MACs, prune anchors and
external anchors stop that, and the tests show which check catches what.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from audit_helpers import KEY, make_record, open_url, raw_store, verify
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aplguard.audit.chain import GENESIS, ChainBuilder, Entry


def _fill(url: str, n: int = 12, key: str | None = KEY, **kw) -> list[Entry]:
    with open_url(url, hmac_key=key, checkpoint_every=5, **kw) as sink:
        sink.append_many([make_record(i) for i in range(n)])
    return raw_store(url).read()


def rechain(entries: list[Entry], start: int = 0) -> list[Entry]:
    """What an attacker without the key does: renumber and recompute every hash (MACs kept as they were)."""
    b = ChainBuilder(None, 0)
    out, prev = [], entries[start - 1].hash if start else GENESIS
    out.extend(entries[:start])
    for i, e in enumerate(entries[start:], start):
        new = b.make(i, e.kind, e.rid, e.ts, e.tenant, prev, e.body)
        out.append(dataclasses.replace(new, mac=e.mac))
        prev = new.hash
    return out


def test_intact(log_url):
    _fill(log_url)
    res = verify(log_url, hmac_key=KEY)
    assert res.ok and res.records == 12 and res.entries == 14 and res.first_bad is None


def test_modified_body(log_url):
    entries = _fill(log_url)
    e = entries[7]
    entries[7] = dataclasses.replace(e, body=e.body.replace('"block"', '"allow"').replace('"anonymize"', '"allow"')
                                     .replace('"rewrite"', '"allow"'))
    assert entries[7].body != e.body
    raw_store(log_url).write(entries)
    res = verify(log_url, hmac_key=KEY)
    assert not res.ok and res.first_bad == 7 and "modified" in res.reason and res.bad_record_id == e.rid
    assert res.records == 6  # 0..6 minus the checkpoint at 5


def test_modified_indexed_column(log_url):
    entries = _fill(log_url)
    entries[3] = dataclasses.replace(entries[3], tenant="someone-else")
    raw_store(log_url).write(entries)
    res = verify(log_url)  # even without the key
    assert not res.ok and res.first_bad == 3 and "hash mismatch" in res.reason


def test_deleted_in_the_middle(log_url):
    entries = _fill(log_url)
    del entries[4]
    raw_store(log_url).write(entries)
    res = verify(log_url)
    assert not res.ok and res.first_bad == 5 and "4..4 are missing" in res.reason


def test_deleted_from_the_start(log_url):
    entries = _fill(log_url)
    raw_store(log_url).write(entries[3:])
    res = verify(log_url)
    assert not res.ok and res.first_bad == 3 and "no prune entry" in res.reason


def test_inserted_naively(log_url):
    entries = _fill(log_url)
    forged = dataclasses.replace(entries[2], rid="forged")
    raw_store(log_url).write(entries[:3] + [dataclasses.replace(forged, seq=3)]
                             + [dataclasses.replace(e, seq=e.seq + 1) for e in entries[3:]])
    res = verify(log_url)
    assert not res.ok and res.first_bad == 3


def test_inserted_and_rechained_is_caught_by_mac_only(log_url):
    entries = _fill(log_url)
    fake = make_record(99)
    body = json.dumps(fake.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    forged = Entry(0, "record", fake.id, fake.timestamp_str, fake.tenant, "", "", None, body)
    tampered = rechain(entries[:6] + [forged] + entries[6:], start=6)
    raw_store(log_url).write(tampered)
    unsigned = verify(log_url)  # the log claims MACs that cannot be checked without the key: not OK
    assert not unsigned.ok and unsigned.first_bad is None and "cannot check" in unsigned.reason
    assert any("MACs of 14 entries from seq 0" in u for u in unsigned.unverified)
    partial = verify(log_url, allow_unverified=True)
    assert partial.ok  # the unkeyed chain alone cannot tell: documented limitation
    assert partial.unverified and "NOT everything verified" in partial.summary()
    res = verify(log_url, hmac_key=KEY)
    assert not res.ok and res.first_bad == 6 and "no MAC" in res.reason


def test_reordered(log_url):
    entries = _fill(log_url)
    a, b = entries[1], entries[2]
    swapped = [dataclasses.replace(b, seq=1), dataclasses.replace(a, seq=2)]
    raw_store(log_url).write(entries[:1] + swapped + entries[3:])
    res = verify(log_url)
    assert not res.ok and res.first_bad == 1


def test_reordered_and_rechained_is_caught_by_mac(log_url):
    entries = _fill(log_url)
    order = entries[:1] + [entries[2], entries[1]] + entries[3:]
    raw_store(log_url).write(rechain(order, start=1))
    assert not verify(log_url).ok  # claims MACs it cannot check
    assert verify(log_url, allow_unverified=True).ok
    res = verify(log_url, hmac_key=KEY)
    assert not res.ok and res.first_bad == 1 and "MAC mismatch" in res.reason


def test_truncated_then_appended_by_attacker(log_url):
    entries = _fill(log_url)
    raw_store(log_url).write(entries[:8])
    with open_url(log_url, hmac_key=None, checkpoint_every=5) as sink:  # attacker has no key
        sink.append(make_record(50))
    res = verify(log_url, hmac_key=KEY)
    assert not res.ok and res.first_bad == 8 and "no MAC" in res.reason


def test_truncated_then_appended_is_caught_by_the_anchor(log_url, tmp_path):
    anchor = str(tmp_path / "anchor.jsonl")
    entries = _fill(log_url, n=20, anchor=anchor)
    assert len(Path(anchor).read_text().splitlines()) == 4  # checkpoints at seq 5, 10, 15, 20
    raw_store(log_url).write(entries[:12])
    assert verify(log_url, hmac_key=KEY).ok  # a clean cut of the tail leaves a valid chain ...
    res = verify(log_url, hmac_key=KEY, anchor=anchor)
    assert not res.ok and "truncated" in res.reason  # ... which only an external anchor exposes
    with open_url(log_url, hmac_key=KEY, checkpoint_every=5) as sink:  # the application keeps writing
        sink.append_many([make_record(i) for i in range(100, 106)])
    res = verify(log_url, hmac_key=KEY, anchor=anchor)
    assert not res.ok and res.first_bad == 15 and "anchor file" in res.reason


def test_forged_anchor_line_is_rejected(log_url, tmp_path):
    anchor = tmp_path / "anchor.jsonl"
    _fill(log_url, anchor=str(anchor))
    line = json.loads(anchor.read_text().splitlines()[0])
    anchor.write_text(json.dumps({**line, "hash": "f" * 64}) + "\n")
    res = verify(log_url, hmac_key=KEY, anchor=str(anchor))
    assert not res.ok and "anchor MAC does not verify" in res.reason


def test_mac_stripped_and_wrong_key(log_url):
    entries = _fill(log_url)
    wrong = verify(log_url, hmac_key="another-key")
    assert not wrong.ok and wrong.first_bad == 0 and "MAC mismatch" in wrong.reason
    entries[9] = dataclasses.replace(entries[9], mac=None)
    raw_store(log_url).write(entries)
    res = verify(log_url, hmac_key=KEY)
    assert not res.ok and res.first_bad == 9 and "no MAC" in res.reason


def test_forged_prune_anchor_needs_the_key(log_url):
    entries = _fill(log_url)
    kept = entries[4:]
    b = ChainBuilder(None, 0)
    fake = b.prune_anchor(kept[-1].seq + 1, kept[-1].hash, "2999-01-01", 4, kept[0].prev, 4)
    raw_store(log_url).write(kept + [fake])
    assert verify(log_url, allow_unverified=True).ok  # without the key: a forged prune entry is accepted ...
    res = verify(log_url, hmac_key=KEY)  # ... signed: it is not
    assert not res.ok and res.first_bad == fake.seq


def test_deep_check_finds_schema_violations(log_url):
    entries = _fill(log_url, key=None)
    bad_body = entries[1].body.replace('"schema_version":1', '"schema_version":7')
    entries[1] = ChainBuilder(None, 0).make(1, "record", entries[1].rid, entries[1].ts, entries[1].tenant,
                                            entries[0].hash, bad_body)
    raw_store(log_url).write(rechain(entries))
    assert verify(log_url).ok
    res = verify(log_url, deep=True)
    assert not res.ok and res.first_bad == 1 and "does not validate" in res.reason


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_single_byte_change_is_detected(tmp_path, data):
    """Property: flipping any one byte of a signed JSONL log makes verify fail (or the line unreadable)."""
    path = tmp_path / "p.jsonl"
    if not path.exists():
        with open_url(f"jsonl:///{path}", hmac_key=KEY, checkpoint_every=3) as sink:
            sink.append_many([make_record(i) for i in range(6)])
    original = path.read_bytes()
    pos = data.draw(st.integers(0, len(original) - 2))
    if original[pos:pos + 1] == b"\n":
        pos -= 1
    new = data.draw(st.integers(0, 255).filter(lambda b: b != original[pos] and b != 10))
    path.write_bytes(original[:pos] + bytes([new]) + original[pos + 1:])
    try:
        res = verify(f"jsonl:///{path}", hmac_key=KEY)
        assert not res.ok, (pos, res.summary())
    finally:
        path.write_bytes(original)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tenant=st.one_of(st.none(), st.text(max_size=30)),
       label=st.text(max_size=30) | st.sampled_from([',"body":', '"}\n{"seq":0', "\u2028", "\x00"]))
def test_arbitrary_strings_round_trip_and_verify(tmp_path, tenant, label):
    """Any tenant/label text (quotes, newlines, the JSONL body marker, NUL) is stored and verified intact."""
    from aplguard.audit import AuditRecord, open_sink, verify_log

    path = tmp_path / "s.jsonl"
    path.unlink(missing_ok=True)
    rec = AuditRecord(tenant=tenant, labels={label: label})
    with open_sink(f"jsonl:///{path}", hmac_key=KEY) as sink:
        sink.append(rec)
        sink.append(AuditRecord(tenant=tenant))
        assert sink.query()[0] == rec
        assert sink.query(tenant=tenant)[0] == rec
    res = verify_log(f"jsonl:///{path}", hmac_key=KEY, deep=True)
    assert res.ok and res.records == 2, res.summary()
