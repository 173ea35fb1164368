"""Guard: screen prompts, anonymise with the APL prefix, audit outputs.

This module only orchestrates (see DESIGN.md, "Data flow of one guarded call");
detection, policy, prefixes, faces and the audit log live in their own modules.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .backends import PER_PROMPT_KWARGS, make_backend
from .errors import AplGuardError, AuditError, Blocked, ConfigError, PrefixError
from .prefix import SoftPrompt
from .types import Decision, Face, FaceMatch, Finding, OutputDecision, RequestContext

log = logging.getLogger("aplguard.guard")

DEFAULT_MAX_PROMPT_CHARS = 4096
_RANK = {"allow": 0, "anonymize": 1, "rewrite": 2, "block": 3}


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
    """

    images: list[Any]
    decisions: list[Decision]
    faces: list[list[Face]] = field(default_factory=list)
    matches: list[list[FaceMatch]] = field(default_factory=list)
    output_decisions: list[OutputDecision] = field(default_factory=list)
    audit_ids: list[str] = field(default_factory=list)
    raw: Any = None
    timings_ms: dict[str, float] = field(default_factory=dict)

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


class Guard:
    """Wrap a text-to-image pipeline with a privacy policy.

    Args:
        pipe: a diffusers pipeline (SD1.x/SD2.x/SDXL, img2img, inpaint, any pipeline
            with textual-inversion support) or a plain callable
            ``fn(prompts, **kwargs) -> images`` (no prefix support).
        prefix: an APL prefix file path or :class:`SoftPrompt`; when None, the
            policy's prefix for the pipeline's model family is used, if any.
        policy: a shipped policy name (``"default"``, ``"strict"``, ``"audit-only"``,
            ``"anonymize-all"``, ``"off"``), a YAML path, a ``Policy``, or any engine
            object with ``decide_prompt``/``decide_output``/``settings``.
        audit: an audit sink URL (``sqlite:///audit.db``, ``jsonl:///a.jsonl``,
            ``postgresql://...``) or sink object; None writes no audit log.
        faces: an object with ``analyze(image) -> (faces, matches)`` used for output
            checks; None builds the default face auditor when the policy needs one.
        gallery: directory of the protected-identity gallery for the default auditor.
        context: default request context (tenant, role, labels) for every call.
        raise_on_block: raise :class:`Blocked` instead of returning ``None`` images.
        max_prompt_chars: longer prompts are refused with ConfigError.

    Raises:
        BackendError: ``pipe`` cannot be wrapped.
        PrefixError: the prefix is unreadable or does not fit the pipeline's encoder(s).
        PolicyError: the policy is invalid.
    """

    def __init__(self, pipe: Any, prefix: str | Path | SoftPrompt | None = None, policy: Any = "default",
                 audit: Any = None, *, faces: Any = None, gallery: str | Path | None = None,
                 context: RequestContext | None = None, raise_on_block: bool = False,
                 max_prompt_chars: int = DEFAULT_MAX_PROMPT_CHARS, audit_hmac_key: bytes | str | None = None):
        self.backend = make_backend(pipe)
        self.pipe = pipe
        self.engine = _make_engine(policy)
        if hasattr(self.engine, "prepare"):  # build and load detectors now: bad parameters fail here
            self.engine.prepare(load=True)
        self.context = context or RequestContext()
        self.raise_on_block = raise_on_block
        self.max_prompt_chars = int(max_prompt_chars)
        self._faces = faces
        self._gallery = gallery
        self._faces_error: str | None = None
        self._faces_loaded = faces is not None
        self._faces_lock = threading.Lock()  # the default auditor is built once, on first need
        self.prefix = self._resolve_prefix(prefix)
        if self.prefix is not None:
            self.backend.install_prefix(self.prefix)
        self.audit = _make_sink(audit, audit_hmac_key)
        if self.audit is None and _get(self.engine.settings(self.context), "audit_required", False):
            log.warning("the policy requires an audit log but Guard has none (pass audit=URL)")

    # -- construction helpers -------------------------------------------------------
    def _resolve_prefix(self, prefix: Any) -> SoftPrompt | None:
        if prefix is None:
            named = self.engine.prefix_for(self.backend.family, self.context) if hasattr(self.engine, "prefix_for") else None
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
        """Screen, generate and audit; takes the pipeline's own arguments.

        Args:
            prompt: one prompt or a list of prompts.
            context: request context for this call (defaults to the Guard's).
            tenant: shorthand for ``context.tenant``.
            **kwargs: passed to the pipeline (``num_inference_steps``, ``generator``,
                ``negative_prompt``, ``num_images_per_prompt``, callbacks, ...).
        """
        t0 = time.perf_counter()
        ctx = self._context(context, tenant)
        prompts = self._validate_prompts(prompt, kwargs)
        settings = self.engine.settings(ctx)
        decisions = [self.engine.decide_prompt(p, ctx) for p in prompts]
        if kwargs.get("prompt_2") is not None:  # SDXL's second encoder reads prompt_2: screen it too
            decisions = self._screen_second_prompts(kwargs["prompt_2"], decisions, ctx)
        t_screen = time.perf_counter()
        per_prompt = int(kwargs.get("num_images_per_prompt") or 1)
        decisions = [self._enforce_capabilities(d) for d in decisions]
        if self.raise_on_block and any(d.blocked for d in decisions):
            blocked = [d for d in decisions if d.blocked]
            self._audit(ctx, settings, prompts, decisions, [], [], [], [], {}, errors=[])
            raise Blocked(blocked[0].message or "blocked by policy", decisions)

        images: list[Any] = [None] * (len(prompts) * per_prompt)
        kept = [i for i, d in enumerate(decisions) if not d.blocked]
        raw = None
        if kept:
            effective = [decisions[i].rewritten_prompt or prompts[i] if decisions[i].action == "rewrite" else prompts[i]
                         for i in kept]
            anonymize = [decisions[i].anonymize for i in kept]
            sub_kwargs = _subset_kwargs(kwargs, kept, len(prompts), per_prompt)
            raw = self.backend.generate(effective, anonymize, sub_kwargs)
            produced = list(_images_of(raw))
            for j, i in enumerate(kept):
                images[i * per_prompt:(i + 1) * per_prompt] = produced[j * per_prompt:(j + 1) * per_prompt]
        t_gen = time.perf_counter()

        faces, matches, outs, errors = self._check_outputs(images, prompts, decisions, ctx, settings, kwargs, per_prompt)
        t_faces = time.perf_counter()
        for k, od in enumerate(outs):
            if od.action == "block":
                images[k] = None
        timings = {"screen": _ms(t0, t_screen), "generate": _ms(t_screen, t_gen), "faces": _ms(t_gen, t_faces)}
        result = GuardOutput(images=images, decisions=decisions, faces=faces, matches=matches, output_decisions=outs, raw=raw, timings_ms=timings)
        timings["total"] = _ms(t0, time.perf_counter())
        result.audit_ids = self._audit(ctx, settings, prompts, decisions, images, faces, matches, outs, timings,
                                       errors, per_prompt)
        if self.audit is not None and not result.audit_ids and _get(settings, "audit_required", False):
            result.images = [None] * len(images)  # fail closed: never return an unaudited image
        return result

    def screen(self, prompt: str | list[str], *, context: RequestContext | None = None,
               tenant: str | None = None) -> list[Decision]:
        """Decide about prompts without generating anything."""
        ctx = self._context(context, tenant)
        prompts = self._validate_prompts(prompt, {})
        return [self._enforce_capabilities(self.engine.decide_prompt(p, ctx)) for p in prompts]

    # -- steps --------------------------------------------------------------------------
    def _context(self, context: RequestContext | None, tenant: str | None) -> RequestContext:
        base = context or self.context
        ctx = RequestContext(tenant=tenant or base.tenant, user_role=base.user_role,
                             model_family=base.model_family or self.backend.family,
                             model_id=base.model_id or self.backend.model_id, labels=dict(base.labels))
        return ctx

    def _validate_prompts(self, prompt: Any, kwargs: dict[str, Any]) -> list[str]:
        if prompt is None:
            if kwargs.get("prompt_embeds") is not None:
                raise ConfigError("prompt: Guard screens text prompts; pass `prompt`, not `prompt_embeds`")
            raise ConfigError("prompt: a prompt (string or list of strings) is required")
        if kwargs.get("prompt_embeds") is not None:
            raise ConfigError("prompt_embeds: cannot be combined with a guarded prompt")
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

    def _screen_second_prompts(self, prompt_2: Any, decisions: list[Decision], ctx) -> list[Decision]:
        """Merge the decisions on ``prompt_2`` into the prompts' (the stricter action wins).

        A ``rewrite`` demanded by ``prompt_2`` becomes ``anonymize`` (rewriting edits ``prompt``
        only); the merged decision keeps the main prompt's findings so spans stay valid.
        """
        seconds = [prompt_2] * len(decisions) if isinstance(prompt_2, str) else list(prompt_2)
        if len(seconds) != len(decisions) or not all(isinstance(p, str) for p in seconds):
            raise ConfigError("prompt_2: expected a string or one string per prompt")
        merged = []
        for d, text in zip(decisions, seconds):
            d2 = self.engine.decide_prompt(text, ctx) if text.strip() else None
            if d2 is None or _RANK[d2.action] <= _RANK[d.action]:
                merged.append(d)
                continue
            action = "anonymize" if d2.action == "rewrite" else d2.action
            merged.append(Decision(action=action, rule=f"prompt_2:{d2.rule}", flagged=d.flagged or d2.flagged,
                                   findings=d.findings, message=d2.message, intended_action=d2.intended_action,
                                   trace=(*d.trace, *d2.trace), errors=(*d.errors, *d2.errors)))
        return merged

    def _enforce_capabilities(self, d: Decision) -> Decision:
        """Fail closed when the policy asks to anonymize but no prefix can be applied."""
        if d.anonymize and (self.prefix is None or not self.backend.supports_prefix):
            why = "no APL prefix is configured" if self.backend.supports_prefix else "backend cannot apply a prefix"
            return Decision(action="block", rule=d.rule, flagged=True, findings=d.findings,
                            message="This request cannot be generated safely right now.",
                            intended_action="anonymize", trace=d.trace, errors=(*d.errors, f"fail-closed: {why}"))
        return d

    def _face_auditor(self):
        with self._faces_lock:
            return self._load_face_auditor()

    def _load_face_auditor(self):
        if self._faces_loaded:
            return self._faces
        self._faces_loaded = True
        try:
            from .faces import FaceAuditor

            self._faces = FaceAuditor.create(gallery=self._gallery)
        except (ImportError, AplGuardError) as exc:
            self._faces_error = f"face checks unavailable: {type(exc).__name__}: {exc}"
            log.warning("%s", self._faces_error)
            self._faces = None
        return self._faces

    def _check_outputs(self, images, prompts, decisions, ctx, settings, kwargs, per_prompt):
        n = len(images)
        faces: list[list[Face]] = [[] for _ in range(n)]
        matches: list[list[FaceMatch]] = [[] for _ in range(n)]
        outs = [OutputDecision() for _ in range(n)]
        errors: list[str] = []
        if not _get(settings, "output_checks", True) or all(im is None for im in images):
            return faces, matches, outs, errors
        auditor = self._face_auditor()
        for k, image in enumerate(images):
            if image is None:
                continue
            pil = to_pil(image)
            decision = decisions[k // per_prompt]
            try:
                if auditor is None:
                    raise AplGuardError(self._faces_error or "no face auditor")
                faces[k], matches[k] = auditor.analyze(pil)
            except Exception as exc:  # a failing detector follows on_error
                errors.append(f"output[{k}]: {type(exc).__name__}")
                outs[k] = _output_on_error(_get(settings, "on_error", "anonymize"), decision)
                continue
            od = self.engine.decide_output(faces=faces[k], matches=matches[k], ctx=ctx, prompt_decision=decision)
            if od.action == "blur" and faces[k]:
                from .faces import blur_faces

                images[k] = like(image, blur_faces(pil, faces[k]))
            elif od.action == "regenerate":
                images[k], faces[k], matches[k], od = self._regenerate(k, per_prompt, prompts, decision, ctx,
                                                                        kwargs, auditor)
            outs[k] = od
        return faces, matches, outs, errors

    def _regenerate(self, k, per_prompt, prompts, decision, ctx, kwargs, auditor):
        """Re-run one image's prompt once with the prefix; block if it still matches."""
        i = k // per_prompt
        if self.prefix is None or not self.backend.supports_prefix:
            return None, [], [], OutputDecision(action="block", rule="regenerate", flagged=True,
                                                errors=("fail-closed: regenerate needs a prefix",))
        sub = _subset_kwargs(kwargs, [i], len(prompts), per_prompt)
        sub["num_images_per_prompt"] = 1
        if isinstance(sub.get("generator"), list):
            sub["generator"] = sub["generator"][k % per_prompt]
        text = decision.rewritten_prompt if decision.action == "rewrite" and decision.rewritten_prompt else prompts[i]
        image = list(_images_of(self.backend.generate([text], [True], sub)))[0]
        faces, matches = auditor.analyze(to_pil(image))
        again = Decision(action="anonymize", rule=decision.rule, flagged=True, findings=decision.findings)
        od = self.engine.decide_output(faces=faces, matches=matches, ctx=ctx, prompt_decision=again)
        if od.action in ("regenerate", "block"):
            return None, faces, matches, OutputDecision(action="block", rule=od.rule, flagged=True,
                                                        intended_action="regenerate")
        return image, faces, matches, OutputDecision(action="regenerate", rule=od.rule, flagged=True)

    def _audit(self, ctx, settings, prompts, decisions, images, faces, matches, outs, timings, errors,
               per_prompt: int = 1) -> list[str]:
        if self.audit is None:
            return []
        from .guard_audit import build_record

        try:
            record = build_record(engine=self.engine, ctx=ctx, settings=settings, prompts=prompts,
                                  decisions=decisions, images=images, faces=faces, matches=matches, outputs=outs,
                                  timings=timings, errors=errors, prefix=self.prefix, per_prompt=per_prompt,
                                  key=getattr(self.audit, "key", None))
            return [str(self.audit.append(record))]
        except AuditError as exc:
            # The caller fails closed when the policy says audit_required.
            log.error("audit write failed: %s", type(exc).__name__)
            return []


# ---------------------------------------------------------------------------
# helpers


def _ms(a: float, b: float) -> float:
    return round((b - a) * 1000.0, 3)


def _get(obj: Any, name: str, default: Any) -> Any:
    return getattr(obj, name, default) if obj is not None else default


def _make_engine(policy: Any):
    if hasattr(policy, "decide_prompt") and hasattr(policy, "settings"):
        return policy
    from .policy import PolicyEngine

    return PolicyEngine(policy)


def _make_sink(audit: Any, hmac_key: Any):
    if audit is None:
        return None
    if hasattr(audit, "append"):
        return audit
    if isinstance(audit, (str, Path)):
        from .audit import open_sink

        return open_sink(str(audit), hmac_key=hmac_key)
    raise ConfigError(f"audit: expected a sink URL or sink object, got {type(audit).__name__}")


def _output_on_error(on_error: str, decision: Decision) -> OutputDecision:
    """What a failed face check means for one image, by the policy's on_error."""
    if on_error == "allow" or (on_error == "anonymize" and decision.anonymize):
        return OutputDecision(action="none", rule="on_error", flagged=True, errors=("face check failed",))
    return OutputDecision(action="block", rule="on_error", flagged=True, errors=("face check failed; fail-closed",))


def to_pil(image: Any):
    """A PIL view of one pipeline output (PIL, HWC numpy array, or CHW torch tensor)."""
    if hasattr(image, "mode") and hasattr(image, "size"):
        return image
    from .faces.image import load_image  # handles uint8/float arrays; PIL and numpy only

    if hasattr(image, "detach"):  # torch output is CHW
        image = image.detach().cpu().float().numpy().transpose(1, 2, 0)
    return load_image(image)


def like(original: Any, pil: Any) -> Any:
    """Convert an edited PIL image back to the type of the pipeline's output."""
    if hasattr(original, "mode"):
        return pil
    import numpy as np

    arr = np.asarray(pil).astype(np.float32) / 255.0
    if hasattr(original, "detach"):
        import torch

        return torch.from_numpy(arr.transpose(2, 0, 1)).to(original.device, original.dtype)
    return arr.astype(getattr(original, "dtype", np.float32))


def _images_of(raw: Any) -> list[Any]:
    images = getattr(raw, "images", raw)
    if images is None:
        return []
    return list(images)


def _subset_kwargs(kwargs: dict[str, Any], kept: list[int], n_prompts: int, per_prompt: int) -> dict[str, Any]:
    """Drop the entries of blocked prompts from per-prompt list arguments."""
    if len(kept) == n_prompts:
        return dict(kwargs)
    out = dict(kwargs)
    for name in PER_PROMPT_KWARGS:
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
