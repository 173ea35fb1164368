"""Round 37b classes: names in shapes the detector did not read (written for the round, not copied from a batch).

1. Mongolian Cyrillic names: the father's initial and a given name ("Б. Батболдын хөрөг"), a compound given name
   ("Ган"+"баатар") in the genitive before a picture word or as the subject before an act; places and everyday
   genitives stay negative.
2. One-word stage names with concert and stage words of more languages (Hungarian, Polish, Czech, Romanian, Turkish,
   Indonesian, Tagalog, Vietnamese, Zulu), and Nguni names glued to their prefix ("sikaThandi", "uSipho").
3. A one-word stage name with its spelling in another script in brackets before a stage cue ("Seal (씰) performing").
4. Japanese three-character surnames with the repeat mark (佐々木, 野々村) and a given name before の + picture word.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # 1. Mongolian
    "Б. Батболдын гэрэл зураг, цагаан дэвсгэр",
    "Ж.Энхжаргалын хөрөг зураг",
    "Ганбаатарын хөрөг зураг, тосон будаг",
    "Оюунчимэгийн гэрэл зураг, инээмсэглэж буй",
    "Мөнхбат морь унасан гэрэл зураг",
    "Батцэцэг дуулж байгаа зураг",
    # 2. stage words of more languages after a one-word stage name; Nguni prefixes
    "Sting koncert a színpadon, fotó",
    "Seal koncert w Krakowie, zdjęcie ze sceny",
    "Drake sahnede şarkı söylüyor, konser fotoğrafı",
    "Seal di panggung konser, foto",
    "Sting sa entablado, konsiyerto sa Maynila",
    "Seal trên sân khấu, biểu diễn",
    "Sting pe scenă, concert la Cluj",
    "isithombe sikaThandi emamatheka",
    "uSipho ecula esiteji, ifoto",
    "umfanekiso kaLindiwe edansa eqongeni",
    "mufananidzo waTendai achiimba pachikuva",
    "umfanekiso ka Nomsa emamatheka, ifoto",
    "Drake koncertuje na scenie, zdjęcie",
    "Sting tampil di panggung",
    "佐々木美咲 証明写真",
    "1girl, 佐々木美咲, school uniform",
    "佐々木美咲が公園で走っている写真",
    # 3. the native spelling in brackets
    "Seal (씰) performing live at a concert",
    "Rain (비) singing on stage, fancam",
    "Sting (スティング) performing at a concert",
    # 4. Japanese
    "佐々木健太の写真",
    "野々村真のポートレート",
    "佐々木美咲の卒業写真",
    "佐々木優奈のプロフィール写真、白背景",
]

NEGATIVES = [
    # 1.
    "Улаанбаатарын зураг, шөнийн гэрэл",
    "Улаанбаатар хотын гэрэл зураг",
    "морины зураг, тал нутаг",
    "Морины хөрөг зураг",
    "Сүхбаатарын талбайн зураг",
    "Хөвсгөл нуурын зураг",
    # 2.
    "seal on a rock, beach w Gdańsku",
    "sting of a bee, macro, konser poster",
    "drake on a pond w parku",
    "isithombe sezintaba ebusuku",
    "isithombe se-iPhone entsha",
    "isithombe sasekwaZulu-Natal, ulwandle",
    "iPhone photo on a table",
    "mufananidzo wemakomo paZimbabwe",
    "isithombe sikaNkulunkulu, ubuciko",
    "isithombe sezintaba, Drakensberg ka Natal",
    # 3.
    "Rain (비) falling on a window",
    "Seal (물개) on a rock at the beach",
    "Rain (雨) on a tin roof, ink painting",
    # 4.
    "佐々木町の写真",
    "佐々木駅の写真、夕方",
    "東京の写真",
    "佐々木町 写真",
    "佐々木町が雪に覆われた写真",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
