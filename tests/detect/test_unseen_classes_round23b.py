"""Round 23b classes (batches 23 and 24 as dev data): same-shape positives and negatives written for this round.

* Finnish and Estonian case forms with a linking vowel after a consonant-final listed surname, also in lower
  case ("sanna marinille", "kaja kallasega"): the name is found on the stem without vowel and ending.
* Glued postpositions after listed native-script names in Thaana (Dhivehi genitive "-ގެ") like the Indic ones.
* Indic picture cues with one word between the postposition and the picture word: a passport, profile or ID
  photo ("X की पासपोर्ट फोटो", "X को पासपोर्ट साइज फोटो"), and Nepali "को"/Marathi "ची/चा" before a picture word.
* Public-figure groups with native spellings: Nepali, Sri Lankan and Maldivian politicians, Korean historical
  figures and solo singers, Nordic writers, artists and musicians, Austrian and Swiss musicians.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking
from aplguard.detect.inflection import unlink


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # linking vowel + case ending on a listed surname, lower and title case
    "kuva sanna marinille kukkakimpun kanssa",
    "valokuva Sanna Mariniin liittyen, hymyilevä",
    "pilt kaja kallasega kohvikus",
    "foto kaja kallasele lilledega",
    # Thaana genitive glued to a listed name
    "މުހައްމަދު ނަޝީދުގެ ޕޯޓްރެއިޓް",
    # Indic: one word between postposition and picture word; Nepali and Marathi postpositions
    "सुनीता थापा को पासपोर्ट साइज फोटो",
    "राहुल वर्मा की प्रोफाइल फोटो",
    "रमेश पाटील चा फोटो",
    "अनिता गुरुङ को तस्बिर",
    # new public-figure groups
    "केपी शर्मा ओलीको भाषण दिँदै गरेको फोटो",
    "शेरबहादुर देउवा संसदमा, फोटो",
    "මහින්ද රාජපක්ෂ රැස්වීමක, ඡායාරූපය",
    "이순신 장군 초상화, 갑옷",
    "portrait of 박정희 in a military uniform",
    "임영웅 콘서트 무대 사진",
    "astrid lindgren reading to children, black and white photo",
    "Henrik Ibsen at his desk, oil painting",
    "Udo Jürgens am Flügel, Konzertfoto",
    "Hubert von Goisern mit Ziehharmonika auf der Bühne",
    "Jean Sibelius walking in the forest near Ainola",
]

NEGATIVES = [
    # inflected common words and place names in Finnish/Estonian stay generic
    "kuva kissasta tanssimassa festareilla",
    "pilt kassist pressikonverentsil",
    "kuva helsingista talvella",
    # an Indic passport photo without a name
    "पासपोर्ट फोटो का नमूना, सफेद पृष्ठभूमि",
    "नीली साड़ी की पासपोर्ट फोटो",
    "भारत की पासपोर्ट फोटो का आकार",
    # Korean words, style credits and places of the listed people's fields
    "세종시 호수공원 야경 사진",
    "in the style of Carl Larsson, a sunny Swedish interior, watercolor",
    "a painting in the style of Hilma af Klint, abstract spirals",
    "the Ibsen museum building in Oslo, exterior photo",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(prompt, detectors):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(prompt, detectors):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


def test_unlink():
    assert unlink("marinista") == "marin"
    assert unlink("kallasest") == "kallas"
    assert unlink("kissa") == "kissa"  # vowel-final base: no linking vowel taken off
    assert unlink("anna") == "anna"
