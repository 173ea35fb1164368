"""Round 33b classes: K-pop members by Hangul or word-like Latin stage name beside their group or a K-pop cue,
esports handles written with a digit for a letter, and the same-shape words that must stay words."""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # a member's Hangul stage name beside the group's Latin or Hangul name
    "BTS 뷔 backstage photo",
    "방탄소년단 지민 무대 사진",
    "BTS 진 at the airport, candid",
    # a Latin stage name that is a word or common given name, with the group or a K-pop cue
    "Winter dancing at a kpop concert, fancam",
    "Irene in a white dress, red velvet comeback stage",
    "Lisa waving at fans, k-pop idol, stage lights",
    # esports handles typed with a digit
    "dev1ce holding the major trophy, confetti",
    "f0rest celebrating on stage at a counter-strike tournament",
    "s1mple portrait, esports arena background",
]

NEGATIVES = [
    "지민 씨의 생일 케이크 사진",
    "a glass of rosé wine on a terrace at sunset",
    "winter dancing snowflakes, watercolor",
    "Lisa performing on stage at a school talent show",
    "a simple forest at dawn, mist",
    "a device on a desk, product shot",
    "simple black dress on a mannequin",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
