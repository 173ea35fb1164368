"""Optional OpenTelemetry spans (``[otel]`` extra): one span per stage.

With tracing off, or without ``opentelemetry-api``, :meth:`Tracer.span` is a no-op
context manager. Spans go to whatever tracer provider the deployment installed
(e.g. ``opentelemetry-instrument``); this module never configures exporters.
Span attributes carry counts, actions and rule ids, never prompt text.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from .config import TracingConfig


class Tracer:
    def __init__(self, config: TracingConfig):
        self._tracer: Any = None
        if config.enabled:
            try:
                from opentelemetry import trace
            except ImportError:
                from aplguard.errors import MissingDependencyError

                raise MissingDependencyError("tracing.enabled needs OpenTelemetry: pip install 'aplguard[otel]'") from None
            self._tracer = trace.get_tracer("aplguard.gateway")

    @property
    def enabled(self) -> bool:
        return self._tracer is not None

    @contextlib.contextmanager
    def span(self, name: str, **attributes: Any) -> Iterator[Any]:
        if self._tracer is None:
            yield None
            return
        with self._tracer.start_as_current_span(name, attributes=attributes) as span:
            yield span

    def stages(self, timings_ms: dict[str, float], end_ns: int) -> None:
        """Record Guard's measured stages (screen, generate, faces, audit) as child spans, back-dated."""
        if self._tracer is None:
            return
        t = end_ns - int(timings_ms.get("total", 0.0) * 1e6)
        for stage in ("screen", "generate", "faces", "audit"):
            if stage in timings_ms:
                dur = int(timings_ms[stage] * 1e6)
                span = self._tracer.start_span(f"aplguard.{stage}", start_time=t)
                span.end(end_time=t + dur)
                t += dur
