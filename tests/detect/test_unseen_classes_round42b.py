"""Round 42b classes (issue 16): names in non-Latin scripts, written by hand, not copied from the batches.

* famous Latin-American and European names written by sound in Cyrillic, Greek, Tamil, katakana, Persian and
  Baybayin: a Spanish "j" said "h"/"kh", a Slavic or German "j" written "y" (Ян, ヤン, Юрген), Greek "χ" for "j",
  Tamil "ச" said "s", Persian "وا" as "va", one-consonant words inside a three-word name ("Рауль");
* Indic initials before a surname with a picture word two words on or an English act; Gujarati, Georgian and
  Sinhala acts and postures after a name; Urdu "headshot" and Persian-letter spellings of listed names; a Slavic
  picture word and an occupation in the genitive before a name;
* Burmese honorific names after a portrait word; a Thai relation "named X"; katakana full names with a title;
  Cyrillic church and royal titles before a listed given name; a name in a script without name lists as the
  subject of an English or Malay prompt.
Places named after people (Burmese place words written onto the name, Slavic squares and streets), deities, pets,
brands and ordinary phrases stay negative.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # by sound
    "Χαβιέ Μπαρδέμ στο κόκκινο χαλί",
    "Юрген Клопп на бровке",
    "Ян Облак в воротах",
    "ᜋᜈᜒ ᜉᜃ᜔ᜌᜂ portrait, boxing gloves",
    # Indic initials
    "ஆர். கே. நாராயணன் writing at his desk",
    "बा. भ. बोरकर यांचे जुने छायाचित्र",
    # cues of the scripts
    "નરસિંહ મહેતાનું પોર્ટ્રેટ",
    "عمران حیدر کی ہیڈ شاٹ",
    "فوٹو: محمد فیصل قریشی کی تصویر",
    "фота паэта Янкі Купалы",
    "ဓာတ်ပုံ ဦးကျော်ဇင်",
    "รูปน้องสาวของผมชื่อแพรว ยิ้มในสวน",
    "マルコ・ロッシ監督の記者会見",
    "Митрополит Онуфрий на литургии",
    "Кнез Михаило на коњу",
    # no-list scripts in English prompts
    "photo of ສົມສັກ ວົງໄຊ giving a speech",
    "ကိုအောင်မြင့် singing karaoke",
    "portrait of ཚེ་རིང་དོན་གྲུབ smiling",
]

NEGATIVES = [
    "площадь Льва Толстого в Москве ночью",
    "улица Патријарха Павла у Београду",
    "ဗိုလ်ချုပ်အောင်ဆန်းလမ်း at night",
    "ဘုရား smiling statue, gold",
    "ព្រះពុទ្ធ smiling in stone",
    "ລາວ singing in the rain",
    "แมวของฉันชื่อส้ม นอนบนโซฟา",
    "ร้านของฉันชื่อบ้านสวน ตอนกลางคืน",
    "ルイ・ヴィトンのバッグ",
    "シャーロック・ホームズの帽子",
    "ए. सी. कमरा, फोटो",
    "портрет старого рыбака у моря",
    "עץ זית ליד הבית",
    "کتاب خانہ کی تصویر",
    "ძაღლი ზის სახლთან, ფოტო",
    "બિલાડી બેઠેલી, ફોટો",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_script_names_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_script_names_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
