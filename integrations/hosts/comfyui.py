"""Screen and rewrite ComfyUI API-format workflows.

An API-format workflow (what ``POST /prompt`` takes under ``"prompt"``) maps node ids to
``{"class_type": ..., "inputs": {...}}``; an input is a literal or a link
``[source node id, output index]``. The screener:

1. finds every text-encode node and the texts it encodes, following links from string
   nodes (``PrimitiveString``, ``StringConcatenate``, ...) to the literal text;
2. learns which encoders are positive and which negative by walking back from each
   sampler's ``positive``/``negative`` inputs (through conditioning nodes; nodes with both
   ``positive`` and ``negative`` inputs, e.g. ``ControlNetApplyAdvanced``, map output 0 to
   ``positive`` and output 1 to ``negative``); a guider's ``conditioning`` is positive;
3. screens each text with the policy and rewrites the workflow: ``anonymize`` puts
   ``embedding:NAME`` in front of each CLIP text of a positive encoder, ``rewrite`` replaces the
   text, ``block`` refuses the whole workflow. Negative texts are screened but never prefixed,
   and a negative text that references the guard's embedding is refused (it would steer away
   from the anonymisation).

A text that comes through a link is inlined on the encoder when it is changed, so a string
node shared by the positive and the negative encoder is never prefixed for both. A text
whose source the screener cannot read (a node it does not know produces the string) is
refused: the guard does not forward text it has not screened.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from aplguard.policy.inputs import merge_input_decisions
from aplguard.types import Decision, InputDecision, RequestContext

from .screening import HostRequestError, ScreenedText, ScreenResult, mentions

# class_type -> (CLIP text inputs that take the embedding, other text inputs: screened, not prefixable).
ENCODERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "CLIPTextEncode": (("text",), ()),
    "CLIPTextEncodeSDXL": (("text_g", "text_l"), ()),
    "CLIPTextEncodeSDXLRefiner": (("text",), ()),
    "CLIPTextEncodeSD3": (("clip_l", "clip_g"), ("t5xxl",)),
    "CLIPTextEncodeFlux": (("clip_l",), ("t5xxl",)),
    "CLIPTextEncodeHunyuanDiT": ((), ("bert", "mt5xl")),
}
# class_type -> how its string output is built from its inputs (literal or linked).
_STRING_SOURCES: dict[str, tuple[str, ...]] = {
    "PrimitiveString": ("value",),
    "PrimitiveStringMultiline": ("value",),
    "StringConcatenate": ("string_a", "delimiter", "string_b"),
}
_MAX_NODES = 5000
_MAX_DEPTH = 64


def is_link(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 2 and isinstance(value[0], (str, int))
            and isinstance(value[1], int) and not isinstance(value[1], bool))


def _node(workflow: dict[str, Any], node_id: str, where: str) -> dict[str, Any]:
    node = workflow.get(str(node_id))
    if not isinstance(node, dict) or not isinstance(node.get("class_type"), str) \
            or not isinstance(node.get("inputs", {}), dict):
        raise HostRequestError(f"{where}: links to node {str(node_id)[:40]!r}, which the workflow does not hold "
                               "as {class_type, inputs}")
    return node


def validate_workflow(workflow: Any) -> dict[str, Any]:
    """Raise HostRequestError unless ``workflow`` looks like an API-format workflow."""
    if not isinstance(workflow, dict) or not workflow:
        raise HostRequestError("workflow: expected a non-empty JSON object of node id -> {class_type, inputs} "
                               "(ComfyUI's API format; the UI's 'Save' format with 'nodes'/'links' is not accepted)")
    if "nodes" in workflow and "links" in workflow:
        raise HostRequestError("workflow: this is the UI format ('nodes'/'links'); export it with 'Save (API)'")
    if len(workflow) > _MAX_NODES:
        raise HostRequestError(f"workflow: {len(workflow)} nodes (at most {_MAX_NODES})")
    for node_id in workflow:
        _node(workflow, node_id, f"node {str(node_id)[:40]}")
    return workflow


def resolve_text(workflow: dict[str, Any], value: Any, where: str, depth: int = 0) -> str:
    """The string a literal or a link evaluates to, following known string nodes."""
    if isinstance(value, str):
        return value
    if not is_link(value):
        raise HostRequestError(f"{where}: expected text or a link [node id, output], got {type(value).__name__}")
    if depth > _MAX_DEPTH:
        raise HostRequestError(f"{where}: string links nested deeper than {_MAX_DEPTH}")
    src_id = str(value[0])
    src = _node(workflow, src_id, where)
    parts = _STRING_SOURCES.get(src["class_type"])
    if parts is None:
        raise HostRequestError(f"{where}: its text comes from node {src_id[:40]} ({src['class_type'][:80]}), whose "
                               "output the guard cannot read; refused rather than forwarded unscreened")
    inputs = src.get("inputs", {})
    return "".join(resolve_text(workflow, inputs.get(k, ""), f"node {src_id[:40]}.{k}", depth + 1) for k in parts)


def _encoder_roles(workflow: dict[str, Any]) -> dict[str, set[str]]:
    """encoder node id -> {'positive', 'negative'}: where its conditioning ends up."""
    roles: dict[str, set[str]] = {}
    seen: set[tuple[str, int, str]] = set()

    def walk(link: Any, role: str, depth: int) -> None:
        if not is_link(link) or depth > _MAX_DEPTH:
            return
        node_id, out = str(link[0]), int(link[1])
        if (node_id, out, role) in seen or node_id not in workflow:
            return
        seen.add((node_id, out, role))
        node = workflow[node_id]
        if node["class_type"] in ENCODERS:
            roles.setdefault(node_id, set()).add(role)
            return
        inputs = node.get("inputs", {})
        if "positive" in inputs and "negative" in inputs:  # e.g. ControlNetApplyAdvanced: outputs (+, -)
            if out in (0, 1):
                walk(inputs["positive" if out == 0 else "negative"], role, depth + 1)
            return
        for value in inputs.values():  # conditioning passes through (combine, set area, ...)
            walk(value, role, depth + 1)

    for node in workflow.values():
        inputs = node.get("inputs", {})
        if node["class_type"] in ENCODERS:
            continue
        if "positive" in inputs and "negative" in inputs:
            walk(inputs["positive"], "positive", 0)
            walk(inputs["negative"], "negative", 0)
        elif "conditioning" in inputs and "Guider" in node["class_type"]:  # BasicGuider (FLUX)
            walk(inputs["conditioning"], "positive", 0)
    return roles


def screen_workflow(workflow: Any, decide: Callable[[str], Decision], embedding: str | None,
                    ctx: RequestContext | None = None, input_decisions: Sequence[InputDecision] = ()) -> ScreenResult:
    """Screen every text of ``workflow`` and return the rewritten copy (the input is not changed).

    Args:
        workflow: an API-format workflow.
        decide: the policy for one text (``lambda t: engine.decide_prompt(t, ctx)``).
        embedding: the guard's embedding name (the file stem); None when no embedding is
            installed, in which case a text the policy anonymises is refused.
        ctx: recorded on the result.
        input_decisions: the policy's decisions for the workflow's input images, merged into each
            non-negative text's decision as Guard merges them (``anonymize`` adds the embedding).

    Raises:
        HostRequestError: the workflow is malformed, or a text's source cannot be read.
    """
    wf = copy.deepcopy(validate_workflow(workflow))
    roles = _encoder_roles(wf)
    ref = f"embedding:{embedding}" if embedding else None
    texts: list[ScreenedText] = []
    for node_id in sorted(wf, key=_node_order):
        node = wf[node_id]
        spec = ENCODERS.get(node["class_type"])
        if spec is None:
            continue
        clip_fields, other_fields = spec
        node_roles = roles.get(node_id, set())
        role = "unknown" if not node_roles else "negative" if node_roles == {"negative"} else "positive"
        inputs = node.setdefault("inputs", {})
        for fld in clip_fields + other_fields:
            if fld not in inputs:
                continue
            where = f"node {node_id[:40]} ({node['class_type']}).{fld}"
            text = resolve_text(wf, inputs[fld], where)
            decision = decide(text)
            if role != "negative":
                decision = merge_input_decisions(decision, input_decisions)
            item = ScreenedText(where, role, text, decision)
            if decision.blocked:
                return ScreenResult(body=wf, texts=(*texts, item), blocked=item, ctx=ctx or RequestContext())
            new = decision.rewritten_prompt if decision.action == "rewrite" and decision.rewritten_prompt \
                else text
            refusal = None
            if role == "negative":
                if ref and mentions(new, ref):
                    refusal = f"{where}: a negative prompt may not reference the guard's embedding {ref}"
            elif decision.anonymize:
                if "negative" in node_roles:
                    refusal = (f"{where}: this encoder feeds both positive and negative conditioning; the guard "
                               "cannot add the anonymisation embedding to one without the other")
                elif ref is None:
                    refusal = f"{where}: the policy anonymises this prompt but no embedding is installed"
                elif fld not in clip_fields:
                    refusal = (f"{where}: the policy anonymises this prompt but {fld} is not a CLIP text an "
                               "embedding can reach")
                else:
                    new = f"{ref} {new}"
            if refusal:
                return ScreenResult(body=wf, texts=(*texts, item), refusal=refusal, ctx=ctx or RequestContext())
            if new != text:
                inputs[fld] = new  # inlined: a linked string node stays as it was for other users
            texts.append(ScreenedText(where, role, text, decision, new))
    return ScreenResult(body=wf, texts=tuple(texts), ctx=ctx or RequestContext())


def _node_order(node_id: str) -> tuple[int, str]:
    return (int(node_id), "") if node_id.isdigit() else (1 << 62, node_id)


def output_images(history_entry: Any) -> list[dict[str, str]]:
    """The ``{filename, subfolder, type}`` of each image in one ``/history`` entry's outputs."""
    images: list[dict[str, str]] = []
    outputs = history_entry.get("outputs", {}) if isinstance(history_entry, dict) else {}
    for node_out in outputs.values() if isinstance(outputs, dict) else ():
        for img in node_out.get("images", []) if isinstance(node_out, dict) else ():
            if isinstance(img, dict) and isinstance(img.get("filename"), str):
                images.append({"filename": img["filename"], "subfolder": str(img.get("subfolder", "")),
                               "type": str(img.get("type", "output"))})
    return images


__all__ = ["ENCODERS", "is_link", "output_images", "resolve_text", "screen_workflow", "validate_workflow"]
