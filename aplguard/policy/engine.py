"""The rule engine: per-prompt and per-image decisions from a :class:`Policy`.

The engine compiles each (tenant-resolved) policy once, on first use, and
caches it per tenant. Detectors are built from the policy's detector specs
through the detector registry (or injected), run per prompt with failures
caught one by one and resolved by ``on_error``. Rules are tried in order and
the first match decides; every decision carries the rules tried and the
evidence that matched.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import PolicyError
from ..registry import Registry
from ..types import (
    IDENTITY_KINDS,
    Decision,
    Face,
    FaceMatch,
    Finding,
    InputDecision,
    OutputDecision,
    RequestContext,
    RuleTrace,
)
from .conditions import (
    AnyCond,
    Evidence,
    OutputInput,
    PromptInput,
    compile_context,
    compile_output_when,
    compile_prompt_when,
)
from .loader import Policy, load_policy
from .schema import InputRule
from .settings import PolicySettings, settings_for

log = logging.getLogger("aplguard.policy")

_BLOCK_MESSAGE = "This prompt was blocked by the content policy."
_ERROR_BLOCK_MESSAGE = "This prompt could not be screened and was blocked."
_CTX_CACHE_MAX = 1024


def _default_registry() -> Registry[Any] | None:
    try:
        from ..detect import detector_registry
    except ImportError:
        return None
    return detector_registry()


def _accepts_id(factory: Any) -> bool:
    try:
        params = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "id" or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def _prompt_view(prompt: str) -> Any:
    """aplguard.detect's PromptView (the prompt normalised once for all built-in detectors), or None without it."""
    try:
        from ..detect import PromptView
    except ImportError:
        return None
    return PromptView(prompt)


def _merge(findings: list[Finding]) -> list[Finding]:
    try:
        from ..detect import merge_findings
    except ImportError:
        pass
    else:
        return list(merge_findings(findings))
    # Fallback: drop exact duplicates, keep the best score, order by position.
    best: dict[tuple[int, int, str, str | None], Finding] = {}
    for f in findings:
        key = (f.start, f.end, f.kind, f.canonical)
        if key not in best or f.score > best[key].score:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end, -f.score))


@dataclasses.dataclass(frozen=True)
class _Rule:
    """A compiled prompt or output rule."""

    rule: Any
    cond: Any  # compiled condition or None (= always)
    ctx_test: Any  # top-level context predicate or None
    desc: str
    skip: RuleTrace  # prebuilt: tracing a miss allocates nothing
    ctx_skip: RuleTrace
    uses_findings: bool


def _always(ev: Any, ctx: Any) -> Evidence:
    return ()


def _never(ev: Any, ctx: Any) -> None:
    return None


@dataclasses.dataclass(frozen=True)
class _ContextPlan:
    """The prompt rules as seen from one request context.

    ``conds[i]`` is rule i's compiled condition (``_never`` when its context
    condition fails, ``_always`` when it has none); ``skips[i]`` its prebuilt
    miss trace. The trace of a decision is ``skips[:i] + (match,)``: tracing
    costs one tuple slice, not an allocation per rule.
    """

    conds: tuple[AnyCond, ...]
    skips: tuple[RuleTrace, ...]


@dataclasses.dataclass
class _Compiled:
    """Everything the engine needs for one resolved policy."""

    policy: Policy
    settings: PolicySettings
    detectors: list[tuple[str, Any, float]] | None
    rules: list[_Rule]
    output_rules: list[_Rule]
    input_rules: list[_Rule]
    descriptions: dict[str, str]
    aliases: dict[str, tuple[str, ...]]  # casefolded list entry name -> its aliases
    name_words: dict[str, frozenset[str]]  # memo: list entry name -> words of the name and its aliases
    by_context: dict[tuple[Any, ...], _ContextPlan]


class PolicyEngine:
    """Decides what happens to prompts and outputs under a policy.

    Args:
        policy: a Policy, a shipped name, a path to a YAML file or a dict.
        detectors: optional ``{detector id: object with detect(text) -> list[Finding]}``
            used instead of building those ids from the registry.
        registry: detector registry (default: ``aplguard.detect.detector_registry()``).
    """

    def __init__(self, policy: Policy | str | Path | dict[str, Any], detectors: Mapping[str, Any] | None = None,
                 registry: Registry[Any] | None = None):
        # An injected registry is also what detector types are validated against.
        self.policy = load_policy(policy) if registry is None else load_policy(policy, detector_types=registry)
        self._injected = dict(detectors or {})
        self._registry = registry
        self._compiled: dict[str | None, _Compiled] = {}
        self._instances: dict[str, Any] = {}  # detector config key -> instance, shared across tenants

    # ------------------------------------------------------------ building
    def prepare(self, load: bool = False) -> PolicyEngine:
        """Compile the base policy and every tenant and build all detectors now.

        Args:
            load: also call each detector's ``load()`` (indexes, models), so the
                first request pays no start-up and missing model files show here.

        Raises:
            PolicyError: a detector cannot be built or loaded (unknown type, bad params, missing model).
        """
        for tenant in [None, *self.policy.tenant_names]:
            compiled = self._for(tenant)
            for det_id, det, _ in self._build_detectors(compiled):
                if load:
                    try:
                        det.load()
                    except Exception as exc:  # fail closed: a detector that cannot load is a broken policy
                        spec = next((s for s in compiled.policy.detectors if s.id == det_id), None)
                        at = compiled.policy.detector_path(spec) if spec is not None else ("detectors",)
                        raise PolicyError(compiled.policy.locate(at, f"detector {det_id!r} cannot load: "
                                                                     f"{type(exc).__name__}: {exc}")) from exc
        return self

    def _for(self, tenant: str | None) -> _Compiled:
        compiled = self._compiled.get(tenant)
        if compiled is not None:
            return compiled
        # Unknown tenants share the base entry: request data must not grow the cache.
        key = tenant if self.policy.has_tenant(tenant) else None
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compile(self.policy.for_tenant(key))
            self._compiled[key] = compiled
        return compiled

    def _compile(self, policy: Policy) -> _Compiled:
        lists = {name: policy.list_members(name) for name in policy.protected}
        rules = [self._compile_rule(r, compile_prompt_when(r.when, lists, include_context=False),
                                    r.when.context, r.when.findings is not None) for r in policy.rules]
        output_rules = [self._compile_rule(r, compile_output_when(r.when, lists), None, False)
                        for r in policy.output.rules]
        input_rules = [self._compile_rule(r, compile_output_when(r.when, lists), None, False)
                       for r in policy.input.rules]
        descriptions = {e.name.casefold(): e.description for e in policy.protected_entries() if e.description}
        descriptions.update({k.casefold(): v for k, v in policy.rewrite.descriptions.items()})
        aliases: dict[str, tuple[str, ...]] = {}
        for e in policy.protected_entries():
            key = e.name.casefold()
            aliases[key] = aliases.get(key, ()) + tuple(e.aliases)
        return _Compiled(policy, settings_for(policy), None, rules, output_rules, input_rules, descriptions, aliases,
                         {}, {})

    @staticmethod
    def _compile_rule(rule: Any, compiled: tuple[AnyCond | None, str], context: Any, uses_findings: bool) -> _Rule:
        cond, desc = compiled
        ctx_test, ctx_desc = compile_context(context) if context is not None else (None, "")
        full = " and ".join(d for d in (desc if cond is not None else "", ctx_desc) if d) or "always"
        return _Rule(rule, cond, ctx_test, full, RuleTrace(rule.id, False, f"not met: {full}"),
                     RuleTrace(rule.id, False, f"not met: {ctx_desc}"), uses_findings)

    def _build_detectors(self, compiled: _Compiled) -> list[tuple[str, Any, float]]:
        if compiled.detectors is not None:
            return compiled.detectors
        policy = compiled.policy
        built: list[tuple[str, Any, float]] = []
        registry = self._registry
        for spec in policy.detectors:
            where = policy.detector_path(spec)
            if not spec.enabled:
                continue
            if spec.id in self._injected:
                built.append((spec.id, self._injected[spec.id], spec.min_score))
                continue
            params = dict(spec.params)
            if spec.protected is not None or spec.type == "gazetteer":
                entries = policy.protected_entries(spec.protected)
                params["protected"] = [e.model_dump() for e in entries]
            key = json.dumps([spec.id, spec.type, params], sort_keys=True, default=str)
            instance = self._instances.get(key)
            if instance is None:
                if registry is None:
                    registry = self._registry = _default_registry()
                if registry is None:
                    raise PolicyError(policy.locate(where + ("type",), (
                        f"cannot build detector {spec.id!r} of type {spec.type!r}: no detector registry "
                        "(aplguard.detect is not available) and no detector injected with that id"), True))
                try:
                    factory = registry.get(spec.type)
                    if "id" not in params and _accepts_id(factory):
                        params["id"] = spec.id  # findings then carry the policy's detector id
                    instance = factory(**params)
                except Exception as exc:  # any factory failure is a policy problem: fail closed
                    at = where + ("params",) if spec.params else where + ("type",)
                    raise PolicyError(policy.locate(at, f"cannot build detector {spec.id!r} of type "
                                                        f"{spec.type!r}: {type(exc).__name__}: {exc}", True)) from exc
                self._instances[key] = instance
            built.append((spec.id, instance, spec.min_score))
        compiled.detectors = built
        return built

    # ------------------------------------------------------------ prompts
    def detect(self, prompt: str, ctx: RequestContext | None = None) -> tuple[list[Finding], list[str]]:
        """Run the policy's detectors; returns (merged findings, error strings without prompt text)."""
        compiled = self._for((ctx or RequestContext()).tenant)
        found: list[Finding] = []
        errors: list[str] = []
        view = _prompt_view(prompt)
        for det_id, det, min_score in self._build_detectors(compiled):
            try:
                got = view.detect(det) if view is not None else det.detect(prompt)
                for f in got:
                    if f.score < min_score:
                        continue
                    found.append(f if f.detector == det_id else dataclasses.replace(f, detector=det_id))
            except Exception as exc:  # noqa: BLE001 - any detector failure follows on_error
                # Only the exception type: messages may quote the prompt.
                errors.append(f"detector {det_id!r} failed: {type(exc).__name__}")
                log.warning("detector %r failed (%s); on_error=%s", det_id, type(exc).__name__,
                            compiled.settings.on_error)
        return (_merge(found) if len(found) > 1 else found), errors

    def decide_prompt(self, prompt: str, ctx: RequestContext | None = None) -> Decision:
        """Run the detectors and the prompt rules for one prompt."""
        ctx = ctx or RequestContext()
        findings, errors = self.detect(prompt, ctx)
        return self.decide_findings(prompt, findings, ctx, errors=errors)

    def _context_plan(self, compiled: _Compiled, ctx: RequestContext) -> _ContextPlan:
        key: tuple[Any, ...] | None
        plan: _ContextPlan | None
        try:
            key = (ctx.tenant, ctx.user_role, ctx.model_family,
                   tuple(sorted(ctx.labels.items())) if ctx.labels else ())
            plan = compiled.by_context.get(key)
        except TypeError:  # unhashable/unorderable label values: evaluate, don't cache
            key, plan = None, None
        if plan is None:
            if len(compiled.by_context) >= _CTX_CACHE_MAX:
                compiled.by_context.clear()
            conds: list[AnyCond] = []
            skips: list[RuleTrace] = []
            for r in compiled.rules:
                ok = r.ctx_test is None or r.ctx_test(ctx)
                conds.append((r.cond or _always) if ok else _never)
                skips.append(r.skip if ok else r.ctx_skip)
            plan = _ContextPlan(tuple(conds), tuple(skips))
            if key is not None:
                compiled.by_context[key] = plan
        return plan

    def decide_findings(self, prompt: str, findings: Sequence[Finding], ctx: RequestContext | None = None, *,
                        errors: Sequence[str] = ()) -> Decision:
        """Apply the prompt rules to findings already detected (no detectors run)."""
        ctx = ctx or RequestContext()
        compiled = self._for(ctx.tenant)
        settings = compiled.settings
        ev = PromptInput(findings)
        plan = self._context_plan(compiled, ctx)
        chosen = None
        evidence: Evidence = ()
        i = 0
        for cond in plan.conds:
            got = cond(ev, ctx)
            if got is not None:
                chosen, evidence = compiled.rules[i], got
                break
            i += 1
        trace = list(plan.skips[:i])
        if chosen is not None:
            r = chosen.rule
            action, rule_id, flag, message = r.action, r.id, r.flag, r.message
            trace.append(RuleTrace(r.id, True, f"met: {chosen.desc}{_evidence(evidence)}"))
        else:
            d = compiled.policy.default
            action, rule_id, flag, message = d.action, "default", d.flag, d.message
            trace.append(RuleTrace("default", True, "no rule matched"))
        if errors:
            action, rule_id, message = _on_error(settings.on_error, action, rule_id, message)
            trace.append(RuleTrace("on_error", True, f"{len(errors)} detector failure(s); on_error={settings.on_error}"))
        rewritten = None
        prefix_rewrite = False
        if action == "rewrite":
            seeking = [f for f in ev.findings if f.kind in IDENTITY_KINDS and f.identity_seeking]
            spans = evidence if chosen is not None and chosen.uses_findings and evidence else seeking
            neutral = chosen.rule.replacement if chosen is not None and chosen.rule.replacement else None
            neutral = neutral or compiled.policy.rewrite.neutral
            rewritten = _rewrite(prompt, spans, compiled.descriptions, neutral)
            if not rewritten.strip():
                rewritten = neutral  # never an empty prompt (Guard must not fall back to the original)
            if seeking or errors:
                gap = self._coverage_gap(compiled, rewritten, seeking, ctx, errors)
                if gap:
                    prefix_rewrite = True
                    trace.append(RuleTrace("rewrite", True, f"APL prefix also applied: {gap}"))
        if action == "block" and not message:
            message = _BLOCK_MESSAGE
        if settings.mode == "shadow":
            return Decision(action="allow", rule=rule_id, flagged=flag, findings=ev.findings, message=None,
                            rewritten_prompt=None, intended_action=action, trace=tuple(trace), errors=tuple(errors))
        return Decision(action=action, rule=rule_id, flagged=flag, findings=ev.findings,
                        message=message if action == "block" else None, rewritten_prompt=rewritten,
                        intended_action=action, trace=tuple(trace), errors=tuple(errors),
                        prefix_rewrite=prefix_rewrite)

    @staticmethod
    def _listed_words(compiled: _Compiled, canonical: str) -> frozenset[str]:
        """Words of a canonical name and, for protected-list entries, of their aliases (memoised per list entry)."""
        key = canonical.casefold()
        aliases = compiled.aliases.get(key)
        if aliases is None:  # not a list entry: may come from the prompt, so nothing is kept
            return _name_words(canonical)
        words = compiled.name_words.get(key)
        if words is None:
            words = _name_words(canonical).union(*(_name_words(a) for a in aliases))
            compiled.name_words[key] = words
        return words

    def _coverage_gap(self, compiled: _Compiled, rewritten: str, seeking: Sequence[Finding], ctx: RequestContext,
                      errors: Sequence[str]) -> str | None:
        """Why the rewrite cannot be shown to remove every mention (None: it provably does).

        Proof needs both: the policy's detectors find nothing identity-seeking in the
        rewritten prompt, and no word (>= 3 letters) of a finding's text, canonical
        name or list aliases is left in it. The reason never quotes prompt text.
        """
        if errors:
            return "detectors failed on the prompt"
        words: set[str] = set()
        for f in seeking:
            words |= _name_words(f.text)
            if f.canonical:
                words |= self._listed_words(compiled, f.canonical)
        left = _words(rewritten)
        letters = _letters(rewritten) if words else ""
        if words & left or any(len(w) >= 5 and w in letters for w in words):
            return "a word of a detected name is left in the rewritten prompt"
        try:
            found, det_errors = self.detect(rewritten, ctx)
        except Exception as exc:  # noqa: BLE001 - cannot re-check: not proven
            return f"the rewritten prompt could not be re-checked ({type(exc).__name__})"
        if det_errors:
            return "detectors failed on the rewritten prompt"
        if any(f.kind in IDENTITY_KINDS and f.identity_seeking for f in found):
            return "the detectors still find an identity-seeking mention in the rewritten prompt"
        return None

    # ------------------------------------------------------------ outputs
    def decide_output(self, *, faces: Sequence[Face], matches: Sequence[FaceMatch], ctx: RequestContext | None = None,
                      prompt_decision: Decision | None = None, errors: Sequence[str] = ()) -> OutputDecision:
        """Apply the output rules to one generated image's faces and gallery matches.

        This is the one place that decides what a failed output check means. Pass the
        failures as ``errors`` (and no faces or matches: they are unknown); the output
        rules still run, and ``on_error`` sets the least that happens to the image:

        - ``block``: the image is blocked.
        - ``anonymize``: the image is regenerated with the APL prefix; when it already was
          generated with the prefix (``prompt_decision.anonymize``: an anonymized prompt, a
          rewrite that needed the prefix, or a regeneration) it is kept and flagged, since
          what the policy asked for is in place.
        - ``allow``: the image is kept and flagged for review.

        A stronger action from the output rules (e.g. ``block``) wins. The decision is
        always flagged when there were errors.
        """
        ctx = ctx or RequestContext()
        compiled = self._for(ctx.tenant)
        ev = OutputInput(faces, matches, prompt_decision)
        chosen, trace = _first_image_rule(compiled.output_rules, ev, ctx, len(faces))
        if chosen is not None:
            action, rule_id, flag = chosen.rule.action, chosen.rule.id, chosen.rule.flag
        else:
            d = compiled.policy.output.default
            action, rule_id, flag = d.action, "default", d.flag
            trace.append(RuleTrace("default", True, f"no output rule matched ({len(faces)} faces, "
                                                    f"{len(matches)} matches)"))
        if errors:
            on_error = compiled.settings.on_error
            floor, why = _output_error_floor(on_error, prompt_decision)
            if _OUTPUT_RANK[floor] > _OUTPUT_RANK[action]:
                action, rule_id = floor, "on_error"
            flag = True
            trace.append(RuleTrace("on_error", True, f"{len(errors)} output check failure(s); on_error={on_error}: "
                                                     f"{why}"))
        flagged = flag or action == "flag"
        out_errors = tuple(errors)
        if errors and action == "block":  # the audit log counts fail-closed events by this marker
            out_errors = (f"fail-closed: output check failed; on_error={compiled.settings.on_error}", *out_errors)
        if compiled.settings.mode == "shadow":
            return OutputDecision("none", rule_id, flagged, action, tuple(trace), out_errors)
        return OutputDecision(action, rule_id, flagged, action, tuple(trace), out_errors)

    # ------------------------------------------------------------ inputs
    def decide_input(self, *, argument: str, faces: Sequence[Face], matches: Sequence[FaceMatch],
                     ctx: RequestContext | None = None, prompt_decision: Decision | None = None,
                     errors: Sequence[str] = ()) -> InputDecision:
        """Apply the input rules to one input image (before generation).

        Rules whose ``arguments`` do not name ``argument`` are skipped. A failed face check
        (``errors``) follows ``on_error``: ``block`` blocks the prompt, ``anonymize``
        anonymises it, ``allow`` lets it through flagged; a stronger rule action wins.
        The caller merges the result into the prompt's decision (the stricter wins).
        """
        ctx = ctx or RequestContext()
        compiled = self._for(ctx.tenant)
        ev = OutputInput(faces, matches, prompt_decision)
        chosen, trace = _first_image_rule(compiled.input_rules, ev, ctx, len(faces), argument)
        if chosen is not None:
            action, rule_id, flag, message = chosen.rule.action, chosen.rule.id, chosen.rule.flag, chosen.rule.message
        else:
            d = compiled.policy.input.default
            action, rule_id, flag, message = d.action, "default", d.flag, None
            trace.append(RuleTrace("default", True, f"no input rule matched ({len(faces)} faces, "
                                                    f"{len(matches)} matches)"))
        out_errors = tuple(errors)
        if errors:
            on_error = compiled.settings.on_error
            if _PROMPT_RANK[on_error] > _PROMPT_RANK[action]:
                action, rule_id, message = on_error, "on_error", None
            flag = True
            trace.append(RuleTrace("on_error", True, f"{len(errors)} input check failure(s); on_error={on_error}"))
            if action == "block":  # the audit log counts fail-closed events by this marker
                out_errors = (f"fail-closed: input check failed; on_error={on_error}", *out_errors)
        if action == "block" and not message:
            message = _BLOCK_MESSAGE
        effective = "allow" if compiled.settings.mode == "shadow" else action
        return InputDecision(argument=argument, action=effective, rule=rule_id, flagged=flag or action != "allow",
                             faces=len(faces), matches=tuple(matches),
                             message=message if effective == "block" else None, intended_action=action,
                             trace=tuple(trace), errors=out_errors)

    # ------------------------------------------------------------ settings
    def settings(self, ctx: RequestContext | None = None) -> PolicySettings:
        """Resolved settings (mode, on_error, privacy, output checks, ...) for the context's tenant."""
        return self._for((ctx or RequestContext()).tenant).settings

    def protected_names(self, ctx: RequestContext | None = None) -> list[str]:
        """Names and aliases of the protected identities for the context's tenant (masked in stored prompts)."""
        policy = self._for((ctx or RequestContext()).tenant).policy
        names: list[str] = []
        for entry in policy.protected_entries():
            names.append(entry.name)
            names.extend(entry.aliases)
        return names

    def prefix_for(self, model_family: str, ctx: RequestContext | None = None) -> str | None:
        """The prefix file or name the policy names for ``model_family`` ('*' is the fallback), or None.

        A relative path that exists next to the policy file is returned absolute.
        """
        policy = self._for((ctx or RequestContext()).tenant).policy
        value = policy.prefixes.get(model_family, policy.prefixes.get("*"))
        if value is None:
            return None
        path = Path(value).expanduser()
        if not path.is_absolute() and policy.base_dir is not None and (policy.base_dir / path).exists():
            return str((policy.base_dir / path).resolve())
        return value


_OUTPUT_RANK = {"none": 0, "flag": 1, "blur": 2, "regenerate": 3, "block": 4}
_PROMPT_RANK = {"allow": 0, "anonymize": 1, "rewrite": 2, "block": 3}


def _output_error_floor(on_error: str, prompt_decision: Decision | None) -> tuple[str, str]:
    """The least output action after a failed output check, and why."""
    if on_error == "block":
        return "block", "image blocked"
    if on_error == "anonymize":
        if prompt_decision is not None and prompt_decision.anonymize:
            return "flag", "already generated with the APL prefix; kept, flagged"
        return "regenerate", "regenerate with the APL prefix"
    return "flag", "kept, flagged"


def _first_image_rule(rules: Sequence[_Rule], ev: OutputInput, ctx: RequestContext, n_faces: int,
                      argument: str | None = None) -> tuple[_Rule | None, list[RuleTrace]]:
    """The first output/input rule that matches one image, and the trace of the rules tried.

    ``argument`` (input rules only) skips rules restricted to other image arguments.
    """
    trace: list[RuleTrace] = []
    for rule in rules:
        if isinstance(rule.rule, InputRule) and rule.rule.arguments is not None and argument not in rule.rule.arguments:
            trace.append(RuleTrace(rule.rule.id, False, f"not for argument {argument!r}"))
            continue
        got = () if rule.cond is None else rule.cond(ev, ctx)
        if got is None:
            trace.append(rule.skip)
            continue
        trace.append(RuleTrace(rule.rule.id, True, f"met: {rule.desc}{_match_evidence(got, n_faces)}"))
        return rule, trace
    return None, trace


def _on_error(on_error: str, action: str, rule_id: str, message: str | None) -> tuple[str, str, str | None]:
    if on_error == "block":
        return "block", "on_error", _ERROR_BLOCK_MESSAGE
    if on_error == "anonymize" and _PROMPT_RANK[action] < _PROMPT_RANK["anonymize"]:
        return "anonymize", "on_error", None
    return action, rule_id, message


def _evidence(findings: Evidence) -> str:
    if not findings:
        return ""
    shown = ", ".join(f"{f.kind}@{f.score:.2f} by {f.detector} [{f.start}:{f.end}]" for f in findings[:5])
    more = f" (+{len(findings) - 5} more)" if len(findings) > 5 else ""
    return f"; evidence: {shown}{more}"


def _match_evidence(matches: Evidence, n_faces: int) -> str:
    if not matches:
        return f"; {n_faces} faces"
    shown = ", ".join(f"face {m.face_index}~{m.identity}@{m.score:.2f}" for m in matches[:5])
    return f"; {n_faces} faces; evidence: {shown}"


_WORD = re.compile(r"[^\W\d_]+")


def _plain(text: str) -> str:
    """NFKC, casefolded, without format characters (zero-width joiners and the like)."""
    if text.isascii():
        return text.lower()  # NFKC and casefold change nothing else in ASCII
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf").casefold()


def _name_words(name: str) -> frozenset[str]:
    """Words (>= 3 letters) of a name, alias or finding text: what must not survive a rewrite."""
    return frozenset(w for w in _words(name) if len(w) >= 3)


def _words(text: str) -> set[str]:
    """Runs of letters of ``text`` (NFKC, casefolded, format characters removed)."""
    return set(_WORD.findall(_plain(text)))


def _letters(text: str) -> str:
    """Only the letters of ``text`` (catches names split by separators: "s.w.i.f.t")."""
    return "".join(_WORD.findall(_plain(text)))


def _rewrite(prompt: str, findings: Sequence[Finding], descriptions: dict[str, str], neutral: str) -> str:
    """Replace the findings' spans (merged where they overlap) with descriptions or neutral text."""
    spans = sorted((f for f in findings if f.end <= len(prompt) and f.end > f.start), key=lambda f: (f.start, -f.end))
    groups: list[list[Finding]] = []
    end = -1
    for f in spans:
        if groups and f.start < end:
            groups[-1].append(f)
            end = max(end, f.end)
        else:
            groups.append([f])
            end = f.end
    out, pos = [], 0
    for group in groups:
        start, stop = group[0].start, max(f.end for f in group)
        text = neutral
        for f in sorted(group, key=lambda f: -f.score):
            if f.canonical and f.canonical.casefold() in descriptions:
                text = descriptions[f.canonical.casefold()]
                break
        out.append(prompt[pos:start])
        out.append(text)
        pos = stop
    out.append(prompt[pos:])
    return "".join(out)
