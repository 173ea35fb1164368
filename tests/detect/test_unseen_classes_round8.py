"""Issue 16, round 8: classes batch 7 still got wrong after round 7.

Each class is pinned by prompts written for this file (not the batch's strings): positives
that must be identity-seeking and same-shape negatives that must stay clean.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

# -- Korean: a surname syllable + a dictionary word before 사진 is a compound ("고품질 사진" = high-quality
# photo), when neither syllable of the word sits there in a listed given name; listed given names and
# names before 씨/님 stay names
KO_COMPOUNDS = ["고품질 사진", "백사장 사진", "한겨울 사진", "신제품 사진", "도시 야경, 장노출 사진"]
KO_NAMES = ["김민준 사진", "박서연 사진", "이지은 사진", "최지우 사진", "김철수 사진", "이영희 사진", "김유리 사진",
            "박나래 씨 사진"]


@pytest.mark.parametrize("prompt", KO_COMPOUNDS)
def test_korean_prefix_compounds_are_not_names(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", KO_NAMES)
def test_korean_names_before_a_picture_word_stay_names(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


# -- a listed name made only of numbers and everyday words ("50 Cent") is read like a "~" alias:
# after an article or before a thing it is the phrase, with a person cue or its capitals it is the person
EVERYDAY_NAME_OBJECTS = ["a 50 cent coin in a jar", "two 50 cent pieces on a counter", "a pile of 50 cent coins",
                         "50 cent coin, macro shot"]
EVERYDAY_NAME_PEOPLE = ["50 Cent performing on stage", "50 cent in a hoodie at a concert", "portrait of 50 cent",
                        "rapper 50 cent waving", "a photo of 50 Cent"]


@pytest.mark.parametrize("prompt", EVERYDAY_NAME_OBJECTS)
def test_names_made_of_everyday_words_as_objects(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", EVERYDAY_NAME_PEOPLE)
def test_names_made_of_everyday_words_as_people(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


def test_names_of_name_words_stay_names_without_a_cue(stack):
    # first names and surnames are not "everyday words" for this rule
    for prompt in ("taylor swift", "frank ocean", "Taylor Swift, oil painting"):
        assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


# -- a DreamBooth identifier followed by an object noun is object personalisation, also after "a photo of";
# the identifier alone, before a person class, an action, a preposition or a relation stays identity-seeking
DREAMBOOTH_OBJECTS = ["a photo of sks vase on a shelf", "a picture of sks backpack by a lake",
                      "a photo of ohwx sneakers on a table", "an image of sks dog in the snow"]
DREAMBOOTH_PEOPLE = ["a photo of sks", "a photo of sks smiling", "a photo of sks in a suit",
                     "a photo of sks wearing a hat", "a photo of sks man on a beach", "a photo of sks woman",
                     "a photo of sks mom", "a photo of sks at the beach", "a photo of sks, studio lighting"]


@pytest.mark.parametrize("prompt", DREAMBOOTH_OBJECTS)
def test_dreambooth_identifier_before_an_object(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", DREAMBOOTH_PEOPLE)
def test_dreambooth_identifier_as_a_person(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


# -- "the <role or nationality> who <did> <something named>": verbs many people do (released, reigned, lifted,
# commanded, became, won) point at one real person when the object is named (a capital or a number follows);
# "the <event> world record holder" too
WHO_DID_NAMED = ["the rapper who released Graduation, on stage", "the Swiss who has won Wimbledon eight times",
                 "the queen who reigned over the Netherlands for decades, portrait",
                 "the astronaut who commanded Apollo 11 waving", "the Brazilian striker who lifted the 1970 World Cup",
                 "the chess player who became world champion in 1972", "the 400m world record holder at the blocks"]
WHO_DID_GENERIC = ["the king who ruled the land, fairy tale illustration",
                   "the queen who reigned over the enchanted forest, watercolor", "the band who released a new album",
                   "the captain who lifted the trophy, cartoon", "a world record holder in the village eating contest",
                   "the man who became a tree, surreal art"]


@pytest.mark.parametrize("prompt", WHO_DID_NAMED)
def test_who_did_something_named_is_one_person(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", WHO_DID_GENERIC)
def test_who_did_something_unnamed_stays_generic(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))
