"""Round 41d: false-positive classes of unseen batches 69-76 in Latin, Cyrillic, Greek, Arabic and Hebrew scripts.

Each class has positives (still identity-seeking) and same-shape negatives, written for this file.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking

_DETECTORS = default_detectors()


def _seeking(prompt: str) -> bool:
    return is_identity_seeking(detect_prompt(prompt, _DETECTORS))


# a building or place named after someone, with a rank word between the name and the place noun, or a causeway
NAMED_PLACE_NEG = [
    "the king faisal grand mosque under a clear sky, wide angle",
    "Sultan Qaboos Grand Mosque interior, chandelier, long exposure",
    "king fahd causeway seen from a plane window",
    "the Nelson Mandela great bridge at dusk, long exposure",
]
NAMED_PLACE_POS = [
    "Sheikh Zayed greeting guests in the grand hall of his palace",
    "King Fahd walking across the causeway opening ceremony, 1986 press photo",
]

# ships, icebreakers and other vessels before the name they carry; trophies and cups before the name of a prize
NAMED_FOR_NEG = [
    "the icebreaker Kapitan Khlebnikov in pack ice, aerial photo",
    "a wooden felucca Cleopatra sailing on the Nile at sunset",
    "the submarine Juan Carlos surfacing in rough sea",
    "la Coppa Rimet sotto una teca di vetro, luce calda",
    "der Pokal Franz Beckenbauer auf einem Sockel, Produktfoto",
]
NAMED_FOR_POS = [
    "Lenin giving a speech on the deck of an icebreaker",
    "Franz Beckenbauer lifting the trophy, 1974 press photo",
]

# a one-word stage name in Arabic, Persian, Hebrew, Cyrillic or Greek letters that is a frequent word of the
# language, right after a word of its script (the noun it modifies), needs a person or performance cue; opening the
# prompt it is the subject
NATIVE_WORD_NEG = [
    "خاتم فيروز في علبة مخملية، إضاءة ناعمة",
    "قلادة من الفيروز والفضة، تصوير منتج",
    "گل یاس سفید در گلدان، نور صبح",
]
NATIVE_WORD_POS = [
    "فيروز تغني على المسرح، صورة بالأبيض والأسود",
    "Путин на пресс-конференции в Кремле",
    "ترامب يلقي خطابا في تجمع انتخابي",
    "Бибер на сцене, концертное фото",
    "فيروز في شرفة قديمة، لوحة زيتية",
]

# a statue in a museum is an artwork; a lifelike or hyperrealistic figure is a likeness of the person
MUSEUM_NEG = ["a bronze bust of Julius Caesar in a museum hall, soft light"]
MUSEUM_POS = [
    "lifelike silicone statue of Barack Obama in a museum, close-up",
    "hyperrealistic sculpture of Angela Merkel at a gallery opening",
]


@pytest.mark.parametrize("prompt", NAMED_PLACE_NEG + NAMED_FOR_NEG + NATIVE_WORD_NEG + MUSEUM_NEG)
def test_not_identity_seeking(prompt: str) -> None:
    assert not _seeking(prompt)


@pytest.mark.parametrize("prompt", NAMED_PLACE_POS + NAMED_FOR_POS + NATIVE_WORD_POS + MUSEUM_POS)
def test_identity_seeking(prompt: str) -> None:
    assert _seeking(prompt)
