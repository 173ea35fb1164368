"""Issue 16, round 40c: stage names of regional performers and LoRA names of one person (batches 69-71 dev data).

Each class is pinned by prompts written for this file (not the batches' strings): positives of the class and
same-shape negatives that must stay clean.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


# -- a LoRA/embedding stem of two or three name words written outside the tag, glued or with its underscores, before
# a person class; one stem word of two name-list words glued with a person class after the tag; a relation word
# glued camelCase to a nickname, the nickname as the trigger
LORA_PERSON = [
    "<lora:kagiso_dlamini:0.7> kagisodlamini man, grey suit, office",
    "<lora:ananya_iyer_v3:0.8> ananya_iyer woman in a sari, temple steps",
    "<lyco:bongani_zulu:0.6> bonganizulu man laughing at a braai",
    "embedding:omarkhalil_ti, man in a linen shirt, harbour",
    "<lora:tioPepe_v1:0.8> pepe, old man, fishing boat",
    "<lora:myBossRaj_v2:0.9> raj, middle-aged man, office party",
]
LORA_STYLE = [
    "<lora:pixel_art:0.8> pixelart woman, 16-bit game sprite",
    "<lora:golden_hour:0.5> goldenhour woman on a beach",
    "<lora:retro_anime:0.6> retroanime girl, 90s cel shading",
    "<lora:moebius_comic:0.7> moebiuscomic woman crossing a desert",
    "<lora:cyber_punk:0.7> cyberpunk man under neon signs",
    "embedding:rosegold_ti, woman in a garden",
    "<lora:detailTweaker:0.5> tweaker, young man, street",
    "<lora:myCatTom:0.7> tom, cat on a sofa",
]

# -- one-word stage names of performers of South and Southeast Asia, Africa and the Caribbean (listed as a group),
# with the performer cues of their scenes: genres and scenes ("kpop idol", "dancehall queen"), a concert in
# Spanish, a stage in Indonesian, a boxing ring, singing in Arabic
STAGE_NAMES = [
    "Namewee laughing in a hawker centre, music video still",
    "Yama Buddha with a microphone in a Kathmandu studio",
    "Shenseea the dancehall queen in a neon bodysuit",
    "Feid saludando al público, concierto en Bogotá",
    "Inul bergoyang di panggung, lampu warna-warni",
    "Canelo entrando al ring, foto deportiva",
    "Marwan Pablo بيغني في حفل في القاهرة",
    "Teni dancing at a lagos concert, flash photo",
]
STAGE_WORDS = [
    "a boxing ring in an empty gym, dramatic light",
    "canela y canelo en un plato, foto de comida",
    "a bohemia landscape painting with castles",
    "stage lights over an empty panggung, dangdut festival poster",
    "a kpop idol dancing on stage, generic character",
    "a lobster the reggae king, cartoon",
    "Spice rack in a kitchen, dancehall poster on the wall",
    "a turquoise ring on black velvet, product photo",
]


@pytest.mark.parametrize("prompt", LORA_PERSON + STAGE_NAMES)
def test_person_is_found(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", LORA_STYLE + STAGE_WORDS)
def test_same_shape_stays_clean(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


# -- a lower-case given name + family name in running text with an act of a person after it: a Romance gerund, an
# -ing verb with its object or the person's own thing ("... standing by her desk"), also after "photo of" when the
# family name is in no list; gerunds of plants, light and water stay things
LOWER_NAMES = [
    "a photo of amina kelani reading by her window",
    "image of tariq osmani fixing his bicycle in the yard",
    "daniela ferraz discursando no congresso, foto",
    "lucia moretti carrying her daughter on her shoulders",
    "paulo ferraz dando aula numa escola rural",
]
LOWER_THINGS = [
    "rosa blanca floreciendo en el jardín",
    "a photo of victoria falls crashing into the gorge",
    "santa claus giving a present to a child",
    "jack daniels bottle standing on the bar",
    "a photo of lake victoria shimmering in the sun",
    "mary poppins flying with her umbrella",
    "john deere pulling a plow through a wheat field",
    "jack frost painting the windows with ice",
    "rosa branca brotando no vaso",
]

# -- unlisted private people in Somali (Somali-orthography given names, "sawirka" the picture of), Malagasy ("sarin'i"
# + a given name + a Ra-/Andria- family name) and Catalan ("foto d'en", "retrat de na" + a double surname)
UNLISTED = [
    "sawirka Sagal Cumar Jaamac oo guriga fadhida",
    "sarin'i Tahina Randrianarisoa mandihy",
    "foto d'en Marc Vilaró i Puig al mercat",
]
UNLISTED_THINGS = [
    "sawirka Muqdisho oo habeenkii ah",
    "sary ny Antananarivo amin'ny hariva",
    "sawirka Geel iyo Ari ee miyiga",
    "foto d'en Pau i la Maria",
]


@pytest.mark.parametrize("prompt", LOWER_NAMES + UNLISTED)
def test_private_person_is_found(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", LOWER_THINGS + UNLISTED_THINGS)
def test_thing_stays_clean(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt


# -- relations with a polite title or in Malay: "my <role> mr. <surname>" typed in lower case (a name-list word that
# no dictionary holds), "the neighbour" + a polite title + a capitalised name (Portuguese, Spanish), Malay relation
# words with "saya" after them
RELATIONS = [
    "my landlord mr. oyelaran fixing the gate",
    "my teacher mrs. adebanjo at the blackboard",
    "o vizinho seu Zezinho consertando a bicicleta",
    "la vecina doña Maruja en el balcón",
    "gambar jiran saya Azman di kedai kopi",
    "foto abang saya Hakim memakai baju melayu",
]
RELATION_THINGS = [
    "my neighbour mr. whiskers sleeping on the fence",
    "my boss mr. clean bottle on the shelf",
    "o vizinho e o cachorro Rex no quintal",
    "gambar kawan saya di pantai waktu senja",
    "gambar kawan saya Kuala Lumpur waktu malam",
]


@pytest.mark.parametrize("prompt", RELATIONS)
def test_named_relation_is_found(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", RELATION_THINGS)
def test_relation_thing_stays_clean(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
