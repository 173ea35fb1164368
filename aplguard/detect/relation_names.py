"""A relation of the user named by first name, in other languages: "mi abuela Carmen", "моя сестра Оля".

English ("my wife Sarah") is the name-shape detector's; this module reads the same shape in 38 other languages
from ``data/relation_words.txt`` (possessives, kinship, partner, friend, colleague, neighbour, teacher and boss
words): a possessive + a relation (or a relation word that carries "my" itself: "annem", "أختي", "母") followed by
a word that is no common word of that language is one specific private person. "Common" is the language's
``wordfreq`` list where it has one (the dictionary words of the Latin languages, the per-script lists of
``script_names``), the project's hand-made common words otherwise, plus the stop words of the data file. In a
script with capitals the word must be capitalised ("meine Mutter im Garten" names nobody), and in a Title Case or
all-caps prompt it must be a listed first name.

Scripts written without spaces have shapes of their own: Chinese "我同事王晓燕" (a listed surname character that does
not start a dictionary word), Japanese "母の恵子の似顔絵" (a non-dictionary word between "の" and a particle), Korean
"우리 엄마 박순자 여사님" / "남자친구 민준이랑" (a listed given name, or surname + two syllables after a possessive),
Burmese (an honorific "ကို/ဦး/ဒေါ်/မောင်" starts the name), Khmer ("បងស្រីរបស់ខ្ញុំ សុខ ចន្ធី") and Tibetan
("ངའི་གྲོགས་པོ་<syllables>་གི་པར").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..types import Finding
from . import context
from .context import FUNCTION_WORDS
from .normalize import NormalizedText, match_key, normalize
from .resources import (
    ResourceCache,
    english_zipf,
    load_city_names,
    load_dictionary_words,
    load_lexicon,
    load_relation_words,
    load_simplified_chinese_map,
)
from .script_names import _ZH_THING_ENDINGS, _fold, load_lists  # noqa: PLC2701 (one fold for every native word list)

_CASED = frozenset({"latin", "cyrillic", "greek", "armenian"})
# what ends a word after the relation (punctuation of the scripts; Indic vowel signs are no letters for \w)
_WORD = r"(?P<w>[^\s,.;:!?()\[\]{}\"'«»“”„‘’،、。，！？|/]+)"
_NEXT = r"(?:\s+(?P<w2>[^\s,.;:!?()\[\]{}\"'«»“”„‘’،、。，！？|/]+))?"
_START = r"(?:^|(?<=[\s,.;:!?(\"'«“„]))"


@dataclass(frozen=True)
class _Lang:
    code: str
    script: str
    pattern: re.Pattern[str]
    stop: frozenset[str]
    own: frozenset[str] = frozenset()  # this language's possessive and relation words


@dataclass(frozen=True)
class _Lexicon:
    spaced: tuple[_Lang, ...]
    words: frozenset[str]  # every possessive and relation word (never a name)
    special: dict[str, tuple[str, str, str]]  # code -> (possessives, relations, owned) as regex alternations
    heads: re.Pattern[str]  # any possessive or "owned" relation of a spaced language: where to try the languages
    # round 24a: the languages to try by the first word of a head ("en" opens Tamil relations only), so that a
    # common word among the possessives does not make every language's pattern run
    by_first: dict[str, tuple[_Lang, ...]] = dataclasses.field(default_factory=dict)
    hu_owned: frozenset[str] = frozenset()  # round 25a: Hungarian possessed kin words (a name may stand before them)


def _alt(field: str) -> list[str]:
    """The "|"-separated words of a data field as the normaliser writes them (accents off, lower case)."""
    if field == "-":
        return []
    return sorted({normalize(w.strip()).lower for w in field.split("|") if w.strip()}, key=len, reverse=True)


def _rx(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


# Round 14a. Possessives written after the relation, and titles or articles that may stand between the relation and
# the name (as the normaliser writes them: accents off, lower case)
_POSS_AFTER = {"el": "μου|μας",
               # round 15: Indonesian, Vietnamese, Swahili and Tagalog put "my" after the relation too ("kakak saya
               # Dewi", "mẹ tôi Lan", "mama yangu Neema", "kapatid ko si Jun")
               "vi": "toi|minh|cua toi|cua minh", "sw": "yangu|wangu|zangu|yetu|wetu",
               # round 17: Tagalog's linked "kong/naming" before "si" ("kapatid kong si Joy"), Indonesian "-ku" on a word
               # that qualifies the relation ("teman kantorku Dimas": my office friend), Romanian's "my" after the
               # relation ("fratele meu Mihai")
               "tl": "ko|namin|natin|kong|naming|nating",
               "id": r"saya|aku|kami|kita|(?:kantor|kerja|sekolah|kampus|kuliah|sekelas|sekamar|sekantor|kos|kost|main|"
                     r"lama|baik|dekat|sd|smp|sma|gereja|masjid|gym)(?:ku|\s+saya|\s+aku)",
               "ro": "meu|mea|mei|mele|nostru|noastra|nostri|noastre",
               # round 18a: Yoruba "ọ̀rẹ́ mi Tunde" (my friend Tunde), Zulu "umngane wami uSipho" (the concord of "my"
               # follows the noun class)
               "yo": "mi|wa", "zu": "wami|yami|lami|sami|bami|kami|wethu|yethu|bethu|lethu",
               # round 23a: Xhosa "umalume wam uSipho" (my uncle Sipho)
               "xh": "wam|yam|lam|sam|bam|kam|wethu|yethu|bethu|lethu",
               # round 19a: Icelandic puts "my" after the relation ("vinkona mín Sigga"), Norwegian after a definite
               # relation ("søstera mi Ingrid" is matched on the bare word's forms below)
               "is": "min|minn|mitt|minir|minar|okkar",
               # round 39b: Swedish, Norwegian and Danish put "my" after a relation too, mostly a definite one
               # ("systern min Elin", "bror min Lars", "mora mi Kari"; the definite forms are in _DEFINITE_KIN)
               "sv": "min|mitt", "no": "min|mi|mitt", "da": "min|mit",
               # round 41c: Albanian ("xhaxhai im Arben", "motra ime Blerta"), Igbo ("nne m Ngozi", "nwanne m"),
               # Luganda ("maama wange Nakato", "mukwano gwange")
               "sq": "im|ime|e mi|e mia|jone|yne|tim|time", "ig": "m|anyi",
               "lg": "wange|yange|gwange|lyange|kyange|wattu|waffe"}
# Round 39b. Definite (and colloquial) relation forms that take a possessive after them in Swedish, Norwegian and
# Danish; the normaliser folds "ø"/"å"/"æ" only partly, so both spellings are listed
_DEFINITE_KIN = {
    "sv": "systern|systerns|brodern|brorsan|morsan|farsan|mamma|pappa|mormor|morfar|farmor|farfar|frun|frugan|"
          "mannen|maken|makan|dottern|dotra|sonen|kusinen|mostern|fastern|morbrorn|farbrorn|kompisen|vannen|vännen|"
          "vaninnan|väninnan|flickvannen|flickvännen|pojkvannen|pojkvännen|sambon|grannen|chefen|kollegan|lararen|"
          "läraren|larinnan|lärarinnan|svarmor|svärmor|svarfar|svärfar|brorsonen|barnbarnet|bror|syster|mor|far",
    "no": "mora|moren|faren|far|mor|mamma|pappa|søstera|sostera|søsteren|sosteren|broren|bror|dattera|datteren|"
          "sønnen|sonnen|kona|mannen|kjæresten|kjaeresten|venninna|venninnen|vennen|kompisen|naboen|sjefen|"
          "kollegaen|læreren|laereren|tanta|tanten|onkelen|kusina|kusinen|fetteren|bestemor|bestefar|bestemora|"
          "bestemoren|bestefaren|mormor|morfar|farmor|farfar|svigermora|svigermoren|svigerfaren|samboeren|niesa|nevøen",
    "da": "moren|faren|mor|far|søsteren|sosteren|broren|bror|datteren|sønnen|sonnen|konen|manden|kæresten|"
          "kaeresten|veninden|vennen|naboen|chefen|kollegaen|læreren|laereren|mormor|morfar|farmor|farfar|kusinen|"
          "fætteren|faetteren|svigermoren|svigerfaren"}
# Round 23a. Zulu and Xhosa put the relation in the genitive after a possessed noun ("isithombe sikamalume wami
# uSipho": the picture of my uncle Sipho): a class concord + "ka" before a class-1a noun ("umalume" -> "sikamalume"),
# a concord + "o" before a class-1 noun ("umngane" -> "somngane")
_BANTU_GENITIVE = frozenset({"zu", "xh"})
_KA_CONCORDS = ("", "si", "li", "zi", "ba", "ku")  # + "ka" + a class-1a stem: "kamalume", "sikamalume"
_O_CONCORDS = ("w", "y", "s", "l", "z", "b", "k", "kw")  # + "o" + a class-1 stem: "somngane", "womngane"


def _bantu_genitives(rel: list[str]) -> list[str]:
    """Genitive forms of the Zulu/Xhosa relation nouns that start with the class prefix "u"."""
    stems = [w[1:] for w in rel if w.startswith("u") and len(w) > 3 and " " not in w]
    return [c + "ka" + st for st in stems for c in _KA_CONCORDS] + [c + "o" + st for st in stems for c in _O_CONCORDS]


_BETWEEN = {"de": "herr|frau|dr|doktor|prof|professor",
            "el": "ο|η|τον|την|του|της|ο κυριος|η κυρια|κυριος|κυρια|κυρ",
            "es": "don|dona|senor|senora|sr|sra|el senor|la senora|doctor|doctora|dr|dra",
            "fr": "monsieur|madame|mademoiselle|m|mme|docteur|dr",
            "it": "signor|signora|sig|sig\\.ra|dott|dottor|dottoressa|don",
            "pt": "seu|dona|senhor|senhora|sr|sra|doutor|doutora|dr|dra",
            "nl": "meneer|mevrouw|mevr|dhr|dokter",
            "tl": "na si|na kay|na ni|si|kay|ni",
            # round 18a: Vietnamese "named" before the name ("anh họ tôi tên Minh": my cousin named Minh)
            "vi": "ten la|ten|la",
            # round 29a: Icelandic puts "she/he" before a first name ("kennarinn minn hún Sigrún": my teacher Sigrún)
            "is": "hun|hann",
            # round 42c: Samoan and Maori put a personal article before a name ("lo'u tinā o Sina", "tōku kuia a Mere")
            "sm": "o", "mi": "a",
            "ur": "جناب|سر|ڈاکٹر"}


def load_lexicon_of_relations(cache: ResourceCache) -> _Lexicon:
    """The relation words of ``data/relation_words.txt``, compiled per language (cached)."""
    def build() -> _Lexicon:
        spaced: list[_Lang] = []
        starts: set[str] = set()
        words: set[str] = set()
        special: dict[str, tuple[str, str, str]] = {}
        firsts: dict[str, list[_Lang]] = {}
        hu_owned: frozenset[str] = frozenset()
        for code, script, poss_f, rel_f, owned_f, stop_f in load_relation_words():
            poss, rel, owned, stop = _alt(poss_f), _alt(rel_f), _alt(owned_f), _alt(stop_f)
            if code == "hu":
                hu_owned = frozenset(owned)
            if code in _BANTU_GENITIVE:
                rel = sorted(set(rel) | set(_bantu_genitives(rel)), key=len, reverse=True)
            words.update(w for w in poss + rel + owned if " " not in w)
            if script in ("han", "kana", "hangul", "myanmar", "khmer", "tibetan"):
                special[code] = (_rx(poss), _rx(rel), _rx(owned))
                continue
            starts.update(poss if rel else [])
            starts.update(owned)
            heads = []
            if poss and rel:
                # "mi querida abuela Carmen": one word may sit between the possessive and the relation
                heads.append(r"(?:" + _rx(poss) + r")\s+(?:\S+\s+)?(?:" + _rx(rel) + r")")
            if owned:
                heads.append(r"(?:" + _rx(owned) + r")")
            after_rel = rel
            if code in _DEFINITE_KIN:
                after_rel = sorted(set(rel) | set(_alt(_DEFINITE_KIN[code])), key=len, reverse=True)
                words.update(after_rel)
            if code in _POSS_AFTER and rel:
                # Greek puts "my" after the relation: "ο παππούς μου ο Κώστας" (round 14a)
                # (tried before a bare "owned" word: Romanian "sora mea Ioana" is "sora" + "mea", round 17)
                heads.insert(0, r"(?:" + _rx(after_rel) + r")\s+(?:" + _POSS_AFTER[code] + r")")
                starts.update(after_rel)
            if not heads:
                continue
            # a title or article may stand before the name: "mein Chef Herr Brandstätter", "... μου ο Κώστας"
            between = r"(?:(?P<t>" + _BETWEEN[code] + r")\.?\s+)?" if code in _BETWEEN else ""
            # round 17: a comma may set the name off ("a nagymamám, Erzsi néni": my grandma, Aunt Erzsi)
            pattern = re.compile(_START + r"(?:" + "|".join(heads) + r"),?\s+" + between + _WORD + _NEXT)
            lang = _Lang(code, script, pattern, frozenset(stop), frozenset(poss + rel + owned))
            spaced.append(lang)
            lang_starts = (poss if rel else []) + owned + (after_rel if code in _POSS_AFTER and rel else [])
            for first in {w.split()[0] for w in lang_starts if w.strip()}:
                firsts.setdefault(first, []).append(lang)
        return _Lexicon(tuple(spaced), frozenset(words), special,
                        re.compile(_START + r"(?:" + _rx(sorted(starts, key=len, reverse=True)) + r")[\s,]"),
                        {k: tuple(v) for k, v in firsts.items()}, hu_owned)
    return cache.get("lexicon.relation_words", build)


# Chinese surnames (the most common of the Hundred Family Surnames, simplified and traditional; characters that are
# also everyday function words, "向", "于", "何", "万", "方", "安", "山", "东", are left out)
_ZH_SURNAMES = frozenset("""王李张刘陈杨黄赵吴周徐孙马朱胡郭林罗高郑梁谢宋唐韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢
姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤张陳楊黃趙吳劉張鄭謝蕭葉許蘇呂鍾盧羅
鄧曹馮韓蔣龔賴許洪翁簡詹""".replace("\n", ""))
# Korean surnames (the commonest; one syllable)
_KO_SURNAMES = frozenset("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용")
_KO_PARTICLES = ("이랑", "이와", "이가", "이는", "이를", "이의", "이한테", "하고", "한테", "에게", "랑", "와", "과", "가", "는",
                 "은", "를", "을", "의", "이")
_KO_TITLES = re.compile(r"\s*(?:씨|님|여사님|여사|선생님|군|양)")
# Japanese: characters of things a relation "has" ("母の料理", "父の車", "姉の似顔絵"): never in a name after "の"
_JA_THINGS = frozenset("絵顔車服家店庭墓物事頃")
_JA_THING_WORDS = ("料理", "写真", "日", "部屋", "誕生", "作品", "味", "形見", "姿", "話", "本", "趣味", "仕事", "職場",
                   "時代", "昔", "手紙", "手作り", "声")
# round 25a: words people put an honorific on that are no names (pets, babies, things, kin)
_JA_PET_WORDS = frozenset({"ワン", "ワンコ", "わんこ", "わんちゃ", "ねこ", "ネコ", "にゃん", "ニャン", "うさ", "ウサ", "赤",
                           "赤ちゃ", "お母", "お父", "おば", "おじ", "お姉", "お兄", "おばあ", "おじい", "お嬢", "坊ちゃ",
                           "お坊ちゃ", "ぼっ", "ぼっちゃ", "お客", "奥", "お子", "みな", "皆", "ちび", "チビ", "ペット",
                           "店員", "先生", "彼氏", "彼女", "息子", "娘", "お医者", "お巡り", "旦那", "大家", "社長"})
_JA_PARTICLE = r"(?=の|が|は|を|と|に|も|で|へ|さん|ちゃん|くん|様|、|。|,|\s|$)"
_GENITIVE_NEXT = re.compile(r"\s+(?:की|का|के|کی|کا|کے)(?!\S)")
_MY_HONORIFICS = ("ကို", "ဦး", "ဒေါ်", "မောင်")
_TIBETAN_PICTURE = r"(?:གི|ཀྱི|གྱི|ཡི)་?(?:པར|འདྲ་པར|རི་མོ|འདྲ)"


def find(norm: NormalizedText, cache: ResourceCache, detector: str) -> list[Finding]:
    """Relations of the user named by first name in 46 languages (``private_person``, canonical ``None``)."""
    lower = norm.lower
    if len(lower) != len(norm.text):
        return []  # a lower-casing that changed lengths (rare letters): offsets would not line up
    lex = load_lexicon_of_relations(cache)
    text = lower.replace("ı", "i")  # Turkish dotless i: the data is written with "i" ("arkadasim")
    out: list[Finding] = []
    title: bool | None = None
    for h in lex.heads.finditer(text):
        for lang in lex.by_first.get(h.group()[:-1].split(maxsplit=1)[0], lex.spaced):
            m = lang.pattern.match(text, h.start())
            if m is None:
                continue
            if title is None:
                title = context.is_all_caps(norm.text) or context.is_title_case(norm.text)
            end = _name_end(norm, m, lang, lex, cache, title)
            if end is not None and not any(f.start <= norm.span(m.start(), end)[0] < f.end for f in out):
                out.append(_finding(norm, m.start(), end, detector))
    out += _glued(norm, text, lex, cache, detector)
    out += [f for f in _vietnamese(norm, detector) + _zh_nickname(norm, detector) + _tagalog(norm, detector)
            if not any(f.start < g.end and g.start < f.end for g in out)]
    out += [f for f in _turkish_after(norm, text, cache, detector) if not any(f.start < g.end and g.start < f.end
                                                                              for g in out)]
    out += [f for f in _hungarian_after(norm, text, lex, cache, detector)
            if not any(f.start < g.end and g.start < f.end for g in out)]
    if "ni " in text:
        out += [f for f in _finnish(norm, cache, detector) if not any(f.start < g.end and g.start < f.end for g in out)]
    if _BARE_KIN_CHEAP.search(text):
        out += [f for f in _bare_kin(norm, text, cache, detector)
                if not any(f.start < g.end and g.start < f.end for g in out)]
    if _ARTICLE_ROLE_CHEAP.search(text):
        out += [f for f in _article_role(norm, text, cache, detector)
                if not any(f.start < g.end and g.start < f.end for g in out)]
    if _MY_ROLE_CHEAP.search(text) and ("," in text or _TITLE_CHEAP.search(text)):
        out += [f for f in _role_then_title(norm, text, detector, cache)
                if not any(f.start < g.end and g.start < f.end for g in out)]
    return out


# Round 39b. Nordic and Finnish grandparent words used as a form of address before a given name, without "my"
# ("mormor Birgitta plockar svamp", "farfar Olle på traktorn", "mummo Aili kutoo"): the compounds name one kin
# relation and nothing else, so a capitalised listed first name after one is the user's grandparent; the word must
# open the prompt or a clause, or follow a picture word, and Title Case prompts (headings, titles of works) stay out
_BARE_KIN_WORDS = (r"mormor|morfar|farmor|farfar|mormora|farmora|bestemor|bestefar|bestemora|oldemor|oldefar|"
                   r"gammelmormor|gammelfarfar|mummo|mummi|mummu|ukki|vaari|isoaiti|isoisa|vanaema|vanaisa|"
                   r"amma|afi|langamma|langafi")
_BARE_KIN_CHEAP = re.compile(r"\b(?:mormor|morfar|farmor|farfar|beste|olde|gammel|mumm|ukki|vaari|isoaiti|isoisa|"
                             r"vanaema|vanaisa|amma|afi)")
_BARE_KIN = re.compile(r"(?:^|[,.;:!(]\s*|\b(?:foto|bild|bilde|billede|kuva|valokuva|foto av|bild pa|bild av|"
                       r"bilde av|billede af|kuva|photo of|mynd af)\s+)(?P<k>" + _BARE_KIN_WORDS
                       + r")\s+(?P<w>[^\W\d_]{2,})(?![^\W\d_])")


def _bare_kin(norm: NormalizedText, text: str, cache: ResourceCache, detector: str) -> list[Finding]:
    """A Nordic or Finnish grandparent word then a listed first name ("mormor Birgitta"; round 39b)."""
    if context.is_title_case(norm.text) or context.is_all_caps(norm.text):
        return []
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    out: list[Finding] = []
    for m in _BARE_KIN.finditer(text):
        written = norm.text[m.start("w"):m.end("w")]
        k = match_key(written)[0]
        if written[:1].isupper() and not written.isupper() and k in first and k not in FUNCTION_WORDS \
                and not _city(k, cache):
            out.append(_finding(norm, m.start("k"), m.end("w"), detector))
    return out


# Round 36a. An acquaintance named with an article instead of "my" ("la voisine Hélène", "el vecino Julián", "la
# collega Giulia", "o vizinho João", "die Nachbarin Petra", "de buurman Kees"): a neighbour, colleague, friend or
# grandparent word and a capitalised listed first name; other kin words stay out ("le père Noël", "la mère Michel",
# "frère Jacques" are figures of songs and tales; "el tío Sam" a poster's), and so do Title Case prompts and city names
_ARTICLE_ROLE_CHEAP = re.compile(r"\b(?:voisin|colleg|vecin|compa|coleg|vicin|vizinh|nachbar|kolleg|buur|amig|amic|"
                                 r"copin|copain|freundin|abuel|nonn|avo)")
_ARTICLE_ROLE = re.compile(r"\b(?:la|le|l'|el|il|lo|o|a|der|die|den|de|het)\s?(?:voisine|voisin|collegue|copine|"
                           r"copain|vecina|vecino|companera|companero|amiga|amigo|colega|vicina|vicino|collega|amica|"
                           r"amico|vizinha|vizinho|nachbarin|nachbar|kollegin|kollege|freundin|buurvrouw|buurman|"
                           # grandparents too ("la abuela Carmen", "la nonna Pina", "a avó Lurdes"); not uncles and
                           # aunts ("el tío Sam" is a poster figure)
                           r"abuela|abuelo|abuelita|abuelito|nonna|nonno|nonnina|avo|avozinha|avozinho) "
                           # round 40c: a polite title may stand before the name ("a vizinha dona Lurdes", "la vecina
                           # doña Pili", "la vicina signora Pina", "die Nachbarin Frau Kaya")
                           r"(?:(?P<t>dona|dom|seu|senhora|senhor|don|senora|senor|signora|signor|sora|sor|madame|"
                           r"monsieur|mme|frau|herr)\.?\s)?"
                           r"(?P<w>[^\W\d_]{2,20})(?![\w'’-])")


def _article_role(norm: NormalizedText, text: str, cache: ResourceCache, detector: str) -> list[Finding]:
    if context.is_all_caps(norm.text) or context.is_title_case(norm.text):
        return []
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    out: list[Finding] = []
    for m in _ARTICLE_ROLE.finditer(text):
        written = norm.text[m.start("w"):m.end("w")]
        k = match_key(written)[0]
        # (round 40c: after a polite title a capitalised word no dictionary holds is a name too: "dona Cida")
        if (written[:1].isupper() and not written.isupper() and (k in first or (
                m.group("t") and len(k) >= 3 and k not in cache.get("lexicon.wordfreq", load_dictionary_words)))
                and k not in FUNCTION_WORDS and k not in context.COMMON_WORDS and not _city(k, cache)):
            out.append(_finding(norm, m.start(), m.end("w"), detector))
    return out


# Round 26a. "My <role>, <title> <Surname>" ("mi profesor de matemáticas, el señor Ramírez", "meu vizinho, o senhor
# Oliveira", "la mia maestra, la signora Bianchi", "mon voisin, monsieur Lefèvre", "mein Nachbar, Herr Becker", "moja
# sąsiadka, pani Nowak", "my neighbour, Mrs Patel"): a "my" word, up to four words of the role, a comma, a polite title
# and a capitalised surname; the apposition makes the titled surname the user's acquaintance
_MY_ROLE_CHEAP = re.compile(r"\b(?:my|mi|mis|meu|minha|mio|mia|mon|ma|mein|meine|meinem|meiner|moj|moja|muj|moje|mijn)\b")
_MY_ROLE_TITLE = re.compile(r"\b(?:my|mi|meu|minha|mio|mia|mon|ma|mein|meine|moj|moja|muj|moje|mijn) (?:[^\W\d_]+ ){0,3}?"
                            r"[^\W\d_]+, (?:(?:el|la|o|a|il|lo|le|der|die|de) )?(?:senor|senora|senorita|sr|sra|srta|don|"
                            r"dona|senhor|senhora|sr\.|sra\.|signor|signora|signorina|sig|monsieur|madame|mademoiselle|"
                            r"m\.|mme|herr|frau|pan|pani|meneer|mevrouw|mr|mrs|ms|miss|mx|profesor|profesora|professor|"
                            r"professora|professore|professoressa|doctor|doctora|doutor|doutora|dottor|dottore|"
                            r"dottoressa|dr|docteur)\.? (?P<n>[^\W\d_]{3,})")


# pets and toys people give a polite title ("mi perro, el señor Bigotes")
_PET_ROLES = frozenset({"perro", "perra", "perrito", "perrita", "gato", "gata", "gatito", "gatita", "cao", "cachorro",
                        "cachorra", "gatinho", "gatinha", "cane", "gatto", "gattino", "cagnolino", "chien", "chienne",
                        "chat", "chaton", "hund", "katze", "kater", "pies", "piesek", "kot", "kotek", "kotka", "pes",
                        "kocka", "hond", "kat", "loro", "conejo", "peluche", "muneco", "muneca", "boneco", "boneca",
                        "pupazzo", "doudou", "teddy", "kuscheltier", "mascota", "pet", "hamster", "tortuga",
                        "pez", "caballo", "cavallo", "cheval", "pferd", "kon", "cavalo"})


# Round 27a. The same without the comma when the role is a teacher, neighbour, boss, colleague or doctor ("ma prof de
# maths Mme Lefebvre", "mi profesora de historia la Sra. Gómez", "la mia maestra Sig.ra Bianchi"): those roles are
# people the user knows, so the titled surname right after them is that person
# the polite titles of the shape below; the cheap check looks for the same words
_TITLE_WORDS = (r"(?:senor|senora|senorita|sr|sra|srta|don|dona|senhor|senhora|signor|signora|signorina|sig ra|sig|"
                r"monsieur|madame|mademoiselle|m|mme|mlle|herr|frau|pan|pani|mr|mrs|ms|miss)")
_TITLE_CHEAP = re.compile(r"\b" + _TITLE_WORDS + r"\b")
_MY_ROLE_TITLE_NC = re.compile(r"\b(?:my|mi|meu|minha|mio|mia|mon|ma|mein|meine|moj|moja|muj|moje|mijn) (?:prof|profe|"
                               r"professeur|professeure|profesor|profesora|professor|professora|professore|"
                               r"professoressa|maestra|maestro|insegnante|institutrice|instituteur|maitresse|maitre|"
                               r"voisin|voisine|vecino|vecina|vizinho|vizinha|vicino|vicina|jefe|jefa|patron|patronne|"
                               r"chef|chefe|capo|collegue|colega|collega|medecin|medico|medica|doctora|dentista|"
                               r"dentiste|entrenador|entrenadora|allenatore|allenatrice|entraineur|entraineuse|tutor|"
                               r"tutora|nachbar|nachbarin|lehrer|lehrerin|chefin|kollege|kollegin|teacher|neighbour|"
                               r"neighbor|boss|colleague|coworker|landlord|landlady|doctor|dentist|coach)"
                               r"(?: [^\W\d_]+){0,3}? (?:(?:el|la|o|a|il|lo|le|der|die|de) )?" + _TITLE_WORDS
                               + r"\.? (?P<n>[^\W\d_]{3,})")


def _role_then_title(norm: NormalizedText, text: str, detector: str, cache: ResourceCache) -> list[Finding]:
    out: list[Finding] = []
    for m in [*_MY_ROLE_TITLE.finditer(text), *_MY_ROLE_TITLE_NC.finditer(text)]:
        if any(f.start <= norm.span(m.start("n"), m.end("n"))[0] < f.end for f in out):
            continue
        n = m.start("n")
        role = set(text[m.start():n].replace(",", " ").split())
        # round 40c: typed in lower case ("my boss mr. venkatesh"), the titled word must be a word of the name lists
        # and no dictionary word of any listed language ("my neighbour mr. whiskers" is the cat, "mr. bean" a joke)
        word = text[n:m.end("n")]
        cased = norm.text[n:n + 1].isupper() or (
            norm.text[n:n + 1].islower() and word.isalpha()
            and (word in cache.get("lexicon.surnames", lambda: load_lexicon("surnames.txt"))
                 or word in cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt")))
            and word not in cache.get("lexicon.wordfreq", load_dictionary_words))
        if (cased and text[n:m.end("n")] not in context.FUNCTION_WORDS
                and role.isdisjoint(context.ANIMALS_OBJECTS) and role.isdisjoint(_PET_ROLES)):
            out.append(_finding(norm, n, m.end("n"), detector))
    return out


# Round 25a. Hungarian puts the first name before the possessed kin word ("Erzsébet nagymamám": my grandma Erzsébet,
# "Kati nénikém", "Péter bátyám"): a capitalised listed first name right before a Hungarian kin word with "my"
_HU_OWNED_AFTER = re.compile(r"(?P<w>[^\W\d_]{3,})\s+(?P<k>[a-z]{3,}(?:m|om|em|am|im))(?![^\W\d_])")


def _hungarian_after(norm: NormalizedText, text: str, lex: _Lexicon, cache: ResourceCache,
                     detector: str) -> list[Finding]:
    """"Erzsébet nagymamám": a capitalised listed first name + a Hungarian possessed kin word (round 25a)."""
    out: list[Finding] = []
    owned = lex.hu_owned
    # cheap pre-check: a possessed kin word among the prompt's words (one split, no regex scan)
    if not owned or not any(w.strip(",.;:!?") in owned for w in text.split()):
        return out
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    for m in _HU_OWNED_AFTER.finditer(text):
        if m.group("k") not in owned:
            continue
        written = norm.text[m.start("w"):m.end("w")]
        if (written[:1].isupper() and not written.isupper() and match_key(written)[0] in first
                and m.group("w") not in lex.words):
            out.append(_finding(norm, m.start("w"), m.end(), detector))
    return out


# Round 19a. Turkish writes a kin honorific after the first name, with "my/our" on the honorific ("Ayşe teyzem",
# "Mehmet amcamız", "Zeynep ablacığım"): a listed first name before one is a relation of the user
_TR_AFTER = re.compile(r"(?P<w>[^\W\d_]{2,})\s+(?:teyze|amca|abla|abi|agabey|hala|dayi|yenge|eniste|nine|nene|dede|"
                       r"hanim|bey|hoca|kuzen)(?:m|im|miz|imiz|cigim|cim|ciğim)(?![^\W\d_])")


def _turkish_after(norm: NormalizedText, text: str, cache: ResourceCache, detector: str) -> list[Finding]:
    """"Ayşe teyzem": a capitalised listed first name + a Turkish kin honorific with a possessive suffix."""
    out: list[Finding] = []
    if "m" not in text:
        return out
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    for m in _TR_AFTER.finditer(text):
        written = norm.text[m.start("w"):m.end("w")]
        if written[:1].isupper() and not written.isupper() and match_key(written)[0] in first:
            out.append(_finding(norm, m.start("w"), m.end(), detector))
    return out


def _name_end(norm: NormalizedText, m: re.Match[str], lang: _Lang, lex: _Lexicon, cache: ResourceCache,
              title: bool) -> int | None:
    """Where the name after the relation ends, or None when the word after it is no name."""
    if m.groupdict().get("t") and lang.script == "latin":
        # after a title ("mein Chef Herr Müller") a capitalised surname of the lexicons is a name even when it is
        # also a word (round 14a)
        written = norm.text[m.start("w"):m.end("w")]
        surnames = cache.get("lexicon.surnames", lambda: load_lexicon("surnames.txt"))
        if written[:1].isupper() and match_key(written)[0] in surnames:
            return m.end("w")
    if m.group("w2") and lang.script == "latin" and _city(match_key(norm.text[m.start("w"):m.end("w2")])[0], cache):
        return None  # round 22a: "minha tia Porto Alegre": a two-word city
    if not _name_word(norm, m.start("w"), m.end("w"), lang, lex, cache, title):
        if not (m.group("w2") and lang.script not in _CASED and _pair_with_listed(norm, m, lang, lex, cache)):
            return None
        return m.end("w2")
    if m.group("w2") and _name_word(norm, m.start("w2"), m.end("w2"), lang, lex, cache, title, second=True):
        return m.end("w2")
    return m.end("w")


def _pair_with_listed(norm: NormalizedText, m: re.Match[str], lang: _Lang, lex: _Lexicon, cache: ResourceCache) -> bool:
    """A dictionary word followed by a listed first name or surname after the relation: "میرے کلاس فیلو بلال احمد"
    (names are frequent words too; the listed word next to it makes the pair a name; round 14a)."""
    lists = load_lists(cache)
    w, w2 = norm.text[m.start("w"):m.end("w")], norm.text[m.start("w2"):m.end("w2")]
    f, f2 = _fold(w), _fold(w2)
    low = norm.lower[m.start("w"):m.end("w")]
    if low in lang.stop or low in lex.words or f.isdigit() or f in lists.common.get(lang.script, frozenset()):
        return False
    return (f2 in lists.first or f2 in lists.last) and norm.lower[m.start("w2"):m.end("w2")] not in lang.stop


def _name_word(norm: NormalizedText, s: int, e: int, lang: _Lang, lex: _Lexicon, cache: ResourceCache,
               title: bool, second: bool = False) -> bool:
    written = norm.text[s:e]
    if lang.code in ("zu", "xh"):
        # Zulu writes the noun-class prefix before a name in lower case ("uSipho", "kaThandi", "noLindiwe")
        p = re.match(r"(?:u|ku|ka|no|ngu|ngo)(?=[A-Z])", written)
        s += p.end() if p else 0
        written = norm.text[s:e]
    low = norm.lower[s:e].replace("ı", "i")
    if low in lex.words and low not in lang.own and lang.script == "latin" and written[:1].isupper() and (
            match_key(written)[0] in cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))):
        # a first name that is a relation word of another language only ("mon voisin Karim": Turkish "karım" is
        # "my wife"; round 16) is a name here
        pass
    elif low in lang.stop or low in lex.words or len(low) < 2:
        return False
    if lang.script in _CASED:
        if lang.code.endswith("-latn") and written.islower() and norm.original.islower():
            return _lower_romanised_name(norm, e, lang, cache)
        if not written[:1].isupper() or written.isupper() and len(written) > 3:
            return False
        if lang.script == "latin":
            k = match_key(written)[0]
            # German capitalises every noun, so its prompts look Title Case; the dictionary test below holds there
            title = title and (lang.code != "de" or context.is_all_caps(norm.text))
            first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
            if k in FUNCTION_WORDS or not k.replace(" ", "").isalpha():
                return False
            if title:
                return k in first
            if _city(k, cache):
                return False  # round 22a: "mi abuela Madrid", "minu vanaema Tallinnas": where they are, not a name
            surnames = cache.get("lexicon.surnames", lambda: load_lexicon("surnames.txt"))
            if k in first or (second and k in surnames):
                return True
            if k in context.THING_NOUNS or k in context.REGIONS or k in context.COMMON_WORDS:
                return False
            # German capitalises every noun ("meine Oma Kuchen backend"): there the word must be no dictionary word;
            # elsewhere a capitalised word after a relation is a name even when it is also a word ("Iracema")
            return lang.code != "de" or k not in cache.get("lexicon.wordfreq", load_dictionary_words)
        lists = load_lists(cache)
        f = _fold(written)
        if title:
            return f in lists.first
        # Mongolian is written in Cyrillic but has its own hand-made common words ("Улаанбаатар", "Монгол")
        common = (lists.common.get(lang.script, frozenset()), lists.common.get(_OWN_COMMON.get(lang.code, ""),
                                                                                frozenset()))
        if lang.code in _LISTED_ONLY:
            return f in lists.first or f in lists.last
        return f in lists.first or f in lists.last or not any(f in words for words in common)
    lists = load_lists(cache)
    f = _fold(written)
    script = {"devanagari": "devanagari", "bengali": "bengali", "tamil": "tamil", "telugu": "telugu",
              "gujarati": "gujarati", "sinhala": "sinhala", "arabic": "arabic", "hebrew": "hebrew"}.get(lang.script,
                                                                                                     lang.script)
    if f in lists.first or (second and f in lists.last):
        return True
    if f in lists.common.get(script, frozenset()) or f.isdigit():
        return False
    # a less frequent dictionary word is a name when a genitive follows ("मेरी बहन प्रियंका की शादी": names are frequent
    # words too); otherwise only a word no list knows is
    return f not in lists.words.get(script, frozenset()) or bool(_GENITIVE_NEXT.match(norm.lower, e))


def _lower_romanised_name(norm: NormalizedText, e: int, lang: _Lang, cache: ResourceCache) -> bool:
    """Round 42e. Romanised Hindi, Urdu, Marathi, Nepali, Gujarati, Bengali and Dravidian prompts are typed in lower
    case ("meri behan ayesha ki mehndi wali photo"): after the relation, a listed first name of 3+ letters that is no
    common or function word and no city counts; one that is a frequent English word too ("raja", "prem") only before
    a particle of the language ("ki", "ka", "ko", ...)."""
    k = norm.lower[:e].rsplit(" ", 1)[-1]
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    if (len(k) < 3 or not k.isalpha() or k not in first or k in FUNCTION_WORDS or k in context.COMMON_WORDS
            or k in context.THING_NOUNS or _city(k, cache)):
        return False
    if k not in cache.get("lexicon.wordfreq", load_dictionary_words) or (
            k not in cache.get("lexicon.common_words", lambda: load_lexicon("common_words.txt") | context.COMMON_WORDS)
            and cache.get("lexicon.english_zipf", english_zipf)(k) < 3.5):
        return True  # (names are frequent words of the wordfreq lists too: "rahul"; English ones are not names here)
    after = norm.lower[e:e + 20].split()
    return bool(after) and after[0] in lang.stop


#: languages with a hand-made common-word list of their own besides their script's (``native_common_words.txt``)
_OWN_COMMON = {"mn": "mongolian"}
#: round 41c: languages with no common-word list of their own in a script shared with others (Kazakh in Cyrillic:
#: "менің әпкем тауда" is "on the mountain"): the word after the relation must be a listed name
_LISTED_ONLY = frozenset({"kk"})


def _glued(norm: NormalizedText, text: str, lex: _Lexicon, cache: ResourceCache, detector: str) -> list[Finding]:
    """Relations and names in scripts written without spaces between words (zh, ja, ko, my, km, bo)."""
    out: list[Finding] = []
    sp = lex.special
    if "zh" in sp and re.search(r"[\u4e00-\u9fff]", text):
        poss, rel, _ = sp["zh"]
        words = load_lists(cache).words.get("han", frozenset())
        simplified = cache.get("lexicon.zh_simplified", load_simplified_chinese_map)
        # characters given names use; after a relation word also those that end place and plant names (李秀兰)
        given = load_lists(cache).zh_given
        for m in re.finditer(r"(?:" + poss + r")(?:" + rel + r")(?P<n>[\u4e00-\u9fff]{2,3})", text):
            written = m.group("n")
            name = written.translate(simplified)  # the word list is simplified: "林間" must be looked up as 林间
            for size in (3, 2):  # "我同事张伟在开会": the name is 张伟, not 张伟在
                cand, raw = name[:size], written[:size]
                if len(cand) == size and (
                        cand[0] in _ZH_SURNAMES and cand[:2] not in words and cand not in words
                        and (size == 2 or cand[1:3] not in words)  # a single given character is often a word
                        # every given-name character must be one ("我阿嬤林間散步" is a walk among the trees)
                        and all(c in given or r in given or c in _ZH_THING_ENDINGS
                                for c, r in zip(cand[1:], raw[1:]))):
                    out.append(_finding(norm, m.start(), m.start("n") + size, detector))
                    break
    if "ja" in sp and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
        poss, _, owned = sp["ja"]
        lists = load_lists(cache)
        for m in re.finditer(r"(?:(?:" + poss + r"))?(?P<k>" + owned + r")の(?P<n>[\u4e00-\u9fff\u3041-\u3096\u30a1-\u30fa]"
                             r"{2,4}?)" + _JA_PARTICLE, text):
            name = m.group("n")
            if set(name) & _JA_THINGS or any(w in name for w in _JA_THING_WORDS) or name in _JA_PET_WORDS:
                continue
            # round 25a: a name word that is also a dictionary word ("ゆうこ") is a name before a personal honorific
            # ("友達のゆうこちゃん"), unless it is what people call pets and things ("ワンちゃん", "ねこちゃん")
            honored = text.startswith(("ちゃん", "くん", "さん", "君"), m.end("n")) and name not in _JA_PET_WORDS
            unknown = not (name in lists.words.get("han", frozenset()) or name in lists.words.get("kana", frozenset()))
            if unknown and name in _JA_KANA_THINGS:
                # round 29b: things are written in hiragana too ("妹のめがね" glasses, "父のぼうし" hat), often in a form
                # the dictionary spells in kanji or katakana: a kin's thing, not a name
                unknown = False
            if honored or name in lists.first or unknown or (
                    m.group("k") in _JA_KIN and (_hiragana_given(name, cache) or _kanji_given(name))):
                out.append(_finding(norm, m.start(), m.end("n"), detector))
    if "ko" in sp and re.search(r"[\uac00-\ud7a3]", text):
        poss, rel, _ = sp["ko"]
        lists = load_lists(cache)
        words = lists.words.get("hangul", frozenset())
        for m in re.finditer(r"(?:(?P<p>" + poss + r")\s+)?(?:" + rel + r")\s+(?P<n>[\uac00-\ud7a3]{2,6})", text):
            token = m.group("n")
            base = next((token[:-len(p)] for p in _KO_PARTICLES if token.endswith(p) and len(token) - len(p) >= 2),
                        token)
            titled = bool(_KO_TITLES.match(text, m.end("n")))
            # round 32a: with "my" before the kin word a listed given name that is also a word is the name ("내 동생
            # 민수", "우리 언니 지훈이")
            listed = base in lists.first and (token not in words or bool(m.group("p")))
            shaped = (len(base) == 3 and base[0] in _KO_SURNAMES and base not in words and base[:2] not in words
                      and token not in words and (m.group("p") or titled))
            if not (listed or shaped) and m.group("p") and "이" in token[2:]:
                # round 35a: "우리 언니 민정이", "제 친구 은정이가": a two-syllable given name ending in a consonant takes
                # the name suffix 이 (before a particle or alone); a noun does not ("결혼이가" is no Korean). The name
                # is then one even when it is also a word, if its syllables are those of given names
                nick = _ko_nickname(token, cache)
                if nick and token == nick + "이" and nick in words and not _KO_PICTURE_NEXT.match(text, m.end("n")):
                    nick = None  # a bare 이 is also the subject marker: "우리 엄마 진정이 안 돼" (can't calm down)
                if nick:
                    out.append(_finding(norm, m.start(), m.start("n") + len(nick), detector))
                    continue
            if listed or shaped:
                out.append(_finding(norm, m.start(), m.start("n") + len(base), detector))
    if "my" in sp and re.search(r"[\u1000-\u109f]", text):
        poss, rel, _ = sp["my"]
        for m in re.finditer(r"(?:" + poss + r")\s*(?:" + rel + r")\s*(?P<n>(?:" + "|".join(_MY_HONORIFICS)
                             + r")[\u1000-\u109f]{2,})", text):
            out.append(_finding(norm, m.start(), m.end(), detector))
    if "km" in sp and re.search(r"[\u1780-\u17ff]", text):
        poss, rel, _ = sp["km"]
        stop = next(lang for lang in _STOPS_OF(cache) if lang[0] == "km")[1]
        for m in re.finditer(r"(?:" + rel + r")(?:" + poss + r")\s+(?P<n>[\u1780-\u17ff]{2,})", text):
            if not any(m.group("n").startswith(w) for w in stop):
                out.append(_finding(norm, m.start(), m.end(), detector))
    if "bo" in sp and re.search(r"[\u0f00-\u0fff]", text):
        poss, rel, _ = sp["bo"]
        for m in re.finditer(r"(?:" + poss + r")་?(?:" + rel + r")་(?P<n>(?:[\u0f40-\u0fbc]+་){2,5}?)"
                             + _TIBETAN_PICTURE, text):
            out.append(_finding(norm, m.start(), m.end("n"), detector))
    return out


# Round 35a: the endings after the Korean name suffix 이 ("민정이가", "지훈이랑"), the bare suffix last
# a picture, look or pose word after a bare "<word>이" that is also a name ("민정이 졸업사진", "민정이 웃는 모습")
_KO_PICTURE_NEXT = re.compile(r"\s+(?:졸업|사진|증명|프로필|셀카|그림|초상|얼굴|모습|웃|웃는|활짝|미소|어릴|어렸을|아기|돌|"
                              r"결혼식|생일\s?파티|처럼|스타일|캐리커처|일러스트|만화|초상화|같이|와|랑|하고)")
_KO_SUFFIXED = ("이랑", "이가", "이는", "이를", "이도", "이한테", "이하고", "이와", "이의", "이")


def _ko_nickname(token: str, cache: ResourceCache) -> str | None:
    """The two-syllable given name in ``token`` written with the name suffix 이 ("민정이가" -> "민정"), or None.

    The name must end in a consonant (the suffix follows only those) and each syllable must be one the listed Korean
    given names have in that place (so "결혼이", "생일이" stay words).
    """
    suffix = next((x for x in _KO_SUFFIXED if token.endswith(x) and len(token) == 2 + len(x)), None)
    if suffix is None:
        return None
    base = token[:2]
    if (ord(base[1]) - 0xAC00) % 28 == 0:
        return None  # no final consonant: "수진이" is fine, "지수이" is not Korean

    def build() -> tuple[frozenset[str], frozenset[str]]:
        given = [n for n in load_lists(cache).first if len(n) == 2 and all("\uac00" <= c <= "\ud7a3" for c in n)]
        return frozenset(n[0] for n in given), frozenset(n[1] for n in given)

    first, second = cache.get("relation_names.ko_given_syllables", build)
    return base if base[0] in first and base[1] in second else None


# Round 26a. Kin + の + a given name written in hiragana that is also a word ("妹のさくら", "兄のたけし", "娘のゆき"):
# the kana read in Hepburn is a listed given name; only kin words (a friend's "はな" may be anything) and only
# hiragana (things are mostly written in katakana or kanji)
_JA_KIN = frozenset({"母", "父", "祖母", "祖父", "姉", "兄", "妹", "弟", "娘", "息子", "叔母", "伯母", "叔父", "伯父", "妻", "夫",
                     "嫁", "孫", "母親", "父親",
                     # round 30a: partners ("私の彼女のさくらが", "彼氏のけんたと"): a partner's hiragana word is a name
                     "彼女", "彼氏", "旦那", "婚約者"})
_HIRAGANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ"
_HEPBURN = ("a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo ya yu "
            "yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po")
_KANA = dict(zip(_HIRAGANA, _HEPBURN.split(), strict=True))
_YOON = {"ゃ": "ya", "ゅ": "yu", "ょ": "yo"}


def _romaji(kana: str) -> str | None:
    """Hepburn reading of plain hiragana ("さくら" -> "sakura", "りょう" -> "ryou"); None for other characters."""
    out: list[str] = []
    double = False
    for ch in kana:
        if ch == "っ":
            double = True
            continue
        if ch in _YOON and out and out[-1][-1] == "i":
            prev = out.pop()  # "しょ" -> "sho", "きょ" -> "kyo"
            out.append(prev[:-1] + (_YOON[ch][1:] if prev.endswith(("shi", "chi", "ji")) else _YOON[ch]))
            continue
        r = _KANA.get(ch)
        if r is None:
            return None
        out.append(r[0] + r if double and r[0] not in "aiueon" else r)
        double = False
    return "".join(out)


# hiragana words of things whose reading is also a listed given name
_JA_KANA_THINGS = frozenset({"めがね", "はな", "かさ", "くつ", "いす", "はし", "かばん", "まくら",
                             # round 29b: more everyday things (clothes, accessories, toys, food) written in hiragana
                             "ぼうし", "とけい", "ふく", "てぶくろ", "くつした", "かぎ", "さいふ", "はさみ", "えんぴつ",
                             "ふとん", "おにぎり", "おべんとう", "べんとう", "おかし", "ゆびわ", "ぬいぐるみ", "おもちゃ",
                             "にんぎょう", "うでどけい", "ほん", "えがお", "ねこ", "いぬ", "まふらー", "ようふく",
                             "きもの", "ゆかた", "じてんしゃ", "おうち", "おへや", "つくえ", "ぼーる"})


# Round 32a. The same for a given name in kanji that is also in the word list ("彼氏の健太が", "妹の美咲と", "兄の翔平は"):
# two or three kanji that end in a character given names end in (太, 郎, 輔, 美, 奈, 子 ...), not a thing of that shape
_JA_GIVEN_END = frozenset("太郎介輔也哉斗翔樹輝彦雄夫之吾平助蔵馬汰朗治悟奈菜花恵華希音乃衣香美子代江絵穂葉佳紀帆愛結咲")
_JA_KANJI_NOT_NAMES = frozenset({
    "椅子", "帽子", "菓子", "様子", "調子", "団子", "餃子", "双子", "息子", "王子", "女子", "男子", "弟子", "電子", "原子",
    "扇子", "障子", "格子", "硝子", "太子", "丈夫", "工夫", "生花", "造花", "火花", "草花", "香水", "親子", "養子",
    "実家", "着物", "浴衣", "香", "趣味", "作品", "手帳", "日記", "誕生日", "郵便", "弁当"})


def _kanji_given(name: str) -> bool:
    return (2 <= len(name) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in name)
            and name[-1] in _JA_GIVEN_END and name not in _JA_KANJI_NOT_NAMES)


def _hiragana_given(name: str, cache: ResourceCache) -> bool:
    reading = None if name in _JA_KANA_THINGS else _romaji(name)
    if not reading:
        return False
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    if reading in first or reading.replace("ou", "o").replace("uu", "u") in first:
        return True
    # round 30a: the Latin-script list holds few Japanese given names ("ゆかり" yukari, "けんた" kenta, "たかし"
    # takashi): a list of common Japanese given names read in Hepburn, long vowels as written ("ryouta")
    return reading in cache.get("lexicon.ja_given_names", lambda: load_lexicon("ja_given_names.txt"))


def preload(cache: ResourceCache) -> None:
    """Build now what the relation rules otherwise build on the first prompt that needs it."""
    load_lexicon_of_relations(cache)
    _STOPS_OF(cache)
    cache.get("lexicon.zh_simplified", load_simplified_chinese_map)
    cache.get("lexicon.cities", load_city_names)


def _STOPS_OF(cache: ResourceCache) -> list[tuple[str, tuple[str, ...]]]:  # noqa: N802
    """The stop words of the glued languages (``data/relation_words.txt``)."""
    def build() -> list[tuple[str, tuple[str, ...]]]:
        return [(row[0], tuple(_alt(row[5]))) for row in load_relation_words()]
    return cache.get("lexicon.relation_stops", build)


def _finding(norm: NormalizedText, ts: int, te: int, detector: str) -> Finding:
    start, end = norm.span(ts, te)
    return Finding(kind="private_person", score=0.7, start=start, end=end, text=norm.original[start:end],
                   detector=detector, canonical=None,
                   explanation="person-name shape (a relation of the user named by first name, in another language)")


# Round 22a. Vietnamese puts "my" after the name ("bà ngoại Lan của tôi": my grandma Lan) or leaves it out ("ông ngoại Tư
# ngồi uống trà"). A two-syllable kin word names a relation of the user by itself; a one-syllable one ("anh", "chị",
# "cô", "bà") is also the everyday "Mr/Ms" before anyone's name, so there "của tôi/của mình" (mine) must follow. The
# name is one or two capitalised syllables (capitals mean a name in running Vietnamese; not in a Title Case prompt).
# Written as the normaliser writes them (accents off, "đ" kept).
_VI_KIN2 = (r"(?:ba ngoai|ong ngoai|ba noi|ong noi|chi gai|anh trai|em gai|em trai|con gai|con trai|ban than|"
            r"ban gai|ban trai|dong nghiep|đong nghiep|hang xom|co giao|thay giao|me chong|me vo|bo chong|bo vo|"
            r"chi dau|em dau|anh re|em re|anh ho|chi ho|em ho|chau gai|chau trai|co ut|chu ut|di ut|"
            r"ba co|ong co|ong ba)")
_VI_KIN1 = r"(?:me|bo|ba|ong|chi|anh|em|co|chu|bac|di|cau|mo|thim|vo|chong|ban|sep|thay|chau)"
# cities and provinces that may follow a kin word ("bà ngoại Huế": grandma from Huế), accents off, "đ" as "d"
_VI_PLACES = frozenset({
    "sai gon", "ha noi", "hue", "da nang", "hoi an", "hai phong", "can tho", "nha trang", "da lat", "vung tau",
    "quy nhon", "vinh", "ha long", "sa pa", "sapa", "phu quoc", "ca mau", "ben tre", "bac ninh", "nam dinh",
    "thanh hoa", "nghe an", "quang nam", "quang ngai", "tay ninh", "long an", "dong nai", "binh dinh", "pleiku",
    "lang son", "cao bang", "ha giang", "my tho", "soc trang", "bac lieu", "rach gia", "chau doc", "phan thiet"})
_VI_NAME = r"(?P<n>[A-ZĐ][a-zđ]{0,6}(?:\s[A-ZĐ][a-zđ]{0,6})?)"
_VI_RELATION = re.compile(r"(?:^|(?<=[\s,.;:(]))(?i:(?P<k2>" + _VI_KIN2 + r")|" + _VI_KIN1 + r")\s+" + _VI_NAME
                          + r"(?=(?P<mine>\s+cua\s+(?:toi|minh|em|tao|chung toi))?(?P<rel>\s+(?:" + _VI_KIN2[3:-1]
                          + r"|giao vien|ban hoc|ban cung lop|ban cung phong|sep)(?=\s|[,.;:!?)]|$))?"
                          r"(?:\s|[,.;:!?)]|$))")


def _vietnamese(norm: NormalizedText, detector: str) -> list[Finding]:
    """"bà ngoại Lan của tôi", "ông ngoại Tư ngồi uống trà": a Vietnamese relation of the user with a given name."""
    if context.is_title_case(norm.text) or context.is_all_caps(norm.text):
        return []
    out: list[Finding] = []
    for m in _VI_RELATION.finditer(norm.text):
        name = m.group("n")
        if m.group(0)[:1].isupper() and m.start() > 0:
            continue  # the kin word itself capitalised mid-prompt: a title, not a relation
        if name.lower().replace("đ", "d") in _VI_PLACES:
            continue  # "bà ngoại Sài Gòn": where she lives, not her name
        # round 27a: a relation noun after the name names the user's own ("chị Lan đồng nghiệp", "anh Minh hàng xóm")
        if m.group("k2") is None and m.group("mine") is None and m.group("rel") is None:
            continue  # "anh Minh", "bà Lan": anyone's polite title
        out.append(_finding(norm, m.start(), m.end("n"), detector))
    return out


# Chinese nicknames of people one knows: "小" (little) or "老" (old) + a surname ("小王", "老李") after a possessive
# relation word ("我的同事小王", "我朋友老李"): a colleague or friend called by that nickname
_ZH_NICK_REL = re.compile(r"(?:我的|我们的|我們的|我)(?:同事|朋友|好朋友|同学|同學|邻居|鄰居|室友|老板|老闆|上司|师傅|師傅|"
                          r"哥们|哥們|闺蜜|閨蜜|发小|發小|老同学|老同學|战友|戰友)(?P<n>[小老](?P<s>\S))")


# Round 24a. Partners and close kin are called by a pet name, 小/阿 + any character ("我的女朋友小雨在咖啡馆", "我老公阿杰"):
# after such a relation a 小X/阿X that is no everyday 小-word ("小时候", "小狗", "小区") and is followed by an action, a
# particle or the end is a name
# round 36a: without "my" too, where the relation opens the prompt or a clause or follows "with" ("女朋友小雨在海边",
# "和老婆阿琳去旅行"): the relation is still the user's
_ZH_PET_REL = re.compile(r"(?:我的|我们的|我們的|我|(?<![\u4e00-\u9fff])|(?<=[和跟与與带帶陪给給同]))(?:女朋友|男朋友|女友|男友|老婆|老公|妻子|丈夫|媳妇|媳婦|爱人|愛人|"
                         r"未婚妻|未婚夫|闺蜜|閨蜜|表姐|表妹|表哥|表弟|堂姐|堂妹|堂哥|堂弟|妹妹|姐姐|弟弟|哥哥|儿子|兒子|"
                         r"女儿|女兒|侄子|侄女|外甥|外甥女|孙子|孫子|孙女|孫女|室友|同事|同学|同學|朋友|好朋友)"
                         r"(?P<n>[小阿](?P<c>[\u4e00-\u9fff]))(?=[在的和跟穿坐站笑拿正一抱吃喝看跳唱弹彈骑騎做去躺戴是，。,、！!\s]|$)")
_ZH_NOT_PET = frozenset("时時孩狗猫貓区區说說姐吃心店屋船鸟鳥兔熊学學组組便费費巷镇鎮溪腿手脸臉包提声聲小型点點麦麥米红紅丑醜"
                        "朋伙夥卖賣菜车車猪豬鱼魚马馬鸡雞羊牛虫蟲花草树樹山河桥橋城村路门門窗床桌椅瓶碗杯盒")


def _zh_nickname(norm: NormalizedText, detector: str) -> list[Finding]:
    """"我的同事小王在开会": a friend or colleague called 小/老 + surname; "我的女朋友小雨": a partner's pet name."""
    out: list[Finding] = []
    for m in _ZH_NICK_REL.finditer(norm.text):
        if m.group("s") in _ZH_SURNAMES:
            out.append(_finding(norm, m.start(), m.end("n"), detector))
    if "小" in norm.text or "阿" in norm.text:
        for m in _ZH_PET_REL.finditer(norm.text):
            if m.group("c") not in _ZH_NOT_PET and not any(f.start <= m.start() < f.end for f in out):
                out.append(_finding(norm, m.start(), m.end("n"), detector))
    return out


# Case endings of a city name after a relation ("Tallinnas", "Helsingissä", "Budapesten", "İstanbul'da", "Krakowie"):
# locatives and other place cases of Estonian, Finnish, Hungarian, Turkish and Polish, accents off
_PLACE_CASES = ("ssa", "sta", "lla", "lta", "lle", "sse", "st", "s", "l", "ban", "ben", "bol", "rol", "ba", "be", "ra",
                "re", "on", "en", "nak", "nek", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "ie", "u")


def _city(key: str, cache: ResourceCache) -> bool:
    """Whether ``key`` (one word's match key) is a listed city, possibly with a case ending."""
    cities = cache.get("lexicon.cities", load_city_names)
    if key in cities:
        return True
    if key in cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt")):
        return False  # "Bonnie", "Natalie", "Leonie": a name whose ending only looks like a case ("Bonn" + "ie")
    key = key.replace("'", "").replace("\u2019", "")
    return any(key.endswith(e) and len(key) - len(e) >= 4 and key[:-len(e)] in cities for e in _PLACE_CASES)


# Round 22a. Tagalog puts "my/our" after the name: "tito Ramon ko" (my uncle Ramon), "si Ate Joy namin": a kin or
# friend word, a capitalised name of one or two words, then "ko/namin/natin"
_TL_RELATION = re.compile(r"(?:^|(?<=[\s,.;:(]))(?i:tito|tita|tiyo|tiya|lolo|lola|kuya|ate|pinsan|kaibigan|nanay|tatay|"
                          r"inay|itay|ninong|ninang|bayaw|hipag|biyenan|asawa|kapatid|anak|pamangkin|kapitbahay|"
                          r"katrabaho|kaklase|guro|amo)\s+(?P<n>[A-Z][a-z]{1,12}(?:\s[A-Z][a-z]{1,12})?)\s+"
                          r"(?:ko|namin|natin)\b")
_TL_ARTICLE_RELATION = re.compile(
                          # round 25a: the personal article "si/kay/ni" before the kin word marks what follows as a
                          # name, "my" or not ("si tito Boy na nagluluto", "kay lola Nena"): any capitalised word
                          r"(?:^|(?<=[\s,.;:(]))(?i:si|kay|ni|sina|kina|nina)\s+(?i:tito|tita|tiyo|tiya|lolo|lola|kuya|"
                          r"ate|ninong|ninang|manong|manang|tatang|nanang|insan|pinsan|bayaw|hipag)\s+"
                          r"(?P<n>[A-Z][a-z]{1,12}(?:\s[A-Z][a-z]{1,12})?)(?![\w'])")


def _tagalog(norm: NormalizedText, detector: str) -> list[Finding]:
    """"tito Ramon ko": a Tagalog relation of the user with a given name, "my" after it."""
    if context.is_title_case(norm.text) or context.is_all_caps(norm.text):
        return []
    out = [_finding(norm, m.start(), m.end("n"), detector) for m in _TL_RELATION.finditer(norm.text)]
    if any(a in norm.lower for a in ("si ", "kay ", "ni ", "sina ", "kina ", "nina ")):  # round 25a, cheap pre-check
        out += [_finding(norm, m.start(), m.end("n"), detector) for m in _TL_ARTICLE_RELATION.finditer(norm.text)]
    return out


# Round 27a. Finnish inflects both the relation with "my" and the name ("ystävästäni Jannesta": about my friend Janne,
# "siskoni Annan kanssa": with my sister Anna, "naapurilleni Mikalle"): a relation stem, a case ending, "-ni", then a
# capitalised word whose stem, a case ending taken off, is a listed first name (the inflected name is often a common
# word: "Annan" is "I give")
# round 32a: the compound kin words too ("isoveljeni Mikko", "pikkusiskoni", "isoäitini", "kaksoisveljeni")
_FI_RELATION = re.compile(r"\b(?:iso|pikku|kaksois|kaksos|vanhempi|nuorempi|lempi|paras|)"
                          r"(?:ystava|kaveri|tyokaveri|sisko|sisare|velje|aiti|isa|vaimo|miehe|tyttoystava|"
                          r"poikaystava|kollega|naapuri|opettaja|serkku|pomo|esimiehe|mummo|mummi|ukki|tati|eno|seta|"
                          r"tyttare|poja|poika|lapse|puoliso|kummi|appi|anoppi|morsiame|sulhase|kamu|"
                          # round 33a: the weak grade the case endings take ("serkustani", "äidilleni", "tädistäni",
                          # "sedälleni", "anopilleni", "ukilleni")
                          r"serku|aidi|tadi|seda|anopi|uki|ape)"
                          r"(?:a|aa|ta|sta|lle|lla|lta|ssa|ksi|kse|na|n|ne|i|lta)?ni\s+"
                          r"(?P<n>[a-z]{3,})\b")
_FI_CASES = ("ltaan", "ssa", "sta", "lle", "lla", "lta", "ksi", "na", "ta", "n", "a", "")


def _finnish(norm: NormalizedText, cache: ResourceCache, detector: str) -> list[Finding]:
    if context.is_all_caps(norm.text):
        return []
    first = cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
    out: list[Finding] = []
    for m in _FI_RELATION.finditer(norm.lower):
        name = m.group("n")
        if not norm.text[m.start("n"):m.start("n") + 1].isupper():
            continue
        stems = [name[:len(name) - len(c)] for c in _FI_CASES if name.endswith(c) and len(name) - len(c) >= 3]
        # consonant gradation weakens a double stop before a case ending ("Jukka" -> "Jukasta", "Matti" -> "Matin")
        stems += [st[:-1] + st[-2] + st[-1] for st in stems if len(st) >= 3 and st[-2] in "ktp" and st[-3] != st[-2]]
        if any(st in first for st in stems):
            out.append(_finding(norm, m.start(), m.end("n"), detector))
    return out
