"""Round 42a classes (issue 16): indirect references written by hand, not copied from the batches.

* a nationality, a role and a clause holding a deed of record, in English, Spanish, Portuguese, Italian and
  Indonesian ("the ethiopian runner who won olympic gold barefoot", "la nadadora argentina que ganó el oro
  olímpico"); a public role of a nationality killed in a named year; a creator or owner of a named work by
  nationality ("el pintor mexicano de Las dos Fridas");
* a country's Nobel laureate (Turkish genitive, English possessive, "the Nobel laureate from <place>");
* rulers by years of rule, national-team captains and coaches by a dated title (Romance, South Slavic), Nordic office
  holders by a dated deed, heads of government by a named treaty;
* national epithets of a named place with a person cue, "the flying <people>", "the <Place> Express" with an athletic
  cue, the most famous disciple of a named master, Hindi creators of a quoted work, a bare creator before an unquoted
  lower-case title, the chef of a named restaurant, an office at the head without "the".
Generic, local and fictional roles, trains, ships, birds and cards stay negative.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # nationality + role + deed of record
    "the ethiopian runner who won olympic gold barefoot, black and white photo",
    "the argentine goalkeeper who saved the penalty in the world cup final, celebrating",
    "the jamaican sprinter who holds the world record in the 100m, posing",
    "the pakistani activist who won the nobel prize as a teenager, portrait",
    "the indian chess grandmaster who became the first world champion from asia, at the board",
    "the romanian gymnast who scored the first perfect ten at the olympics, vintage photo",
    "the colombian singer who won a grammy in 2001, on stage",
    "the russian journalist murdered in her building in 2006, memorial portrait",
    "la nadadora argentina que ganó el oro olímpico en 2004, sonriendo",
    "o velocista jamaicano que bateu o recorde mundial em Berlim, correndo",
    "il ciclista italiano che vinse il Tour de France nel 1998, in salita",
    "la cantante cubana que ganó el Grammy en 2000, retrato",
    "el pintor mexicano de Las dos Fridas en su estudio",
    "la escritora chilena de La casa de los espíritus firmando libros",
    "petinju indonesia yang meraih juara dunia tahun 1985, foto ring",
    "perenang putri yang meraih medali emas olimpiade 2008, foto podium",
    # a country's Nobel laureate
    "Kolombiya'nın Nobel ödüllü yazarı masasında",
    "Nigeria's Nobel-winning playwright reading on a porch",
    "the nobel literature laureate from saint lucia reading poems",
    # rulers, captains, coaches, Nordic, treaties
    "el presidente que gobernó Venezuela de 1999 a 2013, caricatura",
    "o presidente que governou o Brasil de 2003 a 2010, retrato",
    "il capitano della nazionale campione del mondo 1982 con la coppa",
    "el capitán de la selección campeona del mundo 1986 levantando la copa",
    "el técnico que llevó a Argentina a la final del mundial, en el banco",
    "trener koji je odveo Srbiju u finale prvenstva, fotografija",
    "den statsminister som avgick 1996, porträtt",
    "the prime minister who signed the oslo accords, smiling",
    # epithets
    "Nightingale of Kerala giving an interview, 1960s photo",
    "the lion of punjab on horseback, miniature painting style",
    "the iron lady of india giving a speech at a rally",
    "the flying finn running the 10000m at the olympics",
    "the Rawalpindi Express bowling at full pace, stadium lights",
    "the most famous disciple of Confucius teaching, ink painting",
    "el discípulo más famoso de Sócrates conversando en el ágora",
    "'गीतांजलि' के कवि का चित्र",
    "'पद्मावत' के रचयिता का पोर्ट्रेट",
    "composer of jai ho conducting an orchestra",
    "the chef of Noma plating a dish, editorial photo",
    "current prime minister of spain at a summit",
    "current chief minister of punjab waving to a crowd",
]

NEGATIVES = [
    "the italian chef who cooks in our street, photo",
    "the french tourist who visited Paris in 2019, smiling",
    "the japanese woman who sells flowers in Kyoto, watercolor",
    "the chef of a small bistro plating food",
    "a Chilean tennis player practising on clay",
    "the chilean tennis player who lives next door practising",
    "el tenista chileno que entrena en mi club, foto",
    "la cocinera italiana que hace la mejor pizza del barrio",
    "the german guy who won the office quiz in 2019",
    "the fictional brazilian footballer who won the world cup, anime style",
    "the first person to walk in, hypothetical",
    "the first person to walk in the room, sketch",
    "the king of the jungle roaring",
    "the queen of hearts card on a table",
    "a nightingale of England perched on a branch",
    "the lion of judah statue in a museum",
    "the Orient Express crossing a bridge",
    "the Chennai Express movie poster",
    "the Flying Dutchman ghost ship in a storm",
    "the flying scotsman locomotive at the station",
    "singer of love songs recording in a studio",
    "singer of the band performing live",
    "the most famous student of our school smiling",
    "el chef de la casa cocinando",
    "the president who signed the lease for our club",
    "the king who signed the peace treaty, fantasy painting",
    "pemain yang meraih emas di lomba 17an sekolah kami",
    "the american soldier killed in 1944, memorial photo",
    "il capitano della squadra del mio paese che alza la coppa",
    "el presidente del club que gobernó la junta, caricatura",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_indirect_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_indirect_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
