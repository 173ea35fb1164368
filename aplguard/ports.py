"""The ports: one typed seam per concept that Guard and the integrations plug into.

Like httpx's transports, each port is documented once here and everything else
is typed against it: a new backend, policy engine, detector, face checker or
audit sink only has to implement the port (structural typing: no base class to
inherit, though :class:`aplguard.audit.AuditSink` is a convenient ABC for sinks).

| port | implemented by | used by |
|---|---|---|
| :class:`Backend` | ``backends.DiffusersBackend``, ``backends.CallableBackend`` | ``Guard(backend=...)`` |
| :class:`PolicyPort` | ``policy.PolicyEngine``, ``policy.PolicyStore`` | ``Guard(policy=...)``, ``aplguard serve`` |
| :class:`Detector` | the ``aplguard.detect`` detectors, plug-ins | ``PolicyEngine`` |
| :class:`FaceChecker` | ``faces.FaceAuditor`` | ``Guard(faces=...)`` |
| :class:`AuditPort` | ``audit`` sinks (SQLite, JSONL, PostgreSQL) | ``Guard(audit=...)``, ``aplguard check --audit`` |
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .types import Decision, Face, FaceMatch, Finding, InputDecision, OutputDecision, RequestContext

if TYPE_CHECKING:
    from PIL import Image

    from .audit.records import AuditRecord
    from .prefix import SoftPrompt


# --------------------------------------------------------------------------- backend
@dataclass
class Generation:
    """What a backend returns for one call.

    Attributes:
        images: one entry per generated image, prompt-major (``num_images_per_prompt``
            each), in the type the caller asked for (PIL, HWC numpy, CHW tensor).
        raw: the generator's own output object, passed through to the caller.
    """

    images: list[Any]
    raw: Any = None


@runtime_checkable
class Backend(Protocol):
    """A text-to-image generator Guard can call and (maybe) put an APL prefix into.

    Attributes:
        family: model family (``sd1``, ``sd2``, ``sdxl``, ``callable``, ...): selects the
            policy's prefix and is matched by ``model_family`` conditions.
        model_id: an id of the served model for the audit log.
        supports_prefix: whether :meth:`install_prefix` can work at all.
        per_prompt_kwargs: names of call arguments that hold one entry per prompt
            (Guard drops the entries of blocked prompts).

    Optional (not part of the structural check): ``supports_batch: bool``, whether one
    :meth:`generate` call may carry the prompts of several requests; the gateway's
    micro-batcher reads it (when absent, only diffusers backends are batched).
    """

    @property
    def family(self) -> str: ...

    @property
    def model_id(self) -> str: ...

    @property
    def supports_prefix(self) -> bool: ...

    @property
    def per_prompt_kwargs(self) -> tuple[str, ...]: ...

    def install_prefix(self, prefix: SoftPrompt) -> None:
        """Make ``prefix`` available to :meth:`generate`; raise PrefixError (changing nothing) if it does not fit."""

    def uninstall_prefix(self) -> None:
        """Leave the wrapped generator exactly as it was before :meth:`install_prefix`."""

    def generate(self, prompts: list[str], anonymize: list[bool], kwargs: dict[str, Any]) -> Generation:
        """Generate for ``prompts``; ``anonymize[i]`` says whether prompt i gets the prefix."""


# --------------------------------------------------------------------------- policy
class PrivacyView(Protocol):
    """The audit-log privacy settings of a policy."""

    @property
    def prompt_storage(self) -> str: ...

    @property
    def thumbnails(self) -> bool: ...


class SettingsView(Protocol):
    """A policy's resolved settings for one tenant (``policy.PolicySettings``)."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def sha256(self) -> str: ...

    @property
    def mode(self) -> str: ...

    @property
    def on_error(self) -> str: ...

    @property
    def audit_required(self) -> bool: ...

    @property
    def privacy(self) -> PrivacyView: ...

    @property
    def output_checks(self) -> bool: ...

    @property
    def input_checks(self) -> bool: ...

    @property
    def match_threshold(self) -> float | None: ...

    @property
    def match_far(self) -> float | None: ...


@runtime_checkable
class PolicyPort(Protocol):
    """Decides per prompt and per image; the single owner of every policy decision.

    Guard never decides itself what a finding, a face or a failed check means: it asks
    the policy, including for failures (``decide_output(errors=[...])``).
    """

    def settings(self, ctx: RequestContext | None = None) -> SettingsView: ...

    def decide_prompt(self, prompt: str, ctx: RequestContext | None = None) -> Decision: ...

    def decide_output(self, *, faces: Sequence[Face], matches: Sequence[FaceMatch],
                      ctx: RequestContext | None = None, prompt_decision: Decision | None = None,
                      errors: Sequence[str] = ()) -> OutputDecision: ...

    def decide_input(self, *, argument: str, faces: Sequence[Face], matches: Sequence[FaceMatch],
                     ctx: RequestContext | None = None, prompt_decision: Decision | None = None,
                     errors: Sequence[str] = ()) -> InputDecision:
        """What one input image (img2img/inpaint init, IP-Adapter, ControlNet) implies for its prompt."""

    def prefix_for(self, model_family: str, ctx: RequestContext | None = None) -> str | None:
        """The prefix file the policy names for a model family, or None."""

    def protected_names(self, ctx: RequestContext | None = None) -> list[str]:
        """Names and aliases of the protected identities (masked in stored prompts)."""

    def prepare(self, load: bool = False) -> object:
        """Build (and with ``load``, load) every detector now, so bad settings fail at start-up."""


# --------------------------------------------------------------------------- detector
@runtime_checkable
class Detector(Protocol):
    """A prompt detector: ``detect(text) -> findings`` with spans into ``text``.

    Attributes:
        id: the detector id reported in findings (the policy's detector id).
        kinds: the finding kinds this detector can report.
    """

    id: str

    @property
    def kinds(self) -> frozenset[str]: ...

    def load(self) -> Detector:
        """Load indexes/models now (otherwise on first use); returns self."""

    def detect(self, text: str) -> list[Finding]: ...


# --------------------------------------------------------------------------- faces
@runtime_checkable
class FaceChecker(Protocol):
    """Finds faces in one output image and matches them against the protected gallery."""

    def analyze(self, image: Image.Image) -> tuple[list[Face], list[FaceMatch]]: ...


# --------------------------------------------------------------------------- audit
@runtime_checkable
class AuditPort(Protocol):
    """Where audit records go: each append is atomic (all or nothing) and returns the record's id.

    :class:`aplguard.audit.AuditSink` (SQLite, JSONL, PostgreSQL) is the ABC that adds the
    hash chain, checkpoints and queries; its ``key`` also keys the prompt hashes. Any other
    object with ``append`` works too; prompt hashes are then keyed by ``Guard(audit_hmac_key=...)``
    or the environment.
    """

    def append(self, record: AuditRecord) -> str: ...
