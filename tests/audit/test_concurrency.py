"""Concurrent writers (threads and processes) and crashes (SIGKILL mid-write, torn JSONL lines)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from audit_helpers import KEY, make_record, open_url, raw_store, verify

from aplguard.audit import open_sink, verify_log

HERE = Path(__file__).resolve().parent

# A writer process: appends records (alone or in small batches) and prints the
# running count after each committed append, so the parent knows what is durable.
WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {here!r})
    from audit_helpers import make_record, open_url
    url, n, batch, tag = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    done = 0
    with open_url(url, hmac_key={key!r}, checkpoint_every=16) as sink:
        while n < 0 or done < n:
            recs = [make_record(done + j, tenant=tag) for j in range(batch)]
            sink.append_many(recs)
            done += batch
            print(done, flush=True)
""")


def _spawn(url: str, n: int, batch: int, tag: str) -> subprocess.Popen:
    code = WRITER.format(here=str(HERE), key=KEY)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-c", code, url, str(n), str(batch), tag],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_threads_share_one_sink(log_url):
    with open_url(log_url, hmac_key=KEY, checkpoint_every=16) as sink:
        ids: list[str] = []
        lock = threading.Lock()

        def work(t: int) -> None:
            for i in range(25):
                rid = sink.append(make_record(i, tenant=f"t{t}")) if i % 2 else \
                    sink.append_many([make_record(i, tenant=f"t{t}")])[0]
                with lock:
                    ids.append(rid)

        threads = [threading.Thread(target=work, args=(t,)) for t in range(6)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    stored = [e.rid for e in raw_store(log_url).read() if e.kind == "record"]
    assert sorted(stored) == sorted(ids) and len(ids) == 150
    res = verify(log_url, hmac_key=KEY)
    assert res.ok and res.records == 150, res.summary()


def test_processes_never_fork_the_chain(log_url):
    procs = [_spawn(log_url, 40, 1 + p % 3, f"proc{p}") for p in range(4)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    entries = raw_store(log_url).read()
    records = [e for e in entries if e.kind == "record"]
    per_tenant = {t: sum(e.tenant == t for e in records) for t in {e.tenant for e in records}}
    # each writer writes full batches until it reaches at least 40 records
    assert per_tenant == {f"proc{p}": -(-40 // (1 + p % 3)) * (1 + p % 3) for p in range(4)}
    assert len({e.rid for e in records}) == len(records)
    res = verify(log_url, hmac_key=KEY)
    assert res.ok and res.records == len(records), res.summary()


@pytest.mark.parametrize("scheme", ["sqlite", "jsonl"])
def test_sigkill_mid_write_leaves_a_verifiable_log(tmp_path, scheme):
    url = f"{scheme}:///{tmp_path}/audit.{scheme}"
    procs = [_spawn(url, -1, 1 + k * 7, f"w{k}") for k in range(2)]  # endless writers
    try:
        firsts = [int(p.stdout.readline()) for p in procs]  # each has committed something ...
        time.sleep(0.3)  # ... now let them race, and kill them wherever they are
    finally:
        for p in procs:
            p.send_signal(signal.SIGKILL)
            p.wait(timeout=30)
    committed = [max([first] + [int(x) for x in p.stdout.read().split()]) for p, first in zip(procs, firsts)]
    res = verify_log(url, hmac_key=KEY)
    assert res.ok, res.summary()
    per_writer = {f"w{k}": 0 for k in range(2)}
    for e in raw_store(url).read():
        if e.kind == "record":
            per_writer[e.tenant] += 1
    for k in range(2):  # everything a writer reported as committed is there
        assert per_writer[f"w{k}"] >= committed[k]
    with open_sink(url, hmac_key=KEY) as sink:  # and the log takes new records
        sink.append(make_record(0))
    assert verify_log(url, hmac_key=KEY).ok


def test_jsonl_torn_last_line_is_reported_then_repaired(tmp_path):
    url = f"jsonl:///{tmp_path}/audit.jsonl"
    path = tmp_path / "audit.jsonl"
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append_many([make_record(i) for i in range(3)])
    good = path.read_bytes()
    torn = b'{"seq":3,"kind":"record","rid":"abc","ts":"2026-'
    path.write_bytes(good + torn)  # what a crash in the middle of a write leaves
    res = verify_log(url, hmac_key=KEY)
    assert res.ok and res.records == 3
    assert any("torn last line" in w and str(len(torn)) in w for w in res.warnings)
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append(make_record(3))
        assert sink.repairs == [(len(good), len(torn), str(path) + ".torn")]
    assert (tmp_path / "audit.jsonl.torn").read_bytes() == torn + b"\n"  # kept for forensics
    res = verify_log(url, hmac_key=KEY)
    assert res.ok and res.records == 4 and not any("torn" in w for w in res.warnings)


def test_jsonl_prune_while_another_writer_holds_the_file(tmp_path):
    url = f"jsonl:///{tmp_path}/audit.jsonl"
    writer, pruner = open_sink(url), open_sink(url)
    try:
        writer.append_many([make_record(i) for i in range(5)])
        pruner.prune("2999-01-01")  # replaces the file
        writer.append(make_record(9))  # must go to the new file, not the unlinked one
    finally:
        writer.close()
        pruner.close()
    res = verify_log(url)
    assert res.ok and res.records == 1 and res.first_seq == 5


# Dies at the worst moment: SQLite after inserting, before COMMIT; JSONL after
# writing half of the line. Deterministic, unlike killing from outside.
DIE_MID_WRITE = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {here!r})
    from audit_helpers import make_record
    from aplguard.audit import open_sink
    url = sys.argv[1]
    sink = open_sink(url, hmac_key={key!r})
    sink.append_many([make_record(i) for i in range(3)])

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    if url.startswith("sqlite"):
        class Conn:
            def __init__(self, c): self.c = c
            def execute(self, sql, *a):
                if sql == "COMMIT":
                    die()
                return self.c.execute(sql, *a)
            def __getattr__(self, n): return getattr(self.c, n)
        sink._conn = Conn(sink._conn)
    else:
        real = os.write
        def half(fd, data):
            real(fd, data[: len(data) // 2])
            die()
        os.write = half
    sink.append_many([make_record(i) for i in range(3, 6)])
""")


@pytest.mark.parametrize("scheme", ["sqlite", "jsonl"])
def test_killed_inside_the_write(tmp_path, scheme):
    url = f"{scheme}:///{tmp_path}/audit.{scheme}"
    code = DIE_MID_WRITE.format(here=str(HERE), key=KEY)
    proc = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    res = verify_log(url, hmac_key=KEY)
    assert res.ok, res.summary()  # up to the last committed record
    if scheme == "sqlite":
        assert res.records == 3  # the transaction is gone as a whole
    else:  # complete lines of the half-written batch survive; the torn one is reported
        assert res.records == 4 and any("torn last line" in w for w in res.warnings)
    before = res.records
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append(make_record(7))
    res = verify_log(url, hmac_key=KEY)
    assert res.ok and res.records == before + 1 and not any("torn" in w for w in res.warnings)
