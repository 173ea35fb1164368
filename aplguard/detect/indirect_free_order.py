"""Indirect references to one real person in free word order and in more scripts (round 41e).

The older modules read an office by rank with a fixed order of rank, office and country for each language. Slavic,
Baltic, Greek, Hungarian, Finnic, Turkic and Cushitic prompts put the three in any order, with the country in a
case form ("шостий президент України", "pirmoji Lietuvos prezidentė", "Azərbaycanın hazırkı prezidenti",
"O'zbekistonning birinchi prezidenti", "ο πρώτος κυβερνήτης της Ελλάδας", "madaxweynihii ugu horreeyay ee
Soomaaliya"). This module reads them as a window of words:

* a rank or current-word and an office word side by side (one word may sit between them), and a capitalised word
  (the country or body) within four words of the office; a word that opens the prompt or a sentence counts only with
  a genitive ending ("Azərbaycanın", "O'zbekistonning"), so "Portret prvog predsjednika" names no one;
* a national office that names its country by itself ("az első köztársasági elnök");
* the one who did something first, said with an adverb of rank inside a relative clause ("vuorikiipeilijä, joka nousi
  ensimmäisenä Mount Everestin huipulle", "która jako pierwsza zdobyła", "který jako první", "который первым");
* the writer of a named work behind the kind of work in Slavic and Baltic case forms ("autor romana Na Drini
  ćuprija", "autorka powieści „Bieguni”", "автор романа «Мастер и Маргарита»");
* the national coach ("hrvatski izbornik", "selekcjoner reprezentacji Polski") at a dated or named tournament;
* Vietnamese "the only / first ... to win <award>", Indonesian "<office> <Country> yang dibunuh tahun <year>",
  Yoruba "òǹkọ̀wé tó kọ '<work>'";
* an epithet compound in Chinese and Korean: "<field>之父/之母" (the father of a field), a place or field and a
  crowned title ("香港歌神", "피겨여왕"), and a numbered office in Japanese, Chinese, Korean ("第100代内閣総理大臣").

Each needs the named thing (a capitalised word in cased scripts, a field before 之父); "a president at a podium",
"prvi predsjednik kluba", "父亲在田里", "autor romana o ljubavi" stay generic. Spans are ``(start, end, what)``
over ``lower`` (the normaliser's text: accents off, "й" folded to "и", same length as ``text``).
"""

from __future__ import annotations

import re

# rank and current-words by their start (after accent folding); one stem covers the case forms
_RANK_STEMS = (
    # East Slavic (Cyrillic), Bulgarian, Macedonian, Serbian Cyrillic, Kazakh
    "перв", "перш", "втор", "трет", "четверт", "пят", "п'ят", "п’ят", "шест", "шост", "седьм", "сьом", "восьм",
    "девят", "дев'ят", "десят", "последн", "останн", "нынешн", "нинішн", "нинiшн", "действующ", "чинн", "теперішн",
    "първ", "настоящ", "сегашн", "прв", "садашњ", "бірінші", "біріншi", "бiрiншi", "казіргі", "қазіргі",
    # West and South Slavic (Latin)
    "prv", "pierwsz", "drugi", "drug", "trec", "trzec", "tret", "cetvrt", "czwart", "ctvrt", "sest", "szost",
    "sadasnj", "aktualn", "obecn", "soucasn", "sucasn", "terazniejsz", "posledn", "ostatni", "zadnj",
    # Baltic, Hungarian, Finnic
    "pirm", "antr", "dabartin", "pasreizej", "pasreizeja", "elso", "masodik", "harmadik", "jelenlegi",
    "ensimmai", "nykyi", "esimene", "esimese", "praegu",
    # Greek
    "πρωτ", "δευτερ", "τριτ", "σημεριν", "νυν", "τελευται",
    # Turkic, Somali
    "ilk", "birinci", "birinchi", "birinshi", "qazirgi", "ikkinchi", "hazirki", "hozirgi", "indiki", "horreeyay", "horeeyay")
# office words by their start; "president" alone is Estonian and Greek-Latin too (English needs an English rank)
_OFFICE_STEMS = (
    "prezident", "prezydent", "presidentti", "presidendi", "president", "президент", "председник", "predsjednik",
    "predsednik", "претседател", "председател", "προεδρ", "πρωθυπουργ", "κυβερνητ", "βασιλ", "premijer", "premier",
    "премьер", "прем'єр", "прем’єр", "премиер", "премијер", "kralj", "kralov", "kral", "krol", "король", "крал",
    "краљ", "цар", "kancler", "канцлер", "kansler", "elnok", "miniszterelnok", "paaministeri", "peaminist",
    "cumhurbaskan", "basbakan", "madaxweyn", "kosmonaut", "космонавт", "гетьман", "hetman", "patrijarh", "патриарх",
    "патріарх", "prezidento", "prezidente", "prezidentas", "prezidents", "prezidenti", "гeтьман")
# a national office that names its country by itself
_SELF_NATIONAL = re.compile(r"\b(?:a|az) (?:[a-z]+ ){0,2}?(?:elso|masodik|harmadik|jelenlegi|utolso) "
                            r"koztarsasagi elnok")
_TOKEN = re.compile(r"[\w'’-]+")
_SENT_START = re.compile(r"(?:^|[.!?:;]\s*|\n\s*)$")
# a genitive or possessive ending that lets a sentence-initial capitalised word be the country
_GENITIVE_END = ("in", "un", "yn", "nin", "ning", "nun", "os", "as", "ijos", "ės", "es", "ии", "ії", "ої", "ας", "ης",
                 "ου", "s", "ы", "и", "і", "а", "я", "e", "a", "u")
# capitalised words that open a prompt without naming a country
_NOT_PLACE = frozenset({"portret", "portrait", "foto", "fotografija", "fotografia", "zdjecie", "obraz", "slika",
                        "kep", "muotokuva", "valokuva", "portre", "resim", "rasm", "surat", "портрет", "фото",
                        "фотография", "светлина", "πορτρετο", "φωτογραφια", "sawir", "photo", "image", "picture",
                        "ilustracija", "ilustracja", "kresba", "akvarel", "akwarela", "drawing", "painting"})


def _office_word(w: str) -> bool:
    """An office word in a case form, not a compound ("presidentinvaalista": of the presidential election)."""
    stem = max((st for st in _OFFICE_STEMS if w.startswith(st)), key=len)
    return len(w) - len(stem) <= 5 and not any(x in w for x in ("vaal", "valg", "izbor", "wybor", "vybor", "выбор",
                                                               "вибор", "secim", "kampan", "kampa"))


def _is_rank(w: str) -> bool:
    return w.startswith(_RANK_STEMS) and w not in ("drugs", "drugo", "prve", "ilke", "ilki", "premiera") and \
        not w.startswith(("prvenstv", "sestr", "tretm", "antren", "drugst", "pieter", "peterb"))


def _free_order(lower: str, text: str) -> list[tuple[int, int, str]]:
    """A rank word next to an office word and a capitalised country within four words, in any order."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(lower)]
    out: list[tuple[int, int, str]] = []
    for i, (s, e, w) in enumerate(toks):
        if not w.startswith(_OFFICE_STEMS) or not _office_word(w):
            continue
        ranks = [j for j in range(max(0, i - 3), min(len(toks), i + 4)) if j != i and _is_rank(toks[j][2])]
        # the rank sits right beside the office, or one word between ("ugu horreeyay", "Lietuvos", "kadin")
        ranks = [j for j in ranks if abs(j - i) <= 2]
        if not ranks:
            continue
        lo, hi = max(0, i - 4), min(len(toks), i + 5)
        for j in range(lo, hi):
            if j == i or j in ranks:
                continue
            cs, ce, cw = toks[j]
            if not text[cs:cs + 1].isupper() or cw in _NOT_PLACE or cw.startswith(_OFFICE_STEMS) or _is_rank(cw):
                continue
            if text[cs:ce].isupper() and len(cw) <= 4:
                continue  # "ООН", "NATO": a body's initials, not the country
            if _SENT_START.search(text, 0, cs) and not cw.endswith(_GENITIVE_END):
                continue
            a = min(s, toks[ranks[0]][0], cs)
            b = max(e, toks[ranks[-1]][1], ce)
            out.append((a, b, "an office by rank of a named country, in free word order"))
            break
    return out


# the one who did something first, said with an adverb of rank in a relative clause
_FIRST_ADVERB = re.compile(r"(?:\b(?:joka|jotka|kes|ktory|ktora|ktery|ktera|koji|koja|kuris|kuri|"
                           r"kurs|kura|aki|ki|который|которая|котрий|котра|който|която|που))\s+(?:\w+\s+){0,2}?"
                           r"(?:ensimmaisena|esimesena|elsokent|jako pierwsz[ay]|jako prvni|ako prv[ya]|kao prv[ia]|"
                           r"первым|первои|першим|першою|първи|първа|πρωτος|πρωτη|pirmasis|pirmoji|pirmais|pirma)"
                           r"\s+(?!φορα|раз|put|raz|kerta|kord|karta)(?:\w+\s+){0,3}?")


def _first_to(lower: str, text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _FIRST_ADVERB.finditer(lower):
        window = text[m.end():m.end() + 40]
        cap = re.match(r"(?:[\w'-]+\s+){0,3}?(?P<w>[A-ZА-ЯЁІЇЄΑ-Ω][\w'-]+)", window)
        if cap:
            out.append((m.start(), m.end() + cap.end(), "the first to do a named deed"))
    return out


# the head coach of a national team by the country's adjective or name and a dated or named tournament (South and
# West Slavic "izbornik", "selektor", "selekcjoner": the national coach by the word itself); "izbornik juniora",
# "trener kluba" stay generic
_NATIONAL_COACH = re.compile(r"\b(?:(?P<adj>[a-z]{3,}(?:ski|sky|cki|ckiy))\s+(?:[a-z]+\s+){0,1}?"
                             r"(?:izbornik|selektor|selekcjoner|reprezentacni trener)\w*+(?!\s+(?:junior|mlad|u-?\d|zensk|kadet))|"
                             r"(?:izbornik|selektor|selekcjoner)\w*\s+(?:reprezentacij\w+\s+|reprezentacji\s+|"
                             r"reprezentace\s+)?(?=[a-z]))")
_TOURNAMENT = re.compile(r"\b(?:(?:19|20)\d\d|prvenstv\w*|mundijal\w*|mistrovstv\w*|mistrzostw\w*|olimpij\w*|"
                         r"olimpiad\w*|olympi\w*|euro\w*|finale?|finalu|finala)\b")


def _national_coach(lower: str, text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _NATIONAL_COACH.finditer(lower):
        if m.group("adj") is None and not text[m.end():m.end() + 1].isupper():
            continue  # "selektor reprezentacji juniorów": no named country
        if _TOURNAMENT.search(lower, m.end()):
            out.append((m.start(), m.end(), "the national coach at a dated or named tournament"))
    return out


# Vietnamese "the only / the first ... to win <a capitalised award>", Indonesian and Malay "<office> <Country> who was
# killed / overthrown / elected in <year>", Yoruba "the writer who wrote <a quoted or capitalised work>": the award,
# country or work must be capitalised or quoted ("cầu thủ duy nhất ghi bàn", "presiden klub yang terpilih tahun
# 2020", "òǹkọ̀wé tó kọ ìwé kan" stay generic)
_VI_ONLY_WON = re.compile(r"\b(?:duy nhat|đau tien)\s+(?:\w+\s+)?(?:gianh|đoat|thang|đat|nhan|gianh đuoc|đoat đuoc)\s+"
                          r"(?:giai\s+|danh hieu\s+)?(?=\w)")
_ID_OFFICE_YEAR = re.compile(r"\b(?:presiden|perdana menteri|raja|ratu|sultan|wakil presiden|kanselir|paus)\s+"
                             r"(?P<c>(?:\w+\s+){1,3}?)yang\s+(?:\w+\s+){0,1}?(?:dibunuh|ditembak|digulingkan|terpilih|"
                             r"dilantik|menjabat|memimpin|memerintah|wafat|meninggal|tewas|dikudeta|diasingkan|"
                             r"mengundurkan diri)\s+(?:\w+\s+){0,2}?(?:tahun\s+|pada\s+)?(?:18|19|20)\d\d\b")
_YO_WROTE = re.compile(r"\b(?:onkowe|akewi|olukowe|akoroyin)\s+(?:to|ti o|ti)\s+(?:ko|kọ)\s+(?=['\"‘“«]|\w)")


def _vi_id_yo(lower: str, text: str) -> list[tuple[int, int, str]]:
    out = []
    if "duy nhat" in lower or "đau tien" in lower:
        for m in _VI_ONLY_WON.finditer(lower):
            if text[m.end():m.end() + 1].isupper():
                # the span takes in the subject words before ("vận động viên châu Á"), whose "a" is no article
                sub = re.search(r"(?:\w+ ){1,4}$", lower[max(0, m.start() - 40):m.start()])
                start = m.start() - len(sub.group()) if sub else m.start()
                out.append((start, m.end() + 1, "the only or first one to win a named award"))
    if " yang " in lower:
        for m in _ID_OFFICE_YEAR.finditer(lower):
            if text[m.start("c"):m.start("c") + 1].isupper():
                out.append((m.start(), m.end(), "the holder of an office of a named country by a dated event"))
    if "onkowe" in lower or "akewi" in lower or "olukowe" in lower or "akoroyin" in lower:
        for m in _YO_WROTE.finditer(lower):
            nxt = text[m.end():m.end() + 1]
            if nxt in "'\"‘“«" or nxt.isupper():
                out.append((m.start(), m.end() + 1, "the creator of a named work"))
    return out


# the writer of a named work behind the kind of work (Slavic and Baltic case forms)
_SLAVIC_CREATOR = re.compile(r"(?<!\w)(?:autor|autorka|autora|autorem|autorke|autorku|autorky|autorius|autore|autors|"
                             r"pisac|pisca|spisovatel\w*|pisarz\w*|tvorac|tvurce|tworca|reziser|rezyser\w*|redatelj\w*|"
                             r"skladatel\w*|kompozytor\w*|kompozitor\w*|автор|автора|авторка|автором|творец|творця|"
                             r"режисер\w*|режиссер\w*|композитор\w*)\s+(?:romana|romanu|roman|romanas|romano|knjige|"
                             r"knihy|ksiazki|powiesci|pjesme|pesme|pesmi|piesni|basni|drame|dramatu|filma|filmu|filmo|"
                             r"opere|opery|symfonie|simfonije|poeme|poemy|zbirke|sbirky|cyklu|ciklusa|serije|"
                             r"serialu|knygos|eilerasci\w*|романа|роману|романов|книги|песни|пісні|фильма|"
                             r"фільму|оперы|опери|поэмы|поеми|сказки|казки|pripovijetke|pripovetke|novele|noveli)\s+")


def _slavic_creator(lower: str, text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _SLAVIC_CREATOR.finditer(lower):
        nxt = text[m.end():m.end() + 1]
        if nxt and (nxt in "«\"„“'‘‚»" or nxt.isupper()):
            out.append((m.start(), m.end() + 1, "the creator of a named work"))
    return out


# (the normaliser folds digits to look-alike letters: "100" reads "ioo", so a number is [0-9a-z])
# Chinese "<field>之父/之母", a place or field and a crowned title, Korean field + queen/emperor, CJK numbered offices
_ZH_FATHER = re.compile(r"(?<![我你他她它们們的这這那一])(?P<f>[\u4e00-\u9fff]{2,8})之(?:父|母)")
_ZH_NOT_FIELD = re.compile(r"^(?:.*(?:孩子|儿子|兒子|女儿|女兒|家庭|一家|新娘|新郎|学生|學生|朋友|同学|同學))$")
_ZH_CROWN = re.compile(r"(?<![一这這那个個位我你他她])(?P<p>[\u4e00-\u9fff]{2,4}?)(?:歌神|歌后|歌王|球王|球后|拳王|影帝|"
                       r"影后|股神|车神|車神|飞人|飛人|棋圣|棋聖|乒乓女王|跳水女王|体操王子|體操王子|羽球天后|天后|天王)"
                       r"(?![宫宮庙廟娘星])")
_ZH_CROWN_NOT = ("游戏", "遊戲", "电影", "電影", "动画", "動畫", "漫画", "漫畫", "小说", "小說", "传说", "傳說", "神话", "神話",
                 "四大", "妈祖", "媽祖")
_KO_CROWN = re.compile(r"(?:피겨|수영|골프|테니스|배구|축구|야구|빙속|쇼트트랙|체조|역도|양궁|탁구|배드민턴|마라톤|"
                       r"농구|유도|펜싱|리듬체조|스피드스케이팅)\s?(?:여왕|황제|여제|퀸|킹|요정|전설|영웅|천재)")
_CJK_NUMBERED = re.compile(r"第\s?[0-9a-z]{1,3}\s?(?:代|任|届|屆)(?:[\u4e00-\u9fff\u30a0-\u30ff]{0,10}?)"
                           r"(?:内閣総理大臣|総理大臣|首相|大統領|天皇|将軍|横綱|总统|總統|总理|總理|国家主席|國家主席|"
                           r"主席|首相|皇帝|教皇|秘书长|秘書長|行政长官|行政長官|台湾总统|台灣總統)|"
                           r"제\s?[0-9a-z]{1,3}\s?대\s?(?:[가-힣]{0,6}\s?)?(?:대통령|국무총리|총리|대법원장|국회의장)")


def _cjk(lower: str, text: str) -> list[tuple[int, int, str]]:
    out = []
    if "之父" in lower or "之母" in lower:
        for m in _ZH_FATHER.finditer(lower):
            if not _ZH_NOT_FIELD.match(m.group("f")):
                out.append((m.start(), m.end(), "a person known as the father or mother of a field"))
    for m in _ZH_CROWN.finditer(lower):
        if not any(w in m.group("p") for w in _ZH_CROWN_NOT):
            out.append((m.start(), m.end(), "a person known by a crowned epithet of a place or field"))
    out += [(m.start(), m.end(), "a person known by a crowned epithet of a sport") for m in _KO_CROWN.finditer(lower)]
    out += [(m.start(), m.end(), "a numbered holder of an office") for m in _CJK_NUMBERED.finditer(lower)]
    return out


_CJK_CHEAP = ("之父", "之母", "歌", "球", "拳", "影", "股", "车", "車", "飞", "飛", "棋", "女王", "王子", "天后", "天王",
              "여왕", "황제", "여제", "퀸", "킹", "요정", "전설", "영웅", "천재", "第", "제")


_CREATOR_CHEAP = ("autor", "pisa", "pisc", "spisov", "tvor", "tworc", "rezis", "rezys", "redat", "sklad", "kompo",
                  "автор", "твор", "режис", "композ")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-41e shapes (see above); ``cased``: the prompt is not all caps (capitals name things)."""
    out: list[tuple[int, int, str]] = []
    if cased and any(o in lower for o in ("prez", "пре", "pred", "προεδ", "πρωθ", "κυβερν", "βασιλ", "premi",
                                          "kral", "krol", "кор", "крал", "краљ", "цар", "kancl", "канцл", "kansl",
                                          "elnok", "paamin", "peamin", "baskan", "madaxw", "kosmon", "космон",
                                          "гетьм", "hetm", "patri", "патри", "president")):
        out += _free_order(lower, text)
    if "koztarsasagi elnok" in lower:
        out += [(m.start(), m.end(), "a national office by rank") for m in _SELF_NATIONAL.finditer(lower)]
    if cased and any(a in lower for a in ("ensimmaisena", "esimesena", "elsokent", "jako p", "ako prv", "kao prv",
                                           "первым", "первои", "першим", "першою", "първ", "πρωτ", "pirm")):
        out += _first_to(lower, text)
    if cased and any(a in lower for a in _CREATOR_CHEAP):
        out += _slavic_creator(lower, text)
    if cased and any(c in lower for c in ("izbornik", "selektor", "selekcjoner", "reprezentacni trener")):
        out += _national_coach(lower, text)
    if cased:
        out += _vi_id_yo(lower, text)
    if any(c in lower for c in _CJK_CHEAP):
        out += _cjk(lower, text)
    return out
