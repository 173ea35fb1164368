"""Epithets used as names and creators of a named work in a few more shapes (round 42a).

* a national epithet, "<metaphor> of <named country or state>" ("the Nightingale of India", "iron lady of manipur",
  "the Lion of Punjab"), with a person cue after it (an action, a setting): "a nightingale of India on a branch" or
  "the lion of judah statue" stay a bird, a title, a statue;
* "the flying <people>" ("the Flying Finn", "flying sikh") with an athletic cue; "the Flying Dutchman" is a ship;
* "the <Place> Express" with an athletic cue ("crossing the finish line", "bowling"): a train or a film otherwise;
* the most famous disciple or pupil of a named master ("the most famous disciple of Socrates", "el discípulo más
  famoso de Ramakrishna");
* a quoted work and a creator noun in Hindi ("'गोदान' के लेखक", "'मधुशाला' के कवि");
* a bare creator at the head of an all-lower-case prompt, an unquoted title and an -ing action ("singer of tum hi ho
  recording"): the title must hold no kind of work ("singer of love songs") and no article;
* the chef of a named restaurant ("the chef of elBulli", "el chef de Noma").

Spans are ``(start, end, what)`` over ``lower`` (accents folded, same length as ``text``).
"""

from __future__ import annotations

import re

from . import person_cues
from .indirect_more_languages import COUNTRIES
from .indirect_regional import STATES

_METAPHOR = (r"(?:nightingale|iron lady|iron man|lion|lioness|tiger|tigress|bulbul|golden girl|golden boy|"
             r"grand old man|grand old lady|melody queen|queen of melody|missile man|strongman|mother teresa|"
             r"gandhi|frontier gandhi|sardar|braveheart|joan of arc|rose|pride|voice|sachin|bradman|pele|"
             r"maradona|nelson mandela|iron chancellor|steel man|lady)")
_EPITHET = re.compile(r"(?:^|\bthe |\bof )(?P<e>" + _METAPHOR + r") of (?P<p>[a-z][\w-]*)")
# a human scene after an epithet that person_cues does not read ("on hunger strike", "hospital bed")
_HUMAN = re.compile(r"\b(?:hunger strike|speech|speaking|addressing|protest\w*|hospital bed|in a sari|saree|wearing|"
                    r"smiling|portrait|photojournalism|press conference|rally|interview|on horseback|riding)\b")
_STATE = re.compile(STATES + r"\b")
_FLYING = re.compile(r"(?:^|\bthe |\bof )flying (?:sikh|finn|finnish|kenyan|jamaican|tamil|bengali|punjabi|"
                     r"housewife|scot|irishman|irishwoman|frenchman|frenchwoman|doctor|nun)\b")
_EXPRESS = re.compile(r"(?:^|\bthe |\bof )(?P<p>[a-z][\w-]*) express\b")
_ATHLETIC = re.compile(r"\b(?:sprint\w*|running|runs|race|racing|finish line|track|olympic\w*|asian games|"
                       r"commonwealth games|medal\w*|podium|starting blocks|hurdles?|bowling|bowls|batting|wicket|"
                       r"stadium|jersey|marathon|relay|lap of honou?r)\b")
_NOT_ATHLETE = re.compile(r"\b(?:train|locomotive|rail\w*|station|carriage|coach|engine|movie|poster|"
                          r"ship|boat|sail\w*|opera|ghost|logo|courier|parcel|delivery)\b")
_DISCIPLE = re.compile(r"\bthe (?:most famous|best known|most celebrated|favou?rite|chief|greatest) (?:disciple|pupil|"
                       r"student|apprentice|protege) of (?P<o>\w)|"
                       r"\b(?:el|del|al|o|do|ao|il|dello|al|le|du|au) (?:discipulo|alumno|aprendiz|allievo|"
                       r"discepolo|disciple|eleve) (?:mas|mais|piu|plus) (?:famoso|celebre|conocido|conhecido|"
                       r"ilustre|famous|noto|connu|grande) (?:de|di|do|da|du|de la) (?P<r>\w)")
_HI_CREATOR = re.compile(r"['\"‘“«][^'\"’”»]{2,40}['\"’”»]\s*(?:के|की)\s+(?:कवि|कवयित्री|लेखक|लेखिका|रचयिता|रचनाकार|"
                         r"गायक|गायिका|संगीतकार|निर्देशक|गीतकार|उपन्यासकार|चित्रकार)")
_BARE_CREATOR = re.compile(r"^(?:(?:photo|picture|portrait|image|painting) of )?(?:the )?(?:singer|vocalist|"
                           r"composer|songwriter|author|writer|poet|novelist|director|rapper) of "
                           r"(?P<t>(?:[a-z']+ ){1,4}?)(?P<v>[a-z]+ing)\b")
_TITLE_STOP = re.compile(r"\b(?:the|a|an|my|our|your|his|her|their|this|that|some|many|songs?|music|ballads?|hymns?|"
                         r"lullabies|books?|novels?|poems?|poetry|stories|films?|movies?|love|sad|folk|pop|rock|jazz|"
                         r"children|kids|nursery|rhymes?|jingles?|anthems?|carols?|opera|operas|band|choir|group|"
                         r"church|village|town|wedding|year|night|day|old|new|famous|popular|hit|hits|classic|"
                         r"local|traditional|many|several|and|or|in|at|on|for|with|from|by)\b")
_CHEF = re.compile(r"\b(?:the|el|la|le|il|o|a|head) (?:head )?chef (?:of|de|di|do|da|du) (?=\S)")
_CHEAP = (" of ", " de ", " di ", " do ", " da ", " du ", "के", "की", "express", "flying")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-42a epithet and creator shapes (see above)."""
    out: list[tuple[int, int, str]] = []
    if not any(w in lower for w in _CHEAP):
        return out
    caps = cased and any(c.isupper() for c in text)
    if " of " in lower:
        for m in _EPITHET.finditer(lower):
            state = _STATE.match(lower, m.start("p"))
            end = state.end() if state else m.end()
            named = m.group("p") in COUNTRIES or state or (caps and text[m.start("p")].isupper())
            if named and (person_cues.person_evidence(lower, m.start(), end) or _HUMAN.search(lower, end)):
                out.append((m.start(), end, "a national epithet of a named place"))
        if caps or not any(c.isupper() for c in text):
            for m in _DISCIPLE.finditer(lower):
                at = m.start("o") if m.group("o") else m.start("r")
                if text[at].isupper():
                    out.append((m.start(), at, "the most famous disciple of a named master"))
        bare = _BARE_CREATOR.match(lower)
        if bare and not any(c.isupper() for c in text) and not _TITLE_STOP.search(bare.group("t")):
            out.append((bare.start(), bare.end("t"), "the creator of a named work"))
    elif " de " in lower or " di " in lower or " do " in lower or " da " in lower:
        for m in _DISCIPLE.finditer(lower):
            at = m.start("o") if m.group("o") else m.start("r")
            if text[at].isupper():
                out.append((m.start(), at, "the most famous disciple of a named master"))
    if "flying" in lower:
        for m in _FLYING.finditer(lower):
            if _ATHLETIC.search(lower) and not _NOT_ATHLETE.search(lower):
                out.append((m.start(), m.end(), "a national sporting epithet"))
    if "express" in lower:
        for m in _EXPRESS.finditer(lower):
            if (caps and text[m.start("p")].isupper() and _ATHLETIC.search(lower, m.end())
                    and not _NOT_ATHLETE.search(lower)):
                out.append((m.start(), m.end(), "a national sporting epithet"))
    if "के" in lower or "की" in lower:
        out += [(m.start(), m.end(), "the creator of a quoted work") for m in _HI_CREATOR.finditer(lower)]
    if "chef" in lower and caps:
        for m in _CHEF.finditer(lower):
            word = text[m.end():m.end() + 20].split(" ")[0]
            if word[:1].isupper() or (len(word) > 2 and word[0].islower() and any(c.isupper() for c in word[1:])) \
                    or word[:1] in "'\"‘“«":
                out.append((m.start(), m.end() + len(word), "the chef of a named restaurant"))
    return out
