"""Adapter for plain callables: screen, rewrite, block and audit, but no prefix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import BackendError, PrefixError
from ..ports import Generation
from ..prefix import SoftPrompt


class CallableBackend:
    """Wrap a plain callable ``fn(prompts: list[str], **kwargs) -> images`` (a :class:`~aplguard.ports.Backend`).

    Screening, rewriting, blocking and auditing work; anonymisation does not
    (there is no text encoder to put a prefix in front of), so the Guard fails
    closed on ``anonymize`` decisions. ``fn`` may return a list of images or an
    object with an ``images`` list (as diffusers pipelines do).
    """

    supports_prefix = False
    family = "callable"
    per_prompt_kwargs: tuple[str, ...] = ("negative_prompt",)

    def __init__(self, fn: Callable[..., Any], model_id: str | None = None):
        if not callable(fn):
            raise BackendError(f"pipe: {type(fn).__name__} is not callable")
        self.fn = fn
        self.model_id: str = model_id or str(getattr(fn, "__name__", type(fn).__name__))

    def install_prefix(self, prefix: SoftPrompt) -> None:
        raise PrefixError("a plain callable backend cannot apply an APL prefix; wrap a diffusers pipeline instead")

    def uninstall_prefix(self) -> None:
        """Nothing was installed."""

    def generate(self, prompts: list[str], anonymize: list[bool], kwargs: dict[str, Any]) -> Generation:
        if any(anonymize):
            raise PrefixError("a plain callable backend cannot anonymize")
        raw = self.fn(prompts, **kwargs)
        images = raw.images if isinstance(getattr(raw, "images", None), list) else raw
        if images is None:
            return Generation(images=[], raw=raw)
        if not isinstance(images, (list, tuple)):
            raise BackendError(f"{self.model_id}: expected a list of images, got {type(images).__name__}")
        return Generation(images=list(images), raw=raw)
