"""Indirect references to one real person in more languages and shapes (round 18a).

``indirect_more.py`` reads offices by rank with a capitalised country after them; this module adds the shapes where
the country comes in another form:

* a nationality adjective between the rank and the office, lowercase in the Slavic languages ("první československý
  prezident", "pierwszy polski papież", "prvý slovenský prezident");
* a genitive country before the rank in Finnish and Estonian, an ordinal office with a genitive country after it in
  Icelandic ("Suomen ensimmäinen naispresidentti", "Eesti praegune peaminister", "fyrsti kvenforseti Íslands");
* Japanese "the sitting/current <office> of <country>" ("現職の日本の内閣総理大臣", "現在のアメリカ大統領");
* English "the Nth pope" (one office in the world: the number names its holder) and "the Nth <office> of <Named>";
* a national epithet with its place ("the Iron Lady of <Country>", "the Father of the Nation of <Country>") and a
  "king/emperor of <a field>" epithet in English, German, Spanish, Portuguese, Italian and French ("der Kaiser des
  deutschen Fußballs", "the King of Pop", "la Reina de la Salsa");
* a sports role identified by a named team and a year ("el piloto que corría para Red Bull en 2023", "the driver who
  raced for Ferrari in 2004").

Each needs the named thing (a capitalised word, a listed field, a year): "první městský prezident", "the 3rd
president of our club", "the king of the jungle", "un piloto que corría para su equipo" stay generic. Spans are
``(start, end, what)`` over ``lower`` (the normaliser's text: accents off, same length as ``text``).
"""

from __future__ import annotations

import re

_ORD_WEST_SLAVIC = (r"(?:prvni(?:ho|m)?|prvy|prva|prveho|pierwsz(?:y|a|ego|ej)|posledni(?:ho)?|ostatni(?:a|ego)?|"
                    r"soucasn(?:y|a|eho)|sucasn(?:y|a|eho)|obecn(?:y|a|ego)|aktualn(?:i|y|a|ego)|nynejsi(?:ho)?)")
# nationality adjectives of the countries Czech, Slovak and Polish speakers write about (stems; the ending follows)
_NATION_ADJ = (r"(?:ceskoslovensk|cesk|slovensk|polsk|americk|amerykansk|rusk|rosyjsk|sovetsk|radzieck|nemeck|"
               r"niemieck|francouzsk|francuzsk|britsk|brytyjsk|anglick|angielsk|italsk|wlosk|spanelsk|hiszpansk|"
               r"madarsk|wegiersk|rakousk|austriack|ukrajinsk|ukrainsk|jugoslavsk|chorvatsk|chorwack|srbsk|sersk|"
               r"cinsk|chinsk|japonsk|indick|izraelsk|izraelsk|kanadsk|mexick|meksykansk|brazilsk|brazylijsk|"
               r"litewsk|litevsk|czesk|slowack)(?:y|a|e|eho|ego|ej|i|ych)")
_WS_HEAD = (r"(?:prezident(?:ka|a)?|prezydent(?:ka|a)?|premier(?:ka|a)?|papez(?:e)?|papiez(?:a)?|kral(?:e)?|krol(?:a)?|"
            r"kralovn(?:a|y)|krolow(?:a|ej)|kancler(?:ka|e)?|kanclerz(?:a)?|kosmonaut(?:a|ka)?|astronaut(?:a|ka)?|"
            r"predseda vlady|ministr predseda|cisar(?:e)?)")
_WS_OFFICE = re.compile(r"\b" + _ORD_WEST_SLAVIC + r"\s+(?:(?:zensk|kobiec)\S*\s+)?" + _NATION_ADJ + r"\s+"
                        + _WS_HEAD + r"\b")
# Finnish and Estonian: a capitalised genitive country, a rank (or "current"), the office ("nais-" a woman)
# round 32a: every case of the rank and the office, as both languages inflect them ("Suomen nykyisestä presidentistä",
# "Suomen ensimmäisen naispresidentin", "Eesti praeguse peaministriga"), and the rank before the country ("nykyinen
# Suomen presidentti")
_FINNIC_RANK = (r"(?:ensimmai(?:nen|s[a-z]{1,6})|nykyi(?:nen|s[a-z]{1,6})|viimei(?:nen|s[a-z]{1,6})|istuv[a-z]{1,6}|"
                r"esime(?:ne|s[a-z]{0,5})|praegu(?:ne|s[a-z]{0,5})|viima(?:ne|s[a-z]{0,5})|ametisolev[a-z]{0,5}|"
                r"tana(?:ne|s[a-z]{0,5}))")
_FINNIC_HEAD = (r"(?:nais|naine)?(?:(?:tasavallan |vabariigi )?presiden[dt][a-z]{0,7}|paaminist[a-z]{1,7}|"
                r"peaminist[a-z]{1,7}|kunin(?:gas|gatar|kaa|kaan|ka)[a-z]{0,6}|paav(?:i|st)[a-z]{0,6}|"
                r"(?:liitto)?kansler[a-z]{0,6}|astronaut[a-z]{0,6}|kosmonaut[a-z]{0,6})\b")
_FINNIC_OFFICE = re.compile(r"\b(?P<c>[a-z]{3,})\s+" + _FINNIC_RANK + r"\s+" + _FINNIC_HEAD)
_FINNIC_OFFICE_RANK_FIRST = re.compile(r"\b" + _FINNIC_RANK + r"\s+(?P<c>[a-z]{3,}n)\s+" + _FINNIC_HEAD)
_FINNIC_CUE = ("ensimm", "nykyi", "viime", "istuv", "esime", "praegu", "viima", "ametisolev", "tana")
# Icelandic: a rank, the office, a capitalised genitive country ("fyrsti kvenforseti Íslands")
# round 34a: every case of the rank and the office, as Icelandic inflects both ("fyrsta kvenforseta Íslands" in the
# accusative/dative/genitive, "síðustu drottningu", "núverandi forsetans"); "kven-" a woman, "þjóðkjörni" elected
_IS_OFFICE = re.compile(r"\b(?:fyrst(?:i|a|u)|nuverandi|si[ðd](?:asti|asta|ustu))\s+(?:[ðd]jo[ðd]kj(?:o|ö)rn(?:i|a|u)\s+)?"
                        r"(?:kven)?(?:forset(?:i|a)(?:nn|ns|num)?|fors(?:ae|æ)tisr(?:a|á)(?:ð|d)herr(?:a|ann|ans|anum)?|"
                        r"konung(?:ur|s|i|inn|sins|inum)?|drottning(?:u|ar|in|una|unni|arinnar)?|paf(?:i|a)(?:nn|ns|num)?|"
                        r"biskup(?:s|i|inn|sins)?|geimfar(?:i|a)|borgarstjor(?:i|a))\s+(?=\w)")
# round 34a: the first, founding or last leader of a named party, union or organisation in German, Polish, Czech and
# Slovak, every case ("der erste Vorsitzende der SPD", "des ersten Generalsekretärs der KPD", "pierwszy
# przewodniczący Solidarności", "pierwszego prezesa PZPN", "první předseda KSČ"); the body must be named (an
# acronym, or capitalised -- in German, where every noun is, two capitalised words or an acronym)
_ORG_CUE = ("erste", "grundungs", "letzte", "pierwsz", "ostatni", "prvni", "prvy", "prva", "posledni")
_DE_ORG_FIRST = re.compile(r"\b(?:der|die|des|dem|den)\s+(?:erst|letzt)(?:e|en|er|em)\s+(?:(?:weiblich|schwarz)(?:e|en|er)\s+)?"
                           r"(?:partei|bundes|gewerkschafts|fraktions|landes)?(?:vorsitzende|generalsekretar|"
                           r"prasident|chef|fuhrer|sprecher|grunder|kanzler)(?:in|en|n|r|s|es)?\s+"
                           r"(?:der|des|von|vom)\s+(?=\w)")
_SLAVIC_ORG_FIRST = re.compile(r"\b(?:pierwsz(?:y|a|ego|ej|ym|emu)|ostatni(?:a|ego|ej|m)?|prvni(?:ho|m)?|prv(?:y|a|eho|om)|"
                               r"posledni(?:ho|m)?)\s+(?:przewodniczac(?:y|a|ego|ej|ym)|prezes(?:a|em|owi)?|"
                               r"sekretarz(?:a|em)?(?:\s+generaln(?:y|ego|ym))?|generaln(?:y|ego|i|eho)\s+"
                               r"(?:sekretarz(?:a)?|tajemnik(?:a|em)?)|za[lł]ozyciel(?:a|em|ka|ki)?|lider(?:a|em|ka|ki)?|"
                               r"przywodc(?:a|e|y)|predsed(?:a|u|y|ou|kyne|kyni)|tajemnik(?:a|em)?|zakladatel(?:e|em|ka)?|"
                               r"prezident(?:a|em)?|prezydent(?:a|em)?|sef(?:a|em)?|szef(?:a|em)?)\s+(?=\w)")
_LOCAL_ORG = re.compile(r"\w*(?:verein|club|klub|schule|firma|kegel|szko[lł]|klubu|druzyn|firmy|spolk|skol|tym[ua]?|spo[lł]dziel|stowarzysz|osiedl|ko[lł][ao]\b|wsp[oó][lł]not)\w*")
_ACRONYM = re.compile(r"\W*(?:[\w-]+\s+){0,1}?[A-ZÄÖÜŁŚŻŹĆŃČŠŽŘ]{2,}[a-z]?(?![a-zäöüß])")

# Japanese: "the sitting / current" + a country + the one office ("現職の日本の内閣総理大臣", "現在のアメリカ大統領")
_JA_CURRENT = re.compile(r"(?:現職|現在|現役|今)の?(?:日本|アメリカ|米国|イギリス|英国|フランス|ドイツ|中国|韓国|インド|ロシア|"
                         r"カナダ|イタリア|ブラジル|メキシコ|オーストラリア|トルコ|タイ|ベトナム|フィリピン|インドネシア)の?"
                         r"(?:内閣総理大臣|総理大臣|首相|大統領|国家主席|国王|女王|天皇|ローマ教皇)")
# English: "the 266th pope" (no object needed: there is one pope at a time), "the 44th prime minister of <Named>"
_EN_NTH = re.compile(r"\bthe (?P<n>\d{1,3}) ?(?:st|nd|rd|th) (?:(?P<pope>pope|dalai lama|supreme pontiff|"
                     r"bishop of rome|secretary general of the (?:un|united nations)|un secretary general)\b|"
                     r"(?:president|prime minister|chancellor|premier|king|queen|emperor|empress|monarch|"
                     r"governor|mayor|vice president|chief justice|first lady|taoiseach) of (?:the )?(?=\w))")
# round 28a: realms of science fiction and fantasy after "the Nth emperor of (the)": words no real state's name holds
# ("the 47th emperor of the Galactic Dominion", "the 3rd queen of the Elven Realm", "the 9th king of the Star Kingdom")
INVENTED_REALM = re.compile(r"\s*(?:the )?(?:[a-z'-]+ ){0,3}?(?:galactic|galaxy|galaxies|dominion|imperium|elven|elvish|dwarven|"
                             r"dwarvish|orcish|goblin|stellar|interstellar|intergalactic|cosmic|celestial|starfleet|"
                             r"star|stars|void|planetary|planet|martian|lunar|moon|andromeda|nebula|cyber|neon|"
                             r"dragon|dragons|fae|faerie|fairy|shadow|abyss|eternal|undying|crystal|obsidian|frost|"
                             r"ember|sky|skies|elves|dwarves|orcs|goblins|fairies|trolls|giants|wizards|xeno\w*|sith|jedi|klingon|romulan|vulcan)\b")
_NOT_A_PERSON_AFTER = re.compile(r"\s+(?:card|costume|figurine|tarot|outfit|mask|chess piece|piece|emoji)\b")
# a national epithet with its place: "the Iron Lady of Liberia", "the Father of the Nation of Ghana"
_EN_EPITHET_PLACE = re.compile(r"\bthe (?:iron lady|iron chancellor|iron marshal|iron duke|grand old man|"
                               r"grand old lady|father of the nation|mother of the nation|founding father|"
                               r"father of modern|bard|liberator|first lady)(?:[\"”'’])? of (?:the )?(?=\w)")
# round 20a: the same epithet of a nation written in lower case ("\"the iron lady\" of british politics")
_EN_EPITHET_NATION = re.compile(_EN_EPITHET_PLACE.pattern + r"(?:[a-z]+ )?(?:british|english|scottish|irish|american|"
                                r"french|german|indian|african|liberian|israeli|pakistani|turkish|polish|russian|"
                                r"chinese|japanese|korean|argentine|brazilian|mexican|nigerian|ghanaian|kenyan|"
                                r"south african|philippine|filipino|indonesian|burmese|myanmar|britain|england|"
                                r"france|germany|india|africa|liberia|israel|pakistan|turkey|poland|russia|china|"
                                r"japan|korea|argentina|brazil|mexico|nigeria|ghana|kenya|the philippines|"
                                r"indonesia|the uk|the us|america)\b")
# round 20a: a pope named by nationality, the nationality after ("papież Polak", "il papa polacco", "le pape
# polonais") or before ("the Polish pope", "der deutsche Papst", "el papa argentino"): few popes share one
# round 32a: the whole class in the case languages: the Polish and Czech cases of both words ("papieża Polaka",
# "z papieżem Polakiem", "papeže Poláka", "polskiego papieża", "polskeho papeze") and Russian ("папа-поляк", "папы
# поляка", "польского папы")
_POPE_AFTER = re.compile(r"\b(?:papiez(?:a|owi|em|u)?|papez(?:e|i|em)?|papa|pape|pope|paus|pave|paven)\s+"
                         r"(?:polak(?:a|owi|iem)?|niemc(?:a|owi|em)|niemiec|argentynczyk(?:a|owi|iem)?|"
                         r"amerykanin(?:a|owi|em)?|polak|polaka|polakem|nemec|nemce|nemcem|argentinec|argentince|"
                         r"americ(?:an|ana|anem)|"
                         r"polacco|tedesco|argentino|americano|statunitense|polaco|aleman|estadounidense|polones|"
                         r"alemao|polonais|allemand|argentin|americain|polonaise)\b")
_POPE_BEFORE = re.compile(r"\b(?:polish|german|argentine|argentinian|american|polnischen?|polnischer|polnische|deutschen?|"
                          r"deutscher|deutsche|argentinischen?|argentinische|amerikanischen?|amerikanische|poolse|"
                          r"duitse|argentijnse|amerikaanse|polske|tyske|polska|tyska|argentinske|amerikanske|"
                          r"polski(?:ego|emu|m)?|niemieck(?:i|iego|iemu|im)|argentynsk(?:i|iego|iemu|im)|"
                          r"amerykansk(?:i|iego|iemu|im)|polsk(?:y|eho|emu|ym)|nemeck(?:y|eho|emu|ym)|"
                          r"americk(?:y|eho|emu|ym))\s+(?:pope|papst|paus|paven|pave|papiez(?:a|owi|em|u)?|"
                          r"papez(?:e|i|em)?)\b")
def _pope_shapes(lower: str) -> tuple[re.Pattern[str], ...]:
    """The pope shapes worth running: none without a word for pope (a cheap substring test first)."""
    if "pap" in lower or "pope" in lower or "paus" in lower or "pave" in lower:
        return (_POPE_AFTER, _POPE_BEFORE)
    # Russian "папа" is also "dad": never with "my/our/your" in the prompt ("мой папа-американец")
    return (_POPE_RU,) if "пап" in lower and not _RU_POSSESSIVE.search(lower) else ()


_RU_POSSESSIVE = re.compile(r"(?<!\w)(?:мо[йеяиё]\w*|наш\w*|тво[йеяиё]\w*|ваш\w*|сво[йеяиё]\w*)(?!\w)")


_POPE_RU = re.compile(r"(?:\bпап(?:а|ы|е|у|ой)(?: римск(?:ий|ого|ому|им))?[ \-](?:поляк|немец|немц|аргентин(?:ец|ц)|"
                      r"американ(?:ец|ц))|(?:польск|немецк|аргентинск|американск)(?:ий|ого|ому|им|ая) пап(?:а|ы|е|у|ой))"
                      r"[а-я]*")
# round 20a: Turkish "<place>'da seçilen ilk kadın devlet başkanı" (the first woman elected head of state in <place>),
# "<place>'nın ilk kadın başbakanı": a first in a named place (the place is capitalised, checked in spans)
_TR_FIRST = re.compile(r"\b(?P<p>[a-z]{3,})['’ ](?:da|de|ta|te|nin|nun|in|un) (?:(?:secilen|secilmis|gelen|olan|"
                       r"atanan) )?(?:ilk|son|en genc|en yasli) (?:kadin |erkek |siyahi )?(?:devlet baskani|"
                       r"cumhurbaskani|cumhurbaskan|basbakan|baskan|kral|kralice|astronot|kozmonot|sampiyon)[a-z]*\b")
# round 32a: "ilk Türk kadın savaş pilotu" (the first Turkish woman fighter pilot), "ilk Alman astronot": the first of
# a nationality in an office or a record role, Turkish word order (one modifier such as "savaş" may come between)
_TR_FIRST_NATION = re.compile(r"\bilk (?:turk|alman|amerikali|fransiz|ingiliz|rus|japon|cinli|arap|iranli|yunan|"
                              r"italyan|ispanyol|kurt|azeri|afrikali|hintli|pakistanli|misirli|afgan|kazak|ozbek|"
                              r"koreli|brezilyali|kanadali|avustralyali|meksikali|polonyali|ukraynali|bosnak|arnavut) "
                              r"(?:kadin |erkek |siyahi |musluman )?(?:[a-z]+ )?(?:pilot|astronot|kozmonot|basbakan|"
                              r"cumhurbaskan|devlet baskan|milletvekil|nobel|olimpiyat sampiyon|dunya sampiyon|"
                              r"bilim insan|dagci|futbolcu|general|amiral|hakim|vali)[a-z]*\b")
# "king/queen/emperor of a field": a field no one else is king of ("the King of Pop", "der Kaiser des deutschen
# Fußballs", "o Rei do Futebol", "la Reina de la Salsa", "la Reine de la chanson française")
_FIELD = (r"(?:pop|rock|rock and roll|rock n roll|soul|funk|reggae|reggaeton|salsa|samba|tango|mambo|bachata|"
          r"cumbia|fado|bossa nova|blues|jazz|swing|country|disco|schlager|schlagers|chanson|chanson francaise|"
          r"football|futbol|futebol|calcio|fussball|fussballs|fu(?:ss|ß)balls?|boxing|boxens|boxeo|tennis|tenis|"
          r"golf|cricket|hip hop|rap|grunge|heavy metal|metal|punk|techno|ranchera|corrido|bolero|mariachi|flamenco|"
          r"merengue|forro|sertanejo|axe|pagode|k pop|kpop|latin pop|telenovelas|horror|suspense|comedy)")
_FIELD_TITLE = re.compile(r"\b(?:the (?:king|queen|emperor|empress|prince|princess|godfather|godmother|father|mother) "
                          r"of|der (?:kaiser|konig|papst|titan|gott|prinz) des|die (?:konigin|kaiserin|queen) des|"
                          r"(?:el|la) (?:rey|reina|emperador|emperatriz|principe|princesa|padre|madre) de(?:l| la| los)?|"
                          r"(?:o|a) (?:rei|rainha|imperador|imperatriz|principe|princesa|pai|mae) d(?:o|a|os)|"
                          r"(?:il|la) (?:re|regina|imperatore|principe|principessa) del(?:la|l')?|"
                          r"(?:le|la) (?:roi|reine|empereur|prince|princesse|pape) d(?:u|e la|es))"
                          r" (?:(?:deutschen|brasileiro|brasileira|italiano|italiana|mexicano|mexicana|"
                          r"argentino|argentina|espanol|espanola|francais|francaise|latino|latina|americain|american|"
                          r"british|german|italian|latin|brazilian|mexican) )?" + _FIELD + r"\b")
# the field ends the phrase: punctuation, the end, a preposition or conjunction, or an English "-ing" verb ("the king
# of rock formations", "the queen of pop music charts" name a thing)
_FIELD_END = re.compile(r"\s*(?:[,.;:!?()\[\]]|$)|\s+(?:on|in|at|with|and|during|wearing|as|from|of|by|mit|auf|im|"
                        # round 28a: German, Romance "as/before/next to", and a year ("... als Teamchef 1990")
                        r"als|vor|neben|nach|zum|zur|wahrend|como|junto|come|comme|pendant|durante|\d{4}|"
                        r"beim|bei|und|in|en|con|y|em|com|e|no|na|nel|nella|sul|sur|avec|et|au|dans|[a-z]+ing|[a-z]{2,}(?:ando|endo|indo))\b")
# a sports role, a named team and a year: the rider or player of that team that season
_TEAM_YEAR = re.compile(
    r"\b(?:el|la|the|o|a|il|le)\s(?:[a-z]+\s){0,2}?(?:piloto|corredor|corredora|jugador|jugadora|futbolista|"
    r"portero|delantero|ciclista|driver|racer|rider|player|footballer|striker|goalkeeper|pitcher|quarterback|"
    r"cyclist|jogador|jogadora|goleiro|atacante|pilota|giocatore|calciatore|portiere|attaccante|pilote|joueur|"
    r"joueuse|coureur|gardien|attaquant)(?:\s[a-z]+)?\s(?:que|who|che|qui)\s(?:corria|corrio|jugaba|jugo|"
    r"militaba|milito|competia|compitio|pilotaba|atajaba|raced|drove|played|rode|pitched|corria|pilotava|jogava|"
    r"jogou|correva|guidava|giocava|ha giocato|courait|jouait|pilotait|a joue|a couru)\s(?:para|por|en|con|for|"
    r"with|pela|pelo|no|na|per|con|pour|avec|chez|dans)\s(?:(?:el|la|los|the|o|a|il|lo|le|les|l')\s?)?"
    r"(?P<team>[a-z][\w'-]*(?:\s[a-z][\w'-]*){0,2}?)\s(?:en|in|em|nel|nella|durante|during)\s(?:el\s|la\s|the\s|o\s|"
    r"il\s|l'|la saison\s|la temporada\s|the season\s|a temporada\s|la stagione\s)?(?:19|20)\d\d\b")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-18a shapes (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    out: list[tuple[int, int, str]] = []
    if not lower.isascii():
        out += [(m.start(), m.end(), "the current holder of an office of a named country")
                for m in _JA_CURRENT.finditer(lower)]
    out += [(m.start(), m.end(), "an office by rank of a country named by its adjective")
            for m in _WS_OFFICE.finditer(lower)]
    for m in _EN_NTH.finditer(lower):
        if m.group("pope"):
            if not _NOT_A_PERSON_AFTER.match(lower, m.end()):
                out.append((m.start(), m.end(), "an office holder by number"))
        elif _capital_within(text, m.end(), 1, cased) and not INVENTED_REALM.match(lower, m.end()):
            out.append((m.start(), _word_end(lower, m.end()), "an office holder by number"))
    out += [(m.start(), m.end(), "a pope named by nationality")
            for rx in _pope_shapes(lower) for m in rx.finditer(lower)
            if not _NOT_A_PERSON_AFTER.match(lower, m.end())]
    out += [(m.start(), m.end(), "a person known by an epithet of a named nation")
            for m in _EN_EPITHET_NATION.finditer(lower)]
    for m in _FIELD_TITLE.finditer(lower):
        if _FIELD_END.match(lower, m.end()):
            out.append((m.start(), m.end(), "a person known by an epithet of a field"))
    if not cased:
        return out
    for rx in (_FINNIC_OFFICE, _FINNIC_OFFICE_RANK_FIRST) if any(c in lower for c in _FINNIC_CUE) else ():
        for m in rx.finditer(lower):
            if text[m.start("c"):m.start("c") + 1].isupper():
                out.append((m.start(), m.end(), "the holder of an office of a named country"))
    for rx, what in ((_IS_OFFICE, "an office by rank of a named country"),
                     (_EN_EPITHET_PLACE, "a person known by an epithet of a named place")):
        for m in rx.finditer(lower):
            if _capital_within(text, m.end(), 0, cased):
                out.append((m.start(), _word_end(lower, m.end()), what))
    if any(c in lower for c in _ORG_CUE):
        out += _org_first(lower, text)
    if "ilk " in lower:
        out += [(m.start(), m.end(), "the first of a nationality in a role (Turkish)")
                for m in _TR_FIRST_NATION.finditer(lower)]
    for m in _TR_FIRST.finditer(lower):
        if text[m.start("p"):m.start("p") + 1].isupper():
            out.append((m.start(), m.end(), "a first in a named place (Turkish)"))
    for m in _TEAM_YEAR.finditer(lower):
        if text[m.start("team"):m.start("team") + 1].isupper():
            out.append((m.start(), m.end(), "a player of a named team in a named year"))
    return out


def _org_first(lower: str, text: str) -> list[tuple[int, int, str]]:
    """The first or last leader of a named body in German and West Slavic (see ``_DE_ORG_FIRST``)."""
    out = []
    for rx in (_DE_ORG_FIRST, _SLAVIC_ORG_FIRST):
        for m in rx.finditer(lower):
            rest = text[m.end():m.end() + 60]
            obj = lower[m.end():m.end() + 40]
            if _LOCAL_ORG.match(obj) or re.match(r"(?:unser|mein|dein|sein|ihr|eines|einer|nasz|moj|tw|jego|jej|"
                                                 r"nase|muj|tvoj)", obj):
                continue  # "der erste Vorsitzende des Kegelvereins", "pierwszy prezes naszego klubu": local posts
            named = _ACRONYM.match(rest) is not None
            if not named and rx is _DE_ORG_FIRST:
                named = re.match(r"\W*[A-ZÄÖÜ]\w+\s+[A-ZÄÖÜ]\w*", rest) is not None and not _LOCAL_ORG.search(
                    lower, m.end(), _word_end(lower, _word_end(lower, m.end()) + 1))
            elif not named:
                named = rest[:1].isupper()
            if named:
                out.append((m.start(), _word_end(lower, m.end()), "the first leader of a named party or body"))
    return out


def _capital_within(text: str, i: int, words: int, cased: bool) -> bool:
    """Whether a capitalised word comes within the first ``words + 1`` words from ``i``."""
    return cased and bool(re.match(rf"^\W*(?:\S+\s+){{0,{words}}}?[A-ZÁÉÍÓÖÚÜÞÆČŠŽ]", text[i:i + 20 * (words + 1)]))


def _word_end(lower: str, i: int) -> int:
    m = re.compile(r"\w+").match(lower, i)
    return m.end() if m else i
