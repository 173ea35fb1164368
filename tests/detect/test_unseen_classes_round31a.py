"""Round 31a classes (indirect references, personalisation), with same-shape negatives.

Written for these tests (none copied from the batches): the actor who plays a named character in Romance languages
(present tense) and German (verb last); the founder of a country (Turkish and English lower case, German genitive);
first + office + modifiers before the country (Spanish, Romanian); a role + nicknamed/known as + a quoted epithet;
the writer of a named book in Yoruba, Hausa, Swahili and Zulu; the world's first between person and office (Nordic);
LyCORIS/LoRA names of a given name + an unlisted surname with the trigger glued from them.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    "l'acteur qui joue Jean Valjean dans le film, portrait",
    "el actor que interpreta a Walter White, retrato",
    "a atriz que interpreta Helena na novela das nove, foto",
    "l'attrice che interpreta Elena Greco nella serie",
    "der Schauspieler, der Tony Stark spielt, Porträt",
    "die Schauspielerin, die Sarah Connor gespielt hat, Foto",
    "bangladesh'in kurucusu konuşma yaparken",
    "the founding father of modern india giving a speech",
    "der Gründer Pakistans, Schwarzweißfoto",
    "la primera ministra elegida de Finlandia, retrato",
    "primul președinte ales liber al Poloniei, fotografie",
    "the striker nicknamed 'the Divine Ponytail' celebrating",
    "la cantante conocida como 'la Reina del Tex-Mex' en concierto",
    "wadda ta rubuta littafin Purple Hibiscus, hoto",
    "aliyeandika riwaya Kinjeketile akiwa darasani",
    "owabhala incwadi Cry the Beloved Country, isithombe",
    "eni to ko iwe Death and the King's Horseman",
    "den første kvinnen i verden valgt til president, foto",
    "forsætisráðherra sem var fyrsta konan í heiminum kjörin forseti",
    "<lyco:olivia_marchetti_locon:0.7> oliviamarch, wearing a coat",
    "<lora:tomas_rydberg_loha_v2:0.8> trydberg, smiling at a desk",
]

NEGATIVES = [
    "l'acteur qui joue un policier dans un court métrage",
    "el actor que interpreta a un villano en la obra",
    "der Schauspieler, der den bösen König spielt",
    "the founder of our club giving a speech",
    "okulun kurucusu konuşma yaparken",
    "the founding father of the chess society",
    "la primera ministra elegida de nuestro consejo escolar",
    "the dog nicknamed 'buddy' in the yard",
    "wadda ta rubuta littafin nan, hoto",
    "aliyeandika kitabu hiki darasani",
    "<lora:ghibli_style_locon:0.7> ghiblistyle, wearing a hoodie",
    "<lyco:rose_gold_loha:0.7> rosegold, wearing a dress",
    "<lyco:oil_painting_locon:0.7> oilpaint, woman wearing a hat",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round31a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round31a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
