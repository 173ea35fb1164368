"""Lazy imports of optional heavy dependencies with an actionable error."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingDependencyError


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise an error naming the extra that provides it.

    Args:
        module: dotted module name, e.g. ``"diffusers"``.
        extra: the aplguard extra that installs it, e.g. ``"diffusers"``.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependencyError(
            f"{module} is not installed; install it with: pip install 'aplguard[{extra}]'"
        ) from exc
