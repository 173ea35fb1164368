"""The review web app: browse, filter, open and export audit records; see the log's integrity.

Server-rendered HTML (Jinja2 with autoescaping on every template: no logged text
reaches the page unescaped), one stylesheet, no JavaScript. Every route is a GET
that reads the log; nothing writes it. Pages carry a Content-Security-Policy that
allows only this app's stylesheet and inline ``data:`` thumbnails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import Router

from aplguard.audit import verify_log
from aplguard.audit.chain import resolve_key
from aplguard.errors import AuditError, ConfigError

from . import reading

_HERE = Path(__file__).parent
_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'")
_HEADERS = {"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(_HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = lambda dt: dt.strftime("%Y-%m-%d %H:%M:%S")
    env.filters["short"] = lambda text, n=12: text if text is None or len(text) <= n else text[:n] + "…"
    env.globals["thumbnail_ok"] = reading.thumbnail_ok
    env.globals["default_per_page"] = reading.PER_PAGE_DEFAULT
    return env


class _Review:
    """The app's state: where the log is and how to check it (no global state)."""

    def __init__(self, audit_url: str, hmac_key: bytes | None, anchor: str | None):
        self.url = audit_url
        self.key = hmac_key
        self.anchor = anchor
        self.env = _templates()
        self.router: Router | None = None  # set once the app exists

    def verify(self) -> reading.Integrity:
        # Run on every page that shows it: the panel must never show a stale "OK".
        return reading.integrity_of(verify_log(self.url, hmac_key=self.key, anchor=self.anchor))

    def render(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        def url(name: str, /, query: dict[str, Any] | None = None, **path: Any) -> str:
            # Our own router plus the mount prefix (root_path): request.url_for would search the
            # router of a gateway that mounts this app, where our route names mean nothing.
            assert self.router is not None
            base = str(request.scope.get("root_path", "")) + str(self.router.url_path_for(name, **path))
            return base + ("?" + urlencode(query) if query else "")

        page = self.env.get_template(template).render(url=url, log_url=_display_url(self.url), **context)
        return HTMLResponse(page, status_code=status, headers=_HEADERS)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.render(request, "error.html", status=status, message=message)


def _display_url(url: str) -> str:
    """The log URL without a password (PostgreSQL URLs may carry one)."""
    if "://" not in url or "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.split("@", 1) if "@" in rest.split("/", 1)[0] else ("", rest)
    return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}" if ":" in creds else url


def create_review_app(audit_url: str, *, hmac_key: bytes | None = None, read_only: bool = True,
                      anchor: str | None = None, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The review app for one audit log (mount it, or serve it with uvicorn).

    Args:
        audit_url: the log (``sqlite:///audit.db``, ``jsonl:///audit.jsonl``,
            ``postgresql://...``); opened read-only per request, never created.
        hmac_key: the log's HMAC key, for MAC verification; None reads
            ``$APLGUARD_AUDIT_HMAC_KEY`` (without any key only the hash chain is checked,
            and the integrity panel says so).
        read_only: must be True: the app has no write action (the argument is kept
            so that a caller states it; anything else is refused).
        anchor: an external anchor file, to detect truncation of the log's tail.
        allowed_hosts: Host header values to accept (e.g. ``["127.0.0.1", "localhost"]``):
            a loopback server without authentication should set it, so that a web
            page cannot read the log through DNS rebinding. None accepts any.

    Raises:
        ConfigError: ``read_only`` is False, or a malformed URL.
    """
    if read_only is not True:
        raise ConfigError("the review app is read-only: read_only=False is not supported")
    if not isinstance(audit_url, str) or not audit_url.strip():
        raise ConfigError(f"audit URL must be a non-empty string, got {audit_url!r}")
    review = _Review(audit_url.strip(), resolve_key(hmac_key), anchor)
    app = FastAPI(title="aplguard review", docs_url=None, redoc_url=None, openapi_url=None)
    review.router = app.router
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")

    @app.get("/", response_class=HTMLResponse, name="index")
    def index(request: Request) -> HTMLResponse:
        try:  # a log that cannot be opened at all is not "tampered": say what is wrong instead
            with reading.opened(review.url, review.key):
                pass
        except AuditError as exc:
            return review.error(request, 500, f"cannot open the audit log: {exc}")
        integrity = review.verify()
        try:
            filters = reading.Filters.from_params(request.query_params)
            flt = filters.record_filter()
            page = reading.int_param(request.query_params, "page", 1)
            per_page = reading.int_param(request.query_params, "per_page", reading.PER_PAGE_DEFAULT)
        except ConfigError as exc:
            return review.render(request, "index.html", status=400, filters=reading.Filters(),
                                 decisions=reading.DECISIONS, integrity=integrity, listing=None,
                                 problem=str(exc))
        try:
            with reading.opened(review.url, review.key) as sink:
                listing = reading.page_of(sink, flt, page - 1, per_page)
        except ConfigError as exc:
            return review.render(request, "index.html", status=400, filters=filters, decisions=reading.DECISIONS,
                                 integrity=integrity, listing=None, problem=str(exc))
        except AuditError as exc:  # unreadable or tampered beyond parsing: the panel says which
            return review.render(request, "index.html", status=500, filters=filters, decisions=reading.DECISIONS,
                                 integrity=integrity, listing=None, problem=f"cannot read the log: {exc}")
        return review.render(request, "index.html", filters=filters, decisions=reading.DECISIONS,
                             integrity=integrity, listing=listing, problem="")

    @app.get("/records/{record_id}", response_class=HTMLResponse, name="record")
    def record(request: Request, record_id: str) -> HTMLResponse:
        try:
            with reading.opened(review.url, review.key) as sink:
                found = reading.find_record(sink, record_id)
        except AuditError as exc:
            return review.error(request, 500, f"cannot read the log: {exc}")
        if found is None:
            return review.error(request, 404, f"no record with id {record_id!r} in this log")
        check = reading.check_entry(found.entry, review.key)
        return review.render(request, "record.html", found=found, check=check, integrity=review.verify())

    @app.get("/export.csv", name="export_csv")
    def export_csv(request: Request) -> Response:
        try:
            flt = reading.Filters.from_params(request.query_params).record_filter()
            with reading.opened(review.url, review.key) as sink:
                text = reading.export_csv_text(sink, flt)
        except ConfigError as exc:
            return review.error(request, 400, str(exc))
        except AuditError as exc:
            return review.error(request, 500, f"cannot read the log: {exc}")
        return Response(text, media_type="text/csv; charset=utf-8", headers={
            **_HEADERS, "Content-Disposition": 'attachment; filename="aplguard-audit.csv"'})

    @app.get("/export.jsonl", name="export_jsonl")
    def export_jsonl(request: Request) -> Response:
        import io

        try:
            filters = reading.Filters.from_params(request.query_params)
            flt = filters.record_filter() if filters.active() else None
            buf = io.StringIO()
            with reading.opened(review.url, review.key) as sink:
                reading.export_jsonl(sink, flt, buf)
        except ConfigError as exc:
            return review.error(request, 400, str(exc))
        except AuditError as exc:
            return review.error(request, 500, f"cannot read the log: {exc}")
        name = "aplguard-audit-filtered.jsonl" if flt is not None else "aplguard-audit.jsonl"
        return Response(buf.getvalue(), media_type="application/x-ndjson; charset=utf-8", headers={
            **_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})

    return app
