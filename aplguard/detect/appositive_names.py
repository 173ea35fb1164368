"""A name in a non-Latin script opening the prompt, with the person's trade or age set beside it (round 43b).

"सुनीता रघुवंशी, जयपुर की एक दर्ज़ी, ...", "மீனாட்சி சுந்தரலிங்கம், மதுரை ஆசிரியை, portrait",
"Фарангис Шарипова аз Хуҷанд, муаллима, портрет", "陳柏翰，32歲，台南的工程師", "김서연 (34세, 부산 간호사)": the
prompt opens with two or three name words and the next part says what the person does or how old they are, as a
caption of a person's picture does. Places, dishes and buildings have no trade or age ("ताज महल, आगरा, सूर्यास्त").

The name is the whole first part (or the name and "from X": "из Вилюйска", "аз Хуҷанд"); the trade word is the first
or the last word of one of the next two parts (``_ROLES``: teacher, nurse, tailor, driver, shepherd, engineer, ...
in the languages of these scripts, hand-made from general knowledge), or the part is an age ("32歲", "34세"). The name
words pass the checks of ``embedded_names`` (no dictionary-only phrase, no anonymous-person word or deity).
"""

from __future__ import annotations

import re

from ..types import Finding
from .embedded_names import name_like
from .normalize import NormalizedText
from .resources import ResourceCache
from .script_names import _SURNAME_SHAPES, fold_word, load_lists, script_of

# the marks that end a caption's part
_SEP = re.compile(r"\s*[,،፣，、()（）;；・]\s*")
# "from X" inside the name's part (Russian, Tajik, English, Indonesian, French/Spanish)
_FROM = frozenset(("из", "аз", "from", "dari", "de", "desde"))
_AGE = re.compile(r"\d{1,2}\s*(?:歲|岁|歳|세|살|years?\s+old|y/?o|ans|años|лет|года|жаста|жашта|yaşında|yoshda)$")
# Trade words (a person's job), per language, folded as the prompt normaliser folds them
_ROLES = frozenset(fold_word(w) for w in """
teacher nurse doctor driver tailor farmer engineer student weaver vendor shepherd herder fisherman cook chef baker
शिक्षिका शिक्षक अध्यापक अध्यापिका दर्ज़ी दर्जी नर्स डॉक्टर किसान ड्राइवर टीचर इंजीनियर वकील दुकानदार मजदूर मज़दूर छात्र
छात्रा कलाकार गायक गायिका लेखक लेखिका कर्मचारी बुनकर कुम्हार मछुआरा रसोइया पुजारी सिपाही डाकिया चालक
শিক্ষক শিক্ষিকা কর্মী নার্স ডাক্তার কৃষক চালক ড্রাইভার শিক্ষার্থী ছাত্র ছাত্রী দর্জি শিল্পী গায়ক গায়িকা লেখক দোকানদার
জেলে রিকশাচালক প্রকৌশলী আইনজীবী তাঁতি
ஆசிரியை ஆசிரியர் செவிலியர் மருத்துவர் டாக்டர் விவசாயி ஓட்டுநர் டிரைவர் மாணவி மாணவர் பொறியாளர் வழக்கறிஞர் தையல்காரர்
மீனவர் கலைஞர் பாடகர் பாடகி எழுத்தாளர் கடைக்காரர் நர்ஸ் டீச்சர்
టీచర్ ఉపాధ్యాయురాలు ఉపాధ్యాయుడు నర్సు నర్స్ డాక్టర్ వైద్యుడు వైద్యురాలు రైతు డ్రైవర్ విద్యార్థి విద్యార్థిని ఇంజనీర్ లాయర్
న్యాయవాది దర్జీ కళాకారుడు గాయకుడు గాయని రచయిత
ಶಿಕ್ಷಕಿ ಶಿಕ್ಷಕ ಟೀಚರ್ ನರ್ಸ್ ಡಾಕ್ಟರ್ ವೈದ್ಯ ರೈತ ಚಾಲಕ ಡ್ರೈವರ್ ವಿದ್ಯಾರ್ಥಿ ವಿದ್ಯಾರ್ಥಿನಿ ಇಂಜಿನಿಯರ್ ವಕೀಲ ದರ್ಜಿ ಗಾಯಕ ಗಾಯಕಿ ಲೇಖಕ
അധ്യാപിക അധ്യാപകൻ ടീച്ചർ നഴ്സ് ഡോക്ടർ കർഷകൻ ഡ്രൈവർ വിദ്യാർത്ഥി വിദ്യാർത്ഥിനി എഞ്ചിനീയർ വക്കീൽ തയ്യൽക്കാരി
മത്സ്യത്തൊഴിലാളി ഗായകൻ ഗായിക എഴുത്തുകാരൻ എഴുത്തുകാരി
ଶିକ୍ଷୟିତ୍ରୀ ଶିକ୍ଷକ ଶିକ୍ଷିକା ନର୍ସ ଡାକ୍ତର ଚାଷୀ ଡ୍ରାଇଭର ଛାତ୍ର ଛାତ୍ରୀ
ਅਧਿਆਪਕ ਅਧਿਆਪਿਕਾ ਨਰਸ ਡਾਕਟਰ ਕਿਸਾਨ ਡਰਾਈਵਰ ਵਿਦਿਆਰਥੀ
શિક્ષક શિક્ષિકા નર્સ ડૉક્ટર ખેડૂત ડ્રાઇવર વિદ્યાર્થી
ครู พยาบาล หมอ แพทย์ ชาวนา เกษตรกร คนขับรถ นักเรียน นักศึกษา วิศวกร ทนายความ แม่ค้า พ่อค้า นักร้อง
መምህር መምህርት ነርስ ሐኪም ዶክተር ገበሬ ሹፌር ተማሪ መሐንዲስ ነጋዴ ዘፋኝ
учительница учитель медсестра врач чабан пастух фермер водитель инженер студентка студент ткачиха швея продавщица
продавец рыбак кузнец повар доярка библиотекарь бухгалтер агроном механик шахтёр шахтер вышивальщица
учителька вчителька вчитель лікар медсестра
муаллима муаллим духтур ҳамшира чӯпон ронанда
укытучы табиб шәфкать
мұғалім дәрігер мейірбике малшы жүргізуші
мугалим дарыгер медайым малчы айдоочу
эмч багш малчин жолооч оюутан
მასწავლებელი ექიმი ექთანი ფერმერი მძღოლი სტუდენტი მევენახე
ուսուցչուհի ուսուցիչ բժիշկ բուժքույր վարորդ ուսանող ֆերմեր
מורה אחות רופא רופאה נהג סטודנטית סטודנט חקלאי
معلمة معلم ممرضة طبيب طبيبة سائق مزارع طالبة طالب مهندس مهندسة خياط خياطة
معلم پرستار پزشک راننده کشاورز دانشجو مهندس
δασκάλα δάσκαλος νοσηλεύτρια γιατρός οδηγός αγρότης φοιτήτρια φοιτητής ψαράς
看護師 教師 医師 会社員 弁護士 保育士 運転手 農家 大工 美容師 エンジニア
간호사 교사 선생님 의사 학생 회사원 엔지니어 운전기사 농부 변호사 어부 요리사
""".split())  # noqa: SIM905
# Chinese and Japanese write the trade onto the place ("台南的工程師"): the part ends with one of these
_HAN_ROLES = ("工程師", "工程师", "老師", "老师", "教師", "教师", "護士", "护士", "醫生", "医生", "司機", "司机", "農民",
              "农民", "學生", "学生", "律師", "律师", "廚師", "厨师", "裁縫", "裁缝", "看護師", "会社員", "保育士", "漁民",
              "渔民", "店主", "小販", "小贩")
# "teachers and students": a part that lists people names no one person's trade
_AND = re.compile(r"(?:^|\s)(?:and|и|і|та|және|ва|और|এবং|மற்றும்|మరియు|ಮತ್ತು|കൂടാതെ|และ|እና|და|և|ו|و|και)(?:\s|$)|和|與|与|및")
# Thai writes the trade before "from X" without a space ("ครูจากเชียงใหม่")
_THAI_FROM = "จาก"


def _role_part(part: str) -> bool:
    """Whether a caption part names a trade (as its first or last word) or an age."""
    if _AGE.search(part):
        return True
    words = part.split()
    if not words:
        return False
    first, last = fold_word(words[0]), fold_word(words[-1])
    if first in _ROLES or last in _ROLES:
        return True
    if last.endswith(_HAN_ROLES):
        return True
    return script_of(first[:1]) == "thai" and _THAI_FROM in first and first.split(_THAI_FROM)[0] in _ROLES


def find(norm: NormalizedText, detector: str, cache: ResourceCache, known: bytearray) -> list[Finding]:
    """A non-Latin name opening a caption whose next part is a trade or an age (``private_person``)."""
    # (the original text: the normaliser reads digits as letters, "(34세" as "ea세")
    text = norm.original
    if text.isascii() or len(norm.lower) != len(norm.text) or text[:1].isspace():
        return []
    m = _SEP.search(text)
    cut_at = m.start() if m is not None else len(text)
    if cut_at > 60 or script_of(text[:1]) is None:
        return []
    head = text[:cut_at].split()
    script = script_of(text[0])
    thai_role = script == "thai" and len(head) >= 3 and _role_part(head[2])
    if thai_role:  # "ศิริพร แก้วมณี ครูจากเชียงใหม่ ...": the trade in the name's part
        name = head[:2]
    else:
        cut = next((j for j, w in enumerate(head) if w.lower() in _FROM), len(head))
        name = head[:cut]
        if m is None or (head[cut:] and not (cut >= 2 and len(head) - cut <= 3)):
            return []  # a caption's parts; after the name only "from X"
    if not (2 <= len(name) <= 3 or (script in ("han", "hangul") and len(name) == 1)):
        return []
    if any(script_of(c) not in (script, None) for w in name for c in w) or any(
            not c.isalpha() and c not in "-'’" for w in name for c in w if script_of(c) is None):
        return []
    if script in ("cyrillic", "greek", "armenian") and not all(w[:1].isupper() for w in name):
        return []
    end = len(" ".join(name))
    if any(known[:end]):
        return []
    parts = _SEP.split(text[cut_at:], maxsplit=3)[1:3]
    if not thai_role and not any(_role_part(p) and not _AND.search(p) for p in parts):
        return []
    listed = name_like(" ".join(name), load_lists(cache))
    if listed is None or (script == "thai" and not thai_role and not listed):
        return []  # (Thai words have no dictionary here: a trade in a part of its own needs a listed name)
    shape = _SURNAME_SHAPES.get(script or "")
    if not listed and shape is not None and not shape.match(fold_word(name[-1])):
        return []  # no listed name word: the last must have the script's surname shape ("Ауыл Мектебі" is a school)
    start, stop = 0, end
    return [Finding(kind="private_person", score=0.6, start=start, end=stop, text=norm.original[start:stop],
                    detector=detector, canonical=None,
                    explanation="a non-Latin name opening a caption with the person's trade or age",
                    identity_seeking=True)]
