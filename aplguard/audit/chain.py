"""The hash chain: how entries are linked, hashed, signed and checkpointed.

A log is a sequence of entries numbered 0, 1, 2, ... (``seq``). Each entry stores
the hash of its predecessor (``prev``; 64 zeros for entry 0) and its own hash::

    hash = sha256( "aplguard-audit-v1|seq|kind|rid|ts|tenant|prev\\n" + body )

where each text field is length-prefixed (``~`` for null) and ``body`` is the
canonical JSON of the record (sorted keys, no spaces) kept byte for byte as
stored, so verifying never re-serialises. The indexed columns
(``rid``, ``ts``, ``tenant``) are inside the hash, so editing them is caught too.

With an HMAC key every entry also carries ``mac = HMAC-SHA256(key, hash)``: an
attacker without the key can neither forge nor re-chain entries. Every
``checkpoint_every`` entries the writer adds a ``checkpoint`` entry (the head it
saw, when, by which process), and can mirror it to an external *anchor* file:
tail truncation is only detectable against such an anchor (see docs/audit.md).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from .. import environment
from ..errors import AuditError, ConfigError
from .merkle import leaf_hash
from .records import format_ts

GENESIS = "0" * 64
RECORD, CHECKPOINT, PRUNE, TREE_HEAD = "record", "checkpoint", "prune", "sth"
KINDS = (RECORD, CHECKPOINT, PRUNE, TREE_HEAD)


@dataclass(frozen=True, slots=True)
class Entry:
    """One stored entry of the chain (a record, a checkpoint or a prune anchor)."""

    seq: int
    kind: str
    rid: str | None
    ts: str
    tenant: str | None
    prev: str
    hash: str
    mac: str | None
    body: str
    #: The Merkle leaf hash when the writer computed it with the chain hash (saves hashing twice).
    #: Not an init field, so ``dataclasses.replace`` never carries a stale one over.
    leaf: bytes | None = field(default=None, init=False, compare=False, repr=False)

    def envelope(self) -> dict[str, Any]:
        """The entry's fields without the body (for JSONL lines and exports)."""
        return {"seq": self.seq, "kind": self.kind, "rid": self.rid, "ts": self.ts, "tenant": self.tenant,
                "prev": self.prev, "hash": self.hash, "mac": self.mac}


class MalformedEntry(AuditError):
    """A stored entry whose fields have the wrong types or shape.

    The sinks never write such an entry: it is foreign data or tampering (a text
    ``seq``, a numeric ``kind``, a NULL hash, a JSONL line that is a list). ``verify``
    reports it as the first bad entry; the other readers fail with this one-line error.

    Attributes:
        where: the storage location (``file:line`` or ``file: row N``).
        reason: what is wrong with it.
        seq: the entry's seq when it is a valid integer, else None.
        rid: the record id when it is a string, else None.
        fields: the stored fields (without the body), each a JSON value: non-JSON
            values are described by their type, so printing it never fails.
    """

    def __init__(self, where: str, reason: str, seq: int | None = None, rid: str | None = None,
                 fields: dict[str, Any] | None = None):
        super().__init__(f"{where}: malformed audit entry: {reason}")
        self.where, self.reason, self.seq, self.rid = where, reason, seq, rid
        self.fields = fields or {}


_FIELDS = ("seq", "kind", "rid", "ts", "tenant", "prev", "hash", "mac", "body")
_NULLABLE = frozenset({"rid", "tenant", "mac"})


def _describe(value: object) -> object:
    """A JSON-safe stand-in for a stored value (for messages and bad-entry listings)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value if not isinstance(value, str) or len(value) <= 200 else value[:200] + "…"
    return f"<{type(value).__name__}>"


def entry_from_row(row: Sequence[object], where: str) -> Entry:
    """Build an :class:`Entry` from stored values, checking every field's type.

    ``row`` is (seq, kind, rid, ts, tenant, prev, hash, mac, body) as read from
    storage. Every backend reads through this one function, so a row with wrong
    column types (text seq, NULL hash, blob body, ...) becomes a
    :class:`MalformedEntry` naming the row, never a ``TypeError`` deeper down.
    """
    if len(row) != len(_FIELDS):
        raise MalformedEntry(where, f"expected {len(_FIELDS)} fields, got {len(row)}")
    seq, kind, rid, ts, tenant, prev, digest, mac, body = row
    if (isinstance(seq, int) and not isinstance(seq, bool) and seq >= 0 and isinstance(kind, str)
            and (rid is None or isinstance(rid, str)) and isinstance(ts, str)
            and (tenant is None or isinstance(tenant, str)) and isinstance(prev, str) and isinstance(digest, str)
            and (mac is None or isinstance(mac, str)) and isinstance(body, str)):
        return Entry(seq, kind, rid, ts, tenant, prev, digest, mac, body)
    seq_ok = isinstance(seq, int) and not isinstance(seq, bool) and seq >= 0
    problems = [] if seq_ok else [f"seq is {_type_name(seq)}, expected a non-negative integer"]
    for name, value in zip(_FIELDS[1:], row[1:]):
        if not isinstance(value, str) and not (value is None and name in _NULLABLE):
            problems.append(f"{name} is {_type_name(value)}, expected text")
    fields = {k: _describe(v) for k, v in zip(_FIELDS, row) if k != "body"}
    raise MalformedEntry(where, "; ".join(problems), seq if isinstance(seq, int) and seq_ok else None,
                         rid if isinstance(rid, str) else None, fields)


def seq_value(value: object, where: str) -> int:
    """A stored seq (from a head or min() query) as an int, else :class:`MalformedEntry`."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise MalformedEntry(where, f"seq is {_type_name(value)}, expected a non-negative integer")


def head_from_row(row: Sequence[object] | None, where: str) -> tuple[int, str]:
    """(seq, hash) of a stored head row; (-1, GENESIS) for an empty log; MalformedEntry when mistyped."""
    if row is None:
        return -1, GENESIS
    seq, digest = row[0], row[1]
    if not isinstance(digest, str):
        raise MalformedEntry(where, f"hash is {_type_name(digest)}, expected text")
    return seq_value(seq, where), digest


def _type_name(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"text ({_describe(value)!r})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    return f"{type(value).__name__}"


def canonical_json(obj: Any) -> str:
    """Deterministic JSON: sorted keys, no whitespace, UTF-8 kept as is."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _f(value: str | None) -> str:
    # Length-prefixed, so no choice of field contents can shift bytes between fields.
    return "~" if value is None else f"{len(value)}:{value}"


def entry_bytes(seq: int, kind: str, rid: str | None, ts: str, tenant: str | None, prev: str, body: str) -> bytes:
    """The canonical bytes of an entry: what its chain hash and its Merkle leaf hash cover."""
    head = f"aplguard-audit-v1|{int(seq)}|{_f(kind)}|{_f(rid)}|{_f(ts)}|{_f(tenant)}|{_f(prev)}\n"
    return (head + body).encode("utf-8")


def entry_hash(seq: int, kind: str, rid: str | None, ts: str, tenant: str | None, prev: str, body: str) -> str:
    """The SHA-256 hex digest that links an entry into the chain."""
    return hashlib.sha256(entry_bytes(seq, kind, rid, ts, tenant, prev, body)).hexdigest()


def entry_leaf(e: Entry) -> bytes:
    """The entry's RFC 9162 Merkle leaf hash: SHA-256(0x00 || entry bytes)."""
    if e.leaf is not None:
        return e.leaf
    return leaf_hash(entry_bytes(e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.body))


def entry_mac(key: bytes, digest: str) -> str:
    """HMAC-SHA256 of an entry hash (domain-separated)."""
    return hmac.digest(key, b"aplguard-audit-entry-v1:" + digest.encode("ascii"), "sha256").hex()


def resolve_key(key: bytes | str | None, use_env: bool = True) -> bytes | None:
    """The HMAC key as bytes: the argument, else ``$APLGUARD_AUDIT_HMAC_KEY``, else None."""
    if key is None:
        return environment.audit_hmac_key() if use_env else None
    raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if not raw:
        raise ConfigError(f"the audit HMAC key is empty (argument or ${environment.AUDIT_HMAC_KEY})")
    return raw


def now_ts() -> str:
    return format_ts(datetime.now(timezone.utc))


@dataclass(frozen=True, slots=True)
class PendingRecord:
    """A validated record ready to be chained: id, timestamp, tenant, canonical body."""

    rid: str
    ts: str
    tenant: str | None
    body: str


class ChainBuilder:
    """Turns pending records into linked entries after a given head.

    Args:
        key: HMAC key or None.
        checkpoint_every: a checkpoint entry is placed at every seq that is a
            positive multiple of this (0 disables checkpoints).
    """

    def __init__(self, key: bytes | None, checkpoint_every: int):
        if checkpoint_every < 0:
            raise ConfigError(f"checkpoint_every must be >= 0, got {checkpoint_every}")
        self.key = key
        self.checkpoint_every = checkpoint_every
        self._writer = f"{socket.gethostname()}:{os.getpid()}"

    def make(self, seq: int, kind: str, rid: str | None, ts: str, tenant: str | None,
             prev: str, body: str) -> Entry:
        data = entry_bytes(seq, kind, rid, ts, tenant, prev, body)
        digest = hashlib.sha256(data).hexdigest()
        mac = entry_mac(self.key, digest) if self.key is not None else None
        e = Entry(seq, kind, rid, ts, tenant, prev, digest, mac, body)
        object.__setattr__(e, "leaf", leaf_hash(data))  # frozen: set once, here, from the bytes just hashed
        return e

    def checkpoint(self, seq: int, prev: str) -> Entry:
        ts = now_ts()
        body = canonical_json({"type": CHECKPOINT, "upto_seq": seq - 1, "upto_hash": prev,
                               "time": ts, "writer": self._writer})
        return self.make(seq, CHECKPOINT, None, ts, None, prev, body)

    def prune_anchor(self, seq: int, prev: str, before: str, first_kept_seq: int,
                     first_kept_prev: str, pruned: int) -> Entry:
        ts = now_ts()
        body = canonical_json({"type": PRUNE, "before": before, "first_kept_seq": first_kept_seq,
                               "first_kept_prev": first_kept_prev, "pruned_entries": pruned, "time": ts})
        return self.make(seq, PRUNE, None, ts, None, prev, body)

    def extend(self, head_seq: int, head_hash: str, records: list[PendingRecord]) -> list[Entry]:
        """Entries for ``records`` after the head (``head_seq`` = -1 for an empty log)."""
        out: list[Entry] = []
        seq, prev = head_seq + 1, head_hash
        for rec in records:
            if self.checkpoint_every and seq > 0 and seq % self.checkpoint_every == 0:
                cp = self.checkpoint(seq, prev)
                out.append(cp)
                seq, prev = seq + 1, cp.hash
            e = self.make(seq, RECORD, rec.rid, rec.ts, rec.tenant, prev, rec.body)
            out.append(e)
            seq, prev = seq + 1, e.hash
        return out


def write_anchor(path: str, url: str, entries: list[Entry]) -> None:
    """Append the checkpoints among ``entries`` to an external anchor file (JSON lines)."""
    lines = [canonical_json({"seq": e.seq, "hash": e.hash, "mac": e.mac, "ts": e.ts, "log": url}) + "\n"
             for e in entries if e.kind == CHECKPOINT]
    if not lines:
        return
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, "".join(lines).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
