"""SQLite sink: the embedded default.

WAL journal so readers never block the writer; every append is one
``BEGIN IMMEDIATE`` transaction that reads the chain head and inserts the new
entries, so writers in several threads and processes serialise on SQLite's own
lock and the chain never forks. A process killed mid-transaction leaves nothing
of it behind (SQLite rolls it back on the next open).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import AuditError, ConfigError
from .chain import Entry, MalformedEntry, entry_from_row, entry_leaf, head_from_row, seq_value
from .merkle import append_nodes, root_hash
from .sink import AuditSink, BuildFn, PruneResult, TreeState, tree_out_of_step

_SCHEMA_VERSION = 2  # 2: the Merkle tree (audit_merkle) and the record-id index
_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_entries (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    rid TEXT,
    ts TEXT NOT NULL,
    tenant TEXT,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL,
    mac TEXT,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_entries_ts ON audit_entries (ts);
CREATE INDEX IF NOT EXISTS audit_entries_tenant ON audit_entries (tenant, ts);
CREATE TABLE IF NOT EXISTS audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Complete subtrees of the RFC 9162 tree over the entries (leaf index = seq - merkle_base).
_TREE_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_merkle (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
                                         PRIMARY KEY (level, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS audit_entries_rid ON audit_entries (rid);
CREATE INDEX IF NOT EXISTS audit_entries_sth ON audit_entries (seq) WHERE kind = 'sth';
"""
_COLS = "seq, kind, rid, ts, tenant, prev, hash, mac, body"


class SQLiteSink(AuditSink):
    """Audit log in one SQLite file (see :func:`aplguard.audit.open_sink`).

    Args:
        url: the sink URL (messages only).
        path: database file; parent directories are created.
        synchronous: ``normal`` (default: durable across process crashes, WAL may
            lose the last commits on power loss) or ``full`` (fsync every commit).
        busy_timeout_s: how long a writer waits for another process's lock.
        create: create the file and schema when missing.
    """

    def __init__(self, url: str, path: str, *, hmac_key: bytes | str | None = None, checkpoint_every: int = 1000,
                 anchor: str | None = None, synchronous: str = "normal", busy_timeout_s: float = 30.0,
                 create: bool = True, **tree_opts: Any):
        super().__init__(url, hmac_key=hmac_key, checkpoint_every=checkpoint_every, anchor=anchor, **tree_opts)
        if str(synchronous).lower() not in ("normal", "full"):
            raise ConfigError(f"{url}: synchronous must be normal or full, got {synchronous!r}")
        # Absolute: readers open their own connections later, maybe after a chdir.
        self.path = path if path == ":memory:" else os.path.abspath(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._base: int | None = None  # seq of Merkle leaf 0; None: no tree (a read-only version-1 log)
        memory = path == ":memory:"
        if not memory and not os.path.exists(path):
            if not create:
                raise AuditError(f"no audit log at {path} ({url})")
            parent = os.path.dirname(os.path.abspath(path))
            try:
                os.makedirs(parent, exist_ok=True)
            except OSError as exc:
                raise AuditError(f"cannot create the audit log directory {parent}: {exc.strerror or exc}") from None
        try:
            conn = sqlite3.connect(path, timeout=float(busy_timeout_s), isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise AuditError(f"cannot open the audit log {path}: {exc}") from None
        deadline = time.monotonic() + float(busy_timeout_s)
        while True:
            try:
                conn.execute(f"PRAGMA busy_timeout={int(float(busy_timeout_s) * 1000)}")
                # Switching a new file to WAL returns SQLITE_BUSY at once (no busy handler)
                # while another process does the same: retry until the timeout.
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(f"PRAGMA synchronous={str(synchronous).upper()}")
                self._init_schema(conn, create)
                break
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) and time.monotonic() < deadline:
                    time.sleep(0.02)
                    continue
                conn.close()
                raise AuditError(f"cannot use the audit log {path}: {exc} "
                                 "(not an aplguard SQLite audit log, corrupt, or not writable)") from None
            except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                # sqlite3 decodes corrupt schema text itself: UnicodeDecodeError means corrupt too
                conn.close()
                detail = exc if isinstance(exc, sqlite3.DatabaseError) else "undecodable schema text"
                raise AuditError(f"cannot use the audit log {path}: {detail} "
                                 "(not an aplguard SQLite audit log, corrupt, or not writable)") from None
        self._conn = conn

    def _init_schema(self, conn: sqlite3.Connection, create: bool) -> None:
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_entries'").fetchone()
        if not exists:
            if not create:
                raise AuditError(f"{self.path} is an SQLite file without an aplguard audit log")
            conn.execute("BEGIN IMMEDIATE")
            try:
                for stmt in filter(None, (s.strip() for s in (_SCHEMA + _TREE_SCHEMA).split(";"))):
                    conn.execute(stmt)
                conn.execute("INSERT OR IGNORE INTO audit_meta VALUES ('schema_version', ?)", (str(_SCHEMA_VERSION),))
                conn.execute("INSERT OR IGNORE INTO audit_meta VALUES ('merkle_base', '0')")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        row = conn.execute("SELECT value FROM audit_meta WHERE key='schema_version'").fetchone()
        try:
            version = int(row[0]) if row else 0
        except (TypeError, ValueError):
            raise AuditError(f"{self.path}: unreadable audit schema version {str(row[0])[:40]!r}") from None
        if version > _SCHEMA_VERSION:
            raise AuditError(f"{self.path} has audit schema version {version}; this aplguard knows "
                             f"up to {_SCHEMA_VERSION}: upgrade aplguard")
        if version < 2:
            try:
                self._migrate(conn)
            except sqlite3.OperationalError as exc:
                if "readonly" not in str(exc):
                    raise
                return  # a read-only copy of an old log: verifiable, no stored tree
        row = conn.execute("SELECT value FROM audit_meta WHERE key='merkle_base'").fetchone()
        try:
            self._base = int(row[0]) if row else 0
        except (TypeError, ValueError):
            raise AuditError(f"{self.path}: unreadable merkle_base {str(row[0])[:40]!r}") from None

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Version 1 -> 2: build the Merkle tree over the existing entries, once, in one transaction."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            for stmt in filter(None, (s.strip() for s in _TREE_SCHEMA.split(";"))):
                conn.execute(stmt)
            first = conn.execute("SELECT min(seq) FROM audit_entries").fetchone()[0]
            base = seq_value(first, f"{self.path}: first entry") if first is not None else 0
            conn.execute("INSERT OR REPLACE INTO audit_meta VALUES ('merkle_base', ?)", (str(base),))
            conn.execute("DELETE FROM audit_merkle")
            size, batch = 0, []
            cur = conn.execute(f"SELECT {_COLS} FROM audit_entries ORDER BY seq")
            get = self._getter(conn)
            while rows := cur.fetchmany(5000):
                batch = [entry_leaf(entry_from_row(r, f"{self.path}: migrating")) for r in rows]
                nodes = append_nodes(size, batch, get)
                conn.executemany("INSERT INTO audit_merkle VALUES (?,?,?)", nodes)
                size += len(batch)
            conn.execute("INSERT OR REPLACE INTO audit_meta VALUES ('schema_version', ?)", (str(_SCHEMA_VERSION),))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _getter(self, conn: sqlite3.Connection) -> Callable[[int, int], bytes]:
        def get(level: int, idx: int) -> bytes:
            row = conn.execute("SELECT hash FROM audit_merkle WHERE level=? AND idx=?", (level, idx)).fetchone()
            if row is None or not isinstance(row[0], bytes) or len(row[0]) != 32:
                raise AuditError(f"{self.path}: Merkle node ({level}, {idx}) is missing or malformed")
            return bytes(row[0])
        return get

    def _tree_size(self, conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT max(idx) FROM audit_merkle WHERE level=0").fetchone()
        return int(row[0]) + 1 if row and isinstance(row[0], int) else 0

    def _grow(self, conn: sqlite3.Connection, head_seq: int, entries: list[Entry]) -> None:
        """Add the entries' leaves to the tree inside the caller's write transaction."""
        if self._base is None or not entries:
            return
        size = self._tree_size(conn)
        tree_out_of_step(self.url, size, head_seq + 1 - self._base)
        conn.executemany("INSERT INTO audit_merkle VALUES (?,?,?)",
                         append_nodes(size, [entry_leaf(e) for e in entries], self._getter(conn)))

    @contextmanager
    def _tree(self) -> Iterator[TreeState | None]:
        if self._base is None:
            yield None
            return
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN")  # one snapshot for size and nodes
                try:
                    yield TreeState(self._base, self._tree_size(conn), self._getter(conn))
                finally:
                    conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise AuditError(f"cannot read the Merkle tree of {self.path}: {exc}") from None

    def _tree_head_entries(self) -> Iterator[Entry]:
        with self._lock:
            try:  # the literal kind lets SQLite use the partial index (a bound parameter would not)
                rows = self._connection().execute(
                    f"SELECT {_COLS} FROM audit_entries WHERE kind = 'sth' ORDER BY seq").fetchall()
            except sqlite3.Error as exc:
                raise AuditError(f"cannot read the audit log {self.path}: {exc}") from None
        return iter([entry_from_row(r, f"{self.path}: tree head") for r in rows])

    def _entry_at(self, seq: int) -> Entry | None:
        with self._lock:
            try:
                row = self._connection().execute(f"SELECT {_COLS} FROM audit_entries WHERE seq = ?", (seq,)).fetchone()
            except sqlite3.Error as exc:
                raise AuditError(f"cannot read the audit log {self.path}: {exc}") from None
        return entry_from_row(row, f"{self.path}: seq {seq}") if row else None

    def _seq_of(self, record_id: str) -> int | None:
        if self._base is None:
            return super()._seq_of(record_id)
        with self._lock:
            try:
                row = self._connection().execute(
                    "SELECT seq FROM audit_entries WHERE rid=? AND kind='record' ORDER BY seq LIMIT 1",
                    (record_id,)).fetchone()
            except sqlite3.Error as exc:
                raise AuditError(f"cannot read the audit log {self.path}: {exc}") from None
        return seq_value(row[0], f"{self.path}: record {record_id}") if row else None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise AuditError(f"audit sink {self.url} is closed")
        return self._conn

    @contextmanager
    def _immediate(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction that holds the database lock from its start (BEGIN IMMEDIATE)."""
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise AuditError(f"audit {what} {self.path} failed: {exc}") from None

    def _write(self, build: BuildFn) -> list[Entry]:
        with self._immediate("write to") as conn:
            row = conn.execute("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1").fetchone()
            head = head_from_row(row, f"{self.path}: last entry")

            def root() -> tuple[int, bytes]:
                if self._base is None:
                    raise AuditError(f"{self.path} has no Merkle tree (a read-only version-1 log)")
                size = self._tree_size(conn)
                tree_out_of_step(self.url, size, head[0] + 1 - self._base)
                return size, root_hash(size, self._getter(conn))
            entries = build(head[0], head[1], root)
            conn.executemany(f"INSERT INTO audit_entries ({_COLS}) VALUES (?,?,?,?,?,?,?,?,?)",
                             [(e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.hash, e.mac, e.body)
                              for e in entries])
            self._grow(conn, head[0], entries)
        return entries

    def iter_entries(self, since_ts: str | None = None, until_ts: str | None = None,
                     tenant: str | None = None, kinds: tuple[str, ...] | None = None) -> Iterator[Entry]:
        where, args = [], []
        if since_ts:
            where.append("ts >= ?")
            args.append(since_ts)
        if until_ts:
            where.append("ts < ?")
            args.append(until_ts)
        if tenant is not None:
            where.append("tenant = ?")
            args.append(tenant)
        if kinds:
            where.append(f"kind IN ({','.join('?' * len(kinds))})")
            args.extend(kinds)
        sql = f"SELECT {_COLS} FROM audit_entries"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq"
        # A private connection: a long read must not hold the writer's lock.
        try:
            conn = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False) \
                if self.path != ":memory:" else self._connection()
        except sqlite3.Error as exc:
            raise AuditError(f"cannot read the audit log {self.path}: {exc}") from None
        try:
            cur = conn.execute(sql, args)
            n = 0
            while True:
                rows = cur.fetchmany(2000)
                if not rows:
                    break
                for r in rows:
                    n += 1
                    yield entry_from_row(r, f"{self.path}: row {n} in seq order")
        except sqlite3.DatabaseError as exc:
            raise AuditError(f"cannot read the audit log {self.path}: {exc}") from None
        finally:
            if conn is not self._conn:
                conn.close()

    def head(self) -> tuple[int, str]:
        with self._lock:
            try:
                row = self._connection().execute(
                    "SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1").fetchone()
            except sqlite3.Error as exc:
                raise AuditError(f"cannot read the audit log {self.path}: {exc}") from None
        return head_from_row(row, f"{self.path}: last entry")

    def _last_entry_signed(self) -> bool:
        with self._lock:
            try:
                row = self._connection().execute(
                    "SELECT mac FROM audit_entries ORDER BY seq DESC LIMIT 1").fetchone()
            except sqlite3.Error as exc:
                raise AuditError(f"cannot read the audit log {self.path}: {exc}") from None
        return bool(row and row[0])

    def _prune(self, before_ts: str, anchor: Callable[[int, str, int, str, int], Entry]) -> PruneResult:
        with self._immediate("prune of") as conn:
            return self._prune_locked(conn, before_ts, anchor)

    def _prune_locked(self, conn: sqlite3.Connection, before_ts: str,
                      anchor: Callable[[int, str, int, str, int], Entry]) -> PruneResult:
        where = f"{self.path}: prune"
        row = conn.execute("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1").fetchone()
        if row is None:
            return PruneResult(0, None, None, ["the log is empty"])
        head = head_from_row(row, where)
        first = seq_value(conn.execute("SELECT min(seq) FROM audit_entries").fetchone()[0], where)
        row = conn.execute("SELECT min(seq) FROM audit_entries WHERE kind = 'record' AND ts >= ?",
                           (before_ts,)).fetchone()
        keep_from = seq_value(row[0], where) if row[0] is not None else head[0] + 1
        if keep_from <= first:
            return PruneResult(0, first, None, ["nothing older than the cut-off"])
        cut = conn.execute("SELECT hash FROM audit_entries WHERE seq = ?", (keep_from - 1,)).fetchone()
        if cut is None or not isinstance(cut[0], str):
            raise MalformedEntry(where, f"entry {keep_from - 1} before the cut is missing or has no hash")
        n = conn.execute("DELETE FROM audit_entries WHERE seq < ?", (keep_from,)).rowcount
        e = anchor(head[0] + 1, head[1], keep_from, cut[0], n)
        conn.execute(f"INSERT INTO audit_entries ({_COLS}) VALUES (?,?,?,?,?,?,?,?,?)",
                     (e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.hash, e.mac, e.body))
        self._grow(conn, head[0], [e])  # the tree keeps the pruned leaves' hashes: old proofs stay valid
        return PruneResult(n, keep_from, e.seq)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
