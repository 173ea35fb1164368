"""Data files of the prompt detectors and the cache that loads them once.

Detectors get their heavy resources (name lists, Aho-Corasick automaton, fuzzy
index, spaCy pipeline) from a :class:`ResourceCache`. Pass one explicitly to share
it between chosen detectors; by default detectors use :data:`SHARED_CACHE`, one
cache object per process, so building many detectors from many policies loads
every file once.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import TypeVar, cast

from ..errors import ModelFileError

log = logging.getLogger("aplguard.detect")
T = TypeVar("T")


@dataclass(frozen=True)
class Person:
    """One entry of a name list.

    Attributes:
        canonical: the display name.
        aliases: plain aliases (matched case-insensitively), canonical included.
        ambiguous: aliases that are also common words; the words around them decide
            whether they name the person ("drake performing" vs "a mallard drake"),
            whatever their capitals (see ``GazetteerDetector._ambiguous_mention``).
        cue_only: those of ``ambiguous`` written "~~" in the list: words of another language
            or another person's surname ("Jul", "Seal", "Quevedo"), where even the listed
            capitals do not name the person; only a person or performance cue does.
        native: native-script names (matched case-insensitively, no word
            boundaries for Chinese/Japanese).
        group: the list section (politics, art, ...), used by context rules.
        description: free text (protected identities only).
        source: ``"builtin"`` or ``"protected"``.
    """

    canonical: str
    aliases: tuple[str, ...]
    ambiguous: tuple[str, ...] = ()
    native: tuple[str, ...] = ()
    cue_only: tuple[str, ...] = ()
    group: str = ""
    description: str | None = None
    source: str = "builtin"


_REGNAL = re.compile(r"^(Pope|King|Queen|Emperor|Empress|Tsar|Kaiser|Sultan|Shah) (.+?) [IVXLC]+$")


def _data_text(name: str) -> str:
    try:
        return resources.files("aplguard.detect").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelFileError(f"aplguard.detect data file {name!r} is missing from the installation: {exc}") from exc


def _lines(name: str) -> Iterator[tuple[int, str]]:
    for n, raw in enumerate(_data_text(name).splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield n, line


def load_public_figures() -> list[Person]:
    """Parse ``data/public_figures.txt`` (format described in the file)."""
    people: list[Person] = []
    group = ""
    for n, line in _lines("public_figures.txt"):
        if line.startswith("@"):
            group = line[1:].strip()
            continue
        latin, _, native = line.partition(";")
        parts = [p.strip() for p in latin.split("|") if p.strip()]
        if not parts:
            raise ModelFileError(f"public_figures.txt:{n}: empty entry")
        canonical = parts[0].lstrip("~")
        plain = [p for p in parts if not p.startswith("~")]
        regnal = _REGNAL.match(canonical)
        if regnal:  # "Pope Benedict XVI" is also "Pope Benedict"
            plain.append(f"{regnal.group(1)} {regnal.group(2)}")
        if group == "music":
            plain += _band_member_forms(plain)
        ambiguous = [p.lstrip("~") for p in parts if p.startswith("~")]
        natives = [x.strip() for x in native.split("|") if x.strip()]
        plain += _mixed_script_forms(canonical, natives)
        # round 26b: a "~" native name is also a word of its language ("~정국": the political situation); it names
        # the member only beside the group's name ("BTS 정국"), see ``GazetteerDetector``
        cue_only = tuple(p[2:] for p in parts if p.startswith("~~")) + tuple(x[1:] for x in natives if x[:1] == "~")
        people.append(Person(canonical=canonical, aliases=tuple(plain), ambiguous=tuple(ambiguous),
                             native=tuple(x.lstrip("~") for x in natives), group=group, cue_only=cue_only))
    return people


def _mixed_script_forms(canonical: str, natives: list[str]) -> list[str]:
    """A two-word name written half in Latin letters, half in its native script (round 27b).

    Prompts copied from fan pages and news mix the scripts: "Dimash Құдайберген", "Donald Трамп". Each two-word
    native spelling of a two-word canonical name gives "Latin given + native surname" and "native given + Latin
    surname"; both words belong to the same listed person, so the pair names nobody else. A "~" native name (also
    a word of its language) gives none.
    """
    words = canonical.split()
    if len(words) != 2 or not all(w.isascii() for w in words):
        return []
    out: list[str] = []
    for native in natives:
        parts = native.split()
        if native[:1] == "~" or len(parts) != 2 or any(p.isascii() for p in parts):
            continue
        out += [f"{words[0]} {parts[1]}", f"{parts[0]} {words[1]}"]
    return out


# "Jennie of Blackpink" / "RM of BTS": a member named with the group; the member name may be a short word
_BAND_MEMBER = re.compile(r"^(?P<member>[^\s]+(?: [^\s]+)?) (?:of|from) (?P<group>[^\s]+(?: [^\s]+)?)$")
_TITLE_WORDS = frozenset(["king", "queen", "prince", "princess", "father", "mother", "godfather", "godmother",
                          "emperor", "empress"])


def _band_member_forms(aliases: list[str]) -> list[str]:
    """The other ways a group member is written with the group (round 21b).

    "RM of BTS" is also "BTS RM", "BTS's RM", "RM from BTS" and, in Korean prompts,
    "BTS의 RM" (the genitive particle glued to the group): every member listed with
    one form gets all of them, so a new member needs only one line.
    """
    out: list[str] = []
    have = set(aliases)
    for alias in aliases:
        m = _BAND_MEMBER.match(alias)
        if not m:
            continue
        member, group = m.group("member"), m.group("group")
        if member.lower() in _TITLE_WORDS or any(w[:1].islower() for w in group.split()):
            continue  # "King of Pop" is a title, no member of a group called Pop
        for form in (f"{member} of {group}", f"{member} from {group}", f"{group} {member}",
                     f"{group}'s {member}", f"{group}\uc758 {member}"):
            if form not in have:
                have.add(form)
                out.append(form)
    return out


# the same role in a band, written one way in descriptions.txt and another in prompts
_SINGER_ROLES = ("lead singer", "lead vocalist", "frontman", "frontwoman")


def load_descriptions() -> list[tuple[str, str]]:
    """``(phrase, canonical)`` pairs of ``data/descriptions.txt``."""
    out = []
    for n, line in _lines("descriptions.txt"):
        phrase, sep, canonical = line.partition("|")
        if not sep:
            raise ModelFileError(f"descriptions.txt:{n}: expected 'phrase|Canonical Name'")
        phrase, canonical = phrase.strip(), canonical.strip()
        out.append((phrase, canonical))
        # "founder of Tesla" is also written "Tesla's founder", "the Tesla founder", "founded Tesla".
        role, of, org = phrase.partition(" of ")
        if of and role in _SINGER_ROLES:
            # round 15: a band's singer has synonyms ("lead vocalist of queen at live aid")
            out += [(f"{other} of {org}", canonical) for other in _SINGER_ROLES if other != role]
        if of and role in ("founder", "co-founder", "ceo", "owner", "creator") and " " not in org:
            out += [(f"{org}'s {role}", canonical), (f"{org} {role}", canonical)]
            if role in ("founder", "co-founder"):
                out.append((f"founded {org}", canonical))
    return out


def load_us_presidents() -> list[str]:
    """US presidents in order (index 0 is the 1st president)."""
    return [line for _, line in _lines("us_presidents.txt")]


def load_city_names() -> frozenset[str]:
    """Match keys of the Latin-script names of cities of 300,000 people or more in many languages (``cities.txt``)."""
    return frozenset(line for line in _data_text("cities.txt").splitlines() if line and not line.startswith("#"))


# round 25b: the hand-made names of ``hand_names.txt`` (Yoruba/Igbo/Hausa, Central Asian; Tamil, Nepali scripts)
# join the Latin lexicons they belong to and the native-script lists
_HAND_TAGS = {"first_names.txt": "f", "surnames.txt": "l"}


def load_lexicon(name: str) -> frozenset[str]:
    """A key-per-line lexicon (``first_names.txt``, ``surnames.txt``; these two with the Latin entries of
    ``hand_names.txt``)."""
    words = frozenset(_data_text(name).split())  # one key per line, no comments
    tag = _HAND_TAGS.get(name)
    if tag is None:
        return words
    return words | frozenset(w for w in _split_by_tag("hand_names.txt", tag)[0] if w.isascii())


def _split_by_tag(name: str, tag: str) -> tuple[frozenset[str], frozenset[str]]:
    """A ``<tag>\t<entry>`` data file as (entries tagged ``tag``, all other entries)."""
    tagged: set[str] = set()
    others: set[str] = set()
    for line in _data_text(name).splitlines():
        if line and not line.startswith("#"):
            got, entry = line.split("\t")
            (tagged if got == tag else others).add(entry)
    return frozenset(tagged), frozenset(others)


def load_native_names() -> tuple[frozenset[str], frozenset[str]]:
    """First names and surnames written in non-Latin scripts (``data/native_names.txt``), lower case."""
    first, last = _split_by_tag("native_names.txt", "f")
    hand_first, hand_last = _split_by_tag("hand_names.txt", "f")
    return (first | frozenset(w for w in hand_first if not w.isascii()),
            last | frozenset(w for w in hand_last if not w.isascii()))


def load_native_common_words(name: str = "native_common_words.txt") -> dict[str, frozenset[str]]:
    """Hand-made words per script: by default the common words of scripts without a ``wordfreq`` list
    (``data/native_common_words.txt``); ``name`` reads another file of the same form
    (``anonymous_person_words.txt``: words that describe someone without naming them)."""
    out: dict[str, frozenset[str]] = {}
    for line in _data_text(name).splitlines():
        if line and not line.startswith("#"):
            script, _, words = line.partition("\t")
            out[script] = frozenset(words.split())
    return out


def load_romanised_syllables() -> tuple[frozenset[str], frozenset[str]]:
    """Given-name syllables and surnames of romanised Chinese/Korean (``data/romanised_syllables.txt``)."""
    return _split_by_tag("romanised_syllables.txt", "g")


def load_visual_artists() -> frozenset[str]:
    """Canonical names of ``data/visual_artists.txt`` (people known for a visual style)."""
    return frozenset(line for _, line in _lines("visual_artists.txt"))


def load_stage_name_works() -> dict[str, tuple[str, ...]]:
    """Canonical name -> signature works (``data/stage_name_works.txt``, match keys)."""
    out: dict[str, tuple[str, ...]] = {}
    for _, line in _lines("stage_name_works.txt"):
        name, *works = line.split("|")
        out[name.strip()] = tuple(w.strip() for w in works if w.strip())
    return out


def load_non_person_names() -> list[str]:
    """Fictional characters, brands, places and things that look like names."""
    return [line for _, line in _lines("non_person_names.txt")]


@dataclass
class ResourceCache:
    """Loads each named resource once and hands the same object to every caller.

    Thread-safe; values are never mutated after loading.
    """

    _items: dict[str, object] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, name: str, loader: Callable[[], T]) -> T:
        """Return the resource ``name``, building it with ``loader()`` on first use.

        A name always maps to one loader's result, so the stored object has the type
        that loader returns (the cast records that invariant for the type checker).
        """
        try:
            return cast(T, self._items[name])
        except KeyError:
            pass
        with self._lock:
            if name not in self._items:
                log.debug("loading detector resource %s", name)
                self._items[name] = loader()
            return cast(T, self._items[name])

    def loaded(self) -> list[str]:
        """Names of the resources loaded so far."""
        return sorted(self._items)

    def clear(self) -> None:
        """Forget everything (tests, or to reload edited data files)."""
        with self._lock:
            self._items.clear()


#: The process-wide cache detectors use when none is passed.
SHARED_CACHE = ResourceCache()


#: Languages whose dictionary words are never fuzzy-matched to a name (the languages of
#: the function-word lists in :mod:`aplguard.detect.context`).
DICTIONARY_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
#: How many of each language's most frequent words count as dictionary words.
DICTIONARY_SIZE = 30_000


def load_dictionary_words() -> frozenset[str]:
    """The most frequent words of the prompt languages, from ``wordfreq`` (offline data).

    Used so that fuzzy name matching never turns a dictionary word into a person
    ("macro" is not a misspelled "Macron"). Letters-only words, lower case, accents kept
    as ``wordfreq`` writes them and also folded (prompts are matched without accents).
    """
    return _frequent_words(DICTIONARY_LANGUAGES, DICTIONARY_SIZE)


def _frequent_words(languages: tuple[str, ...], size: int) -> frozenset[str]:
    """The ``size`` most frequent letters-only words of each language, as written and accent-folded."""
    import unicodedata  # noqa: PLC0415

    from wordfreq import top_n_list  # noqa: PLC0415 (a base dependency; imported when first needed)

    out: set[str] = set()
    for lang in languages:
        for w in top_n_list(lang, size, wordlist="small"):
            if w.isalpha():
                out.add(w)
                if not w.isascii():  # an ASCII word folds to itself (most of them: skip the per-letter work)
                    out.add("".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)))
    return frozenset(out)


def english_zipf() -> Callable[[str], float]:
    """A word's Zipf frequency in English (``wordfreq``'s small list: a dictionary look-up, no tokenising)."""
    import math  # noqa: PLC0415

    from wordfreq import get_frequency_dict  # noqa: PLC0415 (a base dependency; imported when first needed)

    freq = get_frequency_dict("en", wordlist="small")

    def zipf(word: str) -> float:
        f = freq.get(word, 0.0)
        return math.log10(f) + 9.0 if f > 0 else 0.0
    return zipf


#: More Latin-script languages of prompts (round 16): their frequent words are never fuzzy-matched to a one-word
#: name either ("nasi goreng" is no misspelled "Goering"). Only the fuzzy matcher reads them; the other rules keep
#: the :data:`DICTIONARY_LANGUAGES` (names are frequent words in these lists too: "ahmet", "budi").
FUZZY_ONLY_LANGUAGES = ("id", "ms", "tr", "pl", "cs", "sk", "ro", "hu", "sv", "da", "nb", "fi", "fil", "vi")
FUZZY_ONLY_SIZE = 20_000


def load_fuzzy_only_words() -> frozenset[str]:
    """The most frequent words of :data:`FUZZY_ONLY_LANGUAGES` (letters only, lower case, also accent-folded)."""
    return _frequent_words(FUZZY_ONLY_LANGUAGES, FUZZY_ONLY_SIZE)


def load_simplified_chinese_map() -> dict[int, str]:
    """Traditional -> simplified characters, for ``str.translate``: ``wordfreq``'s own table (its Chinese word
    list is simplified; the table ships with it, and reading it needs no ``jieba``)."""
    import gzip  # noqa: PLC0415

    import msgpack  # type: ignore[import-untyped,unused-ignore]  # noqa: PLC0415 (wordfreq's dependency)
    from wordfreq.util import data_path  # noqa: PLC0415

    with gzip.open(data_path("_chinese_mapping.msgpack.gz")) as fh:
        table = msgpack.load(fh, raw=False, strict_map_key=False)
    return {int(k): str(v) for k, v in table.items()}


def load_relation_words() -> list[list[str]]:
    """``data/relation_words.txt``: per language its script, possessives, relation words, relation words that
    carry "my" and stop words, as the tab-separated fields of each line (see relation_names.py)."""
    return [line.split("\t") for _, line in _lines("relation_words.txt")]
