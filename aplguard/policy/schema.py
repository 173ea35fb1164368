"""Typed policy schema (pydantic v2, ``extra="forbid"``, a description on every field).

A policy names its detectors, its ordered prompt rules with an explicit
default, its output rules, its prefixes per model family, its privacy
settings for the audit log, its failure mode and per-tenant overlays. The
loader (:mod:`aplguard.policy.loader`) turns YAML into these models and maps
validation errors back to ``file:line:col``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

API_VERSION = "aplguard/v1"
SUPPORTED_API_VERSIONS = (API_VERSION,)

_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


# ---------------------------------------------------------------- identities

class ProtectedIdentity(_Model):
    """One protected person."""

    name: str = Field(min_length=1, description="Canonical name of the person.")
    aliases: list[str] = Field(default_factory=list, description="Other spellings, nicknames, handles.")
    description: str | None = Field(
        None, description="Neutral visual description used by `rewrite` instead of the name.")


class ProtectedList(_Model):
    """A named list of protected identities: inline `entries`, a `file`, or both."""

    file: str | None = Field(
        None, description="YAML (list of entries or {identities: [...]}), CSV (name,aliases,description; "
                          "aliases separated by '|') or TXT (one name per line) file, relative to the policy file.")
    entries: list[ProtectedIdentity] = Field(default_factory=list, description="Inline entries.")


# ----------------------------------------------------------------- detectors

class DetectorSpec(_Model):
    """A prompt detector, by registered type, with parameters."""

    id: str = Field(pattern=_ID_PATTERN, description="Unique id, referenced by rule conditions.")
    type: str = Field(min_length=1, description="Registered detector type (e.g. gazetteer, name_shape, ner).")
    enabled: bool = Field(True, description="Disabled detectors are validated but not run.")
    params: dict[str, Any] = Field(default_factory=dict, description="Keyword parameters for the detector factory.")
    protected: list[str] | None = Field(
        None, description="Names of protected lists passed to the detector as `protected=`. Default: all lists "
                          "for `gazetteer` detectors, none for other types.")
    min_score: float = Field(0.0, ge=0.0, le=1.0, description="Findings scoring below this are dropped.")

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("detector_types")
        if known is not None and value not in known:
            raise ValueError(f"unknown detector type {value!r} (known: {', '.join(sorted(known)) or 'none'})")
        return value


# ---------------------------------------------------------------- conditions

class FindingCondition(_Model):
    """Matches when at least `min_count` prompt findings pass every given filter."""

    kind: list[str] | None = Field(None, description="Finding kinds (protected, public_figure, private_person, "
                                                     "personalization, likeness).")
    detector: list[str] | None = Field(None, description="Detector ids.")
    min_score: float = Field(0.0, ge=0.0, le=1.0, description="Minimum finding score.")
    canonical_in: list[str] | None = Field(None, description="Canonical names (case-insensitive).")
    in_list: list[str] | None = Field(None, description="Names of protected lists the canonical name must be in.")
    identity_seeking: bool | None = Field(None, description="Require the finding's identity_seeking flag.")
    min_count: int = Field(1, ge=1, description="How many findings must pass.")


class ContextCondition(_Model):
    """Conditions over the request context; every given field must match."""

    tenant: list[str] | None = Field(None, description="Tenant ids.")
    user_role: list[str] | None = Field(None, description="Caller roles.")
    model_family: list[str] | None = Field(None, description="Model families (sd15, sd21, sdxl, ...).")
    labels: dict[str, str | list[str]] | None = Field(
        None, description="Request labels: key -> required value or list of accepted values.")


class PromptWhen(_Model):
    """A prompt rule's condition; all given parts must hold. Empty = always."""

    identity_seeking: bool | None = Field(
        None, description="Whether any finding says the prompt asks for a specific real person.")
    findings: FindingCondition | None = Field(None, description="Conditions over prompt findings.")
    no_findings: bool | None = Field(None, description="True: matches only prompts with no findings at all.")
    context: ContextCondition | None = Field(None, description="Conditions over the request context.")
    any: list[PromptWhen] | None = Field(None, description="At least one of these sub-conditions.")
    not_: PromptWhen | None = Field(None, alias="not", description="This sub-condition must not hold.")


class FaceCountCondition(_Model):
    """Number of faces detected in the image."""

    min: int | None = Field(None, ge=0, description="At least this many faces.")
    max: int | None = Field(None, ge=0, description="At most this many faces.")


class MatchCondition(_Model):
    """Matches when at least `min_count` gallery matches pass every given filter."""

    min_score: float = Field(0.0, description="Minimum similarity score.")
    identity_in: list[str] | None = Field(None, description="Gallery identity ids (case-insensitive).")
    in_list: list[str] | None = Field(None, description="Names of protected lists the identity must be in.")
    min_count: int = Field(1, ge=1, description="How many matches must pass.")


class PromptDecisionCondition(_Model):
    """Conditions over the prompt decision an image was generated under."""

    action: list[Literal["allow", "anonymize", "rewrite", "block"]] | None = Field(
        None, description="The prompt decision's (intended) action.")
    identity_seeking: bool | None = Field(None, description="Whether the prompt was identity-seeking.")
    flagged: bool | None = Field(None, description="Whether the prompt decision was flagged.")


class OutputWhen(_Model):
    """An output rule's condition; all given parts must hold. Empty = always."""

    faces: FaceCountCondition | None = Field(None, description="Face-count condition.")
    matches: MatchCondition | None = Field(None, description="Gallery-match condition.")
    prompt: PromptDecisionCondition | None = Field(None, description="Condition on the prompt decision.")
    context: ContextCondition | None = Field(None, description="Conditions over the request context.")
    any: list[OutputWhen] | None = Field(None, description="At least one of these sub-conditions.")
    not_: OutputWhen | None = Field(None, alias="not", description="This sub-condition must not hold.")


# --------------------------------------------------------------------- rules

class PromptRule(_Model):
    """An ordered prompt rule; the first matching rule decides."""

    id: str = Field(pattern=_ID_PATTERN, description="Unique rule id (shown in decisions and audit records).")
    description: str | None = Field(None, description="What the rule is for.")
    when: PromptWhen = Field(default_factory=PromptWhen, description="Condition; omitted = always matches.")
    action: Literal["allow", "anonymize", "rewrite", "block"] = Field(description="What to do with the prompt.")
    flag: bool = Field(False, description="Also flag the request for review.")
    message: str | None = Field(None, description="User-facing message for `block`.")
    replacement: str | None = Field(
        None, description="Neutral text for `rewrite` when the identity has no description (default: "
                          "rewrite.neutral).")

    @model_validator(mode="after")
    def _replacement_only_for_rewrite(self) -> PromptRule:
        if self.replacement is not None and self.action != "rewrite":
            raise ValueError("`replacement` only applies to action 'rewrite'")
        return self


class PromptDefault(_Model):
    """What happens when no prompt rule matches."""

    action: Literal["allow", "anonymize", "rewrite", "block"] = Field(description="Default prompt action.")
    flag: bool = Field(False, description="Also flag the request for review.")
    message: str | None = Field(None, description="User-facing message for `block`.")


class OutputRule(_Model):
    """An ordered output rule over one generated image; the first matching rule decides."""

    id: str = Field(pattern=_ID_PATTERN, description="Unique rule id.")
    description: str | None = Field(None, description="What the rule is for.")
    when: OutputWhen = Field(default_factory=OutputWhen, description="Condition; omitted = always matches.")
    action: Literal["none", "flag", "blur", "block", "regenerate"] = Field(
        description="none | flag | blur (the faces) | block | regenerate (once, anonymized).")
    flag: bool = Field(False, description="Also flag the request for review (implied by action flag).")


class OutputDefault(_Model):
    """What happens to an image when no output rule matches."""

    action: Literal["none", "flag", "blur", "block", "regenerate"] = Field("none", description="Default action.")
    flag: bool = Field(False, description="Also flag for review.")


class OutputPolicy(_Model):
    """Checks on generated images."""

    detect_faces: bool = Field(True, description="Run face detection on outputs at all.")
    match_gallery: bool = Field(True, description="Match detected faces against the protected gallery.")
    rules: list[OutputRule] = Field(default_factory=list, description="Ordered output rules.")
    default: OutputDefault = Field(default_factory=OutputDefault, description="Action when no rule matches.")


class RewriteSettings(_Model):
    """How `rewrite` replaces detected names."""

    neutral: str = Field("a person", description="Default neutral replacement text.")
    descriptions: dict[str, str] = Field(
        default_factory=dict, description="Canonical name -> description (adds to list entries' descriptions).")


class PrivacySettings(_Model):
    """What the audit log may keep."""

    prompt_storage: Literal["hash", "redacted", "plain"] = Field(
        "hash", description="hash: keyed hash only; redacted: detected spans masked; plain: the prompt as is.")
    thumbnails: bool = Field(False, description="Keep small thumbnails of outputs in the audit log.")


class AuditSettings(_Model):
    """Audit requirements."""

    required: bool = Field(True, description="Refuse to serve when the audit record cannot be written.")


# ------------------------------------------------------------------- tenants

class OutputOverlay(_Model):
    """Partial output settings for a tenant."""

    detect_faces: bool | None = Field(None, description="Override output.detect_faces.")
    match_gallery: bool | None = Field(None, description="Override output.match_gallery.")
    rules: list[OutputRule] | None = Field(None, description="Replace the output rules.")
    prepend_rules: list[OutputRule] = Field(default_factory=list, description="Output rules tried first.")
    default: OutputDefault | None = Field(None, description="Override the output default.")


class TenantOverlay(_Model):
    """Per-tenant changes on top of the base policy (or of another tenant via `extends`)."""

    extends: str | None = Field(None, description="Another tenant to start from (default: the base policy).")
    description: str | None = Field(None, description="Who this tenant is.")
    mode: Literal["enforce", "shadow"] | None = Field(None, description="Override mode.")
    on_error: Literal["block", "anonymize", "allow"] | None = Field(None, description="Override on_error.")
    detectors: list[DetectorSpec] = Field(
        default_factory=list, description="Detectors added (or replaced, by id).")
    protected: dict[str, ProtectedList] = Field(
        default_factory=dict, description="Protected lists added (or replaced, by name).")
    rules: list[PromptRule] | None = Field(None, description="Replace the prompt rules.")
    prepend_rules: list[PromptRule] = Field(default_factory=list, description="Prompt rules tried first.")
    append_rules: list[PromptRule] = Field(default_factory=list, description="Prompt rules tried last.")
    remove_rules: list[str] = Field(default_factory=list, description="Ids of inherited prompt rules to drop.")
    default: PromptDefault | None = Field(None, description="Override the prompt default.")
    output: OutputOverlay | None = Field(None, description="Partial output settings.")
    prefixes: dict[str, str] = Field(default_factory=dict, description="Prefixes added/overridden per family.")
    rewrite: RewriteSettings | None = Field(None, description="Replace rewrite settings.")
    privacy: PrivacySettings | None = Field(None, description="Replace privacy settings.")
    audit: AuditSettings | None = Field(None, description="Replace audit settings.")


# -------------------------------------------------------------------- policy

class PolicySpec(_Model):
    """The validated content of one policy file (see :class:`aplguard.policy.Policy`)."""

    apiVersion: str = Field(description=f"Schema version; this release reads {', '.join(SUPPORTED_API_VERSIONS)}.")
    name: str = Field(min_length=1, description="Policy name (recorded in decisions and audit records).")
    version: str = Field("1", description="Policy version chosen by its author.")
    description: str | None = Field(None, description="What this policy is for.")
    mode: Literal["enforce", "shadow"] = Field(
        "enforce", description="shadow: compute and audit decisions without changing anything.")
    on_error: Literal["block", "anonymize", "allow"] = Field(
        "anonymize", description="What happens when a detector fails at run time.")
    detectors: list[DetectorSpec] = Field(default_factory=list, description="Prompt detectors, run in order.")
    protected: dict[str, ProtectedList] = Field(default_factory=dict, description="Named protected-identity lists.")
    rules: list[PromptRule] = Field(default_factory=list, description="Ordered prompt rules; first match wins.")
    default: PromptDefault = Field(description="Prompt action when no rule matches (explicit on purpose).")
    output: OutputPolicy = Field(default_factory=OutputPolicy,
                                 description="Output checks: face detection, gallery matching, output rules.")
    prefixes: dict[str, str] = Field(
        default_factory=dict, description="Model family -> APL prefix file or name; '*' is the fallback.")
    rewrite: RewriteSettings = Field(default_factory=RewriteSettings, description="Rewrite settings.")
    privacy: PrivacySettings = Field(default_factory=PrivacySettings, description="Audit-log privacy.")
    audit: AuditSettings = Field(default_factory=AuditSettings, description="Audit requirements for this policy.")
    tenants: dict[str, TenantOverlay] = Field(default_factory=dict, description="Per-tenant overlays.")

    @field_validator("apiVersion")
    @classmethod
    def _api_version(cls, value: str) -> str:
        if value not in SUPPORTED_API_VERSIONS:
            raise ValueError(f"unsupported apiVersion {value!r} (supported: {', '.join(SUPPORTED_API_VERSIONS)})")
        return value
