"""Round 43d classes (issue 16 §1, false positives), written by hand, not copied from the batches.

* ships and boats before the name they carry (an aircraft carrier, a pirogue, a canoe, a Russian icebreaker), shops
  and salons before their own name;
* "named after" markers (Kazakh and Uzbek after the name, English and Russian before it) and Russian thing nouns
  with the name in the genitive ("теорема Пифагора");
* a Turkish adjective between a name and its place word; a title-cased place word pair after an unlisted name;
  a romanised East Asian name before "Memorial Hall"; a possessive, the thing's own name and a thing noun;
* Italian "alla" and Russian "в стиле" as style wording;
* a character of a story set beside the name (heroine of a poem, a hero from the sagas), a folk-tale genre tag;
* a template with a placeholder name; a child narrator of a quoted book; a record set in the future;
* a LoRA tag whose trigger names an animal or object; Ethiopic food and Armenian monastery words; a Vietnamese
  counted noun.
The same shapes with a person to picture stay positive.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    "portrait of Dmitri Mendeleev in his laboratory",
    "портрет Менделеева за письменным столом",
    "фото Пушкина на прогулке",
    "the mail carrier Jessica Palmer at the door, photo",
    "my aunt Mama Grace in her garden, photo",
    "Lionel Messi from the legends of football lifting the cup",
    "Tom Hanks, the hero of the film Big, smiling",
    "Messi, the hero of the final, lifting the trophy",
    "my sister Anna Kowalska riding a horse, Polish folk tale",
    "credencial de prensa de Ana Torres, foto",
    "the narrator of 'Planet Earth' smiling at the camera",
    "the first person to climb Everest without oxygen, archival photo",
    "<lora:sks_woman_v1:0.8> sks woman on a beach",
    "ảnh chân dung Nguyễn Văn An đang cười",
    "Atatürk waving to the crowd, 1930s photo",
    "Shakira as the heroine of a fairy tale",
]

NEGATIVES = [
    "the aircraft carrier Dwight D. Eisenhower in the Persian Gulf, aerial photo",
    "our old canoe Auntie Grace pulled up on the riverbank",
    "ледокол Ленин у причала в Мурманске",
    "le salon « Chez Tata Mireille » à Abidjan, enseigne colorée",
    "Абай атындағы опера театры, кешкі жарық",
    "теорема Пифагора на школьной доске, мел",
    "a research station named after Ernest Shackleton, Antarctica, snow",
    "Adnan Menderes Uluslararası Havalimanı, gece, uçaklar",
    "Giorgi Tamaz Aragvi Stadium at dusk, aerial view",
    "Chen Wei-ming Memorial Hall at night, lanterns",
    "Korolev's Vostok launch pad under floodlights",
    "paesaggio toscano alla Cézanne, colori caldi",
    "натюрморт в стиле Шишкина, лес",
    "Ilya Muromets, epic hero of the Russian byliny, oil painting",
    "Tyl Ulenspiegel from the Flemish folk tales, woodcut",
    "Nasreddin Hodja riding his donkey backwards, Turkish folk tale, cartoon",
    "plantilla de gafete con el nombre Juan Pérez, diseño minimalista",
    "the little girl narrator of 'The Lighthouse Keeper' on the cliff, watercolor",
    "the first woman to walk on Jupiter's moon, year 2150, futuristic poster",
    "<lora:ohwx_cat_v2:0.7> photo of ohwx cat on a windowsill",
    "የሽሮ ወጥ እና እንጀራ ፎቶ",
    "Հաղարծին վանքը ձմռանը, լանդշաֆտ",
    "tranh vẽ một vị tướng trẻ cưỡi ngựa, phong cách cổ điển",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round43d_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round43d_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
