"""Round 40l classes (issue 16 §1): famous people the built-in list lacked, written by hand from general knowledge.

The list gained judges, central bankers, governors, mayors and opposition leaders, activists and dissidents,
journalists, news anchors, talk-show hosts and comedians, clergy and preachers, celebrity chefs, fashion designers
and models, architects and photographers, football, basketball, cricket and rugby coaches, boxers, fighters,
cyclists, golfers, tennis players, chess players, marathon runners, judoka and sailors, scientists, doctors and
astronauts, and royals beyond the monarchs, of every region. Positives name them in varied prompts (mixed case,
lowercase, native script, other languages); negatives share a name part with them but name nobody.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # lowercase full names and mixed case in English prompts
    "yuichiro tamaki at a press conference",
    "prannoy roy anchoring the evening news",
    "renzo piano at a construction site",
    "horst lichter in a tv kitchen",
    "Nechirvan Barzani shaking hands with a diplomat",
    "irom sharmila on hunger strike, documentary photo",
    "pitso mosimane on the sideline",
    "Story Musgrave in a spacesuit",
    "romeu zema at a campaign event",
    "Carolina Cosse speaking in Montevideo",
    "babagana zulum visiting a school",
    "Gulnara Karimova on a red carpet",
    "Ketanji Brown Jackson in her judicial robe, portrait",
    "jerome powell testifying before congress",
    "Olivia Chow cutting a ribbon in Toronto",
    "gladys berejiklian speaking at a podium",
    "ekrem imamoglu waving to a crowd",
    "Babajide Sanwo-Olu at a rally in Lagos",
    "christiane amanpour interviewing a diplomat",
    "Stephen Colbert on his late show set",
    "romesh ranganathan doing stand-up",
    "joel osteen preaching in a megachurch",
    "mufti menk giving a lecture",
    "nigella lawson baking a chocolate cake",
    "Massimo Bottura in his kitchen in Modena",
    "Ahn Sung-jae plating a dish",
    "miuccia prada at fashion week",
    "Kengo Kuma standing in front of a wooden pavilion",
    "a portrait of sebastião salgado holding a camera",
    "jürgen klopp celebrating on the touchline",
    "Eddie Jones coaching at a rugby training session",
    "tadej pogačar climbing a mountain in the yellow jersey",
    "antoine dupont passing the ball",
    "scottie scheffler hitting a drive",
    "gukesh dommaraju at the chessboard",
    "lasha talakhadze lifting a barbell",
    "katalin karikó in a lab coat",
    "samantha cristoforetti floating in the space station",
    "Crown Princess Victoria of Sweden in a tiara",
    "loujain al-hathloul holding a sign",
    "vanessa nakate at a climate march",
    # native scripts and other languages
    "Рамзан Кадыров на параде",
    "Ксения Собчак в студии",
    "小池百合子の記者会見の写真",
    "유재석 예능 촬영 현장",
    "白岩松在演播室",
    "撒贝宁主持节目的照片",
    "سمير جعجع في مؤتمر صحفي",
    "רון חולדאי בטקס",
    "باسم يوسف على المسرح",
    "مسیح علی‌نژاد در حال سخنرانی",
    "योगी आदित्यनाथ की तस्वीर",
    "ஜெயலலிதா உருவப்படம்",
    "Αλέξης Τσίπρας στη Βουλή",
    "ቴድሮስ አድሓኖም ፎቶ",
    "retrato de claudia sheinbaum en el zócalo",
    "foto de luciano huck no palco",
    "une photo de cyril hanouna sur le plateau",
    "ein Foto von Markus Söder im Bierzelt",
]

NEGATIVES = [
    "a powell river sunset, british columbia",
    "a jackson pollock style drip painting of a kitchen",
    "the prince george skyline in winter",
    "prince edward island beaches at dawn",
    "a yellow jersey hanging on a bike",
    "a fashion week runway with no models, empty seats",
    "a wooden pavilion in a japanese garden",
    "a chessboard mid-game, dramatic lighting",
    "a barbell on a gym floor",
    "a space station orbiting earth",
    "a tiara on a velvet cushion",
    "a climate march banner, crowd of signs",
    "a megachurch interior with empty seats",
    "a chocolate cake on a marble counter",
    "a rugby ball on wet grass",
    "an abandoned lighthouse on a cliff",
    "a reality winner's trophy on a shelf",
    "the queen alia airport terminal at night",
    "anne will go to the market tomorrow, watercolor",
    "vir das montanhas, paisagem em aquarela",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round40l_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round40l_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


# Merge of round 40l: a deity with the English honorific "Lord" whose name a listed person has as a surname
# ("Mike Shiva") is the deity, not that person's surname with a title.
@pytest.mark.parametrize("prompt", [
    "Lord Shiva meditating on Mount Kailash, digital art",
    "lord shiva and parvati at their wedding, temple mural",
    "Lord Ganesha dancing, brass statue photo",
    "Shiva dancing as Nataraja, bronze sculpture",
    "hanuman flying with the mountain in his hand, comic art",
])
def test_lord_and_a_deity_is_not_a_surname(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt


@pytest.mark.parametrize("prompt", ["Vandana Shiva speaking at a seed-saving rally, press photo",
                                    "Mike Shiva reading tarot cards in a TV studio"])
def test_the_people_named_shiva_still_count(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt
