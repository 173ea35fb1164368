"""Round 24b classes (batches 25 and 26 as dev data): same-shape positives and negatives written for this round.

* A listed given name (as written or in a case form) and an unlisted word with a surname ending of its language:
  Czech/Slovak "-ová/-ové", Polish "-ska/-skiej/-wicz", East Slavic "-ova/-ovoy", Baltic "-ienė/-aitė", Romanian
  "-escu/-eanu", Georgian "-shvili/-dze", Greek "-opoulos", Croatian "-ović".
* Hungarian names surname first in the nominative before a possessed picture word ("Szabó Ildikó portréja"), and
  married names with "-né".
* Indic: a listed given name, one more word the lists miss, then a picture/occasion word with its postposition.
* Korean: a full name, a job title or honorific noun, then a picture word ("김도윤 대리 프로필 사진").
* One-word stage names ("~~" aliases) with a performer role right after ("Badshah rapper"), a "doing a stream"
  verb phrase, or an outfit word in more languages ("im weißen Anzug", "con trenzas"); rappers, streamers and
  regional pop singers of South Asia, Latin America, Spain and Central Europe.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    "fotka Terezy Vondráčkové na zahradě",
    "portrét Lucie Kratochvílové v kavárně",
    "zdjęcie Magdaleny Szczepańskiej na weselu",
    "zdjęcie Agnieszki Brzęczyszczykiewicz przy biurku",
    "portret Olgi Sidorovoy v sadu",
    "Rasa Jankauskienė prie ežero, nuotrauka",
    "Ioana Mărgineanu la mare, fotografie",
    "Nino Beridzeshvili in Tbilisi, portrait",
    "Dimitra Konstantopoulou at the beach, photo",
    "Szabó Ildikó portréja a konyhában",
    "Nagy Katalin régi fotója a kertben",
    "Kovácsné Szabó Erzsébet képe a piacon",
    "प्रिया कुशवाहा की शादी की तस्वीर",
    "सुनील पांडेय की पासपोर्ट फोटो",
    "이서연 선생님의 사진",
    "박민수 과장님 증명사진, 흰 배경",
    "Badshah rapper on a yacht, music video still",
    "Ibai haciendo stream con auriculares",
    "Falco im schwarzen Anzug auf der Bühne",
    "Cazzu con trenzas rosas, foto",
    "Raftaar rapper in a studio, hoodie",
    "RAF Camora auf der Bühne in Wien",
]

NEGATIVES = [
    "fotka Prahy z Petřína při západu slunce",
    "Anna Karenina in the snow, oil painting",
    "Sofia Bulgaria in winter, aerial photo",
    "zdjęcie Krakowa nocą, długa ekspozycja",
    "Budapest Keleti képe éjszaka",
    "Szabó-féle recept képe",
    "गंगा नदी की तस्वीर, सूर्योदय",
    "ताज महल की तस्वीर",
    "장노출 기자 사진",
    "서울 대표 사진, 야경",
    "a divine light over the hills",
    "the badshah of the jungle, a lion on a rock",
    "a falcon in a black suit, anthropomorphic",
    "trenzas de pan dulce en la panadería",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
