"""Round 40a classes (issue 16): indirect references, written by hand, not copied from the batches.

* a ruler or a state's head named by the place ("the Emir of Kuwait", "Kerala's chief minister", "the State
  Counsellor of ..."), the current ruler in the Romance languages ("l'attuale sultano del Brunei");
* the first of a kind to head a government of a named region; the first holder of an office in Czech/Polish with a
  nationality adjective of Africa, Asia or Latin America, in Romanian genitive, in Turkish with a dated participle,
  in Vietnamese, in Portuguese/Spanish with the country further on; a pope with a fused article;
* a coach who led a named country to a title (German, Czech, Polish); a sports person by nationality, team and
  years, or famous for a deed at a dated tournament; a race with one winner a year;
* a judge or prosecutor by the named case or commission; a person killed in a named attack;
* the creator of a quoted work behind its kind; a singer by an epithet of a place or song; a writer known by an
  epithet; a quoted nickname before an office.
Generic roles stay negative.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # rulers and state heads named by the place
    "the long-serving Sultan of Brunei at a palace banquet, photo",
    "the late Emir of Kuwait in a white thobe, portrait",
    "the Crown Prince of Saudi Arabia shaking hands, press photo",
    "the chief minister of West Bengal addressing a rally, photo",
    "kerala's chief minister at a flood relief camp, news photo",
    "the iron lady of kerala giving a speech, grainy photo",
    "ritratto dell'attuale sultano del Brunei, foto ufficiale",
    "el actual emir de Kuwait saludando, foto de prensa",
    # the first of a kind, in many languages
    "the first woman to lead a government in Africa, official portrait",
    "the first black man to head a government in the Caribbean, archival photo",
    "první nigerijský prezident na archivní fotografii",
    "pierwszy indonezyjski prezydent przemawia, zdjęcie archiwalne",
    "portretul primei președinte femeie al Argentinei, fotografie",
    "Endonezya'nın 2014'te seçilen ilk sivil cumhurbaşkanı, fotoğraf",
    "người đàn ông đầu tiên làm Tổng thống Philippines, ảnh",
    "el primer presidente elegido por voto popular después de la dictadura en Paraguay",
    "foto do primeiro papa brasileiro acenando",
    "Malaysia's founding prime minister reading the proclamation, archival",
    # sports
    "der Nationaltrainer, der Spanien 2010 zum WM-Titel geführt hat, Pressefoto",
    "trenér, který dovedl Argentinu k titulu mistra světa, fotka",
    "trener, który doprowadził Francję do mistrzostwa świata, zdjęcie",
    "the brazilian driver who raced for williams from 1994 to 1996, portrait",
    "the colombian striker famous for his 2014 world cup goals, celebration",
    "the winner of the 2008 Olympic marathon crossing the line, photo",
    "the sprinter who won Jamaica's first Olympic gold, finish line photo",
    # legal officials and victims of named attacks
    "the judge who presided over the Nuremberg trials, portrait",
    "the prosecutor who led the petrobras investigation, press conference",
    "il magistrato ucciso nella strage di via D'Amelio, ritratto",
    "el periodista asesinado en el atentado de Bogotá, retrato",
    # works, epithets and quoted nicknames
    "the author of the book 'Half of a Yellow Sun' at her desk, portrait",
    "the singer of the song \"Malaika\" on stage, vintage photo",
    "la voz de Cuba cantando en La Habana, foto de concierto",
    "the Nightingale of Mali singing on stage, concert photo",
    "the Kenyan poet known as the Voice of the Nation, portrait",
    "Ghana's 'Osagyefo' president at independence, archival photo",
]

NEGATIVES = [
    "a sultan on a throne, fantasy art",
    "the sultan of the desert palace, storybook illustration",
    "the Sultan of Agrabah riding a flying carpet, cartoon",
    "a chief minister in a generic office, stock photo",
    "the chief minister of the goblin council, fantasy art",
    "a judge in red robes, courtroom illustration",
    "the judge who led the investigation, courtroom sketch",
    "the judge who presided over the murder trial, generic courtroom",
    "the coach of a youth team on the sidelines",
    "der Trainer, der die Mannschaft zum Sieg geführt hat, Zeichnung",
    "the driver who raced for our team last year, go-kart",
    "a soldier killed in an attack, memorial painting",
    "the author of the novel, abstract illustration",
    "the writer of the book in a cosy library, stock photo",
    "la voz de Dios en el cielo, pintura religiosa",
    "la estrella de Belén sobre el pesebre, ilustración",
    "our club's 'Fun' president waving, cartoon",
    "a nightingale singing on a branch, watercolor",
    "el primer presidente del club de ajedrez, caricatura",
    "the winner of the 2019 school spelling bee, cartoon",
    "a marathon runner crossing the finish line, stock photo",
    "la voix de la mer, peinture abstraite",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_indirect_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_indirect_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
