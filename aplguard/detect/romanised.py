"""Romanised East Asian names: Chinese and Korean with a hyphenated given name, Japanese before a particle.

"Teng Hsiao-ping", "Mao Tse-tung", "Kim Jong-un", "Park Ji-sung": a surname written
first, then a given name of two syllables joined by a hyphen, in Wade-Giles,
McCune-Reischauer, Revised Romanisation or Hanyu Pinyin. The shape is specific: the
surname must be a listed romanised surname, both given-name syllables must be syllables
of those systems (``data/romanised_syllables.txt``, built from ``pypinyin``'s readings and
the Korean jamo tables, see ``_build_lexicons.py``), each part capitalised as a name is
("Hsiao-ping" or "Hsiao-Ping"). Loanwords of the same shape ("Tai-chi", "Kung-fu",
"Ping-pong", "Feng Shui") have no surname before them or are listed as compounds.
"""

from __future__ import annotations

import re

from ..types import Finding
from . import context
from .normalize import NormalizedText
from .resources import ResourceCache, load_dictionary_words, load_lexicon, load_romanised_syllables

_SHAPE = re.compile(r"(?<![\w'-])([A-Z][a-z]{1,6}) ([A-Z][a-z']{0,6})-([A-Za-z][a-z']{0,6})(?![\w-])")
# Hyphenated loanwords and dish, art and breed names spelled in these systems: never a given name.
COMPOUNDS = context.word_set("""tai-chi chi-kung qi-gong kung-fu ping-pong wing-chun feng-shui mah-jong mah-jongg
dim-sum chow-mein lo-mein kung-pao bok-choy pak-choi shih-tzu chow-chow pei-kin tae-kwon kim-chi bul-gogi
gang-nam yin-yang ying-yang tai-pan tao-te""")


def load_syllables(cache: ResourceCache) -> tuple[frozenset[str], frozenset[str]]:
    """(given-name syllables, surnames) of ``data/romanised_syllables.txt`` (cached)."""
    def build() -> tuple[frozenset[str], frozenset[str]]:
        given, surnames = load_romanised_syllables()
        return given, frozenset(s for s in surnames if len(s) >= 2)
    return cache.get("lexicon.romanised", build)


def find(norm: NormalizedText, cache: ResourceCache, detector: str) -> list[Finding]:
    """"Surname Syl-syl" names in ``norm`` (identity-seeking private-person findings)."""
    text = norm.text
    if "-" not in text or context.is_all_caps(text):
        return []
    given, surnames = load_syllables(cache)
    out = []
    for m in _SHAPE.finditer(text):
        sur, a, b = m.group(1).lower(), m.group(2).lower().replace("'", ""), m.group(3).lower().replace("'", "")
        if sur not in surnames or a not in given or b not in given or f"{a}-{b}" in COMPOUNDS:
            continue
        if m.group(1).lower() in context.FUNCTION_WORDS:
            continue
        if context.thing_after(norm.lower, m.end(), text=text) or context.place_before(norm.lower, m.start()):
            continue  # round 43d: "Sun Yat-sen Memorial Hall", "Zhongshan road": a place named after the person
        start, end = norm.span(m.start(), m.end())
        out.append(Finding(kind="private_person", score=0.7, start=start, end=end, text=norm.original[start:end],
                           detector=detector, canonical=None, identity_seeking=True,
                           explanation="romanised East Asian name (surname and hyphenated given name)"))
    return out


# Round 12: romanised Japanese, "Otani Shohei ga homuran wo utsu shashin", "Sato Haruki no shashin": a listed
# surname and a capitalised word written in Japanese syllables (no dictionary word), followed by a particle, in a
# prompt that asks for a picture in romanised Japanese ("shashin", "gazou", "irasuto", "e wo kaite"). Place names
# of that shape ("Kyoto Arashiyama no shashin") have no listed surname first.
_JA_NAME = re.compile(r"(?<![\w'-])([A-Z][a-z]{1,9}) ([A-Z][a-z]{1,9}) (?:ga|wa|wo|no|to|ni|san|kun|chan|sama)\b")
_JA_SYLLABLES = re.compile(r"(?:(?:[kgsztdnhbpmrfj]|sh|ch|ts|[kgnhbpmr]y)?[aeiou]|n(?![aeiouy])|[kstp](?=[kstpc]))+")
_JA_PICTURE = re.compile(r"\b(?:shashin|gazou|gazo|irasuto|nigaoe|shouzouga|e wo (?:kaite|kaku|egaite))\b")


def find_japanese(norm: NormalizedText, cache: ResourceCache, detector: str) -> list[Finding]:
    """"Surname Given <particle> ... shashin": romanised Japanese names (identity-seeking private-person findings)."""
    text = norm.text
    if not _JA_PICTURE.search(norm.lower) or context.is_all_caps(text):
        return []
    surnames = cache.get("lexicon.surnames", lambda: load_lexicon("surnames.txt"))
    dictionary = cache.get("lexicon.wordfreq", load_dictionary_words)
    out = []
    for m in _JA_NAME.finditer(text):
        sur, given = m.group(1).lower(), m.group(2).lower()
        if sur not in surnames or sur in dictionary or given in dictionary or sur in context.FUNCTION_WORDS:
            continue
        if not (_JA_SYLLABLES.fullmatch(sur) and _JA_SYLLABLES.fullmatch(given)):
            continue
        start, end = norm.span(m.start(1), m.end(2))
        out.append(Finding(kind="private_person", score=0.7, start=start, end=end, text=norm.original[start:end],
                           detector=detector, canonical=None, identity_seeking=True,
                           explanation="romanised Japanese name (surname and given name before a particle)"))
    return out
