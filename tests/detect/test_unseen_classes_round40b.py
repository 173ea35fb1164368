"""Round 40b classes (issue 16): names in non-Latin scripts, written by hand, not copied from the batches.

* foreign names written by sound in another script, matched to the listed Latin name by phonetic key:
  katakana runs that run into a particle ("...・マラドーナがボールを"), Han runs joined by a middle dot
  ("巴勃罗·聂鲁达", also inside a longer run), Spanish "j" said "h" ("Хосе Мухики", "何塞"), Modern Greek
  "μπ"/"ντ"/"γκ" read as b/d/g, Arabic proclitics on the first word, Hebrew geresh and vowel letters;
* native spellings of national figures of India and Bangladesh (politicians, reformers, writers, film-makers,
  musicians) the list lacked or spelled only one way;
* same-shape negatives: fictional characters, brands and dishes written the same way.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # katakana, the name running into a particle
    "ディエゴ・マラドーナがボールを蹴る写真",
    "ガブリエル・ガルシア・マルケスが書斎で書いている写真",
    # Han joined by a middle dot, the name inside a longer run
    "巴勃罗·聂鲁达在海边的照片",
    "列夫·托尔斯泰的肖像画",
    "俄罗斯作家费奥多尔·陀思妥耶夫斯基的肖像",
    # Spanish j read as h, Russian case forms
    "портрет Хосе Мухики в саду",
    # Greek digraphs
    "Ο Ντιέγκο Μαραντόνα με την μπάλα, φωτογραφία",
    # Arabic proclitic on the first word
    "رسم زيتي لنيلسون مانديلا يبتسم",
    # native spellings of national figures
    "सरोजिनी नायडू का चित्र, पुरानी तस्वीर",
    "জীবনানন্দ দাশের প্রতিকৃতি, জলরং",
    "ഉമ്മൻ ചാണ്ടി പ്രസംഗിക്കുന്നു, ഫോട്ടോ",
    "अरुण जेटली की तस्वीर संसद के बाहर",
    "লালন ফকিরের ছবি, একতারা হাতে",
    "महात्मा फुले यांचे तैलचित्र",
    "খালেদা জিয়া সংবাদ সম্মেলনে, ছবি",
    "बाळासाहेब ठाकरे यांचा जुना फोटो",
]

NEGATIVES = [
    # fictional characters and brands written the same way
    "哈利·波特骑着扫帚的插画",
    "夏洛克·福尔摩斯在贝克街，插画",
    "路易·威登手提包产品照",
    "蒙娜·丽莎的微笑复制品，博物馆",
    "ハリー・ポッターが箒に乗るイラスト",
    "ミッキー・マウスが踊るイラスト",
    "チョコレート・ケーキがテーブルにある写真",
    # everyday words with the same letters
    "μπουγάτσα με κανέλα στο πιάτο",
    "لوحة لسيارة حمراء على الطريق",
    "رسم لطفل صغير يلعب بالكرة في الحديقة",
    "لوحة لبيت قديم على البحر",
    "צ'יפס ובורגר על צלחת, צילום אוכל",
    "ג'ינס כחול על קולב",
    # a street named after a listed figure
    "सावित्रीबाई फुले मार्ग, पुणे, रात का दृश्य",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
