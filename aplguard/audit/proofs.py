"""Inclusion and consistency proofs as JSON documents, and their offline verification.

An inclusion proof::

    {"type": "inclusion", "hash": "rfc9162-sha256", "leaf_index": i, "tree_size": n,
     "leaf_hash": hex, "audit_path": [hex, ...], "root_hash": hex,
     "tree_head": {signed tree head of size n} | null, "entry": {the stored entry} (optional)}

A consistency proof::

    {"type": "consistency", "hash": "rfc9162-sha256", "first_size": m, "second_size": n,
     "first_root": hex, "second_root": hex, "consistency_path": [hex, ...],
     "first_tree_head": {...} | null, "second_tree_head": {...} | null}

:func:`verify_proof` needs only the document and (for signatures) the Ed25519
public key; it never touches the log.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass, field
from typing import Any

from ..errors import AuditError
from .chain import entry_bytes, entry_from_row
from .merkle import consistency_path, inclusion_path, leaf_hash, root_hash, verify_consistency, verify_inclusion
from .sink import TreeState
from .sth import TreeHead, verify_tree_head

HASH_NAME = "rfc9162-sha256"


def build_inclusion(t: TreeState, index: int, head: TreeHead | None, url: str) -> dict[str, Any]:
    """An inclusion proof for leaf ``index`` against ``head`` (or the whole current tree)."""
    size = head.tree_size if head is not None else t.size
    if size > t.size:
        raise AuditError(f"{url}: the tree head has size {size} but the stored tree only {t.size} leaves "
                         "(the log was truncated)")
    if not 0 <= index < size:
        raise AuditError(f"{url}: leaf {index} is not in a tree of size {size}")
    return {"type": "inclusion", "hash": HASH_NAME, "leaf_index": index, "tree_size": size,
            "leaf_hash": t.get(0, index).hex(), "audit_path": [h.hex() for h in inclusion_path(index, size, t.get)],
            "root_hash": root_hash(size, t.get).hex(), "tree_head": head.to_dict() if head else None}


def build_consistency(t: TreeState, old: int, new: int | None, old_head: TreeHead | None,
                      new_head: TreeHead | None, url: str) -> dict[str, Any]:
    """A consistency proof between two tree sizes of the stored tree."""
    second = new if new is not None else (new_head.tree_size if new_head is not None else t.size)
    if not 0 <= old <= second <= t.size:
        raise AuditError(f"{url}: cannot prove sizes {old} -> {second}; the stored tree has {t.size} leaves")
    return {"type": "consistency", "hash": HASH_NAME, "first_size": old, "second_size": second,
            "first_root": root_hash(old, t.get).hex(), "second_root": root_hash(second, t.get).hex(),
            "consistency_path": [h.hex() for h in consistency_path(old, second, t.get)],
            "first_tree_head": old_head.to_dict() if old_head else None,
            "second_tree_head": new_head.to_dict() if new_head else None}


@dataclass
class ProofCheck:
    """What :func:`verify_proof` established.

    Attributes:
        ok: the proof verified and nothing it claims was left unchecked (or that was allowed).
        verified: what was checked, in words.
        unverified: what could not be checked (no public key, no tree head).
        reason: why it failed ("" when ok).
    """

    ok: bool
    verified: list[str] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    reason: str = ""


def _hex32(value: object, what: str) -> bytes:
    if not isinstance(value, str):
        raise AuditError(f"{what} must be hex text")
    try:
        raw = bytes.fromhex(value)
    except ValueError:
        raise AuditError(f"{what} is not hex") from None
    if len(raw) != 32:
        raise AuditError(f"{what} must be 32 bytes")
    return raw


def _int(d: dict[str, Any], k: str) -> int:
    v = d.get(k)
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise AuditError(f"{k} must be a non-negative integer")
    return v


def _path(d: dict[str, Any], k: str) -> list[bytes]:
    v = d.get(k)
    if not isinstance(v, list) or len(v) > 64:
        raise AuditError(f"{k} must be a list of at most 64 hashes")
    return [_hex32(h, f"{k}[{i}]") for i, h in enumerate(v)]


def _check_head(raw: object, size: int, root: bytes, what: str, public_key: Any, out: ProofCheck) -> None:
    if raw is None:
        out.unverified.append(f"{what}: no signed tree head: the root is not signed")
        return
    head = TreeHead.from_dict(raw, what)
    if head.tree_size != size or head.root_hash != root.hex():
        raise AuditError(f"{what} is for size {head.tree_size} / root {head.root_hash[:16]}…, not the proof's "
                         f"size {size} / root {root.hex()[:16]}…")
    if public_key is None:
        out.unverified.append(f"{what}: signature not checked (no public key)")
        return
    why = verify_tree_head(head, public_key)
    if why:
        raise AuditError(f"{what}: {why}")
    out.verified.append(f"{what} (size {size}, {head.timestamp}) signed by key {head.key_id[:16]}…")


def verify_proof(proof: object, public_key: Any = None, *, allow_unverified: bool = False) -> ProofCheck:
    """Verify an inclusion or consistency proof document offline.

    Checks the RFC 9162 path, that the tree heads match the proof's roots, their
    Ed25519 signatures (with ``public_key``), and for an inclusion proof with its
    entry that the leaf hash is the hash of that entry. Anything claimed but not
    checkable (no key, no tree head) fails unless ``allow_unverified``.
    """
    out = ProofCheck(ok=False)
    try:
        if not isinstance(proof, dict):
            raise AuditError("the proof is not a JSON object")
        if proof.get("hash") != HASH_NAME:
            raise AuditError(f"unknown hash scheme {str(proof.get('hash'))[:40]!r} (expected {HASH_NAME})")
        kind = proof.get("type")
        if kind == "inclusion":
            _verify_inclusion_doc(proof, public_key, out)
        elif kind == "consistency":
            _verify_consistency_doc(proof, public_key, out)
        else:
            raise AuditError(f"unknown proof type {str(kind)[:40]!r}")
    except (AuditError, binascii.Error) as exc:
        out.reason = str(exc)
        return out
    out.ok = allow_unverified or not out.unverified
    if not out.ok:
        out.reason = "not everything could be verified: " + "; ".join(out.unverified)
    return out


def _verify_inclusion_doc(p: dict[str, Any], public_key: Any, out: ProofCheck) -> None:
    index, size = _int(p, "leaf_index"), _int(p, "tree_size")
    leaf, root = _hex32(p.get("leaf_hash"), "leaf_hash"), _hex32(p.get("root_hash"), "root_hash")
    entry = p.get("entry")
    if entry is not None:
        if not isinstance(entry, dict):
            raise AuditError("entry must be a JSON object")
        e = entry_from_row([entry.get(k) for k in ("seq", "kind", "rid", "ts", "tenant", "prev", "hash", "mac",
                                                   "body")], "the proof's entry")
        if leaf_hash(entry_bytes(e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.body)) != leaf:
            raise AuditError("the entry does not hash to leaf_hash (the record was altered)")
        out.verified.append(f"the entry (seq {e.seq}, {e.kind} {e.rid or ''}) hashes to the leaf")
    if not verify_inclusion(leaf, index, size, _path(p, "audit_path"), root):
        raise AuditError(f"the audit path does not lead from leaf {index} to the root of size {size}")
    out.verified.append(f"leaf {index} is included in the tree of size {size} (root {root.hex()[:16]}…)")
    _check_head(p.get("tree_head"), size, root, "tree head", public_key, out)


def _verify_consistency_doc(p: dict[str, Any], public_key: Any, out: ProofCheck) -> None:
    m, n = _int(p, "first_size"), _int(p, "second_size")
    r1, r2 = _hex32(p.get("first_root"), "first_root"), _hex32(p.get("second_root"), "second_root")
    if not verify_consistency(m, n, r1, r2, _path(p, "consistency_path")):
        raise AuditError(f"the tree of size {m} is not a prefix of the tree of size {n} (the log was rewritten)")
    out.verified.append(f"the tree of size {m} (root {r1.hex()[:16]}…) is a prefix of the tree of size {n} "
                        f"(root {r2.hex()[:16]}…)")
    if m > 0:
        _check_head(p.get("first_tree_head"), m, r1, "first tree head", public_key, out)
    _check_head(p.get("second_tree_head"), n, r2, "second tree head", public_key, out)
