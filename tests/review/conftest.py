"""Fixtures for the review-app tests: a realistic signed log, a tampered copy, a live server."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

pytest.importorskip("fastapi", reason="the review app needs the [review] extra (pip install 'aplguard[review]')")
pytest.importorskip("uvicorn", reason="the review app needs the [review] extra (pip install 'aplguard[review]')")

from aplguard.integrations.review import create_review_app  # noqa: E402
from review_helpers import (  # noqa: E402
    KEY,
    TAMPERED_SEQ,  # noqa: E402 - one definition, importable by the tests
    serve,
    write_log,
)


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    """Tests pass the key explicitly (or test the keyless case on purpose)."""
    monkeypatch.delenv("APLGUARD_AUDIT_HMAC_KEY", raising=False)


@pytest.fixture(scope="session")
def log(tmp_path_factory):
    """(url, records) of a realistic signed SQLite log with 40 records; never modified."""
    path = tmp_path_factory.mktemp("review") / "audit.db"
    url = f"sqlite:///{path}"
    return url, write_log(url, n=40)


@pytest.fixture(scope="session")
def tampered(tmp_path_factory, log):
    """(url, record id) of a copy of the log whose entry TAMPERED_SEQ had its body edited in SQLite."""
    src = log[0].split(":///", 1)[1]
    dst = tmp_path_factory.mktemp("tampered") / "audit.db"
    shutil.copy(src, dst)
    with sqlite3.connect(dst) as c:
        rid, body = c.execute("SELECT rid, body FROM audit_entries WHERE seq = ?", (TAMPERED_SEQ,)).fetchone()
        # What an insider would do: make a block look like an allow, keeping valid JSON.
        edited = body.replace('"flagged":true', '"flagged":false').replace('"req-', '"REQ-')
        assert edited != body
        c.execute("UPDATE audit_entries SET body = ? WHERE seq = ?", (edited, TAMPERED_SEQ))
    return f"sqlite:///{dst}", rid


@pytest.fixture(scope="session")
def server(log):
    """Base URL of the review app on the realistic log, served by uvicorn on 127.0.0.1."""
    with serve(create_review_app(log[0], hmac_key=KEY)) as base:
        yield base


@pytest.fixture(scope="session")
def tampered_server(tampered):
    with serve(create_review_app(tampered[0], hmac_key=KEY)) as base:
        yield base
