"""aplguard: a privacy guardrail SDK for text-to-image diffusion."""

from __future__ import annotations

import logging

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
from .guard import Guard, GuardOutput  # noqa: E402
from .prefix import SoftPrompt  # noqa: E402
from .types import Decision, Face, FaceMatch, Finding, InputDecision, OutputDecision, RequestContext  # noqa: E402

__all__ = [
    "__version__",
    "Guard", "GuardOutput", "SoftPrompt",
    "AplGuardError", "AuditError", "AuditIntegrityError", "BackendError", "Blocked", "ConfigError",
    "DetectorError", "FaceError", "GalleryError", "ImageError", "MissingDependencyError", "ModelFileError",
    "PolicyError", "PrefixError", "TrainingError",
    "Decision", "Face", "FaceMatch", "Finding", "InputDecision", "OutputDecision", "RequestContext",
]
