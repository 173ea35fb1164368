"""Input checks in the host proxy: the face checker and the policy's ``decide_input``, as Guard uses them.

For each input image (found by :mod:`.input_images`) the proxy asks the same face checker it
uses for returned images, then the policy (``engine.decide_input``: the input rules, the
input default, ``on_error`` for a failed check). The decisions merge into the positive
prompts' decisions with :func:`aplguard.policy.inputs.merge_input_decisions`, exactly as Guard
merges them (``block`` blocks, ``anonymize`` adds the embedding).

An image the proxy cannot see (a URL the host fetches, a host-side folder, a ComfyUI file
that did not come through the proxy's upload) follows ``unseen``: ``block`` (the default,
fail-closed) refuses the request; ``on_error`` treats it as a failed check, so the policy's
``on_error`` decides (the shipped default anonymises, strict blocks).

ComfyUI uploads are checked when they arrive; :class:`UploadMemory` keeps the evidence per
file and tenant so that a later ``/prompt`` can apply the policy with the prompt's decision.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PIL import Image

from aplguard.face_checks import run_face_check
from aplguard.ports import FaceChecker
from aplguard.types import Decision, Face, FaceMatch, InputDecision, RequestContext

from .input_images import InputImage

UNSEEN_MODES = ("block", "on_error")
UNSEEN_MESSAGE = ("This request uses an image the guard has not checked; upload it through the guard or send it "
                  "in the request.")


@dataclass(frozen=True)
class CheckedInput:
    """One face-checked input image of a request and the policy's decision for it."""

    image: InputImage
    decision: InputDecision

    def summary(self) -> dict[str, Any]:
        """What the caller learns: place, action, rule, face count (never identities)."""
        d = self.decision
        return {"where": self.image.where, "argument": d.argument, "index": d.index, "action": d.action,
                "rule": d.rule, "faces": d.faces, "flagged": d.flagged}


@dataclass(frozen=True)
class UploadEntry:
    """What the proxy learnt about one uploaded file: the face-check evidence and the upload's decision."""

    faces: tuple[Face, ...]
    matches: tuple[FaceMatch, ...]
    errors: tuple[str, ...]
    decision: InputDecision

    @property
    def blocked(self) -> bool:
        return self.decision.action == "block"


class UploadMemory:
    """file ``(type, subfolder, filename)`` -> tenant -> :class:`UploadEntry`, bounded (oldest files forgotten).

    ComfyUI keeps one input folder for everyone, so a forwarded upload replaces what every
    tenant knew about that file (its content changed); a refused upload was never written, so
    it only records, for the tenant that sent it, that this name is refused.
    """

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self._files: OrderedDict[tuple[str, str, str], dict[str, UploadEntry]] = OrderedDict()

    def forwarded(self, key: tuple[str, str, str], tenant: str | None, entry: UploadEntry | None) -> None:
        self._put(key, {_t(tenant): entry} if entry is not None else {})

    def refused(self, key: tuple[str, str, str], tenant: str | None, entry: UploadEntry) -> None:
        self._put(key, {**self._files.get(key, {}), _t(tenant): entry})

    def lookup(self, key: tuple[str, str, str], tenant: str | None) -> UploadEntry | None:
        return self._files.get(key, {}).get(_t(tenant))

    def _put(self, key: tuple[str, str, str], value: dict[str, UploadEntry]) -> None:
        self._files[key] = value
        self._files.move_to_end(key)
        while len(self._files) > self.limit:
            self._files.popitem(last=False)


def _t(tenant: str | None) -> str:
    return tenant or ""


def analyze(face_checker: FaceChecker | None, pil: Image.Image,
            where: str) -> tuple[list[Face], list[FaceMatch], list[str]]:
    """Faces and matches of one input image; a failure is an error for the policy's ``on_error`` (as in Guard)."""
    return run_face_check(face_checker, pil, f"input {where}", "no face checker configured in the host proxy")


def check_upload(engine: Any, face_checker: FaceChecker | None, pil: Image.Image, where: str,
                 ctx: RequestContext) -> UploadEntry:
    """Check one uploaded image now (no prompt yet: ``prompt_decision`` is None)."""
    faces, matches, errors = analyze(face_checker, pil, where)
    decision = engine.decide_input(argument="image", faces=faces, matches=matches, ctx=ctx, prompt_decision=None,
                                   errors=errors)
    return UploadEntry(tuple(faces), tuple(matches), tuple(errors), decision)


def check_inputs(engine: Any, face_checker: FaceChecker | None, images: Sequence[InputImage],
                 pils: Sequence[Image.Image | None], ctx: RequestContext, prompt_decision: Decision | None, *,
                 unseen: str = "block", uploads: UploadMemory | None = None) -> list[CheckedInput]:
    """The policy's decision for every face-checked input image (masks are skipped, as in Guard).

    Args:
        images: the request's input images; ``pils[i]`` is the decoded ``images[i].data`` (None
            for a file reference or an unseen input).
        prompt_decision: the positive prompt's decision (input rules may condition on it).
        unseen: ``block`` or ``on_error``, for images the proxy cannot see.
        uploads: ComfyUI's upload memory, for file references.
    """
    out: list[CheckedInput] = []
    counts: dict[str, int] = {}
    for image, pil in zip(images, pils):
        if not image.face_checked:
            continue
        index = counts.get(image.argument, 0)
        counts[image.argument] = index + 1
        entry = uploads.lookup(image.file, ctx.tenant) if uploads is not None and image.file is not None else None
        if image.file is not None and entry is not None and entry.blocked:
            decision = entry.decision  # refused at upload: never forwarded, whatever the host holds by that name
        elif image.file is not None and entry is not None:
            decision = engine.decide_input(argument=image.argument, faces=entry.faces, matches=entry.matches,
                                           ctx=ctx, prompt_decision=prompt_decision, errors=entry.errors)
        elif pil is not None:
            faces, matches, errors = analyze(face_checker, pil, image.where)
            decision = engine.decide_input(argument=image.argument, faces=faces, matches=matches, ctx=ctx,
                                           prompt_decision=prompt_decision, errors=errors)
        else:
            why = image.unseen or "a file that did not come through the guard's upload"
            decision = _unseen(engine, ctx, image, why, unseen, prompt_decision)
        out.append(CheckedInput(image, replace(decision, argument=image.argument, index=index)))
    return out


def _unseen(engine: Any, ctx: RequestContext, image: InputImage, why: str, mode: str,
            prompt_decision: Decision | None) -> InputDecision:
    error = f"input {image.where}: not seen by the guard ({why})"
    if mode == "on_error":
        decision: InputDecision = engine.decide_input(argument=image.argument, faces=[], matches=[], ctx=ctx,
                                                      prompt_decision=prompt_decision, errors=[error])
        return decision
    shadow = engine.settings(ctx).mode == "shadow"
    return InputDecision(argument=image.argument, action="allow" if shadow else "block", rule="unseen_input",
                         flagged=True, message=None if shadow else UNSEEN_MESSAGE, intended_action="block",
                         errors=(f"fail-closed: {error}",))


def block_message(checked: Sequence[CheckedInput]) -> str | None:
    """The message of the first input that blocks, or None."""
    for c in checked:
        if c.decision.action == "block":
            return c.decision.message or UNSEEN_MESSAGE
    return None


__all__ = ["CheckedInput", "UNSEEN_MESSAGE", "UNSEEN_MODES", "UploadEntry", "UploadMemory", "analyze",
           "block_message", "check_inputs", "check_upload"]
