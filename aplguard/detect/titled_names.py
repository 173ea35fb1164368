"""Private names marked by a title, honorific or relation in scripts without name lists.

Lao, Khmer, Burmese, Tibetan and Mongolian have no name lists here (faker has none) and
``wordfreq`` no word lists; Korean and Chinese have lists, but a relation word before a
name with an honorific after it ("우리 엄마 박순자 여사님", "我阿嬤林秀英") says more than
they do. What marks a name in these languages is the word next to it:

* Lao ``ທ້າວ``/``ນາງ``/``ທ່ານ`` (Mr/Ms), Khmer ``លោក``/``អ្នកស្រី``/``ព្រះបាទ`` or a relation
  ending in "of mine" (``...របស់ខ្ញុំ``), followed by a given name and a family name;
* Burmese honorifics written onto the name (``ကို``, ``မောင်``, ``ဦး``, ``ဒေါ်``, ``မ``), with a
  relation before it or a picture word after it (``ရဲ့ ပုံ``);
* Tibetan "my friend/mother ..." (``ངའི་གྲོགས་པོ``) + name syllables + genitive + picture
  (``གི་པར``), all without spaces;
* Mongolian (Cyrillic) ``миний найз`` (my friend) + capitalised words;
* Korean relation + surname-led name + ``여사님``/``씨``/``님``; Chinese "my grandma" words
  (traditional ``阿嬤``, ``阿公`` and others) + surname + given name + what she does or a picture.

A word of the hand-made common-word list of the script (``data/native_common_words.txt``)
is never part of a name ("ທ່ານ ສາມາດ ..." is "you can ..."), so ordinary prompts stay clean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..types import Finding
from .normalize import NormalizedText
from .resources import ResourceCache
from .script_names import fold_word, load_lists

_LAO = r"[\u0E80-\u0EFF]+"
_KHMER = r"[\u1780-\u17DD]+"
_LAO_TITLE = r"(?:ເຈົ້າມະຫາຊີວິດ|ເຈົ້າຟ້າ|ພະເຈົ້າ|ສົມເດັດ|ເຈົ້າ)"
_MYANMAR = r"[\u1000-\u102A][\u1000-\u104F]{2,}"  # a consonant or vowel letter first ("ကိုယ်" is "self", no "ကို" + name)
_TIBETAN_SYL = r"[\u0F40-\u0FBC]+"
_CYR_CAP = r"[А-ЯЁӨҮ][а-яёөү]+"
_HANGUL = r"[\uAC00-\uD7AF]"
_HAN = r"[\u4E00-\u9FFF]"

_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("lao", re.compile(r"(?:^|\s|ຂອງ)(?:ທ້າວ|ທ່ານນາງ|ທ່ານ|ນາງ|ເອື້ອຍ|ອ້າຍ|ນ້ອງ)\s+(" + _LAO + r")\s+(" + _LAO + r")"),
     "a Lao title before a given and a family name"),
    ("khmer", re.compile(r"(?:^|\s)(?:លោកស្រី|អ្នកស្រី|លោក|កញ្ញា|ព្រះបាទ|សម្តេច|សម្ដេច|ឯកឧត្តម|\S*របស់ខ្ញុំ)\s+(" + _KHMER
                         + r")\s+(" + _KHMER + r")"),
     "a Khmer title or relation before a family and a given name"),
    # (round 14b) with the possessive "ရဲ့/၏" the picture word may end a compound ("ဘွဲ့ယူပုံ" graduation picture);
    # words that start with "ဦး" (head: "ဦးထုပ်" hat, "ဦးခေါင်း" head, "ဦးဆောင်" to lead) are no honorific
    # (round 42b) or with a portrait or photo word before it ("ပုံတူ ဒေါ်X": a portrait of Daw X)
    ("myanmar", re.compile(r"(?:(?:သူငယ်ချင်း|ညီမ|အစ်မ|အစ်ကို|ညီ|အမေ|အဖေ|ဇနီး|ခင်ပွန်း|ဆရာ)\s*)(?:ကို|မောင်|ဦး|ဒေါ်|မ)("
                           + _MYANMAR + r")|(?:ပုံတူ|ဓာတ်ပုံ)\s*(?:ကို|မောင်|ဦး|ဒေါ်)(?!ထုပ်|ခေါင်း|ဆောင်|စွာ|နှောက်)(" + _MYANMAR
                           + r")|(?:^|\s)(?:ကို|မောင်|ဦး|ဒေါ်)(?!ထုပ်|ခေါင်း|ဆောင်|စွာ|နှောက်)(" + _MYANMAR
                           + r")\s*(?:(?:ရဲ့|၏)\s*[\u1000-\u104F]{0,12}?)?(?:ပုံတူ|ဓာတ်ပုံ|ပုံ)(?![\u1000-\u104F])"),
     "a Burmese honorific on a name next to a relation or a picture"),
    # (round 14b) Lao and Khmer: two words opening the prompt (or after "a photo of") before what only a person
    # does: "is giving a speech / singing / smiling" (ກຳລັງ, កំពុង + a verb of speech, song or smile) or "at the
    # wedding / birthday / graduation" ("សុខ ចាន់ថា នៅក្នុងពិធីមង្គលការ"); a common word in the run is a description
    # (written as the prompt normaliser writes "ຳ": NFKC)
    ("lao", re.compile(unicodedata.normalize("NFKC", r"(?:^|(?:ຮູບພາບ|ຮູບຖ່າຍ|ຮູບ)(?:ຂອງ)?\s*)(" + _LAO + r")\s+(" + _LAO
                                             + r")\s*(?:ກຳລັງ\s*(?:ກ່າວ|ເວົ້າ|ຮ້ອງເພງ|ຍິ້ມ|ຫົວ|ປາໄສ|ສອນ|ໃຫ້ສຳພາດ)|(?:ຢູ່\s*)?"
                                             r"(?:ໃນ\s*)?ງານ(?:ແຕ່ງງານ|ດອງ|ວັນເກີດ|ຮັບປະລິນຍາ))")),
     "two Lao words before what a person does"),
    # (round 36b) a Lao royal or noble title written onto the name ("ເຈົ້າສຸພານຸວົງ", "ສົມເດັດX") with a picture word
    # before it ("ຮູບຄົນຂອງ ...") or after it (", ຮູບເກົ່າ"); "ເຈົ້າ" is also "you" and opens "ເຈົ້າສາວ" (bride):
    # a common word in front of the run is no name (see ``find``)
    ("lao_royal", re.compile(unicodedata.normalize("NFKC", r"(?:ຮູບ(?:ຄົນ|ພາບ|ຖ່າຍ|ແຕ້ມ)?|ພາບ(?:ຖ່າຍ)?)(?:ຂອງ)?\s*"
                                                   + _LAO_TITLE + r"(" + _LAO + r")(?![\u0E80-\u0EFF])|(?:^|\s)"
                                                   + _LAO_TITLE + r"(" + _LAO + r")\s*[,;]?\s*(?:ຮູບ|ພາບ)")),
     "a Lao royal title on a name next to a picture word"),
    ("khmer", re.compile(r"(?:^|(?:រូបថត|រូបភាព|រូប)(?:របស់)?\s*)(" + _KHMER + r")\s+(" + _KHMER + r")\s*(?:កំពុង\s*(?:ថ្លែង|"
                         r"និយាយ|ច្រៀង|ញញឹម|សើច|បង្រៀន|ផ្តល់បទសម្ភាសន៍|ផ្ដល់បទសម្ភាសន៍)|(?:នៅ\s*)?(?:ក្នុង\s*)?ពិធី(?:មង្គលការ|"
                         r"រៀបការ|ខួបកំណើត|បញ្ចប់ការសិក្សា|ទទួលសញ្ញាបត្រ))"),
     "two Khmer words before what a person does"),
    # (round 14b) a Tibetan name of four syllables (two two-syllable names, one of them a common name word) opening
    # the prompt, with the genitive and a picture word ("བཀྲ་ཤིས་སྒྲོལ་མའི་པར")
    ("tibetan_name", re.compile(r"^((?:" + _TIBETAN_SYL + r"་){3}" + _TIBETAN_SYL + r")(?:་(?:གི|གྱི|ཀྱི|ཡི)་|འི་)"
                                r"(?:པར|འདྲ་པར|རི་མོ)"),
     "a Tibetan name of four syllables before a picture"),
    ("tibetan", re.compile(r"ངའི་(?:གྲོགས་པོ|གྲོགས་མོ|ཨ་མ|ཨ་ཕ|ཨ་ཅག|ནུ་མོ|ཨ་ཇོ|ཇོ་ཇོ|བུ་མོ|བུ|ཆུང་མ|དགེ་རྒན)་((?:" + _TIBETAN_SYL
                           + r"་){1,3}" + _TIBETAN_SYL + r")་?(?:གི|གྱི|ཀྱི|ཡི)་(?:པར|འདྲ་པར|རི་མོ)"),
     "a Tibetan relation before a name and a picture"),
    # the prompt normaliser writes "й" as "и" (the breve is a diacritic)
    ("mongolian", re.compile((r"(?:^|\s)миний\s+(?:найз|ах|эгч|ээж|аав|эхнэр|нөхөр|дүү|хүү|охин|багш|хамтран\s+ажиллагч)\s+("
                              + _CYR_CAP + r")(?:\s+(" + _CYR_CAP + r"))?").replace("й", "[йи]")),
     "a Mongolian relation before a name"),
    # (round 20b) Mongolian puts the office after the name ("Хүрэлсүх ерөнхийлөгч", President Khurelsukh), and
    # Russian and Kazakh press write it so too: a capitalised word (not a genitive "Монголын", "России", not a
    # common word) right before a head-of-state, minister or chief title
    ("mongolian_title", re.compile((r"(?:^|\s)(" + _CYR_CAP + r"(?:-" + _CYR_CAP + r")?)\s+(?:ерөнхийлөгч|ерөнхий\s+сайд|"
                                    r"сайд|дарга|президент|премьер(?:-министр)?|министр|генерал)(?![а-яёөүәіңғүұқһ])"
                                    # a place named after the office holder: "... олон улсын нисэх буудал" (airport)
                                    r"(?!\s+(?:олон\s+улсын|нисэх|талбай|гудамж|өргөн\s+чөлөө|их\s+сургууль|музей|"
                                    r"хөшөө|аэропорт|проспект|улица|площадь|университет))"
                                    ).replace("й", "[йи]")),
     "a Cyrillic name before an office title"),
    ("hangul", re.compile(r"(?:^|\s)(?:우리|내|제|나의)?\s*(?:엄마|아빠|어머니|아버지|할머니|할아버지|언니|누나|오빠|형|동생|친구|"
                          r"남편|아내|이모|고모|삼촌|외할머니|외할아버지|장모님|시어머니)\s+(" + _HANGUL + r"{2,4})\s*"
                          r"(?:여사님|여사|씨|님|선생님)(?!" + _HANGUL + r")"),
     "a Korean relation before a name with an honorific"),
    # (round 42b) Thai "my elder brother, named X" ("พี่ชายของฉันชื่อต้น"): a kin or friend word, "of mine" and "named"
    # before a word; pets and shops are named too ("แมวของฉันชื่อส้ม"), so only people's words stand before it
    ("thai_named", re.compile(unicodedata.normalize("NFKC", r"(?:พี่ชาย|พี่สาว|น้องชาย|น้องสาว|ลูกชาย|ลูกสาว|แม่|พ่อ|"
                                                    r"เพื่อนสนิท|เพื่อนร่วมงาน|เพื่อน|สามี|ภรรยา|แฟน|คุณยาย|คุณย่า|คุณตา|"
                                                    r"คุณปู่|ลุง|ป้า|หลานชาย|หลานสาว|ครู)(?:ของ(?:ฉัน|ผม|หนู|เรา|ดิฉัน))?\s*"
                                                    r"ชื่อ\s*([\u0E01-\u0E4E]{2,10})(?=$|[\s,.;:!?])")),
     "a Thai relation before a name"),
    # (round 42b) a Japanese foreign full name in katakana, its parts joined by "・", with a title or honorific
    # written onto it ("デヴィ・スカルノ夫人", "ヤン・コバル監督"): a person's title, not a brand's
    ("katakana_titled", re.compile(r"((?<![\u30A1-\u30FA\u30FC])[\u30A1-\u30FA\u30FC]{2,}・[\u30A1-\u30FA\u30FC]{2,})"
                                   r"(?:夫人|氏|監督|選手|大統領|元大統領|首相|元首相|博士|教授|議員|大使|将軍|国王|女王|王子|王女|"
                                   r"さん|様)"),
     "a katakana full name with a title"),
    # (round 42b) a Cyrillic church or royal title and a capitalised given name ("Патријарх Павле", "Митрополит
    # Онуфрий", "Кнез Михаило"): the title names one person; the name must be a listed given name (see ``find``)
    ("cyrillic_title", re.compile(r"(?:^|[\s,(])(?:[Пп]атријарх|[Пп]атриарх|[Пп]атріарх|[Мм]итрополит|[Аа]рхиепископ|"
                                  r"[Аа]рхієпископ|[Ее]пископ|[Єє]пископ|[Вв]ладика|[Кк]нез|[Кк]нягиня|[Кк]раљ|"
                                  r"[Кк]раљица|[Кк]ороль|[Кк]оролева|[Цц]ар|[Цц]арица)\s+([А-ЯЁЂЈЉЊЋЏІЇЄҐ][а-яёђјљњћџіїєґ]+)"
                                  r"(?![а-яёђјљњћџіїєґ])"),
     "a Cyrillic church or royal title before a given name"),
    ("han", re.compile(r"我的?(?:阿嬤|阿嬷|阿公|阿媽|阿妈|阿爸|阿伯|阿姨|阿姑|阿舅|阿嬸|阿婶|外婆|外公|奶奶|爺爺|爷爷|媽媽|爸爸|姊姊|姐姐|"
                       r"哥哥|弟弟|妹妹)(" + _HAN + r"{2,3}?)(?:在|正在|穿|戴|坐在|站在|的(?:照片|相片|畫像|画像|肖像))"),
     "a Chinese relation before a surname and a given name"),
)


# Round 14b: the most common two-syllable Tibetan name words (hand-made from general knowledge); a Tibetan
# personal name is usually two of them ("བཀྲ་ཤིས་སྒྲོལ་མ", "བསྟན་འཛིན་ནོར་བུ")
_TIBETAN_NAME_WORDS = frozenset("""བཀྲ་ཤིས བསྟན་འཛིན ཚེ་རིང སྒྲོལ་མ ཆོས་སྒྲོན སྐལ་བཟང ལྷ་མོ ཡེ་ཤེས ནོར་བུ དབང་མོ བདེ་སྐྱིད རྡོ་རྗེ
དོན་གྲུབ བསོད་ནམས ཕུན་ཚོགས བློ་བཟང དབང་ཕྱུག ཚེ་དབང པད་མ པདྨ ཉི་མ ཟླ་བ སྟོབས་རྒྱལ རིག་འཛིན དཔལ་མོ དཔལ་ལྡན དབྱངས་ཅན
ལྷ་སྒྲོན སྒྲོལ་དཀར བྱམས་པ ཀུན་བཟང བཟང་མོ ཚེ་བརྟན དབང་འདུས ལྷ་པ བསམ་གྲུབ དགེ་ལེགས ཚུལ་ཁྲིམས མཁའ་འགྲོ རྒྱལ་མཚན ཆོས་ཉིད
འཇམ་དབྱངས ཐུབ་བསྟན སངས་རྒྱས ཡང་ཆེན དབྱངས་སྒྲོན ལྷ་ཀློང ཆོས་འཕེལ ཀུན་དགའ ཡོན་ཏན""".split())  # noqa: SIM905
_TIBETAN_PARTICLES = frozenset("གི གྱི ཀྱི ཡི འི དང ནང ལ ན ནས ཏུ དུ རུ སུ ཀྱང ཡང".split())  # noqa: SIM905


# Genitive endings of Mongolian, Russian and Kazakh: a word so ending names whose office it is, not who holds it
_GENITIVE_ENDINGS = ("ын", "ийн", "иин", "ний", "гийн", "гиин", "ии", "ого", "его", "ой", "ы", "ың", "ің", "ның", "нің",
                     "дың", "дің", "тың", "тің")


def _names(text: str) -> Iterator[tuple[str, int, int, list[str], str]]:
    for script, rx, why in _RULES:
        for m in rx.finditer(text):
            groups = [(m.start(g), m.end(g)) for g in range(1, (rx.groups or 0) + 1) if m.start(g) >= 0]
            if groups:
                yield script, groups[0][0], groups[-1][1], [text[a:b] for a, b in groups], why


# Round 42b: a name in a script without name lists (Burmese, Lao, Khmer, Tibetan, Sinhala, Georgian, Armenian,
# Ethiopic, Baybayin, Javanese; Malay in Jawi, with a letter only Jawi has) as the subject of an English or Malay
# prompt: opening it, or after "a portrait of", and before what only a person does ("ဦးသန့် speaking at the UN",
# "portrait painting of ເຈົ້າອະນຸວົງ riding", "ꦱꦸꦏꦂꦤꦺꦴ pidato", "ڤ. رملي bernyanyi") or a portrait word. Such
# a script in a Latin prompt is there to write a name or a caption; a caption is no subject of these acts.
_NO_LIST = (r"\u1000-\u109F\u0E80-\u0EFF\u1780-\u17FF\u0F00-\u0FFF\u0D80-\u0DFF\u10A0-\u10FF\u0530-\u058F"
            r"\u1200-\u139F\u1700-\u171F\uA980-\uA9DF")
_JAWI = "ڤڠچݢۏڽ"
_RUN = r"(?:[" + _NO_LIST + r"]+(?:\s[" + _NO_LIST + r"]+){0,2}|(?:[\u0600-\u06FF]+\.?\s){0,2}[\u0600-\u06FF]+)"
_SUBJECT_ACT = re.compile(
    r"(?:^|(?:portrait|photo|picture|painting|drawing|sketch|image|photograph|headshot|illustration)"
    r"(?: painting| photo)? of\s+)(" + _RUN + r")\s*,?\s+(?:is\s+|was\s+)?"
    r"(?:speaking|singing|dancing|smiling|laughing|giving a speech|delivering a speech|addressing|rapping|performing|"
    r"playing (?:the |a )?(?:guitar|piano|violin|drums|sitar|flute|saxophone|football|soccer|tennis|badminton|chess)|"
    r"riding|waving|posing|preaching|lecturing|reading|writing|portrait|headshot|close-up|"
    r"pidato|berpidato|bernyanyi|menyanyi|nyanyi|menari|tersenyum|tertawa|berbicara|berucap|sesorah|nembang|ngendika)\b")
# the Buddha, gods and monks are depicted smiling and preaching too
_NOT_A_NAME = re.compile(r"ဘုရား|ဗုဒ္ဓ|ພຸດທະ|ພຣະພຸດ|ពុទ្ធ|សង្ឃ|སངས་རྒྱས|ພະສົງ|ဘုန်းကြီး|ბუდა|ღმერთ|ክርስቶስ")


_NO_LIST_CHAR = re.compile("[" + _NO_LIST + _JAWI + "]")
_NO_LIST_SCRIPTS = ("myanmar", "lao", "khmer", "tibetan", "sinhala", "georgian", "armenian", "ethiopic")


def _latin_subject(norm: NormalizedText, common: list[frozenset[str]]) -> Iterator[tuple[int, int]]:
    """Spans of a no-list-script name as the subject of an English or Malay prompt (see _SUBJECT_ACT)."""
    lower = norm.lower
    if not _NO_LIST_CHAR.search(lower):
        return
    for m in _SUBJECT_ACT.finditer(lower):
        run = m.group(1)
        if "\u0600" <= run[0] <= "\u06FF" and not any(c in _JAWI for c in run):
            continue  # Arabic script: only Malay written in Jawi (Arabic, Persian and Urdu have name lists)
        if _NOT_A_NAME.search(run) or any(fold_word(w) in c for w in run.split() for c in common):
            continue  # a common word of the script ("ລາວ" he, "ဈေး" market) is no name
        yield m.start(1), m.end(1)


_PLACE_BEFORE = re.compile(r"(?:улица|улици|вулиця|площа|площадь|трг|булевар|мост|станица|манастир|храм|црква|"
                           r"собор|церковь|школа|школи)\s+\S+\s*$", re.IGNORECASE)


def _place_before(text: str, start: int) -> bool:
    """Whether a street, square or church word stands before the title (the place is named after the person)."""
    return bool(_PLACE_BEFORE.search(text[max(0, start - 40):start]))


def find(norm: NormalizedText, cache: ResourceCache, detector: str) -> list[Finding]:
    """Findings for names marked by a title, honorific or relation (see the module docstring)."""
    text = norm.text
    if text.isascii():
        return []
    lists = load_lists(cache)
    out: list[Finding] = []
    for script, start, end, words, why in _names(text):
        common = lists.common.get(script, frozenset())
        if script == "tibetan":
            syllables = words[0].split("\u0F0B")
            if words[0] in common or all(s in common for s in syllables):
                continue
        elif script == "tibetan_name":
            common = lists.common.get("tibetan", frozenset())
            syllables = words[0].split("\u0F0B")
            pairs = ["\u0F0B".join(syllables[:2]), "\u0F0B".join(syllables[2:])]
            if any(s in _TIBETAN_PARTICLES for s in syllables) or any(p in common for p in pairs) or not (
                    set(pairs) & _TIBETAN_NAME_WORDS):
                continue  # particles or common words: a description; no name word: a place or a thing
        elif script == "hangul":
            if words[0][0] not in lists.last or lists.kind(words[0], "hangul") == "C":
                continue  # a surname leads a Korean name
        elif script == "han":
            if words[0][0] not in lists.last:
                continue  # a surname leads a Chinese name
        elif script == "lao_royal":
            common = lists.common.get("lao", frozenset())
            name = words[0]
            if len(name) < 4 or any(name.startswith(w) or (w.endswith(name) and w != name) for w in common if len(w) >= 2):
                # "ຮູບເຈົ້າສາວ" (a bride), "ຮູບຖ່າຍເຈົ້າບ່າວ" (a groom), "ຮູບຂອງເຈົ້າງາມ..." (your picture is beautiful)
                continue
        elif script == "cyrillic_title":
            if lists.kind(fold_word(words[0]), "cyrillic") != "F" or _place_before(text, start):
                continue  # a given name the lists know; "улица Краља Петра" is a street
        elif script in ("thai_named", "katakana_titled"):
            pass
        elif script == "mongolian_title":
            common = lists.common.get("mongolian", frozenset())
            word = words[0].lower()
            if fold_word(words[0]) in common or word in common or len(word) < 4 or word.endswith(_GENITIVE_ENDINGS):
                continue  # "Шинэ ерөнхийлөгч" (the new president), "Монголын ерөнхийлөгч" (of Mongolia)
        elif any(fold_word(w) in common for w in words):
            continue
        s, e = norm.span(start, end)
        out.append(Finding(kind="private_person", score=0.7, start=s, end=e, text=norm.original[s:e], detector=detector,
                           canonical=None, explanation=f"person-name shape in a non-Latin script ({why})",
                           identity_seeking=True))
    if not out:
        no_list = [lists.common.get(sc, frozenset()) for sc in _NO_LIST_SCRIPTS]
        for start, end in _latin_subject(norm, no_list):
            s, e = norm.span(start, end)
            why = "a name in a script without name lists as the subject of an English or Malay prompt"
            out.append(Finding(kind="private_person", score=0.65, start=s, end=e, text=norm.original[s:e],
                               detector=detector, canonical=None,
                               explanation=f"person-name shape in a non-Latin script ({why})", identity_seeking=True))
    return out
