"""The built-in name lists as shared indexes (public figures, non-person names, visual artists).

Each index is built once per :class:`~aplguard.detect.resources.ResourceCache` and never
mutated afterwards.
"""

from __future__ import annotations

from .names_index import NameIndex
from .phonetic import PhoneticIndex
from .resources import (
    Person,
    ResourceCache,
    load_descriptions,
    load_non_person_names,
    load_public_figures,
    load_stage_name_works,
    load_visual_artists,
)
from .translit import TranslitIndex


def builtin_index(cache: ResourceCache) -> NameIndex:
    """The index of built-in public figures and descriptions, loaded once per cache."""
    return cache.get("gazetteer.builtin", lambda: NameIndex(load_public_figures(), load_descriptions()))


def translit_index(cache: ResourceCache, skip: frozenset[str]) -> TranslitIndex:
    """The built-in public figures by the transliteration folds of their Latin names (round 14a).

    ``skip``: words never taken for a lone surname (the gazetteer's never-fuzzy words).
    """
    aliases = builtin_index(cache).aliases  # the cache lock is not re-entrant: fetched before building
    return cache.get("gazetteer.translit", lambda: TranslitIndex(aliases, skip))


def phonetic_index(cache: ResourceCache) -> PhoneticIndex:
    """The built-in public figures by the phonetic keys of their names (scripts the list lacks)."""
    aliases = builtin_index(cache).aliases  # the cache lock is not re-entrant: fetched before building
    return cache.get("gazetteer.phonetic", lambda: PhoneticIndex(aliases))


def non_person_index(cache: ResourceCache) -> NameIndex:
    """Fictional characters, brands and places that look like names (exact only)."""
    def build() -> NameIndex:
        return NameIndex([Person(canonical=n, aliases=(), source="non_person") for n in load_non_person_names()],
                         fuzzy=False)
    return cache.get("gazetteer.non_person", build)


def visual_artists(cache: ResourceCache) -> frozenset[str]:
    """Canonical names of people known for a visual style (``data/visual_artists.txt``)."""
    return cache.get("gazetteer.visual_artists", load_visual_artists)


def stage_name_works(cache: ResourceCache) -> dict[str, tuple[str, ...]]:
    """Signature works of people whose stage name is also a word (``data/stage_name_works.txt``)."""
    return cache.get("gazetteer.stage_name_works", load_stage_name_works)


def non_person_spans(cache: ResourceCache, key: str) -> list[tuple[int, int]]:
    """Key spans of non-person names ("Walt Disney World", "Homer Simpson") in a match key."""
    return [(h.start, h.end) for h in non_person_index(cache).exact(key)]


def covered(spans: list[tuple[int, int]], kstart: int, kend: int) -> bool:
    """Whether one of ``spans`` covers ``kstart..kend``."""
    return any(a <= kstart and kend <= b for a, b in spans)
