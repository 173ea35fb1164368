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
    ("myanmar", re.compile(r"(?:(?:သူငယ်ချင်း|ညီမ|အစ်မ|အစ်ကို|ညီ|အမေ|အဖေ|ဇနီး|ခင်ပွန်း|ဆရာ)\s*)(?:ကို|မောင်|ဦး|ဒေါ်|မ)("
                           + _MYANMAR + r")|(?:^|\s)(?:ကို|မောင်|ဦး|ဒေါ်)(?!ထုပ်|ခေါင်း|ဆောင်|စွာ|နှောက်)(" + _MYANMAR
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
    return out
