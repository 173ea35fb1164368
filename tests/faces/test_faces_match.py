"""Matchers on real photos: same person under edits, different person, protocol and registry."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageEnhance

from aplguard.errors import ConfigError, ModelFileError
from aplguard.faces import (
    CALIBRATION,
    DlibMatcher,
    FaceMatcher,
    InsightFaceMatcher,
    SFaceMatcher,
    cosine,
    matcher_registry,
    primary_face,
)
from aplguard.faces.align import TEMPLATE_112, align_face, similarity_transform
from aplguard.types import Face


def same_person_variants(astronaut: np.ndarray) -> dict[str, np.ndarray]:
    img = Image.fromarray(astronaut)
    return {
        "flip": np.asarray(img.transpose(Image.FLIP_LEFT_RIGHT)),
        "crop": np.asarray(img.crop((60, 0, 452, 400))),
        "brighter": np.asarray(ImageEnhance.Brightness(img).enhance(1.4)),
        "darker": np.asarray(ImageEnhance.Brightness(img).enhance(0.6)),
        "half_size": np.asarray(img.resize((256, 256))),
    }


def _embed(matcher, detector, image):
    face = primary_face(detector.detect(image))
    assert face is not None
    return matcher.embed(image, face)


def _check_matcher(matcher, detector, astronaut, cameraman):
    ref = _embed(matcher, detector, astronaut)
    assert ref.dtype == np.float32 and abs(np.linalg.norm(ref) - 1) < 1e-5
    for name, variant in same_person_variants(astronaut).items():
        sim = float(ref @ _embed(matcher, detector, variant))
        assert sim >= matcher.threshold, f"{name}: {sim:.3f} < {matcher.threshold}"
    other = float(ref @ _embed(matcher, detector, cameraman))
    assert other < matcher.threshold, f"cameraman matched the astronaut: {other:.3f}"


def test_sface_same_and_different(sface, detector, astronaut, cameraman):
    assert sface.id == "sface" and sface.threshold == CALIBRATION["sface"]["threshold"]
    _check_matcher(sface, detector, astronaut, cameraman)


def test_dlib_same_and_different(model_store, detector, astronaut, cameraman):
    pytest.importorskip("dlib", reason="dlib-bin is not installed (optional backend)")
    if not (model_store.has("dlib-resnet") and model_store.has("dlib-5point")):
        pytest.skip("dlib models not pulled; run: aplguard models pull dlib-resnet dlib-5point")
    _check_matcher(DlibMatcher(model_store), detector, astronaut, cameraman)


def test_embedding_is_deterministic_and_accepts_pil(sface, detector, astronaut):
    face = primary_face(detector.detect(astronaut))
    a = sface.embed(astronaut, face)
    b = sface.embed(Image.fromarray(astronaut), face)
    assert np.array_equal(a, b)


def test_face_without_keypoints_still_embeds(sface, detector, astronaut):
    face = primary_face(detector.detect(astronaut))
    bare = Face(box=face.box, score=face.score)
    sim = cosine(sface.embed(astronaut, face), sface.embed(astronaut, bare))
    assert sim >= sface.threshold  # box-only alignment is cruder but still finds the same person


def test_insightface_without_weights_explains_licence(tmp_path):
    matcher = InsightFaceMatcher(model_path=tmp_path / "w600k_r50.onnx")
    with pytest.raises(ModelFileError, match="non-commercial"):
        matcher.load()


def test_threshold_validation():
    with pytest.raises(ConfigError):
        SFaceMatcher(threshold=3.0)
    assert SFaceMatcher(threshold=0.5).threshold == 0.5


def test_registry_is_fresh_and_complete(model_store):
    a, b = matcher_registry(), matcher_registry()
    assert a is not b and a.names() == ["dlib", "insightface", "sface"]
    assert isinstance(a.create("sface", store=model_store), FaceMatcher)
    a.register("toy", lambda **kw: None)
    assert "toy" not in b
    with pytest.raises(ConfigError):
        a.register("sface", SFaceMatcher)


def test_similarity_transform_recovers_a_known_transform():
    rng = np.random.default_rng(1)
    angle, scale, shift = 0.3, 1.7, np.array([12.0, -5.0])
    rot = scale * np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    src = rng.uniform(0, 100, (5, 2))
    dst = src @ rot.T + shift
    m = similarity_transform(src, dst)
    assert np.allclose(m[:, :2], rot, atol=1e-9) and np.allclose(m[:, 2], shift, atol=1e-9)


def test_alignment_puts_the_eyes_on_the_template(detector, astronaut):
    face = primary_face(detector.detect(astronaut))
    crop = align_face(astronaut, face)
    assert crop.shape == (112, 112, 3)
    from aplguard.faces.align import alignment_matrix

    m = alignment_matrix(face)
    eyes = np.array(face.keypoints[:2]) @ m[:, :2].T + m[:, 2]
    assert np.abs(eyes - TEMPLATE_112[:2]).max() < 8  # within a few pixels of the template
