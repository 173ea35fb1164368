"""Round 29b classes (issue 16): Indonesian three-part names, Filipino and European TV hosts and influencers,
Basque/Spanish double surnames and Dutch particle surnames after a listed given name, Japanese names with the
repeat mark 々, and false positives of name-shaped words (a given name + a dictionary word, a colour + a flower,
kin + の + a thing, a look-LoRA, a road or square named after someone).

Written for the classes, not copied from the batches.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking


@pytest.mark.parametrize("prompt", [
    # Indonesian / Malay three-part names: given name + second name + family or third name
    "foto Dimas Prasetyo Wicaksono sedang bermain gitar",
    "potret Siti Rahmawati Nasution di ruang kelas",
    "Ahmad Irfan Harahap sedang berjalan di pasar, foto",
    "gambar Wahyu Hidayat Saputra memakai batik",
    # Filipino TV and film stars after "si"/"ni", European/Latin American TV hosts and influencers in lower case
    "litrato ni Kathryn Bernardo sa red carpet",
    "si Coco Martin na nakangiti sa set",
    "giulia de lellis a una sfilata, foto",
    "paula echevarría paseando por madrid",
    "un selfie de lele pons en la playa",
    # a listed given name, an unlisted first surname, then a listed second surname
    "retrato de Ainhoa Urrutikoetxea Martínez en su despacho",
    "foto de Iker Goikoetxea López corriendo",
    # Dutch particle surnames
    "pasfoto van Femke de Waard, witte achtergrond",
    "Joris van Wijk op de fiets naar school",
    # a Scandinavian picture phrase ("bilde av", "billede af") before a double-barrelled surname
    "bilde av Kari Nordvik-Berg på stranden",
    "billede af Sofie Holm-Madsen i parken",
    "picha ya Benjamin Mkapa akihutubia bunge",
    # Hebrew "portrait of" / "selfie of" before a name
    "פורטרט של מיכל גרינברג-שפירא בגן",
    "סלפי של יונתן אברמוביץ על החוף",
    # Japanese names with the repeat mark
    "佐々木美咲さんの写真",
    "野々村さんのポートレート",
])
def test_identity_seeking(prompt: str) -> None:
    assert is_identity_seeking(detect_prompt(prompt)), prompt


@pytest.mark.parametrize("prompt", [
    # Indonesian places, food and things in the same shapes
    "foto pantai Parangtritis saat senja",
    "foto nasi goreng spesial dengan telur",
    # place names that open with a given name before "de"
    "foto van Santiago de Compostela bij nacht",
    "a postcard of Rio de Janeiro from the hill",
    # a given name and a dictionary word (a thing) before a picture word, a colour and a flower
    "राहुल चाबी की फोटो",
    "पीला गुलाब की फोटो",
    # kin + の + a thing written in hiragana
    "父のとけいの写真",
    "母のさいふ",
    # a look or expression LoRA, not a face of someone
    "a knight in armour <lora:clock_face:0.6>",
    "<lora:poker_face:0.7> card player, oil painting",
    # a road, square or colony named after someone
    "इंदिरा गांधी मार्ग पर ट्रैफिक",
    "સરદાર પટેલ ચોક નો નજારો",
    "அண்ணா சாலை இரவு புகைப்படம்",
    # a Scandinavian picture phrase before a thing; Swahili places named after someone
    "bilde av en hytte ved sjøen",
    "Uwanja wa Taifa wa Benjamin Mkapa, picha ya angani",
    "Barabara ya Julius Nyerere wakati wa usiku",
    "פורטרט של חתול ג'ינג'י על הספה",
    # the repeat mark in ordinary words
    "人々の写真",
    "時々さんぽ",
])
def test_not_identity_seeking(prompt: str) -> None:
    assert not is_identity_seeking(detect_prompt(prompt)), prompt
