"""Round 32b classes (issue 16): names.

One-word stage names of international singers with a stage or performance cue (capitalised: any career cue; lower
case: a cue only a performance has); Indic-script names whose final dead consonant a case ending rewrites (Malayalam
chillu, Tamil/Telugu/Kannada virama); Korean actors in Hangul and Thai politicians and stars in Thai script; private
names the lists lacked (West African, Estonian, Polish, Tatar/Bashkir) and a listed given name with an unlisted
surname asked for as a picture in any language ("... portresi", "... portreefoto").

Written for the classes, not copied from the batches.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking


@pytest.mark.parametrize("prompt", [
    # one-word stage names with a stage or performance cue
    "Enya in a velvet cloak, 1990s music video still",
    "Aaliyah in baggy jeans, 2000s music video",
    "Alizée on a stage in Paris, concert photo",
    "kylie on stage during the fever world tour",
    "Donovan with an acoustic guitar, 1960s tv special",
    # Indic names with a case ending after a dead consonant
    "മോഹൻലാലിന്റെ ചിത്രം, സിനിമാ പോസ്റ്റർ",
    "கமல்ஹாசனின் புகைப்படம், மேடையில்",
    # Korean actors in Hangul, Thai politicians in Thai script
    "배우 송중기가 웃는 사진",
    "김혜수 레드카펫 사진",
    "ภาพถ่ายของ พิธา ลิ้มเจริญรัตน์ ในสภา",
    # private names the lists lacked
    "Oumar Coulibaly réparant une moto à Bamako",
    "Aminata Konaté souriant devant sa boutique, photo",
    "Kadri Vahermägi portreefoto aias",
    "Tõnu Kuusksaar kalal, foto",
    "Рамиль Хабибуллин на рыбалке, фото",
    "Przemysław Nowicki na rowerze",
    "Aylin Yıldırımtekin portresi",
    "Seda Karaalioğlu'nun fotoğrafı",
])
def test_identity_seeking(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt)), prompt


@pytest.mark.parametrize("prompt", [
    # stage names that are words, next to stage words used of things
    "pink flamingos at the zoo, 1990s photo",
    "a jewel encrusted crown on a velvet cushion",
    "ultimo giorno d'estate, tramonto",
    "cher ami, handwritten letter on a desk",
    # Indic everyday words
    "കേരളത്തിലെ ഒരു ഗ്രാമം, മഴ",
    "சென்னையின் கடற்கரை புகைப்படம்",
    # Hangul and Thai everyday phrases
    "배우 지망생의 연습실 사진",
    "ภาพถ่ายของ ทะเล ตอนเย็น",
    # place and thing names of the same shape
    "Victoria Harbour at night, photo",
    "Aurora Borealis over a frozen lake, photo",
    "Rosa Canina flowers, macro photo",
    "Tallinn vanalinn talvel, foto",
    # a listed given name and an unlisted word that are a character or a place compound
    "Mikasa Ackerwald portrait, anime style",
    "Klara Zetkinplatz photo, winter",
])
def test_not_identity_seeking(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt)), prompt
