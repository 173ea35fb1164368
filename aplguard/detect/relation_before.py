"""A relation of the user named BEFORE the relation word (round 23a): "Sigurði afa mínum", "Kari søstera mi".

``relation_names`` reads "possessive + relation + name". Many languages also put the name first:

* with "my" after the relation and no comma: Icelandic and Faroese ("mynd af Siggu frænku minni": of Sigga, my
  aunt; every case of "minn" and of the relation word), Norwegian ("Kari søstera mi", "Ola bror min"), Swahili
  ("Neema dada yangu"), Zulu and Xhosa ("uSipho umalume wami"), Yoruba ("Tunde ọ̀rẹ́ mi"), Indonesian ("Dewi kakak
  saya"), Tagalog ("Ramon na tito ko"), Romanian ("Ioana sora mea");
* as an apposition set off by a comma, in every language of ``data/relation_words.txt`` ("Carmen, mi abuela",
  "Оля, моя сестра", "Anna, meine Nachbarin").

The word before must look like a given name: capitalised in a script with capitals, no relation or function word,
no city, and either a listed first name or (not at the start of the prompt or sentence) no dictionary word. A
prompt in Title Case or capitals needs a listed first name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Finding
from . import context
from .context import FUNCTION_WORDS
from .normalize import NormalizedText, match_key
from .relation_names import _alt, _city, _rx  # noqa: PLC2701 (shared city test, field reader)
from .resources import ResourceCache, load_dictionary_words, load_lexicon, load_relation_words
from .script_names import _fold, load_lists  # noqa: PLC2701 (one fold for every native word list)

# "my" written after the relation, per language, as the normaliser writes it (accents off, lower case); Icelandic
# and Faroese with every case form of "minn" ("mínum", "minni", "mína", "míns")
_POSS_AFTER = {"is": "minn|min|mitt|minir|minar|minum|minni|mina|mins|minnar|minu|okkar|okkur",
               "fo": "min|mitt|minir|minar|minum|minari|mina|mins|okkara",
               "no": "min|mi|mitt|mine",
               "sw": "yangu|wangu|zangu|yetu|wetu",
               "zu": "wami|yami|lami|sami|bami|kami|wethu|yethu|bethu|lethu",
               "xh": "wam|yam|lam|sam|bam|kam|wethu|yethu|bethu|lethu",
               "yo": "mi",
               "id": "saya|aku|kami|kita",
               "tl": "ko|namin|natin",
               "ro": "meu|mea|mei|mele|nostru|noastra"}
# Relation forms these languages use after a name that the data file does not hold: Icelandic oblique cases,
# Norwegian definite forms ("søstera mi", "broren min"), Faroese
_EXTRA_RELATIONS = {
    "is": "afa|afi|ommu|amma|mommu|pabba|modur|fodur|systur|brodur|dottur|syni|sonar|frænku|frænda|frændi|konu|"
          "manni|manns|vinkonu|vini|vinar|kærustu|kærasta|nagranna|nagrannakonu|kennara|tengdamommu|tengdapabba|"
          "magkonu|magi|langommu|langafa|fraenku|fraenda|kaerustu|kaerasta",
    "fo": "mamma|mommu|pabbi|pabba|omma|ommu|abbi|abba|systir|systur|bróðir|bróður|dóttir|dóttur|sonur|soni|"
          "moster|faster|móðurbróðir|vinkona|vinkonu|vinur|vini|kona|konu|maður|manni",
    "no": "mora|moren|faren|mammaen|pappaen|bestemora|bestemoren|bestefaren|søstera|søsteren|broren|dattera|"
          "datteren|sønnen|tanta|tanten|onkelen|kusina|kusinen|fetteren|kona|mannen|kjæresten|venninna|venninnen|"
          "vennen|kollegaen|sjefen|naboen|læreren|svigermora|svigerfaren|bror|søster|syster|mor|far",
}
_NAME = r"(?P<w>[^\W\d_][^\W\d_'’\-]{1,20})"
_BANTU = ("zu", "xh")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|[\"'«“„(]\s*)$")


@dataclass(frozen=True)
class _Before:
    code: str
    script: str
    pattern: re.Pattern[str]
    own: frozenset[str]
    triggers: frozenset[str]  # the words that start this language's heads: only tried when one is in the prompt


@dataclass(frozen=True)
class _Lexicon:
    langs: tuple[_Before, ...]
    every: frozenset[str]  # every possessive and relation word (never a name)
    trigger: re.Pattern[str]  # ", <possessive>" or " <possessive after>": where a head may be


def load(cache: ResourceCache) -> _Lexicon:
    """The name-before-relation patterns of every cased language (cached)."""
    def build() -> _Lexicon:
        out: list[_Before] = []
        every: set[str] = set()
        comma_words: set[str] = set()
        after_words: set[str] = set()
        for code, script, poss_f, rel_f, owned_f, _stop in load_relation_words():
            if script not in ("latin", "cyrillic", "greek"):
                continue  # a name before the relation is read where capitals mark it
            poss, rel, owned = _alt(poss_f), _alt(rel_f), _alt(owned_f)
            rel = sorted(set(rel) | set(_alt(_EXTRA_RELATIONS.get(code, "-"))), key=len, reverse=True)
            every.update(poss + rel + owned)
            heads = []
            after = _POSS_AFTER.get(code, "").split("|") if code in _POSS_AFTER and rel else []
            triggers = set(after) | (set(poss) if rel else set()) | set(owned)
            comma_words.update(w.split()[0] for w in (poss if rel else []) + owned)
            after_words.update(after)
            if poss and rel:
                heads.append(r",\s+(?:" + _rx(poss) + r")\s+(?:" + _rx(rel) + r")")
            if owned:
                heads.append(r",\s+(?:" + _rx(owned) + r")")
            if code in _POSS_AFTER and rel:
                link = r"(?:na\s+)?" if code == "tl" else ""  # Tagalog links with "na": "Ramon na tito ko"
                heads.append(r",?\s+" + link + r"(?:" + _rx(rel) + r")\s+(?:" + _POSS_AFTER[code] + r")")
            if not heads:
                continue
            prefix = r"(?:u|ku|ka|no|ngu|ngo|ka)?" if code in _BANTU else ""
            pattern = re.compile(r"(?<![^\W_])" + prefix + _NAME + r"(?:" + "|".join(heads) + r")(?![^\W_])")
            out.append(_Before(code, script, pattern, frozenset(poss + rel + owned),
                               frozenset(w.split()[0] for w in triggers if w)))
        trigger = re.compile(r",\s+(?P<a>" + _rx(sorted(comma_words, key=len, reverse=True)) + r")(?![^\W_])|"
                             r"(?<=\s)(?P<b>" + _rx(sorted(after_words, key=len, reverse=True)) + r")(?![^\W_])")
        return _Lexicon(tuple(out), frozenset(every), trigger)
    return cache.get("lexicon.relation_before", build)


def find(norm: NormalizedText, cache: ResourceCache, detector: str) -> list[Finding]:
    """Names written before a relation of the user (``private_person``, canonical ``None``)."""
    lower = norm.lower
    if len(lower) != len(norm.text):
        return []
    lex = load(cache)
    text = lower.replace("ı", "i")
    seen = {m.group("a") or m.group("b") for m in lex.trigger.finditer(text)}
    if not seen:
        return []  # most prompts: no possessive after a comma, no "my" after a noun
    every = lex.every
    title: bool | None = None
    out: list[Finding] = []
    for lang in lex.langs:
        if not lang.triggers & seen:
            continue
        for m in lang.pattern.finditer(text):
            s, e = m.start("w"), m.end("w")
            if any(f.start <= norm.span(s, e)[0] < f.end for f in out):
                continue
            if title is None:
                title = context.is_all_caps(norm.text) or context.is_title_case(norm.text)
            if _given_name(norm, s, e, lang, every, cache, title):
                start, end = norm.span(s, m.end())
                out.append(Finding(kind="private_person", score=0.8, start=start, end=end,
                                   text=norm.original[start:end], detector=detector, canonical=None,
                                   explanation="a relation of the user named by first name", identity_seeking=True))
    return out


def _given_name(norm: NormalizedText, s: int, e: int, lang: _Before, every: frozenset[str], cache: ResourceCache,
                title: bool) -> bool:
    written = norm.text[s:e]
    low = norm.lower[s:e]
    if not written[:1].isupper() or (written.isupper() and len(written) > 3) or low in every:
        return False
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    at_start = bool(_SENTENCE_START.search(norm.text[:s] if lang.code not in _BANTU else
                                           re.sub(r"(?:u|ku|ka|no|ngu|ngo)$", "", norm.text[:s])))
    if lang.script == "latin":
        k = match_key(written)[0]
        if k in FUNCTION_WORDS or not k.isalpha():
            return False
        if k in first:
            return True
        if title or at_start or k in context.THING_NOUNS or k in context.REGIONS or k in context.COMMON_WORDS:
            return False
        if _city(k, cache):
            return False
        return k not in cache.get("lexicon.wordfreq", load_dictionary_words)
    lists = load_lists(cache)
    f = _fold(written)
    if f in lists.first:
        return True
    if title or at_start:
        return False
    return f not in lists.common.get(lang.script, frozenset()) and f not in lists.words.get(lang.script, frozenset())
