"""Detector cascade: the full-range model runs only when it can change the short-range answer."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from aplguard.errors import ConfigError
from aplguard.faces import FaceDetector
from aplguard.faces.detector import needs_full_range
from aplguard.types import Face


def _f(side: float) -> Face:
    return Face(box=(0.0, 0.0, side, side), score=0.9)


def test_needs_full_range_rule():
    assert needs_full_range([], 512, 512)  # nothing found: small faces may be there
    assert needs_full_range([_f(200), _f(200)], 512, 512)  # a group: others may be distant
    assert needs_full_range([_f(100)], 512, 512)  # one small face: a scene, not a portrait
    assert not needs_full_range([_f(200)], 512, 512)  # a close-up portrait
    assert needs_full_range([_f(200)], 512, 512, close_up_fraction=0.5)


def test_modes(model_store, astronaut):
    with pytest.raises(ConfigError, match="both"):
        FaceDetector(model_store, model="fast")
    small = np.asarray(Image.fromarray(astronaut).resize((256, 256)))
    group = np.concatenate([small, small], axis=1)  # two people side by side
    for mode in ("auto", "both"):
        with FaceDetector(model_store, model=mode) as det:
            assert len(det.detect(astronaut)) == 1
            assert len(det.detect(group)) == 2
