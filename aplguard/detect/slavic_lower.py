"""Polish, Czech and Slovak names typed in lower case without their marks, in a case form after a picture word.

"zrob zdjecie roberta maklowicza w lesie", "fotka petra novaka na zahrade", "zdjecie anny kowalskiej": the
photo word governs the genitive or accusative, so the given name and the surname carry case endings
("roberta" <- "robert", "kowalskiej" <- "kowalska"), and a phone keyboard drops the capitals and the marks.
Capitalised, such pairs are the name-shape scorer's; in lower case they count only here, right after the
picture word, when the first word's nominative is a listed given name that is no everyday word and the
second is a listed surname in a case form or an unlisted word with a Slavic surname ending (round 38b).
"""

from __future__ import annotations

import re

from ..types import Finding
from . import context, inflection
from .normalize import MAX_SCAN_CHARS, NormalizedText, key_of

# cheap pre-check: the stems of the picture words
_HINTS = ("zdjec", "zdjęc", "fotk", "fotograf", "portret", "portrét", "obraz", "snimek", "snímek", "foto")
_RX = re.compile(r"\b(?:zdj[eę]ci[ea]|zdj[eę][cć]|fotk[aięeuy]|fotografi[aeiu]|fotografi[ię]|foto|portret(?:u)?|"
                 r"portr[ée]t|obraz(?:ek|u)?|obr[áa]zek|sn[íi]mek)\s+"
                 r"(?P<g>[a-ząćęłńóśźżáčďéěíňřšťúůýž]{3,})\s+(?P<s>[a-ząćęłńóśźżáčďéěíňřšťúůýž]{4,})\b")
# case endings of surnames (genitive, accusative; adjectival and noun surnames) as match keys
_SURNAME_CASE = ("skiego", "ckiego", "dzkiego", "skiej", "ckiej", "ska", "cka", "skou", "ckou", "sku", "cku",
                 "ego", "eho", "owej", "ovej", "ove", "ovou", "ova", "owa", "a", "e", "u", "y")

# endings only surnames take: adjectival surnames and the -icz/-czyk/-ak/-ek/-uk nouns in a case form
_UNLISTED_CASE = ("skiego", "ckiego", "dzkiego", "skiej", "ckiej", "dzkiej", "owej", "ovej", "skou", "ckou", "ovou",
                  "icza", "wicza", "czyka", "czuka", "iaka", "aka", "ika", "uka", "yka", "ova", "owa", "ove")


def find(norm: NormalizedText, detector: str, dictionary: frozenset[str],
         lexicons: tuple[frozenset[str], frozenset[str]], common: frozenset[str]) -> list[Finding]:
    """Lower-case given name + surname in a case form right after a Polish/Czech/Slovak picture word."""
    text = norm.original[:MAX_SCAN_CHARS]
    if not text.islower() and any(c.isupper() for c in text[:200]) and not text[:1].isupper():
        return []  # a mixed-case prompt wrote its capitals: the capitalised rules decide
    lower = text.lower()
    if not any(h in lower for h in _HINTS):
        return []
    first, last = lexicons
    out: list[Finding] = []
    for m in _RX.finditer(lower):
        if text[m.start("g")].isupper():
            continue  # written with capitals: the name-shape scorer's
        kg, ks = key_of(m.group("g")), key_of(m.group("s"))
        if (not kg or not ks or (kg in dictionary and kg not in first) or (ks in dictionary and ks not in last)
                or kg in common or ks in common):
            continue  # "zdjecie starego drzewa": words of the language
        if not any(c in first and c not in common and c != kg for c in inflection.lemmas(kg)):
            continue  # the given name must be a case form of a listed name ("roberta", "petra", "anny")
        if ks in context.THING_NOUNS or ks in context.REGIONS or not ks.endswith(_SURNAME_CASE):
            continue
        if not (any(c in last and c != ks for c in inflection.lemmas(ks)) or ks.endswith(_UNLISTED_CASE)):
            continue  # an unlisted surname needs a surname's own ending ("-skiego", "-icza"), not a noun's ("domu")
        out.append(Finding(kind="private_person", score=0.6, start=m.start("g"), end=m.end("s"),
                           text=text[m.start("g"):m.end("s")], detector=detector, canonical=None,
                           identity_seeking=True,
                           explanation="a lower-case given name and surname in a case form after a picture word"))
    return out
