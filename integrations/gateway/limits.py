"""Request bounds: body size, JSON shape, prompt counts and characters, per-key rates.

The body is read here, chunk by chunk, and never past ``max_body_bytes``: a
``Content-Length`` that is not a plain non-negative number is refused before any
byte is read, and a chunked body is cut off at the cap. (uvicorn's h11 parser also
refuses a negative length; this check does not rely on it.) JSON parsing refuses
deep nesting and huge integers with a 400 instead of a crash or a hang.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

from .config import KeyConfig, LimitsConfig
from .errors import ApiError

MAX_INT_DIGITS = 100
MAX_JSON_DEPTH = 32


async def read_body(headers: Any, stream: AsyncIterator[bytes], limits: LimitsConfig) -> bytes:
    """The request body, bounded in size and in time (413 over the cap, 408 when too slow)."""
    cap = limits.max_body_bytes
    declared = headers.get("content-length")
    if declared is not None:
        if not declared.isdigit() or not declared.isascii():
            raise ApiError(400, "Content-Length: expected a non-negative integer")
        if len(declared) > 12 or int(declared) > cap:
            raise ApiError(413, f"body over {cap} bytes", kind="too_large")
    try:
        return await asyncio.wait_for(_collect(stream, cap), limits.body_timeout_s)
    except asyncio.TimeoutError:
        raise ApiError(408, f"request body not received within {limits.body_timeout_s:g} s") from None


async def _collect(stream: AsyncIterator[bytes], cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in stream:
        size += len(chunk)
        if size > cap:
            raise ApiError(413, f"body over {cap} bytes", kind="too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"integer with more than {MAX_INT_DIGITS} digits")
    return int(text)


def _depth_ok(raw: bytes) -> bool:
    """Cheap pre-check: bracket nesting (outside strings) stays within MAX_JSON_DEPTH."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_JSON_DEPTH:
        return True
    depth = 0
    in_str = escape = False
    for byte in raw:
        if in_str:
            if escape:
                escape = False
            elif byte == 0x5C:  # backslash
                escape = True
            elif byte == 0x22:
                in_str = False
        elif byte == 0x22:
            in_str = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def parse_json(raw: bytes) -> dict[str, Any]:
    """Parse a JSON object body; 400 naming the problem for anything else."""
    if not _depth_ok(raw):
        raise ApiError(400, f"body: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        body = json.loads(raw.decode("utf-8"), parse_int=_bounded_int)
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"body: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"body: invalid JSON ({exc.msg} at char {exc.pos})") from None
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, f"body: {exc}") from None
    if not isinstance(body, dict):
        raise ApiError(400, f"body: expected a JSON object, got {type(body).__name__}")
    return body


def check_prompts(prompts: list[str], limits: LimitsConfig) -> int:
    """Enforce per-prompt and per-request characters; returns the total (413 when over)."""
    total = 0
    for i, p in enumerate(prompts):
        if len(p) > limits.max_prompt_chars:
            raise ApiError(413, f"prompts[{i}]: {len(p)} characters; at most {limits.max_prompt_chars}")
        total += len(p)
    if total > limits.max_request_chars:
        raise ApiError(413, f"prompts: {total} characters in all; at most {limits.max_request_chars} per request")
    return total


class TokenBucket:
    """``rate`` tokens per second up to ``burst``; :meth:`take` says how long to wait when short."""

    __slots__ = ("rate", "burst", "tokens", "stamp")

    def __init__(self, rate: float, burst: float, now: float):
        self.rate, self.burst, self.tokens, self.stamp = rate, burst, burst, now

    def take(self, amount: float, now: float) -> float:
        """Take ``amount`` tokens: 0.0 when granted, else the seconds until they would be."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if amount <= self.tokens:
            self.tokens -= amount
            return 0.0
        return (amount - self.tokens) / self.rate


class KeyLimiter:
    """Per-key request rate and prompt-character budget (429 with Retry-After).

    State lives in this object (one per app; with several workers each process has its
    own, so the effective limit is per worker). Used from the event loop only, so it
    needs no lock. Keys are the configured key ids, so the table is bounded.
    """

    def __init__(self, limits: LimitsConfig, clock: Callable[[], float] = time.monotonic,
                 overrides: Mapping[str, KeyConfig] | None = None):
        self.limits = limits
        self.clock = clock
        self._keys = dict(overrides or {})
        self._requests: dict[str, TokenBucket] = {}
        self._chars: dict[str, TokenBucket] = {}

    def admit(self, key_id: str) -> None:
        """Take one request from the key's rate (429 when over)."""
        now = self.clock()
        req = self._requests.get(key_id)
        if req is None:
            k = self._keys.get(key_id)
            rate = (k.requests_per_second if k else None) or self.limits.key_requests_per_second
            burst = (k.burst if k else None) or self.limits.key_burst
            req = self._requests[key_id] = TokenBucket(rate, burst, now)
        wait = req.take(1, now)
        if wait:
            raise _too_many(f"rate limit: {req.rate:g} requests/s for this key", wait)

    def admit_chars(self, key_id: str, chars: int) -> None:
        """Take ``chars`` prompt characters from the key's per-minute budget (429 when over)."""
        now = self.clock()
        budget = self._chars.get(key_id)
        if budget is None:
            k = self._keys.get(key_id)
            per_minute = (k.chars_per_minute if k else None) or self.limits.key_chars_per_minute
            budget = self._chars[key_id] = TokenBucket(per_minute / 60.0, per_minute, now)
        wait = budget.take(chars, now)
        if wait:
            raise _too_many(f"prompt budget: {int(budget.burst)} characters per minute for this key", wait)


def _too_many(message: str, wait: float) -> ApiError:
    return ApiError(429, message, {"Retry-After": str(max(1, int(wait + 0.999)))})
