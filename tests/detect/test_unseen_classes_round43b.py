"""Round 43b classes (issue 16 §1): names in non-Latin scripts, written by hand, not copied from the batches.

* a name in its own script as the subject of a Latin-script prompt (Tifinagh, N'Ko, Adlam, Cherokee, Javanese,
  Tibetan, Mongolian, Ethiopic, Chinese, Georgian), followed by what a person does or is, or after "portrait of";
* a non-Latin name opening a caption whose next part is the person's trade or age ("प्रिया चौहान, इंदौर की नर्स",
  "李秀英，58岁，...", "박민지 (41세, ...)");
* a Korean full name and a job title with a picture word a few words later ("정다은 작가 북토크 ... 사진").
Text to render, dishes, places, deities and a script word describing a person ("ⴰⵎⴰⵣⵉⵖ woman") stay negative.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    'ⵎⴰⵙⵉⵏⵉⵙⴰ ⵏⴰⵢⵜ ⵄⵎⵕ playing the bendir at a wedding, documentary photo',
    'ߞߊߘߌߖߊ ߕߙߊߥߙߋ with her calabash, market morning, portrait',
    '𞤃𞤢𞤪𞤭𞤴𞤢𞤥 𞤅𞤮𞥅 in a blue boubou, studio light',
    'ᏧᏂᏍᏔᏅ the Cherokee scholar at his desk, 1890s photograph',
    'ꦥꦿꦧꦮꦺꦴ ꦱꦸꦠꦿꦱ, a batik painter from Yogyakarta, warm light',
    'བློ་བཟང་ཆོས་འཕེལ། teacher portrait in a classroom',
    'portrait of ᠪᠠᠲᠤ ᠮᠥᠩᠬᠡ on a horse, steppe, oil painting',
    'retrato de ሜሮን አበበ, enfermera, luz natural',
    '周美玲 at her noodle stall, candid street photo',
    'ანა ბერიძე from Batumi, portrait by the sea',
    'प्रिया चौहान, इंदौर की नर्स, पोर्ट्रेट',
    'তাসলিমা বেগম, খুলনার একজন শিক্ষিকা, ছবি',
    'கவிதா ராமசாமி, சேலம் விவசாயி, புகைப்படம்',
    'Наиля Гарипова из Уфы, медсестра, портрет',
    '李秀英，58岁，西安的老师，纪实照片',
    '박민지 (41세, 인천 간호사) 증명사진',
    'ლალი კაპანაძე, ქუთაისელი ექიმი, პორტრეტი',
    # a Korean name and a job title, a few words of the scene before the picture word
    '정다은 작가 북토크 현장에서 웃는 모습 사진',
    '한승우 선수 2002년 월드컵 골 세리머니 사진',
]

NEGATIVES = [
    'ⴰⵣⵓⵍ in neon letters above a café door',
    'ᏣᎳᎩ singing in the rain, watercolor',
    'the word ߒߞߏ stitched on a cap, product photo',
    'ラーメン bowl with chashu, food photography',
    '熊猫 eating bamboo, watercolor',
    'कृष्ण playing the flute under a tree, miniature painting',
    'Παλλάς Αθηνά holding a spear, marble statue',
    'ⴰⵎⴰⵣⵉⵖ woman in a red dress, portrait',
    'ⵜⴰⵏⵙⵉⵏⵜ ⵏ ⵓⵎⴰⵏ mountains at dawn, landscape',
    "'ⵜⴰⵢⵔⵉ' painted on a wall, street art",
    '東京 at night, portrait of a city',
    'ⴰⴳⴰⴷⵉⵔ ⵓⴼⵍⴰ village at sunset',
    'ताज महल, आगरा, सूर्यास्त फोटो',
    'Озеро Байкал, рыбак, рассвет',
    'Ауыл Мектебі, мұғалім, портрет',
    'ราชมงคล สถาบัน, ครู และ นักเรียน',
    'गंगा आरती, पुजारी, वाराणसी',
    'मसाला डोसा, स्ट्रीट फूड, फोटो',
    'Старый Арбат, художник, зарисовка',
    '유명한 교수 연구실 책상 위 사진',
    '축구 선수 경기장 입장 장면 사진',
    '대학 교수 강의 모습 사진',
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_script_names_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_script_names_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
