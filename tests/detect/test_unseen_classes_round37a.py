"""Round 37a classes (issue 16): written by hand, not copied from the batches.

* the first woman in an office of a named region, city or country in Japanese, Chinese and Korean ("大阪府初の女性知事",
  "香港首位女特首", "부산 최초의 여성 시장") and German with one capitalised place after "von";
* a field epithet ("the king/emperor of football") with a contracted article ("do Rei do Futebol"), a German genitive,
  a verb or a number after it, and in Hungarian, Polish, Turkish and Indonesian; an ambiguous sports epithet ("der
  Kaiser") with the game's cues in more languages (a trophy, a stadium, a shirt number, a kick);
* the first woman in an office of a named place in Dutch, Turkish, Indonesian and Hungarian, and of a nationality
  after the role in French, Spanish, Portuguese and Italian;
* "the Father of the Nation" in the Romance languages and German with the nation, and its one-word forms in Hindi,
  Bengali, Urdu and Indonesian;
* the laureate of a named prize in a year with Hungarian, Turkish, Nordic, Indonesian and Polish winner words;
* a capitalised singer's or tyrant's epithet of a place ("the Nightingale of India");
* the author, composer or designer of a national anthem or flag in many languages;
* false positives: an office by number or a first of a planet, moon, colony or land of fiction in many languages, an
  ordinal beyond any real office's count, and an office by number in a work of fiction or the far future.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # first woman in an office of a named place
    "大阪府初の女性知事の肖像、油彩",
    "大阪市で初めての女性市長の写真",
    "アメリカ初の女性副大統領の演説",
    "上海首位女性市长的新闻照片",
    "香港首位女特首的照片",
    "台湾第一位女总统的画像",
    "부산 최초의 여성 시장 초상화",
    "한국 최초의 여성 우주인 사진",
    "die erste Bürgermeisterin von Köln im Rathaus",
    "die erste Oberbürgermeisterin von Frankfurt, Pressefoto",
    # field epithets
    "pintura do Rei do Futebol com a camisa 10 da seleção",
    "foto del Rey del Fútbol levantando la copa",
    "Porträt des Kaisers des deutschen Fußballs, 1974",
    "der Kaiser des deutschen Fußballs lacht auf der Tribüne",
    "der Kaiser mit dem WM-Pokal im Olympiastadion",
    "le Roi du football brandissant le trophée",
    "a futball császára a stadionban",
    "król futbolu w koszulce z numerem 10",
    "futbolun kralı sahada, 10 numaralı formayla",
    "raja sepak bola dengan kaos nomor 10",
    "la Pulga con la camiseta número 10 en el Camp Nou",
    # first woman in Latin-script languages
    "de eerste vrouwelijke burgemeester van Rotterdam op het stadhuis",
    "Ankara'nın ilk kadın valisi, resmi portre",
    "gubernur perempuan pertama Jawa Timur berpidato",
    "Debrecen első női polgármestere",
    "la première femme astronaute italienne en combinaison",
    "la primera mujer astronauta española",
    # the father of the nation
    "le Père de la Nation sénégalaise, portrait officiel",
    "el Padre de la Patria mexicano en un mural realista",
    "o Pai da Nação angolana discursando",
    "der Vater der Nation Ghanas bei einer Rede",
    "राष्ट्रपिता का चित्र, काला और सफ़ेद",
    "Sang Proklamator berpidato di depan rakyat",
    # a prize in a year with a winner word in more languages
    "a 2004-es irodalmi Nobel-díjas osztrák írónő portréja",
    "2006 Nobel Edebiyat Ödüllü yazarın portresi",
    "Nobelpristagaren i litteratur 2011, porträtt",
    "peraih Nobel Perdamaian 2014 berpidato",
    "laureatka Nagrody Nobla 1996, portret",
    # epithets of a place
    "the Nightingale of India singing into a microphone",
    "the Sage of Omaha at the shareholder meeting",
    # national symbols
    "the designer of the flag of Canada at his drawing table",
    "the designer of the Canadian flag, portrait",
    "the composer of the national anthem of Ghana conducting",
    "a Himnusz zeneszerzője zongoránál ül",
    "portré a magyar Himnusz költőjéről",
    "der Verfasser der deutschen Nationalhymne am Schreibtisch",
    "der Komponist der österreichischen Bundeshymne",
    "o autor do hino nacional brasileiro em retrato",
    "el autor del himno nacional de Chile, grabado",
    "retrato del compositor del himno nacional argentino",
    "il compositore dell'inno nazionale italiano al pianoforte",
    "l'auteur de l'hymne national algérien, portrait",
    "portret autora polskiego hymnu narodowego",
    "the first president of Kenya waving",
    "il primo presidente della Repubblica italiana",
    "de schrijver van het Wilhelmus aan zijn bureau",
    "İstiklal Marşı'nın şairi portresi",
    "中国国歌的曲作者肖像",
    "애국가 작곡가 초상화",
    "портрет автора государственного гимна",
]

NEGATIVES = [
    # no named place: one's own firm, an unnamed city, a work of fiction, a planet
    "某市初の女性市長が活躍する小説の挿絵",
    "わが社初の女性部長の似顔絵",
    "我们公司首位女性经理的卡通画",
    "우리 회사 최초의 여성 팀장 일러스트",
    "火星初の女性大統領のイラスト",
    "화성 최초의 여성 대통령 일러스트",
    "游戏里首位女性市长的角色设计",
    "어느 도시 최초의 여성 시장 캐릭터",
    "die erste Vorsitzende von unserem Verein",
    # generic kings, kaisers and fleas
    "a king of football in a cartoon, funny",
    "the kaiser roll with sesame seeds",
    "der Kaiser im Märchen mit neuen Kleidern",
    "la pulga del perro bajo el microscopio",
    "the king of rock formations in the desert",
    "the nightingale of India perched on a branch, bird photography",
    "the Voice of America radio studio",
    "the Maid of the Mist boat at Niagara Falls",
    "the butcher of Lyon street market stall",
    "le père de la mariée à la noce",
    "el padre de la novia bailando",
    "der Vater der Braut beim Tanz",
    "de eerste vrouwelijke voorzitter van onze club",
    "okulumuzun ilk kadın müdürü",
    "la première femme astronaute de notre club",
    "egy Nobel-díjas tudós portréja rajzfilmben",
    "a Nobel-díjas tudósok csoportképe",
    "nobel ödüllü bir bilim insanı, çizim",
    # generic anthems and flags
    "a composer writing an anthem for his football club",
    "the author of our school anthem",
    "a painter designing a flag for a fantasy kingdom",
    "the designer of the flag of our club",
    "egy himnusz szerzője a templomban",
    "el autor de un himno para el club",
    "o compositor de um hino para a escola",
    "der Komponist eines Liedes für den Verein",
    "autor hymnu naszej szkoły",
    "우리 학교 교가 작곡가",
    # invented offices
    "the 80th president of Mars on a rover, pulp cover",
    "the first emperor of the Moon colony",
    "the 12th emperor of Atlantis on his throne",
    "the 45th president of the Lunar Republic",
    "the 200th president of the United States in a parade",
    "the 150th president of France",
    "the 500th pope blessing a crowd",
    "the 230th pope in a sci-fi novel",
    "the 30th king of Narnia, book illustration",
    "il primo imperatore di Giove in armatura dorata",
    "the first governor of the Mars colony in a spacesuit",
    "o primeiro presidente de Marte acenando",
    "A Jupiter első királya trónon",
    "pierwszy prezydent Marsa na plakacie",
    "Mars'ın ilk başkanı heykeli",
    "presiden pertama Mars melambaikan tangan",
    "le 300e pape bénissant la foule",
    "土星殖民地的第一任总督",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
