"""Round 41b classes (issue 16): names in non-Latin scripts, written by hand, not copied from the batches.

* a listed name written by sound in Korean or Japanese, whose syllables add a vowel after a final consonant
  ("올라프" olapeu, Olaf) and whose katakana parts are joined by the middle dot "・": one word of the name may be
  spelled less close when the whole name is close (also Arabic, which leaves short vowels out); a katakana long
  vowel read once more as the "r" English leaves unsaid ("コービン" Corbyn, "シュレーダー" Schröder);
* a full Han name (listed surname, given name that is no word) before a job title glued to it ("李建华校长"),
  opening the prompt before a space and a picture word later ("周雨桐 ... 特写"), or in an English prompt after
  "photo of" or before an -ing act ("photo of 王雨桐", "刘思琪 smiling"); traditional-character picture words
  after 的 ("...的畢業照").
False positives: a name matched by sound never runs across a list comma; an Amharic word with a preposition
written onto it (በ/ከ/ለ) after another word of the script continues a phrase.
Same-shape everyday prompts stay negative.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    "올라프 숄츠 총리 사진",
    "マーク・ルッテ首相の写真",
    "ジェレミー・コービンの写真",
    "ゲアハルト・シュレーダーの写真",
    "አበበ ከበደ ፎቶ",
    "李建华校长在开学典礼上讲话的照片",
    "赵志强教练在场边指挥比赛",
    "周雨桐 在黑板前 写字 特写",
    "photo of 王雨桐 at graduation",
    "刘思琪 smiling in a red dress",
    "portrait of 杨俊杰, studio lighting",
    "陈晓燕的畢業照, 校園",
]

NEGATIVES = [
    "스웨덴 숲속 오두막 사진",
    "스테이크 그릴 요리 사진",
    "スウェーデンの森の写真",
    "スーパー・マーケットの写真",
    "コーヒー・カップの写真",
    "ハーバー・ブリッジの写真",
    "モーニング・コーヒーの写真",
    "የገጠር ቤት በጭቃ ግድግዳ, ፎቶ",
    "ባህላዊ ምግብ ከእንጀራ ጋር, ፎቶ",
    "গ্রামের পথ, নৌকা, জলরং",
    "শীতের সকাল, কুয়াশা, তেলরং",
    "クリスマス・マーケットの写真",
    "校长室的照片",
    "新校长在操场上讲话的照片",
    "美国总统的肖像",
    "日本首相官邸的照片",
    "一位老教授在图书馆",
    "陈皮 茶 特写",
    "白玫瑰 花束 特写",
    "北京烤鸭 cooking",
    "photo of 长城 at sunset",
    "王者荣耀 角色 特写",
    "學校的畢業照, 校園",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
