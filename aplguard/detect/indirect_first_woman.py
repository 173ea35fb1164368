"""The first (woman) holder of an office or title of a named place, in any word order of many languages (round 43a).

"la prima donna primo ministro del Regno Unito", "первой женщины-президента Кыргызстана", "rais wa kwanza mwanamke wa
Tanzania", "l-ewwel mara President ta' Malta", "la primera campeona olímpica de Filipinas", "the first female prime
minister in the Arab world": a first-word, an optional woman-word, an office or title word beside them and a
capitalised place within three words after the office. Only the first holder is read here (one person by
definition); the place must be capitalised (cased prompts only), so "the first woman mayor of my town", "la primera
presidenta del club" stay generic. Tokens split at hyphens ("женщины-президента", "l-ewwel", "primeira-ministra").
"""

from __future__ import annotations

import re

from .indirect_inflected import DE_STATE

_CHEAP = ("first", "primer", "primeir", "prim", "erste", "pierwsz", "prvn", "prv", "перв", "перш", "kwanza", "ewwel",
          "ilk", "pertama", "eerste", "forsta", "forste", "ensimmai", "elso", "πρωτ")
_FIRST = frozenset({"first", "primer", "primera", "primero", "primeira", "primeiro", "prima", "primo", "premiere",
                    "erste", "ersten", "erster", "prva", "prvi", "prvo", "prvu", "prve", "prvni", "kwanza", "ewwel",
                    "l'ewwel", "ilk", "pertama", "eerste", "forsta", "forste", "elso"})
_FIRST_STEMS = ("pierwsz", "перв", "перш", "ensimmai", "πρωτ")
_WOMAN = ("woman", "female", "mujer", "mulher", "donna", "femme", "frau", "kobiet", "zena", "zensk", "женщин",
          "жінк", "mwanamke", "mara", "kadin", "wanita", "perempuan", "vrouw", "kvinn", "kvind", "nainen", "naisen",
          "noi", "γυναικ")
_OFFICE = ("president", "presidenta", "prezydent", "prezident", "президент", "rais", "ministr", "minister",
           "ministra", "ministro", "chancellor", "cancelliera", "canciller", "kanzlerin", "bundeskanzlerin", "bundesprasidentin", "governor", "gobernadora",
           "governadora", "mayor", "alcaldesa", "prefeita", "sindaca", "maire", "astronaut", "kosmonaut", "космонавт",
           "champion", "campeona", "campea", "campionessa", "championne", "mistrzyni", "laureat", "speaker", "senator",
           "premier", "kansler", "paaministeri", "peaminist", "πρωθυπουργ", "προεδρ")
# words inside an office title that are no office on their own
_NOT_OFFICE = ("presidential", "presidents", "ministry", "ministre de la", "champions", "premiere", "premiers")
_TOKEN = re.compile(r"[\w’]+")


def _is(w: str, stems: tuple[str, ...]) -> bool:
    return w.startswith(stems) and not w.startswith(_NOT_OFFICE)


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """First (woman) + office + capitalised place (see above); spans ``(start, end, what)`` over ``lower``."""
    if not cased or not any(c in lower for c in _CHEAP):
        return []
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(lower)]
    out: list[tuple[int, int, str]] = []
    for i, (s, _e, w) in enumerate(toks):
        if w not in _FIRST and not (w.startswith(_FIRST_STEMS) and len(w) <= 12):
            continue
        near = toks[max(0, i - 2):i + 4]
        woman = any(_is(t[2], _WOMAN) and len(t[2]) <= 10 for t in near if t[0] != s)
        offices = [k for k in range(max(0, i - 2), min(len(toks), i + 4)) if k != i and _is(toks[k][2], _OFFICE)]
        if not offices or not (woman or toks[offices[0]][2].endswith(("a", "ka", "yni", "ne", "in"))):
            continue  # a first male-form office alone is left to the older rank rules
        # the place comes after the last of rank, woman-word and office ("rais wa kwanza mwanamke wa Tanzania")
        k = max([offices[-1], i] + [j for j in range(i + 1, min(len(toks), i + 4)) if _is(toks[j][2], _WOMAN)])
        german = w.startswith("erste")  # German capitalises every noun: only "von <Name>" or a state word names a place
        if german and DE_STATE.match(lower, toks[k][1]):
            out.append((s, toks[k][1], "the first woman in an office of a named place"))
            continue
        for j in range(k + 1, min(len(toks), k + 4)):
            cs, ce, cw = toks[j]
            if german and toks[j - 1][2] not in ("von", "vom"):
                continue
            if text[cs:cs + 1].isupper() and cw not in ("i",):
                out.append((min(s, toks[offices[0]][0]), ce, "the first woman in an office of a named place"))
                break
        else:
            continue
    return out
