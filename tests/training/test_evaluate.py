"""`evaluate` with a face matcher following the `embed(image, face) -> unit vector` protocol."""

from __future__ import annotations

import numpy as np
import pytest

from aplguard.training import evaluate, fit, load_spec, prepare


class ColourMatcher:
    """A protocol-conformant stand-in for a face matcher: the unit RGB mean of the face box."""

    id = "colour"
    threshold = 0.9

    def __init__(self):
        self.calls = []

    def embed(self, image, face):
        x, y, w, h = (int(v) for v in face.box)
        arr = np.asarray(image, dtype=np.float32)[y:y + h, x:x + w].reshape(-1, 3).mean(0) + 1.0
        self.calls.append(face.detector)
        return arr / np.linalg.norm(arr)


def test_evaluate_reports_identity_similarity_and_changes(train_sd, small_spec, small_config, tmp_path):
    data = prepare(train_sd, load_spec(small_spec), small_config)
    prefix = fit(train_sd, data, small_config.with_overrides(steps=2)).prefix
    matcher = ColourMatcher()
    report = evaluate(train_sd, prefix, load_spec(small_spec), out_dir=tmp_path, samples=2, steps=1,
                      matcher=matcher, max_captions=1)
    ident = report["identity"]
    assert ident["prompts"] == 2 and report["general"]["prompts"] == 1
    for key in ("identity_sim_without", "identity_sim_with"):
        assert -1.0 <= ident[key]["mean"] <= ident[key]["max"] <= 1.0 + 1e-6
    # references come from the identities' photos (2 each), then 2 samples x (without, with) per identity
    assert len(matcher.calls) == 2 * (2 + 4)
    assert report["selectivity"] > 0
    assert (tmp_path / "grid.png").is_file() and (tmp_path / "report.json").is_file()


def test_evaluate_refuses_a_prefix_of_another_model(train_sd, train_sdxl, small_spec, small_config):
    from aplguard.errors import PrefixError

    data = prepare(train_sd, load_spec(small_spec), small_config)
    prefix = fit(train_sd, data, small_config.with_overrides(steps=1)).prefix
    with pytest.raises(PrefixError):
        evaluate(train_sdxl, prefix, load_spec(small_spec), samples=1, steps=1)
