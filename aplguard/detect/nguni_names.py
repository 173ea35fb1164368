"""Names glued to a Zulu, Xhosa, Ndebele or Shona prefix (round 37b).

Nguni languages write a personal name with its noun-class or possessive prefix glued on, the name keeping its
capital: "uSipho" (Sipho), "kaThandi" / "sikaThandi" / "likaThandi" (of Thandi), "nguSipho" (it is Sipho), "noSipho"
(with Sipho). The word then reads as one lower-case token to the other detectors, listed or not. A prefix, a capital
right after it and a Nguni picture word ("isithombe", "umfanekiso": picture) or act ("ecula" singing, "edansa"
dancing, "esiteji"/"eqongeni" on stage, "emamatheka" smiling) in the prompt make the capitalised part a person's
name. Brand spellings with a small first letter ("iPhone", "eBay", "uTorrent") have no such prefix or no Nguni cue.
"""

from __future__ import annotations

import re

from ..types import Finding
from .normalize import NormalizedText

# the prefixes a personal name takes (noun class 1a "u", possessives "ka/sika/lika/wuka/yika/zika/buka/kuka",
# copula "ngu", comitative "no", Xhosa "ka", also written with the "wa/ya/la" possessive; not the locatives
# "ku/kwa/e", which take places: "kwaZulu", "eThekwini", "kuZimbabwe")
_PREFIXED = re.compile(r"(?<![^\W\d_])(?:u|ngu|no|ka|sika|lika|wuka|yika|zika|buka|kuka|aka|eka|waka|yaka|"
                       r"laka|saka|zaka|baka|"
                       # Shona glues its possessives and the honorific "va" the same way ("mufananidzo waTendai")
                       r"wa|ya|cha|va|"
                       # a possessive typed apart from the name ("isithombe sika Thandi")
                       r"(?:sika|lika|wuka|yika|zika|buka|kuka|ka) )([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![^\W\d_])")
# Nguni picture words and acts of a person (lower case, as the normaliser writes them): one must be in the prompt
_CUES = re.compile(r"(?<![a-z])(?:isithombe|izithombe|umfanekiso|imifanekiso|ifoto|isifanekiso|ecula|ucula|uyacula|"
                   r"edansa|udansa|uyadansa|esiteji|eqongeni|ekhonsathini|ekonsathini|emamatheka|uyamamatheka|ehleka|"
                   r"ugqoke|egqoke|ekhuluma|ukhuluma|edlala|ehamba|ehlezi|esidlangalaleni|"
                   # Shona: picture, photo, singing, dancing, on stage, smiling
                   r"mufananidzo|mifananidzo|achiimba|achitamba|pachikuva|achinyemwerera|akapfeka)(?![a-z])")

_CAMEL = re.compile(r"[a-z][A-Z]|ka [A-Z]")
# capitalised words after a prefix that are no person: God ("kaNkulunkulu"), peoples, places ("kwaZulu-Natal",
# "eThekwini"), the country and the continent
_NOT_PERSON = frozenset(["Nkulunkulu", "Thixo", "Mdali", "Somandla", "Jesu", "Zulu", "Xhosa", "Ndebele", "Swazi",
                         "Zulu-Natal", "Natal", "Thekwini", "Goli", "Mzansi", "Afrika", "Pitoli", "Kapa",
                         "Mgungundlovu", "Mandlakazi", "Ntu", "Zimbabwe", "Harare", "Bulawayo", "Gauteng",
                         "Durban", "Johannesburg", "Soweto", "Mzimbabwe", "Shona", "Sotho", "Tswana"])


def find(norm: NormalizedText, detector: str) -> list[Finding]:
    """Capitalised names glued to a Nguni prefix in a prompt with a Nguni picture or act word."""
    text = norm.text
    # (cheap pre-check first: a small letter right before a capital, as a glued prefix writes it, or "ka ")
    if not _CAMEL.search(text) or len(text) != len(norm.lower) or not _CUES.search(norm.lower):
        return []
    out: list[Finding] = []
    for m in _PREFIXED.finditer(text):
        if m.group(1) in _NOT_PERSON:
            continue
        start, end = norm.span(m.start(1), m.end(1))
        out.append(Finding(kind="private_person", score=0.65, start=start, end=end, text=norm.original[start:end],
                           detector=detector, canonical=None,
                           explanation="person-name shape (a capitalised name glued to a Nguni name prefix)",
                           identity_seeking=True))
    return out
