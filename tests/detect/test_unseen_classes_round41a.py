"""Round 41a classes (issue 16): indirect references in English, Romance and Germanic languages, written by hand, not
copied from the batches.

* a person named by the epithet others gave them, any role as the head, in English and Germanic relative clauses
  ("the sprinter the press called the Lightning Bolt", "de schaatser die iedereen de Keizer noemde");
* the creator of a quoted work in the Romance and Germanic languages, a nationality between ("die Sängerin von
  „99 Luftballons“", "la chanteuse française de "La Vie en rose"");
* a place's office by rank in the English possessive ("Canada's current governor general"); spelled ordinals past
  fifth ("the twelfth chancellor of Germany"); the winner of a named prize by "won" and a year;
* a state office holder by a dated deed ("the chilean president who died in the palace in 1973"); Nordic state
  offices by a genitive country, also at the start ("Norges utenriksminister ...");
* the first woman or man to do something named in the Romance and Germanic languages.
Generic, local and fictional roles stay negative.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # epithets others gave
    "the sprinter the press called the Lightning Bolt crossing the line",
    "the argentine striker everyone called el pibe de oro, 1986",
    "de schaatser die iedereen de Keizer noemde op het ijs",
    "målvakten som alla kallade Muren, foto",
    "the dutch footballer they called the flying dutchman of total football",
    "die Sprinterin, die alle nur die Gazelle nannten, im Ziel",
    # the creator of a quoted work
    "la chanteuse française de \"La Vie en rose\" sur scène",
    "författaren av \"Pippi Långstrump\" vid skrivbordet",
    "die Sängerin von „99 Luftballons“ auf der Bühne",
    "the novelist who wrote \"One Hundred Years of Solitude\" at his desk",
    "el director mexicano de 'Roma' en el set, foto",
    "o autor português de 'Ensaio sobre a Cegueira' a ler um jornal",
    # a place's office by rank, spelled ordinals, a prize by "won" and a year
    "Canada's current governor general at a ceremony",
    "Norway's longest serving prime minister, oil painting",
    "new zealand's first female prime minister at a press conference",
    "the twelfth chancellor of Germany in a portrait",
    "the singer who won Eurovision in 1974, stage photo",
    # a state office holder by a dated deed; Nordic offices
    "the chilean president who died in the palace in 1973, black and white photo",
    "the roman emperor who converted to christianity in 312, mosaic",
    "Norges utenriksminister i 2015 på en konferanse",
    "Danmarks første kvindelige statsminister, portræt",
    # the current holder of a named place's office, Germanic and Romance; the maker behind a named restaurant
    "der amtierende Bürgermeister von Wien beim Opernball",
    "den nuvarande borgmästaren i Malmö, porträtt",
    "la alcaldesa actual de Barcelona en bicicleta",
    "the danish chef behind Noma plating a dish, documentary still",
    # the first woman or man to do something named
    "la première femme à présider la BCE, portrait officiel",
    "la prima donna a guidare la Banca d'Italia, ritratto",
    "de eerste vrouw die de Tour de France won, op de fiets",
    "den första kvinnan som ledde FN, porträtt",
]

NEGATIVES = [
    "the dog they called Rex running in the park",
    "the man they called Dad at the barbecue",
    "the teacher the kids called a legend, at our school party",
    "the waiter they called over to the table",
    "the plumber we called yesterday fixing the sink",
    "der Mann, den alle nur den Papa nannten",
    "un cantante de 'Cielito lindo' en una fiesta de pueblo",
    "a singer of 'happy birthday' at my party",
    "poster with the text 'director of photography' in bold letters",
    "the singer of my band's song 'hello' in our garage",
    "the club's first president cutting a ribbon",
    "our town's first female mayor at the fair",
    "my company's current CEO in the office, cartoon",
    "the seventh member of the band on stage",
    "Gondor's first king on a throne, fantasy art",
    "the kid at our school who won the 2010 science fair, photo",
    "the mayor who opened our school in 2019 cutting a ribbon",
    "a king who ruled in 1200, medieval illustration",
    "Skogens kung, en älg i dimman",
    "la primera mujer en llegar a la fiesta, con un vestido rojo",
    "la primera mujer en mi familia en ir a la universidad, foto",
    "die erste Frau im Kegelverein, Foto",
    "der erste Mensch in der Schlange beim Bäcker, Foto",
    "la première femme à entrer dans la salle, aquarelle",
    "de eerste vrouw die binnenkwam, schilderij",
    "de huidige voorzitter van onze club, foto",
    "der amtierende Vorsitzende des Kegelvereins Frohsinn",
    "le roi actuel de la fête, costume",
    "the chef behind the counter slicing bread",
    "the premier who opened our library in 2015",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_indirect_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_indirect_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
