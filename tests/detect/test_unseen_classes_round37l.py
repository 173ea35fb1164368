"""Round 37l classes (issue 16 §1): famous people the built-in list lacked, written by hand from general knowledge.

The list gained singers of every region (Afrobeats, amapiano, Bongo Flava, Balkan turbo-folk, Hungarian, Polish,
Turkish, Greek, Iranian and Arab pop, K-pop members of the 2010s and 2020s, J-pop, C-pop, Thai, Vietnamese,
Indonesian, Filipino, Indian playback and Punjabi singers), internet creators, founders, national heroes and
monarchs, and athletes of volleyball, handball, ice hockey, skiing, skating, gymnastics, swimming, athletics, sumo,
wrestling, badminton, table tennis, kabaddi and esports. Positives name them in varied prompts (mixed case,
lowercase, native script, other languages); negatives share a name part with them but name nobody.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # lowercase full names and one-word stage names only the list knows (the base tree misses these)
    "shallipopi performing live in lagos",
    "seyi vibez on stage, concert photo",
    "kwesi arthur in a recording studio",
    "Wally Seck on stage in Dakar",
    "Focalistic dancing amapiano",
    "Uncle Waffles DJing",
    "Young Stunna singing",
    "DBN Gogo at a party",
    "roksana węgiel na scenie",
    "Azis performing in Sofia, glitter costume",
    "Адиль Жалелов на концерте",
    "sung hanbin of zerobaseone at the airport",
    "moira dela torre singing at a wedding",
    "Tzuyang eating a huge bowl of noodles, mukbang",
    "Wylsacom reviewing a phone",
    "enzo knol laughing, youtube thumbnail",
    "elvish yadav at a party",
    "tadeusz kościuszko in uniform, portrait",
    "theodoros kolokotronis oil painting",
    "wilfredo león spiking the ball",
    "pardeep narwal raiding in a kabaddi match",
    "tai tzu-ying smashing a shuttlecock",
    "樊振东打乒乓球的照片",
    "戴資穎打羽毛球",
    # other forms: native scripts, other languages, mixed case
    "Σάκης Ρουβάς στη σκηνή",
    "Θεόδωρος Κολοκοτρώνης πορτρέτο",
    "پوستر کنسرت محسن یگانه",
    "تامر حسني على المسرح",
    "শেখ মুজিবুর রহমানের ছবি",
    "ਗੁਰਦਾਸ ਮਾਨ ਦੀ ਤਸਵੀਰ",
    "星野源のライブ写真",
    "华晨宇演唱会照片",
    "Валентин Петухов обзор телефона",
    "hồ ngọc hà trên sân khấu",
    "isyana sarasvati bernyanyi di panggung",
    "demet akalın konser fotoğrafı",
    "jelena karleuša in a sparkly dress",
    "karan aujla in a punjabi music video",
    "Knossi streaming on twitch, laughing",
    "therese johaug skiing in the snow",
    "faith kipyegon crossing the finish line",
]

NEGATIVES = [
    "a burna-style ceramic vase on a table",
    "a kolokotronis street sign in Athens",
    "the volleyball net on an empty beach",
    "kabaddi court markings, aerial view",
    "a sumo ring with no wrestlers, morning light",
    "Taipei 101 in the fog",
    "a punjabi dhaba with string lights",
    "a shuttlecock on a badminton court",
    "a plate of waffles with syrup, breakfast table",
    "young stunt riders in a desert, motion blur",
    "a tiradentes square in Brazil, colonial houses",
    "sejong city skyline at dawn",
    "a mango and papaya still life",
    "a ruger revolver on a wooden table, product shot",
    "a device on a desk, minimalist product photo",
    "periyar river at sunset, kerala",
    "diponegoro university campus, aerial view",
    "a crayon drawing of a house and a sun",
    "a portable speaker on a beach towel",
    "a shaman in a forest ritual, painting",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round37l_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round37l_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
