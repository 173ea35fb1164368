"""Every tamper class against a reviewer who holds only the Ed25519 public key and a published tree head.

The writer signs with an HMAC key the reviewer does not have, so MACs are no help
here: what must catch the attacker is the Merkle tree, the signed tree heads in
the log and the tree head published outside it. The attacker has write access to
the storage and recomputes everything unkeyed (hashes, links, the stored tree).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from audit_helpers import KEY, make_record, raw_store, verify

from aplguard.audit import open_sink
from aplguard.audit.chain import GENESIS, TREE_HEAD, ChainBuilder, Entry
from aplguard.audit.sth import generate_keypair, load_private_key, load_public_key, sign_tree_head


@pytest.fixture
def keys(tmp_path):
    priv, pub = generate_keypair(str(tmp_path / "writer.pem"))
    return priv, load_public_key(pub)


def _fill(url: str, priv: str, published: str) -> list[Entry]:
    """12 records, a tree head (published), 5 more, another tree head (published), 2 more."""
    with open_sink(url, hmac_key=KEY, checkpoint_every=0) as sink:
        sink.append_many([make_record(i) for i in range(12)])
        sink.sign_tree_head(priv, publish=published)
        sink.append_many([make_record(i) for i in range(12, 17)])
        sink.sign_tree_head(priv, publish=published)
        sink.append_many([make_record(i) for i in range(17, 19)])
    return raw_store(url).read()


def rechain(entries: list[Entry]) -> list[Entry]:
    """Renumber and recompute every hash without the key (old MACs kept: they cannot be checked anyway)."""
    b = ChainBuilder(None, 0)
    out, prev = [], GENESIS
    for i, e in enumerate(entries):
        new = b.make(i, e.kind, e.rid, e.ts, e.tenant, prev, e.body)
        out.append(dataclasses.replace(new, mac=e.mac))
        prev = new.hash
    return out


def _reviewer(url, pub, published, **kw):
    return verify(url, public_key=pub, against=published, **kw)


def test_intact_log_verifies_with_the_public_key_only(log_url, keys, tmp_path):
    published = str(tmp_path / "sth.jsonl")
    _fill(log_url, keys[0], published)
    res = _reviewer(log_url, keys[1], published, allow_unverified=True)
    assert res.ok and res.tree_heads == 2, res.summary()
    # the two records after the last tree head are only hash-chained: listed, and failing without the flag
    assert any("MACs of 2 entries" in u for u in res.unverified)
    strict = _reviewer(log_url, keys[1], published)
    assert not strict.ok and strict.first_bad is None
    with open_sink(log_url, hmac_key=KEY) as sink:
        sink.sign_tree_head(keys[0])
    assert _reviewer(log_url, keys[1], published).ok  # everything is covered by a signed head now


def test_modified_record(log_url, keys, tmp_path):
    published = str(tmp_path / "sth.jsonl")
    entries = _fill(log_url, keys[0], published)
    e = entries[3]
    entries[3] = dataclasses.replace(e, body=e.body.replace('"tenant":', '"tenant": ', 1).replace(": ", ":"),
                                     tenant="evil")
    raw_store(log_url).write(rechain(entries))
    res = _reviewer(log_url, keys[1], published)
    assert not res.ok and res.first_bad == 12 and "does not match the entries before it" in res.reason


@pytest.mark.parametrize("edit", ["delete", "insert", "reorder"])
def test_deleted_inserted_reordered_then_rechained(log_url, keys, tmp_path, edit):
    published = str(tmp_path / "sth.jsonl")
    entries = _fill(log_url, keys[0], published)
    if edit == "delete":
        del entries[5]
    elif edit == "insert":
        entries.insert(5, dataclasses.replace(entries[4], rid="forged"))
    else:
        entries[4], entries[5] = entries[5], entries[4]
    raw_store(log_url).write(rechain(entries))
    res = _reviewer(log_url, keys[1], published)
    assert not res.ok and res.first_bad is not None
    assert "tree head" in res.reason or "published" in res.reason


def test_truncated(log_url, keys, tmp_path):
    published = str(tmp_path / "sth.jsonl")
    entries = _fill(log_url, keys[0], published)
    raw_store(log_url).write(entries[:14])  # drops the last tree head and what follows it
    res = _reviewer(log_url, keys[1], published)
    assert not res.ok and "truncated" in res.reason


def test_truncated_and_appended(log_url, keys, tmp_path):
    published = str(tmp_path / "sth.jsonl")
    entries = _fill(log_url, keys[0], published)
    forged = [dataclasses.replace(entries[-1], rid=f"forged-{i}") for i in range(8)]
    raw_store(log_url).write(rechain(entries[:10] + forged))  # same length as before, other content
    res = _reviewer(log_url, keys[1], published)
    assert not res.ok and ("rolled back or rewritten" in res.reason or "tree head" in res.reason)


def test_whole_log_replaced_by_a_self_consistent_forgery(log_url, keys, tmp_path):
    published = str(tmp_path / "sth.jsonl")
    _fill(log_url, keys[0], published)
    # The attacker writes a brand-new log with their own HMAC key and their own Ed25519 key.
    attacker_priv, _ = generate_keypair(str(tmp_path / "attacker.pem"))
    raw = raw_store(log_url)
    raw.write([])
    with open_sink(log_url, hmac_key="attacker-key", checkpoint_every=0) as sink:
        sink.append_many([make_record(100 + i) for i in range(20)])
        sink.sign_tree_head(attacker_priv)
    res = verify(log_url, public_key=keys[1])  # even without the published head
    assert not res.ok and "signed by another key" in res.reason
    res = _reviewer(log_url, keys[1], published)
    assert not res.ok
    # ... and without any tree head at all: the reviewer's key finds nothing it signed
    raw.write(rechain([e for e in raw.read() if e.kind != TREE_HEAD]))
    res = verify(log_url, public_key=keys[1])
    assert not res.ok and any("no signed tree head" in u for u in res.unverified)
    assert not _reviewer(log_url, keys[1], published, allow_unverified=True).ok  # rollback vs the published head


def test_forged_tree_head_in_the_log(log_url, keys, tmp_path):
    published = str(tmp_path / "sth.jsonl")
    entries = _fill(log_url, keys[0], published)
    i = next(k for k, e in enumerate(entries) if e.kind == TREE_HEAD)
    head = json.loads(entries[i].body)
    # the attacker rewrote record 3 and re-signs the matching root with a key they made
    entries[3] = dataclasses.replace(entries[3], tenant="evil")
    entries = rechain(entries)
    from aplguard.audit.chain import canonical_json, entry_leaf
    from aplguard.audit.merkle import Frontier

    f = Frontier()
    for e in entries[:i]:
        f.append(entry_leaf(e))
    attacker = load_private_key(generate_keypair(str(tmp_path / "a.pem"))[0])
    forged = sign_tree_head(attacker, head["tree_size"], f.root(), head["timestamp"]).to_dict()
    forged["key_id"] = head["key_id"]  # claims to be the writer's key
    entries[i] = dataclasses.replace(entries[i], body=canonical_json(forged))
    raw_store(log_url).write(rechain(entries))
    res = verify(log_url, public_key=keys[1])
    assert not res.ok and res.first_bad == i and "signature does not verify" in res.reason


def test_forged_published_tree_head(log_url, keys, tmp_path):
    published = str(tmp_path / "sth.jsonl")
    _fill(log_url, keys[0], published)
    last = json.loads(Path(published).read_text().splitlines()[-1])
    last["tree_size"] += 1  # claims the log was longer
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(last))
    res = verify(log_url, public_key=keys[1], against=str(forged))
    assert not res.ok and "published tree head" in res.reason and "does not verify" in res.reason


def test_stored_tree_altered(log_url, keys, tmp_path):
    published = str(tmp_path / "sth.jsonl")
    entries = _fill(log_url, keys[0], published)
    raw_store(log_url).write(entries[:-1] + [dataclasses.replace(entries[-1], rid=entries[-1].rid)], tree=False)
    assert verify(log_url, hmac_key=KEY).ok  # same entries, same tree
    raw_store(log_url).write(entries[:-1], tree=False)  # the tree still has the dropped leaf
    res = verify(log_url, hmac_key=KEY)
    assert not res.ok and "stored Merkle tree" in res.reason
