"""Round 38a classes (issue 16): written by hand, not copied from the batches.

* Icelandic firsts: the "elected" qualifier in every spelling ("kjörni", "þjóðkjörni"), "in the world" in the
  dative ("í heimi") and "in history", and the office named by a Nordic nationality adjective followed by "who was
  the first ..." ("íslenski forsetinn sem var fyrsta ...");
* Turkish "the first woman <nationality> <role>" (woman before the nationality) and Swahili "the first woman/person
  (of <nationality>) to win/become ..." with a named prize or nationality;
* a monarch's consort as the current holder of an office (Romance "reina consorte", German "Königsgemahlin");
* deed descriptions: a national office "during" an event without "the", the maker "behind" a named work or formula,
  a deed at a named place and year, the German performer who played a part in a named work (verb last), a career
  record in a named competition in the Romance languages, a quoted nickname before a Hungarian/Turkish nickname word;
* personalisation: a trigger word made of a given name and a face suffix, with a LoRA cue;
* false positives: a craft named after a surname with a kind word ("space telescope", "solar probe"), a named work
  or building "de/di/von" its maker, advertising mascots written like a person's name.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # Icelandic firsts
    "fyrsta kjörna kvenforseta Íslands á gamalli mynd",
    "fyrsti þjóðkjörni kvenforseti Íslands brosandi",
    "fyrsti kvenforsætisráðherra í heimi, olíumálverk",
    "fyrsti þjóðkjörni kvenforseti í sögunni, portrett",
    "íslenski forsetinn sem var fyrst kvenna kjörinn, mynd",
    "den svenska statsministern som var den första kvinnan, foto",
    # Turkish and Swahili firsts
    "ilk kadın Alman astronot uzay istasyonunda",
    "ilk erkek Japon kozmonot portresi",
    "mwanamke wa kwanza wa Kenya kushinda medali ya dhahabu ya Olimpiki",
    "mtu wa kwanza kushinda tuzo ya Nobel ya fasihi barani Afrika",
    # consorts
    "la actual reina consorte del Reino Unido saludando",
    "a atual rainha consorte de Portugal, retrato",
    "die jetzige Königsgemahlin von Dänemark bei einem Empfang",
    # deeds
    "uk prime minister during the falklands war at a desk",
    "the composer behind Boléro at the piano",
    "the economist behind Keynesian theory, sepia photo",
    "the chemist behind E=mc2 style formula",
    "the student who stood in front of the tanks in Beijing in 1989, photo",
    "the guard who smuggled the papers out of Auschwitz in 1944, portrait",
    "la costurera que se negó a ceder su asiento en Montgomery en 1955, retrato",
    "die Schauspielerin, die die Sisi in den Sissi-Filmen spielte, Porträt",
    "der Darsteller, der in Der Untergang den Diktator gespielt hat, Foto",
    "o jogador com mais gols da história, foto",
    "le pilote avec le plus de victoires en Formule 1, photo",
    "il calciatore con più gol in Serie A, ritratto",
    "a 'Fekete Párduc' becenevű magyar ökölvívó a ringben",
    "a 'Szőke Szikla' néven ismert kapus, fotó",
    "Oscar alan ilk Türk oyuncu, portre",
    "el físico detrás de E=mc², foto en blanco y negro",
    "der Physiker hinter E=mc², Foto",
    "the physicist behind the theory of relativity, chalkboard",
    "'Kara Kartal' lakaplı futbolcu gol sevinci",
    # personalisation
    "markface man in a suit, office, trigger word markface",
    "portrait of annaface woman at the beach, my lora",
]

NEGATIVES = [
    "fyrsti kjörni formaður klúbbsins okkar á fundi",
    "íslenski hesturinn sem var fyrstur í mark, ljósmynd",
    "ilk kadın pilot kulübümüzde, fotoğraf",
    "mwanamke wa kwanza kushinda mbio zetu za kijiji",
    "la reina consorte de la fiesta del pueblo, disfraz",
    "the club president during the christchurch marathon, photo",
    "the chef behind the counter, photo",
    "the architect behind our new library, smiling, photo",
    "the girl who won the race at our school in Boston in 2019, photo",
    "the man who sat on a bench in Paris, 1990s style photo",
    "the kid who ran to the store in Boston in 2015, cartoon",
    "el niño que saltó a la piscina en Madrid en 2019, dibujo",
    "a woman who refused to leave in London in 2020, illustration",
    "Okul yarışmasını kazanan ilk Türk öğrenci, fotoğraf",
    "le physicien derrière le comptoir, photo",
    "der Schauspieler, der in Filmen den Bösewicht gespielt hat, Foto",
    "die Schauspielerin, die im Theater die Julia gespielt hat, Foto",
    "el jugador con más goles de mi equipo, foto",
    "la jugadora con más goles del torneo del barrio",
    "a 'Morzsi' becenevű kutya a kertben",
    "bigface clown costume, trigger word from my lora",
    "facelift surgery diagram, lora style",
    "Parker solar probe approaching the sun, render",
    "Chandra x-ray observatory in orbit, illustration",
    "the Hubble space telescope over the earth",
    "el Guernica de Picasso en un museo, foto",
    "la Pietà di Michelangelo, fotografia",
    "la Casa Batlló de Gaudí de noche",
    "Mr. Peanut with a monocle, vintage ad",
    "Captain Birdseye on a fishing boat, tv commercial",
]

# same-shape prompts that still name the person
STILL_PERSON = [
    "el retrato de Picasso, foto",
    "Francisco de Goya pintando, retrato",
    "Johannes Kepler in his study, portrait",
]


@pytest.mark.parametrize("prompt", POSITIVES + STILL_PERSON)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
