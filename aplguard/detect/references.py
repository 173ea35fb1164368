"""Descriptive references to one real person that no name list spells out.

"the 45th president", "Governor Newsom" (a title and a listed person's surname),
"the prime minister of Japan", "the Spanish king", "France's president". Used by
the gazetteer detector; findings are ``public_figure`` with the canonical name
when one person fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..types import Finding
from . import context, depiction, indirect_offices, person_cues
from .builtin_indexes import builtin_index, covered, non_person_spans, visual_artists
from .normalize import NormalizedText, key_of, match_key
from .resources import Person, ResourceCache, english_zipf, load_city_names, load_lexicon, load_us_presidents

_ORDINAL_PRESIDENT = re.compile(
    r"\b(\d{1,2}) ?(?:st|nd|rd|th) (?:(?:us |u s |american |united states |america s )?president|potus)\b")
_COUNTRIES = (r"(?:the )?(?:united states|usa|us|u s|america|united kingdom|uk|britain|great britain|england|france|"
              r"germany|russia|china|japan|india|italy|spain|canada|mexico|brazil|argentina|australia|"
              r"south korea|north korea|korea|ukraine|turkey|iran|israel|egypt|saudi arabia|south africa|"
              r"nigeria|pakistan|indonesia|thailand|vietnam|philippines|poland|hungary|netherlands|belgium|"
              r"sweden|norway|denmark|finland|portugal|greece|austria|switzerland|ireland|new zealand|"
              r"venezuela|cuba|chile|colombia|peru|belarus|serbia|taiwan|singapore|malaysia|bangladesh|"
              r"syria|iraq|afghanistan|qatar|jordan|morocco|kenya|ethiopia|monaco|the vatican|vatican|"
              # round 20a: more countries with one head of state or government, written in lower case
              r"jamaica|ghana|tanzania|uganda|zimbabwe|senegal|liberia|rwanda|tunisia|algeria|libya|bhutan|"
              r"nepal|sri lanka|mongolia|kazakhstan|iceland|luxembourg|liechtenstein|cambodia|brunei|tonga|"
              r"lesotho|eswatini|oman|bahrain|kuwait|the uae|uae|united arab emirates|czechia|czech republic|"
              r"slovakia|slovenia|croatia|romania|bulgaria|estonia|latvia|lithuania|georgia|armenia|azerbaijan|"
              r"uzbekistan|ecuador|bolivia|uruguay|paraguay|panama|costa rica|guatemala|honduras|el salvador|"
              r"nicaragua|dominican republic|haiti|barbados|trinidad and tobago|fiji|samoa|papua new guinea)")
_DEMONYMS = (r"(?:american|us|u s|british|uk|english|french|german|russian|chinese|japanese|indian|italian|spanish|"
             r"canadian|mexican|brazilian|argentine|argentinian|australian|south korean|north korean|korean|"
             r"ukrainian|turkish|iranian|israeli|egyptian|saudi|nigerian|pakistani|indonesian|thai|"
             r"vietnamese|filipino|polish|hungarian|dutch|belgian|swedish|norwegian|danish|finnish|"
             r"portuguese|greek|austrian|swiss|irish|venezuelan|cuban|chilean|colombian|belarusian|"
             r"serbian|taiwanese|syrian|iraqi|afghan|"
             # round 27a: the demonyms of the other countries above with one head of state or government
             r"new zealand|malaysian|singaporean|bangladeshi|qatari|jordanian|moroccan|kenyan|ethiopian|monegasque|"
             r"jamaican|ghanaian|tanzanian|ugandan|zimbabwean|senegalese|liberian|rwandan|tunisian|algerian|"
             r"libyan|bhutanese|nepali|nepalese|sri lankan|mongolian|kazakh|kazakhstani|icelandic|luxembourgish|"
             r"cambodian|bruneian|tongan|omani|bahraini|kuwaiti|emirati|czech|slovak|slovenian|croatian|romanian|"
             r"bulgarian|estonian|latvian|lithuanian|georgian|armenian|azerbaijani|uzbek|ecuadorian|bolivian|"
             r"uruguayan|paraguayan|panamanian|costa rican|guatemalan|honduran|salvadoran|nicaraguan|dominican|"
             r"haitian|barbadian|fijian|samoan|peruvian|south african|cameroonian|ivorian|malian|sudanese|"
             r"angolan|mozambican|zambian|malawian|namibian|botswanan|congolese|somali|eritrean|lebanese|"
             r"yemeni|palestinian|burmese|laotian)")
_ROLES = (r"(?:president|vice president|prime minister|premier|chancellor|king|queen|emperor|empress|"
          r"queen consort|king consort|prince consort|"
          r"supreme leader|dictator|leader|first lady|crown prince|crown princess|monarch|head of state|pope)")
# "the prime minister of Japan", "the Japanese emperor", "France's president": one real office holder.
_OFFICE_HOLDER = re.compile(
    # round 20a: "current prime minister of new zealand" opens a prompt without "the"; "the reigning emperor of japan"
    r"(?:\b(?:the|our|their) (?:current |former |sitting |late |ex |reigning |incumbent |present |serving )?(?:(?:" + _DEMONYMS + r") " + _ROLES
    + r"|" + _ROLES + r" of " + _COUNTRIES + r")|^(?:current|sitting|reigning|incumbent|present) " + _ROLES + r" of "
    + _COUNTRIES + r"|\b" + _COUNTRIES + r" s (?:current |former |"
    # round 40a: the founding or long-serving holder ("Singapore's founding prime minister")
    r"founding |first |longest serving |long serving |long reigning |independence |post independence )?"
    + _ROLES + r")\b")

# Titles that, capitalised before a listed person's surname, name that person ("Governor Newsom").
_TITLE_SURNAME = re.compile(
    r"\b(President|Vice President|Senator|Sen|Governor|Gov|Chancellor|Prime Minister|PM|Premier|Minister|"
    r"Secretary|Mayor|Speaker|Justice|Judge|General|Gen|Admiral|Colonel|Dr|Doctor|Professor|Prof|Sir|Dame|"
    r"Lord|Lady|King|Queen|Prince|Princess|Pope|Emperor|Empress|Tsar|Czar|Sheikh|Ayatollah|Chairman|"
    r"Congressman|Congresswoman|Rep|Representative|Ambassador|Coach|Mr|Mrs|Ms|Miss|Chief Justice)"
    r"\.? ([A-Z][\w'\-]+)", re.IGNORECASE)
_OFFICE_TITLES = frozenset({"President", "Vice President", "Senator", "Sen", "Governor", "Gov", "Chancellor",
                            "Prime Minister", "PM", "Premier", "Speaker", "Pope", "King", "Queen", "Prince",
                            "Princess", "Emperor", "Empress", "Tsar", "Czar", "Ayatollah", "Chairman",
                            "Congressman", "Congresswoman", "Chief Justice"})
_ROYAL_TITLES = frozenset({"King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Tsar", "Czar"})
_THINGS = context.THING_NOUNS | context.ANIMALS_OBJECTS
_OFFICE_TITLES_LOWER = {t.lower(): t for t in _OFFICE_TITLES}


def load(cache: ResourceCache) -> None:
    """Load what the reference rules need (surname indexes, presidents) into ``cache``."""
    surname_index(cache)
    surname_index(cache, strict=False)
    cache.get("gazetteer.presidents", load_us_presidents)


def surname_index(cache: ResourceCache, strict: bool = True) -> dict[str, tuple[Person, ...]]:
    """Surnames of listed people; strict: only distinctive ones (not a common US surname or word)."""
    def build() -> dict[str, tuple[Person, ...]]:
        from .context import COMMON_WORDS  # noqa: PLC0415

        skip: frozenset[str] = frozenset()
        zipf = english_zipf()
        if strict:
            skip = (load_lexicon("first_names.txt") | load_lexicon("common_surnames.txt")
                    | load_lexicon("common_words.txt") | COMMON_WORDS)
        out: dict[str, list[Person]] = {}
        for person in builtin_index(cache).people:
            words = key_of(person.canonical).split()
            if len(words) >= 2 and words[-1].isalpha() and len(words[-1]) >= 3 and words[-1] not in skip:
                if strict and _mostly_a_word(words[0], words[-1], zipf):
                    continue
                out.setdefault(words[-1], []).append(person)
        return {k: tuple(v) for k, v in out.items()}
    return cache.get("gazetteer.surnames" + (".strict" if strict else ""), build)


def _mostly_a_word(given: str, surname: str, zipf: Callable[[str], float]) -> bool:
    """Whether a listed surname is, alone, mostly an everyday word or a common surname (round 37 review).

    A famous surname is frequent because its bearer is ("obama", "einstein", "messi": about as frequent as the
    given names "barack", "albert", "lionel"). One far more frequent than its bearer's given name is a word or a
    surname many people share ("parchment" for Hansle Parchment, "button", "heard", "wine", "singh", "choi"):
    alone it names nobody; the full name still does.
    """
    z = zipf(surname)
    return z >= 3.0 and z - zipf(given) > 1.0


def office_holders(norm: NormalizedText, key: str, kidx: list[int], detector: str) -> list[Finding]:
    """"the prime minister of Japan", "the Spanish king": a reference to one real person."""
    out = []
    for m in _OFFICE_HOLDER.finditer(key):
        ts, te = kidx[m.start()], kidx[m.end() - 1] + 1
        start, end = norm.span(ts, te)
        out.append(Finding(kind="public_figure", score=0.7, start=start, end=end,
                           text=norm.original[start:end], detector=detector, canonical=None,
                           explanation="descriptive reference to a real office holder"))
    return out

def titled_surnames(norm: NormalizedText, key: str, kidx: list[int], cache: ResourceCache,
                    detector: str) -> list[Finding]:
    """"Governor Newsom", "Chancellor Scholz": a title and a listed person's surname.

    Written without capitals ("governor newsom", "GOVERNOR NEWSOM": a CLIP tokenizer sees
    the same tokens) an office title still points at its holder, but only before a
    distinctive surname (not a common surname or word: "president snow" stays a phrase).
    """
    strict, loose = surname_index(cache), surname_index(cache, strict=False)
    non_person = non_person_spans(cache, key)
    artists = visual_artists(cache)
    all_caps = context.is_all_caps(norm.text)
    lower = norm.lower
    out = []
    for m in _TITLE_SURNAME.finditer(norm.text):
        title = m.group(1)
        written_as_name = not all_caps and title[:1].isupper() and m.group(2)[:1].isupper()
        office = _OFFICE_TITLES_LOWER.get(title.lower())
        if not written_as_name and office is None:
            continue
        # office titles ("President Bush", "SENATOR SANDERS") point at the office holder, in any case
        # round 21a: a royal title written lower case is also a word ("queen bee", "king size", "prince goes",
        # "emperor han"): it points at a person only before a distinctive surname
        surnames = loose if office and (written_as_name or office not in _ROYAL_TITLES) else strict
        people = surnames.get(match_key(m.group(2))[0])
        if people and office in _ROYAL_TITLES and not written_as_name:
            # ... and only a surname of someone in politics (royals, heads of state): "king lima" is no model
            people = tuple(p for p in people if p.group == "politics")
        if not people:
            continue
        ts, te = m.start(), m.end()
        kstart = next((k for k, t in enumerate(kidx) if t >= ts), len(kidx))
        kend = next((k for k, t in enumerate(kidx) if t >= te), len(kidx))
        if covered(non_person, kstart, kend):
            continue  # "King Kong": a listed non-person name, not a mention of anyone
        canonical = people[0].canonical if len(people) == 1 else None
        verdict = depiction.judge(lower, norm.text, ts, te, protected=False, artist=canonical in artists,
                                  one_word=False)
        who = canonical or " / ".join(p.canonical for p in people[:3])
        explanation = f"title and surname of public figure {who}" + (f"; {verdict.note}" if verdict.note else "")
        score = (0.85 if canonical else 0.7) if verdict.identity_seeking else 0.3
        start, end = norm.span(ts, te)
        out.append(Finding(kind="public_figure", score=score, start=start, end=end,
                           text=norm.original[start:end], detector=detector, canonical=canonical,
                           explanation=explanation, identity_seeking=verdict.identity_seeking))
    return out


# Round 40 merge. Prepositions of place right before a lone surname: "... in Lille during a match", "à Lille",
# "nach Lille" name the place (a surname alone is a weak signal; the full name still counts).
_PLACE_PREPOSITIONS = frozenset(["in", "into", "from", "near", "outside", "around", "across", "à", "dans", "vers", "en",
                                 "nach", "aus", "bei"])


def lone_surnames(norm: NormalizedText, key: str, kidx: list[int], cache: ResourceCache, detector: str,
                  taken: list[tuple[int, int]]) -> list[Finding]:
    """"a close-up of Rutkowski's face", "kahlo smiling": a listed person's surname alone.

    A surname by itself is a weak signal, so it counts only when it is distinctive (not a
    first name, common surname or word), belongs to one listed person and the words
    around it ask for a person (see :func:`person_cues.person_evidence`); capitals play no
    part. ``taken``: original-prompt spans already reported (the full name).
    """
    strict = surname_index(cache)
    artists = visual_artists(cache)
    lower = norm.lower
    non_person: list[tuple[int, int]] | None = None
    out = []
    for m in re.finditer(r"[a-z]+", key):
        people = strict.get(m.group())
        if not people or len(people) != 1 or m.group() in _THINGS:
            continue
        ts, te = kidx[m.start()], kidx[m.end() - 1] + 1
        start, end = norm.span(ts, te)
        if any(a < end and start < b for a, b in taken):
            continue
        before = context.words_before(lower, ts, 1)
        if before and before[0].capitalize() in _ROYAL_TITLES and people[0].group != "politics":
            continue  # round 21a: "prince goes", "king lima": a royal title before a word, not a royal
        if (person_cues.determiner_before(lower, ts) or person_cues.modifier_before(lower, ts)
                or not person_cues.person_evidence(lower, ts, te)):
            continue  # "a Faraday cage", "hay bale": a word, not the surname
        if non_person is None:  # looked up only for a surname that would count (rare): no per-prompt cost
            non_person = non_person_spans(cache, key)
        if covered(non_person, m.start(), m.end()):
            continue  # round 40l: "Lord Shiva meditating": inside a listed non-person name, not the surname
        if m.group() in cache.get("lexicon.cities", load_city_names) or (before and before[0] in _PLACE_PREPOSITIONS):
            continue  # round 40 merge: "the Stade Pierre-Mauroy in Lille" (Patricia de Lille): a city, or a place
        canonical = people[0].canonical
        verdict = depiction.judge(lower, norm.text, ts, te, protected=False, artist=canonical in artists,
                                  one_word=True)
        explanation = f"surname of public figure {canonical} with a person cue"
        out.append(Finding(kind="public_figure", score=0.8 if verdict.identity_seeking else 0.3, start=start,
                           end=end, text=norm.original[start:end], detector=detector, canonical=canonical,
                           explanation=explanation + (f"; {verdict.note}" if verdict.note else ""),
                           identity_seeking=verdict.identity_seeking))
    return out


def ordinal_presidents(norm: NormalizedText, key: str, kidx: list[int], cache: ResourceCache,
                   detector: str) -> list[Finding]:
    presidents = cache.get("gazetteer.presidents", load_us_presidents)
    by_name = builtin_index(cache).by_canonical
    out = []
    for m in _ORDINAL_PRESIDENT.finditer(key):
        n = int(m.group(1))
        if not 1 <= n <= len(presidents) or presidents[n - 1] not in by_name:
            continue
        ts, te = kidx[m.start()], kidx[m.end() - 1] + 1
        if context.indefinite_before(norm.lower, ts) or indirect_offices.invented_office(norm.lower, ts, te):
            continue  # round 37a: "the 45th president of the Lunar Republic": an invented office
        start, end = norm.span(ts, te)
        out.append(Finding(kind="public_figure", score=0.85, start=start, end=end,
                           text=norm.original[start:end], detector=detector, canonical=presidents[n - 1],
                           explanation=f"descriptive reference to public figure {presidents[n - 1]}"))
    return out
