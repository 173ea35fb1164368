"""Shared rescan fixtures: a gallery with the astronaut enrolled and a folder of test images.

Photos are scikit-image's public-domain samples; the no-face images are generated.
Tests that need them skip without mediapipe or the face model files.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image


@pytest.fixture(scope="session")
def rescan_gallery(tmp_path_factory):
    pytest.importorskip("mediapipe", reason="pip install 'aplguard[faces]'")
    skdata = pytest.importorskip("skimage.data", reason="scikit-image provides the test photos")
    from aplguard.faces import FaceDetector, Gallery, ModelStore, SFaceMatcher

    store = ModelStore()
    missing = [n for n in ("blazeface-short", "blazeface-full", "sface") if not store.has(n)]
    if missing:
        pytest.skip(f"face models {missing} missing; run: aplguard models pull")
    folder = tmp_path_factory.mktemp("rescan-gallery")
    gallery = Gallery.create(folder)
    report = gallery.add("Eileen Collins", [Image.fromarray(skdata.astronaut())], FaceDetector(store),
                         SFaceMatcher(store))
    assert report.accepted
    return str(folder)


def write_images(folder, count_noface: int = 3):
    """astronaut.png/.jpg (the enrolled face), sample photos, generated no-face images, and bad files.

    Returns {name: expectation} with expectation in {"match", "ok", "error"}.
    """
    import skimage.data as skdata

    folder.mkdir(parents=True, exist_ok=True)
    expect = {}
    Image.fromarray(skdata.astronaut()).save(folder / "astronaut.png")
    expect["astronaut.png"] = "match"
    Image.fromarray(skdata.astronaut()).save(folder / "astronaut.jpg", quality=92)
    expect["astronaut.jpg"] = "match"
    Image.fromarray(skdata.coffee()).save(folder / "coffee.png")
    expect["coffee.png"] = "ok"
    Image.fromarray(skdata.chelsea()).save(folder / "chelsea.jpg")
    expect["chelsea.jpg"] = "ok"
    rng = np.random.default_rng(0)
    for i in range(count_noface):
        arr = (rng.random((96 + 8 * i, 128, 3)) * 255).astype(np.uint8)
        Image.fromarray(arr).save(folder / f"noise_{i}.png")
        expect[f"noise_{i}.png"] = "ok"
    (folder / "corrupt.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a png" * 4)
    expect["corrupt.png"] = "error"
    Image.new("1", (20_000, 8)).save(folder / "oversized.png")  # tiny file, header over the side cap
    expect["oversized.png"] = "error"
    return expect


@pytest.fixture(scope="session")
def make_rescan_images():
    """:func:`write_images` as a fixture (test modules here are not a package)."""
    return write_images
