"""Known names written in a script the list has no spelling for, found by sound.

"મહાત્મા ગાંધી" (Gujarati), "ทอม ครูซ" (Thai), "레오나르도 디카프리오가" (Korean, with a
particle), "Շառլ Ազնավուրը" (Armenian, with the article): the built-in list holds Latin
names and a few native spellings, and no list can hold every script. Each word of the
prompt written outside Latin and Han is romanised with ``anyascii`` (a base dependency,
ISC licence) and reduced to a *phonetic key*: consonants only, with the differences that
transliteration brings folded away (vowels and ``h`` after the first letter dropped, an
initial vowel kept as ``a``; c/k/q/g, ph/f/p/b/v, t/d, s/z, l/r, ch as s or k, kh as k or
h, a nasal before a consonant as ``n``, doubled letters once). The names' keys come from
their Latin aliases and from their native spellings in other scripts.

Only names of two or more words are matched, every word in order, so one common word
never becomes a person; a word of the prompt's language (``wordfreq`` or the hand-made
common words of :mod:`.script_names`) never counts. One consonant more or less at the end
of a word is allowed (case endings and particles: "-ը", "-가"; silent letters: "Charles"
said "Sharl"). Tibetan writes no spaces between words: a name word there may span up to
three syllables ("ཏཱ་ལའི་" is "Dalai").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .._deps import require
from .names_index import Alias, Hit

#: scripts looked at (Latin is matched by spelling, Han by characters: both elsewhere)
_SCRIPT_RANGES = (
    (0x0370, 0x03FF, "greek"), (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"),
    (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"), (0x0B00, 0x0B7F, "oriya"), (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"), (0x0C80, 0x0CFF, "kannada"), (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"), (0x0E00, 0x0E7F, "thai"), (0x0E80, 0x0EFF, "lao"), (0x0F00, 0x0FFF, "tibetan"),
    (0x1000, 0x109F, "myanmar"), (0x10A0, 0x10FF, "georgian"), (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"), (0x1800, 0x18AF, "mongolian"), (0x30A0, 0x30FF, "katakana"),
    (0xAC00, 0xD7AF, "hangul"),
    # round 42b: Baybayin (Tagalog) and Javanese script, used for national heroes' names ("ᜑᜓᜐᜒ ᜇᜒᜐᜎ᜔" Jose Rizal)
    (0x1700, 0x171F, "baybayin"), (0xA980, 0xA9DF, "javanese"),
)
#: a whole word of one script, per script
_SCRIPT_WORD = {name: re.compile("[" + "".join(f"\\u{lo:04X}-\\u{hi:04X}" for lo, hi, n in _SCRIPT_RANGES if n == name)
                                 + "]+$") for name in {r[2] for r in _SCRIPT_RANGES}}
# Burmese romanises too poorly for a key ("အောင်ဆန်း" -> "'eanchn"); Tibetan syllables are joined
_SKIP_SCRIPTS = frozenset({"myanmar"})
_VOWELS = frozenset("aeiouy")
# Thai and Lao write some vowels before the consonant they follow in speech ("ໄກ" is "kai")
_PREPOSED = re.compile(r"([\u0E40-\u0E44\u0EC0-\u0EC4])(.)")
# Tibetan prefixes and superscripts are silent ("བླ་མ" bla ma is "lama", "སྐུ" sku is "ku")
_TIBETAN_SILENT = re.compile(r"^[bdgm'rls](?=[bcdfgjklmnpqrstvz])")
_DIGRAPHS = {"sch": "s", "ph": "p", "th": "t", "dh": "t", "bh": "p", "gh": "k", "jh": "j", "ck": "k", "qu": "k",
             "sh": "s", "zh": "j"}
_DIGRAPH = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_LETTERS = str.maketrans({"x": "ks", "q": "k", "z": "s", "f": "p", "b": "p", "v": "p", "d": "t", "g": "k", "l": "r",
                          "c": "k", "w": "p"})
_NO_VOWELS = str.maketrans(dict.fromkeys("aeiouy"))
_W_VOWEL = re.compile(r"(?<=.)w(?![aeiouy])")
_NASAL = re.compile(r"[mn](?=[^aeiouymnwh])")
_DOUBLE = re.compile(r"(.)\1+")
_NON_LETTER = re.compile(r"[^a-z]")
# titles in listed names ("Emperor Meiji", "King Charles III"): said in the prompt's own language, never by sound,
# and short enough to sound like ordinary words ("ամպերի մեջ" is "in the clouds")
_TITLE_WORDS = frozenset(["emperor", "empress", "king", "queen", "prince", "princess", "pope", "saint", "st", "sir",
                          "dame", "lord", "lady", "dr", "doctor", "president", "general", "captain", "sultan", "shah",
                          "tsar", "czar", "kaiser", "sheikh", "imam", "ayatollah", "mr", "mrs", "ms", "miss"])
# Round 14b: genitive endings written onto the last word of a name in Odia, Bengali and Gujarati ("ପଟ୍ଟନାୟକଙ୍କ"
# Patnaik's, "ঠাকুরের", "પટેલનો"): more than the one final consonant a match allows, so the word is also read
# without them
_CASE_ENDINGS = {"oriya": ("ଙ୍କର", "ଙ୍କ", "ର"), "bengali": ("য়ের", "ের", "র"), "gujarati": ("નો", "ની", "ના", "નું")}
# Round 40b: Modern Greek writes b, d, g with two letters ("Πάμπλο" Pablo, "Ντιέγκο" Diego); letter by letter
# they romanise as "mp", "nt", "gk". A Greek word is keyed both ways (names spelled from the Greek letters,
# "Antetokounmpo", keep matching).
_GREEK_DIGRAPHS = re.compile(r"(?<=\w)μπ|^μπ|(?<=\w)ντ|^ντ|γκ|γγ")
_GREEK_SOUNDS = {"μπ": "β", "ντ": "δ", "γκ": "γ", "γγ": "γ"}
# Round 40b: Spanish "j" is said "h": other scripts write the sound ("Хорхе" Jorge, "何塞" José, "Мухика" Mujica).
# Latin names get the extra key. (Not "g" before e/i: it is in too many names to key them all twice at load, and
# "Sergio" as "serhio" would key like the Telugu "శ్రీ", sri.)
# Round 40b: the Arabic preposition "ل" (of, by) written onto the first word ("لوحة لسيمون ..." a painting of
# Simon ...): the word is also read without it, like the case endings below ("ب" and "و" begin too many words:
# "بلحية" with a beard)
_ARABIC_PROCLITICS = ("لل", "ل")
# Round 40b: Japanese writes no spaces: a katakana name runs into the particle or word after it
# ("セナがマクラーレンで"), so a katakana run is a word of its own
# (round 40b) and a Hebrew letter with a geresh ("ז'וזה") is one word, though the match key wrote the geresh as a space
# (round 41b: the katakana middle dot "・" between a foreign name's parts is a space: "ジャシンダ・アーダーン")
_KEY_WORD = re.compile(r"[\u30A0-\u30FA\u30FC-\u30FF]+|(?:[זגצ] (?=[\u05D0-\u05EA]))?[^\s\u30A0-\u30FF]+")
# Round 40b: Han runs joined by a middle dot (a foreign name written by sound, see PhoneticIndex.find_dotted_han)
_HAN_RUN = re.compile(r"[\u4E00-\u9FFF]+")
_HAN_DOTTED = re.compile(r"[\u4E00-\u9FFF]+(?:[·•‧・･][\u4E00-\u9FFF]+)+")
HAN_NAME_DOTS = "·•‧・･"  # the pre-check callers make
_PINYIN = re.compile(r"zh|q|c(?!h)")
_PINYIN_SOUNDS = {"zh": "j", "q": "ch", "c": "ts"}
_MIN_WORD = 2  # letters of a word's key
# round 42b: particles inside Romance names, written in other scripts too ("আনহেল দি মারিয়া" Ángel Di María)
_NAME_PARTICLES = frozenset({"di", "de", "da", "du", "do", "la", "le"})
_MIN_NAME = 4  # letters of a name's keys together
_MAX_SYLLABLES = 3  # Tibetan syllables one name word may span


def script_of(ch: str) -> str | None:
    """The script of a letter among those this module reads, or None."""
    o = ord(ch)
    for lo, hi, name in _SCRIPT_RANGES:
        if lo <= o <= hi:
            return name
    return None


def phonetic_keys(roman: str, spanish: bool = False) -> frozenset[str]:
    """The phonetic keys of one romanised word ("Cruise", "khrus" -> {"krs", "hrs"}).

    ``spanish`` adds the keys of the word with "j" said "h" (for Latin names: "Jorge"); a "y" said "j" in Slavic,
    German, Dutch and Nordic names is read on the prompt's side (see ``PhoneticIndex._spans``).
    """
    w = _NON_LETTER.sub("", roman.lower())
    if not w:
        return frozenset()
    if spanish and "j" in w:
        return phonetic_keys(w) | phonetic_keys(w.replace("j", "h"))
    w = w.replace("cz", "ch").replace("sz", "sh")  # Polish spellings of the same sounds ("Kowalczyk")
    # "ch" and "kh" are read more than one way (French "Charles", Thai "khrus", Mongolian "Khan")
    parts = re.split(r"(ch|kh|c(?=[eiy]))", w)
    options = [{"ch": ("s", "k"), "kh": ("k", "h"), "c": ("s", "k")}.get(p, (p,)) for p in parts]
    out: set[str] = set()
    for combo in itertools.islice(itertools.product(*options), 8):
        out.add(_fold_consonants("".join(combo)))
    out.discard("")
    return frozenset(out)


def _fold_consonants(w: str) -> str:
    head = "a" if w[0] in _VOWELS else ""
    w = _W_VOWEL.sub("", w)  # "ow", "tw-m": a vowel (Arabic و, Armenian ու); "owa" a consonant
    w = _NASAL.sub("n", w)  # anusvara: "gamdhi" is "gandhi"
    w = _DIGRAPH.sub(lambda m: _DIGRAPHS[m.group()], w).translate(_LETTERS)
    w = w[0] + w[1:].replace("h", "") if w else w
    body = _DOUBLE.sub(r"\1", w.translate(_NO_VOWELS))
    return head + body if head != body[:1] else body


def _roman(word: str, script: str, anyascii: Callable[[str], str]) -> str:
    if script in ("thai", "lao"):
        word = _PREPOSED.sub(r"\2\1", word)
    elif script == "greek_sounds":  # the Greek reading of "μπ", "ντ", "γκ" (see _GREEK_DIGRAPHS)
        word = _GREEK_DIGRAPHS.sub(lambda m: _GREEK_SOUNDS[m.group()], word.lower())
        script = "greek"
    roman = anyascii(word).lower()
    if script == "tamil":  # round 42b: "ச" (anyascii "c") is said "s" or "ch" ("சண்முகரத்தினம்" Shanmugaratnam)
        roman = roman.replace("c", "ch")
    if script == "mongolian":
        roman = roman.replace("q", "ch")
    elif script == "lao":  # Lao romanisation writes "s" as "x" ("ຊ")
        roman = roman.replace("x", "s")
    elif script == "tibetan":  # one syllable: silent prefixes dropped, the inherent vowel written
        roman = _TIBETAN_SILENT.sub("", roman)
        if not any(c in _VOWELS for c in roman):
            roman = re.sub(r"^([^aeiouy]*?)(h?)$", r"\1\2a", roman) if roman else roman
    return roman


# Round 40b: Hebrew spells foreign names with vowel letters and a geresh for sounds it lacks ("ז'וזה
# סאראמאגו" José Saramago): letter by letter they romanise as consonants ("z'vzh s'r'm'gv")
_HEBREW_GERESH = {"ז": "j", "ג": "j", "צ": "ch", "ת": "th"}
_HEBREW_VOWELS = {"ו": "o", "א": "a", "ע": "a", "י": "i"}


def _hebrew_vowelled(word: str, anyascii: Callable[[str], str]) -> str:
    """A Hebrew word read with its vowel letters as vowels and geresh letters as the sounds they stand for."""
    out: list[str] = []
    for k, ch in enumerate(word):
        if ch in "'׳ ":  # a space: the match key's geresh
            continue
        if k + 1 < len(word) and word[k + 1] in "'׳ " and ch in _HEBREW_GERESH:
            out.append(_HEBREW_GERESH[ch])
        elif ch in _HEBREW_VOWELS and k > 0:
            out.append(_HEBREW_VOWELS[ch])
        elif ch == "ה" and k == len(word) - 1 and k > 0:
            out.append("e")
        else:
            out.append(anyascii(ch).lower())
    return "".join(out)


_MILD_PAIRS = {"ph": "f", "kh": "k", "th": "t", "dh": "d", "bh": "b", "gh": "g", "sh": "s", "ch": "k", "ou": "u", "ee": "i",
               "oo": "u"}
_MILD_PAIR = re.compile("|".join(_MILD_PAIRS))
_MILD_LETTERS = str.maketrans({"w": "v", "y": "i", "q": "k", "z": "s", "x": "ks", "c": "k"})
#: how close the romanised words must be to the name's (normalised Indel similarity): the key only
#: finds candidates, the spelling decides ("култа лазарев" shares a key with "Kurt Russell")
_MIN_SIMILARITY = 0.6
_MIN_WORD_SIMILARITY = 0.6
_MIN_HAN_SIMILARITY = 0.5  # round 40b: of a Han transliteration, whose words are matched exactly by their keys
_MIN_VARIANT = 0.85  # round 42b: of a word read another way than its plain spelling (see _closest)
_MIN_SPELLING = 8  # letters of a name's mild spelling: shorter names ("Kid Cudi", "Dr. Dre") collide too often


def mild_spelling(roman: str) -> str:
    """A romanised word with only the spelling differences of transliteration folded ("Cruise" -> "kruise")."""
    w = _MILD_PAIR.sub(lambda m: _MILD_PAIRS[m.group()], _NON_LETTER.sub("", roman.lower())).translate(_MILD_LETTERS)
    return _DOUBLE.sub(r"\1", w)


@dataclass(frozen=True)
class _Name:
    alias: Alias
    words: tuple[frozenset[str], ...]  # the keys of each word
    spelling: tuple[str, ...]  # each word as :func:`mild_spelling` writes it
    # round 42b: each word's spellings as other scripts may hear it (first the plain one; a Latin "j" also said
    # "h"/"kh" as in Spanish and "y" as in Slavic names: "Хосе" José, "ヤン" Jan)
    variants: tuple[tuple[str, ...], ...]


#: a token of the prompt: start, end, script, phonetic keys, mild spelling
_Tok = tuple[int, int, str, frozenset[str], str]


def _close(tok: frozenset[str], want: frozenset[str]) -> int | None:
    """0 when a word's keys match a name word's, 1 when they do give or take one final consonant."""
    if tok & want:
        return 0
    if any(len(t) > _MIN_WORD and (t[:-1] in want) for t in tok) or any(
            len(w) > _MIN_WORD and w[:-1] in tok for w in want):
        return 1
    return None


def _with_shorter(keys: frozenset[str]) -> frozenset[str]:
    """Keys with and without their final consonant (where a longer key remains)."""
    return keys | {k[:-1] for k in keys if len(k) > _MIN_WORD}


def _closest(got: tuple[str, ...], want: tuple[tuple[str, ...], ...],
             similarity: Callable[[str, str], float]) -> tuple[str, ...]:
    """For each word, the spelling variant of the name's word closest to the prompt's: another reading than the
    plain one only where it is spelled close (``_MIN_VARIANT``: "Хосе" kose is "José" read "kose", "χημεια"
    kimeia is no "Jim" read "kim")."""
    out: list[str] = []
    for a, v in zip(got, want):
        best, score = v[0], similarity(a, v[0])
        for alt in v[1:]:
            alt_score = similarity(a, alt)
            if alt_score >= _MIN_VARIANT and alt_score > score:
                best, score = alt, alt_score
        out.append(best)
    return tuple(out)


def _similar(got: tuple[str, ...], want: tuple[tuple[str, ...], ...], similarity: Callable[[str, str], float],
             word_min: float = _MIN_WORD_SIMILARITY) -> bool:
    best = _closest(got, want, similarity)
    if similarity("".join(got), "".join(best)) < _MIN_SIMILARITY:
        return False
    return all(similarity(a, b) >= word_min for a, b in zip(got, best))


# Round 41b: Japanese and Korean write a foreign name syllable by syllable, adding a vowel after a consonant that
# ends a syllable in the source ("ヨナス" yonasu Jonas, "울프" ulpeu Ulf, "크리스테르손" keuliseuteleuson
# Kristersson), and a small kana changes the vowel before it ("ジャ" is ja, romanised letter by letter "jiya";
# "ヴィ" vi, "vui"). Their mild spelling drops those vowels before the whole name is compared.
_KANA_SMALL = re.compile(r"(?<=[bcdfghjklmnprstvwz])i(?=y[auo])|(?<=[vf])u(?=[aeio])")
_KANA_EPENTHETIC = re.compile(r"(?<=[bcdfghjklmnprstvwz])u(?![aeiouy])|(?<=[td])o$")
_HANGUL_EPENTHETIC = re.compile(r"eu(?![aeiou])")
# Scripts whose words add or drop vowels against the Latin spelling (syllabaries adding them, abjads leaving short
# vowels out: "ميته" mit, Mette): one word of the name may be spelled less close, the whole name still must be
_LOOSE_SCRIPTS = frozenset({"katakana", "hangul", "arabic", "hebrew", "baybayin"})  # (42b: three vowels)
_MIN_LOOSE_WORD = 0.5


def _script_mild(roman: str, script: str) -> str:
    """:func:`mild_spelling` of a romanised word, less the vowels its script adds (see _KANA_EPENTHETIC)."""
    if script == "katakana":
        roman = _KANA_EPENTHETIC.sub("", _KANA_SMALL.sub("", roman.lower()))
    elif script == "hangul":
        roman = _HANGUL_EPENTHETIC.sub("", roman.lower()).replace("eo", "o")
    return mild_spelling(roman)


class PhoneticIndex:
    """Multi-word names by the phonetic keys of their words (see the module docstring).

    Args:
        aliases: the names to index (Latin aliases and non-Han native spellings; others are skipped),
            as :class:`~aplguard.detect.names_index.NameIndex` lists them in ``aliases``.
    """

    def __init__(self, aliases: Iterable[Alias]):
        self._anyascii: Callable[[str], str] = require("anyascii", "detect").anyascii
        self._similarity: Callable[[str, str], float] = require(
            "rapidfuzz.distance", "detect").Indel.normalized_similarity
        # names by the keys of their first two words (one final consonant more or less): a key of
        # one word alone ("tr") is shared by hundreds of names, a pair by a few
        self._pairs: dict[tuple[str, str], list[_Name]] = {}
        memo: dict[str, tuple[frozenset[str], tuple[str, ...]] | None] = {}  # the same words recur across names
        seen: set[tuple[str, tuple[tuple[str, ...], ...]]] = set()
        for alias in aliases:
            if alias.ambiguous or any(w in _TITLE_WORDS for w in alias.key.split()):
                continue
            got = self._name_keys(alias.key, memo)
            if got is None or (alias.person.canonical, got[1]) in seen:
                continue
            seen.add((alias.person.canonical, got[1]))
            name = _Name(Alias(alias.person, alias.form, alias.key, False, "native"), got[0],
                         tuple(v[0] for v in got[1]), got[1])
            for pair in itertools.product(_with_shorter(name.words[0]), _with_shorter(name.words[1])):
                self._pairs.setdefault(pair, []).append(name)

    def _name_keys(self, fkey: str, memo: dict[str, tuple[frozenset[str], tuple[str, ...]] | None],
                   ) -> tuple[tuple[frozenset[str], ...], tuple[tuple[str, ...], ...]] | None:
        words = fkey.split()
        if len(words) < 2:
            return None
        keys: list[frozenset[str]] = []
        spelling: list[tuple[str, ...]] = []
        for w in words:
            if w not in memo:
                memo[w] = self._word(w)
            word = memo[w]
            if word is None:
                return None
            keys.append(word[0])
            spelling.append(word[1])
        if sum(min(map(len, k)) for k in keys) < _MIN_NAME or len("".join(v[0] for v in spelling)) < _MIN_SPELLING:
            return None
        short = [min(map(len, k)) < _MIN_WORD for k in keys]
        if any(short) and (len(keys) < 3 or short[0] or sum(min(map(len, k)) for k, s in zip(keys, short) if not s) < 5):
            return None  # round 42b: a word of one consonant only inside a name of three words with strong others
        return tuple(keys), tuple(spelling)

    def _word(self, w: str) -> tuple[frozenset[str], tuple[str, ...]] | None:
        """The keys and mild spelling of one word of a name, None if it cannot be part of a match."""
        script = None if w.isascii() else next((s for s in map(script_of, w) if s), None)
        if script is None and not w.isascii():
            return None  # Han, or a script this module does not read
        if script in _SKIP_SCRIPTS:
            return None
        roman = w if script is None else _roman(w, script, self._anyascii)
        got = phonetic_keys(roman, spanish=script is None)
        mild = mild_spelling(roman)
        if not got or (min(map(len, got)) < _MIN_WORD and (len(mild) < 3 or mild[-1] in _VOWELS)
                       and w not in _NAME_PARTICLES):
            # initials and particles ("George W. Bush", "the Dalai Lama"); round 42b: a word of three letters or
            # more whose consonants fold to one ("Raúl" r-l, "Leon") is a name word ("Хосе Рауль Капабланка")
            return None
        if script is None and "j" in roman:
            return got, tuple(dict.fromkeys((mild, *(mild_spelling(roman.replace("j", r)) for r in ("h", "k", "y")))))
        return got, (mild,)

    def find(self, key: str, kind: Callable[[str, str], str]) -> list[Hit]:
        """Hits (how ``"phonetic"``) in a match key.

        ``kind(word, script)`` says what the prompt's language makes of a word: ``"C"`` (a
        common word) never counts, ``"W"`` (a dictionary word, which famous names often are:
        "레오나르도") counts only beside a word that is none.
        """
        words: list[tuple[int, int, str, bool]] = []  # start, end, script ("" if not read), dictionary word
        for m in _KEY_WORD.finditer(key):
            word = m.group().replace(" ", "'")
            script = "" if word.isascii() else (script_of(word[0]) or "")
            if script and (script in _SKIP_SCRIPTS or not _SCRIPT_WORD[script].match(word.replace("'", ""))):
                script = ""
            what = kind(word, script) if script else ""
            words.append((m.start(), m.end(), "" if what == "C" else script, what == "W"))
        # a name is two words or more: only words next to another word of their script are romanised
        near = [bool(w[2]) and ((i > 0 and words[i - 1][2] == w[2]) or (i + 1 < len(words) and words[i + 1][2] == w[2]))
                for i, w in enumerate(words)]
        if not any(near):
            return []
        toks: list[_Tok] = []
        for (start, end, script, _), keep in zip(words, near):
            if not keep:
                toks.append((start, end, "", frozenset(), ""))
                continue
            roman = _roman(key[start:end], script, self._anyascii)
            toks.append((start, end, script, phonetic_keys(roman), _script_mild(roman, script)))
        dictionary = [w[3] or not t[3] for w, t in zip(words, toks)]
        spans = [self._spans(key, toks, i) for i in range(len(toks))]
        hits: dict[tuple[int, int, str], Hit] = {}
        for i in range(len(toks)):
            for start_keys, spelling, end in spans[i] + self._given_j(key, toks, i):
                if end >= len(spans):
                    continue
                first = _with_shorter(start_keys)
                cands = {id(n): n for second, _, _ in spans[end] for pair in itertools.product(
                    first, _with_shorter(second)) for n in self._pairs.get(pair, ())}
                for name in cands.values():
                    loose = _close(start_keys, name.words[0])
                    if loose is None:
                        continue
                    got = self._match_rest(spans, end, name, 1, loose, (spelling,),
                                           _MIN_LOOSE_WORD if toks[i][2] in _LOOSE_SCRIPTS else _MIN_WORD_SIMILARITY)
                    if got is not None and not all(dictionary[i:got]):
                        hit = Hit(toks[i][0], toks[got - 1][1], name.alias, 0.9, "phonetic")
                        hits.setdefault((hit.start, hit.end, name.alias.person.canonical), hit)
        return list(hits.values())

    def find_dotted_han(self, text: str, kidx: list[int]) -> list[Hit]:
        """Hits (how ``"phonetic"``, key offsets) for foreign names written in Han joined by a middle dot.

        Round 40b: Chinese writes a foreign name by sound, its parts joined by "·" ("阿比·艾哈迈德" Abiy
        Ahmed, "何塞·穆希卡" José Mujica), and without spaces around it ("总理阿比·艾哈迈德的肖像"):
        the first part may end a longer run and the last may start one, so every suffix of the first
        run (1-4 characters) and prefix of the last (1-5) is tried. Pinyin "x" stands for "h" or "s"
        in these transliterations ("希" hi/si), "q" for "ch", "zh" for "j". Callers check for a dot first.
        """
        hits: list[Hit] = []
        for m in _HAN_DOTTED.finditer(text):
            parts = [(p.start(), p.end()) for p in _HAN_RUN.finditer(m.group())]
            base = m.start()
            firsts = [(base + e - n, base + e) for s0, e in parts[:1] for n in range(1, min(4, e - s0) + 1)]
            lasts = [(base + s0, base + s0 + n) for s0, e in parts[-1:] for n in range(1, min(5, e - s0) + 1)]
            middle = [self._han_word(text[base + a:base + b]) for a, b in parts[1:-1]]
            best: tuple[float, int, int, _Name] | None = None
            for fs, fe in firsts:
                first = self._han_word(text[fs:fe])
                for ls, le in lasts:
                    words = [first, *middle, self._han_word(text[ls:le])]
                    got = self._match_words(words)
                    if got is not None and (best is None or got[0] > best[0]):
                        best = (got[0], fs, le, got[1])
            if best is not None:
                start = bisect.bisect_left(kidx, best[1])
                end = bisect.bisect_left(kidx, best[2])
                if start < end:
                    hits.append(Hit(start, end, best[3].alias, 0.9, "phonetic"))
        return hits

    def _han_word(self, word: str) -> tuple[frozenset[str], str]:
        """Phonetic keys and mild spelling of a Han transliteration (both readings of pinyin "x")."""
        roman = _PINYIN.sub(lambda m: _PINYIN_SOUNDS[m.group()], self._anyascii(word).lower())
        readings = (roman.replace("x", "h"), roman.replace("x", "s"))
        keys: frozenset[str] = frozenset().union(*map(phonetic_keys, readings))
        return keys, mild_spelling(readings[0])

    def _match_words(self, words: list[tuple[frozenset[str], str]]) -> tuple[float, _Name] | None:
        """The best listed name of exactly these words (keys as :meth:`find` compares them), with its similarity."""
        if len(words) < 2 or not all(k for k, _ in words):
            return None
        cands = {id(n): n for pair in itertools.product(_with_shorter(words[0][0]), _with_shorter(words[1][0]))
                 for n in self._pairs.get(pair, ())}
        best: tuple[float, _Name] | None = None
        for name in cands.values():
            if len(name.words) != len(words):
                continue
            loose = 0
            for (keys, _), want in zip(words, name.words):
                got = _close(keys, want)
                if got is None:
                    break
                loose += got
            else:
                # Chinese adds a vowel to every consonant ("何塞" he-sai for José): the words' spellings are
                # compared as a whole, more loosely, and every word's keys must match exactly
                spelt = tuple(sp for _, sp in words)
                score = self._similarity("".join(spelt), "".join(_closest(spelt, name.variants, self._similarity)))
                # (one word may differ by its final consonant in a name of three words: "豪尔赫" hao-er-he, Jorge)
                if loose <= (len(words) > 2) and score >= _MIN_HAN_SIMILARITY and (best is None or score > best[0]):
                    best = (score, name)
        return best

    def _spans(self, key: str, toks: list[_Tok], i: int) -> list[tuple[frozenset[str], str, int]]:
        """(keys, spelling, next token) of the words starting at token ``i`` (Tibetan: 1-3 syllables)."""
        if not toks[i][3]:
            return []
        out = [(toks[i][3], toks[i][4], i + 1)]
        word = key[toks[i][0]:toks[i][1]]
        ending = next((e for e in _CASE_ENDINGS.get(toks[i][2], ()) if word.endswith(e) and len(word) > len(e) + 2), None)
        if ending is not None:
            roman = _roman(word[:-len(ending)], toks[i][2], self._anyascii)
            if phonetic_keys(roman):
                out.append((phonetic_keys(roman), mild_spelling(roman), i + 1))
        others: list[str] = []  # round 40b: more readings of the word (Greek digraphs, Arabic proclitics)
        if toks[i][2] == "greek" and _GREEK_DIGRAPHS.search(word):
            others.append(_roman(word, "greek_sounds", self._anyascii))
        elif toks[i][2] == "hebrew":
            others.append(_hebrew_vowelled(word, self._anyascii))
        elif toks[i][2] == "arabic":
            if len(word) > 4 and word.startswith(_ARABIC_PROCLITICS):
                word = word[2:] if word.startswith("لل") else word[1:]
                others.append(_roman(word, "arabic", self._anyascii))
            if "وا" in word[2:]:
                # round 42b: anyascii leaves the long vowel alef out, so "و" before it reads as a vowel ("بولیوار"
                # bwlywr, Bolívar): keyed once more with "وا" as "va" ("bwlyvar"), spelled as before
                keys = phonetic_keys(_roman(word.replace("وا", "\x02"), "arabic", self._anyascii).replace("\x02", "va"))
                if keys - toks[i][3]:
                    out.append((keys, toks[i][4], i + 1))
        elif toks[i][2] == "baybayin" and "d" in toks[i][4]:
            # round 42b: Baybayin writes "da" and "ra" with one letter ("ᜇᜒᜐᜎ᜔" Rizal)
            others.append(_roman(word, "baybayin", self._anyascii).replace("d", "r"))
        elif toks[i][2] == "katakana" and "ー" in word:
            # round 41b: Japanese writes English names as they are said without "r": a long vowel stands for
            # "-ar/-er/-or" ("アーダーン" Ardern, "ヴィンゲゴー" Vingegaard); read once more with an "r" there
            others.append(_roman(word.replace("ー", "ル"), "katakana", self._anyascii))
        for other in others:
            if phonetic_keys(other):
                out.append((phonetic_keys(other), _script_mild(other, toks[i][2]), i + 1))
        if toks[i][2] == "tibetan":
            for n in range(2, _MAX_SYLLABLES + 1):
                seq = toks[i:i + n]
                if len(seq) < n or any(t[2] != "tibetan" or not t[3] for t in seq):
                    break
                roman = "".join(_roman(key[t[0]:t[1]], "tibetan", self._anyascii) for t in seq)
                out.append((phonetic_keys(roman), mild_spelling(roman), i + n))
        return out

    def _given_j(self, key: str, toks: list[_Tok], i: int) -> list[tuple[frozenset[str], str, int]]:
        """Round 42b: readings of the first word of a name only (given names; surnames so read sound out too many
        words): "Ян", "ヤン", "Юрген" write the "j" of Slavic, German and Nordic given names (Jan Oblak, Jürgen
        Klopp) as "y"; Greek writes the Spanish "j" with "χ" ("Χαβιέ" Javier, "Χόρχε" Jorge), said "kh"/"h"."""
        word, script = key[toks[i][0]:toks[i][1]], toks[i][2]
        if script == "greek" and word[:1] == "χ":
            roman = "kh" + _roman(word[1:], script, self._anyascii)
        elif script in ("cyrillic", "katakana") and toks[i][4][:1] in "iy" and toks[i][4][1:2] in ("a", "u"):
            roman = "j" + _roman(word, script, self._anyascii).lstrip("iy")
        else:
            return []
        return [(phonetic_keys(roman), _script_mild(roman, script), i + 1)]

    def _match_rest(self, spans: list[list[tuple[frozenset[str], str, int]]], j: int, name: _Name, w: int,
                    loose: int, spelling: tuple[str, ...], word_min: float = _MIN_WORD_SIMILARITY) -> int | None:
        """The token after the name when its words from ``w`` on match from token ``j`` on, else None.

        At most one word of a name may differ by its final consonant (``loose`` counts them):
        two such words together are too weak ("ગાંધી ચરખો" is no "Gene Kelly"). The words
        found must also be spelled close to the name's (``_similar``).
        """
        if w == len(name.words):
            return j if _similar(spelling, name.variants, self._similarity, word_min) else None
        if j >= len(spans):
            return None
        for keys, spelt, nxt in spans[j]:
            got = _close(keys, name.words[w])
            if got is not None and loose + got <= 1:
                stop = self._match_rest(spans, nxt, name, w + 1, loose + got, spelling + (spelt,), word_min)
                if stop is not None:
                    return stop
        return None
