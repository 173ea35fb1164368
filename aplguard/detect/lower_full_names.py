"""Lower-case full names in an all-lower-case prompt, where the name is the subject and a person cue follows (round 42e).

"efren bata reyes lining up a shot", "pietro mennea che corre i 200 metri", "anneli jaatteenmaki puhuu
eduskunnassa", "a realistic photo of paulo freire teaching adults to read": a phone keyboard or a CLIP habit drops
every capital, so the name shape has no capital to read. A run of two or three words opening the prompt (or right
after "a photo of", "pintura de", ...) is a name here when

* its first word is a listed given name that is no common word of the prompt languages (a three-word name may open
  with a word no dictionary holds before a listed given name: a second given name, "arfa karim randhawa"),
* its last word is a listed surname or a word no dictionary holds (not a plural, an -ing form or a Latin epithet),
  and a middle word is a listed name, no dictionary word, or no English word; a first or last word no name list
  holds is no frequent word of the other prompt languages either (Indonesian, Turkish, Polish, ...),
* no word is a place opener, a thing, a region or a role, and no list holds the run as a character, brand or thing
  ("john deere", "harry potter", "eggs benedict"; a listed public figure is the gazetteer's),
* and right after it comes what a person does: an action or a setting (:func:`person_cues.person_evidence`), an -ing
  verb with its particle or object ("lining up", "diving off the"), "mid-air", a third-person verb of a person in
  the Romance, Germanic, Nordic, Finnish or Polish languages, possibly after a relative pronoun ("che corre",
  "puhuu"), or riding ("a caballo"); a three-word name also takes "with a ..." after it, and a picture word in the
  prompt when it opens with a listed given name.

Same-shape negatives stay negative: dishes and things named after people need their noun ("caesar salad", "victoria
sponge", "earl grey tea"), place names open with a place word ("santa monica pier", "san diego zoo"), common-word
pairs start with a common word ("will power", "rose garden"), and plants or animals do what plants or animals do
("victoria amazonica blooming in a pond").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..types import Finding
from . import context, person_cues
from .names_index import NameIndex
from .normalize import MAX_SCAN_CHARS, NormalizedText, key_of
from .personalization import PET_ANIMALS, RARE_TOKENS

# what may stand before the name: a picture of someone, in the languages of the prompts
_OPENER = re.compile(
    r"\s*(?:(?:a|an|the|una|un|une|uma|um|ein|eine)\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:photo|photograph|picture|image|portrait|painting|drawing|sketch|foto|fotografia|retrato|pintura|dibujo|"
    r"ritratto|dipinto|disegno|immagine|quadro|desenho|tableau|dessin|bild|gemalde|zeichnung|kuva|valokuva|"
    r"muotokuva|maalaus|obraz|portret|zdjecie)\s+(?:of|de|di|do|da|du|del|della|von|des)\s+")
_WORDS = re.compile(r"([^\W\d_]{2,}) ([^\W\d_]{2,})(?: ([^\W\d_]{2,}))?(?![\w'’-])")
# words that open a place's or a thing's name, never a person's ("santa monica", "san diego", "fort worth")
_PLACE_OPENERS = context.word_set("""san santa santo sao saint st ste fort mount mont monte lake lago port porto
cape cabo villa vila isla ciudad puerto bahia rio costa playa ponte castel castello borgo torre punta""")
# -ing forms of what plants, water, light and animals do (not a person's act): "victoria amazonica blooming in a pond"
_NOT_PERSON_ING = context.word_set("""being blooming flowering floating growing melting glowing burning flowing
falling shining blowing drifting swaying dripping steaming sparkling glittering rusting rotting ripening wilting
sprouting grazing nesting perching chirping hovering barking purring buzzing crawling slithering blossoming
fluttering swarming spawning hatching creeping climbing trailing spreading""")
# an artwork or record noun in -ing, then how it is shown: the person's work, not the person at work
_ARTWORK_ING = context.word_set("painting drawing etching engraving carving recording sketching")
_DISPLAYED = context.word_set("""hanging framed displayed exhibited auctioned restored sold stolen reproduction print
prints canvas collection""")
# -ing nouns that are no verb ("a morning at ...", "pudding with custard")
_ING_NOUNS = context.word_set("""morning evening building ceiling pudding wedding clothing dumpling sibling darling
herring earring offspring icing frosting stuffing filling topping seasoning dressing lighting wording bedding
king ring thing wing spring string sling swing""")
# after an -ing verb: its particle, preposition, article or possessive ("lining up", "diving off the", "laughing at")
_ING_NEXT = context.word_set("""up down off out on in at into onto over through for with from to by around across
along away back the a an his her their some""")
# Latin epithets of plants and animals ("amazonica", "sinensis", "grandiflora"): no surname
_EPITHET = re.compile(r"(?:ensis|ica|icum|icus|iflora|ifolia|ifolium|oides|ii|atum|osum|osus|ianum|ianus)$")
# a third-person verb of a person (present), in Italian, Spanish, Portuguese, French, German, Dutch, Swedish, Finnish
# and Polish, as it follows the subject; no form that is an English word ("ride", "court", "come", "lit")
_PERSON_VERBS = person_cues._with_folded(context.word_set("""
corre canta balla parla sorride legge scrive suona gioca salta nuota dipinge cucina insegna guida cammina saluta
festeggia calcia segna pedala combatte recita dirige allena mangia beve fuma piange abbraccia bacia predica
baila habla sonrie lee escribe juega cocina ensena camina celebra lanza patea pedalea pelea entrena
llora abraza besa
danca fala sorri escreve joga pula cozinha ensina caminha acena comemora chuta pedala luta treina chora abraca beija
chante danse parle sourit ecrit joue nage peint enseigne salue celebre pedale entraine pleure
embrasse
lauft singt tanzt spricht lacht lachelt liest schreibt spielt springt schwimmt malt kocht unterrichtet fahrt
winkt feiert wirft schiesst boxt kampft dirigiert trainiert weint
loopt zingt danst spreekt leest schrijft speelt springt zwemt schildert kookt rijdt zwaait viert
springer sjunger talar dansar skrattar ler skriver spelar hoppar simmar malar undervisar vinkar firar
puhuu laulaa tanssii hymyilee nauraa juoksee pelaa kirjoittaa lukee soittaa maalaa opettaa hyppaa heittaa
tuulettaa juhlii kavelee seisoo istuu ajaa ui
biegnie spiewa tanczy mowi przemawia smieje usmiecha czyta pisze gra skacze plywa maluje gotuje uczy
"""))
_RELATIVE = context.word_set("che que qui who der die som joka kto ktory ktora")
# on horseback, in the languages of the prompts
_RIDING = re.compile(r"\s+(?:a caballo|a cavallo|a cavalo|à cheval|a cheval|on horseback|zu pferd|te paard|"
                     r"hevosen selassa|na koniu)\b")
_MID = re.compile(r"\s+mid-[a-z]{3,}\b")  # "mid-air", "mid-jump", "mid-stride", "mid-speech"
_WITH = re.compile(r"\s+(?:with|in|wearing) (?:a|an|his|her|their) [a-z]")
_PICTURE = re.compile(r"\b(?:portrait|photo|headshot|selfie|retrato|ritratto|foto|kuva|valokuva)\b")
# Round 43c. A picture of someone anywhere in the prompt ("restored black and white photo of ...", "fais moi un
# portrait de ...", "poster with ..."): the run right after it is what is pictured
_PICTURE_OF = re.compile(
    r"\b(?:pic|pics|photo|photos|photograph|picture|image|portrait|poster|painting|drawing|sketch|foto|fotografia|"
    r"retrato|pintura|ritratto|immagine|quadro|tableau|dessin|bild|gemalde|kuva|valokuva|muotokuva|obraz|portret|"
    r"zdjecie)\s+(?:of|de|di|do|da|du|del|della|von|des|with)\s+")
# food and table words: two unknown words then are a dish ("khachapuri adjaruli on a board")
_FOOD = re.compile(r"\b(?:food|dish|dishes|plate|bowl|board|recipe|cuisine|served|menu|restaurant|tasty|delicious|"
                   r"cooked|baked|fried|grilled|soup|stew|bread|cheese|sauce|snack|dessert|platter|tray|street food|"
                   r"comida|plato|plat|cucina|piatto|essen|gericht)\b")
# offices and trades said right before a name ("the sculptor ...", "general ...", "yakutia head ...", "head of
# bashkortostan ..."); with "of" and one word between for the offices of a place
_OFFICES_OF = context.word_set("head mayor governor president premier minister leader chief ruler general colonel marshal "
                               "admiral")


def find(norm: NormalizedText, detector: str, lexicons: tuple[frozenset[str], frozenset[str]],
         common: frozenset[str], dictionary: frozenset[str], english_zipf: Callable[[str], float],
         indexes: tuple[NameIndex, ...], relation_words: frozenset[str],
         more_words: Callable[[], frozenset[str]], frequent_surnames: frozenset[str]) -> list[Finding]:
    """A lower-case full name opening an all-lower-case prompt (or after "a photo of"), then a person cue.

    ``indexes``: the lists a run must not be found in (public figures: the gazetteer's; characters, brands, things).
    ``relation_words``: possessives and kin words of every language ("meri behan ...": the relation rules' prompt).
    ``more_words``: the frequent words of more prompt languages (Indonesian, Turkish, Polish, ...), fetched when needed:
    a word no name list holds must be none of them either ("kucing oren tidur" is "ginger cat sleeping").
    ``frequent_surnames``: the most frequent (US census) surnames, which may be English words too ("reyes", "garcia").
    """
    text = norm.original[:MAX_SCAN_CHARS]
    if not text.islower() or " " not in text:
        return []  # cheap pre-check: a prompt that writes capitals writes them on names
    lower = norm.lower
    opener = _OPENER.match(lower)
    pos = opener.end() if opener else len(lower) - len(lower.lstrip())
    first, last = lexicons
    lookup = _Lookup(first, last, common, dictionary, english_zipf, indexes, more_words)
    # round 43c: also a run after a picture of someone or a role anywhere ("... photo of djamila bouhired in 1958",
    # "the sculptor dashi namdakov carving"); it needs no cue after, and may be two words no list or dictionary holds
    for cue_end in _cued_positions(lower):
        if cue_end == pos and opener is None:
            continue
        f = _cued_run(norm, detector, lookup, cue_end, relation_words)
        if f is not None:
            return [f]
    m = _WORDS.match(lower, pos)
    if m is None:
        return []
    for n in (3, 2):
        if m.group(n) is None:
            continue
        words = [m.group(i) for i in range(1, n + 1)]
        keys = [key_of(w) for w in words]
        if keys[0] in relation_words and keys[1] in relation_words:
            return []  # "meri behan ...", "amar bon ...": a possessive and a kin word
        start, end = m.start(1), m.end(n)
        unknown = n == 2 and lookup.unknown_pair(keys)
        if unknown and (_FOOD.search(lower) or context.thing_after(lower, end)):
            continue
        if not unknown and not _name_shaped(keys, first, last, common, dictionary, english_zipf):
            continue
        if (n == 3 and keys[2] in dictionary and keys[2] not in first and keys[2] not in frequent_surnames
                and english_zipf(keys[2]) >= 3.0):
            continue  # "dolly varden trout", "oscar mayer wiener": a thing named after a name, a surname or not
        ends = [k for k in (keys[0], keys[-1]) if k not in first and k not in last]
        if ends and any(k in more_words() for k in ends):
            continue  # (a middle word may be one: "efren bata reyes", "miriam defensor santiago")
        span_key = " ".join(keys)
        if any(" " in span_key[h.start:h.end] or (h.start == 0 and h.end == len(span_key))
               for index in indexes for h in index.exact(span_key)):
            return []  # "john deere", "harry potter", a listed public figure (a listed one-word alias inside is not)
        why = _cue(lower, start, end, n == 3, keys[0] in first)
        if why is None or (unknown and why == "a three-word name with a picture or an outfit"):
            continue
        a, b = norm.span(start, end)
        return [Finding(kind="private_person", score=0.6, start=a, end=b, text=norm.original[a:b], detector=detector,
                        canonical=None, identity_seeking=True,
                        explanation=f"a lower-case full name as the subject ({why})")]
    return []


def _name_shaped(keys: list[str], first: frozenset[str], last: frozenset[str], common: frozenset[str],
                 dictionary: frozenset[str], english_zipf: Callable[[str], float]) -> bool:
    """Whether two or three match keys read as a given name (or two) and a surname."""
    if any(not k.isalpha() or k in common or k in context.FUNCTION_WORDS or k in context.THING_NOUNS
           or k in context.ANIMALS_OBJECTS or k in context.REGIONS or k in _PLACE_OPENERS
           or k in person_cues.PERSON_ROLES for k in keys):
        return False
    g, s = keys[0], keys[-1]
    if not (g in first or (len(keys) == 3 and len(g) >= 3 and g not in dictionary and keys[1] in first)):
        return False
    if s in last:
        if s not in first and english_zipf(s) >= 4.5:
            return False  # an everyday English word that is a surname too ("woods", "rice")
    elif (s in dictionary or len(s) < 4 or not re.search(r"[aeiouy]", s)
          or s.endswith(("ing", "ed", "ly", "ness", "ment", "tion")) or (s.endswith("s") and s[:-1] in dictionary)):
        return False
    if _EPITHET.search(s) and s not in last:
        return False  # "victoria amazonica", "camellia sinensis": a species
    return len(keys) == 2 or keys[1] in first or keys[1] in last or keys[1] not in dictionary or (
        english_zipf(keys[1]) < 2.0 and len(keys[1]) >= 3)


def _cue(lower: str, start: int, end: int, three: bool, listed: bool) -> str | None:
    """What after the name says a person is meant, or None (``three``: a three-word name; ``listed``: its first word
    is a listed given name)."""
    after = lower[end:end + 40].split()
    if not after:
        return None
    w = after[0].strip(",.;:!?")
    if w in _NOT_PERSON_ING or (w in _ARTWORK_ING and len(after) > 1 and after[1].strip(",.;:") in _DISPLAYED):
        return None  # "lorenzo lotto painting hanging in a museum": the painter's work
    # (the words before the name are not read: "a photo of" alone does not make "john deere" a person)
    why = person_cues.person_evidence(" " * start + lower[start:], start, end)
    if why is not None:
        return why
    if (w.endswith("ing") and len(w) >= 6 and w not in _ING_NOUNS and len(after) > 1
            and after[1].strip(",.;:") in _ING_NEXT):
        return "an -ing verb with its object"
    if w in _PERSON_VERBS or (w in _RELATIVE and len(after) > 1 and after[1].strip(",.;:") in _PERSON_VERBS):
        return "a verb of a person"
    if _MID.match(lower, end) or _RIDING.match(lower, end):
        return "a moment of a person's act"
    if three and (_WITH.match(lower, end) or (listed and _PICTURE.search(lower, end))):
        return "a three-word name with a picture or an outfit"
    return None


class _Lookup:
    """The word lists a run is checked against (round 43c)."""

    def __init__(self, first: frozenset[str], last: frozenset[str], common: frozenset[str],
                 dictionary: frozenset[str], english_zipf: Callable[[str], float], indexes: tuple[NameIndex, ...],
                 more_words: Callable[[], frozenset[str]]) -> None:
        self.first, self.last, self.common, self.dictionary = first, last, common, dictionary
        self.english_zipf, self.indexes, self.more_words = english_zipf, indexes, more_words

    def unknown_pair(self, keys: list[str]) -> bool:
        """Two words no dictionary, no frequent-word list of the prompt languages and no list of things holds
        ("mutaz barshim", "wab kinew"): a name read in full lower case (a foreign dish or place has its own word
        in some list: "nasi goreng", "machu picchu")."""
        return len(keys) == 2 and all(
            k.isalpha() and len(k) >= 3 and re.search(r"[aeiouy]", k) is not None and k not in self.dictionary
            and k not in self.common and k not in context.REGIONS and k not in self.more_words()
            and k not in RARE_TOKENS and k not in PET_ANIMALS  # "a photo of xyz corgi": a trained pet token
            and self.english_zipf(k) < 1.5 for k in keys)

    def listed(self, span_key: str) -> bool:
        """Whether a list of public figures, characters, brands or things holds the run (or a multi-word part)."""
        return any(" " in span_key[h.start:h.end] or (h.start == 0 and h.end == len(span_key))
                   for index in self.indexes for h in index.exact(span_key))


def _cued_positions(lower: str) -> list[int]:
    """Where a run may start right after a picture of someone or a role word (round 43c)."""
    out = [m.end() for m in _PICTURE_OF.finditer(lower)] if any(
        w in lower for w in ("pic", "pho", "por", "pos", "ima", "pain", "draw", "sket", "fot", "ret", "rit", "quad",
                             "tabl", "dess", "bild", "gem", "kuva", "obr", "zdj")) else []
    words = list(re.finditer(r"[a-z]+", lower))
    for i, w in enumerate(words[:-1]):
        k = w.group()
        if k in person_cues.OCCUPATIONS and k not in ("saint", "st"):
            out.append(words[i + 1].start())
        elif k in _OFFICES_OF:
            nxt = words[i + 1]
            out.append(words[i + 3].start() if nxt.group() == "of" and i + 3 < len(words) else nxt.start())
    return out


def _cued_run(norm: NormalizedText, detector: str, lookup: _Lookup, pos: int,
              relation_words: frozenset[str]) -> Finding | None:
    """A two- or three-word name right after a picture cue or a role, or None."""
    m = _WORDS.match(norm.lower, pos)
    if m is None:
        return None
    for n in (3, 2):
        if m.group(n) is None:
            continue
        keys = [key_of(m.group(i)) for i in range(1, n + 1)]
        if keys[0] in relation_words and keys[1] in relation_words:
            return None
        unknown = lookup.unknown_pair(keys)
        if unknown and (_FOOD.search(norm.lower) or context.thing_after(norm.lower, m.end(n))):
            continue
        if not (unknown or _name_shaped(keys, lookup.first, lookup.last, lookup.common,
                                                          lookup.dictionary, lookup.english_zipf)):
            continue
        ends = [k for k in (keys[0], keys[-1]) if k not in lookup.first and k not in lookup.last]
        if (ends and any(k in lookup.more_words() for k in ends)) or any(
                k in lookup.dictionary and lookup.english_zipf(k) >= 3.0 and k not in lookup.first
                and k not in lookup.last for k in keys):
            continue
        if lookup.listed(" ".join(keys)):
            return None
        a, b = norm.span(m.start(1), m.end(n))
        return Finding(kind="private_person", score=0.6, start=a, end=b, text=norm.original[a:b], detector=detector,
                       canonical=None, identity_seeking=True,
                       explanation="a lower-case full name right after a picture of someone or a role")
    return None
