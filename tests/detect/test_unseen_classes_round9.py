"""Issue 16, round 9: the false-positive classes of batch 8 (after round 8).

Each class is pinned by prompts written for this file (not the batch's strings): same-shape
negatives that must stay clean and positives of the same shape that must keep working.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

# -- Cyrillic: a lower-case adjective form + a dictionary noun after a picture word is a description, also when
# the noun shares a stem with a first name ("леса"/Леся, "розы"/Роза); capitalised names, and lower-case names in
# an all-lower-case prompt, stay names
CYRILLIC_DESCRIPTIONS = ["фото цветущей розы в саду", "рисунок весеннего леса", "фото осеннего леса в тумане",
                         "фото старой розы у окна", "Фотография зимнего леса"]
CYRILLIC_NAMES = ["фото Анны Ахматовой", "портрет Юрия Гагарина", "фото марины соколовой у окна",
                  "портрет анны ахматовой", "фото ольги ивановой на даче", "фото Алёны Ветровой",
                  "Портрет Екатерины Великой", "фото дмитрия медведева"]

# -- Chinese: three characters after a modifier's 的, or a dictionary word counted with a numeral and a measure
# word for things, before 的照片 are a thing ("一碗牛肉面": a bowl of beef noodles), not surname + given name
ZH_THINGS = ["一碗牛肉面的照片", "一盘牛肉饭的照片", "一盘香喷喷的红烧肉的照片", "刚出炉的黄油面包的照片",
             "一碗热气腾腾的米线的照片"]
ZH_NAMES = ["王小明的照片", "牛犇的照片", "我的朋友王小明的照片", "王国强的照片", "穿红裙子的李小红的照片"]

# -- a DreamBooth identifier before an animal or breed is pet personalisation; before a person class it is not
DREAMBOOTH_PETS = ["a photo of sks poodle on a couch", "a picture of ohwx husky in the snow",
                   "a photo of xyz tabby sleeping on a rug", "an image of sks dachshund at the beach",
                   "a photo of zwx hamster eating a seed"]
DREAMBOOTH_PEOPLE = ["a photo of xyz man", "a photo of xyz woman wearing a bandana", "a photo of xyz boy",
                     "a photo of xyz girl in the park", "a photo of xyz person", "a photo of xyz"]

# -- Tamil: a plural ("-கள்", "-களின்") is no name; Gujarati: a plural ("-ઓ/-ઓનો", "-ોની"), a participle
# ("-તી/-તો/-તા") before the word it describes, or an anonymous person word ("સ્ત્રીઓ") is no name
TAMIL_PLURALS = ["வண்ணமயமான பூக்களின் புகைப்படம்", "கடற்கரை படகுகளின் புகைப்படம்", "தெரு விளக்குகளின் ஓவியம்",
                 "பழைய புத்தகங்களின் படம்", "கோவில் மணிகளின் படம்"]
TAMIL_NAMES = ["கமல் ஹாசன் புகைப்படம்", "ரஜினிகாந்த் படம்", "கே. எஸ். சித்ராவின் புகைப்படம்", "சமந்தா ரூத் புடவையில்"]
GUJARATI_DESCRIPTIONS = ["નાચતી છોકરીઓનો ફોટો", "દોડતા ઘોડાઓની તસવીર", "રંગબેરંગી પતંગોનો ફોટો",
                         "હસતી મહિલાઓનું ચિત્ર", "જૂના મંદિરોની તસવીર", "ખેતરમાં કામ કરતા ખેડૂતોનો ફોટો"]
GUJARATI_NAMES = ["હેતલ પટેલનો ફોટો", "કિરણ દેસાઈની તસવીર", "હર્ષ મહેતાનો ફોટો", "સંગીતા પટેલનો ફોટો",
                  "શ્વેતા શર્માની તસવીર", "ભારતી દેસાઈનો ફોટો"]


@pytest.mark.parametrize("prompt", CYRILLIC_DESCRIPTIONS + ZH_THINGS + DREAMBOOTH_PETS + TAMIL_PLURALS
                         + GUJARATI_DESCRIPTIONS)
def test_descriptions_are_not_names(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", CYRILLIC_NAMES + ZH_NAMES + DREAMBOOTH_PEOPLE + TAMIL_NAMES + GUJARATI_NAMES)
def test_names_of_the_same_shape_stay_names(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))
