"""Name index: Aho-Corasick exact matching plus bounded fuzzy matching.

Built from :class:`~aplguard.detect.resources.Person` entries (the built-in list or
a policy's protected identities). Everything works on *match keys*
(:func:`aplguard.detect.normalize.match_key`): lower-case letters and digits with
single spaces.

* exact: every alias, its spaceless form ("taylorswift", for hashtags and
  "Tom_Hanks"-style joins) and native-script names; word boundaries are checked
  except for Chinese/Japanese names, which are written without spaces.
* Russian case endings: Cyrillic names are also matched on stems, so "Илона Маска"
  finds "Илон Маск".
* fuzzy: multi-word Latin names whose every word is within one edit (two for
  words of 8+ letters, same first letter) of the listed spelling, found through a
  deletion-neighbourhood index (microseconds, no scan over the list).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol

from .._deps import require
from . import inflection
from .context import COMMON_WORDS, word_set
from .normalize import key_of
from .resources import Person

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
_KATAKANA_WORD = re.compile(r"^[\u30a0-\u30ff ]+$")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
_ABJAD = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]")
# Indic scripts, and (round 14b) Lao, Tibetan, Burmese and Khmer, which glue particles onto a name's end
# ("အောင်ဆန်းစုကြည်ရဲ့ပုံ": Aung San Suu Kyi's picture)
_INDIC = re.compile(r"[\u0780-\u07bf\u0900-\u0dff\u0e80-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")
_ARABIC_PROCLITICS = frozenset("وبلفك")
_HEBREW_PROCLITICS = frozenset("והבלמשכ")
_RU_ENDINGS = ("ого", "его", "ому", "ему", "ий", "ый", "ой", "ей", "ои", "еи", "ыи", "ии", "ая", "яя",
               "ом", "ем", "ым", "им", "ах", "ях", "ов", "ев", "ую", "юю", "ою", "а", "я", "у", "ю", "е", "ы",
               "и", "о", "ь", "й")
# Match keys fold "й" to "и" (the breve is a combining mark), so "Толстой" arrives as
# "толстои"; "ои"/"еи"/"ыи"/"ии" above are those folded endings ("Великой" -> "велик").
# Aliases are also indexed under their older one-letter stem ("сергеи" -> "серге", which
# "Сергея" stems to) and without a folded adjectival ending (see _alias_stems).
_RU_FOLDED_ADJ = ("ои", "еи", "ии", "ыи")
# Surname suffixes that look like case endings: "-ов"/"-ев"/"-ин" keep them when inflected.
_RU_SURNAME_SUFFIXES = ("ов", "ев", "ин", "ын")
_STOP = word_set("a an the of and or in on at to with by for from as is my our his her")


class _Automaton(Protocol):
    """The part of ``ahocorasick.Automaton`` (an untyped C extension) the index uses."""

    def iter(self, text: str) -> Iterator[tuple[int, tuple[str, tuple[Alias, ...]]]]:
        """(end index, stored value) for every key found in ``text``."""
        ...


@dataclass(frozen=True)
class Alias:
    """One way of writing a person's name, as stored in the index."""

    person: Person
    form: str  # as written in the list (capitals matter for ambiguous aliases)
    key: str
    ambiguous: bool = False
    kind: str = "name"  # name | compact | native | description


@dataclass(frozen=True)
class Hit:
    """A match in key coordinates."""

    start: int
    end: int
    alias: Alias
    similarity: float = 1.0
    how: str = "exact"  # exact | stem | fuzzy | ordinal | phonetic


# punctuation inside a word of a Latin alias ("M-TP"): people leave it out; only aliases of two words or more
_INNER_PUNCT = re.compile(r"(?<=\w)[-'.’](?=\w)")


def ru_stem(token: str) -> str:
    """Strip one Russian case ending, keeping at least three letters."""
    for end in _RU_ENDINGS:
        if token.endswith(end) and len(token) - len(end) >= 3:
            return token[: -len(end)]
    return token


def _stem_key(key: str, latin: bool = False) -> tuple[str, list[int], list[int]]:
    """Stem Cyrillic tokens of a key (``latin``: Latin ones, :func:`inflection.stem`); map each stemmed char to
    key start and token end."""
    out: list[str] = []
    idx: list[int] = []
    tok_end: list[int] = []
    for m in re.finditer(r"\S+", key):
        tok = m.group()
        stem = (inflection.stem(tok) if tok < "\u0250" and max(tok) < "\u0250" else tok) if latin else ru_stem(tok) if _CYR.search(tok) else tok
        if out:
            out.append(" ")
            idx.append(m.start() - 1)
            tok_end.append(m.start() - 1)
        for k, c in enumerate(stem):
            out.append(c)
            idx.append(m.start() + k)
            tok_end.append(m.end())
    return "".join(out), idx, tok_end


def _alias_stems(key: str) -> set[str]:
    """Stemmed forms under which an alias is indexed ("толстои" -> "толсто" and "толст")."""
    options = []
    for tok in key.split(" "):
        opts = {ru_stem(tok) if _CYR.search(tok) else tok}
        if _CYR.search(tok) and tok.endswith(_RU_FOLDED_ADJ) and len(tok) - 2 >= 3:
            opts.add(tok[:-2])
            opts.add(tok[:-1])  # "сергеи" -> "серге", the stem of "Сергея"
        if _CYR.search(tok) and tok.endswith(_RU_SURNAME_SUFFIXES):
            opts.add(tok)  # "горбачев" stems to "горбач", but "Горбачёва" to "горбачев"
        options.append(sorted(opts))
    return {" ".join(c) for c in itertools.product(*options)}


def _deletions(token: str) -> set[str]:
    return {token[:i] + token[i + 1:] for i in range(len(token))}


def _allowed_edits(token: str) -> int:
    return 0 if len(token) < 4 else (1 if len(token) < 8 else 2)


class NameIndex:
    """Exact, stem and fuzzy lookup of a list of people in match keys.

    Args:
        people: the people to index.
        descriptions: ``(phrase, canonical)`` descriptive references to index too.
        fuzzy: build the fuzzy index.
        surname_first: ``(person, form)`` more exact forms of listed people (their names surname first).
    """

    def __init__(self, people: Sequence[Person], descriptions: Sequence[tuple[str, str]] = (),
                 fuzzy: bool = True, surname_first: Sequence[tuple[Person, str]] = ()):
        ahocorasick = require("ahocorasick", "detect")
        self._osa = require("rapidfuzz.distance", "detect").OSA
        self.people = list(people)
        self.by_canonical = {p.canonical: p for p in self.people}
        by_canonical = self.by_canonical
        table: dict[str, list[Alias]] = {}
        key_of_form: dict[str, str] = {}
        stem_table: dict[str, list[Alias]] = {}
        latin_table: dict[str, list[Alias]] = {}
        self._fuzzy_aliases: dict[str, list[tuple[tuple[str, ...], Alias]]] = {}
        self._token_variants: dict[str, set[str]] = {}
        self._single: dict[str, list[Alias]] = {}
        #: every name and native-script alias as listed (for indexes of other kinds, e.g. phonetic)
        self.aliases: list[Alias] = []

        def add(alias: Alias) -> None:
            if not alias.key:
                return
            table.setdefault(alias.key, []).append(alias)
            if alias.kind in ("name", "native") and alias.key == key_of_form.get(alias.form):
                self.aliases.append(alias)
            if _CYR.search(alias.key):
                for stem in _alias_stems(alias.key):
                    stem_table.setdefault(stem, []).append(alias)
            elif (alias.kind in ("name", "native") and not alias.ambiguous and 2 <= alias.key.count(" ") + 1 <= 3
                  and max(alias.key) < "\u0250" and len(alias.key) >= 9):
                # round 22b: "roberta lewandowskiego", "o tomaszu stance": a Latin name in a case form
                # (round 23b: also a name its stem leaves whole, "kaja kallas", found as "kaja kallasest")
                latin_stem = _stem_key(alias.key, latin=True)[0]
                latin_table.setdefault(latin_stem, []).append(alias)

        for person in self.people:
            forms = [(a, False) for a in dict.fromkeys((person.canonical,) + person.aliases + person.native)]
            forms += [(a, True) for a in person.ambiguous]
            for form, ambiguous in forms:
                key = key_of(form)
                key_of_form[form] = key
                # A one-word alias that is an English word ("Rosé", "Drake") is ambiguous.
                ambiguous = ambiguous or (" " not in key and key in COMMON_WORDS and person.source == "builtin")
                native = not _LATIN_KEY.match(key)
                add(Alias(person, form, key, ambiguous, "native" if native else "name"))
                if native and key.startswith("\u0627\u0644"):  # "الملك" after li- is written "للملك"
                    add(Alias(person, form, "\u0644\u0644" + key[2:], ambiguous, "native"))
                if native and " " in key and _CJK.search(key):  # "泰勒·斯威夫特" is also written "泰勒斯威夫特"
                    add(Alias(person, form, key.replace(" ", ""), ambiguous, "native"))
                if native and _ARABIC_SCRIPT.match(key):
                    for variant in _arabic_spellings(key):
                        add(Alias(person, form, variant, ambiguous, "native"))
                inflecting = _indic_case_stem(key) if native else None
                if inflecting:
                    # round 32b: a case ending rewrites a final dead consonant ("മോഹൻലാൽ" -> "മോഹൻലാലിന്റെ",
                    # "மோகன்லால்" -> "மோகன்லாலின்"): the stem before it is a prefix (Indic names bound at the start)
                    add(Alias(person, form, inflecting, ambiguous, "native"))
                if not native and not ambiguous and " " in key and len(key) >= 9:
                    add(Alias(person, form, key.replace(" ", ""), False, "compact"))
                joined = key_of(_INNER_PUNCT.sub("", form)) if not native and _INNER_PUNCT.search(form) else key
                if joined != key and len(joined) >= 4 and " " in joined:
                    # round 25b: "Son Tung M-TP" typed "son tung mtp", two words at least
                    add(Alias(person, form, joined, ambiguous, "name"))
                if fuzzy and not native and not ambiguous:
                    self._add_fuzzy(key, Alias(person, form, key, False, "name"))
        for person, form in surname_first:
            # round 34b: a listed name in surname-first order ("Nagy Imre", "Шевченко Андрій"): exact and inflected
            # matches only, no fuzzy, compact or phonetic forms (they would double the load time for few prompts)
            key = key_of(form)
            add(Alias(person, form, key, False, "name" if _LATIN_KEY.match(key) else "native"))
        for phrase, canonical in descriptions:
            owner = by_canonical.get(canonical)
            if owner is not None:
                # round 21a: "~the iron lady": an epithet that is also a phrase needs a person cue (gazetteer.py)
                plain = phrase.lstrip("~")
                add(Alias(owner, plain, key_of(plain), plain != phrase, "description"))

        self._auto = self._build(ahocorasick, table)
        self._stem_auto = self._build(ahocorasick, stem_table) if stem_table else None
        self._latin_auto = self._build(ahocorasick, latin_table) if latin_table else None
        self._latin_memo: tuple[str, tuple[Hit, ...]] = ("", ())
        # word -> (stem, stem without a Finnish/Estonian linking vowel): prompts repeat their words, and the
        # two stemmers were a fifth of the lookup time; bounded (cleared when full), per index, not global
        self._latin_forms: dict[str, tuple[str, str, str, str]] = {}

    @staticmethod
    def _build(ahocorasick: ModuleType, table: dict[str, list[Alias]]) -> _Automaton | None:
        auto = ahocorasick.Automaton()
        for key, aliases in table.items():
            auto.add_word(key, (key, tuple(aliases)))
        if table:
            auto.make_automaton()
        return auto if table else None

    def _add_fuzzy(self, key: str, alias: Alias) -> None:
        tokens = tuple(key.split())
        if len(tokens) == 1 and len(key) >= 6 and key.isalpha():
            # one-word names ("Beyonce", "Zuckerberg") are matched by fuzzy_single()
            self._single.setdefault(key, []).append(alias)
            for tok in {key} | _deletions(key):
                self._token_variants.setdefault(tok, set()).add(key)
            return
        if not 2 <= len(tokens) <= 4 or len(key) < 8 or any(not t.isalpha() for t in tokens):
            return
        self._fuzzy_aliases.setdefault(tokens[0], []).append((tokens, alias))
        for tok in tokens:
            self._token_variants.setdefault(tok, set()).add(tok)
            if len(tok) >= 4:
                for d in _deletions(tok):
                    self._token_variants.setdefault(d, set()).add(tok)

    # -- lookups -------------------------------------------------------------------------

    def exact(self, key: str) -> list[Hit]:
        """Whole-word matches of aliases in ``key`` (CJK names match anywhere)."""
        hits: list[Hit] = []
        if self._auto is not None and key:
            for end, (akey, aliases) in self._auto.iter(key):
                start = end - len(akey) + 1
                if _bounded(key, start, end + 1, akey):
                    hits.extend(Hit(start, end + 1, a) for a in aliases)
        if self._stem_auto is not None and _CYR.search(key):
            stemmed, idx, tok_end = _stem_key(key)
            for end, (akey, aliases) in self._stem_auto.iter(stemmed):
                start = end - len(akey) + 1
                if _bounded(stemmed, start, end + 1, akey):
                    hits.extend(Hit(idx[start], tok_end[end], a, 1.0, "stem") for a in aliases)
        if self._latin_auto is not None and " " in key:
            memo = self._latin_memo  # the gazetteer and the name-shape detector look up the same prompt
            if memo[0] != key:
                memo = self._latin_memo = (key, tuple(self._latin_stem_hits(key)))
            hits.extend(memo[1])
        return hits

    def _latin_stem_hits(self, key: str) -> list[Hit]:
        """Multi-word Latin aliases found on stems ("roberta lewandowskiego"); nothing to do (and nothing built)
        when no word of ``key`` has a case ending to take off."""
        assert self._latin_auto is not None
        toks = key.split(" ")
        forms = [self._latin_word_forms(t) for t in toks]
        stems = [f[0] for f in forms]
        # round 23b: Finnish and Estonian put a linking vowel between a consonant-final name and its case
        # ending ("marin" -> "marinista", "kallas" -> "kallasest"): the stem of the name without both
        linked = [f[1] for f in forms]
        # round 26b: a Slavic name that lost its mobile e ("vaclava havla" -> "havel", "wieczorka")
        mobile = [f[2] for f in forms]
        # round 27b: each word on its own form - the mobile e put back only where that gives a listed name word
        # and the plain stem does not ("petra pavla" -> "petr" + "pavel": Petr Pavel)
        chosen = [f[3] for f in forms]
        hits: list[Hit] = []
        for variant in dict.fromkeys(tuple(v) for v in (stems, linked, mobile, chosen) if v != toks):
            hits.extend(self._stem_variant_hits(key, toks, " ".join(variant)))
        return hits

    def _latin_word_forms(self, tok: str) -> tuple[str, str, str, str]:
        """(stem, stem of the word without a linking vowel + ending, stem with the mobile e put back, the
        mobile-e stem only when it is a listed name word and the plain stem is not) of one word; non-Latin words
        as written."""
        forms = self._latin_forms.get(tok)
        if forms is None:
            if max(tok, default="") < "\u0250":
                stemmed = inflection.stem(tok)
                mobile = inflection.mobile_e(stemmed) if stemmed != tok else ()
                with_e = inflection.stem(mobile[0]) if mobile else stemmed
                listed = self._token_variants
                chosen = with_e if (mobile and mobile[0] in listed.get(mobile[0], ())
                                    and stemmed not in listed.get(stemmed, ())) else stemmed
                forms = (stemmed, inflection.stem(inflection.unlink(tok)), with_e, chosen)
            else:
                forms = (tok, tok, tok, tok)
            if len(self._latin_forms) >= 50_000:
                self._latin_forms.clear()
            self._latin_forms[tok] = forms
        return forms

    def _stem_variant_hits(self, key: str, toks: list[str], stemmed: str) -> list[Hit]:
        """Hits of multi-word Latin aliases in one stemmed form of ``key``, spans mapped back onto its words."""
        assert self._latin_auto is not None
        hits: list[Hit] = []
        for end, (akey, aliases) in self._latin_auto.iter(stemmed):
            start = end - len(akey) + 1
            if not _bounded(stemmed, start, end + 1, akey):
                continue
            # map the stemmed span back to whole words of the key
            first = stemmed.count(" ", 0, start)
            last = stemmed.count(" ", 0, end)
            a0 = sum(len(t) + 1 for t in toks[:first])
            a1 = sum(len(t) + 1 for t in toks[:last + 1]) - 1
            # a case form only: the written words are the gazetteer's exact match otherwise
            hits.extend(Hit(a0, a1, a, 1.0, "stem") for a in aliases if key[a0:a1] != a.key)
        return hits

    def _close(self, token: str) -> dict[str, int]:
        """Listed name words within the allowed edit distance of ``token``."""
        if not self._token_variants:
            return {}
        out: dict[str, int] = {}
        if token in self._token_variants and token in self._token_variants[token]:
            out[token] = 0
        if len(token) < 4:
            return out
        seen: set[str] = set()
        for variant in {token} | _deletions(token):
            seen |= self._token_variants.get(variant, set())
        for cand in seen:
            if cand == token or cand[0] != token[0]:
                continue
            dist = self._osa.distance(token, cand)
            if dist <= _allowed_edits(cand):
                out[cand] = dist
        return out

    def fuzzy(self, key: str) -> list[Hit]:
        """Misspelled multi-word names ("tayler swfit", "leonardo di caprio")."""
        if not self._fuzzy_aliases:
            return []
        tokens = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[a-z]+", key)]
        hits: list[Hit] = []
        for i, (tok, start, _) in enumerate(tokens):
            if tok in _STOP or len(tok) < 2:
                continue
            for first, d0 in self._close(tok).items():
                for seq, alias in self._fuzzy_aliases.get(first, ()):
                    m = self._match_rest(seq, tokens, i, d0)
                    if m is None:
                        continue
                    end, edits = m
                    if edits == 0 and key[start:end] == alias.key:
                        continue  # exact matches come from exact()
                    sim = 1.0 - edits / max(len(alias.key), 1)
                    if sim >= 0.8:
                        hits.append(Hit(start, end, alias, sim, "fuzzy"))
        return hits

    def fuzzy_single(self, key: str, skip: frozenset[str] | set[str] = frozenset()) -> list[Hit]:
        """Misspelled one-word names ("Beyonse", "Zukerberg"): 1 edit (2 from 9 letters).

        Words in ``skip`` (real first names, surnames, common words) are never taken
        for a misspelling.
        """
        hits: list[Hit] = []
        if not self._single:
            return hits
        for m in re.finditer(r"[a-z]{5,}", key):
            tok = m.group()
            if tok in skip or tok in self._single:
                continue
            for cand, dist in self._close(tok).items():
                if cand in self._single and 0 < dist <= (1 if len(cand) < 9 else 2):
                    sim = 1.0 - dist / len(cand)
                    hits.extend(Hit(m.start(), m.end(), a, sim, "fuzzy") for a in self._single[cand])
        return hits

    def _match_rest(self, seq: tuple[str, ...], tokens: list[tuple[str, int, int]], i: int,
                    edits: int) -> tuple[int, int] | None:
        j = i + 1
        for want in seq[1:]:
            if j >= len(tokens):
                return None
            tok = tokens[j][0]
            dist = self._word_distance(want, tok)
            if dist is not None:
                edits += dist
                j += 1
                continue
            if j + 1 < len(tokens):  # "di caprio" -> "dicaprio"
                dist = self._word_distance(want, tok + tokens[j + 1][0])
                if dist is not None:
                    edits += dist
                    j += 2
                    continue
            return None
        return tokens[j - 1][2], edits

    def _word_distance(self, want: str, tok: str) -> int | None:
        if tok == want:
            return 0
        if len(want) < 4 or tok[:1] != want[:1] or tok in _STOP:
            return None
        dist = self._osa.distance(want, tok, score_cutoff=_allowed_edits(want))
        return dist if dist <= _allowed_edits(want) else None


# Round 35b. Arabic, Persian and Urdu write the same letters in their own shapes: Urdu heh goal and do-chashmi
# heh, Persian/Urdu yeh and keheh against Arabic yeh and kaf, alef maksura, teh marbuta (Persian writes -ه).
# A name listed in one spelling ("شاہ رخ خان", Urdu) is indexed in the others ("شاهرخ خان", Persian/Arabic).
_ARABIC_SCRIPT = re.compile(r"^[\u0600-\u06ff ]+$")
_TO_ARABIC = str.maketrans({"\u06c1": "\u0647", "\u06be": "\u0647", "\u06cc": "\u064a", "\u06a9": "\u0643",
                            "\u0649": "\u064a", "\u06d2": "\u064a", "\u06c3": "\u0629"})
_TO_PERSIAN = str.maketrans({"\u06c1": "\u0647", "\u06be": "\u0647", "\u064a": "\u06cc", "\u0643": "\u06a9",
                             "\u0649": "\u06cc", "\u06d2": "\u06cc", "\u0629": "\u0647", "\u06c3": "\u0647"})


def _arabic_spellings(key: str) -> set[str]:
    """The key in Arabic and Persian letters, and (three words or more) with its first two words joined, as
    Persian and Arabic write compound given names ("شاه رخ" -> "شاهرخ", "عبد الله" -> "عبدالله"); round 35b."""
    out = {key.translate(_TO_ARABIC), key.translate(_TO_PERSIAN)}
    for k in list(out) + [key]:
        words = k.split(" ")
        if len(words) >= 3 and len(words[0]) <= 3:
            out.add(words[0] + words[1] + " " + " ".join(words[2:]))
    out.discard(key)
    return {k for k in out if len(k.replace(" ", "")) >= 4}


# Round 32b. Viramas of the Indic scripts (a final dead consonant) and the Malayalam chillu letters with the
# consonant a case ending turns them back into
_VIRAMAS = frozenset("\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca")
_CHILLU_BASE = {"\u0d7a": "\u0d23", "\u0d7b": "\u0d28", "\u0d7c": "\u0d30", "\u0d7d": "\u0d32",
                "\u0d7e": "\u0d33", "\u0d7f": "\u0d15"}


def _indic_case_stem(key: str) -> str | None:
    """The stem an Indic-script name keeps before a case ending, where it differs from the name (round 32b).

    A name ending in a dead consonant (virama: "மோகன்லால்", "राजकुमार्"; a Malayalam chillu: "മോഹൻലാൽ") takes a
    vowel sign before the ending ("മോഹൻലാലിന്റെ", "மோகன்லாலின்", "ಪುನೀತ್" -> "ಪುನೀತರ"): the name without the
    virama, or with the chillu's full consonant. None for other names (their prefix match covers the endings)
    and for stems too short to be a name of their own.
    """
    if len(key) < 4 or not _INDIC.match(key):
        return None
    last = key[-1]
    if last in _VIRAMAS:
        stem = key[:-1]
    elif last in _CHILLU_BASE:
        stem = key[:-1] + _CHILLU_BASE[last]
    else:
        return None
    return stem if len(stem.replace(" ", "")) >= 3 else None


def _bounded(key: str, start: int, end: int, akey: str) -> bool:
    """Word boundaries around a match; Chinese and Thai have none, katakana and hangul words some.

    Arabic-script (Arabic, Persian, Urdu) and Hebrew names may carry a one-letter
    proclitic ("لمحمد صلاح": for Mohamed Salah; "ולנתניהו"); Indic names (Devanagari,
    Bengali, Tamil, ...) take case suffixes ("রবীন্দ্রনাথ ঠাকুরের": Tagore's), and Lao, Tibetan, Burmese and
    Khmer particles ("အောင်ဆန်းစုကြည်ရဲ့").
    """
    if _THAI.match(akey):
        return True
    if _ABJAD.match(akey):
        proclitics = _HEBREW_PROCLITICS if _HEBREW.match(akey) else _ARABIC_PROCLITICS
        p = start
        while p > 0 and start - p < 2 and key[p - 1] in proclitics:
            p -= 1
        return (p == 0 or key[p - 1] == " ") and (end == len(key) or key[end] == " ")
    if _INDIC.match(akey):
        return start == 0 or key[start - 1] == " "
    if _KATAKANA_WORD.match(akey):  # "メッシ" is not inside "メッシュ" (mesh)
        return not (start and _KATAKANA.match(key[start - 1])) and not (end < len(key) and _KATAKANA.match(key[end]))
    if _HANGUL.match(akey):  # particles follow Korean names: "김정은이"
        # round 26b: a given-name alias written with the family name before it ("김제니", "전정국"): one surname
        # syllable opening the word
        return not (start and _HANGUL.match(key[start - 1])) or (
            len(akey) >= 2 and key[start - 1] in _KO_SURNAMES and (start == 1 or key[start - 2] == " "))
    if _CJK.search(akey):
        return True
    if key.startswith("ji", end) and (end + 2 == len(key) or key[end + 2] == " "):
        return start == 0 or key[start - 1] == " "  # Hindi honorific: "Modiji", "Gandhiji"
    # round 26b: a Latin-script name glued to Japanese, Chinese or Korean text ("Taylor Swiftが東京ドームで",
    # "IUの写真", "在Taylor Swift的演唱会"): a particle or word of another script bounds it like a space
    return ((start == 0 or key[start - 1] == " " or _EAST_ASIAN_CHAR.match(key, start - 1) is not None)
            and (end == len(key) or key[end] == " " or _EAST_ASIAN_CHAR.match(key, end) is not None))


# the most frequent one-syllable Korean family names
_KO_SURNAMES = frozenset("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹모탁국어은편용예경봉")
# kana, Han and Hangul (a Latin name's neighbours without a space in Japanese, Chinese and Korean text)
_EAST_ASIAN_CHAR = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
