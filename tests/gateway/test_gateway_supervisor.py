"""`aplguard serve --workers 2` as a supervisor, against the real server on loopback.

Each test runs the serve command in a subprocess (its own TMPDIR, so the per-run
metrics directory is visible) and finds its worker processes in /proc. A dead worker
is replaced and the metrics stay exact; a worker that cannot load its model at start-up
ends in a crash loop that stops serve with exit 1; SIGTERM lets an in-flight request
finish and exits 0, or kills a worker still busy after the grace period and exits 1; a
frozen worker (SIGSTOP) stops beating and is killed and replaced, and so is a worker whose
generation stalls (a real toy-model generation far longer than pipeline.stall_timeout_s).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from gateway_helpers import per_worker_check_requests

pytestmark = pytest.mark.slow  # each test starts a two-worker gateway (seconds on a loaded machine)

START_S = 180  # bound on the workers' start-up (a busy 2-core machine)
STOP_S = 60
REQUESTS_LINE = re.compile(r'^aplguard_requests_total\{endpoint="check",status="200"\} (\S+)$', re.M)
BODY = json.dumps({"prompts": ["a red bicycle by the sea"]}).encode()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> set[int]:
    """Live (not zombie) child processes of ``pid``, from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, IndexError, ValueError):
            continue
        if int(ppid) == pid and state != "Z":
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class Serve:
    """``aplguard serve --workers 2 --config ...`` in a subprocess; output in a file."""

    def __init__(self, tmp_path: Path, yaml: str, workers: int = 2):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cfg = tmp_path / "gw.yaml"
        cfg.write_text(f"audit: sqlite:///{tmp_path}/a.db\nreview: false\n{yaml}")
        self.tmp = tmp_path / "tmp"
        self.tmp.mkdir()
        self.log = tmp_path / "serve.log"
        env = {**os.environ, "TMPDIR": str(self.tmp)}
        env.pop("PROMETHEUS_MULTIPROC_DIR", None)
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "aplguard.cli", "serve", "--config", str(cfg),
                                          "--port", str(self.port), "--workers", str(workers)],
                                         env=env, stdout=out, stderr=subprocess.STDOUT)

    @property
    def output(self) -> str:
        return self.log.read_text(errors="replace")

    @property
    def metrics_dir(self) -> Path:
        [d] = self.tmp.glob("aplguard-metrics-*")
        return d

    def wait_workers(self, n: int, timeout: float = START_S) -> set[int]:
        """The pids once ``n`` workers run and each has loaded its app (its live gauge file exists)."""
        deadline = time.monotonic() + timeout
        while True:
            pids = _children(self.proc.pid)
            dirs = list(self.tmp.glob("aplguard-metrics-*"))
            if len(pids) == n and dirs and all((dirs[0] / f"gauge_livesum_{p}.db").exists() for p in pids):
                return pids
            assert self.proc.poll() is None, f"serve exited early:\n{self.output}"
            assert time.monotonic() < deadline, f"{n} workers did not start:\n{self.output}"
            time.sleep(0.3)

    def wait(self, timeout: float = STOP_S) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"serve did not exit within {timeout} s:\n{self.output}") from None

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()  # the workers notice their parent is gone and stop
            self.proc.wait()


@pytest.fixture
def serving(tmp_path):
    started: list[Serve] = []

    def start(yaml: str) -> Serve:
        started.append(Serve(tmp_path, yaml))
        return started[-1]

    yield start
    for s in started:
        s.close()


def _check(url: str) -> int:
    with httpx.Client(timeout=30) as c:  # a fresh connection per request: either worker may take it
        return c.post(url + "/v1/check", content=BODY, headers={"Content-Type": "application/json"}).status_code


def _scraped_total(url: str) -> float:
    with httpx.Client(timeout=30) as c:
        m = REQUESTS_LINE.search(c.get(url + "/metrics").text)
    return float(m.group(1)) if m else 0.0


def _send_until_served_by(url: str, metrics_dir: Path, pids: set[int], limit: int = 800) -> int:
    """Send /v1/check requests (all must answer 200) until every worker in ``pids`` counted some."""
    sent = 0
    with ThreadPoolExecutor(8) as pool:
        while sent < limit:
            assert set(pool.map(_check, [url] * 40)) == {200}
            sent += 40
            counts = per_worker_check_requests(metrics_dir)
            if all(counts.get(p, 0) >= 3 for p in pids):
                return sent
    raise AssertionError(f"not every worker of {pids} served requests: {per_worker_check_requests(metrics_dir)}")


def _open_partial_request(port: int) -> socket.socket:
    """A /v1/check request whose head and half its body are sent: in flight until the rest comes."""
    conn = socket.create_connection(("127.0.0.1", port), timeout=60)
    head = (f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(BODY)}\r\n\r\n").encode()
    conn.sendall(head + BODY[:10])
    return conn


def _refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    except ConnectionRefusedError:
        return True
    return False


def test_a_killed_worker_is_replaced_the_totals_stay_exact_and_sigterm_exits_0(serving):
    srv = serving("pipeline: {enabled: false}\n")
    first = srv.wait_workers(2)
    metrics_dir = srv.metrics_dir
    sent = _send_until_served_by(srv.url, metrics_dir, first)

    victim = min(first)
    os.kill(victim, signal.SIGKILL)  # as the OOM killer would
    assert {_check(srv.url) for _ in range(10)} == {200}  # the other worker serves meanwhile
    sent += 10
    now = srv.wait_workers(2)
    [replacement] = now - first
    assert victim not in now and (now - {replacement}) == first - {victim}
    assert not (metrics_dir / f"gauge_livesum_{victim}.db").exists()  # marked dead: its live gauge is gone
    assert f"gateway worker {victim} was killed by SIGKILL; started worker {replacement} in its place" in srv.output

    sent += _send_until_served_by(srv.url, metrics_dir, {replacement})  # the new worker serves on the same socket
    per_worker = per_worker_check_requests(metrics_dir)
    assert per_worker[victim] > 0 and sum(per_worker.values()) == sent  # the dead worker's counts are kept
    for _ in range(6):  # whichever worker answers the scrape
        assert _scraped_total(srv.url) == sent

    srv.proc.send_signal(signal.SIGTERM)
    assert srv.wait() == 0, srv.output
    assert not any(_alive(p) for p in first | now)
    assert not list(srv.tmp.glob("aplguard-metrics-*"))


def test_a_worker_that_cannot_load_its_model_ends_in_a_crash_loop(serving, tmp_path):
    # A real start-up failure: the socket is bound by serve, then every worker fails to load the pipeline.
    missing = tmp_path / "no-such-model"
    srv = serving(f"pipeline: {{model: {missing}}}\nserver: {{restart_limit: 2, restart_window_s: 600}}\n")
    assert srv.wait(timeout=START_S) == 1
    out = srv.output
    assert "aplguard: error: crash loop: 3 worker exits within 600 s (server.restart_limit is 2)" in out
    assert "failed at start-up (exit status 3" in out
    assert f"start-up failed: pipeline.model {missing}: not a diffusers pipeline folder" in out
    assert out.count("started worker") == 2  # two restarts, then no more
    assert not _children(srv.proc.pid) and _refused(srv.port)


def test_sigterm_lets_an_in_flight_request_finish_and_refuses_new_connections(serving):
    srv = serving("pipeline: {enabled: false}\nlimits: {body_timeout_s: 60}\nserver: {graceful_timeout_s: 60}\n")
    pids = srv.wait_workers(2)
    assert _check(srv.url) == 200
    conn = _open_partial_request(srv.port)
    time.sleep(1.0)  # a worker has read the head: the request is in flight
    srv.proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 20
    while not _refused(srv.port):  # every copy of the listening socket is closed: new connections are refused
        assert time.monotonic() < deadline, "the socket still accepts connections after SIGTERM"
        time.sleep(0.2)
    assert srv.proc.poll() is None  # still waiting for the in-flight request
    conn.sendall(BODY[10:])
    response = conn.recv(65536).decode("latin-1")
    conn.close()
    assert response.startswith("HTTP/1.1 200"), response
    assert "connection: close" in response.lower()
    assert srv.wait() == 0, srv.output
    assert not any(_alive(p) for p in pids)


def test_a_worker_still_busy_after_the_grace_period_is_killed_and_serve_exits_1(serving):
    srv = serving("pipeline: {enabled: false}\nlimits: {body_timeout_s: 120}\nserver: {graceful_timeout_s: 1}\n")
    pids = srv.wait_workers(2)
    conn = _open_partial_request(srv.port)  # never completed
    time.sleep(1.0)
    try:
        srv.proc.send_signal(signal.SIGTERM)
        assert srv.wait() == 1
    finally:
        conn.close()
    out = srv.output
    assert "aplguard: error: unclean shutdown: worker" in out
    assert "was still running after the 1 s grace period and was killed (SIGKILL)" in out
    assert not any(_alive(p) for p in pids)


def test_a_frozen_worker_is_killed_by_its_heartbeat_and_replaced(serving):
    srv = serving("pipeline: {enabled: false}\nserver: {worker_timeout_s: 3}\n")
    first = srv.wait_workers(2)
    [beats] = srv.tmp.glob("aplguard-heartbeat-*")
    deadline = time.monotonic() + 30
    while not all((beats / str(p)).exists() for p in first):  # both have beaten: both are judged from now on
        assert time.monotonic() < deadline, f"no heartbeat files for {first}: {list(beats.iterdir())}"
        time.sleep(0.2)
    assert _check(srv.url) == 200

    victim = min(first)
    os.kill(victim, signal.SIGSTOP)  # alive but answering nothing, as a deadlocked or swapped-out worker
    assert {_check(srv.url) for _ in range(10)} == {200}  # the other worker takes every new connection
    deadline = time.monotonic() + 30  # 3 s without a beat, then the next look (0.2 s); slack for a busy machine
    while _alive(victim):
        assert time.monotonic() < deadline, f"the frozen worker {victim} was not killed:\n{srv.output}"
        time.sleep(0.2)
    now = srv.wait_workers(2)
    [replacement] = now - first
    assert now - {replacement} == first - {victim}  # the healthy worker was left alone
    out = srv.output
    assert re.search(rf"gateway worker {victim} sent no heartbeat for \d+\.\d s \(server.worker_timeout_s is 3\); "
                     r"killing it \(SIGKILL\)", out), out
    assert re.search(rf"gateway worker {victim} sent no heartbeat for \d+\.\d s and was killed by SIGKILL; "
                     rf"started worker {replacement} in its place", out), out
    assert not (beats / str(victim)).exists()  # forgotten: a later process with its pid starts unjudged
    assert {_check(srv.url) for _ in range(10)} == {200}

    srv.proc.send_signal(signal.SIGTERM)
    assert srv.wait() == 0, srv.output  # the hung worker was replaced earlier: the stop itself is clean
    assert not any(_alive(p) for p in first | now)
    assert not beats.exists()


def test_a_worker_whose_generation_stalls_is_killed_and_replaced(serving):
    # A real pipeline call that outlasts pipeline.stall_timeout_s by far: the toy model at 64x64 (its native size
    # is 16x16; attention at full resolution) for 200 steps runs for minutes on one thread, as a hung CUDA call
    # would run forever. Nothing in the library is patched: the stall check cannot tell slow from hung either.
    srv = serving('pipeline: {sizes: ["64x64"], steps: 200, stall_timeout_s: 2, batch_window_ms: 0}\n'
                  "server: {worker_timeout_s: 2}\n")
    first = srv.wait_workers(2)
    [beats] = srv.tmp.glob("aplguard-heartbeat-*")
    deadline = time.monotonic() + 30
    while not all((beats / str(p)).exists() for p in first):
        assert time.monotonic() < deadline, f"no heartbeat files for {first}: {list(beats.iterdir())}"
        time.sleep(0.2)
    prompt = "a red bicycle by the sea"

    def generate() -> str:
        try:
            with httpx.Client(timeout=120) as c:
                r = c.post(srv.url + "/v1/images/generations", json={"prompt": prompt, "size": "64x64", "seed": 1})
            return f"answered {r.status_code}"
        except httpx.TransportError:  # the worker was killed in the middle of it
            return "lost"

    with ThreadPoolExecutor(1) as pool:
        t0 = time.monotonic()
        pending = pool.submit(generate)
        killed = re.compile(r"gateway worker (\d+) sent no heartbeat for \d+\.\d s \(server.worker_timeout_s is 2\): "
                            r"its generation stalled: a pipeline call ran past pipeline.stall_timeout_s \(2 s\); "
                            r"killing it \(SIGKILL\)")
        while not (m := killed.search(srv.output)):
            assert _check(srv.url) == 200  # screening keeps answering meanwhile (the loops are free)
            assert time.monotonic() - t0 < 60, f"the stalled worker was not killed:\n{srv.output}"
            time.sleep(0.2)
        took = time.monotonic() - t0  # stall_timeout_s + worker_timeout_s + a beat and a look, on a loaded machine
        assert pending.result(timeout=60) == "lost"  # only the request that worker was running is lost
    victim = int(m.group(1))
    assert victim in first and not _alive(victim)
    assert {_check(srv.url) for _ in range(10)} == {200}  # the other worker serves
    now = srv.wait_workers(2)
    [replacement] = now - first
    assert now - {replacement} == first - {victim}  # the healthy worker was left alone
    out = srv.output
    assert "generation stalled: the pipeline call in progress has run" in out  # the worker's own line
    assert re.search(rf"gateway worker {victim} sent no heartbeat for \d+\.\d s \(its generation stalled: .*\) and "
                     rf"was killed by SIGKILL; started worker {replacement} in its place", out), out
    assert prompt not in out  # durations and pids only
    with httpx.Client(timeout=30) as c:
        assert re.search(r"^aplguard_generation_stalls_total 1\.0$", c.get(srv.url + "/metrics").text, re.M)
    print(f"stalled worker killed {took:.1f} s after its request was sent")

    srv.proc.send_signal(signal.SIGTERM)
    assert srv.wait() == 0, srv.output
    assert not any(_alive(p) for p in first | now)


def test_workers_stop_when_serve_itself_is_killed(serving):
    # SIGKILL cannot be forwarded: each worker notices its parent is gone, so no orphan keeps the socket.
    srv = serving("pipeline: {enabled: false}\n")
    pids = srv.wait_workers(2)
    srv.proc.kill()
    srv.proc.wait()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in pids):
        assert time.monotonic() < deadline, "the workers outlived serve"
        time.sleep(0.2)
    assert _refused(srv.port)
