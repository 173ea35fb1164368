"""Gateway load test on loopback: the FastAPI gateway beside today's stdlib server, same run.

Starts both servers as subprocesses on 127.0.0.1 (same policy: the shipped default plus
the toy people), then drives them with an asyncio keep-alive HTTP/1.1 client (raw sockets,
pre-built requests: the cheapest client, so the numbers are the servers') at 1, 16 and
128 concurrent clients, each level bounded in time and count. Measures requests/s,
p50/p99 latency, errors and the server's memory (RSS, peak RSS).

Generation (``/v1/images/generations``, toy model, n=1) is compared with calling the
pipeline directly and with ``Guard`` directly, in a fresh subprocess with the same torch
thread setting as the server (1 thread).

Micro-batching (``--parts batching``): two gateways on the toy model, one with
micro-batching on (``batch_window_ms: 10``, ``batch_max_prompts: 8``, the defaults) and
one with it off (``batch_window_ms: 0``), started one after the other in the same run and
driven by 16 concurrent clients with same-parameter requests (bounded count); images/s,
p50/p99 and the mean batch size from the gateway's own ``aplguard_generation_batch_size``.

Targets (issue 14): ``/v1/check`` >= 2,000 requests/s and p99 <= 10 ms at 16 clients on
this 2-core machine; generation throughput within 10% of calling the pipeline directly.
The load generator shares the 2 cores with the server (and, here, with other jobs).

    python benchmarks/gateway.py [--seconds 4] [--gen-requests 40] [--parts check,generation,batching]

Prints a table and writes benchmarks/results/gateway.json; keys of parts not run this time
are kept from the file's previous contents.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

PY = sys.executable
CHECK_PROMPTS = ["a photo of alice on a beach", "a red circle on a blue background", "portrait of Kevin Brandt",
                 "a photo of a person with red hair", "a cat sitting on a chair, oil painting"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            k, v = line.split(":")
            fields[k] = int(v.split()[0])
    return fields.get("VmRSS", 0), fields.get("VmHWM", 0)


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1."):
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not become ready")


BASELINE = textwrap.dedent("""
    import sys
    from aplguard.demo import demo_policy
    from aplguard.integrations.http_service import make_server
    from aplguard.policy import PolicyEngine
    from aplguard.training import toyworld
    server = make_server(PolicyEngine(demo_policy(toyworld.names("all"))), "127.0.0.1", int(sys.argv[1]))
    server.serve_forever()
""")

DIRECT = textwrap.dedent("""
    import json, sys, tempfile, time, torch
    from aplguard.demo import demo_policy
    from aplguard.guard import Guard
    from aplguard.training import toyworld
    n = int(sys.argv[1]); torch.set_num_threads(1)
    pipe = toyworld.load_toy_pipeline()
    call = {"num_inference_steps": toyworld.DEFAULT_STEPS, "guidance_scale": toyworld.DEFAULT_GUIDANCE}
    prompt = "a photo of a person with red hair"
    pipe(prompt, **call)
    t = time.perf_counter()
    for _ in range(n):
        pipe(prompt, **call)
    bare = n / (time.perf_counter() - t)
    guard = Guard(pipe, prefix=toyworld.prefix_path(), policy=demo_policy(toyworld.names("all")),
                  audit=f"sqlite:///{tempfile.mkdtemp()}/a.db", faces=toyworld.ToyFaceAuditor())
    guard(prompt, **call)
    t = time.perf_counter()
    for _ in range(n):
        guard(prompt, **call)
    print(json.dumps({"pipeline_direct_per_s": bare, "guard_direct_per_s": n / (time.perf_counter() - t)}))
""")


class Result:
    def __init__(self) -> None:
        self.lat: list[float] = []
        self.errors = 0
        self.statuses: dict[int, int] = {}


async def _client(port: int, request: bytes, stop_at: float, budget: list[int], res: Result, warm_until: float):
    reader = writer = None
    while time.monotonic() < stop_at and budget[0] > 0:
        budget[0] -= 1
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
            t0 = time.perf_counter()
            writer.write(request)
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            lines = head.split(b"\r\n")
            status = int(lines[0].split(b" ", 2)[1])
            length = 0
            close = lines[0].startswith(b"HTTP/1.0")
            for line in lines[1:]:
                k, _, v = line.partition(b":")
                k = k.strip().lower()
                if k == b"content-length":
                    length = int(v)
                elif k == b"connection":
                    close = v.strip().lower() == b"close"
            if length:
                await reader.readexactly(length)
            dt = time.perf_counter() - t0
            if time.monotonic() >= warm_until:
                res.lat.append(dt)
                res.statuses[status] = res.statuses.get(status, 0) + 1
                if status != 200:
                    res.errors += 1
            if close:
                writer.close()
                reader = writer = None
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError):
            res.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def load(port: int, path: str, body: bytes, clients: int, seconds: float, max_requests: int,
         warmup: float) -> dict:
    request = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body

    async def run() -> tuple[Result, float]:
        res = Result()
        start = time.monotonic()
        stop_at = start + warmup + seconds
        budget = [max_requests]
        await asyncio.gather(*[_client(port, request, stop_at, budget, res, start + warmup) for _ in range(clients)])
        return res, time.monotonic() - start - warmup

    res, elapsed = asyncio.run(run())
    lat = sorted(res.lat)
    ok = sum(v for k, v in res.statuses.items() if k == 200)

    def pct(p: float) -> float | None:
        return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 3) if lat else None

    return {"clients": clients, "requests": len(lat), "ok": ok, "errors": res.errors,
            "statuses": {str(k): v for k, v in sorted(res.statuses.items())},
            "requests_per_s": round(ok / elapsed, 1) if elapsed > 0 else None,
            "p50_ms": pct(0.50), "p99_ms": pct(0.99),
            "mean_ms": round(statistics.fmean(lat) * 1000, 3) if lat else None, "seconds": round(elapsed, 2)}


def start(cmd: list[str], port: int) -> subprocess.Popen:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_ready(port, proc)
    return proc


def batch_size_stats(port: int) -> dict:
    """Guard calls and the requests they served, from the gateway's batch-size histogram."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        raw = b""
        while chunk := s.recv(65536):
            raw += chunk
    found = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        for name in ("count", "sum"):
            if line.startswith(f"aplguard_generation_batch_size_{name} "):
                found[name] = float(line.split()[1])
    calls, served = found.get("count", 0.0), found.get("sum", 0.0)
    return {"guard_calls": int(calls), "requests_served": int(served),
            "mean_batch": round(served / calls, 2) if calls else None}


def batching_compare(tmp: Path, requests: int, clients: int) -> dict:
    """Generation at ``clients`` concurrent clients with micro-batching on vs off (same run, one at a time)."""
    body = json.dumps({"prompt": "a photo of a person with red hair", "n": 1}).encode()
    out: dict = {"clients": clients, "requests": requests}
    for name, window in (("on", 10), ("off", 0)):
        cfg = tmp / f"gateway-batch-{name}.yaml"
        cfg.write_text(textwrap.dedent(f"""
            audit: sqlite:///{tmp}/audit-batch-{name}.db
            limits: {{key_requests_per_second: 1000000, key_burst: 1000000, key_chars_per_minute: 1000000000}}
            pipeline: {{queue_size: 256, timeout_s: 600, batch_window_ms: {window}, batch_max_prompts: 8}}
            server: {{limit_concurrency: 4096}}
        """))
        port = free_port()
        proc = start([PY, "-m", "aplguard.cli", "serve", "--config", str(cfg), "--port", str(port)], port)
        try:
            load(port, "/v1/images/generations", body, 2, 60.0, 4, 0.0)  # warm-up (not counted below)
            before = batch_size_stats(port)
            row = load(port, "/v1/images/generations", body, clients, 300.0, requests, 0.0)
            after = batch_size_stats(port)
            row["images_per_s"] = row["requests_per_s"]
            calls = after["guard_calls"] - before["guard_calls"]
            served = after["requests_served"] - before["requests_served"]
            row.update(guard_calls=calls, mean_batch=round(served / calls, 2) if calls else None,
                       batch_window_ms=window)
            row["rss_kib"], row["peak_rss_kib"] = rss_kib(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        out[name] = row
        print(f"generate batching {name:3} clients={clients} {row['images_per_s']:>7} img/s  p50 {row['p50_ms']} ms  "
              f"p99 {row['p99_ms']} ms  errors {row['errors']}  Guard calls {calls} (mean batch {row['mean_batch']})",
              flush=True)
    on, off = out["on"]["images_per_s"], out["off"]["images_per_s"]
    out["speedup"] = round(on / off, 3) if on and off else None
    out["load_during"] = os.getloadavg()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=4.0, help="measured seconds per /v1/check level")
    ap.add_argument("--gen-requests", type=int, default=40, help="generation requests per level (bounded)")
    ap.add_argument("--clients", default="1,16,128")
    ap.add_argument("--parts", default="check,generation,batching",
                    help="comma list of check, generation, batching (others keep their previous results)")
    ap.add_argument("--batch-requests", type=int, default=64,
                    help="generation requests per batching setting (16 clients)")
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "gateway.json"))
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    if parts - {"check", "generation", "batching"}:
        ap.error(f"--parts: unknown {sorted(parts - {'check', 'generation', 'batching'})}")
    levels = [int(x) for x in args.clients.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="aplguard-gw-bench-"))
    cfg = tmp / "gateway.yaml"
    cfg.write_text(textwrap.dedent(f"""
        audit: sqlite:///{tmp}/audit.db
        limits: {{key_requests_per_second: 1000000, key_burst: 1000000, key_chars_per_minute: 1000000000}}
        pipeline: {{queue_size: 256, timeout_s: 600}}
        server: {{limit_concurrency: 4096}}
    """))
    check_body = {i: json.dumps({"prompts": [CHECK_PROMPTS[i % len(CHECK_PROMPTS)]]}).encode()
                  for i in range(len(CHECK_PROMPTS))}
    body = check_body[0]
    gen_body = json.dumps({"prompt": "a photo of a person with red hair", "n": 1}).encode()
    previous: dict = {}
    if Path(args.out).is_file():  # keep what this run does not measure
        previous = json.loads(Path(args.out).read_text())
    out: dict = {**previous,
                 "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                             "platform": platform.platform()}}
    if parts & {"check", "generation"}:
        out["settings"] = {"seconds": args.seconds, "gen_requests": args.gen_requests, "clients": levels,
                           "check_prompt": CHECK_PROMPTS[0]}
    if "check" in parts:
        out["check"] = {}
    if "generation" in parts:
        out["generation"] = {}
    servers = {}
    try:
        if parts & {"check", "generation"}:
            gp, bp = free_port(), free_port()
            gw = start([PY, "-m", "aplguard.cli", "serve", "--config", str(cfg), "--port", str(gp)], gp)
            servers["gateway"] = (gw, gp)
        if "check" in parts:
            base = start([PY, "-c", BASELINE, str(bp)], bp)
            servers["stdlib_http_service"] = (base, bp)
            for name, (proc, port) in servers.items():
                rows = []
                load(port, "/v1/check", body, 4, 1.0, 2000, 0.0)  # warm caches
                for c in levels:
                    row = load(port, "/v1/check", body, c, args.seconds, 200_000, 0.5)
                    row["rss_kib"], row["peak_rss_kib"] = rss_kib(proc.pid)
                    rows.append(row)
                    print(f"check  {name:20} clients={c:4} {row['requests_per_s']:>9} req/s  p50 {row['p50_ms']} ms  "
                          f"p99 {row['p99_ms']} ms  errors {row['errors']}  rss {row['rss_kib'] // 1024} MiB",
                          flush=True)
                out["check"][name] = rows
        if "generation" in parts:
            rows = []
            for c in levels:
                row = load(gp, "/v1/images/generations", gen_body, c, 120.0, args.gen_requests, 0.0)
                row["images_per_s"] = row["requests_per_s"]
                row["rss_kib"], row["peak_rss_kib"] = rss_kib(gw.pid)
                rows.append(row)
                print(f"generate gateway clients={c:4} {row['requests_per_s']:>7} img/s  p50 {row['p50_ms']} ms  "
                      f"p99 {row['p99_ms']} ms  errors {row['errors']}", flush=True)
            out["generation"]["gateway"] = rows
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(timeout=30)
    if "generation" in parts:
        direct = json.loads(subprocess.run([PY, "-c", DIRECT, str(args.gen_requests)], check=True,
                                           capture_output=True, text=True).stdout.strip().splitlines()[-1])
        out["generation"]["direct"] = direct
        best = max(r["requests_per_s"] or 0 for r in out["generation"]["gateway"])
        out["generation"]["gateway_vs_pipeline"] = round(best / direct["pipeline_direct_per_s"], 3)
        out["generation"]["gateway_vs_guard"] = round(best / direct["guard_direct_per_s"], 3)
        print(f"generate direct: pipeline {direct['pipeline_direct_per_s']:.1f}/s, Guard "
              f"{direct['guard_direct_per_s']:.1f}/s; gateway best {best}/s "
              f"({out['generation']['gateway_vs_pipeline']:.2f}x pipeline, "
              f"{out['generation']['gateway_vs_guard']:.2f}x Guard)")
    if "batching" in parts:
        out["batching"] = batching_compare(tmp, args.batch_requests, 16)
        print(f"batching on vs off at 16 clients: {out['batching']['speedup']}x images/s")
    at16 = next((r for r in out.get("check", {}).get("gateway", []) if r["clients"] == 16), None)
    if at16 and "generation" in out:
        out["targets"] = {"check_16_clients_req_per_s": at16["requests_per_s"], "check_16_clients_p99_ms": at16["p99_ms"],
                          "check_target_met": bool(at16["requests_per_s"] and at16["requests_per_s"] >= 2000
                                                   and at16["p99_ms"] is not None and at16["p99_ms"] <= 10),
                          "generation_within_10pct_of_pipeline": out["generation"]["gateway_vs_pipeline"] >= 0.9}
    out["load"] = os.getloadavg()
    out["parts_run"] = sorted(parts)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
