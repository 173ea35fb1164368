"""Round 34b classes (famous names): a performer's or athlete's role word of another language before or after a
one-word listed name, an appositive with a native spelling and a nationality ("X (漢字) the korean singer"),
athletes' epithets that are phrases beside words of a professional game, listed two-word names written surname
first (Slavic and Hungarian order), Finnish "-nen" surnames in their case forms, one-word French/Italian/German
rappers and singers, Afghan/Pakistani/Iranian figures in Arabic script, and French/Spanish/Italian politicians,
chefs and hosts written lower case; with the same-shape prompts that must stay words."""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking
from aplguard.detect.inflection import stem


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # a role word of another language right before a one-word listed name ("~~" aliases included)
    "il cantante Ligabue in concerto a Campovolo",
    "le rappeur Ninho dans un clip tourné la nuit",
    "die Sängerin Nena in den 80ern, Pressefoto",
    "el rapero Soprano en un festival",
    "la streameuse Ibai avec un micro",
    # an appositive role with a nationality word, with or without a native spelling
    "Jul, the french rapper, in a tracksuit",
    "Falco, der österreichische Sänger, 1986",
    "Rain (정지훈) the korean singer at a fan meeting",
    # an athlete's epithet that is a phrase, beside words of a professional game
    "the Great One lifting the Stanley Cup, 1988",
    "la Pulga celebrando con la camiseta de la albiceleste",
    # listed names written surname first (Slavic lists and captions, Hungarian order)
    "Шевченко Андрій на стадіоні, фото",
    "Zelenskyy Volodymyr giving a speech",
    "Nagy Imre szobra mellett állva, portré",
    # Finnish "-nen" surnames in their case forms, lower case
    "piirros mika häkkisestä ajamassa",
    "muotokuva kimi räikköselle lahjaksi",
    # one-word rappers and singers not listed before
    "Soolking en concert au Zénith",
    "Geolier sul palco a Napoli",
    "Haftbefehl im Studio, Porträt",
    # Afghan, Pakistani and Iranian figures in Arabic script
    "حامد کرزی در کابل، عکس",
    "محمد مصدق در دادگاه، عکس سیاه و سفید",
    # lower-case national figures in running text
    "draw ferran adria in his kitchen",
    "rachida dati a la mairie du 7e",
    "ada colau en bicicleta por barcelona",
]

NEGATIVES = [
    # the same words in their ordinary sense
    "a falco peregrinus on a cliff, wildlife photo",
    "la soprano sul palco della Scala, opera photo",
    "la pulga en el lomo del perro, foto macro",
    "una pulga en la camiseta del perro",
    "the great one is a novel about a whale",
    "a blanco wall with white flowers",
    "rain over seoul at night, neon reflections",
    # a role before a fictional or generic person
    "la cantante di un bar di periferia, illustrazione",
    "der Sänger einer Band auf einer kleinen Bühne",
    # surname-first shapes that are no listed person or are places
    "Hilton Paris hotel lobby, architectural photo",
    "Budapest Andrássy út at night",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


def test_finnish_nen_case_forms_share_a_stem():
    forms = ["virtanen", "virtasen", "virtasesta", "virtaselle", "virtaseen", "virtasena", "virtaseksi"]
    assert len({stem(f) for f in forms}) == 1
