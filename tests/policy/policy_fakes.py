"""Scripted (fake) detectors for the policy tests.

``scripted`` finds the phrases listed in its ``phrases`` parameter (case-
insensitively) plus the names of the protected lists the engine supplies, and
reports them with the given kind/score/canonical; ``failing`` always raises.
They implement the detector port (``aplguard.ports.Detector``: ``id``, ``kinds``, ``load()``, ``detect(text)``).
"""

from __future__ import annotations

from aplguard.registry import Registry
from aplguard.types import Finding


class ScriptedDetector:
    """Finds fixed phrases; a stand-in for the real gazetteer in engine tests."""

    kinds = frozenset({"public_figure", "protected", "private_person"})

    def __init__(self, phrases: list[dict] | None = None, protected: list[dict] | None = None,
                 id: str = "scripted"):
        self.id = id
        self.protected = protected
        self.phrases = [dict(p) for p in (phrases or [])]
        for entry in protected or []:
            for name in [entry["name"], *entry.get("aliases", [])]:
                self.phrases.append({"text": name, "kind": "protected", "canonical": entry["name"], "score": 0.95})

    def load(self) -> ScriptedDetector:
        return self

    def detect(self, text: str) -> list[Finding]:
        low = text.lower()
        out = []
        for p in self.phrases:
            needle = p["text"].lower()
            start = low.find(needle)
            while start >= 0:
                out.append(Finding(kind=p.get("kind", "public_figure"), score=float(p.get("score", 0.9)),
                                   start=start, end=start + len(needle), text=text[start:start + len(needle)],
                                   detector=self.id, canonical=p.get("canonical"),
                                   identity_seeking=p.get("identity_seeking", True)))
                start = low.find(needle, start + 1)
        return out


class FailingDetector:
    kinds = frozenset({"public_figure"})

    def __init__(self, **_: object):
        self.id = "failing"

    def load(self) -> FailingDetector:
        return self

    def detect(self, text: str) -> list[Finding]:
        raise RuntimeError(f"boom on {text}")  # the message quotes the prompt on purpose


def make_registry(shipped_types: bool = False) -> Registry:
    """scripted + failing; with ``shipped_types`` also the types shipped policies name, all scripted."""
    reg = Registry("detector")
    reg.register("scripted", ScriptedDetector)
    reg.register("failing", FailingDetector)
    if shipped_types:
        for name in ("gazetteer", "name_shape", "personalization", "ner"):
            reg.register(name, ScriptedDetector)
    return reg
