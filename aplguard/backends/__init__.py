"""Backend adapters: how Guard calls a generator and applies the APL prefix (port: :class:`aplguard.ports.Backend`)."""

from __future__ import annotations

import sys
from typing import Any

from ..errors import BackendError
from ..ports import Backend, Generation
from .callable_backend import CallableBackend
from .diffusers_backend import PER_PROMPT_KWARGS, DiffusersBackend

__all__ = ["Backend", "CallableBackend", "DiffusersBackend", "Generation", "PER_PROMPT_KWARGS", "make_backend"]


def make_backend(pipe: Any) -> Backend:
    """Pick the adapter for ``pipe``: diffusers pipelines get prefixes, plain callables do not.

    Raises:
        BackendError: ``pipe`` is neither a diffusers pipeline nor callable, or a
            diffusers pipeline without a text encoder.
    """
    # A diffusers pipeline object exists only if diffusers was imported: no import here.
    diffusers = sys.modules.get("diffusers")
    if diffusers is not None and isinstance(pipe, diffusers.DiffusionPipeline):
        return DiffusersBackend(pipe)
    if callable(pipe):
        return CallableBackend(pipe)
    raise BackendError(f"pipe: {type(pipe).__name__} is neither a diffusers pipeline nor callable")
