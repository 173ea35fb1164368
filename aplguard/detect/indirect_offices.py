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
               r"litewsk|litevsk|czesk|slowack|"
               # round 40a: the countries of Africa, the Arab world, South and Southeast Asia and Latin America
               r"ghansk|ghanijsk|nigerijsk|nigeryjsk|kensk|kenijsk|egyptsk|egipsk|jihoafrick|juhoafrick|"
               r"poludniowoafrykansk|etiopsk|alzirsk|algiersk|marock|marokansk|tunisk|tunezyjsk|senegalsk|"
               r"tanzansk|tanzanijsk|ugandsk|ugandyjsk|zimbabwsk|indonesk|indonezyjsk|filipinsk|vietnamsk|"
               r"wietnamsk|thajsk|tajsk|pakistansk|bangladessk|banglijsk|barmsk|birmansk|malajsk|malajsijsk|"
               r"malezyjsk|singapursk|argentinsk|argentynsk|chilsk|chilijsk|kolumbijsk|peruansk|peruwiansk|"
               r"bolivijsk|boliwijsk|venezuelsk|wenezuelsk|kubansk|ekvadorsk|ekwadorsk|uruguaysk|urugwajsk|"
               r"portugalsk|egyptsk|syrsk|syryjsk|iransk|irack|saudsk|libanonsk|jordansk)(?:y|a|e|eho|ego|ej|i|ych)")
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
# round 38a: the "elected" qualifier in every spelling ("kjörni", "þjóðkjörni" -- the normaliser keeps "þ")
_IS_OFFICE = re.compile(r"\b(?:fyrst(?:i|a|u)|nuverandi|si[ðd](?:asti|asta|ustu))\s+"
                        r"(?:(?:[þðd]jo[ðd])?kj(?:o|ö)rn(?:i|a|u)\s+)?"
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
                             r"ember|sky|skies|elves|dwarves|orcs|goblins|fairies|trolls|giants|wizards|xeno\w*|sith|jedi|klingon|romulan|vulcan|"
                             # round 37a: the planets and moons no one governs, colonies and settlements of space,
                             # and the lands of myth and fiction ("the 100th president of Mars", "the first emperor
                             # of the Moon colony", "the 12th emperor of Atlantis")
                             r"mars|venus|jupiter|saturn|neptune|uranus|pluto|titan|ganymede|callisto|enceladus|"
                             r"colony|colonies|space station|orbital|asteroid|asteroids|exoplanet|"
                             r"atlantis|lemuria|narnia|westeros|middle earth|mordor|gondor|rohan|wakanda|hogwarts|"
                             r"el dorado|utopia|asgard|oz|genovia|latveria|panem|hyrule|tamriel|azeroth|pandora|"
                             r"arrakis|tatooine|coruscant|naboo|krypton|gotham|metropolis|springfield)\b")
# round 37a: an ordinal beyond any real office's count names no real person ("the 500th pope", "the 200th president
# of the United States"): the most holders any office has had (popes 267, Japanese emperors 126, prime ministers of
# Japan about 100, presidents of a republic under 100)
_MOST_HOLDERS = {"pope": 290, "supreme pontiff": 290, "bishop of rome": 290, "president": 99, "vice president": 99,
                 "prime minister": 130, "premier": 130, "chancellor": 130, "first lady": 99}


def implausible_ordinal(n: int, office: str) -> bool:
    """Whether the ``n``-th holder of ``office`` (lower case) is more than any real office has had."""
    return n > _MOST_HOLDERS.get(office, 250)


_ORDINAL_BEFORE = re.compile(r"(\d{1,4}) ?(?:st|nd|rd|th|e|eme|º|°|\.)? $")


def invented_office(lower: str, ts: int, te: int) -> bool:
    """Whether the office described at ``lower[ts:te]`` is an invented one (round 37a): an ordinal before it beyond
    any real count ("the 200th president of the United States") or a realm of fiction after it ("the 45th president
    of the Lunar Republic")."""
    m = _ORDINAL_BEFORE.search(lower, max(0, ts - 8), ts)
    if m:
        phrase = lower[ts:te]
        office = next((o for o in sorted(_MOST_HOLDERS, key=len, reverse=True) if o in phrase), "")
        if implausible_ordinal(int(m.group(1)), office):
            return True
    return lower.startswith(" of ", te) and INVENTED_REALM.match(lower, te + 4) is not None
# round 37a: a work of fiction or the far future around an office by number ("the 250th pope in a sci-fi novel",
# "the 45th president, year 2450"): the office holder is invented
_FICTION_WORK = re.compile(r"\b(?:(?:sci ?-?fi|science fiction|fantasy|fictional) (?:novel|story|book|saga|universe|"
                           r"world|setting|series|comic)|fictional|in (?:the year )?(?:2[1-9]\d\d|[3-9]\d{3})|"
                           r"year (?:2[1-9]\d\d|[3-9]\d{3})|alternate history|alternate universe)\b")
_NOT_A_PERSON_AFTER = re.compile(r"\s+(?:card|costume|figurine|tarot|outfit|mask|chess piece|piece|emoji)\b")
# a national epithet with its place: "the Iron Lady of Liberia", "the Father of the Nation of Ghana"
_EN_EPITHET_PLACE = re.compile(r"\bthe (?:iron lady|iron chancellor|iron marshal|iron duke|grand old man|"
                               r"grand old lady|father of the nation|mother of the nation|founding father|"
                               r"father of modern|bard|liberator|first lady|"
                               # round 37a: a singer's, a ruler's or a tyrant's epithet of a place ("the Nightingale of
                               # India", "the Maid of Orleans", "the Butcher of the Balkans", "the Sage of Omaha")
                               r"nightingale|butcher|sage|strongman|apostle)(?:[\"”'’])? of (?:the )?(?=\w)")
# round 37a: "the Father of the Nation" in the Romance languages and German, with the nation's adjective or a capital
# after it ("le Père de la Nation ivoirienne", "el Padre de la Patria argentino", "der Vater der Nation Kenias"), and
# the one-word forms of Hindi, Bengali, Urdu and Indonesian ("राष्ट्रपिता", "জাতির পিতা", "بابائے قوم", "Sang
# Proklamator"); "o pai da noiva" (the father of the bride) is no nation
_FATHER_NATION = re.compile(r"\b(?:le|el|o|il|der|la|a|du|del|do|dem|des) (?:pere|padre|pai|vater|vaters|mere|madre|mae|"
                            r"mutter|padri|pais|peres) (?:de la|della|da|der|de|dela|des) (?:nation|nacion|nacao|"
                            r"nazione|patria|patrie|natie|independencia|independance|indipendenza|unabhangigkeit)"
                            r"(?P<rest> [a-z]+)?")
_NATION_ADJ_END = re.compile(r"[a-z]+(?:aise|ais|aine|ain|ienne|ien|enne|oise|ois|ano|ana|ino|ina|eno|ena|ese|esa|eiro|eira|"
                         r"ense|ol|ola|ico|ica|ish|ian|an|isch|ische|ischen)\b")
_FATHER_CHEAP = ("pere ", "padre ", "pai ", "vater", "mere ", "madre ", "mae ", "mutter", "padri ", "proklamator",
                 "bapak bangsa", "bapak pendiri")
_FATHER_NATION_NATIVE = re.compile(r"राष्ट्रपिता|জাতির পিতা|بابائے قوم|بابای ملت|sang proklamator|bapak proklamator|"
                                   r"bapak bangsa indonesia|bapak pendiri bangsa")
# these epithets are also words of birds, trades and sayings: typed with a capital only
_CAPITAL_EPITHET = ("nightingale", "butcher", "sage", "strongman", "apostle")
# round 20a: the same epithet of a nation written in lower case ("\"the iron lady\" of british politics")
_EN_EPITHET_NATION = re.compile(_EN_EPITHET_PLACE.pattern + r"(?:[a-z]+ )?(?:british|english|scottish|irish|american|"
                                r"french|german|indian|african|liberian|israeli|pakistani|turkish|polish|russian|"
                                r"chinese|japanese|korean|argentine|brazilian|mexican|nigerian|ghanaian|kenyan|"
                                r"south african|philippine|filipino|indonesian|burmese|myanmar|britain|england|"
                                r"france|germany|india|africa|liberia|israel|pakistan|turkey|poland|russia|china|"
                                r"japan|korea|argentina|brazil|mexico|nigeria|ghana|kenya|the philippines|"
                                r"indonesia|the uk|the us|america|"
                                # round 40a: the states of India and Malaysia ("the iron lady of manipur")
                                r"andhra pradesh|assam|bihar|gujarat|kerala|karnataka|maharashtra|manipur|odisha|"
                                r"punjab|rajasthan|tamil nadu|telangana|uttar pradesh|west bengal|bengal|sarawak|"
                                r"sabah|johor|kelantan|penang|sindh)\b")
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
# a nationality in an office or a record role, Turkish word order (one modifier such as "savaş" may come between);
# round 38a: "woman" may stand before the nationality too ("ilk kadın Türk savaş pilotu")
_TR_FIRST_NATION = re.compile(r"\bilk (?:(?:kadin|erkek|siyahi) )?(?:turk|alman|amerikali|fransiz|ingiliz|rus|japon|cinli|arap|iranli|yunan|"
                              r"italyan|ispanyol|kurt|azeri|afrikali|hintli|pakistanli|misirli|afgan|kazak|ozbek|"
                              r"koreli|brezilyali|kanadali|avustralyali|meksikali|polonyali|ukraynali|bosnak|arnavut) "
                              r"(?:kadin |erkek |siyahi |musluman )?(?:[a-z]+ )?(?:pilot|astronot|kozmonot|basbakan|"
                              r"cumhurbaskan|devlet baskan|milletvekil|nobel|olimpiyat sampiyon|dunya sampiyon|"
                              r"bilim insan|dagci|futbolcu|general|amiral|hakim|vali)[a-z]*\b")
# round 38a: the Turkish participle before the first ("Nobel kazanan ilk Türk kadın", "Oscar alan ilk Türk oyuncu",
# "Everest'e tırmanan ilk Türk"): a capitalised prize or place, a win/reach verb, then "first <nationality>"
_TR_WON_FIRST = re.compile(r"\b(?P<p>[a-z][\w']{2,})(?: [a-z]+){0,2} (?:kazanan|alan|kazanmis|tirmanan|cikan|ulasan|"
                           r"giden|secilen) ilk (?:kadin |erkek )?(?:turk|alman|amerikali|fransiz|ingiliz|rus|japon|"
                           r"cinli|arap|iranli|yunan|italyan|ispanyol|kurt|azeri|afrikali|hintli|pakistanli|misirli|"
                           r"afgan|kazak|ozbek|koreli|brezilyali|kanadali|avustralyali|meksikali|polonyali|ukraynali|"
                           r"bosnak|arnavut|musluman|siyahi)\b")
_TR_LOCAL = re.compile(r"\b(?:okul|kulup|sinif|mahalle|koy|sirket|bizim|benim|takim|site|apartman|universite)\w*")
# "king/queen/emperor of a field": a field no one else is king of ("the King of Pop", "der Kaiser des deutschen
# Fußballs", "o Rei do Futebol", "la Reina de la Salsa", "la Reine de la chanson française")
_FIELD = (r"(?:pop|rock|rock and roll|rock n roll|soul|funk|reggae|reggaeton|salsa|samba|tango|mambo|bachata|"
          r"cumbia|fado|bossa nova|blues|jazz|swing|country|disco|schlager|schlagers|chanson|chanson francaise|"
          r"football|futbol|futebol|calcio|fussball|fussballs|fu(?:ss|ß)balls?|boxing|boxens|boxeo|tennis|tenis|"
          r"golf|cricket|hip hop|rap|grunge|heavy metal|metal|punk|techno|ranchera|corrido|bolero|mariachi|flamenco|"
          r"merengue|forro|sertanejo|axe|pagode|k pop|kpop|latin pop|telenovelas|horror|suspense|comedy|"
          # round 37a: the field in Hungarian, Polish (genitive), Dutch and Indonesian
          r"futball|foci|labdarugas|futbolu|pilki noznej|popu|rocka|jazzu|salsy|tanga|boksu|voetbal|"
          r"sepak ?bola|dangdut|tinju)")
_FIELD_TITLE = re.compile(r"\b(?:the (?:king|queen|emperor|empress|prince|princess|godfather|godmother|father|mother) "
                          r"of|der (?:kaiser|konig|papst|titan|gott|prinz) des|die (?:konigin|kaiserin|queen) des|"
                          r"(?:el|la|del|al) (?:rey|reina|emperador|emperatriz|principe|princesa|padre|madre) de(?:l| la| los)?|"
                          r"(?:o|a|do|da|no|na|ao|pelo|pela) (?:rei|rainha|imperador|imperatriz|principe|princesa|pai|mae) d(?:o|a|os)|"
                          r"(?:il|la|del|della|al|alla|dal|col) (?:re|regina|imperatore|principe|principessa) del(?:la|l')?|"
                          r"(?:le|la|du|au) (?:roi|reine|empereur|prince|princesse|pape) d(?:u|e la|es)|"
                          # round 37a: the German genitive and dative, Dutch, and the bare title of the languages
                          # without an article before it (Hungarian, Polish, Turkish, Indonesian) -- each below
                          r"(?:des|dem|den) (?:kaisers?|konigs?|koniginnen|konigin|kaiserin) des|"
                          r"de (?:keizer|koning|koningin) van (?:de|het)|"
                          r"a(?: (?:magyar|brazil|nemet|olasz|argentin))?(?= (?:futball|foci|labdarugas|pop|rock|jazz|salsa|tango))|"
                          r"(?:krol|krolowa|cesarz|cesarzowa)(?= (?:futbolu|pilki noznej|popu|rocka|jazzu|salsy|tanga|boksu))|"
                          r"(?:raja|ratu|kaisar)(?= (?:sepak ?bola|pop|rock|dangdut|jazz|salsa|tinju)))"
                          r" (?:(?:deutschen|brasileiro|brasileira|italiano|italiana|mexicano|mexicana|"
                          r"argentino|argentina|espanol|espanola|francais|francaise|latino|latina|americain|american|"
                          r"british|german|italian|latin|brazilian|mexican) )?" + _FIELD + r"\b"
                          # round 37a: the Hungarian possessed title after the field, the Turkish genitive field
                          # before its title ("a futball császára", "futbolun kralı", "popun kraliçesi")
                          r"(?: (?:csaszara|kiralya|kiralynoje|csaszarnoje))?|"
                          r"\b(?:futbolun|popun|rockun|caz[ıi]n|tangonun|salsanin|boksun) (?:krali|kralicesi|imparatoru)\b")
# round 37a: a lower-case word after a foreign field epithet ends it when the field is a game (a verb or a number:
# "o Rei do Futebol dando", "król futbolu 10") or the title is German (nouns have capitals); a genitive continues
# the noun ("la reina de la salsa de tomate")
_SPORT_FIELD = re.compile(r"futbol|futebol|football|fussball|fußball|calcio|futball|foci|labdarugas|pilki noznej|"
                          r"voetbal|sepak ?bola|boxing|boxeo|boksu|tinju|tennis|tenis|golf|cricket")
_GENITIVE_NEXT = re.compile(r"\s(?:de|di|do|da|del|della|dei|du|des|van|von|of|z|ze|balilla|de mesa|de salao|"
                            r"de botao|sala|playa|praia|spiaggia|table|totó|toto|calcetto|femenino|feminino|femminile)\b")
# the foreign titles that must be followed by a Hungarian possessed form ("a futball császára", not "a futball")
_HU_TITLE_END = re.compile(r"(?:csaszara|kiralya|kiralynoje|csaszarnoje)\b")
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


# round 39a: the first of a nationality or continent to win the Nobel prize or to reach a record role, in German
# ("die erste afrikanische Friedensnobelpreisträgerin", "der erste deutsche Astronaut"), Hungarian ("az első magyar
# irodalmi Nobel-díjas író") and Polish ("pierwsza polska noblistka"): one person (folded: "trager", "elso", "dijas")
_FIRST_NATION_RECORD = re.compile(
    r"\b(?:der|die|den|dem|des) (?:erste|ersten|erster|einzige|einzigen) (?:(?:weibliche|weiblichen|schwarze|"
    r"schwarzen) )?[a-z]+(?:sche|schen|scher) (?:(?:weibliche|weiblichen|schwarze|schwarzen) )?"
    r"(?:[a-z]*nobelpreistrager|astronaut|kosmonaut|papst|oscarpreistrager|olympiasieger)(?:in|innen|s|en)?\b|"
    r"\baz (?:elso|egyetlen) (?:[a-z]+ ){1,2}nobel-?dijas\b|"
    r"\bpierwsz(?:y|a|ego|ej|emu|ym|a) (?:polsk|niemieck|rosyjsk|afrykansk|amerykansk|czesk|ukrainsk|litewsk)"
    r"(?:i|a|iego|iej|iemu|im|ą) noblist(?:a|ka|y|ki|e|ce|ow|ą)\b")
# round 39a: the office holder who came right before or after a named one ("il papa che ha preceduto Francesco", "the
# pope who succeeded Benedict", "el rey que sucedió a Juan Carlos", "le président qui a précédé Macron"): one person
_SUCCESSION_CUE = ("prece", "préc", "succe", "succé", "suced", "suce", "antece")
_SUCCESSION = re.compile(
    r"\b(?:pope|papa|papst|pape|paus|president|presidente|presidenta|pr[eé]sident|prime minister|primo ministro|"
    r"primer ministro|premier ministre|premi[eè]re ministre|primeiro-ministro|primeiro ministro|premier|chancellor|"
    r"cancelliere|canciller|chanceler|king|queen|re|regina|rey|reina|roi|reine|rei|rainha|emperor|empress|"
    r"imperatore|emperador|empereur|imperador|sultan|shah|dalai lama|patriarch|patriarca|archbishop|arcivescovo|"
    r"arzobispo|archev[eê]que|secretary-general|secretario general|segretario generale)\s+"
    r"(?:who|that|che|que|qui|il quale|la quale|el cual|la cual)\s+"
    r"(?:preceded|succeeded|directly preceded|directly succeeded|immediately preceded|immediately succeeded|"
    r"ha preceduto|ha succeduto a|[eè] succeduto a|[eè] succeduta a|precedette|succedette a|"
    r"precedi[oó] a|sucedi[oó] a|precedeu|sucedeu|antecedeu|succedeu a|a pr[eé]c[eé]d[eé]|a succ[eé]d[eé] [aà]|"
    r"pr[eé]c[eé]da|succ[eé]da [aà])\s+(?:(?:pope|papa|pape|king|queen|re|rey|roi|rei|president|presidente|"
    r"pr[eé]sident|san|saint|st)\s+)?(?P<n>\w+)")


# Round 41a. "The first woman to <do> <something named>" in the Romance and Germanic languages ("la primera mujer en
# dirigir el FMI", "a primeira mulher a ser primeira-ministra de Samoa", "la première femme à présider la BCE", "la
# prima donna a guidare la Banca d'Italia", "die erste Frau an der Spitze der EZB", "de eerste vrouw die de Tour won",
# "die erste afrikanische Frau mit Friedensnobelpreis"): a first at a named body, prize or country is one person; the
# named thing (a capital in the next words) keeps "the first woman to arrive at the party" anyone's
_FIRST_PERSON_CHEAP = ("primer", "premier", "prima", "primo", "erste", "eerste", "forsta", "forste", "primul")
_FIRST_PERSON = re.compile(
    r"\b(?:la|el|a|o|le|il|l'|die|der|de|den|det|prima|primul|het)\s*(?P<rank>primera|primero|primer|primeira|primeiro|"
    r"premiere|premier|prima|primo|erste|erster|eerste|forsta|forste|første)\s+(?:[a-z]+\s+)?"
    r"(?P<who>mujer|hombre|persona|mulher|homem|pessoa|femme|homme|personne|donna|uomo|frau|mann|person|mensch|"
    r"vrouw|man|persoon|kvinna|kvinne|kvinde|mand|femeie|barbat|dona|home|kvinnan|kvinnen|kvinden|mannen|manden|"
    r"personen)\s+(?:[a-z]+\s+)?"
    r"(?:en|a|à|de|ad|da|zu|die|som|to|care|que|mit|als|an der spitze|aan het hoofd van|al frente de|a frente de|"
    r"a la tete de|alla guida d|met|med|i|in|im|en el|no|na|nel|nella)\b")


_DE_FIRST_NAMED = re.compile(r"\s+(?:an der spitze|mit (?:dem )?\w*(?:preis|nobel)|als \w*(?:kanzler|prasident|"
                             r"minister|richter|bischof|kommissar|direktor)|im (?:weltall|all|bundestag|vorstand der)|"
                             r"auf dem (?:mond|gipfel des))")


# a capitalised word then a colour adjective: a car or other object of that make ("la Ferrari rossa", "den roten Porsche")
_COLOURED_THING = re.compile(r"\b[A-Z][\w'-]*\s+(?:rossa|rosso|roja|rojo|rouge|red|rot|rote|roten|vermelha|vermelho|nera|"
                             r"nero|negra|negro|noire|black|schwarz|schwarze|schwarzen|azul|bleu|blue|blu|bianca|"
                             r"bianco|blanca|blanco|blanche|white|weisse|weissen|gialla|giallo|amarilla|yellow|jaune|"
                             r"gelb|gelbe|gelben|verde|green|vert|verte)\b")


def _first_person(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """Round 41a: the first woman or man to do something named (see ``_FIRST_PERSON``)."""
    out: list[tuple[int, int, str]] = []
    for m in _FIRST_PERSON.finditer(lower):
        if m.group("who") in ("frau", "mann", "mensch", "person") and not _DE_FIRST_NAMED.match(lower, m.end("who")):
            continue  # German capitalises every noun ("der erste Mensch in der Schlange"): only a prize or an office
        if _COLOURED_THING.search(text, m.end(), m.end() + 60):
            continue  # round 41 merge: "a guidare la Ferrari rossa in pista": a named thing with its colour is an object
        if _capital_within(text, m.end(), 4, cased) and not _LOCAL_ORG.search(lower, m.end(), m.end() + 60) and not (
                re.search(r"\b(?:nuestr|mi |mon |ma |notre|nostr|mio |mia |meu|minha|nosso|unser|mein|onze|ons |"
                          r"mijn|var |vår|min |vores|our|my )", lower[m.end():m.end() + 60])):
            # the span starts at the rank (the Portuguese article "a" is read by indefinite_before)
            out.append((m.start("rank"), _word_end(lower, m.end()), "the first woman or man to do something named"))
    return out


# Round 41a. The current holder of a city's, region's or country's office in the Germanic languages and with the
# Romance "current" after the office ("de huidige burgemeester van Rotterdam", "der amtierende Bürgermeister von Wien",
# "den nuvarande borgmästaren i Malmö", "le roi actuel des Tonga", "la alcaldesa actual de Barcelona"): one person now;
# a capitalised place must follow ("de huidige voorzitter van onze club" is anyone's post)
_CURRENT_CHEAP = ("huidig", "zittend", "amtierend", "aktuell", "jetzig", "nuvarande", "varende", "sittande", "actuel",
                  "actual", "atual", "attual")
_CURRENT_GERMANIC = re.compile(
    r"\b(?:de|het|der|die|den|dem|des|det)\s+(?:huidige|zittende|amtierende|amtierenden|aktuelle|aktuellen|jetzige|"
    r"jetzigen|nuvarande|navarande|naverende|nuvaerende|sittande|siddende|sittende)\s+(?:[a-z]+\s+)?"
    r"(?:burgemeester|burgermeister|burgermeisterin|oberburgermeister|oberburgermeisterin|borgmastare|borgmastaren|"
    r"borgmester|borgmesteren|ordforer|ordforeren|gouverneur|gouverneurin|ministerpresident|ministerprasident|"
    r"ministerprasidentin|landeshauptmann|landeshauptfrau|premier|president|prasident|prasidentin|presidenten|"
    r"koning|koningin|konig|konigin|kanzler|kanzlerin|bondskansler|statsminister|statsministern|statsministeren|"
    r"minister-president|commissaris van de koning|landshovding|landshovdingen|fylkesordforer|emir|sultan|"
    r"bischof|erzbischof|aartsbisschop|bisschop|biskop|arkebiskop)\s+(?:van|von|i|av|for|fra|in|im|op|"
    r"auf|pa|van de|van het)\s+(?=\S)")
# (round 41 merge: not the German genitive "der"/"des": German capitalises every noun, and "der jetzige König der
# Schützen" is a marksmen's club's king, not a place's office)
_CURRENT_ROMANCE_AFTER = re.compile(
    r"\b(?:le|la|el|il|lo|o|a|l')\s*(?:roi|reine|prince|princesse|emir|sultan|maire|gouverneur|president|presidente|"
    r"presidenta|premier ministre|premiere ministre|primer ministro|primera ministra|primeiro-ministro|"
    r"primeira-ministra|primo ministro|rey|reina|rei|rainha|re|regina|alcalde|alcaldesa|prefeito|prefeita|sindaco|"
    r"sindaca|gobernador|gobernadora|governador|governadora|governatore|emiro|sultano|sultao|monarca|monarque|"
    r"lehendakari|president de la generalitat|canciller|chanceler|cancelliere|chancelier)\s+"
    r"(?:actuel|actuelle|actual|atual|attuale|en exercice|en funciones|em exercicio|in carica)\s+"
    r"(?:de|des|du|de la|del|de los|de las|della|dello|di|do|da|dos|das|dei|degli|delle)\s+(?=\S)")


def _current_office(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """Round 41a: a current office holder of a named place (see ``_CURRENT_GERMANIC``)."""
    out: list[tuple[int, int, str]] = []
    for rx in (_CURRENT_GERMANIC, _CURRENT_ROMANCE_AFTER):
        for m in rx.finditer(lower):
            if _capital_within(text, m.end(), 1, cased) and not _LOCAL_ORG.match(lower, m.end()):
                out.append((m.start(), _word_end(lower, m.end()), "the current holder of an office of a named place"))
    return out


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-18a shapes (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    out: list[tuple[int, int, str]] = []
    if any(w in lower for w in _FIRST_PERSON_CHEAP):
        out += _first_person(lower, text, cased)
    if any(w in lower for w in _CURRENT_CHEAP):
        out += _current_office(lower, text, cased)
    if not lower.isascii():
        out += [(m.start(), m.end(), "the current holder of an office of a named country")
                for m in _JA_CURRENT.finditer(lower)]
    out += [(m.start(), m.end(), "an office by rank of a country named by its adjective")
            for m in _WS_OFFICE.finditer(lower)]
    for m in _EN_NTH.finditer(lower):
        office = re.sub(r"^ ?(?:st|nd|rd|th) | of\b.*$", "", lower[m.end("n"):m.end()]).strip()
        if implausible_ordinal(int(m.group("n")), office) or _FICTION_WORK.search(lower):
            continue  # round 37a: "the 100th president of ...", "the 250th pope in a sci-fi novel": invented
        if m.group("pope"):
            if not _NOT_A_PERSON_AFTER.match(lower, m.end()):
                out.append((m.start(), m.end(), "an office holder by number"))
        elif _capital_within(text, m.end(), 1, cased) and not INVENTED_REALM.match(lower, m.end()):
            out.append((m.start(), _word_end(lower, m.end()), "an office holder by number"))
    out += [(m.start(), m.end(), "a pope named by nationality")
            for rx in _pope_shapes(lower) for m in rx.finditer(lower)
            if not _NOT_A_PERSON_AFTER.match(lower, m.end())]
    if any(w in lower for w in _FATHER_CHEAP) or not lower.isascii():
        out += _father_nation(lower, text, cased)
    out += [(m.start(), m.end(), "a person known by an epithet of a named nation")
            for m in _EN_EPITHET_NATION.finditer(lower)
            if not lower.startswith(_CAPITAL_EPITHET, m.start() + 4) or text[m.start() + 4:m.start() + 5].isupper()]
    for m in _FIELD_TITLE.finditer(lower):
        phrase = m.group()
        if phrase.startswith("a ") and not _HU_TITLE_END.search(phrase):
            continue  # "a futball": the Hungarian article needs the possessed title ("a futball császára")
        if _FIELD_END.match(lower, m.end()) or (
                not phrase.startswith("the ") and cased and _lower_word_next(text, m.end())
                and not _GENITIVE_NEXT.match(lower, m.end())
                and (phrase.startswith(("der ", "des ", "dem ", "den ")) or _SPORT_FIELD.search(phrase))):
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
            if lower.startswith(_CAPITAL_EPITHET, m.start() + 4) and not text[m.start() + 4:m.start() + 5].isupper():
                continue  # "the nightingale of India perched on a branch": the bird
            if _capital_within(text, m.end(), 0, cased):
                out.append((m.start(), _word_end(lower, m.end()), what))
    if any(c in lower for c in _ORG_CUE):
        out += _org_first(lower, text)
    if "erste" in lower or "nobel" in lower or "nobl" in lower:
        out += [(m.start(), m.end(), "the first of a nationality to win a named prize or reach a record role")
                for m in _FIRST_NATION_RECORD.finditer(lower)]
    if any(c in lower for c in _SUCCESSION_CUE):
        out += [(m.start(), m.end(), "the predecessor or successor of a named office holder")
                for m in _SUCCESSION.finditer(lower) if text[m.start("n"):m.start("n") + 1].isupper()]
    if "ilk " in lower:
        out += [(m.start(), m.end(), "the first of a nationality in a role (Turkish)")
                for m in _TR_FIRST_NATION.finditer(lower)]
    if "ilk " in lower:
        out += [(m.start(), m.end(), "the first of a nationality to win or reach something named (Turkish)")
                for m in _TR_WON_FIRST.finditer(lower) if text[m.start("p"):m.start("p") + 1].isupper()
                and not _TR_LOCAL.search(lower, m.start(), m.end())]
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


def _father_nation(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """"The Father of the Nation" in more languages (round 37a, see ``_FATHER_NATION``): the nation's adjective or a
    capitalised name after it, or the father word itself capitalised."""
    out = [(m.start(), m.end(), "the father of a nation") for m in _FATHER_NATION_NATIVE.finditer(lower)]
    if not cased:
        return out
    for m in _FATHER_NATION.finditer(lower):
        after = m.start("rest") + 1 if m.group("rest") else -1
        nation = after > 0 and (_NATION_ADJ_END.match(lower, after) is not None or text[after:after + 1].isupper())
        title = m.start() + lower[m.start():].index(" ") + 1  # the father word
        if nation or (text[title:title + 1].isupper() and lower.startswith(("pere", "padre", "pai", "vater"), title)):
            out.append((m.start(), m.end(), "the father of a nation"))
    return out


def _lower_word_next(text: str, i: int) -> bool:
    """Whether the next word after ``i`` starts with a lower-case letter or a digit (round 37a: a verb or an adjective after a
    foreign epithet, "der Kaiser des deutschen Fußballs hebt den Pokal"; a capital would continue a name)."""
    m = re.match(r"\s([^\W_])", text[i:i + 3])
    return m is not None and not m.group(1).isupper()


def _capital_within(text: str, i: int, words: int, cased: bool) -> bool:
    """Whether a capitalised word comes within the first ``words + 1`` words from ``i``."""
    return cased and bool(re.match(rf"^\W*(?:\S+\s+){{0,{words}}}?[A-ZÁÉÍÓÖÚÜÞÆČŠŽ]", text[i:i + 20 * (words + 1)]))


def _word_end(lower: str, i: int) -> int:
    m = re.compile(r"\w+").match(lower, i)
    return m.end() if m else i
