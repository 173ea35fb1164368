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
# round 40a: the genitive/dative ranks too ("portretul primului președinte indigen al Boliviei")
_RO_OFFICE = re.compile(r"\b(?:primul|prima|ultimul|ultima|actualul|actuala|primului|primei|ultimului|ultimei|actualului|"
                        r"actualei)\s+(?:[a-z]+\s+)?(?:presedinte|presedinta|"
                        r"prim-ministru|prim ministru|premier|rege|regina|papa|cosmonaut|astronaut|domnitor|imparat|"
                        r"cancelar|cancelarul)(?:(?:\s+(?:ales|aleasa|democratic|liber|in viata|postcomunist|comunist|"
                        # round 31a: up to three modifiers before the genitive ("primul presedinte ales democratic al")
                        r"de culoare|femeie|indigen|indigena|socialist|socialista|musulman|musulmana))" + r"{0,3}\s+(?:al|a|ai)(?:\s+lui)?)?\s+(?=\w)")
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
                r"kronprinsessa|kronprinsesse|kronprins|astronaut|astronauten|"
                # round 41a: the church and cabinet heads of a country ("Sveriges första kvinnliga ärkebiskop")
                r"arkebiskop|arkebiskopen|erkebiskop|erkebiskopen|aerkebiskop|ærkebiskop|utrikesminister|"
                r"utrikesministern|utenriksminister|udenrigsminister|finansminister|finansministern|forsvarsminister|"
                r"statsministerinna|riksbankschef|talman|talmannen|stortingspresident|folketingsformand|"
                r"ombudsman|generalsekreterare)")
# "Sveriges nuvarande kung", "Norges første kvinnelige statsminister" (a capitalised genitive country), "den första
# kvinnliga statsministern i Sverige"
_NORDIC_OFFICE = re.compile(r"\b(?P<c>[a-z]{3,}s)\s+(?P<o>" + _NORDIC_ORDINAL + r"\s+)?(?:(?:kvinnliga|kvindelige|"
                            r"kvinnelige|svarta|sorte)\s+)?" + _NORDIC_HEAD + r"\b|\b(?:den|det)\s+" + _NORDIC_ORDINAL
                            + r"\s+(?:(?:kvinnliga|kvindelige|kvinnelige)\s+)?" + _NORDIC_HEAD + r"\s+(?:i|av|pa|på|"
                            r"for|fra|från|fran)\s+(?=\w)")
_NORDIC_STATE_HEAD = re.compile(r"\s(?:statsminister\w*|president\w*|premiarminister|forbundskansler|utrikesminister\w*|"
                                r"utenriksminister|udenrigsminister|finansminister\w*|forsvarsminister|talman\w*|"
                                r"riksbankschef|stortingspresident|folketingsformand)$")
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
# round 40a: writers, scholars and leaders are known by epithets too ("the blind writer known as the Dean of ...")
_EPITHET_HEAD = (r"(?:writer|author|poet|novelist|scholar|thinker|intellectual|leader|activist|composer|painter|"
                 r"man|woman|person|guy|lady|player|footballer|boxer|fighter|singer|rapper|actor|actress|athlete|"
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


# Round 41a. A person named by what others called them, the head a role of any field ("the weightlifter they called
# Pocket Hercules", "the former nz pm everyone calls chippy", "der Torwart, den alle nur den Titan nannten", "de
# schaatser die iedereen de Keizer noemde", "målvakten som alla kallade Muren"). A capitalised epithet in a cased
# prompt; in a prompt without capitals the head needs a nationality or "former" before it, or the epithet is "the
# <word> of <field>" ("the belgian cyclist they called the cannibal"); kin words ("the man they called Dad") stay generic.
_CALLED_CHEAP = ("call", "nann", "nenn", "noem", "kall", "dub")
_CALLED_HEAD = ("(?:" + _EPITHET_HEAD[3:-12] + r"|weightlifter|lifter|cyclist|rider|skater|skier|jockey|batsman|bowler|"
                r"cricketer|keeper|boxer|chef|cook|pm|prime minister|premier|president|senator|governor|mayor|minister|"
                r"general|king|queen|emperor|sultan|judge|coach|manager|captain|monk|priest|bishop|surgeon|doctor|"
                r"scientist|inventor|explorer|climber|mountaineer|pilot|astronaut|hunter|photographer|designer|model|"
                r"host|presenter|dj|producer|director|filmmaker|architect|tycoon|billionaire|businessman|"
                r"businesswoman|torwart|torhuter|sturmer|trainer|kanzler|kanzlerin|konig|konigin|keeper|doelman|"
                r"schaatser|wielrenner|voetballer|zanger|zangeres|renner|malvakt|malvakten|spelare|spelaren|"
                r"cyklist|skidakare|sangare|sangerska|kungen|drottningen|spiller|spilleren|keeperen|rytter|sprinterin|"
                r"sprinter|laufer|lauferin|schwimmer|schwimmerin|turner|turnerin|radfahrer|radfahrerin|fahrer|"
                r"fahrerin|boxerin|ringer|skispringer|sturmerin|torhuterin|trainerin|politikerin|kanzlerin|"
                r"wielrenster|zwemmer|zwemster|loper|loopster|schaatsster|voetbalster|lopare|simmare|spelaren)")
_CALLED_EN = re.compile(r"\b(?P<pre>[a-z]+ )?(?P<head>" + _CALLED_HEAD + r")s?,?\s+(?:(?:whom|who|that|som)\s+)?"
                        r"(?:they|people|everyone|everybody|fans|the fans|the press|the media|the world|all|many|we|"
                        r"the crowds?|the papers|locals|his fans|her fans|alla|folk|man|alle|de)\s+(?:all\s+|simply\s+|once\s+|later\s+|"
                        r"used to\s+|would\s+|just\s+)?(?:call|calls|called|nicknamed|dubbed|kallade|kallar|kalte|kaller|kaldte|kalder)\s+(?:him\s+|her\s+|honom\s+|henne\s+|ham\s+|hende\s+)?"
                        r"(?P<ep>(?:the\s+)?[a-z][\w'-]*(?:\s+of\s+[a-z]+)?)")
# German, Dutch and Scandinavian: the epithet before the verb at the end of the relative clause
_CALLED_GERMANIC = re.compile(r"\b(?P<head>" + _CALLED_HEAD + r"),?\s+(?:den|die|dem|dat|wie|som)\s+(?:alle|man|sie|"
                              r"iedereen|ze|men|viele|die fans|die presse|de pers|alla|folk|man|de|alle)\s+(?:nur\s+|"
                              r"bloss\s+|maar\s+|gewoon\s+|bara\s+|bare\s+|kort\s+)?(?:(?:den|die|das|de|het)\s+)?"
                              r"(?P<ep>[\w'-]+(?:\s+[\w'-]+)?)\s+(?:nannten|nennen|nannte|nennt|genannt haben|noemden|"
                              r"noemen|noemde|noemt|kallade|kallar|kalte|kaller|kaldte|kalder)\b")
_NATION_OR_FORMER = re.compile(r"(?:former|late|legendary|[a-z]+(?:ian|ean|ish|ese|an|ic|i|ch|nz|uk|us))$")


def _called(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """Round 41a: a person by the epithet others gave them (see ``_CALLED_EN``)."""
    out: list[tuple[int, int, str]] = []
    capitals = cased and any(c.isupper() for c in text)  # a prompt without capitals says nothing by case
    for m in _CALLED_EN.finditer(lower):
        ep = m.group("ep")
        if _KIN_EPITHET.match(ep):
            continue
        if capitals:
            ok = bool(re.match(r"(?:[Tt]he\s+)?[A-Z]", text[m.start("ep"):m.end("ep")]))
        else:
            pre = (m.group("pre") or "").strip()
            ok = " of " in ep or bool(pre and pre != "the" and _NATION_OR_FORMER.search(pre)) or bool(
                re.search(r"(?:former|late|legendary|[a-z]+(?:ian|ean|ish|ese|an|ic|i|ch)|nz|uk|us) $",
                          lower[max(0, m.start("head") - 20):m.start("head")]))
        if ok:
            out.append((m.start("head"), m.end("ep"), "a person known by the epithet others gave them"))
    for m in _CALLED_GERMANIC.finditer(lower):
        if not _KIN_EPITHET.match(m.group("ep")) and (not capitals or text[m.start("ep"):m.start("ep") + 1].isupper()):
            out.append((m.start("head"), m.end(), "a person known by the epithet others gave them"))
    return out


_KIN_EPITHET = re.compile(r"(?:the\s+)?(?:mother|father|mom|mum|dad|mama|papa|grandma|granny|grandpa|auntie|aunt|uncle|"
                          r"sister|brother|boss|sir|madam|mutti|oma|opa|kid|boy|girl|baby|honey|darling|names|him|her|"
                          r"a|an|it|that|this|me|you)\b")


# Round 41a. The creator of a quoted work in the Romance and Germanic languages, a nationality or "and star" between
# ("der Autor der 'Blechtrommel'", "de Japanse auteur van 'Convenience Store Woman'", "ritratto del cantante giapponese
# di 'Lemon'", "o narrador do 'Haja Coração'", "el poeta chileno que escribió 'Veinte poemas de amor'", "director of 'A
# Separation'"): quotes name one work, so its author, singer or director is one person; an indefinite article before
# the role ("un cantante de 'Cielito lindo'") is anyone who sang it (dropped by the caller)
_QUOTED_CHEAP = ("'", "\"", "“", "«", "„", "‘")
_QUOTED_ROLE = (r"(?:author|writer|novelist|poet|playwright|singer|songwriter|composer|director|filmmaker|narrator|"
                r"screenwriter|creator|autor|autora|escritor|escritora|novelista|poeta|poetisa|dramaturgo|dramaturga|"
                r"cantante|cantor|cantora|cantautor|cantautora|compositor|compositora|director|directora|diretor|"
                r"diretora|realizador|realizadora|cineasta|guionista|roteirista|narrador|narradora|creador|creadora|"
                r"criador|criadora|auteur|auteure|autrice|ecrivain|ecrivaine|romancier|romanciere|poete|chanteur|"
                r"chanteuse|compositeur|compositrice|realisateur|realisatrice|scenariste|autore|scrittore|scrittrice|"
                r"romanziere|regista|sceneggiatore|sceneggiatrice|cantautore|cantautrice|compositore|narratore|"
                r"autorin|schriftsteller|schriftstellerin|dichter|dichterin|verfasser|verfasserin|regisseur|"
                r"regisseurin|sanger|sangerin|komponist|komponistin|schrijver|schrijfster|zanger|zangeres|componist|"
                r"forfattare|forfatter|regissor|sangare|sangerska|kompositor|skald|instruktor|sangerinne|sangerinde|"
                r"skrywer|digter|skrijver|scriitor|scriitoare|regizor|regizoare|cantaret|cantareata|compozitor|"
                r"escriptor|escriptora|cantant)")
_QUOTED_CREATOR = re.compile(r"\b(?P<role>" + _QUOTED_ROLE + r")(?:ul|a|ei|en|n|et|in)?(?:\s+(?!(?:of|de|di|da|do|del|della|der|des|"
                             r"van|von|av|af|du)\b)[a-z]+){0,3}?\s+(?:(?:of|de|di|da|do|dos|das|del|della|dello|dei|degli|"
                             r"du|des|de la|de l|der|des|von|vom|van|van de|van het|av|af|til|fra|van die|al|a|d)\s+"
                             r"(?:(?:the|la|el|los|las|le|les|il|lo|gli|o|os|a|as|l|de|het|die)\s+)?|(?:que|who|qui|che|"
                             r"die|som|wat|care)\s+(?:a\s+|ha\s+|hat\s+|heeft\s+|har\s+)?(?:escribio|escreveu|wrote|"
                             r"sang|sings|canto|cantou|canta|dirigio|dirigiu|directed|ecrit|chante|realise|scrisse|scritto|"
                             r"cantato|diretto|schrieb|geschrieben|sang|gesungen|schreef|geschreven|zong|gezongen|skrev|"
                             r"sjong|sjunger|skryf|geskryf|a scris|a cantat|compuso|composed|compos)\s+)(?=['\"“«„‘])")


# a child or an animal before "narrator" makes the narrator a character of the book, not its reader (round 43d)
_CHARACTER_NARRATOR = re.compile(r"\b(?:boy|girl|child|kid|orphan|little|dog|cat|horse|nino|nina|garcon|fille|enfant|"
                                 r"bambino|bambina|junge|madchen|kind|menino|menina)\s+$")
_INDEFINITE_BEFORE = re.compile(r"\b(?:un|una|une|uno|um|uma|ein|eine|einen|einer|een|en|ett|a|an|some|any)\s+$")


# A quoted "title" that opens with a possessive names the speaker's own thing ("our little band", "mi grupo", "mein Lied")
_OWN_TITLE = re.compile(r"\s*(?:our|my|your|mi|mis|nuestr[ao]s?|mon|ma|mes|notre|nos|mio|mia|miei|nostr[aoie]|meu|"
                        r"minha|nosso|nossa|mein|meine|unser|unsere|mijn|onze|min|mitt|vår|vårt)\b")


def _quoted_creator(lower: str, text: str) -> list[tuple[int, int, str]]:
    """Round 41a: the creator of a quoted work (see ``_QUOTED_CREATOR``)."""
    out: list[tuple[int, int, str]] = []
    for m in _QUOTED_CREATOR.finditer(lower):
        close = re.match(r"['\"“«„‘]([^'\"”»“’]{2,60})['\"”»“’]", text[m.end():])
        if close is None or not re.search(r"\w", close.group(1)):
            continue  # no closed quote: an apostrophe, not a title
        if _INDEFINITE_BEFORE.search(lower, max(0, m.start() - 8), m.start()):
            continue  # "un cantante de 'Cielito lindo'": anyone who sang it
        if m.group("role").startswith("narra") and _CHARACTER_NARRATOR.search(lower, max(0, m.start() - 20), m.start()):
            continue  # round 43d: "the little boy narrator of 'The White Steamship'": a character who tells the story
        if _OWN_TITLE.match(close.group(1).lower()):
            continue  # round 41 merge: "singer of 'our little band'": the user's own group, not a published work
        out.append((m.start(), m.end() + close.end(), "the creator of a quoted work"))
    return out


# Round 37a. The author, composer or designer of a national symbol: a country has one anthem and one flag, so their
# writer, composer or designer is one person ("A magyar Himnusz szerzőjének portréja", "der Verfasser der deutschen
# Nationalhymne", "o autor do hino nacional brasileiro", "el compositor del himno nacional de México", "l'auteur de
# l'hymne national", "autor polskiego hymnu narodowego", "the designer of the flag of Canada", "애국가 작곡가", "中国国歌
# 的曲作者"). The symbol must be national (a "national" word, a country, a capitalised name); "a composer writing an
# anthem for his club", "the author of our school anthem", "egy himnusz szerzője" (a hymn's author) stay generic.
_SYMBOL_CHEAP = ("hymn", "himn", "hino", "inno", "anthem", "flag", "volkslied", "nationalsang", "nasjonalsang",
                 "nationalsang", "marseillaise", "wilhelmus", "szozat", "mars", "гимн", "国歌", "애국가", "国旗", "국기",
                 "flagge", "bandera", "bandeira", "bandiera", "drapeau", "vlag", "flag", "kebangsaan")
_SYMBOL_LATIN = re.compile(
    # English: the role before "of the <national symbol>" or "of the flag/anthem of <Capital>"
    r"\bthe (?:designer|creator|maker|inventor|author|composer|lyricist|writer|poet|architect) of (?:the )?"
    r"(?:(?:[a-z]+ ){0,2}national (?:anthem|flag|hymn|song)|(?:flag|anthem|national anthem) of (?:the )?(?P<c>[a-z])|"
    r"(?P<a>[a-z]+(?:an|ish|ese|ian|i|ic|ch)) (?:flag|anthem))|"
    # German: "der Verfasser/Dichter/Komponist der (deutschen) Nationalhymne", "der Gestalter der Flagge von X"
    r"\b(?:der|die|des|dem|den) (?:verfasser|autor|dichter|texter|komponist|schopfer|urheber|entwerfer|gestalter|"
    r"designer)(?:in|s|en)? (?:der|des) (?:[a-z]+ )?(?:nationalhymne|deutschlandlied\w*|bundeshymne|landeshymne|"
    r"kaiserhymne|nationalflagge|flagge (?:von|der|des) (?P<d>[a-z]))|"
    # Portuguese, Spanish, Italian, French: the role, its article, and the national anthem or flag
    r"\b(?:o|a|do|da|ao|el|la|del|al|il|lo|dell'|l'|le|du|de l') ?(?:autor|autora|autore|auteur|compositor|"
    r"compositora|compositore|compositeur|letrista|paroliere|parolier|criador|criadora|creador|creadora|createur|"
    r"creatrice|poeta|poete|disenador|disenadora|designer|designer|ideatore|ideatrice|autrice) "
    r"(?:(?:da letra|de la letra|della musica|des paroles|da musica|de la musica|del testo) )?"
    r"(?:do|da|del|della|dell'|de l'|du|de la) ?(?:hino nacional|himno nacional|inno nazionale|hymne national|"
    r"bandeira nacional|bandera nacional|bandiera nazionale|drapeau national|hino da independencia|"
    r"canto degli italiani|inno di mameli|marseillaise|(?:hino|himno|inno|hymne|bandeira|bandera|bandiera|drapeau) "
    r"(?:de|do|da|del|della|di|du|de la|d') ?(?P<r>[a-z]))|"
    # Dutch, the Nordic languages
    r"\b(?:de )?(?:schrijver|dichter|componist|maker|ontwerper) van het (?:[a-z]+ )?(?:volkslied|wilhelmus)|"
    r"\b(?:forfattaren|forfatteren|kompositoren|tonsattaren|skaberen|skaparen) (?:till|av|af|til) (?:den )?(?:[a-z]+ )?"
    r"(?:nationalsangen|nasjonalsangen|nationalsang\w*)|"
    # Polish: the role + a national adjective or "narodowego" around "hymnu"
    r"\b(?:autor|autorka|autora|kompozytor|kompozytora|tworca|tworcy|tworczyni)\w* (?:slow )?"
    r"(?:[a-z]+(?:ego|iego) hymnu|hymnu (?:narodowego|polski|[a-z]+(?:ego|iego))|mazurka dabrowskiego)|"
    # Hungarian: the anthem (capitalised "Himnusz" or a national adjective) with a possessed role
    r"\b(?:(?:magyar|nemzeti) )?(?:himnusz|szozat|nemzeti dal|nemzeti himnusz)(?:anak|enek)? "
    r"(?:szerzo|zeneszerzo|koltoje|koltojenek|iroja|megalkotoja)\w*|"
    # Turkish: the genitive anthem before its role
    r"\b(?:istiklal marsi|milli mars|ulusal mars)[\w']* (?:yazari|sairi|bestecisi|besteci|sozlerini yazan|sozlerinin yazari)\w*")
_SYMBOL_CJK = re.compile(r"(?:[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,8})国歌(?:の|的)?(?:作詞者|作曲者|作者|词作者|詞作者|曲作者|"
                         r"作曲家|作词者|作詞家)|义勇军进行曲的(?:作者|词作者|曲作者|作曲者)|애국가(?:의|를)?\s*"
                         r"(?:작곡가|작사가|작곡자|작사자|작곡한 사람|작사한 사람)|(?:[가-힣]{2,8})\s*국가(?:의)?\s*(?:작곡가|작사가)")
_SYMBOL_RU = re.compile(r"(?:автор|композитор|создатель)\w* (?:текста |музыки |слов )?(?:государственного |национального |"
                        r"российского |советского |украинского )?гимна")


def _national_symbol(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The author, composer or designer of a national anthem or flag (round 37a, see above)."""
    out = []
    for m in _SYMBOL_LATIN.finditer(lower):
        phrase = m.group()
        if "himnusz" in phrase and not ("magyar" in phrase or "nemzeti" in phrase
                                         or (cased and "H" in text[m.start():m.end()])):
            continue  # "egy himnusz szerzője": a hymn, not the anthem
        named = [g for g in ("c", "a", "d", "r") if m.group(g)]
        if named and not (cased and text[m.start(named[0]):m.start(named[0]) + 1].isupper()):
            continue  # "the designer of the flag of our club": a capitalised country or nationality names the symbol
        # the Hungarian article "a" is "the", not "a": the span starts at the role word, after the anthem
        start = m.start() + phrase.rfind(" ") + 1 if ("himnusz" in phrase or "szozat" in phrase) else m.start()
        out.append((start, m.end(), "the author or designer of a national symbol"))
    if not lower.isascii():
        out += [(m.start(), m.end(), "the author or designer of a national symbol") for rx in (_SYMBOL_CJK, _SYMBOL_RU)
                for m in rx.finditer(lower) if not re.search(r"某|我们|我們|우리|어느|가상|架空|学校|학교|школ", m.group())]
    return out


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-17 shapes (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    out: list[tuple[int, int, str]] = []
    if any(w in lower for w in _SYMBOL_CHEAP):
        out += _national_symbol(lower, text, cased)
    if not lower.isascii():
        out += _thai(lower)
    if any(w in lower for w in _CALLED_CHEAP):
        out += _called(lower, text, cased)
    if any(q in text for q in _QUOTED_CHEAP):
        out += _quoted_creator(lower, text)
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
            # round 41a: a state office at the start too ("Sveriges statsminister som mördades 1986": no forest has one)
            if text[m.start():m.start() + 1].isupper() and (m.group("o") or not at_start
                                                            or _NORDIC_STATE_HEAD.search(lower, m.start(), m.end())):
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
