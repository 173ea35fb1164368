"""Prometheus metrics of the gateway, in the app's own registry (no global state).

With several worker processes (``aplguard serve --workers N``) each process counts in
prometheus-client's multiprocess mode: the serve command gives its workers a fresh
``PROMETHEUS_MULTIPROC_DIR``, every process writes its values to files there, and
``/metrics`` (answered by whichever worker) serves the aggregate of all of them, so a
scrape sees every worker's requests. The serve command marks a worker that exited as
dead (``mark_process_dead``), which drops its ``live*`` gauges; its counters stay in
the totals. A single process keeps its values in memory as usual.
"""

from __future__ import annotations

from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, values
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector

from aplguard.environment import prometheus_multiproc_dir
from aplguard.types import Decision

CONTENT_TYPE = CONTENT_TYPE_LATEST
_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)


class Metrics:
    """Requests, decisions by action and rule, latencies, fail-closed events, queue depth."""

    def __init__(self, multiprocess_dir: Path | None = None) -> None:
        """``multiprocess_dir``: where the processes' value files are; default: the one
        prometheus-client was started with (``$PROMETHEUS_MULTIPROC_DIR`` at its import), if any."""
        self.multiprocess_dir = multiprocess_dir if multiprocess_dir is not None else _multiprocess_dir()
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter("aplguard_requests", "HTTP requests by endpoint and status",
                                ["endpoint", "status"], registry=r)
        self.latency = Histogram("aplguard_request_seconds", "Request latency by endpoint", ["endpoint"],
                                 buckets=_LATENCY_BUCKETS, registry=r)
        self.decisions = Counter("aplguard_decisions", "Prompt decisions by action and rule",
                                 ["endpoint", "action", "rule"], registry=r)
        self.fail_closed = Counter("aplguard_fail_closed", "Fail-closed events (detector errors, withheld images)",
                                   ["endpoint"], registry=r)
        # livesum: across workers the depths add up, and a dead worker's share is dropped.
        self.queue_depth = Gauge("aplguard_generation_queue_depth", "Generation requests waiting or running",
                                 registry=r, multiprocess_mode="livesum")
        self.queue_rejected = Counter("aplguard_generation_rejected", "Generation requests refused (queue full)",
                                      registry=r)
        self.batch_size = Histogram("aplguard_generation_batch_size",
                                    "Generation requests run together as one Guard call (micro-batching)",
                                    buckets=(1, 2, 3, 4, 6, 8, 12, 16, 32, 64), registry=r)
        # The pipeline call in progress (0 when idle); livemax: the longest call among live workers.
        self.call_seconds = Gauge("aplguard_generation_call_seconds",
                                  "How long the pipeline call in progress has run (0: idle)", registry=r,
                                  multiprocess_mode="livemax")
        self.stalls = Counter("aplguard_generation_stalls",
                              "Pipeline calls that ran past pipeline.stall_timeout_s (counted once each)", registry=r)
        self.stage = Histogram("aplguard_stage_seconds", "Guard stage latency (screen, generate, faces, total)",
                               ["stage"], buckets=_LATENCY_BUCKETS, registry=r)
        # Label children cached per key: .labels() costs a lock and a dict walk each call.
        self._req_children: dict[tuple[str, str], Counter] = {}
        self._lat_children: dict[str, Histogram] = {}
        self._dec_children: dict[tuple[str, str, str], Counter] = {}

    def observe_request(self, endpoint: str, status: int, seconds: float) -> None:
        key = (endpoint, str(status))
        c = self._req_children.get(key)
        if c is None:
            c = self._req_children[key] = self.requests.labels(*key)
        c.inc()
        h = self._lat_children.get(endpoint)
        if h is None:
            h = self._lat_children[endpoint] = self.latency.labels(endpoint)
        h.observe(seconds)

    def observe_decision(self, endpoint: str, decision: Decision) -> None:
        key = (endpoint, decision.action, decision.rule)
        c = self._dec_children.get(key)
        if c is None:
            c = self._dec_children[key] = self.decisions.labels(*key)
        c.inc()
        if decision.errors:
            self.fail_closed.labels(endpoint).inc()

    def render(self) -> bytes:
        if self.multiprocess_dir is None:
            return generate_latest(self.registry)
        # Every worker's files, read at scrape time (path given: the collector would otherwise
        # read, and possibly rewrite, the environment).
        aggregate = CollectorRegistry()
        MultiProcessCollector(aggregate, path=str(self.multiprocess_dir))  # type: ignore[no-untyped-call]
        return generate_latest(aggregate)


def _multiprocess_dir() -> Path | None:
    """The multiprocess directory when prometheus-client really runs in that mode in this process."""
    if values.ValueClass is values.MutexValue:  # chosen once, when prometheus-client was imported
        return None
    return prometheus_multiproc_dir()
