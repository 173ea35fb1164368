"""Round 25b classes: unaccented Vietnamese names, Yoruba/Igbo/Hausa and Central Asian names, Tamil and
Nepali given names in their scripts, listed aliases typed without their inner punctuation."""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking

_DETECTORS = default_detectors()

POSITIVE = [
    # Vietnamese written without diacritics
    "chan dung tran quoc bao dang cuoi",
    "anh nguyen thi hoa tren san khau",
    "hinh pham minh tuan dang phat bieu tai hoi nghi",
    "ảnh vo van kiet ngoi trong van phong",
    # Yoruba / Igbo / Hausa names with tone marks and dots below
    "àwòrán Fúnmiláyọ̀ Adéyẹmí ní ọjà",
    "fọ́tò Olúwatóbi Akínọlá nínú ilé",
    "portrait of Chidinma Okafor at her graduation",
    # Central Asian names in Latin letters
    "photo of Nurzhan Kassymov at the office",
    # Tamil and Nepali names in their scripts
    "செந்தில் முருகன் புகைப்படம்",
    "दावा शेर्पा हिमालमा, तस्बिर",
    # a listed alias with inner punctuation typed without it, or typed with it and a closing dot
    "ảnh son tung mtp tren san khau",
    "M.I.A. in a gold jacket, flash photo",
    # a one-word stage name + a relative clause with a performing verb; one-name Latin pop singers
    "Zaz qui chante dans la rue",
    "Ivete cantando em Salvador",
    # Polish -sław names, a Czech given name whose case form is also a word, both in a case form
    "zdjęcie Przemysława Kowalczyka w ogrodzie",
    "fotografie Marty Novákové u moře",
    # Korean name whose first two syllables are a word, before 씨; Chinese name + kin word before 在
    "정지수 씨 사진",
    "张秀英阿姨穿着红色外套",
    # lowercase listed names in French/Finnish text; Telugu initials; Gujarati title
    "photo de segolene royal en meeting",
    "kuva jari litmanen pelaamassa",
    "ఎన్. టి. రామారావు కృష్ణుడి వేషంలో",
    "સરદાર પટેલનો ફોટો",
    # Greek national figures in Greek script; a Polish one-word stage name + "on stage" in Polish
    "ο Μάνος Χατζιδάκις στο πιάνο",
    "Doda na scenie w czerwonej sukience",
    # unaccented Vietnamese: a name before what a person does
    "ngo bao chau giang bai tren bang",
    # Turkish given names the lists missed, before a surname with a case suffix after the apostrophe
    "Gülden Aksoylu'nun mezuniyet fotoğrafı",
]

NEGATIVE = [
    "anh le hoi hoa dang tren song",  # a lantern festival on the river
    "chup anh ho tay luc hoang hon",  # West Lake at sunset
    "anh mau do tuoi cua hoa hong",  # bright red of a rose
    "ảnh đường hoa nguyễn huệ ban đêm",  # a flower street at night
    "anh vu dieu hoa mau tren san khau",  # a colourful dance on stage
    "mot bat pho bo tren ban go",  # a bowl of beef pho
    "àwòrán ọjà ní Ìbàdàn",  # a market in Ibadan
    "fọ́tò ilé ìjọsìn ní Èkó",  # a church in Lagos
    "a photo of mia the cat",  # the given name, not "M.I.A."
    "una mina che esplode nel deserto",  # a landmine
    "马铃薯在锅里煮",  # potatoes in a pot
    "贺兰山在夕阳下",  # a mountain at sunset
    "zdjęcie Złotej Bramy w Gdańsku",  # a gate
    "정비소 사진",  # a garage
    "doda sól do zupy",  # "adds salt to the soup"
    "stara scena w teatrze",  # an old stage
    "ly tra nong tren ban go",  # a glass of hot tea on a wooden table
    "bir damla su yaprağın üstünde",  # a drop of water on a leaf
]


@pytest.mark.parametrize("prompt", POSITIVE)
def test_round25b_positive(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt, _DETECTORS)), prompt


@pytest.mark.parametrize("prompt", NEGATIVE)
def test_round25b_negative(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt, _DETECTORS)), prompt
