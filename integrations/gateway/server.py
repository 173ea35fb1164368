"""Running the gateway under uvicorn: one process, several workers, or a test thread.

Socket-level defences are set here: a request-head timeout (:mod:`.protocol`), the
keep-alive timeout, a listen backlog, uvicorn's concurrency cap (503 beyond it) and
h11's bound on an incomplete request head. A non-loopback bind with no keys is
refused before anything is loaded.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import threading
import time
from typing import Any

import uvicorn

from .app import create_app
from .config import GatewayConfig, check_bind
from .protocol import protocol_class
from .service import Service

MAX_HEAD_BYTES = 64 * 1024


def uvicorn_config(app: Any, config: GatewayConfig, host: str, port: int, **extra: Any) -> uvicorn.Config:
    s = config.server
    return uvicorn.Config(app, host=host, port=port, backlog=s.backlog, timeout_keep_alive=int(max(1, s.keep_alive_s)),
                          limit_concurrency=s.limit_concurrency, http=protocol_class(s.http, s.header_timeout_s, MAX_HEAD_BYTES), loop=s.loop,
                          h11_max_incomplete_event_size=MAX_HEAD_BYTES, access_log=s.access_log,
                          server_header=False, lifespan="on", ws="none", **extra)


def serve(config: GatewayConfig, host: str | None = None, port: int | None = None, workers: int | None = None,
          log_level: str = "info") -> None:
    """Run until interrupted (the ``aplguard serve`` command)."""
    host = host if host is not None else config.server.host
    port = port if port is not None else config.server.port
    workers = workers if workers is not None else config.server.workers
    check_bind(config, host)
    if workers <= 1:
        app = create_app(config)
        uvicorn.Server(uvicorn_config(app, config, host, port, log_level=log_level)).run()
        return
    # Several processes share one listening socket; each loads its own models (one pipeline each).
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(config.server.backlog)
    sock.set_inheritable(True)
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_worker, args=(config, host, port, sock, log_level), name=f"aplguard-gateway-{i}")
             for i in range(workers)]
    # This runs as the process owner (the serve command): SIGTERM stops the workers like Ctrl-C.
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        for p in procs:
            p.start()
        for p in procs:
            p.join()
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()  # uvicorn in the worker shuts down gracefully on SIGTERM
        for p in procs:
            p.join(timeout=15)
            if p.is_alive():
                p.kill()
        signal.signal(signal.SIGTERM, previous)
        sock.close()


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _worker(config: GatewayConfig, host: str, port: int, sock: socket.socket, log_level: str) -> None:
    app = create_app(config)
    uvicorn.Server(uvicorn_config(app, config, host, port, log_level=log_level)).run(sockets=[sock])


class ThreadServer:
    """A gateway on 127.0.0.1 in a background thread (tests, notebooks): ``.url``, ``.stop()``."""

    def __init__(self, config: GatewayConfig, service: Service | None = None, port: int = 0):
        self.app = create_app(config, service)
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
