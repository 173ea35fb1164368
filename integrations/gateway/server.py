"""Running the gateway under uvicorn: one process, several workers, or a test thread.

Socket-level defences are set here: a request-head timeout (:mod:`.protocol`), the
keep-alive timeout, a listen backlog, uvicorn's concurrency cap (503 beyond it) and
h11's bound on an incomplete request head. A non-loopback bind with no keys is
refused before anything is loaded.

With several workers, :func:`serve` (the process owner) binds the socket once and
starts each worker as a child process (:mod:`.worker`) that inherits it, then supervises
them (:mod:`.supervisor`: dead workers restarted, crash loops stopped, graceful stop on
SIGTERM/SIGINT, hung workers killed by their heartbeat). The children get a fresh
``PROMETHEUS_MULTIPROC_DIR`` in their own environment, so ``/metrics`` aggregates all
workers, and a fresh heartbeat folder (:mod:`.heartbeat`) by argument; the serving
process's own environment is left unchanged.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from .app import create_app
from .config import GatewayConfig, check_bind
from .heartbeat import HeartbeatDir
from .protocol import protocol_class
from .service import Service
from .supervisor import Supervisor

MAX_HEAD_BYTES = 64 * 1024

log = logging.getLogger("aplguard.gateway")


def uvicorn_config(app: Any, config: GatewayConfig, host: str, port: int, **extra: Any) -> uvicorn.Config:
    s = config.server
    return uvicorn.Config(app, host=host, port=port, backlog=s.backlog, timeout_keep_alive=int(max(1, s.keep_alive_s)),
                          limit_concurrency=s.limit_concurrency, http=protocol_class(s.http, s.header_timeout_s, MAX_HEAD_BYTES), loop=s.loop,
                          h11_max_incomplete_event_size=MAX_HEAD_BYTES, access_log=s.access_log,
                          server_header=False, lifespan="on", ws="none", **extra)


def log_to_stderr(log_level: str = "info") -> None:
    """Print the gateway's own log lines (``aplguard.gateway``) on stderr, formatted like uvicorn's.

    Only for the process owner (the serve command, a worker process): it changes the
    process's logging. Library users configure logging themselves.
    """
    from uvicorn.logging import DefaultFormatter

    logger = logging.getLogger("aplguard.gateway")
    if logger.handlers:  # already set up (a second call, or by the embedding program)
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(DefaultFormatter("%(levelprefix)s %(message)s", use_colors=False))
    logger.addHandler(handler)
    logger.setLevel(log_level.upper())


def serve(config: GatewayConfig, host: str | None = None, port: int | None = None, workers: int | None = None,
          log_level: str = "info") -> None:
    """Run until interrupted (the ``aplguard serve`` command).

    With several workers this process supervises them (:mod:`.supervisor`) and raises
    :class:`~.errors.WorkersFailed` (exit 1) on a crash loop or when workers had to be
    killed at shutdown; it returns normally after a clean SIGTERM/SIGINT.
    """
    host = host if host is not None else config.server.host
    port = port if port is not None else config.server.port
    workers = workers if workers is not None else config.server.workers
    check_bind(config, host)
    if workers <= 1:
        app = create_app(config)
        uvicorn.Server(uvicorn_config(app, config, host, port, log_level=log_level)).run()
        return
    from prometheus_client.multiprocess import mark_process_dead

    # Several processes share one listening socket; each loads its own models (one pipeline each).
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(config.server.backlog)
    # A fresh directory per run: the workers' metric files, aggregated by /metrics, start at zero.
    metrics_dir = Path(tempfile.mkdtemp(prefix="aplguard-metrics-"))
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}  # the children's, not ours
    heartbeats = HeartbeatDir(tempfile.mkdtemp(prefix="aplguard-heartbeat-"))  # one file per worker pid
    s = config.server

    def on_exit(pid: int) -> None:
        mark_process_dead(pid, path=str(metrics_dir))  # type: ignore[no-untyped-call]  # live gauges go, counts stay
        heartbeats.forget(pid)  # a later worker that gets this pid starts unjudged

    supervisor = Supervisor(
        lambda: _start_worker(config, host, port, sock, log_level, env, heartbeats), workers, on_exit=on_exit,
        restart_limit=s.restart_limit, restart_window_s=s.restart_window_s, graceful_timeout_s=s.graceful_timeout_s,
        on_stop=sock.close,  # no more workers to start; the workers' copies close as they stop accepting
        heartbeat_age=heartbeats.age if s.worker_timeout_s is not None else None, worker_timeout_s=s.worker_timeout_s,
        hang_cause=heartbeats.cause)
    # This runs as the process owner (the serve command): SIGTERM and SIGINT start a graceful stop.
    previous = {sig: signal.signal(sig, lambda _signum, _frame: supervisor.request_stop())
                for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        supervisor.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sock.close()
        shutil.rmtree(metrics_dir, ignore_errors=True)
        shutil.rmtree(heartbeats.path, ignore_errors=True)


def _start_worker(config: GatewayConfig, host: str, port: int, sock: socket.socket, log_level: str,
                  env: dict[str, str], heartbeats: HeartbeatDir) -> subprocess.Popen[bytes]:
    """One worker process serving on the inherited socket; the config goes over its stdin."""
    cmd = [sys.executable, "-m", "aplguard.integrations.gateway.worker", "--fd", str(sock.fileno()),
           "--host", host, "--port", str(port), "--log-level", log_level, "--parent-pid", str(os.getpid()),
           "--heartbeat-dir", str(heartbeats.path)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, env=env, pass_fds=(sock.fileno(),))
    assert proc.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # it died before reading its config: the supervisor sees the exit
        try:
            proc.stdin.write(config.model_dump_json().encode())
        finally:
            proc.stdin.close()
    return proc


class ThreadServer:
    """A gateway on 127.0.0.1 in a background thread (tests, notebooks): ``.url``, ``.stop()``."""

    def __init__(self, config: GatewayConfig, service: Service | None = None, port: int = 0, *,
                 tracer_provider: Any = None):
        self.app = create_app(config, service, tracer_provider=tracer_provider)
        self.server = uvicorn.Server(uvicorn_config(self.app, config, "127.0.0.1", port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, name="aplguard-gateway", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the gateway did not start")
            time.sleep(0.01)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
