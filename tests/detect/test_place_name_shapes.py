"""Place names shaped like a person's name (first name + surname) are places, not people.

Seen while testing round 15: "Rio Negro", "Villa Borghese", "Bella Italia" read as private names, "Santa Maria"
as a misspelled politician. Each negative has a positive of the same shape next to it.
"""

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def stack():
    return default_detectors()


PLACES = [
    "Rio Negro na floresta, drone shot",
    "Villa Borghese al tramonto, acquerello",
    "Bella Italia con pizza e vino, insegna al neon",
    "Rio Grande con agua turbia, fotografía",
    "Santa Maria della Salute al tramonto",
    "Playa Blanca con palmeras, golden hour",
    "Castello Sforzesco sotto la neve",
    "Nueva España en un mapa antiguo",
]

PEOPLE = [
    "Maria Santos na praia com o cachorro",
    "Clara Rossi al tramonto con il suo gatto, ritratto",
    "Lucia Fernández con su hija en la playa, foto",
    "Paolo Bianchi sotto la neve, ritratto in bianco e nero",
]


@pytest.mark.parametrize("prompt", PLACES)
def test_place_names_are_not_people(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", PEOPLE)
def test_names_of_the_same_shape_are_still_people(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))
