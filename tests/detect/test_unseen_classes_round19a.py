"""Round 19a classes (batch 18 as dev data): same-shape positives and negatives written for this round.

Hooked letters of African orthographies folded like accents (Hausa "ƙ ɓ ɗ ƴ", Ewe/Akan "ɛ ɔ ɖ"); a person pointed at
through a capitalised nickname others gave them ("the man the press dubbed the ...", in six languages); relations named
by first name in Dutch in-law words, Turkish "our" relations and a kin honorific after the name ("Ayşe teyzem"),
Hausa with an apostrophe, Icelandic (possessive after), Estonian, Latvian, Lithuanian, Croatian, Slovak, Danish and
Norwegian; buildings and airports named after a figure in Mongolian, Kazakh, Kyrgyz, Uzbek, Bulgarian and Serbian.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking, normalize


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # nicknames
    "the man the press dubbed the Desert Fox inspecting tanks, photo",
    "the singer known to all as the Velvet Fog on stage, 1985",
    "l'homme qu'on surnommait le Petit Caporal, peinture à l'huile",
    "el hombre al que llamaban el Libertador a caballo",
    "o homem que chamavam de Rei do Baião tocando sanfona",
    "der Mann, den alle den Kaiser nannten, im Stadion",
    # relations
    "mijn schoonbroer Joris aan het barbecueën, foto",
    "onze stiefmoeder Ingrid in de tuin",
    "annemiz Fatma mutfakta, fotoğraf",
    "Mehmet amcam bahçede domates topluyor",
    "'yar'uwata Amina tana dariya, hoto",
    "bróðir minn Gunnar á bátnum",
    "mu õde Kadri rannas, foto",
    "mana vecmāmiņa Ausma virtuvē",
    "mano brolis Mindaugas prie jūros",
    "moj djed Stjepan u vinogradu",
    "môj brat Marek na bicykli",
    "min svigerinde Mette i haven",
    "min kollega Sindre på hytta",
]

NEGATIVES = [
    "the woman they called Mother in the village, illustration",
    "the man they called for help, photo",
    "the city known to all as the Big Apple at night",
    "the fictional man they called the Ghost, comic art",
    "mijn schoonbroer aan het barbecueën, illustratie",
    "annemiz mutfakta yemek yapıyor",
    "Ankara amcam gibi",
    "'yar'uwata tana dariya, hoto",
    "bróðir minn á bátnum",
    "mu õde rannas, foto",
    "mana potion icon, game art",
    "moj djed u vinogradu",
    "min svigerinde i haven",
    # buildings and airports named after a figure
    "Чингис хаан олон улсын нисэх буудал, шөнийн зураг",
    "аеродром Никола Тесла, фотографија",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round19a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round19a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


def test_hooked_letters_fold_like_accents():
    assert normalize("ƙasar ɓera ɗaki ƴaƴa ɛ ɔ").lower == "kasar bera daki yaya e o"
