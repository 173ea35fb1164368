"""A small HTTP screening service: ``aplguard serve``.

For platforms whose generators are not Python: they POST prompts, get the
policy's per-prompt decisions (the same JSON as ``aplguard check --json``) and
apply them in their own stack. Standard library only (``http.server``), one
thread per connection; the policy engine is shared and thread-safe.

Endpoints:
    GET  /healthz          -> {"status": "ok", "policy": {...}}
    POST /v1/check         {"prompts": [str, ...], "tenant": str?, "user_role": str?, "labels": {str: str}?}
                           -> {"results": [<check JSON per prompt>]}

Errors are JSON ``{"error": "..."}`` with 400 (bad request), 404, 413 (body
over ``max_body_bytes``) or 500 (with no prompt text in the message or log).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aplguard.errors import AplGuardError, ConfigError
from aplguard.policy.check_result import check_result
from aplguard.ports import PolicyPort
from aplguard.types import RequestContext

log = logging.getLogger("aplguard.http")

MAX_BODY_BYTES = 1 << 20
MAX_PROMPTS = 256


class ScreeningService:
    """Owns the policy engine and answers check requests (no HTTP here: testable alone).

    The engine's detectors are built and loaded here, at start-up, so a bad detector
    parameter or a missing model fails before the first request (as in ``Guard``).
    """

    def __init__(self, engine: PolicyPort):
        engine.prepare(load=True)
        self.engine = engine

    def check(self, body: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise ConfigError("body: expected a JSON object")
        prompts = body.get("prompts")
        if not isinstance(prompts, list) or not prompts or not all(isinstance(p, str) for p in prompts):
            raise ConfigError("prompts: expected a non-empty list of strings")
        if len(prompts) > MAX_PROMPTS:
            raise ConfigError(f"prompts: at most {MAX_PROMPTS} per request, got {len(prompts)}")
        labels = body.get("labels") or {}
        if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
            raise ConfigError("labels: expected an object of strings")
        for key in ("tenant", "user_role"):
            if body.get(key) is not None and not isinstance(body[key], str):
                raise ConfigError(f"{key}: expected a string")
        ctx = RequestContext(tenant=body.get("tenant"), user_role=body.get("user_role"), labels=labels)
        settings = self.engine.settings(ctx)
        results = []
        for i, prompt in enumerate(prompts):
            t = time.perf_counter()
            decision = self.engine.decide_prompt(prompt, ctx)
            results.append(check_result(i, decision, settings, (time.perf_counter() - t) * 1000))
        return {"results": results}

    def health(self) -> dict[str, Any]:
        s = self.engine.settings(RequestContext())
        return {"status": "ok", "policy": {"name": s.name, "version": s.version, "sha256": s.sha256}}


def _handler(service: ScreeningService, max_body_bytes: int) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "aplguard"

        def log_message(self, format: str, *args: Any) -> None:  # never log request bodies
            log.debug("%s %s", self.command, self.path)

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server naming
            if self.path == "/healthz":
                return self._send(200, service.health())
            return self._send(404, {"error": f"no such endpoint: GET {self.path}"})

        def do_POST(self) -> None:  # noqa: N802
            if self.path != "/v1/check":
                return self._send(404, {"error": f"no such endpoint: POST {self.path}"})
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                return self._send(400, {"error": "Content-Length: not a number"})
            if length > max_body_bytes:
                self.close_connection = True  # the unread body must not be parsed as a request
                return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": f"body over {max_body_bytes} bytes"})
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw.decode("utf-8", errors="surrogateescape"))
            except json.JSONDecodeError as exc:
                return self._send(400, {"error": f"body: invalid JSON ({exc.msg} at char {exc.pos})"})
            try:
                return self._send(200, service.check(body))
            except ConfigError as exc:
                return self._send(400, {"error": str(exc)})
            except AplGuardError as exc:
                log.error("check failed: %s", type(exc).__name__)
                return self._send(500, {"error": type(exc).__name__})

    return Handler


def make_server(engine: PolicyPort, host: str = "127.0.0.1", port: int = 8080,
                max_body_bytes: int = MAX_BODY_BYTES) -> ThreadingHTTPServer:
    """Build (not start) the HTTP server; ``port=0`` picks a free port."""
    server = ThreadingHTTPServer((host, port), _handler(ScreeningService(engine), max_body_bytes))
    server.daemon_threads = True
    return server


def serve_in_thread(engine: PolicyPort, host: str = "127.0.0.1", port: int = 0) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Start a server in a background thread (tests, notebooks); returns it and the thread."""
    server = make_server(engine, host, port)
    thread = threading.Thread(target=server.serve_forever, name="aplguard-http", daemon=True)
    thread.start()
    return server, thread
