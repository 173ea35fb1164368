"""Issue 16, round 13: classes of batch 12 (its false positives too).

Each class is pinned by prompts written for this file (not the batch's strings): same-shape
negatives that must stay clean and positives of the same shape that must keep working.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

CASES: dict[str, tuple[list[str], list[str]]] = {
    # a possessive + a relation word + a word that is no common word of the language (spaced scripts)
    "relation_and_first_name_spaced": (
        ["mi hermana en la playa al atardecer", "mi tío con su perro en el campo", "meine Schwester im Park",
         "mon frère au marché, photo", "mijn tante in de tuin", "minha avó na cozinha fazendo bolo",
         "mia nonna in cucina con la pasta", "мой брат на рыбалке, плёнка", "моя бабушка в деревне летом",
         "मेरी बहन की शादी की तस्वीर", "मेरे दोस्त का घर", "मेरी बहन शादी की तैयारी में", "আমার বন্ধুর বাড়ি", "என் அம்மா சமையல் செய்யும் படம்",
         "మా అక్క ఇల్లు", "මගේ අම්මා ගෙදර", "իմ ընկերոջ տունը ծովի մոտ",
         "annem mutfakta yemek yaparken", "MI ABUELA EN LA PLAYA", "Mi Abuela En La Playa"],
        ["mi hermana Lucía en la playa al atardecer", "mi tío Ramiro con su perro en el campo",
         "meine Schwester Katrin im Park", "mon frère Julien au marché, photo", "mijn tante Greet in de tuin",
         "minha avó Iracema na cozinha fazendo bolo", "mia nonna Rosaria in cucina con la pasta",
         "мой брат Тимур на рыбалке, плёнка", "моя бабушка Зинаида в деревне летом",
         "मेरी बहन प्रियंका की शादी की तस्वीर", "আমার বন্ধু রাকিব হোসেনের ছবি", "என் அம்மா வசந்தா சமையல் செய்யும் படம்",
         "మా అక్క లావణ్య ఫోటో", "મારા કાકા રમણીકલાલનો ફોટો", "මගේ අම්මා කුසුම් ගෙදර",
         "իմ ընկեր Տիգրան Մանուկյանը ծովի մոտ", "миний найз Энхжаргал гэртээ", "annem Fatma mutfakta yemek yaparken",
         "moja siostra Agnieszka na plaży", "mijn vriend Bram op de fiets", "meine Oma Hildegard strickt"]),
    # the same in scripts written without spaces (Chinese, Japanese, Korean) and Burmese, Khmer, Tibetan
    "relation_and_first_name_glued": (
        ["我妈妈在厨房做饭", "我同事马上要下班了", "我朋友家的狗", "我姐姐白天上班", "母の料理の写真", "父の車の前で",
         "姉の誕生日ケーキ", "우리 엄마 생신 사진", "남자친구 선물 포장", "우리 엄마 김장하는 모습",
         "ကျွန်တော့်အမေ ရဲ့ အိမ်", "ម្តាយរបស់ខ្ញុំ កំពុងធ្វើម្ហូប", "ངའི་གྲོགས་པོའི་པར"],
        ["我妈妈李秀兰在厨房做饭", "我同事张伟在开会的照片", "我奶奶赵桂芝在院子里", "母の美代子の写真を描いて",
         "姉の真理子が笑っている絵", "우리 엄마 최영숙 여사님 사진", "남자친구 지훈이랑 여행 사진",
         "ကျွန်တော့်အမေ ဒေါ်ခင်မြင့် ရဲ့ ပုံ", "បងប្រុសរបស់ខ្ញុំ ចាន់ ដារ៉ា", "ངའི་ཨ་མ་སྒྲོལ་མ་ཚེ་རིང་གི་པར"]),
    # the user asking for themselves after an upload, and a relation + first name glued in an embedding name
    "self_and_embedding_relations": (
        ["use my uploaded photo: mountains at dawn", "my selfie stick on a table, product shot",
         "embedding:GrandmaKitchen, cozy interior", "embedding:MyDogMax, portrait", "embedding:SisterAct, poster"],
        ["use my uploaded selfie: me as an astronaut on the moon", "from my attached headshot, me in a tuxedo",
         "embedding:MySisterRachel, portrait", "embedding:my_husband_david, beach photo"]),
    # indirect references in other languages: office or record by rank of a named country, creator of a named work
    "indirect_other_languages": (
        ["el autor de un libro de cocina sonriendo", "la primera persona en la fila del supermercado",
         "der erste Mensch in der Schlange beim Bäcker", "der Mann, der das Bild gemalt hat, im Atelier",
         "l'auteur de la lettre, anonyme", "автор этой картины за работой", "первый человек в очереди",
         "この本の作者の似顔絵", "我的作者朋友", "the first person to climb the obsidian tower, fantasy art",
         "whoever painted the fence, watercolor", "la primera presidenta de un país ficticio, fantasía"],
        ["el autor de Cien años de soledad fumando", "la primera mujer astronauta de España saludando",
         "o primeiro presidente do Brasil a cavalo", "l'auteur des Misérables à son bureau",
         "der erste Präsident der Vereinigten Staaten auf einem Pferd",
         "der Mann, der die Glühbirne erfunden hat, im Labor", "автор «Мастера и Маргариты» в кабинете",
         "первый человек в космосе машет рукой", "भारत के पहले राष्ट्रपति की तस्वीर", "『ノルウェイの森』の作者の肖像",
         "日本初の女性首相の肖像", "《三体》的作者在书房", "美国第一任总统骑马",
         "whoever wrote Pride and Prejudice, sitting by a window", "youngest woman ever to win Wimbledon, on court"]),
    # unlisted Latin-script names: double surnames, surnames no dictionary has, lower case with a place
    "unlisted_latin_names": (
        ["vintage Mercedes-Benz at the dealership", "a Rolls-Royce engine on a stand", "Visit Baden-Württemberg in spring",
         "Coca-Cola bottle at the beach", "a ninja crouching on a rooftop at night", "red velvet at the bakery",
         "a lone samurai standing in the rain"],
        ["Chiamaka Obi-Nwosu at her desk", "R. Fairweather-Lyle, retired vicar, pencil sketch",
         "Aylin Karakuş at the tea garden", "tomas wierzbicki at the train station, morning",
         "Ngozi Eze-Okafor laughing at a wedding"]),
    # places, businesses, animals, ships and works named after people
    "named_after_people": (
        ["улица Пушкина зимой, фонари", "rue Victor Hugo sous la pluie", "avenida Presidente Vargas à noite",
         "شارع الملك عبدالعزيز في الليل", "Smith and Sons hardware store front", "a Newton–Raphson bridge truss diagram",
         "a greyhound named Lady Penelope Ashcroft racing", "the HMS Margaret Thornbury, a grey frigate at anchor",
         "moby dick illustration, vintage book plate"],
        ["Пушкин на улице зимой", "Victor Hugo sous la pluie", "Einstein writing on a chalkboard",
         "Penelope Ashcroft at the races, portrait", "Margaret Thornbury on the deck of a frigate"]),
}


@pytest.mark.parametrize("prompt", [p for neg, _ in CASES.values() for p in neg])
def test_same_shape_negatives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", [p for _, pos in CASES.values() for p in pos])
def test_class_positives_are_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))
