"""The name-shape detector: private people whose names no list holds.

"my neighbour Kevin Brandt", "headshot of Rajesh Kumar for LinkedIn": a first name
and a surname (from census/faker lexicons, see ``data/README.md``), written as a
name, plus context cues (relationships, "photo of", profile photos) add up to a
score. Common words that are also names ("Rose", "Summer", "Hunter") count less;
things, places, brands, fictional characters, pets and style references do not
count at all.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

from ..errors import ConfigError
from ..types import Finding
from . import (
    appositive_names,
    context,
    embedded_names,
    handles,
    inflection,
    life_event,
    lower_full_names,
    mongolian_names,
    nguni_names,
    person_cues,
    portrait_subject,
    relation_before,
    relation_names,
    relations,
    romanised,
    slavic_lower,
    stage_single,
    titled_names,
    vietnamese_plain,
)
from .builtin_indexes import builtin_index, non_person_index
from .context import COMMON_WORDS, word_set
from .normalize import NormalizedText, match_key, normalize
from .resources import (
    SHARED_CACHE,
    ResourceCache,
    english_zipf,
    load_city_names,
    load_dictionary_words,
    load_fuzzy_only_words,
    load_lexicon,
)
from .script_names import ScriptNames, load_lists
from .structured_names import StructuredNames
from .warmup import warm_up

#: A word of the prompt with its start and end offsets in the normalised text.
Token = tuple[str, int, int]
#: A scored name candidate: (score, its tokens, why).
Scored = tuple[float, list[Token], str]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_RELATION = word_set("""
neighbour neighbor neighbours neighbors classmate classmates coworker coworkers co-worker colleague
colleagues boss manager employee employees friend friends girlfriend boyfriend wife husband ex
son daughter mom mum dad mother father sister brother cousin aunt uncle grandma grandpa
grandmother grandfather niece nephew teacher student roommate flatmate crush partner fiance
fiancee fiancé fiancée tenant landlord landlady coach trainer therapist doctor dentist nurse
babysitter nanny stepmom stepdad stepson stepdaughter bestie bff mate pal buddy
""")
# People who serve the user, named by first name after "my/our" ("our mail carrier Denise", "my barista Sam");
# only for a single first name (they are no cue for a pair of words).
_ROLE_NOUNS = _RELATION | word_set("""
carrier mailman postman postwoman barista bartender hairdresser hairstylist stylist barber plumber
electrician mechanic cleaner housekeeper gardener driver tutor instructor pharmacist vet optometrist
physio physiotherapist chiropractor receptionist cashier waiter waitress accountant lawyer realtor
contractor caretaker caregiver janitor doorman concierge pastor priest rabbi imam mentor supervisor
walker sitter petsitter groomer dogwalker intern interns trainee apprentice assistant secretary
ceo cto cfo coo cmo founder cofounder co-founder director chairman chairwoman chairperson
""")
_POSSESSIVE = word_set("my our his her their your")
# "my late father Ignacio", "my best friend Chloe": a word between the possessive and the relation
_RELATION_ADJECTIVES = word_set("""
best late dear little big older younger elder baby new old favorite favourite twin former dead beloved
ex step local regular usual family personal
""")
# Relations and roles written as a title before a first name ("Uncle Deepak", "Nurse Akosua", "Coach Ana")
_RELATION_TITLES = word_set("""
uncle aunt auntie aunty grandma grandpa granny grandad granddad nana nanna papa mama cousin nurse coach
sister brother father mother
ouma oupa tannie oom oma opa omi opi nonna nonno abuela abuelo abuelita abuelito vovo mamie babcia dziadek
ciocia wujek bunica bunicul mormor morfar farmor farfar mummo ukki yiayia pappou
""")
# (round 41c: grandparents, aunts and uncles used as a title before a first name in Afrikaans, German, Dutch,
# Italian, Spanish, Portuguese, French, Polish, Romanian, Swedish, Finnish and Greek: "ouma Sannie", "Nonna Pina")
_DEPICT = re.compile(r"\b(?:photo|photos|picture|pictures|pic|portrait|portraits|headshot|headshots|"
                     r"selfie|image|images|painting|drawing|sketch|nude|nudes|video|footage|face|"
                     # the same in other languages (round 18b): "fotografie cu", "foto van", "retrato de"
                     r"foto|fotos|fotografie|fotografia|fotografía|photographie|bild|bilder|imagen|imagem|"
                     r"retrato|ritratto|gambar|picha|zdjecie|zdjęcie|fotka|kuva|kep|kép|fenykep|fénykép|mynd|"
                     # round 29b: Norwegian, Danish and Swedish "bilde av", "billede af", "porträtt av"
                     r"bilde|billede|fotografi|portrett|portratt|portraet|bildnis)\s+"
                     r"(?:of|with|cu|de|da|do|di|del|della|du|des|van|von|met|mit|con|com|avec|ya|z|ze|af|av)\s*$")
# A picture word right before a name in the languages that say "of" with a case ending (round 22b): Polish
# "zdjęcie Bartosza ...", Czech "fotka Petra ...", Hungarian "fénykép Annáról", Finnish "muotokuva Ainosta",
# Icelandic "mynd af", Lithuanian/Latvian/Croatian/Slovene picture words (accents off, as the normaliser writes them)
_DEPICT_CASE = re.compile(r"(?:^|[\s,:;])(?:zdjecie|zdjecia|fotka|fotografie|fotografia|portret|portretu|obraz|rysunek|"
                          r"wizerunek|snimek|obrazek|fenykep|kep|portre|muotokuva|kuva|valokuva|piirros|pilt|foto|"
                          r"portree|ljosmynd|mynd|nuotrauka|portretas|atvaizdas|attels|portrets|fotografija|slika|"
                          r"portrait|zdjeciu|fotografii|fotce|rajz|festmeny|"
                          # round 36c: Hausa "hoton"/"hotunan" (the picture(s) of), "zanen" (the drawing of)
                          r"hoton|hotunan|zanen|"
                          # round 40c: Somali "sawirka" (the picture of), Malagasy "sarin'i" (the picture of + the
                          # personal article), Catalan "foto d'en"/"retrat de na" (of + the personal article)
                          r"sawirka|sawir|sawirrada|muuqaalka|sarin'i|sary|(?:foto|fotografia|retrat|imatge) "
                          r"(?:d'en|de na|d'na)|"
                          # round 41c: Albanian "foto e/i" (the picture of, with the linking article), Yoruba
                          # "àwòrán" (picture), Luganda "ekifaananyi kya" (the picture of), Maori "whakaahua o/a",
                          # Tagalog "larawan/litrato ni", Uzbek/Azerbaijani "surati"/"şəkli" only after a name
                          r"(?:foto|fotografia|fotografi|portreti|portret|imazh|vizatim) (?:e|i|te)|aworan|"
                          r"(?:ekifaananyi|ekifananyi|ebifaananyi|akafaananyi) (?:kya|bya|kye|ka)|"
                          r"(?:whakaahua|whakaahua) (?:o|a)|(?:larawan|litrato|guhit) ni|"
                          # round 41c: German compounds "Porträtfoto von", "Passbild von", "Bewerbungsfoto von"
                          r"[a-z]{3,}(?:foto|bild|portrat|aufnahme) von)\s+(?:af\s+)?$")
_PROFILE = re.compile(r"\b(?:linkedin|instagram|facebook|tinder|dating profile|profile (?:photo|picture|pic)|"
                      r"passport|id photo|resume|cv photo|headshot|yearbook|"
                      # identity-card photos in other languages (round 18b)
                      r"buletin|pasaport|pasaporte|passaporte|paspoort|reisepass|ausweis|pasfoto|passfoto|"
                      r"legitymacja|dowod osobisty|carte d'identite|kimlik|ktp|cedula)\b")
# round 42: "... in his office", "... at her desk": a place that is the person's own
_IN_OWN = re.compile(r"\s+(?:in|at|on|by|with) (?:his|her|their)\b")
# after "Firstname Unlistedname": what people do ("Paul Giamatti smiling", "... as a pirate")
_PERSON_NEXT = re.compile(r"\s+(?:\w+ing|as|wearing|dressed|with his|with her|and his|and her)\b")
# What follows a person named as the subject in another language (round 15): a preposition of place,
# company or dress (pt/es/fr/it/de/pl/nl/id/sw), a gerund or participle (-ando/-endo, Turkish -ken/-yor/-arak,
# Indonesian me-/ber- verbs), Turkish "bir" or a locative ("hapishanede"); not "no", a Japanese particle ("Osaka
# Jou no shashin"): "Kemal Sunal bir köy kahvesinde",
# "Tadeusz Kościuszko w mundurze", "Najwa Shihab membawakan acara", "Thomas Pesquet en scaphandre".
_FOREIGN_PERSON_NEXT = re.compile(
    r"\s+(?:na|nas|nos|com|em|con|en|avec|dans|au|sur|mit|im|am|beim|bei|w|we|z|ze|przy|podczas|bir|di|"
    r"dengan|sedang|saat|ketika|akiwa|kwenye|nel|nella|sul|sulla|mentre|met|la|"
    # round 22b: Italian "al"/"alla"/"allo" (at the), "dal"/"dalla" (at someone's): "Giulia X al mercato"
    r"al|alla|allo|ai|agli|dal|dalla|"
    # round 36c: Hausa "yana/tana/suna" (is/are ...-ing) and "sanye da" (wearing)
    r"yana|tana|suna|sanye|"
    # round 21b: Icelandic "að" + infinitive ("að veiða") and "með", Nordic "på"/"hos"; Finnish/Estonian "is doing"
    # forms ("kalastamassa", "laulamassa", "kalastamas") and locatives ("järvellä", "rannalla" do not open a clause)
    r"að|með|på|hos|[^\W\d_]{2,}(?:massa|mässä|mas)|"
    r"aki[^\W\d_]{4,}|nag[^\W\d_]{4,}|nagpa[^\W\d_]{3,}|"
    r"[^\W\d_]{2,}(?:ando|endo|indo|ken|arak|erek|yor|nde|nda|ede)|me[mnr][^\W\d_]{4,}|ber[^\W\d_]{4,})\b")
# Round 32b: a picture word after a name (the languages that put it after: Turkish "portresi", Estonian
# "portreefoto", Finnish "muotokuva", Hungarian "portréja", Korean/Japanese romanised forms are no concern here)
_PICTURE_WORDS = (r"portrait|portraits|photo|photos|picture|pictures|headshot|selfie|portre|portresi|portreleri|"
                  r"fotograf|fotoğraf|fotografi|fotoğrafı|fotografı|fotoğrafları|resmi|portreefoto|portree|portreepilt|"
                  r"foto|fotod|fotot|pilt|pildil|zdjęcie|zdjecie|portret|portrét|portréja|portreja|muotokuva|kuva|"
                  r"valokuva|bild|porträtt|portratt|portrett|retrato|ritratto|photographie|fotografia|fotografie|"
                  # round 41c: Lithuanian "portretas"/"nuotrauka", Latvian "portrets", Azerbaijani "portreti"/"şəkli",
                  # Uzbek "surati"/"portreti"/"fotosurati", Albanian "portreti", Kazakh Latin "portreti"/"sureti"
                  r"portretas|nuotrauka|portrets|fotografija|portreti|şəkli|sekli|fotosu|surati|fotosurati|"
                  r"fotosurat|sureti")
_PICTURE_AFTER = re.compile(r"[\s,:-]+(?:" + _PICTURE_WORDS + r")\b")
# a character, an artwork or an object pictured, not a person; a place compound ("Luxemburgplatz")
_FICTION_OR_OBJECT = re.compile(r"\b(?:anime|manga|cartoon|comic|comics|fan ?art|fanart|illustration|video game|game art|"
                                r"character|cosplay|statue|sculpture|figurine|novel|fairy|fantasy|wizard|elf|artwork)\b")
# round 33b: gods and goddesses that name artefacts, statues and ships, not given names of private people
_DEITY_NAMES = frozenset(["venus", "apollo", "hercules", "herakles", "zeus", "athena", "athene", "aphrodite", "hermes", "poseidon", "artemis", "minerva", "juno", "jupiter", "neptune", "mars", "saturn", "mercury", "pluto", "osiris", "isis", "anubis", "horus", "ra", "thor", "odin"])
_PLACE_COMPOUND_ENDS = ("platz", "strasse", "gasse", "allee", "plein", "straat", "torget", "gatan", "tori", "plads")
_PICTURE_ANYWHERE = re.compile(r"(?<![\w-])(?:" + _PICTURE_WORDS + r")\b")
# place words that follow a name in a street, square or building name ("Alexander Platz", "Atatürk Bulvarı")
_STREET_AFTER = word_set("""platz strasse straße allee gasse ufer bulvarı bulvari caddesi sokak sokağı meydanı meydani
    plaza praça praca piazza plac ulica rynek havalimanı havalimani havaalanı havaalani stadyumu üniversitesi
    universitesi müzesi muzesi hastanesi lisesi""")
_PLACE_AFTER = _STREET_AFTER | word_set("towers tower palace park square street avenue")
# an article or quantifier before a lower-case word pair makes it a noun phrase ("a ninja crouching")
_DETERMINERS = word_set("a an the this that these those some any every each one lone another")
# "Kemal Sarıgül at the fish market": a place phrase after a first name + a capitalised non-dictionary word (round 13)
_AT_PLACE = re.compile(r"\s+(?:at|in|on|outside|inside|near|by) (?:the|a|an|his|her) [a-z]")
# "Olumide Adebayo-Okon", "J. Pemberton-Hale": a given name or initial, then a hyphenated double surname
# (round 20b: also after an elided French or Italian article, "photo d'Anaïs Lefebvre-Morel", "ritratto dell'Anna ...")
_DOUBLE_BARREL = re.compile(r"(?:(?<![\w.'’-])|(?<=\b[dDlL]['’])|(?<=\b[dDnNsS]ell['’])|(?<=\b[aA]ll['’]))(?P<given>[A-Z]\.|[A-Z][^\W\d_]+)\s+(?P<a>[A-Z][^\W\d_]+)-(?P<b>[A-Z][^\W\d_]+)"
                            r"(?![\w'’-])")
# round 27b: the Hungarian order, a double surname and then a given name ("Kovács-Szabó Eszterről")
_DOUBLE_BARREL_FIRST = re.compile(r"(?<![\w.'’-])(?P<a>[A-Z][^\W\d_]+)-(?P<b>[A-Z][^\W\d_]+)\s+"
                                  r"(?P<given>[A-Z][^\W\d_]{2,})(?![\w'’-])")
# A picture word and "of" right before a name (round 20b), in the languages with a Latin alphabet
_PICTURE_OF = re.compile(r"\b(?:photo|photos|portrait|portraits|picture|pic|foto|fotos|fotografia|photographie|bild|"
                         r"ritratto|retrato|image|imagen|imagem|selfie|dessin|zeichnung|disegno|dibujo)\s+"
                         r"(?:of|d['’]|de|di|von|do|da|du|del|della|dell['’]|des)\s*$")
# Nature words that follow first names in things' names ("Billy Goat", "Orion Nebula", "Luna Moth")
_NOT_SURNAMES = context.ANIMALS_OBJECTS | word_set("""
goat goats moth moths wren wrens mountains nebula galaxy constellation flytrap reaper sands comet
borealis australis lilies lily orchid daisy cactus fern moss lake lakes falls ridge peak peaks
""")
# "Tomasz z działu IT", "Sabine aus der Buchhaltung", "Lucía de contabilidad", "Julien de la compta": the same in other
# languages (round 16), as the normaliser writes them (accents off, "ł" kept)
_FROM_GROUP_FOREIGN = re.compile(
    r" (?:z (?:działu|dzialu|biura|pracy|recepcji|ksiegowosci|księgowosci|kadr|sasiedztwa|sąsiedztwa|klasy|"
    r"siłowni|silowni)|ze (?:szkoły|szkoly|sklepu)|"
    r"aus (?:der|dem) (?:buchhaltung|personalabteilung|it|it-abteilung|abteilung|vertrieb|marketing|buro|"
    r"nachbarschaft|klasse|schule|kantine)|von nebenan|"
    r"de (?:contabilidad|recursos humanos|ventas|sistemas|la oficina|la contabilidad|al lado|la compta|"
    r"la comptabilite|l'accueil|l'agence)|del (?:trabajo|departamento|gimnasio|piso de arriba|tercero)|"
    r"des rh|du (?:bureau|service|marketing|troisieme|dessus|dessous)|d'a cote|"
    r"dell'ufficio|della (?:contabilita|porta accanto)|delle risorse umane|del (?:marketing|terzo piano)|"
    r"do (?:rh|escritorio|trabalho|marketing|financeiro)|da (?:contabilidade|portaria)|"
    r"van (?:de boekhouding|hr|kantoor|hiernaast|de receptie))\b")
# "<Name> from accounting / from HR / from next door": someone the user knows.
_FROM_GROUP = re.compile(
    r" from (?:the |my |our )?(?:[a-z]+(?:'s)? )?(?:accounting|hr|human resources|sales|marketing|finance|legal|it|engineering|"
    r"payroll|support|customer service|operations|ops|admin|reception|security|procurement|logistics|"
    r"design|product|research|management|work|school|class|church|office|gym|next door|down the street|"
    r"upstairs|downstairs|team|college|uni|university|high school|the block|across the street|"
    r"tinder|bumble|hinge|the dating app|desk|front desk|counter|store|shop|cafe|bar|pharmacy|bank|clinic|"
    r"hospital|library|daycare|building|floor|lab|warehouse|site|church choir|choir|book club|club)\b")
# "Lisa from Blackpink", "Jake from State Farm": a first name and the group or company they are known by
# "the barista at my local cafe, <Name>,": a role at a place of the user's, then the name in commas
_ROLE_AT_PLACE = re.compile(r"\bthe ([a-z]+) (?:at|from|in) (?:my|our) (?:[a-z]+(?:'s)? ){0,2}[a-z]+(?:'s)?,\s*$")
_FROM_ORG = re.compile(r" from (?:the )?[A-Z][\w&'\-]+")
_STOP = word_set("""
a an the of and or in on at to with by for from as is are was be this that these those into over
under near behind before after during while who which what when where why how not no yes very
new san santa saint st los las fort mount lake port cape
""")



class NameShapeDetector:
    """Finds person-name shapes (first name + surname) that no list holds.

    Args:
        min_score: score from which a finding is identity-seeking (weaker
            findings are reported with ``identity_seeking=False``).
        id: detector id reported in findings.
        cache: resource cache (default: the process-wide one).
    """

    #: the finding kinds this detector reports (aplguard.ports.Detector)
    kinds: frozenset[str] = frozenset({"private_person"})

    def __init__(self, min_score: float = 0.55, id: str = "name_shape", cache: ResourceCache | None = None):
        if not 0.0 <= float(min_score) <= 1.0:
            raise ConfigError(f"name_shape.min_score must be in [0, 1], got {min_score!r}")
        self.id = id
        self.min_score = float(min_score)
        self.cache = cache or SHARED_CACHE
        self._structured = StructuredNames(self.cache, id)
        self._warmed = False  # load() reads the warm-up prompts once (aplguard.detect.warmup)

    def load(self) -> NameShapeDetector:
        """Load the name lexicons now instead of on the first prompt."""
        self._lexicons()
        self._common()
        self._common_surnames()
        builtin_index(self.cache)
        non_person_index(self.cache)
        load_lists(self.cache)
        romanised.load_syllables(self.cache)
        relation_names.load_lexicon_of_relations(self.cache)
        relation_before.load(self.cache)
        if not self._warmed:
            self._warmed = True
            relation_names.preload(self.cache)
            warm_up(self)
        return self

    def _lexicons(self) -> tuple[frozenset[str], frozenset[str]]:
        first = self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
        last = self.cache.get("lexicon.surnames", lambda: load_lexicon("surnames.txt"))
        return first, last

    def _common_surnames(self) -> frozenset[str]:
        return self.cache.get("lexicon.common_surnames", lambda: load_lexicon("common_surnames.txt"))

    def _compound_noun_head(self, norm: NormalizedText, ts: int, te: int) -> bool:
        """Whether the span opens with a lower-case hyphenated compound whose second part is a common word and no
        name ("a fairy-tale prince", "a fairy-tale king"): a compound noun before a noun, not a double first name
        (round 39a)."""
        head = norm.lower[ts:te].split(" ", 1)[0]
        if "-" not in head or not norm.text[ts:ts + len(head)].islower():
            return False
        part = head.rsplit("-", 1)[1]
        first, last = self._lexicons()
        return part in self._common() and part not in first and part not in last

    def _common(self) -> frozenset[str]:
        return self.cache.get("lexicon.common_words", lambda: load_lexicon("common_words.txt") | COMMON_WORDS)

    def detect(self, text: str) -> list[Finding]:
        """Person-name shapes in ``text`` (spans in ``text``)."""
        return self.detect_normalized(normalize(text))

    def detect_normalized(self, norm: NormalizedText) -> list[Finding]:
        """:meth:`detect` on an already normalised prompt (``detect_prompt`` normalises once for all detectors)."""
        first, last = self._lexicons()
        if not norm.text:
            return []
        tokens = [_nguni_split(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm.text)]
        if not norm.text.isascii() and _EAST_ASIAN_CHAR.search(norm.text):
            # round 26b: a Latin name glued to Japanese, Chinese or Korean ("Kevin Brandtの写真", "同事Kevin Brandt在"):
            # the scripts are separate words
            tokens = [(m.group(), s + m.start(), s + m.end()) for t, s, _ in tokens for m in _SCRIPT_RUN.finditer(t)]
        # In an all-caps or Title Case prompt capitals say nothing about names.
        all_caps = context.is_all_caps(norm.text) or context.is_title_case(norm.text)
        key, kidx = norm.key
        # Spans the lists know (a public figure, even one used as a place, or a
        # fictional character/brand) are the gazetteer's business, not a name shape.
        # Multi-word known spans block any overlapping candidate ("Martin Luther" in "Martin
        # Luther King Day"); one-word ones ("Harris", "Virginia") only a candidate they cover.
        known = bytearray(len(norm.text) + 1)
        one_word: list[tuple[int, int]] = []
        for index in (builtin_index(self.cache), non_person_index(self.cache)):
            for h in index.exact(key):
                a, b = kidx[h.start], kidx[h.end - 1] + 1
                if " " in key[h.start:h.end]:
                    known[a:b] = b"\x01" * (b - a)
                elif not h.alias.ambiguous:
                    # an ambiguous one-word alias ("~~Marta", the footballer) is the gazetteer's only with a cue for
                    # that person; "my cousin Marta" is still a private name
                    one_word.append((a, b))
        out: list[Finding] = []
        used_until = -1
        for i in range(len(tokens)):
            if tokens[i][1] < used_until:
                continue
            best = None
            # "Pieter van der Meer": two particles inside make a four-word name (round 18b)
            four = (i + 3 < len(tokens) and (tokens[i + 1][0] in _MID_PARTICLES or tokens[i + 1][0] in _CAP_PARTICLES)
                    and not any(a <= tokens[i][1] and tokens[i][2] <= b for a, b in one_word)  # "Rembrandt van .."
                    and (tokens[i + 2][0] in _MID_PARTICLES | _SECOND_PARTICLES or tokens[i + 2][0] in _CAP_PARTICLES)
                    # "de los"/"de las" + a listed surname ("de los Santos"); "Día de los Muertos" is a feast
                    and (tokens[i + 2][0] not in ("los", "las") or match_key(tokens[i + 3][0])[0] in last))
            for n in ((4, 3, 2) if four else (3, 2)):
                seq = tokens[i:i + n]
                if (len(seq) == n and _adjacent(norm.text, seq) and not any(known[seq[0][1]:seq[-1][2]])
                        and not any(a <= seq[0][1] and seq[-1][2] <= b for a, b in one_word)):
                    scored = self._score(norm, seq, first, last, all_caps, key)
                    if scored and (best is None or scored[0] > best[0]):
                        best = scored
            if best is None:
                s0, s1 = tokens[i][1], tokens[i][2]
                listed = any(known[s0:s1]) or any(a <= s0 and s1 <= b for a, b in one_word)
                single = None if listed else self._single(norm, tokens, i, first, all_caps)
                if single:
                    best = single
            if best is not None:
                score, seq, why = best
                f = self._finding(norm, seq, score, why)
                if f is not None:
                    out.append(f)
                    used_until = seq[-1][2]
        out += [f for f in self._double_barrel(norm, all_caps)
                if not any(g.start < f.end and f.start < g.end for g in out)]
        if not all_caps and not any(f.identity_seeking for f in out):
            out += self._portrait_subjects(norm, tokens, known)
        if not out and tokens and tokens[0][1] <= 1 and tokens[0][0][:1].isupper():
            # "Nucleya DJing at Sunburn": an unlisted one-word stage name opening a performance prompt (round 42c)
            s0, s1 = tokens[0][1], tokens[0][2]
            out += stage_single.find(norm, self.id, self._wordfreq(), first, self._common(),
                                     # (an ambiguous "~~" alias is the gazetteer's only with its own cue)
                                     any(known[s0:s1]) or any(a <= s0 and s1 <= b for a, b in one_word),
                                     self.cache.get("lexicon.english_zipf", english_zipf),
                                     self.cache.get("lexicon.cities", load_city_names))
        if not out and norm.original.islower():
            # "efren bata reyes lining up a shot": a lower-case full name as the subject (round 42e)
            out += lower_full_names.find(norm, self.id, (first, last), self._common(), self._wordfreq(),
                                         self.cache.get("lexicon.english_zipf", english_zipf),
                                         (builtin_index(self.cache), non_person_index(self.cache)),
                                         relation_names.load_lexicon_of_relations(self.cache).words,
                                         lambda: self.cache.get("lexicon.wordfreq_fuzzy_only", load_fuzzy_only_words),
                                         self._common_surnames())
        # names written in other scripts have shapes of their own (see script_names)
        # (a street or square named after someone is a place: "شارع الملك فهد", round 13)
        # (a listed span, a placeholder such as "Иван Иванович" or a listed person, is no private name: round 17b)
        # (a name filling a sample form, "образец ... на имя Пётр Петров", is a placeholder: round 21 merge)
        out += [f for f in ScriptNames(self.cache, self.id, self.min_score).find(norm)
                if not context.place_before(norm.lower, bisect.bisect_left(norm.starts, f.start))
                # round 33a: "شخصية علاء الدين", "персонаж ...": a character word before the name
                and not context.invented_character_before(norm.lower, bisect.bisect_left(norm.starts, f.start))
                and not any(known[bisect.bisect_left(norm.starts, f.start):bisect.bisect_left(norm.starts, f.end)])
                and not context.example_name_near(norm.lower, bisect.bisect_left(norm.starts, f.start),
                                                  bisect.bisect_left(norm.starts, f.end))]
        # "ߛߊߟߌߝߎ ߞߋߌߕߊ singing on stage": a name in its own script in a Latin-script prompt (round 43b)
        out += [f for f in embedded_names.find(norm, self.id, self.cache, known)
                if not any(f.start < g.end and g.start < f.end for g in out)]
        # "सुनीता रघुवंशी, जयपुर की एक दर्ज़ी": a non-Latin name opening a caption with a trade or age (round 43b)
        out += [f for f in appositive_names.find(norm, self.id, self.cache, known)
                if not any(f.start < g.end and g.start < f.end for g in out)]
        # "mi abuela Carmen", "моя сестра Оля", "我同事王晓燕": a relation named by first name in another language
        # (round 43d: a boat, shop or street word right before it names the thing: "our pirogue Mama Rose")
        out += [f for f in relation_names.find(norm, self.cache, self.id)
                if not context.place_before(norm.lower, bisect.bisect_left(norm.starts, f.start))]
        # "Sigurði afa mínum", "Carmen, mi abuela": the name before the relation (round 23a)
        out += [f for f in relation_before.find(norm, self.cache, self.id)
                if not any(f.start < g.end and g.start < f.end for g in out)]
        # names marked by a title, honorific or relation where no name list helps (Lao, Khmer, Burmese, ...)
        out += titled_names.find(norm, self.cache, self.id)
        # "my mom in her garden": a private person without a name; a relation next to a name ("my classmate
        # Aisha Mohammed", "Lukas Novak, our sales manager") is said by the name's finding already
        out += [r for r in relations.find(norm, self.id)
                if not any(f.identity_seeking and f.start - 3 <= r.end and r.start <= f.end + 3 for f in out)]
        out += romanised.find(norm, self.cache, self.id)  # "Teng Hsiao-ping" (merge keeps the stronger)
        # "anh pham nhat vuong dang phat bieu": Vietnamese written without its marks (round 25b)
        out += [f for f in vietnamese_plain.find(norm, self.id)
                if not any(known[bisect.bisect_left(norm.starts, f.start):bisect.bisect_left(norm.starts, f.end)])]
        # "Д. Сүхбаатарын хөрөг": Mongolian Cyrillic names (round 37b)
        out += [f for f in mongolian_names.find(norm, self.id)
                if not any(known[bisect.bisect_left(norm.starts, f.start):bisect.bisect_left(norm.starts, f.end)])]
        out += nguni_names.find(norm, self.id)  # "isithombe sikaThandi": a name glued to its prefix (round 37b)
        out += romanised.find_japanese(norm, self.cache, self.id)  # "Otani Shohei ga ... shashin"
        # "X binti Y", "hannes halldorsson", "やまだはなこ": names by their structure (round 31b)
        # (a listed span, a visual artist such as "Tove Jansson", is the gazetteer's)
        out += [f for f in self._structured.find(norm)
                if not any(f.start < g.end and g.start < f.end for g in out)
                and not any(known[bisect.bisect_left(norm.starts, f.start):bisect.bisect_left(norm.starts, f.end)])]
        out += handles.find(norm, self.id, self.cache.get("lexicon.wordfreq", load_dictionary_words),
                            non_person_index(self.cache))
        # "zrob zdjecie roberta maklowicza": a lower-case Slavic name in a case form after a picture word (round 38b)
        out += [f for f in slavic_lower.find(norm, self.id, self._wordfreq(), self._lexicons(), self._common())
                if not any(f.start < g.end and g.start < f.end for g in out)]
        # "ritratto di Ottavia Sarnelli il giorno della sua laurea": a name on its own life event (round 38b)
        out += [f for f in life_event.find(norm, self.id, self.cache.get("lexicon.wordfreq", load_dictionary_words),
                                           non_person_index(self.cache), self._lexicons())
                if not any(f.start < g.end and g.start < f.end for g in out)]
        return out

    # -- scoring -------------------------------------------------------------------------

    def _score(self, norm: NormalizedText, seq: list[Token], first: frozenset[str], last: frozenset[str],
               all_caps: bool, key: str) -> Scored | None:
        words = [t for t, _, _ in seq]
        if any(w.lower().endswith(("'s", "\u2019s")) for w in words[:-1]):
            return None  # "Michelangelo's David": a work, not a first name + surname
        lows = [w.lower() for w in words]
        # a lower-case particle inside a name: "Mohammed bin Rashid", "Ludwig van Beethoven"
        # ("van der", "van den", "de la": a second particle only in a four-word name, round 18b)
        particle = [0 < j < len(words) - 1 and (w in _MID_PARTICLES or (len(words) == 4 and w in _SECOND_PARTICLES))
                    for j, w in enumerate(words)]
        keys = [match_key(w)[0] for w in words]
        cap_particle = (len(words) in (3, 4) and not all_caps and not particle[1] and words[1] in _CAP_PARTICLES
                        and self._cap_particle_name(words, keys))
        if cap_particle:
            # round 34c: "Federica Lo Bianco", "Chiara Di Stefano", "Yannick Le Goff", "María De La Cruz": the
            # particle of an Italian, French, Spanish, Portuguese or Dutch surname written with its capital
            particle[1] = True
            if len(words) == 4:
                particle[2] = words[2] in _CAP_PARTICLES or lows[2] in _MID_PARTICLES | _SECOND_PARTICLES
        vietnamese = (keys[0] in _VIETNAMESE_SURNAMES and len(keys) in (2, 3)
                      and self._vietnamese_name(norm, seq, keys))  # "Nguyễn Văn Thắng": "Văn" is no Dutch "van"
        if not vietnamese and any((w in _STOP or w in context.FUNCTION_WORDS) and not p
                                  for w, p in zip(lows, particle)) or any(len(w) < 2 for w in words):
            return None
        unknown_surname = lower_place = False
        f_known = _known(keys[0], first)
        l_known = _known(keys[-1], last)
        mid_ok = all(p or _known(k, first) or _known(k, last) for k, p in zip(keys[1:-1], particle[1:-1]))
        if f_known != l_known and len(words) == 2 and all(w[:1].isupper() and not w.isupper() for w in words) \
                and _YORUBA_DOT.search(norm.original, *norm.span(*seq[0 if l_known else 1][1:])):
            # round 26b: "Adébáyọ̀ Ọlálékan": a capitalised word with the Yoruba dotted vowels or s (ọ, ẹ, ṣ) beside a
            # listed name is the other half of a Yoruba name (the lists cannot hold every Ola-/Olu-/Ade- compound)
            f_known = l_known = True
        if not l_known and words[-1][:1].isupper() and _NORDIC_PATRONYMIC.fullmatch(keys[-1]):
            l_known = True  # round 20b: "Sigrún Hallgrímsdóttir", "Jón Einarsson": a patronymic is a surname
        if (not (f_known and l_known and mid_ok) and len(keys) in (2, 3) and not context.is_all_caps(norm.text)
                and all(w[:1].isupper() and not w.isupper() for w in words)):
            # round 22b: names in a case form ("Bartosza Wróblewskiego", "Aino Kettusesta", "Szabó Réka Annáról",
            # "Mehmet Yılmazer'in"): look the words up again without their case endings
            inflected = self._inflected(keys, first, last)
            if inflected:
                f_known = l_known = mid_ok = True
                unknown_surname = inflected in ("turkish", "surname_ending")
        if (not (f_known and l_known) and len(keys) == 2 and keys[-1][-1:] in _CZECH_ADJ_LAST
                and not all_caps and all(w[:1].isupper() and not w.isupper() for w in words)
                and self._czech_adjective_surname(norm, seq, keys, first, last)):
            f_known = l_known = mid_ok = unknown_surname = True  # round 30b: "Petry Hořejší", "Jany Nové"
        if (not (f_known and l_known and mid_ok) and len(keys) in (2, 3) and not all_caps
                and all(w[:1].isupper() and not w.isupper() for w in words)
                and self._hungarian_name(norm, seq, keys, first, last)):
            f_known = l_known = mid_ok = True  # round 24b: "Szabó Ildikó portréja", "Kovácsné Szabó Erzsébet"
        if vietnamese:
            f_known = l_known = mid_ok = True  # round 22b: "anh Nguyễn Văn Thắng đang câu cá"
        if keys[0] in _EAST_ASIAN_SURNAMES and len(keys) <= 3 and not (
                # round 22b: a two-syllable Vietnamese pair with no person cue is a place ("Phan Thiết", "Hạ Long")
                len(keys) == 2 and not vietnamese and keys[0] in _VIETNAMESE_SURNAMES and _vietnamese_place(norm, seq)) and "-".join(keys) not in romanised.COMPOUNDS and all(
                2 <= len(k) <= 8 and k.isalpha() and k not in self._common() for k in keys[1:]):
            f_known = l_known = mid_ok = True  # "Chen Wei", "Nguyen Van An": surname first
        if (len(keys) == 4 and particle[1] and particle[2] and not all_caps
                and (not cap_particle or f_known or self._cue(norm.lower, seq[0][1], seq[-1][2]) > 0) and words[0][:1].isupper()
                and words[-1][:1].isupper() and keys[0] not in self._common()
                and keys[0] not in context.THING_NOUNS and keys[0] not in _PLACE_WORDS_BEFORE_PARTICLES
                and keys[-1] not in context.THING_NOUNS):
            # "Arjen van der Berg", "Johanna van den Heuvel": two surname particles between capitalised words make
            # a first name and a surname, whether the lexicons hold them or not (round 18b)
            f_known = l_known = True
        if (not l_known and len(keys) == 2 and f_known and not all_caps and self._surname_like(words[-1], keys)
                and (self._cue(norm.lower, seq[0][1], seq[-1][2]) > 0 or _PERSON_NEXT.match(norm.lower, seq[-1][2])
                     or (_AT_PLACE.match(norm.lower, seq[-1][2]) and keys[-1] not in self._wordfreq())
                     or self._pictured_pair(norm, seq, keys))):
            # "Paul Giamatti", "Bukayo Saka": a first name and a capitalised word no lexicon
            # or word list knows is most likely a surname
            l_known = unknown_surname = True
        if (not l_known and len(keys) == 2 and f_known and not all_caps and all(w.islower() for w in words)
                and _AT_PLACE.match(norm.lower, seq[-1][2]) and keys[0] not in self._common()
                and len(keys[-1]) >= 5 and keys[-1].isalpha() and keys[-1] not in self._wordfreq()
                and keys[-1] not in context.THING_NOUNS and not re.search(r"(?:ing|ed|ly|ness|ment|tion|s)$", keys[-1])
                and not set(context.words_before(norm.lower, seq[0][1], 2)) & _DETERMINERS):
            # "lena vaterrodt at the bakery": a listed first name and a word no list knows, then where they are
            l_known = unknown_surname = lower_place = True
        if (not l_known and len(keys) == 2 and f_known and not all_caps and all(w.islower() for w in words)
                and (seq[0][1] == 0 or _DEPICTION_OF_BEFORE.search(norm.lower, max(0, seq[0][1] - 30), seq[0][1]))
                and keys[0] not in self._common() and keys[0] in first
                and len(keys[-1]) >= 4 and keys[-1].isalpha() and re.search(r"[aeiouy]", keys[-1])
                and keys[-1] not in self._wordfreq() and keys[-1] not in self._common()
                and keys[-1] not in context.THING_NOUNS and keys[-1] not in context.REGIONS
                and not re.search(r"(?:ing|ed|ly|ness|ment|tion|s)$", keys[-1])
                and (_lower_action_next(norm.lower, seq[-1][2])
                     or _LOWER_ING_POSSESSIVE.match(norm.lower, seq[-1][2]) is not None)):
            # "lena vaterrodt singing on stage", "dewi kartikasari bernyanyi": a lower-case prompt that opens with a
            # listed first name (no dictionary word) and a word no list knows, then what a person does (round 17b)
            l_known = unknown_surname = lower_place = True
        if (len(keys) == 3 and not all_caps and not (f_known and l_known and mid_ok) and not any(particle)
                and self._three_word_subject(norm, seq, keys, l_known)):
            # "Samia Suluhu Hassan akihutubia bunge": three words no dictionary knows (or a listed surname last)
            # opening the prompt before a clause (round 16)
            f_known = l_known = mid_ok = unknown_surname = True
        if (len(keys) == 2 and not (f_known and l_known) and not all_caps and self._foreign_subject(norm, seq, keys,
                                                                                           f_known, l_known)):
            # "Kemal Sunal bir köy kahvesinde", "Chavela Vargas con poncho", "Isao Takahata at a storyboard
            # table": a name as the subject of a clause, in any language (round 15)
            f_known = l_known = unknown_surname = True
        if (not f_known and not l_known and len(keys) == 2 and not all_caps
                and _after_relationship(norm.lower, seq[0][1])
                and all(self._surname_like(w, [k, k]) for w, k in zip(words, keys))):
            # "my student Aigerim Bekova": two capitalised unlisted words right after a
            # possessive relationship are a name the lexicons do not hold
            f_known = l_known = unknown_surname = True
        if (len(keys) == 3 and not all_caps and f_known and not (l_known and mid_ok)
                and all(w[:1].isupper() and not w.isupper() for w in (words[0], words[2]))
                and keys[0] in first and keys[0] not in self._common() and keys[0] not in _PLACE_FIRST):
            # round 29b: a listed given name, then a second word no list holds between it and the surname
            mid_ok, l_known, unknown_surname = self._three_part(norm, seq, keys, words, particle, last,
                                                                mid_ok, l_known, unknown_surname)
        if not l_known or not mid_ok or re.split(r"['\u2019 ]", keys[-1])[0] in _STREET_AFTER:
            return None  # (round 15) "Alexander Platz": a street word that is also a surname
        capitalised = all(w[:1].isupper() or p for w, p in zip(words, particle))
        lower = norm.lower
        start, end = seq[0][1], seq[-1][2]
        cue = self._cue(lower, start, end)
        if not capitalised and not (cue >= 0.2 and not all_caps and f_known) and not (
                f_known and not all_caps and len(keys) == 2 and all(w.islower() for w in words)
                and (_lower_person_next(lower, end, start=start) or (
                    _AT_PLACE.match(lower, end) and keys[0] not in self._common() and len(keys[-1]) >= 5
                    and keys[-1] not in self._wordfreq()))):
            # lower-case word pairs are names only with a relationship cue, or when what follows is
            # said of a person ("daniel okafor from the third floor", "... at his graduation")
            return None
        just_before = context.words_before(lower, start, 1)
        relation_before = _after_relationship(lower, start) or (
            len(keys) == 2 and bool(just_before) and just_before[-1] in _RELATION_TITLES)
        if not capitalised and self._dictionary_words(keys) and not (
                keys[0] in first and keys[-1] in last and not {keys[0], keys[-1]} & self._common()
                and (_lower_person_next(lower, end, strict=True, start=start) or relation_before
                     # round 40c: listed names that are words of some language too ("paulo freire", "lucia moretti")
                     # with a Romance gerund or an -ing verb and the person's own thing after them
                     or _LOWER_GERUND.match(lower, end) is not None
                     or _LOWER_ING_POSSESSIVE.match(lower, end) is not None)):
            # "student council handing": dictionary words, not a name, whatever the cue; listed names
            # that are frequent words too count when a person clause follows ("jim henson at his desk")
            return None
        common = self._common()
        first_common, last_common = keys[0] in common, keys[-1] in common
        if keys[-1] in self._common_surnames():
            # "Grace Moore", "Mark Hall": a frequent surname makes a name of a word-like first name
            first_common = last_common = False
        frequent = self._common_surnames()
        if (first_common and last_common) or any(
                k in context.THING_NOUNS or (k in _NOT_SURNAMES and k not in frequent) for k in keys[1:]):
            return None  # "Red Hair", "Brooklyn Bridge", "Billy Goat", "Orion Nebula"
        score = (0.35 if f_known else 0.0) + (0.1 if unknown_surname else 0.3)
        score += 0.2 if capitalised and not all_caps else 0.15 if lower_place else 0.0
        # English words that are names ("Rose", "Blue") weigh more than other languages' words ("Costa")
        score += cue - (0.35 if keys[0] in COMMON_WORDS else 0.2) * first_common
        score -= (0.35 if keys[-1] in COMMON_WORDS else 0.2) * last_common
        if not f_known and cue < 0.2:
            return None  # an unknown first word needs context ("headshot of Rajesh Kumar")
        if all_caps and cue == 0:
            return None  # "A Fairy Riding A Horse": in Title Case / ALL CAPS a pair of names needs context
        why = ("first name and unlisted surname" if unknown_surname else
               "first name and surname" if f_known else "surname") + (" with context cue" if cue else "")
        return min(score, 0.9), seq, why

    def _portrait_subjects(self, norm: NormalizedText, tokens: list[Token], known: bytearray) -> list[Finding]:
        """Round 42: "portrait of Zhaksylyk Omarbekov in his office": unknown name words after a portrait word."""
        lower = norm.lower
        if _FICTION_OR_OBJECT.search(lower):
            return []  # "portrait of Geralt Rivia, fantasy art": a character
        cities = self.cache.get("lexicon.cities", load_city_names)

        def unknown(k: str) -> bool:
            key = match_key(k)[0]
            return self._unknown_word(key) and key not in cities and k not in _DEITY_NAMES

        def person_next(end: int) -> bool:
            return bool(_PERSON_NEXT.match(lower, end) or _FOREIGN_PERSON_NEXT.match(lower, end)
                        or _IN_OWN.match(lower, end))

        out = []
        for ps, pe in portrait_subject.find(norm.text, lower, unknown, person_next):
            seq = [t for t in tokens if ps <= t[1] and t[2] <= pe]
            if seq and not any(known[ps:pe]) and not self._listed_in_case_form(lower[ps:pe]):
                f = self._finding(norm, seq, 0.7, "unknown name after a portrait word")
                if f is not None:
                    out.append(f)
        return out

    def _listed_in_case_form(self, words: str) -> bool:
        """Whether a listed name or thing stands in a Slavic case form ("portret Mony Lisy": Mona Lisa in the Polish
        genitive; "portret Lva Tolstogo" is the gazetteer's): the feminine -y/-i back to -a, a masculine -a, -u or -e
        dropped, word by word."""
        keys = match_key(words)[0].split()
        forms = {" ".join(k[:-1] + "a" if k[-1:] in ("y", "i") else k for k in keys),
                 " ".join(k[:-1] if k[-1:] in ("a", "u", "e") else k for k in keys)}
        return any(h.start == 0 and h.end == len(form) for form in forms
                   for index in (builtin_index(self.cache), non_person_index(self.cache)) for h in index.exact(form))

    def _pictured_pair(self, norm: NormalizedText, seq: list[Token], keys: list[str]) -> bool:
        """Round 32b: a listed given name and an unlisted surname-like word asked for as a picture in any language.

        A picture word right after the pair ("Aylin Karadağ portresi", "... portreefoto", "... photo"), or the pair
        opening the prompt with a picture word anywhere in it ("Aylin Karadağ mezuniyet töreninde ..., fotoğraf"),
        is a cue the pre-posed picture words ("photo of") already give; the surname must be no dictionary word.
        """
        lower, start, end = norm.lower, seq[0][1], seq[-1][2]
        if (keys[-1] in self._wordfreq() or keys[0] in self._common() or keys[-1].endswith(_PLACE_COMPOUND_ENDS)
                or keys[0] in _DEITY_NAMES):
            return False  # round 33b: a deity's name before a place names an artefact ("Venus Willendorf photo")
        if _FICTION_OR_OBJECT.search(lower):
            return False  # "Sakura Haruno portrait, anime style", "Venus Willendorf photo, statue": no private person
        if _PICTURE_AFTER.match(lower, end):
            return True
        return start == 0 and _PICTURE_ANYWHERE.search(lower, end) is not None

    def _foreign_subject(self, norm: NormalizedText, seq: list[Token], keys: list[str], f_known: bool,
                         l_known: bool) -> bool:
        """Two capitalised words that start the prompt, then a preposition, gerund or verb said of a person.

        A listed first name needs an unlisted surname-like word; an unlisted first name (no word of the
        ``wordfreq`` languages unless the surname is listed: "Caetano Veloso") needs a surname no dictionary
        knows or one the surname list holds, and the pair must open the prompt ("Wisława Szymborska z ...")."""
        words = [t for t, _, _ in seq]
        end = seq[-1][2]
        lower = norm.lower
        if not all(w[:1].isupper() and not w.isupper() for w in words) or not self._surname_like(words[-1], keys):
            return False
        if keys[0] == keys[-1] or keys[0] in _PLACE_FIRST:
            # "Bora Bora la apus": a doubled word is a place or a thing; (round 22b) "Torre Annunziata al mare",
            # "Porto Cervo": a place word that may be a given name too opens a place name
            return False
        foreign = _FOREIGN_PERSON_NEXT.match(lower, end) is not None
        english = _PERSON_NEXT.match(lower, end) is not None or _AT_PLACE.match(lower, end) is not None
        if not (foreign or english) or keys[-1] in _PLACE_AFTER or keys[-1].rstrip("s") in context.THING_NOUNS:
            return False  # "Alexander Platz im Winter", "Petronas Towers at the ..."
        dictionary = self._wordfreq()
        if l_known and not f_known and not foreign and not (
                keys[0] not in dictionary and re.match(r"\s+[^\W\d_]{3,}ing\b", lower[end:end + 20])):
            # a listed surname after an unlisted word is a person only where it opens a clause abroad, or an English
            # gerund follows a first word no dictionary knows ("Neeraj Chopra throwing the javelin", round 16)
            return False
        if f_known:
            return foreign and keys[-1] not in dictionary
        if seq[0][1] != 0 or not self._surname_like(words[0], [keys[0], keys[0]]):
            return False
        return (l_known and keys[0] not in self._common()) or (keys[0] not in dictionary and keys[-1] not in dictionary)

    def _inflected(self, keys: list[str], first: frozenset[str], last: frozenset[str]) -> str:
        """How capitalised words resolve to a name once case endings are off: "given" (given name(s) then a
        surname, Polish/Czech/Finnish/Icelandic/...), "surname_first" (Hungarian "Szabó Réka Annáról"),
        "turkish" (a listed given name, then an unlisted word with a Turkish case suffix after an apostrophe:
        Turkish writes one only after a proper noun) or "" (no name). Every word must resolve, no word may be a
        dictionary or common word as written, and at least one must actually carry an ending."""
        dictionary = self._wordfreq()
        common = self._common()
        if any(k in common or k in context.THING_NOUNS or k in context.REGIONS for k in keys):
            return ""
        if len(keys) == 2 and " " in keys[1] and _known(keys[0], first):
            stem, _, suffix = keys[1].partition(" ")
            if (suffix in inflection.TURKISH_SUFFIX_KEYS and " " not in suffix and len(stem) >= 4 and stem.isalpha()
                    and stem not in dictionary and stem not in common and stem not in context.REGIONS
                    and stem not in _PLACE_AFTER and re.search(r"[aeiouy]", stem)):
                return "turkish"
        if any(not k.isalpha() for k in keys):
            return ""

        def forms(k: str) -> tuple[str, ...]:
            if k in dictionary:
                return (k,)  # an ordinary word is read as written ("Balatonnál" is no name either way)
            return (k,) + inflection.lemmas(k)

        def hit(k: str, lexicons: tuple[frozenset[str], ...]) -> tuple[bool, bool]:
            """(resolves, only through an ending)"""
            if any(_known(k, lex) for lex in lexicons):
                return True, False
            return any(len(c) >= 4 and any(_known(c, lex) for lex in lexicons) for c in forms(k)[1:]), True

        head = [hit(k, (first,)) for k in keys[:-1]]
        if not head[0][0] and keys[0] not in dictionary:
            # Polish "Bartosz" is in the surname list only: an inflected first word may be found there
            lemma_in_last = any(len(c) >= 4 and _known(c, last) for c in inflection.lemmas(keys[0]))
            head[0] = (lemma_in_last, True)
        tail = hit(keys[-1], (last,))
        if not tail[0] and _NORDIC_PATRONYMIC.fullmatch(keys[-1]):
            tail = True, False
        if (len(keys) == 2 and not head[0][0] and keys[0] in dictionary and tail[0] and tail[1]
                and any(len(c) >= 4 and _known(c, first) for c in inflection.lemmas(keys[0]))):
            # round 25b: a given name whose case form is also a word ("Petry", "Marty") read as the name when the
            # surname after it carries a case ending too ("Petry Dvořákové": both genitive)
            head[0] = (True, True)
        if all(r for r, _ in head) and tail[0] and (tail[1] or any(e for _, e in head)):
            return "" if self._listed_lemma(keys) else "given"
        if (len(keys) == 2 and head[0][0] and not tail[0] and len(keys[-1]) >= 6
                and keys[-1].endswith(_SURNAME_ENDINGS) and keys[-1] not in dictionary
                and keys[-1] not in self.cache.get("lexicon.cities", load_city_names)):
            # round 24b: a listed given name (as written or in a case form) and an unlisted word with a surname
            # ending of its language ("Kateřiny Hrubešové", "Agnieszki Brzęczyszczykiewicz", "Olgi Sidorovoy",
            # "Rasa Jankauskienė"): a surname the lists miss
            return "" if self._listed_lemma(keys) else "surname_ending"
        # surname first (Hungarian): a surname that is no given name, then given names, the last inflected
        if (_known(keys[0], last) and not _known(keys[0], first) and keys[0] not in dictionary
                and all(_known(k, first) for k in keys[1:-1]) and not _known(keys[-1], first)
                and any(len(c) >= 4 and _known(c, first) for c in inflection.hungarian_lemmas(keys[-1]))):
            return "" if self._listed_lemma(keys) else "surname_first"
        return ""

    def _czech_adjective_surname(self, norm: NormalizedText, seq: list[Token], keys: list[str],
                                 first: frozenset[str], last: frozenset[str]) -> bool:
        """Round 30b: a Czech/Slovak adjectival surname ("Hořejší", "Nová", "Veselého", "Krejčí") after a listed given
        name, the given name often in a case form ("Petry", "Jany", "Kateřiny"): the lists cannot hold every
        adjective-shaped surname, and the long vowel written at its end marks one. Czech-only evidence is required:
        a given name read only through its case ending, or a Czech-only letter or "-ý" in the surname; a surname
        that is also a word ("Nové") counts only after a case-form given name and when its nominative is listed."""
        # (the surname as written: the match key has lost the accents that mark it)
        written = norm.original[slice(*norm.span(seq[-1][1], seq[-1][2]))].strip()
        tail, key = written, keys[-1]
        if len(key) < 4 or not key.isalpha() or not _CZECH_ADJ_SURNAME.fullmatch(tail):
            return False
        if (key in self._common() or key in context.THING_NOUNS or key in context.REGIONS or _known(key, first)
                or key in self.cache.get("lexicon.cities", load_city_names)):
            return False
        head = keys[0]
        if head in self._common() or head in context.THING_NOUNS or head in context.REGIONS:
            return False
        oblique = not _known(head, first) and any(len(c) >= 4 and _known(c, first) for c in inflection.lemmas(head))
        if not (oblique or _known(head, first)):
            return False
        if key in self._wordfreq():
            return oblique and any(_known(c, last) for c in inflection.lemmas(key))
        return oblique or _CZECH_LETTERS.search(tail) is not None or tail.endswith("ý")

    def _hungarian_name(self, norm: NormalizedText, seq: list[Token], keys: list[str], first: frozenset[str],
                        last: frozenset[str]) -> bool:
        """A Hungarian name as Hungarian writes it, surname first, in the nominative: a listed surname that is no
        given name, then listed given names ("Szabó Ildikó"), said of a person by a possessed picture word after it
        ("portréja", "fotója", "képe"); or with the married-name suffix "-né" on the surname or the husband's given
        name ("Kovácsné Szabó Erzsébet", "Kovács Jánosné"), which marks a woman's name by itself (round 24b)."""
        dictionary = self._wordfreq()
        if any(k in dictionary or not k.isalpha() for k in keys):
            return False
        head, tail = keys[0], keys[-1]
        married = (head.endswith("ne") and len(head) >= 5 and _known(head[:-2], last)) or (
            tail.endswith("ne") and len(tail) >= 5 and _known(tail[:-2], first) and _known(head, last))
        if married:
            # the words between (a maiden surname or given names) must be names too
            return all(_known(k, first) or _known(k, last) for k in keys[1:])
        if not (_known(head, last) and not _known(head, first) and all(_known(k, first) for k in keys[1:])):
            return False
        return _HUNGARIAN_PICTURE_AFTER.match(norm.lower, seq[-1][2]) is not None

    def _listed_lemma(self, keys: list[str]) -> bool:
        """Whether the words, with case endings off, spell a listed thing or character ("portret Mony Lisy": the
        Mona Lisa) or a listed person (the gazetteer's business: "Roberta Lewandowskiego")."""
        first, last = self._lexicons()
        # each word as written or as a nominative the name lists hold (one to three forms, not every candidate)
        options = [(k,) + tuple(c for c in inflection.lemmas(k) if c in first or c in last)[:3] for k in keys]
        for combo in itertools.product(*options):
            joined = " ".join(combo)
            for index in (non_person_index(self.cache), builtin_index(self.cache)):
                if any(h.start == 0 and h.end == len(joined) for h in index.exact(joined)):
                    return True
        return False

    def _vietnamese_name(self, norm: NormalizedText, seq: list[Token], keys: list[str]) -> bool:
        """A Vietnamese surname and one or two given syllables, every word capitalised, written with Vietnamese
        tone marks, and said of a person: three syllables (surname, middle and given name), or an honorific
        or kin word before ("anh", "chị", "ông", "bà") or "is doing" after ("đang"). Two-syllable names
        that are places ("Phan Thiết", "Cao Bằng") have neither."""
        words = [t for t, _, _ in seq]
        if not all(w[:1].isupper() and not w.isupper() and w.isalpha() and len(k) <= 7 for w, k in zip(words, keys)):
            return False
        a, b = norm.span(seq[0][1], seq[-1][2])
        if not any(_vietnamese_marked(w) for w in norm.original[a:b].split()):
            return False
        if any(k in context.THING_NOUNS or k in context.REGIONS for k in keys) or len(set(keys)) < len(keys):
            return False
        # (the words as written: without accents "cổ" (old) would be "cô" (Miss))
        before = norm.original[max(0, a - 12):a].lower().split()
        after = norm.original[b:b + 12].lower().split()
        said_of_person = (bool(before) and before[-1] in _VIETNAMESE_HONORIFICS) or (
            bool(after) and after[0].strip(",.") in _VIETNAMESE_PERSON_NEXT)
        return said_of_person or (len(keys) == 3 and self._cue(norm.lower, seq[0][1], seq[-1][2]) > 0) or (
            len(keys) == 3 and keys[1] in _VIETNAMESE_MIDDLE)

    def _cap_particle_name(self, words: list[str], keys: list[str]) -> bool:
        """Round 34c: whether a capitalised particle ("Lo", "Di", "Le", "Van") after ``words[0]`` opens a surname:
        the first word is a listed given name that opens no place name ("Marina Di ..." is a seaside town) and
        the surname after the particle(s) is capitalised and no thing or region."""
        k0, k = keys[0], keys[-1]
        return (words[0][:1].isupper() and not words[0].isupper() and words[-1][:1].isupper()
                and not words[-1].isupper() and k0 in self._lexicons()[0] and k0 not in _PLACE_OPENERS
                and k0 not in _PLACE_WORDS_BEFORE_PARTICLES and len(k) >= 2 and k.isalpha()
                and k not in context.THING_NOUNS and k not in context.REGIONS
                and k not in self.cache.get("lexicon.cities", load_city_names))

    def _three_part(self, norm: NormalizedText, seq: list[Token], keys: list[str], words: list[str],
                    particle: list[bool], last: frozenset[str], mid_ok: bool, l_known: bool,
                    unknown_surname: bool) -> tuple[bool, bool, bool]:
        """(mid_ok, l_known, unknown_surname) of a three-word name that opens with a listed given name (round 29b).

        "Lucía Etxeberria Gómez", "Ahmad Fauzi Siregar": a capitalised middle word no dictionary holds between the
        given name and a listed surname is a first surname or a second given name (Basque/Spanish double surnames,
        Indonesian three-part names). "Sanne de Wijngaarden": a surname particle and a capitalised word no
        dictionary holds, with a picture word or what a person does around it, is a particle surname.
        """
        if (l_known and not mid_ok and not particle[1] and words[1][:1].isupper() and not words[1].isupper()
                and self._unknown_word(keys[1])):
            return True, True, True
        k = keys[2]
        if (not l_known and particle[1] and (keys[1] in _SURNAME_PARTICLES or words[1] in _CAP_PARTICLES)
                and words[2][:1].isupper()
                and not words[2].isupper() and len(k) >= 3 and k.isalpha() and re.search(r"[aeiouy]", k)
                and k not in self._common() and k not in context.THING_NOUNS and k not in context.REGIONS
                and keys[0] not in _PLACE_OPENERS and k not in self.cache.get("lexicon.cities", load_city_names)):
            # (the surname may be a word too: "de Vries", "van Wijngaarden"; the cue below says it is a person)
            lower = norm.lower
            start, end = seq[0][1], seq[-1][2]
            if (self._cue(lower, start, end) > 0 or _PERSON_NEXT.match(lower, end)
                    or _FOREIGN_PERSON_NEXT.match(lower, end) or _DUTCH_PERSON_NEXT.match(lower, end)):
                return mid_ok, True, True
        return mid_ok, l_known, unknown_surname

    def _unknown_word(self, k: str) -> bool:
        """A word no dictionary, common-word, thing or region list holds that can be part of a name."""
        return (len(k) >= 3 and k.isalpha() and re.search(r"[aeiouy]", k) is not None and k not in self._common()
                and k not in self._wordfreq() and k not in context.THING_NOUNS and k not in context.REGIONS)

    def _wordfreq(self) -> frozenset[str]:
        return self.cache.get("lexicon.wordfreq", load_dictionary_words)

    def _three_word_subject(self, norm: NormalizedText, seq: list[Token], keys: list[str], l_known: bool) -> bool:
        """Three capitalised words opening the prompt, then a preposition, gerund or verb of a person: the first two
        are no dictionary or common word and the last is a listed surname or no dictionary word either."""
        words = [t for t, _, _ in seq]
        lower = norm.lower
        end = seq[-1][2]
        if seq[0][1] != 0 or not all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in words):
            return False
        if not (_FOREIGN_PERSON_NEXT.match(lower, end) or _PERSON_NEXT.match(lower, end)):
            return False
        dictionary = self._wordfreq()
        common = self._common()
        if any(k in dictionary or k in common or k in context.THING_NOUNS or k in context.REGIONS for k in keys[:2]):
            return False
        if len(set(keys)) < 3 or keys[-1] in _PLACE_AFTER or keys[-1] in context.THING_NOUNS:
            return False
        return l_known or keys[-1] not in dictionary

    def _double_barrel(self, norm: NormalizedText, all_caps: bool) -> list[Finding]:
        """"Olumide Adebayo-Okon", "J. Pemberton-Hale": a given name or an initial before a hyphenated double
        surname whose parts are no dictionary words is a name (round 13); a thing or place after it ("Rolls-Royce
        engine"), a listed span ("Mercedes-Benz") or a dictionary word before it ("vintage Mercedes-Benz") is not."""
        if all_caps:
            # round 42c: two listed surnames hyphenated before a suffixed given name are evidence of their own; a short
            # prompt holding one ("fotó Kovács-Szabó Rékáról a Balatonnál") is Title Case by the name's own capitals
            if "-" in norm.text and not context.is_all_caps(norm.text):
                return self._double_barrel_first(norm, self._wordfreq(), self._lexicons()[0])
            return []
        out = []
        words = self._wordfreq()
        first = self._lexicons()[0]
        for m in _DOUBLE_BARREL.finditer(norm.text):
            given, parts = m.group("given"), [m.group("a"), m.group("b")]
            if not all(p[:1].isupper() and p[1:].islower() and len(p) >= 3 for p in parts + ([given] if len(given) > 2
                                                                                           else [])):
                continue
            keys = [match_key(p)[0] for p in parts]
            gk = match_key(given.rstrip("."))[0]
            if any(k in context.THING_NOUNS or k in context.REGIONS for k in keys):
                continue
            if all(k in words for k in keys) and not (
                    gk in first and _PICTURE_OF.search(norm.lower, max(0, m.start("given") - 30), m.start("given"))):
                continue  # round 20b: "photo d'Anaïs Lefebvre-Morel": surnames that are words too, after a first name

            if len(given) > 2 and ((gk in words and gk not in first) or gk in _STOP or gk in context.FUNCTION_WORDS):
                continue
            span = norm.lower[m.start("a"):m.end("b")]
            key = match_key(span)[0]
            if builtin_index(self.cache).exact(key) or non_person_index(self.cache).exact(key):
                continue
            seq = [(given, m.start("given"), m.end("given")), (m.group("a") + "-" + m.group("b"), m.start("a"),
                                                               m.end("b"))]
            f = self._finding(norm, seq, 0.6, "given name or initial and a double surname")
            if f is not None:
                out.append(f)
        if "-" in norm.text:  # the pre-check: no hyphen, no double surname
            out += self._double_barrel_first(norm, words, first)
        return out

    def _double_barrel_first(self, norm: NormalizedText, words: frozenset[str],
                             first: frozenset[str]) -> list[Finding]:
        """Round 27b. A double surname before the given name, the order of Hungarian names, the given name
        maybe with a case suffix ("Kovács-Szabó Eszterről", "Nagy-Tóth Gáborral"): both surname parts listed
        surnames and no dictionary words, the given name listed as written or after a Hungarian suffix."""
        out = []
        last = self._lexicons()[1]
        for m in _DOUBLE_BARREL_FIRST.finditer(norm.text):
            parts = [m.group("a"), m.group("b")]
            keys = [match_key(p)[0] for p in parts]
            if not all(p[1:].islower() and len(k) >= 3 and k in last and k not in words
                       and k not in context.THING_NOUNS and k not in context.REGIONS for p, k in zip(parts, keys)):
                continue
            gk = match_key(m.group("given"))[0]
            if gk in words and gk not in first:
                continue
            if not (gk in first or any(len(c) >= 4 and c in first for c in inflection.hungarian_lemmas(gk))):
                continue
            span = norm.lower[m.start("a"):m.end("given")]
            if builtin_index(self.cache).exact(match_key(span)[0]):
                continue
            seq = [(m.group("a") + "-" + m.group("b"), m.start("a"), m.end("b")),
                   (m.group("given"), m.start("given"), m.end("given"))]
            f = self._finding(norm, seq, 0.6, "double surname and a given name after it")
            if f is not None:
                out.append(f)
        return out

    def _dictionary_words(self, keys: list[str]) -> bool:
        """Whether every word is a dictionary word (``wordfreq``) and the last is no first name either."""
        words = self.cache.get("lexicon.wordfreq", load_dictionary_words)
        return all(k in words for k in keys) and keys[-1] not in self._lexicons()[0]

    def _surname_like(self, word: str, keys: list[str]) -> bool:
        """A capitalised unknown word after a (non-word) first name that can be a surname."""
        k = keys[-1]
        return (word[:1].isupper() and not word.isupper() and len(k) >= 3 and k.replace(" ", "").isalpha()
                and re.search(r"[aeiouy]", k) is not None and k not in self._common()
                and keys[0] not in self._common() and k not in context.THING_NOUNS
                and k not in context.REGIONS and not re.search(r"(?:ing|ed|ly|ness|ment|tion)$", k))

    def _single(self, norm: NormalizedText, tokens: list[Token], i: int, first: frozenset[str],
                all_caps: bool) -> Scored | None:
        """"my wife Sarah": a capitalised first name right after a possessive relationship."""
        word, start, end = tokens[i]
        k = match_key(word)[0]
        if all_caps or not word[:1].isupper() or k in self._common():
            return None
        # a name-like word: no list word, function word or thing ("my boss Linda", "my coworker Raj")
        # "Mei-Ling": a hyphenated given name, every part capitalised
        name_like = (k.replace(" ", "").isalpha() and len(k) >= 2
                     and (" " not in k or (k.count(" ") == 1 and word.count("-") == 1
                                          and all(p[:1].isupper() for p in word.split("-")))) and re.search(r"[aeiouy]", k) is not None
                     and k not in context.FUNCTION_WORDS and k not in context.THING_NOUNS and not word.isupper())
        if k not in first and not name_like:
            return None
        before = context.words_before(norm.lower, start, 2)
        if before and before[-1] in _PERSON_TITLES and k in self._lexicons()[1] and k not in self._common():
            return 0.6, [tokens[i]], "title and surname"  # "my therapist Dr. Feldman", "Mrs Patterson"
        if len(before) == 2 and before[0] in _POSSESSIVE and before[1] in _ROLE_NOUNS:
            return 0.6, [tokens[i]], "first name after a relationship"
        law = context.words_before(norm.lower, start, 4)
        if len(law) == 4 and law[0] in _POSSESSIVE and law[1] in _RELATION and law[2:] == ["in", "law"]:
            return 0.6, [tokens[i]], "first name after a relationship"  # "my sister-in-law Priya"
        if len(before) == 2 and before[0] == "the" and before[1] in _ROLE_NOUNS and k in first:
            return 0.6, [tokens[i]], "first name after a role"  # "the intern Kevin", "the new intern Kevin"
        far = context.words_before(norm.lower, start, 3)
        if len(far) == 3 and far[0] == "the" and far[1] in _RELATION_ADJECTIVES and far[2] in _ROLE_NOUNS and k in first:
            return 0.6, [tokens[i]], "first name after a role"
        if len(far) == 3 and far[0] in _POSSESSIVE and far[2] in _ROLE_NOUNS and (
                far[1] in _RELATION_ADJECTIVES or far[1] not in context.FUNCTION_WORDS):
            # "my late father Ignacio", "my ex-girlfriend Chloe", "our mail carrier Denise"
            return 0.6, [tokens[i]], "first name after a relationship"
        role = _ROLE_AT_PLACE.search(norm.lower[max(0, start - 60):start])
        if role and role.group(1) in _ROLE_NOUNS and norm.text[end:end + 1] == ",":
            return 0.6, [tokens[i]], "first name after a role at the user's place"  # "the barista at my cafe, Hamid,"
        m = re.search(r"\b([A-Z][a-z]+)\s+$", norm.text[max(0, start - 20):start])
        if not m and k in first:  # "auntie Lin": a lower-case relation title before a listed first name
            m = re.search(r"\b([a-z]+)\s+$", norm.text[max(0, start - 20):start])
        if m and m.group(1).lower() in _RELATION_TITLES and k not in _STOP and (k in first or (
                name_like and k not in self.cache.get("lexicon.wordfreq", load_dictionary_words))):
            # "Uncle Deepak", "Nurse Akosua"; a capitalised dictionary word is no name there (round 41 merge: German
            # capitalises nouns, "meine Oma Kuchen backend" is grandma baking cake)
            return 0.6, [tokens[i]], "first name after a relation used as a title"
        # "Jake from accounting", "Priya from HR": a colleague or acquaintance named by where they are
        if (_FROM_GROUP.match(norm.lower, end) or self._from_org(norm.text, end) or (
                _FROM_GROUP_FOREIGN.match(norm.lower, end) and k not in context.REGIONS
                and k not in self._common())) and (k in first or name_like) and not _STOP.__contains__(k):
            return 0.6, [tokens[i]], "first name with a workplace or acquaintance cue"
        return None

    def _from_org(self, text: str, end: int) -> bool:
        """" from Blackpink": a group or company that is no dictionary word ("Elsa from Frozen" is a film)."""
        m = _FROM_ORG.match(text, end)
        if not m:
            return False
        words = self.cache.get("lexicon.wordfreq", load_dictionary_words)
        org = match_key(m.group().split()[-1])[0]
        return org not in words and org not in self._common()

    @staticmethod
    def _cue(lower: str, start: int, end: int) -> float:
        cue = 0.0
        before = context.words_before(lower, start, 4)
        if any(w in _RELATION for w in before) or any(w in _RELATION for w in context.words_after(lower, end, 4)):
            cue += 0.2
        if _DEPICT.search(lower[max(0, start - 40):start]) or _DEPICT_CASE.search(lower[max(0, start - 30):start]):
            cue += 0.1
        if any(w in _PERSON_TITLES for w in context.words_before(lower, start, 1)):
            cue += 0.2  # "Sheikh Mohammed ...", "Mrs Patterson": a title before names a person
        if _PROFILE.search(lower):
            cue += 0.1
        return cue

    @staticmethod
    def _work_of_maker(norm: NormalizedText, ts: int, te: int) -> bool:
        """Whether an article and a work's title, then "de/di/von", stand before the maker's name in the shape or
        before it ("el David de Miguel Ángel", "el Cristo de Gregorio Fernández"), with no person cue (round 42d)."""
        lower = norm.lower
        inner = _WORK_PARTICLE.search(lower, ts, te)
        if inner and set(context.words_before(lower, ts, 1)) & _WORK_ARTICLES:
            at = inner.end()  # the title opens the shape
        elif (context.words_before(lower, ts, 3) + [""])[0] in _WORK_ARTICLES:
            at = ts
        else:
            return False
        return (context.work_by_before(lower, norm.text, at) is not None
                and not person_cues.person_evidence(lower, ts, te) and not person_cues.asks_for_person(lower)
                and not _PORTRAIT_WORD.search(lower))

    def _finding(self, norm: NormalizedText, seq: list[Token], score: float, why: str) -> Finding | None:
        ts, te = seq[0][1], seq[-1][2]
        lower = norm.lower
        if (context.thing_after(lower, te, text=norm.text) or context.place_before(lower, ts) or context.pet_or_object_name(lower, ts)
                or context.invented_character_before(lower, ts) or context.place_name(lower, ts, te)
                or context.variety_after(lower, ts, te) or context.generic_placeholder_before(lower, ts)
                or context.devotional_title(lower, ts, te) or context.example_name_near(lower, ts, te)
                or context.fiction_apposed(lower, te)):
            return None
        if not lower.isascii() and context.words_before(lower, ts, 1) in (["mot"], ["nhung"], ["cac"], ["vai"]):
            return None  # round 43d: Vietnamese "một vị tướng già" (an old general): a counted noun, no name
        if context.story_tag(lower) and not person_cues.asks_for_person(lower) and _RELATION.isdisjoint(re.findall(r"\w+", lower)):
            return None  # round 43d: "Aldar Kose on his horse, Kazakh folk tale": a character of the tale
        if "-" in lower[ts:te] and self._compound_noun_head(norm, ts, te):
            return None
        if context.museum_cue(lower) and self._work_of_maker(norm, ts, te):
            return None  # round 42d: "el David de Miguel Ángel, museo": an article, a work's title, "de", its maker
        if lower[ts:te].rsplit(" ", 1)[-1] in _FIRM_WORDS or lower[ts:te].split(" ", 1)[0] in _FIRM_WORDS:
            return None  # round 40d: "Ahmed Brothers Tailors", "Hermanos Ramírez": a family firm, no person
        if len(seq) == 1 and any(c in lower for c in _MASCOT_CHEAP) and _MASCOT.search(lower):
            return None  # round 40d: "Dr. Simi bailando, botarga de farmacia": a mascot in costume
        # round 40d: a capitalised word right before the shape belongs to the same name ("buque escuela Juan
        # Sebastián de Elcano", "in the style of Raja Ravi Varma"): the context before the whole name decides
        prev = _NAME_WORD_BEFORE.search(norm.text, max(0, ts - 30), ts) if ts and norm.text[ts - 1] == " " else None
        ps = prev.start() if prev and not norm.text.isupper() else ts
        if ps != ts and context.place_before(lower, ps):
            return None
        identity = score >= self.min_score
        explanation = f"person-name shape ({why})"
        style = context.style_reason(lower, ts, te) or (context.style_reason(lower, ps, te) if ps != ts else None)
        if style:
            identity, score = False, min(score, 0.3)
            explanation += f"; {style}, not a depiction"
        if score < 0.3 and not style:
            return None
        start, end = norm.span(ts, te)
        return Finding(kind="private_person", score=round(max(0.0, min(score, 1.0)), 3), start=start, end=end,
                       text=norm.original[start:end], detector=self.id, canonical=None,
                       explanation=explanation, identity_seeking=identity)


# round 42d: the particle between a work's title and its maker ("la Venus de Botticelli", "il Mosè di Michelangelo")
_WORK_PARTICLE = re.compile(r" (?:de|di|da|del|della|do|du|von) ")
_PORTRAIT_WORD = re.compile(r"\b(?:retrat\w*|portrai\w*|ritratt\w*|portret\w*|bildnis|selfie|headshot)")
_WORK_ARTICLES = frozenset({"el", "la", "il", "lo", "le", "o", "a", "der", "die", "das", "the"})
# round 40d: family firms named "<Name> Brothers" in the languages of the prompts
_FIRM_WORDS = word_set("brothers bros sons hermanos irmaos freres fratelli gebruder gebroeders bradri")
# round 40d: mascots and costume characters (a brand's or a team's), no private person under the name
_MASCOT_CHEAP = ("mascot", "botarga", "maskot", "maskott", "mascott")
_MASCOT = re.compile(r"\b(?:mascot\w*|botarga\w*|maskot\w*|maskottchen|mascotte\w*)\b")
# round 40d: one capitalised word (not all capitals) right before a name shape, ending at the shape
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])[^\W\d_a-z][^\W\d_A-Z]+ $")


# Common East Asian surnames, written first ("Chen Wei", "Nguyen Van An", "Tanaka Hiroshi").
_EAST_ASIAN_SURNAMES = word_set("""
chen wang li zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie
song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu
nguyen tran le pham hoang phan vu vo dang bui ngo duong ly trinh dinh
kim lee park choi jung jeong kang cho yoon jang lim shin han oh seo kwon hwang ahn song
tanaka sato suzuki takahashi watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki
yamaguchi matsumoto inoue kimura hayashi shimizu
""")
def _nfc_words(text: str) -> frozenset[str]:
    """The words of ``text`` as written (accents kept, NFC)."""
    return frozenset(unicodedata.normalize("NFC", w) for w in text.split())


# Vietnamese surnames (accents off), middle names, honorifics/kin words before a name and "is doing" after it
# (round 22b)
_VIETNAMESE_SURNAMES = word_set("""nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh
truong trinh doan dao lam luong luu mai cao ta thai quach chu kieu vuong ton tang la to ha""")
_VIETNAMESE_MIDDLE = word_set("""van thi duc huu ngoc minh quang thanh xuan hoang kim thu dinh cong quoc trong
bao gia hai hong khanh tuan anh nhu phuong""")
_VIETNAMESE_HONORIFICS = _nfc_words("""anh chị ông bà em cô chú bác dì cậu
mợ thím thầy cháu bạn sĩ sư""")
_VIETNAMESE_PERSON_NEXT = _nfc_words("""đang đứng ngồi cười chạy hát mặc cầm
nhìn đọc viết vẽ ăn uống làm nấu""")


def _vietnamese_marked(word: str) -> bool:
    """A word written with a mark only Vietnamese uses: a hook above, a dot below, a horn, a breve, "đ",
    or two marks on one letter ("Nguyễn", "Thắng", "Văn")."""
    if "đ" in word or "Đ" in word:
        return True
    marks = 0
    for ch in unicodedata.normalize("NFD", word):
        if ch in "\u0309\u0323\u031b\u0306":
            return True
        if unicodedata.combining(ch):
            marks += 1
            if marks >= 2:
                return True
        else:
            marks = 0
    return False


_VIETNAMESE_PLACE_BEFORE = _nfc_words("""cảnh lịch phố tỉnh thành biển vịnh
chợ đồi núi sông hồ làng về ở tại đến thăm miền vùng quê""")
_VIETNAMESE_TIME_AFTER = _nfc_words("""lúc mùa về buổi ban ngày đêm sáng
chiều tối trong""")


def _vietnamese_place(norm: NormalizedText, seq: list[Token]) -> bool:
    """A Vietnamese-marked pair after a place or travel word ("phong cảnh Phan Thiết", "du lịch Cao Bằng") or
    before a time or season ("... lúc hoàng hôn", "... mùa thu"): a place, not a person."""
    a, b = norm.span(seq[0][1], seq[-1][2])
    if not any(_vietnamese_marked(w) for w in norm.original[a:b].split()):
        return False
    before = norm.original[max(0, a - 12):a].lower().split()
    after = norm.original[b:b + 12].lower().split()
    return (bool(before) and before[-1] in _VIETNAMESE_PLACE_BEFORE) or (
        bool(after) and after[0].strip(",.") in _VIETNAMESE_TIME_AFTER)


# Icelandic and Nordic patronymics, in their match-key spelling ("Hallgrímsdóttir", "-dóttur", "Gunnarsson")
# (round 21b: the key keeps Icelandic þ/ð and Nordic æ/ø, "Þórhallsson" -> "þorhallsson")
# Endings (match keys: accents off) that mark a surname in the languages that inflect or derive them: Czech/Slovak
# feminine and case forms (-ová/-ové/-ovou, -ská/-ské/-skou), Polish adjectival and patronymic ones (-ski/-ska/-skiej,
# -cki/-ckiej, -wicz, -czyk), East Slavic in Latin letters (-ova/-ovoy, -eva/-evoy, -ovich, -enko, -chuk), Baltic
# (-ienė, -aitė, -ytė, -utė, -auskas, -avičius, -aitis), Romanian (-escu, -eanu), Georgian (-shvili, -dze), Armenian
# (-yan), Greek (-opoulos/-opoulou, -akis, -idis/-idou) and Turkish (-oğlu): a word no list holds that ends so, after a
# listed given name, is a surname (round 24b)
_SURNAME_ENDINGS = tuple(str.split("""ova ove ovou ovej ovoy ovoi ovoj ovym ovu eva eve evou evoy evoi evym ska ske skou
skej ski skiej skiego skim skiemu sky skeho skemu ckiej cka cki ckiego ckim cky ckeho dzki dzka wicz wicza wiczem
wiczowi czyk czyka czykiem ovich ovicha evich ovna evna enko enka chuk chuka iuk yuk iene ienes ienei aite aites ute
utes yte ytes auskas ausko auskaite avicius aviciaus evicius aitis aicio escu eanu shvili dze adze yan opoulos
opoulou akis idis idou oglu ogullari"""
                                 # round 28b: Swedish (-qvist, -ström, -gren), German (-meyer, -bauer, -mann) and
                                 # Dutch (-gaarden, -huizen) compound surnames
                                 """ qvist kvist quist strom gren meyer meier bauer mann huber hofer gaarden huizen
                                 dijk"""
                                 # round 32b: Estonian compound surnames (-mäe "hill's", -saar, -pere, -nurm, -salu,
                                 # -vere, -mägi) and Tatar/Bashkir ones in Latin letters (-zyanov, -ullin, -utdinov)
                                 """ mae magi saar saare pere nurm salu vere zyanov zyanova ullin ullina utdinov
                                 utdinova"""))
# round 30b: Czech/Slovak adjectival surnames: a capitalised word ending in a long vowel or an adjective case ending
# ("Hořejší", "Nová", "Veselého", "Černému", "Malým"), Czech-only letters for the evidence that the word is Czech
_CZECH_ADJ_LAST = frozenset("iaeoumy")  # the last letter of its match key (y: -ý)
_CZECH_ADJ_SURNAME = re.compile(r"[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýžľĺŕô]+(?:[ýíáé]|ého|ému|ém|ým|ou)")
_CZECH_LETTERS = re.compile("[řěůčšžťďňŘĚŮČŠŽŤĎŇ]")
# a possessed picture word after a Hungarian name ("Szabó Ildikó portréja", "... régi fotója", round 24b)
_HUNGARIAN_PICTURE_AFTER = re.compile(r"\s+(?:[^\W\d_]+ ){0,2}(?:portr[eé]j[aá]|(?:portr[eé]|esk[uü]v[oő]i|ballag[aá]si|csal[aá]di)?fot[oó]j[aá]|f[eé]nyk[eé]pe|arck[eé]pe|"
                                      r"k[eé]pe|szelfij[eé]|rajz[aá]|festm[eé]nye|igazolv[aá]nyk[eé]pe|profilk[eé]pe)\b")
_YORUBA_DOT = re.compile("[\u1ecc\u1ecd\u1eb8\u1eb9\u1e62\u1e63]")  # ọ ẹ ṣ with their capitals (NFC)
_NORDIC_PATRONYMIC = re.compile(r"[a-zþðæø]{3,}(?:dottir|dottur|sson|ssonar|ssyni|arson|arsonar|arsyni)")
# Lower-case particles allowed between a first name and a surname.
# (round 20b: Filipino "dela"/"delos"/"delas" written as one word, "Mariano dela Cruz", "Jose delos Santos")
_MID_PARTICLES = word_set("bin ibn bint van von de da di du del della dos das le la al el ben abu dela delos delas")
# second particles of Dutch/German/Flemish surnames, after "van"/"von"/"de" ("van der Meer", "van den Berg"), and of
# Spanish and Filipino ones after "de" ("de los Santos", "de las Casas", round 20b)
_SECOND_PARTICLES = word_set("der den ter ten los las")
# words that name a place or building before "van der"/"von der" ("Huis van der Valk", "Museum van den Bosch")
_PLACE_WORDS_BEFORE_PARTICLES = word_set("""huis hotel museum kasteel slot schloss haus villa hof kerk kirche straat
laan plein weg park brug school stichting galerie gallery restaurant cafe café bakkerij""")
# round 34c: surname particles as Italian, French, Spanish, Portuguese and Dutch names write them with a capital
# ("Lo Bianco", "La Rosa", "Li Causi", "Di Stefano", "Del Piero", "Dalla Chiesa", "Le Goff", "De La Cruz", "Dos Santos")
_CAP_PARTICLES = frozenset(str.split("""Lo La Li Di De Del Della Dalla Dal Dallo Delle Degli Dei Da Le Du Des Dos Das
Do Van Von Der Den Ter Ten Los Las
Al El Bin Ibn Bint Abu Ben Ould Ni Nic Ui Mhic"""))  # Arabic and Irish too ("Layla Al Hashimi", "Siobhán Ní Bhriain")
# (matched on the normalised text, which drops the accents: Irish "Ní" is "Ni" there)
# round 29b: particles of Dutch, German and Romance surnames ("Sanne de Vries", "Lotte van Dijk", "Chiara di Stefano")
_SURNAME_PARTICLES = word_set("de van von ter ten da di del della dos das du")
# round 29b: Dutch words after a person who is doing something ("Sanne de Vries op de fiets", "... tijdens de les")
_DUTCH_PERSON_NEXT = re.compile(r"\s+(?:op|bij|tijdens|aan|naast|voor|achter|onder|in het|in de|die|wat)\b")
# Words that open a place name in Romance languages and are given names too ("Torre Annunziata", "Marina di Pisa")
_PLACE_FIRST = word_set("""torre porto monte villa isola ponte castel castello borgo san santa santo lago capo punta
marina cala forte rocca piazza palazzo costa riva playa puerto""")
# round 29b: given names that open Spanish and Portuguese place names before "de" ("Santiago de Compostela")
_PLACE_OPENERS = _PLACE_FIRST | word_set("santiago rio ciudad isla bahia vila sao nossa nuestra virgen")
# Titles that only come before a person's name.
_PERSON_TITLES = word_set("""
mr mrs ms mx dr prof professor sheikh sheikha sir dame rev reverend imam rabbi pastor
officer detective sergeant sgt lieutenant deputy sheriff constable inspector principal
""")
_NAME_PREFIXES = ("al", "el", "o", "mc", "mac", "de", "da", "di", "du", "van", "von", "le", "la",
                  "bin", "ibn", "abu", "ben")


# letters the match key keeps and the name lexicons fold (faker's Nordic locales are stored folded)
_NORDIC_FOLD = str.maketrans({"ø": "o", "æ": "ae", "þ": "th", "ð": "d", "å": "a", "œ": "oe",
                                "ł": "l"})  # round 25b: the lists spell "Bartłomiej" both ways


def _known(key: str, lexicon: frozenset[str]) -> bool:
    """Lexicon lookup that understands "al sayed", "o connor", "mary kate" (from Al-Sayed, O'Connor)."""
    if key in lexicon:
        return True
    folded = key if key.isascii() else key.translate(_NORDIC_FOLD)
    if folded != key and folded in lexicon:
        return True  # round 21b: the lexicons spell "Løvaas", "Ægir", "Þóra" as "lovaas", "aegir", "thora"
    parts = key.split()
    if len(parts) < 2:
        return False
    if "".join(parts) in lexicon:
        return True
    return any(p in lexicon for p in parts if len(p) >= 3 and p not in _NAME_PREFIXES)


# After a lower-case "first last": said of a person ("at his graduation", "with a puppet on his arm")
_LOWER_NEXT = re.compile(r"\s+(?:(?:at|in|during|on|after|before) (?:his|her|their) |with (?:a|an|his|her|their) [a-z]+ "
                         r"(?:on|in|under) (?:his|her|their) |"
                         # round 39b: a strength-sport act only a person does ("... deadlifting 500kg")
                         r"(?:deadlift\w*|squatting|benching|bench pressing|powerlifting|weightlifting|arm wrestling)\b)")
# Round 39b. Before a lower-case "first last": the user is pictured with that person ("a selfie with ...")
_LOWER_WITH_BEFORE = re.compile(r"\b(?:selfie|selfies|photo|photos|picture|pic|photograph|photographed|posing) with\s+$")


def _lower_person_next(lower: str, end: int, strict: bool = False, start: int | None = None) -> bool:
    """Whether the words after a lower-case word pair say a person is meant (not "jim beam on the rocks");
    ``strict``: only a possessive person clause or a workplace, not an action word."""
    if _LOWER_NEXT.match(lower, end) or _FROM_GROUP.match(lower, end):
        return True
    if start is not None and "with" in lower and _LOWER_WITH_BEFORE.search(lower, max(0, start - 24), start):
        return True
    if strict:
        return False
    after = context.words_after(lower, end, 1)
    if bool(after) and after[0] in person_cues.PERSON_ACTIONS:
        return True
    # round 40c: a Romance gerund ("... discursando na camara", "... dando aula"), or an English -ing verb with its
    # object or the person's own thing ("... lifting the barbell", "... standing by his house"); not after an article
    # (round 40 merge: "a rose bush climbing a stone wall" is a plant: an article makes the pair a noun phrase)
    return bool(after) and after[0].endswith(("ing", "ndo")) and (
        _LOWER_GERUND.match(lower, end) is not None or _LOWER_ING_OBJECT.match(lower, end) is not None) and not (
        start is not None and person_cues.determiner_before(lower, start))


# Round 40c. A picture of someone right before a lower-case pair ("a realistic photo of ...", "image of ..."), and an
# -ing verb with the person's own thing after it ("... removing her veil"): a listed given name + a word no list holds
_DEPICTION_OF_BEFORE = re.compile(r"\b(?:photo|photograph|picture|image|portrait|painting|drawing)s? of\s+$")
_LOWER_ING_POSSESSIVE = re.compile(r"\s+[a-z]{3,}ing\s+(?:[a-z]+\s+){0,2}?(?:his|her|their)\b")
# Round 40c. After a lower-case "first last": a Spanish, Portuguese or Italian gerund, or an English -ing verb then an
# article or a possessive within three words ("lifting the barbell", "standing by his house", "removing her veil")
_LOWER_GERUND = re.compile(r"\s+(?!(?:florec|brill|cay|ard|fluy|crec|hirv|llov|nev|flot|sopl|gir|cresc|fior|splend|"
                           r"queim|chov|derret|brot|madur|marchit|ondul|reluc|centell|resplandec|oscil|goce|gote|"
                           r"nasc|pass|corr|desliz|ca)[a-z]*ndo\b)[a-z]+(?:ando|iendo|endo)\b")
# (not a gerund said of plants, light, water or weather: "rosa blanca floreciendo", "... brillando al sol")
_LOWER_ING_OBJECT = re.compile(r"\s+[a-z]{3,}ing\s+(?:the|a|an\b|(?:[a-z]+\s+){0,2}?(?:his|her|their)\b)")


# Indonesian/Malay ber-/me- verbs and Spanish/Portuguese/Italian gerunds after a lower-case name (round 17b)
_LOWER_FOREIGN_ACTION = re.compile(r"\s+(?:ber[a-z]{4,}|me[mn][a-z]{4,}|[a-z]{2,}(?:ando|iendo|endo)|sedang|tersenyum)\b")


def _lower_action_next(lower: str, end: int) -> bool:
    """Whether the next word is something a person does ("singing", "bernyanyi", "cantando")."""
    after = context.words_after(lower, end, 1)
    return bool(after) and after[0] in person_cues.PERSON_ACTIONS or _LOWER_FOREIGN_ACTION.match(lower, end) is not None


def _after_relationship(lower: str, start: int) -> bool:
    """Whether "my/our <relationship>" comes right before ``start``."""
    before = context.words_before(lower, start, 2)
    return len(before) == 2 and before[0] in _POSSESSIVE and before[1] in _RELATION


# kana, Han and Hangul; a run of them or of other letters inside one word
_EAST_ASIAN_CHAR = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SCRIPT_RUN = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+|"
                         "(?:(?![\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]).)+")
# Zulu, Xhosa, Ndebele and Swazi glue a genitive, comitative or instrumental prefix to a name, keeping its capital
# ("isithombe sikaThandeka Mkhize": a picture of T. M.; "izithombe zikaLwazi", "umfanekiso kaSipho", "noNomvula",
# "ngoBongani"): the name starts at the capital (round 26b)
_NGUNI_PREFIX = re.compile(r"(?:(?:si|zi|li|wa|ya|ba|lu|bu|ku|lo|yo|wo|so|zo|bo)?ka|kuka|no|ngo|nga|kwa|ku)"
                           r"(?=[A-Z][a-z]{2,}$)")


def _nguni_split(tok: str, start: int, end: int) -> Token:
    """A token without its Nguni prefix when a capitalised name follows the prefix, else the token."""
    if tok[:1].islower() and not tok.islower():  # cheap pre-check: a capital inside a lower-case word
        m = _NGUNI_PREFIX.match(tok)
        if m:
            return tok[m.end():], start + m.end(), end
    return tok, start, end


def _adjacent(text: str, seq: list[Token]) -> bool:
    return all(text[a[2]:b[1]] == " " for a, b in zip(seq, seq[1:]))
