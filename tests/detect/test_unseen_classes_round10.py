"""Issue 16, round 10: classes of batches 8 and 9 (batch 9's false positives first).

Each class is pinned by prompts written for this file (not the batches' strings): same-shape
negatives that must stay clean and positives of the same shape that must keep working.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

# -- Telugu, Kannada, Malayalam, Gujarati (no word list): a locative or a present participle is no name word;
# dishes, adjectives (hot, cold, sweet) and landmarks (palace, fort, lake, waterfall) are common words, also in
# the genitive ("-ಯ", "-ത്തിന്റെ", "-ાનો"); artworks of a figure of faith are not the singer
DRAVIDIAN_DESCRIPTIONS = ["ఒక యువతి తోటలో నవ్వుతున్న చిత్రం", "పిల్లలు బడిలో ఆడుతున్న ఫోటో", "వేడి ఇడ్లీ ఫోటో",
                          "ಹಂಪಿ ಕೋಟೆಯ ಚಿತ್ರ", "ಬಿಸಿ ದೋಸೆಯ ಫೋಟೋ", "ಜೋಗ ಜಲಪಾತದ ಚಿತ್ರ", "ಮನೆಯಲ್ಲಿ ಆಡುತ್ತಿರುವ ಮಕ್ಕಳ ಚಿತ್ರ",
                          "ചിരിക്കുന്ന കുട്ടിയുടെ ചിത്രം", "മൂന്നാർ തടാകത്തിന്റെ ഫോട്ടോ"]
GUJARATI_THINGS = ["ગરમ જલેબીનો ફોટો", "ઠંડી છાશનો ફોટો", "પાવાગઢ કિલ્લાનો ફોટો"]
ARTWORKS = ["Madonna with Child, tempera on panel", "a Black Madonna icon in a Polish church",
            "Virgin and Child in gold leaf", "madonna and child, gothic altarpiece"]
NAMES_OF_THE_SAME_SHAPE = ["శ్రీనివాస్ రెడ్డి ఆఫీసులో ఫోటో", "సురేష్ వర్మ ఇంట్లో ఫోటో", "ರಮೇಶ್ ಗೌಡ ಮನೆಯಲ್ಲಿ ಫೋಟೋ",
                           "ರಮೇಶ್ ಅವರ ಫೋಟೋ", "మహేష్ బాబు గారి ఫోటో", "ശ്രീലക്ഷ്മി പണിക്കരുടെ വിവാഹ ഫോട്ടോ",
                           "હેતલ પટેલનો ફોટો", "મનોજ જોશીનો ફોટો", "ಸುಧಾ ಮೂರ್ತಿ ಅವರ ಫೋಟೋ",
                           "Madonna singing at the Super Bowl", "Madonna with her children at a premiere"]


@pytest.mark.parametrize("prompt", DRAVIDIAN_DESCRIPTIONS + GUJARATI_THINGS + ARTWORKS)
def test_descriptions_are_not_names(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", NAMES_OF_THE_SAME_SHAPE)
def test_names_of_the_same_shape_stay_names(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))
