"""Text normalisation shared by all prompt detectors, with an offset map.

Evasions fold back to plain text so one name list catches them: NFKC (fullwidth
forms, ligatures), diacritics on Latin/Greek/Cyrillic letters, format characters
(zero-width, bidi marks), lone surrogates, control characters, Cyrillic/Greek
lookalikes inside Latin words, leetspeak inside words, separated letters
("T-a-y-l-o-r", "E l o n"), joiners ("Tom_Hanks", "Lionel.Messi") and Stable
Diffusion prompt syntax (``(name:1.3)``, ``((name))``, ``[name]``, ``a|b``).

Every character of the result remembers which original characters it came from,
so detectors report spans in the *original* prompt. Only the first
:data:`MAX_SCAN_CHARS` characters are scanned (bounded time on huge prompts);
:attr:`NormalizedText.truncated` says when text was cut.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

log = logging.getLogger("aplguard.detect")

#: Characters of a prompt that are scanned; the rest is ignored (and reported
#: through ``NormalizedText.truncated``). Real prompts are far shorter (CLIP
#: reads 77 tokens); the cap bounds the time spent on hostile input.
MAX_SCAN_CHARS = 4096

#: Raw characters looked at, at most, to find MAX_SCAN_CHARS visible ones (linear regex scan).
HARD_SCAN_LIMIT = 10_000_000
_SPACE = re.compile(r"\s")
_VISIBLE_RUN = re.compile(
    "[^\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]+")

# Cyrillic and Greek letters that look like Latin ones. Folded only inside words
# that mix scripts (or in an otherwise Latin prompt), so Russian and Greek text
# stays intact for native-script name matching.
_CONFUSABLES = {
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "к": "k",
    "м": "m", "т": "t", "н": "h", "ь": "b", "г": "r", "п": "n", "в": "b",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "α": "a",
    "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    # Latin lookalikes outside ASCII that NFKC keeps
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɡ": "g", "ᴀ": "a", "ʟ": "l",
}
# Latin lookalikes that no language writes names with (small capitals, IPA letters): always folded.
_ALWAYS_FOLD = {
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j",
    "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r", "ꜱ": "s", "ᴛ": "t",
    "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ʋ": "u", "ɵ": "o",
    # Hooked and open letters of African orthographies (Hausa, Fula, Ewe, Akan, Lingala, Bambara) that Unicode does
    # not decompose: folded like an accent, so "ƙasar" matches "kasar" and "ɗan'uwana" "dan'uwana" (round 19a)
    "ƙ": "k", "Ƙ": "K", "ɓ": "b", "Ɓ": "B", "ɗ": "d", "Ɗ": "D", "ƴ": "y", "Ƴ": "Y", "ɖ": "d", "Ɖ": "D",
    "ƒ": "f", "Ƒ": "F", "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O", "ɣ": "g", "Ɣ": "G", "ɲ": "n", "Ɲ": "N",
    "ʼ": "'",
}
# Armenian letters that look Latin: folded inside a word with Latin letters ("Tayլօr"), while
# Armenian words stay Armenian ("Հակոբյան").
_ARMENIAN_LOOKALIKES = {"օ": "o", "ս": "u", "հ": "h", "ց": "g", "ո": "n"}
_LEET = {"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "0": "o", "5": "s", "$": "s",
         "7": "t", "8": "b", "9": "g", "|": "l"}
# Tokens with digits that are ordinary prompt words, not leetspeak (45th, 4k, 50mm, v2, sd15).
_NOT_LEET = re.compile(
    r"^(?:[\d.,]+|\d+(?:st|nd|rd|th|s|k|p|d|x|mm|cm|m|px|fps|hz|am|pm|hp|gb|mb)|[a-z]{1,3}\d+(?:\.\d+)?)$",
    re.IGNORECASE)
# Prompt-syntax characters that only group or weight words.
_SYNTAX = set("()[]{}<>|\\+")
_WEIGHT = re.compile(r":\s*[-+]?\d*\.?\d+(?=\s|$|,)")
# A run of >= 3 single letters joined by one repeated separator: T-a-y-l-o-r, E l o n.
_SEPARATED = re.compile(r"(?<![^\W_])[^\W\d_](?P<sep>[-. *_·/~•‧∙⋅])[^\W\d_](?:(?P=sep)[^\W\d_])+(?![^\W_])")
# Two or three letters and one leet digit ("du4", "k1m"): leetspeak only when another word
# of the prompt is unmistakably leetspeak ("dU4 l1p4"), else a version or model tag.
_SHORT_LEET = re.compile(r"^[a-z]{2,3}[4310]$", re.IGNORECASE)
_TOKEN = re.compile(r"[\w@$!|']+")
_LEETISH = re.compile(r"[0-9@$!|]")
_JOINER = re.compile(r"(?<=[^\W\d_])[_.](?=[^\W\d_])")
_EXTRA_SPACE = re.compile(r"^ +|(?<= ) +| +$")


@dataclass(frozen=True)
class NormalizedText:
    """A normalised prompt and the way back to the original.

    Attributes:
        original: the prompt as given.
        text: the normalised text (case kept).
        lower: ``text`` lower-cased, same length as ``text``.
        starts: for each character of ``text``, the original index it came from.
        ends: for each character of ``text``, the original end index (exclusive).
        truncated: whether the original was longer than :data:`MAX_SCAN_CHARS`.
    """

    original: str
    text: str
    lower: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    truncated: bool = False

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to ``(start, end)`` offsets in the original prompt."""
        if end <= start or not self.starts:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    @cached_property
    def key(self) -> tuple[str, list[int]]:
        """``match_key(self.text)``, computed once per object (several detectors need it).

        The offset list is shared between callers: read it, never modify it.
        """
        return match_key(self.text)


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha() or ("\u00c0" <= ch <= "\u024f")


def _is_cyr_greek(ch: str) -> bool:
    return "\u0370" <= ch <= "\u052f"


def _char_forms(ch: str) -> str:
    """NFKC, then drop diacritics of Latin/Greek/Cyrillic letters (keep kana marks)."""
    form = _ALWAYS_FOLD.get(ch) or unicodedata.normalize("NFKC", ch)
    decomposed = unicodedata.normalize("NFKD", form)
    if decomposed and ord(decomposed[0]) < 0x0530:
        form = "".join(c for c in decomposed if not unicodedata.combining(c))
    out = []
    for c in form:
        low = c.lower()
        out.append(c if len(low) == 1 else low[0])  # keep text and lower aligned
    return "".join(out)


def normalize(text: str, max_chars: int = MAX_SCAN_CHARS) -> NormalizedText:
    """Normalise a prompt for detection.

    Args:
        text: the prompt (any str, including lone surrogates and control chars).
        max_chars: scan at most this many visible characters of ``text`` (invisible
            padding does not count; at most :data:`HARD_SCAN_LIMIT` characters are read).

    Returns:
        A :class:`NormalizedText` whose offsets map back into ``text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, got {type(text).__name__}")
    base: list[int] | None = None
    truncated = False
    head = text
    if len(text) > max_chars:
        head, base, truncated = _compact(text, max_chars)
        if truncated:  # length only: prompts are never logged
            log.debug("prompt of %d characters: only the first %d visible ones are scanned", len(text), max_chars)
    if head.isascii():  # fast path: no Unicode folding needed
        chars = list(head.translate(_ASCII_TABLE))
        src = list(range(len(chars)))
    else:
        chars, src = _unicode_chars(head)

    s = "".join(chars)
    # SD weights like "(name:1.3)" -> blank the ":1.3".
    for m in _WEIGHT.finditer(s):
        for k in range(m.start(), m.end()):
            chars[k] = " "
    s = "".join(chars)
    # "Tom_Hanks", "Lionel.Messi": joiners between letters become spaces.
    for m in _JOINER.finditer(s):
        chars[m.start()] = " "
    s = "".join(chars)
    drop = set()
    for m in _SEPARATED.finditer(s):
        sep = m.group("sep")
        for k in range(m.start(), m.end()):
            if s[k] == sep:
                drop.add(k)
    chars, src = _drop(chars, src, drop)
    chars = _fold_tokens(chars)
    # Collapse whitespace (keeps the offset map simple: spaces are dropped, never merged).
    s = "".join(chars)
    keep_c, keep_s = _drop(chars, src, {k for m in _EXTRA_SPACE.finditer(s) for k in range(m.start(), m.end())})
    out = "".join(keep_c)
    if base is not None:
        keep_s = [base[o] for o in keep_s]
    return NormalizedText(original=text, text=out, lower="".join(c.lower() for c in keep_c),
                          starts=tuple(keep_s), ends=tuple(o + 1 for o in keep_s), truncated=truncated)


def _compact(text: str, max_chars: int) -> tuple[str, list[int], bool]:
    """The first ``max_chars`` visible characters of a long prompt, with their offsets.

    Invisible padding (whitespace, zero-width and bidi characters) is squeezed to
    one space (or nothing, between letters) before counting, so padding cannot push
    a name out of the scanned part; regex scanning keeps this linear and fast.
    """
    chars: list[str] = []
    offsets: list[int] = []
    count, pos = 0, 0
    limit = min(len(text), HARD_SCAN_LIMIT)
    for m in _VISIBLE_RUN.finditer(text, 0, limit):
        if chars and _SPACE.search(text, pos, m.start()):
            chars.append(" ")
            offsets.append(pos)
        take = min(m.end() - m.start(), max_chars - count)
        chars.extend(text[m.start():m.start() + take])
        offsets.extend(range(m.start(), m.start() + take))
        count += take
        pos = m.start() + take
        if count >= max_chars:
            break
    else:
        pos = limit
    truncated = _VISIBLE_RUN.search(text, pos) is not None
    return "".join(chars), offsets, truncated


# Letters and symbols that render as blanks (Hangul fillers, Braille blank, Khmer vowels).
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")

# Hyphens other than "-" that join the parts of a name: Unicode hyphen, non-breaking hyphen, Hebrew maqaf, small
# and full-width hyphen-minus (dashes between words, "–" "—", stay punctuation)
_HYPHENS = frozenset("\u2010\u2011\u05be\ufe63\uff0d")

_ASCII_TABLE = {i: " " for i in range(32)} | {127: " "} | {ord(c): " " for c in _SYNTAX}


def _unicode_chars(head: str) -> tuple[list[str], list[int]]:
    """Per-character folding of non-ASCII text; returns chars and their source indices."""
    chars: list[str] = []
    src: list[int] = []
    forms: dict[str, str] = {}  # _char_forms per distinct character of this prompt (they repeat a lot)
    prev_base_small = False
    for i, ch in enumerate(head):
        cp = ord(ch)
        if 32 < cp < 127:  # printable ASCII: NFKC/NFKD leave it as it is; only syntax characters become spaces
            chars.append(" " if ch in _SYNTAX else ch)
            src.append(i)
            prev_base_small = True
            continue
        if 0xD800 <= cp <= 0xDFFF:  # lone surrogate (e.g. from surrogateescape)
            continue
        cat = unicodedata.category(ch)
        if cat == "Cf" or 0xFE00 <= cp <= 0xFE0F or ch in _INVISIBLE_LETTERS:  # zero-width, bidi, fillers
            continue
        if cat in ("Cc", "Zs", "Zl", "Zp", "Co", "Cn"):
            chars.append(" ")
            src.append(i)
            prev_base_small = False
            continue
        if unicodedata.combining(ch) and prev_base_small:
            continue  # stray accent (or zalgo) on a Latin/Greek/Cyrillic letter
        if ch in _HYPHENS:  # "בן־שושן" (Hebrew maqaf), "Jean‐Paul" (U+2010): a hyphen inside a name (round 18b)
            chars.append("-")
            src.append(i)
            prev_base_small = False
            continue
        form = forms.get(ch)
        if form is None:
            form = forms[ch] = _char_forms(ch)
        for c in form:
            chars.append(" " if c in _SYNTAX else c)
            src.append(i)
        prev_base_small = bool(chars) and ord(chars[-1]) < 0x0530
    return chars, src


def _drop(chars: list[str], src: list[int], drop: set[int]) -> tuple[list[str], list[int]]:
    if not drop:
        return chars, src
    pairs = [(c, o) for k, (c, o) in enumerate(zip(chars, src)) if k not in drop]
    return [c for c, _ in pairs], [o for _, o in pairs]


def _fold_tokens(chars: list[str]) -> list[str]:
    """Confusable and leetspeak folding, token by token (same length in and out)."""
    s = "".join(chars)
    if s.isascii() and not _LEETISH.search(s):
        return chars
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(s)]
    # A prompt with any genuinely Cyrillic/Greek word keeps its all-lookalike words as they are.
    real_foreign = any(
        any(_is_cyr_greek(c) and c not in _CONFUSABLES for c in s[a:b]) for a, b in tokens)
    has_latin = any(_is_latin(c) for c in s)
    folded_leet = False
    deferred: list[tuple[int, int]] = []  # "du4": looks like "sd15"/"v2", leet only among leet words
    for a, b in tokens:
        tok = s[a:b]
        latin = any(_is_latin(c) for c in tok)
        foreign = [c for c in tok if _is_cyr_greek(c)]
        if foreign and (latin or (has_latin and not real_foreign and all(c in _CONFUSABLES for c in foreign))):
            for k in range(a, b):
                chars[k] = _CONFUSABLES.get(chars[k], chars[k])
        if latin and any(c in _ARMENIAN_LOOKALIKES for c in tok):
            for k in range(a, b):
                chars[k] = _ARMENIAN_LOOKALIKES.get(chars[k], chars[k])
        tok = "".join(chars[a:b])
        # Leading/trailing punctuation is punctuation, not leet ("@handle", "wow!"); a
        # leading "$" before a letter is an s ("$wift").
        core = tok.rstrip("'!|$@").lstrip("'!|@")
        if core.startswith("$") and not core[1:2].isalpha():
            core = core.lstrip("$")
        # "taylorswift13", "obama2024": a number after a word is a number, not leetspeak
        trailing = re.search(r"(?<=[^\W\d_])\d{2,}$", core)
        if trailing and not any(c in _LEET for c in core[:trailing.start()]):
            core = core[:trailing.start()]
        if any(c in _LEET for c in core) and any(c.isalpha() for c in core):
            off = a + tok.index(core) if core else a
            if not _NOT_LEET.match(core):
                folded_leet = True
                for k in range(off, off + len(core)):
                    chars[k] = _LEET.get(chars[k], chars[k])
            elif _SHORT_LEET.match(core):
                deferred.append((off, off + len(core)))
    if folded_leet:
        for a, b in deferred:
            for k in range(a, b):
                chars[k] = _LEET.get(chars[k], chars[k])
    return chars


# Ukrainian/Belarusian letters matched as their Russian counterparts ("Мессі" = "Месси").
# Thaana letters added for Arabic loan sounds (haa, ainu, saadhu, ttaa, zo, dhaalu, zaa) are
# written as their plain Dhivehi letters too ("މުޙައްމަދު" = "މުހައްމަދު"), so both spellings match.
_KEY_FOLD = {"\u0456": "\u0438", "\u0457": "\u0438", "\u0454": "\u0435", "\u0491": "\u0433", "\u045e": "\u0443",
             "\u0799": "\u0780", "\u07a2": "\u0787", "\u079e": "\u0790", "\u0798": "\u078c", "\u07a1": "\u0792",
             "\u079b": "\u0792", "\u079c": "\u0792"}


def match_key(text: str) -> tuple[str, list[int]]:
    """Lower-case letters/digits with every other run of characters as one space.

    Returns the key and, per key character, the index in ``text`` it came from.
    Used for list matching so "J.K. Rowling", "J K Rowling" and "j.k rowling" agree; a
    number after letters is a word of its own ("@taylorswift13").
    """
    if text.isascii():
        if text.isalpha():  # one plain word (most calls): the loop below would only lower-case it
            return text.lower(), list(range(len(text)))
        return _ascii_match_key(text)
    key: list[str] = []
    idx: list[int] = []
    for k, c in enumerate(text):
        if c.isalnum() or (key and key[-1] != " " and unicodedata.category(c)[0] == "M"):
            # combining vowel signs and viramas (Devanagari, Bengali, Tamil, Thai, ...) stay in
            # their word: "मोदी" is one word, not "म द"
            if c.isdigit() and key and key[-1].isalpha():  # "taylorswift13" -> "taylorswift 13"
                key.append(" ")
                idx.append(k)
            key.append(_KEY_FOLD.get(c.lower()[0], c.lower()[0]) if c.isalnum() else c)
            idx.append(k)
        elif key and key[-1] != " ":
            key.append(" ")
            idx.append(k)
    if key and key[-1] == " ":
        key.pop()
        idx.pop()
    return "".join(key), idx


_ASCII_RUN = re.compile(r"[a-z]+|[0-9]+")


def _ascii_match_key(text: str) -> tuple[str, list[int]]:
    """:func:`match_key` of ASCII text, run by run (the same result as its per-character loop, faster)."""
    low = text.lower()  # ASCII: one character per character
    key: list[str] = []
    idx: list[int] = []
    prev_end = -1
    prev_alpha = False
    for m in _ASCII_RUN.finditer(low):
        a, b = m.span()
        digits = low[a] <= "9"
        # a separator run becomes one space; a number right after letters is a word of its own
        if prev_end >= 0 and (a > prev_end or (prev_alpha and digits)):
            key.append(" ")
            idx.append(prev_end)
        key.append(m.group())
        idx.extend(range(a, b))
        prev_end, prev_alpha = b, not digits
    return "".join(key), idx


def key_of(name: str) -> str:
    """The match key of a name as written in a list (normalised the same way as prompts)."""
    if name.isascii():
        plain = not _LEETISH.search(name) and not _SEPARATED.search(name)
    else:  # e.g. Chinese/Japanese/Russian names: nothing to fold if already NFKD, unaccented, no marks
        # (vowel signs of Indic and Thai names are kept; a decomposed Latin accent is normalised away)
        latin = any("a" <= c.lower() <= "z" for c in name)
        # (a letter prompts are always folded in, Turkish "ı" or a hooked "ɗ", is folded in the list too: "Nazım
        # Hikmet" was kept as "nazım" and never met the prompt's "nazim", round 36b)
        plain = (unicodedata.is_normalized("NFKD", name) and not _SEPARATED.search(name)
                 and not any(c in _ALWAYS_FOLD for c in name)
                 and not _LEETISH.search(name) and all(c.isalpha() or c in " -'.·・" or (unicodedata.category(c)[0] == "M" and not latin) for c in name))
    if plain:
        # normalize() would only turn punctuation into spaces, which match_key does anyway
        return match_key(name)[0]
    return match_key(normalize(name).text)[0]
