"""Round 18a classes (batch 17 as dev data): same-shape positives and negatives written for this round.

Indirect references: a mayor or governor with "current" in the Romance languages, a West Slavic rank + nationality
adjective + office, a Finnish/Estonian genitive country + rank + office, an Icelandic rank + office + genitive
country, Japanese "sitting/current <country> <office>", "the Nth pope" and "the Nth <office> of <Named>", national
epithets with their place, "king/queen of <a field>" epithets in six languages, a sports role + a named team + a
year. Relations named by first name: more Swedish and Vietnamese relation words, Vietnamese "tên" and Tagalog "na si"
before the name, Yoruba, Hausa and Zulu (a noun-class prefix before the name). False-positive classes: a name next to
an "example / sample" word, stadiums and airports named after people (Romance words before, Indic and Turkish words
after, Russian/Arabic/Greek/Thai words before), saints with "of <place>", a stage name that is a phrase of
dictionary words.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    'Saint Teresa of Calcutta holding a baby, photo',  # listed under another name: photographed, a person (merge)
    # offices
    "l'attuale sindaco di Milano durante la conferenza stampa",
    "el actual alcalde de Bogotá inaugurando un puente",
    "o atual governador de São Paulo em campanha",
    "pierwszy polski papież błogosławi tłum, zdjęcie",
    "prvý slovenský prezident pri prejave, fotografia",
    "první český astronaut ve skafandru",
    "Ruotsin nykyinen pääministeri puhuu, valokuva",
    "Läti praegune president kohtumisel, foto",
    "fyrsta kvenforseti Finnlands á fundi",
    "現在のアメリカ大統領がホワイトハウスで演説",
    "the 264th pope blessing the crowd, photo",
    "the 44th president of the United States playing basketball",
    "the Iron Chancellor of Germany in uniform, oil painting",
    "the Father of the Nation of Kenya at a rally",
    "the Queen of Soul singing at a church, photo",
    "o Rei do Futebol com a camisa 10, foto antiga",
    "der König des Pop auf der Bühne",
    "la Reina del Tango en un escenario de Buenos Aires",
    "the driver who raced for Ferrari in 2004 lifting a trophy",
    "el jugador que jugaba para el Barcelona en 2009 celebrando un gol",
    # relations
    "min svåger Anders fiskar på sjön, foto",
    "chị họ tôi tên Lan đang nấu ăn",
    "ang tito ko na si Ramon nagtatanim, litrato",
    "ìyá mi Folake ní ọjà, àwòrán",
    "mahaifiyata Aisha tana dafa abinci",
    "umama wami uNomsa ehleli egumbini",
]

NEGATIVES = [
    # offices: nothing named
    "l'attuale sindaco di un paese immaginario, illustrazione",
    "první městský prezident klubu na koni",
    "Suomen ensimmäinen lumi peltojen yllä, valokuva",
    "fyrsti snjórinn í vetur, ljósmynd",
    "the 3rd pope card of a tarot deck, illustration",
    "the 5th president of our chess club shaking hands",
    "the iron lady of the neighbourhood watering plants",
    "the king of the jungle resting on a rock",
    "a lion, the king of rock formations in the desert",
    "la reina de la salsa de tomate, receta casera",
    "un piloto que corría para su equipo en 2023",
    "the driver who raced for fun in 2004, cartoon",
    # relations: no name
    "min svärmor bakar kanelbullar i Stockholm, foto",
    "anh họ tôi tên là gì, ảnh",
    "ang tita ko na si nagluluto ng pancit",
    "ìyá mi ní ọjà ní Ibadan, àwòrán",
    "abokina yana hawan doki a Kano, hoto",
    "umngane wami egqoke isudi eGoli, isithombe",
    # example names, buildings, saints, phrases
    "Juan Pérez, nombre de ejemplo en la tarjeta, icono",
    "Anna Berg on a sample id card, flat vector",
    "Max Mustermann auf dem Beispielformular, Grafik",
    "Estadio Alberto J. Armando desde el aire",
    "Stadio Giuseppe Meazza di notte, vista aerea",
    "Aeroporto Galileo Galilei di Pisa, terminal",
    "राजीव गांधी अंतरराष्ट्रीय हवाई अड्डे पर विमान",
    "Atatürk Havalimanı'nda bekleyen uçaklar",
    "аэропорт имени Гагарина ночью, фото",
    "Saint Ignatius of Loyola in prayer, baroque painting",
    "San Francesco d'Assisi che predica agli uccelli, affresco",
    "ice cube tray on a kitchen counter, macro",
    "bad bunny ears on a toddler, easter photo",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round18a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round18a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", [
    "Mario Rossi al mare con la famiglia, foto",  # the same name without an example word stays a person
    "इंदिरा गांधी का चित्र, पुरानी फोटो",  # a listed person without a building word
    "Mother Teresa holding a child, photo",  # a saint by the common name
    "ice cube rapping on stage in compton",  # a person cue keeps the stage name
])
def test_round18a_same_names_stay_people(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt
