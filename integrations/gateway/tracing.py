"""Optional OpenTelemetry spans (``[otel]`` extra): a request span, one child span per stage.

Span tree of one request (names are stable; see docs/gateway.md)::

    aplguard.request            endpoint, route, status code         (every API endpoint)
    ├── aplguard.screen         prompts, counts per action            (/v1/check)
    ├── aplguard.queue          the wait for the pipeline                  (/v1/images/generations)
    └── aplguard.guard          images requested / returned / withheld, requests in the batch
        ├── aplguard.screen     prompts, counts per action, rule ids, detector errors
        ├── aplguard.inputs     (input images checked; only when the policy checks them)
        ├── aplguard.generate   images generated
        ├── aplguard.faces      faces found, flagged outputs, output actions
        ├── aplguard.audit      records written
        └── aplguard.sign       (content credentials; only when configured)

Guard measures its own stages (``GuardOutput.timings_ms``); their spans are recorded
after the call, back-dated to when each stage ran, so Guard needs no tracing hook.
Guard runs on the generation queue's worker thread, where the request's OpenTelemetry
context is not current: the request's context is captured on the event loop
(:meth:`Tracer.context`) and handed over explicitly.

Spans go to the tracer provider passed in (``create_app(..., tracer_provider=...)``)
or else to the process's global one (what ``opentelemetry-instrument`` or the
operator's own set-up installed); this module never installs a provider or an
exporter. Attributes carry counts, actions and rule ids, never prompt text, names or
exception messages (a message can quote a prompt): a failed span's status names the
exception type only, and exceptions are not recorded as span events.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any

from .config import TracingConfig

_INSTRUMENTATION = "aplguard.gateway"
# Guard's stages in the order they run (keys of GuardOutput.timings_ms; "audit" is derived).
_STAGES = ("screen", "inputs", "generate", "faces")


class Tracer:
    """The gateway's spans; every method is a no-op when tracing is off."""

    def __init__(self, config: TracingConfig, provider: Any = None):
        self._tracer: Any = None
        if config.enabled or provider is not None:
            try:
                from opentelemetry import trace
            except ImportError:
                from aplguard.errors import MissingDependencyError

                raise MissingDependencyError("tracing needs OpenTelemetry: pip install 'aplguard[otel]'") from None
            from aplguard import __version__

            source = provider if provider is not None else trace  # trace.get_tracer: the global provider
            self._tracer = source.get_tracer(_INSTRUMENTATION, __version__)

    @property
    def enabled(self) -> bool:
        return self._tracer is not None

    # -- spans on the event loop (the current context is the request's) -------------------
    @contextlib.contextmanager
    def request(self, endpoint: str, method: str, route: str) -> Iterator[Callable[[int], None]]:
        """The request span; yields ``finish(status_code)``. 5xx and escaping exceptions mark it failed."""
        if self._tracer is None:
            yield _ignore
            return
        from opentelemetry.trace import SpanKind

        attributes = {"aplguard.endpoint": endpoint, "http.request.method": method, "http.route": route}
        with self._tracer.start_as_current_span("aplguard.request", kind=SpanKind.SERVER, attributes=attributes,
                                                record_exception=False, set_status_on_exception=False) as span:

            def finish(status: int) -> None:
                span.set_attribute("http.response.status_code", status)
                if status >= 500:
                    _fail(span, f"HTTP {status}")

            try:
                yield finish
            except BaseException as exc:
                _fail(span, type(exc).__name__)
                raise

    @contextlib.contextmanager
    def span(self, name: str, **attributes: Any) -> Iterator[Any]:
        """A child of the current span (None when tracing is off); failed with the exception's type only."""
        if self._tracer is None:
            yield None
            return
        with self._tracer.start_as_current_span(name, attributes=attributes, record_exception=False,
                                                set_status_on_exception=False) as span:
            try:
                yield span
            except BaseException as exc:
                _fail(span, type(exc).__name__)
                raise

    def screened(self, span: Any, decisions: list[Any]) -> None:
        """Counts per action on a screen span; failed when a detector failed (a fail-closed decision)."""
        if span is None:
            return
        counts: dict[str, int] = {}
        errors = 0
        for d in decisions:
            counts[d.action] = counts.get(d.action, 0) + 1
            errors += len(d.errors)
        for action, count in counts.items():
            span.set_attribute(f"aplguard.decisions.{action}", count)
        span.set_attribute("aplguard.detector_errors", errors)
        if errors:
            _fail(span, f"{errors} detector failure(s) resolved by on_error")

    def context(self) -> Any:
        """The current OpenTelemetry context, to hand to another thread (None when tracing is off)."""
        if self._tracer is None:
            return None
        from opentelemetry import context

        return context.get_current()

    # -- the Guard call, on the generation worker thread -----------------------------------
    @contextlib.contextmanager
    def guard_call(self, parent: Any, queued_ns: int | None = None,
                   **attributes: Any) -> Iterator[Callable[[Any], None]]:
        """Trace one Guard call for the request whose context is ``parent``; yields ``record(guard_output)``.

        ``parent`` comes from :meth:`context` on the event loop; ``queued_ns`` is
        ``time.time_ns()`` when the request entered the queue (or None). The request's
        trace gets an ``aplguard.queue`` span for its wait and an ``aplguard.guard`` span
        with the call's stage spans, written when the block ends; a call that raised
        leaves a failed ``aplguard.guard`` span. A micro-batch enters one block per request
        around its one Guard call: each request's trace shows the shared call.
        """
        if self._tracer is None:
            yield _ignore
            return
        start = time.time_ns()
        outputs: list[Any] = []
        failure: str | None = None
        try:
            yield outputs.append
        except BaseException as exc:
            failure = type(exc).__name__
            raise
        finally:
            self._write_guard(parent, queued_ns, start, time.time_ns(), outputs[-1] if outputs else None, failure,
                              attributes)

    def _write_guard(self, parent: Any, queued_ns: int | None, start: int, end: int, out: Any,
                     failure: str | None, attributes: dict[str, Any]) -> None:
        from opentelemetry import trace

        tracer = self._tracer
        if queued_ns is not None and queued_ns < start:
            tracer.start_span("aplguard.queue", context=parent, start_time=queued_ns).end(end_time=start)
        guard = tracer.start_span("aplguard.guard", context=parent, start_time=start, attributes=attributes)
        try:
            if failure is not None:
                _fail(guard, failure)
            if out is not None:
                images = list(out.images)
                guard.set_attribute("aplguard.images.returned", sum(im is not None for im in images))
                guard.set_attribute("aplguard.images.withheld", sum(im is None for im in images))
                self._write_stages(trace.set_span_in_context(guard, parent), out, start, end)
        finally:
            guard.end(end_time=end)

    def _write_stages(self, ctx: Any, out: Any, start: int, end: int) -> None:
        """Back-dated stage spans from Guard's timings: each stage starts where the previous ended."""
        tracer = self._tracer
        timings: dict[str, float] = out.timings_ms
        t = start
        for stage in _STAGES:
            if stage not in timings:
                continue
            dur = int(timings[stage] * 1e6)
            if stage == "inputs" and not out.inputs:  # the policy checks inputs, the request had none
                t += dur
                continue
            span = tracer.start_span(f"aplguard.{stage}", context=ctx, start_time=t,
                                     attributes=_stage_attributes(stage, out))
            if stage == "screen" and any(d.errors for d in out.decisions):
                _fail(span, "detector failure(s) resolved by on_error")
            if stage == "faces" and any(o.errors for o in out.output_decisions):
                _fail(span, "output check failure(s) resolved by on_error")
            span.end(end_time=t + dur)
            t += dur
        # Guard audits after measuring "total" and signs after auditing.
        sign_ns = int(timings.get("sign", 0.0) * 1e6)
        audit_start = max(t, start + int(timings.get("total", 0.0) * 1e6))
        audit_end = max(audit_start, end - sign_ns)
        audit = tracer.start_span("aplguard.audit", context=ctx, start_time=audit_start,
                                  attributes={"aplguard.audit.records": len(out.audit_ids)})
        if not out.audit_ids:  # the gateway always has a sink: no id means the write failed
            _fail(audit, "audit write failed; images withheld when the policy requires an audit")
        audit.end(end_time=audit_end)
        if "sign" in timings:
            tracer.start_span("aplguard.sign", context=ctx, start_time=audit_end).end(end_time=max(audit_end, end))


def _stage_attributes(stage: str, out: Any) -> dict[str, Any]:
    if stage == "screen":
        attrs: dict[str, Any] = {"aplguard.prompts": len(out.decisions),
                                 "aplguard.detector_errors": sum(len(d.errors) for d in out.decisions),
                                 "aplguard.decision.rules": [d.rule for d in out.decisions]}
        for action in {d.action for d in out.decisions}:
            attrs[f"aplguard.decisions.{action}"] = sum(d.action == action for d in out.decisions)
        return attrs
    if stage == "inputs":
        return {"aplguard.inputs": len(out.inputs or [])}
    if stage == "generate":
        return {"aplguard.images.generated": len(out.images)}
    # faces
    return {"aplguard.faces.detected": sum(len(f) for f in out.faces),
            "aplguard.outputs.flagged": sum(1 for o in out.output_decisions if o.flagged),
            "aplguard.outputs.actions": [o.action for o in out.output_decisions]}


def _fail(span: Any, description: str) -> None:
    from opentelemetry.trace import Status, StatusCode

    span.set_status(Status(StatusCode.ERROR, description))


def _ignore(_value: Any) -> None:
    """``finish``/``record`` when tracing is off."""
