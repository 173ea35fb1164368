"""The built-in name lists as shared indexes (public figures, non-person names, visual artists).

Each index is built once per :class:`~aplguard.detect.resources.ResourceCache` and never
mutated afterwards.
"""

from __future__ import annotations

import re
import unicodedata

from .context import COMMON_WORDS, FUNCTION_WORDS
from .names_index import NameIndex
from .phonetic import PhoneticIndex
from .resources import (
    Person,
    ResourceCache,
    load_descriptions,
    load_lexicon,
    load_non_person_names,
    load_public_figures,
    load_stage_name_works,
    load_visual_artists,
)
from .translit import TranslitIndex


def builtin_index(cache: ResourceCache) -> NameIndex:
    """The index of built-in public figures and descriptions, loaded once per cache."""
    # the first names are shared with the gazetteer's other rules (the cache lock is not re-entrant: fetched first)
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    return cache.get("gazetteer.builtin",
                     lambda: _builtin(load_public_figures(), first))


def _builtin(people: list[Person], first: frozenset[str]) -> NameIndex:
    return NameIndex(people, load_descriptions(), surname_first=surname_first_forms(people, first))


_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f]+(?:-[A-Za-z\u00c0-\u024f]+)? [A-Za-z\u00c0-\u024f]+(?:-[A-Za-z\u00c0-\u024f]+)?$")
# surnames of the languages that write them first in lists, captions or natively: East and South Slavic endings in
# Latin letters and Cyrillic, Georgian and Armenian endings, Hungarian letters and digraphs ("Nagy", "Kovács", "Szabó")
_SURNAME_FIRST_ENDINGS = (
    "enko", "chuk", "czuk", "chyk", "ov", "ova", "ev", "eva", "in", "ina", "sky", "skyi", "skiy", "ska", "ski", "vic",
    "vić", "vich", "ić", "yk", "uk", "shvili", "dze", "yan", "ó",
    "енко", "чук", "ов", "ова", "ев", "ева", "ёв", "ин", "ина", "ский", "ський", "ська", "ская", "ич", "ић", "ук", "юк",
    "ян", "дзе", "швили")
_HUNGARIAN_LETTERS = ("gy", "sz", "zs", "cs", "ő", "ű", "á")


def _surname_first_culture(surname: str) -> bool:
    """Whether a surname looks like one of the languages that write the surname first (cheap string tests)."""
    low = surname.lower()
    return low.endswith(_SURNAME_FIRST_ENDINGS) or any(d in low for d in _HUNGARIAN_LETTERS)


def _fold(word: str) -> str:
    """A word as a lexicon key: lower case, accents off (enough for one word of Latin or Cyrillic letters)."""
    low = word.lower()
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


_CYRILLIC_NAME = re.compile(r"^[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)? [\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)?$")


def surname_first_forms(people: list[Person], given_names: frozenset[str]) -> list[tuple[Person, str]]:
    """The two-word names of the people in surname-first order, as ``(person, form)`` (round 34b).

    Hungarian writes "Orbán Viktor", "Nagy Imre" natively; Ukrainian, Russian and Serbian lists and captions write
    "Шевченко Андрій". Only where the surname is no everyday word and no given name ("Swift Taylor", "Jordan
    Michael" stay out) and the given name is no everyday word or city ("Hilton Paris" is a hotel), and only where
    the reversed form is no other listed name. ``given_names``: the first-name lexicon (match keys).
    """
    plain = load_lexicon("common_words.txt") | COMMON_WORDS | FUNCTION_WORDS | load_lexicon("cities.txt")
    # (the listed forms as written, lower case: key_of() on every form would cost a tenth of a second at load)
    taken = {f.lower() for p in people for f in (p.canonical,) + p.aliases + p.native + p.ambiguous}
    out: list[tuple[Person, str]] = []
    for person in people:
        for form in dict.fromkeys((person.canonical,) + person.aliases + person.native):
            parts = form.split()
            if len(parts) != 2 or not (_LATIN_NAME.match(form) or _CYRILLIC_NAME.match(form)):
                continue  # (two words of one script: Arabic, Hebrew, Thai or CJK lists keep one order)
            if not _surname_first_culture(parts[1]):
                continue
            given, surname = _fold(parts[0]), _fold(parts[1])
            if len(surname) < 4 or surname in plain or surname in given_names or given in plain:
                continue
            reversed_form = f"{parts[1]} {parts[0]}"
            if reversed_form.lower() in taken:
                continue
            taken.add(reversed_form.lower())
            out.append((person, reversed_form))
    return out


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
