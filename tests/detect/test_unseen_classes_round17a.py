"""Round 17a classes (batch 16 as dev data): same-shape positives and negatives written for this round.

Indirect references in more languages: an office with an ordinal or "current" of a named country (Polish, Czech,
Slovak, Romanian, Swedish, Norwegian, Zulu, Hausa, Thai reign numbers and offices, Spanish with an adjective after the
office), the creator or office holder of a named thing with a Hungarian or Turkish possessive suffix, the creator of a
named work with the role word first (Romanian, Swedish, Norwegian, Indonesian, Swahili), a Romanian "the <doer> who
<did> <something named>", a person known by a capitalised epithet, a film title that starts with a capitalised
article, "the Nth POTUS". Relations named by first name in more shapes: Romanian "<relation> meu X", Indonesian
"teman kantorku X", Tagalog "kapatid kong si X", a comma between the relation and the name, English "my grandpa
Walter's face".
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    'a Rubik-kocka feltalálója a műhelyében, portré',
    'az Apple alapítója színpadon beszél',
    'Magyarország első miniszterelnöke díszruhában',
    'pierwsza premier z Wielkiej Brytanii w parlamencie',
    'současný prezident Slovenska na návštěvě',
    'primul președinte al României la balcon',
    'actorul care a jucat Dracula în filmul din 1931',
    'Norges nåværende statsminister på ski',
    'den första kvinnliga statsministern i Sverige',
    'undunankulu wokuqala waseNdiya egqoke isudi',
    'hoton shugaban kasar Ghana na yanzu a taro',
    'ภาพวาดรัชกาลที่ 5 ทรงม้า',
    'นายกรัฐมนตรีหญิงคนแรกของไทย ยิ้ม',
    'the boxer nicknamed The Pacman throwing a punch',
    'el futbolista apodado El Pibe de Oro con la camiseta 10',
    'il calciatore soprannominato Il Divin Codino in campo',
    'el primer presidente electo de Chile en su despacho',
    'la regista de La dolce vita sul set',
    'the 16th POTUS reading by candlelight',
    'Dimas, teman sekolahku Rudi di kantin',
    'sora mea Ioana la mare',
    'ang nanay naming si Rosa sa palengke',
    "make my uncle Bernard's face look like a pirate",
    'a nagyapám, Laci bácsi a kertben',
    'inventatorul cubului Rubik în atelier',
    'fondatorul Dacia la inaugurare',
    'grundaren av IKEA på en cykel',
    'forfatteren til Sult i Kristiania',
    'pendiri Microsoft sedang tersenyum di panggung',
    'mwanzilishi wa Microsoft akiongea jukwaani',
    'eski bir fotoğrafta Rubik küpünün mucidi',
    "Nutuk'un yazarı kürsüde, yağlı boya",
    'ภาพ ร.9 ทรงดนตรี',  # the short form of a reign (merge of 17a and 17b)
    'ในหลวง ร.9 ทรงงาน',
]

# Same shapes, generic: a club, company or local object, lowercase epithets, non-person heads, an era, fiction.
NEGATIVES = [
    'a cég alapítója az irodában',
    'A könyv szerzője mosolyog, stock fotó',
    'a nagyapám régi órája az asztalon',
    'pierwszy prezydent naszego klubu na zdjęciu',
    'pierwsza osoba w kolejce do sklepu',
    'první prezident firmy na schůzi',
    'primul președinte al clubului nostru',
    'omul care a scris scrisoarea de dragoste',
    'den första snön i trädgården',
    'Skogens kung, en älg i dimman',
    'umongameli wokuqala weqembu lebhola',
    'shugaban kamfanin mu na yanzu a ofis',
    'สถาปัตยกรรมสมัยรัชกาลที่ 5 ในกรุงเทพ',
    'บ้านสไตล์ยุค ร.5 ริมคลอง',  # the era, short form and with a space
    'ตึกเก่าสมัย ร.5',
    'ประธานาธิบดีคนแรกของบริษัท ในห้องประชุม',
    'the player known as the best in town, stock photo',
    'a boxer nicknamed The Beast, original character, comic art',
    'the dish known as Pad Thai on a plate',
    'el primer presidente electo del club de ajedrez',
    'teman kantorku yang baik hati',
    'sora mea mai mare la mare',
    'ang kapatid kong lalaki sa bahay',
    "my uncle Bernard's face cream on the bathroom shelf",
    'a nagymamám, kedves és vidám',
    'fondatorul companiei noastre la birou',
    'grundaren av företaget vid skrivbordet',
    'pendiri toko roti di depan tokonya',
    'penulis Indonesia sedang menulis di kafe',
    'mwanzilishi wa kikundi chetu akicheka',
    'Bu kitabın yazarı kütüphanede',
    'Köyün kurucusu heykeli, meydanda',
    'şirketin kurucusu ofiste çalışıyor',
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round17a_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors))


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round17a_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors))


def test_potus_ordinal_resolves(detectors):
    found = detect_prompt("the 16th POTUS reading by candlelight", detectors)
    assert any(f.canonical == "Abraham Lincoln" for f in found)
