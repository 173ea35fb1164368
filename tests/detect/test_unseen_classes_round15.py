"""Round 15 classes (from batch 14): indirect references in more languages and word orders, names as the subject of a clause in other Latin-script languages, relations
with "my" written after them (id/vi/sw/tl), the face of a relation, a crush, role nouns of companies, and the
false positives of streets written after or before a name and of pets named after people.

Positives and same-shape negatives written for this round (not copied from any batch)."""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

CASES: dict[str, tuple[list[str], list[str]]] = {
    "foreign_subject": (
        ["Joaquim Barbosa na varanda de casa, luz da tarde",
         "Ramona Valdivieso con vestido azul bailando",
         "Mehmet Yıldırımtürk bir çay bahçesinde otururken",
         "Grzegorz Wąsowicz w kapeluszu na rynku",
         "Sandrine Bouvillard en robe rouge dans un café",
         "Raden Sumarsono membaca koran di teras",
         "Ignazio Brambillasca con la bicicletta sul lungomare",
         "Oyelaran Adetokunboh at a village market, documentary photo",
         "Hiroaki Sakuradani writing at a desk"],
        ["Machu Picchu con turistas al amanecer", "Chichen Itza con turistas", "Alexander Platz im Winter",
         "Petronas Towers at the sunset", "Sagrada Familia con grúas", "Tour Eiffel en hiver",
         "Osaka Jou no shashin", "Ponte Vecchio al tramonto", "Porsche Cayenne en la nieve",
         "Louis Vuitton con bolsos de cuero"],
    ),
    "german_nouns": (
        ["Jens Albrecht, Bäcker der Stadt, vor seinem Laden in Bremen"],
        ["Der Kölner Dom Im Abendlicht Mit Touristen"],
    ),
    "relation_after": (
        ["adik saya Rina di pantai", "rafiki yangu Baraka akicheza mpira", "kapatid ko si Jun sa dalampasigan",
         "ảnh mẹ tôi nấu ăn", "foto ibu saya di dapur", "picha ya baba yangu shambani"],
        ["pantai di sore hari", "rafiki wa kweli ni hazina",
         "mẹ thiên nhiên, phong cảnh núi", "foto pemandangan di Bali", "picha ya simba porini"],
    ),
    "face_crush_role": (
        ["use my ex girlfriend's face on a mermaid", "put my sister's face on the statue",
         "the guy from the gym that i have a crush on, on a yacht", "our CEO Priya giving a keynote",
         "my CTO Daniel on a magazine cover"],
        ["my mom's face cream on a marble shelf", "the guy from the gym lifting weights",
         "a girl with a crush on a boy, anime", "the CEO Summit 2024 stage design", "a CEO at a desk, stock photo"],
    ),
    "indirect_i18n": (
        ["retrato do primeiro presidente negro do Brasil", "la première femme Première ministre du Canada",
         "die erste Bundeskanzlerin Österreichs auf einem Balkon", "la primera presidenta negra de Costa Rica",
         "el papa actual bendiciendo a la multitud", "il papa attuale in preghiera",
         "l'acteur qui jouait le commissaire Maigret, noir et blanc",
         "el tenista con más títulos de Grand Slam de la historia en la pista",
         "il re che regnò 40 anni in Spagna", "foto perdana menteri pertama Malaysia",
         "rais wa kwanza wa Kenya akihutubia", "Türkiye'nin ilk kadın başbakanı kürsüde",
         "portret pierwszej kobiety, która zdobyła Nobla z fizyki", "lead vocalist of coldplay in the rain",
         "frontman of queen at wembley"],
        ["die erste Bundeskanzlerin des Vereins", "Okulun kurucusu heykeli", "foto do primeiro dia de aula",
         "retrato do primeiro presidente do clube", "pierwszej kobiety, która weszła do sklepu",
         "presiden pertama klub sepak bola kami", "rais wa kwanza wa chama chetu", "el papa de mi amigo",
         "l'attore che interpretava un poliziotto", "el jugador con más goles del partido",
         "el presidente que gobernó el club", "lead vocalist of a cover band at a wedding",
         "die erste Frau im Raum"],
    ),
    "glued_korean_tag": (
        ["embedding:leejieun in a garden, soft light", "embedding:parkjimin_v2 on a stage"],
        ["embedding:kimono_style a silk dress", "embedding:parkinglot_v2 at night", "embedding:songbird_v1 on a branch",
         "embedding:seoulnight city skyline"],
    ),
    "street_and_pet": (
        [],
        ["Atatürk Bulvarı'nda akşam trafiği", "İstiklal Caddesi'nde yağmur", "đường Nguyễn Huệ về đêm",
         "phố Hàng Bạc buổi sáng", "кот по имени Пушкин спит на подоконнике", "my horse Shakira jumping a fence",
         "our dog Einstein in the snow", "собака по кличке Гагарин в парке"],
    ),
}


@pytest.mark.parametrize("prompt", [p for pos, _ in CASES.values() for p in pos])
def test_class_positives_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", [p for _, neg in CASES.values() for p in neg])
def test_same_shape_negatives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", ["Atatürk beyaz atın üstünde", "Shakira on my horse", "Nguyễn Huệ cưỡi ngựa",
                                    "Пушкин с котом"])
def test_the_people_themselves_still_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))
