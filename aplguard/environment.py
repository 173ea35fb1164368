"""Every ``APLGUARD_*`` environment variable aplguard reads, in one place.

Library code reads the environment only through these functions (and never
writes it). Each function reads the variable at call time, so a process that
sets a variable before the first use sees it; nothing is cached globally.

| variable | read by | meaning |
|---|---|---|
| ``APLGUARD_HOME`` | faces.models, CLI | model cache root (default ``~/.cache/aplguard``) |
| ``APLGUARD_AUDIT_HMAC_KEY`` | audit sinks, verify, prompt hashing | HMAC key for audit checkpoints and keyed prompt hashes |
| ``APLGUARD_TEST_POSTGRES_URL`` | tests only | PostgreSQL URL for the sink tests (they skip without it) |
| ``PROMETHEUS_MULTIPROC_DIR`` | gateway metrics | prometheus-client's multiprocess directory (``aplguard serve --workers N`` sets it for its worker processes) |
"""

from __future__ import annotations

import os
from pathlib import Path

HOME = "APLGUARD_HOME"
AUDIT_HMAC_KEY = "APLGUARD_AUDIT_HMAC_KEY"
TEST_POSTGRES_URL = "APLGUARD_TEST_POSTGRES_URL"
PROMETHEUS_MULTIPROC_DIR = "PROMETHEUS_MULTIPROC_DIR"  # prometheus-client's own name


def home() -> Path:
    """The model cache root: ``$APLGUARD_HOME`` or ``~/.cache/aplguard``."""
    value = os.environ.get(HOME)
    return Path(value).expanduser() if value else Path.home() / ".cache" / "aplguard"


def audit_hmac_key() -> bytes | None:
    """The audit HMAC key from ``$APLGUARD_AUDIT_HMAC_KEY`` as bytes, or None when unset/empty."""
    value = os.environ.get(AUDIT_HMAC_KEY)
    return value.encode("utf-8") if value else None


def prometheus_multiproc_dir() -> Path | None:
    """prometheus-client's multiprocess directory (``$PROMETHEUS_MULTIPROC_DIR``), or None when unset/empty.

    prometheus-client itself reads this variable when it is first imported; metrics
    collected in that mode are served by aggregating the directory's files.
    """
    value = os.environ.get(PROMETHEUS_MULTIPROC_DIR)
    return Path(value) if value else None
