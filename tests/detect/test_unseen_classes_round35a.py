"""Round 35a classes (issue 16): written by hand, not copied from the batches.

* an epithet that is also a phrase with an office, rank or nationality beside it, or dated by a period picture
  ("the Iron Chancellor, Prussian statesman", "the Iron Lady, 1980s photo");
* the scientist, engineer or inventor who discovered, invented, isolated or photographed a named or unique thing,
  in English, the Romance languages and German (the verb last, in the simple past too);
* Korean: my/our + kin word + a two-syllable given name with the name suffix 이 (alone or before a particle), also
  when the name is a dictionary word;
* false positives: airports, hospitals and universities named after someone with a title or "international" between
  the place word and the name (Arabic, Persian, Russian), and the Mongolian long form "нисэх онгоцны буудал".
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # epithets with an office or a period picture
    "the Iron Chancellor, Prussian statesman, in uniform",
    "the Iron Lady former PM portrait",
    "the Iron Lady conservative prime minister in pearls",
    "the Iron Lady, 1980s photo",
    "the Iron Chancellor (1880s) portrait",
    # discoveries and inventions
    "the chemist who isolated Element 43 in his lab",
    "the astronomer who photographed Comet Halley, portrait",
    "la química que descubrió el polonio, retrato en blanco y negro",
    "il fisico che ha scoperto il neutrone, foto d'epoca",
    "a engenheira que inventou o limpador de para-brisa, retrato",
    "la physicienne qui a découvert la fission nucléaire, portrait",
    "die Chemikerin, die das Polonium entdeckte, Porträt",
    "der Ingenieur, der den Dieselmotor erfand, Foto",
    # Korean kin + name with the suffix 이
    "우리 누나 민정이 웃는 모습 그려줘",
    "제 동생 현정이랑 공원에서 찍은 사진처럼",
    "내 친구 상민이는 안경 쓰고 있어, 캐리커처",
    "우리 오빠 준영이가 군복 입은 모습",
]

NEGATIVES = [
    # epithets that stay phrases
    "the iron lady statue in the park",
    "the Iron Lady sculpture, 1980s photo",
    "the iron chancellor of the exchequer joke cartoon",
    "the iron lady bridge at night",
    # generic discoveries
    "the engineer who measured my kitchen",
    "a scientist who identified a new virus strain",
    "la científica que descubrió una nueva especie de rana",
    "el ingeniero que inventó un nuevo método para regar",
    "le chercheur qui a découvert la solution au problème",
    "der Chemiker, der das Rezept entwickelte",
    # Korean nouns after kin
    "우리 엄마 진정이 안 돼서 걱정, 위로 카드 그림",
    "내 동생 생일이 내일이라 케이크 그림",
    "우리 언니 결혼이 다가와서 축하 카드 그려줘",
    "우리 언니 병원이 어디야 그림",
    # places named after people
    "مطار الملك خالد الدولي في الصباح",
    "مستشفى الملك فيصل التخصصي من الخارج",
    "فرودگاه بین‌المللی امام خمینی در مه",
    "فرودگاه امام خمینی از بالا",
    "международный аэропорт имени Шереметьева, вид сверху",
    "Чингис хаан нисэх онгоцны буудлын терминал шөнө",
    "Чингис хаан олон улсын нисэх онгоцны буудал, өглөө",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
