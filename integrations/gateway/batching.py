"""The generation queue: admission control, micro-batching, one pipeline worker.

The pipeline runs one call at a time (one pipeline per GPU/process) on one worker
thread. In front of it:

- **Admission**: at most ``size`` requests wait or run (each request is one prompt,
  so this also bounds queued prompts); one more is answered 503 at once, so memory
  never grows with the load.
- **Micro-batching**: requests with the same *batch key* (everything that changes the
  result or the audit record except the prompt and the seed; built by the caller)
  that arrive within ``window_s`` of the first one, or while the worker is still busy
  with earlier work, join one batch of at most ``max_batch`` requests, which runs as
  ONE call of the caller's ``run(items) -> results`` (one Guard call with the prompt
  list). Each request gets back its own entry of the results. ``window_s == 0`` or
  ``max_batch == 1`` turns batching off: every request is a batch of one, dispatched
  at once.
- **Timeouts**: a request that times out (504) or whose client left keeps its slot
  until the worker reaches its batch; the worker then leaves it out of the call (a
  batch whose requests all left is skipped without generating).

Everything but the worker's call runs on the event loop, so the open-batch table
needs no lock; a batch's own lock only orders "join" (loop) against "start" (worker).
The start time of the call in progress (:meth:`GenerationQueue.call_running_s`) is
written by the worker and read from any thread, under its own lock: a call that runs
far longer than any real generation is a stalled one (:mod:`.stall`).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, TypeVar

from .errors import ApiError
from .metrics import Metrics

I = TypeVar("I")  # noqa: E741 - one request's item
R = TypeVar("R")  # one request's result


class _Entry(Generic[I, R]):
    """One request waiting in a batch."""

    __slots__ = ("item", "future", "abandoned")

    def __init__(self, item: I, future: asyncio.Future[R]):
        self.item = item
        self.future = future
        self.abandoned = threading.Event()  # set on the loop, read by the worker


class _Batch(Generic[I, R]):
    """Requests of one key that will run as one call; closed once the worker starts it."""

    def __init__(self, key: Hashable, run: Callable[[list[I]], list[R]]):
        self.key = key
        self.run = run
        self.entries: list[_Entry[I, R]] = []
        self.started = False
        self.dispatched = False
        self.timer: asyncio.TimerHandle | None = None
        self._lock = threading.Lock()

    def join(self, entry: _Entry[I, R], cap: int) -> bool:
        with self._lock:
            if self.started or len(self.entries) >= cap:
                return False
            self.entries.append(entry)
            return True

    def take(self) -> list[_Entry[I, R]]:
        """Close the batch (worker thread) and return its entries."""
        with self._lock:
            self.started = True
            return list(self.entries)

    def full(self, cap: int) -> bool:
        with self._lock:
            return len(self.entries) >= cap


class GenerationQueue(Generic[I, R]):
    """Bounded, batching queue in front of one worker thread; used from the event loop.

    Args:
        size: requests waiting or running at most; more get 503.
        metrics: the gateway's metrics (queue depth, rejections, batch sizes).
        window_s: how long the first request of a batch waits for others (0: no batching).
        max_batch: requests per batch at most (1: no batching).
    """

    def __init__(self, size: int, metrics: Metrics, *, window_s: float = 0.0, max_batch: int = 1):
        self.size = size
        self.metrics = metrics
        self.window_s = max(0.0, window_s)
        self.max_batch = max(1, max_batch)
        self.pending = 0
        self._open: dict[Hashable, _Batch[I, R]] = {}  # key -> the batch new requests may still join
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aplguard-generate")
        self._call_lock = threading.Lock()
        self._call_started: float | None = None  # time.monotonic() when the running call began; None: idle

    def call_running_s(self) -> float | None:
        """Seconds the pipeline call in progress has run (monotonic clock); None when no call runs.

        Safe from any thread. Only the ``run`` call itself counts: waiting for the worker
        or for a batch window does not.
        """
        with self._call_lock:
            started = self._call_started
        return None if started is None else max(0.0, time.monotonic() - started)

    @property
    def batching(self) -> bool:
        return self.window_s > 0 and self.max_batch > 1

    async def submit(self, key: Hashable, item: I, run: Callable[[list[I]], list[R]], timeout_s: float) -> R:
        """Queue ``item``; requests of the same ``key`` may run together as one ``run(items)`` call.

        ``run`` is called on the worker thread with the items of one batch (in arrival
        order) and must return one result per item. All requests of a key must pass an
        equivalent ``run`` (the first one's is used). 503 when the queue is full, 504
        after ``timeout_s``; an exception of ``run`` is raised to every request of the batch.
        """
        if self.pending >= self.size:
            self.metrics.queue_rejected.inc()
            raise ApiError(503, f"generation queue full ({self.size} requests waiting or running); retry later",
                           {"Retry-After": "1"})
        loop = asyncio.get_running_loop()
        entry: _Entry[I, R] = _Entry(item, loop.create_future())
        self._enter(1)
        batch = self._open.get(key) if self.batching else None
        if batch is None or not batch.join(entry, self.max_batch):
            batch = _Batch(key, run)
            batch.join(entry, self.max_batch)
            if self.batching:
                self._open[key] = batch
                batch.timer = loop.call_later(self.window_s, self._dispatch, batch)
            else:
                self._dispatch(batch)
        if batch.full(self.max_batch):
            self._dispatch(batch)  # no reason to wait out the window
        try:
            return await asyncio.wait_for(asyncio.shield(entry.future), timeout_s)
        except asyncio.TimeoutError:
            entry.abandoned.set()
            raise ApiError(504, f"generation did not finish within {timeout_s:g} s") from None
        except asyncio.CancelledError:  # client went away
            entry.abandoned.set()
            raise

    def _dispatch(self, batch: _Batch[I, R]) -> None:
        """Hand a batch to the worker (once); it stays joinable until the worker starts it."""
        if batch.dispatched:
            return
        batch.dispatched = True
        if batch.timer is not None:
            batch.timer.cancel()
        fut = asyncio.get_running_loop().run_in_executor(self._executor, self._work, batch)
        fut.add_done_callback(lambda f: self._finish(batch, f))

    def _work(self, batch: _Batch[I, R]) -> list[tuple[_Entry[I, R], R]]:
        """Worker thread: close the batch, run its live items as one call; (entry, result) pairs."""
        entries = batch.take()
        live = [e for e in entries if not e.abandoned.is_set()]
        if not live:  # every caller timed out or left: do not spend the pipeline on it
            return []
        self.metrics.batch_size.observe(len(live))
        with self._call_lock:
            self._call_started = time.monotonic()
        try:
            results = batch.run([e.item for e in live])
        finally:
            with self._call_lock:
                self._call_started = None
        if len(results) != len(live):
            raise RuntimeError(f"batch run returned {len(results)} results for {len(live)} requests")
        return list(zip(live, results))

    def _finish(self, batch: _Batch[I, R], fut: asyncio.Future[list[tuple[_Entry[I, R], R]]]) -> None:
        """Event loop: deliver each request's result (or the batch's exception) and free the slots."""
        if self._open.get(batch.key) is batch:
            del self._open[batch.key]
        self._leave(len(batch.entries))  # closed by take(): nobody joined after the worker started
        waiting = [e for e in batch.entries if not e.abandoned.is_set() and not e.future.done()]
        if fut.cancelled():  # the executor was shut down
            for e in waiting:
                e.future.cancel()
            return
        exc = fut.exception()
        if exc is not None:
            for e in waiting:
                e.future.set_exception(exc)
            return
        for e, result in fut.result():
            if not e.abandoned.is_set() and not e.future.done():
                e.future.set_result(result)

    def _enter(self, n: int) -> None:
        self.pending += n
        self.metrics.queue_depth.set(self.pending)

    def _leave(self, n: int) -> None:
        self.pending -= n
        self.metrics.queue_depth.set(self.pending)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
