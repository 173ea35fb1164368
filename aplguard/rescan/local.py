"""The ``local`` engine: a pool of worker processes on this machine.

Each worker process builds its own :class:`~aplguard.rescan.scanner.Scanner` once
(in the pool initializer): mediapipe and OpenCV objects cannot be pickled. Workers
are started with ``spawn`` (a fresh interpreter), because forking a process that
has already loaded native threaded runtimes can deadlock. Items are submitted in
bounded windows, so the input is never held in memory as a whole.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..errors import ConfigError
from .scanner import Scanner, ScanSettings
from .sources import ScanItem

# The worker process's scanner. Set only inside pool worker processes (by the
# initializer), never in the process that runs the rescan.
_WORKER_SCANNER: list[Scanner] = []


def _init_worker(settings: ScanSettings) -> None:
    _WORKER_SCANNER.append(Scanner(settings))


def _scan_in_worker(item: ScanItem) -> dict[str, Any]:
    return _WORKER_SCANNER[0].scan(item)


class LocalEngine:
    """Scan on ``workers`` local processes (``workers=0``: in this process, no pool).

    Args:
        workers: worker processes (>= 0).
        window: items in flight per worker (bounds memory; results keep input order).
    """

    name = "local"

    def __init__(self, workers: int = 1, window: int = 32) -> None:
        if workers < 0:
            raise ConfigError(f"local engine: workers must be >= 0, got {workers}")
        if window < 1:
            raise ConfigError(f"local engine: window must be >= 1, got {window}")
        self.workers = workers
        self.window = window

    def run(self, items: Iterable[ScanItem], settings: ScanSettings) -> Iterator[dict[str, Any]]:
        """Result lines of ``items``, in input order."""
        if self.workers == 0:
            scanner = Scanner(settings)
            for item in items:
                yield scanner.scan(item)
            return
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                 initargs=(settings,)) as pool:
            it = iter(items)
            while batch := list(itertools.islice(it, self.workers * self.window)):
                chunk = max(1, len(batch) // (self.workers * 4))
                yield from pool.map(_scan_in_worker, batch, chunksize=chunk)
