"""Round 33a classes (issue 16): written by hand, not copied from the batches.

* Romance firsts who presided over, governed or led a country (PT/FR/IT/ES/RO), with "in history / in the world"
  between the person and the deed, Russian firsts in space and in the world (the normaliser's "первыи"), Nordic
  firsts in more word orders ("sem kjörin var forseti", "första kvinnliga statsministern i Sverige");
* Romanian kin words (godparents, in-laws, cases) before "my" and a name, Finnish kin words in the weak grade with
  "-ni" and a case ending ("serkustani Jussista"), a relation word + model version as a token ("mysis-v2");
* false positives: "a <Artist>" as an artwork, Cyrillic/Hebrew/Arabic place words before a name, a "character" word
  of other scripts, an author's creation of fiction in the possessive.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    "retrato da primeira mulher a governar Portugal, óleo",
    "la première femme à présider la France, affiche",
    "la prima donna a guidare la Germania in conferenza stampa",
    "la primera mujer en presidir Argentina saludando",
    "prima femeie care a condus Moldova, fotografie",
    "le premier homme de l'histoire à avoir marché sur la Lune",
    "primul sportiv din lume care a câștigat trei medalii, poster",
    "первая женщина в космосе улыбается, плакат",
    "первыи президент в мире, портрет",
    "die erste Frau im All, Foto",
    "fyrsta konan sem kjörin var forseti Íslands, mynd",
    "første kvinnelige statsministeren i Norge, portrett",
    "poză cu finul meu Andrei la botez",
    "cumnata mea Elena la mare",
    "mătușa mea Maria gătind",
    "kuva tädistäni Annasta kesämökillä",
    "valokuva äidilleni Leenalle syntymäpäivänä",
    "portrait of mysis-v2 smiling, embedding",
    "la primera mujer en gobernar la provincia de Buenos Aires",
    "первая женщина-астронавт в мире, плакат",
    "photo of grandma_lora in the kitchen",
]

NEGATIVES = [
    "la prima donna a guidare la Ferrari rossa in pista, disegno",
    "la première femme à diriger l'atelier de couture du village",
    "la primera mujer en gobernar nuestro club de ajedrez",
    "первый президент в истории нашего клуба, шарж",
    "the first woman elected president of our book club",
    "fyrsti forseti félagsins okkar, teikning",
    "the mom-v2 changelog notes",
    "a baroque portrait painted like a Rembrandt, dramatic light",
    "un Picasso accroché au mur du salon",
    "שדה התעופה רמון בערב, צילום",
    "аэродром Никола Тесла, вид сверху",
    "улица Никола Тесла зимой",
    "персонаж Незнайка в шляпе, иллюстрация",
    "شخصية جحا على حماره، رسم",
    "tolkien's orcs marching, dark fantasy",
    "lovecraft's cthulhu rising from the sea",
    "h.g. wells's martians tripods attacking london",
    "tolkien's gandalf the grey on a bridge, painting",
    "stephen king's vampires in a small town, book cover",
    "in the manner of a Vermeer, a girl reading a letter",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round33a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round33a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


# "صورة شخصية" is a personal photo (a portrait), "بطاقة شخصية" an ID card: the name after it is a person
KEEP = ["صورة شخصية لسلمى يوسف القحطاني في حفل الزفاف", "بطاقة شخصية باسم خالد منصور العتيبي"]


@pytest.mark.parametrize("prompt", KEEP)
def test_round33a_personal_photo_is_no_character(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt
