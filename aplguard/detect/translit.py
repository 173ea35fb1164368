"""Latin transliteration variants of listed names (round 14a): "amro diyab" (Amr Diab), "vissotsky" (Vysotsky).

Names from Arabic, Russian and other scripts are romanised in several ways: Amr/Amro/Amrou, Diab/Diyab/Dhiab,
Vysotsky/Vissotsky/Wyssotzky, Yeltsin/Jelzin. The fuzzy matcher allows one or two edits, which these variants often
exceed; they differ in *how* a sound is written, not in the letters chosen at random. ``fold`` writes a word the way
those systems agree on: h-digraphs without the h (dh, kh, gh, th, ph -> f), "ou"/"oo" as "u", "ee"/"iy"/"y" as
"i", a "j" that starts a syllable as "y" (Jelzin), "w" as "v", "ck" as "k", "tz" as "ts", doubled letters once, and a final vowel after two consonants dropped
(the silent "o" of "Amro"). Listed names are indexed by the folds of their words; a prompt's words that fold to a
listed name are a transliterated mention unless every written word is a dictionary word (so "sting ray" never
turns into anyone), and a lone surname only when it is a distinctive one (6+
letters, no word, first name or common surname) and the written word is no real word either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .names_index import Alias, Hit

_RULES = (
    (re.compile(r"sch"), "sh"), (re.compile(r"ph"), "f"), (re.compile(r"([dkgt])h"), r"\1"),
    (re.compile(r"ck"), "k"), (re.compile(r"ou|oo"), "u"), (re.compile(r"ee|iy|ij"), "i"), (re.compile(r"^j(?=[aeiouy])"), "y"),
    (re.compile(r"y"), "i"),
    (re.compile(r"w"), "v"), (re.compile(r"tz"), "ts"), (re.compile(r"q"), "k"), (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[^aeiou][^aeiou])[aeiou]{1,2}$"), ""),
)
_WORD = re.compile(r"[a-z]{2,}")


def fold(word: str) -> str:
    """The transliteration-neutral spelling of a lower-case ASCII word."""
    for rx, rep in _RULES:
        word = rx.sub(rep, word)
    return word


class TranslitIndex:
    """Listed Latin names by the folds of their words.

    Args:
        aliases: the aliases of a :class:`~aplguard.detect.names_index.NameIndex` (names only are used).
        skip: words never taken for a lone surname (dictionary words, first names, common surnames).
    """

    def __init__(self, aliases: Iterable[Alias], skip: frozenset[str]):
        self._multi: dict[tuple[str, ...], list[Alias]] = {}
        self._single: dict[str, list[Alias]] = {}
        self._skip = skip
        self._folds: dict[str, str] = {}  # memo of prompt words' folds (bounded below)
        folds: dict[str, str] = {}  # the same words recur across names (half of them): fold each once

        def fold_once(w: str) -> str:
            got = folds.get(w)
            if got is None:
                got = folds[w] = fold(w)
            return got

        for a in aliases:
            if a.kind != "name" or a.ambiguous or not a.key.isascii():
                continue
            words = a.key.split()
            if not all(w.isalpha() for w in words):
                continue
            if 2 <= len(words) <= 3:
                self._multi.setdefault(tuple(fold_once(w) for w in words), []).append(a)
                last = words[-1]
                if len(last) >= 6 and last not in skip:
                    self._single.setdefault(fold_once(last), []).append(a)

    def _fold(self, word: str) -> str:
        got = self._folds.get(word)
        if got is None:
            if len(self._folds) > 50_000:
                self._folds.clear()  # hostile input: keep the memo bounded
            got = self._folds[word] = fold(word)
        return got

    def find(self, key: str, dictionary: frozenset[str]) -> list[Hit]:
        """Transliterated mentions in a match key (``how="phonetic"``, spans in key offsets)."""
        toks = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(key)]
        folds = [self._fold(t) for t, _, _ in toks]
        hits: list[Hit] = []
        for i in range(len(toks)):
            for n in (3, 2):
                cands = self._multi.get(tuple(folds[i:i + n])) if i + n <= len(toks) else None
                for a in cands or ():
                    listed = a.key.split()
                    written = [t for t, _, _ in toks[i:i + n]]
                    changed = [t for t, w in zip(written, listed) if t != w]
                    # dictionary words only ("sting ray") never make a name; a variant no dictionary has does
                    if changed and not all(t in dictionary for t in written):
                        hits.append(Hit(toks[i][1], toks[i + n - 1][2], a, 0.8, "phonetic"))
            tok = toks[i][0]
            if len(tok) >= 6 and tok not in self._skip and tok not in dictionary:
                for a in self._single.get(folds[i], ()):
                    if tok != a.key.split()[-1]:
                        hits.append(Hit(toks[i][1], toks[i][2], a, 0.8, "phonetic"))
        return hits
