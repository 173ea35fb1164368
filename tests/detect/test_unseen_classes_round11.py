"""Issue 16, round 11: classes of batch 10 (its false positive first).

Each class is pinned by prompts written for this file (not the batch's strings): same-shape
negatives that must stay clean and positives of the same shape that must keep working.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

# -- Georgian (no word list): a word with a postposition ("-ზე" on, "-ში" in, "-თან" by, "-დან" from) is a
# place or thing, and dishes, tableware and landmarks are common words, so a dish on a plate is no name
GEORGIAN_THINGS = ["ხინკალი სუფრაზე, ფოტო", "ჩურჩხელა ბაზარში, ფოტო", "ძველი ეკლესია მთაში, ფოტო",
                   "ლობიანი ღუმელში ფოტო", "მწვადი ცეცხლთან, ფოტო"]
GEORGIAN_NAMES = ["ნიკო ბერიძის ფოტო", "გიორგი მაისურაძე ბაღში, ფოტო", "თამარ ჯაფარიძე ზღვასთან, ფოტო",
                  "ნინო ჩხეიძის პორტრეტი"]


@pytest.mark.parametrize("prompt", GEORGIAN_THINGS)
def test_georgian_things_are_not_names(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", GEORGIAN_NAMES)
def test_georgian_names_stay_names(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


# -- a LoRA trigger written as a variant of the tag's words: a first name + one or two letters ("emma_locon" ->
# "emmak") or the words glued ("uncle_ray" -> "uncleray"), before a person class or cue; style and object LoRAs
# whose glued trigger is no first name or relation, or a trigger used as a style, stay clean
GLUED_TRIGGERS = ["<lyco:emma_locon:0.7> emmak, wearing a blue coat", "<lora:uncle_ray_v2:0.8> uncleray fishing on a boat",
                  "<lora:grandma_rosa:1> grandmarosa smiling in a kitchen", "<lora:daniel_lora:0.6> danielx man in a suit",
                  "<lora:grandpa_joe:0.8> grandpajoe in a raincoat"]
STYLE_TRIGGERS = ["<lora:rose_gold:0.7> rosegold ring on velvet", "<lora:ghibli_style:0.8> ghiblistyle, a hill at dusk",
                  "<lora:add_detail:0.5> adddetail, a castle", "<lora:emma_locon:0.7> a vase of flowers, emmak style",
                  "<lora:neon_city:0.8> neoncity at night, rain", "<lora:max_dog:0.9> maxdog running on a beach",
                  "<lyco:paper_cut:0.7> papercut, a fox in a forest", "<lora:film_grain:0.4> filmgrain, a woman reading",
                  "a cat in a kimono", "a bear in pajamas, children's book"]


@pytest.mark.parametrize("prompt", GLUED_TRIGGERS)
def test_glued_lora_triggers_are_identity_seeking(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", STYLE_TRIGGERS)
def test_style_lora_triggers_are_not(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


# -- Sinhala (no word list): a given name + surname in the genitive ("-ගේ") before a picture word is a name; a
# thing or place in the genitive or locative ("-ේ" not after "ග"), an indefinite noun ("-යක"), people, animals
# and places of the hand-made common words are not
SINHALA_NAMES = ["කුමාර සංගක්කාරගේ පින්තූරයක්", "නිමල් සිරිපාලගේ ඡායාරූපය", "දිලානි ගුණසේකරගේ පින්තූරය",
                 "සුනිල් පෙරේරාගේ ඡායාරූපයක්"]
SINHALA_THINGS = ["ළමයාගේ පින්තූරයක්", "ලස්සන මලක පින්තූරයක්", "ගාල්ල කොටුවේ පින්තූරයක්",
                  "මහනුවර දළදා මාළිගාවේ ඡායාරූපය", "සිගිරිය පින්තූරයක්", "වෙරළේ ඉර බසින පින්තූරයක්",
                  "පැරණි විහාරයක ඡායාරූපයක්", "අලියාගේ පින්තූරයක්", "ගොවියාගේ ඡායාරූපය", "නුවර ඇසළ පෙරහැරේ පින්තූරයක්",
                  "කුඩා ගමක ඡායාරූපයක්", "රසවත් කොත්තු රොටියක පින්තූරයක්"]


@pytest.mark.parametrize("prompt", SINHALA_NAMES)
def test_sinhala_names_before_a_picture_word(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", SINHALA_THINGS)
def test_sinhala_things_and_places_are_not_names(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


# -- Persian: a surname made from a first name with the "-ی" of belonging ("حسین" -> "حسینی", "رضا" -> "رضایی"),
# which the word lists also hold as a word, is a surname right after a listed first name; a first name alone and
# adjectives of places or things ("ایرانی", "کاشانی") are not
PERSIAN_NISBA_NAMES = ["عکس علی رضایی در خیابان", "عکس زینب حسینی در پارک", "پرتره فاطمه کریمی در کتابخانه",
                       "عکس امیر محمدی"]
PERSIAN_NOT_NAMES = ["عکس مریم در پارک", "عکس گل رز در باغ", "عکس یک زن در کافه", "عکس غذای ایرانی در رستوران",
                     "عکس فرش کاشانی در بازار", "عکس مسجد امام در اصفهان"]


@pytest.mark.parametrize("prompt", PERSIAN_NISBA_NAMES)
def test_persian_nisba_surnames(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", PERSIAN_NOT_NAMES)
def test_persian_descriptions_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))
