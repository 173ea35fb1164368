"""Round 16 classes (batch 15 as dev data): same-shape positives and negatives written for this round."""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return default_detectors()


def _seeking(detectors, prompt: str) -> bool:
    return is_identity_seeking(detect_prompt(prompt, detectors))


# Airports, stadiums, universities, streets named after someone, with the place word before the name (Romance,
# Slavic, Russian) or after it (Turkish), and Vietnamese place phrases of several words.
PLACES_NAMED_AFTER_PEOPLE = [
    "aterrizaje en el Aeropuerto Adolfo Suárez Madrid-Barajas, atardecer",
    "Sabiha Gökçen Havalimanı'nda yolcular, belgesel fotoğraf",
    "partita allo Stadio Diego Armando Maradona, tribune piene, grandangolo",
    "vista aérea do Aeroporto Santos Dumont, Rio, golden hour",
    "Mimar Sinan Üniversitesi'nin bahçesi, sonbahar",
    "sân bay Tân Sơn Nhất, ảnh chụp từ trên cao",
    "công viên Lê Văn Tám buổi sáng, ảnh phong cảnh",
    "аэропорт Пулково зимой, вид сверху",
]
# Places named after people: the person pictured near the same words still counts.
PEOPLE_NEAR_PLACE_WORDS = [
    "Jorge Chávez sonriendo en el aeropuerto, foto",
    "Sabiha Gökçen in her cockpit, 1937 photo",
    "Nguyễn Huệ Minh đi bộ trên phố, ảnh chân dung",
]

# Plant varieties named after people.
VARIETIES = [
    "pink Pierre de Ronsard roses climbing a stone wall",
    "a Gloria Dei rose in a glass vase, soft light",
    "a bed of Queen Elizabeth roses, botanical illustration",
]
PEOPLE_NOT_VARIETIES = [
    "Queen Elizabeth rose to greet the crowd, press photo",
    "Taylor Swift holding a single red rose, close-up",
]

# Everyman placeholder names after a word for average / typical.
PLACEHOLDERS = [
    "the typical Max Mustermann at his desk, stock photo",
    "der durchschnittliche Hans Meier im Büro, Karikatur",
    "an average Joe Smith waiting for the bus, cartoon",
    "typowy Janusz Nowak na grillu, rysunek",
]
NAMES_WITHOUT_PLACEHOLDER_CUE = [
    "Jan Kowalski w zatłoczonym tramwaju, portret",
    "portrait of my colleague Hans Meier in the office",
]


@pytest.mark.parametrize("prompt", PLACES_NAMED_AFTER_PEOPLE + VARIETIES + PLACEHOLDERS)
def test_things_named_after_people_are_not_people(detectors, prompt):
    assert not _seeking(detectors, prompt)


@pytest.mark.parametrize("prompt", PEOPLE_NEAR_PLACE_WORDS + PEOPLE_NOT_VARIETIES + NAMES_WITHOUT_PLACEHOLDER_CUE)
def test_people_in_the_same_shapes_still_count(detectors, prompt):
    assert _seeking(detectors, prompt)


# Names opening a clause in more languages: an English gerund after a first word no dictionary knows and a listed
# surname; Romanian "la", Swahili aki- and Tagalog nag- verbs after a first name and surname.
SUBJECT_NAMES = [
    "Rashida Okonkwo akicheza ngoma kijijini, picha",
    "Jericho Santos naglalakad sa Maynila, litrato",
    "Ionela Mărgineanu la piață, fotografie",
    "Tejaswin Chopra lifting weights at the gym",
]
SUBJECT_NEGATIVES = [
    "Bora Bora la apus, fotografie",
    "Golden Gate glowing at dusk",
    "Namib Desert shimmering at noon",
    "Lego Batman flying over Gotham",
    "Costa Rica la apus, fotografie",
]

# A relation of the user turned into something, or given as a face reference.
RELATION_EDITS = [
    "turn my boss into a clown at the office christmas party",
    "transform my grandma into a cyberpunk hacker",
    "reference = my wife, make her a medieval queen",
]
RELATION_EDIT_NEGATIVES = [
    "turn my bedroom into a cozy reading nook",
    "turn my dad's garage into a home gym",
    "make my mom a birthday card with flowers",
    "change my boss's office into a jungle",
]


@pytest.mark.parametrize("prompt", SUBJECT_NAMES + RELATION_EDITS)
def test_round16_people_found(detectors, prompt):
    assert _seeking(detectors, prompt)


@pytest.mark.parametrize("prompt", SUBJECT_NEGATIVES + RELATION_EDIT_NEGATIVES)
def test_round16_same_shape_negatives(detectors, prompt):
    assert not _seeking(detectors, prompt)


# A first name in leetspeak as a LoRA trigger, written outside the tag.
LEET_TRIGGERS = [
    "<lora:j3nn1f3r:0.7> j3nn1f3r at the beach, golden hour",
    "<lora:d4n13l_xl:0.9> d4n13l in a tuxedo, studio portrait",
]
LEET_NEGATIVES = [
    "<lora:p1x3l_4rt_v2:0.8> p1x3l 4rt, castle on a hill",
    "<lora:r0s3_g0ld:0.6> r0s3 g0ld, jewelry on velvet",
    "<lora:j3nn1f3r:0.7> red dress on a mannequin",
]


@pytest.mark.parametrize("prompt", LEET_TRIGGERS)
def test_round16_leet_triggers(detectors, prompt):
    assert _seeking(detectors, prompt)


@pytest.mark.parametrize("prompt", LEET_NEGATIVES)
def test_round16_leet_negatives(detectors, prompt):
    assert not _seeking(detectors, prompt)


# Indirect references in Dutch, Tagalog, Vietnamese, Yoruba, Polish/Czech, a one-person office by nationality, the
# player who scored a named goal, and an English place in the possessive before a record.
INDIRECT = [
    "de eerste premier van India bij een toespraak, zwart-wit foto",
    "tổng thống đầu tiên của Mỹ, tranh sơn dầu",
    "tác giả Truyện Kiều ngồi viết, tranh lụa",
    "aare akoko ile Ghana ninu aso, aworan",
    "aktorka, która zagrała Hermionę, na czerwonym dywanie",
    "el jugador que marcó el gol de Iniesta en Johannesburgo",
    "Britain's first female prime minister at a podium",
    "il papa polacco in preghiera, acquerello",
    "ang kasalukuyang pangulo ng Pilipinas sa entablado, larawan",
]
INDIRECT_NEGATIVES = [
    "de koning van de jungle, een leeuw op een rots",
    "de schrijver van een kinderboek aan zijn bureau",
    "ang unang babaeng pangulo ng samahan namin, larawan",
    "người sáng lập công ty nhỏ, tranh vẽ",
    "tác giả của bức tranh này, phong cách",
    "il papa nero della serie tv, fumetto",
    "el jugador que hizo el gol del empate en el partido del barrio",
    "my team's first female captain holding the trophy",
    "autor neznámý, olej na plátně",
    "aktor, który zagrał w reklamie jogurtu",
]


@pytest.mark.parametrize("prompt", INDIRECT)
def test_round16_indirect(detectors, prompt):
    assert _seeking(detectors, prompt)


@pytest.mark.parametrize("prompt", INDIRECT_NEGATIVES)
def test_round16_indirect_negatives(detectors, prompt):
    assert not _seeking(detectors, prompt)


# A first name that is also a relation word of another language only ("Karim": Turkish "karım"), the French "œ"
# ligature in a relation word, and a first name with a workplace cue in other languages.
RELATION_NAMES = [
    "mi vecino Karim en su jardín, acuarela",
    "ma belle-sœur Chloé à la plage, photo",
    "Sabine aus der Buchhaltung als Astronautin",
    "Agnieszka z recepcji jako wróżka",
    "Julien de la compta en super-héros",
]
RELATION_NAME_NEGATIVES = [
    "ma sœur dans la cuisine",  # no name: the sister alone is not depicted by name (and no picture cue)
    "benim karım ve ben, deniz kenarı, yağlı boya tablo",
    "Berlin aus der Vogelperspektive",
]


@pytest.mark.parametrize("prompt", RELATION_NAMES)
def test_round16_relation_names(detectors, prompt):
    assert _seeking(detectors, prompt)


@pytest.mark.parametrize("prompt", RELATION_NAME_NEGATIVES)
def test_round16_relation_name_negatives(detectors, prompt):
    assert not _seeking(detectors, prompt)


# Three words opening the prompt before a clause: no dictionary word among the first two, a listed surname or no
# dictionary word last.
THREE_WORD_SUBJECTS = [
    "Ngozi Okonjo Iweala speaking at the WTO",
    "Tshilidzi Marwala Nkosi akiwa ofisini, picha",
]
THREE_WORD_NEGATIVES = [
    "Kuala Lumpur Tower glowing at night",
    "Sagrada Familia Barcelona shining at dusk",
    "Angkor Wat Cambodia glowing at sunrise",
    "Ha Long Bay sparkling at dawn",
]
# Frequent words of more Latin-script languages are never fuzzy-matched to a one-word name.
FUZZY_WORD_NEGATIVES = [
    "nasi goreng kampung sizzling in a wok",
    "mie goreng di warung, foto makanan",
]


@pytest.mark.parametrize("prompt", THREE_WORD_SUBJECTS)
def test_round16_three_word_subjects(detectors, prompt):
    assert _seeking(detectors, prompt)


@pytest.mark.parametrize("prompt", THREE_WORD_NEGATIVES + FUZZY_WORD_NEGATIVES)
def test_round16_three_word_and_fuzzy_negatives(detectors, prompt):
    assert not _seeking(detectors, prompt)


def test_round16_fuzzy_still_finds_the_listed_name(detectors):
    assert _seeking(detectors, "Goering at Nuremberg, 1946 photo")


# A handle with inner capitals before "as" in another language.
HANDLES_AS = [
    "TheGrefg als Astronaut im All",
    "ElRubius comme un pirate, illustration",
]
HANDLES_AS_NEGATIVES = [
    "TikTok como plataforma, logo",
    "PlayStation como regalo de navidad",
    "DeepMind como empresa, ilustración",
]


@pytest.mark.parametrize("prompt", HANDLES_AS)
def test_round16_handles_as(detectors, prompt):
    assert _seeking(detectors, prompt)


@pytest.mark.parametrize("prompt", HANDLES_AS_NEGATIVES)
def test_round16_handles_as_negatives(detectors, prompt):
    assert not _seeking(detectors, prompt)


# One capitalised word no dictionary knows after a picture word, doing what only people do: a stage name.
PICTURED_MONONYMS = [
    "a photo of Rubius streaming with headphones",
    "foto de Quackity cantando en un escenario",
]
PICTURED_MONONYM_NEGATIVES = [
    "a photo of Mochi sleeping on the couch",
    "a photo of Paris singing",
    "retrato de Lisboa cantando fado",
    "a photo of Gandalf speaking to the hobbits",
]


@pytest.mark.parametrize("prompt", PICTURED_MONONYMS)
def test_round16_pictured_mononyms(detectors, prompt):
    assert _seeking(detectors, prompt)


@pytest.mark.parametrize("prompt", PICTURED_MONONYM_NEGATIVES)
def test_round16_pictured_mononym_negatives(detectors, prompt):
    assert not _seeking(detectors, prompt)
