"""Round 39b classes (issue 16): written by hand, not copied from the batches.

* Nordic relations with the possessive after a (mostly definite) relation word ("kusinen min Sara", "tanta mi
  Berit", "naboen min Jens") and Nordic/Finnish grandparent words used as a form of address before a listed first
  name ("morfar Gunnar", "ukki Veikko"), at the start of a clause or after a picture word;
* personalisation: a trigger declared as "<dreambooth|lora|embedding> token", a declared trigger with "my <relation>"
  as the subject, an identifier glued to a relation word ("sks-mom"), relation words of more languages before a
  given name in a tag ("<lora:maeLucia>");
* one-word stage names and streamer handles with a decade, night club, streaming or gala cue in their languages;
* lower-case listed given name + surname after "a selfie/photo with", before "after her/his ..." or a strength act;
* invented private names: Brazilian, Swahili (Mwa- family names), Finnish and Tamil given names the lists lacked,
  Chinese given-name characters of recent generations, Thai names before graduation or teaching.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # Nordic post-posed possessives
    "kusinen min Sara dansar på midsommar, foto",
    "tanta mi Berit strikker i sofaen",
    "naboen min Jens klipper plenen, bilde",
    "grannen min Anders tvättar bilen",
    "søsteren min Mette på stranden, billede",
    # bare grandparent words before a given name
    "morfar Gunnar fiskar abborre, gammalt foto",
    "foto av bestefar Arne på hytta",
    "ukki Veikko saunan portailla, valokuva",
    "farmor Astrid bakar bullar i köket",
    # personalisation
    "lora token: brnkw, brnkw woman at the cafe",
    "embedding keyword qlmsn, qlmsn person reading",
    "trigger word kvnn_v3, kevin my coworker at his desk",
    "sks-mom reading in the garden, soft light",
    "zwx_grandpa fishing on a lake",
    "<lora:maeLucia_v2:0.7> lucia cooking",
    "<lora:irmaoPedro:0.8> pedro surfing",
    # stage names and handles
    "Falco in einer Diskothek, Foto aus den 80er Jahren",
    "Ibai transmitiendo desde su casa, foto",
    # lower-case full names
    "a selfie with lucia moreno at the concert",
    "paulo ferreira after his wedding, photo",
    "mark thompson squatting 300kg at the gym",
    # invented private names
    "retrato de Rayssa Cavalcanti no casamento da irmã",
    "picha ya Zuhura Mwakyusa akipika chakula",
    "valokuva Nooa Virtasesta rannalla",
    "王雯瀚在图书馆学习的照片",
    "செல்வராஜ் முருகேசு வயலில் நிற்கும் புகைப்படம்",
    "มะลิ ศรีสุข รับปริญญา",
]

NEGATIVES = [
    "kusinen min dansar på midsommar, foto",
    "naboen min klipper plenen, bilde",
    "tanta mi strikker i sofaen",
    "morfar fiskar abborre, gammalt foto",
    "ukki saunan portailla, valokuva",
    "foto av bestefar på hytta",
    "farmor Stockholm resa, foto",
    "Morfar Gunnar Och Havet, Bokomslag",
    "lora trigger word watercolor_style, my dad's old car in the rain",
    "trigger word zkq_style, a castle on a hill",
    "ohwx_dog running on the beach",
    "my roommate's cat sleeping on a sofa",
    "dreambooth token zxcv backpack, zxcv backpack on a mountain",
    "lora token explained: what a trigger word does in training",
    "a falco hunting over a field in the 80er jahre style",
    "a selfie with a golden retriever in lisbon",
    "city hall after her visit, press photo",
    "a photo with lemon tart and coffee",
    "picha ya furaha na upendo darasani",
    "valokuva rannalla kesäiltana",
    "荷花在池塘里的照片",
    "பசுமையான வயலில் நிற்கும் மாடு",
    "ทะเล สวยงาม ถ่ายรูป",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round39b_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round39b_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
