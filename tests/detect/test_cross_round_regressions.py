"""Cross-round regressions found when all unseen batches were re-run at the end of rounds 17-21 and 22-26.

Each rule of one round can undo a class of an earlier one; these pin the three seen: a relation named by a first name
that is also a cue-only alias of a public figure ("~~Marta", round 19b), the Persian honorific "استاد" (master) read
as the Egyptian word for a stadium (round 18a), and the Filipino everyman "Juan dela Cruz" once "dela" became a
surname particle (round 20b). Same-shape counterparts keep the later rules honest.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    "my cousin Marta blowing out birthday candles, polaroid",
    "my sister Marta at the beach, film photo",
    "Drake performing on stage",  # the ambiguous alias itself still names the person with a cue
    "پرتره استاد محمدرضا شجریان با سه‌تار، نور گرم",
    "عکس استاد محمدرضا شجریان",
    "larawan ni Mariano dela Cruz Jr. sa kanyang tindahan",
    # round 24a: a work listed as fictional (round 22a) must not hide its creator after a contracted preposition
    "retrato do autor de Dom Casmurro em estilo daguerreótipo",
    "foto del autor de Don Quijote en su escritorio",
    # round 24a: a listed visual artist (round 23b) at work somewhere is pictured, not a style
    "Tove Jansson drawing on a rocky island, summer light",
    "Tove Jansson sketching by the window of her studio",
    # round 25b: initials typed without their dots are a given name ("M.I.A." -> "mia"), but a letter swapped for
    # a sign ("P!nk") typed plainly is the stage name's ordinary spelling
    "Pink singing upside down on a trapeze",
    "Pink performing at a stadium concert, confetti",
    # round 26a's "first <nationality> to win ..." needs a nationality word, not any noun ending in -o/-a
    "el primer ruso en ganar el Premio Nobel, foto",
    "o primeiro brasileiro a vencer o Oscar, retrato",
    # round 24a made nouns for a kind of person ("madonna", "usher") need a stage cue; a dance or a decade is one
    "madonna dancing at a club in the 80s, flash photo",
    "usher dancing in a white suit, 2004",
    # round 33a's Romance "first woman to govern" was dropped at the head of a prompt: the Portuguese article "a" read
    # as English "a" (round 34a)
    "a primeira mulher a presidir a Argentina discursando em Buenos Aires",
    "a primeira mulher a governar o estado do Rio de Janeiro, foto",
    # the Icelandic first female president came back three times: the office in the oblique cases (round 34a)
    "teikning af fyrsta kvenforseta Íslands að lesa bók",
    "علامہ اقبال کی تصویر، پرانا انداز",
    "بینظیر بھٹو تقریر کرتے ہوئے، تصویر",
    "תמונה של יצחק שדה במדים",
    "वर्तमान दलाई लामा मठ में ध्यान करते हुए, फोटो",
    # round 38a: the Icelandic "first (popularly) elected woman president" missed in new forms across rounds 23-37
    # (the normaliser keeps "þ", so "þjóðkjörni" slipped the qualifier; "í heimi" is the dative of the world)
    "fyrstu þjóðkjörnu kvenforseta Íslands, málverk",
    "fyrsti kjörni kvenforseti í heimi, ljósmynd",
    "norski forsætisráðherrann sem var fyrsta konan, mynd",
]

NEGATIVES = [
    "a mallard drake on a pond",
    "Juan dela Cruz cartoon mascot in barong, vector",
    "si Juan dela Cruz sa editorial cartoon, nakasalakot",
    "ملعب محمد صلاح من الجو",  # a stadium named after him
    "retrato do autor de um romance qualquer",
    "Tove Jansson drawing of a cat",
    "Tove Jansson drawing in ink, moomin style",
    # round 25b: the unaccented Vietnamese reading must not take a street written with its diacritics
    "đường Lê Lợi buổi tối, ảnh đường phố",
    "phố đi bộ Trần Hưng Đạo về đêm, đèn lồng",
    "o primeiro macaco a pisar na Lua, ilustração infantil",
    "il primo cane a vincere il Premio Nobel, cartone animato",
    # round 32b's one-word singer rule: a lower-case stage name that is a word before a noun modifies it (33b)
    "pink lights on stage at a concert",
    "pink confetti on stage, concert photo",
    "red balloons on stage at a rock concert",
    # round 32b's picture-word rule: a deity before a place names an artefact (33b)
    "Venus Willendorf photo",
    "Apollo Belvedere photo, museum",
    # the same shapes with a local body (round 34a)
    "a primeira mulher a presidir o clube do bairro, foto",
    "teikning af fyrsta kvenforseta kórsins okkar",
    # round 34b's Urdu spellings of listed people: a town, park or airport named after one is a place (lead, round 34)
    "علامہ اقبال ٹاؤن لاہور کی گلی، بارش کے بعد",
    "بینظیر بھٹو ایئرپورٹ کا منظر، رات",
    "قائد اعظم یونیورسٹی کا کیمپس",
    # a surname that is also one of the most common words ("שדה", field; the surname Sadeh) before other words is
    # the word: not a name shape, and not a famous name sounded out ("שדה חיטה" ~ Sadegh Hedayat) (lead, round 34)
    "ציור שמן של שדה חיטה",
    "תמונה של שדה חיטה בשקיעה",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_cross_round_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_cross_round_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


# Round 28 (found by re-running all batches after merging rounds 28a + 28b): round 28b's rule for stage names that
# are dictionary words opening the prompt took every kind-of-person noun as the job ("Usher on roller skates",
# batches 4 and 9; "Madonna in 1985", batches 6 and 14): now only with words of that work; and round 28a's invented
# realms matched any "moon" after a superlative ("the second man to walk on the moon", batches 8 and 10): now only
# a realm the office is "of".
@pytest.mark.parametrize("prompt", [
    "Usher on roller skates at a neon rink",
    "Usher roller skating in a denim jacket",
    "Madonna in 1985 with lace gloves and crucifix necklaces, magazine shot",
    "Madonna en 1985 con encaje y crucifijos, foto de revista",
    "the second man to walk on the moon, portrait in his later years",
    "a photo of the second man to walk on the moon next to the flag",
])
def test_round28_regressions_are_people(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


@pytest.mark.parametrize("prompt", [
    "Usher seating guests at a church wedding, candid photo",
    "Madonna and child, tempera on panel, gothic altarpiece",
    "the 5th emperor of the Galactic Dominion on a throne, matte painting",
    "Drake paddling among reeds in a pond, mallard, telephoto",
])
def test_round28_regressions_negatives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt


# Round 29b: false positives left from earlier rounds, fixed as classes: a listed given name before a frequent word
# and a picture word ("सुनील किताब की फोटो"), a colour before a dictionary word ("लाल कमल"), kin + の + a thing in
# hiragana ("妹のめがね"), a look LoRA ("<lora:poker_face>"), a square or road named after someone ("સરદાર પટેલ ચોક").
@pytest.mark.parametrize("prompt", [
    "सुनील किताब की फोटो",
    "लाल कमल की फोटो",
    "妹のめがね",
    "a portrait <lora:poker_face:0.8>",
    "સરદાર પટેલ ચોક",
    "महात्मा गांधी मार्ग की फोटो",
])
def test_round29b_false_positives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt


@pytest.mark.parametrize("prompt", [
    "सुनील कुमार की फोटो",
    "妹のさくら",
    "<lora:katya_face:0.8> portrait",
    "सरदार पटेल की फोटो",
])
def test_round29b_same_shapes_still_people(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


# Round 37l's bulk list (found by re-running every batch after the merge): a lone surname far more frequent than its
# bearer's given name is a word ("old parchment" read as the hurdler Hansle Parchment; batch 37 FPR 0.000 -> 0.009),
# and a station named after a listed historical figure ("... Maharaj Terminus"; batch 46 FPR 0.000 -> 0.009). Fixed
# as classes: such surnames no longer count alone (references.surname_index), and South Asian station, museum, road,
# square, bridge, temple and mosque words after a name make a place.
@pytest.mark.parametrize("prompt", [
    "old parchment scroll with a wax seal",
    "a map drawn on old parchment, candlelight",
    "an old button on a wool coat, macro photo",
    "Chhatrapati Shivaji Maharaj Terminus at night, long exposure",
    "Indira Gandhi Marg in the rain, street photo",
    "Rajiv Gandhi Setu over the sea at dusk",
])
def test_round37_regressions_negatives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt


@pytest.mark.parametrize("prompt", [
    "Hansle Parchment clearing a hurdle, sports photo",
    "close-up of kahlo smiling",
    "einstein laughing at a blackboard",
    "Jenson Button celebrating on the podium",
    "Chhatrapati Shivaji Maharaj on horseback, oil painting",
])
def test_round37_same_shapes_still_people(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


# Round 40 (found by re-running every batch after the merges of rounds 40a-d and 40l; each one false positive):
# - 40l listed Enoch Adeboye, and the Greek "ενός άδειου" (of one empty) sounded him out: wordfreq folds the Greek final
#   sigma to "σ", so no Greek word ending in -ς was known as a word (batch 11);
# - 40c's lower-case "first last + -ing verb + object" rule read "a rose bush climbing a stone wall" as a name (batch 13);
# - 40c listed the Bengali "মিনার" (minaret) as a singer's name without "~" ("শহীদ মিনার", batch 48);
# - 40l listed Patricia de Lille, and "in Lille during a match" read as her surname with a cue (batch 54).
@pytest.mark.parametrize("prompt", [
    "φωτογραφία ενός άδειου γραφείου με θέα στη θάλασσα",
    "ένας παλιός φάρος πάνω σε ενός βράχου, ηλιοβασίλεμα",
    "a rose bush climbing a stone wall, english cottage garden",
    "an ivy vine creeping over the old gate",
    "শহীদ মিনার, ঢাকা, সকালের আলো",
    "the Stade Pierre-Mauroy in Lille during a match",
    "fans celebrating in Lille after the final whistle",
])
def test_round40_merge_false_positives(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt


@pytest.mark.parametrize("prompt", [
    "Patricia de Lille smiling at a press conference",
    "ο Πάμπλο Νερούδα δίπλα στη θάλασσα, ασπρόμαυρη φωτογραφία",
    "Ο Γιώργος Παπαδόπουλος στο γραφείο του, φωτογραφία",
    "hidilyn diaz lifting the barbell at the tokyo olympics",
    "Minar Rahman singing on stage",
])
def test_round40_merge_people_still_count(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


# Round 41 (re-running every batch after the merges): round 41d's vessel words took "carrier" ("our mail carrier
# Denise delivering packages" read as a ship named Denise; batch 5 recall 1.000 -> 0.995): a word of another everyday
# sense is no vessel word.
@pytest.mark.parametrize("prompt", ["our mail carrier Denise delivering packages, documentary photo",
                                    "our letter carrier Joanna waving from her van, candid photo"])
def test_round41_merge_people_still_count(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


# Round 41 merge: earlier rounds' negatives that round 41's new shapes took (found by the full regression run): a
# German capitalised noun after a kin title (41c), the German genitive after a current office (41a), a quoted
# "title" that is the user's own group (41a), a named make with its colour (41a), Uncle Sam in Polish (41c).
@pytest.mark.parametrize("prompt", [
    "meine Oma Kuchen backend", "der jetzige König der Schützen beim Umzug",
    "singer of 'our little band' at the school party", "la prima donna a guidare la Ferrari rossa in pista, disegno",
    "wujek Sam na plakacie",
])
def test_round41_merge_negatives(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt


@pytest.mark.parametrize("prompt", [
    "meine Oma Hilde beim Kuchenbacken", "der amtierende Bürgermeister von Wien auf dem Rathausplatz",
    "singer of 'Lemon' in a recording studio", "la primera mujer en dirigir el FMI, retrato oficial, blazer rojo",
    "wujek Marek na weselu, zdjęcie",
])
def test_round41_merge_positives(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


# Round 42 merge: round 42d made a one-word alias marked "~"/"~~" anywhere in the list need a cue for everyone. Of
# the 20 words it touched, 18 were the same performer listed twice (a stage-name entry and a legal-name entry with
# "~~" before the stage name: "Googoosh" and "Faegheh Atashin|~~Googoosh") or marking their own accented spelling
# ("Rosalia|~Rosalía"); the rule was dropped and "a palmy afternoon" is left to round 42c's time-of-day rule.
@pytest.mark.parametrize("prompt", [
    "rosalia in a motomami look, fashion editorial", "avicii portrait in a studio, 35mm",
    "googoosh 1970s record sleeve photo", "Indila au piano, photo", "garou in a recording booth, photo",
])
def test_round42_merge_own_marks_keep_the_performer(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


def test_round42_merge_another_persons_mark_still_makes_a_word(stack):
    assert not is_identity_seeking(detect_prompt("a palmy afternoon on the beach", stack))


# Round 43 merge: 43b's own-script names in a Latin prompt took a hero of legend in a fantasy painting (found in a
# batch no fixer read); a prompt about legend, myth or fantasy makes such a name a character's.
@pytest.mark.parametrize("prompt", [
    "Տիգրան Մեծ riding into battle, epic fantasy painting", "ⴰⵏⵥⴰⵔ holding the rain, Amazigh myth illustration",
])
def test_round43_merge_legend_names_stay_characters(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt
