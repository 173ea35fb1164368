"""Identity-seeking prompt detection.

Every detector has an ``id`` and ``detect(text) -> list[Finding]`` with spans in
the original prompt. Build them by name from a policy with
:func:`detector_registry`, or take the default stack::

    from aplguard.detect import default_detectors, detect_prompt
    findings = detect_prompt("a photo of t4yl0r sw1ft", default_detectors())
    any(f.identity_seeking for f in findings)  # True

Built-in detector types: ``gazetteer`` (known people), ``name_shape`` (private
names), ``personalization`` (DreamBooth/LoRA/TI tokens and likeness phrases) and
``ner`` (spaCy PERSON, needs ``aplguard[ner]``). Third-party detectors register
through the ``aplguard.detectors`` entry-point group.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from ..ports import Detector
from ..registry import Registry
from ..types import IDENTITY_KINDS, Finding
from .gazetteer import GazetteerDetector, ProtectedEntries
from .name_shape import NameShapeDetector
from .ner import NerDetector
from .normalize import MAX_SCAN_CHARS, NormalizedText, normalize
from .personalization import PersonalizationDetector
from .resources import SHARED_CACHE, ResourceCache

__all__ = [
    "MAX_SCAN_CHARS",
    "SHARED_CACHE",
    "Detector",
    "GazetteerDetector",
    "NameShapeDetector",
    "NerDetector",
    "NormalizedText",
    "PersonalizationDetector",
    "PromptView",
    "ReadsNormalizedText",
    "ResourceCache",
    "default_detectors",
    "detect_prompt",
    "detector_registry",
    "is_identity_seeking",
    "merge_findings",
    "normalize",
]


def detector_registry() -> Registry[Detector]:
    """A fresh registry with the built-in detector types (plus entry-point plug-ins)."""
    registry: Registry[Detector] = Registry("detector", "aplguard.detectors")
    registry.register("gazetteer", GazetteerDetector)
    registry.register("name_shape", NameShapeDetector)
    registry.register("personalization", PersonalizationDetector)
    registry.register("ner", NerDetector)
    return registry


def default_detectors(protected: ProtectedEntries | None = None, ner: bool = False,
                      cache: ResourceCache | None = None) -> list[Detector]:
    """The default stack: gazetteer, name shape, personalisation (and NER if asked).

    Args:
        protected: the policy's protected identities for the gazetteer.
        ner: add the spaCy NER detector (needs ``aplguard[ner]``).
        cache: resource cache shared by the detectors (default: process-wide).
    """
    detectors: list[Detector] = [
        GazetteerDetector(protected=protected, cache=cache),
        NameShapeDetector(cache=cache),
        PersonalizationDetector(cache=cache),
    ]
    if ner:
        detectors.append(NerDetector(cache=cache))
    return detectors


_KIND_RANK = {"protected": 5, "public_figure": 4, "personalization": 3, "private_person": 2, "likeness": 1}


def _strength(f: Finding) -> tuple[bool, int, float, int, bool]:
    return (f.identity_seeking, _KIND_RANK.get(f.kind, 0), f.score, f.end - f.start,
            f.canonical is not None)


def merge_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings whose span overlaps a stronger one; return them in text order.

    Strength: identity-seeking first, then kind (protected > public_figure >
    personalization > private_person > likeness), score, span length. Ties keep
    a deterministic order (start, end, kind, detector, canonical).
    """
    order = sorted(findings, key=lambda f: (f.start, f.end, f.kind, f.detector, f.canonical or ""))
    starts: list[int] = []  # kept non-empty spans never overlap: sorted starts and ends bisect together
    ends: list[int] = []
    kept: list[Finding] = []
    empty: list[Finding] = []  # empty spans (no detector makes them) are checked one by one
    for f in sorted(order, key=_strength, reverse=True):  # stable: ties keep text order
        if f.end == f.start or empty:
            if any(f.start < k.end and k.start < f.end for k in kept):
                continue
        else:
            i = bisect.bisect_left(starts, f.start)
            if (i < len(starts) and starts[i] < f.end) or (i > 0 and ends[i - 1] > f.start):
                continue
        if f.end == f.start:
            empty.append(f)
        else:
            i = bisect.bisect_left(starts, f.start)
            starts.insert(i, f.start)
            ends.insert(i, f.end)
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end, f.kind, f.detector, f.canonical or ""))


@runtime_checkable
class ReadsNormalizedText(Protocol):
    """A detector that can read a prompt already normalised (the built-in ones): :class:`PromptView` hands it the
    shared :class:`NormalizedText` instead of the raw text."""

    def detect_normalized(self, norm: NormalizedText) -> list[Finding]: ...


class PromptView:
    """One prompt as the detectors read it: normalised on first need, once, and shared by every detector that reads
    a :class:`NormalizedText` (``detect_normalized``: the built-in ones); other detectors get the text."""

    __slots__ = ("text", "_norm")

    def __init__(self, text: str) -> None:
        self.text = text
        self._norm: NormalizedText | None = None

    def detect(self, detector: Detector) -> list[Finding]:
        """``detector``'s findings for this prompt."""
        if not isinstance(detector, ReadsNormalizedText):
            return list(detector.detect(self.text))
        if self._norm is None:
            self._norm = normalize(self.text)
        return list(detector.detect_normalized(self._norm))


def detect_prompt(text: str, detectors: Iterable[Detector] | None = None) -> list[Finding]:
    """Run detectors (default stack if None) on one prompt and merge their findings (normalised once:
    :class:`PromptView`)."""
    view = PromptView(text)
    found: list[Finding] = []
    for detector in detectors if detectors is not None else default_detectors():
        found.extend(view.detect(detector))
    return merge_findings(found)


def is_identity_seeking(findings: Iterable[Finding]) -> bool:
    """True when any finding says the prompt asks for a specific real person."""
    return any(f.identity_seeking and f.kind in IDENTITY_KINDS for f in findings)
