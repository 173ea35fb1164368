"""What the ComfyUI and A1111 screeners share: one screened text and the outcome of a request."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aplguard.errors import AplGuardError
from aplguard.types import Decision, RequestContext

# Where a text goes: into positive conditioning (prefixed on anonymise), negative
# conditioning (never prefixed), or a place the screener could not classify.
ROLES = ("positive", "negative", "unknown")


class HostRequestError(AplGuardError, ValueError):
    """A host request (workflow or API body) the guard cannot screen; the message names the place."""


@dataclass(frozen=True)
class ScreenedText:
    """One text a request feeds to a text encoder, with the policy's decision.

    Attributes:
        where: the place in the request (``node 6 (CLIPTextEncode).text``, ``prompt``).
        role: positive | negative | unknown.
        text: the text as sent.
        decision: the policy's decision for it.
        sent: the text forwarded upstream (prefixed/rewritten), None when blocked.
    """

    where: str
    role: str
    text: str
    decision: Decision
    sent: str | None = None


@dataclass(frozen=True)
class ScreenResult:
    """A screened request: the body to forward, or the decision that blocks it."""

    body: dict[str, Any]
    texts: tuple[ScreenedText, ...] = ()
    blocked: ScreenedText | None = None
    refusal: str | None = None  # a refusal that is not a policy block (e.g. cannot prefix safely)
    ctx: RequestContext = field(default_factory=RequestContext)

    @property
    def ok(self) -> bool:
        return self.blocked is None and self.refusal is None

    @property
    def message(self) -> str:
        """The user-facing reason for a refusal (the policy's message for a block)."""
        if self.blocked is not None:
            return self.blocked.decision.message or "This prompt cannot be generated under the platform's policy."
        return self.refusal or ""

    @property
    def positive_decision(self) -> Decision | None:
        """The decision the output check treats as the prompt's: the strongest on a positive text."""
        rank = {"allow": 0, "anonymize": 1, "rewrite": 2, "block": 3}
        pos = [t.decision for t in self.texts if t.role != "negative"]
        return max(pos, key=lambda d: (rank.get(d.action, 0), d.anonymize)) if pos else None


def mentions(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a whole word (case-insensitive)."""
    return re.search(rf"(?<![\w:-]){re.escape(word)}(?![\w-])", text, flags=re.IGNORECASE) is not None


__all__ = ["HostRequestError", "ROLES", "ScreenResult", "ScreenedText", "mentions"]
