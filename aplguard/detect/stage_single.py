"""One-word stage names no list holds, opening a performance prompt (round 42c).

"Nucleya DJing at Sunburn", "Kaliopi na sceni vo Ohrid", "KING the indian singer", "Regine, Asia's Songbird,":
performers are known by one word, and the lists cannot hold every one. A capitalised word that opens the prompt
is read as such a name only with evidence a person is meant: a performer's role right after it (in apposition or
glued: "Mata raper"), or a performing verb, a preposition or an outfit followed by words of a performance (stage,
concert, festival, cosplay convention, an instrument). The word must be no common word, thing, region or city,
no listed span (the gazetteer's), and a dictionary word only when it is also a given name ("Yuri") or a role
follows in apposition ("KING the indian singer"); prompts about fiction, myth or a named pet stay out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..types import Finding
from . import context, person_cues
from .normalize import NormalizedText, match_key

# the opening word, a given name's initial may follow ("Sarah G. belting a ballad")
_OPENING = re.compile(r"\s*(?P<w>[A-Z][a-zà-öø-ÿ]{2,14}|[A-Z]{3,8})(?P<i> [A-Z]\.)?(?=[\s,]|$)")
# words of a performance, a show or a fan convention (accents folded, lower case)
_PERFORMANCE = re.compile(
    r"\b(?:concert\w*|concierto\w*|konser\w*|koncer\w*|stage|onstage|scen[aei]|sceni|scene|escenario|palco|"
    r"panggung|pentas|festival\w*|gig|gigs|tour|dj|djing|djs|deejay\w*|cosplay\w*|convention|comic-?con|crowd|"
    r"lightsticks?|spotlight|microphone|mic|setlist|encore|auditorio|"
    r"auditorium|dangdut|music video|album cover|knockout|belting|rapping|rapeando|cantando|singing|"
    r"bernyanyi|menyanyi|goyang|dancefloor)\b")
# performing verbs right after the name
_PERFORMING = person_cues.PERFORMING_VERBS | frozenset(
    ["singing", "rapping", "performing", "dancing", "djing", "deejaying", "belting", "crooning", "headlining",
     "cantando", "rapeando", "bailando", "actuando", "goyang", "bernyanyi", "menyanyi", "tampil", "spiewa",
     "spiewajacy", "pjeva", "peva", "canta", "rappant", "chantant", "dansant", "slamant"])
# prepositions a subject is in, at or on (English, Romance, Slavic, Indonesian)
_PREPS = frozenset(["at", "in", "on", "with", "during", "en", "con", "al", "sur", "auf", "im", "na", "no", "em", "w",
                    "vo", "di", "sa", "pe"])
# performer roles that may follow the name, glued or in apposition ("Mata raper", "Bamboo the OPM rocker")
_ROLES = frozenset(["singer", "rapper", "rocker", "crooner", "balladeer", "songstress", "songbird", "diva", "dj",
                    "drummer", "guitarist", "bassist", "pianist", "vocalist", "frontman", "frontwoman", "popstar",
                    "comedian", "boxer", "wrestler", "cosplayer", "streamer", "youtuber", "tiktoker", "influencer",
                    "raper", "raperka", "piosenkarz", "piosenkarka", "pevac", "pevacica", "pjevac", "pjevacica",
                    "spevak", "spevacka", "zpevak", "zpevacka", "enekes", "enekesno", "sarkici", "cantante",
                    "rapero", "rapera", "rappeur", "rappeuse", "chanteur", "chanteuse", "sanger", "sangerin",
                    "cantor", "cantora", "penyanyi", "mang-aawit"])
# English roles only a non-word names as a glued role ("rock singer", "wedding dj" are kinds of performer)
_ENGLISH_ROLES = frozenset(["singer", "rapper", "rocker", "crooner", "balladeer", "songstress", "songbird", "diva",
                            "dj", "drummer", "guitarist", "bassist", "pianist", "vocalist", "frontman", "frontwoman",
                            "popstar", "comedian", "boxer", "wrestler", "cosplayer", "streamer", "youtuber",
                            "tiktoker", "influencer"])
# "Regine, Asia's Songbird": a place's title for a performer
_TITLE_OF_PLACE = re.compile(r",\s*(?:the\s+)?[a-z]+'s\s+(?:[a-z]+\s+)?(?:songbird|nightingale|diva|sweetheart|queen|"
                             r"king|prince|princess|superstar|megastar|idol|heartthrob|icon|legend|rockstar|"
                             r"rock star|pop star|star)\b")
# an appositive role with up to two words before it ("KING the indian singer", "X, the OPM rocker")
_APPOSITIVE = re.compile(r"(?:\s*,\s*|\s+)(?:the|el|la|le|il|der|die|o|a)(?:\s+[a-z]+){1,3}\b")
# Round 43c. A rare opening word in an outfit or a setting people are pictured in ("Thalapathy in police uniform,
# mass entry shot", "X in her signature outfit, fashion shot", "X en costume blanc, pochette d'album"): with a
# pronoun of a person or a word of a picture shoot it is a performer known by one word
_SHOOT = re.compile(r"\b(?:his|her|their|shot|photo\w*|portrait|editorial|album|pochette|studio|headshot|"
                    r"close-?up|selfie|poster|magazine|cover|campaign|red carpet)\b")
_PICTURED = frozenset(["a setting or outfit people are pictured in", "an action people do"])
# roles said after a comma with no article ("Idir, chanteur kabyle", "X, lutteur sénégalais", "X, rapper from ...")
_COMMA_ROLES = _ROLES | frozenset(["lutteur", "lutteuse", "humoriste", "humorista", "boxeur", "danseur", "danseuse",
                                   "musicien", "musicienne", "griot", "griotte", "comedien", "comedienne", "poet",
                                   "poete", "dancer", "actor", "actress", "footballer", "fighter", "athlete",
                                   "sprinter", "cyclist", "mc", "beatmaker", "producer", "songwriter"])
_COMMA_ROLE = re.compile(r"\s*,\s*([a-z-]+)(?:\s+([a-z]+))?\b")
# fiction, myth, pets and made-up characters: a one-word name there is a character's
_FICTION = re.compile(r"\b(?:anime|manga|cartoon|comic book|character|oc|fantasy|elf|elven|dragon|fairy|mascot|"
                      r"robot|pokemon|fan ?art|muse|goddess|god|nymph|myth\w*|deity|named|called|my (?:dog|cat|pet)|"
                      r"puppy|kitten|doll|plush|toy|video game|game|"
                      # amateurs: a school show, a talent show, a recital, karaoke, the user's own people
                      r"school|talent show|recital|karaoke|my|our)\b")


def find(norm: NormalizedText, detector: str, dictionary: frozenset[str], first: frozenset[str],
         common: frozenset[str], listed: bool, zipf: Callable[[str], float], cities: frozenset[str]) -> list[Finding]:
    """The opening word as an unlisted one-word stage name (``private_person``), or nothing."""
    m = _OPENING.match(norm.text)
    if m is None or listed:
        return []
    word, lower = m.group("w"), norm.lower
    k = match_key(word)[0]
    if (k in common or k in context.FUNCTION_WORDS or k in context.THING_NOUNS or k in context.REGIONS
            or k in cities or context.is_all_caps(norm.text) or _FICTION.search(lower)):
        return []
    start, end = m.start("w"), m.end()
    # a word no dictionary holds and rare in English ("Nucleya", "Kaliopi"); a given name ("Yuri") needs more; a
    # role word ("KING the indian singer") only a performer's role in apposition
    role_word = k in person_cues.PERSON_ROLES
    rare = k not in dictionary and zipf(k) < 2.3 and not role_word
    # (a given name alone is anyone's: "Lisa performing on stage at a school talent show"; with an initial after it,
    # "Sarah G.", it is a stage name's shape)
    given = k in first and not word.isupper() and not role_word and m.group("i") is not None
    if not (_role_after(lower, end, rare) or (rare and _performing(lower, start, end, word.isupper()))
            or (rare and not word.isupper() and _pictured(lower, start, end))
            or (given and _given_performing(lower, end))):
        return []
    s, e = norm.span(start, end)
    return [Finding(kind="private_person", score=0.7, start=s, end=e, text=norm.original[s:e],
                    detector=detector, canonical=None,
                    explanation="one-word stage name opening a performance prompt", identity_seeking=True)]


def _role_after(lower: str, end: int, rare: bool) -> bool:
    """A performer's role in apposition, glued after the name, or a place's title for a performer."""
    if _TITLE_OF_PLACE.match(lower, end):
        return True
    a = _APPOSITIVE.match(lower, end)
    if a and any(w in _ROLES for w in a.group().split()[:5]):
        return True
    comma = _COMMA_ROLE.match(lower, end)
    if rare and comma is not None and (comma.group(1) in _COMMA_ROLES or comma.group(2) in _COMMA_ROLES):
        return True  # round 43c: "Idir, chanteur kabyle", "Mamane, humoriste nigérien"
    nxt = re.match(r"\s+([a-z-]+)\b", lower[end:end + 30])
    return nxt is not None and nxt.group(1) in _ROLES and (rare or nxt.group(1) not in _ENGLISH_ROLES)


def _pictured(lower: str, start: int, end: int) -> bool:
    """An outfit, a setting or an act of a person after the word, and a pronoun or a picture shoot (round 43c)."""
    return person_cues.person_evidence(lower, start, end) in _PICTURED and _SHOOT.search(lower, end) is not None


def _given_performing(lower: str, end: int) -> bool:
    """A given name, then a performing verb or a concert word, and a word of a performance after it ("Yuri cantando
    en el Auditorio Nacional", "Rossa concert jakarta, ... lightsticks")."""
    nxt = re.match(r"\s+([a-z]+)\b", lower[end:end + 30])
    if nxt is None or not (nxt.group(1) in _PERFORMING or nxt.group(1) in ("concert", "konser", "konsert")):
        return False
    return _PERFORMANCE.search(lower, end + nxt.end()) is not None


def _performing(lower: str, start: int, end: int, caps: bool) -> bool:
    """A performing verb right after the name, or a preposition, verb or outfit then words of a performance."""
    clause = re.match(r"[^,;.|]*", lower[end:end + 120])
    rest = clause.group() if clause else ""
    words = rest.split()
    if not words:
        return False
    if words[0] in _PERFORMING:
        return True
    if caps:
        # an all-caps word ("BENEE in a fuzzy jacket, portrait"): an outfit or setting of a person, then a picture
        return (words[0] in _PREPS and person_cues.person_evidence(lower, start, end) is not None
                and re.search(r"\b(?:portrait|photo|headshot|photoshoot)\b", lower) is not None)
    # (a noun right after is modified by the word: "Sunburn festival crowd" is the festival)
    return ((words[0] in _PREPS or words[0] in person_cues.PERSON_ACTIONS or words[0].endswith(("ing", "ando", "endo")))
            and _PERFORMANCE.search(lower, end) is not None)
