"""Value types shared by detectors, the policy engine, Guard and the audit log.

Plain frozen dataclasses: cheap to build on the hot path (prompt screening runs
in microseconds), hashable, and convertible with :func:`dataclasses.asdict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

#: Kinds of prompt findings. ``protected``: a name from the policy's protected
#: list; ``public_figure``: a known public person; ``private_person``: a
#: person-name shape no list holds; ``personalization``: DreamBooth/LoRA/TI
#: tokens; ``likeness``: "looks like", "with the face of" and similar cues.
FindingKind = Literal["public_figure", "private_person", "protected", "personalization", "likeness"]

#: Finding kinds that mean "this prompt asks for a specific real person".
IDENTITY_KINDS: frozenset[str] = frozenset(
    {"public_figure", "private_person", "protected", "personalization", "likeness"}
)

PromptAction = Literal["allow", "anonymize", "rewrite", "block"]
OutputAction = Literal["none", "flag", "blur", "block", "regenerate"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence a prompt detector found.

    Attributes:
        kind: what was found (see :data:`FindingKind`).
        score: calibrated confidence in [0, 1].
        start: start offset of the span in the *original* prompt.
        end: end offset (exclusive) in the original prompt.
        text: the original prompt text of the span.
        detector: id of the detector that produced it.
        canonical: canonical person name when known, else None.
        explanation: a short human-readable reason.
        identity_seeking: whether this finding alone means the prompt asks for a
            specific real person (detectors may emit weaker signals with False).
    """

    kind: str
    score: float
    start: int
    end: int
    text: str
    detector: str
    canonical: str | None = None
    explanation: str = ""
    identity_seeking: bool = True

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"Finding.score must be in [0, 1], got {self.score}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Finding span must satisfy 0 <= start <= end, got {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Face:
    """A detected face in an output image.

    Attributes:
        box: (x, y, w, h) in pixels of the image it was found in.
        score: detector confidence in [0, 1].
        keypoints: (x, y) pixel coordinates of the detector's landmarks
            (BlazeFace: right eye, left eye, nose tip, mouth, right ear, left ear).
        detector: id of the face detector.
        unverifiable: why the face is too degraded to verify against the gallery
            (``"small"``, ``"blurry"``, ``"pose"``); empty when it is verifiable or was
            not assessed. A gallery match is still reported for such a face.
    """

    box: tuple[float, float, float, float]
    score: float
    keypoints: tuple[tuple[float, float], ...] = ()
    detector: str = ""
    unverifiable: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"box": list(self.box), "score": self.score,
                               "keypoints": [list(p) for p in self.keypoints], "detector": self.detector}
        if self.unverifiable:  # only when set: records of verifiable faces keep their old shape
            out["unverifiable"] = list(self.unverifiable)
        return out


@dataclass(frozen=True, slots=True)
class FaceMatch:
    """A face that matched a gallery identity.

    Attributes:
        face_index: index into the image's face list.
        identity: gallery identity id.
        score: similarity (cosine for embedding matchers) of the best reference.
        threshold: the calibrated threshold the score was compared with.
        matcher: id of the matcher.
        identity_ref: the keyed pseudonym the audit log stores instead of ``identity``
            (from the gallery's per-identity key; None: the log stores ``identity``).
    """

    face_index: int
    identity: str
    score: float
    threshold: float
    matcher: str = ""
    identity_ref: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RuleTrace:
    """One rule the engine tried and whether (and on what evidence) it matched."""

    rule: str
    matched: bool
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Decision:
    """The policy's decision for one prompt.

    Attributes:
        action: allow | anonymize | rewrite | block (the *effective* action; in
            shadow mode always ``allow``).
        rule: id of the rule that decided (or ``"default"``).
        flagged: whether the rule also flags the request for review.
        findings: the prompt findings the decision was based on.
        message: user-facing message for ``block``.
        rewritten_prompt: the prompt after ``rewrite`` (None otherwise).
        intended_action: what the policy would have done (differs from
            ``action`` in shadow mode).
        trace: rules tried in order, for explanations.
        errors: detector failures and how ``on_error`` resolved them.
        prefix_rewrite: for ``rewrite``, whether the rewritten prompt also gets the
            APL prefix because the rewrite cannot be shown to cover every mention.
    """

    action: str
    rule: str = "default"
    flagged: bool = False
    findings: tuple[Finding, ...] = ()
    message: str | None = None
    rewritten_prompt: str | None = None
    intended_action: str | None = None
    trace: tuple[RuleTrace, ...] = ()
    errors: tuple[str, ...] = ()
    prefix_rewrite: bool = False

    @property
    def anonymize(self) -> bool:
        """Whether the prompt gets the APL prefix (``anonymize``, or a ``rewrite`` that needs it)."""
        return self.action == "anonymize" or (self.action == "rewrite" and self.prefix_rewrite)

    @property
    def blocked(self) -> bool:
        return self.action == "block"

    @property
    def identity_seeking(self) -> bool:
        """True when any finding says the prompt asks for a specific real person."""
        return any(f.identity_seeking and f.kind in IDENTITY_KINDS for f in self.findings)

    def explain(self) -> str:
        """A multi-line explanation: rules tried, the match, the evidence."""
        lines = [f"decision: {self.action} (rule {self.rule}{', flagged' if self.flagged else ''})"]
        if self.intended_action and self.intended_action != self.action:
            lines.append(f"shadow mode: the policy would have chosen {self.intended_action}")
        for t in self.trace:
            lines.append(f"  {'MATCH' if t.matched else 'skip '} {t.rule}: {t.reason}")
        for f in self.findings:
            canon = f" -> {f.canonical}" if f.canonical else ""
            lines.append(f"  evidence: {f.kind} {f.text!r}{canon} score={f.score:.2f} by {f.detector}: {f.explanation}")
        for e in self.errors:
            lines.append(f"  error: {e}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action, "rule": self.rule, "flagged": self.flagged,
            "findings": [f.to_dict() for f in self.findings], "message": self.message,
            "rewritten_prompt": self.rewritten_prompt, "intended_action": self.intended_action,
            "trace": [t.to_dict() for t in self.trace], "errors": list(self.errors),
            "prefix_rewrite": self.prefix_rewrite,
        }


@dataclass(frozen=True)
class OutputDecision:
    """The policy's decision for one generated image."""

    action: str = "none"
    rule: str = "default"
    flagged: bool = False
    intended_action: str | None = None
    trace: tuple[RuleTrace, ...] = ()
    errors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "rule": self.rule, "flagged": self.flagged,
                "intended_action": self.intended_action,
                "trace": [t.to_dict() for t in self.trace], "errors": list(self.errors)}


@dataclass(frozen=True)
class InputDecision:
    """The policy's decision for one input image (img2img/inpaint init, IP-Adapter, ControlNet).

    Attributes:
        argument: the call argument the image came in (``image``, ``ip_adapter_image``, ``control_image``).
        index: the image's position within that argument (flattened).
        prompt_index: the prompt the image belongs to, or None when it applies to every prompt.
        action: allow | anonymize | block: the least the prompt's decision becomes.
        rule: id of the input rule that decided (``default``, ``on_error``).
        flagged: whether the request is flagged for review.
        faces: how many faces the image holds.
        matches: gallery matches among those faces.
        message: user-facing message for ``block``.
        intended_action: what the policy would have done (differs in shadow mode).
        trace: rules tried in order.
        errors: face-check failures and how ``on_error`` resolved them.
    """

    argument: str
    index: int = 0
    prompt_index: int | None = None
    action: str = "allow"
    rule: str = "default"
    flagged: bool = False
    faces: int = 0
    matches: tuple[FaceMatch, ...] = ()
    message: str | None = None
    intended_action: str | None = None
    trace: tuple[RuleTrace, ...] = ()
    errors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"argument": self.argument, "index": self.index, "prompt_index": self.prompt_index,
                "action": self.action, "rule": self.rule, "flagged": self.flagged, "faces": self.faces,
                "matches": [m.to_dict() for m in self.matches], "message": self.message,
                "intended_action": self.intended_action, "trace": [t.to_dict() for t in self.trace],
                "errors": list(self.errors)}


@dataclass
class RequestContext:
    """Who asks and where: used by policy conditions and recorded in the audit log.

    Attributes:
        tenant: tenant id for multi-tenant policies.
        user_role: the caller's role (e.g. "admin", "free").
        model_family: sd1 | sd2 | sdxl | callable | ... as the backend reports it (filled in by the
            backend; see ``aplguard.policy.schema.MODEL_FAMILIES``).
        model_id: an id of the served model for the audit log.
        labels: arbitrary request labels (string -> string).
    """

    tenant: str | None = None
    user_role: str | None = None
    model_family: str | None = None
    model_id: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
