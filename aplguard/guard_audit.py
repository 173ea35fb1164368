"""Turn one guarded call into an audit record (privacy settings applied here)."""

from __future__ import annotations

from typing import Any

from .audit import AuditRecord, output_record, prompt_record
from .guard import to_pil


def protected_names(engine: Any, tenant: str | None) -> list[str]:
    """Names and aliases of the policy's protected identities (masked in stored prompts)."""
    policy = getattr(engine, "policy", None)
    if policy is None or not hasattr(policy, "for_tenant"):
        return []
    names: list[str] = []
    for entry in policy.for_tenant(tenant).protected_entries():
        names.append(entry.name)
        names.extend(entry.aliases)
    return names


def build_record(*, engine: Any, ctx: Any, settings: Any, prompts: list[str], decisions: list[Any],
                 images: list[Any], faces: list[list[Any]], matches: list[list[Any]], outputs: list[Any],
                 timings: dict[str, float], errors: list[str], prefix: Any, per_prompt: int,
                 key: bytes | None = None) -> AuditRecord:
    """Build the :class:`~aplguard.audit.AuditRecord` for one call.

    The prompt is stored as ``settings.privacy.prompt_storage`` says; thumbnails only
    when ``settings.privacy.thumbnails``; no embeddings or crops ever. ``key`` is the
    sink's HMAC key, from which the prompt-hash key is derived (None: the environment's).
    """
    privacy = getattr(settings, "privacy", None)
    mode = getattr(privacy, "prompt_storage", "hash")
    thumbnails = bool(getattr(privacy, "thumbnails", False))
    names = protected_names(engine, ctx.tenant)
    prompt_records = [prompt_record(i, p, d, mode, protected_names=names, key=key) for i, (p, d) in enumerate(zip(prompts, decisions))]
    output_records = []
    for k, image in enumerate(images):
        if image is None:
            continue
        output_records.append(output_record(k, k // per_prompt, to_pil(image), faces=faces[k] if faces else 0,
                                            matches=matches[k] if matches else (),
                                            decision=outputs[k] if outputs else None, thumbnails=thumbnails))
    fail_closed = [e for d in decisions for e in d.errors if e.startswith("fail-closed")]
    fail_closed += [e for o in outputs for e in o.errors if "fail-closed" in e]
    all_errors = list(errors) + [e for d in decisions for e in d.errors if not e.startswith("fail-closed")]
    return AuditRecord(
        tenant=ctx.tenant, labels=dict(ctx.labels),
        policy={"name": settings.name, "version": settings.version, "sha256": settings.sha256},
        model_id=ctx.model_id, prefix_id=prefix.digest[:16] if prefix is not None else None,
        prompts=prompt_records, outputs=output_records, latency_ms=dict(timings),
        errors=all_errors, fail_closed=fail_closed,
    )
