"""SFace under onnxruntime (rewritten graph, batched) gives OpenCV dnn's embeddings.

Real photos from scikit-image and the real SFace file from the model cache; no ../shared.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageEnhance

from aplguard.errors import ConfigError, FaceError
from aplguard.faces import SFaceMatcher, embed_faces, primary_face
from aplguard.faces.onnx_graph import rewrite_for_onnxruntime
from aplguard.types import Face


@pytest.fixture(scope="module")
def ort_sface(model_store):
    pytest.importorskip("onnxruntime", reason="onnxruntime is not installed (pip install 'aplguard[faces]')")
    matcher = SFaceMatcher(model_store, backend="onnxruntime").load()
    assert matcher.runtime == "onnxruntime"
    return matcher


@pytest.fixture(scope="module")
def cv_sface(model_store):
    matcher = SFaceMatcher(model_store, backend="opencv").load()
    assert matcher.runtime == "opencv"
    return matcher


def _photos(astronaut: np.ndarray, cameraman: np.ndarray) -> dict[str, np.ndarray]:
    img = Image.fromarray(astronaut)
    return {
        "astronaut": astronaut,
        "flip": np.asarray(img.transpose(Image.FLIP_LEFT_RIGHT)),
        "darker": np.asarray(ImageEnhance.Brightness(img).enhance(0.6)),
        "half_size": np.asarray(img.resize((256, 256))),
        "cameraman": cameraman,
    }


def test_onnxruntime_embeddings_equal_opencv(ort_sface, cv_sface, detector, astronaut, cameraman):
    for name, photo in _photos(astronaut, cameraman).items():
        face = primary_face(detector.detect(photo))
        assert face is not None, name
        a, b = ort_sface.embed(photo, face), cv_sface.embed(photo, face)
        assert a.dtype == np.float32 and a.shape == (128,)
        assert float(a @ b) >= 0.9999, f"{name}: cosine {float(a @ b):.6f}"


def test_batch_equals_one_by_one(ort_sface, detector, astronaut):
    face = primary_face(detector.detect(astronaut))
    bare = Face(box=face.box, score=face.score)  # aligned differently: a different crop
    shifted = Face(box=(face.box[0] + 6, face.box[1], face.box[2], face.box[3]), score=face.score)
    faces = [face, bare, shifted]
    batch = ort_sface.embed_many(astronaut, faces)
    assert batch.shape == (3, 128)
    for row, f in zip(batch, faces, strict=True):
        assert float(row @ ort_sface.embed(astronaut, f)) >= 0.99999
    helper = embed_faces(ort_sface, astronaut, faces)
    assert len(helper) == 3 and np.allclose(np.stack(helper), batch, atol=1e-6)
    assert ort_sface.embed_many(astronaut, []).shape[0] == 0


def test_rewrite_report_on_the_shipped_model(model_store):
    model, report = rewrite_for_onnxruntime(model_store.path("sface").read_bytes())
    assert report.prelu_rewritten == 27 and report.prelu_kept == 0
    assert report.inputs_dropped > 100  # weights and BatchNorm parameters listed as graph inputs
    ort = pytest.importorskip("onnxruntime")
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    session = ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == ["data"]
    assert session.get_inputs()[0].shape[0] == "N"  # batch dimension made symbolic


def test_rewrite_rejects_non_models():
    with pytest.raises(FaceError):
        rewrite_for_onnxruntime(b"\x08\x06")  # ir_version only: no graph
    with pytest.raises(FaceError):
        rewrite_for_onnxruntime(b"\x3a\xff")  # graph field with a truncated length


def test_bad_backend_and_threads_are_named(model_store):
    with pytest.raises(ConfigError, match="backend"):
        SFaceMatcher(model_store, backend="tensorrt")
    with pytest.raises(ConfigError, match="threads"):
        SFaceMatcher(model_store, threads=0)
