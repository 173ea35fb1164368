"""Resolved, read-only settings of a (tenant-resolved) policy, for Guard and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .loader import Policy
from .schema import PrivacySettings


@dataclass(frozen=True)
class PolicySettings:
    """What Guard needs to know besides per-prompt decisions.

    Attributes:
        name: policy name.
        version: policy version.
        sha256: SHA-256 of the policy source text.
        source: file the policy came from.
        tenant: the tenant these settings were resolved for (None = base).
        mode: ``enforce`` or ``shadow`` (decide and audit, change nothing).
        on_error: ``block`` | ``anonymize`` | ``allow`` when a detector fails.
        audit_required: refuse to serve when the audit record cannot be written.
        privacy: ``privacy.prompt_storage`` (hash | redacted | plain) and ``privacy.thumbnails``.
        detect_faces: run face detection on outputs.
        match_gallery: match detected faces against the protected gallery.
        input_detect_faces: run face detection on input images (img2img, IP-Adapter, ControlNet).
        input_match_gallery: match input faces against the protected gallery.
        match_threshold: gallery-match cosine threshold (None: the matcher's calibrated one).
        match_far: gallery-match threshold given as a false accept rate (None: not set).
    """

    name: str
    version: str
    sha256: str
    source: str
    tenant: str | None
    mode: str
    on_error: str
    audit_required: bool
    privacy: PrivacySettings
    detect_faces: bool
    match_gallery: bool
    input_detect_faces: bool = False
    input_match_gallery: bool = False
    match_threshold: float | None = None
    match_far: float | None = None

    @property
    def output_checks(self) -> bool:
        """Whether outputs are checked at all (faces detected)."""
        return self.detect_faces

    output_checks_enabled = output_checks

    @property
    def input_checks(self) -> bool:
        """Whether input images are checked at all (faces detected)."""
        return self.input_detect_faces

    @property
    def shadow(self) -> bool:
        return self.mode == "shadow"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "sha256": self.sha256, "source": self.source,
                "tenant": self.tenant, "mode": self.mode, "on_error": self.on_error,
                "audit_required": self.audit_required, "privacy": self.privacy.model_dump(),
                "detect_faces": self.detect_faces, "match_gallery": self.match_gallery,
                "input_detect_faces": self.input_detect_faces, "input_match_gallery": self.input_match_gallery}


def settings_for(policy: Policy) -> PolicySettings:
    """Settings of a policy already resolved for its tenant."""
    return PolicySettings(
        name=policy.name, version=policy.version, sha256=policy.sha256, source=policy.source,
        tenant=policy.tenant, mode=policy.mode, on_error=policy.on_error,
        audit_required=policy.audit.required, privacy=policy.privacy,
        detect_faces=policy.output.detect_faces, match_gallery=policy.output.match_gallery and policy.output.detect_faces,
        input_detect_faces=policy.input.detect_faces,
        input_match_gallery=policy.input.match_gallery and policy.input.detect_faces,
        match_threshold=policy.output.match_threshold, match_far=policy.output.match_far,
    )
