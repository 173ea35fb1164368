"""uvicorn's h11 protocol with a request-head timeout (slow-loris defence).

uvicorn closes idle keep-alive connections, but a connection that sends a request
head slowly (or never finishes it) holds its socket forever. This subclass arms a
timer when a connection opens and after each response: if the next request head
is not complete when it fires, the connection is closed. Body timeouts are the
app's (:func:`limits.read_body`).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


def head_timeout_protocol(timeout_s: float) -> type[H11Protocol]:
    """An H11Protocol class that closes connections whose request head takes over ``timeout_s``."""

    class HeadTimeoutH11Protocol(H11Protocol):
        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def _arm(self) -> None:
            self._disarm()
            self._head_timer = self.loop.call_later(timeout_s, self._head_timeout)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_timeout(self) -> None:
            self._head_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()  # no complete request head in time

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
