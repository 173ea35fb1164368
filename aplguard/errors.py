"""The one exception tree of aplguard.

Every error the SDK raises on purpose derives from :class:`AplGuardError`, so
callers can catch one class. Subclasses say which part failed; messages name
the offending file, line, key or argument.
"""

from __future__ import annotations

from typing import Any


class AplGuardError(Exception):
    """Base class of every error aplguard raises on purpose."""


class ConfigError(AplGuardError, ValueError):
    """A bad argument or configuration value (CLI exit code 2)."""


class MissingDependencyError(AplGuardError, ImportError):
    """An optional dependency is not installed; the message names the extra."""


class PolicyError(ConfigError):
    """A policy file or object is invalid.

    Attributes:
        errors: located messages, one per problem (``file:line:col: key: message``).
    """

    def __init__(self, message: str, errors: list[str] | None = None):
        self.errors = list(errors) if errors else [message]
        super().__init__(message)


class PrefixError(ConfigError):
    """A prefix (soft prompt) file is unreadable, malformed or does not fit the model."""


class BackendError(ConfigError):
    """A pipeline cannot be wrapped (no text encoder, unsupported call, ...)."""


class DetectorError(AplGuardError):
    """A detector failed at run time; the policy's ``on_error`` decides what happens."""


class ModelFileError(AplGuardError):
    """A model file is missing, has the wrong checksum or cannot be obtained."""


class ImageError(AplGuardError, ValueError):
    """An image cannot be decoded or is unsafe to decode (too many pixels, corrupt)."""


class FaceError(AplGuardError):
    """Face detection or embedding failed."""


class GalleryError(AplGuardError):
    """A gallery operation failed (bad enrolment photo, unreadable store, ...)."""


class AuditError(AplGuardError):
    """The audit log could not be written or read."""


class AuditIntegrityError(AuditError):
    """The audit log's hash chain or checkpoints do not verify."""


class ContentCredentialsError(AplGuardError):
    """A C2PA manifest could not be signed into an image or read back from it."""


class TrainingError(ConfigError):
    """A training run cannot start or resume (bad data spec, mismatched checkpoint, ...)."""


class Blocked(AplGuardError):
    """Raised by ``Guard(..., raise_on_block=True)`` when the policy blocks a request.

    Attributes:
        decisions: the per-prompt decisions that led to the block.
        message: the user-facing message from the policy.
    """

    def __init__(self, message: str, decisions: list[Any] | None = None):
        self.message = message
        self.decisions = list(decisions or [])
        super().__init__(message)


__all__ = [
    "AplGuardError",
    "ConfigError",
    "MissingDependencyError",
    "PolicyError",
    "PrefixError",
    "BackendError",
    "DetectorError",
    "ModelFileError",
    "ImageError",
    "FaceError",
    "GalleryError",
    "AuditError",
    "AuditIntegrityError",
    "TrainingError",
    "Blocked",
]
