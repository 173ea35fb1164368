"""Rule conditions compiled to closures at load time.

Evaluation is on the hot path of every request (budget: ~50 us for 100 rules),
so everything that does not depend on the request (sets, lower-cased names,
descriptions for explanations) is computed once here. A compiled condition
returns its evidence (a tuple, possibly empty) when it holds and None when it
does not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..types import IDENTITY_KINDS, Decision, Face, FaceMatch, Finding, RequestContext
from .schema import ContextCondition, FindingCondition, MatchCondition, OutputWhen, PromptWhen


class PromptInput:
    """Per-prompt view of the findings, built once and shared by all rules.

    The per-kind maximum scores and the set of canonical names let most
    conditions reject a prompt without looking at single findings.
    """

    __slots__ = ("findings", "by_kind", "max_by_kind", "max_score", "canonicals", "identity_seeking")

    def __init__(self, findings: Sequence[Finding]):
        self.findings = tuple(findings)
        by_kind: dict[str, list[Finding]] = {}
        max_by_kind: dict[str, float] = {}
        canonicals: set[str] = set()
        seeking = False
        top = -1.0
        for f in self.findings:
            kind, score = f.kind, f.score
            if kind in by_kind:
                by_kind[kind].append(f)
                if score > max_by_kind[kind]:
                    max_by_kind[kind] = score
            else:
                by_kind[kind] = [f]
                max_by_kind[kind] = score
            if score > top:
                top = score
            if f.canonical:
                canonicals.add(f.canonical.casefold())
            if f.identity_seeking and kind in IDENTITY_KINDS:
                seeking = True
        self.by_kind = by_kind
        self.max_by_kind = max_by_kind
        self.max_score = top
        self.canonicals = canonicals
        self.identity_seeking = seeking


class OutputInput:
    """Per-image view: faces, matches and the prompt decision."""

    __slots__ = ("faces", "matches", "prompt_decision")

    def __init__(self, faces: Sequence[Face], matches: Sequence[FaceMatch], prompt_decision: Decision | None):
        self.faces = faces
        self.matches = matches
        self.prompt_decision = prompt_decision


#: What a condition that holds returns: the findings or matches it matched on (possibly none).
Evidence = tuple[Any, ...]
PromptCond = Callable[[PromptInput, RequestContext], "Evidence | None"]
OutputCond = Callable[[OutputInput, RequestContext], "Evidence | None"]
#: A prompt or an output condition (the combinators below serve both).
AnyCond = Callable[[Any, RequestContext], "Evidence | None"]
#: Protected lists by name: entries with ``name`` and ``aliases``.
Lists = Mapping[str, Sequence[Any]]

_EMPTY: Evidence = ()


def _fold(values: Sequence[str] | None) -> frozenset[str] | None:
    return frozenset(v.casefold() for v in values) if values is not None else None


def list_names(lists: Lists, names: Sequence[str] | None) -> frozenset[str] | None:
    """Case-folded names and aliases of the entries of the named protected lists."""
    if names is None:
        return None
    out: set[str] = set()
    for name in names:
        for entry in lists.get(name, ()):
            out.add(entry.name.casefold())
            out.update(a.casefold() for a in entry.aliases)
    return frozenset(out)


# ------------------------------------------------------------------ context

def compile_context(cc: ContextCondition) -> tuple[Callable[[RequestContext], bool], str]:
    """A predicate over the request context and its description."""
    tenants = frozenset(cc.tenant) if cc.tenant is not None else None
    roles = frozenset(cc.user_role) if cc.user_role is not None else None
    families = frozenset(cc.model_family) if cc.model_family is not None else None
    labels = {k: frozenset([v] if isinstance(v, str) else v) for k, v in (cc.labels or {}).items()}
    parts = [f"{name} in {sorted(vals)}" for name, vals in
             (("tenant", tenants), ("user_role", roles), ("model_family", families)) if vals is not None]
    parts += [f"label {k} in {sorted(v)}" for k, v in labels.items()]

    def test(ctx: RequestContext) -> bool:
        try:
            if tenants is not None and ctx.tenant not in tenants:
                return False
            if roles is not None and ctx.user_role not in roles:
                return False
            if families is not None and ctx.model_family not in families:
                return False
            for key, accepted in labels.items():
                if ctx.labels.get(key) not in accepted:
                    return False
        except TypeError:  # an unhashable context value never equals a policy string
            return False
        return True

    return test, "context(" + ", ".join(parts) + ")"


# ------------------------------------------------------------------ prompts

def _compile_findings(fc: FindingCondition, lists: Lists) -> tuple[PromptCond, str]:
    kinds = tuple(sorted(fc.kind)) if fc.kind is not None else None
    detectors = frozenset(fc.detector) if fc.detector is not None else None
    canon = _fold(fc.canonical_in)
    in_list = list_names(lists, fc.in_list)
    min_score, seeking, min_count = fc.min_score, fc.identity_seeking, fc.min_count
    parts = []
    if kinds is not None:
        parts.append(f"kind in {list(kinds)}")
    if detectors is not None:
        parts.append(f"detector in {sorted(detectors)}")
    if min_score > 0:
        parts.append(f"score >= {min_score:g}")
    if canon is not None:
        parts.append(f"canonical in {len(canon)} names")
    if fc.in_list is not None:
        parts.append(f"canonical in lists {fc.in_list}")
    if seeking is not None:
        parts.append(f"identity_seeking={str(seeking).lower()}")
    if min_count > 1:
        parts.append(f"at least {min_count}")

    def test(ev: PromptInput, ctx: RequestContext) -> Evidence | None:
        # Cheap rejections first: most rules miss most prompts.
        if kinds is None:
            if ev.max_score < min_score:
                return None
            pool: Sequence[Finding] = ev.findings
        elif len(kinds) == 1:
            if ev.max_by_kind.get(kinds[0], -1.0) < min_score:
                return None
            pool = ev.by_kind[kinds[0]]
        else:
            best = -1.0
            for k in kinds:
                s = ev.max_by_kind.get(k, -1.0)
                if s > best:
                    best = s
            if best < min_score:
                return None
            pool = [f for k in kinds for f in ev.by_kind.get(k, _EMPTY)]
        if len(pool) < min_count:
            return None
        if canon is not None and canon.isdisjoint(ev.canonicals):
            return None
        if in_list is not None and in_list.isdisjoint(ev.canonicals):
            return None
        hits = []
        for f in pool:
            if f.score < min_score:
                continue
            if detectors is not None and f.detector not in detectors:
                continue
            if seeking is not None and f.identity_seeking is not seeking:
                continue
            if canon is not None or in_list is not None:
                name = f.canonical.casefold() if f.canonical else None
                if canon is not None and name not in canon:
                    continue
                if in_list is not None and name not in in_list:
                    continue
            hits.append(f)
        return tuple(hits) if len(hits) >= min_count else None

    return test, "findings(" + ", ".join(parts) + ")"


def compile_prompt_when(when: PromptWhen, lists: Lists,
                        include_context: bool = True) -> tuple[PromptCond | None, str]:
    """Compile a prompt condition; returns (None, description) for 'always'.

    ``include_context=False`` leaves the top-level context to the caller's
    per-context prefilter (see the engine).
    """
    parts: list[PromptCond] = []
    desc: list[str] = []
    if when.identity_seeking is not None:
        want = when.identity_seeking
        parts.append(lambda ev, ctx: _EMPTY if ev.identity_seeking is want else None)
        desc.append(f"identity_seeking={str(want).lower()}")
    if when.no_findings is not None:
        want_none = when.no_findings
        parts.append(lambda ev, ctx: _EMPTY if (not ev.findings) is want_none else None)
        desc.append(f"no_findings={str(want_none).lower()}")
    if when.findings is not None:
        fn, d = _compile_findings(when.findings, lists)
        parts.append(fn)
        desc.append(d)
    if include_context and when.context is not None:
        cfn, d = compile_context(when.context)
        parts.append(_context_cond(cfn))
        desc.append(d)
    if when.any is not None:
        subs = [compile_prompt_when(w, lists) for w in when.any]
        fns = [fn for fn, _ in subs]
        always = any(fn is None for fn in fns)

        def any_of(ev: PromptInput, ctx: RequestContext) -> Evidence | None:
            for fn in fns:
                if fn is None:
                    return _EMPTY
                got = fn(ev, ctx)
                if got is not None:
                    return got
            return None

        if always:
            parts.append(_always)
        else:
            parts.append(any_of)
        desc.append("any(" + " | ".join(d for _, d in subs) + ")")
    if when.not_ is not None:
        _negate(*compile_prompt_when(when.not_, lists), parts, desc)
    return _all_of(parts), " and ".join(desc) or "always"


def _never(ev: Any, ctx: RequestContext) -> Evidence | None:
    return None


def _always(ev: Any, ctx: RequestContext) -> Evidence | None:
    return _EMPTY


def _context_cond(cfn: Callable[[RequestContext], bool]) -> AnyCond:
    def holds(ev: Any, ctx: RequestContext) -> Evidence | None:
        return _EMPTY if cfn(ctx) else None

    return holds


def _negate(inner: AnyCond | None, d: str, parts: list[AnyCond], desc: list[str]) -> None:
    """Add ``not(inner)``: an always-true inner condition (None) makes it never match."""
    if inner is None:
        parts.append(_never)
    else:
        def negated(ev: Any, ctx: RequestContext) -> Evidence | None:
            return _EMPTY if inner(ev, ctx) is None else None

        parts.append(negated)
    desc.append(f"not({d})")


def _all_of(parts: Sequence[AnyCond]) -> AnyCond | None:
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]

    def all_of(ev: Any, ctx: RequestContext) -> Evidence | None:
        evidence: Evidence = _EMPTY
        for fn in parts:
            got = fn(ev, ctx)
            if got is None:
                return None
            if got:
                evidence += got
        return evidence

    return all_of


# ------------------------------------------------------------------ outputs

def _compile_matches(mc: MatchCondition, lists: Lists) -> tuple[OutputCond, str]:
    ids = _fold(mc.identity_in)
    in_list = list_names(lists, mc.in_list)
    min_score, min_count = mc.min_score, mc.min_count
    parts = [f"score >= {min_score:g}"]
    if ids is not None:
        parts.append(f"identity in {len(ids)} ids")
    if mc.in_list is not None:
        parts.append(f"identity in lists {mc.in_list}")
    if min_count > 1:
        parts.append(f"at least {min_count}")

    def test(ev: OutputInput, ctx: RequestContext) -> Evidence | None:
        hits = []
        for m in ev.matches:
            if m.score < min_score:
                continue
            if ids is not None or in_list is not None:
                ident = m.identity.casefold()
                if ids is not None and ident not in ids:
                    continue
                if in_list is not None and ident not in in_list:
                    continue
            hits.append(m)
        return tuple(hits) if len(hits) >= min_count else None

    return test, "matches(" + ", ".join(parts) + ")"


def compile_output_when(when: OutputWhen, lists: Lists) -> tuple[OutputCond | None, str]:
    """Compile an output condition; returns (None, description) for 'always'."""
    parts: list[OutputCond] = []
    desc: list[str] = []
    if when.faces is not None:
        lo, hi = when.faces.min, when.faces.max
        parts.append(lambda ev, ctx: _EMPTY if (lo is None or len(ev.faces) >= lo)
                     and (hi is None or len(ev.faces) <= hi) else None)
        desc.append(f"faces({'min ' + str(lo) if lo is not None else ''}"
                    f"{' ' if lo is not None and hi is not None else ''}{'max ' + str(hi) if hi is not None else ''})")
    if when.matches is not None:
        fn, d = _compile_matches(when.matches, lists)
        parts.append(fn)
        desc.append(d)
    if when.prompt is not None:
        pc = when.prompt
        actions = frozenset(pc.action) if pc.action is not None else None

        def prompt_test(ev: OutputInput, ctx: RequestContext) -> Evidence | None:
            d = ev.prompt_decision
            if d is None:
                return None
            if actions is not None and (d.intended_action or d.action) not in actions:
                return None
            if pc.identity_seeking is not None and d.identity_seeking is not pc.identity_seeking:
                return None
            if pc.flagged is not None and d.flagged is not pc.flagged:
                return None
            return _EMPTY

        parts.append(prompt_test)
        desc.append("prompt(" + ", ".join(f"{k}={v}" for k, v in pc.model_dump(exclude_none=True).items()) + ")")
    if when.context is not None:
        cfn, d = compile_context(when.context)
        parts.append(_context_cond(cfn))
        desc.append(d)
    if when.any is not None:
        subs = [compile_output_when(w, lists) for w in when.any]
        fns = [fn for fn, _ in subs]
        if any(fn is None for fn in fns):
            parts.append(_always)
        else:
            def any_of(ev: OutputInput, ctx: RequestContext) -> Evidence | None:
                for fn in fns:
                    if fn is None:
                        return _EMPTY
                    got = fn(ev, ctx)
                    if got is not None:
                        return got
                return None
            parts.append(any_of)
        desc.append("any(" + " | ".join(d for _, d in subs) + ")")
    if when.not_ is not None:
        _negate(*compile_output_when(when.not_, lists), parts, desc)
    return _all_of(parts), " and ".join(desc) or "always"
