"""Audit-log speed: append throughput, single-record latency, verify throughput.

Compares the hash-chained, signed sinks with what a user would otherwise write:
plain ``json.dumps`` rows in SQLite / lines in a file (no chain, no MAC, no
lock). Targets (issue 6): >= 5,000 records/s appended to SQLite in batches,
>= 50,000 records/s verified. Issue 15 (the Merkle tree): >= 10,000 records/s
appended to SQLite in batches with the tree, within 20% of the chain-only rate
(the same sink with tree maintenance switched off, side by side in this run);
inclusion proofs at 1M leaves <= 1 ms; consistency proof time; verify rate
(chain + MACs + recomputed tree).

    python benchmarks/audit.py [--records 20000] [--repeats 3] [--merkle-leaves 1000000]

Prints a table and writes benchmarks/results/audit.json. PostgreSQL rows are
added when APLGUARD_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from aplguard.audit import AuditRecord, OutputRecord, PromptRecord, open_sink, store_prompt, verify_log
from aplguard.audit.merkle import append_nodes, leaf_hash, verify_consistency, verify_inclusion

KEY = "benchmark-key-0123456789abcdef"
BATCH = 100


def record(i: int) -> AuditRecord:
    """A typical record: one prompt with a finding, one output with a face match."""
    return AuditRecord(
        tenant=f"tenant-{i % 7}", labels={"request": f"req-{i}"},
        policy={"name": "default", "version": "3", "sha256": "ab" * 32}, model_id="sd15", prefix_id="apl-sd15-v1",
        prompts=[PromptRecord(index=0, decision=("allow", "anonymize", "block")[i % 3], rule=f"rule-{i % 9}",
                              flagged=i % 11 == 0, identity_seeking=i % 3 != 0,
                              findings=[{"kind": "public_figure", "start": 11, "end": 23, "score": 0.93,
                                         "detector": "names"}],
                              prompt=store_prompt(f"a photo of someone number {i}", "hash", key=KEY))],
        outputs=[OutputRecord(index=0, prompt_index=0, image_sha256=f"{i:064x}", faces=1,
                              matches=[{"identity": "id-17", "score": 0.41}], action="none")],
        latency_ms={"screen": 0.3, "generate": 1500.0, "faces": 4.1, "total": 1505.0})


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def bench_sink(url: str, recs: list[AuditRecord], single: int, chain_only: bool = False, **opts) -> dict:
    """Batch throughput (append_many of BATCH), single-append latency, verify throughput.

    ``chain_only``: the SQLite sink with Merkle tree maintenance switched off (what
    the sink did before issue 15), to compare the cost of the tree in the same run.
    """
    with open_sink(url, hmac_key=KEY, **opts) as sink:
        if chain_only:
            sink._base = None  # benchmark-only: no stored tree, so appends skip the tree update
        batch_s = timed(lambda: [sink.append_many(recs[i:i + BATCH]) for i in range(0, len(recs), BATCH)])
        lat = []
        for r in recs[:single]:
            t = time.perf_counter()
            sink.append(r)
            lat.append(time.perf_counter() - t)
        res = None

        def run_verify():
            nonlocal res
            res = verify_log(sink, hmac_key=KEY)

        verify_s = timed(run_verify)
    assert res.ok, res.summary()
    return {"append_batch_rps": len(recs) / batch_s, "single_ms_median": statistics.median(lat) * 1e3,
            "single_ms_p95": sorted(lat)[int(0.95 * (len(lat) - 1))] * 1e3,
            "verify_eps": res.entries / verify_s, "verify_entries": res.entries}


def bench_baseline_sqlite(path: str, recs: list[AuditRecord], single: int) -> dict:
    """Plain SQLite: one JSON row per record, no chain, same WAL/synchronous settings."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE log (id TEXT, ts TEXT, body TEXT)")

    def batch():
        for i in range(0, len(recs), BATCH):
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO log VALUES (?,?,?)",
                             [(r.id, r.timestamp_str, r.model_dump_json()) for r in recs[i:i + BATCH]])
            conn.execute("COMMIT")

    batch_s = timed(batch)
    lat = []
    for r in recs[:single]:
        t = time.perf_counter()
        conn.execute("INSERT INTO log VALUES (?,?,?)", (r.id, r.timestamp_str, r.model_dump_json()))
        lat.append(time.perf_counter() - t)
    n = 0

    def read():
        nonlocal n
        for (body,) in conn.execute("SELECT body FROM log"):
            json.loads(body)
            n += 1

    read_s = timed(read)
    conn.close()
    return {"append_batch_rps": len(recs) / batch_s, "single_ms_median": statistics.median(lat) * 1e3,
            "single_ms_p95": sorted(lat)[int(0.95 * (len(lat) - 1))] * 1e3, "verify_eps": n / read_s,
            "verify_entries": n}


def bench_baseline_jsonl(path: str, recs: list[AuditRecord], single: int) -> dict:
    """Plain file of JSON lines (what `logger.info(json.dumps(...))` amounts to)."""
    with open(path, "a", encoding="utf-8") as f:
        def batch():
            for i in range(0, len(recs), BATCH):
                f.write("".join(r.model_dump_json() + "\n" for r in recs[i:i + BATCH]))
                f.flush()

        batch_s = timed(batch)
        lat = []
        for r in recs[:single]:
            t = time.perf_counter()
            f.write(r.model_dump_json() + "\n")
            f.flush()
            lat.append(time.perf_counter() - t)
    n = 0

    def read():
        nonlocal n
        with open(path, encoding="utf-8") as f:
            for line in f:
                json.loads(line)
                n += 1

    read_s = timed(read)
    return {"append_batch_rps": len(recs) / batch_s, "single_ms_median": statistics.median(lat) * 1e3,
            "single_ms_p95": sorted(lat)[int(0.95 * (len(lat) - 1))] * 1e3, "verify_eps": n / read_s,
            "verify_entries": n}


def bench_merkle(d: str, n: int, samples: int = 300) -> dict:
    """Proof times on an SQLite tree of ``n`` leaves, built directly through the tree module."""
    import hashlib
    import random

    url = f"sqlite:///{d}/m.db"
    t = time.perf_counter()
    leaves = [leaf_hash(hashlib.sha256(i.to_bytes(8, "big")).digest()) for i in range(n)]

    def none(level: int, index: int) -> bytes:
        raise AssertionError("a fresh tree reads nothing")
    nodes = append_nodes(0, leaves, none)
    with open_sink(url, hmac_key=KEY) as sink, sqlite3.connect(f"{d}/m.db") as c:
        c.executemany("INSERT INTO audit_merkle VALUES (?,?,?)", nodes)
    build_s = time.perf_counter() - t
    rnd = random.Random(15)
    with open_sink(url, hmac_key=KEY) as sink:
        assert sink.tree_size() == n
        root = sink.tree_root()
        inc = []
        for _ in range(samples):
            i = rnd.randrange(n)
            t = time.perf_counter()
            p = sink.inclusion_proof(index=i, include_entry=False)
            inc.append(time.perf_counter() - t)
            assert verify_inclusion(leaves[i], i, n, [bytes.fromhex(h) for h in p["audit_path"]], root)
        cons = []
        for _ in range(samples // 3):
            m = rnd.randrange(1, n)
            t = time.perf_counter()
            p = sink.consistency_proof(m, n)
            cons.append(time.perf_counter() - t)
            assert verify_consistency(m, n, bytes.fromhex(p["first_root"]), root,
                                      [bytes.fromhex(h) for h in p["consistency_path"]])

    def pct(xs: list[float], q: float) -> float:
        return sorted(xs)[int(q * (len(xs) - 1))] * 1e3
    return {"leaves": n, "build_s": build_s, "stored_nodes": len(nodes),
            "inclusion_proof_ms_median": statistics.median(inc) * 1e3, "inclusion_proof_ms_p95": pct(inc, 0.95),
            "consistency_proof_ms_median": statistics.median(cons) * 1e3, "consistency_proof_ms_p95": pct(cons, 0.95)}


def median_of(runs: list[dict]) -> dict:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--single", type=int, default=300, help="records appended one at a time for latency")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--merkle-leaves", type=int, default=1_000_000, help="tree size for the proof timings")
    args = ap.parse_args()

    t = time.perf_counter()
    recs = [record(i) for i in range(args.records)]
    build_us = (time.perf_counter() - t) / args.records * 1e6

    cases = {
        "aplguard sqlite (chained+MAC)": lambda d: bench_sink(f"sqlite:///{d}/a.db", recs, args.single),
        "aplguard sqlite chain only (no tree)": lambda d: bench_sink(f"sqlite:///{d}/a.db", recs, args.single,
                                                                     chain_only=True),
        "aplguard sqlite synchronous=full": lambda d: bench_sink(f"sqlite:///{d}/a.db", recs, args.single,
                                                                 synchronous="full"),
        "aplguard jsonl (chained+MAC)": lambda d: bench_sink(f"jsonl:///{d}/a.jsonl", recs, args.single),
        "aplguard jsonl fsync": lambda d: bench_sink(f"jsonl:///{d}/a.jsonl", recs, args.single, fsync=True),
        "baseline sqlite json rows": lambda d: bench_baseline_sqlite(f"{d}/b.db", recs, args.single),
        "baseline jsonl file": lambda d: bench_baseline_jsonl(f"{d}/b.jsonl", recs, args.single),
    }
    pg = os.environ.get("APLGUARD_TEST_POSTGRES_URL")
    if pg:
        def pg_case(d):
            table = f"bench_{os.getpid()}_{int(time.time() * 1000) % 10**8}"
            try:
                return bench_sink(pg, recs, args.single, table=table)
            finally:
                with open_sink(pg, table=table, hmac_key=KEY) as s:
                    s.drop()
        cases["aplguard postgresql (chained+MAC)"] = pg_case

    results: dict[str, dict] = {name: {} for name in cases}
    runs: dict[str, list[dict]] = {name: [] for name in cases}
    for _ in range(args.repeats):  # interleaved, so load changes hit the tree and chain-only rows alike
        for name, fn in cases.items():
            with tempfile.TemporaryDirectory() as d:
                runs[name].append(fn(d))
    results = {name: median_of(r) for name, r in runs.items()}
    with tempfile.TemporaryDirectory() as d:
        merkle = bench_merkle(d, args.merkle_leaves)

    base_sql, base_file = results["baseline sqlite json rows"], results["baseline jsonl file"]
    print(f"{args.records} records, batches of {BATCH}, {args.single} single appends, median of {args.repeats} runs;"
          f" building+validating one record: {build_us:.1f} us")
    print(f"{'sink':36} {'append rec/s':>13} {'single ms p50':>14} {'p95':>7} {'verify rec/s':>13} {'vs baseline':>12}")
    for name, r in results.items():
        base = base_file if "jsonl" in name else base_sql
        ratio = r["append_batch_rps"] / base["append_batch_rps"]
        print(f"{name:36} {r['append_batch_rps']:13,.0f} {r['single_ms_median']:14.3f} {r['single_ms_p95']:7.3f} "
              f"{r['verify_eps']:13,.0f} {ratio:11.2f}x")
    main_row = results["aplguard sqlite (chained+MAC)"]
    chain_row = results["aplguard sqlite chain only (no tree)"]
    # Median of the per-repeat ratios: each repeat runs the two rows back to back, so a load swing
    # between repeats does not skew the comparison.
    tree_ratio = statistics.median(
        a["append_batch_rps"] / b["append_batch_rps"]
        for a, b in zip(runs["aplguard sqlite (chained+MAC)"], runs["aplguard sqlite chain only (no tree)"]))
    del chain_row
    print(f"Merkle tree: appends with the tree at {tree_ratio:.2f}x the chain-only rate; {merkle['leaves']:,} leaves "
          f"built in {merkle['build_s']:.1f} s; inclusion proof {merkle['inclusion_proof_ms_median']:.3f} ms "
          f"(p95 {merkle['inclusion_proof_ms_p95']:.3f}); consistency proof "
          f"{merkle['consistency_proof_ms_median']:.3f} ms (p95 {merkle['consistency_proof_ms_p95']:.3f})")
    # The targets are for the default sink (SQLite); the other rows are for comparison.
    targets = {"sqlite append_batch_rps>=5000": main_row["append_batch_rps"] >= 5000,
               "sqlite verify_eps>=50000": main_row["verify_eps"] >= 50000,
               "sqlite append with tree >=10000": main_row["append_batch_rps"] >= 10000,
               "tree append within 20% of chain-only": tree_ratio >= 0.8,
               "inclusion proof at 1M <=1ms": merkle["inclusion_proof_ms_median"] <= 1.0}
    print("targets:", ", ".join(f"{k}: {'met' if v else 'MISSED'}" for k, v in targets.items()))

    import pydantic
    out = {
        "benchmark": "audit", "command": "python benchmarks/audit.py " + " ".join(sys.argv[1:]),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                    "processor": platform.processor(), "loadavg_at_end": os.getloadavg()},
        "versions": {"sqlite": sqlite3.sqlite_version, "pydantic": pydantic.VERSION},
        "params": {"records": args.records, "batch": BATCH, "single": args.single, "repeats": args.repeats},
        "record_build_us": build_us, "results": results,
        "ratios_vs_baseline_append": {n: r["append_batch_rps"] / (base_file if "jsonl" in n else base_sql)[
            "append_batch_rps"] for n, r in results.items() if n.startswith("aplguard")},
        "ratios_vs_baseline_read": {n: r["verify_eps"] / (base_file if "jsonl" in n else base_sql)["verify_eps"]
                                    for n, r in results.items() if n.startswith("aplguard")},
        "targets": targets,
        "merkle": {**merkle, "append_with_tree_vs_chain_only": tree_ratio},
    }
    if pg:
        import psycopg
        out["versions"]["psycopg"] = psycopg.__version__
    path = Path(__file__).resolve().parent / "results" / "audit.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(out, indent=2))
    print(f"wrote {path}")
    return 0 if all(targets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
