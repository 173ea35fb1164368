"""Round 39a classes (issue 16): false positives, written by hand, not copied from the batches.

* everyman placeholder names in their case forms (Polish/Czech genitive, German genitive "-s", Russian genitive) on a
  form, sample or template, and the French "personnage type" / "exemple" / school-textbook wording;
* a one-word stage name that is also a word of fantasy or fairy tales after a creature modifier ("a baby drake",
  "a fairy-tale prince"), and a lower-case hyphenated compound noun before a noun ("a fairy-tale king");
* a technique or method named after a person, after the name or before it with "of" in several languages;
* a style embedding or LoRA whose name joins "style"/"artstyle" to the person's name;
* (misses) the office holder who preceded or succeeded a named one, in the Romance languages and English; the first
  of a nationality to win the Nobel prize or reach a record role (German, Hungarian, Polish).
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # the same names outside a form or stand-in wording are still people
    "zdjęcie Jana Kowalskiego na plaży w Sopocie",
    "Drake performing at a concert, crowd, stage lights",
    "Drake as a fantasy knight in golden armor, digital art",
    "portrait of drake as an elven king, fantasy art",
    # a person explaining their technique is the person
    "Bob Ross smiling in front of an easel, tv studio",
    "Taylor Swift at a fantasy-themed party, photo",
    "photo of Jean-Pierre Dupuis at the office",
    # the predecessor or successor of a named office holder
    "il papa che ha preceduto Giovanni Paolo II mentre benedice la folla",
    "el papa que sucedió a Benedicto en el balcón, foto",
    "the queen who succeeded Victoria, coronation portrait",
    "o rei que sucedeu Dom Pedro, retrato a óleo",
    # the first of a nationality to win the Nobel prize or reach a record role
    "der erste österreichische Literaturnobelpreisträger am Schreibtisch, Foto",
    "die erste japanische Astronautin in der Raumstation",
    "az első lengyel Nobel-díjas tudós a laboratóriumban",
    "pierwszy czeski noblista przy biurku, zdjęcie",
]

NEGATIVES = [
    # everyman names in case forms on forms and stand-ins
    "wzór wniosku wypełniony danymi Anny Kowalskiej",
    "przykładowy formularz z danymi Jana Nowaka",
    "Musterformular mit den Daten von Erika Mustermanns Antrag",
    "vzor žádosti s údaji Jany Novákové",
    "образец анкеты с данными Петра Петрова",
    "Pierre Dupont, client type dans une brochure d'assurance",
    "Marie Dupont, personnage type d'un manuel de français",
    # fantasy and fairy-tale words
    "a young fire drake sleeping on a treasure hoard, fantasy illustration",
    "a tiny drake perched on a wizard's shoulder, storybook art",
    "the frog prince on a lily pad, fairy tale illustration",
    "a fairy-tale king on a golden throne, children's book",
    "a fairy-tale queen in a tower, watercolor",
    # a technique named after a person
    "a mountain lake painted with the Bob Ross wet-on-wet technique",
    "paisaje pintado con la técnica de Bob Ross",
    "Landschaft nach der Technik von Bob Ross gemalt",
    "un paysage selon la méthode de Bob Ross",
    # style embeddings and LoRAs
    "embedding:style-moebius, a desert city at dawn",
    "embedding:artstyle-picasso, a still life with guitar",
    "<lora:mucha_style:0.6> a woman with flowers in her hair",
    # succession words without a named holder, or not of an office
    "the king who preceded the flood in the legend, oil painting",
    "il presidente che ha preceduto il nostro tesoriere al circolo",
    "the goalkeeper who succeeded Mark in our team, photo",
    "die erste deutsche Mannschaft im Finale, Foto",
    "die erste elektrische Straßenbahn der Stadt, altes Foto",
    "az első díjas a rajzversenyünkön, fotó",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
