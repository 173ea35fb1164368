"""aplguard: a privacy guardrail SDK for text-to-image diffusion."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger("aplguard").addHandler(logging.NullHandler())

from .errors import (  # noqa: E402
    AplGuardError,
    AuditError,
    AuditIntegrityError,
    BackendError,
    Blocked,
    ConfigError,
    DetectorError,
    FaceError,
    GalleryError,
    ImageError,
    MissingDependencyError,
    ModelFileError,
    PolicyError,
    PrefixError,
    TrainingError,
)
from .types import Decision, Face, FaceMatch, Finding, InputDecision, OutputDecision, RequestContext  # noqa: E402

if TYPE_CHECKING:
    from .guard import Guard, GuardOutput
    from .prefix import SoftPrompt

# Guard and SoftPrompt pull in the audit log, policies, backends and numpy; loaded on first use so that a process
# that only screens prompts (``aplguard.detect``) does not pay for them at start-up.
_LAZY = {"Guard": "guard", "GuardOutput": "guard", "SoftPrompt": "prefix"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "__version__",
    "Guard", "GuardOutput", "SoftPrompt",
    "AplGuardError", "AuditError", "AuditIntegrityError", "BackendError", "Blocked", "ConfigError",
    "DetectorError", "FaceError", "GalleryError", "ImageError", "MissingDependencyError", "ModelFileError",
    "PolicyError", "PrefixError", "TrainingError",
    "Decision", "Face", "FaceMatch", "Finding", "InputDecision", "OutputDecision", "RequestContext",
]
