"""Screen AUTOMATIC1111 / Forge ``POST /sdapi/v1/txt2img`` and ``/sdapi/v1/img2img`` bodies.

The texts screened: ``prompt`` and ``hr_prompt`` (hires-fix pass; positive) and
``negative_prompt`` / ``hr_negative_prompt`` (negative: screened, never prefixed). On
``anonymize`` the embedding name goes in front of each positive sub-prompt: A1111 splits
a prompt on ``AND`` (composable diffusion) into prompts encoded separately, so each part
gets it. A negative text that names the guard's embedding is refused.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import Any

from aplguard.policy.inputs import merge_input_decisions
from aplguard.types import Decision, InputDecision, RequestContext

from .screening import HostRequestError, ScreenedText, ScreenResult, mentions

POSITIVE_FIELDS = ("prompt", "hr_prompt")
NEGATIVE_FIELDS = ("negative_prompt", "hr_negative_prompt")
ENDPOINTS = ("/sdapi/v1/txt2img", "/sdapi/v1/img2img")
_AND = re.compile(r"(\s+AND\s+)")  # A1111's composable-diffusion separator (upper case, between spaces)


def add_embedding(prompt: str, name: str) -> str:
    """``name`` in front of each ``AND``-separated part of ``prompt``."""
    pieces = _AND.split(prompt)
    return "".join(p if i % 2 else f"{name} {p.lstrip()}" for i, p in enumerate(pieces))


def screen_a1111_request(body: Any, decide: Callable[[str], Decision], embedding: str | None,
                         ctx: RequestContext | None = None, input_decisions: Sequence[InputDecision] = ()) -> ScreenResult:
    """Screen one txt2img/img2img body and return the rewritten copy (the input is not changed).

    ``input_decisions``: the policy's decisions for the request's input images, merged into each
    positive text's decision as Guard merges them (an input ``anonymize`` adds the embedding).

    Raises:
        HostRequestError: the body is not a JSON object or a prompt field is not text.
    """
    if not isinstance(body, dict):
        raise HostRequestError("body: expected a JSON object (the txt2img/img2img request)")
    out = copy.deepcopy(body)
    ctx = ctx or RequestContext()
    texts: list[ScreenedText] = []
    # hires-fix: an empty hr_prompt means "use prompt", so it is screened only when given.
    for fld in POSITIVE_FIELDS + NEGATIVE_FIELDS:
        value = body.get(fld, "" if fld == "prompt" else None)  # A1111's default prompt is ""
        if value is None or (fld != "prompt" and value == ""):
            continue
        if not isinstance(value, str):
            raise HostRequestError(f"body.{fld}: expected text, got {type(value).__name__}")
        role = "positive" if fld in POSITIVE_FIELDS else "negative"
        decision = decide(value)
        if role == "positive":
            decision = merge_input_decisions(decision, input_decisions)
        item = ScreenedText(fld, role, value, decision)
        if decision.blocked:
            return ScreenResult(body=out, texts=(*texts, item), blocked=item, ctx=ctx)
        new = decision.rewritten_prompt if decision.action == "rewrite" and decision.rewritten_prompt else value
        if role == "negative" and embedding and mentions(new, embedding):
            return ScreenResult(body=out, texts=(*texts, item), ctx=ctx,
                                refusal=f"{fld}: a negative prompt may not reference the guard's embedding")
        if role == "positive" and decision.anonymize:
            if not embedding:
                return ScreenResult(body=out, texts=(*texts, item), ctx=ctx,
                                    refusal=f"{fld}: the policy anonymises this prompt but no embedding is installed")
            new = add_embedding(new, embedding)
        out[fld] = new
        texts.append(ScreenedText(fld, role, value, decision, new))
    return ScreenResult(body=out, texts=tuple(texts), ctx=ctx)


__all__ = ["ENDPOINTS", "NEGATIVE_FIELDS", "POSITIVE_FIELDS", "add_embedding", "screen_a1111_request"]
