"""Guard: screen prompts, anonymise with the APL prefix, check and audit outputs.

This module only orchestrates (docs/architecture.md has the data flow); every
decision belongs to the policy port, generation to the backend port, face
checks to the face-checker port and records to the audit port (aplguard.ports).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PIL import Image

from .audit import AuditSink
from .backends import make_backend
from .errors import AplGuardError, AuditError, Blocked, ConfigError, MissingDependencyError, PrefixError
from .face_checks import run_face_check
from .policy.inputs import merge_input_decisions
from .ports import AuditPort, Backend, FaceChecker, PolicyPort, SettingsView
from .prefix import SoftPrompt
from .types import Decision, Face, FaceMatch, Finding, InputDecision, OutputDecision, RequestContext

if TYPE_CHECKING:
    from .provenance import ContentCredentials, ContentSigner

log = logging.getLogger("aplguard.guard")

DEFAULT_MAX_PROMPT_CHARS = 4096
_RANK = {"allow": 0, "anonymize": 1, "rewrite": 2, "block": 3}
_OUTPUT_TYPES = ("pil", "np", "pt")


@dataclass
class GuardOutput:
    """What a guarded call returns; ``.images`` mirrors the pipeline's output.

    Attributes:
        images: one entry per generated image, in the pipeline's order (prompt-major,
            ``num_images_per_prompt`` each); ``None`` where the policy blocked it.
        decisions: one prompt decision per prompt.
        faces: per image, the faces detected in it (empty when not checked).
        matches: per image, the gallery matches among those faces.
        output_decisions: per image, the output rule's decision.
        audit_ids: ids of the audit records written for this call.
        raw: the pipeline's own output object (None when nothing was generated).
        timings_ms: screen / inputs / generate / faces / total latencies.
        inputs: one decision per input image (img2img/inpaint init, IP-Adapter, ControlNet)
            when the policy checks inputs; already merged into ``decisions``.
        signed_images: with ``Guard(content_credentials=...)``, per image the encoded
            file (PNG or JPEG bytes) with a signed C2PA manifest; ``None`` where no image
            is returned or signing failed. Empty without content credentials.
    """

    images: list[Any]
    decisions: list[Decision]
    faces: list[list[Face]] = field(default_factory=list)
    matches: list[list[FaceMatch]] = field(default_factory=list)
    output_decisions: list[OutputDecision] = field(default_factory=list)
    audit_ids: list[str] = field(default_factory=list)
    raw: Any = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    inputs: list[InputDecision] = field(default_factory=list)
    signed_images: list[bytes | None] = field(default_factory=list)

    @property
    def findings(self) -> list[list[Finding]]:
        """Per prompt, the findings its decision was based on."""
        return [list(d.findings) for d in self.decisions]

    @property
    def blocked(self) -> bool:
        """True when at least one prompt or image was blocked."""
        return any(d.blocked for d in self.decisions) or any(o.action == "block" for o in self.output_decisions)

    @property
    def messages(self) -> list[str]:
        """User-facing messages of blocked prompts."""
        return [d.message for d in self.decisions if d.blocked and d.message]


@dataclass
class _Call:
    """The state of one guarded call, passed between Guard's steps and to the audit record."""

    ctx: RequestContext
    settings: SettingsView
    prompts: list[str]
    decisions: list[Decision]
    per_prompt: int
    inputs: list[InputDecision] = field(default_factory=list)
    images: list[Any] = field(default_factory=list)
    pil: list[Image.Image | None] = field(default_factory=list)  # the images as checked and audited
    faces: list[list[Face]] = field(default_factory=list)
    matches: list[list[FaceMatch]] = field(default_factory=list)
    outputs: list[OutputDecision] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    raw: Any = None


class Guard:
    """Wrap a text-to-image pipeline with a privacy policy.

    Args:
        pipe: a diffusers pipeline (SD1.x/SD2.x/SDXL, img2img, inpaint, any pipeline
            with textual-inversion support) or a plain callable
            ``fn(prompts, **kwargs) -> images`` (no prefix support).
        prefix: an APL prefix file path or :class:`SoftPrompt`; when None, the
            policy's prefix for the backend's model family is used, if any.
        policy: a shipped policy name (``"default"``, ``"strict"``, ``"audit-only"``,
            ``"anonymize-all"``, ``"off"``), a YAML path, a ``Policy``, or any object
            implementing :class:`aplguard.ports.PolicyPort` (``PolicyEngine``, ``PolicyStore``).
        audit: an audit sink URL (``sqlite:///audit.db``, ``jsonl:///a.jsonl``,
            ``postgresql://...``) or an :class:`aplguard.ports.AuditPort`; None writes no audit log.
        backend: instead of ``pipe``, any :class:`aplguard.ports.Backend`.
        faces: a :class:`aplguard.ports.FaceChecker` for output checks; None builds the
            default face auditor when the policy checks outputs.
        gallery: directory of the protected-identity gallery for the default auditor.
        context: default request context (tenant, role, labels) for every call.
        raise_on_block: raise :class:`Blocked` instead of returning ``None`` images.
        max_prompt_chars: longer prompts are refused with ConfigError.
        audit_hmac_key: HMAC key for a sink opened from a URL (default: the environment's).
        content_credentials: an :class:`aplguard.provenance.ContentCredentials`: every
            returned image is also encoded with a signed C2PA manifest naming the audit
            record (``GuardOutput.signed_images``; ``c2pa`` extra; docs/provenance.md).

    Raises:
        BackendError: ``pipe`` cannot be wrapped.
        PrefixError: the prefix is unreadable or does not fit the pipeline's encoder(s).
        PolicyError: the policy is invalid or a detector cannot load.
        MissingDependencyError: the policy checks outputs but the ``faces`` extra is missing.

    A Guard used as a context manager (or :meth:`close`\\ d) removes its prefix from the
    pipeline, leaving it exactly as it found it, and closes a sink it opened itself.
    """

    def __init__(self, pipe: Any = None, prefix: str | Path | SoftPrompt | None = None, policy: Any = "default",
                 audit: str | Path | AuditPort | None = None, *, backend: Backend | None = None,
                 faces: FaceChecker | None = None, gallery: str | Path | None = None,
                 context: RequestContext | None = None, raise_on_block: bool = False,
                 max_prompt_chars: int = DEFAULT_MAX_PROMPT_CHARS, audit_hmac_key: bytes | str | None = None,
                 content_credentials: ContentCredentials | None = None):
        self.backend = _make_backend(pipe, backend)
        self.pipe = pipe
        self.engine = _make_engine(policy)
        self.engine.prepare(load=True)  # build and load detectors now: bad parameters fail here
        self.context = context or RequestContext()
        self.raise_on_block = raise_on_block
        self.max_prompt_chars = int(max_prompt_chars)
        if faces is not None and not isinstance(faces, FaceChecker):
            raise ConfigError(f"faces: {type(faces).__name__} has no analyze(image) (see aplguard.ports.FaceChecker)")
        self._faces = faces
        self._gallery = gallery
        self._faces_error: str | None = None
        self._faces_loaded = faces is not None
        self._faces_lock = threading.Lock()  # the default auditor is built once, on first need
        settings = self.engine.settings(self.context)
        if faces is None and (settings.output_checks or settings.input_checks):
            _require_faces_extra(settings.name)
        self.prefix = self._resolve_prefix(prefix)
        if self.prefix is not None:
            self.backend.install_prefix(self.prefix)
        self.audit, self._owns_audit, self._audit_key = _make_sink(audit, audit_hmac_key)
        if self.audit is None and settings.audit_required:
            log.warning("the policy requires an audit log but Guard has none (pass audit=URL)")
        self._content_signer = _make_content_signer(content_credentials)

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        """Remove the prefix from the pipeline and close an audit sink Guard opened."""
        self.backend.uninstall_prefix()
        if self._owns_audit and isinstance(self.audit, AuditSink):
            self.audit.close()

    def __enter__(self) -> Guard:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _resolve_prefix(self, prefix: str | Path | SoftPrompt | None) -> SoftPrompt | None:
        if prefix is None:
            named = self.engine.prefix_for(self.backend.family, self.context)
            if named is None:
                return None
            prefix = named
        if isinstance(prefix, SoftPrompt):
            return prefix
        if isinstance(prefix, (str, Path)):
            return SoftPrompt.load(prefix)
        raise PrefixError(f"prefix: expected a path or SoftPrompt, got {type(prefix).__name__}")

    # -- the guarded call ------------------------------------------------------------
    def __call__(self, prompt: str | list[str] | None = None, *, context: RequestContext | None = None,
                 tenant: str | None = None, **kwargs: Any) -> GuardOutput:
        """Screen, generate, check and audit; takes the pipeline's own arguments.

        Args:
            prompt: one prompt or a list of prompts.
            context: request context for this call (defaults to the Guard's).
            tenant: shorthand for ``context.tenant``.
            **kwargs: passed to the pipeline (``num_inference_steps``, ``generator``,
                ``negative_prompt``, ``num_images_per_prompt``, callbacks, ...).
                ``output_type`` may be ``pil``, ``np`` or ``pt`` (``latent`` is refused:
                latents cannot be checked); ``return_dict`` is accepted, and a
                GuardOutput is returned either way.

        Every call that reached the policy writes one audit record (when a sink is
        configured), also when generation or the checks raise: the record then
        names the error and the exception propagates.
        """
        t0 = time.perf_counter()
        ctx = self._context(context, tenant)
        prompts = self._validate_prompts(prompt, kwargs)
        _check_output_type(kwargs)
        call = _Call(ctx=ctx, settings=self.engine.settings(ctx), prompts=prompts,
                     decisions=[], per_prompt=_images_per_prompt(kwargs))
        try:
            call.decisions = self._decide(prompts, kwargs.get("prompt_2"), ctx, kwargs.get("prompt_3"))
            call.timings["screen"] = _ms(t0, time.perf_counter())
            if call.settings.input_checks:
                self._check_inputs(call, kwargs)
            if self.raise_on_block and any(d.blocked for d in call.decisions):
                self._audit(call)
                blocked = [d for d in call.decisions if d.blocked]
                raise Blocked(blocked[0].message or "blocked by policy", call.decisions)
            self._generate(call, kwargs)
            self._check_outputs(call, kwargs)
        except Blocked:
            raise
        except BaseException as exc:
            self._audit_failure(call, exc)
            raise
        call.timings["total"] = _ms(t0, time.perf_counter())
        audit_ids = self._audit(call)
        images = call.images
        if self.audit is not None and not audit_ids and call.settings.audit_required:
            images = [None] * len(images)  # fail closed: never return an unaudited image
        signed = self._sign_images(call, images, audit_ids) if self._content_signer is not None else []
        return GuardOutput(images=images, decisions=call.decisions, faces=call.faces, matches=call.matches,
                           output_decisions=call.outputs, audit_ids=audit_ids, raw=call.raw,
                           timings_ms=dict(call.timings), signed_images=signed, inputs=call.inputs)

    def screen(self, prompt: str | list[str], *, context: RequestContext | None = None,
               tenant: str | None = None) -> list[Decision]:
        """Decide about prompts without generating anything."""
        ctx = self._context(context, tenant)
        return self._decide(self._validate_prompts(prompt, {}), None, ctx)

    # -- steps --------------------------------------------------------------------------
    def _context(self, context: RequestContext | None, tenant: str | None) -> RequestContext:
        base = context or self.context
        return RequestContext(tenant=tenant or base.tenant, user_role=base.user_role,
                              model_family=base.model_family or self.backend.family,
                              model_id=base.model_id or self.backend.model_id, labels=dict(base.labels))

    def _validate_prompts(self, prompt: Any, kwargs: dict[str, Any]) -> list[str]:
        # Precomputed embeddings carry no text to screen: always refused (docs/pipelines.md).
        embeds = [k for k in ("prompt_embeds", "pooled_prompt_embeds") if kwargs.get(k) is not None]
        if prompt is None:
            if embeds:
                raise ConfigError(f"prompt: Guard screens text prompts; pass `prompt`, not `{embeds[0]}` "
                                  "(precomputed embeddings cannot be screened)")
            raise ConfigError("prompt: a prompt (string or list of strings) is required")
        if embeds:
            raise ConfigError(f"{embeds[0]}: cannot be combined with a guarded prompt (the pipeline would "
                              "generate from the embeddings, which cannot be screened)")
        prompts = [prompt] if isinstance(prompt, str) else prompt
        if not isinstance(prompts, (list, tuple)) or not prompts:
            raise ConfigError(f"prompt: expected a string or a non-empty list of strings, got {type(prompt).__name__}")
        for i, p in enumerate(prompts):
            if not isinstance(p, str):
                raise ConfigError(f"prompt[{i}]: expected a string, got {type(p).__name__}")
            if not p.strip():
                raise ConfigError(f"prompt[{i}]: is empty")
            if len(p) > self.max_prompt_chars:
                raise ConfigError(f"prompt[{i}]: {len(p)} characters exceeds max_prompt_chars={self.max_prompt_chars}")
        return list(prompts)

    def _decide(self, prompts: list[str], prompt_2: Any, ctx: RequestContext, prompt_3: Any = None) -> list[Decision]:
        decisions = [self.engine.decide_prompt(p, ctx) for p in prompts]
        # SDXL/FLUX/SD3's later encoders read prompt_2 / prompt_3: screen them too
        for name, other in (("prompt_2", prompt_2), ("prompt_3", prompt_3)):
            if other is not None:
                decisions = self._merge_second_prompts(other, decisions, ctx, name)
        return [self._enforce_capabilities(d) for d in decisions]

    def _merge_second_prompts(self, prompt_2: Any, decisions: list[Decision], ctx: RequestContext,
                              name: str = "prompt_2") -> list[Decision]:
        """Merge the decisions on ``prompt_2`` (or ``prompt_3``) into the prompts' (the stricter action wins).

        A ``rewrite`` demanded by ``prompt_2`` becomes ``anonymize`` (rewriting edits ``prompt``
        only); the merged decision keeps the main prompt's findings so spans stay valid.
        """
        seconds = [prompt_2] * len(decisions) if isinstance(prompt_2, str) else list(prompt_2)
        if len(seconds) != len(decisions) or not all(isinstance(p, str) for p in seconds):
            raise ConfigError(f"{name}: expected a string or one string per prompt")
        merged = []
        for d, text in zip(decisions, seconds):
            d2 = self.engine.decide_prompt(text, ctx) if text.strip() else None
            if d2 is None or _RANK[d2.action] <= _RANK[d.action]:
                merged.append(d)
                continue
            action = "anonymize" if d2.action == "rewrite" else d2.action
            merged.append(Decision(action=action, rule=f"{name}:{d2.rule}", flagged=d.flagged or d2.flagged,
                                   findings=d.findings, message=d2.message, intended_action=d2.intended_action,
                                   trace=(*d.trace, *d2.trace), errors=(*d.errors, *d2.errors)))
        return merged

    def _enforce_capabilities(self, d: Decision) -> Decision:
        """Fail closed when a decision needs what this Guard cannot do."""
        why = None
        if d.anonymize and (self.prefix is None or not self.backend.supports_prefix):
            why = "no APL prefix is configured" if self.backend.supports_prefix else "backend cannot apply a prefix"
        elif d.action == "rewrite" and not (d.rewritten_prompt or "").strip():
            why = "the rewrite produced no prompt"  # never fall back to the original prompt
        if why is None:
            return d
        return Decision(action="block", rule=d.rule, flagged=True, findings=d.findings,
                        message="This request cannot be generated safely right now.",
                        intended_action=d.action, trace=d.trace, errors=(*d.errors, f"fail-closed: {why}"))

    def _check_inputs(self, call: _Call, kwargs: dict[str, Any]) -> None:
        """Face-check every input image and merge what the policy says into its prompt's decision."""
        from .faces.image import to_pil

        t = time.perf_counter()
        for argument, index, prompt_index, image in _input_images(kwargs, len(call.prompts)):
            decision = call.decisions[prompt_index] if prompt_index is not None else None
            where = f"input {argument}[{index}]"
            faces: list[Face] = []
            matches: list[FaceMatch] = []
            try:
                pil = to_pil(image)
            except AplGuardError as exc:  # e.g. latents passed as the init image: cannot be checked
                errors = [f"{where}: cannot be checked: {type(exc).__name__}"]
            else:
                faces, matches, errors = self._analyze(pil, where)
            call.errors.extend(errors)
            got = self.engine.decide_input(argument=argument, faces=faces, matches=matches, ctx=call.ctx,
                                           prompt_decision=decision, errors=errors)
            call.inputs.append(dataclasses.replace(got, index=index, prompt_index=prompt_index))
        call.decisions = [
            self._enforce_capabilities(merge_input_decisions(d, [x for x in call.inputs if x.prompt_index in (None, i)]))
            for i, d in enumerate(call.decisions)]
        call.timings["inputs"] = _ms(t, time.perf_counter())

    def _generate(self, call: _Call, kwargs: dict[str, Any]) -> None:
        t = time.perf_counter()
        n, per_prompt = len(call.prompts), call.per_prompt
        call.images = [None] * (n * per_prompt)
        kept = [i for i, d in enumerate(call.decisions) if not d.blocked]
        if kept:
            effective = [_effective_prompt(call.prompts[i], call.decisions[i]) for i in kept]
            anonymize = [call.decisions[i].anonymize for i in kept]
            sub_kwargs = _subset_kwargs(kwargs, kept, n, per_prompt, self.backend.per_prompt_kwargs)
            generation = self.backend.generate(effective, anonymize, sub_kwargs)
            if len(generation.images) != len(kept) * per_prompt:
                raise AplGuardError(f"backend returned {len(generation.images)} images for "
                                    f"{len(kept) * per_prompt} requested")
            call.raw = generation.raw
            for j, i in enumerate(kept):
                call.images[i * per_prompt:(i + 1) * per_prompt] = generation.images[j * per_prompt:(j + 1) * per_prompt]
        call.timings["generate"] = _ms(t, time.perf_counter())

    def _face_checker(self) -> FaceChecker | None:
        with self._faces_lock:
            if not self._faces_loaded:
                self._faces_loaded = True
                try:
                    from .faces import FaceAuditor

                    settings = self.engine.settings(self.context)  # the base policy's match threshold
                    self._faces = FaceAuditor.create(gallery=self._gallery, threshold=settings.match_threshold,
                                                     far=settings.match_far)
                except (ImportError, AplGuardError) as exc:
                    self._faces_error = f"face checks unavailable: {type(exc).__name__}"
                    log.warning("%s: %s", self._faces_error, exc)
            return self._faces

    def _check_outputs(self, call: _Call, kwargs: dict[str, Any]) -> None:
        """Face-check every image and apply the policy's output decision to it."""
        t = time.perf_counter()
        n = len(call.images)
        call.faces = [[] for _ in range(n)]
        call.matches = [[] for _ in range(n)]
        call.outputs = [OutputDecision() for _ in range(n)]
        call.pil = [None] * n
        check = call.settings.output_checks
        if not check and self.audit is None:
            return  # nothing looks at the images: no conversion cost
        from .faces.image import to_pil
        for k, image in enumerate(call.images):
            if image is None:
                continue
            try:
                call.pil[k] = to_pil(image)
            except AplGuardError as exc:  # NaN/inf or malformed output: not an image anyone may receive
                call.images[k] = None
                call.errors.append(f"output[{k}]: unreadable image: {type(exc).__name__}")
                call.outputs[k] = OutputDecision(action="block", rule="unreadable_output", flagged=True,
                                                 errors=(f"fail-closed: unreadable image ({type(exc).__name__})",))
                continue
            if check:
                self._check_one(call, k, kwargs)
        call.timings["faces"] = _ms(t, time.perf_counter())

    def _check_one(self, call: _Call, k: int, kwargs: dict[str, Any]) -> None:
        from .faces import blur_faces
        from .faces.image import restore_type

        decision = call.decisions[k // call.per_prompt]
        pil = call.pil[k]
        assert pil is not None
        faces, matches, errors = self._analyze(pil, f"output[{k}]")
        call.errors.extend(errors)
        od = self.engine.decide_output(faces=faces, matches=matches, ctx=call.ctx, prompt_decision=decision,
                                       errors=errors)
        call.faces[k], call.matches[k] = faces, matches
        if od.action == "block":
            call.images[k] = None
        elif od.action == "blur" and faces:
            blurred = blur_faces(pil, faces)
            call.images[k], call.pil[k] = restore_type(call.images[k], blurred), blurred
        elif od.action == "regenerate":
            od = self._regenerate(call, k, kwargs)
        call.outputs[k] = od

    def _analyze(self, pil: Image.Image, where: str) -> tuple[list[Face], list[FaceMatch], list[str]]:
        """Faces and matches of one image; a failure is returned as an error for the policy to judge."""
        checker = self._face_checker()  # sets _faces_error when the checker cannot load
        return run_face_check(checker, pil, where, self._faces_error or "no face checker")

    def _regenerate(self, call: _Call, k: int, kwargs: dict[str, Any]) -> OutputDecision:
        """Re-run one image's prompt once with the prefix; block if it still matches or cannot be checked."""
        from .faces.image import to_pil

        i = k // call.per_prompt
        decision = call.decisions[i]
        if self.prefix is None or not self.backend.supports_prefix:
            call.images[k] = None
            return OutputDecision(action="block", rule="regenerate", flagged=True,
                                  errors=("fail-closed: regenerate needs a prefix",))
        sub = _subset_kwargs(kwargs, [i], len(call.prompts), call.per_prompt, self.backend.per_prompt_kwargs)
        sub["num_images_per_prompt"] = 1
        if isinstance(sub.get("generator"), list):
            sub["generator"] = sub["generator"][k % call.per_prompt]
        image = self.backend.generate([_effective_prompt(call.prompts[i], decision)], [True], sub).images[0]
        pil = to_pil(image)
        faces, matches, errors = self._analyze(pil, f"output[{k}]")
        call.faces[k], call.matches[k] = faces, matches
        call.errors.extend(errors)
        again = Decision(action="anonymize", rule=decision.rule, flagged=True, findings=decision.findings)
        od = self.engine.decide_output(faces=faces, matches=matches, ctx=call.ctx, prompt_decision=again,
                                       errors=errors)
        if od.action in ("regenerate", "block"):  # only one regeneration: what still fails is withheld
            call.images[k] = None
            return OutputDecision(action="block", rule=od.rule, flagged=True, intended_action="regenerate",
                                  errors=od.errors)
        call.images[k], call.pil[k] = image, pil
        return OutputDecision(action="regenerate", rule=od.rule, flagged=True, errors=od.errors)

    # -- audit --------------------------------------------------------------------------
    def _audit(self, call: _Call, exception: BaseException | None = None) -> list[str]:
        if self.audit is None:
            return []
        from .audit import build_record

        try:
            record = build_record(
                tenant=call.ctx.tenant, labels=dict(call.ctx.labels), policy_name=call.settings.name,
                policy_version=call.settings.version, policy_sha256=call.settings.sha256,
                model_id=call.ctx.model_id, prefix_id=self.prefix.digest[:16] if self.prefix is not None else None,
                prompts=call.prompts, decisions=call.decisions,
                protected_names=self.engine.protected_names(call.ctx),
                prompt_storage=call.settings.privacy.prompt_storage, thumbnails=call.settings.privacy.thumbnails,
                images=[p if im is not None else None for p, im in zip(call.pil, call.images)] if call.pil else [],
                faces=call.faces, matches=call.matches, outputs=call.outputs, timings=call.timings,
                errors=call.errors, per_prompt=call.per_prompt, key=self._audit_key, exception=exception,
                inputs=call.inputs, pseudonym=self._pseudonym(),
            )
            return [str(self.audit.append(record))]
        except AuditError as exc:
            # The caller fails closed when the policy says audit_required.
            log.error("audit write failed: %s", type(exc).__name__)
            return []

    # -- content credentials ------------------------------------------------------------
    def _sign_images(self, call: _Call, images: list[Any], audit_ids: list[str]) -> list[bytes | None]:
        """C2PA-signed files of the returned images; after the audit append, so the record id is known."""
        from .faces.image import to_pil

        assert self._content_signer is not None
        pil: list[Image.Image | None] = []
        for k, image in enumerate(images):
            known = call.pil[k] if k < len(call.pil) else None
            try:  # without checks or an audit log the images were never converted
                pil.append(None if image is None else known if known is not None else to_pil(image))
            except AplGuardError as exc:
                log.error("content credentials for output %d: unreadable image (%s)", k, type(exc).__name__)
                pil.append(None)
        t = time.perf_counter()
        signed = self._content_signer.sign_outputs(
            pil, decisions=call.decisions, outputs=call.outputs, per_prompt=call.per_prompt,
            policy_name=call.settings.name, policy_version=call.settings.version, policy_sha256=call.settings.sha256,
            prefix_id=self.prefix.digest[:16] if self.prefix is not None else None, model_id=call.ctx.model_id,
            audit_record_id=audit_ids[0] if audit_ids else None, audit_leaf_index=self._leaf_index(audit_ids))
        call.timings["sign"] = _ms(t, time.perf_counter())
        return signed

    def _pseudonym(self) -> Callable[[str], str | None] | None:
        """The default face auditor's gallery pseudonyms (names in records that erasure must unlink)."""
        from .faces import FaceAuditor

        faces = self._faces
        if isinstance(faces, FaceAuditor) and faces.gallery is not None:
            return faces.gallery.pseudonym
        return None

    def _leaf_index(self, audit_ids: list[str]) -> int | None:
        """The record's Merkle leaf index, for the content credentials (None without an AuditSink)."""
        if not audit_ids or not isinstance(self.audit, AuditSink):
            return None
        try:
            return self.audit.leaf_index(audit_ids[0])
        except AuditError as exc:  # the manifest then names the record id only
            log.warning("no Merkle leaf index for the content credentials: %s", type(exc).__name__)
            return None

    def _audit_failure(self, call: _Call, exc: BaseException) -> None:
        """Record a call that raised after reaching the policy (no image is returned)."""
        if not call.decisions:  # the policy itself raised: nothing was decided, nothing generated
            call.decisions = [Decision(action="block", rule="error", errors=(f"fail-closed: {type(exc).__name__}",))
                              for _ in call.prompts]
        call.images, call.pil = [], []
        call.faces, call.matches, call.outputs = [], [], []
        try:
            self._audit(call, exception=exc)
        except Exception:  # noqa: BLE001 - never mask the original exception
            log.error("audit of a failed call failed")


# ---------------------------------------------------------------------------
# helpers


def _ms(a: float, b: float) -> float:
    return round((b - a) * 1000.0, 3)


def _make_backend(pipe: Any, backend: Backend | None) -> Backend:
    if backend is None:
        if pipe is None:
            raise ConfigError("Guard: pass a pipeline (`pipe`) or a backend (`backend=`)")
        return make_backend(pipe)
    if pipe is not None:
        raise ConfigError("Guard: pass either `pipe` or `backend=`, not both")
    if not isinstance(backend, Backend):
        raise ConfigError(f"backend: {type(backend).__name__} does not implement aplguard.ports.Backend")
    return backend


def _make_engine(policy: Any) -> PolicyPort:
    if isinstance(policy, PolicyPort):
        return policy
    from .policy import PolicyEngine

    return PolicyEngine(policy)


def _make_sink(audit: str | Path | AuditPort | None,
               hmac_key: bytes | str | None) -> tuple[AuditPort | None, bool, bytes | None]:
    """The sink, whether Guard opened it (and so closes it), and the key for prompt hashes."""
    from .audit import AuditSink, open_sink
    from .audit.chain import resolve_key

    if audit is None:
        return None, False, None
    if isinstance(audit, (str, Path)):
        sink = open_sink(str(audit), hmac_key=hmac_key)
        return sink, True, sink.key
    if isinstance(audit, AuditSink):
        return audit, False, audit.key
    if isinstance(audit, AuditPort):
        return audit, False, resolve_key(hmac_key)
    raise ConfigError(f"audit: expected a sink URL or an aplguard.ports.AuditPort, got {type(audit).__name__}")


def _make_content_signer(credentials: ContentCredentials | None) -> ContentSigner | None:
    if credentials is None:
        return None
    from .provenance import ContentCredentials, ContentSigner

    if not isinstance(credentials, ContentCredentials):
        raise ConfigError(f"content_credentials: expected an aplguard.provenance.ContentCredentials, "
                          f"got {type(credentials).__name__}")
    return ContentSigner(credentials)  # loads the key now: a bad certificate fails at construction


def _require_faces_extra(policy_name: str) -> None:
    import importlib.util

    if importlib.util.find_spec("mediapipe") is None:
        raise MissingDependencyError(
            f"policy {policy_name!r} checks generated images for faces, which needs the faces extra: "
            "pip install 'aplguard[faces]' (or pass faces=<your checker>, or use a policy with detect_faces: false)")


def _check_output_type(kwargs: dict[str, Any]) -> None:
    output_type = kwargs.get("output_type", "pil")
    if output_type not in _OUTPUT_TYPES:
        raise ConfigError(f"output_type={output_type!r}: Guard checks decoded images; use one of "
                          f"{', '.join(_OUTPUT_TYPES)} ('latent' outputs cannot be face-checked or audited)")


def _images_per_prompt(kwargs: dict[str, Any]) -> int:
    value = kwargs.get("num_images_per_prompt") or 1
    if not isinstance(value, int) or value < 1:
        raise ConfigError(f"num_images_per_prompt: expected a positive integer, got {value!r}")
    return value


def _input_images(kwargs: dict[str, Any], n_prompts: int) -> list[tuple[str, int, int | None, Any]]:
    """(argument, index, prompt index or None = every prompt, image) for each input image of a call.

    A list (or a batched array/tensor) with one entry per prompt belongs prompt by prompt;
    anything else applies to every prompt. Nested lists (IP-Adapter) are flattened.
    """
    from .policy.schema import INPUT_IMAGE_ARGUMENTS

    found: list[tuple[str, int, int | None, Any]] = []
    for argument in INPUT_IMAGE_ARGUMENTS:
        value = kwargs.get(argument)
        if value is None:
            continue
        items = _split_batch(value)
        per_prompt = n_prompts > 1 and len(items) == n_prompts
        index = 0
        for i, item in enumerate(items):
            for image in _flatten_images(item):
                found.append((argument, index, i if per_prompt else None, image))
                index += 1
    return found


def _split_batch(value: Any) -> list[Any]:
    """The entries of a list, or of a 4-D array/tensor's batch dimension; a single image as one entry."""
    if isinstance(value, (list, tuple)):
        return list(value)
    shape = getattr(value, "shape", None)
    if shape is not None and len(shape) == 4:
        return [value[i] for i in range(int(shape[0]))]
    return [value]


def _flatten_images(item: Any) -> list[Any]:
    if isinstance(item, (list, tuple)):
        return [image for sub in item for image in _flatten_images(sub)]
    return _split_batch(item)


def _effective_prompt(prompt: str, decision: Decision) -> str:
    """The text the backend receives: the rewrite for ``rewrite`` decisions (checked non-empty), else the prompt."""
    if decision.action == "rewrite":
        assert decision.rewritten_prompt  # _enforce_capabilities blocked empty rewrites
        return decision.rewritten_prompt
    return prompt


def _subset_kwargs(kwargs: dict[str, Any], kept: list[int], n_prompts: int, per_prompt: int,
                   per_prompt_kwargs: tuple[str, ...]) -> dict[str, Any]:
    """Drop the entries of blocked prompts from per-prompt list arguments."""
    if len(kept) == n_prompts:
        return dict(kwargs)
    out = dict(kwargs)
    for name in per_prompt_kwargs:
        value = out.get(name)
        if isinstance(value, (list, tuple)) and len(value) == n_prompts:
            out[name] = [value[i] for i in kept]
    gen = out.get("generator")
    if isinstance(gen, (list, tuple)):
        if len(gen) == n_prompts * per_prompt:
            out["generator"] = [gen[i * per_prompt + j] for i in kept for j in range(per_prompt)]
        elif len(gen) == n_prompts:
            out["generator"] = [gen[i] for i in kept]
    return out
