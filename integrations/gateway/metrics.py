"""Prometheus metrics of one gateway process, in its own registry (no global state)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from aplguard.types import Decision

CONTENT_TYPE = CONTENT_TYPE_LATEST
_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)


class Metrics:
    """Requests, decisions by action and rule, latencies, fail-closed events, queue depth."""

    def __init__(self) -> None:
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
        self.queue_depth = Gauge("aplguard_generation_queue_depth", "Generation requests waiting or running",
                                 registry=r)
        self.queue_rejected = Counter("aplguard_generation_rejected", "Generation requests refused (queue full)",
                                      registry=r)
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
        return generate_latest(self.registry)
