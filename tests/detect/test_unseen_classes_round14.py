"""Issue 16, round 14a: classes of batch 13 (its false positives too).

Each class is pinned by prompts written for this file (not the batch's strings): same-shape
negatives that must stay clean and positives of the same shape that must keep working.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking
from aplguard.detect.translit import fold

CASES: dict[str, tuple[list[str], list[str]]] = {
    # the current holder of an office of a named country, in other languages
    "current_office_i18n": (
        ["el actual presidente del club de ajedrez con su trofeo", "l'actuel président de notre association",
         "der amtierende Präsident des Vereins beim Sommerfest", "нынешний президент клуба на собрании",
         "الرئيس التنفيذي الحالي للشركة في مكتبه", "رئيس شركتنا الحالي يبتسم",
         "ראש הממשלה הנוכחי של המועדון", "el rey mago actual en la cabalgata, ilustración",
         "le président actuel d'un pays imaginaire, fantasy"],
        ["el actual presidente de Argentina saludando desde el balcón", "o atual presidente do Brasil em Brasília",
         "l'attuale presidente della Repubblica Italiana in visita", "le premier ministre britannique actuel à Londres",
         "der amtierende Bundespräsident bei einer Rede", "нынешний президент Франции на саммите",
         "الرئيس التونسي الحالي في مؤتمر صحفي", "ملك الأردن الحالي في زيارة رسمية",
         "ראש הממשלה הנוכחי של יוון", "现任法国总统在爱丽舍宫", "現職のイギリスの首相の肖像画"]),
    # a first of a named country + what they did + 的 + the role (Chinese)
    "zh_first_did_role": (
        ["第一位到达派对的客人的照片", "我们公司第一个上班的人", "第一位进入教室的学生，卡通"],
        ["美国第一位登上月球的宇航员站在月球上", "日本第一位获得诺贝尔奖的科学家肖像", "印度第一位进入太空的女性"]),
    # a ruler by the length of a reign or term
    "reign_by_length": (
        ["the king who ruled for a day, storybook illustration", "the old man who worked for forty years at the mill",
         "the king who reigned for fifty years in the fantasy kingdom", "the president who served for two terms"],
        ["the emperor who reigned for sixty years, court painting", "the chancellor who governed for 16 years, portrait",
         "the sultan who ruled for forty-six years on his throne"]),
    # a nationality before the one who started a movement names the place
    "nationality_movement_starter": (
        ["the tall girl who started the school strike at our school", "the girl who started the food fight",
         "the boy who started the snowball fight, cartoon"],
        ["the kenyan woman who started the green belt movement planting trees",
         "the american woman who started the bus boycott, sitting on a bus"]),
    # a stage name typed with its own punctuation; everyday-word stage names decided by their works
    "stage_punctuation_and_works": (
        ["pink doing cartwheels on the lawn", "a p!nk dress on a mannequin", "a prince riding a white horse",
         "prince performing a dance for the king, fairy tale", "hear ye, hear ye, town crier",
         "ye olde tavern sign, woodcut", "a prince in purple rain, fairy tale"],
        ["Ke$ha doing a photoshoot", "Prince playing little red corvette on a white piano",
         "Ye on stage, donda listening event", "Prince in paisley park studio with a purple guitar, raspberry beret"]),
    # a visual artist's name with a depiction participle is the person, not a style
    "artist_depicted": (
        ["monet haystacks at dawn", "hokusai woodblock print of a wave", "a still life, frida kahlo, flowers"],
        ["salvador dali pictured with his ocelot", "pablo picasso photographed in his studio in cannes",
         "andy warhol snapped at the factory, polaroid"]),
    # romanisation variants of listed names that the edit distance misses
    "transliteration_variants": (
        ["sting ray in an aquarium", "amber light over the dunes", "a vintage soviet poster of a rocket",
         "a guitar in a smoky kitchen"],
        ["amrou dhiab singing on stage", "vysotskiy with a guitar, soviet photo", "boris jeltsyn waving"]),
    # businesses named after someone, original characters
    "named_business_and_oc": (
        ["a food truck named Tio Pepe, illustration", "cartoon logo for a barbershop called Uncle Vinny's",
         "my OC named Lira Voss, character sheet", "original character: Doctor Sela Marrin, cyberpunk medic",
         "fictional character Tomas Reyk, fantasy knight"],
        ["Captain Rux Vantaro smiling on his ship", "portrait of Hilde Brenner, bakery owner",
         "a photo of my grandma called Oma Hilde at the bakery"]),
    # detail and concept LoRAs; compel's withLora/useLora; glued full-name triggers
    "personalisation_hosts": (
        ["<lora:better_eyes_v3:0.6> a woman reading in a cafe", "<lyco:detail_tweaker:0.5> a man fishing at dawn",
         "useLora(watercolor_style, 0.6) a harbour at dusk, watercolor style",
         "(embedding:rosegold_ti:1.0), rosegold, wearing a ring", "<lora:ghibli_v2> ghibli, 1girl, wearing a dress",
         "<lora:mingdynasty_v1> mingdynasty, 1boy, wearing armor"],
        ["withLora(kevin_brandt) portrait in a suit", "useLora(jdoe_v2, 0.8) jdoe man hiking",
         "(embedding:wangfang_ti:1.0), 1girl, wangfang, smiling", "<lora:liumei_v1> liumei, smiling at the camera"]),
    # relations with a title or article before the name; Greek "my" after the relation; Urdu, Malayalam words
    "relation_title_name": (
        ["mein Chef Herr im Haus, Karikatur", "meine Oma Kuchen backend", "ο παππούς μου στο καφενείο",
         "η γιαγιά μου στην κουζίνα", "میرے کلاس فیلو کی سالگرہ", "میرے دوست کھانا کھاتے ہوئے",
         "എന്റെ അമ്മയുടെ ഫോട്ടോ", "mi jefe en la oficina"],
        ["meine Chefin Frau Obermayr im Büro", "mein Nachbar Herr Müller im Garten", "η γιαγιά μου η Μαρία στην αυλή",
         "mi jefe don Ramón en la oficina", "mon patron monsieur Delacroix en réunion",
         "میرے کلاس فیلو عمران شفیق کی تصویر", "എന്റെ ചേട്ടൻ അനീഷ് മാത്യു കല്യാണത്തിൽ"]),
}


@pytest.mark.parametrize("prompt", [p for neg, _ in CASES.values() for p in neg])
def test_same_shape_negatives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", [p for _, pos in CASES.values() for p in pos])
def test_class_positives_are_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize(("a", "b"), [("amro", "amr"), ("diyab", "diab"), ("dhiab", "diab"),
                                      ("vissotsky", "vysotsky"), ("shakeeb", "shakib")])
def test_transliteration_fold(a, b):
    assert fold(a) == fold(b)
