"""One worker process of ``aplguard serve --workers N``, started by :func:`.server.serve`.

It serves on the listening socket it inherited (``--fd``) with the config it reads as
JSON from stdin. It is its own process owner: it sets torch's thread count like the
single-process ``serve`` command does. Its environment (from the serve command) holds
``PROMETHEUS_MULTIPROC_DIR``, so prometheus-client counts in multiprocess mode from
its first import on.

Exit status: 0 (or killed by the SIGTERM/SIGINT it was stopped with) after a stop,
``STARTUP_FAILED`` (3) when its models or audit sink could not be loaded, anything else
for a crash; the supervisor (:mod:`.supervisor`) restarts it unless it is crash-looping.
If the serve process itself disappears (killed with SIGKILL), the worker stops too,
so no orphan keeps serving on the socket. With ``--heartbeat-dir`` it beats about once a
second from uvicorn's event loop (:mod:`.heartbeat`), so the supervisor can tell a hung
worker (loop blocked, process frozen) from a busy one. A worker whose pipeline call has
stalled (past ``pipeline.stall_timeout_s``, :mod:`.stall`) stops beating on purpose,
after saying so next to its heartbeat file, so the supervisor replaces it too: the stuck
thread cannot be stopped any other way.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import sys
import threading
import time
from collections.abc import Callable

import uvicorn

from aplguard.errors import AplGuardError

from .app import create_app
from .config import GatewayConfig
from .heartbeat import HeartbeatDir
from .server import log_to_stderr, uvicorn_config
from .stall import Stall
from .supervisor import STARTUP_FAILED

_PARENT_POLL_S = 1.0
_BEAT_EVERY_S = 1.0  # server.worker_timeout_s is at least 2 s: two missed beats at most before a kill


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="aplguard-gateway-worker", description=__doc__)
    parser.add_argument("--fd", type=int, required=True, help="the inherited listening socket")
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log-level", default="info")
    parser.add_argument("--parent-pid", type=int, default=None, help="stop when this process is gone")
    parser.add_argument("--heartbeat-dir", default=None, help="touch <dir>/<pid> from the event loop")
    args = parser.parse_args(argv)
    log_to_stderr(args.log_level)  # this process is ours: its gateway log lines go to stderr
    config = GatewayConfig.model_validate_json(sys.stdin.buffer.read())
    pc = config.pipeline
    threads = pc.torch_threads or (1 if pc.model == "toy" else None)
    if threads and pc.enabled:
        import torch

        torch.set_num_threads(threads)
    sock = socket.socket(fileno=args.fd)
    try:
        app = create_app(config)
    except AplGuardError as exc:  # a model folder, prefix or audit sink that cannot be loaded: one line, no traceback
        print(f"aplguard gateway worker {os.getpid()}: start-up failed: {exc}", file=sys.stderr, flush=True)
        sys.exit(STARTUP_FAILED)
    uv_config = uvicorn_config(app, config, args.host, args.port, log_level=args.log_level)
    server = (HeartbeatServer(uv_config, WorkerBeat(HeartbeatDir(args.heartbeat_dir), os.getpid(),
                                                    app.state.gateway.stall.check))
              if args.heartbeat_dir else uvicorn.Server(uv_config))
    if args.parent_pid is not None:
        threading.Thread(target=_stop_with_parent, args=(server, args.parent_pid), name="aplguard-parent-watch",
                         daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the terminal's SIGINT after its graceful stop
        pass


class WorkerBeat:
    """One worker's heartbeat: beat, unless the pipeline call in progress has stalled.

    ``stall()`` is the app's stall check (:meth:`.stall.StallWatch.check`). While it reports
    a stall, :meth:`tick` writes the cause next to the heartbeat file (once) and does not
    beat, so the supervisor kills the worker after ``server.worker_timeout_s``; should the
    call end first, the next tick beats again and removes the cause.
    """

    def __init__(self, heartbeat: HeartbeatDir, pid: int, stall: Callable[[], Stall | None]):
        self._heartbeat = heartbeat
        self._pid = pid
        self._stall = stall
        self._marked = False

    def tick(self) -> bool:
        """Beat now, or (stalled) record why not; whether it beat."""
        stall = self._stall()
        # The folder is gone only once serve has ended (this worker stops with it); a full or
        # read-only disk must not crash the loop either: the supervisor then sees a hung worker.
        with contextlib.suppress(OSError):
            if stall is not None:
                if not self._marked:
                    self._heartbeat.mark_stalled(self._pid, f"its generation stalled: a pipeline call ran past "
                                                            f"pipeline.stall_timeout_s ({stall.timeout_s:g} s)")
                    self._marked = True
                return False
            self._heartbeat.beat(self._pid)
            if self._marked:
                self._heartbeat.clear_stalled(self._pid)
                self._marked = False
        return stall is None


class HeartbeatServer(uvicorn.Server):
    """uvicorn's server, beating from its main loop: no beats while the loop is blocked or the process frozen.

    uvicorn calls ``on_tick`` from its event loop every 0.1 s once it has started serving
    (after the models were loaded), so the first beat also says the worker is up.
    """

    def __init__(self, config: uvicorn.Config, beat: WorkerBeat):
        super().__init__(config)
        self._beat = beat
        self._last_beat = float("-inf")

    async def on_tick(self, counter: int) -> bool:
        now = time.monotonic()
        if now - self._last_beat >= _BEAT_EVERY_S:
            self._last_beat = now
            self._beat.tick()
        return await super().on_tick(counter)


def _stop_with_parent(server: uvicorn.Server, parent_pid: int) -> None:
    """Begin uvicorn's graceful stop once the serve process is no longer this worker's parent."""
    while not server.should_exit:
        if os.getppid() != parent_pid:
            server.should_exit = True
            return
        time.sleep(_PARENT_POLL_S)


if __name__ == "__main__":
    main()
