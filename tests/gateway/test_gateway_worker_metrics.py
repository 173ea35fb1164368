"""/metrics with several worker processes: every scrape shows all workers' counts.

`aplguard serve --workers 2` runs in a subprocess on loopback; its per-run metrics
directory is created under this test's TMPDIR so the test can see which worker
counted what (prometheus-client's own file reader), kill one, and check that the
directory is removed when the server stops.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from gateway_helpers import per_worker_check_requests

REQUESTS_LINE = re.compile(r'^aplguard_requests_total\{endpoint="check",status="200"\} (\S+)$', re.M)
DECISIONS_LINE = re.compile(r'^aplguard_decisions_total\{[^}]*endpoint="check"[^}]*\} (\S+)$', re.M)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _check(url: str) -> int:
    # a fresh connection per request, so the kernel hands requests to either worker
    with httpx.Client(timeout=30) as c:
        return c.post(url + "/v1/check", json={"prompts": ["a red bicycle by the sea"]}).status_code


def _scrape(url: str) -> tuple[float, float]:
    with httpx.Client(timeout=30) as c:
        text = c.get(url + "/metrics").text
    m = REQUESTS_LINE.search(text)
    return (float(m.group(1)) if m else 0.0), sum(float(x) for x in DECISIONS_LINE.findall(text))


def test_metrics_aggregate_every_worker(tmp_path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    cfg = tmp_path / "gw.yaml"
    cfg.write_text(f"audit: sqlite:///{tmp_path}/a.db\npipeline: {{enabled: false}}\nreview: false\n")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}  # where the serve command makes its metrics directory
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    proc = subprocess.Popen([sys.executable, "-m", "aplguard.cli", "serve", "--config", str(cfg), "--port", str(port),
                             "--workers", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:  # both workers up: each has created its value files
            dirs = list(tmp.glob("aplguard-metrics-*"))
            if dirs and len(list(dirs[0].glob("gauge_livesum_*.db"))) == 2:
                break
            assert proc.poll() is None and time.monotonic() < deadline, "the gateway did not start"
            time.sleep(0.3)
        [metrics_dir] = dirs
        sent = 0
        with ThreadPoolExecutor(8) as pool:
            # send until both workers have answered some (bounded), so the sums below mean something
            while sent < 800:
                assert set(pool.map(_check, [url] * 40)) == {200}
                sent += 40
                per_worker = per_worker_check_requests(metrics_dir)
                if len(per_worker) == 2 and min(per_worker.values()) >= 5:
                    break
        assert len(per_worker) == 2 and min(per_worker.values()) > 0, f"one worker served everything: {per_worker}"
        assert sum(per_worker.values()) == sent
        # every scrape, whichever worker answers it, shows the total, not that worker's share
        for _ in range(8):
            assert _scrape(url) == (sent, sent)

        # a worker that dies: marked dead (its live gauge goes), its counts stay in the totals
        victim = min(per_worker)
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while (metrics_dir / f"gauge_livesum_{victim}.db").exists():
            assert time.monotonic() < deadline, "the dead worker was not marked dead"
            time.sleep(0.1)
        assert {_check(url) for _ in range(10)} == {200}  # the other worker goes on serving
        sent += 10
        for _ in range(3):
            assert _scrape(url) == (sent, sent)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=40)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert not list(tmp.glob("aplguard-metrics-*"))  # the per-run directory is removed


def test_single_process_metrics_stay_in_memory(start):
    from aplguard.integrations.gateway import GatewayConfig

    srv = start(GatewayConfig())
    assert srv.app.state.gateway.metrics.multiprocess_dir is None
    for _ in range(3):
        assert _check(srv.url) == 200
    requests, _ = _scrape(srv.url)
    assert requests >= 3


def test_serve_leaves_the_callers_environment_alone(tmp_path, monkeypatch):
    """serve() gives the multiprocess directory to its children only (checked before anything starts)."""
    from aplguard.integrations.gateway import server

    seen = {}

    def fake_run(supervisor):  # instead of starting workers: look at the serving process's state
        [seen["dir"]] = tmp.glob("aplguard-metrics-*")
        seen["env"] = os.environ.get("PROMETHEUS_MULTIPROC_DIR")

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(server.tempfile, "tempdir", str(tmp))  # where serve() makes the directory
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    monkeypatch.setattr(server.Supervisor, "run", fake_run)
    from aplguard.integrations.gateway import GatewayConfig

    config = GatewayConfig.model_validate({"audit": f"sqlite:///{tmp_path}/a.db", "pipeline": {"enabled": False}})
    server.serve(config, "127.0.0.1", _free_port(), 2, log_level="warning")
    assert seen["env"] is None and "PROMETHEUS_MULTIPROC_DIR" not in os.environ
    assert not seen["dir"].exists()  # removed when serve() returned
