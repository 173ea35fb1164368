"""Round 31b classes (issue 16): names by their structure - Malay/Indonesian "bin/binti" and Malaysian Indian
"a/l"/"a/p" patronymics, Nordic "-sson/-dottir" names in lower case without diacritics, Japanese full names in
hiragana/katakana with a picture cue, Kazakh/Kyrgyz/Uzbek names in Cyrillic (their own letters, "-ұлы/-қызы"),
Bangladeshi Muslim names in Bengali script, unaccented Vietnamese names before what a person does.

Written for the classes, not copied from the batches.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking


@pytest.mark.parametrize("prompt", [
    # patronymic connectors
    "Muhammad Hafiz bin Ismail berdiri di depan masjid, foto",
    "portrait of Siti Khadijah binti Osman in a garden",
    "Suresh a/l Ramasamy fixing a motorbike",
    "Devi a/p Krishnan at her graduation, photo",
    # Nordic patronymic/-sson names, lower case, no diacritics
    "mynd af gudrun sigurdardottir i eldhusinu",
    "photo of erik johansson fishing on a lake",
    "sigrun einarsdottir playing the piano",
    # Japanese full names in kana with a picture cue
    "さとうけんじ の写真、スーツ姿",
    "タナカユキ 笑顔のポートレート",
    # Kazakh/Kyrgyz/Uzbek names in Cyrillic
    "Ерлан Нұрланұлы жиналыста сөйлеп тұр, фото",
    "Гүлнар Сейітова кітап оқып отыр",
    "Дилноза Каримова портрет",
    # Bangladeshi names in Bengali script
    "সাকিব হাসান মাঠে ব্যাট করছেন, ছবি",
    "নুসরাত জাহান খান অফিসে বসে আছেন",
    # unaccented Vietnamese name before what a person does
    "nguyen minh dan chuong trinh tren san khau",
])
def test_identity_seeking(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt)), prompt


@pytest.mark.parametrize("prompt", [
    # "bin" as a container, slashes that are no connectors
    "Recycle bin Windows icon on a desktop",
    "a Kitchen bin Outside the house, photo",
    "Sales a/b Testing dashboard screenshot",
    # "-sson" words that are no names
    "a piano lesson in a bright classroom",
    "english lesson with a blackboard",
    # kana words and cues without a name
    "さくらもちの写真、和菓子",
    "ありがとうございます 笑顔のイラスト",
    "たなかさんの写真",
    # Cyrillic everyday words
    "две акулы в океане, фото",
    # Bengali everyday scenes
    "নদীর পাড়ে নৌকার ছবি",
    "সরকারি অফিসের সামনে ভিড়, ছবি",
    # Vietnamese place and colour phrases
    "mau do dan tren tuong",
])
def test_not_identity_seeking(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt)), prompt
