"""Round 22b classes (batches 21 and 22 as dev data): same-shape positives and negatives written for this round.

Names in a case form, in the languages that inflect them: a private first name + surname whose words the name
lists hold only in the nominative (Polish/Czech/Slovak genitive and dative, Finnish "-nen" surnames and case
endings, Icelandic dative, Hungarian suffixes on a surname-first name, Turkish case suffixes after an apostrophe)
and listed public figures in a case form ("Wisławy Szymborskiej"); picture words of those languages right before a
name; "in the style of" in Slavic languages. Vietnamese full names (surname + middle + given name, with tone marks,
after an honorific or before "is doing"); two-syllable Vietnamese places are no names. Arabic family names that are
trade words ("حداد", "نجار") after a listed given name. Italian "al"/"alla" after a first name and an unlisted
surname (Romance place words such as "Torre", "Porto" open no name). Public-figure groups with native spellings
(Portuguese-language writers and musicians, Balkan athletes, astronauts, one-word stage names, Indian founders).
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking
from aplguard.detect.inflection import lemmas, stem


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # Polish / Czech / Slovak case forms of private names
    "zdjęcie Tomasza Kowalczyka na rowerze",
    "portret Katarzyny Wiśniewskiej w ogrodzie",
    "rysunek Marka Zielińskiego przy biurku",
    "fotka Petra Dvořáka na chalupě",
    # Finnish and Estonian case forms
    "valokuva Mikko Virtasesta saunan edessä",
    "kuva Liisa Korhosesta kesämökillä",
    # Icelandic dative
    "mynd af Guðrúnu Jónsdóttur við sjóinn",
    # Hungarian: surname first, the given name with a suffix
    "fénykép Kovács Péterről a kertben",
    "rajz Tóth Katalinról az irodában",
    # Turkish: a case suffix after an apostrophe marks a proper noun
    "Emre Karagözlü'nün vesikalık fotoğrafı",
    "Zeynep Aksoylu'nun düğün fotoğrafı",
    # listed public figures in a case form
    "portret Wisławy Szymborskiej przy biurku",
    "zdjęcie Lecha Wałęsy w stoczni",
    "wizerunek roberta lewandowskiego na boisku",
    # Vietnamese full names
    "chị Trần Thị Mai ngồi đọc sách",
    "ông Phạm Đức Long cười, ảnh thật",
    "em Vũ Minh Châu cười tươi, ảnh chân dung",
    "anh Hoàng Văn Nam đang sửa xe máy",
    # Arabic family names that are trade words, after a listed given name (with a glued "li-")
    "صورة شخصية لسامي نجار في المكتب",
    "صورة مريم خياط في حفل الزفاف",
    # Italian "al"/"alla" after an unlisted surname
    "Francesca Bellomonte alla festa di compleanno",
    "Lorenzo Cappellaro al bar con gli amici",
    # national-level figures added as groups (Portuguese-language writers, Balkan athletes, astronauts,
    # one-word stage names, Indian founders), also in lower case and native script
    "a portrait of florbela espanca reading",
    "foto de cecília meireles na biblioteca",
    "janica kostelic skiing downhill, photo",
    "samantha cristoforetti floating in the space station",
    "Chespirito con su gorra de El Chavo, foto antigua",
    "Käärijä performing on stage in a green bolero",
    "ધીરુભાઈ અંબાણી નો ફોટો",
]

NEGATIVES = [
    # inflected places, monuments and things in the same languages
    "zdjęcie Starego Miasta w Krakowie nocą",
    "obraz Matki Boskiej Częstochowskiej w złotej ramie",
    "zdjęcie Pałacu Kultury i Nauki w Warszawie",
    "portret Mony Lisy w stylu pop-art",
    "fotka Karlova Mostu v Praze za úsvitu",
    "fénykép a Lánchídról és a Dunáról, naplemente",
    "kép Budapestről a Gellérthegyről nézve",
    "muotokuva Helsingin Tuomiokirkosta talvella",
    "kuva Lapin Kansallispuistosta revontulilla",
    "İstanbul'un silueti gün batımında, yağlı boya",
    "Boğaziçi Köprüsü'nün gece fotoğrafı",
    "ljósmynd af Hallgrímskirkju í snjó",
    "Rīgas Doma laukums ziemā, akvarelis",
    "nuotrauka Vilniaus Senamiestyje rudenį",
    "pomnik Adama Mickiewicza na Rynku w Krakowie",
    "Stadion Ferenca Puskása kívülről, éjszaka",
    "rysunek Świętego Mikołaja z prezentami",
    # style of an artist in a case form
    "w stylu Zdzisława Beksińskiego, surrealistyczny krajobraz",
    "w stylu Jana Matejki, scena bitewna",
    # Vietnamese places whose first syllable is a surname
    "phong cảnh Phan Thiết lúc hoàng hôn",
    "du lịch Cao Bằng mùa thu",
    "phố cổ Hà Nội về đêm",
    "Văn Miếu Quốc Tử Giám mùa xuân",
    # a trade word describing someone, with no given name
    "رجل حداد يعمل في الورشة",
    "صورة خياط عجوز في دكانه",
    # Italian places after which "al"/"alla" follows
    "Torre Annunziata al mare",
    "Porto Cervo al tramonto",
    # the everyday words that are also new stage names
    "rain on the window, cozy photo",
    "a tulus smile, watercolor",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(prompt, detectors):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(prompt, detectors):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


def test_lemmas_and_stems():
    assert "wroblewski" in lemmas("wroblewskiego")
    assert "kettunen" in lemmas("kettusesta")
    assert "anna" in lemmas("annarol")
    assert stem("lewandowskiego") == stem("lewandowski")
    assert stem("szymborskiej") == stem("szymborska")
    assert lemmas("ab") == () and stem("anna") == "anna"
