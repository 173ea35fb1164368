"""Round 21b classes (batch 20 as dev data): same-shape positives and negatives written for this round.

K-pop group members named with their group in any order and with the Korean genitive ("Twice의 Jihyo" from one
"Jihyo of Twice" line); one-word stage names with studio, streaming-setup, stage and named-hall context in French,
Spanish, Italian and German, also with an outfit before the stage; national-level figures written in lower case
(UFC/MMA, tennis, athletics, winter sports, Czech/Slovak/Hungarian/Polish figures, French/Italian/Spanish/Portuguese
chanson icons, Thai sports and music figures in Thai script); invented Finnish/Estonian, Icelandic and Norwegian names
before a verb form of their language ("-massa", "að" + infinitive) and Nordic letters the name lexicons fold.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # group + member, every order
    "Twice의 Jihyo 무대 사진",
    "Stray Kids의 Hyunjin at a fashion show",
    "seventeen mingyu at the airport, candid",
    "Red Velvet's Seulgi dancing, fancam",
    "Winter from aespa in a white dress",
    # one-word stage names with a studio / setup / stage context
    "Damso en studio, lumière tamisée",
    "Gotaga dans son setup gaming, photo",
    "Coscu en su setup con luces de neón",
    "Knossi im Tonstudio, Foto",
    "Zucchero sul palcoscenico con la chitarra",
    "Nekfeu en veste noire sur la scène du Zénith",
    # lower-case national figures
    "khamzat chimaev walking out at ufc, dramatic",
    "petra vlhova skiing slalom, action shot",
    "emil zatopek running in the rain, 1952",
    "karel gott singing in prague, vintage photo",
    "wislawa szymborska reading a poem",
    "jacques brel singing with sweat on his face",
    "lucio battisti with a guitar, 1970s photo",
    "amalia rodrigues singing fado in black shawl",
    "ธีรศิลป์ แดงดา ยิงประตู ภาพข่าว",
    "พาณิภัค วงศ์พัฒนกิจ บนโพเดียม",
    # invented private people, Nordic/Finnic verb forms and letters
    "Aino Heikkilä laulamassa kuorossa, valokuva",
    "Kalle Mäkeläinen uimassa järvessä",
    "Gunnar Þorsteinsson að spila á gítar, ljósmynd",
    "Helga Sæmundsdóttir að baka brauð",
]

NEGATIVES = [
    "the rm command deleting a folder, terminal screenshot",
    "a girl band on stage, k-pop style, no specific people",
    "winter from a mountain cabin window, snow",
    "un ninho de pássaro numa árvore, foto macro",
    "a recording studio with a microphone, empty room",
    "un setup de streaming con luces RGB, sin personas",
    "la scène de l'Olympia vide avant le concert",
    "un chat en robe blanche sur la scène, illustration",
    "hopper theater interior, oil painting",
    "tennis court at sunrise, wide angle",
    "Järvellä kalastamassa, maisemakuva",
    "ljósmynd af fjöllum að vetri",
    "Lánchíd a Dunán, éjszakai fotó",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round21b_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round21b_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
