"""Indirect references to one real person in more inflected and relative shapes (round 27a).

Each shape is a class that other shapes of the detector read only in their base form:

* German offices in the genitive or dative, after a fused or case article ("ein Foto des aktuellen Bundeskanzlers
  von Deutschland", "des ersten Bundespräsidenten der Republik", "mit dem jetzigen Papst"): an office that names its
  country by itself (Bundeskanzler, Bundespräsident, Papst) needs nothing more; another needs a capitalised place
  after "von/der/des" ("des ersten Präsidenten unseres Vereins" stays generic);
* Hungarian "the current / first + nationality adjective + office" ("a jelenlegi magyar miniszterelnök", "az első
  magyar űrhajós");
* Romance and Romanian firsts with an infinitive, a perfect infinitive or a relative perfect ("la première femme à
  avoir reçu un prix Nobel", "la primera mujer en ganar ...", "primul om care a pus piciorul pe Lună"): a verb of
  achievement (win, receive, set foot, walk on, fly, climb, be elected); "la première personne à arriver à la fête"
  (an everyday verb) and a place nobody reached stay generic;
* Vietnamese authorship with a verb ("nhà văn viết <Work>", "nhạc sĩ sáng tác <Work>", "đạo diễn phim <Work>"): the
  work must be capitalised;
* the actor who played a role after a fused article ("del actor que interpretaba al ...", "dell'attore che
  interpretava ...", "du comédien qui jouait ...");
* a Romance ruler by the length of the reign with the realm between ("a rainha da Inglaterra que reinou por 70
  anos", "la reina de Inglaterra que reinó durante setenta años");
* a traditional ruler's title held by one living person, with "current" ("the current Asantehene", Yoruba "Ọọ̀ni ti
  Ilé-Ifẹ̀ lọ́wọ́lọ́wọ́").

Spans are ``(start, end, what)`` over ``lower`` (the normaliser's text: accents off, same length as ``text``).
"""

from __future__ import annotations

import re

from .context import clause_end, word_set

# cheap pre-checks: each shape runs only when one of its substrings is in the prompt (most prompts hold none)
_G_DE = ("kanzler", "prasident", "papst", "konig", "kaiser", "minister", "chef")
_G_HU = ("jelenlegi", "mostani", "elso", "utolso", "hivatalban")
_G_FIRST = ("prem", "prim", "ultim")
_G_VI = ("nha ", "nhac si", "dao dien", "đao dien", "tac gia", "hoa si", "nguoi ")
_G_ACTOR = ("actor", "actriz", "ator", "atriz", "attor", "attric", "acteur", "actrice", "comedien")
_G_REIGN = ("rein", "regn", "regna", "gobern", "govern", "gouvern")
_G_TRAD = ("hene", "kabaka", "omukama", "ooni", "alaafin", "oba of", "olu of", "obi of", "sultan of", "emir of",
           "shehu", "mogho", "litunga", "ngwenyama", "aga khan", "zulu", "maori", "kiingi", "king of tonga", "mwami")
_G_YO = ("lowolowo", "isinsinyi", "ti o wa")
_G_NORDIC = ("nuvarande", "navarande", "sittande", "værende", "siddende", "huidige", "zittende", "regerande",
             "regerende")
_G_GS_FIRST = ("erste", "eerste", "forsta", "første", "forste", "pierwsz", "prvni", "prvy", "prva")
_G_ACTOR_OTHER = ("acteur", "actrice", "skadespel", "skuespil", "aktor", "aktris", "pemeran", "pemain")
_G_TR = ("canlandiran", "oynayan", "seslendiren", "yazari", "yonetmeni", "sarkicisi", "bestecisi", "sairi",
         "oyuncusu")
_G_MONARCH = ("abdic", "abdiq", "abdank", "abgedankt", "coron", "couronn", "incoron", "crown", "gekront", "throne",
              "trono", "trone", "thron", "tron", "depos", "deposed", "detronat", "gesturzt", "resigned", "renunci", "aftrad")
_ALL_GATES = tuple({*_G_DE, *_G_HU, *_G_MONARCH, *_G_FIRST, *_G_VI, *_G_ACTOR, *_G_REIGN, *_G_TRAD, *_G_YO, *_G_NORDIC,
                    *_G_GS_FIRST, *_G_ACTOR_OTHER, *_G_TR})

_DE_OFFICE = (r"(?:bundeskanzler(?:s|in)?|kanzler(?:s|in)?|bundesprasident(?:en|in)?|prasident(?:en|in)?|papst(?:es|s)?|"
              r"konig(?:s|in)?|kaiser(?:s|in)?|premierminister(?:s|in)?|ministerprasident(?:en|in)?|"
              r"regierungschef(?:s|in)?|staatschef(?:s|in)?)")
_DE_NATIONAL = ("bundeskanzler", "bundesprasident", "papst")
_DE_RANK = (r"(?:erst|zweit|dritt|viert|letzt|jungst|juengst|altest|einzig|aktuell|derzeitig|amtierend|jetzig|"
            r"heutig|gegenwartig|regierend|damalig)(?:e|en|er|em)")
_DE_INFLECTED = re.compile(r"\b(?:des|dem|den|vom|beim|zum|im|der|die)\s+" + _DE_RANK + r"\s+(?:(?:weiblich|schwarz)(?:e|en|er)\s+)?"
                           r"(?P<adj>[a-z]{3,}(?:isch|sch|nd)(?:e|en|er)\s+)?" + _DE_OFFICE + r"\b")
_DE_OF = re.compile(r"\s+von\s+(?!(?:unser|mein|dein|ihr|sein|eur|ein)\w*\b)")
_DE_LOCAL_OF = re.compile(r"\s+(?:des|der|vom|von|unseres|unserer|meines|meiner|eines|einer)\s")
# German capitalises every noun, so after "der/des" only a state word names the country ("des Vereins" is a club)
DE_STATE = re.compile(r"\s+(?:der|des)\s+(?:bundesrepublik|republik|vereinigten staaten|usa|ddr|brd|schweiz|turkei|"
                       r"ukraine|slowakei|tschechischen republik|niederlande|sowjetunion|udssr|weimarer republik|"
                       r"funften republik|franzosischen republik|vereinigten konigreichs|volksrepublik)\b")

_HU_NATION = (r"(?:magyar|amerikai|francia|nemet|orosz|brit|angol|olasz|spanyol|lengyel|roman|szlovak|cseh|osztrak|"
              r"kinai|japan|indiai|torok|ukran|kanadai|szerb|horvat|szlovén|szloven|izraeli|brazil|mexikoi|argentin|"
              r"szovjet|portugal|gorog|holland|belga|svajci|sved|norveg|dan|finn|ir|skot|del-afrikai|koreai)")
_HU_HEAD = (r"(?:miniszterelnok(?:e|ot|nek|kel|rol|re)?|elnok(?:e|ot|nek|kel|rol|re)?|koztarsasagi elnok\w*|"
            r"allamfo\w*|kiraly(?:a|t|nak|rol)?|kiralyno\w*|kancellar\w*|papa|urhajos\w*|kozmonauta\w*|"
            r"asztronauta\w*|nobel-dijas\w*|olimpiai bajnok\w*)")
_HU_NATIONAL = re.compile(r"\b(?:a|az)\s+(?:jelenlegi|mostani|elso|legelso|utolso|hivatalban levo)\s+(?:(?:noi|no)\s+)?"
                          + _HU_NATION + r"\s+(?:(?:noi|no)\s+)?" + _HU_HEAD + r"\b")

# round 33a: "in history" / "in the world" between the person and the deed ("prima gimnastă din istorie care a primit",
# "la première femme de l'histoire à recevoir", "der erste Mensch der Geschichte, der ...")
_HISTORY = (r"(?:\s+(?:din istorie|din lume|de l'histoire|dans l'histoire|du monde|au monde|de la historia|en la historia|"
            r"de la humanidad|del mundo|en el mundo|da historia|na historia|do mundo|no mundo|della storia|nella storia|"
            r"del mondo|al mondo|der geschichte|in der geschichte|der welt|auf der welt|in der welt|van de wereld|ter wereld|"
            r"in de geschiedenis|i historien|i verden|i varlden|w historii|na swiecie|v historii|na svete|ve svete))?")
# Romance firsts: a person word, a connective, a verb of achievement
_RO_FIRST = (r"(?:(?:la|le|el|il|o|a|l')\s?(?:premiere?|primer|primera|primeiro|primeira|primo|prima)|primul|prima)")
_RO_PERSON = (r"(?:femme|homme|personne|astronaute|femeie|om|persoana|barbat|mujer|hombre|persona|astronauta|mulher|homem|"
              r"pessoa|donna|uomo|latinoamericana|latinoamericano|africaine|africain|noire|noir|negra|negro|nera|nero|"
              # round 33a: athletes and climbers
              r"atleta|athlete|gimnasta|gymnaste|ginnasta|nadadora|nadador|nageuse|nageur|nuotatrice|nuotatore|tenista|"
              r"alpinista|alpiniste|scalatrice|scalatore|escaladora|escalador|pilota|pilote|piloto)")
_RO_VERB = (r"(?:(?:avoir |aver |haber |ter )?(?:re[cç]u|recevoir|remport(?:e|er)|gagn(?:e|er)|march(?:e|er) sur|pos(?:e|er) le pied|"
            r"vol(?:e|er) dans|(?:aller|alle|allee) dans l'espace|escalad(?:e|er)|travers(?:e|er)|"
            r"ete elue?|etre elue?|ganar|ganado|recibir|recibido|pisar|pisado|caminar sobre|caminado sobre|volar al|"
            r"escalar|escalado|ser elegid[oa]|sido elegid[oa]|ganhar|ganho|receber|recebido|vincere|vinto|ricevere|"
            r"ricevuto|camminare sulla|camminato sulla|mettere piede|messo piede|scalare|scalato|essere elett[oa]|"
            r"stat[oa] elett[oa]|conquistar|conquistado|conquistare|conquistato|"
            # preterites after a relative ("que ganó", "che vinse", "que pisou")
            r"gano|recibio|piso|camino sobre|escalo|volo al|conquisto|ganhou|recebeu|pisou|caminhou sobre|escalou|"
            r"conquistou|vinse|ricevette|cammino sulla|scalo|conquisto|gagna|remporta|recut|marcha sur))")
_RO_CONNECT = r"(?:a avoir|a aver|ad aver|a|ad|en|que ha|que|che ha|che e|che|qui a|qui est|qui|care a|care au)"
_ROMANCE_FIRST = re.compile(r"\b" + _RO_FIRST + r"\s+(?:(?:mujer|femme|donna|femeie|mulher)\s+)?" + _RO_PERSON
                            + _HISTORY + r"\s+" + _RO_CONNECT + r"\s+" + _RO_VERB + r"\b")
_ROMANIAN_FIRST = re.compile(r"\b(?:primul|prima|ultimul|ultima)\s+(?:om|femeie|barbat|persoana|roman|romanca|"
                             r"astronaut|cosmonaut|sportiv|sportiva|gimnasta|presedinte)" + _HISTORY + r"\s+care\s+(?:a|au)\s+"
                             r"(?:pus piciorul|castigat|primit|zburat|urcat|escaladat|calcat|ajuns pe|cucerit|fost ales|"
                             r"fost aleasa|obtinut|luat)\b")
# round 33a: the first woman/man to preside over, govern, lead or rule a country ("a primeira mulher a presidir o
# Brasil", "la première femme à diriger la France", "la prima donna a guidare l'Italia", "la primera mujer en gobernar
# Chile", "prima femeie care a condus România"); verbs that only govern take any capitalised place, verbs that also
# mean "drive"/"direct" ("guidare la Ferrari", "diriger l'orchestre") need a country name
_RO_GOVERN_ONLY = (r"presidir|presidiu|presidio|governar|governou|gobernar|goberno|gouverner|gouverna|"
                   r"presider|presida|governare|governo|presiedere|presiedette|reinar|reinou|reino|regnare|regno|"
                   r"regner|regna|a guvernat|a prezidat|sa guverneze|sa conduca tara")
_RO_GOVERN_MAYBE = (r"dirigir|dirigiu|dirigio|liderar|liderou|lidero|encabezar|encabezo|diriger|dirigea|dirigea|"
                    r"guidare|guido|dirigere|diresse|comandar|comandou|comando|conduire|a condus|sa conduca|a dus")
_ROMANCE_GOVERN = re.compile(r"\b(?:premiere?|primer|primera|primeiro|primeira|primo|prima|primul)\s+(?:(?:mujer|femme|donna|femeie|mulher)\s+)?" + _RO_PERSON
                             + r"\s+(?:a|ad|en|que|che|qui|care a|care)\s+(?:(?P<g>" + _RO_GOVERN_ONLY + r")|(?P<m>"
                             + _RO_GOVERN_MAYBE + r"))\s+(?:(?:o|a|el|la|le|il|lo|los|las|les|os|as|gli|i)\s|l')?"
                             # a state, province or city by its kind word ("o estado de São Paulo", "la ciudad de
                             # México", "la région Île-de-France")
                             r"(?:(?P<kind>estado|estat|stato|etat|provincia|province|ciudad|cidade|ville|citta|region|"
                             r"regione|regiao|departamento|comunidad|canton|cantone|municipio|comune|commune|judetul|"
                             r"orasul)\s+(?:(?:de la|de|di|do|da|del|della|du|d')\s?)?)?(?=\w)")
_RO_COUNTRIES = word_set("""
brasil brasile bresil portugal espana espagne spagna francia franca france italia italie mexico messico mexique
argentina argentine chile cile colombia colombie peru perou venezuela bolivia bolivie ecuador equateur uruguay
paraguay cuba romania roumanie alemanha alemania allemagne germania inglaterra angleterre inghilterra canada india
inde israel israele chine china cina japon japao giappone rusia russie russia nicaragua honduras panama guatemala
haiti senegal belgique belgica belgio suisse suiza svizzera irlanda irlande islandia islande islanda finlandia
finlande noruega norvege norvegia suecia suede svezia polonia pologne grecia grece turquia turquie turchia
australia australie liberia pakistan bangladesh filipinas philippines filippine indonesia indonesie corea coree
moldova moldavia ucraina ucrania ukraine croatia croacia croazia serbia slovacchia slovaquie eslovaquia lituania
lituanie lettonia letonia estonia estonie georgia georgie malta angola mocambique mozambique
""")
_RO_COUNTRY_TWO = ("reino unido", "royaume-uni", "regno unito", "estados unidos", "etats-unis", "stati uniti",
                   "costa rica", "el salvador", "nueva zelanda", "nouvelle-zelande", "nuova zelanda", "cabo verde",
                   "sri lanka", "republica", "republique", "repubblica", "union europea", "comissao europeia",
                   "commission europeenne", "commissione europea", "comision europea")

# a place nobody has reached makes the first anyone's; the user's own event too
_ROMANCE_UNREACHED = re.compile(r"\b(?:marte|mars|venus|jupiter|saturno|saturne|plutone?|exoplanet\w*|"
                                r"fantascienza|ciencia ficcion|science-fiction|ficcion|fiction|fictif|ficticio|"
                                r"fittizio|ficcao|mi|mon|mio|mia|meu|minha|nostro|notre|nuestro|nuestra|"
                                # a local group or event: "... en ganar el concurso del pueblo"
                                r"pueblo|barrio|aldea|village|quartier|paese|quartiere|bairro|aldeia|escuela|colegio|"
                                r"ecole|scuola|escola|liceo|lycee|club|empresa|oficina|bureau|ufficio|escritorio|"
                                r"familia|famille|famiglia|fiesta|fete|festa|satul|sat|scoala|clasa|firma|"
                                r"concurso del|concours du|gara del)\b")

# Vietnamese: a writer/composer/director word, a verb or "of", a capitalised work
_VI_AUTHOR = re.compile(r"\b(?:nha van|nha tho|nha bao|nhac si|đao dien|dao dien|tac gia|hoa si|nguoi)\s+"
                        r"(?:(?:đa |da )?(?:viet|sang tac|ve|đao dien|dao dien|dung|sang lap)(?:\s+(?:bo phim|phim|bai hat|"
                        r"cuon|tieu thuyet|truyen|tac pham))?|cua\s+(?:bo phim|phim|bai hat|cuon|tieu thuyet|truyen|"
                        r"tac pham))\s+(?=\w)")

_ROMANCE_ACTOR = re.compile(r"\b(?:del|al|do|ao|dell'|all'|dall'|du|au|dello|dal|el|la|l'|o|a|il|le)\s?(?:actor|actriz|ator|atriz|attore|"
                            r"attrice|acteur|actrice|comedien|comedienne),?\s+(?:que|che|qui)\s+(?:interpretaba|"
                            r"interpreto|interpretou|interpretava|ha interpretato|interpretait|jouait|a joue|"
                            r"incarnait|a incarne|daba vida a|dio vida a|dava vita a|ha dato vita a|dava vida a|deu vida a|"
                            r"prestait sa voix a|doblaba a|dublava)\s+(?=\w)")
# Germanic, Indonesian and Turkish: the actor who played a capitalised role ("de acteur die James Bond speelde",
# "aktor yang memerankan Gatotkaca", "Polat Alemdar'ı canlandıran oyuncu")
_ACTOR_OTHER = re.compile(r"\b(?:de acteur|de actrice|skadespelaren|skuespilleren|skuespiller|aktor|aktris|aktris|"
                          r"pemeran|pemain)\s+(?:die|som|yang)\s+(?:(?:memerankan|memainkan|berperan sebagai)\s+|"
                          r"(?=[a-z]))")
_ACTOR_OTHER_END = re.compile(r"\s+(?:speelde|spelde|spilte|spillede|gespeeld heeft|heeft gespeeld)\b")
_TR_ACTOR = re.compile(r"['’](?:i|ı|u|ü|yi|yı|yu|yü|ni|nı|nu|nü) (?:canlandiran|oynayan|seslendiren) (?:oyuncu|aktor|"
                       r"aktris|sanatci|kadin oyuncu|erkek oyuncu)\b")
_TR_WORK_ROLE = re.compile(r"\b[a-z]+ (?:romaninin|kitabinin|siirinin|sarkisinin|filminin|dizisinin|eserinin|"
                           r"albumunun|operasinin) (?:yazari|yonetmeni|sarkicisi|bestecisi|yaratıcısı|yaraticisi|"
                           r"sairi|basrol oyuncusu)\b")

_ROMANCE_REIGN = re.compile(r"\b(?:el rey|la reina|o rei|a rainha|il re|la regina|le roi|la reine|l'imperatore|"
                            r"l'empereur|el emperador|o imperador|la emperatriz|a imperatriz)\s+(?:de|da|do|di|del|della|"
                            r"du|d')\s?(?:la\s+|l')?(?P<place>[a-z][\w-]+)(?:\s+[a-z][\w-]+)?\s+(?:que|qui|che)\s+"
                            r"(?:reino|reinou|regno|a regne|regna|goberno|governou|governo|a gouverne)\s+"
                            r"(?:(?:por|durante|pendant|per|mas de|mais de|plus de|oltre|casi|quase|presque|quasi|cerca de|pres de)\s+)*"
                            r"(?:\d{1,3}|[a-z]+)\s+(?:anos|annees|ans|anni|decadas|decennies|decenni)\b")

# round 34a: a monarch (or pope) by a reign event and its year ("the king who abdicated in 1936", "the queen crowned in
# 1953", "le roi qui a abdiqué en 1830", "el rey que abdicó en 2014", "der Kaiser, der 1918 abdankte", "regelui care a
# abdicat în 1947"): abdication, coronation, accession or deposition in a given year happens to one person; a title
# of a contest ("the prom queen crowned in 2019") or a story ("the king who abdicated in the fairy tale") stays generic
_MONARCH = (r"(?:king|queen|emperor|empress|tsar|czar|tsarina|shah|sultan|monarch|pope|"
            r"el rey|la reina|el emperador|la emperatriz|el zar|el papa|el sultan|o rei|a rainha|o imperador|"
            r"a imperatriz|o czar|o papa|il re|la regina|l'imperatore|l'imperatrice|lo zar|il papa|le roi|la reine|"
            r"l'empereur|l'imperatrice|le tsar|le pape|le sultan|der konig|die konigin|der kaiser|die kaiserin|der zar|"
            r"der papst|der schah|de koning|de koningin|de keizer|de paus|regele|regelui|regina|reginei|imparatul|"
            r"imparatului|imparateasa|tarul|tarului|papa)")
_MONARCH_EVENT = re.compile(
    r"\b(?:the\s+)?" + _MONARCH + r"(?:\s+(?:of|de|d'|du|da|do|di|del|della|von|van|al|a)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)?"
    r"\s*,?\s+(?:who|that|que|qui|che|der|die|care|dat|die)?\s*(?:(?:in|en|em|nel|im|in het|în|in anul|im jahr(?:e)?)\s+)?"
    r"(?P<y1>1[0-9]\d\d|20[0-2]\d)?\s*(?:was\s+|were\s+|fue\s+|foi\s+|fu\s+|e stato\s+|e stata\s+|a ete\s+|fut\s+|a fost\s+|"
    r"wurde\s+|werd\s+|ha\s+|a\s+|hat\s+|has\s+|had\s+)?"
    r"(?:abdicated|abdico|abdicou|abdicat|ha abdicato|abdique|abdiqua|abdankte|abgedankt|abdiceerde|aftrad|"
    r"crowned|coronad[oa]|coroad[oa]|incoronat[oa]|couronnee?|incoronat|gekront|gekroond|"
    r"ascended the throne|took the throne|subio al trono|subiu ao trono|sali al trono|monte sur le trone|"
    r"est monte sur le trone|den thron bestieg|a urcat pe tron|deposed|depuest[oa]|derrocad[oa]|depost[oa]|"
    r"deposto|deposee?|detronat[aă]?|gesturzt|resigned|renuncio|renunciou|rinuncio|a renonce|zurucktrat)"
    r"(?:\s+(?:in|en|em|nel|im|in het|in anul|im jahr(?:e)?|ano|anul))?\s*(?P<y2>1[0-9]\d\d|20[0-2]\d)?(?!\d|s\b)")
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|un|una|une|uno|ein|eine|einen|einem|een|o)\s+$")
_MONARCH_NOT_ONE = re.compile(r"\b(?:prom|homecoming|beauty|carnival|carnaval|karneval|drag|dance|rodeo|pageant|"
                              r"may|burger|chess|ajedrez|scacchi|echecs|schach|school|escuela|ecole|scuola|schule|"
                              r"fairy|tale|cuento|conte|fiaba|marchen|story|historia inventada|game|juego|jeu|gioco|"
                              r"spiel|novel|novela|roman|romanzo|fantasy|fantasia|fictional|ficticio|fictif|fittizio|"
                              r"our|my|mi|mon|ma|mio|mia|meu|minha|unser\w*|mein\w*|"
                              r"elf|elven|dwarf|orc|dragon|galactic|planet|beer|bier|cerveza|biere|birra|reina de belleza|"
                              r"miss|festival|festa|fiesta|fete|fest|club|klub|clube|team|equipo|equipe|squadra|mannschaft)\b")

# Germanic and Slavic firsts with a relative clause ("der erste Mensch, der den Mond betreten hat", "de eerste vrouw
# die de Nobelprijs won", "den första kvinnan som vann Nobelpriset", "pierwszy człowiek, który stanął na Księżycu",
# "první člověk, který vstoupil na Měsíc"): a verb of achievement within six words of the relative pronoun
_GS_FIRST = re.compile(r"\b(?:der erste|die erste|de eerste|het eerste|den forsta|den første|den forste|det forsta|"
                       r"pierwsz[ay]|prvni|prvy|prva)\s+(?:(?:schwarze|weibliche|zwarte|svarta|sorte)\s+)?"
                       r"(?:mensch|mann|frau|person|astronaut|astronautin|vrouw|man|mens|persoon|kvinnan|kvinna|"
                       r"kvinde|kvinne|mannen|manden|personen|menneske|manniskan|m[aä]nniskan|cz[lł]owiek|"
                       r"kobieta|osoba|clovek|zena|muz|osoba)" + _HISTORY + r"\s*,?\s+(?:der|die|welche|welcher|die|dat|som|ktory|ktora|"
                       r"ktery|ktera|ktori)\s+(?:[^\s,.;:!?]+\s+){0,6}?(?:betreten hat|betrat|gewonnen hat|gewann|"
                       r"erhalten hat|erhielt|bestiegen hat|bestieg|umrundet hat|umrundete|won|heeft gewonnen|ontving|"
                       r"betrad|beklom|vloog|zette|vann|fick|besteg|landade|flog|satte|vandt|fik|besteg|vant|satte|"
                       r"zdoby[lł]a?|stan[aą][lł]|stan[eę][lł]a|otrzyma[lł]a?|wygra[lł]a?|polecia[lł]a?|"
                       r"vstoupila?|ziskala?|vyhrala?|letela?|zdolala?|stanul[ai]?)\b")
_GS_LOCAL = re.compile(r"\b(?:mars|marsie|marsu|venus|mein\w*|unser\w*|mijn|onze|min|mitt|mina|var|vor|moj\w*|"
                       r"nasz\w*|muj|moje|nase\w*|schule|verein|firma|dorf|school|dorp|klas|skolan|byn|skole|"
                       r"szkole|wsi|skole|vesnici|firmie|party|feier|feest|fest|festen|imprezie|vecirku)\b")
# Scandinavian and Dutch "current + nationality adjective + office" ("den nuvarande franska presidenten",
# "de huidige Franse premier", "den nåværende norske statsministeren")
_NORDIC_CURRENT = re.compile(r"\b(?:den|det|de|het)\s+(?:nuvarande|navarande|sittande|naværende|siddende|nuværende|"
                             r"huidige|zittende|regerande|regerende)\s+[a-z]{3,}(?:ska|ske|sk|se|sche|ische)\s+"
                             r"(?:presidenten|president|statsministern|statsministeren|statsminister|premiarministern|"
                             r"premier|kungen|kongen|drottningen|dronningen|koning|koningin|paven|pafven|paus|"
                             r"kanslern|kansleren|bondskanselier|minister-president)\b")

# traditional rulers: a title held by one living person at a time
_TRAD_TITLES = (r"(?:asantehene|asantehemaa|okyenhene|kabaka|omukama|ooni|alaafin|oba of benin|olu of warri|"
                r"obi of onitsha|sultan of sokoto|emir of kano|emir of zazzau|shehu of borno|mogho naba|litunga|"
                r"ngwenyama|aga khan|sultan of brunei|emir of qatar|emir of kuwait|king of the zulus|zulu king|"
                r"kabaka of buganda|omukama of toro|asantehene of ghana|maori king|maori queen|kiingi|oba of lagos|"
                r"alaafin of oyo|ooni of ife|emir of katsina|sultan of yogyakarta|king of tonga|mwami of rwanda)")
# with "current", or alone after "the" (these titles pass to one successor; "the Ooni of Ife" is the living one)
_TRAD_CURRENT = re.compile(r"\bthe\s+(?P<now>(?:current|reigning|present|sitting|incumbent)\s+)?" + _TRAD_TITLES
                           + r"\b(?!\s*['’]?s\b|\s+(?:dynasty|palace|festival|stool|title|throne|kingdom))")
_TRAD_THING_OF = re.compile(r"(?:palace|museum|court|stool|throne|festival|dynasty|title|reign|kingdom|realm|army|"
                            r"capital|history|office|seat|crown|regalia)\s+of\s+$")
_YO_CURRENT = re.compile(r"\b(?:ooni|alaafin|oba|olu|emir|sultan|alake|awujale|oluwo|soun|deji|orangun)\s+ti\s+"
                         r"(?P<place>[a-z][\w-]+)\s+(?:lowolowo|ti isinsinyi|ti o wa lori ite)\b")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-27a shapes (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    if not any(t in lower for t in _ALL_GATES):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _DE_INFLECTED.finditer(lower) if _has(lower, _G_DE) else ():
        state = DE_STATE.match(lower, m.end())
        if state:
            out.append((m.start(), state.end(), "an office by rank or the current holder, inflected"))
            continue
        of = _DE_OF.match(lower, m.end())
        if _DE_LOCAL_OF.match(lower, m.end()) and not of:
            continue  # "die erste Bundeskanzlerin des Vereins", "des Präsidenten vom Kegelclub": a joke title
        if m.group().split()[-1].startswith(_DE_NATIONAL) or m.group("adj"):
            out.append((m.start(), m.end(), "an office by rank or the current holder, inflected"))
            continue
        if of and cased and text[of.end():of.end() + 1].isupper():
            out.append((m.start(), _word_end(lower, of.end()), "an office by rank or the current holder, inflected"))
    out += [(m.start(), m.end(), "an office by rank or the current holder of a country named by its adjective")
            for m in (_HU_NATIONAL.finditer(lower) if _has(lower, _G_HU) else ())]
    for rx in (_ROMANCE_FIRST, _ROMANIAN_FIRST) if _has(lower, _G_FIRST) else ():
        for m in rx.finditer(lower):
            if not _ROMANCE_UNREACHED.search(lower, m.end(), _clause_end(lower, m.end())):
                out.append((m.start(), _word_end(lower, m.end() + 1), "the first person to achieve something"))
    for m in _ROMANCE_GOVERN.finditer(lower) if _has(lower, _G_FIRST) or "prima" in lower else ():
        word = lower[m.end():_word_end(lower, m.end())]
        if (lower.startswith(_RO_COUNTRY_TWO, m.end()) or word in _RO_COUNTRIES
                or ((m.group("g") or m.group("kind")) and cased and text[m.end():m.end() + 1].isupper())):
            out.append((m.start(), _word_end(lower, m.end()), "the first person to govern a country"))
    for rx, what, gate in ((_VI_AUTHOR, "the creator of a named work", _G_VI),
                           (_ROMANCE_ACTOR, "the actor who played a role", _G_ACTOR)):
        for m in rx.finditer(lower) if _has(lower, gate) else ():
            if cased and re.match(r"(?:(?:al|a|o|il|le|la|el|lo)\s+)?[«\"“]?[A-ZÀ-ÝĐ0-9]", text[m.end():m.end() + 6]):
                out.append((m.start(), _word_end(lower, m.end()), what))
    for m in _ROMANCE_REIGN.finditer(lower) if _has(lower, _G_REIGN) else ():
        if cased and text[m.start("place"):m.start("place") + 1].isupper():
            out.append((m.start(), m.end(), "a ruler by the length of a reign"))
    out += [(m.start(), m.end(), "the current holder of a traditional title") for m in (_TRAD_CURRENT.finditer(lower) if _has(lower, _G_TRAD) else ())
            if m.group("now") or not _TRAD_THING_OF.search(lower, max(0, m.start() - 20), m.start())]
    out += [(m.start(), m.end(), "the current holder of an office of a country named by its adjective")
            for m in (_NORDIC_CURRENT.finditer(lower) if _has(lower, _G_NORDIC) else ())]
    for m in _MONARCH_EVENT.finditer(lower) if _has(lower, _G_MONARCH) else ():
        if (m.group("y1") or m.group("y2")) and not _INDEFINITE_BEFORE.search(lower, max(0, m.start() - 6), m.start()) and not _MONARCH_NOT_ONE.search(
                lower, max(0, m.start() - 25), _clause_end(lower, m.end())):
            out.append((m.start(), m.end(), "a monarch by a reign event and its year"))
    for m in _GS_FIRST.finditer(lower) if _has(lower, _G_GS_FIRST) else ():
        if not _GS_LOCAL.search(lower, m.start(), _clause_end(lower, m.end())):
            out.append((m.start(), m.end(), "the first person to achieve something"))
    for m in _ACTOR_OTHER.finditer(lower) if _has(lower, _G_ACTOR_OTHER) else ():
        end = _ACTOR_OTHER_END.search(lower, m.end(), m.end() + 40)
        if cased and text[m.end():m.end() + 1].isupper() and (end or lower[m.start():m.end()].rstrip().endswith(
                ("memerankan", "memainkan", "berperan sebagai"))):
            out.append((m.start(), end.end() if end else _word_end(lower, m.end()), "the actor who played a role"))
    tr = _has(lower, _G_TR)
    for m in _TR_ACTOR.finditer(lower) if tr else ():
        head = text.rfind(" ", 0, max(0, m.start() - 1))
        if cased and text[head + 1:head + 2].isupper():
            out.append((head + 1, m.end(), "the actor who played a role"))
    for m in _TR_WORK_ROLE.finditer(lower) if tr else ():
        if cased and text[m.start():m.start() + 1].isupper():
            out.append((m.start(), m.end(), "the creator of a named work"))
    for m in _YO_CURRENT.finditer(lower) if _has(lower, _G_YO) else ():
        if cased and text[m.start("place"):m.start("place") + 1].isupper():
            out.append((m.start(), m.end(), "the current holder of a traditional title"))
    return out


def _has(lower: str, gate: tuple[str, ...]) -> bool:
    return any(t in lower for t in gate)


def _clause_end(lower: str, i: int) -> int:
    return clause_end(lower, i)


def _word_end(lower: str, i: int) -> int:
    m = re.compile(r"\w+").match(lower, i)
    return m.end() if m else i
