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


# -- a relation of the user without a name ("my <relation>" + action, setting or outfit, or after a picture word)
# and the user themselves are a specific private person; a thing of theirs, a relation that is not the subject,
# an indefinite person, pets and things are not
RELATIONS_DEPICTED = ["my grandfather fishing", "our math teacher grading papers", "my mom in her garden",
                      "a portrait of my uncle", "our coach shouting on the sideline", "my ex in a red dress",
                      "my family doctor smiling", "my mom and dad at the beach", "my crush smiling at me",
                      "my step-sister wearing a ball gown", "a candid photo of our landlady",
                      "a picture of me as an astronaut", "me and my brother at a ballgame"]
RELATIONS_NOT_DEPICTED = ["my dog in the garden", "my car at sunset", "my favourite teacher-themed mug",
                          "a mom in her garden", "moms at a playground", "my mom's recipe for lasagna",
                          "my dream house", "my mom's garden in spring", "a gift for my dad, a watch",
                          "my teacher told me to draw a cat", "a mug for my boss, minimalist",
                          "my boyfriend jeans with a belt", "my daughter wants a unicorn cake",
                          "our neighbour's cat sleeping", "a dad at a barbecue", "teachers grading papers, stock photo",
                          "my boss level in a video game", "my family crest on a shield", "show me a cat",
                          "draw me a dragon", "my dad joke on a t-shirt", "my son drawing of a horse"]


@pytest.mark.parametrize("prompt", RELATIONS_DEPICTED)
def test_relations_without_a_name_are_identity_seeking(stack, prompt):
    found = [f for f in detect_prompt(prompt, stack) if f.identity_seeking]
    assert found and all(f.kind == "private_person" for f in found)


@pytest.mark.parametrize("prompt", RELATIONS_NOT_DEPICTED)
def test_things_of_relations_and_strangers_are_not(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


# -- indirect references by office or record: an office of a named organisation, a reigning title, the
# longest-serving holder of a national office, an all-time record "in <league> history", a named company's founder;
# resolved only where a curated description is certain
OFFICE_OR_RECORD = ["the manager of Real Madrid on the touchline", "the reigning heavyweight boxing champion in the ring",
                    "the longest-serving prime minister of Canada", "the all time leading goalscorer in Premier League "
                    "history", "the current director general of the WHO at a podium", "the late Microsoft cofounder "
                    "at a conference", "the chemist who pioneered radioactivity research", "the Norwegian explorer "
                    "who sailed to Antarctica"]
OFFICE_OR_RECORD_GENERIC = ["the manager of a small shop", "a reigning champion chess cat cartoon", "the longest bridge",
                            "the manager of the hotel smiling", "the startup founder at a desk",
                            "the reigning champion cat at the show", "the top scorer in our office league",
                            "the highest earner in our family", "the top student in the class",
                            "the leading scorer in my son's league", "the owner of a bakery kneading dough"]


@pytest.mark.parametrize("prompt", OFFICE_OR_RECORD)
def test_office_and_record_references_are_identity_seeking(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", OFFICE_OR_RECORD_GENERIC)
def test_generic_offices_and_records_are_not(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt, canonical", [
    ("the current Secretary-General of the United Nations at a podium", "Antonio Guterres"),
    ("the longest-serving British monarch in a carriage", "Queen Elizabeth II"),
    ("the all-time leading scorer in NBA history with a trophy", "LeBron James"),
])
def test_certain_office_and_record_references_resolve(stack, prompt, canonical):
    assert canonical in [f.canonical for f in detect_prompt(prompt, stack) if f.identity_seeking]


# -- Cyrillic surname shapes are matched on folded words ("й" -> "и"): "-ский", "-ой" and first names in "-й"
# ("Андрей", "Сергей") now count; places and lower-case adjective phrases of the same endings stay clean
CYRILLIC_SHAPES = ["Андрей Покровский на даче", "фото Андрея Покровского на даче", "фото Марии Луговой у окна",
                   "портрет Николая Загорского", "Фото Ольги Ковальской в парке"]
CYRILLIC_PLACES = ["Фото Красной площади ночью", "Фото Большого театра в Москве", "Невский проспект зимой, фото",
                   "фото большой собаки", "Фото старой мельницы"]


@pytest.mark.parametrize("prompt", CYRILLIC_SHAPES)
def test_cyrillic_surname_shapes_with_short_i(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", CYRILLIC_PLACES)
def test_cyrillic_places_and_adjectives_are_not_names(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


# -- a DreamBooth identifier whose only vowel is "y" ("kjy person") when no dictionary holds it; words such as
# "shy", "spy", "gym" before a person class are not identifiers
@pytest.mark.parametrize("prompt", ["kjy person in a passport photo", "ytk woman in a red dress", "bdy man on a bike"])
def test_identifiers_with_y_before_a_person_class(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", ["a shy man reading", "the spy man in a trench coat", "a sly woman smiling",
                                    "gym man lifting weights", "myth man, comic cover"])
def test_words_with_y_before_a_person_class_are_not_identifiers(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))
