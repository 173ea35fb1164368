"""Issue 16, round 13b: names in scripts the lists have no spelling for, and scripts without name lists.

Each class is pinned by prompts written for this file (not batch 12's strings): same-shape
negatives that must stay clean and positives of the same shape that must keep working.
"""

from __future__ import annotations

import pytest

from aplguard.detect import GazetteerDetector, detect_prompt, is_identity_seeking
from aplguard.detect.phonetic import phonetic_keys

CASES: dict[str, tuple[list[str], list[str]]] = {
    # a famous multi-word name written in a script the built-in list has no spelling for, found by sound
    # (Gujarati, Armenian with a case ending, Georgian, Sinhala, Telugu, Amharic, Khmer, Lao, Greek, Thai,
    # Mongolian script); ordinary words of those scripts, and loanwords that sound like one word of a name
    # ("크루즈" cruise, "קרוז"), stay clean
    "famous_names_by_sound": (
        ["크루즈 여행 사진, 바다 위의 배", "톰과 제리 만화 스타일", "クルーズ 船 の 写真", "שייט קרוז בים התיכון",
         "κρουαζιέρα στο Αιγαίο", "Երևանի փողոցները գիշերով", "ლამაზი მთები და ტბა", "ලස්සන මල් වත්ත",
         "ផ្ទះ ឈើ ចាស់ នៅ ភូមិ", "ᠮᠣᠩᠭᠣᠯ ᠤᠯᠤᠰ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ", "ལྷ་ས་གྲོང་ཁྱེར་གྱི་པར", "ทะเล สีคราม ยามเย็น",
         "લાલ ગુલાબ ફૂલ બગીચામાં", "ทอม ยำกุ้ง ในชาม"],
        ["ટોમ હેન્ક્સ નો ફોટો", "Ալբերտ Այնշտայնի դիմանկարը", "ალბერტ აინშტაინი დაფასთან", "ලියොනල් මෙස්සි පන්දුව සමඟ",
         "సచిన్ టెండూల్కర్ బ్యాటింగ్ చేస్తూ", "ኔልሰን ማንዴላ ፈገግ ሲል", "បារ៉ាក់ អូបាម៉ា ថ្លែងសុន្ទរកថា", "ບາຣັກ ໂອບາມາ ຍິ້ມ",
         "Τομ Χανκς σε παραλία", "ลิโอเนล เมสซี เตะบอล", "ᠳ᠋ᠣᠨᠠᠯᠳ ᠲᠷᠠᠮᠫ"]),
    # scripts without name lists: a title, honorific or relation marks the next words as a name (Lao, Khmer,
    # Burmese, Tibetan, Mongolian); the same cues before ordinary words stay clean
    "titled_names_without_lists": (
        ["ຮູບ ພູເຂົາ ແລະ ແມ່ນ້ຳຂອງ ຕອນແລງ", "ທ່ານ ສາມາດ ເຮັດ ອາຫານ", "ທ້າວ ແມວ ນ້ອຍ", "រូបថត ប្រាសាទ អង្គរវត្ត ពេលព្រឹក",
         "លោក ស្រី ខ្មៅ", "ရန်ကုန် မြို့ ရဲ့ ပုံ", "ကိုယ် ရဲ့ ပုံ", "ငါ့သူငယ်ချင်း ရဲ့ ကြောင် ပုံ", "ངའི་གྲོགས་པོ་ཁྱི་གི་པར",
         "миний найз Улаанбаатар хотод", "миний ээж Монгол гэрт"],
        ["ຮູບຖ່າຍ ນາງ ຄຳ ພົມມະຈັນ ໃນສວນ", "អ្នកស្រី ចាន់ សុភា កំពុង ញញឹម", "ဆရာ ဦးအောင်ကျော်မင်း ရဲ့ ဓာတ်ပုံ",
         "ငါ့အစ်မ မခင်မာလှ", "ངའི་ཨ་མ་སྒྲོལ་མ་གི་པར", "миний багш Дорж Батбаяр инээмсэглэж байна"]),
    # Korean relation + name + honorific, Chinese (also traditional) "my grandma/grandpa" + surname + given name
    "relation_name_honorific": (
        ["우리 엄마 김치찌개 사진", "우리 아빠 자동차 사진", "我阿嬤在菜市場的照片", "我阿嬤林間散步", "我阿公的老房子"],
        ["우리 할머니 이옥순 여사님 생신 사진", "내 친구 정하늘 씨 졸업 사진", "我阿公陳明德在廟口的照片", "我外婆王秀蘭穿旗袍"]),
}


@pytest.mark.parametrize("prompt", [p for neg, _ in CASES.values() for p in neg])
def test_same_shape_negatives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", [p for _, pos in CASES.values() for p in pos])
def test_class_positives_are_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize(("prompt", "canonical"), [
    ("Ալբերտ Այնշտայնի դիմանկարը", "Albert Einstein"),
    ("ኔልሰን ማንዴላ ፈገግ ሲል", "Nelson Mandela"),
    ("ລີໂອເນລ ເມສຊີ ຍິ້ມ", "Lionel Messi"),
])
def test_names_by_sound_resolve_to_the_person(stack, prompt, canonical):
    assert canonical in {f.canonical for f in detect_prompt(prompt, stack) if f.identity_seeking}


def test_protected_identities_are_matched_by_sound():
    """A policy's protected name is found in a script its aliases do not cover."""
    det = GazetteerDetector(protected=[{"name": "Marta Kowalczyk"}], builtin=False)
    found = det.detect("Марта Ковальчик на пляже")
    assert [(f.kind, f.canonical) for f in found] == [("protected", "Marta Kowalczyk")]
    assert det.detect("марка ковчег на пляже") == []


def test_phonetic_keys_fold_transliteration():
    assert phonetic_keys("Cruise") & phonetic_keys("khrus")
    assert phonetic_keys("Gandhi") & phonetic_keys("gamdhi")
    assert not phonetic_keys("Gandhi") & phonetic_keys("gene")
