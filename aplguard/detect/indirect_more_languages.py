"""Indirect references to one real person in more languages and shapes (round 29a).

* a national office by rank or "current" in Swahili, Hausa and Yoruba, with the country after it ("Rais wa sasa wa
  Kenya", "rais wa kwanza wa Tanzania", "Waziri Mkuu wa kwanza wa ...", Hausa "Firaministan farko na Najeriya",
  "Shugaban Najeriya na yanzu", Yoruba "Ààrẹ Nàìjíríà lọ́wọ́lọ́wọ́", "Ààrẹ àkọ́kọ́ ti Gánà"): the country must be
  capitalised, so "rais wa kwanza wa klabu yetu" (our club's first president) stays generic;
* the founder of a named company in Chinese, Japanese and Korean ("阿里巴巴的创始人", "ソニーの創業者", "삼성 창업자"):
  the company is the run of letters right before; a determiner or a bare "company" word ("一家公司的创始人",
  "この会社の創業者", "우리 회사 창업자") stays generic;
* the first woman/man elected to a national office in the Nordic languages ("fyrsta konan sem var kjörin forseti
  Íslands", "första kvinnan som valdes till statsminister i Sverige", "første kvinde der blev valgt som statsminister
  i Danmark"): the country must be capitalised;
* the English possessive of a country in lower case before a first ("britain's first female prime minister"): the
  country word is checked against a list (a capitalised one is indirect_i18n's).

Spans are ``(start, end, what)`` over ``lower`` (the normaliser's text: accents off, same length as ``text``).
"""

from __future__ import annotations

import re

from .context import word_set

# countries (and the nations the English possessive names) written in lower case
COUNTRIES = word_set("""
afghanistan albania algeria america angola argentina armenia australia austria azerbaijan bangladesh belarus belgium
bolivia bosnia botswana brazil britain bulgaria cambodia cameroon canada chile china colombia congo croatia cuba
cyprus czechia denmark ecuador egypt england estonia ethiopia finland france gabon georgia germany ghana greece
guatemala guinea haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
kazakhstan kenya korea kosovo kuwait latvia lebanon liberia libya lithuania luxembourg madagascar malawi malaysia
mali malta mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands holland nicaragua
niger nigeria norway pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tanzania
thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa europe
asia
""")

# cheap pre-checks: the shape's own words
_G_AFRICA = ("rais", "waziri", "shugaba", "firaminista", "sarki", "aare", "alakoso", "olori")
_G_CJK = ("创始人", "創始人", "创办人", "創辦人", "创立者", "創立者", "創業者", "創設者", "創始者", "창업자", "창업주", "설립자",
          "창립자")
_G_NORDIC = ("fyrst", "forsta", "første", "forste", "ensimmainen")

_SW_OFFICE = r"(?:rais|waziri mkuu|makamu wa rais|spika|mfalme|malkia|jaji mkuu)"
_SWAHILI = re.compile(r"\b" + _SW_OFFICE + r"\s+(?:(?:wa\s+)?(?:sasa|kwanza|mwisho|wa zamani|aliyepo madarakani)\s+)?"
                      r"wa\s+(?=\w)|\b" + _SW_OFFICE + r"\s+wa\s+(?P<place>\w+)\s+(?:wa\s+)?(?:sasa|kwanza)\b")
_SW_RANKED = re.compile(r"\s+(?:wa\s+)?(?:sasa|kwanza|mwisho|wa zamani|aliyepo madarakani)\s+wa\s+")
_HA_OFFICE = r"(?:shugaban(?:\s+kasar)?|firaministan|sarkin|mataimakin shugaban(?:\s+kasar)?)"
_HAUSA = re.compile(r"\b" + _HA_OFFICE + r"\s+(?:(?:farko|na farko|na yanzu|na karshe)\s+(?:na\s+)?(?=\w)|(?P<place>\w+)"
                    r"\s+(?:na yanzu|na farko)\b)")
_YO_OFFICE = r"(?:aare|alakoso agba|olori ijoba|olori orile-ede|igbakeji aare)"
_YORUBA = re.compile(r"\b" + _YO_OFFICE + r"\s+(?:(?:akoko|akoko ti|lowolowo ti)\s+(?:ti\s+)?(?=\w)|(?:ti\s+|orile-ede\s+)?"
                     r"(?P<place>[\w-]+)\s+(?:lowolowo|isinsinyi|akoko)\b)")
_CJK_FOUNDER = re.compile(r"(?P<co>(?:[^\W的の의_]|[.&-]){2,12})\s?(?:的|の|의)?\s?"
                          r"(?:创始人|創始人|创办人|創辦人|创立者|創立者|創業者|創設者|創始者|창업자|창업주|설립자|창립자)")
# what makes the company anyone's: a determiner or "my/our" first, or a bare company word
_CJK_DETERMINERS = ("一", "这", "這", "那", "某", "该", "該", "本", "此", "每", "我", "你", "他", "她", "们", "們", "個",
                    "个", "家", "その", "この", "あの", "ある", "わが", "私", "僕", "うち", "우리", "제 ", "내 ", "한 ",
                    "어느", "그 ", "이 ", "저 ")
_CJK_BARE = frozenset({"公司", "企业", "企業", "集团", "集團", "品牌", "初创公司", "创业公司", "小公司", "会社", "ブランド",
                       "スタートアップ", "회사", "기업", "스타트업", "브랜드", "가게", "식당", "카페", "学校", "學校", "餐厅",
                       "咖啡店", "工作室", "俱乐部", "团队", "創業者", "创始人"})
# "科技公司的创始人" (a tech company's founder): a kind of company, not one
_CJK_KIND_ENDINGS = ("公司", "企业", "企業", "会社", "회사", "기업", "스타트업", "スタートアップ")
_NORDIC = re.compile(r"\b(?:fyrsta|fyrstu|forsta|første|forste)\s+(?:konan|kona|konuna|konunni|konunnar|konu|kvinnan|kvinna|kvinne|kvinnen|kvinde|kvinden|"
                     r"maðurinn|madurinn|mannen|manden|svarta|svarte)\s+(?:sem|som|der)\s+(?:var\s+|ble\s+|blev\s+|vart\s+)?"
                     r"(?:kjorin|kosin|kjorinn|kosinn|kjorna|kosna|valdes|ble valgt|blev valgt|valgt|vald|valgd)"
                     # round 33a: the auxiliary after the participle ("sem kjörin var forseti Íslands")
                     r"(?:\s+(?:var|vard|blev|ble))?\s+(?:till\s+|til\s+|som\s+|sem\s+)?"
                     r"(?:forseti|forsaetisradherra|president|presidenten|statsminister|statsministeren|borgarstjori)"
                     r"\s+(?:i\s+|på\s+|pa\s+)?"
                     # round 33a: the office with a female adjective, the country after "i" ("första kvinnliga
                     # statsministern i Sverige", "fyrsti kvenforsætisráðherra á Íslandi")
                     r"|\b(?:fyrsti|fyrsta|forsta|første|forste)\s+(?:(?:kvinnliga|kvinnelige|kvindelige|svarta|svarte|"
                     r"sorte)\s+)?(?:kven)?(?:forseti|forsaetisradherra|presidenten|president|statsministern|"
                     r"statsministeren|statsminister|borgarstjori)\s+(?:i|a|på|pa)\s+")

# Round 38a. The national office named by a Nordic nationality adjective, then "who was the first ..." ("íslenski
# forsetinn sem var fyrsta konan kjörin þjóðhöfðingi", "den svenska statsministern som var den första kvinnan"): the
# office of one country whose first is one person, in any case of the adjective and the office
_NORDIC_NAT_FIRST = re.compile(r"\b(?:islensk|norsk|dansk|saensk|svensk|finnsk|finsk|islandsk|faereysk|færeysk)"
                               r"(?:i|a|u|e)?\s+(?:kven)?(?:forset(?:i|a)(?:nn|ns|num)?|fors(?:ae|æ)tisra[ðd]herr(?:a|ann|ans|anum)|"
                               r"presidenten|president|statsministern|statsministeren|statsminister|"
                               r"þjo[ðd]hof[ðd]ing(?:i|ja)(?:nn)?|drottning(?:in)?|dronningen|drottningen|konungur(?:inn)?|"
                               r"kongen|kungen)\s+(?:sem|som|der)\s+(?:var|ble|blev|vart|er|ar|är)\s+(?:den\s+|det\s+)?"
                               r"(?:fyrst|forst|først)\w*")
# Round 38a. The first woman/man/person to win, become or reach something, in Swahili ("mwanamke wa kwanza wa
# Kiafrika kushinda tuzo ya Nobel", "mtu wa kwanza kufika mwezini"): a nationality after "wa" (capitalised), or a
# capitalised name within the next words (the prize, the office); "mwanamke wa kwanza kushinda mbio zetu" stays generic
_SW_FIRST_PERSON = re.compile(r"\b(?:mwanamke|mwanamume|mwanaume|mtu|binadamu|mwafrika)\s+wa\s+kwanza\s+"
                              r"(?:wa\s+(?P<nat>\w+)\s+)?(?:ku(?:shinda|wa|fika|panda|chaguliwa|ongoza|tembea|"
                              r"safiri|pokea|tunukiwa)\w*)\b")
_SW_OWN = frozenset({"yetu", "wetu", "langu", "yangu", "wangu", "letu", "kijiji", "shule", "klabu", "timu"})

# Round 31a. The writer of a named book or song in Yoruba, Hausa, Swahili and Zulu ("ẹni tó kọ ìwé <Title>", "wanda ya
# rubuta littafin <Title>", "aliyeandika kitabu <Title>", "owabhala incwadi <Title>"): the work word, then a capital
# (checked in spans) -- "wanda ya rubuta littafin nan" (who wrote this book) stays generic.
_G_AUTHOR_AF = ("ko ", "rubuta", "andika", "bhala", "marubuci", "mwandishi", "umbhali", "onkowe")
_AF_AUTHOR = re.compile(r"\b(?:(?:eni|eniti|obinrin|okunrin|eniyan) (?:ti o |to |ti )?(?:ko|koko ko) |onkowe |"
                        r"(?:wanda|wadda|mutumin da|matar da) (?:ya |ta )?(?:rubuta|wallafa) |marubucin |marubuciyar |"
                        r"(?:aliyeandika|aliandika|mwandishi wa|mtunzi wa|aliyetunga) |"
                        r"(?:owabhala|obhale|umbhali we|umbhali wa) )"
                        r"(?:iwe |orin |iwe-itan |littafin |littafi |wakar |waka |kitabu |kitabu cha |riwaya ya |riwaya |"
                        r"wimbo |shairi |incwadi |incwadi ethi |inoveli |ingoma |wencwadi |wenoveli )?(?=\w|[\"“'‘])")
# the founder of a country in lower case (a listed country) in Turkish and English ("pakistan'ın kurucusu", "türkiye
# cumhuriyetinin kurucusu", "the founding father of modern singapore"), and German "der Gründer Singapurs" (a
# capitalised genitive)
_FOUNDER_TR = re.compile(r"\b(?P<c>[a-z]+(?: cumhuriyeti)?)['’]?(?:nin|in|un|nun) (?:kurucusu|kurucu lideri|kurucu babasi)\b")
_FOUNDER_EN = re.compile(r"\b(?:the |its )?(?:founding father|father|founder|co-?founder) of (?:modern |the modern "
                         r"|the republic of |independent )?(?P<c>[a-z]+)\b")
_FOUNDER_DE = re.compile(r"\b(?:der|die) (?:staatsgrunder|staatsgrunderin|grunder|grunderin|grundervater|vater) "
                         r"(?:des (?:modernen |heutigen |unabhangigen )?)?(?P<c>[a-z]+s)\b")
_TR_COUNTRIES = frozenset({"turkiye", "turkiye cumhuriyeti", "cumhuriyet", "pakistan", "azerbaycan", "kazakistan",
                           "ozbekistan", "turkmenistan", "kirgizistan", "bangladesh", "banglades", "hindistan",
                           "singapur", "israil", "amerika", "cin", "rusya", "almanya", "fransa", "italya", "gana",
                           "kenya", "tanzanya", "endonezya", "misir", "tunus", "cezayir", "iran", "irak", "suriye"})


def _founders(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    out = []
    if "kurucu" in lower:
        for m in _FOUNDER_TR.finditer(lower):
            c = m.group("c")
            if c in _TR_COUNTRIES or c.rsplit(" ", 1)[0] in _TR_COUNTRIES or c in COUNTRIES:
                out.append((m.start(), m.end(), "the founder of a named country"))
    if "father of" in lower or "founder of" in lower:
        for m in _FOUNDER_EN.finditer(lower):
            if m.group("c") in COUNTRIES and (m.group().startswith(("the ", "its ")) or "found" in m.group()):
                out.append((m.start(), m.end(), "the founder of a named country"))
    if cased and ("grunder" in lower or "vater " in lower):
        for m in _FOUNDER_DE.finditer(lower):
            c = m.group("c")
            if text[m.start("c")].isupper() and (c[:-1] in COUNTRIES or c[:-1].endswith(("land", "stan", "ien", "ur",
                                                                                         "an", "en", "ei"))):
                out.append((m.start(), m.end(), "the founder of a named country"))
    return out


# Round 37a. The first woman in an office of a named place in Dutch, Turkish, Indonesian, Hungarian and with the
# nationality after the role in French, Spanish, Portuguese and Italian ("de eerste vrouwelijke burgemeester van
# Amsterdam", "İstanbul'un ilk kadın valisi", "gubernur perempuan pertama Jakarta", "Budapest első női
# főpolgármestere", "la première femme astronaute française"); the place must be capitalised (or a nationality
# word), so "de eerste vrouwelijke voorzitter van onze club" stays generic
_G_FEMALE = ("vrouw", "kadin", "perempuan", "wanita", "noi ", "femme", "mujer", "mulher", "donna")
_OFFICES_NL = (r"(?:burgemeester|minister-president|premier|president|presidente|koningin|astronaut|ruimtevaarder|"
               r"gouverneur|commissaris van de koning|minister|nobelprijswinnaar|kanselier)")
_FEMALE_FIRST_NL = re.compile(r"\b(?:de )?eerste (?:vrouwelijke |zwarte vrouwelijke )" + _OFFICES_NL
                              + r" (?:van|in) (?:het |de )?(?P<p>[a-z])")
_FEMALE_FIRST_TR = re.compile(r"(?P<p>[a-z][\w]*)['’]?(?:n[iu]n|[iu]n|nin|nun|in|un|da|de|ta|te) ilk kadin "
                              r"(?:valisi|belediye baskani|cumhurbaskani|basbakani|astronotu|bakani|milletvekili|"
                              r"nobel odullusu|devlet baskani|genel valisi)")
_FEMALE_FIRST_ID = re.compile(r"\b(?:gubernur|wali kota|walikota|presiden|perdana menteri|menteri|astronot|bupati|"
                              r"wakil presiden) (?:perempuan|wanita) pertama (?:di |dari )?(?P<p>[a-z])")
_FEMALE_FIRST_HU = re.compile(r"(?P<p>[a-z][\w-]*) (?:elso|legelso) noi (?:fopolgarmestere|polgarmestere|"
                              r"miniszterelnoke|allamfoje|koztarsasagi elnoke|elnoke|urhajosa|nobel-dijasa|kormanyzoja)")
_FEMALE_FIRST_NAT = re.compile(r"\b(?:la|a) (?:premiere|primera|primeira|prima) (?:femme|mujer|mulher|donna) "
                               r"(?:astronaute|astronauta|cosmonaute|cosmonauta|presidente|presidenta|"
                               r"premier ministre|primera ministra|primeira-ministra|prima ministra|chanceliere|"
                               r"prix nobel|premio nobel|pilote|piloto) (?P<p>[a-z]+(?:aise|aine|ienne|enne|oise|ise|"
                               r"ana|ina|esa|eira|ena|ola|ese|ica|ca|sa))\b")


def _female_first(lower: str, text: str) -> list[tuple[int, int, str]]:
    """The first woman in an office of a named place in more Latin-script languages (round 37a, see above)."""
    out = []
    for rx in (_FEMALE_FIRST_NL, _FEMALE_FIRST_TR, _FEMALE_FIRST_ID, _FEMALE_FIRST_HU):
        for m in rx.finditer(lower):
            if text[m.start("p"):m.start("p") + 1].isupper():
                out.append((m.start(), _word_end(lower, m.end()), "the first woman in an office of a named place"))
    for m in _FEMALE_FIRST_NAT.finditer(lower):
        out.append((m.start(), m.end(), "the first woman of a nationality in a role"))
    return out


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-29a shapes (see above); ``cased``: the prompt is not all caps (capitals name places)."""
    out: list[tuple[int, int, str]] = []
    if cased and any(g in lower for g in _G_FEMALE):
        out += _female_first(lower, text)
    if cased and any(g in lower for g in _G_AFRICA):
        for rx in (_SWAHILI, _HAUSA, _YORUBA):
            for m in rx.finditer(lower):
                at = m.start("place") if m.group("place") else m.end()
                if at < len(text) and text[at].isupper() and at > m.start():
                    out.append((m.start(), _word_end(lower, m.end()), "a national office by rank of a named country"))
    if any(g in lower for g in _G_CJK):
        for m in _CJK_FOUNDER.finditer(lower):
            co = m.group("co").rstrip("的の의 ")
            if (len(co) >= 2 and not co.startswith(_CJK_DETERMINERS) and co not in _CJK_BARE and not co.isdigit()
                    and not co.endswith(_CJK_KIND_ENDINGS)):
                out.append((m.start(), m.end(), "the founder of a named company"))
    if cased and any(g in lower for g in _G_AUTHOR_AF):
        for m in _AF_AUTHOR.finditer(lower):
            if re.match(r"[\"“'‘]?[A-Z]", text[m.end():m.end() + 2]):
                out.append((m.start(), _word_end(lower, m.end()), "the writer of a named work"))
    if "kurucu" in lower or " of " in lower or "grunder" in lower or "vater " in lower:
        out += _founders(lower, text, cased)
    if " sem " in lower or " som " in lower or " der " in lower:
        out += [(m.start(), _word_end(lower, m.end()), "a national office named by nationality, its first holder")
                for m in _NORDIC_NAT_FIRST.finditer(lower)]
    if cased and "wa kwanza" in lower:
        for m in _SW_FIRST_PERSON.finditer(lower):
            after = text[m.end():m.end() + 60].split()[:5]
            if not _SW_OWN.isdisjoint(w.lower().strip(",.") for w in after):
                continue
            nat = m.start("nat") if m.group("nat") else -1
            if (nat >= 0 and text[nat].isupper()) or any(w[:1].isupper() for w in after):
                out.append((m.start(), m.end(), "the first person of a nationality to win or become something"))
    if cased and any(g in lower for g in _G_NORDIC):
        for m in _NORDIC.finditer(lower):
            if m.end() < len(text) and text[m.end()].isupper():
                out.append((m.start(), _word_end(lower, m.end()), "the first woman or man elected to a national office"))
    return out


def _word_end(lower: str, i: int) -> int:
    m = re.match(r"[\w'-]*", lower[i:])
    return i + (m.end() if m else 0)
