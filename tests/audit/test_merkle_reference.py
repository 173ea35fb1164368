"""The Merkle proofs against an independent reference written from RFC 9162's text.

The reference below (``mth``, ``path``, ``proof``) transcribes the recursive
definitions of RFC 9162 sections 2.1.1, 2.1.3.1 and 2.1.4.1 over a plain list of
leaf data; it shares no code with ``aplguard.audit.merkle``. Leaf bytes of a
stored log are rebuilt here from the format documented in docs/audit.md.
"""

from __future__ import annotations

import hashlib
import json
import random

import pytest
from audit_helpers import KEY, make_record, raw_store

from aplguard.audit import open_sink
from aplguard.audit.merkle import (
    Frontier,
    append_nodes,
    consistency_path,
    inclusion_path,
    leaves_for_nodes,
    node_position,
    nodes_for_leaves,
    root_hash,
    verify_consistency,
    verify_inclusion,
)
from aplguard.audit.proofs import verify_proof

# --- the reference: RFC 9162 2.1.1, 2.1.3.1, 2.1.4.1, word for word -------------------------


def _sha(b: bytes) -> bytes:
    return hashlib.sha256(b).digest()


def _k(n: int) -> int:
    """The largest power of two smaller than n."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d: list[bytes]) -> bytes:
    n = len(d)
    if n == 0:
        return _sha(b"")
    if n == 1:
        return _sha(b"\x00" + d[0])
    k = _k(n)
    return _sha(b"\x01" + mth(d[:k]) + mth(d[k:]))


def path(m: int, d: list[bytes]) -> list[bytes]:
    n = len(d)
    if n == 1:
        return []
    k = _k(n)
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m: int, d: list[bytes], b: bool) -> list[bytes]:
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = _k(n)
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]


def proof(m: int, d: list[bytes]) -> list[bytes]:
    return subproof(m, d, True)


def ref_entry_bytes(e) -> bytes:
    """docs/audit.md: "aplguard-audit-v1|seq|kind|rid|ts|tenant|prev\\n" + body, fields length-prefixed, ~ for null."""
    def f(v):
        return "~" if v is None else f"{len(v)}:{v}"
    return (f"aplguard-audit-v1|{e.seq}|{f(e.kind)}|{f(e.rid)}|{f(e.ts)}|{f(e.tenant)}|{f(e.prev)}\n"
            + e.body).encode("utf-8")


# --- the implementation against it -------------------------------------------------------------


def _store(data: list[bytes]):
    leaves = [_sha(b"\x00" + x) for x in data]
    nodes = {(lv, ix): h for lv, ix, h in append_nodes(0, leaves, lambda lv, ix: pytest.fail("no stored node"))}
    return (lambda lv, ix: nodes[(lv, ix)]), nodes


@pytest.mark.parametrize("n", list(range(1, 34)) + [64, 65, 100])
def test_root_paths_and_proofs_equal_the_reference(n):
    data = [f"leaf-{i}".encode() for i in range(n)]
    get, _ = _store(data)
    for size in range(1, n + 1):
        assert root_hash(size, get) == mth(data[:size])
        for m in range(size):
            assert inclusion_path(m, size, get) == path(m, data[:size])
        for m in range(1, size + 1):
            assert consistency_path(m, size, get) == proof(m, data[:size])


@pytest.mark.parametrize("n", [1, 2, 3, 5, 7, 8, 9, 16, 17, 31])
def test_verifiers_accept_reference_proofs_and_reject_altered_ones(n):
    data = [bytes([i]) * 3 for i in range(n)]
    rnd = random.Random(n)
    for size in range(1, n + 1):
        root = mth(data[:size])
        for m in range(size):
            leaf, p = _sha(b"\x00" + data[m]), path(m, data[:size])
            assert verify_inclusion(leaf, m, size, p, root)
            assert not verify_inclusion(leaf, m, size, p, _sha(b"x"))
            assert not verify_inclusion(_sha(b"\x00other"), m, size, p, root)
            if size > 1:
                assert not verify_inclusion(leaf, (m + 1) % size, size, p, root) or data[m] == data[(m + 1) % size]
                bad = list(p)
                i = rnd.randrange(len(bad))
                bad[i] = _sha(bad[i])
                assert not verify_inclusion(leaf, m, size, bad, root)
                assert not verify_inclusion(leaf, m, size, p[:-1], root)
        for m in range(1, size + 1):
            old = mth(data[:m])
            c = proof(m, data[:size])
            assert verify_consistency(m, size, old, root, c)
            assert not verify_consistency(m, size, _sha(b"old"), root, c)
            assert not verify_consistency(m, size, old, _sha(b"new"), c)
            if c:
                assert not verify_consistency(m, size, old, root, c[:-1] + [_sha(c[-1])])


def test_frontier_and_node_positions():
    data = [str(i).encode() for i in range(300)]
    get, nodes = _store(data)
    f = Frontier()
    for i, x in enumerate(data):
        f.append(_sha(b"\x00" + x))
        assert f.root() == mth(data[: i + 1])
        assert Frontier(i + 1, get).root() == f.root()
    order = list(nodes)  # creation (post-)order
    assert [node_position(lv, ix) for lv, ix in order] == list(range(len(order)))
    assert nodes_for_leaves(300) == len(order) and leaves_for_nodes(len(order)) == 300


@pytest.mark.parametrize("scheme", ["sqlite", "jsonl"])
def test_sink_proofs_match_the_reference_over_the_stored_entries(tmp_path, scheme):
    from aplguard.audit.sth import generate_keypair, load_public_key

    key_path, pub_path = generate_keypair(str(tmp_path / "k.pem"))
    url = f"{scheme}:///{tmp_path}/audit.{scheme}"
    with open_sink(url, hmac_key=KEY, checkpoint_every=4) as sink:
        ids = sink.append_many([make_record(i) for i in range(9)])
        first = sink.sign_tree_head(key_path)
        ids += [sink.append(make_record(i)) for i in range(9, 14)]
        second = sink.sign_tree_head(key_path)
        entries = raw_store(url).read()
        data = [ref_entry_bytes(e) for e in entries]
        assert first.root_hash == mth(data[: first.tree_size]).hex()
        assert second.root_hash == mth(data[: second.tree_size]).hex()
        assert sink.tree_root() == mth(data)
        pub = load_public_key(pub_path)
        for rid in (ids[0], ids[5], ids[-1]):
            p = sink.inclusion_proof(rid)
            m = next(e.seq for e in entries if e.rid == rid)
            assert p["leaf_index"] == m == sink.leaf_index(rid)
            assert p["tree_size"] == second.tree_size and p["tree_head"] == second.to_dict()
            assert [bytes.fromhex(h) for h in p["audit_path"]] == path(m, data[: second.tree_size])
            assert p["leaf_hash"] == _sha(b"\x00" + data[m]).hex()
            assert verify_proof(json.loads(json.dumps(p)), pub).ok
        c = sink.consistency_proof(first.tree_size)
        assert c["second_size"] == second.tree_size
        assert [bytes.fromhex(h) for h in c["consistency_path"]] == proof(first.tree_size, data[: second.tree_size])
        assert c["first_tree_head"] == first.to_dict()
        res = verify_proof(c, pub)
        assert res.ok and not res.unverified, res
