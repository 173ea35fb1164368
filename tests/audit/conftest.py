"""Fixtures for the audit-log tests: sink URLs for every backend; no signing key from the environment."""

from __future__ import annotations

import os
import uuid

import pytest
from audit_helpers import PG_ENV


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    """Tests say explicitly whether a log is signed."""
    monkeypatch.delenv("APLGUARD_AUDIT_HMAC_KEY", raising=False)


@pytest.fixture(params=["sqlite", "jsonl", "postgresql"])
def log_url(request, tmp_path):
    """A fresh, empty log URL for each backend (PostgreSQL skips without a server)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/audit.db"
    elif request.param == "jsonl":
        yield f"jsonl:///{tmp_path}/audit.jsonl"
    else:
        base = os.environ.get(PG_ENV)
        if not base:
            pytest.skip(f"{PG_ENV} is not set (run .ci/postgres.sh to start a local server)")
        pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'aplguard[postgres]')")
        import psycopg

        table = "t_" + uuid.uuid4().hex[:12]
        yield f"{base}?table={table}"
        with psycopg.connect(base) as c:
            c.execute(f"DROP TABLE IF EXISTS {table}")
            c.execute(f"DROP TABLE IF EXISTS {table}_meta")
            c.execute(f"DROP TABLE IF EXISTS {table}_merkle")


