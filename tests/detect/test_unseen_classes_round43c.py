"""Round 43c classes (issue 16): Latin-script names no list holds, written by hand, not copied from the batches.

* a lower-case full name right after a picture of someone anywhere in the prompt ("... black and white photo of
  ...", "fais moi un portrait de ...", "poster with ...") or after an office or trade ("the sculptor ...", "head of
  <region> ..."), including two words no dictionary or name list holds; dishes, places and things stay negative;
* a one-word stage name opening the prompt with a role after a comma and no article ("X, chanteur kabyle"), in an
  outfit or setting with a pronoun or a picture shoot ("X in her stage outfit, fashion shot"), or a French -ant
  performing verb; cities, dishes, brands, pets and fictional characters stay negative.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # lower-case full names after a picture cue or a role, anywhere
    "grainy black and white photo of tewodros kassahun in 1975",
    "peux-tu faire un portrait de moussa traoré souriant",
    "boxing poster with gennady golovkin, red gloves",
    "the painter zurab tsereteli in his moscow workshop",
    "governor of tatarstan rustam minnikhanov at a ribbon cutting",
    "a photo of thabo mbeki at a podium",
    # lower-case full names opening the prompt, an -ing verb with its object
    "usain bolt crossing the finish line",
    "nurlan saburov telling a joke on stage",
    # one-word stage names
    "Zaho, chanteuse algérienne, clip tourné à Alger",
    "Oxmo, rappeur malien, studio photo",
    "Tiakola in his tracksuit, streetwear editorial shot",
    "Gazo rappant dans un parking, photo argentique",
]

NEGATIVES = [
    # dishes, places, things after a picture cue
    "photo of khinkali dumplings on a board",
    "photo of plov qazan on a plate, street food",
    "a photo of machu picchu at sunrise",
    "picture of kuala lumpur skyline at night",
    "photo of chak chak dessert with honey",
    "head of lettuce on a wooden table",
    "the chef tasting tom yum soup",
    "portrait of a general in uniform, oil painting",
    # one-word openers that are places, dishes, brands, fiction, pets
    "Tokyo, capital of Japan, night photo",
    "Tempura, japanese dish, studio photo",
    "Zelda, princess of Hyrule, fan art",
    "Biscuit in his bed, cozy photo",
    "Kyoto in autumn, editorial photo",
    "Lamborghini in a studio, product photo",
    "Pikachu in a hat, poster",
    "a photo of zwx beagle on the sofa",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_latin_names_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_latin_names_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
