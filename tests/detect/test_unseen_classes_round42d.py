"""Round 42d classes (issue 16): false positives of things, places, myths and placeholders that carry a person's
name, written by hand, not copied from the batches.

* a garment named after someone shown without a wearer (mannequin, hanger, product shot, flat lay, shop window);
* South and South-East Asian grounds, monuments, days and awards after the name ("Maidan", "stupa", "Jayanti",
  "Khel Ratna"), spirits and shop fronts after a brand's name, Burmese place words glued after a name;
* a Russian or Ukrainian street or square with the given name in the genitive before the surname;
* Indonesian and Malay shop words before a name; galleries before a name; a work's title, "de" and its maker in a
  museum;
* an everyman name on a printer's mock-up or a business card;
* a deity, muse or nymph of myth set beside a one-word name (praise of a performer stays a person);
* style LoRAs named after a painting tradition or movement;
* a nameless relation in a storybook scene with the face ruled out;
* a one-word alias the list marks as a word for someone else, written plainly in lower case.
The same shapes with the person pictured stay positive.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # garments worn, no display
    "Shah Rukh Khan wearing a nehru jacket at a wedding",
    "Zendaya dress at the met gala",
    "Che Guevara wearing a t-shirt, product photo",
    "Elon Musk in a leather jacket on stage",
    # awards received, rallies at grounds
    "Sachin Tendulkar receiving the khel ratna award",
    "Narendra Modi addressing a rally at Gandhi Maidan",
    "Virat Kohli holding a trophy, product photo",
    "Carlos Slim drinking tequila at a bar",
    # Burmese: walking, not a road
    "ဗိုလ်ချုပ်အောင်ဆန်း လမ်းလျှောက်နေ",
    # Cyrillic: the person in the square
    "Лев Толстой на площади, портрет",
    # praise of performers, not myth
    "Beyonce, the goddess of pop, on stage",
    "Adele, a goddess of soul, singing live",
    "Neymar the god of dribbling on the pitch",
    "Rihanna, the goddess, in a red dress",
    "Madonna, the goddess of dance music, on stage",
    "Shakira dressed as a goddess at the met gala",
    # a person LoRA with a style word
    "<lora:jenna_watercolor:0.8> jenna, portrait, smiling",
    "<lora:priya_kalamkari_v2:0.8> priya woman in a saree",
    # a face asked for
    "my dad fixing the car, storybook illustration, close-up of his face",
    "my grandma knitting, illustration, no face visible, realistic portrait",
    # a private name in a museum with a portrait word or an action
    "la Maria de la Fuente en el museo, retrato",
    "la Maria de la Fuente sonriendo en el museo",
    # a performance cue for the stage name
    "palmy performing live, thai pop concert",
]

NEGATIVES = [
    "eisenhower jacket on a mannequin, flat lay",
    "Che Guevara t-shirt folded on a shelf, product photo",
    "Marilyn Monroe dress on a mannequin, museum display",
    "jinnah cap on a wooden display case, product shot",
    "Indira Gandhi Maidan at sunset, kids playing cricket",
    "Gandhi Jayanti decorations on a school gate",
    "Churchill cigar in an ashtray, still life",
    "dhyan chand khel ratna award ceremony stage with lights",
    "Ruwanweli stupa at dawn, pilgrims in white",
    "a bottle of Jose Cuervo tequila, studio lighting",
    "ဗိုလ်ချုပ်အောင်ဆန်းလမ်း ညဘက်",
    "улица Тараса Шевченко в Киеве, вечерние огни",
    "вулиця Лесі Українки, осінь",
    "Toko Buku Gramedia storefront at night",
    "warung Bu Sri in Yogyakarta, street food photo",
    "la Venus de Botticelli en la Galleria degli Uffizi",
    "la Dolorosa de Pedro de Mena, museo",
    "el Cristo de Gregorio Fernández en el museo de Valladolid",
    "Juan Pérez tarjeta de visita, maqueta para imprimir",
    "Jan Novák na vizitce, vzor",
    "Max Mustermann Visitenkarte Mockup, minimalistisch",
    "Freya, Norse goddess of love, riding a chariot pulled by cats",
    "Athena the goddess of wisdom with an owl on her shoulder",
    "Kali, Hindu goddess, ten arms, temple painting",
    "Clio, muse of history, holding a scroll, fresco",
    "Saraswati the goddess of learning with a veena",
    "<lora:gongbi_style:0.8> birds on a plum branch, gongbi painting",
    "<lora:thangka_v3:0.9> green tara",
    "<lora:impressionism_v2:0.6> water lilies at dawn",
    "<lora:art_nouveau_v2:0.7> woman with flowers in her hair",
    "my dad fixing the car, storybook illustration, face hidden",
    "my sister reading in a hammock, cozy illustration, faceless",
    "a palmy day at the seaside, kites in the sky",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round42d_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round42d_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
