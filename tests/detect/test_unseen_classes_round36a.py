"""Round 36a classes (issue 16): written by hand, not copied from the batches.

* a sports role narrowed by a relative clause with a title (world champion, captain, top scorer, the cup) for a named
  team, country or competition or in a year, in English, Spanish, Portuguese, Italian, French, German, Dutch, Polish;
* offices by rank in Korean, Japanese and Chinese with every rank word ("초대", "마지막", "최초의", "初代", "首任", "末代");
* the current holder of a national office with the office first (Romanian "președintele actual al ...") and in the
  South Slavic languages, Latin and Cyrillic ("sedanji predsednik", "настоящият президент на", "садашњи председник");
* "the first cosmonaut" with no country or group after it, in any language;
* an acquaintance or grandparent named with an article instead of "my" ("la voisine Hélène", "la nonna Pina"); a pet
  name in Chinese without "my" ("女朋友小雨在...");
* LoRA/embedding names of a social-media person ("x_ig_model"), a nickname + a listed surname before a person class,
  and a tag's words glued as its own trigger;
* false positives: named regional painting traditions ("Pichwai", "Madhubani"), parks, gardens and squares named after
  people (Spanish, Portuguese, French, Italian), and Sikh holy places with "Sahib" (Gurmukhi, Devanagari).
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # sports roles with a title clause
    "the striker who won the World Cup with Brazil in 2002, celebrating",
    "le gardien qui a été champion du monde en 1998, photo",
    "il capitano che alzò la Coppa del Mondo nel 2006 a Berlino",
    "o goleiro que foi campeão do mundo com o Brasil em 1994",
    "la delantera que fue máxima goleadora del Mundial femenino 2019, foto",
    "der Stürmer, der 1990 mit Deutschland Weltmeister wurde, jubelnd",
    "de doelman die in 1988 Europees kampioen werd met Oranje",
    "bramkarz, który był kapitanem reprezentacji Polski w 1974",
    # ranked offices
    "인도의 초대 총리 연설 장면",
    "조선의 마지막 국왕 초상화",
    "대한민국 최초의 여성 대통령 사진",
    "미국 초대 대통령의 초상화",
    "アメリカ初代大統領の肖像画",
    "日本の初代内閣総理大臣",
    "美国首任总统的油画",
    # current office holders
    "prim-ministrul actual al Moldovei, portret",
    "regele actual al Spaniei la o recepție",
    "primarul în funcție al Clujului",
    "sedanji predsednik Slovenije",
    "trenutni predsjednik Hrvatske u posjetu",
    "настоящият президент на България",
    "садашњи председник Србије на конференцији",
    "сегашниот претседател на Македонија",
    # first cosmonaut
    "le premier cosmonaute souriant dans sa capsule",
    "der erste Kosmonaut im Raumanzug, Schwarzweißfoto",
    "the first cosmonaut waving before launch",
    "первая женщина-космонавт в кабине, фото",
    # acquaintances with an article, Chinese pet names
    "el vecino Julián paseando al perro, foto",
    "die Nachbarin Petra im Garten, Foto",
    "la collega Giulia alla scrivania",
    "o vizinho Rodrigo lavando o carro",
    "la abuela Carmen haciendo tortillas, foto",
    "la nonna Pina che prepara la pasta",
    "和老婆阿琳去旅行的照片",
    "男朋友小杰穿着西装，照片",
    # LoRA / embedding persons
    "<lora:mara_insta_v2:0.8>, a woman on a rooftop",
    "embedding:liz_harrow_ti, woman reading in a cafe",
    "<lora:sofia_ig:0.8>, sofiaig, walking in Paris",
]

NEGATIVES = [
    # sports roles without a named title
    "a goalkeeper who won a local cup, cartoon",
    "the goalkeeper who was captain of our school team in 2010",
    "el portero que fue capitán de mi equipo del barrio",
    "der Torwart, der Vereinsmeister wurde, im Regen",
    "a player who dreams of winning the World Cup",
    "un jugador que fue campeón del torneo de la escuela en 2015",
    # ranks of no country
    "우리 학교 초대 교장 선생님 사진",
    "초대 손님들이 파티에서 웃는 사진",
    "我们公司首任总经理的照片",
    "初代ポケモンのイラスト",
    # current office of a club
    "președintele actual al clubului de șah local",
    "trenutni predsjednik našeg kluba",
    "настоящият председател на футболния клуб",
    # cosmonauts that are no one in particular
    "the first cosmonaut in a kids' story, cartoon",
    "первый космонавт нашего детского сада, рисунок",
    # article + relation without a given name
    "la voisine du dessus arrose ses plantes",
    "la voisine Paris la nuit",
    "le père Noël sur son traîneau",
    "el tío Sam señalando, póster",
    "la abuela Grillo, leyenda boliviana",
    "小时候的照片，女朋友在海边",
    # style and object LoRAs
    "embedding:film_grain, woman sitting on a park bench",
    "<lora:watercolor_style:0.8>, woman in a field",
    "embedding:cyber_punk, man in neon city",
    "<lora:ghibli_style_v2:0.8>, ghiblistyle, a girl in a meadow",
    "<lora:tarot_cards:0.8>, tarotcards, the moon card",
    # painting traditions, places named after people, Sikh holy places
    "Radha and Krishna, Kangra miniature painting",
    "Ganesha in Tanjore painting style with gold leaf",
    "a Madhubani fish motif on a wall",
    "Parque Eva Perón al atardecer, foto aérea",
    "Parc Jean Drapeau sous la neige",
    "Glorieta Cristóbal Colón de noche",
    "ਗੁਰਦੁਆਰਾ ਬੰਗਲਾ ਸਾਹਿਬ ਸਵੇਰੇ, ਫੋਟੋ",
    "गुरुद्वारा बंगला साहिब की सुबह की तस्वीर",
    "ਤਖ਼ਤ ਸ੍ਰੀ ਕੇਸਗੜ੍ਹ ਸਾਹਿਬ ਦੀ ਤਸਵੀਰ",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
