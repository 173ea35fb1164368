"""OpenTelemetry tracing against the real gateway on loopback, with the real SDK.

An SDK ``TracerProvider`` with an ``InMemorySpanExporter`` is handed to the app
(``tracer_provider=``); the global provider is never set. The checks: one span per
stage under a request span, decisions and counts as attributes but never the prompt
or a name, and an error status on a failed stage (the audit log's fail-closed path,
a pipeline that raises).
"""

from __future__ import annotations

import sqlite3

import httpx
import pytest

pytest.importorskip("opentelemetry.sdk")

from opentelemetry import trace  # noqa: E402
from opentelemetry.sdk.trace import TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter  # noqa: E402
from opentelemetry.trace import StatusCode  # noqa: E402

NAME = "alice"  # a protected toy-world person
PROMPT = f"a watercolour portrait of {NAME} reading"
STAGES = ("aplguard.screen", "aplguard.generate", "aplguard.faces", "aplguard.audit")


@pytest.fixture(scope="module")
def traced_service(gateway_policy, tmp_path_factory):
    """A Service of its own: its SQLite audit log gives up after 0.3 s on a lock (the fail-closed test)."""
    from aplguard.integrations.gateway import GatewayConfig, Service

    db = tmp_path_factory.mktemp("gateway-trace-audit") / "audit.db"
    svc = Service(GatewayConfig(policy=str(gateway_policy), audit=f"sqlite:///{db}?busy_timeout_s=0.3"))
    svc.db_path = db
    yield svc
    svc.close()


@pytest.fixture
def traced(traced_service):
    """traced(**config) -> (server, exporter): a gateway on 127.0.0.1 whose spans go to an in-memory exporter."""
    from aplguard.integrations.gateway import GatewayConfig, ThreadServer

    servers = []

    def _start(**overrides):
        exporter = InMemorySpanExporter()
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(exporter))
        srv = ThreadServer(GatewayConfig.model_validate(overrides), traced_service, tracer_provider=provider)
        servers.append(srv)
        return srv, exporter

    yield _start
    for srv in servers:
        srv.stop()


def _by_name(spans, name):
    return [s for s in spans if s.name == name]


def _children(spans, parent):
    return [s for s in spans if s.parent is not None and s.parent.span_id == parent.context.span_id]


def _texts(spans):
    """Every string a span carries: name, attribute keys and values, events, links, status."""
    for s in spans:
        yield s.name
        if s.status.description:
            yield s.status.description
        for attrs in [s.attributes, *(e.attributes for e in s.events), *(link.attributes for link in s.links)]:
            for k, v in (attrs or {}).items():
                yield k
                yield from (str(x) for x in v) if isinstance(v, (list, tuple)) else (str(v),)
        yield from (e.name for e in s.events)


def _assert_private(spans):
    texts = list(_texts(spans))
    assert texts
    for t in texts:
        assert PROMPT not in t and NAME not in t.lower(), t


def test_generation_spans_one_per_stage_under_the_request(traced):
    srv, exporter = traced()
    r = httpx.post(srv.url + "/v1/images/generations", json={"prompt": PROMPT, "seed": 3}, timeout=120)
    assert r.status_code == 200, r.text
    spans = exporter.get_finished_spans()
    [request] = _by_name(spans, "aplguard.request")
    assert request.parent is None and request.kind == trace.SpanKind.SERVER
    assert request.attributes["aplguard.endpoint"] == "generate"
    assert request.attributes["http.route"] == "/v1/images/generations"
    assert request.attributes["http.response.status_code"] == 200
    assert request.status.status_code != StatusCode.ERROR
    # request -> queue, guard; guard -> one span per stage, in order, inside the guard span
    assert sorted(s.name for s in _children(spans, request)) == ["aplguard.guard", "aplguard.queue"]
    [guard] = _by_name(spans, "aplguard.guard")
    stages = sorted(_children(spans, guard), key=lambda s: s.start_time)
    assert [s.name for s in stages] == list(STAGES)
    assert all(s.context.trace_id == request.context.trace_id for s in spans)
    for s in stages:
        assert guard.start_time <= s.start_time <= s.end_time <= guard.end_time
        assert s.status.status_code != StatusCode.ERROR
    assert request.start_time <= guard.start_time and guard.end_time <= request.end_time
    # decisions and counts, no text
    screen, generate, faces, audit = stages
    assert screen.attributes["aplguard.decisions.anonymize"] == 1
    assert list(screen.attributes["aplguard.decision.rules"]) == [r.json()["aplguard"]["decision"]["rule"]]
    assert screen.attributes["aplguard.detector_errors"] == 0
    assert generate.attributes["aplguard.images.generated"] == 1
    assert faces.attributes["aplguard.faces.detected"] >= 0 and len(faces.attributes["aplguard.outputs.actions"]) == 1
    assert audit.attributes["aplguard.audit.records"] == 1
    assert guard.attributes["aplguard.images.returned"] == 1 and guard.attributes["aplguard.images.withheld"] == 0
    _assert_private(spans)


def test_check_spans_and_the_global_provider_is_untouched(traced):
    srv, exporter = traced()
    r = httpx.post(srv.url + "/v1/check", json={"prompts": [PROMPT, "a red bicycle", f"{NAME} at the beach"]},
                   timeout=30)
    assert r.status_code == 200
    spans = exporter.get_finished_spans()
    [request] = _by_name(spans, "aplguard.request")
    [screen] = _children(spans, request)
    assert screen.name == "aplguard.screen" and screen.attributes["aplguard.prompts"] == 3
    actions = [x["decision"] for x in r.json()["results"]]
    for action in set(actions):
        assert screen.attributes[f"aplguard.decisions.{action}"] == actions.count(action)
    # an error answer is traced as a request with its status, and still says nothing of the body
    r = httpx.post(srv.url + "/v1/check", json={"prompts": PROMPT}, timeout=30)
    assert r.status_code == 400
    assert _by_name(exporter.get_finished_spans(), "aplguard.request")[-1].attributes[
        "http.response.status_code"] == 400
    _assert_private(exporter.get_finished_spans())
    # the app used the provider it was given; the process's global one is still the default proxy
    assert not isinstance(trace.get_tracer_provider(), TracerProvider)


def test_failed_audit_write_marks_the_audit_span_and_fails_closed(traced, traced_service):
    srv, exporter = traced()
    lock = sqlite3.connect(traced_service.db_path, timeout=5, isolation_level=None)
    try:
        lock.execute("BEGIN IMMEDIATE")  # another process holds the write lock longer than busy_timeout_s
        r = httpx.post(srv.url + "/v1/images/generations", json={"prompt": PROMPT, "seed": 4}, timeout=120)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    # the policy requires an audit record: no record, no image
    assert r.status_code == 422, r.text
    spans = exporter.get_finished_spans()
    [audit] = _by_name(spans, "aplguard.audit")
    assert audit.status.status_code == StatusCode.ERROR and audit.attributes["aplguard.audit.records"] == 0
    [guard] = _by_name(spans, "aplguard.guard")
    assert guard.attributes["aplguard.images.withheld"] == 1
    assert [s.status.status_code == StatusCode.ERROR for s in _children(spans, guard)] == [
        s.name == "aplguard.audit" for s in _children(spans, guard)]
    [request] = _by_name(spans, "aplguard.request")
    assert request.attributes["http.response.status_code"] == 422
    _assert_private(spans)
    # and the fail-closed event is counted
    metrics = httpx.get(srv.url + "/metrics").text
    assert 'aplguard_fail_closed_total{endpoint="generate"} 1.0' in metrics


def test_a_failing_pipeline_marks_the_guard_and_request_spans(traced):
    # 100x100 is not a multiple of 8: diffusers raises inside the Guard call
    srv, exporter = traced(pipeline={"sizes": ["100x100"]})
    r = httpx.post(srv.url + "/v1/images/generations", json={"prompt": PROMPT, "size": "100x100"}, timeout=120)
    assert r.status_code == 500 and PROMPT not in r.text
    spans = exporter.get_finished_spans()
    [guard] = _by_name(spans, "aplguard.guard")
    assert guard.status.status_code == StatusCode.ERROR and guard.status.description == "ValueError"
    assert not guard.events  # exceptions are not recorded: their messages can quote the prompt
    [request] = _by_name(spans, "aplguard.request")
    assert request.status.status_code == StatusCode.ERROR and request.attributes["http.response.status_code"] == 500
    _assert_private(spans)


def test_tracing_is_off_without_a_provider_or_config(start):
    from aplguard.integrations.gateway import GatewayConfig

    srv = start(GatewayConfig())
    assert not srv.app.state.gateway.tracer.enabled
    assert httpx.post(srv.url + "/v1/check", json={"prompts": ["a red bicycle"]}, timeout=30).status_code == 200
