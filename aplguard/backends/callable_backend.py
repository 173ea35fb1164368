"""Adapter for plain callables: screen, rewrite, block and audit, but no prefix."""

from __future__ import annotations

from typing import Any

from ..errors import BackendError, PrefixError
from ..prefix import SoftPrompt


class CallableBackend:
    """Wrap a plain callable ``fn(prompts: list[str], **kwargs) -> images``.

    Screening, rewriting, blocking and auditing work; anonymisation does not
    (there is no text encoder to put a prefix in front of), so the Guard fails
    closed on ``anonymize`` decisions.
    """

    supports_prefix = False
    family = "callable"

    def __init__(self, fn: Any, model_id: str | None = None):
        if not callable(fn):
            raise BackendError(f"pipe: {type(fn).__name__} is not callable")
        self.fn = fn
        self.prefix = None
        self.model_id = model_id or getattr(fn, "__name__", type(fn).__name__)
        self.max_length = 10**9

    def install_prefix(self, prefix: SoftPrompt) -> None:
        raise PrefixError("a plain callable backend cannot apply an APL prefix; wrap a diffusers pipeline instead")

    def generate(self, prompts: list[str], anonymize: list[bool], kwargs: dict[str, Any]) -> Any:
        if any(anonymize):
            raise PrefixError("a plain callable backend cannot anonymize")
        return self.fn(prompts, **kwargs)
