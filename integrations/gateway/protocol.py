"""uvicorn's HTTP protocols with a request-head timeout and size cap (slow-loris defence).

uvicorn closes idle keep-alive connections, but a connection that sends a request
head slowly (or never finishes it) holds its socket forever, and the httptools
parser puts no bound on a head's size. These subclasses arm a timer when a
connection opens and after each response: if the next request head is not
complete when it fires, the connection is closed; a head over ``max_head_bytes``
gets a 400 and a close. Body timeouts are the app's (:func:`limits.read_body`).

:func:`protocol_class` picks httptools (C parser, ~2x faster) when installed, else h11.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


class _HeadTimer:
    """The timer half shared by both protocol subclasses."""

    loop: asyncio.AbstractEventLoop
    transport: Any
    _head_timer: asyncio.TimerHandle | None = None
    _timeout_s: float = 10.0

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self._timeout_s, self._head_timeout)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timeout(self) -> None:
        self._head_timer = None
        if self._head_pending() and not self.transport.is_closing():
            self.transport.close()  # no complete request head in time

    def _head_pending(self) -> bool:
        raise NotImplementedError


def h11_protocol(timeout_s: float) -> type[H11Protocol]:
    """An H11Protocol that closes connections whose request head takes over ``timeout_s``.

    (h11 bounds the head's size itself: ``h11_max_incomplete_event_size``.)
    """

    class HeadTimeoutH11Protocol(_HeadTimer, H11Protocol):
        _timeout_s = timeout_s

        def _head_pending(self) -> bool:
            return self.conn.their_state is h11.IDLE

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def handle_events(self) -> None:
            super().handle_events()
            if self.conn.their_state is not h11.IDLE:
                self._disarm()  # a request head arrived: the app's timeouts take over

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return HeadTimeoutH11Protocol


def httptools_protocol(timeout_s: float, max_head_bytes: int) -> type[Any]:
    """An HttpToolsProtocol with the head timeout and a cap on the head's size."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class HeadTimeoutHttpToolsProtocol(_HeadTimer, HttpToolsProtocol):
        _timeout_s = timeout_s
        _in_head = True
        _head_bytes = 0

        def _head_pending(self) -> bool:
            return self._in_head

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._in_head, self._head_bytes = True, 0
            self._arm()

        def data_received(self, data: bytes) -> None:
            if self._in_head:
                self._head_bytes += len(data)
            super().data_received(data)
            # Judged after parsing: a chunk may hold a small head and a large body.
            if self._in_head and self._head_bytes > max_head_bytes and not self.transport.is_closing():
                self._disarm()
                self.send_400_response("Request head too large.")

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._disarm()
            super().on_headers_complete()

        def on_response_complete(self) -> None:
            self._in_head, self._head_bytes = True, 0
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return HeadTimeoutHttpToolsProtocol


def protocol_class(kind: str, timeout_s: float, max_head_bytes: int) -> type[Any]:
    """``kind``: ``auto`` (httptools when installed), ``httptools`` or ``h11``."""
    if kind in ("auto", "httptools"):
        try:
            import httptools  # noqa: F401
        except ImportError:
            if kind == "httptools":
                from aplguard.errors import MissingDependencyError

                raise MissingDependencyError("server.http: httptools is not installed (pip install httptools)") from None
        else:
            return httptools_protocol(timeout_s, max_head_bytes)
    return h11_protocol(timeout_s)
