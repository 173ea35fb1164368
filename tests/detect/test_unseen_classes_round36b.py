"""Round 36b classes (issue 16, famous names): written by hand, not copied from the batches.

* a listed name with a letter the prompt normaliser always folds (Turkish "ı") matches typed either way, in any case
  ("cem yilmaz", "Cem Yılmaz"); the list kept "ı" and never met the prompt's "i";
* one-word stage names under @music (the round 18b block sat under @sport, where no stage cue was read), award shows,
  song festivals and stages as performance cues ("all'Ariston", "at the IIFA awards", "sul palco"), a hand sign or a
  pose after "faisant"/"haciendo"; one-word film stars of India and singers of Italy, France and Spain listed;
* a Japanese, Chinese or Korean full name as its own tag of a tag-list prompt ("1girl, 山田花子, smile");
* initials with dots before a name in any Indic script, with a picture word or a Marathi "while doing"; a Nepali
  progressive act and a picture word after a name; a Lao royal title written onto a name beside a picture word.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # a listed name with Turkish dotless i, typed without it and lower case
    "cem yilmaz sahnede gosteri yaparken, fotograf",
    "a photo of cem yilmaz laughing",
    "Cem Yılmaz portrait, studio light",
    "nazim hikmet portresi, siyah beyaz",
    # one-word stage names with stage, award and performance cues
    "Sfera Ebbasta sul palco, foto",
    "Marracash all'Ariston, foto di scena",
    "Jul faisant un selfie avec des fans",
    "Irama sul palco di Sanremo, foto",
    "Coez live al Festivalbar, 2000s photo",
    "Tabu on the red carpet at the IIFA awards",
    "Kajol smiling in a yellow saree, film still",
    "Madhubala in a black and white film still",
    "Sridevi dancing in a chiffon saree",
    "Nargis at the Filmfare awards, 1950s photo",
    "Laufey on stage with a cello, concert photo",
    "Nagarjuna at the IIFA awards, red carpet",
    # CJK full names as their own tag
    "masterpiece, 1girl, 山田花子, office lady, smile",
    "1boy, 佐藤健一, suit, city",
    "(best quality:1.2), 1girl, 이수진, school uniform",
    "masterpiece, 1girl, (中村美咲:1.2), kimono",
    # Indic initials, Marathi and Nepali acts, Lao royal titles
    "बी. आर. शिंदे यांचा फोटो",
    "पु. ल. कुलकर्णी हसत असताना",
    "रमेश भण्डारी गीत गाउँदै गरेको तस्बिर",
    "ຮູບຂອງ ເຈົ້າເພັດຊະລາດ, ຮູບເກົ່າ",
]

NEGATIVES = [
    # the words of the names in their own sense
    "hikmet ve sabir uzerine bir soz, kaligrafi",
    "a bowl of yilmaz brand yogurt",
    # stage names that are words, without a person cue
    "tabu word written on a wall in graffiti",
    "the ariston theatre facade at night, empty street",
    "un bon jul à marseille",
    "nargis flowers in a vase, still life",
    "irama musik dangdut, poster tipografi",
    "nagarjuna the buddhist philosopher, ancient painting",
    # tag-list prompts with tags that are words, not names
    "masterpiece, 1girl, 黑长直, 双马尾, 白丝袜, 古风少女, 汉服",
    "best quality, 1girl, 和服美人, 桜吹雪, 浴衣姿, 猫耳娘",
    "best quality, 1girl, 花木兰, 长城, 大眼睛, 红领巾, 马尾辫",
    "1girl, solo, 한복, 벚꽃, 교복, 이태원, 경복궁",
    "1girl, solo, 강아지, 유니폼, 원피스, 오피스, 장미꽃",
    "masterpiece, 1girl, (黑长直:1.2), (古风少女:1.1), 高马尾, 林荫道",
    # Indic acts of things, Lao words that start with the title
    "नदीचे पाणी वाहताना",
    "पहाडी नदी बग्दै गरेको तस्बिर",
    "ຮູບເຈົ້າສາວ ໃນງານແຕ່ງງານ",
    "ຮູບຖ່າຍເຈົ້າບ່າວ",
    "ຮູບຂອງເຈົ້າງາມຫຼາຍ",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
