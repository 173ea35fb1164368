"""Worker heartbeats for ``aplguard serve --workers N``: one file per worker, its mtime the last beat.

A worker touches ``<dir>/<its pid>`` from its event loop (:mod:`.worker`); the serve
process reads how long ago that was (:meth:`HeartbeatDir.age`) and the supervisor kills a
worker whose beat is older than ``server.worker_timeout_s``, as gunicorn's arbiter does
with its worker temp files. A blocked event loop or a frozen process (SIGSTOP, a debugger,
a deadlock holding the GIL) stops the beats; a worker that is still loading its models has
no file yet and is not judged.

A worker that stops beating on purpose, because its pipeline call stalled (:mod:`.stall`),
first writes why to ``<dir>/<pid>.stalled`` (:meth:`HeartbeatDir.mark_stalled`), so the
serve process can say so when it kills the worker (:meth:`HeartbeatDir.cause`); the file
holds durations only.

The mtime is set to ``time.monotonic()`` rather than the wall clock: both processes run on
the same machine and share the monotonic clock (CLOCK_MONOTONIC is system-wide on Linux), so
a wall-clock step (NTP, an operator's ``date``) cannot make every worker look hung at once.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path


class HeartbeatDir:
    """The per-run heartbeat folder the serve command creates and removes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def file(self, pid: int) -> Path:
        return self.path / str(pid)

    def beat(self, pid: int) -> None:
        """Record a beat for ``pid`` now (the worker calls this; creates the file on the first beat)."""
        f = self.file(pid)
        now_ns = time.monotonic_ns()
        try:
            os.utime(f, ns=(now_ns, now_ns))
        except FileNotFoundError:
            f.touch()
            os.utime(f, ns=(now_ns, now_ns))

    def age(self, pid: int) -> float | None:
        """Seconds since ``pid``'s last beat; None before its first beat (still starting up)."""
        try:
            last_ns = self.file(pid).stat().st_mtime_ns
        except FileNotFoundError:
            return None
        return max(0.0, (time.monotonic_ns() - last_ns) / 1e9)

    def marker(self, pid: int) -> Path:
        return self.path / f"{pid}.stalled"

    def mark_stalled(self, pid: int, reason: str) -> None:
        """Say why ``pid`` stops beating (the worker calls this before it stops)."""
        tmp = self.path / f".{pid}.stalled.tmp"
        tmp.write_text(reason, encoding="utf-8")
        tmp.replace(self.marker(pid))  # atomic: the serve process never reads half a line

    def clear_stalled(self, pid: int) -> None:
        """The stall ended (the worker beats again)."""
        with contextlib.suppress(FileNotFoundError):
            self.marker(pid).unlink()

    def cause(self, pid: int) -> str | None:
        """Why ``pid`` stopped beating, if it said so; None otherwise (frozen, blocked loop, ...)."""
        try:
            return self.marker(pid).read_text(encoding="utf-8", errors="replace").strip()[:300] or None
        except OSError:
            return None

    def forget(self, pid: int) -> None:
        """Remove an ended worker's files, so a later process with the same pid starts unjudged."""
        for f in (self.file(pid), self.marker(pid)):
            with contextlib.suppress(FileNotFoundError):
                f.unlink()
