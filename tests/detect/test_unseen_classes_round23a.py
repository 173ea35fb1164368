"""Round 23a classes (batches 23 and 24 as dev data): same-shape positives and negatives written for this round.

Relations: a name written BEFORE the relation with "my" after it (Icelandic and Faroese in every case, Norwegian
definite forms, Swahili, Zulu/Xhosa with the noun-class prefix, Tagalog "na", Romanian) or set off by a comma before
"my <relation>" in any language of data/relation_words.txt; Zulu/Xhosa relations in the genitive ("sikamalume wami
uSipho"). Personalisation: a LoRA/embedding name with a likeness marker ("realface", "dreambooth", "db", "person")
beside a given name or a given name + surname glued together. Indirect: the first holder of an office in the world
in many languages; Tagalog "kauna-unahang". False positives: a first nobody has achieved ("the first astronaut on
Mars"), a role in a local production ("the boy who plays the wolf in the kindergarten show"), an everyman name with a
sample/form/stand-in word anywhere in the prompt, a cue-only alias after "a/an + age word" ("an old teddy bear").
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # a name before the relation, "my" after it
    "ljósmynd af Gunnari bróður mínum á hestbaki",
    "teikning af Möggu systur minni við sjóinn",
    "mynd af Jónu ömmu minni að baka",
    "bilde av Ingrid søstera mi på hytta",
    "foto av Lars broren min på fjellet",
    "picha ya Amani kaka yangu akicheza mpira",
    "isithombe sikagogo wami uThandiwe ehleka",
    "umfanekiso kamalume wam uLwazi epaka",
    "larawan ni Marites na tita ko sa kusina",
    "fotografie cu Ioana sora mea la mare",
    # a comma before "my <relation>"
    "un retrato de Lucía, mi hermana, en la playa",
    "ein Foto von Jörg, meinem Onkel, beim Angeln",
    # likeness markers in LoRA and embedding names
    "embedding:marisol_realface, portrait, soft light",
    "<lora:tomasznowak_dreambooth:0.9> tmsz, man at a cafe",
    "<lora:jenniferlee_db:0.8> woman smiling",
    "<lyco:sofiakowalski_realface:1> photo",
    # the first office holder in the world
    "fyrsta kvenforseti heims í bláum kjól, ljósmynd",
    "verdens første kvinnelige statsminister, portrett",
    "la primera presidenta del mundo dando un discurso",
    "ang kauna-unahang pangulo ng Indonesia, larawan",
]

NEGATIVES = [
    # no name before the relation
    "mynd af afa mínum að veiða lax",
    "bilde av søstera mi på hytta",
    "isithombe sikagogo wami ehleka",
    "un retrato de la playa, mi hermana al fondo",
    "Paris, mi ciudad favorita, al atardecer",
    # style, object and negative embeddings and LoRAs
    "<lora:rose_dreambooth:0.7> rose bush in a garden",
    "<lora:teddybear_dreambooth:1> teddy bear on a shelf",
    "embedding:corgi_dreambooth, dog on a beach",
    "<lora:ghibli_dreambooth:1> castle on a hill",
    "embedding:easynegative, portrait of a woman",
    "<lora:bella_dreambooth:1> bellaxyz plush toy on a shelf",
    # firsts nobody has achieved, roles in a local production
    "the first astronaut on Jupiter's moon Europa, concept art",
    "the first person to land on Venus, retro poster",
    "the first human on another planet, matte painting",
    "the boy who plays the wolf in the kindergarten show, paper ears",
    "the girl who sings the solo at the church concert",
    "our club's first president in the world of chess",
    # everyman names with a form or stand-in word
    "Max Mustermann als typische Figur auf einem Anmeldeformular, Grafik",
    "Иван Иванов, условный клиент банка, плоская иллюстрация",
    "Juan dela Cruz bilang halimbawa sa isang form, clipart",
    # a cue-only alias after an indefinite article and an age word
    "an old teddy bear on the windowsill, soft light",
    "a little teddy bear in a knitted scarf",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round23a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round23a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
