"""Helpers for the audit-log tests: records, raw storage access (what an attacker with write access does)."""

from __future__ import annotations

import sqlite3
import struct
from datetime import datetime, timedelta, timezone

from aplguard.audit import AuditRecord, OutputRecord, PromptRecord, store_prompt
from aplguard.audit.chain import Entry
from aplguard.audit.jsonl_sink import format_line, parse_line

KEY = "test-key-0123456789abcdef"
PG_ENV = "APLGUARD_TEST_POSTGRES_URL"


def make_record(i: int = 0, *, tenant: str | None = None, ts: datetime | None = None, decision: str | None = None,
                faces: int | None = None, match: tuple[str, float] | None = None, rule: str | None = None,
                thumbnail: str | None = None) -> AuditRecord:
    """A realistic record whose fields vary with ``i`` (or are set explicitly)."""
    decision = decision or ("allow", "anonymize", "block", "rewrite")[i % 4]
    faces = (i % 3) if faces is None else faces
    extra = {"timestamp": ts} if ts else {}
    return AuditRecord(
        tenant=tenant if tenant is not None else ("acme", "globex")[i % 2],
        labels={"request": f"r{i}"},
        policy={"name": "default", "version": "1", "sha256": "ab" * 32},
        model_id="tiny-sd", prefix_id="apl-test",
        prompts=[PromptRecord(
            index=0, decision=decision, rule=rule or f"rule-{i % 5}", flagged=i % 7 == 0,
            identity_seeking=decision != "allow",
            findings=[{"kind": "public_figure", "start": 11, "end": 20, "score": 0.9, "detector": "names"}],
            prompt=store_prompt(f"a photo of person {i}", "hash", key=KEY))],
        outputs=[OutputRecord(index=0, prompt_index=0, image_sha256=f"{i:064x}", faces=faces,
                              matches=[{"identity": match[0], "score": match[1]}] if match else [],
                              action="block" if decision == "block" else "none", thumbnail_b64=thumbnail)],
        latency_ms={"screen": 0.1, "generate": 40.0 + i % 10, "faces": 3.0, "total": 45.0 + i % 10},
        **extra)


def days_ago(n: float) -> datetime:
    return datetime.now(timezone.utc) - timedelta(days=n)


class RawStore:
    """Direct access to a log's storage, bypassing the sink: what an attacker with write access does."""

    def __init__(self, url: str):
        self.url = url
        self.kind = url.split("://", 1)[0]

    def _path(self) -> str:
        return self.url.split(":///", 1)[1]

    def read(self) -> list[Entry]:
        if self.kind == "sqlite":
            with sqlite3.connect(self._path()) as c:
                return [Entry(*r) for r in c.execute(
                    "SELECT seq, kind, rid, ts, tenant, prev, hash, mac, body FROM audit_entries ORDER BY seq")]
        if self.kind == "jsonl":
            with open(self._path(), encoding="utf-8") as f:
                return [parse_line(line, "raw") for line in f if line.endswith("\n")]
        import psycopg
        with psycopg.connect(self._pg_base()) as c:
            rows = c.execute(f"SELECT seq, kind, rid, ts, tenant, prev, hash, mac, body FROM {self.table} "
                             "ORDER BY seq").fetchall()
            return [Entry(int(r[0]), *r[1:]) for r in rows]

    @property
    def table(self) -> str:
        return self.url.split("?table=", 1)[1] if "?table=" in self.url else "aplguard_audit"

    def _pg_base(self) -> str:
        return self.url.split("?table=", 1)[0]

    def write(self, entries: list[Entry], tree: bool = True) -> None:
        """Replace the whole storage with ``entries`` (in this order).

        ``tree``: also rebuild the Merkle tree over them (it is unkeyed: an attacker can);
        False leaves the stored tree as it was.
        """
        rows = [(e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.hash, e.mac, e.body) for e in entries]
        nodes = _tree_nodes(entries) if tree else None
        base = entries[0].seq if entries else 0
        if self.kind == "sqlite":
            with sqlite3.connect(self._path()) as c:
                c.execute("DELETE FROM audit_entries")
                c.executemany("INSERT INTO audit_entries VALUES (?,?,?,?,?,?,?,?,?)", rows)
                if nodes is not None:
                    c.execute("DELETE FROM audit_merkle")
                    c.executemany("INSERT INTO audit_merkle VALUES (?,?,?)", nodes)
                    c.execute("UPDATE audit_meta SET value=? WHERE key='merkle_base'", (str(base),))
        elif self.kind == "jsonl":
            with open(self._path(), "w", encoding="utf-8") as f:
                f.writelines(format_line(e) for e in entries)
            if nodes is not None:
                with open(self._path() + ".merkle", "wb") as f:
                    f.write(b"APLMRKL1" + struct.pack(">Q", base) + b"".join(h for _, _, h in nodes))
        else:
            import psycopg
            with psycopg.connect(self._pg_base()) as c:
                c.execute(f"DELETE FROM {self.table}")
                with c.cursor() as cur:
                    cur.executemany(f"INSERT INTO {self.table} VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)", rows)
                    if nodes is not None:
                        cur.execute(f"DELETE FROM {self.table}_merkle")
                        cur.executemany(f"INSERT INTO {self.table}_merkle VALUES (%s,%s,%s)", nodes)
                        cur.execute(f"UPDATE {self.table}_meta SET value=%s WHERE key='merkle_base'", (str(base),))


def _tree_nodes(entries: list[Entry]) -> list[tuple[int, int, bytes]]:
    """The stored nodes of a tree over ``entries`` (leaf 0 = the first entry), in post-order."""
    from aplguard.audit.chain import entry_leaf
    from aplguard.audit.merkle import append_nodes

    def missing(level: int, idx: int) -> bytes:
        raise AssertionError("a fresh tree reads no stored node")
    return append_nodes(0, [entry_leaf(e) for e in entries], missing)


def open_url(url: str, **kw):
    """open_sink (kept as a seam for the tests)."""
    from aplguard.audit import open_sink

    return open_sink(url, **kw)


def raw_store(url: str) -> RawStore:
    return RawStore(url)


def verify(url: str, **kw):
    from aplguard.audit import verify_log

    return verify_log(url, **kw)
