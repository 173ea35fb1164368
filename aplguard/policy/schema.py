"""Typed policy schema (pydantic v2, ``extra="forbid"``, a description on every field).

A policy names its detectors, its ordered prompt rules with an explicit
default, its output rules, its prefixes per model family, its privacy
settings for the audit log, its failure mode and per-tenant overlays. The
loader (:mod:`aplguard.policy.loader`) turns YAML into these models and maps
validation errors back to ``file:line:col``.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .limits import (
    MAX_ALIASES,
    MAX_CONDITION_ITEMS,
    MAX_DETECTORS,
    MAX_LIST_ENTRIES,
    MAX_LISTS,
    MAX_NAME_CHARS,
    MAX_RULES,
    MAX_TENANTS,
    MAX_TEXT_CHARS,
)

API_VERSION = "aplguard/v1"
SUPPORTED_API_VERSIONS = (API_VERSION,)

_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"

#: Model families a backend reports (``aplguard.prefix.pipeline_family``, the callable backend) and
#: families reserved for backends to come. Prefix keys and ``model_family`` conditions must use these.
MODEL_FAMILIES = ("sd1", "sd2", "sdxl", "sd3", "flux", "pixart", "kandinsky", "callable", "custom", "other")
# Spellings people use for the same families (the training recipes are named sd15/sd21).
_FAMILY_SPELLINGS = {"sd15": "sd1", "sd1.5": "sd1", "sd14": "sd1", "sd1.4": "sd1", "sd-1.5": "sd1", "sdv1": "sd1",
                     "sd21": "sd2", "sd2.1": "sd2", "sd20": "sd2", "sd2.0": "sd2", "sd-2.1": "sd2", "sdv2": "sd2",
                     "sd-xl": "sdxl", "sdxl1.0": "sdxl", "sdxl10": "sdxl", "sd_xl": "sdxl", "sd35": "sd3",
                     "sd3.5": "sd3"}


def family_error(value: str, allowed: tuple[str, ...]) -> str | None:
    """None when ``value`` is a known model family, else the message (with a suggestion)."""
    if value in allowed:
        return None
    low = value.strip().lower()
    guess = low if low in allowed else _FAMILY_SPELLINGS.get(low.replace(" ", ""))
    if guess is None:
        close = difflib.get_close_matches(low, allowed, n=1)
        guess = close[0] if close else None
    hint = f" (did you mean {guess!r}?)" if guess else ""
    return f"unknown model family {value!r}{hint}; known: {', '.join(allowed)}"


def _family(value: str) -> str:
    msg = family_error(value, MODEL_FAMILIES)
    if msg:
        raise ValueError(msg)
    return value


def _prefix_family(value: str) -> str:
    msg = family_error(value, (*MODEL_FAMILIES, "*"))
    if msg:
        raise ValueError(msg)
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or whitespace")
    return value


#: Short names: ids, names, versions, list and tenant names, person names and aliases.
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_CHARS)]
#: Free text (descriptions, messages, paths).
Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
#: Text that replaces a name in `rewrite`: never empty.
Replacement = Annotated[str, Field(max_length=MAX_TEXT_CHARS), AfterValidator(_not_blank)]
#: A model family in a condition.
Family = Annotated[str, Field(max_length=MAX_NAME_CHARS), AfterValidator(_family)]
#: A model family key of `prefixes` ('*' = fallback).
PrefixFamily = Annotated[str, Field(max_length=MAX_NAME_CHARS), AfterValidator(_prefix_family)]
#: Items of condition filter lists.
Items = Annotated[list[Name], Field(max_length=MAX_CONDITION_ITEMS)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


# ---------------------------------------------------------------- identities

class ProtectedIdentity(_Model):
    """One protected person."""

    name: Name = Field(description="Canonical name of the person.")
    aliases: list[Name] = Field(default_factory=list, max_length=MAX_ALIASES,
                                description="Other spellings, nicknames, handles.")
    description: Replacement | None = Field(
        None, description="Neutral visual description used by `rewrite` instead of the name (not empty).")


class ProtectedList(_Model):
    """A named list of protected identities: inline `entries`, a `file`, or both."""

    file: Text | None = Field(
        None, description="YAML (list of entries or {identities: [...]}), CSV (name,aliases,description; "
                          "aliases separated by '|') or TXT (one name per line) file, relative to the policy file.")
    entries: list[ProtectedIdentity] = Field(default_factory=list, max_length=MAX_LIST_ENTRIES,
                                             description="Inline entries.")


# ----------------------------------------------------------------- detectors

class DetectorSpec(_Model):
    """A prompt detector, by registered type, with parameters."""

    id: str = Field(pattern=_ID_PATTERN, max_length=MAX_NAME_CHARS,
                    description="Unique id, referenced by rule conditions.")
    type: Name = Field(description="Registered detector type (e.g. gazetteer, name_shape, ner).")
    enabled: bool = Field(True, description="Disabled detectors are validated but not run.")
    params: dict[str, Any] = Field(default_factory=dict, description="Keyword parameters for the detector factory.")
    protected: list[Name] | None = Field(
        None, max_length=MAX_LISTS, description="Names of protected lists passed to the detector as `protected=`. Default: all lists "
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

    kind: Items | None = Field(None, description="Finding kinds (protected, public_figure, private_person, "
                                                     "personalization, likeness).")
    detector: Items | None = Field(None, description="Detector ids.")
    min_score: float = Field(0.0, ge=0.0, le=1.0, description="Minimum finding score.")
    canonical_in: Items | None = Field(None, description="Canonical names (case-insensitive).")
    in_list: Items | None = Field(None, description="Names of protected lists the canonical name must be in.")
    identity_seeking: bool | None = Field(None, description="Require the finding's identity_seeking flag.")
    min_count: int = Field(1, ge=1, description="How many findings must pass.")


class ContextCondition(_Model):
    """Conditions over the request context; every given field must match."""

    tenant: Items | None = Field(None, description="Tenant ids.")
    user_role: Items | None = Field(None, description="Caller roles.")
    model_family: Annotated[list[Family], Field(max_length=MAX_CONDITION_ITEMS)] | None = Field(
        None, description=f"Model families as backends report them: {', '.join(MODEL_FAMILIES)}.")
    labels: dict[Name, Text | list[Text]] | None = Field(
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
    identity_in: Items | None = Field(None, description="Gallery identity ids (case-insensitive).")
    in_list: Items | None = Field(None, description="Names of protected lists the identity must be in.")
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

    id: str = Field(pattern=_ID_PATTERN, max_length=MAX_NAME_CHARS,
                    description="Unique rule id (shown in decisions and audit records).")
    description: Text | None = Field(None, description="What the rule is for.")
    when: PromptWhen = Field(default_factory=lambda: PromptWhen.model_validate({}), description="Condition; omitted = always matches.")
    action: Literal["allow", "anonymize", "rewrite", "block"] = Field(description="What to do with the prompt.")
    flag: bool = Field(False, description="Also flag the request for review.")
    message: Text | None = Field(None, description="User-facing message for `block`.")
    replacement: Replacement | None = Field(
        None, description="Neutral text for `rewrite` when the identity has no description (default: "
                          "rewrite.neutral); not empty.")

    @model_validator(mode="after")
    def _replacement_only_for_rewrite(self) -> PromptRule:
        if self.replacement is not None and self.action != "rewrite":
            raise ValueError("`replacement` only applies to action 'rewrite'")
        return self


class PromptDefault(_Model):
    """What happens when no prompt rule matches."""

    action: Literal["allow", "anonymize", "rewrite", "block"] = Field(description="Default prompt action.")
    flag: bool = Field(False, description="Also flag the request for review.")
    message: Text | None = Field(None, description="User-facing message for `block`.")


class OutputRule(_Model):
    """An ordered output rule over one generated image; the first matching rule decides."""

    id: str = Field(pattern=_ID_PATTERN, max_length=MAX_NAME_CHARS, description="Unique rule id.")
    description: Text | None = Field(None, description="What the rule is for.")
    when: OutputWhen = Field(default_factory=lambda: OutputWhen.model_validate({}), description="Condition; omitted = always matches.")
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
    match_threshold: float | None = Field(
        None, ge=-1.0, le=1.0, description="Gallery match threshold as a raw cosine score of the gallery's "
                                           "matcher (default: the matcher's shipped threshold).")
    match_far: float | None = Field(
        None, ge=0.0001, le=0.1, description="Gallery match threshold as a tolerated false accept rate (e.g. "
                                             "0.001), turned into the matcher's threshold by its shipped "
                                             "calibration table; instead of match_threshold.")
    rules: list[OutputRule] = Field(default_factory=list, max_length=MAX_RULES, description="Ordered output rules.")
    default: OutputDefault = Field(default_factory=lambda: OutputDefault.model_validate({}), description="Action when no rule matches.")

    @model_validator(mode="after")
    def _one_match_threshold(self) -> OutputPolicy:
        if self.match_threshold is not None and self.match_far is not None:
            raise ValueError("give match_threshold or match_far, not both")
        return self


#: Call arguments that carry images a person could be injected through.
INPUT_IMAGE_ARGUMENTS = ("image", "ip_adapter_image", "control_image")


class InputRule(_Model):
    """An ordered rule over one input image (img2img/inpaint init, IP-Adapter reference, ControlNet image).

    The first matching rule decides; its action merges into the prompt's decision (the stricter wins).
    """

    id: str = Field(pattern=_ID_PATTERN, max_length=MAX_NAME_CHARS, description="Unique rule id.")
    description: Text | None = Field(None, description="What the rule is for.")
    arguments: list[Literal["image", "ip_adapter_image", "control_image"]] | None = Field(
        None, description="Image arguments the rule applies to (default: all of them).")
    when: OutputWhen = Field(default_factory=lambda: OutputWhen.model_validate({}),
                             description="Condition over the input image's faces, gallery matches, the prompt "
                                         "decision and the context; omitted = always matches.")
    action: Literal["allow", "anonymize", "block"] = Field(description="What the prompt becomes at least.")
    flag: bool = Field(False, description="Also flag the request for review.")
    message: Text | None = Field(None, description="User-facing message for `block`.")


class InputDefault(_Model):
    """What an input image implies when no input rule matches."""

    action: Literal["allow", "anonymize", "block"] = Field("allow", description="Default input action.")
    flag: bool = Field(False, description="Also flag for review.")


class InputPolicy(_Model):
    """Checks on the images a call brings in, before anything is generated."""

    detect_faces: bool = Field(False, description="Run face detection on input images (the shipped policies "
                                                   "turn this on).")
    match_gallery: bool = Field(True, description="Match input faces against the protected gallery.")
    rules: list[InputRule] = Field(default_factory=list, max_length=MAX_RULES, description="Ordered input rules.")
    default: InputDefault = Field(default_factory=lambda: InputDefault.model_validate({}),
                                  description="Action when no input rule matches.")


class RewriteSettings(_Model):
    """How `rewrite` replaces detected names."""

    neutral: Replacement = Field("a person", description="Default neutral replacement text (not empty).")
    descriptions: dict[Name, Replacement] = Field(
        default_factory=dict, max_length=MAX_LIST_ENTRIES,
        description="Canonical name -> description (adds to list entries' descriptions; not empty).")


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
    rules: list[OutputRule] | None = Field(None, max_length=MAX_RULES, description="Replace the output rules.")
    prepend_rules: list[OutputRule] = Field(default_factory=list, max_length=MAX_RULES,
                                            description="Output rules tried first.")
    default: OutputDefault | None = Field(None, description="Override the output default.")


class TenantOverlay(_Model):
    """Per-tenant changes on top of the base policy (or of another tenant via `extends`)."""

    extends: Name | None = Field(None, description="Another tenant to start from (default: the base policy).")
    description: Text | None = Field(None, description="Who this tenant is.")
    mode: Literal["enforce", "shadow"] | None = Field(None, description="Override mode.")
    on_error: Literal["block", "anonymize", "allow"] | None = Field(None, description="Override on_error.")
    detectors: list[DetectorSpec] = Field(
        default_factory=list, max_length=MAX_DETECTORS, description="Detectors added (or replaced, by id).")
    protected: dict[Name, ProtectedList] = Field(
        default_factory=dict, max_length=MAX_LISTS, description="Protected lists added (or replaced, by name).")
    rules: list[PromptRule] | None = Field(None, max_length=MAX_RULES, description="Replace the prompt rules.")
    prepend_rules: list[PromptRule] = Field(default_factory=list, max_length=MAX_RULES,
                                            description="Prompt rules tried first.")
    append_rules: list[PromptRule] = Field(default_factory=list, max_length=MAX_RULES,
                                           description="Prompt rules tried last.")
    remove_rules: list[Name] = Field(default_factory=list, max_length=MAX_RULES,
                                     description="Ids of inherited prompt rules to drop.")
    default: PromptDefault | None = Field(None, description="Override the prompt default.")
    output: OutputOverlay | None = Field(None, description="Partial output settings.")
    prefixes: dict[PrefixFamily, Text] = Field(default_factory=dict, max_length=len(MODEL_FAMILIES) + 1,
                                               description="Prefixes added/overridden per model family.")
    rewrite: RewriteSettings | None = Field(None, description="Replace rewrite settings.")
    privacy: PrivacySettings | None = Field(None, description="Replace privacy settings.")
    audit: AuditSettings | None = Field(None, description="Replace audit settings.")


# -------------------------------------------------------------------- policy

class PolicySpec(_Model):
    """The validated content of one policy file (see :class:`aplguard.policy.Policy`)."""

    apiVersion: Name = Field(description=f"Schema version; this release reads {', '.join(SUPPORTED_API_VERSIONS)}.")
    name: Name = Field(description="Policy name (recorded in decisions and audit records).")
    version: Name = Field("1", description="Policy version chosen by its author.")
    description: Text | None = Field(None, description="What this policy is for.")
    mode: Literal["enforce", "shadow"] = Field(
        "enforce", description="shadow: compute and audit decisions without changing anything.")
    on_error: Literal["block", "anonymize", "allow"] = Field(
        "anonymize", description="What happens when a detector fails at run time.")
    detectors: list[DetectorSpec] = Field(default_factory=list, max_length=MAX_DETECTORS,
                                          description="Prompt detectors, run in order.")
    protected: dict[Name, ProtectedList] = Field(default_factory=dict, max_length=MAX_LISTS,
                                                 description="Named protected-identity lists.")
    rules: list[PromptRule] = Field(default_factory=list, max_length=MAX_RULES,
                                    description="Ordered prompt rules; first match wins.")
    default: PromptDefault = Field(description="Prompt action when no rule matches (explicit on purpose).")
    output: OutputPolicy = Field(default_factory=lambda: OutputPolicy.model_validate({}),
                                 description="Output checks: face detection, gallery matching, output rules.")
    input: InputPolicy = Field(default_factory=lambda: InputPolicy.model_validate({}),
                               description="Input-image checks: faces and gallery matches in img2img, inpaint, "
                                           "IP-Adapter and ControlNet images, with input rules.")
    prefixes: dict[PrefixFamily, Text] = Field(
        default_factory=dict, max_length=len(MODEL_FAMILIES) + 1,
        description=f"Model family ({', '.join(MODEL_FAMILIES)}) -> APL prefix file or name; '*' is the fallback.")
    rewrite: RewriteSettings = Field(default_factory=lambda: RewriteSettings.model_validate({}), description="Rewrite settings.")
    privacy: PrivacySettings = Field(default_factory=lambda: PrivacySettings.model_validate({}), description="Audit-log privacy.")
    audit: AuditSettings = Field(default_factory=lambda: AuditSettings.model_validate({}), description="Audit requirements for this policy.")
    tenants: dict[Name, TenantOverlay] = Field(default_factory=dict, max_length=MAX_TENANTS,
                                               description="Per-tenant overlays.")

    @field_validator("apiVersion")
    @classmethod
    def _api_version(cls, value: str) -> str:
        if value not in SUPPORTED_API_VERSIONS:
            raise ValueError(f"unsupported apiVersion {value!r} (supported: {', '.join(SUPPORTED_API_VERSIONS)})")
        return value
