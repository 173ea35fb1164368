"""The FastAPI app: endpoints, auth, limits, metrics. Built by :func:`create_app`.

Handlers read and parse bodies themselves (bounded, :mod:`.limits`) and answer with
pre-serialised JSON: FastAPI's model binding would read unbounded bodies and cost
more per request than the screening itself. Errors are JSON
``{"error": {"message", "type", "code"}}`` (OpenAI's shape). Prompt text is never
logged; metrics carry actions and rule ids only.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from aplguard.errors import AplGuardError, ConfigError
from aplguard.policy.check_result import check_result
from aplguard.types import RequestContext

from .auth import KeyStore, Principal
from .batching import GenerationQueue
from .config import GatewayConfig, HostConfig
from .errors import ApiError
from .generation import BatchKey, GenerationItem, GenerationSlice, backend_batches, generators, parse_size, split_output
from .limits import KeyLimiter, check_prompts, parse_json, read_body
from .metrics import CONTENT_TYPE, Metrics
from .service import Service
from .stall import StallWatch
from .tracing import Tracer

log = logging.getLogger("aplguard.gateway")
_JSON = "application/json"
_STALL_CHECK_S = 1.0  # how often the app looks for a stalled pipeline call (log line, metrics) without a probe


def _json(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(payload, separators=(",", ":")).encode(), status, headers, _JSON)


def _error(exc: ApiError) -> Response:
    return _json(exc.body(), exc.status, exc.headers)


class Gateway:
    """The state behind the endpoints (one per app, no globals)."""

    def __init__(self, config: GatewayConfig, service: Service, tracer_provider: Any = None):
        self.config = config
        self.limits = config.limits
        self.service = service
        self.keys = KeyStore(config.keys)
        self.limiter = KeyLimiter(config.limits, overrides={k.id: k for k in config.keys})
        self.metrics = Metrics()
        self.tracer = Tracer(config.tracing, tracer_provider)
        pc = config.pipeline
        # Micro-batching only where the backend takes a prompt list (diffusers pipelines do).
        batches = service.guard is not None and backend_batches(service.guard.backend)
        self.queue: GenerationQueue[GenerationItem, GenerationSlice] = GenerationQueue(
            pc.queue_size, self.metrics, window_s=pc.batch_window_ms / 1000 if batches else 0.0,
            max_batch=pc.batch_max_prompts)
        self.stall = StallWatch(self.queue.call_running_s, pc.stall_timeout_s if service.guard is not None else None,
                                self.metrics)

    async def timed(self, endpoint: str, handler: Callable[[], Awaitable[Response]],
                    request: Request | None = None) -> Response:
        if self.tracer.enabled and request is not None:
            route = request.scope.get("route")
            with self.tracer.request(endpoint, request.method, getattr(route, "path", endpoint)) as finish:
                resp = await self._timed(endpoint, handler)
                finish(resp.status_code)
                return resp
        return await self._timed(endpoint, handler)

    async def _timed(self, endpoint: str, handler: Callable[[], Awaitable[Response]]) -> Response:
        t0 = time.perf_counter()
        try:
            resp = await handler()
        except ApiError as exc:
            resp = _error(exc)
        except ConfigError as exc:  # a bad argument the library caught (e.g. a bad audit filter)
            resp = _error(ApiError(400, str(exc)))
        except AplGuardError as exc:  # never the message: it could quote a prompt
            log.error("%s failed: %s", endpoint, type(exc).__name__)
            self.metrics.fail_closed.labels(endpoint).inc()
            resp = _error(ApiError(500, f"internal error ({type(exc).__name__})"))
        except Exception as exc:  # e.g. the pipeline raised: still answered, counted and traced as a 500
            log.error("%s failed unexpectedly: %s", endpoint, type(exc).__name__)
            resp = _error(ApiError(500, "internal error"))
        self.metrics.observe_request(endpoint, resp.status_code, time.perf_counter() - t0)
        return resp

    def context(self, p: Principal, body: dict[str, Any]) -> RequestContext:
        """Tenant and role from the key; only labels from the body (``tenant``/``user_role`` there are ignored)."""
        labels = body.get("labels") or {}
        if not isinstance(labels, dict) or len(labels) > 32 or not all(
                isinstance(k, str) and isinstance(v, str) and len(k) <= 64 and len(v) <= 256
                for k, v in labels.items()):
            raise ApiError(400, "labels: expected an object of at most 32 short strings")
        if any(k.startswith("aplguard.") for k in labels):
            raise ApiError(400, "labels: keys starting with 'aplguard.' are reserved for the gateway")
        return RequestContext(tenant=p.tenant, user_role=p.user_role, labels=labels,
                              model_id=self.service.model_id if self.service.guard is not None else None)

    # -- /v1/check ------------------------------------------------------------------------
    async def check(self, request: Request) -> Response:
        p = self.keys.client(request.headers)
        self.limiter.admit(p.key_id)
        body = parse_json(await read_body(request.headers, request.stream(), self.limits))
        prompts = body.get("prompts")
        if not isinstance(prompts, list) or not prompts or not all(isinstance(x, str) for x in prompts):
            raise ApiError(400, "prompts: expected a non-empty list of strings")
        if len(prompts) > self.limits.max_prompts:
            raise ApiError(413, f"prompts: at most {self.limits.max_prompts} per request, got {len(prompts)}")
        chars = check_prompts(prompts, self.limits)
        self.limiter.admit_chars(p.key_id, chars)
        ctx = self.context(p, body)
        if chars <= self.limits.inline_chars:  # small: cheaper on the loop than a thread hop
            results = self._screen(prompts, ctx)
        else:
            try:
                results = await asyncio.wait_for(asyncio.to_thread(self._screen, prompts, ctx),
                                                 self.limits.request_timeout_s)
            except asyncio.TimeoutError:
                raise ApiError(504, f"screening did not finish within {self.limits.request_timeout_s:g} s") from None
        return _json({"results": results})

    def _screen(self, prompts: list[str], ctx: RequestContext) -> list[dict[str, Any]]:
        engine = self.service.engine
        settings = engine.settings(ctx)
        out = []
        decisions = []
        with self.tracer.span("aplguard.screen", **{"aplguard.prompts": len(prompts)}) as span:
            for i, prompt in enumerate(prompts):
                t = time.perf_counter()
                decision = engine.decide_prompt(prompt, ctx)
                out.append(check_result(i, decision, settings, (time.perf_counter() - t) * 1000))
                self.metrics.observe_decision("check", decision)
                decisions.append(decision)
            self.tracer.screened(span, decisions)
        return out

    # -- /v1/images/generations ------------------------------------------------------------
    async def generate(self, request: Request) -> Response:
        p = self.keys.client(request.headers)
        self.limiter.admit(p.key_id)
        guard = self.service.guard
        if guard is None:
            raise ApiError(404, "generation is disabled in this gateway's config (pipeline.enabled: false)")
        body = parse_json(await read_body(request.headers, request.stream(), self.limits))
        prompt = body.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            raise ApiError(400, "prompt: expected a non-empty string")
        chars = check_prompts([prompt], self.limits)
        if len(prompt) > guard.max_prompt_chars:  # refused here: inside a batch Guard would fail every request
            raise ApiError(413, f"prompt: {len(prompt)} characters; this pipeline takes at most {guard.max_prompt_chars}")
        pc = self.config.pipeline
        n = body.get("n", 1)
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= pc.max_n:
            raise ApiError(400, f"n: expected an integer from 1 to {pc.max_n}")
        if body.get("response_format", "b64_json") != "b64_json":
            raise ApiError(400, "response_format: only 'b64_json' is served (no image URLs are stored)")
        width, height = parse_size(body.get("size"), pc.sizes, self.service.native_size)
        seed = body.get("seed")
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63):
            raise ApiError(400, "seed: expected a non-negative integer")
        self.limiter.admit_chars(p.key_id, chars)
        ctx = self.context(p, body)
        key = BatchKey(key_id=p.key_id, tenant=ctx.tenant, user_role=ctx.user_role,
                       labels=tuple(sorted(ctx.labels.items())), n=n, width=width, height=height)
        # Guard runs on the queue's thread, where this request's trace context is not current.
        item = GenerationItem(prompt, seed, self.tracer.context(), time.time_ns())
        part = await self.queue.submit(key, item, lambda items: self._run_batch(key, ctx, items), pc.timeout_s)
        return self._generation_response(part)

    def _run_batch(self, key: BatchKey, ctx: RequestContext, items: list[GenerationItem]) -> list[GenerationSlice]:
        """Worker thread: one Guard call for a batch of same-key requests; each gets its own slice back.

        Per-prompt decisions keep a blocked prompt from touching the others (Guard blocks
        prompt by prompt; the gateway's Guard does not raise on block). The one audit
        record lists the prompts by index, request ``i`` of the batch being prompt ``i``;
        the ``aplguard.batch`` label says how many requests it served.
        """
        if len(items) > 1:
            ctx = dataclasses.replace(ctx, labels={**ctx.labels, "aplguard.batch": str(len(items))})
        kwargs = {**self.service.call_defaults, "num_images_per_prompt": key.n, "height": key.height,
                  "width": key.width, "generator": generators(items, key.n)}
        with contextlib.ExitStack() as stack:  # each request's trace gets the (shared) Guard call's spans
            records = [stack.enter_context(self.tracer.guard_call(
                it.trace_parent, it.queued_ns, **{"aplguard.images.requested": key.n,
                                                  "aplguard.batch.requests": len(items)})) for it in items]
            out = self.service.guard([it.prompt for it in items], context=ctx, **kwargs)
            for record in records:
                record(out)
        for stage, ms in out.timings_ms.items():  # once per Guard call, not per request
            self.metrics.stage.labels(stage).observe(ms / 1000)
        return split_output(out, len(items), key.n)

    def _generation_response(self, part: GenerationSlice) -> Response:
        decision = part.decision
        self.metrics.observe_decision("generate", decision)
        settings = self.service.engine.settings(None)
        summary = check_result(0, decision, settings, part.timings_ms.get("screen", 0.0))
        summary.pop("findings")  # evidence stays in the audit log; the caller gets the decision
        outputs = [{"action": d.action, "rule": d.rule, "flagged": d.flagged, "faces": len(f)}
                   for d, f in zip(part.outputs, part.faces)]
        # batch: this request is prompt `prompt_index` of the audit record, which served `requests` requests
        extra = {"audit_id": part.audit_id, "decision": summary, "outputs": outputs,
                 "batch": {"requests": part.batch, "prompt_index": part.index}}
        if decision.blocked:
            raise ApiError(400, decision.message or "this prompt is blocked by the privacy policy",
                           kind="content_policy_violation", extra={"aplguard": extra})
        encoded = part.encoded
        withheld = sum(1 for e in encoded if e is None)
        if withheld:
            self.metrics.fail_closed.labels("generate").inc(withheld)
        if not any(encoded):
            raise ApiError(422, "every image was withheld by the output check", kind="content_policy_violation",
                           extra={"aplguard": extra})
        return _json({"created": int(time.time()), "data": [{"b64_json": e} for e in encoded if e is not None],
                      "aplguard": {**extra, "withheld": withheld,
                                   "timings_ms": {k: round(v, 3) for k, v in part.timings_ms.items()}}})

    # -- audit (reviewers) -----------------------------------------------------------------
    async def audit_records(self, request: Request) -> Response:
        p = self.keys.reviewer(request.headers)
        self.limiter.admit(p.key_id)
        q = request.query_params
        allowed = {"since", "until", "tenant", "decision", "rule", "identity", "has_faces", "limit"}
        unknown = sorted(set(q) - allowed)
        if unknown:
            raise ApiError(400, f"unknown query parameter(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
        criteria: dict[str, Any] = {k: q[k] for k in ("since", "until", "tenant", "decision", "rule", "identity")
                                    if k in q}
        if p.tenant is not None:  # a tenant's reviewer sees that tenant only
            if criteria.get("tenant", p.tenant) != p.tenant:
                raise ApiError(403, f"key {p.key_id!r} reviews tenant {p.tenant!r} only")
            criteria["tenant"] = p.tenant
        if "has_faces" in q:
            if q["has_faces"] not in ("true", "false"):
                raise ApiError(400, "has_faces: expected true or false")
            criteria["has_faces"] = q["has_faces"] == "true"
        try:
            limit = int(q.get("limit", "100"))
        except ValueError:
            raise ApiError(400, "limit: expected an integer") from None
        if not 1 <= limit <= 1000:
            raise ApiError(400, "limit: expected 1 to 1000")
        sink = self.service.audit
        records = await asyncio.to_thread(lambda: sink.query(limit=limit, **criteria))
        return _json({"records": [r.model_dump(mode="json") for r in records], "count": len(records)})

    async def audit_record(self, request: Request, record_id: str) -> Response:
        p = self.keys.reviewer(request.headers)
        self.limiter.admit(p.key_id)
        sink = self.service.audit

        def find() -> Any:
            for rec in sink.iter_records():
                if rec.id == record_id:
                    return rec
            return None

        rec = await asyncio.to_thread(find)
        if rec is None or (p.tenant is not None and rec.tenant != p.tenant):
            raise ApiError(404, f"no audit record {record_id!r}")
        return _json(rec.model_dump(mode="json"))

    async def audit_verify(self, request: Request) -> Response:
        p = self.keys.reviewer(request.headers)
        self.limiter.admit(p.key_id)
        from aplguard.audit import verify_log

        result = await asyncio.to_thread(verify_log, self.service.audit)
        return _json(result.to_dict(), 200 if result.ok else 409)

    # -- operations ------------------------------------------------------------------------
    def health(self) -> Response:
        s = self.service.engine.settings(None)
        return _json({"status": "ok", "policy": {"name": s.name, "version": s.version, "sha256": s.sha256}})

    def ready(self) -> Response:
        checks = self.service.ready()
        stall = self.stall.check()
        checks["generation_responsive"] = stall is None  # a stalled call: send work to other workers
        ok = all(checks.values())
        body: dict[str, Any] = {"status": "ready" if ok else "not ready", "checks": checks}
        if stall is not None:
            body["reason"] = stall.reason
        return _json(body, 200 if ok else 503)

    async def watch_stalls(self) -> None:
        """Look for a stalled pipeline call about once a second (its log line and metrics), until cancelled."""
        while True:
            await asyncio.sleep(_STALL_CHECK_S)
            self.stall.check()


def create_app(config: GatewayConfig, service: Service | None = None, *, tracer_provider: Any = None) -> FastAPI:
    """Build the app; ``service`` (models, audit sink) is built from ``config`` when not given.

    ``tracer_provider`` (an OpenTelemetry ``TracerProvider``) turns tracing on and receives
    the gateway's spans; without it, ``tracing.enabled: true`` sends them to the process's
    global provider (what ``opentelemetry-instrument`` or the operator set up). The app never
    installs a global provider.
    """
    owned = service is None
    svc = service if service is not None else Service(config)
    gw = Gateway(config, svc, tracer_provider)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        watch = asyncio.create_task(gw.watch_stalls()) if gw.stall.timeout_s is not None else None
        try:
            yield
        finally:
            if watch is not None:
                watch.cancel()
        gw.queue.close()
        if owned:
            svc.close()

    app = FastAPI(title="aplguard gateway", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.gateway = gw

    @app.post("/v1/check")
    async def check(request: Request) -> Response:
        return await gw.timed("check", lambda: gw.check(request), request)

    @app.post("/v1/images/generations")
    async def generations(request: Request) -> Response:
        return await gw.timed("generate", lambda: gw.generate(request), request)

    @app.get("/v1/audit/records")
    async def records(request: Request) -> Response:
        return await gw.timed("audit_records", lambda: gw.audit_records(request), request)

    @app.get("/v1/audit/records/{record_id}")
    async def record(request: Request, record_id: str) -> Response:
        return await gw.timed("audit_record", lambda: gw.audit_record(request, record_id), request)

    @app.get("/v1/audit/verify")
    async def verify(request: Request) -> Response:
        return await gw.timed("audit_verify", lambda: gw.audit_verify(request), request)

    @app.get("/healthz")
    async def healthz() -> Response:
        return gw.health()

    @app.get("/readyz")
    async def readyz() -> Response:
        return gw.ready()

    @app.get("/metrics")
    async def metrics() -> Response:
        return Response(gw.metrics.render(), 200, media_type=CONTENT_TYPE)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        return _error(ApiError(exc.status_code, str(exc.detail), dict(exc.headers or {})))

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> Response:
        log.error("unexpected %s", type(exc).__name__)  # never the message: it could quote a prompt
        return _error(ApiError(500, "internal error"))

    if config.review:
        mount_review(app, svc, gw.keys)
    checker = _default_face_checker() if config.hosts else None  # loaded once, shared by every host
    for host in config.hosts:
        mount_host(app, svc, gw.keys, host, checker)
    return app


def mount_host(app: FastAPI, service: Service, keys: KeyStore, host: HostConfig, face_checker: Any = None) -> None:
    """Front a ComfyUI / A1111 server at /hosts/{name}/ (aplguard.integrations.hosts), behind client keys.

    The request's tenant comes from its key, as for the gateway's own endpoints; returned images
    are face-checked with the default face auditor when the ``faces`` extra is installed (without
    it every image counts as a failed check and the policy's ``on_error`` decides).
    """
    from aplguard.types import RequestContext

    from ..hosts.proxy import create_host_proxy

    def context(request: Request) -> RequestContext:
        return RequestContext(tenant=keys.client(request.headers).tenant)

    proxy = create_host_proxy(host.upstream, host.kind, service.engine, embedding=host.embedding,
                              face_checker=face_checker, audit=service.audit, context=context,
                              timeout_s=host.timeout_s, unseen_inputs=host.unseen_inputs)
    app.mount(f"/hosts/{host.name}", _ClientGate(proxy, keys))


def _default_face_checker() -> Any:
    import importlib.util

    if importlib.util.find_spec("mediapipe") is None:
        return None
    from aplguard.faces import FaceAuditor

    return FaceAuditor.create()


class _ClientGate:
    """ASGI wrapper: only client keys get through (any caller in local, keyless mode)."""

    def __init__(self, inner: Any, keys: KeyStore):
        self.inner, self.keys = inner, keys

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            from starlette.datastructures import Headers

            try:
                self.keys.client(Headers(scope=scope))
            except ApiError as exc:
                await _error(exc)(scope, receive, send)
                return
        await self.inner(scope, receive, send)


def mount_review(app: FastAPI, service: Service, keys: KeyStore) -> bool:
    """Mount the review web app (``aplguard.integrations.review``) at /review, read-only, when installed.

    It is mounted behind the reviewer check (closed with no keys, like the audit endpoints).
    Returns whether it was mounted (False without the ``[review]`` extra).
    """
    try:
        from ..review import create_review_app
    except ImportError:
        return False
    app.mount("/review", _ReviewerGate(create_review_app(service.audit_url, read_only=True), keys))
    return True


class _ReviewerGate:
    """ASGI wrapper: only reviewer keys get through (401/403 JSON otherwise)."""

    def __init__(self, inner: Any, keys: KeyStore):
        self.inner, self.keys = inner, keys

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            from starlette.datastructures import Headers

            try:
                self.keys.reviewer(Headers(scope=scope))
            except ApiError as exc:
                await _error(exc)(scope, receive, send)
                return
        await self.inner(scope, receive, send)
