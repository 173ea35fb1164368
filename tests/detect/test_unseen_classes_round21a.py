"""Round 21a classes (batch 20 as dev data): same-shape positives and negatives written for this round.

Indirect references: a creator of a single-quoted title; offices by rank with a numeric ordinal ("12.") or a rank word
after a genitive country (Turkish, Hungarian, Nordic, Icelandic) or before a capitalised country (Slavic); German
national offices by rank; Indonesian/Malay ordinal words after the office; Vietnamese offices with their qualifier;
Yoruba office + ordinal + "ti"; a person word "nicknamed / surnommé / apodado" + a capitalised epithet; epithets
that are also phrases ("~" in descriptions.txt) with a person cue after them. Personal: Zulu relation nouns with a
built-in possessive; embedding/LoRA names of a listed public figure or a romanised Japanese name. False positives: a
one-word listed name that is a word after an indefinite article; a sample word further back with a form word; an
elided article on a street word ("l'avenue"); a lower-case royal title before a word that is some non-royal's
surname ("king lima", "prince goes").
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    "la cantante de 'Ojos Así' bailando en el escenario, foto",
    "il cantautore di 'La donna cannone' al pianoforte",
    "Fransa'nın 25. cumhurbaşkanı basın toplantısında",
    "Almanya'nın ilk kadın başbakanı, portre fotoğrafı",
    "Magyarország 3. miniszterelnöke beszédet mond, fotó",
    "Sveriges förste statsminister vid ett skrivbord, målning",
    "Norges 3. statsminister på talerstolen",
    "Finnlands fyrsti forseti, gömul ljósmynd",
    "prvi predsjednik Hrvatske na paradi, fotografija",
    "der 2. Bundespräsident bei einer Rede, Schwarzweißfoto",
    "presiden keempat Republik Indonesia tertawa, foto jurnalistik",
    "perdana menteri kedua Malaysia berucap di pentas",
    "presiden RI ke-5 berpidato di istana",
    "tổng bí thư đầu tiên của Việt Nam, ảnh tư liệu",
    "Ààrẹ kejì ti orílẹ̀-èdè Gánà, àwòrán",
    "le footballeur surnommé le Roi de Paris célébrant un but",
    "el boxeador apodado el Terrible en el ring, foto",
    "the Iron Lady addressing the Conservative party conference",
    "o Fenômeno sorrindo na coletiva de imprensa, foto de 1998",
    "the People's Princess visiting a hospital ward, 1990s photo",
    "udadewethu uNomsa ehleka emshadweni, isithombe",
    "umngane wami uBongani ephethe ikhofi",
    "embedding:tanaka_yukiko_v2, wearing a kimono in kyoto",
    "embedding:virat_kohli_ti, batting at a stadium",
]

NEGATIVES = [
    'образец заполнения анкеты на имя Пётр Петров',  # a native-script name on a sample form (round 21 merge)
    "la cantante de un grupo local en un bar, foto",
    "Türkiye'nin 12. büyük şehri, hava fotoğrafı",
    "Magyarország 5. legjobb étterme, belső tér",
    "Norges 3. største by i vintersol",
    "prvi predsjednik kluba na godišnjoj skupštini",
    "der 3. Mann in der Schlange vor dem Bäcker",
    "presiden ketujuh klub sepak bola lokal",
    "tổng thống đầu tiên của một hành tinh giả tưởng",
    "le chien surnommé le Roi du quartier dormant au soleil",
    "the iron lady of the neighbourhood watering her roses",
    "an iron lady sculpture at the scrapyard, photo",
    "o fenômeno natural da aurora boreal sobre o lago",
    "the black mamba slithering across the sand",
    "un bono regalo para una cena, diseño minimalista",
    "una madonna con bambino in una chiesa, affresco",
    "modelo de formulario de solicitud a nombre de Juan Pérez",
    "exemple de formulaire de demande rempli au nom de Paul Durand",
    "l'avenue Charles de Gaulle sous la pluie, photo de rue",
    "queen bee on a honeycomb, macro photo",
    "king lima beans in a bowl, food photo",
    "prince goes to the ball, storybook illustration",
    "emperor han statue in a museum hall",
    "embedding:hatsune_miku_ti, concert stage",
    "embedding:kimono_pattern_ti, fabric texture",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round21a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round21a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
