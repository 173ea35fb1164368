"""Turn one guarded call into an :class:`~aplguard.audit.AuditRecord`, from plain values.

The builder knows nothing about Guard, the policy engine or pipelines: the caller
passes what the call produced (prompts, decisions, PIL images, faces, matches,
output decisions, timings, errors) and the policy's privacy settings, and gets a
validated record back. The privacy rules are applied here:

* prompts are stored as ``prompt_storage`` says (``hash``: keyed HMAC; ``redacted``:
  finding spans and protected names masked; ``plain``);
* findings keep kinds, spans, scores and detector ids; a canonical name only for
  protected identities; protected names are masked in stored text even where no
  detector found them;
* outputs keep image hashes, face counts and (identity, score) matches, never
  embeddings or crops; a small thumbnail only when ``thumbnails`` is true.

A call that raised after reaching the policy still gets a record: pass the
exception as ``exception`` (only its type is kept: messages may quote the prompt)
and whatever was known by then (``images`` may be empty).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from PIL import Image

from ..types import Decision, Face, FaceMatch, InputDecision, OutputDecision
from .records import (
    AuditRecord,
    InputRecord,
    MatchRecord,
    OutputRecord,
    PolicyRef,
    PromptRecord,
    output_record,
    prompt_record,
)

PROMPT_STORAGE_MODES = ("hash", "redacted", "plain")


def build_record(
    *,
    tenant: str | None,
    labels: Mapping[str, str],
    policy_name: str,
    policy_version: str | None,
    policy_sha256: str | None,
    model_id: str | None,
    prefix_id: str | None,
    prompts: Sequence[str],
    decisions: Sequence[Decision],
    protected_names: Sequence[str] = (),
    prompt_storage: str = "hash",
    thumbnails: bool = False,
    images: Sequence[Image.Image | None] = (),
    faces: Sequence[Sequence[Face]] = (),
    matches: Sequence[Sequence[FaceMatch]] = (),
    outputs: Sequence[OutputDecision] = (),
    timings: Mapping[str, float] | None = None,
    errors: Sequence[str] = (),
    per_prompt: int = 1,
    key: bytes | None = None,
    exception: BaseException | None = None,
    inputs: Sequence[InputDecision] = (),
    pseudonym: Callable[[str], str | None] | None = None,
) -> AuditRecord:
    """Build the audit record of one guarded (or screened) call.

    Args:
        tenant: tenant id of the request (None when none).
        labels: request labels (string -> string).
        policy_name: name of the policy that decided.
        policy_version: its version (None when the policy has none).
        policy_sha256: SHA-256 of the policy (None when unknown).
        model_id: served model id.
        prefix_id: APL prefix id (Guard uses the first 16 hex digits of the prefix
            digest), None when no prefix is installed.
        prompts: the prompts as the caller sent them, one per decision.
        decisions: the policy's decision for each prompt (same length as ``prompts``).
        protected_names: names and aliases of the tenant's protected identities:
            masked as ``[PROTECTED]`` in redacted prompts, kept as canonical names
            in findings.
        prompt_storage: the policy's ``privacy.prompt_storage``: ``hash``,
            ``redacted`` or ``plain``.
        thumbnails: the policy's ``privacy.thumbnails``: keep a 64-px JPEG per output.
        images: the call's images as PIL images, ``None`` where none was returned
            (blocked); image ``k`` came from prompt ``k // per_prompt``. Empty for a
            screening-only call or a call that failed before generating.
        faces: per image, the faces detected (empty: no face check ran).
        matches: per image, the gallery matches (only identity and score are kept).
        outputs: per image, the output decision (empty: no output check ran).
        timings: latencies in ms (``screen``, ``generate``, ``faces``, ``total``).
        errors: error messages of the call (never raw prompts).
        per_prompt: images per prompt (``num_images_per_prompt``).
        key: the sink's HMAC key, from which the prompt-hash key is derived (None:
            ``$APLGUARD_AUDIT_HMAC_KEY``; without any key a salted hash is used).
        pseudonym: name -> keyed pseudonym (the gallery's): protected canonical names that have
            one are stored as it, so erasing the identity's key unlinks the record.
        inputs: per input image (img2img/inpaint init, IP-Adapter, ControlNet), what the
            policy decided: faces, gallery matches, action and rule.
        exception: the exception a call raised after the policy decided; recorded
            as ``raised <type>`` in ``errors`` (the message is left out).

    Returns:
        The validated record, ready for ``sink.append``.

    Inconsistent values (lengths that disagree, an unknown storage mode) do not
    lose the record: what is known is recorded, prompts are hashed when the mode
    is unknown, and ``errors`` says what was wrong.

    Raises:
        AuditError: a value cannot be recorded at all (a finding span outside its
            prompt, a malformed image digest, ...). Guard treats it like a failed
            write: ``audit.required`` blocks the output.
    """
    # Inconsistent inputs are a caller bug, but the call still happened: record what is known (the
    # most private way) and say what was wrong, rather than lose the record.
    problems: list[str] = []
    if len(prompts) != len(decisions):
        problems.append(f"audit: {len(prompts)} prompts but {len(decisions)} decisions")
    if prompt_storage not in PROMPT_STORAGE_MODES:
        problems.append(f"audit: unknown prompt storage {prompt_storage[:40]!r}; prompts stored as hash")
        prompt_storage = "hash"
    if per_prompt < 1:
        problems.append(f"audit: per_prompt {per_prompt} < 1; taken as 1")
        per_prompt = 1
    for name, per_image in (("faces", faces), ("matches", matches), ("outputs", outputs)):
        if per_image and len(per_image) != len(images):
            problems.append(f"audit: {len(images)} images but {len(per_image)} {name} entries")
    names = [n for n in protected_names if n and n.strip()]
    prompt_records: list[PromptRecord] = [
        prompt_record(i, text, decision, prompt_storage, protected_names=names, key=key, pseudonym=pseudonym)
        for i, (text, decision) in enumerate(zip(prompts, decisions))]
    output_records: list[OutputRecord] = []
    for k, image in enumerate(images):
        if image is None:
            continue
        output_records.append(output_record(
            k, k // per_prompt, image, faces=faces[k] if k < len(faces) else 0,
            matches=matches[k] if k < len(matches) else (),
            decision=outputs[k] if k < len(outputs) else None, thumbnails=thumbnails))
    fail_closed = [e for d in decisions for e in d.errors if e.startswith("fail-closed")]
    fail_closed += [e for o in outputs for e in o.errors if "fail-closed" in e]
    all_errors = list(errors) + [e for d in decisions for e in d.errors if not e.startswith("fail-closed")]
    all_errors += problems
    if exception is not None:
        all_errors.append(f"raised {type(exception).__name__}")
    return AuditRecord(
        tenant=tenant, labels=dict(labels),
        policy=PolicyRef(name=policy_name, version=policy_version, sha256=policy_sha256),
        model_id=model_id, prefix_id=prefix_id,
        prompts=prompt_records, outputs=output_records, latency_ms=dict(timings or {}),
        inputs=[InputRecord(argument=x.argument, index=x.index, prompt_index=x.prompt_index, faces=x.faces,
                            matches=[MatchRecord(identity=m.identity_ref or m.identity, score=float(m.score))
                                     for m in x.matches],
                            action=_input_action(x.intended_action or x.action), rule=x.rule)
                for x in inputs],
        errors=all_errors, fail_closed=fail_closed,
    )


def _input_action(action: str) -> Literal["allow", "anonymize", "block"]:
    """An input decision's action as a record field (anything unknown is recorded as the strictest)."""
    if action == "allow":
        return "allow"
    if action == "anonymize":
        return "anonymize"
    return "block"


__all__ = ["build_record", "PROMPT_STORAGE_MODES"]
