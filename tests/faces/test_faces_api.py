"""The public names and call signatures the rest of aplguard codes against."""

from __future__ import annotations

import inspect

import aplguard.faces as faces


def _params(fn) -> list[str]:
    return [p for p in inspect.signature(fn).parameters if p not in ("self", "cls")]


def test_public_names():
    for name in ("ModelStore", "load_image", "FaceDetector", "SFaceMatcher", "DlibMatcher", "InsightFaceMatcher",
                 "Gallery", "FaceAuditor", "blur_faces", "matcher_registry", "FaceMatcher"):
        assert name in faces.__all__ and hasattr(faces, name)


def test_signatures():
    assert _params(faces.ModelStore) == ["home"]
    assert _params(faces.ModelStore.pull)[:1] == ["names"]
    assert _params(faces.load_image)[:1] == ["source"]
    assert _params(faces.FaceDetector)[:3] == ["store", "min_score", "model"]
    assert _params(faces.FaceDetector.detect) == ["image"]
    for matcher in (faces.SFaceMatcher, faces.DlibMatcher, faces.InsightFaceMatcher):
        assert _params(matcher.embed) == ["image", "face"]
    assert _params(faces.Gallery.add)[:4] == ["name", "images", "detector", "matcher"]
    assert _params(faces.Gallery.search) == ["embedding", "k"]
    assert _params(faces.FaceAuditor)[:3] == ["detector", "matcher", "gallery"]
    assert _params(faces.FaceAuditor.analyze) == ["image"]
    assert _params(faces.blur_faces) == ["image", "faces", "margin"]


def test_importing_the_package_loads_no_heavy_runtime():
    import subprocess
    import sys

    code = "import sys, aplguard.faces; print(any(m in sys.modules for m in ('mediapipe', 'cv2', 'dlib')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
