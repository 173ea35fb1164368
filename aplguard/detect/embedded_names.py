"""A name written in its own script inside a Latin-script prompt (round 43b).

"ⵍⵡⵏⵏⴰⵙ ⵎⴰⵄⵟⵓⴱ with his mandole", "ߛߊߟߌߝߎ ߞߋߕߊ portrait", "𞤄𞤢𞤢𞤦𞤢 𞤃𞤢𞤢𞤤 singing on the riverbank",
"黃志強 at his electronics stall", "portrait officiel de محمد ولد الشيخ الغزواني": the prompt is written in Latin
letters and the only words of another script are a short run in the subject's place. Users write a person's name so
(Tifinagh, N'Ko, Adlam, Cherokee, Mongolian, Javanese, Tibetan, Ethiopic, ...: scripts no name list here holds);
they rarely write an ordinary word so, and when they do it is a thing, a dish or a place ("ラーメン bowl", "東京 at
night") or text to render ("ⴰⵣⵓⵍ in neon letters").

A run is a name when it is the only text of its script, opens the prompt (or follows "portrait of"), and what
follows it is what a person does or is: a human act ("singing", "holding his ..."), "as a", a role after a comma or
an article ("..., a weaver from ...", "the Kabyle singer"), clothing ("in a white boubou"), "on stage"; or, with a
portrait word anywhere in the prompt, anything but a text or thing word. Words of a script's dictionary (wordfreq),
its common or anonymous-person words (deities too) are no name; a Chinese or Korean run starts with a listed
surname, a Japanese kana run is a foreign full name ("・").
"""

from __future__ import annotations

import re
import unicodedata

from ..types import Finding
from .normalize import NormalizedText
from .resources import ResourceCache
from .script_names import _NO_DICTIONARY, _Lists, fold_word, load_lists, script_of

# Characters that join the words of one run: a space, Tibetan tsheg, the katakana middle dot, hyphen, apostrophe
_JOINERS = " \u0F0B\u30FB-'\u2019"
_PARTICLES = frozenset(("بن", "بنت", "ابن", "ولد", "ول", "ابو", "عبد", "آل"))
# Greek gods are given names too ("Αθηνά", "Ερμής"): with a spear or a thunderbolt they are myth, not a person
_GREEK_GODS = frozenset(fold_word(w) for w in (
    "Ζευς", "Ζεύς", "Ήρα", "Ποσειδών", "Ποσειδώνας", "Αθηνά", "Αθηνα", "Απόλλων", "Απόλλωνας", "Άρτεμις", "Αφροδίτη",
    "Άρης", "Ερμής", "Ήφαιστος", "Διόνυσος", "Δήμητρα", "Εστία", "Άδης", "Περσεφόνη", "Ηρακλής", "Παλλάς",
    "Αχιλλέας", "Οδυσσέας"))
# scripts with a hand-made common-word list but no range in ``script_names.script_of``
_HAND_LISTED = ("lao", "khmer", "myanmar", "tibetan")
# Runs longer than this are text in that language, not a name
_MAX_WORDS = 5

# -- what follows the run -----------------------------------------------------------------------------------------
_ROLES = (r"singer|poet|poetess|writer|author|novelist|musician|composer|painter|sculptor|weaver|vendor|seller|"
          r"trader|merchant|teacher|nurse|doctor|midwife|driver|tailor|seamstress|farmer|herder|shepherd|fisherman|"
          r"fisher|potter|blacksmith|carpenter|baker|monk|nun|priest|imam|rabbi|lama|scholar|scientist|professor|"
          r"engineer|student|activist|politician|president|minister|governor|mayor|senator|king|queen|prince|"
          r"princess|emperor|empress|sultan|chief|leader|warrior|general|soldier|actor|actress|dancer|drummer|"
          r"guitarist|rapper|griot|storyteller|footballer|athlete|runner|boxer|wrestler|cyclist|player|champion|"
          r"journalist|photographer|calligrapher|healer|grandmother|grandfather|mother|father|woman|man|girl|boy|"
          r"lawyer|judge|surgeon|pilot|chef|cook|founder|inventor|hero|heroine|legend|icon|star|diva|"
          r"enseignante|enseignant|chanteuse|chanteur|couturière|couturier|vendeuse|vendeur|avocate|avocat|"
          r"infirmière|infirmier|maestra|maestro|cantante|vendedora|vendedor|professora|professor|enfermera")
_CLOTHES = (r"boubou|dress|suit|gown|robe|kaftan|caftan|hijab|headscarf|turban|uniform|costume|jersey|kimono|"
            r"hanbok|sari|saree|tunic|jacket|coat|shirt|veil|qipao|cheongsam|deel|chapan|agbada|kente|djellaba|"
            r"burnous|habesha|jellabiya|thobe|abaya|tracksuit|tuxedo")
_ACTS = (r"singing|dancing|playing (?:the|a|an|his|her)|writing|reading (?:a|the|his|her)|teaching|preaching|"
         r"praying|speaking|giving (?:a|his|her) speech|sewing|weaving|cooking|milking|drumming|performing|posing|"
         r"smiling|laughing|holding (?:a|an|the|his|her)|carrying (?:a|an|the|his|her)|riding (?:a|his|her)|"
         r"wearing|dressed|sitting (?:at|on|in) (?:a|the|his|her)|standing (?:in front of|beside|next to)|"
         r"receiving|accepting|signing|painting (?:a|the|his|her)|tending|selling|harvesting|kneading|"
         r"casting (?:a|the)|addressing|waving to|shaking hands|campaigning|lecturing|reciting|strumming|"
         r"hugging|celebrating|scoring|kicking|shooting (?:a|the)|running (?:a|the)")
_PERSON_AFTER = (
    r"\s*(?:[,;:\u0F0D\u1362\u1363\u060C\uFF0C\u3001\u3002\u0964-]\s*(?:(?:the|a|an|our|young|old|famous|"
    r"legendary|une?|la|le|el|o)\s+)?(?:[a-z\u00C0-\u024F'-]+\s+){0,2}(?:" + _ROLES + r")\b(?!['\u2019])"
    r"|(?:the|a|an)\s+(?:[a-z\u00C0-\u024F'-]+\s+){0,2}(?:" + _ROLES + r")\b(?!['\u2019])"
    r"|(?:as\s+(?:a|an|the)\s)"
    r"|(?:[a-z]+\s+){0,2}(?:his|her)\s"
    r"|in\s+(?:a\s+|an\s+|the\s+)?(?:[a-z]+\s+){0,2}(?:" + _CLOTHES + r")\b"
    r"|on\s+(?:a\s+|the\s+)?(?:[a-z]+\s+){0,2}stage\b|at\s+(?:a|the|his|her)\s+(?:[a-z]+\s+){0,2}"
    r"(?:rally|concert|press conference|ceremony|podium|inauguration|wedding|desk|stall|shop|loom))")
# what follows a name: who the person is, or what a person does
_STRONG_AFTER = re.compile(_PERSON_AFTER[:-1] + r"|(?:" + _ACTS + r")\b)")
# after one word only who the person is: a word smiles or sings in myth and song too ("ລາວ singing in the rain": him,
# "ဘုရား smiling": the Buddha)
_ONE_WORD_AFTER = re.compile(_PERSON_AFTER)
# a person word right after the run (no comma, no article): the run is an adjective, "Amazigh woman"
_MODIFIER = re.compile(r"\s+(?:[a-z]+\s+)?(?:" + _ROLES + r"|people|family|children|child|bride|groom|couple|elder|"
                       r"youth|women|men|girls|boys|dancers|musicians|warriors|style|traditional|pattern)\b")
# a portrait word anywhere in the prompt: then the run at the start only has to be no text or thing
_PORTRAIT = re.compile(r"\b(?:portrait|portraits|portret|potret|retrato|ritratto|porträt|headshot|"
                       r"passport photo|id photo)\b(?!\s+(?:mode|orientation|format|aspect|ratio|layout|lens))")
# "portrait of X", "portrait officiel de X" before the run
_PORTRAIT_OF = re.compile(r"(?:^|\s)(?:portrait|retrato|ritratto|portret|potret|porträt|headshot)(?:\s+(?:officiel|"
                          r"officielle|oficial|ufficiale|official))?\s+(?:of|de|di|von|van|du|do|da)\s*$")
# text to render, a thing or a place: the run is what is written or named there
_TEXT_AFTER = re.compile(r"\s*[,:;-]?\s*(?:in\s+)?(?:[a-z]+\s+){0,2}(?:letters?|lettering|alphabet|script|scripts|words?|"
                         r"text|calligraphy|logo|signs?|signage|inscription|font|typography|graffiti|tattoo|neon|"
                         r"symbols?|glyphs?|written|spelled|spelling|meaning|means|characters?|flag|emblem|stamp|seal|"
                         r"banner|poster|sticker|mug|t-shirt|label|caption|title|headline|typeface|wordmark)\b"
                         # the run names a place or a dish right before the word ("X mountains", "X soup")
                         r"|\s+(?:[a-z]+\s+)?(?:mountains?|river|lake|city|town|village|valley|desert|skyline|street|"
                         r"bowl|dish|plate|soup|tea|restaurant|temple|mosque|church|monastery|palace|market|festival|"
                         r"island|bridge|tower|square|park|beach)\b")
_TEXT_BEFORE = re.compile(r"(?:word|words|name|letter|letters|text|written|writing|reads|reading|says|saying|"
                          r"caption|sign|logo|title|calligraphy|inscription|spelled|tattoo|font|typography|banner|"
                          r"translate|translation|means)\W*$")
_QUOTES = "\"'«»“”„「」『』‹›"


def _foreign(ch: str) -> bool:
    """A letter or mark of a script other than Latin (and not a symbol, digit or punctuation)."""
    o = ord(ch)
    if o < 0x370 or 0x1E00 <= o <= 0x1EFF or 0x2000 <= o <= 0x2BFF or 0xFF00 <= o <= 0xFFEF:
        return False
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


def _runs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, words) of the runs of foreign words, words joined by one joiner."""
    out: list[tuple[int, int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if not _foreign(text[i]):
            i += 1
            continue
        start, words = i, 1
        while True:
            while i < n and _foreign(text[i]):
                i += 1
            if i + 1 < n and text[i] in _JOINERS and _foreign(text[i + 1]):
                words += 1
                i += 1
                continue
            break
        out.append((start, i, words))
    return out


# a prompt about legend, myth or fantasy: a name in it is a character's ("epic fantasy painting", "Norse myth")
_LEGEND = re.compile(r"\b(?:fantasy|legend\w*|myth\w*|folklore|folk ?tale|fairy ?tale|saga|deity|god|goddess|"
                     r"demigod)\b")


def find(norm: NormalizedText, detector: str, cache: ResourceCache, known: bytearray) -> list[Finding]:
    """A foreign-script run that names the subject of a Latin-script prompt (``private_person``)."""
    text, lower = norm.text, norm.lower
    if text.isascii() or len(lower) != len(text):
        return []
    runs = _runs(text)
    if len(runs) != 1:
        return []  # none, or the prompt is written in that script (or several) itself
    s, e, n = runs[0]
    if n > _MAX_WORDS or any(known[s:e]):
        return []
    rest = text[:s] + " " + text[e:]
    if sum(1 for w in re.findall(r"[A-Za-z\u00C0-\u024F]{2,}", rest)) < 2:
        return []  # a Latin frame: at least two words around the run
    head = lower[:s]
    if (s and text[s - 1] in _QUOTES) or (e < len(text) and text[e] in _QUOTES) or _TEXT_BEFORE.search(head):
        return []  # quoted, or after "the word": text to render
    portrait_of = bool(_PORTRAIT_OF.search(head))
    if head.strip(" \t([*-") and not portrait_of:
        return []  # not the subject: the run opens the prompt or follows "portrait of"
    if _TEXT_AFTER.match(lower, e):
        return []
    if _LEGEND.search(lower):
        return []  # round 43 merge: "Հայկ Նահապետ drawing his bow, epic fantasy painting": a hero of legend or myth
    listed = name_like(text[s:e], load_lists(cache))
    if listed is None:
        return []
    if _MODIFIER.match(lower, e):
        return []  # "ⴰⵎⴰⵣⵉⵖ woman in a red dress": the word describes the person the prompt asks for
    strong = bool((_ONE_WORD_AFTER if n == 1 else _STRONG_AFTER).match(lower, e))
    # a portrait word elsewhere: enough for a script no list knows, or for a run holding a listed name
    # ("ศาลา ไทย at sunset, portrait": Thai words no list holds; "ⵜⵉⵍⴻⵍⵍⵉ ⴰⵢⵜ ⵄⵍⵉ portrait with ...")
    # (or a script without a dictionary whose run holds no common word: "ሰላም ተስፋዬ from Addis Ababa, ... portrait")
    weak = listed or script_of(text[s]) in _NO_DICTIONARY
    if not (strong or portrait_of or (weak and _PORTRAIT.search(lower))):
        return []
    start, end = norm.span(s, e)
    return [Finding(kind="private_person", score=0.6, start=start, end=end, text=norm.original[start:end],
                    detector=detector, canonical=None,
                    explanation="a name in its own script as the subject of a Latin-script prompt",
                    identity_seeking=True)]


def name_like(run: str, lists: _Lists) -> bool | None:
    """None when the run is no name: a dictionary, common or anonymous-person word of its script, a deity; a Chinese
    or Korean run must open with a listed surname, a kana run be a foreign full name written with "・". Else
    whether the run holds a listed name word (True also for a script no list knows)."""
    script = next((script_of(c) for c in run if script_of(c)), None)
    words = [fold_word(w) for w in re.split(r"[ \u0F0B\u30FB]", run) if w]
    if script is None:  # a script no list here knows (Tifinagh, N'Ko, Adlam, ...) but a common word of Lao, Khmer,
        # Burmese or Tibetan ("ລາວ": he, "ဘုရား": the Buddha)
        return None if any(w in lists.common.get(k, frozenset()) for w in words for k in _HAND_LISTED) else True
    if script in ("han", "hangul"):
        word = words[0]
        return True if (len(words) <= 2 and 2 <= len(word) <= 4 and word not in lists.words.get(script, frozenset())
                        and (word[:1] in lists.last or word[:2] in lists.last)) else None
    if script == "kana":
        return True if "\u30FB" in run and len(words) >= 2 else None
    # (a patronymic particle between two names is no word of its own: "ولد" son, "بن", "بنت")
    words = [w for j, w in enumerate(words) if not (0 < j < len(words) - 1 and w in _PARTICLES)]
    if len(words) < 2 or any(w in lists.anon.get(script, frozenset()) or w in _GREEK_GODS for w in words):
        return None  # one word ("कृष्ण playing the flute": a deity, a city), "an old farmer": a description
    kinds = [lists.kind(w, script) for w in words]
    # dictionary words only ("جمال الطبيعة"): a phrase; a listed name among them makes a name ("محمد ولد ...")
    if "F" in kinds or "L" in kinds:
        return True
    return None if any(k in ("C", "W") for k in kinds) else False
