"""The process owner of ``aplguard serve --workers N``: keeps N workers serving one socket.

What it does follows the supervisors operators already know (gunicorn's arbiter,
uvicorn's multiprocess manager):

- A worker that exits while the gateway runs (a crash, an OOM kill, a segfault in a
  native decoder, an operator's ``kill``) is reported to ``on_exit`` (the metrics mark it
  dead) and replaced by a new process from ``spawn``: same socket, same config, so
  capacity does not silently shrink.
- A worker that hangs while alive (its event loop blocked, the process frozen) is found by
  its heartbeat: ``heartbeat_age(pid)`` says how long ago the worker last beat (None before
  its first beat, while it loads its models). One silent for more than ``worker_timeout_s``
  is killed (SIGKILL) and then handled like any other unexpected exit, as gunicorn's
  arbiter does with its worker timeout. ``hang_cause(pid)``, when given, says why a worker
  stopped beating if it said so itself (a stalled generation, :mod:`.worker`); the log
  lines then name that cause.
- Restarts are throttled: more than ``restart_limit`` exits within ``restart_window_s`` is
  a crash loop (restarting would only burn CPU and hide the fault), so the other workers
  are stopped and :class:`~.errors.WorkersFailed` names the cause.
- :meth:`Supervisor.request_stop` (the serve command calls it on SIGTERM/SIGINT) sends
  every worker SIGTERM (uvicorn in the worker stops accepting and lets in-flight requests
  finish), waits up to ``graceful_timeout_s``, then kills what is left (SIGKILL). A second
  request kills at once. Killed or crashed workers make the stop unclean (WorkersFailed).

It installs no signal handlers and reads no environment: the serve command owns the
process and wires signals to :meth:`request_stop`. Logs carry pids, exit statuses and
signal names only, never request data.
"""

from __future__ import annotations

import collections
import logging
import signal
import subprocess
import time
from collections.abc import Callable

from .errors import WorkersFailed

STARTUP_FAILED = 3  # a worker's exit status when its models or audit sink could not be loaded (as uvicorn's)
_CLEAN_STOP = (0, -signal.SIGTERM, -signal.SIGINT)  # uvicorn re-raises the stop signal after a graceful exit

log = logging.getLogger("aplguard.gateway")

Worker = subprocess.Popen[bytes]


def describe_exit(returncode: int) -> str:
    """How a worker ended, for logs and errors: a signal name or an exit status."""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"was killed by {name}"
    if returncode == STARTUP_FAILED:
        return f"failed at start-up (exit status {returncode}; its output above says why)"
    return f"exited with status {returncode}"


class Supervisor:
    """Start ``workers`` processes with ``spawn`` and keep that many running until stopped.

    ``on_exit(pid)`` is called once for every worker process that has ended (restarted,
    stopped or killed); ``on_stop()`` once when the stop begins, before the workers are
    told (the serve command closes its copy of the listening socket there: once the
    workers close theirs, new connections are refused instead of waiting in a backlog
    nobody accepts from). ``poll_s`` is how often exits (and heartbeats) are looked at.
    ``heartbeat_age(pid)`` and ``worker_timeout_s`` turn the hang check on (both or neither).
    """

    def __init__(self, spawn: Callable[[], Worker], workers: int, *, on_exit: Callable[[int], None],
                 restart_limit: int, restart_window_s: float, graceful_timeout_s: float,
                 on_stop: Callable[[], None] | None = None, poll_s: float = 0.2,
                 heartbeat_age: Callable[[int], float | None] | None = None, worker_timeout_s: float | None = None,
                 hang_cause: Callable[[int], str | None] | None = None):
        if workers < 1:
            raise ValueError(f"workers: expected 1 or more, got {workers}")
        if (heartbeat_age is None) != (worker_timeout_s is None):
            raise ValueError("heartbeat_age and worker_timeout_s: give both (hang check on) or neither")
        self._spawn = spawn
        self._count = workers
        self._on_exit = on_exit
        self._on_stop = on_stop
        self._restart_limit = restart_limit
        self._window_s = restart_window_s
        self._grace_s = graceful_timeout_s
        self._poll_s = poll_s
        self._heartbeat_age = heartbeat_age
        self._timeout_s = worker_timeout_s
        self._hang_cause = hang_cause
        self._hung: dict[Worker, str] = {}  # workers killed for a missing heartbeat -> what to say about it
        self._workers: list[Worker] = []
        self._exits: collections.deque[float] = collections.deque()  # monotonic times of unexpected exits
        self._ended: set[Worker] = set()  # already reported to on_exit (by process object: pids get reused)
        # Plain flags: set from a signal handler, read by the loop (no locks, no logging in the handler).
        self._stop_requested = False
        self._kill_now = False

    @property
    def pids(self) -> list[int]:
        """The pids of the current workers."""
        return [w.pid for w in self._workers]

    def request_stop(self) -> None:
        """Begin a graceful stop; a second call kills the remaining workers at once. Signal-handler safe."""
        if self._stop_requested:
            self._kill_now = True
        self._stop_requested = True

    def run(self) -> None:
        """Serve until a stop is requested; raises WorkersFailed on a crash loop or an unclean stop."""
        failure = None
        try:
            for _ in range(self._count):
                if self._stop_requested:
                    break
                self._workers.append(self._spawn())
            log.info("gateway started %d worker(s): %s", len(self._workers), " ".join(map(str, self.pids)))
            failure = self._watch()
        finally:
            problems = self._stop_all()  # also when spawn or the loop raised: never leave workers behind
        if failure:
            raise WorkersFailed(failure)
        if problems:
            raise WorkersFailed(f"unclean shutdown: {'; '.join(problems)}")

    # -- the loop ----------------------------------------------------------------------------

    def _watch(self) -> str | None:
        """Replace workers that exit; return a crash-loop message, or None when a stop was requested."""
        while not self._stop_requested:
            time.sleep(self._poll_s)
            for i, worker in enumerate(self._workers):
                if worker in self._ended:
                    continue
                if worker.poll() is None and not self._killed_if_hung(worker):
                    continue
                self._ended_now(worker)
                if self._stop_requested:
                    break  # the stop handles the rest; do not start a worker only to stop it
                now = time.monotonic()
                self._exits.append(now)
                while self._exits and self._exits[0] < now - self._window_s:
                    self._exits.popleft()
                what = describe_exit(worker.returncode)
                hung = self._hung.pop(worker, None)
                if hung is not None:
                    what = f"{hung} and {what}"
                if len(self._exits) > self._restart_limit:
                    message = (f"crash loop: {len(self._exits)} worker exits within {self._window_s:g} s "
                               f"(server.restart_limit is {self._restart_limit}); the last, worker {worker.pid}, "
                               f"{what}. Not restarting; the other workers were stopped.")
                    return message  # raised by run(), after the others are stopped
                self._workers[i] = self._spawn()
                log.warning("gateway worker %d %s; started worker %d in its place (%d exit(s) in the last %g s, "
                            "limit %d)", worker.pid, what, self._workers[i].pid, len(self._exits), self._window_s,
                            self._restart_limit)
        return None

    def _killed_if_hung(self, worker: Worker) -> bool:
        """SIGKILL a running worker whose last heartbeat is too old; whether it was killed (and reaped)."""
        if self._heartbeat_age is None or self._timeout_s is None:
            return False
        age = self._heartbeat_age(worker.pid)
        if age is None or age <= self._timeout_s:
            return False
        cause = self._hang_cause(worker.pid) if self._hang_cause is not None else None  # before on_exit forgets it
        log.warning("gateway worker %d sent no heartbeat for %.1f s (server.worker_timeout_s is %g)%s; killing it "
                    "(SIGKILL)", worker.pid, age, self._timeout_s, f": {cause}" if cause else "")
        self._hung[worker] = f"sent no heartbeat for {age:.1f} s" + (f" ({cause})" if cause else "")
        _send(worker, signal.SIGKILL)  # also ends a SIGSTOPped process
        worker.wait()
        return True

    def _stop_all(self) -> list[str]:
        """SIGTERM every running worker, wait up to the grace period, SIGKILL the rest; what went wrong."""
        problems: list[str] = []
        running: list[Worker] = []
        if self._on_stop is not None:
            self._on_stop()
        for worker in self._workers:
            if worker in self._ended:
                continue
            if worker.poll() is not None:  # ended between the last look and the stop: not stopped by us
                self._ended_now(worker)
                if worker.returncode not in _CLEAN_STOP:
                    problems.append(f"worker {worker.pid} {describe_exit(worker.returncode)}")
                continue
            _send(worker, signal.SIGTERM)  # SIGTERM even for SIGINT: a second SIGINT makes uvicorn skip the grace
            running.append(worker)
        if running:
            log.info("gateway stopping %d worker(s); in-flight requests get up to %g s", len(running),
                     self._grace_s)
        deadline = time.monotonic() + self._grace_s
        while running:
            for worker in [w for w in running if w.poll() is not None]:
                running.remove(worker)
                self._ended_now(worker)
                if worker.returncode not in _CLEAN_STOP:
                    problems.append(f"worker {worker.pid} {describe_exit(worker.returncode)} while stopping")
            if not running or self._kill_now or time.monotonic() >= deadline:
                break
            time.sleep(min(self._poll_s, 0.05))
        for worker in running:
            _send(worker, signal.SIGKILL)
            worker.wait()
            self._ended_now(worker)
            why = "a second stop signal" if self._kill_now else f"the {self._grace_s:g} s grace period"
            problems.append(f"worker {worker.pid} was still running after {why} and was killed (SIGKILL)")
        return problems  # raised by run()

    def _ended_now(self, worker: Worker) -> None:
        self._ended.add(worker)
        self._on_exit(worker.pid)


def _send(worker: Worker, sig: signal.Signals) -> None:
    try:
        worker.send_signal(sig)
    except ProcessLookupError:  # it ended after poll(); poll()/wait() will reap it
        pass
