"""Personal names written in non-Latin scripts that no list holds.

"صورة لـ سامر يوسف العتيبي", "रोहित कुमार वर्मा की फोटो", "王小明的照片", "김민준 씨 사진":
the Latin name-shape rules (capitals, census lexicons) say nothing about these. Per script
this module knows

* the words that ask for a picture of someone or name a relation or title, and where they
  sit (before the name: "صورة", "תמונה של", "портрет", "รูปของ", "my sister" words; after
  it: "की फोटो", "ছবি", "的照片", "さん", "씨");
* first names and surnames written in that script (``data/native_names.txt``, from faker's
  per-locale lists) and surname shapes (Arabic nisba "ال...ي", Persian "-نژاد/-زاده/-پور",
  Slavic "-ов/-енко", Greek "-όπουλος/-άκης");
* the language's common words (``wordfreq`` top lists): a word of the language is not a
  name unless a name list holds it too ("جمال" is a name and "beauty").

A run of two or three name-like words of one script is a name when the lists know its
first word and its last word is a name or surname shape, or when a picture, relation or
title cue stands right next to it. Dictionary words break a run ("جمال الطبيعة" is the
beauty of nature), so ordinary prompts in these scripts stay clean. Scripts written
without spaces (Chinese, Japanese, Thai) need a cue or an honorific next to the name.
"""

from __future__ import annotations

import re
import unicodedata

from ..types import Finding
from .normalize import NormalizedText
from .resources import ResourceCache, load_native_common_words, load_native_names

# -- scripts ----------------------------------------------------------------------------

_RANGES = (
    (0x0370, 0x03FF, "greek"), (0x1F00, 0x1FFF, "greek"), (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"), (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"), (0x08A0, 0x08FF, "arabic"), (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"), (0x0B00, 0x0B7F, "oriya"), (0x0B80, 0x0BFF, "tamil"), (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"), (0x0D00, 0x0D7F, "malayalam"), (0x0D80, 0x0DFF, "sinhala"), (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"), (0x1C90, 0x1CBF, "georgian"), (0x1200, 0x139F, "ethiopic"),
    (0x2D80, 0x2DDF, "ethiopic"), (0x3040, 0x30FF, "kana"), (0x3005, 0x3005, "han"), (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"), (0x1100, 0x11FF, "hangul"), (0x3130, 0x318F, "hangul"),
)
# wordfreq languages whose common words are "dictionary words" of each script
_LANGS = {"arabic": ("ar", "fa", "ur"), "devanagari": ("hi",), "bengali": ("bn",), "tamil": ("ta",),
          "hebrew": ("he",), "greek": ("el",), "cyrillic": ("ru", "uk", "bg", "mk"), "han": ("zh", "ja"),
          "kana": ("ja",), "hangul": ("ko",)}
DICTIONARY_SIZE = 20_000
# the most frequent words: never part of a name unless a name list holds them ("صبح", "על")
COMMON_SIZE = 1_500
# Scripts that ``wordfreq`` has no list for: their common words are the hand-made lists below
# (``_NATIVE_COMMON``), and a run of words no list knows is a name only right next to a cue and
# when no other word of the script runs into it ("ಹಳೆಯ ಮನೆಯ ಫೋಟೋ" is an old house's photo).
_NO_DICTIONARY = frozenset({"telugu", "kannada", "malayalam", "gurmukhi", "gujarati", "georgian", "armenian",
                            "ethiopic", "sinhala", "oriya"})
# scripts with case: a name is capitalised there (unless the whole prompt is lower case)
_CASED = {"greek", "cyrillic", "armenian"}


def script_of(ch: str) -> str | None:
    """The script of a letter outside Latin, or None."""
    o = ord(ch)
    for lo, hi, name in _RANGES:
        if lo <= o <= hi:
            return name
    return None


_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})  # not ى->ي: "على" (on) is no "علي"
# What the prompt normaliser does to Greek and Cyrillic letters (accents off), and hamza on alef
# (often left out: "احمد" is "أحمد"), as one table so that word lists fold fast.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا",
                       "ά": "α", "έ": "ε", "ή": "η", "ί": "ι", "ό": "ο", "ύ": "υ", "ώ": "ω", "ϊ": "ι", "ϋ": "υ",
                       "ΐ": "ι", "ΰ": "υ", "й": "и", "ё": "е", "ї": "і", "ў": "у", "ѓ": "г", "ќ": "к",
                       "\u200c": None})


# The characters _FOLD changes: a word without any (nearly all dictionary words) is kept as it is, which is much
# faster than str.translate over some 300,000 non-ASCII words at start-up
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(k)) for k in _FOLD) + "]")


def _fold(word: str) -> str:
    """Lower case, folded as the prompt normaliser folds it ("Νίκου" -> "νικου", "Артём" -> "артем"; NFKC as
    the normaliser applies it: Thai "ำ" is "ํา" there)."""
    return unicodedata.normalize("NFKC", word).lower().translate(_FOLD)


def _alternatives(words: str) -> str:
    """A regex alternation of ``|``-separated phrases, longest first (so "صورة شخصية" beats "صورة")."""
    phrases = {_fold(w.strip()) for w in words.replace("\n", "").split("|") if w.strip()}
    return "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))


# -- cues -------------------------------------------------------------------------------
# Before a name: a picture of, a title, a relation ("my sister"). Matched at the end of the
# text right before the name (lower-cased; Arabic clitics "ل/لـ" are stripped from the name).
_BEFORE = re.compile(r"(?:" + _alternatives("""
صورة|صوره|صورة شخصية|بورتريه|ارسم|ارسم وجه|وجه|رسم|لوحة|السيد|السيدة|الأستاذ|الاستاذ|الدكتور|الشيخ|الحاج|
الملك|الملكة|الأمير|الأميرة|السلطان|الرئيس|الإمام|
أخي|أختي|اخي|اختي|صديقي|صديقتي|أمي|أبي|زوجتي|زوجي|ابني|ابنتي|جدي|جدتي|عمي|خالي|عمتي|خالتي|
عکس|عکس از|عکس پرتره از|پرتره|پرتره از|تصویر|تصویر از|نقاشی|نقاشی از|چهره|آقای|خانم|دکتر|
پرترهی|پرتره ی|چهرهی|چهره ی|طرح چهرهی|عکسهای|عکسهایی از|
خواهرم|برادرم|دوستم|مادرم|پدرم|همسرم|
جناب|محترمہ|میری بہن|میرا بھائی|میری ماں|میرے ابو|میرے دوست|میری دوست|میری بیوی|میرے شوہر|
फोटो|फ़ोटो|तस्वीर|पोर्ट्रेट|चित्र|श्री|श्रीमती|सुश्री|डॉ|डॉक्टर|मेरे दोस्त|मेरी दोस्त|मेरी बहन|मेरा भाई|मेरी माँ|मेरी मां|
मेरे पिता|मेरी पत्नी|मेरे पति|मेरा बेटा|मेरी बेटी|
मेयर|महापौर|प्रधानमन्त्री|प्रधानमंत्री|राष्ट्रपति|मुख्यमन्त्री|मुख्यमंत्री|मन्त्री|मंत्री|सांसद|राज्यपाल|
মেয়র|প্রধানমন্ত্রী|রাষ্ট্রপতি|মুখ্যমন্ত্রী|মন্ত্রী|সাংসদ|মেযর|
மேயர்|முதல்வர்|முதலமைச்சர்|பிரதமர்|அமைச்சர்|
میئر|وزیراعظم|وزیر اعظم|وزیر اعلیٰ|نخست وزیر|شهردار|عمدة|رئيس الوزراء|
ଶ୍ରୀ|ଶ୍ରୀମତୀ|ମୋ ସାଙ୍ଗ|ମୋ ଭଉଣୀ|ମୋ ଭାଇ|ମୋ ମା|ମୋ ବାପା|ମୋ ସ୍ତ୍ରୀ|ମୋ ସ୍ୱାମୀ|ମୋ ବନ୍ଧୁ|
আমার বোন|আমার ভাই|আমার মা|আমার বাবা|আমার বন্ধু|আমার স্ত্রী|আমার স্বামী|শ্রী|শ্রীমতী|জনাব|ডাঃ|
என் அம்மா|என் அப்பா|என் நண்பன்|என் நண்பர்|என் நண்பி|என் தோழி|என் தோழன்|என் தங்கை|என் அக்கா|என் அண்ணன்|என் தம்பி|என் மனைவி|
என் கணவர்|திரு|திருமதி|செல்வி|
תמונה של|דיוקן של|צילום של|ציור של|פורטרט של|סלפי של|רישום של|תמונה|דיוקן|מר|גברת|ד״ר|אחותי|אחי|חברי|חברתי|אמא שלי|אבא שלי|
φωτογραφία του|φωτογραφία της|πορτρέτο του|πορτρέτο της|εικόνα του|εικόνα της|ο φίλος μου|η φίλη μου|
η αδελφή μου|ο αδελφός μου|κύριος|κυρία|κ.|
фото|фотография|портрет|изображение|рисунок|снимок|зображення|світлина|господин|госпожа|пан|пані|
партрэт|фота|фатаграфія|малюнак|выява|
පණ්ඩිත්|ආචාර්ය|මහාචාර්ය|
мой друг|моя подруга|моя сестра|мой брат|моя мама|мой папа|моя жена|мой муж|мій друг|моя дружина|мій брат|
รูปของ|ภาพของ|ภาพถ่าย|รูปถ่าย|ภาพถ่ายของ|รูปถ่ายของ|นาย|นาง|นางสาว|คุณ|วาดรูป|วาดภาพ|
снимка на|снимка|слика|слика на|фотографија|фотографија на|портрет на|цртеж на|
శ్రీ|శ్రీమతి|డాక్టర్|నా స్నేహితుడు|నా స్నేహితురాలు|నా అక్క|నా చెల్లి|నా అన్న|నా తమ్ముడు|నా అమ్మ|నా నాన్న|నా భార్య|నా భర్త|
ಶ್ರೀ|ಶ್ರೀಮತಿ|ಡಾ|ನನ್ನ ಸ್ನೇಹಿತ|ನನ್ನ ಸ್ನೇಹಿತೆ|ನನ್ನ ಅಕ್ಕ|ನನ್ನ ತಂಗಿ|ನನ್ನ ಅಣ್ಣ|ನನ್ನ ತಮ್ಮ|ನನ್ನ ಅಮ್ಮ|ನನ್ನ ಅಪ್ಪ|ನನ್ನ ಹೆಂಡತಿ|ನನ್ನ ಗಂಡ|
ശ്രീ|ശ്രീമതി|ഡോ|എന്റെ സുഹൃത്ത്|എന്റെ അമ്മ|എന്റെ അച്ഛൻ|എന്റെ ചേച്ചി|എന്റെ ചേട്ടൻ|എന്റെ അനിയത്തി|എന്റെ അനിയൻ|
എന്റെ ഭാര്യ|എന്റെ ഭർത്താവ്|
ਸ੍ਰੀ|ਸ਼੍ਰੀ|ਸ਼੍ਰੀਮਤੀ|ਸਰਦਾਰ|ਸਰਦਾਰਨੀ|ਡਾ|ਮੇਰੀ ਭੈਣ|ਮੇਰਾ ਭਰਾ|ਮੇਰੀ ਮਾਂ|ਮੇਰੇ ਪਿਤਾ|ਮੇਰਾ ਦੋਸਤ|ਮੇਰੀ ਦੋਸਤ|ਮੇਰੀ ਪਤਨੀ|ਮੇਰੇ ਪਤੀ|
શ્રી|શ્રીમતી|ડૉ|મારી બહેન|મારો ભાઈ|મારી મા|મારા પિતા|મારો મિત્ર|મારી મિત્ર|મારી પત્ની|મારા પતિ|
ბატონი|ქალბატონი|ჩემი მეგობარი|ჩემი და|ჩემი ძმა|ჩემი დედა|ჩემი მამა|ჩემი ცოლი|ჩემი ქმარი|ფოტო|პორტრეტი|
պարոն|տիկին|տիար|իմ ընկերը|իմ ընկերուհին|իմ քույրը|իմ եղբայրը|իմ մայրը|իմ հայրը|իմ կինը|իմ ամուսինը|
አቶ|ወይዘሮ|ወይዘሪት|ዶክተር|ዶ/ር|እህቴ|ወንድሜ|እናቴ|አባቴ|ጓደኛዬ|ባለቤቴ|
""") + r"|(?:عکس|تصویر|پرتره|نقاشی) \S+ از"
    # round 34c: Hebrew "תמונת פספורט של", "צילום פורטרט של": one word (what kind of picture) before "של" (of)
    r"|(?:תמונת|תמונה|תמונות|צילום|ציור|דיוקן|רישום|סלפי) \S+ של"
    # round 42b: a Slavic picture word and an occupation in the genitive ("портрет писателя X", "партрэт пісьменніка X")
    r"|(?:портрет|партрэт|фото|фота|фотография|фатаграфія|рисунок|малюнак|зображення|світлина) [а-яёіїєґў]{4,}(?:а|я|и|ы|і)"
    r")(?:\s+لـ?)?[\s:،,]*$")  # "تصویر واقعی از": one adjective between
# One cue word on its own
_BEFORE_WORD = re.compile(_alternatives("""
صورة|صوره|بورتريه|ارسم|وجه|رسم|لوحة|عکس|پرتره|تصویر|نقاشی|چهره|پرترهی|چهرهی|عکسهای|फोटो|तस्वीर|पोर्ट्रेट|चित्र|ছবি|படம்|תמונה|דיוקן|פורטרט|
φωτογραφία|πορτρέτο|εικόνα|фото|фотография|портрет|изображение|рисунок|снимок|зображення|รูป|ภาพ|партрэт|фатаграфія|
පණ්ඩිත්|ආචාර්ය|මහාචාර්ය|ફોટોગ્રાફ|પોર્ટ્રેટ|
السيد|السيدة|الشيخ|الدكتور|الملك|الملكة|الأمير|الأميرة|السلطان|الرئيس|الإمام|آقای|خانم|دکتر|جناب|श्री|श्रीमती|सुश्री|শ্রী|জনাব|திரு|திருமதி|господин|госпожа|
снимка|слика|фотографија|ఫోటో|ఫొటో|చిత్రం|బొమ్మ|గారి|గారు|ಫೋಟೋ|ಫೋಟೊ|ಚಿತ್ರ|ಭಾವಚಿತ್ರ|ಅವರ|ಅವರು|ചിത്രം|ഫോട്ടോ|
ഛായാചിത്രം|ਤਸਵੀਰ|ਫੋਟੋ|ਫ਼ੋਟੋ|ਪੋਰਟਰੇਟ|ਚਿੱਤਰ|ਦੀ|ਦਾ|ਦੇ|ફોટો|ચિત્ર|તસવીર|પોટ્રેટ|ფოტო|სურათი|პორტრეტი|ფოტოსურათი|
լուսանկար|լուսանկարը|նկար|նկարը|դիմանկար|դիմանկարը|ፎቶ|ምስል|ስዕል|ፎቶግራፍ|శ్రీ|ಶ್ರೀ|ശ്രീ|ਸ੍ਰੀ|ਸ਼੍ਰੀ|શ્રી|ბატონი|
ქალბატონი|պարոն|տիկին|አቶ|ወይዘሮ|ወይዘሪት|ඡායාරූපය|ඡායාරූපයක්|ඡායාරූප|පින්තූරය|පින්තූරයක්|පින්තූර|ෆොටෝ|ෆොටෝව|
ෆොටෝවක්|ප්‍රතිමූර්තිය|ଫଟୋ|ଫୋଟୋ|ଚିତ୍ର|ଛବି|ପୋଟ୍ରେଟ୍|ପୋର୍ଟ୍ରେଟ୍|ଫଟୋଗ୍ରାଫ୍|ଶ୍ରୀ|ଶ୍ରୀମତୀ
"""))
# After a name: "की फोटो", "کی تصویر", "ছবি", "படம்", "的照片", "さん", "씨 사진".
_AFTER = re.compile(r"[\s,]*(?:" + _alternatives("""
की फोटो|का फोटो|के फोटो|की फ़ोटो|की तस्वीर|यांचे छायाचित्र|यांचा फोटो|का पोर्ट्रेट|का चित्र|की पेंटिंग|की छवि|
को फोटो|को तस्बिर|को तस्वीर|को पोर्ट्रेट|को चित्र|ची फोटो|चा फोटो|चे चित्र|चे छायाचित्र|चा पोर्ट्रेट|
کی تصویر|کا تصویر|کی فوٹو|کا پورٹریٹ|کی پینٹنگ|کی ہیڈ شاٹ|کا ہیڈ شاٹ|کی ہیڈشاٹ|کی سیلفی|
ছবি|প্রতিকৃতি|ফটো|
புகைப்படம்|படம்|ஓவியம்|
씨|님|선생님|사진|초상화|의 사진|의 초상화|의 얼굴|의 그림|
గారి ఫోటో|గారి చిత్రం|గారి ఫొటో|ఫోటో|ఫొటో|చిత్రం|
ಅವರ ಫೋಟೋ|ಅವರ ಚಿತ್ರ|ಅವರ ಭಾವಚಿತ್ರ|ಅವರ ಫೋಟೊ|ಫೋಟೋ|ಫೋಟೊ|ಚಿತ್ರ|ಭಾವಚಿತ್ರ|
ചിത്രം|ഫോട്ടോ|ഛായാചിത്രം|
ਦੀ ਤਸਵੀਰ|ਦੀ ਫੋਟੋ|ਦੀ ਫ਼ੋਟੋ|ਦਾ ਪੋਰਟਰੇਟ|ਦਾ ਚਿੱਤਰ|ਦਾ ਫੋਟੋ|
ફોટો|ચિત્ર|તસવીર|પોટ્રેટ|પોર્ટ્રેટ|
ფოტო|სურათი|პორტრეტი|ფოტოსურათი|
լուսանկարը|լուսանկար|նկարը|նկար|դիմանկարը|դիմանկար|
ፎቶ|ምስል|ስዕል|ሥዕል|ፎቶግራፍ|የቁም ምስል|የቁም ፎቶ|የፓስፖርት ፎቶ|የሰርግ ፎቶ|የምረቃ ፎቶ|የልደት ፎቶ|
ଫଟୋ|ଫୋଟୋ|ଚିତ୍ର|ଛବି|ପୋଟ୍ରେଟ୍|ପୋର୍ଟ୍ରେଟ୍|ଫଟୋଗ୍ରାଫ୍|
ඡායාරූපයක්|ඡායාරූපය|ඡායාරූප|පින්තූරයක්|පින්තූරය|පින්තූර|ෆොටෝවක්|ෆොටෝව|ෆොටෝ|
ගේ ඡායාරූපයක්|ගේ ඡායාරූපය|ගේ පින්තූරයක්|ගේ පින්තූරය|
""") + r"|(?:একটি|একটা)\s+(?:\S+\s+)?(?:ছবি|প্রতিকৃতি|ফটো)(?!\S)"  # "X-এর একটি বাস্তব ছবি": one adjective between
    # round 14b: an occasion of one person's life between the name and the picture word ("X-এর জন্মদিনের ছবি",
    # "X की शादी की फोटो", "X-ର ବାହାଘରର ଫଟୋ"): birthdays, weddings and graduations are a person's; round 23b:
    # a passport, profile or ID photo is one person's too ("X की पासपोर्ट फोटो", "X को पासपोर्ट साइज फोटो")
    + "|(?:" + _alternatives("""জন্মদিনের|বিয়ের|বিবাহের|গায়ে হলুদের|সমাবর্তনের|বৌভাতের|মেহেদির|অন্নপ্রাশনের|
की शादी की|की शादी का|के जन्मदिन की|के जन्मदिन का|की सालगिरह की|के ग्रेजुएशन की|को बिहेको|को जन्मदिनको|
ଜନ୍ମଦିନର|ବାହାଘରର|
की पासपोर्ट|का पासपोर्ट|के पासपोर्ट|की प्रोफाइल|की प्रोफ़ाइल|का प्रोफाइल|का प्रोफ़ाइल|की आईडी|का आईडी|की पुरानी|की बचपन की|
को पासपोर्ट|को प्रोफाइल|ची पासपोर्ट|चा पासपोर्ट|ची प्रोफाइल|পাসপোর্ট|
کی پاسپورٹ|کا پاسپورٹ|کی پروفائل|پاسپورٹ|பாஸ்போர்ட்|கடவுச்சீட்டு""") + r")\s+(?:" + _alternatives("ছবি|প্রতিকৃতি|ফটো|फोटो|फ़ोटो|तस्वीर|तस्बिर|ଫଟୋ|ଫୋଟୋ|ଚିତ୍ର|"
                                      "साइज़ फोटो|साइज फोटो|تصویر|فوٹو|புகைப்படம்|படம்")
    + r")(?=$|[\s,.;:!?।])"
    # round 36b: Nepali "X भाषण गर्दै गरेको तस्बिर" (a picture of X giving a speech): a progressive act, then the picture
    r"|(?:\S+ )?\S+(?:्दै|ँदै|ंदै) (?:गरेको|गरेकी|गरिरहेको) (?:तस्बिर|तस्वीर|फोटो|चित्र)(?=$|[\s,.;:!?।])"
    # round 36c: in Hindi, Marathi and Nepali any genitive (की/का/के, ची/चा/चे, को, यांची) before a picture word, with
    # one occasion or ID word between (and its own genitive) or none: "X की ग्रेजुएशन फोटो", "X को तस्बिर",
    # "X ची लग्नाची फोटो", "X यांचे छायाचित्र"
    + r"|(?:की|का|के|ची|चा|चे|को|यांची|यांचा|यांचे)\s+(?:(?:" + _alternatives("""ग्रेजुएशन|दीक्षांत|पदवीदान|शादी|विवाह|
सगाई|जन्मदिन|जन्मदिवस|सालगिरह|पासपोर्ट|प्रोफाइल|प्रोफ़ाइल|आईडी|बचपन|पुरानी|बिहे|बिहेको|जन्मदिनको|लग्नाची|लग्नाचा|लग्नाचे|
वाढदिवसाची|वाढदिवसाचा|वाढदिवसाचे|हल्दी|मेहंदी|फेयरवेल|दीक्षान्त|स्नातक""") + r")\s+(?:(?:की|का|के|ची|चा|चे|को)\s+)?)?(?:"
    + _alternatives("फोटो|फ़ोटो|तस्वीर|तस्बिर|छायाचित्र|फोटोग्राफ|पोर्ट्रेट|सेल्फी") + r")(?=$|[\s,.;:!?।]))")
# Right after a name: verb forms whose subject is a person ("नाचते हुए" dancing, "লিখছেন" writes
# (honorific), "பேசுகிறார்", "يغني" sings, "در حال" in the act of, "กำลัง" -ing).
_ACTS = re.compile(unicodedata.normalize("NFKC", r" (?:\S+ते हुए|\S+ती हुई|\S+تے ہوئے|\S+تی ہوئی|\S+(?:ছেন|চ্ছেন|লেন)|\S+(?:கிறார்|கிறாள்|கிறான்)|"
                   r"در حال|يغني|تغني|يرقص|ترقص|يبتسم|تبتسم|يلقي|تلقي|يتحدث|تتحدث|يحتفل|تحتفل|يضحك|تضحك|"
                   r"กำลัง|поет|поёт|танцует|улыбается|выступает|τραγουδ\S*|χορευ\S*|χαμογελ\S*)(?![^\s,.;:!?।])"))
# Round 36b. Marathi "while doing" after a name with initials ("पु. ल. X हसत असताना", "X भाषण देताना"): only there,
# since a river flows ("वाहताना") as well as a person laughs
_INDIC_ACTS = re.compile(r" (?:\S+ )?\S+(?:त असताना|ताना)(?![^\s,.;:!?।])")
# Chinese and Japanese: "<name>的照片", "<name>さん", "<name>先生".
# (round 34c: an ID, passport or portrait photo word right after the name, "陈思远证件照", "中村美咲のポートレート")
# (round 41b: and the traditional-character forms, "林佳蓉的畢業照")
_HAN_AFTER = re.compile(r"(?:的(?:照片|肖像|画像|头像|相片|素描|写真|自拍|脸|证件照|护照照片|毕业照|婚纱照|生活照|艺术照|"
                        r"頭像|證件照|畢業照|婚紗照|藝術照|臉)|"
                        r"证件照|護照照片|护照照片|大头照|自拍照|毕业照|婚纱照|结婚照|生活照|艺术照|照片|头像|"
                        r"證件照|大頭照|畢業照|婚紗照|結婚照|藝術照|頭像|"
                        r"さん|様|さま|氏|くん|君|ちゃん|先生|女士|小姐|"
                        r"老师|の(?:写真|肖像|似顔絵|顔|ポートレート|証明写真|プロフィール写真|自撮り|写真集|卒業写真|顔写真|肖像画))")
# round 34c: picture words after a name and a space ("王志强 证件照", "中村美咲 証明写真")
_HAN_SPACED_PICTURE = re.compile(r"(?:证件照|照片|头像|自拍|肖像|写真|相片|証明写真|ポートレート|プロフィール写真|自撮り|"
                                 r"似顔絵|画像)")
_KANA_NAME = re.compile(r"([\u4E00-\u9FFF][\u3005\u4E00-\u9FFF])([\u3041-\u3096\u30A1-\u30FA]{2,4})(?:ちゃん|くん|さん|様|さま)")
# (round 20b: a space may set the name apart, "陈晓梅 在公园 打太极", as people type who write several languages)
# (round 36c: also "和/跟/与" (with) after the name, and more picture words closing the clause)
_ZH_SUBJECT = re.compile(r"([\u4E00-\u9FFF])([\u4E00-\u9FFF]{2}) ?(?:正在|在|和|跟|与)[^，。,.!?]{2,20}的"
                         r"(?:照片|肖像|画像|相片|写真|合影|合照|生活照|自拍|素描)")
# round 36c: Japanese, a two-character surname and a one- or two-character given name opening the prompt, が/は (the
# subject), what they do and a picture word closing the clause ("田中美咲が図書館で本を読んでいる写真")
_JA_SUBJECT = re.compile(r"([\u4E00-\u9FFF]\u3005[\u4E00-\u9FFF]|[\u4E00-\u9FFF]{2})([\u3005\u4E00-\u9FFF]{1,2}) ?(?:さん|くん|ちゃん)?(?:が|は)"
                         r"[^、。,.!?]{2,25}(?:写真|ポートレート|肖像画|似顔絵|自撮り)")
# Round 12: a surname + two-character given name at the start of the prompt or after "my <relation>" (我同事, 我妈妈),
# before what a person does ("在公园跳舞" at the park dancing, "穿西装" wearing a suit, "戴着" wearing, "坐在" sitting
# at ...), also without a picture word. Ordinary words of that shape ("马铃薯在锅里", "向日葵在阳光下") are kept out by
# the given name: both characters must be characters that given names use (the listed given names' characters and
# the most common given-name characters below, hand-made from general knowledge), and no part may be a word.
_ZH_RELATION = ("同事|朋友|好友|同学|妈妈|母亲|爸爸|父亲|老婆|妻子|老公|丈夫|女朋友|男朋友|女友|男友|姐姐|妹妹|哥哥|弟弟|"
                "邻居|老板|老师|室友|表姐|表妹|表哥|表弟|闺蜜|上司|领导|奶奶|爷爷|外婆|外公|阿姨|叔叔|舅舅|姑姑|女儿|儿子")
# (round 25b: a kin or respect word may follow the name, "王秀兰奶奶在院子里", "李建国师傅在修车")
_ZH_DOING = re.compile(r"(?:我的?(?:" + _ZH_RELATION + r"))?([\u4E00-\u9FFF])([\u4E00-\u9FFF]{2}) ?"
                       r"(奶奶|爷爷|阿姨|叔叔|大爷|大妈|婆婆|伯伯|大叔|大姐|师傅|老师|先生|女士|老人)?(?:正在|在|穿着|穿|戴着|"
                       r"坐在|站在|躺在|走在|拿着|抱着|骑着|身穿|手拿|手持|微笑|笑着|唱歌|跳舞|跑步)(?= ?[\u4E00-\u9FFF])")
_ZH_GIVEN_CHARS = frozenset("""伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣佳雪
慧婷倩颖琳晶晓志建国文海春梅兰凤云莉丹蕾薇萱怡悦瑶琪晨博豪宏毅峰鑫亮成东波飞庆振婉嘉子思雨梓涵轩泽睿诺若然宸昊天铭晗
瑞家雅晴玥妍淑荣美秋翠菊珍素立新永德兴金荣丰祥福安康泰红艺娇媛洁琴璐露蓉莹琦璇茜晗彤馨蕊妮娅琼薇颜卉冰莎菲婕霖宏彦
俊哲杰骏鸿斌海洪光辉耀锋磊智勇威桦楠柏梁栋炜烨煜炎晖昕曦阳阔远航翔鹤鹏麟凌峻岩嵩崇涛源清澄淼
桐恒钰琛瑾璟瑜瑄熙澜岚溪柔骁铮锐霆煊彧珂瑛琬婧姝妤岑昱晟皓琰珊璐筱笑语诗梦蓓菁芸芮苒葳聪
萌嫣菡韵靖毓姗伊锦贤勋瀚钧钦峥嵘卓尧泓沛沐沁汐潇漪蔓娴妙姣娉婵嫦霏雯芊茵蕙珏玮琨璋瑗珺懿歆""".replace("\n", ""))
# (round 39b: the last line, given-name characters of girls and boys born since the 1980s, "萌", "雯", "瀚", "懿";
# characters that are plants, colours or everyday words, "荷", "莲", "蓝", "欢", "依", "凡", stay out)
# characters that end place and plant names as often as given names ("贺兰山", "胡杨林", "丁香花", "童子军"): never
# the last character of a given name in this rule
_ZH_THING_ENDINGS = frozenset("山川江河湖林兰花草树木军子里村镇城县州岛湾港门楼塔桥路街园洁素")

_HONORIFIC_AFTER = re.compile(r"(?:さん|様|さま|氏|くん|君|ちゃん|先生|女士|小姐|老师)")
# Round 41b: a job or office title written right after a full Han name ("张桂梅校长", "黄英贤外长在记者会上"): the
# title says person as an honorific does (checked only where the name opens the prompt or a clause)
_HAN_TITLES = ("校长", "外长", "总统", "總統", "总理", "總理", "首相", "主席", "部长", "部長", "市长", "市長", "省长",
               "州长", "教练", "教練", "教授", "院士", "博士", "医生", "醫生", "书记", "書記", "议员", "議員", "将军", "將軍",
               "队长", "隊長", "局长", "董事长", "董事長", "总裁", "總裁", "院长", "院長", "主任", "会长", "會長", "社长",
               "社長", "选手", "選手", "导演", "導演", "外相", "大臣", "知事", "監督", "大統領", "议长", "議長", "委员长",
               "大使", "法官", "律师", "律師", "记者", "記者", "主持人", "教授", "作家", "画家", "歌手", "演员", "演員")
_HAN_TITLE_AFTER = re.compile("|".join(sorted(set(_HAN_TITLES), key=len, reverse=True)))
# Round 41b: a full Han name opening the prompt, a space and what the picture shows ("丁俊晖 打斯诺克 特写"): a
# picture or photography word anywhere after it says the name is the subject
_HAN_PICTURE_ANY = re.compile(r"特写|特寫|摄影|攝影|照片|肖像|画像|畫像|头像|頭像|写真|寫真|素描|油画|油畫|表情|笑容|瞬间|瞬間")
# Round 41b: a full Han name in an English prompt after a picture word ("headshot of 陈思远") or before what a
# person does ("渡部晴樹 fishing on a pier")
_LATIN_PICTURE_OF = re.compile(r"(?:photo|portrait|headshot|picture|selfie|painting|drawing|sketch|image|photograph)"
                               r" of $")
_LATIN_ING_AFTER = re.compile(r" [a-z]{2,}ing\b")
# Thai prepositions, time and aspect words that start a phrase, never a name
_THAI_FUNCTION: tuple[str, ...] = ("บน", "ใน", "ที่", "กับ", "ของ", "และ", "ใต้", "ข้าง", "ริม", "ยาม", "ตอน", "เวลา", "กำลัง", "สี",
                  "ตัว", "แบบ", "สไตล์", "ภาพ", "รูป", "จาก", "ไป", "มา", "หน้า", "หลัง", "บ้าน", "วัด", "ตลาด")
_THAI_FUNCTION = tuple(unicodedata.normalize("NFKC", w) for w in _THAI_FUNCTION)  # as the normaliser writes ำ
# Korean particles on a name ("박서연의", "김민준이").
# Korean job titles and honorific nouns written after a full name (round 24b), with an honorific and a particle
_KO_TITLE = re.compile(r"(?:대리|과장|부장|팀장|차장|사원|주임|실장|대표|사장|이사|상무|전무|회장|교수|선생|원장|선배|후배|매니저|"
                       r"간호사|기자|작가|감독|선수|의원|변호사|박사|목사|신부|위원|군|양)(?:님)?(?:의|이|가|은|는|와|과|을|를|에게)?")
_KO_PICTURE = ("사진", "프로필", "초상화", "그림", "증명사진", "셀카", "얼굴", "캐리커처")
# round 34c: picture words written right after a bare full name ("박서윤 증명사진", "이하은 셀카", "김도현 프로필 사진")
_KO_PICTURE_NEXT = _KO_PICTURE + ("여권사진", "프사", "셀피", "인물사진", "졸업사진", "전신사진", "웨딩사진", "화보", "포트레이트",
                                  "초상", "사원증", "신분증")
_KO_PARTICLES = ("에게", "의", "이", "가", "은", "는", "을", "를", "와", "과", "님", "씨")
# round 36c: syllables that today's two-syllable Korean given names use first and second and the faker list's
# (older) names lack ("하린", "서율", "도윤", "지안"), hand-made from general knowledge
_KO_GIVEN_SYLLABLES = (frozenset("하서지도시예유이채수다아윤소연민주태준은나가라리로우" "재하건"),
                       frozenset("린율윤안온아은원우준호현진빈람결솔담민서연유이후온하찬혁담"))
# round 36c: the Korean family names the faker list lacks (it holds the forty or so common ones): the rest of the ~280
# Korean surnames, rare ones included ("탁", "편", "표", "육", "좌"), hand-made from general knowledge. Most are
# everyday syllables too, so they count only for a three-syllable name whose given syllables given names use, before
# an honorific (씨/님/양/군) or a picture word (``_hangul``)
_KO_MORE_SURNAMES = frozenset("""가 간 갈 감 강 견 경 계 고 곡 공 곽 구 국 군 궁 궉 권 근 금 기 길 김 나 남 낭 내 노 뇌 누 단 담 당
대 도 독 돈 동 두 등 라 려 로 류 륙 리 림 마 만 매 맹 명 모 목 묘 무 문 미 민 박 반 방 배 백 범 변 복 봉 부 비 빈 빙 사 삼 상 서
석 선 설 섭 성 소 손 송 수 순 승 시 신 심 십 아 안 애 야 양 어 엄 여 연 염 영 예 오 옥 온 옹 왕 요 용 우 운 원 위 유 육 윤 은
음 이 인 임 자 장 전 점 정 제 조 종 좌 주 준 증 지 진 차 창 채 천 초 최 추 춘 탁 탄 태 판 팽 편 평 포 표 풍 피 필 하 학 한 함
해 허 현 형 호 홍 화 환 황 후 흥""".split())  # noqa: SIM905
# Words that may sit inside a name ("محمد بن راشد").
_PARTICLES = frozenset(["بن", "بنت", "ابن", "آل", "ابو", "أبو", "عبد", "bin", "আল", "বিন", "বিনতে"])
# Arabic-origin names written in Bengali keep their article or patronymic ("X আল Y", "X বিন Y"): with a cue, the
# word after it is the family name (round 12)
_NAME_ARTICLES = frozenset(["আল", "বিন", "বিনতে"])
# Patronymic particles (round 12): "X بن Y" is X son of Y, so a listed first name + particle + a word that is no
# common word is a full name ("سلمان بن عبدالعزيز"); "بن" is also coffee, which no first name stands before
_PATRONYMIC = frozenset(["بن", "بنت", "ابن"])
# Surname shapes per script (on a word no list knows).
_SURNAME_SHAPES = {
    # Persian "-زاد" (born of) and "-نیا" after three letters (round 12: "فرخزاد", "رضانیا"; not "-وند", which ends
    # place names: "دماوند")
    "arabic": re.compile(r"^(?:ال.{2,}ي|.{2,}(?:نژاد|زاده|پور|یان)|.{3,}(?:زاد|نیا))$"),
    # matched on folded words, so "й" is written "и" ("-ский" -> "-скии", "-ой" -> "-ои"; see _FOLD)
    "cyrillic": re.compile(r".{2,}(?:ов|ев|ин|ын|ова|ева|ина|ына|скии|цкии|ская|цкая|енко|ук|юк|чук|ович|евич|"
                           r"овна|евна|ова|ева|ого|ои|ую|ым|ић|ич|"
                           # round 31b: Kazakh/Kyrgyz patronymic surnames ("Сейітқазыұлы", "Нұрланқызы", "Токтогул уулу")
                           r"ұлы|қызы|кызы|уулу)$"),
    "greek": re.compile(r".{2,}(?:οπουλος|οπουλου|ακης|ακη|ιδης|ιδη|ιδου|ιου|ου|ης|ος|ας|η|α)$"),
    "armenian": re.compile(r".{2,}յան$"),
    # round 34c: Ashkenazi family names ("-מן" -man, "-שטיין" -stein, "-ברג" -berg, "-וביץ"/"-וויץ" -witz,
    # "-וויג" -weig, "-באום" -baum, "-בלום", "-פלד" -feld, "-זון" -sohn, "-סקי" -ski)
    "hebrew": re.compile(r".{3,}(?:מן|מאן|שטיין|שטין|ברג|בורג|וביץ|וויץ|ביץ|וויג|ווייג|באום|בוים|בלום|בלט|פלד|זון|"
                         r"סקי|סקה|ר?צוויג|הויז|הוף)$"),
    "georgian": re.compile(r".{2,}(?:ძე|შვილი|ია|ავა|ური|ანი)$"),
}
# Arabic family names that are trade words (smith, carpenter, tailor, perfumer, baker, dyer, barber, miller,
# butcher, tanner, coppersmith, goldsmith), also a word of the anonymous-person list
_TRADE_SURNAMES = frozenset(str.split("""حداد نجار خياط عطار خباز صباغ حلاق طحان جزار دباغ نحاس صائغ سقا حجار فخار
قصاب بناء"""))
# Arabic-script clitics glued to a name: "لمريم", "ولمحمد"
_CLITIC = re.compile(r"^(?:و?ل(?:ـ)?|و|ب)(?=.{3,})")
# Bengali/Tamil case endings on the last word ("আক্তারের", "ঠাকুরের")
_CASE_END = {"bengali": ("য়ের", "ের", "র", "কে"), "tamil": ("உடன்", "ின்", "ுடன்", "ை", "ுக்கு")}
# Genitive endings of the scripts without a word list, as (ending, what the plain word ends in instead):
# "ರೈತನ" -> "ರೈತ", "ഗ്രാമത്തിന്റെ" -> "ഗ്രാമം", "કિલ્લાનો" -> "કિલ્લો", "ઘરનો" -> "ઘર", "სახლის" -> "სახლი", "ձկնորսի" -> "ձկնորս"
_GENITIVE = {
    "kannada": (("ವಿನ", ""), ("ನ", ""), ("ರ", ""), ("ಯ", ""), ("ದ", "")),
    # (round 12) a word ending in a chillu letter writes it as a full consonant before "-ിന്റെ": "ഫാസിൽ" -> "ഫാസിലിന്റെ"
    "malayalam": (("ത്തിന്റെ", "ം"), ("യുടെ", ""), ("ലിന്റെ", "ൽ"), ("ളിന്റെ", "ൾ"), ("രിന്റെ", "ർ"), ("ണിന്റെ", "ൺ"),
                  ("നിന്റെ", "ൻ"), ("ിന്റെ", "്"), ("ിന്റെ", ""), ("ന്റെ", "ൻ"), ("ുടെ", "്"), ("ുടെ", "ർ"), ("ടെ", "")),
    # Amharic (round 12): the object marker "-ን" ("አበበን" Abebe as the object: "... የሚያሳይ ምስል", an image showing ...)
    "ethiopic": (("ን", ""),),
    "telugu": (("యొక్క", ""), ("ది", "డు"), ("ని", "")),
    "oriya": (("ଙ୍କର", ""), ("ଙ୍କ", ""), ("ର", "")),
    "gujarati": (("ાનો", "ો"), ("ાની", "ો"), ("ાના", "ો"), ("ાનું", "ો"), ("નું", ""), ("નો", ""), ("ની", ""), ("ના", ""), ("ને", "")),
    "georgian": (("ის", "ი"), ("ის", "ა"), ("ის", "ე"), ("ის", ""), ("ს", "")),
    "armenian": (("ի", ""), ("ու", ""), ("ը", ""), ("ն", "")),
    "sinhala": (("ගේ", ""), ("යාගේ", "යා"), ("ේ", ""), ("යේ", "ය")),  # "ළමයාගේ" -> "ළමයා", "ගමේ" -> "ගම"
}
# Sikh name words and the most common Punjabi surnames (hand-made): "ਸਿੰਘ" and "ਕੌਰ" follow a given name
_PUNJABI_MARKERS = ("ਸਿੰਘ", "ਕੌਰ")
# scripts whose picture cues come after the name with a postposition, where a listed given name and one more word
# before one make a name (round 24b)
_GIVEN_PLUS_WORD = frozenset({"devanagari", "bengali", "gujarati", "gurmukhi", "tamil", "telugu", "kannada",
                              "malayalam", "oriya", "arabic"})
# a passport/profile/ID photo, a wedding or a birthday is one person's: after these a given name that is a frequent
# word too ("राहुल", "पूजा") still starts the name
_PERSON_OCCASIONS = ("पासपोर्ट", "शादी", "जन्मदिन", "प्रोफाइल", "प्रोफ़ाइल", "आईडी", "सालगिरह", "ग्रेजुएशन", "बिहे",
                     "বিয়ের", "জন্মদিনের", "পাসপোর্ট", "পাসপোর্টের", "લગ્ન", "પાસપોર્ટ", "پاسپورٹ", "شادی", "پروفائل",
                     "பாஸ்போர்ட்", "திருமண", "పాస్‌పోర్ట్", "పెళ్లి", "ಮದುವೆ", "വിവാഹ", "ਵਿਆਹ", "ਪਾਸਪੋਰਟ")
_PUNJABI_SURNAMES = frozenset(word for word in """ਸਿੰਘ ਕੌਰ ਸੰਧੂ ਗਿੱਲ ਸਿੱਧੂ ਢਿੱਲੋਂ ਬਰਾੜ ਗਰੇਵਾਲ ਧਾਲੀਵਾਲ ਬਾਜਵਾ ਚੀਮਾ ਰੰਧਾਵਾ ਸੇਖੋਂ ਭੁੱਲਰ ਬੈਂਸ ਸੋਢੀ
ਅਰੋੜਾ ਆਹਲੂਵਾਲੀਆ ਸੈਣੀ ਵਿਰਕ ਸੰਘਾ ਔਲਖ ਹੁੰਦਲ ਜੌਹਲ ਕੰਗ ਮਾਂਗਟ ਬਾਠ ਖਹਿਰਾ ਪੰਨੂ ਦਿਓਲ""".split())  # noqa: SIM905
# Round 14b: Bengali surnames that are also frequent words of wordfreq's Bengali list ("হোসেন", "রহমান", "ইসলাম"),
# hand-made from general knowledge: inside or at the end of a run they are surnames, as "ਸਿੰਘ" is in Punjabi
_BENGALI_SURNAMES = frozenset("""হোসেন হোসাইন হোসেইন রহমান ইসলাম আহমেদ আহমদ খান চৌধুরী আলী উদ্দিন উদ্দীন মিয়া সরকার বিশ্বাস দাস রায় ঘোষ
বসু সেন দত্ত পাল মণ্ডল হক কবির শেখ হাসান তালুকদার মজুমদার ভট্টাচার্য মুখার্জি চ্যাটার্জি ব্যানার্জি আক্তার বেগম খাতুন সিদ্দিকী""".split())  # noqa: SIM905
# Round 14b: Gujarati writes "-બેન" (sister) and "-ભાઈ" (brother) onto a given name as a term of respect
# ("હેતલબેન", "રમેશભાઈ"); with a relation word or an adjective before it ("મોટાભાઈ" elder brother) it is no name
_GUJARATI_HONORIFIC = re.compile(r"^(.{2,})(?:બેન|બહેન|ભાઈ|ભાઇ)$")
_GUJARATI_NOT_GIVEN = frozenset(_fold(w) for w in "મોટા મોટી નાના નાની ભાઈ બેન પિતરાઈ માસી ફોઈ મામા કાકા".split())  # noqa: SIM905
# Honorifics after a name, "X ಅವರ ಫೋಟೋ", "X గారి ఫోటో": said of a person only
# Tamil writes initials before a given name ("ஏ. ஆர். ரஹ்மான்", "க. ராஜா")
# initials with dots before a surname, in the Indic scripts ("ஏ. ஆர். X", round 36b: "पु. ल. X", "ബി. ആർ. X")
_INDIC_INITIALS = re.compile(r"(?:^|\s)(?:[\u0900-\u0DFF]{1,4}\.\s*){1,3}$")
_INDIC = frozenset({"devanagari", "bengali", "gurmukhi", "gujarati", "oriya", "tamil", "telugu", "kannada",
                    "malayalam", "sinhala"})
# round 42b: after initials and a surname, a picture word two or three words on ("पु. ल. X यांचे हसरे पोर्ट्रेट": a
# genitive and an adjective between) or what a person does in English ("எம். எஸ். X singing at ...")
_INITIALS_PICTURE = re.compile(r"(?:\s+\S+){0,2}?\s+(?:पोर्ट्रेट|फोटो|फ़ोटो|छायाचित्र|तस्वीर|चित्र|ছবি|প্রতিকৃতি|புகைப்படம்|"
                               r"படம்|ஓவியம்|ఫోటో|చిత్రం|ಫೋಟೋ|ಚಿತ್ರ|ഫോട്ടോ|ചിത്രം|ફોટો|પોર્ટ્રેટ|ਤਸਵੀਰ|ਫੋਟੋ)(?=$|[\s,.;:!?।])")


def _initials_cue(lower: str, end: int) -> bool:
    return bool(_INITIALS_PICTURE.match(lower, end) or _LATIN_ING_AFTER.match(lower, end)
                or _LATIN_PERSON_AFTER.match(lower, end))


_HONORIFIC_NEXT = re.compile(r"\s+(?:ಅವರ|ಅವರು|గారి|గారు)(?!\S)")

_WORDCH = re.compile(r"[^\W\d_]|[\u0900-\u0DFF\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u05B0-\u05C7\u064B-\u065F\u0670]")


_PERSIAN_LETTERS = re.compile("[یک]")
_TO_ARABIC_LETTERS = str.maketrans({"ی": "ي", "ک": "ك"})


class _Lists:
    """Native first names and surnames, and per script the common and the dictionary words."""

    def __init__(self, first: frozenset[str], last: frozenset[str], common: dict[str, frozenset[str]],
                 words: dict[str, frozenset[str]], anon: dict[str, frozenset[str]] | None = None):
        self.first, self.last, self.common, self.words = first, last, common, words
        self.anon = anon or {}  # words that describe someone without naming them (per script)
        # the syllables listed two-syllable Korean given names use first and second ("민준": 민, 준)
        ko = [w for w in first if len(w) == 2 and script_of(w[0]) == script_of(w[1]) == "hangul"]
        self.ko_given = (frozenset(w[0] for w in ko) | _KO_GIVEN_SYLLABLES[0],
                         frozenset(w[1] for w in ko) | _KO_GIVEN_SYLLABLES[1])
        # the characters listed Chinese given names use (with the hand-made common ones, ``_ZH_GIVEN_CHARS``)
        self.zh_given = (_ZH_GIVEN_CHARS | frozenset(c for w in first if len(w) <= 2 and all(
            script_of(x) == "han" for x in w) for c in w)) - _ZH_THING_ENDINGS

    def kind(self, w: str, script: str) -> str:
        """F (first name), L (surname), C (a common word), W (a dictionary word) or U (unknown)."""
        if w in self.first:
            return "F"
        if w in self.last:
            return "L"
        if w in self.common.get(script, frozenset()):
            return "C"
        if w in self.words.get(script, frozenset()):
            return "W"
        if script == "bengali" and w.endswith(_BENGALI_SURNAME_ENDS) and len(w) >= 6:
            return "L"  # round 30b: "দত্তগুপ্ত", "সেনচৌধুরী": a compound family name the lists cannot all hold
        if "-" in w or "\u2010" in w:
            return self._double_surname(w, script)
        return "U"

    def name_kind(self, w: str, script: str) -> str:
        """:meth:`kind`, and round 42b: F or L for an Urdu or Persian spelling with "ی"/"ک" of a name the Arabic
        lists write with "ي"/"ك" ("فیصل" is the listed "فيصل", Faisal, and an Urdu word too). Only for name runs
        next to a cue: matching by sound keeps the plain kinds."""
        got = self.kind(w, script)
        if got in ("F", "L") or script != "arabic" or not _PERSIAN_LETTERS.search(w):
            return got
        alt = w.translate(_TO_ARABIC_LETTERS)
        return "F" if alt in self.first else "L" if alt in self.last else got

    def _double_surname(self, w: str, script: str) -> str:
        """Round 34c: a hyphenated double surname ("ბერიძე-ჯაფარიძე", "Петрова-Водкина"): L when every part is
        a listed surname or has the script's surname shape (and no part is a common word), else U."""
        parts = w.replace("\u2010", "-").split("-")
        shape = _SURNAME_SHAPES.get(script)
        if len(parts) != 2:
            return "U"
        for part in parts:
            k = self.kind(part, script) if len(part) >= 2 else "C"
            if not (k == "L" or (k in ("U", "W") and shape is not None and shape.match(part))):
                return "U"
        return "L"


# round 30b: endings of Bengali compound family names (-gupta, -opadhyay, -chowdhury, -dastidar, -thakurta): a Bengali
# word no list or dictionary holds that ends so is a family name ("দত্তগুপ্ত", "রায়চৌধুরী", "ঘোষদস্তিদার")
_BENGALI_SURNAME_ENDS = ("গুপ্ত", "গুপ্তা", "পাধ্যায়", "চৌধুরী", "চৌধুরি", "দস্তিদার", "ঠাকুরতা")


def load_lists(cache: ResourceCache) -> _Lists:
    """The native name lists and the common/dictionary words of each script (cached)."""
    def build() -> _Lists:
        from wordfreq import top_n_list  # noqa: PLC0415 (base dependency, loaded on first use)

        first, last = load_native_names()
        common: dict[str, frozenset[str]] = {}
        words: dict[str, frozenset[str]] = {}
        folded: dict[str, list[str]] = {}  # per language ("ja" serves two scripts)
        for script, langs in _LANGS.items():
            top: set[str] = set()
            allw: set[str] = set()
            for lang in langs:
                if lang not in folded:
                    folded[lang] = [_final_sigma(w.translate(_FOLD) if _FOLD_CHARS.search(w) else w)
                                    for w in top_n_list(lang, DICTIONARY_SIZE, wordlist="small")]
                ranked = folded[lang]
                top.update(ranked[:COMMON_SIZE])
                allw.update(ranked)
            common[script], words[script] = frozenset(top), frozenset(allw)
        for script, hand in load_native_common_words().items():
            common[script] = frozenset(map(_fold, hand))
        anon = {script: frozenset(map(_fold, hand))
                for script, hand in load_native_common_words("anonymous_person_words.txt").items()}
        return _Lists(frozenset(map(_fold, first)), frozenset(map(_fold, last)), common, words, anon)
    return cache.get("lexicon.native_names", build)


def _final_sigma(word: str) -> str:
    """``wordfreq`` case-folds Greek final sigma to "σ" ("ενόσ"); prompts keep "ς" ("ενός"), so the lists do too
    (round 40 merge: without it every Greek word ending in -ς was unknown: "ενός άδειου" sounded out a name)."""
    return word[:-1] + "ς" if word.endswith("σ") else word


def fold_word(word: str) -> str:
    """A word folded as the lists store it (lower case, as the prompt normaliser writes it)."""
    return _fold(word)


def word_kind(cache: ResourceCache, word: str, script: str) -> str:
    """What the lists make of ``word`` (lower case): F, L, C (common word), W (dictionary word) or U."""
    lists = load_lists(cache)
    return lists.kind(_fold(word), "kana" if script == "katakana" else script)


def sound_kind(cache: ResourceCache, word: str, script: str) -> str:
    """:func:`word_kind` for matching famous names by sound: a listed surname that is also one of the most common
    words of its script counts as a dictionary word (W). Hebrew "שדה" (field) is the surname Sadeh too, and "שדה
    חיטה" (a wheat field) must not sound out a person; beside a word that is no dictionary word it still counts.
    Only the common words (not the whole dictionary): "लामा" of "दलाई लामा" is a surname and a rarer word."""
    got = word_kind(cache, word, script)
    if got == "L":
        lists = load_lists(cache)
        if _fold(word) in lists.common.get("kana" if script == "katakana" else script, frozenset()):
            return "W"
    return got


# -- tokens -----------------------------------------------------------------------------

_Tok = tuple[str, int, int, str]  # (word, start, end, script) in the normalised text

# Round 36b. Tags of a tag-list (Stable Diffusion) prompt: a subject count, a quality tag, a weight "(x:1.2)", a LoRA
_TAG_SOUP = re.compile(r"\b\d\+?(?:girls?|boys?|women|men|others?)\b|\bsolo\b|masterpiece|best quality|high quality|"
                       r"highres|absurdres|ultra[- ]detailed|:\d(?:\.\d+)?\)|<lora:|score_\d|最高品質|杰作|最佳质量|걸작")


def _own_tag(norm: NormalizedText, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole comma-separated tag of a tag-list prompt (round 36b)."""
    text = norm.text
    if "," not in text and "，" not in text and "、" not in text:
        return False
    before, after = text[:start].rstrip(" ("), text[end:].lstrip(" )")
    if after[:1] == ":":  # a weighted tag, "(橋本環奈:1.2)"
        after = re.sub(r"^:\s*\d+(?:\.\d+)?\s*\)?\s*", "", after)
    if not (before[-1:] in (",", "，", "、") or not before) or not (after[:1] in (",", "，", "、") or not after):
        return False
    # (the original text: the leetspeak fold writes "1girl" as "igirl" in the normalised one)
    return bool(before or after) and _TAG_SOUP.search(norm.original.lower()) is not None


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        if not _WORDCH.match(text, i):
            i += 1
            continue
        j = i
        while j < n and (_WORDCH.match(text, j) or (text[j] in "-\u2010" and j + 1 < n and _WORDCH.match(text, j + 1))):
            j += 1
        word = text[i:j]
        script = next((s for s in map(script_of, word) if s), None)
        out.append((word, i, j, script or "latin"))
        i = j
    return out


# Thai writes a picture word or title glued to the name ("ภาพถ่ายของสมชาย ใจดี", "วาดรูปคุณสมชาย"): the cue
# is split off, so that the name is two words after a cue as when a space is written
_THAI_CUES = tuple(sorted((unicodedata.normalize("NFKC", w) for w in (
    "ภาพถ่ายของ", "รูปถ่ายของ", "ภาพของ", "รูปของ", "วาดรูปคุณ", "วาดภาพคุณ", "วาดรูป", "วาดภาพ", "คุณ", "นางสาว",
    "นาย", "นาง")), key=len, reverse=True))


def _split_thai_cue(tok: _Tok) -> _Tok:
    word, start, end, script = tok
    for _ in range(2):  # "รูปของนายสมศักดิ์": a picture word and a title
        cue = next((c for c in _THAI_CUES if word.startswith(c) and len(word) - len(c) >= 2), None)
        if cue is None:
            break
        word, start = word[len(cue):], start + len(cue)
    return word, start, end, script


def _cue_before(lower: str, start: int) -> bool:
    return bool(_BEFORE.search(lower[max(0, start - 30):start].translate(_ARABIC_FOLD)))


# round 30b: English after a Hangul name in an English prompt or tag soup: dress ("in a school uniform", "in
# Manchester United kit"), a person's doing ("wearing", "smiling", "playing soccer") or a portrait tag
_LATIN_PERSON_AFTER = re.compile(
    r",? (?:in (?:a |an |the |his |her )?(?:[a-z]+ ){0,2}(?:kit|uniform|jersey|suit|dress|hanbok|outfit|tuxedo|gown)\b|"
    r"wearing|dressed|smiling|standing|sitting|posing|playing|singing|dancing|walking|running|laughing|holding|"
    r"pitching|batting|swinging|skating|kicking|celebrating|portrait|headshot|selfie|close-up|photo of)\b")


def _cue_after(lower: str, end: int) -> bool:
    return bool(_AFTER.match(lower[end:end + 30].translate(_ARABIC_FOLD)))


def _base(word: str, script: str, lists: _Lists) -> str:
    """The word as the lists write it: a glued clitic ("لمريم") or case ending ("আক্তারের") off
    when the shorter form is a listed name, or when only the shorter form is a known word."""
    kind = lists.kind(word, script)
    if kind in ("F", "L"):
        return word
    cands = [_CLITIC.sub("", word)] if script == "arabic" else [
        word[: -len(e)] for e in _CASE_END.get(script, ()) if word.endswith(e) and len(word) > len(e) + 2]
    cands += [word[: -len(e)] + r for e, r in _GENITIVE.get(script, ()) if word.endswith(e) and len(word) > len(e) + 1]
    if script == "ethiopic" and word.startswith("የ") and len(word) > 2:
        cands.append(word[1:])  # "የገበሬ": the genitive prefix "of"
    for c in cands:
        if lists.kind(c, script) in ("F", "L"):
            return c
    if kind == "U":
        for c in cands:
            if lists.kind(c, script) != "U":
                return c
    return word


def _gujarati_given(word: str, lists: _Lists) -> bool:
    """Whether ``word`` is a given name with "-બેન"/"-ભાઈ" written onto it ("હેતલબેન"; not "મોટાભાઈ")."""
    m = _GUJARATI_HONORIFIC.match(word)
    return m is not None and m.group(1) not in _GUJARATI_NOT_GIVEN and lists.kind(m.group(1), "gujarati") in ("U", "F")


# Temple, shrine and monastery words of the Indic scripts and Arabic/Persian (with their case endings where the word
# is inflected: "ఆలయంలో", "மந்திரில்"): a name right before one names the place
_TEMPLE_AFTER = re.compile(r"\s*(?:ఆలయ\S*|గుడి\S*|దేవాలయ\S*|క్షేత్ర\S*|मंदिर\S*|मन्दिर\S*|देवालय\S*|धाम\b|"
                           r"கோவில்\S*|கோயில்\S*|ஆலய\S*|ക്ഷേത്ര\S*|ದೇವಾಲಯ\S*|ದೇವಸ್ಥಾನ\S*|ಗುಡಿ\S*|মন্দির\S*|"
                           r"મંદિર\S*|ਮੰਦਰ\S*|ਗੁਰਦੁਆਰ\S*|ମନ୍ଦିର\S*|පන්සල\S*|දේවාල\S*|مسجد|مزار|درگاه|دربار|"
                           r"ضريح|مقام)")

# Round 36a: "Sahib" as the honorific of a gurdwara, a takht or a holy town ("ਸ੍ਰੀ ਹਰਿਮੰਦਰ ਸਾਹਿਬ", "ਤਖ਼ਤ ਸ੍ਰੀ ਕੇਸਗੜ੍ਹ
# ਸਾਹਿਬ", "गुरुद्वारा बंगला साहिब"): after "Sri", a gurdwara or takht word the run names the place, not a person
_SAHIB = frozenset({"ਸਾਹਿਬ", "ਸਾਹਿਬਾਂ", "साहिब"})
_SAHIB_PLACE_BEFORE = re.compile(r"(?:ਸ੍ਰੀ|ਸ਼੍ਰੀ|ਸ੍ਰੀਮਾਨ|ਗੁਰਦੁਆਰਾ|ਗੁਰਦੁਆਰੇ|ਤਖ਼ਤ|ਤਖਤ|श्री|गुरुद्वारा|गुरुद्वारे|तख्त|तख़्त)\s*$")


def _nisba(word: str, lists: _Lists) -> bool:
    """Whether ``word`` is a listed first name + the Persian/Arabic "-ی" of belonging ("حسین" -> "حسینی",
    "رضا" -> "رضایی", "کریم" -> "کریمی"), a common surname shape that the word lists also hold as a word."""
    for end in ("یی", "ی", "ي"):
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) >= 3 and stem in lists.first:
            return True
    return False


def _stem_known(word: str, bucket: frozenset[str]) -> bool:
    """Greek and Cyrillic names are inflected ("Ольги", "Νίκου"): compare their stems."""
    if word in bucket:
        return True
    for cut in (1, 2):
        stem = word[:-cut]
        if len(stem) >= 3 and any(cand in bucket for cand in _inflections(stem)):
            return True
    return False


def _inflections(stem: str) -> tuple[str, ...]:
    # folded forms ("й" -> "и"): "Сергей" is listed as "сергеи", "Дмитрий" as "дмитрии"
    return (stem, stem + "а", stem + "я", stem + "и", stem + "ии", stem + "о", stem + "ος", stem + "ης",
            stem + "α", stem + "η", stem + "ας", stem + "ь")


# -- a name as the subject of the prompt --------------------------------------------------
# "ऋतिक रोशन नाचते हुए", "جواد ظریف در حال لبخند", "נפתלי בנט במסיבת עיתונאים": a public figure the
# lists lack, written without a picture word. Famous name words are often frequent words (they rank
# in the thousands of ``wordfreq``), so a run of two or three words of the script counts as a name
# when it is the subject of the prompt (its start, or right after a picture cue) and what follows is
# said of a person: a verb whose subject is a person (progressive and honorific forms: "strong"), or an
# outfit, a stage, a press conference, a runway, an award, a picture word or a setting ("weak": said of
# dresses, bands, forts and flowers too), which counts only when a listed name word (one that is no
# frequent word) or a word no dictionary of the language knows is in the run.
# The run must hold no word that describes someone without naming them (``anonymous_person_words.txt``:
# man, old, farmer, bride, crowd, cat, ...) and no word of the language's top 1,500 (unless a name list
# holds it, or one such word stands beside a listed name word: "عادل إمام").
_PRED_WORDS = {
    "arabic": ("""
يلقي|تلقي|يغني|تغني|يرقص|ترقص|يبتسم|تبتسم|يضحك|تضحك|يتحدث|تتحدث|يخطب|تخطب|يصافح|تصافح|
در حال|لبخند میزند|میخندد|میرقصد|اواز میخواند|سخنرانی میکند|
مسکراتے|مسکراتی|مسکرا رہے|مسکرا رہی
""", """
على المسرح|على خشبة المسرح|في مشهد|في مؤتمر صحفي|على السجادة الحمراء|في مهرجان|مع جائزة|بجائزة|يحمل جائزة|
يرتدي|ترتدي|بزي|ببدلة|بفستان|على ظهر|في مقابلة|يجلس|تجلس|يقف|تقف|يركب|تركب|يمشي|تمشي|
روی صحنه|روی سن|در جشنواره|با جایزه|با تندیس|در کنفرانس خبری|در نشست خبری|در مراسم|روی فرش قرمز|
با لباس|با کت و شلوار|در مصاحبه|نشسته|ایستاده|
لباس میں|کے لباس میں|شادی کے لباس|اسٹیج پر|سٹیج پر|پریس کانفرنس|ایوارڈ کے ساتھ|
کی تصویر|کا پورٹریٹ|
في حفل|في المكتب|في مقهى|على الشاطئ|في الحديقة|في حفل زفاف|في الملعب|
در کافه|در پارک|در دفتر|در ساحل|در عروسی|پشت میز|
دفتر میں|پارک میں|ساحل پر|شادی میں
"""),
    "devanagari": ("""
मुस्कुराते हुए|मुस्कुराती हुई|भाषण देते हुए|भाषण देती हुई
""", """
मंच पर|स्टेज पर|प्रेस कॉन्फ्रेंस में|पुरस्कार के साथ|साड़ी में|कुर्ते में|शेरवानी में|
की फोटो|की तस्वीर|का पोर्ट्रेट|यांचे छायाचित्र|को तस्बिर|को फोटो|पार्क में|दफ्तर में|ऑफिस में|समुद्र तट पर|शादी में
"""),
    "bengali": ("""
হাসছেন|হাসছে|আঁকো|আঁকুন
""", """
মঞ্চে|শাড়িতে|পাঞ্জাবিতে|পুরস্কার হাতে|সংবাদ সম্মেলনে|ছবি|প্রতিকৃতি|অফিসে|পার্কে|সমুদ্র সৈকতে|বিয়েতে
"""),
    "tamil": ("""
சிரிக்கும்|சிரிக்கிறார்|பேசுகிறார்
""", """
மேடையில்|புடவையில்|வேட்டியில்|விருதுடன்|செய்தியாளர் சந்திப்பில்|கண்ணாடியுடன்|
புகைப்படம்|படம்|ஓவியம்|கடற்கரையில்|அலுவலகத்தில்|பூங்காவில்|திருமணத்தில்|
விவசாய நிலத்தில்|நிலத்தில்|வயலில்|வீட்டில்|கோவிலில்|பள்ளியில்|கடையில்|சமையலறையில்|பட்டமளிப்பு விழாவில்|
நிற்கும்|அமர்ந்திருக்கும்|நடக்கும்|சமைக்கும்|பாடும்|வேலை செய்யும்
"""),
    "hebrew": ("""
מחייך|מחייכת|רוקד|רוקדת|שר|שרה|נואם|נואמת|מדבר|מדברת|צוחק|צוחקת|לוחץ יד|לוחצת יד
""", """
במסיבת עיתונאים|על המסלול|על הבמה|יושב|יושבת|עומד|עומדת|הולך|הולכת|בחליפה|בשמלה|עם פרס|בטקס|בראיון|בהופעה|
בחתונה|בבית קפה|בפארק|במשרד|בחוף|על החוף|ליד
"""),
    "greek": ("""
μιλάει|μιλα|χαμογελάει|τραγουδάει|χορεύει
""", """
στη σκηνή|στο πιάνο|στην κιθάρα|σε συνέντευξη τύπου|με κοστούμι|με φόρεμα|με βραβείο|
στην παραλία|στο γραφείο|στο πάρκο|σε καφέ
"""),
    "thai": ("""
กำลัง|ยิ้ม|ร้องเพลง|หัวเราะ|ปราศรัย|ให้สัมภาษณ์|ยืน|นั่ง|เดิน|เต้น|ถ่ายรูปรับปริญญา|รับปริญญา|สอนหนังสือ
""", """
สวมชุด|ใส่ชุด|บนเวที|ที่ชายหาด|ในร้านกาแฟ|หน้าบ้าน|ในชุดครุย
"""),
}
# picture and outfit words may have one word between ("লাল শাড়িতে": in a red sari; "திருமண புகைப்படம்")
_NEAR = ("শাড়িতে", "পাঞ্জাবিতে", "ছবি", "প্রতিকৃতি", "புகைப்படம்", "படம்", "ஓவியம்", "புடவையில்", "கண்ணாடியுடன்",
         "کی تصویر", "لباس میں")
_END = r"(?=$|[\s,.;:!?،؛…])"  # the end of a word (a comma may follow it)
_PICTURE_WORD = re.compile("|".join(re.escape(_fold(w)) for w in (
    "تصویر", "پورٹریٹ", "फोटो", "तस्वीर", "पोर्ट्रेट", "छायाचित्र", "तस्बिर", "ছবি", "প্রতিকৃতি", "புகைப்படம்", "படம்",
    "ஓவியம்")))


def _pred_rx(words: str, glued: bool, weak: bool = False) -> re.Pattern[str]:
    near = "|".join(re.escape(_fold(w)) for w in _NEAR)
    return re.compile(r"\s+(?:(?:" + _alternatives(words) + r")" + ("" if glued else _END)
                      + (r"|\S+\s+(?:" + near + r")" + _END if weak else "") + ")")


_PRED = {script: (_pred_rx(strong, script == "thai"), _pred_rx(weak, script == "thai", weak=True))
         for script, (strong, weak) in _PRED_WORDS.items()}
_PRED["devanagari"] = (re.compile(_PRED["devanagari"][0].pattern[:-1] + r"|(?:\S+\s+)?\S+(?:ते हुए|ती हुई)"
                                  r"|(?:अपनी|अपने)\s+(?:शादी|जन्मदिन|ग्रेजुएशन|दीक्षांत)\S*)"),
                       _PRED["devanagari"][1])
_PRED["arabic"] = (re.compile(_PRED["arabic"][0].pattern[:-1] + r"|(?:\S+\s+)?\S+(?:تے ہوئے|تی ہوئی)"
                                   r"|کی \S+ (?:میں|کی) تصویر)"), _PRED["arabic"][1])
_PRED["bengali"] = (re.compile(_PRED["bengali"][0].pattern[:-1] + r"|\S+(?:ছেন|চ্ছেন|লেন)(?!\S)"
                               r"|(?:নিজের|তার|তাঁর)\s+(?:বিয়ে|জন্মদিন|সমাবর্তন|গায়ে হলুদ)\S*)"),
                    _PRED["bengali"][1])
# round 14b: "X Y தன் திருமணத்தில்" (at his own wedding), "X Y নিজের বিয়েতে", "X Y अपनी शादी में": one's own
# wedding, birthday or graduation is said of a person
_PRED["tamil"] = (re.compile(_PRED["tamil"][0].pattern[:-1] + r"|\S+(?:கிறார்|கிறாள்|கிறான்)(?!\S)"
                             r"|(?:தன்|தனது|தன்னுடைய)\s+(?:திருமண|பிறந்தநாள|பட்டமளிப்பு)\S*)"),
                  # round 26b: "X Y சைக்கிளில் செல்லும் புகைப்படம்": a place or vehicle in the locative, a relative participle
                  # (-உம் / -இய / -ந்த: riding, standing, who sat) and a picture word: what the named person was doing
                  # round 38b: with an object or verbal noun between ("வயலில் வேலை செய்யும்": working in the field)
                  re.compile(_PRED["tamil"][1].pattern[:-1] + r"|\S+(?:ில்|இல்)\s+(?:\S+\s+)?\S+(?:ும்|ிய|ந்த|ற்ற)\s+"
                             r"(?:புகைப்படம்|படம்|ஓவியம்)" + _END + ")"))
# Round 12: in the scripts without a word list, a posture or action said of a person a few words after the run
# ("X Y ਟਰੈਕਟਰ ਤੇ ਬੈਠਾ" sitting on a tractor, "X Y ... සිටින ඡායාරූපය", "X Yን በመድረክ ላይ ሲዘፍን" singing on
# stage): Gurmukhi and Sinhala postures are said of animals too, so they count for a run holding a listed name
# word (weak); the Amharic "ሲ-" forms of singing, speaking and laughing are said of people (strong)
_NEVER = re.compile(r"(?!)")
_FAR_VERBS = {
    "gurmukhi": (None, "ਬੈਠਾ|ਬੈਠੀ|ਬੈਠੇ|ਖੜ੍ਹਾ|ਖੜ੍ਹੀ|ਖੜਾ|ਖੜੀ|ਗਾਉਂਦਾ|ਗਾਉਂਦੀ|ਨੱਚਦਾ|ਨੱਚਦੀ|ਹੱਸਦਾ|ਹੱਸਦੀ|ਮੁਸਕਰਾਉਂਦਾ|"
                 "ਮੁਸਕਰਾਉਂਦੀ|ਬੋਲਦਾ|ਬੋਲਦੀ|ਤੁਰਦਾ|ਤੁਰਦੀ"),
    "sinhala": (None, "සිටින|සිනාසෙන|ගායනා කරන|නටන|කතා කරන|හිඳගෙන|සිටගෙන|ඇවිදින|වාදනය කරන"),
    # round 42b: Georgian present forms said of a person (paints, sings, dances, smiles, speaks, reads, writes, plays
    # an instrument); sitting and standing are said of animals too. Gujarati postures and acts ("દુકાનમાં બેઠેલા",
    # sitting in the shop) like the Gurmukhi ones
    "georgian": ("ხატავს|მღერის|ცეკვავს|იღიმის|იცინის|ლაპარაკობს|საუბრობს|კითხულობს|წერს|უკრავს",
                 "ზის|დგას|მიდის|სეირნობს"),
    "gujarati": (None, "બેઠેલા|બેઠેલી|બેઠેલો|બેઠા|બેઠી|બેઠો|ઊભેલા|ઊભેલી|ઊભા|ઊભી|ઊભો|ગાતા|ગાતી|ગાતો|નાચતા|નાચતી|"
                 "હસતા|હસતી|હસતો|બોલતા|બોલતી|ભાષણ આપતા|ભાષણ આપતી"),
    "ethiopic": ("ሲዘፍን|ሲዘምር|ሲናገር|ሲስቅ|ሲጨፍር|ሲያወራ|ሲያስተምር|ሲጫወት", None),
}
for _script, _verbs in _FAR_VERBS.items():
    _PRED[_script] = tuple(  # type: ignore[assignment]
        _NEVER if v is None else re.compile(r"\s+(?:\S+\s+){0,3}?(?:" + _alternatives(v) + r")" + _END) for v in _verbs)
# what may stand before the subject: nothing but punctuation, or a Greek article ("ο Βαγγέλης ...")
_SUBJECT_START = re.compile(r"[\W\d_]*(?:(?:ο|η)\s+)?")
# surnames that are also frequent words of the language ("خان", "ملک"): names when they end a run
_WORD_SURNAMES = frozenset({"خان", "ملک", "چوہدری", "چودھری", "شاہ", "بھٹو", "قریشی", "صدیقی", "شیخ", "مرزا", "بٹ",
                            "رانا", "اعوان", "گیلانی", "شریف", "عباسی", "ہاشمی", "امام"})
_DEFINITE = {"arabic": "ال", "hebrew": "ה"}


def _anonymous(word: str, script: str, lists: _Lists) -> bool:
    """Whether ``word`` describes someone without naming them (man, old, farmer, crowd, cat ...)."""
    anon = lists.anon.get(script, frozenset())
    if word in anon:
        return True
    art = _DEFINITE.get(script)
    if art and word.startswith(art) and word[len(art):] in anon:
        return True
    if script == "thai":  # no spaces: a phrase starts with the word ("เด็กผู้หญิง")
        return word.startswith(_THAI_FUNCTION) or any(word.startswith(a) for a in anon if len(a) >= 3)
    return False


def _subject_name(lower: str, seq: list[_Tok], words: list[str], kinds: list[str], script: str,
                  lists: _Lists, before: bool) -> tuple[float, str] | None:
    """A 2-3 word run at the prompt's subject position before what is said of a person (see above)."""
    preds = _PRED.get(script)
    if preds is None or len(seq) < 2 or (script == "thai" and len(seq) != 2):
        return None
    if not before and not _SUBJECT_START.fullmatch(lower[:seq[0][1]]):
        return None
    if script in _CASED and not all(t[0][:1].isupper() for t in seq):
        return None
    if any(_anonymous(w, script, lists) for w in words) or _cue_before(lower, seq[-1][1]):
        return None  # a description, or a relation or picture cue inside the run ("என் நண்பன் X": my friend X)
    kinds = [("L" if w in _WORD_SURNAMES and j == len(words) - 1 else k) for j, (w, k) in enumerate(zip(words, kinds))]
    shape = _SURNAME_SHAPES.get(script)
    listed = any(k in ("F", "L") and (w in _WORD_SURNAMES or w not in lists.common.get(script, frozenset()))
                 for w, k in zip(words, kinds)) or (shape is not None and bool(shape.match(words[-1])))
    # a picture word or a setting is said of places and things too ("ताज महल की तस्वीर"): it counts for a
    # run that holds a listed name word or a word no dictionary of the language knows
    listed = listed or ("U" in kinds and script in _LANGS)
    end = seq[-1][2]
    tail = lower[end:end + 60].translate(_ARABIC_FOLD)
    weak = preds[1].match(tail)
    # a setting or outfit (not a picture word, said of places too: "लाल किला की तस्वीर") also counts for a listed
    # first name that is a frequent word ("مریم رضایی در پارک")
    setting = weak is not None and not _PICTURE_WORD.search(weak.group()) and any(k in ("F", "L") for k in kinds)
    if not (preds[0].match(tail) or (weak and (listed or setting))):
        return None
    if (len(seq) == 2 and kinds[-1] == "C" and weak is not None and _PICTURE_WORD.search(weak.group())
            and not preds[0].match(tail)):
        return None  # round 29b: "सुनील किताब की फोटो": a name word and a frequent word (book) before a picture word
    if len(seq) == 3 and (preds[0].match(lower[seq[1][2]:seq[1][2] + 60].translate(_ARABIC_FOLD))
                          or (listed and preds[1].match(lower[seq[1][2]:seq[1][2] + 60].translate(_ARABIC_FOLD)))):
        return None  # the third word is what the person does ("... מחייך"): the two-word run is the name
    common = [k == "C" and w not in _PARTICLES for w, k in zip(words, kinds)]
    listed_common = [k in ("F", "L") and w not in _PARTICLES and w in lists.common.get(script, frozenset())
                     for w, k in zip(words, kinds)]
    if sum(common) + sum(listed_common) > 1 or (any(common) and not ({"F", "L"} & set(kinds))):
        return None  # frequent words: a phrase ("الرئيس الجديد"), unless beside a listed name word
    return 0.6, "a name at the subject position before what a person does or wears"


class ScriptNames:
    """Finds personal names in non-Latin scripts (see the module docstring).

    Args:
        cache: resource cache holding the name lists and dictionary words.
        detector: detector id for the findings.
        min_score: score from which a finding is identity-seeking.
    """

    def __init__(self, cache: ResourceCache, detector: str, min_score: float = 0.55):
        self.cache, self.detector, self.min_score = cache, detector, min_score
        # _cue_before per (text, start) during one find(): runs of 3, 2 and 1 words from the same token ask
        # the same question of a large regex; emptied by each find() so it never grows past one prompt
        self._cues: dict[tuple[str, int], bool] = {}

    def find(self, norm: NormalizedText) -> list[Finding]:
        """Name findings in ``norm`` (only letters outside Latin are looked at)."""
        self._cues.clear()
        text = norm.text
        if text.isascii():
            return []
        lists = load_lists(self.cache)
        toks = [_split_thai_cue(t) if t[3] == "thai" else t for t in _tokens(text)]
        out: list[Finding] = []
        used = -1
        for i, (_, start, _, script) in enumerate(toks):
            if start < used or script == "latin" or toks[i][0].rstrip("ـ") in ("ل", "و", "ب", "של"):
                continue
            if script in ("han", "kana"):
                got = self._han(norm, toks[i], lists)
            elif script == "hangul":
                got = self._hangul(norm, toks, i, lists)
            else:
                got = self._spaced(norm, toks, i, lists)
            if got is not None:
                out.append(got[0])
                used = got[1]
        return out

    # -- scripts with spaces ----------------------------------------------------------------

    def _spaced(self, norm: NormalizedText, toks: list[_Tok], i: int,
                lists: _Lists) -> tuple[Finding, int] | None:
        text, lower = norm.text, norm.lower
        script = toks[i][3]
        best: tuple[float, int, str] | None = None
        # a cased script written with capitals anywhere in the prompt capitalises its names ("Фотография
        # заснеженного леса": the lower-case words are no name); an all-lower-case prompt may write them lower
        capitals = script in _CASED and any(c.isupper() and script_of(c) == script for c in text)
        for n in (3, 2, 1):
            seq = toks[i:i + n]
            if len(seq) < n or any(t[3] != script for t in seq) or any(
                    text[a[2]:b[1]] != " " for a, b in zip(seq, seq[1:])):
                continue
            scored = self._score_run(lower, seq, script, lists, capitals)
            if scored and (best is None or scored[0] > best[0]):
                best = (scored[0], n, scored[1])
        if best is None or best[0] < self.min_score:
            return None  # a weak run does not hold on to its words (a relation word may start one)
        score, n, why = best
        seq = toks[i:i + n]
        return self._finding(norm, seq[0][1], seq[-1][2], score, why), seq[-1][2]

    def _score_run(self, lower: str, seq: list[_Tok], script: str, lists: _Lists,
                   capitals: bool = False) -> tuple[float, str] | None:
        cased = script in _CASED
        if cased and capitals and not all(t[0][:1].isupper() for t in seq):
            return None  # Greek/Cyrillic names are capitalised when the prompt uses capitals
        words = [_base(_fold(lower[s:e]), script, lists) for _, s, e, _ in seq]
        if any(_BEFORE_WORD.fullmatch(w) for w in words):
            return None  # a cue word ("وجه", "фото") is never part of the name
        if _description_marker(lower, seq, words, script, lists):
            return None  # an adjective + noun, a plural, a participle: a description, not a name
        if script == "tamil" and words[-1].endswith("ில்"):
            return None  # a locative ("வீட்டில்" at home, "கடற்கரையில்" on the beach) is no name
        kinds = [lists.name_kind(w, script) for w in words]
        if script == "gurmukhi":
            kinds = ["L" if w in _PUNJABI_SURNAMES else k for w, k in zip(words, kinds)]
        elif script == "bengali" and len(words) >= 2:
            kinds = ["L" if j > 0 and kinds[0] != "C" and (w in _BENGALI_SURNAMES or any(
                w.endswith(e) and w[:-len(e)] in _BENGALI_SURNAMES for e in _CASE_END["bengali"])) else k
                     for j, (w, k) in enumerate(zip(words, kinds))]
        elif script == "gujarati":
            kinds = ["F" if j == 0 and k == "U" and _gujarati_given(w, lists) else k
                     for j, (w, k) in enumerate(zip(words, kinds))]
        if script == "hebrew":  # "בן-שושן", "בר-לב": a patronymic glued to a surname or an unknown word is a surname
            # ("בן-אדם" a human, "בן-זוג" a partner, "בן-דוד" a cousin: a first name or a dictionary word follows)
            kinds = ["L" if j > 0 and w[:3] in ("בן-", "בר-") and lists.kind(w[3:], script) in ("L", "U") else k
                     for j, (w, k) in enumerate(zip(words, kinds))]
        if script == "hebrew" and len(words) == 3 and kinds[1] == "L" and kinds[2] not in ("F", "L") \
                and words[2][:1] in "בלמוה":
            return None  # "X בן-שושן בטיול": a surname, then a word with a preposition (on a trip): the name is two words
        if script == "arabic":  # Persian surnames made from a first name ("حسینی", "رضایی"), after a first name
            kinds = [k if j == 0 or k in ("F", "L") or kinds[j - 1] != "F" or not _nisba(w, lists) else "L"
                     for j, (w, k) in enumerate(zip(words, kinds))]
        if cased:  # inflected names: "Ольги", "Νίκου" (a common word only when capitalised)
            kinds = [k if k in ("F", "L") or (k == "C" and not t[0][:1].isupper()) else
                     "F" if _stem_known(w, lists.first) else "L" if _stem_known(w, lists.last) else k
                     for w, k, t in zip(words, kinds, seq)]
        if len(words) >= 2 and kinds[0] == "L" and words[0] in lists.common.get(script, frozenset()):
            # a run opened by a surname that is also one of the script's most common words is the word: "תמונה של
            # שדה חיטה" (a picture of a wheat field; "שדה" is the surname Sadeh too); names open with the given name
            kinds[0] = "W"
        anon = [_anonymous(w, script, lists) for w in words]
        if script == "arabic" and len(words) >= 2 and kinds[0] == "F" and not anon[0] and words[-1] in _TRADE_SURNAMES:
            # round 22b: "ليلى حداد" (Layla Haddad), "سامي نجار": a trade word after a listed given name is the
            # family name it became ("رجل حداد", a man who is a smith, has no given name)
            kinds[-1], anon[-1] = "L", False
        named = [a for a, k in zip(anon, kinds) if k in ("F", "L")]  # listed name words that also describe
        if len(seq) >= 2 and (any(a and k not in ("F", "L") for a, k in zip(anon, kinds)) or (named and all(named))):
            return None  # "बूढ़ा किसान", "राधा कृष्ण नाचते हुए" (deities): a description, not a name
        if (len(seq) == 2 and anon[0] and words[1] in lists.words.get(script, frozenset())
                and not _relation_or_title(lower, seq[0][1])):
            return None  # round 29b: "लाल कमल" (red lotus): a colour or look word before a dictionary word describes it
        if ("ਸਾਹਿਬ" in lower or "साहिब" in lower) and _SAHIB_PLACE_BEFORE.search(lower, 0, seq[0][1]) and any(
                w in _SAHIB for w in words):
            return None  # round 36a: "ਸ੍ਰੀ ਹਰਿਮੰਦਰ ਸਾਹਿਬ", "गुरुद्वारा बंगला साहिब": Sahib ends a gurdwara's or holy place's name
        if _TEMPLE_AFTER.match(lower, seq[-1][2]):
            return None  # round 22a: "శ్రీ వేంకటేశ్వర స్వామి ఆలయం", "X मंदिर": a temple named after a deity or saint
        common = [w in lists.common.get(script, frozenset()) for w in words]
        before = self._cues.get((lower, seq[0][1]))
        if before is None:
            before = self._cues[(lower, seq[0][1])] = _cue_before(lower, seq[0][1])
        subject = _subject_name(lower, seq, words, kinds, script, lists, before)
        if subject is not None:
            return subject
        after = _cue_after(lower, seq[-1][2])
        honorific = bool(_HONORIFIC_NEXT.match(lower, seq[-1][2]))
        no_dict = script in _NO_DICTIONARY
        if no_dict:
            if not before and _run_continues(lower, seq[0][1], script, lists):
                return None  # another word of the script runs into it: part of a phrase, not a name
            if (not before and script == "ethiopic" and words[0][:1] in _AMHARIC_PREPOSITIONS
                    and _script_word_before(lower, seq[0][1], script)):
                return None  # round 41b: "... ሥርዓት በሸክላ ጀበና" (in a clay pot): a prepositional phrase continuing a phrase
            if not after and "C" not in kinds:
                # "ശ്രീലക്ഷ്മി പണിക്കരുടെ വിവാഹ ഫോട്ടോ": one common word (wedding) before the picture word
                nxt = re.match(r"\s+(\S+)", lower[seq[-1][2]:seq[-1][2] + 40])
                # or a place word in the locative ("X Y ఆఫీసులో ఫోటో": at the office), which is no name word itself
                marker = _DRAVIDIAN_MARKER.get(script)
                after = nxt is not None and (
                    lists.kind(_base(_fold(nxt.group(1)), script, lists), script) == "C"
                    or (marker is not None and bool(marker.match(_fold(nxt.group(1)))))) and (
                    _cue_after(lower, seq[-1][2] + nxt.end()))
        if (after and len(seq) == 2 and script in _GIVEN_PLUS_WORD and kinds[0] == "F"
                and kinds[1] in ("W", "U") and not common[1] and (not common[0] or any(
                    w in lower[seq[-1][2]:seq[-1][2] + 24] for w in _PERSON_OCCASIONS))):
            # round 24b: "राहुल कुशवाहा की पासपोर्ट फोटो": a listed given name, then one word the name lists miss (a
            # surname that is a dictionary word too, a caste or a place name) and a picture or occasion word
            # with its postposition after: the two words are the person's name
            return 0.6, "a listed given name and one more word before a picture word"
        cue = before or after or bool(_ACTS.match(lower, seq[-1][2]))
        relation = before and _relation_or_title(lower, seq[0][1])
        if no_dict and "C" not in kinds and len(seq) >= 2 and script == "gurmukhi" and words[1] in _PUNJABI_MARKERS:
            return 0.6, "a given name with Singh or Kaur"  # "ਹਰਮਨ ਸਿੰਘ", "ਜਸਪ੍ਰੀਤ ਕੌਰ ..."
        if len(seq) == 1:
            if script in _INDIC and (cue or _INDIC_ACTS.match(lower, seq[-1][2]) or _initials_cue(lower, seq[-1][2])) \
                    and kinds[0] in ("F", "L", "U") and _INDIC_INITIALS.search(lower[max(0, seq[0][1] - 16):seq[0][1]]):
                # "ஏ. ஆர். X-இன் புகைப்படம்"; round 36b: any Indic script, and an act after the name as well as a
                # picture word ("पु. ल. देशपांडे हसत असताना")
                return 0.6, "a name after initials before a picture word or an act"
            if no_dict and honorific and kinds[0] in ("F", "L", "U"):
                return 0.6, "a name before an honorific"  # "ರಮೇಶ್ ಅವರ ಫೋಟೋ", "... గారి ఫోటో"
            if no_dict and after and kinds[0] == "F" and not common[0]:
                return 0.6, "a listed first name before a picture word"
            # one word: a listed first name (or an unknown word) right after a relation or title;
            # a word that is also common needs a picture word after it too ("میری بہن عائشہ کی تصویر")
            # a title alone ("श्री गणेश की मूर्ति": a deity) needs a picture word after the name
            if relation and ((kinds[0] in ("F", "U") and not _title_before(lower, seq[0][1])) or after):
                return 0.6, "a name after a relation or title"
            return None
        if script == "thai" and before and len(seq) == 2 and not any(w.startswith(_THAI_FUNCTION) for w in words):
            # Thai writes a phrase without spaces and a name as "first last": two short words right after
            # "รูปของ" / a title, neither starting with a preposition ("แมวสีส้ม บนโซฟา" is a cat on a sofa)
            return 0.6, "two words after a picture cue or title"
        if cased and not any(t[0][:1].isupper() for t in seq) and not {"F", "L"} & set(kinds):
            return None  # lower-case Greek/Cyrillic words: a name needs a listed word ("старого рыбака")
        shape = _SURNAME_SHAPES.get(script)
        last = len(words) - 1
        surname = kinds[last] == "L" or (kinds[last] in ("U", "W") and shape is not None
                                        and bool(shape.match(words[last]))) or (
            len(words) == 3 and kinds[last] in ("F", "U", "W") and (
                (words[1] in _PATRONYMIC and kinds[0] == "F") or (words[1] in _NAME_ARTICLES and kinds[0] != "C")))
        score = 0.0
        for j, (w, k) in enumerate(zip(words, kinds)):
            if 0 < j < last and w in _PARTICLES:
                continue
            if k == "C" and not (j == 0 and cue and surname and not common[last]
                                 and (not cased or seq[0][0][:1].isupper())):
                return None  # a common word breaks the name ("جمال الطبيعة"), unless a cue and a surname
            if k == "U" and script not in _LANGS and not (no_dict and cue):
                return None  # scripts without a dictionary (Thai, ...) need listed words or a title
            if j == 0:
                score += 0.1 if k == "C" or (k == "F" and common[j]) else {"F": 0.3, "L": 0.05, "W": 0.1,
                                                                          "U": 0.15}[k]
            elif j == last:
                score += 0.3 if surname else {"F": 0.25, "W": 0.1, "U": 0.15}[k]
            else:
                score += {"F": 0.25, "L": 0.25, "W": 0.1, "U": 0.15}[k]
        if not relation and not surname and not {"F", "L"} & set(kinds) and "W" in kinds:
            # no listed name word and a dictionary word ("شجرة زيتون قديمة", "رجل مسن بلحية"): a
            # description, unless right after "my sister"
            return None
        if cue:
            score += 0.45 if (before and after) or (relation and after) else 0.3
        elif kinds[0] != "F":
            return None  # without a cue a name starts with a listed first name
        elif common[0] and not (surname or kinds[last] == "F") or sum(common) > 1:
            return None  # ... and a first name that is also a common word needs a listed surname after it
        elif common[0]:
            score += 0.2  # "محمد بن راشد": listed names all through
        why = "name words of the script" + (" with a picture, relation or title cue" if cue else "")
        return min(score, 0.85), why

    # -- Chinese and Japanese ------------------------------------------------------------------

    def _han(self, norm: NormalizedText, tok: _Tok, lists: _Lists) -> tuple[Finding, int] | None:
        """"王小明的照片", "田中健太さんの写真": a name right before 的+picture or an honorific."""
        text = norm.text
        if tok[2] - tok[1] in (4, 5) and text[tok[1] + 1] == "\u3005" and (
                _own_tag(norm, tok[1], tok[2]) or (text[tok[2]:tok[2] + 1] == " "
                                                   and _HAN_SPACED_PICTURE.match(text, tok[2] + 1))):
            # round 37b: a three-character surname with the repeat mark and a given name as a tag or before a space
            # and a picture word ("1girl, 佐々木美咲, ...", "佐々木美咲 証明写真"); "佐々木町 写真" is a town
            if _ja_repeat_surname(text[tok[1]:tok[2]], lists) == tok[2] - tok[1]:
                why = "a three-character surname and a given name as a tag or before a picture word"
                return self._finding(norm, tok[1], tok[2], 0.65, why), tok[2]
            return None
        if tok[2] - tok[1] in (3, 4) and _own_tag(norm, tok[1], tok[2]) and self._han_full_name(text[tok[1]:tok[2]], lists):
            # round 36b: a full name as its own tag of a tag-soup prompt ("1girl, 橋本環奈, school uniform"): the
            # tag is the subject, as "1girl, Jane Doe" is
            why = "a surname and given name as a tag of a tag-list prompt"
            return self._finding(norm, tok[1], tok[2], 0.65, why), tok[2]
        got = self._han_titled_or_spaced(norm, tok, lists)
        if got is not None:
            return got
        if tok[2] - tok[1] in (3, 4) and text[tok[2]:tok[2] + 1] == " " and _HAN_SPACED_PICTURE.match(text, tok[2] + 1):
            # round 34c: a full name alone, a space, then a picture word ("王志强 证件照", "中村美咲 証明写真"): a
            # one- or two-character surname and a given name that is no word
            name = text[tok[1]:tok[2]]
            for cut in (1, 2):
                given = name[cut:]
                # (a one-character surname takes a given name whose characters given names use, "金毛犬" is a dog;
                # after a two-character, Japanese, surname the given name may be a word too: "美咲")
                kind = lists.kind(given, "han")
                if (name[:cut] in lists.last and len(given) == 2 and lists.kind(name, "han") not in ("C", "W")
                        and "\u3005" not in given
                        and (kind in ("F", "U", "W") if cut == 2 else
                             kind == "F" or (kind == "U" and all(c in lists.zh_given for c in given)))):
                    why = "a surname and given name before a space and a picture word"
                    return self._finding(norm, tok[1], tok[2], 0.65, why), tok[2]
        # "渡辺ひなたちゃん": a two-character listed surname and a given name in kana before an honorific
        # ("お兄ちゃん", "赤ちゃん", "森のくまさん" have no such surname)
        for kana in _KANA_NAME.finditer(text, tok[1], tok[2]):
            if kana.group(1) in lists.last:
                why = "a surname and a given name in kana before an honorific"
                return self._finding(norm, kana.start(), kana.end(2), 0.7, why), kana.end(2)
        # "王晓雯在咖啡店看书的照片": a surname and a two-character given name opening the prompt, then 在 (at) and a
        # picture word closing the clause ("李子树在花园里的照片": 李子 is a word, plum)
        zh = _ZH_SUBJECT.match(text, tok[1]) if not text[:tok[1]].strip(" ,.;:!?，。") else None
        given = lists.kind(zh.group(2), "han") if zh else "C"
        if zh and zh.group(1) in lists.last and lists.kind(zh.group(1) + zh.group(2)[:1], "han") == "U" and (
                lists.kind(zh.group(1) + zh.group(2), "han") == "U"
                and (given == "F" or (given == "U" and (lists.kind(zh.group(2)[1:], "han") == "U" or all(
                    c in lists.zh_given for c in zh.group(2)))))):
            # (round 36c: or a given name both of whose characters given names use, "...雨桐", "...立恒")
            # a listed given name, or one whose last character is no word ("...树" tree, "...缸" tank: things)
            why = "a surname and given name opening the prompt before 在 and a picture word"
            return self._finding(norm, zh.start(1), zh.end(2), 0.65, why), zh.end(2)
        ja = _JA_SUBJECT.match(text, tok[1]) if (
            not text[:tok[1]].strip(" ,.;:!?，。、") and ("が" in text or "は" in text)) else None
        if ja and ja.group(1) in lists.last and lists.kind(ja.group(1) + ja.group(2), "han") not in ("C", "W") and (
                ja.group(2) in lists.first or (len(ja.group(2)) == 2 and lists.kind(ja.group(2), "han") != "C")):
            # (a Japanese given name in kanji is often a word too, "美咲", "健太": the listed surname and the clause
            # shape carry it, as in the spaced picture-word rule above)
            why = "a surname and given name opening the prompt before が/は and a picture word"
            return self._finding(norm, ja.start(1), ja.end(2), 0.65, why), ja.end(2)
        # "我同事王丽娜在办公室", "李晓燕在公园跳舞", "陈志豪穿西装的照片": a surname and a given name whose characters are
        # given-name characters, at the start or after "my <relation>", before what a person does (round 12)
        doing = _ZH_DOING.match(text, tok[1]) if not text[:tok[1]].strip(" ,.;:!?，。") else None
        if doing and doing.group(1) in lists.last and (
                all(c in lists.zh_given for c in doing.group(2))
                or (doing.group(3) and lists.kind(doing.group(2), "han") == "F")) and all(
                lists.kind(w, "han") in ("U", "F") for w in (doing.group(1) + doing.group(2)[:1],
                                                              doing.group(1) + doing.group(2))) and (
                lists.kind(doing.group(2), "han") in ("U", "F")):
            why = "a surname and given name at the start, before what a person does"
            return self._finding(norm, doing.start(1), doing.end(2), 0.65, why), doing.end(2)
        for m in _HAN_AFTER.finditer(text, tok[1], tok[2]):
            run = re.search(r"[\u3005\u3400-\u4DBF\u4E00-\u9FFF]+$", text[tok[1]:m.start()])
            if not run:
                continue
            chars, end = run.group(), m.start()
            honorific = bool(_HONORIFIC_AFTER.match(text, end))
            # round 34c: a picture word glued to the name without 的 ("陈思远证件照") takes a full three-character
            # name whose given part is no word ("白底证件照" is a white-background ID photo)
            bare = not honorific and not m.group().startswith(("的", "の"))
            if honorific and len(chars) >= 5 and chars[-5:-3] in lists.last and lists.kind(chars[-3:], "han") != "C":
                why = "a surname and a three-character given name before an honorific"  # "佐藤健太郎くん"
                return self._finding(norm, end - 5, end, 0.7, why), end
            if honorific and len(chars) >= 6 and chars[-6:-3] in lists.last and lists.kind(chars[-3:], "han") != "C":
                # round 29b: a three-character surname, often with the repeat mark ("佐々木健太郎さん")
                why = "a three-character surname and a three-character given name before an honorific"
                return self._finding(norm, end - 6, end, 0.7, why), end
            if not bare and len(chars) >= 4 and "\u3005" in chars[-5:-1]:
                # round 37b: a three-character surname with the repeat mark (佐々木, 野々村) and a one- or
                # two-character given name before の/的 + a picture word ("佐々木美咲の証明写真"); a place suffix
                # as the given part is a town or station named after the family ("佐々木町の写真")
                three = _ja_repeat_surname(chars, lists)
                if three is not None:
                    if three:
                        why = "a three-character surname and a given name before a picture word"
                        return self._finding(norm, end - three, end, 0.7, why), end
                    continue
            for size in (4, 3, 2):
                if len(chars) < size:
                    continue
                cand = chars[-size:]
                if cand[0] == "\u3005":
                    continue  # the repeat mark "々" never opens a name: it doubles the character before it
                if bare and (size != 3 or lists.kind(cand[1:], "han") in ("C", "W")):
                    continue
                surname = cand[:1] in lists.last or cand[:2] in lists.last
                if (size == 4 and cand[:2] not in lists.last) or not (surname or (honorific and size >= 3)):
                    continue
                if lists.kind(cand, "han") in ("C", "W") and cand[:2] not in lists.last:
                    continue  # "房子的照片": a word, not a surname and a given name
                if size == 3 and cand[1:] not in lists.first and cand[:2] not in lists.last and _zh_thing(chars, lists):
                    continue  # "热腾腾的牛肉面的照片", "一碗牛肉面的照片": a thing described or counted, not a name
                why = "a surname-first name before a picture word or honorific"
                return self._finding(norm, end - size, end, 0.7 if surname else 0.6, why), end
        return None

    def _han_titled_or_spaced(self, norm: NormalizedText, tok: _Tok, lists: _Lists) -> tuple[Finding, int] | None:
        """Round 41b: a full Han name (see :meth:`_han_full_name`) at the start of a Han run, before a job title
        ("张桂梅校长"); opening the prompt before a space and a picture word later ("苏炳添 百米冲刺 体育摄影"); or
        alone in an English prompt after "photo of" or before an -ing act ("headshot of 陈思远", "渡部晴樹 fishing")."""
        text = norm.text
        s0, e0 = tok[1], tok[2]
        for size in (3, 4):
            if e0 - s0 > size and _HAN_TITLE_AFTER.match(text, s0 + size) and self._han_full_name(
                    text[s0:s0 + size], lists):
                return self._finding(norm, s0, s0 + size, 0.65, "a surname and given name before a job title"), s0 + size
        if e0 - s0 not in (3, 4) or not self._han_full_name(text[s0:e0], lists):
            return None
        after = text[e0:e0 + 1]
        if after == " " and not text[:s0].strip(" ,.;:!?，。") and _HAN_PICTURE_ANY.search(text, e0):
            why = "a surname and given name opening the prompt, a space and a picture word after"
            return self._finding(norm, s0, e0, 0.6, why), e0
        lower = norm.lower
        if _LATIN_PICTURE_OF.search(lower, max(0, s0 - 16), s0) or (
                after == " " and (_LATIN_ING_AFTER.match(lower, e0) or _LATIN_PERSON_AFTER.match(lower, e0))):
            why = "a surname and given name in an English prompt after a picture word or before an act"
            return self._finding(norm, s0, e0, 0.6, why), e0
        return None

    @staticmethod
    def _han_full_name(name: str, lists: _Lists) -> bool:
        """Whether three or four Han characters are a one- or two-character surname and a two-character given name
        that is no word (a one-character surname takes given-name characters: "金毛犬" is a dog; after a two-character,
        Japanese, surname the given name may be a word too: "美咲")."""
        if "\u3005" in name[1:] or lists.kind(name, "han") in ("C", "W"):
            return False
        cut = len(name) - 2
        given = name[cut:]
        kind = lists.kind(given, "han")
        return name[:cut] in lists.last and (
            kind in ("F", "U", "W") if cut == 2 else
            kind == "F" or (kind == "U" and all(c in lists.zh_given for c in given)))

    # -- Korean -----------------------------------------------------------------------------------

    def _hangul(self, norm: NormalizedText, toks: list[_Tok], i: int,
                lists: _Lists) -> tuple[Finding, int] | None:
        """"김민준 씨 사진", "박서연의 초상화": a surname syllable and a given name before a cue."""
        word, start, end, _ = toks[i]
        lower = norm.lower
        if (len(word) == 3 and word[0] in lists.last and lists.kind(word, "hangul") not in ("C", "W")
                and (lists.kind(word[:2], "hangul") not in ("C", "W") or word[1:] in lists.first)
                and lists.kind(word[1:], "hangul") != "C"
                and _own_tag(norm, start, end)):
            # round 36b: a surname and a two-syllable given name as its own tag of a tag-list prompt
            # ("1girl, 박서연, smile"); a word or a compound of words ("김치찌개", "한복") is no name
            why = "a surname and given name as a tag of a tag-list prompt"
            return self._finding(norm, start, end, 0.65, why), end
        # "이지은 씨": the whole word; "박서연의 초상화": the word less a particle
        cands = [word] + [word[: -len(p)] for p in _KO_PARTICLES if word.endswith(p) and len(word) - len(p) >= 2]
        honorific = i + 1 < len(toks) and re.fullmatch(r"(?:씨|님)(?:의|가|는|와|를|에게)?", toks[i + 1][0]) is not None
        # round 36c: "양"/"군" (Miss/young Mr) after a full name are honorifics too, but also words: they count only
        # for the rarer surnames' gate below
        young = i + 1 < len(toks) and re.fullmatch(r"(?:양|군)(?:의|이|은|과)?", toks[i + 1][0]) is not None
        # round 24b: "김도윤 대리 프로필 사진", "박서연 선생님의 사진": a job title or honorific noun after the name, then
        # a picture word, says as much as "씨"
        titled = (not honorific and i + 2 < len(toks) and _KO_TITLE.fullmatch(toks[i + 1][0]) is not None
                  # (36c: "졸업사진" too; round 43b: a few words of what the picture shows between, "손X 선수 1936년
                  # 베를린 마라톤 우승 사진", "이X 교수 닥터헬기 앞에서, 다큐멘터리 사진")
                  and any(t[0].startswith(_KO_PICTURE_NEXT) for t in toks[i + 2:i + 9]))
        for base in cands:
            if base[0] not in lists.last and not (
                    len(base) == 3 and base[0] in _KO_MORE_SURNAMES and base[1] in lists.ko_given[0]
                    and base[2] in lists.ko_given[1] and lists.kind(base, "hangul") == "U"
                    and (honorific or young or (i + 1 < len(toks) and toks[i + 1][0].startswith(_KO_PICTURE_NEXT)))):
                continue  # round 36c: a rarer surname ("탁민서 씨", "편지호 님", "표하린 증명사진")
            if not 2 <= len(base) <= 4 or lists.kind(base, "hangul") == "C" or (
                    lists.kind(base, "hangul") == "W" and not (honorific and base == word and len(base) == 3)):
                continue  # a word ("김치찌개"), unless a three-syllable one before 씨/님 ("박지훈 씨의 증명사진")
            if (len(base) >= 3 and lists.kind(base[:2], "hangul") in ("C", "W") and base[1:] not in lists.first
                    and not ((honorific or (titled and base[2] not in "한은는운던인적" and base[1] in lists.ko_given[0]
                                            and base[2] in lists.ko_given[1]))
                             and base == word and len(base) == 3)):
                # "김치찌개": a compound of words ("김치" + ...), not a surname and a given name; before 씨/님 a
                # three-syllable word is a name all the same ("정민혁 씨": "정민" is a word too, round 25b; round 43b:
                # before a job title and a picture word too, "이국X 교수 ... 사진": "이국" is a word; not an adjective,
                # "유명한 교수": famous)
                continue
            tail = base[1:]
            if len(base) == 3 and not honorific and lists.kind(tail, "hangul") in ("C", "W") \
                    and tail[0] not in lists.ko_given[0] and tail[1] not in lists.ko_given[1]:
                continue  # "장노출 사진": a prefix + a word ("노출") neither of whose syllables a given name has there
            name_end = start + len(base)
            cue = bool(_AFTER.match(lower, name_end)) or _cue_after(lower, end) or titled
            if not cue and i + 2 < len(toks) and toks[i + 2][0] in ("사진", "초상화", "그림", "얼굴"):
                cue = True  # "안철수 연설 사진"
            if (not cue and len(base) == 3 and (base == word or word == base + "의") and i + 1 < len(toks)
                    and toks[i + 1][0].startswith(_KO_PICTURE_NEXT) and (base[1:] in lists.first or (
                        base[1] in lists.ko_given[0] and base[2] in lists.ko_given[1]))):
                # round 34c: a three-syllable full name (a surname and a given name whose syllables given names
                # use there) right before a picture word: "박서윤 증명사진", "이하은 셀카"
                cue = True
            if (not cue and len(base) == 3 and base == word and (base[1:] in lists.first or (
                    base[1] in lists.ko_given[0] and base[2] in lists.ko_given[1]))
                    and lower[name_end:name_end + 1] in (" ", ",") and _LATIN_PERSON_AFTER.match(lower, name_end)):
                # round 30b: a Hangul name alone in an English prompt or tag soup, then what a person does or
                # wears ("(best quality:1.3), 8k, 김민수 in a school uniform", "..., 최영훈, portrait"): the English
                # around it says person as a Korean cue word would
                cue = True
            given = base[1:]
            if not cue or (len(base) == 2 and given not in lists.first):
                continue
            score = 0.65 if given in lists.first else 0.6
            why = "a Korean surname and given name before a cue"
            return self._finding(norm, start, name_end, score, why), end
        return None

    def _finding(self, norm: NormalizedText, ts: int, te: int, score: float, why: str) -> Finding:
        start, end = norm.span(ts, te)
        return Finding(kind="private_person", score=round(score, 3), start=start, end=end,
                       text=norm.original[start:end], detector=self.detector, canonical=None,
                       explanation=f"person-name shape in a non-Latin script ({why})",
                       identity_seeking=score >= self.min_score)


_RELATION_OR_TITLE = re.compile(r"(?:میری|میرا|میرے|मेरे|मेरी|मेरा|আমার|என்|ה?של[יו]|мой|моя|мій|μου|السيد|السيدة|"
                                r"الملك|الملكة|الامير|الاميرة|السلطان|الرئيس|الامام|"
                                r"اقای|خانم|श्री|श्रीमती|திரு|திருமதி|นาย|นาง|นางสาว|คุณ|"
                                r"اخي|اختي|صديقي|صديقتي|خواهرم|برادرم|دوستم|"
                                r"నా|శ్రీ|శ్రీమతి|ನನ್ನ|ಶ್ರೀ|ಶ್ರೀಮತಿ|എന്റെ|ശ്രീ|ശ്രീമതി|ਮੇਰੀ|ਮੇਰਾ|ਮੇਰੇ|ਸ੍ਰੀ|ਸ਼੍ਰੀ|ਸਰਦਾਰ|"
                                r"મારી|મારો|મારા|શ્રી|ჩემი|ბატონი|ქალბატონი|իմ|պարոն|տիկին|አቶ|ወይዘሮ|ወይዘሪት|"
                                r"እህቴ|ወንድሜ|እናቴ|አባቴ|ጓደኛዬ|ባለቤቴ)\s*(?:\S+\s*)?$")


_TITLE_BEFORE = re.compile(r"(?:السيد|السيدة|الملك|الملكة|الامير|الاميرة|السلطان|الرئيس|الامام|اقاي|خانم|श्री|श्रीमती|திரு|திருமதி|นาย|นาง|นางสาว|คุณ|శ్రీ|శ్రీమతి|ಶ್ರೀ|"
                           r"ಶ್ರೀಮತಿ|ശ്രീ|ശ്രീമതി|ਸ੍ਰੀ|ਸ਼੍ਰੀ|ਸਰਦਾਰ|શ્રી|ბატონი|ქალბატონი|պարոն|տիկին|አቶ|ወይዘሮ|ወይዘሪት)\s*$")


# Amharic prepositions written onto the word they govern (በ in/with, ከ from, ለ for): after another word of the
# script such a word continues a phrase (names may start with these letters too, "ከበደ", but not after a word
# of the phrase they would be part of)
_AMHARIC_PREPOSITIONS = frozenset("በከለ")


def _script_word_before(lower: str, start: int, script: str) -> bool:
    """Whether a word of ``script`` (any word) stands right before ``start``, one space apart."""
    return start >= 2 and lower[start - 1] == " " and script_of(lower[start - 2]) == script


def _run_continues(lower: str, start: int, script: str, lists: _Lists) -> bool:
    """Whether a word of ``script`` that is no common word runs right into ``start`` ("ಹಳೆಯ ಮನೆಯ ...")."""
    m = re.search(r"(\S+) $", lower[max(0, start - 40):start])
    if not m or script_of(m.group(1)[-1:] or " ") != script:
        return False
    word = _fold(m.group(1))
    return lists.kind(_base(word, script, lists), script) != "C" and not _BEFORE_WORD.fullmatch(word)


# Marks of a description rather than a name in a run (issue 16, round 9):
# * Cyrillic: a lower-case adjective form ("заснеженного", "старой") that no name list knows, before a
#   dictionary word ("леса"): "фотография заснеженного леса" is a snowy forest (surnames in "-ого/-ой" such
#   as "Толстого", "Ивановой" are listed or share a listed stem);
# * Tamil: the plural "-கள்" with its case endings ("பாத்திரங்களின்" of the vessels); a name is one person
#   (not "-மகள்", daughter, which ends many given names);
# * Gujarati: the plural "-ઓ" with its case endings ("સ્ત્રીઓનો" of the women; "-ો" before one: "મંદિરોની"), and a participle in
#   "-તી/-તો/-તા/-તાં/-તું" followed by the word it describes ("રમતી સ્ત્રીઓ" women playing); given names in
#   "-તા/-તી" ("સંગીતા", "ભારતી") open a run and surnames ("મહેતા") end it, so a participle is a word with
#   another word of the script after it that is not the first word of the run.
# (as the normaliser writes them: "й" -> "и", "ї" -> "і")
_CYRILLIC_ADJECTIVE = re.compile(r".{3,}(?:ого|его|ому|ему|ои|еи|ым|им|ых|их|ую|юю|ая|яя|ое|ее|ые|ие|ыи|ии|оі|іи|ього)$")
_TAMIL_PLURAL = re.compile("(?<!ம)கள(?:்|ின்|ை|ுடன்|ுக்கு|ில்|ும்|ிடம்|ால்|து|ின)$")
_GUJARATI_PLURAL = re.compile("(?:ઓ(?:નો|ની|ના|નું|ને|માં|એ)?|ો(?:નો|ની|ના|નું|ને|માં))$")
_GUJARATI_PARTICIPLE = re.compile(".{2,}(?:તી|તો|તા|તાં|તું)$")


# * Telugu, Kannada, Malayalam (round 10): a locative ("పొలంలో" in the field, "ಮನೆಯಲ್ಲಿ" at home) or a present
#   participle ("చేస్తున్న", "ಮಾಡುತ್ತಿರುವ", "ചിരിക്കുന്ന" doing, smiling) is no name word (Telugu "-లో" not after
#   a virama, which ends loanwords such as "పాబ్లో"; Malayalam's locative "-ിൽ" also ends names, "ഫാസിൽ").
_DRAVIDIAN_MARKER = {"telugu": re.compile(".{2,}(?:(?<!్)లో|తున్న|తూ)$"),
                     "kannada": re.compile(".{2,}(?:ಲ್ಲಿ|ತ್ತಿರುವ|ುತ್ತಾ)$"),
                     "malayalam": re.compile(".{2,}ുന്ന$"),
                     # Georgian (round 11): a word with a postposition ("თეფშზე" on the plate, "ბაღში" in the
                     # garden, "ზღვასთან" by the sea, "სახლიდან" from home) is a place or thing, never a name word
                     "georgian": re.compile(".{2,}(?:ზე|ში|თან|დან|კენ)$"),
                     # Sinhala (round 11): "-ේ" not after "ග" is the genitive or locative of a thing or place
                     # ("කොටුවේ" of the fort, "වෙරළේ" on the beach; people take "-ගේ": "X ජයසූරියගේ"), and
                     # "-යක/-යක්" is an indefinite noun ("විහාරයක" of a temple, "නගරයක" of a town)
                     "sinhala": re.compile(".{2,}(?:(?<!ග)ේ|යක|යක්)$")}


def _description_marker(lower: str, seq: list[_Tok], words: list[str], script: str, lists: _Lists) -> bool:
    """Whether the run is a description by its grammar (see above); listed name words never are."""
    if script not in ("cyrillic", "tamil", "gujarati", "telugu", "kannada", "malayalam", "georgian", "sinhala"):
        return False
    raw = [_fold(lower[s:e]) for _, s, e, _ in seq]
    named = [w in lists.first or w in lists.last or b in lists.first or b in lists.last for w, b in zip(raw, words)]
    marker = _DRAVIDIAN_MARKER.get(script)
    if marker is not None:
        return any(not n and marker.match(w) for w, n in zip(raw, named))
    if script == "cyrillic":
        nxt = [*raw[1:], (re.match(r" (\S+)", lower[seq[-1][2]:seq[-1][2] + 40]) or [None, ""])[1] or ""]
        return any(
            t[0][:1].islower() and not n and _CYRILLIC_ADJECTIVE.match(w) and not _stem_known(w, lists.first)
            and not _stem_known(w, lists.last) and _fold(after) in lists.words.get(script, frozenset())
            and _fold(after) not in lists.first and _fold(after) not in lists.last
            for t, w, n, after in zip(seq, raw, named, nxt))
    if script == "tamil":
        return any(not n and _TAMIL_PLURAL.search(w) for w, n in zip(raw, named))
    if any(not n and _GUJARATI_PLURAL.search(w) and len(w) > 2 for w, n in zip(raw, named)):
        return True
    follows = re.match(r" (\S+)", lower[seq[-1][2]:seq[-1][2] + 40])
    after_run = follows is not None and script_of(follows.group(1)[:1]) == script and not _BEFORE_WORD.fullmatch(
        _fold(follows.group(1)))
    return any(j > 0 and not n and _GUJARATI_PARTICIPLE.match(w) and (j < len(raw) - 1 or after_run)
               for j, (w, n) in enumerate(zip(raw, named)))


# Chinese measure words for things (a bowl, a plate, a cup of ...) and numerals: "一碗牛肉面" counts a thing;
# people are counted with 个/位/名, which are not here
_ZH_THING_MEASURE = frozenset("碗盘杯瓶壶罐块片条根颗粒份堆盒袋包串朵棵株座辆艘本幅盆锅桌")
_ZH_NUMERAL = frozenset("一二三四五六七八九十两几半")


def _zh_thing(chars: str, lists: _Lists) -> bool:
    """Whether the last three characters of ``chars`` (a Han run before 的+picture word) are a thing: after
    a modifier's 的 ("热腾腾的牛肉面": a described noun; a name after a description is rare in prompts), or a
    dictionary word in its first two characters ("牛肉" beef) after a numeral and a measure word for things."""
    before = chars[:-3]
    if before.endswith("的"):
        return True
    return (len(before) >= 2 and before[-1] in _ZH_THING_MEASURE and before[-2] in _ZH_NUMERAL
            and lists.kind(chars[-3:-1], "han") in ("C", "W"))


# round 37b: what ends a Japanese place or building named after a family (町 town, 駅 station, 寺 temple ...)
_JA_PLACE_ENDS = frozenset("町村市区駅寺県山川島橋通園院宮社城港邸家屋店堂館線丁谷沢坂浜")


def _ja_repeat_surname(chars: str, lists: _Lists) -> int | None:
    """Round 37b: for a Han run ending right before の/的 + a picture word, the length of a name made of a listed
    three-character surname holding the repeat mark 々 ("佐々木") and a one- or two-character given name that is
    no common word and no place suffix; 0 when such a surname is followed by a place suffix or a common word (a
    town or a thing, never a name); None when the run has no such surname."""
    if chars[-3:] in lists.last and chars[-2:-1] == "\u3005":
        return 0  # the surname alone ("佐々木の写真") names a family, not one person
    for given in (2, 1):
        if len(chars) < 3 + given:
            continue
        surname, name = chars[-3 - given:-given], chars[-given:]
        if surname[1] != "\u3005" or surname not in lists.last:
            continue
        if name[-1] in _JA_PLACE_ENDS or "\u3005" in name[:1] or (given == 2 and lists.kind(name, "han") == "C"):
            return 0
        return 3 + given
    return None


def _title_before(lower: str, start: int) -> bool:
    return bool(_TITLE_BEFORE.search(lower[max(0, start - 12):start].translate(_ARABIC_FOLD)))


def _relation_or_title(lower: str, start: int) -> bool:
    return bool(_RELATION_OR_TITLE.search(lower[max(0, start - 30):start].translate(_ARABIC_FOLD)))

