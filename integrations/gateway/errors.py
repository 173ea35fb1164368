"""The gateway's errors: the HTTP error (a status, a message for the JSON body, headers) and the supervisor's."""

from __future__ import annotations

from aplguard.errors import AplGuardError


class ApiError(AplGuardError):
    """An error answered as ``{"error": {"message", "type", "code"}}`` with ``status``.

    The body shape follows the OpenAI API's errors, so OpenAI clients show the message;
    ``type`` is the short machine-readable kind (``blocked``, ``rate_limited``, ...).
    """

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None,
                 kind: str | None = None, extra: dict[str, object] | None = None):
        self.status = status
        self.extra = dict(extra or {})
        self.message = message
        self.headers = dict(headers or {})
        self.kind = kind or _KINDS.get(status, "error")
        super().__init__(message)

    def body(self) -> dict[str, object]:
        return {"error": {"message": self.message, "type": self.kind, "code": self.status, **self.extra}}


_KINDS = {400: "invalid_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          408: "request_timeout", 413: "too_large", 429: "rate_limited", 500: "internal_error",
          503: "unavailable", 504: "timeout"}


class WorkersFailed(AplGuardError):
    """``aplguard serve --workers N`` stopped uncleanly: a crash loop, or workers killed at shutdown (exit 1)."""
