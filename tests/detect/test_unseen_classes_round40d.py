"""Round 40d classes (issue 16): false positives, written by hand, not copied from the batches.

* an artwork or relic in a museum photo (a sculpture word beside the name, in several languages), a work title
  "of" its maker without the article in a museum prompt, and a mausoleum named after someone;
* laws, prizes and ships named after people (a law/prize word or navy prefix before the name, "buque escuela" and
  other ship kinds), also when a given name stands between the word and the name shape;
* a style cue before a three-word name ("in the style of <Title> <Given> <Surname>");
* family firms ("<Name> Brothers"), mascots in costume ("Dr. <Name>" with a mascot word);
* a performer's one-word stage name after an ordinary person's honorific ("Aling", "Tita", "Doña", "Dr.");
* a stage name that is a colour and a dictionary word, written in lower case without a person cue;
* characters of folk tales and classic novels, and placeholder names of Malay/Arabic/Italian/Spanish;
* English photo loanwords written in Kannada, Telugu, Malayalam, Gujarati and Gurmukhi;
* an object LoRA whose name opens with a vehicle maker.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # the same people pictured, not their artworks or namesakes
    "portrait of Tutankhamun's face, photorealistic, studio light",
    "Kwame Nkrumah giving a speech at independence, archival photo",
    "Barack Obama wax statue at the museum, photo",
    "foto de Juan Pérez Gómez caminando por el puerto",
    "photo of Ahmed Raza at his tailor shop",
    "Simi performing on stage in Lagos, concert photo",
    "photo of my lola Nena cooking in the kitchen",
    "Black Coffee performing a DJ set at a festival, crowd",
    "ರಮೇಶ್ ಗೌಡ ಅವರ ಫೋಟೋ",
    "<lora:kenji_suzuki_v2:0.8> man in a suit, office",
    "<lora:my_wife_anna:0.8> woman smiling in a garden",
    "Maria da Penha Silva sorrindo na praia, foto",
]

NEGATIVES = [
    # artworks and relics in a museum; a mausoleum named after someone
    "the gold mask of Tutankhamun in the Egyptian Museum, photo",
    "busto de Nefertiti en el museo de Berlín, foto",
    "Augustus statue in the Vatican museum, soft light",
    "Guernica de Picasso en la sala del museo, fotografía",
    "Mausoleum of Ho Chi Minh at dawn, architectural photo",
    "Atatürk Mausoleum seen from the air",
    # laws, prizes and ships named after people
    "infográfico sobre a Lei Ana Maria Souza, design",
    "cartel de la Ley Micaela, diseño gráfico",
    "trofeo del Premio Miguel de Cervantes sobre una mesa",
    "el buque escuela Simón Bolívar entrando al puerto",
    "the research vessel Jacques Cousteau moored in port",
    # style before a three-word name
    "in the style of Raja Ravi Kumar, temple dancer, oil painting",
    # family firms and mascots
    "signboard of Yusuf Brothers Traders at a bazaar",
    "Hermanos Ramírez tienda de abarrotes, fachada",
    "Dr. Pepe saludando, botarga de farmacia en la calle",
    # a stage name after an ordinary person's honorific
    "Tita Nena's bakery at the corner, morning",
    # a stage name that is a phrase
    "black coffee in a ceramic cup on a wooden desk",
    # characters of folk tales and novels; placeholders
    "Sinbad the Sailor on a ship in a storm, storybook art",
    "Aureliano Buendía frente al pelotón de fusilamiento, grabado",
    "Juan Tamad lying under a guava tree, komiks style",
    "contoh borang dengan nama Fulanah binti Fulan",
    "Tizio Caio e Sempronio in un fumetto",
    # photo loanwords in Indian scripts
    "ಮೈಸೂರು ಅರಮನೆ, ಕ್ಲೋಸ್ ಅಪ್ ಫೋಟೋ",
    "ఇడ్లీ ప్లేట్, క్లోజ్ అప్ ఫోటో",
    # object LoRAs of vehicles
    "<lora:toyota_vios:0.7> toyota vios on a mountain highway",
    "<lora:my_yamaha_nmax:0.8> my yamaha nmax parked by the beach",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_identity_seeking(prompt, detectors):
    assert is_identity_seeking(detect_prompt(prompt, detectors))


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_not_identity_seeking(prompt, detectors):
    assert not is_identity_seeking(detect_prompt(prompt, detectors))
