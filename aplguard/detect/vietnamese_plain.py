"""Vietnamese names written without diacritics in Vietnamese prompts (round 25b).

People type Vietnamese without its marks ("anh pham nhat vuong dang phat bieu", "chan dung ngo bao chau"): the
name then has no capital and no mark that :mod:`name_shape` could read. Here a Vietnamese surname followed by one
to three given-name syllables is a name when the prompt reads as Vietnamese (at least two unaccented Vietnamese
function or picture words) and the name stands where a person does: after a picture word or an honorific, or
before "is doing"/a verb/a stage. Place words before it ("pho", "duong", "ho": a street, a lake) and colour or
everyday phrases (no given-name syllable run) stay negative.
"""

from __future__ import annotations

import re

from ..types import Finding
from .context import word_set
from .normalize import NormalizedText

# unaccented Vietnamese words that mark a prompt as Vietnamese (function words, picture and stage words)
_VI_WORDS = word_set("""anh hinh chan dung buc chup tren san khau dang cua toi tao voi trong ngoai mot nhung cac
va khi duoc dep mau ao dai nguoi ong ba chu ben duoi truoc sau nha giua sang phat bieu hat ngoi cuoi mac
cam dien nhay choi doc viet ve lam nau chiec cai nay kia day thanh pho tai o ve bai bang den giang hoc lop
sach ban ngay dem mua nuoc xe com uong di noi""")
# strongly Vietnamese ones (no English/Romance word): one of them must be there
_VI_STRONG = word_set("""anh hinh chan dung chup tren khau dang cua toi tao voi trong ngoai mot nhung cac duoc
nguoi giua phat bieu cuoi nhay choi""")
_SURNAMES = word_set("""nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong trinh
doan dao lam luong luu mai cao thai quach kieu vuong ton tang ha""")
# surnames that are also everyday words ("do" red, "ho" lake, "le" festival, "ly" glass, "dang" is doing, ...):
# they need two given syllables
_AMBIGUOUS = word_set("do ho le ly dang duong ngo lam mai cao ha ton tang vu dao thai")
_GIVEN = word_set("""an anh bao binh cam chau chi chinh cong cuong dat dinh duc dung duy giang hai han hanh hao
hien hieu hoa hoai hoan hoang hong hue hung huong huu huy khang khanh khoa khoi kiet kim lan linh loan loc loi long
luan ly mai manh minh my nam nga ngan nghia ngoc nguyen nhan nhat nhi nhu nhung phat phong phu phuc phuong quan
quang quoc quy quyen quynh sang son tam tan thai thang thanh thao thi thien thinh thu thuan thuy tien tin toan
trang tri trinh trong trung truong tu tuan tung tuyet uyen van viet vinh vu vuong xuan yen ai ngan""")
# words before a name that make it a place or a thing ("pho Tran Hung Dao", "ho Hoan Kiem", "chua ...")
_PLACE_BEFORE = word_set("""pho duong quan tinh huyen xa phuong ho song cho chua den cau truong vien san ben ngo
hem lang dinh cong vien mau sac ao""")
# picture words and honorifics before a person, and what a person does after the name
_PERSON_BEFORE = word_set("""anh hinh dung chup ve ong ba co chu bac em chi ca si nghe sy ty phu giao su tien""")
_PERSON_AFTER = word_set("""dang dung ngoi cuoi hat mac cam tren trong tai o ben voi nhay choi doc viet ve
uong lam nau phat bieu di chay nhin om khi luc giang day hoc noi ke
dan bieu dien mua da danh tap gap chao ky trinh dien thuyet""")  # round 31b: hosts, performs, dances, plays - {"an"}
_WORD = re.compile(r"[a-z]+")


def find(norm: NormalizedText, detector_id: str) -> list[Finding]:
    """Unaccented Vietnamese full names in a prompt that reads as Vietnamese."""
    key = norm.lower
    if _SURNAMES.isdisjoint(key.split()):
        return []  # cheapest pre-check: no Vietnamese surname written as a word
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(key)]
    plain = [w for w, _, _ in words]
    if not any(w in _SURNAMES for w in plain) or not any(w in _VI_STRONG for w in plain):
        return []  # cheap pre-check: no surname or no Vietnamese word
    if len({w for w in plain if w in _VI_WORDS}) < 2:
        return []
    out: list[Finding] = []
    i = 0
    while i < len(words):
        w = plain[i]
        if w not in _SURNAMES or (i and plain[i - 1] in _PLACE_BEFORE):
            i += 1
            continue
        j = i + 1
        while j < len(words) and j - i <= 3 and plain[j] in _GIVEN and not _gap(key, words[j - 1], words[j]):
            j += 1
        given = j - i - 1
        # a trailing given syllable that is also what a person does ("dang") belongs to the sentence
        while given and plain[j - 1] in _PERSON_AFTER and plain[j - 1] not in ("anh",):
            j -= 1
            given -= 1
        if given < (2 if w in _AMBIGUOUS else 1) or (j < len(words) and plain[j] in _SURNAMES and plain[j] not in _PERSON_AFTER):
            i += 1
            continue
        before = plain[i - 1] if i else ""
        after = plain[j] if j < len(words) else ""
        start, end = norm.span(words[i][1], words[j - 1][2])
        if not norm.original[start:end].isascii():
            # written with its diacritics ("đường Nguyễn Huệ"): the accented-name rules of name_shape decide, with
            # the place words they read ("đường", "phố"), which this unaccented reading cannot see
            i = j
            continue
        if before in _PERSON_BEFORE or after in _PERSON_AFTER or (not before and given >= 2):
            out.append(Finding(kind="private_person", score=0.7, start=start, end=end, text=norm.original[start:end],
                               detector=detector_id, canonical=None, identity_seeking=True,
                               explanation="person-name shape (Vietnamese surname + given names written without "
                                           "diacritics in a Vietnamese prompt)"))
            i = j
        else:
            i += 1
    return out


def _gap(key: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    """Something other than one space between two words (a comma, a full stop): the name ends there."""
    return key[a[2]:b[1]] != " "
