"""Indirect references to one real person in the shapes national-level figures are named by (round 40a).

The figures of Africa, the Arab world, South and Southeast Asia and Latin America are often asked for by what they
did rather than by name, in shapes the older modules do not read:

* a ruler or a state's head named by the place ("the long-reigning Sultan of Oman", "the State Counsellor of
  Myanmar", "the chief minister of Tamil Nadu", "Kerala's chief minister");
* the first to head a government of a named region ("the first woman to head a government in the Arab world");
  in Vietnamese the first to hold a capitalised office ("người phụ nữ đầu tiên làm Chủ tịch Quốc hội");
* a coach who led a named country to a title, in German, Czech, Polish ("der Trainer, der Argentinien 2022 zum
  WM-Titel geführt hat", "trenér, který dovedl Španělsko k titulu");
* a sports person by nationality, team and years ("the mexican driver who raced for red bull from 2021 to 2024")
  or famous for a deed at a dated tournament ("famous for his 2014 world cup saves");
* a judge or prosecutor by the named case or commission he led ("the judge who led the lava jato
  investigation"), a person killed in a named massacre ("il giudice ucciso nella strage di Capaci");
* the creator of a quoted or capitalised work behind its kind ("the writer of the novel 'Things Fall Apart'");
* a singer by an epithet of a place or a song ("l'Astre de l'Orient", "la voz de Pedro Navaja cantando");
* a quoted nickname right before an office ("भारत के 'मिसाइल मैन' राष्ट्रपति", "Ghana's 'Osagyefo' president");
* a Romance first office holder with a qualifier and the named country further on ("o primeiro presidente eleito
  por voto direto após a ditadura no Brasil").

Each needs the named thing (a capital, a listed state, a year with a tournament); "a sultan on a throne", "the
judge who led the investigation", "the coach of a youth team" stay generic. Spans are ``(start, end, what)`` over
``lower`` (the normaliser's text: accents off, same length as ``text``).
"""

from __future__ import annotations

import re

from .context import clause_end

# states and provinces with a chief minister (India, Malaysia, Pakistan) -- one person each
STATES = (r"(?:andhra pradesh|arunachal pradesh|assam|bihar|chhattisgarh|goa|gujarat|haryana|himachal pradesh|"
          r"jharkhand|karnataka|kerala|madhya pradesh|maharashtra|manipur|meghalaya|mizoram|nagaland|odisha|orissa|"
          r"punjab|rajasthan|sikkim|tamil nadu|telangana|tripura|uttar pradesh|uttarakhand|west bengal|delhi|"
          r"jammu and kashmir|puducherry|johor|kedah|kelantan|melaka|malacca|negeri sembilan|pahang|penang|perak|"
          r"perlis|sabah|sarawak|selangor|terengganu|sindh|khyber pakhtunkhwa|balochistan|gilgit baltistan)")

# English: a ruler or a head of a state named by the place; the place capitalised (checked) or a listed state
# round 42a: the article may drop at the head of the prompt ("current chief minister of kerala inaugurating ...")
_RULER = re.compile(r"(?:\bthe |^)(?:(?:long[- ]reigning|long[- ]serving|longest[- ]serving|longest[- ]reigning|late|"
                    r"former|current|founding|first|reigning|sitting|then|beloved|elderly|young) )?(?:sultan|sultana|"
                    r"emir|emira|shah|crown prince|state counsell?or|chief minister) of (?:the )?(?:state of )?"
                    r"(?P<p>[a-z][\w'-]*)")
_STATE_OFFICE = re.compile(r"\b" + STATES + r"(?: s|'s)? (?:(?:[a-z]+ ){0,2}?)chief minister\b")
_FICTION_PLACE = frozenset({"agrabah", "swing", "persia"})

# the first to head a government of a named region or country
_FIRST_HEAD = re.compile(r"\bthe first (?:[a-z]+ ){0,2}?(?:woman|man|person|female|black|muslim|arab|african) to "
                         r"(?:head|lead|run|become head of|be elected head of) (?:a |an |the )?(?:[a-z]+ )?"
                         r"(?:government|cabinet|state|nation|country|republic)s? (?:in|of) (?:the )?(?=\w)")
_REGION = re.compile(r"(?:arab world|muslim world|islamic world|africa|asia|latin america|middle east|south asia|"
                     r"southeast asia|americas|caribbean|gulf)\b")
# Vietnamese: "(the woman) first (to) be/hold <capitalised office>"
_VI_FIRST = re.compile(r"(?:nguoi|phu nu|nu|ong|ba)\s+(?:\w+\s+){0,2}?đau tien\s+(?:lam|la|giu chuc|tro thanh|đam nhiem|"
                       r"đac cu)\s+(?=\w)")

# German, Czech and Polish: the coach who led a named country to a title
_DE_COACH = re.compile(r"\b(?:der|den|dem|des)\s+(?:national|bundes|erfolgs)?trainer[s]?,?\s+(?:der|die)\s+"
                       r"(?P<c>[a-z]{3,})\s+(?:(?:\d{4}|im jahr \d{4})\s+)?(?:zum|zur|zu)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:[\w-]*titel|weltmeister\w*|europameister\w*|wm|em|sieg|triumph|gold\w*|meisterschaft)")
_WS_COACH = re.compile(r"\b(?:trener|trenera|trenerem|trenerovi|kouc|kouce|koucem|selekcjoner|selekcjonera|coach)\w*,?\s+"
                       r"(?:ktery|ktera|ktory|ktora|kteri)\s+(?:dovedl|dovedla|dotahl|vedl|vedla|doprowadzil|"
                       r"doprowadzila|poprowadzil|poprowadzila)\s+(?P<c>[a-z]{3,})\s+(?:k|ke|do|ku)\s+"
                       r"(?:titul|zlat|vitez|triumf|mistrovstv|mistrzostw|zlot|zwyciest|tytul)\w*")

# a sports person by nationality, team and years, all lower case allowed (the years and nationality name one)
_NATIONALITY = (r"(?:mexican|brazilian|argentine|argentinian|colombian|chilean|peruvian|venezuelan|uruguayan|"
                r"ecuadorian|spanish|portuguese|indian|pakistani|thai|indonesian|malaysian|filipino|japanese|"
                r"chinese|korean|australian|finnish|german|french|italian|british|dutch|belgian|danish|swedish|"
                r"polish|russian|american|canadian|nigerian|ghanaian|kenyan|ethiopian|egyptian|moroccan|"
                r"algerian|tunisian|senegalese|cameroonian|ivorian|south african|saudi|emirati|qatari|lebanese)")
_TEAM_YEARS = re.compile(r"\bthe " + _NATIONALITY + r" (?:[a-z]+ ){0,2}?(?:driver|racer|rider|player|footballer|"
                         r"striker|goalkeeper|keeper|cricketer|pitcher|batsman|bowler|midfielder|defender|winger|"
                         r"forward|coach|manager|captain) (?:who|that) (?:raced|drove|rode|played|kept goal|"
                         r"starred|pitched|batted|bowled) for (?:[\w'-]+ ){1,3}?(?:from (?:18|19|20)\d\d to|between "
                         r"(?:18|19|20)\d\d and|in|during (?:the )?) ?(?:18|19|20)\d\d")
_FAMOUS_FOR = re.compile(r"\b(?:famous|known|remembered|celebrated|best known|famed|renowned) for (?:his|her|their) "
                         r"(?:18|19|20)\d\d (?:[a-z]+ ){0,3}?(?:world cup|olympics?|olympic games|final|euro|copa "
                         r"america|copa|afcon|asian cup|gold cup|world championships?|wimbledon|tour de france|"
                         r"grand slam|series)\b")
_PERSON_BEFORE = re.compile(r"\bthe (?:[a-z-]+ ){0,6}?(?:goalkeeper|keeper|striker|player|footballer|boxer|runner|"
                            r"sprinter|driver|cricketer|batsman|bowler|pitcher|tennis player|gymnast|swimmer|coach|"
                            r"referee|captain|athlete|cyclist|midfielder|defender|winger|forward)\b")

# a legal official by the named case or commission; a person killed in a named massacre
_LEGAL = re.compile(r"\bthe (?:[a-z-]+ ){0,2}?(?:judge|justice|prosecutor|magistrate|commissioner|investigator|"
                    r"investigating judge|attorney general|special counsel) who (?:chaired|led|headed|presided over|"
                    r"ran|oversaw|conducted|prosecuted|investigated|launched) (?:the )?(?P<obj>(?:[\w'-]+ ){0,5}?)"
                    r"(?:commission|inquiry|investigation|probe|trials?|case|operation|tribunal|hearings?|task force|"
                    r"truth commission)\b")
_GENERIC_CASE = frozenset({"the", "a", "an", "murder", "fraud", "corruption", "police", "internal", "school", "local",
                           "ethics", "criminal", "civil", "tax", "drug", "theft", "divorce", "custody", "whole",
                           "entire", "big", "famous", "long", "short", "new", "old", "first", "last", "recent",
                           "high", "profile", "high-profile", "bribery", "abuse", "misconduct", "accident",
                           "our", "my", "their", "his", "her", "this", "that", "town", "city", "county",
                           "company", "office", "club", "team", "family", "estate", "inheritance"})
_KILLED = re.compile(r"\b(?:giudice|magistrato|magistrata|juez|jueza|juiz|juiza|judge|prosecutor|procuratore|fiscal|"
                     r"journalist|giornalista|periodista|jornalista|priest|prete|sacerdote|politician|politico|"
                     r"sindaco|alcalde|mayor|activist|attivista|activista|ativista|juge|journaliste|pretre|maire|"
                     r"general|generale|vereadora|vereador|consigliere|deputy|deputato|senator|senatore)\b"
                     r"(?: [a-z]+){0,2} (?:ucciso|uccisa|assassinato|assassinata|asesinado|asesinada|assassinado|"
                     r"assassinada|killed|murdered|assassinated|tue|tuee) (?:in|nella|nel|en el|en la|no|na|during|"
                     r"dans|lors de) (?:the |l'|la |le )?(?:strage|attentato|massacre|bombing|attack|atentado|"
                     r"masacre|massacro|ataque|attentat|agguato|ambush|explosion|esplosione|chacina)\b")

# the creator of a quoted or capitalised work behind its kind
_WORK_KIND = re.compile(r"\bthe (?:[a-z]+ )?(?:author|writer|novelist|poet|playwright|singer|composer|director|"
                        r"painter|creator|screenwriter|songwriter|lyricist) of the (?:novel|book|song|film|movie|poem|"
                        r"play|album|painting|opera|series|hit|hit song|track|memoir|short story|classic) ")
_QUOTE = "'\"‘“«„‚‹"

# a singer by an epithet of a place or a song (Romance languages and English), when singing is in the prompt
_SONG_EPITHET = re.compile(r"\b(?:l'astre|l'etoile|la voix|la voz|a voz|la voce|the voice|le rossignol|el ruisenor|"
                           r"l'usignolo|o rouxinol|la estrella|a estrela|la stella|the star|the nightingale) "
                           r"(?:de l'|de la |des |du |de |del |de los |de las |della |dell'|di |do |da |dos |das |of "
                           r"(?:the )?)(?P<p>[\w'-]+)")
_SINGING = re.compile(r"\b(?:chantant|chante|en concert|sur scene|cantando|canta|en vivo|en concierto|ao vivo|dal vivo|"
                      r"in concerto|singing|sings|on stage|live concert|concert photo|performing|mouchoir)\b")
_NOT_A_SINGER_PLACE = frozenset({"dios", "dieu", "dio", "deus", "god", "belen", "bethleem", "betlemme", "belem",
                                 "bethlehem", "david", "mer", "mar", "nord", "norte", "sud", "sur", "noel", "navidad",
                                 "natale", "natal", "pueblo", "peuple", "popolo", "povo", "galicia", "america",
                                 "amerique", "mare", "sea", "north", "south", "east", "west", "silence", "silencio"})

# a quoted nickname right before an office word (Hindi, Bengali, Marathi and English)
_QUOTED_OFFICE = re.compile(r"['\"‘“«]\s*(?P<q>[^'\"’”»]{2,30}?)\s*['\"’”»]\s*(?P<o>राष्ट्रपति|प्रधानमंत्री|प्रधान मंत्री|"
                            r"मुख्यमंत्री|राष्ट्रपती|पंतप्रधान|मुख्यमंत्री|রাষ্ট্রপতি|প্রধানমন্ত্রী|মুখ্যমন্ত্রী|president|prime minister|"
                            r"chief minister|premier|king|queen)(?![a-z])")
_LOCAL_BEFORE = re.compile(r"\b(?:my|our|your|their|school|club|class|team|company|office|student|union|society)\b")
# a Romance first office holder, a qualifier and the named country within the clause
_ROMANCE_FIRST_FAR = re.compile(r"\b(?:primeir[oa]|primer|primera|prim[oa]|premier|premiere|ultim[oa]|dernier|derniere) "
                                r"(?:president[ea]?|presidenta|primeir[oa][- ]ministr[oa]|primer ministro|primera ministra|"
                                r"primo ministro|premier ministre|rei|rey|re|roi|rainha|reina|regina|reine)\b")
_ROMANCE_IN = re.compile(r" (?:(?:no|na|do|da|em|en|de|del|di|in|nel|nella|au|du|della|en el) |dell'|de l')(?=\w)")
_QUALIFIER = re.compile(r"\b(?:eleit[oa]|elegid[oa]|elett[oa]|elue?|democratic\w*|negr[oa]|indigena|indigeno|nero|noir|"
                        r"noire|mulher|mujer|donna|femme|civil|civile|apos|tras|dopo|apres|depois|despues|voto|sufragio|"
                        r"suffragio|suffrage|ditadura|dictadura|dittatura|dictature|independencia|independenza|"
                        r"independance)\b")



# the words that make each shape worth running (a cheap pre-check for all of them): a word of the prompt is looked
# up whole and by its first six letters, so one entry covers the inflections ("sultan", "sultana", "sultano")
_TRIGGER_WORDS = (
    ("ruler", ("sultan", "emir", "emira", "emiro", "counsellor", "counselor", "shah", "crown")),
    ("chief", ("chief",)), ("premier", ("premier",)),
    ("office", ("president", "prime", "king", "queen", "राष्ट्रपति", "प्रधानमंत्री", "प्रधान", "मुख्यमंत्री", "पंतप्रधान",
                "রাষ্ট্রপতি", "প্রধানমন্ত্রী", "মুখ্যমন্ত্রী")),
    ("romance", ("primeiro", "primer", "primo", "prima", "ultimo", "ultima", "dernier")),
    ("first", ("first",)), ("vi", ("đau",)),
    ("coach", ("trainer", "nationaltrainer", "bundestrainer", "trener", "kouc", "kouce", "koucem", "coach", "selektor",
               "selekcjoner")),
    ("team", ("raced", "drove", "rode", "played", "kept", "starred", "pitched", "batted", "bowled")),
    ("famous", ("his", "her", "their")),
    ("legal", ("judge", "justice", "prosecutor", "magistrate", "commissioner", "investigator")),
    ("killed", ("ucciso", "uccisa", "asesinado", "assassinado", "killed", "murdered", "tue", "tuee")),
    ("work", ("novel", "book", "song", "film", "movie", "poem", "play", "album", "painting", "opera", "series", "hit",
              "track", "memoir", "story", "classic")),
    ("epithet", ("voix", "voz", "voce", "voice", "l'astre", "astre", "l'etoile", "etoile", "estrella", "estrela",
                 "stella", "rossignol", "ruisenor", "l'usignolo", "usignolo", "rouxinol", "nightingale")))
_TRIGGER: dict[str, tuple[str, ...]] = {}
for _k, _ws in _TRIGGER_WORDS:
    for _w in _ws:
        _TRIGGER[_w[:6]] = (*_TRIGGER.get(_w[:6], ()), _k)
_WORD = re.compile(r"[^\s,.;:!?()\[\]{}\"“”«»„]+")
_ALSO = {"chief": ("ruler", "office"), "premier": ("office", "romance")}


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-40a shapes (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    out: list[tuple[int, int, str]] = []
    hit: set[str] = set()
    for w in _WORD.findall(lower):
        got = _TRIGGER.get(w[:6])
        if got is not None:
            hit.update(got)
    for k in ("chief", "premier"):
        if k in hit:
            hit.update(_ALSO[k])
    if not hit:
        return out
    if "ruler" in hit:
        for m in _RULER.finditer(lower):
            place = m.group("p")
            if place in _FICTION_PLACE or not (
                    re.match(STATES + r"\b", lower[m.start("p"):]) or (cased and text[m.start("p")].isupper())):
                continue  # "the sultan of the desert palace", "the Sultan of Agrabah": a story
            out.append((m.start(), m.end(), "a ruler or the head of a state named by the place"))
        if "chief" in hit:
            out += [(m.start(), m.end(), "the head of a named state") for m in _STATE_OFFICE.finditer(lower)]
    if "first" in hit and " to " in lower:
        for m in _FIRST_HEAD.finditer(lower):
            end = clause_end(lower, m.end(), 60)
            if _REGION.match(lower, m.end()) or (cased and text[m.end()].isupper() and end > m.end()):
                out.append((m.start(), m.end(), "the first of a kind to head a government of a named place"))
    if "vi" in hit and cased:
        for m in _VI_FIRST.finditer(lower):
            if text[m.end()].isupper():
                out.append((m.start(), m.end(), "the first to hold a named office"))
    if cased and "coach" in hit:
        for rx in (_DE_COACH, _WS_COACH):
            for m in rx.finditer(lower):
                if text[m.start("c")].isupper():
                    out.append((m.start(), m.end(), "the coach who led a named country to a title"))
    if "team" in hit:
        out += [(m.start(), m.end(), "a sports person by nationality, team and years")
                for m in _TEAM_YEARS.finditer(lower)]
    if "famous" in hit:
        for m in _FAMOUS_FOR.finditer(lower):
            people = list(_PERSON_BEFORE.finditer(lower, max(0, m.start() - 80), m.start()))
            if people:
                out.append((people[-1].start(), m.end(), "a sports person famous for a deed at a dated tournament"))
    if "legal" in hit and " who " in lower:
        for m in _LEGAL.finditer(lower):
            words = m.group("obj").split()
            named = (cased and any(ch.isupper() for ch in text[m.start("obj"):m.end("obj")])) or any(
                w not in _GENERIC_CASE for w in words)
            if words and named:
                out.append((m.start(), m.end(), "the official who led a named case or commission"))
    if cased and "killed" in hit:
        for m in _KILLED.finditer(lower):
            end = clause_end(lower, m.end(), 40)
            if re.search(r"(?<![\w'])[A-Z]", text[m.end():end]):
                out.append((m.start(), m.end(), "a person killed in a named attack"))
    if "work" in hit:
        for m in _WORK_KIND.finditer(lower):
            nxt = text[m.end():m.end() + 1]
            if nxt and (nxt in _QUOTE or (cased and nxt.isupper())):
                out.append((m.start(), m.end() + 1, "the creator of a named work"))
    if cased and "epithet" in hit:
        for m in _SONG_EPITHET.finditer(lower):
            if (text[m.start("p")].isupper() and m.group("p") not in _NOT_A_SINGER_PLACE
                    and _SINGING.search(lower)):
                out.append((m.start(), m.end(), "a singer known by an epithet of a place or a song"))
    if "office" in hit and any(q in text for q in "'\"‘“«"):
        for m in _QUOTED_OFFICE.finditer(lower):
            quoted = text[m.start("q"):m.end("q")]
            if (not quoted.isascii() or quoted[:1].isupper()) and not _LOCAL_BEFORE.search(lower, 0, m.start()):
                out.append((m.start(), m.end(), "a person known by a quoted nickname and an office"))
    if cased and "romance" in hit:
        for m in _ROMANCE_FIRST_FAR.finditer(lower):
            end = clause_end(lower, m.end(), 100)
            for p in _ROMANCE_IN.finditer(lower, m.end(), end):
                if text[p.end()].isupper() and _QUALIFIER.search(lower, m.end(), p.start()):
                    out.append((m.start(), p.end(), "the first holder of an office of a named country, qualified"))
                    break
    return out
