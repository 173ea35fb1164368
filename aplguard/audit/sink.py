"""The sink interface shared by SQLite, JSONL and PostgreSQL, and :func:`open_sink`.

A sink owns one chain. Backends implement four primitives (an atomic
"lock, read head, insert" write, iteration, prune and close); chaining,
checkpoints, validation and querying live here once.
"""

from __future__ import annotations

import json
import logging
import time as _time
from abc import ABC, abstractmethod
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Any, overload
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

from ..errors import AuditError, ConfigError
from .chain import (
    CHECKPOINT,
    GENESIS,
    RECORD,
    TREE_HEAD,
    ChainBuilder,
    Entry,
    PendingRecord,
    canonical_json,
    now_ts,
    resolve_key,
    write_anchor,
)
from .merkle import NodeReader
from .records import AuditRecord, format_ts

log = logging.getLogger("aplguard.audit")

#: (tree size, root hash) of the stored Merkle tree, read inside the write transaction.
RootFn = Callable[[], tuple[int, bytes]]
#: Builds the entries to insert given the current head (seq, hash; seq is -1 when empty) and the tree root.
BuildFn = Callable[[int, str, RootFn], list[Entry]]


#: How many recently appended record ids a sink remembers the seq of.
_RECENT_SEQ_MAX = 4096


@dataclass(frozen=True)
class TreeState:
    """A consistent view of a sink's stored Merkle tree.

    Attributes:
        base: seq of leaf 0 (0 unless the log was pruned before the tree existed).
        size: leaves stored (entries from ``base`` to the head).
        get: reads the stored complete subtree (level, index).
    """

    base: int
    size: int
    get: NodeReader


def tree_out_of_step(url: str, size: int, expected: int) -> None:
    """Refuse to extend a tree whose leaf count disagrees with the entries (edited outside aplguard)."""
    if size != expected:
        raise AuditError(f"{url}: the Merkle tree has {size} leaves but the log has {expected} entries since "
                         "its base: it was modified outside aplguard (run `aplguard audit verify`)")


@overload
def parse_time(value: None, what: str = "time") -> None: ...


@overload
def parse_time(value: str | datetime | date, what: str = "time") -> datetime: ...


def parse_time(value: str | datetime | date | None, what: str = "time") -> datetime | None:
    """A timezone-aware UTC datetime from ``2026-11-28``, an ISO 8601 string or a datetime.

    Naive values are taken as UTC; a bare date means 00:00 UTC of that day.
    """
    if value is None or isinstance(value, datetime):
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc) if value else None
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=timezone.utc)
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ConfigError(f"{what}: expected a date (2026-11-28) or ISO 8601 time, got {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


@dataclass
class RecordFilter:
    """Criteria for :meth:`AuditSink.query`; all given criteria must hold.

    Attributes:
        since: records at or after this time (UTC).
        until: records strictly before this time.
        tenant: exact tenant id.
        decision: a prompt decision (allow/anonymize/rewrite/block) or output
            action (flag/blur/block/regenerate) present in the record.
        rule: a prompt or output rule id present in the record.
        identity: a gallery match or protected finding with this identity.
        min_match: a gallery match with at least this score (of ``identity`` when given).
        has_faces: True: some output has faces; False: none has.
    """

    since: datetime | None = None
    until: datetime | None = None
    tenant: str | None = None
    decision: str | None = None
    rule: str | None = None
    identity: str | None = None
    min_match: float | None = None
    has_faces: bool | None = None

    def __post_init__(self) -> None:
        self.since = parse_time(self.since, "since")
        self.until = parse_time(self.until, "until")

    @property
    def since_ts(self) -> str | None:
        return format_ts(self.since) if self.since else None

    @property
    def until_ts(self) -> str | None:
        return format_ts(self.until) if self.until else None

    def matches(self, rec: AuditRecord) -> bool:
        if self.since and rec.timestamp < self.since:
            return False
        if self.until and rec.timestamp >= self.until:
            return False
        if self.tenant is not None and rec.tenant != self.tenant:
            return False
        if self.decision is not None and not (
                any(p.decision == self.decision for p in rec.prompts)
                or any(o.action == self.decision for o in rec.outputs)):
            return False
        if self.rule is not None and not (
                any(p.rule == self.rule for p in rec.prompts) or any(o.rule == self.rule for o in rec.outputs)):
            return False
        if self.has_faces is not None and any(o.faces > 0 for o in rec.outputs) != self.has_faces:
            return False
        if self.identity is not None or self.min_match is not None:
            matches = [m for o in rec.outputs for m in o.matches
                       if self.identity is None or m.identity == self.identity]
            if self.min_match is not None:
                return any(m.score >= self.min_match for m in matches)
            found = bool(matches) or any(f.canonical == self.identity for p in rec.prompts for f in p.findings)
            if not found:
                return False
        return True


@dataclass
class PruneResult:
    """What :meth:`AuditSink.prune` removed."""

    pruned_entries: int
    first_kept_seq: int | None
    anchor_seq: int | None
    notes: list[str] = field(default_factory=list)


class AuditSink(ABC):
    """An append-only, hash-chained audit log.

    Args:
        url: the sink URL (for messages).
        hmac_key: key for entry MACs and checkpoints; None reads
            ``$APLGUARD_AUDIT_HMAC_KEY``; without a key the chain is unsigned.
        checkpoint_every: a checkpoint entry every this many entries (0: never).
        anchor: path of an external anchor file that receives every checkpoint
            (keep it on other storage; ``verify_log(..., anchor=...)`` checks it).
        sth_key: path of an Ed25519 private key (PEM): the sink appends a signed
            tree head every ``sth_every`` records and/or ``sth_interval_s`` seconds
            (counted by this writer, checked after each write).
        sth_publish: a file that receives each automatic tree head (JSON lines).
    """

    def __init__(self, url: str, hmac_key: bytes | str | None = None, checkpoint_every: int = 1000,
                 anchor: str | None = None, sth_key: str | None = None, sth_every: int = 0,
                 sth_interval_s: float = 0.0, sth_publish: str | None = None):
        self.url = url
        self.key = resolve_key(hmac_key)
        self.anchor = anchor
        self._builder = ChainBuilder(self.key, int(checkpoint_every))
        if (sth_every or sth_interval_s) and not sth_key:
            raise ConfigError(f"{url}: sth_every/sth_interval_s need sth_key (an Ed25519 private key file)")
        if int(sth_every) < 0 or float(sth_interval_s) < 0:
            raise ConfigError(f"{url}: sth_every and sth_interval_s must be >= 0")
        if sth_key:
            from .sth import load_private_key
            self._sth_key: Any = load_private_key(sth_key)
        else:
            self._sth_key = None
        self._sth_every, self._sth_interval = int(sth_every), float(sth_interval_s)
        if self._sth_key is not None and not (self._sth_every or self._sth_interval):
            self._sth_every = 1000  # a key without a schedule: a tree head every 1000 records
        self._sth_publish = sth_publish
        self._since_sth, self._last_sth = 0, _time.monotonic()
        # seq of the records this sink appended lately: their leaf index without a lookup
        # (content credentials name it right after the append; JSONL would otherwise scan the file)
        self._recent_seq: OrderedDict[str, int] = OrderedDict()
        self._tree_base: int | None = None  # set when the tree is built; pruning keeps it

    # -- backend primitives ---------------------------------------------------

    @abstractmethod
    def _write(self, build: BuildFn) -> list[Entry]:
        """Atomically (threads and processes): read the head, build entries, store them all."""

    @abstractmethod
    def iter_entries(self, since_ts: str | None = None, until_ts: str | None = None,
                     tenant: str | None = None, kinds: tuple[str, ...] | None = None) -> Iterator[Entry]:
        """Stored entries in seq order (filters are hints; callers re-check records)."""

    @abstractmethod
    def _prune(self, before_ts: str, anchor: Callable[[int, str, int, str, int], Entry]) -> PruneResult:
        """Delete the entries before the first one at/after ``before_ts`` and append a prune anchor."""

    @abstractmethod
    def close(self) -> None:
        """Release connections and file handles (idempotent)."""

    @abstractmethod
    def _tree(self) -> AbstractContextManager[TreeState | None]:
        """A consistent view of the stored Merkle tree; None when the log has none (read-only old log)."""

    def _entry_at(self, seq: int) -> Entry | None:
        """The entry with this seq, None when pruned (SQL backends read it by primary key)."""
        return next((e for e in self.iter_entries() if e.seq == seq), None)

    def _seq_of(self, record_id: str) -> int | None:
        """Seq of the record with this id (backends with an index override this scan)."""
        for e in self.iter_entries(kinds=(RECORD,)):
            if e.kind == RECORD and e.rid == record_id:
                return e.seq
        return None

    # -- writing ----------------------------------------------------------------

    @property
    def signed(self) -> bool:
        """Whether this sink writes MACs (an HMAC key is configured)."""
        return self.key is not None

    @staticmethod
    def _pending(record: AuditRecord | dict[str, Any]) -> PendingRecord:
        if isinstance(record, dict):
            rec = AuditRecord.model_validate(record)
        elif isinstance(record, AuditRecord):
            rec = record
        else:
            raise AuditError(f"audit records must be AuditRecord or dict, got {type(record).__name__}")
        try:
            body = canonical_json(rec.model_dump(mode="json"))
        except ValueError as exc:  # NaN/inf latency and the like
            raise AuditError(f"invalid AuditRecord {rec.id}: {exc}") from None
        try:
            body.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates (a "\ud800" escape in a request's JSON) cannot be stored as UTF-8. Keep the
            # record with "?" in their place rather than lose it: a caller must not evade the audit log.
            rec = AuditRecord.model_validate_json(body.encode("utf-8", "replace"))
            body = canonical_json(rec.model_dump(mode="json"))
        return PendingRecord(rec.id, rec.timestamp_str, rec.tenant, body)

    def append(self, record: AuditRecord | dict[str, Any]) -> str:
        """Validate, chain and store one record; returns its id. Raises AuditError on any failure."""
        return self.append_many([record])[0]

    def append_many(self, records: Iterable[AuditRecord | dict[str, Any]]) -> list[str]:
        """Store several records in one write; returns their ids.

        SQLite and PostgreSQL store all or none. JSONL stores all or none on
        errors (a short write is cut off), but a process killed inside the one
        ``write`` can leave the batch's first complete lines (each a valid entry).
        """
        pending = [self._pending(r) for r in records]
        if not pending:
            return []
        entries = self._write(lambda seq, head, root: self._builder.extend(seq, head, pending))
        self._after_write(entries)
        for e in entries:
            if e.kind == RECORD and e.rid is not None:
                self._recent_seq[e.rid] = e.seq
        while len(self._recent_seq) > _RECENT_SEQ_MAX:
            self._recent_seq.popitem(last=False)
        self._since_sth += len(pending)
        if self._sth_key is not None and (
                (self._sth_every and self._since_sth >= self._sth_every)
                or (self._sth_interval and _time.monotonic() - self._last_sth >= self._sth_interval)):
            self.sign_tree_head(publish=self._sth_publish)
        return [p.rid for p in pending]

    def checkpoint(self) -> Entry:
        """Append a checkpoint entry now (e.g. before handing the head to an external anchor)."""
        entries = self._write(lambda seq, head, root: [self._builder.checkpoint(seq + 1, head)])
        self._after_write(entries)
        return entries[0]

    def sign_tree_head(self, private_key: Any = None, publish: str | None = None) -> Any:
        """Sign the current Merkle tree (size, root, time) with Ed25519 and append it as an ``sth`` entry.

        Args:
            private_key: an Ed25519 private key object or the path of its PEM
                file; None uses the sink's ``sth_key``.
            publish: also append the tree head (one JSON line) to this file, kept
                by an outside party: ``verify --against`` detects truncation with it.

        Returns:
            The :class:`~aplguard.audit.sth.TreeHead`; it covers every entry before its own.
        """
        from .sth import TreeHead, load_private_key, sign_tree_head

        key = load_private_key(private_key) if isinstance(private_key, str) else private_key or self._sth_key
        if key is None:
            raise ConfigError(f"{self.url}: signing a tree head needs an Ed25519 private key (sth_key)")
        signed: list[TreeHead] = []

        def build(seq: int, head: str, root: RootFn) -> list[Entry]:
            size, r = root()
            sth = sign_tree_head(key, size, r, now_ts())
            signed.append(sth)
            body = canonical_json(sth.to_dict())
            return [self._builder.make(seq + 1, TREE_HEAD, None, sth.timestamp, None, head, body)]

        self._after_write(self._write(build))
        self._since_sth, self._last_sth = 0, _time.monotonic()
        if publish:
            try:
                with open(publish, "a", encoding="utf-8") as f:
                    f.write(canonical_json(signed[0].to_dict()) + "\n")
            except OSError as exc:
                raise AuditError(f"cannot write the tree head to {publish}: {exc.strerror or exc}") from None
        return signed[0]

    def _after_write(self, entries: list[Entry]) -> None:
        if self.anchor and any(e.kind == CHECKPOINT for e in entries):
            try:
                write_anchor(self.anchor, self.url, entries)
            except OSError as exc:
                raise AuditError(f"cannot write the audit anchor file {self.anchor}: {exc}") from None

    # -- Merkle tree and proofs (see aplguard.audit.proofs) ----------------------

    def tree_size(self) -> int:
        """Leaves in the stored Merkle tree (entries since the tree's base)."""
        with self._tree() as t:
            return self._need_tree(t).size

    def tree_root(self, size: int | None = None) -> bytes:
        """RFC 9162 root hash of the first ``size`` leaves (default: all)."""
        from .merkle import root_hash

        with self._tree() as t:
            t = self._need_tree(t)
            n = t.size if size is None else size
            if not 0 <= n <= t.size:
                raise AuditError(f"{self.url}: tree size {n} is outside 0..{t.size}")
            return root_hash(n, t.get)

    def leaf_index(self, record_id: str) -> int:
        """The Merkle leaf index of a record (its seq minus the tree's base)."""
        seq = self._recent_seq.get(record_id)
        if seq is None:
            seq = self._seq_of(record_id)
        if seq is None:
            raise AuditError(f"{self.url}: no record {record_id!r}")
        if self._tree_base is None:
            with self._tree() as t:
                self._tree_base = self._need_tree(t).base
        if seq < self._tree_base:
            raise AuditError(f"{self.url}: record {record_id} predates the Merkle tree (pruned before it existed)")
        return seq - self._tree_base

    def tree_heads(self) -> list[Any]:
        """The signed tree heads stored in the log, oldest first (signatures not checked here)."""
        from .sth import TreeHead

        return [TreeHead.from_dict(json.loads(e.body), f"{self.url}: seq {e.seq}")
                for e in self._tree_head_entries() if e.kind == TREE_HEAD]

    def _tree_head_entries(self) -> Iterator[Entry]:
        """The ``sth`` entries in seq order (SQL backends use a partial index instead of this scan)."""
        return self.iter_entries(kinds=(TREE_HEAD,))

    def inclusion_proof(self, record_id: str | None = None, *, index: int | None = None,
                        tree_head: Any = None, include_entry: bool = True) -> dict[str, Any]:
        """An RFC 9162 inclusion proof for a record (or a leaf index) as a JSON-ready dict.

        The proof is against ``tree_head`` when given, else the latest signed tree
        head that covers the leaf, else the current (unsigned) tree. See
        :func:`aplguard.audit.proofs.verify_proof`.
        """
        from .proofs import build_inclusion

        if (record_id is None) == (index is None):
            raise ConfigError("pass a record id or a leaf index")
        if record_id is not None:
            index = self.leaf_index(record_id)
        assert index is not None
        if tree_head is None:
            heads = [h for h in self.tree_heads() if h.tree_size > index]
            tree_head = heads[-1] if heads else None
        with self._tree() as t:
            t = self._need_tree(t)
            proof = build_inclusion(t, index, tree_head, self.url)
        if include_entry:
            e = self._entry_at(t.base + index)
            if e is not None:
                proof["entry"] = {**e.envelope(), "body": e.body}
        return proof

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> dict[str, Any]:
        """An RFC 9162 consistency proof from ``old_size`` to ``new_size`` (default: the latest signed
        tree head, else the current tree), with the stored tree heads of both sizes when there are any."""
        from .proofs import build_consistency

        heads = self.tree_heads()
        if new_size is None:
            new_head = heads[-1] if heads and heads[-1].tree_size >= old_size else None
        else:
            new_head = next((h for h in reversed(heads) if h.tree_size == new_size), None)
        old_head = next((h for h in reversed(heads) if h.tree_size == old_size), None)
        with self._tree() as t:
            t = self._need_tree(t)
            return build_consistency(t, old_size, new_size, old_head, new_head, self.url)

    def _need_tree(self, t: TreeState | None) -> TreeState:
        if t is None:
            raise AuditError(f"{self.url} has no stored Merkle tree (an old, read-only log): open it once "
                             "with write access to build it")
        return t

    def prune(self, before: str | datetime | date) -> PruneResult:
        """Delete entries older than ``before`` and keep the rest verifiable.

        Deletes the chain up to the first record at or after ``before`` (record
        time, not write time; checkpoints in between go with it) and appends a
        ``prune`` entry carrying the hash of the last pruned entry, so that verify
        can tell a retention cut from a deletion. On a signed log the sink needs
        the key (the prune entry must carry a MAC).
        """
        before_dt = parse_time(before, "before")
        if not self.signed and self._last_entry_signed():
            raise ConfigError(f"{self.url} is signed: pruning needs its HMAC key "
                              "(set APLGUARD_AUDIT_HMAC_KEY)")
        result = self._prune(format_ts(before_dt), self._anchor_fn(format_ts(before_dt)))
        log.info("pruned %d entries from %s", result.pruned_entries, self.url)
        return result

    def _anchor_fn(self, before_ts: str) -> Callable[[int, str, int, str, int], Entry]:
        def make(seq: int, prev: str, first_kept_seq: int, first_kept_prev: str, pruned: int) -> Entry:
            return self._builder.prune_anchor(seq, prev, before_ts, first_kept_seq, first_kept_prev, pruned)
        return make

    def _last_entry_signed(self) -> bool:
        last = _last(self.iter_entries())
        return bool(last and last.mac)

    # -- reading ----------------------------------------------------------------

    def head(self) -> tuple[int, str]:
        """(seq, hash) of the last entry; (-1, GENESIS) when the log is empty."""
        last = _last(self.iter_entries())
        return (last.seq, last.hash) if last else (-1, GENESIS)

    def iter_records(self, filter: RecordFilter | None = None) -> Iterator[AuditRecord]:
        """Records (not checkpoints) matching ``filter``, oldest first."""
        f = filter or RecordFilter()
        for e in self.iter_entries(since_ts=f.since_ts, until_ts=f.until_ts, tenant=f.tenant, kinds=(RECORD,)):
            if e.kind != RECORD:
                continue
            try:
                rec = AuditRecord.model_validate_json(e.body)
            except AuditError as exc:  # name the entry: the body alone does not say where it is
                raise AuditError(f"{self.url}: entry seq {e.seq}: {exc}") from None
            if f.matches(rec):
                yield rec

    def query(self, filter: RecordFilter | None = None, limit: int | None = None,
              **criteria: Any) -> list[AuditRecord]:
        """Records matching a :class:`RecordFilter` or its fields as keywords.

        Example: ``sink.query(tenant="acme", decision="block", since="2026-11-01")``.
        """
        if filter is not None and criteria:
            raise ConfigError("pass either a RecordFilter or keyword criteria, not both")
        try:
            f = filter or RecordFilter(**criteria)
        except TypeError as exc:
            raise ConfigError(f"unknown query criterion: {exc}") from None
        out = []
        for rec in self.iter_records(f):
            out.append(rec)
            if limit is not None and len(out) >= limit:
                break
        return out

    def __enter__(self) -> AuditSink:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r}, signed={self.signed})"


def _last(entries: Iterable[Entry]) -> Entry | None:
    tail = deque(entries, maxlen=1)
    return tail[0] if tail else None


_SCHEMES = ("sqlite", "jsonl", "postgresql", "postgres")
_COMMON_OPTS: dict[str, Callable[[Any], Any]] = {
    "checkpoint_every": int, "anchor": str, "sth_key": str, "sth_every": int, "sth_interval_s": float,
    "sth_publish": str}


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"expected a boolean, got {value!r}")


def _path_of(url: str, scheme: str) -> str:
    # sqlite:///rel.db -> rel.db ; sqlite:////abs/x.db -> /abs/x.db (SQLAlchemy's convention)
    rest = url[len(scheme) + 3:]
    if not url.startswith(scheme + ":///"):
        raise ConfigError(f"audit sink URL {url!r}: expected {scheme}:///relative/path or {scheme}:////absolute/path")
    path = rest[1:].split("?", 1)[0]
    if not path:
        raise ConfigError(f"audit sink URL {url!r} names no file")
    return path


def open_sink(url: str | AuditSink, hmac_key: bytes | str | None = None, *, create: bool = True,
              **opts: Any) -> AuditSink:
    """Open an audit sink by URL.

    Args:
        url: ``sqlite:///audit.db`` (default choice; ``sqlite:////abs/path.db`` for
            absolute paths), ``jsonl:///audit.jsonl``, ``postgresql://user@host/db``;
            a bare ``*.db``/``*.sqlite``/``*.jsonl`` path is accepted too. Options
            may also come as a query string (``?checkpoint_every=100&fsync=1``).
            An :class:`AuditSink` is returned as is.
        hmac_key: MAC key; None reads ``$APLGUARD_AUDIT_HMAC_KEY``.
        create: create the log when missing (False for read-only tools).
        **opts: ``checkpoint_every`` (1000), ``anchor`` (path), ``sth_key`` (Ed25519
            PEM: sign a tree head every ``sth_every`` records, default 1000, and/or
            ``sth_interval_s`` seconds; ``sth_publish`` also appends each to a file); SQLite:
            ``synchronous`` (``normal``|``full``), ``busy_timeout_s``; JSONL:
            ``fsync`` (False); PostgreSQL: ``table`` (``aplguard_audit``; also
            ``postgresql://...?table=name``, other query parameters go to libpq).

    Raises:
        ConfigError: unknown scheme or option, malformed URL.
        AuditError: the log cannot be opened or created (unwritable path, corrupt file).
    """
    if isinstance(url, AuditSink):
        return url
    if not isinstance(url, str) or not url.strip():
        raise ConfigError(f"audit sink URL must be a non-empty string, got {url!r}")
    url = url.strip()
    if "://" not in url:
        lower = url.lower()
        if lower.endswith((".db", ".sqlite", ".sqlite3")):
            url = "sqlite:///" + url
        elif lower.endswith(".jsonl"):
            url = "jsonl:///" + url
        else:
            raise ConfigError(f"audit sink {url!r} has no scheme; use one of "
                              "sqlite:///path.db, jsonl:///path.jsonl, postgresql://...")
    scheme = url.split("://", 1)[0].lower()
    if scheme not in _SCHEMES:
        raise ConfigError(f"unknown audit sink scheme {scheme!r} in {url!r}; use one of "
                          "sqlite:///path.db, jsonl:///path.jsonl, postgresql://...")
    if scheme in ("sqlite", "jsonl"):
        query = dict(parse_qsl(urlsplit(url).query))
        opts = {**query, **opts}
    else:  # our options leave the URL; the rest (sslmode, connect_timeout, ...) goes to libpq
        url, ours = _split_pg_options(url)
        opts = {**ours, **opts}
    common = {}
    for name, conv in _COMMON_OPTS.items():
        if name in opts:
            try:
                common[name] = conv(opts.pop(name))
            except ValueError:
                raise ConfigError(f"audit sink option {name}: bad value") from None
    if scheme == "sqlite":
        from .sqlite_sink import SQLiteSink
        allowed = {"synchronous", "busy_timeout_s"}
        _check_opts(opts, allowed, url)
        return SQLiteSink(url, _path_of(url, scheme), hmac_key=hmac_key, create=create, **common, **opts)
    if scheme == "jsonl":
        from .jsonl_sink import JsonlSink
        _check_opts(opts, {"fsync"}, url)
        if "fsync" in opts:
            opts["fsync"] = _bool(opts["fsync"])
        return JsonlSink(url, _path_of(url, scheme), hmac_key=hmac_key, create=create, **common, **opts)
    from .postgres_sink import PostgresSink
    _check_opts(opts, {"table"}, url)
    return PostgresSink(url, hmac_key=hmac_key, create=create, **common, **opts)


_PG_OPTS = ("table", "checkpoint_every", "anchor", "sth_key", "sth_every", "sth_interval_s", "sth_publish")


def _split_pg_options(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    ours = {k: v for k, v in pairs if k in _PG_OPTS}
    rest = "&".join(f"{k}={quote(v)}" for k, v in pairs if k not in _PG_OPTS)
    return urlunsplit(parts._replace(query=rest)), ours


def _check_opts(opts: dict[str, Any], allowed: set[str], url: str) -> None:
    unknown = sorted(set(opts) - allowed)
    if unknown:
        raise ConfigError(f"unknown audit sink option(s) {', '.join(unknown)} for {url!r}; "
                          f"known: {', '.join(sorted(allowed | set(_COMMON_OPTS)))}")
