"""Round 28b classes (issue 16): stage names that are dictionary words in their ordinary sense, lower-case listed
people after a picture phrase in other languages, and surname endings of Swedish, German and Dutch names.

Written for the classes, not copied from the batches.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking


@pytest.mark.parametrize("prompt", [
    # a stage name that is a word, opening the prompt, among words of its ordinary sense
    "Sting of a hornet on a leaf, extreme macro",
    "Drake and two hens paddling across the lake, wildlife shot",
    "Birdy on a branch with feathers puffed up, watercolour",
    "Usher showing guests to their seats at the theatre",
    "drake and ducklings in the marsh at dawn",
    # picture cue in another language before a thing
    "una foto de la playa de puerto rico al atardecer",
    # a surname-like ending on a place or thing word, with no given name
    "a photo of the Lindqvist harbour at night",
    "Foto vom Obermeyer Hof im Winter",
])
def test_not_identity_seeking(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt)), prompt


@pytest.mark.parametrize("prompt", [
    # the performer: a stage cue, or the name capitalised inside the sentence
    "Drake performing on stage in Toronto",
    "Sting singing with a bass guitar",
    "Usher at the Super Bowl halftime show",
    # lower-case listed people after a picture phrase with its preposition
    "una foto de bad bunny saludando a sus fans",
    "foto di federica brignone sul podio",
    "a picture of atiku abubakar at a rally in kano",
    # a listed given name and an unlisted surname with a Swedish, German or Dutch ending
    "porträtt av Maja Bergqvist vid sjön",
    "Passfoto von Stefan Hollenbauer, weißer Hintergrund",
    "pasfoto van Joost Boomgaarden",
])
def test_identity_seeking(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt)), prompt
