"""Fixtures for the face tests: real models from the local model cache, real photos from scikit-image.

Tests that need model files skip (with the command to fetch them) when the cache
lacks them; nothing here needs ../shared.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from aplguard.faces import ModelStore

NEEDED = ("blazeface-short", "blazeface-full", "sface")


@pytest.fixture(scope="session")
def model_store() -> ModelStore:
    pytest.importorskip("mediapipe", reason="mediapipe is not installed (pip install 'aplguard[faces]')")
    pytest.importorskip("cv2", reason="OpenCV is not installed (pip install 'aplguard[faces]')")
    store = ModelStore()
    missing = [n for n in NEEDED if not store.has(n)]
    if missing:
        pytest.skip(f"face models {missing} are not in {store.dir}; run: aplguard models pull")
    return store


@pytest.fixture(scope="session")
def detector(model_store):
    from aplguard.faces import FaceDetector

    det = FaceDetector(model_store).load()
    yield det
    det.close()


@pytest.fixture(scope="session")
def sface(model_store):
    from aplguard.faces import SFaceMatcher

    return SFaceMatcher(model_store).load()


@pytest.fixture(scope="session")
def astronaut() -> np.ndarray:
    skdata = pytest.importorskip("skimage.data", reason="scikit-image provides the test photos")
    return skdata.astronaut()


@pytest.fixture(scope="session")
def cameraman() -> np.ndarray:
    """A different real person (grayscale photo)."""
    skdata = pytest.importorskip("skimage.data")
    return np.stack([skdata.camera()] * 3, axis=-1)


@pytest.fixture(scope="session")
def no_face_images() -> dict[str, np.ndarray]:
    """Real photos without a human face (two of them are cat faces)."""
    skdata = pytest.importorskip("skimage.data")
    return {name: getattr(skdata, name)() for name in ("coffee", "chelsea", "cat", "rocket", "coins", "horse", "moon")}


@pytest.fixture
def photo_dir(tmp_path, astronaut, no_face_images):
    """A folder with a face photo, a no-face photo and a 0-byte 'photo'."""
    d = tmp_path / "photos"
    d.mkdir()
    Image.fromarray(astronaut).save(d / "astronaut.png")
    Image.fromarray(no_face_images["coffee"]).save(d / "coffee.jpg")
    (d / "empty.jpg").write_bytes(b"")
    (d / "notes.txt").write_text("not an image")  # not an image extension: skipped when walking
    return d
