"""Two or three unknown capitalised words right after a portrait word: a private person (round 42).

"portrait of Zhaksylyk Omarbekov in his office", "headshot of Tsetseg Dorjsuren, herder": the name lists hold
the given names of some traditions only, so a private person of another one has no listed word at all. A portrait,
headshot or mugshot is asked of a person, and the words right after it, when no dictionary, city, thing or region
list of any language holds them and they are written as a name, are that person's name. Unlike "photo of", these
words are said of people; a place ("portrait of Mount Fuji") has dictionary words, a listed city or a place word
after it, which the caller's place and thing checks also see.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# cheap substrings of the portrait words (accents folded, lower case): the rule runs only when one is present
_CHEAP = ("portra", "retrat", "ritratt", "portret", "bildnis", "headshot", "mugshot", "muotokuva", "portre", "potret")
# a portrait word, then "of" in the prompt's language (English, Romance, German, Dutch, Nordic, Slavic, Finnish,
# Hungarian, Turkish, Indonesian forms); the name must follow at once
_PORTRAIT_OF = re.compile(
    r"\b(?:portrait|portraits|portrait photo|portrait photograph|headshot|headshots|mugshot|retrato|ritratto|"
    r"portret|portrat|portratt|portrett|portretfoto|bildnis|portre|potret|muotokuva)"
    r"(?:\s+(?:of|de|do|da|del|di|della|dello|du|des|von|van|av|af|od|dari))?\s+")
# the name: two or three capitalised words (a hyphenated part allowed), ending at a word boundary
_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}(?![\w'-])")
# what may follow a name: the end, punctuation, or (checked by the caller) something a person does
_ENDS = re.compile(r"\s*(?:[,.;:!)]|$)")


def find(text: str, lower: str, unknown_word: Callable[[str], bool],
         person_next: Callable[[int], bool]) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` in the normalised ``text`` of unknown names right after a portrait word.

    ``unknown_word(key)`` says a lower-case word is no word of any list (dictionary, common words, things,
    regions, cities); ``person_next(end)`` says the words after ``end`` are said of a person.
    """
    if not any(c in lower for c in _CHEAP):
        return []
    spans = []
    for m in _PORTRAIT_OF.finditer(lower):
        name = _NAME.match(text, m.end())
        if name is None:
            continue
        parts = name.group().replace("-", " ").split()
        keys = [p.lower() for p in parts]
        if len(set(keys)) < len(keys) or not all(unknown_word(k) for k in keys):
            continue  # "Bora Bora": a doubled word is a place; a word a list knows may be anything
        if _ENDS.match(text, name.end()) or person_next(name.end()):
            spans.append((name.start(), name.end()))
    return spans
