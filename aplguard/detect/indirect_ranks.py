"""Offices by rank and nicknamed people in more languages and word orders (round 21a).

``indirect_i18n.py``, ``indirect_more.py`` and ``indirect_offices.py`` read an office by rank with the country after
it in a fixed order. This module adds the orders and forms they miss:

* a numeric ordinal with a dot ("Türkiye'nin 12. cumhurbaşkanı", "Magyarország 5. miniszterelnöke", "Norges 3.
  statsminister", "3. prezident České republiky") or a rank word, after a genitive country (Turkish, Hungarian, the
  Nordic languages, Icelandic: "Íslands fyrsti kvenforseti") or before a capitalised country (Slavic, Hungarian);
* German national offices by rank that name their country by themselves ("der 3. Bundeskanzler");
* Indonesian and Malay ordinal words after the office ("presiden ketujuh Republik Indonesia", "perdana menteri
  pertama Malaysia", "presiden RI ke-7", "Perdana Menteri Malaysia yang keempat");
* Vietnamese offices with their qualifier ("chủ tịch nước đầu tiên của Việt Nam") and Yoruba office + ordinal +
  "ti" ("Ààrẹ àkọ́kọ́ ti orílẹ̀-èdè X");
* a person word, then "nicknamed / surnommé / apodado / apelidado / soprannominato / genannt" and a capitalised
  epithet ("le joueur de tennis surnommé le Taureau de Manacor", "the boxer nicknamed the Hitman").

The country or epithet must be named (capitalised in a cased prompt): "der 3. Mann in der Schlange", "presiden
ketujuh klub", "die erste Bundeskanzlerin des Vereins", "the dog nicknamed Buddy" stay generic. Spans are
``(start, end, what)`` over ``lower`` (the normaliser's text: accents off, same length as ``text``).
"""

from __future__ import annotations

import re

_NUM = r"\d{1,2}\."
# Turkish: a genitive country, a rank (numeric or a word), the office with its possessive ending
_TR_RANK = (r"(?:" + _NUM + r"|ilk|ikinci|ucuncu|dorduncu|besinci|altinci|yedinci|sekizinci|dokuzuncu|onuncu|"
            r"on (?:birinci|ikinci|ucuncu|dorduncu|besinci)|son|su anki|simdiki|mevcut|eski)")
_TR_OFFICE = re.compile(r"\b(?P<c>[a-z]{3,}(?: cumhuriyeti)?)['’]?(?:nin|nın|in|un|nun|ün|nün|ın) " + _TR_RANK
                        + r" (?:kadin )?(?:cumhurbaskani|basbakani|padisahi|sultani|krali|kralicesi|astronotu|"
                        r"devlet baskani|genelkurmay baskani|meclis baskani)\b")
# round 24a: the rank before a compound "<Country> <office>" ("şu anki Türkiye Cumhurbaşkanı", "ilk Türkiye
# Cumhurbaşkanı", "mevcut İngiltere Başbakanı"): the country is the nominative first part of the compound
_TR_OFFICE_COMPOUND = re.compile(r"\b(?:su anki|simdiki|mevcut|ilk|son|" + _NUM + r") (?P<c>[a-z]{3,}) (?:kadin )?"
                                 r"(?:cumhurbaskani|basbakani|devlet baskani|krali|kralicesi|sultani|padisahi|"
                                 r"basbakan|cumhurbaskanimiz|basbakanimiz)\b(?! (?:yardimci\w*|aday\w*))")
# Hungarian: a country (nominative or "-nak/-nek" genitive), a rank, the office with its possessive ending
_HU_RANK = (r"(?:" + _NUM + r"|elso|masodik|harmadik|negyedik|otodik|utolso|jelenlegi|legfiatalabb|egyetlen)")
_HU_OFFICE = re.compile(r"\b(?P<c>[a-z]{3,}(?:nak|nek)?) " + _HU_RANK + r" (?:noi |no )?(?:miniszterelnoke|"
                        r"koztarsasagi elnoke|allamfoje|elnoke|kiralya|kiralynoje|csaszara|papaja|urhajosa|"
                        r"allamtitkara|kormanyzoja)\b")
# Nordic and Icelandic: a genitive country ("Norges", "Sveriges", "Danmarks", "Íslands"), a rank, the office
_NORDIC_RANK = (r"(?:" + _NUM + r"|forste|forsta|forste|fyrsti|fyrsta|andre|andra|annar|tredje|thridji|sidste|"
                r"siste|sista|sidasti|navarende|nuvaerende|nuvarande|naverande|nuverandi|yngste|yngsta|eneste|enda)")
_NORDIC_OFFICE = re.compile(r"\b(?P<c>[a-z]{3,}s) " + _NORDIC_RANK + r" (?:kvinnelige |kvindelige |kvinnliga |"
                            r"kvinnlig )?(?:kven)?(?:statsminister|statsministern|president|presidenten|forseti|"
                            r"forsaetisradherra|forsaetisraðherra|konge|kong|kung|kungen|konung|drottning|"
                            r"drottningen|dronning|konungur|biskop|pave|pafi|astronaut|kosmonaut|geimfari|"
                            r"statsminster)\b")
# Slavic and Hungarian: a rank, the office, a capitalised country (checked in spans) within the next word
_SL_RANK = (r"(?:" + _NUM + r"|prvi|prva|prvy|prvni|pierwszy|pierwsza|drugi|druga|druhy|druha|treci|treca|treti|"
            r"trzeci|trzecia|cetvrti|ctvrty|czwarty|posljednji|posledni|poslednji|ostatni|sadasnji|sadašnji|"
            r"aktualni|trenutni)")
_SL_OFFICE = re.compile(r"\b" + _SL_RANK + r" (?:predsjednik|predsjednica|predsednik|predsednica|prezident|"
                        r"prezidentka|prezydent|prezydentka|premijer|premijerka|premier|premierka|kralj|kraljica|"
                        r"kral|kralovna|krol|krolowa|kancelar|kanclerz|car|papez|papiez|kozmonaut|kosmonauta|"
                        r"astronaut|miniszterelnok|koztarsasagi elnok|predseda vlady|predsjednik vlade|"
                        r"predsednik vlade) (?!(?:league|liga|division|class)\b)(?=\w)")
# German offices that name their own country ("der 3. Bundeskanzler", "die erste Bundeskanzlerin")
_DE_NATIONAL = re.compile(r"\b(?:der|die|den|dem) (?:" + _NUM + r"|erste|ersten|zweite|zweiten|dritte|dritten|"
                          r"vierte|vierten|letzte|letzten) (?:bundeskanzler|bundeskanzlerin|bundesprasident|"
                          r"bundesprasidentin)\b(?! (?:des|der|von|vom|im|beim|am|unseres|unserer|meines|eines)\b"
                          r"(?! (?:bundesrepublik|deutschland|osterreich|republik|brd|ddr)\b))")
# Indonesian and Malay: the office, then an ordinal word, then a capitalised country (or "RI"/"RI ke-7")
_ID_ORD = (r"(?:pertama|kesatu|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|"
           r"kesebelas|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan) belas|ke-?\d{1,2}|terakhir|saat ini|"
           r"sekarang|sebelumnya)")
_ID_OFFICE = (r"(?:presiden|perdana menteri|wakil presiden|wakil perdana menteri|raja|ratu|sultan|yang di-pertuan "
              r"agong|gubernur|wali kota|walikota|ketua umum|panglima tni)")
_ID_AFTER = re.compile(r"\b" + _ID_OFFICE + r" (?:yang )?" + _ID_ORD + r" (?:(?:dari|bagi) )?(?:republik |negara )?"
                       r"(?=\w)")
_ID_COUNTRY_ORD = re.compile(r"\b" + _ID_OFFICE + r" (?P<c>[a-z]{2,}(?: [a-z]+)?) (?:yang )?" + _ID_ORD + r"\b")
# Vietnamese: the office with its qualifier ("chủ tịch nước", "tổng bí thư"), a rank, "of" + a capitalised country
_VI_OFFICE = re.compile(r"\b(?:vi |nguoi |ong |ba )?(?:chu tich nuoc|chu tich quoc hoi|chu tich|tong bi thu|tong thong|"
                        r"thu tuong chinh phu|thu tuong|vua|nu hoang|hoang đe|hoang de|giao hoang|quoc vuong) "
                        r"(?:đau tien|dau tien|cuoi cung|hien tai|hien nay|thu (?:hai|ba|tu|nam|sau|bay|tam|chin|"
                        r"muoi|\d{1,2})) (?:cua )?(?:nuoc )?(?=\w)")
# Yoruba: the office, the ordinal, "ti" (of) and the country ("Ààrẹ àkọ́kọ́ ti orílẹ̀-èdè Nàìjíríà")
_YO_OFFICE = re.compile(r"\b(?:aare|olori ijoba|olori orile-ede|oba|alakoso|gomina) (?:akoko|keji|iketa|ikerin|"
                        r"ti isinsinyi|tuntun|to koko) (?:ti |ni )(?:ile |orile-ede |orile ede |ipinle )?(?=\w)")
# a person word, then "nicknamed" in six languages, then a capitalised epithet (checked in spans)
_NICK_PERSON = (r"(?:joueur|joueuse|chanteur|chanteuse|acteur|actrice|pilote|boxeur|boxeuse|footballeur|cycliste|"
                r"coureur|rappeur|rappeuse|president|roi|reine|general|dictateur|musicien|musicienne|homme|femme|"
                r"artiste|peintre|ecrivain|poete|jugador|jugadora|tenista|futbolista|cantante|actor|actriz|piloto|"
                r"boxeador|ciclista|hombre|mujer|torero|presidente|dictador|pintor|escritor|delantero|portero|"
                r"jogador|jogadora|cantor|cantora|ator|atriz|lutador|pugilista|homem|mulher|atacante|goleiro|"
                r"giocatore|calciatore|attore|attrice|pilota|pugile|uomo|donna|spieler|spielerin|sanger|sangerin|"
                r"schauspieler|schauspielerin|fahrer|boxer|mann|frau|fussballer|player|singer|actor|actress|driver|"
                r"wrestler|fighter|cyclist|golfer|sprinter|footballer|striker|goalkeeper|pitcher|rapper|dictator|"
                r"general|politician|leader|man|woman|athlete|runner|swimmer|batsman|bowler|cricketer|quarterback)")
_NICKNAMED = re.compile(r"\b" + _NICK_PERSON + r"(?: [a-z]+){0,3}?,? (?:nicknamed|dubbed|surnomme|surnommee|"
                        r"apode|apodado|apodada|apelidado|apelidada|soprannominato|soprannominata|detto|detta|"
                        r"genannt|spitzname|"
                        # round 31a: "known as" in five languages, and a single-quoted epithet ("apodado 'Mano de
                        # Piedra'", "nicknamed 'the Black Spider'"): the quote may stand before the article
                        r"known as|conocido como|conocida como|conhecido como|conhecida como|connu comme|"
                        r"connue comme|connu sous le nom de|connue sous le nom de|noto come|nota come|bekannt als) "
                        r"(?:de |as )?['‘\"“«]?(?:(?:the|le|la|l'|el|o|a|il|lo|der|die|das) ?)?(?=[\"“«'‘]?\w)")


# Round 23a. The first holder of an office IN THE WORLD is one person in any language ("fyrsti þjóðkjörni kvenforseti
# heims", "världens första kvinnliga president", "maailman ensimmäinen naispresidentti", "pierwsza kobieta prezydent na
# świecie", "la primera presidenta electa del mundo", "rais wa kwanza mwanamke duniani"): a rank word, up to three
# qualifiers, an office (female prefixes glued on: "kven-", "nais-", "kvinno-"), and the world before or after it
_FIRST_ANY = (r"(?:first|fyrsti|fyrsta|fyrstur|forste|første|forsta|ensimmainen|esimene|pirmais|pirma|pirmasis|"
              r"pirmoji|pierwszy|pierwsza|prvni|prvy|prva|prvi|prvá|primera|primer|primero|primeiro|primeira|prima|"
              r"primo|premier|premiere|erste|erster|ersten|eerste|unang|kauna-unahang|kaunaunahang|pinakaunang|ilk|"
              r"elso|kwanza|pertama|первый|первая|первой|первого|первую|перша|перший|"
              # round 33a: the normaliser drops the breve ("первыи")
              r"первыи|первои|першии)")
_OFFICE_ANY = (r"(?:kven|nais|kvinno|kvinne|kvinde|frauen|zena|zeny|nő|no)?(?:forseti|president|presidente|presidenta|"
               r"presidentin|prasidentin|presidentti|presidentiks|prezydent|prezydentka|prezident|prezidentka|"
               r"prezidente|prezidents|prezidentas|prezidente|pangulo|rais|statsminister|statsministeren|"
               r"forsaetisradherra|forsætisraðherra|paaministeri|peaminister|premjerministre|premier|premiere ministre|"
               r"primera ministra|prime minister|head of state|elnoke|elnok|cumhurbaskani|basbakan|presiden|"
               r"perdana menteri|astronaut|astronauta|astronautti|astronaute|kosmonaut|kosmonauta|cosmonaut|"
               r"geimfari|президент|президентом|президента|премьер-министр|космонавт|космонавтом|"
               r"космонавтка|астронавт|астронавтка|"
               # round 31a: Nordic definite forms ("statsministern", "presidenten", "forsetinn")
               r"statsministern|statsministerin|presidenten|forsetinn|forseta|kjorin forseti)")
_WORLD_AFTER = (r"(?:heims|i heiminum|i heimi|heimsins|i sogunni|i verdenen|i verden|i varlden|maailmassa|maailmas|pasaule|pasaulyje|na swiecie|swiata|sveta|na svete|"
                r"ve svete|ng mundo|sa mundo|duniani|ulimwenguni|del mundo|do mundo|du monde|au monde|del mondo|al mondo|"
                r"der welt|weltweit|in the world|of the world|ter wereld|van de wereld|в мире|мира|у світі|світу|"
                r"di dunia|dunia|"
                # round 33a: in history ("первый космонавт в истории", "the first president in history")
                r"in history|in der geschichte|der geschichte|de la historia|en la historia|de l'histoire|"
                r"dans l'histoire|della storia|nella storia|da historia|na historia|din istorie|в истории|"
                r"w historii|v historii|в історії)")
_WORLD_BEFORE = r"(?:verdens|varldens|maailman|maailma|pasaules|pasaulio|dunyanin|a vilag|world's|worlds)"
# (round 33a: a hyphen may join the office to a person word: "первая женщина-космонавт в мире")
_WORLD_FIRST = re.compile(r"(?<!\w)(?:" + _WORLD_BEFORE + r" )?" + _FIRST_ANY + r"(?: \S+){0,3}?[ -]" + _OFFICE_ANY
                          + r"(?: \S+){0,2}? (?P<w>" + _WORLD_AFTER + r")(?!\w)(?! (?:of|chess|bank|cup|federation|club|"
                          r"association|council|organi[sz]ation|championships?|series|tour|league|society|union|"
                          r"congress|committee|conference|forum|games|wrestling|health|trade|economic|"
                          # round 33a: the history of one's own group ("в истории нашего клуба", "della storia del club")
                          r"our|my|notre|nostr\w*|nuestr\w*|unser\w*|nasz\w*|нашего|нашей|наших|моего|моей|del|della|"
                          r"de|du|des|dello|клуба|школы|компании|семьи|города|нашого|нашої)\b)|(?<!\w)" + _WORLD_BEFORE + r" "
                          + _FIRST_ANY + r"(?: \S+){0,3}? " + _OFFICE_ANY + r"(?!\w)")
# round 31a: the world between the person and the office ("fyrsta konan i heiminum kjorin forseti", "la primera mujer
# del mundo elegida presidenta"); run only when a world word is there (_WORLD_STEMS)
_WORLD_FIRST_MID = re.compile(r"(?<!\w)" + _FIRST_ANY + r"(?: \S+){1,2}? " + _WORLD_AFTER + r"(?: \S+){0,3}? "
                              + _OFFICE_ANY + r"(?!\w)")
_WORLD_STEMS = ("heim", "verden", "varld", "maailma", "pasaul", "swiat", "svet", "mundo", "monde", "mondo", "welt",
                "world", "wereld", "dunia", "мир", "світ",
                "histor", "istori", "storia", "geschicht", "истори", "історі")


# Round 24a. The first person to reach the moon, space, Everest or a pole, in any language ("il primo uomo a camminare
# sulla luna", "el primer hombre en pisar la Luna", "le premier homme sur la Lune", "der erste Mensch auf dem Mond",
# "pierwszy człowiek na Księżycu", "ensimmäinen ihminen kuussa"): a rank word, a person word, up to five words of
# what they did, then the place; "the first person at the party" names no place of the kind
_PERSON_ANY = (r"(?:hombre|mujer|persona|ser humano|uomo|donna|essere umano|homem|mulher|pessoa|homme|femme|personne|"
               r"etre humain|mensch|mann|frau|mens|vrouw|man|woman|person|human|astronauta|astronaute|astronaut|"
               r"astronautin|cosmonauta|cosmonaute|kosmonaut|kosmonauta|czlowiek|człowiek|kobieta|mezczyzna|"
               r"mężczyzna|clovek|zena|muz|ihminen|nainen|mies|manniska|menneske|lalaki|babae|tao|manusia|"
               r"orang|wanita|insan|kadin|erkek|ember|no|ferfi|turista|alpinista|scalatore|escalador|grimpeur|"
               r"bergsteiger|alpinist|"
               # round 33a: Russian and Ukrainian ("первый человек в космосе")
               r"человек|женщина|мужчина|космонавт|астронавт|людина|жінка|чоловік)")
_REACHED = (r"(?:luna|lune|lua|mond|maan|moon|ksiezyc\w*|księżyc\w*|mesic\w*|kuu\w*|manen|manen|månen|buwan|bulan|"
            r"aya|ayda|holdra|holdon|everest\w*|espacio|spazio|espaco|espace|weltraum|weltall|ruimte|kosmos\w*|"
            r"kosmosie|avaruu\w*|rymden|rommet|kalawakan|angkasa|uzay\w*|polo sur|polo norte|polo sud|polo nord|"
            r"pole sud|pole nord|polo sul|sudpol|nordpol|zuidpool|noordpool|biegun\w*|"
            # round 33a: German "im All", Russian and Ukrainian space, moon, Everest, pole
            r"im all|ins all|космос\w*|космосі|луне|луну|луна|місяць|місяці|эверест\w*|еверест\w*|полюс\w*)")
_FIRST_REACHED = re.compile(r"(?<!\w)" + _FIRST_ANY + r" " + _PERSON_ANY + r"(?: \S+){0,5}? (?:l'|l’|d'|d’)?" + _REACHED
                            + r"(?!\w)")

# Round 36a. "The first cosmonaut" with no country or group after it, in any language ("первый космонавт в скафандре",
# "le premier cosmonaute", "der erste Kosmonaut", "the first woman cosmonaut"): the word was the Soviet programme's,
# whose first (and first woman) is one person; a nationality or group after it ("the first Cuban cosmonaut", "the
# first cosmonaut of our club") or a fiction word nearby is left to the other rules
_FIRST_COSMONAUT = re.compile(r"(?<!\w)" + _FIRST_ANY + r" (?:(?:woman|female|zenska|женщина|женщина-|zena|femme|"
                              r"mujer|frau) ?)?(?:cosmonaut|cosmonauts|cosmonauta|cosmonaute|kosmonaut|kosmonauta|"
                              r"kosmonautka|kosmonautin|космонавт|космонавтом|космонавта|космонавтка|космонавтки)"
                              r"(?!\w)(?! (?:of|from|de|du|des|di|del|von|aus|z|ze|из|с|у|нашего|нашей|моего|нашего|our|my|notre|nuestro|unseres|naszego) |[ -](?:in|en) (?:a |un |una |"
                              r"einer )?(?:story|cuento|histoire|film|movie|game|book|novel|cartoon))")
_COSMO_FICTION = re.compile(r"\b(?:story|stories|cartoon|kids|children|fiction|fictional|game|toy|lego|playmobil|"
                            r"cuento|histoire|conte|bande dessinee|marchen|geschichte|сказк\w*|мультфильм\w*|игрушк\w*|"
                            r"робот\w*|robot)\b")

# "our club's first president", "mi primera presidenta del mundo": a first of someone's own group
_OWNED_BEFORE = re.compile(r"(?:\b(?:my|our|your|his|her|their|mi|mis|nuestra|nuestro|meu|minha|nosso|nossa|mon|ma|"
                           r"notre|mein|meine|unser|unsere|min|mitt|vår|var|mój|moja|nasz|nasza|minu|mano|mans|mana)|"
                           r"['’]s) $")


# a moon of another planet, a space station of fiction: no one has been there ("la primera persona en la luna de Marte")
_UNREACHED_AFTER = re.compile(r" (?:de|di|du|of|von|van|del|della|dello) (?:marte|mars|jupiter|giove|saturn\w*|urano|"
                              r"uranus|neptun\w*|pandora|endor|trabajo|lavoro|travail|coworking|miel|miele|oficina|"
                              r"juegos?|gioco|jeu|mi|tu|su|mio|mia|tuo|tua|mon|ma|ton|ta|notre|nuestr\w+|meine?m?|"
                              r"unser\w*)\b|(?:'| )(?:bounce|boots?|pie|cake|festival|party|themed?|costume|castle)\b")


# Round 24a. The current holder of a national office in languages the other current-office shapes miss ("nuvarande
# svenska statsministern", "nykyinen Suomen presidentti", "jelenlegi magyar miniszterelnök", "η σημερινή πρόεδρος της
# Ελλάδας", "поточний президент України", "huidige premier van Nederland", "rais wa sasa wa Kenya", "Thủ tướng Việt Nam
# hiện nay", "رئیس جمهور فعلی ایران", "বাংলাদেশের বর্তমান প্রধানমন্ত্রী", "현 대한민국 대통령"): a current-word and an
# office within a few words, and a country named in the window (a capitalised word in cased scripts, a nationality
# adjective of the language, or a listed country name in the others); "the current president of the club" names none
_NOW = (r"(?:nuvarande|navarande|naværende|nåværende|sittande|siddende|nykyinen|nykyisen|praegune|praeguse|jelenlegi|"
        r"mostani|huidige|σημερινος|σημερινη|σημερινου|σημερινης|νυν|τωρινος|τωρινη|поточнии|поточна|нинішніи|нинішня|"
        r"нинішнього|чиннии|чинна|чинного|теперішніи|wa sasa|hien nay|hien tai|đuong nhiem|duong nhiem|su anki|simdiki|"
        r"mevcut|فعلی|کنونی|موجودہ|موجوده|بর্তমান|বর্তমান|தற்போதைய|ਮੌਜੂਦਾ|ਵਰਤਮਾਨ|현|현직|현재)")
_NAT_OFFICE = (r"(?:statsministern?|statsministeren|presidenten?|kungen|kung|drottningen|kongen|dronningen|presidentti|"
               r"presidentin|paaministeri|paaministerin|peaminister|peaministri|president|miniszterelnok|"
               r"miniszterelnoke|koztarsasagi elnok|allamfo|premier|minister-president|koning|koningin|bondskanselier|"
               r"προεδρος|πρωθυπουργος|προεδρου|πρωθυπουργου|президент|президента|прем'єр-міністр|прем’єр-міністр|"
               r"премьер-министр|rais|waziri mkuu|tong thong|thu tuong|chu tich nuoc|cumhurbaskani|basbakan|"
               r"رئیس جمهور|رییس جمهور|نخست وزیر|نخست‌وزیر|وزیر اعظم|صدر|প্রধানমন্ত্রী|রাষ্ট্রপতি|பிரதமர்|ஜனாதிபதி|"
               r"ਪ੍ਰਧਾਨ ਮੰਤਰੀ|ਰਾਸ਼ਟਰਪਤੀ|대통령|총리|수상|"
               # round 25a: head of state words ("het huidige staatshoofd van Nederland", "nykyinen valtionpäämies")
               r"staatshoofd|regeringsleider|statsoverhode|statsoverhoved|statschef|statschefen|valtionpaamies|"
               r"riigipea|αρχηγος του κρατους|глава держави|глава государства|devlet baskani|nguyen thu quoc gia|"
               r"رئیس دولت|رهبر|राष्ट्राध्यक्ष|국가원수|정상)")
_NOW_OFFICE = re.compile(r"(?<!\w)(?:" + _NOW + r"(?: \S+){0,2}? " + _NAT_OFFICE + r"|" + _NAT_OFFICE + r"(?: \S+){0,3}? "
                         + _NOW + r")(?!\w)(?! (?:yardimci\w*|aday\w*|candidate|kandidat\w*|ehdokas\w*|jelolt\w*))")
_NOW_CHEAP = re.compile(_NOW)
# the office and current words themselves are no country, even capitalised ("Cumhurbaşkanı", "Presidentti")
_OFFICE_OR_NOW = re.compile(r"(?:" + _NOW + r"|" + _NAT_OFFICE + r")")
# nationality adjectives and genitive countries of the languages above that are written in lower case
_NAT_LOWER = re.compile(r"(?<!\w)(?:svenska|svenske|sveriges|norska|norske|norges|danska|danske|danmarks|finska|"
                        r"finske|finlands|islandska|islands|suomen|ruotsin|norjan|tanskan|viron|eesti|magyar|"
                        r"magyarorszag|ايران|ایران|پاکستان|افغانستان|تاجیکستان|বাংলাদেশ\w*|ভারত\w*|இந்திய\w*|இலங்கை\w*|"
                        r"ਭਾਰਤ|ਪੰਜਾਬ|대한민국|한국|미국|일본|북한|중국|프랑스|영국|독일|러시아)(?!\w)")
_WINDOW_STOP = frozenset({"De", "Het", "The", "La", "Le", "El", "Η", "Ο", "Ta", "Den", "Det"})


def _now_office(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """Spans of the current holder of a national office in the languages above (see the comment)."""
    out: list[tuple[int, int, str]] = []
    if not _NOW_CHEAP.search(lower):
        return out
    for m in _NOW_OFFICE.finditer(lower):
        lo, hi = max(0, m.start() - 30), min(len(lower), m.end() + 30)
        named = _NAT_LOWER.search(lower, lo, hi) is not None
        if not named and cased:
            for w in re.finditer(r"\w+", text[lo:hi]):
                word = w.group()
                if (word[:1].isupper() and word not in _WINDOW_STOP and lo + w.start() > 0
                        and not _OFFICE_OR_NOW.fullmatch(lower, lo + w.start(), lo + w.end())):
                    named = True
                    break
        if named:
            out.append((m.start(), m.end(), "the current holder of an office of a named country"))
    return out


# a moon or a space of another world in or right after the match ("the first astronaut on Jupiter's moon Europa")
_PLANET = re.compile(r"\b(?:mars|marte|jupiter|giove|saturn\w*|uranus|urano|neptun\w*|venus|venere|merkur|mercur\w*|"
                     r"pluto|plutone|europa|titan|another|otro|otra|altro|altra|autre|anderen?|fictional|ficticio|"
                     r"fittizio|fictif)\b")


# Round 25a. Korean "<country> 제N대 <office>" ("대한민국 제19대 대통령", "미국 16대 대통령") and Arabic "the first/last
# <office> of the State/Republic/Kingdom of X" (the normaliser reads digits between hangul as leetspeak: "19" -> "ig") ("أول رئيس لدولة الإمارات"): an office by rank of a named country
# round 36a: every rank word ("초대" inaugural, "마지막" last, "첫 번째" first, "제N대") and more countries and offices
# ("대한민국 초대 대통령", "인도의 초대 총리", "조선의 마지막 국왕"); "우리 학교 초대 교장" (a school) names none
_KO_COUNTRY = (r"(?:대한민국|한국|미국|일본|북한|중국|프랑스|영국|독일|러시아|필리핀|베트남|인도네시아|대만|조선|대한제국|"
               r"캐나다|인도|브라질|멕시코|이스라엘|싱가포르|이집트|터키|튀르키예|남아프리카공화국|남아공|이탈리아|스페인|"
               r"호주|몽골|태국|우크라이나|폴란드|케냐|가나|나이지리아|파키스탄|방글라데시|이란|이라크|아르헨티나|칠레|쿠바|"
               r"미얀마|캄보디아|라오스|말레이시아|스리랑카|네팔|독립국가|공화국)")
_KO_RANK = r"(?:(?:제\s*)?(?:\d|[oizeasgtb]){1,2}\s*대|초대|마지막|첫\s*번째|첫|최초의|최초|두\s*번째|세\s*번째)"
_KO_RANKED = re.compile(_KO_COUNTRY + r"(?:의)?\s*" + _KO_RANK + r"\s*(?:여성\s*)?(?:대통령|국무총리|총리|수상|주석|국가주석|"
                        r"국왕|여왕|황제|총통|부통령|임금|왕)(?!자|비|후|실|국|조|좌|궁)|"
                        + _KO_RANK + r"\s*(?:여성\s*)?" + _KO_COUNTRY + r"\s*(?:대통령|국무총리|총리|수상|주석|국가주석|국왕|여왕|황제)")
_KO_CHEAP = ("대", "첫", "마지막", "최초")
_AR_RANKED = re.compile(r"(?<!\w)(?:أول|اول|ثاني|آخر|اخر)\s+(?:رئيس|رئيسة|ملك|ملكة|أمير|امير|سلطان|رئيس وزراء|رئيسة وزراء)"
                        r"\s+(?:ل|ل?ل?)(?:دولة|جمهورية|مملكة|المملكة|سلطنة|إمارة|امارة)\s+\w{3,}")


# Round 26a. Japanese and Chinese "<country>(の)第N代/任<office>" ("日本の第100代内閣総理大臣", "アメリカ第16代大統領",
# "美国第16任总统"), the rank also before the country ("第16任美国总统"); digits may come back as leetspeak letters
_CJK_COUNTRY = (r"(?:日本国?|アメリカ合衆国|アメリカ|米国|合衆国|韓国|大韓民国|中国|中華人民共和国|中华人民共和国|台湾|フランス|"
                r"イギリス|英国|ドイツ|ロシア|インド|ブラジル|美国|韩国|法国|德国|俄罗斯|印度|新加坡|菲律宾|越南)")
_CJK_OFFICE = (r"(?:内閣総理大臣|総理大臣|首相|大統領|天皇|総統|国家主席|主席|总统|總統|总理|總理|国务院总理|皇帝|教皇|"
               r"ローマ教皇)")
# round 36a: "初代" (inaugural), "首任/首位/第一位" (first), "最後の/末代/最后一任" (last) too ("アメリカ初代大統領", "美国首任总统")
_CJK_RANK = r"(?:第\s*(?:\d|[oizeasgtb]){1,3}\s*(?:代|任|届)|初代|首任|首位|第一位|最後の|最后一任|最后一位|末代)\s*(?:女性\s*)?"
_CJK_CHEAP = ("第", "初代", "首任", "首位", "最後の", "最后", "末代")
_CJK_RANKED = re.compile(_CJK_COUNTRY + r"(?:の)?\s*" + _CJK_RANK + _CJK_OFFICE + r"|" + _CJK_RANK + _CJK_COUNTRY
                         + r"(?:の)?\s*" + _CJK_OFFICE)


# Round 37a. The first woman in an office of a named region, city or country in Japanese, Chinese and Korean
# ("東京都初の女性知事", "大阪市で初めての女性市長", "上海首位女性市长", "서울시 최초의 여성 시장", "한국 최초의 여성 우주인"): a
# place written in its script before the first-woman words; a place of one's own or an unnamed one ("某市初の女性市長",
# "わが社初の女性部長", "我们公司首位女性经理", "우리 회사 최초의 여성 팀장") names no one, and a firm's posts are no office
_JA_FEMALE_FIRST = re.compile(r"(?P<p>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,10})(?:で)?(?:初|最初|初めて)の女性"
                              r"(?:都知事|府知事|県知事|道知事|州知事|知事|市長|区長|町長|村長|首相|副大統領|大統領|総理大臣|"
                              r"内閣総理大臣|宇宙飛行士|ノーベル賞受賞者|最高裁判事|衆議院議長|参議院議長|議長|総裁|党首|"
                              r"大臣|外務大臣|防衛大臣|長官|首長|国家主席|総統)")
_ZH_FEMALE_FIRST = re.compile(r"(?P<p>[\u4e00-\u9fff]{2,8}?)(?:的)?(?:首位|第一位|第一个|第一個|首任|第一任)女(?:性)?"
                              r"(?:市长|市長|省长|省長|州长|州長|区长|區長|县长|縣長|副总统|副總統|总统|總統|总理|總理|首相|宇航员|"
                              r"宇航員|航天员|航天員|太空人|诺贝尔奖得主|諾貝爾獎得主|议长|議長|行政长官|行政長官|"
                              r"特首|主席|大法官|外长|外長|国务卿|國務卿)")
_KO_FEMALE_FIRST = re.compile(r"(?P<p>[가-힣]{2,10})\s*(?:의\s*)?(?:사상\s*)?(?:최초의|첫\s*번째|첫)\s*여성\s*"
                              r"(?:시장|도지사|지사|주지사|구청장|군수|부통령|대통령|국무총리|총리|수상|우주인|우주비행사|"
                              r"노벨상\s*수상자|장관|대법관|대법원장|국회의장|당대표|외교부\s*장관)")
# a place of one's own or an unnamed one, and bodies that are no region ("our company", "some city", "the school")
_CJK_NOT_PLACE = re.compile(r"某|本|我|わが|我が|弊|当社|当|この|その|あの|这|這|该|該|那|公司|会社|学校|學校|学院|大学|大學|"
                            r"团队|團隊|部门|部門|아무|어느|우리|저희|회사|학교|대학|동아리|팀|火星|月面|月球|화성|달")
# a work of fiction anywhere in the prompt: the office holder is a character
_CJK_FICTION = re.compile(r"小説|小说|物語|故事|ゲーム|游戏|遊戲|架空|虚構|虚构|게임|소설|가상|판타지|漫画|漫畫|만화|"
                          r"ファンタジー|奇幻|科幻|SF|sf")


def _cjk_female_first(lower: str) -> list[tuple[int, int, str]]:
    """The first woman in an office of a named place in Japanese, Chinese or Korean (round 37a, see above)."""
    out = []
    for rx in (_JA_FEMALE_FIRST, _ZH_FEMALE_FIRST, _KO_FEMALE_FIRST):
        for m in rx.finditer(lower):
            # the place words and the words just before them (a possessor: "우리 회사", "我们公司")
            if _CJK_NOT_PLACE.search(lower, max(0, m.start("p") - 4), m.end("p")) or _CJK_FICTION.search(lower):
                continue
            out.append((m.start("p"), m.end(), "the first woman in an office of a named place"))
    return out


# Round 26a. "The first <nationality> to win/become/reach <named thing>" in English and the Romance languages ("the
# first Nigerian to win the Nobel Prize", "el primer argentino en ganar el Balón de Oro", "le premier Sénégalais à
# remporter la Coupe", "o primeiro brasileiro a vencer o Oscar"): a nationality word, a verb of winning, becoming or
# reaching, and a capitalised name of the prize, office or place within five words (checked in spans); "the first
# Italian to arrive at the party" names none. English nationality words are capitalised; Romance ones end like one.
_FIRST_NAT_EN = re.compile(r"\bthe (?:first|only|youngest|oldest) (?:(?:black|female|woman|male) )?(?P<n>[a-z]+(?:an|ian|ese|ish|i|"
                           r"ic|ch|er|ite|ot|ek|ak))(?: (?:woman|man|person|female|male|athlete|player|citizen))? "
                           r"to (?:ever )?(?:win|receive|become|climb|summit|reach|orbit|walk on|be elected|be crowned|"
                           r"be awarded|take home|lift|conquer) ")
_FIRST_NAT_RO = re.compile(r"\b(?:el|la|o|a|il|le|la|l') ?(?:primer|primera|primero|primeiro|primeira|primo|prima|"
                           r"premier|premiere|unico|unica|unique|mas joven|plus jeune|piu giovane|mais jovem) "
                           r"(?:(?:mujer|hombre|femme|homme|donna|uomo|mulher|homem) )?"
                           r"(?P<n>[a-z]+(?:ano|ana|ino|ina|ese|esa|es|ais|aise|ois|oise|ien|ienne|eno|ena|ense|ita|"
                           r"eiro|eira|ol|ola|ais|and|ande|ique|ain|aine|co|ca|o|a))(?: (?:mujer|hombre|femme|homme|"
                           r"donna|uomo|mulher|homem))? (?:en|a|à|ad|em) (?:ganar|conseguir|ganhar|vencer|conquistar|"
                           r"vincere|conquistare|remporter|gagner|recibir|receber|ricevere|recevoir|obtener|obter|"
                           r"ottenere|obtenir|ser elegid[oa]|ser eleit[oa]|essere elett[oa]|etre elue?|convertirse en|"
                           r"tornar-se|diventare|devenir|escalar|scalare|gravir|pisar) ")
# Nationality words the Romance pattern's long endings do not cover (its bare "-o/-a/-co/-ca" would take any noun:
# "o primeiro robô a pisar em Marte" is a robot, not a nationality)
_NAT_LONG_ENDINGS = ("ano", "ana", "ino", "ina", "ese", "esa", "es", "ais", "aise", "ois", "oise", "ien", "ienne", "eno",
                     "ena", "ense", "ita", "eiro", "eira", "ol", "ola", "and", "ande", "ique", "ain", "aine")
_NAT_SHORT = frozenset(str.split("""ruso rusa russo russa sueco sueca griego griega grego grega greco greca turco turca
checo checa tcheco tcheca ceco ceca polaco polaca austriaco austriaca belga persa noruego noruega norueguesa hungaro
hungara ungherese bulgaro bulgara serbio serbia servio servia croata eslovaco eslovaca slovacco slovacca ucraino
ucraina etiope somali saudi iraqui iraquiano kuwaiti catari qatari israeli paquistani marroqui argelino tunecino
egipcio egipcia egizio egizia suizo suiza svizzero svizzera suico suica sudafricano sudafricana nipponico
tedesco tedesca olandese africano africana asiatico asiatica europeo europea latino latina negro negra"""))
_FIRST_NAT_NOT = frozenset({"person", "woman", "man", "human", "one", "kid", "child", "girl", "boy", "guy", "team",
                            "student", "persona", "mujer", "hombre", "pessoa", "mulher", "homem", "donna",
                            "uomo", "personne", "femme", "homme", "nina", "nino", "chica", "chico", "alumno",
                            "alumna", "ragazzo", "ragazza", "equipo", "squadra", "equipe", "una", "uno", "otro", "otra"})


# Round 26a. Zulu and Xhosa "(u/ka/sika)mongameli wokuqala (omnyama) waseNingizimu Afrika" (the first (black)
# president of South Africa), "undunankulu wesibili wase..." : an office, a rank, qualifiers, then a locative prefix
# glued to a capitalised country (checked in spans); "umongameli wokuqala weqembu" (of the club) names none
_NGUNI_OFFICE = re.compile(r"(?:mongameli|ndunankulu|ndunankulu|mengameli|nkosikazi|nkosi)\s(?:wokuqala|wesibili|"
                           r"wesithathu|wesine|wesihlanu|wamanje|wokugcina|wamva|wokuqala)(?:\s(?:omnyama|omhlophe|"
                           r"wesifazane|ongowesifazane|ongumfazi|owesifazane|wendoda))?\s(?P<pre>wase|wa|we|kwa)(?=\w)")


# words of a local or own contest in the window after the verb
_LOCAL_WORDS = frozenset({"our", "my", "your", "his", "her", "their", "local", "school", "club", "office", "company",
                          "mi", "nuestro", "nuestra", "nuestros", "meu", "minha", "nosso", "nossa", "mon", "ma",
                          "notre", "nos", "mio", "mia", "nostro", "nostra", "colegio", "escuela", "escola", "ecole",
                          "scuola", "barrio", "pueblo", "village", "town", "county"})


def _first_nationality(lower: str, text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for rx, capital_nat in ((_FIRST_NAT_EN, True), (_FIRST_NAT_RO, False)):
        for m in rx.finditer(lower):
            n = m.start("n")
            nat = lower[n:m.end("n")]
            if nat in _FIRST_NAT_NOT or (capital_nat and not text[n:n + 1].isupper()):
                continue
            if not capital_nat and not nat.endswith(_NAT_LONG_ENDINGS) and nat not in _NAT_SHORT:
                continue  # a noun, not a nationality ("el primer robot", "o primeiro robô")
            words = text[m.end():m.end() + 50].split()[:5]
            if not _LOCAL_WORDS.isdisjoint(w.lower() for w in words):
                continue  # "the first Italian to win our Chess Club cup": a local contest
            if any(w[:1].isupper() for w in words):
                out.append((m.start(), m.end() - 1, "the first of a nationality to win or become something named"))
    return out


def _owned_before(lower: str, text: str, at: int) -> bool:
    """Whether a possessive stands right before ``at``; round 31a: "var" is Swedish "vår" (our) only when the prompt
    writes the ring (Icelandic/Norwegian "sem var" is "who was": "forseti ... sem var fyrsta konan")."""
    m = _OWNED_BEFORE.search(lower, 0, at)
    return m is not None and not (m.group() == "var " and text[m.start():m.start() + 3].lower() == "var")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-21a shapes (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    out: list[tuple[int, int, str]] = []
    if any(w in lower for w in _KO_CHEAP):
        out += [(m.start(), m.end(), "an office by rank of a named country") for m in _KO_RANKED.finditer(lower)]
    if "ل" in lower:
        out += [(m.start(), m.end(), "an office by rank of a named country") for m in _AR_RANKED.finditer(lower)]
    if cased and ("first " in lower or "prim" in lower or "premi" in lower or "only " in lower):
        out += _first_nationality(lower, text)
    if cased and ("mongameli" in lower or "ndunankulu" in lower):
        for m in _NGUNI_OFFICE.finditer(lower):
            if text[m.end():m.end() + 1].isupper():
                out.append((m.start(), _word_end(lower, m.end()), "an office by rank of a named country"))
    if "女" in lower or "여성" in lower:
        out += _cjk_female_first(lower)
    if any(w in lower for w in _CJK_CHEAP):
        out += [(m.start(), m.end(), "an office by rank of a named country") for m in _CJK_RANKED.finditer(lower)]
    out += [(m.start(), m.end(), "a national office by rank") for m in _DE_NATIONAL.finditer(lower)]
    out += [(m.start(), m.end(), "the first holder of an office in the world") for m in _WORLD_FIRST.finditer(lower)
            if not _owned_before(lower, text, m.start())]
    if any(w in lower for w in _WORLD_STEMS):
        out += [(m.start(), m.end(), "the first holder of an office in the world") for m in
                _WORLD_FIRST_MID.finditer(lower) if not _owned_before(lower, text, m.start())]
    out += _now_office(lower, text, cased)
    if "osmonaut" in lower or "осмонавт" in lower:
        out += [(m.start(), m.end(), "the first cosmonaut") for m in _FIRST_COSMONAUT.finditer(lower)
                if not _owned_before(lower, text, m.start()) and not _COSMO_FICTION.search(lower)
                and not _PLANET.search(lower, m.start(), m.end() + 40)]
    out += [(m.start(), m.end(), "the first person to reach the moon, space, a summit or a pole")
            for m in _FIRST_REACHED.finditer(lower) if not _OWNED_BEFORE.search(lower, 0, m.start())
            and not _UNREACHED_AFTER.match(lower, m.end()) and not _PLANET.search(lower, m.start(), m.end() + 40)]
    if not cased:
        return out
    for rx in (_TR_OFFICE, _TR_OFFICE_COMPOUND, _HU_OFFICE, _NORDIC_OFFICE, _ID_COUNTRY_ORD):
        for m in rx.finditer(lower):
            c = m.start("c")
            if text[c:c + 1].isupper() and lower[c:m.end("c")] not in _NOT_COUNTRY:
                out.append((m.start(), m.end(), "an office by rank of a named country"))
    for rx in (_SL_OFFICE, _ID_AFTER, _VI_OFFICE, _YO_OFFICE):
        for m in rx.finditer(lower):
            if text[m.end():m.end() + 1].isupper():
                out.append((m.start(), _word_end(lower, m.end()), "an office by rank of a named country"))
    if any(w in lower for w in _NICK_BEFORE_CHEAP):
        # (the span opens at the nickname word: Hungarian "a" before the quote is "the", not English "a")
        out += [(m.start("w"), m.end(), "a person known by a capitalised nickname")
                for m in _NICK_BEFORE.finditer(lower) if text[m.start("nick"):m.start("nick") + 1].isupper()]
    for m in _NICKNAMED.finditer(lower):
        if re.match(r"[\"“«'‘]?[A-ZÀ-ÞΑ-ΩА-Я]", text[m.end():m.end() + 2]):
            out.append((m.start(), _word_end(lower, m.end()), "a person known by a capitalised nickname"))
    return out



# Round 38a. A quoted capitalised nickname BEFORE the nickname word and a role, the word order of Hungarian and
# Turkish ("a 'Száguldó Őrnagy' becenevű magyar focista", "'Kara Şimşek' lakaplı futbolcu"): one person's epithet;
# "a 'Morzsi' nevű kutya" (a dog called ...) names no person role, so it stays generic
_NICK_BEFORE_CHEAP = ("becenev", "lakap", "ragadvany", "neven ismert", "nevu ")
_NICK_BEFORE = re.compile(r"[\"“„«'‘](?P<nick>[^\"”“«»'’]{2,40})[\"”»'’] (?P<w>becenevu|becenevre hallgato|ragadvanynevu|neven ismert|nevu|neven emlegetett|"
                          r"lakapli|lakabli|lakabiyla bilinen|lakabiyla anilan) (?:[a-z]+ ){0,2}?"
                          r"(?:focista|labdarugo|jatekos|csatar|kapus|vedo|kozeppalyas|teniszezo|kosarlabdazo|"
                          r"zenesz|humorista|muvesz|okolvivo|enekes|enekesno|szinesz|szineszno|politikus|"
                          r"versenyzo|autoversenyzo|futo|uszo|birkozo|sportolo|edzo|tabornok|kiraly|festo|iro|kolto|"
                          r"futbolcu|oyuncu|sarkici|sanatci|boksor|gures?ci|pilot|siyasetci|komutan|pasa|yazar|sair|"
                          r"ressam|atlet|kaleci|golcu|teknik direktor)")
# capitalised words before a rank that are no country ("The 3. ...", sentence openers)
_NOT_COUNTRY = frozenset({"the", "this", "its", "his", "hers", "ours", "yours", "theirs", "was", "is", "has", "as",
                          "bu", "su", "o", "ez", "az", "egy", "det", "den", "dens", "hans", "hennes", "deres"})


def _word_end(lower: str, i: int) -> int:
    m = re.compile(r"[\"“«]?\w+").match(lower, i)
    return m.end() if m else i
