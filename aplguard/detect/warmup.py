"""Warm-up prompts run once by each built-in detector's ``load()``.

Some tables and regular expressions are built on their first use (a rule's own pattern is compiled by ``re`` the
first time that rule reads a prompt of its shape). Without a warm-up, the first requests of a fresh process pay for
that: about 70 ms on the first prompt and 5-8 ms on the first prompt of each new shape (measured on the dev set).
``load()`` is where a caller expects to wait, so the built-in detectors read these few prompts there; they cover the
shapes the rules read (Latin names and their case forms, relations, LoRA tags, indirect references, the main
non-Latin scripts). Nothing of what the detectors find is kept; nothing is logged.
"""

from __future__ import annotations

from typing import Protocol

from ..types import Finding
from .normalize import NormalizedText, normalize

WARM_UP_PROMPTS: tuple[str, ...] = (
    "a photo of Taylor Swift on stage, 35mm",
    "portrait of Anna Kowalska at the beach, film photo",
    "zdjęcie Bartosza Wróblewskiego przy grillu",
    "kuva Mikko Heikkisestä saunan edessä",
    "Mehmet Yılmaz'ın vesikalık fotoğrafı",
    "my cousin Marta in Madrid, polaroid",
    "mi abuela cocinando, estilo acuarela",
    "<lora:janedoe_v2:0.8> janedoe, portrait, embedding:face_realistic",
    "sks person hiking, ohwx man in a suit",
    "the 44th president of the United States giving a speech",
    "el autor de Don Quijote en su escritorio, óleo",
    "a castle at dusk, in the style of Claude Monet, oil painting",
    "Pink singing on stage, concert photo",
    "anh son tung mtp dang hat tren san khau",
    "ảnh chân dung Nguyễn Văn An đang cười",
    "राहुल शर्मा की फोटो, शादी",
    "我的同事小王在开会，真实照片",
    "田中太郎さんの写真",
    "김민준 대리 프로필 사진",
    "صورة شخصية لليلى حداد في حفل تخرجها",
    "фото Ивана Петрова на фоне гор",
    "Φωτογραφία του Γιώργου Παπαδόπουλου",
    "கார்த்திக் சுப்பிரமணியம் புகைப்படம்",
    "ภาพถ่ายของสมชาย ใจดี",
)


class _ReadsNormalized(Protocol):
    def detect_normalized(self, norm: NormalizedText) -> list[Finding]: ...


def warm_up(detector: _ReadsNormalized) -> None:
    """Read every warm-up prompt once with ``detector`` (its findings are dropped)."""
    for prompt in WARM_UP_PROMPTS:
        detector.detect_normalized(normalize(prompt))
