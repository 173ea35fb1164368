"""Round 42: a private person whose name words no list holds, right after a portrait word.

The name lists hold the given names of some traditions only; "portrait of Zhaksylyk Omarbekov" has no listed word.
A portrait, headshot or mugshot is asked of a person, so two or three capitalised words right after it that no
dictionary, city, thing or region list knows are a name, when the prompt ends there, a comma follows, or something a
person does. Places, characters and pets after a portrait word stay negative. Prompts written by hand.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking, portrait_subject


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


@pytest.mark.parametrize("prompt", [
    "portrait of Zhaksylyk Omarbekov in his office",
    "portrait of Tsetseg Dorjsuren, herder, ger in background",
    "headshot of Oyunchimeg Tserendorj",
    "portrait of Tuvshin Batbayar Ganzorig, smiling, 85mm",
    "retrato de Xochiquetzal Huitzilin Tecuapetla, maestra rural",
    "Porträt von Dzhamilya Kurmanalieva im Garten",
    "mugshot of Yerlan Tokhtarbekov, grainy",
])
def test_unknown_name_after_a_portrait_word_is_a_person(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors))


@pytest.mark.parametrize("prompt", [
    "portrait of Machu Picchu, golden hour",
    "portrait of Angkor Wat at sunset",
    "portrait of Mount Kilimanjaro at dusk",
    "portrait of Tbilisi Old Town",
    "portrait of Bora Bora lagoon",
    "portrait of Rivendell Elves",
    "portrait of a Maine Coon cat",
    "portrait of Zorblax Quintar, fantasy character, digital art",
    "Portrait Of Zhaksylyk Omarbekov In His Office",  # Title Case: capitals say nothing
    "portrait of Hagia Sophia interior",
    "kopia: portret Mony Lisy w złotej ramie",  # Mona Lisa in the Polish genitive
])
def test_places_characters_and_title_case_stay_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors))


def test_find_needs_a_portrait_word_and_unknown_words():
    text = "photo of Zhaksylyk Omarbekov"
    assert portrait_subject.find(text, text.lower(), lambda k: True, lambda e: False) == []
    text = "portrait of Zhaksylyk Omarbekov"
    assert portrait_subject.find(text, text.lower(), lambda k: True, lambda e: False) == [(12, 31)]
    assert portrait_subject.find(text, text.lower(), lambda k: k != "omarbekov", lambda e: False) == []
