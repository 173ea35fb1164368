"""One generation request's parameters, its batch key, and its share of a Guard call.

The gateway runs ``/v1/images/generations`` requests through
:class:`.batching.GenerationQueue`; requests with an equal :class:`BatchKey` may run
as one Guard call with the prompt list. This module holds what that needs and no
queueing: the key, the per-image generators (so a request's images do not depend on
what it was batched with), and :func:`split_output`, which gives each request its own
images, decisions and output checks back by prompt index.
"""

from __future__ import annotations

import base64
import io
import secrets
from dataclasses import dataclass, field
from typing import Any

from aplguard.types import Decision, Face, OutputDecision

from .errors import ApiError


@dataclass(frozen=True)
class BatchKey:
    """Everything that changes a request's result or its audit record, except its prompt and seed.

    Requests share a Guard call only when all of this is equal: the same key (so the
    same tenant and role, and one audit record never holds two callers' prompts), the
    same labels (policy conditions and the record read them), images per prompt and
    size. Steps, guidance and the pipeline are the process's config, the same for all.
    """

    key_id: str
    tenant: str | None
    user_role: str | None
    labels: tuple[tuple[str, str], ...]
    n: int
    width: int
    height: int
    response_format: str = "b64_json"


@dataclass(frozen=True)
class GenerationItem:
    """One request in the queue: its prompt, its seed, and its trace context (for the worker's spans)."""

    prompt: str
    seed: int | None
    trace_parent: Any = None
    queued_ns: int | None = None


@dataclass
class GenerationSlice:
    """One request's share of a (possibly batched) Guard call.

    ``index`` is the request's prompt index in the Guard call and so in its audit
    record; ``batch`` is how many requests that call served.
    """

    decision: Decision
    outputs: list[OutputDecision]
    faces: list[list[Face]]
    encoded: list[str | None]
    audit_id: str | None
    timings_ms: dict[str, float] = field(default_factory=dict)
    index: int = 0
    batch: int = 1


def backend_batches(backend: Any) -> bool:
    """Whether a Guard backend takes a list of prompts in one call.

    A backend may say so with a ``supports_batch`` attribute; without one, diffusers
    pipelines do (every diffusers text-to-image pipeline takes a prompt list) and
    anything else is not batched.
    """
    declared = getattr(backend, "supports_batch", None)
    if declared is not None:
        return bool(declared)
    from aplguard.backends.diffusers_backend import DiffusersBackend

    return isinstance(backend, DiffusersBackend)


def generators(items: list[GenerationItem], n: int) -> list[Any]:
    """One torch generator per image: image ``j`` of a request with seed ``s`` is seeded ``s + j``.

    Per-image generators make a request's starting noise independent of its batch:
    its images are the ones it gets alone. Requests without a seed get a random one
    (from ``secrets``, never torch's global generator).
    """
    import torch

    out: list[Any] = []
    for item in items:
        seed = item.seed if item.seed is not None else secrets.randbits(63)
        out.extend(torch.Generator().manual_seed(seed + j) for j in range(n))
    return out


def split_output(out: Any, count: int, n: int) -> list[GenerationSlice]:
    """Cut one Guard call's output over ``count`` requests of ``n`` images each (prompt-major)."""
    if out.signed_images:  # content credentials: the signed files are what the client gets
        encoded = [base64.b64encode(b).decode("ascii") if b is not None else None for b in out.signed_images]
    else:
        encoded = [png_b64(im) if im is not None else None for im in out.images]
    audit_id = out.audit_ids[0] if out.audit_ids else None
    faces, outputs = out.faces, out.output_decisions  # empty when nothing was checked: slices stay empty
    return [GenerationSlice(decision=out.decisions[i], outputs=list(outputs[i * n:(i + 1) * n]),
                            faces=list(faces[i * n:(i + 1) * n]), encoded=encoded[i * n:(i + 1) * n],
                            audit_id=audit_id, timings_ms=dict(out.timings_ms), index=i, batch=count)
            for i in range(count)]


def png_b64(image: Any) -> str:
    """A PIL image as base64 PNG (the OpenAI ``b64_json`` field)."""
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def parse_size(size: Any, allowed: list[str], native: tuple[int, int]) -> tuple[int, int]:
    """``"WxH"`` -> (width, height), checked against the allowed sizes (default: the model's native one)."""
    if size is None:
        return native
    if not isinstance(size, str):
        raise ApiError(400, "size: expected a string like '512x512'")
    choices = allowed or [f"{native[0]}x{native[1]}"]
    if size not in choices:
        raise ApiError(400, f"size: {size!r} is not served; one of {', '.join(choices)}")
    w, h = size.split("x")
    return int(w), int(h)
