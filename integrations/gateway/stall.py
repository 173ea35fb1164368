"""Stalled generations: a pipeline call that runs far longer than any real one.

A generation stuck in the queue's worker thread (a hung CUDA call, a deadlocked custom
pipeline) leaves the event loop free, so the loop's heartbeat alone would keep such a
worker alive forever. :class:`StallWatch` reads how long the current pipeline call has
run (:meth:`.batching.GenerationQueue.call_running_s`) and calls it stalled past
``pipeline.stall_timeout_s``. What follows from a stall is decided by its users: the
app answers ``/readyz`` 503 (:meth:`.app.Gateway.ready`) and a supervised worker stops
beating (:mod:`.worker`), so ``serve`` kills and replaces it.

It only reads a time and counts: the stuck thread itself cannot be stopped from Python,
only the process can. Log lines and metrics carry durations only, never prompts.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from .metrics import Metrics

log = logging.getLogger("aplguard.gateway")


@dataclasses.dataclass(frozen=True)
class Stall:
    """The pipeline call in progress has run ``running_s`` seconds, more than ``timeout_s``."""

    running_s: float
    timeout_s: float

    @property
    def reason(self) -> str:
        return (f"generation stalled: the pipeline call in progress has run {self.running_s:.1f} s "
                f"(pipeline.stall_timeout_s is {self.timeout_s:g})")


class StallWatch:
    """Whether the current pipeline call is stalled; keeps the call-time gauge and the stall count.

    Args:
        running_s: seconds the call in progress has run, None when idle (thread-safe).
        timeout_s: a call running longer than this is stalled; None: never (the check is off).
        metrics: ``aplguard_generation_call_seconds`` is set on every check and
            ``aplguard_generation_stalls_total`` counts each stalled call once.

    :meth:`check` is meant for one thread (the event loop); it logs a warning when a call
    becomes stalled and a line when it ends after all.
    """

    def __init__(self, running_s: Callable[[], float | None], timeout_s: float | None, metrics: Metrics):
        self._running_s = running_s
        self.timeout_s = timeout_s
        self._metrics = metrics
        self._stalled = False

    def check(self) -> Stall | None:
        """The current stall, or None (idle, within the timeout, or the check is off)."""
        running = self._running_s()
        self._metrics.call_seconds.set(running or 0.0)
        stall = (Stall(running, self.timeout_s)
                 if running is not None and self.timeout_s is not None and running > self.timeout_s else None)
        if stall is not None and not self._stalled:
            self._metrics.stalls.inc()
            log.warning("%s; /readyz answers 503 until it ends (a supervised worker stops its heartbeat and is "
                        "replaced)", stall.reason)
        elif stall is None and self._stalled:
            log.warning("the stalled pipeline call ended after all; ready again")
        self._stalled = stall is not None
        return stall
