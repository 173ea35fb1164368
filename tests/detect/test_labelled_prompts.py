"""Recall / false-positive rate of the default stack on labelled prompts per category.

The prompts (tests/detect/prompts.tsv) are written for these tests; the numbers
asserted are the issue's acceptance targets, not results recorded from a run.
"""

import time
from collections import defaultdict

from aplguard.detect import detect_prompt, is_identity_seeking


def test_recall_and_false_positive_rate(stack, labelled):
    rows = labelled
    per_cat = defaultdict(lambda: [0, 0])
    tp = fp = pos = neg = 0
    misses = []
    for cat, label, prompt in rows:
        got = is_identity_seeking(detect_prompt(prompt, stack))
        per_cat[cat][0] += got == label
        per_cat[cat][1] += 1
        if label:
            pos += 1
            tp += got
        else:
            neg += 1
            fp += got
        if got != label:
            misses.append((cat, prompt))
    assert pos >= 80 and neg >= 60
    assert tp / pos >= 0.95, misses
    assert fp / neg <= 0.03, misses
    for cat, (ok, n) in per_cat.items():
        assert ok / n >= 0.75, (cat, misses)


def test_every_prompt_bounded_time(stack, labelled):
    worst = 0.0
    for _, _, prompt in labelled:
        t0 = time.perf_counter()
        detect_prompt(prompt, stack)
        worst = max(worst, time.perf_counter() - t0)
    assert worst < 0.25  # generous: a timing *bound*, the benchmark measures latency
