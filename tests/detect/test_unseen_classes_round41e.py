"""Round 41e classes: indirect references in Slavic, Baltic, Greek, Hungarian, Finnic, Turkic, Somali, Chinese,
Japanese and Korean shapes (aplguard/detect/indirect_free_order.py). Positives and same-shape negatives written for
this round, not taken from the batches."""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt


def _hit(text: str) -> bool:
    return any(f.kind == "public_figure" or f.kind == "person" for f in detect_prompt(text))


POSITIVE = [
    # an office by rank and a country, in free word order and case forms
    "третій президент України на саміті, фото",
    "pirmasis Latvijas prezidents oficiālā portretā",
    "Qazaqstannyń birinshi prezidenti",
    "Türkmenistanyň ilk prezidenti",
    "Gruzijos pirmasis prezidentas kalba",
    "Kırgızistanın ilk cumhurbaşkanı konuşurken",
    "ο δεύτερος πρόεδρος της Κύπρου σε επίσημο πορτρέτο",
    "prvi predsjednik Slovenije na svečanosti",
    "O'zbekistonning hozirgi prezidenti nutq so'zlamoqda",
    "Eesti esimene president portreel",
    "madaxweynaha ugu horreeyay ee Jabuuti",
    "az első köztársasági elnök a parlamentben",
    # the first to do a named deed
    "norjalainen tutkimusmatkailija, joka saapui ensimmäisenä Etelänavalle",
    "alpinistka, która jako pierwsza zdobyła Mount Everest zimą",
    "horolezec, který jako první vystoupil na K2",
    # the writer of a named work behind its kind
    "autorka powieści „Bieguni” przy biurku",
    "autor knihy Osudy dobrého vojáka Švejka za války",
    "портрет автора романа «Тихий Дон»",
    # the national coach at a dated or named tournament
    "srpski selektor na Evropskom prvenstvu 2016, na klupi",
    "selekcjoner reprezentacji Polski na mundialu w 2018",
    # Vietnamese only/first to win a named award, Indonesian office of a named country by a dated event, Yoruba writer
    "vận động viên châu Á đầu tiên giành Huy chương vàng Olympic môn điền kinh",
    "presiden Chile yang digulingkan tahun 1973 di istana",
    "òǹkọ̀wé tó kọ 'Ògbójú Ọdẹ nínú Igbó Irúnmọlẹ̀' ní ọ́fíìsì rẹ̀",
    # CJK epithets and numbered offices
    "杂交水稻之父 在田间",
    "现代物理学之父的肖像",
    "台湾歌后在演唱会上",
    "수영황제가 금메달을 들고",
    "第45任美国总统在集会上",
    "第96代内閣総理大臣の肖像",
    "제19대 대통령 취임식",
]

NEGATIVE = [
    "a president at a podium",
    "Portret prvog predsjednika udruge, ulje na platnu",
    "prvi predsjednik kluba na skupštini",
    "перший президент нашого клубу на зборах",
    "pirmasis klubo prezidentas",
    "ensimmäinen Suomen presidentinvaalikampanja julisteessa",
    "o prótos kyvernítis ενός νησιού",
    "ο πρώτος πρόεδρος του συλλόγου",
    "a father with his kids",
    "父亲在田里",
    "the father of a family",
    "他是孩子之父",
    "autor romana o ljubavi u kafiću",
    "autorka powieści przy biurku",
    "dziewczyna, która jako pierwsza przyszła na imprezę",
    "joka saapui ensimmäisenä juhliin",
    "η γυναίκα που πήγε πρώτη φορά στην Αθήνα",
    "天后宫的庙会",
    "cầu thủ duy nhất ghi bàn trong trận đấu",
    "presiden klub yang terpilih tahun 2020",
    "òǹkọ̀wé tó kọ ìwé kan nípa ìgbésí ayé",
    "izbornik juniorske reprezentacije na treningu",
    "selektor vina u podrumu",
    "hrvatski izbornika juniora 2018 na treningu",
    "游戏天王的卡通形象",
    "피겨 스케이트를 타는 소녀",
    "第一次去海边",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_round41e_positive(text: str) -> None:
    assert _hit(text), text


@pytest.mark.parametrize("text", NEGATIVE)
def test_round41e_negative(text: str) -> None:
    assert not _hit(text), text
