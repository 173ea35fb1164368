"""The gazetteer detector: known people (built-in public figures, protected identities)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..errors import ConfigError
from ..types import Finding
from . import context, depiction, indirect, indirect_i18n, indirect_offices, person_cues, references
from .builtin_indexes import (
    builtin_index,
    covered,
    non_person_index,
    non_person_spans,
    phonetic_index,
    stage_name_works,
    translit_index,
    visual_artists,
)
from .names_index import Alias, Hit, NameIndex
from .normalize import NormalizedText, key_of, match_key, normalize
from .phonetic import HAN_NAME_DOTS, PhoneticIndex
from .resources import (
    SHARED_CACHE,
    Person,
    ResourceCache,
    load_dictionary_words,
    load_fuzzy_only_words,
    load_lexicon,
    load_non_person_names,
)
from .script_names import sound_kind
from .warmup import warm_up

# Round 41b: a name matched by sound never runs across a list comma ("নদী, নৌকা, জলরং": river, boat, watercolour
# is no "Nancy Ajram"): the words of one name stand together
_LIST_BREAK = re.compile(r"[,，、;；]")

_TITLES = context.word_set("""president pres chancellor prime minister pm senator sen governor gov mayor
king queen prince princess pope saint st sir dame lord lady dr doctor prof professor mr mrs ms miss
general gen captain capt emperor empress tsar czar sheikh ayatollah chairman judge justice
rep representative secretary minister premier ambassador coach""")


#: A policy's protected identities: ``{name, aliases, description}`` mappings (or bare names).
ProtectedEntries = Sequence[Mapping[str, object] | str]


def parse_protected(protected: Iterable[object] | None) -> list[Person]:
    """Validate a policy's protected identities into :class:`Person` entries."""
    people: list[Person] = []
    for i, item in enumerate(protected or ()):
        where = f"protected[{i}]"
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: expected a mapping with 'name', got {type(item).__name__}")
        unknown = set(item) - {"name", "aliases", "description"}
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)} (allowed: name, aliases, description)")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}.name: must be a non-empty string")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ConfigError(f"{where}.aliases: must be a list of non-empty strings")
        desc = item.get("description")
        if desc is not None and not isinstance(desc, str):
            raise ConfigError(f"{where}.description: must be a string or null")
        people.append(Person(canonical=name.strip(), aliases=tuple(a.strip() for a in aliases),
                             description=desc, source="protected", group="protected"))
    return people


class GazetteerDetector:
    """Finds known people: a policy's protected identities and built-in public figures.

    Args:
        protected: ``[{"name": str, "aliases": [str], "description": str | None}]``;
            matches produce kind ``protected`` with the canonical name.
        builtin: also match the built-in public-figure list (kind ``public_figure``).
        fuzzy: match misspelled multi-word names (bounded edit distance).
        id: detector id reported in findings.
        cache: resource cache (default: the process-wide one).
    """

    #: the finding kinds this detector reports (aplguard.ports.Detector)
    kinds: frozenset[str] = frozenset({"protected", "public_figure"})

    def __init__(self, protected: ProtectedEntries | None = None, builtin: bool = True, fuzzy: bool = True,
                 id: str = "gazetteer", cache: ResourceCache | None = None):
        self.id = id
        self.builtin = bool(builtin)
        self.fuzzy = bool(fuzzy)
        self.cache = cache or SHARED_CACHE
        self._protected_people = parse_protected(protected)
        self._warmed = False  # load() reads the warm-up prompts once (aplguard.detect.warmup)
        self._protected: NameIndex | None = None
        self._protected_phonetic: PhoneticIndex | None = None

    def load(self) -> GazetteerDetector:
        """Build the indexes now instead of on the first prompt."""
        if self._protected is None and self._protected_people:
            self._protected = NameIndex(self._protected_people)
            if self.fuzzy:
                self._protected_phonetic = PhoneticIndex(self._protected.aliases)
        if self.builtin:
            builtin_index(self.cache)
            if self.fuzzy:
                phonetic_index(self.cache)
            references.load(self.cache)
            visual_artists(self.cache)
            if self.fuzzy:
                translit_index(self.cache, self._never_fuzzy())
                self._dictionary()
        non_person_index(self.cache)
        if not self._warmed:
            self._warmed = True  # set first: detect_normalized() calls load() again
            if self.builtin:
                self._plain_words()  # built on first need otherwise (tens of ms on the first request)
                self._everyday_words()
                stage_name_works(self.cache)
            warm_up(self)
        return self

    def detect(self, text: str) -> list[Finding]:
        """Findings for every known person named in ``text`` (spans in ``text``)."""
        return self.detect_normalized(normalize(text))

    def detect_normalized(self, norm: NormalizedText) -> list[Finding]:
        """:meth:`detect` on an already normalised prompt (``detect_prompt`` normalises once for all detectors)."""
        self.load()
        if not norm.text:
            return []
        key, kidx = norm.key
        out: list[Finding] = []
        if self._protected is not None:
            out += self._findings(norm, key, kidx, self._protected, "protected", self._protected_phonetic)
        if self.builtin:
            index = builtin_index(self.cache)
            out += self._findings(norm, key, kidx, index, "public_figure",
                                  phonetic_index(self.cache) if self.fuzzy else None)
            out += references.ordinal_presidents(norm, key, kidx, self.cache, self.id)
            out += references.titled_surnames(norm, key, kidx, self.cache, self.id)
            out += references.office_holders(norm, key, kidx, self.id)
            # shapes of references the data does not resolve; a resolved one over the same words wins
            # (a name inside the reference that is not pictured, "诺贝尔" in "...获得诺贝尔奖的科学家", does not hide it)
            out += [f for f in indirect.unresolved(norm, key, kidx, self.id) + indirect_i18n.find(norm, self.id)
                    if not any(g.start < f.end and f.start < g.end and g.identity_seeking for g in out)]
            out += references.lone_surnames(norm, key, kidx, self.cache, self.id, [(f.start, f.end) for f in out])
        return depiction.same_person_depicted(out)

    # -- internals -----------------------------------------------------------------------

    def _real_words(self) -> frozenset[str]:
        """Words that are never taken for a misspelled one-word name (lexicons, common words)."""
        def build() -> frozenset[str]:
            return (load_lexicon("first_names.txt") | load_lexicon("surnames.txt")
                    | load_lexicon("common_words.txt") | context.COMMON_WORDS | context.FUNCTION_WORDS
                    | context.ART_TRADITIONS)  # round 36a: "Pichwai painting" is no misspelled "Pichai"
        return self.cache.get("lexicon.real_words", build)

    def _dictionary(self) -> frozenset[str]:
        """Frequent words of the prompt languages (``wordfreq``) that are no first name."""
        first = self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
        words = self.cache.get("lexicon.wordfreq", load_dictionary_words)
        # the cache lock is not re-entrant: inputs are fetched before building
        return self.cache.get("lexicon.dictionary", lambda: words - first)

    def _never_fuzzy(self) -> frozenset[str]:
        """Words never taken for a misspelled one-word name: lexicon words and dictionary words."""
        real = self._real_words()
        words = self.cache.get("lexicon.wordfreq", load_dictionary_words)
        more = self.cache.get("lexicon.wordfreq_fuzzy_only", load_fuzzy_only_words)
        # round 43: English words past the 30,000 most frequent ("thatched" is no misspelled "Thatcher")
        rare = self.cache.get("lexicon.english_rare", lambda: load_lexicon("english_rare_words.txt"))
        return self.cache.get("lexicon.never_fuzzy", lambda: real | words | more | rare)

    def _word_kind(self, word: str, script: str) -> str:
        return sound_kind(self.cache, word, script)

    def _joined_word(self, norm: NormalizedText, ts: int, te: int, alias: Alias) -> bool:
        """Whether a one-word alias spelled with dots or dashes ("Will.i.am") was written as a plain word."""
        if " " in alias.key or not re.search(r"[^\w\s]", alias.form) or re.search(r"[^\w\s]", norm.text[ts:te]):
            return False
        if _typed_with_inner_punctuation(norm, ts, te, alias):
            return False  # "P!nk": the leetspeak fold wrote "Pink", the prompt did not
        return alias.key in self._never_fuzzy()

    def _other_first_name(self, norm: NormalizedText, ts: int) -> bool:
        """Whether a capitalised first name (not a title) comes right before ``ts``."""
        m = re.search(r"([^\W\d_]+)\s+$", norm.text[max(0, ts - 40):ts])
        if not m or not m.group(1)[:1].isupper() or m.group(1).lower() in _TITLES:
            return False
        first = self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
        return match_key(m.group(1))[0] in first and m.group(1).lower() not in context.COMMON_WORDS

    def _findings(self, norm: NormalizedText, key: str, kidx: list[int], index: NameIndex,
                  kind: str, phonetic: PhoneticIndex | None = None) -> list[Finding]:
        hits = index.exact(key)
        if self.fuzzy:
            words = self._dictionary()
            hits += [h for h in index.fuzzy(key) if not _dictionary_words_only(key, h, words)]
            hits += index.fuzzy_single(key, self._never_fuzzy())
            if kind != "protected" and key.isascii():
                # romanisation variants the edit distance misses ("amro diyab", "vissotsky"), after the spellings
                hits += [h for h in translit_index(self.cache, self._never_fuzzy()).find(key, words)
                         if not any(g.start < h.end and h.start < g.end for g in hits)]
        if phonetic is not None and not key.isascii():
            # names in a script the list has no spelling for ("ทอม ครูซ"): by sound, after the spellings
            hits += [h for h in phonetic.find(key, self._word_kind)
                     if not any(g.start < h.end and h.start < g.end for g in hits)
                     and not _LIST_BREAK.search(norm.text, kidx[h.start], kidx[h.end - 1])]
            if any(d in norm.text for d in HAN_NAME_DOTS):  # round 40b: "阿比·艾哈迈德" (Han by sound)
                hits += [h for h in phonetic.find_dotted_han(norm.text, kidx)
                         if not any(g.start < h.end and h.start < g.end for g in hits)]
        out = []
        non_person = non_person_spans(self.cache, key) if kind != "protected" else []
        for hit in _outermost(hits):
            f = self._finding(norm, kidx, hit, kind, non_person)
            if f is not None:
                out.append(f)
        return out

    def _characters(self) -> frozenset[str]:
        """The listed fictional names and places, lower case (round 33a: "tolkien's gandalf the grey")."""
        return self.cache.get("gazetteer.characters_lower",
                              lambda: frozenset(n.lower() for n in load_non_person_names()))

    def _finding(self, norm: NormalizedText, kidx: list[int], hit: Hit, kind: str,
                 non_person: list[tuple[int, int]]) -> Finding | None:
        """The finding for one index hit, or None when the words are not this person's name.

        None only when the hit is not a mention of the person at all: an everyday word
        ("a mallard drake"), someone else's name ("Nathan Drake"), a generic description
        ("a founder of a startup"). Every mention is reported; context (style, things,
        places, pets, brands) only sets ``identity_seeking`` (see :mod:`.depiction`).
        """
        alias = hit.alias
        ts, te = kidx[hit.start], kidx[hit.end - 1] + 1
        lower = norm.lower
        # round 21a: an epithet that is also a phrase ("the iron lady", "o fenomeno") names the person only with a
        # person cue after it (an action, a place only people are in), never after "a"/"un"
        if alias.kind == "description" and alias.ambiguous and (
                context.indefinite_before(lower, ts) or person_cues.determiner_before(lower, ts) or not (
                    person_cues.person_evidence(lower, ts, te) or _PEOPLE_PLACE.match(lower, te)
                    or _NEWS_CUE.search(lower, te) or self._career_cued(lower, te, alias)
                    or _epithet_apposed(lower, norm.text, ts, te))):
            return None
        if alias.kind == "description" and lower[ts - 1:ts] == " " and indirect_offices.invented_office(lower, ts, te):
            return None  # round 37a: "the 200th president of the United States": beyond any real count
        # a name made only of numbers and everyday words ("50 Cent") is read like a "~" alias
        ambiguous = alias.ambiguous or (kind != "protected" and self._everyday_name(alias.key)) or (
            kind != "protected" and self._native_word_after_word(alias, lower, ts))
        if alias.kind == "native" and alias.person.cue_only and alias.form in alias.person.cue_only \
                and alias.form in alias.person.native and not _group_named(lower, alias.person):
            return None  # round 26b: "오늘의 정국" (today's political situation); "BTS 정국" is the member
        if ambiguous and not self._ambiguous_mention(norm, ts, te, alias):
            return None
        if self._joined_word(norm, ts, te, alias) and not person_cues.person_evidence(lower, ts, te):
            return None  # "william" is a word, not "Will.i.am"; "gem" is not "G.E.M."
        if (kind != "protected" and alias.kind == "name" and " " not in alias.key and norm.text[ts:te].islower()
                and set(context.words_before(lower, ts, 1)) & _INDEFINITE_ARTICLES and alias.key in self._dictionary()
                and not person_cues.person_evidence(lower, ts, te)):
            return None  # round 21a: a one-word name that is a word after "a/un/ein": "un bono regalo" (a voucher)
        if (" " not in alias.key and norm.text[ts:te].islower() and _TIME_OF_DAY_AFTER.match(lower, te)
                and not person_cues.person_evidence(lower, ts, te)):
            return None  # round 42c: "palmy afternoon", "halcyon days": a lower-case word before a time of day is its adjective
        if hit.how == "stem" and " " not in alias.key and not norm.text[ts:ts + 1].isupper():
            return None  # an inflected one-word Russian name must be capitalised: "маске" is a mask
        if alias.kind == "name" and " " not in alias.key and self._other_first_name(norm, ts):
            return None  # "Nathan Drake", "Sasha Obama": someone else with that name
        if (" " not in alias.key and (alias.ambiguous or alias.form in alias.person.cue_only)
                and alias.person.group != "politics"
                and set(context.words_before(lower, ts, 1)) & _EVERYDAY_HONORIFICS
                and not set(context.words_before(lower, ts, 2)[:1]) & _POSSESSIVES):
            # round 40d: a performer's one-word stage name that is a given name, after the honorific of an ordinary
            # person or a mascot ("Dr. Simi" the pharmacy mascot, "Aling Nena" the shopkeeper, "Doña Rosa", "Tita
            # Lola"): someone else called that; a performer's own title is part of the listed alias ("Dr. Dre"); "my
            # lola Nena" (a relative) is left to the rules before
            return None
        if alias.kind == "description" and context.indefinite_before(lower, ts):
            return None
        if " " not in alias.key and norm.text[ts:te].islower() and _POSSESSED_AFTER.match(lower, te):
            return None  # round 23a: "kaka yangu", "dada yangu" (Swahili: my brother / sister): a noun with "my" after
        if hit.how == "fuzzy" and context.place_name(lower, ts, te):
            return None  # "Santa Maria della Salute" is a church, not a misspelled "Sanna Marin"
        not_person = None
        if ambiguous and lower[te:te + 2] in ("'s", "\u2019s") and (
                set(context.words_after(lower, te + 2, 1)) & (context.THING_NOUNS | context.ANIMALS_OBJECTS)):
            not_person = "a thing named after the person"  # "Pavlov's dog", "Occam's razor"
        elif _saint_of_place(lower, ts, te) and _known_by_title_or_place(alias.person.canonical):
            # only someone the list knows by the saint's title or by "of <place>" ("Saint Francis of Assisi",
            # "Ignatius of Loyola"); one known by another name ("Mother Teresa", also "Saint Teresa of Calcutta")
            # lived in the age of photographs: still a person
            not_person = "a saint named by the title of devotion"
        elif norm.text[ts:te].islower() and context.species_binomial(lower, ts, te):
            not_person = "the genus of a species name"
        elif lower[te:te + 2] in ("'s", "\u2019s") and context.fiction_creation_after(lower, te, self._characters()):
            not_person = "an author's creation of fiction"  # round 33a: "jules verne's nautilus", "tolkien's mordor"
        elif context.building_named(lower, ts, te):
            not_person = "a place or building named after the person"
        elif covered(non_person, hit.start, hit.end):
            # "Ralph Lauren" is a person and a brand: the brand when used like one
            if (hit.start, hit.end) not in non_person:
                not_person = "part of the name of a place, brand or character"
            elif _brand_use(lower, ts, te):
                not_person = "used as a brand"
        protected = kind == "protected"
        artist = not protected and alias.person.canonical in visual_artists(self.cache)
        verdict = depiction.judge(lower, norm.text, ts, te, protected=protected, artist=artist,
                                  one_word=" " not in alias.key, not_person=not_person)
        score = {"name": 0.95, "compact": 0.9, "native": 0.9, "description": 0.8}[alias.kind]
        how = {"exact": "", "stem": " (inflected)", "fuzzy": " (misspelled)", "ordinal": "",
               "phonetic": " (transliterated)"}[hit.how]
        if ambiguous:
            titled = set(context.words_before(lower, ts, 2)) & _TITLES
            score = 0.9 if titled else 0.75
        if hit.how == "fuzzy":
            score = round(0.45 + 0.4 * hit.similarity, 3)
        elif hit.how == "phonetic":
            score = 0.8
        what = "protected identity" if protected else "public figure"
        explanation = f"{what} {alias.person.canonical}{how}"
        if alias.kind == "description":
            explanation = f"descriptive reference to {what} {alias.person.canonical}"
        if verdict.note:
            explanation += f"; {verdict.note}"
        if not verdict.identity_seeking:
            score = min(score, 0.3)
        start, end = norm.span(ts, te)
        return Finding(kind=kind, score=score, start=start, end=end, text=norm.original[start:end],
                       detector=self.id, canonical=alias.person.canonical, explanation=explanation,
                       identity_seeking=verdict.identity_seeking)

    @staticmethod
    def _career_cued(lower: str, te: int, alias: Alias) -> bool:
        """Whether an athlete's epithet that is also a phrase is followed by words of a professional game (round 34b).

        "la Pulga levantando la copa del mundo", "the Great One lifting the Stanley Cup", "O Fenômeno com a camisa
        da seleção": a trophy, a final, a stadium or a kit of a professional game after the epithet; a flea or a
        child in a park has none of them. Only for people listed under sport.
        """
        return alias.person.group == "sport" and _PRO_SPORT_CUE.search(lower, te) is not None

    def _ambiguous_mention(self, norm: NormalizedText, ts: int, te: int, alias: Alias) -> bool:
        """Whether an alias that is also a word ("Swift", "Drake", "Modi") names the person here.

        Capitals do not decide: a CLIP tokenizer lower-cases the prompt, so "drake on
        stage", "DRAKE ON STAGE" and "Drake on stage" are the same request. The words
        around decide. After an article or quantifier it is a word ("a drake", "many
        jobs"). Written with its listed capitals in a prompt that is not all capitals it is
        the name (as before). Otherwise a plain word right before makes it a word ("bee
        sting", "iron gates"); a person cue makes it the name ("rapper drake", "drake
        performing", "trump at a rally", "portrait of cher"); with neither, a name that is
        no everyday word ("modi", "picasso") is the name and an everyday word ("swift",
        "gates") is the word.
        """
        lower = norm.lower
        if " " not in alias.key and _LEET_DIGIT.search(alias.form):
            # round 33b: a handle with a digit for a letter ("s1mple", "f0rest", "N0tail") names the player only as
            # typed with it; typed plainly it is the word ("a simple forest at dawn")
            start, end = norm.span(ts, te)
            return _LEET_DIGIT.search(norm.original[start:end]) is not None
        # a "~~" alias ("Jul", "Seal"): capitals are no evidence, a word of another language is capitalised too
        native_word = self._native_word_after_word(alias, lower, ts)
        as_listed = (alias.form not in alias.person.cue_only and not native_word
                     and _written_as_listed(norm, ts, te, alias.form))
        if not alias.form.lower().startswith("the ") and (
                person_cues.determiner_before(lower, ts) or context.indefinite_before(lower, ts)):
            # "a drake" is a word; "the Lincoln Memorial" names a thing after the person (reported, not a depiction)
            return as_listed and context.thing_after(lower, te, " " not in alias.key, norm.text) is not None
        if _typed_with_inner_punctuation(norm, ts, te, alias):
            return True  # "P!nk", "Ke$ha" typed as listed: the punctuation is the stage name's own, no word has it
        if (" " not in alias.key and _INNER_MARK.search(alias.form)
                and alias.key in self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))):
            return False  # round 25b: "M.I.A." typed "mia" is the given name Mia, not the rapper
        works = stage_name_works(self.cache).get(alias.person.canonical, ())
        if works and any(re.search(r"\b" + re.escape(w) + r"\b", lower) for w in works):
            return True  # "Prince performing purple rain", "Ye ..., yeezy season": the person's own work decides
        if " " not in alias.key and _fantasy_word_sense(lower, ts, alias.key) and not _STAGE_CUE.search(lower):
            # round 39a: a one-word stage name that is also a word of fantasy, fairy tales or animals ("a baby drake
            # curled on gold coins, fantasy art", "the frog prince in a storybook") after a modifier, in a prompt of
            # that world, is the creature or the character; a stage cue keeps the performer
            return False
        if alias.key in _TITLES:
            # a stage name that is also a title ("Prince"): a title before a name ("Prince Ali") or a fairy-tale
            # prince ("prince performing a dance for the king") is no stage name without the work
            return False
        if (" " not in alias.key and (not as_listed or _prompt_initial(norm.text, ts))
                and not _STAGE_CUE.search(lower) and _whole_word(norm, ts, te)
                and self._ordinary_sense(lower, alias.key)):
            # round 28b: a stage name that is a dictionary word ("Sting", "Drake", "Birdy", "Usher") opening the prompt
            # (a capital there is no evidence) among words of its ordinary sense (animals, insects, plants, nature, a
            # job being done) is the word: "Drake swimming in a pond, mallard"; a stage cue keeps the performer
            return False
        if as_listed:
            return True
        cue_only = alias.form in alias.person.cue_only or native_word
        if cue_only and (self._other_first_name(norm, ts)
                         or set(context.words_before(lower, ts, 1)) & _SURNAME_PARTICLES):
            return False  # "Francisco de Quevedo", "Anna Seal": another person's surname
        if cue_only and _kpop_member(alias.person):
            # round 33b: a K-pop member's "~~" stage name that is a word or a common given name ("Rosé", "Winter",
            # "Lisa") names the member only beside the group or a K-pop cue ("Rosé blonde hair, kpop concert")
            return _group_named(lower, alias.person)
        if person_cues.modifier_before(lower, ts):
            return False
        if alias.key in _KIND_OF_PERSON and not _STAGE_CUE.search(lower) and not person_cues.depiction_of(lower, ts, te):
            # round 24a: "ninja in a black outfit on a rooftop", "usher in a tuxedo at the theatre door": the word
            # names a kind of person, so a person cue describes that kind; only a stage, stream or music cue names
            # the performer
            return False
        if not as_listed and " " not in alias.key and self._modifies_next(lower, te, alias.key):
            # round 33b: "pink lights on stage", "pink confetti on stage, concert photo": a lower-case stage name that
            # is a word, right before a noun, modifies that noun; the stage is where the lights are
            return False
        if person_cues.person_evidence(lower, ts, te):
            return True
        # round 39b: a streamer's one-word handle is cued by streaming, galas and shows as a singer's by a stage
        if alias.person.group in ("music", "internet") and " " not in alias.key and self._stage_cued(norm, ts, te,
                                                                                                      alias):
            return True
        gloss = _NATIVE_GLOSS.match(lower, te) if lower[te + 1:te + 2] > "\u024f" and " " not in alias.key else None
        if gloss and (person_cues.person_evidence(lower, ts, gloss.end()) or (
                _SUBJECT_NEXT.match(lower, gloss.end()) and _PERFORMANCE_CUE.search(lower))):
            # round 37b: a one-word stage name with its spelling in the singer's own script in brackets ("Rain (비)
            # dancing on a k-pop stage, fancam"): the bracket is an apposition, the cue after it is the name's; a
            # word glossed by its translation ("Rain (비) falling on a window") has no person or performance cue
            return True
        if cue_only:
            return False  # a "~~" alias needs a person or performance cue
        if _EAST_ASIAN_PICTURE.match(lower, te) and not any(
                w in self._everyday_words() or w in context.THING_NOUNS or w in context.ANIMALS_OBJECTS
                for w in alias.key.split()):
            # round 26b: "IU 사진", "IUの写真", "IU的演唱会": a picture, fan-cam or concert word right after a name that
            # is no everyday word ("Rainの写真" is rain)
            return True
        words = alias.key.split()
        everyday = self._everyday_words()
        # round 18a: a stage name that is a phrase of dictionary words ("ice cube melting in a glass") is the phrase
        # without a person cue, also when a word is too rare for the hand-made everyday lists
        dictionary = self._dictionary() if len(words) > 1 else frozenset()
        return not (len(alias.key) < 4 or all(w in everyday or w in dictionary or w.isdigit() for w in words))

    def _stage_cued(self, norm: NormalizedText, ts: int, te: int, alias: Alias) -> bool:
        """Whether a one-word stage name of a singer or musician is the subject of a performance prompt (round 32b).

        "Kylie in gold hotpants, music video still", "Yanni at the Acropolis, 1993 concert", "cher in a sequined
        gown, 1970s tv special": the name is followed by what a subject is in, at or doing (not by a noun it would
        modify: "pink lights on stage") and the prompt is about a performance. Capitalised, any stage cue of the
        career counts; lower case (where "cher", "pink" are also words) needs a cue only a performance has, and no
        word of the name's ordinary sense (animals, plants) may be there.
        """
        lower = norm.lower
        if not _SUBJECT_NEXT.match(lower, te):
            return False
        start, _ = norm.span(ts, te)
        if norm.original[start:start + 1].isupper() and not context.is_all_caps(norm.text):
            return _STAGE_CUE.search(lower) is not None
        return _PERFORMANCE_CUE.search(lower) is not None and not self._nature_around(lower, alias.key)

    def _modifies_next(self, lower: str, te: int, key: str) -> bool:
        """Whether a one-word alias that is a dictionary word ("pink") is followed by a noun it modifies (round 33b).

        The next word must be a plain dictionary word of the same clause that is no verb or role a person cue reads
        ("pink performs", "pink singer") and no word of a performance ("pink concert" stays ambiguous).
        """
        m = _NEXT_WORD.match(lower, te)
        if m is None:
            return False
        nxt = m.group(1)
        words = self.cache.get("lexicon.wordfreq", load_dictionary_words)
        if key not in self._everyday_words() or nxt.endswith(("ndo", "nte")):
            return False  # (an everyday word of the hand lists; a Romance gerund after is a verb: "Ibai haciendo")
        if (nxt not in words or nxt in _SUBJECT_WORDS or nxt in _PERFORMANCE_NOUNS or nxt.endswith(("ing", "ed"))
                or nxt in context.FUNCTION_WORDS or nxt in person_cues.PERSON_ROLES or nxt in _RELATIVE_WORDS):
            return False
        return not (nxt in person_cues.PERSON_ACTIONS or nxt in person_cues.PERFORMING_VERBS
                    or nxt in person_cues.PERSON_ACTIONS_I18N)

    def _nature_around(self, lower: str, key: str) -> bool:
        """Whether words of nature (animals, plants, habitats) other than ``key`` are in the prompt."""
        return not _NATURE_WORDS.isdisjoint(m.group(1) for m in _WORD_RE.finditer(lower) if m.group(1) != key)

    def _ordinary_sense(self, lower: str, key: str) -> bool:
        """Whether ``key`` is a dictionary word and the prompt is about its ordinary sense (round 28b).

        The sense: words of nature (animals, birds, insects, plants, habitats, "perched", "macro") anywhere in the
        prompt, or, for a noun for a kind of person ("usher", "ninja"), that kind of person at work.
        """
        if key not in self.cache.get("lexicon.wordfreq", load_dictionary_words) and not (
                key[-1:] in ("y", "e") and key.rstrip("ie").rstrip("y") in _NATURE_WORDS):
            return False  # (a pet form of a nature word is a word too: "birdy")
        if key in _KIND_OF_PERSON:
            # the job being done ("usher seating guests at a wedding"); without words of that work the word opening
            # the prompt is still the performer ("Usher on roller skates", "Madonna in 1985 with lace gloves")
            return not _AT_WORK_WORDS.isdisjoint(m.group(1) for m in _WORD_RE.finditer(lower) if m.group(1) != key)
        if _YEAR_OF_CAREER.search(lower):
            return False  # a year of the modern era dates a career, not an animal ("Drake in 2016, ...")
        # words of a compound or a pattern are no nature: "an owl-print hoodie", "a bee print dress"
        # (the name itself is no context: "Ninho" is also Portuguese for a nest)
        return not _NATURE_WORDS.isdisjoint(m.group(1) for m in _WORD_RE.finditer(lower) if m.group(1) != key)

    def _everyday_name(self, key: str) -> bool:
        """Whether a listed multi-word name is made only of numbers and everyday words ("50 Cent").

        Such a name is also a phrase ("a 50 cent coin"): like a "~" alias, the words around
        decide. Words of the name lexicons (first names, surnames) do not count as everyday
        here, so "Taylor Swift" or "Frank Ocean" stay names in every context.
        """
        words = key.split()
        if len(words) < 2:
            return False
        vocab = self._plain_words()
        if all(w.isdigit() or w in vocab for w in words):
            return True
        # round 40d: a colour and a dictionary word that is no first name ("Black Coffee", "Green Velvet"): the phrase
        # of a drink, a fabric or a thing as often as the stage name; the colour is a surname too, so the plain words
        # miss it
        return (len(words) == 2 and words[0] in _COLOURS and words[1] not in _COLOURS
                and words[1] in self._dictionary())

    def _native_word_after_word(self, alias: Alias, lower: str, ts: int) -> bool:
        """A performer's native-script name that is also a word (``_native_word``), right after a word of its
        script: "خاتم فيروز" (a turquoise ring), "گل یاس" (a jasmine flower) -- the word modifies the noun before it.
        Opening the prompt or a clause ("فيروز في مهرجان بعلبك") it is the subject: the singer."""
        before = lower[:ts].rstrip()
        return bool(before) and before[-1] > "\u024f" and before[-1].isalpha() and self._native_word(alias)

    def _native_word(self, alias: Alias) -> bool:
        """Whether a performer's one-word name in Arabic, Hebrew, Cyrillic or Greek letters is also a frequent word
        of its script's languages (round 41d).

        "خاتم فيروز أزرق" is a turquoise ring, "هیچکس" is "nobody", "یاس" jasmine: such a name, like a "~~" alias,
        names the singer only with a person or performance cue ("فيروز تغني على المسرح"). ``wordfreq`` ranks
        news names high too ("Путин", "ترامب"), so only performers' stage names are read so (a politician's
        surname is rarely a word), and not the transliteration of a name frequent in English ("Бибер"). The list
        (``data/native_stage_words.txt``) is built from ``wordfreq`` by ``_build_lexicons --native-stage-words``.
        """
        form = alias.form
        if alias.kind != "native" or not "\u0370" <= form[:1] <= "\u06ff" or " " in alias.key:
            return False
        return form.lower() in self.cache.get("lexicon.native_stage_words",
                                              lambda: load_lexicon("native_stage_words.txt"))

    def _plain_words(self) -> frozenset[str]:
        """Everyday words of the lexicons that no name list holds (first names and surnames removed)."""
        def build() -> frozenset[str]:
            names = load_lexicon("first_names.txt") | load_lexicon("surnames.txt")
            words = (load_lexicon("common_words.txt") | context.COMMON_WORDS | context.THING_NOUNS
                     | context.ANIMALS_OBJECTS | context.FUNCTION_WORDS)
            return frozenset(w for w in words - names if len(w) > 1)
        return self.cache.get("lexicon.plain_words", build)

    def _everyday_words(self) -> frozenset[str]:
        """Words of the lexicons that are also used as plain words (first names included: "hope", "rose")."""
        def build() -> frozenset[str]:
            return (load_lexicon("common_words.txt") | load_lexicon("first_names.txt")
                    | load_lexicon("common_surnames.txt") | context.COMMON_WORDS | context.FUNCTION_WORDS
                    | context.THING_NOUNS | context.ANIMALS_OBJECTS)
        return self.cache.get("lexicon.everyday_words", build)


# Round 35a. An office, rank or calling set beside an epithet, with or without a nationality, era or "former"
# ("the Iron Lady british PM", "the Iron Chancellor, Prussian statesman", "the Iron Lady former prime minister"): the
# epithet then names that office holder (a phrase has no office: "the iron lady statue")
_EPITHET_APPOSITION = re.compile(
    r",?\s+(?:(?:the|a|former|then|late|young|aging|ageing|elderly|first|[a-z]+(?:ish|ian|an|ese|ic|ch|i|ive|ist))\s+){0,2}?"
    r"(?:pm|prime minister|premier|chancellor|statesman|stateswoman|politician|president|king|queen|emperor|empress|"
    r"monarch|general|field marshal|marshal|minister|head of state|tsar|czar|tsarina|pharaoh|ruler|dictator|sultan|"
    r"shah|first lady|chairman|chairwoman|senator|tory leader|conservative leader|party leader|"
    r"premier ministre|premiere ministre|primera ministra|primer ministro|prima ministra|primo ministro|"
    r"primeira-ministra|primeiro-ministro|kanzler\w*|premierministerin|premierminister|reichskanzler|canciller|"
    r"chanceler|cancelliere|chancelier)\b")
# a year or decade with a picture word after an epithet typed with capitals ("the Iron Lady, 1980s photo", "the Iron
# Chancellor circa 1890 portrait")
_PERIOD_PICTURE = re.compile(r",?\s*\(?(?:in |from |circa |c\. |ca\. )?(?:1[89]\d0s|20[0-2]0s|1[89]\d\d|20[0-2]\d)\)?,?\s+"
                             r"(?:[a-z]+ )?(?:photo\w*|portrait|picture|snapshot|footage|newsreel|daguerreotype|"
                             r"film still|foto\w*|retrato|ritratto)\b")


def _epithet_apposed(lower: str, text: str, ts: int, te: int) -> bool:
    """Whether an epithet that is also a phrase has an office beside it or is dated by a period picture (round 35a)."""
    if _EPITHET_APPOSITION.match(lower, te):
        return True
    return text[ts:te] != lower[ts:te] and bool(_PERIOD_PICTURE.match(lower, te))


# Places and things only people stand at, within a few words after an epithet ("the Iron Lady at the dispatch box")
# (round 24a: also outside, leaving, walking out of, arriving at, in front of a seat of government, and a number in the
# place's name: "the Iron Lady outside 10 Downing Street")
_PEOPLE_PLACE = re.compile(r"\s+(?:at|on|in|behind|before|from|au|a|en|em|na|no|ao|nel|al|am|im|an der|auf der|outside|"
                           r"outside of|leaving|entering|near|in front of|(?:walking|stepping|coming) (?:out of|into|from)|"
                           r"arriving (?:at|in)|out of|devant|delante de|vor dem|vor der)\s+"
                           r"(?:the |la |le |el |o |a |il |der |die |den |l')?(?:[a-z0-9]+ ){0,2}?(?:dispatch box|lectern|"
                           r"pulpit|rostrum|podium|house of commons|house of lords|bundestag|parliament|senate|"
                           r"white house|downing street|elysee|kremlin|press conference|campaign trail|hustings|"
                           r"microphone|tribune|tribuna|pupitre|rednerpult|parlamento|parlement|camara|chambre|"
                           r"assemblee|congresso|congreso)\b"
                           # round 22a: "the Iron Lady at her desk", "the Great One with his stick": a place or thing
                           # of her/his own is a person's
                           r"|\s+(?:at|in|on|with|behind|beside|by|from|holding|wearing)\s+(?:[a-z]+ )?(?:her|his)\b")

# Round 39a. Words of fantasy, fairy tales, myths and storybooks in the prompt languages (substrings, accents as typed)
_FANTASY_CUE = re.compile(r"fantas|fairy|storybook|story book|dragon|myth|legend|creature|bestiar|enchant|hoard|"
                          r"m[aä]rchen|conte de f|contes de f|cuento|fiaba|fable|fabel|elven|elfin|wizard|sprookje|"
                          r"ba[sś][nń]|сказ|dungeons|tolkien|nursery|drach|dragón|drag[aã]o|drago")
# modifiers that make the next word a creature or a character: an age, size, colour, element or kind
_CREATURE_MODIFIERS = context.word_set("""baby young little tiny small giant huge great fire ice frost storm sea water earth
red green black white blue golden gold silver bronze ancient elder old winged sleeping wild fairy-tale fairytale
storybook frog dragon mythical legendary enchanted charming handsome brave noble evil wicked cursed""")


def _fantasy_word_sense(lower: str, ts: int, key: str) -> bool:
    """Whether a one-word alias follows a creature modifier (after an article, or right after a fantasy compound) in a
    prompt of fantasy, fairy tales or myths (round 39a)."""
    if key[:1] == "@" or not _FANTASY_CUE.search(lower):
        return False
    before = context.words_before(lower, ts, 2)
    if not before:
        return False
    if before[-1] in _FANTASY_COMPOUNDS:
        return True
    return before[-1] in _CREATURE_MODIFIERS and len(before) == 2 and before[0] in person_cues.DETERMINERS


# a word right before the alias that makes it a character on its own ("fairy-tale prince": "tale" after the hyphen)
_FANTASY_COMPOUNDS = context.word_set("tale fairytale storybook frog dragon mythical legendary enchanted")


# Round 28b. Words of the ordinary, non-person sense of a stage name that is a dictionary word: animals, birds,
# insects and their parts, plants, habitats, and the close-up photography of them ("Sting of a wasp under a
# microscope", "Drake swimming in a pond, mallard", "Birdy perched on a fence post"), in the prompt languages
_NATURE_WORDS = context.ANIMALS_OBJECTS | context.word_set("""wasp wasps bee bees hornet hornets insect insects bug bugs
beetle beetles ant ants spider spiders scorpion scorpions jellyfish butterfly butterflies dragonfly mosquito stinger
venom larva microscope microscopic macro entomology mallard mallards drakes ducks duckling ducklings hen hens rooster
geese swan swans pigeon pigeons seagull gull gulls flamingo flamingos penguin penguins seal seals walrus otter otters
whale whales dolphin dolphins shark sharks feather feathers plumage beak beaks wing wings nest nests perched perching
chirping birds songbird songbirds finch finches sparrows robins birdwatching birdhouse birdfeeder feeder pond ponds
reeds marsh swamp wetland wetlands meadow pasture hedge hedgerow twig twigs branch branches leaf leaves petals petal
blossom blossoms flower flowers garden aquarium zoo wildlife fauna flora telephoto habitat grazing nesting hatching
waddling paddling fence farmyard barnyard animal animals kitten puppy puppies cub cubs
abeja avispa insecto pato patos pajaro pajaros ave aves estanque pluma plumas nido
guepe abeille insecte canard canards oiseau oiseaux etang plume nid
wespe biene insekt ente enten vogel vogel teich feder nest
vespa ape insetto anatra anatre uccello uccelli stagno piuma nido
pato passaro passaros lago pena ninho""")
# Words of the work of a kind of person (an usher's, a madonna's, a ninja's ...): the settings, tools and acts that
# make "Usher seating guests at a church wedding" the job and not the singer
_AT_WORK_WORDS = context.word_set("""seating seat seats guest guests aisle aisles pew pews wedding weddings ceremony
ceremonies church churches chapel cathedral theater theatre theaters theatres cinema auditorium ticket tickets usherette
child infant baby jesus altar altarpiece icon icons fresco frescoes renaissance baroque gothic medieval saint saints
angel angels enthroned virgin tempera panel triptych shrine temple monastery dojo katana sword swords shuriken clan
feudal shogunate castle armor armour ritual rituals drum tribe tribal village potion potions wand spell spells robe
tower magic tavern longship axe raid norse fjord pyramid pyramids tomb sphinx nile ranch saloon lasso circus bakery
bread oven butchery meat barbershop haircut hospital clinic patient patients ward surgery stethoscope arena colosseum
battle battlefield joust galleon treasure""")
# a year of the modern era dates a career (a decade is in _STAGE_CUE already)
_YEAR_OF_CAREER = re.compile(r"\b(?:19[0-9]{2}|20[0-9]{2})\b")
_WORD_RE = re.compile(r"(?<![\w-])([^\W\d_]+)(?![\w-]| (?:print|pattern|patterned|motif|logo|costume|onesie)\b)")


def _whole_word(norm: NormalizedText, ts: int, te: int) -> bool:
    """Whether the mention was typed as a word of its own ("Ninja2k" is a handle, not the word "ninja")."""
    start, end = norm.span(ts, te)
    return not norm.original[end:end + 1].isalnum() and norm.original[start:end].isalpha()


def _prompt_initial(text: str, ts: int) -> bool:
    """Whether a mention opens the prompt or a sentence (its capital is then no evidence of a name)."""
    head = text[:ts].rstrip(" \"'\u201c\u2018(*-")
    return not head or head[-1] in ".!?:;\n"


# Round 24a. Stage names and handles that are nouns for a kind of person or figure ("Ninja", "Usher", "Madonna",
# "Faker"), and such nouns a future list entry may use: a person cue alone leaves them the noun
_KIND_OF_PERSON = frozenset({"ninja", "usher", "madonna", "faker", "samurai", "shaman", "wizard", "pharaoh", "viking",
                             "pirate", "cowboy", "clown", "monk", "nomad", "hermit", "mermaid", "angel", "warrior",
                             "rebel", "outlaw", "joker", "bandit", "magician", "vampire", "witch", "sheriff", "ghost",
                             "prophet", "gladiator", "ronin", "shogun", "sensei", "geisha", "jester", "knight",
                             "stranger", "hitman", "assassin", "butcher", "baker", "barber", "doctor", "nurse"})
# a stage, stream or music cue anywhere: the performer who took the word as a name ("usher performing", "ninja
# streaming fortnite")
def _group_named(lower: str, person: Person) -> bool:
    """Whether the group a member is listed with ("Jungkook of BTS", "Jennie from Blackpink") is in ``lower``.

    Round 33b: also the group's Hangul name ("방탄소년단 지민", "블랙핑크 제니") and, for a K-pop group, a K-pop or
    idol cue ("kpop concert fancam", "아이돌 직캠"): a member's stage name is a common given name or word only alone.
    """
    for a in person.aliases:
        for sep in (" of ", " from "):
            if sep in a:
                group = a.rsplit(sep, 1)[1].lower()
                if re.search(r"(?<!\w)" + re.escape(group) + r"(?!\w)|" + re.escape(group) + r"(?=[^\x00-\u024f])",
                             lower):
                    return True
                hangul = _KPOP_GROUPS_HANGUL.get(group)
                if hangul is not None and (any(h in lower for h in hangul) or _KPOP_CUE.search(lower)):
                    return True
    return False


def _kpop_member(person: Person) -> bool:
    """Whether ``person`` is listed as a member of a K-pop group ("Rosé of Blackpink")."""
    return any(sep in a and a.rsplit(sep, 1)[1].lower() in _KPOP_GROUPS_HANGUL
               for a in person.aliases for sep in (" of ", " from "))


# Round 33b: K-pop groups (as their members' "X of Group" aliases write them, lower case) and their Hangul names;
# a K-pop or idol cue in Latin letters or Hangul
_KPOP_GROUPS_HANGUL: dict[str, tuple[str, ...]] = {
    "bts": ("방탄소년단", "방탄"), "blackpink": ("블랙핑크", "블핑"), "twice": ("트와이스",), "aespa": ("에스파",),
    "newjeans": ("뉴진스",), "ive": ("아이브",), "le sserafim": ("르세라핌",), "stray kids": ("스트레이 키즈", "스키즈"),
    "seventeen": ("세븐틴",), "exo": ("엑소",), "big bang": ("빅뱅",), "bigbang": ("빅뱅",), "red velvet": ("레드벨벳",),
    "nct": ("엔시티",), "itzy": ("있지",), "txt": ("투모로우바이투게더", "투바투"), "snsd": ("소녀시대",),
    "girls' generation": ("소녀시대",), "enhypen": ("엔하이픈",), "ateez": ("에이티즈",), "(g)i-dle": ("여자아이들",),
    "mamamoo": ("마마무",), "shinee": ("샤이니",), "got7": ("갓세븐",), "nmixx": ("엔믹스",), "illit": ("아일릿",),
    "babymonster": ("베이비몬스터",), "riize": ("라이즈",), "treasure": ("트레저",), "monsta x": ("몬스타엑스",),
}
_KPOP_CUE = re.compile(r"\b(?:k-?pop|kpop idol|idol group|fancam|fan cam)\b|케이팝|아이돌|직캠|팬캠|걸그룹|보이그룹")


# a picture, fan-cam, profile or concert word of Korean, Japanese or Chinese right after a name, with a particle
_EAST_ASIAN_PICTURE = re.compile(r"\s?(?:[의のが은는이]\s?|的)?(?:사진|화보|직캠|프로필|셀카|초상화|공항\s?패션|콘서트|무대|"
                                 r"写真|画像|肖像|ライブ|コンサート|照片|相片|演唱会|舞台)")
# Round 37b. Performance words of more languages, as the normaliser writes them (no accents): concert, stage, on
# stage, performing, singing, dancing
_STAGE_I18N = (r"koncert\w*|szinpad\w*|fellep\w*|enekel\w*|tancol\w*|scenie|wystep\w*|spiewa\w*|tancz\w*|"
               r"podiu|podium|zpiva\w*|vystoup\w*|tanci|pe scena|cantand\w*|canta pe|danseaza|konser\w*|sahne\w*|"
               # round 42c: South Slavic "na sceni" (on stage), an auditorium, an instrument of the performer, Indonesian
               # "goyang" (the dangdut dance)
               r"sceni|scenu|pozornici|auditorio|auditorium|grand piano|piano|ukulele|goyang|bergoyang|rapeando|"
               r"sarki soyl\w*|dans ed\w*|panggung|bernyanyi|menyanyi|tampil|berjoget|konsiyerto|konsyerto|"
               r"entablado|kumakanta|umaawit|nagtatanghal|sumasayaw|hoa nhac|san khau|bieu dien|"
               r"ecula|edansa|esiteji|eqongeni|ekhonsathini|ekonsathini|ecula|eculweni")
_STAGE_CUE = re.compile(r"\b(?:perform\w*|sing\w*|sang|danc\w*|rapp\w*|stream\w*|concert\w*|stage|on tour|tour photo|"
                        # a decade ("in the 80s") dates a career; a kind of person has none of its own
                        r"(?:19|20)?\d0s|music video|album|"
                        r"grammy\w*|red carpet|premiere|twitch|youtube|fortnite|gaming|esports?|tournament|league|"
                        r"interview\w*|press conference|microphone|mic|live|superbowl|super bowl|halftime|award\w*|worlds|lck|t1|skt|"
                        # round 35b: Swahili (singing, performing, on stage, concert, song, music video)
                        r"akiimba|anaimba|wakiimba|kuimba|akitumbuiza|anatumbuiza|kutumbuiza|jukwaani|tamasha\w*|wimbo|"
                        r"nyimbo|muziki|"
                        # round 36b: award shows, song festivals and stages in the languages of the stage names
                        # ("Mahmood all'Ariston, foto di scena", "aux Victoires de la musique", "at the Filmfare awards")
                        r"sanremo|ariston|eurovision|festivalbar|filmfare|iifa|victoires de la musique|"
                        r"foto di scena|sul palco|sur scene|en concert|en concierto|in concerto|im konzert|escenario|"
                        r"palco|palcoscenico|buhne|scena|"
                        # round 37b: concerts, stages and performing in Hungarian, Polish, Czech, Romanian, Turkish,
                        # Indonesian, Tagalog, Vietnamese (accents folded) and Zulu/Xhosa
                        # round 38b: a stage costume or a music-video still in the languages of the stage names
                        # ("Falco im ...-Kostüm, Musikvideo Standbild"); accents are folded in ``lower``
                        r"kostum\w*|kostüm\w*|costume\w*|costumi|disfraz\w*|fantasia de palco|musikvideo\w*|"
                        r"videoclip\w*|video clip|music-video|clip officiel|clip musical|teledysk\w*|"
                        # round 39b: a decade in the languages of the stage names ("80er Jahre", "anni 80", "años 80",
                        # "annees 80"), a night club or disco of the era, streaming live and award galas ("en directo",
                        # "retransmitiendo", "ao vivo", "premios", "gala")
                        r"\d0er(?:[- ]?jahre\w*)?|(?:anni|annees|anos|años|jaren|lata) (?:19)?\d0|nachtclub\w*|"
                        r"nightclub\w*|discoth\w*|diskothek\w*|boite de nuit|retransmit\w*|transmit\w*|transmision\w*|"
                        r"transmissao|en directo|en vivo|ao vivo|dal vivo|in diretta|premios|premio|premi|prix|preisverleihung|"
                        r"gala|velada|"
                        # round 40c: a music genre or scene said of a performer, a concert in Spanish and Italian, and
                        # singing, a concert or a festival in Arabic ("Feid ..., concierto en Medellín", "IU ..., kpop
                        # idol", "Wegz بيغني في مهرجان"): a capitalised stage name needs no more
                        r"concierto\w*|concerto|dancehall|reggaeton\w*|afrobeats?|amapiano|dangdut|k-?pop|idol|"
                        r"bollywood|tollywood|kollywood|hip-?hop|rapper\w*|rap video|مهرجان|حفلة|حفل|بيغني|يغني|تغني|"
                        r"بتغني|يغني|مسرح|"
                        + _STAGE_I18N + r")\b")

# Round 42c. A time of day after a lower-case word ("palmy afternoon"): the word is its adjective
_TIME_OF_DAY_AFTER = re.compile(r" (?:afternoon|afternoons|morning|mornings|evening|evenings|day|days|night|nights|"
                                r"noon|dusk|dawn|summer|weekend)\b")
# Round 32b. What follows a stage name that is the subject of the prompt: punctuation, the end, or a preposition,
# dress or performing verb (a noun right after would be modified by the word: "pink lights on stage")
_SUBJECT_NEXT = re.compile(r"\s*(?:[,;(]|$)|\s+(?:in|on|at|with|wearing|during|live|playing|performing|singing|"
                           r"dancing|backstage|onstage|circa|ca|around|en|sur|con|auf|mit|im|beim|al|no|na|em|"
                           # round 35b: a Swahili subject doing something ("akiimba", "akitumbuiza": while singing,
                           # performing) or on stage
                           r"aki(?:imba|tumbuiza|cheza|wa)|anaimba|anatumbuiza|jukwaani|kwenye|katika|"
                           # round 37b: the same in more languages: a concert or stage, in/on/at, performing
                           r"koncert\w*|konser\w*|sahne\w*|szinpad\w*|fellep\w*|enekel\w*|spiewa\w*|zpiva\w*|"
                           r"w|pe|di|sa|tren|bernyanyi|menyanyi|tampil|kumakanta|nagtatanghal|ecula|edansa|esiteji|"
                           r"eqongeni|dang hat|dang bieu dien|"
                           # round 39b: a streamer streaming ("retransmitiendo en directo", "streaming on twitch")
                           r"retransmit\w*|transmit\w*|stream\w*|haciendo directo|en directo|ao vivo|"
                           # round 42c: a concert of the name ("Rossa concert jakarta"), a Romance or Indonesian
                           # performing verb ("Yuri cantando en ...", "Inul goyang ngebor di panggung")
                           r"concert|concerts|konser|cantando|bailando|rapeando|actuando|goyang|bergoyang|berjoget|"
                           r"menari|vo|u)\b")
# Round 37b. A name's spelling in a non-Latin script in brackets right after it ("Rain (비)", "Gackt (ガクト)"; the
# normaliser has dropped the brackets): one or two words of letters beyond Latin
_NATIVE_GLOSS = re.compile(r" [^\x00-\u024f\s,;.]{1,12}(?: [^\x00-\u024f\s,;.]{1,12})?(?=[ ,;.]|$)")
# Round 33b. A digit between letters: a leetspeak handle ("s1mple", "f0rest")
_LEET_DIGIT = re.compile(r"[^\W\d_]\d+[^\W\d_]")
# Round 33b. The word right after a name (letters only, same clause) and the words after a subject or of a performance
# that a noun modified by a stage name that is a word ("pink lights") is not
_NEXT_WORD = re.compile(r" ([a-z]{3,})(?:\s*(?:[,;.]|$)|\s+(?:on|at|in|with|over|under|from|for|and|during)\b)")
_SUBJECT_WORDS = frozenset(["in", "on", "at", "with", "wearing", "during", "live", "playing", "performing", "singing", "dancing", "backstage", "onstage", "circa", "ca", "around", "en", "sur", "con", "auf", "mit", "im", "beim", "al", "no", "na", "em", "and", "or", "from", "by", "as", "to", "of", "for"])
_RELATIVE_WORDS = frozenset(["che", "que", "qui", "who", "that", "which", "der", "die", "das", "som", "ki", "hvor", "wie", "come", "como", "sul", "sulla", "sui", "al", "alla", "del", "della", "nel", "nella", "dal", "dalla", "di", "da", "su", "sur", "sobre", "na", "no", "em", "do", "dans", "au", "aux", "du", "vom", "zum", "zur", "am", "bei", "ve", "ile"])
_PERFORMANCE_NOUNS = frozenset(["concert", "concerts", "tour", "show", "shows", "performance", "gig", "gigs", "album", "albums", "song", "songs", "video", "music", "fans", "fan", "fancam", "live", "set", "era"])
# cues only a performance has (a lower-case stage name that is also a word needs one of these)
_PERFORMANCE_CUE = re.compile(r"\b(?:music video|concert\w*|on stage|onstage|world tour|\w+ tour|album cover|"
                              r"tv special|live performance|performing|singing|red carpet|grammys?|mtv|vmas?|"
                              r"eurovision|music awards?|halftime show|backstage|setlist|encore|akiimba|akitumbuiza|jukwaani|"
                              # round 36b: song festivals, award shows and stages in other languages
                              r"sanremo|ariston|festivalbar|filmfare|iifa|victoires de la musique|foto di scena|"
                              r"sul palco|sur scene|en concert|en concierto|in concerto|im konzert|"
                              # round 37b (see _STAGE_I18N)
                              # round 38b: a stage costume or a music-video still in the languages of the stage names
                        # ("Falco im ...-Kostüm, Musikvideo Standbild"); accents are folded in ``lower``
                        r"kostum\w*|kostüm\w*|costume\w*|costumi|disfraz\w*|fantasia de palco|musikvideo\w*|"
                        r"videoclip\w*|video clip|music-video|clip officiel|clip musical|teledysk\w*|"
                        + _STAGE_I18N + r")\b")

# Round 24a. Press and state-occasion cues after an epithet: only a person is in a press photo or on a state visit
# ("the Iron Lady, 1980s press photo, handbag")
# round 34b: words only a professional game has (accents folded), after an athlete's epithet that is also a phrase
_PRO_SPORT_CUE = re.compile(
    r"\b(?:copa del mundo|copa do mundo|coppa del mondo|coupe du monde|world cup|weltmeister\w*|mundial|mondiali|"
    r"champions league|ligue des champions|liga de campeones|ballon d'or|balon de oro|bola de ouro|pallone d'oro|"
    r"stanley cup|nba finals?|super bowl|olympic\w*|olimpic\w*|olympi\w+|copa america|eurocopa|euro 20\d\d|"
    r"final(?:e|s)? (?:del|de la|da|della|de|of the|du)|la final|the final|"
    r"estadio|stadium|stadio|stade|estadio|camp nou|bernabeu|maracana|san siro|"
    r"(?:camiseta|jersey|maglia|trikot|maillot|camisa) (?:de la |da |del |della |de |do |of the |of )?(?:seleccion|"
    r"selecao|nazionale|national team|argentina|brasil|barcelona|barca|real madrid|juventus|milan|inter|psg|bayern)|"
    r"albiceleste|"
    r"(?:marcando|anotando|segnando|marquant|scoring|celebrating|lifting|levantando|alzando|sollevando|"
    r"soulevant|erguendo|levantando) (?:un |el |la |a |o |il |the |le )?(?:gol|goal|golazo|but|copa|coppa|coupe|"
    r"cup|trofeo|trophy|trophee|taca|taça)|"
    # round 37a: the cues of the game in more languages (German, Dutch, Hungarian, Polish, Turkish, Indonesian) and
    # a shirt number ("der Kaiser mit dem WM-Pokal im Stadion", "la Pulga con la camiseta número 10", "a 10-es
    # mezben"): a kit with a number, a stadium, a trophy, a goal or a kick only a game has
    r"wm[- ]?pokal|weltpokal|europapokal|meisterschale|dfb[- ]?pokal|stadion\w*|stadyum\w*|fussballstadion|voetbalstadion|"
    r"nationalmannschaft|nationalelf|nationaal elftal|valogatott|reprezentacj\w+|milli takim|timnas|"
    r"(?:camisa|camiseta|maglia|trikot|maillot|shirt|jersey|kit|koszul\w+|forma\w*|kaos|jersi|mez\w*|shirtje|"
    r"rugnummer|ruckennummer)(?: (?:de |da |del |do |mit der |met |with the |z )?(?:numero |nummer |number |"
    r"no |nr |numer\w* |nomor |szamu |#)?\d{1,2}\b)|"
    r"(?:numero|nummer|number|numer\w*|nomor|no) \d{1,2} (?:shirt|jersey|kit|trikot|forma\w*|shirtje)|"
    r"bicicleta|chilena|rovesciata|fallruckzieher|bicycle kick|overhead kick|free kick|tiro libre|punizione|"
    r"freistoss|elfmeter|rigore|penalty kick|penalti|penalty|strafschop|rzut karny|"
    r"(?:scoring|marcando|schiesst|schießt|scoort|strzela\w*|atiyor|mencetak) (?:ein |een |a |o |un |el |il )?"
    r"(?:tor|doelpunt|goal\w*|gol\w*|bramk\w+))\b")

_NEWS_CUE = re.compile(r"\b(?:press photo|news photo|press photograph|press conference|official portrait|state visit|"
                       r"campaign poster|election poster|election night|photo op|foto de prensa|photo de presse|"
                       r"pressefoto|foto di stampa|visita de estado|visite d'etat|staatsbesuch)\b")

# Indefinite articles of the prompt languages: a one-word name written lower case after one is the word it also is.
_INDEFINITE_ARTICLES = frozenset(["a", "an", "un", "una", "uno", "une", "um", "uma", "ein", "eine", "einen", "einem",
                                  "einer", "een", "unos", "unas", "uns", "umas", "des"])

# Particles of surnames ("Francisco de Quevedo", "Ludwig van Beethoven"): a stage name after one is a surname.
_COLOURS = frozenset({"black", "white", "brown", "green", "grey", "gray", "gold", "golden", "silver", "red", "blue",
                      "pink", "purple", "yellow", "orange"})

# Round 40d: honorifics of ordinary people (neighbours, shopkeepers, mascots) in the languages of the prompts
_EVERYDAY_HONORIFICS = context.word_set("""dr doctor doktor mr mrs ms miss aling mang manang manong ate kuya tita tito
lola lolo don dona sr sra srta senor senora senorita seu tio tia dona dom nana tata pak bu ibu bapak mbak mas
mzee bibi babu mama baba uncle auntie aunty herr frau madame monsieur signora signor signorina tante onkel""")
_POSSESSIVES = context.word_set("my mi mis meu minha ma mon mes mein meine mio mia aking ko ng our")
_SURNAME_PARTICLES = frozenset(["de", "del", "della", "di", "da", "do", "dos", "van", "von", "der", "le", "la", "du"])

_PRODUCTS = context.word_set("""suit suits dress dresses gown shirt shirts polo jacket coat scarf tie belt wallet bag bags
handbag purse perfume fragrance cologne watch watches shoes shoe boots sneakers heels sunglasses glasses jeans
underwear lingerie lipstick makeup store boutique shop logo ad ads advertisement billboard collection line runway
catwalk label brand product products bottle box car cars""")


# a saint's title + a name + "of <place>" ("Saint Francis of Assisi", "San Francesco d'Assisi", "St. Ignatius of
# Loyola"): a figure of devotion, painted as an icon or fresco, not a person to photograph (round 18a)
_SAINT_OF = re.compile(r"(?:saint|st\.?|san|santo|santa|sao|sainte|sankt|swiety|swieta|svaty|svata|sveti|sveta) "
                       r"[a-z]+(?: [a-z]+)? (?:of|de|da|di|d'|du|del|della|von|z|ze|iz) ?[a-z]")


# Round 23a. "My" written after the noun (Swahili, Zulu/Xhosa, Indonesian, Tagalog, Romanian, Greek, Icelandic):
# a lower-case one-word name right before one is a relation or thing word of that language ("kaka yangu")
_POSSESSED_AFTER = re.compile(r" (?:yangu|wangu|zangu|yetu|wetu|wami|yami|lami|sami|bami|wam|yam|lam|sam|saya|aku|"
                              r"namin|natin|mea|meu|μου|minum|minni|minn)(?!\w)")


def _saint_of_place(lower: str, ts: int, te: int) -> bool:
    """Whether the mention is a saint named with the title and "of <place>", or a saint's title stands before a
    listed "<name> of <place>" ("St Francis of Assisi")."""
    m = _SAINT_OF.match(lower, ts)
    if m is not None and m.end() <= te + 2:
        return True
    return " of " in lower[ts:te] and context.devotional_title(lower, ts, te)


def _known_by_title_or_place(canonical: str) -> bool:
    """A canonical name that is a saint's title or a "<name> of <place>" byname (a figure of devotion)."""
    key = key_of(canonical)
    return bool(_SAINT_OF.match(key)) or " of " in key


def _brand_use(lower: str, ts: int, te: int) -> bool:
    """A dual-use name used as a brand: "a Ralph Lauren polo", "Dior's new perfume", "the Tom Ford store"."""
    before = context.words_before(lower, ts, 1)
    after = context.words_after(lower, te, 3)
    if after and after[0] == "s" and lower[te:te + 1] in ("'", "\u2019"):
        after = after[1:]
    return bool((before and before[0] in ("a", "an", "the", "my", "her", "his", "your"))
                or (after and (after[0] in _PRODUCTS or (len(after) > 1 and after[1] in _PRODUCTS))))


def _dictionary_words_only(key: str, hit: Hit, words: frozenset[str]) -> bool:
    """Whether a fuzzy multi-word hit is made of dictionary words with nothing distinctive.

    Fuzzy matching never turns dictionary words into a person: when every word the prompt
    wrote is a dictionary word (``wordfreq``) and one of them is not the name's own word, the
    prompt is read as words ("grand canyon" is no "Grant Ganyon"; "tailor swift" too: an
    evasion spelled in real words needs a person cue from another detector). A misspelling
    that is no word ("tayler swfit", "kim kardashain") still matches.
    """
    written = key[hit.start:hit.end].split()
    listed = hit.alias.key.split()
    if len(written) != len(listed):
        return False
    changed = [w for w, n in zip(written, listed) if w != n]
    return bool(changed) and all(w in words for w in changed) and all(w in words for w in written)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop duplicates and hits strictly inside a longer hit ("Mucha" inside "Alphonse Mucha")."""
    out: list[Hit] = []
    seen: set[tuple[int, int, str]] = set()
    reach = -1  # furthest end of the longer hits seen so far (sorted by start, longest first)
    reach_start = -1
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        ident = (h.start, h.end, h.alias.person.canonical)
        if ident in seen:
            continue
        if h.end <= reach and (reach - reach_start) > (h.end - h.start):
            continue
        seen.add(ident)
        out.append(h)
        if h.end > reach:
            reach, reach_start = h.end, h.start
    return out


# Initials written with dots ("M.I.A."): typed without them they can spell a given name ("mia"). Only dots:
# a letter swapped for a sign ("P!nk", "Ke$ha") typed plainly is the stage name's ordinary spelling ("Pink").
_INNER_MARK = re.compile(r"\w\.\w")


def _typed_with_inner_punctuation(norm: NormalizedText, ts: int, te: int, alias: Alias) -> bool:
    """Whether a one-word stage name with punctuation inside ("P!nk", "Ke$ha") was typed exactly as listed (round 14a).

    The normaliser folds "P!nk" to "pink" (leetspeak); the prompt as typed keeps the "!", which no everyday word
    has, so the words around need not decide.
    """
    start, end = norm.span(ts, te)
    typed = norm.original[start:end]
    if not re.search(r"\w[^\w\s]+\w", typed):
        return False
    listed = (*alias.person.aliases, *alias.person.ambiguous)
    # round 25b: the match ends before a closing dot ("M.I.A." is matched as "M.I.A")
    return any(typed.casefold().rstrip(".") == a.casefold().rstrip(".") for a in listed if re.search(r"[^\w\s]", a))


def _written_as_listed(norm: NormalizedText, ts: int, te: int, form: str) -> bool:
    """Whether the alias is written with its listed capitals in a prompt that is not all capitals."""
    if context.is_all_caps(norm.text):
        return False
    written = re.findall(r"[^\W_]+", norm.text[ts:te])
    listed = re.findall(r"[^\W_]+", form)
    if len(written) != len(listed):
        return False
    return all(word[:1].isupper() or not listed_word[:1].isupper() for word, listed_word in zip(written, listed))
