"""The per-prompt result object of ``aplguard check --json`` (also served over HTTP)."""

from __future__ import annotations

from typing import Any

from ..types import Decision


def check_result(index: int, decision: Decision, settings: Any, elapsed_ms: float) -> dict[str, Any]:
    """The documented JSON contract for one screened prompt."""
    return {
        "prompt_index": index,
        "decision": decision.action,
        "identity_seeking": decision.identity_seeking,
        "flagged": decision.flagged,
        "rule": decision.rule,
        "findings": [{"kind": f.kind, "text": f.text, "start": f.start, "end": f.end, "canonical": f.canonical,
                      "score": f.score, "detector": f.detector} for f in decision.findings],
        "rewritten_prompt": decision.rewritten_prompt,
        "policy": {"name": settings.name, "version": settings.version, "sha256": settings.sha256},
        "elapsed_ms": round(elapsed_ms, 4),
    }
