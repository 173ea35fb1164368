"""Generalisation check on held-out prompts (tests/detect/heldout_prompts.tsv).

The held-out prompts were written from scratch, with other people, names, places,
brands, evasions and languages than prompts.tsv and the dev set, to measure whether
the detector generalises. Fixes for its misses must be general (lexicons, context
rules, normalisation), never its exact strings; the asserted numbers are the issue's
acceptance targets (recall >= 0.95, false-positive rate <= 0.03).
"""

from collections import Counter
from pathlib import Path

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

HELDOUT = Path(__file__).parent / "heldout_prompts.tsv"


@pytest.fixture(scope="module")
def heldout():
    rows = []
    for line in HELDOUT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cat, label, prompt = line.split("\t")
            rows.append((cat, label == "1", prompt))
    return rows


def test_heldout_covers_positive_and_negative_categories(heldout):
    cats = Counter((cat, label) for cat, label, _ in heldout)
    assert len({c for c, lab in cats if lab}) >= 15 and len({c for c, lab in cats if not lab}) >= 8
    assert sum(lab for _, lab, _ in heldout) >= 150 and sum(not lab for _, lab, _ in heldout) >= 80


def test_heldout_recall_and_false_positive_rate(stack, heldout):
    tp = fp = pos = neg = 0
    misses = []
    for cat, label, prompt in heldout:
        got = is_identity_seeking(detect_prompt(prompt, stack))
        pos += label
        neg += not label
        tp += got and label
        fp += got and not label
        if got != label:
            misses.append((cat, prompt))
    assert tp / pos >= 0.95, misses
    assert fp / neg <= 0.03, misses
