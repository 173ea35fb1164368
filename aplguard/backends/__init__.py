"""Backend adapters: how Guard calls a generator and applies the APL prefix."""

from __future__ import annotations

from typing import Any

from .callable import CallableBackend
from .diffusers import PER_PROMPT_KWARGS, DiffusersBackend

__all__ = ["CallableBackend", "DiffusersBackend", "PER_PROMPT_KWARGS", "make_backend"]


def make_backend(pipe: Any):
    """Pick the adapter for ``pipe``: diffusers pipelines get prefixes, callables do not."""
    if hasattr(pipe, "tokenizer") or hasattr(pipe, "text_encoder"):
        return DiffusersBackend(pipe)
    if type(pipe).__module__.startswith("diffusers"):
        return DiffusersBackend(pipe)  # raises the "no text encoder" error
    return CallableBackend(pipe)
