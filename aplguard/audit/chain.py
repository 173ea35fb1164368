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
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..errors import ConfigError
from .records import HMAC_KEY_ENV, format_ts

GENESIS = "0" * 64
RECORD, CHECKPOINT, PRUNE = "record", "checkpoint", "prune"
KINDS = (RECORD, CHECKPOINT, PRUNE)


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

    def envelope(self) -> dict[str, Any]:
        """The entry's fields without the body (for JSONL lines and exports)."""
        return {"seq": self.seq, "kind": self.kind, "rid": self.rid, "ts": self.ts, "tenant": self.tenant,
                "prev": self.prev, "hash": self.hash, "mac": self.mac}


def canonical_json(obj: Any) -> str:
    """Deterministic JSON: sorted keys, no whitespace, UTF-8 kept as is."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _f(value: str | None) -> str:
    # Length-prefixed, so no choice of field contents can shift bytes between fields.
    return "~" if value is None else f"{len(value)}:{value}"


def entry_hash(seq: int, kind: str, rid: str | None, ts: str, tenant: str | None, prev: str, body: str) -> str:
    """The SHA-256 hex digest that links an entry into the chain."""
    head = f"aplguard-audit-v1|{int(seq)}|{_f(kind)}|{_f(rid)}|{_f(ts)}|{_f(tenant)}|{_f(prev)}\n"
    return hashlib.sha256((head + body).encode("utf-8")).hexdigest()


def entry_mac(key: bytes, digest: str) -> str:
    """HMAC-SHA256 of an entry hash (domain-separated)."""
    return hmac.digest(key, b"aplguard-audit-entry-v1:" + digest.encode("ascii"), "sha256").hex()


def resolve_key(key: bytes | str | None, use_env: bool = True) -> bytes | None:
    """The HMAC key as bytes: the argument, else ``$APLGUARD_AUDIT_HMAC_KEY``, else None."""
    if key is None and use_env:
        key = os.environ.get(HMAC_KEY_ENV) or None
    if key is None:
        return None
    raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if not raw:
        raise ConfigError(f"the audit HMAC key is empty (argument or ${HMAC_KEY_ENV})")
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
        digest = entry_hash(seq, kind, rid, ts, tenant, prev, body)
        mac = entry_mac(self.key, digest) if self.key is not None else None
        return Entry(seq, kind, rid, ts, tenant, prev, digest, mac, body)

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
