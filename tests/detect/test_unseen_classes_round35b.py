"""Round 35b classes (famous names): listed people in another Arabic-script spelling (Urdu letters against Persian
and Arabic ones, a compound given name written joined) inside English prompts, Arab-world singers and Mandopop/
Cantopop stars in their own scripts, East African artists with Swahili performance cues ("akiimba jukwaani",
"picha ya X"), and Ethiopic names before Amharic picture phrases ("የቁም ምስል", a portrait); with the same-shape
prompts that must stay words."""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # a listed name in another Arabic-script spelling (Urdu heh/yeh/keheh against Persian and Arabic letters;
    # a two-word compound given name written joined)
    "cinematic still of شاهرخ خان in a white shirt",
    "portrait of عمران خان, old photo",
    "photo of عامر خان laughing",
    # Arab-world singers and composers, Mandopop and Cantopop stars, in English prompts
    "ماجدة الرومي singing, black and white concert photo",
    "portrait of حسين الجسمي in a white kandura",
    "close-up of 王力宏 playing guitar, stage lights",
    "梅艷芳 in a sequinned gown, 1980s concert",
    "周華健 演唱会 照片",
    # East African artists with Swahili performance cues
    "picha ya Rayvanny akiimba jukwaani",
    "Alikiba akitumbuiza kwenye tamasha",
    "Nandy akiimba jukwaani, picha halisi",
    "Otile Brown on stage, concert photo",
    # Ethiopic names before Amharic picture phrases
    "ሰላም ታደሰ ወልዴ የቁም ምስል",
    "ዳዊት ገብሩ የቁም ፎቶ",
    "ደራርቱ ቱሉ ስትሮጥ፣ ፎቶ",
]

NEGATIVES = [
    # Arabic-script everyday prompts in English frames
    "photo of a خان (caravanserai) courtyard at dusk",
    "portrait of a man reading قرآن by lamplight",
    # Han text that is no name
    "a bowl of 牛肉面, food photography",
    "the 五月天 sky over the city, painting",
    # Swahili prompts with the words of the stage names in their ordinary sense
    "nandy akiwa shambani na ng'ombe",
    "harmonize the colours of the sunset, watercolour",
    "picha ya harmonize ya rangi, sanaa",
    "le bien commun, tableau allégorique",
    "kwaya ikiimba jukwaani, picha",
    # Amharic portrait phrases without a name
    "የቁም ምስል ሥዕል",
    "የቡና ሥነ ሥርዓት የቁም ምስል",
    "የገበሬ የቁም ምስል",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
