"""Round 22a classes (batches 21 and 22 as dev data): same-shape positives and negatives written for this round.

Style vs depiction: a listed artist after a picture word of another language ("foto de", "ritratto di", "Foto von",
"zdjęcie") or followed by a Romance gerund / progressive particle is pictured, not a style credit. Relations: Vietnamese
kin word + capitalised given name (one-syllable titles need "của tôi"; a city after the kin word is where they live);
Chinese 小/老 + surname after a possessive friend/colleague word; Tagalog kin word + name + "ko/namin". False positives: a nameless group of the user's people
("my friends having a picnic") or a nameless relation doing something in a storybook-like drawing. Indirect: a named
prize + a year + a winner word (several languages); "the singer who performed/recorded <work>"; well-known epithets
of singers, athletes and leaders in many languages (data/descriptions.txt), an ambiguous epithet with "at her/his ..."
after it; longest-serving offices in Dutch and German. False positives: an everyman name that is also a real name on a
user icon or avatar; fictional characters of many languages (data/non_person_names.txt); an Indic-script name right
before a temple word. Indirect: in a prompt without capitals, a nationality + role + a work's title (no kind of work:
"horror films"); a German compound title naming a work by its form ("Mondscheinsonate", "Zauberflöte"). False
positive: a city after a relation, possibly with a case ending ("mi abuela Madrid", "minu vanaema Tallinnas").
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # style vs depiction
    "foto de Federico Fellini hablando con actores en el rodaje",
    "ritratto di Salvador Dalí con i baffi all'insù",
    "Foto von Frida Kahlo im Garten, Schwarzweiß",
    "Salvador Dalí pintando en su estudio, foto antigua",
    "Frida Kahlo sedang melukis di taman",
    "Frida Kahlo zeichnet im blauen Haus, Foto",
    "Claude Monet peignant au bord de l'étang, photo ancienne",
    "Dalí che dipinge sulla spiaggia, foto d'epoca",
    # relations
    "ảnh bà nội Hoa của tôi đang cười",
    "ông nội Sáu ngồi đọc báo, ảnh cũ",
    "chị Thu của tôi mặc áo dài",
    "我的同学老张在打篮球，照片",
    "我的邻居小刘在遛狗",
    "tita Marites ko nagluluto ng adobo, litrato",
    # prize + year
    "the 2014 Nobel Peace Prize laureate giving a speech, photo",
    "la ganadora del premio Nobel de Literatura 2015 en su casa",
    "il vincitore del Pallone d'Oro 2007 in allenamento",
    "der Literaturnobelpreisträger 1999 am Schreibtisch",
    # performed
    "the singer who performed Despacito on a beach, photo",
    "the singer who recorded purple rain playing guitar",
    # epithets
    "la reina de la salsa con un vestido de lentejuelas, foto",
    "the queen of soul at the piano, 1968 photo",
    "o rei do pop dançando no palco, foto",
    "el pibe de oro festejando un gol",
    "the Iron Lady with her handbag outside parliament",
    # longest-serving
    "de langstzittende koningin van Nederland zwaaiend vanaf het balkon",
    "der dienstälteste Bundeskanzler der Bundesrepublik mit Strickjacke",
    # a work's title without capitals after nationality + role; a German compound work title
    "the italian composer of la traviata conducting an orchestra, oil painting",
    "the colombian author of one hundred years of solitude at his typewriter",
    "der Komponist der Zauberflöte als Kind am Cembalo",
    # a singer who recorded / sang a named song (Portuguese, Italian, Spanish perfect tenses)
    "o cantor que gravou Aquarela do Brasil sorrindo, foto",
    "la cantautrice che ha inciso Almeno tu nell'universo al pianoforte",
    # a relation's first name that only ends like a place case, or a name that is no city
    "minu vanaema Maie aias, vana foto",
    "mi hermana Natalia en la playa",
    "moja siostra Bonnie na rowerze",
]

NEGATIVES = [
    "a castle on a hill, Salvador Dalí style",
    "Hokusai woodblock print of a great wave",
    "Van Gogh zonnebloemen, olieverf op doek",
    "Claude Monet nymphéas au coucher du soleil, huile sur toile",
    "un paisaje con relojes derretidos al estilo de Salvador Dalí",
    "my kids' drawings on the fridge",
    "my friends having a barbecue in the backyard, film photo",
    "my cousins playing football at the park, candid",
    "my grandfather reading the newspaper, cozy storybook illustration",
    "chị Mai đang nấu ăn",
    "bà ngoại Huế nấu bún bò",
    "我的同事小心翼翼地搬箱子",
    "ang lola ko sa Maynila nagluluto",
    "a Nobel Prize medal on a velvet cushion, 2019",
    "a Nobel laureate giving a lecture in 2019",
    "the singer who performed at our wedding, candid photo",
    "a band that performed Despacito at the school fair",
    # epithets that stay phrases, placeholders, characters, temples
    "the king of rock themed costume party decorations",
    "una pulga saltando sobre un perro, macro",
    "an iron lady at her loom, illustration",
    "Mario Rossi come icona utente, stile piatto",
    "Juan Pérez como avatar de usuario, vector",
    "Jean Valjean carrying Marius through the sewers, engraving",
    "Arsène Lupin en haut-de-forme, affiche ancienne",
    "శ్రీ రామ ఆలయం ముందు దీపాలు",
    "श्री कृष्ण मंदिर में आरती, रात",
    "de langstzittende voorzitter van onze voetbalclub",
    "the french author of cookbooks in a sunny kitchen",
    "the japanese director of horror films on a dark set",
    "der Komponist der Klaviersonate am Flügel, Ölgemälde",
    "o cantor que gravou um disco na garagem, foto",
    "il cantante che ha cantato una canzone al matrimonio",
    # a city (with a case ending) after a relation: where they are, not a name (data/cities.txt, from GeoNames)
    "mi abuela Sevilla, feria de abril, foto antigua",
    "minu isa Tartus, vana foto",
    "isoäitini Helsingissä, vanha kuva",
    "mia zia Napoli anni 70",
    "minha tia Porto Alegre, foto antiga",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round22a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round22a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
