"""Round 42c classes (issue 16): Latin-script names, written by hand, not copied from the batches.

* an unlisted one-word stage name opening a performance prompt: a performing verb, a preposition then a stage or
  concert, a performer's role glued or in apposition, a place's title for a performer ("X, Manila's Nightingale");
  a listed "~~" stage name with a concert, an instrument, a South Slavic stage or a Romance or Indonesian
  performing verb after it;
* relations in Samoan and Maori (a personal article before the name), Estonian nephews and nieces, the Yoruba
  word for a brother;
* Pacific, Bhutanese and Bangladeshi names in Latin letters; Hungarian compound picture words after a surname-first
  name; Icelandic patronymics of a genitive in "-ar"; a Hungarian double surname in a short prompt; "Bildnis von";
Negatives: places, brands, festivals and instruments opening a prompt, nouns a word modifies, figures of myth in
apposition, a lower-case word before a time of day.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # unlisted one-word stage names
    "Zelvoria rapping at a festival, smoke, red lights",
    "Kavrelo DJing at a beach festival, crowd, confetti",
    "Murenka na sceni vo Skopje, spotlight",
    "Tavorin in a leather jacket on stage, concert photo",
    "Quenby, Manila's Nightingale, at her farewell concert",
    "Brassica the OPM rocker with a mic stand, 1990s gig",
    "Drelko raper na koncercie w Krakowie",
    "Lunetta G. belting a ballad on stage, spotlight",
    "Marisol T. cantando en el Teatro Metropólitan, concierto, foto",
    # relations
    "lo'u tuafafine o Malia o lo'o siva, ata",
    "taku tuahine a Aroha e waiata ana, whakaahua",
    "minu õepoeg Kaspar jalgpalli mängimas",
    "aworan arakunrin mi Femi ni ibi ayeye",
    # names in Latin letters of other traditions
    "portrait of Sione Fifita Taumalolo carving a canoe, Tonga",
    "photo of Sonam Wangchuk Dorji herding yaks, Bhutan",
    "headshot of Nasrin Akhter Sultana, teacher in Sylhet",
    "Nagy Réka esküvői fotója a kertben",
    "ljósmynd af Gunnari Þórðarsyni við bátinn",
    "kép Nagy-Tóth Gáborról a Dunánál",
    "Bildnis von Gerlinde Strohmaier, Gärtnerin, im Gewächshaus",
]

NEGATIVES = [
    "Sunburn festival crowd at night, lasers",
    "Berlin concert in the rain, crowd",
    "Steinway at a grand piano showroom",
    "Wembley arena concert crowd, drone shot",
    "Rock singer on stage, concert photo",
    "Opera singer at a grand piano, oil painting",
    "Kaelith dancing at a festival, fantasy art",
    "Lucia singing on stage at the school recital",
    "Marco performing on stage, concert photo",
    "Pikachu singing on stage, anime style",
    "Thomas the tank engine at the station",
    "Thalia, the muse of comedy, on a greek vase",
    "Iris the goddess of the rainbow, fresco",
    "palmy afternoon in a seaside garden",
    "halcyon days at the lake, film photo",
    "mi abuela en la cocina con una olla",
    "taku whare i te taha o te moana",
    "Nagy Réka utca tájképe",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_latin_names_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_latin_names_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
