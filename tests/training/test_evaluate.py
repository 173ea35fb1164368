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


def test_cli_eval_with_real_face_models(tmp_path, small_config, capsys):
    """sface + BlazeFace from aplguard.faces; reference photo: scikit-image's public-domain astronaut."""
    import json

    skimage_data = pytest.importorskip("skimage.data")
    faces = pytest.importorskip("aplguard.faces")
    from PIL import Image

    from aplguard.cli import main
    from aplguard.errors import MissingDependencyError, ModelFileError
    from aplguard.testing import tiny_sd_pipeline

    try:
        faces.matcher_registry().create("sface").embed(
            Image.fromarray(skimage_data.astronaut()), faces.FaceDetector().detect(skimage_data.astronaut())[0])
    except (MissingDependencyError, ModelFileError, IndexError) as exc:
        pytest.skip(f"face models not available here: {exc}")
    photos = tmp_path / "photos"
    photos.mkdir()
    Image.fromarray(skimage_data.astronaut()).save(photos / "0.png")
    spec = tmp_path / "spec.yaml"
    spec.write_text("identities:\n  - {name: Eileen Vos, description: a woman in a space suit, images: photos}\n"
                    "templates: [a photo of]\ncaptions: [a red bicycle]\n", encoding="utf-8")
    pipe = tiny_sd_pipeline(seed=0)
    pipe.save_pretrained(tmp_path / "model")
    prefix = fit(pipe, load_spec(spec), small_config.with_overrides(steps=1), out=tmp_path / "p.safetensors").prefix
    assert prefix.n_vectors == 4
    rc = main(["train", "eval", "--model", str(tmp_path / "model"), "--prefix", str(tmp_path / "p.safetensors"),
               "--data", str(spec), "--out", str(tmp_path / "eval"), "--samples", "1", "--steps", "1",
               "--matcher", "sface", "--json", "--no-progress", "--device", "cpu"])
    assert rc == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    row = report["prompts"][0]
    # references were embedded (else no identity_sim entries); the tiny random model draws noise, in which
    # the detector may or may not see a face: the count says how many samples the similarity rests on
    for key in ("identity_sim_without", "identity_sim_with"):
        assert row[key]["faces"] in (0, 1)
        assert (row[key]["mean"] is None) == (row[key]["faces"] == 0)
        if row[key]["mean"] is not None:
            assert -1.0 <= row[key]["mean"] <= 1.0


def test_training_closes_the_identity_eps_gap(train_sd, small_spec, small_config):
    from aplguard.training import PrefixEncoder

    from aplguard.prefix import SoftPrompt

    spec = load_spec(small_spec)
    cfg = small_config.with_overrides(steps=40, lr=3e-2, ratio=0.5)
    data = prepare(train_sd, spec, cfg)
    trained = fit(train_sd, data, cfg).prefix
    init = SoftPrompt.from_pipeline(train_sd, PrefixEncoder(train_sd, cfg.n_vectors).init_prefix(cfg.seed))
    kw = {"samples": 1, "steps": 2, "max_captions": 3}
    before = evaluate(train_sd, init, spec, **kw)
    after = evaluate(train_sd, trained, spec, **kw)
    assert after["identity"]["eps_gap_remaining"] < 0.8 * before["identity"]["eps_gap_remaining"]
    assert after["general"]["eps_change"] < before["general"]["eps_change"]
