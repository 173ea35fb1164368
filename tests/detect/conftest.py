"""Shared fixtures for the prompt-detection tests (offline; no ../shared data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aplguard.detect import default_detectors

HERE = Path(__file__).parent


def load_labelled() -> list[tuple[str, bool, str]]:
    """(category, identity_seeking, prompt) rows of prompts.tsv."""
    rows = []
    for line in (HERE / "prompts.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cat, label, prompt = line.split("\t")
            rows.append((cat, label == "1", prompt))
    return rows


@pytest.fixture(scope="session")
def stack():
    """The default detector stack, loaded once."""
    return [d.load() for d in default_detectors()]


@pytest.fixture(scope="session")
def labelled():
    """The labelled prompts of prompts.tsv."""
    return load_labelled()
