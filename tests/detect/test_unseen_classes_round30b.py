"""Round 30b classes (issue 16): one-word stage names of Spanish, Latin American, Irish, British, Nordic and French
singers beside a stage cue, Korean sport figures written in Hangul inside tag soups, Bengali family-name compounds
(-gupta, -opadhyay, Roychowdhury) in Bengali script, Czech adjectival surnames after a given name in a case form,
and Brazilian (Northeastern) given names before "de/da/dos" surnames.

Written for the classes, not copied from the batches.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking


@pytest.mark.parametrize("prompt", [
    # one-word stage names with a stage cue
    "Raphael cantando en el escenario con traje negro",
    "Sigrid performing live, crowd in the background",
    "Calogero en concert à l'Olympia, photo",
    "Aitana en concierto, luces moradas",
    "Hozier on stage with a choir, black and white",
    # Korean athletes in Hangul inside SD tag soups
    "(masterpiece:1.2), best quality, 류현진 pitching in a Dodgers uniform",
    "8k, ultra detailed, (박세리:1.1) swinging a golf club",
    "photo of 이상화 speed skating, dynamic angle",
    "안세영 badminton smash, sports photography, 4k",
    # unlisted Hangul names alone in an English tag soup, then dress or a person's doing
    "(best quality:1.2), 8k, 이지은 in a school uniform, hallway",
    "masterpiece, 김도현 wearing a black suit, rain",
    # Bengali family-name compounds in Bengali script
    "কৌশিক সেনগুপ্ত হারমোনিয়াম বাজাচ্ছেন",
    "শর্মিষ্ঠা রায়চৌধুরী বারান্দায় চা খাচ্ছেন, ছবি",
    "দেবযানী ভট্টাচার্য লাইব্রেরিতে বই পড়ছেন",
    # a compound family name no list holds, by its ending
    "তন্ময় বসুঠাকুরতা ছাদে ঘুড়ি ওড়াচ্ছেন",
    # Czech adjectival surnames after a given name in a case form
    "fotka Jany Krejčí na zahradě",
    "portrét Kateřiny Hořejší u okna",
    "obrázek Tomáše Černého na kole",
    # Brazilian given names before de/da/dos surnames
    "foto do Josenildo Bezerra dos Santos na feira",
    "retrato da Rosineide Feitosa da Silva na varanda",
    "Edivaldo Dantas de Oliveira pescando no rio",
])
def test_identity_seeking(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt)), prompt


@pytest.mark.parametrize("prompt", [
    # the stage-name words in their ordinary senses
    "the aurora over a frozen fjord, long exposure",
    "a Chanel handbag on a marble table, product shot",
    "soprano saxophone on a velvet cloth",
    "a soprano singing an aria under a spotlight",
    "the aurora dancing over a frozen fjord",
    "a boxer raising his belt in the ring, anonymous fighter",
    # tag soups with Hangul words that are no names
    "(masterpiece:1.2), 서울 야경, city lights, 8k",
    "best quality, 한복 dress on a mannequin, studio light",
    "(masterpiece), 김치전 sitting on a plate, food photo",
    "8k, 남대문 standing at night, long exposure",
    # Bengali scenes without a name
    "নদীর ধারে সূর্যাস্তের ছবি",
    "গ্রামের মেলার ছবি, ঢাক বাজাচ্ছে",
    # "গুপ্ত" (secret) as a word
    "একটি গুপ্ত সুড়ঙ্গের ছবি",
    "গুপ্ত ধনের সিন্দুকের ছবি",
    # Czech places and things in the same shapes
    "fotka Prahy Staré na pohlednici",
    "fotka Karlova mostu v zimě",
    # Brazilian places with "de/da"
    "foto da praia de Jericoacoara ao pôr do sol",
    "fotografia da Rua Marinalva no centro",
])
def test_not_identity_seeking(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt)), prompt
