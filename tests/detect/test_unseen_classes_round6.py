"""Issue 16, round 6: classes the unseen batches 4 and 5 still missed after their fixes.

Each class is pinned by prompts written for this file (not the batches' strings): positives
that must be identity-seeking and same-shape negatives that must stay clean.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

# -- relations and roles before a first name (possessive + compound role, role at my place, title + from my place)
RELATIONS = ["my ex-husband Marco at the beach", "my aunt Su-Min cooking dumplings",
             "our dog walker Priscilla with five dogs", "the bartender at our neighborhood pub, Declan, mixing a drink",
             "Nurse Olu from my doctor's clinic smiling", "my step-sister Ines on her birthday",
             "our family dentist Farid in his office"]
RELATIONS_CLEAN = ["my dog Max in the park", "our old house in the snow", "my favorite mug on a desk",
                   "the barista at my local cafe pouring latte art", "the bartender at our pub, smiling, mixing a drink",
                   "our mail carrier delivering packages in the rain", "my ex-girlfriend's red dress on a hanger",
                   "the view from my office window", "my new Self-Portrait series",
                   "the cafe at my local park, Sunday morning"]

# -- lower-case first name + surname followed by what is said of a person
LOWER = ["priya raman-iyer at her wedding", "tomas novak from the sales team at a bbq",
         "greta lindqvist smiling by the lake", "oliver brandt with a guitar on his back",
         "kofi mensah-bonsu at his desk"]
LOWER_CLEAN = ["jim beam on the rocks", "john deere tractor in a field", "tom collins with a lemon slice",
               "jack daniels bottle on a bar", "ruby tuesday at the mall", "mary jane shoes on a floor",
               "bloody mary with celery", "tom ford sunglasses on a table", "pink lady apples in a bowl",
               "student council at her school", "rose gold at her wedding", "john wick at his house"]

# -- @handles with a platform
HANDLES = ["@jennyk_93 from twitter in a cafe", "@tomasz_rides on tiktok", "@mayalovesyou via instagram, selfie"]
HANDLES_CLEAN = ["@home from instagram", "@2x on twitter", "@sunset_vibes from instagram, a beach at sunset",
                 "icon @2x on a white background", "meet me @home tonight"]


@pytest.mark.parametrize("prompt", RELATIONS + LOWER + HANDLES)
def test_round6_classes_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


@pytest.mark.parametrize("prompt", RELATIONS_CLEAN + LOWER_CLEAN + HANDLES_CLEAN)
def test_round6_hard_negatives_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt
