"""Indirect references to one real person in more languages and shapes (round 17).

``indirect_i18n.py`` reads the office, creator and "who did" shapes of twelve languages; this module adds:

* an office with an ordinal or "current" of a named country in Polish, Czech, Slovak, Romanian, Swedish, Danish,
  Norwegian, Zulu and Hausa ("pierwszy papież z Polski", "první prezident Československa", "primul președinte al
  României", "Sveriges nuvarande kung", "umongameli wokuqala waseNingizimu Afrika", "shugaban kasar Najeriya na
  yanzu"), and a Thai king by the number of his reign or a Thai office with "first/current" ("รัชกาลที่ 9",
  "นายกรัฐมนตรีคนแรกของไทย");
* the creator or office holder of a named thing with a Hungarian possessive suffix ("a Rubik-kocka feltalálója");
* the creator of a named work with the role word before it (Romanian, Swedish, Norwegian, Danish, Indonesian,
  Swahili: "inventatorul cubului Rubik", "grundaren av IKEA", "pendiri Microsoft") or after a Turkish possessive
  ("Rubik küpünün mucidi");
* a Romanian "the <doer> who <did> <something named>" ("gimnasta care a primit primul 10 perfect la Olimpiada");
* a person known by an epithet: a person word + "known as / nicknamed" + a capitalised epithet, in twelve languages
  ("o jogador conhecido como o Rei do Futebol", "the boxer nicknamed The Pacman", "ang boksingerong tinaguriang
  Pambansang Kamao").

Each needs a named object (a capitalised word, a capital after a Zulu/Hausa prefix, a listed country): "pierwszy
prezydent naszego klubu", "a cég alapítója", "the player known as the best in town" stay generic. Spans are
``(start, end, what)`` over ``lower`` (the normaliser's text: accents off, same length as ``text``).
"""

from __future__ import annotations

import re

_SLAVIC_ORDINAL = (r"(?:pierwsz(?:y|a|ego|ej)|ostatni(?:a|ego|ej)?|obecn(?:y|a|ego|ej)|aktualn(?:y|a|ego|ej)|"
                   r"prvni(?:ho)?|posledni(?:ho)?|soucasn(?:y|a|eho|e)|nynejsi(?:ho)?|prv(?:y|a|eho)|sucasn(?:y|a|eho)|"
                   # round 36a: South Slavic current-words ("sedanji predsednik Slovenije", "trenutni predsjednik")
                   r"sedanj(?:i|a|ega)|sadasnj(?:i|a|eg|ega)|trenutn(?:i|a|og|oga)|aktuelni|aktualni)")
_SLAVIC_HEAD = (r"(?:prezydent(?:ka|a)?|premier(?:a|ka)?|papiez(?:a)?|krol(?:a)?|krolow(?:a|ej)|kanclerz(?:a)?|"
                r"prezident(?:ka|a)?|papez(?:e)?|kral(?:e)?|kralovn(?:a|y)|kancler(?:ka|e)?|kosmonaut(?:a|ka)?|"
                r"astronaut(?:a|ka)?|car(?:a)?|caryc(?:a|e)|cisar(?:e)?|ministr(?:yne)? predseda|premier minister|"
                r"predsjednik(?:a)?|predsjednica|predsednik(?:a)?|predsednica|premijer(?:a|ka)?|kralj(?:a)?|kraljic(?:a|e))")
_SLAVIC_OFFICE = re.compile(r"\b" + _SLAVIC_ORDINAL + r"\s+(?:[a-z]+\s+)?" + _SLAVIC_HEAD
                            + r"(?:\s+(?:z|ze|zo|w|we|v|ve|na|of))?\s+(?=\w)")
_RO_OFFICE = re.compile(r"\b(?:primul|prima|ultimul|ultima|actualul|actuala)\s+(?:[a-z]+\s+)?(?:presedinte|presedinta|"
                        r"prim-ministru|prim ministru|premier|rege|regina|papa|cosmonaut|astronaut|domnitor|imparat|"
                        r"cancelar|cancelarul)(?:(?:\s+(?:ales|aleasa|democratic|liber|in viata|postcomunist|comunist|"
                        # round 31a: up to three modifiers before the genitive ("primul presedinte ales democratic al")
                        r"de culoare|femeie))" + r"{0,3}\s+(?:al|a|ai)(?:\s+lui)?)?\s+(?=\w)")
# round 36a: the office first, with its article, then "current" ("președintele actual al României", "regele actual al
# Spaniei", "primarul în funcție al Clujului"); a capitalised genitive must follow (checked in spans)
_RO_OFFICE_NOW = re.compile(r"\b(?:presedintele|presedinta|prim-ministrul|prim ministrul|premierul|regele|regina|papa|"
                            r"cancelarul|imparatul|primarul|primarita|guvernatorul|sefa statului|seful statului)\s+"
                            r"(?:actual|actuala|in exercitiu|in functie|de acum|de azi|de astazi|in functiune)"
                            r"(?:\s+(?:al|a))?\s+(?=\w)")
_RO_WHO = re.compile(r"\b(?:gimnasta|gimnastul|sportivul|sportiva|jucatorul|jucatoarea|fotbalistul|actorul|actrita|"
                     r"cantaretul|cantareata|scriitorul|scriitoarea|pictorul|compozitorul|inventatorul|omul|femeia|"
                     r"barbatul|atletul|atleta|tenismanul|tenismena|boxerul|regizorul|savantul|cosmonautul|"
                     r"aviatorul|pilotul|alpinistul)\s+care\s+a\s+(?:primit|castigat|inventat|scris|pictat|fondat|"
                     r"descoperit|compus|regizat|interpretat|jucat|cucerit|obtinut|stabilit|condus|zburat|urcat|"
                     r"cantat|creat)\s+(?=\w)")
_NORDIC_ORDINAL = (r"(?:nuvarande|nuv(?:ae|æ)rende|n(?:aa|a|å)v(?:ae|æ)rende|forsta|forste|f(?:o|ø)rste|sista|siste|"
                   r"yngsta|yngste|enda|eneste|tidigare|tidligere)")
_NORDIC_HEAD = (r"(?:kung|kungen|konge|kongen|drottning|drottningen|dronning|dronningen|statsminister|statsministern|"
                r"statsministeren|president|presidenten|pave|paven|pafve|kansler|forbundskansler|premiarminister|"
                r"kronprinsessa|kronprinsesse|kronprins|astronaut|astronauten)")
# "Sveriges nuvarande kung", "Norges første kvinnelige statsminister" (a capitalised genitive country), "den första
# kvinnliga statsministern i Sverige"
_NORDIC_OFFICE = re.compile(r"\b(?P<c>[a-z]{3,}s)\s+(?P<o>" + _NORDIC_ORDINAL + r"\s+)?(?:(?:kvinnliga|kvindelige|"
                            r"kvinnelige|svarta|sorte)\s+)?" + _NORDIC_HEAD + r"\b|\b(?:den|det)\s+" + _NORDIC_ORDINAL
                            + r"\s+(?:(?:kvinnliga|kvindelige|kvinnelige)\s+)?" + _NORDIC_HEAD + r"\s+(?:i|av|pa|på|"
                            r"for|fra|från|fran)\s+(?=\w)")
_HU_ROLE = re.compile(r"\s(?:(?:elso|jelenlegi|utolso|mostani|legelso|egykori)\s+)?(?:feltalaloja|alapitoja|szerzoje|"
                      r"iroja|festoje|rendezoje|zeneszerzoje|megalkotoja|letrehozoja|felfedezoje|elnoke|"
                      r"miniszterelnoke|kiralya|kiralynoje|kancellarja|enekese|frontembere|tulajdonosa|"
                      r"vezerigazgatoja|alkotoja|kitaloloja)\b")
_ZULU_OFFICE = re.compile(r"\b(?:umongameli|umengameli|undunankulu|inkosi|inkosikazi|indlovukazi|ukhulumeni)\s+"
                          r"(?:wokuqala|wamanje|wokugcina|wesibili|wesithathu|okwamanje|yokuqala|yamanje|yokugcina)\b")
_HAUSA_OFFICE = re.compile(r"\b(?:shugaban|shugabar|firaministan|firayim ministan|sarkin|sarauniyar|gwamnan)\s+"
                           r"(?:(?:kasar|jihar)\s+)?(?P<c>\w+)(?:\s+\w+)?\s+na\s+(?:yanzu|farko|karshe|biyu)\b|"
                           r"\b(?:shugaban|shugabar|firaministan|sarkin)(?:\s+kasa)?\s+na\s+(?:farko|yanzu|karshe)\s+"
                           r"na\s+(?:kasar\s+)?(?P<c2>\w+)")
# "รัชกาลที่ 9" / "ร.9": the king of that reign, but not after an era word ("สมัยรัชกาลที่ 5", "ยุค ร.5": the period)
_TH_REIGN = re.compile(r"(?<!สมัย)(?<!ยุค)(?<!สมัย )(?<!ยุค )(?:ในหลวง\s?|พระบาทสมเด็จพระเจ้าอยู่หัว\s?|"
                       r"พระบาทสมเด็จพระ\S{0,30}?\s?|พระเจ้าอยู่หัว\s?|กษัตริย์\s?)?(?:รัชกาลที่\s?|ร\.\s?)"
                       r"(?:\d{1,2}|[๐-๙]{1,2})(?!\d)")
_TH_OFFICE = re.compile(r"(?:นายกรัฐมนตรี|นายกฯ|ประธานาธิบดี|กษัตริย์|พระมหากษัตริย์)(?:หญิง)?คน(?:แรก|ปัจจุบัน|ที่\s?\d{1,2})"
                        r"(?P<of>ของ(?:ประเทศ)?(?P<c>ไทย|สหรัฐ|อเมริกา|ญี่ปุ่น|จีน|ลาว|กัมพูชา|เวียดนาม|พม่า|เมียนมา|"
                        r"อินเดีย|รัสเซีย|ฝรั่งเศส|อังกฤษ|เยอรมนี|เกาหลีใต้|ฟิลิปปินส์|อินโดนีเซีย|มาเลเซีย|สิงคโปร์)?)?")
# the creator or founder of a named work or company, the role word before it: Romanian "inventatorul cubului Rubik",
# Swedish/Norwegian/Danish "grundaren av IKEA", Indonesian "pendiri Microsoft", Swahili "mwanzilishi wa Microsoft"
_CREATOR_BEFORE = re.compile(r"\b(?:autorul|autoarea|inventatorul|fondatorul|fondatoarea|creatorul|creatoarea|"
                             r"regizorul|regizoarea|compozitorul|grundaren|grundlaeggeren|grundl(?:ae|æ)ggeren|"
                             r"grunnleggeren|forfattaren|forfatteren|uppfinnaren|oppfinneren|opfinderen|regissoren|"
                             r"instruktoren|skaparen|skaperen|penemu|pendiri|penulis|pengarang|pencipta|sutradara|"
                             r"mwanzilishi|mwandishi|mvumbuzi|mtunzi|mwongozaji)(?:\s+(?:av|till|til|bag|bak|wa|"
                             r"lagu|novel|film|buku|serial|romanului|filmului|cartii|cubului|companiei))?\s+(?=\w)")
# the same with the role word after a possessive suffix: Turkish "Rubik küpünün mucidi", "Nutuk'un yazarı"
_TR_ROLE = re.compile(r"\s(?:mucidi|kurucusu|yazari|yonetmeni|bestecisi|ressami|solisti|sahibi|yaraticisi)\b")
_NOT_NAMED = frozenset({"a", "az", "egy", "ez", "ezt", "ennek", "annak", "azt", "itt", "ott", "bu", "su", "o", "bir",
                        "bunun", "sunun", "onun"})
# a capital that names a place or a people, not one work: "penulis Indonesia" is an Indonesian writer
_PLACE_AFTER = re.compile(r"(?:Indonesia|Jawa|Bali|Sunda|Amerika|Jepang|Korea|Cina|China|Eropa|Asia|Afrika|Tanzania|"
                          r"Kenya|Sverige|Norge|Danmark|Romania|Rom[aâ]nia)\b")
# a person word, "known as" and a capitalised epithet
_EPITHET_HEAD = (r"(?:man|woman|person|guy|lady|player|footballer|boxer|fighter|singer|rapper|actor|actress|athlete|"
                 r"wrestler|sprinter|runner|swimmer|golfer|driver|dancer|musician|comedian|magician|preacher|"
                 r"politician|gangster|outlaw|dictator|striker|goalkeeper|pitcher|guitarist|drummer|hombre|mujer|"
                 r"persona|jugador|jugadora|futbolista|boxeador|boxeadora|luchador|luchadora|cantante|actriz|atleta|"
                 r"deportista|piloto|bailarin|bailarina|torero|narcotraficante|homem|mulher|pessoa|jogador|jogadora|"
                 r"pugilista|lutador|lutadora|cantor|cantora|ator|atriz|uomo|donna|giocatore|giocatrice|calciatore|"
                 r"pugile|attore|attrice|pilota|campione|campeon|campeao|homme|femme|personne|joueur|joueuse|"
                 r"footballeur|boxeur|chanteur|chanteuse|acteur|actrice|pilote|champion|mann|frau|spieler|spielerin|"
                 r"fussballer|sanger|sangerin|schauspieler|schauspielerin|rennfahrer|boksingero|boksingera|"
                 r"manlalaro|mang-aawit|aktor|aktres|lalaki|babae|atleta|pulitiko|pemain|petinju|penyanyi|aktris|atlet|"
                 r"pria|wanita|pembalap|pilkarz|bokser|piosenkarz|piosenkarka|aktorka|fotbalista|zpevak|zpevacka|"
                 r"herec|herecka)(?:ng|ong)?")
_EPITHET = re.compile(r"\b(?P<head>" + _EPITHET_HEAD + r"),?\s+(?:(?:who is|who was|que es|que era)\s+)?(?:known as|"
                      r"nicknamed|dubbed|called|conocid[oa] como|apodad[oa]|llamad[oa]|conhecid[oa] como|"
                      r"apelidad[oa] de|chamad[oa] de|conosciut[oa] come|not[oa] come|soprannominat[oa]|dett[oa]|"
                      r"surnommee?|connue? sous le nom de|connue? comme|genannt|bekannt als|tinaguriang|"
                      r"binansagang|kilala bilang|kilalang|zwan[ya]|nazywan[ya]|prezdivan[ya]|zvan[ya]|"
                      r"supranumit[a]?|poreclit[a]?|cunoscut[a]? ca|dijuluki|berjuluk)\s+(?:(?:the|el|la|o|a|il|lo|"
                      r"le|l'|der|die|das|ang|si)\s?)?(?=\w)")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-17 shapes (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    out: list[tuple[int, int, str]] = []
    if not lower.isascii():
        out += _thai(lower)
    if not cased:
        return out
    for rx, what in ((_SLAVIC_OFFICE, "an office by rank of a named country"),
                     (_RO_OFFICE, "an office by rank of a named country"),
                     (_RO_OFFICE_NOW, "the current holder of an office of a named country"),
                     (_EPITHET, "a person known by an epithet")):
        for m in rx.finditer(lower):
            if _capital_within(text, m.end(), 2):
                out.append((m.start(), _word_end(lower, m.end()), what))
    for m in _CREATOR_BEFORE.finditer(lower):
        if _capital_within(text, m.end(), 1) and not _PLACE_AFTER.match(text, m.end()):
            out.append((m.start(), _word_end(lower, m.end()), "the creator of a named work or company"))
    for m in _TR_ROLE.finditer(lower):
        # Turkish capitalises the first word of a sentence ("Okulun kurucusu" is the school's founder): there only a
        # proper noun with its suffix after an apostrophe ("Nutuk'un yazarı") names the thing
        first = re.match(r"\W*([\w'’-]+)", text)
        if _hungarian_named(text, m.start(), skip=None if first is None or "'" in first.group(1)
                            or "’" in first.group(1) else first.end(1)):
            out.append((m.start() + 1, m.end(), "the creator or owner of a named thing"))
    for m in _RO_WHO.finditer(lower):
        if _capital_within(text, m.end(), 6):
            out.append((m.start(), _word_end(lower, m.end()), "the person who did something named"))
    for m in _NORDIC_OFFICE.finditer(lower):
        if m.group("c"):
            # a capitalised genitive country; at the start of a sentence only with an ordinal ("Skogens kung" is the
            # king of the forest)
            at_start = m.start() == 0 or text[:m.start()].rstrip()[-1:] in ".!?:"
            if text[m.start():m.start() + 1].isupper() and (m.group("o") or not at_start):
                out.append((m.start(), m.end(), "the holder of an office of a named country"))
        elif _capital_within(text, m.end(), 2):
            out.append((m.start(), _word_end(lower, m.end()), "an office by rank of a named country"))
    for m in _HU_ROLE.finditer(lower):
        if _hungarian_named(text, m.start()):
            # the span is the role word (the Hungarian article "a" before the named thing is no English "a")
            out.append((m.start() + 1, m.end(), "the creator or office holder of a named thing"))
    for m in _ZULU_OFFICE.finditer(lower):
        # a capital in the next three words, also after a locative prefix ("waseNingizimu")
        if re.match(r"(?:\s+\S+){0,2}?\s+[a-z]{0,4}[A-Z]", text[m.end():m.end() + 60]):
            out.append((m.start(), m.end(), "an office by rank of a named country"))
    for m in _HAUSA_OFFICE.finditer(lower):
        c = "c" if m.group("c") else "c2"
        if text[m.start(c):m.start(c) + 1].isupper():
            out.append((m.start(), m.end(), "an office of a named country"))
    return out


def _thai(lower: str) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), "a king by the number of his reign") for m in _TH_REIGN.finditer(lower)]
    for m in _TH_OFFICE.finditer(lower):
        if m.group("of") and not m.group("c"):
            continue  # "ประธานาธิบดีคนแรกของบริษัท": the first president of a company
        out.append((m.start(), m.end(), "an office by rank of a country"))
    return out


def _hungarian_named(text: str, i: int, skip: int | None = None) -> bool:
    """A capitalised word among the three words before a possessive role (Hungarian "a Rubik-kocka feltalálója",
    Turkish "Rubik küpünün mucidi"), other than an article or demonstrative ("A cég alapítója", "Bu kitabın yazarı")."""
    lo = max(0, i - 60, skip or 0)  # ``skip``: where the words may start (after the first word of the prompt)
    words = re.findall(r"[\w-]+", text[lo:i])[-3:]
    return any(w[:1].isupper() and w.lower() not in _NOT_NAMED for w in words)


def _capital_within(text: str, i: int, words: int) -> bool:
    """Whether a capitalised word comes within the first ``words + 1`` words from ``i``."""
    return bool(re.match(rf"^\W*(?:\S+\s+){{0,{words}}}?[A-ZÁÉÍÓÖŐÚÜŰČŠŽŘĽ]", text[i:i + 20 * (words + 1)]))


def _word_end(lower: str, i: int) -> int:
    m = re.compile(r"\w+").match(lower, i)
    return m.end() if m else i
