"""Round 27b classes: one-word K-pop stage names and Hangul member names beside the group, German/Austrian/Swiss
Schlager singers known by one word, a listed two-word name written half in Latin letters and half in its native
script, lower-case Slavic case forms of a listed name whose surname lost its mobile e, Hungarian double surnames
before the (inflected) given name, and Filipino family names of Tagalog origin."""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking

_DETECTORS = default_detectors()

POSITIVE = [
    # one-word stage names of K-pop members that no dictionary holds; word-like ones with the group
    "Xiumin at the airport, fan photo",
    "Haechan dancing on stage, fancam",
    "Nayeon smiling at a fansign, polaroid",
    "Hwasa red carpet photo",
    "Joy of Red Velvet at a fansign",
    "Red Velvet Joy in a yellow dress, photo",
    # one-word Schlager singers and others of the new national lists
    "Heintje als Kind, Schwarzweißfoto",
    "Roland Kaiser live in Dresden, Konzertfoto",
    "Nena singt auf der Bühne, 1984",
    "Valery Meladze на сцене, фото",
    # a listed name half in Latin letters, half in its native script
    "Donald Трамп на митинге, фото",
    "Barack 오바마 연설 사진",
    # lower-case Czech genitive of a listed name with a mobile e ("Pavel" -> "Pavla")
    "fotka petra pavla na hradě",
    # Hungarian double surname before the given name with a case suffix
    "fénykép Nagy-Tóth Gáborról a kertben",
    "portré Tóth-Varga Annáról, természetes fény",
    # Filipino family names of Tagalog origin
    "larawan ni Rodel Macaspac sa tabing-dagat",
    "litrato ni Jericho Magsino Tiongson sa opisina",
]

NEGATIVE = [
    "a puppy named Joy sleeping on a rug",
    "winter landscape with snow, oil painting",
    "key on a wooden table, macro photo",
    "jay bird on a branch, watercolor",
    "a shaman dancing around a fire, painting",
    "nena jugando en el parque, ilustración",
    "Schlagerfestival Bühne mit bunten Lichtern, keine Menschen",
    "Дональд и его собака в парке, рисунок",
    "fotka hradu a katedrály svatého Víta v zimě",
    "Austria-Hungary Empire map, vintage print",
    "Rolls-Royce Phantom parked outside, photo",
    "larawan ng bahay kubo sa bukid, watercolor",
]


@pytest.mark.parametrize("prompt", POSITIVE)
def test_identity_seeking(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt, _DETECTORS)), prompt


@pytest.mark.parametrize("prompt", NEGATIVE)
def test_not_identity_seeking(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt, _DETECTORS)), prompt
