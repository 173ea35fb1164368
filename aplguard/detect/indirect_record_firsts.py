"""Record firsts in Swahili, Hausa, Yoruba and Zulu (round 30a).

"the first <person word> to <do something>" written the African way: Swahili "mwanariadha wa kwanza kukimbia ...",
"mwanamke wa kwanza kushinda ...", Hausa "mace ta farko da ta lashe ...", Yoruba "obinrin akoko ti o gba ...", Zulu
"owesifazane wokuqala ukuwina ...". A first is one person only when what was done is on a world or record scale: a
capitalised name (a prize, a mountain, a country), a world/history/record word or a time limit ("chini ya saa mbili",
under two hours) within the clause; "mtoto wa kwanza kufika shuleni" (the first child to reach school) stays generic.

Spans are ``(start, end, what)`` over ``lower`` (the normaliser's text: accents off, same length as ``text``).
"""

from __future__ import annotations

import re

from .context import clause_end

# cheap pre-check: the "first" words of the four languages (accents off)
_G_FIRST = ("kwanza", "farko", "akoko", "kuqala")

_SW = re.compile(r"\b(?:mtu|mwanamke|mwanamume|mwanaume|msichana|mvulana|mwanariadha|mchezaji|mwanamuziki|mwimbaji|"
                 r"mwandishi|mwanasayansi|mwanaanga|mwafrika|rubani|mpanda mlima|bondia|mkimbiaji|mwogeleaji|muogeleaji|"
                 r"mwanasiasa|mwanamichezo|mcheza soka|mwanasoka|daktari|mhandisi)\s+wa\s+kwanza\s+(?:\w+\s+)?ku\w+")
_HA = re.compile(r"\b(?:mutum|mace|namiji|mutumin|dan wasa|'yar wasa|yar wasa|mawaki|marubuci|dan tsere|'yar tsere|"
                 r"masanin kimiyya|dan sama jannati|matukin jirgi|dan dambe|dan kwallo)\s+(?:na|ta)\s+farko\s+"
                 r"(?:da\s+(?:ta|ya|suka)\s+|wanda\s+ya\s+|wadda\s+ta\s+)\w+")
_YO = re.compile(r"\b(?:eniyan|eni|obinrin|okunrin|elere idaraya|elere|akorin|onkowe|asare|onimo ijinle sayensi|"
                 r"awako ofurufu|afese[- ]?gba)\s+akoko\s+(?:ti\s+o\s+|to\s+|ti\s+)\w+")
_ZU = re.compile(r"\b(?:umuntu|owesifazane|owesilisa|indoda|umfazi|umgijimi|umdlali|umculi|umbhali|usosayensi|"
                 r"umshayisibhakela|umshayeli)\s+(?:wokuqala|okokuqala)\s+(?:uku|oku)\w+")
# what puts the first on a world or record scale (besides a capitalised word)
_SCALE = re.compile(r"\b(?:dunia|duniani|ulimwengu|ulimwenguni|historia|rekodi|olimpiki|mwezini|angani|anga za juu|"
                    r"chini ya (?:saa|dakika|sekunde)|duniya|tarihi|gasar olympic|olympic|agbaye|itan|"
                    r"osupa|umhlaba|emhlabeni|emlandweni|inyanga|olympics?|world|record|nobel)\b")


# Round 32a. The record deed without "first" ("mwanariadha wa Kenya aliyekimbia marathon chini ya saa mbili": the
# athlete of Kenya who ran a marathon under two hours): a person word, "wa" + a capitalised country, a relative verb
# ("aliye-", "ambaye ali-") and a time limit, world or record word in the clause
_SW_DEED = re.compile(r"\b(?:" + _SW.pattern[5:_SW.pattern.index(r")\s+wa\s+kwanza")] + r")\s+wa\s+(?P<c>[a-z]{3,})"
                      r"(?:\s+[a-z]{3,})?\s+(?:aliye|aliyo|ambaye\s+ali|anaye)\w+")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The record firsts (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    out: list[tuple[int, int, str]] = []
    if cased and ("aliye" in lower or "ambaye" in lower or "anaye" in lower or "aliyo" in lower):
        for m in _SW_DEED.finditer(lower):
            end = _clause_end(lower, m.end())
            if text[m.start("c"):m.start("c") + 1].isupper() and _SCALE.search(lower, m.end(), end):
                out.append((m.start(), m.end(), "a record deed by a person of a named country"))
    if not any(g in lower for g in _G_FIRST):
        return out
    for rx in (_SW, _HA, _YO, _ZU):
        for m in rx.finditer(lower):
            end = _clause_end(lower, m.end())
            named = cased and re.search(r"(?<![\w'])[A-Z]", text[m.end():end]) is not None
            if named or _SCALE.search(lower, m.end(), end):
                out.append((m.start(), m.end(), "the first of a kind to do a record deed"))
    return out


def _clause_end(lower: str, i: int) -> int:
    return clause_end(lower, i, 100)
