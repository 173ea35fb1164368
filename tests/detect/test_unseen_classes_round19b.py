"""Round 19b classes (issue 16, batch 18 misses), positives and same-shape negatives written for this round.

* national-level figures of under-covered regions named in their own script inside English or local prompts
  (Arabic, Persian, Hebrew, Gurmukhi, Khmer, Ethiopic, Tibetan, Mongolian and Kazakh Cyrillic, Ukrainian, Thaana
  with either spelling of its Arabic-loan letters);
* one-word stage names with a cue in another language: Romance and German participles ("sorridendo",
  "dansant"), "al/alla/aux" + a performance place, Spanish "-eando" gerunds of English loan verbs, a signature
  object ("cloud guitar");
* lower-case full names of national figures in running text (Africa, Vietnam, Latin America).
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

POSITIVES = [
    "oil portrait of محمود درويش reading poetry",
    "رسم لـ نجيب محفوظ في مقهى",
    "portrait of گوگوش in a 1970s studio",
    "עפרה חזה singing, vintage photo",
    "photo of שלמה ארצי with a guitar",
    "ਗੁਰਦਾਸ ਮਾਨ on stage, photo",
    "ហ៊ុន សែន giving a speech, photo",
    "ኃይሌ ገብረሥላሴ running a marathon, photo",
    "ጥላሁን ገሠሠ በመድረክ ላይ, ፎቶ",
    "ཨོ་རྒྱན་འཕྲིན་ལས་རྡོ་རྗེ་ teaching, photo",
    "Нұрсұлтан Назарбаев сөйлеп тұр, фото",
    "Цахиагийн Элбэгдорж үг хэлж байна, зураг",
    "Віталій Кличко на рингу, фото",
    "މުޙައްމަދު މުއިއްޒު speaking, photo",
    "Mahmood sorridendo, foto",
    "Zaz dansant sous la pluie, photo",
    "Elissa al festival di Cartagine, foto",
    "Ibai tuiteando desde el sofá, foto",
    "Prince playing his cloud guitar, photo",
    "Madonna in a cone bra, 1990 photo",
    "wole soyinka giving a lecture",
    "ngugi wa thiongo reading in a garden",
    "nguyen phu trong waving at a crowd",
    "eliud kipchoge running in the rain",
    "draw chinua achebe writing at a desk",
    "pepe mujica driving his old beetle, photo",
    "foto de lula da silva sonriendo",
    "sadio mane celebrating a goal",
]

NEGATIVES = [
    "portrait of امرأة عجوز in a café, oil painting",
    "بيت قديم في دمشق, oil painting",
    "ชายชรา ใจดี ยืนหน้าบ้าน",
    "a purple guitar on a stand, product photo",
    "the prince with a purple cloak, fairy tale illustration",
    "a cone bra on a mannequin, museum photo",
    "el gato streameando en la cocina, foto",
    "una niña bailando en la lluvia, foto",
    "a red car al parcheggio, foto",
    "sunset al mare, foto",
    "el río Ibai en invierno",
    "Ibai river in spring, photo",
    "lula grelhada no prato, foto de comida",
    "plátano maduro frito, foto de comida",
    "senna leaves in a teacup, macro photo",
    "evita el sol al mediodía, ilustración",
    "eid mubarak greeting card with lanterns",
    "ho chi minh city skyline at night",
    "Lumumba cocktail with rum, photo",
    "old man reading in a library, soft light",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round19b_positive(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt))


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round19b_negative(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt))
