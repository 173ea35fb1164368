"""Round 36l classes (issue 16 §1: famous people the built-in list lacked), positives and same-shape negatives
written for this round from general knowledge.

* national-level figures added in bulk by round 36l: cricketers of every Test nation, national-team footballers
  and coaches, heads of state and government since about 1990, Indian, Pakistani, Chinese, Japanese, Turkish,
  Iranian, Arab, Latin American and European film and television stars, African and Middle Eastern singers;
* written as a user would: mixed case, lower-case full names, native script, prompts in other languages.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

POSITIVES = [
    "Jasprit Bumrah bowling a yorker, photo",
    "photo of rishabh pant diving for the ball",
    "शुभमन गिल बल्लेबाजी करते हुए, फोटो",
    "portrait of Mohammad Rizwan holding a trophy",
    "محمد رضوان کی تصویر، اسٹیڈیم میں",
    "tamim iqbal opening the batting, vintage photo",
    "Pat Cummins lifting the world cup, photo",
    "KANE WILLIAMSON batting at Lord's",
    "caricature of Kagiso Rabada celebrating",
    "nicholas pooran hitting a six, action shot",
    "Kusal Mendis sweeping a spinner, photo",
    "তামিম ইকবাল মাঠে, ছবি",
    "foto de Kerem Aktürkoğlu celebrando un gol",
    "Ollie Watkins scoring against the Netherlands, photo",
    "Omar Marmoush in a city shirt, photo",
    "محمد النني في الملعب، صورة",
    "portrait de Jules Koundé en maillot bleu",
    "Foto von Niclas Füllkrug beim Torjubel",
    "ianis hagi taking a free kick",
    "Akram Afif celebrating a goal, photo",
    "أكرم عفيف يحتفل بهدف",
    "Sunil Chhetri leading India onto the pitch",
    "Sergio Massa dando un discurso, foto",
    "portrait of christopher luxon smiling",
    "ritratto di Paolo Gentiloni in parlamento",
    "Kiara Advani in a red saree, photo",
    "कियारा आडवाणी लाल साड़ी में",
    "Rashmika Mandanna at a film launch, photo",
    "Vijay Deverakonda riding a motorbike, film still",
    "ফটো: প্রসেনজিৎ চট্টোপাধ্যায় মঞ্চে",
    "Hania Aamir in a drama scene, photo",
    "赵露思 穿着古装 的照片",
    "portrait of Zhao Lusi in hanfu",
    "Masaki Suda singing on stage, photo",
    "菅田将暉 のライブ写真",
    "Foto von Karoline Herfurth am roten Teppich",
    "photo de Pierre Niney au festival de Cannes",
    "Pierfrancesco Favino sul red carpet, foto",
    "Сергей Бодров на премьере, фото",
    "Navid Mohammadzadeh at Cannes, photo",
    "ماجد المهندس يغني على المسرح",
    "Stonebwoy performing in Accra, photo",
    "Kate del Castillo en una telenovela, foto",
]

NEGATIVES = [
    "a cricket ball on green grass, macro photo",
    "Lord's cricket ground pavilion at dusk",
    "a pant leg with a patch, product photo",
    "fresh rasmalai in a bowl, food photo",
    "the river Ravi at sunset, painting",
    "a golden trophy on a wooden table",
    "stadium lights at night, wide shot",
    "a red saree on a mannequin, studio photo",
    "Martinez street corner in Buenos Aires, watercolor",
    "a kite flying over Lahore rooftops",
    "a cup of masala chai on a train window",
    "football boots drying on a fence, photo",
    "a lotus pond in Dhaka at dawn",
    "赛马 在 草原 上 奔跑 的照片",
    "東京 の 夜景 写真",
    "ein roter Teppich vor einem Kino, Foto",
    "le tapis rouge du festival de Cannes, photo",
    "carpet pattern with persian motifs, illustration",
    "a desert caravan at sunset, oil painting",
    "wild lions in the Serengeti, photo",
    "yorkshire pudding on a plate, food photo",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round36l_positive(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt))


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round36l_negative(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt))
