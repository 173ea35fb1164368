"""Turning validation problems into located messages, and cross-reference checks.

pydantic reports locations as tuples over the *input data*, sometimes with
union-member tags mixed in; :func:`pydantic_errors` strips those, looks the
path up in the YAML position map and names the allowed keys for unknown ones.
:func:`reference_errors` checks what a per-field validator cannot see: unique
ids, rules that name undefined detectors or lists, output conditions that
need checks the policy switched off.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from .schema import OutputWhen, PolicySpec, PromptWhen
from .yamlsafe import KeyPath


def _data_path(data: Any, loc: tuple[int | str, ...]) -> KeyPath:
    """Keep the loc elements that index into ``data``; drop union tags."""
    path: list[Any] = []
    current = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
            path.append(part)
        elif last and isinstance(current, dict):
            path.append(part)  # a missing or unknown key
    return tuple(path)


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        return [a for arg in typing.get_args(annotation) if arg is not type(None) for a in _unwrap(arg)]
    return [annotation]


def _field_names(model: type[BaseModel]) -> dict[str, Any]:
    return {(f.alias or name): f.annotation for name, f in model.model_fields.items()}


def _model_at(root: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (best effort)."""
    candidates: list[Any] = [root]
    for part in path:
        nxt: list[Any] = []
        for cand in candidates:
            origin = typing.get_origin(cand)
            if isinstance(cand, type) and issubclass(cand, BaseModel) and isinstance(part, str):
                ann = _field_names(cand).get(part)
                if ann is not None:
                    nxt.extend(_unwrap(ann))
            elif origin is list and isinstance(part, int):
                nxt.extend(_unwrap(typing.get_args(cand)[0]))
            elif origin is dict and isinstance(part, str):
                nxt.extend(_unwrap(typing.get_args(cand)[1]))
        candidates = nxt
    for cand in candidates:
        if isinstance(cand, type) and issubclass(cand, BaseModel):
            return cand
    return None


def pydantic_errors(exc: ValidationError, data: Any,
                    root: type[BaseModel] = PolicySpec) -> list[tuple[KeyPath, str, bool]]:
    """Convert a ValidationError into ``(data path, message, locate at the value)`` triples."""
    out: list[tuple[KeyPath, str, bool]] = []
    for err in exc.errors(include_url=False):
        path = _data_path(data, tuple(err["loc"]))
        kind = err["type"]
        if kind == "missing":
            msg = "required key is missing"
        elif kind == "extra_forbidden":
            model = _model_at(root, path[:-1])
            msg = f"unknown key {str(path[-1])!r}" if path else "unknown key"
            if model is not None and path:
                allowed = sorted(_field_names(model))
                close = difflib.get_close_matches(str(path[-1]), allowed, n=1)
                msg += f" (did you mean {close[0]!r}?)" if close else ""
                msg += f"; allowed: {', '.join(allowed)}"
        else:
            msg = err["msg"].removeprefix("Value error, ")
            if kind.endswith("_type") or kind in ("model_type", "dict_type", "list_type"):
                msg += f" (got {type(err.get('input')).__name__})"
        # A bad dict key (loc ends in "[key]") is reported where the key is, other bad values at the value.
        at_value = kind not in ("missing", "extra_forbidden") and err["loc"][-1:] != ("[key]",)
        item = (path, msg, at_value)
        if item not in out:
            out.append(item)
    return out


def _duplicates(ids: list[str], base: KeyPath, what: str) -> list[tuple[KeyPath, str]]:
    seen: dict[str, int] = {}
    out = []
    for i, ident in enumerate(ids):
        if ident in seen:
            out.append((base + (i, "id"), f"duplicate {what} {ident!r} (also at index {seen[ident]})"))
        else:
            seen[ident] = i
    return out


def _when_refs(when: PromptWhen | OutputWhen, path: KeyPath, detectors: set[str], lists: set[str],
               output: Any = None, section: str = "output") -> list[tuple[KeyPath, str]]:
    out: list[tuple[KeyPath, str]] = []
    if isinstance(when, PromptWhen) and when.findings is not None:
        fc = when.findings
        for i, det in enumerate(fc.detector or []):
            if det not in detectors:
                out.append((path + ("findings", "detector", i),
                            f"unknown detector id {det!r} (defined: {', '.join(sorted(detectors)) or 'none'})"))
        for i, name in enumerate(fc.in_list or []):
            if name not in lists:
                out.append((path + ("findings", "in_list", i),
                            f"unknown protected list {name!r} (defined: {', '.join(sorted(lists)) or 'none'})"))
    if isinstance(when, OutputWhen):
        if when.matches is not None:
            for i, name in enumerate(when.matches.in_list or []):
                if name not in lists:
                    out.append((path + ("matches", "in_list", i),
                                f"unknown protected list {name!r} (defined: {', '.join(sorted(lists)) or 'none'})"))
            if output is not None and not output.match_gallery:
                out.append((path + ("matches",), f"condition needs gallery matching but {section}.match_gallery is false"))
        if when.faces is not None and output is not None and not output.detect_faces:
            out.append((path + ("faces",), f"condition needs face detection but {section}.detect_faces is false"))
    subs: Sequence[PromptWhen | OutputWhen] = when.any or []
    for i, sub in enumerate(subs):
        out += _when_refs(sub, path + ("any", i), detectors, lists, output, section)
    if when.not_ is not None:
        out += _when_refs(when.not_, path + ("not",), detectors, lists, output, section)
    return out


def reference_errors(spec: PolicySpec) -> list[tuple[KeyPath, str]]:
    """Cross-reference problems of one (base or resolved tenant) policy."""
    out = _duplicates([d.id for d in spec.detectors], ("detectors",), "detector id")
    out += _duplicates([r.id for r in spec.rules], ("rules",), "rule id")
    out += _duplicates([r.id for r in spec.output.rules], ("output", "rules"), "output rule id")
    detectors = {d.id for d in spec.detectors}
    lists = set(spec.protected)
    for i, det in enumerate(spec.detectors):
        for j, name in enumerate(det.protected or []):
            if name not in lists:
                out.append((("detectors", i, "protected", j),
                            f"unknown protected list {name!r} (defined: {', '.join(sorted(lists)) or 'none'})"))
    for i, rule in enumerate(spec.rules):
        out += _when_refs(rule.when, ("rules", i, "when"), detectors, lists)
    for i, out_rule in enumerate(spec.output.rules):
        out += _when_refs(out_rule.when, ("output", "rules", i, "when"), detectors, lists, spec.output)
    out += _duplicates([r.id for r in spec.input.rules], ("input", "rules"), "input rule id")
    for i, in_rule in enumerate(spec.input.rules):
        out += _when_refs(in_rule.when, ("input", "rules", i, "when"), detectors, lists, spec.input, "input")
    if spec.input.match_gallery and not spec.input.detect_faces and spec.input.rules:
        out.append((("input", "match_gallery"), "gallery matching needs input.detect_faces: true"))
    if spec.output.match_gallery and not spec.output.detect_faces:
        out.append((("output", "match_gallery"), "gallery matching needs output.detect_faces: true"))
    for family in spec.prefixes:
        if not family:
            out.append((("prefixes",), "empty model family name"))
    return out
