"""The audit record schema (versioned pydantic models) and prompt storage.

One :class:`AuditRecord` describes one guarded call: who asked (tenant, labels),
under which policy and model, what the guardrail decided for each prompt and on
what evidence, what came out (image hashes, faces, gallery matches, output
action), how long it took and what failed. It holds no face embeddings or crops;
a small thumbnail only when the policy asks for it.

Privacy rules enforced here:

* findings keep kinds, spans, scores and detector ids, never the matched text;
  a canonical name is kept only for protected identities (see
  :meth:`FindingRecord.from_finding`);
* the prompt is stored as the policy says (:func:`store_prompt`): a keyed hash
  by default, the prompt with detected spans masked, or the plain text.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import os
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import Any, Final, Literal

from PIL import Image
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_serializer, field_validator, model_validator
from typing_extensions import Self

from .. import environment
from ..errors import AuditError, ConfigError
from ..types import IDENTITY_KINDS, Decision, Face, FaceMatch, Finding, OutputDecision

#: Bump when a change to the record models is not backwards compatible.
SCHEMA_VERSION: Final = 1

#: Environment variable holding the HMAC key (an alias of :data:`aplguard.environment.AUDIT_HMAC_KEY`,
#: which is where it is read).
HMAC_KEY_ENV = environment.AUDIT_HMAC_KEY

PromptStorage = Literal["hash", "redacted", "plain"]


def _validation_message(exc: ValidationError, what: str) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "<record>"
        parts.append(f"{loc}: {err['msg']}")
    return f"invalid {what}: " + "; ".join(parts)


class _Model(BaseModel):
    """Strict base: unknown keys are errors, and validation errors are AuditErrors.

    Guard treats any :class:`AuditError` as "the audit write failed", so an invalid
    record follows the policy's ``audit.required`` like a full disk would.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise AuditError(_validation_message(exc, type(self).__name__)) from None

    # Tell pydantic this __init__ only wraps errors: nested models are then validated
    # by pydantic-core directly, so error locations stay complete (prompts.0.decision).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            raise AuditError(_validation_message(exc, type(self).__name__)) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            raise AuditError(_validation_message(exc, cls.__name__)) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as exc:
            raise AuditError(_validation_message(exc, cls.__name__)) from None


class FindingRecord(_Model):
    """The evidence of one prompt finding, without the matched text."""

    kind: str = Field(description="Finding kind (public_figure, protected, ...).")
    start: int = Field(ge=0, description="Span start in the original prompt.")
    end: int = Field(ge=0, description="Span end (exclusive).")
    score: float = Field(ge=0.0, le=1.0, description="Detector confidence.")
    detector: str = Field(description="Detector id.")
    canonical: str | None = Field(default=None, description="Canonical name; only for protected identities.")

    @model_validator(mode="after")
    def _span_order(self) -> FindingRecord:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) < start ({self.start})")
        return self

    @classmethod
    def from_finding(cls, finding: Finding | Mapping[str, Any], protected_names: Iterable[str] = (),
                     pseudonym: Callable[[str], str | None] | None = None) -> FindingRecord:
        """Build from a detector :class:`~aplguard.types.Finding` (or its dict).

        The matched text is dropped. The canonical name is kept only when the
        finding is of kind ``protected`` or names one of ``protected_names``
        (case-insensitive): names of other people never reach the log. ``pseudonym``
        (the gallery's keyed pseudonyms) replaces a kept name that has one, so that
        erasing the identity's key unlinks the record.
        """
        f = finding.to_dict() if isinstance(finding, Finding) else dict(finding)
        canonical = f.get("canonical")
        protected = {n.casefold() for n in protected_names}
        if canonical and not (f.get("kind") == "protected" or canonical.casefold() in protected):
            canonical = None
        if canonical and pseudonym is not None:
            canonical = pseudonym(canonical) or canonical
        return cls(kind=f["kind"], start=f["start"], end=f["end"], score=f["score"],
                   detector=f.get("detector", ""), canonical=canonical)


class StoredPrompt(_Model):
    """A prompt as the policy allows it to be kept (see :func:`store_prompt`)."""

    mode: PromptStorage = Field(description="hash | redacted | plain.")
    text: str | None = Field(default=None, description="Redacted or plain text (None in hash mode).")
    alg: str | None = Field(default=None, description="hash mode: hmac-sha256 (keyed) or sha256-salted.")
    digest: str | None = Field(default=None, description="hash mode: hex digest.")
    salt: str | None = Field(default=None, description="hash mode without key: hex salt.")
    length: int = Field(ge=0, description="Length of the original prompt in characters.")

    @model_validator(mode="after")
    def _mode_fields(self) -> StoredPrompt:
        if self.mode == "hash" and (self.text is not None or not self.digest):
            raise ValueError("hash mode keeps a digest and no text")
        if self.mode != "hash" and self.text is None:
            raise ValueError(f"{self.mode} mode needs text")
        return self


def _prompt_key(key: bytes | str | None) -> bytes | None:
    from .chain import resolve_key  # chain imports this module

    raw = resolve_key(key)
    if raw is None:
        return None
    # A derived sub-key: the prompt hashes never reveal the log's MAC key.
    return hmac.digest(raw, b"aplguard-audit-prompt-hash-v1", "sha256")


def redact(text: str, findings: Iterable[Finding | Mapping[str, Any]], protected_names: Iterable[str] = ()) -> str:
    """Replace every finding span by ``[KIND]`` and every protected name by ``[PROTECTED]``.

    Protected names are masked even where no detector found them (a safety net:
    the log must not keep them in clear text).
    """
    spans = []
    for f in findings:
        d = f.to_dict() if isinstance(f, Finding) else f
        start, end = int(d["start"]), int(d["end"])
        if not 0 <= start <= end <= len(text):
            raise AuditError(f"finding span {start}..{end} outside the prompt (length {len(text)})")
        spans.append((start, -end, 0, str(d["kind"]).upper()))
    for name in protected_names:
        if name.strip():
            for m in re.finditer(re.escape(name.strip()), text, flags=re.IGNORECASE):
                spans.append((m.start(), -m.end(), 1, "PROTECTED"))
    spans.sort()  # by start, longest first, detector findings before the name safety net
    out, pos = [], 0
    for start, neg_end, _, label in spans:
        end = -neg_end
        if end <= pos:  # inside a span already masked
            continue
        out.append(text[pos:max(pos, start)])
        if start >= pos:
            out.append(f"[{label}]")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _utf8(text: str) -> bytes:
    # surrogatepass: a prompt with a lone surrogate (from a JSON escape) is hashed, not an error.
    return text.encode("utf-8", "surrogatepass")


def store_prompt(text: str, mode: PromptStorage | str, findings: Iterable[Finding | Mapping[str, Any]] = (),
                 protected_names: Iterable[str] = (), key: bytes | str | None = None) -> dict[str, Any]:
    """The prompt as the audit log may keep it.

    Args:
        text: the original prompt.
        mode: ``hash`` (default policy setting): HMAC-SHA256 under a key derived
            from ``key`` or ``$APLGUARD_AUDIT_HMAC_KEY``. Keyed because prompts are
            short and guessable: a plain hash of "a photo of <name>" is reversed by
            trying names; a keyed one cannot be tested without the key, yet the key
            holder can still tell whether two records share a prompt. Without any
            key a random per-prompt salt is used (``sha256-salted``): it only stops
            precomputed tables, so configure a key. ``redacted``: finding spans
            replaced by ``[KIND]`` and protected names by ``[PROTECTED]``.
            ``plain``: the text as is.
        findings: the prompt's findings (spans into ``text``).
        protected_names: names that must never be kept in clear text.
        key: HMAC key; None reads ``$APLGUARD_AUDIT_HMAC_KEY``.

    Returns:
        A dict that validates as :class:`StoredPrompt`.
    """
    findings = list(findings)
    if mode == "plain":
        return {"mode": "plain", "text": text, "length": len(text)}
    if mode == "redacted":
        return {"mode": "redacted", "text": redact(text, findings, protected_names), "length": len(text)}
    if mode == "hash":
        k = _prompt_key(key)
        if k is not None:
            digest = hmac.digest(k, _utf8(text), "sha256").hex()
            return {"mode": "hash", "alg": "hmac-sha256", "digest": digest, "length": len(text)}
        salt = os.urandom(16)
        digest = hashlib.sha256(salt + _utf8(text)).hexdigest()
        return {"mode": "hash", "alg": "sha256-salted", "digest": digest, "salt": salt.hex(), "length": len(text)}
    raise ConfigError(f"prompt storage mode must be hash, redacted or plain, got {mode!r}")


class PromptRecord(_Model):
    """What the guardrail decided for one prompt, and on what evidence."""

    index: int = Field(ge=0, description="Prompt index in the call.")
    decision: Literal["allow", "anonymize", "rewrite", "block"] = Field(description="Effective action.")
    rule: str = Field(description="Id of the rule that decided (or 'default').")
    flagged: bool = Field(default=False, description="Flagged for review.")
    identity_seeking: bool = Field(default=False, description="The prompt asks for a specific real person.")
    intended_decision: str | None = Field(default=None, description="Shadow mode: what the policy would have done.")
    findings: list[FindingRecord] = Field(default_factory=list, description="Evidence, without matched text.")
    prompt: StoredPrompt = Field(description="The prompt as stored under the policy's privacy setting.")

    @field_validator("findings", mode="before")
    @classmethod
    def _convert_findings(cls, value: Any) -> Any:
        # Finding objects carry the matched text: convert so that it is dropped.
        if isinstance(value, (list, tuple)):
            return [FindingRecord.from_finding(v) if isinstance(v, Finding) else v for v in value]
        return value


class MatchRecord(_Model):
    """A gallery match of a face in an output: identity id and similarity only."""

    identity: str = Field(description="Gallery identity: its keyed pseudonym (`pid:...`) when the gallery has "
                                      "a key for it, else its id.")
    score: float = Field(description="Similarity of the best reference.")


class OutputRecord(_Model):
    """Summary of one generated image."""

    index: int = Field(ge=0, description="Image index in the call.")
    prompt_index: int = Field(ge=0, description="Index of the prompt it was generated from.")
    image_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="See image_sha256().")
    faces: int = Field(default=0, ge=0, description="Number of faces detected.")
    matches: list[MatchRecord] = Field(default_factory=list, description="Protected-identity matches.")
    action: Literal["none", "flag", "blur", "block", "regenerate"] = Field(default="none", description="Output action.")
    rule: str | None = Field(default=None, description="Output rule that decided.")
    thumbnail_b64: str | None = Field(default=None, description="Small JPEG, base64; only when the policy asks.")


class InputRecord(_Model):
    """Summary of one input image (img2img/inpaint init, IP-Adapter, ControlNet) and what it implied."""

    argument: str = Field(pattern=r"^[a-z_]{1,40}$", description="Call argument (image, ip_adapter_image, ...).")
    index: int = Field(ge=0, description="Position within that argument.")
    prompt_index: int | None = Field(default=None, ge=0, description="Prompt it belongs to (None: every prompt).")
    faces: int = Field(default=0, ge=0, description="Number of faces detected.")
    matches: list[MatchRecord] = Field(default_factory=list, description="Protected-identity matches.")
    action: Literal["allow", "anonymize", "block"] = Field(default="allow", description="Input action.")
    rule: str | None = Field(default=None, description="Input rule that decided.")


class PolicyRef(_Model):
    """Which policy decided."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, coerce_numbers_to_str=True)

    name: str = Field(description="Policy name.")
    version: str | None = Field(default=None, description="Policy version.")
    sha256: str | None = Field(default=None, description="SHA-256 of the policy file or canonical form.")


def _new_id() -> str:
    return uuid.uuid4().hex


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class AuditRecord(_Model):
    """One guarded call. ``id`` and ``timestamp`` (UTC) are filled automatically."""

    schema_version: Literal[1] = Field(default=SCHEMA_VERSION, description="Record schema version.")
    id: str = Field(default_factory=_new_id, pattern=r"^[0-9A-Za-z_.:-]{1,64}$", description="Record id.")
    timestamp: datetime = Field(default_factory=_utc_now, description="When the call was made (UTC).")
    tenant: str | None = Field(default=None, description="Tenant id.")
    labels: dict[str, str] = Field(default_factory=dict, description="Request labels.")
    policy: PolicyRef | None = Field(default=None, description="Policy name, version and sha256.")
    model_id: str | None = Field(default=None, description="Served model id.")
    prefix_id: str | None = Field(default=None, description="APL prefix id (None when no prefix).")
    prompts: list[PromptRecord] = Field(default_factory=list, description="Per-prompt decisions.")
    outputs: list[OutputRecord] = Field(default_factory=list, description="Per-image summaries.")
    inputs: list[InputRecord] = Field(default_factory=list, description="Per-input-image summaries.")
    latency_ms: dict[str, float] = Field(default_factory=dict, description="screen/generate/faces/total.")
    errors: list[str] = Field(default_factory=list, description="Errors during the call.")
    fail_closed: list[str] = Field(default_factory=list, description="Fail-closed events.")

    @field_validator("timestamp")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("timestamp must be timezone-aware (UTC)")
        return value.astimezone(timezone.utc)

    @field_serializer("timestamp")
    def _ser_ts(self, value: datetime) -> str:
        return format_ts(value)

    @property
    def timestamp_str(self) -> str:
        """The timestamp as stored (ISO 8601, microseconds, ``Z``): sortable as text."""
        return format_ts(self.timestamp)


def format_ts(value: datetime) -> str:
    """ISO 8601 UTC with microseconds and ``Z``: fixed width, so text order is time order."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def image_sha256(image: Image.Image) -> str:
    """SHA-256 of a PIL image's mode, size and raw pixels (independent of file encoding)."""
    header = f"{image.mode}:{image.size[0]}x{image.size[1]}:".encode()
    return hashlib.sha256(header + image.tobytes()).hexdigest()


def make_thumbnail(image: Image.Image, size: int = 64, quality: int = 70) -> str:
    """A small JPEG thumbnail as base64 (only for policies with ``privacy.thumbnails``)."""
    thumb = image.convert("RGB").copy()
    thumb.thumbnail((size, size))
    buf = io.BytesIO()
    thumb.save(buf, format="JPEG", quality=quality)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def prompt_record(index: int, text: str, decision: Decision, mode: PromptStorage | str,
                  protected_names: Iterable[str] = (), key: bytes | str | None = None,
                  pseudonym: Callable[[str], str | None] | None = None) -> PromptRecord:
    """Build a :class:`PromptRecord` from a policy :class:`~aplguard.types.Decision`.

    Canonical names are kept only for protected identities; the prompt is stored
    per ``mode`` (see :func:`store_prompt`).
    """
    protected_names = list(protected_names)
    findings = list(decision.findings)
    return PromptRecord.model_validate({
        "index": index, "decision": decision.action, "rule": decision.rule, "flagged": decision.flagged,
        "identity_seeking": any(f.identity_seeking and f.kind in IDENTITY_KINDS for f in findings),
        "intended_decision": decision.intended_action,
        "findings": [FindingRecord.from_finding(f, protected_names, pseudonym) for f in findings],
        "prompt": store_prompt(text, mode, findings, protected_names=protected_names, key=key),
    })


def output_record(index: int, prompt_index: int, image: Image.Image | str, faces: int | Iterable[Face] = 0,
                  matches: Iterable[FaceMatch | Mapping[str, Any]] = (), decision: OutputDecision | None = None,
                  thumbnails: bool = False) -> OutputRecord:
    """Build an :class:`OutputRecord` from what Guard has at hand.

    Args:
        index: image index in the call.
        prompt_index: index of the prompt it came from.
        image: the PIL image (hashed with :func:`image_sha256`) or a 64-hex digest.
        faces: face count or the detected :class:`~aplguard.types.Face` list.
        matches: :class:`~aplguard.types.FaceMatch` objects or ``{identity, score}`` dicts;
            only identity and score are kept.
        decision: the :class:`~aplguard.types.OutputDecision` (action and rule), or None.
        thumbnails: keep a small thumbnail (only when the policy's privacy settings say so).
    """
    digest = image if isinstance(image, str) else image_sha256(image)
    count = faces if isinstance(faces, int) else len(list(faces))
    kept = []
    for m in matches:
        if isinstance(m, Mapping):
            kept.append(MatchRecord.model_validate({"identity": m["identity"], "score": m["score"]}))
        else:
            kept.append(MatchRecord(identity=m.identity_ref or m.identity, score=m.score))
    return OutputRecord.model_validate({
        "index": index, "prompt_index": prompt_index, "image_sha256": digest, "faces": count, "matches": kept,
        "action": decision.action if decision is not None else "none",
        "rule": decision.rule if decision is not None else None,
        "thumbnail_b64": make_thumbnail(image) if thumbnails and not isinstance(image, str) else None})
