"""A bounded queue in front of one pipeline: one worker thread, 503 when full.

The pipeline runs one call at a time (one pipeline per GPU/process); requests wait
in a queue of at most ``queue_size`` (waiting + running). A request over that is
answered 503 at once, so memory never grows with the load. A request that times
out (504) or whose client left keeps its slot until the worker reaches it; the
worker then skips it without generating. Micro-batching is not done: Guard audits
per call and the toy model is CPU-bound, so batching same-parameter requests would
buy little here (a hook for it is :meth:`GenerationQueue.submit`).
"""

from __future__ import annotations

import asyncio
import base64
import io
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from .errors import ApiError
from .metrics import Metrics

T = TypeVar("T")


class _Job(Generic[T]):
    __slots__ = ("fn", "abandoned")

    def __init__(self, fn: Callable[[], T]):
        self.fn = fn
        self.abandoned = threading.Event()

    def run(self) -> T | None:
        if self.abandoned.is_set():  # its caller timed out or left: do not spend the pipeline on it
            return None
        return self.fn()


class GenerationQueue:
    """Admission control plus one worker thread; used from the event loop."""

    def __init__(self, size: int, metrics: Metrics):
        self.size = size
        self.metrics = metrics
        self.pending = 0
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aplguard-generate")

    async def submit(self, fn: Callable[[], T], timeout_s: float) -> T:
        """Run ``fn`` on the worker; 503 when the queue is full, 504 after ``timeout_s``."""
        if self.pending >= self.size:
            self.metrics.queue_rejected.inc()
            raise ApiError(503, f"generation queue full ({self.size} requests waiting or running); retry later",
                           {"Retry-After": "1"})
        job: _Job[T] = _Job(fn)
        self._enter()
        fut = asyncio.get_running_loop().run_in_executor(self._executor, job.run)
        fut.add_done_callback(lambda _f: self._leave())  # only when the work really ended
        try:
            result = await asyncio.wait_for(asyncio.shield(fut), timeout_s)
        except asyncio.TimeoutError:
            job.abandoned.set()
            raise ApiError(504, f"generation did not finish within {timeout_s:g} s") from None
        except asyncio.CancelledError:  # client went away
            job.abandoned.set()
            raise
        assert result is not None
        return result

    def _enter(self) -> None:
        self.pending += 1
        self.metrics.queue_depth.set(self.pending)

    def _leave(self) -> None:
        self.pending -= 1
        self.metrics.queue_depth.set(self.pending)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def png_b64(image: Any) -> str:
    """A PIL image as base64 PNG (the OpenAI ``b64_json`` field)."""
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def parse_size(size: Any, allowed: list[str], native: tuple[int, int]) -> tuple[int, int]:
    """``"WxH"`` -> (width, height), checked against the allowed sizes (default: the model's native one)."""
    if size is None:
        return native
    if not isinstance(size, str):
        raise ApiError(400, "size: expected a string like '512x512'")
    choices = allowed or [f"{native[0]}x{native[1]}"]
    if size not in choices:
        raise ApiError(400, f"size: {size!r} is not served; one of {', '.join(choices)}")
    w, h = size.split("x")
    return int(w), int(h)
