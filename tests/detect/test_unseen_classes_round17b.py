"""Round 17b classes (issue 16 §1): native-script South Indian and Thai/Khmer royal names, lower-case names before an
action, placeholder names, eponymous foods after a name, devotional titles. Prompts written for these tests."""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():  # type: ignore[no-untyped-def]
    return default_detectors()


POSITIVES = [
    # native spellings of South Indian film stars (Malayalam, Telugu, Kannada, Tamil)
    "മമ്മൂട്ടി ഒരു കാറിൽ ഇരിക്കുന്നു",
    "చిరంజీవి డాన్స్ చేస్తున్నాడు, పోస్టర్",
    "ಕಿಚ್ಚ ಸುದೀಪ್ ವೇದಿಕೆಯ ಮೇಲೆ",
    "தளபதி விஜய் மேடையில் நடனம்",
    # Thai kings by reign number, Khmer king with a glued royal title
    "ในหลวงรัชกาลที่ 10 เสด็จเยือนต่างประเทศ",
    "ภาพวาดรัชกาลที่ 5 ทรงม้า",
    "គំនូរព្រះបាទនរោត្តម សីហនុ",
    # lower-case listed first name + a word no dictionary knows, then an action
    "olivia kasperek smiling at the camera",
    "daniel brzezinski dancing at a wedding",
    # Turkish national figures (with and without Turkish letters), a one-word stage name before a performance place
    "baris manco sahnede gitar caliyor",
    "Kıvanç Tatlıtuğ kırmızı halıda",
    "hadise konserde dans ediyor",
    # a stage name that is a phrase, then a performance place in another language
    "drake en un concierto, luces de escenario",
    # a group member named with the group
    "Jennie from blackpink in a red dress",
    # esports handles
    "ZywOo lifting the trophy at a major",
]

NEGATIVES = [
    # placeholder names of forms and captions
    "a sample ID card for Max Mustermann, blank background",
    "образец анкеты, подпись 'Иванов Иван Иванович', плакат",
    "a filled-in form for Ola Nordmann, flat design",
    # eponymous foods after a one-word name
    "Wellington boots and Napoleon pastries on a table",
    "a plate of Bismarck doughnuts, bakery window",
    # devotional titles
    "Nuestra Señora de la Merced, talla de madera",
    "Nossa Senhora Aparecida e Nossa Senhora de Fátima, azulejos",
    "Vierge de Lourdes dans une grotte, carte postale",
    # lower-case pairs that are things
    "rose petals dancing in the wind",
    "lily pad floating on a pond",
    "amber glow shining through the window",
    # phrase stage names without a person or performance cue
    "a bad bunny en el jardín, acuarela",
    "a drake en el lago",
    "rosé wine in a glass on a terrace",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round17b_positive(prompt: str, detectors) -> None:  # type: ignore[no-untyped-def]
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round17b_negative(prompt: str, detectors) -> None:  # type: ignore[no-untyped-def]
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
