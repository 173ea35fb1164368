"""Round 34a classes (issue 16): written by hand, not copied from the batches.

* Icelandic firsts and other ranks in every case, the office a compound with "kven-" ("fyrsta kvenforseta",
  "síðasta konungi"), and the first woman in the oblique cases ("fyrstu konunni sem var kjörin");
* Portuguese "a" before a feminine head is the definite article ("a primeira mulher a presidir ..."), not "a";
* the first, founding or last leader of a named party, union or body (EN, Romance, German, Polish, Czech);
* a sports role with the team or country between it and "who/que" and a year naming the event;
* a monarch or pope by a reign event and its year (abdication, coronation, deposition) in many languages;
* false positives: Mongolian, Kazakh, Kyrgyz, Uzbek and Tajik place words after a name in their case forms (and the
  normaliser's "й" -> "и").
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # Icelandic cases and compounds
    "teikning af fyrsta kvenforseta Íslands í ræðustól",
    "málverk af síðasta konungi Danmerkur",
    "mynd af núverandi forsætisráðherra Noregs",
    "ljósmynd af fyrstu konunni sem var kjörin forseti Finnlands",
    # Portuguese article "a"
    "a primeira mulher a governar o Chile acenando na varanda, foto",
    "a primeira mulher a presidir Portugal caminhando em Lisboa",
    # first leader of a named body
    "the first chairman of the PLO at a rally",
    "the founding president of UEFA, oil portrait",
    "el primer secretario general de la OTAN, retrato",
    "il primo segretario generale del PCI in piazza",
    "der erste Vorsitzende der CDU am Rednerpult",
    "pierwszego przewodniczącego PZPR na trybunie, rysunek",
    "první předseda ČSSD, kresba",
    # a sports role, its team, a year
    "the goalkeeper captain of Italy who lifted the World Cup in 2006",
    "o capitão da Argentina que levantou a taça em 1986, foto",
    "il portiere capitano dell'Italia che alzò la coppa nel 2006",
    # monarchs by a reign event and a year
    "the queen who abdicated in 2013, watercolor",
    "the king crowned in 1911 on horseback",
    "la reine qui a abdiqué en 1980, portrait",
    "el emperador que fue coronado en 1804",
    "der König, der 1918 abdankte, Gemälde",
    "regina care a fost încoronată în 1922, portret",
    "il re che fu deposto nel 1946, foto d'epoca",
]

NEGATIVES = [
    "mynd af fyrsta forseta félagsins okkar",
    "teikning af fyrsta kvenforseta nemendafélagsins",
    "a primeira mulher a governar o nosso clube de xadrez",
    "a prima donna in a red dress on stage",
    "the first chairman of our chess club",
    "the first chairman of the Riverside Chess Club",
    "el primer secretario general de nuestro sindicato",
    "der erste Vorsitzende des Kegelvereins Frohsinn",
    "pierwszy przewodniczący naszego klubu szachowego",
    "pierwszy prezes Spółdzielni Mieszkaniowej Zielona",
    "the captain of our team who lifted the trophy in 2019",
    "el capitán de mi equipo que levantó la copa en 2019",
    "el capitán que levantó la copa del torneo escolar en 2018",
    "the prom queen crowned in 2019 at our school",
    "a king who abdicated in 1400, fantasy art",
    "the king who abdicated in the fairy tale",
    "the beer queen crowned in 2021 at the festival",
    "Сүхбаатарын талбай, шөнийн фото",
    "Сүхбаатарын нэрэмжит эмнэлгийн барилга",
    "Нұрсұлтан Назарбаев әуежайы, фото",
    "Абай Құнанбаев атындағы көшесі, фото",
    "Islom Karimov ko'chasi, kechki foto",
    "Amir Temur xiyoboni, kechki foto",
    "Манас аэропорту, сүрөт",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round34a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round34a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
