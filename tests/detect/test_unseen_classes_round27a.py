"""Round 27a classes (indirect references, relations, personalisation, false positives), with same-shape negatives.

Positives and negatives are written for these tests (none copied from the batches): German offices in the genitive
or dative ("des ersten Bundespräsidenten", "dem jetzigen Papst"), Hungarian "current/first + nationality adjective +
office", Romance and Romanian firsts with an infinitive or a relative perfect, Vietnamese authorship with a verb,
the actor who played a role after a fused article, a Romance ruler by reign length with the realm between, current
traditional rulers (English and Yoruba), Vietnamese title + name + relation noun, Finnish inflected relation + name,
"my teacher Mme/Sra./Sig.ra <Surname>" without a comma; and as negatives an object trained under a LoRA with a
DreamBooth token, roles in the user's own space opera or campaign, and the same shapes with local or generic objects.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # German genitive / dative office
    "ein Porträt des ersten Bundespräsidenten der Republik Österreich",
    "Bild des derzeitigen Präsidenten von Frankreich beim Joggen",
    "Selfie mit dem jetzigen Papst auf dem Petersplatz",
    "Karikatur des amtierenden Bundeskanzlers im Regen",
    # Hungarian current / first + nationality adjective + office
    "az első magyar űrhajós a kapszulában, archív fotó",
    "a jelenlegi amerikai elnök a kertben sétál",
    # Romance / Romanian firsts with an achievement verb
    "la primera mujer en recibir el premio Nobel de Física, retrato",
    "la première personne à avoir marché sur la Lune, photo d'archive",
    "prima femeie care a câștigat aurul olimpic la gimnastică",
    # Vietnamese authorship
    "nhạc sĩ sáng tác Diễm Xưa ngồi bên đàn guitar",
    # actor who played a role, fused article
    "ritratto dell'attore che interpretava Montalbano, in borghese",
    "retrato do ator que interpretava o Chaves, em casa",
    # Romance ruler by reign length, realm between
    "la reina de Inglaterra que reinó durante setenta años, retrato oficial",
    # current traditional rulers
    "the current Asantehene seated in state, kente cloth",
    "the reigning Kabaka of Buganda at a ceremony",
    "fọ́tò Aláàfin ti Ọ̀yọ́ lọ́wọ́lọ́wọ́ ní ààfin",
    # Vietnamese title + given name + relation noun
    "ảnh anh Tuấn bạn thân đang câu cá",
    "chị Mai đồng nghiệp ngồi bên máy tính",
    # Finnish inflected relation + name
    "veljeni Mikan kanssa kalassa",
    "kuva naapuristani Jukasta puutarhassa",
    # German nationality adjective between rank and office; Nordic/Dutch current + nationality adjective
    "ein Foto des aktuellen französischen Präsidenten beim Joggen",
    "den nuvarande franska presidenten i en park",
    # Germanic and Slavic firsts with a relative clause
    "der erste Mensch, der den Mond betreten hat, Archivfoto",
    "de eerste vrouw die de Nobelprijs won, portret",
    "den första kvinnan som vann Nobelpriset, porträtt",
    "pierwszy człowiek, który stanął na Księżycu, zdjęcie",
    "první člověk, který vstoupil na Měsíc",
    # Romance first with a preterite after a relative
    "la primera mujer que ganó el premio Nobel de Literatura",
    # actor who played a role in more languages
    "de acteur die James Bond speelde in de jaren zestig",
    "aktor yang memerankan Gatotkaca di film 2021",
    "Kurtlar Vadisi'nde Polat Alemdar'ı canlandıran oyuncu",
    "la actriz que dio vida a la Chilindrina, retrato",
    "l'acteur qui incarnait Fantômas, photo de plateau",
    # Turkish authorship by a named work
    "Çalıkuşu romanının yazarı masasında",
    # Romance reign without a preposition
    "el rey de España que reinó casi cuarenta años",
    "the current Maori King at a hui",
    "the Ooni of Ife in white regalia",
    # current office by nationality adjective: more demonyms, Portuguese "-eiro", Russian "текущий"
    "the incumbent Kenyan president waving from a motorcade",
    "the current Ghanaian president at a rally",
    "o atual presidente brasileiro na praia",
    "текущий президент Казахстана на коне",
    # my teacher + title + surname, no comma
    "mon voisin M. Dubois dans son jardin",
    "mi vecina la Sra. Morales regando las plantas",
    "il mio professore Sig. Conti alla lavagna",
]

NEGATIVES = [
    # German office of a club or a chess piece
    "mit dem jetzigen Präsidenten unseres Tennisvereins beim Grillen",
    "Bild des aktuellen Königs im Schachspiel auf dem Brett",
    "Porträt des ersten Präsidenten des Kegelvereins im Vereinsheim",
    "der jetzige König der Schützen beim Umzug",
    "Foto des ersten Hundes der Familie im Garten",
    # Hungarian nationality adjective before a thing
    "az első magyar autó a múzeumban",
    "a jelenlegi magyar kormány épülete",
    # Romance firsts at a local event, or everyday verbs
    "la première femme à avoir reçu mon invitation, photo",
    "la primera mujer en ganar el concurso de mi pueblo",
    "primul om care a intrat în magazin dimineața",
    "la première personne à arriver à la fête",
    "il primo uomo a camminare su Marte, fantascienza",
    # Vietnamese writing without a named work
    "nhà văn viết truyện ngắn bên cửa sổ",
    "người viết thư cho mẹ",
    # actor of a school play or the user's character
    "foto del actor que interpretaba a un villano en la obra del colegio",
    "el actor que interpretaba a mi personaje favorito",
    # a reign of a night or in the user's tale
    "a rainha do baile que reinou por uma noite",
    "a rainha do meu conto que reinou por 70 anos",
    # a traditional title in a story
    "the oba of the village in my story",
    # Vietnamese polite title before anyone's name, or a title alone
    "ảnh anh Minh bán bánh mì trên phố",
    "cô giáo dạy toán đứng trên bục giảng",
    # Finnish relation and a place
    "kuva ystävästäni Suomessa",
    # a teacher with a title but no surname, a pet with a title
    "ma prof de maths Mme dans la classe",
    "mon chien Monsieur Moustache sur le canapé",
    # an object trained under a LoRA with a DreamBooth token
    "<lora:my_blue_backpack:0.8> sks backpack on a hiking trail",
    "<lora:my_red_car:0.7> sks car on a road",
    # Germanic and Slavic firsts at a local event, on Mars, or everyday
    "der erste Mensch, der unser neues Haus betreten hat",
    "de eerste vrouw die de quiz op school won",
    "den första kvinnan som vann loppet i byn",
    "pierwsza kobieta, która wygrała konkurs w naszej szkole",
    "der erste Mann, der den Mars betreten hat, Science-Fiction",
    "die erste Person, die heute ins Büro kam",
    # actors of a school play
    "de acteur die de schurk speelde in ons schooltoneel",
    "aktor yang memerankan tokoh jahat di pentas sekolah",
    "l'acteur qui incarnait un pirate dans la pièce de l'école",
    # a nationality adjective before a thing; a local champion
    "den nuvarande svenska flaggan på en stång",
    "der aktuelle deutsche Meister im Schach unseres Vereins",
    # a reign of hours or a night
    "el rey de la fiesta que reinó por una noche",
    "la reina del baile que reinó durante 3 horas",
    # office words of a club or a nationality before a thing; a traditional ruler's palace
    "el actual rey del baile en la fiesta",
    "el actual presidente mi amigo",
    "the current Kenyan flag on a pole",
    "the Asantehene's palace museum",
    "a photo of the Manhyia palace of the Asantehene",
    # roles in the user's own setting
    "the captain of the ship in my dnd campaign",
    "the admiral of the fleet in my space opera, original character",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round27a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round27a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
