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
