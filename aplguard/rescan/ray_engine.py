"""The ``ray`` engine: Ray Data ``map_batches`` over an actor pool (``pip install 'aplguard[ray]'``).

The dataset is built from the item paths (``ray.data.from_items``), not with
``ray.data.read_images``: each actor decodes with :func:`aplguard.faces.load_image`,
which checks the header's size before decoding (OpenCV aborts the process on huge
images) and turns a corrupt file into that item's ``error`` instead of failing the
whole dataset. Each actor builds its face auditor once, in its constructor.

Every worker node needs aplguard with the ``faces`` extra, the model files
(``aplguard models pull``) and the gallery folder at the same path. See docs/rescan.md.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from .._deps import require
from ..errors import ConfigError
from .scanner import Scanner, ScanSettings
from .sources import ScanItem


class ScanActor:
    """A Ray Data callable class: one :class:`Scanner` per actor, built once."""

    def __init__(self, settings: ScanSettings) -> None:
        self.scanner = Scanner(settings)

    def __call__(self, batch: dict[str, np.ndarray[Any, Any]]) -> dict[str, np.ndarray[Any, Any]]:
        lines = []
        for raw in batch["item"]:
            d = json.loads(raw)
            lines.append(json.dumps(self.scanner.scan(ScanItem(**d))))
        return {"line": np.array(lines, dtype=object)}


def _encode(item: ScanItem) -> dict[str, str]:
    # One JSON string column: Arrow would otherwise infer null types from all-None columns.
    return {"item": json.dumps({"path": item.path, "size": item.size, "mtime_ns": item.mtime_ns,
                                "error": item.error})}


class RayEngine:
    """Scan on a Ray cluster with ``workers`` actors of ``cpus_per_worker`` CPUs each.

    Args:
        workers: actors in the pool (>= 1).
        address: Ray cluster address (``auto``, ``ray://host:10001``); None starts a
            local Ray instance when none is running in this process.
        num_cpus: CPUs of the local instance this engine starts (ignored otherwise).
        batch_size: images per ``map_batches`` call.
        window: items per Ray dataset; a long input runs as consecutive datasets so
            that the driver never holds it all.
        cpus_per_worker: CPUs reserved per actor.
    """

    name = "ray"

    def __init__(self, workers: int = 1, address: str | None = None, num_cpus: int | None = None,
                 batch_size: int = 8, window: int = 50_000, cpus_per_worker: float = 1.0) -> None:
        if workers < 1:
            raise ConfigError(f"ray engine: workers must be >= 1, got {workers}")
        if batch_size < 1 or window < 1:
            raise ConfigError("ray engine: batch_size and window must be >= 1")
        self.workers = workers
        self.address = address
        self.num_cpus = num_cpus
        self.batch_size = batch_size
        self.window = window
        self.cpus_per_worker = cpus_per_worker

    def run(self, items: Iterable[ScanItem], settings: ScanSettings) -> Iterator[dict[str, Any]]:
        """Result lines of ``items`` (in completion order, not input order)."""
        ray = require("ray", "ray")
        ray_data = require("ray.data", "ray")

        started = False
        if not ray.is_initialized():
            ray.init(address=self.address, num_cpus=self.num_cpus if self.address is None else None,
                     include_dashboard=False, log_to_driver=False)
            started = True
        try:
            it = iter(items)
            while batch := list(itertools.islice(it, self.window)):
                ds = ray_data.from_items([_encode(i) for i in batch])
                ds = ds.map_batches(ScanActor, fn_constructor_args=(settings,), batch_size=self.batch_size,
                                    concurrency=self.workers, num_cpus=self.cpus_per_worker, batch_format="numpy")
                for row in ds.iter_rows():
                    yield dict(json.loads(row["line"]))
        finally:
            if started:
                ray.shutdown()
