"""Two capitalised words pictured on their own life event: a private person, listed or not.

"ritratto di Ottavia Sarnelli il giorno della sua laurea", "photo of Maren Tollefsen on her wedding day",
"foto de Itziar Gorostiza el día de su boda": a picture of a full name followed by *their* graduation,
wedding, birthday or christening. Only people have those, so the clause decides what name lists cannot
(a given name missing from every list, a surname no census holds). The words must be no dictionary words
and no listed place, brand or character ("Villa Borghese", "Santa Claus"), and the clause must carry the
possessive ("sua", "su", "son", "her", "his"), which ties the event to the name (round 38b).
"""

from __future__ import annotations

import re

from ..types import Finding
from . import context
from .names_index import NameIndex
from .normalize import MAX_SCAN_CHARS, NormalizedText, key_of

# cheap pre-check: one of the event words must occur (lower case, accents as typed or folded)
_HINTS = ("laurea", "matrimonio", "nozze", "compleanno", "battesimo", "comunione", "cresima", "diploma",
          "graduat", "wedding", "birthday", "christening", "bar mitzvah", "bat mitzvah", "quinceañera", "quinceanera",
          "boda", "cumpleaños", "cumpleanos", "graduación", "graduacion", "bautizo", "casamento", "formatura",
          "aniversário", "aniversario", "batizado", "mariage", "anniversaire", "baptême", "bapteme", "hochzeit",
          "geburtstag", "abschluss", "taufe", "absolvent", "licenciatura", "nunta", "ziua")
# breeds and kinds the shared animal sets lack: "Border Collie", "German Shepherd", "Maine Coon" have birthdays too
_BREEDS = context.word_set("""collie collies shepherd spaniel setter pointer mastiff schnauzer doodle labradoodle
cockapoo shihtzu tzu bichon frise maltese pinscher rottweiler dobermann doberman coon persian siamese sphynx
bengal ragdoll shorthair longhair retrievers terriers pony""")
_PICTURE = (r"(?:portrait|photo|photograph|picture|image|painting|drawing|retrato|foto|fotografia|fotografía|imagen|"
            r"imagem|ritratto|immagine|dipinto|tableau|bild|porträt|portret|poza|fotografie)")
_OF = r"(?:of|de|di|del|della|du|von|da|do|a lui|lui)"
_NAME = r"(?P<g>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})\s+(?P<s>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})?)"
_EVENT = (r"(?:laurea|matrimonio|nozze|compleanno|battesimo|prima comunione|comunione|cresima|diploma|"
          r"graduation|wedding|birthday|christening|bar mitzvah|bat mitzvah|quincea[ñn]era|boda|cumplea[ñn]os|"
          r"graduaci[óo]n|bautizo|casamento|formatura|anivers[áa]rio|batizado|mariage|anniversaire|"
          r"bapt[êe]me|remise de dipl[ôo]me|hochzeit|geburtstag|abschluss\w*|taufe|licenciatura|nunt[ăa])")
_CLAUSE = (r"(?:,\s*)?(?:"
           # it / es / pt / fr / de / ro: "il giorno della sua laurea", "el día de su boda", "le jour de son mariage"
           r"(?:il giorno|el d[íi]a|no dia|le jour|am tag|[îi]n ziua)\s+(?:della|del|de|di|da|do|des|du)?\s*"
           r"(?:sua|suo|su|seu|sua|son|sa|seiner|ihrer|sale|lui)\s+|"
           r"(?:alla|al|nella|nel|a|en|em|na|no|[àa] (?:son|sa)|bei (?:seiner|ihrer)|auf (?:seiner|ihrer)|la)\s+"
           r"(?:sua|suo|su|seu|sua)?\s*|"
           # en: "on her wedding day", "at his graduation"
           r"(?:on|at|during|celebrating)\s+(?:her|his|their)\s+)" + _EVENT + r"\b")
_RX = re.compile(r"\b" + _PICTURE + r"\s+" + _OF + r"\s+" + _NAME + r"\s*" + _CLAUSE)


def find(norm: NormalizedText, detector: str, dictionary: frozenset[str], non_person: NameIndex,
         lexicons: tuple[frozenset[str], frozenset[str]]) -> list[Finding]:
    """Full names pictured on their own graduation, wedding, birthday or christening.

    ``lexicons``: (given names, surnames) as match keys; a dictionary word counts only where it is one of them
    ("Maria Rossi" yes, "Golden Retriever", "Piazza Navona" no).
    """
    first, last = lexicons
    text = norm.original[:MAX_SCAN_CHARS]
    lower = text.lower()
    if not any(h in lower for h in _HINTS):
        return []
    out: list[Finding] = []
    for m in _RX.finditer(text):
        g, s = m.group("g"), m.group("s")
        kg, ks = key_of(g), key_of(s)
        if ((g.lower() in dictionary and kg not in first) or (s.lower() in dictionary and ks not in last)
                or any(k in context.THING_NOUNS or k in context.ANIMALS_OBJECTS or k in _BREEDS for k in (kg, ks))):
            continue  # "Photo of Golden Retriever on his birthday": words, not a name
        name = f"{g} {s}"
        k = key_of(name)
        if k and non_person.exact(k):
            continue  # a character or place
        out.append(Finding(kind="private_person", score=0.6, start=m.start("g"), end=m.end("s"), text=name,
                           detector=detector, canonical=None, identity_seeking=True,
                           explanation="a full name pictured on their own life event (graduation, wedding, "
                                       "birthday)"))
    return out
