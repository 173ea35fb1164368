"""Sinks: append, query, checkpoints, prune, and clear errors on bad input (every backend)."""

from __future__ import annotations

import errno
import os
import sqlite3

import pytest
from audit_helpers import KEY, days_ago, make_record, open_url, raw_store, verify

from aplguard.audit import AuditSink, RecordFilter, open_sink, verify_log
from aplguard.audit.jsonl_sink import JsonlSink
from aplguard.audit.sqlite_sink import SQLiteSink
from aplguard.errors import AuditError, ConfigError


def test_append_returns_ids_and_chain_verifies(log_url):
    with open_url(log_url, hmac_key=KEY, checkpoint_every=10) as sink:
        assert isinstance(sink, AuditSink) and sink.signed
        rid = sink.append(make_record(0))
        ids = sink.append_many([make_record(i) for i in range(1, 25)])
        assert rid and len(ids) == 24 and len(set(ids + [rid])) == 25
        assert sink.append_many([]) == []
        seq, head = sink.head()
    entries = raw_store(log_url).read()
    assert [e.seq for e in entries] == list(range(len(entries)))
    assert sum(e.kind == "checkpoint" for e in entries) == 2 and entries[10].kind == "checkpoint"
    assert (seq, head) == (entries[-1].seq, entries[-1].hash)
    res = verify(log_url, hmac_key=KEY)
    assert res.ok and res.records == 25 and res.checkpoints == 2 and res.signed, res.summary()


def test_query_filters(log_url):
    old, new = days_ago(10), days_ago(1)
    with open_url(log_url) as sink:
        sink.append_many([
            make_record(0, tenant="acme", ts=old, decision="block", rule="protect", faces=0),
            make_record(1, tenant="acme", ts=new, decision="anonymize", faces=2, match=("p1", 0.62)),
            make_record(2, tenant="globex", ts=new, decision="allow", faces=1, match=("p2", 0.31)),
        ])
        labels = lambda recs: sorted(r.labels["request"] for r in recs)  # noqa: E731
        assert labels(sink.query()) == ["r0", "r1", "r2"]
        assert labels(sink.query(tenant="acme")) == ["r0", "r1"]
        assert labels(sink.query(since=days_ago(5))) == ["r1", "r2"]
        assert labels(sink.query(until=days_ago(5))) == ["r0"]
        assert labels(sink.query(decision="block")) == ["r0"]
        assert labels(sink.query(rule="protect")) == ["r0"]
        assert labels(sink.query(identity="p1")) == ["r1"]
        assert labels(sink.query(min_match=0.5)) == ["r1"]
        assert labels(sink.query(identity="p2", min_match=0.5)) == []
        assert labels(sink.query(has_faces=True)) == ["r1", "r2"]
        assert labels(sink.query(has_faces=False)) == ["r0"]
        assert labels(sink.query(RecordFilter(tenant="globex", decision="allow"))) == ["r2"]
        assert len(sink.query(limit=2)) == 2
        with pytest.raises(ConfigError, match="unknown query criterion"):
            sink.query(colour="red")
        with pytest.raises(ConfigError, match="since"):
            sink.query(since="last tuesday")


def test_records_round_trip_unchanged(log_url):
    recs = [make_record(i, match=("p1", 0.5)) for i in range(3)]
    with open_url(log_url) as sink:
        sink.append_many(recs)
        assert sink.query() == recs


def test_prune_keeps_chain_verifiable(log_url):
    with open_url(log_url, hmac_key=KEY, checkpoint_every=4) as sink:
        sink.append_many([make_record(i, ts=days_ago(30 - i)) for i in range(10)])  # 30..21 days old
        sink.append_many([make_record(i, ts=days_ago(1)) for i in range(10, 13)])
        res = sink.prune(days_ago(15).date().isoformat())
        assert res.pruned_entries > 0 and res.anchor_seq is not None
        kept = sink.query()
        assert [r.labels["request"] for r in kept] == ["r10", "r11", "r12"]
        again = sink.prune(days_ago(15))
        assert again.pruned_entries == 0 and again.anchor_seq is None
        sink.append(make_record(99))
    out = verify(log_url, hmac_key=KEY)
    assert out.ok and out.first_seq == res.first_kept_seq and out.records == 4, out.summary()


def test_prune_everything_then_append(log_url):
    with open_url(log_url, checkpoint_every=0) as sink:
        sink.append_many([make_record(i, ts=days_ago(5)) for i in range(3)])
        res = sink.prune("2999-01-01")
        assert res.pruned_entries == 3 and sink.query() == []
        sink.append(make_record(5))
    assert verify(log_url).ok


def test_prune_of_signed_log_needs_the_key(log_url):
    with open_url(log_url, hmac_key=KEY) as sink:
        sink.append(make_record(0, ts=days_ago(3)))
    with open_url(log_url, create=False) as sink, pytest.raises(ConfigError, match="needs its HMAC key"):
        sink.prune(days_ago(1))


def test_closed_sink_raises(log_url):
    sink = open_url(log_url)
    sink.close()
    sink.close()  # idempotent
    with pytest.raises(AuditError, match="closed"):
        sink.append(make_record(0))


def test_invalid_record_and_nan_are_audit_errors(log_url):
    with open_url(log_url) as sink:
        with pytest.raises(AuditError, match="prompts"):
            sink.append({"prompts": [{"index": -1}]})
        with pytest.raises(AuditError, match="NaN|Out of range"):
            sink.append(make_record(0).model_copy(update={"latency_ms": {"total": float("nan")}}))
        with pytest.raises(AuditError, match="AuditRecord or dict"):
            sink.append("not a record")
        assert sink.query() == []  # nothing half-written


# -- URLs and open errors ---------------------------------------------------------

def test_open_sink_schemes_and_options(tmp_path, monkeypatch):
    with open_sink(f"sqlite:///{tmp_path}/a.db?checkpoint_every=7&synchronous=full") as s:
        assert isinstance(s, SQLiteSink) and s._builder.checkpoint_every == 7
        assert open_sink(s) is s
    with open_sink(f"jsonl:///{tmp_path}/a.jsonl", fsync=True) as s:
        assert isinstance(s, JsonlSink) and s.fsync
    with open_sink(str(tmp_path / "bare.db")) as s:
        assert isinstance(s, SQLiteSink)
    monkeypatch.chdir(tmp_path)
    with open_sink("sqlite:///relative.db"):
        assert (tmp_path / "relative.db").exists()


@pytest.mark.parametrize("url, message", [
    ("ftp://host/log", "unknown audit sink scheme 'ftp'"),
    ("audit.txt", "has no scheme"),
    ("sqlite://relative.db", "expected sqlite:///"),
    ("sqlite:///x.db?colour=red", "unknown audit sink option"),
    ("jsonl:///x.jsonl?fsync=maybe", "boolean"),
    ("sqlite:///x.db?checkpoint_every=often", "checkpoint_every"),
    ("sqlite:///x.db?synchronous=sometimes", "synchronous"),
    ("", "non-empty"),
])
def test_bad_urls_are_config_errors(url, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=message):
        open_sink(url)


def test_empty_key_is_config_error(tmp_path):
    with pytest.raises(ConfigError, match="key is empty"):
        open_sink(f"sqlite:///{tmp_path}/a.db", hmac_key="")


@pytest.mark.parametrize("scheme", ["sqlite", "jsonl"])
def test_unwritable_path(tmp_path, scheme):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(AuditError, match=str(blocker)):
        open_sink(f"{scheme}:///{blocker}/sub/audit.{'db' if scheme == 'sqlite' else 'jsonl'}")


@pytest.mark.parametrize("scheme", ["sqlite", "jsonl"])
def test_missing_log_with_create_false(tmp_path, scheme):
    with pytest.raises(AuditError, match="no audit log"):
        open_sink(f"{scheme}:///{tmp_path}/none.{scheme}", create=False)
    assert not list(tmp_path.iterdir())  # read-only tools create nothing


def test_corrupt_sqlite_file(tmp_path):
    path = tmp_path / "audit.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(AuditError, match="not an aplguard SQLite audit log|file is not a database"):
        open_sink(f"sqlite:///{path}")
    res = verify_log(f"sqlite:///{path}")
    assert not res.ok and "file is not a database" in res.reason


def test_foreign_sqlite_file_read_only(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE t (x)")
    with pytest.raises(AuditError, match="without an aplguard audit log"):
        open_sink(f"sqlite:///{path}", create=False)


class _FullDisk:
    """Wraps an sqlite3 connection; inserts fail like on a full disk."""

    def __init__(self, conn):
        self._conn = conn

    def executemany(self, *a):
        raise sqlite3.OperationalError("database or disk is full")

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_sqlite_full_disk_is_audit_error_and_loses_nothing(tmp_path):
    url = f"sqlite:///{tmp_path}/audit.db"
    with open_sink(url) as sink:
        sink.append(make_record(0))
        real = sink._conn
        sink._conn = _FullDisk(real)
        with pytest.raises(AuditError, match="disk is full"):
            sink.append(make_record(1))
        sink._conn = real
        assert not real.in_transaction
        sink.append(make_record(2))
    res = verify_log(url)
    assert res.ok and res.records == 2


def test_jsonl_full_disk(tmp_path, monkeypatch):
    url = f"jsonl:///{tmp_path}/audit.jsonl"
    path = tmp_path / "audit.jsonl"
    with open_sink(url) as sink:
        sink.append(make_record(0))
        size = path.stat().st_size
        real_write = os.write

        def enospc(fd, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "write", enospc)
        with pytest.raises(AuditError, match="No space left on device"):
            sink.append(make_record(1))

        def short(fd, data):  # the disk fills up half-way through the line
            return real_write(fd, data[: len(data) // 2])

        monkeypatch.setattr(os, "write", short)
        with pytest.raises(AuditError, match="short write"):
            sink.append(make_record(2))
        monkeypatch.setattr(os, "write", real_write)
        assert path.stat().st_size == size  # the partial line was cut off
        sink.append(make_record(3))
    res = verify_log(url)
    assert res.ok and res.records == 2 and not any("torn" in w for w in res.warnings)


def test_postgres_unreachable_is_audit_error_without_password():
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'aplguard[postgres]')")
    with pytest.raises(AuditError, match="cannot connect") as info:
        open_sink("postgresql://user:s3cret@127.0.0.1:1/db?connect_timeout=2")
    assert "s3cret" not in str(info.value) and "user:***@" in str(info.value)


def test_postgres_bad_table_name():
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'aplguard[postgres]')")
    with pytest.raises(ConfigError, match="table name"):
        open_sink("postgresql://u@127.0.0.1:1/db", table="x; DROP TABLE y")


def test_missing_log_with_create_false_any_backend(log_url):
    with pytest.raises(AuditError, match="no audit"):
        open_url(log_url, create=False)
    res = verify(log_url)
    assert not res.ok and "no audit" in res.reason


@pytest.mark.parametrize("scheme", ["sqlite", "jsonl"])
def test_relative_path_survives_chdir(tmp_path, monkeypatch, scheme):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    with open_sink(f"{scheme}:///log.{scheme}") as sink:
        sink.append(make_record(0))
        monkeypatch.chdir(tmp_path / "b")
        sink.append(make_record(1))
        assert len(sink.query()) == 2
    assert not list((tmp_path / "b").iterdir())
