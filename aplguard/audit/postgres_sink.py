"""PostgreSQL sink for fleets (psycopg 3; ``pip install 'aplguard[postgres]'``).

Every append is one transaction that first takes a transaction-scoped advisory
lock for the table (``pg_advisory_xact_lock``), then reads the chain head and
inserts: writers on any number of hosts serialise on the lock and the chain
never forks. The schema is created on first use and versioned in a meta table.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from .._deps import require
from ..errors import AuditError, ConfigError
from .chain import Entry, MalformedEntry, entry_from_row, entry_leaf, head_from_row, seq_value
from .merkle import append_nodes, root_hash
from .sink import AuditSink, BuildFn, PruneResult, TreeState, tree_out_of_step

_SCHEMA_VERSION = 2  # 2: the Merkle tree ({table}_merkle) and the record-id index
_COLS = "seq, kind, rid, ts, tenant, prev, hash, mac, body"
_T = TypeVar("_T")


class PostgresSink(AuditSink):
    """Audit log in a PostgreSQL table (see :func:`aplguard.audit.open_sink`).

    Args:
        url: a libpq connection URL (``postgresql://user:pw@host:5432/db``).
        table: table name (letters, digits, underscores); one chain per table.
        create: create the schema when missing.
    """

    def __init__(self, url: str, *, hmac_key: bytes | str | None = None, checkpoint_every: int = 1000,
                 anchor: str | None = None, table: str = "aplguard_audit", create: bool = True, **tree_opts: Any):
        super().__init__(_redact_url(url), hmac_key=hmac_key, checkpoint_every=checkpoint_every, anchor=anchor,
                         **tree_opts)
        self._base: int | None = None  # seq of Merkle leaf 0; None: no tree (old log, read-only role)
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,50}", table):
            raise ConfigError(f"PostgreSQL audit table name {table!r}: letters, digits and underscores only")
        psycopg = require("psycopg", "postgres")
        self._psycopg = psycopg
        self._raw_url = url  # with the password: only for new connections, never in messages
        self.table = table
        self._lock_id = zlib.crc32(f"aplguard-audit:{table}".encode())  # stable across processes and hosts
        self._lock = threading.Lock()
        try:
            self._conn = psycopg.connect(url, autocommit=False)
        except psycopg.Error as exc:
            raise AuditError(f"cannot connect to the audit database {self.url}: {_first_line(exc)}") from None
        try:
            self._init_schema(create)
        except AuditError:
            self._conn.close()
            raise
        except psycopg.Error as exc:
            self._conn.close()
            raise AuditError(f"cannot use the audit table {table} in {self.url}: {_first_line(exc)}") from None

    def _init_schema(self, create: bool) -> None:
        t = self.table
        with self._conn.transaction(), self._conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (self._lock_id,))
            cur.execute("SELECT to_regclass(%s)", (t,))
            exists = cur.fetchone()[0] is not None
            if not exists and not create:
                raise AuditError(f"no audit table {t} in {self.url}")
            if not exists:  # DDL only when needed: read-only roles can still verify and query
                cur.execute(f"""CREATE TABLE IF NOT EXISTS {t} (
                    seq BIGINT PRIMARY KEY, kind TEXT NOT NULL, rid TEXT, ts TEXT NOT NULL, tenant TEXT,
                    prev TEXT NOT NULL, hash TEXT NOT NULL, mac TEXT, body TEXT NOT NULL)""")
                cur.execute(f"CREATE INDEX IF NOT EXISTS {t}_ts ON {t} (ts)")
                cur.execute(f"CREATE INDEX IF NOT EXISTS {t}_tenant ON {t} (tenant, ts)")
                cur.execute(f"CREATE TABLE IF NOT EXISTS {t}_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                cur.execute(f"INSERT INTO {t}_meta VALUES ('schema_version', %s) ON CONFLICT DO NOTHING",
                            ("1",))  # the migration below brings a new table to the current version
            cur.execute(f"SELECT value FROM {t}_meta WHERE key = 'schema_version'")
            row = cur.fetchone()
            try:
                version = int(row[0]) if row else 0
            except (TypeError, ValueError):
                raise AuditError(f"{self.url} table {t}: unreadable audit schema version") from None
            if version > _SCHEMA_VERSION:
                raise AuditError(f"{self.url} table {t} has audit schema version {version}; this aplguard "
                                 f"knows up to {_SCHEMA_VERSION}: upgrade aplguard")
            if version < 2 and not create:
                return  # a read-only reviewer of an old table: verifiable, no stored tree
            if version < 2:
                self._migrate(cur)
            cur.execute(f"SELECT value FROM {t}_meta WHERE key = 'merkle_base'")
            row = cur.fetchone()
            try:
                self._base = int(row[0]) if row else 0
            except (TypeError, ValueError):
                raise AuditError(f"{self.url} table {t}: unreadable merkle_base") from None

    def _migrate(self, cur: Any) -> None:
        """Version 1 -> 2 (under the advisory lock, in the open transaction): build the tree once."""
        t = self.table
        cur.execute(f"""CREATE TABLE IF NOT EXISTS {t}_merkle (
            level SMALLINT NOT NULL, idx BIGINT NOT NULL, hash BYTEA NOT NULL, PRIMARY KEY (level, idx))""")
        cur.execute(f"CREATE INDEX IF NOT EXISTS {t}_rid ON {t} (rid)")
        cur.execute(f"CREATE INDEX IF NOT EXISTS {t}_sth ON {t} (seq) WHERE kind = 'sth'")
        cur.execute(f"SELECT min(seq) FROM {t}")
        first = cur.fetchone()[0]
        base = seq_value(first, f"{self.url} table {t}: first entry") if first is not None else 0
        cur.execute(f"DELETE FROM {t}_merkle")
        cur.execute(f"INSERT INTO {t}_meta VALUES ('merkle_base', %s) ON CONFLICT (key) DO UPDATE "
                    "SET value = EXCLUDED.value", (str(base),))
        cur.execute(f"SELECT {_COLS} FROM {t} ORDER BY seq")
        rows = cur.fetchall()  # one-off migration; a server-side cursor cannot share this transaction's cursor
        get = self._getter(cur)
        for i in range(0, len(rows), 5000):
            chunk = [entry_leaf(entry_from_row(r, f"{self.url} table {t}: migrating")) for r in rows[i:i + 5000]]
            cur.executemany(f"INSERT INTO {t}_merkle VALUES (%s,%s,%s)", append_nodes(i, chunk, get))
        cur.execute(f"UPDATE {t}_meta SET value = %s WHERE key = 'schema_version'", (str(_SCHEMA_VERSION),))

    def _getter(self, cur: Any) -> Callable[[int, int], bytes]:
        sql = f"SELECT hash FROM {self.table}_merkle WHERE level = %s AND idx = %s"

        def get(level: int, idx: int) -> bytes:
            cur.execute(sql, (level, idx))
            row = cur.fetchone()
            if row is None or len(bytes(row[0])) != 32:
                raise AuditError(f"{self.url} table {self.table}: Merkle node ({level}, {idx}) is missing")
            return bytes(row[0])
        return get

    def _tree_size(self, cur: Any) -> int:
        cur.execute(f"SELECT max(idx) FROM {self.table}_merkle WHERE level = 0")
        row = cur.fetchone()
        return int(row[0]) + 1 if row and row[0] is not None else 0

    def _grow(self, cur: Any, head_seq: int, entries: list[Entry]) -> None:
        if self._base is None or not entries:
            return
        size = self._tree_size(cur)
        tree_out_of_step(self.url, size, head_seq + 1 - self._base)
        cur.executemany(f"INSERT INTO {self.table}_merkle VALUES (%s,%s,%s)",
                        append_nodes(size, [entry_leaf(e) for e in entries], self._getter(cur)))

    @contextmanager
    def _tree(self) -> Iterator[TreeState | None]:
        if self._base is None:
            yield None
            return
        with self._lock:
            if self._conn is None:
                raise AuditError(f"audit sink {self.url} is closed")
            try:
                with self._conn.transaction(), self._conn.cursor() as cur:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one snapshot
                    yield TreeState(self._base, self._tree_size(cur), self._getter(cur))
            except self._psycopg.Error as exc:
                raise AuditError(f"cannot read the Merkle tree of {self.url}: {_first_line(exc)}") from None

    def _tree_head_entries(self) -> Iterator[Entry]:
        def run(cur: Any) -> list[Any]:
            cur.execute(f"SELECT {_COLS} FROM {self.table} WHERE kind = 'sth' ORDER BY seq")
            return list(cur.fetchall())
        rows = self._run_locked(run)
        return iter([entry_from_row(r, f"{self.url} table {self.table}: tree head") for r in rows])

    def _entry_at(self, seq: int) -> Entry | None:
        def run(cur: Any) -> Any:
            cur.execute(f"SELECT {_COLS} FROM {self.table} WHERE seq = %s", (seq,))
            return cur.fetchone()
        row = self._run_locked(run)
        return entry_from_row(row, f"{self.url} table {self.table}: seq {seq}") if row else None

    def _seq_of(self, record_id: str) -> int | None:
        def run(cur: Any) -> Any:
            cur.execute(f"SELECT seq FROM {self.table} WHERE rid = %s AND kind = 'record' ORDER BY seq LIMIT 1",
                        (record_id,))
            return cur.fetchone()
        row = self._run_locked(run)
        return seq_value(row[0], f"{self.url}: record {record_id}") if row else None

    def _run_locked(self, fn: Callable[[Any], _T]) -> _T:
        with self._lock:
            if self._conn is None:
                raise AuditError(f"audit sink {self.url} is closed")
            try:
                with self._conn.transaction(), self._conn.cursor() as cur:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (self._lock_id,))
                    return fn(cur)
            except self._psycopg.Error as exc:
                raise AuditError(f"audit write to {self.url} failed: {_first_line(exc)}") from None

    def _write(self, build: BuildFn) -> list[Entry]:
        def run(cur: Any) -> list[Entry]:
            cur.execute(f"SELECT seq, hash FROM {self.table} ORDER BY seq DESC LIMIT 1")
            head = head_from_row(cur.fetchone(), f"{self.url}: last entry")

            def root() -> tuple[int, bytes]:
                if self._base is None:
                    raise AuditError(f"{self.url} has no Merkle tree (an old table opened read-only)")
                size = self._tree_size(cur)
                tree_out_of_step(self.url, size, head[0] + 1 - self._base)
                return size, root_hash(size, self._getter(cur))
            entries = build(head[0], head[1], root)
            cur.executemany(f"INSERT INTO {self.table} ({_COLS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                            [(e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.hash, e.mac, e.body)
                             for e in entries])
            self._grow(cur, head[0], entries)
            return entries
        return self._run_locked(run)

    def iter_entries(self, since_ts: str | None = None, until_ts: str | None = None,
                     tenant: str | None = None, kinds: tuple[str, ...] | None = None) -> Iterator[Entry]:
        where: list[str] = []
        args: list[Any] = []
        for cond, val in (("ts >= %s", since_ts), ("ts < %s", until_ts)):
            if val:
                where.append(cond)
                args.append(val)
        if tenant is not None:
            where.append("tenant = %s")
            args.append(tenant)
        if kinds:
            where.append("kind = ANY(%s)")
            args.append(list(kinds))
        sql = f"SELECT {_COLS} FROM {self.table}" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY seq"
        psycopg = self._psycopg
        try:  # a separate connection with a server-side cursor: constant memory, no writer lock held
            with psycopg.connect(self._dsn(), autocommit=False) as conn, conn.cursor(name="aplguard_audit_iter") as cur:
                cur.itersize = 5000
                cur.execute(sql, args)
                for n, r in enumerate(cur, 1):
                    yield entry_from_row(r, f"{self.url} table {self.table}: row {n} in seq order")
        except psycopg.Error as exc:
            raise AuditError(f"cannot read the audit log {self.url}: {_first_line(exc)}") from None

    def _dsn(self) -> str:
        return self._raw_url

    def head(self) -> tuple[int, str]:
        def run(cur: Any) -> Any:
            cur.execute(f"SELECT seq, hash FROM {self.table} ORDER BY seq DESC LIMIT 1")
            return cur.fetchone()
        return head_from_row(self._run_locked(run), f"{self.url}: last entry")

    def _last_entry_signed(self) -> bool:
        def run(cur: Any) -> Any:
            cur.execute(f"SELECT mac FROM {self.table} ORDER BY seq DESC LIMIT 1")
            return cur.fetchone()
        row = self._run_locked(run)
        return bool(row and row[0])

    def _prune(self, before_ts: str, anchor: Callable[[int, str, int, str, int], Entry]) -> PruneResult:
        t = self.table

        def run(cur: Any) -> PruneResult:
            where = f"{self.url} table {t}: prune"
            cur.execute(f"SELECT seq, hash FROM {t} ORDER BY seq DESC LIMIT 1")
            row = cur.fetchone()
            if row is None:
                return PruneResult(0, None, None, ["the log is empty"])
            head = head_from_row(row, where)
            cur.execute(f"SELECT min(seq) FROM {t}")
            first = seq_value(cur.fetchone()[0], where)
            cur.execute(f"SELECT min(seq) FROM {t} WHERE kind = 'record' AND ts >= %s", (before_ts,))
            row = cur.fetchone()
            keep_from = seq_value(row[0], where) if row[0] is not None else head[0] + 1
            if keep_from <= first:
                return PruneResult(0, first, None, ["nothing older than the cut-off"])
            cur.execute(f"SELECT hash FROM {t} WHERE seq = %s", (keep_from - 1,))
            cut = cur.fetchone()
            if cut is None or not isinstance(cut[0], str):
                raise MalformedEntry(where, f"entry {keep_from - 1} before the cut is missing or has no hash")
            last_pruned: str = cut[0]
            cur.execute(f"DELETE FROM {t} WHERE seq < %s", (keep_from,))
            n = cur.rowcount
            e = anchor(head[0] + 1, head[1], keep_from, last_pruned, n)
            cur.execute(f"INSERT INTO {t} ({_COLS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                        (e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.hash, e.mac, e.body))
            self._grow(cur, head[0], [e])  # the tree keeps the pruned leaves' hashes
            return PruneResult(n, keep_from, e.seq)
        return self._run_locked(run)

    def drop(self) -> None:
        """Drop the table and its meta table (tests and tear-down only)."""
        def run(cur: Any) -> None:
            cur.execute(f"DROP TABLE IF EXISTS {self.table}")
            cur.execute(f"DROP TABLE IF EXISTS {self.table}_meta")
            cur.execute(f"DROP TABLE IF EXISTS {self.table}_merkle")
        self._run_locked(run)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _redact_url(url: str) -> str:
    """The URL without its password (it appears in messages and records)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
