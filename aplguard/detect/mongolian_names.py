"""Mongolian personal names in Cyrillic before a picture or act word (round 37b).

Mongolian names are not in the native name lists, and their shape is not Russian: one given name (often a compound
of two name elements, "Сүх"+"баатар", "Бат"+"болд", "Оюун"+"чимэг") written after the initial of the father's name
("Д. Сүхбаатар"), with the genitive glued on ("Сүхбаатарын", "Батболдын", "Оюунчимэгийн") before a picture word
("хөрөг" portrait, "зураг" picture, "гэрэл зураг" photo). Here a name is:

* the father's initial, a dot and a capitalised word ("Д. Сүхбаатарын хөрөг"), or
* a word made of two Mongolian name elements, capitalised, in the genitive before a picture word
  ("Сүхбаатарын хөрөг зураг") or as the subject before what a person does ("Сүхбаатар морь унасан ... зураг").

Places and everyday words stay negative: "Улаанбаатар" (red hero: "улаан" is no name element), "хотын зураг" (a
picture of the city: lower case), "морины зураг" (a horse's picture). A street, square or statue word after the
name makes a place or a thing named after the person ("Сүхбаатарын талбай").
"""

from __future__ import annotations

import re

from ..types import Finding
from .normalize import NormalizedText

# picture words (portrait, picture, photo, drawing, painting): one must be in the prompt (the cheap pre-check)
_PICTURES = ("хөрөг", "зураг", "дүрс")
# (written as the normaliser writes them: "й" as "и")
# the genitive endings glued to a name ("-ын", "-иин", "-нии", "-ны", "-гиин", "-иин" after a vowel "-гиин")
_GENITIVE = r"(?:гиин|иин|ын|нии|ны|ин)"
_PICTURE_NEXT = re.compile(r" (?:хөрөг|зураг|гэрэл зураг|фото|дүрс|уран зураг|хөрөг зураг)(?![а-яөүё])")
_PLACE_NEXT = re.compile(r" (?:талбаи|гудамж|хөшөө|хот|аимаг|сум|дүүрэг|гудамжны|өргөн чөлөө|театр|сургууль|"
                         r"нэрэмжит|ордон|цэцэрлэгт|музеи)")
# what a person does (riding, smiling, speaking, sitting, standing, singing, dancing, holding, wearing, reading)
_ACTS = re.compile(r"(?:унасан|унаж|инээмсэглэж|инээмсэглэсэн|ярьж|сууж|суусан|зогсож|зогссон|дуулж|бүжиглэж|"
                   r"барьж|барьсан|өмссөн|өмсөж|уншиж|алхаж|тоглож|үг хэлж)(?![а-яөүё])")
# the father's initial and a capitalised name ("Д. Сүхбаатар", "Б.Батболд")
_INITIAL_NAME = re.compile(r"(?<![А-ЯЁӨҮа-яёөү])([А-ЯЁӨҮ])\. ?([А-ЯЁӨҮ][а-яёөү]{2,})")
_CAPITALISED = re.compile(r"(?<![А-ЯЁӨҮа-яёөү])[А-ЯЁӨҮ][а-яёөү]{4,}")
# name elements that Mongolian given names are compounded of (hand-made from general knowledge): first and second
_FIRST = ("бат", "ган", "энх", "мөнх", "оюун", "сүх", "төмөр", "алтан", "ариун", "болор", "эрдэнэ", "отгон", "ням",
          "даваа", "пүрэв", "цэцэг", "нар", "саран", "жаргал", "баяр", "амар", "буян", "дэлгэр", "хүрэл", "мөнгөн",
          "золбоо", "сэргэлэн", "уран", "анх", "гэрэл", "цогт", "хонгор", "ганзориг", "лхагва", "долгор", "чулуун",
          "өлзии", "батбаяр", "хулан", "тэмүүжин", "есүхэи", "сүрэн", "дорж", "очир", "зориг", "номин", "ану")
_SECOND = ("баатар", "болд", "бат", "эрдэнэ", "сүрэн", "жаргал", "цэцэг", "тулга", "дорж", "очир", "мөнх", "гэрэл",
           "туяа", "чимэг", "зул", "саихан", "оюун", "бямба", "дулам", "хүү", "зориг", "од", "тогтох", "сүх", "эрдэм",
           "ням", "нямбуу", "баяр", "дэлгэр", "саран", "мандах", "цог", "хуяг", "төгс", "түвшин", "ганаа", "заяа",
           "суврага", "болор", "хишиг", "ундрах", "билэг", "тунгалаг", "сувд", "нар", "амгалан", "хулан", "пүрэв")
_FIRST_SET = frozenset(_FIRST)
_SECOND_SET = frozenset(_SECOND)


def _name_stem(word: str) -> str | None:
    """The name in a lower-case word, with its glued genitive ending taken off, when it is two Mongolian name
    elements ("сүх"+"баатар"); None otherwise. (An ending is tried as long as the rest stays a name: "-гиин" after
    a long vowel, "-иин" after "г": "оюунчимэгиин".)"""
    for end in ("", "гиин", "иин", "ын", "нии", "ны", "ин"):
        if not word.endswith(end) or len(word) - len(end) < 4:
            continue
        stem = word[:len(word) - len(end)]
        if any(stem[:cut] in _FIRST_SET and stem[cut:] in _SECOND_SET for cut in range(2, len(stem) - 1)):
            return stem
    return None


def find(norm: NormalizedText, detector: str) -> list[Finding]:
    """Mongolian names in Cyrillic before a picture or act word (``private_person``, canonical ``None``)."""
    lower = norm.lower
    if not any(p in lower for p in _PICTURES) or len(lower) != len(norm.text):
        return []
    text = norm.text
    out: list[Finding] = []
    for m in _INITIAL_NAME.finditer(text):
        if not _PLACE_NEXT.match(lower, m.end()):
            out.append(_finding(norm, m.start(), m.end(), detector, "the father's initial and a given name"))
    for m in _CAPITALISED.finditer(text):
        if any(f.start <= norm.span(m.start(), m.end())[0] < f.end for f in out):
            continue
        word = lower[m.start():m.end()]
        stem = _name_stem(word)
        if stem is None or _PLACE_NEXT.match(lower, m.end()):
            continue
        genitive = word != stem
        if (genitive and _PICTURE_NEXT.match(lower, m.end())) or (
                not genitive and _ACTS.search(lower, m.end(), min(len(lower), m.end() + 40))):
            out.append(_finding(norm, m.start(), m.end(), detector,
                                "a compound Mongolian given name before a picture or act word"))
    return out


def _finding(norm: NormalizedText, ts: int, te: int, detector: str, why: str) -> Finding:
    start, end = norm.span(ts, te)
    return Finding(kind="private_person", score=0.65, start=start, end=end, text=norm.original[start:end],
                   detector=detector, canonical=None,
                   explanation=f"person-name shape in Mongolian Cyrillic ({why})", identity_seeking=True)
